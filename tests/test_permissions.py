"""Every route, for every kind of visitor: a new route without an entry here fails, and a
page a visitor may open must answer as it would for them, below 400 (no 400, 404 or 500
passing as "allowed").

So each address names things that exist in the demo database (a theme job, a question block,
an answer's reference...), each POST carries what the route's form sends when a user fills it
in (a file where it takes one), and a member page meant for someone in the middle of the
questionnaire is opened with a draft in progress: an allowed request does what the route is
for, not merely answer its "not found" or its form again.

One app and one demo database serve the whole matrix: each case starts from a copy of the
same SQLite file, so what one case changes (a round opened, responses deleted) never reaches
another, without building an app and a round for each of its several hundred cases."""

import io
import json
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pyotp
import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from consult import create_app
from consult.accounts.models import User
from consult.accounts.operations import create_user
from consult.accounts.views import SETTING_UP
from consult.codebooks.definition import export_codebook
from consult.codebooks.operations import seed_starter_codebook
from consult.coding import agreement, answers, jobs
from consult.coding.autocoding import autocode
from consult.coding.models import ThemeJob
from consult.coding.operations import mark_quote
from consult.demo.operations import add_synthetic_responses, create_demo_round
from consult.design.block_operations import seed_blocks
from consult.design.definition import to_definition
from consult.design.library import QuestionBlock
from consult.design.operations import copy_round
from consult.extensions import db
from consult.networks.operations import ensure_member_networks
from consult.respond.models import Draft
from consult.respond.operations import give_resume_code
from consult.review.models import ExportJob
from consult.review.operations import set_publication
from consult.translate import exchange
from consult.translate.models import TranslatorAssignment
from consult.translate.operations import assign_translator

from .conftest import make_test_config
from .journey import demo_pages

ANONYMOUS = "anonymous"  # members answer without an account, as anonymous visitors
STAFF = ("admin", "designer", "translator", "reviewer")
EVERYONE = (ANONYMOUS, *STAFF)

#: endpoint → who may use it.
ACCESS = {
    "static": EVERYONE,
    "respond.home": EVERYONE,
    "respond.welcome": EVERYONE,
    "respond.start": EVERYONE,
    "respond.page": EVERYONE,
    "respond.review": EVERYONE,
    "respond.thanks": EVERYONE,
    "respond.saved": EVERYONE,
    "respond.resume": EVERYONE,
    "respond.leave": EVERYONE,
    "accounts.login": EVERYONE,
    "accounts.logout": STAFF,
    "accounts.profile": STAFF,
    # The code step of a login: a visitor who has not given a password first is sent to log
    # in, as for a staff page; staff already logged in go to the staff home.
    "accounts.login_code": STAFF,
    "accounts.two_factor": STAFF,
    "accounts.turn_off_two_factor": STAFF,
    "accounts.replace_recovery_codes": STAFF,
    "accounts.audit_log": ("admin",),
    "accounts.users": ("admin",),
    "accounts.change_user": ("admin",),
    "staff.home": STAFF,
    "design.new_round": ("admin", "designer"),
    "design.import_file": ("admin", "designer"),
    "design.blocks": ("admin", "designer"),
    "design.delete_block_view": ("admin", "designer"),
    "design.insert_block_view": ("admin", "designer"),
    "design.save_block_view": ("admin", "designer"),
    "design.overview": ("admin", "designer"),
    "design.settings": ("admin", "designer"),
    "design.status": ("admin", "designer"),
    "design.copy": ("admin", "designer"),
    "design.export_json": ("admin", "designer"),
    "design.export_xlsform": ("admin", "designer"),
    "design.history": ("admin", "designer"),
    "design.preview": ("admin", "designer"),
    "design.new_section": ("admin", "designer"),
    "design.edit_section": ("admin", "designer"),
    "design.section_action": ("admin", "designer"),
    "design.new_question": ("admin", "designer"),
    "design.edit_question": ("admin", "designer"),
    "design.question_action": ("admin", "designer"),
    "review.results": ("admin", "reviewer"),
    "review.question": ("admin", "reviewer"),
    "review.reach": ("admin", "designer"),
    "review.publish": ("admin", "designer"),
    "review.public_results": EVERYONE,
    "review.compare": ("admin", "reviewer"),
    "review.dashboard": ("admin", "reviewer"),
    "review.about_figures": STAFF,
    "review.export_results": ("admin", "reviewer"),
    # Protected microdata: admins only, with a purpose (tests/test_microdata.py).
    "review.microdata_form": ("admin",),
    "review.export_job": ("admin",),
    "review.export_job_file": ("admin",),
    "review.export_responses": ("admin",),
    "access_codes.network_codes": ("admin", "designer"),
    "access_codes.invitations": ("admin", "designer"),
    "review.texts": ("admin", "reviewer"),
    "translate.mine": ("admin", "designer", "translator"),
    # A translator opens an editor only for a round and language given to them
    # (tests/test_translate.py); the translator of this test has none.
    "translate.editor": ("admin", "designer"),
    "translate.export_file": ("admin", "designer"),
    "translate.import_file": ("admin", "designer"),
    "translate.assign": ("admin", "designer"),
    "translate.unassign": ("admin", "designer"),
    # Coding written answers and the brief read answers: reviewers; so do codebooks.
    "themes.overview": ("admin", "reviewer"),
    "themes.job": ("admin", "reviewer"),
    "themes.coding_page": ("admin", "reviewer"),
    "themes.code_answer": ("admin", "reviewer"),
    "themes.code_all": ("admin", "reviewer"),
    "themes.code_keyword": ("admin", "reviewer"),
    "themes.code_chosen": ("admin", "reviewer"),
    "themes.undo_batch": ("admin", "reviewer"),
    "themes.quotes": ("admin", "reviewer"),
    "themes.emergent": ("admin", "reviewer"),
    "themes.adopt": ("admin", "reviewer"),
    "themes.results": ("admin", "reviewer"),
    "themes.agreement": ("admin", "reviewer"),
    "themes.brief": ("admin", "reviewer"),
    "themes.brief_markdown": ("admin", "reviewer"),
    "themes.brief_json": ("admin", "reviewer"),
    "themes.brief_word": ("admin", "reviewer"),
    "themes.brief_choices": ("admin", "reviewer"),
    "codebooks.index": ("admin", "reviewer"),
    "codebooks.seed": ("admin", "reviewer"),
    "codebooks.upload": ("admin", "reviewer"),
    "codebooks.view": ("admin", "reviewer"),
    "codebooks.export": ("admin", "reviewer"),
    "codebooks.add_theme": ("admin", "reviewer"),
    "codebooks.theme": ("admin", "reviewer"),
    # Deleting a round's responses for good (retention): admins only.
    "maintenance.delete_responses": ("admin",),
}

