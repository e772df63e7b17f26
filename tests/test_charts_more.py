"""Charts worth looking at: wide bars on staff pages; answers in no order drawn largest first
(scales in the questionnaire's order) without a hidden count ever being sorted by its value;
a question broken down by group (stacked shares, or one small chart per answer); a ranking's
first places beside its Borda scores; regions with their networks set in under them. Each
right to left too, with its numbers in the page's language."""

import re
import uuid
from types import SimpleNamespace

import pytest
from babel.numbers import format_decimal, format_percent

from consult import create_app
from consult.design.definition import from_definition
from consult.extensions import db
from consult.respond.models import Answer as AnswerRow
from consult.respond.models import Response
from consult.review.breakdown_charts import (
    SWATCH,
    Answer,
    Group,
    contrast,
    multiples_chart,
    shares_chart,
)
from consult.review.chart_kinds import INDENT, Branch, RankedItem, ranking_chart, tree_chart
from consult.review.charts import (
    NARROW,
    PLACEHOLDER_LENGTH,
    WIDE,
    Bar,
    Scale,
    bar_chart,
    bar_track,
)
from consult.review.page_charts import chart_order, largest_first, question_chart
from consult.review.releases import release_if_due
from consult.review.results import ChoiceRow, QuestionResult
from consult.suppression import SMALL, Figure, protect_partition, protect_total, with_percent

from .conftest import make_test_config
from .statistics_round import FIRST_DAY
from .test_charts import SVG, parse, rects, texts, width_of, written_words

K = 5


@pytest.fixture
def bare_app():
    """Charts read no database: the app on SQLite alone, without tables."""
    return create_app(make_test_config("sqlite://", {}))


@pytest.fixture
def english(bare_app):
    with bare_app.test_request_context("/?lang=en"):
        yield


def widths(svg, css_class="chart-bar"):
    return [float(rect.get("width")) for rect in rects(svg, css_class)]


def left_and_right(rect):
    x = float(rect.get("x"))
    return x, x + float(rect.get("width"))


# 1. Wide bars ------------------------------------------------------------------------------


def test_a_wide_chart_draws_its_longest_bar_across_most_of_its_track(english):
    """A staff page's chart is 960 units wide, its scale ends at the first tick past the
    largest share: a 12 % answer is no longer a stub an eighth of the chart long."""
    bars = [Bar("a", Figure(30, K, percent=12.0)), Bar("b", Figure(20, K, percent=8.0))]
    svg = parse(bar_chart("q", "Q", "D", bars, width=WIDE))
    assert width_of(svg) == WIDE and svg.get("class") == "chart chart-wide"
    longest, other = widths(svg)
    assert longest >= 0.75 * bar_track(WIDE)
    assert longest == pytest.approx(1.5 * other, abs=0.05)
    assert [t.text for t in texts(svg, "chart-tick")] == ["0%", "5%", "10%", "15%"]
    # Members' phones keep the narrow chart, whose text stays readable at 360 px.
    narrow = parse(bar_chart("q", "Q", "D", bars))
    assert width_of(narrow) == NARROW and narrow.get("class") == "chart"


@pytest.mark.parametrize(
    ("largest", "cap", "end", "step"),
    [
        (12, 100, 15, 5),
        (42, 100, 50, 10),
        (60, 100, 80, 20),
        (100, 100, 100, 20),
        (1.67, 3, 2, 0.5),
    ],
)
def test_a_scale_ends_at_the_first_tick_past_its_largest_value(largest, cap, end, step):
    scale = Scale.past(largest, cap)
    assert (scale.end, scale.step) == pytest.approx((end, step))
    assert scale.ticks()[-1] == pytest.approx(end)


