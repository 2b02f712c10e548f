"""PDF export with reportlab: one page exactly the board's size, 1 px = 1 pt.

The bundled Noto Sans faces are embedded (subset) and the canvas starts on the regular
face, so the file declares no unembedded Helvetica. reportlab's origin is the bottom-left
corner, so every y is flipped against the page height. Each stage gets an outline entry
that jumps to its header.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from exporters.common import (
    DocumentOrLayout,
    PrimitiveGroup,
    as_layout,
    clean_text,
    creator,
    document_title,
    draw_text,
    primitive_groups,
    write_atomic,
)
from exporters.fallback import finder, reportlab_name, thickened_name
from exporters.halves import halfway, in_two, worth_forking
from exporters.pages import MARGIN, PAGE_SIZES, PagePlan, PageSpec, Sheet, plan_pages
from exporters.sheet_index import SheetIndex
from model import style as st
from model.board_words import board_word
from model.fonts import FONT_FILES, font_metrics
from model.glyphs import EMBOLDEN, as_drawn, drawn_characters, has_rtl, has_rtl_marks, needs_reordering, visual
from model.layout import CardGeometry, Layout
from model.primitives import Box, Circle, Line, Path, Primitive, Text, translated
from model.shaping import ShapedRun, needs_shaping, shape, without_joiners
from model.typesetting import reads_right_to_left, text_block, text_primitives
from model.valueclass import value_class

FONT_NAMES = {False: "Touchline-NotoSans", True: "Touchline-NotoSans-Bold"}
KAPPA = 0.5522847498  # control-point distance of a quarter circle drawn as one cubic, per radius
MITER_LIMIT = 4  # SVG's default, so sharp joins end where they do in the SVG
FLATE_LEVEL = 3  # zlib's level for the streams (see _QuickFlate)


@cache
def register_fonts() -> dict[bool, str]:
    """Register the bundled regular and bold faces with reportlab (once); their names by ``bold``."""
    for bold, name in FONT_NAMES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_FILES[bold])))
    return FONT_NAMES


def render_pdf(layout: Layout, spec: PageSpec | None = None, plan: PagePlan | None = None,
               board: list[Primitive] | None = None) -> bytes:
    """The layout drawn on the pages ``spec`` asks for (default: one page of its own size), as PDF bytes.

    The creation date is the current time, or SOURCE_DATE_EPOCH when that is set
    (reproducible builds), as reportlab implements it. ``board``: the layout's primitives
    when the caller has them already (exporters.export looks at them for its warnings too).
    """
    with _binary_streams():
        return _render_pdf(layout, plan or plan_pages(layout, spec or PageSpec()), board)


class _QuickFlate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's Flate filter at zlib level 3 instead of 6: the same picture in a file about 15 %
    larger (still smaller than with ASCII85), compressed in a third of the time (a 5,000-card
    page: ~260 -> ~100 ms, a tenth of the whole export)."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, FLATE_LEVEL)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams compressed only, not also ASCII85-encoded (reportlab's default), and at a quicker
    zlib level: ASCII85 made the file a third larger and, without reportlab's optional C
    accelerator, encoding it in pure Python took longer than drawing a 5,000-card board.
    Viewers read all of these the same. reportlab reads both settings when it writes a stream."""
    before = rl_config.useA85, pdfdoc.PDFZCompress
    rl_config.useA85 = 0
    pdfdoc.PDFZCompress = _QuickFlate()
    try:
        yield
    finally:
        rl_config.useA85, pdfdoc.PDFZCompress = before


def _render_pdf(layout: Layout, plan: PagePlan, board: list[Primitive] | None) -> bytes:
    fonts = register_fonts()
    buffer = io.BytesIO()
    first = plan.sheets[0]
    canvas = Canvas(
        buffer,
        pagesize=(first.width, first.height),
        pageCompression=1,
        initialFontName=fonts[False],
        initialFontSize=12,
    )
    document = layout.document
    canvas.setTitle(document_title(document))
    # Empty without a description: reportlab's own default, "unspecified", showed in a reader's document properties.
    canvas.setSubject(clean_text(document.description) if document.description else "")
    canvas.setCreator(creator())
    canvas.setAuthor("")  # reportlab's own default, "anonymous", is no one's name
    where = None
    parts = [sheet.viewport for sheet in plan.sheets if not _whole(layout, sheet)]
    if parts:
        if board is None:
            board = list(layout.primitives())  # walked once for all the sheets that show a part of it
        where = SheetIndex.for_views(board, parts)
    marks = _stage_marks(layout, plan)
    clipped = [card for card in layout.ordered_cards() if card.shape.clipped]  # shortened: linked to the appendix
    for index, sheet in enumerate(plan.sheets):
        canvas.setPageSize((sheet.width, sheet.height))
        canvas.setMiterLimit(MITER_LIMIT)
        _draw_sheet(canvas, layout, sheet, board, fonts, where)
        for key, (sheet_index, left, top) in marks.items():
            if sheet_index == index:
                canvas.bookmarkHorizontalAbsolute(key, top, left=left)
        _link_shortened_cards(canvas, clipped, sheet)
        canvas.showPage()
    _draw_appendix(canvas, layout, clipped, fonts, plan.spec)
    _add_outline(canvas, layout, marks)
    canvas.save()
    return buffer.getvalue()


