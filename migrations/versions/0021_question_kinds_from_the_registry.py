"""A question's kind is checked against the registry of kinds, not by the database.

``question.kind`` had a CHECK listing every kind, so each new kind needed a migration that
widened it. The list of kinds is ``consult.questions.KINDS``; ``Question`` refuses a kind it
does not hold when one is set (docs/DECISIONS.md, "Kinds of question in one place").

Downgrading puts the CHECK back; it refuses, changing nothing, while a question has a kind the
old list did not have (deleting it would delete members' answers).

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

#: The kinds the CHECK allowed at revision 0020.
KINDS_AT_0020 = (
    "single_choice",
    "multiple_choice",
    "scale",
    "rating",
    "ranking",
    "matrix",
    "number",
    "yes_no",
    "short_text",
    "long_text",
    "info",
)


def _one_of(values):
    return "kind IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade():
    with op.batch_alter_table("question") as batch:
        batch.drop_constraint(op.f("ck_question_kind"), type_="check")


def downgrade():
    question = sa.table("question", sa.column("kind"))
    newer = (
        op.get_bind()
        .scalars(sa.select(question.c.kind).distinct().where(question.c.kind.not_in(KINDS_AT_0020)))
        .all()
    )
    if newer:
        raise RuntimeError(
            "Questions of the kinds " + ", ".join(sorted(newer)) + " exist: revision 0020 "
            "cannot hold them. Delete those questions (and their answers) first."
        )
    with op.batch_alter_table("question") as batch:
        batch.create_check_constraint(op.f("ck_question_kind"), _one_of(KINDS_AT_0020))