def test_the_scale_is_written_in_the_page_language(bare_app):
    with bare_app.test_request_context("/?lang=fr"):
        bars = parse(bar_chart("q", "Q", "D", [Bar("a", Figure(30, K, percent=12.0))]))
        items = [RankedItem("x", share(1234, 30.0), 1.25)]
        ranking = parse(ranking_chart("r", "Q", "D", items, 3))
    assert texts(bars, "chart-tick")[1].text == format_percent(0.05, "#,##0%", locale="fr")
    assert format_decimal(0.5, locale="fr") in [t.text for t in texts(ranking, "chart-tick")]


# 2. Order ----------------------------------------------------------------------------------


def row(label, count, role="option", borda=None):
    figure = Figure(None, K, SMALL) if count is None else Figure(count, K)
    return ChoiceRow(label, figure, role=role, borda=borda)


def labels(rows):
    return [r.label for r in rows]


ANSWERS = [
    row("a", 10),
    row("b", 40),
    row("other", 50, "other"),
    row("c", 40),
    row("declined", 60, "prefer_not"),
    row("d", 25),
]


@pytest.mark.parametrize("kind", ["single_choice", "multiple_choice"])
def test_answers_in_no_order_are_drawn_largest_first_other_and_declined_last(kind):
    assert labels(chart_order(largest_first(kind), ANSWERS)) == [
        "b",
        "c",
        "d",
        "a",
        "other",
        "declined",
    ]


#: ANSWERS in the questionnaire's order, "other" and "prefer not to say" last.
QUESTIONNAIRE_ORDER = ["a", "b", "c", "d", "other", "declined"]


@pytest.mark.parametrize("kind", ["scale", "yes_no", "rating"])
def test_ordered_answers_keep_the_questionnaire_order(kind):
    assert labels(chart_order(largest_first(kind), ANSWERS)) == QUESTIONNAIRE_ORDER


@pytest.mark.parametrize("kind", ["single_choice", "multiple_choice"])
def test_choices_the_designer_says_are_ordered_keep_the_questionnaire_order(kind):
    """Never, once, several times: the order says as much as the counts."""
    assert not largest_first(kind, ordered=True)
    assert labels(chart_order(largest_first(kind, True), ANSWERS)) == QUESTIONNAIRE_ORDER


def test_hidden_answers_come_after_the_shown_ones_in_questionnaire_order():
    rows = [row("a", None), row("b", 12), row("c", None), row("other", None, "other")]
    rows += [row("d", 30)]
    assert labels(chart_order(largest_first("single_choice"), rows)) == [
        "d",
        "b",
        "a",
        "c",
        "other",
    ]


def chart_of_counts(counts, kind="single_choice"):
    """A question's chart built as the results page builds it: the counts through
    suppression, each with its share of those who answered."""
    figures = protect_partition(counts, K)
    answered = protect_total(sum(counts.values()), K)
    result = QuestionResult(
        SimpleNamespace(kind=kind, code="where", rank_count=None, ordered=False),
        "Where do you live?",
        None,
        choices=[
            ChoiceRow(label, with_percent(figure, answered), role=label.split()[0])
            for label, figure in figures.items()
        ],
    )
    return question_chart(result, "ltr")


def test_two_rounds_differing_only_in_hidden_counts_draw_the_same_chart(english):
    """Sorted by their true values, "b" (3) and "d" (2) would swap places with "d" at 4:
    a hidden count has no value to sort by, so the two charts are the same bytes."""
    one = chart_of_counts({"option a": 12, "option b": 3, "option c": 8, "option d": 2})
    two = chart_of_counts({"option a": 12, "option b": 1, "option c": 8, "option d": 4})
    assert one == two
    svg = parse(one)
    drawn = [t.text for t in texts(svg, "chart-label")]
    assert drawn == ["option a", "option c", "option b", "option d"]


ROLES = {"other": "other", "declined": "prefer_not"}


