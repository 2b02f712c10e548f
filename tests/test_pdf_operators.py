"""The PDF painter writes text and colours as content-stream operators itself (issue 9): the
same bytes reportlab's Canvas.drawString and setFillColorRGB write, so the pages look the same."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from exporters.pdf import FONT_NAMES, _color_op, _n, _PdfPainter, register_fonts

EXAMPLE = Path(__file__).resolve().parents[1] / "resources" / "examples" / "coffee-shop-blueprint.touchline"
TEXTS = ["Customer orders ahead", "a (paren) \\ back) slash(", "Ünïcödé “quotes” — dash", "x" * 300, "12 %", " ",
         "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ"
         "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя"]  # past one 256-code subset


def _canvas() -> Canvas:
    register_fonts()
    return Canvas(io.BytesIO(), pagesize=(500, 500), initialFontName=FONT_NAMES[False])


@pytest.mark.parametrize("bold", [False, True])
def test_text_is_written_as_canvas_draw_string_writes_it(bold: bool) -> None:
    theirs, ours = _canvas(), _canvas()
    painter = _PdfPainter(ours, 500, FONT_NAMES)
    theirs_start, ours_start = len(theirs._code), len(ours._code)  # after each page's own preamble
    font = FONT_NAMES[bold]
    sizes = [13, 11.5, 22, 9.25, 13, 10, 16]
    places = [(12, 480), (0.0004, 3), (56.088, 1236), (1234.5678, 0), (7, 7), (8, 8), (30.5, 2)]
    for size, (x, y), text in zip(sizes, places, TEXTS, strict=True):
        theirs.setFont(font, size)
        theirs.drawString(x, y, text)
        painter._show(font, size, x, y, text)
    assert ours._code[ours_start:] == theirs._code[theirs_start:]
    assert len(ours._code) - ours_start == len(TEXTS)


def test_colours_are_written_as_set_rgb_writes_them() -> None:
    for color in ("#1F2937", "#ffffff", "#000000", "#2563EB", "#e8f1fe"):
        canvas = _canvas()
        before = len(canvas._code)
        r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
        canvas.setFillColorRGB(r, g, b)
        canvas.setStrokeColorRGB(r, g, b)
        assert canvas._code[before:] == [_color_op(color, "rg"), _color_op(color, "RG")]


def test_numbers_keep_three_decimals_without_trailing_zeros() -> None:
    rng = random.Random(9)
    values = [0, -0.0, 5, 12.5, -0.0004, 0.0004, 1e-9, 1235.00049, 99999.9996, *(rng.uniform(-3000, 3000)
                                                                                  for _ in range(2000))]
    for value in values * 2:  # the second round answers from the cache
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        assert _n(value) == ("0" if text in ("-0", "") else text)


def test_streams_are_flate_only_and_reportlab_is_left_as_it_was() -> None:
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    from exporters.pdf import render_pdf
    from model import load
    from model.layout import Layout

    filter_before, a85_before = pdfdoc.PDFZCompress, rl_config.useA85
    data = render_pdf(Layout(load(EXAMPLE)))
    assert b"/FlateDecode" in data and b"/ASCII85Decode" not in data
    assert (pdfdoc.PDFZCompress, rl_config.useA85) == (filter_before, a85_before)
