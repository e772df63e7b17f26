"""Choices with an order of their own ("never, once, several times"): the designer says so on
a single or multiple choice, the round's definition carries it, and charts keep the
questionnaire's order instead of drawing the most chosen first."""

import re

import pytest
from sqlalchemy import select

from consult.design.definition import DefinitionError, from_definition, to_definition
from consult.design.models import Round
from consult.extensions import db

from .builder import Builder
from .statistics_round import SLUG, create_statistics_round

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
LABEL = "The choices are in an order of their own (never, once, several times)"


def test_the_designer_says_so_on_a_single_or_multiple_choice_only(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round()
    single = builder.add_question(slug, "single_choice")
    scale = builder.add_question(slug, "scale")
    form = client.get(f"/staff/rounds/{slug}/questions/{single}").text
    assert LABEL in form and "Charts keep this order" in form
    assert LABEL not in client.get(f"/staff/rounds/{slug}/questions/{scale}").text
    saved = builder.edit_question(
        slug,
        single,
        code="visits",
        text="How often?",
        choices="never = Never\nonce = Once\nseveral = Several times",
        ordered=True,
    )
    assert saved.status_code == 302, saved.text
    assert builder.question(single).ordered
    assert not builder.question(scale).ordered


def test_the_definition_carries_it_only_where_it_is_said(app):
    with app.app_context():
        round_ = create_round_with_gender(app, ordered=True)
        definition = to_definition(round_)
    questions = {q["code"]: q for s in definition["sections"] for q in s["questions"]}
    assert questions["gender"]["ordered"] is True
    assert "ordered" not in questions["pick"]  # files of rounds without it stay as they were
    definition["slug"] = "statistics-copy"
    with app.app_context():
        copy = from_definition(definition)
        assert next(q for q in copy.questions if q.code == "gender").ordered
        questions["gender"]["ordered"] = "yes"
        with pytest.raises(DefinitionError, match="ordered"):
            from_definition({**definition, "slug": "statistics-other"})


def create_round_with_gender(app, ordered):
    create_statistics_round()
    round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
    next(q for q in round_.questions if q.code == "gender").ordered = ordered
    db.session.commit()
    return round_


def bar_labels(page, code):
    """The answers a chart draws, top to bottom."""
    svg = page.split(f'<title id="chart-{code}-title">', 1)[1].split("</svg>", 1)[0]
    return re.findall(r'<text class="chart-label"[^>]*>([^<]+)</text>', svg)


@pytest.mark.parametrize(
    ("ordered", "drawn"), [(False, ["Man", "Woman"]), (True, ["Woman", "Man"])]
)
def test_the_results_chart_keeps_the_order_the_designer_gave(app, client, auth, ordered, drawn):
    """15 women and 20 men, in that order in the questionnaire: largest first, the men come
    first; ordered, the questionnaire's order stays."""
    with app.app_context():
        create_round_with_gender(app, ordered)
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{SLUG}/results").text
    labels = bar_labels(page, "gender")
    assert labels[:2] == drawn
    description = page.split('id="chart-gender-desc">', 1)[1].split("<", 1)[0]
    assert ("the most given first" in description) is not ordered  # the chart says which
