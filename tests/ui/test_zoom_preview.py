"""A wheel zoom step is shown from the last frame and drawn sharp in slices (issue 9, point 4).

Counted, not timed: the step itself paints no card (they would be drawn afresh at the new
scale, ~40 ms at 5,000 cards); the sharp drawing comes in several slices of a few tiles,
and when it is done the screen holds exactly what a fresh full repaint draws.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from canvas import zoom_preview
from canvas.items import TEXT_LOD, CardItem
from canvas.view import BoardView
from canvas.zoom_preview import shown_picture
from tests.ui.large_boards import shown_board_view, synthetic_board


@pytest.fixture
def view(qtbot):  # type: ignore[no-untyped-def]
    board = shown_board_view(qtbot, synthetic_board(600, links="local"))
    scene = board.scene()
    board.zoom_actual()
    board.centerOn(scene.sceneRect().center())
    _settle()
    yield board
    board.zoom_preview.stop()
    scene.detach()


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def _wheel(view: BoardView, dy: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier,
           at: QPoint | None = None) -> None:
    point = QPointF(at if at is not None else view.viewport().rect().center())
    event = QWheelEvent(point, QPointF(view.viewport().mapToGlobal(point)), QPoint(0, 0), QPoint(0, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    _settle()


class _CardPaints:
    """Counts CardItem.paint calls (each draws a card afresh into its pixmap), by profiling.

    (Replacing CardItem.paint would not do: PySide keeps the Python override it found first.)
    """

    def __init__(self) -> None:
        self._profile = cProfile.Profile()
        self._code = CardItem.paint.__code__
        self._profile.enable()

    @property
    def count(self) -> int:
        self._profile.disable()
        stats = pstats.Stats(self._profile).stats  # type: ignore[attr-defined]
        self._profile.enable()
        return sum(row[0] for key, row in stats.items()
                   if key[0] == self._code.co_filename and key[1] == self._code.co_firstlineno)

    def stop(self) -> None:
        self._profile.disable()


@pytest.fixture
def card_paints(monkeypatch):  # type: ignore[no-untyped-def]
    # The sharp drawing waits longer than a loaded test machine may take between two steps
    # (its 30 ms would let a slice in, and the steps are asserted to paint no card).
    monkeypatch.setattr(zoom_preview, "DELAY_MS", 400)
    counter = _CardPaints()
    yield counter
    counter.stop()


def _differing(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    return sum(1 for y in range(a.height()) if a.scanLine(y) != b.scanLine(y)) if a != b else 0


def _fresh(view: BoardView) -> QImage:
    """The view drawn afresh: every item's cached pixmap dropped first."""
    for item in view.scene().items():
        item.update()
    return view.viewport().grab().toImage()


def _sharp(qtbot, view: BoardView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.zoom_preview.busy, timeout=10000)
    _settle()


def test_a_wheel_step_paints_no_card_then_the_view_is_drawn_sharp_in_slices(qtbot, view, card_paints) -> None:  # type: ignore[no-untyped-def]
    paints = card_paints
    before = view.zoom
    _wheel(view, 120, at=QPoint(300, 200))
    assert view.zoom == pytest.approx(before * 1.25)
    assert view.zoom_preview.active
    assert paints.count == 0  # the step showed the last frame scaled
    shown = shown_picture(view.viewport())
    _sharp(qtbot, view)
    assert paints.count > 0
    slices = view.zoom_preview.slices
    assert len(slices) >= 3, slices  # not one long block
    assert all(1 <= tiles <= zoom_preview.MAX_TILES_PER_SLICE for tiles in slices), slices
    assert slices[0] == zoom_preview.FIRST_SLICE_TILES
    sharp = shown_picture(view.viewport())
    assert _differing(sharp, _fresh(view)) == 0
    assert _differing(shown, sharp) > 0  # the scaled frame was softer than the sharp one
    # The scaled frame was the same picture in the same place, only softer: small copies agree.
    small = QSize(sharp.width() // 16, sharp.height() // 16)
    a = shown.scaled(small, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    b = sharp.scaled(small, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    off = sum(1 for x in range(small.width()) for y in range(small.height())
              if abs(a.pixelColor(x, y).lightness() - b.pixelColor(x, y).lightness()) > 40)
    assert off < 0.05 * small.width() * small.height(), off


def test_steps_while_the_wheel_turns_and_a_scroll_between_end_in_the_exact_picture(qtbot, view, card_paints) -> None:  # type: ignore[no-untyped-def]
    paints = card_paints
    for dy in (120, 120, -120, -120, -120):
        _wheel(view, dy)
    assert paints.count == 0 and view.zoom == pytest.approx(1 / 1.25)
    _wheel(view, -120, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls, while still soft
    _sharp(qtbot, view)
    assert _differing(shown_picture(view.viewport()), _fresh(view)) == 0


def test_zoom_keys_preview_too_and_another_zoom_on_the_way_draws_exactly(qtbot, view, card_paints) -> None:  # type: ignore[no-untyped-def]
    paints = card_paints
    view.zoom_in()
    _settle()
    assert view.zoom == pytest.approx(1.25) and view.zoom_preview.active and paints.count == 0
    view.set_zoom(1.5)  # not a step: drawn exactly at once, the preview forgotten
    _settle()
    assert not view.zoom_preview.active and paints.count > 0
    assert _differing(shown_picture(view.viewport()), _fresh(view)) == 0


def test_zoomed_out_to_the_overview_a_step_draws_the_overview_directly(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.set_zoom(TEXT_LOD * 0.7)
    _settle()
    assert view.scene().overview_active
    _wheel(view, -120)
    assert not view.zoom_preview.active
    assert view.zoom == pytest.approx(TEXT_LOD * 0.7 / 1.25)


def test_a_cheap_tile_does_not_make_the_next_slice_take_several_dear_ones(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    # Tiles differ up to ~5x (an empty gutter vs a crowded cell); judged by the last slice
    # alone, one cheap tile after a dear one made the next slice take four (20-45 ms).
    preview = view.zoom_preview
    _wheel(view, 120)
    assert preview.tiles_per_slice() == zoom_preview.FIRST_SLICE_TILES
    preview.judge_slice(10.0, 1)  # a crowded cell
    assert preview.tiles_per_slice() == 1
    preview.judge_slice(2.0, 1)  # then an empty gutter: the crowded one is still in mind
    assert preview.tiles_per_slice() == 1
    for _ in range(6):  # a run of cheap tiles (2 ms each): the slices grow again
        tiles = preview.tiles_per_slice()
        preview.judge_slice(2.0 * tiles, tiles)
    assert preview.tiles_per_slice() == int(zoom_preview.SLICE_MS / 2.0)
    preview.judge_slice(0.5 * 12, 12)
    assert 1 <= preview.tiles_per_slice() <= zoom_preview.MAX_TILES_PER_SLICE
    _sharp(qtbot, view)
