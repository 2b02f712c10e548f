"""A stage taller than the screen is walked in parts: where the parts begin (model.stage_parts)."""

from __future__ import annotations

import itertools

import pytest

from model.stage_parts import TOP_ROOM, plan_parts


def whole_somewhere(parts, blocks) -> bool:  # type: ignore[no-untyped-def]
    return all(any(p.top <= lo and hi <= p.bottom for p in parts) for lo, hi in blocks)


def test_a_column_that_fits_is_one_part_centred_on_it() -> None:
    parts = plan_parts(0, 300, 500, [(10, 100)], [])
    assert len(parts) == 1 and parts[0].top == -100 and parts[0].bottom == 400


def test_a_card_the_screens_end_would_cut_starts_the_next_part() -> None:
    blocks = [(0, 60), (100, 300), (420, 560), (600, 700)]
    parts = plan_parts(0, 1000, 500, blocks, [])
    assert parts[0].top == 0 and parts[0].bottom == 500
    assert parts[1].start == 420 and parts[1].top == 420 - TOP_ROOM  # the cut card, whole on the next screen
    assert whole_somewhere(parts, blocks)
    assert parts[-1].bottom == 1000 and parts[-1].bottom - parts[-1].top == 500  # the last one ends with the stage


def test_a_part_ends_between_lanes_when_the_boundary_is_near_the_screens_end() -> None:
    blocks = [(20, 120), (300, 380), (470, 520)]
    parts = plan_parts(0, 1200, 500, blocks, [440, 200])
    assert parts[1].start == 440  # the lane boundary, not the card at 470
    far = plan_parts(0, 1200, 500, blocks, [150])  # a boundary high up would waste the screen
    assert far[1].start == 470


def test_a_card_taller_than_the_screen_is_cut_where_the_screen_ends() -> None:
    parts = plan_parts(0, 1500, 500, [(50, 1400)], [])
    assert [p.start for p in parts[:2]] == [0, 500]
    assert parts[-1].bottom == 1500


@pytest.mark.parametrize("span", [180.0, 333.0, 500.0, 777.0])
def test_every_card_is_whole_on_some_screen_and_the_screens_cover_the_column(span: float) -> None:
    blocks = [(float(y), float(y + 40 + (y % 7) * 10)) for y in range(0, 2000, 130)]
    parts = plan_parts(0, 2100, span, blocks, [400, 900, 1500])
    assert whole_somewhere(parts, blocks)
    assert all(b.start <= a.bottom for a, b in itertools.pairwise(parts))  # no gap between screens
    assert all(p.bottom - p.top == pytest.approx(span) for p in parts)
    assert [p.start for p in parts] == sorted(p.start for p in parts)
    with pytest.raises(ValueError, match="span"):
        plan_parts(0, 100, 0, [], [])
