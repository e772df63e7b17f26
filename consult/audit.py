"""The audit log of staff actions: who did what to which round, and when.

Only staff actions are recorded. Nothing a member does is ever logged here.
"""

from datetime import UTC, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import JSON, DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from .design.models import Round
from .extensions import db

#: Each action as the audit log page says it, in the admin's language.
ACTION_NAMES = {
    "access.invitation_codes": _l("Made invitation codes"),
    "access.network_codes": _l("Made network codes"),
    "account.active": _l("Enabled an account"),
    "account.create": _l("Added an account"),
    "account.disable": _l("Disabled an account"),
    "account.role": _l("Changed an account's role"),
    "block.delete": _l("Deleted a question block"),
    "block.insert": _l("Inserted a question block"),
    "block.save": _l("Saved a page as a question block"),
    "codebook.import": _l("Imported a codebook"),
    "codebook.theme": _l("Changed a theme of a codebook"),
    "codebook.update": _l("Updated a codebook"),
    "login": _l("Logged in"),
    "login.failed": _l("Failed to log in"),
    "question.add": _l("Added a question"),
    "question.delete": _l("Deleted a question"),
    "question.duplicate": _l("Duplicated a question"),
    "question.move": _l("Moved a question"),
    "question.update": _l("Changed a question"),
    "responses.delete": _l("Deleted a round's responses"),
    "responses.export": _l("Exported responses"),
    "round.copy": _l("Copied a round"),
    "round.create": _l("Created a round"),
    "round.import": _l("Imported a round"),
    "round.publication": _l("Changed what is published"),
    "round.reach_targets": _l("Changed the reach targets"),
    "round.settings": _l("Changed a round's settings"),
    "round.status": _l("Changed a round's status"),
    "section.add": _l("Added a page"),
    "section.delete": _l("Deleted a page"),
    "section.duplicate": _l("Duplicated a page"),
    "section.move": _l("Moved a page"),
    "section.update": _l("Changed a page"),
    "themes.autocode": _l("Coded the answers automatically"),
    "themes.brief": _l("Chose directions for the brief"),
    "themes.codebook": _l("Chose the round's codebook"),
    "themes.double_coding": _l("Coded an answer blind"),
    "themes.memo": _l("Wrote a memo"),
    "themes.quote": _l("Marked or approved a quote"),
    "themes.tag": _l("Decided a theme on an answer"),
    "themes.tag_all": _l("Decided every suggestion of a theme"),
    "themes.tag_chosen": _l("Decided the chosen suggestions"),
    "themes.tag_keyword": _l("Decided every suggestion of a keyword"),
    "translation.save": _l("Saved translations"),
    "translator.assign": _l("Gave a language to a translator"),
    "translator.unassign": _l("Took a language from a translator"),
    "two_factor.disable": _l("Turned two-step login off"),
    "two_factor.enable": _l("Turned two-step login on"),
    "two_factor.recovery_codes": _l("Made new recovery codes"),
    "two_factor.reset": _l("Reset two-step login"),
}

#: Each detail's name as the audit log page says it; a detail not named here shows its key.
DETAIL_NAMES = {
    "added": _l("added"),
    "answers": _l("answers"),
    "block": _l("block"),
    "by": _l("by"),
    "changed": _l("changed"),
    "codebook": _l("codebook"),
    "copy": _l("copy"),
    "count": _l("count"),
    "direction": _l("direction"),
    "email": _l("e-mail"),
    "findings": _l("findings"),
    "format": _l("format"),
    "job": _l("job"),
    "keyword": _l("keyword"),
    "kind": _l("type"),
    "language": _l("language"),
    "languages": _l("languages"),
    "method": _l("method"),
    "min_cell_size": _l("smallest group shown"),
    "new": _l("new"),
    "old": _l("before"),
    "publish": _l("published"),
    "purpose": _l("purpose"),
    "question": _l("question"),
    "questions": _l("questions"),
    "release_interval_days": _l("days between releases"),
    "responses": _l("responses"),
    "role": _l("role"),
    "rows": _l("rows"),
    "section": _l("page"),
    "slug": _l("address"),
    "source": _l("from"),
    "status": _l("status"),
    "suggested": _l("suggested"),
    "targets": _l("targets"),
    "texts": _l("texts"),
    "theme": _l("theme"),
    "themes": _l("themes"),
    "translator": _l("translator"),
}


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


def audit_log_query(action_prefix="", round_id=None, user_id=None, since=None, until=None):
    """The events, newest first, for the admins' audit log page to page through;
    ``action_prefix`` "login" finds "login" and "login.failed"; ``since`` and ``until`` are
    days (UTC), both kept."""
    query = (
        select(AuditEvent)
        .options(selectinload(AuditEvent.user))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
    if round_id is not None:
        query = query.where(AuditEvent.round_id == round_id)
    if user_id is not None:
        query = query.where(AuditEvent.user_id == user_id)
    if since is not None:
        query = query.where(AuditEvent.at >= datetime.combine(since, time(), UTC))
    if until is not None:
        query = query.where(
            AuditEvent.at < datetime.combine(until + timedelta(days=1), time(), UTC)
        )
    return query


def rounds_to_filter_by():
    """Every round, newest first, for the audit log's round filter."""
    return db.session.scalars(select(Round).order_by(Round.created_at.desc())).all()
