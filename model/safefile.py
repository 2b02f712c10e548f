"""Writing a file so that no crash, kill or full disk can cost the user the old version.

Every writer of Touchline goes through the same steps here: a save (``write_file``, what
``model.save`` does with a document's bytes, format.md), an export (``replace_file``, through
exporters.common.write_atomic, from the editor and the command line alike) and the editor's
cancellable export (``check_target``, ``write_temporary``, ``put_in_place`` one by one, the
last on the GUI thread once the user has not cancelled). Each writer had its own copy of
them once, and the copies drifted apart (a folder taken for a file, a full disk called
"cannot create", a hidden file named instead of the user's, a traceback).

1. the target is checked (``check_target``): through a symbolic link, the file it points to;
   its folder must exist; a folder or a read-only file is refused; an existing file's mode is
   read once, here, and kept (a new file gets what the umask gives);
2. stale temporary files of the same target, left by a write that was killed, are removed;
3. the new bytes (or their pieces, never joined) go to a fresh temporary file beside the
   target (``.NAME.xxxxxxxx.tmp``, created with O_EXCL, so a planted symlink is never
   followed), are flushed and fsynced;
4. a save keeps the previous version as ``.NAME.bak`` beside the target: a hard link to the
   old file (no copy, no disk space) or, where the file system has no hard links, a copy
   written the same temp-then-rename way. The backup is put in place by a rename, which
   replaces whatever sits at the backup path (a planted symlink included) instead of
   writing through it;
5. the temporary file is renamed over the target and the folder is fsynced.

A process killed at any instant therefore leaves the old file or the new one, whole.
Every failure before step 5 leaves the target untouched and removes the temporary file,
and is reported as a ``SaveError`` that says what went wrong in words (the disk is full,
the file is read-only, ...). A backup that cannot be made does not stop the save (the
user's new work matters more than the copy of the old one); it is logged.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from model.record import record

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
# The random part of a temporary name (mkstemp's 8 characters, token_hex's 8 digits);
# no dots, so the temporary files of "NAME.v2" are never taken for those of "NAME".
_RANDOM = "[A-Za-z0-9_]+"


class SaveError(OSError):
    """A document that could not be written; the old file is untouched.

    Besides its English message (the command line's), it keeps what the sentence is made of, so that a
    window can say it in its own language: ``words`` is one of SAVE_PROBLEMS' English templates, ``parts``
    the values for its {0}, {1}… (paths, and a reason from _REASONS or the system's own words).
    """

    def __init__(self, words: str, *parts: str) -> None:
        super().__init__(words.format(*parts))
        self.words, self.parts = words, parts


# The English sentences of a SaveError (the window words them in its language, app/problems.py).
NO_FOLDER = "{0}: the folder {1} does not exist"
IS_FOLDER = "{0}: is a folder"
REFUSED = "{0}: {1}; it was not changed"
CANNOT_WRITE = "{0}: cannot write: {1}; the file on disk was not changed"
CANNOT_CREATE = "{0}: cannot create a file in the folder {1} ({2}); the file on disk was not changed"
CANNOT_READ_MODE = "{0}: cannot write: {1}"
SAVE_PROBLEMS = (NO_FOLDER, IS_FOLDER, REFUSED, CANNOT_WRITE, CANNOT_CREATE, CANNOT_READ_MODE)
DISK_READ_ONLY = "the disk is read-only"
FILE_READ_ONLY = "the file is read-only"


_REASONS: dict[int, str] = {
    errno.ENOSPC: "the disk is full (no space left on device)",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: DISK_READ_ONLY,
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EFBIG: "the file is too large for this disk",
    errno.EIO: "the disk reported an input/output error",
}


def reason(exc: OSError) -> str:
    """An OSError in plain words: "the disk is full (no space left on device)" rather than errno 28."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc) or type(exc).__name__


NAME_MAX = 255  # bytes in one file name (Linux, macOS, Windows' NTFS in UTF-16 units)
RANDOM_LEN = 8  # mkstemp's random part, and token_hex(4)'s


def short_name(name: str, extra: int) -> str:
    """``name`` as it goes into a name ``extra`` bytes longer (a temporary or backup file's): whole when that
    fits NAME_MAX, else cut at a character and marked with a hash of the whole name, so that two long
    names alike at their start still differ. A 244-byte board name opened but could not be saved: its
    temporary name was 258 bytes; at 240 bytes the backup was skipped."""
    data = name.encode("utf-8", "surrogateescape")
    if len(data) + extra <= NAME_MAX:
        return name
    import hashlib

    mark = "~" + hashlib.sha1(data).hexdigest()[:8]
    return data[:NAME_MAX - extra - len(mark)].decode("utf-8", "ignore") + mark


def temp_prefix(target: str | os.PathLike[str], between: str = "") -> str:
    """The start of a temporary name beside ``target``: ``.NAME.`` (``between`` after NAME, as "bak."), the
    name shortened so that the random part and TEMP_SUFFIX still fit."""
    name = Path(target).name
    return f".{short_name(name, 2 + len(between) + RANDOM_LEN + len(TEMP_SUFFIX))}.{between}"


def backup_path(target: str | os.PathLike[str]) -> Path:
    """Where the previous version of ``target`` is kept: ``.NAME.bak`` beside it."""
    path = Path(target)
    return path.with_name(f".{short_name(path.name, 1 + len(BACKUP_SUFFIX))}{BACKUP_SUFFIX}")


def temp_pattern(target: str | os.PathLike[str]) -> re.Pattern[str]:
    """The names of the temporary files a write of ``target`` (or of its backup) creates."""
    own, backup = re.escape(temp_prefix(target)), re.escape(temp_prefix(target, between="bak."))
    return re.compile(rf"(?:{own}|{backup}){_RANDOM}\.tmp")


def stale_temps(target: str | os.PathLike[str]) -> list[Path]:
    """Temporary files beside ``target`` that a killed save or export of it left."""
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    pattern = temp_pattern(path)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / name for name in sorted(names) if pattern.fullmatch(name)]


def remove_stale_temps(target: str | os.PathLike[str]) -> None:
    """Remove what ``stale_temps`` finds; a file that cannot be removed is left."""
    for stale in stale_temps(target):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(stale).st_mode) or os.path.islink(stale):
                os.unlink(stale)


