"""The builder never loses what a designer typed: a question form, a page form or the
settings sent back with an error (one wrong field, or a refusal by the operation) show every
field exactly as it was typed, and saving again once the wrong field is mended works."""

import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from consult.design.models import Question
from consult.extensions import db
from consult.questions import KINDS

from .builder import Builder


class FormFields(HTMLParser):
    """{name: value} of the form fields on a page, as a browser would post them back."""

    def __init__(self):
        super().__init__()
        self.fields, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and name != "csrf_token":
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value", "y")
            else:
                self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea, self.fields[name] = name, ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def fields_of(html):
    parser = FormFields()
    parser.feed(html)
    # A browser drops the one line break that opens a textarea's content (WTForms writes it).
    return {
        name: value.removeprefix("\r\n").removeprefix("\n") for name, value in parser.fields.items()
    }


#: A value every field of the question form accepts (checkboxes ticked).
VALID = {
    "text": "Which of these do you carry?\nTick all that apply.",
    "help": "Think of the last month.",
    "code": "carry_now",
    "required": "y",
    "dropdown": "y",
    "randomise_choices": "y",
    "allow_decimals": "y",
    "identifying": "y",
    "choices": "naloxone = Naloxone\nsyringes = Clean syringes\nstrips = Test strips",
    "rows": "police = The police\nclinic = The clinic",
    "other": "Something else",
    "prefer_not": "I prefer not to say",
    "hidden_choices": "strips",
    "min_choices": "1",
    "max_choices": "2",
    "rank_count": "2",
    "min_value": "16",
    "max_value": "99",
    "max_length": "300",
    "condition": "",
}

#: One wrong value for each field that can be wrong.
WRONG = {
    "text": "",
    "code": "carry now!",
    "choices": "naloxone = Naloxone\nsyringes: Clean syringes",
    "rows": "police = The police\npolice = Again",
    "min_choices": "-1",
    "max_choices": "zero",
    "rank_count": "0",
    "min_value": "sixteen",
    "max_value": "5",  # below the smallest
    "max_length": "0",
    "condition": '{"question": "region", "equals": ',
}


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_comes_back_as_typed_after_one_wrong_field(app, client, auth, kind):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    question_id = builder.add_question(slug, kind)
    page = client.get(f"/staff/rounds/{slug}/questions/{question_id}").text
    names = {name for name in VALID if f'name="{name}"' in page}  # unticked boxes too
    typed = {name: VALID[name] for name in names if name in VALID}
    typed["kind"] = kind
    # The condition by pointing (design.pointing), sent as the browser sends it.
    typed.update({k: v for k, v in fields_of(page).items() if k.startswith("pointing-")})
    wrong_ones = [name for name in WRONG if name in names]
    assert {"text", "code", "condition"} <= set(wrong_ones)
    for wrong in wrong_ones:
        sent = {**typed, wrong: WRONG[wrong]}
        page = builder.edit_question(slug, question_id, **sent)
        assert page.status_code == 200, (kind, wrong)
        assert 'class="error' in page.text, (kind, wrong)
        assert fields_of(page.text) == sent, (kind, wrong)
    # Mended, it saves: the page goes back to the questionnaire.
    saved = builder.edit_question(slug, question_id, **typed)
    assert saved.status_code == 302, (kind, saved.text[:2000])
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.code == "carry_now"
        assert question.text["en"] == VALID["text"]


def test_a_refusal_by_the_operation_keeps_every_field_as_typed(app, client, auth):
    """A short name another question has is refused after the form is valid: the page
    comes back with the choices, hidden choices and condition as typed, not as Python."""
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    builder.add_question(
        slug, "single_choice", code="carry", text="Do you carry?", choices="yes = Yes\nno = No"
    )
    question_id = builder.add_question(slug, "multiple_choice")
    sent = {
        **{name: VALID[name] for name in ("text", "help", "choices", "other", "prefer_not")},
        "code": "carry",
        "hidden_choices": "strips",
        "min_choices": "1",
        "max_choices": "2",
        "condition": '{"question": "carry", "equals": "yes"}',
        "kind": "multiple_choice",
    }
    page = builder.edit_question(slug, question_id, **sent)
    assert page.status_code == 200
    assert "Another question already has the short name carry." in page.text
    back = fields_of(page.text)
    assert {name: back[name] for name in sent} == sent
    # The pointing was not sent: it comes back as a form not yet filled in.
    assert 'name="pointing-clauses-0-question"' in page.text
    assert not [name for name in back if name.endswith("-answers")]
    with app.app_context():
        assert db.session.scalar(select(Question.code).where(Question.id == question_id)) != "carry"


