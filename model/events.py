"""Change events a Document announces through its ``changed`` signal.

Each event carries ids and the old and new values, so a listener (the canvas, the
layout, an undo command) never has to diff the document to learn what happened.
"""

from __future__ import annotations

from typing import Any

from model.record import record

Cell = tuple[str, str]  # (stage id, lane id)


@record
class DocumentReset:
    """The whole document was replaced (a load), or many edits made as one (``Document.batch``): rebuild
    everything, once. ``cards``: the cards the batch added, moved or changed, in order (none for a load);
    ``emptied``: the cells it took cards from, in order (none for a load)."""

    cards: tuple[str, ...]
    emptied: tuple[Cell, ...]


@record
class TitleChanged:
    """The title, the description or the language of the board's own words changed."""

    field: str
    old: str | None
    new: str | None


@record
class CardAdded:
    """A card was inserted at ``index`` in its cell."""

    card_id: str
    cell: Cell
    index: int


@record
class CardRemoved:
    """A card left ``cell``; it stood at ``index`` there."""

    card_id: str
    cell: Cell
    index: int


@record
class CardChanged:
    """One field of a card changed."""

    card_id: str
    field: str
    old: Any
    new: Any


@record
class CardMoved:
    """A card moved to another cell or another place in its cell."""

    card_id: str
    old_cell: Cell
    old_index: int
    new_cell: Cell
    new_index: int


@record
class LinkAdded:
    """A link was added."""

    link_id: str


@record
class LinkRemoved:
    """A link was removed; ``source`` and ``target`` are the card ids it joined."""

    link_id: str
    source: str
    target: str


@record
class LinkChanged:
    """A link's label or kind changed."""

    link_id: str
    field: str
    old: Any
    new: Any


@record
class StageAdded:
    """A stage was inserted at ``index``."""

    stage_id: str
    index: int


@record
class StageRemoved:
    """A stage (already emptied of cards) was removed from ``index``."""

    stage_id: str
    index: int


@record
class StageChanged:
    """A stage's name or metrics changed."""

    stage_id: str
    field: str
    old: Any
    new: Any


@record
class StageMoved:
    """A stage moved from ``old_index`` to ``new_index``."""

    stage_id: str
    old_index: int
    new_index: int


@record
class LaneAdded:
    """A lane was inserted at ``index``."""

    lane_id: str
    index: int


@record
class LaneRemoved:
    """A lane (already emptied of cards) was removed from ``index``."""

    lane_id: str
    index: int


@record
class LaneChanged:
    """A lane's name or kind changed."""

    lane_id: str
    field: str
    old: Any
    new: Any


@record
class LaneMoved:
    """A lane moved from ``old_index`` to ``new_index``."""

    lane_id: str
    old_index: int
    new_index: int


@record
class PersonasChanged:
    """The persona list changed (added, edited or removed)."""
