"""Charts for the results pages, drawn on the server as inline SVG.

The pages work without JavaScript, under a Content-Security-Policy that allows no inline style,
so a chart is plain markup: presentation attributes for a page without CSS, classes for
consult.css. A chart is drawn from Figures as ``suppression`` lets them be shown: a hidden count
gets the same placeholder whatever it is, so no length, position or text can give it away.
"""

from dataclasses import dataclass

from flask_babel import format_number, format_percent
from flask_babel import gettext as _
from markupsafe import Markup

from ..suppression import SMALL, Figure

#: The chart's own units. The SVG scales to the page (consult.css caps it where the text
#: matches the page's): on a 360px phone, 400 units still show the text at about 12px.
WIDTH = 400
MARGIN = 4
FONT_SIZE = 15
#: The longest bar, leaving room after it for its figure: "1,234 (100%)", "fewer than 10".
BAR_TRACK = WIDTH - 2 * MARGIN - 104
#: Between a bar or column and the figure written at its end.
GAP = 6
BAR_HEIGHT = 14
#: A label line above the bar, the bar, and space before the next label.
ROW_HEIGHT = 44
#: The length of every hidden bar and the height of every hidden column: it comes from no data.
PLACEHOLDER_LENGTH = 24
#: Labels longer than this are cut with an ellipsis; the bar's tooltip keeps the whole label.
LABEL_LIMIT = 48
COLUMN_LABEL_LIMIT = 24
COLUMN_MAX_HEIGHT = 120
#: A rough width of one character, in font sizes, to tell whether a text fits its column.
CHARACTER_WIDTH = 0.6


@dataclass(frozen=True)
class Bar:
    #: Already translated; escaped when drawn.
    label: str
    #: The count (and maybe percent) as suppression allows it to be shown.
    figure: Figure


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: list[Bar],
    *,
    rtl: bool = False,
    use_percent: bool = True,
) -> Markup:
    """Horizontal bars, each under its label, the figure written at the bar's end. The bar's
    length is its percent of 100 or, without ``use_percent``, its count relative to the largest
    shown count."""
    inline = _Inline(rtl)
    largest = max((bar.figure.value for bar in bars if bar.figure.shown), default=0)
    rows = []
    for index, bar in enumerate(bars):
        figure = bar.figure
        top = MARGIN + index * ROW_HEIGHT
        bar_top = top + FONT_SIZE + GAP
        if figure.shown:
            length = _bar_length(figure, use_percent, largest)
            x = inline.span(0, length)
            shape = _rect("chart-bar", x, bar_top, length, BAR_HEIGHT) if length else ""
        else:
            length = PLACEHOLDER_LENGTH
            shape = _placeholder(inline.span(0, length), bar_top)
        text = _figure_text(figure, use_percent)
        rows.append(
            Markup(
                '<g class="chart-row"><title>{title}</title>'
                '<text class="chart-label" x="{x}" y="{label_y}"{anchor}>{label}</text>'
                '{shape}<text class="chart-value" x="{value_x}" y="{value_y}"{anchor}>{text}</text>'
                "</g>"
            ).format(
                title=f"{bar.label}: {text}",
                x=_number(inline.point(0)),
                label_y=_number(top + FONT_SIZE),
                anchor=inline.anchor("start"),
                label=_shorten(bar.label, LABEL_LIMIT),
                shape=shape,
                value_x=_number(inline.point(length + GAP if length else 0)),
                # Near the middle of the bar: a baseline about a third of the text below it.
                value_y=_number(bar_top + BAR_HEIGHT / 2 + FONT_SIZE * 0.35),
                text=text,
            )
        )
    return _svg(chart_id, title, description, MARGIN + len(bars) * ROW_HEIGHT, rows)


