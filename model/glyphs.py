"""Characters beyond the bundled font: fallback fonts, replacement boxes and right-to-left text.

The bundled Noto Sans covers Latin, Greek and Cyrillic. For any other character the
system's fonts are asked through fontconfig (``fc-match --sort``) and the first font
with TrueType outlines (what reportlab can embed) that maps it is taken, the same one for
measuring (layout), the PDF, the SVG's embedded fonts and the canvas's font list, so
that every picture uses one font per character and every box is measured with it.

A character that no font has is drawn as ``REPLACEMENT`` (a white square) everywhere,
and the exporters print one warning line naming such characters.

Arabic and Hebrew: Qt and SVG renderers shape and reorder text themselves; the PDF gets
the visual string of ``visual`` (arabic-reshaper's contextual forms, then the Unicode
bidi algorithm, each line's direction that of its first letter with one, as Qt lays out a
line on the canvas), the SVG draws that string's outlines, and layout measures it.

No Qt here. Without fontconfig (Windows, macOS) there is no fallback: characters the
bundled font lacks become replacement boxes, with the warning.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from model.fallback_cache import FallbackCache, cache_file
from model.valueclass import value_class

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont as FontToolsFont


REPLACEMENT = "\u25a1"  # WHITE SQUARE: a visible box, never a silent black one
BUNDLED_FAMILY = "Noto Sans"
MAX_CANDIDATES = 24  # fonts examined per query; fc-match sorts the likely ones first
FC_TIMEOUT = 10.0
DISK_CACHE_SWITCH = "TOUCHLINE_FONT_CACHE"  # "off": always ask fontconfig (tests that count its calls)
# Characters the renderers leave out or draw as nothing: never a reason to look for a font.
_INVISIBLE = re.compile("[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ufe00-\ufe0f]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# The explicit embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): drawn as nothing,
# but they reorder the text round them ("RLO evil" reads "live" on screen).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


@value_class(frozen=True)
class FallbackFont:
    """A font file (and index within a collection) that reportlab can embed."""

    path: str
    index: int
    family: str
    units_per_em: int = field(compare=False)
    advances: dict[int, int] = field(compare=False, repr=False)  # code point -> advance, font units

    @property
    def cmap(self) -> frozenset[int]:
        """The code points the font maps."""
        return frozenset(self.advances)


# How much a regular face drawn for bold text is thickened, as a share of the font size. fontconfig finds no bold
# face for such a character (Droid Sans Fallback, the CJK fallback, has none) and marks the regular one "embolden";
# Qt then has FreeType grow its outlines. The PDF and the SVG stroke such glyphs this wide (``thickened``): they
# drew the title, stage and lane names of a Chinese board as regular text where the screen showed them bold.
# Measured against Qt's drawing at 100 %: the ink of a Chinese board's bold names (22, 15 and 13 px) drawn by Qt
# and by poppler from the PDF agree within 7 % at a 32nd (at 150 % Qt thickens less, by the pixel: a 40th).
EMBOLDEN = 1 / 32


@cache
def thickened(font: FallbackFont) -> bool:
    """Whether bold text drawn with ``font`` is its regular face thickened (``EMBOLDEN``): the face is lighter
    than semi-bold (OS/2 weight under 600)."""
    from model.sfnt import weight_class

    try:
        weight = weight_class(font.path, font.index)
    except (OSError, IndexError, struct.error):
        return False
    return weight is not None and weight < 600


class FallbackFinder:
    """Finds and remembers fallback fonts; one instance serves a whole process."""

    def __init__(self) -> None:
        self._fonts: dict[bool, list[FallbackFont]] = {False: [], True: []}
        self._checked: set[tuple[str, int]] = set()
        self._missing: set[tuple[int, bool]] = set()

    def font_for(self, ch: str, bold: bool = False) -> FallbackFont | None:
        """A font that has ``ch`` (bold face preferred when ``bold``), or None."""
        code = ord(ch)
        for font in self._fonts[bold]:
            if code in font.advances:
                return font
        if (code, bold) in self._missing:
            return None
        found = self._search(code, bold)
        if found is None:
            self._missing.add((code, bold))
        return found

    @property
    def found(self) -> int:
        """How many (font, weight) pairs were found so far: changes when ``fonts()`` would."""
        return len(self._fonts[False]) + len(self._fonts[True])

    def fonts(self) -> list[FallbackFont]:
        """Every fallback font found so far (regular, then bold), without repeats."""
        seen: list[FallbackFont] = []
        for font in self._fonts[False] + self._fonts[True]:
            if font not in seen:
                seen.append(font)
        return seen

    def _search(self, code: int, bold: bool) -> FallbackFont | None:
        if shutil.which("fc-match") is None:
            return None  # no fontconfig, no fallback (and no remembered answers from a machine that had it)
        remembered = _disk_cache()
        known, record = remembered.lookup(code, bold) if remembered is not None else (False, None)
        if known:
            font = FallbackFont(*record) if record is not None else None
            if font is not None:
                self._fonts[bold].append(font)
            return font
        font = self._ask_fontconfig(code, bold)
        if remembered is not None:
            remembered.remember(code, bold, None if font is None else
                                (font.path, font.index, font.family, font.units_per_em, font.advances))
        return font

    def _ask_fontconfig(self, code: int, bold: bool) -> FallbackFont | None:
        for path, index in _fc_candidates(code, bold):
            key = (path, index)
            known = next((f for f in self._fonts[bold] if (f.path, f.index) == key), None)
            if known is not None:
                continue  # already in the list: it lacks this character
            font = _load(path, index)
            if font is None:
                continue
            if code in font.advances:
                self._fonts[bold].append(font)
                return font
        return None


@cache
def _disk_cache() -> FallbackCache | None:
    """fontconfig's answers from earlier runs (model.fallback_cache); None when switched off."""
    if os.environ.get(DISK_CACHE_SWITCH) == "off":
        return None
    return FallbackCache(cache_file())


