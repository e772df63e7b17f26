"""Writes partners.xls, the .xls XLSForm of tests/test_xlsform_partners.py. Run once, with
xlwt (not a dependency of consult: `pip install --target /tmp/xlwt xlwt==1.3.0`, then
`PYTHONPATH=/tmp/xlwt python tests/conformance/xls/make_partners_xls.py`)."""

from pathlib import Path

import xlwt

SHEETS = {
    "survey": [
        ["type", "name", "label::English (en)", "label::Tetun (tet)", "relevant", "required"],
        ["text", "village", "Your village", "Ita-nia suku", None, "yes"],
        ["select_one water or_other", "water", "Water?", "Bee?", "${village} != ''", None],
        ["integer", "people", "People", "Ema", None, None],
    ],
    "choices": [
        ["list_name", "name", "label::English (en)", "label::Tetun (tet)"],
        ["water", "well", "Well", "Bee-matan"],
        ["water", "tap", "Tap", "Torneira"],
    ],
    "settings": [["form_title", "form_id", "default_language"], ["Water", "water", "English (en)"]],
}

book = xlwt.Workbook(encoding="utf-8")
for name, rows in SHEETS.items():
    sheet = book.add_sheet(name)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
book.save(str(Path(__file__).with_name("partners.xls")))
