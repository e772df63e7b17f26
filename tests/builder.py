"""A designer using the builder through the test client, CSRF token included."""

from sqlalchemy import select

from consult.design.models import Question, Round
from consult.extensions import db

from .conftest import csrf_token


class Builder:
    def __init__(self, app, client):
        self.app, self.client = app, client
        self.token = csrf_token(client.get("/staff/").text)

    def post(self, path, **data):
        return self.client.post(path, data={**data, "csrf_token": self.token})

    def new_round(self, slug="small-round", title="A small round", languages="en"):
        response = self.post("/staff/rounds/new", title=title, slug=slug, languages=languages)
        assert response.status_code == 302, response.text
        return slug

    def round(self, slug):
        with self.app.app_context():
            return db.session.scalar(select(Round).where(Round.slug == slug))

    def section_ids(self, slug):
        with self.app.app_context():
            round_ = db.session.scalar(select(Round).where(Round.slug == slug))
            return [s.id for s in round_.sections]

    def quick_add(self, slug, section_index=0, **fields):
        """Add a question from the page overview's add form (kind, text, choices, required)."""
        section_id = self.section_ids(slug)[section_index]
        return self.post(f"/staff/rounds/{slug}/sections/{section_id}/questions", **fields)

    def add_question(self, slug, kind, section_index=0, **fields):
        """Add a question of ``kind`` and save ``fields`` on its edit form; returns its id."""
        section_id = self.section_ids(slug)[section_index]
        response = self.post(f"/staff/rounds/{slug}/sections/{section_id}/questions", kind=kind)
        assert response.status_code == 302
        question_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
        if fields:
            saved = self.edit_question(slug, question_id, kind=kind, **fields)
            assert saved.status_code == 302, saved.text
        return question_id

    def edit_question(self, slug, question_id, **fields):
        data = {"kind": fields.pop("kind", None) or self.question(question_id).kind, **fields}
        data = {k: ("y" if v is True else v) for k, v in data.items() if v is not False}
        return self.post(f"/staff/rounds/{slug}/questions/{question_id}", **data)

    def question(self, question_id):
        with self.app.app_context():
            question = db.session.get(Question, question_id)
            db.session.expunge(question)
            return question

    def set_status(self, slug, status):
        return self.post(f"/staff/rounds/{slug}/status", status=status)
