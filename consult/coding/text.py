"""Free text made comparable across its spellings: normalised per language, cut into words,
each word reduced to its Snowball stem, so "seringue" and "seringues" (or "шприц" and
"шприцев") meet the same keyword rule. Deterministic: the same text gives the same stems.

Normalisation folds case and the ways a letter can be written, never the accents French,
Spanish and Portuguese stemmers rely on: Arabic and Farsi lose their diacritics (harakat)
and tatweel and take one form of alef, yeh, kaf and teh marbuta; Russian ё becomes е.
"""

import hashlib
import re
import unicodedata
from functools import cache
from typing import NamedTuple

import snowballstemmer

#: The Snowball stemmer of each interface language.
STEMMERS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ru": "russian",
    "ar": "arabic",
    "fa": "persian",
    "id": "indonesian",
}
ARABIC_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
LETTER_FORMS = {
    "ar": str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}),
    # Farsi written with Arabic keyboards: Arabic yeh and kaf for the Persian letters.
    "fa": str.maketrans(
        {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"}
    ),
    "ru": str.maketrans({"ё": "е"}),
}
#: و or ف joined to the article ال at the start of an Arabic word.
CONJUNCTION_BEFORE_ARTICLE = re.compile(r"^[وف](?=ال..)")
#: Letters and digits, with the marks written on them (harakat, tatweel, combining accents);
#: the zero-width non-joiner of Farsi ("می‌خواهم") separates words.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640])+")


class Word(NamedTuple):
    """A word of a text: where it is (for highlighting) and its stem. A named tuple: coding
    100,000 answers makes millions of them."""

    start: int
    end: int
    stem: str


def normalise(text, language):
    text = unicodedata.normalize("NFKC", text).casefold()
    if language in ("ar", "fa"):
        text = ARABIC_DIACRITICS.sub("", text)
    if language in LETTER_FORMS:
        text = text.translate(LETTER_FORMS[language])
    if language == "ar":
        # "and the…" / "so the…": the Snowball stemmer takes "ال" off only at the start.
        text = CONJUNCTION_BEFORE_ARTICLE.sub("", text)
    return text


def words(text, language):
    """[Word] of ``text`` in order. Normalisation keeps every character's place (each
    change maps one character to one or none), so positions are found on the original."""
    stem_of = stem_table(language)
    found = []
    for match in WORD.finditer(text):
        stem = stem_of[match.group()]
        if stem:
            found.append(Word(*match.span(), stem))
    return found


#: A language's table of stems is emptied when it grows past this many words.
MAX_CACHED_WORDS = 500_000


class _StemTable(dict):
    """{word as written: its stem ("" if normalising leaves nothing)} of one language,
    filled as words come. The words of many answers are few, so coding 100,000 answers
    stems each word once and otherwise only looks it up."""

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stemmer = _stemmer(language)

    def __missing__(self, word):
        if len(self) > MAX_CACHED_WORDS:
            self.clear()
        normal = normalise(word, self.language)
        stem = self.stemmer.stemWord(normal) if self.stemmer and normal else normal
        self[word] = stem
        return stem


@cache
def stem_table(language):
    return _StemTable(language)


def stems(text, language):
    """The stems of a keyword or phrase, in order."""
    return tuple(word.stem for word in words(text, language))


@cache
def _stemmer(language):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


#: Decimal digits of every script as ASCII digits, so that "٣" and "3" read the same.
DIGITS = {
    code: str(unicodedata.decimal(chr(code))) for code in range(0x10000) if chr(code).isdecimal()
}


def same_text_key(text, language):
    """The key that answers saying the same thing share: the words of ``text`` in order,
    normalised as for stemming (NFKC, case folded, Arabic and Farsi diacritics, tatweel and
    letter forms), digits of any script as ASCII, and nothing else: punctuation, symbols,
    emoji and spacing do not count. Word order does ("no to X, yes to Y" is not "yes to X,
    no to Y"), and words are not stemmed (docs/DECISIONS.md). A hash of the language and
    the words, 32 hex digits."""
    normal = " ".join(WORD.findall(normalise(text or "", language)))
    normal = ARABIC_DIACRITICS.sub("", normal).translate(DIGITS)
    digest = hashlib.blake2b(f"{language or ''}\n{normal}".encode(), digest_size=16)
    return digest.hexdigest()
