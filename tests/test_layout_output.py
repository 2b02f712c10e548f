"""The layout's output, pinned: every primitive, card and arrow of the examples and a synthetic board.

Speed work on the layout (issue 9) must not change what anyone sees, and the pixel comparisons
between canvas, SVG and PDF would not notice a change all three share. So the whole output is
reduced to one digest per board and setting and compared with the digests stored beside this
file. A change made on purpose (a new look) regenerates them:

    python tests/test_layout_output.py

and says so in its commit message.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # as a script: this checkout's model
from boards import synthetic_board

import model
from model import Document
from model.fonts import RESOURCES
from model.layout import Layout

HERE = Path(__file__).resolve().parent
STORED = HERE / "layout_output.json"
EXAMPLES = sorted((RESOURCES / "examples").glob("*.touchline"))
SETTINGS = [(legend, theme) for legend in (False, True) for theme in ("light", "dark")]


def boards() -> dict[str, Document]:
    found = {path.name: model.load(path) for path in EXAMPLES}
    found["synthetic-300"] = synthetic_board(300)
    return found


def output(layout: Layout) -> Iterator[str]:
    """Everything a renderer or the editor reads from a layout, as text."""
    for primitive in layout.primitives():
        yield repr(primitive)
    for card_id, card in layout.cards.items():
        yield repr((card_id, card.x, card.y, card.shape))
    for link_id, link in layout.links.items():
        yield repr((link_id, link))
    yield repr((layout.width, layout.height, layout.blueprint_lines, layout.grid_rect))


def digest(layout: Layout) -> str:
    return hashlib.sha256("\n".join(output(layout)).encode("utf-8")).hexdigest()


def digests() -> dict[str, str]:
    return {f"{name} legend={legend} {theme}": digest(Layout(document, legend=legend, theme=theme))
            for name, document in boards().items() for legend, theme in SETTINGS}


@pytest.fixture(scope="module")
def current() -> dict[str, str]:
    return digests()


def test_the_layout_draws_what_it_drew(current: dict[str, str]) -> None:
    stored = json.loads(STORED.read_text(encoding="utf-8"))
    assert set(current) == set(stored)
    changed = sorted(key for key in current if current[key] != stored[key])
    assert not changed, f"the layout's output changed for {changed}; on purpose? see this file's docstring"


def test_the_digest_sees_a_change_of_one_pixel(current: dict[str, str]) -> None:
    document = boards()["synthetic-300"]
    layout = Layout(document)
    layout.cards["c0"].y += 1  # what a one-pixel slip in stacking would do
    assert digest(layout) != current["synthetic-300 legend=False light"]


if __name__ == "__main__":
    STORED.write_text(json.dumps(digests(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {STORED}")
