"""The library of question blocks that this network's consultations reuse.

A block is a page of questions in the definition format (docs/ROUND_FORMAT.md, one
section). The starter blocks are data, ``data/starter_blocks.json`` (a list of the rows'
code, name and section), seeded by ``block_operations.seed_blocks``; designers insert a
block into a round as a new page, save a page of a round as a block, and delete blocks.
"""

import json
from pathlib import Path

from sqlalchemy import JSON, String, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .models import Texts

STARTER_BLOCKS_PATH = Path(__file__).parent / "data" / "starter_blocks.json"


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


def starter_blocks():
    """The starter blocks: [{"code", "name", "section"}], as their file holds them."""
    return json.loads(STARTER_BLOCKS_PATH.read_text(encoding="utf-8"))
