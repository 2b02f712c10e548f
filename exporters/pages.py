"""Paper: how a board is put on pages (fit, one named sheet, or a tiled poster).

No Qt and no PDF here: a ``PagePlan`` says, for every sheet, which part of the board it
shows at which scale and what is drawn around it (title block, trim marks, labels), all
as primitives, so the PDF writer, the export dialog's preview and the tests read one plan.

- ``fit``: one page the size of the board, 1 px = 1 pt, nothing added.
- a named size: the board scaled to fill one sheet (landscape unless portrait) inside
  the margins, above a title block; a warning when card text would drop below 6 pt.
- ``tile``: a poster at a readable scale (card text 10 pt, or down to 9 where that saves a row or
  column of sheets). Sheets overlap by
  ``OVERLAP`` so they can be trimmed and taped; a column or row boundary is moved back
  to the left/top edge of any card it would cut, so every card is whole on the sheet
  where it starts. A sheet above or below the stages and lanes that would show nothing
  (the right end of the legend's frame past its last entry) is not printed. A sheet that
  does not show the stages' headers or the lanes' column (or a lane's name) names them in its margins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exporters.common import clean_text, document_title
from model import style as st
from model.board_words import board_word
from model.layout import Layout
from model.primitives import Box, Circle, Line, Path, Primitive, Text
from model.typesetting import fitted, text_box, text_width

if TYPE_CHECKING:
    from datetime import date

MM = 72 / 25.4
# Portrait width x height in pt.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "A3": (297 * MM, 420 * MM),
    "A2": (420 * MM, 594 * MM),
    "Letter": (612.0, 792.0),
    "Tabloid": (792.0, 1224.0),
}
PAGES = (*PAGE_SIZES, "fit")
MAX_PAGE_PT = 14_400.0  # PDF 1.7 (ISO 32000-1, annex C): a page is at most 14,400 units (200 in) a side
MARGIN = 10 * MM  # inside every printer's unprintable border
TITLE_BLOCK_H = 34.0
MAX_UPSCALE = 1.5
MIN_TEXT_PT = 6.0  # below this, a named page warns and suggests --tile
# What that warning suggests, as the command line says it (SmallTextWarning; the export dialog says it its own way).
TILE_HINT = "use --tile to print a readable poster over several pages"
PORTRAIT_HINT = "--portrait gives {0:.1f} pt"  # the sheet turned holds the board larger
LANDSCAPE_HINT = "without --portrait, {0:.1f} pt"
TILE_TEXT_PT = 10.0  # card text on a tiled poster (the issue asks for >= 9 pt)...
TILE_TEXT_STEPS = (10.0, 9.75, 9.5, 9.25, 9.0)  # ...or a little less where that saves a row or column of sheets
OVERLAP = 8 * MM  # what two neighbouring tiles both show: the glue strip
FOOT_GAP = 16.0  # between the texts of a sheet's title block (and of a tile's label line)
LABEL_BAND = 16.0  # the strip above a tile's picture that holds its "row / column" label
LABEL_BASELINE = MARGIN + 6  # the baseline of that label (9 pt) and of the header line beside it (8 pt)
LABEL_PT = 9.0
MARK = 5 * MM  # length of a trim mark
# The stage and lane names in a tiled sheet's top and left margins: their baseline NAME_OFF outside the picture's
# area (~6 mm from the paper's edge, inside what printers print), NAME_GAP clear of the ends of what they name
# and of the seam's ticks, and none for a stretch of column or band under MIN_NAMED on the sheet.
NAME_PT = 7.0
NAME_OFF = 6.0
NAME_GAP = 4.0
MIN_NAMED = 32.0
INK = st.INK
MUTED = st.MUTED


@dataclass(frozen=True, slots=True)
class PageSpec:
    """What the user asked for: a page name (or fit), orientation and tiling."""

    page: str = "fit"
    portrait: bool = False
    tile: bool = False

    def __post_init__(self) -> None:
        if self.page not in PAGES:
            raise ValueError(f'unknown page size "{self.page}"; use one of {", ".join(PAGES)}')
        if self.page == "fit" and (self.portrait or self.tile):
            raise ValueError("--portrait and --tile need a paper size (A4, A3, A2, Letter or Tabloid)")


@dataclass(frozen=True, slots=True)
class Viewport:
    """The part of the board a sheet shows: board rect (x, y, w, h) drawn at ``scale`` from page point (left, top)."""

    x: float
    y: float
    w: float
    h: float
    scale: float
    left: float  # page coordinates, y down from the sheet's top
    top: float

    def to_page(self, bx: float, by: float) -> tuple[float, float]:
        """A board point in page coordinates (y down)."""
        return self.left + (bx - self.x) * self.scale, self.top + (by - self.y) * self.scale

    def shows(self, bx: float, by: float) -> bool:
        """Whether a board point lies in this viewport."""
        return self.x <= bx <= self.x + self.w and self.y <= by <= self.y + self.h


@dataclass(slots=True)
class Sheet:
    """One page: its size, the board part it shows, and what is drawn around it (page coordinates)."""

    width: float
    height: float
    viewport: Viewport
    decorations: list[Primitive] = field(default_factory=list)
    label: str = ""


class SmallTextWarning(str):
    """The warning that card text prints under MIN_TEXT_PT on one named sheet: the line the command line
    prints, and the figures it is made of, from which a window words it in its own language (the export
    dialog) instead of reading them back out of the English."""

    text_pt: float
    page: str
    portrait: bool
    turned_pt: float | None  # the text's size on the sheet turned, when that is larger by a tenth

    def __new__(cls, text_pt: float, page: str, portrait: bool, turned_pt: float | None) -> SmallTextWarning:
        line = f"card text is {text_pt:.1f} pt on one {page} page (under {MIN_TEXT_PT:g} pt); {TILE_HINT}"
        if turned_pt is not None:
            line += f"; {(LANDSCAPE_HINT if portrait else PORTRAIT_HINT).format(turned_pt)}"
        warning = super().__new__(cls, line)
        warning.text_pt, warning.page, warning.portrait, warning.turned_pt = text_pt, page, portrait, turned_pt
        return warning


@dataclass(slots=True)
class PagePlan:
    """Every sheet of an export, plus warning lines for the user."""

    spec: PageSpec
    sheets: list[Sheet]
    warnings: list[str] = field(default_factory=list)

    @property
    def scale(self) -> float:
        """The scale of the board on the sheets (the same on every sheet)."""
        return self.sheets[0].viewport.scale


def paper_size(page: str, portrait: bool) -> tuple[float, float]:
    """Width and height of a named sheet in pt, landscape unless ``portrait``."""
    w, h = PAGE_SIZES[page]
    return (w, h) if portrait else (h, w)


def plan_pages(layout: Layout, spec: PageSpec, today: date | None = None) -> PagePlan:
    """Put the board on pages as ``spec`` asks."""
    if spec.page == "fit":
        # 1 px = 1 pt, up to the largest page a PDF reader must take (200 in): an 80-stage board made a page
        # 17,848 pt wide, which Acrobat may crop or refuse. Larger, the board is scaled to that size.
        scale = min(1.0, MAX_PAGE_PT / max(layout.width, layout.height, 1.0))
        view = Viewport(0, 0, layout.width, layout.height, scale, 0, 0)
        return PagePlan(spec, [Sheet(layout.width * scale, layout.height * scale, view)])
    if spec.tile:
        return _tiled(layout, spec, today)
    return _single(layout, spec, today)


def _single(layout: Layout, spec: PageSpec, today: date | None) -> PagePlan:
    width, height = paper_size(spec.page, spec.portrait)
    area_w = width - 2 * MARGIN
    area_h = height - 2 * MARGIN - TITLE_BLOCK_H
    # Scaled to fill the sheet (no wasted paper), but a small board is enlarged at most
    # MAX_UPSCALE times: card text stays under 20 pt.
    scale = min(MAX_UPSCALE, area_w / layout.width, area_h / layout.height)
    drawn_w, drawn_h = layout.width * scale, layout.height * scale
    left = MARGIN + (area_w - drawn_w) / 2
    top = MARGIN + (area_h - drawn_h) / 2
    view = Viewport(0, 0, layout.width, layout.height, scale, left, top)
    orientation = board_word("portrait" if spec.portrait else "landscape", layout.document.language)
    sheet = Sheet(width, height, view, _title_block(layout, width, height, f"{spec.page} {orientation}", today))
    warnings: list[str] = []
    text_pt = st.CARD_SIZE * scale
    if text_pt < MIN_TEXT_PT:
        # A tall journey map on a landscape sheet: turned, the same sheet holds it larger (A4: 3.5 pt, 5.2 upright).
        turned_w, turned_h = height - 2 * MARGIN, width - 2 * MARGIN - TITLE_BLOCK_H
        turned_pt = st.CARD_SIZE * min(MAX_UPSCALE, turned_w / layout.width, turned_h / layout.height)
        warnings.append(SmallTextWarning(text_pt, spec.page, spec.portrait,
                                         turned_pt if turned_pt > text_pt * 1.1 else None))
    return PagePlan(spec, [sheet], warnings)


def _title_block(layout: Layout, width: float, height: float, page_name: str, today: date | None) -> list[Primitive]:
    """A rule across the foot of the sheet with the title, personas, date and paper size under it."""
    document = layout.document
    language = document.language
    y_rule = height - MARGIN - TITLE_BLOCK_H + 8
    baseline = y_rule + 17
    title = document_title(document)
    names = [" ".join(clean_text(p.name).split()) for p in document.personas if p.name.strip()]
    personas = ", ".join(name for name in names if name)
    day = (today or _today()).isoformat()
    right = f"{day} · {page_name}"
    prims: list[Primitive] = [Line(MARGIN, y_rule, width - MARGIN, y_rule, "#CBD5E1", 0.75)]
    # The title, then the personas, share the room left of the date: each whole where they fit (centred
    # the personas, where that keeps them clear of both), else cut short by their measured widths.
    room = width - 2 * MARGIN - text_width(right, 9) - FOOT_GAP
    said = board_word("Persona: {0}" if len(names) == 1 else "Personas: {0}", language).format(personas) \
        if personas else ""
    title_w = text_width(title, 11, bold=True)
    said_w = text_width(said, 9) if said else 0.0
    if said and title_w + FOOT_GAP + said_w > room:
        # Too long together: the title keeps at least three fifths of the room, the personas the rest.
        title_room = max(room * 0.6, room - FOOT_GAP - said_w)
        title = fitted(title, title_room, 11, bold=True)
        title_w = text_width(title, 11, bold=True)
        said = fitted(said, room - title_w - FOOT_GAP, 9)
        said_w = text_width(said, 9)
    elif not said:
        title = fitted(title, room, 11, bold=True)
    prims.append(Text(MARGIN, baseline, title, 11, INK, bold=True))
    if said:
        centre = width / 2
        left = centre - said_w / 2
        if left < MARGIN + title_w + FOOT_GAP or left + said_w > MARGIN + room:
            left = MARGIN + title_w + FOOT_GAP  # right after the title, clear of the date
        prims.append(Text(left, baseline, said, 9, MUTED))
    prims.append(Text(width - MARGIN, baseline, right, 9, MUTED, anchor="end"))
    return prims


def _today() -> date:
    from datetime import date  # only a named page prints the date: a fit page (the default) needs none

    return date.today()


def _tiled(layout: Layout, spec: PageSpec, today: date | None) -> PagePlan:
    width, height = paper_size(spec.page, spec.portrait)
    area_w = width - 2 * MARGIN
    area_h = height - 2 * MARGIN - LABEL_BAND
    rects = [card.rect for card in layout.cards.values()]
    across, down = [(r.x, r.x + r.w) for r in rects], [(r.y, r.y + r.h) for r in rects]
    # The legend's entries too: the journey's Letter portrait poster cut its "Channels" column between two
    # sheets, each icon and name cut on both.
    across += [(x0, x1) for x0, _, x1, _ in layout.legend_entries]
    down += [(y0, y1) for _, y0, _, y1 in layout.legend_entries]
    # The largest card text, from 10 pt down to 9, that prints the fewest sheets: at 10 pt the blueprint's
    # last row on A4 was a strip of empty lanes 58 pt high, a sheet of its own, and another held one card.
    drawn = _drawn_boxes(layout)
    best: _Poster | None = None
    for text_pt in TILE_TEXT_STEPS:
        poster = _poster(layout, text_pt / st.CARD_SIZE, area_w, area_h, across, down, drawn)
        if best is None or poster.printed < best.printed:
            best = poster
    assert best is not None
    scale, columns, rows, views, blank = best.scale, best.columns, best.rows, best.views, best.blank
    row_count, column_count = best.row_count, best.column_count
    span_w, span_h = area_w / scale, area_h / scale  # board px one sheet shows
    count = len(views)
    language = layout.document.language
    total = board_word("{0} × {1} pages", language).format(row_count, column_count) if count > 1 \
        else board_word("1 page", language)
    if blank:  # said on every sheet, so that whoever tapes them up does not look for the missing one
        total += board_word(", {0} blank not printed", language).format(len(blank))
    title = document_title(layout.document)
    day = (today or _today()).isoformat()
    sheets = []
    for (row, column), view in views.items():
        if (row, column) in blank:
            continue
        label = board_word("row {0} / column {1}", language).format(row, column)
        decorations = _tile_marks(view, width, height)
        if column > 1:  # where the sheet to the left ends: lay this sheet over it up to here
            decorations += _seam(view, columns[column - 2] + span_w, vertical=True)
        if row > 1:
            decorations += _seam(view, rows[row - 2] + span_h, vertical=False)
        decorations += _margin_names(layout, view, view.to_page(view.x, rows[row - 2] + span_h)[1] if row > 1 else None)
        inset = MARK + 6  # clear of the trim marks
        said = f"{label}  ({total})"
        decorations.append(Text(MARGIN + inset, LABEL_BASELINE, said, LABEL_PT, INK, bold=True))
        # The title as long as the room right of the label allows, then the date and the paper, ending clear of
        # the marks at the picture's top right corner: on a picture narrower than the paper (the example on A3,
        # a poster's last column) the line ran on to the paper's margin, the corner's mark and cross through
        # its words. Where the picture is too narrow for the line, it goes past the marks.
        after = f" · {day} · {spec.page}"
        after_w = text_width(after, 8)
        start = MARGIN + inset + text_width(said, LABEL_PT, bold=True) + FOOT_GAP
        picture_right = view.left + view.w * view.scale
        end = min(width - MARGIN, picture_right) - inset
        if end - start < after_w + text_width("…", 8):
            start, end = max(start, picture_right + inset), width - MARGIN - inset
        room = end - start - after_w
        line = fitted(title, room, 8) + after if room >= text_width("…", 8) else after.removeprefix(" · ")
        decorations.append(Text(end, LABEL_BASELINE, line, 8, MUTED, anchor="end"))
        sheets.append(Sheet(width, height, view, decorations, label))
    return PagePlan(spec, sheets)


@dataclass
class _Poster:
    """A poster's sheets at one scale: where the columns and rows start, the views kept, the blank ones."""

    scale: float
    columns: list[float]
    rows: list[float]
    views: dict[tuple[int, int], Viewport]
    blank: set[tuple[int, int]]
    row_count: int
    column_count: int

    @property
    def printed(self) -> int:
        """How many sheets come out of the printer."""
        return len(self.views) - len(self.blank)


