"""What each released written answer says, as a key, so that the coding screen groups the
answers that say the same thing (coding.groups). Filled by the coding screen as it finds
answers without one: nothing to copy here.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "answer_text_key",
        sa.Column("text_key", sa.String(length=32), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Uuid(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["response_id", "question_id", "item"],
            ["answer.response_id", "answer.question_id", "answer.item"],
            name=op.f("fk_answer_text_key_response_id_answer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["round.id"],
            name=op.f("fk_answer_text_key_round_id_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "response_id", "question_id", "item", name=op.f("pk_answer_text_key")
        ),
    )
    op.create_index("ix_answer_text_key_question", "answer_text_key", ["question_id", "text_key"])


def downgrade():
    op.drop_index("ix_answer_text_key_question", table_name="answer_text_key")
    op.drop_table("answer_text_key")
