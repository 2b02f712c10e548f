"""The one-folder app (issue 10, point 1): PyInstaller builds it from packaging/touchline.spec,
and it exports the example and starts the editor with no Python on the search paths.

``TOUCHLINE_BUNDLE=dist/touchline`` tests a bundle already built (``make bundle``) instead
of building one (about 35 s on two cores)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"

# pytest-timeout's 180 s (pyproject.toml) covers a test's setup too, and the module's first test
# sets up the bundle: PyInstaller's ~35 s on two idle cores took over 180 s on a loaded machine and
# the fixture errored while its own build limit (1,200 s) was far off. The tests here wait on the
# build's limit plus their own runs (300 s export, 120 s version, 10 s shutdown) instead.
BUILD_TIMEOUT_S = 1200
pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT_S + 600)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("TOUCHLINE_BUNDLE")
    if given:
        return Path(given).absolute()
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the test extra: pip install -e '.[test]'")
    out = tmp_path_factory.mktemp("bundle")
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
                            str(ROOT / "packaging" / "touchline.spec")],
                           capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, cwd=ROOT)
    assert build.returncode == 0, build.stderr[-3000:]
    return out / "dist" / "touchline"


def _clean_env(home: Path) -> dict[str, str]:
    # No Python around: no PYTHONPATH, no virtual environment, a PATH without the venv.
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
            "TOUCHLINE_INSTANCE": "off", "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache")}


def test_the_bundle_exports_the_example_without_python(bundle: Path, tmp_path: Path) -> None:
    program = bundle / ("touchline.exe" if sys.platform == "win32" else "touchline")
    assert program.is_file()
    assert (bundle / "_internal" / "resources" / "fonts" / "NotoSans-Regular.ttf").is_file()
    assert not list(bundle.rglob("site-packages"))  # the interpreter and packages are inside, frozen
    env = _clean_env(tmp_path)
    for out in ("board.pdf", "board.svg", "board.png"):
        run = subprocess.run([str(program), "export", str(EXAMPLE), "-o", out], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        assert (tmp_path / out).stat().st_size > 5_000
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")
    version = subprocess.run([str(program), "--version"], env=env, capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("touchline ")


def test_the_bundle_starts_the_editor_headless(bundle: Path, tmp_path: Path) -> None:
    program = bundle / ("touchline.exe" if sys.platform == "win32" else "touchline")
    env = _clean_env(tmp_path)
    editor = subprocess.Popen([str(program), str(EXAMPLE)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        # The editor runs until it is closed: alive after it had time to load, lay out and paint.
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and editor.poll() is None:
            time.sleep(0.2)
        assert editor.poll() is None, editor.communicate()[1][-3000:]
    finally:
        editor.terminate()
        try:
            editor.wait(timeout=10)
        except subprocess.TimeoutExpired:
            editor.kill()
            editor.wait()
    assert "Traceback" not in (editor.stderr.read() if editor.stderr else "")


def test_the_spec_is_where_make_bundle_looks() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "packaging/touchline.spec" in makefile and "bundle:" in makefile
