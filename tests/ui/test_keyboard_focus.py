"""Keyboard and screen-reader checks of the window around the board: where the focus goes when the control
holding it goes away, and what a screen reader is given to read (the review of accessibility, a11y branch)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "coffee-shop-blueprint.touchline"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    """The example board in a shown, active window, the keyboard on the board."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(EXAMPLE)
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.editor.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return window


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
