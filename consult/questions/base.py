"""What a kind of question owns; the kinds themselves are in the modules beside this one.

A kind is a class with one instance in the registry (``consult.questions.KINDS``). Methods
that take ``question`` read a ``design.models.Question`` (its settings and choices), except
``xlsform``, which reads a question's definition (docs/ROUND_FORMAT.md). Nothing here
imports the models: the models derive their lists of kinds from the registry.
"""

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

from .fields import field_name, other_box

#: The builder's settings that mean something for some kinds only: each kind lists those it
#: takes in ``settings`` (the question form shows no others). Every other setting (code,
#: text, help, condition) applies to every kind.
OPTIONAL_SETTINGS = (
    "required",
    "identifying",
    "dropdown",
    "randomise_choices",
    "ordered",
    "allow_decimals",
    "choices",
    "rows",
    "other",
    "prefer_not",
    "hidden_choices",
    "min_choices",
    "max_choices",
    "rank_count",
    "min_value",
    "max_value",
    "max_length",
)
#: The settings of every question that takes an answer.
ANSWERED_SETTINGS = ("required", "identifying")


class QuestionKind:
    #: What ``question.kind`` holds, in the database, the definition format and exports.
    name = ""
    #: Its name as staff read it (the builder's list of types).
    label = ""
    #: What an answer is stored as in an ``answer`` row: "choice", "number" or "text"; None
    #: for a kind that takes no answer.
    stores = None
    #: Whether the answer is the member's own words (the box asks for no names; the page's
    #: language is kept with it; reviewers code it into themes).
    written = False
    #: Whether a question of it means nothing without options (a definition must list them).
    needs_options = False
    #: Whether it has rows, each answered on the shared scale of its options (a matrix).
    has_rows = False
    #: Whether one answer may hold several choices (an XLSForm condition then asks whether
    #: a choice is among them: selected()).
    several = False
    #: The builder's settings it takes, among OPTIONAL_SETTINGS.
    settings = ()
    #: The template that shows it on a member's page (templates/questions/), with ``q``,
    #: ``field`` (``entry``) and ``other`` (the "please specify" box or None).
    template = "questions/field.html"
    #: XLSForm: whether its "other, please specify" may be written as "or_other".
    xlsform_or_other = False

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"

    @property
    def answered(self):
        """Whether it takes an answer (every kind but information)."""
        return self.stores is not None

    @property
    def has_choices(self):
        """Whether its answers are choices, counted per choice."""
        return self.stores == "choice"

    def applies(self, setting):
        """Whether the builder's setting ``setting`` means something for this kind."""
        return setting not in OPTIONAL_SETTINGS or setting in self.settings

    # --- the builder ------------------------------------------------------------------------

    def starter_choices(self):
        """What a new question of this kind starts with, so that it can be answered at once:
        [(code, label, role)], labels lazily translated."""
        return []

    # --- the member's form ------------------------------------------------------------------

    def template_for(self, question):
        """The member page's template for ``question``."""
        return self.template

    def form_fields(self, question, language, fallback, draft_token):
        """{field name: unbound field} of the member's form for ``question``, its text in
        ``language`` (else ``fallback``); ``draft_token`` orders shuffled choices."""
        name = field_name(question)
        fields = {name: self.field(question, language, fallback, draft_token)}
        if any(c.role == "other" for c in question.options):
            fields[f"{name}-other"] = other_box()
        return fields

    def field(self, question, language, fallback, draft_token):
        """The one unbound field that answers ``question``."""
        raise NotImplementedError

    def entry(self, form, question):
        """What the member page's template shows for ``question`` of the bound ``form``."""
        return form[field_name(question)]

    def saved_data(self, question, value):
        """{field name: data} of a saved draft answer, to fill the form again."""
        return {field_name(question): value}

    def cleaned(self, question, field):
        """The draft answer the validated ``field`` holds, or None for no answer."""
        if field.errors or field.data in (None, "", []):
            return None
        return field.data

    # --- reading an answer ------------------------------------------------------------------
    # ``value`` below is a draft answer that is not empty (None, "", [] and {} mean none).

    def shown(self, question, value, other, language, fallback):
        """The answer in words, for the member's summary before submitting: a list of
        texts; ``other`` is the text of "other, please specify" or None."""
        return [str(value)]

    def answered_codes(self, question, value):
        """What the answer says for conditions: the chosen choice codes, or {"*"} for an
        answer that is not a choice."""
        return {"*"}

    def answer_rows(self, question, value, other):
        """The ``answer`` rows that store the draft answer, as their columns (item, choice,
        row, rank, number, text), without the question."""
        return []

    # --- results and exports ----------------------------------------------------------------
    #: How the results tabulate it: "values" (each member who answers gives one of a list
    #: of values: one table of them), "each_choice" (several choices: who answered, then a
    #: table per choice), "rows" (a table per row) or "answered" (who answered, and its
    #: statistic).
    tabulation = "answered"
    #: The count of its answers the results read: "choices", "ranks", "numbers" or None.
    counted = None
    #: What its results add to the counts: "agreement" (a scale's mean and share agreeing),
    #: "quartiles" (median and quartiles), "borda" (a ranking's scores) or None.
    statistic = None
    #: Whether its answers carry no order (charts draw them largest first).
    unordered = False
    #: Whether its answers can split members into the groups of a breakdown.
    groups_members = False
    #: Whether two rounds' figures of it can be set side by side.
    comparable = False
    #: Whether its most given answer (or share agreeing) can be a headline of the brief.
    headline = False
    #: A response's columns in a spreadsheet: "one", one "per_choice" or one "per_row".
    columns = "one"

    def values(self, question):
        """The values a "values" table counted by number has, in order (a rating's 0–10)."""
        return []

    def format_statistic(self, value):
        """A median or quartile of its answers as staff read it."""
        return format_decimal(value, format="#,##0.#")

    def exported(self, answers, choice_codes):
        """The value of its one column in a spreadsheet, from a response's ``answers`` to
        it (rows with choice_id, number, text, text_language): a choice's code, a number,
        (text, its language), or "" for no answer."""
        if not answers:
            return ""
        answer = answers[0]
        if self.stores == "number":
            number = answer.number
            return int(number) if number is not None and number.is_integer() else number
        if self.stores == "text":
            return (answer.text, answer.text_language) if answer.text else ""
        return choice_codes.get(answer.choice_id, "")

    def exported_choice(self, chosen, answered):
        """The value of a "per_choice" column: ``chosen`` is the response's answer row of
        that choice or None, ``answered`` whether it answered the question at all."""
        return 1 if chosen else (0 if answered else "")

    def choice_column_meaning(self):
        """What a "per_choice" column holds, for the codebook of an export."""
        return _l("1 chosen, 0 not chosen, empty if not answered")

    def column_meaning(self):
        """What its one column holds, for the codebook of an export ("" when its codes or
        its kind say it)."""
        return ""

    # --- XLSForm ----------------------------------------------------------------------------
    #: How an XLSForm constraint's terms give its settings: {(left-hand side, operator):
    #: setting}, e.g. {(".", ">="): "min_value"}.
    xlsform_constraints = {}

    def from_xlsform(self, type_, appearance):
        """The settings of a question read from an XLSForm row of type ``type_`` (lower
        case, a type that is not a select) and ``appearance``, when this kind reads it:
        {"kind": name, …}; None otherwise."""
        return None

    def xlsform(self, question, list_name, options, source):
        """How its definition ``question`` is written in an XLSForm: (the survey row's
        columns such as type, appearance and constraint; the name of its choice list; the
        options that list holds). ``options`` are its visible options, ``source`` the
        language labels made up here are in."""
        return {"type": "note"}, list_name, options


def xlsform_bounds(lhs, question, suffix):
    """An XLSForm constraint from a question's min_<suffix> and max_<suffix>, or None."""
    low, high = question.get(f"min_{suffix}"), question.get(f"max_{suffix}")
    terms = [f"{lhs} {op} {_number(n)}" for op, n in ((">=", low), ("<=", high)) if n is not None]
    return " and ".join(terms) or None


def _number(value):
    return str(int(value)) if float(value).is_integer() else str(value)
