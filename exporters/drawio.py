"""draw.io export: the board as an uncompressed ``.drawio`` file a user can go on editing.

Structure (draw.io's own, uncompressed): ``mxfile`` → ``diagram`` → ``mxGraphModel`` →
``root`` with the two cells every model has (``0``, and ``1`` whose parent is ``0``), then:

- the title (and description) as a text cell, and each persona as a box where the board
  shows its card (name, role, quote, goals, pains);
- each stage header as a rounded box along the top;
- each lane as a swimlane container (its header on the left, ``horizontal=0``) spanning
  the whole board;
- each card as a rounded rectangle inside its lane: a child of the lane's swimlane, so its
  geometry is relative to the lane, and lane + card give exactly the layout's rectangle
  (an emotion card: its label's box, with its marker as a round cell at its score and the
  lane's curve as an unconnected edge through the markers, under the cards);
- each link as an edge with ``source`` and ``target`` (draw.io routes it);
- the blueprint lines as dashed, unconnected edges.

Positions and sizes come from ``model.Layout``, as for every other exporter. Labels are
HTML (``html=1``, so they wrap): text is HTML-escaped and line breaks become ``<br>``;
ElementTree then escapes it once more as XML. Ids are the document's ids with a prefix
per kind (``lane-``, ``card-``, …), unique because document ids are.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from exporters.common import DocumentOrLayout, as_layout, creator
from model import style as st
from model.board_words import board_word
from model.cardshape import SCORE_LABELS, signed_score
from model.emotion_curve import MARKER_R, score_of
from model.entities import LANE_KIND_LABELS, Card, Persona
from model.layout import Layout, Rect
from model.persona_header import printed_quote

# XML 1.0 forbids these (ElementTree would write them and no reader would open the file).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_drawio(document_or_layout: DocumentOrLayout) -> bytes:
    """The .drawio file of a board, as UTF-8 bytes."""
    layout = as_layout(document_or_layout)
    doc = layout.document
    personas = {persona.id: persona.name for persona in doc.personas}
    mxfile = ET.Element("mxfile", host="Touchline", agent=creator(), compressed="false")
    diagram = ET.SubElement(mxfile, "diagram", id="touchline-board", name=_clean(doc.title) or "Board")
    model = ET.SubElement(diagram, "mxGraphModel", {
        "dx": "0", "dy": "0", "grid": "1", "gridSize": "10", "guides": "1", "tooltips": "1", "connect": "1",
        "arrows": "1", "fold": "1", "page": "1", "pageScale": "1", "pageWidth": _num(layout.width),
        "pageHeight": _num(layout.height), "math": "0", "shadow": "0", "background": st.PAGE,
    })
    root = ET.SubElement(model, "root")
    ET.SubElement(root, "mxCell", id="0")
    # Attributes that are also SubElement's parameter names ("parent", and "as" a keyword) go in the
    # attribute dict: as keywords they pass at run time, but not the type check.
    ET.SubElement(root, "mxCell", {"id": "1", "parent": "0"})
    _title(root, layout)
    _personas(root, layout)
    for index, stage in enumerate(doc.stages, start=1):
        rect = layout.stage_headers[stage.id].rect
        metrics = " · ".join(f"{name} {value:g}" for name, value in (stage.metrics or {}).items())
        label = f'<font color="{st.MUTED}" style="font-size: {st.STAGE_NUMBER_SIZE}px">{index}</font><br>' \
                f"<b>{_html(stage.name)}</b>"
        if metrics:
            label += f'<br><font color="{st.MUTED}" style="font-size: {st.CHIP_SIZE}px">{_html(metrics)}</font>'
        _vertex(root, f"stage-{stage.id}", label, rect, "1",
                f"rounded=1;arcSize=12;whiteSpace=wrap;html=1;fillColor={st.HEADER_FILL};strokeColor={st.FAINT};"
                f"fontColor={st.INK};fontSize={st.STAGE_SIZE};verticalAlign=middle;")
    right = layout.width - st.MARGIN
    for index, lane in enumerate(doc.lanes):
        header = layout.lane_headers[lane.id].rect
        band = Rect(header.x, header.y, right - header.x, header.h)
        accent = st.KIND_STYLES[lane.kind].accent
        kind_label = board_word(LANE_KIND_LABELS[lane.kind], doc.language)
        label = f"<b>{_html(lane.name)}</b><br>" \
                f'<font color="{accent}" style="font-size: {st.LANE_KIND_SIZE}px">{kind_label}</font>'
        _vertex(root, f"lane-{lane.id}", label, band, "1",
                f"swimlane;horizontal=0;startSize={_num(header.w)};html=1;whiteSpace=wrap;collapsible=0;"
                f"fillColor={st.HEADER_FILL};swimlaneFillColor={st.BAND_ODD if index % 2 else st.BAND_EVEN};"
                f"strokeColor={st.FAINT};fontColor={st.INK};fontSize={st.LANE_SIZE};fontStyle=0;")
        card_ids = [card_id for stage in doc.stages for card_id in doc.cell_cards(stage.id, lane.id)]
        markers = _markers(layout, card_ids, band) if lane.kind == "emotion" else {}
        if len(markers) > 1:
            _curve(root, lane.id, sorted(markers.values()))
        for card_id in card_ids:
            card = doc.card(card_id)
            geometry = layout.cards[card_id]
            rect = geometry.rect
            if card_id in markers and geometry.shape.body is not None:  # the label's box, not the marker's
                bx, by, bw, bh = geometry.shape.body
                rect = Rect(rect.x + bx, rect.y + by, bw, bh)
            relative = Rect(rect.x - band.x, rect.y - band.y, rect.w, rect.h)
            _vertex(root, f"card-{card_id}", _card_label(card, lane.kind, doc.language, personas), relative,
                    f"lane-{lane.id}", _card_style(card, lane.kind))
        for card_id, (cx, cy) in markers.items():
            score = score_of(doc.card(card_id))
            _vertex(root, f"marker-{card_id}", signed_score(score),
                    Rect(cx - MARKER_R, cy - MARKER_R, 2 * MARKER_R, 2 * MARKER_R), f"lane-{lane.id}",
                    f"ellipse;html=1;fillColor={st.SENTIMENT[score]};strokeColor={st.PAGE};strokeWidth=2;"
                    f"fontColor={st.ON_ACCENT};fontSize={st.TYPE_SCALE[0]};fontStyle=1;")
    for link in doc.links():
        style = f"edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;strokeColor={st.ARROW};" \
                f"fontColor={st.INK};fontSize={st.LINK_LABEL_SIZE};"
        if link.kind == "depends":
            style += "dashed=1;"
        elif link.kind == "twoway":
            style += "startArrow=block;startFill=1;"
        cell = ET.SubElement(root, "mxCell", {
            "id": f"link-{link.id}", "value": _html(link.label or ""), "style": style, "edge": "1", "parent": "1",
            "source": f"card-{link.source}", "target": f"card-{link.target}",
        })
        ET.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
    for number, line in enumerate(layout.blueprint_lines, start=1):
        cell = ET.SubElement(root, "mxCell", {
            "id": f"blueprint-line-{number}", "value": _html(line.name),
            "style": f"endArrow=none;html=1;dashed=1;dashPattern=6 4;strokeColor={st.BLUEPRINT_LINE};"
                     f"fontColor={st.BLUEPRINT_LINE};fontSize={st.LINE_LABEL_SIZE};fontStyle=1;align=left;"
                     "labelPosition=left;verticalLabelPosition=top;verticalAlign=bottom;labelBackgroundColor=none;",
            "edge": "1", "parent": "1",
        })
        points = ET.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
        ET.SubElement(points, "mxPoint", {"x": _num(st.MARGIN), "y": _num(line.y), "as": "sourcePoint"})
        ET.SubElement(points, "mxPoint", {"x": _num(right), "y": _num(line.y), "as": "targetPoint"})
    ET.indent(mxfile, space="  ")
    return ET.tostring(mxfile, encoding="utf-8", xml_declaration=True) + b"\n"


def _title(root: ET.Element, layout: Layout) -> None:
    doc = layout.document
    label = f'<b style="font-size: {st.TITLE_SIZE}px">{_html(doc.title or board_word("Untitled", doc.language))}</b>'
    if doc.description:
        label += f'<br><font color="{st.MUTED}" style="font-size: {st.DESCRIPTION_SIZE}px">' \
                 f"{_html(doc.description)}</font>"
    boxes = layout.persona_rects.values()
    bottom = min(r.y for r in boxes) - 2 * st.SPACE if boxes else layout.grid_rect.y - st.TITLE_GAP
    height = max(bottom - st.MARGIN, 1.0)
    _vertex(root, "title", label, Rect(st.MARGIN, st.MARGIN, layout.width - 2 * st.MARGIN, height), "1",
            f"text;html=1;whiteSpace=wrap;align=left;verticalAlign=top;spacing=0;fontColor={st.INK};")


def _personas(root: ET.Element, layout: Layout) -> None:
    doc = layout.document
    for number, persona in enumerate(doc.personas, start=1):
        _vertex(root, f"persona-{number}", _persona_label(persona, doc.language), layout.persona_rects[persona.id],
                "1", f"rounded=1;absoluteArcSize=1;arcSize={2 * (st.CARD_RADIUS + 2)};whiteSpace=wrap;html=1;"
                     f"fillColor={st.PERSONA_FILL};strokeColor={st.PERSONA_BORDER};fontColor={st.INK};"
                     f"fontSize={st.CARD_SIZE};align=left;verticalAlign=top;spacing={2 * st.SPACE};")


def _persona_label(persona: Persona, language: str) -> str:
    name = persona.name or board_word("Persona", language)
    label = f'<b style="font-size: {st.HEADING_SIZE}px">{_html(name)}</b>'
    if persona.role:
        label += f'<br><font color="{st.MUTED}">{_html(persona.role)}</font>'
    quote = printed_quote(persona)  # as the board's persona card prints it
    if quote:
        label += f"<br><i>“{_html(quote)}”</i>"
    for title, items in (("Goals", persona.goals), ("Pains", persona.pains)):
        if items:
            label += f'<br><font color="{st.MUTED}" style="font-size: {st.TYPE_SCALE[1]}px">' \
                     f"<b>{_html(board_word(title, language).upper())}</b></font>"
            label += "".join(f"<br>• {_html(item)}" for item in items)
    return label


def _markers(layout: Layout, card_ids: list[str], band: Rect) -> dict[str, tuple[float, float]]:
    """Each emotion card's marker centre, relative to its lane."""
    centres = {card_id: layout.marker_centre(card_id) for card_id in card_ids}
    return {card_id: (c[0] - band.x, c[1] - band.y) for card_id, c in centres.items() if c is not None}


