"""The coding screen (on the themes blueprint): written answers, those that say the same
thing shown once with their number, their suggested and confirmed themes to accept, reject,
add to, annotate and quote; and the actions on many suggestions at once (every one of a
theme or of a keyword rule, or those ticked), each with its undo."""

from datetime import datetime
from urllib.parse import urlencode

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..forms import ButtonForm
from ..i18n import current_language
from . import groups, operations, queries
from .access import load_answer, load_released_round, load_round, load_tag, reviewers_only
from .answers import answer_reference, find_answer, readable_groups, written_answer_count
from .forms import (
    ANSWER_DECISIONS,
    AnswerForm,
    ChosenForm,
    CodingFilters,
    KeywordForm,
    ThemeBatchForm,
    UndoForm,
)
from .highlight import highlighted
from .views import bp

PER_PAGE = 25
#: The session's note of the reviewer's last batch, for its undo.
BATCH = "coded_batch"
#: The audit action of each kind of batch (and of its undo).
BATCH_ACTIONS = {
    "theme": "themes.tag_all",
    "keyword": "themes.tag_keyword",
    "chosen": "themes.tag_chosen",
}


@bp.route("/staff/rounds/<slug>/coding")
@reviewers_only
def coding_page(slug):
    """Written answers with their suggested and confirmed themes, the words that set each
    suggestion off highlighted; answers to one question that say the same thing are shown
    once, with how many say it, and coded together."""
    round_ = load_released_round(slug)
    if round_.codebook is None:
        flash(_("Choose a codebook for this round first."), "error")
        return redirect(url_for("themes.overview", slug=slug))
    groups.key_answer_texts(round_.id)
    themes = queries.themes_of(round_.codebook)
    form = CodingFilters(themes, request.args)
    filters, page = form.filters, form.page_number
    readable = readable_groups(round_.id, round_.min_cell_size)
    rows, more = groups.answer_groups_page(round_.id, readable, filters, page, PER_PAGE)
    keys = [(row.response_id, row.question_id, row.item) for row in rows]
    tags = queries.tags_by_answer(round_.id, keys)
    shared = groups.group_tags(
        round_.id, [(row.question_id, row.text_key) for row in rows if row.size > 1]
    )
    memos = queries.memos_by_answer(round_.id, keys)
    quotes = queries.quotes_of(round_.id, keys)
    answers = [
        {
            "reference": answer_reference(row),
            "row": row,
            "segments": highlighted(row.text, tags.get(key, [])),
            "themes": groups.theme_lines(
                tags.get(key, []), shared.get((row.question_id, row.text_key)), row.size
            ),
            "memos": memos.get(key, []),
            "quote": quotes.get(key),
        }
        for row, key in zip(rows, keys, strict=True)
    ]
    questions = {q.id: q for q in round_.questions}
    deciders = {tag.decided_by for found in tags.values() for tag in found} - {None}
    batch = session.get(BATCH)
    return render_template(
        "coding/screen.html",
        emails=queries.emails_of(deciders),
        round=round_,
        form=ButtonForm(),
        undo_form=UndoForm(),
        themes=themes,
        answers=answers,
        questions=questions,
        text_questions=[questions[q] for q in sorted({q for q, _l in readable})],
        languages=sorted({language for _q, language in readable if language}),
        hidden_groups=not readable and written_answer_count(round_.id) > 0,
        filters=filters,
        back=urlencode(form.given),
        filters_args={k: v for k, v in filters.items() if v is not None},
        interface=current_language(),
        page=page,
        more=more,
        language=round_.content_language(current_language()),
        suggestions_left=queries.suggestions_left(round_.id, readable),
        by_keyword=_of_theme(
            queries.suggestions_left_by_keyword(round_.id, readable), filters["theme"]
        ),
        grouped=any(row.size > 1 for row in rows),
        any_suggested=any(line.suggested for answer in answers for line in answer["themes"]),
        batch=batch if batch and batch["round"] == round_.id else None,
    )


def _of_theme(by_theme, theme_id):
    """Only the theme the page is filtered by, if it is."""
    if theme_id is None:
        return by_theme
    return {theme_id: by_theme[theme_id]} if theme_id in by_theme else {}


@bp.post("/staff/rounds/<slug>/coding/<reference>")
@reviewers_only
def code_answer(slug, reference):
    """One reviewer's action on one answer, named by its opaque reference
    (coding.references), and on every answer of its group (those that say the same thing):
    accept or reject a theme, take that back, tag by hand; or, on this answer alone, write
    a memo, mark or unmark it as a candidate quote."""
    round_ = load_round(slug)
    answer = find_answer(round_.id, reference)
    form = AnswerForm()
    if answer is None or round_.codebook is None or not form.validate_sent():
        abort(404 if answer is None else 400)
    load_answer(round_, reference, answer)
    themes = queries.themes_of(round_.codebook)
    action = form.action.data
    if action in ANSWER_DECISIONS:
        theme = _theme_of_action(form, answer, themes)
        if theme is None:
            flash(_("Choose a theme to add."), "error")
        else:
            groups.key_answer_texts(round_.id)
            operations.decide_group(round_, answer, theme, ANSWER_DECISIONS[action], current_user)
    elif action == "memo":
        if form.told:
            flash(form.told[0], "error")
        else:
            operations.write_memo(round_, answer, form.memo.data, current_user)
    elif action == "quote":
        theme = themes.get(form.theme.data)
        operations.mark_quote(round_, answer, current_user, theme)
        flash(_("Marked as a candidate quote, its identifiers removed."), "status")
    else:
        abort(400)
    return _back_to_coding(slug, f"a-{reference}", form.back.data)


