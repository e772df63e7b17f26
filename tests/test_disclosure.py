"""Disclosure control: the perturbation table, consistent noise bounded by D, how a count is
shown, and tables attacked by linear programming with the noise bound known
(tests/attacker.py)."""

import itertools
import json
import random

import pytest

from consult.cellkey import KEY_RANGE, PTABLE_PATH, Tally, make_ptable, noise, perturbed, ptable
from consult.suppression import ALL, SMALL, protect_table, protect_total, with_percent

from .attacker import K, recovered_cells


def random_tally(generator, count):
    """The tally of ``count`` responses with random record keys."""
    return sum((Tally(1, generator.randrange(KEY_RANGE)) for _ in range(count)), Tally(0))


# The perturbation table -------------------------------------------------------------------


def test_the_kept_table_is_the_one_its_parameters_make():
    kept = json.loads(PTABLE_PATH.read_text(encoding="utf-8"))
    remade = make_ptable(max_noise=kept["D"], variance=kept["V"], rows=len(kept["rows"]))
    assert remade == kept


def test_every_row_has_mean_zero_the_variance_and_noise_within_d():
    d, v, rows = ptable()
    table = json.loads(PTABLE_PATH.read_text(encoding="utf-8"))["rows"]
    for count, row in table.items():
        probabilities = [p for _noise, p in row]
        assert sum(probabilities) == pytest.approx(1, abs=1e-5)
        assert sum(n * p for n, p in row) == pytest.approx(0, abs=1e-5)
        assert all(-d <= n <= d and int(count) + n >= 1 for n, _p in row)
        if int(count) > d:  # every noise reachable: the variance is V
            assert sum(n * n * p for n, p in row) == pytest.approx(v, abs=1e-5)
    assert rows[max(rows)][0] == [0, -2, -1, 1, 2]


def test_noise_over_many_random_cells_is_bounded_by_d_and_averages_zero():
    generator = random.Random(14)
    d = ptable()[0]
    noises = []
    for _ in range(20_000):
        count = generator.randint(1, 60)
        noises.append(noise(count, generator.random()))
    assert max(noises) == d and min(noises) == -d
    assert sum(noises) / len(noises) == pytest.approx(0, abs=0.03)
    assert sum(n * n for n in noises) / len(noises) == pytest.approx(1.0, abs=0.05)


# How a count is shown ------------------------------------------------------------------------


def test_zero_is_nobody_and_a_small_count_never_shows_as_itself():
    generator = random.Random(5)
    assert protect_total(Tally(0), K).value == 0
    for count in range(1, K):
        for _ in range(300):
            figure = protect_total(random_tally(generator, count), K)
            # "fewer than 5", or pushed to 5 or more by the noise: never 1 to 4.
            assert figure.hidden_because == SMALL or figure.value >= K


def test_a_reviewers_set_never_shows_an_exact_zero():
    figure = protect_total(Tally(0), K, exact_zero=False)
    assert not figure.shown and figure.hidden_because == SMALL


def test_the_same_responses_give_the_same_figure_however_they_are_added_up():
    generator = random.Random(7)
    records = [Tally(1, generator.randrange(KEY_RANGE)) for _ in range(40)]
    whole = sum(records, Tally(0))
    # A margin made of its cells (a region of its networks), and the same group counted as
    # everyone less the others: the same responses, the same key, the same figure.
    by_network = [sum(records[:25], Tally(0)), sum(records[25:], Tally(0))]
    assert sum(by_network, Tally(0)).key == whole.key
    assert (whole - by_network[1]).key == by_network[0].key
    assert protect_total(whole - by_network[1], K) == protect_total(by_network[0], K)


def test_sets_that_differ_by_one_response_carry_unrelated_noise():
    generator = random.Random(11)
    differences = set()
    for _ in range(400):
        base = random_tally(generator, 50)
        one_more = base + Tally(1, generator.randrange(KEY_RANGE))
        differences.add(perturbed(one_more) - perturbed(base))
    # Not always +1: the difference of two figures says little about the difference of the
    # counts.
    assert {-2, -1, 0, 1, 2, 3, 4} <= differences <= set(range(-3, 6))


def test_a_share_needs_both_its_count_and_its_base_and_never_passes_100():
    base = protect_total(Tally(200), K)
    assert with_percent(protect_total(Tally(50), K), base).percent == 25
    assert with_percent(Figure_small(), base).percent is None
    assert with_percent(protect_total(Tally(50), K), Figure_small()).percent is None
    full = with_percent(protect_total(Tally(9, KEY_RANGE - 1), K), protect_total(Tally(9), K))
    assert full.percent <= 100


