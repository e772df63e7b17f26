"""XLSForm the way partners write it: every language named, old .xls files,
"other, please specify", and pyxform's other column names."""

import io
import json
from pathlib import Path

import openpyxl
import pytest
from pyxform.xls2xform import convert
from sqlalchemy import select

from consult.design.definition import from_definition, to_definition
from consult.design.models import Round
from consult.design.xlsform import XLSFormError, read_xlsform, write_xlsform
from consult.design.xlsform.common import language_code, language_name
from consult.design.xlsform.workbook import OLE_SIGNATURE
from consult.extensions import db


def round_in(languages, questions):
    """A one-page round of ``questions``, every text in every language."""
    return {
        "format": "consult-round/1",
        "slug": "partners",
        "languages": languages,
        "source_language": languages[0],
        "access_mode": "public",
        "min_cell_size": 5,
        "title": {languages[0]: "Partners"},
        "introduction": {},
        "thank_you": {},
        "sections": [
            {
                "title": {code: f"Page ({code})" for code in languages},
                "introduction": {},
                "condition": None,
                "questions": questions,
            }
        ],
    }


def said(text, languages):
    return {code: f"{text} ({code})" for code in languages}


def xlsx(**sheets):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def questions_of(definition):
    return [q for section in definition["sections"] for q in section["questions"]]


# --- 1. Every language has a name --------------------------------------------------------

TIMOR = ["en", "tet", "prs", "elv"]
TIMOR_ROUND = round_in(
    TIMOR,
    [
        {
            "code": "village",
            "kind": "short_text",
            "text": said("Your village", TIMOR),
            "help": said("As you call it", TIMOR),
            "required": True,
            "condition": None,
            "choices": [],
        },
        {
            "code": "water",
            "kind": "single_choice",
            "text": said("Water?", TIMOR),
            "help": {},
            "required": False,
            "condition": {"question": "village", "op": "answered"},
            "choices": [
                {"code": "well", "role": "option", "label": said("Well", TIMOR), "hidden": False},
                {"code": "tap", "role": "option", "label": said("Tap", TIMOR), "hidden": False},
            ],
        },
    ],
)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("en", "English"),
        ("tet", "Tetun"),
        ("prs", "Dari"),
        ("elv", "elv"),  # no name anywhere: the code itself
        ("und", "Unknown language"),  # not "English", Babel's likeliest locale for it
        ("tpi", "Tok Pisin"),  # Babel names it, though it has no locale for it
        ("zz", "zz"),
        ("", ""),
    ],
)
def test_every_language_code_has_a_name_and_none_raises(code, name):
    assert language_name(code) == name


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("Dari (prs)", "prs"),
        ("Dari", "prs"),  # not dar, which is Dargwa
        ("Dari (fa-AF)", "fa_AF"),
        ("Tetun (tet)", "tet"),
        ("Tetun", "tet"),
        ("Tetum", "tet"),
        ("elv (elv)", "elv"),
    ],
)
def test_partner_language_headers_become_their_codes(header, code):
    assert language_code(header) == code


def test_a_round_in_tetun_and_dari_exports_converts_and_comes_back():
    from_definition(TIMOR_ROUND)
    exported = write_xlsform(TIMOR_ROUND)
    header = [cell.value for cell in openpyxl.load_workbook(io.BytesIO(exported))["survey"][1]]
    assert {"label::Tetun (tet)", "label::Dari (prs)", "hint::elv (elv)"} <= set(header)
    xform = convert(xlsform=exported, file_type=".xlsx").xform
    for language in ("Tetun (tet)", "Dari (prs)", "elv (elv)"):
        assert f'lang="{language}"' in xform
    definition, report = read_xlsform(exported, "partners.xlsx")
    from_definition(definition)
    assert definition["languages"] == TIMOR
    back, original = questions_of(definition), questions_of(TIMOR_ROUND)
    assert [q["text"] for q in back] == [q["text"] for q in original]
    assert back[0]["help"] == original[0]["help"]
    assert back[1]["choices"] == original[1]["choices"]
    assert back[1]["condition"] == original[1]["condition"]
    assert not report.skipped


