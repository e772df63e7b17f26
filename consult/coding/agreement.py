"""Agreement between two reviewers who coded the same sample of answers blind: Cohen's
kappa per theme, the agreement beyond what chance would give (1 is full agreement, 0 no
better than chance). Reviewers code the sample without seeing the suggestions or each
other's tags, so the figure says how clear the codebook's definitions are.
"""

from dataclasses import dataclass
from itertools import combinations

from sklearn.metrics import cohen_kappa_score
from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from ..respond.models import Answer
from .models import DoubleCoding
from .queries import written_answers

SAMPLE_SIZE = 50
#: Fewer answers coded by both than this, and kappa says little.
MIN_SHARED = 10


def cohen_kappa(first, second):
    """Kappa of two equally long lists of yes/no decisions; None when it is undefined (both
    reviewers gave one same answer throughout, so chance explains everything)."""
    if not first or len(first) != len(second):
        raise ValueError("two lists of decisions of the same length are needed")
    if len(set(first) | set(second)) < 2:
        return None
    return float(cohen_kappa_score(first, second))


def sample(round_id, readable):
    """The agreement sample: up to SAMPLE_SIZE readable written answers, the same for every
    reviewer, taken in the order of their random response ids (so it says nothing about
    when they arrived)."""
    rows = db.session.execute(
        written_answers(round_id).order_by(Answer.response_id, Answer.question_id, Answer.item)
    )
    picked = []
    for row in rows:
        if (row.question_id, row.language) in readable:
            picked.append(row)
            if len(picked) == SAMPLE_SIZE:
                break
    return picked


@dataclass
class Pair:
    first: str
    second: str
    shared: int
    #: [(theme, kappa or None)] when they share enough answers.
    kappas: list


def agreement(round_id, themes):
    """[Pair] of every two reviewers who coded answers of the sample, with kappa per theme."""
    codings = db.session.execute(
        select(DoubleCoding, User.email)
        .join(User, User.id == DoubleCoding.coder_id)
        .where(DoubleCoding.round_id == round_id)
    ).all()
    by_coder = {}
    for coding, email in codings:
        key = (coding.response_id, coding.question_id, coding.item)
        by_coder.setdefault(email, {})[key] = set(coding.themes)
    pairs = []
    for first, second in combinations(sorted(by_coder), 2):
        shared = sorted(set(by_coder[first]) & set(by_coder[second]))
        kappas = []
        if len(shared) >= MIN_SHARED:
            for theme in themes:
                a = [theme.id in by_coder[first][key] for key in shared]
                b = [theme.id in by_coder[second][key] for key in shared]
                kappas.append((theme, cohen_kappa(a, b)))
        pairs.append(Pair(first, second, len(shared), kappas))
    return pairs


def coded_by(round_id, user_id):
    """{(response id, question id, item)} of the sample answers a reviewer has coded."""
    rows = db.session.execute(
        select(DoubleCoding.response_id, DoubleCoding.question_id, DoubleCoding.item).where(
            DoubleCoding.round_id == round_id, DoubleCoding.coder_id == user_id
        )
    )
    return set(rows.all())
