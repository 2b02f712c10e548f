"""Saving never loses the old file (issue 6, promises 1 and 2).

A saving child process is SIGKILLed at random moments: the file is always the old or the
new version, whole, and a temporary file the kill left is removed by the next save. A
full disk, a read-only file or disk and a missing folder give a clear SaveError and
leave the old file as it was. Every save keeps the previous version as ``.NAME.bak``,
and a symlink planted at that path is replaced, never written through.

``TOUCHLINE_KILL_ROUNDS=1000 pytest tests/test_save_safety.py -k kill`` runs a longer
kill test (``make stress``).
"""

from __future__ import annotations

import errno
import logging
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import model
from model import Card, Document, Lane, SaveError, Stage, dumps, loads, save
from model.safefile import backup_path, stale_temps

KILL_ROUNDS = int(os.environ.get("TOUCHLINE_KILL_ROUNDS", "60"))


def big_document(tag: str, cards: int = 1500) -> Document:
    """A document of about 600 KB whose every card says which version it belongs to."""
    doc = Document(f"Version {tag}")
    doc.add_stage(Stage("s1", "Stage"))
    doc.add_lane(Lane("l1", "Lane", "customer"))
    text = f"{tag} 漢字 مرحبا <&> " * 12
    for i in range(cards):
        doc.add_card(Card(f"c{i}", "l1", "s1", f"{i} {text}"))
    return doc


def small_document(title: str) -> Document:
    doc = Document(title)
    doc.add_stage(Stage("s1", "Stage"))
    doc.add_lane(Lane("l1", "Lane", "customer"))
    doc.add_card(Card("c1", "l1", "s1", title))
    return doc


# ---------------------------------------------------------------------- kill during save
def _saving_child(path: Path, docs: tuple[Document, Document], ready: int) -> None:
    """Save the two versions over ``path`` in turn until killed (runs in a forked child)."""
    try:
        os.write(ready, b"r")
        turn = 0
        while True:
            save(docs[turn % 2], path)
            turn += 1
    finally:
        os._exit(0)  # never return into pytest


def _start_child(path: Path, docs: tuple[Document, Document]) -> int:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        _saving_child(path, docs, write_end)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], 10)
    assert ready, "the saving child did not start"
    os.read(read_end, 1)
    os.close(read_end)
    return pid


def _kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the child ended before the kill"


