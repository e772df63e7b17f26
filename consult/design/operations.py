"""Changes to a round's design, one transaction each, every one in the audit log.

Rules that protect collected answers: an archived round is read-only; once a round has
responses, a question that has answers cannot change type or be deleted, and an answered
choice cannot be deleted (hide it instead). Fixing a text, adding a translation and hiding a
choice are always allowed.
"""

import re

from flask_babel import gettext as _
from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError

from ..audit import record
from ..extensions import db
from ..i18n import native_name
from ..questions import KINDS, kind_of
from ..respond.models import Answer, Response
from ..translate.memory import in_every_language, mark_made_from_source
from ..translate.texts import incomplete_languages, round_texts
from .conditions import ConditionError, check_conditions
from .definition import FORMAT, SLUG, from_definition, to_definition
from .labels import STATUS_NAMES, TRANSITIONS
from .library import QuestionBlock, starter_blocks
from .models import Choice, Question, Round, Section, utcnow

#: Settings a question form may change; which ones apply depends on the kind.
QUESTION_SETTINGS = (
    "required",
    "dropdown",
    "randomise_choices",
    "min_choices",
    "max_choices",
    "rank_count",
    "min_value",
    "max_value",
    "allow_decimals",
    "max_length",
    "condition",
    "identifying",
)


class DesignError(ValueError):
    """A change that cannot be made; the message, in the staff member's language, says why."""


# --- rounds ---------------------------------------------------------------------------------


def create_round(title, slug, languages):
    """A new draft round with one empty section."""
    round_ = Round(
        slug=slug, title={languages[0]: title}, languages=languages, source_language=languages[0]
    )
    round_.sections.append(Section(position=0, title={languages[0]: _("Questions")}))
    _add_new_round(round_, "round.create", slug=slug)
    return round_


def _add_new_round(round_, action, **details):
    """Write a new round, and its audit entry, if its address is free. The unique index
    decides, so that two staff taking one address at the same moment get the message rather
    than an error page."""
    db.session.add(round_)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        if db.session.scalar(select(func.count()).where(Round.slug == round_.slug)):
            raise DesignError(
                _("Another round already uses the address %(slug)s.", slug=round_.slug)
            ) from None
        raise
    record(action, round_, **details)
    db.session.commit()


def update_round_settings(round_, data):
    _require_editable(round_)
    source = round_.source_language
    if data["languages"][0] != source and has_responses(round_):
        raise DesignError(_("The source language cannot change once members have answered."))
    for name in ("title", "introduction", "thank_you"):
        _set_text(getattr(round_, name), data["languages"][0], data[name])
    round_.languages = data["languages"]
    round_.source_language = data["languages"][0]
    round_.min_cell_size = data["min_cell_size"]
    round_.release_interval_days = data.get("release_interval_days") or round_.release_interval_days
    round_.discreet = bool(data.get("discreet"))
    round_.neutral_label = data.get("neutral_label") or round_.neutral_label
    round_.access_mode = data.get("access_mode") or round_.access_mode
    round_.opens_at, round_.closes_at = data["opens_at"], data["closes_at"]
    record(
        "round.settings",
        round_,
        languages=data["languages"],
        min_cell_size=data["min_cell_size"],
        release_interval_days=round_.release_interval_days,
    )
    db.session.commit()


def change_status(round_, target):
    """Move a round along draft → open → closed → archived; a closed round may reopen.
    Works from what members meet: a round past its closing time is closed."""
    current = round_.effective_status
    current = "draft" if current == "scheduled" and target == "open" else current
    if (current, target) not in TRANSITIONS:
        raise DesignError(
            _(
                "A round cannot go from %(old)s to %(new)s.",
                old=STATUS_NAMES.get(current, current),
                new=STATUS_NAMES.get(target, target),
            )
        )
    if target == "open" and not any(kind_of(q).answered for q in round_.questions):
        raise DesignError(_("A round needs at least one question before it opens."))
    if target == "open" and (missing := incomplete_languages(round_)):
        raise DesignError(
            _(
                "The round cannot open until these languages are complete: %(languages)s.",
                languages=", ".join(native_name(code) for code in missing),
            )
        )
    if target == "open" and round_.closes_at is not None and round_.closes_at <= utcnow():
        round_.closes_at = None  # reopening: the old closing time has passed
    round_.status = target
    record("round.status", round_, status=target)
    db.session.commit()


