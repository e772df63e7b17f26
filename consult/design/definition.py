"""A round's full definition as plain data (the JSON export format, docs/ROUND_FORMAT.md).

``to_definition`` and ``from_definition`` are inverse: export then import gives an identical
round. Copying a round, JSON import and XLSForm import all go through ``from_definition``,
which checks everything before it builds anything.
"""

import math
import re

from .conditions import ConditionError, check_conditions
from .models import (
    ACCESS_MODES,
    CHOICE_KINDS,
    CHOICE_ROLES,
    QUESTION_KINDS,
    Choice,
    Question,
    Round,
    Section,
)

FORMAT = "consult-round/1"
CODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,59}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Za-z]{2,4})?$")
MAX_TEXT = 20_000

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
        raise DefinitionError(["the file does not hold a round definition"])
    if definition.get("format") != FORMAT:
        problems.append(f"the format must be {FORMAT!r}")
    languages = definition.get("languages")
    if not (
        isinstance(languages, list)
        and languages
        and all(isinstance(code, str) and LANGUAGE.match(code) for code in languages)
    ):
        raise DefinitionError(problems + ["the round needs a list of language codes"])
    source = definition.get("source_language", languages[0])
    if source not in languages:
        problems.append(f"the source language {source!r} is not one of the round's languages")
    slug = slug or definition.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug):
        problems.append("the slug must be lower-case letters, digits and hyphens")
    round_ = Round(
        slug=slug,
        status="draft",
        access_mode=_one_of(
            definition.get("access_mode", "public"), ACCESS_MODES, "access mode", problems
        ),
        languages=list(languages),
        source_language=source,
        min_cell_size=_integer(
            definition.get("min_cell_size", 5), "min_cell_size", problems, minimum=3
        ),
        **{name: _texts(definition.get(name), languages, name, problems) for name in ROUND_TEXTS},
    )
    sections = definition.get("sections")
    if not isinstance(sections, list) or not sections:
        problems.append("the round needs at least one section")
        sections = []
    codes = set()
    for s_index, section_data in enumerate(sections, 1):
        where = f"section {s_index}"
        if not isinstance(section_data, dict):
            problems.append(f"{where} is not an object")
            continue
        section = Section(
            position=s_index - 1,
            title=_texts(section_data.get("title"), languages, f"{where} title", problems),
            introduction=_texts(
                section_data.get("introduction"), languages, f"{where} introduction", problems
            ),
            condition=section_data.get("condition"),
        )
        questions = section_data.get("questions") or []
        if not isinstance(questions, list):
            problems.append(f"{where}: the questions must be a list")
            questions = []
        for q_index, question_data in enumerate(questions, 1):
            question = _question(
                question_data, languages, f"{where}, question {q_index}", codes, problems
            )
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


def _question(data, languages, where, codes, problems):
    if not isinstance(data, dict):
        problems.append(f"{where} is not an object")
        return None
    code = data.get("code")
    if not isinstance(code, str) or not CODE.match(code):
        problems.append(f"{where}: the code must be a short name of letters, digits and _")
        return None
    where = f"{where} ({code})"
    if code in codes:
        problems.append(f"{where}: another question has the same code")
    codes.add(code)
    kind = _one_of(data.get("kind"), QUESTION_KINDS, f"{where} kind", problems)
    question = Question(
        code=code,
        kind=kind,
        text=_texts(data.get("text"), languages, f"{where} text", problems),
        help=_texts(data.get("help"), languages, f"{where} help", problems),
        required=bool(data.get("required", False)) and kind != "info",
        condition=data.get("condition"),
    )
    for name in QUESTION_SETTINGS:
        value = data.get(name)
        if name in ("allow_decimals", "dropdown", "randomise_choices"):
            setattr(question, name, bool(value))
        elif name in ("min_value", "max_value"):
            setattr(question, name, _number(value, f"{where} {name}", problems))
        elif value is not None:
            # At least 1 where the database says so: a limit of 0 characters or ranks.
            minimum = 1 if name in ("max_length", "rank_count") else 0
            setattr(question, name, _integer(value, f"{where} {name}", problems, minimum))
    for low, high in (("min_choices", "max_choices"), ("min_value", "max_value")):
        low_value, high_value = getattr(question, low), getattr(question, high)
        if low_value is not None and high_value is not None and low_value > high_value:
            problems.append(f"{where}: {low} is larger than {high}")
    choices = data.get("choices") or []
    if not isinstance(choices, list):
        problems.append(f"{where}: the choices must be a list")
        choices = []
    choice_codes = set()
    for c_index, choice_data in enumerate(choices):
        if not isinstance(choice_data, dict) or not isinstance(choice_data.get("code"), str):
            problems.append(f"{where}: choice {c_index + 1} has no code")
            continue
        if "\x00" in choice_data["code"]:  # PostgreSQL stores no null character
            problems.append(f"{where}: choice {c_index + 1} has a null character in its code")
            continue
        if choice_data["code"] in choice_codes:
            problems.append(f"{where}: two choices have the code {choice_data['code']!r}")
        choice_codes.add(choice_data["code"])
        question.choices.append(
            Choice(
                position=c_index,
                code=choice_data["code"][:60],
                role=_one_of(
                    choice_data.get("role", "option"),
                    CHOICE_ROLES,
                    f"{where} choice role",
                    problems,
                ),
                label=_texts(
                    choice_data.get("label"),
                    languages,
                    f"{where} choice {choice_data['code']}",
                    problems,
                ),
                hidden=bool(choice_data.get("hidden", False)),
            )
        )
    if kind in CHOICE_KINDS and kind != "yes_no" and not question.options:
        problems.append(f"{where}: a {kind.replace('_', ' ')} question needs choices")
    if kind == "matrix" and not question.rows:
        problems.append(f"{where}: a matrix needs rows")
    return question


def _texts(value, languages, where, problems):
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(f"{where} must map language codes to texts")
        return {}
    texts = {}
    for language, text in value.items():
        if language not in languages:
            problems.append(f"{where} has a text in {language!r}, not a language of the round")
        elif not isinstance(text, str) or len(text) > MAX_TEXT or "\x00" in text:
            problems.append(
                f"{where} in {language!r} is not a text of at most {MAX_TEXT} characters"
            )
        elif text:
            texts[language] = text
    return texts


def _one_of(value, allowed, where, problems):
    if value not in allowed:
        problems.append(f"{where}: {value!r} is not one of {', '.join(allowed)}")
        return allowed[0]
    return value


def _integer(value, where, problems, minimum=None):
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or (minimum is not None and value < minimum)
        or abs(value) > 10**9
    ):
        problems.append(
            f"{where}: {value!r} is not a whole number"
            + (f" of at least {minimum}" if minimum is not None else "")
        )
        return None if minimum is None else max(minimum, 5 if where == "min_cell_size" else 1)
    return value


def _number(value, where, problems):
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or abs(value) > 1e15
    ):
        problems.append(f"{where}: {value!r} is not a number")
        return None
    return float(value)
