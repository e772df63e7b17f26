"""The audit log of staff actions: who did what to which round, and when.

Only staff actions are recorded. Nothing a member does is ever logged here.
"""

from datetime import UTC, datetime

from flask_login import current_user
from sqlalchemy import JSON, DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from .design.models import Round
from .extensions import db


class AuditEvent(db.Model):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: datetime.now(UTC), index=True
    )
    #: The staff member; None for the command line.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    #: A dotted name such as "question.update" or "round.status".
    action: Mapped[str] = mapped_column(String(60))
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("round.id", ondelete="SET NULL"), index=True
    )
    #: What changed, in a few words and values.
    detail: Mapped[dict] = mapped_column(JSON, default=dict)

    user = relationship("User")


def record(action, round_=None, **detail):
    """Add an audit event to the current transaction; the operation's commit stores both."""
    user_id = current_user.id if current_user and current_user.is_authenticated else None
    db.session.add(
        AuditEvent(
            user_id=user_id,
            action=action,
            round_id=round_.id if round_ is not None else None,
            detail=detail,
        )
    )


def round_history(round_id, limit=200):
    return db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.round_id == round_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    ).all()


def latest_events(action_prefix="", round_id=None, offset=0, limit=100):
    """The newest events first, for the admins' audit log page; ``action_prefix`` "login"
    finds "login" and "login.failed"."""
    query = (
        select(AuditEvent)
        .options(selectinload(AuditEvent.user))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
    if round_id is not None:
        query = query.where(AuditEvent.round_id == round_id)
    return db.session.scalars(query.offset(offset).limit(limit)).all()


def rounds_to_filter_by():
    """Every round, newest first, for the audit log's round filter."""
    return db.session.scalars(select(Round).order_by(Round.created_at.desc())).all()
