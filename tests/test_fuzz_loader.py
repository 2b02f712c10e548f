"""Hostile files: ``model.loads`` lets nothing but LoadError escape (issue 6, promise 5).

Three fuzzers feed it:
- hypothesis on raw bytes, and on JSON-aware mutations of valid documents;
- a fast random mutator (bit flips, interesting bytes, JSON tokens, cut, duplicate and
  splice) over the bundled documents, in the spirit of libFuzzer's mutators.

Each input either loads, and the document is then written back as strict UTF-8 JSON
that loads to the same text, or raises LoadError. Anything else (RecursionError,
UnicodeDecodeError, KeyError, a hang...) is a bug; the mutator saves the input that
caused it under ``.fuzz-crashes/``.

In ``make test`` a short budget runs (a few seconds). The full run is marked ``fuzz``:

    make fuzz                                   # >= 100,000 inputs, about 3 minutes
    TOUCHLINE_FUZZ_INPUTS=1000000 make fuzz     # longer

and ``make fuzz-atheris`` runs the coverage-guided atheris harness (tests/fuzz/).
"""

from __future__ import annotations

import copy
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import LoadError, dumps, loads
from model.fonts import RESOURCES

ROOT = Path(__file__).resolve().parents[1]
CRASH_DIR = ROOT / ".fuzz-crashes"
FULL_INPUTS = int(os.environ.get("TOUCHLINE_FUZZ_INPUTS", "100000"))
SEEDS: list[bytes] = [p.read_bytes() for p in sorted((RESOURCES / "examples").glob("*.touchline"))] + \
    [p.read_bytes() for p in sorted((RESOURCES / "templates").glob("*.touchline"))]
SMALL = b"""{"format": "touchline", "version": 1, "title": "T", "description": "d",
"personas": [{"id": "p1", "name": "Maya", "goals": ["g"], "pains": []}],
"stages": [{"id": "s1", "name": "A", "metrics": {"NPS": 3}}, {"id": "s2", "name": "B"}],
"lanes": [{"id": "l1", "name": "C", "kind": "customer"}, {"id": "l2", "name": "E", "kind": "emotion"}],
"cards": [{"id": "c1", "lane": "l1", "stage": "s1", "text": "x", "persona": "p1", "tags": ["a"]},
 {"id": "c2", "lane": "l2", "stage": "s2", "text": "y", "score": -2, "color": "#AABBCC", "fail": true}],
"links": [{"id": "k1", "from": "c1", "to": "c2", "label": "go", "kind": "twoway"}], "x-extra": {"a": [1, null]}}"""
SEEDS.append(SMALL)

TOKENS: list[bytes] = [
    b'"', b"\\", b"{", b"}", b"[", b"]", b",", b":", b"null", b"true", b"false", b"0", b"-0", b"1e999", b"-1e999",
    b"1.5", b"9" * 40, b"NaN", b"Infinity", b"-Infinity", b'"\\ud800"', b'"\\udfff"', b'"\\u0000"', b"\\u00",
    b'"\\ud83d\\ude00"', b"\xef\xbb\xbf", b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00",
    b'"id"', b'"cards"', b'"links"', b'"stages"', b'"lanes"', b'"personas"', b'"lane"', b'"stage"', b'"from"',
    b'"to"', b'"kind"', b'"score"', b'"color"', b'"metrics"', b'"version"', b'"format"', b'"touchline"',
    b'"c1"', b'"s1"', b'"l1"', b'"p1"', b'"k1"', b'"#zzzzzz"', b'"emotion"', b'"flow"', b"[" * 50, b"{}", b"[]",
    b'"__proto__"', b'"constructor"', b"\t", b"\n", b" " * 20, b"9" * 5000,
]
# JSON values that are valid JSON text but odd for Python: injected where a value may
# stand (an unknown key is kept and written back, so most of these inputs still load).
RAW_VALUES: list[bytes] = [
    b"1e999", b"-1e999", b"1E400", b"1e-400", b"-0", b"-0.0", b"0.1e1", b"1.5E+3", b"123456789012345678901234567890",
    b"9" * 4300, b"9" * 4301, b"-" + b"9" * 5000, b"0." + b"1" * 5000, b'"\\ud800"', b'"\\u0000"', b'"\\udbff\\udfff"',
    b'{"a": 1, "a": 2}', b'""', b"[]", b"{}", b"null", b"true", b"[" * 900 + b"]" * 900, b"[" * 2000 + b"]" * 2000,
    b'{"": {"": ""}}', '"漢字 😀 \u2028"'.encode(), b'"\\/\\b\\f"', b"[1,2,3]",
]