def _poster(layout: Layout, scale: float, area_w: float, area_h: float, across: list[tuple[float, float]],
            down: list[tuple[float, float]], drawn: list[tuple[float, float, float, float]]) -> _Poster:
    span_w, span_h = area_w / scale, area_h / scale  # board px one sheet shows
    columns = _cuts(layout.width, span_w, OVERLAP / scale, across)
    rows = _cuts(layout.height, span_h, OVERLAP / scale, down)
    views = {(row, column): Viewport(x, y, min(span_w, layout.width - x), min(span_h, layout.height - y), scale,
                                     MARGIN, MARGIN + LABEL_BAND)
             for row, y in enumerate(rows, start=1) for column, x in enumerate(columns, start=1)}
    blank = _blank_views(layout, views, drawn)
    # A last row or column that would show nothing at all (the board's bottom margin past the cut) is
    # no part of the poster; a blank sheet among others is left out and said to be.
    row_count, column_count = len(rows), len(columns)
    while row_count > 1 and all((row_count, c) in blank for c in range(1, column_count + 1)):
        row_count -= 1
    while column_count > 1 and all((r, column_count) in blank for r in range(1, row_count + 1)):
        column_count -= 1
    views = {key: view for key, view in views.items() if key[0] <= row_count and key[1] <= column_count}
    return _Poster(scale, columns, rows, views, blank & views.keys(), row_count, column_count)


