"""The Personas panel: create, edit and remove the personas a journey is about.

Every edit is one SetPersonas step on the editor's undo stack (removing a persona also
clears it from its cards, in the same step). Text fields apply when they lose the focus
or on Ctrl+Enter, like the Properties panel.
"""

from __future__ import annotations

import contextlib
import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.editor import Editor
from app.i18n import tr
from app.properties import CommitTextEdit
from canvas.commands import SetPersonas, remove_persona
from model import events as ev
from model.entities import Persona


def _lines(text: str) -> list[str] | None:
    """One goal or pain a line; None when there are none."""
    items = [line.strip() for line in text.splitlines() if line.strip()]
    return items or None


class PersonaPanel(QWidget):
    """A list of the board's personas and a form for the chosen one."""

    def __init__(self, editor: Editor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor: Editor | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Personas"))
        self.list.currentRowChanged.connect(self._load_form)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("&Add persona"))
        self.add_button.clicked.connect(self.add_persona)
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)  # in line with the list and buttons above, as in Properties
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Persona name"))
        self.role = QLineEdit()
        self.role.setAccessibleName(tr("Persona role"))
        self.quote = QLineEdit()
        self.quote.setAccessibleName(tr("Persona quote"))
        self.goals = CommitTextEdit()
        self.goals.setAccessibleName(tr("Persona goals"))
        self.goals.setPlaceholderText(tr("One goal a line"))
        self.pains = CommitTextEdit()
        self.pains.setAccessibleName(tr("Persona pains"))
        self.pains.setPlaceholderText(tr("One pain a line"))
        for edit in (self.goals, self.pains):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(80)
            edit.committed.connect(self._commit)
        for line in (self.name, self.role, self.quote):
            line.editingFinished.connect(self._commit)
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("R&ole"), self.role)
        form.addRow(tr("&Quote"), self.quote)
        form.addRow(tr("&Goals"), self.goals)
        form.addRow(tr("&Pains"), self.pains)
        self.form_widget = QWidget()
        self.form_widget.setLayout(form)
        layout.addWidget(self.form_widget)
        self.set_editor(editor)

    # ------------------------------------------------------------ wiring
    def set_editor(self, editor: Editor | None) -> None:
        """Show the personas of another editor's document (None: nothing)."""
        if self._editor is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._editor.document.changed.disconnect(self._on_document_changed)
        self._editor = editor
        if editor is not None:
            editor.document.changed.connect(self._on_document_changed)
        self.setEnabled(editor is not None)
        self.reload()

    def _on_document_changed(self, event: object) -> None:
        if isinstance(event, ev.PersonasChanged | ev.DocumentReset):
            self.reload()

    def _personas(self) -> list[Persona]:
        return list(self._editor.document.personas) if self._editor is not None else []

    def reload(self) -> None:
        """Fill the list from the document, keeping the chosen persona chosen."""
        current = self.current_id()
        self._loading = True
        # Quiet while it is rebuilt: clear() chose no persona for a moment, which disabled the form, and
        # a disabled field drops the keyboard focus (Tab from Name to Role went nowhere, typing was lost).
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for persona in self._personas():
                item = QListWidgetItem(persona.name or persona.id)
                item.setData(256, persona.id)
                self.list.addItem(item)
            ids = [p.id for p in self._personas()]
            self.list.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        finally:
            self.list.blockSignals(False)
            self._loading = False
        self._load_form(self.list.currentRow())

    def choose(self, persona_id: str) -> None:
        """Choose the persona ``persona_id`` and put the keyboard in its name."""
        ids = [p.id for p in self._personas()]
        if persona_id in ids:
            self.list.setCurrentRow(ids.index(persona_id))
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            self.name.selectAll()

    def current_id(self) -> str | None:
        """The id of the persona being edited, if any."""
        item = self.list.currentItem()
        return str(item.data(256)) if item is not None else None

    def _load_form(self, row: int) -> None:
        personas = self._personas()
        persona = personas[row] if 0 <= row < len(personas) else None
        self.form_widget.setEnabled(persona is not None)
        self.remove_button.setEnabled(persona is not None)
        was_loading, self._loading = self._loading, True
        try:
            self.name.setText(persona.name if persona else "")
            self.role.setText(persona.role or "" if persona else "")
            self.quote.setText(persona.quote or "" if persona else "")
            self.goals.set_text("\n".join(persona.goals or []) if persona else "")
            self.pains.set_text("\n".join(persona.pains or []) if persona else "")
        finally:
            self._loading = was_loading

    # ------------------------------------------------------------ edits
    def add_persona(self) -> str | None:
        """Add a new persona (one undo step) and choose it; its id."""
        if self._editor is None:
            return None
        doc = self._editor.document
        persona = Persona(doc.new_id("persona"), tr("New persona"))
        self._editor.push(SetPersonas(doc, [*doc.personas, persona], added=persona.id))
        ids = [p.id for p in doc.personas]
        self.list.setCurrentRow(ids.index(persona.id))
        self.name.setFocus()
        self.name.selectAll()
        return persona.id

    def remove_current(self) -> None:
        """Remove the chosen persona and its badges from the cards (one undo step)."""
        persona_id = self.current_id()
        if self._editor is None or persona_id is None:
            return
        self._editor.push(remove_persona(self._editor.document, persona_id))

    def commit_pending(self) -> None:
        """Apply what is typed in the form but not applied yet (before a save or a close): a field applies
        when it loses focus or Enter is pressed, and a shortcut (Ctrl+S, Ctrl+W) does neither."""
        self._commit()

    def _commit(self) -> None:
        """Apply the form to the chosen persona, as one step, when anything differs."""
        persona_id = self.current_id()
        if self._loading or self._editor is None or persona_id is None:
            return
        doc = self._editor.document
        personas = list(doc.personas)
        index = next((i for i, p in enumerate(personas) if p.id == persona_id), None)
        if index is None:
            return
        old = personas[index]
        # Only what the user typed into: a field read back as shown would tidy the persona as loaded
        # (an empty role, "goals": [] as none) and make an edit nobody made, on every save and close.
        new = dataclasses.replace(
            old,
            name=(self.name.text().strip() or old.name) if self.name.isModified() else old.name,
            role=(self.role.text().strip() or None) if self.role.isModified() else old.role,
            quote=(self.quote.text().strip() or None) if self.quote.isModified() else old.quote,
            goals=_lines(self.goals.toPlainText()) if self.goals.is_edited() else old.goals,
            pains=_lines(self.pains.toPlainText()) if self.pains.is_edited() else old.pains,
        )
        for line in (self.name, self.role, self.quote):
            line.setModified(False)
        for box in (self.goals, self.pains):
            box.document().setModified(False)
        if not self.name.text().strip():  # a persona needs a name: the field shows the one it keeps
            self.name.setText(old.name)
        if new != old:
            personas[index] = new
            self._editor.push(SetPersonas(doc, personas))
