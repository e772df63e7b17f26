"""Characters that change how a text looks without being seen, taken out of what staff
type or import, so that a title cannot pass for another's in a list, or turn the text
around it right to left (docs/DECISIONS.md, "Invisible characters").

Kept on purpose: the zero-width joiner and non-joiner (Persian writes with the non-joiner
every day; emoji and Indic scripts need the joiner) and the left-to-right and right-to-left
marks, which mixed Arabic and Latin text needs to read in the right order."""

import re

#: Embeddings, overrides and isolates (which reorder what follows), the zero-width space,
#: word joiner and invisible operators, the byte-order mark, the soft hyphen, and control
#: characters other than tab and line breaks.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


#: Control characters other than tab and line breaks: PostgreSQL refuses the null byte, and
#: none of them belongs in an answer or a translation.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_invisible(text):
    """``text`` without INVISIBLE characters (None stays None)."""
    return INVISIBLE.sub("", text) if isinstance(text, str) else text


def one_line(text):
    """A title: without INVISIBLE characters, every run of spaces, tabs and line breaks one
    space, nothing around it."""
    if not isinstance(text, str):
        return text
    return " ".join(without_invisible(text).split())
