"""Small-cell suppression: no shown figure reveals a count below k, directly or by sums."""

import itertools

from consult.suppression import COMPLEMENT, SMALL, protect_partition, protect_total, with_percent

K = 5


def recoverable_small_counts(counts, figures, k=K):
    """Small counts an attacker can work out: a partition's total minus its shown cells,
    when exactly one cell is hidden or the hidden cells together are fewer than k."""
    total = sum(counts.values())
    hidden = [key for key, f in figures.items() if not f.shown]
    if 0 < total < k:
        # The total is itself hidden (protect_total): only shown cells could give anything away.
        return [key for key, f in figures.items() if f.shown and 0 < counts[key] < k]
    if not hidden:
        return [key for key, c in counts.items() if 0 < c < k]
    remainder = total - sum(f.value for f in figures.values() if f.shown)
    if len(hidden) == 1 or remainder < k:
        return [key for key in hidden if 0 < counts[key] < k]
    return []


def test_a_lone_count_below_k_is_hidden_and_zero_is_shown():
    assert protect_total(4, K).hidden_because == SMALL
    assert protect_total(0, K).value == 0
    assert protect_total(5, K).value == 5


def test_one_small_cell_takes_the_next_smallest_with_it():
    figures = protect_partition({"a": 120, "b": 3, "c": 40, "no answer": 0}, K)
    assert figures["b"].hidden_because == SMALL
    assert figures["c"].hidden_because == COMPLEMENT
    assert figures["a"].value == 120
    assert figures["no answer"].value == 0


def test_hidden_cells_that_add_up_to_fewer_than_k_take_another():
    figures = protect_partition({"a": 1, "b": 2, "c": 50, "d": 60}, K)
    assert [key for key, f in figures.items() if not f.shown] == ["a", "b", "c"]


def test_a_partition_whose_total_is_small_is_hidden_whole():
    figures = protect_partition({"a": 3, "b": 0}, K)
    assert all(not f.shown for f in figures.values())


def test_no_small_count_can_be_worked_out_by_subtraction():
    """Every partition of four cells drawn from counts around k (2,401 of them)."""
    for values in itertools.product([0, 1, 2, 4, 5, 9, 30], repeat=4):
        counts = dict(zip("abcd", values, strict=True))
        figures = protect_partition(counts, K)
        assert recoverable_small_counts(counts, figures) == [], counts
        for key, count in counts.items():
            if 0 < count < K:
                assert not figures[key].shown, counts


def test_a_percentage_needs_both_its_count_and_its_base():
    base = protect_total(200, K)
    assert with_percent(protect_total(50, K), base).percent == 25
    assert with_percent(protect_total(3, K), base).percent is None
    assert with_percent(protect_total(50, K), protect_total(4, K)).percent is None


# Tables: breakdowns and filtered views, attacked by linear programming -----------------------
#
# The attacker knows every figure shown, in every cell of a table and of its margins (which
# are other pages: the whole round, the responses per network...), and that counts are whole
# and not negative. For each hidden count it asks a linear program for the smallest and the
# largest value that agree with everything shown. A count is recovered when both are equal.

import random  # noqa: E402

from scipy.optimize import linprog  # noqa: E402

from consult.suppression import ALL, protect_table  # noqa: E402


def covers(cell, leaf, groups=None):
    """Whether a published cell counts a cell of the finest table."""
    groups = groups or {}
    return all(
        c is ALL or c == value or groups.get(axis, {}).get(value) == c
        for axis, (c, value) in enumerate(zip(cell, leaf, strict=True))
    )


def recovered_cells(counts, leaves, published, groups=None):
    """The hidden published cells whose count, from 1 to k-1, the shown figures pin down.
    ``published`` is a list of {cell: Figure} in the coordinates of ``leaves``."""
    position = {leaf: index for index, leaf in enumerate(leaves)}
    equalities, values = [], []
    for figures in published:
        for cell, figure in figures.items():
            if figure.shown:
                row = [0] * len(leaves)
                for leaf in leaves:
                    if covers(cell, leaf, groups):
                        row[position[leaf]] = 1
                equalities.append(row)
                values.append(figure.value)
    recovered = []
    for figures in published:
        for cell, figure in figures.items():
            truth = sum(counts.get(leaf, 0) for leaf in leaves if covers(cell, leaf, groups))
            if figure.shown or not is_small(truth, K):
                continue
            objective = [1 if covers(cell, leaf, groups) else 0 for leaf in leaves]
            bounds = []
            for sign in (1, -1):
                result = linprog(
                    [sign * weight for weight in objective],
                    A_eq=equalities,
                    b_eq=values,
                    bounds=(0, None),
                    method="highs",
                )
                assert result.success, cell
                bounds.append(sign * result.fun)
            low, high = bounds
            if high - low < 0.5:
                recovered.append((cell, truth))
    return recovered


