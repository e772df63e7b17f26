"""The forms of a round's pages and their questions: a page's texts and condition, a new
question, a question's settings (those its kind takes), the move buttons. Choice lines and
conditions are text parsed by ``cleaned()`` (``forms.ParsedForm``)."""

import json
import re

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FloatField,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    AnyOf,
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from ..forms import TranslatedForm
from ..questions import KINDS
from ..text import one_line
from .forms import ParsedForm
from .pointing import PointingForm

CODE_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.-]{0,59}\Z"
CONDITION_HELP = _l(
    'Leave empty to always show. Example: {"question": "region", "op": "equals", "value": "africa"}'
)
#: One choice a line: "code = label".
CHOICE_LINE = re.compile(r"^\s*([A-Za-z0-9_.-]{1,60})\s*=\s*(.+?)\s*$")


class MoveForm(TranslatedForm):
    direction = HiddenField(validators=[AnyOf(["up", "down"])])


def code_list(text):
    """ "agree, disagree" → ["agree", "disagree"]."""
    return [code.strip() for code in (text or "").split(",") if code.strip()]


def choice_lines(text):
    """ "code = label" lines → [(code, label)]; raises ValidationError naming a bad line."""
    pairs, seen = [], set()
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        match = CHOICE_LINE.match(line)
        if match is None:
            raise ValidationError(
                _l("Line %(number)d should read: short name = label.", number=number)
            )
        if match.group(1) in seen:
            raise ValidationError(_l("Line %(number)d repeats a short name.", number=number))
        seen.add(match.group(1))
        pairs.append((match.group(1), match.group(2)))
    return pairs


def labelled_lines(text):
    """Choice lines where the short name may be left out: "Yes" or "yes = Yes" → [(code,
    label)]; a short name is made from a Latin label, or numbered for any other script."""
    pairs, seen = [], set()
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        match = CHOICE_LINE.match(line)
        code, label = match.groups() if match else ("", line.strip())
        code = code or re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:40]
        number = len(pairs) + 1
        while not code or code in seen:
            code, number = f"c{number}", number + 1
        seen.add(code)
        pairs.append((code, label))
    return pairs


def condition_json(text):
    """A condition's JSON text → a dict; None when empty."""
    if not text or not text.strip():
        return None
    try:
        condition = json.loads(text)
    except ValueError:
        raise ValidationError(_l("The condition is not valid JSON.")) from None
    if not isinstance(condition, dict):
        raise ValidationError(_l("The condition is not valid JSON."))
    return condition


class SectionForm(ParsedForm):
    parsed = {"condition": condition_json}

    title = StringField(
        _l("Title"), validators=[DataRequired(), Length(max=300)], filters=[one_line]
    )
    introduction = TextAreaField(_l("Introduction"), validators=[Length(max=5000)])
    condition = TextAreaField(
        _l("Show only when (condition)"),
        description=CONDITION_HELP,
    )
    #: The same condition, by pointing (design.pointing).
    pointing = FormField(PointingForm)
    #: Why the pointing could not become a condition (set by the view), or None.
    pointing_error = None


def _kind_choices():
    """The kinds of question, as the builder lists them."""
    return [SelectChoice(name, kind.label) for name, kind in KINDS.items()]


class NewQuestionForm(ParsedForm):
    """Add a question from the page overview: its kind, and if the designer wishes its text,
    choices and whether it is required, so that a simple question takes one step."""

    parsed = {"choices": labelled_lines}

    kind = SelectField(
        _l("Add a question of type"),
        choices=_kind_choices(),
    )
    text = TextAreaField(_l("Question"), validators=[Optional(), Length(max=2000)])
    choices = TextAreaField(
        _l("Choices, one a line"),
        description=_l("For the types with choices. Leave empty to start from examples."),
        validators=[Length(max=20000)],
    )
    required = BooleanField(_l("An answer is required"))


