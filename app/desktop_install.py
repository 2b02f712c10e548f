"""Desktop integration for the current user: launcher, icons and the ``.touchline`` file type.

``touchline-desktop install`` (``make install-desktop``) copies the freedesktop files from
``resources/desktop`` and ``resources/icons`` into ``$XDG_DATA_HOME`` (``~/.local/share``):

- ``applications/touchline.desktop``, its ``Exec`` pointing at the ``touchline`` that runs
  this code, so a launcher works from a checkout's ``.venv`` as well as from pipx;
- ``icons/hicolor/<size>/apps/touchline.png`` (16…512) and ``scalable/apps/touchline.svg``,
  and the same pictures as the file type's icon ``application-x-touchline``;
- ``mime/packages/touchline.xml`` (shared-mime-info: ``*.touchline`` is application/x-touchline),

then refreshes the MIME and desktop databases when their tools are installed and makes
Touchline the default application for the type. ``uninstall`` removes exactly those files.
No Qt here: it runs on a machine without a display.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from model.fonts import RESOURCES

DESKTOP_ID = "touchline.desktop"
MIME_TYPE = "application/x-touchline"
MIME_ICON = "application-x-touchline"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESKTOP_SOURCE = RESOURCES / "desktop" / DESKTOP_ID
MIME_SOURCE = RESOURCES / "desktop" / "touchline-mime.xml"
ICON_DIR = RESOURCES / "icons"


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (XDG base directory spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> str:
    """The command a launcher runs: the installed ``touchline`` beside this Python, else ``python -m app``."""
    frozen = getattr(sys, "frozen", False)
    if frozen:  # a PyInstaller bundle: the executable itself
        return _quote(sys.executable)
    script = Path(sys.executable).parent / "touchline"
    if script.is_file() and os.access(script, os.X_OK):
        return _quote(str(script))
    found = shutil.which("touchline")
    if found:
        return _quote(found)
    return f"{_quote(sys.executable)} -m app"


def _quote(word: str) -> str:
    # Desktop Entry "Exec": a word with spaces or reserved characters is double-quoted,
    # with ", `, $ and \ escaped by a backslash.
    if not any(ch in word for ch in ' \t\n"\'\\><~|&;$*?#()`'):
        return word
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in word)
    return f'"{escaped}"'


def installed_files(home: Path) -> list[Path]:
    """Every file ``install`` writes under ``home`` (the data folder)."""
    files = [home / "applications" / DESKTOP_ID, home / "mime" / "packages" / "touchline.xml"]
    icons = home / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = icons / f"{size}x{size}"
        files += [folder / "apps" / "touchline.png", folder / "mimetypes" / f"{MIME_ICON}.png"]
    files += [icons / "scalable" / "apps" / "touchline.svg", icons / "scalable" / "mimetypes" / f"{MIME_ICON}.svg"]
    return files


def desktop_entry(command: str) -> str:
    """The bundled ``touchline.desktop`` with ``Exec`` and ``TryExec`` set for ``command``."""
    lines = []
    for line in DESKTOP_SOURCE.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command} %f"
        elif line.startswith("TryExec="):
            # TryExec takes a program, not a command line: the first word, unquoted.
            first = command[1:command.index('"', 1)] if command.startswith('"') else command.split()[0]
            line = f"TryExec={first}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(home: Path, command: str | None = None, *, refresh: bool = True) -> list[Path]:
    """Write the launcher, icons and MIME type under ``home``; the files written."""
    written: list[Path] = []

    def put(target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)

    put(home / "applications" / DESKTOP_ID, desktop_entry(command or launch_command()).encode())
    put(home / "mime" / "packages" / "touchline.xml", MIME_SOURCE.read_bytes())
    icons = home / "icons" / "hicolor"
    for size in ICON_SIZES:
        png = (ICON_DIR / "hicolor" / f"{size}x{size}" / "apps" / "touchline.png").read_bytes()
        put(icons / f"{size}x{size}" / "apps" / "touchline.png", png)
        put(icons / f"{size}x{size}" / "mimetypes" / f"{MIME_ICON}.png", png)
    svg = (ICON_DIR / "touchline.svg").read_bytes()
    put(icons / "scalable" / "apps" / "touchline.svg", svg)
    put(icons / "scalable" / "mimetypes" / f"{MIME_ICON}.svg", svg)
    if refresh:
        _refresh(home)
        _run("xdg-mime", "default", DESKTOP_ID, MIME_TYPE)
    return written


def uninstall(home: Path, *, refresh: bool = True) -> list[Path]:
    """Remove what ``install`` wrote under ``home``; the files removed."""
    removed = []
    for path in installed_files(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
    if refresh:
        _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    # Each tool is optional: without it the files take effect at the next login.
    _run("update-mime-database", str(home / "mime"))
    _run("update-desktop-database", str(home / "applications"))
    _run("gtk-update-icon-cache", "-f", "-t", str(home / "icons" / "hicolor"))


def _run(*command: str) -> None:
    if shutil.which(command[0]) is None:
        return
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(argv: Sequence[str] | None = None) -> int:
    """``touchline-desktop {install,uninstall}``; the exit status."""
    parser = argparse.ArgumentParser(prog="touchline-desktop",
                                     description="Add Touchline to (or remove it from) this user's desktop: "
                                                 "launcher, icons and the .touchline file type.")
    parser.add_argument("action", choices=("install", "uninstall"))
    options = parser.parse_args(argv)
    home = data_home()
    try:
        files = install(home) if options.action == "install" else uninstall(home)
    except OSError as exc:
        print(f"touchline-desktop: error: {exc}", file=sys.stderr)
        return 2
    verb = "installed" if options.action == "install" else "removed"
    print(f"touchline-desktop: {len(files)} files {verb} under {home}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
