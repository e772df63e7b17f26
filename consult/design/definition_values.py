"""The values of a round's definition, checked one by one: each checker takes the value,
where it is (in words, for the importer) and the list of problems, appends a problem when
the value will not do, and returns a value the import can go on with, so that one pass
reports every problem of a file (``definition.from_definition``).
"""

import math

from flask_babel import gettext as _

from ..text import one_line, without_invisible

#: The longest text of a definition, in characters.
MAX_TEXT = 20_000


def field_where(where, field):
    """Where a field of the file is: ``field`` is its key in the JSON format, untranslated."""
    return _("%(where)s, “%(field)s”", where=where, field=field)


def round_field_where(field):
    return _("the round's “%(field)s”", field=field)


def checked_texts(value, languages, where, problems):
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(_("%(where)s must map language codes to texts", where=where))
        return {}
    texts = {}
    for language, text in value.items():
        if language not in languages:
            problems.append(
                _(
                    "%(where)s has a text in %(language)s, not a language of the round",
                    where=where,
                    language=repr(language),
                )
            )
        elif not isinstance(text, str) or len(text) > MAX_TEXT or "\x00" in text:
            problems.append(
                _(
                    "%(where)s in %(language)s is not a text of at most %(limit)d characters",
                    where=where,
                    language=repr(language),
                    limit=MAX_TEXT,
                )
            )
        elif without_invisible(text):
            texts[language] = without_invisible(text)
    return texts


def checked_titles(value, languages, where, problems):
    """A title's texts: on one line, without invisible characters (consult.text)."""
    return {
        language: one_line(text)
        for language, text in checked_texts(value, languages, where, problems).items()
        if one_line(text)
    }


def checked_boolean(value, where, problems):
    if not isinstance(value, bool):
        problems.append(
            _("%(where)s: %(value)s is not true or false", where=where, value=repr(value))
        )
        return False
    return value


def checked_one_of(value, allowed, where, problems):
    if value not in allowed:
        problems.append(
            _(
                "%(where)s: %(value)s is not one of %(allowed)s",
                where=where,
                value=repr(value),
                allowed=", ".join(allowed),
            )
        )
        return allowed[0]
    return value


def checked_integer(value, where, problems, minimum=None, fallback=1):
    """``value`` if it is a whole number of at least ``minimum``; else a problem, and None or
    the larger of ``minimum`` and ``fallback`` in its place."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or (minimum is not None and value < minimum)
        or abs(value) > 10**9
    ):
        if minimum is None:
            problems.append(
                _("%(where)s: %(value)s is not a whole number", where=where, value=repr(value))
            )
            return None
        problems.append(
            _(
                "%(where)s: %(value)s is not a whole number of at least %(minimum)d",
                where=where,
                value=repr(value),
                minimum=minimum,
            )
        )
        return max(minimum, fallback)
    return value


def checked_number(value, where, problems):
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or abs(value) > 1e15
    ):
        problems.append(_("%(where)s: %(value)s is not a number", where=where, value=repr(value)))
        return None
    return float(value)
