"""Which of the board's primitives may show in a part of it: a tiled poster's sheets each draw theirs.

A poster of a 5,000-card board on A4 is 165 sheets. Each sheet drew every arrow and icon of the
board (only boxes and text were culled), clipped to its part: 12,000 paths a sheet, a 67 MB file
written in ~19 s. Here the primitives are binned once on a grid, an arrow by each of its segments
(a route round the board runs along a few sheets' edges, not over the rectangle of sheets its
bounds cover), and a sheet draws those in the bins it meets, in the board's order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from math import floor
from typing import TYPE_CHECKING

from model.primitives import Box, Circle, Line, Path, Primitive, Text

if TYPE_CHECKING:
    from exporters.pages import Viewport

Reach = tuple[float, float, float, float]  # left, top, right, bottom (board px)
# Round every reach: a viewer's rasteriser lets a shape just outside a sheet's clip tint the pixels
# along its edge (pdftoppm: a line 2 px outside did); drawn, the sheet looks as it did with all of them.
SPILL = 6.0


class SheetIndex:
    """The board's primitives binned in square cells of ``cell`` board px."""

    def __init__(self, board: Sequence[Primitive], cell: float) -> None:
        self._board = board
        self._cell = cell
        bins: dict[tuple[int, int], list[int]] = {}
        for index, primitive in enumerate(board):
            keys: set[tuple[int, int]] = set()
            for left, top, right, bottom in reaches(primitive):
                keys.update((i, j) for i in range(floor((left - SPILL) / cell), floor((right + SPILL) / cell) + 1)
                            for j in range(floor((top - SPILL) / cell), floor((bottom + SPILL) / cell) + 1))
            for key in keys:
                bins.setdefault(key, []).append(index)
        self._bins = bins

    @classmethod
    def for_views(cls, board: Sequence[Primitive], views: Sequence[Viewport]) -> SheetIndex:
        """The index for these sheets' parts of the board: cells half the smallest part's side (64 px at least),
        so that a sheet looks at a few dozen cells (the PDF export's and the print's sheets alike)."""
        return cls(board, max(64.0, min(min(view.w, view.h) for view in views) / 2))

    def within(self, left: float, top: float, right: float, bottom: float) -> list[Primitive]:
        """The primitives that may show in the rectangle, in the board's order (what is drawn later is on top)."""
        cell = self._cell
        found: set[int] = set()
        for i in range(floor(left / cell), floor(right / cell) + 1):
            for j in range(floor(top / cell), floor(bottom / cell) + 1):
                found.update(self._bins.get((i, j), ()))
        board = self._board
        return [board[index] for index in sorted(found)]


def reaches(primitive: Primitive) -> Iterator[Reach]:
    """Rectangles round all a primitive may paint (generous: the sheet's clip trims what is drawn)."""
    if isinstance(primitive, Box):
        pad = primitive.stroke_width
        yield primitive.x - pad, primitive.y - pad, primitive.x + primitive.w + pad, primitive.y + primitive.h + pad
    elif isinstance(primitive, Text):
        # Where the line ends depends on its font: as far as every character as wide as the size.
        reach = primitive.size * max(len(primitive.text), 1)
        yield primitive.x - reach, primitive.y - 2 * primitive.size, primitive.x + reach, primitive.y + primitive.size
    elif isinstance(primitive, Circle):
        r = primitive.r + primitive.stroke_width
        yield primitive.cx - r, primitive.cy - r, primitive.cx + r, primitive.cy + r
    elif isinstance(primitive, Line):
        pad = primitive.width
        yield (min(primitive.x1, primitive.x2) - pad, min(primitive.y1, primitive.y2) - pad,
               max(primitive.x1, primitive.x2) + pad, max(primitive.y1, primitive.y2) + pad)
    elif isinstance(primitive, Path):
        yield from _path_reaches(primitive)
    else:  # a kind of primitive this does not know: everywhere
        yield float("-inf"), float("-inf"), float("inf"), float("inf")


def _path_reaches(path: Path) -> Iterator[Reach]:
    """One rectangle a segment of a stroked path (a curve's control points hold it), one for a filled path."""
    pad = path.width * 2  # the pen, and a miter's reach at a corner
    xs = [float(value) for command in path.commands for value in command[1::2]]  # type: ignore[arg-type]
    ys = [float(value) for command in path.commands for value in command[2::2]]  # type: ignore[arg-type]
    if not xs:
        return
    if path.fill is not None:
        yield min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad
        return
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for command in path.commands:
        op = command[0]
        if op == "Z":
            if last is not None and start is not None:
                yield _around((last, start), pad)
            last = start
            continue
        points = [(float(command[k]), float(command[k + 1]))  # type: ignore[arg-type]
                  for k in range(1, len(command) - 1, 2)]
        if op == "M":
            start = last = points[-1]
            yield _around(points, pad)  # a lone move draws a cap at most
            continue
        if last is not None:
            points.append(last)
        yield _around(points, pad)
        last = (float(command[-2]), float(command[-1]))  # type: ignore[arg-type]


def _around(points: Sequence[tuple[float, float]], pad: float) -> Reach:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad
