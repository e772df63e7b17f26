"""The library of question blocks: pages of questions that consultations reuse.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 00:10:59.687685

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('question_block',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('name', sa.JSON(), nullable=False),
    sa.Column('section', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_block')),
    sa.UniqueConstraint('code', name=op.f('uq_question_block_code'))
    )


def downgrade():
    op.drop_table('question_block')
