"""Dot votes in the model (format extension, card drawing, SVG) and the projection look."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import model
from exporters.svg import render_svg
from model import style as st
from model.cardshape import measure_card
from model.entities import MAX_VOTES, Card
from model.layout import Layout
from model.primitives import Box, Circle, Line, Text
from model.primitives import Path as PathPrim
from model.projection import PROJECTION_INK, projected

ROOT = Path(__file__).resolve().parents[1]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


def vote_dots(card: Card) -> list[Circle]:
    shape = measure_card(card, "customer")
    return [p for p in shape.primitives if isinstance(p, Circle) and p.fill == st.VOTE]


@pytest.mark.parametrize(("votes", "dots", "more"), [(0, 0, None), (1, 1, None), (5, 5, None), (12, 5, "+7")])
def test_votes_are_drawn_as_dots_then_a_count(votes: int, dots: int, more: str | None) -> None:
    card = Card("c", "l", "s", "Pays with saved card", votes=votes)
    assert len(vote_dots(card)) == dots
    shape = measure_card(card, "customer")
    labels = [p.text for p in shape.primitives if isinstance(p, Text) and p.color == st.VOTE]
    assert labels == ([more] if more else [])
    assert (shape.vote_badge is None) == (votes == 0)
    if shape.vote_badge is not None:
        x, y, w, h = shape.vote_badge
        assert x >= 0 and x + w <= shape.w and y >= 0 and y + h <= shape.h  # the badge stays on the card
        assert all(x <= d.cx - d.r and d.cx + d.r <= x + w for d in vote_dots(card))


def test_votes_round_trip_and_zero_is_not_written() -> None:
    doc = model.load(BLUEPRINT)
    card_id = next(doc.cards()).id
    assert '"votes"' not in model.dumps(doc)
    doc.set_card_field(card_id, "votes", 7)
    text = model.dumps(doc)
    again = model.loads(text)
    assert again.card(card_id).votes == 7 and model.dumps(again) == text
    assert json.loads(text)["cards"][0]["votes"] == 7


@pytest.mark.parametrize("bad", [-1, 1.5, "3", True, MAX_VOTES + 1])
def test_bad_votes_are_refused_with_the_place(bad: object) -> None:
    data = json.loads(model.dumps(model.load(BLUEPRINT)))
    data["cards"][2]["votes"] = bad
    with pytest.raises(model.LoadError, match=r"^cards\[2\]\.votes: expected a whole number from 0 to 9999$"):
        model.loads(json.dumps(data))
    doc = model.load(BLUEPRINT)
    with pytest.raises(ValueError, match="votes"):
        doc.set_card_field(next(doc.cards()).id, "votes", bad)


def test_the_svg_draws_the_same_dots() -> None:
    doc = model.load(BLUEPRINT)
    ids = [c.id for c in doc.cards()][:2]
    doc.set_card_field(ids[0], "votes", 3)
    doc.set_card_field(ids[1], "votes", 9)
    svg = render_svg(Layout(doc))
    circles = re.findall(r"<circle[^>]*>", svg)
    vote = [c for c in circles if st.VOTE.lower() in c.lower()]
    assert len(vote) == 3 + 5
    assert "+4" in svg


def test_the_projection_look_keeps_every_place_and_darkens_the_ink() -> None:
    layout = Layout(model.load(BLUEPRINT))
    card = next(iter(layout.cards.values()))
    original = card.primitives
    look = projected(original)
    texts = [p for p in original if isinstance(p, Text)]
    projected_texts = [p for p in look if isinstance(p, Text)]
    assert [(t.x, t.y, t.text, t.size) for t in texts] == [(t.x, t.y, t.text, t.size) for t in projected_texts]
    assert all(t.color == PROJECTION_INK for t in projected_texts if t.text in card.lines)
    shadows = [p for p in original if isinstance(p, Box) and p.opacity < 1]
    assert shadows and not [p for p in look if isinstance(p, Box) and p.opacity < 1]
    body = next(p for p in look if isinstance(p, Box))
    plain = next(p for p in original if isinstance(p, Box) and p.opacity == 1)
    assert (body.x, body.y, body.w, body.h) == (plain.x, plain.y, plain.w, plain.h)
    assert body.stroke_width == 2.0 and body.stroke != plain.stroke  # the kind's accent, heavier
    arrows = [p for k in layout.links.values() for p in projected(k.primitives) if isinstance(p, PathPrim)]
    assert arrows and all(p.width >= 2.0 for p in arrows if p.stroke)
    lines = [p for p in projected(layout.background) if isinstance(p, Line) and p.dash]
    assert lines and all(p.width >= 2.0 for p in lines)  # the blueprint lines
    assert projected(original) is look  # cached: the canvas asks on every paint


def _luminance(color: str) -> float:
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("kind", sorted(st.KIND_STYLES))
def test_projected_cards_keep_text_above_7_to_1_and_edges_above_3_to_1(kind: str) -> None:
    card = Card("c", "l", "s", "Words on a card")
    look = projected(measure_card(card, kind).primitives)
    body = next(p for p in look if isinstance(p, Box))
    assert body.fill is not None and body.stroke is not None
    text = next(p for p in look if isinstance(p, Text))
    assert _contrast(text.color, body.fill) >= 7  # WCAG AAA for body text
    assert _contrast(body.stroke, body.fill) >= 3 and _contrast(body.stroke, st.PAGE) >= 3  # the card's edge
    plain = measure_card(card, kind).primitives
    plain_body = next(p for p in plain if isinstance(p, Box) and p.opacity == 1)
    assert plain_body.stroke is not None and _contrast(plain_body.stroke, plain_body.fill or st.PAGE) < 3


JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"


def test_votes_sit_beside_the_corner_marks_and_under_clipped_text() -> None:
    # A pain point that fails, with far too much text and votes: the dots, the F and the
    # pain icon in the corner, and the 14-line cap all on one card, none over another.
    card = Card("c", "l", "s", " ".join(["word"] * 400), fail=True, votes=8)
    shape = measure_card(card, "pain")
    assert shape.clipped and shape.lines[-1].endswith("…")
    assert shape.vote_badge is not None
    x, y, w, h = shape.vote_badge
    last_line = max(p.y for p in shape.primitives if isinstance(p, Text) and p.text in shape.lines)
    assert y > last_line  # the dots come after the text, not over its last line
    assert x + w <= shape.w and y + h <= shape.h
    fail = next(p for p in shape.primitives if isinstance(p, Circle) and p.fill == st.FAIL)
    assert fail.cy + fail.r < y  # the corner marks stay in the corner


def test_an_emotion_points_votes_stay_on_its_label_and_move_with_it() -> None:
    doc = model.load(JOURNEY)
    emotion = next(lane.id for lane in doc.lanes if lane.kind == "emotion")
    card_id = next(c.id for c in doc.cards() if c.lane == emotion)
    doc.set_card_field(card_id, "votes", 3)
    shape = Layout(doc).cards[card_id].shape
    assert shape.marker is not None and shape.body is not None and shape.vote_badge is not None
    bx, by, bw, bh = shape.body
    x, y, w, h = shape.vote_badge
    assert bx <= x and x + w <= bx + bw and by <= y and y + h <= by + bh  # on the label, not the marker
    dots = [p for p in shape.primitives if isinstance(p, Circle) and p.fill == st.VOTE]
    assert len(dots) == 3 and all(y <= d.cy <= y + h and x <= d.cx <= x + w for d in dots)


@pytest.mark.parametrize("theme", st.THEMES)
def test_the_vote_count_reads_in_both_themes(theme: str) -> None:
    assert st.contrast(st.themed(st.VOTE, theme), st.themed(st.CHIP_FILL, theme)) >= 4.5
