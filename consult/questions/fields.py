"""The pieces the kinds build a member's fields from: names, validators, the ranking field
and the "other, please specify" box.

A question's field is named ``question_<id>`` (a matrix: one per row, ``question_<id>-<row
id>``; an "other, please specify" box: ``question_<id>-other``).
"""

import random
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import Field, SelectChoice, StringField
from wtforms.validators import InputRequired, Length, Optional, StopValidation, ValidationError

from ..i18n import pick
from ..text import CONTROL_CHARACTERS

OTHER_MAX_LENGTH = 300
#: The largest number an answer may be, as a bound of a question (design.definition._number).
MAX_NUMBER = 10**15


def field_name(question):
    return f"question_{question.id}"


def label_and_help(question, language, fallback):
    """The keyword arguments that give a field the question's text and help."""
    return {
        "label": pick(question.text, language, fallback),
        "description": pick(question.help, language, fallback),
    }


def required_or_optional(question):
    return [RequiredAnswer()] if question.required else [Optional()]


def ordered_options(question, draft_token):
    """The options in the order this member sees them: shuffled once per member when the
    question asks for it, with "other" and "prefer not to say" kept last."""
    options = question.options
    if not question.randomise_choices:
        return options
    ordinary = [c for c in options if c.role == "option"]
    last = [c for c in options if c.role != "option"]
    random.Random(f"{draft_token}:{question.id}").shuffle(ordinary)
    return ordinary + last


def option_choices(question, language, fallback, draft_token):
    """The options as a field's choices, in this member's order."""
    return [
        SelectChoice(c.id, pick(c.label, language, fallback))
        for c in ordered_options(question, draft_token)
    ]


def other_box():
    """The text box of an "other, please specify" choice."""
    return StringField(
        label=_l("Please specify"),
        validators=[Optional(), Length(max=OTHER_MAX_LENGTH), NoControlCharacters()],
        render_kw={"maxlength": OTHER_MAX_LENGTH},
    )


class NoControlCharacters:
    """Null bytes and other control characters cannot be stored (PostgreSQL refuses them)."""

    def __call__(self, form, field):
        if field.data and CONTROL_CHARACTERS.search(str(field.data)):
            raise ValidationError(_l("Please remove the special characters from your answer."))


class FiniteNumber:
    """NaN, infinity and numbers of hundreds of digits are not answers: the range check
    cannot compare them and a stored answer is a float."""

    def __call__(self, form, field):
        data = field.data
        if data is None:
            return
        if isinstance(data, Decimal):
            if not data.is_finite() or abs(data) > MAX_NUMBER:
                raise StopValidation(field.gettext("Not a valid decimal value."))
        elif abs(data) > MAX_NUMBER:
            raise StopValidation(field.gettext("Not a valid integer value."))


class RequiredAnswer(InputRequired):
    def __init__(self):
        super().__init__(message=_l("Please answer this question."))

    def __call__(self, form, field):
        if not field.raw_data or not any(v.strip() for v in field.raw_data if isinstance(v, str)):
            field.errors[:] = []
            raise StopValidation(self.message)


class ChoiceCount:
    """Between ``minimum`` and ``maximum`` ticks; "prefer not to say" stands alone."""

    def __init__(self, minimum, maximum, prefer_not_ids):
        self.minimum, self.maximum, self.prefer_not_ids = minimum, maximum, prefer_not_ids

    def __call__(self, form, field):
        chosen = field.data or []
        if set(chosen) & self.prefer_not_ids and len(chosen) > 1:
            raise ValidationError(_l("“Prefer not to say” cannot be ticked with other answers."))
        if self.minimum and chosen and len(chosen) < self.minimum:
            raise ValidationError(_l("Please tick at least %(count)d.", count=self.minimum))
        if self.maximum and len(chosen) > self.maximum:
            raise ValidationError(_l("Please tick at most %(count)d.", count=self.maximum))


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
        #: {choice id: rank} as the member chose them, so that a page returned with an error
        #: shows every rank they gave, the valid ones included, for them to correct.
        self.given = {}

    def process_formdata(self, valuelist):
        self.data = []  # not None when a value below is refused: pre_validate reads it
        ranks, malformed = {}, False
        for value in valuelist:
            if not value:
                continue
            choice, _, rank = value.partition(":")
            if not (choice.isdigit() and rank.isdigit()):
                malformed = True
                continue
            self.given[int(choice)] = int(rank)
            ranks.setdefault(int(rank), []).append(int(choice))
        if malformed:
            raise ValueError(_l("Please choose a rank from the list."))
        if any(len(choices) > 1 for choices in ranks.values()):
            raise ValueError(_l("Please give each rank to one item only."))
        self.data = [ranks[rank][0] for rank in sorted(ranks)]

    def pre_validate(self, form):
        known = {choice.value for choice in self.choices}
        if any(choice_id not in known for choice_id in self.data):
            raise ValidationError(_l("Please choose a rank from the list."))
        if len(set(self.data)) != len(self.data):
            raise ValidationError(_l("Please give each item one rank only."))
        if len(self.data) > self.rank_count:
            raise ValidationError(_l("Please rank only the top %(count)s.", count=self.rank_count))

    def rank_of(self, choice_id):
        if self.given:
            return self.given.get(choice_id)
        return self.data.index(choice_id) + 1 if choice_id in (self.data or []) else None