# What a file is written from: its bytes, or its pieces in order (an SVG of a 5,000-card board comes in a
# few pieces of ~1 MB, which are written one after the other: joining them would copy them all once more).
Data = bytes | bytearray | memoryview | Sequence[bytes]


@record  # not @dataclass: its code generation cost ~0.8 ms of every start (model/record.py)
class CheckedTarget:
    """A file that may be replaced, as ``check_target`` found it: what the writing steps need, looked at once."""

    path: Path  # the file to replace: through a symbolic link, the file it points to
    folder: Path  # where the temporary file goes (the same file system, so that the rename is atomic)
    mode: int  # the new file's permission bits: the existing file's, or what the umask gives a new one
    exists: bool  # whether there is an old version (a save keeps it as its backup)


def check_target(path: str | os.PathLike[str]) -> CheckedTarget:
    """Where a write to ``path`` goes, or SaveError (nothing written) when it may not or cannot go there.

    Refused: a missing folder, a folder as the target, a read-only file or disk, a file whose mode cannot
    be read (a symbolic link in a loop, an I/O error); the command line ended in a traceback on the last,
    and the other writers read the mode again later, falling back to the umask's without a word.
    """
    target = real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise SaveError(NO_FOLDER, str(target), str(folder))
    info = _existing(target)
    if info is None:
        return CheckedTarget(target, folder, 0o666 & ~umask(), exists=False)
    if stat.S_ISDIR(info.st_mode):
        raise SaveError(IS_FOLDER, str(target))  # an export renamed over it and said "Is a directory"
    mode = stat.S_IMODE(info.st_mode)
    refused = _refusal(target, mode)
    if refused:
        raise SaveError(REFUSED, str(target), refused)
    return CheckedTarget(target, folder, mode, exists=True)


def replace_file(path: str | os.PathLike[str], data: Data) -> None:
    """Replace ``path`` with ``data`` (bytes or pieces) atomically: check, write beside, rename over it.

    What every export does; a save (``write_file``) keeps a backup as well. Raises SaveError,
    an existing file untouched and no temporary file left, as ``check_target``,
    ``write_temporary`` and ``put_in_place`` say.
    """
    target = check_target(path)
    remove_stale_temps(target.path)
    put_in_place(target, write_temporary(target, data))


