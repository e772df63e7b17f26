"""The committed migrations build the schema the models describe, on SQLite and PostgreSQL,
and come down and up again."""

import uuid
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from consult import create_app
from consult.extensions import db

from .conftest import make_test_config

TABLES = {
    "network",
    "round",
    "section",
    "question",
    "choice",
    "response",
    "answer",
    "draft",
    "user_account",
    "audit_event",
    "question_block",
    "translator_assignment",
    "network_code",
    "invitation_code",
    "reach_target",
    "export_job",
    "codebook",
    "theme",
    "tag",
    "memo",
    "quote",
    "double_coding",
    "answer_text_key",
    "brief_theme",
    "theme_job",
    "recovery_code",
    "results_release",
    "theme_release",
    "theme_release_member",
}


def differences(connection):
    return compare_metadata(MigrationContext.configure(connection), db.metadata)


def user_tables(connection):
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


def test_upgrade_downgrade_upgrade(database):
    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            assert user_tables(connection) == TABLES
            assert differences(connection) == []
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert user_tables(connection) == set()
        upgrade()
        with db.engine.connect() as connection:
            assert user_tables(connection) == TABLES
            assert differences(connection) == []
        db.engine.dispose()


def test_the_migrated_constraints_are_the_models(database):
    """CHECK constraints are invisible to Alembic's comparison: try them on the database."""
    from sqlalchemy.exc import IntegrityError

    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        upgrade()
        with db.engine.begin() as connection:
            _insert_a_round_and_its_page(connection)
        with db.engine.begin() as connection:
            _insert_question(connection, "matrix")
        try:
            with db.engine.begin() as connection:
                _insert_question(connection, "short_text", code="q2", max_length=0)
        except IntegrityError:
            pass
        else:
            raise AssertionError("a question with a limit of 0 characters was stored")
        db.engine.dispose()


def test_a_question_of_a_kind_the_registry_lacks_is_refused_before_the_database():
    """The registry is the one list of kinds (revision 0021 dropped the database's copy)."""
    from consult.design.models import Question

    with pytest.raises(ValueError, match="essay"):
        Question(code="q", kind="essay")
    assert Question(code="q", kind="rating").kind == "rating"


def test_going_back_below_0021_refuses_while_a_question_has_a_newer_kind(database):
    """Revision 0020's CHECK cannot hold a kind added since: the downgrade stops, changing
    nothing, rather than delete members' answers."""
    from sqlalchemy import text

    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        upgrade()
        with db.engine.begin() as connection:
            _insert_a_round_and_its_page(connection)
            _insert_question(connection, "a_newer_kind")
        # Alembic's own command: Flask-Migrate's would log the error and exit.
        config = app.extensions["migrate"].migrate.get_config()
        with pytest.raises(RuntimeError, match="Questions of the kinds a_newer_kind exist"):
            command.downgrade(config, "0020")
        with db.engine.connect() as connection:
            # Nothing below 0021 was reached; the migrations above it are left as they were
            # or taken back only as far as 0021.
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) >= "0021"
            assert connection.scalar(text("SELECT kind FROM question")) == "a_newer_kind"
        db.engine.dispose()


def _insert_question(connection, kind, code="q", max_length=None):
    """A question of ``kind`` on page 1, in SQL."""
    connection.execute(
        sa.text(
            "INSERT INTO question (section_id, position, code, kind, text, help, required, "
            "allow_decimals, dropdown, randomise_choices, max_length) "
            "VALUES (1, 0, :code, :kind, '{}', '{}', false, false, false, false, :max_length)"
        ),
        {"code": code, "kind": kind, "max_length": max_length},
    )


def _insert_a_round_and_its_page(connection):
    """Round 1 and its section 1, in SQL: no model may stand between a test and the schema."""
    connection.execute(
        sa.text(
            "INSERT INTO round (id, slug, status, access_mode, title, introduction, "
            "thank_you, languages, source_language, min_cell_size, created_at) VALUES "
            "(1, 'r', 'draft', 'public', '{}', '{}', '{}', '[]', 'en', 5, CURRENT_TIMESTAMP)"
        )
    )
    connection.execute(
        sa.text(
            "INSERT INTO section (id, round_id, position, title, introduction) "
            "VALUES (1, 1, 0, '{}', '{}')"
        )
    )


