"""The charts of the review pages, made from the figures each page already has: which chart a
question gets, the order its answers are drawn in, and what the chart says it is.

Answers in no order (single and multiple choice, the items of a ranking) are drawn largest
first; the points of a scale, yes/no and ratings keep the questionnaire's order. "Other"
and "prefer not to say" come last either way. A hidden count is never sorted by what it
is (its Figure holds no value to sort by): hidden answers come after the shown ones, in the
questionnaire's order, so where a hidden answer is drawn says nothing of its size.
"""

from flask_babel import format_date
from flask_babel import gettext as _

from ..i18n import text_direction
from ..questions import KINDS
from ..suppression import ALL
from .breakdown_charts import Answer, Group, multiples_chart, shares_chart
from .chart_kinds import Branch, RankedItem, ranking_chart, tree_chart
from .charts import NARROW, WIDE, Bar, bar_chart, column_chart

#: Roles drawn after the answers, in this order.
LAST_ROLES = ("other", "prefer_not")


def largest_first(kind, ordered=False):
    """Whether a chart draws the answers of a question of ``kind`` (a name) largest first:
    answers in no order, unless the designer said its choices have one (``ordered``)."""
    return KINDS[kind].unordered and not ordered


def chart_order(most_first, rows, figure=lambda row: row.count, by_score=False):
    """``rows`` (anything with a ``role``) in the order a chart draws them: largest first
    when ``most_first``, else the questionnaire's. ``figure`` reads the Figure a row is
    sorted by; ``by_score`` sorts a ranking's items by their Borda score instead. Sorting
    is stable: equal figures keep the questionnaire's order."""
    options = [row for row in rows if row.role not in LAST_ROLES]
    if by_score:
        scored = [row for row in options if row.borda is not None]
        scored.sort(key=lambda row: -row.borda)
        options = scored + [row for row in options if row.borda is None]
    elif most_first:
        shown = [row for row in options if figure(row).shown]
        shown.sort(key=lambda row: -figure(row).value)
        options = shown + [row for row in options if not figure(row).shown]
    return options + [row for role in LAST_ROLES for row in rows if row.role == role]


def question_chart(result, direction, width=WIDE):
    """The chart of a question's answers in one group, or None when it has none: a ranking's
    first places beside its Borda scores on a wide page, else a bar per answer."""
    if not result.choices:
        return None
    kind = result.question.kind
    most_first = largest_first(kind, result.question.ordered)
    rows = result.choices + result.declined
    rtl = direction == "rtl"
    chart_id = f"chart-{result.question.code}"
    if KINDS[kind].statistic == "borda" and width >= WIDE:
        items = [
            RankedItem(row.label, row.count, row.borda)
            for row in chart_order(most_first, rows, by_score=True)
        ]
        places = result.question.rank_count or len(result.choices)
        description = _(
            "Bar charts of the share of those who answered who ranked each item first, and "
            "of its Borda score, the highest score first. The same figures are in the table."
        )
        return ranking_chart(chart_id, result.text, description, items, places, rtl=rtl)
    bars = [Bar(row.label, row.count) for row in chart_order(most_first, rows)]
    if most_first:
        description = _(
            "Bar chart of the share of those who answered who gave each answer, the most "
            "given first. The same figures are in the table."
        )
    else:
        description = _(
            "Bar chart of the share of those who answered who gave each answer. "
            "The same figures are in the table."
        )
    return bar_chart(chart_id, result.text, description, bars, rtl=rtl, width=width)


def member_chart(result, direction):
    """A question's chart on the members' results page, narrow enough for a phone."""
    return question_chart(result, direction, NARROW)


def breakdown_chart(result, grouping, direction):
    """A question's answers in each group of a breakdown, everyone first."""
    if not result.choices:
        return None
    columns = [ALL, *grouping.columns]
    labels = {**grouping.labels, ALL: _("Everyone")}
    most_first = largest_first(result.question.kind, result.question.ordered)
    rows = chart_order(most_first, result.choices + result.declined)
    groups = [
        Group(
            labels[column],
            result.bases_by_group[column].answered,
            tuple(row.by_group[column] for row in rows),
            whole=column is ALL,
        )
        for column in columns
    ]
    chart_id = f"breakdown-{result.question.code}"
    kind = result.question.kind
    return _answers_by_group(chart_id, result.text, kind, most_first, rows, groups, direction)


def comparison_chart(item, this_title, other_title, direction):
    """Two rounds' answers to a question they share, this round's first."""
    if not item.answers:
        return None
    most_first = largest_first(item.kind, item.ordered)
    rows = chart_order(most_first, item.answers, figure=lambda answer: answer.this)
    groups = [
        Group(this_title, item.this_base.answered, tuple(a.this for a in rows), whole=True),
        Group(other_title, item.other_base.answered, tuple(a.other for a in rows)),
    ]
    chart_id = f"compare-{item.code}"
    return _answers_by_group(chart_id, item.text, item.kind, most_first, rows, groups, direction)


def _answers_by_group(chart_id, title, kind, most_first, rows, groups, direction):
    answers = [Answer(row.label, row.role) for row in rows]
    rtl = direction == "rtl"
    if KINDS[kind].tabulation == "each_choice":
        description = _(
            "Bar charts, one per answer, of the share of each group's members who answered "
            "who gave it. The same figures are in the table."
        )
        return multiples_chart(chart_id, title, description, answers, groups, rtl=rtl)
    description = _(
        "Bar chart with one bar per group, split into the shares of those who answered who "
        "gave each answer; a hidden count is a square after the bar. The same figures are in "
        "the table."
    )
    return shares_chart(
        chart_id, title, description, answers, groups, ordered=not most_first, rtl=rtl
    )


def weeks_chart(board, language):
    weeks = [Bar(format_date(monday, format="d MMM"), figure) for monday, figure in board.weeks]
    return column_chart(
        "chart-weeks",
        _("Responses per week"),
        _(
            "Column chart of the responses submitted each week, from the first week with a "
            "response. The same figures are in the table."
        ),
        weeks,
        rtl=text_direction(language) == "rtl",
    )


def networks_chart(board, language):
    """The responses of each region, and under it those of each of its networks."""
    branches = [
        Branch(row.label, row.figure, depth=0 if row.within is None else 1, group=row.is_group)
        for row in board.networks
    ]
    return tree_chart(
        "chart-networks",
        _("Responses per network and region"),
        _(
            "Bar chart of the responses of each region, each in bold with its networks set in "
            "under it. The same figures are in the table."
        ),
        branches,
        rtl=text_direction(language) == "rtl",
    )