def check(data: bytes | str) -> bool:
    """Load ``data``: True when it loaded (and wrote back faithfully), False when refused with LoadError."""
    try:
        document = loads(data)
    except LoadError as exc:
        assert str(exc), "a LoadError must say what is wrong"
        # loads() turns stray ValueError/KeyError/... into LoadError as a last guard; an
        # input that reaches the guard found a path the loader does not handle in words.
        assert not str(exc).startswith("unreadable document ("), f"the last guard fired: {exc}"
        return False
    text = dumps(document)
    text.encode("utf-8")  # whatever loaded can be saved
    json.loads(text, parse_constant=_not_json)
    assert dumps(loads(text)) == text, "what is written back loads to the same text"
    return True


def _not_json(name: str) -> Any:
    raise AssertionError(f"dumps() wrote {name}, which is not JSON")


# ---------------------------------------------------------------------- the random mutator
class Mutator:
    """libFuzzer-style byte mutations of the seeds, plus structural JSON mutations."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.parsed = [json.loads(s) for s in SEEDS]

    def input(self) -> bytes:
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            return bytes(self.injected())  # mostly still valid: tests what is written back
        data = self.structural() if roll < 0.5 else bytearray(rng.choice(SEEDS))
        for _ in range(rng.randint(1, 4)):
            data = self.mutate_bytes(data)
        return bytes(data)

    def injected(self) -> bytearray:
        """A seed with ``"x-fuzz": <odd JSON value>`` put into one of its objects."""
        data = bytearray(self.rng.choice(SEEDS))
        braces = [i for i, byte in enumerate(data) if byte == ord("{")]
        for _ in range(self.rng.randint(1, 2)):
            at = self.rng.choice(braces) + 1
            data[at:at] = b'"x-fuzz": ' + self.rng.choice(RAW_VALUES) + b", "
            braces = [i for i, byte in enumerate(data) if byte == ord("{")]
        return data

    def mutate_bytes(self, data: bytearray) -> bytearray:
        rng = self.rng
        if not data:
            return bytearray(rng.choice(TOKENS))
        at = rng.randrange(len(data))
        choice = rng.randrange(7)
        if choice == 0:  # flip a bit
            data[at] ^= 1 << rng.randrange(8)
        elif choice == 1:  # an interesting byte
            data[at] = rng.choice(b'\x00\xff"\\{}[],:0-e.\x7f\x80\xc0\xed')
        elif choice == 2:  # insert a token
            data[at:at] = rng.choice(TOKENS)
        elif choice == 3:  # replace a token-sized run with a token
            data[at:at + rng.randint(1, 8)] = rng.choice(TOKENS)
        elif choice == 4:  # cut
            del data[at:at + rng.randint(1, 64)]
        elif choice == 5:  # duplicate a run
            end = min(len(data), at + rng.randint(1, 256))
            data[at:at] = data[at:end]
        else:  # splice another seed in
            other = rng.choice(SEEDS)
            start = rng.randrange(len(other))
            data[at:] = other[start:start + rng.randint(1, 512)] + data[at:]
        return data

    def structural(self) -> bytearray:
        """A valid document with a value replaced, removed, added or an id swapped."""
        rng = self.rng
        document = copy.deepcopy(rng.choice(self.parsed))
        for _ in range(rng.randint(1, 3)):
            paths = _paths(document)[1:]
            if not paths:
                break
            path = rng.choice(paths)
            parent = _at(document, path[:-1])
            action = rng.randrange(4)
            if action == 0:
                parent[path[-1]] = self.value()
            elif action == 1:
                del parent[path[-1]]
            elif action == 2 and isinstance(parent, dict):
                key = rng.choice(["id", "lane", "stage", "from", "to", "kind", "score", "persona", "x"])
                parent[key] = self.value()
            elif action == 3:
                parent[path[-1]] = rng.choice(["c1", "s1", "l1", "p1", "k1", "", "cust", "front", "emo"])
        ascii_only = rng.random() < 0.5
        return bytearray(json.dumps(document, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass"))

    def value(self, depth: int = 0) -> Any:
        rng = self.rng
        kind = rng.randrange(9 if depth < 3 else 7)
        if kind == 0:
            return None
        if kind == 1:
            return rng.random() < 0.5
        if kind == 2:
            return rng.choice([0, -1, 1, 2, 3, -3, 10**30, -(10**30)])
        if kind == 3:
            return rng.choice([0.5, -0.0, 1e308, float("inf"), float("nan")])
        if kind in (4, 5, 6):
            return "".join(rng.choice(["a", "\ud800", "\x00", "\u2028", "漢", "😀", "#", "0", '"', "\\"])
                           for _ in range(rng.randrange(6)))
        if kind == 7:
            return [self.value(depth + 1) for _ in range(rng.randrange(3))]
        return {rng.choice(["id", "a", "kind", ""]): self.value(depth + 1) for _ in range(rng.randrange(3))}


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


def run_mutator(*, inputs: int | None = None, seconds: float | None = None, seed: int = 6) -> dict[str, int]:
    """Feed mutated inputs to loads until the count or the time is reached; fail on the first bug."""
    mutator = Mutator(seed)
    counts = {"inputs": 0, "loaded": 0, "refused": 0}
    deadline = time.monotonic() + seconds if seconds is not None else None
    while (inputs is None or counts["inputs"] < inputs) and (deadline is None or time.monotonic() < deadline):
        data = mutator.input()
        started = time.perf_counter()
        try:
            loaded = check(data)
        except BaseException as exc:
            CRASH_DIR.mkdir(exist_ok=True)
            crash = CRASH_DIR / f"crash-{seed}-{counts['inputs']}.bin"
            crash.write_bytes(data)
            raise AssertionError(f"{type(exc).__name__}: {exc} escaped loads; input saved to {crash}") from exc
        took = time.perf_counter() - started
        assert took < 2, f"one input took {took:.1f}s (a hang?); {data[:200]!r}"
        counts["inputs"] += 1
        counts["loaded" if loaded else "refused"] += 1
    return counts


# ---------------------------------------------------------------------- hypothesis
SOME_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
NEAR_JSON = st.lists(st.sampled_from(TOKENS) | st.binary(max_size=4), max_size=40).map(b"".join)


def _settings(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


def _hypothesis_tests(examples: int) -> list[Any]:
    counter = {"n": 0}

    @_settings(examples)
    @given(st.binary(max_size=400) | NEAR_JSON)
    def raw_bytes(data: bytes) -> None:
        counter["n"] += 1
        check(data)

    @_settings(examples)
    @given(st.sampled_from(range(len(SEEDS))), st.data())
    def mutated_documents(index: int, data: st.DataObject) -> None:
        counter["n"] += 1
        document = json.loads(SEEDS[index])
        paths = _paths(document)[1:]
        for _ in range(data.draw(st.integers(1, 3))):
            path = data.draw(st.sampled_from(paths))
            try:
                parent = _at(document, path[:-1])
                parent[path[-1]]
            except (KeyError, IndexError, TypeError):
                continue
            if data.draw(st.booleans()):
                parent[path[-1]] = data.draw(SOME_JSON)
            else:
                del parent[path[-1]]
        text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))
        check(text)
        check(text.encode("utf-8", "surrogatepass"))

    return [raw_bytes, mutated_documents, counter]


# ---------------------------------------------------------------------- the short budget (make test)
def test_mutator_short_budget() -> None:
    # A count, not a time budget: on a busy machine 2.5 s gave 930 inputs one run, 1,400 the next.
    counts = run_mutator(inputs=1200)
    sys.stderr.write(f"mutator: {counts}\n")
    assert counts["inputs"] == 1200 and counts["loaded"] > 0 and counts["refused"] > 0


def test_hypothesis_short_budget() -> None:
    raw_bytes, mutated_documents, counter = _hypothesis_tests(150)
    raw_bytes()
    mutated_documents()
    assert counter["n"] >= 300


def test_the_checker_fails_on_foreign_exceptions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The harness really reports an escaping exception, with the input saved."""
    import model.fileformat

    def broken(_raw: Any) -> Any:
        raise RuntimeError("planted")

    monkeypatch.setattr(model.fileformat, "_build", broken)
    monkeypatch.setattr(sys.modules[__name__], "CRASH_DIR", tmp_path)
    with pytest.raises(AssertionError, match=r"RuntimeError.*escaped loads; input saved to"):
        run_mutator(inputs=200)


# ---------------------------------------------------------------------- the full run (make fuzz)
@pytest.mark.fuzz
def test_full_fuzz_run() -> None:
    """At least TOUCHLINE_FUZZ_INPUTS inputs (100,000 by default) across the three fuzzers."""
    hypothesis_share = FULL_INPUTS // 10  # hypothesis is slower per input; the mutator does the bulk
    raw_bytes, mutated_documents, counter = _hypothesis_tests(hypothesis_share // 2)
    started = time.monotonic()
    raw_bytes()
    mutated_documents()
    counts = run_mutator(inputs=FULL_INPUTS - counter["n"], seed=int(os.environ.get("TOUCHLINE_FUZZ_SEED", "6")))
    total = counter["n"] + counts["inputs"]
    sys.stderr.write(f"fuzz: {total:,} inputs ({counter['n']:,} hypothesis, mutator {counts}) "
                     f"in {time.monotonic() - started:.0f}s, no exception but LoadError\n")
    assert total >= FULL_INPUTS
