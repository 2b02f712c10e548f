"""The fast ``__init__`` of the primitives and rectangles behaves as the dataclass's own."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from model.layout import Rect
from model.primitives import Box, Circle, Line, Path, Text
from model.quickinit import quick_init

CLASSES = (Box, Circle, Line, Path, Text, Rect)


@pytest.mark.parametrize("cls", CLASSES)
def test_signature_defaults_and_fields_are_the_dataclass_ones(cls: type) -> None:
    params = inspect.signature(cls).parameters
    fields = dataclasses.fields(cls)
    assert list(params) == [f.name for f in fields]
    for f in fields:
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert params[f.name].default == expected


def test_made_objects_are_equal_hashable_and_still_frozen() -> None:
    text = Text(1.0, 2.0, "hello", 13, "#000000", anchor="middle")
    assert (text.x, text.y, text.text, text.size, text.color, text.bold, text.anchor) == \
        (1.0, 2.0, "hello", 13, "#000000", False, "middle")
    assert text == Text(1.0, 2.0, "hello", 13, "#000000", False, "middle")
    assert hash(text) == hash(Text(1.0, 2.0, "hello", 13, "#000000", False, "middle"))
    assert dataclasses.replace(text, x=5.0).x == 5.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.x = 3.0  # type: ignore[misc]
    box = Box(0, 0, 10, 20, fill="#fff")
    assert box.stroke is None and box.radius == 0.0 and box.opacity == 1.0
    with pytest.raises(TypeError):
        Box(0, 0, 10)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Rect(0, 0, 1, 1, colour="red")  # type: ignore[call-arg]


def test_refuses_classes_it_would_get_wrong() -> None:
    @dataclasses.dataclass(slots=True)
    class Mutable:
        x: int

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        xs: list[int] = dataclasses.field(default_factory=list)

    for cls in (Mutable, NoSlots, Factory):
        with pytest.raises(TypeError):
            quick_init(cls)
