"""A card's look, measured once: wrapped text, markers and chips, relative to its corner.

The shape depends only on the card's own fields and its lane's kind, so the layout can
cache it and reuse it when the card merely moves.
"""

from __future__ import annotations

from dataclasses import field

from model import style as st
from model.board_words import ENGLISH, board_word
from model.channel_icons import KIND_ICONS, channel_icon
from model.entities import Card
from model.icons import icon_path
from model.primitives import Box, Circle, Primitive, Text, translated
from model.shaping import one_shorter
from model.typesetting import (
    baseline_offset,
    line_height,
    reads_right_to_left,
    text_block,
    text_primitives,
    text_width,
)
from model.valueclass import value_class

# A card grows with its text up to this many lines; beyond, the last line ends in an
# ellipsis (the PDF prints the whole text on an appendix page, the editor edits all of it).
MAX_LINES = 14
FAIL_RING_BELOW = 3.0  # contrast of the fail disc with its card under which it gets a white ring

SCORE_LABELS = {-2: "Very negative", -1: "Negative", 0: "Neutral", 1: "Positive", 2: "Very positive"}


@value_class(frozen=True)
class CardShape:
    """What a card looks like, independent of where it sits.

    ``primitives`` of a shape from ``measure_card`` are made when first read, not when the card
    is measured: a board's layout needs every card's size (the lanes' heights come from them),
    but opening a board draws only the cards in view, and its other cards' drawing is made when
    they are shown or exported (~40 % of measuring at 5,000 cards; issue 9). The drawing made
    later is the one measuring at once made: it is worked out from the values kept in ``_parts``,
    which hold nothing of the card (a card can be edited in place after it was measured).
    """

    w: float
    h: float
    lines: tuple[str, ...]
    primitives: tuple[Primitive, ...]
    text_top: float  # where the first line's box starts, for the in-place editor
    marker: tuple[float, float] | None = None  # an emotion card's marker centre, relative to its corner
    body: tuple[float, float, float, float] | None = None  # an emotion card's label box (x, y, w, h)
    clipped: bool = False  # the text had more than MAX_LINES lines and ends in an ellipsis
    vote_badge: tuple[float, float, float, float] | None = None  # x, y, w, h of the dots, clickable
    # What ``_card_primitives`` draws the shape from while ``primitives`` has not been read yet.
    _parts: tuple[object, ...] | None = field(default=None, repr=False, compare=False)

    def body_box(self) -> Box | None:
        """The card's own box, relative to its corner: what it draws of itself zoomed out (the second
        primitive, after the shadow; an emotion card's label box after its marker), None without one.
        A shape whose drawing waits is not drawn for it: its box is the one its drawing will have."""
        parts = self._parts
        if parts is not None:
            w, h, kind, color = parts[:4]
            return _card_boxes(w, h, kind, color)[1]  # type: ignore[arg-type]
        return next((p for p in self.primitives[1:3] if isinstance(p, Box)), None)

    def __getattr__(self, name: str) -> object:
        # Called only for a slot never set: ``primitives`` of a shape whose drawing waits (_drawn_later).
        parts = object.__getattribute__(self, "_parts")
        if name != "primitives" or parts is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        primitives = _card_primitives(*parts)
        object.__setattr__(self, "primitives", primitives)
        object.__setattr__(self, "_parts", None)
        return primitives


def _drawn_later(w: float, h: float, lines: tuple[str, ...], text_top: float, clipped: bool,
                 vote_badge: tuple[float, float, float, float] | None, parts: tuple[object, ...]) -> CardShape:
    """A CardShape whose ``primitives`` are made from ``parts`` when first read (CardShape's note)."""
    shape = _new_shape(CardShape)
    # Each slot's own setter, as model/quickinit.py's __init__ does (the class is frozen: its
    # own __setattr__ refuses; object.__setattr__ by name was ~0.2 us a field).
    _set_w(shape, w)
    _set_h(shape, h)
    _set_lines(shape, lines)
    _set_text_top(shape, text_top)
    _set_marker(shape, None)
    _set_body(shape, None)
    _set_clipped(shape, clipped)
    _set_vote_badge(shape, vote_badge)
    _set_parts(shape, parts)
    return shape


_new_shape = object.__new__
_set_w, _set_h, _set_lines, _set_text_top, _set_marker, _set_body, _set_clipped, _set_vote_badge, _set_parts = (
    CardShape.__dict__[name].__set__
    for name in ("w", "h", "lines", "text_top", "marker", "body", "clipped", "vote_badge", "_parts"))


