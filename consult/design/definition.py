"""A round's full definition as plain data (the JSON export format, docs/ROUND_FORMAT.md).

``to_definition`` and ``from_definition`` are inverse: export then import gives an identical
round. Copying a round, JSON import and XLSForm import all go through ``from_definition``,
which checks everything before it builds anything.
"""

import re

from flask_babel import gettext as _

from ..questions import KINDS
from .conditions import ConditionError, check_conditions
from .definition_values import (
    checked_boolean,
    checked_integer,
    checked_number,
    checked_one_of,
    checked_texts,
    checked_titles,
    field_where,
    round_field_where,
)
from .models import (
    ACCESS_MODES,
    CHOICE_ROLES,
    Choice,
    Question,
    Round,
    Section,
)

FORMAT = "consult-round/1"
CODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,59}\Z")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}\Z")
LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Za-z]{2,4})?\Z")

ROUND_TEXTS = ("title", "introduction", "thank_you")
QUESTION_SETTINGS = (
    "max_length",
    "rank_count",
    "min_choices",
    "max_choices",
    "min_value",
    "max_value",
    "allow_decimals",
    "dropdown",
    "randomise_choices",
)


class DefinitionError(ValueError):
    """The definition cannot become a round; ``problems`` lists every reason found."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def to_definition(round_):
    return {
        "format": FORMAT,
        "slug": round_.slug,
        "languages": list(round_.languages),
        "source_language": round_.source_language,
        "access_mode": round_.access_mode,
        "min_cell_size": round_.min_cell_size,
        **{name: dict(getattr(round_, name)) for name in ROUND_TEXTS},
        "sections": [
            {
                "title": dict(section.title),
                "introduction": dict(section.introduction),
                "condition": section.condition,
                "questions": [_question_definition(q) for q in section.questions],
            }
            for section in round_.sections
        ],
    }


def _question_definition(question):
    return {
        "code": question.code,
        "kind": question.kind,
        "text": dict(question.text),
        "help": dict(question.help),
        "required": question.required,
        **{name: getattr(question, name) for name in QUESTION_SETTINGS},
        "condition": question.condition,
        # Optional, written only when true: files of rounds without identifying questions
        # stay as they were.
        **({"identifying": True} if question.identifying else {}),
        **({"ordered": True} if question.ordered else {}),
        "choices": [
            {
                "code": c.code,
                "role": c.role,
                "label": dict(c.label),
                "hidden": c.hidden,
            }
            for c in question.choices
        ],
    }


def from_definition(definition, slug=None):
    """A new, unsaved Round built from ``definition``; raises DefinitionError listing every
    problem. ``slug`` replaces the definition's own (for copies)."""
    problems = []
    if not isinstance(definition, dict):
        raise DefinitionError([_("the file does not hold a round definition")])
    if definition.get("format") != FORMAT:
        problems.append(_("the format must be %(format)s", format=repr(FORMAT)))
    languages = definition.get("languages")
    if not (
        isinstance(languages, list)
        and languages
        and all(isinstance(code, str) and LANGUAGE.match(code) for code in languages)
    ):
        raise DefinitionError(problems + [_("the round needs a list of language codes")])
    source = definition.get("source_language", languages[0])
    if source not in languages:
        problems.append(
            _(
                "the source language %(language)s is not one of the round's languages",
                language=repr(source),
            )
        )
    slug = slug or definition.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug):
        problems.append(_("the slug must be lower-case letters, digits and hyphens"))
    round_ = Round(
        slug=slug,
        status="draft",
        access_mode=checked_one_of(
            definition.get("access_mode", "public"),
            ACCESS_MODES,
            round_field_where("access_mode"),
            problems,
        ),
        languages=list(languages),
        source_language=source,
        min_cell_size=checked_integer(
            definition.get("min_cell_size", 5),
            round_field_where("min_cell_size"),
            problems,
            minimum=3,
            fallback=5,
        ),
        **{
            name: (checked_titles if name == "title" else checked_texts)(
                definition.get(name), languages, round_field_where(name), problems
            )
            for name in ROUND_TEXTS
        },
    )
    sections = definition.get("sections")
    if not isinstance(sections, list) or not sections:
        problems.append(_("the round needs at least one section"))
        sections = []
    codes = set()
    for s_index, section_data in enumerate(sections, 1):
        where = _("section %(number)d", number=s_index)
        if not isinstance(section_data, dict):
            problems.append(_("%(where)s is not an object", where=where))
            continue
        section = Section(
            position=s_index - 1,
            title=checked_titles(
                section_data.get("title"), languages, field_where(where, "title"), problems
            ),
            introduction=checked_texts(
                section_data.get("introduction"),
                languages,
                field_where(where, "introduction"),
                problems,
            ),
            condition=section_data.get("condition"),
        )
        questions = section_data.get("questions") or []
        if not isinstance(questions, list):
            problems.append(_("%(where)s: the questions must be a list", where=where))
            questions = []
        for q_index, question_data in enumerate(questions, 1):
            question = _question(question_data, languages, where, q_index, codes, problems)
            if question is not None:
                question.position = q_index - 1
                section.questions.append(question)
        round_.sections.append(section)
    if not problems:
        try:
            check_conditions(round_)
        except ConditionError as error:
            problems.append(str(error))
    if problems:
        raise DefinitionError(problems)
    return round_


