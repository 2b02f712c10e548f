"""The benchmark script keeps working: one run at 100 cards prints every measure beside its floor.

Its figures are not asserted here (performance is measured by `make bench`, not by tests).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEASURES = ("load", "layout", "scene build", "frame, fit-all", "frame, 100%", "frame, 100%, spanning",
            "move one card", "move one card, spanning", "move one card, lane grows",
            "pan step, 100%", "wheel zoom step", "wheel zoom, sharp after",
            "wheel zoom, longest slice", "rubber band step",
            "drag step", "svg export", "pdf export", "open to first paint", "peak memory", "svg export, process",
            "pdf export, process")
WITH_FLOOR = {"load", "scene build", "frame, fit-all", "frame, 100%", "frame, 100%, spanning", "svg export",
              "pdf export", "open to first paint", "peak memory"}


def test_benchmark_runs_at_100_cards_and_prints_every_measure_beside_its_floor() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "bench.py"), "--sizes", "100", "--repeat", "1"],
        capture_output=True, text=True, timeout=300, env=env, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Touchline benchmark on ") and "cores" in lines[0]
    header = lines[1].split()
    assert header[:3] == ["measure", "cards", "touchline"]
    rows = {}
    for line in lines[2:]:
        match = re.match(r"(.+?)\s+(100|ex\.)\s+([\d.]+) (ms|MiB)\s+(\S+)", line)
        if match:
            rows[match.group(1)] = (float(match.group(3)), match.group(5))
    for measure in MEASURES:
        value, floor = rows[measure]
        assert value > 0, measure
        if measure in WITH_FLOOR:
            assert float(floor) > 0, measure
    start_value, start_floor = rows["start, example"]
    assert start_value > 0 and float(start_floor) > 0
    assert any(line.startswith("targets: ") for line in lines)
    # The interaction rows say what they did: a band chose cards and the drag moved them.
    assert any(re.match(r"at 100 cards the rubber band chose 100 cards and the drag step moved 100$", line)
               for line in lines), lines[-6:]
    # The machine's pace is printed at the start and after each size, each a positive time.
    pace = next(line for line in lines if line.startswith("machine pace "))
    assert re.fullmatch(r"machine pace \(.*\): [\d.]+ ms at the start, [\d.]+ ms after 100 cards", pace), pace
    assert all(float(ms) > 0 for ms in re.findall(r"([\d.]+) ms", pace))
