"""Members' results page may lead with the brief's headline findings ("you said").

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("round", recreate="never") as batch:
        batch.add_column(
            sa.Column("publish_findings", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("round", recreate="never") as batch:
        batch.drop_column("publish_findings")
