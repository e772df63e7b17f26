"""Released versions of themes: what theme figures count ("sets that a reviewer
crafts").

A reviewer chooses which answers carry a theme, so a theme is a set of respondents an
attacker can build at will: tag one more answer and compare the theme by network before and
after; or make a second theme of the same answers plus one. So theme figures never count the
tags as they are now, but the theme's latest *released version*:

- themes are considered for release at most once every ``round.release_interval_days``,
  after the round's responses (review.releases), and only released responses count;
- a theme's new set of respondents (its sub-themes' included) becomes its released version;
  it is shown by group only if it differs by 0 or by k or more respondents from every version
  shown by group before in the round (of this theme or any other), from every answer
  option's respondents, and from every network, region and language; otherwise it is shown
  in total only, with the reason;
- so no two sets shown by group, now or at any earlier release, differ by 1 to k-1
  respondents; the cap on themes shown by group, and figures that never show an exact zero,
  are in coding.results.
"""

from datetime import timedelta

from sqlalchemy import func, insert, select

from ..extensions import db
from ..networks.models import Network
from ..respond.models import Answer, Response
from ..respond.operations import today
from ..review.releases import release_if_due
from .models import Tag, ThemeRelease, ThemeReleaseMember
from .queries import CONFIRMED


def release_themes_if_due(round_, day=None):
    """Release the round's responses, then its themes, when due."""
    day = day or today()
    release_if_due(round_, day)
    if round_.codebook is None:
        return
    last = round_.themes_released_on
    if last is not None and last + timedelta(days=round_.release_interval_days) > day:
        return
    k = round_.min_cell_size
    candidates = _candidate_sets(round_)
    history = _released_versions(round_.id)
    latest = {}
    for version_id, theme_id, members, _by_group in history:
        latest[theme_id] = (version_id, members)
    others = _fixed_sets(round_.id)
    for theme in round_.codebook.themes:
        members = candidates.get(theme.id, frozenset())
        if theme.id in latest and latest[theme.id][1] == members:
            continue
        if theme.id not in latest and not members:
            continue
        shown_by_group = [m for _v, _t, m, by_group in history if by_group]
        by_group = _apart(members, shown_by_group, k) and _apart_from_fixed(members, others, k)
        version_id = _store(round_.id, theme.id, members, day, by_group)
        history.append((version_id, theme.id, members, by_group))
    round_.themes_released_on = day
    db.session.commit()


def _candidate_sets(round_):
    """{theme id: frozenset of released respondents with a confirmed tag of the theme or of
    one of its sub-themes}."""
    parent_of = {theme.id: theme.parent_id for theme in round_.codebook.themes}
    rows = db.session.execute(
        select(Tag.theme_id, Tag.response_id)
        .join(Response, Response.id == Tag.response_id)
        .where(
            Tag.round_id == round_.id,
            Tag.status == CONFIRMED,
            Response.release_number.is_not(None),
        )
        .distinct()
    )
    sets = {}
    for theme_id, response_id in rows:
        sets.setdefault(theme_id, set()).add(response_id)
        if parent_of.get(theme_id) is not None:
            sets.setdefault(parent_of[theme_id], set()).add(response_id)
    return {theme_id: frozenset(members) for theme_id, members in sets.items()}


def _released_versions(round_id):
    """[(version id, theme id, frozenset of respondents, shown by group)] of every version
    ever released in the round, oldest first."""
    rows = db.session.execute(
        select(
            ThemeRelease.id,
            ThemeRelease.theme_id,
            ThemeRelease.by_group,
            ThemeReleaseMember.response_id,
        )
        .outerjoin(ThemeReleaseMember, ThemeReleaseMember.theme_release_id == ThemeRelease.id)
        .where(ThemeRelease.round_id == round_id)
        .order_by(ThemeRelease.id)
    )
    versions = {}
    for version_id, theme_id, by_group, response_id in rows:
        _theme, _by_group, members = versions.setdefault(version_id, (theme_id, by_group, set()))
        if response_id is not None:
            members.add(response_id)
    return [
        (v, theme_id, frozenset(members), by_group)
        for v, (theme_id, by_group, members) in versions.items()
    ]


