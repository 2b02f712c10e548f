"""Opening a large board routes only the arrows its first screen can show; the rest after the first paint.

Counted, not timed (issue 9, "open to first paint"). The window's layout routes an arrow
when a view is about to show it (model/layout.py ``defer_links``); nobody can tell: the
first paint is the picture of the board fully routed, and whatever needs every arrow right
after opening (Show impact, Select All, an edit, a copy of the board) gets every arrow.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from app.first_paint import after_first_paint
from app.main_window import MainWindow
from model.layout import Layout
from tests.ui.large_boards import synthetic_board

N = 2000


@pytest.fixture
def opened(qtbot):  # type: ignore[no-untyped-def]
    """A window on a 2,000-card board, shown; what it held when its first paint was over."""
    document = synthetic_board(N, links="local")
    for link in list(document.links())[::40]:  # labels (drawn by items of their own) here and there
        document.set_link_field(link.id, "label", "if late")
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1200, 800)
    editor = window.editor
    scene, view = editor.scene, editor.view
    seen: dict[str, object] = {}

    def first_painted() -> None:  # queued before the editor's own (the newest event filter runs first)
        seen["unrouted"] = scene.layout.unrouted
        seen["in layer"] = set(scene.arrows._arrows)
        seen["link items"] = set(scene._links)
        seen["viewport"] = view.mapToScene(view.viewport().rect()).boundingRect()
        seen["picture"] = view.viewport().grab().toImage()

    after_first_paint(view.viewport(), first_painted)
    window.show()
    qtbot.waitUntil(lambda: "unrouted" in seen, timeout=20000)
    return window, seen


def _shown(bounds: tuple[float, float, float, float], area: QRectF) -> bool:
    x, y, w, h = bounds
    return QRectF(x, y, w, h).intersects(area)


def test_the_first_paint_routed_only_what_its_screen_can_show(opened) -> None:  # type: ignore[no-untyped-def]
    window, seen = opened
    fresh = Layout(window.editor.document).links
    on_screen = {k for k, g in fresh.items() if _shown(g.bounds, seen["viewport"])}
    assert on_screen, "the first screen shows arrows"
    # every arrow on screen was routed and handed to the arrow layer before the first paint ...
    assert on_screen <= seen["in layer"]
    # ... and most of the board's were not (routed after it)
    assert seen["unrouted"] > len(fresh) * 3 // 4
    assert len(seen["in layer"]) + seen["unrouted"] == len(fresh)
    # the only arrow items made for it are the labelled arrows' on screen: their items draw the
    # labels; a plain arrow's item paints nothing (the layer draws it) and is made after the paint
    labelled = {k for k in on_screen if fresh[k].label}
    assert labelled and seen["link items"] == labelled


def test_a_click_on_a_plain_arrow_right_after_the_first_paint_selects_it(opened) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    window, seen = opened
    editor = window.editor
    scene, view = editor.scene, editor.view
    fresh = Layout(editor.document).links
    area = seen["viewport"]
    cards = [QRectF(g.x - 4, g.y - 4, g.w + 8, g.h + 8) for g in scene.layout.cards.values()]

    def middle(curve: tuple) -> QPointF:  # type: ignore[type-arg]
        (_, x0, y0), (_, x1, y1, x2, y2, x3, y3) = curve[:2]
        return QPointF((x0 + 3 * x1 + 3 * x2 + x3) / 8, (y0 + 3 * y1 + 3 * y2 + y3) / 8)

    # a plain arrow on screen whose item is not made yet, clicked at its middle, off every card
    target = next(k for k, g in fresh.items() if not g.label and k not in scene._links and len(g.curve) == 2
                  and area.adjusted(40, 40, -40, -40).contains(middle(g.curve))
                  and not any(r.contains(middle(g.curve)) for r in cards))
    point = middle(fresh[target].curve)
    made_before = set(scene._links)
    pixel = view.mapFromScene(point)
    clicked = view.mapToScene(pixel)  # where the click lands on the board (the view is zoomed)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixel)
    # that arrow, or one crossing it there, is chosen: its item was made by the click
    chosen = editor.selected_links()
    assert len(chosen) == 1 and chosen[0] not in made_before
    item = scene.link_item(chosen[0])
    assert item.shape().contains(item.mapFromScene(clicked)) and item.geometry == fresh[chosen[0]]


def test_after_the_first_paint_every_arrow_is_routed_as_a_fresh_layout_and_the_picture_is_the_same(  # type: ignore[no-untyped-def]
        opened, qtbot) -> None:
    window, seen = opened
    scene, view = window.editor.scene, window.editor.view
    qtbot.waitUntil(lambda: scene.unbuilt == 0 and scene.layout.unrouted == 0, timeout=60000)
    fresh = Layout(window.editor.document, legend=scene.layout.show_legend)
    assert scene.layout.links == fresh.links
    assert list(scene.layout.links) == list(fresh.links)
    assert {k: a.geometry for k, a in scene.arrows._arrows.items()} == fresh.links
    assert set(scene._links) == set(fresh.links)
    # the first paint drew exactly what the fully routed board draws there
    now: QImage = view.viewport().grab().toImage()
    first: QImage = seen["picture"]
    assert now.size() == first.size()
    assert now == first


def test_what_needs_every_arrow_right_after_opening_gets_every_arrow(opened) -> None:  # type: ignore[no-untyped-def]
    window, _seen = opened
    editor = window.editor
    scene, document = editor.scene, editor.document
    assert scene.layout.unrouted, "arrows still wait: the background has not run yet"
    # Show impact of a card whose arrows are far from the first screen
    far = next(link for link in reversed(list(document.links())))
    impact = scene.show_impact(far.source)
    assert scene.layout.unrouted == 0 and scene.unbuilt == 0
    assert impact.affected or impact.dependencies
    scene.clear_impact()
    assert {k: a.geometry for k, a in scene.arrows._arrows.items()} == Layout(document, legend=True).links


def test_select_all_and_a_copy_of_the_board_right_after_opening_see_every_arrow(opened) -> None:  # type: ignore[no-untyped-def]
    from app.board_image import _selection

    window, _seen = opened
    editor = window.editor
    scene, document = editor.scene, editor.document
    assert scene.layout.unrouted
    # Copy as image of cards far from the first screen: their arrows are in the picture
    far = {card.id for card in list(document.cards())[-200:]}
    between = [k for k in document.links() if k.source in far and k.target in far]
    assert between and any(scene.layout.routed_link(k.id) is None for k in between)
    prims, _box = _selection(scene.layout, far)
    fresh = Layout(document, legend=True)
    for link in between:
        assert all(p in prims for p in fresh.links[link.id].primitives)
    editor.select_all()
    assert editor.selected_cards() == [card.id for card in document.cards()]
    assert scene.layout.unrouted == 0 and set(scene._links) == {link.id for link in document.links()}


def test_an_edit_right_after_opening_lays_the_board_out_as_a_fresh_layout(opened) -> None:  # type: ignore[no-untyped-def]
    window, _seen = opened
    editor = window.editor
    scene, document = editor.scene, editor.document
    waiting = [k.id for k in document.links() if scene.layout.routed_link(k.id) is None]
    assert waiting
    # move a card with a waiting arrow into another stage, as a drag would
    card = document.card(document.link(waiting[0]).source)
    stages = [s.id for s in document.stages]
    there = stages[(stages.index(card.stage) + 1) % len(stages)]
    unbuilt, items = scene.unbuilt, (set(scene._cards), set(scene._links))
    document.move_card(card.id, there, card.lane, 0)
    fresh = Layout(document, legend=scene.layout.show_legend)
    layout, arrows = scene.layout, scene.arrows
    # every arrow the layer draws is drawn as a fresh layout has it; those whose route went stale
    # (a lane moved under them) are not drawn, and wait, with those waiting since the opening ...
    drawn = {k: a.geometry for k, a in arrows._arrows.items() if k not in arrows._stale}
    assert drawn and all(geometry == fresh.links[k] for k, geometry in drawn.items())
    assert arrows._stale <= set(layout._unrouted)
    # ... none of which can show in the view (each one's box, round its cards, misses it) ...
    area = editor.view.shown_area()
    assert not layout.route_area(area.left(), area.top(), area.right(), area.bottom())
    # ... and reading every arrow routes them: the layer takes each
    assert layout.links == fresh.links and layout.unrouted == 0 and not arrows._stale
    assert {k: a.geometry for k, a in scene.arrows._arrows.items()} == fresh.links
    assert {k: item.geometry for k, item in scene._links.items()} == {k: fresh.links[k] for k in scene._links}
    # ... but no item was made for it (an item not made yet is made from the layout as it is
    # then): an edit that moves a lane names thousands of items, and making every item of a
    # 5,000-card board before the first edit took ~1 s
    assert (set(scene._cards), set(scene._links)) == items and scene.unbuilt == unbuilt
    scene.complete()
    assert {k: item.geometry for k, item in scene._links.items()} == fresh.links
    # and the arrows of the moved card are drawn where the fresh layout has them
    for link in document.links_of(card.id):
        assert scene.link_item(link.id).geometry == fresh.links[link.id]


def test_an_arrow_grazing_the_pressed_pixel_hands_the_press_to_the_arrow_under_the_point(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Qt offers a press to the top item whose shape meets the pixel's square (2x2 board units at
    # 50 %); which of two crowded arrows lay on top followed the hash seed (the click tests above
    # failed with PYTHONHASHSEED=1 or 3). The arrow under the very point takes it.
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent

    from canvas.items import LinkItem
    from tests.ui.large_boards import shown_board_view

    view = shown_board_view(qtbot, synthetic_board(200, links="local"))
    scene = view.scene()
    scene.complete()
    arrows = [scene.link_item(k) for k in sorted(scene.item_ids()[1])]  # id order: the same whatever the hash seed

    def press(item: LinkItem, point: QPointF) -> bool:
        event = QGraphicsSceneMouseEvent(QEvent.Type.GraphicsSceneMousePress)
        event.setButton(Qt.MouseButton.LeftButton)
        event.setScenePos(point)
        event.setPos(item.mapFromScene(point))
        event.setAccepted(True)
        item.mousePressEvent(event)
        return event.isAccepted()

    def on(item: LinkItem) -> QPointF:
        return item.mapToScene(item.curve.pointAtPercent(0.5))

    def lonely_near(item: LinkItem) -> QPointF | None:
        """A point beside the arrow's middle, off its shape, that no arrow holds (None: it lies in a crowd)."""
        middle = on(item)
        return next((p for p in (QPointF(middle.x() + d, middle.y() + e) for d in (-7, 7) for e in (-7, 7))
                     if not item.shape().contains(item.mapFromScene(p))
                     and not any(isinstance(i, LinkItem) for i in scene.items(p))), None)

    # An arrow with such a point beside it (the first arrows of a hash seed's order could all lie
    # in crowds: the test failed with PYTHONHASHSEED 1 to 4), and another whose middle it misses.
    grazing, lonely = next((a, p) for a in arrows if (p := lonely_near(a)) is not None)
    under = next(b for b in arrows if b is not grazing and not grazing.shape().contains(grazing.mapFromScene(on(b))))
    assert press(grazing, on(under)) is False  # handed on: Qt offers it to the next item down
    assert under.shape().contains(under.mapFromScene(on(under)))
    assert press(under, on(under)) is True
    # Where no other arrow holds the point, a grazing arrow takes the press as before.
    assert press(grazing, lonely) is True
    scene.detach()
