"""The interface language (issue 10, point 7): Touchline's catalogue and Qt's own.

User-visible strings in app/ and canvas/ go through ``tr()`` (canvas/translate.py);
``make translations`` collects them with pyside6-lupdate into
resources/translations/touchline_<lang>.ts and compiles the .qm files the app loads.
The language is chosen in Preferences ("" follows the system) and applies at the next
start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import settings as store
from canvas.translate import QT_TRANSLATE_NOOP, tr
from model.fonts import RESOURCES

__all__ = ["QT_TRANSLATE_NOOP", "available_languages", "chosen_locale", "install_translators", "tr"]

TRANSLATION_DIR = RESOURCES / "translations"
# The languages offered in Preferences: code -> name in that language ("" follows the system).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}

_installed: list[QTranslator] = []  # kept alive while installed
_in_use = ["en"]  # the language install_translators chose last


def available_languages() -> dict[str, str]:
    """The languages with a compiled catalogue, English (the source language) always first."""
    found = {"en": LANGUAGES["en"]}
    for code, name in LANGUAGES.items():
        if (TRANSLATION_DIR / f"touchline_{code}.qm").is_file():
            found[code] = name
    return found


def chosen_locale() -> QLocale:
    """The locale of the chosen language, or the system's."""
    code = store.language()
    return QLocale(code) if code else QLocale.system()


def interface_language() -> str:
    """The code of the language the interface is shown in ("en" until a catalogue is installed)."""
    return _in_use[0]


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> str:
    """Load the catalogues for ``locale`` (default: the chosen one); the language code in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = locale or chosen_locale()
    # Numbers and dates follow the language chosen, English too (after German, 1.5 stayed "1,5").
    QLocale.setDefault(locale)
    language = locale.name().split("_")[0]
    ours = QTranslator(app)
    _in_use[0] = "en"
    if language == "en" or not ours.load(locale, "touchline", "_", str(TRANSLATION_DIR)):
        # English is the source language (its plurals come from canvas/translate.py). No
        # catalogue for the language: English, with Qt's own buttons left in English too.
        return "en"
    _in_use[0] = language
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)  # Qt's own strings: standard buttons, file dialogs, context menus
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
