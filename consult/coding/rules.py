"""A codebook's keyword rules, ready to match: each keyword or phrase of a theme, in each
language, as the stems of its words (coding.text), found in an answer stem by stem.

Matching is explained and repeats exactly: a theme is suggested for an answer when one of
its keywords in the answer's language occurs in it, and the keyword with the place of its
words in the text is kept as the reason, for the review screen to highlight.
"""

from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from .text import WORD, stem_table, stems


@dataclass(frozen=True)
class Rule:
    theme_id: int
    keyword: str
    stems: tuple


class Rules:
    def __init__(self, themes):
        """``themes`` in codebook order; each keyword becomes a rule of its language."""
        #: {language: {first stem: [Rule]}}: an answer's words are looked up one by one.
        self.by_first_stem = defaultdict(lambda: defaultdict(list))
        seen = set()
        for theme in themes:
            for language, keywords in (theme.keywords or {}).items():
                for keyword in keywords:
                    keyword_stems = stems(keyword, language)
                    # "seringue" and "seringues" are one rule: the first one written.
                    if keyword_stems and (theme.id, language, keyword_stems) not in seen:
                        seen.add((theme.id, language, keyword_stems))
                        rule = Rule(theme.id, keyword, keyword_stems)
                        self.by_first_stem[language][keyword_stems[0]].append(rule)

    def match(self, text, language):
        """{theme id: [[keyword, start, end], …]} for every rule found in ``text``, in the
        order of the text."""
        rules = self.by_first_stem.get(language)
        if not rules or not text:
            return {}
        tokens = WORD.findall(text)
        stem_of = stem_table(language)
        # The tokens with a stem (normalising can leave nothing, e.g. of a lone tatweel).
        kept = [
            (index, stem) for index, stem in enumerate(map(stem_of.__getitem__, tokens)) if stem
        ]
        text_stems = [stem for _index, stem in kept]
        matches = []
        for position, stem in enumerate(text_stems):
            for rule in rules.get(stem, ()):
                end = position + len(rule.stems)
                if tuple(text_stems[position:end]) == rule.stems:
                    matches.append((rule, kept[position][0], kept[end - 1][0]))
        if not matches:
            return {}
        starts = token_starts(text, tokens, max(last for _rule, _first, last in matches))
        found = {}
        for rule, first, last in matches:
            reason = [rule.keyword, starts[first], starts[last] + len(tokens[last])]
            found.setdefault(rule.theme_id, []).append(reason)
        return found


def token_starts(text, tokens, last):
    """Where each of ``tokens`` (the words of ``text`` in order, as WORD finds them) starts,
    up to token ``last``. A token is the first place after the one before where its letters
    occur: between two words there are only characters no word has."""
    starts, position = [], 0
    for token in tokens[: last + 1]:
        position = text.index(token, position)
        starts.append(position)
        position += len(token)
    return starts


def find_phrases(text, language, phrases):
    """{phrase: [(start, end)]}: where each keyword or phrase of ``phrases`` occurs in
    ``text``, matched as automatic coding matches them (a phrase with the same stems as
    an earlier one is that one)."""
    rules = Rules([SimpleNamespace(id=0, keywords={language: list(phrases)})])
    found = {}
    for keyword, start, end in rules.match(text, language).get(0, []):
        found.setdefault(keyword, []).append((start, end))
    return found