class QuestionForm(ParsedForm):
    """A question's settings; which of them apply depends on its kind (``QuestionKind.
    applies``): the page shows only those ("Accept fractions" on a single choice would mean
    nothing)."""

    @staticmethod
    def applies(name, kind):
        """Whether the setting ``name`` means something for a question of ``kind`` (a name,
        perhaps one no kind has, as sent)."""
        return kind in KINDS and KINDS[kind].applies(name)

    parsed = {
        "choices": choice_lines,
        "rows": choice_lines,
        "hidden_choices": code_list,
        "condition": condition_json,
    }

    code = StringField(
        _l("Short name"),
        description=_l("Used in exports and conditions: letters, digits and _."),
        validators=[DataRequired(), Regexp(CODE_PATTERN, message=_l("Use letters, digits and _."))],
    )
    kind = SelectField(_l("Type of question"), choices=_kind_choices())
    text = TextAreaField(_l("Question"), validators=[DataRequired(), Length(max=2000)])
    help = TextAreaField(
        _l("Help text"),
        description=_l(
            "Every text box already asks members to write no names, phone numbers or "
            "addresses: no need to say it here."
        ),
        validators=[Length(max=2000)],
    )
    required = BooleanField(_l("An answer is required"))
    choices = TextAreaField(
        _l("Choices"),
        description=_l(
            "One a line: short name = label. For a matrix, these are the points of the scale."
        ),
        validators=[Length(max=20000)],
    )
    rows = TextAreaField(
        _l("Rows of the matrix"),
        description=_l("One a line: short name = label."),
        validators=[Length(max=20000)],
    )
    hidden_choices = StringField(
        _l("Hidden choices"),
        description=_l(
            "Short names of choices no longer offered, separated by commas. Their answers are kept."
        ),
        validators=[Length(max=2000)],
    )
    other = StringField(
        _l("“Other, please specify” choice"),
        description=_l("Its label; leave empty for none."),
        validators=[Length(max=300)],
    )
    prefer_not = StringField(
        _l("“Prefer not to say” choice"),
        description=_l("Its label; leave empty for none."),
        validators=[Length(max=300)],
    )
    dropdown = BooleanField(_l("Show as a drop-down list (for long lists)"))
    randomise_choices = BooleanField(_l("Shuffle the choices for each member"))
    ordered = BooleanField(
        _l("The choices are in an order of their own (never, once, several times)"),
        description=_l("Charts keep this order instead of drawing the most chosen first."),
    )
    identifying = BooleanField(
        _l("Identifying: with other answers, it could point at a person (gender, age, country)")
    )
    min_choices = IntegerField(
        _l("At least this many ticks"), validators=[Optional(), NumberRange(min=0)]
    )
    max_choices = IntegerField(
        _l("At most this many ticks"), validators=[Optional(), NumberRange(min=1)]
    )
    rank_count = IntegerField(_l("How many to rank"), validators=[Optional(), NumberRange(min=1)])
    min_value = FloatField(_l("Smallest number accepted"), validators=[Optional()])
    max_value = FloatField(_l("Largest number accepted"), validators=[Optional()])
    allow_decimals = BooleanField(_l("Accept fractions"))
    max_length = IntegerField(
        _l("Longest answer (characters)"), validators=[Optional(), NumberRange(min=1, max=20000)]
    )
    condition = TextAreaField(
        _l("Show only when (condition)"),
        description=CONDITION_HELP,
    )
    #: The same condition, by pointing (design.pointing).
    pointing = FormField(PointingForm)
    #: Why the pointing could not become a condition (set by the view), or None.
    pointing_error = None

    def validate_max_choices(self, field):
        _not_below(field, self.min_choices)

    def validate_max_value(self, field):
        _not_below(field, self.min_value)

    # A short name is one choice's within its question (the database's uq_choice_code):
    # a matrix's rows and points of the scale, "other" and "prefer not to say" included.

    def validate_choices(self, field):
        if self.applies("choices", self.kind.data):
            _refuse_taken_codes(field, set(), self._special_codes())

    def validate_rows(self, field):
        if self.applies("rows", self.kind.data):
            scale = {code for _number, code in _numbered_codes(self.choices.data)}
            _refuse_taken_codes(field, scale, self._special_codes())

    def _special_codes(self):
        """The codes of the "other" and "prefer not to say" choices the form asks for."""
        return {name for name in ("other", "prefer_not") if getattr(self, name).data}


def _numbered_codes(text):
    """(line number, short name) of each well-formed choice line of ``text``."""
    matches = (CHOICE_LINE.match(line) for line in (text or "").splitlines())
    return [(number, match.group(1)) for number, match in enumerate(matches, 1) if match]


def _refuse_taken_codes(field, choices, special):
    """A line of ``field`` whose short name is one of the ``choices`` above it or of the
    ``special`` choices below is an error of that field."""
    for number, code in _numbered_codes(field.data):
        if code in special:
            raise ValidationError(
                _l(
                    "Line %(number)d: the short name %(code)s is taken by the “Other, please "
                    "specify” or “Prefer not to say” choice.",
                    number=number,
                    code=code,
                )
            )
        if code in choices:
            raise ValidationError(
                _l("Line %(number)d repeats a short name of the choices.", number=number)
            )


def _not_below(highest, lowest):
    """A range's upper bound may not be under its lower bound (either may be empty)."""
    if highest.data is not None and lowest.data is not None and highest.data < lowest.data:
        raise ValidationError(_l("The most must not be smaller than the least."))
