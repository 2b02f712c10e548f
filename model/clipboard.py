"""Cards on the clipboard: copied as a small board of their own, pasted onto any board.

Copy writes the chosen cards as a document (``cards_document``): the stages and lanes they
span, the cards in their cells' order, the arrows between them and the personas they name,
in the file format. A paste reads it back through the loader (``model.loads``), so what
another program left under Touchline's type is refused with a LoadError naming the place,
never half pasted. ``placed_copies`` lays such a document onto a board under new ids, the
arrows between the cards following: back in the cells the cards came from when no cell is
given and the board still has them all, else each card at its distance in stages and
lanes from the copy's top-left cell, counted from the cell given (the block moved up or
left to fit the board). Plain text (a list from notes, an email) pastes as one card a line
(``card_texts``).

Dot votes belong to the card that was voted on: a copy starts without them (``cards_document``
with ``votes=False``), a cut card keeps them when it is pasted (it moves).

Nothing here knows Qt: the editor (app/card_clipboard.py) carries the text to the system
clipboard and makes the undo step.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass

from model.document import Document
from model.entities import Card, Lane, Link, Persona, Stage
from model.limits import MAX_COUNTS

MIME_TYPE = "application/x-touchline-cards"

# A list's marker at the start of a line ("- ", "* ", "• ", "1. ", "2) "): dropped from a card's text
# when every line of a pasted list has one (``card_texts``).
_BULLET = re.compile(r"^[-*+\u2022\u2023\u25e6\u2043\u2013\u2014]\s+")
_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+")


class NoCellError(ValueError):
    """The board has no stage or no lane: nothing can be pasted into it."""


class TooManyCardsError(ValueError):
    """The pasted cards would be more than a board holds (``MAX_COUNTS``)."""

    def __init__(self, count: int, limit: int) -> None:
        super().__init__(f"{count:,} more cards would be more than the {limit:,} a board holds")
        self.count, self.limit = count, limit


@dataclass(frozen=True)
class Placement:
    """What a paste adds: the personas the board lacks, then each new card with its index in its cell
    (added in this order), then the arrows."""

    personas: list[Persona]
    cards: list[tuple[Card, int]]
    links: list[Link]


def cards_document(document: Document, card_ids: Iterable[str], *, votes: bool = True) -> Document:
    """The cards ``card_ids`` of ``document`` as a board of their own (see the module's note);
    without ``votes``, the copies have none."""
    chosen = {card_id for card_id in card_ids if document.has_card(card_id)}
    if not chosen:
        raise ValueError("no cards to copy")
    cards = [document.card(card_id) for card_id in chosen]
    stage_of = {stage.id: i for i, stage in enumerate(document.stages)}
    lane_of = {lane.id: i for i, lane in enumerate(document.lanes)}
    stage_places = [stage_of[card.stage] for card in cards]
    lane_places = [lane_of[card.lane] for card in cards]
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
    place = _places_in_cells(document, {(card.stage, card.lane) for card in cards})
    cards.sort(key=lambda card: (stage_of[card.stage], lane_of[card.lane], place[card.id]))
    for card in cards:
        card = copy.deepcopy(card)
        if not votes:
            card.votes = 0
        copied.add_card(card)
    between = {link.id: link for card in cards for link in document.links_of(card.id)
               if link.source in chosen and link.target in chosen}
    for link_id in sorted(between, key=document.link_index):
        copied.add_link(copy.deepcopy(between[link_id]))
    return copied


def placed_copies(board: Document, copied: Document, cell: tuple[str, str] | None = None,
                  after: Iterable[str] = ()) -> Placement:
    """Where the cards of ``copied`` go on ``board``, as new cards with new ids.

    ``cell`` is the (stage, lane) the copy's top-left cell lands on (moved up and left as far
    as the block needs to fit, when the board has the room); without one, the cards go back
    to the cells they came from when the board has each card's stage and lane (a copy from
    this board), else the copy lands on the board's first cell. ``after``: cards of the
    board; in a cell holding any of them the pasted cards come right after the last of them,
    in their order. Elsewhere they go to the end of their cells.
    A card's persona goes with it: the board's persona of that name, else the persona is added
    (``Placement.personas``). Raises NoCellError or TooManyCardsError.
    """
    if not board.stages or not board.lanes:
        raise NoCellError("the board has no cell to paste into: add a stage and a lane first")
    count = copied.card_count()
    if board.card_count() + count > MAX_COUNTS["cards"]:
        raise TooManyCardsError(count, MAX_COUNTS["cards"])
    stages, lanes = board.stages, board.lanes
    own_cells = cell is None and all(board.has_stage(card.stage) and board.has_lane(card.lane)
                                     for card in copied.cards())
    if cell is None:
        cell = (stages[0].id, lanes[0].id)
    # The block's top-left, moved so that its last stage and lane are on the board if they can be.
    stage_at = max(0, min(board.stage_index(cell[0]), len(stages) - len(copied.stages)))
    lane_at = max(0, min(board.lane_index(cell[1]), len(lanes) - len(copied.lanes)))
    # Each cell's insertion point: after the last of ``after`` there, else its end.
    next_index: dict[tuple[str, str], int] = {}
    after = [card_id for card_id in after if board.has_card(card_id)]
    place = _places_in_cells(board, {(board.card(c).stage, board.card(c).lane) for c in after})
    for card_id in after:
        card = board.card(card_id)
        target = (card.stage, card.lane)
        next_index[target] = max(next_index.get(target, 0), place[card_id] + 1)
    personas, added = _personas_for(board, copied)
    new_ids: dict[str, str] = {}
    cards: list[tuple[Card, int]] = []
    for card in copied.cards():
        if own_cells:
            stage, lane = card.stage, card.lane
        else:
            stage = stages[min(stage_at + copied.stage_index(card.stage), len(stages) - 1)].id
            lane = lanes[min(lane_at + copied.lane_index(card.lane), len(lanes) - 1)].id
        target = (stage, lane)
        if target not in next_index:
            next_index[target] = len(board.cell_cards(stage, lane))
        new = copy.deepcopy(card)
        new.id, new.stage, new.lane = board.new_id("card"), stage, lane
        if new.persona is not None:
            new.persona = personas.get(new.persona)
        new_ids[card.id] = new.id
        cards.append((new, next_index[target]))
        next_index[target] += 1
    links = []
    for link in copied.links():
        new_link = copy.deepcopy(link)
        new_link.id, new_link.source, new_link.target = board.new_id("link"), new_ids[link.source], new_ids[link.target]
        links.append(new_link)
    return Placement(added, cards, links)


def _places_in_cells(document: Document, cells: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Each card of these cells -> its index in its cell (one walk of each cell, not a search per card)."""
    return {card_id: i for cell in cells for i, card_id in enumerate(document.cell_cards(*cell))}


