"""The board view: zoom with Ctrl+wheel and keys, pan with wheel, scrollbars or space-drag."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRegion,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from canvas.arrow_tiles import ArrowTiles
from canvas.band import Box, CardGrid, contains
from canvas.edge_scroll import EdgeScroller
from canvas.items import (
    CARD_REACH_BOTTOM,
    CARD_REACH_TOP,
    CARD_REACH_X,
    TEXT_LOD,
    CardItem,
    HeaderItem,
    LinkItem,
    is_projection,
    shown_area,
    theme_of,
)
from canvas.pinned_headers import Tag, paint_tags, pinned_tags, tags_region
from canvas.translate import tr
from canvas.zoom_preview import ZoomPreview

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25
BAND_FILL = QColor(37, 99, 235, 36)  # model.style.SELECTION, faint: the board shows through
BAND_EDGE = QColor(37, 99, 235, 200)
# After a scroll, the hover under a resting pointer is brought up to date once the board has
# stood still this long (see scrollContentsBy), not on every step of a turning wheel.
HOVER_AFTER_SCROLL_MS = 60
INDEX_SLICE_S = 0.008  # what a turn of the event loop spends putting waiting arrows in the layer's grid (half a frame)
INDEX_CHUNK = 50
# The arrow layer's tiles round the view (canvas/arrow_tiles.py) are drawn once the view has stood
# still this long, in slices of TILES_SLICE_S per turn of the event loop (a tile takes ~1-3 ms).
TILES_AFTER_MS = 40
TILES_SLICE_S = 0.004


class _Band:
    """A rubber band being dragged: where it started and what it has chosen so far."""

    def __init__(self, view: BoardView, press: QPoint, extend: bool) -> None:
        scene = view.scene()
        self.press = press
        self.start = view.mapToScene(press)  # a scroll during the band keeps this corner on the board
        self.rect = QRect()  # viewport px, empty until the pointer has moved far enough
        self.box: Box = (0.0, 0.0, -1.0, -1.0)  # the band on the board (left, top, right, bottom)
        self.grid = CardGrid(scene.layout)  # type: ignore[attr-defined]
        # With Ctrl the band adds to what was chosen before; those stay chosen whatever the band does.
        before = scene.selectedItems() if extend else []
        self.base = {id(item) for item in before}
        self.cards: set[str] = set()  # the cards the band meets (those in base stay chosen either way)
        self.links: set[str] = set()  # the arrows it encloses
        self.headers: set[HeaderItem] = set()
        self.between: dict[str, LinkItem] = {}  # the arrows both of whose cards the band meets
        # Zoomed out no arrow is drawn, chosen or not (the overview draws them all plain): the
        # arrows are then chosen once, on release or at the first move zoomed in (see _choose).
        self.links_due = False
        self.changed = False


def own_viewport(view: QGraphicsView) -> None:
    """Give ``view`` a viewport made in Python, as QGraphicsView's constructor makes its own (a new QWidget
    taking input method events).

    For a widget that Qt made, PySide6's first ``viewport()`` call looks for the widget's Python
    class by setting up every QWidget subclass of Qt Widgets (dialogs, sliders, calendars…) with
    their enums, ~30 M instructions of the start to the first paint; a widget made here has its
    Python object already.
    """
    viewport = QWidget()
    viewport.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    view.setViewport(viewport)


class BoardView(QGraphicsView):
    """A QGraphicsView with the zoom and pan gestures designers expect."""

    zoom_changed = Signal(float)
    # A right-click (or the menu key) at this viewport point: the editor shows what can be done there.
    menu_requested = Signal(QPoint)
    # A zoom step shows the last frame scaled, then draws itself sharp in slices
    # (canvas/zoom_preview.py). Off for a view that draws things pinned to its viewport
    # over the board (the presentation's caption): they would be scaled with it.
    PREVIEW_ZOOM = True
    # Lane and stage names pinned to the edges while their headers are scrolled away (canvas/pinned_headers.py);
    # off for a view with its own (the presentation's rail and caption).
    PINNED_HEADERS = True

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        own_viewport(self)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self._match_blits_to_screen()
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Board"))
        self._space_down = False
        self._space_dragged = False
        self.follows_focus = True  # scrolls to keep the keyboard focus in sight
        self._fitted: QSize | None = None  # the view's size at Fit board (Ctrl+0), until the zoom changes
        # Fitted again once a resize has settled, not at each of a window drag's resize events (each new scale
        # drops the cards' caches: 68 ms a step at 2,000 cards, against 11 at a kept zoom).
        self._fit_again = QTimer(self)
        self._fit_again.setSingleShot(True)
        self._fit_again.setInterval(40)
        self._fit_again.timeout.connect(lambda: self._fitted is not None and self.zoom_fit())
        self._held: tuple[QPointF, QPoint] | None = None  # a board point kept at a viewport point (zoom_keeping)
        self.zoom_preview = ZoomPreview(self)
        self._band: _Band | None = None
        self.edge_scroller = EdgeScroller(self, self._dragging)  # a drag held at the edge scrolls the view
        self._pressed_at = QPoint()
        self._exposed: QRegion | None = None  # the region a paintEvent is repainting (see drawForeground)
        self._tags: list[Tag] = []  # the pinned header tags last drawn
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_AFTER_SCROLL_MS)
        self._hover_timer.timeout.connect(self._replay_hover)
        self._index_timer = QTimer(self)
        self._index_timer.setSingleShot(True)
        self._index_timer.timeout.connect(self._index_arrows)
        self._tiles_timer = QTimer(self)
        self._tiles_timer.setSingleShot(True)
        self._tiles_timer.timeout.connect(self._draw_tiles)

    # Files dragged from the file manager are the window's to open (app/file_drops.py): ignored here, Qt hands
    # them on to it. QGraphicsView took every drag for its scene, whose items take none but a card being typed
    # (text dragged into it, kept).
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.ignore()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event.mimeData()):
            event.ignore()
        else:
            super().dragMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        preview = self.zoom_preview
        if preview.active:
            if not preview.valid_for(self.transform(), self.viewport().rect()):
                preview.stop()  # zoomed, fitted or resized another way since: drawn exactly
            else:
                region = event.region()
                old = region & preview.stale
                if not old.isEmpty():
                    painter = QPainter(self.viewport())
                    preview.paint(painter, old, self._background_brush())
                    painter.end()
                region -= preview.stale
                if region.isEmpty():
                    self._paint_band(event.region())
                    return
                event = QPaintEvent(region)
        # Items drawing into their cache pixmaps are given no widget by Qt: the scene says
        # which view is painting, so that the audience view's caches get its look.
        scene = self.scene()
        previous = getattr(scene, "painting_view", None)
        if scene is not None:
            scene.painting_view = self  # type: ignore[attr-defined]
            self.make_shown_items()
        self._exposed = event.region()
        try:
            super().paintEvent(event)
        finally:
            self._exposed = None
            if scene is not None:
                scene.painting_view = previous  # type: ignore[attr-defined]
        self._paint_pinned(event.region())
        self._paint_band(event.region())
        arrows = getattr(scene, "arrows", None)
        if arrows is not None and arrows.waiting and not self._index_timer.isActive():
            self._index_timer.start(0)
        if arrows is not None:
            if arrows.tiles is None:
                arrows.tiles = ArrowTiles(arrows.draw_area)
            self._tiles_timer.start(TILES_AFTER_MS)  # (again): once the view stands still

    @property
    def tiles_due(self) -> bool:
        """Whether the arrow layer's tiles round the view are still to be drawn (see _draw_tiles)."""
        return self._tiles_timer.isActive()

    def _draw_tiles(self) -> None:
        """Draw the arrow layer's missing tiles round the view, a slice per turn of the event loop.

        A pan step then blits the arrows of the strip that comes into view instead of stroking
        them (~500 at 5,000 cards; see canvas/arrow_tiles.py). Not while the layer rests (zoomed
        out, the overview draws the arrows) or has no device cache (a second view is open).
        """
        scene = self.scene()
        arrows = getattr(scene, "arrows", None)
        tiles = getattr(arrows, "tiles", None)
        if arrows is None or tiles is None or arrows.resting or self._band is not None or self.zoom_preview.active \
                or arrows.cacheMode() != QGraphicsItem.CacheMode.DeviceCoordinateCache:
            return
        projection = is_projection(self.viewport(), arrows)
        theme = "light" if projection else theme_of(arrows)
        transform = self.viewportTransform()
        viewport = self.viewport().rect()
        keys = tiles.wanted(transform, viewport.width(), viewport.height(), arrows.boundingRect())
        deadline = time.perf_counter() + TILES_SLICE_S
        if not tiles.draw_some(keys, transform, projection, theme, self.renderHints(),
                               lambda: time.perf_counter() < deadline, self.viewport().devicePixelRatioF()):
            self._tiles_timer.start(0)

    def _index_arrows(self) -> None:
        """Put the arrows still waiting in the arrow layer's grid, a slice per turn of the event loop.

        Until an arrow is in the grid, every paint of the layer looks at it to learn whether it
        crosses the repainted rect (canvas/arrows.py, arrows_in): at 5,000 cards ~5,000 arrows,
        ~5 ms of every pan step. The editor indexes them after its first paint (app/editor.py);
        a view does it too, so that any view of a board (the presentation's, a bare one) pans
        without that walk.
        """
        arrows = getattr(self.scene(), "arrows", None)
        if arrows is None:
            return
        deadline = time.perf_counter() + INDEX_SLICE_S
        while arrows.index_some(INDEX_CHUNK):
            if time.perf_counter() >= deadline:
                self._index_timer.start(0)
                return

    def _background_brush(self):
        brush = self.backgroundBrush()
        scene = self.scene()
        if brush.style() == Qt.BrushStyle.NoBrush and scene is not None:
            brush = scene.backgroundBrush()
        return brush

    def _paint_pinned(self, region: QRegion) -> None:
        """The pinned header tags over what was just painted; where they moved or changed (a scroll, a lane
        that grew, a rename), their old and new places are painted again."""
        if not self.PINNED_HEADERS:
            return
        tags = pinned_tags(self, TEXT_LOD)
        covered = tags_region(tags)
        if tags != self._tags:
            stale = (tags_region(self._tags) | covered) - region
            self._tags = tags
            if not stale.isEmpty():
                self.viewport().update(stale)
        if tags and region.intersects(covered):
            painter = QPainter(self.viewport())
            painter.setClipRegion(region)
            paint_tags(painter, tags, getattr(self.scene(), "theme", "light"))
            painter.end()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        if self._tags:  # Qt moves the pixels, tags too: theirs are painted again where they were and went
            drawn = tags_region(self._tags)
            self.viewport().update(drawn | drawn.translated(dx, dy))
        self.zoom_preview.scrolled(dx, dy)
        # Qt replays the last mouse move after every scroll step, so that the hover follows the
        # board under a resting pointer: at each wheel notch a card gained and another lost its
        # hover look, and both were drawn afresh (their cached pixmaps hold it) and repainted
        # apart from the strip that came into view (~5 ms of a pan step at 5,000 cards). As
        # browsers do, the hover is brought up to date once the board stands still. With a
        # button held (a drag, a band) the replay stays at once: what is held follows the board.
        if self.isInteractive() and QApplication.mouseButtons() == Qt.MouseButton.NoButton and self._band is None:
            self.setInteractive(False)  # Qt replays only for an interactive view
            try:
                super().scrollContentsBy(dx, dy)
            finally:
                self.setInteractive(True)
            self._hover_timer.start()
        else:
            super().scrollContentsBy(dx, dy)

    def _replay_hover(self) -> None:
        """Qt's replay of the last mouse move, held back after scrolling (see scrollContentsBy)."""
        if self.isInteractive():
            super().scrollContentsBy(0, 0)  # scrolls nothing (QWidget.scroll ignores 0, 0); replays the move

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.zoom_preview.resized()  # a scrollbar that came or went with a zoom step, a window resized
        if self._fitted is not None and self._fitted != self.size():
            # The whole board stays in sight, as it was fitted: the window made smaller (a panel opened, the
            # projector's screen) kept the fit's zoom, the board cut at both sides and the lane names pinned
            # over its first stage. Only the view's own size: its viewport's changes as scrollbars come and go
            # (the board grown by a card typed), and fitting again then would zoom out under the typing.
            self._fit_again.start()

    def make_shown_items(self) -> None:
        """Have a lazy scene (canvas/scene.py) make the items of what this view is about to show.

        Zoomed out past TEXT_LOD the items paint nothing (the scene's overview draws the board
        from the layout), so none are needed to paint: a board opened zoomed out does not wait
        for all of its items (a click there makes them, BoardScene.mousePressEvent).
        """
        scene = self.scene()
        # Also while arrows wait to be routed (a lane moved under them): build_area routes those it shows.
        if getattr(scene, "needs_building", False) and self.zoom >= TEXT_LOD:
            scene.build_area(self.shown_area())  # type: ignore[attr-defined]

    def shown_area(self) -> QRectF:
        """The scene rect the viewport shows (a few pixels more: antialiasing at its edges)."""
        return shown_area(self)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Ask for the board's menu (app/board_menu.py) instead of offering the event to the items."""
        self.menu_requested.emit(event.pos())
        event.accept()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        # Decided per frame from the painter's scale (render() and printing scale too):
        # zoomed out past readable text, the scene's items stop painting and
        # drawForeground draws the batched overview (canvas/overview.py).
        want_overview = getattr(self.scene(), "want_overview", None)
        if want_overview is not None:
            scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
            want_overview(self, scale < TEXT_LOD)
        super().drawBackground(painter, rect)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        paint_overview = getattr(self.scene(), "paint_overview", None)
        if paint_overview is not None:
            # The audience view (projection_look) draws the overview in the projection look too.
            # Only the rects being repainted are drawn (a rubber band's strips, a card's outline).
            exposed = self._exposed
            areas = None
            if exposed is not None:
                areas = [self.mapToScene(r).boundingRect() for r in exposed]  # type: ignore[attr-defined]
            paint_overview(painter, bool(getattr(self, "projection_look", False)), areas)
        super().drawForeground(painter, rect)

    @property
    def zoom(self) -> float:
        """The current scale (1.0 is 100%)."""
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        """Scale to ``zoom`` (clamped), keeping the point under the anchor still."""
        self._fitted = None
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        factor = zoom / self.zoom
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
            if self._held is not None:  # scrolled back under it before a zoom preview starts (zoom_keeping)
                point, at = self._held
                moved = self.mapFromScene(point) - at
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())
            self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        """One step closer."""
        self.zoom_step(ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step farther."""
        self.zoom_step(1 / ZOOM_STEP)

    def zoom_step(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` as one step of a wheel or a key: shown at once, drawn sharp just after.

        ``anchor`` (viewport px, the pointer of a wheel) is where the sharp drawing starts.
        """
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        if abs(zoom / self.zoom - 1) <= 1e-9:
            return
        scene = self.scene()
        # Zoomed out past readable text the board is one batched drawing (canvas/overview.py)
        # kept in tiles, not items with pixmaps per scale: a step within it is drawn whole.
        within_overview = bool(getattr(scene, "overview_active", False)) and zoom < TEXT_LOD
        previewing = self.PREVIEW_ZOOM and not within_overview and self.zoom_preview.before_step()
        self.set_zoom(zoom)
        if previewing:
            if anchor is None:  # sharp first where the keyboard works (zoom_keeping), else in the middle
                anchor = QPointF(self._held[1] if self._held is not None else self.viewport().rect().center())
            self.zoom_preview.after_step(anchor)

    def zoom_actual(self) -> None:
        """100%."""
        self.set_zoom(1.0)

    def zoom_keeping(self, zoom: Callable[[], None], place: QRectF | None) -> None:
        """Zoom by ``zoom`` (a key's or a menu's step) holding ``place`` (board px: the card being typed, the
        keyboard's focus) still in the view, when it is in sight.

        A zoom is anchored under the pointer, or at the view's middle with the pointer off the board: a card
        typed near the view's corner went out of sight at the second Ctrl+=, the letters typed next into a
        card nobody could see. The wheel's zoom stays the pointer's.
        """
        at = self.mapFromScene(place.center()) if place is not None else None
        if place is None or at is None or not self.viewport().rect().contains(at):
            zoom()  # nothing to hold, or scrolled away from it: the zoom is the view's own
            return
        # Held by set_zoom, between the scale and the zoom preview's start: scrolled after the preview had
        # started, the view showed the board without its cards for a moment.
        self._held = (place.center(), at)
        try:
            zoom()
        finally:
            self._held = None

    def zoom_fit(self) -> None:
        """Show the whole board."""
        rect: QRectF = self.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-16, -16, 16, 16), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > MAX_ZOOM or self.zoom < MIN_ZOOM:
            self.set_zoom(self.zoom)
        self._fitted = self.size()
        self.zoom_changed.emit(self.zoom)

    def show_board_start(self) -> None:
        """The opening view: the whole board if it fits at 100% or less, from its top-left corner."""
        rect: QRectF = self.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return
        fit = min(viewport.width() / (rect.width() + 32), viewport.height() / (rect.height() + 32))
        self.set_zoom(min(1.0, max(fit, 0.5)))
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def show_position(self, centre: QPointF, zoom: float) -> None:
        """Look at the scene point ``centre`` at ``zoom`` (a remembered view position)."""
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.set_zoom(zoom)
        self.setTransformationAnchor(anchor)
        self.centerOn(centre)

    # ------------------------------------------------------------ rubber band (canvas/band.py)
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position().toPoint()  # a drag is one only past the drag distance from here
        scene = self.scene()
        if self.dragMode() != QGraphicsView.DragMode.RubberBandDrag or not self.isInteractive() or scene is None:
            super().mousePressEvent(event)
            return
        # The press goes to the scene as always (an item may take it; an empty press clears
        # the selection unless Ctrl is held), but Qt's own band is never started (it would be
        # for any button): ours is, for the left one.
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        try:
            super().mousePressEvent(event)
        finally:
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        if event.button() == Qt.MouseButton.LeftButton and not event.isAccepted() \
                and scene.mouseGrabberItem() is None and hasattr(scene, "layout"):
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self._band = _Band(self, event.position().toPoint(), extend)
            event.accept()  # the band's: not handed on to the window round the view

    def _dragging(self) -> bool:
        """Whether a card or a connection's line is held, or a band drawn (what EdgeScroller scrolls along)."""
        scene = self.scene()
        return self._band is not None or (scene is not None and (scene.mouseGrabberItem() is not None
                                                                 or getattr(scene, "tool", None) is not None))

    def _dragged_at(self, at: QPoint) -> bool:
        """Whether the pointer held since the last press has gone past the drag distance: a slow click on a card
        by the edge scrolled the board and the synthetic moves then dragged the card into the next stage."""
        return (at - self._pressed_at).manhattanLength() >= QApplication.startDragDistance()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._space_down and event.buttons():
            self._space_dragged = True
        at = event.position().toPoint()
        if event.buttons() & Qt.MouseButton.LeftButton and not self._space_down and self._dragging() \
                and (self.edge_scroller.scrolling or self._dragged_at(at)):
            self.edge_scroller.follow(at, event.modifiers())
        else:
            self.edge_scroller.stop()
        if self._band is not None:
            if event.buttons() & Qt.MouseButton.LeftButton:
                self._move_band(event.position().toPoint())
            else:
                self._finish_band()  # the release was lost (it happened outside the window)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.edge_scroller.stop()
        ends_band = self._band is not None and event.button() == Qt.MouseButton.LeftButton
        if ends_band:
            self._finish_band()
        super().mouseReleaseEvent(event)
        if ends_band:
            event.accept()  # the band's, as its press

    @property
    def band_rect(self) -> QRect:
        """The rubber band being dragged (viewport px; empty when there is none)."""
        return QRect(self._band.rect) if self._band is not None else QRect()

    def _move_band(self, pos: QPoint) -> None:
        band = self._band
        assert band is not None
        if band.rect.isNull() and (pos - band.press).manhattanLength() < QApplication.startDragDistance():
            return
        corner = self.mapFromScene(band.start)
        old, band.rect = band.rect, QRect(min(corner.x(), pos.x()), min(corner.y(), pos.y()),
                                         abs(corner.x() - pos.x()) + 1, abs(corner.y() - pos.y()) + 1)
        area = self.mapToScene(band.rect).boundingRect()
        box = (area.left(), area.top(), area.right(), area.bottom())
        old_box, band.box = band.box, box
        changed = self._choose(band, box, old_box)
        # Repainted: what the band newly covers or uncovers, its old and new edges, and the
        # items whose choice changed (their outlines reach past the band's edges).
        region = QRegion(old) ^ QRegion(band.rect)
        for rect in (old, band.rect):
            if not rect.isNull():
                region |= QRegion(rect.adjusted(-1, -1, 1, 1)) - QRegion(rect.adjusted(3, 3, -3, -3))
        # Most changed items lie inside the strips, and each rect added makes the repaint's
        # clip region more complex (clipping to hundreds of rects costs more than the drawing).
        # Both boxes share the press corner: an item inside one of them that does not meet
        # their overlap lies in the strips.
        margin = 4 / max(self.zoom, 1e-6)  # its outline, in scene px
        overlap = (max(box[0], old_box[0]), max(box[1], old_box[1]), min(box[2], old_box[2]), min(box[3], old_box[3]))
        # Written out flat (a move of the band's corner changes ~400 cards at 5,000: a call or two
        # per card was ~1.5 ms of the move).
        n0, n1, n2, n3 = box
        w0, w1, w2, w3 = old_box
        v0, v1, v2, v3 = overlap
        overlapping = v0 <= v2 and v1 <= v3
        for item in changed:
            if type(item) is CardItem:
                g = item.geometry  # where the item is: a band never runs during a drag
                left, top = g.x - CARD_REACH_X, g.y - CARD_REACH_TOP
                right, bottom = g.x + g.w + CARD_REACH_X, g.y + g.h + CARD_REACH_BOTTOM
            else:
                left, top, right, bottom = _scene_box(item)
            r0, r1, r2, r3 = left - margin, top - margin, right + margin, bottom + margin
            inside = (n0 <= r0 and n1 <= r1 and r2 <= n2 and r3 <= n3) \
                or (w0 <= r0 and w1 <= r1 and r2 <= w2 and r3 <= w3)
            if inside and not (overlapping and not (r2 < v0 or r0 > v2 or r3 < v1 or r1 > v3)):
                continue
            r = QRectF(left, top, right - left, bottom - top)
            outline = QRegion(self.mapFromScene(r).boundingRect().adjusted(-3, -3, 3, 3))
            if not (outline - region).isEmpty():
                region |= outline
        self.viewport().update(region)

    def _choose(self, band: _Band, box: Box, before: Box, *,
                final: bool = False) -> list[CardItem | LinkItem | HeaderItem]:
        """Select what the band now chooses and deselect what it no longer does; the items changed.

        ``final``: the band is being released (the arrows put off while zoomed out are chosen now).
        """
        scene = self.scene()
        # Only the cards under the strips between the band's last box and this one can change.
        cards = band.grid.rechoose(band.cards, box, before) if before[0] <= before[2] else band.grid.cards_meeting(box)
        # An arrow is chosen when the band holds its whole curve; both its cards then meet the
        # band. The arrows between chosen cards are kept up to date from the cards that changed.
        # Zoomed out, choosing ~500 arrows a move (and restyling them) drew nothing: the
        # overview draws every arrow plain and outlines the chosen cards only.
        document = scene.document  # type: ignore[attr-defined]
        if getattr(scene, "overview_active", False) and not final:
            band.links_due = True
            links = band.links
        else:
            if band.links_due:
                band.links_due = False
                band.between = {}
                for card_id in cards:
                    for link in document.links_of(card_id):
                        if link.source in cards and link.target in cards:
                            band.between[link.id] = scene.link_item(link.id)  # type: ignore[attr-defined]
            else:
                for card_id in cards - band.cards:
                    for link in document.links_of(card_id):
                        if link.source in cards and link.target in cards:
                            band.between[link.id] = scene.link_item(link.id)  # type: ignore[attr-defined]
                for card_id in band.cards - cards:
                    for link in document.links_of(card_id):
                        band.between.pop(link.id, None)
            links = {link_id for link_id, item in band.between.items() if self._encloses(box, item)}
        headers = {item for item in scene.header_items() if _meets(box, item.sceneBoundingRect())}  # type: ignore[attr-defined]
        changed: list[CardItem | LinkItem | HeaderItem] = []
        card_item = scene.card_item  # type: ignore[attr-defined]
        link_item = scene.link_item  # type: ignore[attr-defined]
        change = [(card_item(c), True) for c in cards - band.cards]
        change += [(card_item(c), False) for c in band.cards - cards]
        change += [(link_item(k), True) for k in links - band.links]
        change += [(link_item(k), False) for k in band.links - links]
        change += [(h, True) for h in headers - band.headers] + [(h, False) for h in band.headers - headers]
        band.cards, band.links, band.headers = cards, links, headers
        # One batch with the scene's signals held: the selection's listeners (panels, status)
        # hear of it once, when the band is released; the arrow layer repaints once.
        chosen_cards: list[str] = []
        dropped_cards: list[str] = []
        base = band.base
        blocked = scene.blockSignals(True)
        try:
            with scene.arrows.changing():  # type: ignore[attr-defined]
                for item, chosen in change:
                    if id(item) not in base and item.isSelected() != chosen:
                        item.setSelected(chosen)
                        changed.append(item)
                        if isinstance(item, CardItem):
                            (chosen_cards if chosen else dropped_cards).append(item.card_id)
        finally:
            scene.blockSignals(blocked)
        if changed:
            band.changed = True
            # The scene's kept answers follow the change (a repaint of the strips asks which cards are chosen).
            scene.cards_chosen_quietly(chosen_cards, dropped_cards)  # type: ignore[attr-defined]
            scene.restyle_links([item.link_id for item in changed if isinstance(item, LinkItem)])  # type: ignore[attr-defined]
        return changed

    @staticmethod
    def _encloses(box: Box, item: LinkItem) -> bool:
        x, y, w, h = item.geometry.bounds
        if contains(box, (x, y, x + w, y + h)):
            return True  # its drawing and label lie inside, so its curve does
        if not _meets(box, QRectF(x, y, w, h)):
            return False
        curve = item.curve.boundingRect()
        return contains(box, (curve.left(), curve.top(), curve.right(), curve.bottom()))

    def _finish_band(self) -> None:
        band, self._band = self._band, None
        if band is None:
            return
        if not band.rect.isNull():
            self.viewport().update(band.rect.adjusted(-1, -1, 1, 1))
            if band.links_due:  # chosen while zoomed out: its arrows are chosen now
                self._choose(band, band.box, band.box, final=True)
        if band.changed:
            self.scene().selectionChanged.emit()  # once, for the whole band

    def _paint_band(self, region: QRegion) -> None:
        band = self._band
        if band is None or band.rect.isNull() or not region.intersects(band.rect):
            return
        # Drawn here, not by the style: a flat fill and edge, so that repainting only the
        # strips a move changed leaves the same picture as drawing it whole.
        painter = QPainter(self.viewport())
        painter.setPen(QPen(BAND_EDGE, 1))
        painter.setBrush(BAND_FILL)
        # Drawn once per rect of the repainted part of the band, clipped to that rect: the same
        # pixels as one drawing clipped to the whole region (its rects do not overlap), but a
        # clip of one rect is a fast path, while a region of a dozen strips was clipped span by
        # span over the whole band (~2 ms a move over most of a 1080p view).
        shape = band.rect.adjusted(0, 0, -1, -1)
        # A QRegion is a sequence of its rects, which PySide6's stub does not say.
        for rect in cast("Iterable[QRect]", region & QRegion(band.rect)):
            painter.setClipRect(rect)
            painter.drawRect(shape)
        painter.end()

    def _match_blits_to_screen(self) -> None:
        """Blit smoothly only on a screen of fractional scale (150 %, say).

        What the view blits (each cached card, the arrow layer's cache, the arrow and overview
        tiles) lies on whole device pixels when the device pixel ratio is whole, where a smooth
        blit gives the same pixels by Qt's slower path (~0.7 ms of a move's repaint at 5,000
        cards, ~60 cards; tests/ui/test_view_blits.py holds the pictures equal at 35-200 %). At a
        fractional ratio a cached card can fall between device pixels, and the smooth blit places
        it as before. What is drawn scaled asks for smoothing itself (zoom_preview, the overview).
        """
        fractional = not float(self.devicePixelRatioF()).is_integer()
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, fractional)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DevicePixelRatioChange, QEvent.Type.Show):
            self._match_blits_to_screen()  # moved to a screen of another scale
        nav = getattr(self.scene(), "nav", None)
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and self._editing()
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            # Tab belongs to the text being written (fast capture moves on with it), not
            # to Qt's focus chain, which would hop to a card and drop the edit.
            self.keyPressEvent(event)
            return True
        if nav is not None and isinstance(event, QKeyEvent) and not self._editing():
            if event.type() == QEvent.Type.ShortcutOverride and nav.wants_key(event):
                # Typed letters go into the focused cell and Enter/Esc/arrows to connect
                # mode, before single-key shortcuts (V, L) or Enter's "Add card" see them.
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                    and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                nav.tab(event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                event.accept()
                return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        nav = getattr(self.scene(), "nav", None)
        if nav is not None and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            nav.show_start()  # arriving by Tab, the focus shows at once (WCAG: focus visible)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_step(ZOOM_STEP**steps, event.position())
            event.accept()
            return
        # Straight to the scroll bars: QGraphicsView first offers the wheel to the items under the
        # pointer (a look-up in the scene's index and a call on each, ~1 M instructions of a pan step
        # at 5,000 cards), and no item of the board takes it (none is a widget or scrolls).
        QAbstractScrollArea.wheelEvent(self, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space_down = True
            self._space_dragged = False
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.setInteractive(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.setInteractive(True)
            nav = getattr(self.scene(), "nav", None)
            if not self._space_dragged and nav is not None:
                nav.toggle_selected()  # a tap of Space (no pan) selects or unselects the focused card
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _editing(self) -> bool:
        from canvas.inline_editor import InlineEditor

        scene = self.scene()
        return scene is not None and isinstance(scene.focusItem(), InlineEditor)


def _scene_box(item: CardItem | LinkItem | HeaderItem) -> Box:
    """An item's sceneBoundingRect as (left, top, right, bottom), from its layout geometry where it has one.

    A band's move changes hundreds of items; asking each for its rect was a call into Qt and
    four more for the corners.
    """
    if isinstance(item, CardItem):
        g = item.geometry  # where the item is: a band never runs during a drag
        return g.x - CARD_REACH_X, g.y - CARD_REACH_TOP, g.x + g.w + CARD_REACH_X, g.y + g.h + CARD_REACH_BOTTOM
    if isinstance(item, LinkItem):
        x, y, w, h = item.geometry.bounds
        return x, y, x + w, y + h
    r = item.sceneBoundingRect()
    return r.left(), r.top(), r.right(), r.bottom()


def _meets(box: Box, rect: QRectF) -> bool:
    return not (rect.right() < box[0] or rect.left() > box[2] or rect.bottom() < box[1] or rect.top() > box[3])


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= a[2] and a[1] <= a[3] and not (b[2] < a[0] or b[0] > a[2] or b[3] < a[1] or b[1] > a[3])



def dropped_files(data: QMimeData | None) -> list[Path]:
    """The files of this machine a drag carries (URLs of other kinds, and text, are not files to open)."""
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
