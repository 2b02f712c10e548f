"""The benchmark script keeps working: one run at 100 cards prints a full table row.

Its figures are not asserted here (performance is measured by `make bench`, not by tests).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_at_100_cards_and_prints_every_column() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "bench.py"), "--sizes", "100", "--repeat", "1"],
        capture_output=True, text=True, timeout=300, env=env, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    header = lines[1].split()
    assert header == ["cards", "load", "layout", "scene", "frame_fit", "frame_100", "move", "svg", "pdf"]
    row = lines[2].split()
    assert row[0] == "100"
    figures = [float(x) for x in row[1:]]
    assert len(figures) == 8 and all(f > 0 for f in figures)
