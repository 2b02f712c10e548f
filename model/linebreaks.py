"""Where a line may break inside text written without spaces between words: Thai, Lao, Khmer, Myanmar.

These scripts run a sentence's words together; a line breaks between words, and only a dictionary knows
where one ends. The wrapper (model.wrapping) cut such a run wherever the card's edge fell, between two
letters of one word ("แอปพลิเคชั" / "น": "applicatio" / "n"). ICU, the Unicode library Qt itself is built
on, has those dictionaries in its line-break iterator; it is read here through ctypes from the copy the
PySide6 wheel ships (Qt/lib/libicuuc.so.NN) or the system's (libicuuc), without importing Qt: the command
line's exports stay Qt-free. Where neither is found (PySide6's Windows and macOS wheels ship no ICU), such a
run is cut between clusters as before, and the board still draws the same on screen and in its exports.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

# Thai, Lao, Myanmar (and its extensions), Khmer (and its symbols): written without spaces between words.
_SPACELESS = "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f]"
FIRST_SPACELESS = "\u0e00"  # text whose characters all come before it has none
_LINE_BREAKS = 2  # ICU's UBRK_LINE
_DONE = -1  # ICU's UBRK_DONE


def spaceless(text: str) -> bool:
    """Whether ``text`` holds a letter of a script written without spaces between words."""
    return _spaceless_pattern().search(text) is not None


@functools.cache
def _spaceless_pattern() -> re.Pattern[str]:
    """Compiled on first use (~0.7 ms: every start imports this module, few boards need it)."""
    return re.compile(_SPACELESS)


@functools.lru_cache(maxsize=8192)  # a board repeats its words; each is looked up once
def word_pieces(run: str) -> tuple[str, ...]:
    """``run`` (text without spaces) cut where a line may break: between its words. ``(run,)`` without ICU."""
    breaks = _icu_line_breaks()
    if breaks is None or not spaceless(run):
        return (run,)
    ends = breaks(run)
    return tuple(run[start:end] for start, end in zip([0, *ends], ends, strict=False) if end > start)


@functools.cache
def _icu_line_breaks() -> Callable[[str], list[int]] | None:
    """ICU's line-break iterator as a function of a text to the offsets where a line may end; None if no ICU."""
    import ctypes  # here: only a board with such text needs it, and every start imports this module

    for path in _icu_libraries():
        version = path.rsplit(".so.", 1)[-1].split(".")[0] if ".so." in path else ""
        try:
            library = ctypes.CDLL(path)
            suffix = f"_{version}" if version.isdigit() else ""  # ICU names its C functions with its version
            open_iterator = getattr(library, f"ubrk_open{suffix}")
            next_break = getattr(library, f"ubrk_next{suffix}")
            close_iterator = getattr(library, f"ubrk_close{suffix}")
        except (OSError, AttributeError):
            continue
        open_iterator.restype = ctypes.c_void_p
        open_iterator.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int32,
                                  ctypes.POINTER(ctypes.c_int)]
        next_break.restype = ctypes.c_int32
        next_break.argtypes = [ctypes.c_void_p]
        close_iterator.restype = None
        close_iterator.argtypes = [ctypes.c_void_p]

        def line_breaks(text: str, open_iterator=open_iterator, next_break=next_break,
                        close_iterator=close_iterator) -> list[int]:
            # A lone surrogate (half an emoji, pasted) is one unit, as ICU reads it: "strict" raised on it.
            encoded = text.encode("utf-16-le", "surrogatepass")
            units = ctypes.create_string_buffer(encoded, len(encoded))  # ICU reads it in place: kept alive here
            status = ctypes.c_int(0)
            iterator = open_iterator(_LINE_BREAKS, b"", units, len(encoded) // 2, ctypes.byref(status))
            if status.value > 0 or not iterator:  # an error (warnings are negative)
                return [len(text)]
            ends: list[int] = []
            try:
                while (end := next_break(iterator)) != _DONE:
                    ends.append(end)
            finally:
                close_iterator(iterator)
            return _code_points(text, ends) if len(encoded) // 2 != len(text) else ends

        try:
            if line_breaks("กาแฟร้อน")[-1] == len("กาแฟร้อน"):  # the library answers as ICU does
                return line_breaks
        except (OSError, ValueError):
            continue
    return None


def _icu_libraries() -> list[str]:
    """Candidate ICU common libraries: the one in the PySide6 wheel first (what Qt draws with), the system's."""
    import ctypes.util
    import glob
    import importlib.util
    import os

    found: list[str] = []
    spec = importlib.util.find_spec("PySide6")  # where the package is, without importing it
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        found += sorted(glob.glob(os.path.join(folder, "Qt", "lib", "libicuuc.so.[0-9]*")))
    system = ctypes.util.find_library("icuuc")
    if system:
        found.append(system)
    return found


def _code_points(text: str, units: list[int]) -> list[int]:
    """UTF-16 offsets into ``text`` (an emoji is two units) as offsets of its code points."""
    index_of_unit: dict[int, int] = {}
    unit = 0
    for index, character in enumerate(text):
        index_of_unit[unit] = index
        unit += 2 if ord(character) > 0xFFFF else 1
    index_of_unit[unit] = len(text)
    return [index_of_unit[u] for u in units if u in index_of_unit]