def _blank_views(layout: Layout, views: dict[tuple[int, int], Viewport],
                 drawn: list[tuple[float, float, float, float]]) -> set[tuple[int, int]]:
    """The sheets that would show nothing, meeting none of ``drawn`` (``_drawn_boxes``), only frames and rules
    (the legend's frame runs the board's width, past its last entry): above or below the stages and lanes,
    and within them the run that ends the poster's last row or column only. Within the lanes a blank sheet
    among printed ones would leave a hole in the taped poster, its bands and lines carrying on round it; at
    the end of the edge it showed a sliver of empty lane (an 80-stage board on A3 printed 11 such sheets of 24)."""
    headers = [header.rect for header in (*layout.stage_headers.values(), *layout.lane_headers.values())]
    top = min((r.y for r in headers), default=0.0)
    bottom = max((r.y + r.h for r in headers), default=0.0)

    def shows_nothing(view: Viewport) -> bool:
        return not any(x0 < view.x + view.w and view.x < x1 and y0 < view.y + view.h and view.y < y1
                       for x0, y0, x1, y1 in drawn)

    blank = {key for key, view in views.items() if (view.y + view.h <= top or view.y >= bottom) and shows_nothing(view)}
    last_row = max((row for row, _ in views), default=0)
    last_column = max((column for _, column in views), default=0)
    for run in ([(last_row, column) for column in range(last_column, 0, -1)],
                [(row, last_column) for row in range(last_row, 0, -1)]):
        for key in run:  # from the corner back, while blank: a printed sheet ends the run
            if key not in blank and not shows_nothing(views[key]):
                break
            blank.add(key)
    return blank


