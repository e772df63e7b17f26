"""The language of the page each text answer was written on.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("answer", table_kwargs={"sqlite_with_rowid": False}) as batch:
        batch.add_column(sa.Column("language", sa.String(length=10), nullable=True))
    # Texts written before this revision are taken to be in their response's language.
    op.execute(
        "UPDATE answer SET language = (SELECT response.language FROM response "
        "WHERE response.id = answer.response_id) WHERE text IS NOT NULL"
    )


def downgrade():
    with op.batch_alter_table("answer", table_kwargs={"sqlite_with_rowid": False}) as batch:
        batch.drop_column("language")
