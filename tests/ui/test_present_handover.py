"""`touchline --present FILE` while Touchline already runs (issue 7): the running editor opens
FILE and presents it, as the first launch would have."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.gui import present_files, start_editor
from app.main_window import MainWindow
from app.single_instance import InstanceServer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


@pytest.fixture
def instance_name(monkeypatch: pytest.MonkeyPatch) -> str:
    name = f"touchline-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("TOUCHLINE_INSTANCE", name)
    return name


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def _board(folder: Path, name: str, example: str = "coffee-shop-blueprint.touchline") -> Path:
    target = folder / name
    shutil.copy(EXAMPLES / example, target)
    return target


def _wait(qtbot: QtBot, process: subprocess.Popen[bytes]) -> int:
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    finally:
        if process.poll() is None:  # it did not find the running editor and became one itself
            process.kill()
            process.wait()
    return int(process.returncode)


def test_present_while_running_hands_the_file_over_and_presents_it(qtbot: QtBot, tmp_path: Path, instance_name: str,
                                                                   request: pytest.FixtureRequest) -> None:
    window = start_editor(None)  # the running editor, on its start screen
    qtbot.addWidget(window)
    request.addfinalizer(window.instance_server.close)
    request.addfinalizer(window.workshop.leave)
    assert not window.workshop.presenting
    board = _board(tmp_path, "board.touchline")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    second = subprocess.Popen([sys.executable, "-m", "app", "--present", "../board.touchline"], cwd=elsewhere,
                              env=_env(TOUCHLINE_INSTANCE=instance_name))
    assert _wait(qtbot, second) == 0  # the second launch ends: the running editor took the file
    qtbot.waitUntil(lambda: window.workshop.presenting, timeout=5_000)
    assert window.path == board.absolute()
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.isVisible()
    assert presentation.view.scene() is window.editor.scene  # the board just handed over


def test_the_present_request_carries_the_screen_and_a_plain_launch_does_not_present(qtbot: QtBot,
                                                                                    instance_name: str) -> None:
    server = InstanceServer(instance_name)
    assert server.listen()
    presented: list[tuple[list[str], object]] = []
    opened: list[list[str]] = []
    server.present_received.connect(lambda files, screen: presented.append((files, screen)))
    server.files_received.connect(opened.append)
    script = ("import sys\nfrom PySide6.QtCore import QCoreApplication\n"
              "from app.single_instance import send_to_running\napp = QCoreApplication([])\n"
              "ok = send_to_running(['/a/board.touchline'], sys.argv[1], present=True, screen_index=1)\n"
              "ok = ok and send_to_running(['/a/board.touchline'], sys.argv[1], present=True)\n"
              "ok = ok and send_to_running(['/b/other.touchline'], sys.argv[1])\n"
              "sys.exit(0 if ok else 1)\n")
    sender = subprocess.Popen([sys.executable, "-c", script, instance_name], env=_env())
    try:
        assert _wait(qtbot, sender) == 0
        qtbot.waitUntil(lambda: len(presented) == 2 and len(opened) == 1)
    finally:
        server.close()
    assert presented == [(["/a/board.touchline"], 1), (["/a/board.touchline"], None)]
    assert opened == [["/b/other.touchline"]]


def test_presenting_another_board_ends_the_presentation_of_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    first.show()
    assert first.open_path(_board(tmp_path, "first.touchline"))
    first.workshop.present()
    other = _board(tmp_path, "other.touchline", "onboarding-journey.touchline")
    window = present_files(first, [str(other.absolute())])
    assert window is not None and window is not first  # a busy window keeps its board
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    assert window.workshop.presenting and not first.workshop.presenting
    assert window.path == other.absolute()
    again = present_files(first, [str(other.absolute())])  # already open and presenting: stays so
    assert again is window and window.workshop.presenting
    window.workshop.leave()
