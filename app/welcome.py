"""The start screen shown when Touchline starts without a file (issue 10, point 5).

New service blueprint, New journey map (model/templates.py), Open…, the bundled examples
and the recent files with their thumbnails (app/settings.py). It takes the main window's
central place until the user picks something; ``Welcoming`` is the MainWindow mixin that
puts it there and takes it away again. Colours come from the palette, so the page follows
the light or dark theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

import model
from app import settings as store
from app.i18n import tr
from app.problems import problem
from model.fonts import RESOURCES

EXAMPLE_DIR = RESOURCES / "examples"
ICON_DIR = RESOURCES / "icons"
THUMB_SIZE = QSize(store.THUMBNAIL_WIDTH * 3 // 4, store.THUMBNAIL_HEIGHT * 3 // 4)


def app_icon(scalable: bool = True) -> QIcon:
    """The application icon, from its SVG (crisp at any scale) with the PNG sizes as fallbacks.

    ``scalable=False``: the PNG sizes alone (16 to 512 px, the sizes a window system asks for). For the
    SVG Qt loads its SVG icon engine, a plugin and the Qt SVG library (~30 M instructions): the editor's
    window shows this icon in its first frame and gets the whole one just after it (app/gui.py).
    """
    icon = QIcon(str(ICON_DIR / "touchline.svg")) if scalable else QIcon()
    for png in sorted((ICON_DIR / "hicolor").glob("*/apps/touchline.png")):
        # The size from the folder's name ("48x48"): without it Qt reads every PNG at start to learn
        # its size (~10 ms of the start to first paint); with it a PNG is read when that size is drawn.
        width, _, height = png.parent.parent.name.partition("x")
        icon.addFile(str(png), QSize(int(width), int(height)))
    return icon


def svg_icon(name: str) -> QIcon:
    """An interface icon drawn from resources/icons/<name>.svg."""
    return QIcon(str(ICON_DIR / f"{name}.svg"))


def examples() -> list[tuple[str, Path]]:
    """The bundled example boards: (title, path), by file name."""
    found = []
    for path in sorted(EXAMPLE_DIR.glob("*.touchline")):
        try:
            title = model.load(path).title.strip() or path.stem
        except model.LoadError:
            continue
        found.append((title, path))
    return found


class WelcomePage(QWidget):
    """Start a board, open one, or go on with a recent one."""

    new_requested = Signal(str)  # "blueprint" or "journey"
    open_requested = Signal()
    file_requested = Signal(str)  # a recent file
    example_requested = Signal(str)  # a bundled example, opened as a new untitled board
    dismissed = Signal()  # Esc: go to the empty blueprint behind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomePage")
        self.setAccessibleName(tr("Start screen"))
        self.setAccessibleDescription(tr("Start a new board, open one, or continue with a recent file"))
        self.setAutoFillBackground(True)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.setSpacing(48)

        left = QVBoxLayout()
        left.setSpacing(10)
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(QSize(64, 64), self.devicePixelRatioF()))
        logo.setAccessibleName(tr("Touchline logo"))
        logo.setAccessibleDescription(tr("The Touchline application icon"))
        left.addWidget(logo)
        title = QLabel(tr("Touchline"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        left.addWidget(title)
        subtitle = QLabel(tr("Customer journey maps and service blueprints"), self)
        subtitle.setForegroundRole(subtitle.foregroundRole())
        left.addWidget(subtitle)
        left.addSpacing(18)

        self.new_blueprint_button = self._button(
            tr("New service blueprint"), "new-blueprint",
            tr("Start a blueprint with customer, frontstage, backstage and support lanes"))
        self.new_blueprint_button.clicked.connect(lambda: self.new_requested.emit("blueprint"))
        self.new_journey_button = self._button(
            tr("New journey map"), "new-journey",
            tr("Start a journey map with doing, thinking and feeling lanes"))
        self.new_journey_button.clicked.connect(lambda: self.new_requested.emit("journey"))
        self.open_button = self._button(tr("Open…"), "open", tr("Open a .touchline file"))
        self.open_button.clicked.connect(self.open_requested)
        for button in (self.new_blueprint_button, self.new_journey_button, self.open_button):
            left.addWidget(button)

        left.addSpacing(18)
        left.addWidget(self._heading(tr("Examples")))
        self.examples = QListWidget(self)
        self.examples.setAccessibleName(tr("Examples"))
        self.examples.setAccessibleDescription(tr("Bundled example boards; each opens as a new untitled copy"))
        self.examples.setFrameShape(QFrame.Shape.NoFrame)
        self.examples.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.examples.setTextElideMode(Qt.TextElideMode.ElideRight)
        for name, path in examples():
            item = QListWidgetItem(svg_icon("example"), name, self.examples)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(f"{name}\n{path}")
        # Measured from the rows as the desktop's font draws them: at 30 px a row and 320 px wide, a 20 pt font
        # cut the second example in half behind a scroll bar, and even at 10 pt the titles ended in "…".
        rows = max(1, self.examples.count())
        self.examples.setMaximumWidth(max(320, min(640, self.examples.sizeHintForColumn(0) + 16)))
        self.examples.setMaximumHeight(rows * max(30, self.examples.sizeHintForRow(0)) + 8)
        self.examples.setMinimumHeight(self.examples.maximumHeight())
        self.examples.setMinimumWidth(min(self.examples.maximumWidth(), 480))
        self.examples.itemActivated.connect(
            lambda item: self.example_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.examples.itemClicked.connect(
            lambda item: self.example_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        left.addWidget(self.examples)
        left.addStretch(1)
        outer.addLayout(left, 0)

        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self._heading(tr("Recent files")))
        self.recent = QListWidget(self)
        self.recent.setAccessibleName(tr("Recent files"))
        self.recent.setAccessibleDescription(tr("Boards opened or saved lately, with a picture of each"))
        self.recent.setViewMode(QListWidget.ViewMode.IconMode)
        self.recent.setIconSize(THUMB_SIZE)
        # Room under the picture for three lines of the name in the desktop's font (a 20 pt one left one line,
        # and two boards of one title are told apart by the file name their names end with).
        lines = 3 * self.recent.fontMetrics().lineSpacing()
        self.recent.setGridSize(QSize(THUMB_SIZE.width() + 28, THUMB_SIZE.height() + max(52, lines + 20)))
        self.recent.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.recent.setMovement(QListWidget.Movement.Static)
        self.recent.setWordWrap(True)
        self.recent.setUniformItemSizes(True)
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemClicked.connect(self._open_recent)
        right.addWidget(self.recent, 1)
        self.no_recent = QLabel(tr("Files you open or save appear here."), self)
        # In the list's place while it is hidden, the room below taken and the words at its top, under the
        # heading: added plainly, it and the heading shared the column's height, each centred in its half
        # (the words ~380 px below the heading, the heading itself pushed down level with New journey map).
        right.addWidget(self.no_recent, 1, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(right, 1)
        self.refresh()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def _button(self, text: str, icon: str, description: str) -> QPushButton:
        button = QPushButton(svg_icon(icon), text, self)
        button.setIconSize(QSize(24, 24))
        button.setMinimumHeight(40)
        button.setMinimumWidth(240)
        button.setStyleSheet("text-align: left; padding-left: 10px;")
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button

    def refresh(self) -> None:
        """List the recent files again, with their thumbnails; missing files are left out."""
        self.recent.clear()
        files = [path for path in store.recent_files() if Path(path).is_file()]
        for path, name in zip(files, store.recent_names(files), strict=True):
            file = Path(path)
            thumb = store.thumbnail_path(file)
            pixmap = QPixmap(str(thumb)) if thumb.is_file() else QPixmap()
            icon = QIcon(pixmap) if not pixmap.isNull() else svg_icon("example")
            item = QListWidgetItem(icon, name, self.recent)
            item.setData(Qt.ItemDataRole.UserRole, str(file))
            item.setToolTip(f"{name}\n{file}")
            item.setSizeHint(self.recent.gridSize())
        self.no_recent.setVisible(self.recent.count() == 0)
        self.recent.setVisible(self.recent.count() > 0)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.file_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismissed.emit()
            event.accept()
            return
        focused = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focused, QPushButton):
            # Outside a dialog a push button takes Space only; Return here did nothing on New blueprint.
            focused.animateClick()
            event.accept()
            return
        super().keyPressEvent(event)


class Welcoming:
    """Shows the start screen in a MainWindow's central place (a mixin)."""

    _welcome_docks: list[QDockWidget]  # the panels the start screen put away, shown again after
    _welcome_front: list[QDockWidget]  # those of them in front of their tab groups

    def show_welcome(self) -> WelcomePage:
        """Put the start screen where the board is; the board comes back when the user picks something."""
        window: Any = self
        page = self.welcome_page()
        if page is not None:
            page.refresh()
            return page
        window.takeCentralWidget()  # the editor stays alive, hidden, until replaced or brought back
        page = WelcomePage(window)
        # The panels belong to the board: out of the way while the start screen shows, back after.
        docks = [dock for dock in window.findChildren(QDockWidget) if not dock.isHidden()]
        # Those in front of their tab groups come back in front (shown again one after another, the last
        # shown was: a new board opened on the Checks tab, the Properties hidden behind it). Before the
        # window was first shown none is seen yet: the Properties panel is the one in front.
        seen = [dock for dock in docks if not dock.visibleRegion().isEmpty()] if window.isVisible() else []
        self._welcome_front = seen or [dock for dock in docks if dock is getattr(window, "properties_dock", None)]
        for dock in docks:
            dock.hide()
        self._welcome_docks = docks
        page.destroyed.connect(self.restore_docks)
        page.new_requested.connect(window.new_from_template)
        page.open_requested.connect(window._open_dialog)
        page.file_requested.connect(window.open_path)
        page.example_requested.connect(self.open_example)
        page.dismissed.connect(self.hide_welcome)
        window.setCentralWidget(page)
        page.new_blueprint_button.setFocus()
        window.setWindowTitle(tr("Touchline") + "[*]")  # the mark stays for changes of the board behind it
        window.statusBar().clearMessage()
        self._board_actions_shown(False)
        page.destroyed.connect(lambda: self._board_actions_shown(True))
        is_modified = getattr(window, "is_modified", None)
        window.setWindowModified(bool(is_modified()) if is_modified is not None else False)
        return page

    def _board_actions_shown(self, shown: bool) -> None:
        """Turn the hidden board's actions off while the start screen is in its place, and on again after: Edit ›
        Add stage changed a board nobody saw, File › Save saved it and New then asked to save its changes."""
        window: Any = self
        if not isValid(window):
            return  # the window went first (its start screen's end is told after it)
        editor = getattr(window, "editor", None)
        if editor is not None and isValid(editor):
            editor.set_board_shown(shown)
        board_actions = [getattr(window, name, None) for name in ("save_action", "save_as_action", "copy_image_action")]
        board_actions += list(getattr(window, "export_actions", {}).values())
        workshop = getattr(window, "workshop", None)
        board_actions += [getattr(workshop, name, None) for name in ("present_action", "present_here_action")]
        # The panels are the board's: View › Properties Panel brought one back over the start screen, editing
        # the hidden board.
        board_actions += [dock.toggleViewAction() for dock in window.findChildren(QDockWidget)]
        zoom = getattr(window, "zoom_label", None)
        if zoom is not None:  # the hidden board's zoom ("64%") said nothing of the start screen
            zoom.setVisible(shown)
        for action in board_actions:
            if action is not None and isValid(action):
                action.setEnabled(shown)

    def restore_docks(self) -> None:
        """Show again the panels the start screen put away."""
        for dock in getattr(self, "_welcome_docks", []):
            if isValid(dock):
                dock.show()
        front = getattr(self, "_welcome_front", [])
        # Raised once the shown docks have settled into their tab groups (raised at once, the last shown
        # still came out in front).
        QTimer.singleShot(0, lambda: [dock.raise_() for dock in front if isValid(dock)])
        keep_board_room = getattr(self, "keep_board_room", None)
        if keep_board_room is not None:
            QTimer.singleShot(0, keep_board_room)  # the panels are back round the board: leave it room
        self._welcome_docks = []
        self._welcome_front = []

    def welcome_page(self) -> WelcomePage | None:
        """The start screen while it is shown, else None."""
        window: Any = self
        page = window.centralWidget()
        return page if isinstance(page, WelcomePage) else None

    def hide_welcome(self) -> None:
        """Back to the board (the empty blueprint that was waiting behind the start screen)."""
        window: Any = self
        if self.welcome_page() is None:
            return
        window.setCentralWidget(window.editor)  # the start screen is deleted
        self._board_actions_shown(True)  # now, not when the page is gone (a key pressed at once found them off)
        window.editor.show()
        window.editor.setFocus()
        window.update_title()

    def open_example(self, path: str) -> bool:
        """Open a bundled example as a new untitled board (saving it never writes into the installation)."""
        window: Any = self
        if not window.maybe_save():
            return False
        try:
            document = model.load(path)
        except model.LoadError as exc:
            window.show_error(tr("Could not open"), f"{path}: {problem(exc)}")
            return False
        window._install(document, None)
        return True
