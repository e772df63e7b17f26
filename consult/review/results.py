"""The figures of the results pages, question by question: the counts of ``figures``
arranged into tables of answer × group, protected, and read for one group (a filter) or
for every group (a breakdown).

Every question is a table whose rows are the values a response can give it, "skipped"
(shown it, gave no answer) and "not asked" (a condition hid it), so each column adds up to
the group's responses. A multiple choice is one table for answered / skipped / not asked,
then one table per choice, chose or not, among those who answered; a matrix is one table per
row.
"""

from dataclasses import dataclass, field

from ..cellkey import perturbed
from ..i18n import pick
from ..questions import kind_of
from ..suppression import ALL, Figure, protect_total, with_percent
from . import statistics
from .figures import NOT_ASKED, SKIPPED, RoundFigures

ANSWERED = "answered"
CHOSE, NOT_CHOSEN = "chose", "not-chosen"


@dataclass
class ChoiceRow:
    label: str
    #: Responses that chose it (for a ranking: ranked it first), with its share of those who
    #: answered.
    count: Figure
    role: str = "option"
    #: For a ranking: mean Borda points, when enough members ranked the item.
    borda: float | None = None
    #: For a breakdown: {column value: Figure}.
    by_group: dict = field(default_factory=dict)
    #: The choice's code (a rating's number), for exports.
    code: str = ""


@dataclass
class MatrixRow:
    label: str
    code: str
    base: "Base"
    choices: list
    declined: list
    bases_by_group: dict


@dataclass
class Base:
    """Who a question's figures are out of, in one group."""

    responses: Figure
    asked: Figure
    answered: Figure


@dataclass
class QuestionResult:
    question: object
    text: str
    base: Base
    choices: list[ChoiceRow] = field(default_factory=list)
    #: "Prefer not to say", counted apart from the answers it would otherwise dilute.
    declined: list[ChoiceRow] = field(default_factory=list)
    #: For a matrix: [MatrixRow], each a distribution of its own.
    rows: list = field(default_factory=list)
    #: For an agreement scale: the mean point (1 = first) and the share agreeing.
    mean: float | None = None
    agreeing: float | None = None
    #: For a rating or a number: (first quartile, median, third quartile).
    quartiles: tuple | None = None
    #: For a breakdown: {column value: Base}.
    bases_by_group: dict = field(default_factory=dict)


def question_results(round_, language, questions=None, grouping=None, column=ALL):
    """[QuestionResult] for the questions (default: every question that takes an answer),
    read for one column of the grouping: a group, or ``ALL``. With a grouping, each row
    also holds its figure in every column (a breakdown)."""
    questions = questions or [q for q in round_.questions if kind_of(q).answered]
    figures = RoundFigures(round_, questions, grouping, column)
    return [
        _question_result(figures, question, language, column) for question in questions
    ], figures


def _question_result(figures, question, language, column):
    fallback = figures.round.source_language
    text = pick(question.text, language, fallback)
    tabulate = {
        "values": _one_value_result,
        "each_choice": _multiple_choice_result,
        "rows": _matrix_result,
    }.get(kind_of(question).tabulation)
    if tabulate is None:
        return _answered_only_result(figures, question, text, column)
    return tabulate(figures, question, text, language, column)


def answer_choices(question):
    """The choices answers can hold, hidden ones too: a choice hidden mid-round keeps the
    answers that chose it, and a question's counts must add up to its responses."""
    return [c for c in question.choices if c.role != "row"]


def _labels(question, language, fallback):
    return {c.id: pick(c.label, language, fallback) for c in answer_choices(question)}


