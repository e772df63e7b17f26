"""The secretariat builds a round in the browser's forms: every question type designed,
answered, stored and counted; conditions; the lifecycle rules; copy; JSON round trip."""

import json
import re
from datetime import timedelta

import openpyxl
from sqlalchemy import func, select, update

from consult.audit import AuditEvent
from consult.design.definition import to_definition
from consult.design.models import Choice, Question, Round, utcnow
from consult.extensions import db
from consult.respond.models import Answer, Response

from .builder import Builder
from .conftest import csrf_token, release_next_day

CHOICES = "a = Apples\nb = Bread"
YES_NO = "yes = Yes\nno = No"


def answer(client, slug, pages, token_page="/"):
    """Answer the round as a member: ``pages`` maps page number to form data."""
    welcome = client.get(f"/c/{slug}/")
    assert welcome.status_code == 200, welcome.text
    client.post(f"/c/{slug}/start", data={"csrf_token": csrf_token(welcome.text)})
    for number, data in pages.items():
        page = client.get(f"/c/{slug}/{number}")
        response = client.post(
            f"/c/{slug}/{number}",
            data={**data, "move": "next", "csrf_token": csrf_token(page.text)},
        )
        assert response.status_code == 302, response.text
    review = client.get(f"/c/{slug}/review")
    done = client.post(f"/c/{slug}/review", data={"csrf_token": csrf_token(review.text)})
    assert done.headers["Location"].endswith("/thanks"), done.headers["Location"]
    client.delete_cookie("consult")


