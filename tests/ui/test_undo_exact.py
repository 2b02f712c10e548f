"""Undo is exact (issue 6, promise 6): a hypothesis state machine pushes random edits of
every kind through a real Editor's QUndoStack, with undo and redo mixed in.

After every step the document round-trips through dumps/loads, and its text equals the
text recorded when the stack last stood at the same index; at the end, undoing all gives
back the exact starting text and redoing all the exact end text. The scene listens all the
while, so a command whose events the canvas cannot follow fails here too.

``TOUCHLINE_UNDO_EXAMPLES=500 pytest tests/ui/test_undo_exact.py`` runs longer.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtGui import QUndoCommand

from app.editor import Editor
from canvas import commands as cmd
from model import Card, Lane, Link, Persona, Stage, dumps, loads
from model.entities import LANE_KINDS, LINK_KINDS

EXAMPLES = int(os.environ.get("TOUCHLINE_UNDO_EXAMPLES", "25"))

START = """{
  "format": "touchline", "version": 1, "title": "Coffee", "description": "to go",
  "personas": [{"id": "p1", "name": "Maya", "goals": ["fast"]}, {"id": "p2", "name": "Ben"}],
  "stages": [{"id": "s1", "name": "Order", "metrics": {"NPS": 30}}, {"id": "s2", "name": "Pay"}],
  "lanes": [{"id": "cust", "name": "Customer", "kind": "customer"},
            {"id": "front", "name": "Barista", "kind": "frontstage"},
            {"id": "emo", "name": "Feeling", "kind": "emotion"}],
  "cards": [{"id": "c1", "lane": "cust", "stage": "s1", "text": "Orders", "persona": "p1", "x-kept": [1]},
            {"id": "c2", "lane": "front", "stage": "s1", "text": "Takes order", "wait": "2 min"},
            {"id": "c3", "lane": "cust", "stage": "s2", "text": "Taps card", "fail": true},
            {"id": "c4", "lane": "emo", "stage": "s2", "text": "Relieved", "score": 1, "tags": ["a"]}],
  "links": [{"id": "k1", "from": "c1", "to": "c3"}, {"id": "k2", "from": "c2", "to": "c1", "kind": "depends"}],
  "x-extension": {"kept": true}
}"""

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
OPTIONAL_TEXT = st.none() | TEXT
COLOR = st.none() | st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)
METRICS = st.none() | st.dictionaries(TEXT, st.integers(-100, 100) | st.floats(-1e6, 1e6, allow_nan=False), max_size=3)


class UndoMachine(RuleBasedStateMachine):
    """Random edits, undos and redos on one document; the texts seen at each stack index are kept."""

    def __init__(self) -> None:
        super().__init__()
        self.doc = loads(START)
        self.editor = Editor(self.doc)
        self.stack = self.editor.undo_stack
        self.start = dumps(self.doc)
        self.seen: dict[int, str] = {0: self.start}  # stack index -> the text at that index
        self.kinds: set[str] = set()

    # ------------------------------------------------------------------ helpers
    def push(self, command: QUndoCommand, kind: str) -> None:
        self.editor.push(command)
        self.kinds.add(kind)
        index = self.stack.index()
        self.seen = {i: text for i, text in self.seen.items() if i < index}
        self.seen[index] = dumps(self.doc)

    def cards(self) -> list[str]:
        return [c.id for c in self.doc.cards()]

    # ------------------------------------------------------------------ cards
    @precondition(lambda self: self.doc.stages and self.doc.lanes)
    @rule(data=st.data(), text=TEXT)
    def add_card(self, data: st.DataObject, text: str) -> None:
        stage = data.draw(st.sampled_from([s.id for s in self.doc.stages]))
        lane = data.draw(st.sampled_from([ln.id for ln in self.doc.lanes]))
        index = data.draw(st.none() | st.integers(0, len(self.doc.cell_cards(stage, lane))))
        self.push(cmd.AddCard(self.doc, Card(self.doc.new_id("card"), lane, stage, text), index), "AddCard")

    @precondition(lambda self: self.doc.card_count())
    @rule(data=st.data())
    def remove_card(self, data: st.DataObject) -> None:
        self.push(cmd.RemoveCard(self.doc, data.draw(st.sampled_from(self.cards()))), "RemoveCard")

    @precondition(lambda self: self.doc.card_count())
    @rule(data=st.data())
    def move_card(self, data: st.DataObject) -> None:
        card = data.draw(st.sampled_from(self.cards()))
        stage = data.draw(st.sampled_from([s.id for s in self.doc.stages]))
        lane = data.draw(st.sampled_from([ln.id for ln in self.doc.lanes]))
        index = data.draw(st.none() | st.integers(0, len(self.doc.cell_cards(stage, lane))))
        self.push(cmd.MoveCard(self.doc, card, stage, lane, index), "MoveCard")

    @precondition(lambda self: self.doc.card_count())
    @rule(data=st.data())
    def set_card_field(self, data: st.DataObject) -> None:
        card = data.draw(st.sampled_from(self.cards()))
        personas = [p.id for p in self.doc.personas]
        values: dict[str, st.SearchStrategy[Any]] = {
            "text": TEXT, "color": COLOR, "score": st.none() | st.integers(-2, 2), "channel": OPTIONAL_TEXT,
            "fail": st.booleans(), "wait": OPTIONAL_TEXT, "tags": st.none() | st.lists(TEXT, max_size=3),
            "notes": OPTIONAL_TEXT, "persona": st.none() | (st.sampled_from(personas) if personas else st.none()),
            "votes": st.integers(0, 12),
        }
        field = data.draw(st.sampled_from(sorted(values)))
        self.push(cmd.SetCardField(self.doc, card, field, data.draw(values[field])), "SetCardField")

    # ------------------------------------------------------------------ links
    @precondition(lambda self: self.doc.card_count())
    @rule(data=st.data(), label=OPTIONAL_TEXT, kind=st.sampled_from(LINK_KINDS))
    def add_link(self, data: st.DataObject, label: str | None, kind: str) -> None:
        source = data.draw(st.sampled_from(self.cards()))
        target = data.draw(st.sampled_from(self.cards()))
        self.push(cmd.AddLink(self.doc, Link(self.doc.new_id("link"), source, target, label, kind)), "AddLink")

    @precondition(lambda self: any(True for _ in self.doc.links()))
    @rule(data=st.data())
    def remove_link(self, data: st.DataObject) -> None:
        link = data.draw(st.sampled_from([k.id for k in self.doc.links()]))
        self.push(cmd.RemoveLink(self.doc, link), "RemoveLink")

    @precondition(lambda self: any(True for _ in self.doc.links()))
    @rule(data=st.data())
    def set_link_field(self, data: st.DataObject) -> None:
        link = data.draw(st.sampled_from([k.id for k in self.doc.links()]))
        field = data.draw(st.sampled_from(["label", "kind"]))
        value = data.draw(OPTIONAL_TEXT if field == "label" else st.sampled_from(LINK_KINDS))
        self.push(cmd.SetLinkField(self.doc, link, field, value), "SetLinkField")

    @precondition(lambda self: self.doc.card_count() or any(True for _ in self.doc.links()))
    @rule(data=st.data())
    def delete_selection(self, data: st.DataObject) -> None:
        cards = data.draw(st.lists(st.sampled_from(self.cards()), unique=True) if self.doc.card_count()
                          else st.just([]))
        links = [k.id for k in self.doc.links()]
        chosen = data.draw(st.lists(st.sampled_from(links), unique=True) if links else st.just([]))
        if cards or chosen:
            self.push(cmd.delete_selection(self.doc, cards, chosen), "delete_selection")

    # ------------------------------------------------------------------ stages and lanes
    @rule(data=st.data(), name=TEXT, metrics=METRICS)
    def add_stage(self, data: st.DataObject, name: str, metrics: dict[str, float] | None) -> None:
        index = data.draw(st.none() | st.integers(0, len(self.doc.stages)))
        self.push(cmd.AddStage(self.doc, Stage(self.doc.new_id("stage"), name, metrics), index), "AddStage")

    @rule(data=st.data(), name=TEXT, kind=st.sampled_from(LANE_KINDS))
    def add_lane(self, data: st.DataObject, name: str, kind: str) -> None:
        index = data.draw(st.none() | st.integers(0, len(self.doc.lanes)))
        self.push(cmd.AddLane(self.doc, Lane(self.doc.new_id("lane"), name, kind), index), "AddLane")

    @precondition(lambda self: self.doc.stages)
    @rule(data=st.data())
    def move_stage(self, data: st.DataObject) -> None:
        stage = data.draw(st.sampled_from([s.id for s in self.doc.stages]))
        self.push(cmd.MoveStage(self.doc, stage, data.draw(st.integers(0, len(self.doc.stages) - 1))), "MoveStage")

    @precondition(lambda self: self.doc.lanes)
    @rule(data=st.data())
    def move_lane(self, data: st.DataObject) -> None:
        lane = data.draw(st.sampled_from([ln.id for ln in self.doc.lanes]))
        self.push(cmd.MoveLane(self.doc, lane, data.draw(st.integers(0, len(self.doc.lanes) - 1))), "MoveLane")

    @precondition(lambda self: self.doc.stages)
    @rule(data=st.data())
    def set_stage_field(self, data: st.DataObject) -> None:
        stage = data.draw(st.sampled_from([s.id for s in self.doc.stages]))
        field = data.draw(st.sampled_from(["name", "metrics", "notes"]))
        value = data.draw({"name": TEXT, "metrics": METRICS, "notes": OPTIONAL_TEXT}[field])
        self.push(cmd.SetStageField(self.doc, stage, field, value), "SetStageField")

    @precondition(lambda self: self.doc.lanes)
    @rule(data=st.data())
    def set_lane_field(self, data: st.DataObject) -> None:
        lane = data.draw(st.sampled_from([ln.id for ln in self.doc.lanes]))
        field = data.draw(st.sampled_from(["name", "kind"]))
        value = data.draw(TEXT if field == "name" else st.sampled_from(LANE_KINDS))
        self.push(cmd.SetLaneField(self.doc, lane, field, value), "SetLaneField")

    @precondition(lambda self: len(self.doc.stages) > 1)
    @rule(data=st.data())
    def remove_stage(self, data: st.DataObject) -> None:
        stage = data.draw(st.sampled_from([s.id for s in self.doc.stages]))
        self.push(cmd.remove_stage(self.doc, stage), "remove_stage")

    @precondition(lambda self: len(self.doc.lanes) > 1)
    @rule(data=st.data())
    def remove_lane(self, data: st.DataObject) -> None:
        lane = data.draw(st.sampled_from([ln.id for ln in self.doc.lanes]))
        self.push(cmd.remove_lane(self.doc, lane), "remove_lane")

    # ------------------------------------------------------------------ board and personas
    @rule(field=st.sampled_from(["title", "description"]), value=OPTIONAL_TEXT)
    def set_title(self, field: str, value: str | None) -> None:
        self.push(cmd.SetTitle(self.doc, field, value if field == "description" else (value or "")), "SetTitle")

    @rule(data=st.data(), name=TEXT, role=OPTIONAL_TEXT, goals=st.none() | st.lists(TEXT, max_size=2))
    def edit_personas(self, data: st.DataObject, name: str, role: str | None, goals: list[str] | None) -> None:
        personas = list(self.doc.personas)
        used = {c.persona for c in self.doc.cards()}
        action = data.draw(st.sampled_from(["add", "edit", "reorder", "drop unused"]))
        if action == "add" or not personas:
            personas.insert(data.draw(st.integers(0, len(personas))),
                            Persona(self.doc.new_id("persona"), name, role, goals=goals))
        elif action == "edit":
            index = data.draw(st.integers(0, len(personas) - 1))
            old = personas[index]
            personas[index] = Persona(old.id, name, role, old.quote, goals, old.pains, dict(old.extra))
        elif action == "reorder":
            personas = data.draw(st.permutations(personas))
        else:
            personas = [p for p in personas if p.id in used]
        self.push(cmd.SetPersonas(self.doc, personas), "SetPersonas")

    @precondition(lambda self: self.doc.personas)
    @rule(data=st.data())
    def remove_persona(self, data: st.DataObject) -> None:
        persona = data.draw(st.sampled_from([p.id for p in self.doc.personas]))
        self.push(cmd.remove_persona(self.doc, persona), "remove_persona")

    # ------------------------------------------------------------------ undo and redo
    @precondition(lambda self: self.stack.canUndo())
    @rule(steps=st.integers(1, 4))
    def undo(self, steps: int) -> None:
        for _ in range(steps):
            if self.stack.canUndo():
                self.stack.undo()
                assert dumps(self.doc) == self.seen[self.stack.index()], "undo did not restore the earlier text"

    @precondition(lambda self: self.stack.canRedo())
    @rule(steps=st.integers(1, 4))
    def redo(self, steps: int) -> None:
        for _ in range(steps):
            if self.stack.canRedo():
                self.stack.redo()
                assert dumps(self.doc) == self.seen[self.stack.index()], "redo did not give the later text again"

    # ------------------------------------------------------------------ checks
    @invariant()
    def round_trips(self) -> None:
        text = dumps(self.doc)
        assert dumps(loads(text)) == text, "the document no longer round-trips"

    def teardown(self) -> None:
        try:
            end_index = self.stack.index()
            end = dumps(self.doc)
            while self.stack.canUndo():
                self.stack.undo()
            assert dumps(self.doc) == self.start, "undoing all did not give back the starting document"
            while self.stack.index() < end_index:
                self.stack.redo()
            assert dumps(self.doc) == end, "redoing all did not give back the end state"
            CoveredKinds.seen |= self.kinds
        finally:
            self.editor.close_document()
            self.editor.deleteLater()


class CoveredKinds:
    """Which edit kinds the examples pushed, over the whole run."""

    seen: ClassVar[set[str]] = set()


ALL_KINDS = {
    "AddCard", "RemoveCard", "MoveCard", "SetCardField", "AddLink", "RemoveLink", "SetLinkField", "delete_selection",
    "AddStage", "AddLane", "MoveStage", "MoveLane", "SetStageField", "SetLaneField", "remove_stage", "remove_lane",
    "SetTitle", "SetPersonas", "remove_persona",
}


def test_undo_and_redo_are_exact(qapp: Any) -> None:
    CoveredKinds.seen = set()
    run_state_machine_as_test(UndoMachine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=40, deadline=None, database=None,
        # The same examples every run: with random ones, 25 runs of 40 steps now and then
        # never reached one of the 19 edit kinds and the coverage check below failed.
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    ))
    missing = ALL_KINDS - CoveredKinds.seen
    assert not missing, f"never pushed: {sorted(missing)}"


def test_set_personas_and_remove_persona_undo(qapp: Any) -> None:
    doc = loads(START)
    editor = Editor(doc)
    before = dumps(doc)
    editor.push(cmd.remove_persona(doc, "p1"))  # c1 names p1: cleared first, in the same step
    assert [p.id for p in doc.personas] == ["p2"] and doc.card("c1").persona is None
    editor.push(cmd.SetPersonas(doc, [Persona("p3", "Ada"), *doc.personas]))
    assert [p.id for p in doc.personas] == ["p3", "p2"]
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert dumps(doc) == before
    with pytest.raises(ValueError, match="still refers"):
        cmd.SetPersonas(doc, []).redo()  # a persona in use is never dropped silently
    editor.close_document()


def test_edit_menu_names_each_card_and_link_field_in_words(qapp: Any) -> None:
    """The field's id went into the step's words: "Undo Change card fail", in German "Karte ändern (fail)"."""
    from model.entities import CARD_EDITABLE_FIELDS

    doc = loads(START)
    card_steps = {field: cmd.SetCardField(doc, "c3", field, None).text() for field in CARD_EDITABLE_FIELDS
                  if field != "text"}
    card_steps["text"] = cmd.SetCardField(doc, "c3", "text", "Pays").text()
    assert card_steps["fail"] == "Change fail point" and card_steps["color"] == "Change card colour"
    assert len(set(card_steps.values())) == len(CARD_EDITABLE_FIELDS), card_steps
    link_steps = {cmd.SetLinkField(doc, "k1", field, None).text() for field in ("label", "kind")}
    assert link_steps == {"Change link label", "Change link kind"}
