"""draw.io export (exporters/drawio.py): the XML structure draw.io reads, ids, parents, geometry, escaping."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from exporters import export, format_for
from exporters.drawio import render_drawio
from model import Document, load
from model import style as st
from model.entities import Card, Lane, Link, Persona, Stage
from model.fonts import RESOURCES
from model.layout import Layout, Rect

EXAMPLES = sorted((RESOURCES / "examples").glob("*.touchline"))


def parse(data: bytes) -> tuple[ET.Element, dict[str, ET.Element]]:
    """The mxfile element and every cell by id (checking the fixed skeleton on the way)."""
    mxfile = ET.fromstring(data)
    assert mxfile.tag == "mxfile" and mxfile.get("compressed") == "false"
    diagrams = mxfile.findall("diagram")
    assert len(diagrams) == 1
    models = list(diagrams[0])
    assert [m.tag for m in models] == ["mxGraphModel"]  # uncompressed: a model, not base64 text
    roots = list(models[0])
    assert [r.tag for r in roots] == ["root"]
    cells = list(roots[0])
    assert all(c.tag == "mxCell" for c in cells)
    assert cells[0].attrib == {"id": "0"} and cells[1].attrib == {"id": "1", "parent": "0"}
    ids = [c.get("id") for c in cells]
    assert len(ids) == len(set(ids)), "cell ids must be unique"
    by_id = {c.get("id", ""): c for c in cells}
    for cell in cells[1:]:
        assert cell.get("parent") in by_id and cell.get("parent") != cell.get("id")
    return mxfile, by_id


def geometry(cell: ET.Element) -> tuple[float, float, float, float]:
    g = cell.find("mxGeometry")
    assert g is not None and g.get("as") == "geometry"
    return tuple(float(g.get(k, "0")) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]


def label_text(value: str) -> str:
    """The visible text of an HTML label: <br> as a line break, tags gone, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", value.replace("<br>", "\n")))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_structure_ids_parents_and_geometry(path: Path) -> None:
    doc = load(path)
    layout = Layout(doc)
    _, cells = parse(render_drawio(layout))
    for lane in doc.lanes:
        cell = cells[f"lane-{lane.id}"]
        assert cell.get("vertex") == "1" and cell.get("parent") == "1"
        assert (cell.get("style") or "").startswith("swimlane;")
        assert lane.name in label_text(cell.get("value", ""))
        x, y, w, h = geometry(cell)
        header = layout.lane_headers[lane.id].rect
        assert (x, y, h) == pytest.approx((header.x, header.y, header.h), abs=0.01)
        assert x + w == pytest.approx(layout.width - 32, abs=0.01)
    for card in doc.cards():
        cell = cells[f"card-{card.id}"]
        assert cell.get("vertex") == "1" and cell.get("parent") == f"lane-{card.lane}"
        assert "rounded=1" in (cell.get("style") or "")
        lane_x, lane_y, _, _ = geometry(cells[f"lane-{card.lane}"])
        x, y, w, h = geometry(cell)
        rect = layout.cards[card.id].rect
        body = layout.cards[card.id].shape.body
        if doc.lane(card.lane).kind == "emotion" and body is not None:  # the label's box (its marker: below)
            rect = Rect(rect.x + body[0], rect.y + body[1], body[2], body[3])
        # Child geometry is relative to the lane: lane + card gives the layout's rectangle.
        assert (lane_x + x, lane_y + y, w, h) == pytest.approx((rect.x, rect.y, rect.w, rect.h), abs=0.01)
        assert label_text(cell.get("value", "")).startswith(card.text)
    for link in doc.links():
        cell = cells[f"link-{link.id}"]
        assert cell.get("edge") == "1" and cell.get("parent") == "1"
        assert cell.get("source") == f"card-{link.source}" and cell.get("target") == f"card-{link.target}"
        g = cell.find("mxGeometry")
        assert g is not None and g.get("relative") == "1"
    for stage in doc.stages:
        assert stage.name in label_text(cells[f"stage-{stage.id}"].get("value", ""))
    emotion = [card for card in doc.cards() if doc.lane(card.lane).kind == "emotion"]
    curves = {card.lane for card in emotion}
    expected = 3 + len(doc.stages) + len(doc.lanes) + doc.card_count() + len(list(doc.links())) + len(doc.personas)
    assert len(cells) == expected + len(layout.blueprint_lines) + len(emotion) + len(curves)


