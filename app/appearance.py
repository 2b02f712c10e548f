"""How the board looks on screen: the colour theme and the legend, remembered in QSettings.

View › Theme offers System, Light and Dark. System follows the desktop's colour scheme
(``QStyleHints.colorScheme``) and changes with it. The legend is a view setting too, not
part of the file: exports made from the window follow it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from app.chrome_palette import apply_chrome
from app.i18n import QT_TRANSLATE_NOOP, tr

THEME_KEY = "view/theme"
LEGEND_KEY = "view/legend"
THEME_CHOICES: dict[str, str] = {"system": QT_TRANSLATE_NOOP("", "&System"), "light": QT_TRANSLATE_NOOP("", "&Light"),
                                 "dark": QT_TRANSLATE_NOOP("", "&Dark")}  # tr() where shown


def system_theme() -> str:
    """The desktop's colour scheme as a canvas theme: "dark" when it is dark, else "light"."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


class Appearance(QObject):
    """The Theme menu and the Show legend action; applies both to the window's current editor."""

    def __init__(self, parent: QWidget, settings: Callable[[], QSettings]) -> None:
        super().__init__(parent)
        self._settings = settings
        self._apply_to: Callable[[str, bool], None] | None = None
        self.theme_menu = QMenu(tr("&Theme"), parent)
        self._group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in THEME_CHOICES.items():
            action = self.theme_menu.addAction(tr(label))
            action.setCheckable(True)
            action.setData(key)
            self._group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=key: self.set_choice(k))
            self.theme_actions[key] = action
        self.legend_action = QAction(tr("Show &legend"), self)
        self.legend_action.setCheckable(True)
        self.legend_action.toggled.connect(self._on_legend_toggled)
        self.theme_actions[self.choice].setChecked(True)
        self.legend_action.setChecked(self.legend_shown)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    # ------------------------------------------------------------ settings
    @property
    def choice(self) -> str:
        """The remembered theme choice: "system", "light" or "dark"."""
        value = str(self._settings().value(THEME_KEY, "system"))
        return value if value in THEME_CHOICES else "system"

    @property
    def theme(self) -> str:
        """The theme the canvas shows now ("light" or "dark")."""
        choice = self.choice
        return system_theme() if choice == "system" else choice

    @property
    def legend_shown(self) -> bool:
        """Whether the legend is shown (on unless the user hid it)."""
        value = self._settings().value(LEGEND_KEY, True)
        return value not in (False, "false", "0", 0)

    def set_choice(self, choice: str) -> None:
        """Choose System, Light or Dark, remember it and repaint."""
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme choice {choice!r}")
        self._settings().setValue(THEME_KEY, choice)
        self.theme_actions[choice].setChecked(True)
        self._apply()

    def bind(self, apply: Callable[[str, bool], None]) -> None:
        """Apply theme and legend through ``apply(theme, legend)``, now and on every change."""
        self._apply_to = apply
        self._apply()

    # ------------------------------------------------------------ reactions
    def _apply(self) -> None:
        apply_chrome(self.choice, system_theme())
        if self._apply_to is not None:
            self._apply_to(self.theme, self.legend_shown)

    def _on_scheme_changed(self, _scheme: object) -> None:
        if self.choice == "system":
            self._apply()

    def _on_legend_toggled(self, checked: bool) -> None:
        if checked != self.legend_shown:
            self._settings().setValue(LEGEND_KEY, checked)
        self._apply()
