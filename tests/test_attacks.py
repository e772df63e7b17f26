"""Attacks a curious, careless or coerced reviewer could run over HTTP, on SQLite
and PostgreSQL. Each one must learn nothing it should not:

1. row-level responses are refused to reviewers;
2. before and after one submission, nothing a reviewer sees changes until a release, and no
   two consecutive releases differ by fewer than k responses;
3. themes crafted to differ by one, two or k-1 answers, a theme against an answer option, and
   four themes whose pairs all differ by k or more but whose combination isolates one member
   never pin the target's network, region or language (a linear program over every theme
   table shown, the noise bound known);
4. the filter attack: the breakdowns by network and by language of the same question,
   played against each other;
5. the coding page's references do not link the answers of one response;
6. the dashboard's nested figures (pages reached, weeks, networks within regions) give no
   count under k away by subtraction.
"""

import csv
import io
import random
import re
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, insert, select

from consult.cellkey import KEY_RANGE
from consult.codebooks.models import Codebook, Theme
from consult.coding.references import reference_of
from consult.design.definition import from_definition
from consult.design.models import Round
from consult.extensions import db
from consult.networks.models import Network
from consult.respond.models import Answer, Response
from consult.review.models import Release

from .attacker import K, noise_bound, value_range
from .conftest import csrf_token, release_later, release_next_day
from .journey import answer_demo_round

SLUG = "attack-round"
MEMBERS = 150


def _definition():
    choices = [
        {"code": code, "label": {"en": code.capitalize()}, "role": "option"}
        for code in ("yes", "no")
    ]
    return {
        "format": "consult-round/1",
        "slug": SLUG,
        "languages": ["en", "fr"],
        "title": {"en": "Attack round", "fr": "Attaque"},
        "sections": [
            {
                "title": {"en": "Page 1"},
                "questions": [
                    {
                        "code": "carry",
                        "kind": "single_choice",
                        "text": {"en": "Do you carry naloxone?", "fr": "Naloxone ?"},
                        "choices": choices,
                    },
                    {
                        "code": "story",
                        "kind": "long_text",
                        "text": {"en": "Tell us", "fr": "Racontez"},
                    },
                ],
            }
        ],
    }


@pytest.fixture
def attack_round(app):
    """150 members over every network and two languages, each with a choice and a written
    answer, random record keys, submitted last month and released; a codebook of themes
    the attacks fill. Returns {response number: (response id, network code, language)}."""
    generator = random.Random(2026)
    with app.app_context():
        round_ = from_definition(_definition())
        round_.status = "open"
        db.session.add(round_)
        codebook = Codebook(code="attacks", name={"en": "Attacks"})
        codebook.themes = [
            Theme(code=code, name={"en": code}, position=i)
            for i, code in enumerate(["A", "B", "S1", "S2", "S3", "S4", "T"])
        ]
        db.session.add(codebook)
        db.session.flush()
        round_.codebook = codebook
        questions = {q.code: q for q in round_.questions}
        carry = {c.code: c.id for c in questions["carry"].choices}
        networks = db.session.execute(select(Network.id, Network.code)).all()
        members, responses, answers = {}, [], []
        for number in range(MEMBERS):
            response_id = uuid.uuid4()
            network_id, code = networks[number % len(networks)]
            language = "en" if number % 3 else "fr"
            key = generator.randrange(KEY_RANGE)
            members[number] = (response_id, code, language)
            responses.append(
                {
                    "id": response_id,
                    "round_id": round_.id,
                    "network_id": network_id,
                    "language": language,
                    "submitted_on": date(2026, 11, 2) + timedelta(days=number % 20),
                    "furthest_page": 0,
                    "record_key": key,
                }
            )
            common = {"response_id": response_id, "record_key": key, "rank": None}
            answers.append(
                {
                    **common,
                    "question_id": questions["carry"].id,
                    "item": 0,
                    "choice_id": carry["yes" if number < 60 else "no"],
                    "text": None,
                    "language": None,
                }
            )
            answers.append(
                {
                    **common,
                    "question_id": questions["story"].id,
                    "item": 0,
                    "choice_id": None,
                    "text": f"My story, number {number}.",
                    "language": language,
                }
            )
        db.session.execute(insert(Response), responses)
        db.session.execute(insert(Answer), answers)
        db.session.commit()
        release_later(round_)
    return members


def theme_ids(app):
    with app.app_context():
        return dict(db.session.execute(select(Theme.code, Theme.id)).all())


