"""The .touchline file format v1 (format.md): round trips, unknown keys, errors naming the place."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import model
from model import Document, LoadError, dumps, load, loads, save
from model.fonts import RESOURCES

BUNDLED = sorted((RESOURCES / "examples").glob("*.touchline")) + sorted((RESOURCES / "templates").glob("*.touchline"))


def canonical(data: dict[str, Any]) -> str:
    """The text dumps() writes for ``data`` when its keys are already in canonical order."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def small() -> dict[str, Any]:
    """A valid document with four cards (so that cards[3] exists) and two links."""
    return {
        "format": "touchline",
        "version": 1,
        "title": "Coffee to go",
        "personas": [{"id": "p1", "name": "Maya"}],
        "stages": [{"id": "s1", "name": "Order"}, {"id": "s2", "name": "Pay"}],
        "lanes": [
            {"id": "cust", "name": "Customer actions", "kind": "customer"},
            {"id": "front", "name": "Barista", "kind": "frontstage"},
            {"id": "emo", "name": "Feeling", "kind": "emotion"},
        ],
        "cards": [
            {"id": "c1", "lane": "cust", "stage": "s1", "text": "Orders a flat white", "persona": "p1"},
            {"id": "c2", "lane": "front", "stage": "s1", "text": "Takes the order", "wait": "2 min"},
            {"id": "c3", "lane": "cust", "stage": "s2", "text": "Taps card", "fail": True},
            {"id": "c4", "lane": "emo", "stage": "s2", "text": "Relieved", "color": "#ffeeaa", "score": 1},
        ],
        "links": [{"id": "k1", "from": "c1", "to": "c3"}, {"id": "k2", "from": "c2", "to": "c1", "kind": "depends"}],
    }


# ---------------------------------------------------------------- round trips
@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_file_round_trips_byte_identical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert dumps(loads(text)) == text
    assert dumps(loads(path.read_bytes())) == text
    assert dumps(load(path)) == text


def test_bundled_files_exist() -> None:
    names = {p.name for p in BUNDLED}
    assert {"blueprint.touchline", "journey.touchline"} <= names
    assert len(BUNDLED) >= 4


def test_small_document_round_trips() -> None:
    text = canonical(small())
    assert dumps(loads(text)) == text


def test_utf8_bom_is_accepted() -> None:
    text = canonical(small())
    assert dumps(loads(b"\xef\xbb\xbf" + text.encode("utf-8"))) == text


EXTRA = {"x-future": {"nested": [1, 2.5, None, True, "é"]}, "x-note": "kept"}


def test_unknown_keys_survive_everywhere() -> None:
    data = small()
    data["personas"][0].update(EXTRA)
    data["stages"][1].update(EXTRA)
    data["lanes"][0].update(EXTRA)
    data["cards"][2].update(EXTRA)
    data["links"][1].update(EXTRA)
    data.update(EXTRA)
    text = canonical(data)
    document = loads(text)
    assert dumps(document) == text
    written = json.loads(dumps(document))
    for item in (written, written["personas"][0], written["stages"][1], written["lanes"][0],
                 written["cards"][2], written["links"][1]):
        assert item["x-future"] == EXTRA["x-future"]
        assert item["x-note"] == "kept"
    assert "x-note" not in written["cards"][0]


def test_unknown_keys_survive_an_edit() -> None:
    data = small()
    data["cards"][0]["x-note"] = "kept"
    data["links"][0]["x-note"] = "kept too"
    document = loads(canonical(data))
    document.set_card_field("c1", "text", "Orders two flat whites")
    document.move_card("c1", "s2", "cust", 0)
    document.set_link_field("k1", "label", "then")
    written = json.loads(dumps(document))
    card = next(c for c in written["cards"] if c["id"] == "c1")
    assert card["x-note"] == "kept" and card["stage"] == "s2"
    assert written["links"][0]["x-note"] == "kept too"


