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

from model.record import record

if TYPE_CHECKING:
    from model.glyphs import FallbackFont

# Scripts whose shaping moves, joins or stacks glyphs (Unicode blocks): Devanagari to Sinhala
# (the Indic blocks), Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, Limbu to Balinese, and
# Devanagari Extended, Vedic, Syloti Nagri to Javanese, Brahmi to Sharada.
_COMPLEX_CLASS = ("[\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u18af\u1900-\u1aaf\u1b00-\u1b7f\u1cd0-\u1cff"
                  "\ua800-\ua8ff\ua900-\ua9df\uaa00-\uaadf\U00011000-\U000111df]")
SHAPED_RUNS_KEPT = 4096  # distinct (run, font) pairs remembered: a board's words
JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: they choose half forms and conjuncts
_SHARED_IN_SCRIPT = "\u0964\u0965"  # the dandas: in Devanagari's block, but Bengali, Tamil... end sentences so
NO_SCRIPT_CATEGORIES = "ZPNS"  # separators, punctuation, numbers, symbols: Unicode's script Common, about
_NO_JOINERS = dict.fromkeys(map(ord, JOINERS))
VIRAMA_CLASS = 9  # the canonical combining class of viramas (्, ், ฺ...): the next consonant joins them
# The language fontconfig is asked for with a character of these blocks (first code point, last, language):
# Qt asks for a font by its script, and fontconfig then puts the script's own font first. Asked by the
# character alone it put Noto Sans Grantha first for Tamil (it has Tamil letters), so the canvas drew
# Tamil in Noto Sans Tamil and the exports in Grantha's other shapes.
_LANGUAGES = ((0x0900, 0x097F, "hi"), (0x0980, 0x09FF, "bn"), (0x0A00, 0x0A7F, "pa"), (0x0A80, 0x0AFF, "gu"),
              (0x0B00, 0x0B7F, "or"), (0x0B80, 0x0BFF, "ta"), (0x0C00, 0x0C7F, "te"), (0x0C80, 0x0CFF, "kn"),
              (0x0D00, 0x0D7F, "ml"), (0x0D80, 0x0DFF, "si"), (0x0E00, 0x0E7F, "th"), (0x0E80, 0x0EFF, "lo"),
              (0x0F00, 0x0FFF, "bo"), (0x1000, 0x109F, "my"), (0x1780, 0x17FF, "km"), (0x1800, 0x18AF, "mn"))


# One glyph of a shaped run: its index in the font, where its origin is from the run's start (x to the
# right, y up, font units) and how far it advances. A plain tuple: a 5,000-card Hindi board makes ~300,000
# of them, and a record's constructor took 2.3 s of its export.
ShapedGlyph = tuple[int, float, float, float]  # gid, x, y, advance


@record  # not value_class: ~0.6 ms a class of every start (model.fonts imports this module)
class ShapedRun:
    """A run of text shaped in one font: its glyphs in drawing order and its width (font units)."""

    glyphs: tuple[ShapedGlyph, ...]
    width: float


def needs_shaping(text: str) -> bool:
    """Whether ``text`` holds a character of a script drawn other than a glyph per character. Arabic and
    Hebrew only with their marks (vowels, shadda, points): model.glyphs.visual gives their letters' forms
    and order, HarfBuzz places the marks over and under them (``rtl_letter``)."""
    if text.isascii():
        return False
    if _complex().search(text) is not None:
        return True
    from model.glyphs import has_rtl_marks  # here: model.fonts imports this module at every start, glyphs not

    return has_rtl_marks(text)


def rtl_letter(ch: str) -> bool:
    """An Arabic or Hebrew letter (a presentation form too): in a line with such marks, shaped with them."""
    from model.glyphs import has_rtl

    return has_rtl(ch) and unicodedata.category(ch)[0] == "L"


