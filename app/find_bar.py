"""Edit › Find (Ctrl+F): a row above the board that finds cards by their words.

A board of a few thousand cards has no other way to get back to "the card about refunds".
As in a browser or a text editor: the first match is chosen and shown while the words are
typed, Enter (or F3) goes to the next, Shift+Enter (Shift+F3) to the one before, round the
board; the row says "2 of 7" or "No match", and Escape closes it with the found
card chosen and the keyboard on the board. Cards are found by their text, tags, notes and
wait, in reading order: stage by stage, lane by lane, top to bottom in a cell, ignoring case.
Made when first asked for: a board opens without it.
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.accessibility import announce, spoken_card
from app.chrome_palette import ERROR_INKS, ink_on
from app.i18n import tr
from model import events as ev
from model.document import Document
from model.entities import Card

if TYPE_CHECKING:
    from app.editor import Editor

WORDS_KEPT = 50_000  # cards' folded words remembered (a 20,000-card board's, with room for edits)


def folded(text: str) -> str:
    """``text`` as it is compared: compatibility forms unfolded, case ignored (ß finds ss, ﬁ finds fi)."""
    return unicodedata.normalize("NFKC", text).casefold()


SEARCHED_FIELDS = frozenset({"text", "tags", "notes", "wait"})  # what card_words reads


def card_words(card: Card) -> str:
    """What Find looks in: a card's text, tags, notes and wait, folded."""
    return _folded_words(card.text, tuple(card.tags or ()), card.notes, card.wait)


@lru_cache(maxsize=WORDS_KEPT)
def _folded_words(text: str, tags: tuple[str, ...], notes: str | None, wait: str | None) -> str:
    # Remembered: each typed letter looks through every card again (~15 ms at 5,000 cards folded afresh).
    return folded("\n".join(part for part in (text, *tags, notes or "", wait or "") if part))


