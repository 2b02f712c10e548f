"""A measured card's drawing is made when first read, and it is the drawing measuring at once made.

Counted, not timed: laying a board out draws no card; reading one card's primitives draws that
card only; the drawing equals one made from scratch (the layout digests hold the rest,
tests/test_layout_output.py); a card edited in place after it was measured keeps the drawing of
the text it was measured with.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

import model.cardshape as cardshape
from model import Card, load
from model.cardshape import CardShape, measure_card
from model.fonts import RESOURCES
from model.layout import Layout
from model.primitives import Box, Text

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from boards import synthetic_board

BLUEPRINT = RESOURCES / "examples" / "coffee-shop-blueprint.touchline"


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the cards drawn (``_card_primitives`` calls)."""
    calls: list[int] = []
    original = cardshape._card_primitives

    def counting(*parts: object) -> object:
        calls.append(1)
        return original(*parts)  # type: ignore[arg-type]

    monkeypatch.setattr(cardshape, "_card_primitives", counting)
    return calls


def eager(card: Card, kind: str) -> tuple[object, ...]:
    """The card's drawing read at once from a fresh measurement."""
    return measure_card(card, kind).primitives


def test_laying_a_board_out_draws_no_card_and_reading_one_draws_only_it(drawn: list[int]) -> None:
    layout = Layout(synthetic_board(300), defer_links=True)
    assert len(layout.cards) == 300
    assert drawn == []
    first = next(iter(layout.cards.values()))
    prims = first.primitives
    assert len(drawn) == 1
    assert first.primitives is prims  # made once, then kept
    assert len(drawn) == 1
    assert isinstance(prims[1], Box) and any(isinstance(p, Text) for p in prims)


def test_the_drawing_made_later_is_the_drawing_made_at_once() -> None:
    document = load(BLUEPRINT)
    layout = Layout(document)
    kinds = {lane.id: lane.kind for lane in document.lanes}
    compared = 0
    for card in document.cards():
        geometry = layout.cards[card.id]
        if kinds[card.lane] == "emotion":
            continue
        shape = measure_card(card, kinds[card.lane], persona=layout._initials(card.persona))
        assert geometry.shape == shape  # every field, the drawing included
        assert geometry.primitives == shape.primitives
        compared += 1
    assert compared > 10


def test_a_card_edited_in_place_after_measuring_keeps_the_drawing_of_its_measured_text() -> None:
    card = Card("c1", "l1", "s1", "before the edit", fail=True, wait="3 min", tags=["x"])
    shape = measure_card(card, "customer")
    card.text = "after the edit, a much longer text that wraps onto more lines than before"
    texts = [p.text for p in shape.primitives if isinstance(p, Text)]
    assert "before the edit" in texts
    assert not any("after" in text for text in texts)
    assert shape.lines == ("before the edit",)


def test_a_shape_drawn_later_compares_hashes_pickles_and_fails_on_unknown_names() -> None:
    card = Card("c1", "l1", "s1", "some text to draw", wait="5 min")
    one, two = measure_card(card, "frontstage"), measure_card(card, "frontstage")
    assert one == two and hash(one) == hash(two)
    again = pickle.loads(pickle.dumps(one))
    assert isinstance(again, CardShape) and again == one and again.primitives == one.primitives
    assert "_parts" not in repr(one) and "primitives=(" in repr(one)
    with pytest.raises(AttributeError):
        _ = one.no_such_field
    other = measure_card(Card("c2", "l1", "s1", "another text"), "frontstage")
    assert one != other


def test_a_cards_body_box_is_its_drawings_without_drawing_it(drawn: list[int]) -> None:
    document = load(BLUEPRINT)
    layout = Layout(document)
    shapes = [geometry.shape for geometry in layout.cards.values()]
    boxes = [shape.body_box() for shape in shapes]
    pending = sum(1 for shape in shapes if shape._parts is not None)
    assert pending > 10 and drawn == []  # the emotion cards' shapes were drawn whole, the others wait
    for shape, box in zip(shapes, boxes, strict=True):
        assert box is not None
        assert box == next(p for p in shape.primitives[1:3] if isinstance(p, Box))  # now drawn
        assert shape.body_box() == box
    assert len(drawn) == pending
