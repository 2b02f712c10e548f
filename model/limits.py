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
| JSON nesting | 32 levels (a document needs 4; the rest is room for extension data) |

The nesting limit is not only about recursion: ``dumps`` indents every level by two
spaces, so a 2 KB file of 900 nested lists becomes 1.6 MB when saved, and a 32 MiB file of
them would have become tens of gigabytes on the first autosave.
"""

from __future__ import annotations

import operator
from itertools import chain, compress, repeat
from typing import Any

from model.loaderror import LoadError

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_COUNTS: dict[str, int] = {
    "cards": 100_000,
    "links": 200_000,
    "stages": 2_000,
    "lanes": 2_000,
    "personas": 10_000,
}
MAX_DEPTH = 32


def size_problem(size: int) -> LoadError | None:
    """Why a file of ``size`` bytes is refused, or None when it is within the limit."""
    if size > MAX_FILE_BYTES:
        return LoadError("the file is {0}, more than the {1} Touchline opens", human_size(size),
                         human_size(MAX_FILE_BYTES))
    return None


def count_problem(raw: Any) -> LoadError | None:
    """Why a parsed document holds too many items, naming the list, or None."""
    if not isinstance(raw, dict):
        return None
    for key, limit in MAX_COUNTS.items():
        items = raw.get(key)
        if isinstance(items, list) and len(items) > limit:
            return LoadError("{0}: {1} {0} is more than the {2} Touchline opens", key, f"{len(items):,}", f"{limit:,}")
    return None


def depth_problem(raw: Any) -> LoadError | None:
    """Why a parsed document nests too deeply, naming the place, or None.

    Only non-empty containers are visited and places are named only for the answer, so
    32 MiB of empty objects is checked in about a second.
    """
    if not _may_nest_too_deeply(raw):
        return None
    return _deepest_place(raw)


_CONTAINER_TYPES = frozenset({dict, list})
_is_container_type = _CONTAINER_TYPES.__contains__


def _may_nest_too_deeply(raw: Any) -> bool:
    """False when no container lies deeper than ``MAX_DEPTH``: one level at a time, without places.

    Each level's values are gathered and sorted out by type with C iterators (``compress``
    over ``map(type, ...)``), without a Python step per container or per field: a board of
    5,000 cards is looked at in a few ms, 32 MiB of empty objects in well under a second.
    It sees the exact types ``json`` makes; for anything else (a subclass of dict or list at
    the top) it answers True and the exact walk decides.
    """
    if not _is_container_type(type(raw)):
        return True
    level = [raw]
    depth = 1
    while level:
        is_dict = list(map(operator.is_, map(type, level), repeat(dict)))
        values = chain(chain.from_iterable(map(dict.values, compress(level, is_dict))),
                       chain.from_iterable(compress(level, map(operator.not_, is_dict))))
        if depth == MAX_DEPTH:  # any container below here, even an empty one, is one level too deep
            return any(map(_is_container_type, map(type, values)))
        # Above the last level empty containers (and falsy scalars) lead nowhere: one C truth
        # test drops them first, so 32 MiB of ``{}`` is passed over once instead of listed.
        nonempty = list(filter(None, values))
        level = list(compress(nonempty, map(_is_container_type, map(type, nonempty))))
        depth += 1
    return False


def _deepest_place(raw: Any) -> LoadError | None:
    # Each entry: (container, depth, parent entry, key in the parent).
    stack: list[tuple[Any, int, Any, Any]] = [(raw, 1, None, None)]
    while stack:
        entry = stack.pop()
        value, depth = entry[0], entry[1]
        children = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in children:
            if isinstance(item, dict | list):
                if depth + 1 > MAX_DEPTH:
                    return LoadError("{0}: nested more than {1} levels deep", _place(entry, key), str(MAX_DEPTH))
                if item:
                    stack.append((item, depth + 1, entry, key))
    return None


def _place(entry: Any, key: Any) -> str:
    parts = [key]
    while entry is not None and entry[2] is not None:
        parts.append(entry[3])
        entry = entry[2]
    where = ""
    for part in reversed(parts):
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return where


def human_size(size: int) -> str:
    """``33554432`` -> ``"32 MiB"``; ``52428800`` -> ``"50 MiB"``."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"
