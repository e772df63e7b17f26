"""Kinds answered by choosing among options: single choice, agreement scale, yes or no,
multiple choice and ranking (the matrix, rows on one scale, is in matrix.py)."""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, SelectField, SelectMultipleField

from ..i18n import pick
from .base import ANSWERED_SETTINGS, QuestionKind, xlsform_bounds
from .fields import (
    ChoiceCount,
    RankingField,
    label_and_help,
    option_choices,
    required_or_optional,
)


class ChoiceKind(QuestionKind):
    """A kind whose answer is one or more of its options; one answer row per choice."""

    stores = "choice"
    needs_options = True
    settings = (
        *ANSWERED_SETTINGS,
        "randomise_choices",
        "choices",
        "other",
        "prefer_not",
        "hidden_choices",
    )
    template = "questions/options.html"
    counted = "choices"
    tabulation = "values"
    comparable = True
    #: The input of each option on a member's page: "radio" or "checkbox".
    input_type = "radio"
    #: Whether the options are shown as the points of a scale.
    scale = False

    def starter_choices(self):
        return [("a", _l("First choice"), "option"), ("b", _l("Second choice"), "option")]

    def shown(self, question, value, other, language, fallback):
        labels = {c.id: pick(c.label, language, fallback) for c in question.choices}
        shown = []
        for choice_id in value if isinstance(value, list) else [value]:
            if choice_id in labels:
                role = next(c.role for c in question.choices if c.id == choice_id)
                shown.append(
                    f"{labels[choice_id]}: {other}"
                    if role == "other" and other
                    else labels[choice_id]
                )
        return shown

    def answered_codes(self, question, value):
        codes = {c.id: c.code for c in question.choices}
        values = value if isinstance(value, list) else [value]
        return {codes[v] for v in values if v in codes}

    def answer_rows(self, question, value, other):
        """One row per chosen option that the question still offers; the chosen "other"
        keeps the member's text."""
        options = {c.id: c for c in question.options}
        chosen = [c for c in (value if isinstance(value, list) else [value]) if c in options]
        return [
            dict(
                item=i,
                choice_id=c,
                rank=None,
                text=other if options[c].role == "other" and other else None,
            )
            for i, c in enumerate(chosen)
        ]


class OneChoice(ChoiceKind):
    """One option, as radio buttons or, for a long list, a drop-down."""

    settings = (*ChoiceKind.settings, "dropdown")

    def template_for(self, question):
        return "questions/field.html" if question.dropdown else self.template

    def field(self, question, language, fallback, draft_token):
        choices = option_choices(question, language, fallback, draft_token)
        required = required_or_optional(question)
        common = label_and_help(question, language, fallback)
        if question.dropdown:
            choices = [SelectChoice("", _l("Choose…")), *choices]
            return SelectField(choices=choices, coerce=_int_or_none, validators=required, **common)
        return RadioField(choices=choices, coerce=int, validators=required, **common)

    def xlsform(self, question, list_name, options, source):
        appearance = "minimal" if question.get("dropdown") else None
        return {"type": f"select_one {list_name}", "appearance": appearance}, list_name, options


class SingleChoice(OneChoice):
    name = "single_choice"
    label = _l("Single choice")
    xlsform_or_other = True
    unordered = True
    groups_members = True
    headline = True
    settings = (*OneChoice.settings, "ordered")


class Scale(OneChoice):
    name = "scale"
    label = _l("Agreement scale")
    scale = True
    statistic = "agreement"
    groups_members = True
    headline = True

    def starter_choices(self):
        return [
            ("strongly_disagree", _l("Strongly disagree"), "option"),
            ("disagree", _l("Disagree"), "option"),
            ("neutral", _l("Neither agree nor disagree"), "option"),
            ("agree", _l("Agree"), "option"),
            ("strongly_agree", _l("Strongly agree"), "option"),
        ]


class YesNo(OneChoice):
    name = "yes_no"
    label = _l("Yes or no")
    needs_options = False  # yes and no, as the builder's
    groups_members = True
    headline = True

    def starter_choices(self):
        return [("yes", _l("Yes"), "option"), ("no", _l("No"), "option")]

    def xlsform(self, question, list_name, options, source):
        if not options:  # a definition may leave them out: yes and no, as the builder's
            options = [
                dict(code=answer, label={source: answer.title()}) for answer in ("yes", "no")
            ]
        return super().xlsform(question, list_name, options, source)


class MultipleChoice(ChoiceKind):
    name = "multiple_choice"
    label = _l("Multiple choice")
    several = True
    input_type = "checkbox"
    settings = (*ChoiceKind.settings, "min_choices", "max_choices", "ordered")
    xlsform_or_other = True
    tabulation = "each_choice"
    unordered = True
    headline = True
    columns = "per_choice"
    xlsform_constraints = {
        ("count-selected(.)", ">="): "min_choices",
        ("count-selected(.)", "<="): "max_choices",
    }

    def field(self, question, language, fallback, draft_token):
        prefer_not = {c.id for c in question.options if c.role == "prefer_not"}
        return SelectMultipleField(
            choices=option_choices(question, language, fallback, draft_token),
            coerce=int,
            validators=[
                *required_or_optional(question),
                ChoiceCount(question.min_choices, question.max_choices, prefer_not),
            ],
            **label_and_help(question, language, fallback),
        )

    def xlsform(self, question, list_name, options, source):
        constraint = xlsform_bounds("count-selected(.)", question, "choices")
        return (
            {"type": f"select_multiple {list_name}", "constraint": constraint},
            list_name,
            options,
        )


class Ranking(ChoiceKind):
    """The top N of the options, in order (all of them unless the question says N)."""

    name = "ranking"
    label = _l("Ranking")
    several = True
    settings = (*ChoiceKind.settings, "rank_count")
    template = "questions/ranking.html"
    counted = "ranks"
    statistic = "borda"
    unordered = True
    columns = "per_choice"

    def field(self, question, language, fallback, draft_token):
        return RankingField(
            choices=option_choices(question, language, fallback, draft_token),
            rank_count=question.rank_count or len(question.options),
            validators=required_or_optional(question),
            **label_and_help(question, language, fallback),
        )

    def exported_choice(self, chosen, answered):
        return chosen.rank if chosen else ""

    def choice_column_meaning(self):
        return _l("rank given, empty if not ranked")

    def answer_rows(self, question, value, other):
        """Rows in rank order, rank 1 first."""
        rows = super().answer_rows(question, value, other)
        for row in rows:
            row["rank"] = row["item"] + 1
        return rows

    def xlsform(self, question, list_name, options, source):
        constraint = xlsform_bounds("count-selected(.)", question, "choices")
        return {"type": f"rank {list_name}", "constraint": constraint}, list_name, options


def _int_or_none(value):
    return int(value) if value not in (None, "") else None
