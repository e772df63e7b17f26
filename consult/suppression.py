"""Small-cell suppression: the one place that decides which counts may be shown.

PRODUCT.md, "Small groups stay hidden": no page or export shows a count below the round's
minimum cell size k, nor a figure from which such a count can be worked out.

- Primary suppression: a count from 1 to k-1 is shown as "fewer than k". Zero is shown.
- Complementary suppression: the cells of a partition add up to its total, so a lone hidden
  cell could be worked out by subtraction. While the hidden cells of a partition are a single
  cell, or add up to fewer than k, the smallest shown non-zero cell is hidden as well.
- A percentage is shown only when its count and its base are shown.

Every page that shows a count builds it with these functions.
"""

from dataclasses import dataclass

#: Why a figure is hidden.
SMALL = "small"  # it is below k
COMPLEMENT = "complement"  # it would let a hidden small count be worked out


@dataclass(frozen=True)
class Figure:
    """A count as it may be shown: ``value`` is None when it is hidden."""

    value: int | None
    threshold: int
    hidden_because: str | None = None
    #: The share of a base, 0 to 100, when both count and base are shown.
    percent: float | None = None

    @property
    def shown(self):
        return self.value is not None


def is_small(count, k):
    return 0 < count < k


def protect_total(count, k):
    """A count that stands alone, such as a round's number of responses."""
    if is_small(count, k):
        return Figure(None, k, SMALL)
    return Figure(count, k)


def protect_partition(counts, k):
    """Counts that together make up a whole (the choices of a single-choice question plus
    "no answer"; chose / did not choose). Returns {key: Figure} in the same order."""
    total = sum(counts.values())
    if is_small(total, k):
        return {key: Figure(None, k, SMALL) for key in counts}
    hidden = {key: SMALL for key, count in counts.items() if is_small(count, k)}
    while hidden and (len(hidden) == 1 or sum(counts[key] for key in hidden) < k):
        candidates = [key for key, count in counts.items() if count > 0 and key not in hidden]
        if not candidates:
            break
        hidden[min(candidates, key=lambda key: counts[key])] = COMPLEMENT
    return {
        key: Figure(None, k, hidden[key]) if key in hidden else Figure(count, k)
        for key, count in counts.items()
    }


def with_percent(part, base):
    """``part`` with its share of ``base``, when both are shown and the base is not zero."""
    if part.shown and base.shown and base.value:
        return Figure(part.value, part.threshold, percent=100 * part.value / base.value)
    return part
