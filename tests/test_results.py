"""Every statistic of the results pages against values worked out by hand on the fixed data
set of tests/statistics_round.py, and the pages that show them."""

import re
from datetime import date

import pytest
from sqlalchemy import select

from consult.design.models import Round
from consult.extensions import db
from consult.networks.models import Network
from consult.review.figures import responses_figure
from consult.review.groupings import grouping_by_key
from consult.review.results import question_results
from consult.suppression import ALL, SMALL

from .conftest import csrf_token, release_next_day, set_status
from .statistics_round import SLUG, create_statistics_round


@pytest.fixture
def statistics_round(app):
    with app.app_context():
        return create_statistics_round()


def results_for(app, grouping_key=None, column=ALL):
    """{question code: QuestionResult} and the responses figure, read for one column."""
    with app.test_request_context("/"):
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        grouping = grouping_by_key(round_, grouping_key, "en")
        if grouping and column is not ALL and not isinstance(column, int):
            column = grouping.value_for(str(column))
        results, figures = question_results(round_, "en", grouping=grouping, column=column)
        return {r.question.code: r for r in results}, responses_figure(figures, column)


def counts(result):
    return {row.label: row.count.value for row in result.choices + result.declined}


def shares(result):
    return {
        row.label: round(row.count.percent, 1) if row.count.percent is not None else None
        for row in result.choices
    }


def network_id(app, code):
    with app.app_context():
        return db.session.scalar(select(Network.id).where(Network.code == code))


def test_single_choice_counts_with_prefer_not_apart_and_small_cells_hidden(app, statistics_round):
    results, responses = results_for(app)
    assert responses.value == 40
    gender = results["gender"]
    assert counts(gender) == {"Woman": 15, "Man": 20, "Other": None, "Prefer not": None}
    assert [row.label for row in gender.declined] == ["Prefer not"]
    assert gender.declined[0].count.hidden_because == SMALL
    # Two skipped it: shown as "fewer than 5", while "answered" (asked less skipped) is a
    # figure of its own, 38, and the shares are of it: no cell is hidden to protect another.
    assert gender.base.asked.value == 40
    assert gender.base.answered.value == 38
    assert shares(gender) == {"Woman": 39.5, "Man": 52.6, "Other": None}


def test_a_question_on_a_condition_counts_only_those_asked(app, statistics_round):
    police = results_for(app)[0]["police"]
    assert police.base.asked.value == 15  # the women
    assert counts(police)["Yes"] == 8
    # 5 said no and 2 skipped: the 2 are "fewer than 5", the 5 and the 13 who answered are
    # shown. 15 - 8 - 5 gives 2 only here, where every record key is 0; with random keys
    # each figure carries its own noise (tests/test_disclosure.py).
    assert police.choices[1].count.value == 5
    assert police.base.answered.value == 13


def test_multiple_choice_shares_of_those_who_answered(app, statistics_round):
    pick = results_for(app)[0]["pick"]
    assert pick.base.answered.value == 40
    assert counts(pick) == {"A": 40, "B": 20, "C": 6}
    assert shares(pick) == {"A": 100.0, "B": 50.0, "C": 15.0}


def test_agreement_scale_distribution_share_agreeing_and_mean(app, statistics_round):
    agree = results_for(app)[0]["agree"]
    assert list(counts(agree).values()) == [5, 5, 10, 12, 8]
    assert list(shares(agree).values()) == [12.5, 12.5, 25.0, 30.0, 20.0]
    assert agree.agreeing == pytest.approx(50.0)  # (12 + 8) / 40
    assert agree.mean == pytest.approx(133 / 40)  # (5 + 10 + 30 + 48 + 40) / 40


def test_rating_distribution_and_median(app, statistics_round):
    rating = results_for(app)[0]["rating"]
    assert {label: n for label, n in counts(rating).items() if n} == {
        "0": 5,
        "3": 5,
        "5": 10,
        "7": 10,
        "10": 10,
    }
    # 40 sorted values: the median lies between the 20th (5) and the 21st (7).
    assert rating.quartiles == pytest.approx((4.5, 6.0, 7.75))