# --- upgrades of a database holding data (as SecureDrop's test_alembic.py does) ---------------


def _type_of(value):
    for kind, sql_type in (
        (bool, sa.Boolean()),
        (int, sa.Integer()),
        (float, sa.Float()),
        (uuid.UUID, sa.Uuid()),
        (datetime, sa.DateTime(timezone=True)),
        (date, sa.Date()),
        (str, sa.String()),
    ):
        if isinstance(value, kind):
            return sql_type
    return sa.JSON()


def put(connection, table, **values):
    """Insert one row as the schema of the moment has it, whatever the models say now."""
    columns = [sa.column(name, _type_of(value)) for name, value in values.items()]
    connection.execute(sa.insert(sa.table(table, *columns)).values(**values))


def rows(connection, sql, **parameters):
    return [tuple(row) for row in connection.execute(sa.text(sql), parameters)]


def refused(engine, sql, **parameters):
    """Whether the database refuses ``sql`` with an IntegrityError."""
    try:
        with engine.begin() as connection:
            connection.execute(sa.text(sql), parameters)
    except IntegrityError:
        return True
    return False


NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
R1, R2, R3 = (uuid.UUID(int=n) for n in (1, 2, 3))


def _round(connection, id_, slug, codebook_id=None):
    put(
        connection,
        "round",
        id=id_,
        slug=slug,
        status="open",
        access_mode="public",
        title={"en": slug},
        introduction={},
        thank_you={},
        languages=["en", "fr"],
        source_language="en",
        min_cell_size=5,
        discreet=False,
        member_key=f"key{id_}",
        design_token=f"token{id_}",
        translated_from={},
        publish_results=False,
        published_questions=[],
        created_at=NOW,
        **({"codebook_id": codebook_id} if codebook_id else {}),
    )


def _question(connection, id_, code, kind, choices=()):
    put(
        connection,
        "question",
        id=id_,
        section_id=1,
        position=id_,
        code=code,
        kind=kind,
        text={"en": code},
        help={},
        required=False,
        allow_decimals=False,
        dropdown=False,
        randomise_choices=False,
        identifying=False,
    )
    for position, (choice_id, code, role) in enumerate(choices):
        put(
            connection,
            "choice",
            id=choice_id,
            question_id=id_,
            position=position,
            code=code,
            label={"en": code},
            role=role,
            hidden=False,
        )


def _answer(connection, response_id, question_id, item=0, **value):
    put(
        connection,
        "answer",
        response_id=response_id,
        question_id=question_id,
        item=item,
        record_key=7,
        release_number=1,
        **value,
    )


def _about(response_id, question_id, item=0, round_id=1):
    return {
        "round_id": round_id,
        "response_id": response_id,
        "question_id": question_id,
        "item": item,
    }


LONG = "x" * 60


