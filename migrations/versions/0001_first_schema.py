"""First schema: member networks, staff accounts, rounds with their questionnaire,
anonymous responses and answers, and drafts.

Responses, answers and drafts are WITHOUT ROWID tables on SQLite, so no hidden insertion
counter orders them by arrival (docs/ARCHITECTURE.md, "Invariants").

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 23:31:07.059930

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('network',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('region', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind != 'national' OR parent_id IS NOT NULL", name=op.f('ck_network_national_parent')),
    sa.CheckConstraint("kind IN ('regional', 'women', 'national')", name=op.f('ck_network_kind')),
    sa.CheckConstraint("region IN ('asia', 'europe', 'eurasia', 'africa', 'latin_america', 'oceania', 'north_america', 'mena', 'global')", name=op.f('ck_network_region')),
    sa.ForeignKeyConstraint(['parent_id'], ['network.id'], name=op.f('fk_network_parent_id_network')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network')),
    sa.UniqueConstraint('code', name=op.f('uq_network_code'))
    )
    op.create_table('round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('access_mode', sa.String(length=20), nullable=False),
    sa.Column('title', sa.JSON(), nullable=False),
    sa.Column('introduction', sa.JSON(), nullable=False),
    sa.Column('thank_you', sa.JSON(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('source_language', sa.String(length=10), nullable=False),
    sa.Column('min_cell_size', sa.Integer(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("access_mode IN ('public')", name=op.f('ck_round_access_mode')),
    sa.CheckConstraint("status IN ('draft', 'open', 'closed', 'archived')", name=op.f('ck_round_status')),
    sa.CheckConstraint('min_cell_size >= 3', name=op.f('ck_round_min_cell_size')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_round')),
    sa.UniqueConstraint('slug', name=op.f('uq_round_slug'))
    )
    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('locale', sa.String(length=10), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('admin', 'designer', 'translator', 'reviewer')", name=op.f('ck_user_account_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('email', name=op.f('uq_user_account_email'))
    )
    op.create_table('draft',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_draft_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_draft')),
    sqlite_with_rowid=False
    )
    op.create_index(op.f('ix_draft_round_id'), 'draft', ['round_id'])

    op.create_table('response',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name=op.f('fk_response_network_id_network')),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_response_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_response')),
    sqlite_with_rowid=False
    )
    op.create_index(op.f('ix_response_network_id'), 'response', ['network_id'])
    op.create_index(op.f('ix_response_round_id'), 'response', ['round_id'])

    op.create_table('section',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.JSON(), nullable=False),
    sa.Column('introduction', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_section_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_section'))
    )
    op.create_index(op.f('ix_section_round_id'), 'section', ['round_id'])

    op.create_table('question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('text', sa.JSON(), nullable=False),
    sa.Column('help', sa.JSON(), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('max_length', sa.Integer(), nullable=True),
    sa.Column('rank_count', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('single_choice', 'multiple_choice', 'scale', 'ranking', 'short_text', 'long_text')", name=op.f('ck_question_kind')),
    sa.CheckConstraint('max_length IS NULL OR max_length > 0', name=op.f('ck_question_max_length')),
    sa.CheckConstraint('rank_count IS NULL OR rank_count > 0', name=op.f('ck_question_rank_count')),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], name=op.f('fk_question_section_id_section'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question'))
    )
    op.create_index(op.f('ix_question_section_id'), 'question', ['section_id'])

    op.create_table('choice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('label', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_choice_question_id_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_choice'))
    )
    op.create_index(op.f('ix_choice_question_id'), 'choice', ['question_id'])

    op.create_table('answer',
    sa.Column('response_id', sa.Uuid(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.Integer(), nullable=False),
    sa.Column('choice_id', sa.Integer(), nullable=True),
    sa.Column('rank', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.CheckConstraint('choice_id IS NOT NULL OR text IS NOT NULL', name=op.f('ck_answer_has_value')),
    sa.CheckConstraint('rank IS NULL OR rank > 0', name=op.f('ck_answer_rank')),
    sa.ForeignKeyConstraint(['choice_id'], ['choice.id'], name=op.f('fk_answer_choice_id_choice'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_answer_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_answer_response_id_response'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('response_id', 'question_id', 'item', name=op.f('pk_answer')),
    sqlite_with_rowid=False
    )
    op.create_index('ix_answer_question_choice', 'answer', ['question_id', 'choice_id'])



def downgrade():
    op.drop_index('ix_answer_question_choice', table_name='answer')

    op.drop_table('answer')
    op.drop_index(op.f('ix_choice_question_id'), table_name='choice')

    op.drop_table('choice')
    op.drop_index(op.f('ix_question_section_id'), table_name='question')

    op.drop_table('question')
    op.drop_index(op.f('ix_section_round_id'), table_name='section')

    op.drop_table('section')
    op.drop_index(op.f('ix_response_round_id'), table_name='response')
    op.drop_index(op.f('ix_response_network_id'), table_name='response')

    op.drop_table('response')
    op.drop_index(op.f('ix_draft_round_id'), table_name='draft')

    op.drop_table('draft')
    op.drop_table('user_account')
    op.drop_table('round')
    op.drop_table('network')