def test_ranking_first_places_and_borda_scores(app, statistics_round):
    rank = results_for(app)[0]["rank"]
    assert counts(rank) == {"X": 15, "Y": 15, "Z": 10}
    assert shares(rank) == {"X": 37.5, "Y": 37.5, "Z": 25.0}
    # Two places: 2 points for a first place, 1 for a second, over the 40 who answered.
    borda = {row.label: row.borda for row in rank.choices}
    assert borda == pytest.approx({"X": 50 / 40, "Y": 45 / 40, "Z": 25 / 40})


def test_matrix_distribution_per_row(app, statistics_round):
    grid = results_for(app)[0]["grid"]
    rows = {
        row.label: (row.base.answered.value, {r.label: r.count.value for r in row.choices})
        for row in grid.rows
    }
    assert rows == {"R1": (40, {"Lo": 25, "Hi": 15}), "R2": (35, {"Lo": 10, "Hi": 25})}


def test_number_median_and_quartiles(app, statistics_round):
    age = results_for(app)[0]["age"]
    assert age.base.answered.value == 40
    assert age.quartiles == pytest.approx((27.5, 35.0, 42.5))


def test_free_text_is_counted(app, statistics_round):
    assert results_for(app)[0]["why"].base.answered.value == 12


def test_a_filter_reads_one_group(app, statistics_round):
    results, responses = results_for(app, "network", network_id(app, "EuroNPUD"))
    assert responses.value == 20
    assert counts(results["pick"]) == {"A": 20, "B": 20, "C": 6}
    assert shares(results["pick"])["C"] == 30.0
    assert results["rating"].quartiles == pytest.approx((2.25, 4.0, 5.0))
    assert results["age"].quartiles == pytest.approx((20.0, 25.0, 30.0))


