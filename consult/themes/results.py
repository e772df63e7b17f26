"""Theme results: per theme, how many respondents wrote about it and their share, for
everyone and by network, region or language, protected like every count of the review
pages (suppression.protect_table); which themes go together; and the round's ranked
priorities beside them.

A respondent counts for a theme when a reviewer confirmed a tag of it, or of one of its
sub-themes, on any of their written answers: a machine suggestion alone is not a finding.
The share is of all the group's respondents, the same base as the closed questions'.
"""

from dataclasses import dataclass, field

from sqlalchemy import literal, select

from ..respond.models import Response
from ..review import queries as review_queries
from ..review.groupings import grouping_by_key, split_for, value_of
from ..review.results import question_results
from ..suppression import (
    ALL,
    COMPLEMENT,
    Figure,
    is_small,
    protect_table,
    protect_total,
    with_percent,
)
from . import queries

WITH, WITHOUT = "with", "without"
#: The groupings a theme can be broken down by.
GROUPING_KEYS = ("network", "region", "language")


@dataclass
class ThemeRow:
    theme: object
    #: Respondents with the theme, with their share of everyone.
    count: Figure
    #: {column value: Figure} when broken down.
    by_group: dict = field(default_factory=dict)
    #: The theme's sub-themes, rows of their own.
    children: list = field(default_factory=list)


@dataclass
class ThemeResults:
    rows: list
    responses: Figure
    #: [(column value, label, Figure of its respondents)] when broken down.
    columns: list = field(default_factory=list)
    #: [(theme, theme, Figure)] of respondents with both, hidden when small.
    together: list = field(default_factory=list)


def theme_results(round_, themes, grouping_key=None, language="en"):
    """ThemeResults of ``themes`` (the codebook's, in order) for ``round_``."""
    k = round_.min_cell_size
    grouping = grouping_by_key(round_, grouping_key, language) if grouping_key else None
    split = split_for(round_.id, grouping)
    totals = {}
    for raw, count in review_queries.group_totals(split).items():
        value = value_of(grouping, raw)
        totals[value] = totals.get(value, 0) + count
    table = _Table(grouping, totals, k)

    family = {
        theme.id: [theme.id, *(t.id for t in themes if t.parent_id == theme.id)] for theme in themes
    }
    response_groups = split.groups if split.groups is not None else _everyone(split)
    counts = {}
    for (theme_id, raw), count in queries.theme_counts_by(
        round_.id, family, response_groups
    ).items():
        key = (theme_id, value_of(grouping, raw))
        counts[key] = counts.get(key, 0) + count

    by_id = {theme.id: table.row(theme, counts) for theme in themes}
    rows = []
    for theme in themes:
        row = by_id[theme.id]
        if theme.parent_id in by_id:
            parent = by_id[theme.parent_id]
            _hide_what_the_parent_gives_away(parent, row, k)
            parent.children.append(row)
        else:
            rows.append(row)

    columns = []
    if grouping is not None:
        margin = protect_table(
            {(v,): totals.get(v, 0) for v in table.leaves}, [table.axis], k, {0: table.groups}
        )
        # As the review's breakdowns: the grouping's columns (regions, not their networks).
        shown = [v for v in table.axis if v in grouping.columns or v not in grouping.values]
        columns = [(v, grouping.labels.get(v, str(v)), margin[(v,)]) for v in shown]
    everyone = protect_total(sum(totals.values()), k)
    return ThemeResults(rows, everyone, columns, _together(round_.id, rows, everyone, k))


class _Table:
    """The respondents with and without a theme in each group, protected with the groups'
    totals as margins (suppression.protect_table)."""

    def __init__(self, grouping, totals, k):
        self.grouping, self.totals, self.k = grouping, totals, k
        if grouping is None:
            self.axis, self.groups = [ALL], {}
        else:
            self.axis = [*grouping.values, *(v for v in totals if v not in grouping.values)]
            self.groups = grouping.groups
        grouped = set(self.groups.values())
        self.leaves = [value for value in self.axis if value not in grouped]

    def row(self, theme, counts):
        cells = {}
        for leaf in self.leaves:
            cells[(WITH, leaf)] = counts.get((theme.id, leaf), 0)
            cells[(WITHOUT, leaf)] = self.totals.get(leaf, 0) - cells[(WITH, leaf)]
        if self.grouping is None:
            one_axis = {(value,): cells[(value, ALL)] for value in (WITH, WITHOUT)}
            figures = protect_table(one_axis, [[WITH, WITHOUT]], self.k)
            return ThemeRow(theme, with_percent(figures[(WITH,)], figures[(ALL,)]), {})
        figures = protect_table(cells, [[WITH, WITHOUT], self.axis], self.k, {1: self.groups})
        return ThemeRow(
            theme,
            with_percent(figures[(WITH, ALL)], figures[(ALL, ALL)]),
            {
                column: with_percent(figures[(WITH, column)], figures[(ALL, column)])
                for column in self.axis
            },
        )


def _hide_what_the_parent_gives_away(parent, child, k):
    """A parent counts its sub-themes' respondents too: where the parent's count less the
    child's is from 1 to k-1 (those who wrote about the parent theme but not this one), the
    child's count is hidden."""
    pairs = [(parent.count, child.count, None)] + [
        (parent.by_group[column], figure, column) for column, figure in child.by_group.items()
    ]
    for whole, part, column in pairs:
        if whole.shown and part.shown and is_small(whole.value - part.value, k):
            hidden = Figure(None, k, COMPLEMENT)
            if column is None:
                child.count = hidden
            else:
                child.by_group[column] = hidden


def _together(round_id, rows, everyone, k):
    """[(theme, theme, Figure)] of respondents who wrote about both of two themes (a theme
    with its sub-themes). With the two themes' counts and the number of respondents shown,
    the count of both gives away the other three (one not the other, neither), so each pair
    is protected as a table of two axes with those margins given."""
    top = {row.theme.id: row for row in rows}
    family = {child.theme.id: row.theme.id for row in rows for child in row.children}
    together = []
    for (first, second), both in sorted(queries.co_occurrence(round_id, family).items()):
        if first not in top or second not in top:
            continue
        a, b = top[first].count, top[second].count
        if not (a.shown and b.shown and everyone.shown):
            together.append((top[first].theme, top[second].theme, Figure(None, k, COMPLEMENT)))
            continue
        cells = {
            (WITH, WITH): both,
            (WITH, WITHOUT): a.value - both,
            (WITHOUT, WITH): b.value - both,
            (WITHOUT, WITHOUT): everyone.value - a.value - b.value + both,
        }
        given = {(WITH, ALL): a, (ALL, WITH): b, (ALL, ALL): everyone}
        figures = protect_table(cells, [[WITH, WITHOUT], [WITH, WITHOUT]], k, given=given)
        together.append((top[first].theme, top[second].theme, figures[(WITH, WITH)]))
    return together


def _everyone(split):
    """(response id, "*") of every response of the round: one group."""
    return (
        select(Response.id.label("response_id"), literal("*").label("value"))
        .where(Response.round_id == split.round_id)
        .subquery("everyone")
    )


def ranked_priorities(round_, language):
    """The round's ranking questions' results (review.results): for each, every option with
    the respondents who ranked it first, protected as on the results page."""
    rankings = [question for question in round_.questions if question.kind == "ranking"]
    if not rankings:
        return []
    results, _figures = question_results(round_, language, rankings)
    return results
