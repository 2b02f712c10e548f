"""The Qt-free layout: stacking, no overlaps, wrapping within the card, lane growth, incremental updates."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import model.layout
from model import Card, Document, Lane, Link, Stage, load
from model import primitives as prims
from model import style as sty
from model.cardshape import measure_card
from model.fonts import RESOURCES, font_metrics
from model.layout import Layout, Rect
from model.primitives import Box, Circle, Text

EXAMPLES = sorted((RESOURCES / "examples").glob("*.touchline"))
BLUEPRINT = RESOURCES / "examples" / "coffee-shop-blueprint.touchline"
JOURNEY = RESOURCES / "examples" / "onboarding-journey.touchline"
EPS = 1e-6


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.x + b.w - EPS and b.x < a.x + a.w - EPS and a.y < b.y + b.h - EPS and b.y < a.y + a.h - EPS


def text_width_of(card: Card) -> float:
    """The width a card's text may take: the card less its padding and, for a fail point, the F marker."""
    return sty.CARD_W - 2 * sty.CARD_PAD_X - (2 * sty.FAIL_R + 4 if card.fail else 0)


def snapshot(layout: Layout, order: bool = True) -> dict[str, Any]:
    """Everything a renderer reads from a layout, in a form that compares by value."""
    found = {
        "cards": {cid: (g.x, g.y, g.shape) for cid, g in layout.cards.items()},
        "links": dict(layout.links),
        "stage_headers": {k: (h.rect, h.primitives) for k, h in layout.stage_headers.items()},
        "lane_headers": {k: (h.rect, h.primitives) for k, h in layout.lane_headers.items()},
        "blueprint_lines": list(layout.blueprint_lines),
        "background": layout.background,
        "size": (layout.width, layout.height),
    }
    if order:  # only once the layout has caught up with the document
        found["card_order"] = [g.id for g in layout.ordered_cards()]
    return found


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.name)
def example(request: pytest.FixtureRequest) -> Document:
    path: Path = request.param
    return load(path)


# ---------------------------------------------------------------- placement
def test_cards_in_one_cell_stack_without_overlap(example: Document) -> None:
    layout = Layout(example)
    stacked = 0
    for (stage_id, lane_id), ids in example.cells():
        if example.lane(lane_id).kind == "emotion":
            continue  # spread across the stage, not stacked (tests/test_journey_map.py)
        rects = [layout.card_rect(card_id) for card_id in ids]
        for upper, lower in itertools.pairwise(rects):
            assert lower.y >= upper.y + upper.h + sty.CARD_GAP - EPS
            assert lower.x == upper.x
            stacked += 1
        cell = layout.cell_rect(stage_id, lane_id)
        for rect in rects:
            assert cell.x <= rect.x and rect.x + rect.w <= cell.x + cell.w + EPS
            assert cell.y <= rect.y and rect.y + rect.h <= cell.y + cell.h + EPS
    assert stacked > 0  # the examples do hold cells with several cards


def test_no_card_overlaps_another(example: Document) -> None:
    layout = Layout(example)
    def box(geometry: Any) -> Rect:
        body = geometry.shape.body  # an emotion card: its label; its marker sits in the space above or below
        if body is None:
            return geometry.rect
        return Rect(geometry.x + body[0], geometry.y + body[1], body[2], body[3])

    rects = {card_id: box(geometry) for card_id, geometry in layout.cards.items()}
    assert len(rects) == example.card_count()
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        assert not overlaps(ra, rb), (a, b)


def test_cards_lie_inside_the_board(example: Document) -> None:
    layout = Layout(example)
    for geometry in layout.cards.values():
        assert geometry.x >= 0 and geometry.x + geometry.w <= layout.width
        assert geometry.y >= 0 and geometry.y + geometry.h <= layout.height


def _assert_lines_fit(card: Card, kind: str) -> None:
    shape = measure_card(card, kind)
    limit = text_width_of(card)
    metrics = font_metrics(False)
    for line in shape.lines:
        assert metrics.width(line, sty.CARD_SIZE) <= limit + EPS, line
    # Wrapping breaks lines; it never drops or invents a character other than white space (and the
    # invisible direction mark that keeps a line of mixed text in its paragraph's direction).
    def visible(s: str) -> str:
        return "".join(ch for ch in s if not ch.isspace() and ch not in "\u200e\u200f")
    assert visible("".join(shape.lines)) == visible(card.text)


