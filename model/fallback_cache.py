"""What fontconfig answered for a character, remembered on disk between runs (issue 9, start-up).

Finding the fallback font of one character costs a ``fc-match --sort`` process and reading
the chosen font's cmap and advances (~40 ms of a start whose board shows a single "→").
The answer depends only on which fonts are installed, so it is kept in the user's cache
folder and reused while fontconfig's font list is unchanged:

- the file holds the *signature* of that list: the modification times of the font folders
  and of fontconfig's cache folders (installing or removing a font changes a folder, and
  ``fc-cache`` rewrites its caches), plus ``FONTCONFIG_FILE``/``FONTCONFIG_PATH``; a file with
  another signature is ignored and rewritten;
- each remembered font also keeps its file's size and modification time, checked before use.

The cache is only a shortcut: any failure to read or write it means asking fontconfig, as
without it. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

FORMAT = 2  # 2: complex scripts asked with their language (model.shaping.script_language)
FILE_NAME = "fallback-fonts.json"
# Where fontconfig finds fonts and keeps its caches on Linux; a change in any of them may change its answers.
_FONT_LIST_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
                      "/var/cache/fontconfig", "$XDG_CACHE_HOME/fontconfig", "~/.cache/fontconfig",
                      "$XDG_DATA_HOME/fonts")

# A remembered font: path, index within the file, family, units per em, {code point: advance}.
FontRecord = tuple[str, int, str, int, dict[int, int]]


def cache_file() -> Path:
    """The cache file, in the user's cache folder (``XDG_CACHE_HOME`` on Linux)."""
    from platformdirs import user_cache_dir  # only when a character needs a fallback font

    return Path(user_cache_dir("touchline", appauthor=False)) / FILE_NAME


def font_list_signature() -> list[object]:
    """What changes when fontconfig's font list may have changed (see the module's note)."""
    signature: list[object] = [FORMAT, os.environ.get("FONTCONFIG_FILE", ""), os.environ.get("FONTCONFIG_PATH", "")]
    for folder in _FONT_LIST_FOLDERS:
        path = os.path.expanduser(os.path.expandvars(folder))
        if "$" in path:
            continue  # the variable is not set: its usual place is listed too
        try:
            signature.append([path, os.stat(path).st_mtime_ns])
        except OSError:
            signature.append([path, None])
    return signature


def _file_stamp(path: str) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


class FallbackCache:
    """The remembered answers: which font draws a character (or that none does), and those fonts."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._signature = font_list_signature()
        self._queries: dict[str, list[object] | None] = {}
        self._fonts: dict[str, dict[str, object]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("signature") == self._signature:
                self._queries = dict(data["queries"])
                self._fonts = dict(data["fonts"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no cache yet, or one we cannot read: fontconfig answers

    @staticmethod
    def _query_key(code: int, bold: bool) -> str:
        return f"{code}:{int(bold)}"

    def lookup(self, code: int, bold: bool) -> tuple[bool, FontRecord | None]:
        """(known, font): ``known`` False when fontconfig must be asked; font None when no font has it."""
        key = self._query_key(code, bold)
        if key not in self._queries:
            return False, None
        answer = self._queries[key]
        if answer is None:
            return True, None
        try:
            path, index = str(answer[0]), int(answer[1])  # type: ignore[call-overload]
            record = self._fonts[f"{path}\t{index}"]
            if record["stamp"] != _file_stamp(path):
                return False, None  # the file changed or went away: ask again
            codes, widths = record["codes"], record["widths"]
            advances = dict(zip(codes, widths, strict=True))  # type: ignore[call-overload]
            return True, (path, index, str(record["family"]), int(record["upem"]),  # type: ignore[call-overload]
                          advances)
        except (KeyError, TypeError, ValueError, IndexError):
            return False, None

    def remember(self, code: int, bold: bool, font: FontRecord | None) -> None:
        """Keep fontconfig's answer for ``code`` and write the file (best effort)."""
        key = self._query_key(code, bold)
        if font is None:
            self._queries[key] = None
        else:
            path, index, family, upem, advances = font
            self._queries[key] = [path, index]
            font_key = f"{path}\t{index}"
            if font_key not in self._fonts:
                self._fonts[font_key] = {"stamp": _file_stamp(path), "family": family, "upem": upem,
                                         "codes": list(advances), "widths": list(advances.values())}
        self._write()

    def _write(self) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self._path.parent):
                # Another process may have written answers since this one read the file: they are
                # kept (each process wrote only what it knew, and the last one's file lost the rest:
                # a start then asked fontconfig again, ~40 ms). Under the lock, so none is lost.
                self._merge_written()
                data = {"signature": self._signature, "queries": self._queries, "fonts": self._fonts}
                partial = self._path.with_name(f"{self._path.name}.{os.getpid()}.partial")
                partial.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
                os.replace(partial, self._path)  # never a half-written cache, even with two processes
        except OSError:
            pass  # a read-only or full disk: the next run asks fontconfig again

    def _merge_written(self) -> None:
        """Take in the answers the file holds now for the same font list; this process's own win."""
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            if data.get("signature") != self._signature:
                return
            queries, fonts = dict(data["queries"]), dict(data["fonts"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return
        self._queries = {**queries, **self._queries}
        self._fonts = {**fonts, **self._fonts}


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One writer at a time: an advisory lock on the cache's folder (no lock file left beside the cache).
    Where there is no fcntl (Windows), none is taken: the merge alone narrows the race."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock
