"""Keys and constraints: a coding row points at its answer's whole key and its round must be
its response's; a choice's code is unique within its question.

- ``tag``, ``memo``, ``quote`` and ``double_coding`` lose their single-column keys to the
  response and the question, and take two composite ones, both ON DELETE CASCADE: (response,
  question, item) to the answer, and (round, response) to the response's (round, id), kept
  unique by ``uq_response_round``, which replaces the response table's index on its round.
  Each gets an index on (round, response), in place of the one on its round, for that key's
  checks; ``memo`` one on its answer's key (the others' unique constraints serve).
- ``choice``: ``uq_choice_code`` on (question, code).

The rows that would break them are put right first (docs/DECISIONS.md, "Keys of coding
rows"), and each kind counted in the log:

- a coding row whose answer does not exist is deleted: it codes nothing and counts nowhere;
- a coding row whose round is not its response's takes its response's round: the round is a
  copy, the answer's key is what was coded;
- of the choices of one question that share a code, the first keeps it (the points of a
  scale and the options before the rows of a matrix, then by position), and each other one
  gets the code followed by "_2", "_3"…, cut to 60 characters and never a code the question
  already has; its round gets a new design token, so that member pages read the
  questionnaire again.

Downgrading removes the constraints; it brings back neither the deleted rows nor the old
codes.

Revision ID: 0020
Revises: 0019
"""

import logging
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

#: The tables of rows about one answer (coding.models._OfAnAnswer).
CODING = ("tag", "memo", "quote", "double_coding")
ANSWER_KEY = ["response_id", "question_id", "item"]
CODE_LENGTH = 60


def upgrade():
    connection = op.get_bind()
    for table in CODING:
        _put_coding_rows_right(connection, table)
    _rename_repeated_codes(connection)

    op.drop_index("ix_response_round_id", table_name="response")
    op.create_index("uq_response_round", "response", ["round_id", "id"], unique=True)
    with op.batch_alter_table("choice") as batch:
        batch.create_unique_constraint("uq_choice_code", ["question_id", "code"])
    for table in CODING:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_round_id")
            batch.drop_constraint(f"fk_{table}_response_id_response", type_="foreignkey")
            batch.drop_constraint(f"fk_{table}_question_id_question", type_="foreignkey")
            batch.create_foreign_key(
                f"fk_{table}_response_id_answer",
                "answer",
                ANSWER_KEY,
                ANSWER_KEY,
                ondelete="CASCADE",
            )
            batch.create_foreign_key(
                f"fk_{table}_round_id_response",
                "response",
                ["round_id", "response_id"],
                ["round_id", "id"],
                ondelete="CASCADE",
            )
            batch.create_index(f"ix_{table}_round_response", ["round_id", "response_id"])
    op.create_index("ix_memo_answer", "memo", ANSWER_KEY)


def downgrade():
    op.drop_index("ix_memo_answer", table_name="memo")
    for table in CODING:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_round_response")
            batch.drop_constraint(f"fk_{table}_round_id_response", type_="foreignkey")
            batch.drop_constraint(f"fk_{table}_response_id_answer", type_="foreignkey")
            batch.create_foreign_key(
                f"fk_{table}_question_id_question",
                "question",
                ["question_id"],
                ["id"],
                ondelete="CASCADE",
            )
            batch.create_foreign_key(
                f"fk_{table}_response_id_response",
                "response",
                ["response_id"],
                ["id"],
                ondelete="CASCADE",
            )
            batch.create_index(f"ix_{table}_round_id", ["round_id"])
    with op.batch_alter_table("choice") as batch:
        batch.drop_constraint("uq_choice_code", type_="unique")
    op.drop_index("uq_response_round", table_name="response")
    op.create_index("ix_response_round_id", "response", ["round_id"])


def _put_coding_rows_right(connection, table):
    """Delete the rows of ``table`` whose answer does not exist; give the others their
    response's round."""
    of_answer = (
        f"SELECT 1 FROM answer WHERE answer.response_id = {table}.response_id "
        f"AND answer.question_id = {table}.question_id AND answer.item = {table}.item"
    )
    deleted = connection.execute(
        sa.text(f"DELETE FROM {table} WHERE NOT EXISTS ({of_answer})")
    ).rowcount
    moved = connection.execute(
        sa.text(
            f"UPDATE {table} SET round_id = (SELECT response.round_id FROM response "
            f"WHERE response.id = {table}.response_id) "
            f"WHERE EXISTS (SELECT 1 FROM response WHERE response.id = {table}.response_id "
            f"AND response.round_id <> {table}.round_id)"
        )
    ).rowcount
    if deleted or moved:
        log.warning(
            "%s: %d rows about no answer deleted, %d rows given their response's round",
            table,
            deleted,
            moved,
        )


def _rename_repeated_codes(connection):
    """Give each choice that repeats a code of its question a code of its own."""
    choice = sa.table(
        "choice",
        sa.column("id", sa.Integer),
        sa.column("question_id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("role", sa.String),
        sa.column("position", sa.Integer),
    )
    repeated = (
        sa.select(choice.c.question_id)
        .group_by(choice.c.question_id, choice.c.code)
        .having(sa.func.count() > 1)
    )
    rows = connection.execute(
        sa.select(choice.c.id, choice.c.question_id, choice.c.code)
        .where(choice.c.question_id.in_(repeated))
        .order_by(
            choice.c.question_id,
            sa.case((choice.c.role == "row", 1), else_=0),
            choice.c.position,
            choice.c.id,
        )
    ).all()
    if not rows:
        return
    taken, renamed = {}, []
    for _id, question_id, code in rows:
        taken.setdefault(question_id, set()).add(code)
    seen = set()
    for id_, question_id, code in rows:
        if (question_id, code) not in seen:
            seen.add((question_id, code))
            continue
        number = 2
        while (new := _numbered(code, number)) in taken[question_id]:
            number += 1
        taken[question_id].add(new)
        renamed.append({"choice_id": id_, "new_code": new})
    connection.execute(
        sa.update(choice)
        .where(choice.c.id == sa.bindparam("choice_id"))
        .values(code=sa.bindparam("new_code")),
        renamed,
    )
    questions = {question_id for _id, question_id, _code in rows}
    rounds = connection.execute(
        sa.text(
            "SELECT DISTINCT section.round_id FROM question "
            "JOIN section ON section.id = question.section_id WHERE question.id IN :ids"
        ).bindparams(sa.bindparam("ids", expanding=True)),
        {"ids": sorted(questions)},
    ).scalars()
    for round_id in rounds.all():
        connection.execute(
            sa.text("UPDATE round SET design_token = :token WHERE id = :id"),
            {"token": uuid.uuid4().hex, "id": round_id},
        )
    log.warning("choice: %d choices that repeated a code of their question renamed", len(renamed))


def _numbered(code, number):
    suffix = f"_{number}"
    return code[: CODE_LENGTH - len(suffix)] + suffix
