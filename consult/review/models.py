"""What the secretariat sets for a round's review (who it should reach), the releases of
its figures, and large exports built by the worker."""

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..queue import JobState


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


class Release(db.Model):
    """One release of a round's figures (review.releases): every figure reviewers, exports
    and members see counts the responses released so far, never the live database, so that
    no two looks at the figures differ by fewer than k responses.

    A response joins the round's next release (``release_number`` on it and on its
    answers); a release is made at most once every ``round.release_interval_days``, only
    when at least k responses wait for one, and, while the round is open, only from the
    days before the release's own, so that no batch splits a day."""

    __tablename__ = "results_release"
    __table_args__ = (
        UniqueConstraint("round_id", "number", name="uq_results_release_number"),
        CheckConstraint("number > 0", name="number"),
        CheckConstraint("responses > 0", name="responses"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    #: 1 for the round's first release, then 2, 3…
    number: Mapped[int]
    #: Day precision: the figures are "as of" this day.
    made_on: Mapped[date]
    #: How many responses this release added (at least the round's minimum cell size).
    responses: Mapped[int]
    #: Made after the round closed: no response can follow it.
    final: Mapped[bool] = mapped_column(default=False)


class ExportJob(JobState, db.Model):
    """A large export of protected microdata, built by the worker (review.export_jobs) and
    kept for its admin to download for EXPORT_KEPT_HOURS, then deleted."""

    __tablename__ = "export_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    #: Only the admin who asked may download it.
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    #: "csv" or "xlsx".
    format: Mapped[str] = mapped_column(String(4))
    #: The language of the codebook, and of the admin's interface (for the sheets' names).
    language: Mapped[str] = mapped_column(String(10))
    interface_language: Mapped[str] = mapped_column(String(10))
    rows: Mapped[int | None]
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
