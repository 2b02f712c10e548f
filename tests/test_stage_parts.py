"""A stage taller than the screen is walked in parts: where the parts begin (model.stage_parts)."""

from __future__ import annotations

import itertools

import pytest

from model.stage_parts import LANE_TOP_REACH, TOP_ROOM, plan_parts


def whole_somewhere(parts, blocks) -> bool:  # type: ignore[no-untyped-def]
    return all(any(p.top <= lo and hi <= p.bottom for p in parts) for lo, hi in blocks)


def test_a_column_that_fits_is_one_part_centred_on_it() -> None:
    parts = plan_parts(0, 300, 500, [(10, 100)], [])
    assert len(parts) == 1 and parts[0].top == -100 and parts[0].bottom == 400


def test_a_card_the_screens_end_would_cut_begins_the_next_part() -> None:
    blocks = [(0, 60), (100, 300), (420, 560), (600, 700)]
    parts = plan_parts(0, 1000, 500, blocks, [])
    assert parts[0].top == 0 and parts[0].bottom == 500
    assert parts[1].start == 420 and parts[1].top == 420 - TOP_ROOM  # the cut card, whole on the next screen
    assert len(parts) == 2 and whole_somewhere(parts, blocks)


def test_the_last_part_ends_with_the_stage() -> None:
    blocks = [(0, 60), (420, 560), (900, 990)]
    parts = plan_parts(0, 1000, 500, blocks, [])
    assert [p.start for p in parts] == [0, 420, 900]
    assert parts[-1].bottom == 1000 and parts[-1].top == 500  # a full screen, not one mostly empty


def test_a_part_begins_at_the_lane_top_when_its_first_card_is_the_lanes_first() -> None:
    blocks = [(20, 120), (470, 520)]
    parts = plan_parts(0, 1200, 500, blocks, [470 - LANE_TOP_REACH + 4, 200])
    assert parts[1].top == 470 - LANE_TOP_REACH + 4 - TOP_ROOM
    far = plan_parts(0, 1200, 500, blocks, [150])  # a lane boundary far above the card: not that
    assert far[1].top == 470 - TOP_ROOM


def test_empty_height_is_skipped_and_no_part_shows_nothing_new() -> None:
    # A lane made tall by another stage: this stage's cards sit at its top and far below.
    blocks = [(0, 80), (100, 200), (2000, 2100)]
    parts = plan_parts(0, 2200, 500, blocks, [])
    assert len(parts) == 2 and whole_somewhere(parts, blocks)
    assert all(any(p.top <= lo and hi <= p.bottom and not any(q.top <= lo and hi <= q.bottom for q in parts[:i])
                   for lo, hi in blocks) for i, p in enumerate(parts))


def test_a_card_taller_than_the_screen_is_shown_in_screen_high_pieces() -> None:
    parts = plan_parts(0, 1500, 500, [(50, 1400)], [])
    assert parts[0].top <= 50 and parts[-1].bottom >= 1400
    assert all(b.top < a.bottom for a, b in itertools.pairwise(parts))  # every piece of it is seen


@pytest.mark.parametrize("span", [180.0, 333.0, 500.0, 777.0])
def test_every_card_is_whole_on_some_screen(span: float) -> None:
    blocks = [(float(y), float(y + 40 + (y % 7) * 10)) for y in range(0, 2000, 130)]
    parts = plan_parts(0, 2100, span, blocks, [400, 900, 1500])
    assert whole_somewhere(parts, blocks)
    assert all(p.bottom - p.top == pytest.approx(span) for p in parts)
    assert [p.top for p in parts] == sorted(p.top for p in parts)
    with pytest.raises(ValueError, match="span"):
        plan_parts(0, 100, 0, [], [])
