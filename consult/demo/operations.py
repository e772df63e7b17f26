"""The demo round and its synthetic responses.

Both are data: ``data/round.json`` is the round as a round file (docs/ROUND_FORMAT.md), read by
the import's ``from_definition``; ``data/synthetic_answers.json`` is what its synthetic members
answer: ``choice_weights``, per question code, the weight of each choice in the round's order
(for a multiple choice, the percentage who tick it), and ``written_answers``, per question code
and language, the texts they write."""

import json
import random
import secrets
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text

from ..accounts.models import ROLES, User
from ..accounts.operations import create_user
from ..cellkey import KEY_RANGE
from ..design.conditions import is_met
from ..design.definition import from_definition
from ..design.models import Round
from ..extensions import db
from ..networks.models import Network
from ..networks.operations import ensure_member_networks
from ..respond.models import Answer, Response
from ..respond.operations import today
from ..review.models import Release
from ..review.releases import latest_release

#: The folder of the two files above.
DATA = Path(__file__).parent / "data"
#: How members are spread over the round's languages in the synthetic data.
LANGUAGE_WEIGHTS = {"en": 35, "fr": 15, "es": 20, "ru": 15, "ar": 15}
#: Share of optional questions that a synthetic member leaves unanswered.
SKIP_RATE = 0.12
BATCH = 5000


def database_is_empty():
    return not db.session.scalar(select(func.count()).select_from(Round))


def create_demo_round(status="open"):
    """Create "Community priorities for advocacy 2027" (or return it if it exists)."""
    definition = _read("round.json")
    existing = db.session.scalar(select(Round).where(Round.slug == definition["slug"]))
    if existing is not None:
        return existing
    round_ = from_definition(definition)
    round_.status = status
    db.session.add(round_)
    db.session.commit()
    return round_


def synthetic_answers():
    """What the demo's synthetic members answer: {"choice_weights", "written_answers"}."""
    return _read("synthetic_answers.json")


def _read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def add_synthetic_responses(round_, count, seed=2027, released=False):
    """Add ``count`` responses spread over the member networks, languages and the 30 days
    before today, inserted in batches of plain rows (fast enough for 100,000 in well under
    two minutes). The same seed gives the same answers. With ``released``, they come counted
    by a new release of the round's figures (review.releases), as the releases of those days
    would have left them, when there are at least k of them."""
    ensure_member_networks()
    rng = random.Random(seed)
    # Record keys from a generator of their own, so that the answers stay those of the seed.
    keys = random.Random(f"record keys {seed}")
    networks = db.session.scalars(select(Network.id).order_by(Network.id)).all()
    languages, language_weights = zip(*LANGUAGE_WEIGHTS.items(), strict=True)
    answers_data = synthetic_answers()
    plan = [_plan_question(question, answers_data) for question in round_.questions]
    # The 30 days before today: the figures of the demo are released at once (a release
    # takes the days before its own while a round is open, review.releases).
    first_day = today() - timedelta(days=30)
    release = None
    if released and count >= round_.min_cell_size:
        last = latest_release(round_.id)
        release = Release(
            round_id=round_.id,
            number=(last.number if last else 0) + 1,
            made_on=today(),
            responses=count,
        )
    for start in range(0, count, BATCH):
        responses, answers = [], []
        for _ in range(min(BATCH, count - start)):
            response_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            record_key = keys.randrange(KEY_RANGE)
            language = rng.choices(languages, language_weights)[0]
            responses.append(
                {
                    "id": response_id,
                    "round_id": round_.id,
                    "network_id": rng.choice(networks),
                    "language": language,
                    "submitted_on": first_day + timedelta(days=rng.randrange(30)),
                    "record_key": record_key,
                    "release_number": release.number if release else None,
                }
            )
            chosen, pages = {}, []
            for question_plan in plan:
                rows = _synthetic_answers(rng, response_id, language, question_plan, chosen)
                answers.extend(
                    {
                        **row,
                        "record_key": record_key,
                        "release_number": responses[-1]["release_number"],
                    }
                    for row in rows
                )
                if rows:
                    pages.append(question_plan[0].section.position)
            responses[-1]["furthest_page"] = max(pages, default=None)
        _bulk_insert(Response.__table__, responses)
        _bulk_insert(Answer.__table__, answers)
        db.session.commit()
    if release is not None:
        db.session.add(release)
        db.session.commit()
    # Statistics for the query planner after a bulk load, as autovacuum (PostgreSQL) would
    # gather later and SQLite never does by itself: the results' joins depend on them.
    db.session.execute(text("ANALYZE"))
    db.session.commit()