#: The demo round, open to members, and a copy of it that closed with its results published
#: (members see a round's results, and an admin deletes its responses, once it closes).
OPEN, CLOSED = "priorities-2027", "priorities-2026"
#: The arguments of the routes' addresses. Those naming things the ``matrix`` fixture makes
#: (a theme job, a question block, an answer's reference...) are in ``Matrix.arguments``.
ARGUMENTS = {
    "slug": OPEN,
    "address": OPEN,
    "number": 1,
    "filename": "consult.css",
    "section_id": 1,
    "question_id": 1,
    "action": "duplicate",
    "language": "fr",
    "format_": "po",
    "code": "one_change",
    "index": 0,  # the first emergent theme group
    "theme_code": "police",
    "fmt": "json",
}
#: Arguments that differ from ARGUMENTS for some routes.
ARGUMENTS_FOR = {
    "codebooks": {"code": "starter"},
    "review.export_results": {"format_": "csv"},
    "review.export_responses": {"format_": "csv"},
    "review.public_results": {"address": CLOSED},
    "maintenance.delete_responses": {"slug": CLOSED},
}

PASSWORD = "a long enough password"
#: A translator given French for the demo round, whose assignment can be taken back; the
#: translator of the matrix has no round.
TRANSLATOR = "translator-fr@example.org"
#: The secret of the two-step login of each "<role>-2fa@example.org" account, and of the
#: set-up a case of accounts.two_factor has begun.
TOTP_SECRET = pyotp.random_base32()
#: Routes for a staff member who has two-step login on: their cases log in as such a one.
TWO_STEP = {"accounts.turn_off_two_factor", "accounts.replace_recovery_codes"}
#: Member pages for someone in the middle of the questionnaire: their cases have the demo's
#: draft, every page answered, in the session (and, on respond.saved, the code just given).
IN_PROGRESS = {"respond.page", "respond.review", "respond.saved"}
#: Pages whose POST sends the form their GET shows, as the page fills it in: what a browser
#: sends when the user saves (a form with only some of its boxes would blank the others),
#: with the boxes of FILLED_IN changed.
AS_SHOWN = {
    "design.settings",
    "design.edit_section",
    "design.edit_question",
    "translate.editor",
    "codebooks.theme",
    "review.reach",
}
FILLED_IN = {"review.reach": {"target:language:en": "40"}}


def routes():
    app = create_app(make_test_config("sqlite://", {}))
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, rule.rule, method


