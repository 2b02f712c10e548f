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

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QRegion
from PySide6.QtWidgets import QGraphicsView

from model import style as st
from model.fonts import FONT_FAMILY

TAG_H = 24.0  # px, whatever the zoom: read as the window's, not the board's
EDGE = 6.0  # between the viewport's edge and a tag
TEXT_PX = 12
ACCENT_W = 4.0
PAD_X = 8.0
MAX_TAG_W = 220.0
GONE = 24.0  # a header column showing less than this many px is out of sight


@dataclass(frozen=True)
class Tag:
    """One pinned name: where it goes in the viewport, its text, and its accent (a lane kind's) or None."""

    rect: QRectF
    text: str
    accent: str | None


def _font() -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(TEXT_PX)
    font.setBold(True)
    return font


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
    metrics = QFontMetricsF(_font())
    tags: list[Tag] = []
    stage_rects = [layout.stage_headers[stage.id].rect for stage in document.stages]
    stages_gone = view.mapFromScene(QPointF(0, max(r.y + r.h for r in stage_rects))).y() < GONE
    lane_rects = [layout.lane_headers[lane.id].rect for lane in document.lanes]
    lanes_gone = view.mapFromScene(QPointF(max(r.x + r.w for r in lane_rects), 0)).x() < GONE
    top = EDGE + TAG_H + EDGE if stages_gone else 0.0  # the lanes' tags go under the stages' row
    lane_strip = 0.0
    if lanes_gone:
        for lane, r in zip(document.lanes, lane_rects, strict=True):
            lane_top = view.mapFromScene(QPointF(r.x, r.y)).y()
            lane_bottom = view.mapFromScene(QPointF(r.x, r.y + r.h)).y()
            shown_top, shown_bottom = max(lane_top, top), min(lane_bottom, float(height))
            if shown_bottom - shown_top < TAG_H + 2 * EDGE:
                continue  # a sliver of a lane: no room to name it
            w = min(MAX_TAG_W, ACCENT_W + 2 * PAD_X + metrics.horizontalAdvance(lane.name))
            tags.append(Tag(QRectF(EDGE, shown_top + EDGE, w, TAG_H), lane.name, st.KIND_STYLES[lane.kind].accent))
            lane_strip = max(lane_strip, EDGE + w)
    if stages_gone:
        for number, (stage, r) in enumerate(zip(document.stages, stage_rects, strict=True), start=1):
            left, right = view.mapFromScene(QPointF(r.x, r.y)).x(), view.mapFromScene(QPointF(r.x + r.w, r.y)).x()
            shown_left, shown_right = max(left, lane_strip), min(right, float(width))
            text = f"{number:02d}  {stage.name}"
            w = min(MAX_TAG_W, 2 * PAD_X + metrics.horizontalAdvance(text), shown_right - shown_left - 2 * EDGE)
            if w < 4 * PAD_X:
                continue  # a sliver of a column
            tags.append(Tag(QRectF(shown_left + EDGE, EDGE, w, TAG_H), text, None))
    return tags


def tags_region(tags: list[Tag]) -> QRegion:
    """The viewport pixels the tags cover (antialiased edges included)."""
    region = QRegion()
    for tag in tags:
        region += QRect(tag.rect.toAlignedRect().adjusted(-2, -2, 2, 2))
    return region


def paint_tags(painter: QPainter, tags: list[Tag], theme: str) -> None:
    """Draw the tags (viewport coordinates): a header's fill and text, a lane's accent at its left."""
    if not tags:
        return
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = _font()
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    fill, border, ink = (QColor(st.themed(c, theme)) for c in (st.HEADER_FILL, st.FAINT, st.INK))
    fill.setAlphaF(0.95)
    for tag in tags:
        painter.setPen(QPen(border, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(tag.rect, 6, 6)
        left = tag.rect.left() + PAD_X
        if tag.accent is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(st.themed(tag.accent, theme)))
            painter.drawRoundedRect(QRectF(tag.rect.left() + 4, tag.rect.top() + 5, ACCENT_W, TAG_H - 10), 2, 2)
            left += ACCENT_W
        painter.setPen(ink)
        room = tag.rect.right() - PAD_X - left
        text = metrics.elidedText(tag.text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRectF(left, tag.rect.top(), room, TAG_H),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
    painter.restore()