def tag(app, client, numbers, theme, members):
    """Tag the written answers of these members with the theme, as a reviewer does: one
    POST per answer to its coding address."""
    page = client.get(f"/staff/rounds/{SLUG}/coding").get_data(as_text=True)
    token = csrf_token(page)
    with app.app_context():
        story = db.session.scalar(
            select(Answer.question_id).where(Answer.text.is_not(None)).limit(1)
        )
        references = [reference_of(members[n][0], story, 0) for n in numbers]
    for reference in references:
        response = client.post(
            f"/staff/rounds/{SLUG}/coding/{reference}",
            data={"action": "add", "theme": theme, "csrf_token": token},
        )
        assert response.status_code == 302, response.status_code


def release(app):
    with app.app_context():
        release_later(db.session.scalar(select(Round).where(Round.slug == SLUG)))


def theme_table(client, by):
    """{theme: {column label: cell text}} of the theme results page broken down ``by``."""
    html = client.get(f"/staff/rounds/{SLUG}/themes/results?by={by}").get_data(as_text=True)
    table = html.split('<table class="breakdown">', 1)[1].split("</table>", 1)[0]
    head, body = table.split("</thead>", 1)
    labels = re.findall(r'<th scope="col" class="number"><bdi>([^<]+)</bdi>', head)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        name = re.search(r"<bdi>([^<]+)</bdi>", row).group(1)
        cells = [
            re.sub(r"<[^>]+>", "", cell.split("<br>", 1)[0]).strip()
            for cell in re.findall(r'<td class="number">(.*?)</td>', row, re.S)
        ]
        rows[name] = dict(zip([*labels, "Everyone"], cells, strict=True))
    return rows


def cell_bounds(text, k=K):
    """What the attacker knows of a theme's count from a cell: a figure give or take the
    noise, "fewer than k" (theme cells never show an exact zero), or nothing."""
    d = noise_bound()
    if text.isdigit():
        return max(0, int(text) - d), int(text) + d
    if text.startswith("fewer than"):
        return 0, k - 1 + d
    return None


def pinned_columns(client, atoms, sets, target_atom, by):
    """The columns where a linear program over every theme table shown proves that the
    target is there. ``atoms`` maps an atom (a set of respondents the attacker built) to its
    size; ``sets`` maps a theme to the atoms it is made of."""
    table = theme_table(client, by)
    columns = [c for c in next(iter(table.values())) if c != "Everyone"]
    variables = [(atom, column) for atom in atoms for column in columns]
    index = {v: i for i, v in enumerate(variables)}
    rows, bounds = [], []

    def bound(weights, low, high):
        row = [0] * len(variables)
        for variable in weights:
            row[index[variable]] = 1
        rows.append(row)
        bounds.append(high)
        rows.append([-x for x in row])
        bounds.append(-low)

    for atom, size in atoms.items():  # the attacker knows what they tagged
        bound([(atom, column) for column in columns], size, size)
    for theme, made_of in sets.items():
        for column in columns:
            known = cell_bounds(table[theme][column])
            if known is not None:
                bound([(atom, column) for atom in made_of], *known)
    pinned = []
    for column in columns:
        objective = [1 if v == (target_atom, column) else 0 for v in variables]
        low, _high = value_range(objective, rows, bounds)
        if low > 0.5:
            pinned.append(column)
    return pinned


# 1. Row-level responses -------------------------------------------------------------------


def test_a_reviewer_cannot_download_row_level_responses(client, auth, attack_round):
    auth.login("reviewer")
    page = client.get(f"/staff/rounds/{SLUG}/results").get_data(as_text=True)
    assert f"/staff/rounds/{SLUG}/responses." not in page
    for format_ in ("csv", "xlsx"):
        response = client.post(
            f"/staff/rounds/{SLUG}/responses.{format_}",
            data={"csrf_token": csrf_token(page, required=False), "purpose": "curious"},
        )
        assert response.status_code == 403


# 2. Before and after one submission ---------------------------------------------------------


def figures_of_pages(client, slug):
    """Every figure a reviewer can read, with the CSRF tokens taken out."""
    pages = [
        f"/staff/rounds/{slug}/results",
        f"/staff/rounds/{slug}/results.csv?by=language",
        f"/staff/rounds/{slug}/results.csv?by=network",
        f"/staff/rounds/{slug}/dashboard",
    ]
    seen = []
    for url in pages:
        text = client.get(url).get_data(as_text=True)
        seen.append(re.sub(r'name="csrf_token"[^>]*>', "", text))
    return seen


