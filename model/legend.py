"""The legend: what the lane colours, markers, emotion faces and channel icons mean.

Drawn under the board when the legend is shown (a view setting, not stored in the file).
It lists only what the board uses, so it stays short.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field

from model import style as st
from model.board_words import ENGLISH, board_word
from model.channel_icons import CHANNEL_ICONS, SCORE_ICONS, channel_icon, channel_key
from model.emotion_curve import marker_primitives
from model.entities import LANE_KIND_LABELS, LANE_KINDS
from model.icons import icon_path
from model.primitives import Box, Circle, Line, Path, Primitive, Text, translated
from model.typesetting import text_width
from model.valueclass import value_class

ROW_H = 3 * st.SPACE
SWATCH = 2 * st.SPACE
GROUP_GAP = 5 * st.SPACE
PAD = 2 * st.SPACE
TITLE_H = 3 * st.SPACE
SCORE_NAMES = {-2: "Very negative", -1: "Negative", 0: "Neutral", 1: "Positive", 2: "Very positive"}


@value_class
class LegendContent:
    """What the board uses, and so what the legend explains."""

    kinds: list[str] = field(default_factory=list)  # the lanes' kinds in the board's order, each once
    fail: bool = False
    wait: bool = False
    handoff: bool = False
    answers: bool = False  # a pain point linked to the opportunity that answers it
    personas: bool = False
    emotion: bool = False
    channels: list[str] = field(default_factory=list)  # the values as written, first seen first
    language: str = ENGLISH  # the board's (model/board_words): the legend's own words


Item = tuple[list[Primitive], str]  # a symbol drawn in a SWATCH-high box at (0, 0), and its label


Entry = tuple[float, float, float, float]  # a legend entry's box on the board: x0, y0, x1, y1


def legend(content: LegendContent, x: float, y: float, width: float) -> tuple[list[Primitive], float, list[Entry]]:
    """The legend block at (x, y) no wider than ``width``; its primitives, height, and the boxes of its heading,
    its groups' titles and its entries (symbol and label): what a tiled poster keeps whole (exporters/pages.py)."""
    groups = [(title, items) for title, items in _groups(content) if items]
    if not groups:
        return [], 0.0, []
    placed: list[Primitive] = []
    entries: list[Entry] = []
    gx, gy, row_h = x + PAD, y + PAD + TITLE_H, 0.0
    for title, items in groups:
        label_w = max(text_width(label, st.CARD_SIZE) for _, label in items)
        group_w = SWATCH + st.SPACE + label_w
        if gx > x + PAD and gx + group_w > x + width - PAD:
            gx, gy, row_h = x + PAD, gy + row_h + st.SPACE, 0.0
        placed.append(Text(gx, gy + 11, title.upper(), st.TYPE_SCALE[1], st.MUTED, bold=True))
        entries.append((gx, gy, gx + text_width(title.upper(), st.TYPE_SCALE[1], bold=True), gy + TITLE_H))
        iy = gy + TITLE_H
        for symbol, label in items:
            placed += [translated(p, gx, iy + (ROW_H - SWATCH) / 2) for p in symbol]
            placed.append(Text(gx + SWATCH + st.SPACE, iy + 16, label, st.CARD_SIZE, st.INK))
            entries.append((gx, iy, gx + SWATCH + st.SPACE + text_width(label, st.CARD_SIZE), iy + ROW_H))
            iy += ROW_H
        row_h = max(row_h, iy - gy)
        gx += group_w + GROUP_GAP
    height = gy + row_h + PAD - y
    heading = board_word("Legend", content.language)
    frame: list[Primitive] = [
        Box(x, y, width, height, fill=st.LEGEND_FILL, stroke=st.FAINT, radius=st.CARD_RADIUS),
        Text(x + PAD, y + PAD + 12, heading, st.STAGE_SIZE, st.INK, bold=True),
    ]
    entries.insert(0, (x + PAD, y + PAD, x + PAD + text_width(heading, st.STAGE_SIZE, bold=True), y + PAD + TITLE_H))
    return frame + placed, height, entries


def _groups(content: LegendContent) -> Iterable[tuple[str, list[Item]]]:
    def word(text: str) -> str:
        return board_word(text, content.language)

    lanes: list[Item] = []
    # In the board's order, top to bottom: the legend reads as the lanes do.
    for kind in content.kinds:
        if kind in LANE_KINDS:
            style = st.KIND_STYLES[kind]
            lanes.append(([Box(0, 0, SWATCH, SWATCH, fill=style.fill, stroke=style.border, radius=4),
                           Box(0, 0, 4, SWATCH, fill=style.accent, radius=2)], word(LANE_KIND_LABELS[kind])))
    yield word("Lanes"), lanes
    r = SWATCH / 2
    markers: list[Item] = []
    if content.fail:
        markers.append(([Circle(r, r, st.FAIL_R, fill=st.FAIL),
                         Text(r, r + 4, "F", 11, st.ON_ACCENT, bold=True, anchor="middle")], word("Fail point")))
    if content.wait:
        markers.append(([Circle(r, r, r, fill=st.WAIT),
                         Text(r, r + 3.5, "W", 10, st.ON_ACCENT, bold=True, anchor="middle")], word("Wait point")))
    if content.handoff:
        markers.append((_arrow(st.HANDOFF), word("Hand-off across the line of visibility")))
    if content.answers:
        markers.append((_arrow(st.KIND_STYLES["opportunity"].accent), word("Opportunity answering a pain point")))
    if content.personas:
        markers.append(([Circle(r, r, r, fill=st.PERSONA_ACCENT),
                         Text(r, r + 3.5, "AB", 10, st.ON_ACCENT, bold=True, anchor="middle")],
                        word("Persona of a card")))
    yield word("Markers"), markers
    if content.emotion:
        faces: list[Item] = []
        for score in sorted(SCORE_ICONS, reverse=True):
            sign = "+" if score > 0 else ("−" if score < 0 else "")
            faces.append((_scaled_marker(score), f"{sign}{abs(score)} {word(SCORE_NAMES[score])}"))
        yield word("Emotion"), faces
    channels: list[Item] = []
    seen: set[str] = set()
    for value in content.channels:
        key = channel_key(value) or value.strip()
        if key in seen:
            continue
        seen.add(key)
        label = key if key in CHANNEL_ICONS else value.strip()
        channels.append(([icon_path(channel_icon(value), 0, 0, SWATCH, st.INK)], label))
    yield word("Channels"), channels


def _arrow(colour: str) -> list[Primitive]:
    mid = SWATCH / 2
    return [Line(0, mid, SWATCH - 5, mid, colour, 1.5),
            Path((("M", SWATCH, mid), ("L", SWATCH - 6, mid - 3.5), ("L", SWATCH - 6, mid + 3.5), ("Z",)),
                 fill=colour)]


def _scaled_marker(score: int) -> list[Primitive]:
    """The emotion marker, drawn at the legend's swatch size."""
    r = SWATCH / 2
    return [Circle(r, r, r + 1, fill=st.SENTIMENT[score]),
            *[p for p in marker_primitives(score, r, r) if isinstance(p, Path)]]
