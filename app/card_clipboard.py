"""Cut, copy, paste and duplicate of cards: what goes on the system clipboard, and the undo step a paste is.

The cards travel as a small board in the file format under ``model.clipboard.MIME_TYPE``, with
their texts, one a line, as plain text beside it (for a mail or a document). A paste takes
Touchline's cards when the clipboard has them, else its plain text, one card a line
(model/clipboard.py places either). While a field of a panel has the keyboard focus, Edit › Cut,
Copy and Paste are that field's (``text_field_took``), as in any application. (A card's text
being typed on the board takes the keys itself; opening a menu keeps what was typed first, as
for every menu command, and the entries then act on cards.)
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

from canvas import commands as cmd
from model import Document, LoadError, dumps, loads
from model.clipboard import MIME_TYPE, Placement, card_texts, cards_document, text_document


def put_on_clipboard(document: Document, card_ids: list[str], *, votes: bool) -> int:
    """Copy these cards (and the arrows between them) to the system clipboard; how many.
    ``votes``: whether they keep their dot votes (a cut card does: it moves)."""
    copied = cards_document(document, card_ids, votes=votes)
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(dumps(copied).encode("utf-8")))
    data.setText("\n".join(card.text for card in copied.cards()))
    QGuiApplication.clipboard().setMimeData(data)
    return copied.card_count()


class Clipped(NamedTuple):
    """Cards to paste, as a board of their own, and whether they were made from plain text."""

    cards: Document
    from_text: bool


def from_clipboard() -> Clipped | None:
    """What the clipboard holds to paste as cards: Touchline's cards, else one card a line of its text;
    None when it holds neither. Raises LoadError when Touchline's cards there cannot be read."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        return None
    if data.hasFormat(MIME_TYPE):
        return Clipped(loads(bytes(data.data(MIME_TYPE).data())), from_text=False)
    if data.hasText():
        texts = card_texts(data.text())
        return Clipped(text_document(texts), from_text=True) if texts else None
    return None


def holds_cards_or_text() -> bool:
    """Whether the clipboard holds something a paste can use (Touchline's cards or any text), by its formats."""
    data = QGuiApplication.clipboard().mimeData()
    return data is not None and (data.hasFormat(MIME_TYPE) or data.hasText())


def added(document: Document, placement: Placement, text: str) -> cmd.Macro:
    """One undo step adding the personas the cards need, the placed cards, then the arrows between them."""
    step = cmd.Macro(text, document)
    if placement.personas:
        step.add(cmd.SetPersonas(document, [*document.personas, *placement.personas]))
    for card, index in placement.cards:
        if card.score is None and document.lane(card.lane).kind == "emotion":
            # A point of the curve, as a card added or moved there: unscored, the board drew it neutral while
            # Properties › Score said "—". (AddCard keeps its own copy: the clipboard's card is left as it was.)
            card = dataclasses.replace(card, score=0)
        step.add(cmd.AddCard(document, card, index))
    for link in placement.links:
        step.add(cmd.AddLink(document, link))
    return step


def text_field_took(action: str) -> bool:
    """Give ``action`` ("cut", "copy" or "paste") to the text field with the keyboard focus, if one has it
    (a field of a panel: the menu's entries reach it too, not only its keys). Whether one took it."""
    field = focused_text_field()
    if field is None:
        return False
    if not field.isReadOnly() or action == "copy":  # (read only: nothing to cut or paste into, nor cards)
        getattr(field, action)()
    return True


def focused_text_field() -> QLineEdit | QPlainTextEdit | QTextEdit | None:
    """The text field with the keyboard focus, if one has it (an editable combo box's or spin box's own)."""
    field = QApplication.focusWidget()
    if isinstance(field, QComboBox):
        field = field.lineEdit()
    elif isinstance(field, QAbstractSpinBox):
        field = field.findChild(QLineEdit)
    return field if isinstance(field, QLineEdit | QPlainTextEdit | QTextEdit) else None


__all__ = ["Clipped", "LoadError", "added", "focused_text_field", "from_clipboard", "holds_cards_or_text",
           "put_on_clipboard", "text_field_took"]
