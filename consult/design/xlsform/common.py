"""What the XLSForm reader and writer share: limits, type tables, the report, and
language names and codes."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from ...spreadsheets import SpreadsheetRefused
from ..definition import LANGUAGE, QUESTION_SETTINGS

MAX_FILE = 10 * 1024 * 1024
MAX_UNZIPPED = 50 * 1024 * 1024

# Bounds on the sheets of a form, checked on its XML by the spreadsheet gate
# (consult.spreadsheets, which also bounds what every workbook may hold) before openpyxl
# reads it.
#: Rows of a sheet, numbered as the spreadsheet numbers them (the header is row 1), up to
#: the last row read: a 1,000-question form in 10 languages has about 1,500.
MAX_ROWS = 5_000
#: Cells of a sheet, empty formatted ones included (openpyxl reads each): 40 columns of
#: MAX_ROWS rows.
MAX_CELLS = 200_000
#: As pyxform: after this many empty rows in a row, a sheet ends (rows below are not read).
EMPTY_ROWS_ENDING_A_SHEET = 60
#: Seconds of reading and mapping a form, beyond which it is refused: a form within the
#: bounds above takes a few seconds at most; this catches what they do not foresee.
MAX_SECONDS = 20
#: XLSForms written as text, read by pyxform's own readers (textforms.py).
TEXT_FORM_SUFFIXES = ("csv", "md")
SHEETS = ("survey", "choices", "settings", "external_choices", "osm", "entities")
YES = ("yes", "true", "true()", "1")
STRUCTURE = re.compile(r"^(begin|end)[ _]?(group|repeat|loop|lgroup|looped group)\b", re.I)
SELECT = re.compile(
    r"^(?:(?P<one>select_one|select one from|select one using|select one|select1|"
    r"add select one prompt using)|(?P<multiple>select_multiple|select all that apply from|"
    r"select all that apply|select multiple from|select multiple using|"
    r"add select multiple prompt using)|(?P<rank>rank))\s+(?P<list>\S+)"
    r"(?:\s+(?P<other>or_other|or specify other))?$",
    re.I,
)


def N_(message):
    """Marks a message for extraction (a default pybabel keyword); it is translated with
    gettext where it is shown."""
    return message


#: (pattern, message) for types consult does not ask; the first match wins, so that
#: "select_one_from_file" counts as an external list, not as media. Each message is
#: translated where it is used, with the survey row as %(where)s.
UNSUPPORTED = [
    (
        r"external|from.file|^osm|^csv-|^xml-",
        N_("%(where)s: external choice lists are not supported"),
    ),
    (r"geo|gps|location", N_("%(where)s: GPS questions are not supported")),
    (
        r"start|end|today|device|imei|sim|subscriber|username|phone|email|audit|^uri:",
        N_("%(where)s: device and personal data are never collected"),
    ),
    (r"image|photo|picture|audio|video|file", N_("%(where)s: media questions are not supported")),
    (r"calculat|hidden", N_("%(where)s: calculations are not supported")),
    (r"date|time|days in", N_("%(where)s: date and time questions are not supported")),
    (
        r"barcode|acknowledge|range|trigger|percentage",
        N_("%(where)s: this question type is not supported"),
    ),
]
#: A question as from_definition reads it, before the row fills it in.
QUESTION = {
    **dict.fromkeys(QUESTION_SETTINGS),
    **dict.fromkeys(("allow_decimals", "dropdown", "randomise_choices"), False),
}
BOUND = re.compile(
    r"^\s*(?P<lhs>\.|count-selected\(\s*\.\s*\)|string-length\(\s*\.\s*\))\s*"
    r"(?P<op><=|>=)\s*(?P<n>-?\d+(?:\.\d+)?)\s*$"
)


class XLSFormError(SpreadsheetRefused):
    """The file cannot be imported at all; ``report`` says what was read, if anything."""

    def __init__(self, message, report=None):
        super().__init__(message)
        self.report = report


@dataclass
class ImportReport:
    skipped: list[str] = field(default_factory=list)  # rows and constructs not mapped
    notes: list[str] = field(default_factory=list)  # other remarks


#: Languages partners' forms use that Babel has no name for, or names otherwise than the
#: partners do ({code: English name}); read back from a header's name, too ("Dari" is prs,
#: ISO 639-3, not dar, which is Dargwa).
OUR_LANGUAGES = {"prs": "Dari", "tet": "Tetun"}
#: Other names of those languages a header may give.
OUR_LANGUAGE_NAMES = {"tetum": "tet", "tetun dili": "tet", "dari persian": "prs"}


@lru_cache(maxsize=1)
def _babel_languages():
    """({code: English name}, {lower-case English name: shortest code})."""
    codes = {c: n for c, n in Locale("en").languages.items() if re.fullmatch(r"[a-z]{2,3}", c)}
    names = {}
    for code in sorted(codes, key=len):
        names.setdefault(codes[code].lower(), code)
    codes.update(OUR_LANGUAGES)
    names.update({name.lower(): code for code, name in OUR_LANGUAGES.items()})
    names.update(OUR_LANGUAGE_NAMES)
    return codes, names


def _as_code(text):
    language, _, region = text.strip().replace("-", "_").partition("_")
    code = f"{language.lower()}_{region}" if region else language.lower()
    return code if LANGUAGE.match(code) else None


def language_code(raw):
    """'English (en)' -> en, 'EN' -> en, 'French' -> fr, 'Dari' -> prs, 'Elvish' -> elv."""
    codes, names = _babel_languages()
    bracket = re.search(r"\(([^()]*)\)\s*$", raw or "")
    if bracket and _as_code(bracket.group(1)):
        return _as_code(bracket.group(1))
    bare = re.sub(r"\([^()]*\)\s*$", "", raw or "").strip()
    if _as_code(bare) and _as_code(bare).split("_")[0] in codes:
        return _as_code(bare)
    if bare.lower() in names:
        return names[bare.lower()]
    letters = re.sub(r"[^a-z]", "", bare.lower())[:3]
    return letters if len(letters) >= 2 else "und"


def language_name(code):
    """The English name of any language code, never an exception: ours for the languages
    of OUR_LANGUAGES, else Babel's (of the locale, else of its language), else the code."""
    code = str(code or "")
    language = code.replace("-", "_").partition("_")[0].lower()
    if code in OUR_LANGUAGES or language in OUR_LANGUAGES:
        return OUR_LANGUAGES.get(code) or OUR_LANGUAGES[language]
    try:
        locale = Locale.parse(code)
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        locale = None
    # Babel parses "und" (undetermined) as the likeliest locale, English: not its name.
    name = locale.get_language_name("en") if locale and locale.language == language else None
    return name or _babel_languages()[0].get(language) or code


# --- relevant expressions ----------------------------------------------------------------

TOKEN = re.compile(
    r"\s*(?:\$\{(?P<ref>[^}]*)\}|'(?P<sq>[^']*)'|\"(?P<dq>[^\"]*)\"|(?P<num>-?\d+(?:\.\d+)?)"
    r"|(?P<word>and|or|not|selected|concat)\b|(?P<sym>!=|=|\(|\)|,))"
)
NEGATION = {
    "equals": "not_equals",
    "not_equals": "equals",
    "answered": "not_answered",
    "not_answered": "answered",
}


def choice_code(name):
    """A choice's code as consult and XLSForm both accept it: a space or other white space,
    which a multiple choice's answer would split on, becomes "_"; letters of every script
    stay, so that codes in Arabic or Russian stay apart."""
    return re.sub(r"\s", "_", str(name))[:60]
