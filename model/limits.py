"""How big a document Touchline opens: the limits that keep a hostile or broken file from
hanging the program or exhausting memory.

They are far above any real board (the bundled examples have a few dozen cards; the
benchmark edits 5,000 smoothly) and low enough that the loader answers within seconds on
a small machine: 100,000 cards load in about a second, and anything larger than
``MAX_FILE_BYTES`` is refused before a byte of it is parsed. ``model.load`` looks at a
file's size before reading it, so a huge file never gets into memory.

| limit | value |
|---|---|
| file size | 32 MiB (``MAX_FILE_BYTES``; for text given to ``loads``, its length in characters) |
| cards | 100,000 |
| links | 200,000 |
| stages, lanes | 2,000 each |
| personas | 10,000 |
| JSON nesting | Python's recursion limit (about 1,000 levels) |
"""

from __future__ import annotations

from typing import Any

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_COUNTS: dict[str, int] = {
    "cards": 100_000,
    "links": 200_000,
    "stages": 2_000,
    "lanes": 2_000,
    "personas": 10_000,
}


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes is refused, or None when it is within the limit."""
    if size > MAX_FILE_BYTES:
        return f"the file is {human_size(size)}, more than the {human_size(MAX_FILE_BYTES)} Touchline opens"
    return None


def count_problem(raw: Any) -> str | None:
    """Why a parsed document holds too many items, naming the list, or None."""
    if not isinstance(raw, dict):
        return None
    for key, limit in MAX_COUNTS.items():
        items = raw.get(key)
        if isinstance(items, list) and len(items) > limit:
            return f"{key}: {len(items):,} {key} is more than the {limit:,} Touchline opens"
    return None


def human_size(size: int) -> str:
    """``33554432`` -> ``"32 MiB"``; ``52428800`` -> ``"50 MiB"``."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"
