"""Changes to a round as a whole (create, settings, status, copy, import), one transaction
each, every one in the audit log; and the rules every design change follows, which the
changes to pages and questions (``page_operations``) and to the library of blocks
(``block_operations``) share.

Rules that protect collected answers: an archived round is read-only; once a round has
responses, a question that has answers cannot change type or be deleted, and an answered
choice cannot be deleted (hide it instead). Fixing a text, adding a translation and hiding a
choice are always allowed.
"""

from flask_babel import gettext as _
from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError

from ..audit import record
from ..extensions import db
from ..i18n import native_name
from ..questions import kind_of
from ..respond.models import Response
from ..translate.texts import incomplete_languages
from .conditions import ConditionError, check_conditions
from .definition import SLUG, from_definition, to_definition
from .labels import STATUS_NAMES, TRANSITIONS
from .models import Round, Section, utcnow


class DesignError(ValueError):
    """A change that cannot be made; the message, in the staff member's language, says why."""


# --- rounds ---------------------------------------------------------------------------------


def create_round(title, slug, languages):
    """A new draft round with one empty section."""
    round_ = Round(
        slug=slug, title={languages[0]: title}, languages=languages, source_language=languages[0]
    )
    round_.sections.append(Section(position=0, title={languages[0]: _("Questions")}))
    _add_new_round(round_, "round.create", slug=slug)
    return round_


def _add_new_round(round_, action, **details):
    """Write a new round, and its audit entry, if its address is free. The unique index
    decides, so that two staff taking one address at the same moment get the message rather
    than an error page."""
    db.session.add(round_)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        if db.session.scalar(select(func.count()).where(Round.slug == round_.slug)):
            raise DesignError(
                _("Another round already uses the address %(slug)s.", slug=round_.slug)
            ) from None
        raise
    record(action, round_, **details)
    db.session.commit()


def update_round_settings(round_, data):
    require_editable(round_)
    source = round_.source_language
    if data["languages"][0] != source and has_responses(round_):
        raise DesignError(_("The source language cannot change once members have answered."))
    for name in ("title", "introduction", "thank_you"):
        set_text(getattr(round_, name), data["languages"][0], data[name])
    round_.languages = data["languages"]
    round_.source_language = data["languages"][0]
    round_.min_cell_size = data["min_cell_size"]
    round_.release_interval_days = data.get("release_interval_days") or round_.release_interval_days
    round_.discreet = bool(data.get("discreet"))
    round_.neutral_label = data.get("neutral_label") or round_.neutral_label
    round_.access_mode = data.get("access_mode") or round_.access_mode
    round_.opens_at, round_.closes_at = data["opens_at"], data["closes_at"]
    record(
        "round.settings",
        round_,
        languages=data["languages"],
        min_cell_size=data["min_cell_size"],
        release_interval_days=round_.release_interval_days,
    )
    db.session.commit()


def change_status(round_, target):
    """Move a round along draft → open → closed → archived; a closed round may reopen.
    Works from what members meet: a round past its closing time is closed."""
    current = round_.effective_status
    current = "draft" if current == "scheduled" and target == "open" else current
    if (current, target) not in TRANSITIONS:
        raise DesignError(
            _(
                "A round cannot go from %(old)s to %(new)s.",
                old=STATUS_NAMES.get(current, current),
                new=STATUS_NAMES.get(target, target),
            )
        )
    if target == "open" and not any(kind_of(q).answered for q in round_.questions):
        raise DesignError(_("A round needs at least one question before it opens."))
    if target == "open" and (missing := incomplete_languages(round_)):
        raise DesignError(
            _(
                "The round cannot open until these languages are complete: %(languages)s.",
                languages=", ".join(native_name(code) for code in missing),
            )
        )
    if target == "open" and round_.closes_at is not None and round_.closes_at <= utcnow():
        round_.closes_at = None  # reopening: the old closing time has passed
    round_.status = target
    record("round.status", round_, status=target)
    db.session.commit()


def copy_round(round_, slug):
    """A new draft round with the same questionnaire and texts, and no responses."""
    if not SLUG.match(slug or ""):
        raise DesignError(_("Use lower-case letters, digits and hyphens."))
    copy = from_definition(to_definition(round_), slug=slug)
    _add_new_round(copy, "round.copy", source=round_.slug)
    return copy


def import_round(definition, slug=None, source="json"):
    """Create a draft round from a definition (JSON or XLSForm import); nothing is written
    unless the whole definition is valid (raises DefinitionError)."""
    round_ = from_definition(definition, slug=slug)
    _add_new_round(round_, "round.import", source=source)
    return round_


# --- rules every design change follows ------------------------------------------------------


def has_responses(round_):
    """Whether members have answered the round: some changes are refused from then on."""
    return db.session.scalar(select(exists().where(Response.round_id == round_.id)))


def require_editable(round_):
    """Refuse any change to an archived round."""
    if round_.status == "archived":
        raise DesignError(_("This round is archived: it can no longer be changed."))


def check_round_conditions(round_):
    """After a change, every condition must still name earlier questions only: otherwise
    the change is undone and refused."""
    db.session.flush()
    try:
        check_conditions(round_)
    except ConditionError as error:
        db.session.rollback()
        raise DesignError(str(error)) from None


def set_text(texts, language, value):
    """Set one language's text; an empty one removes it, so it shows as untranslated."""
    if value:
        texts[language] = value
    else:
        texts.pop(language, None)
