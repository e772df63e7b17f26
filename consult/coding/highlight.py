"""The words that set off a theme, marked in the answer's text for the review screen."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    #: The themes whose keywords these words are; empty for words that set off nothing.
    themes: tuple = ()


def highlighted(text, tags):
    """[Segment] of ``text``: the plain stretches, and the stretches matched by a keyword of
    a tag not rejected (overlapping matches merged into one stretch naming every theme)."""
    spans = sorted(
        (start, end, tag.theme_id)
        for tag in tags
        if tag.status != "rejected"
        for _keyword, start, end in tag.reasons or ()
        if 0 <= start < end <= len(text)
    )
    segments, position = [], 0
    merged = []
    for start, end, theme_id in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, themes = merged[-1]
            merged[-1] = (last_start, max(last_end, end), themes | {theme_id})
        else:
            merged.append((start, end, {theme_id}))
    for start, end, themes in merged:
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], tuple(sorted(themes))))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments
