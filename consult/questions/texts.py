"""Kinds answered in the member's own words: a short text (one line) and a long text."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import Length

from .base import ANSWERED_SETTINGS, QuestionKind
from .fields import NoControlCharacters, label_and_help, required_or_optional


class TextKind(QuestionKind):
    """One answer row holding the text, with the language of the page it was written on."""

    stores = "text"
    written = True
    settings = (*ANSWERED_SETTINGS, "max_length")
    #: The longest answer, in characters, when the question sets none.
    default_max_length = 0
    field_class = StringField
    #: XLSForm's appearance of the text box.
    appearance = None
    xlsform_constraints = {("string-length(.)", "<="): "max_length"}
    #: XLSForm's names of the text type.
    XLSFORM_TYPES = ("text", "string", "add text prompt", "q string")

    def from_xlsform(self, type_, appearance):
        multiline = "multiline" in appearance
        if type_ in self.XLSFORM_TYPES and multiline == (self.appearance == "multiline"):
            return {"kind": self.name}
        return None

    def field(self, question, language, fallback, draft_token):
        max_length = question.max_length or self.default_max_length
        validators = [
            *required_or_optional(question),
            Length(max=max_length, message=_l("Please shorten your answer to %(max)d characters.")),
            NoControlCharacters(),
        ]
        return self.field_class(
            validators=validators,
            render_kw={"maxlength": max_length},
            **label_and_help(question, language, fallback),
        )

    def cleaned(self, question, field):
        value = super().cleaned(question, field)
        return (value.strip() or None) if value is not None else None

    def answer_rows(self, question, value, other):
        return [dict(item=0, text=str(value))]

    def xlsform(self, question, list_name, options, source):
        columns = {"type": "text", "appearance": self.appearance}
        if question.get("max_length"):
            columns["constraint"] = f"string-length(.) <= {question['max_length']}"
        return columns, list_name, options


class ShortText(TextKind):
    name = "short_text"
    label = _l("Short text")
    default_max_length = 300


class LongText(TextKind):
    name = "long_text"
    label = _l("Long text")
    default_max_length = 5000
    field_class = TextAreaField
    appearance = "multiline"
