"""Theme results: per theme, how many respondents wrote about it and their share, for
everyone and by network, region or language, protected like every count of the review
pages (suppression.protect_table); which themes go together; and the round's ranked
priorities beside them.

A respondent counts for a theme when a reviewer confirmed a tag of it, or of one of its
sub-themes, on any of their written answers: a machine suggestion alone is not a finding.
The share is of all the group's respondents, the same base as the closed questions'.
"""

from dataclasses import dataclass, field, replace

from sqlalchemy import literal, select

from ..cellkey import Tally
from ..questions import kind_of
from ..respond.models import Response
from ..review import queries as review_queries
from ..review.groupings import grouping_by_key, split_for, value_of
from ..review.results import question_results
from ..suppression import ALL, COMPLEMENT, Figure, protect_table, protect_total, with_percent
from . import queries
from .releases import waiting_themes

WITH, WITHOUT = "with", "without"
#: At most this many themes of a round are shown by group: a reviewer chooses which answers
#: carry a theme, and many crafted sets could average the noise away.
MOST_THEMES_BY_GROUP = 40
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
    #: The respondents with it, before perturbation: never shown.
    respondents: Tally = field(default_factory=lambda: Tally(0))
    #: Why the theme is shown in total only, not by group (None: it is shown by group).
    total_only: str | None = None
    #: Whether its tags changed since its released version: the changes wait for a release.
    waiting: bool = False


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

    response_groups = split.groups if split.groups is not None else _everyone(split)
    counts = {}
    for (theme_id, raw), count in queries.released_theme_counts_by(
        round_.id, response_groups
    ).items():
        key = (theme_id, value_of(grouping, raw))
        counts[key] = counts.get(key, 0) + count

    released = queries.released_themes(round_.id)
    waiting = waiting_themes(round_)
    by_id = {theme.id: table.row(theme, counts) for theme in themes}
    for theme_id, row in by_id.items():
        row.waiting = theme_id in waiting
        if theme_id not in released:
            # Never released: nobody's answers carry it yet, or its first tags wait.
            row.total_only = NOT_RELEASED
            row.count = Figure(None, k, COMPLEMENT) if row.waiting else Figure(0, k)
        elif not released[theme_id]:
            row.total_only = CLOSE_TO_ANOTHER
        if row.total_only is not None:
            row.by_group = {column: Figure(None, k, COMPLEMENT) for column in row.by_group}
    rows = []
    for theme in themes:
        row = by_id[theme.id]
        if theme.parent_id in by_id:
            by_id[theme.parent_id].children.append(row)
        else:
            rows.append(row)
    if grouping is not None:
        _cap_themes_by_group(rows, k)

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
            cells[(WITH, leaf)] = counts.get((theme.id, leaf), Tally(0))
            cells[(WITHOUT, leaf)] = self.totals.get(leaf, Tally(0)) - cells[(WITH, leaf)]
        respondents = sum((cells[(WITH, leaf)] for leaf in self.leaves), Tally(0))
        if self.grouping is None:
            one_axis = {(value,): cells[(value, ALL)] for value in (WITH, WITHOUT)}
            figures = protect_table(one_axis, [[WITH, WITHOUT]], self.k)
            count = with_percent(figures[(WITH,)], figures[(ALL,)])
            return ThemeRow(theme, count, {}, respondents=respondents)
        # The groups' totals as the review pages show them; a theme's own cells never show
        # an exact zero, which would tell a reviewer where the answers they chose are not.
        margins = protect_table(
            {(leaf,): self.totals.get(leaf, Tally(0)) for leaf in self.leaves},
            [self.axis],
            self.k,
            {0: self.groups},
        )
        given = {(ALL, column): figure for (column,), figure in margins.items()}
        # The theme's total as without a breakdown: the reviewer knows how many they tagged.
        everyone = sum((self.totals.get(leaf, Tally(0)) for leaf in self.leaves), Tally(0))
        given[(WITH, ALL)] = protect_total(respondents, self.k)
        given[(WITHOUT, ALL)] = protect_total(everyone - respondents, self.k)
        figures = protect_table(
            cells, [[WITH, WITHOUT], self.axis], self.k, {1: self.groups}, given, exact_zero=False
        )
        return ThemeRow(
            theme,
            with_percent(figures[(WITH, ALL)], figures[(ALL, ALL)]),
            {
                column: with_percent(figures[(WITH, column)], figures[(ALL, column)])
                for column in self.axis
            },
            respondents=respondents,
        )


