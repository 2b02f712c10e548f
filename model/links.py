"""Arrow geometry: a smooth curve from the facing side of one card to the facing side of another."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Protocol

from model import style as st
from model.entities import Link
from model.fonts import font_metrics
from model.primitives import Box, Path, PathCommand, Primitive, Text
from model.typesetting import fitted, line_height, text_primitives, text_width
from model.valueclass import value_class
from model.wrapping import wrap

if TYPE_CHECKING:
    from model.layout import Rect

Point = tuple[float, float]
_SIDES: dict[str, Point] = {"left": (-1, 0), "right": (1, 0), "top": (0, -1), "bottom": (0, 1)}


@value_class
class LinkGeometry:
    """An arrow: its curve (for hit testing), its drawing and its bounds."""

    id: str
    kind: str
    curve: tuple[PathCommand, ...]
    primitives: tuple[Primitive, ...]  # the line and its arrowheads
    bounds: tuple[float, float, float, float]  # x, y, w, h
    # Drawn above the cards: a label in the gap between two stacked cards would
    # otherwise be hidden by them (its pill only covers card padding, never text).
    label: tuple[Primitive, ...] = ()


@value_class(frozen=True)
class Channel:
    """Free space an arrow can run through without passing behind a card.

    ``leave_x`` and ``enter_x`` are the gutters beside the source's and the target's
    columns, ``y`` a row of cell padding that no card reaches in any column.
    """

    leave_x: float
    y: float
    enter_x: float


def link_geometry(
    link: Link, source: Rect, target: Rect, obstacles: Sequence[Rect] = (), detour: bool = False,
    handoff: bool = False, channel: Channel | None = None, accent: str | None = None,
    avoid: Sequence[Segment] = (), cards: Sequence[Rect] = (), within: tuple[float, float] | None = None,
) -> LinkGeometry:
    """Route ``link`` from ``source`` to ``target`` (both card rectangles).

    ``obstacles`` are the cards near the link (their text), the labels placed before and the
    blueprint lines; its label goes where it covers none of them. ``cards``: the cards near it,
    whole, whose borders and padding the label keeps off where its arrow leaves room.
    ``detour`` says a card stands between the two in their column: the arrow then
    leaves and enters on the right and bends round it, instead of running behind it.
    ``handoff`` says the arrow crosses the line of visibility: it is drawn in its own colour.
    ``channel`` routes an arrow that spans columns of cards orthogonally, with rounded
    corners, through the gutters and a row of padding, instead of behind those cards.
    ``accent`` draws the arrow in that colour instead (a pain point's answering opportunity).
    ``avoid``: pieces of the other arrows nearby (``line_pieces``); its label sits on none where it can.
    ``within``: the left and right x the label's pill stays between (the board's stage columns): a label
    on an arrow of the last stage was centred on it and ran off the board's right edge, cut off on the
    page in every format.
    """
    if channel is not None and link.source != link.target:
        return _routed(link, source, target, channel, handoff, accent, obstacles, avoid, within)
    if link.source == link.target:
        start_side, end_side = "right", "top"
    elif detour:
        start_side, end_side = "right", "right"
    else:
        start_side, end_side = _facing_sides(source, target)
    start, start_dir = _anchor(source, start_side)
    end, end_dir = _anchor(target, end_side)
    # The curve stops at the arrowhead's base so the line never pokes through the tip.
    into = (-end_dir[0], -end_dir[1])
    curve_end = (end[0] - into[0] * st.ARROW_HEAD, end[1] - into[1] * st.ARROW_HEAD)
    curve_start = start
    if link.kind == "twoway":
        curve_start = (start[0] + start_dir[0] * st.ARROW_HEAD, start[1] + start_dir[1] * st.ARROW_HEAD)
    distance = math.dist(curve_start, curve_end)
    # Never reach past half the distance: close cards would get an S-shaped wiggle.
    reach = min(max(28.0, min(90.0, distance / 2.5)), distance / 2)
    if link.source == link.target:
        reach = 60.0
    elif detour:
        reach = 30.0  # stay within the cell's padding and the gap to the next column
    c1 = (curve_start[0] + start_dir[0] * reach, curve_start[1] + start_dir[1] * reach)
    c2 = (curve_end[0] + end_dir[0] * reach, curve_end[1] + end_dir[1] * reach)
    curve: tuple[PathCommand, ...] = (("M", *curve_start), ("C", *c1, *c2, *curve_end))
    dash = (5.0, 4.0) if link.kind == "depends" else None
    colour = accent or (st.HANDOFF if handoff else st.ARROW)
    prims: list[Primitive] = [Path(curve, stroke=colour, width=st.ARROW_WIDTH, dash=dash)]
    prims.append(_head(end, into, colour))
    if link.kind == "twoway":
        prims.append(_head(start, (-start_dir[0], -start_dir[1]), colour))
    label: list[Primitive] = []
    if link.label:
        # Its own arrowheads are kept clear like a card's text: a short label ("retry", "undo") between two
        # cards side by side covered 90-99 % of the head, and a step back read as a step forward.
        heads = [_head_box(end, into)]
        if link.kind == "twoway":
            heads.append(_head_box(start, (-start_dir[0], -start_dir[1])))
        centre = _label_centre(link.label, (curve_start, c1, c2, curve_end), [*obstacles, *heads],
                               (source, target), avoid, cards, within)
        label = _label(link.label, centre)
    xs = [curve_start[0], c1[0], c2[0], curve_end[0], end[0], start[0]]
    ys = [curve_start[1], c1[1], c2[1], curve_end[1], end[1], start[1]]
    return LinkGeometry(link.id, link.kind, curve, tuple(prims), _bounds(xs, ys, label), tuple(label))


CORNER = 10.0  # radius of a routed arrow's rounded corners


def _routed(link: Link, source: Rect, target: Rect, channel: Channel, handoff: bool,
            accent: str | None = None, obstacles: Sequence[Rect] = (), avoid: Sequence[Segment] = (),
            within: tuple[float, float] | None = None) -> LinkGeometry:
    """An orthogonal arrow: out of the facing side, along the gutter, the channel, the gutter, in.

    Hot (most arrows of a big board span columns), so ``_anchor``, ``_head`` and ``_bounds``
    are written out here for the horizontal sides it uses, with the same sums in the same
    order, so the numbers are the very same floats (tests/test_layout_output.py).
    """
    head = st.ARROW_HEAD
    sx, sw, tx, tw = source.x, source.w, target.x, target.w
    out = 1 if tx > sx else -1  # leaves on the right (forward) or the left, enters on the other side
    start_x = sx + sw / 2 + out * sw / 2
    start_y = source.y + source.h / 2
    end_x = tx + tw / 2 - out * tw / 2
    end_y = target.y + target.h / 2
    tip_base_x = end_x - out * head
    first_x = start_x + out * head if link.kind == "twoway" else start_x
    leave, row, enter = channel.leave_x, channel.y, channel.enter_x
    points = [(first_x, start_y), (leave, start_y), (leave, row), (enter, row), (enter, end_y), (tip_base_x, end_y)]
    curve = _rounded(points)
    dash = (5.0, 4.0) if link.kind == "depends" else None
    colour = accent or (st.HANDOFF if handoff else st.ARROW)
    prims: list[Primitive] = [Path(curve, stroke=colour, width=st.ARROW_WIDTH, dash=dash),
                              _side_head(end_x, end_y, out, colour)]
    if link.kind == "twoway":
        prims.append(_side_head(start_x, start_y, -out, colour))
    if link.label:
        label = _label(link.label, _routed_label_centre(link.label, (leave, start_y, row, enter, end_y), obstacles,
                                                        avoid, within))
        xs = [p[0] for p in points] + [end_x, start_x]
        ys = [p[1] for p in points] + [end_y, start_y]
        return LinkGeometry(link.id, link.kind, curve, tuple(prims), _bounds(xs, ys, label), tuple(label))
    # _bounds without a label, over the same numbers (the points, the tip and the start).
    left = min(first_x, leave, enter, tip_base_x, end_x, start_x)
    right = max(first_x, leave, enter, tip_base_x, end_x, start_x)
    top = min(start_y, row, end_y)
    bottom = max(start_y, row, end_y)
    return LinkGeometry(link.id, link.kind, curve, tuple(prims),
                        (left - head, top - head, right - left + 2 * head, bottom - top + 2 * head))


def _routed_label_centre(label: str, runs: tuple[float, float, float, float, float], obstacles: Sequence[Rect],
                         avoid: Sequence[Segment], within: tuple[float, float] | None = None) -> Point:
    """Where an orthogonal arrow's label goes: on its run along the channel row (the middle first, then
    towards either end), else on its runs down the gutters, at the first place covering no card, no
    label placed before it and no other arrow; else at the first covering none of the first two; else
    the channel's middle. (It always sat at the channel's middle: two arrows from neighbouring cards to
    one card two stages on put their labels on one spot, one hiding the other.)"""
    w, h = label_size(label)
    leave, start_y, row, enter, end_y = runs
    candidates = [(leave + (enter - leave) * t, row) for t in _LABEL_TS]
    for x, y0, y1 in ((leave, start_y, row), (enter, row, end_y)):
        candidates += [(x, y0 + (y1 - y0) * t) for t in _LABEL_TS]
    candidates = _kept_within(candidates, w, within)
    near = pieces_in(avoid, *_reach_of(candidates, w, h))
    free = None
    for cx, cy in candidates:
        if any(_overlap(cx - w / 2, cy - h / 2, w, h, r) for r in obstacles):
            continue
        if not _on_a_piece(near, cx, cy, w, h):
            return cx, cy
        if free is None:
            free = (cx, cy)
    return free if free is not None else candidates[0]


def _side_head(tip_x: float, tip_y: float, pointing: int, colour: str) -> Path:
    """``_head`` for an arrow entering along x: ``pointing`` is +1 (to the right) or -1."""
    head = st.ARROW_HEAD
    half = head * 0.5
    base_x = tip_x - pointing * head
    return Path((("M", tip_x, tip_y), ("L", base_x, tip_y + pointing * half), ("L", base_x, tip_y - pointing * half),
                 ("Z",)), fill=colour)


def _rounded(points: list[Point]) -> tuple[PathCommand, ...]:
    """A polyline of horizontal and vertical segments with each corner rounded by a quarter-circle-like cubic.

    The numbers are those of the general formula (unit vectors, ``math.dist``) for
    axis-parallel segments: a length is the absolute difference along the one axis that
    changes and a unit vector's component is +1, -1 or 0, which is exact.
    """
    commands: list[PathCommand] = [("M", *points[0])]
    for (bx, by), (cx, cy), (nx, ny) in zip(points, points[1:], points[2:], strict=False):
        d_in = abs(cx - bx) if by == cy else abs(cy - by)
        d_out = abs(nx - cx) if ny == cy else abs(ny - cy)
        if d_in == 0 or d_out == 0:
            continue
        r = min(CORNER, d_in / 2, d_out / 2)
        k = 0.5523 * r  # cubic handle length for a quarter circle
        # Along an axis one coordinate stays the number already there: that float is
        # reused rather than made again, four fewer floats a corner.
        if by == cy:  # in along x, out along y
            ax = cx - r if cx > bx else cx + r
            by_ = cy + r if ny > cy else cy - r
            commands.append(("L", ax, cy))
            commands.append(("C", ax + k if cx > bx else ax - k, cy, cx, by_ - k if ny > cy else by_ + k, cx, by_))
        else:  # in along y, out along x
            ay = cy - r if cy > by else cy + r
            bx_ = cx + r if nx > cx else cx - r
            commands.append(("L", cx, ay))
            commands.append(("C", cx, ay + k if cy > by else ay - k, bx_ - k if nx > cx else bx_ + k, cy, bx_, cy))
    commands.append(("L", *points[-1]))
    return tuple(commands)


def _bounds(xs: list[float], ys: list[float], label: list[Primitive]) -> tuple[float, float, float, float]:
    """The box round an arrow's points and its label, with room for the arrowheads."""
    for prim in label:
        if isinstance(prim, Box):
            xs = [*xs, prim.x, prim.x + prim.w]
            ys = [*ys, prim.y, prim.y + prim.h]
    pad = st.ARROW_HEAD
    return min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad


