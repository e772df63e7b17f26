"""The member's form, built at runtime from a section's visible questions: one field per
question named ``question_<id>`` (a matrix: one per row, ``question_<id>-<row id>``; an
"other, please specify" box: ``question_<id>-other``)."""

import math
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import (
    DecimalField,
    Field,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)

from ..forms import TranslatedForm
from ..i18n import pick
from ..text import CONTROL_CHARACTERS
from .flow import ordered_options

DEFAULT_MAX_LENGTH = {"short_text": 300, "long_text": 5000}
OTHER_MAX_LENGTH = 300
#: The largest number an answer may be, as a bound of a question (design.definition._number).
MAX_NUMBER = 10**15


def field_name(question):
    return f"question_{question.id}"


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


class Matrix:
    """The rows of a matrix question: one radio group per row, on one shared scale."""

    def __init__(self, question, rows):
        self.question, self.rows = question, rows  # rows: [(label, field)]
        self.name = field_name(question)
        self.id = self.name
        self.label_text = None
        self.description = None

    @property
    def errors(self):
        return [error for _, field in self.rows for error in field.errors]


def _choices(question, language, fallback, draft_token):
    return [
        SelectChoice(c.id, pick(c.label, language, fallback))
        for c in ordered_options(question, draft_token)
    ]


def _add_fields(form_class, question, language, fallback, draft_token):
    """Add the question's field(s) to ``form_class``."""
    name = field_name(question)
    common = {
        "label": pick(question.text, language, fallback),
        "description": pick(question.help, language, fallback),
    }
    required = [RequiredAnswer()] if question.required else [Optional()]
    kind = question.kind
    if kind == "info":
        return
    if kind == "matrix":
        for row in question.rows:
            setattr(
                form_class,
                f"{name}-{row.id}",
                RadioField(
                    label=pick(row.label, language, fallback),
                    choices=_choices(question, language, fallback, draft_token),
                    coerce=int,
                    validators=[RequiredAnswer()] if question.required else [Optional()],
                ),
            )
        return
    if kind in ("single_choice", "scale", "yes_no"):
        choices = _choices(question, language, fallback, draft_token)
        if question.dropdown:
            choices = [SelectChoice("", _l("Choose…")), *choices]
            field = SelectField(choices=choices, coerce=_int_or_none, validators=required, **common)
        else:
            field = RadioField(choices=choices, coerce=int, validators=required, **common)
    elif kind == "multiple_choice":
        prefer_not = {c.id for c in question.options if c.role == "prefer_not"}
        field = SelectMultipleField(
            choices=_choices(question, language, fallback, draft_token),
            coerce=int,
            validators=[
                *required,
                ChoiceCount(question.min_choices, question.max_choices, prefer_not),
            ],
            **common,
        )
    elif kind == "ranking":
        field = RankingField(
            choices=_choices(question, language, fallback, draft_token),
            rank_count=question.rank_count or len(question.options),
            validators=required,
            **common,
        )
    elif kind == "rating":
        field = RadioField(
            choices=[SelectChoice(n, str(n)) for n in range(11)],
            coerce=int,
            validators=required,
            **common,
        )
    elif kind == "number":
        low, high = question.min_value, question.max_value
        whole = not question.allow_decimals
        if whole:  # "from 0 to 500", not "from 0.0 to 500.0"; the same whole numbers pass
            low = None if low is None else math.ceil(low)
            high = None if high is None else math.floor(high)
        bounds = []
        if low is not None or high is not None:  # without bounds, no "at most None"
            message = _number_message(low, high, whole)
            bounds.append(NumberRange(min=low, max=high, message=message))
        field_class = DecimalField if question.allow_decimals else IntegerField
        field = field_class(
            validators=[*required, FiniteNumber(), *bounds],
            render_kw={"inputmode": "decimal" if question.allow_decimals else "numeric"},
            **common,
        )
    else:
        max_length = question.max_length or DEFAULT_MAX_LENGTH[kind]
        validators = [
            *required,
            Length(max=max_length, message=_l("Please shorten your answer to %(max)d characters.")),
            NoControlCharacters(),
        ]
        field_class = StringField if kind == "short_text" else TextAreaField
        field = field_class(validators=validators, render_kw={"maxlength": max_length}, **common)
    setattr(form_class, name, field)
    if any(c.role == "other" for c in question.options):
        setattr(
            form_class,
            f"{name}-other",
            StringField(
                label=_l("Please specify"),
                validators=[Optional(), Length(max=OTHER_MAX_LENGTH), NoControlCharacters()],
                render_kw={"maxlength": OTHER_MAX_LENGTH},
            ),
        )


