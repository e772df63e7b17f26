"""Keys and constraints the database holds: a coding row points at an answer that
exists, in its response's round, and goes with it; a choice's code is one choice's within its
question; a round's address is one round's. What breaks them is refused with a message, and
never a server error, even when two staff take one address at the same moment."""

import json
import uuid

import pytest
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from consult.accounts.models import User
from consult.arrival import rewrite_responses_of_the_day
from consult.audit import AuditEvent
from consult.coding.models import DoubleCoding, Memo, Quote, Tag
from consult.coding.operations import code_blind, mark_quote, write_memo
from consult.design.definition import DefinitionError, from_definition, to_definition
from consult.design.models import Choice, Question, Round, Section
from consult.design.operations import DesignError
from consult.design.page_operations import update_question
from consult.extensions import db
from consult.respond.models import Answer, Response

from .builder import Builder
from .conftest import csrf_token, post_file
from .test_themes import coded_round  # noqa: F401 - the demo round with coded written answers

CODING = (Tag, Memo, Quote, DoubleCoding)


def the_round(slug):
    return db.session.scalar(select(Round).where(Round.slug == slug))


def count(model, *conditions):
    return db.session.scalar(select(func.count()).select_from(model).where(*conditions))


def about(model, answer):
    return count(model, model.of(answer))


@pytest.fixture
def coded(app, coded_round, make_user):  # noqa: F811 - the fixture imported above
    """(slug, the key of a written answer with a tag, a memo, a quote and a blind coding)."""
    with app.app_context():
        round_ = the_round(coded_round)
        reviewer = db.session.scalar(select(User).where(User.email == make_user("reviewer")))
        answer = db.session.scalars(
            select(Answer).join(Tag, Tag.of(Answer)).order_by(Answer.text)
        ).first()
        write_memo(round_, answer, "Mentions the station.", reviewer)
        mark_quote(round_, answer, reviewer)
        code_blind(round_, answer, [1], reviewer)
        assert all(about(model, answer) for model in CODING)
        return coded_round, (answer.response_id, answer.question_id, answer.item)


def answer_of(key):
    response_id, question_id, item = key
    return db.session.get(Answer, (response_id, question_id, item))


# --- coding rows and their answer ------------------------------------------------------------


def test_an_answer_deleted_takes_its_coding_with_it_and_nothing_else(app, coded):
    slug, key = coded
    with app.app_context():
        answer = answer_of(key)
        others = [count(model) - about(model, answer) for model in CODING]
        db.session.execute(
            delete(Answer).where(
                Answer.response_id == key[0], Answer.question_id == key[1], Answer.item == key[2]
            )
        )
        db.session.commit()
        assert [about(model, answer) for model in CODING] == [0, 0, 0, 0]
        assert [count(model) for model in CODING] == others


def test_a_response_deleted_takes_the_coding_of_its_answers(app, coded):
    slug, key = coded
    with app.app_context():
        db.session.execute(delete(Response).where(Response.id == key[0]))
        db.session.commit()
        assert [count(model, model.response_id == key[0]) for model in CODING] == [0, 0, 0, 0]
        assert count(Tag) > 0


def test_the_rewrite_of_a_day_leaves_the_coding_of_released_answers(app, coded):
    """A member's submit rewrites the responses of the day not yet released, in a random
    order (consult/arrival.py): coding is only ever about released answers, which it leaves
    where they are, so no tag goes with the rewrite. A row about an answer not yet released
    (which no page makes) would go with it."""
    slug, key = coded
    with app.app_context():
        round_ = the_round(slug)
        before = [count(model) for model in CODING]
        released = db.session.get(Response, key[0])
        assert released.release_number is not None
        waiting = uuid.uuid4()
        db.session.add(
            Response(
                id=waiting,
                round_id=round_.id,
                language="en",
                submitted_on=released.submitted_on,
                answers=[Answer(question_id=key[1], item=0, text="Not released yet.")],
            )
        )
        db.session.flush()
        theme_id = db.session.scalar(select(Tag.theme_id).limit(1))
        db.session.add(
            Tag(round_id=round_.id, response_id=waiting, question_id=key[1], theme_id=theme_id)
        )
        db.session.commit()
        rewrite_responses_of_the_day(round_.id, released.submitted_on)
        db.session.commit()
        assert [count(model) for model in CODING] == before
        assert count(Response, Response.id == waiting) == 1
        assert count(Tag, Tag.response_id == waiting) == 0


