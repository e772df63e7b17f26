"""Every change reviewers make to a round's coding: the round's codebook, what they do with
the suggestions (accept, reject, add, on an answer and the answers that say the same thing,
or many at once, with their undo), memos, quotes, blind coding, a theme adopted from an
emergent group, the brief's choices; each one transaction, recorded with who did it.
Automatic coding is coding.autocoding's.
"""

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select, tuple_, update

from ..audit import record
from ..codebooks.models import Theme
from ..extensions import db
from .groups import group_of
from .models import BriefTheme, DoubleCoding, Memo, Quote, Tag
from .queries import names_keyword, readable_answer_keys
from .scrub import scrub


def use_codebook(round_, codebook):
    """Code ``round_`` against ``codebook`` from now on. The tags of another codebook's
    themes go: they would count under themes the round no longer has."""
    if round_.codebook_id == (codebook.id if codebook else None):
        return
    db.session.execute(delete(Tag).where(Tag.round_id == round_.id))
    round_.codebook = codebook
    record("themes.codebook", round_, codebook=codebook.code if codebook else None)
    db.session.commit()


def decide(round_, tag, status, user):
    """A reviewer accepts or rejects a tag (or takes back their decision: "suggested")."""
    tag.status = status
    tag.decided_by = user.id
    tag.decided_at = datetime.now(UTC)
    record("themes.tag", round_, theme=tag.theme.code, status=status)
    db.session.commit()


def decide_all(round_, theme, status, user, readable):
    """Every suggestion of ``theme`` on an answer the coding screen may show, accepted or
    rejected in one action. Returns (how many, the moment that names the batch for
    ``undo_all``)."""
    moment = datetime.now(UTC)
    answers = readable_answer_keys(round_.id, readable)
    decided = _decide_suggestions(round_, theme, answers, status, user, moment)
    record("themes.tag_all", round_, theme=theme.code, status=status, count=decided)
    db.session.commit()
    return decided, moment


def decide_keyword(round_, theme, keyword, status, user, readable):
    """Every suggestion of ``theme`` that its keyword rule ``keyword`` made (the keyword is
    among the tag's reasons), on an answer the coding screen may show, accepted or rejected
    in one action. Returns (how many, the moment that names the batch for ``undo``)."""
    moment = datetime.now(UTC)
    answers = readable_answer_keys(round_.id, readable)
    decided = _decide_suggestions(
        round_, theme, answers, status, user, moment, names_keyword(keyword)
    )
    record(
        "themes.tag_keyword",
        round_,
        theme=theme.code,
        keyword=keyword,
        status=status,
        count=decided,
    )
    db.session.commit()
    return decided, moment


def decide_chosen(round_, chosen, status, user):
    """The suggestions a reviewer ticked, accepted or rejected in one action: ``chosen`` is
    [(answer, theme)], and each counts for every answer of the answer's group (answers
    that say the same thing). Returns (how many, the moment that names the batch)."""
    moment = datetime.now(UTC)
    decided = sum(
        _decide_suggestions(round_, theme, group_of(round_.id, answer), status, user, moment)
        for answer, theme in chosen
    )
    record("themes.tag_chosen", round_, status=status, count=decided)
    db.session.commit()
    return decided, moment


def _decide_suggestions(round_, theme, answers, status, user, moment, *conditions):
    """Accept or reject the suggestions of ``theme`` on ``answers`` (a selection of answer
    keys) that meet ``conditions``, as one batch named by ``moment``; returns how many."""
    return db.session.execute(
        update(Tag)
        .where(
            Tag.round_id == round_.id,
            Tag.theme_id == theme.id,
            Tag.status == "suggested",
            *conditions,
            tuple_(Tag.response_id, Tag.question_id, Tag.item).in_(answers),
        )
        .values(status=status, decided_by=user.id, decided_at=moment)
        .execution_options(synchronize_session=False)
    ).rowcount


def undo(round_, user, moment, status, action, theme=None):
    """Take back a batch of this reviewer's (``decide_all``, ``decide_keyword``,
    ``decide_chosen``), named by its moment: its tags are suggestions again, unless someone
    has decided them since. Every tag of a batch was a suggestion before it, so this is
    the state before it. Returns how many."""
    of_theme = [Tag.theme_id == theme.id] if theme is not None else []
    undone = db.session.execute(
        update(Tag)
        .where(
            Tag.round_id == round_.id,
            *of_theme,
            Tag.status == status,
            Tag.decided_by == user.id,
            Tag.decided_at == moment,
        )
        .values(status="suggested", decided_by=user.id, decided_at=datetime.now(UTC))
        .execution_options(synchronize_session=False)
    ).rowcount
    detail = {"theme": theme.code} if theme is not None else {}
    record(action, round_, **detail, status="suggested", count=undone)
    db.session.commit()
    return undone


