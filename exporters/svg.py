"""SVG export: the layout's primitives as SVG elements, written as text.

Text is drawn twice over. What shows is the outlines of its glyphs (exporters.svgglyphs),
from the same font files, in the same order and at the same advances as the PDF, so that
Chromium, Firefox, librsvg and Inkscape draw the same shapes on a machine without any of
those fonts (librsvg and Inkscape ignore ``@font-face``). On top of them each line is a
real ``<text>`` with the characters in logical order, painted with nothing (fill-opacity 0,
or opacity 0 where colour emoji could show): it keeps the SVG searchable, selectable and
readable by screen readers. Its ``textLength`` is the measured width, so a selection covers
the drawn line in whatever font the viewer has.

No fonts are embedded any more (``@font-face``): the outlines draw, and the invisible
text only needs some font of the right size for its selection boxes, which ``textLength``
stretches to the drawn line (looked at in Chromium with all fonts and with Noto Serif
only). The subsets would add a quarter to the bundled examples' SVGs (33 KiB of 123) and
double the multilingual board's, and subsetting took a second of a small board's export.

Elements are written as strings, not svgwrite objects: svgwrite built and serialised an
object per element and checked nothing the primitives do not already guarantee; with
strings the 5,000-card export is faster with its glyph outlines than it was without them.
Every user string goes through ``_escape``; the rest is numbers and the style's colours.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, islice, repeat
from operator import attrgetter, is_, itemgetter, mul, not_, sub
from typing import TypeVar, cast

from exporters.common import (
    DocumentOrLayout,
    PrimitiveGroup,
    ShortenedCardsWarning,
    as_layout,
    clean_text,
    document_title,
    draw_text,
    glyph_warnings,
    primitive_groups,
    write_atomic,
)
from exporters.halves import end_early, halfway, in_two, plan_from_child, tell, worth_forking
from exporters.svgglyphs import (
    EM,
    LINE_CACHE_SIZE,
    TextOutlines,
    Weighing,
    ascii_all_drawn,
    glyph_run,
    thick_uses,
)
from model.fonts import FONT_FAMILY
from model.glyphs import EMBOLDEN, drawn_characters, finder, needs_reordering, visual
from model.layout import Layout
from model.primitives import Box, Circle, Line, Path, Primitive, Text, translated

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# Characters a viewer may draw from a colour emoji font (Unicode's emoji, those shown as text
# by default included). A colour glyph keeps its own colours whatever the fill opacity:
# Firefox without DejaVu or Symbola drew 😀 ☕ 🎉 of the invisible text in colour over the
# outlines. A line holding one is hidden with opacity 0, which hides a selection's highlight
# too (copy and search still work); other lines keep fill-opacity 0, which shows it.
_COLOUR_GLYPHS = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a-\u23ff\u24c2\u25aa\u25ab"
    "\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b00-\u2bff\u3030\u303d\u3297\u3299\ufe0f"
    "\U0001f000-\U0001faff]")


def render_svg(layout: Layout, board: list[Primitive] | None = None) -> str:
    """The layout drawn as a standalone SVG document (a string starting with the XML declaration).

    ``board``: the layout's primitives, when the caller has walked them already.
    """
    return b"".join(_drawing(layout, board).parts).decode("utf-8")


@dataclass(frozen=True, slots=True)
class _Drawing:
    """An SVG document as the pieces it is written in (UTF-8, in order), and the lines it draws that
    are not ASCII (all the missing-glyph warning looks at)."""

    parts: list[bytes]
    unusual: list[str]


def _drawing(layout: Layout, board: list[Primitive] | None) -> _Drawing:
    """``render_svg``'s document, in pieces: two processes each write (and encode) a part of the body,
    which is never joined into one string."""
    width, height = _num(layout.width), _num(layout.height)
    plan = plan_from_child()
    if isinstance(plan, _Plan) and plan.half is not None:
        # The command line's child (exporters.halves.fork_early) has cut the drawing and chosen the
        # outline form: this process draws its own part only, and never makes the cards' drawings after
        # it (most of the cards: ~1/5 of what this process did after its layout at 5,000 cards).
        body, defs = _first_part(layout, board, plan)
        family, unusual = plan.family, plan.unusual
    else:
        if plan is not None:  # the child found too little to share, and has ended
            end_early()
        body, defs, family, unusual = _whole(layout, board)
    document = layout.document
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" ',
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{family}" ',
        'xml:space="preserve">',
        f"<title>{_escape(document_title(document))}</title>",
    ]
    if document.description:
        head.append(f"<desc>{_escape(clean_text(document.description))}</desc>")
    if defs:
        head.append("<defs>")
    parts = ["".join(head).encode("utf-8")]
    if defs:
        parts += [defs, b"</defs>"]
    return _Drawing(parts + body + [_full_texts(layout), b"</svg>\n"], unusual)


def _full_texts(layout: Layout) -> bytes:
    """Over each card shortened to MAX_LINES (its last line ends in an ellipsis), an unpainted box whose
    title is the card's whole text: a browser shows it on hover, a screen reader reads it, a search of
    the file finds it (the PDF prints it on a page of its own; the SVG dropped it)."""
    document = layout.document
    boxes = []
    for card in layout.ordered_cards():
        if card.shape.clipped:
            r = card.rect
            text = _escape(clean_text(document.card(card.id).text))
            boxes.append(f'<rect x="{_num(r.x)}" y="{_num(r.y)}" width="{_num(r.w)}" height="{_num(r.h)}" '
                         f'fill="none" pointer-events="all"><title>{text}</title></rect>')
    return "".join(boxes).encode("utf-8")


def shortened_cards(layout: Layout) -> list[str]:
    """The warning naming how many cards the SVG shows shortened, if any (ShortenedCardsWarning)."""
    count = sum(1 for card in layout.cards.values() if card.shape.clipped)
    return [ShortenedCardsWarning(count)] if count else []


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the command line's child works out before its part and tells the parent (exporters.halves
    ``tell``): where the drawing is cut (None: too little to share, the parent writes it all), the
    outline form the lines chose, the font-family list they make, and the lines not ASCII."""

    half: int | None
    by_word: bool
    family: str
    unusual: list[str]


