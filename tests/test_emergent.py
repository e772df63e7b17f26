"""Emergent themes: groups nobody anticipated among uncoded answers, in each language, the
same every time and whatever order the answers come in."""

import random

import pytest

from consult.coding.emergent import STOP_WORDS, Suggestion, default_groups, emergent_themes
from consult.coding.text import stems

# Six answers about housing, then six about methadone, in each language. Each topic word is
# in at least 2 answers and at most half of them, so it stays in the vocabulary.
TOPICS = {
    "en": (
        ("rent", "eviction", "landlord"),
        [
            "The landlord raised the rent again and we face eviction next month.",
            "After my eviction I slept outside; no landlord will rent to people like us.",
            "Rent is too high, and the landlord threatens eviction when we are late.",
            "We need housing first: stable housing before anything else, without eviction.",
            "Public housing waiting lists are years long and the rent keeps rising.",
            "My landlord found my needles and started the eviction the same week.",
        ],
        ("methadone", "clinic", "dose"),
        [
            "The methadone clinic cut my dose without asking me.",
            "Getting to the clinic every morning for methadone is hard when you work.",
            "My methadone dose is too low and the clinic staff will not listen.",
            "Take-home doses of methadone would let us keep our jobs.",
            "The clinic closes at noon, so many miss their dose.",
            "Staff at the methadone clinic treat us with contempt; a dose is not a favour.",
        ],
    ),
    "fr": (
        ("loyer", "expulsion", "propriétaire"),
        [
            "Le propriétaire a augmenté le loyer et nous menace d'expulsion.",
            "Après mon expulsion, aucun propriétaire ne veut me louer un logement.",
            "Le loyer est trop cher pour un logement aussi petit.",
            "On vit dans la peur de l'expulsion, le loyer passe avant la nourriture.",
            "Il faut un logement stable d'abord : sans logement, rien ne tient.",
            "Le propriétaire a trouvé mes seringues et a lancé l'expulsion.",
        ],
        ("méthadone", "clinique", "dose"),
        [
            "La clinique de méthadone a baissé ma dose sans me demander.",
            "Aller à la clinique chaque matin pour la méthadone, c'est impossible.",
            "Ma dose de méthadone est trop faible et personne à la clinique n'écoute.",
            "Des doses de méthadone à emporter nous permettraient de garder un emploi.",
            "La clinique ferme à midi, beaucoup ratent leur dose.",
            "Le personnel de la clinique de méthadone nous méprise ; une dose, pas une faveur.",
        ],
    ),
    "ru": (
        ("аренда", "выселение", "хозяин"),
        [
            "Хозяин квартиры поднял аренду, и нам грозит выселение.",
            "После выселения ни один хозяин не хочет сдавать жильё таким, как мы.",
            "Аренда слишком дорогая, а хозяин угрожает выселением за каждую задержку.",
            "Нужно сначала жильё: без жилья нет ни здоровья, ни покоя.",
            "Очереди на социальное жильё длятся годами, а аренда растёт.",
            "Хозяин нашёл мои шприцы и в ту же неделю начал выселение.",
        ],
        ("метадон", "клиника", "доза"),
        [
            "Клиника снизила мне дозу метадона, не спросив меня.",
            "Ездить в клинику каждое утро за метадоном трудно, если работаешь.",
            "Доза метадона слишком маленькая, а в клинике никто не слушает.",
            "Дозы метадона на дом позволили бы нам сохранить работу.",
            "Клиника закрывается в полдень, и многие пропускают дозу.",
            "Персонал клиники метадона нас презирает, доза — это не милость.",
        ],
    ),
    "ar": (
        ("الإيجار", "الطرد", "المالك"),
        [
            "رفع المالك الإيجار مرة أخرى ونحن نواجه الطرد الشهر القادم.",
            "بعد الطرد لا يقبل المالك أن يؤجر لنا.",
            "الإيجار غال جدا والمالك يهدد بالطرد عند كل تأخير.",
            "نحتاج السكن أولا، فبدون السكن لا شيء يستقر.",
            "قوائم انتظار السكن طويلة والإيجار يرتفع كل سنة.",
            "وجد المالك الحقن عندي وبدأ الطرد في نفس الأسبوع.",
        ],
        ("الميثادون", "العيادة", "الجرعة"),
        [
            "خفضت العيادة الجرعة من الميثادون دون أن تسألني.",
            "الذهاب إلى العيادة كل صباح للحصول على الميثادون صعب على من يعمل.",
            "الجرعة من الميثادون منخفضة جدا ولا أحد في العيادة يستمع.",
            "أخذ الميثادون إلى البيت سيسمح لنا بالاحتفاظ بعملنا.",
            "تغلق العيادة عند الظهر، فيفوت الكثيرون الجرعة.",
            "موظفو العيادة يحتقروننا، والجرعة ليست منة.",
        ],
    ),
}


