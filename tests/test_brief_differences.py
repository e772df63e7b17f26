"""Notable differences between regions and languages in the brief: a difference
planted in the demo round's answers is found, its figures checked against counts made here
from the raw answers; on answers that do not depend on region or language, none is named."""

import io
import json

import numpy as np
import pytest
from scipy.stats import chi2_contingency
from sqlalchemy import select, update

from consult.codebooks.operations import seed_starter_codebook
from consult.coding.operations import use_codebook
from consult.demo.operations import add_synthetic_responses
from consult.design.models import Question, Round
from consult.extensions import db
from consult.networks.models import Network
from consult.respond.models import Answer, Response

QUESTION = "services_meet_needs"


@pytest.fixture
def round_with_answers(app, demo_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        add_synthetic_responses(round_, 300, released=True)
        use_codebook(round_, seed_starter_codebook())
    return demo_round


def plant(app, slug):
    """Members of one region's networks all answer the question with its last option:
    returns (that region, the option's label, the raw share there and elsewhere, the raw
    chi-square p-value by region)."""
    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.code == QUESTION))
        option = [c for c in question.options if c.role == "option"][-1]
        region = db.session.scalar(select(Network.region).order_by(Network.id))
        there = select(Response.id).join(Network).where(Network.region == region)
        db.session.execute(
            update(Answer)
            .where(Answer.question_id == question.id, Answer.response_id.in_(there))
            .values(choice_id=option.id)
        )
        db.session.commit()
        rows = db.session.execute(
            select(Network.region, Answer.choice_id)
            .select_from(Answer)
            .join(Response, Response.id == Answer.response_id)
            .join(Network, Network.id == Response.network_id)
            .where(Answer.question_id == question.id, Answer.choice_id.is_not(None))
        ).all()
    regions = sorted({r for r, _c in rows})
    choices = sorted({c for _r, c in rows})
    table = np.array(
        [[sum(1 for r, c in rows if (r, c) == (g, x)) for x in choices] for g in regions]
    )
    inside = [c for r, c in rows if r == region]
    outside = [c for r, c in rows if r != region]
    share_there = 100 * inside.count(option.id) / len(inside)
    share_elsewhere = 100 * outside.count(option.id) / len(outside)
    return region, option.label["en"], share_there, share_elsewhere, chi2_contingency(table).pvalue


def test_a_planted_difference_between_regions_is_named_with_its_figures(
    app, client, auth, round_with_answers
):
    from consult.networks.data import REGION_NAMES

    region, answer, there, elsewhere, raw_p = plant(app, round_with_answers)
    assert raw_p < 1e-6  # what was planted is no accident
    auth.login("reviewer")
    data = json.loads(client.get(f"/staff/rounds/{round_with_answers}/brief.json").get_data())
    found = data["differences"]["found"]
    assert found, data["differences"]
    planted = next(d for d in found if d["question"] == QUESTION and d["by"] == "region")
    assert planted["group"] == str(REGION_NAMES[region]) and planted["answer"] == answer
    # From the protected figures: each within a few points of the raw shares.
    assert abs(planted["percent"] - there) <= 3 and abs(planted["elsewhere"] - elsewhere) <= 3
    assert planted["adjusted_p"] < 0.05
    sentence = (
        f"In {planted['group']}, {planted['percent']}% answered “{answer}” to "
        f"“{planted['text']}”, against {planted['elsewhere']}% elsewhere "
        f"({planted['base']} answers)."
    )
    html = client.get(f"/staff/rounds/{round_with_answers}/brief").get_data(as_text=True)
    assert "Differences between regions and languages" in html
    assert sentence.replace("“", "&#8220;") in html or sentence in html
    markdown = client.get(f"/staff/rounds/{round_with_answers}/brief.md").get_data(as_text=True)
    assert f"- {sentence}" in markdown
    tested = data["differences"]["comparisons_tested"]
    assert f"after correcting for the {tested} comparisons made" in markdown

    from docx import Document

    document = Document(
        io.BytesIO(client.get(f"/staff/rounds/{round_with_answers}/brief.docx").data)
    )
    assert sentence in [p.text for p in document.paragraphs]


def test_no_difference_is_named_where_answers_do_not_depend_on_region_or_language(
    client, auth, round_with_answers
):
    """The synthetic answers are drawn alike in every region and language: every test may
    still be run, and none may come out notable once corrected for their number."""
    auth.login("reviewer")
    data = json.loads(client.get(f"/staff/rounds/{round_with_answers}/brief.json").get_data())
    assert data["differences"]["comparisons_tested"] >= 100
    assert data["differences"]["found"] == []
    html = client.get(f"/staff/rounds/{round_with_answers}/brief").get_data(as_text=True)
    tested = data["differences"]["comparisons_tested"]
    assert f"No difference between regions or languages stands out: {tested} comparisons" in html
