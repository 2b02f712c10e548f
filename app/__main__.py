"""``python -m app``: the ``touchline`` command."""

import gc

# Starting makes long-lived objects only (modules, classes, Qt's wrappers, the board and its
# window): the cyclic collector's passes over them free nothing and were ~2.4 % of the
# instructions to the example's first paint (issue 9). Collection is off from here on; the
# editor turns it back on once its board has been painted (app/gui.py, resume_collection), and
# a one-shot command runs to its exit without it (as app/cli.py's collector_paused had it).
gc.disable()

from app.cli import main, quick_exit  # noqa: E402  (after the collector is off: the imports are the start)

if __name__ == "__main__":
    quick_exit(main())
