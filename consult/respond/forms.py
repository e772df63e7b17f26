"""The member's form, built at runtime from a section's questions: one field per question,
named ``question_<id>``."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    Field,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, StopValidation, ValidationError

from ..i18n import pick

DEFAULT_MAX_LENGTH = {"short_text": 300, "long_text": 5000}
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def field_name(question):
    return f"question_{question.id}"


class NoControlCharacters:
    """Null bytes and other control characters cannot be stored (PostgreSQL refuses them)."""

    def __call__(self, form, field):
        if field.data and _CONTROL_CHARACTERS.search(field.data):
            raise ValidationError(_l("Please remove the special characters from your answer."))


class RequiredAnswer(InputRequired):
    def __init__(self):
        super().__init__(message=_l("Please answer this question."))

    def __call__(self, form, field):
        if not field.raw_data or not any(v.strip() for v in field.raw_data if isinstance(v, str)):
            field.errors[:] = []
            raise StopValidation(self.message)


class RankingField(Field):
    """The top N of a list, ordered without JavaScript: one drop-down of ranks per choice.

    Every drop-down is named like the field; each value is "<choice id>:<rank>" or empty, so
    ``data`` becomes the choice ids in rank order.
    """

    def __init__(self, label=None, validators=None, choices=(), rank_count=3, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.choices = list(choices)
        self.rank_count = rank_count
        self.data = []

    def process_formdata(self, valuelist):
        ranks = {}
        for value in valuelist:
            if not value:
                continue
            choice, _, rank = value.partition(":")
            if not (choice.isdigit() and rank.isdigit()):
                raise ValueError(_l("Please choose a rank from the list."))
            if int(rank) in ranks:
                raise ValueError(_l("Please give each rank to one item only."))
            ranks[int(rank)] = int(choice)
        self.data = [ranks[rank] for rank in sorted(ranks)]

    def pre_validate(self, form):
        known = {choice.value for choice in self.choices}
        if any(choice_id not in known for choice_id in self.data):
            raise ValidationError(_l("Please choose a rank from the list."))
        if len(set(self.data)) != len(self.data):
            raise ValidationError(_l("Please give each item one rank only."))
        if len(self.data) > self.rank_count:
            raise ValidationError(_l("Please rank only the top %(count)s.", count=self.rank_count))

    def rank_of(self, choice_id):
        return self.data.index(choice_id) + 1 if choice_id in (self.data or []) else None


def _field_for(question, language, fallback):
    label = pick(question.text, language, fallback)
    description = pick(question.help, language, fallback)
    choices = [SelectChoice(c.id, pick(c.label, language, fallback)) for c in question.choices]
    validators = [RequiredAnswer()] if question.required else [Optional()]
    common = {"label": label, "description": description}
    if question.kind in ("single_choice", "scale"):
        return RadioField(choices=choices, coerce=int, validators=validators, **common)
    if question.kind == "multiple_choice":
        return SelectMultipleField(choices=choices, coerce=int, validators=validators, **common)
    if question.kind == "ranking":
        return RankingField(
            choices=choices,
            rank_count=question.rank_count or len(choices),
            validators=validators,
            **common,
        )
    max_length = question.max_length or DEFAULT_MAX_LENGTH[question.kind]
    validators += [
        Length(max=max_length, message=_l("Please shorten your answer to %(max)d characters.")),
        NoControlCharacters(),
    ]
    field_class = StringField if question.kind == "short_text" else TextAreaField
    return field_class(validators=validators, render_kw={"maxlength": max_length}, **common)


def page_form(section, language, fallback, answers, formdata=None):
    """The form of one page, filled from the draft's saved ``answers`` on GET."""

    class PageForm(FlaskForm):
        pass

    for question in section.questions:
        setattr(PageForm, field_name(question), _field_for(question, language, fallback))
    saved = {field_name(q): answers[str(q.id)] for q in section.questions if str(q.id) in answers}
    form = PageForm(formdata=formdata, data=saved if formdata is None else None)
    form.questions = [(q, form[field_name(q)]) for q in section.questions]
    return form


def cleaned_answers(form, section):
    """{question id: value} for the fields that validated; empty answers are left out."""
    answers = {}
    for question in section.questions:
        field = form[field_name(question)]
        if field.errors or field.data in (None, "", []):
            continue
        value = field.data.strip() if isinstance(field.data, str) else field.data
        if value not in ("", None):
            answers[question.id] = value
    return answers
