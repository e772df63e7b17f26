"""Scrubbing identifiers out of quotes: every kind in several languages, what must stay
(acronyms, years, ages, percentages, text with nothing to remove), and odd input."""

import pytest

from consult.coding.scrub import KINDS, REMOVED, Scrubbed, scrub


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Call me on +44 7700 900123 tonight", "en", "Call me on [removed] tonight"),
        ("Call me on 020 7946 0958 tonight", "en", "Call me on [removed] tonight"),
        ("Mon numéro : 06 12 34 56 78, merci.", "fr", "Mon numéro : [removed], merci."),
        ("Llámame al 612 345 678 mañana.", "es", "Llámame al [removed] mañana."),
        ("Meu celular é (11) 98765-4321.", "pt", "Meu celular é [removed]."),
        ("Звоните +7 912 345-67-89 вечером", "ru", "Звоните [removed] вечером"),
        ("رقمي ٠٥٠١٢٣٤٥٦٧ اتصل بي", "ar", "رقمي [removed] اتصل بي"),
        ("اتصل على +٩٦٦ ٥٠ ١٢٣ ٤٥٦٧ الآن", "ar", "اتصل على [removed] الآن"),
        ("شماره من ۰۹۱۲ ۳۴۵ ۶۷۸۹ است", "fa", "شماره من [removed] است"),
        ("Hubungi saya di 0812-3456-7890 ya", "id", "Hubungi saya di [removed] ya"),
    ],
)
def test_phone_numbers_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("phone",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Write to jane.doe@example.org today", "en", "Write to [removed] today"),
        ("Écrivez à contact@asso-paris.fr.", "fr", "Écrivez à [removed]."),
        ("Пишите на IVAN.P@MAIL.RU, пожалуйста", "ru", "Пишите на [removed], пожалуйста"),
        ("راسلني على ahmad@example.com", "ar", "راسلني على [removed]"),
    ],
)
def test_email_addresses_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("email",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("See https://example.com/page?id=3).", "en", "See [removed])."),
        ("Visita www.ejemplo.es/ayuda, por favor", "es", "Visita [removed], por favor"),
        ("Acesse exemplo.com.br/ajuda hoje", "pt", "Acesse [removed] hoje"),
        ("Tout est sur bit.ly/abc123 et inpud.net.", "fr", "Tout est sur [removed] et [removed]."),
        ("Пишите в t.me/ivanov_help", "ru", "Пишите в [removed]"),
        ("راسلني على wa.me/966501234567", "ar", "راسلني على [removed]"),
        ("پیج من @ali_tehran است", "fa", "پیج من [removed] است"),
        ("Ikuti @budi_99 ya", "id", "Ikuti [removed] ya"),
    ],
)
def test_urls_and_social_handles_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("url",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("My passport is AB1234567.", "en", "My passport is [removed]."),
        (
            "Numéro de dossier 2023/CR/00451 au tribunal",
            "fr",
            "Numéro de dossier [removed] au tribunal",
        ),
        ("Mi DNI es 12345678Z", "es", "Mi DNI es [removed]"),
        ("Processo nº 12345 na vara", "pt", "Processo nº [removed] na vara"),
        ("Дело № 45123 закрыли", "ru", "Дело № [removed] закрыли"),
        ("رقم القضية ٤٥١٢٣ في المحكمة", "ar", "رقم القضية [removed] في المحكمة"),
        ("شماره پرونده ۴۵۱۲۳ است", "fa", "شماره پرونده [removed] است"),
        ("Nomor kasus PID2023/45 sudah lama", "id", "Nomor kasus [removed] sudah lama"),
    ],
)
def test_identifiers_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("identifier",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("I live at 221B Baker Street now", "en", "I live at [removed] now"),
        ("I live at 12 main street now", "en", "I live at [removed] now"),
        (
            "J'habite au 12 rue de la Paix depuis deux ans.",
            "fr",
            "J'habite au [removed] depuis deux ans.",
        ),
        (
            "Vivo en la Calle Mayor 5, cerca del centro.",
            "es",
            "Vivo en la [removed], cerca del centro.",
        ),
        ("Moro na Rua Augusta 123 há anos.", "pt", "Moro na [removed] há anos."),
        ("Я живу: ул. Ленина, д. 5, кв. 12.", "ru", "Я живу: [removed]."),
        (
            "Saya tinggal di Jalan Sudirman No. 5 sejak lama.",
            "id",
            "Saya tinggal di [removed] sejak lama.",
        ),
        ("أسكن في شارع الحمرا ١٢ منذ سنة", "ar", "أسكن في [removed] منذ سنة"),
        ("من در خیابان آزادی ۱۲ زندگی می‌کنم", "fa", "من در [removed] زندگی می‌کنم"),
        ("خیابان آزادی، کوچه ۵، پلاک ۱۲", "fa", "[removed]"),
    ],
)
def test_street_addresses_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("address",))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Living on the street is common among respondents; a count near it is no address.
        ("Vivo en la calle hace 5 años.", "es"),
        ("I have 3 friends on this street", "en"),
        ("Je dors dans la rue depuis 2 ans.", "fr"),
    ],
)
def test_the_street_without_an_address_stays(text, language):
    assert scrub(text, language) == Scrubbed(text, ())


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("I met Dr Smith yesterday.", "en", "I met Dr [removed] yesterday."),
        ("i talked to dr smith and mrs jones", "en", "i talked to dr [removed] and mrs [removed]"),
        ("J'ai vu M. Dupont et Mme Claire Martin.", "fr", "J'ai vu M. [removed] et Mme [removed]."),
        ("Hablé con el Sr. García ayer.", "es", "Hablé con el Sr. [removed] ayer."),
        ("Falei com a Dona Maria hoje.", "pt", "Falei com a Dona [removed] hoje."),
        ("Вчера пришёл господин петров.", "ru", "Вчера пришёл господин [removed]."),
        ("تحدثت مع السيد أحمد علي في المركز", "ar", "تحدثت مع السيد [removed] في المركز"),
        ("آقای رضایی به من کمک کرد", "fa", "آقای [removed] به من کمک کرد"),
        # No capitals in Arabic script: the word after the name goes too, unless it is a
        # function word such as "به" above (erring on the side of removing).
        ("با آقای دکتر احمدی صحبت کردم", "fa", "با آقای دکتر [removed] کردم"),
        ("Saya bertemu Pak Budi kemarin.", "id", "Saya bertemu Pak [removed] kemarin."),
    ],
)
def test_names_after_a_title_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("name",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("My name is John and I use drugs.", "en", "My name is [removed] and I use drugs."),
        ("a guy called john answered", "en", "a guy called [removed] answered"),
        (
            "Je m'appelle Marie Dubois et je vis ici.",
            "fr",
            "Je m'appelle [removed] et je vis ici.",
        ),
        ("Hola, me llamo Carlos.", "es", "Hola, me llamo [removed]."),
        ("Chamo-me Ana Souza.", "pt", "Chamo-me [removed]."),
        ("Меня зовут Иван Петров.", "ru", "Меня зовут [removed]."),
        ("اسمي أحمد وأنا من القاهرة", "ar", "اسمي [removed] وأنا من القاهرة"),
        ("نام من علی است", "fa", "نام من [removed] است"),
        ("Nama saya budi dan saya sakit.", "id", "Nama saya [removed] dan saya sakit."),
    ],
)
def test_names_after_my_name_is_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("name",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Yesterday I talked to Maria about it.",
            "en",
            "Yesterday I talked to [removed] about it.",
        ),
        ("Hier j'ai parlé avec Pierre Durand.", "fr", "Hier j'ai parlé avec [removed]."),
        ("Вчера я говорил с Мариной.", "ru", "Вчера я говорил с [removed]."),
        ("Ayer vi a José en la clínica.", "es", "Ayer vi a [removed] en la clínica."),
        # A sentence's first word is kept; the name after it is not.
        ("Maria Lopez helped me.", "en", "Maria [removed] helped me."),
    ],
)
def test_capitalised_names_inside_a_sentence_are_removed(text, language, expected):
    assert scrub(text, language) == Scrubbed(expected, ("name",))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We need HIV testing, OST and PrEP at INPUD on Monday.", "en"),
        ("HIV-positive people and NGOs are tired; I'm tired too.", "en"),
        ("Нам нужны тесты на ВИЧ и ОЗТ.", "ru"),
        ("Nous voulons plus de dépistage du VIH.", "fr"),
        ("Police came. Then we left.", "en"),
    ],
)
def test_acronyms_and_first_words_stay(text, language):
    assert scrub(text, language) == Scrubbed(text, ())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am 34, I started in 1998, I use 3 times a week and 50% of us use 1000mg.", "en"),
        ("J'ai 34 ans, depuis 2010, et 20 % d'entre nous.", "fr"),
        ("Tengo 34 años y uso 3 veces por semana desde 2015.", "es"),
        ("Мне 34 года, с 2010 года, 50% из нас.", "ru"),
        ("عمري ٣٤ سنة منذ ٢٠١٠", "ar"),
        ("Between 2015-2020 and on 12.03.2023 things changed.", "en"),
    ],
)
def test_years_ages_percentages_and_counts_stay(text, language):
    assert scrub(text, language) == Scrubbed(text, ())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("we need more needle and syringe programmes near the clinic.", "en"),
        ("Les pairs m'ont beaucoup aidé quand j'étais malade.", "fr"),
        ("Necesitamos más programas de intercambio de jeringas.", "es"),
        ("Precisamos de mais programas de troca de seringas.", "pt"),
        ("Нам нужно больше программ обмена шприцев.", "ru"),
        ("نَحْنُ نَحْتَاجُ إِلَى خِدْمَاتٍ أَفْضَلَ 🙂", "ar"),
        ("ما به خدمات بهتری نیاز داریم و می‌خواهیم شنیده شویم", "fa"),
        ("Kami membutuhkan lebih banyak layanan jarum suntik. 💉", "id"),
    ],
)
def test_text_with_nothing_to_scrub_comes_back_identical(text, language):
    assert scrub(text, language) == Scrubbed(text, ())


