"""The starter codebook is complete in every language, consistent, and matchable as written;
its file is a codebook file as staff import it."""

import re

import pytest

from consult.codebooks.starter import STRATEGIC_DIRECTIONS, starter_definition
from consult.config import LANGUAGES

DEFINITION = starter_definition()
THEMES = DEFINITION["themes"]

FIELDS = {
    "code",
    "parent",
    "name",
    "definition",
    "include",
    "exclude",
    "keywords",
    "strategic_direction",
}
TEXT_FIELDS = ("name", "definition", "include", "exclude")
REQUIRED_CODES = {
    "decriminalisation",
    "police",
    "harm_reduction",
    "overdose",
    "hiv_hepatitis_tb",
    "stigma_health_care",
    "women",
    "prisons",
    "funding",
    "housing_income",
}
ARABIC_MARKS = re.compile("[\u064b-\u0652\u0640]")  # harakat and tatweel
BY_CODE = {theme["code"]: theme for theme in THEMES}


def themes_with(keyword, language):
    return {theme["code"] for theme in THEMES if keyword in theme["keywords"][language]}


def all_keywords():
    return [
        (theme["code"], language, keyword)
        for theme in THEMES
        for language, keywords in theme["keywords"].items()
        for keyword in keywords
    ]


def test_the_file_is_a_codebook_file_of_the_twelve_themes_in_their_order():
    assert (DEFINITION["format"], DEFINITION["code"]) == ("consult-codebook/1", "starter")
    assert DEFINITION["name"] == {"en": "Starter codebook"}
    assert [theme["code"] for theme in THEMES] == [
        "decriminalisation",
        "police",
        "harm_reduction",
        "overdose",
        "hiv_hepatitis_tb",
        "stigma_health_care",
        "women",
        "prisons",
        "death_penalty",
        "funding",
        "housing_income",
        "meaningful_involvement",
    ]


def test_known_texts_and_keywords_read_from_the_file_as_written():
    """A few values as the Python data had them before they became a file: names in
    Latin, Arabic and Persian script (with its zero-width non-joiner), a keyword of digits,
    keyword order, parents and directions."""
    decriminalisation, overdose = BY_CODE["decriminalisation"], BY_CODE["overdose"]
    assert decriminalisation["name"]["fr"] == "Décriminalisation et réforme des lois"
    assert decriminalisation["name"]["ar"] == "إلغاء التجريم وإصلاح القوانين"
    assert decriminalisation["name"]["fa"] == "جرم\u200cزدایی و اصلاح قوانین"
    assert "228" in decriminalisation["keywords"]["ru"]
    assert decriminalisation["keywords"]["en"][:3] == [
        "decriminalisation",
        "decriminalization",
        "legalisation",
    ]
    assert overdose["name"]["id"] == "Overdosis dan nalokson"
    assert overdose["keywords"]["fr"][:6] == [
        "overdose",
        "overdoses",
        "surdose",
        "surdoses",
        "od",
        "naloxone",
    ]
    assert (overdose["parent"], overdose["strategic_direction"]) == (
        "harm_reduction",
        "Programming and Technical Support",
    )
    assert BY_CODE["meaningful_involvement"]["strategic_direction"] == "Network Development"


def test_the_required_themes_and_at_most_three_more():
    assert REQUIRED_CODES <= set(BY_CODE)
    assert len(THEMES) <= len(REQUIRED_CODES) + 3


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme["code"])
def test_every_theme_has_every_field(theme):
    assert set(theme) == FIELDS


def test_codes_are_unique_ascii_identifiers():
    codes = [theme["code"] for theme in THEMES]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert code.isascii() and re.fullmatch(r"[a-z][a-z0-9_]*", code), code


def test_parents_are_other_existing_themes_without_cycles():
    for theme in THEMES:
        seen = {theme["code"]}
        parent = theme["parent"]
        while parent is not None:
            assert parent in BY_CODE, f"{theme['code']}: unknown parent {parent!r}"
            assert parent not in seen, f"{theme['code']}: parent cycle"
            seen.add(parent)
            parent = BY_CODE[parent]["parent"]


def test_each_theme_maps_to_a_strategic_direction_of_the_plan():
    for theme in THEMES:
        assert theme["strategic_direction"] in STRATEGIC_DIRECTIONS, theme["code"]


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_texts_are_written_in_every_language(field):
    for theme in THEMES:
        texts = theme[field]
        assert set(texts) == set(LANGUAGES), (theme["code"], field)
        for language, text in texts.items():
            where = (theme["code"], field, language)
            assert isinstance(text, str) and text.strip(), where
            assert text == text.strip() and "  " not in text, where
            if language != "en":
                assert text != texts["en"], f"{where}: not translated"


def test_each_exclude_note_names_another_theme_as_named_in_its_language():
    for theme in THEMES:
        for language in LANGUAGES:
            others = [t["name"][language] for t in THEMES if t is not theme]
            note = theme["exclude"][language]
            assert any(name in note for name in others), (theme["code"], language)


