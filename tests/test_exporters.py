"""SVG and PDF exports of the bundled examples, checked with the tools people open them with.

xmllint and rsvg-convert for the SVG; qpdf and poppler (pdfinfo, pdffonts, pdftotext,
pdftoppm) for the PDF; and both rendered at the same size must look alike. A test is
skipped only when its external tool is not installed. No Qt here (PNG: tests/ui).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from xml.etree import ElementTree as ET

import numpy as np
import pytest
from PIL import Image

import model
from exporters import PageSpec, export, format_for
from exporters.common import ShortenedCardsWarning, clean_text, write_atomic
from exporters.pdf import export_pdf
from exporters.svg import export_svg, render_svg
from model.entities import Card, Lane, Link, Persona, Stage
from model.layout import Layout
from model.primitives import Text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.touchline"))
SVG_NS = "{http://www.w3.org/2000/svg}"

# The exports must look alike: share of pixels whose RGB differ by more than TOLERANCE
# when both are rendered at the board's size (the method of checks/svg_vs_pdf.py).
TOLERANCE = 40
MAX_DIFF = 0.01

TRICKY = 'Tricky <&> "quoted" \'single\' \x07bell\x00nul\x1b esc  two  spaces\ttab'


def need(*tools: str) -> None:
    """Skip the calling test unless every tool is on PATH."""
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a tool, failing the test with its output when it exits non-zero."""
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{args[0]} exited {result.returncode}: {result.stderr or result.stdout}"
    return result


