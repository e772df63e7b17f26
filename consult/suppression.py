"""Small-cell suppression: the one place that decides which counts may be shown.

PRODUCT.md, "Small groups stay hidden": no page or export shows a count below the round's
minimum cell size k, nor a figure from which such a count can be worked out.

- Primary suppression: a count from 1 to k-1 is shown as "fewer than k". Zero is shown.
- Complementary suppression: the cells of a partition add up to its total, so a lone hidden
  cell could be worked out by subtraction. While the hidden cells of a partition are a single
  cell, or add up to fewer than k, the smallest shown non-zero cell is hidden as well.
- A percentage is shown only when its count and its base are shown.
- Tables (``protect_table``): a breakdown or a filtered view is a slice of a table whose
  margins are pages of their own (the whole round, the responses per network…). Every cell is
  protected together with its margins, so no page can be subtracted from another to recover a
  hidden count: see ``protect_table``.

Every page and export that shows a count builds it with these functions.
"""

import itertools
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
    figures = protect_table({(key,): count for key, count in counts.items()}, [list(counts)], k)
    return {key: figures[(key,)] for key in counts}


#: The coordinate of a table's margin: every value of that axis together.
ALL = "*"


def protect_table(counts, axes, k, groups=None, given=None):
    """Protect a table of counts with all its margins.

    ``counts`` maps a tuple of values, one per axis, to a count (a missing tuple is 0);
    ``axes`` lists each axis's values in display order. ``groups`` optionally maps an axis
    index to {value: group value} for an axis whose values fall into groups (networks into
    regions): the group values are listed in the axis too, their counts are the sums of
    their members', and each group adds up to its total like the axis does. Returns
    {cell: Figure} for every cell, where a cell's coordinate is ``ALL`` along the axes it
    adds up. ``given`` holds figures another table already published for some of these
    cells (the total of a table that covers only those who answered a question): they are
    kept as they are, and the rest is protected around them.

    The table's margins are published elsewhere (a one-axis margin is the whole round's
    distribution, or the responses per network), so they are protected first and alone, by
    the same rules, and then taken as given: the same margin comes out the same in every
    table, and no table can be checked against another to undo its hiding. Cells with one
    more axis than their margins are then protected together:

    - a count from 1 to k-1 is hidden (primary);
    - so is every count of a line whose total is hidden as small;
    - with two axes or more, so is a count for which any group formed by taking each of its
      coordinates in or out ("women not in Europe who chose B") is from 1 to k-1: those
      groups can be worked out from the cell and its margins by inclusion and exclusion;
    - complementary: along every line (the cells that differ along one axis only, with the
      total they add up to), a single unknown, or hidden counts adding up to fewer than k,
      take the smallest shown count of the line with them, until no line gives anything
      away.

    Pages publish tables of at most two axes (a question by one grouping); two such tables
    sharing the question's margin add nothing to each other (any pair of them is the margins
    of some three-axis table), which is what keeps two overlapping filters apart.
    """
    shape = _Shape([list(values) for values in axes], groups or {})
    margins = shape.margins(counts)
    everything = (ALL,) * len(axes)
    given = given or {}
    forced = {}
    while True:
        figures = {
            everything: given.get(everything) or protect_total(margins.get(everything, 0), k)
        }
        for level in range(1, len(axes) + 1):
            figures.update(_protect_level(shape, margins, level, figures, given, forced, k))
        partners = _partners_of_pinned_cells(shape, counts, margins, figures, given, k)
        if not partners - set(forced):
            return figures
        forced.update({cell: COMPLEMENT for cell in partners})


def _partners_of_pinned_cells(shape, counts, margins, figures, given, k):
    """The check behind the rules: for every hidden count from 1 to k-1, a linear program
    asks for its least and greatest value that agree with every shown figure (counts being
    whole and not negative). Where both are equal the count could be recovered; returns the
    cells to hide with it: the smallest shown count (non-zero first) among the cells that
    add up into it or alongside it, at the finest level, where hiding changes no margin
    another page shows."""
    hidden_small = [
        cell
        for cell, figure in figures.items()
        if not figure.shown and is_small(margins.get(cell, 0), k) and cell not in given
    ]
    if not hidden_small or len(shape.axes) < 2 and not shape.groups:
        return set()
    from scipy.optimize import linprog  # noqa: PLC0415 - only tables with hidden counts need it

    leaves = list(itertools.product(*shape.leaves()))
    equalities, values = [], []
    for cell, figure in figures.items():
        if figure.shown:
            equalities.append([1 if shape.covers(cell, leaf) else 0 for leaf in leaves])
            values.append(figure.value)
    partners = set()
    finest = shape.cells(len(shape.axes))
    for cell in hidden_small:
        objective = [1 if shape.covers(cell, leaf) else 0 for leaf in leaves]
        low = linprog(objective, A_eq=equalities, b_eq=values, method="highs").fun
        high = -linprog([-w for w in objective], A_eq=equalities, b_eq=values, method="highs").fun
        if high - low >= 0.5:
            continue
        nearby = [
            other
            for other in finest
            if figures[other].shown
            and other not in given
            and (
                shape.covers(cell, other)
                or sum(a != b for a, b in zip(cell, other, strict=True)) == 1
            )
        ]
        if nearby:
            position = {other: index for index, other in enumerate(finest)}
            partners.add(
                min(
                    nearby,
                    key=lambda other: (
                        margins.get(other, 0) == 0,
                        margins.get(other, 0),
                        position[other],
                    ),
                )
            )
    return partners


