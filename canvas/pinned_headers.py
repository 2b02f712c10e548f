"""Lane and stage names pinned to the board view's edges while their headers are out of sight.

At 100 % a blueprint is wider and taller than the window: scrolled right, the lane headers
leave at the left (a facilitator saw "ce", "ns", "ction" and lost track of which lane was
which); scrolled down, the stage headers leave at the top. As a spreadsheet keeps its
frozen row and column, the view then shows small tags at its edges: each lane's name at the
left, at the top of the lane's part in sight, with the kind's accent; each stage's number and
name at the top, over its column. They are the view's, not the board's: never exported.

Drawn in viewport pixels after the scene (BoardView.paintEvent); a scroll step moves the
board under them, so the view repaints the tags' old and new places (``tags_region``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QRegion
from PySide6.QtWidgets import QGraphicsView

from model import style as st
from model.fonts import FONT_FAMILY
from model.headers import LANE_NAME_X
from model.layout import Layout
from model.primitives import Primitive, Text
from model.typesetting import text_box

TAG_H = 24.0  # px, whatever the zoom: read as the window's, not the board's
EDGE = 6.0  # between the viewport's edge and a tag
TEXT_PX = 12
ACCENT_W = 4.0
PAD_X = 8.0
MAX_TAG_W = 220.0
GONE = 24.0  # a stage header showing less than this many px is out of sight
WIDTH_STEP = 4  # px: tag widths are whole steps of this


@dataclass(frozen=True)
class Tag:
    """One pinned name: where it goes in the viewport, its text, and its accent (a lane kind's) or None.

    A tag with a ``fill`` is a curtain instead: a plain box of that colour, no text.
    """

    rect: QRectF
    text: str
    accent: str | None
    fill: str | None = None


@cache
def _font() -> QFont:
    """The tags' font (made once a QApplication exists)."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(TEXT_PX)
    font.setBold(True)
    return font


@lru_cache(maxsize=4096)
def _text_width(text: str) -> float:
    return QFontMetricsF(_font()).horizontalAdvance(text)


def pinned_tags(view: QGraphicsView, min_zoom: float) -> list[Tag]:
    """The tags ``view`` shows now: none zoomed out past ``min_zoom`` (the overview, whose headers are in
    sight or too small to name), none for a board without stages or lanes."""
    scene = view.scene()
    layout, document = getattr(scene, "layout", None), getattr(scene, "document", None)
    if layout is None or document is None or not document.lanes or not document.stages:
        return []
    if view.transform().m11() < min_zoom or not layout.lane_headers or not layout.stage_headers:
        return []
    width, height = view.viewport().width(), view.viewport().height()
    tags: list[Tag] = []
    # Painted first, under every tag: the curtains over cut names (made last, those over the charts' names covered
    # the charts' tags they sit under: "drop-off %" read "off %", its accent gone).
    curtains: list[Tag] = []
    # The lanes' names are gone as soon as they start out of sight: with 48 px of their column in view (100 % on
    # a laptop) they read "e" and "s", and a tag waited for the column to be all but gone. The stages' headers
    # are gone when all but their last GONE px are: pinned over a header still in sight, the tags covered its
    # metric tiles, and the numbered names are above them.
    stage_rects = [layout.stage_headers[stage.id].rect for stage in document.stages]
    stages_gone = view.mapFromScene(QPointF(0, max(r.y + r.h for r in stage_rects))).y() < GONE
    lane_rects = [layout.lane_headers[lane.id].rect for lane in document.lanes]
    lanes_gone = view.mapFromScene(QPointF(min(r.x for r in lane_rects) + LANE_NAME_X, 0)).x() < 0
    top = EDGE + TAG_H + EDGE if stages_gone else 0.0  # the lanes' tags go under the stages' row
    lane_strip = 0.0
    # With part of the lanes' column still in sight, the tags start at the view's very edge: the cut names'
    # last letters peeked out of the gap beside them.
    column_right = math.floor(view.mapFromScene(QPointF(max(r.x + r.w for r in lane_rects), 0)).x())
    left = 0.0 if column_right > 0 else EDGE
    # The part of the lanes' column still in sight, where the cut names' ends and kinds ("omer actions")
    # peeked out round their tags: the names and kinds are curtained in their band's colour under the tag,
    # the rest of the header left as it is (an emotion lane's scale, a kind's icon, a chosen header's outline).
    header_item = getattr(scene, "header_item", None)

    def name_band(text: str, band_top: float, band_bottom: float, accent: str) -> None:
        """A tag at the left edge naming a band (a lane, a metric chart) from the top of its part in sight."""
        nonlocal lane_strip
        shown_top, shown_bottom = max(band_top, top), min(band_bottom, float(height))
        if shown_bottom - shown_top < TAG_H + 2 * EDGE:
            return  # a sliver of a band: no room to name it
        w = _whole(min(MAX_TAG_W, ACCENT_W + 2 * PAD_X + _text_width(text))) + EDGE - left
        tags.append(Tag(QRectF(left, shown_top + EDGE, w, TAG_H), text, accent))
        lane_strip = max(lane_strip, left + w)

    if lanes_gone:
        # The metric charts above the lanes, named as the lanes are (scrolled right, their line was unnamed).
        for name, chart_top, chart_bottom in layout.chart_rows():
            name_band(name, view.mapFromScene(QPointF(0, chart_top)).y(),
                      view.mapFromScene(QPointF(0, chart_bottom)).y(), st.CHART_LINE)
        for index, (lane, r) in enumerate(zip(document.lanes, lane_rects, strict=True)):
            lane_top = view.mapFromScene(QPointF(r.x, r.y)).y()
            lane_bottom = view.mapFromScene(QPointF(r.x, r.y + r.h)).y()
            in_sight = lane_bottom > 0 and lane_top < height  # a lane above or below the view needs no curtain
            words = _words_box(layout.lane_headers[lane.id].primitives) if column_right > 0 and in_sight else None
            if words is not None:
                # A chosen header's outline runs round the column's part in sight: its curtain stays inside it.
                chosen = header_item is not None and header_item("lane", lane.id).isSelected()
                box = view.mapFromScene(QRectF(*words)).boundingRect()
                right = min(float(column_right - (3 if chosen else 0)), box.right() + 2)
                curtain_top = max(box.top() - 2, math.floor(lane_top) + 1.0, 0.0)  # the lanes' parting line stays
                curtain_bottom = min(box.bottom() + 2, lane_bottom, float(height))
                if right > 0 and curtain_bottom > curtain_top:
                    band = st.BAND_ODD if index % 2 else st.BAND_EVEN
                    curtains.append(Tag(QRectF(0, curtain_top, right, curtain_bottom - curtain_top), "", None, band))
            name_band(lane.name, lane_top, lane_bottom, st.KIND_STYLES[lane.kind].accent)
        if column_right > 0:  # the blueprint lines' and the charts' names, cut as the lanes' were ("ne of visibility")
            curtains += _cut_words_curtained(view, layout, column_right)
    if stages_gone:
        for number, (stage, r) in enumerate(zip(document.stages, stage_rects, strict=True), start=1):
            left, right = view.mapFromScene(QPointF(r.x, r.y)).x(), view.mapFromScene(QPointF(r.x + r.w, r.y)).x()
            shown_left, shown_right = max(left, lane_strip), min(right, float(width))
            text = f"{number:02d}  {stage.name}"
            w = min(_whole(min(MAX_TAG_W, 2 * PAD_X + _text_width(text))),
                    math.floor((shown_right - shown_left - 2 * EDGE) / WIDTH_STEP) * WIDTH_STEP)
            if w < 4 * PAD_X:
                continue  # a sliver of a column
            tags.append(Tag(QRectF(shown_left + EDGE, EDGE, w, TAG_H), text, None))
    return curtains + tags


def _cut_words_curtained(view: QGraphicsView, layout: Layout, column_right: int) -> list[Tag]:
    """Curtains over the board's own words in the lanes' column (the blueprint lines' names, the metric charts'
    names) whose start is out of sight, each in the colour under it: its lane's band, else the page."""
    lanes = list(layout.document.lanes)
    curtains = []
    first, last = layout.lane_headers[lanes[0].id].rect, layout.lane_headers[lanes[-1].id].rect
    top = min([first.y] + [chart_top for _name, chart_top, _bottom in layout.chart_rows()])
    for x0, y0, x1, y1 in _column_words(layout.background, first.x + first.w, top, last.y + last.h):
        box = view.mapFromScene(QRectF(x0, y0, x1 - x0, y1 - y0)).boundingRect()
        if box.left() >= 0 or box.right() <= 0 or box.bottom() <= 0 or box.top() >= view.viewport().height():
            continue  # whole in sight, or out of it
        lane_id = layout.lane_at((y0 + y1) / 2)
        colour = st.PAGE if lane_id is None else \
            (st.BAND_ODD if [lane.id for lane in lanes].index(lane_id) % 2 else st.BAND_EVEN)
        curtains.append(Tag(QRectF(0, box.top() - 1, min(float(column_right), box.right() + 2), box.height() + 2),
                            "", None, colour))
    return curtains


_Box = tuple[float, float, float, float]
# The background and the bounds (column's right, top, bottom) last asked with, and the boxes found.
_column_words_of: list[tuple[tuple[Primitive, ...], tuple[float, float, float], list[_Box]]] = []


def _column_words(background: tuple[Primitive, ...], column_right: float, top: float,
                  bottom: float) -> list[tuple[float, float, float, float]]:
    """Boxes (board x0, y0, x1, y1) of the background's lines of text that start in the lanes' column below the
    title and personas and above the last lane's foot, kept for the background they came from (it is replaced,
    not changed, on an edit). The legend's words under the lanes are not the column's: curtained in the page's
    colour, they left white patches on the legend's box and hid its lanes' names, scrolled a little right."""
    bounds = (column_right, top, bottom)
    if _column_words_of and _column_words_of[0][0] is background and _column_words_of[0][1] == bounds:
        return _column_words_of[0][2]
    boxes = [text_box(p) for p in background
             if isinstance(p, Text) and p.x < column_right and top <= p.y < bottom]
    _column_words_of[:] = [(background, bounds, boxes)]
    return boxes


def _words_box(primitives: tuple[Primitive, ...]) -> tuple[float, float, float, float] | None:
    """The box (x, y, w, h, board coordinates) round a header's lines of text, or None without any."""
    boxes = [text_box(p) for p in primitives if isinstance(p, Text)]
    if not boxes:
        return None
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    return left, top, max(b[2] for b in boxes) - left, max(b[3] for b in boxes) - top


def _whole(width: float) -> float:
    """A tag's width in whole steps, rounded up: the picture drawn at it has room for the whole text (drawn at
    the width rounded down, "Frontstage" showed as "Frontsta…"), and a column scrolled in part still finds
    its picture drawn at the step before, not laid out again at every pixel."""
    return math.ceil(width / WIDTH_STEP) * WIDTH_STEP


def tags_region(tags: list[Tag]) -> QRegion:
    """The viewport pixels the tags cover (antialiased edges included)."""
    region = QRegion()
    for tag in tags:
        region += QRect(tag.rect.toAlignedRect().adjusted(-2, -2, 2, 2))
    return region


def paint_tags(painter: QPainter, tags: list[Tag], theme: str) -> None:
    """Draw the tags (viewport coordinates), each from a picture kept while its text, width and look stay."""
    if not tags:
        return
    painter.save()
    painter.resetTransform()
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    for tag in tags:
        if tag.fill is not None:
            painter.fillRect(tag.rect, QColor(st.themed(tag.fill, theme)))
        else:
            painter.drawPixmap(tag.rect.topLeft(),
                               _picture(tag.text, tag.accent, round(tag.rect.width()), theme, ratio))
    painter.restore()


@lru_cache(maxsize=512)  # far more tags than a board shows at once
def _picture(text: str, accent: str | None, width: int, theme: str, ratio: float) -> QPixmap:
    """A tag drawn once: a header's fill and text, a lane's accent at its left (each paint of a pan step
    blits it instead of laying the text out again)."""
    pixmap = QPixmap(round(width * ratio), round(TAG_H * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = _font()
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    fill, border, ink = (QColor(st.themed(c, theme)) for c in (st.HEADER_FILL, st.FAINT, st.INK))
    box = QRectF(0.5, 0.5, width - 1, TAG_H - 1)
    painter.setPen(QPen(border, 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(box, 6, 6)
    left = PAD_X
    if accent is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(st.themed(accent, theme)))
        painter.drawRoundedRect(QRectF(4, 5, ACCENT_W, TAG_H - 10), 2, 2)
        left += ACCENT_W
    painter.setPen(ink)
    room = width - PAD_X - left
    painter.drawText(QRectF(left, 0, room, TAG_H), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                     metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
    painter.end()
    return pixmap
