"""Names and descriptions for assistive technology (issue 10, point 6).

Screen readers read a control's accessible name and description. Most controls name
themselves where they are made; ``describe_window`` fills in the rest of a MainWindow —
the menu commands' descriptions (their status tips, which the status bar shows too), the
docks, the menu bar, the dock tab bar and the board — and then gives any control still
without a name or description the best text it has (its label, tool tip or placeholder).
tests/ui/test_accessibility.py walks QAccessible's tree and fails on an unnamed control.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.shortcuts_sheet import plain


def _t(text: str) -> str:
    return QCoreApplication.translate("accessibility", text)


# What each menu command does, by its plain English text: shown as the status tip and read
# as the description. Texts not listed keep what their module gave them.
_ACTION_DESCRIPTIONS: dict[str, str] = {
    "File": "Create, open, save, import and export boards",
    "Edit": "Change the board: undo, cards, stages and lanes",
    "View": "Zoom, impact and the panels",
    "Help": "Keyboard shortcuts, the start screen and about Touchline",
    "New from template": "Start a new board from a bundled template",
    "Service blueprint": "A new service blueprint with customer, frontstage, backstage and support lanes",
    "Journey map": "A new journey map with doing, thinking and feeling lanes",
    "Open": "Open a Touchline file",
    "Open Recent": "Open one of the files opened or saved lately",
    "Clear menu": "Forget the recent files",
    "Import": "Make a board from a Mermaid journey or a CSV table",
    "Save": "Save the board to its file",
    "Save As": "Save the board under a new name",
    "Export": "Write the board as SVG, PDF, PNG or for other tools",
    "SVG": "Export the board as an SVG image",
    "PDF": "Export the board as a PDF document",
    "PNG": "Export the board as a PNG image",
    "draw.io": "Export the board as a draw.io diagram",
    "Mermaid journey": "Export the customer lane as a Mermaid journey",
    "CSV table": "Export the cards as a CSV table",
    "Close": "Close this window",
    "Quit": "Close every window and quit Touchline",
    "Undo": "Undo the last change",
    "Redo": "Redo the change undone last",
    "Delete": "Delete the selected cards, arrows, stage or lane",
    "Select All": "Select every card",
    "Add card": "Add a card in the current cell",
    "Edit text": "Edit the selected card's text or rename the selected header",
    "Add stage": "Add a stage after the current one",
    "Add lane": "Add a lane below the current one",
    "Delete stage": "Delete the current stage with its cards",
    "Delete lane": "Delete the current lane with its cards",
    "Arrange cards": "Reorder the cards in each cell so fewer arrows cross",
    "Preferences": "Language and start-up settings",
    "Zoom in": "Look closer",
    "Zoom out": "Look from farther away",
    "Fit board": "Show the whole board",
    "100%": "Show the board at its real size",
    "Show impact": "Show what the selected card affects and relies on",
    "Properties Panel": "Show or hide the Properties panel",
    "Checks Panel": "Show or hide the Checks panel",
    "Keyboard Shortcuts": "Every keyboard shortcut, from the menus as they are",
    "Start Screen": "New boards, examples and recent files",
    "About Touchline": "The version of Touchline",
}

_INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit,
                QTextEdit, QTabBar, QDockWidget)


def describe_actions(actions: list[QAction]) -> None:
    """Give each action without a status tip its description (a translated one when there is)."""
    for action in actions:
        if action.isSeparator() or action.statusTip():
            continue
        text = plain(action.text())
        description = _ACTION_DESCRIPTIONS.get(text)
        if description is None and text[:1].isdigit():  # "1 board.touchline" in Open Recent
            description = action.data() if isinstance(action.data(), str) else None
        if description:
            action.setStatusTip(_t(description))
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.setAccessibleName(text)
            describe_actions(menu.actions())


def describe_window(window: QMainWindow) -> None:
    """Name and describe the window's controls that have no name or description yet."""
    describe_actions(window.menuBar().actions())
    bar = window.menuBar()
    bar.setAccessibleName(_t("Menu bar"))
    bar.setAccessibleDescription(_t("The File, Edit, View and Help menus"))
    for menu in window.menuBar().findChildren(QMenu):
        if not menu.accessibleDescription():
            menu.setAccessibleDescription(menu.menuAction().statusTip() or plain(menu.title()))
    for dock in window.findChildren(QDockWidget):
        dock.setAccessibleName(plain(dock.windowTitle()))
        if not dock.accessibleDescription():
            dock.setAccessibleDescription(_t("The {} panel").format(plain(dock.windowTitle())))
        inner = dock.widget()
        if inner is not None and not inner.accessibleName():
            inner.setAccessibleName(plain(dock.windowTitle()))
            inner.setAccessibleDescription(dock.accessibleDescription())
    if not window.accessibleDescription():
        window.setAccessibleDescription(_t("Touchline: a journey map or service blueprint with its panels"))
    for tabs in window.findChildren(QTabBar):
        if not tabs.accessibleName():
            tabs.setAccessibleName(_t("Panels"))
        if not tabs.accessibleDescription():
            tabs.setAccessibleDescription(_t("Switch between the panels docked together"))
    editor = getattr(window, "editor", None)
    if editor is not None:
        editor.setAccessibleName(_t("Board editor"))
        editor.setAccessibleDescription(_t("The board being edited"))
        editor.view.setAccessibleName(_t("Board"))
        editor.view.setAccessibleDescription(
            _t("The board: stages are columns, lanes are rows, cards sit in their cells. "
               "Arrow keys move between cards, Enter edits, ? lists the keyboard shortcuts."))
    status = window.statusBar()
    status.setAccessibleName(_t("Status bar"))
    status.setAccessibleDescription(_t("Messages about the last action"))
    for widget in window.findChildren(QWidget):
        fill_in(widget)


def fill_in(widget: QWidget) -> None:
    """Name and describe ``widget`` from its label, tool tip, placeholder or text when it lacks them."""
    if not isinstance(widget, _INTERACTIVE):
        return
    name = widget.accessibleName()
    if not name:
        name = _label_of(widget) or widget.toolTip() or _placeholder(widget) or _own_text(widget)
        if name:
            widget.setAccessibleName(name)
    if not widget.accessibleDescription():
        description = widget.toolTip() or widget.statusTip() or _placeholder(widget) or name
        if description:
            widget.setAccessibleDescription(description)


def _label_of(widget: QWidget) -> str:
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel):
        if label.buddy() is widget:
            return plain(label.text()).rstrip(":")
    return ""


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.placeholderText()
    return ""


def _own_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return plain(widget.text())
    return ""