def decide_group(round_, answer, theme, status, user):
    """A reviewer's decision on ``theme`` for an answer, taken for every answer of its group
    (coding.groups: the answers to its question that say the same thing), as it would be
    for each alone: "accepted" tags each of them (adding the tag where the rules suggested
    none), "rejected" rejects each tag of the theme, "suggested" takes back the decisions
    on the rules' suggestions. Returns how many answers changed."""
    members = group_of(round_.id, answer)
    moment = datetime.now(UTC)
    changes = [Tag.status != status]
    if status == "suggested":
        changes.append(Tag.added_by.is_(None))  # a tag added by hand was never suggested
    changed = db.session.execute(
        update(Tag)
        .where(
            Tag.round_id == round_.id,
            Tag.theme_id == theme.id,
            tuple_(Tag.response_id, Tag.question_id, Tag.item).in_(members),
            *changes,
        )
        .values(status=status, decided_by=user.id, decided_at=moment)
        .execution_options(synchronize_session=False)
    ).rowcount
    if status == "accepted":
        group = members.subquery()
        untagged = db.session.execute(
            select(group).where(
                ~select(Tag.id)
                .where(
                    Tag.response_id == group.c.response_id,
                    Tag.question_id == group.c.question_id,
                    Tag.item == group.c.item,
                    Tag.theme_id == theme.id,
                )
                .exists()
            )
        ).all()
        if untagged:
            db.session.execute(
                insert(Tag),
                [
                    {
                        **Tag.about(round_, row),
                        "theme_id": theme.id,
                        "status": status,
                        "reasons": [],
                        "added_by": user.id,
                        "decided_by": user.id,
                        "decided_at": moment,
                    }
                    for row in untagged
                ],
            )
        changed += len(untagged)
    record("themes.tag", round_, theme=theme.code, status=status, count=changed)
    db.session.commit()
    return changed


def add_tag(round_, answer, theme, user):
    """A reviewer tags an answer by hand (or accepts it, if the rules suggested it)."""
    tag = db.session.scalar(select(Tag).where(Tag.of(answer), Tag.theme_id == theme.id))
    if tag is None:
        tag = Tag(**Tag.about(round_, answer), theme_id=theme.id, reasons=[], added_by=user.id)
        db.session.add(tag)
    tag.theme = theme
    decide(round_, tag, "accepted", user)
    return tag


def write_memo(round_, answer, text, user):
    db.session.add(Memo(**Memo.about(round_, answer), author_id=user.id, text=text))
    record("themes.memo", round_)
    db.session.commit()


def mark_quote(round_, answer, user, theme=None):
    """Mark an answer as a candidate quote. Only its scrubbed text is kept (coding.scrub):
    the answer as written never leaves the answer table."""
    quote = db.session.scalar(select(Quote).where(Quote.of(answer)))
    if quote is None:
        quote = Quote(
            **Quote.about(round_, answer),
            language=answer.language or round_.source_language,
            text=scrub(answer.text, answer.language).text,
            marked_by=user.id,
        )
        db.session.add(quote)
    quote.theme = theme
    record("themes.quote", round_, status="candidate")
    db.session.commit()
    return quote


def approve_quote(round_, quote, user, text, translation):
    """A reviewer approves a quote as it will be published: their wording is scrubbed again
    (an edit must not bring a name back), with their translation, if any."""
    quote.text = scrub(text, quote.language).text
    quote.translation = scrub(translation, None).text if translation else None
    quote.approved_by = user.id
    quote.approved_at = datetime.now(UTC)
    record("themes.quote", round_, status="approved")
    db.session.commit()


def withdraw_quote(round_, quote):
    db.session.delete(quote)
    record("themes.quote", round_, status="withdrawn")
    db.session.commit()


def adopt_suggestion(round_, suggestion):
    """A new theme of the round's codebook from an emergent suggestion: named after its top
    terms, with them as its keywords in the suggestion's language, last in the codebook."""
    codebook = round_.codebook
    language, terms = suggestion["language"], suggestion["terms"]
    existing = {theme.code for theme in codebook.themes}
    base = "emergent-" + "-".join(terms[:2])[:40]
    code, number = base, 1
    while code in existing:
        number += 1
        code = f"{base}-{number}"
    theme = Theme(
        codebook=codebook,
        position=len(codebook.themes),
        code=code,
        name={language: ", ".join(terms[:3])},
        definition={},
        include={},
        exclude={},
        keywords={language: list(terms[:5])},
    )
    db.session.add(theme)
    record("codebook.theme", round_, codebook=codebook.code, theme=code, source="emergent")
    db.session.commit()
    return theme


def code_blind(round_, answer, theme_ids, user):
    """A reviewer's blind coding of an answer of the agreement sample (coding.agreement),
    replacing theirs if they code it again."""
    coding = db.session.scalar(
        select(DoubleCoding).where(DoubleCoding.of(answer), DoubleCoding.coder_id == user.id)
    )
    if coding is None:
        coding = DoubleCoding(**DoubleCoding.about(round_, answer), coder_id=user.id)
        db.session.add(coding)
    coding.themes = sorted(theme_ids)
    record("themes.double_coding", round_, themes=len(theme_ids))
    db.session.commit()


def set_brief_choices(round_, choices):
    """Save {theme id: (strategic direction or None, activity or None)} for the brief."""
    existing = {
        c.theme_id: c
        for c in db.session.scalars(select(BriefTheme).where(BriefTheme.round_id == round_.id))
    }
    for theme_id, (direction, activity) in choices.items():
        choice = existing.get(theme_id) or BriefTheme(round_id=round_.id, theme_id=theme_id)
        choice.strategic_direction = direction
        choice.activity = activity
        db.session.add(choice)
    record("themes.brief", round_, themes=len(choices))
    db.session.commit()
