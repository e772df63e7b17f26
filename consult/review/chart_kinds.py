"""Two more kinds of chart, drawn from the parts of charts.py: a ranking, with each item's
first places beside its Borda score; and counts in a hierarchy (networks within their
regions), each member indented under its group. breakdown_charts.py draws a question's answers
group by group.

As in charts.py, every figure is drawn as suppression lets it be shown: a hidden count or a
score that is not shown gets the same placeholder whatever it is.
"""

from dataclasses import dataclass

from flask_babel import format_decimal
from flask_babel import gettext as _
from markupsafe import Markup

from ..suppression import Figure
from .charts import (
    BAR_HEIGHT,
    CHARACTER_WIDTH,
    FONT_SIZE,
    GAP,
    GRID_COLOUR,
    MARGIN,
    PLACEHOLDER_LENGTH,
    ROW_HEIGHT,
    VALUE_ROOM,
    WIDE,
    Inline,
    Scale,
    figure_text,
    grid,
    label_limit,
    label_text,
    number,
    percent_tick,
    placeholder,
    rect,
    shorten,
    svg,
    text_width,
    value_text,
)

#: Between the two halves of a ranking chart.
PANEL_GAP = 36
#: Room after a Borda bar for its score: "2.35".
SCORE_ROOM = 56


@dataclass(frozen=True)
class RankedItem:
    #: Already translated; escaped when drawn.
    label: str
    #: Those who ranked it first, with their share of those who answered.
    first: Figure
    #: Its mean Borda points, or None where results.py does not show it.
    borda: float | None


def ranking_chart(
    chart_id: str,
    title: str,
    description: str,
    items: list[RankedItem],
    places: int,
    *,
    rtl: bool = False,
    width: int = WIDE,
) -> Markup:
    """Each item under its label with two bars side by side: the share that ranked it first,
    and its Borda score (from 0 to ``places`` points), each half on a scale of its own."""
    inline = Inline(rtl, width)
    half = (width - 2 * MARGIN - PANEL_GAP) / 2
    score_offset = half + PANEL_GAP
    first_track, score_track = half - VALUE_ROOM, half - SCORE_ROOM
    shares = [i.first.percent for i in items if i.first.shown and i.first.percent is not None]
    scores = [i.borda for i in items if i.borda is not None]
    first_scale = Scale.past(max(shares), 100) if any(shares) else None
    score_scale = Scale.past(max(scores), places) if any(scores) else None
    parts = [
        label_text(inline, 0, MARGIN + FONT_SIZE, _("Ranked first"), "chart-heading", True),
        label_text(
            inline, score_offset, MARGIN + FONT_SIZE, _("Borda score"), "chart-heading", True
        ),
    ]
    rows_top = MARGIN + FONT_SIZE + 2 * GAP
    for index, item in enumerate(items):
        top = rows_top + index * ROW_HEIGHT
        bar_top = top + FONT_SIZE + GAP
        first = figure_text(item.first, use_percent=True)
        if not item.first.shown:
            first_length = PLACEHOLDER_LENGTH
            first_shape = placeholder(inline.span(0, first_length), bar_top)
        else:
            percent = item.first.percent
            first_length = first_scale.length(percent, first_track) if percent else 0
            first_shape = rect(
                "chart-bar", inline.span(0, first_length), bar_top, first_length, BAR_HEIGHT
            )
        if item.borda is None:
            score, score_length = "–", PLACEHOLDER_LENGTH
            score_shape = placeholder(inline.span(score_offset, score_length), bar_top)
        else:
            score = format_decimal(item.borda, format="0.00")
            score_length = score_scale.length(item.borda, score_track) if item.borda else 0
            score_shape = rect(
                "chart-bar-score",
                inline.span(score_offset, score_length),
                bar_top,
                score_length,
                BAR_HEIGHT,
            )
        parts.append(
            Markup(
                '<g class="chart-row"><title>{title}</title>{label}'
                "{first_shape}{first_value}{score_shape}{score_value}</g>"
            ).format(
                title=_(
                    "%(answer)s: ranked first %(first)s, Borda score %(score)s",
                    answer=item.label,
                    first=first,
                    score=score,
                ),
                label=label_text(
                    inline, 0, top + FONT_SIZE, shorten(item.label, label_limit(width))
                ),
                first_shape=first_shape if first_length else "",
                first_value=value_text(inline, first_length + GAP, bar_top, first),
                score_shape=score_shape if score_length else "",
                score_value=value_text(inline, score_offset + score_length + GAP, bar_top, score),
            )
        )
    height = rows_top + len(items) * ROW_HEIGHT
    grids = [
        grid(scale, inline, offset, track, rows_top + FONT_SIZE + GAP, height - 9, tick)
        for scale, offset, track, tick in (
            (first_scale, 0, first_track, percent_tick),
            (score_scale, score_offset, score_track, _score_tick),
        )
        if scale is not None
    ]
    if grids:
        height += FONT_SIZE + GAP
    return svg(chart_id, title, description, height, grids + parts, width)