def column_chart(
    chart_id: str, title: str, description: str, bars: list[Bar], *, rtl: bool = False
) -> Markup:
    """Vertical columns, heights relative to the largest shown count, labels under the columns.
    Texts too wide for their column are turned to run upwards or downwards."""
    inline = _Inline(rtl)
    slot = (WIDTH - 2 * MARGIN) / max(len(bars), 1)
    column_width = min(slot * 0.6, 48)
    largest = max((bar.figure.value for bar in bars if bar.figure.shown), default=0)
    texts = [_figure_text(bar.figure, use_percent=False) for bar in bars]
    labels = [_shorten(bar.label, COLUMN_LABEL_LIMIT) for bar in bars]
    values_upright = all(_text_width(text) <= slot - 4 for text in texts)
    labels_upright = all(_text_width(label) <= slot - 4 for label in labels)
    heights = [
        PLACEHOLDER_LENGTH
        if not bar.figure.shown
        else (COLUMN_MAX_HEIGHT * bar.figure.value / largest if largest else 0)
        for bar in bars
    ]
    # The baseline sits low enough for the tallest column with its figure above it.
    baseline = MARGIN + max(
        (
            column_height + GAP + (FONT_SIZE if values_upright else _text_width(text))
            for column_height, text in zip(heights, texts, strict=True)
        ),
        default=0,
    )
    label_room = FONT_SIZE if labels_upright else max(map(_text_width, labels), default=0)
    height = baseline + GAP + label_room + MARGIN
    parts = [
        Markup(
            '<line class="chart-axis" x1="{start}" y1="{y}" x2="{end}" y2="{y}" '
            'stroke="currentColor" stroke-width="1"/>'
        ).format(start=MARGIN, end=WIDTH - MARGIN, y=_number(baseline))
    ]
    for index, bar in enumerate(bars):
        x = inline.span(index * slot + (slot - column_width) / 2, column_width)
        centre = x + column_width / 2
        top = baseline - heights[index]
        if not bar.figure.shown:
            shape = _placeholder(x, top, width=column_width, height=PLACEHOLDER_LENGTH)
        else:
            shape = (
                _rect("chart-bar", x, top, column_width, heights[index]) if heights[index] else ""
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
    return _svg(chart_id, title, description, height, parts)


class _Inline:
    """Positions along the reading direction, as offsets from its start edge: the left edge,
    or the right edge on a right-to-left page, so one layout serves both."""

    def __init__(self, rtl):
        self.rtl = rtl

    def point(self, offset):
        return WIDTH - MARGIN - offset if self.rtl else MARGIN + offset

    def span(self, offset, length):
        """The left x of a span that begins ``offset`` from the start edge."""
        return WIDTH - MARGIN - offset - length if self.rtl else MARGIN + offset

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
            css_class, _number(centre), _number(baseline), inline.anchor("middle"), text
        )
    # Turned a quarter anticlockwise, a text runs upwards from its start; its glyphs sit left of
    # the anchor, so the anchor moves right to centre them on the column.
    runs_from_anchor = (towards == "up") != inline.rtl
    x = _number(centre + FONT_SIZE * 0.35)
    return Markup(
        '<text class="{}" x="{x}" y="{y}" transform="rotate(-90 {x} {y})"{}>{}</text>'
    ).format(
        css_class,
        inline.anchor("start" if runs_from_anchor else "end"),
        text,
        x=x,
        y=_number(y),
    )


def _bar_length(figure, use_percent, largest):
    """A shown figure's bar: none for a figure without a percent, when bars are percents."""
    if use_percent:
        return 0 if figure.percent is None else BAR_TRACK * min(figure.percent, 100) / 100
    return BAR_TRACK * figure.value / largest if largest else 0


def _figure_text(figure, use_percent):
    if not figure.shown:
        if figure.hidden_because == SMALL:
            return _("fewer than %(k)d", k=figure.threshold)
        return _("hidden")
    text = format_number(figure.value)
    if use_percent and figure.percent is not None:
        text += f" ({format_percent(figure.percent / 100, format='#,##0%')})"
    return text


def _placeholder(x, y, width=PLACEHOLDER_LENGTH, height=BAR_HEIGHT):
    """The outline drawn for a hidden count, dashed so that it reads as "no bar" in print."""
    return Markup(
        '<rect class="chart-bar-hidden" x="{}" y="{}" width="{}" height="{}" fill="none" '
        'stroke="currentColor" stroke-width="1" stroke-dasharray="3 2"/>'
    ).format(_number(x), _number(y), _number(width), _number(height))


def _rect(css_class, x, y, width, height):
    return Markup(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}" fill="currentColor"/>'
    ).format(css_class, _number(x), _number(y), _number(width), _number(height))


def _svg(chart_id, title, description, height, parts):
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width} {height}" width="100%" '
        'font-size="{font_size}" fill="currentColor">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{parts}</svg>"
    ).format(
        id=chart_id,
        width=WIDTH,
        height=_number(height),
        font_size=FONT_SIZE,
        title=title,
        description=description,
        parts=Markup("").join(parts),
    )


def _shorten(label, limit):
    if len(label) <= limit:
        return label
    return label[: limit - 1].rstrip() + "…"


def _text_width(text):
    return len(text) * FONT_SIZE * CHARACTER_WIDTH


def _number(value):
    """A coordinate, rounded so that the same chart is always the same string."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
