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


# ------------------------------------------------------------------ found in review (session 10)
def test_a_lane_grown_and_shrunk_back_before_idle_time_shows_every_arrow_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The card moved back (an undo) before idle time: each waiting arrow is routed as its item
    already has it, and the layer shows it again (it stayed hidden for good before)."""
    view = _board_at_100(qtbot)
    scene = view.scene()
    scene.complete()
    document, layout, arrows = scene.document, scene.layout, scene.arrows
    card = document.card(nearest_card(layout, view.mapToScene(view.viewport().rect().center())))
    home = (card.stage, document.card_index(card.id))
    assert _grow_a_lane(view) == card.id
    assert layout.unrouted > 300
    document.move_card(card.id, home[0], card.lane, home[1])
    scene._route_timer.stop()
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + view.viewport().height())
    _settle()
    assert _differing_pixels(_picture(view), _fresh_picture(qtbot, view)) == 0
    layout.route_rest()
    assert not arrows._stale, f"{len(arrows._stale)} arrows never drawn again"
    assert {k: item.geometry for k, item in scene._links.items()} == Layout(document).links


def test_a_drag_of_two_cards_that_grows_then_shrinks_a_lane_leaves_no_arrow_hidden(qtbot) -> None:  # type: ignore[no-untyped-def]
    """One Move-cards macro (two cards of equal height dragged one column right): the first lands in
    its lane's tallest cell (the lane grows), the second leaves it (the lane shrinks back)."""
    from PySide6.QtGui import QUndoStack

    from canvas import commands as cmd

    view = _board_at_100(qtbot)
    scene = view.scene()
    scene.complete()
    document, layout, arrows = scene.document, scene.layout, scene.arrows
    stages = [s.id for s in document.stages]
    pair = None
    for lane in document.lanes[:-1]:
        bottoms = {s: _cell_bottom(layout, s, lane.id) for s in stages}
        tallest = max(stages, key=bottoms.__getitem__)
        k = stages.index(tallest)
        if not 0 < k < len(stages) - 1 or max(b for s, b in bottoms.items() if s != tallest) >= bottoms[tallest]:
            continue
        right = stages[k + 1]
        pair = next(((lane.id, tallest, right, x, y) for x in document.cell_cards(stages[k - 1], lane.id)
                     for y in document.cell_cards(tallest, lane.id)
                     if layout.cards[x].h == layout.cards[y].h
                     and bottoms[right] + layout.cards[y].h + 12 < bottoms[tallest]), None)
        if pair:
            break
    assert pair, "two cards to drag"
    lane_id, tallest, right, x, y = pair
    tops = {k: h.rect.y for k, h in layout.lane_headers.items()}
    macro = cmd.Macro("Move 2 cards", document)
    macro.add(cmd.MoveCard(document, x, tallest, lane_id, 0))
    macro.add(cmd.MoveCard(document, y, right, lane_id, len(document.cell_cards(right, lane_id))))
    QUndoStack().push(macro)
    assert {k: h.rect.y for k, h in layout.lane_headers.items()} == tops, "the lanes are back where they were"
    assert layout.unrouted > 0 and arrows._stale
    qtbot.waitUntil(lambda: layout.unrouted == 0 and arrows.waiting == 0, timeout=20000)  # idle time
    assert not arrows._stale
    assert {k: item.geometry for k, item in scene._links.items()} == Layout(document).links
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    _settle()
    assert _differing_pixels(_picture(view), _fresh_picture(qtbot, view)) == 0