def _one_value_result(figures, question, text, language, column):
    """Single choice, scale, yes/no, rating and ranking (its first places): each answer is
    one value."""
    fallback = figures.round.source_language
    kind = kind_of(question)
    if kind.counted == "numbers":
        labels = {n: str(n) for n in kind.values(question)}
        codes = {}
        counts = {
            (int(number), leaf): count
            for (qid, number, leaf), count in figures.numbers.items()
            if qid == question.id
        }
        roles = {}
    else:
        labels = _labels(question, language, fallback)
        roles = {c.id: c.role for c in answer_choices(question)}
        codes = {c.id: c.code for c in answer_choices(question)}
        if kind.counted == "ranks":
            source = {
                (choice, leaf): count
                for (qid, choice, rank, leaf), count in figures.ranks.items()
                if qid == question.id and rank == 1
            }
        else:
            source = {
                (choice, leaf): count
                for (qid, row, choice, leaf), count in figures.chosen.items()
                if qid == question.id and row is None
            }
        counts = {key: count for key, count in source.items() if key[0] in labels}
    answered = {leaf: c for (qid, leaf), c in figures.answered.items() if qid == question.id}
    counts.update(figures.base_counts(question, answered))
    values = [*labels, *figures.rest_values(question)]
    cell = figures.table(counts, values)
    bases = {g: _base(figures, cell, question, g) for g in figures.columns()}
    result = QuestionResult(question, text, bases[column], bases_by_group=bases)
    for value, label in labels.items():
        row = ChoiceRow(label, with_percent(cell(value, column), result.base.answered))
        row.role = roles.get(value, "option")
        row.code = codes.get(value, str(value))
        row.by_group = {g: with_percent(cell(value, g), bases[g].answered) for g in bases}
        if kind.statistic == "borda":
            row.borda = _borda(figures, question, value, len(labels), result.base, column)
        (result.declined if row.role == "prefer_not" else result.choices).append(row)
    if kind.statistic == "agreement":
        _scale_statistics(result, [v for v in labels if roles[v] == "option"], cell, column)
    elif kind.statistic == "quartiles":
        _number_statistics(figures, result, question, column)
    return result


def _base(figures, cell, question, column, counts_answered=False):
    """Responses, asked (responses less "not asked") and answered (the table's own count
    when it has one, else asked less "skipped"): each shown only when what it is worked out
    from is shown."""
    responses = cell(ALL, column)
    asked = cell.tally(ALL, column)
    if question.id in figures.asked:
        asked = asked - cell.tally(NOT_ASKED, column)
    if counts_answered:
        return Base(responses, protect_total(asked, figures.k), cell(ANSWERED, column))
    answered = asked - cell.tally(SKIPPED, column)
    return Base(responses, protect_total(asked, figures.k), protect_total(answered, figures.k))


def _scale_statistics(result, points, cell, column):
    """Mean and share agreeing, only when every point is shown: a mean over hidden counts
    and the shown ones is an equation the hidden ones could be solved from."""
    figures = [cell(point, column) for point in points]
    if not all(f.shown for f in figures) or sum(f.value for f in figures) < figures[0].threshold:
        return
    counts = [f.value for f in figures]
    result.mean = statistics.mean_position(counts)
    result.agreeing = statistics.share_agreeing(counts)


def _column_distribution(figures, question, column):
    """{number: count} of the column (a group adds up its members)."""
    distribution = {}
    for (qid, number, leaf), count in figures.numbers.items():
        if qid == question.id and _in_column(figures, leaf, column):
            distribution[number] = distribution.get(number, 0) + count
    return distribution


def _in_column(figures, leaf, column):
    return column is ALL or leaf == column or figures.groups.get(leaf) == column


def _number_statistics(figures, result, question, column):
    """Quartiles and median, from at least k answers that are shown as a count."""
    answered = result.base.answered
    if answered.shown and answered.value >= figures.k:
        result.quartiles = statistics.quartiles(_column_distribution(figures, question, column))


def _borda(figures, question, choice, choices, base, column):
    """Mean Borda points of one item, from the perturbed count of each place, when at least
    k members ranked it and those who answered are shown."""
    ranks = {}
    for (qid, item, rank, leaf), count in figures.ranks.items():
        if qid == question.id and item == choice and _in_column(figures, leaf, column):
            ranks[rank] = ranks.get(rank, 0) + count
    ranks = {rank: perturbed(count) for rank, count in ranks.items()}
    if not base.answered.shown or sum(ranks.values()) < figures.k:
        return None
    return statistics.borda_score(ranks, question.rank_count or choices, base.answered.value)


