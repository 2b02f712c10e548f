"""Start the editor: the QApplication, the bundled fonts and one MainWindow."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

import model
from app.first_paint import watch_first_paint
from app.main_window import MainWindow, add_recent_file
from model.fonts import FONT_DIR, FONT_FAMILY

APP_NAME = "Touchline"
FONT_POINT_SIZE = 10
WINDOW_SIZE = (1400, 900)


def register_fonts() -> list[str]:
    """Make the bundled fonts (resources/fonts/*.ttf) available to Qt; return their families."""
    families: list[str] = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def create_application() -> QApplication:
    """The QApplication, named for settings, with the bundled fonts and Noto Sans 10 pt."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_NAME)
    register_fonts()
    app.setFont(QFont(FONT_FAMILY, FONT_POINT_SIZE))
    return app


def _window_for(path: str | None) -> MainWindow:
    """A window on the document at ``path``, loaded once (not over an empty board first)."""
    if path:
        try:
            window = MainWindow(model.load(path), path)
        except model.LoadError:
            window = MainWindow()
            window.open_path(path)  # shows why in a message box; the empty blueprint stays
            return window
        add_recent_file(Path(path))
        window.update_recent_menu()
        return window
    return MainWindow()


def run_editor(path: str | None) -> int:
    """Open the editor on ``path`` (an empty blueprint when None or unreadable); the exit status."""
    app = create_application()
    window = _window_for(path)
    width, height = WINDOW_SIZE
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, int(available.width() * 0.95)), min(height, int(available.height() * 0.95))
    window.resize(width, height)
    watch_first_paint(window.editor.view.viewport())
    window.show()
    window.offer_recovery()  # work of a session that crashed or was killed
    return int(app.exec())
