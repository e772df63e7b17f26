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

import phonenumbers

REMOVED = "[removed]"
KINDS = ("name", "phone", "email", "url", "address", "identifier")
LANGUAGES = ("en", "fr", "es", "pt", "ru", "ar", "fa", "id")
#: Written without capital letters, so a name cannot be told from other words by its case.
UNCASED_LANGUAGES = frozenset({"ar", "fa"})


@dataclass(frozen=True)
class Scrubbed:
    """A text with every identifier replaced by REMOVED, and the kinds found in it."""

    text: str
    kinds: tuple[str, ...]


# Words each language puts before a name: titles, and phrases such as "my name is".

TITLES = {
    "en": ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"),
    "fr": ("M.", "Mme", "Mlle", "Monsieur", "Madame", "Dr"),
    "es": ("Sr", "Sra", "Srta", "Don", "Doña", "Dr", "Dra"),
    "pt": ("Sr", "Sra", "Senhor", "Senhora", "Dona", "Dr", "Dra"),
    "ru": ("господин", "госпожа", "г-н", "г-жа"),
    "ar": ("السيد", "السيدة", "الدكتور", "الدكتورة"),
    "fa": ("آقای", "خانم", "دکتر"),
    "id": ("Pak", "Bu", "Bapak", "Ibu", "Dr"),
}
#: Titles that are also everyday words ("I miss you", "la dona de casa", "ibu saya" = my
#: mother): they count as a title only when the title or the word after it is capitalised.
EVERYDAY_WORD_TITLES = frozenset(
    {"miss", "m.", "monsieur", "madame", "don", "dona", "senhor", "senhora"}
    | {"pak", "bu", "bapak", "ibu"}
)
NAME_PHRASES = {
    "en": (
        "my name is",
        "my name's",
        "his name is",
        "her name is",
        "their name is",
        "I am called",
        "I'm called",
        "called",
        "named",
    ),
    "fr": ("je m'appelle", "il s'appelle", "elle s'appelle", "on l'appelle", "mon nom est"),
    "es": ("me llamo", "se llama", "mi nombre es", "su nombre es"),
    "pt": ("meu nome é", "chamo-me", "me chamo", "se chama", "o nome dele é", "o nome dela é"),
    "ru": ("меня зовут", "его зовут", "её зовут", "ее зовут", "моё имя", "мое имя"),
    "ar": ("اسمي", "اسمه", "اسمها"),
    "fa": ("نام من", "اسم من", "اسمم", "نامم", "اسمش", "نامش"),
    "id": ("nama saya", "nama aku", "namaku", "namanya"),
}
#: "called" and "named" are ordinary verbs too: "I called the hotline" keeps "the".
LOOSE_PHRASES = frozenset({"called", "named"})
ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an my your his her its our their me you him them us it this that these those "
    "back out up off in on for to at by from with and or but so as again someone somebody "
    "everyone people police names".split()
)
#: After a title or "my name is" in Arabic script the next word is removed, and the one after
#: it too unless it is one of these: with no capitals, a given name followed by a father's or
#: family name cannot be told from a name followed by an ordinary word, so both go.
ARABIC_SCRIPT_FUNCTION_WORDS = (
    "و في من الى إلى عن مع أنا انا هو هي كان قال الذي التي لكن ثم او أو لا ما هذا هذه "
    "در از به با که را است هست هستم هستش بود من او اما ولی هم این آن نیست"
).split()

# Street words of each language; a house number next to one makes an address.

STREET_WORDS = {
    "en": ("street", "st", "road", "rd", "avenue", "ave", "lane"),
    "fr": ("rue", "avenue", "boulevard", "bd"),
    "es": ("calle", "c/", "avenida", "av", "avda"),
    "pt": ("rua", "avenida", "av"),
    "ru": (
        *("улица", "улице", "улицу", "улицы", "улицей", "ул"),
        *("проспект", "проспекте", "проспекта", "пр-т", "переулок", "переулке", "переулка"),
    ),
    "ar": ("شارع",),
    "fa": ("خیابان", "کوچه"),
    "id": ("jalan", "jl", "jln", "gang", "gg"),
}
#: Words written between a street's name and its number ("No. 5", "д. 5", "پلاک ۱۲").
HOUSE_NUMBER_WORDS = (
    *("no", "nº", "n°", "núm", "num", "número", "nomor", "д", "дом", "кв", "#", "№"),
    *("پلاک", "رقم"),
)
#: Lowercase words inside street names ("rue de la Paix", "Rua das Flores").
STREET_NAME_PARTICLES = (
    *("de", "del", "la", "le", "les", "los", "las", "el", "du", "des"),
    *("da", "das", "do", "dos", "di", "e", "y", "van", "von"),
)

