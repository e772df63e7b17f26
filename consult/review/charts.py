"""Charts for the results pages, drawn on the server as inline SVG: the bar and column charts,
and the parts every chart is made of (chart_kinds.py draws the others from them).

The pages work without JavaScript, under a Content-Security-Policy that allows no inline style,
so a chart is plain markup: presentation attributes for a page without CSS, classes for
consult.css. A chart is drawn from Figures as ``suppression`` lets them be shown: a hidden count
gets the same placeholder whatever it is, so no length, position or text can give it away.

A chart is drawn at one of two widths, in its own units: ``NARROW`` for members' phones, where
the text of a 400-unit chart on a 360px screen is still about 12px; ``WIDE`` for staff pages,
whose text matches the page's at the width of a wide page (64rem), so its bars use that width.
"""

import math
from dataclasses import dataclass

from flask_babel import format_number, format_percent
from flask_babel import gettext as _
from markupsafe import Markup

from ..suppression import SMALL, Figure

NARROW = 400
WIDE = 960
MARGIN = 4
FONT_SIZE = 15
#: Room after the longest bar for its figure: "1,234 (100%)", "fewer than 10".
VALUE_ROOM = 104
#: Between a bar or column and the figure written at its end.
GAP = 6
BAR_HEIGHT = 14
#: A label line above the bar, the bar, and space before the next label.
ROW_HEIGHT = 44
#: The length of every hidden bar and the height of every hidden column: it comes from no data.
PLACEHOLDER_LENGTH = 24
#: Labels longer than this are cut with an ellipsis; the bar's tooltip keeps the whole label.
LABEL_LIMIT = 48
WIDE_LABEL_LIMIT = 100
COLUMN_LABEL_LIMIT = 24
COLUMN_MAX_HEIGHT = 120
#: A rough width of one character, in font sizes, to tell whether a text fits its column.
CHARACTER_WIDTH = 0.6
#: The line of tick values under a chart with a scale.
AXIS_HEIGHT = FONT_SIZE + GAP
GRID_COLOUR = "#d5d5d5"


@dataclass(frozen=True)
class Bar:
    #: Already translated; escaped when drawn.
    label: str
    #: The count (and maybe percent) as suppression allows it to be shown.
    figure: Figure


def bar_track(width):
    """The length of the longest possible bar of a chart ``width`` units wide."""
    return width - 2 * MARGIN - VALUE_ROOM


def label_limit(width):
    return LABEL_LIMIT if width <= NARROW else WIDE_LABEL_LIMIT


@dataclass(frozen=True)
class Scale:
    """From 0 to ``end``, with a tick every ``step``. ``end`` is the first tick past the
    largest value drawn (``cap`` at most: 100 %, or the most Borda points), so the longest bar
    takes most of its track and every bar reads against the same ticks."""

    end: float
    step: float

    @classmethod
    def past(cls, largest, cap):
        """The scale for values up to ``largest`` (more than 0), with three to six ticks."""
        rough = largest / 5
        magnitude = 10 ** math.floor(math.log10(rough))
        step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
        return cls(min(cap, step * (math.floor(largest / step + 1e-9) + 1)), step)

    def ticks(self):
        return [self.step * i for i in range(int(self.end / self.step + 1e-9) + 1)]

    def length(self, value, track):
        return track * min(value, self.end) / self.end


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: list[Bar],
    *,
    rtl: bool = False,
    use_percent: bool = True,
    width: int = NARROW,
) -> Markup:
    """Horizontal bars, each under its label, the figure written at the bar's end. With
    ``use_percent`` a bar's length is its percent on a scale whose ticks are drawn (up to the
    first tick past the largest percent shown); without, its count relative to the largest
    shown count."""
    inline = Inline(rtl, width)
    track = bar_track(width)
    shown = [bar.figure for bar in bars if bar.figure.shown]
    scale = None
    if use_percent:
        largest = max((f.percent for f in shown if f.percent is not None), default=0)
        scale = Scale.past(largest, 100) if largest else None
    else:
        largest = max((f.value for f in shown), default=0)
    rows = []
    for index, bar in enumerate(bars):
        figure = bar.figure
        top = MARGIN + index * ROW_HEIGHT
        bar_top = top + FONT_SIZE + GAP
        if not figure.shown:
            length = PLACEHOLDER_LENGTH
            shape = placeholder(inline.span(0, length), bar_top)
        else:
            if use_percent:
                length = scale.length(figure.percent, track) if figure.percent else 0
            else:
                length = track * figure.value / largest if largest else 0
            shape = rect("chart-bar", inline.span(0, length), bar_top, length, BAR_HEIGHT)
        text = figure_text(figure, use_percent)
        rows.append(
            Markup('<g class="chart-row"><title>{title}</title>{label}{shape}{value}</g>').format(
                title=f"{bar.label}: {text}",
                label=label_text(
                    inline, 0, top + FONT_SIZE, shorten(bar.label, label_limit(width))
                ),
                shape=shape if length else "",
                value=value_text(inline, length + GAP if length else 0, bar_top, text),
            )
        )
    height = MARGIN + len(bars) * ROW_HEIGHT
    if scale is not None:
        first_bar = MARGIN + FONT_SIZE + GAP
        rows.insert(0, grid(scale, inline, 0, track, first_bar, height - 9, percent_tick))
        height += AXIS_HEIGHT
    return svg(chart_id, title, description, height, rows, width)


