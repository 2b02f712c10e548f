"""Which arrows one edit routes again: exactly those whose drawing can change, and the result is a fresh layout's.

An arrow is drawn from its two end cards, whether a card of their column stands between
them (``detour``), and for ends two or more columns apart the lane whose padding its
channel runs along. A move routes again the links of the cards it restacked and the links
of one column whose detour answer changed; the links of the lanes that moved (their ends or
their channel's lane), none of whose cards it restacked, wait to be routed when shown
(``LayoutDelta.waiting``, tests/test_deferred_links.py).
"""

from __future__ import annotations

import cProfile
import pstats
import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from boards import synthetic_board

from model import Card, Document, Lane, Link, Stage
from model.layout import Layout


def _same_as_fresh(layout: Layout, document: Document) -> None:
    fresh = Layout(document)
    assert {k: (g.x, g.y, g.shape) for k, g in layout.cards.items()} == \
        {k: (g.x, g.y, g.shape) for k, g in fresh.cards.items()}
    changed = sorted(k for k in fresh.links if layout.links.get(k) != fresh.links[k])
    assert not changed, f"links drawn differently from a fresh layout: {changed[:5]}"
    assert set(layout.links) == set(fresh.links)
    assert layout.background == fresh.background


def _routes(step: Callable[[], object]) -> int:
    """How many arrows ``step`` routes (calls of model.links.link_geometry)."""
    profile = cProfile.Profile()
    profile.enable()
    step()
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return sum(calls for (_, _, name), (_, calls, *_) in stats.items() if name == "link_geometry")


@pytest.mark.parametrize("links", ["local", "spanning"])
def test_a_move_routes_only_the_arrows_whose_drawing_can_change(links: str) -> None:
    """At 5,000 cards: the links of the cards whose place changed, and the arrows whose
    drawing changed though their cards did not (a detour round a card that came or went);
    not every link of the two columns (326 on the local board before, now ~106)."""
    document = synthetic_board(5000, links=links)
    layout = Layout(document)
    document.changed.connect(layout.apply)
    card_id = "c2502"  # mid-board, mid-cell: the cards below it in both cells move
    card = document.card(card_id)
    stages = [s.id for s in document.stages]
    there = stages[stages.index(card.stage) + 1]
    before_cards = {k: (g.x, g.y, g.shape) for k, g in layout.cards.items()}
    before_links = dict(layout.links)
    routed = _routes(lambda: document.move_card(card_id, there, card.lane, document.card_index(card_id)))
    # This move grows the card's lane, so every lane below moves: their arrows, none of whose cards
    # was restacked, wait to be routed when shown (LayoutDelta.waiting); reading them routes them.
    waiting = set(layout._unrouted)
    moved = {k for k, g in layout.cards.items() if before_cards.get(k) != (g.x, g.y, g.shape)}
    redrawn = {k for k, g in layout.links.items() if before_links.get(k) != g}
    ends_moved = {link.id for k in moved for link in document.links_of(k)}
    assert len(moved) > 10  # the case this test is about: two cells restacked
    assert routed + len(waiting) == len(ends_moved | redrawn), (routed, len(ends_moved), len(redrawn - ends_moved))
    assert len(waiting) > 2000 and routed < 150  # the restacked cells' links, not the lanes'
    column_links = sum(1 for link in document.links()
                       if document.card(link.source).stage == document.card(link.target).stage
                       and document.card(link.source).stage in (card.stage, there))
    assert routed < len(ends_moved) + column_links  # the columns' other links were left alone
    _same_as_fresh(layout, document)


