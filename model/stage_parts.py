"""A stage column walked in parts: where the presentation's screens of one tall stage begin.

The presentation shows a stage at a readable zoom (card text at least 24 px on the
screen). When the column is taller than the screen at that zoom it is shown in parts,
one below the other, and the walk glides down through them before it moves on to the
next stage. As with the PDF tiles (exporters/pages.py), every card is whole on some
screen: each screen begins at the top of the first card the screens before it did not
show whole (at the lane's top when the card is the lane's first, so the lane is seen
beginning). That is the fewest screens that show every card whole, and it skips the
empty height of a lane made tall by another stage's cards. An empty cell counts as a
card of one lane's minimum height, so every lane is seen (and can be captured into).

Qt-free: numbers in board coordinates in, the ranges each screen shows out.
"""

from __future__ import annotations

from dataclasses import dataclass

from model import style as st
from model.layout import Layout

TOP_ROOM = 12.0  # board px above a screen's first card, so it does not touch the caption
# A screen whose first card is its lane's first begins at the lane's top (the card sits
# this far below it, the cell's padding), so the lane boundary and its line show.
LANE_TOP_REACH = 2 * st.CELL_PAD_Y


@dataclass(frozen=True, slots=True)
class Part:
    """One screen of a stage: ``top``..``bottom`` is what it shows (board y), ``start`` where its own content begins.

    ``start`` is the top of the first card no earlier screen showed whole (or of its
    lane); the screen shows from ``top`` (a little above ``start``, or more for the last
    part, which ends with the stage so the screen stays full) to ``bottom``.
    """

    start: float
    top: float
    bottom: float


def plan_parts(top: float, bottom: float, span: float, blocks: list[tuple[float, float]],
               boundaries: list[float]) -> list[Part]:
    """The screens a column from ``top`` to ``bottom`` needs when a screen shows ``span`` of it.

    ``blocks`` are the (top, bottom) extents to show whole (cards, the header; one taller
    than a screen is shown in screen-high pieces); ``boundaries`` are the lanes' tops.
    """
    if span <= 0:
        raise ValueError(f"a screen must show something of the stage (span {span})")
    if bottom - top <= span:
        middle = (top + bottom) / 2
        return [Part(top, middle - span / 2, middle + span / 2)]
    piece = max(span - 2 * TOP_ROOM, 1.0)
    remaining: list[tuple[float, float]] = []
    for lo, hi in sorted(blocks):
        while hi - lo > piece:  # taller than a screen: whole it cannot be, so piece by piece
            remaining.append((lo, lo + piece))
            lo += piece
        remaining.append((lo, hi))
    tops = [top]
    while True:
        window = tops[-1]
        end = window + span
        remaining = [(lo, hi) for lo, hi in remaining if not (window <= lo and hi <= end)]
        if not remaining or end >= bottom:
            break
        first = min(lo for lo, _hi in remaining)
        lane_tops = [b for b in boundaries if first - LANE_TOP_REACH <= b <= first]
        following = (max(lane_tops) if lane_tops else first) - TOP_ROOM
        tops.append(max(following, window + 1.0))  # always onwards (a block above was cut plainly)
    parts = [Part(top, top, top + span)]
    parts += [Part(t + TOP_ROOM, t, t + span) for t in tops[1:]]
    last = parts[-1]
    if last.bottom > bottom:  # the last screen ends with the stage and shows more above
        parts[-1] = Part(last.start, max(top, bottom - span), max(top, bottom - span) + span)
    return parts


def stage_parts(layout: Layout, stage_id: str, span: float) -> list[Part]:
    """The screens of stage ``stage_id`` from its header to its last lane, ``span`` board px each."""
    header = layout.stage_headers[stage_id].rect
    lanes = sorted((h.rect.y, h.rect.y + h.rect.h) for h in layout.lane_headers.values())
    bottom = lanes[-1][1] if lanes else header.y + header.h
    lanes_top = lanes[0][0] if lanes else bottom
    # The header and what sits between it and the lanes (the metric charts) stay together.
    blocks = [(header.y, lanes_top)]
    doc = layout.document
    for lane in doc.lanes:
        cards = [layout.cards[c] for c in doc.cell_cards(stage_id, lane.id) if c in layout.cards]
        for card in cards:
            blocks.append((card.y, card.y + card.h))
        if not cards:  # an empty cell: its top, where a card would be captured
            lane_rect = layout.lane_headers[lane.id].rect
            blocks.append((lane_rect.y, lane_rect.y + min(lane_rect.h, st.MIN_LANE_H)))
    boundaries = [lo for lo, _hi in lanes[1:]]
    return plan_parts(header.y - TOP_ROOM, bottom + TOP_ROOM, span, blocks, boundaries)
