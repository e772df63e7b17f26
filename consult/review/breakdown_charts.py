"""A question's answers group by group (a breakdown by region, network, language or another
question, or two rounds side by side), drawn as inline SVG from the parts of charts.py.

- ``shares_chart``: where each member gives one answer, one bar per group split into the
  shares of its answers (a stacked 100 % bar), every group's bar on the same track;
- ``multiples_chart``: where members tick several answers, whose shares add up to more than
  100 %, one small bar chart per answer with a bar per group, all on one scale.

A hidden count is drawn as the same outline whatever it is: in a stacked bar it takes no part
of the bar (whose shown shares are all it is made of) but a fixed square after it.
"""

from dataclasses import dataclass

from flask_babel import format_number, format_percent
from flask_babel import gettext as _
from markupsafe import Markup

from ..suppression import Figure
from .charts import (
    CHARACTER_WIDTH,
    FONT_SIZE,
    GAP,
    GRID_COLOUR,
    MARGIN,
    PLACEHOLDER_LENGTH,
    WIDE,
    Inline,
    Scale,
    grid,
    hidden_text,
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

#: Colour-blind-safe colours for answers in no order (Okabe and Ito's, then Tol's).
CATEGORICAL = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#882255",
    "#44aa99",
    "#999933",
)
#: From one end of an ordered scale to the other, through a neutral middle (ColorBrewer BrBG).
DIVERGING = ("#8c510a", "#d8b365", "#e0e0e0", "#5ab4ac", "#01665e")
#: "Other" and "prefer not to say", after the answers, in greys.
ROLE_COLOURS = {"other": "#8c8c8c", "prefer_not": "#c4c4c4"}
INK, WHITE = "#1b1b1b", "#ffffff"

SWATCH = 12
LEGEND_ROW = 24
SHARE_ROW, SHARE_BAR = 32, 20
MULTIPLE_ROW, MULTIPLE_BAR = 24, 12
PANEL_GAP = 32


@dataclass(frozen=True)
class Answer:
    #: Already translated; escaped when drawn.
    label: str
    #: "option", "other" or "prefer_not".
    role: str = "option"


@dataclass(frozen=True)
class Group:
    #: Already translated; escaped when drawn.
    label: str
    #: Those in the group who answered: what the shares are of.
    answered: Figure
    #: One Figure per answer, in the order of the answers, with its share of ``answered``.
    figures: tuple
    #: The whole (everyone), drawn first and in bold, for the groups to read against.
    whole: bool = False


def shares_chart(
    chart_id: str,
    title: str,
    description: str,
    answers: list[Answer],
    groups: list[Group],
    *,
    ordered: bool,
    rtl: bool = False,
    width: int = WIDE,
) -> Markup:
    """One bar per group, from the start edge: the share of each answer shown, in the order
    of ``answers`` and in its colour (a diverging scale when ``ordered``), its percent written
    in it where it fits; the bar's frame is 100 %. After it, a square for each hidden answer
    and how many answered."""
    inline = Inline(rtl, width)
    colours = answer_colours(answers, ordered)
    hidden = next((f for g in groups for f in g.figures if not f.shown), None)
    parts, top = _legend(inline, answers, colours, width, hidden)
    label_room = _label_room(groups, width - 2 * MARGIN, 0.3)
    answered = [_answered_text(group.answered) for group in groups]
    most_hidden = max((sum(not f.shown for f in g.figures) for g in groups), default=0)
    value_room = 2 * GAP + most_hidden * (SWATCH + 4) + max(map(text_width, answered), default=0)
    track = width - 2 * MARGIN - label_room - value_room
    for group, answered_text in zip(groups, answered, strict=True):
        bar_top = top + (SHARE_ROW - SHARE_BAR) / 2
        middle = bar_top + SHARE_BAR / 2
        row = [
            label_text(
                inline,
                0,
                middle + FONT_SIZE * 0.35,
                shorten(group.label, _characters(label_room - GAP)),
                bold=group.whole,
            ),
            Markup(
                '<rect class="chart-frame" x="{}" y="{}" width="{}" height="{}" fill="none" '
                'stroke="{}" stroke-width="1"/>'
            ).format(
                number(inline.span(label_room, track)),
                number(bar_top),
                number(track),
                SHARE_BAR,
                GRID_COLOUR,
            ),
        ]
        shown = [f.percent for f in group.figures if f.shown and f.percent]
        # Perturbed shares can add up to a little more than 100 %: the bar stays in its frame.
        fit = 100 / max(100, sum(shown))
        offset, after = label_room, label_room + track + GAP
        for answer, figure, colour in zip(answers, group.figures, colours, strict=True):
            name = f"{group.label} · {answer.label}"
            if not figure.shown:
                x = inline.span(after, SWATCH)
                row.append(
                    Markup("<g><title>{}: {}</title>{}</g>").format(
                        name, hidden_text(figure), _hidden_cell(x, middle - SWATCH / 2, colour)
                    )
                )
                after += SWATCH + 4
            elif figure.percent:
                length = track * figure.percent * fit / 100
                row.append(_segment(inline, offset, length, bar_top, name, figure, colour))
                offset += length
        row.append(value_text(inline, after + GAP - 4, bar_top, answered_text, SHARE_BAR))
        parts.append(Markup('<g class="chart-row">{}</g>').format(Markup("").join(row)))
        top += SHARE_ROW + (GAP if group.whole else 0)
    return svg(chart_id, title, description, top + MARGIN, parts, width)


