"""Codebooks of themes for coding free-text answers.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "codebook",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_codebook")),
        sa.UniqueConstraint("code", name=op.f("uq_codebook_code")),
    )
    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("codebook_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("include", sa.JSON(), nullable=False),
        sa.Column("exclude", sa.JSON(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("strategic_direction", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(["codebook_id"], ["codebook.id"],
                                name=op.f("fk_theme_codebook_id_codebook"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["theme.id"],
                                name=op.f("fk_theme_parent_id_theme"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("codebook_id", "code", name="uq_theme_code"),
    )
    op.create_index(op.f("ix_theme_codebook_id"), "theme", ["codebook_id"])


def downgrade():
    op.drop_index(op.f("ix_theme_codebook_id"), table_name="theme")
    op.drop_table("theme")
    op.drop_table("codebook")
