"""Findings of a UX and code review of the editor, each reproduced with real key and mouse events.

Every test shows one bug and is marked ``xfail(strict=True)``: the suite stays green until the
bug is fixed, and then the test XPASSes, fails the run, and its marker must be removed.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from app.editor import Editor
from app.main_window import MainWindow
from canvas.inline_editor import InlineEditor
from canvas.items import CardItem, LinkItem

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"

KEEP = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


# ---------------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """An active 1600x1000 window showing a copy of the coffee-shop blueprint, opened as File > Open does."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.asked: list[str] = []  # type: ignore[attr-defined,misc]

    def ask_save_changes() -> str:
        win.asked.append("save changes?")  # type: ignore[attr-defined]
        return "discard"

    win.ask_save_changes = ask_save_changes  # type: ignore[method-assign,assignment]
    win.show_error = lambda title, text: pytest.fail(f"{title}: {text}")  # type: ignore[method-assign]
    win.resize(1600, 1000)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    path = tmp_path / "coffee.touchline"
    shutil.copyfile(BLUEPRINT, path)
    assert win.open_path(path)
    qtbot.wait(20)  # the new editor is shown by a queued call, as in the running app
    win.editor.view.zoom_actual()
    yield win


def view_point(editor: Editor, x: float, y: float) -> QPoint:
    """Viewport coordinates of a board point, scrolled into view first."""
    editor.view.centerOn(x, y)
    return editor.view.mapFromScene(QPointF(x, y))


def send_mouse(editor: Editor, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    viewport = editor.view.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else LEFT
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, KEEP)
    QApplication.sendEvent(viewport, event)


