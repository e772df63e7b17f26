"""Changes to the library of question blocks: seeding the starter blocks, inserting a block
into a round as a new page, saving a page as a block, deleting one. Each is one transaction,
recorded in the audit log."""

import re

from sqlalchemy import select

from ..audit import record
from ..extensions import db
from .definition import FORMAT, from_definition, to_definition
from .library import QuestionBlock, starter_blocks
from .operations import check_round_conditions, require_editable
from .page_operations import copy_question


def seed_blocks():
    """Add the starter blocks that are missing; returns how many were added."""
    existing = set(db.session.scalars(select(QuestionBlock.code)))
    added = 0
    for block in starter_blocks():
        if block["code"] not in existing:
            db.session.add(QuestionBlock(**block))
            added += 1
    db.session.commit()
    return added


def insert_block(round_, block):
    """Add the block's questions to the round as a new last page. Texts in languages the
    round does not have are left out; a question code already used gets a suffix."""
    require_editable(round_)
    section_definition = _in_languages(block.section, set(round_.languages))
    built = from_definition(
        {
            "format": FORMAT,
            "slug": round_.slug,
            "languages": list(round_.languages),
            "source_language": round_.source_language,
            "sections": [section_definition],
        }
    )
    section = built.sections.pop(0)
    taken = {q.code for q in round_.questions}
    renamed = {}
    for question in section.questions:
        copy_code = copy_question(question, taken).code
        if copy_code != question.code:
            renamed[question.code] = copy_code
            question.code = copy_code
    for question in section.questions:
        question.condition = _renamed(question.condition, renamed)
    section.position = len(round_.sections)
    round_.sections.append(section)
    check_round_conditions(round_)
    record("block.insert", round_, block=block.code)
    db.session.commit()
    return section


def save_block(section, name):
    """Save a page of a round as a new block of the library."""
    round_ = section.round
    definition = to_definition(round_)["sections"][section.position]
    code = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:50] or "block"
    taken = set(db.session.scalars(select(QuestionBlock.code)))
    unique, number = code, 2
    while unique in taken:
        unique, number = f"{code}_{number}", number + 1
    block = QuestionBlock(
        code=unique, name={round_.source_language: name}, section={**definition, "condition": None}
    )
    db.session.add(block)
    record("block.save", round_, block=unique)
    db.session.commit()
    return block


def delete_block(block):
    record("block.delete", None, block=block.code)
    db.session.delete(block)
    db.session.commit()


def _in_languages(section, languages):
    def texts(value):
        return {k: v for k, v in (value or {}).items() if k in languages}

    return {
        "title": texts(section.get("title")),
        "introduction": texts(section.get("introduction")),
        "condition": None,
        "questions": [
            {
                **question,
                "text": texts(question.get("text")),
                "help": texts(question.get("help")),
                "choices": [
                    {**choice, "label": texts(choice.get("label"))}
                    for choice in question.get("choices", [])
                ],
            }
            for question in section.get("questions", [])
        ],
    }


def _renamed(condition, renamed):
    if not condition or not renamed:
        return condition
    if "all" in condition or "any" in condition:
        key = "all" if "all" in condition else "any"
        return {key: [_renamed(clause, renamed) for clause in condition[key]]}
    return {**condition, "question": renamed.get(condition["question"], condition["question"])}
