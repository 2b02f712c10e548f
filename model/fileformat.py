"""The ``.touchline`` format v1: parse and validate, then build; canonical text; atomic save.

Loading goes in two steps (orange-canvas-core's readwrite): plain JSON data is checked
and turned into records, each problem reported with the place it was found, and only
then is a Document built. Nothing is half-loaded.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from typing import Any

from model.bulk import collector_paused
from model.document import Document, is_hex_color
from model.entities import LANE_KINDS, LINK_KINDS, MAX_VOTES, SCORE_RANGE, Card, Lane, Link, Persona, Stage
from model.limits import MAX_FILE_BYTES, count_problem, depth_problem, human_size, size_problem
from model.loaderror import LoadError as LoadError
from model.safefile import SaveError as SaveError  # re-exported: model.SaveError lives here too
from model.safefile import write_file

FORMAT_NAME = "touchline"
FORMAT_VERSION = 1

# Upgrade functions lift a document from the version they are tagged with to the next
# one (gaphor's storage/load.py). Version 1 is the first, so there are none yet.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


# ---------------------------------------------------------------------- reading
def loads(data: str | bytes) -> Document:
    """Parse a document from text or bytes; raise LoadError naming the place."""
    try:
        with collector_paused():
            return _loads(data)
    except LoadError:
        raise
    except RecursionError:
        raise LoadError("the JSON is nested too deeply") from None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        # A last guard: the contract is that nothing but LoadError escapes.
        raise LoadError("unreadable document ({0}: {1})", type(exc).__name__, str(exc)) from None


def load(path: str | os.PathLike[str]) -> Document:
    """Read a document from a file; raise LoadError naming the place."""
    return loads(read_file(path))


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file to load or import; LoadError when it is missing, a folder, unreadable or too big.

    A regular file's size is looked at before it is read. Anything else (a pipe, /dev/stdin, a
    device) has no size to look at: at most one byte past the limit is read, and a named pipe
    nobody writes to reads as empty instead of being waited on for ever (/dev/zero filled the
    memory; a FIFO hung the command).
    """
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
        if not regular and hasattr(os, "O_NONBLOCK"):
            flags |= os.O_NONBLOCK  # open() of a FIFO waits for a writer; with this it returns at once
        descriptor = os.open(path, flags)
        with open(descriptor, "rb") as handle:
            if not regular and hasattr(os, "O_NONBLOCK"):
                os.set_blocking(descriptor, True)  # then reads wait for what a writer sends, till it closes
            # The size first: a file too big to open is refused without being read.
            problem = size_problem(os.fstat(descriptor).st_size)
            if problem:
                raise problem
            if regular:
                return handle.read()  # (a read of a size asked for allocates that size first: 32 MiB)
            data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:  # (a stream: how much more there is, nobody knows)
                raise LoadError("more than the {0} Touchline opens", human_size(MAX_FILE_BYTES))
            return data
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except IsADirectoryError:
        raise LoadError("is a folder, not a file") from None
    except OSError as exc:
        raise LoadError("cannot be read ({0})", exc.strerror or str(exc)) from None


def _loads(data: str | bytes) -> Document:
    too_big = size_problem(len(data)) if isinstance(data, str | bytes) else None
    if too_big:
        raise too_big
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError("byte {0}: not valid UTF-8", str(exc.start)) from None
    elif isinstance(data, str):
        text = data
    else:
        raise LoadError("expected text or bytes")
    text = text.removeprefix("\ufeff")
    try:
        raw = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        if not text.strip():
            raise LoadError("the file is empty (no JSON in it)") from None
        problem = _json_problem(exc.msg)
        if exc.pos >= len(text.rstrip()) and text.lstrip().startswith("{"):
            # Nothing but the end where JSON was still expected: a file cut off (a copy stopped
            # half-way, a sync that did not finish), not "a comma is missing" at the very end.
            problem = ENDS_EARLY
        elif exc.msg.startswith("Unterminated string") and text.lstrip().startswith("{"):
            problem = ENDS_IN_TEXT
        raise LoadError("line {0}, column {1}: not valid JSON: {2}", str(exc.lineno), str(exc.colno),
                        problem) from None
    if _SURROGATE_ESCAPE.search(text) or not _encodable(text):
        _check_surrogates(raw)
    return _build(raw)


