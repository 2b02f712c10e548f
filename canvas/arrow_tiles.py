"""Tiles of the arrow layer's drawing around a view, so that a pan step blits its arrows (issue 9, point 4).

A pan step at 100% draws the strip that came into view. On a 5,000-card board ~500 arrows
cross such a strip (those between neighbouring lanes run down the gutters the whole height
of a lane), and stroking them (antialiased hairlines, one pixel row at a time) was ~5-6 ms
of a ~12 ms step. Qt's device cache of the layer holds the viewport only, so every strip
was stroked afresh, also one just scrolled out and back.

Here the layer's drawing is kept in tiles of TILE device pixels on a grid of the board at
the view's scale (a scroll moves the view by whole pixels, so the grid stays aligned). Once
the view has stood still a moment (BoardView), the tiles of the view and a ring round it
are drawn in idle time, a few at a time; a strip that lies in tiles then costs a few blits.
A strip reaching past them (a long fast pan) is drawn directly, as before. A tile is drawn
the way the layer draws its cache (its arrows stroked over transparency), so both give the
same pixels, and any change of an arrow drops the tiles its boxes meet (ArrowLayer calls
``forget`` with every box it asks to repaint, shown or not).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from itertools import product
from math import floor

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

TILE = 256  # device px: a tile's side (a wheel notch pans 162 px of a 1080-px view; the ring is a tile)
MAX_PENDING = 4096  # boxes of changes kept to be applied; past that every tile is dropped (see forget)
MAX_TILES = 100  # ~26 MB: a 1920x1080 view and its ring need ~88; a larger view keeps none (see wanted)
Group = tuple[float, bool, str, float]  # scale, projection look, theme, device pixel ratio
Draw = Callable[[QPainter, QRectF, bool, str], object]  # ArrowLayer.draw_area


class ArrowTiles:
    """The tiles of one arrow layer, at the scales and looks the views show it in, least recently used first."""

    def __init__(self, draw: Draw) -> None:
        self._draw = draw
        self._tiles: OrderedDict[tuple[Group, int, int], QImage] = OrderedDict()
        # Per group, the first and last column and row of its tiles (None: to be gathered); it may
        # reach past those dropped since.
        self._extents: dict[Group, tuple[int, int, int, int]] | None = None
        self._pending: list[tuple[float, float, float, float]] = []  # boxes of changes not yet applied (forget)
        self.drawn = 0  # tiles drawn (for tests)
        self.blits = 0  # repaints served from tiles (for tests)

    def __len__(self) -> int:
        self._drop_pending()
        return len(self._tiles)

    def clear(self) -> None:
        """Forget every tile."""
        self._tiles.clear()
        self._extents = None
        self._pending = []

    # ------------------------------------------------------------ keeping them true
    def forget(self, bounds: Iterable[tuple[float, float, float, float]]) -> None:
        """Drop the tiles that any box (x, y, w, h, scene px) meets: the arrows there changed.

        Noted here, done when the tiles are next used: a selection's change tells the arrow layer
        of each arrow apart (a band choosing 500 arrows, Select All every arrow). Past MAX_PENDING
        boxes every tile goes: so much changed that the view's are mostly gone anyway.
        """
        if not self._tiles:
            return
        pending = self._pending
        pending.extend(bounds)
        if len(pending) > MAX_PENDING:
            self.clear()

    def _drop_pending(self) -> None:
        pending, tiles = self._pending, self._tiles
        if not pending:
            return
        self._pending = []
        if not tiles:
            return
        extents = self._extents
        if extents is None:  # gathered again only after tiles were added
            extents = self._extents = {}
            for group, i, j in tiles:
                span = extents.get(group)
                extents[group] = (i, i, j, j) if span is None else \
                    (min(span[0], i), max(span[1], i), min(span[2], j), max(span[3], j))
        pad = 2.0 / TILE  # the pen and antialiasing: 2 device px, in tiles
        for group, (first_i, last_i, first_j, last_j) in extents.items():  # mostly one: the view's scale and look
            per_tile = group[0] / TILE
            # The tiles' reach on the board (scene px): most boxes of a change elsewhere end here.
            left, right = (first_i - pad) / per_tile, (last_i + 1 + pad) / per_tile
            top, bottom = (first_j - pad) / per_tile, (last_j + 1 + pad) / per_tile
            left_tiles = {(i, j) for g, i, j in tiles if g == group}
            for x, y, w, h in pending:
                if not left_tiles:
                    break
                if x > right or y > bottom or x + w < left or y + h < top:
                    continue
                i0, i1 = max(first_i, floor(x * per_tile - pad)), min(last_i, floor((x + w) * per_tile + pad))
                j0, j1 = max(first_j, floor(y * per_tile - pad)), min(last_j, floor((y + h) * per_tile + pad))
                if i0 > i1 or j0 > j1:
                    continue
                if (i1 - i0 + 1) * (j1 - j0 + 1) <= len(left_tiles):
                    doomed = [key for key in product(range(i0, i1 + 1), range(j0, j1 + 1)) if key in left_tiles]
                else:  # a long arrow's box: the tiles left are fewer than those it spans
                    doomed = [(i, j) for i, j in left_tiles if i0 <= i <= i1 and j0 <= j <= j1]
                for i, j in doomed:
                    left_tiles.discard((i, j))
                    del tiles[(group, i, j)]

    # ------------------------------------------------------------ painting from them
    def paint(self, painter: QPainter, exposed: QRectF, projection: bool, theme: str) -> bool:
        """Blit the tiles covering what ``painter`` is to draw of the layer (``exposed``: scene rect, empty: all);
        False, drawing nothing, if one of them is missing or the painter's transform does not fit the grid."""
        transform = painter.worldTransform()
        origin = _origin(transform)
        device = painter.device()
        if origin is None or device is None:
            return False
        # The device's pixels, in the painter's (logical) units: at 2x the cache pixmap is 2074 px wide for a
        # 1037 px view, and a tile drawn at 256 px was blown up to 512 (thick arrows, long dashes, in a strip).
        ratio = device.devicePixelRatioF()
        area = QRectF(0, 0, device.width() / ratio, device.height() / ratio)
        if not exposed.isEmpty():
            area &= transform.mapRect(exposed)
        if painter.hasClipping():
            area &= transform.mapRect(painter.clipBoundingRect())
        if area.isEmpty():
            return True
        ox, oy = origin
        group = _group(transform, projection, theme, ratio)
        self._drop_pending()
        keys = [(group, i, j) for i, j in _cover(area.left() - ox, area.top() - oy, area.right() - ox,
                                                  area.bottom() - oy)]
        tiles = self._tiles
        if not all(key in tiles for key in keys):
            return False
        painter.save()
        painter.resetTransform()
        # Copied, not blended: the layer paints alone into its cache pixmap, cleared before (and the
        # tiles do not overlap), so the pixels are those a blend over transparency gives.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        for key in keys:
            tiles.move_to_end(key)
            painter.drawImage(QPoint(ox + key[1] * TILE, oy + key[2] * TILE), tiles[key])
        painter.restore()
        self.blits += 1
        return True

    # ------------------------------------------------------------ drawing them ahead
    def wanted(self, transform: QTransform, width: int, height: int, board: QRectF) -> list[tuple[int, int]]:
        """The tiles a view of ``width`` x ``height`` px at ``transform`` shows and the ring round it,
        those nearest the view's middle first (none if they would not fit in MAX_TILES)."""
        origin = _origin(transform)
        if origin is None:
            return []
        ox, oy = origin
        scale = transform.m11()
        left, top = max(-ox - TILE, board.left() * scale), max(-oy - TILE, board.top() * scale)
        right = min(-ox + width + TILE, board.right() * scale)
        bottom = min(-oy + height + TILE, board.bottom() * scale)
        if right <= left or bottom <= top:
            return []
        keys = _cover(left, top, right, bottom)
        if len(keys) > MAX_TILES:
            return []
        mid_i, mid_j = (-ox + width / 2) / TILE, (-oy + height / 2) / TILE
        return sorted(keys, key=lambda k: abs(k[0] + 0.5 - mid_i) + abs(k[1] + 0.5 - mid_j))

    def draw_some(self, keys: list[tuple[int, int]], transform: QTransform, projection: bool, theme: str,
                  hints: QPainter.RenderHint, more: Callable[[], bool], ratio: float) -> bool:
        """Draw the missing tiles of ``keys`` (from ``wanted``) while ``more()`` allows, at the view's device pixel
        ``ratio``; whether all are there."""
        group = _group(transform, projection, theme, ratio)
        self._drop_pending()
        tiles = self._tiles
        for i, j in keys:
            key = (group, i, j)
            if key in tiles:
                tiles.move_to_end(key)
                continue
            if not more():
                return False
            tiles[key] = self._render(i, j, transform.m11(), projection, theme, hints, ratio)
            self._extents = None
            self.drawn += 1
            while len(tiles) > MAX_TILES:
                tiles.popitem(last=False)
        return True

    def _render(self, i: int, j: int, scale: float, projection: bool, theme: str,
                hints: QPainter.RenderHint, ratio: float) -> QImage:
        # TILE view pixels, each of ``ratio`` x ``ratio`` device pixels (the painter scales by the image's ratio).
        image = QImage(round(TILE * ratio), round(TILE * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHints(hints)
        painter.setWorldTransform(QTransform(scale, 0, 0, scale, -i * TILE, -j * TILE))
        pad = 2 / scale  # the layer's paint looks 2 px past its rect too
        self._draw(painter, QRectF(i * TILE / scale - pad, j * TILE / scale - pad,
                                   TILE / scale + 2 * pad, TILE / scale + 2 * pad), projection, theme)
        painter.end()
        return image


def _origin(transform: QTransform) -> tuple[int, int] | None:
    """Where the board's corner lies on the device, if ``transform`` only scales and moves it by whole pixels."""
    scale = transform.m11()
    if scale <= 0 or transform.m22() != scale or transform.m12() != 0 or transform.m21() != 0 \
            or transform.m13() != 0 or transform.m23() != 0 or transform.m33() != 1:
        return None
    ox, oy = round(transform.dx()), round(transform.dy())
    if abs(transform.dx() - ox) > 1e-6 or abs(transform.dy() - oy) > 1e-6:
        return None
    return ox, oy


def _cover(left: float, top: float, right: float, bottom: float) -> list[tuple[int, int]]:
    """The tiles meeting a rect of the board's device pixels (right and bottom edges excluded)."""
    return [(i, j) for i in range(floor(left / TILE), floor((right - 1e-6) / TILE) + 1)
            for j in range(floor(top / TILE), floor((bottom - 1e-6) / TILE) + 1)]


def _group(transform: QTransform, projection: bool, theme: str, ratio: float) -> Group:
    """The tiles' group for a view's scale, look and device pixel ratio: the one key both drawing tiles
    (``draw_some``) and painting from them (``paint``) use."""
    return round(transform.m11(), 6), projection, theme, round(ratio, 3)