# Capitalised words kept in Latin and Cyrillic text (names are found by their capital).

ENGLISH_CALENDAR_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december"
).split()
ALLOWED_CAPITALISED = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", *ENGLISH_CALENDAR_WORDS}
    # Terms of the field written with a capital but not in capitals.
    | {"covid", "prep"}
    # Titles stay, so that "Dr [removed]" still reads; "Don" is also a given name.
    | {title.casefold().rstrip(".") for titles in TITLES.values() for title in titles}
) - {"don"}
#: Words followed by a full stop that does not end a sentence: "Mr. Smith", "J. Smith".
ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "dra", "sr", "sra", "srta", "mme", "mlle", "st", "no", "av"}
    | {"ave", "rd", "bd", "jl", "jln", "gg", "ул", "д", "г"}
)
#: Letter-digit codes that are not identifiers.
HARMLESS_CODES = frozenset({"covid-19", "covid19"})

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
    """The compiled rules of one or more languages, each under the words (see ``_words``)
    without which it cannot match: the longest word of each title and name phrase, and each
    street word. A pattern runs only on texts that have one of its words."""

    names_by_word: dict[str, tuple[re.Pattern, ...]]
    addresses_by_word: dict[str, tuple[re.Pattern, ...]]


def _words(text):
    """The set of words of ``text``, casefolded; in Arabic script without harakat and in one
    form of each letter."""
    text = text.casefold()
    if ARABIC_SCRIPT.search(text):
        text = ARABIC_MARKS.sub("", text).translate(ONE_LETTER_FORM)
    return set(WORD_OR_NUMBER.findall(text))


def _look_up_words(entry):
    """The longest word of a title, phrase or street word, also with و, ف, ب or ل joined to
    it if it is in Arabic script."""
    word = max(sorted(_words(entry)), key=len)
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


