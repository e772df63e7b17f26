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