def count(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_every_question_type_designed_answered_stored_and_counted(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    ids = {
        "single": builder.add_question(
            slug,
            "single_choice",
            code="single",
            text="Pick one",
            choices=CHOICES,
            other="Something else",
            prefer_not="Rather not say",
        ),
        "dropdown": builder.add_question(
            slug,
            "single_choice",
            code="country",
            text="Country",
            choices="ke = Kenya\nua = Ukraine",
            dropdown=True,
        ),
        "multiple": builder.add_question(
            slug,
            "multiple_choice",
            code="multiple",
            text="Pick some",
            choices=CHOICES + "\nc = Cheese",
            max_choices="2",
        ),
        "scale": builder.add_question(
            slug, "scale", code="scale", text="Agree?", choices="disagree = Disagree\nagree = Agree"
        ),
        "rating": builder.add_question(slug, "rating", code="rating", text="Rate it"),
        "ranking": builder.add_question(
            slug,
            "ranking",
            code="ranking",
            text="Rank",
            choices=CHOICES + "\nc = Cheese",
            rank_count="2",
        ),
        "matrix": builder.add_question(
            slug,
            "matrix",
            code="matrix",
            text="Rate each",
            choices="low = Low\nhigh = High",
            rows="police = Police\nclinic = Clinic",
        ),
        "number": builder.add_question(
            slug, "number", code="age", text="Age", min_value="16", max_value="99"
        ),
        "yes_no": builder.add_question(
            slug, "yes_no", code="member", text="Member?", choices=YES_NO
        ),
        "short": builder.add_question(slug, "short_text", code="short", text="One word"),
        "long": builder.add_question(
            slug, "long_text", code="long", text="Tell us", max_length="200"
        ),
        "info": builder.add_question(slug, "info", code="note", text="Thank you for this."),
    }
    assert builder.set_status(slug, "open").status_code == 302
    assert builder.round(slug).status == "open"

    with app.app_context():

        def choice(question, code):
            return db.session.scalar(
                select(Choice.id).where(Choice.question_id == ids[question], Choice.code == code)
            )

        form = {
            f"question_{ids['single']}": choice("single", "other"),
            f"question_{ids['single']}-other": "Soup",
            f"question_{ids['dropdown']}": choice("dropdown", "ua"),
            f"question_{ids['multiple']}": [choice("multiple", "a"), choice("multiple", "c")],
            f"question_{ids['scale']}": choice("scale", "agree"),
            f"question_{ids['rating']}": "7",
            f"question_{ids['ranking']}": [
                f"{choice('ranking', 'c')}:1",
                f"{choice('ranking', 'a')}:2",
            ],
            f"question_{ids['matrix']}-{choice('matrix', 'police')}": choice("matrix", "low"),
            f"question_{ids['matrix']}-{choice('matrix', 'clinic')}": choice("matrix", "high"),
            f"question_{ids['number']}": "42",
            f"question_{ids['yes_no']}": choice("yes_no", "yes"),
            f"question_{ids['short']}": "Bread",
            f"question_{ids['long']}": "Because it matters.",
        }
    client.delete_cookie("consult")
    for _ in range(5):
        answer(client, slug, {1: form})

    assert count(app, Response) == 5
    with app.app_context():
        rows = (
            db.session.execute(
                select(Answer).where(
                    Answer.response_id == select(Response.id).limit(1).scalar_subquery()
                )
            )
            .scalars()
            .all()
        )
        by_question = {}
        for row in rows:
            by_question.setdefault(row.question_id, []).append(row)
        assert by_question[ids["single"]][0].text == "Soup"
        assert by_question[ids["rating"]][0].number == 7
        assert by_question[ids["number"]][0].number == 42
        assert [r.rank for r in by_question[ids["ranking"]]] == [1, 2]
        assert len(by_question[ids["matrix"]]) == 2
        assert ids["info"] not in by_question
        assert by_question[ids["long"]][0].text == "Because it matters."

    with app.app_context():
        # Record keys of 0 put no noise on the figures (tests/test_disclosure.py tests it).
        db.session.execute(update(Response).values(record_key=0))
        db.session.execute(update(Answer).values(record_key=0))
        db.session.commit()
    release_next_day(app, slug)
    auth.login("reviewer")
    results = client.get(f"/staff/rounds/{slug}/results").text
    assert "Responses: <strong>5</strong>" in results
    # 5 members chose "Other" in the single choice, 5 rated 7, 5 ranked Cheese first.
    for text in ("Pick one", "Rate it", "Rank", "Rate each", "Police", "Clinic", "Age"):
        assert text in results
    assert results.count(">5<") >= 6


def test_validation_messages_for_bounds_and_ticks(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    multiple = builder.add_question(
        slug,
        "multiple_choice",
        code="m",
        text="Pick",
        choices=CHOICES + "\nc = Cheese",
        max_choices="1",
    )
    number = builder.add_question(
        slug, "number", code="n", text="Age", min_value="16", max_value="99"
    )
    builder.set_status(slug, "open")
    welcome = client.get(f"/c/{slug}/")
    client.post(f"/c/{slug}/start", data={"csrf_token": csrf_token(welcome.text)})
    page = client.get(f"/c/{slug}/1")
    with app.app_context():
        ids = db.session.scalars(select(Choice.id).where(Choice.question_id == multiple)).all()
    response = client.post(
        f"/c/{slug}/1",
        data={
            f"question_{multiple}": ids[:2],
            f"question_{number}": "7",
            "move": "next",
            "csrf_token": csrf_token(page.text),
        },
    )
    assert response.status_code == 200
    assert "Please tick at most 1." in response.text
    # A whole-number question says so, with its bounds as whole numbers.
    assert "Please give a whole number from 16 to 99." in response.text
    assert "16.0" not in response.text
    # The message at the top links to each question it names.
    summary = response.text.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert summary.count("<li><a href=") == 2
    assert f'href="#question_{number}-question"' in summary
    assert f'href="#question_{multiple}-question"' in summary


def test_conditions_show_and_hide_questions_and_pages(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    first = builder.add_question(
        slug, "yes_no", code="uses_services", text="Use services?", required=True, choices=YES_NO
    )
    follow_up = builder.add_question(
        slug,
        "short_text",
        code="which",
        text="Which services?",
        condition=json.dumps({"question": "uses_services", "op": "equals", "value": "yes"}),
    )
    builder.post(f"/staff/rounds/{slug}/sections")
    second_page = builder.section_ids(slug)[1]
    builder.post(
        f"/staff/rounds/{slug}/sections/{second_page}",
        title="Why not",
        condition=json.dumps({"question": "uses_services", "op": "equals", "value": "no"}),
    )
    builder.add_question(slug, "short_text", section_index=1, code="why_not", text="Why not?")
    builder.set_status(slug, "open")

    with app.app_context():
        yes, no = (
            db.session.scalar(
                select(Choice.id).where(Choice.question_id == first, Choice.code == code)
            )
            for code in ("yes", "no")
        )
    welcome = client.get(f"/c/{slug}/")
    client.post(f"/c/{slug}/start", data={"csrf_token": csrf_token(welcome.text)})
    page = client.get(f"/c/{slug}/1")
    assert "Which services?" not in page.text
    # Answering yes reveals the follow-up on the same page ...
    shown = client.post(
        f"/c/{slug}/1",
        data={f"question_{first}": yes, "move": "next", "csrf_token": csrf_token(page.text)},
    )
    assert shown.headers["Location"].endswith(f"/c/{slug}/1")
    page = client.get(f"/c/{slug}/1")
    assert "Which services?" in page.text
    # ... and the "why not" page is skipped.
    after = client.post(
        f"/c/{slug}/1",
        data={
            f"question_{first}": yes,
            f"question_{follow_up}": "Needles",
            "move": "next",
            "csrf_token": csrf_token(page.text),
        },
    )
    assert after.headers["Location"].endswith(f"/c/{slug}/review")
    # Changing the answer to no hides the follow-up and shows the page.
    page = client.get(f"/c/{slug}/1")
    after = client.post(
        f"/c/{slug}/1",
        data={f"question_{first}": no, "move": "next", "csrf_token": csrf_token(page.text)},
    )
    assert after.headers["Location"].endswith(f"/c/{slug}/2")
    review = client.get(f"/c/{slug}/review")
    assert "Needles" not in review.text
    client.post(f"/c/{slug}/review", data={"csrf_token": csrf_token(review.text)})
    assert count(app, Answer, Answer.question_id == follow_up) == 0


def test_conditions_on_later_questions_or_itself_are_refused(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    first = builder.add_question(slug, "yes_no", code="first", text="First?", choices=YES_NO)
    builder.add_question(slug, "yes_no", code="second", text="Second?", choices=YES_NO)
    later = builder.edit_question(
        slug,
        first,
        code="first",
        text="First?",
        choices="yes = Yes\nno = No",
        condition=json.dumps({"question": "second", "op": "answered"}),
    )
    assert later.status_code == 200
    assert "refers to &#39;second&#39;, which is not an earlier question" in later.text
    itself = builder.edit_question(
        slug,
        first,
        code="first",
        text="First?",
        choices="yes = Yes\nno = No",
        condition=json.dumps({"question": "first", "op": "answered"}),
    )
    assert "refers to the question itself" in itself.text
    assert builder.question(first).condition is None


def test_moving_a_question_above_the_one_its_condition_uses_is_refused(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    builder.add_question(slug, "yes_no", code="first", text="First?", choices=YES_NO)
    second = builder.add_question(
        slug,
        "short_text",
        code="second",
        text="Second?",
        condition=json.dumps({"question": "first", "op": "answered"}),
    )
    builder.post(f"/staff/rounds/{slug}/questions/{second}/move", direction="up")
    assert "not an earlier question" in client.get(f"/staff/rounds/{slug}/").text
    assert builder.question(second).position == 1


def test_edits_that_would_corrupt_answers_are_refused_others_allowed(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    question = builder.add_question(
        slug, "single_choice", code="food", text="Food?", choices=CHOICES
    )
    builder.set_status(slug, "open")
    with app.app_context():
        apples = db.session.scalar(
            select(Choice.id).where(Choice.question_id == question, Choice.code == "a")
        )
    auth.logout()
    answer(client, slug, {1: {f"question_{question}": apples}})
    auth.login("designer")
    builder = Builder(app, client)

    refused = builder.edit_question(
        slug, question, kind="multiple_choice", code="food", text="Food?", choices=CHOICES
    )
    assert "its type cannot change" in refused.text
    refused = builder.edit_question(slug, question, code="food", text="Food?", choices="b = Bread")
    assert "hide it instead of deleting it" in refused.text
    builder.post(f"/staff/rounds/{slug}/questions/{question}/delete")
    assert "it cannot be deleted" in client.get(f"/staff/rounds/{slug}/").text

    fixed = builder.edit_question(
        slug,
        question,
        code="food",
        text="Which food?",
        choices="a = Apples\nb = Bread",
        hidden_choices="a",
    )
    assert fixed.status_code == 302
    saved = builder.question(question)
    assert saved.text["en"] == "Which food?"
    assert count(app, Answer, Answer.choice_id == apples) == 1
    with app.app_context():
        assert db.session.get(Choice, apples).hidden
    page = client.get(f"/c/{slug}/")
    assert page.status_code == 200


def test_lifecycle_reopen_and_archive_read_only(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    builder.add_question(slug, "yes_no", code="q", text="Q?", choices=YES_NO)
    for status in ("open", "closed", "open", "closed", "archived"):
        assert builder.set_status(slug, status).status_code == 302
        assert builder.round(slug).status == status
    assert client.get(f"/c/{slug}/").status_code == 410
    builder.post(f"/staff/rounds/{slug}/sections")
    assert "archived: it can no longer be changed" in client.get(f"/staff/rounds/{slug}/").text
    assert len(builder.section_ids(slug)) == 1
    builder.set_status(slug, "open")
    assert builder.round(slug).status == "archived"


def test_a_round_closes_on_time_without_anyone_visiting(app, client, auth, demo_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        round_.closes_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
        assert db.session.scalar(select(func.count()).where(Round.accepting_answers)) == 0
    assert client.get(f"/c/{demo_round}/").status_code == 410
    assert "Community priorities" not in client.get("/").text
    auth.login("designer")
    assert "Closed" in client.get(f"/staff/rounds/{demo_round}/").text


def test_a_round_scheduled_to_open_later_is_not_yet_public(app, client, demo_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        round_.opens_at = utcnow() + timedelta(days=1)
        db.session.commit()
    assert client.get(f"/c/{demo_round}/").status_code == 404


def test_copy_gives_a_draft_with_the_same_questionnaire_and_no_responses(
    app, client, auth, demo_round
):
    auth.login("designer")
    builder = Builder(app, client)
    response = builder.post(f"/staff/rounds/{demo_round}/copy", slug="priorities-2028")
    assert response.headers["Location"].endswith("/staff/rounds/priorities-2028/")
    with app.app_context():
        original = db.session.scalar(select(Round).where(Round.slug == demo_round))
        copy = db.session.scalar(select(Round).where(Round.slug == "priorities-2028"))
        assert copy.status == "draft"
        assert {k: v for k, v in to_definition(copy).items() if k != "slug"} == {
            k: v for k, v in to_definition(original).items() if k != "slug"
        }
        assert db.session.scalar(select(func.count()).where(Response.round_id == copy.id)) == 0


def test_json_export_then_import_gives_an_identical_round(
    app, client, auth, demo_round, runner, tmp_path
):
    auth.login("designer")
    exported = client.get(f"/staff/rounds/{demo_round}/export.json")
    assert exported.status_code == 200
    definition = json.loads(exported.text)
    definition["slug"] = "imported"
    path = tmp_path / "round.json"
    path.write_text(json.dumps(definition), encoding="utf-8")
    result = runner.invoke(args=["rounds", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "imported" in result.output
    with app.app_context():
        imported = db.session.scalar(select(Round).where(Round.slug == "imported"))
        assert to_definition(imported) == definition
    out = tmp_path / "again.json"
    result = runner.invoke(
        args=["rounds", "export", "imported", "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == definition


def test_a_broken_json_import_writes_nothing(app, runner, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "format": "consult-round/1",
                "slug": "bad",
                "languages": ["en"],
                "sections": [{"questions": [{"code": "q", "kind": "essay"}]}],
            }
        ),
        encoding="utf-8",
    )
    result = runner.invoke(args=["rounds", "import", str(path)])
    assert result.exit_code != 0
    assert "'essay' is not one of" in result.output
    assert count(app, Round) == 0 and count(app, Question) == 0


def test_every_design_change_is_in_the_audit_log(app, client, auth):
    email = auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    builder.add_question(slug, "short_text", code="q", text="Q?")
    builder.set_status(slug, "open")
    with app.app_context():
        # The round's events (the log also has the designer's account and login).
        actions = db.session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.round_id.is_not(None))
            .order_by(AuditEvent.id)
        ).all()
    assert actions == ["round.create", "question.add", "question.update", "round.status"]
    history = client.get(f"/staff/rounds/{slug}/history").text
    assert email in history and "question.update" in history


def test_preview_shows_a_page_in_each_language_and_stores_nothing(app, client, auth, demo_round):
    auth.login("designer")
    english = client.get(f"/staff/rounds/{demo_round}/preview/2")
    assert "Which three issues should the network work on first?" in english.text
    arabic = client.get(f"/staff/rounds/{demo_round}/preview/2?in=ar")
    assert 'lang="ar" dir="rtl"' in arabic.text
    assert "ما هي القضايا الثلاث" in arabic.text
    from consult.respond.models import Draft

    assert count(app, Draft) == 0 and count(app, Response) == 0


def test_library_blocks_are_seeded_and_inserted_into_a_round(app, client, auth, runner):
    assert "5 block(s) added" in runner.invoke(args=["blocks", "seed"]).output
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round(languages="en, fr")
    library = client.get("/staff/blocks/").text
    for name in ("Priorities for advocacy", "Police and the law", "Funding of user-led networks"):
        assert name in library
    from consult.design.library import QuestionBlock

    with app.app_context():
        block = db.session.scalar(
            select(QuestionBlock).where(QuestionBlock.code == "health_care_stigma")
        )
        block_id = block.id
    builder.post(f"/staff/rounds/{slug}/blocks", block=block_id)
    builder.post(f"/staff/rounds/{slug}/blocks", block=block_id)
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        codes = [q.code for q in round_.questions]
        assert codes == [
            "health_care_stigma",
            "health_care_what_happened",
            "health_care_stigma_copy",
            "health_care_what_happened_copy",
        ]
        follow_up = round_.questions[3]
        assert follow_up.condition["question"] == "health_care_stigma_copy"
        assert set(follow_up.text) == {"en", "fr"}
        stigma = round_.questions[0]
        assert stigma.text["fr"] == (
            "Avez-vous été mal traité·e dans les soins parce que vous consommez des drogues ?"
        )
        prefer_not = stigma.choices[-1]
        assert (prefer_not.code, prefer_not.role) == ("prefer_not", "prefer_not")
        assert prefer_not.label == {"en": "I prefer not to say", "fr": "Je préfère ne pas répondre"}


def test_a_page_saved_as_a_block_can_be_reused(app, client, auth, demo_round):
    auth.login("designer")
    builder = Builder(app, client)
    section_id = builder.section_ids(demo_round)[1]
    builder.post(
        f"/staff/rounds/{demo_round}/sections/{section_id}/save-block", name="Our priorities"
    )
    assert "Our priorities" in client.get("/staff/blocks/").text


def test_xlsform_upload_creates_a_draft_and_reports_what_was_left_out(app, client, auth):
    from pathlib import Path

    corpus = Path(__file__).resolve().parent / "conformance" / "xlsform"
    auth.login("designer")
    page = client.get("/staff/rounds/import")
    response = client.post(
        "/staff/rounds/import",
        data={
            "csrf_token": csrf_token(page.text),
            "file": ((corpus / "loop.xlsx").open("rb"), "loop.xlsx"),
            "slug": "loop-form",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "The round was imported as a draft" in response.text
    assert "repeat" in response.text
    assert builder_round_exists(app, "loop-form")


def test_a_hostile_upload_is_refused_and_writes_nothing(app, client, auth):
    import io

    auth.login("designer")
    page = client.get("/staff/rounds/import")
    response = client.post(
        "/staff/rounds/import",
        data={
            "csrf_token": csrf_token(page.text),
            "file": (io.BytesIO(b"PK\x03\x04 not really a workbook"), "form.xlsx"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Nothing was imported" in response.text
    assert count(app, Round) == 0


def test_xlsform_export_of_the_demo_round_converts_with_pyxform(
    app, client, auth, demo_round, tmp_path
):
    from pyxform.xls2xform import convert

    auth.login("designer")
    exported = client.get(f"/staff/rounds/{demo_round}/export.xlsx")
    assert exported.status_code == 200
    path = tmp_path / "demo.xlsx"
    path.write_bytes(exported.data)
    result = convert(xlsform=str(path))
    assert "<h:title>" in result.xform and not result.warnings
    # Beside its XPath, each condition in the designer's words; pyxform leaves the column.
    survey = openpyxl.load_workbook(path)["survey"]
    header = [cell.value for cell in survey[1]]
    rows = [dict(zip(header, [c.value for c in row], strict=True)) for row in survey.iter_rows(2)]
    follow_up = next(row for row in rows if row["name"] == "health_care_what_happened")
    assert follow_up["shown_when"] == (
        "“Have you been treated badly in health care because you use drugs?” is one of "
        "Once or Several times"
    )
    assert "health_care_stigma" in follow_up["relevant"]
    assert all(row["shown_when"] is None for row in rows if not row["relevant"])
    assert "shown_when" not in result.xform


def builder_round_exists(app, slug):
    with app.app_context():
        return db.session.scalar(select(func.count()).where(Round.slug == slug)) == 1


def test_shuffled_choices_keep_other_and_prefer_not_last_and_stay_put_for_a_member(
    app, client, auth
):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    letters = "\n".join(f"{c} = Choice {c.upper()}" for c in "abcdefgh")
    question = builder.add_question(
        slug,
        "single_choice",
        code="s",
        text="Pick",
        choices=letters,
        other="Other",
        prefer_not="Rather not",
        randomise_choices=True,
    )
    builder.set_status(slug, "open")
    auth.logout()
    orders = set()
    for _ in range(6):
        client.delete_cookie("consult")
        welcome = client.get(f"/c/{slug}/")
        client.post(f"/c/{slug}/start", data={"csrf_token": csrf_token(welcome.text)})
        first = client.get(f"/c/{slug}/1").text
        again = client.get(f"/c/{slug}/1").text
        pattern = re.compile(rf'<label for="question_{question}-\d+">([^<]+)</label>')
        labels = pattern.findall(first)
        assert labels == pattern.findall(again)
        assert labels[-2:] == ["Other", "Rather not"]
        orders.add(tuple(labels))
    assert len(orders) > 1


def test_only_an_admin_sets_the_smallest_group_shown(app, client, auth):
    """k protects members, and so does how often figures are released: a designer sees
    both read-only and cannot change them, even with a hand-made form; an admin can, k never
    below 3 and releases at most daily."""
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    settings = f"/staff/rounds/{slug}/settings"
    page = client.get(settings).text
    assert re.search(r'<input[^>]*id="min_cell_size"[^>]*readonly', page)
    assert re.search(r'<input[^>]*id="release_interval_days"[^>]*readonly', page)
    assert "Set by an admin." in page
    fields = {"title": "A small round", "languages": "en", "access_mode": "public"}
    response = builder.post(settings, min_cell_size="3", release_interval_days="7", **fields)
    assert response.status_code == 302
    assert builder.round(slug).min_cell_size == 5
    assert builder.round(slug).release_interval_days == 1
    auth.logout()
    auth.login("admin")
    builder = Builder(app, client)
    assert builder.post(settings, min_cell_size="3", **fields).status_code == 302
    assert builder.round(slug).min_cell_size == 3
    page = builder.post(settings, min_cell_size="2", **fields)
    assert page.status_code == 200 and 'aria-invalid="true"' in page.text
    assert builder.round(slug).min_cell_size == 3
    assert builder.post(settings, min_cell_size="5", release_interval_days="7", **fields)
    assert builder.round(slug).release_interval_days == 7
    page = builder.post(settings, min_cell_size="5", release_interval_days="0", **fields)
    assert page.status_code == 200 and builder.round(slug).release_interval_days == 7


def test_an_address_taken_is_refused_with_its_message_on_create_copy_and_import(
    app, client, auth, demo_round
):
    """The database's unique index is the one gate (no count-then-insert race): each way of
    making a round gets the message, and no second round nor audit entry is written."""
    from consult.design.operations import DesignError, copy_round, create_round, import_round

    auth.login("designer")
    page = Builder(app, client).post(
        "/staff/rounds/new", title="Again", slug=demo_round, languages="en"
    )
    assert "Another round already uses the address priorities-2027." in page.text
    with app.app_context():

        def the_round():  # loaded again after each refusal, which rolls the session back
            return db.session.scalar(select(Round).where(Round.slug == demo_round))

        events = db.session.scalar(select(func.count()).select_from(AuditEvent))
        for make in (
            lambda: create_round("Again", demo_round, ["en"]),
            lambda: copy_round(the_round(), demo_round),
            lambda: import_round(to_definition(the_round()), slug=demo_round),
        ):
            try:
                make()
            except DesignError as error:
                assert str(error) == "Another round already uses the address priorities-2027."
            else:
                raise AssertionError("a second round took the address")
        assert db.session.scalar(select(func.count()).select_from(Round)) == 1
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == events


def test_the_preview_marks_a_conditional_question_in_words(app, client, auth, demo_round):
    """The follow-up on page 3 is shown to members only after "once" or "often": before
    any answer the preview lists it as hidden and says why, in the designer's words, with
    the texts in the language previewed; members never see the mark."""
    auth.login("designer")
    preview = client.get(f"/staff/rounds/{demo_round}/preview/3").text
    hidden = preview.split("Hidden by the answers given in this preview:")[1].split("</ul>")[0]
    assert "If you want, tell us what happened.</bdi>: shown only when" in hidden
    assert "<bdi>Have you been treated badly in health care because you use drugs?</bdi>" in hidden
    french = client.get(f"/staff/rounds/{demo_round}/preview/3?in=fr").text
    hidden = french.split("Hidden by the answers given in this preview:")[1]
    assert "shown only when" in hidden  # the designer's language
    assert "<bdi>Avez-vous" in hidden.split("shown only when")[1]
    member = app.test_client()
    token = csrf_token(member.get(f"/c/{demo_round}/").text)
    member.post(f"/c/{demo_round}/start", data={"csrf_token": token})
    assert "shown only when" not in member.get(f"/c/{demo_round}/3").text
