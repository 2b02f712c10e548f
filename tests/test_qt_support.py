"""PySide6's support modules written out at install (app/qt_support.py), on a private copy of shiboken6.

Each check runs fresh processes on a copy of the installed shiboken6 package (its Python files
copied, its libraries linked) placed first on the path, so the project's environment is never
written to. Nothing is timed: what is checked is where the support modules come from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Where this process's shibokensupport was loaded from (a file in files.dir, or the embedded zip's name).
WHERE_PROBE = """
from app.qt_import import import_qt
import_qt()
import os, sys
print(sys.modules["shibokensupport"].__file__)
print(os.environ.get("SBK_EMBED"))
"""


@pytest.fixture
def private_shiboken(tmp_path: Path) -> Path:
    """A folder holding a copy of shiboken6 (Python files copied, the rest linked); first on the path."""
    from app.qt_support import shiboken_folder

    installed = shiboken_folder()
    if installed is None:
        pytest.skip("PySide6 is not installed")
    copy = tmp_path / "site" / "shiboken6"
    copy.mkdir(parents=True)
    for entry in installed.iterdir():
        if entry.name in ("files.dir", "__pycache__"):
            continue
        if entry.suffix == ".py":
            shutil.copy2(entry, copy / entry.name)  # resolved by shiboken: must live in the copy
        else:
            (copy / entry.name).symlink_to(entry)
    return tmp_path / "site"


def _run(site: Path, code: str, **extra: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SBK_EMBED", "PYTHONPYCACHEPREFIX")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join((str(site), str(ROOT))), **extra)
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.splitlines()


def test_written_out_the_support_modules_load_from_files(private_shiboken: Path) -> None:
    folder = private_shiboken / "shiboken6" / "files.dir"
    before = _run(private_shiboken, WHERE_PROBE)
    assert not before[0].startswith(str(folder))  # compiled from the embedded archive

    said = _run(private_shiboken, "from app.qt_support import write_out; print(write_out())")
    assert said == [f"PySide6's support modules written out to {folder}"]
    assert list((folder / "shibokensupport" / "__pycache__").glob("*.pyc"))  # compiled once, here
    assert _run(private_shiboken, "from app.qt_support import written_out; print(written_out())") == ["True"]

    after = _run(private_shiboken, WHERE_PROBE)
    assert after[0].startswith(str(folder / "shibokensupport"))
    assert after[1] == "None"  # the guard's switch stays this process's own


def test_support_modules_written_from_another_library_are_removed_not_used(private_shiboken: Path) -> None:
    folder = private_shiboken / "shiboken6" / "files.dir"
    _run(private_shiboken, "from app.qt_support import write_out; write_out()")
    (folder / "touchline-written-from").write_text("libshiboken6.abi3.so.6.10 1 1", encoding="utf-8")

    started = _run(private_shiboken, WHERE_PROBE)
    assert not started[0].startswith(str(folder))  # the embedded sources, this library's own
    assert not folder.exists()  # removed by shiboken (SBK_EMBED=1), to be written again by write_out
    assert started[1] == "None"
    assert _run(private_shiboken, "from app.qt_support import written_out; print(written_out())") == ["False"]


def test_a_folder_written_by_someone_else_is_left_alone(private_shiboken: Path) -> None:
    folder = private_shiboken / "shiboken6" / "files.dir"
    _run(private_shiboken, "import shiboken6", SBK_EMBED="0")  # PySide6's own switch, no stamp of ours
    started = _run(private_shiboken, WHERE_PROBE)
    assert started[0].startswith(str(folder / "shibokensupport"))
    assert folder.is_dir()


def test_the_benchmark_says_whether_the_support_modules_were_written_out(private_shiboken: Path) -> None:
    probe = ("import sys; sys.path.insert(0, 'tests/benchmarks'); import bench; "
             "print(bench.support_modules_note())")
    assert "compiled from its embedded sources at each start" in _run(private_shiboken, probe)[0]
    _run(private_shiboken, "from app.qt_support import write_out; write_out()")
    assert "written out at install" in _run(private_shiboken, probe)[0]
