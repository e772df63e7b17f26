"""Changes to a round's pages and the questions on them, one transaction each, every one in
the audit log; the rules that protect collected answers are in ``operations``."""

from flask_babel import gettext as _
from sqlalchemy import exists, select

from ..audit import record
from ..extensions import db
from ..questions import KINDS, kind_of
from ..respond.models import Answer
from ..translate.memory import in_every_language, mark_made_from_source
from ..translate.texts import round_texts
from .models import Choice, Question, Section
from .operations import DesignError, check_round_conditions, require_editable, set_text

#: Settings a question form may change; which ones apply depends on the kind.
QUESTION_SETTINGS = (
    "required",
    "dropdown",
    "randomise_choices",
    "ordered",
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


# --- pages (sections) -----------------------------------------------------------------------


def add_section(round_, title):
    require_editable(round_)
    section = Section(position=len(round_.sections), title={round_.source_language: title})
    round_.sections.append(section)
    db.session.flush()
    record("section.add", round_, section=section.id)
    db.session.commit()
    return section


def update_section(section, data):
    round_ = section.round
    require_editable(round_)
    set_text(section.title, round_.source_language, data["title"])
    set_text(section.introduction, round_.source_language, data["introduction"])
    section.condition = data["condition"]
    check_round_conditions(round_)
    record("section.update", round_, section=section.id)
    db.session.commit()


def move_section(section, direction):
    round_ = section.round
    require_editable(round_)
    _move(round_.sections, section, direction)
    check_round_conditions(round_)
    record("section.move", round_, section=section.id, direction=direction)
    db.session.commit()


def duplicate_section(section):
    round_ = section.round
    require_editable(round_)
    codes = {q.code for q in round_.questions}
    copy = Section(
        title=dict(section.title),
        introduction=dict(section.introduction),
        condition=section.condition,
    )
    for question in section.questions:
        copy.questions.append(copy_question(question, codes))
    round_.sections.insert(section.position + 1, copy)
    _renumber(round_.sections)
    record("section.duplicate", round_, section=section.id)
    db.session.commit()
    return copy


def delete_section(section):
    round_ = section.round
    require_editable(round_)
    if any(_has_answers(q) for q in section.questions):
        raise DesignError(
            _("This page has questions that members have answered: it cannot be deleted.")
        )
    if len(round_.sections) == 1:
        raise DesignError(_("A round needs at least one page."))
    round_.sections.remove(section)
    _renumber(round_.sections)
    check_round_conditions(round_)
    record("section.delete", round_, section=section.id)
    db.session.commit()


# --- questions ------------------------------------------------------------------------------


def add_question(section, kind, text="", choices=(), required=False):
    """A new question of ``kind`` at the end of the page: with its ``text``, its ``choices``
    ([(code, label)], for the kinds that have them) and ``required`` when the designer typed
    them, otherwise a placeholder text and starter choices."""
    round_ = section.round
    require_editable(round_)
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
    require_editable(round_)
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
    set_text(question.text, language, data["text"])
    set_text(question.help, language, data["help"])
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
    check_round_conditions(round_)
    record("question.update", round_, question=question.code)
    db.session.commit()


def move_question(question, direction):
    round_ = question.section.round
    require_editable(round_)
    _move(question.section.questions, question, direction)
    check_round_conditions(round_)
    record("question.move", round_, question=question.code, direction=direction)
    db.session.commit()


def duplicate_question(question):
    section, round_ = question.section, question.section.round
    require_editable(round_)
    copy = copy_question(question, {q.code for q in round_.questions})
    section.questions.insert(question.position + 1, copy)
    _renumber(section.questions)
    record("question.duplicate", round_, question=question.code, copy=copy.code)
    db.session.commit()
    return copy


def delete_question(question):
    section, round_ = question.section, question.section.round
    require_editable(round_)
    if _has_answers(question):
        raise DesignError(_("Members have answered this question: it cannot be deleted."))
    section.questions.remove(question)
    _renumber(section.questions)
    check_round_conditions(round_)
    record("question.delete", round_, question=question.code)
    db.session.commit()


# --- helpers --------------------------------------------------------------------------------


def _has_answers(question):
    if question.id is None:
        return False
    return db.session.scalar(select(exists().where(Answer.question_id == question.id)))


def _choice_has_answers(choice):
    return db.session.scalar(
        select(exists().where((Answer.choice_id == choice.id) | (Answer.row_id == choice.id)))
    )


def _move(items, item, direction):
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    _renumber(items)


def _renumber(items):
    for position, item in enumerate(items):
        item.position = position


def copy_question(question, codes):
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
