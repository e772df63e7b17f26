"""Access by network codes and by single-use invitation codes.

The invitation_code table holds a hash and a used flag only, WITHOUT ROWID on SQLite, so
nothing in it can be joined to a response (consult/access/models.py).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "network_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["network_id"], ["network.id"],
                                name=op.f("fk_network_code_network_id_network"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["round.id"],
                                name=op.f("fk_network_code_round_id_round"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_code")),
        sa.UniqueConstraint("code", name=op.f("uq_network_code_code")),
        sa.UniqueConstraint("round_id", "network_id", name="uq_network_code_round"),
    )
    op.create_index(op.f("ix_network_code_round_id"), "network_code", ["round_id"])
    op.create_table(
        "invitation_code",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("used", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["round.id"],
                                name=op.f("fk_invitation_code_round_id_round"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_invitation_code")),
        sqlite_with_rowid=False,
    )
    op.create_index(op.f("ix_invitation_code_round_id"), "invitation_code", ["round_id"])
    with op.batch_alter_table("draft", table_kwargs={"sqlite_with_rowid": False}) as batch:
        batch.add_column(sa.Column("network_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_draft_network_id_network"), "network",
                                 ["network_id"], ["id"])
    with op.batch_alter_table("round") as batch:
        batch.drop_constraint(op.f("ck_round_access_mode"), type_="check")
        batch.create_check_constraint(op.f("ck_round_access_mode"),
                                      "access_mode IN ('public', 'network', 'invitation')")


def downgrade():
    op.execute("UPDATE round SET access_mode = 'public'")
    with op.batch_alter_table("round") as batch:
        batch.drop_constraint(op.f("ck_round_access_mode"), type_="check")
        batch.create_check_constraint(op.f("ck_round_access_mode"), "access_mode IN ('public')")
    with op.batch_alter_table("draft", table_kwargs={"sqlite_with_rowid": False}) as batch:
        batch.drop_constraint(op.f("fk_draft_network_id_network"), type_="foreignkey")
        batch.drop_column("network_id")
    op.drop_index(op.f("ix_invitation_code_round_id"), table_name="invitation_code")
    op.drop_table("invitation_code")
    op.drop_index(op.f("ix_network_code_round_id"), table_name="network_code")
    op.drop_table("network_code")
