"""XLSForm (.xlsx, the KoboToolbox/ODK standard) to and from a round definition.

``read_xlsform`` maps what consult can ask and lists, by spreadsheet row, everything it
cannot (repeats, GPS, media, calculations, external choices...) in an ``ImportReport``; its
result is a ``consult-round/1`` dict (docs/ROUND_FORMAT.md) for ``from_definition``.
``write_xlsform`` makes a workbook that pyxform converts without error.

Formulas are never evaluated: the workbook is opened with formulas as text (pyxform's own
``xlsx_to_dict`` would give the result the spreadsheet program cached), so a cell "=1+1"
is the text "=1+1" and the report notes it. Texts starting with "=" are kept as text.
"""

from .common import ImportReport, XLSFormError
from .reading import read_xlsform
from .writing import write_xlsform

__all__ = ["ImportReport", "XLSFormError", "read_xlsform", "write_xlsform"]