def drag(editor: Editor, start: tuple[float, float], end: tuple[float, float], steps: int = 10) -> None:
    """Press at ``start``, move in steps, release at ``end`` (board coordinates)."""
    editor.view.centerOn((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    a = editor.view.mapFromScene(QPointF(*start))
    b = editor.view.mapFromScene(QPointF(*end))
    send_mouse(editor, QEvent.Type.MouseButtonPress, a, LEFT)
    for step in range(1, steps + 1):
        send_mouse(editor, QEvent.Type.MouseMove, a + (b - a) * (step / steps), LEFT)
    send_mouse(editor, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def click_card(editor: Editor, card_id: str) -> None:
    g = editor.scene.layout.cards[card_id]
    QTest.mouseClick(editor.view.viewport(), LEFT, KEEP, view_point(editor, g.x + 20, g.y + 10))
    assert editor.selected_cards() == [card_id]


def start_new_card_in_empty_corner(editor: Editor, stage: str, lane: str, text: str) -> None:
    """Click the bottom-right corner of a cell, Enter, type: a new card is being written in place."""
    cell = editor.scene.layout.cell_rect(stage, lane)
    QTest.mouseClick(editor.view.viewport(), LEFT, KEEP, view_point(editor, cell.x + cell.w - 6, cell.y + cell.h - 6))
    assert editor.scene.current_cell == (stage, lane)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    assert isinstance(editor.scene.editor, InlineEditor) and not editor.scene.editor.finished
    QTest.keyClicks(editor.view.viewport(), text)


def key_catching(qtbot, widget, key: Qt.Key) -> list[BaseException]:  # type: ignore[no-untyped-def]
    """Press ``key``; the exceptions raised on the way (directly or inside Qt's virtual calls)."""
    errors: list[BaseException] = []
    with qtbot.capture_exceptions() as caught:
        try:
            QTest.keyClick(widget, key)
        except Exception as exc:  # PySide re-raises some errors of virtual overrides here
            errors.append(exc)
    return errors + [info[1] for info in caught]


# ---------------------------------------------------------------------- in-place editing vs the rest of the app
def test_save_while_typing_a_new_card_saves_the_typed_card(window: MainWindow) -> None:
    ed = window.editor
    stage, lane = ed.document.stages[4].id, ed.document.lanes[0].id
    start_new_card_in_empty_corner(ed, stage, lane, "Prints the receipt")
    window.save_action.trigger()  # File > Save (a menu click does not commit the in-place edit either)
    saved = model.load(window.path)
    texts = [saved.card(c).text for c in saved.cell_cards(stage, lane)]
    assert "" not in texts
    assert "Prints the receipt" in texts


def test_save_during_f2_saves_the_typed_text(window: MainWindow) -> None:
    ed = window.editor
    card_id = ed.document.cell_cards(ed.document.stages[0].id, ed.document.lanes[0].id)[0]
    click_card(ed, card_id)
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_F2)
    QTest.keyClicks(ed.view.viewport(), "Window sticker")
    window.save_action.trigger()
    assert model.load(window.path).card(card_id).text == "Window sticker"


def test_text_being_typed_shows_the_change_mark_and_escape_takes_it_away(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The title's [*] mark showed no change while a card was typed in place or in Properties › Notes, though
    closing would ask to save it; text editors mark the first key. Esc (nothing kept) takes it away."""
    ed = window.editor
    card_id = ed.document.cell_cards(ed.document.stages[0].id, ed.document.lanes[0].id)[0]
    click_card(ed, card_id)
    assert not window.isWindowModified()
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_F2)
    assert not window.isWindowModified(), "opening the field changes nothing"
    QTest.keyClicks(ed.view.viewport(), "Window sticker")
    assert window.isWindowModified()
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Escape)  # the edit of existing text is undone
    assert ed.document.card(card_id).text != "Window sticker"
    assert not window.isWindowModified()
    notes = window.properties.card_notes
    qtbot.waitUntil(lambda: window.properties.card_text.toPlainText() == ed.document.card(card_id).text)
    notes.setFocus()
    QTest.keyClicks(notes, "Asked twice")
    assert window.isWindowModified() and ed.undo_stack.isClean(), "typed, not applied yet"
    ed.view.setFocus()  # leaving the field applies it: a change still
    assert ed.document.card(card_id).notes and window.isWindowModified()
    ed.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.properties.card_notes.is_edited())
    assert not window.isWindowModified()


def test_edit_add_card_on_a_chosen_card_adds_one_after_it_and_enter_still_edits(window: MainWindow) -> None:
    """Edit › Add card with a card chosen edited that card, all its text chosen: "Compares offers" typed replaced
    "Searches online". Nothing chosen, the item was greyed out with no word why."""
    ed, doc = window.editor, window.editor.document
    stage, lane = doc.stages[0].id, doc.lanes[0].id
    card_id = doc.cell_cards(stage, lane)[0]
    text = doc.card(card_id).text
    click_card(ed, card_id)
    ed.edit_actions.add_card.trigger()  # the menu item
    QTest.keyClicks(ed.view.viewport(), "Compares offers")
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Return)
    cell = list(doc.cell_cards(stage, lane))
    assert doc.card(card_id).text == text
    assert doc.card(cell[cell.index(card_id) + 1]).text == "Compares offers"
    click_card(ed, card_id)
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Return)  # the key on a card: its text, to edit
    assert isinstance(ed.scene.editor, InlineEditor) and ed.scene.editor.card_id == card_id
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Escape)
    ed.scene.clearSelection()
    ed.scene.nav.set_focus(None)
    assert ed.edit_actions.add_card.isEnabled()
    count = doc.card_count()
    ed.edit_actions.add_card.trigger()  # nothing chosen: in the cell in the middle of the view
    QTest.keyClicks(ed.view.viewport(), "Reads the menu")
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Return)
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Escape)  # the next card of the run, left empty: none
    made = next(c for c in doc.cards() if c.text == "Reads the menu")
    middle = ed.view.mapToScene(ed.view.viewport().rect().center())
    assert doc.card_count() == count + 1
    assert (made.stage, made.lane) == ed.scene.layout.cell_at(middle.x(), middle.y())


def test_new_while_typing_in_place_asks_to_save(window: MainWindow) -> None:
    ed = window.editor
    card_id = ed.document.cell_cards(ed.document.stages[0].id, ed.document.lanes[0].id)[0]
    click_card(ed, card_id)
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_F2)
    QTest.keyClicks(ed.view.viewport(), "A paragraph of field notes")
    window.new_actions["journey"].trigger()
    assert window.asked  # type: ignore[attr-defined]


def test_menu_delete_during_f2_then_enter_raises_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ed = window.editor
    card_id = ed.document.cell_cards(ed.document.stages[0].id, ed.document.lanes[0].id)[0]
    click_card(ed, card_id)
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_F2)
    QTest.keyClicks(ed.view.viewport(), "Changed")
    ed.edit_actions.delete.trigger()  # Edit > Delete with the mouse: the in-place editor stays open
    assert key_catching(qtbot, ed.view.viewport(), Qt.Key.Key_Return) == []


def test_menu_delete_stage_while_typing_a_new_card(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ed, doc = window.editor, window.editor.document
    stage, lane = doc.stages[4].id, doc.lanes[0].id
    start_new_card_in_empty_corner(ed, stage, lane, "Receipt")
    ed.edit_actions.delete_stage.trigger()
    errors = key_catching(qtbot, ed.view.viewport(), Qt.Key.Key_Return)
    ed.undo_stack.undo()
    assert errors == []
    assert "" not in [doc.card(c).text for c in doc.cell_cards(stage, lane)]


# ---------------------------------------------------------------------- focus and keyboard
def test_space_pans_after_clicking_a_card(window: MainWindow) -> None:
    ed = window.editor
    ed.view.set_zoom(2.0)
    click_card(ed, ed.document.cell_cards(ed.document.stages[1].id, ed.document.lanes[1].id)[0])
    QTest.keyPress(ed.view, Qt.Key.Key_Space)
    try:
        assert ed.view.dragMode() == ed.view.DragMode.ScrollHandDrag
    finally:
        QTest.keyRelease(ed.view, Qt.Key.Key_Space)


def test_board_view_has_focus_after_open(window: MainWindow) -> None:
    assert QApplication.focusWidget() is window.editor.view


def test_ctrl_z_in_the_properties_panel_undoes_the_lane_kind(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ed, doc = window.editor, window.editor.document
    lane = doc.lanes[1]
    ed.scene.clearSelection()
    ed.scene.header_item("lane", lane.id).setSelected(True)
    assert window.properties.shown() == ("lane", lane.id)
    combo = window.properties.lane_kind
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert doc.lane(lane.id).kind != "customer"
    QTest.keyClick(combo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.lane(lane.id).kind == "customer"


def test_a_lane_kind_stepped_through_emotions_and_back_leaves_the_board_as_it_was(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Down to Emotions scored the lane's cards 0; Up again back to where the visit started dropped the merged
    step without undoing it: the kind was back, the cards kept their scores, and nothing was left to undo."""
    ed, doc = window.editor, window.editor.document
    lane = next(each for each in doc.lanes if each.kind == "support")  # two steps above Emotions
    before, steps = model.dumps(doc), ed.undo_stack.count()
    ed.scene.clearSelection()
    ed.scene.header_item("lane", lane.id).setSelected(True)
    qtbot.waitUntil(lambda: window.properties.shown() == ("lane", lane.id))
    combo = window.properties.lane_kind
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    for k in (Qt.Key.Key_Down, Qt.Key.Key_Down):
        QTest.keyClick(combo, k)
    assert doc.lane(lane.id).kind == "emotion" and {doc.card(c).score for c in doc.cards_in_lane(lane.id)} == {0}
    for k in (Qt.Key.Key_Up, Qt.Key.Key_Up):
        QTest.keyClick(combo, k)
    assert model.dumps(doc) == before and ed.undo_stack.count() == steps


def test_enter_in_stage_name_keeps_the_cursor_at_the_end(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ed = window.editor
    stage = ed.document.stages[1]
    ed.scene.clearSelection()
    ed.scene.header_item("stage", stage.id).setSelected(True)
    assert window.properties.shown() == ("stage", stage.id)
    field = window.properties.stage_name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.end(False)
    QTest.keyClicks(field, " & pay")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert ed.document.stage(stage.id).name == "Order in app & pay"
    assert field.cursorPosition() == len(field.text())


# ---------------------------------------------------------------------- gestures
def test_double_click_on_a_link_adds_no_card(window: MainWindow) -> None:
    ed, doc = window.editor, window.editor.document
    layout = ed.scene.layout
    for link in doc.links():
        point = ed.scene.link_item(link.id).curve.pointAtPercent(0.5)
        hits = ed.scene.items(point)
        if (any(isinstance(i, LinkItem) for i in hits) and not any(isinstance(i, CardItem) for i in hits)
                and layout.cell_at(point.x(), point.y()) is not None):
            break
    else:
        pytest.skip("no link runs through an empty part of a cell")
    count = doc.card_count()
    QTest.mouseDClick(ed.view.viewport(), LEFT, KEEP, view_point(ed, point.x(), point.y()))
    # What opens is the arrow's label editor, on the arrow's midpoint, not a new card.
    inline = ed.scene.editor
    assert inline is not None and not inline.finished
    assert inline.sceneBoundingRect().contains(point)
    QTest.keyClicks(ed.view.viewport(), "hand-off")
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Return)
    assert doc.link(link.id).label == "hand-off"
    assert doc.card_count() == count


def test_adding_and_naming_a_stage_is_one_undo_step(window: MainWindow) -> None:
    ed, doc = window.editor, window.editor.document
    names = [s.name for s in doc.stages]
    ed.view.setFocus()
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(ed.view.viewport(), "Return visit")
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Return)
    assert [s.name for s in doc.stages] == [*names, "Return visit"]
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.name for s in doc.stages] == names


def test_a_drag_back_into_the_same_place_leaves_no_undo_step(window: MainWindow) -> None:
    ed = window.editor
    card_id = ed.document.cell_cards(ed.document.stages[0].id, ed.document.lanes[0].id)[0]
    g = ed.scene.layout.cards[card_id]
    drag(ed, (g.x + 40, g.y + 10), (g.x + 44, g.y + 12), steps=3)
    assert ed.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_undoing_a_drag_of_two_cards_puts_their_cell_back_in_its_order(window: MainWindow) -> None:
    """Each move of the drag read its card's place before the others moved: two cards dragged out of
    [A, B, C] came back as [A, C, B] on Ctrl+Z, and the saved file differed."""
    from canvas import commands as cmd

    ed, doc = window.editor, window.editor.document
    stage, lane = doc.stages[0].id, doc.lanes[1].id
    ed.push(cmd.AddCard(doc, model.Card("c-third", lane, stage, "Reads the menu board"), None))
    first, second, third = doc.cell_cards(stage, lane)[:3]
    before = model.dumps(doc)
    click_card(ed, first)
    g = ed.scene.layout.cards[second]
    QTest.mouseClick(ed.view.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier,
                     view_point(ed, g.x + 20, g.y + 10))
    assert set(ed.selected_cards()) == {first, second}
    a = ed.scene.layout.cards[first]
    there = ed.scene.layout.cell_rect(doc.stages[2].id, doc.lanes[3].id)
    drag(ed, (a.x + 20, a.y + 10), (there.x + there.w / 2, there.y + there.h - 10))
    assert doc.card(first).stage != stage and list(doc.cell_cards(stage, lane)) == [third]
    moved = model.dumps(doc)
    ed.undo_stack.undo()
    assert list(doc.cell_cards(stage, lane)) == [first, second, third]
    assert model.dumps(doc) == before
    ed.undo_stack.redo()
    assert model.dumps(doc) == moved


def test_connecting_two_linked_cards_again_adds_no_link(window: MainWindow) -> None:
    ed, doc = window.editor, window.editor.document
    link = next(k for k in doc.links() if doc.card(k.source).stage != doc.card(k.target).stage)
    s, t = ed.scene.layout.cards[link.source], ed.scene.layout.cards[link.target]
    count = len(list(doc.links()))
    said: list[str] = []
    ed.message.connect(said.append)
    drag(ed, (s.x + s.w, s.y + s.h / 2), (t.x + t.w / 2, t.y + t.h / 2))
    assert len(list(doc.links())) == count
    # Said, as the keyboard's connect says it (the dashed line just vanished without a word).
    assert said[-1] == "Nothing linked: these two cards are linked already"
    empty = ed.scene.layout.cell_rect(doc.stages[4].id, doc.lanes[0].id)
    drag(ed, (s.x + s.w, s.y + s.h / 2), (empty.x + empty.w - 6, empty.y + empty.h - 6))
    assert len(list(doc.links())) == count and said[-1] == "Nothing linked: drop the line on another card"
    other = ed.scene.layout.cards[doc.cell_cards(doc.stages[4].id, doc.lanes[0].id)[0]]
    drag(ed, (s.x + s.w, s.y + s.h / 2), (other.x + other.w / 2, other.y + other.h / 2))
    assert len(list(doc.links())) == count + 1 and said[-1] == "Linked: F2 labels the arrow, Delete removes it"
    [made] = ed.scene.selected_links()  # chosen, as the message says: F2 labels it
    assert doc.link(made).source == link.source


def test_escape_during_a_connect_drag_then_moving_on_moves_nothing(window: MainWindow) -> None:
    ed, doc = window.editor, window.editor.document
    card_id = doc.cell_cards(doc.stages[0].id, doc.lanes[0].id)[0]
    g = ed.scene.layout.cards[card_id]
    ed.view.centerOn(g.x + 200, g.y + 100)
    start = ed.view.mapFromScene(QPointF(g.x + g.w, g.y + g.h / 2))
    send_mouse(ed, QEvent.Type.MouseButtonPress, start, LEFT)
    for step in range(1, 5):
        send_mouse(ed, QEvent.Type.MouseMove, start + QPoint(30 * step, 10 * step), LEFT)
    assert ed.scene.tool is not None
    QTest.keyClick(ed.view.viewport(), Qt.Key.Key_Escape)
    for step in range(5, 12):
        send_mouse(ed, QEvent.Type.MouseMove, start + QPoint(30 * step, 10 * step), LEFT)
    send_mouse(ed, QEvent.Type.MouseButtonRelease, start + QPoint(330, 110), Qt.MouseButton.NoButton)
    assert (doc.card(card_id).stage, doc.card(card_id).lane) == (doc.stages[0].id, doc.lanes[0].id)
    assert ed.undo_stack.count() == 0


# ---------------------------------------------------------------------- panel layout
def test_properties_dock_keeps_its_width_when_the_selection_changes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc, scene = window.editor.document, window.editor.scene
    widths = {}
    for name, item in (("board", None), ("card", scene.card_item(next(c.id for c in doc.cards()))),
                       ("link", scene.link_item(next(k.id for k in doc.links())))):
        scene.clearSelection()
        if item is not None:
            item.setSelected(True)
        qtbot.wait(20)
        widths[name] = window.properties_dock.width()
    assert len(set(widths.values())) == 1, widths


def test_board_title_field_shows_the_start_of_the_title_after_open(window: MainWindow) -> None:
    assert window.properties.shown() == ("board", None)
    assert window.properties.board_title.cursorPosition() == 0


def test_choosing_a_card_keeps_a_laptop_window_its_height(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The card's fields asked 743 px of the window: at 1280x700 choosing a card made the window taller than a
    720 px screen, its status bar and the panels' tabs below the edge. The panel scrolls instead."""
    window.resize(1280, 700)
    qtbot.waitUntil(lambda: window.height() == 700)
    ed = window.editor
    card_id = next(c.id for c in ed.document.cards() if c.text.startswith("Pays"))
    click_card(ed, card_id)
    qtbot.waitUntil(lambda: window.properties.card_text.toPlainText() == ed.document.card(card_id).text)
    qtbot.wait(50)  # the layout's requests settle
    assert window.height() == 700 and window.statusBar().geometry().bottom() < 700
    assert window.minimumSizeHint().height() < 700
    # What does not fit is scrolled to: Notes, the last field, comes into sight when focused.
    notes = window.properties.card_notes
    notes.setFocus()
    qtbot.wait(50)
    dock = window.properties_dock
    bottom = notes.mapTo(dock, notes.rect().bottomLeft()).y()
    assert notes.mapTo(dock, notes.rect().topLeft()).y() > 0 and bottom <= dock.height()


# ---------------------------------------------------------------------- the right-click menu
def right_click(qtbot, editor: Editor, x: float, y: float) -> list[str]:  # type: ignore[no-untyped-def]
    """Right-click the board point (x, y) as the window system does (press, release, context-menu event); the
    texts of the menu that opened (its separators as "")."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent

    shown: list[list[str]] = []

    def look(menu) -> None:  # type: ignore[no-untyped-def]
        shown.append([action.text() for action in menu.actions()])
        editor.last_menu = menu  # type: ignore[attr-defined]
        QTimer.singleShot(0, menu.close)

    editor.board_menu_shown = look  # type: ignore[method-assign]
    at = view_point(editor, x, y)
    viewport = editor.view.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, KEEP, at)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at)))
    assert len(shown) == 1, "one menu"
    return shown[0]


def test_a_right_click_chooses_what_is_under_the_pointer_and_offers_what_can_be_done_with_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A right-click on a card, a header, an arrow or a cell opened nothing and chose nothing: a lane's kind, an
    arrow's kind or deleting a stage were in the menu bar or the Properties panel only."""
    ed, doc = window.editor, window.editor.document
    layout = ed.scene.layout
    card_id = doc.cell_cards(doc.stages[1].id, doc.lanes[1].id)[0]
    g = layout.cards[card_id]
    texts = right_click(qtbot, ed, g.x + 20, g.y + 10)
    assert ed.selected_cards() == [card_id]
    assert {"&Edit text", "Add card", "&Copy", "&Delete", "C&onnect to…"} <= set(texts)
    assert "Raise emotio&n score" not in texts, "not an emotion card"
    lane = doc.lanes[2]
    r = layout.lane_headers[lane.id].rect
    texts = right_click(qtbot, ed, r.x + r.w / 2, r.y + r.h / 2)
    assert ed.scene.selected_header() is not None and ed.scene.selected_header().item_id == lane.id
    assert "Delete lane" in texts and "Lane &kind" in texts and "&Rename" in texts
    kinds = next(a.menu() for a in ed.last_menu.actions() if a.menu() is not None)
    choice = next(a for a in kinds.actions() if a.text() == "Notes")
    choice.trigger()
    assert doc.lane(lane.id).kind == "note" and ed.undo_stack.undoText() == "Change lane kind"
    ed.undo_stack.undo()
    stage = doc.stages[3]
    r = layout.stage_headers[stage.id].rect
    assert "Delete stage" in right_click(qtbot, ed, r.x + r.w / 2, r.y + 10)
    cell = (doc.stages[4].id, doc.lanes[0].id)
    r = layout.cell_rect(*cell)
    texts = right_click(qtbot, ed, r.x + r.w - 6, r.y + r.h - 6)  # the cell's empty corner
    assert ed.scene.current_cell == cell and texts[0] == "Add card" and not ed.selected_cards()
    def clear_of_cards(link_id: str) -> bool:
        middle = ed.scene.link_item(link_id).curve.pointAtPercent(0.5)
        return not any(isinstance(item, CardItem) for item in ed.view.items(view_point(ed, middle.x(), middle.y())))

    link = next(k for k in doc.links() if clear_of_cards(k.id))  # one whose middle is clear of cards
    middle = ed.scene.link_item(link.id).curve.pointAtPercent(0.5)
    texts = right_click(qtbot, ed, middle.x(), middle.y())
    assert ed.scene.selected_links() == [link.id] and "Arrow &kind" in texts


def test_a_card_held_at_the_views_edge_scrolls_the_board_and_goes_where_it_is_dropped(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Zoomed in, a card dragged to the window's edge stopped there: the stage out of sight could not be
    reached without zooming out first."""
    ed, doc = window.editor, window.editor.document
    ed.view.zoom_actual()
    for _ in range(3):
        ed.edit_actions.zoom_in.trigger()
    card_id = doc.cell_cards(doc.stages[0].id, doc.lanes[1].id)[0]
    g = ed.scene.layout.cards[card_id]
    view_point(ed, g.x + 20, g.y + 10)  # the card's lane in sight
    ed.view.horizontalScrollBar().setValue(0)
    start = ed.view.mapFromScene(QPointF(g.x + 20, g.y + 10))
    edge = QPoint(ed.view.viewport().width() - 4, start.y())
    send_mouse(ed, QEvent.Type.MouseButtonPress, start, LEFT)
    for step in range(1, 11):
        send_mouse(ed, QEvent.Type.MouseMove, start + (edge - start) * (step / 10), LEFT)
    qtbot.waitUntil(lambda: ed.view.horizontalScrollBar().value() >= ed.view.horizontalScrollBar().maximum(),
                    timeout=10000)  # held: the board scrolls to its end
    last = ed.scene.layout.cell_rect(doc.stages[-1].id, doc.lanes[1].id)  # now in sight
    drop = ed.view.mapFromScene(QPointF(last.x + last.w / 2, last.y + last.h / 2))
    assert ed.view.viewport().rect().contains(drop)
    send_mouse(ed, QEvent.Type.MouseMove, drop, LEFT)
    assert not ed.view.edge_scroller.scrolling  # away from the edge: the board stands still
    send_mouse(ed, QEvent.Type.MouseButtonRelease, drop, Qt.MouseButton.NoButton)
    assert doc.card(card_id).stage == doc.stages[-1].id  # dropped in the last stage, out of sight at the start


def test_a_slow_click_on_a_card_by_the_views_edge_scrolls_nothing_and_moves_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The press alone counted as a drag: held a moment by the edge, the board scrolled and the card went to
    the next stage."""
    ed, doc = window.editor, window.editor.document
    ed.view.zoom_actual()
    for _ in range(3):
        ed.edit_actions.zoom_in.trigger()  # the board wider than the view: it can scroll
    qtbot.waitUntil(lambda: not ed.view.zoom_preview.busy)
    card_id = doc.cell_cards(doc.stages[1].id, doc.lanes[1].id)[0]
    g = ed.scene.layout.cards[card_id]
    view_point(ed, g.x + 20, g.y + 10)
    across = ed.view.horizontalScrollBar()
    across.setValue(across.value() + ed.view.mapFromScene(QPointF(g.x + 10, 0)).x() - 6)  # the card at the edge
    at = ed.view.mapFromScene(QPointF(g.x + 12, g.y + 10))
    assert at.x() < 28
    scrolled, stage = across.value(), doc.card(card_id).stage
    send_mouse(ed, QEvent.Type.MouseButtonPress, at, LEFT)
    send_mouse(ed, QEvent.Type.MouseMove, at + QPoint(1, 0), LEFT)  # a hand's jitter, under the drag distance
    qtbot.wait(300)
    send_mouse(ed, QEvent.Type.MouseButtonRelease, at + QPoint(1, 0), Qt.MouseButton.NoButton)
    assert across.value() == scrolled and doc.card(card_id).stage == stage and ed.undo_stack.count() == 0