def _whole(layout: Layout, board: list[Primitive] | None) -> tuple[list[bytes], bytes, str, list[str]]:
    """The body in one part or two (the second by a child, ``in_two``), the glyph outlines, the font-family
    list, the lines not ASCII: every group weighed and costed here."""
    groups = _groups(layout, board)  # an arrow not routed yet: its id, routed by the process drawing it
    # Each group's cost (``_costs``), to cut the drawing in two, and every line in the order written,
    # in C (map, compress, chain): a loop over a 5,000-card board's ~37,000 primitives in Python,
    # weighing each line as it went, was ~45 ms in each of the export's two processes.
    drawings = list(map(_FIRST, groups))  # a group's primitives, or the id of an arrow waiting
    waiting = list(map(isinstance, drawings, repeat(str)))
    primitives = list(chain.from_iterable(compress(drawings, map(not_, waiting)) if any(waiting) else drawings))
    types = list(map(type, primitives))
    costs, count = _costs(layout, drawings, waiting, types)
    lines = list(compress(primitives, map(is_, types, repeat(Text))))
    texts, bolds = list(map(_TEXT_OF, lines)), list(map(_BOLD_OF, lines))
    glyphs = _weighed(texts, bolds).chosen()  # the lines' glyphs and words choose the outline form
    unusual = [] if " ".join(texts).isascii() else [text for text in texts if not text.isascii()]
    shared = worth_forking(count)
    half = halfway(costs, share=FIRST_SHARE) if shared else None
    # The fonts are those the lines weighed found: writing them finds no other (each line's glyph run
    # was made to weigh it, or it is printable ASCII).
    family = _family()
    # The child of the command line's early fork tells the parent its plan and goes on with its part
    # (or ends, when there is nothing to share).
    tell(_Plan(half, glyphs.by_word, family, list(dict.fromkeys(unusual))), last=half is None)
    if half is None:
        body = [_written(_routed(layout, groups), glyphs).encode("utf-8")]
        return body, glyphs.defs().encode("utf-8"), family, unusual

    def second() -> tuple[bytes, bytes]:
        # Two processes write one part each. A word's (or glyph's) id is its place among those
        # the lines before it used: the child gives them all out first, in the order the lines
        # are written, so that its part finds those of the first part (and ``defs`` has them
        # all). The first part needs no such round: its lines come first, and ``uses`` gives
        # their ids out in that very order as it writes them.
        _give_out_ids(texts, bolds, glyphs)
        rest = _written(_routed(layout, groups[half:]), glyphs).encode("utf-8")
        return rest, glyphs.defs().encode("utf-8")

    # The child writes the outlines too (every id is given out): reading them is most of
    # the glyph work, and this process then never imports fontTools. Each process encodes
    # its own part: the child's comes as bytes, and nothing is joined before it is written.
    first, rest_and_defs = in_two(lambda: _written(_routed(layout, groups[:half]), glyphs).encode("utf-8"),
                                  second)
    # The child failed: the rest is written here, after the first part, which gave out its ids.
    rest, defs = rest_and_defs if rest_and_defs is not None else \
        (_written(_routed(layout, groups[half:]), glyphs).encode("utf-8"), glyphs.defs().encode("utf-8"))
    return [first, rest], defs, family, unusual


