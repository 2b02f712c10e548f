"""The board with the keyboard alone: a visible focus, moved by the arrow keys and Tab.

The focus is either a card or a cell's free slot (below its cards, where a new card
goes). Each stage column reads top to bottom as: the first lane's cards, its slot, the
next lane's cards, its slot, and so on; Up and Down walk that list, Left and Right go
to the same place in the neighbouring stage, Tab and Shift+Tab go from cell to cell down
the stage and on to the next. A focused card is selected (Space toggles it); a focused
slot is the scene's current cell, where typing starts a card (fast capture: Enter commits
it and starts the next one in the same cell, Tab commits and moves on to the next cell).
Ctrl+arrows move the focused card to the neighbouring cell, as one undo step; L starts
connect mode, where the arrows choose the card to link to and Enter links.

The focus ring is drawn on the canvas and never exported.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from canvas import commands as cmd
from canvas.items import CellOverlay, painted_theme
from canvas.translate import tr
from exporters.qtpaint import qpath
from model import Link
from model.events import Cell
from model.links import link_geometry

if TYPE_CHECKING:
    from canvas.scene import BoardScene

RING_DARK = QColor("#0F172A")
RING_LIGHT = QColor("#FFFFFF")
CONNECT = QColor("#2563EB")
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr})
# A letter within this long after V or L on a card makes them the first letters of a word (a typist's next key
# comes within ~0.1-0.3 s; a vote and then a word about something else, later).
TYPED_THROUGH_S = 0.6
ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}

# ("card", card id) or ("cell", (stage id, lane id)).
Focus = tuple[Literal["card"], str] | tuple[Literal["cell"], Cell]


class FocusRingItem(CellOverlay):
    """A dark ring with a light halo, visible on every fill, around the focused card or cell."""

    def __init__(self) -> None:
        super().__init__(30)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the card below
        self.radius = 10.0
        self.connecting = False

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = self._rect
        # In the dark theme the ring is light on a dark halo: the strong line is the one
        # that stands out from the board around it.
        ring, halo = (RING_DARK, RING_LIGHT) if painted_theme(self, widget) == "light" else (RING_LIGHT, RING_DARK)
        painter.setPen(QPen(halo, 5))
        painter.drawRoundedRect(rect, self.radius, self.radius)
        style = Qt.PenStyle.DashLine if self.connecting else Qt.PenStyle.SolidLine
        painter.setPen(QPen(CONNECT if self.connecting else ring, 2.5, style))
        painter.drawRoundedRect(rect, self.radius, self.radius)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-4, -4, 4, 4)


class KeyboardNav:
    """Keyboard focus, navigation, moves, connect mode and fast capture on one scene."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.focus: Focus | None = None
        self.connect_source: str | None = None
        self.ring = FocusRingItem()
        self._preview = QGraphicsPathItem()
        self._preview.setPen(QPen(CONNECT, 2, Qt.PenStyle.DashLine))
        self._preview.setZValue(40)
        self._preview.hide()
        scene.addItem(self.ring)
        scene.addItem(self._preview)
        self._syncing = False
        self._last_cell: Cell | None = None
        # The focused cell is the one a card went from (deleted, undone), not one chosen to type into: typing
        # starts a card there, but the presentation keeps its one-letter keys (B, T, 1…9) for this place.
        self.vacated = False
        # Called after the keyboard moved the focus (the presentation glides to its stage).
        self.focus_listeners: list[Callable[[], None]] = []
        # Where the keyboard starts when nothing has the focus, asked with (a cell's slot only, the
        # last such place): the presentation's stage on screen. None (or None returned): the board's start.
        self.start_place: Callable[[bool, bool], Focus | None] | None = None
        # The stage the presentation frames (its id; None on the whole board), when one is up: Add stage puts
        # the new stage after it, where the room is looking, not at the board's end out of sight.
        self.framed_stage: Callable[[], str | None] | None = None
        # While the board is presented (app/present.py): no key chooses a header, whose Delete would take a
        # whole stage off the projected board, nor renames the board.
        self.presenting = False
        # Tells the user why a keyboard connect linked nothing (the editor's status bar), when set.
        self.say: Callable[[str], None] | None = None
        # The last one-letter key that acted on a chosen card (V, Shift+V, L, Shift+L): when, its letter, the
        # card, and how to take it back. A letter typed right after it shows it was a word's first letter.
        self._letter_key: tuple[float, str, str, Callable[[], None]] | None = None
        self.last_typed = ""  # what the last key that came to the board typed ("" for none)

    # ------------------------------------------------------------ the focus
    def show_start(self) -> None:
        """Focus the board's first place without selecting it (the view got focus by Tab, or a board is new); a
        cell's slot is chosen with it (``set_focus``), so what is typed next is a card there."""
        if self.focus is None:
            start = self._start()
            if start is not None:
                self.set_focus(start, select=False)

    def focused_card(self) -> str | None:
        """The focused card's id, if a card has the focus."""
        if self.focus is not None and self.focus[0] == "card":
            return str(self.focus[1])
        return None

    def focused_cell(self) -> Cell | None:
        """The focused cell, if a cell's slot has the focus."""
        if self.focus is not None and self.focus[0] == "cell":
            return self.focus[1]
        return None

    def set_focus(self, focus: Focus | None, *, select: bool = True, extend: bool = False) -> None:
        """Move the focus; a focused card becomes the selection (or joins it with ``extend``)."""
        scene = self.scene
        self.focus = focus
        self.vacated = False
        self._syncing = True
        try:
            if focus is not None and focus[0] == "card" and select:
                scene.select_cell(None)
                if not extend:
                    scene.clearSelection()
                scene.card_item(str(focus[1])).setSelected(True)
            elif focus is not None and focus[0] == "cell":
                if not extend:
                    scene.clearSelection()
                scene.select_cell(focus[1])
        finally:
            self._syncing = False
        self.refresh()
        rect = self.ring.sceneBoundingRect() if self.ring.isVisible() else None
        if rect is not None:
            for view in scene.views():
                if getattr(view, "follows_focus", True):
                    view.ensureVisible(rect, 24, 24)
        for listener in list(self.focus_listeners):
            listener()

    def refresh(self) -> None:
        """Put the ring where the focus is (after layout changes), dropping a focus that went."""
        doc, layout = self.scene.document, self.scene.layout
        focus = self.focus
        went = False
        if focus is not None and focus[0] == "cell":
            self._last_cell = focus[1]
        if focus is not None and focus[0] == "card":
            if doc.has_card(str(focus[1])) and str(focus[1]) in layout.cards:
                card = doc.card(str(focus[1]))
                self._last_cell = (card.stage, card.lane)
            else:
                # The card went (deleted, undone): the focus stays where it was, on its cell.
                focus = self.focus = ("cell", self._last_cell) if self._last_cell is not None else None
                went = focus is not None
        if focus is not None and focus[0] == "cell":
            stage_id, lane_id = focus[1]
            if stage_id not in layout.stage_headers or lane_id not in layout.lane_headers:
                focus = self.focus = None
                went = False
        if went:
            # ... and the cell is the current one, as a cell the arrows reach is: typing after Delete added
            # nothing (capture types only into the current cell) while the ring showed the cell ready.
            self.vacated = True
            self._syncing = True
            try:
                self.scene.select_cell(focus[1])  # type: ignore[index,arg-type]
            finally:
                self._syncing = False
        if focus is None:
            self.ring.set_rect(None)
        elif focus[0] == "card":
            r = layout.card_rect(str(focus[1]))
            self.ring.radius = 12
            self.ring.set_rect(QRectF(r.x, r.y, r.w, r.h).adjusted(-5, -5, 5, 5))
        else:
            r = layout.cell_rect(*focus[1])
            self.ring.radius = 10
            self.ring.set_rect(QRectF(r.x, r.y, r.w, r.h).adjusted(4, 4, -4, -4))
        self.ring.connecting = self.connect_source is not None
        self.ring.update()
        self._update_preview()

    def follow_selection(self) -> None:
        """After a click: the focus goes to the card or cell the mouse chose."""
        scene = self.scene
        if self._syncing or not isValid(scene) or not isValid(self.ring):  # the scene emits while destroyed
            return
        cards = scene.selected_cards()
        if scene.selected_header() is not None and not cards:
            self.focus = None  # the header shows its own outline; Tab goes into its stage or lane
        elif len(cards) == 1 and self.focused_card() != cards[0]:
            self.focus = ("card", cards[0])
        elif scene.current_cell is not None:
            if self.focus != ("cell", scene.current_cell):
                self.vacated = False  # a cell clicked: chosen to type into
            self.focus = ("cell", scene.current_cell)
        elif not cards and scene.selected_header() is None and self.focus is not None and self.focus[0] == "cell":
            self.focus = None
        self.refresh()

    # ------------------------------------------------------------ navigation
    def column(self, stage_id: str) -> list[Focus]:
        """A stage column in reading order: each lane's cards, then its slot."""
        doc = self.scene.document
        places: list[Focus] = []
        for lane in doc.lanes:
            places += [("card", c) for c in doc.cell_cards(stage_id, lane.id)]
            places.append(("cell", (stage_id, lane.id)))
        return places

    def _cell_of(self, focus: Focus) -> tuple[Cell, int]:
        """The cell of a focus and its index in the cell (the slot counts as after the cards)."""
        doc = self.scene.document
        if focus[0] == "card":
            card = doc.card(str(focus[1]))
            return (card.stage, card.lane), doc.cell_cards(card.stage, card.lane).index(card.id)
        cell: Cell = focus[1]
        return cell, len(doc.cell_cards(*cell))

    def _start(self) -> Focus | None:
        doc = self.scene.document
        if not doc.stages or not doc.lanes:
            return None
        place = self.start_place(False, False) if self.start_place is not None else None
        if place is None:
            resumed = self._resumed()
            place = ("cell", resumed) if resumed is not None else None
        return place if place is not None else self.column(doc.stages[0].id)[0]

    def _resumed(self) -> Cell | None:
        """The cell the keyboard was last in, when it is still on the board: where the arrows and Tab go on after
        the focus was let go with Esc, or the board was left for a panel (the first card of all, where they went,
        was out of sight there). Not while presenting: there a key starts in the stage on screen (the overview's
        Down glided the room to the cell the editor had last reached)."""
        if self._last_cell is None or self.presenting:
            return None
        return self._last_cell if self.scene.document.has_cell(self._last_cell) else None

    def _into_header(self, kind: str, item_id: str, dx: int, dy: int) -> Focus | None:
        """From a selected header (a stage just added and named, a header clicked), the arrow that points
        into the board enters its stage (Down: its first card or slot) or its lane (Right: its first cell);
        another arrow, a neighbour's. None when the arrow leads off the board."""
        doc = self.scene.document
        stages, lanes = [s.id for s in doc.stages], [ln.id for ln in doc.lanes]
        if kind == "stage" and item_id in stages and lanes:
            pos = stages.index(item_id) + dx
            if dy < 0 or not 0 <= pos < len(stages):
                return None
            return self.column(stages[pos])[0]
        if kind == "lane" and item_id in lanes and stages:
            pos = lanes.index(item_id) + dy
            if dx < 0 or not 0 <= pos < len(lanes):
                return None
            cards = doc.cell_cards(stages[0], lanes[pos])
            return ("card", cards[0]) if cards else ("cell", (stages[0], lanes[pos]))
        return None

    def step(self, dx: int, dy: int, *, cards_only: bool = False) -> Focus | None:
        """The place one step away from the focus (None at the board's edge)."""
        doc = self.scene.document
        if self.focus is None:
            header = self.scene.selected_header()
            return self._start() if header is None else self._into_header(header.kind, header.item_id, dx, dy)
        (stage_id, lane_id), index = self._cell_of(self.focus)
        if dy:
            column = [f for f in self.column(stage_id) if not cards_only or f[0] == "card"]
            here = self.focus if self.focus in column else None
            if here is None:
                return column[0] if column else None
            pos = column.index(here) + dy
            return column[pos] if 0 <= pos < len(column) else None
        stages = [s.id for s in doc.stages]
        pos = stages.index(stage_id) + dx
        while 0 <= pos < len(stages):
            cards = doc.cell_cards(stages[pos], lane_id)
            if self.focus[0] == "card" and cards:
                return ("card", cards[min(index, len(cards) - 1)])
            if not cards_only:
                return ("cell", (stages[pos], lane_id))
            nearest = self._nearest_lane_with_cards(stages[pos], lane_id)
            if nearest is not None:  # connecting: a step to the next stage's cards, not only this lane's
                cards = doc.cell_cards(stages[pos], nearest)
                return ("card", cards[min(index, len(cards) - 1)])
            pos += dx
        return None

    def _nearest_lane_with_cards(self, stage_id: str, lane_id: str) -> str | None:
        """Of the lanes holding cards in this stage, the one nearest ``lane_id`` (the upper one of two as near)."""
        doc = self.scene.document
        lanes = [lane.id for lane in doc.lanes]
        here = lanes.index(lane_id)
        filled = [pos for pos, lane in enumerate(lanes) if doc.cell_cards(stage_id, lane)]
        return lanes[min(filled, key=lambda pos: (abs(pos - here), pos))] if filled else None

    def move(self, dx: int, dy: int, *, extend: bool = False) -> None:
        """Arrow keys: move the focus (in connect mode, only among cards)."""
        target = self.step(dx, dy, cards_only=self.connect_source is not None)
        if target is not None:
            self.set_focus(target, select=self.connect_source is None, extend=extend)
        elif self.connect_source is not None:  # the arrow did nothing: say why, rather than stay silent
            self.tell(tr("No card that way to connect to; Esc cancels"))
        elif self.focus is not None and (dy < 0 or dx < 0) and not extend and self.connect_source is None \
                and not self.presenting:
            self._choose_header("stage" if dy < 0 else "lane")

    def _choose_header(self, kind: str) -> None:
        """Up from a stage's first place chooses its header, Left from the first stage its lane's: F2 renames
        it and Delete removes it without the mouse (no key reached a header before); Down or Right goes back."""
        scene = self.scene
        (stage_id, lane_id), _ = self._cell_of(self.focus)  # type: ignore[arg-type]
        header = scene.header_item(kind, stage_id if kind == "stage" else lane_id)
        scene.select_cell(None)
        scene.clearSelection()
        header.setSelected(True)  # the header shows its own outline; the focus ring goes (follow_selection)
        for view in scene.views():
            if getattr(view, "follows_focus", True):
                view.ensureVisible(header.sceneBoundingRect(), 24, 24)
        self.tell(tr("Stage header chosen: F2 renames it, Ctrl+Left/Right moves it, Delete removes it, Down goes "
                     "back in") if kind == "stage"
                  else tr("Lane header chosen: F2 renames it, Ctrl+Up/Down moves it, Delete removes it, Right goes "
                          "back in"))

    def tab(self, forward: bool = True) -> None:
        """Tab / Shift+Tab: the next cell down the stage, then on to the next stage."""
        doc = self.scene.document
        cells = [(s.id, ln.id) for s in doc.stages for ln in doc.lanes]
        if not cells:
            return
        header = self.scene.selected_header()
        if self.focus is None and header is not None:
            first_stage, first_lane = cells[0]
            target = (header.item_id, first_lane) if header.kind == "stage" else (first_stage, header.item_id)
        elif self.focus is None:
            place = self.start_place(True, not forward) if self.start_place is not None else None
            fallback = self._resumed() or (cells[0] if forward else cells[-1])
            target = place[1] if place is not None else fallback  # type: ignore[assignment]
        else:
            cell, _ = self._cell_of(self.focus)
            pos = cells.index(cell) + (1 if forward else -1)
            if not 0 <= pos < len(cells):
                self.tell(tr("The board's last cell: Tab goes no further") if forward
                          else tr("The board's first cell: Shift+Tab goes no further"))
                return
            target = cells[pos]
        self.set_focus(("cell", target))

    def toggle_selected(self) -> None:
        """Space: select or unselect the focused card, keeping the rest of the selection."""
        card_id = self.focused_card()
        if card_id is None:
            return
        item = self.scene.card_item(card_id)
        self._syncing = True
        try:
            item.setSelected(not item.isSelected())
        finally:
            self._syncing = False

    # ------------------------------------------------------------ edits
    def move_card(self, dx: int, dy: int) -> bool:
        """Ctrl+arrows: move the focused card to the neighbouring cell, as one undo step."""
        card_id = self.focused_card()
        if card_id is None:
            return False
        doc = self.scene.document
        card = doc.card(card_id)
        stages, lanes = [s.id for s in doc.stages], [ln.id for ln in doc.lanes]
        s, ln = stages.index(card.stage) + dx, lanes.index(card.lane) + dy
        if not (0 <= s < len(stages) and 0 <= ln < len(lanes)):
            return False
        index = doc.cell_cards(card.stage, card.lane).index(card_id)
        target = doc.cell_cards(stages[s], lanes[ln])
        self.scene.push(cmd.MoveCard(doc, card_id, stages[s], lanes[ln], min(index, len(target))))
        self.set_focus(("card", card_id))
        return True

    def start_connect(self) -> bool:
        """L: connect the focused card to another one chosen with the arrows (Enter links, Esc cancels)."""
        card_id = self.focused_card()
        if card_id is None:
            return False
        self.connect_source = card_id
        self.refresh()
        return True

    def _enter_edits(self) -> bool:
        """Whether Enter edits the focused card: it is the one chosen card, or the ring is on it with nothing chosen
        (an arrow chosen by Shift+L, several cards or a cell: Enter is Add card's, or nothing)."""
        card_id, scene = self.focused_card(), self.scene
        if card_id is None or scene.current_cell is not None:
            return False
        return (scene.selected_cards() == [card_id] and not scene.selected_links()) or not scene.selectedItems()

    def letter_key_used(self, letter: str, card_id: str, take_back: Callable[[], None]) -> None:
        """The one-letter key ``letter`` acted on the chosen card ``card_id`` (``take_back`` undoes what it did). The
        letter as typed is the last key's when it is that letter: Qt runs V's action for Shift+V too."""
        if self.last_typed.casefold() == letter.casefold():
            letter = self.last_typed
        self._letter_key = (time.monotonic(), letter, card_id, take_back)

    def _typed_through(self, text: str) -> bool:
        """``text`` typed right after a one-letter key on a card: the key was the first letter of a word, not a
        command. What it did is taken back and the next card starts with both ("visit the branch" typed on a
        chosen card voted on it at its v and made "isit the branch"; "look up rates" went into connecting)."""
        held, self._letter_key = self._letter_key, None
        if held is None or time.monotonic() - held[0] > TYPED_THROUGH_S or not self.scene.document.has_card(held[2]):
            return False
        if held[2] not in (self.focused_card(), self.connect_source):
            return False  # typed on another card since (V on one, a click on the next, a word there)
        held[3]()
        self.tell("")  # what the key said ("Connect: choose the other card…") is taken back with it
        self.capture_after(held[2], held[1] + text)
        return True

    def cancel_connect(self) -> None:
        """Leave connect mode without linking."""
        if self.connect_source is not None:
            self.tell("")  # its "choose the other card" stayed on for seconds
        self.connect_source = None
        self.refresh()

    def finish_connect(self) -> str | None:
        """Link the connect-mode source to the focused card; the new link's id, or None."""
        source, target = self.connect_source, self.focused_card()
        self.connect_source = None
        self.refresh()
        doc = self.scene.document
        if source is None or not doc.has_card(source):
            return None  # (the source may have been deleted or cut meanwhile)
        if target is None or target == source:
            self.tell(tr("Nothing linked: choose another card with the arrow keys before Enter"))
            return None
        # The focus on the card reached, the new arrow selected: F2 labels it, Delete removes it, the
        # Properties panel shows its kind (the keyboard had no way to reach an arrow). An arrow key
        # goes on from the card, selecting it.
        return self.link(source, target, then=lambda: self.set_focus(("card", target), select=False))

    def link(self, source: str, target: str, then: Callable[[], None] | None = None) -> str | None:
        """Link card ``source`` to another card ``target`` and select the new arrow, saying so (``then`` runs in
        between); nothing, saying why, when the two are linked already. The new link's id, or None. The
        keyboard's connect and a connect drag both end here."""
        doc = self.scene.document
        if any(k.target == target for k in doc.links_of(source) if k.source == source):
            self.tell(tr("Nothing linked: these two cards are linked already"))
            return None  # a second, identical arrow would hide under the first
        link = Link(doc.new_id("link"), source, target)
        self.scene.push(cmd.AddLink(doc, link))
        if then is not None:
            then()
        self.scene.select_link(link.id)
        self.tell(tr("Linked: F2 labels the arrow, Delete removes it"))
        return link.id

    def tell(self, text: str) -> None:
        """A word for the user in the editor's status bar (a connect drag that linked nothing, say)."""
        if self.say is not None:
            self.say(text)

    def _update_preview(self) -> None:
        source, target = self.connect_source, self.focused_card()
        layout = self.scene.layout
        if source is None or source not in layout.cards:
            self._preview.hide()
            return
        a = layout.card_rect(source)
        path = QPainterPath(QPointF(a.x + a.w / 2, a.y + a.h / 2))
        if target is not None and target != source and target in layout.cards:
            # The arrow's own curve, from side to side: a line from centre to centre ran through
            # both cards' text ("Push notifica|tion" on the projector).
            path = qpath(link_geometry(Link("preview", source, target), a, layout.card_rect(target)).curve)
        self._preview.setPath(path)
        self._preview.show()

    # ------------------------------------------------------------ fast capture
    def capture(self, cell: Cell, text: str = "", index: int | None = None) -> str:
        """Start a card in ``cell`` (at its end, or at ``index``) with ``text`` typed so far (fast capture)."""
        scene = self.scene
        self.focus = ("cell", cell)
        self.vacated = False
        self.refresh()
        return scene.add_card_in_cell(cell[0], cell[1], index, text=text,
                                      captured=lambda card_id, key: self._captured(cell, card_id, key))

    def capture_after(self, card_id: str, text: str) -> str:
        """Start a card right after ``card_id`` in its cell, with ``text`` typed so far (fast capture)."""
        doc = self.scene.document
        card = doc.card(card_id)
        self.scene.clearSelection()
        return self.capture((card.stage, card.lane), text, doc.card_index(card_id) + 1)

    def _captured(self, cell: Cell, card_id: str | None, key: str) -> None:
        """After a captured card: Enter starts the next in the same cell, Tab moves on."""
        doc = self.scene.document
        if not doc.has_cell(cell):
            return
        if key == "enter" and card_id is not None:
            self.set_focus(("cell", cell))
            self.capture(cell)
        elif key in ("tab", "backtab"):
            self.set_focus(("cell", cell))
            self.tab(key == "tab")
        elif key in ("enter", "escape", "cancel"):
            self.set_focus(("cell", cell))  # an empty Enter or Esc ends the run of cards (Esc keeps the typed one)
        elif card_id is not None and self.focus == ("cell", cell):
            self.focus = ("card", card_id)
            self.refresh()

    # ------------------------------------------------------------ keys
    def wants_key(self, event: QKeyEvent) -> bool:
        """Whether a key should reach ``key_press`` rather than a window shortcut."""
        self.last_typed = _typed(event)  # the letter of a one-letter shortcut: "V" for Shift+V (letter_key_used)
        key = event.key()
        if not self.last_typed and key not in MODIFIER_KEYS:
            self._letter_key = None  # Esc, Ctrl+Z, Enter… between: the letters typed next are not that key's word
        if self.connect_source is not None:
            # Letters too: "Looks for reviews" typed on a card started connecting at its L, and the v of
            # "reviews" then voted on the card while the other letters went nowhere.
            return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, *ARROWS) or _typed(event) != ""
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not _held(event) and self._enter_edits():
            return True  # Enter on a card edits it (Edit › Add card, the window's Enter, adds one)
        return self.focused_cell() is not None and _typed(event) != ""

    def key_press(self, event: QKeyEvent) -> bool:
        """Handle a key on the board; False leaves it to the scene's own handling."""
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if self.connect_source is not None:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish_connect()
                return True
            if key == Qt.Key.Key_Escape:
                self.cancel_connect()
                return True
            if _typed(event):
                if not self._typed_through(_typed(event)):
                    self.tell(tr("Connecting, not typing: the arrow keys choose the other card, Enter links, "
                                 "Esc cancels"))
                return True
        if key in ARROWS and not (mods & Qt.KeyboardModifier.AltModifier):
            self._letter_key = None  # a move between: the letters typed next are not that key's word
            dx, dy = ARROWS[key]  # type: ignore[index]
            if ctrl and self.connect_source is None:
                self.move_card(dx, dy)
            else:
                self.move(dx, dy, extend=shift)
            return True
        card_id = self.focused_card()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not _held(event) and self._enter_edits():
            self.scene.edit_card(card_id)  # type: ignore[arg-type]  # _enter_edits: a card has the focus
            return True
        cell = self.focused_cell()
        text = _typed(event)
        if cell is not None and text and self.scene.current_cell == cell:
            self.capture(cell, text)
            return True
        if text and self.focus is None and self.connect_source is None:
            # Typing adds a card in the focused cell; with none, the letters went nowhere without a word.
            if text.casefold() in ("v", "l"):  # the keys of a card (their actions are off with none chosen)
                self.tell(tr("Choose a card first (the arrow keys or a click): V votes on it, L connects it"))
            else:
                self.tell(tr("Tab goes into the chosen stage or lane; then type to add a card")
                          if self.scene.selected_header() is not None
                          else tr("Choose a cell first (the arrow keys, Tab or a click), then type to add a card"))
            return True
        card_id = self.focused_card()
        if text and card_id is not None and self.connect_source is None:
            if self.presenting:  # a stray key in front of a room starts nothing
                self.tell(tr("Typing goes into a cell, not onto a card: F2 edits this card's text"))
                return True
            # Letters on a card (other than its keys, V and L) start the next card after it, as typing into a
            # cell does: they did nothing, and the V and L of the words typed on voted and connected.
            if not self._typed_through(text):
                self.capture_after(card_id, text)
            return True
        return False


_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier  # with one held a key is a command, not a letter


def _held(event: QKeyEvent) -> bool:
    """Whether Ctrl, Alt, Shift or Meta is held (the keypad's flag is no key held)."""
    return bool(event.modifiers() & (_COMMAND_MODIFIERS | Qt.KeyboardModifier.ShiftModifier))


def _typed(event: QKeyEvent) -> str:
    """The printable text of a key press with no Ctrl, Alt or Meta, else ""."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return ""
    text = event.text()
    return text if text and text.isprintable() and text != " " else ""


def is_focus_ring(item: QGraphicsItem) -> bool:
    """Whether an item is the keyboard focus ring (left out of hit tests)."""
    return isinstance(item, FocusRingItem)
