"""Text as glyph outlines for the SVG, so that every renderer draws the same shapes without fonts.

librsvg and Inkscape ignore ``@font-face`` and draw ``<text>`` with whatever fonts the
machine has. The SVG therefore draws each line as the outlines of its glyphs, read with
fontTools from the very font files the PDF embeds: the bundled face for what it maps, the
fallback model.glyphs chose for everything else (the one layout measured the character
with). The characters are the PDF's too: Arabic in its contextual forms and right-to-left
runs reversed (model.glyphs.visual), invisible ones dropped, one glyph per character
advancing by its own width, no kerning or ligatures.

Each glyph is one ``<path>`` in ``<defs>``, in units of 1/1000 em with y pointing down, in
relative commands; a line is a ``<g>`` scaled to its font size that places one ``<use>``
per glyph (or per word: ``TextOutlines``). Glyph ids are the same in every export (a tag
of the font and the glyph's index), so a line's ``<use>`` run can be remembered across
lines and exports: boards repeat lines.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING

from model.fonts import FONT_FILES, font_metrics
from model.glyphs import FallbackFont, finder, thickened
from model.sfnt import read_face, table_directory
from model.shaping import needs_shaping, shape, without_joiners

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

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
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    return _Face(tag, font, dict(font.getBestCmap() or {}), EM / font["head"].unitsPerEm)


def _bundled(bold: bool) -> _Face:
    return _face(str(FONT_FILES[bold]), 0, _bundled_tag(bold))


def _bundled_tag(bold: bool) -> str:
    return "b" if bold else "r"


@dataclass(frozen=True, slots=True)
class _Numbers:
    """What placing and drawing a bundled face's glyphs needs, read with struct (model.sfnt, the loca,
    glyf and hmtx tables). fontTools reads only the outlines ``contours`` leaves to it (a component
    placed by matching points, a scaled one within a component, a glyph it cannot read: 33 of each
    face's 3,317 glyphs, none of Latin-1's); a Latin export never imports it."""

    cmap: dict[int, int]  # code point -> glyph index, as fontTools' getBestCmap (model.sfnt)
    advances: list[int]
    scale: float  # EM per font unit
    data: bytes
    loca: int  # offset of the loca table
    long_loca: bool  # head.indexToLocFormat: 32-bit offsets, else 16-bit halves
    glyf: int  # offset of the glyf table
    hmtx: int  # offset of the hmtx table
    h_metrics: int  # hhea.numberOfHMetrics: the glyphs with an advance of their own in hmtx

    def _span(self, index: int) -> tuple[int, int]:
        """Where glyph ``index``'s data starts and ends, from the glyf table's start."""
        if self.long_loca:
            return struct.unpack_from(">II", self.data, self.loca + 4 * index)
        start, end = struct.unpack_from(">HH", self.data, self.loca + 2 * index)
        return 2 * start, 2 * end

    def drawn(self, index: int) -> bool:
        """Whether glyph ``index`` has an outline (a space or an empty glyph has none)."""
        start, end = self._span(index)
        return end > start and struct.unpack_from(">h", self.data, self.glyf + start)[0] != 0  # contours

    def contours(self, index: int, top: bool = True) -> list[list[tuple[float, float, bool]]] | None:
        """Glyph ``index``'s contours as fontTools' glyph set draws them, each point (x, y, on the curve):
        a simple glyph drawn on its own (``top``) moved by its left side bearing less its xMin, a
        composite's components moved by their offsets (and scaled, a top-level composite's simple ones).
        None for a glyph this reader leaves to fontTools (cubic points, a component placed by matching
        points, a scaled component inside another composite or made of components itself)."""
        start, end = self._span(index)
        if end <= start:
            return []
        data, at = self.data, self.glyf + start
        count, x_min = struct.unpack_from(">hh", data, at)
        if count < 0:
            return self._composite(at + 10, top)
        ends = struct.unpack_from(f">{count}H", data, at + 10)
        at += 10 + 2 * count
        at += 2 + struct.unpack_from(">H", data, at)[0]  # the instructions, skipped
        points = ends[-1] + 1 if count else 0
        flags: list[int] = []
        while len(flags) < points:
            flag = data[at]
            at += 1
            if flag & _CUBIC:
                return None
            if flag & _REPEAT:
                flags += [flag] * (data[at] + 1)
                at += 1
            else:
                flags.append(flag)
        del flags[points:]
        xs, at = _deltas(data, at, flags, _X_SHORT, _X_SAME)
        ys, _ = _deltas(data, at, flags, _Y_SHORT, _Y_SAME)
        if index < self.h_metrics:
            lsb = struct.unpack_from(">h", data, self.hmtx + 4 * index + 2)[0]
        else:
            lsb = struct.unpack_from(">h", data, self.hmtx + 4 * self.h_metrics + 2 * (index - self.h_metrics))[0]
        offset = lsb - x_min if top else 0  # fontTools moves a glyph drawn as a component by its offset alone
        contours = []
        first = 0
        x = y = 0
        for last in ends:
            contour = []
            for i in range(first, last + 1):
                x += xs[i]
                y += ys[i]
                contour.append((float(x + offset), float(y), bool(flags[i] & _ON_CURVE)))
            contours.append(contour)
            first = last + 1
        return contours

    def _composite(self, at: int, top: bool) -> list[list[tuple[float, float, bool]]] | None:
        """A composite glyph's components' contours (its records from ``at``), each moved by its x and y, and
        transformed by its scale or two-by-two matrix if it has one (``top``: the glyph is drawn on its own)."""
        data = self.data
        contours = []
        more = True
        while more:
            flags, index = struct.unpack_from(">HH", data, at)
            if not flags & _XY_VALUES:
                return None
            if flags & _ARG_WORDS:
                dx, dy = struct.unpack_from(">hh", data, at + 4)
                at += 8
            else:
                dx, dy = struct.unpack_from(">bb", data, at + 4)
                at += 6
            matrix = None
            # The matrix as fontTools' Component.decompile makes it (F2Dot14 over 1 << 14; zeros as ints).
            if flags & _SCALE:
                scale = struct.unpack_from(">h", data, at)[0] / _F2DOT14
                matrix, at = (scale, 0, 0, scale), at + 2
            elif flags & _X_AND_Y_SCALE:
                x_scale, y_scale = struct.unpack_from(">hh", data, at)
                matrix, at = (x_scale / _F2DOT14, 0, 0, y_scale / _F2DOT14), at + 4
            elif flags & _TWO_BY_TWO:
                xx, xy, yx, yy = struct.unpack_from(">hhhh", data, at)
                matrix, at = (xx / _F2DOT14, xy / _F2DOT14, yx / _F2DOT14, yy / _F2DOT14), at + 8
            if matrix is not None and (not top or self._is_composite(index)):
                return None  # fontTools composes the nested transforms first: other sums, other floats
            component = self.contours(index, top=False)
            if component is None:
                return None
            if matrix is None:
                # fontTools' TransformPen: 1 * x + 0 * y + dx, exactly x + dx for these whole numbers.
                contours += [[(x + dx, y + dy, on) for x, y, on in contour] for contour in component]
            else:  # Transform.transformPoint's sums, in its order
                a, b, c, d = matrix
                contours += [[(a * x + c * y + dx, b * x + d * y + dy, on) for x, y, on in contour]
                             for contour in component]
            more = bool(flags & _MORE)
        return contours

    def _is_composite(self, index: int) -> bool:
        """Whether glyph ``index`` is made of components."""
        start, end = self._span(index)
        return end > start and struct.unpack_from(">h", self.data, self.glyf + start)[0] < 0


# glyf's simple glyph flags, and its composite glyphs' component flags
_ON_CURVE, _X_SHORT, _Y_SHORT, _REPEAT, _X_SAME, _Y_SAME, _CUBIC = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x80
_ARG_WORDS, _XY_VALUES, _MORE = 0x0001, 0x0002, 0x0020
_SCALE, _X_AND_Y_SCALE, _TWO_BY_TWO = 0x0008, 0x0040, 0x0080
_F2DOT14 = 1 << 14  # a component's scales are 2.14 fixed-point numbers


def _deltas(data: bytes, at: int, flags: list[int], short: int, same: int) -> tuple[list[int], int]:
    """One coordinate's deltas (x or y) of a simple glyph's points, and where they end."""
    deltas = []
    for flag in flags:
        if flag & short:
            deltas.append(data[at] if flag & same else -data[at])
            at += 1
        elif flag & same:
            deltas.append(0)
        else:
            deltas.append(struct.unpack_from(">h", data, at)[0])
            at += 2
    return deltas, at


@cache
def _numbers(bold: bool) -> _Numbers | None:
    """The bundled face's numbers, or None when it is not a TrueType-outline font model.sfnt reads."""
    path = FONT_FILES[bold]
    face = read_face(path)
    if face is None:
        return None
    data = path.read_bytes()
    tables = {tag: offset for tag, (offset, _) in table_directory(data, path).items()}
    if not {b"loca", b"glyf", b"hmtx", b"hhea"} <= tables.keys():
        return None
    long_loca = struct.unpack_from(">h", data, tables[b"head"] + 50)[0] == 1
    h_metrics = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]
    return _Numbers(face.cmap, face.advances, EM / face.units_per_em, data, tables[b"loca"], long_loca,
                    tables[b"glyf"], tables[b"hmtx"], h_metrics)