def card_signature(card: Card, kind: str) -> tuple[object, ...]:
    """Everything a card's shape depends on; equal signatures give equal shapes."""
    return (card.text, card.color, card.score, card.channel, card.fail, card.wait,
            tuple(card.tags or ()), kind, card.persona, card.votes)


def signed_score(score: int) -> str:
    """An emotion score as the chips write it: "–2" (an en dash), "±0", "+1"."""
    return ("+" if score > 0 else "–" if score < 0 else "±") + str(abs(score))


def persona_initials(name: str) -> str:
    """Up to two initials of a persona's name ("Sam Reyes" -> "SR"; "Maya, 34" -> "M", not "M3")."""
    words = [w for w in name.split() if w[:1].isalpha()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def measure_card(card: Card, kind: str, width: float = st.CARD_W, *, score_chip: bool = True,
                 persona: str | None = None, language: str = ENGLISH) -> CardShape:
    """Wrap the card's text and lay out its markers and chip row.

    ``persona`` is the initials of the card's persona, drawn as a small badge;
    ``score_chip`` is off where the score is drawn otherwise (the emotion curve);
    ``language`` is the board's, which its score chip's words are in (model/board_words).
    """
    w = float(width)
    marks, marks_left = _corner_marks(card, kind, w)
    marks_w = (w - st.CARD_PAD_X - marks_left + 3) if marks else 0.0
    text_w = w - 2 * st.CARD_PAD_X - marks_w
    lines, text_h = text_block(card.text, text_w, st.CARD_SIZE, bold=False)
    clipped = len(lines) > MAX_LINES
    if clipped:
        lines = [*lines[: MAX_LINES - 1], _ellipsised(lines[MAX_LINES - 1], text_w, st.CARD_SIZE)]
        text_h = MAX_LINES * line_height(st.CARD_SIZE)
    chips, chips_h, badge = _chip_row(card, kind, st.CARD_PAD_X, w - 2 * st.CARD_PAD_X, score_chip, persona,
                                      language)
    top = float(st.CARD_PAD_Y)
    h = st.CARD_PAD_Y + text_h + (st.CHIP_GAP + chips_h if chips else 0) + st.CARD_PAD_Y
    vote_badge = None
    if chips and badge is not None:
        vote_badge = (badge[0], badge[1] + top + text_h + st.CHIP_GAP, badge[2], badge[3])
    return _drawn_later(w, h, tuple(lines), top, clipped, vote_badge,
                        (w, h, kind, card.color, lines, top, text_h, chips, marks, st.CARD_PAD_X + text_w))


def _card_primitives(w: float, h: float, kind: str, color: str | None, lines: list[str], top: float,
                     text_h: float, chips: list[Primitive], marks: list[Primitive],
                     text_right: float) -> tuple[Primitive, ...]:
    """A measured card's drawing: shadow and body, accent edge, text lines, chip row, corner marks.
    ``text_right``: where the lines' room ends, left of the corner marks."""
    prims: list[Primitive] = list(_card_boxes(w, h, kind, color))
    if kind in KIND_ICONS and color is None:
        # Pain points and opportunities: an accent edge in the kind's colour.
        prims.append(Box(0, 0, 4, h, fill=st.KIND_STYLES[kind].accent, radius=2))
    # Lines of Arabic or Hebrew start at the right of their room.
    x, anchor = (text_right, "end") if reads_right_to_left(lines) else (st.CARD_PAD_X, "start")
    prims += text_primitives(lines, x, top, st.CARD_SIZE, st.card_inks(st.card_fill(kind, color))[0], anchor=anchor)
    if chips:
        prims += _offset(chips, top + text_h + st.CHIP_GAP)
    prims += marks
    return tuple(prims)


_BOXES: dict[tuple[float, float, str, str | None], tuple[Box, Box]] = {}
_BOXES_KEPT = 4096  # sizes x colours in use; far more than any board has


def _card_boxes(w: float, h: float, kind: str, color: str | None) -> tuple[Box, Box]:
    """A card's shadow and body. Cards of one size and colour share the same two (immutable)
    boxes: a board has a few dozen of them, not two per card, which saves memory and time."""
    key = (w, h, kind, color)
    boxes = _BOXES.get(key)
    if boxes is None:
        if len(_BOXES) >= _BOXES_KEPT:
            _BOXES.clear()
        boxes = _BOXES[key] = (
            Box(0, 1.5, w, h, fill=st.SHADOW, radius=st.CARD_RADIUS, opacity=0.07),
            Box(0, 0, w, h, fill=st.card_fill(kind, color), stroke=st.card_border(kind, color),
                radius=st.CARD_RADIUS),
        )
    return boxes


def _corner_marks(card: Card, kind: str, w: float) -> tuple[list[Primitive], float]:
    """Marks in the top-right corner (the fail marker, the pain or opportunity icon) and their left edge."""
    marks: list[Primitive] = []
    right = w - st.CARD_PAD_X + 3
    cy = st.CARD_PAD_Y + st.FAIL_R - 1
    if card.fail:
        cx = right - st.FAIL_R
        if st.contrast(st.card_fill(kind, card.color), st.FAIL) < FAIL_RING_BELOW:
            # On a red or pink card the red disc melted into it (1.2:1 on #FF0000): a white ring parts them.
            marks.append(Circle(cx, cy, st.FAIL_R + 1.5, fill=st.ON_ACCENT))
        marks.append(Circle(cx, cy, st.FAIL_R, fill=st.FAIL))
        marks.append(Text(cx, cy + 4, "F", 11, st.ON_ACCENT, bold=True, anchor="middle"))
        right = cx - st.FAIL_R - 4
    if kind in KIND_ICONS:
        size = st.ICON_SIZE
        marks.append(icon_path(KIND_ICONS[kind], right - size, cy - size / 2, size, st.KIND_STYLES[kind].accent))
        right -= size
    return marks, right


def _chip_row(
    card: Card, kind: str, left: float, width: float, score_chip: bool = True, persona: str | None = None,
    language: str = ENGLISH,
) -> tuple[list[Primitive], float, tuple[float, float, float, float] | None]:
    """Chips (persona, wait, channel, score, tags, votes) flowed left to right, wrapping onto new rows.

    Also returns the vote badge's box (relative to the row), which the canvas makes clickable.
    """
    chips: list[tuple[float, float, list[Primitive]]] = []  # width, height, drawing
    if persona:
        chips.append(_persona_badge(persona))
    if card.wait:
        chips.append(_wait_chip(card.wait, width))
    if card.channel:
        chips.append(_channel_chip(card.channel, st.card_border(kind, card.color), width))
    if card.score is not None and score_chip:
        chips.append(_chip(f"{signed_score(card.score)} {board_word(SCORE_LABELS[card.score], language)}", st.CHIP_FILL,
                           st.card_border(kind, card.color), st.INK, width))
    if card.tags:
        tag_ink = st.card_inks(st.card_fill(kind, card.color))[1]
        chips += [_chip(f"#{tag}", None, None, tag_ink, width) for tag in card.tags]
    if card.votes > 0:
        chips.append(_vote_chip(card.votes))
    placed: list[Primitive] = []
    badge = None
    x, y, row_h = left, 0.0, 0.0
    for i, (chip_w, chip_h, prims) in enumerate(chips):
        if x > left and x + chip_w > left + width:
            x, y, row_h = left, y + row_h + 4, 0.0
        placed += _offset(prims, y, x)
        if card.votes > 0 and i == len(chips) - 1:
            badge = (x, y, chip_w, chip_h)
        x += chip_w + 4
        row_h = max(row_h, chip_h)
    return placed, y + row_h, badge


def _vote_chip(votes: int) -> tuple[float, float, list[Primitive]]:
    """Dot votes: one filled dot a vote, up to five, then "+N" for the rest."""
    r, gap, pad = st.VOTE_DOT_R, 3.0, 7.0
    shown = min(votes, st.VOTE_DOTS_SHOWN)
    prims: list[Primitive] = []
    x = pad
    for _ in range(shown):
        prims.append(Circle(x + r, st.CHIP_H / 2, r, fill=st.VOTE))
        x += 2 * r + gap
    x -= gap
    if votes > shown:
        label = f"+{votes - shown}"
        prims.append(Text(x + 4, _chip_baseline(bold=True), label, st.CHIP_SIZE, st.VOTE, bold=True))
        x += 4 + text_width(label, st.CHIP_SIZE, bold=True)
    w = x + pad
    prims.insert(0, Box(0, 0, w, st.CHIP_H, fill=st.CHIP_FILL, stroke=st.VOTE, radius=st.CHIP_H / 2))
    return w, st.CHIP_H, prims


def _chip(label: str, fill: str | None, stroke: str | None, color: str,
          width: float) -> tuple[float, float, list[Primitive]]:
    pad = 7 if fill or stroke else 0
    lines, text_w, h = _chip_lines(label, width - 2 * pad)
    w = text_w + 2 * pad
    prims: list[Primitive] = []
    if fill or stroke:
        prims.append(Box(0, 0, w, h, fill=fill, stroke=stroke, radius=st.CHIP_H / 2))
    prims += _chip_text(lines, pad, color)
    return w, h, prims


def _wait_chip(wait: str, width: float) -> tuple[float, float, list[Primitive]]:
    """The classic W marker: a W in an amber disc, then the waiting time."""
    r = st.CHIP_H / 2 - 2
    lines, text_w, h = _chip_lines(wait, width - (2 * r + 6 + 9))
    w = 2 * r + 6 + text_w + 9
    return w, h, [
        Box(0, 0, w, h, fill=st.WAIT_FILL, stroke=st.WAIT, radius=st.CHIP_H / 2),
        Circle(2 + r, st.CHIP_H / 2, r, fill=st.WAIT),
        Text(2 + r, _chip_baseline(bold=True), "W", 10, st.ON_ACCENT, bold=True, anchor="middle"),
        *_chip_text(lines, 2 * r + 8, st.INK),
    ]


def _channel_chip(channel: str, stroke: str, width: float) -> tuple[float, float, list[Primitive]]:
    """A channel: its icon (a generic one for channels Touchline does not know) and its name."""
    icon = 14.0
    pad = 7
    lines, text_w, h = _chip_lines(channel, width - 2 * pad - icon - 4)
    w = pad + icon + 4 + text_w + pad
    return w, h, [
        Box(0, 0, w, h, fill=st.CHIP_FILL, stroke=stroke, radius=st.CHIP_H / 2),
        icon_path(channel_icon(channel), pad - 1, (st.CHIP_H - icon) / 2, icon, st.INK),
        *_chip_text(lines, pad + icon + 4, st.INK),
    ]


def _persona_badge(initials: str) -> tuple[float, float, list[Primitive]]:
    """A card's persona: the initials in a small disc."""
    r = st.CHIP_H / 2
    return 2 * r, 2 * r, [
        Circle(r, r, r, fill=st.PERSONA_ACCENT),
        Text(r, _chip_baseline(bold=True), initials, 10, st.ON_ACCENT, bold=True, anchor="middle"),
    ]


def _chip_lines(label: str, width: float) -> tuple[list[str], float, float]:
    """A chip's words on one line, or wrapped to ``width`` when they do not fit it: the lines, the
    widest line's width and the chip's height. Never cut short: a wait, a channel or a tag is
    read in full on the card, in the SVG and in the PDF's text (a chip never leaves its card)."""
    label = " ".join(label.split())  # one paragraph: its line breaks are the card's to make
    one_line = text_width(label, st.CHIP_SIZE)
    if one_line <= width:
        return [label], one_line, st.CHIP_H
    lines, text_h = text_block(label, width, st.CHIP_SIZE, bold=False)
    widest = max(text_width(line, st.CHIP_SIZE) for line in lines)
    return lines, widest, st.CHIP_H + text_h - line_height(st.CHIP_SIZE)


def _chip_text(lines: list[str], x: float, color: str) -> list[Text]:
    """A chip's lines, the first centred in a one-line chip's height, the next a line height below each."""
    return text_primitives(lines, x, (st.CHIP_H - line_height(st.CHIP_SIZE)) / 2, st.CHIP_SIZE, color)


def _ellipsised(line: str, width: float, size: float) -> str:
    """``line`` with an ellipsis at its end, shortened until both fit ``width``."""
    line = line.rstrip()
    while line and text_width(line + "…", size) > width:
        line = one_shorter(line).rstrip()
    return line + "…"


def _chip_baseline(bold: bool = False) -> float:
    return round((st.CHIP_H - line_height(st.CHIP_SIZE)) / 2 + baseline_offset(st.CHIP_SIZE, bold))


def _offset(prims: list[Primitive], dy: float, dx: float = 0.0) -> list[Primitive]:
    return [translated(p, dx, dy) for p in prims]