def _facing_sides(source: Rect, target: Rect) -> tuple[str, str]:
    """Leave and enter on the sides that face each other."""
    if target.x >= source.x + source.w:
        return "right", "left"
    if target.x + target.w <= source.x:
        return "left", "right"
    if target.y >= source.y + source.h / 2:
        return "bottom", "top"
    return "top", "bottom"


def _anchor(rect: Rect, side: str) -> tuple[Point, Point]:
    direction = _SIDES[side]
    x = rect.x + rect.w / 2 + direction[0] * rect.w / 2
    y = rect.y + rect.h / 2 + direction[1] * rect.h / 2
    return (x, y), direction


class Boxed(Protocol):
    """Anything with a box: a layout Rect, an arrowhead's _Box."""

    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def w(self) -> float: ...
    @property
    def h(self) -> float: ...


class _Box(NamedTuple):
    """A rect with the fields of a layout Rect (for the arrowheads a label keeps off)."""

    x: float
    y: float
    w: float
    h: float


def _head_box(tip: Point, direction: Point) -> _Box:
    """The box round the arrowhead ``_head`` draws at ``tip``, with a pixel of air."""
    half, length = st.ARROW_HEAD * 0.5, st.ARROW_HEAD
    base = (tip[0] - direction[0] * length, tip[1] - direction[1] * length)
    spread = (abs(direction[1]) * half, abs(direction[0]) * half)
    left, right = min(tip[0], base[0]) - spread[0] - 1, max(tip[0], base[0]) + spread[0] + 1
    top, bottom = min(tip[1], base[1]) - spread[1] - 1, max(tip[1], base[1]) + spread[1] + 1
    return _Box(left, top, right - left, bottom - top)