# Python's json messages, said as a person editing the file by hand would look for the mistake. These, and the
# two below, are words a window translates (a part of "line {0}, column {1}: not valid JSON: {2}").
_JSON_PROBLEMS = {
    "Expecting value": "a value is missing here",
    "Unterminated string starting at": 'a text value starts here and is never closed (a missing ")',
    "Expecting ',' delimiter": "a comma is missing before this",
    "Expecting ':' delimiter": "a colon is missing after the name",
    "Expecting property name enclosed in double quotes": "a name in double quotes was expected (a comma too many?)",
    "Extra data": "something follows the end of the data",
    "Invalid control character at": "a line break or tab inside a text value (write it as \\n or \\t)",
    "Invalid \\escape": "a backslash that starts no valid escape (write \\\\ for one backslash)",
}


ENDS_EARLY = "the file ends early, before the document is closed (cut off?)"
ENDS_IN_TEXT = "the file ends inside a text value that starts here (a missing \" or a file cut off?)"
JSON_PROBLEMS = (*_JSON_PROBLEMS.values(), ENDS_EARLY, ENDS_IN_TEXT)


def _json_problem(message: str) -> str:
    return _JSON_PROBLEMS.get(message, message[:1].lower() + message[1:])


# A "\ud800"-style escape: json.loads turns an unpaired one into a lone surrogate, which
# loads but can never be written back as UTF-8 (save, SVG, PDF would all fail later).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_constant(name: str) -> Any:
    # Python's json reads NaN and Infinity, which are not JSON and would be written back.
    raise LoadError("not valid JSON ({0} is not a JSON number)", name)


def _finite_float(text: str) -> float:
    # "1e999" is valid JSON but becomes inf, which dumps() would write back as Infinity:
    # the saved file would no longer load (found by tests/test_fuzz_loader.py).
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise LoadError("the number {0} is too large for Touchline", text[:20])
    return value


