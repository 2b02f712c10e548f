"""The zoomed-out board, drawn in a handful of calls instead of one per item.

Below TEXT_LOD a card is a coloured box and an arrow a thin line, and asking thousands of
Python items to paint themselves costs more than a frame (300 ms at 5,000 cards). When every
view of a scene is zoomed out that far, the scene marks its card, arrow and label items
ItemHasNoContents (Qt then skips their paint(), while clicks, selection and the rubber band
still find them by their shapes) and each view draws this overview on top of the background
and headers: boxes batched by colour, all arrows as one path of straight segments through
their routes' corners, the selection outlined. Any layout change drops the cached batches.
"""

from __future__ import annotations

from collections import defaultdict
from math import ceil

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from model import style as st
from model.layout import Layout
from model.primitives import Box
from model.projection import PROJECTION_ARROW, projected_one

SELECTION = QColor("#2563EB")
PROJECTION = "projection"  # the look of the audience view (model.projection), in place of a theme
MAX_PICTURE_PIXELS = 4_000_000  # 16 MB: above that the batches are drawn each frame


class Overview:
    """Batched boxes and arrow lines of one layout, rebuilt after it changes."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._boxes: dict[tuple[str | None, str | None], list[QRectF]] | None = None
        self._arrows: QPainterPath | None = None
        self._card_boxes: dict[str, QRectF] = {}
        # Kept per (scale, look): the editor and the audience view may both be zoomed out,
        # in different looks, and would otherwise redraw each other's picture every frame.
        self._pictures: dict[tuple[float, str], QImage] = {}

    def invalidate(self) -> None:
        """Forget the batches (the layout changed)."""
        self._boxes = None
        self._arrows = None
        self._pictures = {}

    def _build(self) -> None:
        boxes: dict[tuple[str | None, str | None], list[QRectF]] = defaultdict(list)
        card_boxes: dict[str, QRectF] = {}
        for card in self.layout.cards.values():
            # The card's own box (its second primitive, after the shadow) is what it draws
            # itself when zoomed out; an emotion card has a marker instead and keeps its label box.
            body = next((p for p in card.primitives[1:3] if isinstance(p, Box)), None)
            if body is None:
                continue
            rect = QRectF(card.x + body.x, card.y + body.y, body.w, body.h)
            boxes[(body.fill, body.stroke)].append(rect)
            card_boxes[card.id] = rect
        arrows = QPainterPath()
        for link in self.layout.links.values():
            points = [QPointF(float(c[-2]), float(c[-1])) for c in link.curve if len(c) >= 3]  # type: ignore[arg-type]
            if len(points) >= 2:
                arrows.moveTo(points[0])
                for point in points[1:]:
                    arrows.lineTo(point)
        self._boxes, self._arrows, self._card_boxes = dict(boxes), arrows, card_boxes

    def paint(self, painter: QPainter, theme: str, selected: list[str],
              offsets: dict[str, QPointF] | None = None) -> None:
        """Draw the arrows, then the cards' boxes, then the selection's outlines (moved by ``offsets``: a drag)."""
        if self._boxes is None or self._arrows is None:
            self._build()
        painter.save()
        scale = painter.worldTransform().m11()
        width, height = self.layout.width * scale, self.layout.height * scale
        if 0 < width * height <= MAX_PICTURE_PIXELS:
            # Small enough to keep as a picture at this zoom: a pan then costs one blit
            # instead of re-stroking every arrow (30 ms at 5,000 cards).
            key = (round(scale, 6), theme)
            picture = self._pictures.get(key)
            if picture is None:
                if len(self._pictures) >= 2:
                    self._pictures.pop(next(iter(self._pictures)))  # the oldest: a zoom left behind
                picture = self._pictures[key] = self._render_picture(scale, theme)
            painter.drawImage(QRectF(0, 0, self.layout.width, self.layout.height), picture)
        else:
            self._draw(painter, theme)
        if selected:
            painter.setPen(_cosmetic(SELECTION, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            boxes = self._card_boxes
            offsets = offsets or {}
            painter.drawRects([boxes[c].translated(offsets[c]) if c in offsets else boxes[c]
                               for c in selected if c in boxes])
        painter.restore()

    def _render_picture(self, scale: float, theme: str) -> QImage:
        image = QImage(max(1, ceil(self.layout.width * scale)), max(1, ceil(self.layout.height * scale)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        picture_painter = QPainter(image)
        picture_painter.scale(scale, scale)
        self._draw(picture_painter, theme)
        picture_painter.end()
        return image

    def _draw(self, painter: QPainter, theme: str) -> None:
        assert self._boxes is not None and self._arrows is not None
        # Boxes a few pixels wide and hairlines: antialiasing would only blur them, at twice the cost.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        arrow = PROJECTION_ARROW if theme == PROJECTION else st.themed(st.ARROW, theme)
        painter.setPen(QPen(QColor(arrow), 0))  # cosmetic: one pixel at any zoom
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._arrows)
        for (fill, stroke), rects in self._boxes.items():
            fill, stroke = _colours(fill, stroke, theme)
            painter.setPen(QPen(QColor(stroke), 0) if stroke else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
            painter.drawRects(rects)


def _colours(fill: str | None, stroke: str | None, theme: str) -> tuple[str | None, str | None]:
    """A card box's fill and border as ``theme`` (or the projection look) paints them."""
    if theme == PROJECTION:
        box = projected_one(Box(0, 0, 1, 1, fill=fill, stroke=stroke))
        return (box.fill, box.stroke) if isinstance(box, Box) else (fill, stroke)
    return (st.themed(fill, theme) if fill else None), (st.themed(stroke, theme) if stroke else None)


def _cosmetic(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)
    return pen