def _head(tip: Point, direction: Point, colour: str) -> Path:
    """A filled triangle whose tip is at ``tip``, pointing along ``direction``."""
    dx, dy = direction
    half = st.ARROW_HEAD * 0.5
    # Arrows leave and enter along an axis: where an offset is 0 the coordinate is the
    # same number, and the float already made is reused (as in _rounded).
    base_x = tip[0] if dx == 0 else tip[0] - dx * st.ARROW_HEAD
    base_y = tip[1] if dy == 0 else tip[1] - dy * st.ARROW_HEAD
    left = (base_x if dy == 0 else base_x - dy * half, base_y if dx == 0 else base_y + dx * half)
    right = (base_x if dy == 0 else base_x + dy * half, base_y if dx == 0 else base_y - dx * half)
    return Path((("M", *tip), ("L", *left), ("L", *right), ("Z",)), fill=colour)


def _bezier_point(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> Point:
    u = 1 - t
    x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
    y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
    return x, y


# The widest a label's text runs before it wraps, and the most lines it takes: a label is a word or a few
# on an arrow, a card's width at most (a sentence ran across three stages, off the board); the rest is
# cut with an ellipsis on the last line. The whole label stays in the file, in the Properties panel and
# in the in-place editor.
LABEL_MAX_W = st.CARD_W - 12
LABEL_MAX_LINES = 3
LABEL_PAD_X = 6  # the pill's room left and right of its text
LABEL_PAD_Y = 2  # ...and over and under it


@lru_cache(maxsize=4096)  # each label is measured for every place tried, and again each time it is placed
def label_lines(label: str) -> tuple[str, ...]:
    """The lines a link's label is drawn in: wrapped to LABEL_MAX_W (a word longer than that is cut
    between characters), at most LABEL_MAX_LINES, the last ending in "…" when some is left out."""
    size = st.LINK_LABEL_SIZE
    if "\n" not in label and text_width(label, size) <= LABEL_MAX_W:
        return (label,)  # nearly every label: as it was measured before labels wrapped
    # Stripped: a label ending in a line break (from a file or an import) drew an empty second line.
    lines = wrap(label.strip(), LABEL_MAX_W, font_metrics(False), size)
    if len(lines) <= LABEL_MAX_LINES:
        return tuple(lines)
    # The last line shown with the rest after it, cut with "…" where it no longer fits.
    return (*lines[:LABEL_MAX_LINES - 1], fitted(" ".join(lines[LABEL_MAX_LINES - 1:]), LABEL_MAX_W, size))


def label_size(label: str) -> tuple[float, float]:
    """The width and height of a link label's pill."""
    lines = label_lines(label)
    size = st.LINK_LABEL_SIZE
    return (max(text_width(line, size) for line in lines) + 2 * LABEL_PAD_X,
            len(lines) * line_height(size) + 2 * LABEL_PAD_Y)


LABEL_INSET = 2.0  # how far inside ``within`` a pill stays, its pen (1 px, half outside) and a pixel of air


def _kept_within(candidates: list[Point], w: float, within: tuple[float, float] | None) -> list[Point]:
    """The candidate centres moved sideways as little as needed for a pill ``w`` wide to lie between
    ``within``'s two x (those already inside are the very same floats)."""
    if within is None:
        return candidates
    low, high = within[0] + LABEL_INSET + w / 2, within[1] - LABEL_INSET - w / 2
    if low > high:  # narrower than the label (not on a board, whose columns are wider): centred
        low = high = (within[0] + within[1]) / 2
    return [(low if cx < low else high if cx > high else cx, cy) for cx, cy in candidates]


_LABEL_TS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)
_LABEL_SHIFTS = ((0, 0), (0, -1), (0, 1), (-1, 0), (1, 0))