def test_card_text_lines_fit_the_card_in_the_examples(example: Document) -> None:
    layout = Layout(example)
    for card in example.cards():
        kind = example.lane(card.lane).kind
        _assert_lines_fit(card, kind)
        # An emotion card's label shares its stage's width with the stage's other points.
        width = layout.cards[card.id].w
        assert layout.cards[card.id].lines == measure_card(card, kind, width, score_chip=kind != "emotion").lines


WORDS = st.lists(
    st.sampled_from([*"abcdefghij WMW漢字カ\u00a0\u3000\t\n-/", "\U0001f600", "مرحبا", "Wide"]), max_size=80
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS, st.booleans(), st.sampled_from(["customer", "emotion", "support"]))
def test_card_text_lines_never_exceed_the_text_width(text: str, fail: bool, kind: str) -> None:
    _assert_lines_fit(Card("c", "l", "s", text, fail=fail), kind)


def test_a_long_word_is_cut_to_fit() -> None:
    card = Card("c", "l", "s", "W" * 80)
    shape = measure_card(card, "customer")
    assert len(shape.lines) > 3
    _assert_lines_fit(card, "customer")


def _inside(prim: Any, w: float, h: float) -> bool:
    """Whether a primitive (card coordinates) stays within the card, allowing the 1.5-px shadow."""
    slack = 2.0
    metrics = font_metrics(getattr(prim, "bold", False))
    if isinstance(prim, Box):
        return prim.x >= -EPS and prim.y >= -EPS and prim.x + prim.w <= w + EPS and prim.y + prim.h <= h + slack
    if isinstance(prim, Circle):
        return prim.cx - prim.r >= -EPS and prim.cx + prim.r <= w + EPS and prim.cy + prim.r <= h + EPS
    if isinstance(prim, Text):
        width = metrics.width(prim.text, prim.size)
        left = prim.x - {"start": 0, "middle": width / 2, "end": width}[prim.anchor]
        return left >= -EPS and left + width <= w + EPS and prim.y <= h
    assert isinstance(prim, prims.Line | prims.Path)
    return True


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=60),
    st.none() | st.text(min_size=1, max_size=60),
    st.none() | st.text(min_size=1, max_size=60),
    st.none() | st.lists(st.text(min_size=1, max_size=60), max_size=4),
    st.none() | st.integers(-2, 2),
    st.booleans(),
)
def test_nothing_is_drawn_outside_a_card(
    text: str, wait: str | None, channel: str | None, tags: list[str] | None, score: int | None, fail: bool
) -> None:
    card = Card("c", "l", "s", text, wait=wait, channel=channel, tags=tags, score=score, fail=fail)
    shape = measure_card(card, "emotion")
    for prim in shape.primitives:
        assert _inside(prim, shape.w, shape.h), prim


# ---------------------------------------------------------------- lanes and blueprint lines
def test_lane_grows_when_a_card_gets_taller() -> None:
    document = load(BLUEPRINT)
    layout = Layout(document)
    document.changed.connect(layout.apply)
    lanes = [lane.id for lane in document.lanes]
    lane_id = lanes[1]
    card_id = document.cards_in_lane(lane_id)[0]
    before_h = layout.lane_headers[lane_id].rect.h
    below_y = {lid: layout.lane_headers[lid].rect.y for lid in lanes[2:]}
    below_cards = {cid: layout.cards[cid].y for lid in lanes[2:] for cid in document.cards_in_lane(lid)}
    height_before = layout.height

    document.set_card_field(card_id, "text", "A much longer text that wraps onto many lines. " * 12)

    grown = layout.lane_headers[lane_id].rect.h - before_h
    assert grown > 0
    assert layout.cell_rect(document.card(card_id).stage, lane_id).h == layout.lane_headers[lane_id].rect.h
    assert layout.card_rect(card_id).y + layout.card_rect(card_id).h <= layout.lane_headers[lanes[2]].rect.y
    for lid, y in below_y.items():
        assert layout.lane_headers[lid].rect.y == pytest.approx(y + grown)
    for cid, y in below_cards.items():
        assert layout.cards[cid].y == pytest.approx(y + grown)
    assert layout.height == pytest.approx(height_before + grown)
    assert snapshot(layout) == snapshot(Layout(document))

    document.set_card_field(card_id, "text", "Short again")
    assert layout.lane_headers[lane_id].rect.h <= before_h + EPS
    assert snapshot(layout) == snapshot(Layout(document))


