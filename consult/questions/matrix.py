"""The matrix: rows (choices of the role "row") each answered on one shared scale, the
question's options. A member's page shows one radio group per row."""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField

from ..i18n import pick
from .choices import ChoiceKind
from .fields import field_name, option_choices, required_or_optional


class MatrixRows:
    """What the member page's template shows for a matrix: its rows' fields, each with its
    label, and their errors together."""

    def __init__(self, question, rows):
        self.question, self.rows = question, rows  # rows: [(label, field)]
        self.name = field_name(question)
        self.id = self.name
        self.label_text = None
        self.description = None

    @property
    def errors(self):
        return [error for _, field in self.rows for error in field.errors]


class Matrix(ChoiceKind):
    name = "matrix"
    label = _l("Matrix (rows on one scale)")
    has_rows = True
    settings = (*ChoiceKind.settings, "rows")
    template = "questions/matrix.html"
    tabulation = "rows"
    comparable = False
    columns = "per_row"

    def starter_choices(self):
        return [*super().starter_choices(), ("row_1", _l("First row"), "row")]

    def form_fields(self, question, language, fallback, draft_token):
        """One radio group per row, ``question_<id>-<row id>``; no "other" box."""
        name = field_name(question)
        return {
            f"{name}-{row.id}": RadioField(
                label=pick(row.label, language, fallback),
                choices=option_choices(question, language, fallback, draft_token),
                coerce=int,
                validators=required_or_optional(question),
            )
            for row in question.rows
        }

    def entry(self, form, question):
        name = field_name(question)
        return MatrixRows(
            question,
            [(form[f"{name}-{r.id}"].label.text, form[f"{name}-{r.id}"]) for r in question.rows],
        )

    def saved_data(self, question, value):
        name = field_name(question)
        return {f"{name}-{row}": choice for row, choice in value.items()}

    def cleaned(self, question, field):
        """{row id (as text): choice id} of the rows answered, or None."""
        rows = {
            str(f.name.rsplit("-", 1)[1]): f.data
            for _, f in field.rows
            if not f.errors and f.data is not None
        }
        return rows or None

    def shown(self, question, value, other, language, fallback):
        labels = {c.id: pick(c.label, language, fallback) for c in question.choices}
        return [
            f"{labels.get(int(row), '')}: {labels.get(choice, '')}" for row, choice in value.items()
        ]

    def answered_codes(self, question, value):
        """The points chosen on any row (or {"*"} when none of them is known)."""
        codes = {c.id: c.code for c in question.choices}
        return {codes[v] for v in value.values() if v in codes} or {"*"}

    def answer_rows(self, question, value, other):
        """One row per answered row of the matrix that it still shows, by row id."""
        options = {c.id for c in question.options}
        rows = {str(r.id): r for r in question.rows}
        return [
            dict(item=i, row_id=rows[row].id, choice_id=choice)
            for i, (row, choice) in enumerate(sorted(value.items(), key=lambda kv: int(kv[0])))
            if row in rows and choice in options
        ]
