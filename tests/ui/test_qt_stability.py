"""PySide6 6.12.0 aborts on Python 3.11 after a few thousand setPos()/setCacheMode() calls
(architecture.md, known traps). This runs such a loop in a child process, so that a pinned
release that regresses shows up as a failed test instead of a crashed suite."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsItem
    app = QApplication([])
    scene = QGraphicsScene()
    items = [QGraphicsRectItem(0, 0, 180, 60) for _ in range(5000)]
    for item in items:
        scene.addItem(item)
    calls = 0
    for round_ in range(3):
        for i, item in enumerate(items):
            item.setPos(i % 100 * 200 + round_, i // 100 * 70)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache if round_ % 2
                              else QGraphicsItem.CacheMode.NoCache)
            calls += 2
    print("calls", calls)
    """
)


def test_thousands_of_setpos_and_setcachemode_calls_do_not_crash() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["calls", "30000"]
