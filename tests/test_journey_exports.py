"""The journey map in SVG and PDF: persona, metrics, every card's text, icons and the legend,
and the two exports still alike (the method of test_exporters' SVG = PDF test)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import model
from exporters import export
from exporters.common import clean_text
from model.layout import Layout
from model.metrics_row import format_value

ROOT = Path(__file__).resolve().parent.parent
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"
SVG_NS = "{http://www.w3.org/2000/svg}"
TOLERANCE, MAX_DIFF = 40, 0.01


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def run(*args: str | Path) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{args[0]} exited {result.returncode}: {result.stderr}"
    return result.stdout


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, Path, Path]:
    layout = Layout(model.load(JOURNEY), legend=True)
    out = tmp_path_factory.mktemp("journey")
    svg, pdf = out / "journey.svg", out / "journey.pdf"
    export(layout, svg)
    export(layout, pdf)
    return layout, svg, pdf


def expected_words(layout: Layout) -> list[str]:
    """Persona texts, metric names and values, and every wrapped line of every card."""
    doc = layout.document
    words: list[str] = []
    for persona in doc.personas:
        words += [persona.name, persona.role or ""]
    for stage in doc.stages:
        for name, value in (stage.metrics or {}).items():
            words += [name, format_value(value)]
    words += [line for card in layout.cards.values() for line in card.lines]
    return [normalise(clean_text(w)) for w in words if w.strip()]


def test_the_pdf_text_holds_personas_metrics_and_every_card(exported: tuple[Layout, Path, Path]) -> None:
    need("pdftotext")
    layout, _, pdf = exported
    text = normalise(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"))
    missing = [w for w in expected_words(layout) if w not in text]
    assert not missing, missing[:10]
    assert "Legend" in text and "Very positive" in text


def test_the_svg_holds_personas_metrics_and_every_card(exported: tuple[Layout, Path, Path]) -> None:
    layout, svg, _ = exported
    root = ET.parse(svg).getroot()
    texts = {normalise(el.text or "") for el in root.iter(f"{SVG_NS}text")}
    missing = [w for w in expected_words(layout) if w not in texts]
    assert not missing, missing[:10]


def test_icons_are_round_capped_paths_in_svg_and_pdf(exported: tuple[Layout, Path, Path]) -> None:
    need("qpdf")
    _, svg, pdf = exported
    root = ET.parse(svg).getroot()
    assert any(el.get("stroke-linecap") == "round" for el in root.iter(f"{SVG_NS}path"))
    content = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), "-"], capture_output=True,
                       check=True).stdout.decode("latin-1")
    assert "1 J" in content and "1 j" in content  # round caps and joins are switched on …
    assert "0 J" in content  # … and off again for the lines after them


def test_svg_and_pdf_of_the_journey_with_its_legend_look_alike(exported: tuple[Layout, Path, Path],
                                                                 tmp_path: Path) -> None:
    need("rsvg-convert", "pdftoppm")
    layout, svg, pdf = exported
    w, h = round(layout.width), round(layout.height)
    svg_png, pdf_png = tmp_path / "svg.png", tmp_path / "pdf.png"
    run("rsvg-convert", "-b", "white", "-w", str(w), "-h", str(h), "-o", svg_png, svg)
    run("pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to-x", str(w), "-scale-to-y", str(h),
        pdf, tmp_path / "pdf")
    a = np.asarray(Image.open(svg_png).convert("RGB"), dtype=np.int16)
    b = np.asarray(Image.open(pdf_png).convert("RGB"), dtype=np.int16)
    assert a.shape == b.shape
    ratio = float((np.abs(a - b).max(axis=2) > TOLERANCE).mean())
    sys.stderr.write(f"journey svg vs pdf: {ratio:.3%} of {w}x{h} pixels differ\n")
    assert ratio < MAX_DIFF


def test_the_command_line_draws_the_legend_only_when_asked(tmp_path: Path) -> None:
    from app.cli import main

    plain, legend = tmp_path / "plain.svg", tmp_path / "legend.svg"
    assert main(["export", str(JOURNEY), "-o", str(plain)]) == 0
    assert main(["export", str(JOURNEY), "-o", str(legend), "--legend"]) == 0
    assert ">Legend<" not in plain.read_text(encoding="utf-8")
    assert ">Legend<" in legend.read_text(encoding="utf-8")


def test_a_dark_export_is_asked_for_and_keeps_every_text_readable(tmp_path: Path) -> None:
    from app.cli import main
    from model import style as st

    out = tmp_path / "dark.svg"
    assert main(["export", str(JOURNEY), "-o", str(out), "--theme", "dark"]) == 0
    root = ET.parse(out).getroot()
    page = next(el for el in root.iter(f"{SVG_NS}rect"))
    assert page.get("fill") == st.themed(st.PAGE, "dark")
    light = Layout(model.load(JOURNEY))
    dark = Layout(model.load(JOURNEY), theme="dark")
    assert [type(p) for p in dark.primitives()] == [type(p) for p in light.primitives()]
    inks = {p.color for p in dark.primitives() if type(p).__name__ == "Text"}
    assert st.INK not in inks and st.themed(st.INK, "dark") in inks
    plain = tmp_path / "plain.svg"
    assert main(["export", str(JOURNEY), "-o", str(plain)]) == 0
    assert next(el for el in ET.parse(plain).getroot().iter(f"{SVG_NS}rect")).get("fill") == st.PAGE
