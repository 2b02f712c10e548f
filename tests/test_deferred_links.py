"""A layout whose arrows are routed later (``defer_links``): what the editor opens with (issue 9).

Every card is placed at once (the board's size needs them), but the arrows are routed when a
view is about to show them (``route_area``) and the rest after the first paint. These tests
hold that nothing can tell: an arrow left waiting never reaches the area asked for, the
arrows once routed are a fresh layout's (the stored digests of test_layout_output), anything
reading ``links`` or ``primitives()`` gets every arrow, and edits made while arrows wait end
exactly where a fresh layout of the edited board is.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from boards import synthetic_board
from test_layout_output import SETTINGS, STORED, boards, digest

from model import Card, Document, Link
from model.layout import Layout


def _meets(bounds: tuple[float, float, float, float], rect: tuple[float, float, float, float]) -> bool:
    x, y, w, h = bounds
    left, top, right, bottom = rect
    return x <= right and y <= bottom and x + w >= left and y + h >= top


def _varied_board(seed: int) -> Document:
    """A synthetic board with what routes differently: labels, links to themselves, two-way and
    depends arrows, links within a column (detours) and across many columns (channels)."""
    rng = random.Random(seed)
    document = synthetic_board(240, seed=seed, stage_count=6, links=("local", "spanning")[seed % 2])
    ids = [card.id for card in document.cards()]
    for i in range(60):
        a = document.card(rng.choice(ids))
        column = [c.id for c in document.cards() if c.stage == a.stage]
        target = rng.choice((a.id, rng.choice(column), rng.choice(ids)))
        document.add_link(Link(f"x{i}", a.id, target, "why" if rng.random() < 0.1 else None,
                               rng.choice(("flow", "twoway", "depends"))))
    return document


def _fresh_links(document: Document) -> dict[str, tuple[float, float, float, float]]:
    return {link_id: geometry.bounds for link_id, geometry in Layout(document).links.items()}


@pytest.mark.parametrize("seed", range(3))
def test_an_arrow_left_waiting_never_reaches_the_area_that_was_routed(seed: int) -> None:
    document = _varied_board(seed)
    fresh = _fresh_links(document)
    width, height = Layout(document).width, Layout(document).height
    rng = random.Random(seed)
    areas = [(0.0, 0.0, 1400.0, 900.0), (width - 600, height - 400, width, height)]
    areas += [(x, y, x + rng.uniform(50, 900), y + rng.uniform(50, 700))
              for x, y in ((rng.uniform(0, width), rng.uniform(0, height)) for _ in range(12))]
    for area in areas:
        layout = Layout(document, defer_links=True)
        waiting = layout.unrouted
        assert 0 < waiting < len(fresh)  # labelled arrows are routed at once; the rest wait
        routed = set(layout.route_area(*area))
        assert layout.unrouted == waiting - len(routed)
        # every arrow that shows in the area is routed (the ones not asked for may wait)
        shows = {link_id for link_id, bounds in fresh.items() if _meets(bounds, area)}
        assert {k for k in shows if layout.routed_link(k) is None} == set()
        assert all(layout.routed_link(k).bounds == fresh[k] for k in routed)  # type: ignore[union-attr]


@pytest.mark.parametrize("seed", range(3))
def test_each_waiting_arrow_is_drawn_inside_the_box_it_waits_with(seed: int) -> None:
    document = _varied_board(seed)
    layout = Layout(document, defer_links=True)
    fresh = _fresh_links(document)
    boxes = {link_id: tuple(layout._reach[i:i + 4]) for link_id, i in layout._unrouted.items()}
    assert boxes
    for link_id, (left, top, right, bottom) in boxes.items():
        x, y, w, h = fresh[link_id]
        assert left <= x and top <= y and x + w <= right and y + h <= bottom, link_id


def test_the_first_screen_of_a_large_board_routes_few_of_its_arrows() -> None:
    """Counted: opening at the board's start at 100% routes the arrows that can reach that screen,
    a small part of the board's (the rest after the first paint)."""
    for links in ("local", "spanning"):
        document = synthetic_board(5000, links=links)
        layout = Layout(document, defer_links=True)
        total = layout.unrouted
        routed = layout.route_area(0, 0, 1400, 900)
        assert total == len(list(document.links()))
        assert 0 < len(routed) < total // 10, (links, len(routed))


