"""Disclosure control: record keys for the cell-key method, and releases of figures.

- A random record key on each response, copied onto its answers; the covering indexes of the
  results' counts extended so that a count and the sum of its keys come from one index.
- Releases: figures count only the responses of a release (``results_release``), never the
  live database; each response and answer keeps the number of the release that first counted
  it; a round sets how often its figures may be released. Theme figures count released
  versions of each theme's respondents (``theme_release``, ``theme_release_member``).

Responses stored before this revision are counted by a first release of each round (when it
has any), so that nothing already shown disappears from the pages.

Revision ID: 0013
Revises: 0012
"""

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

KEY_RANGE = 2**31
NO_ROWID = {"sqlite_with_rowid": False}


def upgrade():
    op.create_table(
        "results_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("responses", sa.Integer(), nullable=False),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.CheckConstraint("number > 0", name=op.f("ck_results_release_number")),
        sa.CheckConstraint("responses > 0", name=op.f("ck_results_release_responses")),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["round.id"],
            name=op.f("fk_results_release_round_id_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_results_release")),
        sa.UniqueConstraint("round_id", "number", name="uq_results_release_number"),
    )
    op.create_index(op.f("ix_results_release_round_id"), "results_release", ["round_id"])
    op.create_table(
        "theme_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column("by_group", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["round.id"],
            name=op.f("fk_theme_release_round_id_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
            name=op.f("fk_theme_release_theme_id_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_release")),
    )
    op.create_index(op.f("ix_theme_release_round_id"), "theme_release", ["round_id"])
    op.create_index(op.f("ix_theme_release_theme_id"), "theme_release", ["theme_id"])
    op.create_table(
        "theme_release_member",
        sa.Column("theme_release_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["response.id"],
            name=op.f("fk_theme_release_member_response_id_response"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_release_id"],
            ["theme_release.id"],
            name=op.f("fk_theme_release_member_theme_release_id_theme_release"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "theme_release_id", "response_id", name=op.f("pk_theme_release_member")
        ),
    )
    with op.batch_alter_table("round") as batch:
        batch.add_column(
            sa.Column("release_interval_days", sa.Integer(), nullable=False, server_default="1")
        )
        batch.add_column(sa.Column("themes_released_on", sa.Date(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_round_release_interval_days"), "release_interval_days >= 1"
        )
    for table in ("response", "answer"):
        with op.batch_alter_table(table, table_kwargs=NO_ROWID) as batch:
            batch.add_column(
                sa.Column("record_key", sa.Integer(), nullable=False, server_default="0")
            )
            batch.add_column(sa.Column("release_number", sa.Integer(), nullable=True))

    # Every response already stored gets its own random key, as new responses do, and is
    # counted by a first release of its round.
    connection = op.get_bind()
    response = sa.table(
        "response",
        sa.column("id", sa.Uuid),
        sa.column("round_id", sa.Integer),
        sa.column("record_key", sa.Integer),
        sa.column("release_number", sa.Integer),
    )
    ids = connection.execute(sa.select(response.c.id)).scalars().all()
    if ids:
        connection.execute(
            sa.update(response)
            .where(response.c.id == sa.bindparam("response_id"))
            .values(record_key=sa.bindparam("key"), release_number=1),
            [{"response_id": id_, "key": secrets.randbelow(KEY_RANGE)} for id_ in ids],
        )
        op.execute(
            "UPDATE answer SET record_key = (SELECT response.record_key FROM response "
            "WHERE response.id = answer.response_id), release_number = 1"
        )
        release = sa.table(
            "results_release",
            sa.column("round_id", sa.Integer),
            sa.column("number", sa.Integer),
            sa.column("made_on", sa.Date),
            sa.column("responses", sa.Integer),
            sa.column("final", sa.Boolean),
        )
        counts = connection.execute(
            sa.select(response.c.round_id, sa.func.count()).group_by(response.c.round_id)
        ).all()
        today = datetime.now(UTC).date()
        op.bulk_insert(
            release,
            [
                {"round_id": r, "number": 1, "made_on": today, "responses": n, "final": False}
                for r, n in counts
            ],
        )
    if connection.dialect.name == "postgresql":
        # The models give every row its key; no default may stand in for a forgotten one.
        op.alter_column("response", "record_key", server_default=None)
        op.alter_column("answer", "record_key", server_default=None)

    op.drop_index("ix_answer_question_choice", table_name="answer")
    op.drop_index("ix_answer_question_number", table_name="answer")
    op.create_index(
        "ix_answer_question_choice",
        "answer",
        ["question_id", "choice_id", "row_id", "rank", "release_number", "record_key"],
    )
    op.create_index(
        "ix_answer_question_number",
        "answer",
        ["question_id", "number", "release_number", "record_key"],
    )


def downgrade():
    op.drop_index("ix_answer_question_choice", table_name="answer")
    op.drop_index("ix_answer_question_number", table_name="answer")
    op.create_index(
        "ix_answer_question_choice", "answer", ["question_id", "choice_id", "row_id", "rank"]
    )
    op.create_index("ix_answer_question_number", "answer", ["question_id", "number"])
    for table in ("answer", "response"):
        with op.batch_alter_table(table, table_kwargs=NO_ROWID) as batch:
            batch.drop_column("release_number")
            batch.drop_column("record_key")
    with op.batch_alter_table("round") as batch:
        batch.drop_constraint(op.f("ck_round_release_interval_days"), type_="check")
        batch.drop_column("themes_released_on")
        batch.drop_column("release_interval_days")
    op.drop_table("theme_release_member")
    op.drop_index(op.f("ix_theme_release_theme_id"), table_name="theme_release")
    op.drop_index(op.f("ix_theme_release_round_id"), table_name="theme_release")
    op.drop_table("theme_release")
    op.drop_index(op.f("ix_results_release_round_id"), table_name="results_release")
    op.drop_table("results_release")