def test_two_saves_are_byte_identical(tmp_path: Path) -> None:
    document = load(BUNDLED[0])
    save(document, tmp_path / "a.touchline")
    save(document, tmp_path / "b.touchline")
    first = (tmp_path / "a.touchline").read_bytes()
    assert first == (tmp_path / "b.touchline").read_bytes()
    save(load(tmp_path / "a.touchline"), tmp_path / "a.touchline")
    assert (tmp_path / "a.touchline").read_bytes() == first
    assert first == BUNDLED[0].read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.touchline", "b.touchline"]


def test_save_leaves_no_temporary_files_and_cleans_stale_ones(tmp_path: Path) -> None:
    stale = tmp_path / ".board.touchline.abc123.tmp"
    stale.write_text("half a save")
    save(loads(canonical(small())), tmp_path / "board.touchline")
    assert [p.name for p in tmp_path.iterdir()] == ["board.touchline"]


def test_save_into_missing_folder_raises_save_error(tmp_path: Path) -> None:
    with pytest.raises(model.SaveError):
        save(loads(canonical(small())), tmp_path / "missing" / "board.touchline")
    assert not (tmp_path / "missing").exists()


# ---------------------------------------------------------------- broken files
def mutate(change: Any) -> str:
    data = small()
    change(data)
    return canonical(data)


def _set(path: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return change


def _delete(path: str) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]
    return change


