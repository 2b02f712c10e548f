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


@cache
def _face(path: str, index: int, tag: str) -> _Face:
    # Kept open for the process: glyphs are read lazily, as lines need them.
    font = TTFont(path, fontNumber=index, lazy=True)
    return _Face(tag, font, dict(font.getBestCmap() or {}), EM / font["head"].unitsPerEm)


def _bundled(bold: bool) -> _Face:
    return _face(str(FONT_FILES[bold]), 0, "b" if bold else "r")


@cache
def _fallback(font: FallbackFont) -> _Face:
    """A fallback font's face, tagged by a hash of its file: the same ids whatever order fonts came in."""
    digest = hashlib.sha1(f"{font.path}:{font.index}".encode()).hexdigest()
    length = 5
    while _TAGS.setdefault(digest[:length], (font.path, font.index)) != (font.path, font.index):
        length += 1  # two files whose hashes start alike: a longer tag for the newcomer
    return _face(font.path, font.index, f"f{digest[:length]}-")


_TAGS: dict[str, tuple[str, int]] = {}  # fallback tag -> (path, index) it stands for
# id -> (face, glyph name) of every glyph a line placed so far in this process
_GLYPHS: dict[str, tuple[_Face, str]] = {}
# (character, bold) -> (id of the glyph drawn, or None when nothing shows; advance in 1/EM)
_CHARS: dict[tuple[str, bool], tuple[str | None, float]] = {}


def _char(ch: str, bold: bool) -> tuple[str | None, float]:
    """The glyph that draws ``ch`` and its advance, chosen as the PDF chooses (exporters.pdf ``_runs``).

    The bundled face for what it maps and for spaces, else the fallback font; a character
    no font has (not even a replacement box) advances as layout measured it and draws nothing.
    """
    metrics = font_metrics(bold)
    face: _Face | None = _bundled(bold)
    if not metrics.has_glyph(ch) and ch != " ":
        font = finder().font_for(ch, bold)
        face = _fallback(font) if font is not None else None
    glyph = face.cmap.get(ord(ch)) if face is not None else None
    if face is None or glyph is None:
        entry: tuple[str | None, float] = (None, metrics.width(ch, EM))
    else:
        gid = f"{face.tag}{face.font.getGlyphID(glyph)}"
        _GLYPHS.setdefault(gid, (face, glyph))
        advance = float(face.font["hmtx"].metrics[glyph][0] * face.scale)
        entry = (gid if outline(gid) else None, advance)  # a space has no outline: it only advances
    _CHARS[(ch, bold)] = entry
    return entry


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """A line's glyphs: ``<use>`` elements in 1/EM units from the line's start, its width and glyph ids."""

    uses: str
    width: float  # 1/EM of the font size
    ids: tuple[str, ...]


@lru_cache(maxsize=LINE_CACHE_SIZE)
def glyph_run(drawn: str, bold: bool) -> GlyphRun:
    """The glyphs of ``drawn`` (a line in drawing order, as the PDF draws it) placed left to right."""
    parts: list[str] = []
    ids: dict[str, None] = {}
    x = 0.0
    chars = _CHARS
    for ch in drawn:
        gid, advance = chars.get((ch, bold)) or _char(ch, bold)
        if gid is not None:
            ids[gid] = None
            parts.append(f'<use xlink:href="#{gid}" x="{_num(x)}"/>' if x else f'<use xlink:href="#{gid}"/>')
        x += advance
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
    if value.is_integer():  # the usual case: the bundled face has 1,000 units per em
        return str(int(value))
    rounded = round(value, 1)
    whole = int(rounded)
    return str(whole) if rounded == whole else repr(rounded)
