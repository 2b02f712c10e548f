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

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragMoveEvent, QDropEvent

from app.i18n import tr
from canvas.view import dropped_files


class FileDrops:
    """MainWindow's part: accepts a drag of files, opens or imports them once dropped."""

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    dragEnterEvent = dragMoveEvent  # a QDragEnterEvent is a QDragMoveEvent, taken the same way

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
        from app.gui import new_window, open_files, shows_nothing  # the start's own rules for files handed over
        from app.main_window import SUFFIX
        from model.imports import IMPORT_SUFFIXES

        window = self  # the MainWindow this is part of
        boards = [file for file in files if file.suffix.lower() == SUFFIX]
        tables = [file for file in files if file.suffix.lower() in IMPORT_SUFFIXES]
        taken = boards or tables[:1]  # one import at a time, as File › Import, and none beside boards
        others = [file for file in files if file not in taken]
        if boards:
            open_files(window, [str(board) for board in boards])  # type: ignore[arg-type]
        elif tables:
            # As a board dropped: into this window if it shows nothing yet, else into one of its own.
            target = window if shows_nothing(window) else new_window(beside=window)  # type: ignore[arg-type]
            if not target.import_path(tables[0]) and target is not window:  # type: ignore[attr-defined]
                target.close()  # type: ignore[attr-defined]
        if others:
            names = ", ".join(f"“{file.name}”" for file in others)
            window.statusBar().showMessage(  # type: ignore[attr-defined]
                tr("Not opened: {0}. Touchline opens .touchline boards and imports Mermaid journeys (.mmd) and CSV "
                   "tables (.csv)").format(names), 8000)
