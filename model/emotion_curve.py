"""The emotion lane: points placed by score on a five-step scale, and the curve through them.

An emotion lane does not stack its cards. Each card is a sentiment marker (a face on a
colour, so never colour alone) with the card's text in a small label beside it; the
marker sits at the card's score on a faint scale whose middle line is neutral, and
several cards of one stage share the stage's width. One smooth curve runs through all
markers of the lane: a monotone cubic (Fritsch–Carlson), so it never overshoots between
two points, never rises above the happier or dips below the sadder of two neighbours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from model import style as st
from model.cardshape import CardShape, measure_card
from model.channel_icons import SCORE_ICONS
from model.entities import SCORE_RANGE, Card
from model.icons import icon_path
from model.primitives import Circle, Line, Path, PathCommand, Primitive, Text, translated
from model.valueclass import value_class

STEP = 3 * st.SPACE  # px between two neighbouring scores
MARKER_R = 12.0
FACE = 18.0  # the face icon inside a marker
LABEL_GAP = st.SPACE  # between a marker and its label
PAD = 2 * st.SPACE  # lane padding above and below the scale
LOW, HIGH = SCORE_RANGE


def score_of(card: Card) -> int:
    """A card's score as drawn: a card without one sits on the neutral line."""
    return 0 if card.score is None else card.score


def label_below(score: int) -> bool:
    """Whether the label hangs under the marker (neutral and negative) or stands over it (positive).

    Outside the curve: the curve never runs above its highest point nor below its lowest, so a
    label over a peak or under a dip stays clear of it. Inside (under a +2, over a −2, as
    before) the curve ran behind the label, and a tall label over a −2 reached up across the
    positive band, where it read as a happy moment.
    """
    return score <= 0


def marker_primitives(score: int, cx: float, cy: float) -> list[Primitive]:
    """A sentiment marker: a disc in the score's colour with the score's face on it."""
    return [
        Circle(cx, cy, MARKER_R + 2, fill=st.PAGE),  # a ring of page colour parts it from the curve
        Circle(cx, cy, MARKER_R, fill=st.SENTIMENT[score]),
        icon_path(SCORE_ICONS[score], cx - FACE / 2, cy - FACE / 2, FACE, st.ON_ACCENT),
    ]


@value_class(frozen=True)
class EmotionScale:
    """Where an emotion lane's scale lies: its neutral line, relative to the lane's top."""

    neutral: float  # y of score 0 below the lane top
    height: float  # the lane's height

    def y(self, score: float) -> float:
        """y of a score below the lane top."""
        return self.neutral - score * STEP

    def score_at(self, y: float) -> int:
        """The score nearest to a y below the lane top, within the allowed range."""
        return max(LOW, min(HIGH, round((self.neutral - y) / STEP)))


@value_class(frozen=True)
class Spot:
    """Where one emotion card goes in its cell, relative to the cell's content box and the neutral line.

    x values are from the left of the cell's content (the stage column less its padding),
    y values from the neutral line, negative upwards.
    """

    marker_x: float
    marker_y: float
    label_x: float
    label_y: float  # the label box's top
    label_w: float
    label_h: float


MIN_LABEL_W = 17 * st.SPACE  # a label narrower than this wraps a word a line


def label_width(count: int, width: float = st.CARD_W) -> float:
    """The width of each label when ``count`` cards share a stage: the whole stage for one,
    otherwise their share, but never so narrow that text wraps a word a line."""
    if count <= 1:
        return float(width)
    return min(float(width), max(slots(count, 0, width)[0][1], MIN_LABEL_W))


def place_cell(items: Sequence[tuple[int, float]], width: float = st.CARD_W) -> list[Spot]:
    """Spots of the cards of one emotion cell, given their (score, label height) in cell order.

    Markers are spread evenly across the stage at their scores; each label hangs under
    its marker (neutral and negative) or stands over it (positive), within the stage. Where
    that would cover an earlier label or another marker of the stage, it takes the other
    side of its marker, and when both are taken it steps further out.
    """
    count = len(items)
    label_w = label_width(count, width)
    centres = [x + w / 2 for x, w in slots(count, 0, width)]
    markers = [(cx, -score * STEP) for cx, (score, _) in zip(centres, items, strict=True)]
    spots: list[Spot] = []
    for index, ((score, label_h), (mx, my)) in enumerate(zip(items, markers, strict=True)):
        lx = max(0.0, min(width - label_w, mx - label_w / 2))
        blockers = [(s.label_x, s.label_y, s.label_w, s.label_h) for s in spots]
        blockers += [(x - MARKER_R, y - MARKER_R, 2 * MARKER_R, 2 * MARKER_R)
                     for i, (x, y) in enumerate(markers) if i != index]
        under = my + MARKER_R + LABEL_GAP
        over = my - MARKER_R - LABEL_GAP - label_h
        below = label_below(score)
        # Next to its own marker, on its usual side or else the other; only when both are
        # taken does the label step further out on its usual side.
        top = next((t for t in ((under, over) if below else (over, under))
                    if not any(_overlaps((lx, t, label_w, label_h), b) for b in blockers)), None)
        if top is None:
            top = under if below else over
            for _ in range(2 * len(blockers) + 1):  # each move clears one blocker for good
                hit = next((b for b in blockers if _overlaps((lx, top, label_w, label_h), b)), None)
                if hit is None:
                    break
                top = hit[1] + hit[3] + LABEL_GAP / 2 if below else hit[1] - LABEL_GAP / 2 - label_h
        spots.append(Spot(mx, my, lx, top, label_w, label_h))
    return spots


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def lane_scale(spots: Sequence[Spot], min_height: float) -> EmotionScale:
    """The scale of a lane holding these spots: room for the whole scale and every label."""
    top = min([-HIGH * STEP - MARKER_R, *(s.label_y for s in spots), *(s.marker_y - MARKER_R for s in spots)])
    bottom = max([-LOW * STEP + MARKER_R, *(s.label_y + s.label_h for s in spots)])
    neutral = PAD - top
    return EmotionScale(neutral, max(neutral + bottom + PAD, min_height))