def write_file(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old version as the backup.

    Raises SaveError, the old file untouched, when the folder is missing, the target is
    a folder or read-only, or the data cannot be written (full disk, quota, I/O error).
    """
    target = check_target(path)
    remove_stale_temps(target.path)
    temporary = write_temporary(target, data)
    if backup and target.exists:
        with _removed_on_failure(temporary, target):
            keep_backup(target.path, data)  # never raises OSError: a save goes on without its backup
    put_in_place(target, temporary)


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` should replace: the one a symbolic link points to, not the link.

    Replaced by a rename, a link to a board in a synced folder became a file of its own, and the
    synced board never got the changes.
    """
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _refusal(target: Path, mode: int) -> str | None:
    """Why the existing file ``target`` (its permission bits ``mode``) may not be replaced: its disk is
    mounted read-only, or the file is marked read-only; None when it may be. The mode bits count too:
    root may write anywhere, but a file marked read-only was marked so by someone who meant it."""
    if os.access(target, os.W_OK) and mode & 0o222:
        return None
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return DISK_READ_ONLY
    return FILE_READ_ONLY


def keep_backup(target: Path, new_data: bytes | None = None) -> bool:
    """Keep the current ``target`` as its backup; True when a backup was made.

    Nothing is done when the file already holds ``new_data`` (the backup then keeps the
    version before, which is the one worth having). Failures are logged, never raised.
    """
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            return False
        if new_data is not None and info.st_size == len(new_data) and _read(target) == new_data:
            return False
        tmp = _link_or_copy(target, info)
    except OSError as exc:
        _warn("no backup of %s: %s", target, reason(exc))
        return False
    try:
        os.replace(tmp, backup_path(target))  # a rename: a symlink at the backup path is replaced, not followed
    except OSError as exc:
        _warn("no backup of %s: %s", target, reason(exc))
        return False
    finally:
        # Renaming one hard link over another of the same file does nothing and leaves both
        # names (POSIX rename): so it is when a save killed just before its last rename
        # left the backup linked to the file. The temporary name must go all the same.
        _unlink(tmp)
    return True


def _link_or_copy(target: Path, info: os.stat_result) -> Path:
    """A temporary name beside ``target`` holding its current content."""
    folder = target.parent if str(target.parent) else Path(".")
    prefix = temp_prefix(target, between="bak.")
    import secrets  # here, not at start: only saving needs it (with tempfile, ~5 ms of imports)

    for _ in range(16):
        name = folder / f"{prefix}{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            os.link(target, name)  # link() never follows a symlink planted at the new name: it fails
            return name
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links on this file system (FAT, some network shares): copy instead
    old = CheckedTarget(target, folder, stat.S_IMODE(info.st_mode), exists=True)
    return write_temporary(old, _read(target), between="bak.")


def write_temporary(target: CheckedTarget, data: Data, between: str = "") -> Path:
    """``data`` (bytes, or pieces written one after the other) in a new, fsynced temporary file beside
    ``target``, with the mode it is to have; SaveError (nothing left behind) on failure.

    ``between``: what the temporary name has after the target's ("bak." for the copy that becomes the
    backup, ``_link_or_copy``). The editor's export calls this in its worker thread and ``put_in_place`` on the GUI
    thread, once the user has not cancelled.
    """
    try:
        import tempfile  # here, not at start: only writing needs it

        fd, name = tempfile.mkstemp(prefix=temp_prefix(target.path, between), suffix=TEMP_SUFFIX, dir=target.folder)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            # The new version is written beside the file first: a writable file in a folder that takes
            # no new file said only "permission denied", and its owner found the file writable.
            raise SaveError(CANNOT_CREATE, str(target.path), str(target.folder), reason(exc)) from None
        # A full disk is a full disk, whether it fails the new file or its first byte (the exports said
        # "cannot create a file in the folder" for it).
        raise SaveError(CANNOT_WRITE, str(target.path), reason(exc)) from None
    temporary = Path(name)
    with _removed_on_failure(temporary, target):
        try:
            for piece in (data,) if isinstance(data, bytes | bytearray | memoryview) else data:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view):]
            os.fsync(fd)  # on the disk before the rename makes it the file
        finally:
            os.close(fd)
        os.chmod(temporary, target.mode)
    return temporary


def put_in_place(target: CheckedTarget, temporary: Path) -> None:
    """Rename ``temporary`` (from ``write_temporary``) over ``target`` and make the rename durable; on
    failure the temporary file is removed and SaveError raised, the old file untouched."""
    with _removed_on_failure(temporary, target):
        os.replace(temporary, target.path)
    fsync_folder(target.folder)


@contextlib.contextmanager
def _removed_on_failure(temporary: Path, target: CheckedTarget) -> Iterator[None]:
    """Remove ``temporary`` if the steps inside fail: an OSError becomes SaveError (cannot write ``target``),
    anything else (Ctrl+C) goes on as it was."""
    try:
        yield
    except OSError as exc:
        _unlink(temporary)
        raise SaveError(CANNOT_WRITE, str(target.path), reason(exc)) from None
    except BaseException:
        _unlink(temporary)
        raise


def _existing(target: Path) -> os.stat_result | None:
    """``target``'s status, None when there is no such file; SaveError when it cannot be told."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SaveError(CANNOT_READ_MODE, str(target), reason(exc)) from None


def _read(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def umask() -> int:
    """The process's umask (new files get 0o666 minus it)."""
    try:  # Linux tells the umask without changing it (os.umask would race other threads)
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable, where the platform lets a folder be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _warn(message: str, *args: object) -> None:
    """A warning in the log. ``logging`` is imported here, when one is written: it was ~5 ms of every
    start and of every command-line export before its fork (issue 9), for two rare warnings."""
    import logging

    logging.getLogger(__name__).warning(message, *args)
