"""The main window's memory between sessions (issue 10, point 4), mixed into MainWindow.

MainWindow calls the hooks: ``remember_leaving`` before it replaces or closes a document
(the view position of a saved file), ``remember_file`` after it opened or saved one (the
recent files' thumbnail), ``remember_closing`` when the window closes (geometry and dock
layout) and ``restore_window`` when it starts. ``view_to_restore`` tells a new editor where
its board was looked at last. The values live in app/settings.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QTimer
from shiboken6 import isValid

from app import settings as store

if TYPE_CHECKING:
    from app.editor import Editor


THUMBNAIL_DELAY_MS = 300
BOARD_SHARE = 0.4  # a restored layout leaving the board less of the window's width than this is mended


class Remembering:
    """Window geometry, dock layout, view positions and thumbnails (a mixin for MainWindow)."""

    def remember_leaving(self) -> None:
        """Remember where the current saved document was looked at (centre and zoom)."""
        window: Any = self
        editor: Editor | None = getattr(window, "editor", None)
        path: Path | None = getattr(window, "_path", None)
        if editor is None or path is None or not editor.was_shown:
            return
        view = editor.view
        centre = view.mapToScene(view.viewport().rect().center())
        store.save_view_position(path, QPointF(centre), view.zoom)

    def view_to_restore(self, editor: Editor, path: Path | None) -> None:
        """Have ``editor`` open on the centre and zoom saved for ``path``, when there are any."""
        if path is not None:
            editor.initial_view = store.view_position(path)

    def remember_file(self, path: Path) -> None:
        """``path`` was opened or saved: a fresh thumbnail for the recent files, drawn a moment later.

        Deferred so that opening a large board paints it first (drawing a 5,000-card board's
        thumbnail takes about a second): a moment after the board's first paint, or at once
        when the window is not shown; skipped when by then the window shows another document.
        """
        window: Any = self
        editor = window.editor

        def draw() -> None:
            if isValid(window) and window.editor is editor and isValid(editor.scene):
                store.save_thumbnail(path, editor.scene)

        def when_painted() -> None:
            if isValid(window) and window.editor is editor:
                editor.when_painted(lambda: QTimer.singleShot(THUMBNAIL_DELAY_MS, draw))

        QTimer.singleShot(0, when_painted)  # the window is about to be shown when a file opens at start

    def remember_closing(self) -> None:
        """The window closes: its geometry, dock layout and the view of its document."""
        window: Any = self
        self.remember_leaving()
        if hasattr(window, "restore_docks"):
            window.restore_docks()  # the panels hidden by the start screen count as shown
        store.save_window_state(window.saveGeometry(), window.saveState())

    def restore_window(self) -> bool:
        """Put the window where it was, docks included; False when nothing was saved."""
        window: Any = self
        geometry, state = store.window_state()
        if state is not None:
            window.restoreState(state)
            QTimer.singleShot(0, self.keep_board_room)  # once shown and laid out
        return geometry is not None and bool(window.restoreGeometry(geometry))

    def keep_board_room(self) -> None:
        """Give side panels that leave the board less than BOARD_SHARE of the window their own width back.

        A layout saved by an older Touchline, which restored the panels round the start screen, had
        the Properties panel at 1,326 px and the board at 68: it came back at every launch.
        """
        window: Any = self
        editor = getattr(window, "editor", None)
        if not isValid(window) or editor is None or not editor.isVisible() \
                or editor.width() >= window.width() * BOARD_SHARE:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        side = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        docks = [dock for dock in window.findChildren(QDockWidget)
                 if dock.isVisible() and not dock.isFloating() and window.dockWidgetArea(dock) in side]
        if docks:
            window.resizeDocks(docks, [dock.sizeHint().width() for dock in docks], Qt.Orientation.Horizontal)
