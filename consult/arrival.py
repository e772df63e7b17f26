"""Keeping the order in which members arrived out of the database files (docs/THREATS.md).

Someone with a copy of the database, or superuser access to it, reads more than the tables.
PostgreSQL stamps every row version with the transaction that wrote it (``xmin``) and places
new rows one after another (``ctid``); SQLite's write-ahead log keeps every committed page,
in order, until a checkpoint. Read that way, the invitation code claimed just before a
draft was started names the member behind it, and a day's responses line up in the order
they came, against a door log or somebody's phone.

So a member's write rewrites everything of its kind together, in a random order, in the
same transaction: each claim rewrites every invitation code of the round, each submit
every unreleased response of the round and day with their answers. Every row of a kind then
carries the transaction of the latest write and a place that says nothing. On SQLite the
log is emptied after each member's write, and deleted rows are zeroed (extensions.py).
"""

import secrets
from collections import defaultdict

from sqlalchemy import delete, insert, select, text

from .access_codes.models import InvitationCode
from .design.models import Round
from .extensions import BUSY_TIMEOUT_MS, db
from .respond.models import Answer, Response

_random = secrets.SystemRandom()

#: How long emptying SQLite's log may wait for a reader (an export) to finish, in ms: a
#: member's request is not held up for it; the next member write tries again.
CHECKPOINT_WAIT_MS = 200


def lock_round(round_id):
    """One member write of a round at a time (PostgreSQL; SQLite has a single writer), so
    that two rewrites of the same rows never cross."""
    db.session.execute(select(Round.id).where(Round.id == round_id).with_for_update())


def rewrite_invitation_codes(round_id):
    """Every invitation code of the round, written again in a random order."""
    codes = InvitationCode.__table__
    of_round = codes.c.round_id == round_id
    rows = [dict(row) for row in db.session.execute(select(codes).where(of_round)).mappings()]
    _random.shuffle(rows)
    db.session.execute(delete(codes).where(of_round))
    if rows:
        db.session.execute(insert(codes), rows)


def rewrite_responses_of_the_day(round_id, day):
    """Every response of the round submitted on ``day`` and not yet released, with its
    answers, written again in a random order. Released responses are left alone: coding
    and theme releases point at them, and a release is cut at a day's end anyway."""
    responses, answers = Response.__table__, Answer.__table__
    of_day = (
        (responses.c.round_id == round_id)
        & (responses.c.submitted_on == day)
        & responses.c.release_number.is_(None)
    )
    ids = select(responses.c.id).where(of_day)
    parents = [dict(row) for row in db.session.execute(select(responses).where(of_day)).mappings()]
    children = defaultdict(list)
    for row in db.session.execute(select(answers).where(answers.c.response_id.in_(ids))).mappings():
        children[row["response_id"]].append(dict(row))
    _random.shuffle(parents)
    db.session.execute(delete(answers).where(answers.c.response_id.in_(ids)))
    db.session.execute(delete(responses).where(of_day))
    if parents:
        db.session.execute(insert(responses), parents)
        rows = [row for parent in parents for row in children[parent["id"]]]
        if rows:
            db.session.execute(insert(answers), rows)


def empty_the_log():
    """SQLite: copy the write-ahead log into the database and truncate it to nothing, so no
    earlier version of a page (a code before it was used, a draft before it was submitted)
    stays behind in arrival order. Call after a member's write has been committed."""
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
