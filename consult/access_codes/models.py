"""How members reach a round besides its public link: a code per network, or single-use
invitation codes.

Invitation codes are built so that nothing joins a used code to the response it let in: the
table holds a hash of each code and whether it was used, nothing else — no foreign key to a
response, no time, no counter (WITHOUT ROWID on SQLite, keyed by the hash, so rows are not
kept in creation order), and the code is marked used in a transaction of its own when the
member starts, not in the one that stores the response.
"""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class NetworkCode(db.Model):
    """A code handed to one network's members: their answers record the network, no more."""

    __tablename__ = "network_code"
    __table_args__ = (UniqueConstraint("round_id", "network_id", name="uq_network_code_round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("network.id", ondelete="CASCADE"))
    #: Shown to the secretariat to hand out; shared by a whole network, so not a secret.
    code: Mapped[str] = mapped_column(String(20), unique=True)

    network = relationship("Network")


class InvitationCode(db.Model):
    __tablename__ = "invitation_code"
    __table_args__ = ({"sqlite_with_rowid": False},)

    #: SHA-256 of the code: the codes themselves are printed once and never stored.
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    used: Mapped[bool] = mapped_column(default=False)
