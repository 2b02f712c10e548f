"""Drive the real editor with mouse and key events: add, edit, move, connect, delete,
then undo everything back to the snapshot and redo everything forward again."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from app.editor import Editor
from canvas.inline_editor import InlineEditor
from model import style as st

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


@pytest.fixture
def editor(qtbot) -> Editor:  # type: ignore[no-untyped-def]
    widget = Editor(model.load(BLUEPRINT))
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)  # shortcuts need the active window
    widget.view.zoom_actual()
    return widget


def view_point(editor: Editor, x: float, y: float) -> QPoint:
    """Viewport coordinates of a board point, scrolling it into view first."""
    editor.view.centerOn(x, y)
    return editor.view.mapFromScene(QPointF(x, y))


def send_mouse(editor: Editor, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    """A mouse event on the viewport, with the button state Qt would give it."""
    viewport = editor.view.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def drag(editor: Editor, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Press at ``start``, move in steps, release at ``end`` (board coordinates)."""
    editor.view.centerOn((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    a = editor.view.mapFromScene(QPointF(*start))
    b = editor.view.mapFromScene(QPointF(*end))
    send_mouse(editor, QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton)
    for step in range(1, 11):
        p = a + (b - a) * (step / 10)
        send_mouse(editor, QEvent.Type.MouseMove, p, Qt.MouseButton.LeftButton)
    send_mouse(editor, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def rubber_band(editor: Editor, left: float, top: float, right: float, bottom: float) -> None:
    """Drag a rubber band over the board, fitted in the window, from (left, top) to (right, bottom)."""
    editor.view.zoom_fit()
    a = editor.view.mapFromScene(QPointF(left, top))
    b = editor.view.mapFromScene(QPointF(right, bottom))
    send_mouse(editor, QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton)
    for step in range(1, 6):
        send_mouse(editor, QEvent.Type.MouseMove, a + (b - a) * (step / 5), Qt.MouseButton.LeftButton)
    send_mouse(editor, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def type_into_editor(qtbot, editor: Editor, text: str) -> None:  # type: ignore[no-untyped-def]
    inline = editor.scene.editor
    assert isinstance(inline, InlineEditor) and not inline.finished
    QTest.keyClicks(editor.view.viewport(), text)


def test_add_edit_move_connect_delete_then_undo_and_redo_all(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    doc = editor.document
    before = model.dumps(doc)
    layout = editor.scene.layout
    stages, lanes = [s.id for s in doc.stages], [ln.id for ln in doc.lanes]

    # 1. Add a card: double-click an empty part of a cell, type, Enter.
    target_cell = (stages[0], lanes[3])
    cell = layout.cell_rect(*target_cell)
    cards_before = set(doc.cell_cards(*target_cell))
    bottom = max((layout.cards[c].y + layout.cards[c].h for c in cards_before), default=cell.y)
    pos = view_point(editor, cell.x + 24, (bottom + cell.y + cell.h) / 2 + 2)  # off the arrow down the middle
    QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    type_into_editor(qtbot, editor, "Prints the receipt")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    new_ids = set(doc.cell_cards(*target_cell)) - cards_before
    assert len(new_ids) == 1
    new_id = new_ids.pop()
    assert doc.card(new_id).text == "Prints the receipt"
    assert editor.undo_stack.count() == 1  # adding with text is one step

    # 2. Edit in place with F2; Shift+Enter makes a new line; Esc cancels a second edit.
    editor.scene.clearSelection()
    editor.scene.card_item(new_id).setSelected(True)
    editor.view.setFocus()
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_F2)
    QTest.keyClicks(editor.view.viewport(), "Prints")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(editor.view.viewport(), "a receipt")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    assert doc.card(new_id).text == "Prints\na receipt"
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_F2)
    QTest.keyClicks(editor.view.viewport(), "throw away")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
    assert doc.card(new_id).text == "Prints\na receipt"
    assert editor.undo_stack.count() == 2

    # 3. Drag the card to another stage: it lands in that cell, in one undo step.
    g = layout.cards[new_id]
    other = layout.cell_rect(stages[2], lanes[3])
    drag(editor, (g.x + 30, g.y + 12), (other.x + 40, other.y + other.h - 6))
    assert (doc.card(new_id).stage, doc.card(new_id).lane) == (stages[2], lanes[3])
    assert editor.undo_stack.count() == 3

    # 4. Connect: drag from the new card's right handle onto a card in the next stage.
    g = layout.cards[new_id]
    target = doc.cell_cards(stages[3], lanes[3])[0]
    t = layout.cards[target]
    links_before = {k.id for k in doc.links()}
    drag(editor, (g.x + g.w, g.y + g.h / 2), (t.x + t.w / 2, t.y + t.h / 2))
    added = [k for k in doc.links() if k.id not in links_before]
    assert [(k.source, k.target) for k in added] == [(new_id, target)]
    assert editor.undo_stack.count() == 4

    # 5. Select the link by clicking it and delete it; then delete a card with links.
    link_item = editor.scene.link_item(added[0].id)
    editor.scene.clearSelection()
    link_item.setSelected(True)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Delete)
    assert not doc.has_link(added[0].id)
    victim = next(c for c in doc.cards() if doc.links_of(c.id))
    editor.scene.clearSelection()
    victim_geometry = layout.cards[victim.id]
    click = view_point(editor, victim_geometry.x + 20, victim_geometry.y + 8)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, click)
    assert editor.selected_cards() == [victim.id]
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Delete)
    assert not doc.has_card(victim.id)

    # 6. Add a lane, name it, delete another lane with its cards. (The cell the deleted card left is the
    # current one, where typing adds a card: let go of it, or the lane would go below that cell's lane.)
    editor.scene.clearSelection()
    editor.scene.select_cell(None)
    editor.edit_actions.add_lane.trigger()
    QTest.keyClicks(editor.view.viewport(), "Partners")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    assert doc.lanes[-1].name == "Partners"
    header = editor.scene.header_item("lane", lanes[0])
    editor.scene.clearSelection()
    header.setSelected(True)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Delete)
    assert lanes[0] not in [ln.id for ln in doc.lanes]

    after = model.dumps(doc)
    steps = editor.undo_stack.count()
    assert steps == 8  # adding and naming the lane is one step
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert model.dumps(doc) == before
    # The scene follows the document: one item per card and link again.
    assert editor.scene.item_ids() == ({c.id for c in doc.cards()}, {k.id for k in doc.links()})
    while editor.undo_stack.canRedo():
        editor.undo_stack.redo()
    assert model.dumps(doc) == after