def topic_answers(language):
    """[(key, text, language)]: the housing answers are numbered 0-5, methadone 6-11."""
    _, housing, _, methadone = TOPICS[language]
    return [((language, number), text, language) for number, text in enumerate(housing + methadone)]


def all_answers():
    return [answer for language in TOPICS for answer in topic_answers(language)]


def term_stems(suggestion):
    return {stem for term in suggestion.terms for stem in stems(term, suggestion.language)}


@pytest.mark.parametrize("language", list(TOPICS))
def test_two_obvious_topics_come_out_as_two_groups(language):
    housing_words, _, methadone_words, _ = TOPICS[language]
    found = emergent_themes(topic_answers(language))
    assert len(found) == 2  # the default for 12 answers
    assert sum(suggestion.size for suggestion in found) == 12
    for topic_words, numbers in ((housing_words, range(0, 6)), (methadone_words, range(6, 12))):
        wanted = {stem for word in topic_words for stem in stems(word, language)}
        (group,) = [suggestion for suggestion in found if wanted <= term_stems(suggestion)]
        assert group.language == language
        assert len(group.terms) <= 8
        assert 0 < len(group.examples) <= 5
        assert {number for _, number in group.examples} <= set(numbers)


def test_the_same_answers_give_the_same_suggestions_in_any_order():
    answers = all_answers()
    first = emergent_themes(answers)
    assert first == emergent_themes(answers)
    shuffled = list(answers)
    random.Random(7).shuffle(shuffled)
    assert emergent_themes(iter(shuffled)) == first
    assert emergent_themes(list(reversed(answers))) == first


def test_suggestions_come_by_language_then_largest_first():
    answers = all_answers() + [(("es", n), "texto", "es") for n in range(3)]
    found = emergent_themes(reversed(answers), groups=3)
    languages = [suggestion.language for suggestion in found]
    assert list(dict.fromkeys(languages)) == ["en", "fr", "ru", "ar"]
    for language in TOPICS:
        sizes = [suggestion.size for suggestion in found if suggestion.language == language]
        assert sizes == sorted(sizes, reverse=True)
        assert 0 not in sizes
    assert all(isinstance(suggestion, Suggestion) for suggestion in found)


def test_terms_are_readable_words_never_stop_words():
    # "my" is in 4 of the 12 English answers, often enough to be a term: only the stop
    # words keep it out.
    english_texts = [text.lower().split() for _, text, _ in topic_answers("en")]
    assert sum("my" in text for text in english_texts) == 4
    found = emergent_themes(all_answers(), terms=100)  # every term a group weighs at all
    assert found
    for suggestion in found:
        language = suggestion.language
        stop_stems = {stem for word in STOP_WORDS[language] for stem in stems(word, language)}
        for term in suggestion.terms:
            assert term not in STOP_WORDS[language]
            assert not set(stems(term, language)) & stop_stems
            assert len(stems(term, language)[0]) > 1
    english = [suggestion for suggestion in found if suggestion.language == "en"]
    # "doses" and "dose" share a stem; the word written more often is shown.
    assert any("dose" in suggestion.terms for suggestion in english)
    assert not any("doses" in suggestion.terms for suggestion in english)


def test_a_language_under_the_minimum_gives_nothing():
    short = topic_answers("fr")[:9] + [(("fr", 99), "   ", "fr")]  # blank answers do not count
    found = emergent_themes(topic_answers("en") + short, min_answers=10)
    assert {suggestion.language for suggestion in found} == {"en"}
    assert emergent_themes(short, min_answers=10) == []
    assert emergent_themes(short, min_answers=9)


def test_too_few_shared_terms_are_skipped_quietly():
    unrelated = [(("en", n), f"word{n} other{n}", "en") for n in range(12)]
    everywhere = [(("en", n), "the same answer", "en") for n in range(12)]
    assert emergent_themes(unrelated) == []
    assert emergent_themes(everywhere) == []


def test_progress_is_reported_after_each_language_with_enough_answers():
    calls = []
    few = [(("id", n), "jarum suntik bersih", "id") for n in range(3)]
    emergent_themes(all_answers() + few, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_no_answers_give_no_suggestions():
    assert emergent_themes([]) == []
    assert emergent_themes([(("en", 1), "", "en"), (("en", 2), None, "en")]) == []


@pytest.mark.parametrize(
    ("count", "groups"), [(10, 2), (125, 2), (126, 3), (500, 5), (1805, 10), (100_000, 10)]
)
def test_the_default_number_of_groups_grows_slowly_with_the_answers(count, groups):
    assert default_groups(count) == groups


def test_the_number_of_groups_can_be_chosen_but_not_beyond_the_rank():
    found = emergent_themes(topic_answers("en"), groups=50, examples=2, terms=3)
    assert 2 <= len(found) <= 12
    assert all(len(suggestion.examples) <= 2 and len(suggestion.terms) <= 3 for suggestion in found)
    with pytest.raises(ValueError):
        emergent_themes(topic_answers("en"), groups=0)
