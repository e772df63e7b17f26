"""Member networks: the regional networks and the women's network, with national ones below."""

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db, one_of

KINDS = ("regional", "women", "national")
#: Region codes; their names are translated in the interface catalogues (networks.data).
REGIONS = (
    "asia",
    "europe",
    "eurasia",
    "africa",
    "latin_america",
    "oceania",
    "north_america",
    "mena",
    "global",
)


class Network(db.Model):
    __tablename__ = "network"
    __table_args__ = (
        CheckConstraint(one_of("kind", KINDS), name="kind"),
        CheckConstraint(one_of("region", REGIONS), name="region"),
        CheckConstraint("kind != 'national' OR parent_id IS NOT NULL", name="national_parent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The network's own acronym, e.g. "EuroNPUD".
    code: Mapped[str] = mapped_column(String(40), unique=True)
    #: A proper name: shown as the network writes it, not translated.
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("network.id"))

    parent: Mapped["Network | None"] = relationship(remote_side=[id])
