"""Cards copied as a board of their own and placed onto a board (model/clipboard.py), without Qt."""

from __future__ import annotations

import pytest

import model
from model import Card, Document, Lane, Link, Persona, Stage
from model import clipboard as clip


def board() -> Document:
    """3 stages x 3 lanes; a1, a2 stacked in (s1, l1), b in (s2, l2), c in (s3, l3); arrows a1->b, b->c."""
    doc = Document("Board")
    for i in (1, 2, 3):
        doc.add_stage(Stage(f"s{i}", f"Stage {i}"))
    doc.add_lane(Lane("l1", "Customer", "customer"))
    doc.add_lane(Lane("l2", "Front", "frontstage"))
    doc.add_lane(Lane("l3", "Back", "backstage"))
    doc.set_personas([Persona("p1", "Ana")])
    doc.add_card(Card("a1", "l1", "s1", "orders", persona="p1", tags=["x"]))
    doc.add_card(Card("a2", "l1", "s1", "waits"))
    doc.add_card(Card("b", "l2", "s2", "checks", fail=True))
    doc.add_card(Card("c", "l3", "s3", "ships"))
    doc.add_link(Link("k1", "a1", "b", label="then"))
    doc.add_link(Link("k2", "b", "c"))
    return doc


def test_a_copy_is_a_board_of_the_span_the_cards_and_the_arrows_between_them() -> None:
    doc = board()
    copied = clip.cards_document(doc, ["b", "a1"])
    assert [s.id for s in copied.stages] == ["s1", "s2"]  # the span, from the first card's stage to the last's
    assert [lane.id for lane in copied.lanes] == ["l1", "l2"]
    assert [c.id for c in copied.cards()] == ["a1", "b"]
    assert [(k.source, k.target, k.label) for k in copied.links()] == [("a1", "b", "then")]  # not b->c: c stays
    assert [p.id for p in copied.personas] == ["p1"]
    again = model.loads(model.dumps(copied))  # what a paste reads back
    assert model.dumps(again) == model.dumps(copied)
    assert again.card("a1").tags == ["x"] and again.card("b").fail


def test_a_copy_keeps_the_order_of_the_cards_in_their_cell() -> None:
    doc = board()
    doc.move_card("a2", "s1", "l1", 0)  # a2 now above a1
    copied = clip.cards_document(doc, ["a1", "a2"])
    assert copied.cell_cards("s1", "l1") == ("a2", "a1")


def test_nothing_chosen_is_refused() -> None:
    with pytest.raises(ValueError):
        clip.cards_document(board(), ["gone"])


def test_a_paste_keeps_the_cards_places_from_the_cell_pasted_into_with_new_ids() -> None:
    doc = board()
    copied = clip.cards_document(doc, ["a1", "b"])
    placement = clip.placed_copies(doc, copied, ("s2", "l1"))
    cards = [card for card, _ in placement.cards]
    assert [(c.stage, c.lane, c.text) for c in cards] == [("s2", "l1", "orders"), ("s3", "l2", "checks")]
    ids = [c.id for c in cards]
    assert len(set(ids)) == 2 and not any(doc.has_card(i) for i in ids)
    assert [index for _, index in placement.cards] == [0, 0]  # the end of cells that were empty
    (link,) = placement.links
    assert (link.source, link.target, link.label) == (ids[0], ids[1], "then") and not doc.has_link(link.id)
    assert cards[0].persona == "p1"  # the board has that persona


def test_a_paste_near_the_last_stage_and_lane_moves_up_and_left_to_fit() -> None:
    doc = board()
    copied = clip.cards_document(doc, ["a1", "b"])  # spans 2 stages and 2 lanes
    placement = clip.placed_copies(doc, copied, ("s3", "l3"))
    assert [(c.stage, c.lane) for c, _ in placement.cards] == [("s2", "l2"), ("s3", "l3")]  # not both in s3/l3
    small = Document()
    small.add_stage(Stage("x", "X"))
    small.add_lane(Lane("y", "Y", "customer"))
    placement = clip.placed_copies(small, copied, ("x", "y"))  # a board smaller than the block: squeezed
    assert [(c.stage, c.lane) for c, _ in placement.cards] == [("x", "y"), ("x", "y")]


def test_without_a_cell_the_cards_go_back_to_their_own_cells_at_their_ends() -> None:
    doc = board()
    placement = clip.placed_copies(doc, clip.cards_document(doc, ["a1"]))
    ((card, index),) = placement.cards
    assert (card.stage, card.lane, index) == ("s1", "l1", 2)
    other = Document()
    other.add_stage(Stage("x", "X"))
    other.add_lane(Lane("y", "Y", "customer"))
    ((card, index),) = clip.placed_copies(other, clip.cards_document(doc, ["a1"])).cards
    assert (card.stage, card.lane, index) == ("x", "y", 0)  # another board: its first cell