def _label_centre(
    label: str, curve: tuple[Point, Point, Point, Point], obstacles: Sequence[Boxed], ends: tuple[Rect, Rect],
    avoid: Sequence[Segment] = (), cards: Sequence[Rect] = (), within: tuple[float, float] | None = None,
) -> Point:
    """The first place on the curve where the label covers no card, not even a card's border
    (``cards``: a pill on a border reads as part of the card: "on payment" sat on its card's
    bottom edge while the 20 px of gap below it were free), and no other arrow (``avoid``: their
    pieces; a label on another arrow reads as that one's); else the first such place that may
    cover a card's padding; else the first place along the curve (or just beside it) where it
    covers no card's text.

    Between two cards side by side there is no room on the curve, so the gaps above and
    below the pair are tried last. When every candidate touches a card, the one covering
    the least card area wins.
    """
    w, h = label_size(label)
    candidates = []
    for t in _LABEL_TS:
        x, y = _bezier_point(*curve, t)
        candidates += [(x + sx * (w / 2 + 6), y + sy * (h / 2 + 6)) for sx, sy in _LABEL_SHIFTS]
    mid_x = _bezier_point(*curve, 0.5)[0]
    upper, lower = sorted(ends, key=lambda r: r.y)
    if lower.y > upper.y + upper.h:
        # Two cards stacked in a cell: the arrow is little more than its head. Beside it, in the gap,
        # the label may cover the cards' padding (the obstacles are their content) and reads as the
        # step between them; the places above and below the pair are a card's height or more away.
        gap_y = (upper.y + upper.h + lower.y) / 2
        candidates += [(mid_x + w / 2 + 6, gap_y), (mid_x - w / 2 - 6, gap_y)]
    top = upper.y
    bottom = max(r.y + r.h for r in ends)
    left, right = sorted(ends, key=lambda r: r.x)
    if right.x > left.x + left.w and lower.y - upper.y <= 1:
        # Two cards side by side, tops level: over their top edges above the gap, on their padding,
        # inside the lane (above the pair, the label would sit on the lane's border).
        candidates.append((mid_x, top - 2))
    candidates += [(mid_x, top - h / 2 - 4), (mid_x, bottom + h / 2 + 4)]
    candidates = _kept_within(candidates, w, within)
    # Only what lies where some candidate could cover it is looked at (the same sums, fewer terms).
    left_x, top_y, right_x, bottom_y = _reach_of(candidates, w, h)
    obstacles = [r for r in obstacles if r.x <= right_x and r.y <= bottom_y and r.x + r.w >= left_x
                 and r.y + r.h >= top_y]
    own = line_pieces((("M", *curve[0]), ("C", *curve[1], *curve[2], *curve[3])))
    near = pieces_in(avoid, left_x, top_y, right_x, bottom_y)
    # First choice: a place still on the arrow (the pill meets its curve) clear of every card, whole
    # (its 1-px border drawn half outside), and of the rest. Beside the arrow, a label reads as nobody's.
    near_cards = [r for r in cards if r.x <= right_x and r.y <= bottom_y and r.x + r.w >= left_x
                  and r.y + r.h >= top_y]
    for cx, cy in candidates:
        if not _on_a_piece(own, cx, cy, w, h):
            continue
        x, y = cx - w / 2, cy - h / 2
        if any(_meets_card(x, y, w, h, r) for r in near_cards) or any(_overlap(x, y, w, h, r) for r in obstacles):
            continue
        if not _on_a_piece(near, cx, cy, w, h):
            return cx, cy
    if avoid:
        # Next: on the arrow, on a card's padding at most, on no other arrow; failing that, as before.
        for cx, cy in candidates:
            if not _on_a_piece(own, cx, cy, w, h):
                continue
            if any(_overlap(cx - w / 2, cy - h / 2, w, h, r) for r in obstacles):
                continue
            if not _on_a_piece(near, cx, cy, w, h):
                return cx, cy
    best: tuple[float, Point] | None = None
    for cx, cy in candidates:
        overlap = sum(_overlap(cx - w / 2, cy - h / 2, w, h, r) for r in obstacles)
        if overlap == 0:
            return cx, cy
        if best is None or overlap < best[0]:
            best = (overlap, (cx, cy))
    assert best is not None
    return best[1]


