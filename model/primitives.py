"""Drawing primitives: what the layout asks every renderer to draw.

The canvas (QPainter), the SVG exporter and the PDF exporter each implement these five
shapes and nothing else, which is what keeps the three pictures identical.
Coordinates are pixels (1 px = 1 pt in the PDF), y growing downwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from model.quickinit import quick_init
from model.valueclass import value_class

# Path commands: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",)
PathCommand = tuple[object, ...]


@quick_init
@value_class(frozen=True, compiled_eq=True)  # compared by the thousand
class Box:
    """A rectangle, optionally with rounded corners."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 1.0
    radius: float = 0.0
    dash: tuple[float, ...] | None = None
    opacity: float = 1.0


@quick_init
@value_class(frozen=True, compiled_eq=True)  # compared by the thousand
class Circle:
    """A circle."""

    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 1.0


@quick_init
@value_class(frozen=True, compiled_eq=True)  # compared by the thousand
class Line:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float = 1.0
    dash: tuple[float, ...] | None = None


@quick_init
@value_class(frozen=True, compiled_eq=True)  # compared by the thousand
class Path:
    """An open or closed path of lines and cubic curves."""

    commands: tuple[PathCommand, ...]
    stroke: str | None = None
    width: float = 1.0
    fill: str | None = None
    dash: tuple[float, ...] | None = None
    round: bool = False  # round caps and joins (line icons); butt caps and miter joins otherwise


@quick_init
@value_class(frozen=True, compiled_eq=True)  # compared by the thousand
class Text:
    """One line of text; ``y`` is the baseline, ``anchor`` is start, middle or end.

    ``angle``: degrees the line is turned anticlockwise about (x, y); 90 reads upwards (a name in a
    tiled sheet's left margin). The board's own lines are upright.
    """

    x: float
    y: float
    text: str
    size: float
    color: str
    bold: bool = False
    anchor: str = "start"
    angle: float = 0.0


Primitive = Box | Circle | Line | Path | Text


def translated(primitive: Primitive, dx: float, dy: float) -> Primitive:
    """The same primitive moved by (dx, dy)."""
    if isinstance(primitive, Box):
        return Box(primitive.x + dx, primitive.y + dy, primitive.w, primitive.h, primitive.fill,
                   primitive.stroke, primitive.stroke_width, primitive.radius, primitive.dash,
                   primitive.opacity)
    if isinstance(primitive, Circle):
        return Circle(primitive.cx + dx, primitive.cy + dy, primitive.r, primitive.fill,
                      primitive.stroke, primitive.stroke_width)
    if isinstance(primitive, Line):
        return Line(primitive.x1 + dx, primitive.y1 + dy, primitive.x2 + dx, primitive.y2 + dy,
                    primitive.color, primitive.width, primitive.dash)
    if isinstance(primitive, Text):
        return Text(primitive.x + dx, primitive.y + dy, primitive.text, primitive.size,
                    primitive.color, primitive.bold, primitive.anchor, primitive.angle)
    commands = []
    for command in primitive.commands:
        op, *coords = command
        moved = [c + (dy if i % 2 else dx) for i, c in enumerate(coords)]  # type: ignore[operator]
        commands.append((op, *moved))
    return Path(tuple(commands), primitive.stroke, primitive.width, primitive.fill, primitive.dash, primitive.round)


def recoloured(primitive: Primitive, colour: Callable[[str], str]) -> Primitive:
    """The same primitive with every colour passed through ``colour`` (a theme's map)."""
    if isinstance(primitive, Text):
        return replace(primitive, color=colour(primitive.color))
    if isinstance(primitive, Line):
        return replace(primitive, color=colour(primitive.color))
    fill = colour(primitive.fill) if primitive.fill else None
    stroke = colour(primitive.stroke) if primitive.stroke else None
    return replace(primitive, fill=fill, stroke=stroke)