def test_text_is_escaped_and_illegal_characters_dropped() -> None:
    nasty = 'Fish & "chips" <script>alert(1)</script>\nline two\x07\x00 — 漢字 🙂'
    doc = Document.build(
        title="A & B <c>", description="d\x01e", personas=[Persona("p", "P")],
        stages=[Stage("0", "S & <T>", metrics={"NPS": 32})], lanes=[Lane("1", "L & M", "customer")],
        cards=[Card("c1", "1", "0", nasty, score=-2, tags=["a&b"], wait="5 min", fail=True, channel="web"),
               Card("c2", "1", "0", "")],
        links=[Link("k", "c1", "c2", label="then <go>")], extra={},
    )
    data = render_drawio(doc)
    mxfile, cells = parse(data)
    assert mxfile.find("diagram").get("name") == "A & B <c>"  # type: ignore[union-attr]
    card = label_text(cells["card-c1"].get("value", ""))
    assert card.startswith('Fish & "chips" <script>alert(1)</script>\nline two — 漢字 🙂')
    for chip in ("–2 Very negative", "#a&b", "5 min", "Fail point", "web"):
        assert chip in card
    assert "<script>" not in cells["card-c1"].get("value", "")  # escaped: draw.io shows it, never runs it
    assert label_text(cells["link-k"].get("value", "")) == "then <go>"
    # Document ids "0" and "1" do not clash with draw.io's two fixed cells.
    assert cells["stage-0"].get("parent") == "1" and cells["card-c1"].get("parent") == "lane-1"
    assert "S & <T>" in label_text(cells["stage-0"].get("value", "")) and "NPS 32" in cells["stage-0"].get("value", "")
    assert "de" in label_text(cells["title"].get("value", ""))


def test_blueprint_lines_and_link_kinds() -> None:
    doc = load(RESOURCES / "examples" / "coffee-shop-blueprint.touchline")
    _, cells = parse(render_drawio(doc))
    lines = [c for i, c in cells.items() if i.startswith("blueprint-line-")]
    assert {label_text(c.get("value", "")) for c in lines} >= {"Line of interaction", "Line of visibility"}
    for line in lines:
        points = line.findall("mxGeometry/mxPoint")
        assert [p.get("as") for p in points] == ["sourcePoint", "targetPoint"]
        assert points[0].get("y") == points[1].get("y")
    kinds = {link.kind for link in doc.links()}
    for link in doc.links():
        style = cells[f"link-{link.id}"].get("style") or ""
        assert ("dashed=1" in style) == (link.kind == "depends")
        assert ("startArrow=block" in style) == (link.kind == "twoway")
    assert "flow" in kinds