@cache
def _fallback(font: FallbackFont) -> _Face:
    """A fallback font's face, tagged by a hash of its file: the same ids whatever order fonts came in."""
    import hashlib  # only for fallback fonts: not loaded by an export of plain text

    digest = hashlib.sha1(f"{font.path}:{font.index}".encode()).hexdigest()
    length = 5
    while _TAGS.setdefault(digest[:length], (font.path, font.index)) != (font.path, font.index):
        length += 1  # two files whose hashes start alike: a longer tag for the newcomer
    tag = f"f{digest[:length]}-"
    if thickened(font):
        _THICK_TAGS.add(tag)
    return _face(font.path, font.index, tag)


_TAGS: dict[str, tuple[str, int]] = {}  # fallback tag -> (path, index) it stands for
_THICK_TAGS: set[str] = set()  # the tags of fallback faces thickened in bold lines (model.glyphs.thickened)
# id -> (its face, opened when first asked; its glyph name or index) of every glyph a line
# placed so far in this process
_GLYPHS: dict[str, tuple[Callable[[], _Face], str | int]] = {}
# (character, bold) -> (id of the glyph drawn, or None when nothing shows; advance in 1/EM)
_CHARS: dict[tuple[str, bool], tuple[str | None, float]] = {}


def _char(ch: str, bold: bool) -> tuple[str | None, float]:
    """The glyph that draws ``ch`` and its advance, chosen as the PDF chooses (exporters.pdf ``_runs``).

    The bundled face for what it maps and for spaces, else the fallback font; a character
    no font has (not even a replacement box) advances as layout measured it and draws nothing.
    """
    metrics = font_metrics(bold)
    if metrics.has_glyph(ch) or ch == " ":
        numbers = _numbers(bold)
        if numbers is not None:  # the bundled face, read without fontTools
            index = numbers.cmap.get(ord(ch))
            if index is None:
                entry: tuple[str | None, float] = (None, metrics.width(ch, EM))
            else:
                gid = f"{_bundled_tag(bold)}{index}"
                _GLYPHS.setdefault(gid, (partial(_bundled, bold), index))
                entry = (gid if numbers.drawn(index) else None, float(numbers.advances[index] * numbers.scale))
            _CHARS[(ch, bold)] = entry
            return entry
    face: _Face | None = _bundled(bold)
    if not metrics.has_glyph(ch) and ch != " ":
        font = finder().font_for(ch, bold)
        face = _fallback(font) if font is not None else None
    glyph = face.cmap.get(ord(ch)) if face is not None else None
    if face is None or glyph is None:
        entry = (None, metrics.width(ch, EM))
    else:
        gid = f"{face.tag}{face.font.getGlyphID(glyph)}"
        _GLYPHS.setdefault(gid, (partial(_opened, face), glyph))
        advance = float(face.font["hmtx"].metrics[glyph][0] * face.scale)
        entry = (gid if outline(gid) else None, advance)  # a space has no outline: it only advances
    _CHARS[(ch, bold)] = entry
    return entry