def _first_part(layout: Layout, board: list[Primitive] | None, plan: _Plan) -> tuple[list[bytes], bytes]:
    """The body and the glyph outlines, when the child of the command line's early fork has told its
    ``plan``: this process writes the groups before the cut, in the outline form chosen, the child the
    rest and the outlines (after giving out every id, ``_whole``'s ``second``)."""
    half = plan.half
    assert half is not None
    glyphs = TextOutlines(by_word=plan.by_word)

    def unasked() -> tuple[bytes, bytes]:  # the child is already on its part: in_two never runs this here
        raise AssertionError("the child of fork_early writes the second part")

    first, rest_and_defs = in_two(lambda: _written(_routed(layout, _groups(layout, board, half)), glyphs)
                                  .encode("utf-8"), unasked)
    if rest_and_defs is not None:
        return [first, rest_and_defs[0]], rest_and_defs[1]
    # The child failed after its plan: the rest is written here, after the first part, which gave out its ids.
    rest = _written(_routed(layout, _groups(layout, board)[half:]), glyphs).encode("utf-8")
    return [first, rest], glyphs.defs().encode("utf-8")


def _groups(layout: Layout, board: list[Primitive] | None, end: int | None = None
            ) -> list[tuple[Sequence[Primitive] | str, tuple[float, float] | None]]:
    """What the writer draws, as groups; an arrow a deferred layout has not routed yet as its id
    (Layout.groups_routing_none). ``end``: the first ``end`` groups only, the cards' drawings after them
    never made (a layout that routed every arrow makes its groups as they are asked for)."""
    groups: list[tuple[Sequence[Primitive] | str, tuple[float, float] | None]]
    if board is None and layout.theme == "light":
        if end is not None and not layout.unrouted:
            groups = list(islice(layout.primitive_groups(), end))  # annotated: a list of drawings only
            return groups
        return layout.groups_routing_none()[:end]
    groups = list(primitive_groups(layout, board))
    return groups[:end]


def _family() -> str:
    """The document's font-family list: the bundled face, then the fallback fonts found so far."""
    families = [FONT_FAMILY] + [font.family for font in finder().fonts()]
    return ", ".join(f"'{_escape(name)}'" for name in dict.fromkeys(families)) + ", sans-serif"


