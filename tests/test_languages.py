"""Every language: a multilingual board exported to SVG and PDF and checked as a reader's tools see it.

CJK, Hangul, Arabic, Hebrew, Greek, Cyrillic, emoji, markup characters, a control
character, a 2,000-character card and a character no font has. Fallback fonts come from
fontconfig; a test that needs a font .ci/run installs is skipped, saying so, where that
font is missing. No Qt here (the PNG and the canvas: tests/ui/test_same_picture.py).
"""

from __future__ import annotations

import itertools
import json
import math
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pytest
from PIL import Image

import model
from exporters import export, svgglyphs
from exporters.svg import render_svg
from model.cardshape import MAX_LINES
from model.entities import Card, Lane, Link, Stage
from model.fonts import font_metrics
from model.glyphs import REPLACEMENT, covered, finder, is_invisible, visual
from model.layout import Layout
from model.primitives import Text
from model.wrapping import wrap

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.touchline"))
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
TOLERANCE = 40
MAX_DIFF = 0.01  # measured (text as outlines): rsvg/pdftoppm 0.27-0.32 %, Chromium/pdftoppm 0.28-0.34 %

LONG = ("Long card. " + "The customer reads every word of the terms before paying; " * 40)[:2000]
NO_FONT = "\U000f0001"  # a private-use character no font maps
SAMPLES = {
    "cjk": "顧客はアプリで注文します。漢字とかな 中文",
    "hangul": "한국어 고객",
    "arabic": "مرحبا بالعالم",
    "hebrew": "שלום עולם",
    "emoji": "Emoji 😀 ☕ 🎉",
    "greek": "Ελληνικά Кириллица",
}


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def need_fonts() -> None:
    """Skip unless fontconfig finds a font for every sample script (.ci/run installs them)."""
    missing = [name for name, text in SAMPLES.items() if not all(covered(ch) for ch in text)]
    if missing:
        pytest.skip(f"no installed font for {', '.join(missing)} (see .ci/run's fonts)")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{args[0]} exited {result.returncode}: {result.stderr or result.stdout}"
    return result