def _segment(inline, offset, length, bar_top, name, figure, colour):
    """One answer's share of a group's bar, with its percent in it where the percent fits."""
    percent = format_percent(figure.percent / 100, format="#,##0%")
    text = ""
    if length >= text_width(percent) + GAP:
        text = Markup('<text class="chart-share" x="{}" y="{}" fill="{}"{}>{}</text>').format(
            number(inline.point(offset + length / 2)),
            number(bar_top + SHARE_BAR / 2 + FONT_SIZE * 0.35),
            readable_on(colour),
            inline.anchor("middle"),
            percent,
        )
    return Markup(
        '<g><title>{}: {} ({})</title><rect class="chart-segment" x="{}" y="{}" width="{}" '
        'height="{}" fill="{}" stroke="#ffffff" stroke-width="1"/>{}</g>'
    ).format(
        name,
        format_number(figure.value),
        percent,
        number(inline.span(offset, length)),
        number(bar_top),
        number(length),
        SHARE_BAR,
        colour,
        text,
    )


def _hidden_cell(x, y, colour):
    """A hidden answer of a group: a dashed square in the answer's colour, the same whatever
    the count."""
    return Markup(
        '<rect class="chart-cell-hidden" x="{}" y="{}" width="{}" height="{}" fill="{}" '
        'stroke="currentColor" stroke-width="1" stroke-dasharray="3 2"/>'
    ).format(number(x), number(y), SWATCH, SWATCH, colour)


def _legend(inline, answers, colours, width, hidden=None):
    """Each answer's colour and label, in the bars' order, then, when some count is
    ``hidden`` (a Figure), the square that stands for one; running on to a new line when the
    line is full. Returns (parts, where the rows start)."""
    parts, offset, line = [], 0, 0
    available = width - 2 * MARGIN
    items = [
        (shorten(answer.label, 40), colour, False)
        for answer, colour in zip(answers, colours, strict=True)
    ]
    if hidden is not None:
        items.append((hidden_text(hidden), WHITE, True))
    for label, colour, is_hidden in items:
        item = SWATCH + GAP + text_width(label) + 3 * GAP
        if offset and offset + item > available:
            offset, line = 0, line + 1
        top = MARGIN + line * LEGEND_ROW
        x = inline.span(offset, SWATCH)
        if is_hidden:
            swatch = _hidden_cell(x, top + 4, colour)
        else:
            swatch = Markup(
                '<rect class="chart-swatch" x="{}" y="{}" width="{}" height="{}" fill="{}" '
                'stroke="#767676" stroke-width="0.5"/>'
            ).format(number(x), number(top + 4), SWATCH, SWATCH, colour)
        parts.append(
            Markup("{}{}").format(
                swatch, label_text(inline, offset + SWATCH + GAP, top + FONT_SIZE, label)
            )
        )
        offset += item
    legend = Markup('<g class="chart-legend">{}</g>').format(Markup("").join(parts))
    return [legend], MARGIN + (line + 1) * LEGEND_ROW + GAP


