"""Answers that say the same thing, shown once on the coding screen and coded together.

Two written answers to one question are in one group when their texts have the same key
(coding.text.same_text_key: the same words in the same order, whatever their case, spacing,
punctuation or Unicode form). The keys are kept in ``answer_text_key``, so that grouping,
counting and paging run in SQL; the screen shows each group's first answer (in the order
of the random response ids) with the size of its group. ``key_answer_texts`` gives answers
their key as they are released, before the screen groups them.
"""

from dataclasses import dataclass

from sqlalchemy import and_, case, func, insert, select, tuple_
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..respond.models import Answer
from .answers import written_answers
from .models import AnswerTextKey, Tag
from .queries import answers_to_code, shown_answers
from .text import same_text_key

#: Partition of the written answers into groups.
GROUP = (Answer.question_id, AnswerTextKey.text_key)


def answer_groups(round_id, readable, question_id=None, language=None, show="all", theme_id=None):
    """Select the groups of the coding screen's answers (``queries.answers_to_code``), one
    row each: the group's first answer (response id, question id, item, text, language),
    its ``text_key`` and its ``size``. A group is shown when one of its answers passes the
    "show" filter, and counts every readable answer of the group. By question, the largest
    groups first, then by text: an order that says nothing about when answers arrived."""
    shown = shown_answers(show, theme_id)
    columns = [
        AnswerTextKey.text_key,
        func.count().over(partition_by=GROUP).label("size"),
        func.row_number()
        .over(partition_by=GROUP, order_by=(Answer.response_id, Answer.item))
        .label("place"),
    ]
    if shown is not None:
        columns.append(func.max(case((shown, 1), else_=0)).over(partition_by=GROUP).label("shown"))
    members = (
        answers_to_code(round_id, readable, question_id, language)
        .join(AnswerTextKey, _keyed(Answer))
        .add_columns(*columns)
        .order_by(None)
        .subquery()
    )
    query = select(
        members.c.response_id,
        members.c.question_id,
        members.c.item,
        members.c.text,
        members.c.language,
        members.c.text_key,
        members.c.size,
    ).where(members.c.place == 1)
    if shown is not None:
        query = query.where(members.c.shown == 1)
    return query.order_by(
        members.c.question_id,
        members.c.size.desc(),
        members.c.text,
        members.c.response_id,
        members.c.item,
    )


def answer_groups_page(round_id, readable, filters, page, per_page):
    """(rows, whether another page follows) of page ``page`` of the coding screen's groups
    (``answer_groups``), ``per_page`` a page; ``filters`` holds the screen's question,
    language, show and theme."""
    query = answer_groups(
        round_id,
        readable,
        filters["question"],
        filters["language"],
        filters["show"],
        filters["theme"],
    )
    rows = db.session.execute(query.limit(per_page + 1).offset((page - 1) * per_page)).all()
    return rows[:per_page], len(rows) > per_page


def _keyed(row):
    return and_(
        AnswerTextKey.response_id == row.response_id,
        AnswerTextKey.question_id == row.question_id,
        AnswerTextKey.item == row.item,
    )


def group_of(round_id, answer):
    """Select (response id, question id, item) of the answers in ``answer``'s group: the
    answer itself and every released answer to its question that says the same thing."""
    text_key = (
        select(AnswerTextKey.text_key)
        .where(_keyed(answer), AnswerTextKey.round_id == round_id)
        .scalar_subquery()
    )
    keyed = select(AnswerTextKey.response_id, AnswerTextKey.question_id, AnswerTextKey.item).where(
        AnswerTextKey.round_id == round_id,
        AnswerTextKey.question_id == answer.question_id,
        AnswerTextKey.text_key == text_key,
    )
    itself = select(Answer.response_id, Answer.question_id, Answer.item).where(
        Answer.response_id == answer.response_id,
        Answer.question_id == answer.question_id,
        Answer.item == answer.item,
    )
    return keyed.union(itself)


def group_tags(round_id, groups):
    """{(question id, text key): {theme id: {status: answers}}} of the groups ``groups``
    (pairs of question id and text key), counted in SQL."""
    if not groups:
        return {}
    rows = db.session.execute(
        select(
            AnswerTextKey.question_id,
            AnswerTextKey.text_key,
            Tag.theme_id,
            Tag.status,
            func.count(),
        )
        .join(Tag, _keyed(Tag))
        .where(
            AnswerTextKey.round_id == round_id,
            tuple_(AnswerTextKey.question_id, AnswerTextKey.text_key).in_(list(groups)),
        )
        .group_by(AnswerTextKey.question_id, AnswerTextKey.text_key, Tag.theme_id, Tag.status)
    )
    found = {}
    for question_id, text_key, theme_id, status, count in rows:
        found.setdefault((question_id, text_key), {}).setdefault(theme_id, {})[status] = count
    return found


@dataclass(frozen=True)
class ThemeLine:
    """A theme as the coding screen shows it on a group of answers."""

    theme_id: int
    #: The shown answer's tag of the theme (its reasons, who decided it), or None when
    #: only other answers of its group have the theme.
    tag: object
    #: {status: answers of the group with the theme in that status}
    counts: dict
    #: How many answers the group holds.
    size: int

    @property
    def status(self):
        """The status of the theme on every answer of the group, or None when they differ
        or some answers lack the theme."""
        if len(self.counts) == 1 and sum(self.counts.values()) == self.size:
            return next(iter(self.counts))
        return None

    @property
    def suggested(self):
        return self.counts.get("suggested", 0)


def theme_lines(tags, counts, size):
    """[ThemeLine] of a group: ``tags`` are its shown answer's, ``counts`` the group's
    ({theme id: {status: answers}}, ``group_tags``; None for an answer alone)."""
    mine = {tag.theme_id: tag for tag in tags}
    if counts is None:
        return [ThemeLine(tag.theme_id, tag, {tag.status: 1}, 1) for tag in tags]
    return [
        ThemeLine(theme_id, mine.get(theme_id), counts[theme_id], size)
        for theme_id in sorted(counts)
    ]


def key_answer_texts(round_id):
    """Give each released written answer of the round without one its text key
    (``AnswerTextKey``), so that the coding screen can group the answers that say the same
    thing. A cache of what the answers say, not a reviewer's action: no audit event. Only
    answers released since the last call are read. Returns how many were keyed."""
    missing = db.session.execute(
        written_answers(round_id).where(
            ~select(AnswerTextKey.item)
            .where(
                AnswerTextKey.response_id == Answer.response_id,
                AnswerTextKey.question_id == Answer.question_id,
                AnswerTextKey.item == Answer.item,
            )
            .exists()
        )
    ).all()
    if not missing:
        return 0
    rows = [
        {
            "round_id": round_id,
            "response_id": row.response_id,
            "question_id": row.question_id,
            "item": row.item,
            "text_key": same_text_key(row.text, row.language),
        }
        for row in missing
    ]
    try:
        db.session.connection().execute(insert(AnswerTextKey.__table__), rows)
        db.session.commit()
    except IntegrityError:  # another request keyed them a moment ago
        db.session.rollback()
        return 0
    return len(rows)
