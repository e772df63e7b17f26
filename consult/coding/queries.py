"""Reading a round's coding: the coding screen's answers and their tags, memos and quotes,
what is left to review, and the respondents of released themes, aggregated in SQL. The
written answers themselves are read by coding.answers."""

from sqlalchemy import and_, func, literal_column, select, true, tuple_

from ..accounts.models import User
from ..cellkey import tally
from ..extensions import db
from ..respond.models import Answer, Response
from ..review.queries import RELEASED_ANSWER, RELEASED_RESPONSE
from .answers import written_answers
from .models import Memo, Quote, Tag, ThemeRelease, ThemeReleaseMember

#: Tags that count in results and the brief: what a reviewer confirmed.
CONFIRMED = "accepted"


def tags_by_answer(round_id, keys):
    """{(response id, question id, item): [Tag]} for the answers ``keys``."""
    if not keys:
        return {}
    tags = db.session.scalars(
        select(Tag)
        .where(
            Tag.round_id == round_id,
            tuple_(Tag.response_id, Tag.question_id, Tag.item).in_(list(keys)),
        )
        .order_by(Tag.theme_id)
    )
    found = {}
    for tag in tags:
        found.setdefault((tag.response_id, tag.question_id, tag.item), []).append(tag)
    return found


def tag_counts(round_id):
    """{status: number of tags} of a round."""
    rows = db.session.execute(
        select(Tag.status, func.count()).where(Tag.round_id == round_id).group_by(Tag.status)
    )
    return dict(rows.all())


def latest_versions(round_id):
    """Select (version id, theme id) of each theme's latest released version in the round."""
    return (
        select(func.max(ThemeRelease.id).label("version_id"), ThemeRelease.theme_id)
        .where(ThemeRelease.round_id == round_id)
        .group_by(ThemeRelease.theme_id)
    )


def released_theme_counts_by(round_id, response_groups):
    """{(theme id, group): respondents as a Tally}: for each theme, the respondents of its
    latest released version (coding.releases) in each group. ``response_groups`` is a
    subquery of (response id, value, record key) as review.groupings gives."""
    latest = latest_versions(round_id).subquery()
    rows = db.session.execute(
        select(
            latest.c.theme_id,
            response_groups.c.value,
            func.count(),
            func.sum(response_groups.c.record_key),
        )
        .select_from(latest)
        .join(ThemeReleaseMember, ThemeReleaseMember.theme_release_id == latest.c.version_id)
        .join(response_groups, response_groups.c.response_id == ThemeReleaseMember.response_id)
        .group_by(latest.c.theme_id, response_groups.c.value)
    )
    return {(theme_id, group): tally(count, keys) for theme_id, group, count, keys in rows}


def released_co_occurrence(round_id, top_level):
    """{(theme id, theme id): respondents in both released versions, as a Tally}, the
    smaller id first, for the themes ``top_level``."""
    latest = latest_versions(round_id).where(ThemeRelease.theme_id.in_(top_level)).subquery()
    members = (
        select(latest.c.theme_id, ThemeReleaseMember.response_id, Response.record_key)
        .join(ThemeReleaseMember, ThemeReleaseMember.theme_release_id == latest.c.version_id)
        .join(Response, Response.id == ThemeReleaseMember.response_id)
        .subquery()
    )
    other = members.alias("other")
    rows = db.session.execute(
        select(members.c.theme_id, other.c.theme_id, func.count(), func.sum(members.c.record_key))
        .join(
            other,
            and_(
                other.c.response_id == members.c.response_id,
                other.c.theme_id > members.c.theme_id,
            ),
        )
        .group_by(members.c.theme_id, other.c.theme_id)
    )
    return {(first, second): tally(count, keys) for first, second, count, keys in rows}


def released_themes(round_id):
    """{theme id: whether its latest released version may be shown by group}."""
    latest = latest_versions(round_id).subquery()
    rows = db.session.execute(
        select(ThemeRelease.theme_id, ThemeRelease.by_group).join(
            latest, latest.c.version_id == ThemeRelease.id
        )
    )
    return dict(rows.all())


def answers_to_code(round_id, readable, question_id=None, language=None, show="all", theme_id=None):
    """Select the written answers of the coding screen: readable ones, of one question and
    language if given, and those still to review ("review"), covered by no theme
    ("uncovered") or tagged with one theme ("theme"); in an order that says nothing about
    when they arrived."""
    query = written_answers(round_id).where(
        tuple_(Answer.question_id, Answer.language).in_(sorted(readable))
    )
    if question_id is not None:
        query = query.where(Answer.question_id == question_id)
    if language:
        query = query.where(Answer.language == language)
    shown = shown_answers(show, theme_id)
    if shown is not None:
        query = query.where(shown)
    return query.order_by(Answer.question_id, Answer.text, Answer.response_id, Answer.item)


def shown_answers(show, theme_id=None):
    """The condition on an answer of the coding screen's "show" filter, or None for every
    answer: still to review ("review", of one theme if given), covered by no theme
    ("uncovered") or tagged with one theme ("theme")."""
    if show == "review":
        of_theme = [Tag.theme_id == theme_id] if theme_id is not None else []
        return _has_tag(Tag.status == "suggested", *of_theme)
    if show == "uncovered":
        return ~_has_tag(Tag.status != "rejected")
    if show == "theme" and theme_id is not None:
        return _has_tag(Tag.status != "rejected", Tag.theme_id == theme_id)
    return None


