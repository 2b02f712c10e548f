"""Stage metrics: a row of value tiles under each stage header, and a small line chart for
each metric that several stages report, drawn across the stages."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache

from model import style as st
from model.board_words import ENGLISH, board_word
from model.entities import Stage
from model.primitives import Box, Circle, Line, Path, PathCommand, Primitive, Text
from model.typesetting import fitted, text_box, text_width

TILE_H = 5 * st.SPACE
TILE_GAP = st.SPACE // 2
PER_ROW = 3
TILE_PAD = st.SPACE  # the value and the name start this far in from the tile's left edge
NAME_SIZE = st.TYPE_SCALE[0]
CHART_H = 9 * st.SPACE
# The plot inside a chart row: room over its highest point for the value written over it, and under its
# lowest for the separating line.
PLOT_TOP = 24
PLOT_BOTTOM = 12


def format_value(value: float) -> str:
    """A metric value as people write it: 46, 3.8, 31.5, 0.004 (no trailing .0, at most two decimals above 0.01)."""
    # Under a hundredth, two significant figures: 0.004 (a conversion rate) was written "0", and the client read
    # that nobody converted.
    decimals = 2 if abs(value) >= 0.01 else min(12, 1 - math.floor(math.log10(abs(value)))) if value else 0
    text = str(int(value)) if float(value).is_integer() else f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")  # a minus sign, as the emotion scale writes it, not a hyphen


GROUP_SEPARATOR = "\u202f"  # a narrow no-break space: read as thousands in every language (a comma is a German decimal)


@lru_cache(maxsize=4096)  # a value is shown on its tile and its chart, sized once more, at every placement
def shown_value(value: float) -> str:
    """A metric value as the board shows it: ``format_value`` with the thousands of a number from 10,000 up set apart
    by a narrow space (12 500 000; a client read "12500000" digit by digit). The Properties panel keeps
    ``format_value``, the form it reads back."""
    text = format_value(value)
    sign = "−" if text.startswith("−") else ""
    whole, dot, fraction = text.removeprefix(sign).partition(".")
    if len(whole) < 5:
        return text
    return sign + f"{int(whole):,}".replace(",", GROUP_SEPARATOR) + dot + fraction


def tiles_per_row(metrics: Mapping[str, float], w: float) -> int:
    """How many of a stage's tiles share a row ``w`` wide: up to three, fewer when a name or a value
    would otherwise be cut ("drop-off %" is ~50 px of 10-px type; a third of a column leaves 47;
    "−12345678.5" printed "−1234567…", and the figure was nowhere else on the page).

    A name or value too long even for a whole row is still cut, with an ellipsis, in a tile of its own.
    """
    names = list(metrics)
    widest_name = max((text_width(" ".join(name.split()), NAME_SIZE) for name in names), default=0.0)
    widest_value = max((text_width(shown_value(value), st.STAGE_SIZE, True) for value in metrics.values()),
                       default=0.0)
    for count in range(min(PER_ROW, len(names)), 1, -1):
        room = (w - TILE_GAP * (count - 1)) / count - 2 * TILE_PAD
        if widest_name <= room and widest_value <= room:
            return count
    return 1


def metrics_height(stages: Sequence[Stage], w: float) -> float:
    """Height of the metrics row, its tiles ``w`` wide in all: the rows of the stage needing most (0 if none)."""
    rows = max((-(-len(s.metrics) // tiles_per_row(s.metrics, w)) for s in stages if s.metrics), default=0)
    if not rows:
        return 0.0
    return rows * TILE_H + (rows - 1) * TILE_GAP


def metric_tiles(metrics: Mapping[str, float], x: float, y: float, w: float) -> list[Primitive]:
    """The tiles of one stage's metrics: the value large, the name small under it."""
    prims: list[Primitive] = []
    items = list(metrics.items())
    per_row = tiles_per_row(metrics, w)
    for index, (name, value) in enumerate(items):
        row, col = divmod(index, per_row)
        count = min(per_row, len(items) - row * per_row)
        tile_w = (w - TILE_GAP * (count - 1)) / count
        tx, ty = x + col * (tile_w + TILE_GAP), y + row * (TILE_H + TILE_GAP)
        room = tile_w - 2 * TILE_PAD
        prims.append(Box(tx, ty, tile_w, TILE_H, fill=st.METRIC_FILL, stroke=st.FAINT, radius=6))
        prims.append(Text(tx + TILE_PAD, ty + 18, fitted(shown_value(value), room, st.STAGE_SIZE, True),
                          st.STAGE_SIZE, st.INK, bold=True))
        prims.append(Text(tx + TILE_PAD, ty + 33, fitted(name, room, NAME_SIZE), NAME_SIZE, st.MUTED))
    return prims


