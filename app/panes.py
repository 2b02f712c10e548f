"""The window's panes for the keyboard: the board and the panels in sight, F6 between them, and Tab
kept out of panels hidden behind another's tab.

Qt keeps a dock tabbed behind another visible (``isVisible()``) with nothing of it on screen: Tab
from the Properties panel's last field went on into the Checks and Personas panels behind it, the
focus out of sight for seven presses or more. Desktop programs move between panes with F6.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget
from shiboken6 import isValid


class ScrollingPanel(QScrollArea):
    """A panel that scrolls up and down when the window is too short for it, as wide as it asks.

    Put straight in its dock, the Properties panel's card fields asked for 743 px: on a 1280x720 laptop
    choosing a card made the window taller than the screen, the status bar and the panel's tabs below its
    edge (with a 16 pt desktop font, 892 px on a 768 px screen).
    """

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.setObjectName(f"{panel.objectName() or type(panel).__name__}Scroll")
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F6 and Tab go to the panel's fields, not to this frame

    def _bar(self) -> int:
        # The bar's own width, not the style's metric: importing QStyle cost ~8 ms of the start to first paint.
        return self.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:
        panel = self.widget()
        assert panel is not None  # set in __init__, never taken back
        return QSize(panel.sizeHint().width() + self._bar(), panel.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the panel allows (its fields never clipped, room for the bar), as short as a few rows."""
        panel = self.widget()
        assert panel is not None  # set in __init__, never taken back
        return QSize(panel.minimumSizeHint().width() + self._bar(), 120)


def _hidden_behind(dock: QDockWidget) -> bool:
    """Whether Qt counts ``dock`` visible though nothing of it shows (tabbed behind another)."""
    return dock.isVisible() and dock.visibleRegion().isEmpty()


def out_of_sight(widget: QWidget) -> bool:
    """Whether ``widget`` lies in a dock that shows nothing (tabbed behind another)."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, QDockWidget):
            return _hidden_behind(parent)
        parent = parent.parentWidget()
    return False


def panes(window: QMainWindow, board: QWidget) -> list[QWidget]:
    """The board, then each dock in sight, left to right and, in a column, top to bottom."""
    docks = [dock for dock in window.findChildren(QDockWidget)
             if dock.isVisible() and not _hidden_behind(dock) and dock.widget() is not None]

    def place(dock: QDockWidget) -> tuple[int, int]:
        corner = dock.mapTo(window, QPoint())
        return corner.x(), corner.y()

    return [board, *sorted(docks, key=place)]


def focus_pane(window: QMainWindow, board: QWidget, step: int) -> None:
    """Move the keyboard focus to the next (``step`` 1) or previous (-1) pane, wrapping round."""
    shown = panes(window, board)
    focused = QApplication.focusWidget()
    here = next((i for i, pane in enumerate(shown) if focused is not None
                 and (pane is focused or pane.isAncestorOf(focused))), 0)
    target = shown[(here + step) % len(shown)]
    if target is board:
        board.setFocus(Qt.FocusReason.OtherFocusReason)
    else:
        _focus_first_field(target)


def _focus_first_field(dock: QWidget) -> None:
    """Focus the first field of ``dock`` that takes the focus by Tab (in the window's Tab order)."""
    widget = dock.nextInFocusChain()
    for _ in range(500):  # the chain is a ring: bounded, in case nothing in the dock takes focus
        if widget is None or not dock.isAncestorOf(widget):  # (a ring has no end: None only in the stub)
            break
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()
    dock.setFocus(Qt.FocusReason.OtherFocusReason)


def panel_toggle(dock: QDockWidget) -> None:
    """Make the dock's View-menu entry bring a panel tabbed behind another to the front.

    Qt's toggle hides a dock that counts as visible, and a dock tabbed behind another does: on a
    first run the Properties panel sat behind Checks, and View › Properties Panel closed it (the
    next choice showed it, still behind). Shown and in front, the entry closes it; hidden, it
    shows it in front; behind another tab, it brings it forward.
    """
    action = dock.toggleViewAction()
    action.triggered.disconnect()  # Qt's own toggle, replaced by the one below

    def show_or_hide(_checked: bool) -> None:
        if dock.isHidden():
            dock.show()
            dock.raise_()
        elif _hidden_behind(dock):
            dock.raise_()
        else:
            dock.hide()
        # Asked of the dock each time: the View menu's clear() at each New or Open drops PySide's
        # wrapper of the action it held (the one caught here raised "already deleted").
        dock.toggleViewAction().setChecked(not dock.isHidden())

    action.triggered.connect(show_or_hide)
    dock.visibilityChanged.connect(lambda shown: _take_keys(dock, shown))


def _take_keys(dock: QDockWidget, in_front: bool) -> None:
    """A panel takes its Alt+letter keys only while in front. Tabbed behind another, Qt still counts its
    fields shown: Alt+A in the Personas panel went to the Properties' Tags field behind it (and the name
    typed next tagged the card); Alt+P and Alt+N clashed the same way. Disabled, they match no key."""
    contents = dock.widget()
    if contents is not None:
        contents.setEnabled(in_front or dock.isFloating())


class FocusKeeper(QObject):
    """Gives the keyboard focus back to the board when the control holding it is hidden (a panel closed).

    Qt clears the focus of a widget that hides: View › Properties Panel (or the panel's close button) with the
    caret in its Text field left the window with no focus at all, and the keys typed next went nowhere until
    the user pressed F6 or clicked. The board is where the user came from (F6 from it, or a click on it).
    """

    def __init__(self, window: QMainWindow, board: Callable[[], QWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._board = board
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        window = self._window
        if new is not None or old is None or not isValid(window) or not window.isAncestorOf(old):
            return
        # Told while the widget is still counted visible; asked again once it is hidden. The window put
        # behind another program's clears the focus too, and its widget stays visible: left alone.
        QTimer.singleShot(0, self, lambda: self._give_back(old))

    def _give_back(self, old: QWidget) -> None:
        window = self._window
        if QApplication.focusWidget() is not None or not isValid(window) or not window.isActiveWindow():
            return
        if isValid(old) and old.isVisible():
            return
        board = self._board()
        if isValid(board) and board.isVisible() and window.isAncestorOf(board):
            board.setFocus(Qt.FocusReason.OtherFocusReason)