def test_the_cli_and_the_web_export_a_round_in_tetun(app, runner, client, auth, tmp_path):
    source = tmp_path / "partners.json"
    source.write_text(json.dumps(TIMOR_ROUND), encoding="utf-8")
    assert runner.invoke(args=["rounds", "import", str(source)]).exit_code == 0
    output = tmp_path / "partners.xlsx"
    result = runner.invoke(
        args=["rounds", "export", "partners", "--format", "xlsform", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert 'lang="Tetun (tet)"' in convert(xlsform=str(output)).xform
    auth.login("designer")
    response = client.get("/staff/rounds/partners/export.xlsx")
    assert response.status_code == 200
    assert 'lang="Dari (prs)"' in convert(xlsform=response.data, file_type=".xlsx").xform


# --- 2. Old .xls files ---------------------------------------------------------------------

XLS = Path(__file__).resolve().parent / "conformance" / "xls" / "partners.xls"


def test_an_xls_form_imports_like_an_xlsx_one():
    definition, report = read_xlsform(XLS.read_bytes(), "partners.xls")
    from_definition(definition)
    assert definition["slug"] == "water" and definition["languages"] == ["en", "tet"]
    village, water, people = questions_of(definition)
    assert village["text"] == {"en": "Your village", "tet": "Ita-nia suku"}
    assert village["required"] and water["condition"] == {"question": "village", "op": "answered"}
    assert [(c["code"], c["role"]) for c in water["choices"]] == [
        ("well", "option"),
        ("tap", "option"),
        ("other", "other"),
    ]
    assert water["choices"][0]["label"] == {"en": "Well", "tet": "Bee-matan"}
    assert people["kind"] == "number" and not people["allow_decimals"]
    assert not report.skipped
    convert(xlsform=write_xlsform(definition), file_type=".xlsx", validate=True)


@pytest.mark.parametrize(
    ("bound", "limit", "message"),
    [
        ("MAX_ROWS", 3, "“survey” has more than 3 rows"),
        ("MAX_CELLS", 10, "“survey” has more than 10 cells"),
    ],
)
def test_an_xls_form_is_held_to_the_same_bounds(monkeypatch, bound, limit, message):
    monkeypatch.setattr(f"consult.design.xlsform.workbook.{bound}", limit)
    with pytest.raises(XLSFormError, match=message):
        read_xlsform(XLS.read_bytes(), "partners.xls")


@pytest.mark.parametrize(
    "content",
    [OLE_SIGNATURE + bytes(600), OLE_SIGNATURE + b"\xff" * 5000, b"\xd0\xcf\x11\xe0 not xls"],
)
def test_a_broken_xls_file_is_refused_with_a_reason(content):
    with pytest.raises(XLSFormError, match=r"could not be read|not an \.xlsx"):
        read_xlsform(content, "broken.xls")


def test_an_xls_form_imports_through_the_cli_and_the_upload_page(app, runner, client, auth):
    from .conftest import csrf_token

    result = runner.invoke(args=["rounds", "import", str(XLS), "--slug", "water-cli"])
    assert result.exit_code == 0, result.output
    auth.login("designer")
    page = client.get("/staff/rounds/import")
    response = client.post(
        "/staff/rounds/import",
        data={
            "csrf_token": csrf_token(page.text),
            "file": (io.BytesIO(XLS.read_bytes()), "partners.xls"),
            "slug": "water-web",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "The round was imported as a draft" in response.text
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "water-web"))
        assert round_.languages == ["en", "tet"]
    refused = client.post(
        "/staff/rounds/import",
        data={
            "csrf_token": csrf_token(page.text),
            "file": (io.BytesIO(b"a,b"), "form.ods"),
        },
        content_type="multipart/form-data",
    )
    assert "Please choose a .json file or an XLSForm (.xlsx, .xls, .csv or .md)." in refused.text


# --- 3. "Other, please specify" ------------------------------------------------------------

BOTH = ["en", "fr"]


def with_other(code, kind):
    options = [
        {"code": "well", "role": "option", "label": said("Well", BOTH), "hidden": False},
        {"code": "tap", "role": "option", "label": said("Tap", BOTH), "hidden": False},
        {"code": "other", "role": "other", "label": said("Other", BOTH), "hidden": False},
    ]
    return {
        "code": code,
        "kind": kind,
        "text": said(code, BOTH),
        "help": {},
        "required": kind == "single_choice",
        "condition": None,
        "choices": options,
    }


OTHER_ROUND = round_in(
    BOTH, [with_other("water", "single_choice"), with_other("sources", "multiple_choice")]
)


def test_other_please_specify_is_written_as_xlsform_writes_it_and_read_back():
    from consult.design.definition import to_definition

    exported = write_xlsform(OTHER_ROUND)
    survey = openpyxl.load_workbook(io.BytesIO(exported))["survey"]
    types = {row[1]: row[0] for row in survey.iter_rows(min_row=2, values_only=True)}
    assert types["water"] == "select_one list_water or_other"
    assert types["sources"] == "select_multiple list_sources or_other"
    xform = convert(xlsform=exported, file_type=".xlsx").xform
    assert "<water_other/>" in xform and "<sources_other/>" in xform
    assert "<value>Other (fr)</value>" in xform  # the choice keeps its own labels
    definition, report = read_xlsform(exported, "partners.xlsx")
    assert not report.skipped
    assert (
        to_definition(from_definition(definition))["sections"][0]["questions"]
        == (to_definition(from_definition(OTHER_ROUND))["sections"][0]["questions"])
    )


def test_other_is_left_a_plain_choice_when_or_other_would_clash():
    """pyxform's text box is named code_other and shows for the choice "other" only."""
    clash = with_other("water", "single_choice")
    clash["choices"][-1]["code"] = "autre"
    taken = {**with_other("tap", "single_choice"), "code": "tap"}
    box = {**with_other("tap_other", "short_text"), "choices": []}
    definition = round_in(BOTH, [clash, taken, box])
    exported = write_xlsform(definition)
    survey = openpyxl.load_workbook(io.BytesIO(exported))["survey"]
    types = {row[1]: row[0] for row in survey.iter_rows(min_row=2, values_only=True)}
    assert types["water"] == "select_one list_water" and types["tap"] == "select_one list_tap"
    convert(xlsform=exported, file_type=".xlsx")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_builder_names_languages_babel_has_no_data_for(app, client, auth):
    """A round in Tetun and Dari opens in the builder (it crashed on their names)."""
    from .builder import Builder

    auth.login("designer")
    slug = Builder(app, client).new_round(languages="en, tet, prs")
    page = client.get(f"/staff/rounds/{slug}/")
    assert page.status_code == 200
    assert "Tetun" in page.text and "دری" in page.text


def test_pyxforms_other_column_names_are_read_as_pyxform_reads_them():
    """KoboToolbox fixtures write bind::relevant, bind::required and caption: the condition
    and the required flag were dropped with no report line."""
    from .test_xlsform import imported, questions_of

    definition, report = imported(
        survey=[
            ["type", "name", "caption", "bind::required", "bind::relevant"],
            ["select_one yn", "carry", "Do you carry naloxone?", "yes", ""],
            ["text", "where", "Where do you get it?", "true()", "${carry} = 'yes'"],
            ["integer", "age", "Age", "", ""],
        ],
        choices=[["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]],
    )
    carry, where, age = questions_of(definition)
    assert carry["text"] == {"en": "Do you carry naloxone?"} and carry["required"] is True
    assert where["required"] is True
    assert where["condition"] == {"question": "carry", "op": "equals", "value": "yes"}
    assert age["required"] is False and age["condition"] is None
    assert not report.skipped


def test_references_to_answers_in_texts_are_reported_and_never_shown_raw():
    """pyxform fills ${…} in with an answer; consult does not: a member would have read
    "${calculate_test}". The text keeps the rest, the report names each, and the export
    converts with pyxform."""
    from consult.design.definition import from_definition, to_definition

    from .test_xlsform import imported, questions_of

    definition, report = imported(
        survey=[
            ["type", "name", "label", "hint"],
            ["calculate", "calculate_test", "", ""],
            ["text", "name", "Your first name?", ""],
            ["integer", "age", "How old are you, ${name}?", "Total: ${calculate_test}"],
            ["select_one yn", "again", "Again?", ""],
        ],
        choices=[["list_name", "name", "label"], ["yn", "yes", "Yes, ${name}"], ["yn", "no", "No"]],
    )
    _first, age, again = questions_of(definition)
    assert age["text"] == {"en": "How old are you, …?"} and age["help"] == {"en": "Total: …"}
    assert again["choices"][0]["label"] == {"en": "Yes, …"}
    assert any("age" in note and "${calculate_test}, ${name}" in note for note in report.notes)
    assert any("again" in note and "${name}" in note for note in report.notes)
    exported = write_xlsform(to_definition(from_definition(definition)))
    assert "${" not in convert(xlsform=exported, file_type=".xlsx").xform.split("<h:body>")[1]


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_an_address_typed_on_the_import_page_is_not_reported_as_taken_from_the_file(
    app, client, auth
):
    from .conftest import post_file
    from .test_xlsform import xlsx

    auth.login("designer")
    form = xlsx(
        survey=[["type", "name", "label"], ["text", "where", "Where?"]],
    )
    typed = post_file(
        client, "/staff/rounds/import", "/staff/rounds/import", "f.xlsx", form, slug="typed-here"
    )
    assert "The round was imported as a draft" in typed.text
    assert "slug taken from the file name" not in typed.text
    untyped = post_file(client, "/staff/rounds/import", "/staff/rounds/import", "g.xlsx", form)
    assert "no settings sheet: slug taken from the file name" in untyped.text


def test_choice_codes_with_spaces_are_reported_and_conditions_still_find_them():
    from .test_xlsform import imported, questions_of

    definition, report = imported(
        survey=[
            ["type", "name", "label", "hint", "relevant"],
            ["select_one c", "q", "Sure?", "", ""],
            ["text", "t", "Why not?", "", "${q} = 'not sure'"],
            ["note", "n", "", "Thank you for telling us.", ""],
        ],
        choices=[
            ["list_name", "name", "label"],
            ["c", "not sure", "Not sure"],
            ["c", "yes", "Yes"],
        ],
    )
    q, t, note = questions_of(definition)
    assert [c["code"] for c in q["choices"]] == ["not_sure", "yes"]
    assert t["condition"] == {"question": "q", "op": "equals", "value": "not_sure"}
    assert any("'not sure'" in line and "'not_sure'" in line for line in report.notes)
    # A note with only a hint: members read the hint, so it is the note's text.
    assert note["text"] == {"en": "Thank you for telling us."} and note["help"] == {}
    exported = write_xlsform(to_definition(from_definition(definition)))
    again, _report = read_xlsform(exported)
    assert questions_of(again)[2]["text"] == note["text"]


# --- 6. XLSForms written as text: .csv and .md ---------------------------------------------

CSV_FORM = b"""survey
,type,name,label::English (en),label::Tetun (tet),bind::relevant,required
,select_one yn,carry,Do you carry naloxone?,Ita lori naloxone?,,yes
,text,why,"Why not, then?",Tanba sa la?,${carry} = 'n',
choices
,list_name,name,label::English (en),label::Tetun (tet)
,yn,y,Yes,Sin
,yn,n,No,Lae
settings
,form_title,form_id
,Carrying,carrying
"""

MD_FORM = b"""
| survey |
|        | type          | name  | label        | relevant      |
|        | integer       | age   | Age # years  |               |
|        | select_one yn | carry | Do you carry? | ${age} != '' |
| choices |
|         | list_name | name | label |
|         | yn        | y    | Yes   |
|         | yn        | n    | No    | # a comment pyxform drops
"""


def test_a_csv_form_imports_as_pyxform_reads_it():
    definition, report = read_xlsform(CSV_FORM, "carrying.csv")
    from_definition(definition)
    assert definition["slug"] == "carrying" and definition["languages"] == ["en", "tet"]
    carry, why = questions_of(definition)
    assert carry["required"] and carry["text"] == {
        "en": "Do you carry naloxone?",
        "tet": "Ita lori naloxone?",
    }
    assert why["text"]["en"] == "Why not, then?"  # a quoted comma stays in its cell
    assert why["condition"] == {"question": "carry", "op": "equals", "value": "n"}
    assert not report.skipped
    convert(xlsform=write_xlsform(definition), file_type=".xlsx", validate=True)


def test_a_markdown_form_imports_as_pyxform_reads_it():
    definition, report = read_xlsform(MD_FORM, "age.md")
    from_definition(definition)
    age, carry = questions_of(definition)
    assert age["kind"] == "number" and age["text"] == {"en": "Age # years"}
    assert carry["condition"] == {"question": "age", "op": "answered"}
    assert [c["code"] for c in carry["choices"]] == ["y", "n"]
    assert report.skipped == []


def test_a_text_form_is_held_to_the_bounds_of_a_workbook(monkeypatch):
    monkeypatch.setattr("consult.design.xlsform.textforms.MAX_ROWS", 2)
    with pytest.raises(XLSFormError, match="“survey” has more than 2 rows"):
        read_xlsform(CSV_FORM, "carrying.csv")
    monkeypatch.undo()
    monkeypatch.setattr("consult.design.xlsform.textforms.MAX_CELL_CHARACTERS", 10)
    with pytest.raises(XLSFormError, match="more than 10 characters"):
        read_xlsform(MD_FORM, "age.md")


def test_a_text_form_of_too_many_cells_is_refused_before_it_is_read(monkeypatch):
    def never(*args):
        raise AssertionError("pyxform was asked to read it")

    monkeypatch.setattr("consult.design.xlsform.textforms.READERS", {"csv": (never, ",")})
    huge = b"survey\n,type,name\n" + b",text,a" * 400_000
    with pytest.raises(XLSFormError, match="more than 600,?000 cells"):
        read_xlsform(huge, "huge.csv")


def test_a_markdown_line_that_would_take_pyxform_minutes_is_refused_at_once():
    # pyxform's comment pattern backtracks from each "#" to the next "|": 100,000 of them
    # on one line took it 29 s here; the bound refuses the file after counting a few.
    line = "| | text | a" + "#" * 100_000 + "|\n"
    with pytest.raises(XLSFormError, match="too many “#” marks"):
        read_xlsform(("| survey |\n| | type | name |\n" + line).encode(), "slow.md")


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"\xff\xfesurvey", "latin.csv", "not UTF-8 text"),
        (b"just some words", "notes.md", "a .md form has a line with a sheet's name"),
        (b"type;name;label", "semicolons.csv", "a .csv form has a line with a sheet's name"),
    ],
)
def test_a_text_file_that_is_not_a_form_is_refused_with_a_reason(content, name, reason):
    with pytest.raises(XLSFormError, match=reason):
        read_xlsform(content, name)


def test_a_csv_form_imports_through_the_upload_page(app, client, auth):
    from .conftest import csrf_token

    auth.login("designer")
    page = client.get("/staff/rounds/import")
    assert ".csv or .md" in page.text
    response = client.post(
        "/staff/rounds/import",
        data={"csrf_token": csrf_token(page.text), "file": (io.BytesIO(CSV_FORM), "c.csv")},
        content_type="multipart/form-data",
    )
    assert "The round was imported as a draft" in response.text
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == "carrying"))
        assert round_.languages == ["en", "tet"]


# --- 7. Formulas ---------------------------------------------------------------------------


def test_formula_cells_are_reported_and_the_export_stays_valid():
    """The three formulas the partners' files held: "=B2" as a label, a formula building
    "${…}" and "=$B2" as a name."""
    workbook = openpyxl.Workbook()
    survey = workbook.active
    survey.title = "survey"
    for row in (
        ["type", "name", "label"],
        ["text", "first", "First"],
        ["text", "=$B2", "=B2"],
        ["text", "built", '="${"&B2&"}"'],
    ):
        survey.append(row)
    out = io.BytesIO()
    workbook.save(out)
    definition, report = read_xlsform(out.getvalue(), "formulas.xlsx")
    from_definition(definition)
    for cell in ("survey row 3 (name)", "survey row 3 (label)", "survey row 4 (label)"):
        assert f"{cell}: a formula, read as its text" in report.notes
    _first, copied, built = questions_of(definition)
    assert copied["code"] == "__B2" and copied["text"] == {"en": "=B2"}
    assert "the question's code is '__B2'" in " ".join(report.notes)
    assert "${" not in built["text"]["en"]  # the reference a formula built, not shown raw
    convert(xlsform=write_xlsform(definition), file_type=".xlsx", validate=True)