# A straight piece of a curve: its ends x0, y0, x1, y1, then its box left, top, right, bottom
# (worked out once: labels look at the same pieces many times).
Segment = tuple[float, float, float, float, float, float, float, float]
_PIECES_PER_CURVE = 12  # straight pieces a cubic is cut into where labels look at it


def line_pieces(curve: Sequence[PathCommand]) -> list[Segment]:
    """An arrow's curve as straight pieces: what a label placed near it keeps off (``avoid``)."""
    pieces: list[Segment] = []
    x = y = 0.0
    for command in curve:
        op, numbers = command[0], [float(value) for value in command[1:]]  # type: ignore[arg-type]
        if op == "M":
            x, y = numbers
            continue
        if op == "L":
            ends = [(numbers[0], numbers[1])]
        elif op == "C":
            p0, p1, p2, p3 = (x, y), (numbers[0], numbers[1]), (numbers[2], numbers[3]), (numbers[4], numbers[5])
            ends = [_bezier_point(p0, p1, p2, p3, i / _PIECES_PER_CURVE) for i in range(1, _PIECES_PER_CURVE + 1)]
        else:
            continue
        for nx, ny in ends:
            pieces.append((x, y, nx, ny, min(x, nx), min(y, ny), max(x, nx), max(y, ny)))
            x, y = nx, ny
    return pieces


