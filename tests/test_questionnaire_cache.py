"""Member pages keep the questionnaire between requests (respond/questionnaire.py) and read it
again whenever the round changed: a member never sees a questionnaire older than the last
change staff saved, whichever way it was saved."""

import pytest
from sqlalchemy import event, select

from consult import create_app
from consult.demo.operations import create_demo_round
from consult.design.models import Choice, Question, Round
from consult.design.operations import change_status
from consult.design.page_operations import QUESTION_SETTINGS, update_question
from consult.extensions import db

from .conftest import make_test_config
from .journey import question, start

SLUG = "priorities-2027"


def first_page(client):
    return client.get(f"/c/{SLUG}/1")


def question_data(q, **changes):
    """What the question form would send for ``q`` unchanged, with ``changes``."""
    label = {c.role: c.label["en"] for c in q.choices if c.role in ("other", "prefer_not")}
    data = {
        "code": q.code,
        "kind": q.kind,
        "text": q.text["en"],
        "help": q.help.get("en", ""),
        "choices": [(c.code, c.label["en"]) for c in q.choices if c.role == "option"],
        "other": label.get("other", ""),
        "prefer_not": label.get("prefer_not", ""),
        "hidden_choices": [c.code for c in q.choices if c.hidden],
        **{name: getattr(q, name) for name in QUESTION_SETTINGS},
    }
    return {**data, **changes}


def count_statements(app):
    statements = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(1))
    return statements


def test_a_warm_member_page_reads_two_rows_not_the_questionnaire(app, client, demo_round):
    start(client)
    first_page(client)
    statements = count_statements(app)
    assert first_page(client).status_code == 200
    assert len(statements) == 2  # the round's design token, then the member's draft


def test_a_designers_change_shows_on_the_next_member_page(app, client, demo_round):
    start(client)
    assert "Where do you live now?" not in first_page(client).text
    with app.app_context():
        region = question("region")
        update_question(region, question_data(region, text="Where do you live now?"))
    assert "Where do you live now?" in first_page(client).text


def test_a_change_made_anyhow_through_the_orm_shows_too(app, client, demo_round):
    """A choice's label changed in place (a MutableDict), as a translation is saved."""
    start(client)
    first_page(client)
    with app.app_context():
        choice = db.session.scalar(
            select(Choice).where(Choice.question_id == question("region").id).limit(1)
        )
        choice.label["en"] = "A renamed region"
        db.session.commit()
    assert "A renamed region" in first_page(client).text


def test_a_question_added_by_its_page_id_shows(app, client, demo_round):
    start(client)
    first_page(client)
    with app.app_context():
        section_id = question("region").section_id
        db.session.add(
            Question(
                section_id=section_id,
                position=9,
                code="added",
                kind="short_text",
                text={"en": "A question added just now"},
            )
        )
        db.session.commit()
    assert "A question added just now" in first_page(client).text


def test_a_round_closed_by_staff_is_closed_at_once_for_members(app, client, demo_round):
    start(client)
    first_page(client)
    with app.app_context():
        change_status(db.session.scalar(select(Round).where(Round.slug == SLUG)), "closed")
    assert first_page(client).status_code == 410


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_two_databases_never_share_a_questionnaire(app, client, demo_round, tmp_path):
    other = create_app(make_test_config(f"sqlite:///{tmp_path / 'other.sqlite'}", {}))
    with other.app_context():
        db.create_all()
        region = create_demo_round().questions[0]
        assert region.id == question("region").id  # the same ids in both databases
        update_question(region, question_data(region, text="Only in the other database"))
    start(client)
    assert "Only in the other database" not in first_page(client).text
    other_client = other.test_client()
    start(other_client)
    assert "Only in the other database" in first_page(other_client).text
    assert "Only in the other database" not in first_page(client).text