@cache
def ascii_all_drawn() -> bool:
    """Whether every printable ASCII character but the space draws one glyph, in both bundled faces:
    then a line of printable ASCII draws as many glyphs as it has characters less its spaces."""
    for bold in (False, True):
        for code in range(0x21, 0x7F):
            gid, _ = _CHARS.get((chr(code), bold)) or _char(chr(code), bold)
            if gid is None:
                return False
    return True


@dataclass(slots=True)
class GlyphRun:
    """A line's glyphs, placed from the line's start in 1/EM units.

    ``placed`` is each drawn glyph's id and x; ``words`` the same glyphs cut where nothing
    is drawn (spaces), as (characters, x) pairs, for the one-``<use>``-per-word form.
    ``placed`` and ``uses`` (one ``<use>`` per glyph) are worked out the first time they are
    asked for (from ``source``, the line and its weight): an SVG written by word never needs
    them (a third of a cold 5,000-card export's glyph work).
    """

    _placed: tuple[tuple[str, float], ...] | None
    width: float  # 1/EM of the font size
    ids: tuple[str, ...]
    count: int  # glyphs drawn
    words: tuple[tuple[str, float], ...]
    _uses: str | None = None
    source: tuple[str, bool] | None = None  # (line, bold) whose glyphs ``placed`` lists
    # Shaped (model.shaping): drawn a glyph each in either form, its marks raised or lowered (``uses``); its
    # words, worked out alone, would not be the glyphs shaped in the line.
    shaped: bool = False
    # A bold line with glyphs of a fallback font's regular face, thickened (``thick_uses``): a glyph each too.
    thick: bool = False

    @property
    def by_glyph(self) -> bool:
        """Whether the line is drawn a glyph each in either form (shaped, or with thickened glyphs)."""
        return self.shaped or self.thick

    @property
    def placed(self) -> tuple[tuple[str, float], ...]:
        """Each drawn glyph's id and x."""
        if self._placed is None:
            self._placed = _glyph_by_glyph(*self.source)._placed if self.source is not None else ()
        return self._placed  # type: ignore[return-value]

    @property
    def uses(self) -> str:
        """One ``<use>`` per glyph, at its x."""
        if self._uses is None:
            self._uses = "".join(f'<use xlink:href="#{gid}" x="{_num(x)}"/>' if x else f'<use xlink:href="#{gid}"/>'
                                 for gid, x in self.placed)
        return self._uses


