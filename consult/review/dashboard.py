"""The round dashboard: how many answered, when, through which network, in which language,
how far they got, and how long the round has left. Every figure passes through suppression.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from ..cellkey import Tally
from ..design.models import utcnow
from ..i18n import pick
from ..suppression import SMALL, Figure, protect_partition, protect_table, protect_total, rounded
from . import queries
from .groupings import (
    available_groupings,
    language_grouping,
    network_grouping,
    split_for,
    value_of,
)


@dataclass
class Dashboard:
    responses: object
    #: [(first day of the ISO week, Figure)]
    weeks: list
    #: [GroupCount]: networks within their regions, then "no network"
    networks: list
    #: [GroupCount]
    languages: list
    #: [(section title, Figure)]
    sections: list
    drafts: object
    #: A timedelta until the round closes, or None.
    time_left: object
    #: [Reach], one per target the secretariat set.
    reach: list


def round_dashboard(round_, language):
    k = round_.min_cell_size
    total = queries.response_count(round_.id)
    return Dashboard(
        responses=protect_total(total, k),
        weeks=_weeks(round_, k),
        networks=_grouped(round_, network_grouping(round_, "network"), k),
        languages=_grouped(round_, language_grouping(round_), k),
        reach=_reach(round_, language, k),
        sections=_sections(round_, language, total, k),
        drafts=_live(queries.drafts_in_progress(round_.id), k),
        time_left=_time_left(round_),
    )


def _live(count, k):
    """A live count (members answering now), rounded as the live total is: exact, it would
    change the moment one member starts."""
    about = rounded(count, k)
    return Figure(about, k) if about is not None else Figure(None, k, SMALL)


def _weeks(round_, k):
    """Responses per ISO week (Monday first), every week from the first to the last."""
    per_week = {}
    for day, count in queries.responses_per_day(round_.id).items():
        monday = day - timedelta(days=day.weekday())
        per_week[monday] = per_week.get(monday, 0) + count
    if not per_week:
        return []
    monday, last = min(per_week), max(per_week)
    while monday < last:
        monday += timedelta(weeks=1)
        per_week.setdefault(monday, 0)
    figures = protect_partition(dict(sorted(per_week.items())), k)
    return list(figures.items())


class GroupCount(NamedTuple):
    value: object
    label: str
    figure: Figure
    #: A group of the values after it (a region).
    is_group: bool
    #: The group this value falls in (a network's region), or None.
    within: object


def _grouped(round_, grouping, k):
    """[GroupCount]: the responses per group, protected exactly as the margin of every
    breakdown by the same grouping, so no two pages disagree on what they hide."""
    counts = {}
    for raw, count in queries.group_totals(split_for(round_.id, grouping)).items():
        value = value_of(grouping, raw)
        counts[(value,)] = counts.get((value,), 0) + count
    values = [*grouping.values, *(v for (v,) in counts if v not in grouping.values)]
    figures = protect_table(counts, [values], k, {0: grouping.groups})
    grouped = set(grouping.groups.values())
    return [
        GroupCount(
            value,
            grouping.labels.get(value, str(value)),
            figures[(value,)],
            value in grouped,
            grouping.groups.get(value),
        )
        for value in values
    ]


@dataclass
class Reach:
    label: str
    responses: object
    target: int

    @property
    def progress(self):
        """Percent of the target reached, when the count is shown."""
        return 100 * self.responses.value / self.target if self.responses.shown else None


def _reach(round_, language, k):
    """Progress against each target, in the order of the groupings."""
    targets = queries.reach_targets(round_.id)
    reach = []
    for grouping in available_groupings(round_, language):
        mine = {value: n for (key, value), n in targets.items() if key == grouping.key}
        if not mine:
            continue
        for row in _grouped(round_, grouping, k):
            if str(row.value) in mine:
                label = f"{grouping.title}: {row.label}"
                reach.append(Reach(label, row.figure, mine[str(row.value)]))
    return reach


def _sections(round_, language, total, k):
    """Responses that got at least as far as each page (answered something on it or after).

    Each page's members are a subset of the previous page's: shown apart, two such figures
    would give away how many stopped in between. So a page whose members differ by fewer
    than k from those of the last figure shown takes that figure again; only a difference of
    k or more gets a figure of its own. Equal figures say "fewer than k stopped here",
    which includes none."""
    furthest = queries.responses_by_furthest_page(round_.id)
    sections = []
    anchor, figure = total, protect_total(total, k)
    for section in round_.sections:
        reached = sum(
            (n for page, n in furthest.items() if page is not None and page >= section.position),
            Tally(0),
        )
        if anchor - reached >= k:
            anchor, figure = reached, protect_total(reached, k)
        sections.append((pick(section.title, language, round_.source_language), figure))
    return sections


def _time_left(round_):
    if round_.closes_at is None or round_.effective_status != "open":
        return None
    return round_.closes_at - utcnow()
