"""A small round with one question of every kind and 40 responses whose figures are worked
out by hand in tests/test_results.py. Response i (0 to 39):

- network: EuroNPUD for i < 20, NAPUD for 20 <= i < 35, none (a public link) from 35;
- language: en when i is even, fr when odd; submitted on day i // 4 of the round (from
  Monday 2 November 2026: 28 in the first week, 12 in the second);
- gender: woman i < 15, man 15..34, other ("non-binary") 35..36, prefer not 37, none 38..39;
- police (asked of women only): yes i < 8, no 8..12, no answer 13..14;
- pick (multiple): a for all, b for i < 20, c for i < 6;
- agree (scale): strongly disagree 0..4, disagree 5..9, neither 10..19, agree 20..31,
  strongly agree 32..39;
- rating: 0 for 0..4, 3 for 5..9, 5 for 10..19, 7 for 20..29, 10 for 30..39;
- rank (two places of x, y, z): (x, y) 0..14, (y, x) 15..24, (z, x) 25..34, (y, z) 35..39;
- grid (matrix): row r1 lo for i < 25, hi after; row r2 lo for i < 10, hi 10..34, none after;
- age (number): 20, 30, 40, 50 for i // 10 = 0, 1, 2, 3;
- why (long text): "answer i" for i < 12, in the response's language.
"""

import uuid
from datetime import date, timedelta

from sqlalchemy import select

from consult.design.definition import from_definition
from consult.extensions import db
from consult.networks.models import Network
from consult.respond.models import Answer, Response
from consult.review.releases import release_if_due

SLUG = "statistics-round"
FIRST_DAY = date(2026, 11, 2)


def _choices(*codes, roles=None):
    roles = roles or {}
    return [
        {
            "code": code,
            "label": {"en": code.replace("_", " ").capitalize(), "fr": code},
            "role": roles.get(code, "option"),
        }
        for code in codes
    ]


def _question(code, kind, choices=(), **fields):
    return {
        "code": code,
        "kind": kind,
        "text": {"en": f"Question {code}", "fr": f"Question {code} (fr)"},
        "choices": list(choices),
        **fields,
    }


DEFINITION = {
    "format": "consult-round/1",
    "slug": SLUG,
    "languages": ["en", "fr"],
    "title": {"en": "Statistics round", "fr": "Statistiques"},
    "sections": [
        {
            "title": {"en": "All", "fr": "Tout"},
            "questions": [
                _question(
                    "gender",
                    "single_choice",
                    _choices(
                        "woman",
                        "man",
                        "other",
                        "prefer_not",
                        roles={"other": "other", "prefer_not": "prefer_not"},
                    ),
                ),
                _question(
                    "police",
                    "yes_no",
                    _choices("yes", "no"),
                    condition={"question": "gender", "op": "equals", "value": "woman"},
                ),
                _question("pick", "multiple_choice", _choices("a", "b", "c")),
                _question(
                    "agree",
                    "scale",
                    _choices("strongly_disagree", "disagree", "neither", "agree", "strongly_agree"),
                ),
                _question("rating", "rating"),
                _question("rank", "ranking", _choices("x", "y", "z"), rank_count=2),
                _question(
                    "grid",
                    "matrix",
                    [
                        *_choices("lo", "hi"),
                        *_choices("r1", "r2", roles={"r1": "row", "r2": "row"}),
                    ],
                ),
                _question("age", "number", min_value=0, max_value=120),
                _question("why", "long_text"),
            ],
        }
    ],
}


def create_statistics_round():
    """Create the round (open) with its 40 responses, released; returns the slug."""
    round_ = from_definition(DEFINITION)
    round_.status = "open"
    db.session.add(round_)
    db.session.flush()
    questions = {q.code: q for q in round_.questions}
    choice = {(q.code, c.code): c.id for q in round_.questions for c in q.choices}
    networks = dict(db.session.execute(select(Network.code, Network.id)).all())
    for i in range(40):
        response = Response(
            id=uuid.UUID(int=i + 1),
            round_id=round_.id,
            network_id=networks["EuroNPUD"] if i < 20 else networks["NAPUD"] if i < 35 else None,
            language="en" if i % 2 == 0 else "fr",
            submitted_on=FIRST_DAY + timedelta(days=i // 4),
            furthest_page=0,
            # Every record key 0: every cell key is 0, which the perturbation table maps to
            # no noise, so the figures are the counts worked out by hand.
            record_key=0,
        )
        rows = []

        def add(code, item=0, rows=rows, **values):
            rows.append(Answer(question_id=questions[code].id, item=item, **values))

        gender = "woman" if i < 15 else "man" if i < 35 else "other" if i < 37 else None
        gender = "prefer_not" if i == 37 else gender
        if gender:
            add(
                "gender",
                choice_id=choice[("gender", gender)],
                text="non-binary" if gender == "other" else None,
            )
        if gender == "woman" and i < 13:
            add("police", choice_id=choice[("police", "yes" if i < 8 else "no")])
        for item, code in enumerate(
            c for c, limit in (("a", 40), ("b", 20), ("c", 6)) if i < limit
        ):
            add("pick", item, choice_id=choice[("pick", code)])
        point = (
            "strongly_disagree"
            if i < 5
            else "disagree"
            if i < 10
            else "neither"
            if i < 20
            else "agree"
            if i < 32
            else "strongly_agree"
        )
        add("agree", choice_id=choice[("agree", point)])
        add("rating", number=0 if i < 5 else 3 if i < 10 else 5 if i < 20 else 7 if i < 30 else 10)
        ranked = (
            ("x", "y") if i < 15 else ("y", "x") if i < 25 else ("z", "x") if i < 35 else ("y", "z")
        )
        for item, code in enumerate(ranked):
            add("rank", item, choice_id=choice[("rank", code)], rank=item + 1)
        add(
            "grid",
            0,
            row_id=choice[("grid", "r1")],
            choice_id=choice[("grid", "lo" if i < 25 else "hi")],
        )
        if i < 35:
            add(
                "grid",
                1,
                row_id=choice[("grid", "r2")],
                choice_id=choice[("grid", "lo" if i < 10 else "hi")],
            )
        add("age", number=float(20 + 10 * (i // 10)))
        if i < 12:
            add("why", text=f"answer {i}", language=response.language)
        response.answers = rows
        db.session.add(response)
    db.session.commit()
    # Submitted in November 2026: the first look at the figures releases them all.
    release_if_due(round_)
    return SLUG
