"""Opening a large board: the items of what the view shows are made before its first paint, the rest after.

Counted, not timed (issue 9, "open to first paint"): the first paint of a 2,000-card board
waits for the items it shows, not for the board's; every card is then reachable as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from app.first_paint import after_first_paint
from app.main_window import MainWindow
from canvas.items import DIMMED, CardItem, LinkLabelItem
from canvas.scene import BoardScene
from model import Document
from model.layout import Layout

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from boards import synthetic_board  # noqa: E402

N = 2000


def shown_cards(scene: BoardScene, area: QRectF) -> set[str]:
    """The cards whose box meets ``area``."""
    return {card_id for card_id, g in scene.layout.cards.items()
            if QRectF(g.x, g.y, g.w, g.h).intersects(area)}


@pytest.fixture
def opened(qtbot):  # type: ignore[no-untyped-def]
    """A window on a 2,000-card board, shown; what the scene held when its first paint was over."""
    window = MainWindow(synthetic_board(N))
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1200, 800)
    scene, view = window.editor.scene, window.editor.view
    seen: dict[str, object] = {}

    def first_painted() -> None:  # queued before the editor's own (the newest event filter runs first)
        seen["cards"] = set(scene._cards)
        seen["links"] = set(scene._links)
        seen["waiting"] = scene.arrows.waiting
        seen["viewport"] = view.mapToScene(view.viewport().rect()).boundingRect()
        seen["area"] = view.shown_area().adjusted(-8, -8, 8, 8)  # build_area keeps 8 px for outlines and handles

    after_first_paint(view.viewport(), first_painted)
    window.show()
    qtbot.waitUntil(lambda: "cards" in seen, timeout=20000)
    return window, seen


def test_the_first_paint_waits_only_for_the_items_it_shows(opened) -> None:  # type: ignore[no-untyped-def]
    window, seen = opened
    scene = window.editor.scene
    in_view = shown_cards(scene, seen["viewport"])
    near = shown_cards(scene, seen["area"])
    assert in_view, "the view shows some of the board"
    # every card on screen has its item; none was made beyond the margin around the view
    assert in_view <= seen["cards"] <= near
    assert len(seen["cards"]) < N // 4
    assert len(seen["links"]) < len(scene.layout.links)
    # and the arrows off screen were not put in the arrow layer's grid yet
    assert seen["waiting"] > 0


def test_the_rest_is_made_after_the_first_paint_and_every_card_is_reachable(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _seen = opened
    editor = window.editor
    scene = editor.scene
    # without anything asking for them, the event loop makes the rest in steps
    qtbot.waitUntil(lambda: scene.unbuilt == 0 and scene.arrows.waiting == 0, timeout=60000)
    assert set(scene._cards) == set(scene.layout.cards)
    assert set(scene._links) == set(scene.layout.links)
    editor.select_all()
    assert editor.selected_cards() == [card.id for card in editor.document.cards()]


def lazy_scene(document: Document) -> BoardScene:
    scene = BoardScene(document, lambda command: None, lazy=True)
    assert scene.unbuilt == document.card_count() + len(list(document.links()))
    return scene


def test_whatever_asks_for_an_item_that_is_not_made_yet_gets_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = synthetic_board(300)
    scene = lazy_scene(document)
    last = list(document.cards())[-1]
    # one card asked for (the checks panel, keyboard navigation): that one is made
    assert isinstance(scene.card_item(last.id), CardItem)
    assert scene.unbuilt == document.card_count() + len(list(document.links())) - 1
    # the rest is made a chunk at a time (the editor's turns after the first paint), cards first
    left = scene.unbuilt
    assert scene.build_some(10) == left - 10
    assert len(scene._cards) == 11 and not scene._links
    waiting = scene.arrows.waiting
    assert waiting == len(list(document.links())) and scene.arrows.index_some(5) == waiting - 5
    # a spotlight dims the items made after it like those made before
    scene.dim_all_but({last.id})
    scene.complete()
    assert scene.unbuilt == 0
    first = next(iter(document.cards()))
    assert scene.card_item(first.id).opacity() == pytest.approx(DIMMED)
    assert scene.card_item(last.id).opacity() == 1.0
    scene.detach()


def test_an_edit_and_a_render_make_the_items_they_need(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = synthetic_board(300)
    scene = lazy_scene(document)
    # render() of a part of the board (a thumbnail, copy as image) makes the items of that part
    far = scene.layout.cards[list(document.cards())[-1].id]
    part = QRectF(far.x - 20, far.y - 20, far.w + 40, far.h + 40)
    image = QImage(int(part.width()), int(part.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, part.width(), part.height()), part)
    painter.end()
    assert shown_cards(scene, part) <= set(scene._cards)
    assert scene.unbuilt > 0
    assert len({image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}) > 2
    # an edit makes (or updates) the items the layout's answer names, not every item of the board
    card = next(iter(document.cards()))
    before = scene.unbuilt
    document.set_card_field(card.id, "text", "changed " * 12)
    assert scene.card_item(card.id).geometry == scene.layout.cards[card.id]
    assert 0 < scene.unbuilt <= before
    # the items made later are made as the edited layout has them
    scene.complete()
    assert scene.unbuilt == 0
    assert scene.item_ids() == (set(scene.layout.cards), set(scene.layout.links))
    fresh = Layout(document)
    assert all(scene.card_item(k).geometry.y == g.y for k, g in fresh.cards.items())
    assert all(scene.link_item(k).geometry == g for k, g in fresh.links.items())
    scene.detach()


def test_only_labelled_links_make_a_label_item(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = synthetic_board(200)
    links = list(document.links())
    labelled = {link.id for link in links[:7]}
    for link_id in labelled:
        document.set_link_field(link_id, "label", "if late")
    scene = BoardScene(document, lambda command: None)
    labels = [item for item in scene.items() if isinstance(item, LinkLabelItem)]
    assert len(labels) == len(labelled)
    assert all((scene.link_item(k.id)._label is not None) == (k.id in labelled) for k in links)
    scene.detach()


def test_file_open_shows_a_large_board_without_waiting_for_its_items(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import model
    from app.editor import Editor

    board = tmp_path / "big.touchline"
    board.write_text(model.dumps(synthetic_board(N)), encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    seen: dict[str, object] = {}
    real = Editor._first_painted

    def first_painted(editor: Editor) -> None:  # what the new board's first paint had: before the rest is made
        view = editor.view
        seen.setdefault("cards", set(editor.scene._cards))
        seen.setdefault("viewport", view.mapToScene(view.viewport().rect()).boundingRect())
        real(editor)

    monkeypatch.setattr(Editor, "_first_painted", first_painted)
    assert window.open_path(board) is True
    assert window.path == board.absolute()
    scene = window.editor.scene
    qtbot.waitUntil(lambda: "cards" in seen, timeout=20000)
    # the new board was painted with only the items of what it shows made (no "Drawing…" wait for all)
    assert shown_cards(scene, seen["viewport"]) and shown_cards(scene, seen["viewport"]) <= seen["cards"]
    assert len(seen["cards"]) < N // 4
    qtbot.waitUntil(lambda: scene.unbuilt == 0, timeout=60000)
    assert set(scene._cards) == set(scene.layout.cards)


def test_a_large_boards_thumbnail_is_its_zoomed_out_view_and_makes_no_items(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.settings import render_thumbnail

    document = synthetic_board(N)
    scene = lazy_scene(document)
    before = scene.unbuilt
    image = render_thumbnail(scene)
    # drawn from the layout (background, headers, the overview's boxes), not by the items
    assert scene.unbuilt == before
    colours = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert len(colours) > 8  # lanes, cards and lines, not a blank page
    # centred: as much white left of the board as right of it
    row = image.height() // 2
    inked = [x for x in range(image.width()) if image.pixel(x, row) != QColor("white").rgb()]
    assert abs(inked[0] - (image.width() - 1 - inked[-1])) <= 2
    scene.detach()


def test_a_board_opened_zoomed_out_waits_for_no_items_and_a_click_makes_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest

    from canvas.items import TEXT_LOD

    window = MainWindow(synthetic_board(N))
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1200, 800)
    scene, view = window.editor.scene, window.editor.view
    window.editor.initial_view = (QPointF(scene.layout.width / 2, scene.layout.height / 2), TEXT_LOD / 2)
    seen: dict[str, object] = {}

    def first_painted() -> None:
        seen["cards"], seen["overview"] = len(scene._cards), scene.overview_active
        # a click on the zoomed-out board (selecting, starting a band) needs the items: they are made
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(view.viewport().width() // 2, view.viewport().height() // 2))
        seen["after click"] = scene.unbuilt

    after_first_paint(view.viewport(), first_painted)
    window.show()
    qtbot.waitUntil(lambda: "cards" in seen, timeout=20000)
    assert seen["overview"] is True and seen["cards"] == 0
    assert seen["after click"] == 0


def test_opening_with_nothing_selected_orders_nothing(opened) -> None:  # type: ignore[no-untyped-def]
    """The selection is kept in document order from a map of every card's and link's position;
    with nothing selected (a board just opened) that map of ~5,000 entries is not made."""
    window, _seen = opened
    editor = window.editor
    scene = editor.scene
    assert editor.selected_cards() == [] and scene._order_cache is None
    ids = [card.id for card in editor.document.cards()]
    for card_id in (ids[7], ids[3]):
        scene.card_item(card_id).setSelected(True)
    assert editor.selected_cards() == [ids[3], ids[7]]
    assert scene._order_cache is not None
