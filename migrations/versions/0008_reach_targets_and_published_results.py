"""Reach targets, results published to members after a round closes, and what the results
pages need to be fast.

Existing rounds publish nothing (publish_results false, no questions). Each response gets
the position of the furthest page it answered something on, worked out from its answers.
The answer indexes cover the counts per choice (with matrix row and rank) and per number.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reach_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("grouping", sa.String(length=80), nullable=False),
        sa.Column("value", sa.String(length=80), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.CheckConstraint("target > 0", name=op.f("ck_reach_target_target")),
        sa.ForeignKeyConstraint(["round_id"], ["round.id"],
                                name=op.f("fk_reach_target_round_id_round"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reach_target")),
        sa.UniqueConstraint("round_id", "grouping", "value", name="uq_reach_target_group"),
    )
    op.create_index(op.f("ix_reach_target_round_id"), "reach_target", ["round_id"])
    with op.batch_alter_table("round") as batch_op:
        batch_op.add_column(
            sa.Column("publish_results", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("published_questions", sa.JSON(), nullable=False, server_default="[]")
        )


    op.add_column("response", sa.Column("furthest_page", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE response SET furthest_page = (SELECT MAX(section.position) FROM answer "
        "JOIN question ON question.id = answer.question_id "
        "JOIN section ON section.id = question.section_id "
        "WHERE answer.response_id = response.id)"
    )
    op.drop_index("ix_answer_question_choice", table_name="answer")
    op.create_index(
        "ix_answer_question_choice", "answer", ["question_id", "choice_id", "row_id", "rank"]
    )
    op.create_index("ix_answer_question_number", "answer", ["question_id", "number"])


def downgrade():
    op.drop_index("ix_answer_question_number", table_name="answer")
    op.drop_index("ix_answer_question_choice", table_name="answer")
    op.create_index("ix_answer_question_choice", "answer", ["question_id", "choice_id"])
    op.drop_column("response", "furthest_page")
    with op.batch_alter_table("round") as batch_op:
        batch_op.drop_column("published_questions")
        batch_op.drop_column("publish_results")
    op.drop_index(op.f("ix_reach_target_round_id"), table_name="reach_target")
    op.drop_table("reach_target")
