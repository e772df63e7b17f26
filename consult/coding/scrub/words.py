"""The words of each language that the scrubber looks for: titles and phrases before a name,
street words, and the capitalised words it keeps."""

LANGUAGES = ("en", "fr", "es", "pt", "ru", "ar", "fa", "id")
#: Written without capital letters, so a name cannot be told from other words by its case.
UNCASED_LANGUAGES = frozenset({"ar", "fa"})


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