def create_choice_round(slug, counts, kind="single_choice"):
    """A round of one question, released, with no noise (every record key 0): ``counts``
    says how many responses gave each answer, a choice's code or, for a ranking, the tuple
    of the codes ranked. Returns the slug."""
    codes = list(dict.fromkeys(c for key in counts for c in (key if kind == "ranking" else [key])))
    choices = [
        {"code": code, "label": {"en": code.capitalize()}, "role": ROLES.get(code, "option")}
        for code in codes
    ]
    question = {"code": "where", "kind": kind, "text": {"en": "Where?"}, "choices": choices}
    if kind == "ranking":
        question["rank_count"] = 2
    round_ = from_definition(
        {
            "format": "consult-round/1",
            "slug": slug,
            "languages": ["en"],
            "title": {"en": slug},
            "sections": [{"title": {"en": "All"}, "questions": [question]}],
        }
    )
    round_.status = "open"
    db.session.add(round_)
    db.session.flush()
    question = round_.questions[0]
    ids = {choice.code: choice.id for choice in question.choices}
    for key, count in counts.items():
        ranked = key if kind == "ranking" else (key,)
        for _ in range(count):
            response = Response(
                id=uuid.uuid4(),
                round_id=round_.id,
                language="en",
                submitted_on=FIRST_DAY,
                furthest_page=0,
                record_key=0,
            )
            response.answers = [
                AnswerRow(
                    question_id=question.id,
                    item=place,
                    choice_id=ids[code],
                    rank=place + 1 if kind == "ranking" else None,
                )
                for place, code in enumerate(ranked)
            ]
            db.session.add(response)
    db.session.commit()
    release_if_due(round_)
    return slug


def svg_of(page, chart_id):
    return re.search(rf'<svg[^>]*aria-labelledby="{chart_id}-title.*?</svg>', page, re.S).group(0)


def test_two_rounds_differing_only_in_a_hidden_count_give_the_same_svg(app, client, auth):
    with app.app_context():
        create_choice_round("where-a", {"north": 12, "south": 3, "east": 20, "west": 1, "other": 4})
        create_choice_round("where-b", {"north": 12, "south": 1, "east": 20, "west": 3, "other": 4})
    auth.login("reviewer")
    one = svg_of(client.get("/staff/rounds/where-a/results").text, "chart-where")
    two = svg_of(client.get("/staff/rounds/where-b/results").text, "chart-where")
    assert one == two
    drawn = [t.text for t in texts(parse(one), "chart-label")]
    assert drawn == ["East", "North", "South", "West", "Other"]


# 3. Breakdowns -----------------------------------------------------------------------------


def share(count, percent):
    return Figure(count, K, percent=percent)


HIDDEN = Figure(None, K, SMALL)
SCALE = [Answer("Disagree"), Answer("Agree"), Answer("Rather not say", "prefer_not")]


def test_a_groups_bar_is_split_into_its_shares_and_fills_its_frame(english):
    groups = [
        Group("Everyone", share(50, 100.0), (share(30, 60.0), share(15, 30.0), share(5, 10.0))),
        Group("Asia", share(20, 100.0), (share(15, 75.0), HIDDEN, share(5, 25.0))),
    ]
    svg = parse(shares_chart("b", "Q", "D", SCALE, groups, ordered=True, width=WIDE))
    frames = rects(svg, "chart-frame")
    segments = widths(svg, "chart-segment")
    track = float(frames[0].get("width"))
    assert segments[:3] == pytest.approx([0.6 * track, 0.3 * track, 0.1 * track], abs=0.05)
    assert segments[3:] == pytest.approx([0.75 * track, 0.25 * track], abs=0.05)
    # A hidden answer takes no part of the bar: a square of its own after it.
    legend, square = rects(svg, "chart-cell-hidden")
    assert legend.get("height") == square.get("height")
    assert float(square.get("width")) == SWATCH
    assert float(square.get("x")) > left_and_right(frames[1])[1]
    assert "60%" in [t.text for t in texts(svg, "chart-share")]
    assert "fewer than 5" in written_words(svg)  # the legend says what the square is


