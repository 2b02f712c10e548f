"""Touchline's design system: the one module of named colours, sizes and fonts.

The layout reads it to build the picture that the canvas, the SVG and the PDF draw, so
all three share it. Rules it keeps (tests/test_style.py checks them):

- a calm palette: soft tinted fills, one saturated accent per lane kind, slate ink;
- one type scale (``TYPE_SCALE``), whole pixels, body text 13 px, line height 1.38;
- spacing on an 8-pt grid (``SPACE``), with 4-pt half steps inside small parts (chips);
- every text at least 4.5:1 against the fill under it (WCAG AA), in both themes;
- two canvas themes, light and dark. The layout is always built in light colours; the
  dark theme is a colour map the canvas applies when it paints (``themed``), so exports
  stay light unless a dark export is asked for.
"""

from __future__ import annotations

import colorsys
from functools import cache

from model.fonts import FONT_FAMILY
from model.valueclass import value_class

FONT = FONT_FAMILY  # the one typeface, bundled (resources/fonts), measured by model.fonts

SPACE = 8  # the spacing unit: margins, gaps and paddings are multiples of it (or of half of it)


@value_class(frozen=True)
class KindStyle:
    """Colours of one lane kind: card fill, card border and the header accent."""

    fill: str
    border: str
    accent: str


# Soft tints with a saturated accent per kind; text stays dark on every fill (contrast
# above 12:1). A card's own colour may be any (the colour dialog offers all): its text
# turns light where dark text would not read (``card_inks``).
KIND_STYLES: dict[str, KindStyle] = {
    "evidence": KindStyle("#F3F0FF", "#D9D0FB", "#7C5CE0"),
    "customer": KindStyle("#E8F1FE", "#C5DAF9", "#2F6FDB"),
    "frontstage": KindStyle("#E6F6EF", "#BFE5D2", "#1C9A63"),
    "backstage": KindStyle("#FEF4E2", "#F4DDB0", "#C98209"),
    "support": KindStyle("#EEF1F5", "#D3D9E2", "#5B6B82"),
    "touchpoint": KindStyle("#E5F5FB", "#BCE3F2", "#1288B8"),
    "emotion": KindStyle("#FDEEF5", "#F5CDE0", "#D2477F"),
    "thought": KindStyle("#F6EEFC", "#E2CFF3", "#9B4FD1"),
    "pain": KindStyle("#FDECEC", "#F3BDBD", "#C93636"),
    "opportunity": KindStyle("#E7F6EC", "#B9E2C6", "#1F8A4C"),
    "note": KindStyle("#FFF8DC", "#F0E2A8", "#B58E0B"),
}

INK = "#1E293B"  # card and header text
MUTED = "#556274"  # captions, arrows, blueprint line labels
FAINT = "#E2E8F0"  # grid lines
BAND_EVEN = "#FFFFFF"
BAND_ODD = "#F8FAFC"
PAGE = "#FFFFFF"
HEADER_FILL = "#F1F5F9"
SHADOW = "#0F172A"
FAIL = "#DC2626"
WAIT = "#B45309"  # dark amber: the white W on it keeps 4.5:1
WAIT_FILL = "#FEF3C7"
CHIP_FILL = "#FFFFFF"
ARROW = "#64748B"
HANDOFF = "#C2410C"  # arrows that cross the line of visibility: where service breaks most often
BLUEPRINT_LINE = "#475569"
ON_ACCENT = "#FEFEFE"  # text on saturated marks (F, W, badges); stays white in the dark theme
INK_ON_DARK = "#F9FAFB"  # a card's text on a dark colour of its own
MUTED_ON_DARK = "#CBD5E1"  # its tags there
INK_BLACK = "#000000"  # on a mid-tone neither INK nor INK_ON_DARK reads on (pure red): black or white always does
SELECTION = "#2563EB"  # the editor's selection outline, handles and rubber lines (screen only)
CANVAS_LIGHT = "#E9EDF2"  # the desk around the board on screen
CANVAS_DARK = "#0B1120"
VOTE = "#4338CA"  # dot votes: the sticky dots of a dot-voting exercise
VOTE_DOT_R = 4.0
VOTE_DOTS_SHOWN = 5  # more votes than this show as five dots and "+N"