@lru_cache(maxsize=LINE_CACHE_SIZE)
def glyph_run(drawn: str, bold: bool) -> GlyphRun:
    """The glyphs of ``drawn`` (a line in drawing order, as the PDF draws it) placed left to right.

    Worked out word by word (``_word_run``, remembered: boards repeat their words) when that
    gives the very numbers the glyph-by-glyph sum gives, else glyph by glyph.
    """
    if needs_shaping(drawn):  # its words are not worked out alone: a digit takes the font of the word before it
        run = _shaped_glyph_by_glyph(drawn, bold)
    else:
        run = _glyph_by_word(drawn, bold) or _glyph_by_glyph(drawn, bold)
    if bold and _THICK_TAGS and any(map(_thick, run.ids)):
        run.thick = True
    return run


def _thick(gid: str) -> bool:
    """Whether the glyph is a fallback font's regular face's, thickened in a bold line (model.glyphs.thickened)."""
    return gid[:gid.find("-") + 1] in _THICK_TAGS


def thick_uses(run: GlyphRun) -> tuple[str, str]:
    """A bold line's ``<use>`` elements in two: those of glyphs drawn as they are, and those of glyphs to be
    stroked round as the screen's font engine thickens them (``_thick``)."""
    plain: list[str] = []
    thick: list[str] = []
    for use in run.uses.split("<use ")[1:]:
        start = use.index("#") + 1
        (thick if _thick(use[start:use.index('"', start)]) else plain).append("<use " + use)
    return "".join(plain), "".join(thick)


def _glyph_by_glyph(drawn: str, bold: bool) -> GlyphRun:
    """``glyph_run`` one character at a time: each glyph at the sum of the advances before it (text drawn a glyph
    per character: ``glyph_run`` sends a line that needs shaping to ``_shaped_glyph_by_glyph``)."""
    placed: list[tuple[str, float]] = []
    ids: dict[str, None] = {}
    words: list[tuple[str, float]] = []
    word_start: int | None = None
    x = 0.0
    chars = _CHARS
    for i, ch in enumerate(drawn):
        gid, advance = chars.get((ch, bold)) or _char(ch, bold)
        if gid is not None:
            ids[gid] = None
            placed.append((gid, x))
            if word_start is None:
                word_start = i
                words.append(("", x))
        elif word_start is not None:
            words[-1] = (drawn[word_start:i], words[-1][1])
            word_start = None
        x += advance
    if word_start is not None:
        words[-1] = (drawn[word_start:], words[-1][1])
    return GlyphRun(tuple(placed), x, tuple(ids), len(placed), tuple(words))


def _shaped_placed(drawn: str, bold: bool) -> tuple[tuple[tuple[str, float, float], ...], float,
                                                     tuple[tuple[str, float], ...]]:
    """A line with complex-script spans (model.shaping) as glyphs: those spans as HarfBuzz shapes and
    places them in the fallback font layout measured them with, the rest a glyph per character as
    ``_glyph_by_glyph`` places it. Each drawn glyph's id, x and y (1/EM, y down), the line's width,
    and its words as (characters, x): each shaped span one, the rest cut where nothing is drawn."""
    placed: list[tuple[str, float, float]] = []
    words: list[tuple[str, float]] = []
    x = 0.0
    for start, end, font in font_metrics(bold).spans(drawn):
        if font is not None:  # shaped: one word for ``Weighing`` (its glyphs are drawn one by one in either form)
            words.append((drawn[start:end], x))
            face = _fallback(font)
            run = shape(drawn[start:end], font)
            for index, glyph_x, glyph_y, _ in run.glyphs:
                gid = f"{face.tag}{index}"
                _GLYPHS.setdefault(gid, (partial(_opened, face), face.font.getGlyphName(index)))
                if outline(gid):
                    placed.append((gid, x + glyph_x * face.scale, -glyph_y * face.scale))
            x += run.width * face.scale
            continue
        # Drawn a glyph per character, a joiner kept for shaping (model.glyphs.drawn_characters) as nothing.
        plain = _glyph_by_glyph(without_joiners(drawn[start:end]), bold)
        placed += [(gid, x + at, 0.0) for gid, at in plain.placed]
        words += [(word, x + at) for word, at in plain.words]
        x += plain.width
    return tuple(placed), x, tuple(words)


