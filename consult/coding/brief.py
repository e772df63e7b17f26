"""The advocacy brief of a round: what a lead takes into a planning meeting. Who answered,
the ranked priorities, and each theme with its definition, figures, breakdowns, approved
quotes and the part of the network's plan it feeds; rendered as a printable page, as
Markdown, as JSON and as a Word document (brief_docx.py), all from the one ``Brief`` built
here, in the reviewer's language.

Everything in it is already protected: figures by small-cell suppression (coding.results),
quotes scrubbed, approved and from groups of at least the round's minimum cell size.
"""

from dataclasses import dataclass, field

from babel.lists import format_list
from flask_babel import format_decimal, format_percent, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..codebooks.starter import STRATEGIC_DIRECTIONS
from ..extensions import db
from ..i18n import native_name, pick
from .differences import FALSE_DISCOVERY_RATE, notable_differences
from .models import ACTIVITIES, BriefTheme, Quote
from .queries import quote_group_sizes
from .results import NOT_RELEASED, headline_findings, ranked_priorities, theme_results

DIRECTION_NAMES = dict(
    zip(
        STRATEGIC_DIRECTIONS,
        (
            _l("Network Development"),
            _l("Partnership Development"),
            _l("Programming and Technical Support"),
            _l("Advocacy and Campaigning"),
        ),
        strict=True,
    )
)
ACTIVITY_NAMES = dict(
    zip(
        ACTIVITIES,
        (
            _l("High-level advocacy"),
            _l("Advocacy materials"),
            _l("Campaigns"),
            _l("Fundraising"),
        ),
        strict=True,
    )
)


@dataclass
class BriefQuote:
    text: str
    language: str
    language_name: str
    translation: str | None


@dataclass
class BriefSection:
    theme: object
    name: str
    definition: str
    #: The theme's row of theme results: its figure, and by region and language.
    row: object
    by_region: dict
    by_language: dict
    direction: str | None
    #: Why it is not shown by region or language (coding.results), or None.
    total_only: str | None
    activity: str | None
    quotes: list = field(default_factory=list)


@dataclass
class Brief:
    round: object
    language: str
    results: object
    regions: list
    languages: list
    priorities: list
    sections: list
    #: Headline findings from the closed questions (coding.results.headline_findings).
    findings: list = field(default_factory=list)
    #: Names of the themes raised by fewer members than the round's minimum cell size, with
    #: nothing else to show: one line, not a section of "fewer than" tables.
    few: list = field(default_factory=list)
    #: Notable differences between regions or languages (coding.differences).
    differences: object = None


def build_brief(round_, themes, language):
    """The Brief of ``round_`` in the interface ``language``: its themes (top-level ones,
    sub-themes counted in) with at least one respondent, most often mentioned first."""
    content_language = round_.content_language(language)
    overall = theme_results(round_, themes, None, content_language)
    by_region = theme_results(round_, themes, "region", content_language)
    by_language = theme_results(round_, themes, "language", content_language)
    region_rows = {row.theme.id: row for row in by_region.rows}
    language_rows = {row.theme.id: row for row in by_language.rows}
    choices = {
        choice.theme_id: choice
        for choice in db.session.scalars(select(BriefTheme).where(BriefTheme.round_id == round_.id))
    }
    quotes = _approved_quotes(round_)
    sections, few = [], []
    for row in overall.rows:
        if row.count.value == 0 or row.total_only == NOT_RELEASED:
            continue
        theme = row.theme
        choice = choices.get(theme.id)
        theme_quotes = quotes.get(theme.id, []) + [
            q for child in row.children for q in quotes.get(child.theme.id, [])
        ]
        if not row.count.shown and not theme_quotes:
            few.append(pick(theme.name, language, "en") or theme.code)
            continue
        sections.append(
            BriefSection(
                theme=theme,
                name=pick(theme.name, language, "en") or theme.code,
                definition=pick(theme.definition, language, "en"),
                row=row,
                by_region=region_rows[theme.id].by_group,
                by_language=language_rows[theme.id].by_group,
                total_only=region_rows[theme.id].total_only or language_rows[theme.id].total_only,
                direction=(choice.strategic_direction if choice else None)
                or theme.strategic_direction,
                activity=choice.activity if choice else None,
                quotes=theme_quotes,
            )
        )
    sections.sort(key=lambda s: -(s.row.count.value or 0))
    return Brief(
        round=round_,
        language=language,
        results=overall,
        regions=by_region.columns,
        languages=by_language.columns,
        priorities=ranked_priorities(round_, content_language),
        sections=sections,
        findings=headline_findings(round_, content_language),
        few=sorted(few, key=str.casefold),
        differences=notable_differences(round_, content_language),
    )


def _approved_quotes(round_):
    """{theme id: [BriefQuote]} of the approved quotes from groups large enough."""
    quotes = db.session.scalars(
        select(Quote)
        .where(Quote.round_id == round_.id, Quote.approved_by.is_not(None))
        .order_by(Quote.language, Quote.id)
    ).all()
    sizes = quote_group_sizes(round_.id, quotes)
    found = {}
    for quote in quotes:
        if sizes[quote.id] >= round_.min_cell_size and quote.theme_id is not None:
            found.setdefault(quote.theme_id, []).append(
                BriefQuote(
                    quote.text, quote.language, native_name(quote.language), quote.translation
                )
            )
    return found