def _drawn_boxes(layout: Layout) -> list[tuple[float, float, float, float]]:
    """What a sheet may show, as boxes (x0, y0, x1, y1): the cards and arrows (labels included) by the boxes the
    layout has, the headers (names, metric tiles), and of the background what draws something (title, personas,
    curves, legend, the lines' names). The same at every scale a poster is tried at: made once."""
    headers = [header.rect for header in (*layout.stage_headers.values(), *layout.lane_headers.values())]
    boxes = [(r.x, r.y, r.x + r.w, r.y + r.h) for r in (card.rect for card in layout.cards.values())]
    boxes += [(x, y, x + w, y + h) for x, y, w, h in (link.bounds for link in layout.links.values())]
    boxes += [(r.x, r.y, r.x + r.w, r.y + r.h) for r in headers]
    boxes += [box for box in map(_drawn_box, layout.background) if box is not None]
    return boxes


def _drawn_box(primitive: Primitive) -> tuple[float, float, float, float] | None:
    """What a primitive covers on the board (a text's line, an icon's or curve's points); None for a
    frame or a rule (Box, Line), which shows nothing by itself."""
    if isinstance(primitive, Text):
        return text_box(primitive)
    if isinstance(primitive, Circle):
        return (primitive.cx - primitive.r, primitive.cy - primitive.r,
                primitive.cx + primitive.r, primitive.cy + primitive.r)
    if isinstance(primitive, Path):
        xs = [v for command in primitive.commands for v in command[1::2] if isinstance(v, float | int)]
        ys = [v for command in primitive.commands for v in command[2::2] if isinstance(v, float | int)]
        return (min(xs), min(ys), max(xs), max(ys)) if xs and ys else None
    return None