def test_blueprint_lines_in_the_blueprint_example() -> None:
    document = load(BLUEPRINT)
    layout = Layout(document)
    kinds = {lane.id: lane.kind for lane in document.lanes}
    found = [(line.name, kinds[line.upper_lane], kinds[line.lower_lane]) for line in layout.blueprint_lines]
    assert found == [
        ("Line of interaction", "customer", "frontstage"),
        ("Line of visibility", "frontstage", "backstage"),
        ("Line of internal interaction", "backstage", "support"),
    ]
    for line in layout.blueprint_lines:
        upper = layout.lane_headers[line.upper_lane].rect
        lower = layout.lane_headers[line.lower_lane].rect
        assert line.y == pytest.approx(upper.y + upper.h) and line.y == pytest.approx(lower.y)
    drawn = [p for p in layout.primitives() if isinstance(p, Text) and p.text.startswith("Line of")]
    assert sorted(p.text for p in drawn) == sorted(name for name, _, _ in found)


def test_a_note_lane_between_frontstage_and_backstage_keeps_the_line_of_visibility() -> None:
    """A lane added below a frontstage card (a note lane) took the line of visibility away, and the
    hand-offs across it were drawn as plain arrows, while the Checks panel still counted them."""
    from model.stage_numbers import stage_numbers

    document = load(BLUEPRINT)
    front = next(i for i, lane in enumerate(document.lanes) if lane.kind == "frontstage")
    document.add_lane(Lane("l-note", "Notes", "note"), front + 1)
    layout = Layout(document)
    kinds = {lane.id: lane.kind for lane in document.lanes}
    found = [(line.name, kinds[line.upper_lane], kinds[line.lower_lane]) for line in layout.blueprint_lines]
    assert ("Line of visibility", "frontstage", "backstage") in found
    visibility = next(line for line in layout.blueprint_lines if line.name == "Line of visibility")
    assert visibility.y == pytest.approx(layout.lane_headers[visibility.lower_lane].rect.y)
    layout.route_rest()
    handoffs = {link_id for link_id, geometry in layout.routed_links()
                if any(sty.HANDOFF in (getattr(p, "stroke", None), getattr(p, "color", None))
                       for p in geometry.primitives)}
    assert handoffs and len(handoffs) == sum(numbers.handoffs for numbers in stage_numbers(document))


def test_blueprint_lines_follow_lane_order() -> None:
    document = load(BLUEPRINT)
    layout = Layout(document)
    document.changed.connect(layout.apply)
    front = next(lane.id for lane in document.lanes if lane.kind == "frontstage")
    document.move_lane(front, len(document.lanes) - 1)  # frontstage to the bottom
    names = [line.name for line in layout.blueprint_lines]
    assert names == ["Line of internal interaction"]
    assert snapshot(layout) == snapshot(Layout(document))


def test_a_journey_has_no_blueprint_lines() -> None:
    assert Layout(load(JOURNEY)).blueprint_lines == []


# ---------------------------------------------------------------- incremental updates
def test_a_card_edit_measures_only_that_card(monkeypatch: pytest.MonkeyPatch) -> None:
    document = load(BLUEPRINT)
    layout = Layout(document)
    document.changed.connect(layout.apply)
    measured: list[str] = []

    def counting(card: Card, kind: str, *args: Any, **kwargs: Any) -> Any:
        measured.append(card.id)
        return measure_card(card, kind, *args, **kwargs)

    monkeypatch.setattr(model.layout, "measure_card", counting)
    card_id = document.cards_in_lane(document.lanes[1].id)[0]
    document.set_card_field(card_id, "text", "Edited, and now long enough to need a few more lines " * 4)
    assert measured == [card_id]

    measured.clear()
    card = document.card(card_id)
    other_stage = next(s.id for s in document.stages if s.id != card.stage)
    document.move_card(card_id, other_stage, card.lane, 0)  # same lane kind: the shape is reused
    assert measured == []

    measured.clear()
    document.add_card(Card("new-card", card.lane, other_stage, "Fresh"))
    assert measured == ["new-card"]