def test_texts_use_people_first_language():
    """Words that label people by their drug use stay out of what the codebook says; members
    may still write them, so a few are keywords of the stigma theme (below)."""
    labels = {
        "en": ("addict", "junkie", "abuser"),
        "fr": ("toxicoman", "toxico ", "drogué"),
        "es": ("adict", "drogadict"),
        "pt": ("viciad", "drogad", "dependente químico"),
        "ru": ("наркоман", "нарик"),
        "ar": ("مدمن", "إدمان"),
        "fa": ("معتاد", "اعتیاد"),
        "id": ("pecandu", "pemadat"),
    }
    for theme in THEMES:
        for field in TEXT_FIELDS:
            for language, words in labels.items():
                text = theme[field][language].casefold()
                for word in words:
                    assert word not in text, (theme["code"], field, language, word)


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme["code"])
def test_keywords_in_every_language_6_to_15_each(theme):
    keywords = theme["keywords"]
    assert set(keywords) == set(LANGUAGES)
    for language, words in keywords.items():
        assert isinstance(words, list), (theme["code"], language)
        assert 6 <= len(words) <= 15, (theme["code"], language, len(words))


def test_keywords_are_lower_case_stripped_short_and_not_repeated():
    for theme in THEMES:
        for language, words in theme["keywords"].items():
            where = (theme["code"], language)
            assert len(words) == len(set(words)), f"{where}: duplicate keyword"
            for word in words:
                assert isinstance(word, str) and word, where
                assert word == word.strip() and "  " not in word, (where, word)
                assert word == word.lower(), (where, word)
                assert 1 <= len(word.split()) <= 3, (where, word)


def test_arabic_and_farsi_keywords_have_no_harakat_or_tatweel():
    for code, language, keyword in all_keywords():
        if language in ("ar", "fa"):
            assert not ARABIC_MARKS.search(keyword), (code, language, keyword)


def test_a_keyword_belongs_to_one_theme_unless_listed_here():
    shared = set()  # (language, keyword) that truly belongs to two themes
    for code, language, keyword in all_keywords():
        if (language, keyword) not in shared:
            assert themes_with(keyword, language) == {code}, (language, keyword)


def test_no_keyword_is_so_generic_it_would_match_most_answers():
    generic = {
        # "works" (for injecting equipment) is listed on purpose: stemmed, it is "work",
        # and would tag every answer about jobs or sex work.
        "en": {"drug", "drugs", "people", "use", "using", "help", "work", "works", "service"},
        "fr": {"drogue", "drogues", "personnes", "usage", "consommation", "aide", "service"},
        "es": {"droga", "drogas", "personas", "uso", "consumo", "ayuda", "servicio"},
        "pt": {"droga", "drogas", "pessoas", "uso", "consumo", "ajuda", "serviço"},
        "ru": {"наркотики", "люди", "употребление", "помощь", "услуги"},
        "ar": {"المخدرات", "مخدرات", "الناس", "تعاطي", "مساعدة", "خدمات"},
        "fa": {"مواد", "مواد مخدر", "مصرف", "افراد", "کمک", "خدمات"},
        "id": {"narkoba", "napza", "orang", "pakai", "bantuan", "layanan"},
    }
    for code, language, keyword in all_keywords():
        assert keyword not in generic[language], (code, language, keyword)


def test_words_members_use_as_labels_are_keywords_of_the_stigma_theme_only():
    labels = {
        "en": {"junkie", "junkies", "addict", "addicts"},
        "fr": {"toxico", "toxicomane", "camé", "tox"},
        "es": {"drogadicto", "yonqui", "tecato", "falopero", "adicto"},
        "pt": {"noia", "nóia", "cracudo", "drogado", "viciado"},
        "ru": {"нарик", "торчок", "наркоман", "наркоманы"},
        "ar": {"مدمن", "مدمنين"},
        "fa": {"معتاد", "معتادان"},
        "id": {"sampah masyarakat", "pecandu"},
    }
    for code, language, keyword in all_keywords():
        if keyword in labels[language]:
            assert code == "stigma_health_care", (code, language, keyword)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["syringe", "syringes", "needle", "needles", "clean works"]),
        ("fr", ["seringue", "seringues", "aiguille"]),
        ("es", ["jeringa", "jeringas", "aguja"]),
        ("pt", ["seringa", "agulha"]),
        ("ru", ["шприц", "шприцы", "игла"]),
        ("ar", ["حقنة", "إبر", "محاقن"]),
        ("fa", ["سرنگ"]),
        ("id", ["jarum suntik", "jarum"]),
    ],
)
def test_the_words_for_syringes_are_harm_reduction_keywords(language, words):
    for word in words:
        assert themes_with(word, language) == {"harm_reduction"}, (language, word)


def test_a_syringe_is_the_same_theme_in_french_spanish_and_russian():
    assert (
        themes_with("seringue", "fr") == themes_with("jeringa", "es") == themes_with("шприц", "ru")
    )
    assert len(themes_with("seringue", "fr")) == 1


def test_naloxone_is_under_overdose_which_sits_under_harm_reduction():
    assert themes_with("naloxone", "en") == {"overdose"}
    assert BY_CODE["overdose"]["parent"] == "harm_reduction"
