"""Numbers per stage: cards per lane, hand-offs across the line of visibility, fail points, waits."""

from __future__ import annotations

import re

from model.document import Document
from model.valueclass import value_class

# Lanes the customer sees (above the line of visibility) and those they do not.
VISIBLE_KINDS = frozenset({"evidence", "customer", "frontstage", "touchpoint"})
HIDDEN_KINDS = frozenset({"backstage", "support"})

_UNITS = {
    "s": 1 / 60, "sec": 1 / 60, "secs": 1 / 60, "second": 1 / 60, "seconds": 1 / 60,
    "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
    "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
    "d": 1440, "day": 1440, "days": 1440,
    "w": 10080, "wk": 10080, "week": 10080, "weeks": 10080,
    # German, as a German board writes them ("5 Min.", "2 Std.", "3–5 Tage", "bis zu 2 Wochen")
    "sek": 1 / 60, "sekunde": 1 / 60, "sekunden": 1 / 60, "minuten": 1, "std": 60, "stunde": 60, "stunden": 60,
    "t": 1440, "tag": 1440, "tage": 1440, "tagen": 1440, "woche": 10080, "wochen": 10080,
    "tg": 1440, "wo": 10080, "werktag": 1440, "werktage": 1440, "werktagen": 1440,
    # A month as 30 days ("3 months" for a permit, a refund, a delivery), a day being 24 h here.
    "mo": 43200, "mos": 43200, "month": 43200, "months": 43200,
    "mon": 43200, "monat": 43200, "monate": 43200, "monaten": 43200,
}
# A number, or a range of two ("3–5 days", "3-5 d", "2 h – 3 h", "3 to 5 days", "up to 5 days"), and a unit; an
# estimate said as one ("~5 min", "about 10 min", "ca. 5 Min.", "etwa 2 Std.") counts as its number.
_NUMBER = r"\d+(?:[.,]\d+)?"
_ABOUT = (r"(?:~|≈|ca\.?|circa|about|approx\.?|approximately|around|roughly|etwa|ungefähr|rund|up\s+to|bis\s+zu"
          r"|max\.?|maximal|höchstens|at\s+most)")
_DURATION = re.compile(rf"^\s*(?:{_ABOUT}\s*)?(?:({_NUMBER})\s*(?:([a-zA-Z]+)\.?\s*)?(?:[-–—]|to|bis)\s*)?"
                       rf"({_NUMBER})\s*([a-zA-Z]+)\.?\s*$", re.IGNORECASE)
# Two or more parts of a number and a unit, maybe joined by "and", "und" or a comma.
_PART = re.compile(rf"({_NUMBER})\s*([a-zA-Z]+)\.?", re.IGNORECASE)
_COMPOUND = re.compile(rf"\s*{_PART.pattern}(?:\s*(?:,|and|und)?\s*{_PART.pattern})+\s*", re.IGNORECASE)


def parse_minutes(text: str) -> float | None:
    """A wait like "5 min", "2 h", "1.5 hours", "3 days" (or "2 Std.", "3 Tage") in minutes; None when it is
    no duration.

    A range ("3–5 days") counts as its longer end: the stage's waiting time is how long it can take; an estimate
    ("~5 min", "ca. 5 Min.") as its number.
    """
    match = _DURATION.match(text)
    if match is None:
        return _parse_compound(text)
    low, low_unit, high, high_unit = match.groups()
    unit = _UNITS.get(high_unit.lower())
    if unit is None:
        return None
    minutes = float(high.replace(",", ".")) * unit
    if low is not None and low_unit is not None:  # "30 min – 1 h", "1 h – 30 min": the longer of the two
        first_unit = _UNITS.get(low_unit.lower())
        if first_unit is None:
            return None
        minutes = max(minutes, float(low.replace(",", ".")) * first_unit)
    return minutes


def _parse_compound(text: str) -> float | None:
    """"1 h 30 min", "1h30m", "2 hours and 15 minutes", "1 Std. 30 Min." in minutes: the Checks panel writes
    totals so ("1 h 30 min"), and the same typed as a wait was counted as "not timed"."""
    if not _COMPOUND.fullmatch(text):
        return None
    total = 0.0
    for number, unit_name in _PART.findall(text):
        unit = _UNITS.get(unit_name.lower())
        if unit is None:
            return None
        total += float(number.replace(",", ".")) * unit
    return total


@value_class(frozen=True)
class StageNumbers:
    """The summary of one stage."""

    stage: str
    name: str
    cards: dict[str, int]  # lane id -> cards in this stage's cell
    handoffs: int  # links from this stage's cards that cross the line of visibility
    fail_points: int
    wait_minutes: float  # total of the waits that parse as durations
    unparsed_waits: int

    def to_json(self) -> dict[str, object]:
        """As ``validate --json`` prints it under "stages"."""
        return {
            "id": self.stage, "name": self.name, "cards": self.cards, "handoffs": self.handoffs,
            "fail_points": self.fail_points, "wait_minutes": round(self.wait_minutes, 2),
            "unparsed_waits": self.unparsed_waits,
        }


def stage_numbers(document: Document) -> list[StageNumbers]:
    """One summary per stage, left to right."""
    kind_of = {lane.id: lane.kind for lane in document.lanes}
    result = []
    for stage in document.stages:
        cards = {lane.id: len(document.cell_cards(stage.id, lane.id)) for lane in document.lanes}
        ids = [c for lane in document.lanes for c in document.cell_cards(stage.id, lane.id)]
        handoffs = 0
        fails = 0
        minutes = 0.0
        unparsed = 0
        for card_id in ids:
            card = document.card(card_id)
            fails += card.fail
            if card.wait:
                parsed = parse_minutes(card.wait)
                if parsed is None:
                    unparsed += 1
                else:
                    minutes += parsed
            for link in document.links_of(card_id):
                if link.source != card_id:
                    continue
                a, b = kind_of[card.lane], kind_of[document.card(link.target).lane]
                if (a in VISIBLE_KINDS and b in HIDDEN_KINDS) or (a in HIDDEN_KINDS and b in VISIBLE_KINDS):
                    handoffs += 1
        result.append(StageNumbers(stage.id, stage.name, cards, handoffs, fails, minutes, unparsed))
    return result
