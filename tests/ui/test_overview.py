"""Zoomed out past readable text, the board is drawn as a batched overview, and still works.

Card, arrow and label items stop painting (ItemHasNoContents) only when every view of the
scene is zoomed out; the view then draws boxes batched by colour. Clicks still select.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

import model
from app.editor import Editor
from canvas.items import TEXT_LOD
from canvas.view import BoardView
from model.primitives import Box

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _editor(qtbot) -> Editor:  # type: ignore[no-untyped-def]
    editor = Editor(model.load(BLUEPRINT))
    qtbot.addWidget(editor)
    editor.resize(QSize(1200, 800))
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _paint(view: BoardView) -> None:
    view.viewport().grab()  # a paint event, as the screen would send


def test_zoomed_out_the_items_rest_and_the_overview_draws_the_cards(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot)
    scene, view = editor.scene, editor.view
    view.set_zoom(TEXT_LOD * 1.2)
    _paint(view)
    assert not scene.overview_active
    view.set_zoom(TEXT_LOD * 0.5)
    _paint(view)
    assert scene.overview_active
    items = list(scene._content_items())
    assert items and all(item.flags() & NO_CONTENTS for item in items)
    # A card's box is drawn by the overview in the card's fill colour.
    card = next(iter(scene.layout.cards.values()))
    body = card.primitives[1]
    centre = view.mapFromScene(card.x + body.x + body.w / 2, card.y + body.y + body.h / 2)
    image = view.viewport().grab().toImage()
    pixel = image.pixelColor(centre.x() * image.devicePixelRatio(), centre.y() * image.devicePixelRatio())
    assert pixel == QColor(body.fill), (pixel.name(), body.fill)
    # A click on it still selects the card, and the selection is outlined.
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert editor.selected_cards() == [card.id]
    # Zoomed back in, the items paint themselves again.
    view.set_zoom(1.0)
    _paint(view)
    assert not scene.overview_active
    assert not any(item.flags() & NO_CONTENTS for item in scene._content_items())


def test_a_second_view_zoomed_in_keeps_the_items_painting(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot)
    scene = editor.scene
    second = BoardView(scene)
    qtbot.addWidget(second)
    second.resize(QSize(800, 600))
    second.show()
    second.set_zoom(1.0)
    editor.view.set_zoom(TEXT_LOD * 0.5)
    _paint(editor.view)
    _paint(second)
    assert not scene.overview_active  # the close-up view still needs the cards' text
    second.set_zoom(TEXT_LOD * 0.5)
    _paint(second)
    _paint(editor.view)
    assert scene.overview_active


def test_an_edit_while_zoomed_out_shows_in_the_overview(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot)
    scene, view = editor.scene, editor.view
    view.set_zoom(TEXT_LOD * 0.5)
    _paint(view)
    doc = scene.document
    first = next(iter(doc.cards()))
    other_stage = next(s.id for s in doc.stages if s.id != first.stage)
    doc.move_card(first.id, other_stage, first.lane, 0)
    _paint(view)
    card = scene.layout.cards[first.id]
    body = card.primitives[1]
    centre = view.mapFromScene(card.x + body.x + body.w / 2, card.y + body.y + body.h / 2)
    image = view.viewport().grab().toImage()
    assert image.pixelColor(QPoint(centre.x(), centre.y())) == QColor(body.fill)


def test_the_overview_boxes_the_cards_without_drawing_them(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Zoomed out, the overview reads each card's box (CardShape.body_box), not its whole drawing:
    a card measured at opening is drawn only when something shows or exports it (model/cardshape.py)."""
    import model.cardshape as cardshape

    editor = _editor(qtbot)
    scene, view = editor.scene, editor.view
    view.set_zoom(TEXT_LOD * 0.5)
    shapes = [geometry.shape for geometry in scene.layout.cards.values()]
    waiting = [shape for shape in shapes if shape._parts is not None]
    drawn: list[int] = []
    original = cardshape._card_primitives
    monkeypatch.setattr(cardshape, "_card_primitives", lambda *parts: drawn.append(1) or original(*parts))
    scene.overview.invalidate()
    _paint(view)
    assert scene.overview_active and scene.overview._card_boxes
    assert drawn == [] and all(shape._parts is not None for shape in waiting)
    for geometry in scene.layout.cards.values():  # each box where the card's drawing has it
        box = next(p for p in geometry.primitives[1:3] if isinstance(p, Box))
        rect = scene.overview._card_boxes[geometry.id]
        assert (rect.x(), rect.y(), rect.width(), rect.height()) \
            == (geometry.x + box.x, geometry.y + box.y, box.w, box.h)


def _ink_in(view: BoardView, rect) -> int:  # type: ignore[no-untyped-def]
    """Dark pixels (text) the viewport shows in a board rect."""
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    box = view.mapFromScene(rect.x, rect.y), view.mapFromScene(rect.x + rect.w, rect.y + rect.h)
    dark = 0
    for x in range(int(box[0].x() * ratio), int(box[1].x() * ratio)):
        for y in range(int(box[0].y() * ratio), int(box[1].y() * ratio)):
            if image.pixelColor(x, y).lightness() < 140:
                dark += 1
    return dark


def test_just_past_readable_cards_the_headers_and_title_still_say_their_names(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Fit board put the journey map at 0.436, under TEXT_LOD: title, stage and lane names went with the
    cards' text and it was boxes without a word. The few large texts stay while ~5 px or more."""
    from canvas.items import HEADER_TEXT_PX
    from model import style as st

    editor = _editor(qtbot)
    layout, view = editor.scene.layout, editor.view
    stage = next(iter(layout.stage_headers.values())).rect
    lane = next(iter(layout.lane_headers.values())).rect
    card = next(iter(layout.cards.values()))
    view.set_zoom(TEXT_LOD * 0.97)
    view.centerOn(stage.x + stage.w / 2, stage.y + stage.h)
    _paint(view)
    assert editor.scene.overview_active
    assert _ink_in(view, stage) > 20 and _ink_in(view, lane) > 20
    inner = card.rect
    assert _ink_in(view, type(inner)(inner.x + 8, inner.y + 8, inner.w - 16, inner.h - 16)) == 0  # a box, no text
    view.set_zoom(HEADER_TEXT_PX / st.STAGE_SIZE * 0.9)  # the stage names under ~5 px: none
    view.centerOn(stage.x + stage.w / 2, stage.y + stage.h)
    _paint(view)
    assert _ink_in(view, stage) == 0
