"""Autosave and crash recovery: unsaved changes live on in the user data folder.

Each window with unsaved changes keeps a recovery file in
``platformdirs.user_data_path("Touchline") / "recovery"`` (``$XDG_DATA_HOME/Touchline/recovery``
on Linux): ``ID.recovery.json`` holding the document's canonical text, the file it belongs
to (or none for an untitled board), its title, when it was written and how many changes
it holds. It is written ``AUTOSAVE_DELAY_MS`` after the first unsaved edit (the timer is
not restarted by later edits, so no edit waits longer) and whenever the window loses
activation; it is removed when the document is saved, undone back to its saved state,
replaced on purpose or its window is closed.

A window that has written a recovery file holds ``ID.lock`` locked (``flock``; on Windows
``msvcrt.locking``) for as long as it lives, and the kernel lets go of that lock when the
process dies, however it dies. A recovery file whose lock can be taken therefore belongs
to a session that crashed or was killed: the next start offers it (``orphans``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import isValid

import model
from canvas.translate import tr
from model.safefile import write_file

APP_NAME = "Touchline"
TypedField = tuple[str, str, object]  # (card id, field, value) typed and not yet in the document
AUTOSAVE_DELAY_MS = 10_000  # issue 6 promises "within 30 s of the last edit"
RECOVERY_SUFFIX = ".recovery.json"
LOCK_SUFFIX = ".lock"
RECOVERY_FORMAT = 1

log = logging.getLogger(__name__)


def recovery_dir() -> Path:
    """The folder of recovery files (read from the environment on every call)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "recovery"


# ---------------------------------------------------------------------- locks
class SessionLock:
    """An exclusive lock on a file that the operating system releases when the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another session (or object) holds it."""
        if self._fd is not None:
            return True
        # Recovery files hold whole boards: the folder is the user's alone.
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def __del__(self) -> None:
        # A lock nobody refers to any more is let go, not leaked with its descriptor.
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def release(self, remove: bool = True) -> None:
        """Let go of the lock, removing the lock file first when ``remove``."""
        if self._fd is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        os.close(self._fd)
        self._fd = None


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


