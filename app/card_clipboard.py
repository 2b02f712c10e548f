"""Cut, copy, paste and duplicate of cards: what goes on the system clipboard, and the undo step a paste is.

The cards travel as a small board in the file format under ``model.clipboard.MIME_TYPE``, with
their texts, one a line, as plain text beside it (for a mail or a document). A paste takes
Touchline's cards when the clipboard has them, else its plain text, one card a line
(model/clipboard.py places either).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication

from canvas import commands as cmd
from model import Document, LoadError, dumps, loads
from model.clipboard import MIME_TYPE, Placement, card_texts, cards_document, text_document


def put_on_clipboard(document: Document, card_ids: list[str]) -> int:
    """Copy these cards (and the arrows between them) to the system clipboard; how many."""
    copied = cards_document(document, card_ids)
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


def added(document: Document, placement: Placement, text: str) -> cmd.Macro:
    """One undo step adding the placed cards, then the arrows between them."""
    step = cmd.Macro(text, document)
    for card, index in placement.cards:
        step.add(cmd.AddCard(document, card, index))
    for link in placement.links:
        step.add(cmd.AddLink(document, link))
    return step


__all__ = ["Clipped", "LoadError", "added", "from_clipboard", "put_on_clipboard"]
