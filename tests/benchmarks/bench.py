"""Touchline benchmark: Touchline's figures beside their floors, measured in the same run.

For synthetic boards of 100, 1,000 and 5,000 cards (and 20,000 for load, layout and
export) it prints one table: each measure's median over several runs, the floor it is
held to (tests/benchmarks/floors.py: a bare QGraphicsScene of the same cards, raw
svgwrite, raw reportlab; processes.py: a bare window, Graphviz ``neato -n2``), the ratio,
and at 5,000 cards the target of ../shared/design/performance.md and whether it is met.
``make bench`` runs it; the test suite runs ``--sizes 100 --repeat 1`` so that the script
keeps working, without asserting its figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import processes
from boards import synthetic_board, write_board

import model
from model.layout import Layout

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "coffee-shop-blueprint.touchline"
TARGET_SIZE = 5000
EXPORT_ONLY_SIZES = 20000  # from this size on: load, layout and export only
FRAME = (1920, 1080)


@dataclass
class Figure:
    """One row of the table."""

    measure: str
    cards: int
    value: float
    unit: str = "ms"
    floor: float | None = None
    floor_name: str = ""
    target: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        """Touchline's figure over its floor."""
        return self.value / self.floor if self.floor else None


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def median_of(fn: Callable[[], tuple[float, float]], repeat: int) -> tuple[float, float]:
    """Medians of both figures a whole-process measurement returns."""
    pairs = [fn() for _ in range(repeat)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def in_process(n: int, repeat: int) -> list[Figure]:
    """Load, layout, scene, frames, one move and the exports, each beside its floor."""
    from floors import raw_pdf, raw_svg
    from PySide6.QtWidgets import QApplication

    from app.gui import register_fonts
    from exporters.pdf import render_pdf
    from exporters.svg import render_svg

    if QApplication.instance() is None:
        QApplication([])
    register_fonts()
    doc = synthetic_board(n)
    text = model.dumps(doc)
    layout = Layout(doc)
    rows = [Figure("load", n, median_time(lambda: model.loads(text), repeat),
                   floor=median_time(lambda: json.loads(text), repeat), floor_name="json.loads"),
            Figure("layout", n, median_time(lambda: Layout(doc), repeat))]
    if n < EXPORT_ONLY_SIZES:
        rows += canvas_figures(n, repeat, text)
    rows.append(Figure("svg export", n, median_time(lambda: render_svg(layout), repeat),
                       floor=median_time(lambda: raw_svg(layout), repeat), floor_name="svgwrite"))
    rows.append(Figure("pdf export", n, median_time(lambda: render_pdf(layout), repeat),
                       floor=median_time(lambda: raw_pdf(layout), repeat), floor_name="reportlab"))
    return rows


def canvas_figures(n: int, repeat: int, text: str) -> list[Figure]:
    """Scene build, a 1920x1080 frame at fit-all and at 100%, and one card moved, beside a bare scene."""
    from floors import bare_scene
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    from canvas.scene import BoardScene
    from canvas.view import BoardView

    app = QApplication.instance()
    stack = QUndoStack()
    scenes: list[BoardScene] = []
    bare: list[QGraphicsScene] = []

    def build() -> None:
        scenes.append(BoardScene(model.loads(text), stack.push))
        app.processEvents()

    layout = Layout(model.loads(text))

    def build_bare() -> None:  # the items alone: Touchline's figure also loads and lays out
        bare.append(bare_scene(layout))
        app.processEvents()

    rows = [Figure("scene build", n, median_time(build, repeat),
                   floor=median_time(build_bare, repeat), floor_name="bare scene")]
    scene, floor_scene = scenes[-1], bare[-1]
    view, floor_view = BoardView(scene), QGraphicsView(floor_scene)
    for widget in (view, floor_view):
        widget.resize(QSize(*FRAME))
        widget.show()  # a hidden view never lays out its viewport: it would render a 624x464 corner
    app.processEvents()

    def frame_of(widget: QGraphicsView) -> Callable[[], None]:
        # A synchronous repaint of the viewport: the paintEvent path a screen update takes
        # (QGraphicsView.render() takes another, which ignores ItemHasNoContents).
        return widget.viewport().repaint

    def frames(measure: str) -> Figure:
        frame_of(view)(), frame_of(floor_view)()  # warm caches
        return Figure(measure, n, median_time(frame_of(view), repeat),
                      floor=median_time(frame_of(floor_view), repeat), floor_name="bare scene")

    view.zoom_fit()
    floor_view.fitInView(floor_scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    rows.append(frames("frame, fit-all"))
    view.zoom_actual()
    view.centerOn(scene.sceneRect().center())
    floor_view.resetTransform()
    floor_view.centerOn(floor_scene.sceneRect().center())
    rows.append(frames("frame, 100%"))
    card = scene.document.card("c0")
    stages = [s.id for s in scene.document.stages]
    flip = [0]

    def move() -> None:
        flip[0] += 1
        scene.document.move_card("c0", stages[flip[0] % 2], card.lane, 0)
        frame_of(view)()

    rows.append(Figure("move one card", n, median_time(move, repeat)))
    for s in scenes:
        s.detach()
    return rows


def whole_process(n: int, repeat: int, folder: Path) -> list[Figure]:
    """Open to first paint and peak memory (editor vs bare window), exports vs Graphviz."""
    board = write_board(n, folder)
    editor = median_of(lambda: processes.editor_first_paint(board), repeat)
    bare = median_of(lambda: processes.bare_first_paint(board), repeat)
    rows = [Figure("open to first paint", n, editor[0], floor=bare[0], floor_name="bare window"),
            Figure("peak memory", n, editor[1], unit="MiB", floor=bare[1], floor_name="bare window")]
    dot = processes.write_dot(Layout(model.load(board)), folder / f"board-{n}.dot")
    for kind in ("svg", "pdf"):
        ours = median_time(lambda kind=kind: processes.touchline_export(board, folder / f"out.{kind}"), repeat)
        peer = None
        if processes.graphviz_available():
            peer = median_time(lambda kind=kind: processes.graphviz_export(dot, folder / f"gv.{kind}"), repeat)
        rows.append(Figure(f"{kind} export, process", n, ours, floor=peer,
                           floor_name="graphviz" if peer is not None else "(no neato)"))
    return rows


def start_up(repeat: int) -> list[Figure]:
    """Start to first paint with the bundled example, beside an empty bare window."""
    editor = median_of(lambda: processes.editor_first_paint(EXAMPLE), repeat)
    empty = median_of(lambda: processes.bare_first_paint(None), repeat)
    return [Figure("start, example", 0, editor[0], floor=empty[0], floor_name="empty window")]


TARGETS: dict[str, tuple[str, Callable[[Figure], bool]]] = {
    "frame, fit-all": ("<= 16 ms", lambda f: f.value <= 16),
    "frame, 100%": ("<= 1.5x, <= 16 ms", lambda f: f.value <= 16 and (f.ratio or 0) <= 1.5),
    "move one card": ("<= 16 ms", lambda f: f.value <= 16),
    "open to first paint": ("<= 1.2x", lambda f: (f.ratio or 99) <= 1.2),
    "peak memory": ("<= 1.2x", lambda f: (f.ratio or 99) <= 1.2),
    "svg export, process": ("<= 1.0x graphviz", lambda f: f.ratio is not None and f.ratio <= 1.0),
    "pdf export, process": ("<= 1.0x graphviz", lambda f: f.ratio is not None and f.ratio <= 1.0),
    "start, example": ("<= 400 ms", lambda f: f.value <= 400),
}


def judge(rows: list[Figure]) -> None:
    """Fill in the target and whether it is met, for the target size and the start-up row."""
    for row in rows:
        if row.measure in TARGETS and row.cards in (TARGET_SIZE, 0):
            row.target, check = TARGETS[row.measure]
            row.met = check(row)


def growth(rows: list[Figure]) -> list[str]:
    """Time per card at the largest size over the time per card at 1,000: linear growth stays near 1."""
    lines = []
    for measure in ("load", "layout", "svg export", "pdf export"):
        points = sorted((r.cards, r.value / r.cards) for r in rows if r.measure == measure and r.cards >= 1000)
        if len(points) >= 2:
            (small, per_small), (large, per_large) = points[0], points[-1]
            lines.append(f"growth {measure}: {per_large / per_small:.2f}x time per card from {small:,} to "
                         f"{large:,} cards (target <= 1.5x)")
    return lines


def machine() -> str:
    """The machine the figures come from."""
    import PySide6

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, PySide6 {PySide6.__version__}")


def format_table(rows: list[Figure]) -> list[str]:
    """The table's lines: measure, cards, Touchline, floor, what the floor is, ratio, target, met."""
    out = [f"{'measure':<22}{'cards':>7}{'touchline':>13}{'floor':>13}  {'floor is':<13}{'ratio':>7}  "
           f"{'target':<19}met"]
    for r in rows:
        floor = f"{r.floor:.1f} {r.unit}" if r.floor is not None else "-"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        met = "" if r.met is None else ("yes" if r.met else "NO")
        cards = f"{r.cards:,}" if r.cards else "ex."
        out.append(f"{r.measure:<22}{cards:>7}{r.value:>10.1f} {r.unit:<2}{floor:>13}  {r.floor_name or '-':<13}"
                   f"{ratio:>7}  {r.target or '-':<19}{met}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"Touchline benchmark on {machine()}; medians of {args.repeat} runs; processes run from compiled "
          "bytecode, as installed", flush=True)
    rows: list[Figure] = []
    processes.compile_once()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            rows += in_process(n, args.repeat)
            if n < EXPORT_ONLY_SIZES:
                rows += whole_process(n, args.repeat, Path(tmp))
            print(f"... {n:,} cards done", file=sys.stderr, flush=True)
        rows += start_up(args.repeat)
    judge(rows)
    print("\n".join(format_table(rows)))
    for line in growth(rows):
        print(line)
    missed = [r for r in rows if r.met is False]
    print(f"targets: {sum(1 for r in rows if r.met)} met, {len(missed)} missed"
          + (": " + ", ".join(r.measure for r in missed) if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