@pytest.mark.parametrize("seed", range(2))
def test_arrows_routed_in_any_order_draw_the_stored_board(seed: int) -> None:
    """The digests of every primitive, card and arrow (test_layout_output) with the arrows routed
    in pieces: an area first, then chunks, then the rest; arrows in a fresh layout's order."""
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    for name, document in boards().items():
        for legend, theme in SETTINGS:
            layout = Layout(document, legend=legend, theme=theme, defer_links=True)
            layout.route_area(rng.uniform(0, 800), rng.uniform(0, 800), 1400, 900)
            layout.route_some(rng.randint(1, 20))
            if seed:
                layout.route_rest()  # else digest() reads primitives(), which routes the rest itself
            assert digest(layout) == stored[f"{name} legend={legend} {theme}"], (name, legend, theme)
            assert layout.unrouted == 0
            fresh = Layout(document, legend=legend, theme=theme)
            assert list(layout.links) == list(fresh.links)
            assert layout._detoured == fresh._detoured


def test_reading_every_arrow_routes_the_ones_left() -> None:
    document = _varied_board(1)
    fresh = Layout(document)
    layout = Layout(document, defer_links=True)
    assert list(layout.primitives()) == list(fresh.primitives())
    assert layout.unrouted == 0
    layout = Layout(document, defer_links=True)
    assert layout.links == fresh.links and layout.unrouted == 0


def _boxes_hold_fresh_routes(layout: Layout, fresh: Layout) -> None:
    """Each arrow still waiting has a box holding the drawing a fresh layout gives it: a view
    routes it before it could show (``route_area``), wherever the edits left it."""
    for link_id, i in layout._unrouted.items():
        left, top, right, bottom = layout._reach[i:i + 4]
        x, y, w, h = fresh.links[link_id].bounds
        assert left <= x and top <= y and x + w <= right and y + h <= bottom, link_id


def _same_as_fresh(layout: Layout, document: Document) -> None:
    fresh = Layout(document)
    _boxes_hold_fresh_routes(layout, fresh)
    assert set(layout.links) == set(fresh.links)  # reading them routes those still waiting
    assert layout.unrouted == 0
    assert {k: (g.x, g.y, g.shape) for k, g in layout.cards.items()} == \
        {k: (g.x, g.y, g.shape) for k, g in fresh.cards.items()}
    changed = sorted(k for k in fresh.links if layout.links.get(k) != fresh.links[k])
    assert not changed, f"arrows drawn differently from a fresh layout: {changed[:5]}"
    assert set(layout.links) == set(fresh.links)
    assert layout._detoured == fresh._detoured
    assert layout.background == fresh.background


@pytest.mark.parametrize("seed", range(6))
def test_an_edit_while_arrows_wait_ends_as_a_fresh_layout(seed: int) -> None:
    """One edit on a layout with most arrows waiting (a board just opened): the edit is laid out,
    then the waiting arrows are routed against the edited board, never against the one before."""
    rng = random.Random(seed)
    document = _varied_board(seed)
    stages, lanes = [s.id for s in document.stages], [lane.id for lane in document.lanes]
    for step in range(12):
        layout = Layout(document, defer_links=True)
        layout.route_area(rng.uniform(0, 1000), rng.uniform(0, 1500), 1400, 900)
        document.changed.connect(layout.apply)
        ids = [c.id for c in document.cards()]
        waiting = [k for k in (link.id for link in document.links()) if layout.routed_link(k) is None]
        roll = step % 6
        if roll == 0:  # into the span of column links and out of a cell with links below
            document.move_card(rng.choice(ids), rng.choice(stages), rng.choice(lanes), rng.choice((None, 0, 2)))
        elif roll == 1:
            document.remove_link(rng.choice(waiting))
        elif roll == 2:
            document.remove_card(rng.choice(ids))  # its links first, each an event of its own
        elif roll == 3:
            document.set_card_field(rng.choice(ids), "text", "edited " * rng.randint(1, 12))
        elif roll == 4:
            document.set_link_field(rng.choice(waiting), "label", "now labelled")
        else:
            document.add_card(Card(document.new_id("card"), rng.choice(lanes), rng.choice(stages),
                                   "a new card " * rng.randint(1, 6)), 0)
        document.changed.disconnect(layout.apply)
        _same_as_fresh(layout, document)