def test_a_hidden_cell_of_a_breakdown_looks_the_same_whatever_it_is(english):
    """The counts of Asia differ only in the hidden "agree": the same chart."""
    answered = protect_total(40, K)

    def chart(agree):
        cells = protect_partition({"disagree": 36, "agree": agree, "declined": 4 - agree}, K)
        figures = tuple(with_percent(cells[key], answered) for key in cells)
        groups = [Group("Asia", answered, figures)]
        return shares_chart("b", "Q", "D", SCALE, groups, ordered=True)

    assert chart(1) == chart(3)


def test_right_to_left_shares_start_at_the_right_edge(english):
    groups = [Group("Asia", share(20, 100.0), (share(15, 75.0), share(5, 25.0), share(0, 0.0)))]
    ltr = parse(shares_chart("b", "Q", "D", SCALE, groups, ordered=True))
    rtl = parse(shares_chart("b", "Q", "D", SCALE, groups, ordered=True, rtl=True))
    ltr_frame, rtl_frame = rects(ltr, "chart-frame")[0], rects(rtl, "chart-frame")[0]
    first_ltr, first_rtl = rects(ltr, "chart-segment")[0], rects(rtl, "chart-segment")[0]
    assert left_and_right(first_ltr)[0] == pytest.approx(left_and_right(ltr_frame)[0])
    assert left_and_right(first_rtl)[1] == pytest.approx(left_and_right(rtl_frame)[1])
    assert width_of(rtl) - left_and_right(rtl_frame)[1] == pytest.approx(
        left_and_right(ltr_frame)[0]
    )
    assert all(text.get("direction") == "rtl" for text in rtl.iter(f"{SVG}text"))


def test_each_answers_percent_stands_out_on_its_colour(english):
    answers = [Answer(str(point)) for point in range(5)]
    figures = tuple(share(20, 20.0) for _ in answers)
    svg = parse(
        shares_chart(
            "b", "Q", "D", answers, [Group("All", share(100, 100.0), figures)], ordered=True
        )
    )
    for segment in svg.iter(f"{SVG}g"):
        drawn = [r for r in segment if r.get("class") == "chart-segment"]
        written = [t for t in segment if t.get("class") == "chart-share"]
        if drawn and written:
            assert contrast(drawn[0].get("fill"), written[0].get("fill")) >= 4.5


def test_ticked_answers_get_one_small_chart_each_on_one_scale(english):
    ticked = [Answer("Police"), Answer("Cost")]
    groups = [
        Group("Everyone", share(50, 100.0), (share(30, 60.0), share(10, 20.0)), whole=True),
        Group("Asia", share(20, 100.0), (share(6, 30.0), HIDDEN)),
    ]
    svg = parse(multiples_chart("m", "Q", "D", ticked, groups))
    panels = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "chart-panel"]
    assert len(panels) == 2
    police, cost = (widths(panel) for panel in panels)
    assert police[0] == pytest.approx(2 * police[1], abs=0.05)
    assert police[0] == pytest.approx(3 * cost[0], abs=0.05)
    assert widths(svg, "chart-bar-hidden") == [PLACEHOLDER_LENGTH]
    assert [t.text for t in texts(svg, "chart-heading")] == ["Police", "Cost"]


def test_the_question_page_draws_its_breakdown(app, client, auth):
    from .statistics_round import create_statistics_round

    with app.app_context():
        slug = create_statistics_round()
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{slug}/results/agree?by=network").text
    svg = parse(svg_of(page, "breakdown-agree"))
    names = [t.text for t in texts(svg, "chart-label")]
    groups = names[names.index("Everyone") :]  # after the legend
    assert {"EuroNPUD", "NAPUD"} <= set(groups) and groups[-1] == "No network (public link)"
    # NAPUD: 12 agree, 3 strongly agree (hidden).
    assert len(rects(svg, "chart-cell-hidden")) >= 2  # the square, and its legend
    page = client.get(f"/staff/rounds/{slug}/results/pick?by=language").text
    svg = parse(svg_of(page, "breakdown-pick"))
    assert [t.text for t in texts(svg, "chart-heading")] == ["A", "B", "C"]


