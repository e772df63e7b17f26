"""The library of question blocks that this network's consultations reuse.

A block is a page of questions in the definition format (docs/ROUND_FORMAT.md, one
section). The starter blocks are seeded as data (``seed_blocks``); designers insert a block
into a round as a new page, save a page of a round as a block, and delete blocks.
"""

from sqlalchemy import JSON, String, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .models import Texts


class QuestionBlock(db.Model):
    __tablename__ = "question_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: A stable name for seeding, e.g. "priorities".
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[dict] = mapped_column(Texts, default=dict)
    #: One section of a round definition: {"title": {...}, "questions": [...]}.
    section: Mapped[dict] = mapped_column(JSON)


def all_blocks():
    return db.session.scalars(select(QuestionBlock).order_by(QuestionBlock.code)).all()