def charted_metrics(stages: Sequence[Stage]) -> list[str]:
    """Metrics reported by two or more stages, in first-seen order: these get a line chart."""
    counts: dict[str, int] = {}
    for stage in stages:
        for name in stage.metrics or {}:
            counts[name] = counts.get(name, 0) + 1
    return [name for name, count in counts.items() if count >= 2]


def metric_chart(name: str, stages: Sequence[Stage], centres: Mapping[str, float], label_x: float,
                 left: float, right: float, y: float, language: str = ENGLISH) -> list[Primitive]:
    """One metric across the stages: a line through its values (broken where a stage lacks it)."""
    values = [(centres[s.id], float((s.metrics or {})[name])) for s in stages if name in (s.metrics or {})]
    # The scale starts at zero (or runs through it): 3.6 beside 4.2 must not look like
    # the bottom and top of the world, which a min-to-max scale would draw.
    low, high = min(0.0, *(v for _, v in values)), max(0.0, *(v for _, v in values))
    top, bottom = y + PLOT_TOP, y + CHART_H - PLOT_BOTTOM
    span = high - low

    def py(v: float) -> float:
        return (top + bottom) / 2 if span == 0 else bottom - (v - low) / span * (bottom - top)

    prims: list[Primitive] = [
        Line(left, round(y + CHART_H) - 0.5, right, round(y + CHART_H) - 0.5, st.FAINT),
        Text(label_x, y + 24, name, st.CARD_SIZE, st.INK, bold=True),  # fitted below, once the values are placed
        Text(label_x, y + 40, board_word("by stage", language), st.TYPE_SCALE[1], st.MUTED),
    ]
    if low < 0:
        # Below zero reads as below zero: a faint line where the scale passes it (a negative NPS).
        zero = round(py(0.0)) + 0.5
        prims.append(Line(min(centres.values()) - st.SPACE, zero, right, zero, st.FAINT, 1.0, (4.0, 4.0)))
    commands: list[PathCommand] = []
    previous_index = -2
    index_of = {s.id: i for i, s in enumerate(stages)}
    points: list[tuple[int, float, float, float]] = []  # stage index, x, y, value
    for stage in stages:
        if name not in (stage.metrics or {}):
            continue
        value = float((stage.metrics or {})[name])
        point = (centres[stage.id], py(value))
        i = index_of[stage.id]
        commands.append(("L" if i == previous_index + 1 else "M", *point))
        previous_index = i
        points.append((i, *point, value))
    prims.append(Path(tuple(commands), stroke=st.CHART_LINE, width=2.0, round=True))
    for n, (i, cx, cy, value) in enumerate(points):
        prims.append(Circle(cx, cy, 4.5, fill=st.PAGE, stroke=st.CHART_LINE, stroke_width=2.0))
        # The line's neighbours of this point (those of the next and the previous stage, joined to it).
        before = [points[m][1:3] for m in (n - 1,) if m >= 0 and points[m][0] == i - 1]
        after = [points[m][1:3] for m in (n + 1,) if m < len(points) and points[m][0] == i + 1]
        near = [ny for _, ny in before + after]
        shown = shown_value(value)
        if near and all(ny < cy for ny in near):
            # A dip: over it the line would run through the value. Under it, where the row has room for
            # it above its bottom line; else beside it or over it, where the line is not.
            if cy + 19 <= y + CHART_H - 1:
                prims.append(Text(cx, round(cy + 16), shown, st.TYPE_SCALE[1], st.INK, bold=True,
                                  anchor="middle"))
            else:
                prims.append(_clear_of_the_line(shown, cx, cy, before, after, y))
        else:  # over the point, centred: the line leaves it sideways or downwards
            prims.append(Text(cx, round(cy - 9), shown, st.TYPE_SCALE[1], st.INK, bold=True,
                              anchor="middle"))
    # The name has the label column, left of the stage columns, and stops short of the first point and its
    # value (a wide value over the first stage reaches back towards it): it was fitted to the whole row's
    # width, and a long one ran through them.
    room = min(min(centres.values()) - st.COLUMN_W / 2, *(_left_edge(p) for p in prims[3:])) - NAME_GAP - label_x
    prims[1] = Text(label_x, y + 24, fitted(name, room, st.CARD_SIZE, True), st.CARD_SIZE, st.INK, bold=True)
    return prims


