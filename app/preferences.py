"""Edit › Preferences (Ctrl+,): the interface language and the start screen.

The canvas theme lives in View › Theme. A language change applies at the next start
(the dialog says so), which keeps every window's strings consistent.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app import settings as store
from app.i18n import available_languages, tr


class PreferencesDialog(QDialog):
    """Language and start-up preferences, stored in the settings when accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self.setAccessibleName(tr("Preferences"))
        self.setAccessibleDescription(tr("Touchline's language and start-up settings"))
        self.language = QComboBox(self)
        self.language.addItem(tr("System language"), "")
        for code, name in available_languages().items():
            self.language.addItem(name, code)
        index = self.language.findData(store.language())
        self.language.setCurrentIndex(max(0, index))
        self.language.setAccessibleName(tr("Language"))
        self.language.setAccessibleDescription(tr("The language of menus and dialogs, from the next start"))
        self.welcome = QCheckBox(tr("Show the start screen when Touchline starts without a file"), self)
        self.welcome.setChecked(store.show_welcome())
        self.welcome.setAccessibleName(tr("Show the start screen"))
        self.welcome.setAccessibleDescription(tr("When Touchline starts without a file"))
        note = QLabel(tr("A new language applies when Touchline starts next time."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        language_label = QLabel(tr("&Language:"), self)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        form.addRow("", note)
        form.addRow("", self.welcome)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleDescription(tr("Keep these settings"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            tr("Close without changing anything"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Store the choices."""
        store.set_language(self.language.currentData() or "")
        store.set_show_welcome(self.welcome.isChecked())
        super().accept()