@cache
def finder() -> FallbackFinder:
    """The process-wide fallback finder."""
    return FallbackFinder()


@lru_cache(maxsize=64)
def _load(path: str, index: int) -> FallbackFont | None:
    """A font with TrueType outlines and its advances, or None when reportlab could not embed it.

    Read with model.sfnt (~2 ms for DejaVu Sans, which draws the example's "→"; fontTools
    took ~17 ms plus ~15 ms to import, at every start); a font that reader does not parse
    goes to fontTools, as before.
    """
    from model.sfnt import read_face

    try:
        face = read_face(path, index)
    except (OSError, KeyError, IndexError, ValueError, struct.error):
        face = None
    if face is None:
        return _load_with_fonttools(path, index)
    if not {b"glyf", b"cmap", b"hmtx"} <= face.tables:
        return None
    glyph_count = len(face.advances)
    advances = {code: face.advances[glyph] for code, glyph in face.cmap.items() if glyph < glyph_count}
    family = None
    if face.name is not None:
        try:
            family = _best_family_name(face.name)
        except struct.error:
            family = None
    if family is None:
        return _load_with_fonttools(path, index)
    return FallbackFont(path, index, family or path, face.units_per_em, advances)


def _load_with_fonttools(path: str, index: int) -> FallbackFont | None:
    # fontTools only for a font model.sfnt does not read: an ASCII board's start and PDF
    # export never import it (~15-25 ms).
    from fontTools.ttLib import TTFont as FontToolsFont
    from fontTools.ttLib import TTLibError

    try:
        font = FontToolsFont(path, fontNumber=index, lazy=True)
        try:
            if "glyf" not in font or "cmap" not in font or "hmtx" not in font:
                return None
            from model.fonts import number_glyphs  # model.fonts uses this module for what it lacks

            number_glyphs(font)
            metrics = font["hmtx"].metrics
            cmap = font.getBestCmap() or {}
            advances = {code: metrics[glyph][0] for code, glyph in cmap.items() if glyph in metrics}
            return FallbackFont(path, index, _family_name(font, path), font["head"].unitsPerEm, advances)
        finally:
            font.close()
    except (OSError, TTLibError, AssertionError, KeyError, ValueError):
        return None


def _family_name(font: FontToolsFont, path: str) -> str:
    """The family name fontTools' ``getBestFamilyName`` gives, read from the raw name table.

    fontTools' name-table module imports its OpenType layout tables first (~45 ms), which
    the editor paid at start-up whenever a board has a character the bundled face lacks
    (the example's "→"). Names in an encoding the reader below does not know go to fontTools.
    """
    try:
        family = _best_family_name(font.reader["name"])
    except (KeyError, AttributeError, struct.error):
        family = None
    if family is None:
        family = font["name"].getBestFamilyName()
    return str(family or path)


# How fontTools decodes a name record (fontTools.misc.encodingTools), for the encodings families use.
_NAME_CODECS = {(0, e): "utf_16_be" for e in range(7)} | {(3, 0): "utf_16_be", (3, 1): "utf_16_be",
                                                           (3, 10): "utf_16_be"}


