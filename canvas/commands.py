"""Undo commands: every user edit is one QUndoCommand that calls Document methods.

Commands store ids, indices and copies of removed records, so undo restores the
document exactly (orange-canvas-core's document/commands.py). Compound edits are a
parent command whose children run in order on redo and in reverse on undo.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from canvas.translate import tr
from model import Card, Document, Lane, Link, Persona, Stage
from model.board_words import ENGLISH
from model.entities import MAX_VOTES

if TYPE_CHECKING:
    from model.arrange import Order

# A macro of this many steps or more is one batch of the document's (Macro._batch).
BATCH_FROM = 32


class Macro(QUndoCommand):
    """A compound edit: its steps run in order on redo and in reverse on undo.

    The steps are plain commands without a Qt parent, held in a Python list. Qt-parented
    child commands made PySide crash in ~QUndoCommand when the stack was cleared or
    destroyed (New or Open after a Delete).
    """

    def __init__(self, text: str, document: Document | None = None) -> None:
        super().__init__(text)
        self._steps: list[QUndoCommand] = []
        self._document = document  # given: a long macro is one batch of the document's (Document.batch)

    def add(self, step: QUndoCommand) -> None:
        """Append a step (created without a parent)."""
        self._steps.append(step)

    def is_empty(self) -> bool:
        """Whether it has no step."""
        return not self._steps

    def redo(self) -> None:
        """Run every step in order."""
        with self._batch():
            for step in self._steps:
                step.redo()

    def undo(self) -> None:
        """Undo every step, last first."""
        with self._batch():
            for step in reversed(self._steps):
                step.undo()

    def _batch(self) -> AbstractContextManager[None]:
        # Past a few dozen steps, one full relayout after them all is cheaper than one
        # incremental relayout per step (deleting 5,000 selected cards took minutes).
        if self._document is None or len(self._steps) < BATCH_FROM:
            return nullcontext()
        return self._document.batch()


class AddCard(QUndoCommand):
    """Insert a new card in a cell."""

    def __init__(self, document: Document, card: Card, index: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Add card"), parent)
        self._doc, self._card, self._index = document, copy.deepcopy(card), index

    def redo(self) -> None:
        """Add the card."""
        self._doc.add_card(copy.deepcopy(self._card), self._index)

    def undo(self) -> None:
        """Remove it again."""
        self._doc.remove_card(self._card.id)


class RemoveCard(QUndoCommand):
    """Remove a card and the links that touch it."""

    def __init__(self, document: Document, card_id: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Delete card"), parent)
        self._doc, self._card_id = document, card_id
        self._card: Card | None = None
        self._index = 0
        self._position = 0
        self._links: list[tuple[int, Link]] = []

    def redo(self) -> None:
        """Remove the card, remembering where it stood and its links."""
        doc = self._doc
        self._position = doc.card_position(self._card_id)
        self._links = [(doc.link_index(k.id), copy.deepcopy(k)) for k in doc.links_of(self._card_id)]
        card, self._index, _ = doc.remove_card(self._card_id)
        self._card = copy.deepcopy(card)

    def undo(self) -> None:
        """Put the card back at its place, then its links at theirs."""
        assert self._card is not None
        self._doc.add_card(copy.deepcopy(self._card), self._index, self._position)
        for index, link in sorted(self._links, key=lambda pair: pair[0]):
            self._doc.add_link(copy.deepcopy(link), index)


class MoveCard(QUndoCommand):
    """Move a card to another cell or another place in its cell.

    A card with no score moved into an emotion lane from another lane is scored 0 (neutral) with the move, as
    a card added there is (BoardScene.add_card_in_cell): unscored, it was drawn as a neutral point of the
    curve while Properties › Score said "—". Its undo takes the score back with the move.
    """

    def __init__(self, document: Document, card_id: str, stage_id: str, lane_id: str, index: int | None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Move card"), parent)
        card = document.card(card_id)
        self._doc, self._card_id = document, card_id
        self._old = (card.stage, card.lane, document.card_index(card_id))
        self._new = (stage_id, lane_id, index)
        self._scores = card.score is None and lane_id != card.lane and document.lane(lane_id).kind == "emotion"

    def redo(self) -> None:
        """Move to the new place."""
        self._doc.move_card(self._card_id, *self._new)
        if self._scores:
            self._doc.set_card_field(self._card_id, "score", 0)

    def undo(self) -> None:
        """Move back."""
        if self._scores:
            self._doc.set_card_field(self._card_id, "score", None)
        self._doc.move_card(self._card_id, *self._old)


def _card_field_step(field: str) -> str:
    """Edit › Undo's words for a change of a card's ``field`` (the field's id read "Undo Change card fail", and
    in German "Karte ändern (fail)")."""
    steps = {"text": tr("Change card text"), "color": tr("Change card colour"), "score": tr("Change emotion score"),
             "channel": tr("Change card channel"), "fail": tr("Change fail point"), "wait": tr("Change wait"),
             "tags": tr("Change card tags"), "notes": tr("Change card notes"), "persona": tr("Change card persona"),
             "votes": tr("Change votes")}
    return steps.get(field, tr("Change card"))


class SetCardField(QUndoCommand):
    """Change one field of a card (text, colour, fail, wait, channel, score, tags, notes...)."""

    def __init__(self, document: Document, card_id: str, field: str, value: Any,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(_card_field_step(field), parent)
        self._doc, self._card_id, self._field = document, card_id, field
        self._old = copy.deepcopy(getattr(document.card(card_id), field))
        self._new = copy.deepcopy(value)

    def redo(self) -> None:
        """Set the new value."""
        self._doc.set_card_field(self._card_id, self._field, copy.deepcopy(self._new))

    def undo(self) -> None:
        """Set the old value."""
        self._doc.set_card_field(self._card_id, self._field, copy.deepcopy(self._old))


class AddLink(QUndoCommand):
    """Connect two cards."""

    def __init__(self, document: Document, link: Link, parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Connect cards"), parent)
        self._doc, self._link = document, copy.deepcopy(link)

    def redo(self) -> None:
        """Add the link."""
        self._doc.add_link(copy.deepcopy(self._link))

    def undo(self) -> None:
        """Remove it."""
        self._doc.remove_link(self._link.id)


class RemoveLink(QUndoCommand):
    """Delete one link."""

    def __init__(self, document: Document, link_id: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Delete link"), parent)
        self._doc, self._link = document, copy.deepcopy(document.link(link_id))
        self._index = [k.id for k in document.links()].index(link_id)

    def redo(self) -> None:
        """Remove the link."""
        self._index = self._doc.link_index(self._link.id)
        self._doc.remove_link(self._link.id)

    def undo(self) -> None:
        """Add it back at its place in the file."""
        self._doc.add_link(copy.deepcopy(self._link), self._index)


class SetLinkField(QUndoCommand):
    """Change a link's label or kind."""

    def __init__(self, document: Document, link_id: str, field: str, value: Any,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Change link label") if field == "label" else tr("Change link kind"), parent)
        self._doc, self._link_id, self._field = document, link_id, field
        self._old, self._new = getattr(document.link(link_id), field), value

    def redo(self) -> None:
        """Set the new value."""
        self._doc.set_link_field(self._link_id, self._field, self._new)

    def undo(self) -> None:
        """Set the old value."""
        self._doc.set_link_field(self._link_id, self._field, self._old)


class AddStage(QUndoCommand):
    """Insert a stage."""

    def __init__(self, document: Document, stage: Stage, index: int | None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Add stage"), parent)
        self._doc, self._stage, self._index = document, copy.deepcopy(stage), index

    def redo(self) -> None:
        """Add the stage."""
        self._doc.add_stage(copy.deepcopy(self._stage), self._index)

    def undo(self) -> None:
        """Remove it."""
        self._doc.remove_stage(self._stage.id)


class _RemoveEmpty(QUndoCommand):
    """Remove an emptied stage or lane (the cards go first, as child commands)."""

    def __init__(self, text: str, document: Document, item_id: str, is_stage: bool,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._doc, self._id, self._is_stage = document, item_id, is_stage
        self._item: Stage | Lane | None = None
        self._index = 0

    def redo(self) -> None:
        """Remove the stage or lane."""
        if self._is_stage:
            self._item, self._index = self._doc.remove_stage(self._id)
        else:
            self._item, self._index = self._doc.remove_lane(self._id)

    def undo(self) -> None:
        """Put it back at its index."""
        if isinstance(self._item, Stage):
            self._doc.add_stage(self._item, self._index)
        elif isinstance(self._item, Lane):
            self._doc.add_lane(self._item, self._index)


def remove_stage(document: Document, stage_id: str) -> QUndoCommand:
    """One undo step that deletes a stage with its cards and their links."""
    parent = Macro(tr("Delete stage \"{0}\"").format(document.stage(stage_id).name), document)
    for card_id in document.cards_in_stage(stage_id):
        parent.add(RemoveCard(document, card_id))
    parent.add(_RemoveEmpty(tr("Delete stage"), document, stage_id, True))
    return parent


def remove_lane(document: Document, lane_id: str) -> QUndoCommand:
    """One undo step that deletes a lane with its cards and their links."""
    parent = Macro(tr("Delete lane \"{0}\"").format(document.lane(lane_id).name), document)
    for card_id in document.cards_in_lane(lane_id):
        parent.add(RemoveCard(document, card_id))
    parent.add(_RemoveEmpty(tr("Delete lane"), document, lane_id, False))
    return parent


class AddLane(QUndoCommand):
    """Insert a lane."""

    def __init__(self, document: Document, lane: Lane, index: int | None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Add lane"), parent)
        self._doc, self._lane, self._index = document, copy.deepcopy(lane), index

    def redo(self) -> None:
        """Add the lane."""
        self._doc.add_lane(copy.deepcopy(self._lane), self._index)

    def undo(self) -> None:
        """Remove it."""
        self._doc.remove_lane(self._lane.id)


class MoveStage(QUndoCommand):
    """Reorder a stage."""

    def __init__(self, document: Document, stage_id: str, index: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Move stage"), parent)
        self._doc, self._id = document, stage_id
        self._old, self._new = document.stage_index(stage_id), index

    def redo(self) -> None:
        """Move to the new index."""
        self._doc.move_stage(self._id, self._new)

    def undo(self) -> None:
        """Move back."""
        self._doc.move_stage(self._id, self._old)


class MoveLane(QUndoCommand):
    """Reorder a lane."""

    def __init__(self, document: Document, lane_id: str, index: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Move lane"), parent)
        self._doc, self._id = document, lane_id
        self._old, self._new = document.lane_index(lane_id), index

    def redo(self) -> None:
        """Move to the new index."""
        self._doc.move_lane(self._id, self._new)

    def undo(self) -> None:
        """Move back."""
        self._doc.move_lane(self._id, self._old)


class SetStageField(QUndoCommand):
    """Rename a stage or change its metrics."""

    def __init__(self, document: Document, stage_id: str, field: str, value: Any,
                 parent: QUndoCommand | None = None) -> None:
        labels = {"name": tr("Rename stage"), "notes": tr("Change stage notes")}
        super().__init__(labels.get(field, tr("Change stage metrics")), parent)
        self._doc, self._id, self._field = document, stage_id, field
        stage = document.stage(stage_id)
        old = stage.extra.get("notes") if field == "notes" else getattr(stage, field)
        self._old, self._new = copy.deepcopy(old), copy.deepcopy(value)

    def redo(self) -> None:
        """Set the new value."""
        self._doc.set_stage_field(self._id, self._field, copy.deepcopy(self._new))

    def undo(self) -> None:
        """Set the old value."""
        self._doc.set_stage_field(self._id, self._field, copy.deepcopy(self._old))


class SetLaneField(QUndoCommand):
    """Rename a lane or change its kind.

    A lane made an emotion lane scores its cards that have no score 0 (neutral), as MoveCard does a card moved
    into one: unscored, they were drawn as neutral points of the curve while Properties › Score said "—". Its
    undo takes those scores back with the kind.
    """

    def __init__(self, document: Document, lane_id: str, field: str, value: Any,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(tr("Rename lane") if field == "name" else tr("Change lane kind"), parent)
        self._doc, self._id, self._field = document, lane_id, field
        self._old, self._new = getattr(document.lane(lane_id), field), value
        self._unscored = [card_id for card_id in document.cards_in_lane(lane_id)
                          if document.card(card_id).score is None] \
            if field == "kind" and value == "emotion" and self._old != "emotion" else []

    def redo(self) -> None:
        """Set the new value."""
        self._doc.set_lane_field(self._id, self._field, self._new)
        for card_id in self._unscored:
            self._doc.set_card_field(card_id, "score", 0)

    def undo(self) -> None:
        """Set the old value."""
        for card_id in self._unscored:
            self._doc.set_card_field(card_id, "score", None)
        self._doc.set_lane_field(self._id, self._field, self._old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take in ``other``, done right after this one (both done already) and changing the same field of the same
        lane: one change from this one's old value to ``other``'s new one (the steps through Properties › Kind,
        merged by app/properties.StepCommand: id() stays -1, so the stack never merges two on its own).

        A lane stepped through Emotions on to Thoughts kept the neutral scores Emotions gave its cards on the way:
        each of its cards had a "±0 Neutral" chip that neither kind gives. They are taken back here.
        """
        if not isinstance(other, SetLaneField) or other._doc is not self._doc or other._id != self._id \
                or other._field != self._field:
            return False
        if self._unscored and other._new != "emotion":
            for card_id in self._unscored:
                if self._doc.has_card(card_id):
                    self._doc.set_card_field(card_id, "score", None)
            self._unscored = []
        self._unscored += other._unscored
        self._new = other._new
        return True


class SetTitle(QUndoCommand):
    """Rename the board, or change its description or the language of its own words."""

    def __init__(self, document: Document, field: str, value: str | None,
                 parent: QUndoCommand | None = None) -> None:
        texts = {"title": tr("Rename board"), "description": tr("Change description"),
                 "language": tr("Change the board's language")}
        super().__init__(texts[field], parent)
        self._doc, self._field = document, field
        self._old = {"title": document.title, "description": document.description,
                     "language": document.language}[field]
        self._new = value

    def redo(self) -> None:
        """Set the new value."""
        self._apply(self._new)

    def undo(self) -> None:
        """Set the old value."""
        self._apply(self._old)

    def _apply(self, value: str | None) -> None:
        if self._field == "title":
            self._doc.set_title(value or "")
        elif self._field == "language":
            self._doc.set_language(value or ENGLISH)
        else:
            self._doc.set_description(value)


def delete_selection(document: Document, card_ids: list[str], link_ids: list[str]) -> QUndoCommand:
    """One undo step deleting cards (with their links) and links."""
    doomed = set(card_ids)
    # Arrows of cards deleted with them go with their cards: not counted apart.
    loose = [k for k in link_ids if document.link(k).source not in doomed and document.link(k).target not in doomed]
    count = len(card_ids) + len(loose)
    # The undo text names what goes: "Delete 2 cards", "Delete 1 arrow", or both kinds as items.
    text = tr("Delete %n arrow(s)", "", count) if not card_ids else \
        tr("Delete %n card(s)", "", count) if not loose else tr("Delete %n item(s)", "", count)
    parent = Macro(text, document)
    for link_id in loose:
        parent.add(RemoveLink(document, link_id))
    for card_id in card_ids:
        parent.add(RemoveCard(document, card_id))
    return parent


class SetPersonas(QUndoCommand):
    """Replace the persona list: add, edit, reorder or remove personas in one step.

    ``added``: the id of the persona this step adds; its first edit right after (naming it) merges into it, so
    adding and naming a persona is one undo step, as adding and naming a stage is (it was two "Change
    personas", the first Ctrl+Z giving back "New persona").
    """

    MERGE_ID = 0x5045  # "PE"

    def __init__(self, document: Document, personas: list[Persona], parent: QUndoCommand | None = None,
                 added: str | None = None) -> None:
        super().__init__(tr("Add persona") if added else tr("Change personas"), parent)
        self._doc = document
        self._old, self._new = copy.deepcopy(list(document.personas)), copy.deepcopy(list(personas))
        self._added = added

    def id(self) -> int:
        """Persona steps may merge (only into the step that added the persona the next one edits)."""
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take in the first edit of the persona this step added, made right after it."""
        if self._added is None or not isinstance(other, SetPersonas) or other._old != self._new:
            return False
        if [p.id for p in other._new] != [p.id for p in self._new]:
            return False  # one added or taken away: a step of its own
        changed = {new.id for old, new in zip(self._new, other._new, strict=True) if old != new}
        if changed != {self._added}:
            return False
        self._new, self._added = other._new, None
        return True

    def redo(self) -> None:
        """Set the new list."""
        self._doc.set_personas(copy.deepcopy(self._new))

    def undo(self) -> None:
        """Set the old list."""
        self._doc.set_personas(copy.deepcopy(self._old))


def remove_persona(document: Document, persona_id: str) -> QUndoCommand:
    """One undo step that removes a persona, first clearing it from the cards that name it."""
    parent = Macro(tr("Delete persona \"{0}\"").format(document.persona(persona_id).name), document)
    for card in document.cards():
        if card.persona == persona_id:
            parent.add(SetCardField(document, card.id, "persona", None))
    parent.add(SetPersonas(document, [p for p in document.personas if p.id != persona_id]))
    return parent


def arrange(document: Document, target: Order | None = None) -> QUndoCommand | None:
    """One undo step that reorders the cards in each cell to cross fewer arrows (None if none move)."""
    from model.arrange import arranged_order

    if target is None:  # the order to reach, when the caller has not worked it out already
        target = arranged_order(document)
    moves = ((card_id, stage_id, lane_id, index) for (stage_id, lane_id), ids in target.items()
             for index, card_id in enumerate(ids) if document.card_index(card_id) != index)
    step = rehearsed_moves(document, tr("Arrange cards"), moves)
    return None if step.is_empty() else step


def move_cards_by(document: Document, card_ids: list[str], dx: int, dy: int) -> QUndoCommand | None:
    """One undo step moving these cards ``dx`` stages and ``dy`` lanes over (Ctrl+arrows with several
    chosen), each cell's cards together and in their order; None when one of them would leave the board."""
    stage_at = {stage.id: i for i, stage in enumerate(document.stages)}
    lane_at = {lane.id: i for i, lane in enumerate(document.lanes)}
    by_cell: dict[tuple[str, str], list[str]] = {}
    for card_id in card_ids:
        card = document.card(card_id)
        by_cell.setdefault((card.stage, card.lane), []).append(card_id)
    if any(not (0 <= stage_at[s] + dx < len(stage_at) and 0 <= lane_at[ln] + dy < len(lane_at)) for s, ln in by_cell):
        return None
    # The cells furthest along the move go first: a cell that takes cards has let its own go by then.
    cells = sorted(by_cell, key=lambda cell: (-dx * stage_at[cell[0]], -dy * lane_at[cell[1]]))

    def moves() -> Iterator[tuple[str, str, str, int]]:  # each read after the moves before it are made
        for stage_id, lane_id in cells:
            ids = sorted(by_cell[(stage_id, lane_id)], key=document.card_index)
            target = (document.stages[stage_at[stage_id] + dx].id, document.lanes[lane_at[lane_id] + dy].id)
            at = min(document.card_index(ids[0]), len(document.cell_cards(*target)))
            for offset, card_id in enumerate(ids):
                yield card_id, *target, at + offset

    return rehearsed_moves(document, tr("Move %n card(s)", "", len(card_ids)), moves())


def rehearsed_moves(document: Document, text: str, moves: Iterable[tuple[str, str, str, int]]) -> Macro:
    """One undo step of these card moves (card, stage, lane, index), each read when the ones before it are made.

    Each MoveCard reads the card's place when made, so every step is made and run in turn, then all
    are undone, last first: the document ends as it began (with its change announcements held back
    meanwhile) and the macro replays the same steps.
    """
    steps: list[MoveCard] = []
    with document.changed.blocked():
        try:
            for card_id, stage_id, lane_id, index in moves:
                step = MoveCard(document, card_id, stage_id, lane_id, index)
                step.redo()
                steps.append(step)
        finally:
            for step in reversed(steps):
                step.undo()
    parent = Macro(text, document)
    for step in steps:
        parent.add(step)
    return parent


def change_votes(document: Document, card_ids: list[str], delta: int) -> QUndoCommand | None:
    """One vote more (``delta`` 1) or less (-1) on each card, as one step; None if nothing changes."""
    changes = []
    for card_id in card_ids:
        votes = document.card(card_id).votes
        new = max(0, min(MAX_VOTES, votes + delta))
        if new != votes:
            changes.append((card_id, new))
    if not changes:
        return None
    if delta > 0:
        text = tr("Add vote") if len(changes) == 1 else tr("Add votes on %n card(s)", "", len(changes))
    else:
        text = tr("Remove vote") if len(changes) == 1 else tr("Remove votes on %n card(s)", "", len(changes))
    parent = Macro(text, document)
    for card_id, new in changes:
        parent.add(SetCardField(document, card_id, "votes", new))
    return parent
