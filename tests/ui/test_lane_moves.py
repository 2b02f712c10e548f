"""A lane that grows moves every lane below it; the arrows those lanes carry are routed when shown.

Issue 9: on a 5,000-card board such a move (a card into its lane's tallest cell, a card's text
growing there) moved ~2,000 cards and routed ~2,900 arrows again before its frame (~250 ms).
Those arrows now wait (model/layout.py, ``LayoutDelta.waiting``): the scene routes the ones a
view shows at once, any a press can reach before the press, and the rest in idle time. These
tests hold the screen and the items to the same board opened afresh while arrows still wait.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from canvas.items import LinkItem
from canvas.view import BoardView
from canvas.zoom_preview import shown_picture
from model.layout import Layout
from tests.ui.large_boards import nearest_card, shown_board_view, synthetic_board

N = 1000
SIZE = (900, 600)


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def _grow_a_lane(view: BoardView) -> str:
    """Move the card nearest the view's centre into the tallest cell of its lane, which grows the lane
    and moves every lane below it; the scene's idle routing held back, as if the next input came
    first. The card's id."""
    scene = view.scene()
    document, layout = scene.document, scene.layout
    card = document.card(nearest_card(layout, view.mapToScene(view.viewport().rect().center())))
    others = [s.id for s in document.stages if s.id != card.stage]
    tallest = max(others, key=lambda s: _cell_bottom(layout, s, card.lane))
    height = layout.lane_headers[card.lane].rect.h
    document.move_card(card.id, tallest, card.lane, 0)
    assert layout.lane_headers[card.lane].rect.h > height, "the lane grew"
    scene._route_timer.stop()
    return card.id


def _cell_bottom(layout: Layout, stage_id: str, lane_id: str) -> float:
    ids = layout.document.cell_cards(stage_id, lane_id)
    return layout.cards[ids[-1]].y + layout.cards[ids[-1]].h if ids else 0.0


def _fresh_picture(qtbot, view: BoardView) -> QImage:  # type: ignore[no-untyped-def]
    """The board as saved now, opened afresh in a view of the same size, zoom and scroll."""
    fresh = shown_board_view(qtbot, model.loads(model.dumps(view.scene().document)), (view.width(), view.height()))
    fresh.setTransform(view.transform())
    fresh.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
    fresh.verticalScrollBar().setValue(view.verticalScrollBar().value())
    _settle()
    fresh.viewport().repaint()
    picture = shown_picture(fresh.viewport())
    assert picture is not None
    return picture


def _picture(view: BoardView) -> QImage:
    view.viewport().repaint()
    picture = shown_picture(view.viewport())
    assert picture is not None
    return picture


def _differing_pixels(a: QImage, b: QImage, tolerance: int = 8) -> int:
    """How many pixels differ by more than ``tolerance`` in a colour channel (antialiasing aside)."""
    arrays = []
    for image in (a, b):
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        arrays.append(np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
                      [:, :image.width() * 4].astype(np.int16))
    assert arrays[0].shape == arrays[1].shape
    return int((np.abs(arrays[0] - arrays[1]) > tolerance).reshape(a.height(), a.width(), 4).any(axis=2).sum())


def _board_at_100(qtbot) -> BoardView:  # type: ignore[no-untyped-def]
    view = shown_board_view(qtbot, synthetic_board(N, links="local"), SIZE)
    view.zoom_actual()
    view.centerOn(view.scene().sceneRect().center())
    _settle()
    qtbot.waitUntil(lambda: view.scene().arrows.waiting == 0 and not view.tiles_due, timeout=20000)
    return view


def test_the_screen_after_a_lane_grew_is_the_board_opened_afresh_and_so_is_the_next_one_scrolled_to(
        qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _board_at_100(qtbot)
    layout = view.scene().layout
    _grow_a_lane(view)
    assert layout.unrouted > 300, "the lanes below carried arrows, waiting now"
    _settle()
    assert _differing_pixels(_picture(view), _fresh_picture(qtbot, view)) == 0
    # A screen further down, where every arrow waited: routed as it comes into view.
    waiting = layout.unrouted
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + view.viewport().height())
    _settle()
    assert 0 < layout.unrouted < waiting, "some arrows of the new screen waited, those below it still do"
    assert _differing_pixels(_picture(view), _fresh_picture(qtbot, view)) == 0


