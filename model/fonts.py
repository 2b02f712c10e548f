"""Metrics of the bundled font, read with fontTools, so layout needs no Qt.

Every renderer draws text with the same font file, without kerning, so that a line
measured here is as wide on the canvas, in the SVG and in the PDF.
"""

from __future__ import annotations

from dataclasses import field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from model import shaping
from model.sfnt import read_face
from model.valueclass import value_class

if TYPE_CHECKING:
    from collections.abc import Iterator

    from fontTools.ttLib import TTFont

    from model.glyphs import FallbackFont

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_DIR = RESOURCES / "fonts"
FONT_FAMILY = "Noto Sans"
FONT_FILES = {False: FONT_DIR / "NotoSans-Regular.ttf", True: FONT_DIR / "NotoSans-Bold.ttf"}
WORD_CACHE_SIZE = 200_000  # words remembered per face (a few MiB at most)
WORD_CACHE_MAX_LENGTH = 40  # longer runs are rarely measured twice


@value_class(frozen=True)
class FontMetrics:
    """Advance widths and vertical metrics of one font file, in font units."""

    path: Path
    units_per_em: int
    ascent: int
    descent: int  # positive, below the baseline
    advances: dict[str, int]
    fallback_advance: int
    # Width in font units of each word measured so far: wrapping measures the same words
    # over and over (a board's vocabulary is small), and a dict hit is ~10x cheaper than
    # summing the advances again.
    _word_units: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    # The same words' widths at each size asked (wrapping's loop reads these: one look-up
    # instead of a look-up, a multiplication and a division per word).
    _sized: dict[float, dict[str, float]] = field(default_factory=dict, compare=False, repr=False)

    bold: bool = False

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` drawn at ``size`` px, without kerning.

        A character the face lacks is measured in the fallback font that draws it
        (model.glyphs), or as the replacement box; Arabic and Hebrew as the shaped,
        reordered string the PDF draws.
        """
        units = self._word_units.get(text)
        if units is None:
            advances = self.advances
            try:
                units = sum(map(advances.__getitem__, text))
            except KeyError:
                units = self._mixed_units(text)
            if len(text) <= WORD_CACHE_MAX_LENGTH and len(self._word_units) < WORD_CACHE_SIZE:
                self._word_units[text] = units
        return units * size / self.units_per_em

    def widths_at(self, size: float) -> dict[str, float]:
        """Words measured at ``size`` and their widths as ``width`` gave them (the caller fills it: ``remember``)."""
        widths = self._sized.get(size)
        if widths is None:
            widths = self._sized[size] = {}
        return widths

    @staticmethod
    def remember(widths: dict[str, float], text: str, width: float) -> None:
        """Note a word's width in a ``widths_at`` dict, within the word cache's limits."""
        if len(text) <= WORD_CACHE_MAX_LENGTH and len(widths) < WORD_CACHE_SIZE:
            widths[text] = width

    def _mixed_units(self, text: str) -> float:
        from model import glyphs  # glyphs asks this module what the bundled face has

        if glyphs.needs_reordering(text):
            text = glyphs.visual(text)
        text = glyphs.drawable(text)
        if shaping.needs_shaping(text):  # measured as the PDF and the SVG draw it: shaped, span by span
            return sum(self._span_units(text[start:end], font) for start, end, font in self.spans(text))
        return self._span_units(text, None)

    def spans(self, text: str) -> Iterator[tuple[int, int, FallbackFont | None]]:
        """``shaping.shaped_spans`` of ``text``, each character in this face when it has it, else in the fallback
        font that draws it: as layout measures it, and the PDF and the SVG draw it."""
        from model import glyphs

        bold, own = self.bold, self.advances
        return shaping.shaped_spans(text, lambda ch: None if ch in own else glyphs.finder().font_for(ch, bold))

    def _span_units(self, text: str, font: FallbackFont | None) -> float:
        """Width of a span in this face's units: shaped in ``font``, or a glyph per character."""
        if font is not None:
            return shaping.shape(text, font).width * self.units_per_em / font.units_per_em
        advances = self.advances
        units = 0.0
        for ch in text:
            own = advances.get(ch)
            units += own if own is not None else _fallback_units(ch, self.bold, self.units_per_em)
        return units

    def has_glyph(self, ch: str) -> bool:
        """Whether the font maps this character to a glyph."""
        return ch in self.advances


@cache
def font_metrics(bold: bool = False) -> FontMetrics:
    """Metrics of the bundled regular or bold face (read once per process).

    Read with model.sfnt (no fontTools import at start); a face whose character map
    that reader does not parse is read with fontTools, to the same numbers.
    """
    path = FONT_FILES[bold]
    face = read_face(path)
    if face is not None:
        advances = {chr(cp): face.advances[glyph] for cp, glyph in face.cmap.items()}
        return FontMetrics(path=path, units_per_em=face.units_per_em, ascent=face.ascent, descent=-face.descent,
                           advances=advances, fallback_advance=face.units_per_em, bold=bold)
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    number_glyphs(font)
    metrics = font["hmtx"].metrics
    advances = {chr(cp): metrics[glyph][0] for cp, glyph in font.getBestCmap().items()}
    hhea = font["hhea"]
    # fallback_advance: what a character no font at all can draw measures, when not even
    # the replacement box can be drawn (model.glyphs.fallback_advance).
    return FontMetrics(
        path=path,
        units_per_em=font["head"].unitsPerEm,
        ascent=hhea.ascent,
        descent=-hhea.descent,
        advances=advances,
        fallback_advance=font["head"].unitsPerEm,
        bold=bold,
    )


def number_glyphs(font: TTFont) -> None:
    """Name the font's glyphs by number instead of reading their names from its ``post`` table.

    Advances and the character map only need to know which glyph is which; parsing the
    glyph names was most of the time to read a face's metrics (~25 ms per face, paid at
    every start). Only for a TTFont used for metrics: its glyph names are not the font's.
    """
    font.setGlyphOrder([f"glyph{index:05d}" for index in range(font["maxp"].numGlyphs)])


@cache
def _fallback_units(ch: str, bold: bool, units_per_em: int) -> float:
    from model import glyphs

    return glyphs.fallback_advance(ch, bold) * units_per_em