BROKEN: list[tuple[str, str | bytes, str]] = [
    ("not JSON, cut off", '{"format": "touchline", ',
     "line 1, column 25: not valid JSON: the file ends early, before the document is closed (cut off?)"),
    ("not JSON, cut off after a value", '{"format": "touchline", "stages": [{"id": "s1"}',
     "line 1, column 48: not valid JSON: the file ends early, before the document is closed (cut off?)"),
    ("not JSON, trailing comma", '{"format": "touchline",}',
     "line 1, column 24: not valid JSON: a name in double quotes was expected (a comma too many?)"),
    ("empty file", b"", "the file is empty (no JSON in it)"),
    ("blank file", b"  \n\n", "the file is empty (no JSON in it)"),
    ("not JSON, string never closed", '{\n  "title": "Coffee',
     'line 2, column 12: not valid JSON: the file ends inside a text value that starts here (a missing " or a file '
     'cut off?)'),
    ("not JSON, comma missing", '{"format": "touchline" "version": 1}', "line 1, column 24: not valid JSON: a comma is "
     "missing before this"),
    ("not JSON, value missing", '{"format": }', "line 1, column 12: not valid JSON: a value is missing here"),
    ("not JSON, line break in text", '{"title": "a\nb"}',
     "line 1, column 13: not valid JSON: a line break or tab inside a text value"),
    ("not JSON, after the end", '{"title": "a"} x', "line 1, column 16: not valid JSON: something follows the end"),
    ("NaN is not JSON", mutate(_set("x", "NAN")).replace('"NAN"', "NaN"), "NaN is not a JSON number"),
    ("Infinity is not JSON", mutate(_set("x", "INF")).replace('"INF"', "-Infinity"), "-Infinity is not a JSON number"),
    ("wrong format", mutate(_set("format", "journeymap")), 'not a Touchline document ("format" is not "touchline")'),
    ("no format", mutate(_delete("format")), "not a Touchline document"),
    ("newer version", mutate(_set("version", 3)), "version 3 is newer than this Touchline understands (1)"),
    ("version not a number", mutate(_set("version", "1")), "version: expected a whole number"),
    ("version zero", mutate(_set("version", 0)), "version: 0 is not a Touchline version"),
    ("missing stages", mutate(_delete("stages")), "stages: missing"),
    ("missing title", mutate(_delete("title")), "title: missing"),
    ("missing card lane", mutate(_delete("cards.2.lane")), "cards[2].lane: missing"),
    ("missing link target", mutate(_delete("links.1.to")), "links[1].to: missing"),
    ("missing lane kind", mutate(_delete("lanes.1.kind")), "lanes[1].kind: missing"),
    ("title not a string", mutate(_set("title", 5)), "title: expected a string"),
    ("cards not a list", mutate(_set("cards", {})), "cards: expected a list"),
    ("card not an object", mutate(_set("cards.1", "c2")), "cards[1]: expected an object"),
    ("text not a string", mutate(_set("cards.0.text", None)), "cards[0].text: expected a string"),
    ("fail not a boolean", mutate(_set("cards.2.fail", "yes")), "cards[2].fail: expected true or false"),
    ("tags not strings", mutate(_set("cards.0.tags", ["a", 2])), "cards[0].tags[1]: expected a string"),
    ("metric not a number", mutate(_set("stages.1.metrics", {"NPS": "high"})),
     "stages[1].metrics.NPS: expected a number"),
    ("empty id", mutate(_set("stages.0.id", "")), "stages[0].id: must not be empty"),
    ("dangling lane", mutate(_set("cards.3.lane", "l9")), 'cards[3].lane: no lane with id "l9"'),
    ("dangling stage", mutate(_set("cards.1.stage", "s9")), 'cards[1].stage: no stage with id "s9"'),
    ("dangling persona", mutate(_set("cards.0.persona", "p9")), 'cards[0].persona: no persona with id "p9"'),
    ("dangling link source", mutate(_set("links.0.from", "c9")), 'links[0].from: no card with id "c9"'),
    ("dangling link target", mutate(_set("links.1.to", "c9")), 'links[1].to: no card with id "c9"'),
    ("duplicate card id", mutate(_set("cards.1.id", "c1")),
     'cards[1].id: duplicate id "c1" (first used at cards[0].id)'),
    ("id shared by a stage and a card", mutate(_set("cards.0.id", "s2")),
     'cards[0].id: duplicate id "s2" (first used at stages[1].id)'),
    ("bad colour", mutate(_set("cards.3.color", "red")), 'cards[3].color: "red" is not a colour of the form "#rrggbb"'),
    ("short colour", mutate(_set("cards.3.color", "#fff")), "cards[3].color:"),
    ("score too high", mutate(_set("cards.3.score", 3)), "cards[3].score: 3 is outside -2…2"),
    ("score too low", mutate(_set("cards.3.score", -5)), "cards[3].score: -5 is outside -2…2"),
    ("score not whole", mutate(_set("cards.3.score", 1.5)), "cards[3].score: expected a whole number"),
    ("score a boolean", mutate(_set("cards.3.score", True)), "cards[3].score: expected a whole number"),
    ("unknown lane kind", mutate(_set("lanes.2.kind", "mood")), 'lanes[2].kind: unknown lane kind "mood"'),
    ("unknown link kind", mutate(_set("links.0.kind", "blocks")), 'links[0].kind: unknown link kind "blocks"'),
    ("deep nesting", "[" * 100_000, "nested too deeply"),
    ("deep nesting in an object", '{"format": "touchline", "x": ' + "[" * 100_000, "nested too deeply"),
    ("invalid UTF-8", canonical(small()).encode("utf-8").replace(b"Maya", b"Ma\xffa"), "not valid UTF-8"),
    ("top level a list", "[]", "the top level is not an object"),
    ("top level a string", '"touchline"', "the top level is not an object"),
    ("lone surrogate escape", canonical(small()).replace("Orders a flat", "Orders \\ud800 flat"),
     "cards[0].text: holds an unpaired surrogate"),
    ("lone surrogate in an unknown key",
     mutate(_set("x", {"ok": ["a", "PLACEHOLDER"]})).replace("PLACEHOLDER", "\\udfff"),
     "x.ok[1]: holds an unpaired surrogate"),
]


@pytest.mark.parametrize(("data", "expected"), [(d, e) for _, d, e in BROKEN], ids=[n for n, _, _ in BROKEN])
def test_broken_file_is_refused_naming_the_place(data: str | bytes, expected: str) -> None:
    with pytest.raises(LoadError) as info:
        loads(data)
    assert expected in str(info.value)
    assert info.value.__cause__ is None or isinstance(info.value.__cause__, LoadError)


