"""The benchmark's synthetic boards: the shape performance.md's floors were measured on.

Cards: ``stage_count`` stages x 5 lanes, card i in lane i % 5 of stage (i // 5) % stages,
stacked in cells (row i // (5 * stages)), 1-3 lines of text, 1.2 links per card.

Links come in two kinds:
- "local" (what the canvas is judged on): each link joins a card to one in the same or the
  next stage, the same or a neighbouring lane, the same or a neighbouring row. That is what
  real boards hold: in both bundled examples every link is within one stage, one lane and
  one row of its other end (coffee shop: 27 links, stage distance 0/1 = 21/6, lane 10/17,
  row 16/11; onboarding: 8 links, all within 0/1).
- "spanning" (the board of session 2's figures): random card pairs anywhere, so at 5,000
  cards about 2,700 arrows cross a 1920x1080 view at 100%. Kept as its own rows so that
  nothing is hidden: it is the worst case, not a board anyone draws.
"""

from __future__ import annotations

import random
from pathlib import Path

import model
from model import Card, Document, Lane, Link, Stage

WORDS = ("customer", "orders", "checks", "the", "app", "pays", "waits", "for", "barista", "coffee",
         "receipt", "email", "queue", "staff", "system", "updates", "stock", "notifies", "pickup", "shelf")
KINDS = ("customer", "frontstage", "backstage", "support", "evidence")
STAGES = 20
LINKS_PER_CARD = 1.2
LINK_KINDS = ("spanning", "local")


def synthetic_board(n_cards: int, seed: int = 7, stage_count: int = STAGES, links: str = "spanning") -> Document:
    """``stage_count`` stages x 5 lanes, cards stacked in cells with 1-3 lines of text, 1.2 links per card.

    ``links`` is "spanning" (random pairs across the board) or "local" (see the module's docstring).
    """
    if links not in LINK_KINDS:
        raise ValueError(f"unknown link kind {links!r}; expected one of {', '.join(LINK_KINDS)}")
    rng = random.Random(seed)
    stages = [Stage(f"s{i}", f"Stage {i + 1}") for i in range(stage_count)]
    lanes = [Lane(f"l{i}", kind.title(), kind) for i, kind in enumerate(KINDS)]
    cards = []
    for i in range(n_cards):
        words = rng.randint(3, 14)
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        cards.append(Card(f"c{i}", lanes[i % len(KINDS)].id, stages[(i // len(KINDS)) % stage_count].id, text,
                          fail=rng.random() < 0.05, wait="3 min" if rng.random() < 0.05 else None))
    pairs = _local_pairs if links == "local" else _spanning_pairs
    link_list = [Link(f"k{i}", f"c{a}", f"c{b}") for i, (a, b) in enumerate(pairs(rng, n_cards, stage_count))]
    return Document.build(title=f"Synthetic board, {n_cards} cards", description=None, stages=stages,
                          lanes=lanes, cards=cards, links=link_list, personas=[], extra={})


def _spanning_pairs(rng: random.Random, n_cards: int, stage_count: int) -> list[tuple[int, int]]:
    pairs = []
    for _ in range(int(n_cards * LINKS_PER_CARD)):
        a, b = rng.randrange(n_cards), rng.randrange(n_cards)
        if a != b:
            pairs.append((a, b))
    return pairs


def _local_pairs(rng: random.Random, n_cards: int, stage_count: int) -> list[tuple[int, int]]:
    lanes = len(KINDS)
    per_row = lanes * stage_count
    pairs: list[tuple[int, int]] = []
    wanted = int(n_cards * LINKS_PER_CARD)
    for _ in range(wanted * 20):  # draws that fall off the board are drawn again
        if len(pairs) == wanted:
            break
        a = rng.randrange(n_cards)
        row, stage, lane = a // per_row, (a // lanes) % stage_count, a % lanes
        b_stage = stage + rng.choice((0, 1))
        b_lane = lane + rng.choice((-1, 0, 1))
        b_row = row + rng.choice((-1, 0, 1))
        b = b_row * per_row + b_stage * lanes + b_lane
        if b_stage < stage_count and 0 <= b_lane < lanes and b_row >= 0 and 0 <= b < n_cards and b != a:
            pairs.append((a, b))
    return pairs


def write_board(n_cards: int, folder: Path, links: str = "spanning") -> Path:
    """The synthetic board of ``n_cards`` saved as a .touchline file in ``folder``."""
    path = folder / f"board-{n_cards}-{links}.touchline"
    path.write_text(model.dumps(synthetic_board(n_cards, links=links)), encoding="utf-8")
    return path
