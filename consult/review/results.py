"""The figures of the results page: the SQL counts of ``queries`` passed through
``suppression``, question by question."""

from dataclasses import dataclass, field

from ..i18n import pick
from ..suppression import COMPLEMENT, Figure, protect_partition, protect_total, with_percent
from . import queries

NO_ANSWER = "no-answer"


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


def round_results(round_, language):
    """(responses Figure, [QuestionResult]) for every question of the round."""
    k = round_.min_cell_size
    responses = queries.response_count(round_.id)
    answered = queries.answered_counts(round_.id)
    chosen = queries.choice_counts(round_.id)
    ranked_first = queries.first_rank_counts(round_.id)
    fallback = round_.source_language
    results = []
    for question in round_.questions:
        n_answered = answered.get(question.id, 0)
        labels = {c.id: pick(c.label, language, fallback) for c in question.choices}
        if question.kind in ("single_choice", "scale", "ranking"):
            # Each response that answered gave exactly one of these: with "no answer" they
            # make up every response, one partition.
            source = ranked_first if question.kind == "ranking" else chosen
            counts = {c: source.get((question.id, c), 0) for c in labels}
            cells = protect_partition({**counts, NO_ANSWER: responses - n_answered}, k)
            base = _answered(n_answered, cells[NO_ANSWER], k)
            rows = [ChoiceRow(labels[c], with_percent(cells[c], base)) for c in counts]
        else:
            cells = protect_partition({"yes": n_answered, NO_ANSWER: responses - n_answered}, k)
            base = cells["yes"]
            rows = [
                ChoiceRow(
                    label, with_percent(_chose(chosen.get((question.id, c), 0), base, k), base)
                )
                for c, label in labels.items()
            ]
        results.append(
            QuestionResult(
                question=question,
                text=pick(question.text, language, fallback),
                answered=base,
                not_answered=cells[NO_ANSWER],
                choices=rows,
            )
        )
    return protect_total(responses, k), results


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
