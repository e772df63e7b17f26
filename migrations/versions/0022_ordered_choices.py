"""A question's choices may have an order of their own (never, once, several times), which
charts keep instead of drawing the most chosen first: ``question.ordered``, false for every
question there is.

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("question") as batch:
        batch.add_column(
            sa.Column("ordered", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade():
    with op.batch_alter_table("question") as batch:
        batch.drop_column("ordered")