def test_without_a_cell_each_card_goes_back_to_its_own_stage_though_one_between_is_gone() -> None:
    doc = board()
    copied = clip.cards_document(doc, ["a1", "c"])  # s1..s3, l1..l3
    doc.add_stage(Stage("s0", "Stage 0"), 0)  # the stages moved along and a new one in front
    placement = clip.placed_copies(doc, copied)
    assert [(c.stage, c.lane) for c, _ in placement.cards] == [("s1", "l1"), ("s3", "l3")]
    doc.remove_card("b")
    doc.remove_stage("s2")  # the stage between them gone: each still has its own
    placement = clip.placed_copies(doc, copied)
    assert [(c.stage, c.lane) for c, _ in placement.cards] == [("s1", "l1"), ("s3", "l3")]
    doc.remove_card("c")
    doc.remove_stage("s3")  # a card's own stage gone: the block from the first cell, fitted
    placement = clip.placed_copies(doc, copied)
    assert [(c.stage, c.lane) for c, _ in placement.cards] == [("s0", "l1"), ("s1", "l3")]


def test_a_persona_goes_with_its_card_by_name_or_is_added() -> None:
    doc = board()
    copied = clip.cards_document(doc, ["a1"])  # Ana, id p1
    other = Document()
    other.add_stage(Stage("x", "X"))
    other.add_lane(Lane("y", "Y", "customer"))
    other.set_personas([Persona("p1", "Ben"), Persona("p2", "Ana")])
    placement = clip.placed_copies(other, copied)
    assert placement.cards[0][0].persona == "p2" and placement.personas == []  # Ana, not Ben's id
    other.set_personas([Persona("p1", "Ben")])
    placement = clip.placed_copies(other, copied)
    (added,) = placement.personas
    assert added.name == "Ana" and added.id != "p1" and placement.cards[0][0].persona == added.id
    placement = clip.placed_copies(doc, copied)
    assert placement.cards[0][0].persona == "p1" and placement.personas == []  # the same board: the same one
    other = Document()
    other.add_stage(Stage("x", "X"))
    other.add_lane(Lane("p1", "Y", "customer"))  # Ana's id taken by a lane: ids are shared by all kinds
    (added,) = clip.placed_copies(other, copied).personas
    assert added.id != "p1" and not other.uses_id(added.id)


def test_a_copy_starts_without_votes_a_cut_keeps_them() -> None:
    doc = board()
    doc.set_card_field("a1", "votes", 3)
    assert clip.cards_document(doc, ["a1"], votes=False).card("a1").votes == 0
    assert clip.cards_document(doc, ["a1"]).card("a1").votes == 3


def test_after_puts_the_copies_right_after_the_last_card_named_in_their_cell() -> None:
    doc = board()
    doc.add_card(Card("a3", "l1", "s1", "pays"))
    placement = clip.placed_copies(doc, clip.cards_document(doc, ["a1", "a2"]), None, ["a1", "a2"])
    assert [index for _, index in placement.cards] == [2, 3]  # after a2, above a3
    for card, index in placement.cards:
        doc.add_card(card, index)
    assert [doc.card(c).text for c in doc.cell_cards("s1", "l1")] == ["orders", "waits", "orders", "waits", "pays"]


def test_a_board_without_cells_or_room_says_why() -> None:
    doc = board()
    copied = clip.cards_document(doc, ["a1"])
    with pytest.raises(clip.NoCellError):
        clip.placed_copies(Document(), copied)


def test_more_cards_than_a_board_holds_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(clip.MAX_COUNTS, "cards", 5)
    doc = board()
    with pytest.raises(clip.TooManyCardsError, match="more than the 5"):
        clip.placed_copies(doc, clip.cards_document(doc, ["a1", "a2"]))


def test_plain_text_makes_a_card_of_each_line_and_drops_the_markers_of_a_list() -> None:
    assert clip.card_texts("- buy milk\n  * call the bank  \n\n\u2022 fix door\n") == \
        ["buy milk", "call the bank", "fix door"]
    assert clip.card_texts("1. write it up\n2) send it\n") == ["write it up", "send it"]
    # Not a list: every line keeps its text.
    assert clip.card_texts("24. Dezember: Geschenk abholen") == ["24. Dezember: Geschenk abholen"]
    assert clip.card_texts("- 5 min wait") == ["- 5 min wait"]
    assert clip.card_texts("- buy milk\n-5 degrees\n3. Stock") == ["- buy milk", "-5 degrees", "3. Stock"]
    assert clip.card_texts("Name\tRole\tGoal") == ["Name Role Goal"]  # a spreadsheet's row
    assert clip.card_texts("24. Dezember: Bescherung\n25. Dezember: Besuch") == \
        ["24. Dezember: Bescherung", "25. Dezember: Besuch"]  # numbers that do not count 1, 2, 3: dates
    copied = clip.text_document(["one", "two"])
    placement = clip.placed_copies(board(), copied, ("s2", "l2"))
    assert [(c.stage, c.lane, c.text, i) for c, i in placement.cards] == [("s2", "l2", "one", 1),
                                                                          ("s2", "l2", "two", 2)]
