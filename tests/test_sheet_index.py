"""Each sheet of a tiled poster draws the primitives that may show on it (exporters/sheet_index.py):
none it needs is left out, an arrow only on the sheets its segments cross, and the poster's file
stays near the size of the board's one page instead of carrying every arrow on every sheet."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from exporters.pages import PageSpec, plan_pages
from exporters.pdf import render_pdf
from exporters.sheet_index import SheetIndex, reaches
from model.layout import Layout
from model.primitives import Box, Circle, Line, Primitive, Text
from model.primitives import Path as PathPrim

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from boards import synthetic_board

ROUTE = PathPrim((("M", 10.0, 10.0), ("L", 990.0, 10.0), ("C", 1000.0, 10.0, 1000.0, 10.0, 1000.0, 20.0),
                  ("L", 1000.0, 990.0)), stroke="#64748B")


def test_a_routed_arrow_is_found_along_its_segments_not_over_its_bounds() -> None:
    where = SheetIndex([ROUTE], 100.0)
    assert where.within(400, 0, 500, 50) == [ROUTE]  # its top run
    assert where.within(980, 500, 1020, 600) == [ROUTE]  # its right run
    assert where.within(300, 300, 700, 700) == []  # inside its bounds, far from both runs


def test_the_primitives_meeting_a_rectangle_are_all_found_in_the_boards_order() -> None:
    rng = random.Random(3)
    board: list[Primitive] = []
    for _ in range(400):
        x, y = rng.uniform(0, 2000), rng.uniform(0, 2000)
        board.append(rng.choice([
            Box(x, y, rng.uniform(1, 300), rng.uniform(1, 200), fill="#FFFFFF"),
            Circle(x, y, rng.uniform(1, 20), fill="#000000"),
            Line(x, y, rng.uniform(0, 2000), y, "#000000"),
            Text(x, y, "words " * rng.randint(1, 5), 14, "#000000"),
            PathPrim((("M", x, y), ("L", x, rng.uniform(0, 2000)), ("L", rng.uniform(0, 2000), y)), stroke="#000000"),
        ]))
    where = SheetIndex(board, 150.0)
    for _ in range(60):
        left, top = rng.uniform(-100, 2000), rng.uniform(-100, 2000)
        right, bottom = left + rng.uniform(10, 800), top + rng.uniform(10, 800)
        found = where.within(left, top, right, bottom)
        positions = [next(i for i, p in enumerate(board) if p is f) for f in found]
        assert positions == sorted(positions)
        for primitive in board:
            meets = any(x0 <= right and x1 >= left and y0 <= bottom and y1 >= top
                        for x0, y0, x1, y1 in reaches(primitive))
            if meets:
                assert any(primitive is f for f in found), primitive


@pytest.mark.parametrize("page", ["A4", "A3"])
def test_a_tiled_poster_of_a_large_board_draws_each_arrow_on_the_sheets_it_crosses(
        page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every arrow was drawn on every sheet, clipped: 1,000 cards of spanning arrows on 40 A4 tiles,
    2,400 paths 40 times (3.4 MB); now each on the ~5 sheets it crosses (1.0 MB; the board's one page
    is 0.29 MB). Counted with the PDF painter's own path drawing."""
    import exporters.pdf as pdf

    layout = Layout(synthetic_board(1000, links="spanning"))
    paths = sum(isinstance(p, PathPrim) for p in layout.primitives())
    plan = plan_pages(layout, PageSpec(page, tile=True))
    drawn = [0]
    draw_path = pdf._PdfPainter._path

    def counted(painter: pdf._PdfPainter, path: PathPrim) -> None:
        drawn[0] += 1
        draw_path(painter, path)

    monkeypatch.setattr(pdf._PdfPainter, "_path", counted)
    data = render_pdf(layout, plan=plan)
    assert len(plan.sheets) > 10 and data.startswith(b"%PDF")
    assert drawn[0] < paths * len(plan.sheets) / 3, (drawn[0], paths, len(plan.sheets))