# ---------------------------------------------------------------------- entries
@dataclass
class RecoveryEntry:
    """One recovery file of a session that ended without saving."""

    file: Path
    path: Path | None  # the document's own file; None for an untitled board
    title: str
    saved_at: float  # seconds since the epoch
    changes: int
    disk: dict[str, Any] | None  # the document file's state when it was loaded or saved
    text: str
    lock: SessionLock | None = None

    @property
    def session_id(self) -> str:
        """The id shared by the recovery file and its lock file."""
        return self.file.name.removesuffix(RECOVERY_SUFFIX)

    def document(self) -> model.Document:
        """The recovered document (LoadError if the text is unusable)."""
        return model.loads(self.text)

    def describe(self) -> str:
        """One line for the recovery dialog: title, file, time and number of changes."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        where = str(self.path) if self.path is not None else tr("never saved")
        changes = tr("%n unsaved change(s)", "", self.changes)
        return tr("“{0}” ({1}), autosaved {2}, {3}").format(self.title, where, when, changes)

    def discard(self) -> None:
        """Delete the recovery file and its lock."""
        with contextlib.suppress(OSError):
            os.unlink(self.file)
        if self.lock is not None:
            self.lock.release(remove=True)

    def release(self) -> None:
        """Keep the recovery file for the next start; let go of its lock."""
        if self.lock is not None:
            self.lock.release(remove=False)


def read_entry(file: Path) -> RecoveryEntry:
    """Read one recovery file (ValueError or OSError when it is unreadable)."""
    data = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("touchline-recovery") != RECOVERY_FORMAT:
        raise ValueError("not a Touchline recovery file")
    path = data.get("path")
    return RecoveryEntry(
        file=file,
        path=Path(path) if isinstance(path, str) else None,
        title=str(data.get("title") or "Untitled"),
        saved_at=float(data.get("saved", 0)),
        changes=int(data.get("changes", 0)),
        disk=data.get("disk") if isinstance(data.get("disk"), dict) else None,
        text=str(data["document"]),
    )


def orphans(folder: Path | None = None) -> list[RecoveryEntry]:
    """Recovery files whose session is gone, newest first; each comes with its lock held."""
    folder = folder or recovery_dir()
    try:
        files = sorted(folder.glob(f"*{RECOVERY_SUFFIX}"))
    except OSError:
        return []
    found: list[RecoveryEntry] = []
    for file in files:
        lock = SessionLock(file.with_name(file.name.removesuffix(RECOVERY_SUFFIX) + LOCK_SUFFIX))
        try:
            if not lock.acquire():
                continue  # a running session's
        except OSError as exc:
            log.warning("cannot check %s: %s", file, exc)
            continue
        try:
            entry = read_entry(file)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("unreadable recovery file %s: %s", file, exc)
            lock.release(remove=False)
            continue
        entry.lock = lock
        found.append(entry)
    found.sort(key=lambda e: e.saved_at, reverse=True)
    return found


# ---------------------------------------------------------------------- autosave
class Autosaver(QObject):
    """Keeps the recovery file of one window's document up to date."""

    written = Signal(Path)  # a recovery file was written
    removed = Signal()  # the recovery file was removed

    def __init__(self, window: QObject, delay_ms: int | None = None) -> None:
        super().__init__(window)
        self.session_id = f"{os.getpid()}-{os.urandom(4).hex()}"  # as secrets.token_hex(4), without its imports
        self._lock: SessionLock | None = None
        self._folder: Path | None = None
        self._stack: QUndoStack | None = None
        self._document: model.Document | None = None
        self.path: Path | None = None
        self.disk: dict[str, Any] | None = None
        self.base_changes = 0  # changes a recovered document already held
        self._typed: Callable[[], list[TypedField]] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS if delay_ms is None else delay_ms)
        self.timer.timeout.connect(self.write_now)
        window.installEventFilter(self)

    # -------------------------------------------------------------- state
    @property
    def file(self) -> Path | None:
        """This session's recovery file (None until the first write)."""
        return self._folder / f"{self.session_id}{RECOVERY_SUFFIX}" if self._folder is not None else None

    def set_delay(self, milliseconds: int) -> None:
        """How long after the first unsaved edit the recovery file is written."""
        self.timer.setInterval(milliseconds)

    def attach(self, stack: QUndoStack, document: model.Document, path: Path | None,
               disk: dict[str, Any] | None, typed: Callable[[], list[TypedField]] | None = None) -> None:
        """Follow a newly shown document; the previous document's recovery file goes. ``typed`` tells what is
        being typed and not yet in the document: (card id, field, value so far), a card's text typed in
        place or its text and notes in the Properties panel."""
        self._disconnect()
        self.remove()
        self._stack, self._document, self.path, self.disk = stack, document, path, disk
        self._typed = typed
        self.base_changes = 0
        stack.indexChanged.connect(self._on_edit)
        stack.cleanChanged.connect(self._on_clean_changed)
        if not stack.isClean():
            self._on_edit()

    def _disconnect(self) -> None:
        stack = self._stack
        self._stack = None
        if stack is not None and isValid(stack):
            with contextlib.suppress(RuntimeError, TypeError):
                stack.indexChanged.disconnect(self._on_edit)
            with contextlib.suppress(RuntimeError, TypeError):
                stack.cleanChanged.disconnect(self._on_clean_changed)

    def is_dirty(self) -> bool:
        """Whether the document has changes its file does not hold."""
        return self._stack is not None and isValid(self._stack) and not self._stack.isClean()

    def typed_text(self) -> list[TypedField]:
        """(card id, field, value) of what is being typed and not yet in the document; empty for nothing."""
        typed = self._typed
        return typed() if typed is not None and self._stack is not None else []

    def on_typing(self) -> None:
        """Something is being typed: written within the delay, as an edit is (a minute of typing was lost to
        a crash: nothing was in the document, so nothing was autosaved)."""
        if not self.timer.isActive() and self.typed_text():
            self.timer.start()

    def changes(self) -> int:
        """How many undo steps separate the document from its saved state (plus recovered ones)."""
        stack = self._stack
        if stack is None or not isValid(stack):
            return self.base_changes
        clean = stack.cleanIndex()
        steps = abs(stack.index() - clean) if clean >= 0 else stack.index()
        return self.base_changes + steps

    # -------------------------------------------------------------- writing
    def _on_edit(self, *_args: object) -> None:
        if self.is_dirty() and not self.timer.isActive():
            self.timer.start()  # not restarted by later edits: none waits longer than the delay

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.timer.stop()
            self.remove()
        else:
            self._on_edit()

    def write_now(self) -> Path | None:
        """Write the recovery file if there are unsaved changes; its path, or None."""
        self.timer.stop()
        typed = self.typed_text()
        if (not self.is_dirty() and not typed) or self._document is None:
            return None
        if self._lock is None or self._folder is None:
            folder = recovery_dir()
            lock = SessionLock(folder / f"{self.session_id}{LOCK_SUFFIX}")
            try:
                if not lock.acquire():
                    raise OSError("the session lock is taken")
            except OSError as exc:
                log.warning("no autosave: %s", exc)
                return None
            self._lock, self._folder = lock, folder
        record = {
            "touchline-recovery": RECOVERY_FORMAT,
            "path": str(self.path) if self.path is not None else None,
            "title": self._document.title.strip() or (self.path.name if self.path else "Untitled"),
            "saved": time.time(),
            "changes": self.changes() + bool(typed),
            "disk": self.disk,
            "document": _with_typed_text(self._document, typed),
        }
        file = self.file
        assert file is not None
        try:
            write_file(file, json.dumps(record, ensure_ascii=False).encode("utf-8"), backup=False)
        except OSError as exc:
            log.warning("no autosave: %s", exc)
            return None
        self.written.emit(file)
        return file

    def remove(self) -> None:
        """Remove the recovery file (the lock stays for the next one)."""
        self.timer.stop()
        file = self.file
        if file is not None and file.exists():
            with contextlib.suppress(OSError):
                os.unlink(file)
            self.removed.emit()

    def close(self) -> None:
        """The window is closing on purpose: remove the recovery file and let go of the lock."""
        self._disconnect()
        self.remove()
        if self._lock is not None:
            self._lock.release(remove=True)
        self._lock = None

    def abandon(self) -> None:
        """Let go of the lock but keep the recovery file, as a crash would (for tests)."""
        self.timer.stop()
        self._disconnect()
        if self._lock is not None:
            self._lock.release(remove=False)
        self._lock = None

    # -------------------------------------------------------------- Qt
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Write at once when the window loses activation (the user turns to something else)."""
        if event.type() == QEvent.Type.WindowDeactivate and (self.is_dirty() or self.typed_text()):
            self.write_now()
        return False


def _with_typed_text(document: model.Document, typed: list[TypedField]) -> str:
    """The document's text, with what is being typed put in (on a copy: the document is the editor's)."""
    text = model.dumps(document)
    if not typed:
        return text
    copy = model.loads(text)
    for card_id, field, value in typed:
        if copy.has_card(card_id):
            with contextlib.suppress(ValueError):  # not a value the card can hold: the rest is kept all the same
                copy.set_card_field(card_id, field, value)
    return model.dumps(copy)
