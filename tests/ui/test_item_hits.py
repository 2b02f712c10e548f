"""Card and arrow items are QGraphicsRectItems for their bounding rect alone (canvas/items.py): Qt's
hit tests, hover and rubber band still go by their shape, and the rect item draws nothing of its own.

Driven with real mouse events on a shown editor: a press inside a card item's bounding rect but
outside its card (the margin kept for the selection outline and the handles) selects nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

import model
from app.editor import Editor
from canvas.items import HANDLE_R, CardItem, LinkItem
from tests.ui.test_editor_gestures import BLUEPRINT


def shown_editor(qtbot) -> Editor:  # type: ignore[no-untyped-def]
    editor = Editor(model.load(BLUEPRINT))
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitUntil(lambda: editor.scene.unbuilt == 0)
    editor.view.zoom_actual()
    return editor


def click(editor: Editor, x: float, y: float) -> None:
    """Press and release the left button at a board point (scrolled into view)."""
    editor.view.centerOn(x, y)
    viewport = editor.view.viewport()
    pos = QPointF(editor.view.mapFromScene(QPointF(x, y)))
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(viewport, QMouseEvent(kind, pos, QPointF(viewport.mapToGlobal(pos.toPoint())),
                                                     Qt.MouseButton.LeftButton, buttons,
                                                     Qt.KeyboardModifier.NoModifier))


def test_a_press_in_a_card_items_margin_selects_nothing_and_draws_no_rect(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = shown_editor(qtbot)
    scene = editor.scene
    items = [i for i in scene.items() if isinstance(i, CardItem)]
    links = [i for i in scene.items() if isinstance(i, LinkItem)]
    assert items and links
    for item in (*items, *links):  # nothing of QGraphicsRectItem's own drawing: no pen, no brush
        assert isinstance(item, QGraphicsRectItem)
        assert item.pen().style() == Qt.PenStyle.NoPen and item.brush().style() == Qt.BrushStyle.NoBrush
    geometry = next(g for g in scene.layout.cards.values() if g.shape.body is None and g.shape.marker is None)
    item = next(i for i in items if i.card_id == geometry.id)
    # Right of the card, near its top (away from the right handle), inside the item's rect.
    margin = QPointF(geometry.x + geometry.w + HANDLE_R, geometry.y + 2)
    assert item.sceneBoundingRect().contains(margin)
    assert item not in scene.items(margin)
    click(editor, margin.x(), margin.y())
    assert not item.isSelected()
    click(editor, geometry.x + geometry.w / 2, geometry.y + geometry.h / 2)
    assert item.isSelected() and scene.selectedItems() == [item]