def _score_tick(value):
    return format_decimal(value, format="#,##0.#")


@dataclass(frozen=True)
class Branch:
    #: Already translated; escaped when drawn.
    label: str
    figure: Figure
    #: 1 for a member of the group drawn above it (a network of its region), else 0.
    depth: int = 0
    #: A group of the rows nested under it (a region).
    group: bool = False


#: A row of a hierarchy: its label and bar on one line.
TREE_ROW = 28
#: How far a member's label is set in from its group's.
INDENT = 28
GROUP_BAR, MEMBER_BAR = 16, 10


def tree_chart(
    chart_id: str,
    title: str,
    description: str,
    branches: list[Branch],
    *,
    rtl: bool = False,
    width: int = WIDE,
) -> Markup:
    """Counts in a hierarchy, one row each: a group's label in bold, its members' set in under
    it and joined to it by a line, every bar starting at the same place and as long as its
    count relative to the largest shown, so a member reads against its group."""
    inline = Inline(rtl, width)
    label_room = min(
        max((text_width(b.label) + b.depth * INDENT for b in branches), default=0) + 2 * GAP,
        0.4 * (width - 2 * MARGIN),
    )
    track = width - 2 * MARGIN - label_room - VALUE_ROOM
    largest = max((b.figure.value for b in branches if b.figure.shown), default=0)
    parts, group_middle, joined = [], None, []
    for index, branch in enumerate(branches):
        middle = MARGIN + index * TREE_ROW + TREE_ROW / 2
        indent = branch.depth * INDENT
        characters = int((label_room - indent - GAP) / (FONT_SIZE * CHARACTER_WIDTH))
        height = MEMBER_BAR if branch.depth else GROUP_BAR
        bar_top = middle - height / 2
        figure = branch.figure
        if not figure.shown:
            length = PLACEHOLDER_LENGTH
            shape = placeholder(inline.span(label_room, length), bar_top, height=height)
        else:
            length = track * figure.value / largest if largest else 0
            css_class = "chart-bar-member" if branch.depth else "chart-bar"
            shape = rect(css_class, inline.span(label_room, length), bar_top, length, height)
        text = figure_text(figure, use_percent=False)
        parts.append(
            Markup('<g class="chart-row"><title>{}</title>{}{}{}</g>').format(
                f"{branch.label}: {text}",
                label_text(
                    inline,
                    indent,
                    middle + FONT_SIZE * 0.35,
                    shorten(branch.label, characters),
                    bold=branch.group,
                ),
                shape if length else "",
                value_text(inline, label_room + length + GAP, bar_top, text, height),
            )
        )
        if branch.depth == 0:
            parts.extend(_joins(inline, group_middle, joined))
            group_middle, joined = (middle if branch.group else None), []
        elif group_middle is not None:
            joined.append(middle)
    parts.extend(_joins(inline, group_middle, joined))
    return svg(chart_id, title, description, MARGIN * 2 + len(branches) * TREE_ROW, parts, width)


def _joins(inline, group_middle, member_middles):
    """The lines that join a group to its members: down from under the group's label, then
    across to each member's."""
    if group_middle is None or not member_middles:
        return []
    x = number(inline.point(INDENT / 2 - 4))
    path = [f"M{x} {number(group_middle + FONT_SIZE / 2)}V{number(member_middles[-1])}"]
    for middle in member_middles:
        path.append(f"M{x} {number(middle)}H{number(inline.point(INDENT - 4))}")
    return [
        Markup(
            '<path class="chart-tree" d="{}" fill="none" stroke="{}" stroke-width="1.5"/>'
        ).format("".join(path), GRID_COLOUR)
    ]
