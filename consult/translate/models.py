"""Who translates which round into which language."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class TranslatorAssignment(db.Model):
    """A translator may open the round's editor for this one language, and nothing else."""

    __tablename__ = "translator_assignment"
    __table_args__ = (
        UniqueConstraint(
            "user_id", "round_id", "language", name="uq_translator_assignment_user_round_language"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(10))

    user = relationship("User")
    round = relationship("Round")