def normalise(text: str) -> str:
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def multilingual() -> model.Document:
    doc = model.Document(title="Multilingual 多言語 עברית", description='Every script <&> "quoted"')
    doc.add_stage(Stage("s1", "Discover 発見"))
    doc.add_stage(Stage("s2", "اكتشاف Buy"))
    doc.add_stage(Stage("s3", "שירות Support"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    doc.add_lane(Lane("l2", "Frontstage", "frontstage"))
    doc.add_card(Card("c1", "l1", "s1", text=SAMPLES["cjk"] + " " + SAMPLES["hangul"]))
    doc.add_card(Card("c2", "l1", "s2", text=SAMPLES["arabic"]))
    doc.add_card(Card("c3", "l1", "s3", text=SAMPLES["hebrew"]))
    doc.add_card(Card("c4", "l2", "s1", text=SAMPLES["emoji"] + " → " + SAMPLES["greek"]))
    doc.add_card(Card("c5", "l2", "s2", text='Markup <&> "quoted", a bell\x07 here'))
    doc.add_card(Card("c6", "l2", "s3", text=LONG))
    doc.add_card(Card("c7", "l1", "s1", text=f"No font has {NO_FONT} this"))
    doc.add_link(Link("k1", "c1", "c2", label="→ next"))
    return doc


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, Path, Path, list[str]]:
    layout = Layout(multilingual())
    out = tmp_path_factory.mktemp("languages")
    svg, pdf = out / "board.svg", out / "board.pdf"
    warnings = export(layout, svg)
    export(layout, pdf)
    return layout, svg, pdf, warnings


# ---------------------------------------------------------------------- SVG
def test_svg_is_valid_renders_and_is_self_contained(board: tuple[Layout, Path, Path, list[str]],
                                                    tmp_path: Path) -> None:
    need("xmllint", "rsvg-convert")
    need_fonts()
    layout, svg, _, _ = board
    run("xmllint", "--noout", "--nonet", svg)
    run("rsvg-convert", "-o", tmp_path / "board.png", svg)
    root = ET.parse(svg).getroot()
    assert root.find(f"{SVG_NS}title") is not None and root.find(f"{SVG_NS}desc") is not None
    assert not list(root.iter(f"{SVG_NS}style")), "no fonts are embedded: the text is drawn as outlines"
    glyphs = {path.get("id"): path.get("d") for defs in root.iter(f"{SVG_NS}defs") for path in defs}
    assert glyphs and all(d for d in glyphs.values())
    # Each line: a group of glyph outlines (two in a bold line with glyphs of a fallback font's regular face, the
    # second stroked round them: test_bold_cjk_in_a_regular_fallback_face_is_thickened_in_the_pdf_and_svg), then
    # the invisible text. Every character drawn (in the PDF's visual order, spaces and invisible characters
    # aside) is one glyph.
    children = list(root)
    lines = []
    for i, el in enumerate(children):
        if el.tag == f"{SVG_NS}text":
            groups, before = [children[i - 1]], children[i - 2]
            if groups[0].get("stroke") and before.tag == f"{SVG_NS}g" and not before.get("stroke") \
                    and before.get("transform") == groups[0].get("transform"):
                groups.insert(0, before)
            lines.append((groups, el))
    assert len(lines) == len([p for p in layout.primitives() if isinstance(p, Text) and p.text.strip()])
    for groups, text in lines:
        # invisible: a colour emoji glyph ignores fill-opacity, so its line has opacity 0
        emoji = any(ch in (text.text or "") for ch in "😀☕🎉")
        assert text.get("opacity" if emoji else "fill-opacity") == "0", text.text
        drawn = [ch for ch in visual(text.text or "") if not ch.isspace() and not is_invisible(ch)]
        uses = [use.get(XLINK_HREF) for outlines in groups for use in outlines.iter(f"{SVG_NS}use")]
        assert all(g.tag == f"{SVG_NS}g" for g in groups) and len(uses) == len(drawn), text.text
        assert all(href is not None and href[1:] in glyphs for href in uses)
    drawn = "".join(el.text or "" for el in root.iter(f"{SVG_NS}text"))
    assert "\x07" not in drawn and NO_FONT not in drawn and REPLACEMENT in drawn
    for element in root.iter():
        for name in element.attrib:
            assert not name.split("}")[-1].lower().startswith("on")
        assert element.tag.split("}")[-1] not in ("script", "a", "image", "foreignObject")
    assert "http://" not in re.sub(r'xmlns(:\w+)?="[^"]*"', "", svg.read_text())


def test_svg_text_keeps_logical_order_for_search_and_copy(board: tuple[Layout, Path, Path, list[str]]) -> None:
    _, svg, _, _ = board
    drawn = " ".join(el.text or "" for el in ET.parse(svg).getroot().iter(f"{SVG_NS}text"))
    assert SAMPLES["arabic"] in drawn and SAMPLES["hebrew"] in drawn  # the outlines are in visual order


def test_svg_outlines_advance_as_layout_measured(board: tuple[Layout, Path, Path, list[str]]) -> None:
    """Each line's glyphs span the width layout measured, placed by its anchor; the text is stretched to it."""
    need_fonts()
    _, svg, _, _ = board
    children = list(ET.parse(svg).getroot())
    checked = 0
    for outlines, text in itertools.pairwise(children):
        if text.tag != f"{SVG_NS}text" or outlines.tag != f"{SVG_NS}g":
            continue
        size, bold = float(text.get("font-size", "nan")), text.get("font-weight") == "bold"
        width = font_metrics(bold).width(text.text or "", size)
        assert float(text.get("textLength", "nan")) == pytest.approx(width, abs=0.01), text.text
        match = re.fullmatch(r"translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.e-]+)\)", outlines.get("transform", ""))
        assert match is not None
        shift = {"middle": width / 2, "end": width}.get(text.get("text-anchor", "start"), 0)
        assert float(match[1]) == pytest.approx(float(text.get("x", "nan")) - shift, abs=0.01)
        assert float(match[2]) == pytest.approx(float(text.get("y", "nan")))
        assert float(match[3]) == pytest.approx(size / 1000)
        checked += 1
    assert checked > 20


# ---------------------------------------------------------------------- PDF
def test_pdf_fonts_embedded_subset_and_text_extractable(board: tuple[Layout, Path, Path, list[str]]) -> None:
    need("pdffonts", "pdftotext", "qpdf")
    need_fonts()
    _, _, pdf, _ = board
    run("qpdf", "--check", pdf)
    rows = run("pdffonts", pdf).stdout.splitlines()[2:]
    assert len(rows) >= 4  # the bundled faces and fallbacks for CJK, Hangul, RTL scripts and emoji
    for row in rows:
        assert row.split()[-5] == "yes" and row.split()[-4] == "yes", row
    text = normalise(run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout)
    for sample in ("顧客はアプリで注文します", "漢字とかな", "中文", "한국어", "😀", "☕", "Ελληνικά", "Кириллица",
                   'Markup <&> "quoted", a bell here'):
        assert sample in text, sample
    for word in SAMPLES["arabic"].split() + SAMPLES["hebrew"].split():
        assert word in text, word  # poppler puts right-to-left runs back in logical order
    assert normalise(LONG) in text  # the appendix page
    assert REPLACEMENT in text


def test_pdf_arabic_is_copied_as_the_letters_typed(tmp_path: Path) -> None:
    """The PDF draws Arabic's contextual forms (ﻣﺮﺣﺒﺎ), but what a reader copies or searches is the
    text typed (مرحبا), without NFKC: a search for the typed word finds it; a ligature gives both letters."""
    need("pdftotext")
    need_fonts()
    typed = [SAMPLES["arabic"], "لا شكرا"]  # لا is drawn as one glyph, the lam-alef ligature U+FEFB
    assert "\ufefb" in visual(typed[1])
    doc = model.Document(title="Arabic")
    doc.add_stage(Stage("s1", "One"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    for i, text in enumerate(typed):
        doc.add_card(Card(f"c{i}", "l1", "s1", text=text))
    pdf = tmp_path / "arabic.pdf"
    export(Layout(doc), pdf)
    marks = "[\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # pdftotext's direction marks round a run
    extracted = re.sub(marks, "", run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout)
    lines = [line.strip() for line in extracted.splitlines()]
    for text in typed:
        assert text in lines, (text, lines)
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in extracted), "a presentation form reached the text"


MARKED = ["مُحَمَّدٌ يَكْتُبُ الدَّرْسَ", "בְּרֵאשִׁית בָּרָא אֱלֹהִים"]  # Arabic's harakat and shadda, Hebrew's points


def test_arabic_and_hebrew_marks_are_drawn_and_copied(tmp_path: Path) -> None:
    """The vowel marks and shadda are drawn (arabic-reshaper's default deleted them: "محمد" for "مُحَمَّدٌ")
    in the PDF and the SVG, and a reader copies the text with them as typed."""
    need("pdftotext")
    if not all(covered(ch) for ch in "".join(MARKED)):
        pytest.skip("no installed font for Arabic or Hebrew marks")
    assert "\u0651" in visual(MARKED[0]) and "\u05b0" in visual(MARKED[1])
    doc = model.Document(title="Marks")
    doc.add_stage(Stage("s1", "One"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    for i, text in enumerate(MARKED):
        doc.add_card(Card(f"c{i}", "l1", "s1", text=text))
    layout = Layout(doc)
    pdf = tmp_path / "marks.pdf"
    export(layout, pdf)
    extracted = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "",
                       run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout)
    lines = [line.strip() for line in extracted.splitlines()]
    for text in MARKED:
        assert text in lines, (text, lines)
    for text in MARKED:  # the marks' glyphs are drawn (a shadda and its vowel may be one glyph, as Qt draws them)
        drawn = svgglyphs.glyph_run(visual(text), False)
        assert drawn.count > sum(1 for ch in text if ch.isalpha()), (text, drawn.placed)


def test_bidi_overrides_and_embeddings_reorder_the_exports_as_the_screen(tmp_path: Path) -> None:
    """An override or embedding (U+202A-202E) or isolate (U+2066-2069) reorders the line as Qt does on screen:
    "RLO \u202eevil\u202c" shows "live"; the exports dropped the controls before reordering and printed "evil"."""
    need("pdftotext")
    override = "RLO \u202eevil\u202c end"
    assert visual(override).replace("\u202e", "").replace("\u202c", "") == "RLO live end"
    assert visual("x \u202bab \u05d0\u05d1 cd\u202c y") == "x \u202bcd\u202c \u05d1\u05d0 ab y"  # embedded: cd first
    doc = model.Document(title="Overrides")
    doc.add_stage(Stage("s1", "One"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    doc.add_card(Card("c1", "l1", "s1", text=override))
    layout = Layout(doc)
    pdf, svg = tmp_path / "o.pdf", tmp_path / "o.svg"
    export(layout, pdf)
    export(layout, svg)
    assert "RLO live end" in run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout
    order = [svgglyphs._char(ch, False)[0] for ch in "live"]  # the glyphs drawn, left to right
    drawn = [gid for gid, _ in svgglyphs.glyph_run(svgglyphs_drawn(override), False).placed]
    assert drawn[3:7] == order, drawn  # after "RLO"


def svgglyphs_drawn(text: str) -> str:
    """What the SVG's outlines draw for ``text`` (exporters.svg._drawn)."""
    from exporters.svg import _drawn

    return _drawn(text)[1]


COMPLEX = {  # scripts HarfBuzz shapes (model.shaping): a vowel sign before its consonant, conjuncts, stacked marks
    "devanagari": "ग्राहक को रसीद मिलती है",
    "bengali": "গ্রাহক রসিদ পায়",
    "tamil": "வாடிக்கையாளர் ரசீது",
    "thai": "ลูกค้าได้รับใบเสร็จ",
}


def need_complex_fonts() -> None:
    missing = [name for name, text in COMPLEX.items() if not all(covered(ch) for ch in text)]
    if missing:
        pytest.skip(f"no installed font for {', '.join(missing)} (.ci/run installs fonts-noto-core)")


def complex_board() -> model.Document:
    doc = model.Document(title="Scripts")
    doc.add_stage(Stage("s1", "One"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    for i, text in enumerate(COMPLEX.values()):
        doc.add_card(Card(f"c{i}", "l1", "s1", text=text))
    return doc


def test_complex_scripts_are_copied_and_found_in_the_pdf_as_typed(tmp_path: Path) -> None:
    """The PDF draws HarfBuzz's glyphs (ि before म, a conjunct with no character of its own); what a
    reader copies or searches is the text typed, from each run's ActualText."""
    need("pdftotext")
    need_complex_fonts()
    pdf = tmp_path / "scripts.pdf"
    export(Layout(complex_board()), pdf)
    lines = [line.strip() for line in run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout.splitlines()]
    for text in COMPLEX.values():
        assert text in lines, (text, lines)


@pytest.mark.parametrize("by_word", [False, True])
def test_svg_outlines_draw_the_shaped_glyphs_in_either_form(by_word: bool, monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    """"मि" draws the vowel sign's glyph left of the consonant's, "ग्र" one conjunct glyph that no character
    maps; by glyph and by word (past MAX_GLYPH_USES) the SVG draws the same pixels."""
    need("rsvg-convert")
    need_complex_fonts()
    run_ = svgglyphs.glyph_run("मि", False)
    (_, sign_x), (_, consonant_x) = run_.placed
    assert sign_x < consonant_x, run_.placed
    font = finder().font_for("ग")
    assert font is not None
    face = svgglyphs._fallback(font)
    cmapped = {f"{face.tag}{face.font.getGlyphID(name)}" for name in face.cmap.values()}
    assert any(gid not in cmapped for gid, _ in svgglyphs.glyph_run("ग्र", False).placed)
    layout = Layout(complex_board())
    pictures = []
    for form in (False, by_word):
        monkeypatch.setattr(svgglyphs, "MAX_GLYPH_USES", 1 if form else 10**9)
        svg = tmp_path / f"{form}.svg"
        svg.write_text(render_svg(layout))
        assert ("<use xlink:href=\"#w" in svg.read_text()) == form
        png = tmp_path / f"{form}.png"
        run("rsvg-convert", "-b", "white", "-o", png, svg)
        with Image.open(png) as image:
            pictures.append(np.asarray(image.convert("RGB"), dtype=np.int16))
    # The same shapes: only antialiasing differs where a glyph's numbers are rounded another way.
    assert (np.abs(pictures[0] - pictures[1]).max(axis=2) > TOLERANCE).mean() < 0.001


@pytest.mark.parametrize("by_word", [False, True])
def test_every_glyph_a_shaped_line_uses_is_defined_with_its_marks_height(by_word: bool,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A digit after a Hindi word is drawn in the Devanagari font: the line's words worked out alone gave the
    bundled face's glyph ids, and the SVG used glyphs it never defined (the "12" of "Order ग्राहक 12" drawn as
    nothing). A Thai tone mark HarfBuzz lowers over a vowel sign keeps its y."""
    need_complex_fonts()
    monkeypatch.setattr(svgglyphs, "MAX_GLYPH_USES", 1 if by_word else 10**9)
    doc = model.Document(title="Lines")
    doc.add_stage(Stage("s1", "One"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    for i, text in enumerate(["Order ग्राहक 12 मिलती?", "वाह, 2024 में 31/12 तक", "บ้านฝั่งนี้"]):
        doc.add_card(Card(f"c{i}", "l1", "s1", text=text))
    svg = render_svg(Layout(doc))
    root = ET.fromstring(svg)
    defined = {element.get("id") for element in root.iter(f"{SVG_NS}path")}
    used = [element.get(XLINK_HREF, "")[1:] for element in root.iter(f"{SVG_NS}use")]
    assert used and not [gid for gid in used if gid not in defined]
    digit = svgglyphs.glyph_run("ग्राहक 12", False)
    font = finder().font_for("ग")
    assert font is not None
    tag = svgglyphs._fallback(font).tag
    assert all(gid.startswith(tag) for gid, _ in digit.placed), digit.placed  # the digits too
    assert ' y="' in svgglyphs.glyph_run("บ้านฝั่งนี้", False).uses


def test_a_shaped_paragraph_wraps_within_its_width_and_between_clusters() -> None:
    """Lines measured whole (a bracket after Hindi is the Devanagari font's, wider: a summed line overflowed),
    a long word cut between clusters (never before a vowel sign, never after a virama: no dotted circle), and
    an ellipsis that drops a whole cluster."""
    need_complex_fonts()
    metrics = font_metrics(False)
    for text, width in (("मूल्य (500) - (20%) छूट (10/12) से (31/12) तक", 164.0),
                        ("अंतर्राष्ट्रीयकरणप्रक्रियाअंतर्राष्ट्रीयकरण", 120.0)):
        lines = wrap(text, width, metrics, 13)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:
            assert metrics.width(line, 13) <= width, (line, metrics.width(line, 13))
            assert not unicodedata.category(line[0]).startswith("M"), line
            assert unicodedata.combining(line[-1]) != 9, line  # no virama left at a line's end
    from model.typesetting import fitted

    cut = fitted("ग्राहक को रसीद मिलती है", 50, 13)
    assert cut.endswith("…") and unicodedata.combining(cut[-2]) != 9 and cut[:-1] in "ग्राहक को रसीद मिलती है"


def test_complex_scripts_are_measured_shaped_and_their_fonts_chosen_by_language() -> None:
    """Measured as drawn: a vowel sign or a virama takes no room of its own (a glyph per character measured
    "ग्राहक" ~50% wider than Qt draws it). Tamil's font is Noto Sans Tamil, as Qt chooses it, not Noto Sans
    Grantha (which has Tamil letters and came first when fontconfig was asked by the character alone)."""
    need_complex_fonts()
    metrics = font_metrics(False)
    word = "ग्राहक"
    assert metrics.width(word, 100) < 0.7 * sum(metrics.width(ch, 100) for ch in word)
    tamil = finder().font_for("வ")
    assert tamil is not None and "Grantha" not in tamil.family, tamil.family


def test_pdf_draws_rtl_in_visual_order_with_arabic_forms() -> None:
    shaped = visual(SAMPLES["arabic"])
    assert all("\ufe70" <= ch <= "\ufefc" or ch == " " for ch in shaped)  # contextual presentation forms
    assert unicodedata.normalize("NFKC", shaped)[::-1] == SAMPLES["arabic"]  # the same letters, reversed
    hebrew = visual(SAMPLES["hebrew"])
    assert hebrew == SAMPLES["hebrew"][::-1]  # a right-to-left run is drawn reversed, left to right
    assert visual("plain text") == "plain text"


def test_a_wrapped_line_of_an_arabic_paragraph_reads_right_to_left_whatever_its_first_word() -> None:
    """A line of an Arabic paragraph starting with "Apple Pay" was laid out left to right by every renderer
    (each decides by the line's first letter): "Apple Pay" at the left, the Arabic after it, read in the
    wrong order. The line now starts with an invisible right-to-left mark, of no width."""
    need_fonts()
    metrics = font_metrics(False)
    text = "يفتح التطبيق ويطلب قهوة ثم Apple Pay بسرعة كبيرة ويتابع حالة الطلب"
    lines = wrap(text, 164, metrics, 13)
    latin_first = [line for line in lines if line.lstrip("\u200f")[:1].isascii() and line.strip()]
    assert latin_first, lines  # the case: a line that starts with "Apple Pay"
    for line in latin_first:
        assert line.startswith("\u200f")
        assert metrics.width(line, 13) == pytest.approx(metrics.width(line[1:], 13))
        drawn = visual(line).replace("\u200f", "")
        assert drawn.endswith("Apple Pay"), drawn  # read first, from the right
    assert " ".join(lines).replace("\u200f", "").split() == text.split()
    # A left-to-right paragraph's line that starts with an Arabic word gets the other mark.
    english = "The customer pays with تطبيق البنك and then waits at the counter for the barista"
    marked = [line for line in wrap(english, 164, metrics, 13) if line.startswith("\u200e")]
    assert marked and all(unicodedata.bidirectional(line[1]) in ("R", "AL") for line in marked)
    plain = wrap("Plain English text that wraps onto a second line here", 164, metrics, 13)
    assert len(plain) > 1 and not any(line.startswith(("\u200e", "\u200f")) for line in plain)


# ---------------------------------------------------------------------- measuring and overflow
def test_measuring_uses_the_fallback_fonts_advances() -> None:
    need_fonts()
    metrics = font_metrics(False)
    for ch in "漢😀":
        font = finder().font_for(ch)
        assert font is not None
        expected = font.advances[ord(ch)] / font.units_per_em * 13
        assert metrics.width(ch, 13) == pytest.approx(expected)


def test_long_card_is_capped_with_an_ellipsis(board: tuple[Layout, Path, Path, list[str]]) -> None:
    layout, _, _, _ = board
    card = layout.cards["c6"]
    assert card.shape.clipped and len(card.lines) == MAX_LINES and card.lines[-1].endswith("…")
    short = layout.cards["c5"]
    assert not short.shape.clipped
    # nothing overlaps: cards in a cell are stacked
    rects = sorted((c.rect for c in layout.cards.values()), key=lambda r: (r.x, r.y))
    for a in rects:
        for b in rects:
            if a is not b:
                assert a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y


def test_missing_glyph_is_a_box_and_one_warning(board: tuple[Layout, Path, Path, list[str]]) -> None:
    need_fonts()
    layout, svg, _, warnings = board
    # The SVG's warnings: the character no font has, named once; the long card, shortened (its full text
    # is the card's tooltip, the one <title> in the SVG but the board's).
    assert len(warnings) == 2
    assert "U+F0001" in warnings[0] and REPLACEMENT in warnings[0]
    assert warnings[1].startswith("1 card is longer than 14 lines and ends in an ellipsis"), warnings[1]
    titles = [el.text for el in ET.parse(svg).getroot().iter(f"{SVG_NS}title")]
    assert titles[1:] == [LONG], titles[1:]
    texts = [p.text for p in layout.primitives() if isinstance(p, Text)]
    assert any(NO_FONT in t for t in texts)  # the layout keeps the text; renderers draw the box
    assert REPLACEMENT in render_svg(layout)


# ---------------------------------------------------------------------- the same picture
def _render(svg: Path, pdf: Path, w: int, h: int, out: Path) -> tuple[Path, Path]:
    svg_png, pdf_png = out / "svg.png", out / "pdf.png"
    run("rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", svg_png, svg)
    run("pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to-x", str(w), "-scale-to-y", str(h),
        pdf, out / "pdf")
    return svg_png, pdf_png


def _ratio(a: Path, b: Path) -> float:
    x = np.asarray(Image.open(a).convert("RGB"), dtype=np.int16)
    y = np.asarray(Image.open(b).convert("RGB"), dtype=np.int16)
    assert x.shape == y.shape
    return float((np.abs(x - y).max(axis=2) > TOLERANCE).mean())


def _chromium(svg: Path, w: int, h: int, out: Path) -> Path:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed")
    shot = out / "chromium.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--disable-background-networking", "--no-first-run", f"--user-data-dir={profile}",
                        "--force-device-scale-factor=1", "--virtual-time-budget=5000", f"--window-size={w},{h}",
                        f"--screenshot={shot}", svg.resolve().as_uri()], capture_output=True, timeout=120, check=False)
    if not shot.exists():
        pytest.skip("chromium could not take a screenshot here")
    return shot


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES] + ["multilingual"])
def test_svg_pdf_and_chromium_look_alike(name: str, tmp_path: Path) -> None:
    need("rsvg-convert", "pdftoppm")
    if name == "multilingual":
        need_fonts()
        document = multilingual()
    else:
        document = model.load(ROOT / "resources" / "examples" / f"{name}.touchline")
    layout = Layout(document)
    svg, pdf = tmp_path / "b.svg", tmp_path / "b.pdf"
    export(layout, svg)
    export(layout, pdf)
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    svg_png, pdf_png = _render(svg, pdf, w, h, tmp_path)
    ratio = _ratio(svg_png, pdf_png)
    assert ratio < MAX_DIFF, f"rsvg and pdftoppm differ in {ratio:.3%} of pixels"
    shot = _chromium(svg, w, h, tmp_path)
    chromium = _ratio(shot, pdf_png)
    assert chromium < MAX_DIFF, f"Chromium and pdftoppm differ in {chromium:.3%} of pixels"


def _without_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: Path | None = None) -> None:
    """From here on, programs this test starts see no font at all (or only ``keep``): fontconfig's
    configuration names no font directory but a private one."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    if keep is not None:
        (fonts / keep.name).symlink_to(keep)
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{fonts}</dir>'
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    result = subprocess.run(["fc-list"], capture_output=True, text=True, check=False)
    assert len(result.stdout.splitlines()) == (0 if keep is None else 1), result.stdout


@pytest.mark.parametrize("name", [EXAMPLES[0].stem, "multilingual"])
def test_svg_looks_the_same_without_any_font_installed(name: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The text is glyph outlines: rsvg (which ignores @font-face) and Chromium need no font to draw it."""
    need("rsvg-convert", "pdftoppm", "fc-list")
    if name == "multilingual":
        need_fonts()
        document = multilingual()
    else:
        document = model.load(ROOT / "resources" / "examples" / f"{name}.touchline")
    layout = Layout(document)
    svg, pdf = tmp_path / "b.svg", tmp_path / "b.pdf"
    export(layout, svg)  # fallback fonts are looked up while fontconfig still finds them
    export(layout, pdf)
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    svg_png, pdf_png = _render(svg, pdf, w, h, tmp_path)
    with_fonts = svg_png.rename(tmp_path / "with-fonts.png")
    _without_fonts(tmp_path, monkeypatch)
    run("rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", svg_png, svg)
    assert _ratio(with_fonts, svg_png) < 0.001, "rsvg draws the SVG differently without the fonts"
    ratio = _ratio(svg_png, pdf_png)
    assert ratio < MAX_DIFF, f"rsvg without fonts and pdftoppm differ in {ratio:.3%} of pixels"
    chromium = _ratio(_chromium(svg, w, h, tmp_path), pdf_png)
    assert chromium < MAX_DIFF, f"Chromium without fonts and pdftoppm differ in {chromium:.3%} of pixels"


def test_svg_by_word_draws_what_svg_by_glyph_draws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A board past librsvg's reference limit is written one <use> per word: the same picture, fewer elements."""
    need("rsvg-convert")
    need_fonts()
    layout = Layout(multilingual())
    by_glyph = render_svg(layout)
    monkeypatch.setattr(svgglyphs, "MAX_GLYPH_USES", 10)
    by_word = render_svg(layout)
    assert 'id="w0"' not in by_glyph and 'id="w0"' in by_word
    assert by_word.count("<use") < by_glyph.count("<use") / 3
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    pictures = []
    for form, text in (("glyph", by_glyph), ("word", by_word)):
        (tmp_path / f"{form}.svg").write_text(text, encoding="utf-8")
        run("rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", tmp_path / f"{form}.png",
            tmp_path / f"{form}.svg")
        pictures.append(tmp_path / f"{form}.png")
    assert _ratio(*pictures) < 0.001


def test_svg_form_is_the_smaller_one() -> None:
    """Varied text is written by glyph; text that repeats its words, by word."""
    varied = Layout(model.load(EXAMPLES[0]))
    assert 'id="w0"' not in render_svg(varied)
    doc = model.Document(title="Repeats")
    doc.add_stage(Stage("s1", "One"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    for i in range(60):
        doc.add_card(Card(f"c{i}", "l1", "s1", text="Customer waits at the counter for the order"))
    assert 'id="w0"' in render_svg(Layout(doc))


def test_svg_past_librsvg_limits_is_written_by_word() -> None:
    """librsvg stops after 500,000 references: past MAX_GLYPH_USES glyphs the SVG is by word, even if larger."""
    def form(glyphs: int) -> bool:
        # one line whose words are all different and long: by glyph would be the smaller file
        run = svgglyphs.GlyphRun((), 0.0, ("r1",), glyphs, (("x" * glyphs, 0.0),))
        weighing = svgglyphs.Weighing()
        weighing.run(run, False)
        return weighing.chosen().by_word

    assert not form(svgglyphs.MAX_GLYPH_USES)
    assert form(svgglyphs.MAX_GLYPH_USES + 1)
    assert svgglyphs.MAX_GLYPH_USES < 500_000


def test_svg_looks_the_same_in_chromium_with_another_font_installed(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Chromium with one unrelated font installed (Noto Serif) draws the SVG exactly as with all of them."""
    need_fonts()
    serif = next(iter(Path("/usr/share/fonts").rglob("NotoSerif-Regular.ttf")), None)
    if serif is None:
        pytest.skip("NotoSerif-Regular.ttf (fonts-noto-core) is not installed")
    layout = Layout(multilingual())
    svg = tmp_path / "b.svg"
    export(layout, svg)
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    everything = _chromium(svg, w, h, tmp_path).rename(tmp_path / "all-fonts.png")
    _without_fonts(tmp_path, monkeypatch, keep=serif)  # Chromium sees Noto Serif and nothing else
    bare = _chromium(svg, w, h, tmp_path)
    assert _ratio(everything, bare) < 0.001, "the SVG depends on fonts installed on this machine"


def test_shortened_card_links_to_its_full_text(board: tuple[Layout, Path, Path, list[str]]) -> None:
    need("qpdf")
    layout, _, pdf, _ = board
    data = json.loads(run("qpdf", "--json", "--json-key=pages", "--json-key=qpdf", pdf).stdout)
    pages = [page["object"] for page in data["pages"]]
    objects = data["qpdf"][1]
    links = [obj["value"] for obj in objects.values()
             if isinstance(obj.get("value"), dict) and obj["value"].get("/Subtype") == "/Link"]
    assert len(links) == 1  # one shortened card
    (link,) = links
    assert link["/Dest"][0] == pages[-1]  # the appendix page
    r = layout.cards["c6"].rect
    assert link["/Rect"] == [pytest.approx(v, abs=0.01) for v in (r.x, layout.height - r.y - r.h, r.x + r.w,
                                                                   layout.height - r.y)]


def test_without_fontconfig_there_is_no_fallback_and_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    from model import glyphs

    monkeypatch.setattr(glyphs.shutil, "which", lambda _name: None)
    fresh = glyphs.FallbackFinder()
    assert fresh.font_for("漢") is None and fresh.fonts() == []
    assert fresh.font_for("漢") is None  # remembered as missing: fc-match is not asked again


@pytest.mark.parametrize(("page", "language", "heading"), [("Letter", "en", "Full text of shortened cards"),
                                                          ("Tabloid", "de", "Volltext gekürzter Karten"),
                                                          ("fit", "en", "Full text of shortened cards")])
def test_the_full_text_pages_are_on_the_boards_paper_in_its_language(page: str, language: str, heading: str,
                                                                     tmp_path: Path) -> None:
    """A Letter board's appendix was an A4 sheet, and said its heading in English on a German board."""
    need("pdfinfo", "pdftotext")
    from exporters import PageSpec
    from exporters.pages import PAGE_SIZES

    document = model.Document(title="Long")
    document.set_language(language)
    document.add_stage(Stage("s1", "One"))
    document.add_lane(Lane("l1", "Customer", "customer"))
    document.add_card(Card("c1", "l1", "s1", text=LONG))
    pdf = tmp_path / "long.pdf"
    export(Layout(document), pdf, page=PageSpec(page))
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)",
                       run("pdfinfo", "-f", "1", "-l", "99", pdf).stdout)
    appendix = tuple(float(v) for v in sizes[-1])
    assert appendix == pytest.approx(PAGE_SIZES[page if page != "fit" else "A4"], abs=0.5), sizes
    last = run("pdftotext", "-f", str(len(sizes)), "-l", str(len(sizes)), pdf, "-").stdout
    assert last.startswith(heading), last[:80]


def test_a_right_to_left_card_on_the_full_text_page_is_set_flush_right(tmp_path: Path) -> None:
    """Arabic and Hebrew on the full-text page began at the left margin (x = 28.3 pt), ragged on the right,
    the side where their lines start; on the card they are right-aligned."""
    need("pdfinfo", "pdftotext")
    need_fonts()
    from xml.etree import ElementTree

    document = model.Document(title="Long")
    document.add_stage(Stage("s1", "One"))
    document.add_lane(Lane("l1", "Customer", "customer"))
    words = ["يقارن", "العميل", "بين", "ثلاثة", "بنوك", "قبل", "أن", "يفتح", "حسابا", "جديدا", "عبر", "التطبيق",
             "المصرفي"]
    text = " ".join(words[(i * 7 + i // 5) % len(words)] for i in range(400))  # lines of unequal length
    document.add_card(Card("c1", "l1", "s1", text=text))
    pdf = tmp_path / "rtl.pdf"
    export(Layout(document), pdf)
    pages = len(re.findall(r"Page +\d+ size", run("pdfinfo", "-f", "1", "-l", "99", pdf).stdout))
    html = run("pdftotext", "-bbox", "-f", str(pages), "-l", str(pages), pdf, "-").stdout
    boxes = [w for w in ElementTree.fromstring(html.replace("&nbsp;", " ")).iter("{http://www.w3.org/1999/xhtml}word")
             if any("\u0600" <= ch <= "\u06ff" for ch in (w.text or ""))]
    rows: dict[int, list[tuple[float, float]]] = {}
    for box in boxes:
        rows.setdefault(round(float(box.get("yMin", 0))), []).append(
            (float(box.get("xMin", 0)), float(box.get("xMax", 0))))
    full = list(rows.values())[:-1]  # the last line is short either way
    right_edges = [max(x for _, x in row) for row in full]
    left_edges = [min(x for x, _ in row) for row in full]
    assert len(full) >= 5
    assert max(right_edges) - min(right_edges) < 1, right_edges  # one straight right edge
    assert max(left_edges) - min(left_edges) > 5, left_edges  # ragged where the lines end


def test_a_shaped_line_weighs_as_many_uses_in_either_form_of_the_svg() -> None:
    """A shaped line is placed a glyph at a time whether the SVG is written by glyph or by word: weighed as
    a few words, it made the by-word form look smaller than it is (and past librsvg's references)."""
    need_complex_fonts()
    weighing = svgglyphs.Weighing()
    run = svgglyphs.glyph_run("ग्राहक को रसीद मिलती है", False)
    assert run.shaped and run.count > len(run.words)
    weighing.run(run, False)
    assert weighing.word_uses == weighing.glyph_uses == run.count


def test_only_right_to_left_marks_move_after_their_letter_in_visual_order() -> None:
    """Rule L3 puts Arabic's and Hebrew's marks after their letter again once a line is reversed; a Latin mark
    (an x and its acute, no composed form) right before marked Arabic in visual order was moved too, onto the
    dal, 30 px from where Qt draws it."""
    from model.glyphs import visual

    shown = visual("x\u0301مُحَمَّد")
    assert "x\u0301" in shown
    marked = visual("مُحَمَّد")
    assert all(not unicodedata.category(marked[i]).startswith("M") or unicodedata.category(marked[i - 1])[0] in "LM"
               for i in range(1, len(marked))) and not unicodedata.category(marked[0]).startswith("M")


def test_a_complex_script_word_with_a_soft_hyphen_is_cut_between_clusters() -> None:
    """A Hindi word holding a soft hyphen took the soft hyphens' wrapping, which cut it between characters:
    lines began with "ं", "ा" and "्" (the same word without it was cut between clusters)."""
    from model.fonts import font_metrics
    from model.wrapping import wrap

    lines = wrap("ग्राहकसेवाकेंद्र\u00adग्राहकसेवाकेंद्र", 40, font_metrics(False), 13)
    assert len(lines) > 1
    assert not any(unicodedata.category(line[0]).startswith("M") or line[0] == "\u094d" for line in lines), lines



def line_ink(png: Path, line: Text, scale: float) -> float:
    """The ink of ``line`` in a picture at ``scale`` px per board px, per square px of its size: a heavier face
    has more."""
    from model.typesetting import text_width

    width = text_width(line.text, line.size, line.bold)
    left = line.x - (width / 2 if line.anchor == "middle" else width if line.anchor == "end" else 0)
    box = [round(v * scale) for v in (left - 2, line.y - line.size * 1.1, left + width + 2, line.y + line.size * 0.4)]
    pixels = np.asarray(Image.open(png).convert("L"), dtype=float)[box[1]:box[3], box[0]:box[2]]
    return float((255 - pixels).sum() / 255) / (line.size * scale) ** 2


def need_thickened_cjk() -> None:
    """Skip unless bold CJK is drawn in a regular face thickened (model.glyphs.thickened): Droid Sans Fallback."""
    from model.glyphs import thickened

    font = finder().font_for("顾", True)
    if font is None or not thickened(font):
        pytest.skip("no regular-only CJK fallback face (.ci/run installs Droid Sans Fallback)")


def test_bold_cjk_in_a_regular_fallback_face_is_thickened_in_the_pdf_and_svg(tmp_path: Path) -> None:
    """A Chinese board's title, stage and lane names are bold, but the CJK fallback (Droid Sans Fallback) has no
    bold face: the screen thickens its regular one (fontconfig's "embolden", FreeType), and the PDF and the SVG drew
    them regular, the headers no heavier than the cards. Both stroke such glyphs round (model.glyphs.EMBOLDEN): the
    same characters are heavier in the stage's bold name than in a card's regular text, for their size."""
    need("pdftoppm", "rsvg-convert", "xmllint")
    need_thickened_cjk()
    doc = model.Document(title="测试")
    doc.add_stage(Stage("s1", "顾客下单"))
    doc.add_lane(Lane("l1", "顾客行为", "customer"))
    doc.add_lane(Lane("l2", "前台", "frontstage"))  # the blueprint's dashed lines are drawn before the names
    doc.add_lane(Lane("l3", "后台", "backstage"))
    doc.add_card(Card("c1", "l1", "s1", text="顾客下单"))
    layout = Layout(doc)
    pdf, svg = tmp_path / "board.pdf", tmp_path / "board.svg"
    export(layout, pdf)
    export(layout, svg)
    run("xmllint", "--noout", svg)
    # Each thickened run's stroke is solid and opaque, whatever dash the lines before it left set (qpdf --qdf
    # writes the content stream uncompressed).
    need("qpdf")
    run("qpdf", "--qdf", "--object-streams=disable", pdf, tmp_path / "plain.pdf")
    stream = (tmp_path / "plain.pdf").read_bytes().decode("latin-1")
    assert re.search(r"\[[\d. ]+\] [\d.]+ d", stream), "no dashed line drawn: the check below would prove nothing"
    runs = [stream[stream.rindex("q ", 0, at):at] for at in (m.start() for m in re.finditer(r" 2 Tr", stream))]
    assert len(runs) >= 4 and all("[] 0 d" in opened for opened in runs), runs
    run("pdftoppm", "-r", "144", "-png", "-singlefile", pdf, tmp_path / "pdf")
    run("rsvg-convert", "-z", "2", "-b", "white", "-o", tmp_path / "svg.png", svg)
    lines = [p for p in layout.primitives() if isinstance(p, Text) and p.text == "顾客下单"]
    (name,), (text,) = [p for p in lines if p.bold], [p for p in lines if not p.bold]
    for png in (tmp_path / "pdf.png", tmp_path / "svg.png"):
        bold, regular = line_ink(png, name, 2), line_ink(png, text, 2)
        assert bold > 1.2 * regular, (png.name, bold, regular)


def test_a_faces_weight_is_read_from_its_os2_table_or_its_heads_bold_bit(tmp_path: Path) -> None:
    """``model.sfnt.weight_class`` decides which fallback faces are thickened for bold text: OS/2's weight, and
    for a face without that table the head table's bold bit (a regular face without OS/2 was never thickened,
    where fontconfig, reading its style, has the screen embolden it)."""
    from fontTools.ttLib import TTFont

    from model.fonts import FONT_FILES
    from model.sfnt import weight_class

    assert (weight_class(FONT_FILES[False]), weight_class(FONT_FILES[True])) == (400, 700)
    for bold in (False, True):
        font = TTFont(FONT_FILES[bold])
        del font["OS/2"]
        bare = tmp_path / f"bare-{bold}.ttf"
        font.save(bare)
        assert weight_class(bare) == (700 if bold else 400)
