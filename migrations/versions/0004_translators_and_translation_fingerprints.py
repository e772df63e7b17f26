"""Translators assigned to rounds, and fingerprints of translated sources.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "translator_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["round.id"],
                                name=op.f("fk_translator_assignment_round_id_round"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_translator_assignment_user_id_user_account"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translator_assignment")),
        sa.UniqueConstraint("user_id", "round_id", "language",
                            name="uq_translator_assignment_user_round_language"),
    )
    op.create_index(op.f("ix_translator_assignment_round_id"), "translator_assignment",
                    ["round_id"])
    op.create_index(op.f("ix_translator_assignment_user_id"), "translator_assignment",
                    ["user_id"])
    with op.batch_alter_table("round") as batch:
        batch.add_column(sa.Column("translated_from", sa.JSON(), nullable=False,
                                   server_default="{}"))


def downgrade():
    with op.batch_alter_table("round") as batch:
        batch.drop_column("translated_from")
    op.drop_index(op.f("ix_translator_assignment_user_id"), table_name="translator_assignment")
    op.drop_index(op.f("ix_translator_assignment_round_id"), table_name="translator_assignment")
    op.drop_table("translator_assignment")