def _shaped_glyph_by_glyph(drawn: str, bold: bool) -> GlyphRun:
    """``_glyph_by_glyph`` of a line with complex-script spans: ``_shaped_placed``'s glyphs, a mark
    raised or lowered by HarfBuzz given its y."""
    placed, width, words = _shaped_placed(drawn, bold)
    uses = "".join(f'<use xlink:href="#{gid}"' + (f' x="{_num(x)}"' if x else "") + (f' y="{_num(y)}"' if y else "")
                   + "/>" for gid, x, y in placed)
    return GlyphRun(tuple((gid, x) for gid, x, _ in placed), width, tuple(dict.fromkeys(gid for gid, _, _ in placed)),
                    len(placed), words, _uses=uses, shaped=True)


def _glyph_by_word(drawn: str, bold: bool) -> GlyphRun | None:
    """``glyph_run`` from the line's space-separated words, each worked out once (``_word_run``).

    Only when every advance in the line is a whole number (the bundled face's always are: it
    has 1,000 units per em, as EM): sums of whole numbers are exact in any order, so a word's
    width added to the x it starts at is the glyph-by-glyph sum to the last bit. None otherwise.
    """
    found = _placed_words(drawn, bold)
    if found is None:
        return None
    placed, width = found
    count = 0
    ids: dict[str, None] = {}
    words: list[tuple[str, float]] = []
    for x, _, (_, drawn_count, word_ids, pieces) in placed:
        for piece, at in pieces:
            words.append((piece, x + at))
        ids.update(word_ids)
        count += drawn_count
    return GlyphRun(None, width, tuple(ids), count, tuple(words), source=(drawn, bold))


def _placed_words(drawn: str, bold: bool) -> tuple[list[tuple[float, str, _WordRun]], float] | None:
    """The line's space-separated words, each with the x it starts at and its run (``_word_run``), and the
    line's width, all in 1/EM: the very sums ``_glyph_by_word`` and ``TextOutlines.plain_uses`` need. None
    when a space draws something (no font does) or an advance is not a whole number."""
    space_gid, space = _CHARS.get((" ", bold)) or _char(" ", bold)
    if space_gid is not None or not space.is_integer():
        return None
    known = _WORDS
    placed: list[tuple[float, str, _WordRun]] = []
    x = 0.0
    first = True
    for token in drawn.split(" "):
        if first:
            first = False
        else:
            x += space
        if not token:
            continue
        run = known.get((token, bold), _UNKNOWN)
        if run is _UNKNOWN:
            run = _word_run(token, bold)
        if run is None:
            return None
        placed.append((x, token, run))
        x += run[0]
    return placed, x


# (word, bold) -> (width, glyphs drawn, their ids, pieces cut where nothing is drawn with their x),
# all in 1/EM from the word's start; None when an advance is not a whole number.
_WordRun = tuple[float, int, dict[str, None], tuple[tuple[str, float], ...]]
_WORDS: dict[tuple[str, bool], _WordRun | None] = {}
_WORDS_KEPT = 100_000  # distinct words remembered (a board has a few thousand)
_UNKNOWN: _WordRun = (0.0, 0, {}, ())  # a word not worked out yet (None is a word worked out, not by word)


def _word_run(word: str, bold: bool) -> _WordRun | None:
    """One space-free word's glyphs, as ``_glyph_by_glyph`` places them from x = 0."""
    for ch in word:
        if not (_CHARS.get((ch, bold)) or _char(ch, bold))[1].is_integer():
            entry: _WordRun | None = None
            break
    else:
        run = _glyph_by_glyph(word, bold)
        entry = (run.width, run.count, dict.fromkeys(run.ids), run.words)
    if len(_WORDS) >= _WORDS_KEPT:
        _WORDS.clear()
    _WORDS[(word, bold)] = entry
    return entry