def scrub(text: str, language: str | None = None) -> Scrubbed:
    """``text`` with every identifier replaced by REMOVED, and the kinds found.

    ``language`` picks the rules for titles, "my name is" phrases and street words: that
    language's and English's (quoted English is common in every language of the network).
    None or another code applies every language's. The other rules are the same everywhere.
    """
    rules = _rules_for(language)
    words = _words(text)
    removed = bytearray(len(text))  # 1 for each character to remove
    kinds = set()
    # The more specific rules go first: digits in a URL are part of the URL, not a phone.
    finders = (
        ("email", _emails(text)),
        ("url", _urls(text)),
        ("phone", _phones(text)),
        ("address", _addresses(text, words, rules)),
        ("identifier", _identifiers(text)),
        ("name", _names_after_triggers(text, words, rules)),
        ("name", _capitalised_names(text)),
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


def _emails(text):
    if "@" in text:
        for match in EMAIL.finditer(text):
            yield match.span()


def _urls(text):
    patterns = []
    if "://" in text:
        patterns.append(URL_WITH_SCHEME)
    if DOT_BEFORE_WORD.search(text):
        patterns += [WWW_URL, BARE_DOMAIN]
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in AFTER_URL:
                end -= 1
            yield start, end
    if "@" in text:
        for match in SOCIAL_HANDLE.finditer(text):
            yield match.span()


def _phones(text):
    if "+" in text or "＋" in text:
        # Without a region the library finds only international numbers, which is what a
        # global network needs; POSSIBLE rather than VALID keeps numbers it has no data for.
        matcher = phonenumbers.PhoneNumberMatcher(
            text, None, leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            yield match.start, match.end
    if ANY_DIGIT.search(text):
        for match in PHONE_RUN.finditer(text):
            if not _is_date_or_years(match.group()):
                yield match.span()


def _is_date_or_years(number):
    """True for dates and years, which are not phone numbers: "12.03.2023", "2015-2020"."""
    if DATE.fullmatch(number):
        return True
    groups = DIGITS.findall(number)
    return len(groups) > 1 and all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups)


def _identifiers(text):
    if not ANY_DIGIT.search(text):
        return
    for match in LONG_NUMBER.finditer(text):
        yield match.span()
    for match in TOKEN_WITH_DIGIT_AND_LETTER.finditer(text):
        if _is_code(match.group()):
            yield match.span()


def _is_code(token):
    """A passport, case or plate number: letters and digits mixed. At least two digits,
    so drug names such as "1P-LSD" or "5-MeO-DMT" stay."""
    if len(token) < 6 or sum(character.isdigit() for character in token) < 2:
        return False
    return not MEASUREMENT.fullmatch(token) and token.casefold() not in HARMLESS_CODES


def _patterns_for(words, patterns_by_word):
    """The patterns of ``words``, each once, in a fixed order."""
    listed = sorted(words & patterns_by_word.keys())
    return dict.fromkeys(pattern for word in listed for pattern in patterns_by_word[word])


def _addresses(text, words, rules):
    """Addresses in the languages of the street words in ``text``; each has a number."""
    if ANY_DIGIT.search(text):
        for pattern in _patterns_for(words, rules.addresses_by_word):
            for match in pattern.finditer(text):
                yield match.span()


def _names_after_triggers(text, words, rules):
    """The word after a title or "my name is", and the next word when it continues the name."""
    matches = (
        match
        for pattern in _patterns_for(words, rules.names_by_word)
        for match in pattern.finditer(text)
    )
    for match in matches:
        trigger, first = match.group("trigger"), match.group("first")
        folded = trigger.casefold()
        if folded in EVERYDAY_WORD_TITLES and not (trigger[0].isupper() or first[0].isupper()):
            continue
        if folded in LOOSE_PHRASES and first.casefold() in ENGLISH_FUNCTION_WORDS:
            continue
        end = match.end()
        second = NEXT_WORD.match(text, end)
        if second and _continues_name(second.group("word")):
            end = second.end()
        yield match.start("first"), end


def _continues_name(word):
    if word[0].isupper():
        return True  # a capitalised surname
    if word[0].islower():
        return False  # a lowercase word ends a name in Latin and Cyrillic script
    return not ARABIC_SCRIPT_FUNCTION_WORD.fullmatch(word)


def _capitalised_names(text):
    for match in CAPITALISED.finditer(text):
        if _is_name_like(match.group()) and not _starts_sentence(text, match.start()):
            yield match.span()


def _is_name_like(word):
    """True unless every capitalised part of ``word`` is an acronym or an allowed word
    ("HIV-positive" and "NGO's" stay, "Jean-Pierre" goes)."""
    for part in word.replace("’", "'").split("-"):
        if part.endswith("'s"):
            part = part[:-2]
        if not part or not part[0].isupper():
            continue
        is_acronym = part.isupper() or (len(part) > 2 and part[-1] == "s" and part[:-1].isupper())
        if not is_acronym and part.casefold() not in ALLOWED_CAPITALISED:
            return True
    return False


def _starts_sentence(text, start):
    """True if the word at ``start`` begins the text, a line or a sentence (quotes, brackets,
    dashes, bullets and emoji before it do not count)."""
    for position in range(start - 1, -1, -1):
        character = text[position]
        if character in LINE_BREAKS:
            return True
        if character in SENTENCE_ENDS:
            return character != "." or not _ends_abbreviation(text, position)
        if character.isalnum() or character in CLAUSE_MARKS:
            return False
    return True


def _ends_abbreviation(text, full_stop):
    """True if the full stop at ``full_stop`` ends "Mr", "ул" or an initial such as "J"."""
    before = LAST_WORD.search(text[max(0, full_stop - 12) : full_stop])
    if before is None:
        return False
    word = before.group()
    return word.casefold() in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
