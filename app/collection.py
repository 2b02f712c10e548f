"""The cyclic garbage collector kept off a board's long-lived objects (issue 9, point 4: no pause of more
than a frame).

The entry point turns the collector off before it imports anything (app/__main__.py): starting
makes long-lived objects only. The editor turns it back on once its board has been painted
(``resume_after_first_paint``), and each time every item of a board has been made
(app/editor.py) the objects alive then are frozen (``gc.freeze``): the collector's full passes
leave them alone. Measured at 5,000 cards (~170,000 tracked objects, two processes sharing the
machine's two cores): a full pass took 160-220 ms; six of sixteen moves that grew a lane (each
gives ~3,000 arrows new geometry) ran one; frozen, the same passes took 18-41 ms. A pan step or
a move that met such a pass stalled for it.

Closing a board (``board_closed``) unfreezes everything, so that what the board leaves in
cycles can be collected; the next board made collects once (one full pass, after its items are
all made) and then freezes what is alive again: frozen at once, the closed board's garbage would
have stayed until the next close.
Only where the entry point turned the collector off (the application, and the benchmark, which
measures it): a test process opening hundreds of boards would keep their cyclic garbage frozen.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

_keeping = False  # whether boards are frozen (the application's collector policy is in force)
_closed = False  # a board was closed since the last freeze: its garbage is collected before the next


def resume_after_first_paint(when_painted: Callable[[Callable[[], None]], None],
                             fallback: Callable[[Callable[[], None]], None]) -> None:
    """Turn the collector back on once the board is painted (``when_painted``), or when ``fallback`` fires
    (a window started minimised is never painted); from then on boards are frozen once made.

    Unchanged where the collector was never turned off (the tests)."""
    global _keeping
    if gc.isenabled():
        return
    _keeping = True

    def resume() -> None:
        if not gc.isenabled():
            # What the start made is frozen first: the first full pass then walks only what came after.
            gc.freeze()
            gc.enable()

    when_painted(resume)
    fallback(resume)


def keep_boards_frozen() -> None:
    """Put the application's policy in force in a process that did not start through the entry point
    (the benchmark measures the editor as it runs)."""
    global _keeping
    _keeping = True


def board_built() -> None:
    """Every item of a board has been made: freeze what is alive (a no-op outside the application)."""
    global _closed
    if _keeping:
        if _closed:
            gc.collect()
            _closed = False
        gc.freeze()


def board_closed() -> None:
    """A board was closed: let the collector look at everything again (a no-op outside the application)."""
    global _closed
    if _keeping:
        gc.unfreeze()
        _closed = True


def stop_keeping() -> None:
    """Back to the collector's defaults (a test that put the policy in force)."""
    global _keeping, _closed
    _keeping = _closed = False
    gc.unfreeze()