def matching_cards(document: Document, words: str) -> list[str]:
    """Ids of the cards holding ``words`` (folded, anywhere in them), in reading order: stage by stage,
    lane by lane, top to bottom in each cell. No card for no words."""
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
    """The find row of one editor: its field, what it found, and buttons for the previous and next match.

    While the keys are in the row, the board's own keys (Ctrl+arrows moving a card, Ctrl+D, V, Delete,
    Return's Add card...) do nothing: they would act on the card found, out of sight of the one typing.
    """

    def __init__(self, editor: Editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.matches: list[str] = []
        self._stale = False  # the document changed since ``matches`` was found
        self._board_keys: set[str] | None = None  # the editor's shortcuts the row keeps from the board
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(tr("Find cards by their words"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(tr("Find cards"))
        # As wide as a long search (~45 characters) where there is room, down to ~15 in a narrow window.
        characters = self.fontMetrics().averageCharWidth()
        self.field.setMinimumWidth(characters * 15)
        self.field.setMaximumWidth(characters * 45)
        self.field.textEdited.connect(self._find_from_start)
        # No accessible name of its own: a screen reader reads its text ("2 of 7"); named "Matches", it read
        # "Matches" whatever the row found.
        self.count = QLabel(self)
        self.count.setMinimumWidth(1)  # may be squeezed in a narrow window, rather than widen it
        self.previous_button = self._button(tr("Previous match"), tr("Shift+Enter, Shift+F3"), self.find_previous)
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)  # drawn in the palette's colours, light or dark
        self.next_button = self._button(tr("Next match"), tr("Enter, F3"), self.find_next)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.close_button = self._button(tr("Close"), tr("Esc"), self.close_bar)
        self.close_button.setText("\u00d7")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.field, 3)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.count, 1)
        row.addWidget(self.close_button)
        for widget in (self.field, *self.field.findChildren(QToolButton), self.previous_button, self.next_button,
                       self.close_button):
            widget.installEventFilter(self)
        for button in self.field.findChildren(QToolButton):  # the field's clear button
            button.setAccessibleName(tr("Clear the words"))
            button.setAccessibleDescription(tr("Empty the find field"))
        editor.document.changed.connect(self._on_changed)
        editor.selection_changed.connect(self._on_chosen)
        self._show_count()

    def _button(self, name: str, keys: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setToolTip(f"{name} ({keys})")
        button.setAccessibleName(name)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ opening and closing
    def open_bar(self) -> None:
        """Show the row with its words chosen, ready to be typed over (Ctrl+F again does the same)."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._refresh()
        self._show_count()

    def close_bar(self) -> None:
        """Hide the row; the card found stays chosen and the keys go to the board again."""
        self.hide()
        self.editor.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain_or_shift = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        returned = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain_or_shift
        if event.type() == QEvent.Type.ShortcutOverride:
            if returned or key == Qt.Key.Key_Escape or self._is_board_key(event):
                event.accept()  # the row's: the key comes to it as a key press, and the board's action stays put
                return True
        elif event.type() == QEvent.Type.KeyPress:
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if returned and watched is self.field:
                if modifiers & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if returned and isinstance(watched, QToolButton):
                watched.click()  # as Space does
                return True
            commanded = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            if commanded and self._is_board_key(event):
                return True  # kept from the board, and no text either (the field typed Ctrl+Alt+S's "s")
        return super().eventFilter(watched, event)

    def _is_board_key(self, event: QKeyEvent) -> bool:
        if self._board_keys is None:
            actions = self.editor.edit_actions
            kept = (actions.find, actions.find_next, actions.find_previous, actions.undo, actions.redo)
            names: tuple[str, ...] = getattr(type(actions), "__slots__", ())  # a model.record class
            self._board_keys = {sequence.toString() for name in names
                                if (action := getattr(actions, name)) not in kept for sequence in action.shortcuts()}
        return QKeySequence(event.keyCombination()).toString() in self._board_keys

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show_count()  # the error ink chosen again for the new background

    # ------------------------------------------------------------ finding
    def _find_from_start(self) -> None:
        """The words changed: the first match in reading order is chosen (none: the row says so)."""
        self.matches = matching_cards(self.editor.document, self.field.text())
        self._stale = False
        if self.matches:
            self.editor.choose_cards([self.matches[0]])
        self._show_count()
        self._say_found()

    def find_next(self) -> None:
        """The match after the chosen card, round to the first (F3, Enter in the field)."""
        self._step(1)

    def find_previous(self) -> None:
        """The match before the chosen card, round to the last (Shift+F3, Shift+Enter in the field)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.field.text().strip():
            self.open_bar()  # F3 with nothing to find: ask for the words
            return
        self._refresh()
        if not self.matches:
            self._show_count()
            self._say_found()
            return
        count = len(self.matches)
        chosen = self._chosen()
        if chosen in self.matches:
            target = (self.matches.index(chosen) + step) % count
        elif chosen is not None:  # a card chosen on the board: the matches after it (or before it) in reading order
            doc = self.editor.document
            place = doc.reading_place(chosen)
            # The matches are in reading order (matching_cards): the first after it found by halving, not by
            # placing each (~29 ms a step with 5,000 matches).
            after = bisect.bisect_right(self.matches, place, key=doc.reading_place)
            target = after % count if step > 0 else (after - 1) % count
        else:
            target = 0 if step > 0 else count - 1
        self.editor.choose_cards([self.matches[target]])
        self._show_count()
        self._say_found()

    def _say_found(self) -> None:
        """Tell a screen reader what the row found: the count and the card chosen ("2 of 7: Pays at the
        counter, card 1 of 2 in Customer, Pay"). The keys stay in the field, so the card chosen on the board
        was shown and never said."""
        said = self.count.text()
        chosen = self._chosen() if self.matches else None
        if chosen in self.matches:
            said = f"{said}: {spoken_card(self.editor.document, chosen)}"
        announce(self.field, said)

    def _chosen(self) -> str | None:
        """The card the board has chosen: the keyboard's, else the first selected."""
        focused = self.editor.scene.nav.focused_card()
        if focused is not None and self.editor.document.has_card(focused):
            return focused
        selected = self.editor.selected_cards()
        return selected[0] if selected else None

    def _refresh(self) -> None:
        """Find the matches again if the document changed since (a card edited, added, deleted or undone)."""
        if self._stale:
            self.matches = matching_cards(self.editor.document, self.field.text())
            self._stale = False

    def _on_changed(self, event: object) -> None:
        if isinstance(event, ev.CardChanged) and event.field not in SEARCHED_FIELDS:
            return  # a score, a colour, votes: the matches stay (a lane made an emotion lane scores each card)
        self._stale = True  # even hidden: F3 from the board must not go to a card deleted since
        if self.isVisible():
            self._refresh()
            self._show_count()

    def _on_chosen(self) -> None:
        if self.isVisible():
            self._show_count()  # "3 of 7" for a match clicked on the board

    def _show_count(self) -> None:
        words = self.field.text().strip()
        chosen = self._chosen() if self.matches else None
        if not words:
            self.count.setText("")
        elif not self.matches:
            self.count.setText(tr("No match"))
        elif chosen in self.matches:
            # Grouped as the language groups thousands: "1,234" read as one point two in German.
            number = QLocale().toString
            place = self.matches.index(chosen) + 1
            self.count.setText(tr("{0} of {1}").format(number(place), number(len(self.matches))))
        else:
            self.count.setText(tr("%n card(s) found", "", len(self.matches)))
        if words and not self.matches:
            ink_on(self.count, ERROR_INKS, self.palette())
        else:
            self.count.setPalette(self.palette())
        self.previous_button.setEnabled(len(self.matches) > 0)
        self.next_button.setEnabled(len(self.matches) > 0)
