"""A first run with the mouse: what a designer new to Touchline tried on the board and in the panels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from canvas.inline_editor import InlineEditor
from tests.ui.test_review_findings import right_click as right_click_at


def shown(qtbot, win: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    """``win`` at 1366x768, shown and active, its changes discarded on close."""
    qtbot.addWidget(win)
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A new journey map in an active 1366x768 window, as the start screen's button makes it."""
    win = shown(qtbot, MainWindow())
    assert win.new_from_template("journey")
    qtbot.wait(20)
    yield win


def right_click(window: MainWindow, x: float, y: float) -> list[str]:
    """Right-click board point (x, y) as the window system does; the texts of the menu that opened."""
    return right_click_at(None, window.editor, x, y)


def test_a_right_click_on_the_board_title_offers_to_rename_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A double-click on the title renames the board, but its right-click menu offered Add stage, Add lane and
    Paste only: nothing said the title could be changed there."""
    ed = window.editor
    r = ed.scene.layout.title_rect
    texts = right_click(window, r.x + 10, r.y + r.h / 2)
    assert texts[0] == "&Rename board"
    rename = ed.last_menu.actions()[0]
    rename.trigger()
    editors = [item for item in ed.scene.items() if isinstance(item, InlineEditor)]
    assert len(editors) == 1, "the title is open for typing in place"
    ed.scene.close_editor()
    cell = ed.scene.layout.cell_rect(ed.document.stages[2].id, ed.document.lanes[0].id)
    assert "&Rename board" not in right_click(window, cell.x + cell.w / 2, cell.y + cell.h / 2)
    assert "&Rename board" not in right_click(window, 2, 2)  # the board's margin, away from the title


def test_the_persona_form_lines_up_with_the_list_and_buttons_above_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The Personas panel's fields stood indented from the list above them on both sides (the form kept a layout's
    default margins), and its labels sat to the left where the Properties panel's sit by their fields."""
    from app.persona_panel import PersonaPanel

    panel = window.findChild(PersonaPanel)
    panel.parentWidget().show()
    panel.parentWidget().raise_()
    panel.add_persona()
    qtbot.waitUntil(lambda: panel.name.isVisible())

    def span(widget) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        left = widget.mapTo(panel, widget.rect().topLeft()).x()
        return left, left + widget.width()

    assert span(panel.name)[1] == span(panel.list)[1], "the fields end where the list ends"
    label = panel.form_widget.layout().labelForField(panel.name)
    assert span(panel.add_button)[0] == span(panel.list)[0] <= span(label)[0]
    assert panel.form_widget.layout().labelAlignment() & Qt.AlignmentFlag.AlignRight


def test_a_double_click_on_a_persona_on_the_board_opens_it_in_the_personas_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The personas drawn under the title were a dead end: a double-click there did nothing and said nothing. It
    opens the Personas panel on that persona, its name chosen to type over."""
    from pathlib import Path

    from PySide6.QtTest import QTest

    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "onboarding-journey.touchline"
    win = shown(qtbot, MainWindow(path=example))
    win.personas_dock.hide()
    doc, layout, view = win.editor.document, win.editor.scene.layout, win.editor.view
    second = doc.personas[1]
    box = layout.persona_rects[second.id]
    assert set(layout.persona_rects) == {p.id for p in doc.personas}
    view.centerOn(box.x + box.w / 2, box.y + box.h / 2)
    at = view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h - 6))  # its lower part, below the words
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton  # (mouseDClick leaves the button counted down)
    qtbot.waitUntil(lambda: win.personas_dock.isVisible())
    assert win.personas.current_id() == second.id
    assert win.personas.name.hasFocus() and win.personas.name.selectedText() == second.name
    assert win.editor.scene.editor is None  # no card or title editor opened there