class TextOutlines:
    """The glyph outlines one SVG uses, and the ``<use>`` elements that place them, in one of two forms.

    By glyph: each glyph one ``<path>`` in ``<defs>``, each drawn glyph one ``<use>``. By
    word: each distinct word one ``<path>`` (its glyphs' outlines side by side), each
    occurrence one ``<use>``. A board of varied text is smaller by glyph (the bundled
    examples: a third of the size); a board that repeats its words is smaller by word, and
    has a fifth of the elements. librsvg refuses a document of more than 1,000,000 elements
    and stops after 500,000 references, which a board of about 10,000 cards reaches by
    glyph: past ``MAX_GLYPH_USES`` the SVG is written by word whatever the size. A shaped line (model.shaping)
    is placed a glyph at a time in either form: its words, worked out alone, are not the glyphs of the line.
    """

    def __init__(self, by_word: bool) -> None:
        self.by_word = by_word
        self._glyphs: dict[str, None] = {}
        self._words: dict[tuple[str, bool], str] = {}  # (characters, bold) -> id in this document
        # (id of a run, bold) -> the run and its <use> elements by word in this document
        self._written: dict[tuple[int, bool], tuple[GlyphRun, str]] = {}
        # (printable ASCII line, bold) -> its width and its <use> elements by word (``plain_uses``)
        self._plain: dict[tuple[str, bool], tuple[float, str]] = {}
        self._plain_ok = by_word and ascii_all_drawn()

    def note(self, run: GlyphRun, bold: bool) -> None:
        """Give ``run``'s words (or glyphs) their ids, as ``uses`` would, without writing anything."""
        if not self.by_word or run.by_glyph:
            self._glyphs.update(dict.fromkeys(run.ids))
            return
        words = self._words
        for word, _ in run.words:
            if (word, bold) not in words:
                words[(word, bold)] = f"w{len(words)}"

    def note_words(self, words: Iterable[tuple[str, bool]]) -> None:
        """Give these (word, bold), printable ASCII without spaces, their ids by word, in order (``note_plain``
        of the lines they come from, in turn)."""
        known = self._words
        for key in dict.fromkeys(words):
            if key not in known:
                known[key] = f"w{len(known)}"

    def note_plain(self, line: str, bold: bool) -> None:
        """``note`` of a line of printable ASCII, from its characters (when each but the space draws one
        glyph: ``ascii_all_drawn``): its words are its space-separated words, its glyphs its characters'."""
        if self.by_word:
            words = self._words
            for word in line.split():
                if (word, bold) not in words:
                    words[(word, bold)] = f"w{len(words)}"
            return
        chars, glyphs = _CHARS, self._glyphs
        for ch in line.replace(" ", ""):
            gid = (chars.get((ch, bold)) or _char(ch, bold))[0]
            if gid is not None:  # always, for printable ASCII
                glyphs[gid] = None

    def plain_uses(self, line: str, bold: bool) -> tuple[float, str] | None:
        """The width (1/EM) of a line of printable ASCII and the ``<use>`` elements that draw it, by word,
        its words noted for ``defs``: ``glyph_run``'s width and ``uses``'s elements, with no glyph run
        made (a line's run, then its elements, were half of its writing). None when the SVG is written
        by glyph, or the line's glyphs are not placed word by word (``_glyph_by_word``)."""
        written = self._plain.get((line, bold))
        if written is not None:
            return written
        found = _placed_words(line, bold) if self._plain_ok else None
        if found is None:
            return None
        placed, width = found
        words = self._words
        parts = []
        for x, token, _ in placed:
            # A word of printable ASCII draws every character: one piece, at the word's start.
            wid = words.get((token, bold))
            if wid is None:
                wid = words[(token, bold)] = f"w{len(words)}"
            parts.append(f'<use xlink:href="#{wid}" x="{_num(x)}"/>' if x else f'<use xlink:href="#{wid}"/>')
        written = self._plain[(line, bold)] = (width, "".join(parts))
        return written

    def uses(self, run: GlyphRun, bold: bool) -> str:
        """The ``<use>`` elements that draw ``run``, its outlines noted for ``defs``."""
        if not self.by_word or run.by_glyph:
            self._glyphs.update(dict.fromkeys(run.ids))
            return run.uses
        written = self._written.get((id(run), bold))
        if written is not None:  # a line met again (runs are remembered per line): its ids are given out
            return written[1]
        words = self._words
        parts = []
        for word, x in run.words:
            wid = words.get((word, bold))
            if wid is None:
                wid = words[(word, bold)] = f"w{len(words)}"
            parts.append(f'<use xlink:href="#{wid}" x="{_num(x)}"/>' if x else f'<use xlink:href="#{wid}"/>')
        text = "".join(parts)
        self._written[(id(run), bold)] = (run, text)  # the run kept: its id stays its own
        return text

    def defs(self) -> str:
        """One ``<path>`` per glyph or word used, for ``<defs>``."""
        glyphs = "".join(f'<path id="{gid}" d="{outline(gid)}"/>' for gid in self._glyphs)  # by word: shaped lines'
        if not self.by_word:
            return glyphs
        return glyphs + "".join(f'<path id="{wid}" d="{_word_outline(word, bold)}"/>'
                                for (word, bold), wid in self._words.items())


