"""@value_class behaves as the @dataclass(slots=True[, frozen=True]) it replaces (model/valueclass.py, issue 9).

Each class is written twice, once per decorator, and every observable behaviour is compared:
repr (recursive too), ==, !=, hash (or none), replace(), fields(), asdict(), pickling, copying,
FrozenInstanceError, defaults and default factories, fields left out of repr or comparison.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from model import primitives
from model.entities import Card
from model.valueclass import value_class


@dataclass(frozen=True, slots=True)
class FrozenRef:
    x: float
    y: float = 0.0
    tag: str = "a"
    note: str = field(default="", compare=False, repr=False)


@value_class(frozen=True)
class FrozenNew:
    x: float
    y: float = 0.0
    tag: str = "a"
    note: str = field(default="", compare=False, repr=False)


@dataclass(slots=True)
class MutableRef:
    name: str
    items: list[Any] = field(default_factory=list)
    hidden: dict[str, int] = field(default_factory=dict, repr=False, compare=False)


@value_class
class MutableNew:
    name: str
    items: list[Any] = field(default_factory=list)
    hidden: dict[str, int] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class OneRef:
    value: int


@value_class(frozen=True)
class OneNew:
    value: int


def _same_name(text: str, new: type, ref: type) -> str:
    return text.replace(new.__qualname__, ref.__qualname__)


@pytest.mark.parametrize("args", [(1.0,), (1.5, 2.0, "b", "n"), (float("nan"), -0.0)])
def test_a_frozen_value_class_is_the_frozen_dataclass(args: tuple[Any, ...]) -> None:
    new, ref = FrozenNew(*args), FrozenRef(*args)
    assert _same_name(repr(new), FrozenNew, FrozenRef) == repr(ref)
    assert hash(new) == hash(ref)
    assert (new == FrozenNew(*args)) == (ref == FrozenRef(*args))
    assert (new != FrozenNew(*args)) == (ref != FrozenRef(*args))
    assert new.__eq__(ref) is NotImplemented and ref.__eq__(new) is NotImplemented
    assert FrozenNew(1.0, note="x") == FrozenNew(1.0, note="y")  # note is not compared
    assert hash(FrozenNew(1.0, note="x")) == hash(FrozenNew(1.0, note="y"))
    assert [f.name for f in dataclasses.fields(new)] == [f.name for f in dataclasses.fields(ref)]
    assert dataclasses.asdict(new) == dataclasses.asdict(ref)
    assert _same_name(repr(dataclasses.replace(new, tag="z")), FrozenNew, FrozenRef) == \
        repr(dataclasses.replace(ref, tag="z"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.x = 3.0  # type: ignore[misc]
    for again in (lambda o: pickle.loads(pickle.dumps(o)), copy.copy, copy.deepcopy):  # NaN: a new object, unequal
        assert (again(new) == new) == (again(ref) == ref)
        assert _same_name(repr(again(new)), FrozenNew, FrozenRef) == repr(again(ref))
    assert FrozenNew.__slots__ == FrozenRef.__slots__ and FrozenNew.__match_args__ == FrozenRef.__match_args__
    assert not hasattr(new, "__dict__")
    assert {new: 1}[FrozenNew(*args)] == 1 if args[0] == args[0] else True  # NaN is not equal to itself


def test_a_mutable_value_class_is_the_mutable_dataclass() -> None:
    new, ref = MutableNew("n", [1, [2]]), MutableRef("n", [1, [2]])
    assert _same_name(repr(new), MutableNew, MutableRef) == repr(ref)
    assert MutableNew.__hash__ is None and MutableRef.__hash__ is None
    with pytest.raises(TypeError):
        hash(new)
    assert new == MutableNew("n", [1, [2]]) and new != MutableNew("m", [1, [2]])
    assert MutableNew("n", hidden={"a": 1}) == MutableNew("n")  # hidden is not compared
    assert MutableNew("a").items is not MutableNew("a").items  # a fresh list each time
    new.items.append(new)  # a recursive repr, as dataclasses writes it
    ref.items.append(ref)
    assert _same_name(repr(new), MutableNew, MutableRef) == repr(ref)
    new.name = "changed"
    assert new.name == "changed"
    assert pickle.loads(pickle.dumps(MutableNew("p", [1]))) == MutableNew("p", [1])


def test_one_field_and_the_projects_classes() -> None:
    assert hash(OneNew(3)) == hash(OneRef(3)) and _same_name(repr(OneNew(3)), OneNew, OneRef) == repr(OneRef(3))
    assert OneNew(3) == OneNew(3) and OneNew(3) != OneNew(4)
    text = primitives.Text(1.0, 2.0, "hi", 13.0, "#000")
    assert repr(text) == "Text(x=1.0, y=2.0, text='hi', size=13.0, color='#000', bold=False, anchor='start', angle=0.0)"
    assert text == primitives.Text(1.0, 2.0, "hi", 13.0, "#000")
    assert hash(text) == hash((1.0, 2.0, "hi", 13.0, "#000", False, "start", 0.0))  # the dataclass's hash
    card = Card("c1", "l1", "s1", "Order")
    assert card == Card("c1", "l1", "s1", "Order") and card != Card("c2", "l1", "s1", "Order")
    assert repr(card).startswith("Card(id='c1', lane='l1', stage='s1', text='Order', color=None")


@value_class(frozen=True, compiled_eq=True)
class CompiledNew:
    x: float
    y: float = 0.0
    note: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CompiledRef:
    x: float
    y: float = 0.0
    note: str = field(default="", compare=False, repr=False)


def test_compiled_eq_keeps_the_dataclass_eq_and_hash_and_shares_the_repr() -> None:
    new, ref = CompiledNew(1.0, 2.0, "n"), CompiledRef(1.0, 2.0, "n")
    assert hash(new) == hash(ref) and new == CompiledNew(1.0, 2.0) and new != CompiledNew(1.0, 3.0)
    assert _same_name(repr(new), CompiledNew, CompiledRef) == repr(ref)
    # The primitives are compared by the thousand when arrows are rerouted: their == is the compiled one.
    for cls in (primitives.Box, primitives.Circle, primitives.Line, primitives.Path, primitives.Text):
        assert cls.__eq__.__code__.co_filename == "<string>" and cls.__hash__.__code__.co_filename == "<string>"
        assert cls.__repr__.__code__.co_filename.endswith("valueclass.py")
