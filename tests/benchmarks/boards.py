"""The benchmark's synthetic boards: the shape performance.md's floors were measured on."""

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


def synthetic_board(n_cards: int, seed: int = 7, stage_count: int = STAGES) -> Document:
    """``stage_count`` stages x 5 lanes, cards stacked in cells with 1-3 lines of text, 1.2 links per card."""
    rng = random.Random(seed)
    stages = [Stage(f"s{i}", f"Stage {i + 1}") for i in range(stage_count)]
    lanes = [Lane(f"l{i}", kind.title(), kind) for i, kind in enumerate(KINDS)]
    cards = []
    for i in range(n_cards):
        words = rng.randint(3, 14)
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        cards.append(Card(f"c{i}", lanes[i % len(KINDS)].id, stages[(i // len(KINDS)) % stage_count].id, text,
                          fail=rng.random() < 0.05, wait="3 min" if rng.random() < 0.05 else None))
    links = []
    for i in range(int(n_cards * LINKS_PER_CARD)):
        a, b = rng.randrange(n_cards), rng.randrange(n_cards)
        if a != b:
            links.append(Link(f"k{i}", f"c{a}", f"c{b}"))
    return Document.build(title=f"Synthetic board, {n_cards} cards", description=None, stages=stages,
                          lanes=lanes, cards=cards, links=links, personas=[], extra={})


def write_board(n_cards: int, folder: Path) -> Path:
    """The synthetic board of ``n_cards`` saved as a .touchline file in ``folder``."""
    path = folder / f"board-{n_cards}.touchline"
    path.write_text(model.dumps(synthetic_board(n_cards)), encoding="utf-8")
    return path
