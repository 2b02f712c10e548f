"""Edit › Copy as image: the selected cards (with the arrows between them) or the whole board.

Painted from the layout's primitives with the same QPainter code as the PNG export, so a
pasted picture is the export's picture. The clipboard gets a PNG image and, for the whole
board, the SVG too (vector programs paste that).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from exporters.qtpaint import draw_primitives
from model.layout import Layout
from model.primitives import Primitive, translated

PADDING = 16.0  # board px around a selection
SCALE = 2.0  # pasted into slides and documents: twice the screen resolution stays crisp


def _selection(layout: Layout, card_ids: set[str]) -> tuple[list[Primitive], tuple[float, float, float, float]]:
    """The selected cards' drawing, the arrows with both ends among them, and their bounds."""
    document = layout.document
    links = [layout.links[link.id] for link in document.links()
             if link.source in card_ids and link.target in card_ids and link.id in layout.links]
    prims: list[Primitive] = []
    for link in links:
        prims += link.primitives
    left = top = math.inf
    right = bottom = -math.inf
    for card in layout.ordered_cards():
        if card.id not in card_ids:
            continue
        prims += [translated(p, card.x, card.y) for p in card.primitives]
        left, top = min(left, card.x), min(top, card.y)
        right, bottom = max(right, card.x + card.w), max(bottom, card.y + card.h + 2)
    for link in links:
        prims += link.label
        x, y, w, h = link.bounds
        left, top, right, bottom = min(left, x), min(top, y), max(right, x + w), max(bottom, y + h)
    return prims, (left - PADDING, top - PADDING, right - left + 2 * PADDING, bottom - top + 2 * PADDING)


def board_image(layout: Layout, card_ids: Iterable[str] = (), scale: float = SCALE) -> QImage:
    """The selected cards (or, with none, the whole board) as an image at ``scale`` image px per board px."""
    selected = {card_id for card_id in card_ids if card_id in layout.cards}
    if selected:
        prims, (x, y, w, h) = _selection(layout, selected)
    else:
        prims, (x, y, w, h) = list(layout.primitives()), (0.0, 0.0, layout.width, layout.height)
    image = QImage(math.ceil(w * scale), math.ceil(h * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(scale, scale)
        painter.translate(-x, -y)
        draw_primitives(painter, prims, hairline=False)
    finally:
        painter.end()
    return image


def copy_to_clipboard(layout: Layout, card_ids: Iterable[str] = ()) -> QImage:
    """Put the picture on the clipboard (PNG, and SVG for the whole board); returns the image."""
    ids = list(card_ids)
    image = board_image(layout, ids)
    data = QMimeData()
    data.setImageData(image)
    if not ids:
        from exporters.svg import render_svg

        data.setData("image/svg+xml", render_svg(layout).encode("utf-8"))
    QGuiApplication.clipboard().setMimeData(data)
    return image
