"""The collector is kept off a board's objects once the board is made (app/collection.py, issue 9 point 4).

A full pass of the cyclic collector over a 5,000-card board's ~170,000 objects stalled a pan
step or a move for ~200 ms. In the application the objects alive once a board's items are all
made are frozen; closing the board unfreezes them. The tests leave the collector alone unless
a test puts the application's policy in force, as these do.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from app import collection
from app.main_window import MainWindow
from model import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "benchmarks"))
from boards import synthetic_board


@pytest.fixture
def policy():  # type: ignore[no-untyped-def]
    """The application's collector policy in force for one test, and the collector's defaults after it."""
    gc.unfreeze()
    collection.keep_boards_frozen()
    yield
    collection.stop_keeping()


def frozen(obj: object) -> bool:
    """Whether the collector's passes leave ``obj`` alone: tracked, yet in none of its generations."""
    return gc.is_tracked(obj) and not any(o is obj for o in gc.get_objects())


def shown_window(qtbot, document: Document) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1000, 700)
    window.show()
    scene = window.editor.scene
    qtbot.waitUntil(lambda: scene.unbuilt == 0 and scene.arrows.waiting == 0 and gc.get_freeze_count() > 0,
                    timeout=60000)
    return window


def test_a_board_made_whole_is_kept_off_the_collectors_passes_until_it_is_closed(qtbot, policy) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, synthetic_board(400))
    scene = window.editor.scene
    card_geometry = next(iter(scene.layout.cards.values()))
    link_geometry = next(iter(scene.layout.links.values()))
    assert frozen(card_geometry) and frozen(link_geometry) and frozen(scene.document)
    assert gc.get_freeze_count() > 10_000
    # What an edit makes afterwards is the collector's as before.
    card = next(scene.document.cards())
    window.editor.document.set_card_field(card.id, "text", "A new text for the first card")
    assert not frozen(scene.layout.cards[card.id].shape)
    # Another board opened: the first one's objects are the collector's again, the new board's frozen once made.
    old_document = scene.document
    window._install(synthetic_board(50), None)
    assert not frozen(old_document)
    new_scene = window.editor.scene
    qtbot.waitUntil(lambda: new_scene.unbuilt == 0 and new_scene.arrows.waiting == 0 and frozen(new_scene.document),
                    timeout=60000)


def test_outside_the_application_nothing_is_frozen(qtbot) -> None:  # type: ignore[no-untyped-def]
    gc.unfreeze()
    window = MainWindow(synthetic_board(200))
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show()
    scene = window.editor.scene
    qtbot.waitUntil(lambda: scene.unbuilt == 0 and scene.arrows.waiting == 0, timeout=60000)
    qtbot.wait(50)
    assert gc.get_freeze_count() == 0


def test_a_window_closed_leaves_its_board_to_the_collector(qtbot, policy) -> None:  # type: ignore[no-untyped-def]
    # A second window (a file a later launch handed over, app/gui.py) is closed without another board
    # replacing its own (no close_document): its board was frozen all the same, and its cycles would stay
    # uncollected for the rest of the session.
    first = shown_window(qtbot, synthetic_board(50))
    second = MainWindow(synthetic_board(60))
    qtbot.addWidget(second)
    second.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    second.resize(1000, 700)
    second.show()
    document = second.editor.document
    scene = second.editor.scene
    qtbot.waitUntil(lambda: scene.unbuilt == 0 and scene.arrows.waiting == 0 and frozen(document), timeout=60000)
    assert second.close()
    assert not frozen(document)
    assert first.isVisible()


def test_a_board_replaced_by_another_is_freed_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Opening another board frees the old one: its editor, view, scene, layout and document.

    QMainWindow deleted the replaced editor with deleteLater, and PySide went on counting its
    Python object as owned by Qt: the old board stayed alive (~22-25 MB per 1,000-card board).
    """
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    window = MainWindow(synthetic_board(200))
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show()
    old = window.editor
    kept = {name: weakref.ref(obj) for name, obj in
            (("editor", old), ("view", old.view), ("scene", old.scene), ("layout", old.scene.layout),
             ("document", old.document))}
    del old
    window._install(synthetic_board(30), None)
    for _ in range(3):
        qtbot.wait(10)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    assert {name for name, ref in kept.items() if ref() is not None} == set()
    assert window.editor.document.card_count() == 30  # the new board is the window's


def test_a_second_window_closed_is_freed_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A window opened for a file a later launch handed over is deleted on close (app/gui.py): its
    editor, view, scene, layout and document go with it. Deleted by Qt with the window, the editor's
    Python object stayed counted as owned by Qt: ~23 MB a 1,000-card board stayed alive per window."""
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    from app import gui

    window = MainWindow(synthetic_board(200))
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    gui.keep_window(window)
    window.show()
    qtbot.waitExposed(window)
    editor = window.editor
    kept = {name: weakref.ref(obj) for name, obj in
            (("window", window), ("editor", editor), ("view", editor.view), ("scene", editor.scene),
             ("layout", editor.scene.layout), ("document", editor.document))}
    del editor
    assert window.close()
    del window
    for _ in range(3):
        qtbot.wait(10)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    assert {name for name, ref in kept.items() if ref() is not None} == set()
    assert not gui._extra_windows
