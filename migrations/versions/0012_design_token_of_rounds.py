"""A design token on each round, new at every change to its questionnaire, so that member
pages can keep the questionnaire between requests and know when to read it again.

Revision ID: 0012
Revises: 0011
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("round", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("design_token", sa.String(length=32), server_default="", nullable=False)
        )
    # Each existing round its own random token, as new rounds get.
    connection = op.get_bind()
    rounds = sa.table("round", sa.column("id", sa.Integer), sa.column("design_token"))
    for (round_id,) in connection.execute(sa.select(rounds.c.id)).all():
        connection.execute(
            sa.update(rounds)
            .where(rounds.c.id == round_id)
            .values(design_token=uuid.uuid4().hex)
        )


def downgrade():
    with op.batch_alter_table("round", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("design_token")