def _question(data, languages, section_where, number, codes, problems):
    if not isinstance(data, dict):
        where = _("%(where)s, question %(number)d", where=section_where, number=number)
        problems.append(_("%(where)s is not an object", where=where))
        return None
    code = data.get("code")
    if not isinstance(code, str) or not CODE.match(code):
        where = _("%(where)s, question %(number)d", where=section_where, number=number)
        problems.append(
            _("%(where)s: the code must be a short name of letters, digits and _", where=where)
        )
        return None
    where = _(
        "%(where)s, question %(number)d (%(code)s)",
        where=section_where,
        number=number,
        code=code,
    )
    if code in codes:
        problems.append(_("%(where)s: another question has the same code", where=where))
    codes.add(code)
    kind = checked_one_of(data.get("kind"), tuple(KINDS), field_where(where, "kind"), problems)
    answered = KINDS[kind].answered
    question = Question(
        code=code,
        kind=kind,
        text=checked_texts(data.get("text"), languages, field_where(where, "text"), problems),
        help=checked_texts(data.get("help"), languages, field_where(where, "help"), problems),
        required=bool(data.get("required", False)) and answered,
        condition=data.get("condition"),
        identifying=checked_boolean(
            data.get("identifying", False), field_where(where, "identifying"), problems
        )
        and answered,
        ordered=checked_boolean(
            data.get("ordered", False), field_where(where, "ordered"), problems
        ),
    )
    for name in QUESTION_SETTINGS:
        value = data.get(name)
        if name in ("allow_decimals", "dropdown", "randomise_choices"):
            setattr(question, name, bool(value))
        elif name in ("min_value", "max_value"):
            setattr(question, name, checked_number(value, field_where(where, name), problems))
        elif value is not None:
            # At least 1 where the database says so: a limit of 0 characters or ranks.
            minimum = 1 if name in ("max_length", "rank_count") else 0
            setattr(
                question, name, checked_integer(value, field_where(where, name), problems, minimum)
            )
    for low, high in (("min_choices", "max_choices"), ("min_value", "max_value")):
        low_value, high_value = getattr(question, low), getattr(question, high)
        if low_value is not None and high_value is not None and low_value > high_value:
            problems.append(
                _("%(where)s: %(low)s is larger than %(high)s", where=where, low=low, high=high)
            )
    choices = data.get("choices") or []
    if not isinstance(choices, list):
        problems.append(_("%(where)s: the choices must be a list", where=where))
        choices = []
    choice_codes = set()
    for c_index, choice_data in enumerate(choices):
        if not isinstance(choice_data, dict) or not isinstance(choice_data.get("code"), str):
            problems.append(
                _("%(where)s: choice %(number)d has no code", where=where, number=c_index + 1)
            )
            continue
        if "\x00" in choice_data["code"]:  # PostgreSQL stores no null character
            problems.append(
                _(
                    "%(where)s: choice %(number)d has a null character in its code",
                    where=where,
                    number=c_index + 1,
                )
            )
            continue
        # Stored cut to 60 characters: two codes alike up to there would be one.
        choice_code = choice_data["code"][:60]
        if choice_code in choice_codes:
            problems.append(
                _(
                    "%(where)s: two choices have the code %(code)s",
                    where=where,
                    code=repr(choice_code),
                )
            )
        choice_codes.add(choice_code)
        choice_where = _(
            "%(where)s, choice %(number)d (%(code)s)",
            where=where,
            number=c_index + 1,
            code=choice_data["code"],
        )
        question.choices.append(
            Choice(
                position=c_index,
                code=choice_code,
                role=checked_one_of(
                    choice_data.get("role", "option"),
                    CHOICE_ROLES,
                    field_where(choice_where, "role"),
                    problems,
                ),
                label=checked_texts(
                    choice_data.get("label"),
                    languages,
                    field_where(choice_where, "label"),
                    problems,
                ),
                hidden=bool(choice_data.get("hidden", False)),
            )
        )
    if KINDS[kind].needs_options and not question.options:
        problems.append(
            _(
                "%(where)s: a question of the kind “%(kind)s” needs choices",
                where=where,
                kind=KINDS[kind].label,
            )
        )
    if KINDS[kind].has_rows and not question.rows:
        problems.append(_("%(where)s: a matrix needs rows", where=where))
    return question