def test_export_by_suffix_writes_the_file_atomically(tmp_path: Path) -> None:
    doc = load(RESOURCES / "examples" / "onboarding-journey.touchline")
    assert format_for("board.DRAWIO") == "drawio"
    target = tmp_path / "board.drawio"
    export(doc, target)
    parse(target.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.drawio"]
    if shutil.which("xmllint"):
        result = subprocess.run(["xmllint", "--noout", str(target)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr


def test_an_empty_board() -> None:
    doc = Document.build(title="", description=None, stages=[], lanes=[], cards=[], links=[], personas=[], extra={})
    _, cells = parse(render_drawio(doc))
    assert sorted(cells) == ["0", "1", "title"]


def test_a_card_of_a_dark_colour_of_its_own_has_light_text_and_chips() -> None:
    doc = Document.build(
        title="Colours", description="", personas=[], stages=[Stage("s", "S")], lanes=[Lane("l", "L", "customer")],
        cards=[Card("dark", "l", "s", "Night", color="#312E81", tags=["late"]),
               Card("pale", "l", "s", "Day", tags=["early"])],
        links=[], extra={},
    )
    _, cells = parse(render_drawio(doc))

    def style(cell_id: str) -> dict[str, str]:
        return dict(part.split("=", 1) for part in cells[cell_id].get("style", "").split(";") if "=" in part)

    def chip_colour(cell_id: str) -> str:
        found = re.search(r'<font color="(#[0-9A-Fa-f]{6})"', cells[cell_id].get("value", ""))
        assert found, cells[cell_id].get("value")
        return found.group(1)

    assert style("card-dark")["fillColor"] == "#312E81"
    for ink in (style("card-dark")["fontColor"], chip_colour("card-dark")):
        assert st.contrast(ink, "#312E81") >= 4.5, ink
    assert style("card-pale")["fontColor"] == st.INK and chip_colour("card-pale") == st.MUTED


def test_personas_and_the_emotion_lane_as_the_board_shows_them() -> None:
    """The personas' cards and the emotion lane's markers and curve were left out: draw.io showed an
    empty band under the title and the emotion cards as boxes with no scale, marker or curve."""
    from model.persona_header import PERSONA_W

    doc = Document.build(
        title="Feelings", description="About", stages=[Stage("s1", "A"), Stage("s2", "B"), Stage("s3", "C")],
        lanes=[Lane("do", "Doing", "customer"), Lane("feel", "Feeling", "emotion")],
        personas=[Persona("p1", "Sam Reyes", role="Designer", quote="Fast <please>", goals=["Speed"], pains=["Forms"]),
                  Persona("p2", "Inês")],
        cards=[Card("c1", "do", "s1", "Compares fees", persona="p1"),
               Card("e1", "feel", "s1", "Curious", score=1), Card("e2", "feel", "s2", "Lost", score=-2),
               Card("e3", "feel", "s3", "", score=0, persona="p2")],
        links=[], extra={},
    )
    layout = Layout(doc)
    _, cells = parse(render_drawio(layout))
    title_bottom = sum(geometry(cells["title"])[1::2])
    for number, persona in enumerate(doc.personas, start=1):
        x, y, w, h = geometry(cells[f"persona-{number}"])
        assert cells[f"persona-{number}"].get("parent") == "1"
        assert w == PERSONA_W and title_bottom < y and y + h < layout.stage_headers["s1"].rect.y
        assert label_text(cells[f"persona-{number}"].get("value", "")).startswith(persona.name)
    assert label_text(cells["persona-1"].get("value", "")).split("\n") == [
        "Sam Reyes", "Designer", "“Fast <please>”", "GOALS", "• Speed", "PAINS", "• Forms"]
    assert "Sam Reyes" in label_text(cells["card-c1"].get("value", ""))  # the card's persona, as its badge says
    lane_x, lane_y, _, _ = geometry(cells["lane-feel"])
    centres = []
    for card_id, label, colour in (("e1", "+1", st.SENTIMENT[1]), ("e2", "–2", st.SENTIMENT[-2]),
                                   ("e3", "±0", st.SENTIMENT[0])):
        marker = cells[f"marker-{card_id}"]
        assert marker.get("parent") == "lane-feel" and (marker.get("style") or "").startswith("ellipse;")
        assert marker.get("value") == label and f"fillColor={colour};" in (marker.get("style") or "")
        x, y, w, h = geometry(marker)
        cx, cy = layout.marker_centre(card_id)  # type: ignore[misc]
        assert (lane_x + x + w / 2, lane_y + y + h / 2) == pytest.approx((cx, cy), abs=0.01)
        centres.append((x + w / 2, y + h / 2))
        # The card is its label's box, which leaves the marker out.
        bx, by, bw, bh = geometry(cells[f"card-{card_id}"])
        assert not (bx <= x + w / 2 <= bx + bw and by <= y + h / 2 <= by + bh)
    curve = cells["curve-feel"]
    assert curve.get("edge") == "1" and curve.get("parent") == "lane-feel"
    assert curve.get("source") is None and curve.get("target") is None
    points = [(float(p.get("x", "")), float(p.get("y", ""))) for p in curve.iter("mxPoint")]
    order = [p.get("as") for p in curve.iter("mxPoint")]
    assert order == ["sourcePoint", "targetPoint", None]
    flat = [v for point in (points[0], points[2], points[1]) for v in point]
    assert flat == pytest.approx([v for point in centres for v in point], abs=0.01)
    ids = list(cells)
    assert ids.index("curve-feel") < ids.index("card-e1") < ids.index("marker-e1")  # curve under cards and markers