# The first part's share of the cost. The child does more than its part: it draws every card and
# weighs every line (for the cut and the outline form, which it tells the parent: ``_Plan``), gives
# every line's ids out first and writes the glyph outlines (``defs``, read with struct); it routes
# no arrow (its layout defers them). This process routes every arrow (~460 M instructions at 5,000
# cards) and draws only its part's cards. Measured at 5,000 cards (callgrind, both processes, from
# the fork): 2,030 M in this process to the join, 2,022 M in the child at 0.44; 0.47 gave 2,086 M
# and 1,984 M (~31 M a hundredth of share, each way).
FIRST_SHARE = 0.44


def _weighed(texts: list[str], bolds: list[bool]) -> Weighing:
    """The lines (their texts, and whether each is bold) weighed for the outline form (``Weighing``).
    Those of printable ASCII (when each such character but the space draws one glyph: ``ascii_all_drawn``),
    most lines, are weighed all at once, joined by spaces: what ``Weighing.plain`` counts of lines so
    joined is the sum of its counts of each."""
    weighing = Weighing()
    plain_ok = ascii_all_drawn()
    for bold in (False, True):
        weight = list(compress(texts, bolds if bold else map(not_, bolds)))
        joined = " ".join(weight)
        if not (plain_ok and joined.isascii() and joined.isprintable()):  # some line is drawn otherwise
            plain = []
            for text in weight:
                if plain_ok and text.isascii() and text.isprintable():
                    plain.append(text)
                elif text.strip():
                    weighing.run(glyph_run(_drawn(text)[1], bold), bold)
            joined = " ".join(plain)
        weighing.plain(joined, bold)
    return weighing


def _give_out_ids(texts: list[str], bolds: list[bool], glyphs: TextOutlines) -> None:
    """Give every line's words (or glyphs) their ids in ``glyphs``, in the order the lines are written,
    as writing them would. A line met again adds nothing; one of printable ASCII is noted from its
    characters, with no glyph run worked out: by word, when every line is, all at once (its words,
    each with the line's weight, in order: ``TextOutlines.note_words``)."""
    plain_ok = ascii_all_drawn()
    if plain_ok and glyphs.by_word:
        joined = " ".join(texts)
        if joined.isascii() and joined.isprintable():
            # Each word of a bold line marked by a character no such line has, so that one split of all
            # the lines and one dict of its words (in C) give the (word, bold) pairs in the order met.
            if any(bolds):
                marked = texts.copy()
                for i in compress(range(len(texts)), bolds):
                    words = texts[i].split()
                    marked[i] = "\x00" + " \x00".join(words) if words else ""
                joined = " ".join(marked)
            met = dict.fromkeys(joined.split())
            glyphs.note_words((word[1:], True) if word[0] == "\x00" else (word, False) for word in met)
            return
    for text, bold in dict.fromkeys(zip(texts, bolds, strict=True)):
        if plain_ok and text.isascii() and text.isprintable():
            glyphs.note_plain(text, bold)
            continue
        content, drawn = _drawn(text)
        run = glyph_run(drawn, bold)
        if run.count and content.strip():  # what ``_text`` writes outlines for
            glyphs.note(run, bold)