def test_a_new_legend_or_lane_lays_every_arrow_out_at_once() -> None:
    document = _varied_board(2)
    layout = Layout(document, defer_links=True)
    assert layout.unrouted
    layout.set_legend(True)  # a recompute: nothing is left to wait
    assert layout.unrouted == 0
    document.changed.connect(layout.apply)
    document.set_lane_field(document.lanes[0].id, "name", "Renamed")
    _same_as_fresh_with_legend(layout, document)


def _same_as_fresh_with_legend(layout: Layout, document: Document) -> None:
    fresh = Layout(document, legend=True)
    assert layout.links == fresh.links and layout.background == fresh.background


@pytest.mark.parametrize("seed", range(4))
def test_a_deferred_layout_files_its_links_as_an_eager_one_and_waits_with_their_boxes(seed: int) -> None:
    """A deferred opening leaves the link index an eager layout leaves, and each waiting arrow's
    box (``_wait_for_route``) is its cards' box, stretched to its channel row, grown by ARROW_REACH."""
    from model import style as st
    from model.layout import ARROW_REACH

    document = _varied_board(seed)
    deferred, eager = Layout(document, defer_links=True), Layout(document)
    assert deferred._lane_links == eager._lane_links
    assert deferred._column_links == eager._column_links
    assert deferred._channel_links == eager._channel_links
    assert deferred._channel_of == eager._channel_of and eager._channel_of  # channels were there to file
    waiting = [link for link in document.links() if not link.label]
    assert list(deferred._unrouted) == [link.id for link in waiting]
    for link in waiting:
        ga, gb = eager.cards[link.source], eager.cards[link.target]
        left, top = min(ga.x, gb.x), min(ga.y, gb.y)
        right, bottom = max(ga.x + ga.w, gb.x + gb.w), max(ga.y + ga.h, gb.y + gb.h)
        if link.id in eager._channel_of:
            row = eager._lane_y[eager._channel_of[link.id]] + st.CELL_PAD_Y / 2
            top, bottom = min(top, row), max(bottom, row)
        i = deferred._unrouted[link.id]
        assert tuple(deferred._reach[i:i + 4]) == (left - ARROW_REACH, top - ARROW_REACH,
                                                   right + ARROW_REACH, bottom + ARROW_REACH)


# ------------------------------------------------------------------ a layout made for one export (``static``)
@pytest.mark.parametrize("defer", [False, True])
def test_a_static_layout_draws_the_stored_board_without_an_index(defer: bool) -> None:
    """A layout made for an export (the command line's) keeps no link index for edits and no waiting boxes:
    it draws what every layout draws (the stored digests), its arrows routed at once or one by one."""
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    for name, document in boards().items():
        for legend, theme in SETTINGS:
            layout = Layout(document, legend=legend, theme=theme, defer_links=defer, static=True)
            assert not (layout._lane_links or layout._column_links or layout._channel_links or layout._reach)
            if defer:
                waiting = [link.id for link in document.links() if not link.label]
                assert layout.unrouted == len(waiting)
                for link_id in waiting[::3]:
                    layout.arrow_drawing(link_id)
                if waiting:
                    assert layout.route_area(0, 0, 10, 10)  # no boxes to tell: every arrow left is routed
            assert layout.unrouted == 0
            assert digest(layout) == stored[f"{name} legend={legend} {theme}"], (name, legend, theme)
            fresh = Layout(document, legend=legend, theme=theme)
            assert list(layout.links) == list(fresh.links) and layout._detoured == fresh._detoured


