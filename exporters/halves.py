"""One piece of an export's writing done by a forked child on the machine's other core.

A command-line export of a large board spends about half its time turning primitives into
text (SVG elements, PDF operators), one primitive after another, each independent of the
others once the layout is done. ``in_two`` runs the second part of such work in a child
made with ``fork`` (it inherits the layout: nothing is sent to it) while this process does
the first part; the child's result comes back pickled through a pipe and the two are
joined in order, so the output is the same bytes as done in one piece.

It forks only where that is safe and worth it: on a POSIX system with two or more cores,
in a process with a single thread (the editor exports in a worker thread beside Qt's own:
a fork there could copy a lock some other thread holds), and for work large enough to
repay the fork. Anything that goes wrong in the child (an exception, a signal, a short
read) makes this process do the second part itself; Ctrl+C reaches both, and the child is
always waited for (no zombie) and killed if this process stops first.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

MIN_WORK = 4000  # primitives below which one process is quicker than forking (~10-20 ms a fork)
_FAILED = 3  # the child's exit status when its part raised


def worth_forking(amount: int) -> bool:
    """Whether ``amount`` primitives of work should be shared with a forked child here and now."""
    if amount < MIN_WORK or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # the only thread: nothing else holds a lock
    except OSError:  # no /proc: the thread count is unknown, and unknown is not safe
        return False


# The first part's share of the work: the child has more to do than its part (its result
# pickled, and what the caller adds: the SVG's outlines, the PDF's replay of the first half's
# state), ~90 ms of ~400 at 5,000 cards (CPU times of both processes).
FIRST_SHARE = 0.6


def halfway(costs: Sequence[float], share: float = FIRST_SHARE) -> int:
    """The index that cuts work items of these ``costs`` into two parts, the first ``share`` of the cost."""
    half = sum(costs) * share
    total = 0.0
    for i, cost in enumerate(costs):
        total += cost
        if total >= half:
            return i + 1
    return len(costs)


def in_two(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B | None]:
    """``(first(), second())``, with ``second`` run in a forked child while this process runs ``first``.

    ``second``'s result comes back pickled; it is None when the child failed (an exception,
    a signal): the caller then does that part itself. The callers check ``worth_forking``
    first. ``second`` must only compute (no files, no output): the child ends with
    ``os._exit`` and runs nothing of this process's cleanup.
    """
    read_end, write_end = os.pipe()
    # Ctrl+C is held back across the fork: arriving in the child before its ``try``, it would
    # unwind into this process's callers (and, say, remove their temporary file).
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # the child: its part, written whole to the pipe, then gone without unwinding
        status = _FAILED
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            os.close(read_end)
            data = pickle.dumps(second(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    pipe = os.fdopen(read_end, "rb")
    reaped = False
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        mine = first()
        data = pipe.read()
        _, status = os.waitpid(pid, 0)
        reaped = True
        if os.waitstatus_to_exitcode(status) != 0:
            return mine, None
        return mine, pickle.loads(data)  # our own child's bytes, through our own pipe
    finally:
        pipe.close()
        if not reaped:  # this process stopped (an exception, Ctrl+C) before the child ended
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
