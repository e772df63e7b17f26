"""Charts on the results pages: bars drawn to scale, hidden counts that stay hidden whatever they
are, text escaped and written in the page's language, and a mirror image on right-to-left
pages."""

import re
import xml.etree.ElementTree as ET

import pytest
from babel.numbers import format_decimal

from consult import create_app
from consult.review.charts import Bar, bar_chart, column_chart
from consult.suppression import (
    COMPLEMENT,
    SMALL,
    Figure,
    protect_partition,
    protect_total,
    with_percent,
)

from .conftest import make_test_config

SVG = "{http://www.w3.org/2000/svg}"
K = 5


@pytest.fixture
def app():
    """Charts read no database: the app on SQLite alone, without tables."""
    return create_app(make_test_config("sqlite://", {}))


@pytest.fixture
def english(app):
    with app.test_request_context("/?lang=en"):
        yield


def parse(markup):
    return ET.fromstring(str(markup))  # noqa: S314 - our own markup, parsed to be measured


def rects(svg, css_class):
    return [rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == css_class]


def texts(svg, css_class):
    return [text for text in svg.iter(f"{SVG}text") if text.get("class") == css_class]


def written_words(svg):
    """Every word a reader can see, on the chart or in a tooltip."""
    return " ".join(
        "".join(element.itertext())
        for element in svg.iter()
        if element.tag in (f"{SVG}text", f"{SVG}title")
    )


def width_of(svg):
    return float(svg.get("viewBox").split()[2])


def partition_chart(counts):
    """A question's chart built as the results page builds it: the counts through
    suppression, each with its share of the responses."""
    figures = protect_partition(counts, K)
    responses = protect_total(sum(counts.values()), K)
    bars = [Bar(label, with_percent(figure, responses)) for label, figure in figures.items()]
    return bar_chart("q1", "Do you feel safe?", "Answers to question 1", bars)


def test_a_bar_is_as_long_as_its_percent_or_its_share_of_the_largest(english):
    shares = [Bar("a", Figure(60, K, percent=60.0)), Bar("b", Figure(15, K, percent=15.0))]
    by_percent = [
        float(r.get("width")) for r in rects(parse(bar_chart("q", "Q", "D", shares)), "chart-bar")
    ]
    assert by_percent[0] == pytest.approx(4 * by_percent[1], abs=0.05)

    counts = [Bar("a", Figure(200, K, percent=10.0)), Bar("b", Figure(50, K, percent=90.0))]
    svg = parse(bar_chart("q", "Q", "D", counts, use_percent=False))
    by_count = [float(r.get("width")) for r in rects(svg, "chart-bar")]
    assert by_count[0] == pytest.approx(4 * by_count[1], abs=0.05)
    assert by_count[0] > by_percent[0]  # the largest count gets the longest bar there is


def test_a_shown_count_without_a_percent_has_its_number_and_no_bar(english):
    svg = parse(bar_chart("q", "Q", "D", [Bar("a", Figure(12, K))]))
    assert rects(svg, "chart-bar") == []
    assert [t.text for t in texts(svg, "chart-value")] == ["12"]


def test_hidden_counts_are_drawn_the_same_whatever_they_are(english):
    one = partition_chart({"yes": 120, "no": 3, "unsure": 2})
    other = partition_chart({"yes": 120, "no": 1, "unsure": 4})
    assert one == other
    svg = parse(one)
    assert written_words(svg).count("fewer than 5") == 4  # two bars, two tooltips
    assert not re.search(r"\b[1-4]\b", written_words(svg))
    assert len(rects(svg, "chart-bar-hidden")) == 2


def test_a_figure_shown_by_group_nowhere_reads_hidden(english):
    """A theme shown in total only has its groups drawn as hidden, the same outline as a
    count fewer than k: neither bar says anything of the count."""

    def hidden_rows(markup):
        return [
            ET.tostring(row)
            for row in parse(markup).iter(f"{SVG}g")
            if rects(row, "chart-bar-hidden")
        ]

    bars = [
        Bar("yes", Figure(120, K)),
        Bar("no", Figure(None, K, SMALL)),
        Bar("unsure", Figure(None, K, COMPLEMENT)),
    ]
    markup = bar_chart("q1", "Do you feel safe?", "Answers to question 1", bars)
    words = written_words(parse(markup))
    assert "hidden" in words and "fewer than 5" in words
    assert len(hidden_rows(markup)) == 2
    outlines = [
        rects(row, "chart-bar-hidden")[0].attrib
        for row in parse(markup).iter(f"{SVG}g")
        if rects(row, "chart-bar-hidden")
    ]
    assert outlines[0]["width"] == outlines[1]["width"]