def test_the_settings_keep_the_languages_as_typed_after_a_wrong_field(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round(languages="en, fr")
    page = client.get(f"/staff/rounds/{slug}/settings")
    sent = {**fields_of(page.text), "languages": "en, fr, ar", "title": ""}
    returned = builder.post(f"/staff/rounds/{slug}/settings", **sent)
    assert returned.status_code == 200
    assert fields_of(returned.text)["languages"] == "en, fr, ar"


def test_a_page_keeps_its_condition_as_typed_after_a_wrong_field(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    (section_id,) = builder.section_ids(slug)
    condition = '{"question": "carry", "equals": "yes"}'
    returned = builder.post(
        f"/staff/rounds/{slug}/sections/{section_id}", title="", condition=condition
    )
    assert returned.status_code == 200
    assert fields_of(returned.text)["condition"] == condition


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_help_under_a_field_is_text_not_markup(app, client, auth, lang):
    """ "/c/<address>/" in the new round form's help is shown as written, not read as an
    HTML element that swallows the rest of the sentence."""
    auth.login("designer")
    page = client.get(f"/staff/rounds/new?lang={lang}")
    assert "<address>" not in page.text
    assert "/c/&lt;" in page.text


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_form_shows_only_the_settings_of_the_questions_kind(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    shown = {}
    for kind in ("single_choice", "number", "info", "long_text"):
        question_id = builder.add_question(slug, kind)
        shown[kind] = client.get(f"/staff/rounds/{slug}/questions/{question_id}").text
    assert "Accept fractions" not in shown["single_choice"]
    assert "Show as a drop-down list" in shown["single_choice"]
    assert "Accept fractions" in shown["number"] and 'name="choices"' not in shown["number"]
    assert (
        "An answer is required" not in shown["info"] and 'name="identifying"' not in shown["info"]
    )
    assert (
        'name="max_length"' in shown["long_text"]
        and "Shuffle the choices" not in shown["long_text"]
    )


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_opening_the_round_is_the_builders_main_button(app, client, auth):
    auth.login("designer")
    slug = Builder(app, client).new_round()
    page = client.get(f"/staff/rounds/{slug}/").text
    assert '<button type="submit" class="primary">Open for answers</button>' in page


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_overview_says_each_condition_in_words(app, client, auth):
    """'Shown only when: “Do you carry?” is Yes', not raw JSON, in the designer's language;
    any_of, not_equals and answered too, and combinations."""
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    builder.add_question(
        slug, "single_choice", code="carry", text="Do you carry?", choices="yes = Yes\nno = No"
    )
    conditions = [
        ('{"question": "carry", "op": "equals", "value": "yes"}', "“Do you carry?” is Yes"),
        ('{"question": "carry", "op": "not_equals", "value": "no"}', "“Do you carry?” is not No"),
        (
            '{"question": "carry", "op": "any_of", "value": ["yes", "no"]}',
            "“Do you carry?” is one of Yes or No",
        ),
        (
            '{"any": [{"question": "carry", "op": "answered"}, '
            '{"question": "carry", "op": "not_answered"}]}',
            "“Do you carry?” was answered or “Do you carry?” was not answered",
        ),
    ]
    for number, (condition, _words) in enumerate(conditions):
        builder.add_question(
            slug, "short_text", code=f"why_{number}", text="Why?", condition=condition
        )
    page = client.get(f"/staff/rounds/{slug}/").text
    assert "“<bdi>Do you carry?</bdi>” is <bdi>Yes</bdi>" in page  # isolated for RTL pages
    read = re.sub(r"</?bdi>", "", page)
    for _condition, words in conditions:
        assert f"Shown only when: {words}" in read
    french = re.sub(r"</?bdi>", "", client.get(f"/staff/rounds/{slug}/?lang=fr").text)
    assert "« Do you carry? » vaut Yes" in french and "is Yes" not in french


def test_languages_are_ticked_by_name_after_the_codes_typed(app, client, auth):
    """The new round and its settings offer languages by name ("العربية (ar)"); ticked ones
    follow the codes typed, the source first; a code typed twice or ticked again counts once."""
    from .conftest import csrf_token

    auth.login("designer")
    page = client.get("/staff/rounds/new").text
    assert "العربية (ar)" in page and "Tetun (tet)" in page and "Français (fr)" in page
    created = client.post(
        "/staff/rounds/new",
        data={
            "csrf_token": csrf_token(page),
            "title": "Ticked languages",
            "slug": "ticked",
            "languages": "es",
            "add_languages": ["ar", "tet", "es"],
        },
    )
    assert created.status_code == 302, created.text
    builder = Builder(app, client)
    assert builder.round("ticked").languages == ["es", "ar", "tet"]
    settings = client.get("/staff/rounds/ticked/settings").text
    fields = fields_of(settings)
    fields.update({"add_languages": "fr", "csrf_token": csrf_token(settings)})
    saved = client.post("/staff/rounds/ticked/settings", data=fields)
    assert saved.status_code == 302, saved.text
    assert builder.round("ticked").languages == ["es", "ar", "tet", "fr"]


def test_a_question_typed_on_the_overview_is_added_in_one_step(app, client, auth):
    """Kind, text, choices (labels alone, or short name = label) and "required", sent from
    the page overview: the question is there, and the overview opens at it."""
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    response = builder.quick_add(
        slug,
        kind="single_choice",
        text="Where do you get naloxone?",
        choices="From a peer\npharmacy = A pharmacy\nمن صديق\n\nFrom a peer",
        required="y",
    )
    assert response.status_code == 302
    with app.app_context():
        question = db.session.scalar(select(Question))
    assert response.headers["Location"].endswith(f"/staff/rounds/{slug}/#question-{question.id}")
    with app.app_context():
        question = db.session.get(Question, question.id)
        assert question.text == {"en": "Where do you get naloxone?"} and question.required
        assert [(c.code, c.label["en"]) for c in question.choices] == [
            ("from_a_peer", "From a peer"),
            ("pharmacy", "A pharmacy"),
            ("c3", "من صديق"),
            ("c4", "From a peer"),
        ]
    overview = client.get(f"/staff/rounds/{slug}/").text
    assert "The question was added." in overview and "Where do you get naloxone?" in overview


def test_a_kind_alone_opens_the_questions_form_with_starter_choices(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    question_id = builder.add_question(slug, "yes_no")
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.text == {"en": "New question"} and not question.required
        assert [c.code for c in question.choices] == ["yes", "no"]


def test_a_quick_add_sent_back_keeps_what_was_typed_beside_what_is_wrong(app, client, auth):
    """A question over 2,000 characters: the overview comes back (400) with that page's add
    form as it was typed, the error beside the text, nothing added; the other pages' add
    forms stay empty."""
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    builder.post(f"/staff/rounds/{slug}/sections")
    first, second = builder.section_ids(slug)
    text = "Where do you get naloxone? " + "x" * 2000
    response = builder.quick_add(
        slug,
        1,
        kind="multiple_choice",
        text=text,
        choices="From a peer\nA pharmacy",
        required="y",
    )
    assert response.status_code == 400
    page = response.text
    form = page.split(f'/sections/{second}/questions"', 1)[1].split("</form>", 1)[0]
    assert '<option value="multiple_choice" selected>' in form
    assert f">{text}</textarea>" in form and ">From a peer\nA pharmacy</textarea>" in form
    assert 'name="required" value="y" checked' in form
    assert 'aria-invalid="true"' in form and "2000" in form.split('class="error"', 1)[1]
    other = page.split(f'/sections/{first}/questions"', 1)[1].split("</form>", 1)[0]
    assert "selected" not in other and "></textarea>" in other and "checked" not in other
    with app.app_context():
        assert db.session.scalar(select(Question)) is None
