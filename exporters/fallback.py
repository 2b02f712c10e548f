"""Fallback fonts for the PDF: system fonts, found with fontconfig, for characters Noto Sans lacks.

reportlab draws a character its font does not have as an invisible ``.notdef`` glyph and
drops it from the text layer, silently (an arrow ``→`` in a card simply vanished). Qt and
SVG renderers fall back to another installed font by themselves; this module gives the
PDF exporter the same: for a missing character it asks ``fc-match`` for candidates and
takes the first TrueType-outline font (reportlab cannot embed CFF outlines) whose cmap
has it. Without fontconfig (Windows, macOS) there is no fallback and the character is
left out, with a logged warning.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache

from fontTools.ttLib import TTFont as FontToolsFont
from fontTools.ttLib import TTLibError

from model.fonts import FONT_FAMILY

log = logging.getLogger(__name__)

MAX_CANDIDATES = 24  # fonts examined per query; fc-match sorts the likely ones first
FC_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class FallbackFont:
    """A font file (and index within a collection) that reportlab can embed."""

    path: str
    index: int
    cmap: frozenset[int] = field(compare=False, repr=False)


class FallbackFinder:
    """Finds and remembers fallback fonts; one instance serves a whole process."""

    def __init__(self) -> None:
        self._fonts: dict[bool, list[FallbackFont]] = {False: [], True: []}
        self._rejected: set[tuple[str, int]] = set()
        self._missing: set[tuple[int, bool]] = set()
        self._warned: set[int] = set()

    def font_for(self, ch: str, bold: bool) -> FallbackFont | None:
        """A font that has ``ch`` (bold face preferred when ``bold``), or None."""
        code = ord(ch)
        for font in self._fonts[bold]:
            if code in font.cmap:
                return font
        if (code, bold) in self._missing:
            return None
        found = self._search(code, bold)
        if found is None:
            self._missing.add((code, bold))
            if code not in self._warned:
                self._warned.add(code)
                log.warning("no installed font can draw U+%04X %r in the PDF; it is left out", code, ch)
        return found

    def _search(self, code: int, bold: bool) -> FallbackFont | None:
        for path, index in _fc_candidates(code, bold):
            if (path, index) in self._rejected:
                continue
            known = next((f for f in self._fonts[bold] if (f.path, f.index) == (path, index)), None)
            if known is not None:
                continue  # already checked: it lacks this character
            cmap = _embeddable_cmap(path, index)
            if cmap is None:
                self._rejected.add((path, index))
                continue
            font = FallbackFont(path, index, cmap)
            self._fonts[bold].append(font)
            if code in cmap:
                return font
        return None


@cache
def finder() -> FallbackFinder:
    """The process-wide fallback finder."""
    return FallbackFinder()


def _fc_candidates(code: int, bold: bool) -> list[tuple[str, int]]:
    """Font files fontconfig suggests for the character, best first."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return []
    pattern = f"{FONT_FAMILY}:charset={code:x}" + (":weight=bold" if bold else "")
    try:
        result = subprocess.run(
            [fc_match, "--sort", "--format", "%{file}\t%{index}\n", pattern],
            capture_output=True, text=True, timeout=FC_TIMEOUT, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    candidates: list[tuple[str, int]] = []
    for line in result.stdout.splitlines():
        path, _, index = line.partition("\t")
        if path.lower().endswith((".ttf", ".ttc", ".otf", ".otc")):
            candidates.append((path, int(index) if index.isdigit() else 0))
        if len(candidates) >= MAX_CANDIDATES:
            break
    return candidates


def _embeddable_cmap(path: str, index: int) -> frozenset[int] | None:
    """The code points of a font with TrueType outlines, or None when reportlab could not embed it."""
    try:
        font = FontToolsFont(path, fontNumber=index, lazy=True)
        try:
            if "glyf" not in font or "cmap" not in font:
                return None
            return frozenset(font.getBestCmap() or {})
        finally:
            font.close()
    except (OSError, TTLibError, AssertionError, KeyError, ValueError):
        return None
