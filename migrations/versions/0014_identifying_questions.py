"""Questions a designer marks as identifying (gender, age group, country...): quasi-identifiers
that protected microdata k-anonymises with network, region, language and week.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("question") as batch:
        batch.add_column(
            sa.Column("identifying", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade():
    # Dropped in place: recreating the table on SQLite, with foreign keys enforced, would
    # delete every choice and answer of the questions with it.
    with op.batch_alter_table("question", recreate="never") as batch:
        batch.drop_column("identifying")