def _wait_for_temp(path: Path, timeout: float) -> bool:
    """Poll the folder until a save's temporary file shows up (the child is writing)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if stale_temps(path):
            return True
    return False


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks a saving child (POSIX only)")
def test_sigkill_at_random_moments_leaves_old_or_new_file_whole(tmp_path: Path) -> None:
    docs = (big_document("A"), big_document("B"))
    texts = tuple(dumps(d).encode("utf-8") for d in docs)
    path = tmp_path / "board.touchline"
    started = time.perf_counter()
    save(docs[0], path)
    save_time = time.perf_counter() - started  # a save's length sets the kill delays
    rng = random.Random(6)
    outcomes = {"A": 0, "B": 0, "temp left": 0, "mid-write kills": 0}
    for round_ in range(KILL_ROUNDS):
        pid = _start_child(path, docs)
        if round_ % 2 and _wait_for_temp(path, timeout=5 * save_time + 1):
            # Aimed: the child is between creating its temporary file and the rename.
            outcomes["mid-write kills"] += 1
            time.sleep(rng.uniform(0, save_time / 4))
        else:
            time.sleep(rng.uniform(0, 2.5 * save_time))  # anywhere in about two saves
        _kill(pid)
        data = path.read_bytes()
        assert data in texts, f"round {round_}: the file is neither version whole ({len(data)} bytes)"
        outcomes["A" if data == texts[0] else "B"] += 1
        backup = backup_path(path)
        if backup.exists():
            assert backup.read_bytes() in texts, f"round {round_}: the backup is neither version whole"
        if stale_temps(path):
            outcomes["temp left"] += 1
            save(docs[round_ % 2], path)  # the next save of the file removes what the kill left
            assert stale_temps(path) == [], f"round {round_}: the next save left {stale_temps(path)}"
            assert path.read_bytes() == texts[round_ % 2]
    assert loads(path.read_bytes()).title in ("Version A", "Version B")
    sys.stderr.write(f"kill test: {KILL_ROUNDS} SIGKILLs, {outcomes}\n")
    assert outcomes["mid-write kills"] >= KILL_ROUNDS // 4, "too few kills landed inside a save to mean anything"
    assert outcomes["temp left"] >= 1, "no kill landed between temp file and rename"
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert len(leftovers) <= 2 + 2, leftovers  # the file, its backup, at most one temp of each kind


# ---------------------------------------------------------------------- full disk
@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs, mounted for the test (needs root and a kernel that allows it)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; the ENOSPC tests below cover a full disk without it")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip() or result.returncode}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_full_disk_on_a_real_tmpfs(tiny_disk: Path) -> None:
    path = tiny_disk / "board.touchline"
    save(small_document("old"), path)
    old = path.read_bytes()
    _fill(tiny_disk)
    with pytest.raises(SaveError, match="the disk is full") as info:
        save(big_document("new", cards=400), path)
    assert "was not changed" in str(info.value)
    assert path.read_bytes() == old
    assert stale_temps(path) == []
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["board.touchline", "filler"]


def test_read_only_disk_on_a_real_tmpfs(tiny_disk: Path) -> None:
    path = tiny_disk / "board.touchline"
    save(small_document("old"), path)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    # The disk named, not the file: its owner found the file writable and was stuck.
    with pytest.raises(SaveError, match="the disk is read-only; it was not changed"):
        save(small_document("new"), path)
    assert loads(path.read_bytes()).title == "old"


def _raise_enospc(*_args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_full_disk_simulated_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("old"), path)
    save(small_document("older"), path)
    save(small_document("old"), path)
    old, old_backup = path.read_bytes(), backup_path(path).read_bytes()
    real_write = os.write
    calls = []

    def write_some_then_fail(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) > 1:  # the first chunk goes through, as on a disk that fills up mid-file
            _raise_enospc()
        return real_write(fd, bytes(data)[:1000])

    with monkeypatch.context() as patch:
        if call == "write":
            patch.setattr(os, "write", write_some_then_fail)
        else:
            patch.setattr(os, "fsync", _raise_enospc)
        with pytest.raises(SaveError) as info:
            save(big_document("new", cards=50), path)
    message = str(info.value)
    assert str(path) in message and "the disk is full" in message and "was not changed" in message
    assert path.read_bytes() == old
    assert backup_path(path).read_bytes() == old_backup, "a failed save leaves the backup alone too"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".board.touchline.bak", "board.touchline"]


def test_failing_rename_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("old"), path)
    old = path.read_bytes()
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == path:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(SaveError, match="input/output error"):
        save(small_document("new"), path)
    assert path.read_bytes() == old
    assert stale_temps(path) == []


# ---------------------------------------------------------------------- read-only, missing folder
def test_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("old"), path)
    old = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(SaveError, match="the file is read-only; it was not changed"):
        save(small_document("new"), path)
    assert path.read_bytes() == old
    assert path.stat().st_mode & 0o777 == 0o444
    assert stale_temps(path) == []


def test_a_save_through_a_symbolic_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    """A link to a board in a synced folder became a file of its own at the first save; the synced board
    never got the changes."""
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    board = synced / "board.touchline"
    save(small_document("old"), board)
    link = tmp_path / "board-link.touchline"
    link.symlink_to(board)
    save(small_document("new"), link)
    assert link.is_symlink() and link.resolve() == board.resolve()
    assert loads(board.read_bytes()).title == "new"
    assert loads(backup_path(board).read_bytes()).title == "old"  # the backup beside the real file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dropbox", "board-link.touchline"]


def test_a_folder_that_takes_no_new_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writable file in a folder that lets nobody create a file: "permission denied" alone sent its owner
    to the file, which was writable (root ignores a folder's mode, so the refusal is simulated)."""
    import tempfile

    path = tmp_path / "board.touchline"
    save(small_document("old"), path)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError, match=r"cannot create a file in the folder .* \(permission denied\); "
                                        "the file on disk was not changed"):
        save(small_document("new"), path)
    assert loads(path.read_bytes()).title == "old"


@pytest.mark.parametrize("name", ["b" * 234 + ".touchline", "b" * 240 + ".touchline", "顧" * 80 + ".touchline"])
def test_a_long_file_name_that_opens_can_be_saved_with_its_backup(tmp_path: Path, name: str) -> None:
    """A 244-byte name (the limit is 255) opened but Save failed ("the file name is too long"): its temporary
    name added 14 bytes. At 240 bytes the save went through without its backup."""
    from model.safefile import temp_prefix

    path = tmp_path / name
    save(small_document("old"), path)
    stale = tmp_path / f"{temp_prefix(path)}deadbeef.tmp"  # what a killed save of it leaves
    stale.write_bytes(b"half")
    save(small_document("new"), path)
    assert loads(path.read_bytes()).title == "new"
    assert loads(backup_path(path).read_bytes()).title == "old"
    assert all(len(p.name.encode()) <= 255 for p in tmp_path.iterdir())
    assert sorted(tmp_path.iterdir()) == sorted([path, backup_path(path)])  # the stale part went too