def test_several_kinds_are_listed_once_each_in_kinds_order():
    text = (
        "Write to sam@example.org or AB1234567 at 12 Main Street, see www.example.org, "
        "call +44 7700 900123, ask for Dr Smith or Dr Jones."
    )
    expected = (
        "Write to [removed] or [removed] at [removed], see [removed], "
        "call [removed], ask for Dr [removed] or Dr [removed]."
    )
    assert scrub(text, "en") == Scrubbed(expected, KINDS)


def test_adjacent_removals_become_one():
    # The title rule takes "Juan Pérez", the capital rule "García".
    scrubbed = scrub("Me llamo Juan Pérez García y vivo aquí.", "es")
    assert scrubbed.text == "Me llamo [removed] y vivo aquí."
    assert scrubbed.text.count(REMOVED) == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I miss my friend.", "en"),
        ("Kata dokter, ibu saya sakit.", "id"),
        ("Ela é dona de casa e o senhor pode entrar.", "pt"),
        ("I called the hotline and named my fears.", "en"),
    ],
)
def test_titles_and_verbs_that_are_everyday_words_stay(text, language):
    assert scrub(text, language) == Scrubbed(text, ())


@pytest.mark.parametrize("language", [None, "xx", ""])
def test_without_a_known_language_every_language_applies(language):
    text = "saya bertemu Pak budi, меня зовут иван, vivo en la Calle Mayor 5"
    expected = "saya bertemu Pak [removed], меня зовут [removed], vivo en la [removed]"
    assert scrub(text, language).text == expected


def test_a_regional_code_uses_its_language_and_english_applies_everywhere():
    assert scrub("Moro na Rua Augusta 123", "pt-BR").text == "Moro na [removed]"
    assert scrub("il a dit: my name is john", "fr").text == "il a dit: my name is [removed]"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "\n\t\r",
        "\ud800",
        "+",
        "@",
        "....",
        "[removed]",
        "\u200c\u064b",
        "Mr " * 5_000,
        "1-" * 50_000,
        "a" * 100_000,
        ("Maria called +44 7700 900123 from 12 rue de la Paix. " * 2_000)[:100_000],
    ],
)
def test_odd_input_does_not_raise(text):
    for language in (None, "en", "ar"):
        result = scrub(text, language)
        assert isinstance(result.text, str)
        assert set(result.kinds) <= set(KINDS)


def test_a_long_text_with_nothing_to_scrub_comes_back_identical():
    text = ("we need safe spaces and clean needles, not prisons. " * 2_000)[:100_000]
    assert scrub(text, "en") == Scrubbed(text, ())
