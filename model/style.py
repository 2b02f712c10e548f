"""The board's look: sizes, type scale and the lane-kind palette, shared by every renderer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KindStyle:
    """Colours of one lane kind: card fill, card border and the header accent."""

    fill: str
    border: str
    accent: str


# Soft tints with a saturated accent per kind; text stays dark on every fill (contrast
# above 12:1), so a custom card colour should be a light one too.
KIND_STYLES: dict[str, KindStyle] = {
    "evidence": KindStyle("#F3F0FF", "#D9D0FB", "#7C5CE0"),
    "customer": KindStyle("#E8F1FE", "#C5DAF9", "#2F6FDB"),
    "frontstage": KindStyle("#E6F6EF", "#BFE5D2", "#1C9A63"),
    "backstage": KindStyle("#FEF4E2", "#F4DDB0", "#C98209"),
    "support": KindStyle("#EEF1F5", "#D3D9E2", "#5B6B82"),
    "touchpoint": KindStyle("#E5F5FB", "#BCE3F2", "#1288B8"),
    "emotion": KindStyle("#FDEEF5", "#F5CDE0", "#D2477F"),
    "thought": KindStyle("#F6EEFC", "#E2CFF3", "#9B4FD1"),
    "pain": KindStyle("#FDECEC", "#F6C9C9", "#D64545"),
    "opportunity": KindStyle("#E9F7E9", "#C4E6C4", "#2E9B3E"),
    "note": KindStyle("#FFF8DC", "#F0E2A8", "#B58E0B"),
}

INK = "#1E293B"  # card and header text
MUTED = "#64748B"  # captions, arrows, blueprint line labels
FAINT = "#E2E8F0"  # grid lines
BAND_EVEN = "#FFFFFF"
BAND_ODD = "#F8FAFC"
PAGE = "#FFFFFF"
HEADER_FILL = "#F1F5F9"
SHADOW = "#0F172A"
FAIL = "#DC2626"
WAIT = "#D97706"
WAIT_FILL = "#FEF3C7"
CHIP_FILL = "#FFFFFF"
ARROW = "#64748B"
HANDOFF = "#C2410C"  # arrows that cross the line of visibility: where service breaks most often
BLUEPRINT_LINE = "#475569"
VOTE = "#4338CA"  # dot votes: the sticky dots of a dot-voting exercise
VOTE_DOT_R = 4.0
VOTE_DOTS_SHOWN = 5  # more votes than this show as five dots and "+N"

# Type scale (px; integers so that Qt's pixel sizes match exactly).
TITLE_SIZE = 22
DESCRIPTION_SIZE = 13
STAGE_SIZE = 14
STAGE_NUMBER_SIZE = 11
LANE_SIZE = 13
LANE_KIND_SIZE = 11
CARD_SIZE = 13
CHIP_SIZE = 11
LINE_LABEL_SIZE = 10
LINK_LABEL_SIZE = 11
LINE_FACTOR = 1.38  # line height as a multiple of the font size

# Geometry (px).
MARGIN = 32
TITLE_GAP = 20  # between the title block and the stage headers
LANE_HEADER_W = 176
STAGE_HEADER_H = 56
CARD_W = 188
CARD_PAD_X = 12
CARD_PAD_Y = 10
CARD_RADIUS = 8
CARD_GAP = 10  # between stacked cards
CELL_PAD_X = 14
CELL_PAD_Y = 14
COLUMN_W = CARD_W + 2 * CELL_PAD_X
GUTTER = 8  # between the lane header column and the first stage
MIN_LANE_H = 92
FAIL_R = 9
CHIP_H = 20
CHIP_GAP = 6
ARROW_HEAD = 8.0
ARROW_WIDTH = 1.0  # a 1-px pen keeps Qt on its fast path (architecture.md, known traps)


def card_fill(kind: str, color: str | None) -> str:
    """A card's fill: its own colour, or its lane kind's."""
    return color or KIND_STYLES[kind].fill


def card_border(kind: str, color: str | None) -> str:
    """A card's border: the kind's, or the custom fill darkened."""
    if color is None:
        return KIND_STYLES[kind].border
    return mix(color, "#000000", 0.18)


def mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0…1) of the way towards ``other``."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))
