"""The workshop countdown: "5 minutes for this exercise", shown in a corner of the presentation.

The remaining time is computed from a monotonic clock (QElapsedTimer), not by counting
ticks, so a busy event loop makes the display late by a tick, never the countdown wrong.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from canvas.translate import tr
from model.fonts import FONT_FAMILY

TICK_MS = 250


def format_remaining(ms: int) -> str:
    """Milliseconds left as m:ss, rounded up (a countdown shows 0:00 only when time is up)."""
    seconds = max(0, -(-ms // 1000))
    return f"{seconds // 60}:{seconds % 60:02d}"


class Countdown(QObject):
    """A countdown that can be started, paused, resumed and stopped."""

    changed = Signal()  # every tick, and on start, pause, stop
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._total_ms = 0
        self._left_at_start = 0
        self._clock = QElapsedTimer()
        self._running = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        """Whether a countdown is set (running or paused)."""
        return self._total_ms > 0

    @property
    def over(self) -> bool:
        """Whether a countdown is set and its time is up ("Time's up 0:00")."""
        return self.active and not self._running and self._left_at_start <= 0

    @property
    def running(self) -> bool:
        """Whether it is counting down now."""
        return self._running

    def remaining_ms(self) -> int:
        """Milliseconds left."""
        if not self._running:
            return self._left_at_start
        return max(0, self._left_at_start - self._clock.elapsed())

    def text(self) -> str:
        """What the corner shows: m:ss, or "" when no countdown is set."""
        return format_remaining(self.remaining_ms()) if self.active else ""

    def start(self, minutes: float) -> None:
        """Start counting down ``minutes`` from now."""
        self._total_ms = self._left_at_start = int(minutes * 60_000)
        self._clock.start()
        self._running = True
        self._ticker.start()
        self.changed.emit()

    def toggle_pause(self) -> None:
        """Pause a running countdown or resume a paused one."""
        if not self.active:
            return
        if self._running:
            self._left_at_start = self.remaining_ms()
            self._running = False
            self._ticker.stop()
        elif self._left_at_start > 0:
            self._clock.start()
            self._running = True
            self._ticker.start()
        self.changed.emit()

    def stop(self) -> None:
        """Clear the countdown."""
        self._total_ms = self._left_at_start = 0
        self._running = False
        self._ticker.stop()
        self.changed.emit()

    def _tick(self) -> None:
        if self._running and self.remaining_ms() <= 0:
            self._left_at_start = 0
            self._running = False
            self._ticker.stop()
            self.changed.emit()
            self.finished.emit()
            return
        self.changed.emit()


class TimerBadge(QLabel):
    """The countdown in a corner of the presentation: big, white on dark, red when time is up."""

    def __init__(self, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown
        font = QFont(FONT_FAMILY)
        font.setPixelSize(44)
        font.setBold(True)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(tr("Countdown"))
        countdown.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the time left (hidden when no countdown is set)."""
        c = self.countdown
        self.setVisible(c.active)
        if not c.active:
            return
        over = c.remaining_ms() <= 0
        paused = not c.running and not over
        background = "#B91C1C" if over else ("#475569" if paused else "#1E293B")
        # A light rim keeps the badge apart from the dark surround and from dark cards alike.
        self.setStyleSheet(f"QLabel {{ color: #FFFFFF; background: {background}; border: 3px solid #E2E8F0;"
                           " border-radius: 14px; padding: 4px 22px; }")
        self.setText((tr("Time's up {0}").format(c.text()) if over else c.text()) + (" ‖" if paused else ""))
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - 28, parent.height() - self.height() - 28)
        self.raise_()