def _costs(layout: Layout, drawings: Sequence[Sequence[Primitive] | str], waiting: list[bool],
           types: list[type]) -> tuple[list[int], int]:
    """What writing each group costs, about (``_COSTS``; an arrow ``waiting``, what it will when routed), and
    how many primitives they draw (a waiting arrow: those it will); ``drawings``: each group's primitives,
    or the id of an arrow waiting; ``types``: those of the groups' primitives, in order.

    Whole numbers, so that each group's is its primitives' exact sum, however it is worked out: the
    two processes cut the same list in the same place (an arrow not routed yet, in one, is routed
    in the other), and a cut one group apart would leave a group out of the file, or write it twice.
    Made in C (map, accumulate): a sum per group was ~7,000 instructions of Python a group.
    """
    before = [0, *accumulate(map(_COSTS.get, types, repeat(_COST)))]  # the cost of the primitives up to i
    sizes = list(map(len, drawings))
    if any(waiting):
        sizes = list(map(mul, sizes, map(not_, waiting)))  # a waiting arrow has no primitive yet
    ends = list(accumulate(sizes))
    costs = list(map(sub, map(before.__getitem__, ends), map(before.__getitem__, [0, *ends[:-1]])))
    count = len(types)
    if any(waiting):
        arrow_ids = cast("Iterator[str]", compress(drawings, waiting))  # the waiting drawings are arrow ids
        kinds = map(_KIND_OF, map(layout.document.link, arrow_ids))
        paths = list(map(_PATHS.get, kinds, repeat(2)))  # ``_arrow_paths``
        for i, n in zip(compress(range(len(drawings)), waiting), paths, strict=True):
            costs[i] = _COSTS[Path] * n
        count += sum(paths)
    return costs, count


_FIRST, _TEXT_OF, _BOLD_OF, _KIND_OF = itemgetter(0), attrgetter("text"), attrgetter("bold"), attrgetter("kind")
_PATHS = {"twoway": 3}  # an unlabelled arrow's paths by its kind (``_arrow_paths``); 2 for the others


def _arrow_paths(layout: Layout, link_id: str) -> int:
    """An unlabelled arrow's drawing: its line and one head, or two for a two-way link (model.links)."""
    return _PATHS.get(layout.document.link(link_id).kind, 2)


def _routed(layout: Layout, part: list[tuple[Sequence[Primitive] | str, tuple[float, float] | None]]
            ) -> list[PrimitiveGroup]:
    """``part`` with its waiting arrows routed (each the same drawing as routed with the rest)."""
    if not any(isinstance(group, str) for group, _ in part):
        return part  # type: ignore[return-value]
    drawing = layout.arrow_drawing
    return [(drawing(group) if isinstance(group, str) else group, offset) for group, offset in part]


def _written(groups: list[PrimitiveGroup], glyphs: TextOutlines) -> str:
    """The elements of ``groups``, each moved by its group's offset."""
    parts: list[str] = []
    for group, offset in groups:
        if offset is None:
            parts += [_element(p, glyphs) for p in group]
        else:
            parts += [_element_at(p, glyphs, *offset) for p in group]
    return "".join(parts)


def svg_pieces(document_or_layout: DocumentOrLayout, board: list[Primitive] | None = None
               ) -> tuple[list[bytes], list[str]]:
    """A document (or a ready layout) as SVG, in the pieces it is written in (never joined), and the
    warning lines for the user (characters no installed font can draw, from the lines drawn)."""
    layout = as_layout(document_or_layout)
    drawing = _drawing(layout, board)
    return drawing.parts, glyph_warnings(drawing.unusual) + shortened_cards(layout)


def export_svg(document_or_layout: DocumentOrLayout, path: str | os.PathLike[str],
               board: list[Primitive] | None = None) -> list[str]:
    """Render a document (or a ready layout) to SVG and write it atomically to ``path``; ``svg_pieces``'
    warning lines."""
    pieces, warnings = svg_pieces(document_or_layout, board)
    write_atomic(path, pieces)
    return warnings


def _element(primitive: Primitive, glyphs: TextOutlines) -> str:
    """One primitive as SVG markup; the outlines a text uses are noted in ``glyphs``."""
    if isinstance(primitive, Text):
        return _text(primitive, glyphs)
    if isinstance(primitive, Box):
        return _box(primitive)
    if isinstance(primitive, Line):
        return _line(primitive)
    if isinstance(primitive, Path):
        return _path(primitive)
    if isinstance(primitive, Circle):
        return _circle(primitive)
    raise TypeError(f"unknown primitive {type(primitive).__name__}")


