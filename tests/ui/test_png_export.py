"""PNG export and the shared QPainter drawing (exporters.qtpaint), headless.

Uses pytest-qt's ``qapp`` so that the export reuses the suite's QApplication instead of
creating its own QGuiApplication.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import numpy as np
import pytest
from PIL import Image

import model
from exporters import export
from exporters.png import export_png, render_png
from model.fonts import font_metrics
from model.layout import Layout
from model.primitives import Line

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.touchline"))
TOLERANCE = 40
MAX_DIFF_VS_SVG = 0.015  # measured 0.74 % and 0.77 % against rsvg for the two examples


def pixels(path: Path) -> np.ndarray:
    """An image as an RGB int16 array."""
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.int16)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_png_matches_the_svg(qapp: object, example: Path, tmp_path: Path) -> None:
    layout = Layout(model.load(example))
    png = tmp_path / "board.png"
    export(layout, png)
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.size == (math.ceil(layout.width), math.ceil(layout.height))
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert is not installed")
    svg, svg_png = tmp_path / "board.svg", tmp_path / "svg.png"
    export(layout, svg)
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    subprocess.run(["rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", str(svg_png), str(svg)],
                   check=True, capture_output=True)
    ratio = float((np.abs(pixels(png) - pixels(svg_png)).max(axis=2) > TOLERANCE).mean())
    assert ratio < MAX_DIFF_VS_SVG, f"PNG and SVG differ in {ratio:.3%} of pixels"


def test_png_at_higher_dpi_is_larger_and_tagged(qapp: object, tmp_path: Path) -> None:
    layout = Layout(model.load(EXAMPLES[0]))
    png = tmp_path / "board@2x.png"
    export_png(layout, png, dpi=192)
    with Image.open(png) as image:
        assert image.size == (math.ceil(layout.width * 2), math.ceil(layout.height * 2))
        assert image.info["dpi"] == pytest.approx((192, 192), abs=0.5)
        assert image.info["Title"] == layout.document.title
        assert image.info["Software"].startswith("Touchline ")


@pytest.mark.parametrize("dpi", [0, -5, float("nan"), 1e9])
def test_bad_dpi_is_refused_and_writes_nothing(qapp: object, tmp_path: Path, dpi: float) -> None:
    with pytest.raises(ValueError, match="dpi"):
        export_png(model.load(EXAMPLES[0]), tmp_path / "x.png", dpi=dpi)
    assert list(tmp_path.iterdir()) == []


def test_failed_png_export_leaves_the_old_file(qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import exporters.png

    target = tmp_path / "board.png"
    target.write_bytes(b"old")

    def boom(*_args: object, **_kwargs: object) -> bytes:
        raise OSError("disk full")

    monkeypatch.setattr(exporters.png, "render_png", boom)
    with pytest.raises(OSError, match="disk full"):
        export_png(model.load(EXAMPLES[0]), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["board.png"]


def test_qfont_is_the_bundled_face_without_kerning(qapp: object) -> None:
    from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF

    from exporters.qtpaint import load_fonts, qfont

    assert "Noto Sans" in load_fonts()
    for size, bold in [(13, False), (22, True), (11, True)]:
        font = qfont(size, bold)
        assert font.pixelSize() == size and font.bold() == bold
        assert not font.kerning()
        assert font.hintingPreference() == QFont.HintingPreference.PreferNoHinting
        assert QFontInfo(font).family() == "Noto Sans"
        text = "AVAV To Tofiffl, swaps to oat"
        assert QFontMetricsF(font).horizontalAdvance(text) == pytest.approx(
            font_metrics(bold).width(text, size), abs=0.5
        ), "Qt measures text as the layout does (no kerning, no ligatures)"
    assert qfont(13) is qfont(13), "fonts are cached"


def _line_thickness(hairline: bool) -> int:
    from PySide6.QtGui import QColor, QImage, QPainter

    from exporters.qtpaint import draw_primitives

    image = QImage(80, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(4, 4)
    draw_primitives(painter, [Line(2, 10.5, 18, 10.5, "#000000", 1.0)], hairline=hairline)
    painter.end()
    column = [QColor(image.pixel(40, y)).red() for y in range(80)]
    return sum(1 for value in column if value < 128)


def test_hairlines_are_cosmetic_one_pixel_pens(qapp: object) -> None:
    assert _line_thickness(hairline=True) == 1, "a 1-px Line stays one device pixel when zoomed (cosmetic pen)"
    assert _line_thickness(hairline=False) == 4, "without hairline it scales with the painter"


def test_render_png_bytes(qapp: object) -> None:
    data = render_png(Layout(model.load(EXAMPLES[0])), dpi=48)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_painters_brushes_are_the_brushes_of_their_colours(qapp) -> None:  # type: ignore[no-untyped-def]
    """exporters/qtpaint.py sets a brush's colour and style instead of passing the colour to QBrush."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QBrush

    from exporters import qtpaint

    kit = qtpaint._kit()
    for color, alpha in (("#E8F1FE", 1.0), ("#1F2937", 0.35), ("#000000", 0.0)):
        assert kit.brush(color, alpha) == QBrush(kit.color(color, alpha))
    assert kit.brush(None) == QBrush(Qt.BrushStyle.NoBrush)
