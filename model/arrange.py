"""Tidy: reorder the cards inside each cell so that fewer arrows cross.

A barycentric sweep (Sugiyama et al. 1981) over the board's cells: each cell's cards are
sorted by the mean vertical position of the cards they are linked to, cell after cell going
down the lanes and then back up, for a few rounds. Ties keep the current order (a stable
sort), so the result is deterministic. Only the order inside a cell changes: no card leaves
its cell. The order kept is the one with the fewest crossings seen, and never one with more
crossings than the board has now.

Crossings are counted on a simple model: each link is the straight segment between its two
cards' centres, as placed by ``model.layout.Layout``; two segments that properly cross count
one. Links sharing a card and self-links never cross. Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from model import style as st
from model.document import Document
from model.layout import Layout

Order = dict[tuple[str, str], list[str]]
Point = tuple[float, float]

ITERATIONS = 4


class _Geometry:
    """What a card's centre depends on, with the in-cell order left open."""

    def __init__(self, document: Document) -> None:
        layout = Layout(document)
        self.height = {cid: g.h for cid, g in layout.cards.items()}
        self.centre_x = {cid: g.x + g.w / 2 for cid, g in layout.cards.items()}
        self.cell_top: dict[tuple[str, str], float] = {}
        for cell, ids in document.cells():
            self.cell_top[cell] = min(layout.cards[cid].y for cid in ids)
        self.links = [(link.source, link.target) for link in document.links() if link.source != link.target]

    def centres(self, order: Mapping[tuple[str, str], Sequence[str]]) -> dict[str, Point]:
        """Every card's centre when the cells hold ``order`` (the same stacking rule as Layout)."""
        points: dict[str, Point] = {}
        for cell, ids in order.items():
            y = self.cell_top.get(cell, 0.0)
            for cid in ids:
                h = self.height[cid]
                points[cid] = (self.centre_x[cid], y + h / 2)
                y += h + st.CARD_GAP
        return points

    def crossings(self, order: Mapping[tuple[str, str], Sequence[str]]) -> int:
        """How many pairs of link segments cross with the cells in ``order``."""
        return _count_crossings(self.links, self.centres(order))


def current_order(document: Document) -> Order:
    """The cells' card orders as they are now."""
    return {cell: list(ids) for cell, ids in document.cells()}


def crossings(document: Document, order: Mapping[tuple[str, str], Sequence[str]] | None = None) -> int:
    """Pairs of links whose straight segments cross, now or with the cells in ``order``."""
    geometry = _Geometry(document)
    return geometry.crossings(current_order(document) if order is None else order)


def arranged_order(document: Document) -> Order:
    """Each cell's cards in the order that crosses the fewest arrows found by the sweep."""
    geometry = _Geometry(document)
    start = current_order(document)
    if not geometry.links:
        return start
    neighbours: dict[str, list[str]] = {cid: [] for ids in start.values() for cid in ids}
    for source, target in geometry.links:
        neighbours[source].append(target)
        neighbours[target].append(source)
    lane_index = {lane.id: i for i, lane in enumerate(document.lanes)}
    stage_index = {stage.id: i for i, stage in enumerate(document.stages)}
    down = sorted((cell for cell, ids in start.items() if len(ids) > 1),
                  key=lambda cell: (lane_index[cell[1]], stage_index[cell[0]]))
    best, best_count = start, geometry.crossings(start)
    order = {cell: list(ids) for cell, ids in start.items()}
    for _ in range(ITERATIONS):
        if best_count == 0:
            break
        for sweep in (down, down[::-1]):
            for cell in sweep:
                centres = geometry.centres(order)
                order[cell] = sorted(order[cell], key=lambda cid: _barycentre(cid, neighbours, centres))
            count = geometry.crossings(order)
            if count < best_count:
                best, best_count = {cell: list(ids) for cell, ids in order.items()}, count
    return best


def _barycentre(card_id: str, neighbours: Mapping[str, list[str]], centres: Mapping[str, Point]) -> float:
    """Mean height of a card's linked cards; its own height when it has none."""
    linked = neighbours[card_id]
    if not linked:
        return centres[card_id][1]
    return sum(centres[other][1] for other in linked) / len(linked)


def _count_crossings(links: Sequence[tuple[str, str]], centres: Mapping[str, Point]) -> int:
    """Proper crossings among segments, compared only where their bounding boxes overlap."""
    segments = []
    for source, target in links:
        (x1, y1), (x2, y2) = centres[source], centres[target]
        segments.append((min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2), source, target, (x1, y1), (x2, y2)))
    segments.sort(key=lambda s: s[0])
    count = 0
    for i, a in enumerate(segments):
        for b in segments[i + 1:]:
            if b[0] > a[1]:
                break  # sorted by left edge: nothing further overlaps a horizontally
            if b[3] < a[2] or b[2] > a[3]:
                continue
            if {a[4], a[5]} & {b[4], b[5]}:
                continue
            if _cross(a[6], a[7], b[6], b[7]):
                count += 1
    return count


def _orient(p: Point, q: Point, r: Point) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _cross(p1: Point, p2: Point, q1: Point, q2: Point) -> bool:
    """Whether two segments cross at a single point inside both (touching does not count)."""
    d1, d2 = _orient(q1, q2, p1), _orient(q1, q2, p2)
    d3, d4 = _orient(p1, p2, q1), _orient(p1, p2, q2)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))