def _reach_of(candidates: Sequence[Point], w: float, h: float) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) a label of size ``w`` x ``h`` can cover, pen and all, placed at
    any of these centres."""
    xs, ys = [cx for cx, _ in candidates], [cy for _, cy in candidates]
    return min(xs) - w / 2 - 2, min(ys) - h / 2 - 2, max(xs) + w / 2 + 2, max(ys) + h / 2 + 2


def _on_a_piece(pieces: Sequence[Segment], cx: float, cy: float, w: float, h: float) -> bool:
    """Whether a label of size ``w`` x ``h`` centred there, pen and all, meets one of the pieces."""
    x0, y0, x1, y1 = cx - w / 2 - 2, cy - h / 2 - 2, cx + w / 2 + 2, cy + h / 2 + 2
    return any(_meets(piece, x0, y0, x1, y1) for piece in pieces)


def pieces_in(pieces: Sequence[Segment], left: float, top: float, right: float, bottom: float) -> list[Segment]:
    """The pieces whose box meets the rect (a cheap look before ``_meets``)."""
    return [p for p in pieces if p[4] <= right and p[6] >= left and p[5] <= bottom and p[7] >= top]


def _meets(piece: Segment, left: float, top: float, right: float, bottom: float) -> bool:
    """Whether a straight piece crosses or touches the rect (Liang-Barsky clipping)."""
    x0, y0, x1, y1, box_left, box_top, box_right, box_bottom = piece
    if box_right < left or box_left > right or box_bottom < top or box_top > bottom:
        return False
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _meets_card(x: float, y: float, w: float, h: float, r: Rect) -> bool:
    """Whether a box meets a card, its border included (1 px, drawn half outside its rect)."""
    return x < r.x + r.w + 0.5 and r.x - 0.5 < x + w and y < r.y + r.h + 0.5 and r.y - 0.5 < y + h


def _overlap(x: float, y: float, w: float, h: float, r: Boxed) -> float:
    dx = min(x + w, r.x + r.w) - max(x, r.x)
    dy = min(y + h, r.y + r.h) - max(y, r.y)
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _label(label: str, centre: Point) -> list[Primitive]:
    """The label on a white pill at the curve's midpoint, so the line does not cross it."""
    w, h = label_size(label)
    x, y = centre[0] - w / 2, centre[1] - h / 2
    # A label of several lines is a rounded box with a one-line pill's corners, not a long capsule.
    radius = (line_height(st.LINK_LABEL_SIZE) + 2 * LABEL_PAD_Y) / 2
    prims: list[Primitive] = [Box(x, y, w, h, fill=st.CHIP_FILL, stroke=st.FAINT, radius=min(radius, h / 2))]
    texts: list[Text] = text_primitives(list(label_lines(label)), centre[0], y + LABEL_PAD_Y, st.LINK_LABEL_SIZE,
                                        st.MUTED, anchor="middle")
    return prims + list(texts)
