"""XLSForm import and export (consult/design/xlsform.py): pure functions, no app needed."""

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pyxform.xls2xform import convert

from consult.design.definition import from_definition
from consult.design.xlsform import XLSFormError, read_xlsform, write_xlsform
from consult.design.xlsform.common import language_code

#: XLSForm's own test forms, copied with their licence from shared/conformance/xlsform so
#: that a clone of the repository alone runs every test.
CORPUS = Path(__file__).resolve().parent / "conformance" / "xlsform"


def texts(en, fr, ar):
    return {"en": en, "fr": fr, "ar": ar}


def choice(code, en, fr, ar, role="option"):
    return {"code": code, "role": role, "label": texts(en, fr, ar), "hidden": False}


def question(code, kind, text, **settings):
    return {
        "code": code,
        "kind": kind,
        "text": texts(*text),
        "help": settings.pop("help", {}),
        "required": settings.pop("required", False),
        "condition": settings.pop("condition", None),
        "choices": settings.pop("choices", []),
        **settings,
    }


ROLES = [
    choice("peer", "Peer worker", "Pair-aidant", "عامل أقران"),
    choice("nurse", "Nurse", "Infirmière", "ممرضة"),
    choice("other", "Other", "Autre", "آخر", role="other"),
    choice(
        "prefer_not",
        "Prefer not to say",
        "Préfère ne pas dire",
        "أفضل عدم القول",
        role="prefer_not",
    ),
]
TOPICS = [
    choice("housing", "Housing", "Logement", "السكن"),
    choice("naloxone", "Naloxone", "Naloxone", "نالوكسون"),
    choice("police", "@police", "+police", "-الشرطة"),  # would be formulas if written raw
]
POINTS = [choice(str(n), f"Point {n}", f"Point {n}", f"نقطة {n}") for n in range(1, 6)]
DEFINITION = {
    "format": "consult-round/1",
    "slug": "priorities-2027",
    "languages": ["en", "fr", "ar"],
    "source_language": "en",
    "access_mode": "public",
    "min_cell_size": 5,
    "title": texts("Priorities 2027", "Priorités 2027", "أولويات 2027"),
    "introduction": {},
    "thank_you": {},
    "sections": [
        {
            "title": texts("About you", "À propos de vous", "عنك"),
            "introduction": {},
            "condition": None,
            "questions": [
                question(
                    "role",
                    "single_choice",
                    ("Your role?", "Votre rôle ?", "دورك؟"),
                    required=True,
                    choices=ROLES,
                    dropdown=True,
                ),
                question(
                    "topics",
                    "multiple_choice",
                    ("Topics", "Thèmes", "المواضيع"),
                    choices=TOPICS,
                    min_choices=1,
                    max_choices=2,
                    condition={"question": "role", "op": "equals", "value": "peer"},
                ),
                question(
                    "age",
                    "number",
                    ("Age", "Âge", "العمر"),
                    required=True,
                    min_value=16.0,
                    max_value=99.0,
                    allow_decimals=False,
                ),
                question(
                    "hours",
                    "number",
                    ("Hours", "Heures", "ساعات"),
                    allow_decimals=True,
                    help=texts("=1+1 is not a formula", "=SUM(A1)", "=١+١"),
                ),
                question(
                    "name",
                    "short_text",
                    ("Name", "Nom", "الاسم"),
                    max_length=80,
                    condition={"question": "role", "op": "answered"},
                ),
                question(
                    "story",
                    "long_text",
                    ("Your story", "Votre histoire", "قصتك"),
                    condition={"question": "topics", "op": "not_equals", "value": "police"},
                ),
            ],
        },
        {
            "title": texts("Priorities", "Priorités", "الأولويات"),
            "introduction": {},
            "condition": {"question": "role", "op": "not_equals", "value": "nurse"},
            "questions": [
                question("intro", "info", ("Read this", "Lisez ceci", "اقرأ هذا")),
                question("agree", "scale", ("Agree?", "D'accord ?", "موافق؟"), choices=POINTS),
                question("score", "rating", ("Score", "Note", "التقييم")),
                question(
                    "ranks", "ranking", ("Rank", "Classez", "رتب"), choices=TOPICS, rank_count=3
                ),
                question(
                    "consent",
                    "yes_no",
                    ("Consent?", "Accord ?", "موافقة؟"),
                    choices=[choice("yes", "Yes", "Oui", "نعم"), choice("no", "No", "Non", "لا")],
                ),
                question(
                    "services",
                    "matrix",
                    ("Services", "Services", "الخدمات"),
                    required=True,
                    choices=[
                        choice("clinic", "Clinic", "Clinique", "عيادة", role="row"),
                        choice("outreach", "Outreach", "Proximité", "التوعية", role="row"),
                        *POINTS[:3],
                    ],
                ),
                question(
                    "combo",
                    "short_text",
                    ("Combo", "Combo", "مركب"),
                    condition={
                        "all": [
                            {"question": "role", "op": "equals", "value": "peer"},
                            {
                                "any": [
                                    {"question": "topics", "op": "equals", "value": "housing"},
                                    {"question": "name", "op": "not_answered"},
                                ]
                            },
                        ]
                    },
                ),
            ],
        },
    ],
}
#: Kinds that survive a round trip; the others become single choice questions.
AFTER_ROUND_TRIP = {"scale": "single_choice", "rating": "single_choice", "yes_no": "single_choice"}


