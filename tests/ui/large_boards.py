"""Shown editors and views on the benchmark's synthetic boards, for the tests of issue 9's canvas work."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

import model
from app.editor import Editor
from canvas.scene import BoardScene
from canvas.view import BoardView
from model.layout import Layout

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from boards import synthetic_board  # noqa: E402

__all__ = ["shown_board_view", "shown_editor", "synthetic_board"]


def shown_editor(qtbot, document: model.Document, size: tuple[int, int] = (1400, 900), *,  # type: ignore[no-untyped-def]
                 centred: bool = False) -> Editor:
    """An editor on ``document``, shown at ``size``; ``centred``: at 100% on the board's centre, settled."""
    editor = Editor(document)
    qtbot.addWidget(editor)
    editor.resize(QSize(*size))
    editor.show()
    qtbot.waitExposed(editor)
    if centred:
        editor.view.zoom_actual()
        editor.view.centerOn(editor.scene.sceneRect().center())
        QApplication.processEvents()
        QApplication.processEvents()
    return editor


def shown_board_view(qtbot, document: model.Document, size: tuple[int, int] = (1200, 800)) -> BoardView:  # type: ignore[no-untyped-def]
    """A bare board view (no editor around it) on ``document``, shown at ``size``, no card under the pointer."""
    scene = BoardScene(document, lambda command: None)
    board = BoardView(scene)
    # The view does not own its scene: with no Python name left for it, a garbage collection
    # during a test deleted it (view.scene() then None). Parented, it lives as long as the view.
    scene.setParent(board)
    qtbot.addWidget(board)
    board.resize(QSize(*size))
    board.show()
    qtbot.waitExposed(board)
    QCursor.setPos(board.mapToGlobal(QPoint(-40, -40)))  # no card hovered by a pointer left by another test
    return board


def nearest_card(layout: Layout, point: QPointF) -> str:
    """The id of the card whose centre is nearest ``point`` (scene px, by city-block distance)."""
    return min(layout.cards.values(),
               key=lambda g: abs(g.x + g.w / 2 - point.x()) + abs(g.y + g.h / 2 - point.y())).id
