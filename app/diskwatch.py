"""Noticing that the open file was changed on disk by another program or a sync tool.

A QFileSystemWatcher watches the file and its folder (editors and sync tools replace a
file by renaming another over it, after which a watch on the old file is gone), and the
window asks for a check whenever it is activated, since a watcher can miss changes (network
folders, a burst of renames). Every check compares the file with the state recorded when
the document was loaded or last saved: first by ``stat`` (size, time, inode), then, when
those differ, by a SHA-256 of the content, so a ``touch`` or a sync that rewrites the same
bytes is not taken for a change.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 150

DiskState = dict[str, Any]


def disk_state(path: Path | None) -> DiskState | None:
    """What identifies the file's current version: stat fields and a content hash; None when absent."""
    if path is None:
        return None
    try:
        info = os.stat(path)
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns, "ino": info.st_ino, "dev": info.st_dev,
            "sha256": digest.hexdigest()}


def _same_stat(a: DiskState, b: os.stat_result) -> bool:
    return (a.get("size"), a.get("mtime_ns"), a.get("ino"), a.get("dev")) == (
        b.st_size, b.st_mtime_ns, b.st_ino, b.st_dev)


class DiskWatcher(QObject):
    """Watches one file; ``poked`` is emitted (debounced) when it or its folder may have changed."""

    poked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.baseline: DiskState | None = None  # the version the document was loaded from or saved as
        self.dismissed: DiskState | None = None  # a version the user chose to keep their own over
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule)
        self._watcher.directoryChanged.connect(self._schedule)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._rewatch)
        self._timer.timeout.connect(self.poked)

    def watch(self, path: Path | None, baseline: DiskState | None = None) -> None:
        """Follow ``path`` (None: nothing); its present state is the baseline unless one is given."""
        for paths in (self._watcher.files(), self._watcher.directories()):
            if paths:
                self._watcher.removePaths(paths)
        self.path = path
        self.dismissed = None
        self.baseline = baseline if baseline is not None else disk_state(path)
        self._rewatch()

    def _rewatch(self) -> None:
        if self.path is None:
            return
        for item in (str(self.path), str(self.path.parent)):
            if os.path.exists(item) and item not in self._watcher.files() + self._watcher.directories():
                self._watcher.addPath(item)

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    def current(self) -> DiskState | None:
        """The file's state now (None when it is gone)."""
        return disk_state(self.path)

    def differs(self, state: DiskState | None = None) -> bool:
        """Whether the file on disk is another version than the baseline."""
        if self.path is None:
            return False
        if state is None:
            try:
                info = os.stat(self.path)
            except OSError:
                return self.baseline is not None
            if self.baseline is not None and _same_stat(self.baseline, info):
                return False
            state = self.current()
        if state is None or self.baseline is None:
            return state is not self.baseline
        if state.get("sha256") == self.baseline.get("sha256"):
            self.baseline = state  # the same bytes rewritten (touch, a sync): not a change
            return False
        return True
