"""The board view blits without smoothing (issue 9: a move's repaint is mostly blits of cached cards).

Qt takes a slower path for every pixmap drawn with SmoothPixmapTransform, even on whole device
pixels at scale 1, which is how the view draws each cached card, the arrow layer's cache and the
tiles. The view leaves the hint off on a screen of whole scale; these tests hold that nothing it draws
there depended on it: the picture is the same, pixel for pixel, with the hint on and off, at
100 %, zoomed in and out and in the zoomed-out overview. On a screen of fractional scale (150 %)
a cached card can fall between device pixels, and the view keeps the smooth blit.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

import model
from tests.ui.large_boards import ROOT, shown_board_view, synthetic_board

EXAMPLE = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


def _picture(view) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The view painted afresh, every cache drawn again first."""
    scene = view.scene()
    for item in scene.items():
        item.update()
    QApplication.processEvents()
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * height)
    return data.reshape(height, image.bytesPerLine())[:, :width * 3].copy()


def test_the_view_blits_without_smoothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = shown_board_view(qtbot, synthetic_board(100))
    assert not view.renderHints() & QPainter.RenderHint.SmoothPixmapTransform
    assert view.renderHints() & QPainter.RenderHint.Antialiasing


@pytest.mark.parametrize(("ratio", "smooth"), [(1.0, False), (1.25, True), (1.5, True), (2.0, False)])
def test_a_screen_of_fractional_scale_blits_smoothly(qtbot, ratio: float, smooth: bool) -> None:  # type: ignore[no-untyped-def]
    """At 150 % a cached card can fall between device pixels: there the view keeps Qt's smooth blit
    (without it, cards at 137-150 % zoom landed one device pixel off, ~26,000 pixels changed)."""
    view = shown_board_view(qtbot, synthetic_board(100))
    view.devicePixelRatioF = lambda: ratio  # the screen's scale, as Qt reports it
    QApplication.sendEvent(view, QEvent(QEvent.Type.DevicePixelRatioChange))  # moved to that screen
    assert bool(view.renderHints() & QPainter.RenderHint.SmoothPixmapTransform) is smooth
    assert view.renderHints() & QPainter.RenderHint.Antialiasing


@pytest.mark.parametrize("board", ["example", "synthetic"])
def test_smoothing_would_change_no_pixel_at_any_zoom(qtbot, board: str) -> None:  # type: ignore[no-untyped-def]
    document = model.loads(EXAMPLE.read_text(encoding="utf-8")) if board == "example" else synthetic_board(400)
    view = shown_board_view(qtbot, document)
    for zoom in (1.0, 0.73, 1.37, 2.0, 0.35):  # 0.35: the overview draws the board
        view.zoom_actual()
        view.set_zoom(zoom)
        view.centerOn(view.scene().sceneRect().center())
        QApplication.processEvents()
        plain = _picture(view)
        view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        smooth = _picture(view)
        view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        assert plain.any() and (plain != plain[0, 0]).any()  # a picture, not an empty view
        assert np.array_equal(plain, smooth), (zoom, int(np.abs(plain.astype(int) - smooth).max()))
