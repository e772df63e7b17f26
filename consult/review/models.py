"""What the secretariat sets for a round's review: who it should reach."""

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class ReachTarget(db.Model):
    """How many responses a round should get from one group: a network or region, a
    language, or those giving one answer to a single-choice question ("women")."""

    __tablename__ = "reach_target"
    __table_args__ = (
        UniqueConstraint("round_id", "grouping", "value", name="uq_reach_target_group"),
        CheckConstraint("target > 0", name="target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    #: A grouping's key (review.groupings): "network", "region", "language", "q:<code>".
    grouping: Mapped[str] = mapped_column(String(80))
    #: The group's value as it appears in addresses: a network id, "region-asia", "fr"…
    value: Mapped[str] = mapped_column(String(80))
    target: Mapped[int]
