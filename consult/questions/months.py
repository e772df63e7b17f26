"""The month and year: when something happened, to the month, never the day ("When did you
last use a harm reduction service?"). A day would say more about a member than the question
needs.

A member picks the month and the year from two drop-downs, which any phone's browser shows
without JavaScript. The answer is stored as a number of months, year × 12 + month − 1, so
that the results' counts by number give its median and quartiles, read back as months;
drafts and exports write it as ISO 8601's year and month, "2025-03".
"""

from datetime import UTC, date, datetime

from babel.dates import format_skeleton, get_month_names
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms.validators import StopValidation

from .base import ANSWERED_SETTINGS, QuestionKind
from .fields import label_and_help, required_or_optional

#: How many years the year list offers, this year first.
YEARS = 80


def _this_month():
    today = datetime.now(UTC).date()
    return today.year, today.month


def _parsed(value):
    """(year, month) of "YYYY-MM", or None."""
    year, _, month = str(value or "").partition("-")
    if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
        return int(year), int(month)
    return None


def _in_words(year, month):
    """ "March 2025" in the page's language."""
    return format_skeleton("yMMMM", date(year, month, 1), locale=get_locale())


class MonthYearField(Field):
    """Two drop-downs named like the field, the month's values "month:<1–12>" and the
    year's "year:<YYYY>", so that ``data`` is "YYYY-MM" (a draft's value), or None."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        #: What the member chose of each, kept to show a page returned with an error.
        self.month = self.year = None

    def process_data(self, value):
        self.data = value if _parsed(value) else None
        self.year, self.month = _parsed(value) or (None, None)

    def process_formdata(self, valuelist):
        for value in valuelist:
            part, _, number = str(value).partition(":")
            if part in ("month", "year") and number.isdigit():
                setattr(self, part, int(number))
        given = self.month is not None and self.year is not None
        self.data = f"{self.year:04d}-{self.month:02d}" if given else None

    def pre_validate(self, form):
        if self.month is None and self.year is None:
            return  # no answer: the required check says whether that is allowed
        if self.month is None or self.year is None:
            raise StopValidation(_l("Please choose both the month and the year."))
        this_year, this_month = _this_month()
        if not (1 <= self.month <= 12 and this_year - YEARS < self.year <= this_year):
            raise StopValidation(_l("Please choose the month and the year from the lists."))
        if (self.year, self.month) > (this_year, this_month):
            raise StopValidation(_l("Please choose this month or one before it."))

    def month_names(self):
        """[(1, "January"), …] in the page's language, as a list names them."""
        names = get_month_names("wide", context="stand-alone", locale=get_locale())
        return [(number, names[number]) for number in range(1, 13)]

    def years(self):
        this_year, _month = _this_month()
        return list(range(this_year, this_year - YEARS, -1))


class MonthYear(QuestionKind):
    name = "month_year"
    label = _l("Month and year")
    stores = "number"
    settings = ANSWERED_SETTINGS
    template = "questions/month_year.html"
    counted = "numbers"
    statistic = "quartiles"

    def field(self, question, language, fallback, draft_token):
        return MonthYearField(
            validators=required_or_optional(question),
            **label_and_help(question, language, fallback),
        )

    def shown(self, question, value, other, language, fallback):
        return [_in_words(*_parsed(value))]

    def answer_rows(self, question, value, other):
        year, month = _parsed(value)
        return [dict(item=0, number=year * 12 + month - 1)]

    def format_statistic(self, value):
        months = int(value)  # a quartile between two months is the earlier one
        return _in_words(months // 12, months % 12 + 1)

    def exported(self, answers, choice_codes):
        if not answers or answers[0].number is None:
            return ""
        months = int(answers[0].number)
        return f"{months // 12:04d}-{months % 12 + 1:02d}"

    def column_meaning(self):
        return _l("year and month, as YYYY-MM")

    def from_xlsform(self, type_, appearance):
        if type_ == "date" and "month-year" in appearance:
            return {"kind": self.name}
        return None

    def xlsform(self, question, list_name, options, source):
        return {"type": "date", "appearance": "month-year"}, list_name, options
