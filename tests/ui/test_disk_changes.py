"""The open file changed on disk (issue 6, promise 4): noticed, offered, never overwritten unasked.

Other programs are played by the test: a rename over the file (as editors and sync tools
write), a write in place, a touch, a delete. The window notices through its
QFileSystemWatcher or, when that is off, through the check it makes on activation.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

import model
from app.main_window import MainWindow
from canvas import commands as cmd

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "templates" / "journey.touchline"


class Asked:
    """What the window asked, and the answers it gets."""

    def __init__(self) -> None:
        self.reload: list[str] = []
        self.overwrite: list[str] = []
        self.errors: list[str] = []
        self.reload_answer = "keep"
        self.overwrite_answer = "cancel"


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "board.touchline"
    path.write_bytes(TEMPLATE.read_bytes())
    return path


@pytest.fixture
def window(qtbot: Any, board: Path) -> tuple[MainWindow, Asked]:
    asked = Asked()
    win = MainWindow(path=board)
    qtbot.addWidget(win)
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    win.ask_recover = lambda entries: "later"  # type: ignore[method-assign]
    win.show_error = lambda title, text: asked.errors.append(text)  # type: ignore[method-assign]

    def ask_reload() -> str:
        asked.reload.append(win.editor.document.title)
        return asked.reload_answer

    def ask_overwrite() -> str:
        asked.overwrite.append(win.editor.document.title)
        return asked.overwrite_answer

    win.ask_reload_changed = ask_reload  # type: ignore[method-assign]
    win.ask_overwrite_changed = ask_overwrite  # type: ignore[method-assign]
    return win, asked


def other_program_writes(path: Path, title: str, *, in_place: bool = False) -> None:
    """Another program saves a new version: by renaming a temporary file over it, or in place."""
    document = model.load(path)
    document.set_title(title)
    data = model.dumps(document).encode("utf-8")
    if in_place:
        with open(path, "r+b") as handle:
            handle.write(data)
            handle.truncate()
    else:
        tmp = path.with_name(".other-program.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)


def edit(win: MainWindow, title: str) -> None:
    win.editor.push(cmd.SetTitle(win.editor.document, "title", title))


def activate(win: MainWindow, qtbot: Any) -> None:
    QApplication.sendEvent(win, QEvent(QEvent.Type.WindowActivate))
    qtbot.wait(20)  # the check runs just after the activation


@pytest.mark.parametrize("in_place", [False, True], ids=["renamed over", "written in place"])
def test_watcher_notices_and_reload_takes_the_new_version(window: tuple[MainWindow, Asked], board: Path,
                                                          qtbot: Any, in_place: bool) -> None:
    win, asked = window
    asked.reload_answer = "reload"
    other_program_writes(board, "From the other program", in_place=in_place)
    qtbot.waitUntil(lambda: asked.reload != [], timeout=5000)
    assert win.editor.document.title == "From the other program"
    assert not win.is_modified()
    assert win.path == board


def test_keep_mine_then_save_asks_before_overwriting(window: tuple[MainWindow, Asked], board: Path,
                                                     qtbot: Any) -> None:
    win, asked = window
    edit(win, "Mine")
    other_program_writes(board, "Theirs")
    qtbot.waitUntil(lambda: asked.reload != [], timeout=5000)
    assert asked.reload == ["Mine"]
    assert win.editor.document.title == "Mine" and win.is_modified()
    assert not win.save(), "Cancel keeps the newer file"
    assert asked.overwrite == ["Mine"]
    assert model.load(board).title == "Theirs"
    asked.overwrite_answer = "overwrite"
    assert win.save()
    assert model.load(board).title == "Mine" and not win.is_modified()
    edit(win, "Mine again")
    assert win.save() and len(asked.overwrite) == 2, "after the save the file is ours again: no question"


def test_keep_mine_without_edits_still_marks_the_window_modified(window: tuple[MainWindow, Asked], board: Path,
                                                                 qtbot: Any) -> None:
    win, asked = window
    assert not win.is_modified()
    other_program_writes(board, "Theirs")
    qtbot.waitUntil(lambda: asked.reload != [], timeout=5000)
    assert win.is_modified() and win.isWindowModified(), "the board differs from the file: closing asks"


def test_the_same_kept_version_is_not_asked_about_again(window: tuple[MainWindow, Asked], board: Path,
                                                        qtbot: Any) -> None:
    win, asked = window
    other_program_writes(board, "Theirs")
    qtbot.waitUntil(lambda: asked.reload != [], timeout=5000)
    activate(win, qtbot)
    win.check_disk()
    assert len(asked.reload) == 1
    other_program_writes(board, "Theirs, later")
    qtbot.waitUntil(lambda: len(asked.reload) == 2, timeout=5000)


def test_activation_check_catches_what_the_watcher_missed(window: tuple[MainWindow, Asked], board: Path,
                                                          qtbot: Any) -> None:
    win, asked = window
    win.disk_watcher.poked.disconnect(win.check_disk)  # as on a network folder that sends no events
    other_program_writes(board, "Behind its back")
    qtbot.wait(400)
    assert asked.reload == []
    activate(win, qtbot)
    assert asked.reload == [win.editor.document.title]


def test_save_asks_even_if_nothing_was_noticed(window: tuple[MainWindow, Asked], board: Path, qtbot: Any) -> None:
    win, asked = window
    win.disk_watcher.poked.disconnect(win.check_disk)
    edit(win, "Mine")
    other_program_writes(board, "Theirs")
    assert not win.save()
    assert asked.overwrite == ["Mine"] and model.load(board).title == "Theirs"


def test_own_saves_and_touches_are_not_changes(window: tuple[MainWindow, Asked], board: Path, qtbot: Any) -> None:
    win, asked = window
    edit(win, "Saved here")
    assert win.save()
    qtbot.wait(400)  # the watcher sees our own rename
    activate(win, qtbot)
    later = time.time() + 5
    os.utime(board, (later, later))  # a touch, or a sync tool rewriting the same bytes
    qtbot.wait(400)
    activate(win, qtbot)
    assert asked.reload == [] and asked.overwrite == []
    edit(win, "Saved again")
    assert win.save() and asked.overwrite == []


def test_deleted_file_marks_the_board_modified_and_save_writes_it_back(window: tuple[MainWindow, Asked],
                                                                       board: Path, qtbot: Any) -> None:
    win, asked = window
    board.unlink()
    qtbot.waitUntil(win.is_modified, timeout=5000)
    assert asked.reload == []
    assert "deleted or moved" in win.statusBar().currentMessage()
    assert win.save() and asked.overwrite == []
    assert model.load(board).title == win.editor.document.title


def test_a_broken_new_version_is_not_loaded(window: tuple[MainWindow, Asked], board: Path, qtbot: Any) -> None:
    win, asked = window
    asked.reload_answer = "reload"
    title = win.editor.document.title
    board.write_text("{ half written by a sync tool", encoding="utf-8")
    qtbot.waitUntil(lambda: asked.errors != [], timeout=5000)
    assert "could not be reloaded; your version stays" in asked.errors[0]
    assert win.editor.document.title == title and win.is_modified()


def test_save_as_elsewhere_does_not_ask(window: tuple[MainWindow, Asked], board: Path, tmp_path: Path,
                                        qtbot: Any) -> None:
    win, asked = window
    other_program_writes(board, "Theirs")
    qtbot.waitUntil(lambda: asked.reload != [], timeout=5000)
    assert win.save_as(tmp_path / "copy.touchline")
    assert asked.overwrite == [] and model.load(board).title == "Theirs"
    other_program_writes(tmp_path / "copy.touchline", "Changed copy")
    qtbot.waitUntil(lambda: len(asked.reload) == 2, timeout=5000)  # the new file is the one watched now


def test_untitled_board_has_nothing_to_watch(qtbot: Any) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.ask_reload_changed = lambda: pytest.fail("nothing to reload")  # type: ignore[method-assign]
    win.check_disk()
    activate(win, qtbot)
    assert win.disk_watcher.path is None


def test_the_overwrite_question_speaks_the_interface_language(qtbot: Any, board: Path) -> None:
    """"Overwrite newer file?" asked in German with its sentence in English ("“board.touchline” was changed by
    another program…"): the sentence went past the catalogue. Both questions about the file on disk are German."""
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QMessageBox

    from app.i18n import install_translators
    from app.safekeeping import Safekeeping  # the real questions (conftest stands in for MainWindow's)

    app = QApplication.instance()
    seen: list[str] = []

    def answer() -> None:
        box = app.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(f"{box.windowTitle()} | {box.text()}")
        box.reject()

    try:
        assert install_translators(app, QLocale("de_DE")) == "de"
        win = MainWindow(path=board)
        qtbot.addWidget(win)
        win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        for ask in (Safekeeping.ask_overwrite_changed, Safekeeping.ask_reload_changed):
            QTimer.singleShot(0, answer)
            ask(win)
    finally:
        install_translators(app, QLocale("en_GB"))
    assert len(seen) == 2
    overwrite, reload = seen
    assert overwrite.startswith("Neuere Datei überschreiben?") and "board.touchline" in overwrite, overwrite
    assert "von einem anderen Programm geändert" in overwrite and "was changed" not in overwrite, overwrite
    assert "von einem anderen Programm geändert" in reload, reload
