"""Frozen, slotted value classes made without ``dataclasses``' code generation: the document's events.

``@dataclass(frozen=True, slots=True)`` compiles six functions per class with ``exec`` and
builds the class twice (for the slots): the 18 event classes took ~15-20 ms of every start.
``@record`` builds each class once and shares a handful of plain functions between them
(~0.05 ms a class). What a dataclass gave the events stays: positional or keyword
construction with every field required, ``==`` by class and fields, ``hash``, a repr
``Name(field=value, ...)``, ``match`` by position, no attribute assignment after
construction (``FrozenInstanceError``), copying and pickling. Type checkers see a frozen
dataclass (``dataclass_transform``). Fields with defaults are refused: no event has one.
"""

from __future__ import annotations

import inspect
from dataclasses import FrozenInstanceError
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)
_set = object.__setattr__


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    names = self.__slots__
    if len(args) > len(names):
        raise TypeError(f"{type(self).__name__}() takes {len(names)} positional arguments but {len(args)} were given")
    for name, value in zip(names, args, strict=False):
        _set(self, name, value)
    for name, value in kwargs.items():
        if name not in names:
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {name!r}")
        if names.index(name) < len(args):
            raise TypeError(f"{type(self).__name__}() got multiple values for argument {name!r}")
        _set(self, name, value)
    missing = [name for name in names[len(args):] if name not in kwargs]
    if missing:
        raise TypeError(f"{type(self).__name__}() missing required arguments: {', '.join(map(repr, missing))}")


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in self.__slots__)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is self.__class__:
        return _values(self) == _values(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
    return f"{type(self).__qualname__}({fields})"


def _frozen(self: Any, name: str, value: Any = None) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
    return type(self), _values(self)


@dataclass_transform(frozen_default=True)
def record(cls: T) -> T:
    """The class as a frozen value class whose fields are its annotations, in order."""
    names = tuple(inspect.get_annotations(cls))
    if any(name in cls.__dict__ for name in names):
        raise TypeError(f"@record: {cls.__name__} gives a field a default; events have none")
    namespace = {key: value for key, value in cls.__dict__.items() if key not in ("__dict__", "__weakref__")}
    namespace.update(__slots__=names, __match_args__=names, __init__=_init, __eq__=_eq, __hash__=_hash,
                     __repr__=_repr, __setattr__=_frozen, __delattr__=_frozen, __reduce__=_reduce)
    return type(cls)(cls.__name__, cls.__bases__, namespace)
