"""Themes nobody anticipated: suggested groups among the answers no codebook theme covers.

Each language is handled on its own, because stems and word shapes are not comparable across
languages. Each answer becomes one row of two TF-IDF parts:

* its word stems, as the codebook's keyword rules see them (``consult.coding.text``), without
  stop words and one-letter stems, kept if they occur in at least 2 answers and at most half;
* at half weight, the character 3- to 5-grams of its normalised text. These link spellings,
  typos and compounds that the stemmer keeps apart. The lower weight keeps the groups, and the
  terms that describe them, mainly about words.

Non-negative matrix factorisation (NMF) splits these rows into a few groups. Each answer is a
non-negative mix of the groups and each group a non-negative mix of features. A group is
described by its heaviest stems, each shown as the word members wrote most often for it, by
its most typical answers, and by how many answers it is the strongest group of. These are
suggestions for a person to read and name, not themes.

The same answers always give the same suggestions, whatever order they come in (with the
same versions of the libraries):

* answers are sorted by key before anything is counted, and the vocabularies are sorted;
* NMF starts from NNDSVD, which is computed from a singular value decomposition rather than
  drawn at random. The randomised SVD inside it uses a fixed seed (``random_state=0``), and
  the coordinate-descent solver visits coordinates in a fixed order;
* the fit runs on one BLAS thread, so the number of cores cannot change the order in which
  floating-point sums are added;
* every remaining tie is broken alphabetically or by key.
"""

import math
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from scipy.sparse import hstack
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from threadpoolctl import threadpool_limits

from .text import normalise, stems, words

#: Languages are reported in this order; any other language comes after, alphabetically.
LANGUAGE_ORDER = ("en", "fr", "es", "pt", "ru", "ar", "fa", "id")
#: The character n-grams count for half as much as the stems.
CHARACTER_WEIGHT = 0.5
MAX_CHARACTER_FEATURES = 20_000
MAX_GROUPS = 10
#: Enough iterations for readable groups. Fitting stops sooner once the error stops falling.
MAX_ITERATIONS = 300
TOLERANCE = 1e-3


@dataclass(frozen=True)
class Suggestion:
    """A possible new theme in one language, for a person to read and name."""

    language: str
    #: The heaviest stems, each shown as the word members wrote most often for it.
    terms: tuple[str, ...]
    #: Keys of the answers that fit the group best, the best first.
    examples: tuple
    #: How many answers have this as their strongest group.
    size: int


def emergent_themes(answers, *, groups=None, min_answers=10, terms=8, examples=5, progress=None):
    """[Suggestion] for ``answers``, an iterable of ``(key, text, language)``, usually the
    answers no codebook theme covers. A language needs at least ``min_answers`` non-empty
    answers. It gets ``groups`` groups, or by default a number that grows with the square root
    of its answers. There are never more groups than answers or distinct terms. Suggestions
    come by language, then largest first. ``progress(done, total)`` is called after each
    language that has enough answers."""
    if groups is not None and groups < 1:
        raise ValueError("groups must be at least 1")
    by_language = defaultdict(list)
    # Sorting (key, language, text) fixes the order even when two answers share a key.
    for key, language, text in sorted(
        (key, language, text) for key, text, language in answers if text and text.strip()
    ):
        by_language[language].append((key, text))
    languages = sorted(
        (language for language, answered in by_language.items() if len(answered) >= min_answers),
        key=_language_rank,
    )
    suggestions = []
    for done, language in enumerate(languages, 1):
        suggestions.extend(
            _language_suggestions(language, by_language[language], groups, terms, examples)
        )
        if progress is not None:
            progress(done, len(languages))
    return suggestions


def default_groups(count):
    """How many groups ``count`` answers get by default: the square root of count / 20,
    rounded, from 2 to MAX_GROUPS. That is 2 up to 125 answers, 5 for 500, and 10 from 1,805.
    More answers get more groups, but never too many to read."""
    return min(MAX_GROUPS, max(2, round(math.sqrt(count / 20))))


def _language_suggestions(language, answered, groups, term_count, example_count):
    """[Suggestion] for one language's ``answered``, [(key, text)] sorted by key. The list
    is empty if too few terms are shared by enough answers to form groups."""
    keys = [key for key, _ in answered]
    content = [list(_content_words(text, language)) for _, text in answered]
    stem_vectoriser = TfidfVectorizer(analyzer=_stems_of, min_df=2, max_df=0.5, sublinear_tf=True)
    character_vectoriser = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        min_df=2,
        max_features=MAX_CHARACTER_FEATURES,
        sublinear_tf=True,
        lowercase=False,  # the text is already normalised
    )
    try:
        stem_features = stem_vectoriser.fit_transform(content)
        character_features = character_vectoriser.fit_transform(
            [normalise(text, language) for _, text in answered]
        )
    except ValueError:  # no stem or n-gram is shared by enough answers
        return []
    vocabulary = stem_vectoriser.get_feature_names_out()  # sorted alphabetically
    if len(vocabulary) < 2:
        return []
    features = hstack([stem_features, CHARACTER_WEIGHT * character_features]).tocsr()

    count = min(groups or default_groups(len(answered)), len(answered), len(vocabulary))
    model = NMF(
        n_components=count,
        init="nndsvd",
        random_state=0,
        max_iter=MAX_ITERATIONS,
        tol=TOLERANCE,
    )
    # Stopping at MAX_ITERATIONS is by design: the groups are suggestions and do not need
    # full convergence. One BLAS thread adds sums in the same order on any number of cores,
    # and is no slower for matrices this thin.
    with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = model.fit_transform(features)

    readable = _readable_words(content)
    # An answer with no shared term weighs nothing in every group and belongs to none.
    strongest = np.where(weights.max(axis=1) > 0, weights.argmax(axis=1), -1)
    suggestions = []
    for group in range(count):
        members = np.flatnonzero(strongest == group)
        if not len(members):
            continue
        best = sorted(members, key=lambda index: (-weights[index, group], keys[index]))
        stem_weights = model.components_[group, : len(vocabulary)]
        # A stable sort over an alphabetical vocabulary breaks ties alphabetically.
        heaviest = [
            index
            for index in np.argsort(-stem_weights, kind="stable")[:term_count]
            if stem_weights[index] > 0
        ]
        suggestions.append(
            Suggestion(
                language=language,
                terms=tuple(readable[vocabulary[index]] for index in heaviest),
                examples=tuple(keys[index] for index in best[:example_count]),
                size=len(members),
            )
        )
    suggestions.sort(key=lambda found: (-found.size, found.terms, found.examples))
    return suggestions