def test_two_rounds_side_by_side_are_drawn_too(app, client, auth):
    with app.app_context():
        create_choice_round("where-a", {"north": 12, "south": 3, "east": 20})
        create_choice_round("where-b", {"north": 30, "south": 10, "east": 5})
    auth.login("reviewer")
    page = client.get("/staff/rounds/where-a/compare?with=where-b").text
    svg = parse(svg_of(page, "compare-where"))
    names = [t.text for t in texts(svg, "chart-label")]
    # The legend (South is hidden in this round), then the rounds.
    assert names == ["East", "North", "South", "fewer than 5", "where-a", "where-b"]


# 4. Rankings -------------------------------------------------------------------------------


def test_a_ranking_draws_first_places_beside_borda_scores(english):
    items = [
        RankedItem("x", share(15, 30.0), 1.5),
        RankedItem("y", share(5, 10.0), 0.75),
        RankedItem("z", HIDDEN, None),
    ]
    svg = parse(ranking_chart("r", "Q", "D", items, 3))
    first, scores = widths(svg), widths(svg, "chart-bar-score")
    assert first[0] == pytest.approx(3 * first[1]) and scores[0] == pytest.approx(2 * scores[1])
    # A score results.py does not show is a placeholder, like a hidden count.
    assert len(rects(svg, "chart-bar-hidden")) == 2
    assert [t.text for t in texts(svg, "chart-value")] == [
        "15 (30%)",
        "1.50",
        "5 (10%)",
        "0.75",
        "fewer than 5",
        "–",
    ]
    # The scores' half begins past the middle, right of the first places' bars.
    score_start = min(float(r.get("x")) for r in rects(svg, "chart-bar-score"))
    assert score_start > WIDE / 2 > max(left_and_right(r)[1] for r in rects(svg, "chart-bar"))


def test_a_rankings_items_are_drawn_by_borda_score(english):
    result = QuestionResult(
        SimpleNamespace(kind="ranking", code="rank", rank_count=2, ordered=False),
        "Rank",
        None,
        choices=[row("x", 8, borda=0.9), row("y", None, borda=None), row("z", 6, borda=1.2)],
    )
    svg = parse(question_chart(result, "ltr"))
    assert [t.text for t in texts(svg, "chart-label")] == ["z", "x", "y"]


def test_the_results_page_draws_the_rankings_protected_scores(app, client, auth):
    """The Borda scores results.py works out from protected counts, as in the table."""
    from .statistics_round import create_statistics_round

    with app.app_context():
        slug = create_statistics_round()
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{slug}/results").text
    svg = parse(svg_of(page, "chart-rank"))
    drawn = [t.text for t in texts(svg, "chart-label")]
    scores = [t.text for t in texts(svg, "chart-value")][1::2]
    table = re.findall(
        r'<bdi lang="en">([XYZ])</bdi></th>\s*<td class="number">[^<]*</td>'
        r'<td class="number">[^<]*</td><td class="number">([^<]*)</td>',
        page,
    )
    assert drawn == ["X", "Y", "Z"]  # (2 × 15 + 20) / 40, (2 × 15 + 15) / 40, …
    assert dict(zip(drawn, scores, strict=True)) == dict(table)
    assert scores[0] == "1.25"


