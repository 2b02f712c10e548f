"""resources/schema/touchline-v1.schema.json stays in step with the loader (model.loads).

Every bundled example and template validates; every broken fixture below is refused by
both; the enums, bounds, required keys and limits are the loader's own. What JSON Schema
cannot express (unique ids, references, 1.0 for 1, lone surrogates) is listed as
loader-only, so a change on either side shows up here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from model import LoadError, dumps, loads
from model.entities import LANE_KINDS, LINK_KINDS, MAX_VOTES, SCORE_RANGE
from model.fonts import RESOURCES
from model.imports import import_file
from model.limits import MAX_COUNTS

SCHEMA_PATH = RESOURCES / "schema" / "touchline-v1.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
BUNDLED = sorted((RESOURCES / "examples").glob("*.touchline")) + sorted((RESOURCES / "templates").glob("*.touchline"))
SAMPLES = sorted((RESOURCES / "examples" / "import").iterdir())


def valid() -> dict[str, Any]:
    """A small document that uses every key of the format."""
    return {
        "format": "touchline", "version": 1, "title": "Coffee to go", "description": "Morning rush", "language": "de",
        "personas": [{"id": "p1", "name": "Maya", "role": "Commuter", "quote": "Quick!", "goals": ["fast"],
                      "pains": ["queues"]}],
        "stages": [{"id": "s1", "name": "Order", "metrics": {"NPS": 32, "CES": 4.1}, "notes": "Ask who orders ahead"},
                   {"id": "s2", "name": "Pay"}],
        "lanes": [{"id": "cust", "name": "Customer", "kind": "customer"},
                  {"id": "emo", "name": "Feel", "kind": "emotion"}],
        "cards": [
            {"id": "c1", "lane": "cust", "stage": "s1", "text": "Orders", "color": "#AABBCC", "channel": "app",
             "fail": True, "wait": "2 min", "tags": ["a"], "notes": "n", "persona": "p1", "votes": 3,
             "future": {"kept": 1}},
            {"id": "c2", "lane": "emo", "stage": "s2", "text": "", "score": -2},
        ],
        "links": [{"id": "k1", "from": "c1", "to": "c2", "label": "then", "kind": "depends"}],
        "extension": [1, 2, 3],
    }


def schema_errors(data: Any) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(data)]


def loader_refuses(data: Any) -> bool:
    try:
        loads(json.dumps(data))
    except LoadError:
        return True
    return False


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_example_and_template_validates(path: Path) -> None:
    assert schema_errors(json.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_imported_samples_validate(path: Path) -> None:
    assert schema_errors(json.loads(dumps(import_file(path)))) == []


def test_the_full_fixture_is_valid_for_both() -> None:
    assert schema_errors(valid()) == [] and not loader_refuses(valid())


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value
    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        del target[last]
    return change


BROKEN: dict[str, Callable[[dict[str, Any]], None]] = {
    "format is not touchline": _set("format", "miro"),
    "format missing": _drop("format"),
    "newer version": _set("version", 2),
    "version 0": _set("version", 0),
    "version as text": _set("version", "1"),
    "version true": _set("version", True),
    "title missing": _drop("title"),
    "title a number": _set("title", 7),
    "description a list": _set("description", ["x"]),
    "language a number": _set("language", 7),
    "stages missing": _drop("stages"),
    "stages an object": _set("stages", {}),
    "stage not an object": _set("stages.1", "Pay"),
    "stage id empty": _set("stages.0.id", ""),
    "stage name missing": _drop("stages.0.name"),
    "metric a string": _set("stages.0.metrics.NPS", "32"),
    "metric a boolean": _set("stages.0.metrics.NPS", True),
    "metrics a list": _set("stages.0.metrics", [1]),
    "lanes missing": _drop("lanes"),
    "lane kind unknown": _set("lanes.0.kind", "actor"),
    "lane kind missing": _drop("lanes.0.kind"),
    "cards missing": _drop("cards"),
    "card text missing": _drop("cards.0.text"),
    "card text a number": _set("cards.0.text", 1),
    "card lane missing": _drop("cards.0.lane"),
    "card stage empty": _set("cards.0.stage", ""),
    "card id a number": _set("cards.0.id", 3),
    "score 3": _set("cards.1.score", 3),
    "score -3": _set("cards.1.score", -3),
    "score 1.5": _set("cards.1.score", 1.5),
    "score as text": _set("cards.1.score", "1"),
    "score true": _set("cards.1.score", True),
    "stage notes as a number": _set("stages.0.notes", 3),
    "votes -1": _set("cards.1.votes", -1),
    "votes 2.5": _set("cards.1.votes", 2.5),
    "votes as text": _set("cards.1.votes", "3"),
    "votes true": _set("cards.1.votes", True),
    "votes above the limit": _set("cards.1.votes", MAX_VOTES + 1),
    "color a name": _set("cards.0.color", "red"),
    "color short": _set("cards.0.color", "#abc"),
    "color with a newline": _set("cards.0.color", "#aabbcc\n"),
    "fail as text": _set("cards.0.fail", "yes"),
    "tags a string": _set("cards.0.tags", "a, b"),
    "tag a number": _set("cards.0.tags", ["a", 1]),
    "wait a number": _set("cards.0.wait", 5),
    "persona a number": _set("cards.0.persona", 1),
    "links missing": _drop("links"),
    "link from missing": _drop("links.0.from"),
    "link kind unknown": _set("links.0.kind", "maybe"),
    "link label a number": _set("links.0.label", 2),
    "persona name missing": _drop("personas.0.name"),
    "persona goals a string": _set("personas.0.goals", "fast"),
    "persona not an object": _set("personas.0", "Maya"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_fixtures_are_refused_by_both(case: str) -> None:
    doc = valid()
    BROKEN[case](doc)
    assert schema_errors(doc), f"the schema accepts: {case}"
    assert loader_refuses(doc), f"the loader accepts: {case}"


@pytest.mark.parametrize("data", [[], "touchline", None, 1])
def test_a_top_level_that_is_not_an_object(data: Any) -> None:
    assert schema_errors(data) and loader_refuses(data)


# What the loader refuses and JSON Schema cannot express.
LOADER_ONLY: dict[str, Callable[[dict[str, Any]], None]] = {
    "duplicate id": _set("cards.1.id", "c1"),
    "card in no lane": _set("cards.0.lane", "l9"),
    "persona that does not exist": _set("cards.0.persona", "p9"),
    "link to no card": _set("links.0.to", "c9"),
    "score 1.0 (the same number as 1 to JSON Schema)": _set("cards.1.score", 1.0),
}


@pytest.mark.parametrize("case", list(LOADER_ONLY))
def test_what_only_the_loader_can_check(case: str) -> None:
    doc = valid()
    LOADER_ONLY[case](doc)
    assert schema_errors(doc) == []
    assert loader_refuses(doc)


def test_the_schema_uses_the_loaders_vocabulary() -> None:
    defs = SCHEMA["$defs"]
    assert defs["lane"]["properties"]["kind"]["enum"] == list(LANE_KINDS)
    assert defs["link"]["properties"]["kind"]["enum"] == list(LINK_KINDS)
    score = defs["card"]["properties"]["score"]
    assert (score["minimum"], score["maximum"]) == SCORE_RANGE
    votes = defs["card"]["properties"]["votes"]
    assert (votes["minimum"], votes["maximum"]) == (0, MAX_VOTES)
    for key, limit in MAX_COUNTS.items():
        assert SCHEMA["properties"][key]["maxItems"] == limit
    # Each record's keys are the ones the loader reads and dumps() writes.
    data = json.loads(dumps(loads(json.dumps(valid()))))
    records = {"card": data["cards"][0], "stage": data["stages"][0], "lane": data["lanes"][0],
               "link": data["links"][0], "persona": data["personas"][0]}
    for name, record in records.items():
        known = set(defs[name]["properties"])
        written = {k for k in record if k != "future"} | ({"score"} if name == "card" else set())
        assert written == known, name
        assert set(defs[name]["required"]) <= known
    assert set(SCHEMA["properties"]) == {k for k in data if k != "extension"}


def test_removing_any_required_key_is_refused_by_both() -> None:
    paths = [f"{key}" for key in SCHEMA["required"]]
    for name, plural in (("stage", "stages.0"), ("lane", "lanes.0"), ("card", "cards.0"), ("link", "links.0"),
                         ("persona", "personas.0")):
        paths += [f"{plural}.{key}" for key in SCHEMA["$defs"][name]["required"]]
    for path in paths:
        doc = copy.deepcopy(valid())
        _drop(path)(doc)
        assert schema_errors(doc) and loader_refuses(doc), path
