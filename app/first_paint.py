"""Report when the board first appears on screen: the benchmark's whole-process timings.

Also ``after_first_paint``: work that the first sight of a board need not wait for.

Set ``TOUCHLINE_FIRST_PAINT=report`` and the editor prints one line
``first-paint <unix time> maxrss-kib <peak resident size>`` once the board's first frame
has been painted; ``TOUCHLINE_FIRST_PAINT=exit`` also ends the process right there (without
tearing the scene down, which would only add to the measured run). Unset, it costs nothing.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENVIRONMENT_VARIABLE = "TOUCHLINE_FIRST_PAINT"


class _FirstPaintWatch(QObject):
    def __init__(self, widget: QWidget, exit_after: bool) -> None:
        super().__init__(widget)
        self._exit_after = exit_after
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._report)  # after this paint has finished
        return False

    def _report(self) -> None:
        peak_kib = _peak_resident_kib()
        sys.stdout.write(f"first-paint {time.time():.6f} maxrss-kib {peak_kib}\n")
        sys.stdout.flush()
        if self._exit_after:
            os._exit(0)


class _AfterFirstPaint(QObject):
    """Calls back once, just after ``widget`` has painted for the first time, then stops watching."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)  # one paint is all it waits for: no cost on later events
            QTimer.singleShot(0, self._callback)  # after this paint has finished
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``widget`` has painted for the first time (work that can wait for it)."""
    _AfterFirstPaint(widget, callback)


def _peak_resident_kib() -> int:
    """This process's peak resident size. VmHWM, not ru_maxrss: after fork and exec, ru_maxrss
    also counts the parent's size at the fork, which made a small child look as big as its parent."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS


def watch_first_paint(widget: QWidget) -> None:
    """Report the first paint of ``widget`` when the environment asks for it."""
    mode = os.environ.get(ENVIRONMENT_VARIABLE)
    if mode in ("report", "exit"):
        _FirstPaintWatch(widget, exit_after=mode == "exit")
