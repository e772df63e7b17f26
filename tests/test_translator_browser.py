"""A translator works offline on the demo round in Debian's Chromium: downloads
the XLSX, changes two translations and empties one, imports it, and reads the report in
words, each text named by where it is."""

import io

import openpyxl
import pytest
from sqlalchemy import select

from consult.extensions import db

from .browser import new_page, screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_translator_imports_an_xlsx_and_reads_the_report_in_words(
    live_server, browser, tmp_path, language
):
    from consult.accounts.operations import create_user
    from consult.design.models import Round
    from consult.translate.operations import assign_translator

    app, base = live_server
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "priorities-2027"))
        create_user("translator@example.org", "a long enough password", "translator")
        assign_translator(round_, "translator@example.org", "fr")
        title_fr = round_.title["fr"]
    page = new_page(browser, False, 1280, 900)
    page.goto(f"{base}/staff/login?lang={language}")
    page.locator("input[type=email]").fill("translator@example.org")
    page.locator("input[type=password]").fill("a long enough password")
    page.locator("main form button[type=submit]").click()
    page.goto(f"{base}/staff/rounds/priorities-2027/translate/fr")
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    workbook = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = workbook.active
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    rows["round.title"][3].value = title_fr + " (révisé)"
    question = next(key for key in rows if key.startswith("question.") and key.endswith(".text"))
    rows[question][3].value = "Une question reformulée ?"
    choice = next(key for key in rows if key.startswith("choice."))
    rows[choice][3].value = ""
    where = rows[choice][1].value  # "Page 1, question 1: choice “…”"
    path = tmp_path / "fr.xlsx"
    out = io.BytesIO()
    workbook.save(out)
    path.write_bytes(out.getvalue())
    page.set_input_files("input[type=file]", str(path))
    page.locator("form[enctype] button[type=submit]").click()
    report = page.locator("main")
    counts = report.locator("ul.import-counts li").all_inner_texts()
    screenshot(page, f"translation-import-report-{language}.png", full_page=True)
    if language == "en":
        assert counts[0] == "2 translations updated"
        assert counts[3] == "1 empty in the file (left as it was)"
        assert report.get_by_role("heading", name="Empty in the file").is_visible()
    assert report.locator("bdi", has_text=where).count() == 1
    assert "choice." not in report.inner_text() and "round.title" not in report.inner_text()
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "priorities-2027"))
        assert round_.title["fr"] == title_fr + " (révisé)"