def export_pdf(
    document_or_layout: DocumentOrLayout, path: str | os.PathLike[str], spec: PageSpec | None = None,
    plan: PagePlan | None = None, board: list[Primitive] | None = None,
) -> None:
    """Render a document (or a ready layout) to PDF and write it atomically to ``path``."""
    write_atomic(path, render_pdf(as_layout(document_or_layout), spec, plan, board))


def _draw_sheet(canvas: Canvas, layout: Layout, sheet: Sheet, board: list[Primitive] | None,
                fonts: dict[bool, str], where: SheetIndex | None = None) -> None:
    """The sheet's part of the board (clipped, scaled), then its title block or marks on top.

    ``board``: the layout's primitives if the caller has them (else the layout's groups are drawn).
    ``where``: where they are, for a sheet that shows part of the board (it draws those in its part)."""
    view = sheet.viewport
    if _whole(layout, sheet):  # --page fit: no transform, the content stream stays as simple as it was
        scaled = view.scale != 1  # a board larger than a PDF page may be (exporters/pages.py, MAX_PAGE_PT)
        if scaled:
            canvas.saveState()
            canvas.transform(view.scale, 0, 0, view.scale, 0, 0)
        painter = _PdfPainter(canvas, layout.height, fonts)
        groups = primitive_groups(layout, board)
        if worth_forking(sum(len(group) for group, _ in groups)):
            _draw_in_two(painter, groups)
        else:
            for group, offset in groups:
                painter.draw_group(group, offset)
        if scaled:
            canvas.restoreState()
    else:
        if where is None:  # _render_pdf indexes the board for these sheets
            raise ValueError("a sheet showing part of the board needs the board's primitives indexed")
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(view.left, sheet.height - view.top - view.h * view.scale, view.w * view.scale,
                  view.h * view.scale)
        canvas.clipPath(clip, stroke=0, fill=0)
        s = view.scale
        canvas.transform(s, 0, 0, s, view.left - s * view.x, sheet.height - view.top - s * (layout.height - view.y))
        painter = _PdfPainter(canvas, layout.height, fonts)
        for primitive in where.within(view.x, view.y, view.x + view.w, view.y + view.h):
            painter.draw(primitive)
        canvas.restoreState()
    if sheet.decorations:
        painter = _PdfPainter(canvas, sheet.height, fonts)
        for primitive in sheet.decorations:
            painter.draw(primitive)


# What drawing one primitive costs, about, relative to a box (a 5,000-card board: a text line
# ~10 us, an arrow's path ~6 us, a box ~8 us): the halves are cut where the costs are even.
_COSTS = {Text: 1.3, Path: 0.8}


class _NewResourcesError(Exception):
    """The second half used a font, subset or transparency the first half had not: drawn here again."""


def _draw_in_two(painter: _PdfPainter, groups: list[PrimitiveGroup]) -> None:
    """Draw ``groups`` with a forked child drawing the second half (exporters.halves): the same operators.

    Operators depend on what was drawn before them (a colour, width or font is set only when
    it changes; a transparency, font or subset gets its name when first used). The child
    therefore first brings its painter, canvas and document to where the first half leaves
    them (``replay``: the state changes alone, nothing formatted), then draws the second half,
    and hands back its operators and end state. Should the second half name anything the first
    half had not (a new font, subset or transparency), those names would be missing from this
    process's document: the child gives up and this process draws the second half itself.
    """
    canvas = painter.canvas
    # The parent's part is the larger: its save (compressing the page) comes after.
    half = halfway([sum(_COSTS.get(type(p), 1.0) for p in group) for group, _ in groups], share=0.57)

    def draw(part: list[PrimitiveGroup]) -> None:
        for group, offset in part:
            painter.draw_group(group, offset)

    def second() -> tuple[list[str], dict[str, object], dict[str, object]]:
        canvas._code = []  # the first half's operators, written by the parent
        painter.replay([p for group, _ in groups[:half] for p in group])  # where a primitive is changes no state
        named = _named_resources(canvas)
        ops: list[str] = []
        canvas._code = ops
        draw(groups[half:])
        if _named_resources(canvas) != named:
            raise _NewResourcesError
        return ops, painter.state(), _canvas_state(canvas)

    _, drawn = in_two(lambda: draw(groups[:half]), second)
    if drawn is None:
        draw(groups[half:])
        return
    ops, state, canvas_state = drawn
    canvas._code.extend(ops)
    painter.restore(state)
    extgstate = canvas_state.pop("_extgstate")
    canvas.__dict__.update(canvas_state)
    canvas._extgstate._d = extgstate


