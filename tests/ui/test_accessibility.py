"""Every control of the main window has an accessible name and description (issue 10, point 6).

The test walks QAccessible's tree from the window (queryAccessibleInterface, child(i)),
with each part of the Properties panel shown in turn and every menu opened, and fails
on an interactive control without a name or description.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible, QAccessibleInterface, QAction
from PySide6.QtWidgets import QMenu, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from app.export_dialog import ExportDialog
from app.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "coffee-shop-blueprint.touchline"
R = QAccessible.Role
# Roles a user operates (items of lists, trees and tabs are named by their own text).
INTERACTIVE = {R.PushButton, R.CheckBox, R.RadioButton, R.ComboBox, R.EditableText, R.SpinBox, R.Slider,
               R.List, R.Tree, R.Table, R.PageTabList, R.MenuBar, R.MenuItem, R.PopupMenu, R.Pane,
               R.ButtonMenu, R.ButtonDropDown, R.ToolBar, R.ScrollBar, R.Window}


def _description(iface: QAccessibleInterface) -> str:
    text = iface.text(QAccessible.Text.Description)
    if text:
        return text
    # Qt does not report the description of dock widgets and menu items through the
    # interface; what it would read is the widget's accessibleDescription or the action's status tip.
    obj = iface.object()
    if isinstance(obj, QWidget):
        return obj.accessibleDescription()
    if isinstance(obj, QAction):
        return obj.statusTip()
    return ""


def unnamed(iface: QAccessibleInterface | None, path: str = "", out: list[str] | None = None) -> list[str]:
    """The interactive, visible controls under ``iface`` that lack a name or a description."""
    out = [] if out is None else out
    if iface is None or not iface.isValid() or iface.state().invisible:
        return out
    role = iface.role()
    name = iface.text(QAccessible.Text.Name)
    here = f"{path}/{role.name}:{name!r}"
    obj = iface.object()
    if role == R.ScrollBar:
        return out  # scroll bars are named by Qt by orientation; nothing of ours
    if role == R.PageTabList and isinstance(obj, QTabBar) and obj.count() == 0:
        return out  # the docks' tab bar with no tab left (its panels hidden): nothing to operate
    interactive = role in INTERACTIVE or (role == R.Client and type(obj).__name__ in ("BoardView", "Editor"))
    if interactive and not (role == R.MenuItem and isinstance(obj, QAction) and obj.isSeparator()):
        if role == R.ComboBox and isinstance(obj, QWidget):
            name = obj.accessibleName()  # Qt reads a combo box's current value as its name
        if not name.strip():
            out.append(f"{here} ({type(obj).__name__}) has no accessible name")
        elif not _description(iface).strip():
            out.append(f"{here} ({type(obj).__name__}) has no accessible description")
    for index in range(iface.childCount()):
        unnamed(iface.child(index), here, out)
    return out


def test_every_control_of_the_main_window_is_named_and_described(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(EXAMPLE)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    # The names and descriptions are given just after the board's first paint (issue 9: not before it).
    qtbot.waitUntil(lambda: bool(window.accessibleDescription()))
    problems: list[str] = []
    doc = window.editor.document
    scene = window.editor.scene
    # Board properties (nothing selected), then a card's, a link's, a lane's and a stage's.
    states = [lambda: None,
              lambda: scene.card_item(next(iter(doc.cards())).id).setSelected(True),
              lambda: scene.link_item(next(iter(doc.links())).id).setSelected(True),
              lambda: scene.header_item("lane", doc.lanes[0].id).setSelected(True),
              lambda: scene.header_item("stage", doc.stages[0].id).setSelected(True)]
    for select in states:
        scene.clearSelection()
        select()
        qtbot.wait(10)
        problems += unnamed(QAccessible.queryAccessibleInterface(window))
    checked = 0
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # Open Recent fills itself here
        problems += [p for p in unnamed(QAccessible.queryAccessibleInterface(menu))
                     if "Window" not in p.split("/")[1]]
        checked += sum(1 for a in menu.actions() if not a.isSeparator())
    assert checked > 30  # the menus were really walked
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_the_walk_finds_an_unnamed_control(qtbot: QtBot) -> None:
    """The checker itself: a button without a name is reported."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    widget = QWidget()
    widget.setAccessibleName("Holder")
    widget.setAccessibleDescription("Holds a button")
    layout = QVBoxLayout(widget)
    layout.addWidget(QPushButton(""))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    problems = unnamed(QAccessible.queryAccessibleInterface(widget))
    assert any("PushButton" in p and "no accessible name" in p for p in problems)


def _export_dialog(window: MainWindow) -> ExportDialog:
    from model.layout import Layout

    return ExportDialog(Layout(window.editor.document), None, window)


def test_the_start_screen_and_the_dialogs_are_named_and_described(qtbot: QtBot) -> None:
    """The start screen, Preferences, the shortcut sheet and File › Export › PDF's dialog (whose paper box read
    out only the paper chosen, and whose preview of the pages had no name)."""
    from app.preferences import PreferencesDialog
    from app.shortcuts_sheet import ShortcutsSheet

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_welcome()
    window.show()
    qtbot.waitExposed(window)
    problems = unnamed(QAccessible.queryAccessibleInterface(window))
    for dialog in (PreferencesDialog(window), ShortcutsSheet(window), _export_dialog(window)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += unnamed(QAccessible.queryAccessibleInterface(dialog))
    assert not problems, "\n".join(problems)


def test_the_pdf_preview_is_read_as_the_pages_it_shows(qtbot: QtBot) -> None:
    """The preview is a picture: a screen reader is told what it is and, in words, what it shows (it had no
    name), and the words follow the paper chosen."""
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(EXAMPLE)
    dialog = _export_dialog(window)
    qtbot.addWidget(dialog)
    preview = QAccessible.queryAccessibleInterface(dialog.preview)
    assert preview.text(QAccessible.Text.Name)
    assert preview.text(QAccessible.Text.Description) == dialog.summary.text()
    dialog.page.setCurrentIndex(dialog.page.findData("A4"))
    assert preview.text(QAccessible.Text.Description) == dialog.summary.text()


def test_every_menu_command_says_what_it_does_beyond_its_name(qtbot: QtBot) -> None:
    """A command without an entry in app/accessibility.py is described by its own text: the View menu's Personas,
    Legend, Theme, Present and timer entries and Edit's score, vote, connect and move commands said only their
    names in the status bar and to a screen reader."""
    from app.accessibility import plain

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(window.accessibleDescription()))
    bare = []
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()
        for action in menu.actions():
            text = plain(action.text())
            if action.isSeparator() or text[:1].isdigit() or text.startswith(("Start ", "Undo", "Redo")):
                continue  # recent files (their path), the timer's "Start 5 minutes", the undo step's own words
            if action.statusTip() == text:
                bare.append(text)
    assert not bare, bare
