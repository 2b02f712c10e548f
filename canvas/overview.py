"""The zoomed-out board, drawn in a handful of calls instead of one per item.

Below TEXT_LOD a card is a coloured box and an arrow a thin line, and asking thousands of
Python items to paint themselves costs more than a frame (300 ms at 5,000 cards). When every
view of a scene is zoomed out that far, the scene marks its card, arrow and label items
ItemHasNoContents (Qt then skips their paint(), while clicks, selection and the rubber band
still find them by their shapes) and each view draws this overview on top of the background
and headers: boxes batched by colour, all arrows as one path of straight segments through
their routes' corners, the selection outlined. Any layout change drops the cached batches.
A spotlight or Show impact (the scene's ``lit`` cards) is drawn here too: the other boxes
and arrows at the items' dimmed opacity.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Collection, Iterable
from itertools import pairwise
from math import ceil, floor

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from canvas.items import DIMMED
from model import style as st
from model.layout import Layout
from model.primitives import Box
from model.projection import PROJECTION_ARROW, projected_one

SELECTION = QColor("#2563EB")
PROJECTION = "projection"  # the look of the audience view (model.projection), in place of a theme
MAX_PICTURE_PIXELS = 4_000_000  # 16 MB: above that the batches are drawn each frame
BUCKET = 1024.0  # scene px: a cell of the grid a partial repaint draws from (see _Grid)
TILE = 512  # device px: the side of a kept tile of the zoomed-out drawing (Overview._paint_tiles)
MAX_TILE_PIXELS = 6_000_000  # ~24 MB of tiles: a 1920x1080 view needs at most 20 (5.2 M px)
Key = tuple[int, int]
Group = tuple[str | None, str | None]


class _Grid:
    """The batches by cells of the board, for a repaint of part of the view.

    Above MAX_PICTURE_PIXELS every repaint drew every box and arrow under its clip (~20 ms
    at 5,000 cards), though a rubber band's move or a card's outline repaints a strip. Each
    arrow is in the cells its segments pass (drawn whole: opaque hairlines drawn twice are
    the same pixels); each box in the cell of its top-left corner, the areas widened by the
    largest box so that every box meeting them is found once.
    """

    def __init__(self, boxes: dict[Group, list[QRectF]], arrow_points: dict[str, list[QPointF]]) -> None:
        self.boxes: dict[Key, dict[Group, list[QRectF]]] = defaultdict(lambda: defaultdict(list))
        self.reach = 0.0
        for group, rects in boxes.items():
            for rect in rects:
                self.boxes[(floor(rect.x() / BUCKET), floor(rect.y() / BUCKET))][group].append(rect)
                self.reach = max(self.reach, rect.width(), rect.height())
        lines: dict[Key, list[list[QPointF]]] = defaultdict(list)
        for points in arrow_points.values():
            keys: set[Key] = set()
            for a, b in pairwise(points):
                keys.update(_keys(min(a.x(), b.x()), min(a.y(), b.y()), max(a.x(), b.x()), max(a.y(), b.y())))
            for key in keys:
                lines[key].append(points)
        self.arrows = {key: _polylines(polylines) for key, polylines in lines.items()}

    def draw(self, painter: QPainter, areas: list[QRectF], groups: Iterable[Group],
             colours: dict[Group, tuple[str | None, str | None]]) -> None:
        """Draw the arrows and boxes that meet ``areas`` (scene rects), arrows first, boxes by group."""
        arrow_keys: set[Key] = set()
        box_keys: set[Key] = set()
        for area in areas:
            left, top, right, bottom = area.left() - 1, area.top() - 1, area.right() + 1, area.bottom() + 1
            arrow_keys.update(_keys(left, top, right, bottom))
            box_keys.update(_keys(left - self.reach, top - self.reach, right, bottom))
        # One drawPath: each call pays for setting up the repaint's clip region again.
        paths = [self.arrows[key] for key in arrow_keys if key in self.arrows]
        if len(paths) == 1:
            painter.drawPath(paths[0])
        elif paths:
            joined = QPainterPath()
            for path in paths:
                joined.addPath(path)
            painter.drawPath(joined)
        cells = [self.boxes[key] for key in box_keys if key in self.boxes]
        for group in groups:
            rects = [rect for cell in cells for rect in cell.get(group, ())]
            if rects:
                fill, stroke = colours[group]
                painter.setPen(QPen(QColor(stroke), 0) if stroke else Qt.PenStyle.NoPen)
                painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
                painter.drawRects(rects)


def _keys(left: float, top: float, right: float, bottom: float) -> list[Key]:
    return [(i, j) for i in range(floor(left / BUCKET), floor(right / BUCKET) + 1)
            for j in range(floor(top / BUCKET), floor(bottom / BUCKET) + 1)]


class Overview:
    """Batched boxes and arrow lines of one layout, rebuilt after it changes."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._boxes: dict[tuple[str | None, str | None], list[QRectF]] | None = None
        self._box_ids: dict[tuple[str | None, str | None], list[str]] = {}  # the cards of _boxes, in step
        self._arrows: QPainterPath | None = None
        self._arrow_points: dict[str, list[QPointF]] = {}  # each link's corners, for a dimmed drawing
        self._card_boxes: dict[str, QRectF] = {}
        self._card_coords: dict[str, tuple[float, float, float, float]] = {}  # the same boxes: left, top, right, bottom
        # Kept per (scale, look, lit cards): the editor and the audience view may both be zoomed
        # out, in different looks, and would otherwise redraw each other's picture every frame.
        self._pictures: dict[tuple[float, str, frozenset[str] | None], QImage] = {}
        self._grid: _Grid | None = None  # made when tiles are first drawn
        # Tiles of the drawing at one scale, oldest first (see _paint_tiles).
        self._tiles: OrderedDict[tuple[float, str, int, int], QImage] = OrderedDict()
        self._tile_pixels = 0
        self.tiles_drawn = 0  # tiles drawn afresh (for tests)

    def invalidate(self) -> None:
        """Forget the batches (the layout changed)."""
        self._boxes = None
        self._arrows = None
        self._pictures = {}
        self._grid = None
        self._tiles.clear()
        self._tile_pixels = 0

    def _build(self) -> None:
        boxes: dict[tuple[str | None, str | None], list[QRectF]] = defaultdict(list)
        box_ids: dict[tuple[str | None, str | None], list[str]] = defaultdict(list)
        card_boxes: dict[str, QRectF] = {}
        for card in self.layout.cards.values():
            # The card's own box (its second primitive, after the shadow) is what it draws
            # itself when zoomed out; an emotion card has a marker instead and keeps its label box.
            body = card.shape.body_box()  # without drawing a card whose drawing waits (model/cardshape.py)
            if body is None:
                continue
            rect = QRectF(card.x + body.x, card.y + body.y, body.w, body.h)
            boxes[(body.fill, body.stroke)].append(rect)
            box_ids[(body.fill, body.stroke)].append(card.id)
            card_boxes[card.id] = rect
        arrow_points: dict[str, list[QPointF]] = {}
        for link_id, link in self.layout.links.items():
            points = [QPointF(float(c[-2]), float(c[-1])) for c in link.curve if len(c) >= 3]  # type: ignore[arg-type]
            if len(points) >= 2:
                arrow_points[link_id] = points
        self._boxes, self._box_ids, self._card_boxes = dict(boxes), dict(box_ids), card_boxes
        self._card_coords = {card_id: (r.left(), r.top(), r.right(), r.bottom()) for card_id, r in card_boxes.items()}
        self._arrow_points = arrow_points
        self._arrows = _polylines(arrow_points.values())

    def paint(self, painter: QPainter, theme: str, selected: Collection[str], lit: frozenset[str] | None = None,
              offsets: dict[str, QPointF] | None = None, areas: list[QRectF] | None = None) -> None:
        """Draw the arrows, then the cards' boxes, then the selection's outlines (moved by ``offsets``: a drag);
        all but ``lit`` dimmed. ``areas`` (scene rects): only these are being repainted."""
        if self._boxes is None or self._arrows is None:
            self._build()
        painter.save()
        transform = painter.worldTransform()
        scale = transform.m11()
        width, height = self.layout.width * scale, self.layout.height * scale
        if lit is None and transform.m12() == transform.m21() == 0 and scale == transform.m22() > 0:
            self._paint_tiles(painter, scale, theme, areas)
        elif 0 < width * height <= MAX_PICTURE_PIXELS:
            # Small enough to keep as a picture at this zoom: a pan then costs one blit
            # instead of re-stroking every arrow (30 ms at 5,000 cards).
            key = (round(scale, 6), theme, lit)
            picture = self._pictures.get(key)
            if picture is None:
                if len(self._pictures) >= 2:
                    self._pictures.pop(next(iter(self._pictures)))  # the oldest: a zoom left behind
                picture = self._pictures[key] = self._render_picture(scale, theme, lit)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # scaled to the board
            painter.drawImage(QRectF(0, 0, self.layout.width, self.layout.height), picture)
            painter.restore()
        else:
            self._draw(painter, theme, lit, areas)
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # square outlines: crisp, and ~3x faster
            painter.setPen(_cosmetic(SELECTION, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            boxes = self._card_boxes
            offsets = offsets or {}
            if areas and not offsets:
                # Only those a repainted area meets: a band's move over 1,000 cards repaints
                # strips, and each rect drawn costs its set-up under the clip though it draws nothing.
                pad = 2 / scale
                spans = [(a.left() - pad, a.top() - pad, a.right() + pad, a.bottom() + pad) for a in areas]
                coords = self._card_coords
                outlines = []
                for c in selected:
                    box = coords.get(c)
                    if box is not None:
                        x0, y0, x1, y1 = box
                        for left, top, right, bottom in spans:
                            if x0 <= right and x1 >= left and y0 <= bottom and y1 >= top:
                                outlines.append(boxes[c])
                                break
            else:
                outlines = [boxes[c].translated(offsets[c]) if c in offsets else boxes[c]
                            for c in selected if c in boxes]
                if areas:  # only those the repaint can meet
                    reach = QRectF(areas[0])
                    for area in areas[1:]:
                        reach |= area
                    reach.adjust(-2 / scale, -2 / scale, 2 / scale, 2 / scale)
                    outlines = [rect for rect in outlines if reach.intersects(rect)]
            painter.drawRects(outlines)
        painter.restore()

    def _paint_tiles(self, painter: QPainter, scale: float, theme: str, areas: list[QRectF] | None) -> None:
        """Blit the tiles of the drawing at this scale that the repaint meets, drawing the missing ones.

        A device cache of the drawing: a rubber band's move or a card's outline repaints a
        strip, a pan the part that came into view, and each was every box and arrow drawn
        under a clip (~20-30 ms at 5,000 cards). Tiles sit on a grid of the board at this
        scale, so a pan keeps them.
        """
        transform = painter.worldTransform()
        ox, oy = round(transform.dx()), round(transform.dy())  # the board's corner on the device
        device = painter.device()
        if areas is not None:
            wanted = [transform.mapRect(area) for area in areas]
        elif device is not None:
            wanted = [QRectF(0, 0, device.width(), device.height())]
        else:
            wanted = [transform.mapRect(QRectF(0, 0, self.layout.width, self.layout.height))]
        board_w, board_h = ceil(self.layout.width * scale), ceil(self.layout.height * scale)
        keys: set[tuple[int, int]] = set()
        for rect in wanted:
            left, top = max(0.0, rect.left() - ox), max(0.0, rect.top() - oy)
            right, bottom = min(float(board_w), rect.right() - ox), min(float(board_h), rect.bottom() - oy)
            if right <= left or bottom <= top:
                continue
            keys.update((i, j) for i in range(int(left // TILE), int(right // TILE) + 1)
                        for j in range(int(top // TILE), int(bottom // TILE) + 1))
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        level = round(scale, 6)
        for i, j in sorted(keys):
            key = (level, theme, i, j)
            tile = self._tiles.get(key)
            if tile is None:
                tile = self._render_tile(i, j, scale, theme, board_w, board_h)
                self._tiles[key] = tile
                self._tile_pixels += tile.width() * tile.height()
                while self._tile_pixels > MAX_TILE_PIXELS and len(self._tiles) > 1:
                    _, old = self._tiles.popitem(last=False)
                    self._tile_pixels -= old.width() * old.height()
            else:
                self._tiles.move_to_end(key)
            painter.drawImage(QPointF(ox + i * TILE, oy + j * TILE), tile)
        painter.setWorldTransform(transform)

    def _render_tile(self, i: int, j: int, scale: float, theme: str, board_w: int, board_h: int) -> QImage:
        assert self._boxes is not None
        width, height = max(1, min(TILE, board_w - i * TILE)), max(1, min(TILE, board_h - j * TILE))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        tile_painter = QPainter(image)
        tile_painter.translate(-i * TILE, -j * TILE)
        tile_painter.scale(scale, scale)
        area = QRectF(i * TILE / scale, j * TILE / scale, width / scale, height / scale)
        self._draw(tile_painter, theme, None, [area])
        tile_painter.end()
        self.tiles_drawn += 1
        return image

    def _render_picture(self, scale: float, theme: str, lit: frozenset[str] | None) -> QImage:
        image = QImage(max(1, ceil(self.layout.width * scale)), max(1, ceil(self.layout.height * scale)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        picture_painter = QPainter(image)
        picture_painter.scale(scale, scale)
        self._draw(picture_painter, theme, lit)
        picture_painter.end()
        return image

    def _draw(self, painter: QPainter, theme: str, lit: frozenset[str] | None = None,
              areas: list[QRectF] | None = None) -> None:
        assert self._boxes is not None and self._arrows is not None
        # Boxes a few pixels wide and hairlines: antialiasing would only blur them, at twice the cost.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        arrow = PROJECTION_ARROW if theme == PROJECTION else st.themed(st.ARROW, theme)
        painter.setPen(QPen(QColor(arrow), 0))  # cosmetic: one pixel at any zoom
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if lit is None and areas is not None:
            if self._grid is None:
                self._grid = _Grid(self._boxes, self._arrow_points)
            colours = {group: _colours(group[0], group[1], theme) for group in self._boxes}
            self._grid.draw(painter, areas, self._boxes, colours)
            return
        if lit is None:
            painter.drawPath(self._arrows)
        else:
            # As the items dim them: an arrow stays lit only between two lit cards.
            document = self.layout.document
            shown: list[list[QPointF]] = []
            dimmed: list[list[QPointF]] = []
            for link_id, points in self._arrow_points.items():
                link = document.link(link_id)
                (shown if link.source in lit and link.target in lit else dimmed).append(points)
            painter.setOpacity(DIMMED)
            painter.drawPath(_polylines(dimmed))
            painter.setOpacity(1.0)
            painter.drawPath(_polylines(shown))
        for group, rects in self._boxes.items():
            fill, stroke = _colours(group[0], group[1], theme)
            painter.setPen(QPen(QColor(stroke), 0) if stroke else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
            if lit is None:
                painter.drawRects(rects)
                continue
            ids = self._box_ids[group]
            painter.setOpacity(DIMMED)
            painter.drawRects([r for r, card_id in zip(rects, ids, strict=True) if card_id not in lit])
            painter.setOpacity(1.0)
            painter.drawRects([r for r, card_id in zip(rects, ids, strict=True) if card_id in lit])


def _polylines(lines: Iterable[list[QPointF]]) -> QPainterPath:
    """One path of straight segments through each line's points."""
    path = QPainterPath()
    for points in lines:
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
    return path


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
