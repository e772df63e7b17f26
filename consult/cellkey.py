"""The cell-key method: consistent small noise on every count consult shows.

Statistics offices protect flexible table builders this way (the Australian Bureau of
Statistics' TableBuilder, the UK's 2021 census; documented by the sdcTools packages
``cellKey`` and ``ptable``):

- every response gets a random *record key* when it is stored, a whole number below
  ``KEY_RANGE``; it is never shown and never exported, and each of its answers carries a copy
  so that counts of answers can add their keys up in the same query;
- a *cell key* is the sum of the record keys of the responses a count is made of, modulo
  ``KEY_RANGE``, read as a fraction of it: the same responses always give the same cell key,
  whichever page, filter or export counts them;
- the *perturbation table* (``ptable.json``, made by ``make_ptable``) maps a count and its
  cell key to a noise between -D and +D, drawn with mean 0 and variance V.

So a figure asked twice is the same figure, and two figures that differ by a few responses
carry unrelated noise. ``suppression`` decides how the perturbed count is shown.
"""

import json
import math
import secrets
from bisect import bisect_right
from functools import cache
from pathlib import Path

#: Record keys are whole numbers below this; a cell key is a sum modulo it.
KEY_RANGE = 2**31
PTABLE_PATH = Path(__file__).with_name("ptable.json")


def new_record_key():
    return secrets.randbelow(KEY_RANGE)


class Tally(int):
    """A count that carries the cell key of the responses it counts (the sum of their record
    keys, modulo ``KEY_RANGE``). Adding tallies of disjoint groups, or taking a subgroup's
    tally from its group's, gives the tally of the result, so figures worked out by
    arithmetic (those who skipped a question, a region as the sum of its networks) get the
    key of exactly the responses they count. A plain int counts as a tally of key 0."""

    key: int

    def __new__(cls, count, key=0):
        tally = super().__new__(cls, count)
        tally.key = int(key) % KEY_RANGE
        return tally

    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return Tally(int(self) + int(other), self.key + getattr(other, "key", 0))

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return Tally(int(self) - int(other), self.key - getattr(other, "key", 0))

    def __rsub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return Tally(int(other) - int(self), getattr(other, "key", 0) - self.key)

    def __repr__(self):
        return f"Tally({int(self)}, key={self.key})"

    @property
    def cell_key(self):
        """The key as a fraction from 0 (included) to 1 (excluded)."""
        return self.key / KEY_RANGE


def tally(count, key_sum):
    """A tally from what a query returned: COUNT(*) and SUM(record_key) (None for no rows)."""
    return Tally(count or 0, key_sum or 0)


# The perturbation table ---------------------------------------------------------------------


@cache
def ptable():
    """The table as kept in ``ptable.json``: its parameters and, for each original count
    from 1 up to the last row (which serves every larger count), the noise values in the
    order their intervals of cell keys follow, with their probabilities."""
    with PTABLE_PATH.open(encoding="utf-8") as handle:
        table = json.load(handle)
    rows = {}
    for count, row in table["rows"].items():
        noises = [noise for noise, _p in row]
        bounds, total = [], 0.0
        for _noise, probability in row:
            total += probability
            bounds.append(total)
        bounds[-1] = 1.0
        rows[int(count)] = (noises, bounds)
    return table["D"], table["V"], rows


def noise(count, cell_key):
    """The noise added to ``count`` for a cell with this key (0 for a zero count)."""
    if count <= 0:
        return 0
    _d, _v, rows = ptable()
    noises, bounds = rows[min(count, max(rows))]
    return noises[min(bisect_right(bounds, cell_key), len(noises) - 1)]


def perturbed(tally_):
    """The count as it may be shown, before the small-count rule: never below zero, zero
    only for nobody."""
    count = int(tally_)
    if count <= 0:
        return 0
    return count + noise(count, getattr(tally_, "cell_key", 0.0))


def make_ptable(max_noise=2, variance=1.0, rows=None):
    """A perturbation table by maximum entropy (the sdcTools ``ptable`` method): for each
    original count i, the distribution over noises v from -D to D, with i + v at least 1,
    that has mean 0 and variance V (or as close to V as i + v >= 1 allows for the smallest
    counts) and is otherwise as even as possible. The zero noise comes first, so that a cell
    key near 0 leaves a count as it is. Returns the data kept in ``ptable.json``."""
    import numpy as np  # noqa: PLC0415 - only making the table needs them
    from scipy.optimize import minimize  # noqa: PLC0415

    last = rows or 2 * max_noise + 2
    table = {"D": max_noise, "V": variance, "method": "maximum entropy", "rows": {}}
    for count in range(1, last + 1):
        support = [v for v in range(-max_noise, max_noise + 1) if count + v >= 1]
        reachable = min(variance, _greatest_variance(support))

        values = np.array(support, dtype=float)

        def negative_entropy(p):
            return float(sum(x * math.log(x) for x in p if x > 1e-12))

        constraints = [
            {"type": "eq", "fun": lambda p: p.sum() - 1},
            {"type": "eq", "fun": lambda p, v=values: p @ v},
            {"type": "eq", "fun": lambda p, v=values, r=reachable: p @ (v * v) - r},
        ]
        start = [1 / len(support)] * len(support)
        result = minimize(
            negative_entropy,
            start,
            method="SLSQP",
            bounds=[(0, 1)] * len(support),
            constraints=constraints,
            options={"ftol": 1e-12, "maxiter": 500},
        )
        probabilities = [max(0.0, round(float(x), 6)) for x in result.x]
        row = sorted(
            zip(support, probabilities, strict=True), key=lambda pair: (pair[0] != 0, pair[0])
        )
        table["rows"][str(count)] = [[v, p] for v, p in row if p > 0]
    return table


def _greatest_variance(support):
    """The largest variance a mean-zero distribution on ``support`` can have."""
    low, high = min(support), max(support)
    if low >= 0 or high <= 0:
        return 0.0
    return -low * high


def write_ptable(path=PTABLE_PATH, **parameters):
    table = make_ptable(**parameters)
    rows = ",\n".join(f'    "{count}": {json.dumps(row)}' for count, row in table["rows"].items())
    head = {key: value for key, value in table.items() if key != "rows"}
    text = json.dumps(head, indent=2)[:-2] + ',\n  "rows": {\n' + rows + "\n  }\n}\n"
    Path(path).write_text(text, encoding="utf-8")
    return table
