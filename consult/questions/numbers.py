"""Kinds answered by a number: the rating from 0 to 10 and the number (whole or not,
within bounds the designer may set)."""

import math

from flask_babel import lazy_gettext as _l
from wtforms import DecimalField, IntegerField, RadioField, SelectChoice
from wtforms.validators import NumberRange

from .base import ANSWERED_SETTINGS, QuestionKind, xlsform_bounds
from .fields import FiniteNumber, label_and_help, required_or_optional


class NumberKind(QuestionKind):
    """One answer row holding a number."""

    stores = "number"
    settings = ANSWERED_SETTINGS
    counted = "numbers"
    statistic = "quartiles"

    def answer_rows(self, question, value, other):
        return [dict(item=0, number=float(value))]


class Rating(NumberKind):
    name = "rating"
    label = _l("Rating from 0 to 10")
    template = "questions/rating.html"
    tabulation = "values"
    comparable = True
    #: The XLSForm choice list every rating of a form shares.
    LIST = "rating_0_10"

    def values(self, question):
        return list(range(11))

    def field(self, question, language, fallback, draft_token):
        return RadioField(
            choices=[SelectChoice(n, str(n)) for n in range(11)],
            coerce=int,
            validators=required_or_optional(question),
            **label_and_help(question, language, fallback),
        )

    def xlsform(self, question, list_name, options, source):
        points = [dict(code=str(n), label={source: str(n)}) for n in range(11)]
        return {"type": f"select_one {self.LIST}"}, self.LIST, points


class Number(NumberKind):
    name = "number"
    label = _l("Number")
    settings = (*ANSWERED_SETTINGS, "min_value", "max_value", "allow_decimals")
    xlsform_constraints = {(".", ">="): "min_value", (".", "<="): "max_value"}
    #: XLSForm's names of its types, whole numbers and decimals.
    WHOLE = ("integer", "int", "add integer prompt", "q int")
    DECIMAL = ("decimal", "add decimal prompt", "q decimal")

    def field(self, question, language, fallback, draft_token):
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
        return field_class(
            validators=[*required_or_optional(question), FiniteNumber(), *bounds],
            render_kw={"inputmode": "decimal" if question.allow_decimals else "numeric"},
            **label_and_help(question, language, fallback),
        )

    def cleaned(self, question, field):
        value = super().cleaned(question, field)
        if value is None:
            return None
        return float(value) if question.allow_decimals else int(value)

    def from_xlsform(self, type_, appearance):
        if type_ in self.WHOLE or type_ in self.DECIMAL:
            return {"kind": self.name, "allow_decimals": type_ in self.DECIMAL}
        return None

    def xlsform(self, question, list_name, options, source):
        columns = {
            "type": "decimal" if question.get("allow_decimals") else "integer",
            "constraint": xlsform_bounds(".", question, "value"),
        }
        return columns, list_name, options


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