class Weighing:
    """Which form of ``TextOutlines`` makes the smaller file (or the one librsvg can render),
    weighed line by line: a line's glyph run, or for a line of printable ASCII (when each such
    character but the space draws one glyph: ``ascii_all_drawn``) its characters and words, with
    no glyph run worked out (~20 us a line, a 5,000-card board's 14,000 lines: a third of its
    writer's time before it wrote anything)."""

    def __init__(self) -> None:
        self.glyph_uses = 0
        self.word_uses = 0
        self._glyphs: set[str] = set()
        self._chars: dict[bool, set[str]] = {False: set(), True: set()}  # of the plain lines
        self._words: dict[bool, set[str]] = {False: set(), True: set()}
        self._seen: dict[tuple[int, bool], GlyphRun] = {}  # each run kept: its id stays its own
        self._shaped_glyphs: set[str] = set()  # the glyphs of shaped lines: outlines of their own in either form

    def plain(self, text: str, bold: bool) -> None:
        """A line of printable ASCII: each character but the space one glyph, each space-separated word one word.

        Or many such lines joined by spaces (``exporters.svg``): the counts are the sums of each line's."""
        self.glyph_uses += len(text) - text.count(" ")
        words = text.split()  # printable ASCII has no other white space
        self.word_uses += len(words)
        distinct = set(words)
        self._words[bold].update(distinct)
        self._chars[bold].update("".join(distinct))  # every character but the space is in a word

    def run(self, run: GlyphRun, bold: bool) -> None:
        """Any line, from its glyph run (a shaped one is placed a glyph at a time in either form)."""
        self.glyph_uses += run.count
        self.word_uses += run.count if run.by_glyph else len(run.words)
        if (id(run), bold) not in self._seen:  # a line met again adds no glyph or word (runs are remembered per line)
            self._seen[(id(run), bold)] = run
            self._glyphs.update(run.ids)
            if run.by_glyph:
                self._shaped_glyphs.update(run.ids)
            else:
                self._words[bold].update(word for word, _ in run.words)

    def chosen(self) -> TextOutlines:
        """The form that makes the smaller file for the lines weighed (or the one librsvg can render)."""
        if self.glyph_uses > MAX_GLYPH_USES:  # by word whatever the sizes: no need to weigh them
            return TextOutlines(by_word=True)
        glyphs = set(self._glyphs)
        for bold, chars in self._chars.items():
            for ch in chars:
                gid = (_CHARS.get((ch, bold)) or _char(ch, bold))[0]
                if gid is not None:
                    glyphs.add(gid)
        by_glyph = USE_BYTES * self.glyph_uses + OUTLINE_BYTES * len(glyphs)
        by_word = USE_BYTES * self.word_uses + OUTLINE_BYTES * (sum(len(word) for words in self._words.values()
                                                                   for word in words) + len(self._shaped_glyphs))
        return TextOutlines(by_word=by_word < by_glyph)


MAX_GLYPH_USES = 400_000  # below librsvg's 500,000 references, with room for the other elements
USE_BYTES = 32  # a <use> of a glyph or word, about
OUTLINE_BYTES = 220  # one glyph's outline, about (Noto Sans's letters and digits: 218 on average)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _word_outline(word: str, bold: bool) -> str:
    """The outlines of a word's glyphs side by side, as one path's data."""
    parts = []
    x = 0.0
    for ch in word:
        gid, advance = _CHARS.get((ch, bold)) or _char(ch, bold)
        if gid is not None:
            x0, y0, rest = _outline_parts(gid)
            parts.append(f"M{_num(x0 + x)} {_num(y0)}{rest}")
        x += advance
    return "".join(parts)


def outline(gid: str) -> str:
    """The SVG path data of a glyph: 1/EM units, y down, origin on the baseline at the glyph's start."""
    x0, y0, rest = _outline_parts(gid)
    return f"M{_num(x0)} {_num(y0)}{rest}" if rest else ""


def _opened(face: _Face) -> _Face:
    return face


@cache
def _outline_parts(gid: str) -> tuple[float, float, str]:
    """A glyph's outline as its first point and the rest in relative commands, so it can be moved cheaply.

    A bundled face's glyph is read with struct (``_Numbers.contours``) and drawn as fontTools' glyph
    set draws it: the same pen calls, the same numbers. Opening a face with fontTools (its import,
    the glyf, post, cmap and hmtx tables decompiled) was ~300 M instructions of a large export's
    child, which draws a few dozen glyphs or words.
    """
    opener, glyph = _GLYPHS[gid]
    if isinstance(opener, partial) and opener.func is _bundled and isinstance(glyph, int):
        numbers = _numbers(*opener.args)
        try:
            contours = numbers.contours(glyph) if numbers is not None and glyph < len(numbers.advances) else None
            if contours is not None:
                pen = _RelativePen(numbers.scale)  # type: ignore[union-attr]
                _draw(contours, pen)
                return pen.first[0], pen.first[1], "".join(pen.parts).replace(" -", "-")
        except (struct.error, IndexError, RecursionError):
            pass  # a glyph this reader cannot read (a font swapped for a damaged one): fontTools' turn
    face = opener()
    name = glyph if isinstance(glyph, str) else face.font.getGlyphName(glyph)
    pen = _pen_type()(face.scale, face.font.getGlyphSet())
    face.font.getGlyphSet()[name].draw(pen)
    return pen.first[0], pen.first[1], "".join(pen.parts).replace(" -", "-")