def _bulk_insert(table, rows):
    """Insert many rows: PostgreSQL's COPY where available (several times faster than
    batched INSERTs for a million rows), executemany elsewhere."""
    connection = db.session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    columns = [column.name for column in table.columns]
    cursor = connection.connection.driver_connection.cursor()
    names = ", ".join(f'"{name}"' for name in columns)
    with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(name) for name in columns])


def _plan_question(question, answers_data):
    choice_ids = [choice.id for choice in question.choices]
    weights = answers_data["choice_weights"].get(question.code) or [1] * len(choice_ids)
    texts = answers_data["written_answers"].get(question.code)
    return question, choice_ids, weights, texts


def _synthetic_answers(rng, response_id, language, question_plan, chosen):
    """The rows of one synthetic answer; ``chosen`` collects the choice codes given so far,
    so that a question shown only on a condition is answered only when it holds."""
    question, choice_ids, weights, texts = question_plan
    if not is_met(question.condition, chosen):
        return []
    rows = _values(rng, response_id, language, question, choice_ids, weights, texts)
    codes = {c.id: c.code for c in question.choices}
    chosen[question.code] = {codes.get(row["choice_id"], "*") for row in rows}
    return rows


def _values(rng, response_id, language, question, choice_ids, weights, texts):
    if not question.required and rng.random() < SKIP_RATE:
        return []
    row = {
        "response_id": response_id,
        "question_id": question.id,
        "rank": None,
        "text": None,
        "language": None,
    }
    if question.kind in ("short_text", "long_text"):
        if question.kind == "long_text" and rng.random() < 0.4:
            return []  # long answers are the ones most often skipped
        text = rng.choice(texts[language])
        return [{**row, "item": 0, "choice_id": None, "text": text, "language": language}]
    if question.kind in ("single_choice", "scale"):
        return [{**row, "item": 0, "choice_id": rng.choices(choice_ids, weights)[0]}]
    if question.kind == "multiple_choice":
        chosen = [c for c, w in zip(choice_ids, weights, strict=True) if rng.random() * 100 < w]
        chosen = chosen or [rng.choices(choice_ids, weights)[0]]
        return [{**row, "item": i, "choice_id": c} for i, c in enumerate(chosen)]
    ranked = _weighted_sample(rng, choice_ids, weights, question.rank_count or 3)
    return [{**row, "item": i, "choice_id": c, "rank": i + 1} for i, c in enumerate(ranked)]


def _weighted_sample(rng, items, weights, k):
    pool, pool_weights, picked = list(items), list(weights), []
    for _ in range(min(k, len(pool))):
        index = rng.choices(range(len(pool)), pool_weights)[0]
        picked.append(pool.pop(index))
        pool_weights.pop(index)
    return picked


def create_demo_staff():
    """One account per role with a random password; returns [(role, e-mail, password)] for
    the accounts it created. Existing accounts are left alone."""
    created = []
    for role in ROLES:
        email = f"{role}@demo.invalid"
        if db.session.scalar(select(func.count()).where(User.email == email)):
            continue
        password = secrets.token_urlsafe(12)
        create_user(email, password, role)
        created.append((role, email, password))
    return created
