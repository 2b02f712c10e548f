"""Files dragged from the file manager onto a window (app/file_drops.py): the drag and drop events are sent to the
board's viewport, the widget under the pointer, and travel up as Qt delivers them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitUntil(window.isVisible)
    return window


def files(*paths: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return data


def drag_over(window: MainWindow, data: QMimeData) -> bool:
    """A drag entering the board: whether the window takes it (the pointer shows it may drop)."""
    viewport = window.editor.view.viewport()
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    return enter.isAccepted()


def drop(qtbot: QtBot, window: MainWindow, data: QMimeData) -> None:
    assert drag_over(window, data)
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.editor.view.viewport(), event)
    assert event.isAccepted()
    qtbot.wait(50)  # the files are opened once the drop has ended


def other_windows(window: MainWindow) -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not window
            and w.isVisible()]


def test_a_board_dropped_on_an_untouched_window_opens_there(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    board = Path(shutil.copy(EXAMPLES / "onboarding-journey.touchline", tmp_path))
    drop(qtbot, window, files(board))
    assert window.path == board
    assert window.editor.document.title.startswith("Opening an account")
    assert not other_windows(window)


def test_a_board_dropped_on_a_window_with_a_board_opens_in_a_window_of_its_own(qtbot: QtBot, window: MainWindow,
                                                                              tmp_path: Path) -> None:
    first = Path(shutil.copy(EXAMPLES / "coffee-shop-blueprint.touchline", tmp_path))
    second = Path(shutil.copy(EXAMPLES / "onboarding-journey.touchline", tmp_path))
    assert window.open_path(first)
    drop(qtbot, window, files(second))
    assert window.path == first  # nothing on screen replaced, no "save changes?" asked
    opened = other_windows(window)
    assert [w.path for w in opened] == [second]
    for other in opened:
        other.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
        other.close()


def test_a_table_dropped_is_imported_and_other_files_are_named(qtbot: QtBot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    table = tmp_path / "checkout.csv"
    table.write_text("stage,lane,lane_kind,text\nOrder,Customer,customer,Pays at the till\n", encoding="utf-8")
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG")
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    drop(qtbot, window, files(table, picture))
    assert [card.text for card in window.editor.document.cards()] == ["Pays at the till"]
    assert window.statusBar().currentMessage().startswith("Not opened: “photo.png”.")


def test_a_table_dropped_on_a_window_with_a_board_is_imported_in_a_window_of_its_own(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """The board on screen (saved, so nothing asked) was replaced by the table, while a board dropped got a window
    of its own; a dropped table now goes where a board would."""
    board = Path(shutil.copy(EXAMPLES / "coffee-shop-blueprint.touchline", tmp_path))
    assert window.open_path(board)
    table = tmp_path / "checkout.csv"
    table.write_text("stage,lane,lane_kind,text\nOrder,Customer,customer,Pays at the till\n", encoding="utf-8")
    drop(qtbot, window, files(table))
    assert window.path == board
    opened = other_windows(window)
    assert len(opened) == 1 and [card.text for card in opened[0].editor.document.cards()] == ["Pays at the till"]
    opened[0].ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    opened[0].close()


def test_text_dragged_into_a_card_being_typed_goes_into_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """The board's view passes files on to the window but keeps text for the card being typed (a drag of words
    within the card, or from another program, was refused once the view stopped taking drags)."""
    board = Path(shutil.copy(EXAMPLES / "onboarding-journey.touchline", tmp_path))
    assert window.open_path(board)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    view, scene = window.editor.view, window.editor.scene
    card = next(iter(window.editor.document.cards()))
    scene.edit_card(card.id)
    editor = scene.editor
    assert editor is not None
    view.ensureVisible(editor.sceneBoundingRect())
    qtbot.wait(20)
    at = view.mapFromScene(editor.sceneBoundingRect().center())
    data = QMimeData()
    data.setText("dropped words ")
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = kind(at, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted(), kind.__name__
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(at), Qt.DropAction.CopyAction, data,
                                                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert "dropped words" in editor.toPlainText()


def test_a_broken_board_dropped_is_said_once_and_an_open_one_comes_to_the_front(qtbot: QtBot, window: MainWindow,
                                                                                  tmp_path: Path) -> None:
    """The drop opened the first board itself and then handed every board to the start's rules as well: a board
    that could not be opened was said twice, and one open in another window was opened a second time."""
    broken = tmp_path / "broken.touchline"
    broken.write_text("{not json", encoding="utf-8")
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(title)  # type: ignore[method-assign]
    drop(qtbot, window, files(broken))
    assert errors == ["Could not open"]
    board = Path(shutil.copy(EXAMPLES / "onboarding-journey.touchline", tmp_path))
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.open_path(board)
    other.show()
    drop(qtbot, window, files(board))
    assert window.path is None  # not opened again here: the window showing it is the one raised
    assert [w for w in other_windows(window) if w.path == board] == [other]