class _Shape:
    """The axes of a table, and for each value what it adds up into."""

    def __init__(self, axes, groups):
        self.axes = axes
        self.groups = groups

    def parent(self, axis, value):
        return self.groups.get(axis, {}).get(value, ALL)

    def leaves(self):
        """Each axis's values that are not groups of others."""
        return [
            [value for value in values if value not in set(self.groups.get(axis, {}).values())]
            for axis, values in enumerate(self.axes)
        ]

    def covers(self, cell, leaf):
        """Whether a cell's count includes the leaf cell's."""
        return all(
            c is ALL or c == value or self.parent(axis, value) == c
            for axis, (c, value) in enumerate(zip(cell, leaf, strict=True))
        )

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
        dimensions = len(self.axes)
        return [
            cell
            for kept in itertools.combinations(range(dimensions), level)
            for cell in itertools.product(
                *[self.axes[axis] if axis in kept else [ALL] for axis in range(dimensions)]
            )
        ]

    def lines(self, cells):
        """(total cell, member cells) for each line: the cells that differ only along one
        axis and add up to the same total."""
        lines = {}
        for cell in cells:
            for axis, value in enumerate(cell):
                if value is ALL:
                    continue
                total = cell[:axis] + (self.parent(axis, value),) + cell[axis + 1 :]
                lines.setdefault((axis, total), []).append(cell)
        return [(total, members) for (_axis, total), members in lines.items()]


def _protect_level(shape, margins, level, protected, given, forced, k):
    """Figures for the cells with ``level`` coordinates set, their margins already in
    ``protected``. A group and its members are at the same level, and protected together."""
    cells = shape.cells(level)
    count = {cell: margins.get(cell, 0) for cell in cells}
    order = {cell: position for position, cell in enumerate(cells)}
    lines = shape.lines(cells)
    hidden = {
        cell: SMALL
        for cell in cells
        if cell not in given
        and (
            is_small(count[cell], k) or (level >= 2 and _a_group_is_small(shape, cell, margins, k))
        )
    }
    hidden.update(
        {
            cell: given[cell].hidden_because
            for cell in cells
            if cell in given and not given[cell].shown
        }
    )
    hidden.update({cell: forced[cell] for cell in cells if cell in forced and cell not in hidden})

    def status(cell):
        """Why a cell is hidden, None when shown."""
        if cell in count:
            return hidden.get(cell)
        return protected[cell].hidden_because if not protected[cell].shown else None

    def gives_away(total, members):
        hidden_members = [cell for cell in members if cell in hidden]
        if status(total) is not None:
            return not hidden_members and any(count[cell] for cell in members)
        hidden_sum = sum(count[cell] for cell in hidden_members)
        if hidden_sum == 0 and all(hidden[cell] == SMALL for cell in hidden_members):
            # Zeros hidden only for being in a small group protect nothing else: knowing
            # they are zero reveals no count.
            return False
        return len(hidden_members) == 1 or hidden_sum < k

    changed = True
    while changed:
        changed = False
        for total, members in lines:
            if status(total) == SMALL:
                small = {
                    cell: SMALL for cell in members if cell not in hidden and cell not in given
                }
                hidden.update(small)
                changed = changed or bool(small)
                continue
            if not gives_away(total, members):
                continue
            # The smallest shown non-zero count; a zero only when nothing else is left, as
            # the lone unknown of a line whose other counts are zero is its total.
            candidates = [cell for cell in members if cell not in hidden and cell not in given]
            if candidates:
                chosen = min(
                    candidates, key=lambda cell: (count[cell] == 0, count[cell], order[cell])
                )
                hidden[chosen] = COMPLEMENT
                changed = True
    return {
        cell: given.get(cell)
        or (Figure(None, k, hidden[cell]) if cell in hidden else Figure(count[cell], k))
        for cell in cells
    }


def _a_group_is_small(shape, cell, margins, k):
    """Whether any group formed by taking the cell's coordinates in or out (of everyone, or
    of their group) is from 1 to k-1, each worked out from the cell's margins by inclusion
    and exclusion."""
    axes = [axis for axis, value in enumerate(cell) if value is not ALL]
    for size in range(1, len(axes) + 1):
        for taken_out in itertools.combinations(axes, size):
            for outer in itertools.product(
                *[shape.ancestors(axis, cell[axis]) for axis in taken_out]
            ):
                replacement = dict(zip(taken_out, outer, strict=True))
                group = 0
                for dropped_size in range(len(taken_out) + 1):
                    for dropped in itertools.combinations(taken_out, dropped_size):
                        margin = tuple(
                            replacement[axis] if axis in dropped else value
                            for axis, value in enumerate(cell)
                        )
                        group += (-1) ** dropped_size * margins.get(margin, 0)
                if is_small(group, k):
                    return True
    return False


def with_percent(part, base):
    """``part`` with its share of ``base``, when both are shown and the base is not zero."""
    if part.shown and base.shown and base.value:
        return Figure(part.value, part.threshold, percent=100 * part.value / base.value)
    return part
