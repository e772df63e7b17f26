"""Every count a results page needs for a round, from one SQL query per kind of count
(``queries``), split by a grouping or not, and the protected tables made of them
(``suppression.protect_table``): ``RoundFigures`` counts, ``Cells`` reads one table.
results.py arranges them question by question.
"""

from ..cellkey import Tally
from ..questions import kind_of
from ..suppression import ALL, margins, protect_table, protect_total
from . import queries
from .groupings import split_for, value_of

SKIPPED = "skipped"
NOT_ASKED = "not-asked"


class RoundFigures:
    """Every count a page needs for some questions of a round, split by a grouping (or not),
    each kind of count one query."""

    def __init__(self, round_, questions, grouping=None, column=ALL):
        self.round = round_
        self.grouping = grouping
        self.k = round_.min_cell_size
        # A filter reads its own column only (only its figures are shown).
        groups = split_for(round_.id, grouping, None if column is ALL else column)

        def by_group(counts):
            result = {}
            for key, count in counts.items():
                key = (*key[:-1], value_of(grouping, key[-1]))
                result[key] = result.get(key, 0) + count
            return result

        self.totals = {
            value_of(grouping, raw): count for raw, count in queries.group_totals(groups).items()
        }

        # Each count only for the questions that have it: each query reads one index.
        def of_kinds(counted):
            return [question.id for question in questions if kind_of(question).counted == counted]

        # "Answered" is counted only where it is not the sum of the values' counts.
        answering = [q.id for q in questions if kind_of(q).tabulation != "values"]
        self.answered = by_group(queries.answered_counts_by(groups, answering)) if answering else {}
        choosing = of_kinds("choices")
        ranking = of_kinds("ranks")
        numbering = of_kinds("numbers")
        self.chosen = by_group(queries.choice_counts_by(groups, choosing)) if choosing else {}
        self.ranks = by_group(queries.rank_counts_by(groups, ranking)) if ranking else {}
        self.numbers = by_group(queries.number_counts_by(groups, numbering)) if numbering else {}
        self._answered_from_values(questions)
        by_code = {question.code: question for question in round_.questions}
        self.asked = {}
        for question in questions:
            condition = shown_when(question)
            if condition is not None:
                clause = queries.condition_clause(condition, by_code)
                counts = queries.asked_counts_by(groups, clause)
                self.asked[question.id] = {value_of(grouping, g): c for g, c in counts.items()}
        if grouping is None:
            self.axis, self.groups, self.leaves = [ALL], {}, [ALL]
        else:
            extra = [value for value in self.totals if value not in grouping.values]
            self.axis = [*grouping.values, *extra]
            self.groups = grouping.groups
            grouped = set(grouping.groups.values())
            self.leaves = [value for value in self.axis if value not in grouped]

    def _answered_from_values(self, questions):
        """Those who answered a one-value question: the sum of its values' counts."""
        one_value = {q.id for q in questions if kind_of(q).tabulation == "values"}
        sources = (
            (self.chosen, lambda key: key[1] is None and key[0] in one_value),
            (self.ranks, lambda key: key[2] == 1),
            (self.numbers, lambda key: key[0] in one_value),
        )
        for counts, counted in sources:
            for key, count in counts.items():
                if counted(key):
                    answered_key = (key[0], key[-1])
                    self.answered[answered_key] = self.answered.get(answered_key, 0) + count

    # Tables -----------------------------------------------------------------------------

    def table(self, counts, values, given=None):
        """Protect {(value, group leaf): Tally}; returns a ``Cells``: (value, column) →
        Figure, where value or column may be ``ALL``."""
        if self.grouping is None:
            counts = {(value,): count for (value, _leaf), count in counts.items()}
            given = {(v,): f for (v, _column), f in (given or {}).items()}
            axes, groups = [values], None

            def position(value, _column):
                return (value,)
        else:
            axes, groups = [values, self.axis], {1: self.groups}

            def position(value, column):
                return (value, column)

        figures = protect_table(counts, axes, self.k, groups, given)
        return Cells(figures, margins(counts, axes, groups), position)

    def columns(self):
        """Every column of a table: the groups, and ``ALL``."""
        return [ALL] if self.grouping is None else [*self.axis, ALL]

    def base_counts(self, question, answered_by_leaf):
        """{(SKIPPED or NOT_ASKED, leaf): count}: the rest of each group's responses."""
        counts = {}
        asked = self.asked.get(question.id)
        for leaf in self.leaves:
            total = self.totals.get(leaf, 0)
            shown = total if asked is None else asked.get(leaf, 0)
            counts[(SKIPPED, leaf)] = shown - answered_by_leaf.get(leaf, 0)
            if asked is not None:
                counts[(NOT_ASKED, leaf)] = total - shown
        return counts

    def rest_values(self, question):
        return [SKIPPED] if question.id not in self.asked else [SKIPPED, NOT_ASKED]


class Cells:
    """A protected table read by (value, column): ``cells(value, column)`` is the Figure
    shown, ``cells.tally(value, column)`` the count it is made from, for figures worked out
    from it (those asked are the responses less those not asked)."""

    def __init__(self, figures, tallies, position):
        self.figures, self.tallies, self.position = figures, tallies, position

    def __call__(self, value, column):
        return self.figures[self.position(value, column)]

    def tally(self, value, column):
        return self.tallies.get(self.position(value, column), Tally(0))


def shown_when(question):
    """The condition a member must meet to be shown the question: its section's and its
    own together."""
    conditions = [c for c in (question.section.condition, question.condition) if c]
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else {"all": conditions}


def responses_figure(figures, column=ALL):
    """The responses of one column, as the margin of every question's table protects it."""
    if figures.grouping is None:
        return protect_total(figures.totals.get(ALL, 0), figures.k)
    table = protect_table(
        {(leaf,): figures.totals.get(leaf, 0) for leaf in figures.leaves},
        [figures.axis],
        figures.k,
        {0: figures.groups},
    )
    return table[(column,)]
