"""Reading an uploaded or command-line file into a new draft round: JSON or XLSForm."""

import json

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from .definition import ROUND_TEXTS, DefinitionError
from .operations import DesignError, import_round

#: The XLSForm files read (.xls: Excel 97-2003, read with xlrd as pyxform reads it; .csv
#: and .md: XLSForms written as text, read by pyxform's own readers).
XLSFORM_SUFFIXES = ("xlsx", "xls", "csv", "md")
#: Larger files are refused before they are read.
MAX_IMPORT_BYTES = 10 * 1024 * 1024

# Bounds on what one import can make, checked on the plain data before anything is built
# (check_bounds; the XLSForm reader checks them as it reads, too): a round's pages, results
# and exports grow with them, and a 10 MB file could otherwise hold 250,000 questions.
# Real rounds stay far below: the demo round has 5 languages, 4 pages, 13 questions, at
# most 8 choices to a question and 49 in all, 355 texts and 10,129 characters.
#: Languages of a round: the UN has 6, the EU 24.
MAX_LANGUAGES = 50
#: Pages (sections) of a round.
MAX_SECTIONS = 500
#: Questions of a round, on all its pages.
MAX_QUESTIONS = 1_000
#: Choices of one question: a list of every country has about 250.
MAX_CHOICES = 1_000
#: Choices of all the round's questions together.
MAX_ROUND_CHOICES = 20_000
#: Texts of a round, each language counted: 1,000 questions with 10 choices in 9 languages.
MAX_TEXTS = 100_000
#: Characters of all those texts (10 MB of JSON holds at most 10 million).
MAX_CHARACTERS = 10_000_000
#: Objects, lists and values of a JSON file ("{", "[" and "," counted before it is parsed):
#: parsed, 10 MB of "{}," would take 250 MB; a round within the bounds above has under
#: 200,000.
MAX_JSON_ITEMS = 1_000_000


class ImportRefused(ValueError):
    """Nothing was imported; ``problems`` says why, line by line."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def import_upload(filename, content, slug=None):
    """(new round, report lines) from a .json file or an XLSForm (.xlsx, .xls, .csv, .md);
    raises ImportRefused and writes nothing when the file cannot become a round."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportRefused([_("The file is larger than 10 MB.")])
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    report = []
    if suffix == "json":
        items = sum(content.count(character) for character in (b"{", b"[", b","))
        if items > MAX_JSON_ITEMS:
            raise ImportRefused(
                [
                    ngettext(
                        "The file has more than %(limit)s JSON item (objects, lists and "
                        "values); a round has far fewer.",
                        "The file has more than %(limit)s JSON items (objects, lists and "
                        "values); a round has far fewer.",
                        MAX_JSON_ITEMS,
                        limit=format_decimal(MAX_JSON_ITEMS),
                    )
                ]
            )
        try:
            definition = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ImportRefused([_("The file is not valid JSON.")]) from None
        source = "json"
    elif suffix in XLSFORM_SUFFIXES:
        from .xlsform import XLSFormError, read_xlsform

        try:
            definition, xlsform_report = read_xlsform(content, filename, address_given=bool(slug))
        except XLSFormError as error:
            raise ImportRefused([str(error)]) from None
        report = xlsform_report.skipped + xlsform_report.notes
        source = "xlsform"
    else:
        raise ImportRefused(
            [_("Please choose a .json file or an XLSForm (.xlsx, .xls, .csv or .md).")]
        )
    problem = too_large(definition)
    if problem:
        raise ImportRefused([problem])
    try:
        round_ = import_round(definition, slug=slug, source=source)
    except DefinitionError as error:
        raise ImportRefused(error.problems) from None
    except DesignError as error:
        raise ImportRefused([str(error)]) from None
    return round_, report


