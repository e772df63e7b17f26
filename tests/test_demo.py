"""The demo round a new user sees after `make run`."""

from sqlalchemy import distinct, func, select

from consult.demo.operations import DATA, synthetic_answers
from consult.design.definition import to_definition
from consult.design.models import Question, Round, Section
from consult.extensions import db
from consult.respond.models import Answer, Response


def test_seed_demo_creates_a_realistic_round_with_responses(app, runner):
    result = runner.invoke(args=["seed-demo", "--responses", "300"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        round_ = db.session.scalar(select(Round))
        assert round_.title["en"] == "Community priorities for advocacy 2027"
        assert round_.status == "open"
        assert set(round_.languages) == {"en", "fr", "es", "ru", "ar"}
        assert db.session.scalar(select(func.count()).select_from(Section)) >= 3
        kinds = db.session.scalars(select(Question.kind)).all()
        assert len(kinds) >= 10
        assert {
            "single_choice",
            "multiple_choice",
            "scale",
            "ranking",
            "short_text",
            "long_text",
        } <= set(kinds)
        for question in round_.questions:
            for language in round_.languages:
                assert question.text[language], (question.code, language)
        assert db.session.scalar(select(func.count()).select_from(Response)) == 300
        assert db.session.scalar(select(func.count(distinct(Response.network_id)))) == 9
        assert db.session.scalar(select(func.count(distinct(Response.language)))) == 5
        arabic_texts = db.session.scalars(
            select(Answer.text)
            .join(Response)
            .where(Response.language == "ar", Answer.text.is_not(None))
        ).all()
        assert arabic_texts and all("ال" in text for text in arabic_texts)


def test_seed_demo_if_empty_leaves_a_used_database_alone(app, runner):
    runner.invoke(args=["seed-demo", "--responses", "10"])
    result = runner.invoke(args=["seed-demo", "--if-empty", "--responses", "10"])
    assert "nothing seeded" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 10


def test_the_same_seed_gives_the_same_answers(app, runner):
    runner.invoke(args=["seed-demo", "--responses", "50", "--seed", "7"])
    with app.app_context():
        first = db.session.execute(
            select(Answer.question_id, Answer.choice_id, func.count())
            .group_by(Answer.question_id, Answer.choice_id)
            .order_by(Answer.question_id, Answer.choice_id)
        ).all()
        db.session.execute(Answer.__table__.delete())
        db.session.execute(Response.__table__.delete())
        db.session.commit()
    runner.invoke(args=["seed-demo", "--responses", "50", "--seed", "7"])
    with app.app_context():
        second = db.session.execute(
            select(Answer.question_id, Answer.choice_id, func.count())
            .group_by(Answer.question_id, Answer.choice_id)
            .order_by(Answer.question_id, Answer.choice_id)
        ).all()
    assert first == second


def test_demo_staff_accounts_are_for_development_only(app, runner, instance_folder):
    result = runner.invoke(args=["seed-demo", "--demo-staff", "--responses", "0"])
    assert result.exit_code == 0
    accounts = (instance_folder / "demo-staff.txt").read_text().splitlines()
    assert [line.split()[0] for line in accounts] == ["admin", "designer", "translator", "reviewer"]
    email, password = accounts[0].split()[1:]
    with app.app_context():
        from consult.accounts.operations import authenticate

        assert authenticate(email, password) is not None
    app.config["ENV"] = "production"
    refused = runner.invoke(args=["seed-demo", "--demo-staff", "--responses", "0"])
    assert refused.exit_code != 0
    assert "development only" in refused.output


def test_the_demo_round_file_is_a_round_file_staff_can_import(app, runner, demo_round):
    """data/round.json is in the format of `flask rounds export`, so the import makes the
    same round from it as the demo's seeding does."""
    result = runner.invoke(args=["rounds", "import", str(DATA / "round.json"), "--slug", "copy"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        demo = db.session.scalar(select(Round).where(Round.slug == demo_round))
        copy = db.session.scalar(select(Round).where(Round.slug == "copy"))
        assert (demo.status, copy.status) == ("open", "draft")
        assert {**to_definition(copy), "slug": demo_round} == to_definition(demo)
        assert [q.code for q in demo.questions] == [
            "region",
            "involvement",
            "priorities",
            "decriminalisation_first",
            "services_meet_needs",
            "barriers",
            "police_stop",
            "health_care_stigma",
            "health_care_what_happened",
            "one_change",
            "campaign_idea",
            "support_needed",
            "anything_else",
        ]
        region, follow_up = demo.questions[0], demo.questions[8]
        assert region.identifying and region.help["fr"] == "Seulement la région, jamais la ville."
        assert follow_up.condition == {
            "question": "health_care_stigma",
            "op": "any_of",
            "value": ["once", "often"],
        }
        assert demo.sections[3].title["ar"] == "أفكارك"


def test_the_synthetic_answers_fit_the_round(app, demo_round):
    """A weight for each choice of the question it shapes, and written answers in every
    language of the round for each text question, as the seeding needs."""
    answers = synthetic_answers()
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        questions = {q.code: q for q in round_.questions}
        for code, weights in answers["choice_weights"].items():
            assert len(weights) == len(questions[code].choices), code
        text_questions = {c for c, q in questions.items() if q.kind.endswith("_text")}
        assert set(answers["written_answers"]) == text_questions
        for code, texts in answers["written_answers"].items():
            assert set(texts) == set(round_.languages), code
    assert answers["choice_weights"]["priorities"] == [30, 22, 14, 9, 10, 7, 5, 3]
    assert answers["written_answers"]["anything_else"]["fr"][0] == "Merci de nous consulter."
