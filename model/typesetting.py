"""Text blocks: wrapped lines, their height, and their Text primitives on a baseline grid."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from model import style as st
from model.fonts import font_metrics
from model.primitives import Text
from model.shaping import one_shorter
from model.wrapping import wrap


@cache
def line_height(size: float) -> int:
    """Height of one line of text at ``size`` px."""
    return round(size * st.LINE_FACTOR)


@cache  # a handful of sizes, asked for every line of every card
def baseline_offset(size: float, bold: bool = False) -> float:
    """Distance from a line box's top to its baseline, centring the font's extent in it."""
    metrics = font_metrics(bold)
    scale = size / metrics.units_per_em
    extent = (metrics.ascent + metrics.descent) * scale
    return (line_height(size) - extent) / 2 + metrics.ascent * scale


def reads_right_to_left(lines: list[str]) -> bool:
    """Whether a paragraph runs right to left: its first letter of a strong direction is Arabic, Hebrew,
    Syriac, Thaana... (Unicode's rule P2, as Qt, browsers and word processors decide it)."""
    if all(line.isascii() for line in lines):  # nearly every card: no letter to look up
        return False
    for line in lines:
        for char in line:
            direction = unicodedata.bidirectional(char)
            if direction == "L":
                return False
            if direction in ("R", "AL"):
                return True
    return False


def text_block(text: str, width: float, size: float, bold: bool) -> tuple[list[str], float]:
    """``text`` wrapped to ``width``, and the height the lines take."""
    lines = wrap(text, width, font_metrics(bold), size)
    return lines, len(lines) * line_height(size)


def text_primitives(
    lines: list[str], x: float, top: float, size: float, color: str, bold: bool = False, anchor: str = "start"
) -> list[Text]:
    """One Text per line, the first line's box starting at ``top``."""
    step = line_height(size)
    # Whole-pixel baselines: rasterisers snap text differently (pdftoppm snaps the
    # baseline, cairo does not), so a fractional one makes the pictures disagree.
    baseline = round(top + baseline_offset(size, bold))
    return [Text(x, baseline + i * step, line, size, color, bold, anchor) for i, line in enumerate(lines)]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of text."""
    return font_metrics(bold).width(text, size)


def text_box(line: Text) -> tuple[float, float, float, float]:
    """What a line of text covers on the board (x0, y0, x1, y1): from a size above its baseline to a third of
    it below (descenders), as wide as it is measured, placed by its anchor (start, middle or end)."""
    width = text_width(line.text, line.size, line.bold)
    left = line.x - (width / 2 if line.anchor == "middle" else width if line.anchor == "end" else 0.0)
    return left, line.y - line.size, left + width, line.y + line.size / 3


# Runs of the spaces a line may break at (every white space but the no-break ones), each made one space.
_SPACE_RUNS = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def fitted(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` on one line (its runs of spaces one space, a no-break space kept as it is: a metric's thousands,
    "12 500 000", were set wider on its tile than on its chart), cut with an ellipsis if wider than ``width``."""
    # (ASCII has no no-break space: the plain split, ~3x quicker, says the same.)
    text = " ".join(text.split()) if text.isascii() else _SPACE_RUNS.sub(" ", text).strip(" ")
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = one_shorter(text)
    return text.rstrip() + "…"
