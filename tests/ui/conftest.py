"""Shared setup of the pytest-qt tests: Qt runs headless unless a platform is chosen."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Autosave, recovery files and thumbnails go to fresh folders, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))  # recent files' thumbnails
    # Every editor a test starts is on its own: none hands its file to (or waits for) another.
    monkeypatch.setenv("TOUCHLINE_INSTANCE", "off")


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: a test that meets one fails at once.

    Tests that expect a dialog replace the window's ask_*/show_error methods on the instance,
    which wins over these class-level stand-ins.
    """
    from app.main_window import MainWindow

    def unexpected(name: str):  # type: ignore[no-untyped-def]
        def fail(*args: object, **kwargs: object) -> object:
            raise AssertionError(f"unexpected modal dialog: MainWindow.{name}{args[1:]}")
        return fail

    for name in [n for n in dir(MainWindow) if n.startswith("ask_") or n == "show_error"]:  # mixins too
        monkeypatch.setattr(MainWindow, name, unexpected(name))


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads or writes the user's settings (recent files, window state)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder / "system"))


@pytest.fixture(autouse=True)
def desktop_palette_restored(qapp):  # type: ignore[no-untyped-def]
    """A test that chose the dark theme by hand leaves the window colours as the desktop gave them."""
    from app.chrome_palette import desktop_palette

    original = desktop_palette()
    yield
    if qapp.palette() != original:
        qapp.setPalette(original)


@pytest.fixture(autouse=True)
def presentations_left_after_each_test(qapp):  # type: ignore[no-untyped-def]
    """A presentation a test leaves open is a top-level window of its own, not closed with the test's main
    window: it stayed the active window and took later tests' shortcuts (Ctrl+Enter added a stage to it)."""
    yield
    for widget in qapp.topLevelWidgets():
        if type(widget).__name__ == "PresentationWindow" and widget.isVisible():
            widget.close()


@pytest.fixture(autouse=True)
def garbage_collected_after_each_test(qapp):  # type: ignore[no-untyped-def]
    """Collect a test's dead windows and items when it ends, with no worker thread running.

    Otherwise the cyclic collector picks them up at a random point of a later test; once
    (1 of ~10 whole runs this session) that point was inside a window opening its board,
    with the worker thread laying it out, and the process died in the collector
    (segmentation fault). Collected here, a dead item's clean-up runs while nothing else does.
    """
    import gc

    yield
    qapp.processEvents()  # deleteLater() of the test's widgets first
    gc.collect()


@pytest.fixture
def shown_editor(qtbot):  # type: ignore[no-untyped-def]
    """Make an editor on a bundled example (its file name), shown in an active window (shortcuts need one), the
    board focused."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    import model
    from app.editor import Editor

    def make(name: str) -> Editor:
        widget = Editor(model.load(Path(__file__).resolve().parents[2] / "resources" / "examples" / name))
        qtbot.addWidget(widget)
        widget.resize(1400, 900)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        widget.view.setFocus()
        return widget

    return make


@pytest.fixture
def blueprint_editor(shown_editor):  # type: ignore[no-untyped-def]
    """An editor on the bundled blueprint, shown in an active window, the board focused."""
    return shown_editor("coffee-shop-blueprint.touchline")


@pytest.fixture
def editor(blueprint_editor):  # type: ignore[no-untyped-def]
    """The editor on the bundled blueprint (``blueprint_editor``), for the files that drive one editor throughout."""
    return blueprint_editor


@pytest.fixture(autouse=True)
def windows_left_hidden_after_each_test(qapp):  # type: ignore[no-untyped-def]
    """A window a test leaves shown (made without qtbot.addWidget) stays on the offscreen screen, on top: a
    later test's QTest.mouseMove, which moves the cursor, then reached it instead of the view under test
    (test_pan_step lost its hover so in parallel runs). Hidden, not closed: closing may ask to save."""
    yield
    for widget in qapp.topLevelWidgets():
        if widget.isVisible() and type(widget).__name__ != "PresentationWindow":  # those are closed, above
            widget.hide()


@pytest.fixture(autouse=True)
def no_button_left_down(qapp):  # type: ignore[no-untyped-def]
    """No test hands the next one a mouse button counted as pressed: QTest.mouseDClick leaves Qt counting the left
    button down (QApplication.mouseButtons()), and a view that sees a button held replays the hover at each scroll
    step, as for a drag (canvas/view.py): the next test of the worker then saw another board than it set up."""
    yield
    from PySide6.QtCore import Qt

    held = qapp.mouseButtons()
    if held != Qt.MouseButton.NoButton:
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QWidget

        blank = QWidget()
        blank.show()
        QTest.mouseRelease(blank, held)
        blank.close()
        blank.deleteLater()


@pytest.fixture
def blueprint_window(qtbot):  # type: ignore[no-untyped-def]
    """A main window on the bundled blueprint's file, 1400 x 900, shown and active (its shortcuts reach it)."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(Path(__file__).resolve().parents[2] / "resources" / "examples" /
                            "coffee-shop-blueprint.touchline")
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window