ROUTES = list(routes())


@dataclass
class Matrix:
    app: object
    #: The demo database every case starts from, and the file the app uses.
    template: Path
    working: Path
    #: The arguments of addresses that name things made in the template.
    arguments: dict
    #: What the forms and sessions name of things made in the template.
    made: dict


def path_of(endpoint, rule, matrix):
    arguments = {
        **ARGUMENTS,
        **matrix.arguments,
        **ARGUMENTS_FOR.get(endpoint.split(".")[0], {}),
        **ARGUMENTS_FOR.get(endpoint, {}),
    }
    return re.sub(r"<(?:[^:>]+:)?(\w+)>", lambda m: str(arguments[m.group(1)]), rule)


def form_of(endpoint, role, matrix):
    """What a browser sends with a POST to ``endpoint`` when the user fills its form in: the
    least the route needs to do its work (CSRF is off in this module)."""
    made = matrix.made  # files are new objects on each call: a request reads its file once
    if endpoint in AS_SHOWN:
        form = MultiDict(made["as_shown"][endpoint])
        form.update(FILLED_IN.get(endpoint, {}))
        return form
    forms = {
        "respond.page": {**made["first_page"], "move": "next"},
        "respond.resume": {"code": made["resume_code"]},
        "respond.review": {"website": ""},  # the honeypot, left empty
        "accounts.login": {
            "email": f"{'admin' if role == ANONYMOUS else role}@example.org",
            "password": PASSWORD,
        },
        "accounts.profile": {"locale": "fr"},
        "accounts.users": {"email": "new-colleague@example.org", "role": "reviewer"},
        "accounts.change_user": {"action": "role", "role": "reviewer"},
        "accounts.two_factor": {"code": pyotp.TOTP(TOTP_SECRET).now()},
        "accounts.turn_off_two_factor": {"off-password": PASSWORD},
        "accounts.replace_recovery_codes": {"codes-password": PASSWORD},
        "design.new_round": {
            "title": "Priorities 2028",
            "slug": "priorities-2028",
            "languages": "en, fr",
        },
        "design.import_file": {
            "slug": "imported",
            "file": (io.BytesIO(made["round_file"]), f"{OPEN}.json"),
        },
        "design.status": {"status": "closed"},
        "design.copy": {"slug": "priorities-2028"},
        "design.insert_block_view": {"block": made["block_id"]},
        "design.save_block_view": {"name": "About you"},
        "design.new_question": {"kind": "short_text"},
        "review.export_responses": {"purpose": "A funder asks for a breakdown.", "language": "en"},
        "review.publish": {"publish": "yes", "code": ["region", "priorities"]},
        "translate.import_file": {"file": (io.BytesIO(made["translation_file"]), "fr.po")},
        "translate.assign": {"email": TRANSLATOR, "language": "es"},
        "access_codes.invitations": {"count": "5"},
        "themes.overview": {"action": "autocode"},
        "themes.code_answer": {"action": "memo", "memo": "Ask about the opening hours."},
        "themes.code_all": {"action": "accept", "theme": made["theme_id"]},
        "themes.code_keyword": {"action": "accept", "theme": made["theme_id"], "keyword": "police"},
        "themes.code_chosen": {
            "action": "reject",
            "chosen": f"{made['reference']}.{made['theme_id']}",
        },
        "themes.quotes": {
            "quote": made["quote_id"],
            "action": "approve",
            "text": "A quote for the brief.",
            "translation": "",
        },
        "themes.agreement": {"answer": made["reference"], "theme": made["theme_id"]},
        "themes.brief_choices": {
            f"direction-{made['theme_id']}": "Advocacy and Campaigning",
            f"activity-{made['theme_id']}": "campaigns",
        },
        "codebooks.add_theme": {"code": "transport", "name": "Transport to services"},
        "codebooks.upload": {
            "code": "uploaded",
            "file": (io.BytesIO(made["codebook_file"]), "codebook.json"),
        },
        "maintenance.delete_responses": {"confirmation": CLOSED},
    }
    return forms.get(endpoint, {})


def session_of(endpoint, matrix):
    """What the visitor's session holds before a request to ``endpoint``."""
    if endpoint in IN_PROGRESS:
        saved = {"resume_code": matrix.made["resume_code"]} if endpoint == "respond.saved" else {}
        return {"drafts": matrix.made["drafts"], **saved}
    if endpoint == "accounts.two_factor":
        return {SETTING_UP: TOTP_SECRET}  # the set-up the page began
    return {}