#: Why a theme is shown in total only, or not at all.
CLOSE_TO_ANOTHER = "close to another"  # its respondents differ by 1 to k-1 from another set's
TOO_MANY = "too many"
NOT_RELEASED = "not released"


def _cap_themes_by_group(rows, k):
    """Past ``MOST_THEMES_BY_GROUP`` themes shown by group (sub-themes included, in the
    codebook's order), the rest are shown in total: many crafted sets could average the noise
    away. Released versions already differ by 0 or k or more (themes.releases)."""
    shown = 0
    for row in rows:
        for candidate in (row, *row.children):
            if candidate.total_only is not None:
                continue
            if shown < MOST_THEMES_BY_GROUP:
                shown += 1
                continue
            candidate.total_only = TOO_MANY
            candidate.by_group = {
                column: Figure(None, k, COMPLEMENT) for column in candidate.by_group
            }


def _together(round_id, rows, everyone, k):
    """[(theme, theme, Figure)] of respondents in the released versions of both of two
    top-level themes, for the pairs whose perturbed count is at least k, most first. A pair
    under k is left out, whether none or a few are in both: a reviewer who chose two answers
    for two themes must not learn whether one member wrote both."""
    top = {row.theme.id: row for row in rows}
    together = []
    for (first, second), both in sorted(queries.released_co_occurrence(round_id, top).items()):
        if not everyone.shown:
            continue
        figure = protect_total(both, k, exact_zero=False)
        if figure.shown:
            together.append((top[first].theme, top[second].theme, figure))
    return sorted(together, key=lambda pair: -pair[2].value)


def _everyone(split):
    """(response id, "*") of every response of the round: one group."""
    return (
        select(Response.id.label("response_id"), literal("*").label("value"), Response.record_key)
        .where(Response.round_id == split.round_id)
        .subquery("everyone")
    )


def ranked_priorities(round_, language):
    """The round's ranking questions' results (review.results): for each, every option with
    the respondents who ranked it first, protected as on the results page."""
    rankings = [question for question in round_.questions if kind_of(question).counted == "ranks"]
    if not rankings:
        return []
    results, _figures = question_results(round_, language, rankings)
    return [replace(result, choices=most_first(result.choices)) for result in results]


def most_first(rows):
    """Rows by their shown count, largest first; hidden counts after every shown one (their
    order between them says nothing), ties kept in the questionnaire's order."""
    return sorted(rows, key=lambda row: (not row.count.shown, -(row.count.value or 0)))


#: How many headline findings the brief leads with.
MAX_FINDINGS = 6


@dataclass
class Finding:
    """What most members said to one closed question: the share agreeing (a scale), or the
    share that chose its most chosen answer."""

    question: object
    text: str
    #: The answer's label; None for the share agreeing with a scale's statement.
    answer: str | None
    code: str | None
    percent: float


def headline_findings(round_, language):
    """The brief's findings: for each closed question that does not identify members
    (region, age…), its share agreeing or its most chosen answer, from the same protected
    figures as the results page (a share only where its count and base are shown); the
    largest shares first."""
    questions = [q for q in round_.questions if kind_of(q).headline and not q.identifying]
    if not questions:
        return []
    results, _figures = question_results(round_, language, questions)
    findings = []
    for result in results:
        if kind_of(result.question).statistic == "agreement" and result.agreeing is not None:
            findings.append(Finding(result.question, result.text, None, None, result.agreeing))
            continue
        shown = [
            row
            for row in result.choices
            if row.role == "option" and row.count.shown and row.count.percent is not None
        ]
        if shown:
            top = max(shown, key=lambda row: row.count.value)
            findings.append(
                Finding(result.question, result.text, top.label, top.code, top.count.percent)
            )
    findings.sort(key=lambda finding: -finding.percent)
    return findings[:MAX_FINDINGS]