def test_two_long_names_alike_at_their_start_keep_apart_temporary_names(tmp_path: Path) -> None:
    from model.safefile import temp_prefix

    first, second = tmp_path / ("b" * 246 + "1.touchline"), tmp_path / ("b" * 246 + "2.touchline")
    assert temp_prefix(first) != temp_prefix(second) and backup_path(first) != backup_path(second)


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="does not exist"):
        save(small_document("x"), tmp_path / "missing" / "board.touchline")
    (tmp_path / "dir.touchline").mkdir()
    with pytest.raises(SaveError, match="is a folder"):
        save(small_document("x"), tmp_path / "dir.touchline")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.touchline"]


def test_save_error_is_an_os_error_and_the_same_class_everywhere() -> None:
    from model import fileformat, safefile

    assert model.SaveError is fileformat.SaveError is safefile.SaveError
    assert issubclass(SaveError, OSError)


def test_new_file_gets_the_umask_mode_and_existing_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("a"), path)
    mask = os.umask(0o022)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    path.chmod(0o600)
    save(small_document("b"), path)
    assert path.stat().st_mode & 0o777 == 0o600


# ---------------------------------------------------------------------- backup
def test_each_save_keeps_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "board.touchline"
    backup = tmp_path / ".board.touchline.bak"
    assert backup_path(path) == backup
    save(small_document("one"), path)
    assert not backup.exists(), "a first save has no previous version"
    save(small_document("two"), path)
    assert loads(backup.read_bytes()).title == "one"
    save(small_document("three"), path)
    assert loads(backup.read_bytes()).title == "two"
    assert loads(path.read_bytes()).title == "three"
    save(small_document("three"), path)  # unchanged: the backup keeps the version before
    assert loads(backup.read_bytes()).title == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".board.touchline.bak", "board.touchline"]


def test_backup_is_independent_of_the_new_file(tmp_path: Path) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("one"), path)
    path.chmod(0o640)
    save(small_document("two"), path)
    backup = backup_path(path)
    assert not os.path.samefile(path, backup)
    assert backup.stat().st_mode & 0o777 == 0o640, "the backup is as private as the file was"


def test_save_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("one"), path)
    save(small_document("two"), path, backup=False)
    assert not backup_path(path).exists()


@pytest.mark.parametrize("hard_links", [True, False], ids=["linked", "copied"])
def test_symlink_at_the_backup_path_is_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     hard_links: bool) -> None:
    if not hard_links:
        def no_links(*_args: object, **_kwargs: object) -> None:
            raise OSError(errno.EPERM, "no hard links here")

        monkeypatch.setattr(os, "link", no_links)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    path = tmp_path / "board.touchline"
    save(small_document("one"), path)
    backup = backup_path(path)
    backup.symlink_to(victim)
    save(small_document("two"), path)
    assert victim.read_text() == "precious", "the save wrote through a planted symlink"
    assert not backup.is_symlink()
    assert loads(backup.read_bytes()).title == "one"
    assert loads(path.read_bytes()).title == "two"


def test_dangling_symlink_at_the_backup_path(tmp_path: Path) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("one"), path)
    backup_path(path).symlink_to(tmp_path / "would-be-created")
    save(small_document("two"), path)
    assert not (tmp_path / "would-be-created").exists()
    assert loads(backup_path(path).read_bytes()).title == "one"


def test_backup_that_cannot_be_made_does_not_stop_the_save(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "board.touchline"
    save(small_document("one"), path)
    backup_path(path).mkdir()  # nothing can be renamed over a folder
    with caplog.at_level(logging.WARNING, logger="model.safefile"):
        save(small_document("two"), path)
    assert loads(path.read_bytes()).title == "two"
    assert "no backup of" in caplog.text
    assert stale_temps(path) == []


def test_temporary_files_of_other_files_are_left_alone(tmp_path: Path) -> None:
    """Temporary names of other files are never taken for this file's (no dots in the random part)."""
    path = tmp_path / "board.touchline"
    other = tmp_path / ".board.touchline.v2.abcdefgh.tmp"  # a temp of "board.touchline.v2"
    other.write_text("someone else's save in progress")
    save(small_document("one"), path)
    assert other.exists()


def test_backup_already_linked_to_the_file_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A save killed between making the backup link and its last rename leaves the backup and
    the file as two names of one inode; renaming a link over its twin does nothing (POSIX),
    which once left ``.NAME.bak.xxxxxxxx.tmp`` behind. Found by the kill test."""
    path = tmp_path / "board.touchline"
    save(small_document("one"), path)
    os.link(path, backup_path(path))
    save(small_document("two"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".board.touchline.bak", "board.touchline"]
    assert loads(backup_path(path).read_bytes()).title == "one"