def _apart(members, others, k):
    """Whether ``members`` differs by 0 or at least k from each of ``others`` (an empty set,
    which no table shows by group, is compared with nothing)."""
    if not members:
        return True
    return all(not 0 < len(members ^ other) < k for other in others if other)


def _fixed_sets(round_id):
    """The sets of released respondents a breakdown shows that no reviewer chose: each answer
    option (a choice, a matrix row's point, a first place), each network, region and
    language. Returns (round id, {key: size}); what a theme shares with each is counted by
    ``_apart_from_fixed``."""
    options = db.session.execute(
        select(Answer.question_id, Answer.row_id, Answer.choice_id, func.count())
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.round_id == round_id,
            Answer.release_number.is_not(None),
            Answer.choice_id.is_not(None),
            (Answer.rank.is_(None)) | (Answer.rank == 1),
        )
        .group_by(Answer.question_id, Answer.row_id, Answer.choice_id)
    )
    sizes = {("option", q, r, c): n for q, r, c, n in options}
    groups = db.session.execute(
        select(Response.network_id, Network.region, Response.language, func.count())
        .outerjoin(Network, Network.id == Response.network_id)
        .where(Response.round_id == round_id, Response.release_number.is_not(None))
        .group_by(Response.network_id, Network.region, Response.language)
    )
    for network_id, region, language, n in groups:
        for key in (("network", network_id), ("region", region), ("language", language)):
            sizes[key] = sizes.get(key, 0) + n
    return round_id, sizes


def _apart_from_fixed(members, fixed, k):
    """Whether ``members`` differs by 0 or at least k from every fixed set."""
    if not members:
        return True
    round_id, sizes = fixed
    shared = {}
    ids = list(members)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for q, r, c, n in db.session.execute(
            select(Answer.question_id, Answer.row_id, Answer.choice_id, func.count())
            .where(
                Answer.response_id.in_(chunk),
                Answer.choice_id.is_not(None),
                (Answer.rank.is_(None)) | (Answer.rank == 1),
            )
            .group_by(Answer.question_id, Answer.row_id, Answer.choice_id)
        ):
            key = ("option", q, r, c)
            shared[key] = shared.get(key, 0) + n
        for network_id, region, language, n in db.session.execute(
            select(Response.network_id, Network.region, Response.language, func.count())
            .outerjoin(Network, Network.id == Response.network_id)
            .where(Response.id.in_(chunk), Response.round_id == round_id)
            .group_by(Response.network_id, Network.region, Response.language)
        ):
            for key in (("network", network_id), ("region", region), ("language", language)):
                shared[key] = shared.get(key, 0) + n
    return all(
        not 0 < len(members) + size - 2 * shared.get(key, 0) < k for key, size in sizes.items()
    )


def _store(round_id, theme_id, members, day, by_group):
    version = ThemeRelease(
        round_id=round_id,
        theme_id=theme_id,
        made_on=day,
        respondents=len(members),
        by_group=by_group,
    )
    db.session.add(version)
    db.session.flush()
    if members:
        db.session.execute(
            insert(ThemeReleaseMember),
            [{"theme_release_id": version.id, "response_id": m} for m in members],
        )
    return version.id


def waiting_themes(round_):
    """{theme id} of themes whose confirmed tags differ from their released version: their
    latest changes wait for a release."""
    if round_.codebook is None:
        return set()
    candidates = _candidate_sets(round_)
    latest = {}
    for _version_id, theme_id, members, _by_group in _released_versions(round_.id):
        latest[theme_id] = members
    return {
        theme.id
        for theme in round_.codebook.themes
        if candidates.get(theme.id, frozenset()) != latest.get(theme.id, frozenset())
    }
