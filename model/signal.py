"""A small observer signal for the document's ``changed`` events (what psygnal gave us, minus its start-up cost).

psygnal's package ``__init__`` asks ``importlib.metadata`` for its own version, which
imports email, zipfile and csv and scans the installed distributions: with the rest of
the package ~27 ms of every start and every command-line export, for four methods the
project uses. This module keeps psygnal's behaviour for those four, and adds ``held``:

- ``connect(slot)``: a bound method is held weakly (a panel or scene that is gone stops
  receiving and is dropped; the document never keeps a window alive), anything else
  strongly. A slot that takes no argument is called without one. A slot connected twice
  is called twice.
- ``disconnect(slot)``: removes its first connection; nothing happens when it is not connected.
- ``emit(*args)``: slots run at once in connection order; a slot that emits again has
  that emission delivered to every slot before the first one goes on (depth first, as
  psygnal's default "immediate"). Slots connected or disconnected by a slot take effect
  from the next emission. An exception in a slot propagates to the caller of ``emit``.
- ``blocked()``: a context manager during which ``emit`` does nothing.
- ``held(sink)``: as ``blocked()``, but each emission's arguments are appended to ``sink`` (what a batch of
  edits announced, read for the one announcement after it).
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import MethodType
from typing import Any, overload


class _Slot:
    """A connected callable: weakly held when it is a bound method."""

    __slots__ = ("func", "owner", "takes_args")

    def __init__(self, slot: Callable[..., object]) -> None:
        if isinstance(slot, MethodType):
            self.owner: weakref.ref[object] | None = weakref.ref(slot.__self__)
            self.func: Callable[..., object] = slot.__func__
        else:
            self.owner = None
            self.func = slot
        self.takes_args = _takes_arguments(slot)

    def call(self, args: tuple[Any, ...]) -> bool:
        """Call the slot; False when its object is gone (the slot should be dropped)."""
        if self.owner is None:
            (self.func(*args) if self.takes_args else self.func())
            return True
        target = self.owner()
        if target is None:
            return False
        (self.func(target, *args) if self.takes_args else self.func(target))
        return True

    def same(self, slot: Callable[..., object]) -> bool:
        """Whether ``slot`` is this connected callable."""
        if isinstance(slot, MethodType):
            return self.owner is not None and self.owner() is slot.__self__ and self.func is slot.__func__
        return self.owner is None and self.func is slot


def _takes_arguments(slot: Callable[..., object]) -> bool:
    """Whether ``slot`` accepts a positional argument (psygnal calls one that takes none without any)."""
    try:
        parameters = inspect.signature(slot).parameters.values()
    except (TypeError, ValueError):  # a builtin without a signature (e.g. list.append): it takes what it is given
        return True
    return any(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL) for p in parameters)


class SignalInstance:
    """One object's signal: its connected slots."""

    __slots__ = ("_blocked", "_held", "_slots")

    def __init__(self) -> None:
        self._slots: list[_Slot] = []
        self._blocked = False
        self._held: list[tuple[Any, ...]] | None = None

    def connect(self, slot: Callable[..., object]) -> Callable[..., object]:
        """Call ``slot`` on every emission from now on; returns ``slot``."""
        self._slots = [*self._slots, _Slot(slot)]  # a new list: an emission in progress keeps its own
        return slot

    def disconnect(self, slot: Callable[..., object]) -> None:
        """Remove the first connection of ``slot`` (nothing happens if it is not connected)."""
        for i, existing in enumerate(self._slots):
            if existing.same(slot):
                self._slots = self._slots[:i] + self._slots[i + 1:]
                return

    def emit(self, *args: Any) -> None:
        """Call every connected slot with ``args``, unless the signal is blocked."""
        if self._blocked:
            if self._held is not None:
                self._held.append(args)
            return
        gone = False
        for slot in self._slots:
            if not slot.call(args):
                gone = True
        if gone:
            self._slots = [slot for slot in self._slots if slot.owner is None or slot.owner() is not None]

    @property
    def is_blocked(self) -> bool:
        """Whether emit() does nothing now (inside blocked() or held())."""
        return self._blocked

    def blocked(self) -> AbstractContextManager[None]:
        """Emit nothing inside the block (restores what it found, so blocks may nest)."""
        return self.held(None)

    @contextmanager
    def held(self, sink: list[tuple[Any, ...]] | None) -> Iterator[None]:
        """Emit nothing inside the block; append each emission's arguments to ``sink`` instead (None: drop them)."""
        was = self._blocked, self._held
        self._blocked, self._held = True, sink
        try:
            yield
        finally:
            self._blocked, self._held = was

    def __len__(self) -> int:
        return len(self._slots)


class Signal:
    """A class attribute that gives each instance its own ``SignalInstance`` on first use.

    ``types`` documents what the signal carries (as psygnal's ``Signal(object)``); it is not checked.
    """

    def __init__(self, *types: object) -> None:
        self.types = types
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> Signal: ...

    @overload
    def __get__(self, instance: object, owner: type) -> SignalInstance: ...

    def __get__(self, instance: object | None, owner: type) -> Signal | SignalInstance:
        if instance is None:
            return self
        signal = SignalInstance()
        # Stored under the attribute's own name: later look-ups find it in the instance
        # without calling this descriptor again.
        instance.__dict__[self.name] = signal
        return signal
