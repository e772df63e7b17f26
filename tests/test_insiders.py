"""Someone who holds the database (a copy of its files, or superuser access) replays the
attacks of docs/THREATS.md: ordering rows by PostgreSQL's system columns or by their place,
and reading SQLite's main file and write-ahead log. Members claim codes and submit in an
interleaved order, as a real morning would have them; nothing may say who claimed which code
or who answered first."""

from pathlib import Path

import pytest
from sqlalchemy import select, text

from consult.access_codes.operations import make_invitation_codes
from consult.design.models import Round
from consult.extensions import db

from .journey import demo_pages, post_page, submit
from .test_access_codes import set_access, start_with_code

#: (what, member): B's code claimed, A's claimed, A answers, B answers, C claims and answers
#: (the sequence an admin once read from xmin), then five more crossing each other.
MORNING = [
    ("claim", "B"),
    ("claim", "A"),
    ("submit", "A"),
    ("submit", "B"),
    ("claim", "C"),
    ("submit", "C"),
    ("claim", "D"),
    ("claim", "E"),
    ("claim", "F"),
    ("submit", "F"),
    ("submit", "D"),
    ("claim", "G"),
    ("claim", "H"),
    ("submit", "H"),
    ("submit", "E"),
    ("submit", "G"),
]


def marker(member):
    return f"Marker of member {member}, unique text"


def live_a_morning(app, demo_round):
    """Play MORNING; returns (code of each member, draft token of each member)."""
    set_access(app, demo_round, "invitation")
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        codes = make_invitation_codes(round_, 12)
    members = sorted({member for _, member in MORNING})
    code_of = dict(zip(members, codes, strict=False))
    clients = {member: app.test_client() for member in members}
    tokens = {}
    for what, member in MORNING:
        client = clients[member]
        if what == "claim":
            assert start_with_code(client, code_of[member]).status_code == 302
            with client.session_transaction() as session:
                (tokens[member],) = session["drafts"].values()
        else:
            pages = demo_pages(app, one_change=marker(member))
            for number, data in enumerate(pages, 1):
                assert post_page(client, number, data).status_code == 302
            assert submit(client).headers["Location"].endswith("/thanks")
    return code_of, tokens


def claim_order():
    return [member for what, member in MORNING if what == "claim"]


def submit_order():
    return [member for what, member in MORNING if what == "submit"]


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_postgresql_system_columns_and_row_places_say_nothing(app, demo_round):
    from consult.respond.resume import code_hash

    code_of, _ = live_a_morning(app, demo_round)
    with app.app_context():
        connection = db.session.connection()
        codes = connection.execute(
            text("SELECT code_hash, xmin::text, used FROM invitation_code ORDER BY ctid")
        ).all()
        members_of_hash = {code_hash(code): member for member, code in code_of.items()}
        # Every code, used or not, was last written by the same transaction...
        assert len({xmin for _, xmin, _ in codes}) == 1
        # ...and the used ones lie in an order that is not the order they were claimed in.
        used_in_place_order = [members_of_hash[h] for h, _, used in codes if used]
        assert sorted(used_in_place_order) == sorted(claim_order())
        assert used_in_place_order != claim_order()

        responses = connection.execute(
            text(
                "SELECT answer.text, response.xmin::text, answer.xmin::text FROM response "
                "JOIN answer ON answer.response_id = response.id "
                "WHERE answer.text LIKE 'Marker of member %' ORDER BY response.ctid"
            )
        ).all()
        member_of_text = {marker(member): member for member in code_of}
        in_place_order = [member_of_text[row[0]] for row in responses]
        assert sorted(in_place_order) == sorted(submit_order())
        assert in_place_order != submit_order()
        # One transaction wrote every response of the day and every answer of them...
        all_xmins = set(
            connection.execute(
                text("SELECT xmin::text FROM response UNION SELECT xmin::text FROM answer")
            ).scalars()
        )
        assert len(all_xmins) == 1
        # ...and it is not the one that wrote the codes: no response shares a code's.
        assert all_xmins.isdisjoint({xmin for _, xmin, _ in codes})
        answer_places = connection.execute(
            text("SELECT text FROM answer WHERE text LIKE 'Marker of member %' ORDER BY ctid")
        ).scalars()
        assert [member_of_text[t] for t in answer_places] != submit_order()


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_sqlite_files_keep_no_log_no_draft_token_and_no_arrival_order(app, demo_round):
    code_of, tokens = live_a_morning(app, demo_round)
    path = Path(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
    log = path.with_name(path.name + "-wal")
    # The write-ahead log, which kept each page as it was written, is empty.
    assert not log.exists() or log.stat().st_size == 0
    main = path.read_bytes()
    # No submitted draft's token (also in the member's cookie) stays in the file.
    for member, token in tokens.items():
        assert token.encode() not in main, member
    # Each answer is in the file once, in an order that is not the order of arrival.
    places = {member: main.find(marker(member).encode()) for member in code_of}
    assert all(main.count(marker(member).encode()) == 1 for member in code_of)
    assert sorted(places, key=places.get) != submit_order()