def copy_round(round_, slug):
    """A new draft round with the same questionnaire and texts, and no responses."""
    if not SLUG.match(slug or ""):
        raise DesignError(_("Use lower-case letters, digits and hyphens."))
    copy = from_definition(to_definition(round_), slug=slug)
    _add_new_round(copy, "round.copy", source=round_.slug)
    return copy


def import_round(definition, slug=None, source="json"):
    """Create a draft round from a definition (JSON or XLSForm import); nothing is written
    unless the whole definition is valid (raises DefinitionError)."""
    round_ = from_definition(definition, slug=slug)
    _add_new_round(round_, "round.import", source=source)
    return round_


# --- sections -------------------------------------------------------------------------------


def add_section(round_, title):
    _require_editable(round_)
    section = Section(position=len(round_.sections), title={round_.source_language: title})
    round_.sections.append(section)
    db.session.flush()
    record("section.add", round_, section=section.id)
    db.session.commit()
    return section


def update_section(section, data):
    round_ = section.round
    _require_editable(round_)
    _set_text(section.title, round_.source_language, data["title"])
    _set_text(section.introduction, round_.source_language, data["introduction"])
    section.condition = data["condition"]
    _check_conditions(round_)
    record("section.update", round_, section=section.id)
    db.session.commit()


def move_section(section, direction):
    round_ = section.round
    _require_editable(round_)
    _move(round_.sections, section, direction)
    _check_conditions(round_)
    record("section.move", round_, section=section.id, direction=direction)
    db.session.commit()


def duplicate_section(section):
    round_ = section.round
    _require_editable(round_)
    codes = {q.code for q in round_.questions}
    copy = Section(
        title=dict(section.title),
        introduction=dict(section.introduction),
        condition=section.condition,
    )
    for question in section.questions:
        copy.questions.append(_copy_question(question, codes))
    round_.sections.insert(section.position + 1, copy)
    _renumber(round_.sections)
    record("section.duplicate", round_, section=section.id)
    db.session.commit()
    return copy


def delete_section(section):
    round_ = section.round
    _require_editable(round_)
    if any(_has_answers(q) for q in section.questions):
        raise DesignError(
            _("This page has questions that members have answered: it cannot be deleted.")
        )
    if len(round_.sections) == 1:
        raise DesignError(_("A round needs at least one page."))
    round_.sections.remove(section)
    _renumber(round_.sections)
    _check_conditions(round_)
    record("section.delete", round_, section=section.id)
    db.session.commit()


# --- questions ------------------------------------------------------------------------------


def add_question(section, kind, text="", choices=(), required=False):
    """A new question of ``kind`` at the end of the page: with its ``text``, its ``choices``
    ([(code, label)], for the kinds that have them) and ``required`` when the designer typed
    them, otherwise a placeholder text and starter choices."""
    round_ = section.round
    _require_editable(round_)
    codes = {q.code for q in round_.questions}
    number = len(codes) + 1
    while f"q{number}" in codes:
        number += 1
    language = round_.source_language
    question = Question(
        code=f"q{number}",
        kind=kind,
        text={language: text.strip() or _("New question")},
        position=len(section.questions),
        required=required and KINDS[kind].answered,
    )
    question.choices = _starter_choices(kind, round_)
    if choices and KINDS[kind].has_choices:
        rows = [c for c in question.choices if c.role == "row"]
        typed = {code for code, _label in choices}
        for row in rows:  # a typed choice may take a starter row's code (uq_choice_code)
            number = 1
            while row.code in typed:
                number += 1
                row.code = f"row_{number}"
        question.choices = [
            Choice(position=i, code=code, label={language: label}, role="option")
            for i, (code, label) in enumerate(choices)
        ] + rows
        for position, row in enumerate(rows, len(choices)):
            row.position = position
    section.questions.append(question)
    db.session.flush()
    # The starter choices came translated from consult's catalogues: as if translated.
    keys = {f"choice.{choice.id}.label" for choice in question.choices}
    mark_made_from_source(round_, [t for t in round_texts(round_) if t.key in keys])
    record("question.add", round_, question=question.code, kind=kind)
    db.session.commit()
    return question