def normalise(text: str) -> str:
    """NFKC, with every run of whitespace as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def card_lines(layout: Layout) -> list[str]:
    """Every non-empty wrapped line of every card, as the exporters draw it."""
    return [clean_text(line).strip() for card in layout.cards.values() for line in card.lines if line.strip()]


def diff_ratio(a_png: Path, b_png: Path) -> float:
    """Share of pixels that differ by more than TOLERANCE in any channel (both composited on white)."""

    def load(path: Path) -> np.ndarray:
        image: Image.Image = Image.open(path)
        image.load()
        if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
            image = image.convert("RGBA")
            image = Image.alpha_composite(Image.new("RGBA", image.size, (255, 255, 255, 255)), image)
        return np.asarray(image.convert("RGB"), dtype=np.int16)

    a, b = load(a_png), load(b_png)
    assert a.shape == b.shape, f"rendered sizes differ: {a.shape} vs {b.shape}"
    return float((np.abs(a - b).max(axis=2) > TOLERANCE).mean())


def tricky_document() -> model.Document:
    """A small board whose texts hold markup characters, control characters, CJK and emoji."""
    doc = model.Document(title=TRICKY, description="Desc <b>not bold</b> & \x01 \u2192 arrow")
    doc.add_stage(Stage("s1", "Stage <1> & \x02"))
    doc.add_stage(Stage("s2", "漢字 stage"))
    doc.add_lane(Lane("l1", 'Lane "one" <&>', "customer"))
    doc.add_lane(Lane("l2", "Front", "frontstage"))
    doc.add_card(Card("c1", "l1", "s1", text=TRICKY, score=-2, wait="3 min", fail=True, tags=["a&b"]))
    doc.add_card(Card("c2", "l2", "s2", text="Plain ASCII card with <tags> & \"quotes\"\nsecond line"))
    doc.add_card(Card("c3", "l2", "s1", text="漢字 and emoji 😀 and arrow → here"))
    doc.add_link(Link("k1", "c1", "c2", label="a <b> & \x03 c"))
    return doc


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, Path, Path]:
    """One bundled example: its layout, and its SVG and PDF exports."""
    path: Path = request.param
    layout = Layout(model.load(path))
    out = tmp_path_factory.mktemp(path.stem)
    svg, pdf = out / f"{path.stem}.svg", out / f"{path.stem}.pdf"
    export(layout, svg)
    export(layout.document, pdf)
    return layout, svg, pdf


# ---------------------------------------------------------------------- SVG
def test_svg_is_valid_xml(example: tuple[Layout, Path, Path]) -> None:
    need("xmllint")
    _, svg, _ = example
    run("xmllint", "--noout", "--nonet", svg)


def test_svg_has_size_viewbox_and_title(example: tuple[Layout, Path, Path]) -> None:
    layout, svg, _ = example
    root = ET.parse(svg).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert float(root.get("width", "nan")) == pytest.approx(layout.width, abs=0.01)
    assert float(root.get("height", "nan")) == pytest.approx(layout.height, abs=0.01)
    assert [float(v) for v in root.get("viewBox", "").split()] == pytest.approx([0, 0, layout.width, layout.height])
    title = root.find(f"{SVG_NS}title")
    assert title is not None and title.text == layout.document.title


def test_svg_renders(example: tuple[Layout, Path, Path], tmp_path: Path) -> None:
    need("rsvg-convert")
    _, svg, _ = example
    png = tmp_path / "svg.png"
    run("rsvg-convert", "-o", png, svg)
    assert png.stat().st_size > 1000


def test_svg_text_is_real_text(example: tuple[Layout, Path, Path]) -> None:
    layout, svg, _ = example
    root = ET.parse(svg).getroot()
    texts = [el.text or "" for el in root.iter(f"{SVG_NS}text")]
    for line in card_lines(layout):
        assert line in texts, f"card line {line!r} is not a <text> of the SVG"
    drawn = [p for p in layout.primitives() if isinstance(p, Text) and p.text.strip()]
    assert len(texts) == len(drawn), "every Text primitive is one <text> element"
    assert any(el.get("font-weight") == "bold" for el in root.iter(f"{SVG_NS}text"))
    assert "Noto Sans" in root.get("font-family", "")


# ---------------------------------------------------------------------- PDF
def test_pdf_passes_qpdf_check(example: tuple[Layout, Path, Path]) -> None:
    need("qpdf")
    _, _, pdf = example
    run("qpdf", "--check", pdf)


def test_pdf_fonts_are_all_embedded(example: tuple[Layout, Path, Path]) -> None:
    need("pdffonts")
    _, _, pdf = example
    rows = run("pdffonts", pdf).stdout.splitlines()[2:]
    assert rows, "the PDF declares no fonts"
    for row in rows:
        assert "Helvetica" not in row, f"a standard font is declared: {row}"
        # columns from the right: object id, generation, uni, sub, emb
        assert row.split()[-5] == "yes", f"font not embedded: {row}"
    assert any("NotoSans-Regular" in row for row in rows)


def test_pdf_page_is_the_board_size_and_metadata(example: tuple[Layout, Path, Path]) -> None:
    need("pdfinfo")
    layout, _, pdf = example
    info = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in run("pdfinfo", pdf).stdout.splitlines())
    )
    assert info["Pages"] == "1"
    size = re.match(r"([\d.]+) x ([\d.]+) pts", info["Page size"])
    assert size is not None
    assert (float(size[1]), float(size[2])) == pytest.approx((layout.width, layout.height), abs=0.01)
    assert info["Title"] == layout.document.title
    assert info["Subject"] == layout.document.description
    assert re.fullmatch(r"Touchline \S+", info["Creator"])
    assert info.get("Author", "") == ""  # reportlab's default, "anonymous", was in every export's properties


def test_pdf_without_a_description_has_an_empty_subject(tmp_path: Path) -> None:
    """A board with no description: its PDF's Subject read "unspecified" (reportlab's default) in the reader's
    document properties, a word no one wrote; it is empty, as the Author is."""
    need("pdfinfo")
    doc = model.Document(title="No description")
    doc.add_stage(Stage("s1", "Stage"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    doc.add_card(Card("c1", "l1", "s1", text="A card"))
    pdf = tmp_path / "board.pdf"
    for spec in (PageSpec(), PageSpec("A4"), PageSpec("A4", tile=True)):
        export(doc, pdf, page=spec)
        info = dict((key.strip(), value.strip()) for key, _, value in
                    (line.partition(":") for line in run("pdfinfo", pdf).stdout.splitlines()))
        assert info.get("Subject", "") == "", spec
        assert info["Title"] == "No description"


def test_an_untitled_board_is_untitled_in_its_own_language_in_the_export_properties(tmp_path: Path) -> None:
    """A German board with no title: its heading and title block say "Unbenannt", and the PDF's Title (the
    reader's title bar) and the SVG's <title> (a browser tab's) said "Untitled"."""
    need("pdfinfo", "pdftotext")
    doc = model.Document(title="")
    doc.set_language("de")
    doc.add_stage(Stage("s1", "Phase"))
    doc.add_lane(Lane("l1", "Kunde", "customer"))
    doc.add_card(Card("c1", "l1", "s1", text="Eine Karte"))
    pdf, svg = tmp_path / "board.pdf", tmp_path / "board.svg"
    export(doc, pdf, page=PageSpec("A4"))
    export(doc, svg)
    assert "Unbenannt" in run("pdftotext", pdf, "-").stdout  # the page says it
    assert re.search(r"^Title:\s+Unbenannt$", run("pdfinfo", pdf).stdout, re.M)
    assert ET.parse(svg).getroot().findtext("{http://www.w3.org/2000/svg}title") == "Unbenannt"
    doc.set_title("   ")  # a title of spaces only is none (the SVG's tab said "   ")
    export(doc, svg)
    assert ET.parse(svg).getroot().findtext("{http://www.w3.org/2000/svg}title") == "Unbenannt"


def test_a_persona_s_quote_typed_with_spaces_round_it_closes_on_its_last_word(tmp_path: Path) -> None:
    """A quote typed with a space at its end: the persona card printed its closing mark after that space,
    alone on a last line where the space broke the line; one of spaces only, an empty pair of marks."""
    need("pdftotext")
    doc = model.Document(title="Quotes")
    doc.set_personas([Persona("p1", "Sam", quote="  I want to see where my money goes without paying for it, "
                                                 "and I do not want to wait for it at all.  "),
                      Persona("p2", "Ines", quote="   ")])
    doc.add_stage(Stage("s1", "Stage"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    pdf = tmp_path / "board.pdf"
    export(doc, pdf)
    lines = [line.strip() for line in run("pdftotext", pdf, "-").stdout.splitlines()]
    said = " ".join(" ".join(lines).split())
    assert "“I want to see where" in said and "at all.”" in said, said
    assert "”" not in lines and "“”" not in said
    drawio = tmp_path / "board.drawio"  # the draw.io export's persona card too
    export(doc, drawio)
    written = drawio.read_text(encoding="utf-8")
    assert "at all.”" in written and "“  " not in written and "“   ”" not in written


def test_pdf_text_is_extractable(example: tuple[Layout, Path, Path]) -> None:
    need("pdftotext")
    layout, _, pdf = example
    text = normalise(run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout)
    for line in card_lines(layout):
        assert normalise(line) in text, f"card line {line!r} is not in the PDF's text"
    assert normalise(layout.document.title) in text


def test_pdf_outline_has_one_entry_per_stage(example: tuple[Layout, Path, Path]) -> None:
    need("qpdf")
    layout, _, pdf = example
    outlines = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf).stdout)["outlines"]
    names = [stage.name for stage in layout.document.stages]
    assert [o["title"] for o in outlines] == [f"{i + 1:02d} {n}" for i, n in enumerate(names)]
    for outline, header in zip(outlines, layout.stage_headers.values(), strict=True):
        top = layout.height - header.rect.y
        assert outline["dest"][1:4] == ["/XYZ", pytest.approx(header.rect.x), pytest.approx(top)]


def test_pdf_is_reproducible_with_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    from exporters.pdf import render_pdf

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    layout = Layout(model.load(EXAMPLES[0]))
    assert render_pdf(layout) == render_pdf(layout)


# ---------------------------------------------------------------------- SVG = PDF
def test_svg_and_pdf_look_alike(example: tuple[Layout, Path, Path], tmp_path: Path) -> None:
    need("rsvg-convert", "pdftoppm")
    layout, svg, pdf = example
    w, h = round(layout.width), round(layout.height)
    svg_png, pdf_png = tmp_path / "svg.png", tmp_path / "pdf.png"
    run("rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", svg_png, svg)
    run("pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to-x", str(w), "-scale-to-y", str(h),
        pdf, tmp_path / "pdf")
    ratio = diff_ratio(svg_png, pdf_png)
    sys.stderr.write(f"svg vs pdf: {ratio:.3%} of {w}x{h} pixels differ\n")
    assert ratio < MAX_DIFF, f"SVG and PDF differ in {ratio:.3%} of pixels"


# ---------------------------------------------------------------------- tricky text
def test_tricky_text_stays_valid_svg(tmp_path: Path) -> None:
    layout = Layout(tricky_document())
    svg = tmp_path / "tricky.svg"
    export_svg(layout, svg)
    data = svg.read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", data), "a control character reached the SVG"
    root = ET.fromstring(data)  # raises on invalid XML
    texts = [el.text or "" for el in root.iter(f"{SVG_NS}text")]
    assert texts[0].startswith(clean_text(TRICKY)[:40])  # the title's first line, controls dropped
    assert any("two  spaces" in t for t in texts), "runs of spaces survive (xml:space)"
    assert any('<tags> & "quotes"' in t for t in texts)
    assert root.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    if shutil.which("xmllint"):
        run("xmllint", "--noout", "--nonet", svg)
    if shutil.which("rsvg-convert"):
        run("rsvg-convert", "-o", tmp_path / "tricky.png", svg)


def test_tricky_text_stays_valid_pdf(tmp_path: Path) -> None:
    need("qpdf", "pdffonts", "pdftotext")
    pdf = tmp_path / "tricky.pdf"
    export_pdf(tricky_document(), pdf)
    run("qpdf", "--check", pdf)
    for row in run("pdffonts", pdf).stdout.splitlines()[2:]:
        assert row.split()[-5] == "yes" and "Helvetica" not in row, row
    text = normalise(run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout)
    assert '<tags> & "quotes"' in text
    assert "Tricky <&>" in text


def test_clean_text_drops_what_xml_forbids() -> None:
    assert clean_text("a\x00b\x07c\x1fd\ufffee\udc80f") == "abcdef"
    assert clean_text("tab\there\nnl\rcr") == "tab here nl cr"
    assert clean_text('<&>"\' é 漢 😀') == '<&>"\' é 漢 😀'


def test_the_shortened_cards_warning_is_a_whole_str() -> None:
    """Its number of cards is .cards: as .count, an int on a str subclass, it hid str.count (a TypeError)."""
    warning = ShortenedCardsWarning(3)
    assert warning.cards == 3
    assert warning.count("card") == str(warning).count("card") == 2


def test_render_svg_is_a_string_with_declaration() -> None:
    svg = render_svg(Layout(model.load(EXAMPLES[0])))
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')


# ---------------------------------------------------------------------- dispatch and atomicity
def test_format_is_chosen_by_suffix_or_argument(tmp_path: Path) -> None:
    assert format_for("a.svg") == "svg"
    assert format_for("a.PDF") == "pdf"
    assert format_for("a.part.png") == "png"
    assert format_for("a.txt", "svg") == "svg"
    assert format_for("a", ".PDF") == "pdf"
    with pytest.raises(ValueError, match=r'suffix "\.txt".*\.svg, \.pdf, \.png'):
        format_for("a.txt")
    with pytest.raises(ValueError, match="no suffix"):
        format_for("a")
    with pytest.raises(ValueError, match="unknown export format"):
        format_for("a.svg", "jpeg")


def test_unknown_suffix_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "board.jpeg"
    with pytest.raises(ValueError, match="cannot tell the export format"):
        export(model.load(EXAMPLES[0]), target)
    assert list(tmp_path.iterdir()) == []


def test_export_by_suffix_and_fmt(tmp_path: Path) -> None:
    document = model.load(EXAMPLES[0])
    export(document, tmp_path / "a.SVG")
    export(document, tmp_path / "b.out", fmt="pdf")
    assert (tmp_path / "a.SVG").read_bytes().startswith(b"<?xml")
    assert (tmp_path / "b.out").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_failed_export_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    import exporters.pdf
    import exporters.svg

    target = tmp_path / f"board{suffix}"
    target.write_bytes(b"old content")

    def boom(*_args: object) -> None:
        raise RuntimeError("renderer failed half-way")

    monkeypatch.setattr(exporters.svg, "_element", boom)
    monkeypatch.setattr(exporters.pdf._PdfPainter, "draw", boom)
    with pytest.raises(RuntimeError, match="half-way"):
        export(model.load(EXAMPLES[0]), target)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "no temporary file is left behind"


def test_write_atomic_keeps_mode_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.bin"
    write_atomic(fresh, b"x")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~_umask()
    with pytest.raises(OSError, match="missing-dir does not exist"):
        write_atomic(tmp_path / "missing-dir" / "x.bin", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.bin", "out.bin"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_exporters_do_not_import_qt() -> None:
    code = (
        "import sys, exporters, exporters.svg, exporters.pdf, exporters.png, exporters.qtpaint, exporters.fallback\n"
        "import model; from model.layout import Layout\n"
        "from exporters.svg import render_svg; from exporters.pdf import render_pdf\n"
        f"layout = Layout(model.load({str(EXAMPLES[0])!r})); render_svg(layout); render_pdf(layout)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_a_turned_line_is_the_upright_one_turned_anticlockwise_in_the_svg(tmp_path: Path) -> None:
    """``Text.angle`` (a tiled sheet's lane names, exporters/pages.py): rsvg-convert draws the turned line as the
    upright one turned a quarter anticlockwise about its anchor point, reading upwards."""
    need("rsvg-convert")
    from exporters.svg import _element
    from exporters.svgglyphs import TextOutlines

    def ink(angle: float) -> np.ndarray:
        glyphs = TextOutlines(by_word=False)
        element = _element(Text(150, 150, "Backstage lane", 14, "#000000", anchor="middle", angle=angle), glyphs)
        svg = tmp_path / f"turned-{angle:g}.svg"
        svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                       f'width="300" height="300"><defs>{glyphs.defs()}</defs>{element}</svg>', encoding="utf-8")
        run("rsvg-convert", "-b", "white", "-o", svg.with_suffix(".png"), svg)
        return np.asarray(Image.open(svg.with_suffix(".png")).convert("L")) < 128

    upright, turned = ink(0.0), ink(90.0)
    rows, columns = np.nonzero(turned)
    assert rows.max() - rows.min() > 4 * (columns.max() - columns.min())  # a tall, thin line
    assert abs((rows.max() + rows.min()) / 2 - 150) < 3  # centred on its anchor along its length
    # The upright line's pixels turned a quarter anticlockwise (np.rot90 turns an image so) about the anchor
    # land on the turned line's: most of both inks overlap.
    moved = np.zeros_like(turned)
    for y, x in zip(*np.nonzero(upright), strict=True):
        ty, tx = 150 - (x - 150), 150 + (y - 150)
        if 0 <= ty < 300 and 0 <= tx < 300:
            moved[ty, tx] = True
    def grown(mask: np.ndarray) -> np.ndarray:  # by a pixel each way: the two are antialiased apart
        out = mask.copy()
        for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            out |= np.roll(mask, (dy, dx), axis=(0, 1))
        return out

    assert (moved & grown(turned)).sum() > 0.9 * moved.sum() and (turned & grown(moved)).sum() > 0.9 * turned.sum()
