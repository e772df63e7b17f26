"""The codebook: themes that free-text answers are coded against, shared across rounds.

Every text of a theme is stored per language like a round's texts ({"en": …, "fr": …}), and
so are its keyword rules ({"fr": ["seringue", "échange de seringues"], …}), matched on stems
(coding.text).
"""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..design.models import Texts
from ..extensions import db


class Codebook(db.Model):
    __tablename__ = "codebook"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: A short stable name, e.g. "starter".
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[dict] = mapped_column(Texts, default=dict)

    themes: Mapped[list["Theme"]] = relationship(
        back_populates="codebook", order_by="Theme.position", cascade="all, delete-orphan"
    )


class Theme(db.Model):
    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("codebook_id", "code", name="uq_theme_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    codebook_id: Mapped[int] = mapped_column(
        ForeignKey("codebook.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(60))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    name: Mapped[dict] = mapped_column(Texts, default=dict)
    definition: Mapped[dict] = mapped_column(Texts, default=dict)
    include: Mapped[dict] = mapped_column(Texts, default=dict)
    exclude: Mapped[dict] = mapped_column(Texts, default=dict)
    #: {language: [keyword or phrase, …]}
    keywords: Mapped[dict] = mapped_column(Texts, default=dict)
    #: The strategic direction of the network's plan the theme serves, for the brief.
    strategic_direction: Mapped[str | None] = mapped_column(String(120))

    codebook: Mapped[Codebook] = relationship(back_populates="themes")
    parent: Mapped["Theme | None"] = relationship(remote_side=[id])