def _theme_of_action(form, answer, themes):
    """The theme an action on an answer is about: its tag's (``tag``, which must be about
    this answer), or the one chosen (``theme``); None if none is chosen."""
    if form.tag.data is None:
        return themes.get(form.theme.data)
    tag = load_tag(answer, form.tag.data)
    return themes.get(tag.theme_id) or abort(404)


def _back_to_coding(slug, anchor, back):
    """The coding page as the reviewer left it: its filters and page (``back``), and the
    answer or table they acted on in view (an anchor, so without JavaScript too)."""
    return redirect(
        url_for("themes.coding_page", slug=slug)
        + ("?" + back if back else "")
        + ("#" + anchor if anchor else "")
    )


def _remember(round_, kind, status, count, moment, theme=None, keyword=None):
    """Keep the batch in the session, for its notice and its undo (one batch at a time)."""
    session[BATCH] = {
        "round": round_.id,
        "kind": kind,
        "theme": theme.id if theme is not None else None,
        "keyword": keyword,
        "status": status,
        "at": moment.isoformat(),
        "count": count,
    }


def _undo_last(round_):
    """Take back the reviewer's last batch in this round, if the session still has it."""
    batch = session.pop(BATCH, None)
    if not batch or batch["round"] != round_.id:
        return
    theme = queries.themes_of(round_.codebook).get(batch["theme"])
    operations.undo(
        round_,
        current_user,
        datetime.fromisoformat(batch["at"]),
        batch["status"],
        BATCH_ACTIONS[batch["kind"]],
        theme,
    )


@bp.post("/staff/rounds/<slug>/coding/all")
@reviewers_only
def code_all(slug):
    """Accept or reject every suggestion of one theme at once, or take that back."""
    form = ThemeBatchForm()
    round_, theme = _round_and_theme(slug, form)
    if form.action.data == "undo":
        batch = session.get(BATCH) or {}
        if batch.get("kind") == "theme" and batch.get("theme") == theme.id:
            _undo_last(round_)
        return _back_to_coding(slug, "by-theme", form.back.data)
    readable = readable_groups(round_.id, round_.min_cell_size)
    count, moment = operations.decide_all(round_, theme, form.status, current_user, readable)
    _remember(round_, "theme", form.status, count, moment, theme=theme)
    return _back_to_coding(slug, "by-theme", form.back.data)


@bp.post("/staff/rounds/<slug>/coding/keyword")
@reviewers_only
def code_keyword(slug):
    """Accept or reject every suggestion that one keyword rule of a theme made."""
    form = KeywordForm()
    round_, theme = _round_and_theme(slug, form)
    readable = readable_groups(round_.id, round_.min_cell_size)
    keyword = form.keyword.data
    count, moment = operations.decide_keyword(
        round_, theme, keyword, form.status, current_user, readable
    )
    _remember(round_, "keyword", form.status, count, moment, theme=theme, keyword=keyword)
    return _back_to_coding(slug, "by-keyword", form.back.data)


def _round_and_theme(slug, form):
    """The round and the theme of its codebook a batch form names; 400 for a form without
    its token, a round without a codebook or a theme that is not in it."""
    round_ = load_round(slug)
    if round_.codebook is None or not form.validate_on_submit():
        abort(400)
    theme = queries.themes_of(round_.codebook).get(form.theme.data)
    if theme is None:
        abort(400)
    return round_, theme


@bp.post("/staff/rounds/<slug>/coding/chosen")
@reviewers_only
def code_chosen(slug):
    """Accept or reject the suggestions the reviewer ticked (each for its answer's group)."""
    round_ = load_round(slug)
    form = ChosenForm()
    if round_.codebook is None or not form.validate_sent():
        abort(400)  # no CSRF token, or a made-up action
    if form.told:
        for message in form.told:
            flash(message, "error")
        return _back_to_coding(slug, "chosen", form.back.data)
    themes = queries.themes_of(round_.codebook)
    chosen = [
        (load_answer(round_, reference), themes.get(theme_id) or abort(404))
        for reference, theme_id in form.picks
    ]
    groups.key_answer_texts(round_.id)
    count, moment = operations.decide_chosen(round_, chosen, form.status, current_user)
    _remember(round_, "chosen", form.status, count, moment)
    return _back_to_coding(slug, "chosen", form.back.data)


@bp.post("/staff/rounds/<slug>/coding/undo")
@reviewers_only
def undo_batch(slug):
    """Take back the reviewer's last action on many suggestions."""
    round_ = load_round(slug)
    form = UndoForm()
    if round_.codebook is None or not form.validate_on_submit():
        abort(400)
    kind = (session.get(BATCH) or {}).get("kind")
    _undo_last(round_)
    anchor = {"theme": "by-theme", "keyword": "by-keyword"}.get(kind, "chosen")
    return _back_to_coding(slug, anchor, form.back.data)
