"""Translation memory: nothing is translated twice.

Two sources. The texts of earlier rounds: a text whose source is word for word one that
another round has translated into the language (and not changed since) is offered with
that translation in the editor, for the translator to check and save. And consult's own
catalogues: the choices a new question starts with ("Yes", "No", the agreement scale) are
written in every language of the round that consult is translated into, so they arrive
translated, and are marked as made from their source so that an edit of it shows.
"""

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select

from ..design.models import Round
from ..extensions import db
from .texts import fingerprint, is_changed, round_texts


def offered_translations(round_, language, texts):
    """{text key: a translation into ``language`` of the same source text in another round}
    for each of ``texts`` not yet translated; where rounds differ, the latest round's."""
    wanted = {
        text.values[round_.source_language].strip(): text.key
        for text in texts
        if not text.values.get(language)
    }
    if not wanted:
        return {}
    source = round_.source_language
    others = db.session.scalars(select(Round).where(Round.id != round_.id).order_by(Round.id))
    memory = {}
    for other in others:
        if language not in other.languages or source not in other.languages:
            continue
        for text in round_texts(other):
            said, translated = text.values.get(source), text.values.get(language)
            if said and translated and not is_changed(other, text, language):
                memory[said.strip()] = translated
    return {key: memory[said] for said, key in wanted.items() if said in memory}


def in_every_language(round_, message):
    """{language: ``message`` (a lazy_gettext string) in that language} for the round's
    languages that consult's catalogues have; the source language always, in the
    interface's language when consult has no catalogue for it."""
    texts = {}
    for language in round_.languages:
        if language in current_app.config["LANGUAGES"]:
            with force_locale(language):
                texts[language] = str(message)
    texts.setdefault(round_.source_language, str(message))
    return texts


def mark_made_from_source(round_, texts):
    """Record that each of ``texts`` (translate.texts.Text) was translated from its
    current source, as a translator's save does."""
    source = round_.source_language
    made_from = {language: dict(keys) for language, keys in (round_.translated_from or {}).items()}
    for text in texts:
        for language, value in text.values.items():
            if language != source and value:
                made_from.setdefault(language, {})[text.key] = fingerprint(text.values[source])
    round_.translated_from = made_from
