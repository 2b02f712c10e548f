"""The Document: ordered stages and lanes over a private graph of cards and links.

The cards and links live in plain dicts with an adjacency index; the networkx graph that
analysis reads (``Document.graph``) is built the first time it is asked for and kept up to
date from then on. Importing networkx costs ~300 ms, which opening and drawing a board
never needs.

Every change goes through a method here and announces itself on ``changed`` with an
event from ``model.events`` (orange-canvas-core's Scheme, gaphor's modeling events).
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from model import events as ev
from model.board_words import ENGLISH
from model.entities import (
    CARD_EDITABLE_FIELDS,
    LANE_KINDS,
    LINK_KINDS,
    MAX_VOTES,
    SCORE_RANGE,
    Card,
    Lane,
    Link,
    Persona,
    Stage,
)
from model.events import Cell
from model.signal import Signal

if TYPE_CHECKING:
    import networkx as nx


class Document:
    """A journey map or service blueprint.

    Cards are graph nodes (attribute ``card``) and links are graph edges keyed by link id
    (attribute ``link``). The order of cards inside a cell is kept per cell; the order in
    which cells interleave in the file is kept globally so that a round trip is exact.
    ``_out``/``_in`` map a card with links to the ids of its outgoing/incoming links, in the
    order they were added: a flat dict per linked card, where networkx keeps a dict per
    neighbour (two thirds of the document's memory went to that adjacency).
    """

    changed = Signal(object)

    def __init__(self, title: str = "Untitled", description: str | None = None) -> None:
        self._title = title
        self._description = description
        self._stages: list[Stage] = []
        self._lanes: list[Lane] = []
        self._personas: list[Persona] = []
        self._graph: nx.MultiDiGraph | None = None  # built when analysis first asks (graph)
        self._out: dict[str, dict[str, None]] = {}
        self._in: dict[str, dict[str, None]] = {}
        self._cells: dict[Cell, list[str]] = {}
        self._card_order: list[str] = []  # file order of cards; cells keep their own order
        # The same Card objects as the graph's node data, by id: a plain dict lookup is what
        # card() needs, ten times cheaper than going through the graph's node view.
        self._cards: dict[str, Card] = {}
        self._links: dict[str, Link] = {}
        # File order of links, apart from the dict: undo puts links back at their old places,
        # and inserting into a dict's order means rebuilding it (a delete of 5,000 cards took
        # ~20 s to undo); a list insert is one memmove.
        self._link_order: list[str] = []
        self._ids: set[str] = set()
        self._id_counter = itertools.count(1)
        self.extra: dict[str, Any] = {}
        # Where an extension key removed by an edit stood among its object's keys ((owner id or "" for the
        # board, key) -> index), so that putting it back (an undo) writes the file as it was, byte for byte.
        self._extension_places: dict[tuple[str, str], int] = {}

    # ----------------------------------------------------------------- reading
    @property
    def title(self) -> str:
        """The board's title."""
        return self._title

    @property
    def description(self) -> str | None:
        """Free text shown under the title; None when absent."""
        return self._description

    @property
    def language(self) -> str:
        """The language of the words Touchline writes on the board (model/board_words): the file's
        ``language`` (an extension kept in ``extra``), English when it has none."""
        value = self.extra.get("language")
        return value if isinstance(value, str) and value else ENGLISH

    @property
    def stages(self) -> tuple[Stage, ...]:
        """Stages left to right."""
        return tuple(self._stages)

    @property
    def lanes(self) -> tuple[Lane, ...]:
        """Lanes top to bottom."""
        return tuple(self._lanes)

    @property
    def personas(self) -> tuple[Persona, ...]:
        """The personas, in file order."""
        return tuple(self._personas)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """A read-only view of the card/link graph, for analysis."""
        import networkx as nx  # only analysis needs it: see the module's docstring

        if self._graph is None:
            graph = nx.MultiDiGraph()
            graph.add_nodes_from((card_id, {"card": card}) for card_id, card in self._cards.items())
            graph.add_edges_from((link.source, link.target, link.id, {"link": link})
                                 for link in self.links())
            self._graph = graph
        return nx.freeze(self._graph.copy(as_view=True))

    def stage(self, stage_id: str) -> Stage:
        """The stage with this id (KeyError if none)."""
        for stage in self._stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(stage_id)

    def lane(self, lane_id: str) -> Lane:
        """The lane with this id (KeyError if none)."""
        for lane in self._lanes:
            if lane.id == lane_id:
                return lane
        raise KeyError(lane_id)

    def stage_index(self, stage_id: str) -> int:
        """Position of a stage, left to right."""
        return next(i for i, s in enumerate(self._stages) if s.id == stage_id)

    def lane_index(self, lane_id: str) -> int:
        """Position of a lane, top to bottom."""
        return next(i for i, lane in enumerate(self._lanes) if lane.id == lane_id)

    def has_stage(self, stage_id: str) -> bool:
        """Whether a stage with this id exists."""
        return any(s.id == stage_id for s in self._stages)

    def has_lane(self, lane_id: str) -> bool:
        """Whether a lane with this id exists."""
        return any(lane.id == lane_id for lane in self._lanes)

    def has_cell(self, cell: tuple[str, str]) -> bool:
        """Whether the cell (stage id, lane id) is on the board: both its stage and its lane exist."""
        return self.has_stage(cell[0]) and self.has_lane(cell[1])

    def has_card(self, card_id: str) -> bool:
        """Whether a card with this id exists."""
        return card_id in self._cards

    def card(self, card_id: str) -> Card:
        """The card with this id (KeyError if none). Treat it as read-only."""
        return self._cards[card_id]

    def link(self, link_id: str) -> Link:
        """The link with this id (KeyError if none). Treat it as read-only."""
        return self._links[link_id]

    def has_link(self, link_id: str) -> bool:
        """Whether a link with this id exists."""
        return link_id in self._links

    def cards(self) -> Iterator[Card]:
        """All cards in file order: each cell's cards keep their in-cell order."""
        cursors: dict[Cell, Iterator[str]] = {}
        for card_id in self._card_order:
            card = self.card(card_id)
            cell = (card.stage, card.lane)
            cursor = cursors.get(cell)
            if cursor is None:
                cursor = cursors[cell] = iter(self._cells[cell])
            yield self.card(next(cursor))

    def card_count(self) -> int:
        """How many cards the document holds."""
        return len(self._card_order)

    def links(self) -> Iterator[Link]:
        """All links in file order."""
        return map(self._links.__getitem__, self._link_order)

    def cell_cards(self, stage_id: str, lane_id: str) -> tuple[str, ...]:
        """Ids of the cards in a cell, top to bottom."""
        return tuple(self._cells.get((stage_id, lane_id), ()))

    def cells(self) -> Iterator[tuple[Cell, tuple[str, ...]]]:
        """Every non-empty cell with its card ids."""
        for cell, ids in self._cells.items():
            if ids:
                yield cell, tuple(ids)

    def card_index(self, card_id: str) -> int:
        """Position of a card in its cell."""
        card = self.card(card_id)
        return self._cells[(card.stage, card.lane)].index(card_id)

    def reading_place(self, card_id: str) -> tuple[int, int, int]:
        """Where a card is read on the board: (stage, lane, place in its cell), to order cards stage by stage,
        lane by lane, top to bottom."""
        card = self.card(card_id)
        return self.stage_index(card.stage), self.lane_index(card.lane), self.card_index(card_id)

    def links_of(self, card_id: str) -> list[Link]:
        """Links leaving or entering a card (outgoing first), each once."""
        # Straight from the adjacency: scanning every link made a relayout that moves many
        # cards cost cards x links.
        keys = dict(self._out.get(card_id, ()))
        keys.update(self._in.get(card_id, ()))  # a link to itself is listed once
        return [self._links[k] for k in keys]

    def cards_in_stage(self, stage_id: str) -> list[str]:
        """Ids of every card in a stage, in file order."""
        return [c.id for c in self.cards() if c.stage == stage_id]

    def cards_in_lane(self, lane_id: str) -> list[str]:
        """Ids of every card in a lane, in file order."""
        return [c.id for c in self.cards() if c.lane == lane_id]

    def persona(self, persona_id: str) -> Persona:
        """The persona with this id (KeyError if none)."""
        for persona in self._personas:
            if persona.id == persona_id:
                return persona
        raise KeyError(persona_id)

    def uses_id(self, ident: str) -> bool:
        """Whether anything in the document (stage, lane, card, link, persona) has this id."""
        return ident in self._ids

    def new_id(self, prefix: str) -> str:
        """An id not used anywhere in the document, e.g. ``card-7``."""
        while True:
            candidate = f"{prefix}-{next(self._id_counter)}"
            if candidate not in self._ids:
                return candidate

    # ----------------------------------------------------------------- helpers
    def _claim_id(self, new_id: str) -> None:
        if not isinstance(new_id, str) or not new_id:
            raise ValueError("an id must be a non-empty string")
        if new_id in self._ids:
            raise ValueError(f'the id "{new_id}" is already used')
        self._ids.add(new_id)

    def _check_persona(self, persona_id: str | None) -> None:
        if persona_id is not None and not any(p.id == persona_id for p in self._personas):
            raise ValueError(f'no persona with id "{persona_id}"')

    def _check_cell(self, stage_id: str, lane_id: str) -> None:
        if not any(s.id == stage_id for s in self._stages):
            raise ValueError(f'no stage with id "{stage_id}"')
        if not any(lane.id == lane_id for lane in self._lanes):
            raise ValueError(f'no lane with id "{lane_id}"')

    def _add_node(self, card: Card) -> None:
        self._cards[card.id] = card
        if self._graph is not None:
            self._graph.add_node(card.id, card=card)

    def _add_edge(self, link: Link) -> None:
        self._out.setdefault(link.source, {})[link.id] = None
        self._in.setdefault(link.target, {})[link.id] = None
        if self._graph is not None:
            self._graph.add_edge(link.source, link.target, key=link.id, link=link)

    # ----------------------------------------------------------------- title
    def set_title(self, title: str) -> None:
        """Rename the board."""
        old, self._title = self._title, title
        if old != title:
            self.changed.emit(ev.TitleChanged("title", old, title))

    def set_language(self, language: str) -> None:
        """Write the board's own words in ``language`` (English leaves the file without the key)."""
        old = self.language
        if language == old:
            return
        self._set_extension(self.extra, "", "language", None if language == ENGLISH else language)
        self.changed.emit(ev.TitleChanged("language", old, language))

    def _set_extension(self, extra: dict[str, Any], owner: str, key: str, value: Any) -> None:
        """Set an extension key of ``extra`` (None removes it). A key put back goes where it was removed from:
        appended instead, an undo of "Language: English" moved "language" after the keys that followed it."""
        place = (owner, key)
        if value is None:
            if key in extra:
                self._extension_places[place] = list(extra).index(key)
                del extra[key]
            return
        index = self._extension_places.pop(place, None)
        if key in extra or index is None or index >= len(extra):
            extra[key] = value
            return
        items = list(extra.items())
        items.insert(index, (key, value))
        extra.clear()
        extra.update(items)

    def set_description(self, description: str | None) -> None:
        """Change the free-text description (None removes it)."""
        old, self._description = self._description, description
        if old != description:
            self.changed.emit(ev.TitleChanged("description", old, description))

    # ----------------------------------------------------------------- cards
    def card_position(self, card_id: str) -> int:
        """Where a card stands in the file's card list (for undo)."""
        return self._card_order.index(card_id)

    def link_index(self, link_id: str) -> int:
        """Where a link stands in the file's link list (for undo)."""
        return self._link_order.index(link_id)

    def add_card(self, card: Card, index: int | None = None, position: int | None = None) -> None:
        """Insert a card in its cell at ``index`` (the end when None).

        ``position`` is its place in the file's card list (the end when None), so that
        undoing a removal restores the file exactly.
        """
        self._check_cell(card.stage, card.lane)
        for field in CARD_EDITABLE_FIELDS:  # a card the file could not hold is refused here, not at load
            check_card_value(field, getattr(card, field))
        self._check_persona(card.persona)
        self._claim_id(card.id)
        cell = (card.stage, card.lane)
        ids = self._cells.setdefault(cell, [])
        index = len(ids) if index is None else max(0, min(index, len(ids)))
        ids.insert(index, card.id)
        if position is None:
            self._card_order.append(card.id)
        else:
            self._card_order.insert(position, card.id)
        self._add_node(card)
        self.changed.emit(ev.CardAdded(card.id, cell, index))

    def remove_card(self, card_id: str) -> tuple[Card, int, list[Link]]:
        """Remove a card and its links; return what undo needs to put them back."""
        card = self.card(card_id)
        removed_links = self.links_of(card_id)
        if len(removed_links) > 1:  # put in file order (a scan of every link: only when it matters)
            removed_links.sort(key=lambda link: self._link_order.index(link.id))
        for link in removed_links:
            self.remove_link(link.id)
        cell = (card.stage, card.lane)
        index = self._cells[cell].index(card_id)
        del self._cells[cell][index]
        self._card_order.remove(card_id)
        del self._cards[card_id]
        if self._graph is not None:
            self._graph.remove_node(card_id)
        self._ids.discard(card_id)
        self.changed.emit(ev.CardRemoved(card_id, cell, index))
        return card, index, removed_links

    def move_card(self, card_id: str, stage_id: str, lane_id: str, index: int | None = None) -> None:
        """Move a card to another cell, or another place in its cell (end when None)."""
        self._check_cell(stage_id, lane_id)
        card = self.card(card_id)
        old_cell = (card.stage, card.lane)
        old_ids = self._cells[old_cell]
        old_index = old_ids.index(card_id)
        del old_ids[old_index]
        new_cell = (stage_id, lane_id)
        new_ids = self._cells.setdefault(new_cell, [])
        index = len(new_ids) if index is None else max(0, min(index, len(new_ids)))
        new_ids.insert(index, card_id)
        card.stage, card.lane = stage_id, lane_id
        if (old_cell, old_index) != (new_cell, index):
            self.changed.emit(ev.CardMoved(card_id, old_cell, old_index, new_cell, index))

    def set_card_field(self, card_id: str, field: str, value: Any) -> None:
        """Change one editable field of a card (see CARD_EDITABLE_FIELDS)."""
        if field not in CARD_EDITABLE_FIELDS:
            raise ValueError(f"a card has no editable field {field!r}")
        check_card_value(field, value)
        if field == "persona":
            self._check_persona(value)
        card = self.card(card_id)
        old = getattr(card, field)
        if old == value:
            return
        setattr(card, field, copy.deepcopy(value))
        self.changed.emit(ev.CardChanged(card_id, field, old, value))

    # ----------------------------------------------------------------- links
    def add_link(self, link: Link, index: int | None = None) -> None:
        """Add an arrow between two existing cards, at ``index`` in the file's list."""
        if link.kind not in LINK_KINDS:
            raise ValueError(f'unknown link kind "{link.kind}"')
        for end in (link.source, link.target):
            if not self.has_card(end):
                raise ValueError(f'no card with id "{end}"')
        self._claim_id(link.id)
        self._links[link.id] = link
        if index is None:
            self._link_order.append(link.id)
        else:
            self._link_order.insert(max(0, index), link.id)
        self._add_edge(link)
        self.changed.emit(ev.LinkAdded(link.id))

    def remove_link(self, link_id: str) -> Link:
        """Remove a link and return it."""
        link = self._links.pop(link_id)
        self._link_order.remove(link_id)
        for adjacency, card_id in ((self._out, link.source), (self._in, link.target)):
            ids = adjacency[card_id]
            del ids[link_id]
            if not ids:  # only linked cards have an entry
                del adjacency[card_id]
        if self._graph is not None:
            self._graph.remove_edge(link.source, link.target, key=link_id)
        self._ids.discard(link_id)
        self.changed.emit(ev.LinkRemoved(link_id, link.source, link.target))
        return link

    def set_link_field(self, link_id: str, field: str, value: Any) -> None:
        """Change a link's ``label`` or ``kind``."""
        link = self._links[link_id]
        if field == "kind" and value not in LINK_KINDS:
            raise ValueError(f'unknown link kind "{value}"')
        if field not in ("label", "kind"):
            raise ValueError(f"a link has no editable field {field!r}")
        old = getattr(link, field)
        if old != value:
            setattr(link, field, value)
            self.changed.emit(ev.LinkChanged(link_id, field, old, value))

    # ----------------------------------------------------------------- stages
    def add_stage(self, stage: Stage, index: int | None = None) -> None:
        """Insert a stage at ``index`` (the end when None)."""
        check_metrics(stage.metrics)
        self._claim_id(stage.id)
        index = len(self._stages) if index is None else max(0, min(index, len(self._stages)))
        self._stages.insert(index, stage)
        self.changed.emit(ev.StageAdded(stage.id, index))

    def remove_stage(self, stage_id: str) -> tuple[Stage, int]:
        """Remove an empty stage (remove its cards first); return it and its index."""
        if self.cards_in_stage(stage_id):
            raise ValueError(f'stage "{stage_id}" still holds cards')
        index = self.stage_index(stage_id)
        stage = self._stages.pop(index)
        self._ids.discard(stage_id)
        for cell in [c for c in self._cells if c[0] == stage_id]:
            del self._cells[cell]
        self.changed.emit(ev.StageRemoved(stage_id, index))
        return stage, index

    def move_stage(self, stage_id: str, index: int) -> None:
        """Move a stage to another position."""
        old = self.stage_index(stage_id)
        index = max(0, min(index, len(self._stages) - 1))
        if old == index:
            return
        self._stages.insert(index, self._stages.pop(old))
        self.changed.emit(ev.StageMoved(stage_id, old, index))

    def set_stage_field(self, stage_id: str, field: str, value: Any) -> None:
        """Change a stage's ``name``, ``metrics`` or ``notes`` (an extension kept in ``extra``)."""
        if field not in ("name", "metrics", "notes"):
            raise ValueError(f"a stage has no editable field {field!r}")
        if field == "metrics":
            check_metrics(value)
        stage = self.stage(stage_id)
        if field == "notes":
            # Stage notes are an extension of format v1 (docs/format-extensions.md): they
            # live in ``extra`` so that they are written back where they were read.
            if value is not None and not isinstance(value, str):
                raise ValueError("stage notes are a string")
            old_notes = stage.extra.get("notes")
            if old_notes != value:
                self._set_extension(stage.extra, stage_id, "notes", value)
                self.changed.emit(ev.StageChanged(stage_id, field, old_notes, value))
            return
        old = getattr(stage, field)
        if old != value:
            setattr(stage, field, copy.deepcopy(value))
            self.changed.emit(ev.StageChanged(stage_id, field, old, value))

    # ----------------------------------------------------------------- lanes
    def add_lane(self, lane: Lane, index: int | None = None) -> None:
        """Insert a lane at ``index`` (the end when None)."""
        if lane.kind not in LANE_KINDS:
            raise ValueError(f'unknown lane kind "{lane.kind}"')
        self._claim_id(lane.id)
        index = len(self._lanes) if index is None else max(0, min(index, len(self._lanes)))
        self._lanes.insert(index, lane)
        self.changed.emit(ev.LaneAdded(lane.id, index))

    def remove_lane(self, lane_id: str) -> tuple[Lane, int]:
        """Remove an empty lane (remove its cards first); return it and its index."""
        if self.cards_in_lane(lane_id):
            raise ValueError(f'lane "{lane_id}" still holds cards')
        index = self.lane_index(lane_id)
        lane = self._lanes.pop(index)
        self._ids.discard(lane_id)
        for cell in [c for c in self._cells if c[1] == lane_id]:
            del self._cells[cell]
        self.changed.emit(ev.LaneRemoved(lane_id, index))
        return lane, index

    def move_lane(self, lane_id: str, index: int) -> None:
        """Move a lane to another position."""
        old = self.lane_index(lane_id)
        index = max(0, min(index, len(self._lanes) - 1))
        if old == index:
            return
        self._lanes.insert(index, self._lanes.pop(old))
        self.changed.emit(ev.LaneMoved(lane_id, old, index))

    def set_lane_field(self, lane_id: str, field: str, value: Any) -> None:
        """Change a lane's ``name`` or ``kind``."""
        if field not in ("name", "kind"):
            raise ValueError(f"a lane has no editable field {field!r}")
        if field == "kind" and value not in LANE_KINDS:
            raise ValueError(f'unknown lane kind "{value}"')
        lane = self.lane(lane_id)
        old = getattr(lane, field)
        if old != value:
            setattr(lane, field, value)
            self.changed.emit(ev.LaneChanged(lane_id, field, old, value))

    # ----------------------------------------------------------------- personas
    def set_personas(self, personas: Iterable[Persona]) -> None:
        """Replace the persona list; refused whole if an id clashes or a card still refers to a dropped persona."""
        new = list(personas)
        new_ids = [persona.id for persona in new]
        others = self._ids - {persona.id for persona in self._personas}
        for persona_id in new_ids:
            if not isinstance(persona_id, str) or not persona_id:
                raise ValueError("an id must be a non-empty string")
            if persona_id in others or new_ids.count(persona_id) > 1:
                raise ValueError(f'the id "{persona_id}" is already used')
        for card in self.cards():
            if card.persona is not None and card.persona not in new_ids:
                raise ValueError(f'card "{card.id}" still refers to persona "{card.persona}"')
        self._ids = others | set(new_ids)
        self._personas = new
        self.changed.emit(ev.PersonasChanged())

    # ----------------------------------------------------------------- bulk
    @classmethod
    def build(
        cls,
        *,
        title: str,
        description: str | None,
        stages: list[Stage],
        lanes: list[Lane],
        cards: list[Card],
        links: list[Link],
        personas: list[Persona],
        extra: dict[str, Any],
    ) -> Document:
        """Build a document from validated parts without emitting per-item events."""
        doc = cls(title, description)
        doc.extra = extra
        doc._personas = list(personas)
        doc._stages = list(stages)
        doc._lanes = list(lanes)
        ids = [item.id for group in (stages, lanes, personas, cards, links) for item in group]
        if len(set(ids)) == len(ids) and all(type(item_id) is str and item_id for item_id in ids):
            doc._ids = set(ids)
        else:  # one at a time, so that the first bad or repeated id is the one named
            for item_id in ids:
                doc._claim_id(item_id)
        cells, cards_by_id = doc._cells, doc._cards
        for card in cards:
            card_id = card.id
            cell = (card.stage, card.lane)
            if cell in cells:
                cells[cell].append(card_id)
            else:
                cells[cell] = [card_id]
            cards_by_id[card_id] = card
        doc._card_order = [card.id for card in cards]
        for link in links:
            doc._links[link.id] = link
            doc._add_edge(link)
        doc._link_order = list(doc._links)
        return doc

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make many edits as one: their events are held back and one DocumentReset is announced after.

        Each edit's event makes every listener catch up (the layout, the scene, the panels);
        a delete of thousands of cards and its undo did that thousands of times, each time
        checking the whole board (minutes at 5,000 cards). One reset after the block costs one
        full layout. Nested blocks announce once, at the end of the outermost.
        """
        if self.changed.is_blocked:
            yield
            return
        held: list[tuple[Any, ...]] = []
        try:
            with self.changed.held(held):
                yield
        finally:
            # Also after an error part-way: listeners catch up. The cards it added, moved or changed are named
            # (an undo of a delete of 32 cards or more chose none of them: the editor chooses what an undo touched).
            touched = (args[0].card_id for args in held
                       if args and isinstance(args[0], ev.CardAdded | ev.CardMoved | ev.CardChanged))
            # And the cells it took cards from (an undone paste of 40 cards: the editor shows where they went).
            emptied = (args[0].cell for args in held if args and isinstance(args[0], ev.CardRemoved))
            self.changed.emit(ev.DocumentReset(tuple(dict.fromkeys(touched)), tuple(dict.fromkeys(emptied))))

    def replace_with(self, other: Document) -> None:
        """Take over another document's content and announce one DocumentReset."""
        for name in (
            "_title", "_description", "_stages", "_lanes", "_personas", "_graph", "_out", "_in",
            "_cells", "_card_order", "_cards", "_links", "_link_order", "_ids", "extra",
        ):
            setattr(self, name, getattr(other, name))
        self.changed.emit(ev.DocumentReset((), ()))


def check_card_value(field: str, value: Any) -> None:
    """Raise ValueError when ``value`` is not allowed for a card's ``field``."""
    if field == "score" and value is not None:
        low, high = SCORE_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"a score is a whole number from {low} to {high}")
    elif field == "color" and value is not None:
        if not is_hex_color(value):
            raise ValueError('a colour is written "#rrggbb"')
    elif field == "fail" and not isinstance(value, bool):
        raise ValueError("fail is true or false")
    elif field == "tags" and value is not None:
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            raise ValueError("tags are a list of strings")
    elif field == "votes":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_VOTES:
            raise ValueError(f"votes are a whole number from 0 to {MAX_VOTES}")
    elif field == "text" and not isinstance(value, str):
        raise ValueError("text is a string")
    elif field in ("channel", "wait", "notes", "persona") and value is not None and not isinstance(value, str):
        raise ValueError(f"{field} is a string")


def check_metrics(metrics: Any) -> None:
    """Raise ValueError unless ``metrics`` is None or maps names to finite numbers."""
    if metrics is None:
        return
    if not isinstance(metrics, dict):
        raise ValueError("metrics map a name to a number")
    for name, number in metrics.items():
        if not isinstance(name, str):
            raise ValueError("a metric's name is a string")
        if isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number):
            raise ValueError(f"the metric {name!r} is not a finite number")


def is_hex_color(value: object) -> bool:
    """Whether ``value`` is a ``#rrggbb`` string."""
    if not isinstance(value, str) or len(value) != 7 or value[0] != "#":
        return False
    return all(ch in "0123456789abcdefABCDEF" for ch in value[1:])