def test_one_submission_changes_nothing_until_a_release_of_k_or_more(app, client, auth, demo_round):
    for _ in range(12):  # yesterday's responses, released
        answer_demo_round(app, client)
        client.delete_cookie("consult")
    assert release_next_day(app, demo_round).responses == 12
    auth.login("reviewer")
    before = figures_of_pages(client, demo_round)
    auth.logout()
    answer_demo_round(app, client, region="mena")  # the member the reviewer watches
    client.delete_cookie("consult")
    auth.login("reviewer")
    assert figures_of_pages(client, demo_round) == before
    auth.logout()
    # The next day: one new response is fewer than a release needs; figures stay.
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        from consult.review.releases import release_if_due

        day = date.today() + timedelta(days=3)
        assert release_if_due(round_, day).number == 1
        for _ in range(K - 1):
            db.session.add(Response(round_id=round_.id, language="en", submitted_on=date.today()))
        db.session.commit()
        # Now five wait: the release takes them all at once, never fewer than k.
        release = release_if_due(round_, day + timedelta(days=1))
        assert release.number == 2 and release.responses == K
        sizes = db.session.scalars(select(Release.responses)).all()
        assert all(size >= K for size in sizes)
        counted = db.session.scalar(
            select(func.count()).where(Response.release_number.is_not(None))
        )
        assert counted == sum(sizes)
    auth.login("reviewer")
    assert figures_of_pages(client, demo_round) != before


# 3. Crafted theme sets ------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [1, 2, K - 1])
def test_two_themes_differing_by_a_few_answers_never_pin_the_target(
    app, client, auth, attack_round, extra
):
    ids = theme_ids(app)
    auth.login("reviewer")
    base = list(range(10, 109))  # 99 answers
    targets = list(range(120, 120 + extra))
    tag(app, client, base, ids["A"], attack_round)
    tag(app, client, base + targets, ids["B"], attack_round)
    release(app)
    for by in ("network", "region", "language"):
        table = theme_table(client, by)
        # B is shown in total only: its columns say nothing ("–").
        assert all(v == "–" for c, v in table["B"].items() if c != "Everyone"), by
        atoms = {"base": len(base), "targets": len(targets)}
        sets = {"A": ["base"], "B": ["base", "targets"]}
        assert pinned_columns(client, atoms, sets, "targets", by) == [], by


def test_a_theme_against_an_answer_option_never_pins_the_target(app, client, auth, attack_round):
    """The reviewer tags the 60 who said "yes" and one who said "no": beside the breakdown
    of the question, the one would stand out."""
    ids = theme_ids(app)
    auth.login("reviewer")
    tag(app, client, [*range(60), 100], ids["T"], attack_round)
    release(app)
    for by in ("network", "region", "language"):
        table = theme_table(client, by)
        assert all(v == "–" for c, v in table["T"].items() if c != "Everyone"), by
    html = client.get(f"/staff/rounds/{SLUG}/themes/results?by=network").get_data(as_text=True)
    assert "differ by fewer than 5" in html


def test_four_themes_whose_combination_isolates_one_member_never_pin_the_target(
    app, client, auth, attack_round
):
    """S1 = A + t, S2 = A + B, S3 = B + C, S4 = C: every pair differs by k or more, so all
    four are shown by group, and S1 - S2 + S3 - S4 is the target alone. The noise (and no
    exact zero) keeps the target's column unknown."""
    ids = theme_ids(app)
    target = 140
    a, b, c = list(range(0, 30)), list(range(30, 60)), list(range(60, 90))
    auth.login("reviewer")
    tag(app, client, [*a, target], ids["S1"], attack_round)
    tag(app, client, a + b, ids["S2"], attack_round)
    tag(app, client, b + c, ids["S3"], attack_round)
    tag(app, client, c, ids["S4"], attack_round)
    release(app)
    atoms = {"a": len(a), "b": len(b), "c": len(c), "t": 1}
    sets = {"S1": ["a", "t"], "S2": ["a", "b"], "S3": ["b", "c"], "S4": ["c"]}
    for by in ("network", "region", "language"):
        table = theme_table(client, by)
        # All four are broken down: the protection here is the noise, not hiding.
        assert any(v.isdigit() for c, v in table["S1"].items() if c != "Everyone"), by
        assert pinned_columns(client, atoms, sets, "t", by) == [], by


