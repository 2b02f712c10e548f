"""The spotlight when every view is zoomed out past readable text (issue 7): the batched
overview (canvas/overview.py) draws the dimming the resting items cannot."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from app.main_window import MainWindow
from canvas.items import DIMMED, TEXT_LOD
from model.primitives import Box
from model.projection import projected
from tests.ui import test_present
from tests.ui.test_present import settle, start, widen

window = test_present.window  # the presentation tests' window on the blueprint


def box_centre(window: MainWindow, card_id: str) -> tuple[QPointF, QColor]:
    """A card's box centre on the board and its fill in the projection look."""
    card = window.editor.scene.layout.cards[card_id]
    body = next(p for p in projected(card.primitives) if isinstance(p, Box))
    assert body.fill is not None
    return QPointF(card.x + body.x + body.w / 2, card.y + body.y + body.h / 2), QColor(body.fill)


def test_a_spotlight_dims_the_zoomed_out_overview_too(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    widen(window, 30)  # wide enough that the whole board is past readable text on the projector
    window.editor.view.set_zoom(0.1)
    view = start(qtbot, window)  # starts on the whole board
    settle(qtbot, view)
    scene, doc = window.editor.scene, window.editor.document
    window.editor.view.viewport().grab()
    view.viewport().grab()
    assert view.transform().m11() < TEXT_LOD and scene.overview_active

    def colour_at(point: QPointF) -> QColor:
        image = view.viewport().grab().toImage()
        pixel = view.mapFromScene(point)
        return image.pixelColor(pixel.x(), pixel.y())

    card_id = next(c.id for c in doc.cards() if doc.links_of(c.id))
    centre, fill = box_centre(window, card_id)
    assert colour_at(centre) == fill
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(centre))  # a real click on the box spotlights its card
    assert view.spotlight.target == ("card", card_id) and scene.lit is not None and card_id in scene.lit
    other = next(c.id for c in doc.cards() if c.id not in scene.lit)
    other_centre, other_fill = box_centre(window, other)
    assert colour_at(centre) == fill  # the spotlit card stays as it was
    dimmed = colour_at(other_centre)
    # Drawn at the items' dimmed opacity over the light page: far paler than its own fill.
    assert dimmed.lightnessF() > other_fill.lightnessF() + (1 - DIMMED) * 0.5 * (1 - other_fill.lightnessF())
    assert abs(dimmed.red() - other_fill.red()) + abs(dimmed.green() - other_fill.green()) > 30
    QTest.keyClick(view, Qt.Key.Key_Escape)  # Esc ends the spotlight: the overview is lit again
    assert scene.lit is None and colour_at(other_centre) == other_fill