def _named_resources(canvas: Canvas) -> tuple[object, ...]:
    """What the document has named so far: transparencies, fonts, their subsets' characters, PDF version."""
    document = canvas._doc
    fonts = []
    for name, font in sorted(pdfmetrics._fonts.items()):
        state = getattr(font, "state", {}).get(document)
        if state is not None:
            fonts.append((name, state.internalName, state.nextCode, len(state.assignments)))
    return (tuple(canvas._extgstate._c.items()), tuple(document.fontMapping.items()), len(document.delayedFonts),
            document._pdfVersion, tuple(fonts))


def _canvas_state(canvas: Canvas) -> dict[str, object]:
    """The canvas's graphics state (what setFont, setLineWidth, setDash, the alphas... set)."""
    state = {name: canvas.__dict__[name] for name in canvas.STATE_ATTRIBUTES if name != "_extgstate"}
    state["_extgstate"] = dict(canvas._extgstate._d)
    return state


def _whole(layout: Layout, sheet: Sheet) -> bool:
    """Whether the sheet shows the whole board and nothing else (a fit page: at its own size, or scaled to the
    largest page a PDF may have)."""
    view = sheet.viewport
    return view.left == 0 and view.top == 0 and (view.x, view.y) == (0, 0) \
        and (view.w, view.h) == (layout.width, layout.height)


def _link_shortened_cards(canvas: Canvas, clipped: list[CardGeometry], sheet: Sheet) -> None:
    """Each shortened card on the sheet links to its full text on the appendix page (an invisible link)."""
    view = sheet.viewport
    for number, card in enumerate(clipped):
        r = card.rect
        if not (view.shows(r.x, r.y) and view.shows(r.x + r.w, r.y + r.h)):
            continue
        x0, y0 = view.to_page(r.x, r.y)
        x1, y1 = view.to_page(r.x + r.w, r.y + r.h)
        canvas.linkAbsolute("Full text", f"full-text-{number}", Rect=(x0, sheet.height - y1, x1, sheet.height - y0),
                            thickness=0)


def _draw_appendix(canvas: Canvas, layout: Layout, clipped: list[CardGeometry], fonts: dict[bool, str],
                   spec: PageSpec) -> None:
    """Pages with the whole text of every card the board shows shortened (with an ellipsis): upright sheets
    of the paper the board is printed on (a Letter board's appendix was A4), A4 beside a fit page."""
    if not clipped:
        return
    width, height = PAGE_SIZES[spec.page if spec.page in PAGE_SIZES else "A4"]
    left, top, text_w = MARGIN, MARGIN, width - 2 * MARGIN
    document = layout.document
    blocks: list[list[Primitive]] = []
    for geometry in clipped:
        card = document.card(geometry.id)
        where = f"{document.stage(card.stage).name} · {document.lane(card.lane).name}"
        head_lines, head_h = text_block(where, text_w, 11, True)
        body_lines, _ = text_block(card.text, text_w, 10, False)
        block: list[Primitive] = list(text_primitives(head_lines, 0, 0, 11, st.INK, bold=True))
        # Set flush right when it reads right to left, as on its card (Arabic and Hebrew lines all began
        # at the left margin, their ragged ends on the side where they start).
        x, anchor = (text_w, "end") if reads_right_to_left(body_lines) else (0.0, "start")
        block += text_primitives(body_lines, x, head_h + 2, 10, st.INK, anchor=anchor)
        blocks.append(block)
    y = top
    painter = None
    for index, block in enumerate(blocks):
        lines = [p for p in block if isinstance(p, Text)]
        if painter is None or y > height - MARGIN - 40:
            if painter is not None:
                canvas.showPage()
            canvas.setPageSize((width, height))
            painter = _PdfPainter(canvas, height, fonts)
            heading = "Full text of shortened cards (continued)" if index else "Full text of shortened cards"
            heading = board_word(heading, document.language)
            painter.draw(Text(left, top + 14, heading, 14, st.INK, bold=True))
            y = top + 30
        canvas.bookmarkHorizontalAbsolute(f"full-text-{index}", height - y + 4, left=left)
        for line in lines:
            if y + line.y + 4 > height - MARGIN:  # a very long card continues on the next page
                canvas.showPage()
                canvas.setPageSize((width, height))
                painter = _PdfPainter(canvas, height, fonts)
                y = top - line.y + 14
            painter.draw(Text(left + line.x, y + line.y, line.text, line.size, line.color, line.bold, line.anchor))
        y += max(line.y for line in lines) + 16
    canvas.showPage()


