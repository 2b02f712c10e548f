"""Touchline benchmark: synthetic boards of 100, 1,000 and 5,000 cards.

Prints one table with, per size: load, layout, scene build, one 1920x1080 frame at
fit-all and at 100%, one card moved (relayout + repaint), SVG export and PDF export,
each the median of several runs. Run with `make bench`; `--sizes 100 --repeat 1`
is what the test suite runs to keep this script working (its figures are not asserted).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import model
from model import Card, Document, Lane, Link, Stage
from model.layout import Layout

WORDS = ("customer", "orders", "checks", "the", "app", "pays", "waits", "for", "barista", "coffee",
         "receipt", "email", "queue", "staff", "system", "updates", "stock", "notifies", "pickup", "shelf")
KINDS = ("customer", "frontstage", "backstage", "support", "evidence")


def synthetic_board(n_cards: int, seed: int = 7) -> Document:
    """20 stages x 5 lanes, cards stacked in cells with 1-3 lines of text, 1.2 links per card."""
    rng = random.Random(seed)
    stages = [Stage(f"s{i}", f"Stage {i + 1}") for i in range(20)]
    lanes = [Lane(f"l{i}", kind.title(), kind) for i, kind in enumerate(KINDS)]
    cards = []
    for i in range(n_cards):
        words = rng.randint(3, 14)
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        cards.append(Card(f"c{i}", lanes[i % 5].id, stages[(i // 5) % 20].id, text,
                          fail=rng.random() < 0.05, wait="3 min" if rng.random() < 0.05 else None))
    links = []
    for i in range(int(n_cards * 1.2)):
        a, b = rng.randrange(n_cards), rng.randrange(n_cards)
        if a != b:
            links.append(Link(f"k{i}", f"c{a}", f"c{b}"))
    return Document.build(title=f"Synthetic board, {n_cards} cards", description=None, stages=stages,
                          lanes=lanes, cards=cards, links=links, personas=[], extra={})


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_size(n: int, repeat: int) -> dict[str, float]:
    """All figures for one board size."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage, QPainter, QUndoStack
    from PySide6.QtWidgets import QApplication

    from app.gui import register_fonts
    from canvas.scene import BoardScene
    from canvas.view import BoardView
    from exporters.pdf import export_pdf
    from exporters.svg import render_svg

    app = QApplication.instance() or QApplication([])
    register_fonts()
    doc = synthetic_board(n)
    text = model.dumps(doc)
    row: dict[str, float] = {}
    row["load"] = median_time(lambda: model.loads(text), repeat)
    row["layout"] = median_time(lambda: Layout(doc), repeat)
    stack = QUndoStack()
    scenes: list[BoardScene] = []

    def build() -> None:
        scene = BoardScene(model.loads(text), stack.push)
        scenes.append(scene)
        app.processEvents()

    row["scene"] = median_time(build, repeat)
    scene = scenes[-1]
    view = BoardView(scene)
    view.resize(QSize(1920, 1080))
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)

    def frame() -> None:
        painter = QPainter(image)
        view.render(painter)
        painter.end()

    view.zoom_fit()
    frame()  # warm caches
    row["frame_fit"] = median_time(frame, repeat)
    view.zoom_actual()
    view.centerOn(scene.sceneRect().center())
    frame()
    row["frame_100"] = median_time(frame, repeat)
    card = scene.document.card("c0")
    stages = [s.id for s in scene.document.stages]
    flip = [0]

    def move() -> None:
        flip[0] += 1
        scene.document.move_card("c0", stages[flip[0] % 2], card.lane, 0)
        frame()

    row["move"] = median_time(move, repeat)
    layout = Layout(doc)
    row["svg"] = median_time(lambda: render_svg(layout), repeat)
    with tempfile.TemporaryDirectory() as tmp:
        row["pdf"] = median_time(lambda: export_pdf(layout, Path(tmp) / "b.pdf"), repeat)
    for s in scenes:
        s.detach()
    return row


COLUMNS = ("load", "layout", "scene", "frame_fit", "frame_100", "move", "svg", "pdf")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print("all times in ms, median of", args.repeat, "runs")
    print(f"{'cards':>7} " + " ".join(f"{c:>10}" for c in COLUMNS))
    for n in args.sizes:
        row = bench_size(n, args.repeat)
        print(f"{n:>7} " + " ".join(f"{row[c]:>10.1f}" for c in COLUMNS), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