@pytest.mark.parametrize("model", CODING, ids=lambda model: model.__tablename__)
def test_a_coding_row_about_no_answer_or_in_another_round_is_refused(app, coded, model):
    slug, key = coded
    with app.app_context():
        round_ = the_round(slug)
        other = Round(slug="another-round", title={"en": "Another"}, languages=["en"])
        db.session.add(other)
        db.session.commit()
        response_id, question_id, item = key
        user = db.session.scalar(select(User.id).limit(1))
        values = {
            Tag: {
                "theme_id": db.session.scalar(select(Tag.theme_id).limit(1)),
                "status": "accepted",
            },
            Memo: {"author_id": user, "text": "A note."},
            Quote: {"language": "en", "text": "A quote.", "marked_by": user},
            DoubleCoding: {"coder_id": user, "themes": [1]},
        }[model]
        db.session.execute(delete(model))
        db.session.commit()
        for wrong in (
            {"round_id": round_.id, "item": item + 7},  # an item the response does not have
            {"round_id": round_.id, "question_id": question_id + 10_000},
            {"round_id": other.id, "item": item},  # the answer of another round's response
        ):
            row = {"response_id": response_id, "question_id": question_id, **wrong}
            with pytest.raises(IntegrityError):
                db.session.execute(insert(model), [{**values, **row}])
            db.session.rollback()
        # The right one is taken.
        row = {"round_id": round_.id, "response_id": response_id, "question_id": question_id}
        db.session.execute(insert(model), [{**values, **row, "item": item}])
        db.session.commit()
        assert count(model) == 1


# --- a choice's code within its question -----------------------------------------------------


def test_two_choices_of_one_question_cannot_share_a_code(app, demo_round):
    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.code == "region"))
        taken = question.choices[0].code
        with pytest.raises(IntegrityError):
            db.session.execute(
                insert(Choice), [{"question_id": question.id, "code": taken, "label": {}}]
            )
        db.session.rollback()
        other = db.session.scalar(select(Question).where(Question.code != "region").limit(1))
        db.session.execute(insert(Choice), [{"question_id": other.id, "code": taken, "label": {}}])
        db.session.commit()


@pytest.fixture
def matrix(app, client, auth):
    """(builder, slug, the id of a matrix whose scale is agree/disagree and rows police,
    clinic)."""
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    question_id = builder.add_question(
        slug,
        "matrix",
        code="safety",
        text="How safe do you feel with…",
        choices="agree = Agree\ndisagree = Disagree",
        rows="police = The police\nclinic = The clinic",
    )
    return builder, slug, question_id


def codes(builder, question_id):
    with builder.app.app_context():
        choices = db.session.execute(
            select(Choice.code, Choice.role)
            .where(Choice.question_id == question_id)
            .order_by(Choice.position)
        )
        return [tuple(choice) for choice in choices]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"rows": "police = The police\nagree = Agreement"},
            "rows",
            "Line 2 repeats a short name of the choices.",
        ),
        (
            {"choices": "agree = Agree\nother = Other", "other": "Something else"},
            "choices",
            "Line 2: the short name other is taken by the “Other, please specify” or "
            "“Prefer not to say” choice.",
        ),
        (
            {"rows": "prefer_not = Rather not", "prefer_not": "I prefer not to say"},
            "rows",
            "Line 1: the short name prefer_not is taken by the “Other, please specify” or "
            "“Prefer not to say” choice.",
        ),
    ],
    ids=["row-repeats-a-point", "option-named-other", "row-named-prefer-not"],
)
def test_a_short_name_typed_twice_is_the_forms_error(matrix, fields, field, message):
    builder, slug, question_id = matrix
    before = codes(builder, question_id)
    page = builder.edit_question(
        slug,
        question_id,
        code="safety",
        text="How safe do you feel with…",
        **{
            "choices": "agree = Agree\ndisagree = Disagree",
            "rows": "police = The police\nclinic = The clinic",
            **fields,
        },
    )
    assert page.status_code == 200
    error = page.text.split(f'id="{field}-error"')[1].split("</")[0]
    assert message in error.replace("&#34;", '"').replace("&#39;", "'")
    assert codes(builder, question_id) == before


def test_a_point_of_the_scale_made_a_row_is_saved(matrix):
    """The point "disagree" leaves the scale and a row takes its code, in one save: the old
    choice is deleted before the new one is written, so the flush never holds both."""
    builder, slug, question_id = matrix
    page = builder.edit_question(
        slug,
        question_id,
        code="safety",
        text="How safe do you feel with…",
        choices="agree = Agree",
        rows="police = The police\ndisagree = Disagreements",
    )
    assert page.status_code == 302, page.text
    assert codes(builder, question_id) == [
        ("agree", "option"),
        ("police", "row"),
        ("disagree", "row"),
    ]


def test_the_operation_refuses_a_repeated_code_the_form_did_not_catch(app, matrix):
    builder, slug, question_id = matrix
    with app.app_context():
        question = db.session.get(Question, question_id)
        data = {
            "code": question.code,
            "kind": "matrix",
            "text": "How safe?",
            "help": "",
            "choices": [("agree", "Agree")],
            "rows": [("agree", "Agreement")],
            "condition": None,
        }
        with pytest.raises(DesignError, match="Two choices of this question have the short name"):
            update_question(question, data)
        db.session.rollback()
    assert codes(builder, question_id)[:2] == [("agree", "option"), ("disagree", "option")]


