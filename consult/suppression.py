"""Disclosure control: the one place that decides how a count may be shown.

The small-groups invariant (docs/ARCHITECTURE.md, "Invariants"): no page or export lets
anyone work out a count of real members from 1 to k-1, nor a single member's answers, by
reading one table or by comparing tables. consult does what statistics offices do for
flexible table builders:

- every count is perturbed by the cell-key method (``cellkey``): a small noise from -D to +D
  decided by the responses it counts, so the same responses give the same figure on every
  page and in every export, and two figures that differ by a few responses carry unrelated
  noise; subtracting one shown figure from another gives a difference blurred by both;
- a perturbed count below k is shown as "fewer than k"; zero stays zero (nobody), except
  for sets a reviewer crafts (themes), where zero is shown as "fewer than k" too: a reviewer
  who chose the answers in a set would otherwise read where its members are *not*;
- a share, a mean, a median or a score is worked out from perturbed counts, and shown only
  where its base is shown (at least k).

Complementary suppression is gone: with consistent noise, a hidden cell cannot be solved
for from its table's totals, so tables stay readable. The tests attack every kind of table
with a linear program that knows the noise bound (tests/attacker.py).

Tables (``protect_table``) still take their cells with their margins, so that a margin comes
out as the same figure as on the page it comes from: it counts the same responses.
"""

import itertools
from dataclasses import dataclass

from .cellkey import Tally, perturbed

#: A live count (responses received, invitation codes used) is shown rounded to a multiple
#: of this, so that it does not move with each member who arrives.
LIVE_ROUNDING = 10


def rounded(count, k):
    """A live count as it may be shown: to the nearest multiple of ``LIVE_ROUNDING``, and
    nothing (None) below k."""
    if count < k:
        return None
    return max(LIVE_ROUNDING, LIVE_ROUNDING * round(count / LIVE_ROUNDING))


#: Why a figure is hidden.
SMALL = "small"  # its perturbed count is below k
COMPLEMENT = "complement"  # it is worked out from figures that are hidden


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


def protect_total(count, k, exact_zero=True):
    """The figure of one count (a ``cellkey.Tally``; a plain int has the key 0): its
    perturbed value, "fewer than k" below k, and zero for nobody when ``exact_zero``."""
    if count <= 0 and exact_zero:
        return Figure(0, k)
    value = perturbed(count)
    if value < k:
        return Figure(None, k, SMALL)
    return Figure(value, k)


def protect_partition(counts, k):
    """Counts that together make up a whole (the weeks of a round): {key: Figure}, in the
    same order. Each is perturbed on its own; they need not add up to the whole's figure."""
    return {key: protect_total(count, k) for key, count in counts.items()}


#: The coordinate of a table's margin: every value of that axis together.
ALL = "*"


def protect_table(counts, axes, k, groups=None, given=None, exact_zero=True):
    """Figures for a table of counts and all its margins.

    ``counts`` maps a tuple of values, one per axis, to a ``Tally`` (a missing tuple is 0);
    ``axes`` lists each axis's values in display order. ``groups`` optionally maps an axis
    index to {value: group value} for an axis whose values fall into groups (networks into
    regions): the group values are listed in the axis too, and their tallies are the sums of
    their members'. Returns {cell: Figure} for every cell, where a cell's coordinate is
    ``ALL`` along the axes it adds up. ``given`` holds figures another table already
    published for some of these cells; they are kept as they are.

    A margin's tally is the sum of its cells', so it counts the same responses, and comes out
    as the same figure, as on the page that shows it alone.
    """
    shape = _Shape([list(values) for values in axes], groups or {})
    tallies = shape.margins(counts)
    given = given or {}
    figures = {}
    for level in range(len(axes) + 1):
        for cell in shape.cells(level):
            figures[cell] = given.get(cell) or protect_total(
                tallies.get(cell, Tally(0)), k, exact_zero
            )
    return figures


def margins(counts, axes, groups=None):
    """{cell: Tally} of a table and all its margins, as ``protect_table`` reads them."""
    return _Shape([list(values) for values in axes], groups or {}).margins(counts)


class _Shape:
    """The axes of a table, and for each value what it adds up into."""

    def __init__(self, axes, groups):
        self.axes = axes
        self.groups = groups

    def parent(self, axis, value):
        return self.groups.get(axis, {}).get(value, ALL)

    def ancestors(self, axis, value):
        parent = self.parent(axis, value)
        return [parent] if parent is ALL else [parent, ALL]

    def margins(self, counts):
        margins = {}
        for cell, count in counts.items():
            options = [[value, *self.ancestors(axis, value)] for axis, value in enumerate(cell)]
            for key in itertools.product(*options):
                margins[key] = margins.get(key, 0) + count
        return margins

    def cells(self, level):
        """The cells with ``level`` coordinates set (the others ``ALL``)."""
        dimensions = len(self.axes)
        return [
            cell
            for kept in itertools.combinations(range(dimensions), level)
            for cell in itertools.product(
                *[self.axes[axis] if axis in kept else [ALL] for axis in range(dimensions)]
            )
        ]


def with_percent(part, base):
    """``part`` with its share of ``base``, when both are shown and the base is not zero.
    Both being perturbed, the share is capped at 100."""
    if part.shown and base.shown and base.value:
        percent = min(100.0, 100 * part.value / base.value)
        return Figure(part.value, part.threshold, percent=percent)
    return part