def _personas_for(board: Document, copied: Document) -> tuple[dict[str, str], list[Persona]]:
    """The copy's persona ids -> the board's persona for each (the same id and name, else the same name,
    else one added), and the personas to add."""
    by_id = {persona.id: persona for persona in board.personas}
    by_name: dict[str, str] = {}
    for persona in board.personas:
        by_name.setdefault(persona.name, persona.id)
    mapping: dict[str, str] = {}
    added: list[Persona] = []
    for persona in copied.personas:
        same = by_id.get(persona.id)
        if same is not None and same.name == persona.name:
            mapping[persona.id] = persona.id
        elif persona.name in by_name:
            mapping[persona.id] = by_name[persona.name]
        else:
            new = copy.deepcopy(persona)
            if board.uses_id(new.id) or any(p.id == new.id for p in added):  # ids are shared by all kinds
                new.id = board.new_id("persona")
            mapping[persona.id] = new.id
            added.append(new)
    return mapping, added


def text_document(texts: Iterable[str]) -> Document:
    """Cards of these texts, stacked in one cell of a board of their own: what ``placed_copies`` pastes."""
    copied = Document()
    copied.add_stage(Stage("stage", ""))
    copied.add_lane(Lane("lane", "", "customer"))
    for number, text in enumerate(texts, 1):
        copied.add_card(Card(f"card-{number}", "lane", "stage", text))
    return copied


def card_texts(text: str) -> list[str]:
    """The cards a plain text makes: one a non-blank line, its outer spaces and tabs dropped (a tab
    within, as between a spreadsheet's cells, is a space). When every line of two or more starts with
    a list's marker of one kind (bullets, or numbers counting 1, 2, 3…), the markers are dropped too:
    "- 5 min wait" alone, or "24. Dezember" and "25. Dezember", keep their text."""
    lines = [line.replace("\t", " ").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) >= 2:
        numbers = [_NUMBER.match(line) for line in lines]
        # Numbers count 1, 2, 3…: "24. Dezember" and "25. Dezember" are dates, not a list.
        numbered = all(numbers) and [int(m.group(1)) for m in numbers if m] == list(range(1, len(lines) + 1))
        for marker, is_list in ((_BULLET, all(_BULLET.match(line) for line in lines)), (_NUMBER, numbered)):
            if is_list:
                stripped = [marker.sub("", line, count=1).strip() for line in lines]
                if all(stripped):
                    return stripped
    return lines
