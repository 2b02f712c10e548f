"""Growth: load, layout and export do work in proportion to the board; one edit does not.

The issue asks that the time per card grow by at most 1.5x from 1,000 to 4,000 cards. Wall
time on this shared 2-core machine varies by up to 1.7x between identical runs, so this test
counts the Python function calls each step makes (cProfile's total, deterministic) and holds
the calls per card to the same 1.5x; `make bench` prints the wall-time growth beside it.
Calls cannot see a quadratic loop hidden inside one C call (``list.index`` in a loop), which
the benchmark's timings would show.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from boards import synthetic_board

import model
from exporters.pdf import render_pdf
from exporters.svg import render_svg
from model.layout import Layout

SIZES = (1000, 2000, 4000)
MAX_GROWTH = 1.5
CARDS_PER_CELL = 10  # for the edit: the board grows in stages, so the touched cells stay the same


def calls(step: Callable[[], object]) -> int:
    """Python function calls ``step`` makes."""
    profile = cProfile.Profile()
    profile.enable()
    step()
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


@pytest.fixture(scope="module")
def calls_per_card() -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"load": [], "layout": [], "svg": [], "pdf": []}
    for n in SIZES:
        document = synthetic_board(n)
        text = model.dumps(document)
        layout = Layout(document)
        figures["load"].append(calls(lambda: model.loads(text)) / n)  # noqa: B023 (called at once)
        figures["layout"].append(calls(lambda: Layout(document)) / n)  # noqa: B023
        figures["svg"].append(calls(lambda: render_svg(layout)) / n)  # noqa: B023
        figures["pdf"].append(calls(lambda: render_pdf(layout)) / n)  # noqa: B023
    return figures


@pytest.mark.parametrize("step", ["load", "layout", "svg", "pdf"])
def test_work_per_card_stays_flat_from_1000_to_4000_cards(calls_per_card: dict[str, list[float]], step: str) -> None:
    per_card = calls_per_card[step]
    assert all(figure > 0 for figure in per_card)
    assert max(per_card) / per_card[0] <= MAX_GROWTH, f"{step}: calls per card {per_card} at {SIZES} cards"


def test_one_edit_costs_the_same_on_a_board_four_times_larger() -> None:
    costs = []
    for n in SIZES:
        document = synthetic_board(n, stage_count=n // (CARDS_PER_CELL * 5))
        layout = Layout(document)
        document.changed.connect(layout.apply)
        stages = [stage.id for stage in document.stages]
        lane = document.card("c0").lane
        costs.append(calls(lambda: document.move_card("c0", stages[1], lane, 0)))  # noqa: B023
        # the move was laid out: the card now sits in its new cell
        assert layout.cell_rect(stages[1], lane).contains(layout.card_rect("c0").x + 1, layout.card_rect("c0").y + 1)
    assert max(costs) / costs[0] <= MAX_GROWTH, f"calls for one move at {SIZES} cards: {costs}"