def is_small(count, k):
    return 0 < count < k


def random_counts(seed, leaves, small_share=0.35):
    generator = random.Random(seed)
    counts = {}
    for leaf in leaves:
        roll = generator.random()
        if roll < small_share:
            counts[leaf] = generator.randint(1, K - 1)
        elif roll < small_share + 0.15:
            counts[leaf] = 0
        else:
            counts[leaf] = generator.randint(K, 40)
    return counts


def test_a_breakdown_shows_no_small_count_and_gives_none_away_through_its_totals():
    """Question × network tables, the margins being the question's own results and the
    responses per network: no hidden small count can be solved for."""
    axes = [["a", "b", "c", "no answer"], ["EHRN", "APNUD", "none"]]
    leaves = list(itertools.product(*axes))
    for seed in range(60):
        counts = random_counts(seed, leaves)
        figures = protect_table(counts, axes, K)
        for cell, figure in figures.items():
            if figure.shown:
                assert figure.value == sum(c for leaf, c in counts.items() if covers(cell, leaf))
                assert not is_small(figure.value, K), (seed, cell)
        assert recovered_cells(counts, leaves, [figures]) == [], seed


def test_two_overlapping_filters_give_no_small_group_away():
    """ "Network A only" and "French only" overlap. Each publishes its question × grouping
    table with its margins; played against each other, and against the whole round, with
    every response spread over network and language as the attacker pleases, no hidden count
    below k can be solved for."""
    answers, networks, languages = ["yes", "no", "no answer"], ["A", "B", "none"], ["fr", "en"]
    leaves = list(itertools.product(answers, networks, languages))
    for seed in range(40):
        counts = random_counts(seed, leaves, small_share=0.3)
        by_network, by_language = {}, {}
        for (answer, network, language), count in counts.items():
            by_network[(answer, network)] = by_network.get((answer, network), 0) + count
            by_language[(answer, language)] = by_language.get((answer, language), 0) + count
        network_table = protect_table(by_network, [answers, networks], K)
        language_table = protect_table(by_language, [answers, languages], K)
        published = [
            {(a, n, ALL): figure for (a, n), figure in network_table.items()},
            {(a, ALL, language): figure for (a, language), figure in language_table.items()},
        ]
        assert recovered_cells(counts, leaves, published) == [], seed


def test_networks_and_their_regions_give_no_small_count_away():
    """Regions are the sums of their networks: a region's total less its shown networks must
    not reveal a hidden one, in the responses per network nor in a question's breakdown."""
    networks = {"EHRN": "europe", "EuroNPUD": "europe", "APNUD": "asia", "ANPUD": "asia"}
    axes = [["yes", "no"], ["europe", "EHRN", "EuroNPUD", "asia", "APNUD", "ANPUD"]]
    leaves = list(itertools.product(axes[0], networks))
    for seed in range(60):
        counts = random_counts(seed, leaves, small_share=0.35)
        figures = protect_table(counts, axes, K, groups={1: networks})
        for cell, figure in figures.items():
            if figure.shown:
                truth = sum(c for leaf, c in counts.items() if covers(cell, leaf, {1: networks}))
                assert figure.value == truth and not is_small(truth, K), (seed, cell)
        assert recovered_cells(counts, leaves, [figures], {1: networks}) == [], seed


def test_the_margins_of_a_table_are_the_pages_they_come_from():
    """A one-axis margin comes out exactly as the question's own page shows it, so two pages
    never hide different cells of the same figures."""
    axes = [["a", "b", "c", "no answer"], ["A", "B", "none"]]
    counts = random_counts(7, list(itertools.product(*axes)))
    figures = protect_table(counts, axes, K)
    question_alone = protect_partition(
        {value: sum(c for (a, _n), c in counts.items() if a == value) for value in axes[0]}, K
    )
    for value in axes[0]:
        assert figures[(value, ALL)] == question_alone[value]


def test_a_network_with_few_responses_hides_its_whole_column():
    axes = [["yes", "no"], ["A", "B"]]
    counts = {("yes", "A"): 3, ("no", "A"): 0, ("yes", "B"): 30, ("no", "B"): 40}
    figures = protect_table(counts, axes, K)
    assert figures[(ALL, "A")].hidden_because == SMALL
    assert not figures[("yes", "A")].shown and not figures[("no", "A")].shown
