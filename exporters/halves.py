"""One piece of an export's writing done by a forked child on the machine's other core.

A command-line export of a large board spends about half its time turning primitives into
text (SVG elements, PDF operators), one primitive after another, each independent of the
others once the layout is done. ``in_two`` runs the second part of such work in a child
made with ``fork`` while this process does the first part; the child's result comes back
pickled through a pipe and the two are joined in order, so the output is the same bytes
as done in one piece. The command line forks before it reads the file (``fork_early``):
the child reads and lays out the board itself, on the other core, and meets this process
at ``in_two`` (forked after the layout, the two would share its pages and copy each one
either touches). Called without that child (the tests do), ``in_two`` forks there and then.
What both would work out before their parts (the SVG's cut and outline form) the child works
out alone and sends ahead of its part (``tell``, ``plan_from_child``).

It forks only where that is safe and worth it: on a POSIX system with two or more cores
and one of them idle now (``core_to_spare``: on a busy machine the two processes would only
take turns, and the child duplicates some work),
in a process with a single thread (a fork could copy a lock some other thread holds) that
has not loaded Qt (the editor exports in a worker thread, and copies a board as SVG on
its GUI thread: neither is copied), and for work large enough to repay the fork.
Anything that goes wrong in the child (an exception, a signal, a short read) makes this
process do the second part itself; Ctrl+C reaches both, and the child is always waited
for (no zombie) and killed if this process stops first.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

A = TypeVar("A")
B = TypeVar("B")

MIN_WORK = 4000  # primitives below which one process is quicker than forking (~10-20 ms a fork)
_FAILED = 3  # the child's exit status when its part raised


def worth_forking(amount: int) -> bool:
    """Whether ``amount`` primitives of work are shared with the child of ``fork_early``.

    Only the command line forks (before it reads the file): an export made in a process that
    did not (the editor, a test, the benchmark's in-process rows) is written in one piece, so
    what it does never depends on the machine's load at that moment.
    """
    return amount >= MIN_WORK and _partner is not None


def may_fork() -> bool:
    """Whether this process can share work with a forked child: POSIX, a core to spare, one thread, no Qt."""
    cores = os.cpu_count() or 1
    if not hasattr(os, "fork") or cores < 2 or not core_to_spare(cores):
        return False
    if "PySide6.QtCore" in sys.modules:  # the editor (copying a board as SVG on its GUI thread): Qt's
        return False  # process is not copied, whatever its thread count
    try:
        return len(os.listdir("/proc/self/task")) == 1  # the only thread: nothing else holds a lock
    except OSError:  # no /proc: the thread count is unknown, and unknown is not safe
        return False


def core_to_spare(cores: int) -> bool:
    """Whether a core is idle NOW: in each of a few looks ~1 ms apart, at most ``cores - 2`` threads besides
    this one were ready to run (/proc/loadavg's running count, which counts the reader itself).

    Not the 1-minute load average: it tells what ran over the last minute, not what runs now. A
    benchmark that keeps one core busy holds it near 1 whether or not anything else runs while an
    export does, and an export's own child pushes it up for the next minute's exports; one busy
    process that just started is not in it yet. The largest of the looks counts, so a moment's
    lull on a busy machine does not fork: there the two processes would only take turns with the
    others, and the child duplicates the load and layout (measured at load 6-8: 2.6-3.7 s wall
    forked vs 2.2-3.5 s in one process). Without /proc (not Linux), the 1-minute average decides,
    as before: under ``cores - 0.5``.
    """
    looks = []
    try:
        for look in range(LOOKS):
            if look:
                time.sleep(LOOK_GAP)
            looks.append(running_now() - 1)
    except (OSError, ValueError, IndexError):
        try:
            return os.getloadavg()[0] <= cores - 0.5
        except OSError:  # unknown load: the cores are taken to be free
            return True
    return max(looks) <= cores - 2


def running_now() -> int:
    """Threads on the machine ready to run at this moment, the caller among them (/proc/loadavg)."""
    with open("/proc/loadavg", "rb") as status:
        return int(status.read().split()[3].split(b"/")[0])


LOOKS = 3  # looks at what runs now (``core_to_spare``)
LOOK_GAP = 0.001  # seconds between two looks


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

    After ``fork_early`` the child exists already and has done the same work as this process
    up to here: in it, this call does ``second`` alone, hands it over and ends the process.
    """
    global _partner
    partner, _partner = _partner, None
    if isinstance(partner, _Child):
        _hand_over(second, partner.write_end)  # never returns
    if isinstance(partner, _Parent):
        return _wait_for(partner.pid, partner.read_end, first)
    read_end, write_end = os.pipe()
    pid = _forked()
    if pid == 0:
        os.close(read_end)
        _hand_over(second, write_end)
    os.close(write_end)
    return _wait_for(pid, read_end, first)


def fork_early(child_work: Callable[[], object]) -> None:
    """Fork now, before the work to share is made: the child runs ``child_work`` (the same steps this
    process takes up to its ``in_two``, which in the child does the second part and ends it).

    Forking once the board is laid out shares ~100 MB of objects with the child, and every page
    either process then touches (a reference count changes) is copied: ~9,500 page faults at
    5,000 cards, each ~10 us on this machine, ~0.1 s on the way to the first part. Forked before
    the file is read, each process builds its own board side by side on its own core. If this
    process never reaches ``in_two`` (a small board, an error), ``end_early`` stops the child.
    """
    global _partner
    read_end, write_end = os.pipe()
    pid = _forked()
    if pid == 0:
        status = _FAILED
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, _HELD.pop())
            os.close(read_end)
            _partner = _Child(write_end)
            child_work()  # ``in_two`` ends the process when the work reaches it
        finally:
            os._exit(status)
    os.close(write_end)
    _partner = _Parent(pid, read_end)


def plan_from_child() -> object | None:
    """In the parent of ``fork_early``: what the child worked out before its part and sent (``tell``), so that
    this process need not work it out too; None when there is no such child, or when it failed before
    sending (it is then reaped, and nothing is shared any more: ``worth_forking`` is False).

    The child lays out without routing the arrows and reaches this point first (the parent routes
    them); waiting here is rare. Ctrl+C while waiting stops this process, and ``end_early`` the child.
    """
    partner = _partner
    if not isinstance(partner, _Parent):
        return None
    size = _read_exactly(partner.read_end, _SIZE.size)
    data = _read_exactly(partner.read_end, _SIZE.unpack(size)[0]) if size is not None else None
    if data is None:  # the child ended before telling (an exception, a signal)
        end_early()
        return None
    return pickle.loads(data)  # our own child's bytes, through our own pipe


def tell(plan: object, last: bool) -> None:
    """In the child of ``fork_early``: send ``plan`` to the parent (``plan_from_child``), ahead of its part;
    ``last``: the parent asks nothing more (the work is too small to share) and the child ends here.
    In any other process, nothing."""
    partner = _partner
    if not isinstance(partner, _Child):
        return
    data = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
    message = memoryview(_SIZE.pack(len(data)) + data)
    while message:  # a pipe takes a large write in pieces
        message = message[os.write(partner.write_end, message):]
    if last:
        os._exit(0)


_SIZE = struct.Struct("<Q")  # the length that comes before a plan's pickled bytes


def _read_exactly(fd: int, size: int) -> bytes | None:
    """``size`` bytes from the pipe ``fd``, read unbuffered (what follows is the child's part, read later);
    None at its end before them."""
    pieces, left = [], size
    while left:
        piece = os.read(fd, left)
        if not piece:
            return None
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


def end_early() -> None:
    """Stop and wait for a child of ``fork_early`` whose part was never asked for."""
    global _partner
    partner, _partner = _partner, None
    if isinstance(partner, _Parent):
        _stop(partner.pid)
        os.close(partner.read_end)


@dataclass(frozen=True)
class _Parent:
    pid: int
    read_end: int


@dataclass(frozen=True)
class _Child:
    write_end: int


_partner: _Parent | _Child | None = None  # the other process of a ``fork_early``, until ``in_two``


def _forked() -> int:
    """``os.fork()`` with Ctrl+C held back across it; in the child it is raised again only inside the
    ``try`` that ends it (arriving before, it would unwind into this process's callers and, say,
    remove their temporary file)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    if pid == 0:
        _HELD[:] = [held]  # the child restores the mask inside its ``try``
    else:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return pid


_HELD: list[Iterable[int]] = []  # in a child: the signal mask to restore once inside its ``try``


def _hand_over(second: Callable[[], object], write_end: int) -> NoReturn:
    """In the child: ``second()``, pickled into the pipe, and the process ends (status 0, or _FAILED)."""
    status = _FAILED
    try:
        if _HELD:
            signal.pthread_sigmask(signal.SIG_SETMASK, _HELD.pop())
        data = pickle.dumps(second(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)


def _wait_for(pid: int, read_end: int, first: Callable[[], A]) -> tuple[A, Any]:
    """In the parent: ``first()``, then the child's pickled part (None if it failed); the child reaped.

    The part is the child's ``second()`` unpickled: of the type ``in_two``'s caller expects (Any here).
    """
    pipe = os.fdopen(read_end, "rb")
    reaped = False
    try:
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
            _stop(pid)


def _stop(pid: int) -> None:
    """Kill the child and wait for it (no zombie)."""
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)