def _whole_number(text: str) -> int:
    # Python refuses to read integers of more than 4,300 digits (a guard against slow
    # conversions); say so in words instead of through the last-resort guard.
    try:
        return int(text)
    except ValueError:
        raise LoadError("a number with {0} digits is too long for Touchline", f"{len(text.lstrip('-')):,}") from None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_surrogates(raw: Any) -> None:
    """Refuse any string or key holding an unpaired UTF-16 surrogate, naming where it is."""
    stack: list[tuple[Any, str]] = [(raw, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if _LONE_SURROGATE.search(value):
                if not where:
                    raise LoadError("the document: holds an unpaired surrogate (not Unicode text)")
                raise LoadError("{0}: holds an unpaired surrogate (not Unicode text)", where)
        elif isinstance(value, dict):
            items = list(value.items())
            for key, item in reversed(items):
                place = f"{where}.{key}" if where else key
                if _LONE_SURROGATE.search(key):
                    if not where:
                        raise LoadError("the top level: a key holds an unpaired surrogate (not Unicode text)")
                    raise LoadError("{0}: a key holds an unpaired surrogate (not Unicode text)", where)
                stack.append((item, place))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]") for i, item in reversed(list(enumerate(value))))


def _build(raw: Any) -> Document:
    if not isinstance(raw, dict):
        raise LoadError("not a Touchline document (the top level is not an object)")
    if raw.get("format") != FORMAT_NAME:
        raise LoadError('not a Touchline document ("format" is not "touchline")')
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise LoadError("version: expected a whole number")
    if version > FORMAT_VERSION:
        raise LoadError("version {0} is newer than this Touchline understands ({1})", str(version), str(FORMAT_VERSION))
    if version < 1:
        raise LoadError("version: {0} is not a Touchline version", str(version))
    problem = count_problem(raw) or depth_problem(raw)
    if problem:
        raise problem
    while version < FORMAT_VERSION:
        raw = UPGRADES[version](raw)
        version += 1
    r = _Reader()
    title = r.string(raw, "title", "title", required=True)
    description = r.string(raw, "description", "description")
    r.string(raw, "language", "language")  # an extension kept in ``extra``: the board's own words (model/board_words)
    personas = [_persona(r, p, f"personas[{i}]") for i, p in enumerate(r.items(raw, "personas", "personas"))]
    stages = [_stage(r, s, f"stages[{i}]") for i, s in enumerate(r.items(raw, "stages", "stages", True))]
    lanes = [_lane(r, lane, f"lanes[{i}]") for i, lane in enumerate(r.items(raw, "lanes", "lanes", True))]
    # Each card and link is first read by a fast path that accepts only well-formed items;
    # anything else goes through the reader, which names the place of the problem.
    cards = [_card_fast(c) or _card(r, c, f"cards[{i}]") for i, c in enumerate(r.items(raw, "cards", "cards", True))]
    links = [_link_fast(k) or _link(r, k, f"links[{i}]") for i, k in enumerate(r.items(raw, "links", "links", True))]
    _check_references(personas, stages, lanes, cards, links)
    _share_ids(stages, lanes, cards, links)
    extra = {k: v for k, v in raw.items() if k not in _TOP_KEYS}
    return Document.build(
        title=title or "",
        description=description,
        stages=stages,
        lanes=lanes,
        cards=cards,
        links=links,
        personas=personas,
        extra=extra,
    )


def _share_ids(stages: list[Stage], lanes: list[Lane], cards: list[Card], links: list[Link]) -> None:
    """Make each mention of an id the id's own string: json reads a new string for every mention
    (a card's stage and lane, a link's two ends), ~1 MiB of a 5,000-card board kept for nothing."""
    ids = {stage.id: stage.id for stage in stages}
    ids.update((lane.id, lane.id) for lane in lanes)
    ids.update((card.id, card.id) for card in cards)
    own = ids.get
    for card in cards:
        card.stage, card.lane = own(card.stage, card.stage), own(card.lane, card.lane)
    for link in links:
        link.source, link.target = own(link.source, link.source), own(link.target, link.target)


_TOP_KEYS = ("format", "version", "title", "description", "personas", "stages", "lanes", "cards", "links")
_STAGE_KEYS = ("id", "name", "metrics")
_LANE_KEYS = ("id", "name", "kind")
_CARD_KEYS = ("id", "lane", "stage", "text", "color", "score", "channel", "fail", "wait", "tags", "notes", "persona",
              "votes")
_LINK_KEYS = ("id", "from", "to", "label", "kind")
_PERSONA_KEYS = ("id", "name", "role", "quote", "goals", "pains")


class _Reader:
    """Typed access to plain JSON values that raises LoadError naming the place."""

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise LoadError("{0}: expected an object", where)
        return value

    def items(self, obj: dict[str, Any], key: str, where: str, required: bool = False) -> list[Any]:
        if key not in obj:
            if required:
                raise LoadError("{0}: missing", where)
            return []
        value = obj[key]
        if not isinstance(value, list):
            raise LoadError("{0}: expected a list", where)
        return value

    def string(self, obj: dict[str, Any], key: str, where: str, required: bool = False) -> str | None:
        if key not in obj:
            if required:
                raise LoadError("{0}: missing", where)
            return None
        value = obj[key]
        if not isinstance(value, str):
            raise LoadError("{0}: expected a string", where)
        return value

    def ident(self, obj: dict[str, Any], key: str, where: str) -> str:
        value = self.string(obj, key, where, required=True)
        if not value:
            raise LoadError("{0}: must not be empty", where)
        return value

    def strings(self, obj: dict[str, Any], key: str, where: str) -> list[str] | None:
        if key not in obj:
            return None
        value = obj[key]
        if not isinstance(value, list):
            raise LoadError("{0}: expected a list of strings", where)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise LoadError("{0}: expected a string", f"{where}[{i}]")
        return list(value)


def _extra(obj: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in known}


def _stage(r: _Reader, value: Any, where: str) -> Stage:
    obj = r.obj(value, where)
    metrics = None
    if "metrics" in obj:
        raw_metrics = obj["metrics"]
        if not isinstance(raw_metrics, dict):
            raise LoadError("{0}: expected an object of numbers", f"{where}.metrics")
        metrics = {}
        for name, number in raw_metrics.items():
            if isinstance(number, bool) or not isinstance(number, int | float):
                raise LoadError("{0}: expected a number", f"{where}.metrics.{name}")
            if number != number or number in (float("inf"), float("-inf")):
                raise LoadError("{0}: expected a finite number", f"{where}.metrics.{name}")
            metrics[name] = number
    # Stage notes (docs/format-extensions.md) stay in ``extra``, but only as a string.
    r.string(obj, "notes", f"{where}.notes")
    return Stage(
        id=r.ident(obj, "id", f"{where}.id"),
        name=r.string(obj, "name", f"{where}.name", required=True) or "",
        metrics=metrics,
        extra=_extra(obj, _STAGE_KEYS),
    )


def _lane(r: _Reader, value: Any, where: str) -> Lane:
    obj = r.obj(value, where)
    kind = r.string(obj, "kind", f"{where}.kind", required=True)
    if kind not in LANE_KINDS:
        raise LoadError('{0}: unknown lane kind "{1}" (one of {2})', f"{where}.kind", str(kind), ", ".join(LANE_KINDS))
    return Lane(
        id=r.ident(obj, "id", f"{where}.id"),
        name=r.string(obj, "name", f"{where}.name", required=True) or "",
        kind=kind,
        extra=_extra(obj, _LANE_KEYS),
    )


def _card(r: _Reader, value: Any, where: str) -> Card:
    obj = r.obj(value, where)
    color = r.string(obj, "color", f"{where}.color")
    if color is not None and not is_hex_color(color):
        raise LoadError('{0}: "{1}" is not a colour of the form "#rrggbb"', f"{where}.color", color)
    score = obj.get("score")
    if score is not None:
        low, high = SCORE_RANGE
        if isinstance(score, bool) or not isinstance(score, int):
            raise LoadError("{0}: expected a whole number from {1} to {2}", f"{where}.score", str(low), str(high))
        if not low <= score <= high:
            raise LoadError("{0}: {1} is outside {2}…{3}", f"{where}.score", str(score), str(low), str(high))
    fail = obj.get("fail", False)
    if not isinstance(fail, bool):
        raise LoadError("{0}: expected true or false", f"{where}.fail")
    votes = obj.get("votes", 0)
    if isinstance(votes, bool) or not isinstance(votes, int) or not 0 <= votes <= MAX_VOTES:
        raise LoadError("{0}: expected a whole number from {1} to {2}", f"{where}.votes", "0", str(MAX_VOTES))
    return Card(
        id=r.ident(obj, "id", f"{where}.id"),
        lane=r.ident(obj, "lane", f"{where}.lane"),
        stage=r.ident(obj, "stage", f"{where}.stage"),
        text=r.string(obj, "text", f"{where}.text", required=True) or "",
        color=color,
        score=score,
        channel=r.string(obj, "channel", f"{where}.channel"),
        fail=fail,
        wait=r.string(obj, "wait", f"{where}.wait"),
        tags=r.strings(obj, "tags", f"{where}.tags"),
        notes=r.string(obj, "notes", f"{where}.notes"),
        persona=r.string(obj, "persona", f"{where}.persona"),
        votes=votes,
        extra=_extra(obj, _CARD_KEYS),
    )


_ABSENT: Any = object()  # a key not in the object (null is a value, and for most keys a wrong one)
_CARD_KEY_SET = frozenset(_CARD_KEYS)
_LINK_KEY_SET = frozenset(_LINK_KEYS)


def _card_fast(value: Any) -> Card | None:
    """The card ``_card`` would read from ``value``, or None when any field needs a closer look.

    Loading spent most of its time building the places named in messages (``cards[12].wait``)
    for fields that were fine; this checks the common case without them, and anything it
    does not accept is read again by ``_card``, which names what is wrong.
    """
    if type(value) is not dict:
        return None
    get = value.get
    card_id, lane, stage, text = get("id"), get("lane"), get("stage"), get("text")
    if not (type(card_id) is str and card_id and type(lane) is str and lane and type(stage) is str and stage
            and type(text) is str):
        return None
    color, channel, wait = get("color", _ABSENT), get("channel", _ABSENT), get("wait", _ABSENT)
    notes, persona, tags = get("notes", _ABSENT), get("persona", _ABSENT), get("tags", _ABSENT)
    score, fail, votes = get("score"), get("fail", False), get("votes", 0)
    for optional in (channel, wait, notes, persona):
        if optional is not _ABSENT and type(optional) is not str:
            return None
    if color is not _ABSENT and not (type(color) is str and is_hex_color(color)):
        return None
    if score is not None and not (type(score) is int and SCORE_RANGE[0] <= score <= SCORE_RANGE[1]):
        return None
    if type(fail) is not bool or not (type(votes) is int and 0 <= votes <= MAX_VOTES):
        return None
    if tags is not _ABSENT:
        if type(tags) is not list or not all(type(tag) is str for tag in tags):
            return None
        tags = list(tags)
    return Card(card_id, lane, stage, text,
                None if color is _ABSENT else color, score,
                None if channel is _ABSENT else channel, fail,
                None if wait is _ABSENT else wait,
                None if tags is _ABSENT else tags,
                None if notes is _ABSENT else notes,
                None if persona is _ABSENT else persona, votes,
                {} if value.keys() <= _CARD_KEY_SET else _extra(value, _CARD_KEYS))


def _link_fast(value: Any) -> Link | None:
    """The link ``_link`` would read from ``value``, or None when it needs a closer look (see _card_fast)."""
    if type(value) is not dict:
        return None
    get = value.get
    link_id, source, target = get("id"), get("from"), get("to")
    label, kind = get("label", _ABSENT), get("kind", _ABSENT)
    if not (type(link_id) is str and link_id and type(source) is str and source and type(target) is str and target):
        return None
    if label is not _ABSENT and type(label) is not str:
        return None
    if kind is not _ABSENT and not (type(kind) is str and kind in LINK_KINDS):
        return None
    return Link(link_id, source, target, None if label is _ABSENT else label,
                "flow" if kind is _ABSENT or not kind else kind,
                {} if value.keys() <= _LINK_KEY_SET else _extra(value, _LINK_KEYS))


def _link(r: _Reader, value: Any, where: str) -> Link:
    obj = r.obj(value, where)
    kind = r.string(obj, "kind", f"{where}.kind")
    if kind is not None and kind not in LINK_KINDS:
        raise LoadError('{0}: unknown link kind "{1}" (one of {2})', f"{where}.kind", kind, ", ".join(LINK_KINDS))
    return Link(
        id=r.ident(obj, "id", f"{where}.id"),
        source=r.ident(obj, "from", f"{where}.from"),
        target=r.ident(obj, "to", f"{where}.to"),
        label=r.string(obj, "label", f"{where}.label"),
        kind=kind or "flow",
        extra=_extra(obj, _LINK_KEYS),
    )


def _persona(r: _Reader, value: Any, where: str) -> Persona:
    obj = r.obj(value, where)
    return Persona(
        id=r.ident(obj, "id", f"{where}.id"),
        name=r.string(obj, "name", f"{where}.name", required=True) or "",
        role=r.string(obj, "role", f"{where}.role"),
        quote=r.string(obj, "quote", f"{where}.quote"),
        goals=r.strings(obj, "goals", f"{where}.goals"),
        pains=r.strings(obj, "pains", f"{where}.pains"),
        extra=_extra(obj, _PERSONA_KEYS),
    )


def _check_references(
    personas: list[Persona], stages: list[Stage], lanes: list[Lane], cards: list[Card], links: list[Link]
) -> None:
    groups: list[tuple[str, list[Any]]] = [
        ("personas", personas), ("stages", stages), ("lanes", lanes), ("cards", cards), ("links", links)
    ]
    all_ids = [item.id for _, items in groups for item in items]
    if len(set(all_ids)) != len(all_ids):  # places are named only when there is a duplicate to name
        seen: dict[str, str] = {}
        for group, items in groups:
            for i, item in enumerate(items):
                where = f"{group}[{i}].id"
                if item.id in seen:
                    raise LoadError('{0}: duplicate id "{1}" (first used at {2})', where, item.id, seen[item.id])
                seen[item.id] = where
    stage_ids = {s.id for s in stages}
    lane_ids = {lane.id for lane in lanes}
    persona_ids = {p.id for p in personas}
    card_ids = {c.id for c in cards}
    for i, card in enumerate(cards):
        if card.lane not in lane_ids:
            raise LoadError('{0}: no lane with id "{1}"', f"cards[{i}].lane", card.lane)
        if card.stage not in stage_ids:
            raise LoadError('{0}: no stage with id "{1}"', f"cards[{i}].stage", card.stage)
        if card.persona is not None and card.persona not in persona_ids:
            raise LoadError('{0}: no persona with id "{1}"', f"cards[{i}].persona", card.persona)
    for i, link in enumerate(links):
        if link.source not in card_ids:
            raise LoadError('{0}: no card with id "{1}"', f"links[{i}].from", link.source)
        if link.target not in card_ids:
            raise LoadError('{0}: no card with id "{1}"', f"links[{i}].to", link.target)


# ---------------------------------------------------------------------- writing
def to_data(document: Document) -> dict[str, Any]:
    """The document as plain JSON data, keys in the canonical order."""
    data: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "title": document.title}
    if document.description is not None:
        data["description"] = document.description
    if document.personas:
        data["personas"] = [_persona_data(p) for p in document.personas]
    data["stages"] = [_stage_data(s) for s in document.stages]
    data["lanes"] = [{"id": ln.id, "name": ln.name, "kind": ln.kind, **ln.extra} for ln in document.lanes]
    data["cards"] = [_card_data(c) for c in document.cards()]
    data["links"] = [_link_data(k) for k in document.links()]
    for key, value in document.extra.items():
        data.setdefault(key, value)
    return data


