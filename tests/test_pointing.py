"""Conditions by pointing: a designer picks an earlier question, a test and its
answers from lists the server fills in, without JavaScript; the JSON stays for experts,
and both say the same condition."""

import json
import re
from html import unescape

from .builder import Builder
from .conftest import csrf_token


def form_fields(html):
    """The question form's fields as the page fills them (a browser would send these)."""
    fields = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        if 'type="checkbox"' not in name and "pointing-clauses" not in name:
            fields[name] = unescape(value)
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if name and ('type="radio"' in tag or 'type="checkbox"' in tag):
            if "checked" in tag:
                fields.setdefault(name.group(1), [])
                value = re.search(r'value="([^"]*)"', tag).group(1)
                if isinstance(fields[name.group(1)], list):
                    fields[name.group(1)].append(value)
            elif name.group(1) in fields and not isinstance(fields[name.group(1)], list):
                del fields[name.group(1)]
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        fields[name] = unescape(body).removeprefix("\r\n").removeprefix("\n")
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option[^>]*selected[^>]*value="([^"]*)"', body) or re.search(
            r'<option[^>]*value="([^"]*)"[^>]*selected', body
        )
        first = re.search(r'<option[^>]*value="([^"]*)"', body)
        fields[name] = (chosen or first).group(1)
    return fields


def a_round_with_a_question_to_point_at(app, client, auth):
    auth.login("designer")
    builder = Builder(app, client)
    slug = builder.new_round(languages="en")
    carry = builder.add_question(
        slug,
        "single_choice",
        code="carry",
        text="Do you carry naloxone?",
        choices="yes = Yes\nno = No\nsometimes = Sometimes",
    )
    why = builder.add_question(slug, "short_text", code="why_not", text="Why not?")
    return builder, slug, carry, why


def test_a_condition_made_by_pointing_is_saved_and_shown_in_json_and_words(app, client, auth):
    builder, slug, _carry, why = a_round_with_a_question_to_point_at(app, client, auth)
    path = f"/staff/rounds/{slug}/questions/{why}"
    page = client.get(path).text
    assert "carry: Do you carry naloxone?" in page  # the earlier question, offered
    fields = form_fields(page)
    # 1. Choose the question, then ask for its answers: nothing is saved yet.
    fields["pointing-clauses-0-question"] = "carry"
    fields["pointing-clauses-0-test"] = "is_one_of"
    answers = client.post(path, data={**fields, "action": "answers"})
    assert answers.status_code == 200
    assert builder.question(why).condition is None
    assert 'value="no"' in answers.text and 'value="sometimes"' in answers.text
    # Everything typed comes back as typed.
    assert form_fields(answers.text)["text"] == "Why not?"
    # 2. Tick two answers and save.
    fields = form_fields(answers.text)
    fields["pointing-clauses-0-answers"] = ["no", "sometimes"]
    saved = client.post(path, data=fields)
    assert saved.status_code == 302, saved.text
    condition = {"question": "carry", "op": "any_of", "value": ["no", "sometimes"]}
    assert builder.question(why).condition == condition
    # The form shows it both ways; the overview in words.
    again = client.get(path).text
    assert json.loads(form_fields(again)["condition"]) == condition
    assert re.search(r'<input[^>]*checked[^>]*value="no"|<input[^>]*value="no"[^>]*checked', again)
    overview = client.get(f"/staff/rounds/{slug}/").text
    said = "Shown only when: “<bdi>Do you carry naloxone?</bdi>” is one of <bdi>No</bdi>"
    assert said in overview


def test_two_clauses_joined_by_any_and_a_clause_left_unfinished(app, client, auth):
    builder, slug, _carry, why = a_round_with_a_question_to_point_at(app, client, auth)
    path = f"/staff/rounds/{slug}/questions/{why}"
    fields = form_fields(client.get(path).text)
    fields.update(
        {
            "pointing-joined": "any",
            "pointing-clauses-0-question": "carry",
            "pointing-clauses-0-test": "is",
            "pointing-clauses-1-question": "carry",
            "pointing-clauses-1-test": "not_answered",
        }
    )
    unfinished = client.post(path, data=fields)
    assert unfinished.status_code == 200
    assert "Clause 1: tick the answers it tests." in unfinished.text
    assert builder.question(why).condition is None
    fields["pointing-clauses-0-answers"] = ["no"]
    assert client.post(path, data=fields).status_code == 302
    assert builder.question(why).condition == {
        "any": [
            {"question": "carry", "op": "equals", "value": "no"},
            {"question": "carry", "op": "not_answered"},
        ]
    }


def test_edited_json_wins_and_a_nested_condition_stays_in_json(app, client, auth):
    builder, slug, _carry, why = a_round_with_a_question_to_point_at(app, client, auth)
    path = f"/staff/rounds/{slug}/questions/{why}"
    fields = form_fields(client.get(path).text)
    nested = {
        "all": [
            {"question": "carry", "op": "answered"},
            {"any": [{"question": "carry", "op": "equals", "value": "no"}]},
        ]
    }
    fields["condition"] = json.dumps(nested)
    assert client.post(path, data=fields).status_code == 302
    assert builder.question(why).condition == nested
    page = client.get(path).text
    assert "This condition combines “all” and “any”: change it in its JSON below." in page
    assert "pointing-clauses-0-question" not in page
    # Saving the page as it is keeps the nested condition.
    assert client.post(path, data=form_fields(page)).status_code == 302
    assert builder.question(why).condition == nested
    token = csrf_token(page)
    assert token


def test_a_page_is_shown_by_pointing_at_a_question_of_an_earlier_page(app, client, auth):
    builder, slug, _carry, _why = a_round_with_a_question_to_point_at(app, client, auth)
    token = csrf_token(client.get(f"/staff/rounds/{slug}/").text)
    client.post(f"/staff/rounds/{slug}/sections", data={"csrf_token": token})
    first, second = builder.section_ids(slug)
    path = f"/staff/rounds/{slug}/sections/{second}"
    page = client.get(path).text
    assert "Show this page only when" in page and "carry: Do you carry naloxone?" in page
    first_page = client.get(f"/staff/rounds/{slug}/sections/{first}").text
    assert "carry: Do you carry naloxone?" not in first_page  # nothing comes before it
    fields = form_fields(page)
    fields.update({"pointing-clauses-0-question": "carry", "pointing-clauses-0-test": "answered"})
    assert client.post(path, data=fields).status_code == 302
    round_ = builder.round(slug)
    with app.app_context():
        from consult.design.models import Section
        from consult.extensions import db

        assert db.session.get(Section, second).condition == {
            "question": "carry",
            "op": "answered",
        }
    assert round_.slug == slug
