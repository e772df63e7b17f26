"""The codebook: the starter seeded once, exported and imported as JSON, refused whole when
anything is wrong."""

import json

from sqlalchemy import func, select

from consult.audit import AuditEvent
from consult.codebooks.models import Codebook, Theme
from consult.codebooks.starter import starter_definition
from consult.coding.rules import find_phrases
from consult.extensions import db

THEMES = starter_definition()["themes"]


def test_the_starter_codebook_is_seeded_once(app, runner):
    assert "12 themes" in runner.invoke(args=["themes", "seed"]).output
    runner.invoke(args=["themes", "seed"])
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Codebook)) == 1
        themes = {t.code: t for t in db.session.scalars(select(Theme))}
        assert len(themes) == len(THEMES)
        assert themes["overdose"].parent.code == "harm_reduction"
        # "seringue", "jeringa" and "шприц" lead to one theme.
        harm_reduction = themes["harm_reduction"].keywords
        for language, text in (
            ("fr", "On manque de seringues"),
            ("es", "faltan jeringas"),
            ("ru", "нет шприцев"),
        ):
            assert find_phrases(text, language, harm_reduction[language]), language


def test_the_seeded_starter_exports_as_its_file_holds_it(app, runner, tmp_path):
    """The starter's file goes in through the import and comes out of the export unchanged:
    every theme, text, keyword, parent and direction."""
    runner.invoke(args=["themes", "seed"])
    exported = tmp_path / "starter.json"
    runner.invoke(args=["themes", "export", "starter", "-o", str(exported)])
    assert json.loads(exported.read_text(encoding="utf-8")) == starter_definition()


def test_a_codebook_goes_out_and_comes_back_as_json(app, runner, tmp_path):
    runner.invoke(args=["themes", "seed"])
    exported = tmp_path / "codebook.json"
    assert runner.invoke(args=["themes", "export", "starter", "-o", str(exported)]).exit_code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "consult-codebook/1"
    assert [t["code"] for t in data["themes"]] == [t["code"] for t in THEMES]
    result = runner.invoke(args=["themes", "import", str(exported), "--code", "2028"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        copy = db.session.scalar(select(Codebook).where(Codebook.code == "2028"))
        assert [t.code for t in copy.themes] == [t["code"] for t in THEMES]
        assert copy.themes[0].name["ar"] == THEMES[0]["name"]["ar"]
        assert db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "codebook.import")
        ).detail == {"codebook": "starter", "themes": len(THEMES)}


def test_a_damaged_codebook_is_refused_whole(app, runner, tmp_path):
    damaged = {
        "format": "consult-codebook/1",
        "code": "damaged",
        "themes": [
            {"code": "police", "name": {"en": "Police"}},
            {"code": "police", "name": {"en": "Police again"}},
            {"code": "prisons", "parent": "nowhere", "keywords": ["not per language"]},
        ],
    }
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(damaged))
    result = runner.invoke(args=["themes", "import", str(path)])
    assert result.exit_code != 0
    assert "'police' is used twice" in result.output
    assert "unknown parent 'nowhere'" in result.output
    assert "keywords must be per language" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Theme)) == 0