def _cuts(length: float, span: float, overlap: float, extents: list[tuple[float, float]]) -> list[float]:
    """Where each tile starts along one axis so that tiles of ``span`` cover ``length``.

    The next tile starts ``overlap`` before the end of this one, or earlier: at the start
    of any card that this tile's end would cut, so that card is whole on the next tile.
    """
    starts = [0.0]
    while starts[-1] + span < length:
        start = starts[-1]
        end = start + span
        following = end - overlap
        for lo, hi in extents:
            if lo < end < hi and start < lo:
                following = min(following, lo)
        if following <= start + span / 4:  # a card as large as a tile cannot be kept whole: plain step
            following = end - overlap
        starts.append(following)
    return starts


def _margin_names(layout: Layout, view: Viewport, seam: float | None) -> list[Primitive]:
    """The names of the stages and lanes (and metric charts) a sheet shows without their headers whole: each
    stage's number and name over its column in the top margin, each lane's name up the left margin beside its band.

    A sheet from the middle of a poster was cards in columns and bands no one had named (the last sheet of the
    blueprint's 2 × 2 A4 poster showed 2 stages and 5 lanes, and named none). ``seam``: the page y of the
    ticks in the left margin where the sheet above ends, which a lane's name is kept clear of.
    """
    names: list[Primitive] = []
    right, bottom = view.left + view.w * view.scale, view.top + view.h * view.scale
    doc = layout.document
    # Down to the lanes' end (or the headers', on a board without lanes): a sheet of the title and personas
    # above them, or of the legend below, shows no stage's column and names none.
    columns_end = max((h.rect.y + h.rect.h for h in (*layout.lane_headers.values(), *layout.stage_headers.values())),
                      default=0.0)
    # The stages' headers share one row: a sheet that shows it (cut at its side or not, the names are there), or
    # shows nothing of the columns below it, names no stage.
    row = next(iter(layout.stage_headers.values())).rect if layout.stage_headers else None
    stages_named = row is not None and not (view.y <= row.y and row.y + row.h <= view.y + view.h) \
        and view.y + view.h > row.y and view.y < columns_end
    for number, stage in enumerate(doc.stages if stages_named else (), start=1):
        header = layout.stage_headers.get(stage.id)
        if header is None:
            continue
        lo = max(view.to_page(header.rect.x, view.y)[0], view.left) + NAME_GAP
        hi = min(view.to_page(header.rect.x + header.rect.w, view.y)[0], right) - NAME_GAP
        if hi - lo >= MIN_NAMED:
            label = fitted(f"{number:02d} {' '.join(clean_text(stage.name).split())}".rstrip(), hi - lo, NAME_PT)
            names.append(Text((lo + hi) / 2, MARGIN - NAME_OFF, label, NAME_PT, MUTED, anchor="middle"))
    # Each band with where its name is drawn in the lanes' column (a lane's at its top; None: a chart's, whose
    # row is never taller than a sheet).
    bands: list[tuple[str, float, float, tuple[float, float] | None]] = []
    for lane in doc.lanes:
        header = layout.lane_headers.get(lane.id)
        if header is not None:
            boxes = [text_box(p) for p in header.primitives if isinstance(p, Text) and p.bold]
            named = (min(b[1] for b in boxes), max(b[3] for b in boxes)) if boxes else None
            bands.append((lane.name, header.rect.y, header.rect.h, named))
    bands += [(name, top, end - top, None) for name, top, end in layout.chart_rows()]
    shows_column = view.x <= st.MARGIN and view.x + view.w >= st.MARGIN + st.LANE_HEADER_W
    for name, top, height, named in bands:
        said = " ".join(clean_text(name).split())
        # A sheet showing the lanes' column names none, unless it shows none of a lane's name: a lane taller
        # than a sheet (60 cards in one cell) went on over three A4 sheets as a coloured bar no one had named.
        if not said or (shows_column and (named is None or (view.y < named[1] and named[0] < view.y + view.h))):
            continue
        lo = max(view.to_page(view.x, top)[1], view.top) + NAME_GAP
        hi = min(view.to_page(view.x, top + height)[1], bottom) - NAME_GAP
        if seam is not None and lo < seam < hi:  # the longer side of the seam's ticks
            lo, hi = max((lo, seam - NAME_GAP), (seam + NAME_GAP, hi), key=lambda span: span[1] - span[0])
        if hi - lo >= MIN_NAMED:  # turned to read upwards, centred on the band's stretch
            names.append(Text(MARGIN - NAME_OFF, (lo + hi) / 2, fitted(said, hi - lo, NAME_PT), NAME_PT, MUTED,
                              anchor="middle", angle=90.0))
    return names


