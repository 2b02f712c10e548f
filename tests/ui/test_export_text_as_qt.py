"""The exports' glyphs where they come from something other than one glyph per character, against Qt's.

The canvas draws text with Qt (HarfBuzz on the logical text); the SVG and the PDF place the glyphs
themselves (exporters.svgglyphs, exporters.pdf, from model.glyphs.visual and model.shaping). Here the
places of a line's drawn glyphs are compared with those of Qt's QTextLayout in the canvas's font list
(exporters.qtpaint.qfont), at 100 px: a mark drawn one glyph per character after a reversed letter lands
a letter away, 10-60 px off.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest

from exporters import svgglyphs
from exporters.qtpaint import qfont
from exporters.svg import _drawn
from model.glyphs import covered

SIZE = 100.0
SLACK = 1.5  # px at 100 px: Qt rounds its positions to 1/64 px, HarfBuzz's units are the font's

MARKED_RTL = {
    "arabic harakat and shadda": "مُحَمَّدٌ يَكْتُبُ الدَّرْسَ",
    "hebrew niqqud": "בְּרֵאשִׁית בָּרָא אֱלֹהִים",
    # Lam and alef with a mark between: arabic-reshaper made them one ligature, and the fatha went 35 px off.
    "lam fatha alef": "لَا",
    "salam": "السَّلَامُ عَلَيْكُمْ",
    "lam alef without marks": "لا شيء",
}


def qt_places(text: str) -> list[tuple[float, float]]:
    """Where Qt draws each glyph of ``text`` but spaces (x from the line's left, y from the baseline, down)."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, qfont(SIZE))
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    places = []
    for run in layout.glyphRuns():
        space = run.rawFont().glyphIndexesForString(" ")[0]
        places += [(point.x(), point.y() - line.ascent())
                   for gid, point in zip(run.glyphIndexes(), run.positions(), strict=True) if gid != space]
    return places


def export_places(text: str) -> list[tuple[float, float]]:
    """Where the SVG (and the PDF, from the same shaping) draws each glyph of ``text``, as ``qt_places``."""
    drawn = _drawn(text)[1]
    if svgglyphs.needs_shaping(drawn):
        placed = svgglyphs._shaped_placed(drawn, False)[0]
    else:
        placed = tuple((gid, x, 0.0) for gid, x in svgglyphs.glyph_run(drawn, False).placed)
    return [(x * SIZE / svgglyphs.EM, y * SIZE / svgglyphs.EM) for _, x, y in placed]


def assert_placed_as_qt(text: str) -> None:
    if not all(covered(ch) for ch in text):
        pytest.skip(f"no installed font draws {text!r}")
    ours, qt = sorted(export_places(text)), sorted(qt_places(text))
    assert len(ours) == len(qt), (ours, qt)
    left_ours, left_qt = ours[0][0], qt[0][0]
    for (x, y), (qx, qy) in zip(ours, qt, strict=True):
        assert abs((x - left_ours) - (qx - left_qt)) <= SLACK and abs(y - qy) <= SLACK, (text, ours, qt)


@pytest.mark.parametrize("text", MARKED_RTL.values(), ids=MARKED_RTL.keys())
def test_right_to_left_marks_sit_on_their_letters_as_on_screen(qapp: object, text: str) -> None:
    """Arabic's vowel marks and shadda, Hebrew's points: kept (arabic-reshaper deleted the Arabic ones)
    and placed by HarfBuzz over and under their letter, where Qt draws them."""
    assert_placed_as_qt(text)


DECOMPOSED = {
    "french": "Crème brûlée à la carte",
    "capitals": "ÉCOLE ÎLE ÖL ÜBER",
    "vietnamese": "Người dùng ngân hàng",
}


@pytest.mark.parametrize("text", DECOMPOSED.values(), ids=DECOMPOSED.keys())
def test_accents_typed_as_characters_of_their_own_are_drawn_as_on_screen(qapp: object, text: str) -> None:
    """Text in NFD (an accent as a character after its letter: macOS input, pasted text) was drawn a glyph per
    character: "brûlée" read "bruĺée", a capital's accent sat at a small letter's height, Vietnamese's
    stacked marks overlapped. Qt draws each pair as the font's composed glyph, and so do the exports."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert_placed_as_qt(decomposed)
