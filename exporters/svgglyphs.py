"""Text as glyph outlines for the SVG, so that every renderer draws the same shapes without fonts.

librsvg and Inkscape ignore ``@font-face`` and draw ``<text>`` with whatever fonts the
machine has. The SVG therefore draws each line as the outlines of its glyphs, read with
fontTools from the very font files the PDF embeds: the bundled face for what it maps, the
fallback model.glyphs chose for everything else (the one layout measured the character
with). The characters are the PDF's too: Arabic in its contextual forms and right-to-left
runs reversed (model.glyphs.visual), invisible ones dropped, one glyph per character
advancing by its own width, no kerning or ligatures.

Each glyph is one ``<path>`` in ``<defs>``, in units of 1/1000 em with y pointing down; a
line is a ``<g>`` scaled to its font size that places one ``<use>`` per glyph. Glyph ids
are the same in every export (a tag of the font and the glyph's index), so a line's
``<use>`` run can be remembered across lines and exports: boards repeat lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from model.fonts import FONT_FILES, font_metrics
from model.glyphs import FallbackFont, finder

EM = 1000  # glyph coordinates and advances are in 1/EM of the font size
LINE_CACHE_SIZE = 50_000  # lines whose <use> run is remembered (a few MiB at most)


@dataclass(frozen=True, slots=True)
class _Face:
    """One font file opened for its outlines."""

    tag: str  # prefix of its glyph ids
    font: TTFont
    cmap: dict[int, str]
    scale: float  # EM per font unit

    def advance(self, glyph: str) -> float:
        """A glyph's advance in 1/EM of the font size."""
        return float(self.font["hmtx"].metrics[glyph][0] * self.scale)


@cache
def _face(path: str, index: int, tag: str) -> _Face:
    # Kept open for the process: glyphs are read lazily, as lines need them.
    font = TTFont(path, fontNumber=index, lazy=True)
    return _Face(tag, font, dict(font.getBestCmap() or {}), EM / font["head"].unitsPerEm)


def _bundled(bold: bool) -> _Face:
    return _face(str(FONT_FILES[bold]), 0, "b" if bold else "r")


def _fallback(font: FallbackFont) -> _Face:
    digest = hashlib.sha1(f"{font.path}:{font.index}".encode()).hexdigest()[:5]
    return _face(font.path, font.index, f"f{digest}-")


# id -> (face, glyph name) of every glyph a line placed so far in this process
_GLYPHS: dict[str, tuple[_Face, str]] = {}


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """A line's glyphs: ``<use>`` elements in 1/EM units from the line's start, its width and glyph ids."""

    uses: str
    width: float  # 1/EM of the font size
    ids: tuple[str, ...]


@lru_cache(maxsize=LINE_CACHE_SIZE)
def glyph_run(drawn: str, bold: bool) -> GlyphRun:
    """The glyphs of ``drawn`` (a line in drawing order, as the PDF draws it) placed left to right.

    The font of each character is the PDF's (exporters.pdf ``_runs``): the bundled face
    for what it maps and for spaces, else the fallback font; a character no font has (not
    even a replacement box) advances as layout measured it and draws nothing.
    """
    metrics = font_metrics(bold)
    bundled = _bundled(bold)
    parts: list[str] = []
    ids: dict[str, None] = {}
    x = 0.0
    for ch in drawn:
        face: _Face | None = bundled
        if not metrics.has_glyph(ch) and ch != " ":
            font = finder().font_for(ch, bold)
            face = _fallback(font) if font is not None else None
        glyph = face.cmap.get(ord(ch)) if face is not None else None
        if face is None or glyph is None:
            x += metrics.width(ch, EM)
            continue
        gid = f"{face.tag}{face.font.getGlyphID(glyph)}"
        if gid not in _GLYPHS:
            _GLYPHS[gid] = (face, glyph)
        if outline(gid):  # a space has no outline: it only advances
            ids[gid] = None
            parts.append(f'<use xlink:href="#{gid}" x="{_num(x)}"/>' if x else f'<use xlink:href="#{gid}"/>')
        x += face.advance(glyph)
    return GlyphRun("".join(parts), x, tuple(ids))


@cache
def outline(gid: str) -> str:
    """The SVG path data of a glyph: 1/EM units, y down, origin on the baseline at the glyph's start."""
    face, glyph = _GLYPHS[gid]
    pen = SVGPathPen(face.font.getGlyphSet(), ntos=_num)
    s = face.scale
    face.font.getGlyphSet()[glyph].draw(TransformPen(pen, (s, 0, 0, -s, 0, 0)))
    return str(pen.getCommands())


def glyph_defs(ids: dict[str, None]) -> str:
    """One ``<path>`` per glyph id, for ``<defs>``."""
    return "".join(f'<path id="{gid}" d="{outline(gid)}"/>' for gid in ids)


def _num(value: float) -> str:
    """A coordinate in 1/EM units: one decimal at most (a thousandth of a pixel at 100 px type)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
