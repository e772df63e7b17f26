"""Identifiers taken out of free-text answers before anything is quoted from them.

Respondents are anonymous and their drug use is often criminalised: a quote must never point
at a person. ``scrub`` replaces with "[removed]":

- email addresses; URLs (with http(s)://, starting www., or bare domains such as
  example.org/path, t.me/… and wa.me/…) and social handles (@someone), all of kind "url";
- phone numbers: what the ``phonenumbers`` library finds after a "+", and any run of 7 or
  more digits (Latin, Arabic-Indic or Persian) written with spaces, dots, dashes or brackets;
- identifiers: other runs of 5 or more digits, and tokens of 6 or more characters mixing
  letters with at least two digits (passport "AB1234567", case "2023/CR/00451");
- street addresses: a house number next to a street word ("12 rue de la Paix",
  "Calle Mayor 5", "ул. Ленина, д. 5", "شارع الحمرا ١٢"), with the street's name;
- names: the words after a title ("Dr", "Sra.", "السيد") or after "my name is" and its
  translations, and, in Latin and Cyrillic script, every capitalised word that does not
  start a sentence, except acronyms (HIV, ВИЧ) and a short list of harmless words.

The rules err on the side of removing. A reviewer approves every quote, so a word removed
by mistake costs a word; a name or a number left in can cost a person their safety.
Everything that is not removed comes back exactly as written, character for character.
"""

import re
from dataclasses import dataclass

from .detectors import (
    addresses,
    capitalised_names,
    emails,
    identifiers,
    names_after_triggers,
    phones,
    urls,
)
from .patterns import EVERY_LANGUAGE, RULES, words_of

REMOVED = "[removed]"
KINDS = ("name", "phone", "email", "url", "address", "identifier")


@dataclass(frozen=True)
class Scrubbed:
    """A text with every identifier replaced by REMOVED, and the kinds found in it."""

    text: str
    kinds: tuple[str, ...]


def scrub(text: str, language: str | None = None) -> Scrubbed:
    """``text`` with every identifier replaced by REMOVED, and the kinds found.

    ``language`` picks the rules for titles, "my name is" phrases and street words: that
    language's and English's (quoted English is common in every language of the network).
    None or another code applies every language's. The other rules are the same everywhere.
    """
    rules = _rules_for(language)
    words = words_of(text)
    removed = bytearray(len(text))  # 1 for each character to remove
    kinds = set()
    # The more specific rules go first: digits in a URL are part of the URL, not a phone.
    finders = (
        ("email", emails(text)),
        ("url", urls(text)),
        ("phone", phones(text)),
        ("address", addresses(text, words, rules)),
        ("identifier", identifiers(text)),
        ("name", names_after_triggers(text, words, rules)),
        ("name", capitalised_names(text)),
    )
    for kind, spans in finders:
        for start, end in spans:
            if start < end and 0 in removed[start:end]:
                removed[start:end] = b"\x01" * (end - start)
                kinds.add(kind)
    return Scrubbed(_replace(text, removed), tuple(kind for kind in KINDS if kind in kinds))


def _rules_for(language):
    if not language:
        return EVERY_LANGUAGE
    primary = language.replace("_", "-").split("-")[0].lower()  # "pt-BR" is Portuguese
    return RULES.get(primary, EVERY_LANGUAGE)


def _replace(text, removed):
    """Each run of removed characters becomes one REMOVED; runs separated only by spaces
    become one too ("Mr [removed]" rather than "[removed] [removed]" for a full name)."""
    runs = []
    for run in re.finditer(rb"\x01+", removed):
        start, end = run.span()
        if runs and not text[runs[-1][1] : start].strip(" \t\u00a0"):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    pieces, position = [], 0
    for start, end in runs:
        pieces += [text[position:start], REMOVED]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
