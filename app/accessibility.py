"""Names and descriptions for assistive technology (issue 10, point 6).

Screen readers read a control's accessible name and description. Most controls name
themselves where they are made; ``describe_window`` fills in the rest of a MainWindow —
the menu commands' descriptions (their status tips, which the status bar shows too), the
docks, the menu bar, the dock tab bar and the board — and then gives any control still
without a name or description the best text it has (its label, tool tip or placeholder).
tests/ui/test_accessibility.py walks QAccessible's tree and fails on an unnamed control.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
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

from app.i18n import QT_TRANSLATE_NOOP, tr

if TYPE_CHECKING:
    from model import Document

# What each menu command does, by the menu text as written in the code (translated when compared):
# shown as the status tip and read as the description.
_ACTION_DESCRIPTIONS: dict[str, str] = {
    "&File": QT_TRANSLATE_NOOP("", "Create, open, save, import and export boards"),
    "&Edit": QT_TRANSLATE_NOOP("", "Change the board: undo, cards, stages and lanes"),
    "&View": QT_TRANSLATE_NOOP("", "Zoom, impact and the panels"),
    "&Help": QT_TRANSLATE_NOOP("", "Keyboard shortcuts, the start screen and about Touchline"),
    "&New from template": QT_TRANSLATE_NOOP("", "Start a new board from a bundled template"),
    "Service blueprint": QT_TRANSLATE_NOOP(
        "", "A new service blueprint with customer, frontstage, backstage and support lanes"),
    "Journey map": QT_TRANSLATE_NOOP("", "A new journey map with doing, thinking and feeling lanes"),
    "&Open…": QT_TRANSLATE_NOOP("", "Open a Touchline file"),
    "Open &Recent": QT_TRANSLATE_NOOP("", "Open one of the files opened or saved lately"),
    "&Clear menu": QT_TRANSLATE_NOOP("", "Forget the recent files"),
    "&Import…": QT_TRANSLATE_NOOP("", "Make a board from a Mermaid journey or a CSV table"),
    "&Save": QT_TRANSLATE_NOOP("", "Save the board to its file"),
    "Save &As…": QT_TRANSLATE_NOOP("", "Save the board under a new name"),
    "&Export": QT_TRANSLATE_NOOP("", "Write the board as SVG, PDF, PNG or for other tools"),
    "SVG…": QT_TRANSLATE_NOOP("", "Export the board as an SVG image"),
    "PDF…": QT_TRANSLATE_NOOP("", "Export the board as a PDF document"),
    "PNG…": QT_TRANSLATE_NOOP("", "Export the board as a PNG image"),
    "draw.io…": QT_TRANSLATE_NOOP("", "Export the board as a draw.io diagram"),
    "Mermaid journey…": QT_TRANSLATE_NOOP("", "Export the customer lane as a Mermaid journey"),
    "CSV table…": QT_TRANSLATE_NOOP("", "Export the cards as a CSV table"),
    "&Print…": QT_TRANSLATE_NOOP("", "Print the board on paper: on one sheet or as a poster of several"),
    "&Close": QT_TRANSLATE_NOOP("", "Close this window"),
    "&Quit": QT_TRANSLATE_NOOP("", "Close every window and quit Touchline"),
    "&Undo": QT_TRANSLATE_NOOP("", "Undo the last change"),
    "&Redo": QT_TRANSLATE_NOOP("", "Redo the change undone last"),
    "&Delete": QT_TRANSLATE_NOOP("", "Delete the selected cards, arrows, stage or lane"),
    "Select &All": QT_TRANSLATE_NOOP("", "Select every card"),
    "Find…": QT_TRANSLATE_NOOP("", "Find cards by the words in their text, tags, notes or wait"),
    "Find Next": QT_TRANSLATE_NOOP("", "Choose the next card holding the words found"),
    "Find Previous": QT_TRANSLATE_NOOP("", "Choose the card before holding the words found"),
    "Cu&t": QT_TRANSLATE_NOOP("", "Copy the selected cards to the clipboard and delete them"),
    "&Copy": QT_TRANSLATE_NOOP("", "Copy the selected cards and the arrows between them to the clipboard"),
    "&Paste": QT_TRANSLATE_NOOP("", "Paste cards, or a card for each line of copied text, into the current cell"),
    "Dupl&icate": QT_TRANSLATE_NOOP("", "Put a copy of each selected card right after it"),
    "Add card": QT_TRANSLATE_NOOP("", "Add a card in the current cell"),
    "&Edit text": QT_TRANSLATE_NOOP("", "Edit the selected card's text, rename the selected header "
                                        "or label the selected arrow"),
    "Add &stage": QT_TRANSLATE_NOOP("", "Add a stage after the current one"),
    "Add &lane": QT_TRANSLATE_NOOP("", "Add a lane below the current one"),
    "Delete stage": QT_TRANSLATE_NOOP("", "Delete the current stage with its cards"),
    "Delete lane": QT_TRANSLATE_NOOP("", "Delete the current lane with its cards"),
    "Arran&ge cards": QT_TRANSLATE_NOOP("", "Reorder the cards in each cell so fewer arrows cross"),
    "Raise emotio&n score": QT_TRANSLATE_NOOP("", "Move the selected emotion cards one step up the scale"),
    "Lo&wer emotion score": QT_TRANSLATE_NOOP("", "Move the selected emotion cards one step down the scale"),
    "Add &vote": QT_TRANSLATE_NOOP("", "Give each selected card one vote more"),
    "Re&move vote": QT_TRANSLATE_NOOP("", "Take one vote from each selected card"),
    "C&onnect to…": QT_TRANSLATE_NOOP("", "Draw an arrow from the selected card to the card chosen next"),
    "Select its ne&xt arrow": QT_TRANSLATE_NOOP("", "Choose the selected card's arrows one after another"),
    "Move card left": QT_TRANSLATE_NOOP("", "Move the selected card to the stage before"),
    "Move card right": QT_TRANSLATE_NOOP("", "Move the selected card to the next stage"),
    "Move card up": QT_TRANSLATE_NOOP("", "Move the selected card up its cell, or into the lane above"),
    "Move card down": QT_TRANSLATE_NOOP("", "Move the selected card down its cell, or into the lane below"),
    "Pre&ferences…": QT_TRANSLATE_NOOP("", "Language and start-up settings"),
    "Zoom &in": QT_TRANSLATE_NOOP("", "Look closer"),
    "Zoom &out": QT_TRANSLATE_NOOP("", "Look from farther away"),
    "&Fit board": QT_TRANSLATE_NOOP("", "Show the whole board"),
    "&100%": QT_TRANSLATE_NOOP("", "Show the board at its real size"),
    "Show i&mpact": QT_TRANSLATE_NOOP("", "Show what the selected card affects and relies on"),
    "&Properties Panel": QT_TRANSLATE_NOOP("", "Show or hide the Properties panel"),
    "&Checks Panel": QT_TRANSLATE_NOOP("", "Show or hide the Checks panel"),
    "Perso&nas Panel": QT_TRANSLATE_NOOP("", "Show or hide the Personas panel"),
    "Show &legend": QT_TRANSLATE_NOOP("", "Show or hide the legend under the board, in the exports too"),
    "&Theme": QT_TRANSLATE_NOOP("", "Light or dark colours, or as the system has them"),
    "&System": QT_TRANSLATE_NOOP("", "Colours as the system is set"),
    "&Light": QT_TRANSLATE_NOOP("", "Light colours"),
    "&Dark": QT_TRANSLATE_NOOP("", "Dark colours"),
    "Pr&esent": QT_TRANSLATE_NOOP("", "Walk the room through the board full screen, stage by stage"),
    "Present from the c&urrent stage": QT_TRANSLATE_NOOP("", "Present, starting at the current stage"),
    "Present on &screen": QT_TRANSLATE_NOOP("", "Choose the screen the presentation is shown on"),
    "Wor&kshop timer": QT_TRANSLATE_NOOP("", "A countdown shown to the room"),
    "&Pause or resume": QT_TRANSLATE_NOOP("", "Pause the countdown, or let it run on"),
    "&Stop": QT_TRANSLATE_NOOP("", "End the countdown"),
    "Presente&r Panel": QT_TRANSLATE_NOOP("", "Show or hide the presenter's notes and next stage"),
    "Top &Voted Panel": QT_TRANSLATE_NOOP("", "Show or hide the cards with the most votes"),
    "&Keyboard Shortcuts": QT_TRANSLATE_NOOP("", "Every keyboard shortcut, from the menus as they are"),
    "&Start Screen": QT_TRANSLATE_NOOP("", "New boards, examples and recent files"),
    "&About Touchline": QT_TRANSLATE_NOOP("", "The version of Touchline"),
}

_INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit,
                QTextEdit, QTabBar, QDockWidget)


def plain(text: str) -> str:
    """A menu text without its mnemonic ampersand and trailing ellipsis."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("…").rstrip(".").strip()


