"""What Touchline remembers (issue 10, point 4): recent files with thumbnails, window
geometry and dock layout, last export settings and each document's view position."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app import settings as store
from app.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def board(tmp_path: Path) -> Path:
    target = tmp_path / "coffee.touchline"
    shutil.copy(EXAMPLES / "coffee-shop-blueprint.touchline", target)
    return target


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def _coloured_pixels(image: QImage) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if max(colour.red(), colour.green(), colour.blue()) - min(colour.red(), colour.green(), colour.blue()) > 12:
                count += 1
    return count


def test_opening_and_saving_keep_a_thumbnail_of_the_board(qtbot: QtBot, board: Path, tmp_path: Path) -> None:
    window = _window(qtbot)
    assert window.open_path(board)
    thumb = store.thumbnail_path(board)
    qtbot.waitUntil(thumb.is_file)
    image = QImage(str(thumb))
    assert (image.width(), image.height()) == (store.THUMBNAIL_WIDTH, store.THUMBNAIL_HEIGHT)
    assert _coloured_pixels(image) > 200  # the lanes' colours, not a blank picture
    copy = tmp_path / "copy.touchline"
    assert window.save_as(copy)
    qtbot.waitUntil(store.thumbnail_path(copy).is_file)
    assert store.recent_files()[:2] == [str(copy.absolute()), str(board.absolute())]
    store.clear_recent_files()
    assert not store.thumbnail_path(copy).exists()


def test_the_view_position_of_a_document_comes_back(qtbot: QtBot, board: Path) -> None:
    window = _window(qtbot)
    assert window.open_path(board)
    qtbot.waitUntil(lambda: window.editor.was_shown)
    view = window.editor.view
    view.set_zoom(1.6)
    view.centerOn(QPointF(900, 500))
    centre = view.mapToScene(view.viewport().rect().center())
    window.new_from_template("journey")  # leaving the board remembers where it was looked at
    assert window.editor.view.zoom != pytest.approx(1.6)
    assert window.open_path(board)
    qtbot.wait(10)
    view = window.editor.view
    assert view.zoom == pytest.approx(1.6, rel=1e-3)
    again = view.mapToScene(view.viewport().rect().center())
    assert abs(again.x() - centre.x()) < 2 and abs(again.y() - centre.y()) < 2


def test_window_geometry_and_dock_layout_come_back(qtbot: QtBot) -> None:
    window = _window(qtbot)
    window.resize(700, 500)  # within the offscreen screen (800 x 600): restoreGeometry keeps windows on it
    window.checks_dock.hide()
    window.removeDockWidget(window.properties_dock)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.properties_dock)
    window.properties_dock.show()
    assert window.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.restore_window()
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.dockWidgetArea(second.properties_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.checks_dock.isHidden()


def test_the_last_export_folder_and_format_are_remembered(qtbot: QtBot, board: Path, tmp_path: Path) -> None:
    window = _window(qtbot)
    assert window.open_path(board)
    out = tmp_path / "exports"
    out.mkdir()
    assert window.export_to(out / "board.svg")
    assert store.export_settings() == {"folder": str(out.absolute()), "format": "svg"}
    window.close()
    later = MainWindow()
    qtbot.addWidget(later)
    asked: list[str] = []
    later.ask_export_path = lambda fmt: asked.append(str(later._export_dir)) or None  # type: ignore[method-assign]
    later.export_actions["svg"].trigger()
    assert asked == [str(out.absolute())]


def test_the_last_pdf_paper_is_offered_again(qtbot: QtBot, board: Path, tmp_path: Path) -> None:
    from exporters.pages import PageSpec

    window = _window(qtbot)
    assert window.open_path(board)
    assert window.export_to(tmp_path / "board.pdf", PageSpec("A3", portrait=True, tile=False))
    assert store.export_settings()["page"] == "A3"
    window.close()
    later = MainWindow()
    qtbot.addWidget(later)
    assert later._page_spec == PageSpec("A3", portrait=True, tile=False)


def _launch_and_start_a_journey(qtbot: QtBot) -> MainWindow:
    """A launch without a file, as from the desktop: the start screen, then New journey map with Return."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDockWidget

    from app.gui import start_editor

    window = start_editor(None)
    qtbot.addWidget(window)
    window.instance_server.close()
    qtbot.waitExposed(window)
    page = window.welcome_page()
    assert page is not None
    # The start screen has the window to itself (the blueprint's Properties used to show beside it).
    assert not [dock for dock in window.findChildren(QDockWidget) if dock.isVisible()]
    QTest.keyClick(page.new_journey_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.welcome_page() is None and window.editor.isVisible())
    qtbot.wait(50)  # the panels settle back round the board
    return window


def test_a_second_launch_from_the_start_screen_leaves_the_board_its_width(qtbot: QtBot) -> None:
    """The saved panels were restored round the start screen: at the next New the board was 68 px wide
    and the Properties panel 1,326 px, saved so at every close."""
    first = _launch_and_start_a_journey(qtbot)
    width = first.editor.width()
    assert width > first.width() * 0.5
    assert first.close()
    second = _launch_and_start_a_journey(qtbot)
    assert abs(second.editor.width() - width) <= 2
    assert second.close()


def test_a_saved_layout_that_squeezed_the_board_is_mended(qtbot: QtBot) -> None:
    """Profiles saved by the older order kept the board at a sliver at every launch."""
    first = _launch_and_start_a_journey(qtbot)
    first.resizeDocks([first.properties_dock], [first.width() - 60], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: first.editor.width() < 100)
    assert first.close()
    second = _launch_and_start_a_journey(qtbot)
    qtbot.waitUntil(lambda: second.editor.width() >= second.width() * 0.4)
    assert second.properties_dock.isVisible() and second.properties_dock.width() < second.width() * 0.6
    assert second.close()
