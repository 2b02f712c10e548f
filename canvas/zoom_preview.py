"""A zoom step shown at once from the last frame, then drawn sharp in slices (issue 9, point 4).

Drawing every card and arrow on screen afresh at a new scale costs ~40 ms at 100% (each
card's cached pixmap is per scale), more than a frame, and a turning wheel asks for it on
every notch. As map viewers do, the zoom frame shows the picture that was on screen scaled
to the new zoom (one image draw), and the view is drawn exactly again in tiles, nearest
the pointer first, a few tiles per turn of the event loop: no turn blocks input for more
than a frame, and a wheel still turning is served before the tiles. Tiles start after a
short pause (a wheel turning fast would throw their work away); the whole view is sharp
about a tenth of a second after the last notch.

``stale`` is the part of the viewport still showing the scaled picture; everything
outside it is drawn exactly by QGraphicsView (BoardView.paintEvent splits each paint).
The snapshot is placed by the scene rect it showed, so a scroll during the refinement
keeps it where it belongs.

The arrow layer keeps a viewport-sized pixmap per scale, which Qt draws whole at the first
paint after a zoom (~8 ms at 100%, more with many arrows): while the tiles are drawn it is
uncached (each tile draws its own arrows), and once they are all drawn its pixmap is made
in a slice of its own and the tiles are blitted again from it ("polish"), so the screen
ends exactly as a fresh repaint draws it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QTimer
from PySide6.QtGui import QImage, QPainter, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsView

TILE = 256  # device px: a tile's side
DELAY_MS = 30  # pause after a zoom step before the sharp drawing starts
SLICE_MS = 8.0  # what a turn of the event loop should spend drawing tiles (half a frame)
# The first slice draws one tile: it also draws the arrow layer's cache afresh for the whole
# viewport (Qt renders a big item's device cache whole after a scale change). The next
# slices are sized by what tiles cost lately (judge_slice).
FIRST_SLICE_TILES = 1
MAX_TILES_PER_SLICE = 12  # never more than this many in one turn, however cheap they were
# A tile's cost is judged by the dearest tile lately, fading by this much a slice: tiles
# differ up to ~5x (an empty gutter vs a crowded cell), and judged by the last one alone,
# a cheap tile made the next slice take three dear ones (20-45 ms at 5,000 cards).
ESTIMATE_FADE = 0.7


class ZoomPreview:
    """The scaled last frame a view shows while it draws itself sharp at a new zoom."""

    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self.snapshot: QImage | None = None
        self.snapshot_rect = QRectF()  # the scene rect the snapshot shows
        self.stale = QRegion()  # viewport px still showing the snapshot
        self.transform = QTransform()  # the view's transform the refinement draws at
        self.anchor = QPointF()  # tiles nearest it are drawn first (the pointer, or the centre)
        self._timer = QTimer(view)  # goes with the view
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refine)
        self._per_tile_ms = 0.0  # what a tile is judged to cost (0: not known yet)
        self.polish = QRegion()  # drawn again once the arrow layer's pixmap is back
        self._uncached: QGraphicsItem | None = None  # the arrow layer, while uncached here
        # For tests and the benchmark: slices drawn since the last zoom step, and tiles per slice.
        self.slices: list[int] = []
        self.slice_ms: list[float] = []

    @property
    def active(self) -> bool:
        """Whether part of the view still shows the scaled picture."""
        return self.snapshot is not None

    @property
    def busy(self) -> bool:
        """Whether the view is still being drawn sharp (the scaled picture, or the polish after it)."""
        return self.snapshot is not None or not self.polish.isEmpty()

    # ------------------------------------------------------------ a zoom step
    def before_step(self) -> bool:
        """Keep the picture on screen (call before the transform changes); whether a preview can be shown."""
        view = self.view
        viewport = view.viewport()
        if not viewport.isVisible() or viewport.rect().isEmpty():
            self.stop()
            return False
        if self.active and self.stale.contains(viewport.rect()) and self.transform == view.transform():
            # Nothing was drawn sharp since the last step: the snapshot kept is the best picture
            # (taking the screen again would scale an already scaled picture).
            return True
        image = shown_picture(viewport)
        if image is None:
            self.stop()
            return False
        self.snapshot = image
        inverse, _ = view.viewportTransform().inverted()
        self.snapshot_rect = inverse.mapRect(QRectF(viewport.rect()))
        return True

    def after_step(self, anchor: QPointF) -> None:
        """The transform has changed: all the viewport shows the snapshot until drawn again."""
        viewport = self.view.viewport()
        self.stale = QRegion(viewport.rect())
        self.transform = self.view.transform()
        self.anchor = anchor
        self.slices, self.slice_ms = [], []
        self._per_tile_ms = 0.0
        self.polish = QRegion()
        viewport.update()
        self._timer.start(DELAY_MS)

    def stop(self) -> None:
        """Forget the snapshot (the view is drawn exactly from now on)."""
        self._timer.stop()
        self.snapshot = None
        self.stale = QRegion()
        self.polish = QRegion()
        self._cache_arrows(True)

    def _cache_arrows(self, cached: bool) -> None:
        layer = getattr(self.view.scene(), "arrows", None)
        if not cached:
            if layer is not None and layer.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache:
                layer.setCacheMode(QGraphicsItem.CacheMode.NoCache)
                self._uncached = layer
        elif self._uncached is not None:
            if self._uncached is layer and getattr(layer.scene(), "cached", True):
                layer.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self._uncached = None

    def valid_for(self, transform: QTransform, size: QRect) -> bool:
        """Whether the refinement still matches the view (no other zoom, fit or resize since)."""
        return transform == self.transform and QRegion(size).contains(self.stale.boundingRect())

    def resized(self) -> None:
        """The viewport changed size: it all shows the snapshot (placed by the board) until drawn again."""
        if self.active:
            self.stale = QRegion(self.view.viewport().rect())
            self.view.viewport().update()
        else:
            self.polish = QRegion()

    def scrolled(self, dx: int, dy: int) -> None:
        """The viewport's pixels moved (a scroll): so did the part still showing the snapshot."""
        if self.active:
            self.stale.translate(dx, dy)
        self.polish.translate(dx, dy)

    # ------------------------------------------------------------ drawing
    def paint(self, painter: QPainter, region: QRegion, background: object) -> None:
        """Draw the scaled snapshot over ``region`` (viewport px) on the canvas colour."""
        assert self.snapshot is not None
        painter.setClipRegion(region)
        target = self.view.viewportTransform().mapRect(self.snapshot_rect)
        uncovered = region - QRegion(target.toAlignedRect().adjusted(1, 1, -1, -1))
        if not uncovered.isEmpty():  # zoomed out: the snapshot does not reach the edges
            painter.fillRect(uncovered.boundingRect(), background)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.snapshot, QRectF(self.snapshot.rect()))

    def _refine(self) -> None:
        """Draw the next tiles sharp, nearest the anchor first; come back on the next turn for the rest."""
        if self.active:
            if not self.slices:
                self._cache_arrows(False)
            self._slice(self.stale)
            if self.stale.isEmpty():
                # All sharp: the arrow layer's pixmap is made again (the first polish slice,
                # one tile) and every tile blitted again from it.
                self.snapshot = None
                self._cache_arrows(True)
                self.polish = QRegion(self.view.viewport().rect())
                self._per_tile_ms = 0.0
        elif not self.polish.isEmpty():
            self.polish -= self._slice(self.polish)
        if self.busy:
            self._timer.start(0)

    def _slice(self, todo: QRegion) -> QRegion:
        """Repaint the next tiles of ``todo``, as many as a slice should take; the region repainted."""
        # One repaint of several tiles: each paint has a fixed cost (the background, the
        # scene's index, the flush), so tiles one by one took ~4x the time of one full frame.
        # How many fit in a slice is judged from what the last slices' tiles cost (judge_slice).
        tiles = self._tiles(todo)[:self.tiles_per_slice()]
        if not tiles:
            # What is left lies outside the viewport (a drag scrolled it away mid-refinement): nothing to draw,
            # and judging a slice of no tiles divided by zero.
            if todo is self.stale:
                self.stale = QRegion()
            return QRegion(todo)
        region = QRegion()
        for tile in tiles:
            region |= QRegion(tile)
        start = time.perf_counter()
        if todo is self.stale:
            self.stale -= region  # before the repaint: drawn exactly, not from the snapshot
        self.view.viewport().repaint(region)
        spent = (time.perf_counter() - start) * 1000
        self.judge_slice(spent, len(tiles))
        self.slices.append(len(tiles))
        self.slice_ms.append(spent)
        return region

    def tiles_per_slice(self) -> int:
        """How many tiles the next slice draws: as many as SLICE_MS holds at what a tile is judged to cost."""
        if self._per_tile_ms <= 0:
            return FIRST_SLICE_TILES
        return max(1, min(MAX_TILES_PER_SLICE, int(SLICE_MS / self._per_tile_ms)))

    def judge_slice(self, spent_ms: float, tiles: int) -> None:
        """Note what a slice of ``tiles`` tiles cost: the dearest tile lately, fading (ESTIMATE_FADE)."""
        self._per_tile_ms = max(spent_ms / tiles, self._per_tile_ms * ESTIMATE_FADE)

    def _tiles(self, stale: QRegion) -> list[QRect]:
        """The tiles of a grid over the viewport that meet ``stale``, nearest the anchor first."""
        rect = self.view.viewport().rect()
        tiles = []
        for x in range(0, rect.width(), TILE):
            for y in range(0, rect.height(), TILE):
                tile = QRect(x, y, min(TILE, rect.width() - x), min(TILE, rect.height() - y))
                if stale.intersects(tile):
                    tiles.append(tile)
        ax, ay = self.anchor.x(), self.anchor.y()
        tiles.sort(key=lambda t: (t.center().x() - ax) ** 2 + (t.center().y() - ay) ** 2)
        return tiles


def shown_picture(viewport: QWidget) -> QImage | None:
    """What the viewport shows now: its part of the window's backing store, or drawn again."""
    backing = viewport.backingStore()
    device = backing.paintDevice() if backing is not None else None
    # A child widget over the viewport (none in the editor today) would be in the backing
    # store's pixels and be scaled with the board: draw the viewport alone instead.
    covered = any(child.isVisible() for child in viewport.findChildren(QWidget))
    if isinstance(device, QImage) and not device.isNull() and not covered:
        ratio = device.devicePixelRatio()
        origin = viewport.mapTo(viewport.window(), QPoint(0, 0))
        rect = QRect(round(origin.x() * ratio), round(origin.y() * ratio),
                     round(viewport.width() * ratio), round(viewport.height() * ratio))
        if QRect(QPoint(0, 0), device.size()).contains(rect):
            image = device.copy(rect)
            image.setDevicePixelRatio(ratio)
            return image
    picture = viewport.grab()
    return picture.toImage() if not picture.isNull() else None
