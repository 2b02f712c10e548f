"""Edit › Find (Ctrl+F): cards found by their words, chosen and shown one after another, with the keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.editor import Editor
from app.find_bar import FindBar, matching_cards

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_find(editor: Editor) -> FindBar:
    QTest.keyClick(editor.view, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar()
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    return bar


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks aborts on a character beyond Latin letters' keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO, ch))


def chosen(editor: Editor) -> list[str]:
    return editor.selected_cards()


def in_sight(editor: Editor, card_id: str) -> bool:
    c = editor.scene.layout.cards[card_id]
    shown = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    return shown.contains(QRectF(c.x, c.y, c.w, c.h))


def test_typed_words_choose_and_show_the_first_card_holding_them_and_enter_walks_the_rest(editor: Editor) -> None:
    doc = editor.document
    expected = [card_id for card_id in matching_cards(doc, "ORDER")]
    assert len(expected) >= 4, expected  # the blueprint has "order" in several stages
    assert all("order" in doc.card(c).text.lower() or "order" in " ".join(doc.card(c).tags or ()).lower()
               or "order" in (doc.card(c).notes or "").lower() for c in expected)
    editor.view.zoom_actual()
    bar = open_find(editor)
    QTest.keyClicks(bar.field, "ORDER")  # case is ignored
    assert chosen(editor) == [expected[0]]
    assert editor.scene.nav.focused_card() == expected[0]
    assert bar.count.text() == f"1 of {len(expected)}"
    for i in range(1, len(expected)):
        QTest.keyClick(bar.field, Qt.Key.Key_Return)
        assert chosen(editor) == [expected[i]], i
        assert in_sight(editor, expected[i]), i
        assert bar.count.text() == f"{i + 1} of {len(expected)}"
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # round to the first
    assert chosen(editor) == [expected[0]]
    QTest.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)  # and back to the last
    assert chosen(editor) == [expected[-1]]
    assert bar.count.text() == f"{len(expected)} of {len(expected)}"


def test_escape_closes_the_row_with_the_card_chosen_and_f3_goes_on_from_the_board(editor: Editor) -> None:
    bar = open_find(editor)
    QTest.keyClicks(bar.field, "barista")
    found = matching_cards(editor.document, "barista")
    assert len(found) >= 2
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is editor.view
    assert chosen(editor) == [found[0]]
    QTest.keyClick(editor.view, Qt.Key.Key_F3)  # Find Next, from the board
    assert chosen(editor) == [found[1]]
    QTest.keyClick(editor.view, Qt.Key.Key_F3, SHIFT)
    assert chosen(editor) == [found[0]]
    bar = open_find(editor)  # Ctrl+F again: the same words, chosen, ready to be typed over
    assert bar.field.selectedText() == "barista"


def test_words_no_card_holds_are_said_in_the_error_ink_and_leave_the_choice(editor: Editor) -> None:
    bar = open_find(editor)
    QTest.keyClicks(bar.field, "shelf")
    before = chosen(editor)
    assert before
    normal = bar.count.palette().color(QPalette.ColorRole.WindowText)
    QTest.keyClicks(bar.field, "zzz")
    assert bar.count.text() == "No match"
    assert bar.count.palette().color(QPalette.ColorRole.WindowText) != normal
    assert not bar.next_button.isEnabled() and not bar.previous_button.isEnabled()
    assert chosen(editor) == before
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # nothing to go to: nothing happens
    assert chosen(editor) == before


def test_tags_and_notes_are_found_and_the_count_follows_edits(editor: Editor) -> None:
    doc = editor.document
    card = next(iter(doc.cards()))
    doc.set_card_field(card.id, "notes", "Ask the night shift about Ümlaut quirks")
    bar = open_find(editor)
    type_text(bar.field, "ümlaut")
    assert chosen(editor) == [card.id] and bar.count.text() == "1 of 1"
    other = next(c for c in doc.cards() if c.id != card.id)
    doc.set_card_field(other.id, "tags", ["ÜMLAUT"])
    assert bar.count.text().endswith("of 2")
    doc.set_card_field(card.id, "notes", None)
    assert bar.count.text() == "1 card found"


def test_find_is_in_the_edit_menu_with_its_keys(editor: Editor) -> None:
    actions = editor.edit_actions
    assert "Ctrl+F" in [k.toString() for k in actions.find.shortcuts()]
    assert "F3" in [k.toString() for k in actions.find_next.shortcuts()]
    assert "Shift+F3" in [k.toString() for k in actions.find_previous.shortcuts()]
    assert editor._find_bar is None or not editor._find_bar.isVisible()  # made when first asked for


def test_f3_after_a_found_card_was_deleted_goes_on_among_those_left(editor: Editor) -> None:
    """The row closed, a found card deleted: F3 walked the old matches and asked for the deleted card (a
    KeyError); Ctrl+F then said "2 of 4" with 3 left."""
    bar = open_find(editor)
    QTest.keyClicks(bar.field, "barista")
    found = matching_cards(editor.document, "barista")
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    QTest.keyClick(editor.view, Qt.Key.Key_Delete)  # the first match, chosen
    assert not editor.document.has_card(found[0])
    seen = []
    for _ in range(len(found)):
        QTest.keyClick(editor.view, Qt.Key.Key_F3)
        seen += chosen(editor)
    assert set(seen) == set(found[1:])
    bar = open_find(editor)
    assert bar.count.text().endswith(f"of {len(found) - 1}")


def test_the_board_keys_do_nothing_while_the_keys_are_in_the_row(editor: Editor) -> None:
    """Ctrl+Down moved the found card to another lane, Ctrl+D duplicated it, V voted, Delete on a button deleted
    it and Return on a button added a card: the row's keys are the row's."""
    bar = open_find(editor)
    QTest.keyClicks(bar.field, "order")
    card_id = chosen(editor)[0]
    before = editor.document.card(card_id)
    cards = len(list(editor.document.cards()))
    for key, mods in ((Qt.Key.Key_Down, CTRL), (Qt.Key.Key_D, CTRL), (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_Return, CTRL)):
        QTest.keyClick(bar.field, key, mods)
    bar.next_button.setFocus()
    for key in (Qt.Key.Key_V, Qt.Key.Key_Delete, Qt.Key.Key_L):
        QTest.keyClick(bar.next_button, key)
    assert editor.document.card(card_id) == before
    assert len(list(editor.document.cards())) == cards and not editor.undo_stack.count()
    second = matching_cards(editor.document, "order")[1]
    QTest.keyClick(bar.next_button, Qt.Key.Key_Return)  # a button's Return clicks it: the next match
    assert chosen(editor) == [second]
    QTest.keyClick(bar.next_button, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is editor.view


def test_the_next_match_is_the_one_after_a_card_chosen_on_the_board(editor: Editor) -> None:
    bar = open_find(editor)
    QTest.keyClicks(bar.field, "barista")
    found = matching_cards(editor.document, "barista")
    editor.choose_cards([found[2]])  # as a click on the board does
    assert bar.count.text() == f"3 of {len(found)}"
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert chosen(editor) == [found[3]]
    doc = editor.document
    between = next(c.id for c in doc.cards() if c.id not in found and c.stage == doc.card(found[1]).stage)
    editor.choose_cards([between])  # no match: F3 goes to the first match after it in reading order
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    place = (doc.stage_index(doc.card(between).stage), doc.lane_index(doc.card(between).lane), doc.card_index(between))
    expected = next(m for m in found if (doc.stage_index(doc.card(m).stage), doc.lane_index(doc.card(m).lane),
                                         doc.card_index(m)) > place)
    assert chosen(editor) == [expected]


def test_find_works_from_the_panels_reads_in_the_dark_and_leaves_a_narrow_window_its_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    import model
    from app.main_window import MainWindow
    from model.style import contrast

    path = Path(__file__).resolve().parents[2] / "resources" / "examples" / "coffee-shop-blueprint.touchline"
    window = MainWindow(model.load(path), path)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(700, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor = window.editor
    QTest.keyClick(editor.view, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar()
    QTest.keyClicks(bar.field, "barista")
    qtbot.wait(20)
    assert window.width() == 700, "the row widened the window"
    title = window.properties.findChild(type(bar.field))
    assert title is not None
    title.setFocus()
    first = chosen(editor)
    QTest.keyClick(title, Qt.Key.Key_F3)  # Find Next, with the keys in a panel
    assert chosen(editor) != first and chosen(editor)
    QTest.keyClicks(bar.field, "zzz")
    for theme in ("dark", "light"):
        window.appearance.theme_actions[theme].trigger()
        qtbot.wait(50)  # the palette change reaches the widgets as events
        palette = bar.count.palette()
        ink, ground = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
        assert contrast(ink.name(), ground.name()) >= 4.5, (theme, ink.name(), ground.name())
    assert bar.next_button.arrowType() == Qt.ArrowType.DownArrow  # drawn in the palette's colours
    from PySide6.QtGui import QAccessible
    from test_accessibility import unnamed

    assert not [line for line in unnamed(QAccessible.queryAccessibleInterface(bar)) if "no accessible name" in line]
