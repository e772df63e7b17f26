"""The figures of the results page: the SQL counts of ``queries`` passed through
``suppression``, question by question."""

from dataclasses import dataclass, field

from ..i18n import pick
from ..suppression import COMPLEMENT, Figure, protect_partition, protect_total, with_percent
from . import queries

NO_ANSWER = "no-answer"
#: Kinds where each answering member gives exactly one of the listed values.
ONE_VALUE_KINDS = ("single_choice", "scale", "yes_no", "ranking", "rating")


@dataclass
class ChoiceRow:
    label: str
    #: Responses that chose it; for a ranking, that ranked it first.
    count: Figure


@dataclass
class QuestionResult:
    question: object
    text: str
    answered: Figure
    not_answered: Figure
    choices: list[ChoiceRow] = field(default_factory=list)
    #: For a matrix: [(row label, [ChoiceRow])].
    rows: list = field(default_factory=list)


def round_results(round_, language):
    """(responses Figure, [QuestionResult]) for every question of the round that takes an
    answer."""
    k = round_.min_cell_size
    counts = Counts(round_.id)
    fallback = round_.source_language
    results = []
    for question in round_.questions:
        if question.kind == "info":
            continue
        result = _question_result(question, counts, k, language, fallback)
        results.append(result)
    return protect_total(counts.responses, k), results


class Counts:
    """Every count the page needs, each one query for the whole round."""

    def __init__(self, round_id):
        self.responses = queries.response_count(round_id)
        self.answered = queries.answered_counts(round_id)
        self.chosen = queries.choice_counts(round_id)
        self.ranked_first = queries.first_rank_counts(round_id)
        self.ratings = queries.rating_counts(round_id)


def _question_result(question, counts, k, language, fallback):
    n_answered = counts.answered.get(question.id, 0)
    labels = {c.id: pick(c.label, language, fallback) for c in question.options}
    result = QuestionResult(
        question=question,
        text=pick(question.text, language, fallback),
        answered=Figure(None, k),
        not_answered=Figure(None, k),
    )
    if question.kind in ONE_VALUE_KINDS:
        # Each response that answered gave exactly one of these: with "no answer" they make
        # up every response, one partition.
        if question.kind == "rating":
            labels = {n: str(n) for n in range(11)}
            values = {n: counts.ratings.get((question.id, n), 0) for n in labels}
        elif question.kind == "ranking":
            values = {c: counts.ranked_first.get((question.id, c), 0) for c in labels}
        else:
            values = {c: counts.chosen.get((question.id, None, c), 0) for c in labels}
        cells = protect_partition({**values, NO_ANSWER: counts.responses - n_answered}, k)
        result.not_answered = cells[NO_ANSWER]
        result.answered = _answered(n_answered, cells[NO_ANSWER], k)
        result.choices = [
            ChoiceRow(labels[c], with_percent(cells[c], result.answered)) for c in values
        ]
        return result
    cells = protect_partition({"yes": n_answered, NO_ANSWER: counts.responses - n_answered}, k)
    result.answered, result.not_answered = cells["yes"], cells[NO_ANSWER]
    if question.kind == "multiple_choice":
        result.choices = [
            ChoiceRow(
                label,
                with_percent(
                    _chose(counts.chosen.get((question.id, None, c), 0), result.answered, k),
                    result.answered,
                ),
            )
            for c, label in labels.items()
        ]
    elif question.kind == "matrix":
        for row in question.rows:
            # Those who rated this row, spread over the scale: one partition per row.
            values = {c: counts.chosen.get((question.id, row.id, c), 0) for c in labels}
            row_cells = protect_partition(values, k)
            base = protect_total(sum(values.values()), k)
            result.rows.append(
                (
                    pick(row.label, language, fallback),
                    [ChoiceRow(labels[c], with_percent(row_cells[c], base)) for c in values],
                )
            )
    return result


def _answered(n_answered, no_answer, k):
    """Responses less "no answer": shown only when "no answer" is, or it would give it away."""
    if no_answer.shown:
        return protect_total(n_answered, k)
    return Figure(None, k, COMPLEMENT)


def _chose(count, base, k):
    """Those who answered split in two, chose it or not: both sides are protected."""
    if base.shown:
        return protect_partition({"chose": count, "not": base.value - count}, k)["chose"]
    return protect_total(count, k)
