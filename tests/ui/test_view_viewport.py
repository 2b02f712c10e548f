"""The board view's viewport is made in Python (canvas/view.py, own_viewport; issue 9, start-up).

A viewport that Qt made sent PySide6, at the first ``viewport()`` call, through every QWidget subclass
of Qt Widgets to find its Python class (~30 M instructions of the start to the first paint). The one
made in Python must be set up as the one Qt makes, so nothing about the view changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from canvas.view import own_viewport

ATTRIBUTES = (Qt.WidgetAttribute.WA_AcceptTouchEvents, Qt.WidgetAttribute.WA_OpaquePaintEvent,
              Qt.WidgetAttribute.WA_NoSystemBackground, Qt.WidgetAttribute.WA_StyledBackground,
              Qt.WidgetAttribute.WA_Hover, Qt.WidgetAttribute.WA_InputMethodEnabled)


def _setup(view: QGraphicsView) -> tuple[object, ...]:
    viewport = view.viewport()
    return (viewport.objectName(), viewport.backgroundRole(), viewport.autoFillBackground(),
            viewport.parentWidget() is view, viewport.focusProxy() is view, viewport.hasMouseTracking(),
            viewport.acceptDrops(), viewport.focusPolicy(), viewport.contextMenuPolicy(),
            tuple(viewport.testAttribute(attribute) for attribute in ATTRIBUTES))


def test_a_view_with_its_own_viewport_is_set_up_and_draws_as_one_with_qts(qtbot) -> None:  # type: ignore[no-untyped-def]
    scene = QGraphicsScene(0, 0, 400, 300)
    scene.addRect(20, 20, 200, 100)
    views = []
    for own in (False, True):
        view = QGraphicsView(scene)
        qtbot.addWidget(view)
        if own:
            qt_made = view.viewport()
            own_viewport(view)
            assert view.viewport() is not qt_made
        view.resize(300, 200)
        view.show()
        qtbot.waitExposed(view)
        views.append(view)
    assert _setup(views[1]) == _setup(views[0])
    pictures = [view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32) for view in views]
    assert pictures[1] == pictures[0]