def label_text(inline, offset, baseline, label, css_class="chart-label", bold=False):
    return Markup('<text class="{}" x="{}" y="{}"{}{}>{}</text>').format(
        css_class,
        number(inline.point(offset)),
        number(baseline),
        Markup(' font-weight="700"') if bold else "",
        inline.anchor("start"),
        label,
    )


def value_text(inline, offset, bar_top, text, bar_height=BAR_HEIGHT):
    """A figure written from ``offset``, its baseline near the middle of the bar beside it:
    about a third of the text below the middle."""
    return Markup('<text class="chart-value" x="{}" y="{}"{}>{}</text>').format(
        number(inline.point(offset)),
        number(bar_top + bar_height / 2 + FONT_SIZE * 0.35),
        inline.anchor("start"),
        text,
    )


def grid(scale, inline, offset, track, top, bottom, tick_text):
    """Light lines at each tick of ``scale`` from ``top`` to ``bottom``, behind the bars of a
    track that begins ``offset`` from the start edge; the ticks' values under them."""
    parts = []
    for tick in scale.ticks():
        x = number(inline.point(offset + scale.length(tick, track)))
        parts.append(
            Markup(
                '<line class="chart-grid" x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" '
                'stroke="{colour}" stroke-width="1"/>'
                '<text class="chart-tick" x="{x}" y="{baseline}"{anchor}>{text}</text>'
            ).format(
                x=x,
                top=number(top),
                bottom=number(bottom),
                colour=GRID_COLOUR,
                baseline=number(bottom + FONT_SIZE + 2),
                # The first tick's value starts at the edge, where a centred one would be cut.
                anchor=inline.anchor("start" if tick == 0 else "middle"),
                text=tick_text(tick),
            )
        )
    return Markup('<g class="chart-scale" aria-hidden="true">{}</g>').format(Markup("").join(parts))


def percent_tick(value):
    return format_percent(value / 100, format="#,##0%")


def column_chart(
    chart_id: str, title: str, description: str, bars: list[Bar], *, rtl: bool = False
) -> Markup:
    """Vertical columns, heights relative to the largest shown count, labels under the columns.
    Texts too wide for their column are turned to run upwards or downwards."""
    inline = Inline(rtl, NARROW)
    slot = (NARROW - 2 * MARGIN) / max(len(bars), 1)
    column_width = min(slot * 0.6, 48)
    largest = max((bar.figure.value for bar in bars if bar.figure.shown), default=0)
    texts = [figure_text(bar.figure, use_percent=False) for bar in bars]
    labels = [shorten(bar.label, COLUMN_LABEL_LIMIT) for bar in bars]
    values_upright = all(text_width(text) <= slot - 4 for text in texts)
    labels_upright = all(text_width(label) <= slot - 4 for label in labels)
    heights = [
        PLACEHOLDER_LENGTH
        if not bar.figure.shown
        else (COLUMN_MAX_HEIGHT * bar.figure.value / largest if largest else 0)
        for bar in bars
    ]
    # The baseline sits low enough for the tallest column with its figure above it.
    baseline = MARGIN + max(
        (
            column_height + GAP + (FONT_SIZE if values_upright else text_width(text))
            for column_height, text in zip(heights, texts, strict=True)
        ),
        default=0,
    )
    label_room = FONT_SIZE if labels_upright else max(map(text_width, labels), default=0)
    height = baseline + GAP + label_room + MARGIN
    parts = [
        Markup(
            '<line class="chart-axis" x1="{start}" y1="{y}" x2="{end}" y2="{y}" '
            'stroke="currentColor" stroke-width="1"/>'
        ).format(start=MARGIN, end=NARROW - MARGIN, y=number(baseline))
    ]
    for index, bar in enumerate(bars):
        x = inline.span(index * slot + (slot - column_width) / 2, column_width)
        centre = x + column_width / 2
        top = baseline - heights[index]
        if not bar.figure.shown:
            shape = placeholder(x, top, width=column_width, height=PLACEHOLDER_LENGTH)
        else:
            shape = (
                rect("chart-bar", x, top, column_width, heights[index]) if heights[index] else ""
            )
        parts.append(
            Markup(
                '<g class="chart-column"><title>{title}</title>{shape}{value}{label}</g>'
            ).format(
                title=f"{bar.label}: {texts[index]}",
                shape=shape,
                value=_column_text(
                    "chart-value", texts[index], centre, top - GAP, values_upright, inline, "up"
                ),
                label=_column_text(
                    "chart-label",
                    labels[index],
                    centre,
                    baseline + GAP,
                    labels_upright,
                    inline,
                    "down",
                ),
            )
        )
    return svg(chart_id, title, description, height, parts)


