"""How the codebook pages show a codebook: a name in the reader's language, the languages a
theme has keywords in, and the themes as a tree."""

from ..config import LANGUAGES
from ..i18n import native_name


def display_name(texts, language):
    """(language, text) of a name in ``language``, else English, else any language."""
    for candidate in (language, "en", *sorted(texts or {})):
        if (texts or {}).get(candidate):
            return candidate, texts[candidate]
    return language, ""


def keyword_languages(theme):
    """(language, its name) for each language in which a theme has keywords, the interface
    languages first; another language from a file is shown by its code."""
    with_keywords = [language for language, words in theme.keywords.items() if words]
    return [(lang, native_name(lang)) for lang in LANGUAGES if lang in with_keywords] + [
        (lang, lang) for lang in sorted(with_keywords) if lang not in LANGUAGES
    ]


def theme_tree(themes):
    """[(theme, [child nodes])] in codebook order, each theme once even if its parents go
    round in a circle (a theme whose parent is missing is shown at the top)."""
    children = {}
    for theme in themes:
        children.setdefault(theme.parent_id, []).append(theme)
    ids = {theme.id for theme in themes}
    placed = set()

    def nodes(siblings):
        result = []
        for theme in siblings:
            if theme.id not in placed:
                placed.add(theme.id)
                result.append((theme, nodes(children.get(theme.id, []))))
        return result

    tree = nodes([t for t in themes if t.parent_id is None or t.parent_id not in ids])
    return tree + nodes([t for t in themes if t.id not in placed])
