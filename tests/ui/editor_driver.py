"""A test-only driver: runs the real editor (``app.cli.main``) with one scripted action.

    python tests/ui/editor_driver.py edit FILE      # start on FILE, make two edits, keep running
    python tests/ui/editor_driver.py recover FILE   # start on FILE, answer "recover", print the state, quit

``edit`` leaves the editor running so that the test can SIGKILL it once the autosave
(sped up to 200 ms here) has written the recovery file. ``recover`` prints one JSON line
describing what the start offered and what the window then shows.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import app.recovery
from app.cli import main
from app.gui import create_application
from app.main_window import MainWindow
from canvas import commands as cmd
from model import Card

app.recovery.AUTOSAVE_DELAY_MS = 200


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def _edit() -> None:
    window = _window()
    doc = window.editor.document
    window.editor.push(cmd.SetTitle(doc, "title", "Edited before the crash"))
    stage, lane = doc.stages[0].id, doc.lanes[0].id
    window.editor.push(cmd.AddCard(doc, Card("crash-card", lane, stage, "typed before the kill"), None))
    print("edited", flush=True)


def _report(offered: list[str]) -> None:
    window = _window()
    state = {
        "offered": offered,
        "title": window.editor.document.title,
        "cards": [c.id for c in window.editor.document.cards()],
        "modified": window.is_modified(),
        "window_modified": window.isWindowModified(),
        "path": str(window.path) if window.path else None,
    }
    print(json.dumps(state), flush=True)
    QApplication.exit(0)  # quit() would close the (modified) window, which asks to save first


def run(mode: str, file: str) -> int:
    create_application()  # first, so the timers below have an event loop to wait for
    offered: list[str] = []
    if mode == "recover":
        def ask_recover(self: MainWindow, entries: list[Any]) -> str:
            offered.extend(entry.describe() for entry in entries)
            return "recover"

        MainWindow.ask_recover = ask_recover  # type: ignore[method-assign,assignment]
        QTimer.singleShot(0, lambda: _report(offered))  # runs once the event loop starts
    else:
        QTimer.singleShot(0, _edit)
    return main([file])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2]))