def _multiple_choice_result(figures, question, text, language, column):
    """Answered / skipped / not asked; then each choice, chosen or not among those who
    answered, protected within the answered figure it is a share of."""
    answered_cell = _answered_table(figures, question)
    bases = {g: _base(figures, answered_cell, question, g, True) for g in figures.columns()}
    result = QuestionResult(question, text, bases[column], bases_by_group=bases)
    given = {(ALL, g): base.answered for g, base in result.bases_by_group.items()}
    answered = {leaf: c for (qid, leaf), c in figures.answered.items() if qid == question.id}
    for choice in answer_choices(question):
        counts = {}
        for leaf in figures.leaves:
            chose = figures.chosen.get((question.id, None, choice.id, leaf), 0)
            counts[(CHOSE, leaf)] = chose
            counts[(NOT_CHOSEN, leaf)] = answered.get(leaf, 0) - chose
        cell = figures.table(counts, [CHOSE, NOT_CHOSEN], given)
        row = ChoiceRow(
            pick(choice.label, language, figures.round.source_language),
            with_percent(cell(CHOSE, column), result.base.answered),
            role=choice.role,
            code=choice.code,
        )
        row.by_group = {
            g: with_percent(cell(CHOSE, g), result.bases_by_group[g].answered)
            for g in figures.columns()
        }
        (result.declined if choice.role == "prefer_not" else result.choices).append(row)
    return result


def _answered_table(figures, question):
    """Answered / skipped / not asked, by group."""
    answered = {leaf: c for (qid, leaf), c in figures.answered.items() if qid == question.id}
    counts = {(ANSWERED, leaf): count for leaf, count in answered.items()}
    counts.update(figures.base_counts(question, answered))
    return figures.table(counts, [ANSWERED, *figures.rest_values(question)])


def _matrix_result(figures, question, text, language, column):
    """One table per row: the points of the scale, skipped (the row), not asked."""
    fallback = figures.round.source_language
    labels = _labels(question, language, fallback)
    roles = {c.id: c.role for c in answer_choices(question)}
    codes = {c.id: c.code for c in answer_choices(question)}
    answered_cell = _answered_table(figures, question)
    result = QuestionResult(question, text, _base(figures, answered_cell, question, column, True))
    for row_choice in question.rows:
        counts, rated = {}, {}
        for (qid, row, choice, leaf), count in figures.chosen.items():
            if qid == question.id and row == row_choice.id and choice in labels:
                counts[(choice, leaf)] = count
                rated[leaf] = rated.get(leaf, 0) + count
        counts.update(figures.base_counts(question, rated))
        cell = figures.table(counts, [*labels, *figures.rest_values(question)])
        bases = {g: _base(figures, cell, question, g) for g in figures.columns()}
        base = bases[column]
        choices, declined = [], []
        for value, label in labels.items():
            row = ChoiceRow(
                label,
                with_percent(cell(value, column), base.answered),
                roles[value],
                code=codes[value],
            )
            row.by_group = {g: with_percent(cell(value, g), bases[g].answered) for g in bases}
            (declined if row.role == "prefer_not" else choices).append(row)
        label = pick(row_choice.label, language, fallback)
        result.rows.append(MatrixRow(label, row_choice.code, base, choices, declined, bases))
    return result


def _answered_only_result(figures, question, text, column):
    """Numbers, texts and the like: who answered, and the quartiles of those counted by
    number."""
    cell = _answered_table(figures, question)
    bases = {g: _base(figures, cell, question, g, True) for g in figures.columns()}
    result = QuestionResult(question, text, bases[column], bases_by_group=bases)
    if kind_of(question).statistic == "quartiles":
        _number_statistics(figures, result, question, column)
    return result
