"""The rubber band's choice, worked out from the layout instead of asking every item (issue 9, point 4).

Qt's own band (QGraphicsScene.setSelectionArea) asks every item under it for its shape on
each move, selects and deselects one item at a time with a Python itemChange each, and
repaints the whole band: with 1,000 cards under it a move cost ~50-90 ms. Here the cards
the band meets come from a grid over the layout's card boxes, tested exactly against each
card's rounded body (and an emotion card's marker, as CardItem.shape), and only what
changed since the last move is selected or deselected. An arrow is chosen when the band
encloses its whole curve, as on release before; stage and lane headers when it meets them.
"""

from __future__ import annotations

from math import floor

from model import style as st
from model.layout import CardGeometry, Layout

BUCKET = 512.0  # scene px: a grid cell's side
MARKER_HIT = 15.0  # CardItem's marker radius for hits (canvas.items.MARKER_HIT)

Box = tuple[float, float, float, float]  # left, top, right, bottom


class CardGrid:
    """The layout's cards by the grid cells their boxes touch (made when a band starts)."""

    def __init__(self, layout: Layout) -> None:
        # Each card with the box of what a band can meet of it (worked out once, not at every move).
        self._cells: dict[tuple[int, int], list[tuple[CardGeometry, Box]]] = {}
        for geometry in layout.cards.values():
            reach = _reach(geometry)
            left, top, right, bottom = reach
            for i in range(floor(left / BUCKET), floor(right / BUCKET) + 1):
                for j in range(floor(top / BUCKET), floor(bottom / BUCKET) + 1):
                    self._cells.setdefault((i, j), []).append((geometry, reach))

    def cards_meeting(self, band: Box) -> set[str]:
        """Ids of the cards whose shape meets the band (scene coordinates)."""
        left, top, right, bottom = band
        found: set[str] = set()
        cells = self._cells
        for i in range(floor(left / BUCKET), floor(right / BUCKET) + 1):
            for j in range(floor(top / BUCKET), floor(bottom / BUCKET) + 1):
                for geometry, (x0, y0, x1, y1) in cells.get((i, j), ()):
                    # Most cards under a band lie inside it whole: that needs no closer look.
                    if geometry.id not in found and ((left <= x0 and top <= y0 and x1 <= right and y1 <= bottom)
                                                     or meets_card(geometry, band)):
                        found.add(geometry.id)
        return found


    def rechoose(self, chosen: set[str], band: Box, before: Box) -> set[str]:
        """The cards the band meets now, from those it met at ``before`` (only where the two differ is looked at)."""
        found = set(chosen)
        seen: set[str] = set()
        cells = self._cells
        b0, b1, b2, b3 = band
        for left, top, right, bottom in difference(band, before) + difference(before, band):
            for i in range(floor(left / BUCKET), floor(right / BUCKET) + 1):
                for j in range(floor(top / BUCKET), floor(bottom / BUCKET) + 1):
                    for geometry, (x0, y0, x1, y1) in cells.get((i, j), ()):
                        card_id = geometry.id
                        if card_id in seen:
                            continue
                        seen.add(card_id)
                        if (b0 <= x0 and b1 <= y0 and x1 <= b2 and y1 <= b3) or meets_card(geometry, band):
                            found.add(card_id)
                        else:
                            found.discard(card_id)
        return found


def difference(a: Box, b: Box) -> list[Box]:
    """Boxes covering what of ``a`` lies outside ``b`` (edges shared: a card on the edge is looked at)."""
    left, top, right, bottom = a
    if b[2] < left or b[0] > right or b[3] < top or b[1] > bottom or b[0] > b[2] or b[1] > b[3]:
        return [a]
    parts = []
    if b[1] > top:
        parts.append((left, top, right, b[1]))
    if b[3] < bottom:
        parts.append((left, b[3], right, bottom))
    middle_top, middle_bottom = max(top, b[1]), min(bottom, b[3])
    if b[0] > left:
        parts.append((left, middle_top, b[0], middle_bottom))
    if b[2] < right:
        parts.append((b[2], middle_top, right, middle_bottom))
    return parts


def _reach(geometry: CardGeometry) -> Box:
    """A box holding everything of the card a band can meet."""
    x, y = geometry.x, geometry.y
    left, top, right, bottom = x, y, x + geometry.w, y + geometry.h
    marker = geometry.shape.marker
    if marker is not None:
        mx, my = x + marker[0], y + marker[1]
        left, top = min(left, mx - MARKER_HIT), min(top, my - MARKER_HIT)
        right, bottom = max(right, mx + MARKER_HIT), max(bottom, my + MARKER_HIT)
    return left, top, right, bottom


def meets_card(geometry: CardGeometry, band: Box) -> bool:
    """Whether the band meets the card's rounded body or its emotion marker (CardItem.shape)."""
    x, y = geometry.x, geometry.y
    body = geometry.shape.body
    if body is not None:
        x0, y0, x1, y1 = x + body[0], y + body[1], x + body[0] + body[2], y + body[1] + body[3]
    else:
        x0, y0, x1, y1 = x, y, x + geometry.w, y + geometry.h
    if meets_rounded(band, (x0, y0, x1, y1), st.CARD_RADIUS):
        return True
    marker = geometry.shape.marker
    return marker is not None and _meets_circle(band, x + marker[0], y + marker[1], MARKER_HIT)


def meets_rounded(band: Box, box: Box, radius: float) -> bool:
    """Whether two boxes meet, the second with corners rounded by ``radius``."""
    left, top, right, bottom = band
    x0, y0, x1, y1 = box
    if right < x0 or left > x1 or bottom < y0 or top > y1:
        return False
    radius = min(radius, (x1 - x0) / 2, (y1 - y0) / 2)
    if (right >= x0 + radius and left <= x1 - radius) or (bottom >= y0 + radius and top <= y1 - radius):
        return True  # it meets the box's cross, away from the corners
    # Only a corner square is met: the band must reach that corner's circle.
    cx = x0 + radius if right < x0 + radius else x1 - radius
    cy = y0 + radius if bottom < y0 + radius else y1 - radius
    return _meets_circle(band, cx, cy, radius)


def _meets_circle(band: Box, cx: float, cy: float, radius: float) -> bool:
    left, top, right, bottom = band
    dx = max(left - cx, 0.0, cx - right)
    dy = max(top - cy, 0.0, cy - bottom)
    return dx * dx + dy * dy <= radius * radius


def contains(band: Box, box: Box) -> bool:
    """Whether the band holds the box whole."""
    return band[0] <= box[0] and band[1] <= box[1] and box[2] <= band[2] and box[3] <= band[3]