class Inline:
    """Positions along the reading direction, as offsets from its start edge: the left edge,
    or the right edge on a right-to-left page, so one layout serves both."""

    def __init__(self, rtl, width=NARROW):
        self.rtl = rtl
        self.width = width

    def point(self, offset):
        return self.width - MARGIN - offset if self.rtl else MARGIN + offset

    def span(self, offset, length):
        """The left x of a span that begins ``offset`` from the start edge."""
        return self.width - MARGIN - offset - length if self.rtl else MARGIN + offset

    def anchor(self, anchor):
        # With direction="rtl", SVG reads "start" as the right end of the text, so the same
        # anchor mirrors with the page.
        if self.rtl:
            return Markup(' text-anchor="{}" direction="rtl"').format(anchor)
        return Markup(' text-anchor="{}"').format(anchor)


def _column_text(css_class, text, centre, y, upright, inline, towards):
    """A figure above (``towards="up"``) or a label under a column: upright when all of them fit
    their columns, else turned a quarter so that it runs away from the column."""
    if upright:
        baseline = y if towards == "up" else y + FONT_SIZE
        return Markup('<text class="{}" x="{}" y="{}"{}>{}</text>').format(
            css_class, number(centre), number(baseline), inline.anchor("middle"), text
        )
    # Turned a quarter anticlockwise, a text runs upwards from its start; its glyphs sit left of
    # the anchor, so the anchor moves right to centre them on the column.
    runs_from_anchor = (towards == "up") != inline.rtl
    x = number(centre + FONT_SIZE * 0.35)
    return Markup(
        '<text class="{}" x="{x}" y="{y}" transform="rotate(-90 {x} {y})"{}>{}</text>'
    ).format(
        css_class,
        inline.anchor("start" if runs_from_anchor else "end"),
        text,
        x=x,
        y=number(y),
    )


def hidden_text(figure):
    """What a hidden count reads, the same whatever it is."""
    if figure.hidden_because == SMALL:
        return _("fewer than %(k)d", k=figure.threshold)
    return _("hidden")


def figure_text(figure, use_percent):
    if not figure.shown:
        return hidden_text(figure)
    text = format_number(figure.value)
    if use_percent and figure.percent is not None:
        text += f" ({format_percent(figure.percent / 100, format='#,##0%')})"
    return text


def placeholder(x, y, width=PLACEHOLDER_LENGTH, height=BAR_HEIGHT, fill="none"):
    """The outline drawn for a hidden count, dashed so that it reads as "no bar" in print."""
    return Markup(
        '<rect class="chart-bar-hidden" x="{}" y="{}" width="{}" height="{}" fill="{}" '
        'stroke="currentColor" stroke-width="1" stroke-dasharray="3 2"/>'
    ).format(number(x), number(y), number(width), number(height), fill)


def rect(css_class, x, y, width, height, fill="currentColor"):
    return Markup('<rect class="{}" x="{}" y="{}" width="{}" height="{}" fill="{}"/>').format(
        css_class, number(x), number(y), number(width), number(height), fill
    )


def svg(chart_id, title, description, height, parts, width=NARROW):
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width} {height}" width="100%" '
        'font-size="{font_size}" fill="currentColor">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{parts}</svg>"
    ).format(
        css_class="chart" if width <= NARROW else "chart chart-wide",
        id=chart_id,
        width=width,
        height=number(height),
        font_size=FONT_SIZE,
        title=title,
        description=description,
        parts=Markup("").join(parts),
    )


def shorten(label, limit):
    if len(label) <= limit:
        return label
    return label[: limit - 1].rstrip() + "…"


def text_width(text):
    return len(text) * FONT_SIZE * CHARACTER_WIDTH


def number(value):
    """A coordinate, rounded so that the same chart is always the same string."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