def multiples_chart(
    chart_id: str,
    title: str,
    description: str,
    answers: list[Answer],
    groups: list[Group],
    *,
    rtl: bool = False,
    width: int = WIDE,
) -> Markup:
    """One small bar chart per answer, two side by side on a wide chart: its title, then a
    bar per group for the group's share that gave it, every chart on the same scale."""
    inline = Inline(rtl, width)
    columns = 2 if width >= WIDE else 1
    panel = (width - 2 * MARGIN - (columns - 1) * PANEL_GAP) / columns
    label_room = _label_room(groups, panel, 0.4)
    texts = [[_share_text(g.figures[i]) for g in groups] for i in range(len(answers))]
    # Room after the longest bar for the figures of shown counts; a hidden count's words
    # follow its short placeholder, well inside the track.
    shown_texts = [
        text
        for index, row in enumerate(texts)
        for group, text in zip(groups, row, strict=True)
        if group.figures[index].shown
    ]
    value_room = 2 * GAP + max(map(text_width, shown_texts), default=0)
    track = panel - label_room - value_room
    shares = [f.percent for g in groups for f in g.figures if f.shown and f.percent]
    scale = Scale.past(max(shares), 100) if shares else None
    panel_height = FONT_SIZE + GAP + len(groups) * MULTIPLE_ROW + FONT_SIZE + 4 * GAP
    parts = []
    for index, answer in enumerate(answers):
        offset = (index % columns) * (panel + PANEL_GAP)
        top = MARGIN + (index // columns) * panel_height
        rows_top = top + FONT_SIZE + GAP
        rows_bottom = rows_top + len(groups) * MULTIPLE_ROW
        panel_parts = [
            label_text(
                inline,
                offset,
                top + FONT_SIZE,
                shorten(answer.label, _characters(panel)),
                "chart-heading",
                True,
            )
        ]
        if scale is not None:
            panel_parts.append(
                grid(scale, inline, offset + label_room, track, rows_top, rows_bottom, percent_tick)
            )
        for row_index, group in enumerate(groups):
            figure = group.figures[index]
            bar_top = rows_top + row_index * MULTIPLE_ROW + (MULTIPLE_ROW - MULTIPLE_BAR) / 2
            start = offset + label_room
            if not figure.shown:
                length = PLACEHOLDER_LENGTH
                shape = placeholder(inline.span(start, length), bar_top, height=MULTIPLE_BAR)
            else:
                length = scale.length(figure.percent, track) if figure.percent else 0
                shape = rect("chart-bar", inline.span(start, length), bar_top, length, MULTIPLE_BAR)
            text = texts[index][row_index]
            panel_parts.append(
                Markup('<g class="chart-row"><title>{}: {}</title>{}{}{}</g>').format(
                    f"{answer.label} · {group.label}",
                    text,
                    label_text(
                        inline,
                        offset,
                        bar_top + MULTIPLE_BAR / 2 + FONT_SIZE * 0.35,
                        shorten(group.label, _characters(label_room - GAP)),
                        bold=group.whole,
                    ),
                    shape if length else "",
                    value_text(inline, start + length + GAP, bar_top, text, MULTIPLE_BAR),
                )
            )
        parts.append(Markup('<g class="chart-panel">{}</g>').format(Markup("").join(panel_parts)))
    lines = -(-len(answers) // columns)
    return svg(chart_id, title, description, MARGIN + lines * panel_height, parts, width)


def _share_text(figure):
    if not figure.shown:
        return hidden_text(figure)
    if figure.percent is None:
        return format_number(figure.value)
    return format_percent(figure.percent / 100, format="#,##0%")


def _answered_text(figure):
    count = format_number(figure.value) if figure.shown else hidden_text(figure)
    # I18N: After a group's bar in a chart: how many in the group answered the question.
    return _("%(count)s answered", count=count)


def _label_room(groups, available, most):
    """Room for the groups' labels: the longest, up to ``most`` of what is ``available``."""
    longest = max((text_width(group.label) for group in groups), default=0)
    return min(longest + 2 * GAP, most * available)


def _characters(room):
    return max(4, int(room / (FONT_SIZE * CHARACTER_WIDTH)))


# Colours ------------------------------------------------------------------------------------


def answer_colours(answers, ordered):
    """A colour per answer: a diverging scale along an ordered one's points, else distinct
    colours; greys for "other" and "prefer not to say"."""
    options = [answer for answer in answers if answer.role not in ROLE_COLOURS]
    if ordered:
        steps = max(len(options) - 1, 1)
        option_colours = [_along(DIVERGING, i / steps) for i in range(len(options))]
    else:
        option_colours = [CATEGORICAL[i % len(CATEGORICAL)] for i in range(len(options))]
    colours = iter(option_colours)
    return [ROLE_COLOURS.get(answer.role) or next(colours) for answer in answers]


def _along(stops, position):
    """The colour at ``position`` (0 to 1) along evenly spaced ``stops``."""
    place = position * (len(stops) - 1)
    index = min(int(place), len(stops) - 2)
    low, high = _rgb(stops[index]), _rgb(stops[index + 1])
    fraction = place - index
    return "#" + "".join(
        f"{round(a + (b - a) * fraction):02x}" for a, b in zip(low, high, strict=True)
    )


def _rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = map(channel, _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, other):
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(colour):
    """The ink or white, whichever stands out more on ``colour``."""
    return WHITE if contrast(WHITE, colour) >= contrast(INK, colour) else INK
