"""Changes translators and the secretariat make to a round's translations, one transaction
each, in the audit log."""

from dataclasses import dataclass, field
from textwrap import shorten

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..audit import record
from ..extensions import db
from .models import TranslatorAssignment
from .texts import fingerprint, round_texts


class TranslationError(ValueError):
    """A change that cannot be made; the message says why."""


def save_translations(round_, language, values, made_from_sources=None):
    """Store ``values`` ({text key: translation}) for ``language``; an empty value removes
    the translation. Keeps the fingerprint of the source each was made from: the current
    source, or for an imported file the source the file carried. Returns how many texts
    changed."""
    if round_.status == "archived":
        raise TranslationError(_("This round is archived: it can no longer be changed."))
    if language not in round_.languages or language == round_.source_language:
        raise TranslationError(_("This language is not one to translate this round into."))
    made_from = dict(round_.translated_from.get(language, {}))
    changed = 0
    for text in round_texts(round_):
        if text.key not in values:
            continue
        value = values[text.key].strip()
        texts = text.values
        source = (made_from_sources or {}).get(text.key, texts[round_.source_language])
        if value == texts.get(language, ""):
            if value and not made_from.get(text.key):  # kept as it is: now known to be
                made_from[text.key] = fingerprint(source)  # made from this source
            continue
        if value:
            texts[language] = value
            made_from[text.key] = fingerprint(source)
        else:
            texts.pop(language, None)
            made_from.pop(text.key, None)
        changed += 1
    round_.translated_from = {**round_.translated_from, language: made_from}
    record("translation.save", round_, language=language, texts=changed)
    db.session.commit()
    return changed


def assign_translator(round_, email, language):
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or user.role != "translator":
        raise TranslationError(_("There is no translator account with that e-mail."))
    if language not in round_.languages or language == round_.source_language:
        raise TranslationError(_("This language is not one to translate this round into."))
    exists = db.session.scalar(
        select(TranslatorAssignment).where(
            TranslatorAssignment.user_id == user.id,
            TranslatorAssignment.round_id == round_.id,
            TranslatorAssignment.language == language,
        )
    )
    if exists is None:
        db.session.add(TranslatorAssignment(user_id=user.id, round_id=round_.id, language=language))
        record("translator.assign", round_, translator=user.email, language=language)
        db.session.commit()


def unassign_translator(assignment):
    record(
        "translator.unassign",
        assignment.round,
        translator=assignment.user.email,
        language=assignment.language,
    )
    db.session.delete(assignment)
    db.session.commit()


@dataclass
class ImportReport:
    """What importing a translation file did, in words a translator reads: counts, and each
    text to look at named by where it is ("Page 1, question 3: choice “Agree”")."""

    read: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Stored, but their source changed since the file was made: marked to check.
    changed_since: list = field(default_factory=list)
    #: Empty in the file: the round's translation was left as it was.
    empty: list = field(default_factory=list)
    #: In the file, no longer in the round (the source the file carried).
    gone: list = field(default_factory=list)


def import_translations(round_, language, entries):
    """Store the translations of an exchange file; returns its ImportReport."""
    texts = {text.key: text for text in round_texts(round_)}
    report, values, made_from = ImportReport(read=len(entries)), {}, {}
    for entry in entries:
        text = texts.get(entry.key)
        if text is None:
            report.gone.append(shorten(" ".join(entry.source.split()), 80, placeholder="…"))
            continue
        if not entry.translation.strip():
            report.empty.append(text.where)
            continue
        if entry.source != text.values[round_.source_language]:
            report.changed_since.append(text.where)
        values[entry.key] = entry.translation
        made_from[entry.key] = entry.source
    report.updated = save_translations(round_, language, values, made_from)
    report.unchanged = len(values) - report.updated
    return report