def _element_at(primitive: Primitive, glyphs: TextOutlines, dx: float, dy: float) -> str:
    """``_element`` of the primitive moved by (dx, dy): the same numbers ``translated`` would give it."""
    if isinstance(primitive, Text):
        return _text(primitive, glyphs, primitive.x + dx, primitive.y + dy)
    if isinstance(primitive, Box):
        return _box(primitive, primitive.x + dx, primitive.y + dy)
    return _element(translated(primitive, dx, dy), glyphs)


def _box(box: Box, x: float | None = None, y: float | None = None) -> str:
    """The box, at (x, y) when given (a card's box moved onto the board)."""
    if box.fill is None and box.stroke is None:
        return ""
    key = (box.fill, box.stroke, box.stroke_width, box.dash, box.opacity)
    paint = _PAINTS.get(key) or _remembered_paint(key)
    known = _NUMBERS.get  # ``_num``'s remembered texts, looked up here without a call (most numbers repeat)
    w, h = box.w, box.h
    radius = min(box.radius, w / 2, h / 2)
    corner = f' rx="{known(radius) or _num(radius)}"' if radius > 0 else ""
    x = box.x if x is None else x
    y = box.y if y is None else y
    return (f'<rect x="{known(x) or _num(x)}" y="{known(y) or _num(y)}" width="{known(w) or _num(w)}" '
            f'height="{known(h) or _num(h)}"{corner}{paint}/>')


def _circle(circle: Circle) -> str:
    if circle.fill is None and circle.stroke is None:
        return ""
    paint = _paint(circle.fill, circle.stroke, circle.stroke_width, None, 1.0)
    return f'<circle cx="{_num(circle.cx)}" cy="{_num(circle.cy)}" r="{_num(circle.r)}"{paint}/>'


def _line(line: Line) -> str:
    paint = _paint(None, line.color, line.width, line.dash, 1.0)[len(' fill="none"'):]  # nothing to fill
    return f'<line x1="{_num(line.x1)}" y1="{_num(line.y1)}" x2="{_num(line.x2)}" y2="{_num(line.y2)}"{paint}/>'


def _path(path: Path) -> str:
    if (path.fill is None and path.stroke is None) or not path.commands:
        return ""
    key = (path.fill, path.stroke, path.width, path.dash, 1.0, path.round)
    paint = _PAINTS.get(key) or _remembered_paint(key)
    return f'<path d="{path_data(path)}"{paint}/>'


def path_data(path: Path) -> str:
    """The SVG ``d`` attribute of a path's M/L/C/Z commands."""
    commands = path.commands
    # One ``%`` template per sequence of commands (letters and lengths): a board's arrows have a
    # handful of shapes, and one formatting of all the numbers is quicker than a join per command.
    key = (tuple(map(_LETTER, commands)), tuple(map(len, commands)))
    form = _PATH_FORMS.get(key) or _path_form(key)
    known = _NUMBERS.get
    # A remembered number's text is never empty, so ``or`` falls back only on a miss. A command's
    # numbers are typed object (model.primitives.PathCommand): hence the ignore.
    return form % tuple([known(c) or _num(c)  # type: ignore[call-overload, arg-type]
                         for command in commands for c in command[1:]])


K = TypeVar("K")


def _remember(table: dict[K, str], key: K, text: str) -> str:
    """Keep ``text`` in one of the writer's tables of attribute texts (looked up with ``table.get(key) or``,
    no call on a hit) and give it back; a table is emptied past 10,000 entries (colours and sizes come
    from files too: never an unbounded table)."""
    if len(table) >= 10_000:
        table.clear()
    table[key] = text
    return text


_LETTER = itemgetter(0)
_PATH_FORMS: dict[tuple[tuple[object, ...], tuple[int, ...]], str] = {}