def _stage_marks(layout: Layout, plan: PagePlan) -> dict[str, tuple[int, float, float]]:
    """For each stage's outline key: the sheet that shows its header, and where (PDF coordinates).

    On a poster that is the first sheet showing the header's left edge and at least half its width, else the
    one showing the most of it: the first sheet that showed its corner at all took the bookmark, and on the
    examples' A4 portrait posters "03 Wait" opened sheet 1 at its right edge, on 40 of the header's 212 px
    (the stage's name and cards on sheet 2)."""
    marks: dict[str, tuple[int, float, float]] = {}
    for number, header in enumerate(layout.stage_headers.values(), start=1):
        rect = header.rect
        best: tuple[float, int] | None = None  # (width shown, sheet index)
        for index, sheet in enumerate(plan.sheets):
            view = sheet.viewport
            if not view.shows(max(rect.x, view.x), rect.y + 1):
                continue
            shown = min(rect.x + rect.w, view.x + view.w) - max(rect.x, view.x)
            if view.x <= rect.x and shown >= rect.w / 2:
                best = (shown, index)
                break
            if shown > 0 and (best is None or shown > best[0]):
                best = (shown, index)
        if best is not None:
            index = best[1]
            view = plan.sheets[index].viewport
            # The header's left edge, or the picture's where the sheet starts within the header.
            x, y = view.to_page(max(rect.x, view.x), rect.y)
            marks[f"stage-{number}"] = (index, x, plan.sheets[index].height - y)
    return marks


def _add_outline(canvas: Canvas, layout: Layout, marks: dict[str, tuple[int, float, float]]) -> None:
    """One outline entry per stage, opening the page at the stage's header."""
    document = layout.document
    for index, stage_id in enumerate(layout.stage_headers):
        key = f"stage-{index + 1}"
        if key not in marks:
            continue
        name = clean_text(document.stage(stage_id).name).strip() or board_word("Stage {0}", document.language).format(
            index + 1)
        canvas.addOutlineEntry(f"{index + 1:02d} {name}", key, level=0)
    if marks:
        canvas.showOutline()


_NUMBERS: dict[float, str] = {}  # a board repeats its coordinates (columns, rows, card sizes)
_NUMBERS_KEPT = 200_000


def _n(value: float) -> str:
    """A number for the content stream: at most three decimals, no trailing zeros."""
    text = _NUMBERS.get(value)
    if text is None:
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
        if len(_NUMBERS) < _NUMBERS_KEPT:
            _NUMBERS[value] = text
    return text


def _paint_op(fill: str | None, stroke: str | None) -> str:
    """The operator that paints the current path: fill (nonzero rule), stroke, or both."""
    if fill is not None:
        return "B" if stroke is not None else "f"
    return "S"


def _rgb(color: str) -> tuple[float, float, float]:
    return int(color[1:3], 16) / 255, int(color[3:5], 16) / 255, int(color[5:7], 16) / 255


@cache
def _color_op(color: str, operator: str) -> str:
    """``r g b rg`` (fill) or ``r g b RG`` (stroke), exactly as reportlab's setFillColorRGB writes it."""
    return f"{fp_str(_rgb(color))} {operator}"


# The string escapes of a PDF text operand (what reportlab's escapePDF writes), as one table
# for str.translate: escapePDF loops over the bytes in Python when its C accelerator is missing.
_ESCAPES = {code: f"\\{code:03o}" if code < 32 or code >= 127 else "\\" + chr(code) if chr(code) in "\\()"
            else chr(code) for code in range(256)}


def _escaped(chunk: bytes) -> str:
    """A text operand's bytes (a font subset's codes), escaped as reportlab's escapePDF does."""
    return chunk.decode("latin-1").translate(_ESCAPES)


_FP: dict[float, str] = {}


@value_class(frozen=True)
class Shaped:
    """A span of a line shaped in one fallback font: its characters, HarfBuzz's glyphs, the font's em."""

    text: str
    shaped: ShapedRun
    units_per_em: int


def _glyph_character(font: TTFont, gid: int, width: float) -> int:
    """The character that stands for glyph ``gid`` in ``font``'s subsets: one the font maps to it, else a
    private-use one added to the font's map (a conjunct, a half form or a placed vowel sign has no
    character of its own), as reportlab's own shaping does. ``width``: the glyph's, per 1,000 em."""
    face = font.face
    mapped = face.glyphToChar.get(gid)
    if mapped:
        return int(mapped[0])
    private: dict[int, int] = face.__dict__.setdefault("touchline_private", {})
    code = private.get(gid)
    if code is None:
        code = max([0xE000 - 1, *private.values()]) + 1
        while code in face.charToGlyph:
            code += 1
        private[gid] = code
        face.charToGlyph[code] = gid
        face.glyphToChar[gid] = [code]
        face.charWidths[code] = width
    return code


def _in_subsets(font: TTFont, document: object, size: float, shown: Iterable[tuple[int, str]]) -> list[str]:
    """The text operators ``shown`` (subset, operator), each subset's font selected where it starts."""
    parts: list[str] = []
    current = -1
    for subset, operator in shown:
        if subset != current:
            parts.append(f"{font.getSubsetInternalName(subset, document)} {_font_size_op(size)}")
            current = subset
        parts.append(operator)
    return parts


def _fp(value: float) -> str:
    """One number as reportlab's fp_str writes it (remembered: a board repeats its text positions)."""
    text = _FP.get(value)
    if text is None:
        text = fp_str(value)
        if len(_FP) < _NUMBERS_KEPT:
            _FP[value] = text
    return text