def update_question(question, data):
    """Apply the question form's data; refuse changes that would corrupt answers."""
    round_ = question.section.round
    _require_editable(round_)
    language = round_.source_language
    answered = _has_answers(question)
    if data["kind"] != question.kind and answered:
        raise DesignError(_("Members have answered this question: its type cannot change."))
    if data["code"] != question.code and any(
        q.code == data["code"] for q in round_.questions if q is not question
    ):
        raise DesignError(
            _("Another question already has the short name %(code)s.", code=data["code"])
        )
    question.code, question.kind = data["code"], data["kind"]
    _set_text(question.text, language, data["text"])
    _set_text(question.help, language, data["help"])
    for name in QUESTION_SETTINGS:
        setattr(question, name, data.get(name))
    kind = kind_of(question)
    if not kind.answered:
        question.required = False
    _update_choices(question, data, language)
    if kind.has_choices and not question.options:
        raise DesignError(_("This type of question needs at least one choice."))
    if kind.has_rows and not question.rows:
        raise DesignError(_("A matrix needs at least one row."))
    _check_conditions(round_)
    record("question.update", round_, question=question.code)
    db.session.commit()


def move_question(question, direction):
    round_ = question.section.round
    _require_editable(round_)
    _move(question.section.questions, question, direction)
    _check_conditions(round_)
    record("question.move", round_, question=question.code, direction=direction)
    db.session.commit()


def duplicate_question(question):
    section, round_ = question.section, question.section.round
    _require_editable(round_)
    copy = _copy_question(question, {q.code for q in round_.questions})
    section.questions.insert(question.position + 1, copy)
    _renumber(section.questions)
    record("question.duplicate", round_, question=question.code, copy=copy.code)
    db.session.commit()
    return copy


def delete_question(question):
    section, round_ = question.section, question.section.round
    _require_editable(round_)
    if _has_answers(question):
        raise DesignError(_("Members have answered this question: it cannot be deleted."))
    section.questions.remove(question)
    _renumber(section.questions)
    _check_conditions(round_)
    record("question.delete", round_, question=question.code)
    db.session.commit()


# --- helpers --------------------------------------------------------------------------------


def has_responses(round_):
    return db.session.scalar(select(exists().where(Response.round_id == round_.id)))


def _has_answers(question):
    if question.id is None:
        return False
    return db.session.scalar(select(exists().where(Answer.question_id == question.id)))


def _choice_has_answers(choice):
    return db.session.scalar(
        select(exists().where((Answer.choice_id == choice.id) | (Answer.row_id == choice.id)))
    )


def _require_editable(round_):
    if round_.status == "archived":
        raise DesignError(_("This round is archived: it can no longer be changed."))


def _check_conditions(round_):
    db.session.flush()
    try:
        check_conditions(round_)
    except ConditionError as error:
        db.session.rollback()
        raise DesignError(str(error)) from None


def _set_text(texts, language, value):
    if value:
        texts[language] = value
    else:
        texts.pop(language, None)


def _move(items, item, direction):
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    _renumber(items)


def _renumber(items):
    for position, item in enumerate(items):
        item.position = position


def _copy_question(question, codes):
    code = question.code
    while code in codes:
        code = f"{question.code}_copy" if code == question.code else f"{code}_"
    codes.add(code)
    copy = Question(
        code=code[:60],
        kind=question.kind,
        text=dict(question.text),
        help=dict(question.help),
        **{name: getattr(question, name) for name in QUESTION_SETTINGS},
    )
    copy.choices = [
        Choice(position=c.position, code=c.code, label=dict(c.label), role=c.role, hidden=c.hidden)
        for c in question.choices
    ]
    return copy


def _starter_choices(kind, round_):
    """Choices a new question starts with (its kind says which), so that it can be answered
    at once; written in every language of the round that consult's own catalogues have
    (translate.memory)."""
    return [
        Choice(position=i, code=code, label=in_every_language(round_, label), role=role)
        for i, (code, label, role) in enumerate(KINDS[kind].starter_choices())
    ]