def fill_revision_0018(connection):
    """A round with its questionnaire, three responses and their coding, as 0018 holds them,
    with what the keys of 0020 refuse: coding rows about no answer, coding rows in the wrong
    round, and choices that repeat a code of their question (a matrix's rows named like its
    scale's points, as the old question form allowed)."""
    put(
        connection,
        "user_account",
        id=1,
        email="reviewer@example.org",
        password_hash="x",
        role="reviewer",
        active=True,
        created_at=NOW,
        session_version=0,
    )
    put(connection, "codebook", id=1, code="starter", name={"en": "Starter"})
    for id_ in (1, 2):
        put(
            connection,
            "theme",
            id=id_,
            codebook_id=1,
            position=id_,
            code=f"theme{id_}",
            name={"en": f"Theme {id_}"},
            definition={},
            include={},
            exclude={},
            keywords={"en": ["police"]},
        )
    _round(connection, 1, "spring-2026", codebook_id=1)
    _round(connection, 2, "autumn-2026")
    put(connection, "section", id=1, round_id=1, position=0, title={"en": "Page"}, introduction={})
    _question(
        connection,
        1,
        "service",
        "single_choice",
        [(1, "yes", "option"), (2, "no", "option"), (3, "other", "other")],
    )
    _question(
        connection,
        2,
        "safety",
        "matrix",
        [
            (10, "1", "option"),
            (11, "2", "option"),
            (12, "3", "option"),
            (13, "2", "row"),  # repeats a point: becomes 2_3, as 2_2 is taken
            (14, "1", "row"),  # becomes 1_2
            (15, "2_2", "row"),
        ],
    )
    _question(
        connection, 3, "long_codes", "single_choice", [(20, LONG, "option"), (21, LONG, "option")]
    )
    _question(connection, 4, "story", "long_text")
    for response_id in (R1, R2, R3):
        put(
            connection,
            "response",
            id=response_id,
            round_id=1,
            language="en",
            submitted_on=date(2026, 11, 1),
            record_key=7,
            release_number=1,
        )
    _answer(connection, R1, 1, choice_id=1)
    _answer(connection, R1, 2, 0, choice_id=10, row_id=13)
    _answer(connection, R1, 2, 1, choice_id=12, row_id=14)
    _answer(connection, R1, 4, text="The police took my kit.", language="en")
    _answer(connection, R2, 1, choice_id=3, text="A friend", language="en")
    _answer(connection, R2, 4, text="La police encore.", language="fr")
    _answer(connection, R3, 3, choice_id=21)
    tag = {"status": "accepted", "reasons": [["police", 4, 10]], "added_by": 1}
    put(connection, "tag", id=1, theme_id=1, **tag, **_about(R1, 4))
    put(connection, "tag", id=2, theme_id=1, **tag, **_about(R2, 4))
    put(connection, "tag", id=3, theme_id=2, **tag, **_about(R2, 1))  # the "other" text
    put(connection, "tag", id=4, theme_id=2, **tag, **_about(R1, 4, item=1))  # no such answer
    put(connection, "tag", id=5, theme_id=2, **tag, **_about(R2, 4, round_id=2))  # wrong round
    memo = {"author_id": 1, "written_at": NOW}
    put(connection, "memo", id=1, text="Names a place.", **memo, **_about(R1, 4))
    put(connection, "memo", id=2, text="About nothing.", **memo, **_about(R3, 4))  # no answer
    put(connection, "memo", id=3, text="Wrong round.", **memo, **_about(R2, 4, round_id=2))
    put(
        connection,
        "quote",
        id=1,
        theme_id=1,
        language="fr",
        text="La police encore.",
        marked_by=1,
        **_about(R2, 4),
    )
    coding = {"coder_id": 1, "themes": [1], "coded_at": NOW}
    put(connection, "double_coding", id=1, **coding, **_about(R1, 4))
    put(connection, "double_coding", id=2, **coding, **_about(R1, 2, item=5))  # no answer