def _draw(contours: list[list[tuple[float, float, bool]]], pen: _RelativePen) -> None:
    """Draw quadratic contours on ``pen`` with the calls fontTools makes (``Glyph.draw`` of the glyf table
    and ``BasePen.qCurveTo``): each contour started at an on-curve point, a run of off-curve points split
    at the points implied halfway between two of them, the last line left to ``closePath``."""
    for contour in contours:
        if not any(on for _, _, on in contour):  # no point on the curve: one starts halfway between the last two
            points = [(x, y) for x, y, _ in contour]
            (x, y), (nx, ny) = points[-1], points[0]
            implied = (0.5 * (x + nx), 0.5 * (y + ny))
            pen._moveTo(implied)
            _quadratic(pen, [*points, implied])
            pen._closePath()
            continue
        # Turned to end on an on-curve point, where the contour starts (``moveTo``).
        first = next(i for i, (_, _, on) in enumerate(contour) if on) + 1
        turned = contour[first:] + contour[:first]
        pen._moveTo(turned[-1][:2])
        pending: list[tuple[float, float]] = []
        for i, (x, y, on) in enumerate(turned):
            if not on:
                pending.append((x, y))
            elif pending:
                _quadratic(pen, [*pending, (x, y)])
                pending = []
            elif i < len(turned) - 1:  # a closing line to the start is ``closePath``'s
                pen._lineTo((x, y))
        pen._closePath()


def _quadratic(pen: _RelativePen, points: list[tuple[float, float]]) -> None:
    """``BasePen.qCurveTo``: off-curve points and the on-curve end, one quadratic segment per off-curve point."""
    for (x, y), (nx, ny) in pairwise(points[:-1]):
        pen._qCurveToOne((x, y), (0.5 * (x + nx), 0.5 * (y + ny)))
    pen._qCurveToOne(points[-2], points[-1])


@cache
def _pen_type() -> type:
    """``_RelativePen``, made when the first outline is drawn: fontTools is imported then, not before."""
    from fontTools.pens.basePen import BasePen

    return type("_RelativePen", (_RelativePen, BasePen), {})


class _RelativePen:
    """Path data in relative commands (shorter than absolute ones), scaled to 1/EM and flipped to y down.

    Points are rounded to a tenth before the differences are taken, so that the rounding
    never adds up along a contour. Mixed with fontTools' BasePen by ``_pen_type``.
    """

    def __init__(self, scale: float, glyph_set: object = None) -> None:
        if glyph_set is not None:  # mixed with BasePen (``_pen_type``); alone, ``_draw`` calls it
            super().__init__(glyph_set)  # type: ignore[call-arg]
        self.scale = scale
        self.parts: list[str] = []
        self.first = (0.0, 0.0)
        self.started = False
        self.current = (0.0, 0.0)
        self.contour_start = (0.0, 0.0)
        self.last = ""

    def _point(self, pt: tuple[float, float]) -> tuple[float, float]:
        return round(pt[0] * self.scale, 1), round(-pt[1] * self.scale, 1)

    def _emit(self, command: str, *points: tuple[float, float]) -> None:
        """A relative command; its letter is left out when it repeats the previous one (SVG allows that)."""
        cx, cy = self.current
        numbers = " ".join(f"{_num(x - cx)} {_num(y - cy)}" for x, y in points)
        if command == "l" and points[0][0] == cx:
            command, numbers = "v", _num(points[0][1] - cy)
        elif command == "l" and points[0][1] == cy:
            command, numbers = "h", _num(points[0][0] - cx)
        self.parts.append((" " if command == self.last and command != "m" else command) + numbers)
        self.last = command
        self.current = points[-1]

    def _moveTo(self, pt: tuple[float, float]) -> None:
        p = self._point(pt)
        if not self.started:
            self.started, self.first, self.current = True, p, p
            self.last = "m"  # the M written in front of the rest
        else:
            self._emit("m", p)
            self.last = "l"  # numbers after a moveto are taken as lineto: never leave "m" out
        self.contour_start = p

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self._emit("l", self._point(pt))

    def _qCurveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float]) -> None:
        self._emit("q", self._point(pt1), self._point(pt2))

    def _curveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float], pt3: tuple[float, float]) -> None:
        self._emit("c", self._point(pt1), self._point(pt2), self._point(pt3))

    def _closePath(self) -> None:
        self.parts.append("z")
        self.last = "z"
        self.current = self.contour_start  # SVG: after z the current point is the contour's start


def _num(value: float) -> str:
    """A coordinate in 1/EM units: one decimal at most (a thousandth of a pixel at 100 px type)."""
    if value.is_integer():  # the usual case: the bundled face has 1,000 units per em
        return str(int(value))
    rounded = round(value, 1)
    whole = int(rounded)
    return str(whole) if rounded == whole else repr(rounded)