def xlsx(**sheets):
    """An .xlsx of {sheet name: [header row, row, ...]}."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def imported(**sheets):
    definition, report = read_xlsform(xlsx(**sheets))
    from_definition(definition)
    return definition, report


def questions_of(definition):
    return [q for section in definition["sections"] for q in section["questions"]]


# --- Export ----------------------------------------------------------------------------


def test_the_definition_used_here_is_valid():
    round_ = from_definition(DEFINITION)
    assert {q.kind for s in round_.sections for q in s.questions} == {
        "single_choice",
        "multiple_choice",
        "scale",
        "rating",
        "ranking",
        "matrix",
        "number",
        "yes_no",
        "short_text",
        "long_text",
        "info",
    }


def test_export_converts_with_pyxform():
    result = convert(xlsform=write_xlsform(DEFINITION), file_type=".xlsx")
    assert "<h:title>Priorities 2027</h:title>" in result.xform
    for language in ("English (en)", "French (fr)", "Arabic (ar)"):
        assert f'lang="{language}"' in result.xform
    assert "Votre rôle ?" in result.xform and "قصتك" in result.xform


def test_export_has_the_sheets_and_columns_of_an_xlsform():
    workbook = openpyxl.load_workbook(io.BytesIO(write_xlsform(DEFINITION)))
    assert workbook.sheetnames == ["survey", "choices", "settings"]
    header = [cell.value for cell in workbook["survey"][1]]
    assert header[:2] == ["type", "name"]
    assert {"label::English (en)", "label::French (fr)", "label::Arabic (ar)"} <= set(header)
    assert {"hint::Arabic (ar)", "required", "relevant", "appearance", "constraint"} <= set(header)
    settings = {c.value: v.value for c, v in zip(*workbook["settings"].iter_rows(), strict=True)}
    assert settings["form_id"] == "priorities-2027"
    assert settings["default_language"] == "English (en)"
    rows = {row[1]: row for row in workbook["survey"].iter_rows(min_row=2, values_only=True)}
    assert rows["story"][0] == "text" and "multiline" in rows["story"]
    assert rows["role"][0] == "select_one list_role or_other" and "minimal" in rows["role"]
    assert rows["age"][0] == "integer" and ". >= 16 and . <= 99" in rows["age"]
    assert rows["score"][0] == "select_one rating_0_10"
    assert rows["ranks"][0] == "rank list_ranks"
    assert rows["services"][0] == "begin group" and "field-list" in rows["services"]
    assert rows["services_clinic"][0] == "select_one list_services"
    assert rows["section_2"][0] == "begin group"


def test_export_never_writes_a_formula():
    workbook = openpyxl.load_workbook(io.BytesIO(write_xlsform(DEFINITION)))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert "=1+1 is not a formula" in {cell.value for cell in cells}
    assert "@police" in {cell.value for cell in cells}
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]


def test_export_then_import_gives_back_the_round():
    definition, report = read_xlsform(write_xlsform(DEFINITION), "priorities.xlsx")
    from_definition(definition)
    assert definition["slug"] == "priorities-2027"
    assert definition["languages"] == ["en", "fr", "ar"]
    assert definition["title"] == {"en": "Priorities 2027"}  # XLSForm titles are not translated
    assert [s["title"] for s in definition["sections"]] == [
        s["title"] for s in DEFINITION["sections"]
    ]
    assert definition["sections"][1]["condition"] == DEFINITION["sections"][1]["condition"]
    back = {q["code"]: q for q in questions_of(definition)}
    for original in questions_of(DEFINITION):
        if original["kind"] == "matrix":
            continue
        copy = back[original["code"]]
        assert copy["kind"] == AFTER_ROUND_TRIP.get(original["kind"], original["kind"])
        assert copy["text"] == original["text"]
        assert copy["help"] == original["help"]
        assert copy["required"] == original["required"]
        assert copy["condition"] == original["condition"]
        if original["kind"] in ("single_choice", "multiple_choice", "ranking", "scale"):
            assert [c["code"] for c in copy["choices"]] == [c["code"] for c in original["choices"]]
            assert [c["label"] for c in copy["choices"]] == [
                c["label"] for c in original["choices"]
            ]
    for name in ("min_choices", "max_choices"):
        assert back["topics"][name] == DEFINITION["sections"][0]["questions"][1][name]
    assert (back["age"]["min_value"], back["age"]["max_value"]) == (16.0, 99.0)
    assert back["age"]["allow_decimals"] is False and back["hours"]["allow_decimals"] is True
    assert back["name"]["max_length"] == 80
    assert back["role"]["dropdown"] is True
    assert back["ranks"]["rank_count"] == 3
    assert [c["code"] for c in back["score"]["choices"]] == [str(n) for n in range(11)]
    # A matrix becomes one single choice question per row, over the shared scale.
    assert back["services_outreach"]["text"] == texts("Outreach", "Proximité", "التوعية")
    assert back["services_clinic"]["required"] is True
    assert [c["code"] for c in back["services_clinic"]["choices"]] == ["1", "2", "3"]
    assert not report.skipped


def test_export_of_any_of_reads_back_as_any():
    definition = {**DEFINITION, "sections": [dict(DEFINITION["sections"][0])]}
    story = {**definition["sections"][0]["questions"][-1]}
    story["condition"] = {"question": "topics", "op": "any_of", "value": ["housing", "police"]}
    definition["sections"][0]["questions"] = [*definition["sections"][0]["questions"][:-1], story]
    imported_definition, _ = read_xlsform(write_xlsform(definition))
    assert questions_of(imported_definition)[-1]["condition"] == {
        "any": [
            {"question": "topics", "op": "equals", "value": "housing"},
            {"question": "topics", "op": "equals", "value": "police"},
        ]
    }


# --- Import ----------------------------------------------------------------------------


def test_three_languages_in_every_spelling_of_the_column():
    definition, report = imported(
        survey=[
            ["TYPE", "Name", "label::English (en)", "Label:French", "LABEL::ar", "hint::fr"],
            ["Select_One YN", "ok", "OK?", "D'accord ?", "موافق؟", "Répondez"],
            ["text", "why", "Why?", "Pourquoi ?", "لماذا؟", None],
        ],
        CHOICES=[
            ["List Name", "name", "label::English (en)", "label::French (fr)", "label::Arabic"],
            ["YN", "yes", "Yes", "Oui", "نعم"],
            ["YN", "no", "No", "Non", "لا"],
        ],
    )
    assert definition["languages"] == ["en", "fr", "ar"]
    assert definition["source_language"] == "en"
    ok, why = questions_of(definition)
    assert ok["text"] == texts("OK?", "D'accord ?", "موافق؟")
    assert ok["help"] == {"fr": "Répondez"}
    assert ok["choices"][1]["label"] == texts("No", "Non", "لا")
    assert why["kind"] == "short_text" and why["text"]["ar"] == "لماذا؟"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("English (en)", "en"),
        ("English", "en"),
        ("french", "fr"),
        ("Chinese", "zh"),
        ("EN", "en"),
        ("Português (pt-BR)", "pt_BR"),
        ("Elvish", "elv"),
        ("?", "und"),
    ],
)
def test_language_columns_become_codes(raw, code):
    assert language_code(raw) == code


def test_a_plain_label_column_is_the_default_language():
    definition, _ = imported(
        survey=[["type", "name", "label", "label::French (fr)"], ["text", "a", "A", "Un A"]],
        settings=[["form_title", "form_id", "default_language"], ["T", "My Form!", "Spanish"]],
    )
    assert definition["languages"] == ["es", "fr"]
    assert definition["slug"] == "my-form"
    assert questions_of(definition)[0]["text"] == {"es": "A", "fr": "Un A"}


SURVEY = ["type", "name", "label", "relevant", "required", "appearance", "constraint"]
CHOICES = [["list_name", "name", "label"], ["c", "a", "A"], ["c", "b", "B"]]


@pytest.mark.parametrize(
    ("relevant", "condition"),
    [
        ("${q} = 'a'", {"question": "q", "op": "equals", "value": "a"}),
        ("${q}!='b'", {"question": "q", "op": "not_equals", "value": "b"}),
        ("selected(${q}, 'a')", {"question": "q", "op": "equals", "value": "a"}),
        ('not(selected(${q}, "a"))', {"question": "q", "op": "not_equals", "value": "a"}),
        ("${q} != ''", {"question": "q", "op": "answered"}),
        ("${q} = ''", {"question": "q", "op": "not_answered"}),
        (
            "${q} = 'a' or ${q} = 'b'",
            {"any": [{"question": "q", "op": "equals", "value": v} for v in "ab"]},
        ),
        (
            "${q} = 'a' and (${t} != '' or ${q} = 'b')",
            {
                "all": [
                    {"question": "q", "op": "equals", "value": "a"},
                    {
                        "any": [
                            {"question": "t", "op": "answered"},
                            {"question": "q", "op": "equals", "value": "b"},
                        ]
                    },
                ]
            },
        ),
    ],
)
def test_relevant_expressions_become_conditions(relevant, condition):
    definition, report = imported(
        survey=[
            SURVEY,
            ["select_one c", "q", "Q"],
            ["text", "t", "T"],
            ["note", "n", "N", relevant],
        ],
        choices=CHOICES,
    )
    assert questions_of(definition)[2]["condition"] == condition
    assert not report.skipped


@pytest.mark.parametrize(
    "relevant",
    [
        "${q} = 'a' and ${q} = 'b' or ${t} != ''",  # mixed without parentheses
        "${age} > 18",
        "${later} = 'a'",  # not an earlier question
        "${q} = 'zzz'",  # not a choice of q
        "regex(${t}, '^a')",
    ],
)
def test_other_relevant_expressions_are_dropped_and_reported(relevant):
    definition, report = imported(
        survey=[
            SURVEY,
            ["select_one c", "q", "Q"],
            ["text", "t", "T", relevant],
            ["select_one c", "later", "L"],
        ],
        choices=CHOICES,
    )
    assert questions_of(definition)[1]["condition"] is None
    assert any("survey row 3" in line and "'t'" in line for line in report.skipped)


def test_types_settings_and_groups():
    definition, report = imported(
        survey=[
            SURVEY,
            ["text", "first", "First"],
            ["begin_group", "g1", "Group one", "${first} != ''"],
            ["select_multiple c or_other", "many", "Many", None, "TRUE()"],
            ["text", "long", "Long", None, "yes", "multiline"],
            ["integer", "n", "N", None, "1", None, ". >= 0 and . <= 10"],
            ["decimal", "d", "D", None, "no", None, ". > ${n}"],
            ["Begin Group", "inner", "Inner"],
            ["rank c", "r", "R"],
            ["END GROUP"],
            ["end_group"],
            ["begin repeat", "kids", "Kids"],
            ["text", "kid", "Kid"],
            ["end repeat"],
            ["geopoint", "location", "Where?"],
            ["note", "last", "Bye"],
            ["select_one missing", "m", "M"],
            ["text", None, "No name"],
        ],
        choices=CHOICES,
    )
    titles = [s["title"] for s in definition["sections"]]
    assert titles == [{"en": "Questions"}, {"en": "Group one"}, {"en": "Questions"}]
    assert definition["sections"][1]["condition"] == {"question": "first", "op": "answered"}
    by_code = {q["code"]: q for q in questions_of(definition)}
    assert list(by_code) == ["first", "many", "long", "n", "d", "r", "last", "q18"]
    assert by_code["many"]["kind"] == "multiple_choice" and by_code["many"]["required"]
    assert by_code["many"]["choices"][-1] == {
        "code": "other",
        "role": "other",
        "label": {"en": "Other"},
        "hidden": False,
    }
    assert by_code["long"]["kind"] == "long_text" and by_code["long"]["required"]
    assert (by_code["n"]["min_value"], by_code["n"]["max_value"]) == (0, 10)
    assert by_code["d"]["allow_decimals"] and not by_code["d"]["required"]
    assert by_code["r"]["kind"] == "ranking" and by_code["r"]["rank_count"] == 2
    assert by_code["last"]["kind"] == "info"
    skipped = "\n".join(report.skipped)
    assert "survey row 7 (decimal 'd'): its constraint was dropped" in skipped
    assert "survey row 12 (begin repeat 'kids'): repeats are not supported" in skipped
    assert "survey row 13 (text 'kid')" in skipped
    assert "survey row 15 (geopoint 'location'): GPS questions are not supported" in skipped
    assert "survey row 17 (select_one missing 'm')" in skipped
    notes = "\n".join(report.notes)
    assert "survey row 8 (Begin Group 'inner'): a group within a group" in notes
    assert "no settings sheet" in notes and "survey row 18" in notes


# --- Hostile and broken files ----------------------------------------------------------


def zip_of(**entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb():
    """200 MB of zeros in about 200 KB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            for _ in range(200):
                entry.write(bytes(1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: b"", "empty"),
        (lambda: b"type,name,label\ntext,a,A\n", "not an .xlsx"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "could not be read"),
        (lambda: b"PK" + bytes(11 * 1024 * 1024), "larger than 10 MB"),
        (zip_bomb, "zip bomb"),
        (lambda: zip_of(**{"readme.txt": "hello"}), "could not be read"),
        (lambda: zip_of(**{"xl/workbook.xml": "<workbook"}), "could not be read"),
        (lambda: xlsx(one=[["type"]], two=[["name"]]), "no sheet named 'survey'"),
        (lambda: xlsx(survey=[["name", "label"], ["a", "A"]]), "no 'type' column"),
        (lambda: xlsx(survey=[["type", "name", "name"], ["text", "a", "b"]]), "Duplicate"),
        (lambda: xlsx(survey=[["type", "name"], ["geopoint", "where"]]), "no question"),
    ],
)
def test_unusable_files_raise_a_clear_error(make, message):
    with pytest.raises(XLSFormError, match=message):
        read_xlsform(make())


