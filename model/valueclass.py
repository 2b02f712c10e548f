"""Slotted dataclasses whose ``__repr__``, ``__eq__`` and ``__hash__`` are shared, not compiled per class.

``@dataclass`` writes each generated method as source text and compiles it with ``exec``:
six compilations for a frozen class, three for a plain one. The ~26 value classes a start
imports (primitives, geometry, the document's records) spent ~130 M instructions there,
~9 % of the start to the first paint (issue 9; every export pays it too). ``@value_class``
lets ``dataclasses`` make the class (fields, ``__init__``, ``__slots__``, ``__match_args__``,
frozen-ness, pickling, ``fields()``, ``replace()``, ``asdict()`` all as before) and gives it
``__repr__``, ``__eq__`` and ``__hash__`` built from the fields without compiling anything.
They behave as the generated ones: the same repr text (``...`` for a recursive one),
``==`` only between instances of the same class comparing the fields that compare, the hash
of those fields' tuple for a frozen class, and no hash (unhashable) for a mutable one.
"""

from __future__ import annotations

import dataclasses
from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T", bound=type)


def _shared_methods(cls: type, frozen: bool, compiled_eq: bool) -> None:
    """Give the dataclass ``cls`` its __repr__, and unless ``compiled_eq`` its __eq__ and __hash__ (module's note)."""
    fields = dataclasses.fields(cls)
    shown = tuple(f.name for f in fields if f.repr)
    compared = tuple(f.name for f in fields if f.compare)
    hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
    # attrgetter of several names gives a tuple; of one name the value, of none nothing: a tuple always.
    values = _tuple_getter(compared)
    running: set[tuple[int, int]] = set()

    def repr_fields(self: Any) -> str:
        key = (id(self), get_ident())
        if key in running:
            return "..."  # as dataclasses' recursive_repr
        running.add(key)
        try:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"

    def eq_fields(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    _install(cls, "__repr__", repr_fields)
    if compiled_eq:
        return  # dataclasses compiled them
    _install(cls, "__eq__", eq_fields)
    if frozen:
        key_of = _tuple_getter(hashed)

        def hash_fields(self: Any) -> int:
            return hash(key_of(self))

        _install(cls, "__hash__", hash_fields)
    else:
        cls.__hash__ = None  # type: ignore[assignment]  # as a mutable dataclass with eq: unhashable


def _install(cls: type, name: str, function: Callable[..., Any]) -> None:
    function.__name__ = name
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, function)


def _tuple_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) >= 2:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


@overload
def value_class(cls: T, /) -> T: ...


@overload
def value_class(*, frozen: bool = False, compiled_eq: bool = False) -> Callable[[T], T]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def value_class(cls: T | None = None, /, *, frozen: bool = False, compiled_eq: bool = False) -> T | Callable[[T], T]:
    """``@dataclass(slots=True, frozen=frozen)`` with shared ``__repr__``, ``__eq__`` and ``__hash__``.

    ``compiled_eq``: ``==`` and the hash as dataclasses compiles them, for classes compared by the
    thousand (the drawing's primitives, when a moved card's arrows are checked for change): the
    shared ``==`` takes ~1.5-2x as long a call.
    """

    def make(klass: T) -> T:
        made: T = dataclasses.dataclass(klass, slots=True, frozen=frozen, repr=False,  # type: ignore[assignment]
                                        eq=compiled_eq)
        _shared_methods(made, frozen, compiled_eq)
        return made

    return make if cls is None else make(cls)
