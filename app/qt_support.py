"""PySide6's support modules written out as files once, at install, instead of compiled at every start.

shiboken6 keeps its Python support package (``shibokensupport``: signatures, enums, the
``__feature__`` hook; ~30 modules) as a zip of sources inside its library. Unless a folder
``files.dir`` sits beside ``shiboken6/__init__.py``, every process that imports PySide6
decompresses those sources and compiles them (~100 M instructions: ~7 % of the start to the
example's first paint, and as much of an empty window's). PySide6's own switch ``SBK_EMBED=0``
writes them out to that folder; from then on Python imports them like any module, from bytecode.
``python -m app.qt_support`` does that (``make setup``, so CI's ``make test`` too); the benchmark
prints whether it was done (tests/benchmarks/bench.py).

What can go wrong, and what then happens:

- site-packages is read-only (a system install): shiboken cannot write the folder and says
  so; nothing changes, each start compiles the sources as before.
- PySide6 is upgraded or reinstalled later: pip does not remove the folder (it is in no
  package's file list), and an older version's support modules would be loaded by the new
  library. The folder carries a stamp of the library it was written from (STAMP_NAME);
  ``guard_written_out``, called before each start imports PySide6, has shiboken remove a
  folder whose stamp no longer matches (``SBK_EMBED=1`` for that import), and the start
  uses the embedded sources. Running this module again writes the new version's.
- The PyInstaller bundle: the spec collects no ``files.dir``, so the bundle keeps the
  embedded sources and compiles them at each start, as without this step.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path

SWITCH = "SBK_EMBED"  # PySide6's: 0 writes the support modules out, 1 removes them
FOLDER_NAME = "files.dir"  # where shiboken6 looks for them, beside its __init__.py
STAMP_NAME = "touchline-written-from"  # in the folder: the library it was written from


def shiboken_folder() -> Path | None:
    """The installed shiboken6 package's folder, found without importing it; None without PySide6."""
    spec = find_spec("shiboken6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).resolve().parent


def support_folder() -> Path | None:
    """Where shiboken6 looks for its written-out support modules (whether or not they are there)."""
    folder = shiboken_folder()
    return folder / FOLDER_NAME if folder is not None else None


def _library_stamp(folder: Path) -> str:
    """Names, sizes and times of shiboken6's libraries: they change when PySide6 is reinstalled."""
    parts = []
    with os.scandir(folder) as entries:  # not Path.glob: its patterns cost more than the check (~0.6 ms)
        for entry in entries:
            if ".so" in entry.name or entry.name.endswith((".pyd", ".dylib")):
                status = entry.stat()  # follows a link to the library itself
                parts.append(f"{entry.name} {status.st_size} {status.st_mtime_ns}")
    return "\n".join(sorted(parts))


def written_out() -> bool:
    """Whether this install's support modules are written out for the installed library."""
    folder = shiboken_folder()
    if folder is None:
        return False
    try:
        return (folder / FOLDER_NAME / STAMP_NAME).read_text(encoding="utf-8") == _library_stamp(folder)
    except OSError:
        return False


def guard_written_out() -> None:
    """Before PySide6 is imported: a support folder written from another library is removed by
    shiboken itself (``SBK_EMBED=1`` for this process), so the embedded sources are used.

    A folder without our stamp was not written by this module: it is left as shiboken finds it.
    Two stats and a small read when the folder is there; nothing else when it is not.
    """
    folder = shiboken_folder()
    if folder is None:
        return
    try:
        stamp = (folder / FOLDER_NAME / STAMP_NAME).read_text(encoding="utf-8")
    except OSError:
        return
    if stamp != _library_stamp(folder):
        os.environ[SWITCH] = "1"


def _import_shiboken(switch: str) -> None:
    """``import shiboken6`` in a fresh process with SBK_EMBED set to ``switch``."""
    import subprocess  # install time only: not imported by a start

    env = {**os.environ, SWITCH: switch}
    subprocess.run([sys.executable, "-c", "import shiboken6"], env=env, check=True, capture_output=True)


def write_out() -> str:
    """Write the support modules out for the installed PySide6 and compile them; what was done (one line)."""
    import compileall

    folder = shiboken_folder()
    if folder is None:
        return "PySide6 is not installed: nothing written"
    _import_shiboken("1")  # an older version's folder goes first
    _import_shiboken("0")
    target = folder / FOLDER_NAME
    if not target.is_dir():
        return f"{folder} is not writable: PySide6 compiles its support modules at each start"
    compileall.compile_dir(str(target), quiet=1)
    (target / STAMP_NAME).write_text(_library_stamp(folder), encoding="utf-8")
    return f"PySide6's support modules written out to {target}"


if __name__ == "__main__":
    print(write_out())