class Forms(HTMLParser):
    """The forms of a page as a browser sends them with no button pressed: [(action, [(name,
    value)])], a form without an action posting to the page itself."""

    def __init__(self, page):
        super().__init__()
        self.page, self.forms = page, []
        self._fields = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._fields = []
            self.forms.append((attrs.get("action") or self.page, self._fields))
        elif self._fields is None:
            return
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value", ""))
            if "selected" in attrs:
                self._select["selected"].append(attrs.get("value", ""))
        elif "name" not in attrs or "disabled" in attrs:
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._fields.append((attrs["name"], attrs.get("value") or default))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = {"name": attrs["name"], "options": [], "selected": []}
            self._select["multiple"] = "multiple" in attrs

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the line break that opens a text area's content.
            self._fields.append((name, re.sub(r"\A\r?\n", "", text)))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            select_ = self._select
            chosen = select_["selected"] or ([] if select_["multiple"] else select_["options"][:1])
            self._fields.extend((select_["name"], value) for value in chosen)
            self._select = None
        elif tag == "form":
            self._fields = None


def form_as_shown(client, page):
    """The fields of the one form of ``page`` that posts back to it, as the page fills them."""
    response = client.get(page)
    assert response.status_code == 200, (page, response.status_code)
    parser = Forms(page)
    parser.feed(response.get_data(as_text=True))
    (fields,) = [fields for action, fields in parser.forms if action == page]
    return fields


def add_matrix_data():
    """One account per role (and each with two-step login on), the demo round with 100
    released responses coded against the starter codebook, and what the routes name: an
    emergent-themes run done, a candidate quote, the library's blocks, a translator's
    assignment, and a closed round with its results published. Returns (address arguments,
    what forms name)."""
    for role in STAFF:
        create_user(f"{role}@example.org", PASSWORD, role)
        # As accounts.operations.enable_two_factor leaves it, no code used yet.
        create_user(f"{role}-2fa@example.org", PASSWORD, role).totp_secret = TOTP_SECRET
    create_user(TRANSLATOR, PASSWORD, "translator")
    db.session.commit()
    reviewer = db.session.scalar(select(User).where(User.email == "reviewer@example.org"))

    round_ = create_demo_round()
    round_.codebook = seed_starter_codebook()
    db.session.commit()
    add_synthetic_responses(round_, 100, released=True)
    autocode(round_)
    # Emergent themes as a run started from the browser leaves them.
    suggestions = jobs.suggest_emergent_themes(round_)
    assert suggestions["suggestions"], "the demo answers give no emergent theme group"
    job = ThemeJob(
        round_id=round_.id,
        kind="emergent",
        state="done",
        result=suggestions,
        finished_at=datetime.now(UTC),
    )
    db.session.add(job)
    db.session.commit()
    readable = answers.readable_groups(round_.id, round_.min_cell_size)
    answer = agreement.sample(round_.id, readable)[0]  # of the double-coding sample
    quote = mark_quote(round_, answer, reviewer)

    seed_blocks()
    block = db.session.scalars(select(QuestionBlock).order_by(QuestionBlock.id)).first()
    assign_translator(round_, TRANSLATOR, "fr")
    assignment = db.session.scalar(select(TranslatorAssignment))

    closed = copy_round(round_, CLOSED)
    set_publication(closed, True, [q.code for q in closed.questions if q.kind != "info"])
    closed.status = "closed"
    db.session.commit()
    add_synthetic_responses(closed, 20, seed=2026, released=True)

    # A large export the worker built for the admin (review.export_jobs), ready to download.
    admin = db.session.scalar(select(User).where(User.email == "admin@example.org"))
    export = ExportJob(
        round_id=round_.id,
        user_id=admin.id,
        format="csv",
        language="en",
        interface_language="en",
        state="done",
        rows=1,
        content=b'"a"\r\n',
        finished_at=datetime.now(UTC),
    )
    db.session.add(export)
    db.session.commit()

    starter = round_.codebook
    reference = answers.answer_reference(answer)
    arguments = {
        "job_id": job.id,
        "export_id": export.id,
        "block_id": block.id,
        "assignment_id": assignment.id,
        "reference": reference,
        "user_id": db.session.scalar(select(User.id).where(User.email == TRANSLATOR)),
    }
    made = {
        "block_id": block.id,
        "quote_id": quote.id,
        "reference": reference,
        "theme_id": next(theme.id for theme in starter.themes if theme.code == "police"),
        "codebook_file": json.dumps(export_codebook(starter)).encode("utf-8"),
        "round_file": json.dumps(to_definition(round_)).encode("utf-8"),
        "translation_file": exchange.export(round_, "fr", "po"),
    }
    return arguments, made