def _best_family_name(data: bytes) -> str | None:
    """WWS family (21), else typographic family (16), else family (1); Windows English first, then
    Mac English, then any, as fontTools' getBestFamilyName. None: let fontTools read it."""
    _, count, strings = struct.unpack_from(">HHH", data, 0)
    records = [struct.unpack_from(">6H", data, 6 + 12 * i) for i in range(count)]
    for name_id in (21, 16, 1):
        english = mac = some = None
        for platform, encoding, language, nid, length, offset in records:
            if nid != name_id:
                continue
            codec = _NAME_CODECS.get((platform, encoding))
            if codec is None:
                if (platform, encoding, language) != (1, 0, 0):
                    return None  # an encoding fontTools handles and this reader does not
                codec = "mac_roman"
            try:
                text = data[strings + offset:strings + offset + length].decode(codec)
            except UnicodeDecodeError:
                continue
            some = text
            if (platform, language) == (3, 0x409):
                english = text
                break
            if (platform, language) == (1, 0) and mac is None:
                mac = text
        name = english or mac or some
        if name:
            return name
    return None


def _fc_candidates(code: int, bold: bool) -> list[tuple[str, int]]:
    """Font files fontconfig suggests for the character, best first."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return []
    import subprocess  # only when fontconfig is asked (not remembered): ~5 ms of a start otherwise

    from model.shaping import script_language

    language = script_language(code)
    pattern = f"{BUNDLED_FAMILY}:charset={code:x}" + (f":lang={language}" if language else "") + \
        (":weight=bold" if bold else "")
    try:
        result = subprocess.run(
            [fc_match, "--sort", "--format", "%{file}\t%{index}\n", pattern],
            capture_output=True, text=True, timeout=FC_TIMEOUT, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    candidates: list[tuple[str, int]] = []
    for line in result.stdout.splitlines():
        path, _, index = line.partition("\t")
        if path.lower().endswith((".ttf", ".ttc", ".otf", ".otc")):
            candidates.append((path, int(index) if index.isdigit() else 0))
        if len(candidates) >= MAX_CANDIDATES:
            break
    return candidates


def bundled_has(ch: str, bold: bool = False) -> bool:
    """Whether the bundled face maps ``ch``."""
    from model.fonts import font_metrics  # model.fonts uses this module for what it lacks

    return ch in font_metrics(bold).advances


def is_invisible(ch: str) -> bool:
    """Controls, joiners, direction marks and variation selectors: drawn as nothing."""
    return bool(_INVISIBLE.match(ch))


def drawn_characters(text: str) -> str:
    """``text`` without the characters drawn as nothing, but for the joiners of a complex script's text:
    HarfBuzz needs them to choose a half form or a conjunct (model.shaping), as Qt's does on the canvas."""
    from model.shaping import JOINERS, needs_shaping

    kept = JOINERS if needs_shaping(text) else ""
    return "".join(ch for ch in text if ch in kept or not is_invisible(ch))


# Each character's answer remembered (the fonts do not change while Touchline runs): a shaped paragraph's
# wrapping measures each line it tries whole, every character of it asked again (~1.5 s of a 5,000-card Hindi board).
@cache
def covered(ch: str, bold: bool = False) -> bool:
    """Whether some font can draw ``ch`` (spaces and invisible characters count as covered)."""
    return ch.isspace() or is_invisible(ch) or bundled_has(ch, bold) or finder().font_for(ch, bold) is not None


@lru_cache(maxsize=8192)
def drawable(text: str) -> str:
    """``text`` composed (NFC), with every character that no font can draw replaced by ``REPLACEMENT``.

    Composed: an accent typed as a character of its own (macOS input, text pasted from some PDFs: "e" and
    U+0302) was drawn a glyph per character, after its letter, over the next one ("brûlée" read "bruĺée"),
    and at a small letter's height over a capital. Qt's HarfBuzz draws such a pair with the font's
    composed glyph, which is what NFC names; layout measures what this gives, as the exports draw it.
    """
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    return "".join(ch if covered(ch) else REPLACEMENT for ch in text)


def fallback_advance(ch: str, bold: bool) -> float:
    """Advance of a character the bundled face lacks, as a fraction of the em (0 for invisible ones)."""
    if is_invisible(ch):
        return 0.0
    font = finder().font_for(ch, bold)
    if font is None:
        font = finder().font_for(REPLACEMENT, bold)
        if font is None:
            return 1.0  # not even a box: measure as a CJK-wide em so that wrapping stays safe
        return font.advances[ord(REPLACEMENT)] / font.units_per_em
    return font.advances[ord(ch)] / font.units_per_em


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds Hebrew or Arabic letters."""
    return bool(_RTL.search(text))


def needs_reordering(text: str) -> bool:
    """Whether ``visual`` changes ``text``: Hebrew or Arabic letters, or an explicit bidi embedding,
    override or isolate."""
    return not text.isascii() and (_RTL.search(text) is not None or _BIDI_CONTROLS.search(text) is not None)


def has_rtl_marks(text: str) -> bool:
    """Whether ``text`` holds a Hebrew point or an Arabic vowel mark (a combining mark of those blocks)."""
    return has_rtl(text) and any(unicodedata.category(ch) == "Mn" for ch in _RTL.findall(text))


@cache
def _reshaper(ligatures: bool = True) -> Any:
    """arabic-reshaper keeping the vowel marks and shadda: its default deletes them (``delete_harakat``),
    and the exports printed "محمد" where the screen shows "مُحَمَّدٌ". Without ``ligatures`` for a line
    with marks: it joined lam and alef into one glyph across a mark between them ("لَا"), which Qt draws
    as two letters, the mark on the lam (HarfBuzz then put the fatha 35 px off, left of the word)."""
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": ligatures})


@lru_cache(maxsize=8192)
def visual(text: str) -> str:
    """The string as drawn left to right: Arabic in its contextual forms, right-to-left runs reversed.

    The explicit embeddings and overrides (U+202A-202E) and isolates (U+2066-2069) reorder it as Qt does
    on screen; they are dropped only after (``drawn_characters``). A right-to-left run's marks follow
    their letter (Unicode's rule L3): reversed, they came before it, and HarfBuzz (model.shaping shapes
    a line with such marks) attaches a mark to the glyph before.
    """
    if not needs_reordering(text):
        return text
    from bidi import get_display

    reshaped = _reshaper(not has_rtl_marks(text)).reshape(text)
    # No base direction given: the line's first strong letter sets it (rule P2), as Qt's does when it
    # draws the line. "يفتح app ..." reads from the right with "app" inside it, not "app" after
    # the first Arabic word read from the left.
    shown = str(get_display(reshaped))
    return _marks_after_letters(shown) if has_rtl_marks(shown) else shown


def as_drawn(shown: str) -> str:
    """A ``visual`` string as a glyph per character would draw it, for a PDF's ActualText: each mark before
    its right-to-left letter again (as the bidi algorithm leaves it, before rule L3), Arabic's forms as
    their letters (a ligature's reversed, drawn right to left: exporters.fallback's ToUnicode map)."""
    out: list[str] = []
    for ch in shown:
        if out and unicodedata.category(ch) in ("Mn", "Me") and _RTL.match(out[-1][-1]):
            out[-1] = ch + out[-1]  # marks come in logical order after the letter: reversed before it
        elif "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
            out.append((unicodedata.normalize("NFKC", ch).strip() or ch)[::-1])
        else:
            out.append(ch)
    return "".join(out)


def _marks_after_letters(shown: str) -> str:
    """``shown`` (visual order) with each run of Arabic or Hebrew marks that precedes a right-to-left letter
    moved after it, in logical order again (rule L3): "◌َ م" drawn as "م◌َ". A run holding another script's
    mark stays (a Latin x and its acute before "مُحَمَّد" put the acute over the dal)."""
    out: list[str] = []
    i = 0
    while i < len(shown):
        j = i
        while j < len(shown) and unicodedata.category(shown[j]) in ("Mn", "Me"):
            j += 1
        if i < j < len(shown) and _RTL.match(shown[j]) and unicodedata.category(shown[j])[0] == "L" \
                and all(_RTL.match(mark) for mark in shown[i:j]):
            out.append(shown[j])
            out.extend(reversed(shown[i:j]))
        else:
            out.append(shown[i:j + 1])
        i = j + 1
    return "".join(out)


def missing_characters(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` that no font can draw, once each, in order of appearance."""
    missing: dict[str, None] = {}
    for text in texts:
        if text.isascii():
            continue
        for ch in text:
            if ch not in missing and not covered(ch):
                missing[ch] = None
    return list(missing)


class MissingGlyphsWarning(str):
    """The warning naming characters no font can draw: the line the command line prints, and the
    characters, from which a window words it in its own language."""

    chars: tuple[str, ...]

    def __new__(cls, chars: Sequence[str]) -> MissingGlyphsWarning:
        more = f" and {len(chars) - NAMED_CHARS} more" if len(chars) > NAMED_CHARS else ""
        warning = super().__new__(cls, f"no installed font can draw {named_characters(chars)}{more}; "
                                       f"drawn as {REPLACEMENT} boxes")
        warning.chars = tuple(chars)
        return warning


NAMED_CHARS = 8  # a warning names this many of the characters no font draws, and counts the rest


def named_characters(chars: Sequence[str]) -> str:
    """The first NAMED_CHARS of ``chars``, each by its code point and Unicode name ("U+1F600 GRINNING FACE, ...")."""
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip() for ch in chars[:NAMED_CHARS])


def missing_glyph_warning(texts: Iterable[str]) -> MissingGlyphsWarning | None:
    """One warning line naming the characters no font can draw, or None when there are none."""
    chars = missing_characters(texts)
    return MissingGlyphsWarning(chars) if chars else None