def test_enter_on_selected_cell_adds_card_and_escape_keeps_what_was_typed(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    """Esc ends a new card's edit keeping its text, as fast capture does (it was lost: no card, no undo
    step); Ctrl+Z takes it back. With nothing typed, Esc leaves no trace."""
    doc = editor.document
    before = model.dumps(doc)
    stage, lane = doc.stages[4].id, doc.lanes[0].id
    cell = editor.scene.layout.cell_rect(stage, lane)
    pos = view_point(editor, cell.x + cell.w - 6, cell.y + cell.h - 6)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert editor.scene.current_cell == (stage, lane)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
    assert model.dumps(doc) == before
    assert editor.undo_stack.count() == 0
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    QTest.keyClicks(editor.view.viewport(), "An idea typed in a hurry")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
    assert [doc.card(c).text for c in doc.cell_cards(stage, lane)][-1] == "An idea typed in a hurry"
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert model.dumps(doc) == before
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    QTest.keyClicks(editor.view.viewport(), "Receipt by email")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    assert [doc.card(c).text for c in doc.cell_cards(stage, lane)][-1] == "Receipt by email"


def test_rubber_band_and_ctrl_click_selection(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    doc, layout = editor.document, editor.scene.layout
    first_stage = doc.stages[0].id
    ids = [c.id for c in doc.cards() if c.stage == first_stage]
    rects = [layout.cards[c] for c in ids]
    left = min(r.x for r in rects) - 6
    top = min(r.y for r in rects) - 6
    right = max(r.x + r.w for r in rects) + 6
    bottom = max(r.y + r.h for r in rects) + 6
    rubber_band(editor, left, top, right, bottom)
    assert set(editor.selected_cards()) == set(ids)
    # Ctrl-click toggles one card out of the selection.
    g = layout.cards[ids[0]]
    editor.view.zoom_actual()
    p = view_point(editor, g.x + 20, g.y + 8)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, p)
    assert set(editor.selected_cards()) == set(ids) - {ids[0]}
    # Shift-click adds it back; a plain click selects only that card.
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, p)
    assert set(editor.selected_cards()) == set(ids)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    assert editor.selected_cards() == [ids[0]]


