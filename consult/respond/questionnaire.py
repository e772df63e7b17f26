"""The questionnaire of a round, kept by each app process between member requests.

A member's page needs the round with its pages, questions and choices: about seventy
objects, most of the time of a request to build. They change only when staff change the
round, and every such change gives the round a new ``design_token`` (design.models), so a
request reads the round's row, one small query, and rebuilds the questionnaire only when
the token differs from the one it was built at. The objects are loaded in a session of
their own and closed, so they are never attached to a request's session: they are only
read, and nothing a member does writes to them.
"""

from flask import current_app
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from ..design.models import Question, Round, Section
from ..extensions import db


def round_with_questionnaire(address):
    """The round at /c/<address>/ with its questionnaire loaded, or None. A discreet round
    answers only at its member key, any other only at its slug (``Round.address``)."""
    row = db.session.execute(
        select(Round.id, Round.design_token)
        .where(
            or_(
                and_(Round.discreet.is_(False), Round.slug == address),
                and_(Round.discreet.is_(True), Round.member_key == address),
            )
        )
        .order_by(Round.discreet.desc())
        .limit(1)
    ).one_or_none()
    if row is None:
        return None
    kept = _kept().get(row.id)
    if kept is not None and kept.design_token == row.design_token:
        return kept
    round_ = _load(row.id)
    _kept()[row.id] = round_
    return round_


def _kept():
    """{round id: round} for this app; a new app (another database) starts empty."""
    return current_app.extensions.setdefault("consult.questionnaires", {})


def _load(round_id):
    with Session(db.engine) as session:
        return session.scalar(
            select(Round)
            .where(Round.id == round_id)
            .options(
                selectinload(Round.sections)
                .selectinload(Section.questions)
                .selectinload(Question.choices)
            )
        )
