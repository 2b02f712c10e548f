"""Bulk work pauses the cyclic garbage collector and always switches it back on."""

from __future__ import annotations

import gc

import pytest

import model
from model.bulk import collector_paused
from model.layout import Layout

EXAMPLE = "resources/examples/coffee-shop-blueprint.touchline"


def test_the_collector_is_paused_inside_and_restored_after_even_on_error() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner block must not switch it back on early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("bad board")
    assert gc.isenabled()


def test_load_and_layout_pause_it_while_they_build(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real_build = model.Document.build

    def build(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real_build(*args, **kwargs)

    monkeypatch.setattr(model.Document, "build", staticmethod(build))
    document = model.load(EXAMPLE)
    assert seen == [False] and gc.isenabled()
    real_place_grid = Layout._place_grid
    during: list[bool] = []

    def place_grid(self):  # type: ignore[no-untyped-def]
        during.append(gc.isenabled())
        return real_place_grid(self)

    monkeypatch.setattr(Layout, "_place_grid", place_grid)
    Layout(document)
    assert during == [False] and gc.isenabled()
