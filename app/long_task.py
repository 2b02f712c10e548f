"""Long operations off the GUI thread, with a progress dialog and a Cancel button.

Opening a 20,000-card board or exporting it takes seconds of pure-Python work (loading,
layout, rendering) that needs no Qt, so it runs in a worker thread while the window keeps
painting and a progress dialog offers Cancel. Cancelling returns at once; the worker's
result, when it comes, is dropped (a thread cannot be stopped from outside), so work handed
to ``run_in_background`` must not change anything the user can see: it computes, and the
caller applies the result on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import tr

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quicker work finishes without a dialog flashing up
POLL_MS = 20
QUICK_WORK_S = 0.1

_executor: ThreadPoolExecutor | None = None  # made by the first long operation (see _worker)


def _worker() -> ThreadPoolExecutor:
    """The one worker thread's executor, made when first needed: concurrent.futures is not needed to show a board."""
    global _executor
    if _executor is None:
        from concurrent.futures import ThreadPoolExecutor

        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="touchline-work")
    return _executor


class CancelledError(Exception):
    """The user pressed Cancel."""


def progress_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    """A window-modal progress dialog with Cancel that shows itself after SHOW_AFTER_MS."""
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("LongTaskProgress")
    dialog.setWindowTitle(tr("Touchline"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setAccessibleName(tr("Progress"))
    dialog.setAccessibleDescription(label)
    return dialog


def run_in_background(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """Run ``work`` in the worker thread, keeping the GUI live; its result, or CancelledError.

    An exception raised by ``work`` is raised here, on the GUI thread.
    """
    from concurrent.futures import wait

    future: Future[T] = _worker().submit(work)
    # Most work is done within a frame or two: wait for it plainly, so that quick work
    # runs no nested event loop (which would deliver timers and input mid-operation).
    wait([future], timeout=QUICK_WORK_S)
    if not future.done():
        dialog = progress_dialog(parent, label)
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(POLL_MS)
        timer.timeout.connect(lambda: loop.quit() if future.done() else None)
        dialog.canceled.connect(loop.quit)
        timer.start()
        loop.exec()
        timer.stop()
        cancelled = dialog.wasCanceled() and not future.done()
        dialog.close()
        dialog.deleteLater()
        if cancelled:
            raise CancelledError
    return future.result()


def after_current_work(action: Callable[[], object]) -> None:
    """Run ``action`` in the worker thread once the work queued before it has finished."""
    _worker().submit(action)