def _has_tag(*conditions):
    return (
        select(Tag.id)
        .where(
            Tag.response_id == Answer.response_id,
            Tag.question_id == Answer.question_id,
            Tag.item == Answer.item,
            *conditions,
        )
        .exists()
    )


def memos_by_answer(round_id, keys):
    if not keys:
        return {}
    rows = db.session.execute(
        select(Memo, User.email)
        .join(User, User.id == Memo.author_id)
        .where(
            Memo.round_id == round_id,
            tuple_(Memo.response_id, Memo.question_id, Memo.item).in_(list(keys)),
        )
        .order_by(Memo.written_at, Memo.id)
    )
    found = {}
    for memo, email in rows:
        found.setdefault((memo.response_id, memo.question_id, memo.item), []).append((memo, email))
    return found


def quotes_of(round_id, keys=None):
    query = select(Quote).where(Quote.round_id == round_id)
    if keys is not None:
        if not keys:
            return {}
        query = query.where(tuple_(Quote.response_id, Quote.question_id, Quote.item).in_(keys))
    return {(q.response_id, q.question_id, q.item): q for q in db.session.scalars(query)}


def quote_group_sizes(round_id, quotes):
    """{quote id: the smallest group it comes from}: the written answers to its question in
    its language, and the responses of its respondent's network. A quote is used only when
    both are at least the round's minimum cell size."""
    if not quotes:
        return {}
    language_counts = dict(
        ((question_id, language), count)
        for question_id, language, count in db.session.execute(
            select(Answer.question_id, Answer.language, func.count())
            .where(
                Answer.question_id.in_({q.question_id for q in quotes}),
                Answer.text.is_not(None),
                RELEASED_ANSWER,
            )
            .group_by(Answer.question_id, Answer.language)
        )
    )
    network_of = dict(
        db.session.execute(
            select(Response.id, Response.network_id).where(
                Response.id.in_({q.response_id for q in quotes})
            )
        ).all()
    )
    network_counts = dict(
        db.session.execute(
            select(Response.network_id, func.count())
            .where(Response.round_id == round_id, RELEASED_RESPONSE)
            .group_by(Response.network_id)
        ).all()
    )
    return {
        quote.id: min(
            language_counts.get((quote.question_id, quote.language), 0),
            network_counts.get(network_of.get(quote.response_id), 0),
        )
        for quote in quotes
    }


def emails_of(user_ids):
    """{user id: e-mail} of staff accounts, to say who decided what."""
    if not user_ids:
        return {}
    return dict(db.session.execute(select(User.id, User.email).where(User.id.in_(user_ids))).all())


def readable_answer_keys(round_id, readable):
    """Select (response id, question id, item) of the answers the coding screen may show."""
    return (
        answers_to_code(round_id, readable)
        .with_only_columns(Answer.response_id, Answer.question_id, Answer.item)
        .order_by(None)
    )


def suggestions_left(round_id, readable):
    """{theme id: suggestions not yet accepted or rejected} on the answers the coding screen
    may show, counted in SQL."""
    rows = db.session.execute(
        select(Tag.theme_id, func.count())
        .where(
            Tag.round_id == round_id,
            Tag.status == "suggested",
            tuple_(Tag.response_id, Tag.question_id, Tag.item).in_(
                readable_answer_keys(round_id, readable)
            ),
        )
        .group_by(Tag.theme_id)
    )
    return dict(rows.all())


def reason_keywords():
    """(a table of a tag's reasons, the column of their keywords), to join to ``Tag``: the
    keyword or phrase of each ``[keyword, start, end]`` of ``Tag.reasons``, which is how a
    suggestion records the keyword rule that made it (coding.rules). JSON arrays are read
    with each database's own functions."""
    if db.engine.dialect.name == "postgresql":
        reasons = func.json_array_elements(Tag.reasons).table_valued("value").alias("reason")
        return reasons, func.json_extract_path_text(reasons.c.value, literal_column("'0'"))
    reasons = func.json_each(Tag.reasons).table_valued("value").alias("reason")
    return reasons, func.json_extract(reasons.c.value, literal_column("'$[0]'"))


def suggestions_left_by_keyword(round_id, readable):
    """{theme id: {keyword: suggestions not yet decided}} on the answers the coding screen
    may show: a suggestion counts under each keyword of its theme found in the answer."""
    reasons, keyword = reason_keywords()
    rows = db.session.execute(
        select(Tag.theme_id, keyword, func.count(func.distinct(Tag.id)))
        .select_from(Tag)
        .join(reasons, true())
        .where(
            Tag.round_id == round_id,
            Tag.status == "suggested",
            tuple_(Tag.response_id, Tag.question_id, Tag.item).in_(
                readable_answer_keys(round_id, readable)
            ),
        )
        .group_by(Tag.theme_id, keyword)
    )
    found = {}
    for theme_id, word, count in rows:
        found.setdefault(theme_id, {})[word] = count
    return {
        theme_id: dict(sorted(words.items(), key=lambda item: (-item[1], item[0])))
        for theme_id, words in found.items()
    }


def names_keyword(keyword):
    """The condition that a tag's reasons name ``keyword``."""
    reasons, word = reason_keywords()
    return select(literal_column("1")).select_from(reasons).where(word == keyword).exists()


def themes_of(codebook):
    """The codebook's themes by id, in codebook order."""
    return {theme.id: theme for theme in codebook.themes} if codebook is not None else {}


def candidate_quotes(round_id):
    """The round's quotes, candidate or approved, by language."""
    return db.session.scalars(
        select(Quote).where(Quote.round_id == round_id).order_by(Quote.language, Quote.id)
    ).all()
