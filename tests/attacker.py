"""The attacker the disclosure tests play: a linear program over everything a reviewer sees.

The attacker knows every figure shown, in every table they read (a page, its margins, other
pages, exports), that counts are whole and not negative, and how consult shows a count:

- a figure v is the true count give or take the noise bound D: from v - D to v + D;
- "fewer than k" is a count from 1 to k - 1 + D (its perturbed value was below k);
- 0 is exactly nobody, where zero stays zero (``exact_zero``).

Unknowns are the counts of the finest cells (``leaves``); every published cell is the sum of
the leaves it covers. For each count the attacker is after, the program asks for its least
and its greatest value that agree with everything shown. A count is *recovered* when both are
equal, and it was a count from 1 to k-1.
"""

from scipy.optimize import linprog

from consult.cellkey import ptable
from consult.suppression import ALL

K = 5


def noise_bound():
    return ptable()[0]


def covers(cell, leaf, groups=None):
    """Whether a published cell counts a cell of the finest table."""
    groups = groups or {}
    return all(
        c is ALL or c == value or groups.get(axis, {}).get(value) == c
        for axis, (c, value) in enumerate(zip(cell, leaf, strict=True))
    )


def constraints(leaves, published, groups=None, k=K, exact_zero=True):
    """Inequalities A x <= b over the leaves, from every figure of ``published`` (a list of
    {cell: Figure} in the coordinates of ``leaves``)."""
    d = noise_bound()
    rows, bounds = [], []
    for figures in published:
        for cell, figure in figures.items():
            row = [1 if covers(cell, leaf, groups) else 0 for leaf in leaves]
            if figure.shown and figure.value == 0 and exact_zero:
                low, high = 0, 0
            elif figure.shown:
                low, high = max(0, figure.value - d), figure.value + d
            elif figure.hidden_because == "small":
                low, high = 0 if not exact_zero else 1, k - 1 + d
            else:
                continue
            rows.append(row)
            bounds.append(high)
            rows.append([-x for x in row])
            bounds.append(-low)
    return rows, bounds


def value_range(objective, rows, bounds):
    """The least and greatest value of ``objective`` (weights over the leaves)."""
    found = []
    for sign in (1, -1):
        result = linprog(
            [sign * weight for weight in objective],
            A_ub=rows or None,
            b_ub=bounds or None,
            bounds=(0, None),
            method="highs",
        )
        assert result.success, result.message
        found.append(sign * result.fun)
    return found


def recovered_cells(counts, leaves, published, groups=None, k=K, exact_zero=True, known=None):
    """The published cells hiding a count from 1 to k-1 that the figures pin down, with
    their true count. ``counts`` maps leaves to their true counts; ``known`` optionally maps
    cells to counts the attacker knows exactly from elsewhere."""
    rows, bounds = constraints(leaves, published, groups, k, exact_zero)
    for cell, count in (known or {}).items():
        row = [1 if covers(cell, leaf, groups) else 0 for leaf in leaves]
        rows += [row, [-x for x in row]]
        bounds += [count, -count]
    recovered = []
    for figures in published:
        for cell in figures:
            truth = sum(counts.get(leaf, 0) for leaf in leaves if covers(cell, leaf, groups))
            if not 0 < truth < k:
                continue
            objective = [1 if covers(cell, leaf, groups) else 0 for leaf in leaves]
            low, high = value_range(objective, rows, bounds)
            if high - low < 0.5:
                recovered.append((cell, truth))
    return recovered