def _update_choices(question, data, language):
    """Bring the choices in line with the form: options, rows, "other", "prefer not to
    say", hidden ones. An answered choice is never deleted. A code is one choice's within
    its question (the database's uq_choice_code): the form refuses a repeated one, and so
    does this."""
    wanted = [(code, label, "option") for code, label in data.get("choices") or []]
    if kind_of(question).has_rows:
        wanted += [(code, label, "row") for code, label in data.get("rows") or []]
    if data.get("other"):
        wanted.append(("other", data["other"], "other"))
    if data.get("prefer_not"):
        wanted.append(("prefer_not", data["prefer_not"], "prefer_not"))
    if not kind_of(question).has_choices:
        wanted = []
    codes = [code for code, _label, _role in wanted]
    if repeated := next((code for code in codes if codes.count(code) > 1), None):
        raise DesignError(
            _("Two choices of this question have the short name %(code)s.", code=repeated)
        )
    existing = {(c.code, c.role == "row"): c for c in question.choices}
    kept = []
    for position, (code, label, role) in enumerate(wanted):
        choice = existing.pop((code, role == "row"), None) or Choice(code=code, label={})
        choice.position, choice.role = position, role
        choice.label[language] = label
        choice.hidden = code in (data.get("hidden_choices") or [])
        kept.append(choice)
    removed = list(existing.values())
    for choice in removed:
        if _choice_has_answers(choice):
            raise DesignError(
                _("Members chose %(code)s: hide it instead of deleting it.", code=choice.code)
            )
    if removed:
        # A removed choice's code may go to a new one (a point of the scale made a row): the
        # removed are deleted first, as one flush inserts before it deletes.
        question.choices = [c for c in question.choices if c not in removed]
        db.session.flush()
    question.choices = kept


# --- the library of question blocks ---------------------------------------------------------


def seed_blocks():
    """Add the starter blocks that are missing; returns how many were added."""
    existing = set(db.session.scalars(select(QuestionBlock.code)))
    added = 0
    for block in starter_blocks():
        if block["code"] not in existing:
            db.session.add(QuestionBlock(**block))
            added += 1
    db.session.commit()
    return added


def insert_block(round_, block):
    """Add the block's questions to the round as a new last page. Texts in languages the
    round does not have are left out; a question code already used gets a suffix."""
    _require_editable(round_)
    section_definition = _in_languages(block.section, set(round_.languages))
    built = from_definition(
        {
            "format": FORMAT,
            "slug": round_.slug,
            "languages": list(round_.languages),
            "source_language": round_.source_language,
            "sections": [section_definition],
        }
    )
    section = built.sections.pop(0)
    taken = {q.code for q in round_.questions}
    renamed = {}
    for question in section.questions:
        copy_code = _copy_question(question, taken).code
        if copy_code != question.code:
            renamed[question.code] = copy_code
            question.code = copy_code
    for question in section.questions:
        question.condition = _renamed(question.condition, renamed)
    section.position = len(round_.sections)
    round_.sections.append(section)
    _check_conditions(round_)
    record("block.insert", round_, block=block.code)
    db.session.commit()
    return section


def save_block(section, name):
    """Save a page of a round as a new block of the library."""
    round_ = section.round
    definition = to_definition(round_)["sections"][section.position]
    code = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:50] or "block"
    taken = set(db.session.scalars(select(QuestionBlock.code)))
    unique, number = code, 2
    while unique in taken:
        unique, number = f"{code}_{number}", number + 1
    block = QuestionBlock(
        code=unique, name={round_.source_language: name}, section={**definition, "condition": None}
    )
    db.session.add(block)
    record("block.save", round_, block=unique)
    db.session.commit()
    return block


def delete_block(block):
    record("block.delete", None, block=block.code)
    db.session.delete(block)
    db.session.commit()


def _in_languages(section, languages):
    def texts(value):
        return {k: v for k, v in (value or {}).items() if k in languages}

    return {
        "title": texts(section.get("title")),
        "introduction": texts(section.get("introduction")),
        "condition": None,
        "questions": [
            {
                **question,
                "text": texts(question.get("text")),
                "help": texts(question.get("help")),
                "choices": [
                    {**choice, "label": texts(choice.get("label"))}
                    for choice in question.get("choices", [])
                ],
            }
            for question in section.get("questions", [])
        ],
    }


def _renamed(condition, renamed):
    if not condition or not renamed:
        return condition
    if "all" in condition or "any" in condition:
        key = "all" if "all" in condition else "any"
        return {key: [_renamed(clause, renamed) for clause in condition[key]]}
    return {**condition, "question": renamed.get(condition["question"], condition["question"])}