def describe_actions(actions: list[QAction]) -> None:
    """Give each action without a status tip its description (a translated one when there is)."""
    described = {tr(source): tr(description) for source, description in _ACTION_DESCRIPTIONS.items()}
    for action in actions:
        if action.isSeparator() or action.statusTip():
            continue
        text = plain(action.text())
        description = described.get(action.text())
        if description is None and text[:1].isdigit():  # "1 board.touchline" in Open Recent
            description = action.data() if isinstance(action.data(), str) else None
        # A command not listed (a newer one, or Undo "Move card") is described by its own text.
        action.setStatusTip(description or text)
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.setAccessibleName(text)
            describe_actions(menu.actions())


def describe_window(window: QMainWindow) -> None:
    """Name and describe the window's controls that have no name or description yet."""
    describe_actions(window.menuBar().actions())
    bar = window.menuBar()
    bar.setAccessibleName(tr("Menu bar"))
    bar.setAccessibleDescription(tr("The File, Edit, View and Help menus"))
    for menu in window.menuBar().findChildren(QMenu):
        if not menu.accessibleDescription():
            menu.setAccessibleDescription(menu.menuAction().statusTip() or plain(menu.title()))
    for dock in window.findChildren(QDockWidget):
        dock.setAccessibleName(plain(dock.windowTitle()))
        if not dock.accessibleDescription():
            dock.setAccessibleDescription(tr("The {} panel").format(plain(dock.windowTitle())))
        inner = dock.widget()
        if inner is not None and not inner.accessibleName():
            inner.setAccessibleName(plain(dock.windowTitle()))
            inner.setAccessibleDescription(dock.accessibleDescription())
    if not window.accessibleDescription():
        window.setAccessibleDescription(tr("Touchline: a journey map or service blueprint with its panels"))
    for tabs in window.findChildren(QTabBar):
        if not tabs.accessibleName():
            tabs.setAccessibleName(tr("Panels"))
        if not tabs.accessibleDescription():
            tabs.setAccessibleDescription(tr("Switch between the panels docked together"))
    editor = getattr(window, "editor", None)
    if editor is not None:
        editor.setAccessibleName(tr("Board editor"))
        editor.setAccessibleDescription(tr("The board being edited"))
        editor.view.setAccessibleName(tr("Board"))
        editor.view.setAccessibleDescription(
            tr("The board: stages are columns, lanes are rows, cards sit in their cells. "
               "Arrow keys move between cards, Enter edits, ? lists the keyboard shortcuts."))
    status = window.statusBar()
    status.setAccessibleName(tr("Status bar"))
    status.setAccessibleDescription(tr("Messages about the last action"))
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


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text`` for ``widget``, politely (after what it is saying).

    For what changes where the keys are but is no control of its own: the place the keyboard reached on the
    board (drawn, not a widget a reader can see), the find row's "2 of 7", a status bar message. Qt sends it
    on as the platform's announcement (AT-SPI, UI Automation, NSAccessibility); with no reader running Qt
    drops it.
    """
    text = " ".join(text.split())
    if text:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def spoken_card(document: Document, card_id: str) -> str:
    """A card as a screen reader says it: its text, then what the board shows about it beside the text, then
    where it is ("Orders at the counter, fail point, 2 votes, card 1 of 3 in Customer, Order")."""
    card = document.card(card_id)
    cell = document.cell_cards(card.stage, card.lane)
    parts = [card.text.strip() or tr("(empty card)")]
    if card.fail:
        parts.append(tr("fail point"))
    if card.score is not None:
        parts.append(tr("score {0}").format(f"{card.score:+d}" if card.score else "0"))
    if card.wait:
        parts.append(tr("wait {0}").format(card.wait))
    if card.votes:
        parts.append(tr("%n vote(s)", "", card.votes))
    parts.append(tr("card {0} of {1} in {2}, {3}").format(
        cell.index(card_id) + 1, len(cell), document.lane(card.lane).name, document.stage(card.stage).name))
    return ", ".join(parts)


def spoken_cell(document: Document, stage_id: str, lane_id: str) -> str:
    """A cell's free slot (where typing adds a card) as a screen reader says it."""
    count = len(document.cell_cards(stage_id, lane_id))
    return tr("Empty place after %n card(s) in {0}, {1}: type to add a card", "", count).format(
        document.lane(lane_id).name, document.stage(stage_id).name)


def spoken_header(document: Document, kind: str, item_id: str) -> str:
    """A stage's or a lane's header as a screen reader says it."""
    if kind == "stage":  # where it stands too: moved with Ctrl+arrows, it is said again there
        return tr("Stage {0}, header, {1} of {2}").format(
            document.stage(item_id).name, document.stage_index(item_id) + 1, len(document.stages))
    return tr("Lane {0}, header, {1} of {2}").format(
        document.lane(item_id).name, document.lane_index(item_id) + 1, len(document.lanes))
