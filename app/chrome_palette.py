"""The window's own colours (menus, panels, dialogs) when a theme is chosen by hand.

With View › Theme on System, the window keeps the palette the desktop gives Qt, which
follows a dark desktop by itself. Choosing Dark on a light desktop (or Light on a dark one)
would leave light panels beside a dark board, so the application palette is switched too:
a dark palette of the design system's slate colours, or the style's standard light one.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from model.style import contrast

_desktop_palette: QPalette | None = None

# Dark chrome: text on every background above 4.5:1 (tests/ui/test_chrome_palette.py computes it).
DARK_ROLES: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#1E2533",
    QPalette.ColorRole.WindowText: "#E5E9F0",
    QPalette.ColorRole.Base: "#161B26",
    QPalette.ColorRole.AlternateBase: "#1E2533",
    QPalette.ColorRole.Text: "#E5E9F0",
    QPalette.ColorRole.Button: "#2A3242",
    QPalette.ColorRole.ButtonText: "#E5E9F0",
    QPalette.ColorRole.ToolTipBase: "#2A3242",
    QPalette.ColorRole.ToolTipText: "#E5E9F0",
    QPalette.ColorRole.PlaceholderText: "#9AA4B5",
    QPalette.ColorRole.Highlight: "#2563EB",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#93C5FD",
    QPalette.ColorRole.BrightText: "#FFFFFF",
    QPalette.ColorRole.Light: "#3A4456",
    QPalette.ColorRole.Midlight: "#323B4C",
    QPalette.ColorRole.Mid: "#2A3242",
    QPalette.ColorRole.Dark: "#111520",
    QPalette.ColorRole.Shadow: "#000000",
}
DARK_DISABLED_TEXT = "#8892A4"


# Inks for words that warn (amber) or tell of an error (red), first the one for light chrome: a fixed #B45309
# read 3.1:1 on the dark panel and 4.4:1 on the light one, #B42318 2.3:1 on the dark one.
WARNING_INKS = ("#92400E", "#FCD34D")
ERROR_INKS = ("#B42318", "#FCA5A5")


def ink_on(widget: QWidget, inks: tuple[str, ...], palette: QPalette | None = None) -> None:
    """Draw ``widget``'s text in the first of ``inks`` that reads at 4.5:1 or more on its background (of ``palette``,
    by default the widget's own), else in the palette's own text colour."""
    palette = QPalette(palette if palette is not None else widget.palette())
    back = palette.color(QPalette.ColorRole.Window).name()
    ink = next((ink for ink in inks if contrast(ink, back) >= 4.5), palette.color(QPalette.ColorRole.WindowText).name())
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ink))
    widget.setPalette(palette)


DARK_BELOW = 0.35  # a window colour darker than this (HSL lightness) makes a dark palette


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark one (its window colour)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < DARK_BELOW


def dark_palette() -> QPalette:
    """The dark chrome palette."""
    palette = QPalette()
    for role, color in DARK_ROLES.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DARK_DISABLED_TEXT))
    return palette


def desktop_palette() -> QPalette:
    """The palette the desktop gave the application (remembered the first time it is asked for)."""
    global _desktop_palette
    app = QApplication.instance()
    if _desktop_palette is None and isinstance(app, QApplication):
        _desktop_palette = QPalette(app.palette())
    return QPalette(_desktop_palette) if _desktop_palette is not None else QPalette()


def apply_chrome(choice: str, desktop_theme: str) -> None:
    """Give the window the colours of ``choice`` ("system", "light" or "dark") on a ``desktop_theme`` desktop."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    desktop = desktop_palette()
    if choice in ("system", desktop_theme):
        target = desktop
    elif choice == "dark":
        target = dark_palette()
    else:
        target = app.style().standardPalette()
    # Dark: fields and check boxes are outlined (app/field_outlines.py). Put in only then: the style's swap
    # repolishes every widget, ~50 ms of a light window's start to first paint.
    if is_dark(target):
        from app.field_outlines import FieldOutlines  # its Qt enums cost a light window's start ~20 ms

        if not isinstance(app.style(), FieldOutlines):
            app.setStyle(FieldOutlines())
    if app.palette() != target:
        app.setPalette(target)
