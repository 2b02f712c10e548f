"""``tr()``: the one door user-visible strings of canvas/ and app/ go through (issue 10, point 7).

A module-level ``tr("text")`` is what pyside6-lupdate collects (``make translations``),
all in one context, so a string is translated once wherever it appears; at run time it
looks the text up in the installed catalogues (app/i18n.py) and returns it unchanged
when there is none. Text with values in it is translated first and filled in after,
``tr("Opened {0}").format(name)``, so a translation can move the value; a count uses Qt's
plural forms, ``tr("%n cards", "", count)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

CONTEXT = ""  # the context pyside6-lupdate gives module-level tr() calls

# Marks a string for pyside6-lupdate and returns it unchanged, to be tr()-ed where shown.
# PySide6's own, typed as what it does: its stub says object -> object, so every marked
# string was an object to mypy. Imported under this name so lupdate still collects the calls.
QT_TRANSLATE_NOOP = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface language; English plurals ("1 card", "2 cards") without a catalogue."""
    result = QCoreApplication.translate(CONTEXT, text, disambiguation, n)
    if n >= 0 and "(s)" in result:  # the source text itself: English, written "%n card(s)"
        result = result.replace("(s)", "" if n == 1 else "s")
    return result
