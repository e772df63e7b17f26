"""The member's form, built at runtime from a section's visible questions: each question's
kind (consult.questions) gives its field(s), named ``question_<id>`` (a matrix: one per row,
``question_<id>-<row id>``; an "other, please specify" box: ``question_<id>-other``)."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from ..forms import TranslatedForm
from ..questions import KINDS, kind_of

# The validators and names other packages import from here.
from ..questions.fields import (  # noqa: F401
    OTHER_MAX_LENGTH,
    NoControlCharacters,
    field_name,
)

#: The longest answer of each text kind when its question sets none.
DEFAULT_MAX_LENGTH = {
    name: kind.default_max_length for name, kind in KINDS.items() if kind.stores == "text"
}


def page_form(questions, language, fallback, answers, draft_token, formdata=None):
    """The form of one page (its visible ``questions``), filled from the draft's saved
    ``answers`` on GET. ``form.questions`` holds (question, what its template shows, its
    "other" box or None) for each question."""

    class PageForm(TranslatedForm):
        pass

    for question in questions:
        fields = kind_of(question).form_fields(question, language, fallback, draft_token)
        for name, field in fields.items():
            setattr(PageForm, name, field)
    form = PageForm(formdata=formdata, data=None if formdata else _saved_data(questions, answers))
    form.questions = []
    for question in questions:
        other = f"{field_name(question)}-other"
        form.questions.append(
            (
                question,
                kind_of(question).entry(form, question),
                form[other] if other in form else None,
            )
        )
    return form


def _saved_data(questions, answers):
    data = {}
    for question in questions:
        value = answers.get(str(question.id))
        if value is None:
            continue
        data.update(kind_of(question).saved_data(question, value))
        if f"{question.id}.other" in answers:
            data[f"{field_name(question)}-other"] = answers[f"{question.id}.other"]
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
    """{draft key: value} for the fields that validated; empty answers are left out, and
    so is the "other" text of a question left unanswered."""
    answers = {}
    for question, field, other in form.questions:
        key = str(question.id)
        value = kind_of(question).cleaned(question, field)
        if value is None:
            continue
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