def test_a_filter_by_an_answer(app, statistics_round):
    """ "Women only": the group of a single-choice question."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        woman = next(c.id for q in round_.questions for c in q.choices if c.code == "woman")
    results, responses = results_for(app, "q:gender", woman)
    assert responses.value == 15
    assert counts(results["pick"])["B"] == 15


def test_a_breakdown_by_language_hides_its_small_cells(app, statistics_round):
    agree = results_for(app, "language")[0]["agree"]
    by_language = {
        row.label: {g: f.value for g, f in row.by_group.items() if g in ("en", "fr", ALL)}
        for row in agree.choices
    }
    # By hand: en 3, 2, 5, 6, 4 and fr 2, 3, 5, 6, 4: every count under 5 is hidden, and no
    # row or column is left with a single hidden count.
    assert by_language == {
        "Strongly disagree": {"en": None, "fr": None, ALL: 5},
        "Disagree": {"en": None, "fr": None, ALL: 5},
        "Neither": {"en": 5, "fr": 5, ALL: 10},
        "Agree": {"en": 6, "fr": 6, ALL: 12},
        "Strongly agree": {"en": None, "fr": None, ALL: 8},
    }


def test_a_filter_and_a_breakdown_show_the_same_figures(app, statistics_round):
    """A filter is a column of the breakdown: the two pages never differ in what they hide."""
    breakdown = results_for(app, "language")[0]
    english = results_for(app, "language", "en")[0]
    for code in ("gender", "agree", "rank", "pick"):
        for row_of_breakdown, row_of_filter in zip(
            breakdown[code].choices, english[code].choices, strict=True
        ):
            assert row_of_breakdown.by_group["en"] == row_of_filter.count


# The pages ---------------------------------------------------------------------------------


def test_the_results_page_shows_statistics_and_a_chart_with_its_table(
    app, client, auth, statistics_round
):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{SLUG}/results")
    assert page.status_code == 200
    text = page.text
    assert "Share agreeing: 50%" in text
    assert "Mean (1 = first point of the scale): 3.3" in text
    assert "Median: 6 · Quartiles: 4.5 – 7.8" in text  # rating, one decimal
    assert "Median: 35 · Quartiles: 27.5 – 42.5" in text  # age
    # A staff page draws its charts wide.
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-wide" role="img"' in text
    assert '<title id="chart-agree-title">Question agree</title>' in text
    # The Borda score column of the ranking.
    assert re.search(r"<td class=\"number\">1\.25</td>", text)


def test_a_filter_whose_group_is_below_k_shows_no_figures(app, client, auth, statistics_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        other = next(c.id for q in round_.questions for c in q.choices if c.code == "other")
    auth.login("reviewer")
    text = client.get(f"/staff/rounds/{SLUG}/results?only=q:gender:{other}").text
    assert "Fewer than 5 responses in this group: no figures are shown" in text
    assert 'class="result"' not in text


def test_the_question_page_breaks_down_by_network_and_region(app, client, auth, statistics_round):
    auth.login("reviewer")
    text = client.get(f"/staff/rounds/{SLUG}/results/pick?by=network").text
    assert "Broken down by: <strong>Network</strong>" in text
    header = re.search(r"<thead>(.*?)</thead>", text, re.S).group(1)
    assert "EuroNPUD" in header and "NAPUD" in header and "No network (public link)" in header
    text = client.get(f"/staff/rounds/{SLUG}/results/pick?by=region").text
    header = re.search(r"<thead>(.*?)</thead>", text, re.S).group(1)
    assert "Europe" in header and "Asia" in header and "EuroNPUD" not in header


def test_an_unknown_question_or_grouping(app, client, auth, statistics_round):
    auth.login("reviewer")
    assert client.get(f"/staff/rounds/{SLUG}/results/nothing").status_code == 404
    page = client.get(f"/staff/rounds/{SLUG}/results/pick?by=nonsense&only=nonsense:1")
    assert page.status_code == 200
    assert "Broken down by" not in page.text


def test_the_dashboard_counts_per_week_network_region_and_language(
    app, client, auth, statistics_round
):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{SLUG}/dashboard")
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", page.text)
    assert "Responses: <strong>40</strong>" in text
    assert '<th scope="row">Nov 2, 2026</th><td class="number">28</td>' in text
    assert '<th scope="row">Nov 9, 2026</th><td class="number">12</td>' in text
    assert '<strong>Europe</strong></th><td class="number">20</td>' in text
    assert '<span class="indent">EuroNPUD</span></th><td class="number">20</td>' in text
    assert '<strong>Asia</strong></th><td class="number">15</td>' in text
    assert 'No network (public link)</span></th><td class="number">5</td>' in text
    assert '<th scope="row">English</th><td class="number">20</td>' in text
    assert "The round is open and has no closing date." in text
    assert 'aria-labelledby="chart-weeks-title chart-weeks-desc"' in text


def test_the_dashboard_hides_a_small_week_and_says_when_the_round_closes(
    app, client, auth, statistics_round
):
    from datetime import timedelta

    from consult.design.models import utcnow
    from consult.respond.models import Response

    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        round_.closes_at = utcnow() + timedelta(days=3, hours=2)
        # Move three responses to a third week: too few to show. The second week's 9 is
        # shown: with random record keys 40 - 28 - 9 is blurred by three noises.
        for number in (38, 39, 40):
            response = db.session.get(Response, __import__("uuid").UUID(int=number))
            response.submitted_on = response.submitted_on + timedelta(days=7)
        db.session.commit()
    auth.login("reviewer")
    text = re.sub(r"\s+", " ", client.get(f"/staff/rounds/{SLUG}/dashboard").text)
    assert "The round closes in 3 days." in text
    assert '<th scope="row">Nov 2, 2026</th><td class="number">28</td>' in text
    assert '<th scope="row">Nov 9, 2026</th><td class="number">9</td>' in text
    assert (
        '<th scope="row">Nov 16, 2026</th><td class="number">'
        '<span class="hidden-figure">fewer than 5</span></td>' in text
    )


def test_two_rounds_side_by_side(app, client, auth, statistics_round):
    """A copy keeps the question codes: the comparison matches questions and answers by
    code, each round protected on its own."""
    import uuid

    from consult.design.operations import copy_round
    from consult.respond.models import Answer, Response

    with app.app_context():
        original = db.session.scalar(select(Round).where(Round.slug == SLUG))
        copy = copy_round(original, "statistics-2028")
        copy.status = "open"
        agree = next(q for q in copy.questions if q.code == "agree")
        chosen = next(c.id for c in agree.choices if c.code == "agree")
        for number in range(10):
            db.session.add(
                Response(
                    id=uuid.UUID(int=1000 + number),
                    round_id=copy.id,
                    language="en",
                    submitted_on=original.created_at.date(),
                    record_key=0,  # no noise: the figures worked out by hand
                    answers=[Answer(question_id=agree.id, item=0, choice_id=chosen)],
                )
            )
        db.session.commit()
    release_next_day(app, "statistics-2028")
    auth.login("reviewer")
    page = client.get("/staff/rounds/statistics-2028/compare")
    assert '<option value="statistics-round"' in page.text
    text = re.sub(
        r"\s+", " ", client.get("/staff/rounds/statistics-2028/compare?with=" + SLUG).text
    )
    section = text.split("Question agree", 1)[1].split("</section>", 1)[0]
    # Agree: 10 of 10 here, 12 of 40 (30%) in the first round: +70 points.
    assert re.search(
        r'Agree</bdi></th> <td class="number">10<br><span class="meta">100%</span></td> '
        r'<td class="number">12<br><span class="meta">30%</span></td> '
        r'<td class="number">\+70</td>',
        section,
    )
    # Strongly disagree: 0 here; 5 there.
    assert re.search(r'Strongly disagree</bdi></th> <td class="number">0<br>', section)
    # Gender was not answered in the copy: fewer than 5 can never be compared.
    assert "Question pick" in text


def test_reach_against_targets_on_the_dashboard(app, client, auth, statistics_round):
    """The secretariat sets targets per network, language and answer ("women"); the
    dashboard shows progress, with suppression."""
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        woman = next(c.id for q in round_.questions for c in q.choices if c.code == "woman")
        other = next(c.id for q in round_.questions for c in q.choices if c.code == "other")
    europe = network_id(app, "EuroNPUD")
    auth.login("designer")
    form = client.get(f"/staff/rounds/{SLUG}/reach").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    response = client.post(
        f"/staff/rounds/{SLUG}/reach",
        data={
            "csrf_token": token,
            f"target:network:{europe}": "40",
            "target:language:fr": "20",
            f"target:q:gender:{woman}": "30",
            f"target:q:gender:{other}": "10",
        },
    )
    assert response.status_code == 302
    refused = client.post(
        f"/staff/rounds/{SLUG}/reach",
        data={"csrf_token": token, "target:language:fr": "many"},
    )
    assert refused.status_code == 400 and "A target must be a whole number" in refused.text
    # The box named, what was typed kept, the other targets shown as saved.
    assert "Check: Language of the answers: Français" in refused.text
    assert 'value="many"' in refused.text and 'value="30"' in refused.text
    auth.logout()
    auth.login("reviewer")
    text = re.sub(r"\s+", " ", client.get(f"/staff/rounds/{SLUG}/dashboard").text)
    reach = text.split("<h2>Reach</h2>", 1)[1].split("</section>", 1)[0]
    rows = re.findall(
        r'<th scope="row"><bdi>([^<]+)</bdi></th><td class="number">(.*?)</td>'
        r'<td class="number">(\d+)</td> <td class="number">([^<]+)</td>',
        reach,
    )
    assert rows == [
        ("Network: EuroNPUD", "20", "40", "50%"),
        ("Language of the answers: Français", "20", "20", "100%"),
        ("Question gender: Woman", "15", "30", "50%"),
        # Two gave "other": too few to show, so no progress either.
        ("Question gender: Other", '<span class="hidden-figure">fewer than 5</span>', "10", "–"),
    ]
    assert 'class="behind"' not in reach.split("Woman")[0]


def test_members_see_published_results_only_after_the_round_closes(
    app, client, auth, statistics_round
):
    auth.login("designer")
    token = csrf_token(client.get(f"/staff/rounds/{SLUG}/publish").text)
    client.post(
        f"/staff/rounds/{SLUG}/publish",
        data={"csrf_token": token, "publish": "yes", "code": ["agree", "gender", "nonsense"]},
    )
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        assert round_.published_questions == ["agree", "gender"]
    auth.logout()
    # Open: nothing to see yet.
    assert client.get(f"/c/{SLUG}/results").status_code == 404
    set_status(app, SLUG, "closed")
    page = client.get(f"/c/{SLUG}/results?lang=fr")
    assert page.status_code == 200
    text = page.text
    assert "Question agree (fr)" in text and "Question pick" not in text
    assert '<td class="number"><span class="hidden-figure">' in text  # gender's small cells
    assert 'role="img"' in text  # the chart, beside its table
    # Turned off again: gone.
    auth.login("designer")
    token = csrf_token(client.get(f"/staff/rounds/{SLUG}/publish").text)
    client.post(f"/staff/rounds/{SLUG}/publish", data={"csrf_token": token, "code": ["agree"]})
    auth.logout()
    assert client.get(f"/c/{SLUG}/results").status_code == 404


def test_a_filter_by_a_ticked_option_of_a_multiple_choice(app, statistics_round):
    """ "People who ticked B": responses 0 to 19, who all placed themselves at the
    disagreeing end of the scale."""
    results, responses = results_for(app, "q:pick:b", "ticked")
    assert responses.value == 20
    assert list(counts(results["agree"]).values()) == [5, 5, 10, 0, 0]
    assert results["agree"].mean == pytest.approx((5 + 10 + 30) / 20)
    others, responses = results_for(app, "q:pick:b", "not-ticked")
    assert responses.value == 20
    assert list(counts(others["agree"]).values()) == [0, 0, 0, 12, 8]


def test_the_secretariat_follows_a_rounded_live_total_reviewers_the_release(
    app, client, auth, statistics_round
):
    """Live progress is the secretariat's, to the nearest ten: one more member who answers
    changes nothing a reviewer sees, and the rounded total only at a multiple of five."""
    from consult.respond.models import Response

    with app.app_context():
        round_id = db.session.scalar(select(Round.id).where(Round.slug == SLUG))
        for _ in range(4):  # today's: not released yet
            db.session.add(Response(round_id=round_id, language="en", submitted_on=date.today()))
        db.session.commit()
    auth.login("designer")
    home = " ".join(client.get("/staff/").text.split())
    assert '<td class="number">about 40</td>' in home  # 44 received
    auth.logout()
    auth.login("reviewer")
    home = " ".join(client.get("/staff/").text.split())
    assert '<td class="number">40</td>' in home  # the release: 40, keys 0, no noise
    dashboard = client.get(f"/staff/rounds/{SLUG}/dashboard").text
    assert "Responses received so far" not in dashboard
    assert "Being filled in now" not in dashboard


def test_members_read_what_they_told_us_on_the_published_questions_only(
    app, client, auth, statistics_round
):
    """ "You said": with the findings ticked, the members' page leads with the brief's
    headline findings, each one sentence with its share, and only on published questions."""
    from consult.coding.results import headline_findings

    auth.login("designer")
    token = csrf_token(client.get(f"/staff/rounds/{SLUG}/publish").text)
    form = {"csrf_token": token, "publish": "yes", "code": ["agree"], "findings": "yes"}
    client.post(f"/staff/rounds/{SLUG}/publish", data=form)
    auth.logout()
    set_status(app, SLUG, "closed")
    with app.test_request_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == SLUG))
        findings = {f.question.code: f for f in headline_findings(round_, "en")}
    assert {"agree", "pick"} <= set(findings)  # the brief has both; members see one
    page = client.get(f"/c/{SLUG}/results").text
    told = page.split("What members told us")[1].split("</ul>")[0]
    agree = findings["agree"]
    assert f"<strong>{round(agree.percent)}%</strong>" in told and "Question agree" in told
    assert "Question pick" not in told
    # Unticked: the page shows the figures alone.
    auth.login("designer")
    token = csrf_token(client.get(f"/staff/rounds/{SLUG}/publish").text)
    client.post(f"/staff/rounds/{SLUG}/publish", data={**form, "csrf_token": token, "findings": ""})
    auth.logout()
    assert "What members told us" not in client.get(f"/c/{SLUG}/results").text
