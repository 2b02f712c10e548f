"""Edit › Find (Ctrl+F): cards found by their words, chosen and shown one after another, with the keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.editor import Editor
from app.find_bar import FindBar, matching_cards

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(blueprint_editor: Editor) -> Editor:
    return blueprint_editor


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
    assert bar.count.text() == "No card holds these words"
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
