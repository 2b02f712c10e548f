"""Boards as CSV tables, one card a row: ``from_csv(data)`` and ``to_csv(document)``.

The header row names the columns, in any order and any case (``Lane kind`` and
``lane-kind`` are ``lane_kind``): ``stage``, ``lane`` and ``text`` are required,
``lane_kind``, ``channel``, ``score``, ``fail``, ``wait``, ``tags``, ``notes`` and ``color``
optional. The file is UTF-8, with or without a byte-order mark (UTF-16 with one is read
too); the delimiter (comma, semicolon or tab) is the one the header row uses.

Reading, as a research spreadsheet is usually written:

- stages and lanes come in the order they first appear; a blank ``stage`` or ``lane`` cell
  repeats the one above (what merged cells become in a CSV export);
- ``lane_kind`` takes a kind (``customer``), its label (``Customer actions``) or a common
  name (``doing``, ``feelings``, ``pain points``, ``ideas``); when it is blank the lane's
  name is tried the same way, then ``note``;
- ``score`` is a whole number from −2 to 2, ``fail`` yes/no (also true/false, 1/0, x),
  ``tags`` a comma-separated list (a leading ``#`` is dropped), ``color`` ``#rrggbb``;
- a row with a stage and a lane but nothing for a card only declares them;
- a column the table does not know is kept in the card's notes as ``Column: value``;
- wholly blank rows are skipped.

Every error names the row (the header is row 1) and the column, e.g.
``row 4, column score: "high" is not a whole number from -2 to 2``.

Writing gives the same columns, stage by stage and lane by lane, with a ``'`` before a
cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``); reading
removes that ``'`` again.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from model.document import Document, is_hex_color
from model.entities import LANE_KIND_LABELS, LANE_KINDS, SCORE_RANGE, Card, Lane, Stage
from model.fileformat import LoadError
from model.limits import MAX_FILE_BYTES

__all__ = ["COLUMNS", "CsvError", "from_csv", "to_csv"]

COLUMNS: tuple[str, ...] = (
    "stage", "lane", "lane_kind", "text", "channel", "score", "fail", "wait", "tags", "notes", "color",
)
REQUIRED: tuple[str, ...] = ("stage", "lane", "text")
CARD_COLUMNS: tuple[str, ...] = ("text", "channel", "score", "fail", "wait", "tags", "notes", "color")
_ALIASES = {"kind": "lane_kind", "lanekind": "lane_kind", "colour": "color"}
_YES = {"yes", "y", "true", "t", "1", "x", "✓", "✔", "fail"}
_NO = {"no", "n", "false", "f", "0", "-", ""}
# Names a lane kind goes by, spaces, "_" and "-" removed.
_KIND_NAMES: dict[str, str] = {
    **{kind: kind for kind in LANE_KINDS},
    **{re.sub(r"[\s_\-]+", "", label.lower()): kind for kind, label in LANE_KIND_LABELS.items()},
    "actions": "customer", "doing": "customer", "does": "customer", "steps": "customer", "useractions": "customer",
    "emotions": "emotion", "feeling": "emotion", "feelings": "emotion", "feels": "emotion", "mood": "emotion",
    "thoughts": "thought", "thinking": "thought", "thinks": "thought", "says": "thought", "quotes": "thought",
    "pains": "pain", "painpoint": "pain", "frustrations": "pain", "problems": "pain",
    "opportunities": "opportunity", "ideas": "opportunity", "idea": "opportunity",
    "touchpoints": "touchpoint", "channels": "touchpoint",
    "physicalevidence": "evidence", "props": "evidence",
    "onstage": "frontstage", "frontstageactions": "frontstage", "backstageactions": "backstage",
    "supportprocesses": "support", "systems": "support",
    "notes": "note", "other": "note",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_INTEGER = re.compile(r"[+\-−–]?\d+(?:\.0*)?")


class CsvError(LoadError):
    """A table that cannot become a board; the message names the row and column."""


# ---------------------------------------------------------------------- reading
@dataclass(slots=True)
class _LaneInfo:
    lane: Lane
    explicit_row: int | None  # the row whose lane_kind cell decided the kind, if any


@dataclass(slots=True)
class _Board:
    stages: dict[str, Stage] = field(default_factory=dict)
    lanes: dict[str, _LaneInfo] = field(default_factory=dict)
    cards: list[Card] = field(default_factory=list)


def from_csv(data: str | bytes, default_title: str = "Untitled") -> Document:
    """A board from a CSV table (see the module's docstring); CsvError names the row and column."""
    text = _decode(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    if not text.strip():
        raise CsvError("row 1: the table is empty (it needs a header row: stage, lane, lane_kind, text)")
    delimiter = _delimiter(text)
    # The csv module refuses a cell over 128 KiB (long notes: a pasted transcript), which to_csv writes;
    # a table is never larger than the file Touchline opens.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    try:
        header: list[str] | None = None
        board = _Board()
        previous: dict[str, str] = {}
        for number, row in enumerate(rows, start=1):
            if header is None:
                header = row
                columns, extra = _columns(row)
                continue
            if not any(cell.strip() for cell in row):
                continue
            _read_row(board, number, row, header, columns, extra, previous)
    except csv.Error as exc:
        raise CsvError("row {0}: not a readable CSV row ({1})", str(number + 1), str(exc)) from None
    return Document.build(
        title=default_title, description=None, stages=list(board.stages.values()),
        lanes=[info.lane for info in board.lanes.values()], cards=board.cards, links=[], personas=[], extra={},
    )


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CsvError("byte {0}: not valid UTF-16", str(exc.start)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvError('row {0}: not valid UTF-8 (byte {1}); save the table as "CSV UTF-8"', str(line),
                       str(exc.start)) from None


def _delimiter(text: str) -> str:
    """The delimiter the header row uses most: comma, semicolon or tab (quotes skipped)."""
    first = text.split("\n", 1)[0]
    first = re.sub(r'"[^"]*"', "", first)
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _column_name(cell: str) -> str:
    name = re.sub(r"[\s\-]+", "_", cell.strip().lower()).strip("_")
    return _ALIASES.get(name.replace("_", ""), name)


def _columns(header: list[str]) -> tuple[dict[str, int], dict[int, str]]:
    """Known column → index, and index → heading of the columns the table does not know."""
    columns: dict[str, int] = {}
    extra: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = _column_name(cell)
        if name in COLUMNS:
            if name in columns:
                raise CsvError("row 1, column {0}: appears twice (columns {1} and {2})", name, str(columns[name] + 1),
                               str(index + 1))
            columns[name] = index
        elif cell.strip():
            extra[index] = " ".join(cell.split())
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        shown = ", ".join(missing)
        raise CsvError("row 1: no column {0} (the header row needs stage, lane, lane_kind, text)", shown)
    return columns, extra


def _read_row(board: _Board, number: int, row: list[str], header: list[str], columns: dict[str, int],
              extra: dict[int, str], previous: dict[str, str]) -> None:
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
        index = next(i for i in range(len(header), len(row)) if row[i].strip())
        raise CsvError("row {0}, column {1}: a value under no heading (the header has {2} columns)", str(number),
                       str(index + 1), str(len(header)))

    def cell(name: str) -> str:
        index = columns.get(name)
        return _unguard(row[index]).strip() if index is not None and index < len(row) else ""

    has_card = any(cell(name) for name in CARD_COLUMNS) or any(
        index < len(row) and row[index].strip() for index in extra)
    stage_name = cell("stage") or previous.get("stage", "")
    if not stage_name:
        raise CsvError("row {0}, column stage: empty (the first row of a table names its stage)", str(number))
    lane_name = cell("lane") or previous.get("lane", "")
    if not lane_name:
        if has_card:
            raise CsvError("row {0}, column lane: empty (the first card of a table names its lane)", str(number))
        _stage(board, stage_name)
        previous["stage"] = stage_name
        return
    previous["stage"], previous["lane"] = stage_name, lane_name
    stage = _stage(board, stage_name)
    lane = _lane(board, number, lane_name, cell("lane_kind"))
    if not has_card:
        return
    notes = [cell("notes")] if cell("notes") else []
    for index, heading in extra.items():
        if index < len(row) and row[index].strip():
            notes.append(f"{heading}: {_unguard(row[index]).strip()}")
    board.cards.append(Card(
        id=f"c-{len(board.cards) + 1}",
        lane=lane.id,
        stage=stage.id,
        text=cell("text"),
        color=_color(number, cell("color")),
        score=_score(number, cell("score")),
        channel=cell("channel") or None,
        fail=_fail(number, cell("fail")),
        wait=cell("wait") or None,
        tags=_tags(cell("tags")),
        notes="\n".join(notes) or None,
    ))


def _unguard(value: str) -> str:
    """Undo the formula guard: a "'" that only keeps a spreadsheet from running the cell."""
    return value[1:] if value.startswith("'") and _formula_like(value[1:]) else value


def _stage(board: _Board, name: str) -> Stage:
    stage = board.stages.get(name)
    if stage is None:
        stage = board.stages[name] = Stage(f"st-{len(board.stages) + 1}", name)
    return stage


def _lane(board: _Board, number: int, name: str, kind_cell: str) -> Lane:
    kind = _kind(number, kind_cell) if kind_cell else None
    info = board.lanes.get(name)
    if info is None:
        guessed = _KIND_NAMES.get(re.sub(r"[\s_\-]+", "", name.lower()), "note")
        lane = Lane(f"ln-{len(board.lanes) + 1}", name, kind or guessed)
        board.lanes[name] = _LaneInfo(lane, number if kind else None)
        return lane
    if kind is not None:
        if info.explicit_row is None:
            info.lane.kind, info.explicit_row = kind, number
        elif kind != info.lane.kind:
            raise CsvError('row {0}, column lane_kind: "{1}" but lane "{2}" is "{3}" (row {4})', str(number), kind_cell,
                           name, info.lane.kind, str(info.explicit_row))
    return info.lane


def _kind(number: int, value: str) -> str:
    kind = _KIND_NAMES.get(re.sub(r"[\s_\-]+", "", value.lower()))
    if kind is None:
        raise CsvError('row {0}, column lane_kind: "{1}" is not a lane kind (one of {2})', str(number), value,
                       ", ".join(LANE_KINDS))
    return kind


def _score(number: int, value: str) -> int | None:
    if not value:
        return None
    low, high = SCORE_RANGE
    if _INTEGER.fullmatch(value):
        score = int(float(value.replace("−", "-").replace("–", "-")))
        if low <= score <= high:
            return score
    raise CsvError('row {0}, column score: "{1}" is not a whole number from {2} to {3}', str(number), value, str(low),
                   str(high))


def _fail(number: int, value: str) -> bool:
    folded = value.lower()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise CsvError('row {0}, column fail: "{1}" is not yes or no', str(number), value)


def _tags(value: str) -> list[str] | None:
    tags = [t.strip().lstrip("#").strip() for t in re.split(r"[,;]", value)]
    unique = list(dict.fromkeys(t for t in tags if t))
    return unique or None


def _color(number: int, value: str) -> str | None:
    if not value:
        return None
    color = value if value.startswith("#") else f"#{value}"
    if not is_hex_color(color):
        raise CsvError('row {0}, column color: "{1}" is not a colour of the form "#rrggbb"', str(number), value)
    return color


# ---------------------------------------------------------------------- writing
def to_csv(document: Document) -> str:
    """The board as a table with the columns of COLUMNS, comma-separated, CRLF line ends, no BOM.

    One row per card, in the file's order. When that order would not bring the stages and
    lanes back in theirs (or some hold no card), rows that only name a stage and a lane
    come first. Duplicate or empty stage and lane names are made distinct ("Pay (2)",
    "Stage 3"), since the table knows stages and lanes by name. Links, personas, metrics
    and the description have no column and are not written; nor is a card with no text
    and no other field, which a table cannot tell from a row that only names its cell.
    """
    stage_names = dict(zip((s.id for s in document.stages), _distinct([s.name for s in document.stages], "Stage"),
                           strict=True))
    lane_names = dict(zip((lane.id for lane in document.lanes),
                          _distinct([lane.name for lane in document.lanes], "Lane"), strict=True))
    kinds = {lane.id: lane.kind for lane in document.lanes}
    cards = list(document.cards())
    rows = [_card_row(stage_names[c.stage], lane_names[c.lane], kinds[c.lane], c) for c in cards]
    stage_order = list(dict.fromkeys(c.stage for c in cards))
    lane_order = list(dict.fromkeys(c.lane for c in cards))
    if stage_names and (stage_order != list(stage_names) or lane_order != list(lane_names)):
        first_stage, first_lane = next(iter(stage_names)), next(iter(lane_names), "")
        declared: list[tuple[str, str]] = [(first_stage, lane) for lane in lane_names]
        declared += [(stage, first_lane) for stage in stage_names if (stage, first_lane) not in declared]
        rows = [_declare(stage_names[s], lane_names.get(ln, ""), kinds.get(ln, "")) for s, ln in declared] + rows
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([[_guard(cell) for cell in row] for row in rows])
    return out.getvalue()


def _distinct(names: list[str], fallback: str) -> list[str]:
    result: list[str] = []
    for index, name in enumerate(names, start=1):
        name = " ".join(name.split()) or f"{fallback} {index}"
        candidate, number = name, 1
        while candidate in result:
            number += 1
            candidate = f"{name} ({number})"
        result.append(candidate)
    return result


def _declare(stage: str, lane: str, kind: str) -> list[str]:
    return [stage, lane, kind] + [""] * (len(COLUMNS) - 3)


def _card_row(stage: str, lane: str, kind: str, card: Card) -> list[str]:
    return [
        stage, lane, kind, card.text.strip(), card.channel or "",
        "" if card.score is None else str(card.score), "yes" if card.fail else "", card.wait or "",
        ", ".join(card.tags or ()), card.notes or "", card.color or "",
    ]


def _formula_like(value: str) -> bool:
    """Whether a spreadsheet would run the cell (after any "'" a guard put before it)."""
    return value.lstrip("'").startswith(_FORMULA_START) and not _INTEGER.fullmatch(value)


def _guard(value: str) -> str:
    """A "'" before a cell a spreadsheet would run as a formula; plain numbers stay numbers."""
    return "'" + value if _formula_like(value) else value
