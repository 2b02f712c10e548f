"""The presenter's panel on the laptop: the current stage, its notes, what comes next, the time.

Stage notes are the stage's ``notes`` string (an extension of format v1, see
docs/format-extensions.md); the notes of the stage's cards follow, so a board written
without stage notes still gives the facilitator something to say.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.timer import Countdown
from model import Document

OVERVIEW = -1


def stage_notes(document: Document, index: int) -> str:
    """What the presenter reads for stage ``index``: its own notes, then its cards' notes."""
    stage = document.stages[index]
    parts: list[str] = []
    own = stage.extra.get("notes")
    if isinstance(own, str) and own.strip():
        parts.append(own.strip())
    for lane in document.lanes:
        for card_id in document.cell_cards(stage.id, lane.id):
            card = document.card(card_id)
            if card.notes and card.notes.strip():
                title = card.text.split("\n")[0].strip() or "(empty card)"
                parts.append(f"• {title} ({lane.name}): {card.notes.strip()}")
    return "\n\n".join(parts)


class PresenterPanel(QWidget):
    """Stage n of N, the stage's notes, the next stage and the countdown."""

    def __init__(self, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown
        self.document: Document | None = None
        self.index = OVERVIEW
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.notes.setAccessibleName("Stage notes")
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.time_label = QLabel(self)
        self.keys = QLabel("Right/PageDown next · Left/PageUp back · Home whole board · 1–9 jump · "
                           "click a card to spotlight · T timer · Esc leave", self)
        self.keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.notes, self.next_label, self.time_label, self.keys):
            layout.addWidget(widget)
        countdown.changed.connect(self._show_time)
        self._show_time()

    def show_stage(self, document: Document, index: int) -> None:
        """Show stage ``index`` of ``document`` (OVERVIEW: the whole board)."""
        self.document, self.index = document, index
        count = len(document.stages)
        if index == OVERVIEW or index >= count:
            self.heading.setText(f"{document.title or 'Untitled'} — whole board ({count} stages)")
            self.notes.setPlainText(document.description or "")
            self.next_label.setText(f"Next: {document.stages[0].name}" if count else "")
            return
        self.heading.setText(f"Stage {index + 1} of {count}: {document.stages[index].name}")
        self.notes.setPlainText(stage_notes(document, index) or "No notes for this stage.")
        self.next_label.setText(f"Next: {document.stages[index + 1].name}" if index + 1 < count else "Last stage")

    def _show_time(self) -> None:
        text = self.countdown.text()
        self.time_label.setText(f"Timer: {text}" if text else "Timer: off (T starts 5 minutes)")
