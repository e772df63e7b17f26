"""Resume codes (only their hash) for drafts, and a discreet mode for rounds.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("draft", table_kwargs={"sqlite_with_rowid": False}) as batch:
        batch.add_column(sa.Column("resume_hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(op.f("uq_draft_resume_hash"), ["resume_hash"])
    with op.batch_alter_table("round") as batch:
        batch.add_column(sa.Column("discreet", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade():
    with op.batch_alter_table("round") as batch:
        batch.drop_column("discreet")
    with op.batch_alter_table("draft", table_kwargs={"sqlite_with_rowid": False}) as batch:
        batch.drop_constraint(op.f("uq_draft_resume_hash"), type_="unique")
        batch.drop_column("resume_hash")