def _number_message(low, high, whole=False):
    if whole:
        if low is not None and high is not None:
            return _l("Please give a whole number from %(min)s to %(max)s.")
        if low is not None:
            return _l("Please give a whole number of at least %(min)s.")
        return _l("Please give a whole number of at most %(max)s.")
    if low is not None and high is not None:
        return _l("Please give a number from %(min)s to %(max)s.")
    if low is not None:
        return _l("Please give a number of at least %(min)s.")
    return _l("Please give a number of at most %(max)s.")


def _int_or_none(value):
    return int(value) if value not in (None, "") else None


def page_form(questions, language, fallback, answers, draft_token, formdata=None):
    """The form of one page (its visible ``questions``), filled from the draft's saved
    ``answers`` on GET."""

    class PageForm(TranslatedForm):
        pass

    for question in questions:
        _add_fields(PageForm, question, language, fallback, draft_token)
    form = PageForm(formdata=formdata, data=None if formdata else _saved_data(questions, answers))
    form.questions = []
    for question in questions:
        name = field_name(question)
        if question.kind == "matrix":
            entry = Matrix(
                question,
                [
                    (form[f"{name}-{r.id}"].label.text, form[f"{name}-{r.id}"])
                    for r in question.rows
                ],
            )
        elif question.kind == "info":
            entry = None
        else:
            entry = form[name]
        other = form[f"{name}-other"] if f"{name}-other" in form else None
        form.questions.append((question, entry, other))
    return form


def _saved_data(questions, answers):
    data = {}
    for question in questions:
        name, value = field_name(question), answers.get(str(question.id))
        if value is None:
            continue
        if question.kind == "matrix":
            data.update({f"{name}-{row}": choice for row, choice in value.items()})
        else:
            data[name] = value
        if str(question.id) + ".other" in answers:
            data[f"{name}-other"] = answers[f"{question.id}.other"]
    return data


def check_other_texts(form, questions):
    """A chosen "other" needs its text; returns False (with the error on the box) if not."""
    valid = True
    for question, field, other in form.questions:
        if other is None or field is None:
            continue
        other_ids = {c.id for c in question.options if c.role == "other"}
        chosen = field.data if isinstance(field.data, list) else [field.data]
        if other_ids & set(chosen) and not (other.data or "").strip():
            other.errors = [*other.errors, _l("Please say what “other” is.")]
            valid = False
    return valid


def cleaned_answers(form):
    """{draft key: value} for the fields that validated; empty answers are left out."""
    answers = {}
    for question, field, other in form.questions:
        key = str(question.id)
        if question.kind == "matrix":
            rows = {
                str(f.name.rsplit("-", 1)[1]): f.data
                for _, f in field.rows
                if not f.errors and f.data is not None
            }
            if rows:
                answers[key] = rows
            continue
        if field is None or field.errors or field.data in (None, "", []):
            continue
        value = field.data
        if isinstance(value, str):
            value = value.strip()
        elif question.kind == "number":
            value = float(value) if question.allow_decimals else int(value)
        if value not in ("", None):
            answers[key] = value
        if other is not None and not other.errors and (other.data or "").strip():
            answers[f"{key}.other"] = other.data.strip()
    return answers


class ResumeForm(TranslatedForm):
    code = StringField(
        _l("Your resume code"),
        description=_l(
            "For example K7Q4-M9XR-2T. Small or capital letters, with or without dashes."
        ),
        validators=[InputRequired(message=_l("Please write your resume code.")), Length(max=40)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )


class AccessCodeForm(TranslatedForm):
    code = StringField(
        _l("Your code"),
        description=_l("The code you were given to take part."),
        validators=[InputRequired(message=_l("Please write your code.")), Length(max=40)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
