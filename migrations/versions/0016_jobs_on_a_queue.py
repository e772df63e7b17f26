"""Theme runs on a job queue: a heartbeat, the number of runs, and why one stopped.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("theme_job", recreate="never") as batch:
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("message", sa.String(20), nullable=True))
    # A run a thread left "running" before the queue existed will never end.
    theme_job = sa.table("theme_job", sa.column("state", sa.String))
    op.get_bind().execute(
        sa.update(theme_job).where(theme_job.c.state == "running").values(state="failed")
    )


def downgrade():
    with op.batch_alter_table("theme_job") as batch:
        batch.drop_column("message")
        batch.drop_column("attempts")
        batch.drop_column("heartbeat_at")
