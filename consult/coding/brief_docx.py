"""The advocacy brief as a Word document, since advocacy teams edit their plans in Word: the
same Brief as the page, with the page's words and figures (brief.figure_text, share_text),
right to left in Arabic and Persian. Built with python-docx on its default template, so a
team can restyle it with Word's own styles (headings, tables, "Quote")."""

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement
from flask_babel import format_date
from flask_babel import gettext as _

from ..i18n import text_direction
from .brief import (
    ACTIVITY_NAMES,
    DIRECTION_NAMES,
    difference_sentence,
    differences_note,
    few_line,
    figure_text,
    finding_words,
    share_text,
)


def brief_docx(brief, title, today):
    """The .docx bytes of ``brief``; ``title`` is the round's, in the brief's language."""
    word = _Writer(right_to_left=text_direction(brief.language) == "rtl")
    word.heading(_("Advocacy brief") + ": " + title, 0)
    word.paragraph(
        _(
            "Prepared on %(date)s from the answers and the reviewers' coding as last released. "
            "Every figure is adjusted by one or two at most, and no count below %(k)d is shown.",
            date=format_date(today),
            k=brief.round.min_cell_size,
        )
    )
    if brief.findings:
        word.heading(_("Headline findings"), 1)
        for finding in brief.findings:
            percent, said = finding_words(finding)
            word.paragraph((percent, True), f" {said} {finding.text}", style="List Bullet")
    if brief.differences and brief.differences.found:
        word.heading(_("Differences between regions and languages"), 2)
        for difference in brief.differences.found:
            word.paragraph(difference_sentence(difference), style="List Bullet")
    if differences_note(brief):
        word.paragraph(differences_note(brief))
    _who_answered(word, brief)
    if brief.priorities:
        word.heading(_("Ranked priorities"), 1)
        for result in brief.priorities:
            word.heading(result.text, 2)
            word.table(
                (_("Option"), _("Ranked it first"), _("Share")),
                [(r.label, figure_text(r.count), share_text(r.count)) for r in result.choices],
            )
    word.heading(_("What members wrote about"), 1)
    few = few_line(brief)
    if not brief.sections and not few:
        word.paragraph(_("No theme has been confirmed by a reviewer yet."))
    for section in brief.sections:
        _theme(word, brief, section)
    if few:
        word.paragraph(few)
    return word.saved()


def _who_answered(word, brief):
    word.heading(_("Who answered"), 1)
    word.paragraph(_("Responses:") + " ", (figure_text(brief.results.responses), True))
    for heading, columns in ((_("Region"), brief.regions), (_("Language"), brief.languages)):
        word.table(
            (heading, _("Respondents")),
            [(label, figure_text(margin)) for _value, label, margin in columns],
        )


def _theme(word, brief, section):
    word.heading(section.name, 2)
    if section.definition:
        word.paragraph(section.definition)
    word.paragraph(
        _("Respondents who wrote about it:") + " ",
        (figure_text(section.row.count), True),
        f" ({share_text(section.row.count)})",
    )
    direction = (
        DIRECTION_NAMES.get(section.direction, section.direction)
        if section.direction
        else _("not chosen")
    )
    activity = ACTIVITY_NAMES[section.activity] if section.activity else _("not chosen")
    word.paragraph(
        _("Strategic direction:") + " ",
        (str(direction), True),
        " · " + _("Advocacy activity:") + " ",
        (str(activity), True),
    )
    for heading, by_group, columns in (
        (_("Region"), section.by_region, brief.regions),
        (_("Language"), section.by_language, brief.languages),
    ):
        if any(figure.shown for figure in by_group.values()):  # never a table of hidden cells
            word.table(
                (heading, _("Respondents"), _("Share")),
                [
                    (label, figure_text(by_group[value]), share_text(by_group[value]))
                    for value, label, _margin in columns
                ],
            )
    for quote in section.quotes:
        word.paragraph(quote.text, style="Quote")
        caption = _("A member, in %(language)s", language=quote.language_name)
        word.paragraph(caption + (f": {quote.translation}" if quote.translation else ""))


#: What follows w:bidi in a paragraph's properties (ECMA-376, CT_PPrBase).
BIDI_BEFORE = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


class _Writer:
    """A document written top to bottom; in a right-to-left language every paragraph, run
    and table is marked right to left (w:bidi, w:rtl, w:bidiVisual), as Word does itself."""

    def __init__(self, right_to_left):
        self.document, self.right_to_left = Document(), right_to_left

    def heading(self, text, level):
        self._direction(self.document.add_heading(str(text), level))

    def paragraph(self, *pieces, style=None):
        """A paragraph of pieces: a text, or (text, bold)."""
        paragraph = self.document.add_paragraph(style=style)
        for piece in pieces:
            text, bold = piece if isinstance(piece, tuple) else (piece, False)
            paragraph.add_run(str(text)).bold = bold or None
        self._direction(paragraph)

    def table(self, header, rows):
        table = self.document.add_table(rows=1, cols=len(header), style="Table Grid")
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = str(text)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = str(text)
        if self.right_to_left:
            table.table_direction = WD_TABLE_DIRECTION.RTL
            for cell in (c for r in table.rows for c in r.cells):
                for paragraph in cell.paragraphs:
                    self._direction(paragraph)
        self.document.add_paragraph()  # Word runs two tables together without one between

    def _direction(self, paragraph):
        if not self.right_to_left:
            return
        # python-docx has no setting for a paragraph's direction: w:bidi goes where the
        # schema puts it, before these (Word refuses a file with it elsewhere).
        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *BIDI_BEFORE)
        for run in paragraph.runs:
            run.font.rtl = True

    def saved(self):
        out = BytesIO()
        self.document.save(out)
        return out.getvalue()
