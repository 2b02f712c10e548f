"""The document's events are value classes (model/record.py) that behave as the frozen dataclasses they were."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from model import events as ev
from model.record import record


def test_construction_equality_hash_repr() -> None:
    moved = ev.CardMoved("c1", ("s1", "l1"), 0, ("s2", "l1"), 3)
    same = ev.CardMoved(card_id="c1", old_cell=("s1", "l1"), old_index=0, new_cell=("s2", "l1"), new_index=3)
    assert moved == same and hash(moved) == hash(same)
    assert moved != ev.CardMoved("c1", ("s1", "l1"), 0, ("s2", "l1"), 4)
    assert (moved.card_id, moved.new_index) == ("c1", 3)
    assert repr(moved) == ("CardMoved(card_id='c1', old_cell=('s1', 'l1'), old_index=0, "
                           "new_cell=('s2', 'l1'), new_index=3)")
    assert ev.DocumentReset((), ()) == ev.DocumentReset((), ()) and ev.DocumentReset((), ()) != ev.PersonasChanged()
    # Same fields, another event: never equal (a tuple would be).
    assert ev.StageAdded("s1", 0) != ev.StageRemoved("s1", 0)


def test_frozen_copyable_picklable_and_matchable() -> None:
    changed = ev.CardChanged("c1", "text", "old", {"nested": [1]})
    with pytest.raises(dataclasses.FrozenInstanceError):
        changed.field = "color"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del changed.old  # type: ignore[misc]
    with pytest.raises(AttributeError):
        changed.__dict__  # noqa: B018 - slotted: no per-instance dict
    assert copy.deepcopy(changed) == changed and copy.deepcopy(changed).new is not changed.new
    assert pickle.loads(pickle.dumps(changed)) == changed
    match changed:
        case ev.CardChanged(card_id, field, _, _):
            assert (card_id, field) == ("c1", "text")
        case _:
            pytest.fail("no match by position")


def test_wrong_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        ev.LinkAdded()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ev.LinkAdded("k1", "extra")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ev.LinkAdded("k1", link_id="k2")  # type: ignore[misc]
    with pytest.raises(TypeError):
        ev.LinkAdded(link="k1")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        @record
        class WithDefault:
            x: int = 0
