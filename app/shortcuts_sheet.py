"""Help › Keyboard shortcuts (also ``?`` on the board): every shortcut the window really has.

The sheet is built from the window's QActions at the moment it opens — the menus walked
from the menu bar, submenus included, plus actions living only on widgets (such as the
editor's) — so it shows exactly the keys that work, in the platform's notation.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import getCppPointer

from app.accessibility import plain  # the window's accessible names use it at start: lives there
from canvas.translate import tr


@dataclass(frozen=True)
class ShortcutRow:
    """One command and its keys."""

    group: str  # the menu it is in, e.g. "Edit" or "File › Export"
    command: str  # the action's text without mnemonic or ellipsis
    keys: str  # the shortcuts in native text, ", "-separated

    def __str__(self) -> str:
        return f"{self.group}: {self.command} = {self.keys}"


# Keys of multimedia keyboards (XF86 Open, Save, Close…) that some platforms add to the standard
# bindings: they work, but listing them beside Ctrl+O only clutters the sheet.
_MEDIA_KEYS = range(int(Qt.Key.Key_Back.value), int(Qt.Key.Key_unknown.value))


def key_text(action: QAction) -> str:
    """The action's shortcuts, as the platform writes them (Ctrl+S, ⌘S…)."""
    # key[0]: a sequence's first key combination (PySide6's stub has no QKeySequence.__getitem__).
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
                     if not key.isEmpty() and int(key[0].key().value) not in _MEDIA_KEYS)  # type: ignore[index]


def _identity(action: QAction) -> int:
    # The C++ object, not the Python wrapper: one action can come back in different wrappers.
    return int(getCppPointer(action)[0])


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every action of ``window`` that has a shortcut, in menu order, then actions not in any menu."""
    rows: list[ShortcutRow] = []
    seen: set[int] = set()

    def walk(menu: QMenu, group: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{group} › {plain(action.text())}")
                continue
            if action.isSeparator() or _identity(action) in seen:
                continue
            seen.add(_identity(action))
            keys = key_text(action)
            if keys and action.isVisible():
                rows.append(ShortcutRow(group, plain(action.text()), keys))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            seen.add(_identity(top))
            walk(menu, plain(top.text()))
    # Actions that are only on widgets (the board's own keys) still belong on the sheet.
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue  # an editor on its way out, or hidden behind the start screen
        for action in widget.actions():
            if _identity(action) in seen or action.menu() is not None:
                continue
            seen.add(_identity(action))
            keys = key_text(action)
            if keys and action.text():
                rows.append(ShortcutRow(tr("Board"), plain(action.text()), keys))
    return rows + board_key_rows()


def _native(*keys: str) -> str:
    return " / ".join(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in keys)


def board_key_rows() -> list[ShortcutRow]:
    """The board's keys that are no command of a menu (canvas/keyboard_nav.py): moving the focus, choosing,
    typing cards. Only the README listed them, and a facilitator on the sheet found no arrow keys."""
    group = tr("On the board, without the mouse")
    arrows = "← → ↑ ↓"
    return [
        ShortcutRow(group, tr("Move the focus between cards and cells"), arrows),
        ShortcutRow(group, tr("Next or previous cell, down the stage"), _native("Tab", "Shift+Tab")),
        ShortcutRow(group, tr("Extend the selection"), f"{_native('Shift')} + {arrows}"),
        ShortcutRow(group, tr("Select or unselect the focused card"), _native("Space")),
        ShortcutRow(group, tr("Move the chosen stage (or lane) left or right (up or down)"),
                    f"{_native('Ctrl')} + {arrows}"),
        ShortcutRow(group, tr("Edit the focused card; in a cell, add one"), _native("Enter")),
        ShortcutRow(group, tr("Add cards fast: type in a cell (Enter: next card, Tab: next cell)"), tr("any letter")),
        ShortcutRow(group, tr("End the edit, leave a mode, unselect"), _native("Esc")),
    ]


class ShortcutsSheet(QDialog):
    """The keyboard shortcut sheet, grouped by menu."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setAccessibleName(tr("Keyboard shortcuts"))
        self.setAccessibleDescription(tr("Every command that has a keyboard shortcut, by menu"))
        self.rows = shortcut_rows(window)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(tr("Shortcuts"))
        self.tree.setAccessibleDescription(tr("Commands and their keys"))
        self.tree.setHeaderLabels([tr("Command"), tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            parent = groups.get(row.group)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [row.group])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFirstColumnSpanned(True)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = parent
            QTreeWidgetItem(parent, [row.command, row.keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)  # else the keys' column stretches too, to half the width
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Wide enough for the longest keys whole (Redo's three were cut at "Ctrl+Shif…").
        commands = max(self.tree.sizeHintForColumn(0), header.sectionSizeHint(0))
        keys = max(self.tree.sizeHintForColumn(1), header.sectionSizeHint(1))
        width = commands + keys + self.tree.verticalScrollBar().sizeHint().width() + 2 * self.tree.frameWidth() + 48
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(tr("Close this sheet"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry().width() if self.screen() is not None else width
        self.resize(min(max(520, width), int(screen * 0.9)), 640)
