"""Files dropped on a window from the file manager: a board opens, a Mermaid journey or a CSV table is imported.

Dropping a file on a window did nothing (the pointer showed "no entry"): a designer had to go through
File › Open and find again the file already in sight. Boards open as a start with files does
(app/gui.open_files): in this window if it shows nothing yet, else each in a window of its own (one already
open comes to the front), so nothing on screen is replaced and no "save changes?" question comes up. A journey
or table is imported as File › Import does, and goes where a board would. Anything else is named in the status
bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from app.i18n import tr

BOARD_SUFFIX = ".touchline"


def dropped_files(data: QMimeData | None) -> list[Path]:
    """The local files a drag carries (URLs of other kinds, and text, are not files to open)."""
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


class FileDrops:
    """MainWindow's part: accepts a drag of files, opens or imports them once dropped."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop has ended: opening may ask to save changes or show an error, and a dialog shown inside
        # the drag's own event loop leaves the file manager waiting for the drop to finish.
        QTimer.singleShot(0, lambda: self.open_dropped(files))

    def open_dropped(self, files: list[Path]) -> None:
        """Open the boards among ``files``, or else import the first journey or table; name the rest."""
        from app.gui import open_files  # the start's own rules for files handed to a running editor
        from model.imports import IMPORT_SUFFIXES

        window = self  # the MainWindow this is part of
        boards = [file for file in files if file.suffix.lower() == BOARD_SUFFIX]
        tables = [file for file in files if file.suffix.lower() in IMPORT_SUFFIXES]
        # One import at a time, as File › Import, and none beside boards: the rest are named.
        others = [file for file in files if file not in boards and file not in tables[:1]] if not boards \
            else [file for file in files if file not in boards]
        empty = window.path is None and not window.editor.undo_stack.count()  # type: ignore[attr-defined]
        if boards:
            if empty and window.open_path(boards[0]):  # type: ignore[attr-defined]
                boards = boards[1:]
            if boards:
                open_files(window, [str(board) for board in boards])  # type: ignore[arg-type]
        elif tables:
            # As a board dropped: into this window if it shows nothing yet, else into one of its own.
            target = window if empty else _new_window_beside(window)
            if not target.import_path(tables[0]) and target is not window:  # type: ignore[attr-defined]
                target.close()  # type: ignore[attr-defined]
        if others:
            names = ", ".join(f"“{file.name}”" for file in others)
            window.statusBar().showMessage(  # type: ignore[attr-defined]
                tr("Not opened: {0}. Touchline opens .touchline boards and imports Mermaid journeys (.mmd) and CSV "
                   "tables (.csv)").format(names), 8000)


def _new_window_beside(window: object) -> object:
    """A new editor window of ``window``'s size, shown, kept until it is closed (as app/gui.open_files makes one)."""
    from app.gui import keep_window
    from app.main_window import MainWindow

    other = MainWindow()
    keep_window(other)
    other.resize(window.size())  # type: ignore[attr-defined]
    other.show()
    return other
