"""Long operations (open, export, arrange) run off the GUI thread with a progress dialog and Cancel.

The slow work is simulated by a worker that waits for the test; the dialog's Cancel button
is pressed with a real mouse click once it has come up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

import model
from app import main_window
from app.long_task import CancelledError, run_in_background
from app.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
JOURNEY = next((ROOT / "resources" / "examples").glob("*journey*.touchline"))


def press_cancel_when_shown(qtbot, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click Cancel on the progress dialog as soon as it is visible (polling, from the event loop)."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())
                button = widget.findChild(QPushButton)
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def slow(result: object, release: threading.Event) -> Callable[[], object]:
    def work() -> object:
        release.wait(20)
        return result
    return work


def test_quick_work_returns_its_result_and_raises_its_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert run_in_background(None, "Adding", lambda: 2 + 2) == 4

    def fail() -> None:
        raise ValueError("bad board")

    with pytest.raises(ValueError, match="bad board"):
        run_in_background(None, "Failing", fail)


def test_slow_work_shows_progress_and_cancel_returns_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    seen: list[str] = []
    press_cancel_when_shown(qtbot, seen)
    try:
        with pytest.raises(CancelledError):
            run_in_background(None, "Opening “big.touchline”…", slow("result", release))
    finally:
        release.set()
    assert seen == ["Opening “big.touchline”…"]
    # Uncancelled, the same slow work gives its result.
    release2 = threading.Event()
    QTimer.singleShot(600, release2.set)
    assert run_in_background(None, "Working…", slow("done", release2)) == "done"


def test_cancelling_an_open_keeps_the_board_that_was_open(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(model.load(BLUEPRINT), BLUEPRINT)
    qtbot.addWidget(window)
    window.show()
    before = model.dumps(window.editor.document)
    editor = window.editor
    release = threading.Event()
    real = main_window._laid_out
    monkeypatch.setattr(main_window, "_laid_out", lambda *args: (release.wait(20), real(*args))[1])
    seen: list[str] = []
    press_cancel_when_shown(qtbot, seen)
    try:
        assert window.open_path(JOURNEY) is False
    finally:
        release.set()
    assert seen and JOURNEY.name in seen[0]
    assert window.editor is editor and model.dumps(window.editor.document) == before
    assert window.path == BLUEPRINT.absolute()
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_cancelled_export_writes_no_file_and_leaves_an_old_one_alone(qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                                        tmp_path: Path) -> None:
    window = MainWindow(model.load(BLUEPRINT), BLUEPRINT)
    qtbot.addWidget(window)
    window.show()
    import exporters

    release = threading.Event()
    real_render = exporters.render

    def slow_render(*args, **options):  # type: ignore[no-untyped-def]
        release.wait(20)
        return real_render(*args, **options)

    monkeypatch.setattr(exporters, "render", slow_render)
    target = tmp_path / "board.pdf"
    target.write_bytes(b"the export of last week")
    seen: list[str] = []
    press_cancel_when_shown(qtbot, seen)
    try:
        assert window.export_to(target) is False
    finally:
        release.set()
    # The worker goes on writing its temporary file, then removes it: wait for all it was given.
    from app.long_task import after_current_work

    drained = threading.Event()
    after_current_work(drained.set)
    qtbot.waitUntil(drained.is_set, timeout=20000)
    assert target.read_bytes() == b"the export of last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.pdf"]
    # Not cancelled, the export replaces the file.
    assert window.export_to(target) is True
    assert target.read_bytes().startswith(b"%PDF")
