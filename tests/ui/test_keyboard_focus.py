"""Keyboard and screen-reader checks of the window around the board: where the focus goes when the control
holding it goes away, and what a screen reader is given to read (the review of accessibility, a11y branch)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.main_window import MainWindow


@pytest.fixture
def window(blueprint_window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The example board in a shown, active window, the keyboard on the board."""
    view = blueprint_window.editor.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return blueprint_window


def test_closing_the_panel_that_holds_the_focus_gives_the_keys_back_to_the_board(window: MainWindow,
                                                                               qtbot: QtBot) -> None:
    """View › Properties Panel with the caret in the panel's Text field hid the field and left the window with no
    focus at all: the arrow keys and letters typed next went nowhere until F6 or a click."""
    view = window.editor.view
    QTest.keyClick(view, Qt.Key.Key_Down)  # the keyboard's first place: a card is chosen
    QTest.keyClick(view, Qt.Key.Key_F6)
    focused = QApplication.focusWidget()
    assert focused is not None and window.properties_dock.isAncestorOf(focused), focused
    window.properties_dock.toggleViewAction().trigger()
    assert window.properties_dock.isHidden()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=1000)
    # The panel opened again leaves the keys where they are.
    window.properties_dock.toggleViewAction().trigger()
    qtbot.wait(20)
    assert QApplication.focusWidget() is view


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window hands a screen reader to say (announcements), in order."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    heard: list[str] = []

    def update(event: object) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return heard


def test_a_screen_reader_is_told_the_place_the_arrow_keys_reach_on_the_board(window: MainWindow,
                                                                            said: list[str]) -> None:
    """The board is drawn, not made of widgets: a screen reader heard "Board" and then nothing while the arrow
    keys went from card to card. Each card, free place and header reached is said, with where it is."""
    view, doc = window.editor.view, window.editor.document
    QTest.keyClick(view, Qt.Key.Key_Down)  # the board's first place: the first card of the first stage
    card_id = window.editor.scene.nav.focused_card()
    assert card_id is not None
    card = doc.card(card_id)
    assert said and said[-1].startswith(card.text.strip())
    assert doc.lane(card.lane).name in said[-1] and doc.stage(card.stage).name in said[-1]
    QTest.keyClick(view, Qt.Key.Key_Down)  # the free place under it
    assert window.editor.scene.nav.focused_cell() == (card.stage, card.lane)
    assert doc.lane(card.lane).name in said[-1] and "type to add a card" in said[-1]
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Up)  # up from the stage's first place: its header
    assert any(doc.stage(card.stage).name in line and "header" in line for line in said[-2:]), said
    count = len(said)
    QTest.keyClick(view, Qt.Key.Key_Up)  # nowhere further up: nothing new to say
    assert len(said) == count


def test_a_card_or_stage_moved_with_the_keys_or_by_undo_is_said_where_it_went(window: MainWindow,
                                                                             said: list[str]) -> None:
    """Ctrl+Right moved the card under the keys to the next stage, and Ctrl+Z moved it back, in silence: the card
    chosen stayed the same, so the place was not said again; a stage moved so was said without where it stood.
    The new place is said, each time it changes."""
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    view, doc = window.editor.view, window.editor.document
    QTest.keyClick(view, Qt.Key.Key_Down)
    card_id = window.editor.scene.nav.focused_card()
    assert card_id is not None
    home = doc.stage(doc.card(card_id).stage).name
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    there = doc.stage(doc.card(card_id).stage).name
    assert there != home
    assert said[-1].startswith(doc.card(card_id).text.strip()) and said[-1].endswith(there), said
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.stage(doc.card(card_id).stage).name == home
    assert said[-1].endswith(home), said
    count = len(said)
    QTest.keyClick(view, Qt.Key.Key_V)  # a vote leaves the card where it is: its place is not said again
    assert doc.card(card_id).votes == 1
    assert all(not line.startswith(doc.card(card_id).text.strip()) for line in said[count:]), said[count:]
    QTest.keyClick(view, Qt.Key.Key_Up)  # the stage's header, and where it stands (then a hint of its keys)
    stage = doc.stages[0]
    assert f"Stage {stage.name}, header, 1 of {len(doc.stages)}" in said[-2:], said
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # the stage moved right
    assert doc.stage_index(stage.id) == 1
    assert f"Stage {stage.name}, header, 2 of {len(doc.stages)}" in said[-2:], said


def test_a_status_bar_message_is_said_as_well_as_shown(window: MainWindow, said: list[str]) -> None:
    """"Copied 1 card", "Linked: F2 labels the arrow"… were shown in the status bar, which a screen reader does
    not read as it changes."""
    view = window.editor.view
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert message and said[-1] == message


def test_the_find_row_says_what_it_found(window: MainWindow, said: list[str]) -> None:
    """Its count was named "Matches", so a screen reader read "Matches" and never "2 of 7"; and the card found
    was chosen on the board while the keys stayed in the field, unsaid."""
    from PySide6.QtGui import QAccessible

    view, doc = window.editor.view, window.editor.document
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.editor.find_bar()
    assert bar.field.hasFocus()
    QTest.keyClicks(bar.field, "order")
    assert len(bar.matches) > 1
    count = QAccessible.queryAccessibleInterface(bar.count)
    assert count.text(QAccessible.Text.Name) == bar.count.text() == f"1 of {len(bar.matches)}"
    first = doc.card(bar.matches[0]).text.strip()
    assert said[-1].startswith(f"1 of {len(bar.matches)}: {first}")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert said[-1].startswith(f"2 of {len(bar.matches)}: {doc.card(bar.matches[1]).text.strip()}")
    QTest.keyClicks(bar.field, "zzzz")
    assert said[-1] == bar.count.text() == "No match"
