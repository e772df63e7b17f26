"""The designer's preview: the round answered page by page as a member answers it, in any of
its languages, with its conditions applied and nothing stored.

The answers given so far travel with the form, signed with the app's secret so that the
page can trust them, and are dropped when the designer leaves: no draft, no row, no cookie.
"""

from flask import abort, current_app, render_template, request
from itsdangerous import BadSignature, URLSafeSerializer

from ..respond.flow import next_page, previous_page, shown_pages, visible_questions
from ..respond.forms import check_other_texts, cleaned_answers, page_form
from ..respond.operations import merged_answers
from ..respond.summary import answer_summary
from .access import designers_only, load_round
from .conditions import in_words
from .views import ROUND, bp

#: Options shuffled for members are shuffled the same way on every preview page.
PREVIEW_DRAFT = "preview"


def _signer():
    return URLSafeSerializer(current_app.secret_key, salt="consult.design.preview")


def carried_answers(signed):
    """The answers given on earlier pages of this preview, or none if they were tampered with."""
    try:
        answers = _signer().loads(signed or "")
    except BadSignature:
        return {}
    return answers if isinstance(answers, dict) else {}


@bp.route(f"{ROUND}/preview/<int:number>", methods=["GET", "POST"])
@designers_only
def preview(slug, number):
    """A page exactly as a member sees it; "Next" and "Back" follow the round's conditions
    with the answers given in this preview, which are never stored."""
    round_ = load_round(slug)
    if not 1 <= number <= len(round_.sections):
        abort(404)
    language = request.args.get("in", round_.source_language)
    if language not in round_.languages:
        language = round_.source_language
    answers = carried_answers(request.form.get("answers"))
    revealed = set()
    if request.method == "POST":
        shown = _shown(round_, number, answers)
        form = page_form(
            shown, language, round_.source_language, answers, PREVIEW_DRAFT, request.form
        )
        move = request.form.get("move")
        valid = form.validate() & check_other_texts(form, shown)
        if valid or move == "back":
            answers = merged_answers(answers, shown, cleaned_answers(form), language)
            revealed = {q.id for q in _shown(round_, number, answers)} - {q.id for q in shown}
            if move == "back":
                number = previous_page(round_, answers, number) or number
            elif not revealed:
                following = next_page(round_, answers, number)
                if following is None:
                    return _the_end(round_, answers, language)
                number = following
            form = None
    else:
        form = None
    shown = _shown(round_, number, answers)
    if form is None:
        form = page_form(shown, language, round_.source_language, answers, PREVIEW_DRAFT)
    section = round_.sections[number - 1]
    in_order = shown_pages(round_, answers)
    return render_template(
        "design/preview.html",
        round=round_,
        section=section,
        number=number,
        form=form,
        language=language,
        answers=_signer().dumps(answers),
        position=in_order.index(number) + 1 if number in in_order else None,
        page_count=len(in_order),
        hidden=[q for q in section.questions if q not in shown],
        revealed=[q for q in shown if q.id in revealed],
        # Conditions are told in words in the designer's language (members see no mark).
        condition_in_words=lambda condition: in_words(condition, round_, language),
    )


def _shown(round_, number, answers):
    visible = visible_questions(round_, answers)
    return [q for q in round_.sections[number - 1].questions if q.id in visible]


def _the_end(round_, answers, language):
    return render_template(
        "design/preview_end.html",
        round=round_,
        language=language,
        summary=answer_summary(round_, answers, language),
    )
