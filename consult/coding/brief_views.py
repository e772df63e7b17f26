"""The advocacy brief of a round (on the themes blueprint): the printable page, its Markdown,
JSON and Word downloads, and the reviewer's choices of what each theme feeds in the plan."""

import json
import re
from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..downloads import attachment
from ..i18n import current_language
from . import brief as brief_
from . import operations
from .access import load_released_round, reviewers_only
from .forms import brief_choices_form
from .queries import themes_of
from .views import bp


@bp.route("/staff/rounds/<slug>/brief")
@reviewers_only
def brief(slug):
    """The advocacy brief, printable (the browser saves it as PDF)."""
    round_, brief = _brief(slug)
    form = brief_choices_form(list(themes_of(round_.codebook)))
    return render_template("coding/brief.html", form=form, **_brief_context(round_, brief))


@bp.route("/staff/rounds/<slug>/brief.md")
@reviewers_only
def brief_markdown(slug):
    round_, brief = _brief(slug)
    text = render_template("coding/brief.md", **_brief_context(round_, brief))
    return attachment(text, f"brief-{round_.slug}.md", "text/markdown")


@bp.route("/staff/rounds/<slug>/brief.json")
@reviewers_only
def brief_json(slug):
    round_, brief = _brief(slug)
    return attachment(
        json.dumps(brief_.brief_json(brief), ensure_ascii=False, indent=1),
        f"brief-{round_.slug}.json",
        "application/json",
    )


@bp.route("/staff/rounds/<slug>/brief.docx")
@reviewers_only
def brief_word(slug):
    """The brief as a Word document, for teams that edit their plans in Word."""
    from .brief_docx import brief_docx  # python-docx, loaded only for this download

    round_, brief = _brief(slug)
    context = _brief_context(round_, brief)
    return attachment(
        brief_docx(brief, context["title"], context["today"]),
        f"brief-{round_.slug}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@bp.post("/staff/rounds/<slug>/brief")
@reviewers_only
def brief_choices(slug):
    """Save the strategic direction and advocacy activity the reviewer chose per theme."""
    round_ = load_released_round(slug)
    if round_.codebook is None:
        abort(400)
    form = brief_choices_form(list(themes_of(round_.codebook)))
    if not form.validate_on_submit():
        abort(400)
    operations.set_brief_choices(round_, form.choices)
    flash(_("Saved."), "status")
    return redirect(url_for("themes.brief", slug=slug))


def _brief(slug):
    round_ = load_released_round(slug)
    if round_.codebook is None:
        abort(404)
    themes = list(themes_of(round_.codebook).values())
    return round_, brief_.build_brief(round_, themes, current_language())


def _brief_context(round_, brief):
    return {
        "round": round_,
        "brief": brief,
        "title": round_.text("title", round_.content_language(brief.language)),
        "today": date.today(),
        "direction_names": brief_.DIRECTION_NAMES,
        "activity_names": brief_.ACTIVITY_NAMES,
        "few_line": brief_.few_line(brief),
        "differences_note": brief_.differences_note(brief),
        "difference_sentence": brief_.difference_sentence,
        "plain": brief_.figure_text,
        "plain_share": brief_.share_text,
        "language": brief.language,
    }


#: Marks that change a text anywhere in a line: code, emphasis, links, HTML, table cells.
MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: Marks that change a text only at the start of a line: a heading, a list, a quote.
MARKDOWN_LINE_START = re.compile(r"^(?=[#>]|[-+]\s)")
MARKDOWN_ORDERED = re.compile(r"^(\d+)(?=[.)]\s)")


@bp.app_template_filter("markdown_text")
def markdown_text(value):
    """A text that Markdown shows as it is, its lines joined: only the marks Markdown would
    read there are escaped, so "drop-in (public link)" stays as written when the file is
    pasted into a word processor."""
    text = MARKDOWN_INLINE.sub(r"\\\1", " ".join(str(value or "").split()))
    return MARKDOWN_ORDERED.sub(r"\1\\", MARKDOWN_LINE_START.sub("\\\\", text))