def test_invalid_utf8_names_the_byte() -> None:
    raw = canonical(small()).encode("utf-8")
    at = raw.index(b"Maya") + 2
    with pytest.raises(LoadError, match=rf"^byte {at}: not valid UTF-8$"):
        loads(raw[:at] + b"\xff" + raw[at + 1:])


def test_load_error_is_a_value_error() -> None:
    assert issubclass(LoadError, ValueError)


def test_paired_surrogate_escape_is_a_real_character() -> None:
    text = canonical(small()).replace("Orders a flat", "Orders \\ud83d\\ude00 flat")
    assert loads(text).card("c1").text == "Orders \U0001f600 flat white"


def test_load_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "nope.touchline")
    with pytest.raises(LoadError, match="is a folder"):
        load(tmp_path)


def test_refused_file_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.touchline"
    original = mutate(_set("cards.3.lane", "l9")).encode("utf-8")
    path.write_bytes(original)
    with pytest.raises(LoadError):
        load(path)
    assert path.read_bytes() == original


# ---------------------------------------------------------------- property tests
def _not_json(name: str) -> Any:
    raise AssertionError(f"dumps() wrote {name}, which is not JSON")


def _loads_cleanly(data: str | bytes) -> Document | None:
    """loads() either gives a document that can be written back, or raises LoadError; nothing else."""
    try:
        document = loads(data)
    except LoadError:
        return None
    text = dumps(document)
    text.encode("utf-8")  # a loaded document can always be saved as UTF-8
    json.loads(text, parse_constant=_not_json)  # and what is written is strict JSON (no NaN)
    assert dumps(loads(text)) == text
    return document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_only_raise_load_error(data: bytes) -> None:
    _loads_cleanly(data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8) | st.sampled_from(["", "c1", "s1", "cust", "#ffffff", "customer", "flow", "\ud800"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
ODD_TEXT = st.text(
    st.sampled_from(["\ud800", "\udfff", "\x00", "\x07", "\u2028", "\u3000", "\ufeff", "漢", "\U0001f600", "a", " "]),
    max_size=6,
)
BASE = json.loads(canonical(small()))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


PATHS = _paths(BASE)[1:]
KEYS = ["id", "lane", "stage", "text", "from", "to", "kind", "score", "color", "format", "version", "metrics"]


# Places that hold free text: changing them keeps the document valid unless the text itself is bad.
TEXT_PATHS = [p for p in PATHS if p[-1] in ("title", "name", "text", "wait") and isinstance(_at(BASE, p), str)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_documents_only_raise_load_error(data: st.DataObject) -> None:
    document = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        action = data.draw(st.sampled_from(["replace", "delete", "add", "swap-reference", "text"]), label="action")
        path = data.draw(st.sampled_from(TEXT_PATHS if action == "text" else PATHS), label="path")
        try:
            parent = _at(document, path[:-1])
            parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
        if not isinstance(parent, dict | list):
            continue  # an earlier mutation put a string where this place was ("personas": "c1")
        if action == "text":  # odd text where text belongs: controls, separators, lone surrogates
            parent[path[-1]] = data.draw(ODD_TEXT, label="text")
        elif action == "replace":
            parent[path[-1]] = data.draw(JSON_VALUES, label="value")
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(KEYS), label="key")] = data.draw(JSON_VALUES, label="value")
        elif action == "swap-reference":
            parent[path[-1]] = data.draw(st.sampled_from(["c1", "c2", "s1", "s2", "cust", "emo", "p1", "k1"]))
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans(), label="ascii"))
    _loads_cleanly(text)
    _loads_cleanly(text.encode("utf-8", "surrogatepass"))


def test_loads_cleanly_tells_documents_from_refusals() -> None:
    """The helper the fuzzing relies on really separates the two outcomes."""
    valid = canonical(small())
    assert isinstance(_loads_cleanly(valid), Document)
    assert _loads_cleanly(valid.replace('"to": "c3"', '"to": "c9"')) is None