def test_click_selects_a_link_and_delete_removes_only_it(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    doc = editor.document
    link = next(k for k in doc.links() if doc.card(k.source).stage != doc.card(k.target).stage)
    point = editor.scene.link_item(link.id).curve.pointAtPercent(0.5)
    cards_before = doc.card_count()
    card = editor.scene.layout.cards[link.source]  # chosen first: the ring goes to it
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view_point(editor, card.x + card.w / 2, card.y + card.h / 2))
    assert editor.scene.nav.focused_card() == link.source
    pos = view_point(editor, point.x(), point.y())
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert editor.selected_links() == [link.id]
    assert editor.scene.nav.focus is None  # the ring left the card: it is not what the keys act on now
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Delete)
    assert not doc.has_link(link.id)
    assert doc.card_count() == cards_before


def test_space_drag_pans_the_view(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    view = editor.view
    view.setFocus()
    view.set_zoom(2.0)  # the board must be larger than the window to pan
    view.centerOn(600, 400)
    before = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    QTest.keyPress(view, Qt.Key.Key_Space)
    start = QPoint(700, 400)
    send_mouse(editor, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for step in range(1, 6):
        send_mouse(editor, QEvent.Type.MouseMove, start - QPoint(40 * step, 20 * step), Qt.MouseButton.LeftButton)
    send_mouse(editor, QEvent.Type.MouseButtonRelease, start - QPoint(200, 100), Qt.MouseButton.NoButton)
    QTest.keyRelease(view, Qt.Key.Key_Space)
    after = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    assert after[0] - before[0] == 200 and after[1] - before[1] == 100
    assert model.dumps(editor.document) == model.dumps(model.load(BLUEPRINT))  # panning edits nothing


def test_ctrl_wheel_zooms_plain_wheel_scrolls(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QWheelEvent

    view = editor.view
    centre = QPointF(view.viewport().rect().center())

    def wheel(dy: int, modifiers: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, dy),
                            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)

    wheel(120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.25)
    wheel(-240, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1 / 1.25)
    view.set_zoom(2.0)
    view.centerOn(600, 400)
    before = view.verticalScrollBar().value()
    wheel(-120, Qt.KeyboardModifier.NoModifier)
    assert view.verticalScrollBar().value() > before
    assert view.zoom == pytest.approx(2.0)


def test_zoom_keys_wheel_fit_and_actual(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    view = editor.view
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.25)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    QTest.keyClick(view.viewport(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    board = editor.scene.sceneRect()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(board)
    QTest.keyClick(view.viewport(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)


def test_a_fitted_board_stays_whole_when_the_window_is_made_smaller_until_zoomed(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    """Fit board, then a smaller window (a panel opened, another screen) kept the fit's zoom: the board was cut at
    both sides and the pinned lane names covered its first stage."""
    view = editor.view

    def whole_board_in_sight() -> bool:
        return view.mapToScene(view.viewport().rect()).boundingRect().contains(editor.scene.sceneRect())

    QTest.keyClick(view.viewport(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    fitted = view.zoom
    assert whole_board_in_sight()
    editor.resize(900, 600)
    qtbot.waitUntil(lambda: view.width() <= 900)
    qtbot.waitUntil(whole_board_in_sight)  # once the resize has settled
    assert view.zoom < fitted
    # A window dragged bigger: fitted once it has settled, not at each of its resize events (each new scale drops
    # the cards' caches).
    fits = []
    real_fit = view.zoom_fit
    view.zoom_fit = lambda: (fits.append(1), real_fit())  # type: ignore[method-assign]
    for width in range(950, 1400, 50):
        editor.resize(width, 600 + (width - 900) // 2)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: bool(fits))
    qtbot.wait(100)
    assert len(fits) == 1
    del view.zoom_fit
    editor.resize(1400, 900)
    qtbot.waitUntil(lambda: view.zoom >= fitted * 0.98)  # (the first fit's scrollbars took a little room)
    assert whole_board_in_sight()
    # The board grown under a fitted view (its scrollbars back) is not fitted again: a card typed would zoom out
    # under the typing.
    before = view.zoom
    QApplication.clipboard().setText("\n".join(f"Step {i}" for i in range(15)))
    editor.scene.nav.set_focus(("cell", (editor.document.stages[0].id, editor.document.lanes[1].id)))
    QTest.keyClick(view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert len(editor.document.cell_cards(editor.document.stages[0].id, editor.document.lanes[1].id)) > 15
    assert view.zoom == before and not whole_board_in_sight()
    # A zoom of one's own is kept: the fit holds only until the zoom changes.
    QTest.keyClick(view.viewport(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    zoomed = view.zoom
    editor.resize(900, 600)
    qtbot.waitUntil(lambda: view.width() <= 900)
    qtbot.wait(100)
    assert view.zoom == pytest.approx(zoomed) and not whole_board_in_sight()


def test_stage_rename_by_double_click_and_reorder_by_drag(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    doc, layout = editor.document, editor.scene.layout
    first, second = doc.stages[0].id, doc.stages[1].id
    r = layout.stage_headers[first].rect
    pos = view_point(editor, r.x + r.w / 2, r.y + r.h / 2)
    QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    # The field lies over the name, where the name is drawn, not over the stage number above it.
    from model.headers import STAGE_NAME_TOP
    field = editor.scene.editor
    assert field is not None and field.pos().y() == r.y + STAGE_NAME_TOP
    QTest.keyClicks(editor.view.viewport(), "Find us")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    assert doc.stage(first).name == "Find us"
    r2 = layout.stage_headers[second].rect
    drag(editor, (r.x + 20, r.y + r.h / 2), (r2.x + r2.w - 10, r2.y + r2.h / 2))
    assert [s.id for s in doc.stages][:2] == [second, first]
    editor.undo_stack.undo()
    assert [s.id for s in doc.stages][:2] == [first, second]


def test_a_link_label_shows_above_cards_only_while_the_link_has_one(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    from canvas import commands as cmd
    from canvas.items import CardItem

    doc = editor.document
    link = next(k for k in doc.links() if not k.label)
    label_item = editor.scene.link_item(link.id).label_item
    assert label_item.scene() is None
    editor.push(cmd.SetLinkField(doc, link.id, "label", "hand-off"))
    assert label_item.scene() is editor.scene
    assert label_item.zValue() > max(i.zValue() for i in editor.scene.items() if isinstance(i, CardItem))
    assert not label_item.boundingRect().isEmpty()
    editor.undo_stack.undo()
    assert label_item.scene() is None


def test_opening_shows_the_board_from_its_top_left_corner(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = Editor(model.load(BLUEPRINT))
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.left() <= 1 and visible.top() <= 1  # the title's first letter is on screen
    assert 0.5 <= view.zoom <= 1.0


def test_rubber_band_selects_only_the_arrows_it_encloses(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    doc, layout = editor.document, editor.scene.layout
    stage = doc.stages[2].id
    ids = [c.id for c in doc.cards() if c.stage == stage]
    rects = [layout.cards[c] for c in ids]
    left, top = min(r.x for r in rects) - 6, min(r.y for r in rects) - 6
    right, bottom = max(r.x + r.w for r in rects) + 6, max(r.y + r.h for r in rects) + 6
    rubber_band(editor, left, top, right, bottom)
    inside = {k.id for k in doc.links() if doc.card(k.source).stage == stage and doc.card(k.target).stage == stage}
    crossing = {k.id for k in doc.links() if (doc.card(k.source).stage == stage) != (doc.card(k.target).stage == stage)}
    assert inside and crossing
    selected = set(editor.selected_links())
    assert selected <= inside and not selected & crossing
    assert set(editor.selected_cards()) == set(ids)


def test_an_empty_board_says_how_to_add_a_card_until_it_has_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    from model.templates import new_document

    widget = Editor(new_document("journey"))
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)  # shortcuts need the active window
    hint = widget.scene._empty_hint
    assert hint.isVisible()
    first = widget.scene.layout.cell_rect(widget.document.stages[0].id, widget.document.lanes[0].id)
    assert hint.boundingRect().adjusted(2, 2, -2, -2).topLeft().toTuple() == (first.x, first.y)
    widget.scene.select_cell((widget.document.stages[1].id, widget.document.lanes[1].id))
    widget.view.setFocus()
    QTest.keyClick(widget.view.viewport(), Qt.Key.Key_Return)
    QTest.keyClicks(widget.view.viewport(), "Sees an ad")
    QTest.keyClick(widget.view.viewport(), Qt.Key.Key_Return)
    assert widget.document.card_count() == 1
    assert not hint.isVisible()
    widget.undo_stack.undo()
    assert hint.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_X])
def test_deleting_or_cutting_a_card_while_its_impact_is_shown_ends_it_and_undoes(editor: Editor, key: Qt.Key) -> None:
    """Delete (or Ctrl+X) with Show impact on raised mid-edit: the card stayed with an arrow gone, the undo
    step was pushed anyway and Ctrl+Z raised; the impact view could no longer be left."""
    doc, scene = editor.document, editor.scene
    card_id = next(c.id for c in doc.cards() if len(doc.links_of(c.id)) >= 2)
    before = model.dumps(doc)
    scene.clearSelection()
    scene.card_item(card_id).setSelected(True)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert scene.impact is not None
    modifiers = Qt.KeyboardModifier.ControlModifier if key == Qt.Key.Key_X else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(editor.view.viewport(), key, modifiers)
    assert not doc.has_card(card_id) and scene.impact is None
    assert all(scene.card_item(c.id).opacity() == 1.0 for c in doc.cards())
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.dumps(doc) == before


def test_show_impact_lights_what_breaks_fully_and_what_the_card_relies_on_by_half(editor: Editor) -> None:
    """Both were lit alike: the steps a frontstage action relies on looked as if they would break too."""
    from model.impact import impact

    doc, scene = editor.document, editor.scene
    card_id = next(c.id for c in doc.cards() if doc.lane(c.lane).kind == "frontstage"
                   and impact(doc, c.id).dependencies - impact(doc, c.id).affected and impact(doc, c.id).affected)
    expected = impact(doc, card_id)
    relied_on = expected.dependencies - expected.affected
    scene.clearSelection()
    scene.card_item(card_id).setSelected(True)
    messages: list[str] = []
    editor.impact_changed.connect(messages.append)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    for card in doc.cards():
        wanted = 1.0 if card.id in {card_id} | expected.affected else 0.5 if card.id in relied_on else 0.18
        assert scene.card_item(card.id).opacity() == pytest.approx(wanted), card.text
    depends = next(k for k in doc.links_of(card_id) if {k.source, k.target} & relied_on)
    assert scene.link_item(depends.id).opacity() == pytest.approx(0.5)
    assert "(lit)" in messages[-1] and "(half-lit)" in messages[-1]
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
    # A spotlight after it lights its lane's cards whole: nothing of the half-lit set stays behind.
    lane = doc.card(next(iter(relied_on))).lane
    scene.dim_all_but(set(doc.cards_in_lane(lane)))
    assert all(scene.card_item(c).opacity() == 1.0 for c in doc.cards_in_lane(lane))


def test_show_impact_lights_what_a_support_card_breaks_and_esc_leaves(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    from model.impact import impact

    doc, scene = editor.document, editor.scene
    support = next(c.id for c in doc.cards() if doc.lane(c.lane).kind == "support" and impact(doc, c.id).customer_paths)
    expected = impact(doc, support)
    scene.clearSelection()
    scene.card_item(support).setSelected(True)
    messages: list[str] = []
    editor.impact_changed.connect(messages.append)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    lit = {support} | expected.affected | expected.dependencies
    for card in doc.cards():
        assert scene.card_item(card.id).opacity() == (1.0 if card.id in lit else pytest.approx(0.18))
    on_path = [k for k in doc.links() if scene.link_item(k.id)._emphasis]
    assert on_path and all(k.source in lit and k.target in lit for k in on_path)
    customer_steps = set(expected.customer_paths)
    assert customer_steps <= {k.target for k in on_path} | {k.source for k in on_path}
    assert messages and f"{len(customer_steps)} customer step" in messages[-1]
    # What it relies on is counted in cards, as what it affects is ("relies on 3 (half-lit)" said 3 of what?).
    relied = len(expected.dependencies)
    assert f"relies on {relied} card{'s' if relied != 1 else ''} (half-lit)" in messages[-1], messages[-1]
    # Another card chosen while it shows: Ctrl+I shows that card's (it left the view, a second Ctrl+I needed).
    other = next(c.id for c in doc.cards() if c.id not in lit and impact(doc, c.id).affected)
    scene.clearSelection()
    scene.card_item(other).setSelected(True)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert scene.impact is not None and scene.impact.card == other
    assert scene.card_item(other).opacity() == 1.0 and scene.card_item(support).opacity() < 1.0
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
    assert messages[-1] == ""  # the status line is cleared too
    assert all(scene.card_item(c.id).opacity() == 1.0 for c in doc.cards())
    assert not any(scene.link_item(k.id)._emphasis for k in doc.links())


def test_the_board_title_is_renamed_in_place_by_double_click_or_f2_with_nothing_chosen(editor: Editor) -> None:
    """The title could be changed in Properties › Board only: a double-click on the heading did nothing."""

    doc, layout = editor.document, editor.scene.layout
    r = layout.title_rect
    assert 0 < r.w < layout.width / 2 and r.h > 0  # the title's words, not the whole row
    far = view_point(editor, r.x + r.w + 200, r.y + r.h / 2)  # right of the words: nothing to rename
    QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, far)
    assert editor.scene.editor is None or editor.scene.editor.finished
    editor.view.centerOn(r.x + r.w / 4, r.y + r.h / 2)
    pos = view_point(editor, r.x + 40, r.y + r.h / 2)
    QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    field = editor.scene.editor
    assert field is not None and field.toPlainText() == doc.title  # type: ignore[attr-defined]
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor.view.viewport(), "Coffee to go")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    assert doc.title == "Coffee to go" and editor.undo_stack.undoText() == "Rename board"
    editor.undo_stack.undo()
    assert doc.title != "Coffee to go"
    editor.scene.clearSelection()
    editor.scene.select_cell(None)
    editor.scene.nav.set_focus(None)
    assert editor.edit_actions.edit_text.isEnabled()
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_F2)
    field = editor.scene.editor
    assert field is not None and not field.finished and field.toPlainText() == doc.title  # type: ignore[attr-defined]
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)


def test_esc_while_dragging_a_card_puts_it_back_and_the_drag_does_nothing(editor: Editor) -> None:
    """Esc cancels a card's drag as it cancels a new arrow's (it only cleared the selection, and the
    release still moved the card)."""
    doc = editor.document
    before = model.dumps(doc)
    card = next(iter(editor.scene.layout.cards.values()))
    other = doc.stages[2].id
    target = editor.scene.layout.cell_rect(other, doc.card(card.id).lane)
    start = (card.x + card.w / 2, card.y + card.h / 2)
    end = (target.x + target.w / 2, target.y + target.h / 2)
    editor.view.centerOn((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    a, b = editor.view.mapFromScene(QPointF(*start)), editor.view.mapFromScene(QPointF(*end))
    send_mouse(editor, QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton)
    for step in range(1, 6):
        send_mouse(editor, QEvent.Type.MouseMove, a + (b - a) * (step / 10), Qt.MouseButton.LeftButton)
    item = editor.scene.card_item(card.id)
    assert item.pos() != QPointF(card.x, card.y)  # held away from its place
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
    assert item.pos() == QPointF(card.x, card.y)  # back at once
    for step in range(6, 11):
        send_mouse(editor, QEvent.Type.MouseMove, a + (b - a) * (step / 10), Qt.MouseButton.LeftButton)
    send_mouse(editor, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)
    assert model.dumps(doc) == before and editor.undo_stack.count() == 0
    assert item.pos() == QPointF(card.x, card.y)
    drag(editor, start, end)  # the next drag works as ever
    assert doc.card(card.id).stage == other


def test_a_double_click_on_a_card_puts_the_caret_where_it_was_clicked(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    """It selected the whole text: a typo fixed by typing after the double-click replaced the card. F2 still
    selects it all, to be typed over."""
    doc, layout = editor.document, editor.scene.layout
    card_id = next(c.id for c in doc.cards() if c.text.startswith("Window decal"))
    text = doc.card(card_id).text
    r = layout.cards[card_id]
    first_line = layout.cards[card_id].lines[0]
    from model.typesetting import text_width

    # Just after "Window" on the first line.
    x = r.x + st.CARD_PAD_X + text_width("Window", st.CARD_SIZE) + 0.5
    y = r.y + r.shape.text_top + 8
    assert first_line.startswith("Window ")
    pos = view_point(editor, x, y)
    QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    field = editor.scene.editor
    assert isinstance(field, InlineEditor) and not field.textCursor().hasSelection()
    QTest.keyClicks(editor.view.viewport(), "s")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    assert doc.card(card_id).text == "Windows" + text[len("Window"):]
    editor.scene.clearSelection()
    editor.scene.card_item(card_id).setSelected(True)
    editor.view.setFocus()
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_F2)
    field = editor.scene.editor
    assert isinstance(field, InlineEditor) and field.textCursor().selectedText() == doc.card(card_id).text
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
