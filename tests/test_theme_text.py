"""Free text matched on stems across spellings, in each language, the same every time."""

import pytest

from consult.coding.rules import find_phrases
from consult.coding.text import normalise, stems, words


@pytest.mark.parametrize(
    ("language", "keyword", "text", "found"),
    [
        ("fr", "seringue", "Il faut des seringues propres !", "seringues"),
        ("es", "jeringa", "Necesitamos jeringas limpias.", "jeringas"),
        ("pt", "seringa", "Faltam seringas no posto.", "seringas"),
        ("ru", "шприц", "Не хватает чистых шприцев.", "шприцев"),
        ("en", "syringe", "Clean syringes every week", "syringes"),
        ("id", "jarum suntik", "Kami butuh jarum suntik steril.", "jarum suntik"),
        # Harakat and tatweel as members may type them; the keyword has neither.
        ("ar", "ابر", "نحتاج إلى إبَرٍ نظيفة", "إبَرٍ"),
        ("ar", "الشرطة", "الشـــرطة اعتقلتنا", "الشـــرطة"),
        # "and the prison": the conjunction joined to the article.
        ("ar", "سجن", "الخوف من الشرطة والسجن", "والسجن"),
        # Farsi typed with an Arabic keyboard's yeh; a zero-width non-joiner before a suffix.
        ("fa", "پلیس", "پليس ما را گرفت", "پليس"),
        ("fa", "سرنگ", "سرنگ‌های تمیز می‌خواهیم", "سرنگ"),
        # Arabic punctuation with no space after it, and a question mark.
        ("ar", "الشرطة", "السجن،الشرطة؟", "الشرطة"),
        # The lam-alef ligature as some keyboards type it (NFKC gives لا).
        ("ar", "لاجئ", "ﻻجئ في المدينة", "ﻻجئ"),
        # A dose in Arabic-Indic digits written against its unit, before the word.
        ("ar", "ميثادون", "٣٠ملغ ميثادون يوميا", "ميثادون"),
    ],
)
def test_a_keyword_finds_its_other_forms(language, keyword, text, found):
    spans = find_phrases(text, language, [keyword])[keyword]
    assert [text[start:end] for start, end in spans] == [found]


def test_accents_that_stemmers_need_are_kept():
    assert normalise("Dépénalisation", "fr") == "dépénalisation"
    assert stems("dépénalisation", "fr") == stems("dépénaliser", "fr")
    assert normalise("Ёлка", "ru") == "елка"


def test_a_phrase_needs_its_words_together_and_in_order():
    text = "the needle exchange closed; exchange of needles is needed"
    spans = find_phrases(text, "en", ["needle exchange"])["needle exchange"]
    assert [text[start:end] for start, end in spans] == ["needle exchange"]
    assert find_phrases("exchange needle", "en", ["needle exchange"]) == {}


def test_the_same_text_gives_the_same_words_every_time():
    text = "Police stopped us, policing is violence"
    assert words(text, "en") == words(text, "en")
    assert [w.stem for w in words(text, "en")] == [
        "polic",
        "stop",
        "us",
        "polic",
        "is",
        "violenc",
    ]


def test_positions_point_into_the_original_text():
    text = "«Naloxone» sauve des vies"
    ((start, end),) = find_phrases(text, "fr", ["naloxone"])["naloxone"]
    assert text[start:end] == "Naloxone"