@cache
def _complex() -> re.Pattern[str]:
    """``_COMPLEX_CLASS`` compiled when first needed: ~2.5 ms of every start otherwise (ranges past U+FFFF)."""
    return re.compile(_COMPLEX_CLASS)


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
    with (model.glyphs' finder). A space, a digit, a punctuation mark or a danda belongs to no script:
    as Qt does, it goes with the character before it (the one after, at the start), in that one's
    font when the font has it; a danda in Devanagari's font ended Bengali and Tamil sentences with
    another glyph than the screen's. A joiner (ZWJ, ZWNJ: a half form, a conjunct) or a mark stays
    with the character before it: cut off, "क्‍ष" lost its half form.
    """
    fonts: list[FallbackFont | None] = []
    inheriting: dict[int, bool] = {}  # where the characters that go with a neighbour are: True for joiners and marks
    from model.glyphs import has_rtl_marks

    marked_rtl = has_rtl_marks(text)  # its Arabic and Hebrew letters shaped with their marks
    # Without a complex script, spaces, digits and punctuation stay in their own font, as a glyph per character:
    # Qt draws them in the bundled face round Arabic and Hebrew (DejaVu's space, 6 px wider at 100 px, made a
    # marked line wider than the screen's).
    inherit_no_script = not marked_rtl or _complex().search(text) is not None
    for i, ch in enumerate(text):
        fonts.append(None)
        if ch in _SHARED_IN_SCRIPT:
            inheriting[i] = False
        elif _complex().match(ch) or (marked_rtl and rtl_letter(ch)):
            fonts[i] = font_of(ch)
        elif ch in JOINERS or (kind := unicodedata.category(ch)[0]) == "M":
            inheriting[i] = True
        elif kind in NO_SCRIPT_CATEGORIES and inherit_no_script:
            inheriting[i] = False
    first = next((fonts[i] for i in range(len(text)) if i not in inheriting), None)  # what leading ones go with
    for i, joins in inheriting.items():  # in order: a run of them takes the font of the character before it
        neighbour = fonts[i - 1] if i > 0 else first
        if neighbour is not None and ((joins and text[i] in JOINERS) or ord(text[i]) in neighbour.advances):
            fonts[i] = neighbour
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or fonts[i] is not fonts[start]:  # the finder's own font objects: one per file
            yield start, i, fonts[start]
            start = i


def of_no_script(ch: str) -> bool:
    """A space, digit, punctuation mark or symbol: drawn in the font of the text round it (``shaped_spans``)."""
    return unicodedata.category(ch)[0] in NO_SCRIPT_CATEGORIES


def without_joiners(text: str) -> str:
    """``text`` less its joiners: a span drawn a glyph per character draws them as nothing."""
    return text.translate(_NO_JOINERS)


def clusters(word: str) -> list[str]:
    """``word`` cut where a line may break inside it when it is wider than the line: never before a mark or
    a joiner, never after a virama or a joiner, so that no piece starts with a sign HarfBuzz would draw on
    a dotted circle (◌ि) and no conjunct is split (a virama left showing)."""
    pieces: list[str] = []
    for i, ch in enumerate(word):
        if pieces and (unicodedata.category(ch)[0] == "M" or ch in JOINERS or word[i - 1] in JOINERS
                       or unicodedata.combining(word[i - 1]) == VIRAMA_CLASS):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def one_shorter(text: str) -> str:
    """``text`` less its last character, or its last cluster in complex-script text: an ellipsis cut "ग्राहक"
    to "ग्र…", its vowel sign dropped, a virama left showing."""
    if not needs_shaping(text):
        return text[:-1]
    return text[:len(text) - len(clusters(text)[-1])]


@lru_cache(maxsize=SHAPED_RUNS_KEPT)
def shape(text: str, font: FallbackFont) -> ShapedRun:
    """``text`` shaped in ``font`` by HarfBuzz, left to right, in the font's units."""
    import uharfbuzz

    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    from model.glyphs import has_rtl

    if has_rtl(text):
        # Arabic and Hebrew come in visual order, Arabic in its contextual forms, marks after their letter
        # (model.glyphs.visual): laid out left to right, HarfBuzz only places the marks (shaped in logical
        # order right to left, as Qt does, the same places and advances).
        buffer.direction = "ltr"
    # Kerning off, as every renderer draws the bundled face (model.fonts) and as the canvas's QFont asks
    # of Qt's HarfBuzz: Tamil's "ரசீது" was 6 px narrower at 100 px kerned than on screen.
    uharfbuzz.shape(_hb_font(font.path, font.index), buffer, {"kern": False})
    glyphs = []
    pen = 0.0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        glyphs.append((info.codepoint, pen + position.x_offset, float(position.y_offset), float(position.x_advance)))
        pen += position.x_advance
    return ShapedRun(glyphs=tuple(glyphs), width=pen)


@cache
def _hb_font(path: str, index: int) -> Any:
    """HarfBuzz's font of a file, at its own units per em (kept for the process: a board uses a few)."""
    import uharfbuzz

    return uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(path), index))
