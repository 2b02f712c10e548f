"""Complex scripts shaped with HarfBuzz for layout's measuring, the PDF and the SVG's outlines.

Devanagari and the other Brahmic scripts (Bengali, Tamil, Telugu, Sinhala...), Thai, Lao,
Khmer, Myanmar and Tibetan are not drawn one glyph per character: a vowel sign goes before
the consonant it follows (मि), consonants join into conjuncts (ग्र), marks sit above or
below. Qt shapes them on the canvas with HarfBuzz; reportlab draws one glyph per character
and so did the SVG's outlines, so the export read "मलिती" where the screen read "मिलती".

Here a run of such characters in one font file is shaped with HarfBuzz (uharfbuzz, the
engine Qt uses) into glyphs with their places, which the PDF and the SVG draw and layout
measures. Everything else (Latin, Arabic and Hebrew, which model.glyphs.visual reorders,
CJK) is still drawn a glyph per character: a line without these scripts never imports
uharfbuzz.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from model.valueclass import value_class

if TYPE_CHECKING:
    from model.glyphs import FallbackFont

# Scripts whose shaping moves, joins or stacks glyphs (Unicode blocks): Devanagari to Sinhala
# (the Indic blocks), Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, Limbu to Balinese, and
# Devanagari Extended, Vedic, Syloti Nagri to Javanese, Brahmi to Sharada.
_COMPLEX = re.compile("[\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u18af\u1900-\u1b7f\u1cd0-\u1cff"
                      "\ua800-\ua8ff\ua900-\ua9df\uaa00-\uaadf\U00011000-\U000111df]")
SHAPED_RUNS_KEPT = 4096  # distinct (run, font) pairs remembered: a board's words
# The language fontconfig is asked for with a character of these blocks (first code point, last, language):
# Qt asks for a font by its script, and fontconfig then puts the script's own font first. Asked by the
# character alone it put Noto Sans Grantha first for Tamil (it has Tamil letters), so the canvas drew
# Tamil in Noto Sans Tamil and the exports in Grantha's other shapes.
_LANGUAGES = ((0x0900, 0x097F, "hi"), (0x0980, 0x09FF, "bn"), (0x0A00, 0x0A7F, "pa"), (0x0A80, 0x0AFF, "gu"),
              (0x0B00, 0x0B7F, "or"), (0x0B80, 0x0BFF, "ta"), (0x0C00, 0x0C7F, "te"), (0x0C80, 0x0CFF, "kn"),
              (0x0D00, 0x0D7F, "ml"), (0x0D80, 0x0DFF, "si"), (0x0E00, 0x0E7F, "th"), (0x0E80, 0x0EFF, "lo"),
              (0x0F00, 0x0FFF, "bo"), (0x1000, 0x109F, "my"), (0x1780, 0x17FF, "km"), (0x1800, 0x18AF, "mn"))


@value_class(frozen=True)
class ShapedGlyph:
    """One glyph of a shaped run: its index in the font, where its origin is from the run's start
    (x to the right, y up, font units) and how far it advances."""

    gid: int
    x: float
    y: float
    advance: float


@value_class(frozen=True)
class ShapedRun:
    """A run of text shaped in one font: its glyphs in drawing order and its width (font units)."""

    glyphs: tuple[ShapedGlyph, ...]
    width: float


def needs_shaping(text: str) -> bool:
    """Whether ``text`` holds a character of a script drawn other than a glyph per character (Arabic
    and Hebrew aside: model.glyphs.visual gives their letters' forms and order)."""
    return not text.isascii() and _COMPLEX.search(text) is not None


def script_language(code: int) -> str | None:
    """The language whose font fontconfig should offer first for this code point (a complex script's), or None."""
    for first, last, language in _LANGUAGES:
        if first <= code <= last:
            return language
    return None


def shaped_spans(text: str,
                 font_of: Callable[[str], FallbackFont | None]) -> Iterator[tuple[int, int, FallbackFont | None]]:
    """``text`` cut into spans (start, end, font): runs that one fallback font draws shaped (``shape``), and
    between them runs with font None, drawn a glyph per character as before.

    A complex-script character is drawn in ``font_of(ch)``, the font the other renderers draw it
    with (model.glyphs' finder). A space, a digit or a punctuation mark belongs to no script: as Qt
    does, it goes with the character before it (the one after, at the start), in that one's font
    when the font has it. Qt drew the space between two Tamil words in Noto Sans Tamil, 4.5 px wider
    at 100 px than the bundled face's, which the exports used.
    """
    fonts: list[FallbackFont | None] = []
    shared: list[int] = []  # where the characters of no script are
    for i, ch in enumerate(text):
        if _COMPLEX.match(ch):
            fonts.append(font_of(ch))
        else:
            fonts.append(None)
            if unicodedata.category(ch)[0] in "ZPNS":
                shared.append(i)
    scripted = set(range(len(text))).difference(shared)
    first = fonts[min(scripted)] if scripted else None  # what a line's leading spaces or marks go with
    for i in shared:
        neighbour = fonts[i - 1] if i > 0 else first
        if neighbour is not None and ord(text[i]) in neighbour.advances:
            fonts[i] = neighbour
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or fonts[i] != fonts[start]:
            yield start, i, fonts[start]
            start = i


@lru_cache(maxsize=SHAPED_RUNS_KEPT)
def shape(text: str, font: FallbackFont) -> ShapedRun:
    """``text`` shaped in ``font`` by HarfBuzz, left to right, in the font's units."""
    import uharfbuzz

    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    # Kerning off, as every renderer draws the bundled face (model.fonts) and as the canvas's QFont asks
    # of Qt's HarfBuzz: Tamil's "ரசீது" was 6 px narrower at 100 px kerned than on screen.
    uharfbuzz.shape(_hb_font(font.path, font.index), buffer, {"kern": False})
    glyphs = []
    pen = 0.0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        glyphs.append(ShapedGlyph(gid=info.codepoint, x=pen + position.x_offset, y=float(position.y_offset),
                                  advance=float(position.x_advance)))
        pen += position.x_advance
    return ShapedRun(glyphs=tuple(glyphs), width=pen)


@cache
def _hb_font(path: str, index: int) -> Any:
    """HarfBuzz's font of a file, at its own units per em (kept for the process: a board uses a few)."""
    import uharfbuzz

    return uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(path), index))