def _path_form(key: tuple[tuple[object, ...], tuple[int, ...]]) -> str:
    """The template of ``path_data`` for commands of these letters and lengths: each letter, then its
    numbers one space apart (remembered in ``_PATH_FORMS``)."""
    letters, lengths = key
    form = "".join(str(letter).replace("%", "%%") + " ".join(["%s"] * (length - 1))
                   for letter, length in zip(letters, lengths, strict=True))
    return _remember(_PATH_FORMS, key, form)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _drawn(text: str) -> tuple[str, str]:
    """What a line shows (``draw_text``) and what its outlines draw: the PDF's string (visual
    order, Arabic forms, no invisible characters). Remembered: a line is asked for twice
    (choosing the outline form, then writing it), and boards repeat lines."""
    if text.isascii() and text.isprintable():  # most lines: drawn as they are
        return text, text
    content = draw_text(text)
    drawn = visual(content) if needs_reordering(content) else content
    if not drawn.isascii():
        drawn = drawn_characters(drawn)
    return content, drawn


def _text(text: Text, glyphs: TextOutlines, x: float | None = None, y: float | None = None) -> str:
    """The line's glyph outlines, then the line itself as invisible, selectable text over them.

    At (x, y) when given (a card's line moved onto the board)."""
    content, drawn = _drawn(text.text)
    if not content.strip():
        return ""
    x = text.x if x is None else x
    y = text.y if y is None else y
    bold = text.bold
    plain = glyphs.plain_uses(drawn, bold) if drawn.isascii() and drawn.isprintable() else None
    thick = ""
    if plain is None:
        run = glyph_run(drawn, bold)
        advance, drawing = run.width, glyphs.uses(run, bold) if run.count else ""
        if run.thick and drawing:
            drawing, thick = thick_uses(run)
    else:  # most lines: no glyph run made
        advance, drawing = plain
    size = text.size
    scale = size / EM
    width = advance * scale
    anchor = text.anchor
    # Like text-anchor: align what is drawn (the PDF and Qt do the same).
    left = x - (width / 2 if anchor == "middle" else width if anchor == "end" else 0)
    known = _NUMBERS.get  # ``_num``'s remembered texts, looked up here without a call (most numbers repeat)
    at_y = known(y) or _num(y)
    fit = f' textLength="{known(width) or _num(width)}"' if width > 0 else ""
    hidden = 'opacity="0"' if not content.isascii() and _COLOUR_GLYPHS.search(content) else 'fill-opacity="0"'
    style = _TEXT_STYLES.get((size, bold, anchor)) or _text_style(size, bold, anchor)
    line = f'<text x="{known(x) or _num(x)}" y="{at_y}"{style}{fit} {hidden}>{_escape(content)}</text>'
    if thick:  # a fallback font's regular face in a bold line: stroked round as the screen thickens it (1/EM units)
        place = f'transform="translate({known(left) or _num(left)} {at_y}) {_SCALES.get(size) or _scaled(size)}"'
        colour = _ESCAPED.get(text.color) or _escaped(text.color)
        line = (f'<g {place} fill="{colour}">{drawing}</g>' if drawing else "") + \
            f'<g {place} fill="{colour}" stroke="{colour}" stroke-width="{_num(EM * EMBOLDEN)}" ' \
            f'stroke-linejoin="round">{thick}</g>{line}'
    elif drawing:
        line = (f'<g transform="translate({known(left) or _num(left)} {at_y}) {_SCALES.get(size) or _scaled(size)}" '
                f'fill="{_ESCAPED.get(text.color) or _escaped(text.color)}">{drawing}</g>{line}')
    if text.angle:  # turned about (x, y): SVG turns clockwise (its y runs down), the angle is anticlockwise
        return f'<g transform="rotate({_num(-text.angle)} {known(x) or _num(x)} {at_y})">{line}</g>'
    return line