def test_tagging_one_more_answer_changes_nothing_until_a_release(app, client, auth, attack_round):
    ids = theme_ids(app)
    auth.login("reviewer")
    tag(app, client, list(range(10, 109)), ids["A"], attack_round)
    release(app)
    before = theme_table(client, "network")
    tag(app, client, [130], ids["A"], attack_round)
    assert theme_table(client, "network") == before
    release(app)
    after = theme_table(client, "network")
    # One more answer differs by fewer than k from what was shown: in total only.
    assert all(v == "–" for c, v in after["A"].items() if c != "Everyone")


# 4. Breakdowns played against each other ----------------------------------------------------


def test_the_breakdowns_of_one_question_by_network_and_by_language_pin_nothing(
    app, client, auth, attack_round
):
    auth.login("reviewer")
    tables = {}
    for by in ("network", "language"):
        text = client.get(f"/staff/rounds/{SLUG}/results.csv?by={by}").get_data(as_text=True)
        rows = list(csv.reader(io.StringIO(text)))
        header, body = rows[0], rows[1:]
        at = {name: i for i, name in enumerate(header)}
        tables[by] = {
            (r[at["answer"]], r[at["group"]]): r[at["count"]]
            for r in body
            if r[at["question"]] == "carry"
        }
    with app.app_context():
        truth = {}
        for choice, network, language in db.session.execute(
            select(Answer.choice_id, Network.code, Response.language)
            .join(Response, Response.id == Answer.response_id)
            .join(Network, Network.id == Response.network_id)
            .where(Answer.choice_id.is_not(None))
        ):
            truth[(choice, network, language)] = truth.get((choice, network, language), 0) + 1
    answers = sorted({a for a, _g in tables["network"]})
    networks = sorted({g for _a, g in tables["network"] if g != "all"})
    languages = sorted({g for _a, g in tables["language"] if g != "all"})
    leaves = [(a, n, lang) for a in answers for n in networks for lang in languages]
    index = {leaf: i for i, leaf in enumerate(leaves)}
    rows, bounds = [], []
    d = noise_bound()
    for by, table in tables.items():
        for (answer, group), text in table.items():
            if group == "all":
                continue
            cover = [
                index[leaf]
                for leaf in leaves
                if leaf[0] == answer and (leaf[1] if by == "network" else leaf[2]) == group
            ]
            if text.isdigit():
                low, high = max(0, int(text) - d), int(text) + d
            elif text == "0":
                low, high = 0, 0
            else:
                low, high = 1, K - 1 + d
            row = [0] * len(leaves)
            for i in cover:
                row[i] = 1
            rows += [row, [-x for x in row]]
            bounds += [high, -low]
    for leaf in leaves:
        objective = [1 if i == index[leaf] else 0 for i in range(len(leaves))]
        low, high = value_range(objective, rows, bounds)
        assert high - low >= 0.5, leaf  # no cell of answer × network × language is pinned


# 5. Coding references -------------------------------------------------------------------------


def test_the_coding_page_does_not_link_the_answers_of_one_response(app, client, auth, attack_round):
    auth.login("reviewer")
    html = client.get(f"/staff/rounds/{SLUG}/coding").get_data(as_text=True)
    for response_id, _network, _language in attack_round.values():
        assert str(response_id) not in html and response_id.hex not in html
    references = re.findall(rf"/staff/rounds/{SLUG}/coding/([A-Za-z0-9_-]+)", html)
    assert len(set(references)) > 10
    with app.app_context():
        first = reference_of(uuid.UUID(int=1), 1, 0)
        second = reference_of(uuid.UUID(int=1), 2, 0)
    assert not any(first[i : i + 8] in second for i in range(len(first) - 7))


# 6. The dashboard's nested figures ------------------------------------------------------------


