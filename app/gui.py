"""Start the editor: the QApplication, the bundled fonts and one MainWindow.

One editor per user session (app/single_instance.py): a launch while one runs hands its
file over (and, with --present, has it presented) and exits. Without a file the window opens on the start screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

import model
from app import collection
from app import settings as store
from app.first_paint import watch_first_paint
from app.i18n import install_translators
from app.main_window import MainWindow
from app.single_instance import InstanceServer, absolute_paths, send_to_running
from app.welcome import app_icon
from model.fonts import FONT_DIR, FONT_FAMILY, FONT_FILES

APP_NAME = "Touchline"
FONT_POINT_SIZE = 10
WINDOW_SIZE = (1400, 900)
# When a window that is never painted (started minimised) still gets the garbage collector back.
RESUME_COLLECTION_MS = 3000


def register_fonts() -> list[str]:
    """Make the bundled fonts (resources/fonts/*.ttf) available to Qt; return their families.

    The faces the board is drawn with are registered by the canvas's painter (exporters/qtpaint.py,
    once per process): registering them here as well made Qt read each file twice (~5 M instructions
    of the start to the first paint).
    """
    from exporters.qtpaint import load_fonts

    families = list(load_fonts())
    drawn = set(FONT_FILES.values())
    for path in sorted(FONT_DIR.glob("*.ttf")):
        if path in drawn:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def create_application() -> QApplication:
    """The QApplication, named for settings, with the bundled fonts, Noto Sans 10 pt and the icon's PNG sizes."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName("touchline")  # Wayland and the task bar match touchline.desktop
    app.setWindowIcon(app_icon(scalable=False))  # the SVG's engine is loaded after the first paint (run_editor)
    register_fonts()
    app.setFont(QFont(FONT_FAMILY, FONT_POINT_SIZE))
    return app


def _window_for(path: str | None) -> tuple[MainWindow, bool]:
    """A window on the document at ``path``, loaded once (not over an empty board first); whether it was
    loaded here (the caller notes it as opened once the window is shown: MainWindow.note_opened)."""
    if path:
        try:
            return MainWindow(model.load(path), path), True
        except model.LoadError:
            window = MainWindow()
            window.open_path(path)  # shows why in a message box; the empty blueprint stays
            return window, False
    return MainWindow(), False


def run_editor(path: str | None, present: bool = False, screen_index: int | None = None) -> int:
    """Open the editor on ``path`` (the start screen when None); the exit status.

    When an editor is already running for this user, ``path`` is opened there and this
    launch ends at once. With ``present`` the board goes full screen at once (on
    ``screen_index``, an index into the application's screens, or the automatic choice), as F5 would.
    """
    app = create_application()
    install_translators(app)
    if send_to_running(absolute_paths([path]), present=present, screen_index=screen_index):
        return 0  # the running editor opens (and presents) it
    window = start_editor(path)
    window.editor.when_painted(lambda: app.setWindowIcon(app_icon()))  # with its SVG (app_icon's note)
    resume_collection(window)
    window.offer_recovery()  # work of a session that crashed or was killed
    if present:
        window.workshop.present(screen_index)
    return int(app.exec())


def resume_collection(window: MainWindow) -> None:
    """Turn the cyclic garbage collector back on once ``window``'s board has been painted (app/collection.py).

    With the board's other work after its first paint (app/editor.py).
    """
    collection.resume_after_first_paint(window.editor.when_painted,
                                        lambda resume: QTimer.singleShot(RESUME_COLLECTION_MS, resume))


def start_editor(path: str | None, server: InstanceServer | None = None) -> MainWindow:
    """The first window, shown: on ``path``, else on the start screen; it takes files later launches send."""
    app = QApplication.instance()
    server = server or InstanceServer(parent=app)
    server.listen()
    window, loaded = _window_for(path)
    # The remembered layout first, then the start screen hides its panels: restored the other way round,
    # the panels came back round the start screen and took the board's width (68 px at the next New).
    if not window.restore_window():
        width, height = WINDOW_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, int(available.width() * 0.95)), min(height, int(available.height() * 0.95))
        window.resize(width, height)
    if not path and store.show_welcome():
        window.show_welcome()
    watch_first_paint(window.editor.view.viewport())
    window.show()
    if loaded and path:
        # Shown first, so that the recent files are written after the board's first paint.
        window.note_opened(Path(path), recent_after_paint=True)
    server.files_received.connect(lambda files: open_files(window, files))
    server.present_received.connect(lambda files, screen: present_files(window, files, screen))
    window.instance_server = server  # type: ignore[attr-defined]  # tests close it
    return window


def open_files(first: MainWindow, files: list[str]) -> list[MainWindow]:
    """Open files handed over by a later launch; the windows showing them (raised).

    A file already open is raised in its window; the first one goes into a window that
    shows nothing yet (the start screen or an untouched untitled board); the others get
    windows of their own. With no files the most recent window comes to the front.
    """
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows and isValid(first):
        windows = [first]
    if not windows:  # every window was closed while the application still runs: a fresh one
        windows = [MainWindow()]
        keep_window(windows[0])
    shown: list[MainWindow] = []
    for file in files:
        target = next((w for w in windows if w.path is not None and str(w.path) == file), None)
        if target is None:
            # ``first`` (the window a file was dropped on) before the others, when it shows nothing either.
            target = next((w for w in sorted(windows, key=lambda w: w is not first) if shows_nothing(w)), None)
            if target is not None and not target.open_path(file):
                continue
        if target is None:
            target = new_window(beside=windows[-1], show=False)
            if not target.open_path(file):
                target.close()
                continue
            target.show()
            windows.append(target)
        shown.append(target)
    for window in shown or windows[-1:]:
        window.showNormal() if window.isMinimized() else window.show()
        window.raise_()
        window.activateWindow()
    return shown


def present_files(first: MainWindow, files: list[str], screen_index: int | None = None) -> MainWindow | None:
    """``touchline --present FILE`` while an editor runs: open FILE as open_files does, then present it.

    A presentation of another board ends first (one projector, one presentation); the
    window presenting, or None when the file could not be opened.
    """
    shown = open_files(first, files[:1])
    if not shown:
        return None
    window = shown[0]
    for other in QApplication.topLevelWidgets():
        if isinstance(other, MainWindow) and other is not window and other.workshop.presenting:
            other.workshop.leave()
    window.workshop.present(screen_index)
    return window


# Windows opened for files a later launch handed over; kept so Python does not collect them.
_extra_windows: list[MainWindow] = []


def shows_nothing(window: MainWindow) -> bool:
    """Whether ``window`` shows nothing a file opened there would replace: the start screen or an untouched
    untitled board."""
    return window.path is None and not window.editor.undo_stack.count()


def new_window(beside: MainWindow, show: bool = True) -> MainWindow:
    """A new editor window of ``beside``'s size, kept until it is closed; shown unless ``show`` is False (a
    window that may not get its file stays hidden)."""
    window = MainWindow()
    keep_window(window)
    window.resize(beside.size())
    if show:
        window.show()
    return window


def keep_window(window: MainWindow) -> None:
    """Keep a window made after the start alive until it is closed (then it is deleted)."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _extra_windows.append(window)
    window.destroyed.connect(lambda _obj=None, w=window: _extra_windows.remove(w))
