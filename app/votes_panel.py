"""The "Top voted" panel: the cards of a dot-voting round, most votes first."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.seen_panel import RefreshWhenSeen
from canvas.translate import tr
from model import Document

MAX_SHOWN = 50


def ranking(document: Document) -> list[tuple[str, int]]:
    """(card id, votes) of the cards with votes, most first; ties in the board's reading order (stage by stage,
    lane by lane, top to bottom), not the file's: a card added or moved later came last among its ties."""
    voted = [(card.id, card.votes) for card in document.cards() if card.votes > 0]
    return sorted(voted, key=lambda entry: (-entry[1], document.reading_place(entry[0])))


class VotesPanel(RefreshWhenSeen, QWidget):
    """Lists the top-voted cards; choosing one selects it on the board."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Top voted cards"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.hint = QLabel(tr("No votes yet. Select a card and press V to vote, Shift+V to take a vote back."), self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)

    def set_editor(self, editor) -> None:
        """Follow another editor's document (None: show nothing)."""
        if self._editor is not None:
            with contextlib.suppress(RuntimeError, TypeError, ValueError):
                self._editor.document.changed.disconnect(self._on_changed)
        self._editor = editor
        if editor is not None:
            editor.document.changed.connect(self._on_changed)
        self._on_changed(None)

    def _on_changed(self, _event: object) -> None:
        self.refresh_when_seen()  # the ranking walks every card (app/seen_panel.py)

    def refresh(self) -> None:
        """Rebuild the list from the document."""
        self.mark_fresh()
        self.list.clear()
        editor = self._editor
        if editor is None:
            return
        doc = editor.document
        ranked = ranking(doc)
        self.hint.setVisible(not ranked)
        place, above = 0, None
        for n, (card_id, votes) in enumerate(ranked[:MAX_SHOWN], start=1):
            if votes != above:  # cards with as many votes share a place: "1. 1. 3.", a tie is no second place
                place, above = n, votes
            card = doc.card(card_id)
            first = card.text.split("\n")[0].strip() or tr("(empty card)")
            where = f"{doc.stage(card.stage).name} · {doc.lane(card.lane).name}"
            count = tr("%n vote(s)", "", votes)
            item = QListWidgetItem(f"{place}.  {count}  —  {first}\n{where}")
            item.setData(Qt.ItemDataRole.UserRole, card_id)
            self.list.addItem(item)

    def card_ids(self) -> list[str]:
        """The listed cards, in rank order (for tests and for reading aloud)."""
        if self._stale:
            self.refresh()
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _choose(self, item: QListWidgetItem) -> None:
        editor = self._editor
        card_id = item.data(Qt.ItemDataRole.UserRole)
        if editor is None or not editor.document.has_card(card_id):
            return
        editor.scene.nav.set_focus(("card", card_id))