def test_an_upgrade_keeps_the_data_and_puts_right_what_the_new_keys_refuse(database):
    """0018 → head on a database holding a coded round: every answer and every sound coding
    row stays, rows about no answer go, rows in the wrong round take their response's, and
    repeated choice codes are renamed (docs/DECISIONS.md); then the keys hold, a deleted
    answer takes its coding with it, and the downgrade keeps the rows."""
    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        upgrade(revision="0018")
        with db.engine.begin() as connection:
            fill_revision_0018(connection)
        upgrade()
        engine = db.engine
        with engine.connect() as connection:
            assert differences(connection) == []
            one = lambda sql, **p: rows(connection, sql, **p)  # noqa: E731
            assert one("SELECT COUNT(*) FROM answer") == [(7,)]
            assert one("SELECT COUNT(*) FROM response") == [(3,)]
            assert one("SELECT id, round_id FROM tag ORDER BY id") == [
                (1, 1),
                (2, 1),
                (3, 1),
                (5, 1),
            ]
            assert one("SELECT id, round_id FROM memo ORDER BY id") == [(1, 1), (3, 1)]
            assert one("SELECT id FROM quote") == [(1,)]
            assert one("SELECT id FROM double_coding") == [(1,)]
            assert one("SELECT id, code FROM choice WHERE question_id = 2 ORDER BY id") == [
                (10, "1"),
                (11, "2"),
                (12, "3"),
                (13, "2_3"),
                (14, "1_2"),
                (15, "2_2"),
            ]
            assert one("SELECT id, code FROM choice WHERE question_id = 3 ORDER BY id") == [
                (20, LONG),
                (21, "x" * 58 + "_2"),
            ]
            assert one("SELECT COUNT(*) FROM choice") == [(11,)]
            assert one("SELECT id FROM round WHERE design_token LIKE 'token%' ORDER BY id") == [
                (2,)
            ]
        # The keys hold.
        tag = (
            "INSERT INTO tag (id, theme_id, status, reasons, round_id, response_id, question_id, "
            "item) VALUES (9, 2, 'accepted', '[]', :round, :response, 4, 0)"
        )
        assert refused(engine, tag, round=1, response=_bound(engine, R3))  # no answer
        assert refused(engine, tag, round=2, response=_bound(engine, R1))  # wrong round
        assert refused(
            engine,
            "INSERT INTO choice (id, question_id, position, code, label, role, hidden) "
            "VALUES (99, 1, 9, 'yes', '{}', 'option', false)",
        )
        assert not refused(engine, tag, round=1, response=_bound(engine, R1))
        # A deleted answer takes its coding; the other answers keep theirs.
        with engine.begin() as connection:
            connection.execute(
                sa.text("DELETE FROM answer WHERE response_id = :r AND question_id = 4"),
                {"r": _bound(engine, R1)},
            )
        with engine.connect() as connection:
            assert rows(connection, "SELECT id FROM tag ORDER BY id") == [(2,), (3,), (5,)]
            assert rows(connection, "SELECT id FROM memo") == [(3,)]
            assert rows(connection, "SELECT COUNT(*) FROM double_coding") == [(0,)]
            assert rows(connection, "SELECT id FROM quote") == [(1,)]
        downgrade(revision="0018")
        with engine.connect() as connection:
            assert rows(connection, "SELECT COUNT(*) FROM answer") == [(6,)]
            assert rows(connection, "SELECT id FROM tag ORDER BY id") == [(2,), (3,), (5,)]
            assert rows(connection, "SELECT COUNT(*) FROM choice") == [(11,)]
        upgrade()
        db.engine.dispose()


def _bound(engine, response_id):
    """A response id as the database stores it: 32 hex digits on SQLite, a uuid elsewhere."""
    return response_id.hex if engine.dialect.name == "sqlite" else response_id


def test_an_upgrade_that_rebuilds_a_table_takes_no_rows_with_it(database):
    """SQLite rebuilds a table to alter it (batch mode): copy, drop, rename. With foreign keys
    enforced, the drop deleted the old rows first and cascaded to every child row: 0013's
    rebuild of the round and response tables emptied the questionnaires and the answers. The
    migrations run with the foreign keys off, and their references checked at the end."""
    uri, engine_options = database
    app = create_app(make_test_config(uri, engine_options))
    with app.app_context():
        upgrade(revision="0012")
        with db.engine.begin() as connection:
            put(
                connection,
                "round",
                id=1,
                slug="spring-2026",
                status="open",
                access_mode="public",
                title={"en": "Spring"},
                introduction={},
                thank_you={},
                languages=["en"],
                source_language="en",
                min_cell_size=5,
                discreet=False,
                translated_from={},
                publish_results=False,
                published_questions=[],
                created_at=NOW,
                design_token="token",
            )
            put(connection, "section", id=1, round_id=1, position=0, title={}, introduction={})
            put(
                connection,
                "question",
                id=1,
                section_id=1,
                position=0,
                code="service",
                kind="single_choice",
                text={"en": "Which?"},
                help={},
                required=False,
                allow_decimals=False,
                dropdown=False,
                randomise_choices=False,
            )
            for id_, code in ((1, "yes"), (2, "no")):
                put(
                    connection,
                    "choice",
                    id=id_,
                    question_id=1,
                    position=id_,
                    code=code,
                    label={"en": code},
                    role="option",
                    hidden=False,
                )
            put(
                connection,
                "response",
                id=R1,
                round_id=1,
                language="en",
                submitted_on=date(2026, 11, 1),
            )
            put(connection, "answer", response_id=R1, question_id=1, item=0, choice_id=2)
        upgrade()
        with db.engine.connect() as connection:
            counts = [
                rows(connection, f"SELECT COUNT(*) FROM {table}")[0][0]  # noqa: S608
                for table in ("round", "section", "question", "choice", "response", "answer")
            ]
            assert counts == [1, 1, 1, 2, 1, 1]
            assert rows(connection, "SELECT choice_id, release_number FROM answer") == [(2, 1)]
        db.engine.dispose()
