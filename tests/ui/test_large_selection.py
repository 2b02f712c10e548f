"""A rubber band over many cards stays one selection change; the selection is asked for cheaply.

Counted, not timed (issue 9, point 4): releasing a band that touched hundreds of arrows
used to drop each arrow from the selection with its own selectionChanged, and every
listener then walked the whole selection and document again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

import model
from app.editor import Editor
from canvas.items import TEXT_LOD

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from boards import synthetic_board  # noqa: E402


def test_a_band_over_hundreds_of_cards_is_one_selection_change_on_release(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = Editor(synthetic_board(1000, links="local"))
    qtbot.addWidget(editor)
    editor.resize(QSize(1400, 900))
    editor.show()
    qtbot.waitExposed(editor)
    scene, view, doc = editor.scene, editor.view, editor.document
    lanes = [lane.id for lane in doc.lanes[:2]]
    first = scene.layout.cell_rect(doc.stages[0].id, lanes[0])
    last = scene.layout.cell_rect(doc.stages[9].id, lanes[-1])
    band = QRectF(first.x + 1, first.y + 1, last.x + last.w - first.x - 2, last.y + last.h - first.y - 2)
    view.fitInView(band.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
    viewport = view.viewport()
    start, end = view.mapFromScene(band.topLeft()), view.mapFromScene(band.bottomRight())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, view.mapFromScene(band.center()))
    QTest.mouseMove(viewport, end)
    assert scene.selected_links(), "the band touches arrows that it does not enclose"
    changes: list[int] = []

    def count() -> None:
        changes.append(1)

    scene.selectionChanged.connect(count)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    scene.selectionChanged.disconnect(count)
    assert len(changes) <= 1, len(changes)
    inside = {k for k, g in scene.layout.cards.items() if band.contains(QPointF(g.x + g.w / 2, g.y + g.h / 2))}
    chosen = scene.selected_cards()
    assert len(chosen) >= 200 and inside <= set(chosen)
    # In document order, as before, and the same answer from the kept copy.
    order = {card.id: i for i, card in enumerate(doc.cards())}
    assert chosen == sorted(chosen, key=order.__getitem__)
    assert scene.selected_cards() == chosen
    # The arrows chosen are exactly those the band encloses whole, straight ones too (QRectF.contains
    # never holds a rect of no width or height: Qt's band left a straight arrow between stacked cards out).
    enclosed = {k for k in scene.item_ids()[1] if _holds(band, scene.link_item(k).curve.boundingRect())}
    assert any(scene.link_item(k).curve.boundingRect().width() == 0 for k in enclosed)
    assert enclosed and set(scene.selected_links()) == enclosed
    # A change of the document forgets the kept selection order: a moved card's new place counts.
    moved = chosen[-1]
    card = doc.card(moved)
    doc.move_card(moved, doc.stages[0].id, card.lane, 0)
    order = {card.id: i for i, card in enumerate(doc.cards())}
    assert scene.selected_cards() == sorted(scene.selected_cards(), key=order.__getitem__)


def _holds(band: QRectF, rect: QRectF) -> bool:
    return band.left() <= rect.left() and band.top() <= rect.top() and rect.right() <= band.right() \
        and rect.bottom() <= band.bottom()


def test_zoomed_out_dragged_cards_are_outlined_where_the_pointer_has_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = Editor(model.load(ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"))
    qtbot.addWidget(editor)
    editor.resize(QSize(1200, 800))
    editor.show()
    qtbot.waitExposed(editor)
    scene, view = editor.scene, editor.view
    view.set_zoom(TEXT_LOD * 0.8)
    viewport = view.viewport()
    viewport.grab()
    assert scene.overview_active
    geometry = next(iter(scene.layout.cards.values()))
    body = geometry.primitives[1]
    centre = view.mapFromScene(geometry.x + body.x + body.w / 2, geometry.y + body.y + body.h / 2)
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert editor.selected_cards() == [geometry.id]
    shift = QPoint(0, 90)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseMove(viewport, centre + QPoint(0, 30))
    QTest.mouseMove(viewport, centre + shift)
    moved = scene.card_item(geometry.id).pos() - QPointF(geometry.x, geometry.y)
    assert moved.y() > 0
    image = viewport.grab().toImage()
    # The middle of the outline's left edge, where the card now is (not where it was).
    edge = view.mapFromScene(geometry.x + body.x + moved.x(), geometry.y + body.y + body.h / 2 + moved.y())
    found = [image.pixelColor(edge.x() + dx, edge.y()) for dx in (-1, 0, 1)]
    selection = QColor("#2563EB")
    assert any(abs(c.red() - selection.red()) + abs(c.green() - selection.green())
               + abs(c.blue() - selection.blue()) < 90 for c in found), [c.name() for c in found]
    QTest.mouseMove(viewport, centre)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
