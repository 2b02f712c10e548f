"""The board view: zoom with Ctrl+wheel and keys, pan with wheel, scrollbars or space-drag."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from canvas.items import TEXT_LOD
from canvas.translate import tr
from canvas.zoom_preview import ZoomPreview

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25


class BoardView(QGraphicsView):
    """A QGraphicsView with the zoom and pan gestures designers expect."""

    zoom_changed = Signal(float)
    # A zoom step shows the last frame scaled, then draws itself sharp in slices
    # (canvas/zoom_preview.py). Off for a view that draws things pinned to its viewport
    # over the board (the presentation's caption): they would be scaled with it.
    PREVIEW_ZOOM = True

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
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
        self.zoom_preview = ZoomPreview(self)

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
                    return
                event = QPaintEvent(region)
        # Items drawing into their cache pixmaps are given no widget by Qt: the scene says
        # which view is painting, so that the audience view's caches get its look.
        scene = self.scene()
        previous = getattr(scene, "painting_view", None)
        if scene is not None:
            scene.painting_view = self  # type: ignore[attr-defined]
        try:
            super().paintEvent(event)
        finally:
            if scene is not None:
                scene.painting_view = previous  # type: ignore[attr-defined]

    def _background_brush(self):  # type: ignore[no-untyped-def]
        brush = self.backgroundBrush()
        scene = self.scene()
        if brush.style() == Qt.BrushStyle.NoBrush and scene is not None:
            brush = scene.backgroundBrush()
        return brush

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.zoom_preview.scrolled(dx, dy)
        super().scrollContentsBy(dx, dy)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.zoom_preview.stop()
        super().resizeEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        # Decided per frame from the painter's scale (render() and printing scale too):
        # zoomed out past readable text, the scene's items stop painting and
        # drawForeground draws the batched overview (canvas/overview.py).
        want_overview = getattr(self.scene(), "want_overview", None)
        if want_overview is not None:
            scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
            want_overview(self, scale < TEXT_LOD)
        super().drawBackground(painter, rect)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        paint_overview = getattr(self.scene(), "paint_overview", None)
        if paint_overview is not None:
            # The audience view (projection_look) draws the overview in the projection look too.
            paint_overview(painter, bool(getattr(self, "projection_look", False)))
        super().drawForeground(painter, rect)

    @property
    def zoom(self) -> float:
        """The current scale (1.0 is 100%)."""
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        """Scale to ``zoom`` (clamped), keeping the point under the anchor still."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        factor = zoom / self.zoom
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
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
        # Zoomed out past readable text the board is one batched drawing (canvas/overview.py),
        # not items with pixmaps per scale: drawn whole as before.
        previewing = (self.PREVIEW_ZOOM and not getattr(scene, "overview_active", False)
                      and self.zoom_preview.before_step())
        self.set_zoom(zoom)
        if previewing:
            self.zoom_preview.after_step(anchor if anchor is not None else QPointF(self.viewport().rect().center()))

    def zoom_actual(self) -> None:
        """100%."""
        self.set_zoom(1.0)

    def zoom_fit(self) -> None:
        """Show the whole board."""
        rect: QRectF = self.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-16, -16, 16, 16), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > MAX_ZOOM or self.zoom < MIN_ZOOM:
            self.set_zoom(self.zoom)
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

    def rubber_band_links_filter(self, band: QRectF) -> None:
        """After a rubber band, keep only the arrows it encloses whole (touching one is not choosing it)."""
        from canvas.items import LinkItem

        scene = self.scene()
        touching = [item for item in scene.selectedItems()
                    if isinstance(item, LinkItem) and not band.contains(item.curve.boundingRect())]
        if not touching:
            return
        # One selection change, not one per arrow: each would make every listener look at
        # the whole selection again (1,200 arrows under a band of 1,000 cards took seconds).
        blocked = scene.blockSignals(True)
        try:
            for item in touching:
                item.setSelected(False)
        finally:
            scene.blockSignals(blocked)
        scene.selectionChanged.emit()

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        band = self.mapToScene(self.rubberBandRect()).boundingRect() if not self.rubberBandRect().isNull() else None
        super().mouseReleaseEvent(event)
        if band is not None:
            self.rubber_band_links_filter(band)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._space_down and event.buttons():
            self._space_dragged = True
        from canvas.items import LinkItem

        scene = self.scene()
        LinkItem.banding = bool(self.dragMode() == QGraphicsView.DragMode.RubberBandDrag and self.isInteractive()
                                and event.buttons() & Qt.MouseButton.LeftButton
                                and scene is not None and scene.mouseGrabberItem() is None)
        try:
            super().mouseMoveEvent(event)
        finally:
            LinkItem.banding = False

    def event(self, event: QEvent) -> bool:
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
        super().wheelEvent(event)

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
