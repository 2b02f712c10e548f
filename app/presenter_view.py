"""The presenter's panel on the laptop: the current stage, its notes, what comes next, the time.

Stage notes are the stage's ``notes`` string (an extension of format v1, see
docs/format-extensions.md), written here and kept in the file; the notes of the stage's
cards follow, so a board written without stage notes still gives the facilitator
something to say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.presentation_keys import PRESENTATION_KEYS
from app.timer import Countdown
from canvas import commands as cmd
from canvas.translate import tr
from model import Document

if TYPE_CHECKING:
    from app.editor import Editor

OVERVIEW = -1


def own_notes(document: Document, index: int) -> str:
    """Stage ``index``'s own notes ("" when it has none)."""
    notes = document.stages[index].extra.get("notes")
    return notes if isinstance(notes, str) else ""


def card_notes(document: Document, index: int) -> str:
    """The notes of stage ``index``'s cards, lane by lane, one paragraph a card."""
    stage = document.stages[index]
    parts: list[str] = []
    for lane in document.lanes:
        for card_id in document.cell_cards(stage.id, lane.id):
            card = document.card(card_id)
            if card.notes and card.notes.strip():
                title = card.text.split("\n")[0].strip() or tr("(empty card)")
                parts.append(f"• {title} ({lane.name}): {card.notes.strip()}")
    return "\n\n".join(parts)


def stage_notes(document: Document, index: int) -> str:
    """What the presenter reads for stage ``index``: its own notes, then its cards' notes."""
    return "\n\n".join(part for part in (own_notes(document, index).strip(), card_notes(document, index)) if part)


class PresenterPanel(QWidget):
    """Stage n of N, the stage's notes (editable), its cards' notes, the next stage and the countdown."""

    def __init__(self, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown
        self.editor: Editor | None = None
        self.index = OVERVIEW
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(tr("Stage notes"))
        self.notes.setPlaceholderText(tr("Notes for this stage (saved with the board, never drawn on it)"))
        self.notes.installEventFilter(self)
        self.cards_label = QLabel(tr("Card notes"), self)
        self.card_notes = QPlainTextEdit(self)
        self.card_notes.setReadOnly(True)
        self.card_notes.setAccessibleName(tr("Notes of this stage's cards"))
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.time_label = QLabel(self)
        self.keys = QLabel(" · ".join(f"{tr(keys)}: {tr(what)}" for keys, what in PRESENTATION_KEYS), self)
        self.keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.notes, self.cards_label, self.card_notes, self.next_label,
                       self.time_label, self.keys):
            layout.addWidget(widget)
        countdown.changed.connect(self._show_time)
        self._show_time()

    def show_stage(self, editor: Editor, index: int, part: int = 0, parts: int = 1) -> None:
        """Show stage ``index`` of the editor's board (OVERVIEW: the whole board), on part ``part`` of ``parts``."""
        self.commit_notes()
        self.editor, self.index = editor, index
        document = editor.document
        count = len(document.stages)
        overview = index == OVERVIEW or index >= count
        self.notes.setEnabled(not overview)
        if overview:
            title = document.title or tr("Untitled")
            self.heading.setText(tr("{0} — whole board (%n stage(s))", "", count).format(title))
            self.notes.setPlainText("")
            self.card_notes.setPlainText(document.description or "")
            self.next_label.setText(tr("Next: {0}").format(document.stages[0].name) if count else "")
            return
        name = document.stages[index].name
        if parts > 1:  # the walk shows a tall stage in parts, as the audience's caption says
            self.heading.setText(tr("Stage {0} of {1} · part {2} of {3}: {4}").format(index + 1, count, part + 1,
                                                                                     parts, name))
        else:
            self.heading.setText(tr("Stage {0} of {1}: {2}").format(index + 1, count, name))
        if self.notes.toPlainText() != own_notes(document, index):
            self.notes.setPlainText(own_notes(document, index))
        self.card_notes.setPlainText(card_notes(document, index) or tr("No card notes in this stage."))
        if part + 1 < parts:
            self.next_label.setText(tr("Next: part {0} of this stage").format(part + 2))
        else:
            self.next_label.setText(tr("Next: {0}").format(document.stages[index + 1].name) if index + 1 < count
                                    else tr("Last stage"))

    def commit_notes(self) -> None:
        """Put what was typed in the notes field into the document, as one undo step."""
        editor, index = self.editor, self.index
        if editor is None or index == OVERVIEW or index >= len(editor.document.stages):
            return
        # Only what was typed since the field was filled: after an undo took the notes away, the field still
        # held them until the stage was shown again, and showing it (the undo chooses the stage) wrote them back.
        if not self.notes.document().isModified():
            return
        self.notes.document().setModified(False)
        text = self.notes.toPlainText()
        value = text if text.strip() else None
        stage = editor.document.stages[index]
        if value != stage.extra.get("notes"):
            editor.push(cmd.SetStageField(editor.document, stage.id, "notes", value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.commit_notes()
        return super().eventFilter(watched, event)

    def _show_time(self) -> None:
        text = self.countdown.text()
        self.time_label.setText(tr("Timer: {0}").format(text) if text else tr("Timer: off (T starts 5 minutes)"))