# ---------------------------------------------------------------- the loader's fast path
# Values a field may carry: right ones, wrong types, nulls, edge values.
FIELD_VALUES: list[Any] = [None, True, False, 0, 1, -2, 2, 3, -3, 9999, 10000, 1.5, "", "x", "c1", "#ffeeaa", "#FFEEAA",
                           "#ffeeag", "#ffeea", "flow", "depends", "twoway", "blocks", [], ["a", "b"], ["a", 1], {},
                           {"k": [1]}]
LEFT_OUT = object()
FULL_CARD = {"id": "c1", "lane": "l1", "stage": "s1", "text": "t", "color": "#ffeeaa", "score": -2, "channel": "app",
             "fail": True, "wait": "2 min", "tags": ["a"], "notes": "n", "persona": "p1", "votes": 3, "x-extra": [1]}
FULL_LINK = {"id": "k1", "from": "c1", "to": "c2", "label": "then", "kind": "twoway", "x-extra": {"a": 1}}
BASES = [("card", FULL_CARD), ("card", {k: FULL_CARD[k] for k in ("id", "lane", "stage", "text")}),
         ("link", FULL_LINK), ("link", {k: FULL_LINK[k] for k in ("id", "from", "to")})]


def _read_both_ways(kind: str, value: dict[str, Any]) -> tuple[Any, Any]:
    """What the fast path reads (None: it declined) and what the reader reads (LoadError: it refused)."""
    fast, slow = ((model.fileformat._card_fast, model.fileformat._card) if kind == "card"
                  else (model.fileformat._link_fast, model.fileformat._link))
    try:
        expected = slow(model.fileformat._Reader(), copy.deepcopy(value), "here")
    except LoadError:
        expected = LoadError
    return fast(copy.deepcopy(value)), expected


@pytest.mark.parametrize(("kind", "base"), BASES, ids=["full card", "bare card", "full link", "bare link"])
def test_the_fast_path_reads_cards_and_links_as_the_reader_does(kind: str, base: dict[str, Any]) -> None:
    # Every field of a full and a bare item, set in turn to every value or left out.
    taken = 0
    for key in [*FULL_CARD, *FULL_LINK] if kind == "card" else FULL_LINK:
        for value in [*FIELD_VALUES, LEFT_OUT]:
            item = {k: v for k, v in base.items() if k != key}
            if value is not LEFT_OUT:
                item[key] = value
            read, expected = _read_both_ways(kind, item)
            # The fast path accepts only what the reader accepts, and reads it the same way.
            assert read is None or read == expected, (item, read, expected)
            taken += read is not None
    assert taken > 20  # and it does take the common cases


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BASES), st.lists(st.tuples(st.sampled_from([*FULL_CARD, *FULL_LINK]),
                                                  st.sampled_from([*FIELD_VALUES, LEFT_OUT])), max_size=3))
def test_the_fast_path_agrees_with_the_reader_on_several_changes(
        base: tuple[str, dict[str, Any]], changes: list[tuple[str, Any]]) -> None:
    kind, item = base[0], dict(base[1])
    for key, value in changes:
        if value is LEFT_OUT:
            item.pop(key, None)
        else:
            item[key] = value
    read, expected = _read_both_ways(kind, item)
    assert read is None or read == expected, (item, read, expected)


def test_the_fast_path_takes_the_common_card_and_link() -> None:
    document = small()
    assert [model.fileformat._card_fast(c) for c in document["cards"]] == list(loads(canonical(document)).cards())
    assert all(model.fileformat._link_fast(k) is not None for k in document["links"])


def test_every_mention_of_an_id_is_the_ids_own_string_after_loading() -> None:
    """A 5,000-card board kept ~16,000 copies of ids json read for each mention (issue 9, memory)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
    from boards import synthetic_board

    document = model.loads(model.dumps(synthetic_board(300)))
    stages = {stage.id: stage.id for stage in document.stages}
    lanes = {lane.id: lane.id for lane in document.lanes}
    for card in document.cards():
        assert card.stage is stages[card.stage] and card.lane is lanes[card.lane]
    for link in document.links():
        assert link.source is document.card(link.source).id and link.target is document.card(link.target).id