# Sentiment of an emotion score, from very negative to very positive. Colour-blind safe
# (a red-to-blue diverging scale, not red-to-green), and never alone: each point also
# shows a face (model.icons) and the score's name.
SENTIMENT: dict[int, str] = {-2: "#B42318", -1: "#DC6803", 0: "#667085", 1: "#1570EF", 2: "#1849A9"}
CURVE = "#475569"
SCALE_LINE = "#E2E8F0"
NEUTRAL_LINE = "#94A3B8"
LEGEND_FILL = "#F8FAFC"
PERSONA_FILL = "#FFFFFF"
PERSONA_BORDER = "#D8DEE8"
PERSONA_ACCENT = "#4F46E5"
METRIC_FILL = "#FFFFFF"
CHART_LINE = "#6366F1"

# Type scale (px; integers so that Qt's pixel sizes match exactly). Every size used on
# the board is one of these steps.
TYPE_SCALE = (10, 11, 13, 14, 16, 22)
TITLE_SIZE = 22
HEADING_SIZE = 16  # persona names, legend title
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
TITLE_GAP = 24  # between the title block and the stage headers
LANE_HEADER_W = 176
STAGE_HEADER_H = 56
CARD_W = 188
CARD_PAD_X = 12
CARD_PAD_Y = 12
CARD_RADIUS = 8
CARD_GAP = 8  # between stacked cards
CELL_PAD_X = 16
CELL_PAD_Y = 16
COLUMN_W = CARD_W + 2 * CELL_PAD_X
GUTTER = 8  # between the lane header column and the first stage
MIN_LANE_H = 96
ICON_SIZE = 16  # channel and lane-kind icons
BADGE_R = 9  # a card's persona badge
FAIL_R = 9
CHIP_H = 20
CHIP_GAP = 6
ARROW_HEAD = 8.0
ARROW_WIDTH = 1.0  # a 1-px pen keeps Qt on its fast path (architecture.md, known traps)


def card_fill(kind: str, color: str | None) -> str:
    """A card's fill: its own colour, or its lane kind's."""
    return KIND_STYLES[kind].fill if color is None else own_colour(color)


def card_border(kind: str, color: str | None) -> str:
    """A card's border: the kind's, or the custom fill darkened."""
    if color is None:
        return KIND_STYLES[kind].border
    return own_colour(mix(color, "#000000", 0.18))


def own_colour(color: str) -> str:
    """A card's own colour as drawn: as chosen, but for one that is also a named colour of the palette.

    The dark theme maps a colour by its value (``themed``): a card coloured exactly INK
    (#1E293B) would turn light grey there, as the text does, under its light text. Such a
    colour is moved a step or two (invisible) and mapped as the card colour it is.
    """
    if color.upper() not in _NAMED:
        return color
    channels = [int(color[i: i + 2], 16) for i in (1, 3, 5)]
    while True:  # each channel a step towards the middle: a grey stays a grey (#FFFFFF: #FDFDFD)
        channels = [c + 1 if c < 128 else c - 1 for c in channels]
        moved = "#" + "".join(f"{c:02X}" for c in channels)
        if moved not in _NAMED:
            return moved


@cache
def card_inks(fill: str) -> tuple[str, str]:
    """The text and tag colours on a card of ``fill``: dark on a light fill, light on a dark one, and
    black or white on a mid-tone where neither reads at 4.5:1 (WCAG AA; one of the two always does)."""
    if contrast(INK, fill) >= 4.5:
        return INK, (MUTED if contrast(MUTED, fill) >= 4.5 else INK)
    if contrast(INK_ON_DARK, fill) >= 4.5:
        return INK_ON_DARK, (MUTED_ON_DARK if contrast(MUTED_ON_DARK, fill) >= 4.5 else INK_ON_DARK)
    ink = INK_BLACK if contrast(INK_BLACK, fill) >= contrast(ON_ACCENT, fill) else ON_ACCENT
    return ink, ink


