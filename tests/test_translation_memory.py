"""Translation memory: standard texts arrive translated from consult's own
catalogues, and a text translated in an earlier round is offered in the next one."""

import re
from html import unescape

from sqlalchemy import select

from consult.design.models import Question, Round
from consult.extensions import db
from consult.translate.texts import language_status

from .builder import Builder
from .conftest import csrf_token


def choice_labels(app, question_id):
    with app.app_context():
        return [dict(c.label) for c in db.session.get(Question, question_id).choices]


def status(app, slug, language):
    with app.app_context():
        return language_status(db.session.scalar(select(Round).where(Round.slug == slug)), language)


def test_the_starter_choices_arrive_in_every_language_consult_speaks(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round(languages="en, fr, ar, sw")
    before = status(app, slug, "fr")
    yes_no = builder.add_question(slug, "yes_no")
    scale = builder.add_question(slug, "scale")
    assert choice_labels(app, yes_no) == [
        {"en": "Yes", "fr": "Oui", "ar": "نعم"},  # Swahili: consult has no catalogue
        {"en": "No", "fr": "Non", "ar": "لا"},
    ]
    assert choice_labels(app, scale)[4] == {
        "en": "Strongly agree",
        "fr": "Tout à fait d'accord",
        "ar": "أوافق تمامًا",
    }
    # Seven choice labels more translated; only the two new question texts are missing.
    after = status(app, slug, "fr")
    assert after.translated == before.translated + 7
    assert after.missing == before.missing + 2
    assert status(app, slug, "sw").translated == before.translated
    # Made from their source: when the designer changes "Yes", French shows it changed.
    edited = builder.edit_question(
        slug, yes_no, code="carry", text="Do you carry?", choices="yes = Yes, always\nno = No"
    )
    assert edited.status_code == 302, edited.text
    assert status(app, slug, "fr").changed == 1


def test_a_second_round_is_offered_the_first_rounds_translations(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    first = builder.new_round(slug="first", languages="en, fr")
    builder.add_question(first, "short_text", code="carry", text="Do you carry naloxone?")
    builder.add_question(first, "short_text", code="where", text="Where do you get it?")
    editor = client.get(f"/staff/rounds/{first}/translate/fr").text
    fields = dict(re.findall(r'<tr id="([^"]+)".*?name="(t\d+)"', editor, re.S))
    keys = {key: name for key, name in fields.items()}
    values = {name: "" for name in keys.values()}
    question_keys = [key for key in keys if key.startswith("question.") and key.endswith(".text")]
    values[keys[question_keys[0]]] = "Portez-vous de la naloxone ?"
    values[keys[question_keys[1]]] = "Où l'obtenez-vous ?"
    saved = client.post(
        f"/staff/rounds/{first}/translate/fr", data={**values, "csrf_token": csrf_token(editor)}
    )
    assert saved.status_code == 302
    # The first round's second question changes after it was translated: stale, not offered.
    with app.app_context():
        question = db.session.scalar(
            select(Question).join(Question.section).where(Question.code == "where")
        )
        question.text = {**question.text, "en": "Where do you get it now?"}
        db.session.commit()

    second = builder.new_round(slug="second", languages="en, fr")
    builder.add_question(second, "short_text", code="carry", text="Do you carry naloxone?")
    builder.add_question(second, "short_text", code="where", text="Where do you get it?")
    page = client.get(f"/staff/rounds/{second}/translate/fr").text
    assert "Portez-vous de la naloxone ?" in unescape(page)
    assert "Où l'obtenez-vous ?" not in unescape(page)
    assert "1 more is filled in from an earlier round, to check and save." in page
    assert page.count("Translated so in an earlier round: check it, then save.") == 1
    # Nothing is stored until the translator saves.
    assert status(app, second, "fr").translated == status(app, first, "fr").translated - 2
    names = re.findall(r'name="(t\d+)"', page)
    boxes = dict(re.findall(r'name="(t\d+)"[^>]*>([^<]*)</textarea>', page))
    client.post(
        f"/staff/rounds/{second}/translate/fr",
        data={**{n: unescape(boxes.get(n, "")) for n in names}, "csrf_token": csrf_token(page)},
    )
    with app.app_context():
        carry = db.session.scalar(
            select(Question)
            .join(Question.section)
            .join(Round)
            .where(Round.slug == second, Question.code == "carry")
        )
        assert carry.text["fr"] == "Portez-vous de la naloxone ?"
