"""Reading a round's coding: its written answers, their tags, and the counts of respondents
per theme, aggregated in SQL."""

import uuid

from sqlalchemy import and_, case, func, select, tuple_

from ..accounts.models import User
from ..design.models import Question, Section
from ..extensions import db
from ..respond.models import Answer, Response
from .models import Memo, Quote, Tag

#: Tags that count in results and the brief: what a reviewer confirmed.
CONFIRMED = "accepted"


def written_answers(round_id):
    """Select (response id, question id, item, text, language) of every written answer of a
    round: free-text questions and "other, please specify" texts."""
    return (
        select(Answer.response_id, Answer.question_id, Answer.item, Answer.text, Answer.language)
        .join(Question, Question.id == Answer.question_id)
        .join(Section, Section.id == Question.section_id)
        .where(Section.round_id == round_id, Answer.text.is_not(None))
    )


def written_answer_count(round_id):
    query = written_answers(round_id).with_only_columns(func.count())
    return db.session.scalar(query.order_by(None))


def answer_key(row):
    """The key of a written answer in addresses and forms: "<response>.<question>.<item>"."""
    return f"{row.response_id}.{row.question_id}.{row.item}"


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


def respondents_with_theme(round_id, theme_ids):
    """Select (response id) of the respondents with a confirmed tag of any of ``theme_ids``
    (a theme and its sub-themes)."""
    return (
        select(Tag.response_id)
        .where(Tag.round_id == round_id, Tag.status == CONFIRMED, Tag.theme_id.in_(theme_ids))
        .distinct()
    )


def theme_counts_by(round_id, themes_with_children, response_groups):
    """{(theme id, group): respondents}: for each theme (counting its sub-themes' tags too),
    the respondents with it in each group. ``response_groups`` is a subquery of (response
    id, value) as review.groupings gives."""
    counts = {}
    for theme_id, theme_ids in themes_with_children.items():
        with_theme = respondents_with_theme(round_id, theme_ids).subquery()
        rows = db.session.execute(
            select(response_groups.c.value, func.count())
            .join(with_theme, with_theme.c.response_id == response_groups.c.response_id)
            .group_by(response_groups.c.value)
        )
        for group, count in rows:
            counts[(theme_id, group)] = count
    return counts


def co_occurrence(round_id, parent_of):
    """{(theme id, theme id): respondents with confirmed tags of both}, the smaller id
    first; a sub-theme counts as its parent (``parent_of``: {child id: parent id}), so a
    pair is of two themes as the results show them."""
    theme = case(parent_of, value=Tag.theme_id, else_=Tag.theme_id) if parent_of else Tag.theme_id
    tagged = (
        select(Tag.response_id, theme.label("theme_id"))
        .where(Tag.round_id == round_id, Tag.status == CONFIRMED)
        .distinct()
        .subquery()
    )
    other = tagged.alias("other")
    rows = db.session.execute(
        select(tagged.c.theme_id, other.c.theme_id, func.count())
        .join(
            other,
            and_(
                other.c.response_id == tagged.c.response_id,
                other.c.theme_id > tagged.c.theme_id,
            ),
        )
        .group_by(tagged.c.theme_id, other.c.theme_id)
    )
    return {(first, second): count for first, second, count in rows}


def uncovered_answers(round_id):
    """Select the written answers with no tag a reviewer kept or the rules suggested."""
    covered = (
        select(Tag.id)
        .where(
            and_(
                Tag.response_id == Answer.response_id,
                Tag.question_id == Answer.question_id,
                Tag.item == Answer.item,
                Tag.status != "rejected",
            )
        )
        .exists()
    )
    return written_answers(round_id).where(~covered)


def find_answer(round_id, key):
    """The written answer named by ``key`` ("<response>.<question>.<item>") in the round, or
    None for a key that is malformed or names another round's answer."""
    try:
        response, question, item = key.split(".")
        response_id, question_id, item = uuid.UUID(response), int(question), int(item)
    except ValueError:
        return None
    return db.session.execute(
        written_answers(round_id).where(
            Answer.response_id == response_id,
            Answer.question_id == question_id,
            Answer.item == item,
        )
    ).first()


def readable_groups(round_id, k):
    """{(question id, language)} of the written answers a reviewer may read: those whose
    language has at least ``k`` answers to the question (a smaller group is not shown)."""
    rows = db.session.execute(
        select(Answer.question_id, Answer.language, func.count())
        .join(Question, Question.id == Answer.question_id)
        .join(Section, Section.id == Question.section_id)
        .where(Section.round_id == round_id, Answer.text.is_not(None))
        .group_by(Answer.question_id, Answer.language)
    )
    return {(question_id, language) for question_id, language, count in rows if count >= k}


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
    if show == "review":
        query = query.where(_has_tag(Tag.status == "suggested"))
    elif show == "uncovered":
        query = query.where(~_has_tag(Tag.status != "rejected"))
    elif show == "theme" and theme_id is not None:
        query = query.where(_has_tag(Tag.status != "rejected", Tag.theme_id == theme_id))
    return query.order_by(Answer.question_id, Answer.text, Answer.response_id, Answer.item)


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
                Answer.question_id.in_({q.question_id for q in quotes}), Answer.text.is_not(None)
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
            .where(Response.round_id == round_id)
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