def has_light_ink(fill: str) -> bool:
    """Whether text on ``fill`` is light: a dark colour, which the dark theme leaves as it is."""
    return card_inks(fill)[0] in (INK_ON_DARK, ON_ACCENT)


def mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0…1) of the way towards ``other``."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


# ------------------------------------------------------------------ themes
THEMES = ("light", "dark")

# The dark theme's counterpart of each named light colour; other colours (a card's own
# fill) are mapped by ``_invert``, which flips lightness and keeps hue. The map is keyed by
# the colour value, so two roles that need different dark colours need different light
# values too (tests/test_style.py finds a clash as a contrast failure).
_DARK: dict[str, str] = {
    PAGE: "#111827", BAND_EVEN: "#111827", BAND_ODD: "#151E2E", HEADER_FILL: "#1E293B",
    INK: "#E5E7EB", MUTED: "#A3B1C6", FAINT: "#2A3648", SHADOW: "#000000", ON_ACCENT: ON_ACCENT,
    BLUEPRINT_LINE: "#A3B1C6", ARROW: "#94A3B8", HANDOFF: "#FB923C", FAIL: "#DC2626", WAIT: "#B45309",
    WAIT_FILL: "#3B2A10", NEUTRAL_LINE: "#64748B",  # CURVE, SCALE_LINE: as BLUEPRINT_LINE, FAINT
    PERSONA_BORDER: "#334155", PERSONA_ACCENT: "#5850D8", CHART_LINE: "#A5B4FC",
    CANVAS_LIGHT: CANVAS_DARK, VOTE: "#818CF8",  # the dots and their "+N" stay indigo, light enough to read
    **{c: c for c in SENTIMENT.values()},  # mid-tones that read on either background, under white faces
    # A dark card colour stays dark (``_dark``) and keeps its light text; on a light one, turned deep,
    # black text turns light as INK does.
    INK_ON_DARK: INK_ON_DARK, MUTED_ON_DARK: MUTED_ON_DARK, INK_BLACK: "#E5E7EB",
}
_NAMED = frozenset(_DARK) | {c for style in KIND_STYLES.values() for c in (style.fill, style.border, style.accent)}


def themed(color: str, theme: str) -> str:
    """``color`` as the canvas paints it in ``theme`` ("light" leaves it as it is)."""
    if theme == "light":
        return color
    return _dark(color.upper())


@cache
def _dark(color: str) -> str:
    found = _DARK.get(color)
    if found is not None:
        return found
    for style in KIND_STYLES.values():
        if color == style.accent:
            return mix(color, "#FFFFFF", 0.25)  # accents stay saturated, a little lighter
    if color in _NAMED:
        return _invert(color)  # the lane kinds' tints and borders, whose text is INK
    if has_light_ink(color):
        return color  # a dark card colour: already a dark theme's, under its light text
    deep = _invert(color)
    # A mid-tone (yellow) flips to a mid-tone: deepened until the text and tags, turned light, read on it.
    inks = [_DARK[ink] for ink in card_inks(color)]
    while min(contrast(ink, deep) for ink in inks) < 4.5:
        deep = mix(deep, "#000000", 0.1)
    return deep


def _invert(color: str) -> str:
    """Lightness flipped, hue and most of the saturation kept: a light tint becomes a deep one."""
    r, g, b = (int(color[i: i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    out = colorsys.hls_to_rgb(h, 0.1 + 0.8 * (1 - lightness), s * 0.55)
    return "#" + "".join(f"{round(v * 255):02X}" for v in out)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of an ``#rrggbb`` colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(color[i: i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 … 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
