"""Notable differences between regions or between languages, for the brief's findings.

For each closed question with one answer (single choice, scale, yes/no), each group of a
grouping (a region, a language) and each answer, the share of the group that gave it is
compared with the share of everyone else: Fisher's exact test (scipy) on the 2 × 2 table
made of four protected figures the results pages show (the group's count and base, the
answer's count and the question's base), never raw counts, so a finding says nothing a
reviewer could not read there; a comparison with a hidden figure is not made. Hundreds of
comparisons make some look notable by chance: the p-values of all of them are corrected
together (Benjamini–Hochberg, scipy's false_discovery_control), and a difference is named
only when its corrected value is below FALSE_DISCOVERY_RATE.
"""

from dataclasses import dataclass

from scipy.stats import false_discovery_control, fisher_exact

from ..questions import kind_of
from ..review.groupings import grouping_by_key
from ..review.results import question_results
from ..suppression import ALL

#: The share of named differences that may be due to chance, at most, on average.
FALSE_DISCOVERY_RATE = 0.05
#: The groupings tested, in the order their differences are listed.
TESTED_GROUPINGS = ("region", "language")
#: At most this many differences lead the brief; the rest are in the results pages.
MAX_DIFFERENCES = 5


@dataclass
class Difference:
    question: object
    text: str
    #: "region" or "language".
    grouping: str
    group: str
    answer: str
    #: Percent of the group's answers, and of everyone else's, that gave ``answer``.
    percent: float
    elsewhere: float
    #: The group's answers counted in the test (protected figures).
    base: int
    #: The p-value, once corrected for the number of comparisons made.
    adjusted_p: float


@dataclass
class Differences:
    #: The differences named, most certain first.
    found: list
    #: How many comparisons were made (what the correction accounts for).
    tested: int


def notable_differences(round_, language):
    """The Differences of ``round_``, with texts in ``language``."""
    questions = [q for q in round_.questions if kind_of(q).groups_members and not q.identifying]
    candidates = []
    for key in TESTED_GROUPINGS if questions else ():
        grouping = grouping_by_key(round_, key, language)
        results, _figures = question_results(round_, language, questions, grouping=grouping)
        for result in results:
            candidates.extend(_compared(result, grouping))
    if not candidates:
        return Differences([], 0)
    adjusted = false_discovery_control([difference.adjusted_p for difference in candidates])
    strongest = {}  # one difference per question and group: its most certain
    for difference, value in zip(candidates, adjusted, strict=True):
        difference.adjusted_p = float(value)
        key = (difference.question.id, difference.grouping, difference.group)
        if value < FALSE_DISCOVERY_RATE and (
            key not in strongest or value < strongest[key].adjusted_p
        ):
            strongest[key] = difference
    found = sorted(strongest.values(), key=lambda difference: difference.adjusted_p)
    return Differences(found[:MAX_DIFFERENCES], len(candidates))


def _compared(result, grouping):
    """A Difference (its p-value not yet corrected) for each group and answer of one
    question whose four figures are shown."""
    everyone = result.bases_by_group.get(ALL)
    if everyone is None or not everyone.answered.shown:
        return []
    total = everyone.answered.value
    compared = []
    for row in (r for r in result.choices if r.role == "option"):
        chose = row.by_group.get(ALL)
        if chose is None or not chose.shown:
            continue
        for group in grouping.columns:
            count, base = row.by_group.get(group), result.bases_by_group.get(group)
            if count is None or base is None or not (count.shown and base.answered.shown):
                continue
            a, n = count.value, base.answered.value
            # The 2 × 2 table: the group and everyone else, this answer and the others.
            table = [[a, n - a], [chose.value - a, total - n - (chose.value - a)]]
            if not 0 < n < total or min(min(line) for line in table) < 0:
                continue  # figures adjusted apart no longer add up: not compared
            compared.append(
                Difference(
                    question=result.question,
                    text=result.text,
                    grouping=grouping.key,
                    group=str(grouping.labels[group]),
                    answer=str(row.label),
                    percent=100 * a / n,
                    elsewhere=100 * (chose.value - a) / (total - n),
                    base=int(n),
                    adjusted_p=float(fisher_exact(table).pvalue),
                )
            )
    return compared