def test_the_unchanged_part_of_an_arrow_routed_later_is_drawn_in_the_tiles_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    """One arrow from a card that stays to a card of a lane that moves down: hidden, the view's ring
    of tiles drawn while it waits, then routed as a scroll brings it in. Its start, the same as
    before, was left out of the tiles (only where its drawing changed was repainted)."""
    from PySide6.QtCore import QPointF

    from model import Card, Document, Lane, Link, Stage

    stages = [Stage(f"s{i}", f"Stage {i + 1}") for i in range(6)]
    kinds = ("customer", "frontstage", "backstage", "support")
    lanes = [Lane(f"l{i}", f"Lane {i}", kind) for i, kind in enumerate(kinds)]
    cards = [Card(f"t{i}", "l0", "s0", f"tall {i}") for i in range(10)]
    cards += [Card("A", "l1", "s5", "source"), Card("B", "l3", "s1", "target"), Card("C", "l2", "s3", "grows")]
    document = Document.build(title="t", description=None, stages=stages, lanes=lanes, cards=cards,
                              links=[Link("k", "A", "B")], personas=[], extra={})
    view = shown_board_view(qtbot, document, (500, 240))
    scene = view.scene()
    layout, arrows = scene.layout, scene.arrows
    view.zoom_actual()
    a = layout.cards["A"]
    view.centerOn(QPointF(a.x, a.y - 100 - 20 - view.viewport().height() / 2))  # just above the arrow's box
    _settle()
    qtbot.waitUntil(lambda: arrows.waiting == 0 and not view.tiles_due, timeout=20000)
    document.set_card_field("C", "text", "a long note that keeps going " * 30)  # l2 grows, l3 moves down
    scene._route_timer.stop()  # the next input comes before idle time
    assert layout.unrouted == 1 and arrows.hidden("k")
    _settle()
    qtbot.waitUntil(lambda: not view.tiles_due, timeout=20000)  # the ring's tiles, drawn while k waits
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 200)  # k comes into view
    _settle()
    assert layout.unrouted == 0
    assert _differing_pixels(_picture(view), _fresh_picture(qtbot, view)) == 0


def test_asking_for_a_waiting_arrows_item_routes_it_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What asks for an arrow's item (a rubber band choosing the arrows between its cards, while the
    view scrolls under it) gets it with the route a fresh layout gives it, not the one gone stale."""
    view = _board_at_100(qtbot)
    scene = view.scene()
    scene.complete()
    _grow_a_lane(view)
    layout = scene.layout
    waiting = [k for k in scene._links if layout.routed_link(k) is None][:20]
    assert waiting
    fresh = Layout(scene.document).links
    assert all(scene.link_item(k).geometry == fresh[k] for k in waiting)


def test_random_edits_with_arrows_waiting_keep_screen_items_and_layer_true_to_the_board(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Moves, texts grown and shrunk, cards added and removed, undone, on a board at 100%, idle
    routing let run at some steps and held back at others: after every step each arrow the layer
    draws is drawn as the layout routes it and each hidden one waits; at the end, everything routed,
    items, drawings and the screen are the board opened afresh."""
    import random

    from PySide6.QtGui import QUndoStack

    from canvas import commands as cmd
    from model import Card

    rng = random.Random(10)
    stack = QUndoStack()
    view = shown_board_view(qtbot, synthetic_board(400, links="local"), SIZE)
    scene = view.scene()
    scene.push = stack.push
    document, layout, arrows = scene.document, scene.layout, scene.arrows
    view.zoom_actual()
    view.centerOn(scene.sceneRect().center())
    _settle()
    stages, lanes = [s.id for s in document.stages], [lane.id for lane in document.lanes]
    waited = hid = 0
    for step in range(40):
        ids = [c.id for c in document.cards()]
        roll = rng.randrange(6)
        if roll == 0:
            card = document.card(rng.choice(ids))
            stack.push(cmd.MoveCard(document, card.id, rng.choice(stages), card.lane, 0))
        elif roll == 1:
            stack.push(cmd.SetCardField(document, rng.choice(ids), "text", "grown " * rng.randint(1, 40)))
        elif roll == 2:
            stack.push(cmd.AddCard(document, Card(document.new_id("card"), rng.choice(lanes), rng.choice(stages),
                                                  "new " * rng.randint(1, 30)), 0))
        elif roll == 3 and stack.canUndo():
            stack.undo()
        elif roll == 4:
            stack.push(cmd.RemoveCard(document, rng.choice(ids)))
        else:
            view.verticalScrollBar().setValue(rng.randrange(view.verticalScrollBar().maximum() + 1))
        if step % 3:
            scene._route_timer.stop()  # the next input comes first
        _settle()
        waited += bool(layout.unrouted)
        hid += bool(arrows._stale)
        for link_id, arrow in arrows._arrows.items():
            routed = layout.routed_link(link_id)
            if arrows.hidden(link_id):
                assert routed is None, (step, link_id)
            else:
                assert routed is not None and arrow.geometry.primitives == routed.primitives, (step, link_id)
    assert waited > 10 and hid > 5, (waited, hid)  # the case this test is about
    layout.route_rest()
    fresh = Layout(document).links
    assert not arrows._stale
    assert {k: a.geometry for k, a in arrows._arrows.items()} == {k: fresh[k] for k in arrows._arrows}
    assert all(item.geometry == fresh[k] for k, item in scene._links.items())
    assert _differing_pixels(_picture(view), _fresh_picture(qtbot, view)) == 0
