"""The plain records a document is made of: stages, lanes, cards, links, personas.

Each record keeps the keys this version does not know in ``extra`` so that a newer
or extended file loses nothing when it passes through (format.md, design rules).
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from model.valueclass import value_class

LANE_KINDS: tuple[str, ...] = (
    "evidence",
    "customer",
    "frontstage",
    "backstage",
    "support",
    "touchpoint",
    "emotion",
    "thought",
    "pain",
    "opportunity",
    "note",
)
# The four lanes of a service blueprint, top to bottom; the lines of interaction, visibility and
# internal interaction run between them.
BLUEPRINT_KINDS = frozenset({"customer", "frontstage", "backstage", "support"})
LANE_KIND_LABELS: dict[str, str] = {
    "evidence": "Physical evidence",
    "customer": "Customer actions",
    "frontstage": "Frontstage",
    "backstage": "Backstage",
    "support": "Support processes",
    "touchpoint": "Touchpoints",
    "emotion": "Emotions",
    "thought": "Thoughts",
    "pain": "Pain points",
    "opportunity": "Opportunities",
    "note": "Notes",
}
LINK_KINDS: tuple[str, ...] = ("flow", "depends", "twoway")
SCORE_RANGE: tuple[int, int] = (-2, 2)
MAX_VOTES = 9999  # dot votes on one card (an extension of format v1)


@value_class
class Stage:
    """A column of the board."""

    id: str
    name: str
    metrics: dict[str, float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@value_class
class Lane:
    """A row of the board; its kind decides colours and blueprint lines."""

    id: str
    name: str
    kind: str
    extra: dict[str, Any] = field(default_factory=dict)


@value_class
class Card:
    """One sticky note in a cell (stage x lane)."""

    id: str
    lane: str
    stage: str
    text: str = ""
    color: str | None = None
    score: int | None = None
    channel: str | None = None
    fail: bool = False
    wait: str | None = None
    tags: list[str] | None = None
    notes: str | None = None
    persona: str | None = None
    votes: int = 0  # dot votes (docs/format-extensions.md), written only when above 0
    extra: dict[str, Any] = field(default_factory=dict)


# The card fields a user may edit through Document.set_card_field (id and cell are not).
CARD_EDITABLE_FIELDS: tuple[str, ...] = (
    "text",
    "color",
    "score",
    "channel",
    "fail",
    "wait",
    "tags",
    "notes",
    "persona",
    "votes",
)


@value_class
class Link:
    """An arrow between two cards."""

    id: str
    source: str
    target: str
    label: str | None = None
    kind: str = "flow"
    extra: dict[str, Any] = field(default_factory=dict)


@value_class
class Persona:
    """Who the journey is about."""

    id: str
    name: str
    role: str | None = None
    quote: str | None = None
    goals: list[str] | None = None
    pains: list[str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