def test_pages_reached_give_no_small_count_away(app, client, auth, demo_round):
    """45 members: 3 stopped after the second page, 12 after the third, 30 went to the end.
    Apart, the figures of pages 2 and 3 would say "3 stopped": they are the same figure, which
    says "fewer than k, or none"; page 4's own figure differs by k or more."""
    generator = random.Random(6)
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.slug == demo_round))
        furthest = [1] * 3 + [2] * 12 + [3] * 30
        db.session.execute(
            insert(Response),
            [
                {
                    "id": uuid.uuid4(),
                    "round_id": round_.id,
                    "language": "en",
                    "submitted_on": date(2026, 11, 2),
                    "furthest_page": page,
                    "record_key": generator.randrange(KEY_RANGE),
                }
                for page in furthest
            ],
        )
        db.session.commit()
    release_next_day(app, demo_round)
    auth.login("reviewer")
    html = client.get(f"/staff/rounds/{demo_round}/dashboard").get_data(as_text=True)
    section = html.split("How far members got", 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<td class="number">(.*?)</td>', section)
    figures = [int(cell) for cell in cells]
    d = noise_bound()
    assert figures[0] == figures[1] == figures[2] and abs(figures[0] - 45) <= d
    assert figures[3] != figures[2] and abs(figures[3] - 30) <= d
    # Equal figures say that from 0 to k-1 stopped after page 2: none stays possible, so
    # no count from 1 to k-1 is pinned; a figure of its own says k or more stopped.


def dashboard_table(html, heading):
    """[(label, is a region, cell text)] of the dashboard's table under ``heading``."""
    section = html.split(f"<h2>{heading}</h2>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r"<tr[^>]*><th scope=\"row\">(.*?)</th><td class=\"number\">(.*?)</td>", section
    )
    return [
        (re.sub(r"<[^>]+>", "", label), "<strong>" in label, re.sub(r"<[^>]+>", "", cell))
        for label, cell in rows
    ]


def test_weeks_and_networks_within_regions_give_no_small_count_away(
    app, client, auth, attack_round
):
    """Three members answered in a late week, and two came through one network of a region:
    the weeks against the total, and a region against its networks, pin neither."""
    with app.app_context():
        late = [attack_round[n][0] for n in (1, 2, 3)]
        for response in db.session.scalars(select(Response).where(Response.id.in_(late))):
            response.submitted_on = date(2026, 11, 30)
        # All but two of the members who came through member 0's network move to member 1's.
        same = [rid for rid, code, _l in attack_round.values() if code == attack_round[0][1]]
        second = db.session.scalar(
            select(Response.network_id).where(Response.id == attack_round[1][0])
        )
        for response in db.session.scalars(select(Response).where(Response.id.in_(same[2:]))):
            response.network_id = second
        db.session.commit()
        round_id = db.session.scalar(select(Round.id).where(Round.slug == SLUG))
        truth_weeks = {}
        for day, count in db.session.execute(
            select(Response.submitted_on, func.count())
            .where(Response.round_id == round_id)
            .group_by(Response.submitted_on)
        ):
            monday = day - timedelta(days=day.weekday())
            truth_weeks[monday] = truth_weeks.get(monday, 0) + count
    assert sorted(truth_weeks.values())[0] == 3  # the late week: fewer than k
    auth.login("reviewer")
    html = client.get(f"/staff/rounds/{SLUG}/dashboard").get_data(as_text=True)
    total = re.search(r"Responses: <strong>(\d+)</strong>", html).group(1)
    weeks = dashboard_table(html, "Responses per week")
    assert any(cell.startswith("fewer than") for _l, _r, cell in weeks)
    d = noise_bound()
    # Unknowns: each week's count. Known: each shown figure give or take d, "fewer than k"
    # from 1 to k-1+d, the total give or take d.
    size = len(weeks)
    rows, bounds = [], []

    def known(weights, text):
        low, high = cell_bounds(text) if text.isdigit() else (1, K - 1 + d)
        rows.extend([weights, [-w for w in weights]])
        bounds.extend([high, -low])

    for index, (_label, _region, cell) in enumerate(weeks):
        known([1 if i == index else 0 for i in range(size)], cell)
    known([1] * size, total)
    for index in range(size):
        low, high = value_range([1 if i == index else 0 for i in range(size)], rows, bounds)
        assert high - low >= 0.5, weeks[index]

    networks = dashboard_table(html, "Responses per network and region")
    assert sum(cell.startswith("fewer than") for _l, region, cell in networks if not region)
    leaves = [i for i, (_l, region, _c) in enumerate(networks) if not region]
    rows, bounds = [], []
    region_of, current = {}, None
    for index, (_label, region, _cell) in enumerate(networks):
        if region:
            current = index
        elif current is not None and _label != "No network (public link)":
            region_of[index] = current

    def weights_of(index):
        if networks[index][1]:
            return [1 if region_of.get(leaf) == index else 0 for leaf in leaves]
        return [1 if leaf == index else 0 for leaf in leaves]

    for index, (_label, _region, cell) in enumerate(networks):
        known(weights_of(index), cell)
    known([1] * len(leaves), total)
    for position, index in enumerate(leaves):
        objective = [1 if p == position else 0 for p in range(len(leaves))]
        low, high = value_range(objective, rows, bounds)
        assert high - low >= 0.5, networks[index]
