"""Automatic coding: the codebook's keyword rules (coding.rules) suggest themes for every
written answer of a round, each with the words that set it off, in one transaction."""

from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from ..audit import record
from ..extensions import db
from .answers import written_answer_count, written_answers
from .groups import key_answer_texts
from .models import Tag
from .rules import Rules

#: How often a long run reports progress, in answers.
PROGRESS_EVERY = 2_000


@dataclass(frozen=True)
class Autocoded:
    answers: int
    suggested: int


def autocode(round_, progress=None):
    """Suggest the codebook's themes for every written answer of ``round_``, each with the
    keywords that set it off. Suggestions not yet reviewed are replaced; a theme a reviewer
    accepted or rejected on an answer is left as they decided. One transaction, so a run
    that fails leaves the previous suggestions as they were. ``progress(done, total)`` is
    called as answers are matched."""
    codebook = round_.codebook
    if codebook is None:
        return Autocoded(0, 0)
    rules = Rules(codebook.themes)
    total = written_answer_count(round_.id)
    decided = set(
        db.session.execute(
            select(Tag.response_id, Tag.question_id, Tag.item, Tag.theme_id).where(
                Tag.round_id == round_.id, Tag.status != "suggested"
            )
        ).all()
    )
    suggestions = []
    done = 0
    for row in db.session.execute(written_answers(round_.id)).yield_per(PROGRESS_EVERY):
        for theme_id, reasons in rules.match(row.text, row.language).items():
            if (row.response_id, row.question_id, row.item, theme_id) not in decided:
                suggestions.append(
                    {
                        "round_id": round_.id,
                        "response_id": row.response_id,
                        "question_id": row.question_id,
                        "item": row.item,
                        "theme_id": theme_id,
                        "status": "suggested",
                        "reasons": reasons,
                    }
                )
        done += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    db.session.execute(delete(Tag).where(Tag.round_id == round_.id, Tag.status == "suggested"))
    if suggestions:
        # Plain rows through the Core: the ORM's bookkeeping would double the time.
        db.session.connection().execute(insert(Tag.__table__), suggestions)
    record("themes.autocode", round_, answers=done, suggested=len(suggestions))
    db.session.commit()
    # What each answer says, as a key, so that the coding page groups them at once.
    key_answer_texts(round_.id)
    if progress:
        progress(done, total)
    return Autocoded(done, len(suggestions))
