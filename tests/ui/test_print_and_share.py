"""The canvas draws what the exports draw; the export dialog's preview; Edit › Copy as image.

Canvas grab (the scene rendered at 1 px per board px) against the SVG (rsvg-convert) and the
PDF (pdftoppm) for both bundled examples and a multilingual board: under 1 % of pixels differ.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QImage, QPainter

import model
from app.export_dialog import ExportDialog, preview_image
from app.main_window import MainWindow
from exporters import export
from exporters.pages import PageSpec, plan_pages
from model import style as st
from model.layout import Layout
from model.primitives import Circle, Text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from test_languages import multilingual, need_fonts  # noqa: E402
from test_pages import wide_board  # noqa: E402

EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.touchline"))
TOLERANCE = 40
MAX_DIFF = 0.01


def ratio(a: Path, b: Path) -> float:
    x = np.asarray(Image.open(a).convert("RGB"), dtype=np.int16)
    y = np.asarray(Image.open(b).convert("RGB"), dtype=np.int16)
    assert x.shape == y.shape, (x.shape, y.shape)
    return float((np.abs(x - y).max(axis=2) > TOLERANCE).mean())


def grab_canvas(window: MainWindow, path: Path) -> None:
    """The editor's scene, nothing selected, rendered at one pixel per board pixel."""
    scene = window.editor.scene
    scene.clearSelection()
    scene.select_cell(None)
    layout = scene.layout
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    scene.render(painter, QRectF(0, 0, w, h), QRectF(0, 0, w, h))
    painter.end()
    assert image.save(str(path))


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def make(document: model.Document) -> MainWindow:
        win = MainWindow(document)
        qtbot.addWidget(win)
        win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
        win.resize(1200, 800)
        return win
    return make


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES] + ["multilingual"])
def test_canvas_svg_and_pdf_are_the_same_picture(window, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    for tool in ("rsvg-convert", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    if name == "multilingual":
        need_fonts()
        document = multilingual()
    else:
        document = model.load(ROOT / "resources" / "examples" / f"{name}.touchline")
    win = window(document)
    layout = win.editor.scene.layout
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    canvas_png, svg, pdf = tmp_path / "canvas.png", tmp_path / "b.svg", tmp_path / "b.pdf"
    grab_canvas(win, canvas_png)
    export(layout, svg)
    export(layout, pdf)
    subprocess.run(["rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", str(tmp_path / "svg.png"),
                    str(svg)], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to-x", str(w), "-scale-to-y",
                    str(h), str(pdf), str(tmp_path / "pdf")], check=True, capture_output=True)
    figures = {"canvas/svg": ratio(canvas_png, tmp_path / "svg.png"),
               "canvas/pdf": ratio(canvas_png, tmp_path / "pdf.png"),
               "svg/pdf": ratio(tmp_path / "svg.png", tmp_path / "pdf.png")}
    sys.stderr.write(f"{name}: " + ", ".join(f"{k} {v:.3%}" for k, v in figures.items()) + "\n")
    for pair, value in figures.items():
        assert value < MAX_DIFF, f"{name}: {pair} differ in {value:.3%} of pixels"


# ---------------------------------------------------------------------- export dialog
def test_export_dialog_speaks_the_windows_language_and_previews_at_the_screens_resolution(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Its summary came from the command line's English ("1 page of 297 × 210 mm, board at 31 % …") in a German
    window, and its preview was drawn at 1x and blown up on a 2x screen."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.export_dialog import summary
    from app.i18n import install_translators
    from exporters.pages import sheets_summary

    layout = Layout(wide_board(20))
    plan = plan_pages(layout, PageSpec("A4", tile=True))
    assert summary(plan) == sheets_summary(plan)  # the window's English is the command line's
    app = QCoreApplication.instance()
    try:
        install_translators(app, QLocale("de_DE"))
        german = summary(plan)
        assert german.startswith(f"{len(plan.sheets)} Seiten 297 × 210 mm, Board bei ") and "Kartentext" in german
        assert "," in german.split("Kartentext ")[1], german  # 9,1 pt, as German writes it
    finally:
        install_translators(app, QLocale("en_GB"))
    sharp = preview_image(layout, plan, 400, 300, ratio=2.0)
    assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (800, 600, 2.0)


def test_export_dialog_previews_every_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    layout = Layout(wide_board(20))
    dialog = ExportDialog(layout)
    qtbot.addWidget(dialog)
    assert dialog.spec() == PageSpec() and not dialog.tile.isEnabled() and not dialog.portrait.isEnabled()
    assert dialog.summary.text().startswith("1 page of")
    first = dialog.preview.pixmap().toImage()
    dialog.page.setCurrentIndex(dialog.page.findData("A4"))
    assert dialog.tile.isEnabled() and dialog.spec() == PageSpec("A4")
    # 20 stages on one A4 sheet: text under 6 pt. The advice names the dialog's box, not the command
    # line's flag (it said "use --tile").
    assert "Tile across several pages" in dialog.warning.text() and "--tile" not in dialog.warning.text()
    assert dialog.preview.pixmap().toImage() != first
    dialog.tile.setChecked(True)
    assert dialog.spec() == PageSpec("A4", tile=True)
    plan = plan_pages(layout, PageSpec("A4", tile=True))
    assert dialog.summary.text().startswith(f"{len(plan.sheets)} pages of 297 × 210 mm")
    assert dialog.warning.text() == ""
    dialog.portrait.setChecked(True)
    assert dialog.summary.text().split(" of ")[1].startswith("210 × 297 mm")
    dialog.tile.setChecked(False)  # 20 stages upright: smaller still, and the advice says how to turn it back
    assert dialog.warning.text().endswith(" pt") and "unticking Portrait gives " in dialog.warning.text()
    assert "--portrait" not in dialog.warning.text()
    dialog.page.setCurrentIndex(dialog.page.findData("fit"))
    assert dialog.spec() == PageSpec()  # portrait and tile need paper


def test_paper_chosen_after_fit_is_turned_the_way_the_board_is(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A journey map taller than wide went onto A4 landscape at 30 %, half the sheet empty, the dialog only
    hinting at Portrait in its warning."""
    doc = model.Document("Two stages, twelve lanes")
    for i in range(2):
        doc.add_stage(model.Stage(f"s{i}", f"Stage {i + 1}"))
    for j in range(12):
        doc.add_lane(model.Lane(f"l{j}", f"Lane {j + 1}", "customer"))
        doc.add_card(model.Card(f"c{j}", f"l{j}", "s0", "A step of the journey"))
    tall = Layout(doc)
    assert tall.height > tall.width
    dialog = ExportDialog(tall)
    qtbot.addWidget(dialog)
    dialog.page.setCurrentIndex(dialog.page.findData("A4"))
    assert dialog.spec() == PageSpec("A4", portrait=True)
    dialog.portrait.setChecked(False)  # the turn chosen by hand stays through another paper size
    dialog.page.setCurrentIndex(dialog.page.findData("A3"))
    assert dialog.spec() == PageSpec("A3", portrait=False)
    wide = ExportDialog(Layout(wide_board(20)))
    qtbot.addWidget(wide)
    wide.page.setCurrentIndex(wide.page.findData("A3"))
    assert wide.spec() == PageSpec("A3", portrait=False)


def test_export_warnings_are_said_in_the_interface_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The exporters warn in the command line's English; the window words the same figures in its own
    language (it read them back out of the English and translated only the advice: "card text is 3.5 pt
    on one A4 page ... ankreuzen")."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.export_dialog import in_the_window
    from app.i18n import install_translators
    from model.glyphs import MissingGlyphsWarning

    layout = Layout(wide_board(20))
    small = plan_pages(layout, PageSpec("A4", portrait=True)).warnings
    glyphs = MissingGlyphsWarning([chr(0xF0001 + i) for i in range(10)])
    assert len(small) == 1 and small[0].startswith("card text is ") and "--portrait" in small[0]
    assert str(glyphs).startswith("no installed font can draw U+F0001") and "and 2 more" in glyphs
    from exporters.common import ShortenedCardsWarning

    shortened = ShortenedCardsWarning(3)
    assert str(shortened).startswith("3 cards are longer than 14 lines")
    assert in_the_window(shortened).startswith("3 cards longer than 14 lines end in an ellipsis")
    english = [in_the_window(warning) for warning in (*small, glyphs)]
    text_pt = small[0].text_pt  # type: ignore[attr-defined]
    assert english[0].startswith(f"card text is {text_pt:.1f} pt on one A4 page (under 6 pt); tick “Tile across")
    assert "unticking Portrait gives " in english[0] and "--" not in english[0]
    assert english[1] == str(glyphs)  # the command line's words are the window's in English
    app = QCoreApplication.instance()
    try:
        install_translators(app, QLocale("de_DE"))
        german = [in_the_window(warning) for warning in (*small, glyphs)]
        german_shortened = in_the_window(shortened)
        dialog = ExportDialog(layout)
        qtbot.addWidget(dialog)
        dialog.page.setCurrentIndex(dialog.page.findData("A4"))
        dialog.portrait.setChecked(True)
        shown = dialog.warning.text()
    finally:
        install_translators(app, QLocale("en_GB"))
    assert german[0].startswith(f"Kartentext ist {text_pt:.1f} pt".replace(".", ",")), german
    assert "ohne „Hochformat“ werden es " in german[0] and "card text" not in german[0] and "--" not in german[0]
    assert german[1].startswith("keine installierte Schrift kann U+F0001") and "und 2 weitere" in german[1], german
    assert shown == german[0]
    assert german_shortened.startswith("3 Karten mit mehr als 14 Zeilen enden"), german_shortened


def test_preview_shows_paper_and_board(qtbot) -> None:  # type: ignore[no-untyped-def]
    layout = Layout(model.load(EXAMPLES[0]))
    image = preview_image(layout, plan_pages(layout, PageSpec("A3")), 400, 300)
    white = QColor("#FFFFFF").rgb()
    assert image.pixel(2, 2) != white  # the background around the sheet
    assert any(image.pixel(x, 150) == white for x in range(0, 400, 4))  # white paper
    # the tiled preview shows as many sheets as the plan has: count white runs along a row
    tiled = plan_pages(layout, PageSpec("A4", tile=True))
    image = preview_image(layout, tiled, 400, 300)
    columns = len({s.viewport.x for s in tiled.sheets})
    row = [image.pixel(x, 20) == white or image.pixel(x, 20) != image.pixel(1, 1) for x in range(400)]
    runs = sum(1 for a, b in zip([False, *row], row, strict=False) if b and not a)
    assert runs == columns


def ink_box(pixels: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of what is darker than the paper in an RGB array."""
    rows, columns = np.nonzero((pixels < 200).any(axis=2))
    assert rows.size, "nothing drawn there"
    return int(columns.min()), int(rows.min()), int(columns.max()), int(rows.max())


def test_the_preview_and_the_pdf_turn_a_tile_s_lane_names_alike(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The poster's last sheet names its lanes up the left margin (exporters/pages.py): the export dialog's preview
    (Qt, exporters.qtpaint.draw_sheet) draws those turned lines where the PDF does (poppler's rendering at the same
    2 px a point), reading upwards in both: the margin's ink is a tall thin strip in the same place."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    from exporters.qtpaint import draw_sheet

    layout = Layout(model.load(ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"))
    plan = plan_pages(layout, PageSpec("A4", tile=True))
    sheet = plan.sheets[-1]
    pdf = tmp_path / "poster.pdf"
    export(layout, pdf, page=PageSpec("A4", tile=True))
    page = str(len(plan.sheets))
    subprocess.run(["pdftoppm", "-r", "144", "-f", page, "-l", page, "-png", "-singlefile", str(pdf),
                    str(tmp_path / "sheet")], check=True)
    printed = np.asarray(Image.open(tmp_path / "sheet.png").convert("RGB"))
    image = QImage(printed.shape[1], printed.shape[0], QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.scale(2, 2)
    draw_sheet(painter, sheet, list(layout.primitives()))
    painter.end()
    image.save(str(tmp_path / "preview.png"))
    previewed = np.asarray(Image.open(tmp_path / "preview.png").convert("RGB"))
    view = sheet.viewport
    strip = (slice(round(view.top * 2) + 40, round((view.top + view.h * view.scale) * 2) - 40),
             slice(0, round(view.left * 2) - 8))  # the left margin beside the picture, clear of the trim marks
    left, top, right, bottom = ink_box(printed[strip])
    assert bottom - top > 10 * (right - left)  # tall and thin: turned lines, several lanes' names
    for got, wanted in zip(ink_box(previewed[strip]), (left, top, right, bottom), strict=True):
        assert abs(got - wanted) <= 3, (ink_box(previewed[strip]), (left, top, right, bottom))
    # read upwards: the lowest name's first letter ("S" of "Support processes") is its lowest ink
    lowest = printed[strip][bottom - 12:bottom + 1]
    assert ink_box(previewed[strip][bottom - 12:bottom + 1])[0] - ink_box(lowest)[0] in range(-3, 4)


def test_export_menu_asks_for_paper_then_writes_that_pdf(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed")
    win = window(model.load(EXAMPLES[0]))
    win.ask_page_spec = lambda: PageSpec("A3")  # type: ignore[method-assign]
    win.ask_export_path = lambda _fmt: str(tmp_path / "board")  # type: ignore[method-assign]
    win.export_actions["pdf"].trigger()
    info = subprocess.run(["pdfinfo", str(tmp_path / "board.pdf")], capture_output=True, text=True).stdout
    assert "Pages:           1" in info and "1190.55 x 841.89 pts (A3)" in info
    # cancelling the paper choice writes nothing and asks for no file
    win.ask_page_spec = lambda: None  # type: ignore[method-assign]
    win.ask_export_path = lambda _fmt: pytest.fail("asked for a file after cancel")  # type: ignore[method-assign]
    (tmp_path / "board.pdf").unlink()
    win.export_actions["pdf"].trigger()
    assert not (tmp_path / "board.pdf").exists()


# ---------------------------------------------------------------------- copy as image
@pytest.fixture
def clipboard():  # type: ignore[no-untyped-def]
    """The clipboard, emptied afterwards: mime data still held at interpreter exit crashes offscreen Qt."""
    board = QGuiApplication.clipboard()
    yield board
    board.clear()
    QGuiApplication.processEvents()


def test_copy_as_image_whole_board_and_selection(window, clipboard) -> None:  # type: ignore[no-untyped-def]
    win = window(model.load(EXAMPLES[0]))
    layout = win.editor.scene.layout
    win.editor.scene.clearSelection()
    win.copy_image_action.trigger()
    data = clipboard.mimeData()
    image = clipboard.image()
    assert (image.width(), image.height()) == (math.ceil(layout.width * 2), math.ceil(layout.height * 2))
    assert data.hasFormat("image/svg+xml") and bytes(data.data("image/svg+xml")).startswith(b"<?xml")
    ids = [c.id for c in win.editor.document.cards()][:2]
    for card_id in ids:
        win.editor.scene.card_item(card_id).setSelected(True)
    win.copy_image_action.trigger()
    image = clipboard.image()
    rects = [layout.cards[i].rect for i in ids]
    assert image.width() < layout.width * 2 and image.height() < layout.height * 2
    assert image.width() >= 2 * (max(r.x + r.w for r in rects) - min(r.x for r in rects))
    assert "Copied 2 cards" in win.statusBar().currentMessage()
    assert win.copy_image_action in win.edit_menu.actions()


def test_multilingual_png_matches_the_svg(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert is not installed")
    need_fonts()
    layout = Layout(multilingual())
    png, png2, svg = tmp_path / "b.png", tmp_path / "b2.png", tmp_path / "b.svg"
    warnings = export(layout, png)
    assert len(warnings) == 1 and "U+F0001" in warnings[0]  # the character no font has, named once
    export(layout, png2, dpi=192)
    export(layout, svg)
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    subprocess.run(["rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", str(tmp_path / "svg.png"),
                    str(svg)], check=True, capture_output=True)
    assert ratio(png, tmp_path / "svg.png") < MAX_DIFF
    with Image.open(png2) as image:
        assert image.size == (math.ceil(w * 2), math.ceil(h * 2))


COMPLEX_SCRIPTS = {  # a vowel sign before its consonant, conjuncts, stacked marks
    "devanagari": "ग्राहक को रसीद मिलती है",
    "bengali": "গ্রাহক রসিদ পায়",
    "tamil": "வாடிக்கையாளர் ரசீது பெறுகிறார்",
    "thai": "ลูกค้าได้รับใบเสร็จ",
    "thai marks": "บ้านฝั่งนี้",  # a tone mark HarfBuzz lowers over a vowel sign
    "latin, digits": "Order ग्राहक 12 मिलती?",  # the digits and "?" in the Devanagari font, as Qt draws them
    "danda": "வாடிக்கையாளர் ரசீது।",  # in the Tamil font, not Devanagari's
    "joiners": "क्\u200dष क्\u200cष",  # a half form (ZWJ), a visible virama (ZWNJ)
    "sinhala": "ශ්\u200dරී ලංකා",
}


def test_complex_scripts_read_the_same_on_screen_and_in_the_exports(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Devanagari and its kin are not a glyph per character: Qt shapes them on the canvas, and the PDF and
    the SVG drew them unshaped ("मिलती" as "मलिती", "ग्र" as "ग्‍र" with its virama showing) and laid out
    from widths ~50% too wide. Each card's pixels in the SVG and the PDF are the canvas's (the PNG is Qt's
    drawing), and the layout measures each line as wide as Qt does."""
    if shutil.which("rsvg-convert") is None or shutil.which("pdftoppm") is None:
        pytest.skip("rsvg-convert or pdftoppm is not installed")
    from model import Card, Lane, Stage
    from model.glyphs import covered

    missing = [name for name, text in COMPLEX_SCRIPTS.items() if not all(covered(ch) for ch in text if ch != " ")]
    if missing:
        pytest.skip(f"no installed font for {', '.join(missing)} (.ci/run installs fonts-noto-core)")
    lines = list(COMPLEX_SCRIPTS.values())
    document = model.Document.build(title="Scripts", description=None, stages=[Stage("s1", "One")],
                                    lanes=[Lane("l1", "Customer", "customer")],
                                    cards=[Card(f"c{i}", "l1", "s1", text) for i, text in enumerate(lines)],
                                    links=[], personas=[], extra={})
    layout = Layout(document)
    from exporters.qtpaint import _kit
    from model.fonts import font_metrics

    metrics = QFontMetricsF(_kit().font(100, False))
    for text in lines:
        assert font_metrics(False).width(text, 100) == pytest.approx(metrics.horizontalAdvance(text), abs=0.5), text
    png, svg, pdf = tmp_path / "b.png", tmp_path / "b.svg", tmp_path / "b.pdf"
    for path in (png, svg, pdf):
        export(layout, path)
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    subprocess.run(["rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", str(tmp_path / "svg.png"),
                    str(svg)], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", "-scale-to-x", str(w), "-scale-to-y", str(h),
                    str(pdf), str(tmp_path / "pdf")], check=True, capture_output=True)
    boxes = [(round(c.x), round(c.y), round(c.x + c.w), round(c.y + c.h)) for c in layout.cards.values()]
    for name in ("b.png", "svg.png", "pdf.png"):
        with Image.open(tmp_path / name) as image:
            for i, box in enumerate(boxes):
                image.crop(box).save(tmp_path / f"{name}-{i}.png")
    for i in range(len(boxes)):
        assert ratio(tmp_path / f"b.png-{i}.png", tmp_path / f"svg.png-{i}.png") < 0.02, ("svg", lines[i])
        assert ratio(tmp_path / f"b.png-{i}.png", tmp_path / f"pdf.png-{i}.png") < 0.02, ("pdf", lines[i])


def test_a_line_starting_in_arabic_or_hebrew_reads_the_same_on_screen_and_in_the_exports(qapp,  # type: ignore[no-untyped-def]
                                                                                       tmp_path: Path) -> None:
    """A right-to-left line with a Latin word in it ("يفتح app ..."): the canvas (Qt) lays it out from
    the right, its first letter's direction. The SVG and PDF laid it out from the left (the Latin word
    after the first Arabic one), so words stood in another order than on screen; the card's lines
    stood at its left edge. Now all three agree, lines at the card's right edge."""
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert is not installed")
    need_fonts()
    from model import Card, Lane, Stage

    lines = ["يفتح app الجديد ثم يدفع", "הלקוח מוריד iPhone חדש", "يفشل الدفع بالبطاقة المحفوظة ثم يحاول مرة أخرى"]
    document = model.Document.build(title="RTL", description=None, stages=[Stage("s1", "One")],
                                    lanes=[Lane("l1", "Customer", "customer")],
                                    cards=[Card(f"c{i}", "l1", "s1", text, fail=i == 2)
                                           for i, text in enumerate(lines)],
                                    links=[], personas=[], extra={})
    layout = Layout(document)
    for card in layout.cards.values():
        text = [p for p in card.primitives if isinstance(p, Text) and len(p.text) > 1]  # not the "F" mark
        marks = [p for p in card.primitives if isinstance(p, Circle)]
        right = min((m.cx - m.r for m in marks), default=card.w)  # the fail mark's left edge, else the card's
        assert text and all(t.anchor == "end" for t in text), "from the right"
        # At the right of their room: the card's padding, or left of the fail mark (the lines ran under it).
        assert all(t.x < right - 2 and (marks or t.x == card.w - st.CARD_PAD_X) for t in text)
    png, svg = tmp_path / "b.png", tmp_path / "b.svg"
    export(layout, png)
    export(layout, svg)
    w, h = math.ceil(layout.width), math.ceil(layout.height)
    subprocess.run(["rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", str(tmp_path / "svg.png"),
                    str(svg)], check=True, capture_output=True)
    # the cards' text only, where a word out of place would differ in many pixels
    boxes = [(round(c.x), round(c.y), round(c.x + c.w), round(c.y + c.h)) for c in layout.cards.values()]
    for name in ("b.png", "svg.png"):
        with Image.open(tmp_path / name) as image:
            for i, box in enumerate(boxes):
                image.crop(box).save(tmp_path / f"{name}-{i}.png")
    for i in range(len(boxes)):
        assert ratio(tmp_path / f"b.png-{i}.png", tmp_path / f"svg.png-{i}.png") < 0.02, lines[i]


def test_bold_cjk_names_are_as_heavy_in_the_pdf_as_on_the_screen(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The screen thickens the CJK fallback's regular face for a bold name (fontconfig's "embolden"); the PDF drew
    it regular, ~30 % lighter. Now each bold CJK line's ink, drawn by Qt at 100 % and by poppler from the PDF at
    the same size, agrees within 15 %."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    from test_languages import line_ink, need_thickened_cjk

    from exporters.qtpaint import draw_primitives
    from model.entities import Card, Lane, Stage

    need_thickened_cjk()
    doc = model.Document(title="测试旅程")
    doc.add_stage(Stage("s1", "顾客下单阶段"))
    doc.add_lane(Lane("l1", "顾客行为", "customer"))
    doc.add_card(Card("c1", "l1", "s1", text="顾客在应用中下单"))
    layout = Layout(doc)
    pdf = tmp_path / "board.pdf"
    export(layout, pdf)
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(tmp_path / "pdf")], check=True)
    image = QImage(math.ceil(layout.width), math.ceil(layout.height), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    draw_primitives(painter, list(layout.primitives()), hairline=False)
    painter.end()
    image.save(str(tmp_path / "screen.png"))
    names = [p for p in layout.primitives()
             if isinstance(p, Text) and p.bold and p.text in ("测试旅程", "顾客下单阶段")]
    assert len(names) == 2
    for line in names:
        screen, printed = line_ink(tmp_path / "screen.png", line, 1), line_ink(tmp_path / "pdf.png", line, 1)
        assert abs(printed - screen) <= 0.15 * screen, (line.text, screen, printed)


def export_over_a_read_only_file(win: MainWindow, folder: Path) -> tuple[Path, list[str]]:
    """The window exports over handout.svg, marked read-only (0444), and must refuse: the file, and the texts
    of the errors it showed."""
    errors: list[str] = []
    win.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]
    handout = folder / "handout.svg"
    handout.write_bytes(b"<svg/>")
    handout.chmod(0o444)
    assert not win.export_to(handout)
    return handout, errors


def test_the_editors_export_keeps_a_read_only_file_and_follows_a_link(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The editor's export renamed its hidden sibling file over the target: a handout marked read-only (0444) was
    replaced, a symbolic link became a file of its own (the shared handout it pointed to kept the old board), and
    a 0640 file came back 0644. As a save and the command line: refused, through the link, the mode kept."""
    win = window(model.load(EXAMPLES[0]))
    handout, errors = export_over_a_read_only_file(win, tmp_path)
    assert handout.read_bytes() == b"<svg/>" and handout.stat().st_mode & 0o777 == 0o444
    assert len(errors) == 1 and "read-only" in errors[0]
    shared = tmp_path / "shared"
    shared.mkdir()
    pointed = shared / "board.svg"
    pointed.write_bytes(b"old")
    pointed.chmod(0o640)
    link = tmp_path / "board.svg"
    link.symlink_to(pointed)
    assert win.export_to(link)
    assert link.is_symlink() and pointed.read_bytes().startswith(b"<?xml")
    assert pointed.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.svg", "handout.svg", "shared"]
    assert [p.name for p in shared.iterdir()] == ["board.svg"]  # no hidden sibling left


def test_the_editors_export_names_the_chosen_file_and_refuses_a_folder_as_a_save_does(  # type: ignore[no-untyped-def]
        window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor's export named its hidden sibling file in its errors (".board.svg.exporting: the folder …
    does not exist", "…: cannot create a file in the folder …"), and over a folder it rendered the board and
    said "cannot write: Is a directory". It names the file chosen, in a save's words, before it renders."""
    import tempfile

    win = window(model.load(EXAMPLES[0]))
    errors: list[str] = []
    win.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]
    folder = tmp_path / "board.svg"
    folder.mkdir()
    assert not win.export_to(folder)
    missing = tmp_path / "gone" / "board.pdf"
    assert not win.export_to(missing)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "board.drawio"
    assert not win.export_to(target)
    assert [error.split("\n\n", 1)[1] for error in errors] == [
        f"{folder}: is a folder",
        f"{missing}: the folder {missing.parent} does not exist",
        f"{target}: cannot create a file in the folder {tmp_path} (permission denied); the file on disk was not "
        "changed"]
    assert [p.name for p in tmp_path.iterdir()] == ["board.svg"] and list(folder.iterdir()) == []