def test_an_arrow_follows_its_channel_when_only_the_lane_between_its_ends_moves() -> None:
    """A card moves from the third lane to the first: the first grows as much as the third
    shrinks, so the second lane moves down while both ends of an arrow from the first lane to
    the fourth, three columns on, stay put. Its channel runs in the second lane's padding."""
    stages = [Stage(f"s{i}", f"Stage {i}") for i in range(4)]
    lanes = [Lane(f"l{i}", f"Lane {i}", "frontstage") for i in range(4)]
    text = "the same few words on every card"
    cards = [Card(f"a{i}", "l0", "s1", text) for i in range(5)] + [Card(f"b{i}", "l2", "s1", text) for i in range(6)]
    cards += [Card("source", "l0", "s0", "from"), Card("target", "l3", "s3", "to")]
    document = Document.build(title="Channel", description=None, stages=stages, lanes=lanes, cards=cards,
                              links=[Link("arrow", "source", "target")], personas=[], extra={})
    layout = Layout(document)
    document.changed.connect(layout.apply)
    ends = (layout.card_rect("source"), layout.card_rect("target"))
    second_lane, curve = layout.cell_rect("s0", "l1").y, layout.links["arrow"].curve
    document.move_card("b5", "s1", "l0", 0)
    assert layout.cell_rect("s0", "l1").y > second_lane  # the lane between moved
    assert (layout.card_rect("source"), layout.card_rect("target")) == ends  # its ends did not
    assert layout.links["arrow"].curve != curve
    _same_as_fresh(layout, document)


def _followed(document: Document) -> tuple[Layout, list[str], list[str]]:
    """A layout kept up to date with ``document``'s edits, and the document's stage and lane ids."""
    layout = Layout(document)
    document.changed.connect(layout.apply)
    return layout, [s.id for s in document.stages], [lane.id for lane in document.lanes]


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_on_a_board_of_many_column_links_match_a_fresh_layout(seed: int) -> None:
    """Moves, adds, removals and text edits on a board where many links join cards of one
    column across lanes (the detours the incremental path decides on), compared after each."""
    rng = random.Random(seed)
    document = synthetic_board(150, seed=seed, stage_count=4, links=("local", "spanning")[seed % 2])
    ids = [c.id for c in document.cards()]
    for i in range(50):
        a = document.card(rng.choice(ids))
        column = [c.id for c in document.cards() if c.stage == a.stage]
        document.add_link(Link(f"x{i}", a.id, rng.choice(column), "why" if rng.random() < 0.05 else None))
    layout, stages, lanes = _followed(document)
    for _ in range(40):
        ids = [c.id for c in document.cards()]
        roll = rng.random()
        if roll < 0.6:
            document.move_card(rng.choice(ids), rng.choice(stages), rng.choice(lanes),
                               rng.choice((None, 0, 1, 3, 10)))
        elif roll < 0.75:
            document.add_card(Card(document.new_id("card"), rng.choice(lanes), rng.choice(stages),
                                   "a new card " * rng.randint(1, 6)), rng.choice((None, 0, 2)))
        elif roll < 0.85:
            document.remove_card(rng.choice(ids))
        else:
            document.set_card_field(rng.choice(ids), "text", "edited " * rng.randint(1, 12))
        _same_as_fresh(layout, document)


@pytest.mark.parametrize("seed", range(3))
def test_labels_kept_off_other_arrows_are_placed_as_a_fresh_layout_places_them(seed: int) -> None:
    """A label sits where it covers no other arrow near it (model.links._label_centre): adding, removing
    and moving arrows and cards round labels leaves each label where a fresh layout puts it."""
    rng = random.Random(seed)
    document = synthetic_board(60, seed=seed, stage_count=3, links="local")
    layout, stages, lanes = _followed(document)
    for i in range(60):
        ids = [c.id for c in document.cards()]
        roll = rng.random()
        if roll < 0.35:
            a = document.card(rng.choice(ids))
            near = [c.id for c in document.cards() if abs(stages.index(c.stage) - stages.index(a.stage)) <= 1]
            document.add_link(Link(f"y{i}", a.id, rng.choice(near), rng.choice((None, "then", "if late"))))
        elif roll < 0.55 and next(document.links(), None) is not None:
            document.remove_link(rng.choice([k.id for k in document.links()]))
        elif roll < 0.65:
            link = rng.choice(list(document.links()))
            document.set_link_field(link.id, "label", None if link.label else "why")
        else:
            document.move_card(rng.choice(ids), rng.choice(stages), rng.choice(lanes), rng.choice((None, 0, 2)))
        _same_as_fresh(layout, document)