def _curve(root: ET.Element, lane_id: str, points: list[tuple[float, float]]) -> None:
    """The emotion curve: an unconnected edge inside the lane through its markers, left to right."""
    cell = ET.SubElement(root, "mxCell", {
        "id": f"curve-{lane_id}", "value": "",
        "style": f"endArrow=none;html=1;rounded=1;strokeWidth=2;strokeColor={st.CURVE};",
        "edge": "1", "parent": f"lane-{lane_id}",
    })
    geometry = ET.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
    (x0, y0), *middle, (x1, y1) = points
    ET.SubElement(geometry, "mxPoint", {"x": _num(x0), "y": _num(y0), "as": "sourcePoint"})
    ET.SubElement(geometry, "mxPoint", {"x": _num(x1), "y": _num(y1), "as": "targetPoint"})
    if middle:
        array = ET.SubElement(geometry, "Array", {"as": "points"})
        for x, y in middle:
            ET.SubElement(array, "mxPoint", x=_num(x), y=_num(y))


def _card_label(card: Card, kind: str, language: str, personas: dict[str, str]) -> str:
    chips = []
    if card.persona and personas.get(card.persona, "").strip():
        chips.append(_html(personas[card.persona]))
    if card.fail:
        chips.append(f'<font color="{st.FAIL}"><b>F</b> {_html(board_word("Fail point", language))}</font>')
    if card.wait:
        chips.append(f'<font color="{st.WAIT}"><b>W</b></font> {_html(card.wait)}')
    if card.channel:
        chips.append(_html(card.channel))
    if card.score is not None:
        chips.append(f"{signed_score(card.score)} {board_word(SCORE_LABELS[card.score], language)}")
    chips += [_html(f"#{tag}") for tag in card.tags or ()]
    label = _html(card.text)
    if chips:
        muted = st.card_inks(st.card_fill(kind, card.color))[1]
        label += f'<br><font color="{muted}" style="font-size: {st.CHIP_SIZE}px">{" · ".join(chips)}</font>'
    return label


def _card_style(card: Card, kind: str) -> str:
    border = st.FAIL if card.fail else st.card_border(kind, card.color)
    fill = st.card_fill(kind, card.color)
    return (f"rounded=1;absoluteArcSize=1;arcSize={2 * st.CARD_RADIUS};whiteSpace=wrap;html=1;"
            f"fillColor={fill};strokeColor={border};fontColor={st.card_inks(fill)[0]};"
            f"fontSize={st.CARD_SIZE};align=left;verticalAlign=top;spacingLeft={st.CARD_PAD_X - 2};"
            f"spacingTop={st.CARD_PAD_Y - 4};")


def _vertex(root: ET.Element, cell_id: str, value: str, rect: Rect, parent: str, style: str) -> None:
    cell = ET.SubElement(root, "mxCell", {"id": cell_id, "value": value, "style": style, "vertex": "1",
                                          "parent": parent})
    ET.SubElement(cell, "mxGeometry", {"x": _num(rect.x), "y": _num(rect.y), "width": _num(rect.w),
                                       "height": _num(rect.h), "as": "geometry"})


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def _html(text: str) -> str:
    """Plain text as an HTML label: escaped, line breaks as <br>, XML-illegal characters dropped."""
    return html.escape(_clean(text), quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
