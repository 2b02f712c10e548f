"""Whole-process timings: start to first paint, command-line export, and Graphviz beside them.

Each figure is wall time from spawning the process: to the line app/first_paint.py prints
for the editor (and for the bare window that is its floor), to exit for an export.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from model.layout import Layout

ROOT = Path(__file__).resolve().parents[2]
BARE_WINDOW = Path(__file__).with_name("bare_window.py")
TIMEOUT = 300
# Where the measured processes keep their compiled bytecode (build/ is not versioned).
PYCACHE = ROOT / "build" / "bench-pycache"
# The measured processes' own data and settings folders (see child_environment).
BENCH_HOME = ROOT / "build" / "bench-home"


def child_environment(**extra: str) -> dict[str, str]:
    """The environment of a measured process: offscreen Qt, and bytecode cached as an installed app has it.

    An installed Touchline runs from compiled bytecode (pip and PyInstaller compile it);
    a checkout run with PYTHONDONTWRITEBYTECODE set compiles every module of the project
    again in each process (~0.1-0.2 s of a start). The cache goes to PYCACHE, not beside
    the sources; ``compile_once`` fills it before the first timed run.

    The data and settings folders are the benchmark's own (BENCH_HOME, emptied by
    ``compile_once``): recovery files left in a user's real folder by an unclean exit made
    the example's start open the "Recover unsaved work" dialog, and the first paint was
    timed behind it. The cache folder stays the user's, as on a second start.

    The single-instance server name is the benchmark's own too: with the user's, an editor
    already running (a test session's, a developer's) took the measured start's file and
    the measured process exited without painting. The start still asks for a running
    editor, as every start does; none answers.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(PYCACHE),
               XDG_DATA_HOME=str(BENCH_HOME / "data"), XDG_CONFIG_HOME=str(BENCH_HOME / "config"),
               TOUCHLINE_INSTANCE=f"touchline-bench-{os.getpid()}", **extra)
    return env


def compile_once() -> None:
    """Compile every module the measured processes import into PYCACHE (not timed); empty BENCH_HOME."""
    shutil.rmtree(BENCH_HOME, ignore_errors=True)
    BENCH_HOME.mkdir(parents=True)
    subprocess.run([sys.executable, "-c", "import app.gui, exporters.pdf, exporters.svg, exporters.png"],
                   cwd=ROOT, env=child_environment(), capture_output=True, timeout=TIMEOUT, check=True)


def first_paint(arguments: list[str]) -> tuple[float, float]:
    """Spawn ``python <arguments>`` with the first-paint report on: (ms to first paint, peak MiB)."""
    env = child_environment(TOUCHLINE_FIRST_PAINT="exit")
    start = time.time()
    result = subprocess.run([sys.executable, *arguments], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=TIMEOUT, check=False)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            _, stamp, _, kib = line.split()
            return (float(stamp) - start) * 1000, int(kib) / 1024
    raise RuntimeError(f"no first paint from {arguments}: {result.stderr[-500:]}")


def editor_first_paint(path: Path | None) -> tuple[float, float]:
    """The editor (``python -m app [FILE]``) from spawn to its board's first frame."""
    return first_paint(["-m", "app", *([str(path)] if path else [])])


def bare_first_paint(path: Path | None) -> tuple[float, float]:
    """The bare window of plain items (or an empty one) from spawn to first frame."""
    return first_paint([str(BARE_WINDOW), *([str(path)] if path else [])])


def timed_run(command: list[str]) -> float:
    """Milliseconds one command takes from spawn to exit; it must succeed."""
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=ROOT, timeout=TIMEOUT, check=True, env=child_environment())
    return (time.perf_counter() - start) * 1000


def touchline_export(board: Path, output: Path) -> float:
    """``touchline export BOARD -o OUTPUT``, whole process."""
    return timed_run([sys.executable, "-m", "app", "export", str(board), "-o", str(output)])


def graphviz_available() -> bool:
    """Whether Graphviz's neato is on the PATH."""
    return shutil.which("neato") is not None


def graphviz_export(dot_file: Path, output: Path) -> float:
    """``neato -n2`` (positions fixed, as given) rendering the board to SVG or PDF, whole process."""
    return timed_run(["neato", "-n2", f"-T{output.suffix[1:]}", str(dot_file), "-o", str(output)])


def write_dot(layout: Layout, path: Path) -> Path:
    """The board as Graphviz DOT: each card a box at its laid-out place with its text, each link an edge."""
    height = layout.height

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph board {",
             f'  graph [splines=line, bb="0,0,{layout.width:.0f},{height:.0f}"];',
             '  node [shape=box, style="rounded,filled", fillcolor="#E8F1FE", fontname="Noto Sans",'
             " fontsize=13, fixedsize=true];",
             "  edge [arrowsize=0.6];"]
    for card in layout.cards.values():
        label = "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in card.lines)
        x, y = card.x + card.w / 2, height - (card.y + card.h / 2)  # Graphviz's y grows upwards
        lines.append(f'  {quoted(card.id)} [pos="{x:.1f},{y:.1f}", width={card.w / 72:.3f},'
                     f' height={card.h / 72:.3f}, label="{label}"];')
    for link in layout.document.links():
        lines.append(f"  {quoted(link.source)} -> {quoted(link.target)};")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
