"""Blueprint notation: the three link kinds, hand-offs across the line of visibility, and the
fail and wait markers, as the layout gives them and as the SVG and PDF draw them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exporters.pdf import export_pdf
from exporters.svg import render_svg
from model import Card, Document, Lane, Link, Stage
from model import style as st
from model.layout import Layout
from model.primitives import Circle, Text
from model.primitives import Path as PathPrim


def blueprint() -> Document:
    lanes = [Lane("cust", "Customer", "customer"), Lane("front", "Front", "frontstage"),
             Lane("back", "Back", "backstage")]
    cards = [Card("c1", "cust", "s1", "Orders", fail=True), Card("c2", "cust", "s2", "Pays", wait="4 min"),
             Card("f1", "front", "s1", "Takes order"), Card("b1", "back", "s1", "Makes drink")]
    links = [Link("flow", "c1", "c2"), Link("dep", "f1", "b1", kind="depends"),
             Link("two", "c1", "f1", kind="twoway")]
    return Document.build(title="Notation", description=None, stages=[Stage("s1", "One"), Stage("s2", "Two")],
                          lanes=lanes, cards=cards, links=links, personas=[], extra={})


@pytest.fixture
def layout() -> Layout:
    return Layout(blueprint())


def heads(layout: Layout, link_id: str) -> list[PathPrim]:
    return [p for p in layout.links[link_id].primitives if isinstance(p, PathPrim) and p.fill]


def test_flow_is_solid_with_one_head_depends_dashed_twoway_two_heads(layout: Layout) -> None:
    line = {k: next(p for p in g.primitives if isinstance(p, PathPrim) and p.stroke) for k, g in layout.links.items()}
    assert line["flow"].dash is None and len(heads(layout, "flow")) == 1
    assert line["dep"].dash and len(heads(layout, "dep")) == 1
    assert line["two"].dash is None and len(heads(layout, "two")) == 2


def test_only_handoffs_across_the_line_of_visibility_take_the_handoff_colour(layout: Layout) -> None:
    colours = {k: next(p.stroke for p in g.primitives if isinstance(p, PathPrim) and p.stroke)
               for k, g in layout.links.items()}
    assert colours == {"flow": st.ARROW, "dep": st.HANDOFF, "two": st.ARROW}


def test_fail_and_wait_markers(layout: Layout) -> None:
    fail = layout.cards["c1"].primitives
    assert any(isinstance(p, Circle) and p.fill == st.FAIL for p in fail)
    assert any(isinstance(p, Text) and p.text == "F" for p in fail)
    wait = layout.cards["c2"].primitives
    assert any(isinstance(p, Text) and p.text == "W" for p in wait)
    assert any(isinstance(p, Text) and p.text == "4 min" for p in wait)


def test_svg_draws_the_kinds_and_markers(layout: Layout) -> None:
    svg = render_svg(layout)
    # the depends arrow and the two blueprint lines this board has (interaction, visibility)
    assert len(re.findall(r"stroke-dasharray", svg)) == 1 + 2
    assert st.HANDOFF.lower() in svg.lower()
    assert ">F<" in svg and ">W<" in svg and ">4 min<" in svg


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_carries_the_markers(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "n.pdf"
    export_pdf(layout, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "4 min" in text and "Line of visibility" in text and "Line of interaction" in text