def test_formulas_are_read_as_text_never_evaluated():
    definition, report = imported(
        survey=[["type", "name", "label"], ["text", "a", "=1+1"], ["=1+1", "b", "B"]]
    )
    assert questions_of(definition)[0]["text"] == {"en": "=1+1"}
    assert "survey row 2 (label): a formula, read as its text" in report.notes
    assert "survey row 3 (=1+1 'b'): unknown type" in report.skipped


def test_an_unknown_type_is_reported():
    definition, report = imported(
        survey=[["type", "name", "label"], ["text", "a", "A"], ["hologram", "h", "H"]]
    )
    assert [q["code"] for q in questions_of(definition)] == ["a"]
    assert report.skipped == ["survey row 3 (hologram 'h'): unknown type"]


# --- The conformance corpus ------------------------------------------------------------

CORPUS_FILES = sorted(path.name for path in CORPUS.glob("*.xlsx"))


def test_the_conformance_corpus_is_in_the_repository():
    assert len(CORPUS_FILES) == 13 and (CORPUS / "LICENSE").is_file()


def has(lines, *words):
    return any(all(word in line for word in words) for line in lines)


def expectations(name, definition, report):
    """What tests/conformance/xlsform/README.md asks of each file."""
    questions = {q["code"]: q for q in questions_of(definition)}
    if name == "loop.xlsx":
        assert has(report.skipped, "row 3", "loop_toilet_types", "repeat")
        assert has(report.skipped, "row 4", "'number'")
    if name in ("or_other.xlsx", "specify_other.xlsx"):
        first = questions_of(definition)[0]
        assert first["choices"][-1]["code"] == "other" == first["choices"][-1]["role"]
    if name == "group.xlsx":
        assert {"en": "Father"} in [s["title"] for s in definition["sections"]]
        assert has(report.skipped, "row 4", "phone_number")
    if name == "case_insensitivity.xlsx":
        assert questions["q1"]["kind"] == "single_choice" and definition["slug"] == "yesno"
        assert has(report.skipped, "row 3", "'q2'", "external")
        assert has(report.skipped, "row 4", "'q3'")
        assert has(report.notes, "'EXTERNAL_CHOICES' ignored") and has(report.notes, "'OSM'")
    if name == "choice_filter_test.xlsx":
        assert has(report.skipped, "row 3", "'county'", "choice_filter")
    if name == "flat_xlsform_test.xlsx":
        assert definition["languages"] == ["en", "zh"]
        for code in ("geopoint_test", "image_test", "calculate_test", "date_test"):
            assert has(report.skipped, f"'{code}'")
    if name == "yes_or_no_question.xlsx":
        assert [c["code"] for c in questions["good_day"]["choices"]] == ["yes", "no"]
    if name == "text_and_integer.xlsx":
        assert [q["kind"] for q in questions.values()] == ["short_text", "number"]
    if name == "survey_no_name.xlsx":
        assert list(questions) == ["state"] and has(report.notes, "'Sheet1'")
    if name == "extra_sheet_names.xlsx":
        assert list(questions) == ["test"] and has(report.notes, "'stettings'", "settings")
    if name == "field-list.xlsx":
        assert len(definition["sections"]) == 1 and "zh" in definition["languages"]


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_conformance_file_imports_or_says_why(name):
    try:
        definition, report = read_xlsform((CORPUS / name).read_bytes(), name)
    except XLSFormError as error:
        assert str(error).endswith(".")
        return
    from_definition(definition)
    expectations(name, definition, report)
    # Exported again, it is a form ODK Validate accepts (pyxform's jar, on Java).
    convert(xlsform=write_xlsform(definition), file_type=".xlsx", validate=True)
