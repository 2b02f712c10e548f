"""Scrolling the view while something is dragged to its edge: a card, a connection's line, a band.

Zoomed in, a card or a connection dragged to the window's edge stopped there: the stage it was
meant for, out of sight, could not be reached without zooming out first. As drawing programs
do, the view scrolls while the pointer is held near an edge, faster the nearer, and the drag
goes on under the pointer (a mouse move is delivered again at the same place after each step).
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

EDGE_PX = 28  # the strip along each edge of the viewport where a held drag scrolls
MAX_STEP_PX = 24  # a step at the very edge; less further in
STEP_MS = 25


class EdgeScroller(QObject):
    """Scrolls ``view`` while a drag is held near its viewport's edges."""

    def __init__(self, view: QGraphicsView, dragging: Callable[[], bool]) -> None:
        """``dragging`` tells whether a drag is still going on (a card or a line held, a band drawn)."""
        super().__init__(view)
        self._view = view
        self._dragging = dragging
        self._timer = QTimer(self)
        self._timer.setInterval(STEP_MS)
        self._timer.timeout.connect(self._step)
        self._at = QPoint()
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self._speed = (0, 0)

    @property
    def scrolling(self) -> bool:
        """Whether a drag is being scrolled along now."""
        return self._timer.isActive()

    def follow(self, at: QPoint, modifiers: Qt.KeyboardModifier) -> None:
        """The dragging pointer is at viewport point ``at``: scroll while it is near an edge."""
        viewport = self._view.viewport()
        self._speed = (_speed(at.x(), viewport.width()), _speed(at.y(), viewport.height()))
        self._at, self._modifiers = QPoint(at), modifiers
        if self._speed == (0, 0):
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """The drag ended."""
        self._timer.stop()

    def _step(self) -> None:
        view = self._view
        if not self._dragging():
            self._timer.stop()
            return
        across, down = view.horizontalScrollBar(), view.verticalScrollBar()
        before = (across.value(), down.value())
        across.setValue(across.value() + self._speed[0])
        down.setValue(down.value() + self._speed[1])
        if (across.value(), down.value()) == before:
            return  # at the board's end: nothing to follow until the pointer moves
        viewport = view.viewport()
        # The drag follows the board under the still pointer, as if it had moved.
        event = QMouseEvent(QEvent.Type.MouseMove, QPointF(self._at), QPointF(viewport.mapToGlobal(self._at)),
                            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, self._modifiers)
        QApplication.sendEvent(viewport, event)


def _speed(at: int, length: int) -> int:
    """Pixels a step scrolls along one axis: negative near the start, positive near the end, 0 between."""
    if at < EDGE_PX:
        return -ceil(MAX_STEP_PX * min(1.0, (EDGE_PX - at) / EDGE_PX))
    if at > length - EDGE_PX:
        return ceil(MAX_STEP_PX * min(1.0, (at - (length - EDGE_PX)) / EDGE_PX))
    return 0