NAME_GAP = st.SPACE  # the least room between a chart's name and its first point or value


def _clear_of_the_line(text: str, cx: float, cy: float, before: list[tuple[float, float]],
                       after: list[tuple[float, float]], row_y: float) -> Text:
    """The value of a low point with no room under it, where the line leaving it does not run through it.

    Beside the point on the side the line does not leave from first (left of a run's first point, right
    of its last: "0" was written right of a first point at the row's bottom, on the line rising from it),
    then over it, then beside it on the other side; the first of those the line misses. The chart's line
    is at most the plot's height steep over a column's width, so a value beside a point in mid-line is
    mostly struck through and the one over it clear.
    """
    size = st.TYPE_SCALE[1]
    right = Text(cx + 9, round(cy + 4), text, size, st.INK, bold=True)
    left = Text(cx - 9, round(cy + 4), text, size, st.INK, bold=True, anchor="end")
    over = Text(cx, round(cy - 9), text, size, st.INK, bold=True, anchor="middle")
    if not after:
        order = [right, over, left]
    elif not before:
        order = [left, over, right]
    else:
        order = [right, left, over]  # as before this was looked at: beside, on the right, where it is clear
    pieces = [((cx, cy), other) for other in before + after]
    for candidate in order:
        x0, top, x1, bottom = _text_box(candidate)
        inside = row_y <= top and bottom <= row_y + CHART_H - 1
        if inside and not any(_crosses(a, b, x0, top, x1, bottom) for a, b in pieces):
            return candidate
    return order[0]


def _text_box(text: Text) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of a value's figures, with room for the 2-px line's half and a pixel."""
    x0, _, x1, _ = text_box(text)
    air = 2.0
    # Figures, a minus and a point: from about 0.75 em over the baseline to the baseline.
    return x0 - air, text.y - 0.75 * text.size - air, x1 + air, text.y + air


def _crosses(a: tuple[float, float], b: tuple[float, float], left: float, top: float, right: float,
             bottom: float) -> bool:
    """Whether the straight piece from ``a`` to ``b`` passes through the box."""
    (ax, ay), (bx, by) = sorted((a, b))
    x0, x1 = max(ax, left), min(bx, right)
    if x0 > x1:
        return False
    if bx == ax:
        low, high = min(ay, by), max(ay, by)
    else:  # the piece's heights over the part of the box's width it spans
        y0, y1 = ay + (by - ay) * (x0 - ax) / (bx - ax), ay + (by - ay) * (x1 - ax) / (bx - ax)
        low, high = min(y0, y1), max(y0, y1)
    return low <= bottom and high >= top


def _left_edge(prim: Primitive) -> float:
    """Where a chart's point or value begins on the left."""
    if isinstance(prim, Circle):
        return prim.cx - prim.r
    if isinstance(prim, Text):
        return text_box(prim)[0]
    return math.inf  # the line, and the dashed one at zero, which start in the label column on purpose