@pytest.mark.parametrize(("seed", "defer"), [(0, False), (1, True), (2, True), (3, False)])
def test_an_edit_to_a_static_layout_lays_it_out_afresh_and_indexed(seed: int, defer: bool) -> None:
    """Edited after all (nothing does so today), a static layout is laid out again with its index: it ends as a
    fresh layout of the edited board, and the edits after it are laid out as any layout's."""
    rng = random.Random(seed)
    document = _varied_board(seed)
    layout = Layout(document, defer_links=defer, static=True)
    document.changed.connect(layout.apply)
    ids = [c.id for c in document.cards()]
    stages, lanes = [s.id for s in document.stages], [lane.id for lane in document.lanes]
    for _ in range(3):
        document.move_card(rng.choice(ids), rng.choice(stages), rng.choice(lanes))
        _same_as_fresh(layout, document)
        fresh = Layout(document)
        assert (layout._lane_links, layout._column_links, layout._channel_links, layout._channel_of) == \
            (fresh._lane_links, fresh._column_links, fresh._channel_links, fresh._channel_of)
    document.changed.disconnect(layout.apply)


# ------------------------------------------------------------------ a lane moving under arrows
def _lane_growing_moves(document: Document, layout: Layout) -> list[tuple[str, str, str, int]]:
    """(card, stage, lane, index) moves that each grow the card's lane: into the tallest cell of
    its lane in another stage (tried on the layout and undone)."""
    found = []
    for card in list(document.cards())[::7]:
        cells = {s.id: layout.cell_rect(s.id, card.lane) for s in document.stages if s.id != card.stage}
        ids = {stage_id: document.cell_cards(stage_id, card.lane) for stage_id in cells}
        tallest = max(cells, key=lambda s: max((layout.cards[c].y + layout.cards[c].h for c in ids[s]), default=0))
        heights = {k: g.rect.h for k, g in layout.lane_headers.items()}
        home = (card.stage, document.card_index(card.id))
        document.move_card(card.id, tallest, card.lane, 0)
        grew = {k: g.rect.h for k, g in layout.lane_headers.items()} != heights
        document.move_card(card.id, home[0], card.lane, home[1])
        if grew and layout.lane_headers[card.lane].rect.y < layout.height / 2:
            found.append((card.id, tallest, card.lane, 0))
    return found


@pytest.mark.parametrize("seed", range(4))
def test_a_lane_that_grows_leaves_the_arrows_it_carries_waiting_boxed_round_their_new_routes(seed: int) -> None:
    """A move that grows a lane moves every lane below it. The arrows of those lanes whose cards
    were not restacked wait (LayoutDelta.waiting), each boxed round the route a fresh layout gives
    it; the restacked cells' arrows are routed at once. Edits made while they wait (the card moved
    back, another lane grown) keep every box right, and routing them ends as a fresh layout."""
    document = _varied_board(seed)
    layout = Layout(document)
    document.changed.connect(layout.apply)
    moves = _lane_growing_moves(document, layout)
    assert len(moves) >= 2, "the board has lanes to grow"
    layout.route_rest()  # what the moves tried left waiting
    card_id, stage_id, lane_id, index = moves[0]
    home = (document.card(card_id).stage, document.card_index(card_id))
    before = dict(layout.links)
    document.move_card(card_id, stage_id, lane_id, index)
    waiting = set(layout._unrouted)
    assert len(waiting) > 10, "the lanes below carried arrows"
    moved_cards = {c.id for c in document.cards() if document.card(c.id).lane == lane_id
                   and document.card(c.id).stage in (stage_id, home[0])}
    restacked_links = {k.id for c in moved_cards for k in document.links_of(c)}
    assert not waiting & restacked_links  # the arrows of the restacked cells were routed at once
    assert all(layout.routed_link(k) is not None for k in restacked_links if not document.link(k).label)
    assert all(k in before for k in waiting)  # they had routes, which went stale
    fresh = Layout(document)
    _boxes_hold_fresh_routes(layout, fresh)
    assert any(fresh.links[k] != before[k] for k in waiting)  # they did move
    layout.route_some(len(waiting) // 3)  # some routed (idle time), the rest still waiting
    document.move_card(card_id, home[0], lane_id, home[1])  # the lane shrinks back: they move up again
    _boxes_hold_fresh_routes(layout, Layout(document))
    other = moves[1]
    document.move_card(*other)
    _same_as_fresh(layout, document)
