"""The application icon (app.welcome.app_icon): its PNG sizes are named, not read, at start (issue 9).

Without a size, QIcon.addFile reads each PNG to learn its size, ~10 ms of the start to first
paint; the folder name ("48x48") gives it. Counted, not timed; the pictures stay the same.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from app import welcome


def _read_icon() -> QIcon:
    """The icon as it was built before: every PNG read to learn its size."""
    icon = QIcon(str(welcome.ICON_DIR / "touchline.svg"))
    for png in sorted((welcome.ICON_DIR / "hicolor").glob("*/apps/touchline.png")):
        icon.addFile(str(png))
    return icon


def test_every_png_is_added_with_the_size_its_folder_names(  # type: ignore[no-untyped-def]
        qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    added: list[tuple[str, QSize]] = []

    class CountingIcon(QIcon):
        def addFile(self, name: str, *args: object) -> None:  # type: ignore[override]
            added.append((name, QSize(args[0]) if args else QSize()))  # type: ignore[call-overload]
            super().addFile(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(welcome, "QIcon", CountingIcon)
    welcome.app_icon()
    pngs = sorted((welcome.ICON_DIR / "hicolor").glob("*/apps/touchline.png"))
    assert len(pngs) >= 4 and len(added) == len(pngs)
    for (name, size), png in zip(added, pngs, strict=True):
        assert name == str(png)
        assert f"{size.width()}x{size.height()}" == png.parent.parent.name  # given, so Qt need not read it
        assert QImage(name).size() == size  # and true


@pytest.mark.parametrize("pixels", [16, 32, 48, 100, 256])
def test_the_icon_draws_as_when_every_png_was_read(qapp, pixels: int) -> None:  # type: ignore[no-untyped-def]
    size = QSize(pixels, pixels)
    assert welcome.app_icon().pixmap(size).toImage() == _read_icon().pixmap(size).toImage()