def test_a_press_after_a_lane_grew_finds_every_arrow_in_view_where_the_board_has_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _board_at_100(qtbot)
    scene = view.scene()
    _grow_a_lane(view)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    # A press on the empty margin left of the lane headers (nothing to select there).
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(2, 300))
    fresh = Layout(scene.document).links
    in_view = [item for item in scene.items(shown) if isinstance(item, LinkItem)]
    assert len(in_view) > 50
    assert all(item.geometry == fresh[item.link_id] for item in in_view)
    # and a press on an arrow's middle selects an arrow drawn through that point
    item = next(i for i in in_view if shown.contains(i.mapToScene(i.curve.pointAtPercent(0.5))))
    middle = item.mapToScene(item.curve.pointAtPercent(0.5))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(middle))
    chosen = scene.selected_links()
    assert len(chosen) == 1
    item = scene.link_item(chosen[0])
    assert item.shape().contains(middle) and item.geometry == fresh[chosen[0]]


def test_a_selected_arrow_a_lane_carries_is_routed_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _board_at_100(qtbot)
    scene = view.scene()
    layout = scene.layout
    # an arrow at the bottom of the board, far out of view, selected (its own item draws it then)
    scene.complete()
    last = max(scene.item_ids()[1], key=lambda k: layout.links[k].bounds[1])
    scene.link_item(last).setSelected(True)
    _grow_a_lane(view)
    assert layout.unrouted > 300
    assert layout.routed_link(last) == Layout(scene.document).links[last]
    assert scene.link_item(last).geometry == layout.routed_link(last)


def test_in_idle_time_every_waiting_arrow_is_routed_and_its_item_and_drawing_follow(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _board_at_100(qtbot)
    scene = view.scene()
    scene.complete()  # every item made: the items of waiting arrows follow too
    _grow_a_lane(view)
    layout, arrows = scene.layout, scene.arrows
    assert layout.unrouted > 300 and arrows._stale
    scene._route_timer.start()
    qtbot.waitUntil(lambda: layout.unrouted == 0 and arrows.waiting == 0, timeout=20000)
    fresh = Layout(scene.document).links
    assert not arrows._stale
    assert {k: a.geometry for k, a in arrows._arrows.items()} == fresh
    assert {k: item.geometry for k, item in scene._links.items()} == fresh
    assert layout.links == fresh


def test_an_arrow_item_is_not_left_where_a_lane_was(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A lane grows by more than an arrow's box reaches (a card's text made long) above a low view
    of the lane below: arrows leave the view, their boxes no longer meet it, and their items wait
    where they were. A press there routes them first: nothing is found where an arrow was."""
    view = shown_board_view(qtbot, synthetic_board(N, links="local"), (900, 200))
    scene = view.scene()
    layout, document = scene.layout, scene.document
    upper, below = document.lanes[1].id, document.lanes[2].id
    view.zoom_actual()
    view.centerOn(scene.sceneRect().center().x(), layout.lane_headers[below].rect.y + 300)
    _settle()
    scene.complete()
    tallest = max((s.id for s in document.stages), key=lambda s: _cell_bottom(layout, s, upper))
    height = layout.lane_headers[upper].rect.h
    document.set_card_field(document.cell_cards(tallest, upper)[0], "text", "a long note that keeps going " * 40)
    scene._route_timer.stop()
    assert layout.lane_headers[upper].rect.h > height + 150
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    stale = [item for item in scene.items(shown)
             if isinstance(item, LinkItem) and layout.routed_link(item.link_id) is None]
    assert stale, "items of arrows that left the view, still where they were"
    # Their old drawings are not on screen: the screen is the board opened afresh.
    _settle()
    assert _differing_pixels(_picture(view), _fresh_picture(qtbot, view)) == 0
    # the scene's own press handling routes them first (BoardScene._build_for_pointer)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(2, 100))
    fresh = Layout(document).links
    assert all(item.geometry == fresh[item.link_id] == layout.routed_link(item.link_id) for item in stale)
    assert all(item.geometry == fresh[item.link_id] for item in scene.items(shown) if isinstance(item, LinkItem))