def test_an_item_too_few_ranked_has_no_score(app, client, auth):
    """W is ranked by 3 members, fewer than k: no score, drawn last as a placeholder."""
    with app.app_context():
        rankings = {("x", "y"): 20, ("y", "x"): 17, ("w",): 3}
        slug = create_choice_round("ranks", rankings, kind="ranking")
    auth.login("reviewer")
    svg = parse(svg_of(client.get(f"/staff/rounds/{slug}/results").text, "chart-where"))
    assert [t.text for t in texts(svg, "chart-label")] == ["X", "Y", "W"]
    assert [t.text for t in texts(svg, "chart-value")][-2:] == ["fewer than 5", "–"]
    assert len(rects(svg, "chart-bar-hidden")) == 2


def test_a_rankings_numbers_are_in_the_page_language(bare_app):
    with bare_app.test_request_context("/?lang=fr"):
        svg = ranking_chart("r", "Q", "D", [RankedItem("x", share(1234, 30.0), 1.25)], 3)
    assert format_decimal(1.25, format="0.00", locale="fr") in svg
    assert format_decimal(1234, locale="fr") in svg


# 5. Regions and their networks ---------------------------------------------------------------


BRANCHES = [
    Branch("Europe", Figure(20, K), group=True),
    Branch("EuroNPUD", Figure(20, K), depth=1),
    Branch("Asia", Figure(15, K), group=True),
    Branch("NAPUD", Figure(None, K, SMALL), depth=1),
    Branch("No network (public link)", Figure(5, K)),
]


def label_x(svg):
    return {t.text: float(t.get("x")) for t in texts(svg, "chart-label")}


@pytest.mark.parametrize("rtl", [False, True])
def test_networks_are_set_in_under_their_region(english, rtl):
    svg = parse(tree_chart("n", "Q", "D", BRANCHES, rtl=rtl))
    x = label_x(svg)
    towards_the_middle = -1 if rtl else 1
    assert (x["EuroNPUD"] - x["Europe"]) * towards_the_middle == pytest.approx(INDENT)
    assert x["NAPUD"] == x["EuroNPUD"] and x["No network (public link)"] == x["Europe"]
    bold = [t.text for t in texts(svg, "chart-label") if t.get("font-weight") == "700"]
    assert bold == ["Europe", "Asia"]
    assert len([p for p in svg.iter(f"{SVG}path") if p.get("class") == "chart-tree"]) == 2
    # Every bar starts at the same place, a member's as its region's.
    starts = {
        round(left_and_right(r)[1] if rtl else left_and_right(r)[0], 2)
        for r in svg.iter(f"{SVG}rect")
    }
    assert len(starts) == 1
    assert widths(svg, "chart-bar-hidden") == [PLACEHOLDER_LENGTH]


def test_the_dashboard_draws_regions_with_their_networks(app, client, auth):
    from .statistics_round import create_statistics_round

    with app.app_context():
        slug = create_statistics_round()
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{slug}/dashboard").text
    svg = parse(svg_of(page, "chart-networks"))
    x = label_x(svg)
    assert x["EuroNPUD"] - x["Europe"] == pytest.approx(INDENT)
    assert x["No network (public link)"] == x["Europe"]
    assert '<span class="indent">EuroNPUD</span>' in page
    assert '<span class="apart">No network (public link)</span>' in page


def test_new_charts_escape_their_labels(english):
    evil = "<script>alert(1)</script>"
    markups = [
        ranking_chart("r", "Q", "D", [RankedItem(evil, share(5, 10.0), 1.0)], 3),
        tree_chart("t", "Q", "D", [Branch(evil, Figure(5, K), group=True)]),
        shares_chart(
            "s",
            "Q",
            "D",
            [Answer(evil)],
            [Group(evil, share(5, 100.0), (share(5, 100.0),))],
            ordered=False,
        ),
        multiples_chart(
            "m", "Q", "D", [Answer(evil)], [Group(evil, share(5, 100.0), (share(5, 100.0),))]
        ),
    ]
    for markup in markups:
        assert "<script>" not in markup
        svg = parse(markup)
        assert not list(svg.iter(f"{SVG}script"))
        assert evil in written_words(svg)