def too_large(definition):
    """The first bound ``definition`` passes, as a sentence for staff, or None. Counted on
    the plain data, before from_definition builds anything; parts of the wrong type are
    left for from_definition to report."""
    if not isinstance(definition, dict):
        return None
    languages = definition.get("languages")
    if isinstance(languages, list) and len(languages) > MAX_LANGUAGES:
        return ngettext(
            "The round has more than %(limit)s language; a round can have at most %(limit)s.",
            "The round has more than %(limit)s languages; a round can have at most %(limit)s.",
            MAX_LANGUAGES,
            limit=format_decimal(MAX_LANGUAGES),
        )
    sections = definition.get("sections")
    sections = sections if isinstance(sections, list) else []
    if len(sections) > MAX_SECTIONS:
        return ngettext(
            "The round has more than %(limit)s page; a round can have at most %(limit)s. "
            "Split it into several rounds.",
            "The round has more than %(limit)s pages; a round can have at most %(limit)s. "
            "Split it into several rounds.",
            MAX_SECTIONS,
            limit=format_decimal(MAX_SECTIONS),
        )
    texts = [definition.get(name) for name in ROUND_TEXTS]
    questions = choices = 0
    for s_number, section in enumerate(sections, 1):
        if not isinstance(section, dict):
            continue
        texts += [section.get("title"), section.get("introduction")]
        section_questions = section.get("questions")
        if not isinstance(section_questions, list):
            continue
        questions += len(section_questions)
        if questions > MAX_QUESTIONS:
            return too_many_questions()
        for q_number, question in enumerate(section_questions, 1):
            if not isinstance(question, dict):
                continue
            texts += [question.get("text"), question.get("help")]
            question_choices = question.get("choices")
            if not isinstance(question_choices, list):
                continue
            if len(question_choices) > MAX_CHOICES:
                section_where = _("section %(number)d", number=s_number)
                where = _("%(where)s, question %(number)d", where=section_where, number=q_number)
                return too_many_choices(where)
            choices += len(question_choices)
            if choices > MAX_ROUND_CHOICES:
                return too_many_round_choices()
            texts += [
                choice.get("label") for choice in question_choices if isinstance(choice, dict)
            ]
    texts = [text for text in texts if isinstance(text, dict)]
    if sum(len(text) for text in texts) > MAX_TEXTS:
        return ngettext(
            "The round has more than %(limit)s text, counting each language; a round can have "
            "at most %(limit)s.",
            "The round has more than %(limit)s texts, counting each language; a round can have "
            "at most %(limit)s.",
            MAX_TEXTS,
            limit=format_decimal(MAX_TEXTS),
        )
    characters = sum(
        len(value) for text in texts for value in text.values() if isinstance(value, str)
    )
    if characters > MAX_CHARACTERS:
        return ngettext(
            "The round has more than %(limit)s character of text; a round can have at "
            "most %(limit)s.",
            "The round has more than %(limit)s characters of text; a round can have at "
            "most %(limit)s.",
            MAX_CHARACTERS,
            limit=format_decimal(MAX_CHARACTERS),
        )
    return None


def too_many_questions():
    return ngettext(
        "The round has more than %(limit)s question; a round can have at most %(limit)s. "
        "Split it into several rounds.",
        "The round has more than %(limit)s questions; a round can have at most %(limit)s. "
        "Split it into several rounds.",
        MAX_QUESTIONS,
        limit=format_decimal(MAX_QUESTIONS),
    )


def too_many_choices(where):
    return ngettext(
        "%(where)s: more than %(limit)s choice; a question can have at most %(limit)s.",
        "%(where)s: more than %(limit)s choices; a question can have at most %(limit)s.",
        MAX_CHOICES,
        where=where,
        limit=format_decimal(MAX_CHOICES),
    )


def too_many_round_choices():
    return ngettext(
        "The round has more than %(limit)s choice in all; a round can have at most %(limit)s.",
        "The round has more than %(limit)s choices in all; a round can have at most %(limit)s.",
        MAX_ROUND_CHOICES,
        limit=format_decimal(MAX_ROUND_CHOICES),
    )