def slots(count: int, left: float, width: float) -> list[tuple[float, float]]:
    """(x, width) of ``count`` equal shares of a stage's width, left to right."""
    gap = st.SPACE
    w = (width - gap * (count - 1)) / max(count, 1)
    return [(left + i * (w + gap), w) for i in range(count)]


def scale_primitives(scale: EmotionScale, top: float, left: float, right: float, axis_x: float) -> list[Primitive]:
    """The faint five-step scale across the lane, its neutral line, and the step names at ``axis_x``."""
    prims: list[Primitive] = []
    for score in range(LOW, HIGH + 1):
        y = round(top + scale.y(score)) + 0.5
        if score == 0:
            prims.append(Line(left, y, right, y, st.NEUTRAL_LINE, 1.0, (4.0, 4.0)))
        else:
            prims.append(Line(left, y, right, y, st.SCALE_LINE))
        sign = "+" if score > 0 else ("−" if score < 0 else "")
        prims.append(Text(axis_x, round(y + 3.5), f"{sign}{abs(score)}", st.TYPE_SCALE[0], st.MUTED,
                          anchor="end"))
    return prims


def monotone_slopes(xs: Sequence[float], ys: Sequence[float]) -> list[float]:
    """Fritsch–Carlson tangents: a cubic Hermite curve with them is monotone between points."""
    n = len(xs)
    if n < 2:
        return [0.0] * n
    h = [xs[i + 1] - xs[i] for i in range(n - 1)]
    if any(step <= 0 for step in h):
        raise ValueError("curve points must have increasing x")
    delta = [(ys[i + 1] - ys[i]) / h[i] for i in range(n - 1)]
    m = [delta[0]] + [(delta[i - 1] + delta[i]) / 2 for i in range(1, n - 1)] + [delta[-1]]
    for i in range(n - 1):
        if delta[i] == 0:
            m[i] = m[i + 1] = 0.0
            continue
        if i > 0 and delta[i - 1] * delta[i] <= 0:
            m[i] = 0.0  # a local extreme: flat, so the curve does not overshoot it
        # Fritsch–Carlson's condition as the square alpha, beta <= 3 (tangents no steeper
        # than three times the secant, of its sign), written without dividing by the
        # secant so that tiny steps cannot overflow.
        limit = 3 * abs(delta[i])
        for j in (i, i + 1):
            if m[j] * delta[i] < 0:
                m[j] = 0.0
            elif abs(m[j]) > limit:
                m[j] = math.copysign(limit, delta[i])
    return m


def curve_commands(points: Sequence[tuple[float, float]]) -> tuple[PathCommand, ...]:
    """Path commands of the monotone cubic through points of increasing x (as Bézier segments)."""
    if len(points) < 2:
        return ()
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    m = monotone_slopes(xs, ys)
    commands: list[PathCommand] = [("M", xs[0], ys[0])]
    for i in range(len(points) - 1):
        third = (xs[i + 1] - xs[i]) / 3
        commands.append(("C", xs[i] + third, ys[i] + m[i] * third,
                         xs[i + 1] - third, ys[i + 1] - m[i + 1] * third, xs[i + 1], ys[i + 1]))
    return tuple(commands)


def curve_primitive(points: Sequence[tuple[float, float]]) -> Path | None:
    """The emotion curve through the markers, or None with fewer than two."""
    commands = curve_commands(sorted(points))
    if not commands:
        return None
    return Path(commands, stroke=st.CURVE, width=2.0, round=True)


def emotion_card_shape(card: Card, spot: Spot, persona: str | None = None) -> CardShape:
    """An emotion card: its marker and, beside it, a label with the card's text.

    The shape's box is the label's width and spans marker and label; the marker's
    centre is kept in the shape for dragging and for the curve.
    """
    label = measure_card(card, "emotion", spot.label_w, score_chip=False, persona=persona)
    score = score_of(card)
    top = min(spot.label_y, spot.marker_y - MARKER_R)
    bottom = max(spot.label_y + label.h, spot.marker_y + MARKER_R)
    marker = (spot.marker_x - spot.label_x, spot.marker_y - top)
    dy = spot.label_y - top
    # A point placed without words yet (double-clicked in at its height, Enter): its marker alone, not an
    # empty pink box beside it. The label's place stays the card's, to click and type into.
    bare = not card.text.strip() and not (persona or card.wait or card.channel or card.tags or card.votes
                                          or card.fail or card.color)
    prims = [*(() if bare else (translated(p, 0, dy) for p in label.primitives)), *marker_primitives(score, *marker)]
    badge = label.vote_badge
    if badge is not None:  # the dots stay clickable where the label moved them
        badge = (badge[0], badge[1] + dy, badge[2], badge[3])
    return CardShape(spot.label_w, bottom - top, label.lines, tuple(prims), label.text_top + dy, marker,
                     (0.0, dy, label.w, label.h), clipped=label.clipped, vote_badge=badge)


def label_shape(card: Card, width: float, persona: str | None = None) -> CardShape:
    """The label alone, to learn its height before the cell is placed."""
    return measure_card(card, "emotion", width, score_chip=False, persona=persona)


def marker_offset(card: Card, shape: CardShape) -> float:
    """y of the marker's centre below the card's top."""
    if shape.marker is not None:
        return shape.marker[1]
    return MARKER_R if label_below(score_of(card)) else shape.h - MARKER_R
