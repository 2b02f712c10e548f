"""Edit › Find (Ctrl+F): a row above the board that finds cards by their words.

A board of a few thousand cards has no other way to get back to "the card about refunds".
As in a browser or a text editor: the first match is chosen and shown while the words are
typed, Enter (or F3) goes to the next, Shift+Enter (Shift+F3) to the one before, round the
board; the row says "2 of 7", or that nothing matches, and Escape closes it with the found
card chosen and the keyboard on the board. Cards are found by their text, tags, notes and
wait, in reading order: stage by stage, lane by lane, top to bottom in a cell, ignoring case.
Made when first asked for: a board opens without it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from app.chrome_palette import ERROR_INKS, ink_on
from app.i18n import tr
from model.document import Document
from model.entities import Card

if TYPE_CHECKING:
    from app.editor import Editor

WORDS_KEPT = 50_000  # cards' folded words remembered (a 20,000-card board's, with room for edits)


def folded(text: str) -> str:
    """``text`` as it is compared: compatibility forms unfolded, case ignored (ß finds ss, ﬁ finds fi)."""
    return unicodedata.normalize("NFKC", text).casefold()


def card_words(card: Card) -> str:
    """What Find looks in: a card's text, tags, notes and wait, folded."""
    return _folded_words(card.text, tuple(card.tags or ()), card.notes, card.wait)


@lru_cache(maxsize=WORDS_KEPT)
def _folded_words(text: str, tags: tuple[str, ...], notes: str | None, wait: str | None) -> str:
    # Remembered: each typed letter looks through every card again (~15 ms at 5,000 cards folded afresh).
    return folded("\n".join(part for part in (text, *tags, notes or "", wait or "") if part))


def matching_cards(document: Document, words: str) -> list[str]:
    """Ids of the cards holding ``words`` (folded, anywhere in them), in reading order: stage by stage,
    lane by lane, top to bottom in each cell. None for empty words."""
    wanted = folded(words.strip())
    if not wanted:
        return []
    found = []
    for stage in document.stages:
        for lane in document.lanes:
            for card_id in document.cell_cards(stage.id, lane.id):
                if wanted in card_words(document.card(card_id)):
                    found.append(card_id)
    return found


class FindBar(QWidget):
    """The find row of one editor: its field, what it found, and buttons for the previous and next match."""

    def __init__(self, editor: Editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.matches: list[str] = []
        self.current = -1  # index in ``matches`` of the card chosen, -1 for none
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(tr("Find cards by their words"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(tr("Find cards"))
        self.field.textEdited.connect(self._find_from_start)
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setAccessibleName(tr("Matches"))
        style = self.style()
        self.previous_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                            tr("Previous match (Shift+Enter)"), self.find_previous)
        self.next_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                        tr("Next match (Enter)"), self.find_next)
        self.close_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton),
                                         tr("Close (Esc)"), self.close_bar)
        # As wide as a long search (~45 characters), not the window: the count and arrows stay next to the words.
        self.field.setMinimumWidth(self.fontMetrics().averageCharWidth() * 45)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.field)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.count)
        row.addStretch(1)
        row.addWidget(self.close_button)
        editor.document.changed.connect(self._on_changed)
        self._show_count()

    def _button(self, icon: object, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)  # type: ignore[arg-type]
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        return button

    # ------------------------------------------------------------ opening and closing
    def open_bar(self) -> None:
        """Show the row with its words chosen, ready to be typed over (Ctrl+F again does the same)."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text() and not self.matches:
            self._find_from_start()

    def close_bar(self) -> None:
        """Hide the row; the card found stays chosen and the keys go to the board again."""
        self.hide()
        self.editor.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.accept()  # the field's, not the board's Add card (Return) or a dialog's Escape
            return True
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ finding
    def _find_from_start(self) -> None:
        """The words changed: the first match in reading order is chosen (none: the row says so)."""
        self.matches = matching_cards(self.editor.document, self.field.text())
        self.current = -1
        if self.matches:
            self._go(0)
        self._show_count()

    def find_next(self) -> None:
        """The match after the chosen one, round to the first (F3, Enter in the field)."""
        self._step(1)

    def find_previous(self) -> None:
        """The match before the chosen one, round to the last (Shift+F3, Shift+Enter in the field)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.field.text().strip():
            self.open_bar()  # F3 with nothing to find: ask for the words
            return
        if not self.matches:
            self._find_from_start()
            if not self.matches:
                return
            if step > 0:
                return  # the first match is chosen: that was the step
        self._go((self.current + step) % len(self.matches))
        self._show_count()

    def _go(self, index: int) -> None:
        self.current = index
        self.editor.choose_cards([self.matches[index]])

    def _on_changed(self, _event: object) -> None:
        """A card was edited, added or deleted: the matches are found again, the chosen one kept if it still matches."""
        if not self.isVisible() or not self.field.text().strip():
            return
        chosen = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = matching_cards(self.editor.document, self.field.text())
        self.current = self.matches.index(chosen) if chosen in self.matches else -1
        self._show_count()

    def _show_count(self) -> None:
        words = self.field.text().strip()
        if not words:
            self.count.setText("")
        elif not self.matches:
            self.count.setText(tr("No card holds these words"))
        elif self.current < 0:
            self.count.setText(tr("%n card(s) found", "", len(self.matches)))
        else:
            self.count.setText(tr("{0} of {1}").format(self.current + 1, len(self.matches)))
        if words and not self.matches:
            ink_on(self.count, ERROR_INKS, self.palette())
        else:
            self.count.setPalette(self.palette())
        self.previous_button.setEnabled(len(self.matches) > 0)
        self.next_button.setEnabled(len(self.matches) > 0)
