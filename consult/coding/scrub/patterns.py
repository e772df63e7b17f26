"""The scrubber's patterns: those of emails, URLs, phone numbers and identifiers, the same in
every language, and each language's rules for names and addresses, built from its words
(scrub.words) and compiled once."""

import re
from dataclasses import dataclass

from .words import (
    ARABIC_SCRIPT_FUNCTION_WORDS,
    HOUSE_NUMBER_WORDS,
    LANGUAGES,
    NAME_PHRASES,
    STREET_NAME_PARTICLES,
    STREET_WORDS,
    TITLES,
    UNCASED_LANGUAGES,
)

# Building blocks of the patterns.

LETTER = r"[^\W\d_]"
#: Combining accents, harakat, tatweel and the zero-width non-joiner of Farsi belong to the
#: word they are written in.
MARK = r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c]"
WORD = rf"{LETTER}(?:{LETTER}|{MARK})*(?:['’\-]{LETTER}(?:{LETTER}|{MARK})*)*"
SPACE = r"[ \t\u00a0]"
ARABIC_MARK = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]"
#: Arabic and Farsi keyboards write some letters differently (ي/ی, ك/ک), and alef and teh
#: marbuta are often written without their hamza or dots.
ARABIC_LETTER_FORMS = {
    **dict.fromkeys("اأإآ", "اأإآ"),
    **dict.fromkeys("يیى", "يیى"),
    **dict.fromkeys("كک", "كک"),
    **dict.fromkeys("هة", "هة"),
}
#: و (and), ف (so), ب (in, with) and ل (for) are written joined to the next word.
ARABIC_PREFIXES = "وفبل"
ARABIC_PREFIX = f"[{ARABIC_PREFIXES}]?"


def _capital_letters():
    """A character class of the capital letters of the Latin, Greek and Cyrillic blocks
    (``re`` has no class for capitals)."""
    blocks = (range(0x41, 0x250), range(0x370, 0x530), range(0x1E00, 0x2000))
    letters = (chr(code) for block in blocks for code in block)
    return "[" + "".join(letter for letter in letters if letter.isupper() or letter.istitle()) + "]"


CAPITALISED_WORD = rf"(?={_capital_letters()}){WORD}"


def _is_arabic_script(text):
    return any("\u0600" <= character <= "\u06ff" for character in text)


def _arabic_script_pattern(words):
    """``words`` as written with or without harakat, in either keyboard's letter forms."""
    letters = []
    for character in words:
        if character == " ":
            letters.append(r"\s+")
        else:
            letters.append(f"[{ARABIC_LETTER_FORMS.get(character, character)}]{ARABIC_MARK}*")
    return "".join(letters)


def _word_pattern(word, ignore_case, may_be_abbreviated):
    """A title, phrase, street word or house-number word as a pattern ending on a word
    boundary. Titles and street words may be followed by a full stop ("Dr." or "Dr")."""
    if _is_arabic_script(word):
        return ARABIC_PREFIX + _arabic_script_pattern(word) + r"(?!\w)"
    pattern = r"\s+".join(re.escape(part) for part in word.split(" "))
    pattern = pattern.replace("'", "['’]")
    if ignore_case:
        pattern = f"(?i:{pattern})"
    if word[-1].isalnum():
        pattern += r"(?:\.|(?!\w))" if may_be_abbreviated else r"(?!\w)"
    return pattern


def _any_of(words, ignore_case=True, may_be_abbreviated=True):
    ordered = sorted(set(words), key=len, reverse=True)
    alternatives = (_word_pattern(word, ignore_case, may_be_abbreviated) for word in ordered)
    return "(?:" + "|".join(alternatives) + ")"


def _title_spellings(title):
    """A title as listed, in lowercase and capitalised (not in capitals: "MS" is an
    illness, not "Ms")."""
    if _is_arabic_script(title):
        return {title}
    return {title, title.lower(), title[0].upper() + title[1:]}


ARABIC_SCRIPT_FUNCTION_WORD = re.compile(
    ARABIC_PREFIX
    + "(?:"
    + "|".join(_arabic_script_pattern(word) for word in ARABIC_SCRIPT_FUNCTION_WORDS)
    + ")"
)

# Emails, URLs, phone numbers and identifiers: the same in every language.

EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@\w(?:[\w\-]*\w)?(?:\.\w(?:[\w\-]*\w)?)+")
URL_WITH_SCHEME = re.compile(r"(?i:https?|ftp)://[^\s<>\"]+")
WWW_URL = re.compile(r"(?<![\w.@])(?i:www)\.[^\s<>\"]+")
#: A domain ends in a well-known top-level domain, or in two lowercase letters (a country's):
#: "drugs.It" (a missing space) is not a domain, "e.g." and "i.e." are not either.
KNOWN_TOP_LEVEL_DOMAINS = (
    "com org net info biz io me co app dev online site xyz top club ngo edu gov int blog shop "
    "store link live news рф"
).split()
BARE_DOMAIN = re.compile(
    r"(?<![\w.@/\-])(?:\w(?:[\w\-]*\w)?\.)+"
    rf"(?:(?i:{'|'.join(KNOWN_TOP_LEVEL_DOMAINS)})|[a-z]{{2}})(?![\w\-])"
    r"(?:/[^\s<>\"]*)?"
)
SOCIAL_HANDLE = re.compile(r"(?<![\w@.])@\w(?:[\w.]*\w)?")
#: Punctuation that ends the sentence around a URL rather than the URL.
AFTER_URL = ".,;:!?)]}'\"»”’…"
#: 7 to 25 digits with single separators; bounded so a long run of digits costs little.
PHONE_RUN = re.compile(r"(?<!\w)[+(]{0,2}\d(?:[ .\-()\u00a0]{0,3}\d){6,24}(?!\w)")
DATE = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}")
DIGITS = re.compile(r"\d+")
LONG_NUMBER = re.compile(r"(?<!\d)\d{5,}(?!\d)")
#: A token with a digit and a letter in it, such as "AB1234567" or "2023/CR/00451".
TOKEN_WITH_DIGIT_AND_LETTER = re.compile(
    r"(?<![\w/.\-])(?=[\w/.\-]*\d)(?=[\w/.\-]*[^\W\d_])\w+(?:[/.\-]\w+)*"
)
#: "1000mg", "10.30pm", "250ml": a quantity, not a code ("12345678Z" is a code).
MEASUREMENT = re.compile(r"\d{1,4}(?:[.,:]\d+)*[^\W\d_]{1,3}")

# Names found by their capital letter.

CAPITALISED = re.compile(rf"(?<![\w\u0300-\u036f\-]){CAPITALISED_WORD}")
SENTENCE_ENDS = ".!?…؟۔。"
LINE_BREAKS = "\n\r\u2028\u2029"
#: A word after these is inside a sentence.
CLAUSE_MARKS = ",;:،؛"
LAST_WORD = re.compile(r"\w+$")

# Addresses.

HOUSE_NUMBER = r"\d{1,5}(?:[/\-]\d{1,4})?(?:[^\W\d_](?!\w))?"
HOUSE_NUMBER_WORD = _any_of(HOUSE_NUMBER_WORDS)
PARTICLE = "(?i:" + "|".join(STREET_NAME_PARTICLES) + r")(?!\w)"
#: One capitalised word of a street's name, with the particles before it.
STREET_NAME_PART = rf"(?:{PARTICLE}{SPACE}+)*(?:[dDlL]['’])?{CAPITALISED_WORD}"
#: Between a street word and the number: "Ленина, д." in "ул. Ленина, д. 5".
STREET_NAME = rf"{STREET_NAME_PART}(?:{SPACE}+{STREET_NAME_PART}){{0,3}}"
ARABIC_SCRIPT_STREET_NAME = rf"{WORD}(?:(?:{SPACE}*[,،]{SPACE}*|{SPACE}+){WORD}){{0,2}}"
#: After a number and a street word, nothing marks the end of the name: the first word goes
#: whatever its case ("12 rue de la paix"), then only capitalised ones.
NAME_AFTER_STREET_WORD = (
    rf"(?:{PARTICLE}{SPACE}+)*(?:[dDlL]['’])?{WORD}(?:{SPACE}+{STREET_NAME_PART}){{0,3}}"
)
ARABIC_SCRIPT_NAME_AFTER_STREET_WORD = (
    rf"{WORD}(?:{SPACE}+(?!{ARABIC_SCRIPT_FUNCTION_WORD.pattern}(?!\w)){WORD})?"
)
#: ", кв. 12", "، پلاک ۱۲" after the house number.
MORE_NUMBERS = rf"(?:{SPACE}*[,،]?{SPACE}*{HOUSE_NUMBER_WORD}{SPACE}*{HOUSE_NUMBER}(?!\d))*"

# Names after titles and phrases.

BEFORE_NAME = r"\s*[:\-–—]?\s*[\"'«“‘]?"
NEXT_WORD = re.compile(rf"{SPACE}+(?P<word>{WORD})")

