"""Translators: only their rounds and language, a side-by-side editor, completeness, the
"changed since translated" mark, and rounds that open only when every language is complete."""

import pytest
from sqlalchemy import select

from consult.design.models import Question, Round
from consult.extensions import db
from consult.translate.texts import incomplete_languages, language_status, round_texts

from .builder import Builder
from .conftest import csrf_token


def new_round_in_two_languages(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round(languages="en, fr")
    builder.add_question(slug, "yes_no", code="ok", text="All right?", choices="yes = Yes\nno = No")
    return builder, slug


def fill_editor(client, path, value="Traduction"):
    page = client.get(path)
    assert page.status_code == 200, page.text
    fields = {name: value for name in __import__("re").findall(r'name="(t\d+)"', page.text)}
    return client.post(path, data={**fields, "csrf_token": csrf_token(page.text)})


def test_a_round_opens_only_when_every_language_is_complete(app, client, auth):
    builder, slug = new_round_in_two_languages(app, client, auth)
    builder.set_status(slug, "open")
    overview = client.get(f"/staff/rounds/{slug}/").text
    assert "cannot open until these languages are complete: Français" in overview
    assert "keeps the round from opening" in overview
    assert builder.round(slug).status == "draft"
    saved = fill_editor(client, f"/staff/rounds/{slug}/translate/fr")
    assert saved.status_code == 302
    builder.set_status(slug, "open")
    assert builder.round(slug).status == "open"
    french = client.get(f"/c/{slug}/?lang=fr")
    assert "Traduction" in french.text


def test_a_translator_sees_only_the_rounds_and_language_given_to_them(
    app, client, auth, make_user, demo_round
):
    builder, slug = new_round_in_two_languages(app, client, auth)
    translator = make_user("translator")
    builder.post(f"/staff/rounds/{slug}/translators", email=translator, language="fr")
    auth.logout()
    page = client.get("/staff/login")
    client.post(
        "/staff/login",
        data={
            "email": translator,
            "password": "a long enough password",
            "csrf_token": csrf_token(page.text),
        },
    )
    home = client.get("/staff/", follow_redirects=True).text
    assert "My translations" in home and "A small round" in home
    assert "Community priorities" not in home
    assert client.get(f"/staff/rounds/{slug}/translate/fr").status_code == 200
    assert client.get(f"/staff/rounds/{demo_round}/translate/fr").status_code == 403
    assert client.get(f"/staff/rounds/{slug}/").status_code == 403
    assert client.get(f"/staff/rounds/{demo_round}/results").status_code == 403
    assert fill_editor(client, f"/staff/rounds/{slug}/translate/fr").status_code == 302
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        assert language_status(round_, "fr").complete


def test_a_changed_source_marks_its_translation(app, client, auth):
    builder, slug = new_round_in_two_languages(app, client, auth)
    fill_editor(client, f"/staff/rounds/{slug}/translate/fr")
    with app.app_context():
        question_id = db.session.scalar(select(Question.id).where(Question.code == "ok"))
    builder.edit_question(
        slug, question_id, code="ok", text="Are you all right?", choices="yes = Yes\nno = No"
    )
    editor = client.get(f"/staff/rounds/{slug}/translate/fr").text
    assert "Changed since translated: please check the translation." in editor
    assert "1 translation was made from a source that has changed since." in editor
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        assert incomplete_languages(round_) == []
        assert language_status(round_, "fr").changed == 1
    fill_editor(client, f"/staff/rounds/{slug}/translate/fr", value="Ça va ?")
    assert "Changed since translated" not in client.get(f"/staff/rounds/{slug}/translate/fr").text


def test_the_demo_round_is_complete_in_its_five_languages(app, demo_round):
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        assert incomplete_languages(round_) == []
        assert (
            len(round_texts(round_)) == 71
        )  # 3 round texts, 4 pages, 13 questions, 2 helps, 49 choices


def test_the_source_language_cannot_be_translated(app, client, auth):
    builder, slug = new_round_in_two_languages(app, client, auth)
    assert client.get(f"/staff/rounds/{slug}/translate/en").status_code == 404
    assert client.get(f"/staff/rounds/{slug}/translate/ar").status_code == 404


def exported(client, slug, language, format_):
    response = client.get(f"/staff/rounds/{slug}/translate/{language}/texts.{format_}")
    assert response.status_code == 200
    return response.data


def upload(client, slug, language, name, content):
    import io

    page = client.get(f"/staff/rounds/{slug}/translate/{language}")
    return client.post(
        f"/staff/rounds/{slug}/translate/{language}/import",
        data={
            "csrf_token": csrf_token(page.text),
            "file": (io.BytesIO(content), name),
        },
        content_type="multipart/form-data",
    )


def translated_file(format_, content, edit):
    """``content`` with each translation replaced by edit(key, source, translation)."""
    import io

    from babel.messages.pofile import read_po, write_po
    from openpyxl import load_workbook
    from translate.storage import xliff

    if format_ == "po":
        catalog = read_po(io.BytesIO(content))
        for message in catalog:
            if message.id:
                message.string = edit(message.context, message.id, message.string)
        buffer = io.BytesIO()
        write_po(buffer, catalog)
        return buffer.getvalue()
    if format_ == "xlf":
        store = xliff.xlifffile.parsestring(content)
        for unit in store.units:
            unit.target = edit(unit.getid().split("\x04")[-1], unit.source, unit.target or "")
        return bytes(store)
    workbook = load_workbook(io.BytesIO(content))
    for row in workbook.active.iter_rows(min_row=2):
        row[3].value = edit(row[0].value, row[2].value, row[3].value or "")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("format_", ["po", "xlf", "xlsx"])
def test_exchange_file_round_trip(app, client, auth, format_):
    builder, slug = new_round_in_two_languages(app, client, auth)
    content = exported(client, slug, "fr", format_)
    if format_ == "xlf":
        assert b"urn:oasis:names:tc:xliff:document:1.2" in content
        assert b'version="1.2"' in content
    keys = []

    def translate(key, source, translation):
        keys.append(key)
        return f"FR {source}"

    response = upload(
        client, slug, "fr", f"texts.{format_}", translated_file(format_, content, translate)
    )
    assert response.status_code == 200, response.text
    assert "Translation file imported" in response.text
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == slug))
        assert incomplete_languages(round_) == []
        question = round_.questions[0]
        assert question.text["fr"] == "FR All right?"
        assert [c.label["fr"] for c in question.choices] == ["FR Yes", "FR No"]
    assert exported(client, slug, "fr", format_) != content