def _content_words(text, language):
    """(stem, word) for each word of ``text`` that can describe a theme. Stop words and
    one-letter stems are dropped. ``word`` is the normalised form as written."""
    stop_stems = _stop_stems(language)
    for word in words(text, language):
        if len(word.stem) > 1 and word.stem not in stop_stems:
            yield word.stem, _written_form(text[word.start : word.end], language)


@lru_cache(maxsize=100_000)
def _written_form(word, language):
    # Answers repeat a few thousand words: normalise each once, not at every occurrence.
    return normalise(word, language)


def _stems_of(content):
    """The TF-IDF analyser: the stems of one answer's (stem, word) pairs, computed only
    once because the readable words come from the same pairs."""
    return [stem for stem, _ in content]


def _readable_words(content):
    """{stem: the word written most often for it}, with ties broken alphabetically."""
    written = defaultdict(Counter)
    for pairs in content:
        for stem, word in pairs:
            written[stem][word] += 1
    return {
        stem: min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
        for stem, counts in written.items()
    }


@cache
def _stop_stems(language):
    """The stems of the language's stop words. Dropping by stem also drops their inflected
    and prefixed forms (Arabic "وهذا" as well as "هذا")."""
    return frozenset(
        stem for word in STOP_WORDS.get(language, ()) for stem in stems(word, language)
    )


def _language_rank(language):
    if language in LANGUAGE_ORDER:
        return (0, LANGUAGE_ORDER.index(language), "")
    return (1, 0, language)


#: The commonest function words of each language: articles, pronouns, prepositions,
#: conjunctions and auxiliaries, which say nothing about a theme.
STOP_WORDS = {
    language: frozenset(listed.split())
    for language, listed in {
        "en": """
            a about after again all also am an and any are as at be because been being but
            by can could did didn do does doesn don each even every for from get got had has
            have he her here him his how i if in into is it its just many me more much my no
            not of on one only or other our out over same she should so some still such than
            that the their them then there these they this those to too up us very was we
            were what when where which who why will with without would you your
        """,
        "fr": """
            alors au aussi aux avec avoir ce cela ces cet cette chaque comme dans de des
            donc du elle elles en est et ils je la le les leur leurs lui ma mais me mes moi
            mon même ne nos notre nous on ont ou où par pas plus pour qu quand que qui rien
            sa sans se ses son sont sur ta te tes ton tous tout trop très tu un une vos
            votre vous à ça étaient était être
        """,
        "es": """
            a al algo cada como con cuando de del demasiado desde donde el ella ellos en
            entre era es esa ese eso esta este esto estos está están fue ha han hasta hay la
            las le les lo los me mi mis mucho muchos muy más nada ni no nos o otra otro para
            pero por porque que qué se ser si sin sobre son su sus sí también te tiene todo
            todos tu un una y ya yo él
        """,
        "pt": """
            a ao aos as até cada com como da das de demais desde do dos e ela elas ele eles
            em entre era essa esse eu foi há isso isto já lhe mais mas me meu minha muito
            muitos na nas nem no nos não nós o os ou outra outro para pela pelo por porque
            quando que se sem ser seu sua são também te tem um uma você à às é
        """,
        "ru": """
            а без бы был была были было быть в вам вас весь во вот все всё вы где да для до
            его ее если есть еще ещё её же за и из или им их к каждый как когда кто ли меня
            мне мы на нам нас не него нет ни но ну о об он она они оно от очень по при с сам
            свой слишком со так там тебя то тоже только ты у уже чем что чтобы эта эти это
            этот я
        """,
        "ar": """
            أن أنا أنت أنتم أو أي أين إذا إلى إن التي الذي الذين بدون بعد بعض بين ثم جدا حتى
            دون ذلك على عن عند غير في قبل قد كان كانت كل كما كيف لأن لا لدى لك لكن لم لن لنا
            له لها لهم لي ليس ما ماذا مع من منذ نحن هذا هذه هل هم هنا هناك هو هي و يا يكون
        """,
        # Farsi: also the plural and verbal particles that a zero-width non-joiner separates
        # ("سرنگ‌های", "می‌خواهیم").
        "fa": """
            آن آنها از ام اما اند او اگر ای ایشان این با باید بدون بر برای بسیار به بود بی
            تا تر ترین تو خود خیلی دیگر را روی شد شده شما ما من می نمی نه نیست ها های هر هست
            هم همه هیچ و ولی پس چرا چه چون کرد کند کنند که یا یک
        """,
        "id": """
            ada adalah agar akan anda atau bahwa belum bisa dalam dan dapat dari dengan di
            dia hanya harus ia ini itu jika juga kalau kami kamu karena ke kita lebih masih
            mereka oleh pada para saja sana sangat saya seperti setiap sini sudah supaya
            tanpa tapi telah terlalu tetapi tidak untuk yang
        """,
    }.items()
}
