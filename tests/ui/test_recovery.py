"""Autosave and crash recovery (issue 6, promise 3).

Unsaved changes reach a recovery file in the user data folder (XDG_DATA_HOME is a fresh
folder in every test, see conftest.py) within the autosave delay and at once when the
window loses activation; the next start offers what a crashed session left, restores it
marked modified, untitled boards too; saving, undoing to the saved state, discarding or
closing on purpose removes the file. One test SIGKILLs a real editor process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from app import recovery, safekeeping
from app.main_window import MainWindow
from app.recovery import AUTOSAVE_DELAY_MS, RecoveryEntry, orphans, recovery_dir
from canvas import commands as cmd
from model import Card

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("editor_driver.py")
TEMPLATE = ROOT / "resources" / "templates" / "journey.touchline"


@pytest.fixture
def make_window(qtbot: Any) -> Callable[..., MainWindow]:
    """Windows whose dialogs never open: changes are discarded, errors recorded."""

    def make(*args: Any, **kwargs: Any) -> MainWindow:
        window = MainWindow(*args, **kwargs)
        qtbot.addWidget(window)
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        window.errors = []  # type: ignore[attr-defined]
        window.show_error = lambda title, text: window.errors.append((title, text))  # type: ignore[method-assign,attr-defined]
        window.ask_recover = lambda entries: pytest.fail("nothing should be offered")  # type: ignore[method-assign]
        return window

    return make


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "board.touchline"
    path.write_bytes(TEMPLATE.read_bytes())
    return path


def rename(window: MainWindow, title: str) -> None:
    window.editor.push(cmd.SetTitle(window.editor.document, "title", title))


def recovery_files() -> list[Path]:
    folder = recovery_dir()
    return sorted(folder.glob("*.recovery.json")) if folder.exists() else []


def read(file: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    return data


# ---------------------------------------------------------------------- autosave
def test_recovery_folder_is_the_platform_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert recovery_dir() == tmp_path / "Touchline" / "recovery"


def test_default_delay_keeps_the_30_second_promise(make_window: Callable[..., MainWindow]) -> None:
    assert AUTOSAVE_DELAY_MS <= 30_000
    assert make_window().autosaver.timer.interval() <= 30_000


def test_an_edit_is_autosaved_after_the_delay(make_window: Callable[..., MainWindow], board: Path, qtbot: Any) -> None:
    window = make_window(path=board)
    window.autosaver.set_delay(100)
    assert recovery_files() == []
    started = time.monotonic()
    with qtbot.waitSignal(window.autosaver.written, timeout=3000):
        rename(window, "Renamed")
    assert time.monotonic() - started < 2
    [file] = recovery_files()
    data = read(file)
    assert data["title"] == "Renamed" and data["changes"] == 1 and data["path"] == str(board)
    assert model.loads(data["document"]).title == "Renamed"
    assert data["disk"]["sha256"], "the file's version is recorded, for changed-on-disk checks after recovery"
    assert recovery_dir().stat().st_mode & 0o777 == 0o700, "other users cannot read the recovered boards"


def test_later_edits_do_not_postpone_the_autosave(make_window: Callable[..., MainWindow], qtbot: Any) -> None:
    window = make_window()
    window.autosaver.set_delay(300)
    written: list[float] = []
    window.autosaver.written.connect(lambda _file: written.append(time.monotonic()))
    started = time.monotonic()
    for number in range(8):  # an edit every 100 ms for 800 ms: a restarted timer would never fire
        rename(window, f"Title {number}")
        qtbot.wait(100)
    assert written and written[0] - started < 0.7
    assert read(recovery_files()[0])["title"].startswith("Title")


def test_losing_activation_writes_at_once(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    rename(window, "Before the switch")
    assert recovery_files() == []  # the 10 s timer has not fired
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    [file] = recovery_files()
    assert read(file)["title"] == "Before the switch" and read(file)["path"] is None


def test_a_card_being_typed_is_autosaved_with_its_text(make_window: Callable[..., MainWindow], board: Path,
                                                       qtbot: Any) -> None:
    """Text typed on the board is not in the document until Enter: a minute of typing on a clean board wrote
    no recovery file, and a crash lost it. Typing starts the autosave, and the text so far is in it."""
    window = make_window(path=board)
    window.autosaver.set_delay(100)
    editor = window.editor
    doc = editor.document
    stage_id, lane_id = doc.stages[0].id, doc.lanes[0].id
    editor.scene.select_cell((stage_id, lane_id))
    editor.view.setFocus()
    with qtbot.waitSignal(window.autosaver.written, timeout=3000):
        QTest.keyClicks(editor.view, "Compares three banks")
    data = read(recovery_files()[0])
    texts = [card.text for card in model.loads(data["document"]).cards()]
    assert "Compares three banks" in texts and data["changes"] == 1
    assert not any(card.text == "Compares three banks" for card in doc.cards()), "still being typed"
    # An edit of a card's existing text too, written at once when the window loses activation.
    QTest.keyClick(editor.view, Qt.Key.Key_Return)  # committed
    card_id = next(c.id for c in doc.cards() if c.text == "Compares three banks")
    editor.scene.edit_card(card_id)
    QTest.keyClick(editor.view, Qt.Key.Key_End)
    QTest.keyClicks(editor.view, " online")
    assert editor.scene.typed_card_text() == (card_id, "Compares three banks online")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    saved = {c.id: c.text for c in model.loads(read(recovery_files()[0])["document"]).cards()}
    assert saved[card_id] == "Compares three banks online" and doc.card(card_id).text == "Compares three banks"


def test_notes_being_typed_in_the_properties_panel_are_autosaved(make_window: Callable[..., MainWindow],
                                                                  board: Path, qtbot: Any) -> None:
    """Notes typed in Properties are applied when the field is left: 35 s of typing there wrote no recovery
    file, and a crash lost them."""
    window = make_window(path=board)
    window.show()  # the panel shows the chosen card once it is in sight
    qtbot.waitExposed(window)
    window.autosaver.set_delay(100)
    doc = window.editor.document
    window.editor.push(cmd.AddCard(doc, Card("c-fees", doc.lanes[0].id, doc.stages[0].id, "Compares fees"), None))
    assert window.save() and recovery_files() == []  # clean: only the typing can start the autosave
    card_id = "c-fees"
    window.editor.scene.card_item(card_id).setSelected(True)
    qtbot.waitUntil(lambda: window.properties.card_text.toPlainText() == "Compares fees")  # the panel shows it
    notes = window.properties.card_notes
    notes.setFocus()
    with qtbot.waitSignal(window.autosaver.written, timeout=3000):
        QTest.keyClicks(notes, "Asked twice about fees")
    saved = model.loads(read(recovery_files()[0])["document"]).card(card_id)
    assert saved.notes == "Asked twice about fees" and doc.card(card_id).notes != saved.notes  # not applied yet


def test_nothing_is_written_without_changes(make_window: Callable[..., MainWindow], board: Path) -> None:
    window = make_window(path=board)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    assert window.autosaver.write_now() is None
    assert recovery_files() == []


@pytest.mark.parametrize("how", ["save", "undo", "discard on close", "open another", "new board"])
def test_recovery_file_goes_when_the_work_is_saved_or_given_up(make_window: Callable[..., MainWindow], board: Path,
                                                               tmp_path: Path, how: str) -> None:
    window = make_window(path=board)
    rename(window, "Changed")
    assert window.autosaver.write_now() is not None
    assert len(recovery_files()) == 1
    if how == "save":
        assert window.save()
    elif how == "undo":
        window.editor.undo_stack.undo()
    elif how == "discard on close":
        assert window.close()
        assert list(recovery_dir().iterdir()) == [], "the lock file goes too"
    elif how == "open another":
        other = tmp_path / "other.touchline"
        other.write_bytes(TEMPLATE.read_bytes())
        assert window.open_path(other)
    else:
        assert window.new_from_template("journey")
    assert recovery_files() == []


def test_a_running_session_is_not_offered(make_window: Callable[..., MainWindow]) -> None:
    first = make_window()
    rename(first, "Still open")
    first.autosaver.write_now()
    assert orphans() == []
    second = make_window()
    assert second.offer_recovery() is False


# ---------------------------------------------------------------------- recovery in one process
def crash(window: MainWindow) -> None:
    """What a crash leaves: the recovery file stays, its lock is let go."""
    window.autosaver.write_now()
    window.autosaver.abandon()


def test_recover_restores_the_edit_marked_modified(make_window: Callable[..., MainWindow], board: Path) -> None:
    crashed = make_window(path=board)
    rename(crashed, "Recovered title")
    rename(crashed, "Recovered title 2")
    crash(crashed)
    offered: list[RecoveryEntry] = []
    window = make_window(path=board)
    window.ask_recover = lambda entries: offered.extend(entries) or "recover"  # type: ignore[method-assign]
    assert window.offer_recovery()
    [entry] = offered
    assert entry.title == "Recovered title 2" and entry.changes == 2 and entry.path == board
    text = entry.describe()
    assert "“Recovered title 2”" in text and str(board) in text and "2 unsaved changes" in text
    assert time.strftime("%Y-%m-%d", time.localtime()) in text
    assert window.editor.document.title == "Recovered title 2"
    assert window.path == board
    assert window.is_modified() and window.isWindowModified()
    [file] = recovery_files()
    assert file.name.startswith(window.autosaver.session_id), "the recovered work is protected by this session"
    assert read(file)["changes"] == 2
    assert window.save()
    assert model.load(board).title == "Recovered title 2"
    assert recovery_files() == []


def test_untitled_boards_are_recovered_too(make_window: Callable[..., MainWindow]) -> None:
    crashed = make_window()
    crashed.editor.push(cmd.AddCard(crashed.editor.document, Card("new-card", "cust", "s1", "unsaved idea")
                                    if crashed.editor.document.has_lane("cust") else
                                    Card("new-card", crashed.editor.document.lanes[0].id,
                                         crashed.editor.document.stages[0].id, "unsaved idea"), None))
    crash(crashed)
    window = make_window()
    window.ask_recover = lambda entries: "recover"  # type: ignore[method-assign]
    assert window.offer_recovery()
    assert window.path is None and window.is_modified()
    assert window.editor.document.card("new-card").text == "unsaved idea"


def test_discard_removes_and_later_keeps(make_window: Callable[..., MainWindow]) -> None:
    crashed = make_window()
    rename(crashed, "Maybe later")
    crash(crashed)
    window = make_window()
    window.ask_recover = lambda entries: "later"  # type: ignore[method-assign]
    assert not window.offer_recovery()
    assert len(recovery_files()) == 1
    entries = orphans()  # offered again at the next start
    assert len(entries) == 1
    for entry in entries:
        entry.release()
    window.ask_recover = lambda entries: "discard"  # type: ignore[method-assign]
    assert not window.offer_recovery()
    assert recovery_files() == [] and not window.is_modified()


def test_two_crashed_boards_open_in_two_windows(make_window: Callable[..., MainWindow], qtbot: Any) -> None:
    crashed = []
    for title in ("First", "Second"):
        crashed.append(make_window())
        rename(crashed[-1], title)
        crash(crashed[-1])
    window = make_window()
    window.ask_recover = lambda entries: "recover"  # type: ignore[method-assign]
    assert window.offer_recovery()
    [extra] = [w for w in safekeeping._extra_windows if isinstance(w, MainWindow) and w not in crashed]
    assert extra.isVisible() and extra.is_modified() and window.is_modified()
    assert sorted([window.editor.document.title, extra.editor.document.title]) == ["First", "Second"]
    assert len(recovery_files()) == 2  # each window keeps its own copy now
    extra.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    extra.close()
    qtbot.waitUntil(lambda: extra not in safekeeping._extra_windows)


def test_a_file_opened_at_the_start_stays_open_beside_the_recovered_board(make_window: Callable[..., MainWindow],
                                                                          board: Path, tmp_path: Path,
                                                                          qtbot: Any) -> None:
    """`touchline B.touchline` after a crash with A unsaved, Recover: the one window showed A, and B, the file
    asked for, was open nowhere."""
    crashed = make_window(path=board)
    rename(crashed, "A, unsaved")
    crash(crashed)
    other = tmp_path / "B journey.touchline"
    other.write_bytes(TEMPLATE.read_bytes())
    window = make_window(path=other)
    window.ask_recover = lambda entries: "recover"  # type: ignore[method-assign]
    assert window.offer_recovery()
    assert window.path == other.absolute() and not window.is_modified()
    [extra] = [w for w in safekeeping._extra_windows if isinstance(w, MainWindow) and w is not crashed]
    assert extra.path == board and extra.editor.document.title == "A, unsaved" and extra.is_modified()
    extra.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    extra.close()
    qtbot.waitUntil(lambda: extra not in safekeeping._extra_windows)


def test_an_unreadable_recovery_is_reported_and_kept(make_window: Callable[..., MainWindow]) -> None:
    crashed = make_window()
    rename(crashed, "Will break")
    crash(crashed)
    [file] = recovery_files()
    data = read(file)
    data["document"] = "{ not a document"
    file.write_text(json.dumps(data), encoding="utf-8")
    window = make_window()
    window.ask_recover = lambda entries: "recover"  # type: ignore[method-assign]
    assert not window.offer_recovery()
    assert window.errors and "could not be recovered" in window.errors[0][1]  # type: ignore[attr-defined]
    assert recovery_files() == [file], "never deleted when it could not be used"


# ---------------------------------------------------------------------- a real process, killed
def editor_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=os.environ["XDG_DATA_HOME"],
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    return env


def test_a_killed_editor_process_is_recovered_at_the_next_start(board: Path, tmp_path: Path) -> None:
    env = editor_env(tmp_path)
    editor = subprocess.Popen([sys.executable, str(DRIVER), "edit", str(board)], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        found: dict[str, Any] | None = None
        while time.monotonic() < deadline and found is None:
            assert editor.poll() is None, f"the editor exited early: {editor.communicate()}"
            for file in recovery_files():
                data = read(file)
                if "crash-card" in data["document"]:
                    found = data
            time.sleep(0.05)
        assert found is not None, "no recovery file holding the edits appeared"
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.communicate(timeout=10)
    assert editor.returncode == -signal.SIGKILL
    assert model.load(board).title != "Edited before the crash", "the file itself was never saved"

    result = subprocess.run([sys.executable, str(DRIVER), "recover", str(board)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    [offered] = state["offered"]
    assert "“Edited before the crash”" in offered and str(board) in offered and "2 unsaved changes" in offered
    assert state["title"] == "Edited before the crash" and "crash-card" in state["cards"]
    assert state["modified"] and state["window_modified"]
    assert state["path"] == str(board)
    [left] = recovery_files()  # the second session's own copy: it quit without closing its window
    assert "crash-card" in read(left)["document"]


def test_module_constant_is_what_new_autosavers_use(monkeypatch: pytest.MonkeyPatch,
                                                    make_window: Callable[..., MainWindow]) -> None:
    monkeypatch.setattr(recovery, "AUTOSAVE_DELAY_MS", 1234)
    assert make_window().autosaver.timer.interval() == 1234


def test_a_wait_and_tags_being_typed_in_the_properties_panel_are_autosaved(make_window: Callable[..., MainWindow],
                                                                         board: Path, qtbot: Any) -> None:
    """The one-line fields are applied when left: a wait and tags typed there, then a crash, were lost."""
    window = make_window(path=board)
    window.show()
    qtbot.waitExposed(window)
    window.autosaver.set_delay(100)
    doc = window.editor.document
    window.editor.push(cmd.AddCard(doc, Card("c-queue", doc.lanes[0].id, doc.stages[0].id, "Queues"), None))
    assert window.save() and recovery_files() == []
    window.editor.scene.card_item("c-queue").setSelected(True)
    qtbot.waitUntil(lambda: window.properties.card_text.toPlainText() == "Queues")
    wait, tags = window.properties.card_wait, window.properties.card_tags
    wait.setFocus()
    with qtbot.waitSignal(window.autosaver.written, timeout=3000):
        QTest.keyClicks(wait, "10 min")
    assert window.isWindowModified(), "typed, not applied: marked as a change"
    saved = model.loads(read(recovery_files()[0])["document"]).card("c-queue")
    assert saved.wait == "10 min" and doc.card("c-queue").wait is None  # not applied yet
    tags.setFocus()  # leaving Wait applies it
    assert doc.card("c-queue").wait == "10 min"
    window.autosaver.write_now()
    with qtbot.waitSignal(window.autosaver.written, timeout=3000):
        QTest.keyClicks(tags, "peak, queue")
    saved = model.loads(read(recovery_files()[0])["document"]).card("c-queue")
    assert saved.tags == ["peak", "queue"] and doc.card("c-queue").tags is None
