"""Statistics read from distributions the database has already counted ({value: count}), so
no answer is loaded into Python. Whether a statistic may be shown is decided in results.py
with the suppression rules; these functions only compute."""


def quantile(distribution, fraction):
    """The ``fraction`` quantile (0.5: the median) of the values counted in
    ``distribution``, interpolating between the two nearest values as most statistics
    software does by default (Excel's QUARTILE.INC, R's type 7). None when empty."""
    total = sum(distribution.values())
    if total == 0:
        return None
    position = (total - 1) * fraction
    below = int(position)
    lower, upper = _value_at(distribution, below), _value_at(distribution, below + 1)
    if upper is None or position == below:
        return lower
    return lower + (upper - lower) * (position - below)


def _value_at(distribution, index):
    """The value at ``index`` (0-based) of the sorted values, or None past the end."""
    seen = 0
    for value in sorted(distribution):
        seen += distribution[value]
        if index < seen:
            return value
    return None


def quartiles(distribution):
    """(first quartile, median, third quartile), or None when there is no value."""
    if not sum(distribution.values()):
        return None
    return tuple(quantile(distribution, fraction) for fraction in (0.25, 0.5, 0.75))


def mean_position(counts_in_order):
    """The mean of an ordered scale, its points numbered 1, 2, 3…: ``counts_in_order`` is
    the count of each point, from the first."""
    total = sum(counts_in_order)
    if not total:
        return None
    return sum(position * count for position, count in enumerate(counts_in_order, 1)) / total


def share_agreeing(counts_in_order):
    """The share (0 to 100) at the agreeing end of an ordered scale: the points above its
    middle (4 and 5 of five points, 3 and 4 of four)."""
    total = sum(counts_in_order)
    if not total:
        return None
    # Past the middle point of an odd scale, past the middle of an even one.
    return 100 * sum(counts_in_order[(len(counts_in_order) + 1) // 2 :]) / total


def borda_score(rank_counts, places, respondents):
    """The mean Borda points of an item among those who answered a ranking of ``places``
    places: ``places`` points for a first place, one for the last, none when unranked.
    ``rank_counts`` is {rank: how many gave the item that rank}."""
    if not respondents:
        return None
    points = sum((places - rank + 1) * count for rank, count in rank_counts.items())
    return points / respondents