def test_an_imported_round_whose_codes_are_alike_up_to_sixty_characters_is_refused(app, demo_round):
    """Codes are stored cut to 60 characters: two that differ only after would be one."""
    with app.app_context():
        definition = to_definition(the_round(demo_round))
        question = next(q for q in definition["sections"][0]["questions"] if q["choices"])
        question["choices"][0]["code"] = "x" * 60 + "a"
        question["choices"][1]["code"] = "x" * 60 + "b"
        with pytest.raises(DefinitionError) as refused:
            from_definition(definition, slug="alike")
        assert any("two choices have the code 'xxxx" in p for p in refused.value.problems)


# --- a round's address -----------------------------------------------------------------------


def take_the_address_first(app, monkeypatch, target, slug):
    """Wrap ``target`` (an operation as a view calls it) so that, once the form has passed
    and just before the operation writes, another connection commits a round at ``slug``:
    the two requests' checks both saw the address free."""
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)

    def first(*args, **kwargs):
        with Session(db.engine) as other:
            other.add(Round(slug=slug, title={"en": "The first"}, languages=["en"]))
            other.commit()
        return real(*args, **kwargs)

    monkeypatch.setattr(target, first)


def rounds_at(app, slug):
    with app.app_context():
        round_ = the_round(slug)
        return (
            count(Round, Round.slug == slug),
            round_.title,
            count(Section, Section.round_id == round_.id),
            count(Section),
            count(AuditEvent, AuditEvent.action.in_(("round.create", "round.import"))),
        )


def test_two_designers_taking_one_address_at_once_the_second_gets_the_forms_error(
    app, client, auth, monkeypatch
):
    auth.login("designer")
    builder = Builder(app, client)
    with app.app_context():
        sections = count(Section)
    take_the_address_first(app, monkeypatch, "consult.design.views.create_round", "harm-2027")
    page = builder.post("/staff/rounds/new", title="Mine", slug="harm-2027", languages="en")
    assert page.status_code == 200
    error = page.text.split('id="slug-error"')[1].split("</")[0]
    assert "Another round already uses the address harm-2027." in error
    # The first round alone, as it was written; nothing of the second: no page, no entry.
    assert rounds_at(app, "harm-2027") == (1, {"en": "The first"}, 0, sections, 0)


def test_an_import_racing_for_its_address_gets_the_message(app, client, auth, monkeypatch):
    auth.login("designer")
    with app.app_context():
        sections = count(Section)
    take_the_address_first(app, monkeypatch, "consult.design.imports.import_round", "harm-2027")
    definition = {
        "format": "consult-round/1",
        "slug": "harm-2027",
        "languages": ["en"],
        "source_language": "en",
        "title": {"en": "Mine"},
        "sections": [
            {
                "title": {"en": "Page"},
                "questions": [{"code": "q1", "kind": "short_text", "text": {"en": "Why?"}}],
            }
        ],
    }
    page = post_file(
        client,
        "/staff/rounds/import",
        "/staff/rounds/import",
        "round.json",
        json.dumps(definition).encode(),
    )
    assert page.status_code == 200
    assert "Another round already uses the address harm-2027." in page.text
    assert rounds_at(app, "harm-2027") == (1, {"en": "The first"}, 0, sections, 0)


def test_a_copy_racing_for_its_address_gets_the_message(app, client, auth, demo_round, monkeypatch):
    auth.login("designer")
    with app.app_context():
        sections = count(Section)
    take_the_address_first(app, monkeypatch, "consult.design.views.copy_round", "harm-2027")
    overview = client.get(f"/staff/rounds/{demo_round}/")
    response = client.post(
        f"/staff/rounds/{demo_round}/copy",
        data={"slug": "harm-2027", "csrf_token": csrf_token(overview.text)},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "Another round already uses the address harm-2027." in response.text
    assert rounds_at(app, "harm-2027")[:4] == (1, {"en": "The first"}, 0, sections)


def test_a_matrix_added_with_a_choice_named_like_its_starter_row_is_saved(app, client, auth):
    """A question added from the overview with its choices typed keeps the matrix's starter
    row: a typed "Row 1" (short name row_1) leaves it another code."""
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    response = builder.quick_add(
        slug,
        kind="matrix",
        text="How safe do you feel with…",
        choices="Row 1\nAgree",
    )
    assert response.status_code == 302
    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.kind == "matrix"))
        question_id = question.id
    assert codes(builder, question_id) == [
        ("row_1", "option"),
        ("agree", "option"),
        ("row_2", "row"),
    ]