def Figure_small():  # noqa: N802 - reads as the figure it is
    return protect_total(Tally(3), K)


# Tables attacked by linear programming, the noise bound known --------------------------------


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


def tallies_of(seed, counts):
    """Random record keys for the responses of every leaf."""
    generator = random.Random(seed * 7919)
    return {leaf: random_tally(generator, count) for leaf, count in counts.items()}


def test_a_breakdown_gives_no_small_count_away_through_its_totals():
    """Question × network tables with their margins (the question's own results and the
    responses per network): no count from 1 to k-1 can be solved for."""
    axes = [["a", "b", "c", "no answer"], ["EHRN", "APNUD", "none"]]
    leaves = list(itertools.product(*axes))
    for seed in range(40):
        counts = random_counts(seed, leaves)
        figures = protect_table(tallies_of(seed, counts), axes, K)
        d = ptable()[0]
        for cell, figure in figures.items():
            truth = sum(
                c
                for leaf, c in counts.items()
                if all(x is ALL or x == y for x, y in zip(cell, leaf, strict=True))
            )
            if figure.shown:
                assert abs(figure.value - truth) <= d, (seed, cell)
                assert truth == 0 or figure.value >= K
        assert recovered_cells(counts, leaves, [figures]) == [], seed


def test_two_overlapping_filters_give_no_small_group_away():
    """ "Network A only" and "French only" overlap. Each publishes its question × grouping
    table with its margins; played against each other, no count below k can be solved for."""
    answers, networks, languages = ["yes", "no", "no answer"], ["A", "B", "none"], ["fr", "en"]
    leaves = list(itertools.product(answers, networks, languages))
    for seed in range(30):
        counts = random_counts(seed, leaves, small_share=0.3)
        tallies = tallies_of(seed, counts)
        by_network, by_language = {}, {}
        for (answer, network, language), count in tallies.items():
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
    """Regions are the sums of their networks: a region's figure less its networks' must not
    pin down a small one."""
    networks = {"EHRN": "europe", "EuroNPUD": "europe", "APNUD": "asia", "ANPUD": "asia"}
    axes = [["yes", "no"], ["europe", "EHRN", "EuroNPUD", "asia", "APNUD", "ANPUD"]]
    leaves = list(itertools.product(axes[0], networks))
    for seed in range(40):
        counts = random_counts(seed, leaves, small_share=0.35)
        figures = protect_table(tallies_of(seed, counts), axes, K, groups={1: networks})
        assert recovered_cells(counts, leaves, [figures], {1: networks}) == [], seed


def test_the_margins_of_a_table_are_the_pages_they_come_from():
    """A margin comes out exactly as the question's own page shows it: the same responses."""
    axes = [["a", "b", "c", "no answer"], ["A", "B", "none"]]
    counts = random_counts(7, list(itertools.product(*axes)))
    tallies = tallies_of(7, counts)
    figures = protect_table(tallies, axes, K)
    for value in axes[0]:
        alone = sum((t for (a, _n), t in tallies.items() if a == value), Tally(0))
        assert figures[(value, ALL)] == protect_total(alone, K)


def test_without_noise_the_same_attack_would_succeed():
    """The attack is real: the same tables with exact counts and only "fewer than k" hidden
    give small counts away, which is what perturbation stops."""
    axes = [["yes", "no"], ["A", "B"]]
    counts = {("yes", "A"): 3, ("no", "A"): 30, ("yes", "B"): 30, ("no", "B"): 40}
    leaves = list(itertools.product(*axes))
    exact = {}
    for cell in [
        *itertools.product(*axes),
        *((a, ALL) for a in axes[0]),
        *((ALL, n) for n in axes[1]),
        (ALL, ALL),
    ]:
        truth = sum(
            c
            for leaf, c in counts.items()
            if all(x is ALL or x == y for x, y in zip(cell, leaf, strict=True))
        )
        exact[cell] = protect_total(Tally(truth), K)  # key 0: no noise
    from . import attacker

    bound = attacker.noise_bound
    attacker.noise_bound = lambda: 0
    try:
        assert recovered_cells(counts, leaves, [exact]) == [(("yes", "A"), 3)]
    finally:
        attacker.noise_bound = bound
    assert recovered_cells(counts, leaves, [exact]) == []
