"""Kinds of question as classes, and their registry.

A question's ``kind`` column holds a kind's name; ``kind_of(question)`` gives the kind, which
owns what differs from one kind to another: its name as staff read it, the builder's
settings that apply to it, its starter choices, the member's field(s) and their validation,
its template on a member's page (``templates/questions/``), how an answer is stored, reads
in the member's summary and counts for conditions, and its XLSForm type (base.py says
what each method does). A new kind is a module here, its template and one line below.
"""

from .base import QuestionKind
from .choices import MultipleChoice, Ranking, Scale, SingleChoice, YesNo
from .info import Info
from .matrix import Matrix
from .months import MonthYear
from .numbers import Number, Rating
from .texts import LongText, ShortText

#: Every kind by name, in the order the builder lists them.
KINDS = {
    kind.name: kind
    for kind in (
        SingleChoice(),
        MultipleChoice(),
        Scale(),
        Rating(),
        Ranking(),
        Matrix(),
        Number(),
        MonthYear(),
        YesNo(),
        ShortText(),
        LongText(),
        Info(),
    )
}


def kind_of(question) -> QuestionKind:
    """The kind of ``question``: a Question, or a question's definition (a dict)."""
    return KINDS[question["kind"] if isinstance(question, dict) else question.kind]


def init_app(app):
    """Templates ask a question's kind: ``kind_of(q).template_for(q)``, ``.label``..."""
    app.add_template_global(kind_of)


__all__ = ["KINDS", "QuestionKind", "init_app", "kind_of"]