@pytest.mark.parametrize("format_", ["po", "xlf", "xlsx"])
def test_exchange_import_reports_gone_changed_and_empty_texts(app, client, auth, format_):
    builder, slug = new_round_in_two_languages(app, client, auth)
    content = exported(client, slug, "fr", format_)
    with app.app_context():
        question_id = db.session.scalar(select(Question.id).where(Question.code == "ok"))
    builder.edit_question(
        slug, question_id, code="ok", text="Are you all right?", choices="yes = Yes"
    )

    def translate(key, source, translation):
        return "" if key == "round.title" else f"FR {source}"

    report = upload(
        client, slug, "fr", f"t.{format_}", translated_file(format_, content, translate)
    ).text
    # In words, with counts: the title left empty, the question's text changed since the
    # file was made, the choice "No" gone; the other texts stored.
    assert "texts read from the file:" in report
    assert "<li>1 whose source text changed since the file was made" in report
    assert "<li>1 empty in the file (left as it was)</li>" in report
    assert "<li>1 no longer in the round (not imported)</li>" in report
    looked_at = report.split("To look at")[1]
    assert "<bdi>Title</bdi>" in looked_at
    assert "<bdi>Page 1, question 1</bdi>" in looked_at
    assert "<bdi>No</bdi>" in looked_at
    assert "choice." not in report and "round.title" not in report  # no internal keys
    editor = client.get(f"/staff/rounds/{slug}/translate/fr").text
    assert "Changed since translated" in editor


def test_a_damaged_translation_file_is_refused(app, client, auth):
    builder, slug = new_round_in_two_languages(app, client, auth)
    response = upload(client, slug, "fr", "t.xlf", b"<xliff><unclosed")
    assert response.status_code == 302
    assert "Nothing was imported" in client.get(f"/staff/rounds/{slug}/translate/fr").text