# The few sizes, weights, anchors and colours a board's lines have: their attributes' text, made once.
_TEXT_STYLES: dict[tuple[float, bool, str], str] = {}
_SCALES: dict[float, str] = {}
_ESCAPED: dict[str, str] = {}


def _text_style(size: float, bold: bool, anchor: str) -> str:
    """A line's font-size, weight and anchor attributes (remembered in ``_TEXT_STYLES``)."""
    weight = ' font-weight="bold"' if bold else ""
    aligned = f' text-anchor="{anchor}"' if anchor in ("middle", "end") else ""
    return _remember(_TEXT_STYLES, (size, bold, anchor), f' font-size="{_num(size)}"{weight}{aligned}')


def _scaled(size: float) -> str:
    """The scale that takes glyph outlines (1/EM units) to ``size`` (remembered in ``_SCALES``)."""
    return _remember(_SCALES, size, f"scale({size / EM:.6g})")


def _escaped(colour: str) -> str:
    """``_escape`` of a colour, remembered in ``_ESCAPED`` (a board has a few dozen)."""
    return _remember(_ESCAPED, colour, _escape(colour))


# What writing one primitive costs, about, in tenths of a box's (a 5,000-card board: a text line
# ~9 us, an arrow's path ~8 us, a box ~4 us): the halves are cut where the costs are even.
_COSTS = {Text: 22, Path: 20}
_COST = 10  # any other primitive


# (fill, stroke, width, dash, opacity, round caps) -> the attributes ``_paint`` gives (and the caps'):
# a board's boxes and arrows have a few dozen of them.
_PaintKey = tuple[str | None, str | None, float, tuple[float, ...] | None, float] | \
    tuple[str | None, str | None, float, tuple[float, ...] | None, float, bool]
_PAINTS: dict[_PaintKey, str] = {}


def _remembered_paint(key: _PaintKey) -> str:
    """``_paint`` of a box's (five) or a path's (six: with round caps) style, remembered in ``_PAINTS``."""
    paint = _paint(*key[:5])
    if len(key) == 6 and key[5]:
        paint += ' stroke-linecap="round" stroke-linejoin="round"'
    return _remember(_PAINTS, key, paint)


def _paint(fill: str | None, stroke: str | None, width: float, dash: tuple[float, ...] | None,
           opacity: float) -> str:
    """Fill and stroke attributes; SVG's defaults (black fill, no stroke) are overridden explicitly."""
    attrs = f' fill="{_escape(fill)}"' if fill else ' fill="none"'
    if fill and opacity < 1:
        attrs += f' fill-opacity="{_num(opacity, 3)}"'
    if stroke:
        attrs += f' stroke="{_escape(stroke)}"'
        if width != 1:
            attrs += f' stroke-width="{_num(width)}"'
        if dash:
            attrs += f' stroke-dasharray="{",".join(_num(d) for d in dash)}"'
        if opacity < 1:
            attrs += f' stroke-opacity="{_num(opacity, 3)}"'
    return attrs


def _escape(text: str) -> str:
    """Character data or an attribute value with XML's special characters escaped."""
    return text.translate(_ESCAPES)


# A board repeats its coordinates (columns, rows, card sizes, arrow ends): each one's text
# at two decimals is remembered, as the PDF writer does (exporters/pdf.py ``_n``).
_NUMBERS: dict[float, str] = {}
_NUMBERS_KEPT = 200_000


def _num(value: float, digits: int = 2) -> str:
    """A coordinate as short text: at most ``digits`` decimals, no trailing zeros, no ``-0``."""
    if digits == 2:
        text = _NUMBERS.get(value)
        if text is not None:
            return text
    rounded = round(value, digits)
    whole = int(rounded)
    text = str(whole) if rounded == whole else repr(rounded)
    if digits == 2 and len(_NUMBERS) < _NUMBERS_KEPT:
        _NUMBERS[value] = text
    return text
