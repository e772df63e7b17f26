"""Discreet rounds name nothing: an address that does not spell out the topic, and the
neutral label members see instead of the title.

Revision ID: 0015
Revises: 0014
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# The alphabet of consult.design.models.new_member_key, copied so that this migration means
# the same thing whatever the models become.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def upgrade():
    # Added in place (no table rebuild on SQLite, where rebuilding "round" with foreign keys
    # on would delete its pages and answers).
    with op.batch_alter_table("round", recreate="never") as batch:
        batch.add_column(sa.Column("member_key", sa.String(16), server_default="", nullable=False))
        batch.add_column(
            sa.Column(
                "neutral_label", sa.String(30), server_default="community_survey", nullable=False
            )
        )
    connection = op.get_bind()
    rounds = sa.table("round", sa.column("id", sa.Integer), sa.column("member_key"))
    for (round_id,) in connection.execute(sa.select(rounds.c.id)).all():
        key = "".join(secrets.choice(ALPHABET) for _ in range(12))
        connection.execute(sa.update(rounds).where(rounds.c.id == round_id).values(member_key=key))
    op.create_index("ix_round_member_key", "round", ["member_key"], unique=True)


def downgrade():
    op.drop_index("ix_round_member_key", table_name="round")
    with op.batch_alter_table("round", recreate="never") as batch:
        batch.drop_column("neutral_label")
        batch.drop_column("member_key")