def test_the_chart_is_named_by_its_title_and_description(english):
    svg = parse(bar_chart("q7", "Safety", "How safe members feel", [Bar("a", Figure(5, K))]))
    assert svg.get("role") == "img"
    named_by = {element.get("id"): element.text for element in svg.iter() if element.get("id")}
    assert [named_by[i] for i in svg.get("aria-labelledby").split()] == [
        "Safety",
        "How safe members feel",
    ]


def test_labels_are_escaped_and_long_ones_shortened_with_the_whole_in_the_tooltip(english):
    long_label = "A very long answer that a member would not read to the end on a phone"
    bars = [Bar("<script>alert(1)</script>", Figure(10, K)), Bar(long_label, Figure(20, K))]
    markup = bar_chart("q", "<b>Q</b>", "D", bars)
    assert "<script>" not in markup and "<b>" not in markup
    svg = parse(markup)
    assert not list(svg.iter(f"{SVG}script"))
    labels = [t.text for t in texts(svg, "chart-label")]
    assert labels[0] == "<script>alert(1)</script>"
    assert labels[1].endswith("…") and len(labels[1]) <= 48
    assert f"{long_label}: 20" in [title.text for title in svg.iter(f"{SVG}title")]


def test_right_to_left_bars_grow_from_the_right_edge(english):
    bars = [Bar("a", Figure(60, K, percent=60.0)), Bar("b", Figure(30, K, percent=30.0))]
    ltr = parse(bar_chart("q", "Q", "D", bars))
    rtl = parse(bar_chart("q", "Q", "D", bars, rtl=True))
    width = width_of(ltr)
    left_edge = float(texts(ltr, "chart-label")[0].get("x"))
    right_edge = float(texts(rtl, "chart-label")[0].get("x"))
    assert right_edge == pytest.approx(width - left_edge) and right_edge > width / 2
    for left, right in zip(rects(ltr, "chart-bar"), rects(rtl, "chart-bar"), strict=True):
        assert float(left.get("x")) == pytest.approx(left_edge)
        assert float(right.get("x")) + float(right.get("width")) == pytest.approx(right_edge)
        assert float(right.get("width")) == pytest.approx(float(left.get("width")))
    assert all(text.get("direction") == "rtl" for text in rtl.iter(f"{SVG}text"))
    assert not any(text.get("direction") for text in ltr.iter(f"{SVG}text"))


def column_heights(svg):
    """Each column's drawn height, 0 where none is drawn."""
    heights = []
    for column in svg.iter(f"{SVG}g"):
        drawn = rects(column, "chart-bar")
        heights.append(float(drawn[0].get("height")) if drawn else 0)
    return heights


def test_columns_are_as_tall_as_their_share_of_the_largest_and_zero_reads_0(english):
    weeks = [Bar("W1", Figure(40, K)), Bar("W2", Figure(0, K)), Bar("W3", Figure(10, K))]
    svg = parse(column_chart("weeks", "Responses per week", "D", weeks))
    heights = column_heights(svg)
    assert heights[0] == pytest.approx(4 * heights[2], abs=0.05)
    assert heights[1] == 0
    assert [t.text for t in texts(svg, "chart-value")] == ["40", "0", "10"]


def test_a_hidden_week_has_the_placeholder_and_right_to_left_weeks_start_at_the_right(english):
    weeks = [
        Bar("W1", Figure(40, K)),
        Bar("W2", Figure(None, K, SMALL)),
        Bar("W3", Figure(10, K)),
    ]
    ltr = parse(column_chart("weeks", "Responses per week", "D", weeks))
    rtl = parse(column_chart("weeks", "Responses per week", "D", weeks, rtl=True))
    assert "fewer than 5" in [t.text for t in texts(ltr, "chart-value")]
    assert len(rects(ltr, "chart-bar-hidden")) == 1

    def left_and_right(svg):
        return [
            (float(r.get("x")), float(r.get("x")) + float(r.get("width")))
            for r in svg.iter(f"{SVG}rect")
        ]

    ltr_columns, rtl_columns = left_and_right(ltr), left_and_right(rtl)
    assert ltr_columns == sorted(ltr_columns)
    assert rtl_columns == sorted(rtl_columns, reverse=True)
    # The mirror image: the first week as far from the right edge as it is from the left.
    assert width_of(rtl) - rtl_columns[0][1] == pytest.approx(ltr_columns[0][0])


def test_numbers_are_written_the_way_the_page_language_writes_them(app):
    with app.test_request_context("/?lang=fr"):
        bars = bar_chart("q", "Q", "D", [Bar("a", Figure(1234, K, percent=50.0))])
        columns = column_chart("w", "W", "D", [Bar("S1", Figure(1234, K))])
    french = format_decimal(1234, locale="fr")
    assert french != "1234"
    for markup in (bars, columns):
        assert french in markup
        assert "1234" not in written_words(parse(markup))
