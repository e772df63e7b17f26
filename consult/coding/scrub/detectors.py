"""Where each kind of identifier is in a text: each finder yields the (start, end) of what it
would remove, using the patterns of scrub.patterns; scrub() joins them."""

import phonenumbers

from .patterns import (
    AFTER_URL,
    ANY_DIGIT,
    ARABIC_SCRIPT_FUNCTION_WORD,
    BARE_DOMAIN,
    CAPITALISED,
    CLAUSE_MARKS,
    DATE,
    DIGITS,
    DOT_BEFORE_WORD,
    EMAIL,
    LAST_WORD,
    LINE_BREAKS,
    LONG_NUMBER,
    MEASUREMENT,
    NEXT_WORD,
    PHONE_RUN,
    SENTENCE_ENDS,
    SOCIAL_HANDLE,
    TOKEN_WITH_DIGIT_AND_LETTER,
    URL_WITH_SCHEME,
    WWW_URL,
)
from .words import (
    ABBREVIATIONS,
    ALLOWED_CAPITALISED,
    ENGLISH_FUNCTION_WORDS,
    EVERYDAY_WORD_TITLES,
    HARMLESS_CODES,
    LOOSE_PHRASES,
)


def emails(text):
    if "@" in text:
        for match in EMAIL.finditer(text):
            yield match.span()


def urls(text):
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


def phones(text):
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


def identifiers(text):
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


def addresses(text, words, rules):
    """Addresses in the languages of the street words in ``text``; each has a number."""
    if ANY_DIGIT.search(text):
        for pattern in _patterns_for(words, rules.addresses_by_word):
            for match in pattern.finditer(text):
                yield match.span()


def names_after_triggers(text, words, rules):
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


def capitalised_names(text):
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
