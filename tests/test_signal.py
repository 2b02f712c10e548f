"""The document's ``changed`` signal (model/signal.py): psygnal's behaviour for what the project uses."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from model import Document
from model.signal import Signal


class Emitter:
    changed = Signal(object)


class Listener:
    def __init__(self) -> None:
        self.got: list[object] = []

    def on(self, value: object) -> None:
        self.got.append(value)


def test_each_instance_has_its_own_slots_and_order_is_kept() -> None:
    a, b = Emitter(), Emitter()
    calls: list[tuple[str, object]] = []
    a.changed.connect(lambda v: calls.append(("first", v)))
    a.changed.connect(lambda v: calls.append(("second", v)))
    a.changed.emit(1)
    b.changed.emit(2)
    assert calls == [("first", 1), ("second", 1)]
    assert a.changed is a.changed and a.changed is not b.changed


def test_a_bound_method_is_held_weakly() -> None:
    emitter, listener = Emitter(), Listener()
    emitter.changed.connect(listener.on)
    emitter.changed.emit("x")
    assert listener.got == ["x"]
    del listener
    gc.collect()
    emitter.changed.emit("y")  # the dead slot is skipped and dropped
    assert len(emitter.changed) == 0


def test_disconnect_removes_one_connection_and_ignores_unknown_slots() -> None:
    emitter, listener = Emitter(), Listener()
    emitter.changed.connect(listener.on)
    emitter.changed.connect(listener.on)
    emitter.changed.emit(1)
    emitter.changed.disconnect(listener.on)
    emitter.changed.emit(2)
    emitter.changed.disconnect(listener.on)
    emitter.changed.disconnect(listener.on)  # not connected any more: nothing happens
    emitter.changed.emit(3)
    assert listener.got == [1, 1, 2]


def test_slots_without_parameters_blocking_and_errors() -> None:
    emitter = Emitter()
    count: list[int] = []
    emitter.changed.connect(lambda: count.append(1))
    with emitter.changed.blocked():
        emitter.changed.emit("ignored")
        with emitter.changed.blocked():
            pass
        emitter.changed.emit("ignored too")
    emitter.changed.emit("counted")
    assert count == [1]

    def broken(value: object) -> None:
        raise KeyError(value)

    emitter.changed.connect(broken)
    with pytest.raises(KeyError):
        emitter.changed.emit("boom")


def test_a_slot_that_emits_is_delivered_depth_first() -> None:
    emitter = Emitter()
    order: list[str] = []

    def first(value: int) -> None:
        order.append(f"first {value}")
        if value == 1:
            emitter.changed.emit(2)

    emitter.changed.connect(first)
    emitter.changed.connect(lambda value: order.append(f"second {value}"))
    emitter.changed.emit(1)
    assert order == ["first 1", "first 2", "second 2", "second 1"]


def test_a_slot_connected_during_an_emission_waits_for_the_next() -> None:
    emitter = Emitter()
    late: list[object] = []
    emitter.changed.connect(lambda value: emitter.changed.connect(late.append))
    emitter.changed.emit(1)
    assert late == []
    emitter.changed.emit(2)
    assert late == [2]


def test_document_events_reach_a_listener() -> None:
    doc = Document()
    received: list[object] = []
    doc.changed.connect(received.append)
    doc.set_title("Renamed")
    assert len(received) == 1 and type(received[0]).__name__ == "TitleChanged"


def test_the_version_constant_is_pyprojects() -> None:
    import tomllib

    from model.version import VERSION

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    assert tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"] == VERSION


def test_held_emissions_reach_no_slot_and_are_kept_in_order_but_not_those_of_a_block_inside() -> None:
    class Owner:
        changed = Signal(object)

    owner, got, sink = Owner(), [], []  # type: ignore[var-annotated]
    owner.changed.connect(got.append)
    with owner.changed.held(sink):
        owner.changed.emit(1)
        with owner.changed.blocked():
            owner.changed.emit(2)  # blocked: dropped, as it always was
        owner.changed.emit(3)
        assert owner.changed.is_blocked
    owner.changed.emit(4)
    assert got == [4] and sink == [(1,), (3,)]
