"""A stage column walked in parts: where the presentation's screens of one tall stage begin.

The presentation shows a stage at a readable zoom (card text at least 24 px on the
screen). When the column is taller than the screen at that zoom it is shown in parts,
one below the other, and the walk glides down through them before it moves on to the
next stage. Like the PDF tiles (exporters/pages.py), a part never ends inside a card
without the next part starting at that card's top, so every card is whole on some
screen; where it can, a part ends between two lanes rather than between two cards of a
lane, so that a lane is talked about on one screen.

Qt-free: numbers in board coordinates in, the ranges each screen shows out.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.layout import Layout

# A part that could end between two lanes does, if that keeps at least this share of
# the screen for it; further up, a lane boundary would cost a screen more than it saves.
LANE_CUT_SHARE = 0.8
# A card as tall as this share of the screen (or more) cannot move to the next part
# whole and still leave room: the part is cut where the screen ends (pages.py does so too).
PLAIN_CUT_SHARE = 0.25
TOP_ROOM = 12.0  # board px above a part's first card, so it does not touch the caption


@dataclass(frozen=True, slots=True)
class Part:
    """One screen of a stage: ``top``..``bottom`` is what it shows (board y), ``start`` where it begins.

    ``start`` is the part's own first line (the one after the previous part's end); the
    screen shows from ``top`` (a little above ``start``, or more for the last part,
    which is aligned to the stage's bottom so the screen stays full) to ``bottom``.
    """

    start: float
    top: float
    bottom: float


def plan_parts(top: float, bottom: float, span: float, blocks: list[tuple[float, float]],
               boundaries: list[float]) -> list[Part]:
    """The screens a column from ``top`` to ``bottom`` needs when a screen shows ``span`` of it.

    ``blocks`` are the (top, bottom) extents nothing may cut (cards, the header); a part
    ends at a lane boundary (``boundaries``) in the lowest fifth of its screen, else at the
    top of the first block the screen's end would cut, else where the screen ends.
    """
    if span <= 0:
        raise ValueError(f"a screen must show something of the stage (span {span})")
    if bottom - top <= span:
        middle = (top + bottom) / 2
        return [Part(top, middle - span / 2, middle + span / 2)]
    starts = [top]
    while True:
        start = starts[-1]
        shown_from = start - (TOP_ROOM if len(starts) > 1 else 0.0)
        end = shown_from + span
        if end >= bottom:
            break
        lanes = [b for b in boundaries if start + span * LANE_CUT_SHARE <= b <= end
                 and not any(lo < b < hi for lo, hi in blocks)]
        if lanes:
            cut = max(lanes)
        else:
            cut = end
            moved = True
            while moved:  # back to the top of whatever the cut would go through
                moved = False
                for lo, hi in blocks:
                    if lo < cut < hi and start < lo:
                        cut, moved = lo, True
            if cut <= start + span * PLAIN_CUT_SHARE:  # a block as tall as the screen: cut plainly
                cut = end
        starts.append(cut)
    parts = []
    for i, start in enumerate(starts):
        if i == len(starts) - 1:  # the last screen ends with the stage and shows more above
            parts.append(Part(start, max(top, bottom - span), max(top, bottom - span) + span))
        else:
            shown_from = start - (TOP_ROOM if i else 0.0)
            parts.append(Part(start, shown_from, shown_from + span))
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
        for card_id in doc.cell_cards(stage_id, lane.id):
            card = layout.cards.get(card_id)
            if card is not None:
                blocks.append((card.y, card.y + card.h))
    boundaries = [lo for lo, _hi in lanes[1:]]
    return plan_parts(header.y - TOP_ROOM, bottom + TOP_ROOM, span, blocks, boundaries)