def _tile_marks(view: Viewport, width: float, height: float) -> list[Primitive]:
    """Trim marks at the picture's corners, and the glue strips where the neighbours overlap."""
    x0, y0 = view.left, view.top
    x1, y1 = view.left + view.w * view.scale, view.top + view.h * view.scale
    marks: list[Primitive] = [Box(x0, y0, x1 - x0, y1 - y0, stroke="#94A3B8", stroke_width=0.5, dash=(2, 2))]
    for cx, dx in ((x0, -1), (x1, 1)):
        for cy, dy in ((y0, -1), (y1, 1)):
            marks.append(Line(cx + dx * 2, cy, cx + dx * (2 + MARK), cy, "#0F172A", 0.5))
            marks.append(Line(cx, cy + dy * 2, cx, cy + dy * (2 + MARK), "#0F172A", 0.5))
            # a registration cross in the margin, to line neighbouring sheets up
            marks.append(Line(cx + dx * 6 - 3, cy + dy * 6, cx + dx * 6 + 3, cy + dy * 6, "#0F172A", 0.4))
            marks.append(Line(cx + dx * 6, cy + dy * 6 - 3, cx + dx * 6, cy + dy * 6 + 3, "#0F172A", 0.4))
    return marks


def _seam(view: Viewport, board_at: float, vertical: bool) -> list[Primitive]:
    """Ticks outside the picture where the previous sheet's picture ends (the edge of the glue strip)."""
    if vertical:
        x, _ = view.to_page(board_at, view.y)
        bottom = view.top + view.h * view.scale
        # The upper tick starts below the label's descenders (text_box: a third of the size): 8 pt long, it ran up
        # into the label's line, the example's A4 poster's tick joined to the "g" of "pages".
        upper = max(view.top - 10, LABEL_BASELINE + LABEL_PT / 3 + 1)
        return [Line(x, upper, x, view.top - 2, "#DC2626", 0.6),
                Line(x, bottom + 2, x, bottom + 10, "#DC2626", 0.6)]
    _, y = view.to_page(view.x, board_at)
    right = view.left + view.w * view.scale
    return [Line(view.left - 10, y, view.left - 2, y, "#DC2626", 0.6),
            Line(right + 2, y, right + 10, y, "#DC2626", 0.6)]


def sheets_summary(plan: PagePlan) -> str:
    """One line describing the plan, for the export dialog and the command line."""
    count = len(plan.sheets)
    first = plan.sheets[0]
    size = f"{first.width / MM:.0f} × {first.height / MM:.0f} mm"
    pct = math.floor(plan.scale * 100 + 0.5)
    text_pt = st.CARD_SIZE * plan.scale
    pages = f"{count} page{'s' if count != 1 else ''}"
    return f"{pages} of {size}, board at {pct} % (card text {text_pt:.1f} pt)"