def _edit(document: Document, data: st.DataObject) -> None:
    """One random edit of the kinds a user makes on the board."""
    stages = [s.id for s in document.stages]
    lanes = [lane.id for lane in document.lanes]
    cards = [c.id for c in document.cards()]
    links = [link.id for link in document.links()]
    kind = data.draw(st.sampled_from(["text", "field", "move", "add", "remove", "link", "unlink", "link_field",
                                      "stage", "lane", "rename_lane"]))
    if kind == "text" and cards:
        document.set_card_field(data.draw(st.sampled_from(cards)), "text", data.draw(WORDS))
    elif kind == "field" and cards:
        field, value = data.draw(st.sampled_from([("fail", True), ("fail", False), ("wait", "12 min"), ("wait", None),
                                                  ("tags", ["a", "bb", "ccc"]), ("tags", None), ("score", 2),
                                                  ("channel", "app"), ("color", "#FFE0E0"), ("notes", "n")]))
        document.set_card_field(data.draw(st.sampled_from(cards)), field, value)
    elif kind == "move" and cards:
        document.move_card(data.draw(st.sampled_from(cards)), data.draw(st.sampled_from(stages)),
                           data.draw(st.sampled_from(lanes)), data.draw(st.none() | st.integers(0, 4)))
    elif kind == "add":
        document.add_card(Card(document.new_id("card"), data.draw(st.sampled_from(lanes)),
                               data.draw(st.sampled_from(stages)), data.draw(WORDS)),
                          data.draw(st.none() | st.integers(0, 4)))
    elif kind == "remove" and cards:
        document.remove_card(data.draw(st.sampled_from(cards)))
    elif kind == "link" and cards:
        document.add_link(Link(document.new_id("link"), data.draw(st.sampled_from(cards)),
                               data.draw(st.sampled_from(cards)), data.draw(st.none() | st.just("because")),
                               data.draw(st.sampled_from(["flow", "depends", "twoway"]))))
    elif kind == "unlink" and links:
        document.remove_link(data.draw(st.sampled_from(links)))
    elif kind == "link_field" and links:
        document.set_link_field(data.draw(st.sampled_from(links)), "label", data.draw(st.none() | st.just("why")))
    elif kind == "stage":
        document.add_stage(Stage(document.new_id("stage"), data.draw(st.text(max_size=40))),
                           data.draw(st.integers(0, 6)))
    elif kind == "lane":
        document.add_lane(Lane(document.new_id("lane"), "Extra", data.draw(st.sampled_from(["note", "support"]))),
                          data.draw(st.integers(0, 6)))
    elif kind == "rename_lane" and lanes:
        document.set_lane_field(data.draw(st.sampled_from(lanes)), "name", data.draw(st.text(max_size=60)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from([BLUEPRINT, JOURNEY]))
def test_incremental_layout_matches_a_fresh_one(data: st.DataObject, path: Path) -> None:
    document = load(path)
    layout = Layout(document)

    def on_change(event: object) -> None:
        before = snapshot(layout, order=False)
        delta = layout.apply(event)
        after = snapshot(layout, order=False)
        if delta.full:
            return
        # A renderer redraws only what the delta names: everything that changed must be in it.
        for card_id, geometry in after["cards"].items():
            if before["cards"].get(card_id) != geometry:
                assert card_id in delta.cards, (event, card_id)
        assert set(before["cards"]) - set(after["cards"]) <= delta.removed_cards
        for link_id, geometry in after["links"].items():
            if before["links"].get(link_id) != geometry:
                assert link_id in delta.links, (event, link_id)
        assert set(before["links"]) - set(after["links"]) <= delta.removed_links
        if (before["lane_headers"], before["size"]) != (after["lane_headers"], after["size"]):
            assert delta.grid, event

    document.changed.connect(on_change)
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        _edit(document, data)
        assert snapshot(layout) == snapshot(Layout(document))