def add_member_draft(app, made):
    """A member who answered every page of the demo round and took a resume code, without
    sending it yet: their draft, and the forms of the first page and the code, go in
    ``made``."""
    member = app.test_client()
    assert member.post(f"/c/{OPEN}/start").status_code == 302
    pages = demo_pages(app)
    for number, data in enumerate(pages, 1):
        response = member.post(f"/c/{OPEN}/{number}", data={**data, "move": "next"})
        assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith(f"/c/{OPEN}/review")
    with member.session_transaction() as session:
        made["drafts"] = dict(session["drafts"])
    with app.app_context():
        (token,) = made["drafts"].values()
        made["resume_code"] = give_resume_code(db.session.get(Draft, token))
    made["first_page"] = pages[0]


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """The app, and the template database with the demo round, the staff's accounts, and
    what the routes' addresses, forms and sessions name (``add_matrix_data``)."""
    folder = tmp_path_factory.mktemp("permissions")
    template, working = folder / "template.sqlite", folder / "working.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        (folder / "instance").mkdir()
        patch.setenv("CONSULT_INSTANCE_PATH", str(folder / "instance"))
        # This module checks roles; CSRF is tested elsewhere.
        app = create_app(make_test_config(f"sqlite:///{working}", {}, WTF_CSRF_ENABLED=False))
    with app.app_context():
        db.create_all()
        ensure_member_networks()
        arguments, made = add_matrix_data()
    matrix = Matrix(app, template, working, arguments, made)
    add_member_draft(app, made)
    admin = app.test_client()
    login = admin.post("/staff/login", data={"email": "admin@example.org", "password": PASSWORD})
    assert login.status_code == 302
    made["as_shown"] = {
        endpoint: form_as_shown(admin, path_of(endpoint, rule, matrix))
        for endpoint, rule, method in ROUTES
        if endpoint in AS_SHOWN and method == "GET"
    }
    assert set(made["as_shown"]) == AS_SHOWN
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    shutil.copyfile(working, template)
    return matrix


def fresh_client(matrix, role, two_step=False):
    """A client of the app on a fresh copy of the template, logged in as ``role`` (with
    two-step login, as "<role>-2fa@example.org", if ``two_step``)."""
    with matrix.app.app_context():
        db.session.remove()
        db.engine.dispose()
    for suffix in ("-wal", "-shm"):
        matrix.working.with_name(matrix.working.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(matrix.template, matrix.working)
    client = matrix.app.test_client()
    if role != ANONYMOUS:
        email = f"{role}-2fa@example.org" if two_step else f"{role}@example.org"
        login = client.post("/staff/login", data={"email": email, "password": PASSWORD})
        if two_step:
            assert login.headers["Location"].endswith("/staff/login/code")
            code = pyotp.TOTP(TOTP_SECRET).now()
            login = client.post("/staff/login/code", data={"code": code})
        assert login.status_code == 302 and "/staff/login" not in login.headers["Location"]
    return client


def test_every_route_has_an_entry():
    missing = {endpoint for endpoint, _, _ in ROUTES} - set(ACCESS)
    assert not missing, f"routes without a permission entry: {sorted(missing)}"


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize(("endpoint", "rule", "method"), ROUTES)
def test_access(matrix, role, endpoint, rule, method):
    client = fresh_client(matrix, role, two_step=endpoint in TWO_STEP)
    if values := session_of(endpoint, matrix):
        with client.session_transaction() as session:
            session.update(values)
    path = path_of(endpoint, rule, matrix)
    data = form_of(endpoint, role, matrix) if method == "POST" else None
    response = client.open(path, method=method, data=data)
    response.close()  # a file response (static) holds the file open until closed
    status, location = response.status_code, response.headers.get("Location", "")
    if role in ACCESS[endpoint]:
        assert 200 <= status < 400, (role, method, path, status)
        assert "/staff/login" not in location or endpoint == "accounts.logout"
    elif role == ANONYMOUS:
        assert status == 302, (role, method, path)
        assert "/staff/login" in location
    else:
        assert status == 403, (role, method, path)


def test_every_page_carries_the_security_headers(matrix):
    """The CSP allows nothing from another host and no inline script, on every route."""
    client = fresh_client(matrix, "admin")
    for endpoint, rule, method in ROUTES:
        if method != "GET":
            continue
        path = path_of(endpoint, rule, matrix)
        response = client.get(path)
        response.close()
        headers = response.headers
        csp = headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert "frame-ancestors 'none'" in csp, path
        assert headers.get("Referrer-Policy") == "no-referrer", path
        assert headers.get("X-Content-Type-Options") == "nosniff", path
        assert "geolocation=()" in headers.get("Permissions-Policy", ""), path
