"""The floors: the simplest thing Qt, svgwrite and reportlab can do with the same cards.

Each floor draws what the board shows at its barest: one rectangle and the wrapped text
per card at the layout's positions, one 1-px straight line per link. Touchline's figures
are divided by these, measured in the same run, because the machine's speed varies.
"""

from __future__ import annotations

import io

import svgwrite
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QFont, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from model.fonts import FONT_FAMILY, FONT_FILES
from model.layout import Layout

FLOOR_FONT = "Bench-NotoSans"
TEXT_SIZE = 13
LINE_HEIGHT = 18


def _link_ends(layout: Layout) -> list[tuple[float, float, float, float]]:
    ends = []
    for link in layout.document.links():
        a, b = layout.cards[link.source], layout.cards[link.target]
        ends.append((a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2))
    return ends


def bare_scene(layout: Layout) -> QGraphicsScene:
    """A QGraphicsScene of plain rectangles, text items and 1-px lines."""
    scene = QGraphicsScene()
    scene.setSceneRect(QRectF(0, 0, layout.width, layout.height))
    font = QFont(FONT_FAMILY)
    font.setPixelSize(TEXT_SIZE)
    pen = QPen()
    pen.setWidthF(1.0)
    for x1, y1, x2, y2 in _link_ends(layout):
        line = QGraphicsLineItem(QLineF(x1, y1, x2, y2))
        line.setPen(pen)
        scene.addItem(line)
    for card in layout.cards.values():
        rect = QGraphicsRectItem(0, 0, card.w, card.h)
        rect.setPos(QPointF(card.x, card.y))
        text = QGraphicsSimpleTextItem("\n".join(card.lines), rect)
        text.setFont(font)
        text.setPos(12, 10)
        scene.addItem(rect)
    return scene


def raw_svg(layout: Layout) -> str:
    """The same cards and lines written with svgwrite directly."""
    drawing = svgwrite.Drawing(size=(layout.width, layout.height), debug=False)
    for x1, y1, x2, y2 in _link_ends(layout):
        drawing.add(drawing.line((x1, y1), (x2, y2), stroke="#64748B", debug=False))
    for card in layout.cards.values():
        drawing.add(drawing.rect((card.x, card.y), (card.w, card.h), fill="#E8F1FE", debug=False))
        for i, line in enumerate(card.lines):
            drawing.add(drawing.text(line, insert=(card.x + 12, card.y + 24 + i * LINE_HEIGHT),
                                     font_size=TEXT_SIZE, debug=False))
    return drawing.tostring()


def raw_pdf(layout: Layout) -> bytes:
    """The same cards and lines drawn with reportlab directly, text in the embedded TTF."""
    if FLOOR_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FLOOR_FONT, str(FONT_FILES[False])))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(layout.width, layout.height), pageCompression=1,
                    initialFontName=FLOOR_FONT)
    height = layout.height
    for x1, y1, x2, y2 in _link_ends(layout):
        canvas.line(x1, height - y1, x2, height - y2)
    canvas.setFont(FLOOR_FONT, TEXT_SIZE)
    for card in layout.cards.values():
        canvas.rect(card.x, height - card.y - card.h, card.w, card.h, fill=0)
        for i, line in enumerate(card.lines):
            canvas.drawString(card.x + 12, height - (card.y + 24 + i * LINE_HEIGHT), line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
