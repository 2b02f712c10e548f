"""Coverage-guided fuzzing of ``model.loads`` with atheris (libFuzzer): only LoadError may escape.

    pip install atheris            # or: pip install -e ".[fuzz]"
    make fuzz-atheris              # 100,000 runs from the bundled documents
    python tests/fuzz/atheris_loads.py -runs=1000000 -max_len=8192 CORPUS_DIR

A loaded document must also be written back as strict JSON that loads to the same text
(as in tests/test_fuzz_loader.py). libFuzzer writes a failing input as ``crash-*``
in the current folder (``-artifact_prefix=DIR/`` to choose).
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    from model import LoadError, dumps, loads


def _not_json(name: str) -> None:
    raise AssertionError(f"dumps() wrote {name}, which is not JSON")


def one_input(data: bytes) -> None:
    """Load the bytes; LoadError is a clean refusal, anything else a bug."""
    try:
        document = loads(data)
    except LoadError as exc:
        if str(exc).startswith("unreadable document ("):
            raise AssertionError(f"the loader's last guard fired: {exc}") from None
        return
    text = dumps(document)
    json.loads(text, parse_constant=_not_json)
    if dumps(loads(text.encode("utf-8"))) != text:
        raise AssertionError("what was written back loads to a different text")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
