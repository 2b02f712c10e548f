"""Import PySide6 for the editor without its scan of every module's source.

Importing PySide6 replaces ``__import__`` with a hook for its opt-in ``from __feature__
import snake_case, true_property``. After every import the hook records, once per module,
whether the module "uses PySide": it reads the module's whole source
(``inspect.getsource``) and searches it for the word ``PySide6``. Starting the editor
imports some 500 modules after PySide6, and that scan was about a tenth of the time to the
first paint.

The answer only chooses a module's default feature set: 0 ("no features") or -1 ("ignore
this module"); both leave Qt's classes as they are unless some module imports
``__feature__``, which no module of Touchline does and which sets its own module's entry
explicitly. So the scan is skipped: every module is recorded as -1 without reading it.
PySide6's own modules keep the original check. Where a later PySide6 no longer has the
hook, nothing is changed.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

_PYSIDE_PACKAGES = ("PySide6", "shiboken6", "shibokensupport", "__feature__")


def import_qt() -> None:
    """Import PySide6's core module, then stop its per-module source scan (see the module docstring)."""
    from app.qt_support import SWITCH, guard_written_out

    switch = os.environ.get(SWITCH)
    guard_written_out()  # support modules written out for another PySide6 are not used (app/qt_support.py)
    import PySide6.QtCore  # noqa: F401  # installs the import hook

    if switch is None:
        os.environ.pop(SWITCH, None)  # this process's choice only: not its children's

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "_touchline", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        if getattr(module, "__name__", "").partition(".")[0] in _PYSIDE_PACKAGES:
            return bool(original(module))
        return False

    uses_pyside._touchline = True  # type: ignore[attr-defined]  # installed once
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]  # a private hook, on a plain ModuleType
