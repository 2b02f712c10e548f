"""Installing Touchline (issue 10, points 1 and 2): the wheel carries resources/ and runs
outside the repository, and the desktop files install for one user and go again."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import desktop_install as desktop

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "resources/examples/coffee-shop-blueprint.touchline"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_icon_set_has_every_size_and_a_scalable_picture() -> None:
    for size in desktop.ICON_SIZES:
        assert _png_size(desktop.ICON_DIR / "hicolor" / f"{size}x{size}" / "apps" / "touchline.png") == (size, size)
    svg = (desktop.ICON_DIR / "touchline.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'viewBox="0 0 256 256"' in svg


def test_install_desktop_for_a_user_and_remove_it_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # xdg-mime default writes mimeapps.list here
    assert desktop.data_home() == home
    written = desktop.install(home, command=desktop._quote("/opt/my apps/touchline"))
    assert sorted(written) == sorted(desktop.installed_files(home))
    entry = (home / "applications" / "touchline.desktop").read_text(encoding="utf-8")
    assert 'Exec="/opt/my apps/touchline" %f' in entry and "TryExec=/opt/my apps/touchline" in entry
    assert "MimeType=application/x-touchline;" in entry
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(home / "applications" / "touchline.desktop")],
                               capture_output=True, text=True)
        assert check.returncode == 0 and "error" not in check.stdout, check.stdout
    if shutil.which("update-mime-database"):
        # The MIME database the desktop reads now maps *.touchline to the type.
        globs = (home / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-touchline:*.touchline" in globs
    if shutil.which("xdg-mime"):
        env = dict(os.environ, XDG_DATA_HOME=str(home), XDG_DATA_DIRS=f"{home}:/usr/share")
        kind = subprocess.run(["xdg-mime", "query", "filetype", str(ROOT / EXAMPLE)], capture_output=True,
                              text=True, env=env)
        default = subprocess.run(["xdg-mime", "query", "default", "application/x-touchline"], capture_output=True,
                                 text=True, env=env)
        if kind.returncode == 0 and kind.stdout.strip():  # xdg-mime needs a desktop-independent backend
            assert kind.stdout.strip() == "application/x-touchline"
            assert default.stdout.strip() == "touchline.desktop"
    removed = desktop.uninstall(home)
    assert sorted(removed) == sorted(written)
    assert not any(path.exists() for path in written)


def test_the_launch_command_is_quoted_for_desktop_entries() -> None:
    assert desktop._quote("/usr/bin/touchline") == "/usr/bin/touchline"
    assert desktop._quote('/a b/"x"$') == '"/a b/\\"x\\"\\$"'
    assert desktop.desktop_entry('"/a b/touchline"').count("TryExec=/a b/touchline") == 1


@pytest.mark.slow
def test_the_wheel_ships_resources_and_runs_outside_the_repository(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                            "-w", str(wheels), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("touchline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("resources/fonts/NotoSans-Regular.ttf", "resources/fonts/NotoSans-Bold.ttf",
                   "resources/templates/blueprint.touchline", "resources/templates/journey.touchline",
                   EXAMPLE, "resources/icons/touchline.svg", "resources/icons/hicolor/512x512/apps/touchline.png",
                   "resources/desktop/touchline.desktop", "resources/desktop/touchline-mime.xml",
                   "resources/translations/touchline_de.qm", "resources/schema/touchline-v1.schema.json"):
        assert needed in names, needed
    assert not any(name.startswith("tests/") for name in names)
    entry_points = next(zipfile.ZipFile(wheel).read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert "touchline = app.cli:main" in entry_points and "touchline-desktop = app.desktop_install:main" in entry_points
    assert "[gui_scripts]\ntouchline-gui = app.cli:main" in entry_points
    # Installed into a folder of its own and run from elsewhere: fonts, templates and examples
    # come from the installation, not from the repository.
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                              str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target), QT_QPA_PLATFORM="offscreen")
    where = subprocess.run([sys.executable, "-c", "import model.fonts as f; print(f.RESOURCES)"], cwd=work, env=env,
                           capture_output=True, text=True)
    assert Path(where.stdout.strip()) == target / "resources"
    for out in ("board.pdf", "board.png"):
        run = subprocess.run([sys.executable, "-m", "app", "export", str(target / EXAMPLE), "-o", out], cwd=work,
                             env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        assert (work / out).stat().st_size > 10_000
    new = subprocess.run([sys.executable, "-m", "app", "new", "journey", "-o", "j.touchline"], cwd=work, env=env,
                         capture_output=True, text=True, timeout=120)
    assert new.returncode == 0 and (work / "j.touchline").is_file(), new.stderr