def _stage_data(stage: Stage) -> dict[str, Any]:
    data: dict[str, Any] = {"id": stage.id, "name": stage.name}
    if stage.metrics is not None:
        data["metrics"] = stage.metrics
    return {**data, **stage.extra}


def _card_data(card: Card) -> dict[str, Any]:
    data: dict[str, Any] = {"id": card.id, "lane": card.lane, "stage": card.stage, "text": card.text}
    for key in ("color", "score", "channel"):
        value = getattr(card, key)
        if value is not None:
            data[key] = value
    if card.fail:
        data["fail"] = True
    for key in ("wait", "tags", "notes", "persona"):
        value = getattr(card, key)
        if value is not None:
            data[key] = value
    if card.votes:
        data["votes"] = card.votes
    return {**data, **card.extra}


def _link_data(link: Link) -> dict[str, Any]:
    data: dict[str, Any] = {"id": link.id, "from": link.source, "to": link.target}
    if link.label is not None:
        data["label"] = link.label
    if link.kind != "flow" or "kind" in link.extra:
        data["kind"] = link.kind
    return {**data, **link.extra}


def _persona_data(persona: Persona) -> dict[str, Any]:
    data: dict[str, Any] = {"id": persona.id, "name": persona.name}
    for key in ("role", "quote", "goals", "pains"):
        value = getattr(persona, key)
        if value is not None:
            data[key] = value
    return {**data, **persona.extra}


def dumps(document: Document) -> str:
    """The canonical text of a document: 2-space JSON, stable key order, final newline."""
    return json.dumps(to_data(document), indent=2, ensure_ascii=False) + "\n"


def save(document: Document, path: str | os.PathLike[str], *, backup: bool = True) -> None:
    """Write atomically: readers and crashes see the old file or the new one, whole.

    The text goes to a temporary file beside the target, is flushed to disk, then
    renamed over the target; the previous version is kept as ``.NAME.bak`` (unless
    ``backup`` is False). Temporary files left by an earlier killed save of the same
    file are removed first. See ``model.safefile``.
    """
    write_file(path, dumps(document).encode("utf-8"), backup=backup)