# Quick looks, so that the full patterns run only where they can match: 10,000 answers
# must take well under a few seconds.

ANY_DIGIT = re.compile(r"\d")  # digits of every script
DOT_BEFORE_WORD = re.compile(r"\.\w")
WORD_OR_NUMBER = re.compile(rf"(?:\w|{MARK})+")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
ARABIC_MARKS = re.compile(f"{ARABIC_MARK}+")
ONE_LETTER_FORM = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"}
)


@dataclass(frozen=True)
class _Rules:
    """The compiled rules of one or more languages, each under the words (see ``words_of``)
    without which it cannot match: the longest word of each title and name phrase, and each
    street word. A pattern runs only on texts that have one of its words."""

    names_by_word: dict[str, tuple[re.Pattern, ...]]
    addresses_by_word: dict[str, tuple[re.Pattern, ...]]


def words_of(text):
    """The set of words of ``text``, casefolded; in Arabic script without harakat and in one
    form of each letter."""
    text = text.casefold()
    if ARABIC_SCRIPT.search(text):
        text = ARABIC_MARKS.sub("", text).translate(ONE_LETTER_FORM)
    return set(WORD_OR_NUMBER.findall(text))


def _look_up_words(entry):
    """The longest word of a title, phrase or street word, also with و, ف, ب or ل joined to
    it if it is in Arabic script."""
    word = max(sorted(words_of(entry)), key=len)
    if _is_arabic_script(word):
        return [word] + [prefix + word for prefix in ARABIC_PREFIXES]
    return [word]


def _compile_rules(languages):
    names_by_word, addresses_by_word = {}, {}
    for language in languages:
        name_patterns = (_name_trigger_pattern(language),)
        for entry in TITLES[language] + NAME_PHRASES[language]:
            for word in _look_up_words(entry):
                names_by_word[word] = names_by_word.get(word, ()) + name_patterns
        address_patterns = tuple(re.compile(pattern) for pattern in _address_patterns(language))
        for street_word in STREET_WORDS[language]:
            for word in _look_up_words(street_word):
                addresses_by_word[word] = addresses_by_word.get(word, ()) + address_patterns
    return _Rules(names_by_word, addresses_by_word)


def _name_trigger_pattern(language):
    titles = {spelling for title in TITLES[language] for spelling in _title_spellings(title)}
    phrases = _any_of(NAME_PHRASES[language], may_be_abbreviated=False)
    trigger_word = f"(?:{phrases}|{_any_of(titles, ignore_case=False)})"
    # Titles may follow each other ("آقای دکتر احمدی", "my name is Dr Smith").
    return re.compile(
        rf"(?<!\w)(?P<trigger>{trigger_word}(?:\s+{trigger_word}){{0,3}})"
        rf"{BEFORE_NAME}(?P<first>{WORD})"
    )


def _address_patterns(language):
    street_word = rf"(?<!\w){_any_of(STREET_WORDS[language])}"
    number = rf"(?<!\w){HOUSE_NUMBER}"
    if language == "en":
        # "221B Baker Street", "12 main street"; "3 friends on this street" is no address.
        name = rf"(?:(?:{CAPITALISED_WORD}{SPACE}+){{1,3}}|{WORD}{SPACE}+)"
        return (rf"{number}{SPACE}+{name}{street_word}",)
    if language in UNCASED_LANGUAGES:
        name, name_after = ARABIC_SCRIPT_STREET_NAME, ARABIC_SCRIPT_NAME_AFTER_STREET_WORD
    else:
        name, name_after = STREET_NAME, NAME_AFTER_STREET_WORD
    return (
        # "Calle Mayor 5", "ул. Ленина, д. 5", "Jalan Sudirman No. 5", "کوچه ۵".
        rf"{street_word}{SPACE}*(?:{name}{SPACE}*)?[,،]?{SPACE}*"
        rf"(?:{HOUSE_NUMBER_WORD}{SPACE}*)?{HOUSE_NUMBER}(?!\d){MORE_NUMBERS}",
        # "12 rue de la Paix", "12, rue Victor Hugo", "12 bis rue…".
        rf"{number}{SPACE}*,?{SPACE}*(?:(?i:bis|ter){SPACE}+)?{street_word}{SPACE}*{name_after}",
    )


RULES = {language: _compile_rules(dict.fromkeys((language, "en"))) for language in LANGUAGES}
EVERY_LANGUAGE = _compile_rules(LANGUAGES)