@cache
def _font_size_op(size: float) -> str:
    """The size and leading of a text object, as reportlab's text objects write them."""
    return f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"


def _printable_ascii(text: str) -> bool:
    """Whether every character is printable ASCII, which the bundled faces all have (no per-character look-up)."""
    return text.isascii() and text.isprintable()


class _PdfPainter:
    """Draws primitives on a reportlab canvas, emitting a state operator only when it changes."""

    def __init__(self, canvas: Canvas, page_height: float, fonts: dict[bool, str]) -> None:
        self.canvas = canvas
        self.page_height = page_height
        self.fonts = fonts
        self._bundled = frozenset(fonts.values())
        self._fill: str | None = None
        self._stroke: str | None = None
        self._fill_alpha = 1.0
        self._stroke_alpha = 1.0
        self._width = 1.0
        self._dash: tuple[float, ...] | None = None
        self._font: tuple[str, float] | None = None
        self._round = False
        canvas.setLineWidth(1.0)

    _STATE = ("_fill", "_stroke", "_fill_alpha", "_stroke_alpha", "_width", "_dash", "_font", "_round")

    def state(self) -> dict[str, object]:
        """What the painter remembers of the operators written so far."""
        return {name: getattr(self, name) for name in self._STATE}

    def restore(self, state: dict[str, object]) -> None:
        """Take over ``state`` (another painter's, from ``state``)."""
        for name, value in state.items():
            setattr(self, name, value)

    def replay(self, primitives: list[Primitive]) -> None:
        """Change state as drawing ``primitives`` would (colours, widths, fonts, names), formatting no geometry.

        The state operators still go to the canvas's code: the caller puts a list there to drop.
        """
        for primitive in primitives:
            if isinstance(primitive, Text):
                if primitive.angle:
                    continue  # drawn between q and Q: the state after it is the state before
                if _printable_ascii(primitive.text):
                    self._text_state(primitive)
                else:
                    self._text(primitive)  # rare: the whole line, as drawn
            elif isinstance(primitive, Box | Circle):
                if primitive.fill is None and primitive.stroke is None:
                    continue
                opacity = primitive.opacity if isinstance(primitive, Box) else 1.0
                dash = primitive.dash if isinstance(primitive, Box) else None
                self._paint(primitive.fill, primitive.stroke, primitive.stroke_width, dash, opacity)
                if primitive.stroke is not None:
                    self._ends(False)
            elif isinstance(primitive, Line):
                self._paint(None, primitive.color, primitive.width, primitive.dash, 1.0)
                self._ends(False)
            elif isinstance(primitive, Path):
                if (primitive.fill is None and primitive.stroke is None) or not primitive.commands:
                    continue
                self._paint(primitive.fill, primitive.stroke, primitive.width, primitive.dash, 1.0)
                self._ends(primitive.round)
            else:
                raise TypeError(f"unknown primitive {type(primitive).__name__}")

    def _text_state(self, text: Text) -> None:
        """``_text``'s state changes for a line of printable ASCII (drawn as it is, in the bundled face)."""
        if not text.text.strip():
            return
        self._paint(text.color, None, self._width, self._dash, 1.0)
        font_name = self.fonts[text.bold]
        if self._font != (font_name, text.size):
            self.canvas.setFont(font_name, text.size)
            self._font = (font_name, text.size)
        font = pdfmetrics.getFont(font_name)
        if not font._dynamicFont:
            self.canvas.drawString(0, 0, text.text)
        else:
            font.getSubsetInternalName(0, self.canvas._doc)  # names the font on its first use

    def draw_group(self, group: Sequence[Primitive], offset: tuple[float, float] | None) -> None:
        """Draw a group of primitives, each moved by ``offset`` (the same numbers ``translated`` gives)."""
        if offset is None:
            for primitive in group:
                self.draw(primitive)
            return
        dx, dy = offset
        for primitive in group:
            if isinstance(primitive, Text):
                self._text(primitive, primitive.x + dx, primitive.y + dy)
            elif isinstance(primitive, Box):
                self._box(primitive, primitive.x + dx, primitive.y + dy)
            else:
                self.draw(translated(primitive, dx, dy))

    def draw(self, primitive: Primitive) -> None:
        """Draw one primitive."""
        if isinstance(primitive, Text):
            self._text(primitive)
        elif isinstance(primitive, Box):
            self._box(primitive)
        elif isinstance(primitive, Line):
            self._line(primitive)
        elif isinstance(primitive, Path):
            self._path(primitive)
        elif isinstance(primitive, Circle):
            self._circle(primitive)
        else:
            raise TypeError(f"unknown primitive {type(primitive).__name__}")

    # ------------------------------------------------------------ shapes
    # Shapes go into the content stream as plain path operators (Canvas.addLiteral): the
    # same operators reportlab's rect/roundRect/circle would write, without its per-number
    # formatting in pure Python, which made a 5,000-card board take three times as long.
    def _box(self, box: Box, left: float | None = None, top: float | None = None) -> None:
        """The box, at (left, top) when given (a card's box moved onto the board)."""
        if box.fill is None and box.stroke is None:
            return
        self._paint(box.fill, box.stroke, box.stroke_width, box.dash, box.opacity)
        if box.stroke is not None:
            self._ends(False)
        n = _n
        left = box.x if left is None else left
        top = box.y if top is None else top
        x, y, w, h = left, self.page_height - top - box.h, box.w, box.h
        r = min(box.radius, w / 2, h / 2)
        if r <= 0:
            ops = f"{n(x)} {n(y)} {n(w)} {n(h)} re"
        else:
            k = r * (1 - KAPPA)  # distance of a corner's control points from the corner
            x2, y2 = x + w, y + h
            # Each coordinate formatted once (a rounded box names each of them several times).
            xs, ys, xr, yr, x2s, y2s = n(x), n(y), n(x + r), n(y + r), n(x2), n(y2)
            x2r, y2r, xk, yk, x2k, y2k = n(x2 - r), n(y2 - r), n(x + k), n(y + k), n(x2 - k), n(y2 - k)
            ops = (f"{xr} {ys} m {x2r} {ys} l {x2k} {ys} {x2s} {yk} {x2s} {yr} c {x2s} {y2r} l "
                   f"{x2s} {y2k} {x2k} {y2s} {x2r} {y2s} c {xr} {y2s} l "
                   f"{xk} {y2s} {xs} {y2k} {xs} {y2r} c {xs} {yr} l "
                   f"{xs} {yk} {xk} {ys} {xr} {ys} c h")
        self.canvas.addLiteral(f"{ops} {_paint_op(box.fill, box.stroke)}")

    def _circle(self, circle: Circle) -> None:
        if circle.fill is None and circle.stroke is None:
            return
        self._paint(circle.fill, circle.stroke, circle.stroke_width, None, 1.0)
        if circle.stroke is not None:
            self._ends(False)
        cx, cy, r = circle.cx, self.page_height - circle.cy, circle.r
        k = r * KAPPA
        ops = " ".join((
            f"{_n(cx + r)} {_n(cy)} m",
            f"{_n(cx + r)} {_n(cy + k)} {_n(cx + k)} {_n(cy + r)} {_n(cx)} {_n(cy + r)} c",
            f"{_n(cx - k)} {_n(cy + r)} {_n(cx - r)} {_n(cy + k)} {_n(cx - r)} {_n(cy)} c",
            f"{_n(cx - r)} {_n(cy - k)} {_n(cx - k)} {_n(cy - r)} {_n(cx)} {_n(cy - r)} c",
            f"{_n(cx + k)} {_n(cy - r)} {_n(cx + r)} {_n(cy - k)} {_n(cx + r)} {_n(cy)} c h",
        ))
        self.canvas.addLiteral(f"{ops} {_paint_op(circle.fill, circle.stroke)}")

    def _line(self, line: Line) -> None:
        self._paint(None, line.color, line.width, line.dash, 1.0)
        self._ends(False)
        flip = self.page_height
        self.canvas.addLiteral(f"{_n(line.x1)} {_n(flip - line.y1)} m {_n(line.x2)} {_n(flip - line.y2)} l S")

    def _path(self, path: Path) -> None:
        if (path.fill is None and path.stroke is None) or not path.commands:
            return
        self._paint(path.fill, path.stroke, path.width, path.dash, 1.0)
        self._ends(path.round)
        flip = self.page_height
        n = _n
        parts: list[str] = []
        # A command's numbers are typed object (model.primitives.PathCommand): hence the ignores.
        for command in path.commands:
            op = command[0]
            if op == "M":
                parts.append(f"{n(command[1])} {n(flip - command[2])} m")  # type: ignore[operator, arg-type]
            elif op == "L":
                parts.append(f"{n(command[1])} {n(flip - command[2])} l")  # type: ignore[operator, arg-type]
            elif op == "C":
                parts.append(f"{n(command[1])} {n(flip - command[2])} "  # type: ignore[operator, arg-type]
                             f"{n(command[3])} {n(flip - command[4])} "  # type: ignore[operator, arg-type]
                             f"{n(command[5])} {n(flip - command[6])} c")  # type: ignore[operator, arg-type]
            elif op == "Z":
                parts.append("h")
            else:
                raise ValueError(f"unknown path command {op!r}")
        parts.append(_paint_op(path.fill, path.stroke))
        self.canvas.addLiteral(" ".join(parts))

    def _text(self, text: Text, left: float | None = None, baseline: float | None = None) -> None:
        """The line, at (left, baseline) when given (a card's line moved onto the board)."""
        if text.angle:
            self._turned_text(text, left, baseline)
            return
        content = draw_text(text.text)
        if not content.strip():
            return
        if needs_reordering(content):  # reportlab neither shapes nor reorders: draw the visual string
            content = visual(content)
        if not content.isascii():
            content = drawn_characters(content)
        self._paint(text.color, None, self._width, self._dash, 1.0)
        runs = self._runs(content, text.bold, text.size)
        # Like text-anchor in SVG and QFontMetrics in Qt: align what is actually drawn.
        x = text.x if left is None else left
        if text.anchor in ("middle", "end"):
            width = sum(run_width for _, _, run_width in runs)
            x -= width / 2 if text.anchor == "middle" else width
        y = self.page_height - (text.y if baseline is None else baseline)
        # Arabic or Hebrew with marks: HarfBuzz places each mark (``_show_shaped``), and a reader, who puts a
        # right-to-left line back in logical order from where its glyphs are, read the raised marks as
        # words of their own. The line's ActualText is its characters in the order a glyph per character
        # would draw them (model.glyphs.as_drawn): what readers (poppler, Evince, Okular) read back as typed.
        # It starts with a right-to-left mark: poppler joins a combining mark that starts an ActualText to the
        # character drawn before the line (the last word's fatha of "الدَّرْسَ" went to another line's end).
        marked = not content.isascii() and has_rtl_marks(content)
        if marked:
            read = ("\u200f" + as_drawn(content)).encode("utf-16-be", "surrogatepass").hex().upper()
            self.canvas.addLiteral(f"/Span <</ActualText <FEFF{read}>>> BDC")
        for font_name, run, run_width in runs:
            if font_name is not None:
                if self._font != (font_name, text.size):
                    self.canvas.setFont(font_name, text.size)
                    self._font = (font_name, text.size)
                # Bold in a fallback font's regular face: stroked round its outlines as the screen's font engine
                # thickens them (model.glyphs.EMBOLDEN), in a q/Q of its own that puts the stroke state back.
                thick = text.bold and font_name not in self._bundled and thickened_name(font_name)
                if thick:
                    if self._stroke_alpha != 1.0:  # outside the q: reportlab remembers the alpha it set
                        self.canvas.setStrokeAlpha(1.0)
                        self._stroke_alpha = 1.0
                    # Solid ([] 0 d): the lines drawn before it (a blueprint's dashed ones) left their dash set.
                    pen = _n(text.size * EMBOLDEN)  # not ``width``, the line's (a number) above
                    self.canvas.addLiteral(f"q {_color_op(text.color, 'RG')} {pen} w 1 j [] 0 d 2 Tr")
                if isinstance(run, Shaped):
                    self._show_shaped(font_name, text.size, x, y, run)
                else:
                    self._show(font_name, text.size, x, y, run)
                if thick:
                    self.canvas.addLiteral("Q")
            x += run_width
        if marked:
            self.canvas.addLiteral("EMC")

    def _turned_text(self, text: Text, left: float | None, baseline: float | None) -> None:
        """A turned line (a name in a tiled sheet's margin): drawn upright at the origin of coordinates turned
        about its anchor point, between q and Q. Q also puts back the colour and font the line set, so the
        painter's memory of them is put back with it."""
        x = text.x if left is None else left
        y = self.page_height - (text.y if baseline is None else baseline)
        turn = math.radians(text.angle)  # anticlockwise, as PDF's own angles (its y runs up)
        c, s = math.cos(turn), math.sin(turn)
        memory = self.state()
        self.canvas.addLiteral(f"q {_n(c)} {_n(s)} {_n(-s)} {_n(c)} {_n(x)} {_n(y)} cm")
        self._text(replace(text, angle=0.0), 0.0, self.page_height)
        self.canvas.addLiteral("Q")
        self.restore(memory)

    def _show(self, font_name: str, size: float, x: float, y: float, run: str) -> None:
        """One run of text at (x, y): the operators Canvas.drawString writes, without its text object.

        drawString builds a text object, measures the string again and formats every
        number in pure Python; a 5,000-card board has 14,000 lines, and that was a third
        of the export. The embedded fonts are subset by reportlab as before (splitString).
        """
        font = pdfmetrics.getFont(font_name)
        if not font._dynamicFont:  # a standard Type 1 font: never ours, but keep reportlab's path
            self.canvas.drawString(x, y, run)
            return
        document = self.canvas._doc
        parts = [f"BT 1 0 0 1 {_fp(x)} {_fp(y)} Tm"]
        chunks: list[tuple[int, bytes]]
        if font._asciiReadable and font.fontName in self._bundled and _printable_ascii(run):
            # reportlab keeps printable ASCII as itself in subset 0 of an "ASCII readable" font
            # (ttfonts.TTFont.State), and the bundled faces have all of it: what splitString
            # would return, without its loop over every character in Python.
            chunks = [(0, run.encode("ascii"))]
        else:
            chunks = font.splitString(run, document)
        parts += _in_subsets(font, document, size, ((subset, f"({_escaped(chunk)}) Tj") for subset, chunk in chunks))
        parts.append("T* ET")
        self.canvas.addLiteral(" ".join(parts))

    def _show_shaped(self, font_name: str, size: float, x: float, y: float, run: Shaped) -> None:
        """A run HarfBuzz shaped (model.shaping): each glyph at its own place, inside a span whose
        ActualText is the run's characters, so that a reader copies and finds what was typed (the
        glyphs are in drawing order, a vowel sign before its consonant, some with no character)."""
        font = pdfmetrics.getFont(font_name)
        document = self.canvas._doc
        scale = size / run.units_per_em
        typed = run.text.encode("utf-16-be", "surrogatepass").hex().upper()
        glyphs = run.shaped.glyphs
        codes = "".join(chr(_glyph_character(font, gid, advance * 1000 / run.units_per_em))
                        for gid, _, _, advance in glyphs)
        # One byte a glyph in its subset (reportlab's subsets are single-byte): split once, not glyph by glyph.
        coded = [(subset, chunk[i:i + 1]) for subset, chunk in font.splitString(codes, document)
                 for i in range(len(chunk))]
        # Arabic or Hebrew with marks, in visual order: the line's ActualText (``_text``) stands for it.
        rtl = has_rtl(run.text)
        parts = ["BT"] if rtl else [f"/Span <</ActualText <FEFF{typed}>>> BDC BT"]
        parts += _in_subsets(font, document, size, (
            (subset, f"1 0 0 1 {_fp(x + glyph_x * scale)} {_fp(y + glyph_y * scale)} Tm ({_escaped(byte)}) Tj")
            for (_, glyph_x, glyph_y, _), (subset, byte) in zip(glyphs, coded, strict=True)))
        parts.append("ET" if rtl else "ET EMC")
        self.canvas.addLiteral(" ".join(parts))

    def _runs(self, content: str, bold: bool, size: float) -> list[tuple[str | None, str | Shaped, float]]:
        """``content`` in runs of one font each (bundled face, fallback, or None: no font) with their widths.

        The bundled face's widths are the layout's own metrics; a fallback glyph advances
        by its own width, as it does on the canvas and in SVG renderers. Complex-script
        spans are shaped (model.shaping), as layout measured them.
        """
        metrics = font_metrics(bold)
        if _printable_ascii(content) or all(metrics.has_glyph(ch) or ch == " " for ch in content):
            return [(self.fonts[bold], content, metrics.width(content, size))]
        if not needs_shaping(content):
            return self._glyph_runs(content, bold, size)
        runs: list[tuple[str | None, str | Shaped, float]] = []
        for start, end, font in metrics.spans(content):
            span = content[start:end]
            name = reportlab_name(font) if font is not None else None
            if font is None or name is None:  # a joiner kept for shaping (drawn_characters) is drawn as nothing
                runs += self._glyph_runs(without_joiners(span), bold, size)
            else:
                shaped = Shaped(span, shape(span, font), font.units_per_em)
                runs.append((name, shaped, shaped.shaped.width * size / font.units_per_em))
        return runs

    def _glyph_runs(self, content: str, bold: bool, size: float) -> list[tuple[str | None, str | Shaped, float]]:
        """``_runs`` of text drawn a glyph per character."""
        metrics = font_metrics(bold)
        main = self.fonts[bold]
        pieces: list[tuple[str | None, str]] = []
        for ch in content:
            name: str | None = main
            if not metrics.has_glyph(ch) and ch != " ":
                font = finder().font_for(ch, bold)
                name = reportlab_name(font) if font is not None else None
            if pieces and pieces[-1][0] == name:
                pieces[-1] = (name, pieces[-1][1] + ch)
            else:
                pieces.append((name, ch))
        runs: list[tuple[str | None, str | Shaped, float]] = []
        for name, run in pieces:
            if name == main or name is None:
                runs.append((name, run, metrics.width(run, size)))
            else:
                runs.append((name, run, pdfmetrics.stringWidth(run, name, size)))
        return runs

    # ------------------------------------------------------------ state
    def _ends(self, round_ends: bool) -> None:
        """Round caps and joins (line icons), or butt caps and miter joins (everything else)."""
        if round_ends != self._round:
            style = 1 if round_ends else 0
            self.canvas.setLineCap(style)
            self.canvas.setLineJoin(style)
            self._round = round_ends

    def _paint(self, fill: str | None, stroke: str | None, width: float,
               dash: tuple[float, ...] | None, opacity: float) -> None:
        canvas = self.canvas
        if fill is not None:
            if fill != self._fill:
                canvas.addLiteral(_color_op(fill, "rg"))
                self._fill = fill
            if opacity != self._fill_alpha:
                canvas.setFillAlpha(opacity)
                self._fill_alpha = opacity
        if stroke is not None:
            if stroke != self._stroke:
                canvas.addLiteral(_color_op(stroke, "RG"))
                self._stroke = stroke
            if opacity != self._stroke_alpha:
                canvas.setStrokeAlpha(opacity)
                self._stroke_alpha = opacity
            if width != self._width:
                canvas.setLineWidth(width)
                self._width = width
            if dash != self._dash:
                if dash:
                    canvas.setDash(list(dash), 0)
                else:
                    canvas.setDash()
                self._dash = dash

