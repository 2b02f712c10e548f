"""What Touchline remembers between sessions, in the platform's settings location.

QSettings (``~/.config/Touchline/Touchline.conf`` on Linux, the registry on Windows, a
plist on macOS) holds the recent files, the window geometry and dock layout, the last
export settings, the interface language and each document's view position (centre and
zoom, keyed by the file's absolute path). The recent files' thumbnails are small PNGs in
the platformdirs cache folder (``~/.cache/touchline/thumbnails``), one per file, named by a
hash of its path, so clearing the cache only costs the pictures.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir
from PySide6.QtCore import QByteArray, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

APP_NAME = "Touchline"
MAX_RECENT = 10
RECENT_KEY = "recentFiles"
VIEW_KEY = "views"
MAX_VIEWS = 200  # view positions kept; the oldest go first
THUMBNAIL_WIDTH = 320
THUMBNAIL_HEIGHT = 200

PathLike = str | os.PathLike[str]


def settings() -> QSettings:
    """The application's settings store."""
    return QSettings(APP_NAME, APP_NAME)


# ---------------------------------------------------------------------- recent files
def recent_files() -> list[str]:
    """The recently opened or saved files, newest first."""
    value = settings().value(RECENT_KEY, [])
    if isinstance(value, str):  # an INI file gives a one-entry list back as a plain string
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(item) for item in value if item][:MAX_RECENT]


def recent_names(paths: list[str]) -> list[str]:
    """How to list ``paths``: each file's name, with its folder's name beside it where two share a name
    (two clients' "journey.touchline"), or its whole folder where those are alike too."""
    files = [Path(path) for path in paths]
    names = Counter(file.name for file in files)
    folders = Counter((file.name, file.parent.name) for file in files)
    listed = []
    for file in files:
        if names[file.name] == 1:
            listed.append(file.name)
        elif folders[file.name, file.parent.name] == 1:
            listed.append(f"{file.name} — {file.parent.name or file.parent}")  # (the root has no name)
        else:
            listed.append(f"{file.name} — {file.parent}")
    return listed


def add_recent_file(path: PathLike) -> None:
    """Put ``path`` at the top of the recent files."""
    entry = str(Path(path).absolute())
    files = [entry, *(item for item in recent_files() if item != entry)]
    settings().setValue(RECENT_KEY, files[:MAX_RECENT])


def clear_recent_files() -> None:
    """Forget every recent file (and their thumbnails)."""
    for path in recent_files():
        thumbnail_path(path).unlink(missing_ok=True)
    settings().remove(RECENT_KEY)


# ---------------------------------------------------------------------- thumbnails
def thumbnail_folder() -> Path:
    """The cache folder of the recent files' thumbnails."""
    return Path(user_cache_dir("touchline", appauthor=False)) / "thumbnails"


def thumbnail_path(path: PathLike) -> Path:
    """Where the thumbnail of the document at ``path`` is kept."""
    key = hashlib.sha1(str(Path(path).absolute()).encode("utf-8"), usedforsecurity=False).hexdigest()
    return thumbnail_folder() / f"{key}.png"


def render_thumbnail(scene: QGraphicsScene) -> QImage:
    """The whole board, scaled into THUMBNAIL_WIDTH x THUMBNAIL_HEIGHT on white, centred."""
    image = QImage(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    render_small = getattr(scene, "render_small", None)  # a board: drawn as its zoomed-out view (BoardScene)
    source = scene.sceneRect() if render_small is not None else scene.itemsBoundingRect()
    if source.isEmpty():
        return image
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    margin = 8
    target = QRectF(margin, margin, THUMBNAIL_WIDTH - 2 * margin, THUMBNAIL_HEIGHT - 2 * margin)
    if render_small is not None:
        render_small(painter, target)
    else:
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    return image


def save_thumbnail(path: PathLike, scene: QGraphicsScene) -> Path | None:
    """Write the thumbnail of the board in ``scene`` for the file ``path``; None when it cannot be written."""
    target = thumbnail_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a thumbnail is a nicety: a read-only cache must not stop a save
    # The stubs say the format is bytes; PySide6 takes only str (as exporters/png.py).
    return target if render_thumbnail(scene).save(str(target), "PNG") else None  # type: ignore[call-overload]


# ---------------------------------------------------------------------- window
def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    """Remember the main window's geometry (saveGeometry) and its docks and bars (saveState)."""
    store = settings()
    store.setValue("window/geometry", geometry)
    store.setValue("window/state", state)


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    """The geometry and dock state saved last, each None when there is none."""
    store = settings()
    geometry, state = store.value("window/geometry"), store.value("window/state")
    return (geometry if isinstance(geometry, QByteArray) and not geometry.isEmpty() else None,
            state if isinstance(state, QByteArray) and not state.isEmpty() else None)


# ---------------------------------------------------------------------- view positions
def save_view_position(path: PathLike, centre: QPointF, zoom: float) -> None:
    """Remember where the board of ``path`` was looked at: the scene point at the centre and the zoom."""
    key = str(Path(path).absolute())
    views = _views()
    views.pop(key, None)
    views[key] = [round(centre.x(), 2), round(centre.y(), 2), round(zoom, 5)]
    while len(views) > MAX_VIEWS:
        views.pop(next(iter(views)))
    settings().setValue(VIEW_KEY, _encode(views))


def view_position(path: PathLike) -> tuple[QPointF, float] | None:
    """The centre and zoom saved for ``path``, or None."""
    entry = _views().get(str(Path(path).absolute()))
    if entry is None:
        return None
    x, y, zoom = entry
    return QPointF(x, y), zoom


def _views() -> dict[str, list[float]]:
    import json

    raw = settings().value(VIEW_KEY, "")
    try:
        data = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    views: dict[str, list[float]] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if (isinstance(value, list) and len(value) == 3
                    and all(isinstance(v, int | float) for v in value) and value[2] > 0):
                views[str(key)] = [float(v) for v in value]
    return views


def _encode(views: dict[str, list[float]]) -> str:
    import json

    # One JSON string, not a QSettings group: paths hold "/" which QSettings reads as nesting.
    return json.dumps(views, ensure_ascii=False)


# ---------------------------------------------------------------------- export settings
def save_export_settings(values: dict[str, Any]) -> None:
    """Remember the last export's settings (format, folder and any options of the export dialog)."""
    store = settings()
    store.beginGroup("export")
    for key, value in values.items():
        store.setValue(key, value)
    store.endGroup()


def export_settings() -> dict[str, Any]:
    """The last export's settings ({} before the first export)."""
    store = settings()
    store.beginGroup("export")
    values = {key: store.value(key) for key in store.childKeys()}
    store.endGroup()
    return values


# ---------------------------------------------------------------------- preferences
def language() -> str:
    """The interface language chosen in Preferences: "" follows the system, else a code such as "de"."""
    value = settings().value("language", "")
    return value if isinstance(value, str) else ""


def set_language(code: str) -> None:
    """Choose the interface language ("" for the system's); it applies at the next start."""
    settings().setValue("language", code)


def show_welcome() -> bool:
    """Whether the start screen is shown when Touchline starts without a file."""
    value = settings().value("showWelcome", True)
    return value not in (False, "false", "0", 0)


def set_show_welcome(show: bool) -> None:
    """Show the start screen at the next start without a file, or not."""
    settings().setValue("showWelcome", bool(show))