def finding_words(finding):
    """(share, what was said) of a headline finding, as the page's _figures.finding_item
    writes them."""
    said = (
        _("agree:")
        if finding.answer is None
        else _("answered “%(answer)s” to:", answer=finding.answer)
    )
    return format_percent(finding.percent / 100, format="#,##0%"), said


def difference_sentence(difference):
    """A difference as one sentence, with its figures and its base."""
    words = dict(
        group=difference.group,
        percent=format_percent(difference.percent / 100, format="#,##0%"),
        answer=difference.answer,
        question=difference.text,
        elsewhere=format_percent(difference.elsewhere / 100, format="#,##0%"),
        base=format_decimal(difference.base),
    )
    if difference.grouping == "region":
        return _(
            "In %(group)s, %(percent)s answered “%(answer)s” to “%(question)s”, against "
            "%(elsewhere)s elsewhere (%(base)s answers).",
            **words,
        )
    return _(
        "Among the answers in %(group)s, %(percent)s were “%(answer)s” to “%(question)s”, "
        "against %(elsewhere)s in the other languages (%(base)s answers).",
        **words,
    )


def differences_note(brief):
    """What the differences were tested with, or None when nothing could be tested."""
    tested = brief.differences.tested if brief.differences else 0
    if not tested:
        return None
    if not brief.differences.found:
        return ngettext(
            "No difference between regions or languages stands out: %(num)d comparison tested.",
            "No difference between regions or languages stands out: %(num)d comparisons tested.",
            tested,
        )
    return ngettext(
        "Named only when unlikely to be chance, after correcting for the %(num)d comparison "
        "made (Benjamini–Hochberg, false discovery rate 5%%).",
        "Named only when unlikely to be chance, after correcting for the %(num)d comparisons "
        "made (Benjamini–Hochberg, false discovery rate 5%%).",
        tested,
    )


def few_line(brief):
    """The one line naming the themes too few members raised to show, or None."""
    if not brief.few:
        return None
    return _(
        "Also raised, by fewer than %(k)d members each: %(themes)s.",
        k=brief.round.min_cell_size,
        themes=format_list(brief.few, locale=brief.language),
    )


def figure_text(figure):
    """A figure as plain text (Markdown, Word): its count, or why it is not shown."""
    if figure.shown:
        return format_decimal(figure.value)
    if figure.hidden_because == "small":
        return _("fewer than %(k)d", k=figure.threshold)
    return _("hidden")


def share_text(figure):
    if figure.percent is None:
        return "–"
    return format_percent(figure.percent / 100, format="#,##0%")


def figure_json(figure):
    """A figure as JSON: its count, or null and why it is hidden, and its share."""
    return {
        "count": figure.value,
        "hidden": figure.hidden_because,
        "fewer_than": figure.threshold if figure.hidden_because == "small" else None,
        "percent": round(figure.percent, 1) if figure.percent is not None else None,
    }


def brief_json(brief):
    def columns(found):
        return [
            {"group": str(value), "label": str(label), **figure_json(margin)}
            for value, label, margin in found
        ]

    def breakdown(by_group, found):
        return [
            {"group": str(value), "label": str(label), **figure_json(by_group[value])}
            for value, label, _margin in found
        ]

    return {
        "format": "consult-brief/1",
        "round": brief.round.slug,
        "title": brief.round.text("title", brief.round.content_language(brief.language)),
        "language": brief.language,
        "minimum_cell_size": brief.round.min_cell_size,
        "respondents": {
            **figure_json(brief.results.responses),
            "by_region": columns(brief.regions),
            "by_language": columns(brief.languages),
        },
        "findings": [
            {
                "question": finding.question.code,
                "text": finding.text,
                "answer": finding.code,
                "label": finding.answer,
                "agreeing": finding.answer is None,
                "percent": round(finding.percent),
            }
            for finding in brief.findings
        ],
        "priorities": [
            {
                "question": result.question.code,
                "text": result.text,
                "ranked_first": [
                    {"option": row.code, "label": row.label, **figure_json(row.count)}
                    for row in result.choices
                ],
            }
            for result in brief.priorities
        ],
        "themes": [
            {
                "code": section.theme.code,
                "name": section.name,
                "definition": section.definition,
                "respondents": figure_json(section.row.count),
                # Why the theme is not broken down: "close to another" (its respondents differ
                # by fewer than k from another set's), "too many" themes, or null.
                "shown_in_total_only": section.total_only,
                "by_region": breakdown(section.by_region, brief.regions),
                "by_language": breakdown(section.by_language, brief.languages),
                "strategic_direction": section.direction,
                "activity": section.activity,
                "quotes": [
                    {
                        "text": quote.text,
                        "language": quote.language,
                        "translation": quote.translation,
                    }
                    for quote in section.quotes
                ],
            }
            for section in brief.sections
        ],
        "raised_by_fewer_than_minimum": brief.few,
        "differences": {
            "comparisons_tested": brief.differences.tested,
            "false_discovery_rate": FALSE_DISCOVERY_RATE,
            "found": [
                {
                    "question": d.question.code,
                    "text": d.text,
                    "by": d.grouping,
                    "group": d.group,
                    "answer": d.answer,
                    "percent": round(d.percent),
                    "elsewhere": round(d.elsewhere),
                    "base": d.base,
                    "adjusted_p": d.adjusted_p,
                }
                for d in brief.differences.found
            ],
        },
    }
