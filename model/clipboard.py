"""Cards on the clipboard: copied as a small board of their own, pasted onto any board.

Copy writes the chosen cards as a document (``cards_document``): the stages and lanes they
span, the cards in their cells' order, the arrows between them and the personas they name,
in the file format. A paste reads it back through the loader (``model.loads``), so what
another program left under Touchline's type is refused with a LoadError naming the place,
never half pasted. ``placed_copies`` lays such a document onto a board: each card keeps its
place relative to the copy's top-left cell, counted from the cell pasted into (clamped to the
board's last stage and lane), under a new id, and the arrows between the cards follow. Plain
text (a list from notes, an email) pastes as one card a line (``card_texts``).

Nothing here knows Qt: the editor (app/card_clipboard.py) carries the text to the system
clipboard and makes the undo step.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass

from model.document import Document
from model.entities import Card, Lane, Link, Stage
from model.limits import MAX_COUNTS

MIME_TYPE = "application/x-touchline-cards"

# A list's marker at the start of a line ("- ", "* ", "• ", "1. ", "2) "): not part of a card's text.
_BULLET = re.compile(r"^(?:[-*+\u2022\u2023\u25e6\u2043\u2013\u2014]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Placement:
    """What a paste adds: each new card with its index in its cell (added in this order), then the arrows."""

    cards: list[tuple[Card, int]]
    links: list[Link]


def cards_document(document: Document, card_ids: Iterable[str]) -> Document:
    """The cards ``card_ids`` of ``document`` as a board of their own (see the module's note)."""
    chosen = {card_id for card_id in card_ids if document.has_card(card_id)}
    if not chosen:
        raise ValueError("no cards to copy")
    cards = [document.card(card_id) for card_id in chosen]
    stage_places = [document.stage_index(card.stage) for card in cards]
    lane_places = [document.lane_index(card.lane) for card in cards]
    copied = Document(document.title)
    # The whole span, empty stages and lanes between included: the cards keep their distances.
    for stage in document.stages[min(stage_places): max(stage_places) + 1]:
        copied.add_stage(Stage(stage.id, stage.name))
    for lane in document.lanes[min(lane_places): max(lane_places) + 1]:
        copied.add_lane(Lane(lane.id, lane.name, lane.kind))
    named = {card.persona for card in cards if card.persona is not None}
    if named:
        copied.set_personas(copy.deepcopy([p for p in document.personas if p.id in named]))
    # Cell by cell, each cell's cards in their order there: the copy's order is the board's.
    cards.sort(key=lambda card: (document.stage_index(card.stage), document.lane_index(card.lane),
                                 document.card_index(card.id)))
    for card in cards:
        copied.add_card(copy.deepcopy(card))
    between = {link.id: link for card in cards for link in document.links_of(card.id)
               if link.source in chosen and link.target in chosen}
    for link_id in sorted(between, key=document.link_index):
        copied.add_link(copy.deepcopy(between[link_id]))
    return copied


def placed_copies(board: Document, copied: Document, cell: tuple[str, str] | None = None,
                  after: Iterable[str] = ()) -> Placement:
    """Where the cards of ``copied`` go on ``board``, as new cards with new ids.

    ``cell`` is the (stage, lane) the copy's top-left cell lands on; without one, the copy
    goes back to the cells it came from when the board has them (a copy from this board),
    else to the board's first cell. ``after``: cards of the board; in a cell holding any of
    them the pasted cards come right after the last of them, in their order (a duplicate
    beside its original). Elsewhere they go to the end of their cells.
    A card naming a persona the board does not have is pasted without it.
    Raises ValueError when the board has no cell, or the cards would be more than it holds.
    """
    if not board.stages or not board.lanes:
        raise ValueError("the board has no cell to paste into: add a stage and a lane first")
    count = copied.card_count()
    if board.card_count() + count > MAX_COUNTS["cards"]:
        raise ValueError(f"{count:,} more cards would be more than the {MAX_COUNTS['cards']:,} a board holds")
    if cell is None:
        first_stage, first_lane = copied.stages[0].id, copied.lanes[0].id
        cell = (first_stage, first_lane) if board.has_stage(first_stage) and board.has_lane(first_lane) \
            else (board.stages[0].id, board.lanes[0].id)
    stage_at, lane_at = board.stage_index(cell[0]), board.lane_index(cell[1])
    last_stage, last_lane = len(board.stages) - 1, len(board.lanes) - 1
    # Each cell's insertion point: after the last of ``after`` there, else its end.
    next_index: dict[tuple[str, str], int] = {}
    for card_id in after:
        card = board.card(card_id)
        target = (card.stage, card.lane)
        next_index[target] = max(next_index.get(target, 0), board.card_index(card_id) + 1)
    personas = {persona.id for persona in board.personas}
    new_ids: dict[str, str] = {}
    cards: list[tuple[Card, int]] = []
    for card in copied.cards():
        stage = board.stages[min(stage_at + copied.stage_index(card.stage), last_stage)].id
        lane = board.lanes[min(lane_at + copied.lane_index(card.lane), last_lane)].id
        target = (stage, lane)
        if target not in next_index:
            next_index[target] = len(board.cell_cards(stage, lane))
        new = copy.deepcopy(card)
        new.id, new.stage, new.lane = board.new_id("card"), stage, lane
        if new.persona is not None and new.persona not in personas:
            new.persona = None
        new_ids[card.id] = new.id
        cards.append((new, next_index[target]))
        next_index[target] += 1
    links = []
    for link in copied.links():
        new_link = copy.deepcopy(link)
        new_link.id, new_link.source, new_link.target = board.new_id("link"), new_ids[link.source], new_ids[link.target]
        links.append(new_link)
    return Placement(cards, links)


def text_document(texts: Iterable[str]) -> Document:
    """Cards of these texts, stacked in one cell of a board of their own: what ``placed_copies`` pastes."""
    copied = Document()
    copied.add_stage(Stage("stage", ""))
    copied.add_lane(Lane("lane", "", "customer"))
    for number, text in enumerate(texts, 1):
        copied.add_card(Card(f"card-{number}", "lane", "stage", text))
    return copied


def card_texts(text: str) -> list[str]:
    """The cards a plain text makes: one a non-blank line, its list marker and outer spaces dropped."""
    texts = []
    for line in text.splitlines():
        line = _BULLET.sub("", line.strip())
        if line:
            texts.append(line)
    return texts
