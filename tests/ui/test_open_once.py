"""Opening a board does its work once, and what can wait waits for the first paint (issue 9).

Counted, not timed: the layout is computed once per opening (not again when the window's
legend setting is applied), and the recent files' thumbnail is drawn after the board has
been on screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import settings as store
from app.appearance import LEGEND_KEY
from app.main_window import MainWindow
from model import load
from model.layout import Layout

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "coffee-shop-blueprint.touchline"


@pytest.fixture
def recomputes(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each full layout computed, with whether it had the legend."""
    calls: list[bool] = []
    real = Layout.recompute

    def counted(self: Layout, *args: object, **kwargs: object) -> object:
        calls.append(self.show_legend)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Layout, "recompute", counted)
    return calls


@pytest.mark.parametrize("legend", [True, False])
def test_a_board_given_at_start_is_laid_out_once_with_the_windows_legend(qtbot: QtBot, recomputes: list[bool],
                                                                         legend: bool) -> None:
    store.settings().setValue(LEGEND_KEY, legend)
    document = load(EXAMPLE)
    window = MainWindow(document, EXAMPLE)
    qtbot.addWidget(window)
    assert window.editor.legend_shown is legend
    assert recomputes == [legend]


def test_opening_a_file_lays_it_out_once(qtbot: QtBot, recomputes: list[bool]) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    recomputes.clear()
    assert window.open_path(EXAMPLE)
    assert recomputes == [window.editor.legend_shown]


def test_the_thumbnail_is_drawn_after_the_board_was_painted(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    painted_when_drawn: list[bool] = []
    real = store.save_thumbnail

    def save(path: Path, scene: object) -> object:
        painted_when_drawn.append(window.editor._painted)
        return real(path, scene)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save_thumbnail", save)
    window = MainWindow(load(EXAMPLE), EXAMPLE)
    qtbot.addWidget(window)
    window.note_opened(EXAMPLE)  # as app.gui does for the file given at start, before showing the window
    window.show()
    qtbot.waitUntil(lambda: bool(painted_when_drawn), timeout=10_000)
    assert painted_when_drawn == [True]
    assert store.thumbnail_path(EXAMPLE).is_file()


def test_work_for_after_the_first_paint_waits_for_it_and_runs_at_once_when_hidden(qtbot: QtBot) -> None:
    window = MainWindow(load(EXAMPLE), EXAMPLE)
    qtbot.addWidget(window)
    ran: list[bool] = []
    window.editor.when_painted(lambda: ran.append(window.editor._painted))
    assert ran == [False]  # not shown: nothing to wait for
    window.show()  # shown, not painted yet: no event has been processed since
    window.editor.when_painted(lambda: ran.append(window.editor._painted))
    assert ran == [False]
    qtbot.waitUntil(lambda: len(ran) == 2, timeout=10_000)
    assert ran == [False, True]
    window.editor.when_painted(lambda: ran.append(window.editor._painted))
    assert ran == [False, True, True]  # painted before: at once


def test_the_text_editors_module_is_loaded_just_after_the_first_paint(qtbot: QtBot,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """canvas.inline_editor is not imported with the scene (test_start_imports) but right after the first paint,
    so that the first double-click on a card does not wait for it."""
    import app.editor

    loaded_when: list[bool] = []
    real = app.editor._load_inline_editor
    monkeypatch.setattr(app.editor, "_load_inline_editor",
                        lambda: (loaded_when.append(window.editor._painted), real()))
    window = MainWindow(load(EXAMPLE), EXAMPLE)
    qtbot.addWidget(window)
    window.show()
    assert loaded_when == []
    qtbot.waitUntil(lambda: bool(loaded_when), timeout=10_000)
    assert loaded_when == [True]
    assert "canvas.inline_editor" in sys.modules


def test_the_file_a_start_opens_joins_the_recent_files_after_the_first_paint(
        qtbot: QtBot, request: pytest.FixtureRequest) -> None:
    from app.gui import start_editor

    window = start_editor(str(EXAMPLE))
    qtbot.addWidget(window)
    request.addfinalizer(window.instance_server.close)
    # Shown, not painted yet: the settings file is not written before the board is on screen ...
    assert not window.editor._painted
    assert str(EXAMPLE.absolute()) not in store.recent_files()
    assert window.statusBar().currentMessage() == f"Opened {EXAMPLE.name}"  # ... the status bar says so at once
    qtbot.waitUntil(lambda: window.editor._painted, timeout=10_000)
    assert store.recent_files()[0] == str(EXAMPLE.absolute())
    listed = [a.data() for a in window.recent_menu.actions() if a.data()]
    assert listed[0] == str(EXAMPLE.absolute())


def test_a_file_opened_in_a_shown_window_joins_the_recent_files_at_once(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.editor._painted, timeout=10_000)
    assert window.open_path(EXAMPLE)
    assert store.recent_files()[0] == str(EXAMPLE.absolute())
