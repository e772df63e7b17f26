"""Every text of a round that a member reads, with where it lives: the unit of translation.

A text is named by a key ("round.title", "question.12.text", "choice.40.label"). When a
translator saves a translation, a fingerprint of the source text it was made from is kept in
``round.translated_from``; if the source changes later, the translation is marked "changed
since translated" until someone saves it again.
"""

import hashlib
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

ROUND_FIELDS = (
    ("title", _l("Title")),
    ("introduction", _l("Introduction")),
    ("thank_you", _l("Thank-you text")),
)


@dataclass
class Text:
    key: str
    #: What the text is, for the translator: "Page 2, question 3".
    where: str
    owner: object
    field: str

    @property
    def values(self):
        return getattr(self.owner, self.field)


def fingerprint(source):
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def round_texts(round_):
    """The texts of the round in reading order; only those with a source text."""
    source = round_.source_language
    texts = [Text(f"round.{name}", str(label), round_, name) for name, label in ROUND_FIELDS]
    for s_number, section in enumerate(round_.sections, 1):
        texts.append(
            Text(
                f"section.{section.id}.title",
                _("Page %(page)d: title", page=s_number),
                section,
                "title",
            )
        )
        texts.append(
            Text(
                f"section.{section.id}.introduction",
                _("Page %(page)d: introduction", page=s_number),
                section,
                "introduction",
            )
        )
        for q_number, question in enumerate(section.questions, 1):
            where = _("Page %(page)d, question %(number)d", page=s_number, number=q_number)
            texts.append(Text(f"question.{question.id}.text", where, question, "text"))
            texts.append(
                Text(
                    f"question.{question.id}.help",
                    _("Page %(page)d, question %(number)d: help", page=s_number, number=q_number),
                    question,
                    "help",
                )
            )
            for choice in question.choices:
                label = choice.label.get(source) or choice.code
                texts.append(
                    Text(
                        f"choice.{choice.id}.label",
                        _("%(where)s: choice “%(label)s”", where=where, label=label),
                        choice,
                        "label",
                    )
                )
    return [text for text in texts if text.values.get(source)]


@dataclass
class Status:
    translated: int
    missing: int
    changed: int

    @property
    def total(self):
        return self.translated + self.missing

    @property
    def complete(self):
        return self.missing == 0

    @property
    def percent(self):
        return 100 * self.translated // self.total if self.total else 100


def is_changed(round_, text, language):
    """Translated from a source text that has changed since."""
    made_from = (round_.translated_from or {}).get(language, {}).get(text.key)
    source = text.values.get(round_.source_language, "")
    return bool(made_from) and bool(text.values.get(language)) and made_from != fingerprint(source)


def language_status(round_, language, texts=None):
    texts = round_texts(round_) if texts is None else texts
    translated = sum(1 for text in texts if text.values.get(language))
    changed = sum(1 for text in texts if is_changed(round_, text, language))
    return Status(translated, len(texts) - translated, changed)


def incomplete_languages(round_):
    """The round's languages that still miss a translation: they keep the round shut."""
    texts = round_texts(round_)
    return [
        language
        for language in round_.languages
        if language != round_.source_language
        and not language_status(round_, language, texts).complete
    ]
