"""A second look at the lazy canvas (issue 9): a 5,000-card board driven in a real window right after
its first paint, while most card and arrow items are not made yet (canvas/scene.py build_area)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QPainterPathStroker
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.first_paint import after_first_paint
from app.main_window import MainWindow
from canvas import commands as cmd
from canvas.items import DIMMED, qpath

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from boards import synthetic_board  # noqa: E402

N = 5000
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def fresh(qtbot):  # type: ignore[no-untyped-def]
    """A window on a 5,000-card board just after its first paint (most items not made yet)."""
    window = MainWindow(synthetic_board(N, links="local"))
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1200, 800)
    seen: dict[str, bool] = {}
    after_first_paint(window.editor.view.viewport(), lambda: seen.setdefault("painted", True))
    window.show()
    qtbot.waitUntil(lambda: "painted" in seen, timeout=30000)
    assert window.editor.scene.unbuilt > 0
    return window


def _free(scene, point) -> bool:  # type: ignore[no-untyped-def]
    """Whether a scene point is clear of every card (with its outline) and every arrow's box."""
    for g in scene.layout.cards.values():
        if QRectF(g.x - 10, g.y - 10, g.w + 20, g.h + 20).contains(point):
            return False
    stroker = QPainterPathStroker()
    stroker.setWidth(16)  # the arrows' hit width (10) and some
    return not any(stroker.createStroke(qpath(g.curve)).contains(point) for g in scene.layout.links.values()
                   if QRectF(*g.bounds).adjusted(-8, -8, 8, 8).contains(point))


def test_a_click_on_an_arrow_far_from_the_first_screen_selects_it(fresh) -> None:  # type: ignore[no-untyped-def]
    scene, view = fresh.editor.scene, fresh.editor.view
    layout = scene.layout
    cards = [QRectF(g.x - 6, g.y - 6, g.w + 12, g.h + 12) for g in layout.cards.values()]
    target = point = None
    for g in layout.links.values():  # a long arrow low and right on the board, its middle clear of cards
        if g.bounds[1] > layout.height * 0.6 and g.bounds[0] > layout.width * 0.5 and max(g.bounds[2:]) > 60:
            middle = qpath(g.curve).pointAtPercent(0.5)
            if not any(box.contains(middle) for box in cards):
                target, point = g, middle
                break
    assert target is not None and target.id not in scene._links  # not made yet
    view.centerOn(point)  # moved by code: not painted since
    QTest.mouseClick(view.viewport(), LEFT, NONE, view.mapFromScene(point))
    chosen = scene.selected_links()
    assert len(chosen) == 1  # this arrow or one drawn over it at that point (arrows share channels)
    item = scene.link_item(chosen[0])
    assert item.shape().intersects(QRectF(point.x() - 1, point.y() - 1, 2, 2)) and not item.plain


def test_a_rubber_band_right_after_a_scroll_chooses_the_cards_it_meets(fresh) -> None:  # type: ignore[no-untyped-def]
    scene, view = fresh.editor.scene, fresh.editor.view
    # to the bottom, where the band can start on the blank beside the legend, and dragged up
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    viewport = view.viewport()
    w, h = viewport.width(), viewport.height()
    start = next(QPoint(x, y) for y in range(h - 5, h // 2, -10) for x in range(w - 5, w // 2, -20)
                 if _free(scene, view.mapToScene(QPoint(x, y))))
    end = QPoint(5, 5)
    QTest.mousePress(viewport, LEFT, NONE, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, LEFT, NONE, end)
    area = view.mapToScene(QRectF(start, end).normalized().toRect()).boundingRect()
    inside = {c for c, g in scene.layout.cards.items() if area.contains(QRectF(g.x, g.y, g.w, g.h))}
    meeting = {c for c, g in scene.layout.cards.items() if area.intersects(QRectF(g.x, g.y, g.w, g.h))}
    assert len(inside) > 20
    # the band chooses what it meets (IntersectsItemShape): every enclosed card, none beyond its box
    assert inside <= set(scene.selected_cards()) <= meeting
    assert all(scene.card_item(c).isSelected() for c in inside)


def test_show_impact_right_after_open_dims_the_cards_and_labels_made_later(fresh) -> None:  # type: ignore[no-untyped-def]
    editor = fresh.editor
    scene, doc = editor.scene, editor.document
    labelled = list(doc.links())[-1]  # far from the first screen
    editor.push(cmd.SetLinkField(doc, labelled.id, "label", "hand-over"))
    card = next(iter(doc.cards()))
    scene.card_item(card.id).setSelected(True)
    editor.toggle_impact()
    assert scene.impact is not None
    lit = {card.id} | scene.impact.affected | scene.impact.dependencies
    dark = [c.id for c in doc.cards() if c.id not in lit]
    assert dark and all(scene.card_item(c).opacity() == pytest.approx(DIMMED) for c in dark)
    link_item = scene.link_item(labelled.id)
    if not {labelled.source, labelled.target} <= lit:
        assert link_item.opacity() == pytest.approx(DIMMED)
        assert link_item.label_item.opacity() == pytest.approx(DIMMED)  # the label fades with its arrow


def test_a_label_given_after_open_to_an_arrow_not_made_yet_is_shown(fresh) -> None:  # type: ignore[no-untyped-def]
    editor = fresh.editor
    scene, doc = editor.scene, editor.document
    link = list(doc.links())[-1]
    assert link.id not in scene._links
    editor.push(cmd.SetLinkField(doc, link.id, "label", "hello"))
    item = scene.link_item(link.id)
    label = item.label_item
    assert item.label_shown and label.scene() is scene
    assert label.boundingRect().width() > 10
    assert not label.flags() & label.GraphicsItemFlag.ItemHasNoContents


def test_present_right_after_open_makes_every_item_and_shows(fresh, qtbot) -> None:  # type: ignore[no-untyped-def]
    fresh.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fresh)
    QTest.keyClick(fresh.editor.view, Qt.Key.Key_F5)
    presentation = fresh.workshop.presentation
    assert presentation is not None
    qtbot.waitExposed(presentation)
    assert fresh.editor.scene.unbuilt == 0
    QTest.keyClick(presentation, Qt.Key.Key_Escape)
