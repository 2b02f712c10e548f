"""The UI tests' own isolation (tests/ui/conftest.py): what one test leaves behind never reaches the next."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def test_a_double_click_leaves_qt_counting_the_button_down(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What the next test must not inherit (QTest's double click ends on a press, as Qt counts it)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    assert QApplication.mouseButtons() == Qt.MouseButton.LeftButton


def test_the_next_test_starts_with_no_button_down() -> None:
    """Run after the test above (pytest keeps a file's order; xdist's loadfile keeps a file on one worker)."""
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton
