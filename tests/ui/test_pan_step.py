"""A pan step at 100% asks fewer items for their boxes than the view shows (issue 9, point 4).

Counted, not timed: each item Qt's scene index hands a repaint as a candidate is asked its
boundingRect(), a Python call. With a shallow index tree (depth 6) a pan step's strip
fell into leaves holding more items than the whole view shows; the tree the scene uses
(canvas.scene.BSP_DEPTH) keeps the candidates of a strip below that.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from canvas.scene import BSP_DEPTH, BoardScene
from canvas.view import BoardView

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from boards import synthetic_board  # noqa: E402


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def test_a_pan_step_asks_fewer_items_their_box_than_the_view_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    scene = BoardScene(synthetic_board(2000, links="local"), lambda command: None)
    assert scene.bspTreeDepth() == BSP_DEPTH
    view = BoardView(scene)
    qtbot.addWidget(view)
    view.resize(QSize(1920, 1080))
    view.show()
    qtbot.waitExposed(view)
    view.zoom_actual()
    view.centerOn(scene.sceneRect().center())
    _settle()
    viewport = view.viewport()
    centre = viewport.rect().center()
    shown = len(scene.items(view.mapToScene(viewport.rect()).boundingRect()))

    def step(dy: int) -> None:
        event = QWheelEvent(QPointF(centre), QPointF(view.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, dy),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(viewport, event)
        _settle()

    top = view.verticalScrollBar().value()
    step(-120)
    assert view.verticalScrollBar().value() > top  # it panned
    profile = cProfile.Profile()
    profile.enable()
    step(120)
    profile.disable()
    assert view.verticalScrollBar().value() == top
    asked = sum(row[0] for key, row in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
                if key[2] == "boundingRect")
    # depth 6 asked 530 items of the 488 shown; depth 8 asks 290
    assert 0 < asked < 0.75 * shown, (asked, shown)
    scene.detach()
