"""The editor widget: owns the scene, the view, the undo stack and the edit actions.

The main window stays thin and only puts these actions in its menus.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMenu, QVBoxLayout, QWidget
from shiboken6 import delete, isValid

from app import collection
from app.first_paint import after_first_paint
from app.i18n import tr
from app.long_task import CancelledError, run_in_background
from canvas import commands as cmd
from canvas.items import CardItem, HeaderItem
from canvas.scene import BoardScene
from canvas.view import BoardView
from model import Document, Lane, Stage
from model import events as ev
from model.entities import LANE_KIND_LABELS, SCORE_RANGE
from model.layout import Layout
from model.record import record

if TYPE_CHECKING:
    from app.find_bar import FindBar


@record  # not @dataclass: its generated code took ~2 ms of every start (issue 9)
class EditActions:
    """The editor's actions, for the window's menus."""

    undo: QAction
    redo: QAction
    delete: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    duplicate: QAction
    select_all: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    add_card: QAction
    edit_text: QAction
    add_stage: QAction
    add_lane: QAction
    delete_stage: QAction
    delete_lane: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_fit: QAction
    zoom_actual: QAction
    show_impact: QAction
    arrange: QAction
    vote: QAction
    unvote: QAction
    connect: QAction
    next_arrow: QAction
    move_left: QAction
    move_right: QAction
    move_up: QAction
    move_down: QAction
    raise_score: QAction
    lower_score: QAction


# After the first paint the rest of the board is made in turns of the event loop of about
# TURN_S each, in chunks (a chunk of arrows on a 20,000-card board of spanning arrows costs
# ~6 ms, on a 5,000-card one ~1.5 ms): input and painting wait at most about one frame.
TURN_S = 0.012
BUILD_CHUNK = 50  # card and arrow items
INDEX_CHUNK = 25  # arrows put in the arrow layer's grid, once every item exists


# An undo bringing back more cards than this (a board-wide Arrange, 5,000 deleted cards) leaves the choice
# as it was: choosing them would make every one's item at once, and a choice that large says nothing.
MAX_CHOSEN_AFTER_UNDO = 500


class PushTrackingStack(QUndoStack):
    """A QUndoStack that says whether its index moves because of a push (``pushing``) or an undo or redo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pushing = False

    def push(self, command: QUndoCommand) -> None:
        """Run ``command`` and put it on the stack (``pushing`` meanwhile)."""
        self.pushing = True
        try:
            super().push(command)
        finally:
            self.pushing = False


class Editor(QWidget):
    """One document on a canvas, with undo."""

    selection_changed = Signal()
    impact_changed = Signal(str)  # a one-line summary for the status bar, "" when the view is left
    message = Signal(str)  # a passing word for the status bar ("Copied 3 cards")

    def __init__(self, document: Document, parent: QWidget | None = None, *, layout: Layout | None = None) -> None:
        """An editor on ``document`` as laid out by ``layout`` (made by the scene when None)."""
        super().__init__(parent)
        self.document = document
        self.undo_stack = PushTrackingStack(self)
        # An undo or redo chooses the cards it brought back, moved or changed, and shows them (as a
        # delete's undo does in any editor); cards touched since the stack last moved are noted here.
        self._touched: dict[str, None] = {}
        # The stage or lane such a step brought back, moved or changed last ("stage"/"lane", id): its header is
        # chosen and shown instead (the undo of a deleted stage chose nothing and left it where it was).
        self._touched_header: tuple[str, str] | None = None
        # The cells such a step took cards from (an add undone, a delete redone), when it left none to choose.
        self._emptied: dict[tuple[str, str], None] = {}
        document.changed.connect(self._note_touched)
        self.undo_stack.indexChanged.connect(self._choose_touched)
        # The card and arrow items are made for what the view shows first, the rest after the
        # first paint (_build_rest): a large board appears without waiting for all of them.
        self.scene = BoardScene(document, self.push, layout, lazy=True)
        self.view = BoardView(self.scene, self)
        self._find_bar: FindBar | None = None
        box = QVBoxLayout(self)  # not ``layout``: that is the board's (the parameter)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view)
        self.edit_actions = self._make_actions()
        # A right-click shows what can be done with the thing under the pointer (app/board_menu.py).
        self.view.menu_requested.connect(self._show_board_menu)
        self._shown = False
        self._painted = False  # the board has been drawn on screen at least once
        self._after_paint: list[Callable[[], None]] = []
        after_first_paint(self.view.viewport(), self._first_painted)
        # Where the board opens: a saved centre and zoom (app/remembering.py), else its start.
        self.initial_view: tuple[QPointF, float] | None = None
        self.scene.selectionChanged.connect(self.selection_changed)
        self.scene.cell_changed.connect(self.selection_changed)
        self.scene.selectionChanged.connect(self._update_action_state)
        self.scene.cell_changed.connect(self._update_action_state)
        self.scene.impact_cleared.connect(lambda: self.impact_changed.emit(""))
        self.scene.nav.say = self.message.emit
        # A screen reader is told the place the keyboard reaches on the board (_say_where).
        self._said_place: tuple[object, ...] | None = None
        self.scene.nav.focus_listeners.append(self._say_where)
        self.selection_changed.connect(self._say_where)
        # An edit can move the card the keys are on (Ctrl+arrows, undo) with the selection unchanged: heard too.
        self.undo_stack.indexChanged.connect(self._say_where)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a panel's text field taking the focus enables Cut and Copy
            app.focusChanged.connect(self._focus_moved)
        # Paste is greyed out while the clipboard holds neither cards nor text. Asked only when it
        # changes, and first after the first paint: reading another program's clipboard waits for it.
        self._clipboard_pastable = True
        # False while the start screen is in the board's place: its actions are off (Edit › Add stage changed a
        # board nobody saw, and New then asked to save it).
        self._board_actions = QActionGroup(self)  # off as one while the start screen shows; each keeps its own state
        self._board_actions.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        # Its fields in order: a model.record class has them as __slots__ and __match_args__ alike, and type
        # checkers, which see a frozen dataclass, know the second.
        for name in EditActions.__match_args__:
            self._board_actions.addAction(getattr(self.edit_actions, name))
        self._update_action_state()

    def _say_where(self) -> None:
        """Tell a screen reader the card, the cell's free place or the header the keyboard reached on the board.

        The board is drawn, not made of widgets a reader can see: arrowing from card to card said nothing, and a
        blind user heard "Board" and then silence. Said while the board has the keys (a card chosen from a panel
        or by Find is said there), once a place.
        """
        if not self.view.hasFocus():
            self._said_place = None  # back on the board (F6, Esc from Find), the place is said again
            return
        nav = self.scene.nav
        doc = self.document
        header = self.scene.selected_header() if nav.focus is None else None
        place: tuple[object, ...] | None = (
            tuple(nav.focus) if nav.focus is not None
            else ("header", header.kind, header.item_id) if header is not None else None)
        # Where the card or header stands too: moved with Ctrl+arrows or by an undo, it is said at its new place.
        if place is not None and place[0] == "card" and doc.has_card(str(place[1])):
            card = doc.card(str(place[1]))
            place = (*place, card.stage, card.lane, doc.card_index(card.id))
        elif header is not None and (doc.has_stage if header.kind == "stage" else doc.has_lane)(header.item_id):
            place = ("header", header.kind, header.item_id,
                     (doc.stage_index if header.kind == "stage" else doc.lane_index)(header.item_id))
        if place == self._said_place:
            return
        self._said_place = place
        from app.accessibility import announce, spoken_card, spoken_cell, spoken_header  # not needed to show a board

        if nav.focus is not None and nav.focus[0] == "card" and doc.has_card(str(nav.focus[1])):
            announce(self.view, spoken_card(doc, str(nav.focus[1])))
        elif nav.focus is not None and nav.focus[0] == "cell":
            if doc.has_cell(nav.focus[1]):
                announce(self.view, spoken_cell(doc, *nav.focus[1]))
        elif header is not None:
            announce(self.view, spoken_header(doc, header.kind, header.item_id))

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        widget = new or old
        if widget is not None and isValid(self) and isValid(widget) and widget.window() is self.window():
            self._update_action_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            if self.initial_view is not None:
                self.view.show_position(*self.initial_view)
            else:
                self.view.show_board_start()
            self.view.make_shown_items()

    def _first_painted(self) -> None:
        self._painted = True
        waiting, self._after_paint = self._after_paint, []
        for callback in waiting:
            callback()
        # The text editor's module waits for the first paint (canvas/scene.py, _is_inline_editor); loaded
        # just after it, so that the first double-click does not wait for it either.
        QTimer.singleShot(0, _load_inline_editor)
        QTimer.singleShot(0, self._build_rest)
        QApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        self._clipboard_changed()

    def _clipboard_changed(self) -> None:
        if not isValid(self):
            return
        from app.card_clipboard import holds_cards_or_text

        self._clipboard_pastable = holds_cards_or_text()
        self._update_action_state()

    def _build_rest(self) -> None:
        """Make the items the first paint did not need, a turn of the event loop at a time (input stays live)."""
        scene = self.scene
        if not isValid(scene):
            return
        deadline = time.perf_counter() + TURN_S
        # Then the arrows the first paint did not need are put in the arrow layer's grid (canvas/arrows.py).
        while scene.build_some(BUILD_CHUNK) or scene.arrows.index_some(INDEX_CHUNK):
            if time.perf_counter() >= deadline:
                QTimer.singleShot(0, self._build_rest)
                return
        collection.board_built()  # the board's objects are kept off the collector's full passes

    def when_painted(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the board is on screen: now if it has been painted or is not shown, else after
        its first paint (so that work which can wait, like a thumbnail, never delays the first sight of a board)."""
        if self._painted or not self.isVisible():
            callback()
        else:
            self._after_paint.append(callback)

    @property
    def was_shown(self) -> bool:
        """Whether the board has been on screen (its view position is then the user's, not a default)."""
        return self._shown

    def commit_pending(self) -> None:
        """Finish an in-place edit, keeping what was typed (before save, menus, close)."""
        self.scene.close_editor()

    def close_document(self) -> None:
        """Detach from the document before this editor is thrown away."""
        self.document.changed.disconnect(self._note_touched)
        self.scene.close_editor()
        self.scene.detach()
        collection.board_closed()

    def dispose_later(self) -> None:
        """Hide this editor and ``dispose`` of it once whatever called this (a drop on its view, a menu,
        its window closing) has returned."""
        self.hide()
        QTimer.singleShot(0, self.dispose)

    def dispose(self) -> None:
        """Delete this editor and its scene (after ``close_document``, once its window shows another editor).

        Left to QMainWindow (which deletes a replaced central widget with deleteLater), the
        editor's Qt object went but PySide went on counting its Python object as owned by Qt, a
        reference nobody dropped: the editor, its scene (which has no Qt parent), the layout
        and the document stayed alive, ~22-25 MB for each 1,000-card board opened after another.
        Deleted through shiboken, the Python objects are plain garbage the collector frees.
        """
        scene = self.scene
        if isValid(self):
            delete(self)  # its view, undo stack and actions with it
        if isValid(scene):
            delete(scene)  # and its items

    # ------------------------------------------------------------ contract
    def push(self, command: QUndoCommand) -> None:
        """Run a command and put it on the undo stack."""
        self.undo_stack.push(command)

    def _note_touched(self, event: object) -> None:
        if isinstance(event, ev.CardAdded | ev.CardMoved | ev.CardChanged):
            self._touched[event.card_id] = None
        elif isinstance(event, ev.CardRemoved):
            if self._touched.pop(event.card_id, False) is None:
                return  # added and taken off again between two steps: the card started and let go with Esc
            self._emptied[event.cell] = None
        elif isinstance(event, ev.DocumentReset):  # a batch of edits (a long undo step) names its cards and cells
            self._touched.update(dict.fromkeys(event.cards))
            self._emptied.update(dict.fromkeys(event.emptied))
        elif isinstance(event, ev.StageAdded | ev.StageMoved | ev.StageChanged):
            self._touched_header = ("stage", event.stage_id)
        elif isinstance(event, ev.LaneAdded | ev.LaneMoved | ev.LaneChanged):
            self._touched_header = ("lane", event.lane_id)

    def _choose_touched(self) -> None:
        touched, self._touched = self._touched, {}
        header, self._touched_header = self._touched_header, None
        emptied, self._emptied = self._emptied, {}
        if self.undo_stack.pushing or not isValid(self.scene):  # a new edit chooses what it made itself
            return
        doc = self.document
        # Never while presenting: a chosen header's Delete takes its whole stage off the projected board
        # (KeyboardNav.presenting keeps the keys off headers for that reason).
        if header is not None and not self.scene.nav.presenting \
                and (doc.has_stage(header[1]) if header[0] == "stage" else doc.has_lane(header[1])):
            # The stage or lane is what the step was about (its cards, brought back with a deleted stage, are
            # shown with it): its header chosen, as before the delete, so F2 or Delete act on it again.
            self.choose_header(*header)
            return
        cards = [card_id for card_id in touched if doc.has_card(card_id)]
        if 0 < len(cards) <= MAX_CHOSEN_AFTER_UNDO:
            self.choose_cards(cards)
        elif not cards:
            # Cards taken off (an add undone, a delete redone): the ring goes to the cell they left, shown, as a
            # focused card that goes leaves it (KeyboardNav.refresh). Out of sight, Ctrl+Z seemed to do nothing.
            cell = next((c for c in emptied if doc.has_cell(c)), None)
            if cell is not None:
                nav = self.scene.nav
                nav.set_focus(("cell", cell))
                nav.vacated = True  # a place left, not one chosen to type into (the presentation keeps its keys)

    def selected_cards(self) -> list[str]:
        """Selected card ids, in document order."""
        return self.scene.selected_cards()

    def selected_links(self) -> list[str]:
        """Selected link ids, in document order."""
        return self.scene.selected_links()

    def current_stage(self) -> str | None:
        """The stage whose header is selected, or of the current cell or single selected card."""
        header = self.scene.selected_header()
        if header is not None:
            return header.item_id if header.kind == "stage" else None
        if self.scene.current_cell is not None:
            return self.scene.current_cell[0]
        cards = self.selected_cards()
        return self.document.card(cards[0]).stage if len(cards) == 1 else None

    def current_lane(self) -> str | None:
        """The lane whose header is selected, or of the current cell or single selected card."""
        header = self.scene.selected_header()
        if header is not None:
            return header.item_id if header.kind == "lane" else None
        if self.scene.current_cell is not None:
            return self.scene.current_cell[1]
        cards = self.selected_cards()
        return self.document.card(cards[0]).lane if len(cards) == 1 else None

    # ------------------------------------------------------------ actions
    def _action(self, text: str, slot: object, *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        shortcuts = {sequence.toString(): sequence for sequence in
                     (k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys)}
        action.setShortcuts(list(shortcuts.values()))  # once each: a key given twice is ambiguous and does nothing
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _name_undo_step(self, step: str) -> None:
        actions = getattr(self, "edit_actions", None)
        if actions is not None:
            actions.undo.setText(tr("&Undo {0}").format(_menu_text(step)) if step else tr("&Undo"))

    def _name_redo_step(self, step: str) -> None:
        actions = getattr(self, "edit_actions", None)
        if actions is not None:
            actions.redo.setText(tr("&Redo {0}").format(_menu_text(step)) if step else tr("&Redo"))

    def _make_actions(self) -> EditActions:
        undo = self.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_stack.createRedoAction(self, tr("&Redo"))
        # The platform's Redo keys, with Ctrl+Shift+Z and Ctrl+Y everywhere (designers use both).
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        redo.setShortcuts(redo_keys + [k for k in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))
                                       if k not in redo_keys])
        # The step's name follows the command as the language joins them: "&Undo Move card", but
        # "&Rückgängig: Karte verschieben" (Qt's prefix ran the two together: "Rückgängig Karte verschieben").
        self.undo_stack.undoTextChanged.connect(self._name_undo_step)
        self.undo_stack.redoTextChanged.connect(self._name_redo_step)
        for action in (undo, redo):
            # Window-wide, so Ctrl+Z works from the Properties panel too; a text field
            # with focus still takes Ctrl+Z for its own text first (ShortcutOverride).
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        actions = EditActions(
            undo=undo,
            redo=redo,
            delete=self._action(tr("&Delete"), self.delete_selection, QKeySequence.StandardKey.Delete, "Backspace"),
            cut=self._action(tr("Cu&t"), self.cut_cards, QKeySequence.StandardKey.Cut),
            copy=self._action(tr("&Copy"), self.copy_cards, QKeySequence.StandardKey.Copy),
            paste=self._action(tr("&Paste"), self.paste_cards, QKeySequence.StandardKey.Paste),
            duplicate=self._action(tr("Dupl&icate"), self.duplicate_cards, "Ctrl+D"),
            select_all=self._action(tr("Select &All"), self.select_all, QKeySequence.StandardKey.SelectAll),
            # No Alt letters: Edit's are all taken by older entries (F by Preferences); Ctrl+F and F3 reach them.
            find=self._action(tr("Find…"), self.show_find, QKeySequence.StandardKey.Find),
            find_next=self._action(tr("Find Next"), lambda: self.find_bar().find_next(),
                                   QKeySequence.StandardKey.FindNext, "F3"),
            find_previous=self._action(tr("Find Previous"), lambda: self.find_bar().find_previous(),
                                       QKeySequence.StandardKey.FindPrevious, "Shift+F3"),
            add_card=self._action(tr("Add card"), self.add_card, "Return", "Enter"),
            edit_text=self._action(tr("&Edit text"), self.edit_text, "F2"),
            add_stage=self._action(tr("Add &stage"), self.add_stage, "Ctrl+Return", "Ctrl+Alt+S"),
            add_lane=self._action(tr("Add &lane"), self.add_lane, "Ctrl+Shift+Return", "Ctrl+Alt+L"),
            delete_stage=self._action(tr("Delete stage"), self.delete_stage),
            delete_lane=self._action(tr("Delete lane"), self.delete_lane),
            zoom_in=self._action(tr("Zoom &in"), lambda: self._zoom_keeping_place(self.view.zoom_in),
                                 QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
            zoom_out=self._action(tr("Zoom &out"), lambda: self._zoom_keeping_place(self.view.zoom_out),
                                  QKeySequence.StandardKey.ZoomOut),
            zoom_fit=self._action(tr("&Fit board"), self.view.zoom_fit, "Ctrl+0"),
            zoom_actual=self._action("&100%", lambda: self._zoom_keeping_place(self.view.zoom_actual), "Ctrl+1"),
            show_impact=self._action(tr("Show i&mpact"), self.toggle_impact, "Ctrl+I"),
            arrange=self._action(tr("Arran&ge cards"), self.arrange_cards, "Ctrl+Shift+A"),
            vote=self._action(tr("Add &vote"), lambda: self.vote(1), "V"),
            unvote=self._action(tr("Re&move vote"), lambda: self.vote(-1), "Shift+V"),
            connect=self._action(tr("C&onnect to…"), self.start_connect, "L"),
            next_arrow=self._action(tr("Select its ne&xt arrow"), self.select_next_arrow, "Shift+L"),
            move_left=self._action(tr("Move card left"), lambda: self.move_card(-1, 0), "Ctrl+Left"),
            move_right=self._action(tr("Move card right"), lambda: self.move_card(1, 0), "Ctrl+Right"),
            move_up=self._action(tr("Move card up"), lambda: self.move_card(0, -1), "Ctrl+Up"),
            move_down=self._action(tr("Move card down"), lambda: self.move_card(0, 1), "Ctrl+Down"),
            raise_score=self._action(tr("Raise emotio&n score"), lambda: self.step_score(1), "Alt+Up"),
            lower_score=self._action(tr("Lo&wer emotion score"), lambda: self.step_score(-1), "Alt+Down"),
        )
        for action in (actions.find, actions.find_next, actions.find_previous):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # from the panels too
        # What each needs, said where it is offered (the Edit menu shows tooltips): 20 items were greyed out on a
        # fresh board and nothing told a newcomer to click a cell or a card first.
        needs_cards = tr("Choose one or more cards first (click one; Ctrl+click or drag a band for more)")
        needs_card = tr("Choose one card first (click it)")
        for action in (actions.cut, actions.copy, actions.duplicate, actions.vote, actions.unvote,
                       actions.move_left, actions.move_right, actions.move_up, actions.move_down):
            action.setToolTip(needs_cards)
        for action in (actions.connect, actions.next_arrow, actions.show_impact):
            action.setToolTip(needs_card)
        actions.delete.setToolTip(tr("Deletes what is chosen: cards, arrows, a stage or a lane (click it first)"))
        actions.delete_stage.setToolTip(tr("Deletes the chosen stage with its cards (click its header, a cell or "
                                           "a card first)"))
        actions.delete_lane.setToolTip(tr("Deletes the chosen lane with its cards (click its header, a cell or "
                                          "a card first)"))
        for action in (actions.raise_score, actions.lower_score):
            action.setToolTip(tr("Choose a card of an emotion lane first"))
        actions.paste.setToolTip(tr("Pastes cards copied in Touchline, or lines of text as cards"))
        return actions

    def _show_board_menu(self, at: QPoint) -> None:
        """The right-click menu at viewport point ``at``."""
        if not self.board_shown or self.scene.nav.presenting:
            return
        self.commit_pending()
        from app.board_menu import board_menu  # when first asked for: not needed to show a board

        menu = board_menu(self, at)
        self._update_action_state()  # for what the click chose
        self.board_menu_shown(menu)
        menu.exec(self.view.viewport().mapToGlobal(at))
        menu.deleteLater()

    def board_menu_shown(self, menu: QMenu) -> None:
        """Called with the right-click menu just before it opens (tests look at it here)."""

    @property
    def board_shown(self) -> bool:
        """False while the start screen is in the board's place: its actions are off."""
        return self._board_actions.isEnabled()

    def set_board_shown(self, shown: bool) -> None:
        """The board is in the window (True) or the start screen is in its place (False): its actions follow."""
        if isValid(self._board_actions):  # (not when the editor is being disposed of with its start screen)
            self._board_actions.setEnabled(shown)  # each action's own state, kept up to date meanwhile, comes back

    def _update_action_state(self) -> None:
        if not isValid(self.scene):  # the scene emits while it is being destroyed
            return
        a = self.edit_actions
        has_items = bool(self.scene.selectedItems())
        a.delete.setEnabled(has_items)
        cards = self.selected_cards()
        typing = _text_field_focused()  # Cut and Copy are then that field's (app/card_clipboard.py)
        a.cut.setEnabled(bool(cards) or typing)
        a.copy.setEnabled(bool(cards) or typing)
        a.paste.setEnabled(self._clipboard_pastable)
        a.duplicate.setEnabled(bool(cards))
        a.edit_text.setEnabled(self._text_to_edit() is not None)
        a.add_card.setEnabled(self._card_to_add(cards, has_items) is not None)
        a.delete_stage.setEnabled(self.current_stage() is not None)
        a.delete_lane.setEnabled(self.current_lane() is not None)
        a.show_impact.setEnabled(len(cards) == 1 or self.scene.impact is not None)
        a.vote.setEnabled(bool(cards))
        a.unvote.setEnabled(any(self.document.card(c).votes for c in cards))
        focused = self.scene.nav.focused_card() is not None or len(cards) == 1
        for action in (a.connect, a.next_arrow):
            action.setEnabled(focused)
        # Ctrl+arrows also move a chosen stage or lane (its header).
        movable = focused or (not cards and self.scene.selected_header() is not None)
        for action in (a.move_left, a.move_right, a.move_up, a.move_down):
            action.setEnabled(movable)
        # On with any card chosen: on a card without a score the keys say why nothing changes.
        a.raise_score.setEnabled(bool(cards))
        a.lower_score.setEnabled(bool(cards))

    # ------------------------------------------------------------ view
    @property
    def theme(self) -> str:
        """The canvas colour theme: "light" or "dark"."""
        return self.scene.theme

    def set_theme(self, name: str) -> None:
        """Paint the canvas in the "light" or "dark" theme (exports stay light)."""
        self.scene.set_theme(name)

    @property
    def legend_shown(self) -> bool:
        """Whether the legend is drawn under the board (and in the exports made from here)."""
        return self.scene.layout.show_legend

    def set_legend(self, shown: bool) -> None:
        """Show or hide the legend."""
        self.scene.set_legend(shown)

    # ------------------------------------------------------------ edits
    def _scored_cards(self) -> list[str]:
        """Selected cards that carry an emotion score: those of emotion lanes and any with a score."""
        doc = self.document
        return [cid for cid in self.selected_cards()
                if doc.lane(doc.card(cid).lane).kind == "emotion" or doc.card(cid).score is not None]

    def step_score(self, step: int) -> None:
        """Raise (+1) or lower (-1) the selected cards' emotion scores, as one undo step."""
        low, high = SCORE_RANGE
        parent = cmd.Macro(tr("Raise emotion score") if step > 0 else tr("Lower emotion score"))
        changed = False
        for card_id in self._scored_cards():
            old = self.document.card(card_id).score
            new = max(low, min(high, (old or 0) + step))
            if new != old:
                parent.add(cmd.SetCardField(self.document, card_id, "score", new))
                changed = True
        if changed:
            self.push(parent)
            self.message.emit("")  # away with "Already at +2" from the step before: this one was taken
        elif self._scored_cards():  # every chosen score at the end of the scale: say so, not nothing
            self.message.emit(tr("Already at {0}, the highest score").format(f"+{high}") if step > 0
                              else tr("Already at {0}, the lowest score").format(f"−{abs(low)}"))
        elif self.selected_cards():
            self.message.emit(tr("Only emotion cards and cards with a score have one to step: "
                                 "Properties › Score gives any card one"))

    def delete_selection(self) -> None:
        """Delete the selected cards (with their links) and links, or the selected header's stage/lane."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        cards, links = self.selected_cards(), self.selected_links()
        if cards or links:
            self.push(cmd.delete_selection(self.document, cards, links))
            if cards:
                self.message.emit(tr("Deleted %n card(s) (Ctrl+Z undoes it)", "", len(cards)))
                return
            # Arrows only (as Delete right after linking with the keyboard): the card with the focus
            # ring is the chosen one again, so F2 and Delete act on what the ring shows; the word
            # replaces "Linked: ... Delete removes it".
            nav = self.scene.nav
            focus = nav.focus
            if focus is not None and focus[0] == "card" and self.document.has_card(str(focus[1])):
                nav.set_focus(focus)
            self.message.emit(tr("Deleted %n arrow(s) (Ctrl+Z undoes it)", "", len(links)))
            return
        header = self.scene.selected_header()
        if header is not None:
            doc, is_stage = self.document, header.kind == "stage"
            place = (doc.stage_index if is_stage else doc.lane_index)(header.item_id)
            self._delete_band(header.kind, header.item_id)
            # The neighbour that took its place is chosen (the one before, for the last), as a list's next row
            # is after a delete: nothing was, and the next arrow key went back to the board's first card.
            left = doc.stages if is_stage else doc.lanes
            if left:
                self.choose_header(header.kind, left[min(place, len(left) - 1)].id)

    def _delete_band(self, kind: str, item_id: str) -> None:
        """Delete a stage or lane with its cards, and say so: a whole column of cards went without a word."""
        doc = self.document
        is_stage = kind == "stage"
        name = doc.stage(item_id).name if is_stage else doc.lane(item_id).name
        count = len(doc.cards_in_stage(item_id) if is_stage else doc.cards_in_lane(item_id))
        self.push(cmd.remove_stage(doc, item_id) if is_stage else cmd.remove_lane(doc, item_id))
        if is_stage:
            said = tr("Deleted stage “{0}” with %n card(s) (Ctrl+Z undoes it)", "", count) if count \
                else tr("Deleted stage “{0}” (Ctrl+Z undoes it)")
        else:
            said = tr("Deleted lane “{0}” with %n card(s) (Ctrl+Z undoes it)", "", count) if count \
                else tr("Deleted lane “{0}” (Ctrl+Z undoes it)")
        self.message.emit(said.format(name))

    # ------------------------------------------------------------ clipboard
    def _before_clipboard_edit(self) -> None:
        """Finish typing in place and leave connect mode: a card cut or pasted meanwhile changes what it links."""
        self.commit_pending()
        if self.scene.nav.connect_source is not None:
            self.scene.nav.cancel_connect()

    def copy_cards(self) -> None:
        """Ctrl+C: the chosen cards (and the arrows between them) to the clipboard, without their votes."""
        from app.card_clipboard import put_on_clipboard, text_field_took

        if text_field_took("copy"):
            return
        self.commit_pending()  # (connect mode goes on: a copy changes nothing on the board)
        cards = self.selected_cards()  # (as Delete; the keyboard's focus selects its card)
        if cards:
            count = put_on_clipboard(self.document, cards, votes=False)
            self.message.emit(tr("Copied %n card(s)", "", count))

    def cut_cards(self) -> None:
        """Ctrl+X: copy the chosen cards (votes and all: a cut card moves), then delete them (one undo step)."""
        from app.card_clipboard import put_on_clipboard, text_field_took

        if text_field_took("cut"):
            return
        self._before_clipboard_edit()
        cards = self.selected_cards()
        if not cards:
            return
        count = put_on_clipboard(self.document, cards, votes=True)
        step = cmd.delete_selection(self.document, cards, [])
        step.setText(tr("Cut %n card(s)", "", count))
        self.push(step)
        self.message.emit(tr("Cut %n card(s)", "done", count))

    def paste_cards(self) -> None:
        """Ctrl+V: the clipboard's cards (or one card a line of its text) onto the board, one undo step.

        Into the chosen cell (the current or focused one, or that of the chosen cards, right after
        them); with a stage or lane header chosen, into that stage or lane; with nothing chosen,
        cards copied from this board go back to their own cells, and text goes to the cell in the
        middle of the view. The pasted cards are chosen and brought into view.
        """
        from app.card_clipboard import LoadError, from_clipboard, text_field_took

        if text_field_took("paste"):
            return
        self._before_clipboard_edit()
        try:
            clipped = from_clipboard()
        except LoadError as exc:
            from app.problems import problem

            why = problem(exc)
            self.message.emit(tr("Nothing pasted: the cards on the clipboard cannot be read ({0})").format(why))
            return
        if clipped is None or not clipped.cards.card_count():
            self.message.emit(tr("Nothing to paste: the clipboard holds no cards and no text"))
            return
        cell, after = self._paste_place(clipped.cards, from_text=clipped.from_text)
        if self._add_copies(clipped.cards, cell, after, tr("Paste %n card(s)", "", clipped.cards.card_count())):
            self.message.emit(tr("Pasted %n card(s)", "", clipped.cards.card_count()))
            if any(card.votes for card in clipped.cards.cards()):
                # A cut card's votes went with it once; pasted again, it is a copy (the votes are not doubled).
                from app.card_clipboard import put_on_clipboard

                put_on_clipboard(clipped.cards, [card.id for card in clipped.cards.cards()], votes=False)

    def _paste_place(self, copied: Document, *, from_text: bool) -> tuple[tuple[str, str] | None, list[str]]:
        """Where a paste lands: its cell (None: the copy's own cells) and the cards it follows there."""
        scene, doc = self.scene, self.document
        cell = scene.current_cell or scene.nav.focused_cell()
        if cell is not None:
            return cell, []
        focused = scene.nav.focused_card()
        cards = [*self.selected_cards(), *([focused] if focused is not None else [])]
        if cards:
            # The chosen cards' top-left cell: a block pasted after a block it copied lands in the same
            # cells, right after the chosen cards, however often it is pasted.
            stage = min((doc.card(c).stage for c in cards), key=doc.stage_index)
            lane = min((doc.card(c).lane for c in cards), key=doc.lane_index)
            return (stage, lane), cards
        header = scene.selected_header()
        if header is not None:  # that stage (or lane), the copy's own lane (or stage) when the board has it
            stages, lanes = doc.stages, doc.lanes
            if header.kind == "stage" and lanes:
                lane = copied.lanes[0].id if doc.has_lane(copied.lanes[0].id) else lanes[0].id
                return (header.item_id, lane), []
            if header.kind == "lane" and stages:
                stage = copied.stages[0].id if doc.has_stage(copied.stages[0].id) else stages[0].id
                return (stage, header.item_id), []
        if from_text:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            return scene.layout.cell_at(centre.x(), centre.y()), []
        return None, []

    def duplicate_cards(self) -> None:
        """Ctrl+D: a copy of the chosen cards (and of the arrows between them) right after them in each
        cell, without their votes, one undo step; the copies are chosen. The clipboard is left as it is."""
        from model.clipboard import cards_document

        self._before_clipboard_edit()
        cards = self.selected_cards()
        if not cards:
            return
        copied = cards_document(self.document, cards, votes=False)
        count = copied.card_count()
        if self._add_copies(copied, None, cards, tr("Duplicate %n card(s)", "", count)):
            self.message.emit(tr("Duplicated %n card(s)", "", count))

    def _add_copies(self, copied: Document, cell: tuple[str, str] | None, after: list[str], text: str) -> bool:
        """Add the cards of ``copied`` (model.clipboard.placed_copies) as one undo step called ``text``, and
        choose them; False, with a word in the status bar, when the board cannot take them."""
        from app.card_clipboard import added
        from model.clipboard import NoCellError, TooManyCardsError, placed_copies

        try:
            placement = placed_copies(self.document, copied, cell, after)
        except NoCellError:
            self.message.emit(tr("Nothing pasted: the board has no cell yet (add a stage and a lane first)"))
            return False
        except TooManyCardsError as exc:
            self.message.emit(tr("Nothing pasted: {0} more cards would be more than the {1} a board holds")
                              .format(QLocale().toString(exc.count), QLocale().toString(exc.limit)))
            return False
        self.push(added(self.document, placement, text))
        card_ids = [card.id for card, _ in placement.cards]
        # The ring on the last card added, as a caret is after pasted text: a note typed next goes on after the
        # list pasted, not after its first card, in the middle of it.
        self.choose_cards(card_ids, focus_last=True)
        return True

    def choose_cards(self, card_ids: list[str], *, focus_last: bool = False) -> None:
        """Select just these cards (announced once), the keyboard focus on the first (the last with
        ``focus_last``), and show the focused one (a long paste scrolled back to its first card, the ring out
        of sight where the typing goes on)."""
        scene = self.scene
        scene.select_only_cards(card_ids)
        if card_ids:
            focused = card_ids[-1 if focus_last else 0]
            scene.nav.set_focus(("card", focused), select=False)
            self.view.ensureVisible(scene.card_item(focused), 40, 40)

    def choose_header(self, kind: str, item_id: str) -> None:
        """Select just the header of this stage or lane (``kind`` "stage" or "lane") and show it; while
        presenting, only let go of what was chosen: a chosen header is outlined on the projector and its
        Delete takes the whole stage off the board (KeyboardNav.presenting keeps the keys off headers)."""
        scene = self.scene
        header = scene.header_item(kind, item_id)
        scene.select_cell(None)
        scene.clearSelection()
        if scene.nav.presenting:
            return
        header.setSelected(True)  # the header shows its own outline; the keyboard focus goes to it (follow_selection)
        self.view.ensureVisible(header.sceneBoundingRect(), 40, 40)

    def find_bar(self) -> FindBar:
        """The row of Edit › Find above the board (app/find_bar.py), made when first asked for."""
        if self._find_bar is None:
            from app.find_bar import FindBar  # not needed to show a board

            self._find_bar = FindBar(self)
            self._find_bar.hide()
            self.layout().insertWidget(0, self._find_bar)  # type: ignore[union-attr]
        return self._find_bar

    def _zoom_keeping_place(self, zoom: Callable[[], None]) -> None:
        """A zoom of the View menu or its keys, the keyboard's place held still: the card being typed, else the
        focus ring (BoardView.zoom_keeping)."""
        scene, place = self.scene, None
        typing = scene.editor
        if typing is not None and isValid(typing) and not typing.finished:
            place = typing.sceneBoundingRect()
        elif scene.nav.ring.isVisible():
            place = scene.nav.ring.sceneBoundingRect()
        self.view.zoom_keeping(zoom, place)

    def show_find(self) -> None:
        """Edit › Find (Ctrl+F): the find row, its words ready to be typed."""
        if self.scene.nav.presenting:
            return  # the row is in the window behind the presentation: its field would never have the keys
        self.commit_pending()
        self.find_bar().open_bar()

    def select_all(self) -> None:
        """Select every card, announcing the new selection once."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        self.scene.complete()
        self.scene.blockSignals(True)
        try:
            for card in self.document.cards():
                self.scene.card_item(card.id).setSelected(True)
        finally:
            self.scene.blockSignals(False)
        self.scene.selectionChanged.emit()

    def add_card(self) -> None:
        """Add a card: in the current cell (Enter), after the one chosen card, or with nothing chosen in the cell
        in the middle of the view. (Edit › Add card on a chosen card used to edit it: "Compares offers" typed
        replaced "Searches online". Enter on a card still edits it, as the board's own key.)"""
        add = self._card_to_add()
        if add is not None:
            add()

    def _card_to_add(self, cards: list[str] | None = None,
                     has_items: bool | None = None) -> Callable[[], object] | None:
        """What Add card would start now (None: nothing; the action is then off). With a header or an arrow
        chosen, nothing: Enter there started a card in some other cell, the header let go. ``cards`` and
        ``has_items``: the chosen cards and whether anything is chosen, when the caller has them already
        (_update_action_state, at each change of a selection that may hold thousands)."""
        scene = self.scene
        cell = scene.current_cell
        if cell is not None:
            return lambda: scene.add_card_in_cell(*cell)
        cards, focused = self.selected_cards() if cards is None else cards, scene.nav.focused_card()
        if len(cards) == 1:
            return lambda: scene.nav.capture_after(cards[0], "")
        if cards and focused in cards:  # several chosen, one right-clicked (or reached with the keys): after it
            return lambda: scene.nav.capture_after(focused, "")
        if (bool(scene.selectedItems()) if has_items is None else has_items) \
                or not (self.document.stages and self.document.lanes):
            return None

        def in_sight() -> None:
            cell_in_sight = self._cell_in_sight()
            if cell_in_sight is not None:
                scene.clearSelection()
                scene.nav.capture(cell_in_sight)

        return in_sight

    def _cell_in_sight(self) -> tuple[str, str] | None:
        """The cell at the middle of the view, else the one nearest it; None on a board without cells."""
        doc, layout = self.document, self.scene.layout
        if not doc.stages or not doc.lanes:
            return None
        middle = self.view.mapToScene(self.view.viewport().rect().center())
        cell = layout.cell_at(middle.x(), middle.y())
        if cell is not None:
            return cell

        def distance(cell: tuple[str, str]) -> float:
            r = layout.cell_rect(*cell)
            return abs(r.x + r.w / 2 - middle.x()) + abs(r.y + r.h / 2 - middle.y())

        return min(((stage.id, lane.id) for stage in doc.stages for lane in doc.lanes), key=distance)

    def edit_text(self) -> None:
        """Edit the selected card's text, rename the selected header or label the selected arrow (F2); with
        nothing chosen, edit the card the ring is on, or else rename the board itself."""
        edit = self._text_to_edit()
        if edit is not None:
            edit()

    def _text_to_edit(self) -> Callable[[], None] | None:
        """What F2 would put in place for typing now (None: nothing; the action is then off)."""
        scene = self.scene
        cards, links, header = self.selected_cards(), scene.selected_links(), scene.selected_header()
        if len(cards) == 1:
            return lambda: scene.edit_card(cards[0])
        if header is not None:
            return lambda: scene.rename_header(header)
        if len(links) == 1 and not cards:
            return lambda: scene.edit_link_label(links[0])
        if cards or links or scene.current_cell is not None:
            return None
        focused = scene.nav.focused_card()  # the ring on a card let go of (Esc): that card's text
        if focused is not None:
            return lambda: scene.edit_card(focused)
        return None if scene.nav.presenting else scene.rename_title

    def add_stage(self) -> None:
        """Add a stage after the current one (while presenting, the framed one; else at the end) and name it in
        place."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        doc = self.document
        current = self.current_stage()
        if current is None and self.scene.nav.framed_stage is not None:
            current = self.scene.nav.framed_stage()  # while presenting nothing is chosen: the stage on screen
        index = doc.stage_index(current) + 1 if current else len(doc.stages)
        stage_id, default = doc.new_id("stage"), tr("Stage {0}").format(index + 1)  # as its header numbers it
        # Shown provisionally, outside the undo stack, while it is named: adding and
        # naming a stage is then one undo step, as adding and typing a card is.
        doc.add_stage(Stage(stage_id, default), index)

        def finish(name: str) -> None:
            if doc.has_stage(stage_id) and not doc.cards_in_stage(stage_id):
                with self._scroll_kept():
                    doc.remove_stage(stage_id)
                    self.push(cmd.AddStage(doc, Stage(stage_id, name.strip() or default), index))
                self.choose_header("stage", stage_id)

        self._name_new(self.scene.header_item("stage", stage_id), finish)

    def add_lane(self) -> None:
        """Add a lane below the current one (or at the bottom) and name it in place."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        doc = self.document
        current = self.current_lane()
        index = doc.lane_index(current) + 1 if current else len(doc.lanes)
        lane_id, default = doc.new_id("lane"), tr("New lane")
        doc.add_lane(Lane(lane_id, default, "note"), index)

        def finish(name: str) -> None:
            if doc.has_lane(lane_id) and not doc.cards_in_lane(lane_id):
                from app.new_board import kind_for_lane_name

                kind = kind_for_lane_name(name) or "note"
                with self._scroll_kept():
                    doc.remove_lane(lane_id)
                    self.push(cmd.AddLane(doc, Lane(lane_id, name.strip() or default, kind), index))
                self.choose_header("lane", lane_id)
                if kind != "note":
                    self.message.emit(tr("Lane kind: {0}, from its name (Properties › Kind changes it)")
                                      .format(tr(LANE_KIND_LABELS[kind])))

        self._name_new(self.scene.header_item("lane", lane_id), finish)

    @contextmanager
    def _scroll_kept(self) -> Iterator[None]:
        """The view scrolled where it was after the block: a stage or lane taken away and put back as one
        undo step (add_stage's finish) shrank the board for a moment, the scroll bars were pulled in, and
        the new stage at the right edge, in view while named, ended past it."""
        bars = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        values = [bar.value() for bar in bars]
        yield
        for bar, value in zip(bars, values, strict=True):
            bar.setValue(value)

    def _name_new(self, header: HeaderItem, finish: Callable[[str], None]) -> None:
        self.scene.clearSelection()
        self.scene.select_cell(None)
        header.setSelected(True)
        # Esc keeps the new stage or lane under its default name: it was asked for.
        self.scene.rename_header(header, on_commit=finish, on_cancel=lambda: finish(""))

    def delete_stage(self) -> None:
        """Delete the current stage with its cards."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        stage_id = self.current_stage()
        if stage_id is not None:
            self.scene.select_cell(None)
            self._delete_band("stage", stage_id)

    def delete_lane(self) -> None:
        """Delete the current lane with its cards."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        lane_id = self.current_lane()
        if lane_id is not None:
            self.scene.select_cell(None)
            self._delete_band("lane", lane_id)

    def arrange_cards(self) -> None:
        """Reorder the cards inside each cell so fewer arrows cross, as one undo step."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        from model.arrange import arranged_order

        document = self.document
        try:  # the sweeps only read the document: off the GUI thread, with Cancel, for large boards
            target = run_in_background(self.window(), tr("Arranging cards…"), lambda: arranged_order(document))
        except CancelledError:
            return
        command = cmd.arrange(document, target)
        if command is not None:
            self.push(command)

    def toggle_impact(self) -> None:
        """Show what the selected card affects and relies on (Ctrl+I again, or Esc, to leave); with another card
        chosen while it shows, that card's (it left the view, and a second Ctrl+I was needed)."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        cards = self.selected_cards()
        shown = self.scene.impact
        if shown is not None:
            self.scene.clear_impact()  # the scene says so through impact_cleared
        if len(cards) != 1 or (shown is not None and cards == [shown.card]):
            return
        result = self.scene.show_impact(cards[0])
        steps = len(result.customer_paths)
        name = self.document.card(cards[0]).text.split("\n")[0][:40] or tr("This card")
        self.impact_changed.emit(tr("{0}: affects {1}, {2} (lit); relies on {3} (half-lit). Esc to leave.").format(
            name, tr("%n card(s)", "", len(result.affected)), tr("%n customer step(s)", "", steps),
            tr("%n card(s)", "", len(result.dependencies))))  # "relies on 3 cards", not "relies on 3"

    def vote(self, delta: int) -> None:
        """V / Shift+V: one vote more or less on each selected card, as one undo step."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        cards = self.selected_cards()
        command = cmd.change_votes(self.document, cards, delta)
        if command is not None:
            self.push(command)
            self._update_action_state()
        if len(cards) == 1:  # a letter typed right after makes it a word's first letter (KeyboardNav)
            stack, index = self.undo_stack, self.undo_stack.index()
            self.scene.nav.letter_key_used("v", cards[0],
                                           lambda: stack.undo() if stack.index() == index and command else None)

    def _focus_selected(self) -> bool:
        """Give the keyboard focus to the single selected card if none has it."""
        nav = self.scene.nav
        if nav.focused_card() is None:
            cards = self.selected_cards()
            if len(cards) != 1:
                return False
            nav.set_focus(("card", cards[0]))
        return True

    def move_card(self, dx: int, dy: int) -> None:
        """Ctrl+arrows: move the focused card, or every chosen card, to the neighbouring cell (one undo step);
        the chosen cards stay chosen (with several chosen only the focused one moved, the others let go)."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        chosen = self.selected_cards()
        header = self.scene.selected_header()
        if header is not None and not chosen:
            self._move_header(header.kind, header.item_id, dx, dy)
            return
        if len(chosen) > 1:
            step = cmd.move_cards_by(self.document, chosen, dx, dy)
            if step is None:
                self.message.emit(tr("Not moved: a chosen card is at the edge of the board"))
            else:
                self.push(step)
            return
        if self._focus_selected() and not self.scene.nav.move_card(dx, dy):
            self.message.emit(tr("Not moved: the card is at the edge of the board"))

    def _move_header(self, kind: str, item_id: str, dx: int, dy: int) -> None:
        """Ctrl+Left/Right on a chosen stage header moves the stage, Ctrl+Up/Down on a lane's the lane (one undo
        step each, the header staying chosen): only a drag with the mouse reordered them, and the keys did
        nothing without a word."""
        doc = self.document
        step = dx if kind == "stage" else dy
        if not step:
            self.message.emit(tr("A stage moves left or right: Ctrl+Left or Ctrl+Right") if kind == "stage"
                              else tr("A lane moves up or down: Ctrl+Up or Ctrl+Down"))
            return
        index = (doc.stage_index(item_id) if kind == "stage" else doc.lane_index(item_id)) + step
        if not 0 <= index < (len(doc.stages) if kind == "stage" else len(doc.lanes)):
            self.message.emit(tr("Not moved: the stage is already at the edge of the board") if kind == "stage"
                              else tr("Not moved: the lane is already at the edge of the board"))
            return
        self.push(cmd.MoveStage(doc, item_id, index) if kind == "stage" else cmd.MoveLane(doc, item_id, index))
        self.choose_header(kind, item_id)

    def start_connect(self) -> None:
        """L: connect the focused card to a neighbour chosen with the arrows; Enter links, Esc cancels."""
        self.commit_pending()  # an edit in progress is finished before anything else changes
        if self._focus_selected():
            nav = self.scene.nav
            nav.start_connect()
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.message.emit(tr("Connect: choose the other card with the arrow keys; Enter links them, Esc cancels"))
            if nav.connect_source is not None:
                nav.letter_key_used("l", nav.connect_source, nav.cancel_connect)

    def select_next_arrow(self) -> None:
        """Shift+L: select the focused card's arrows one after another (leaving it, then entering it), each
        alone, the focus staying on the card: F2 labels the arrow, Delete removes it, Properties shows it."""
        self.commit_pending()
        if not self._focus_selected():
            return
        card_id = self.scene.nav.focused_card()
        assert card_id is not None  # _focus_selected gave a card the focus
        nav = self.scene.nav
        nav.letter_key_used("l", card_id, lambda: nav.set_focus(("card", card_id)))
        links = [link.id for link in self.document.links_of(card_id)]
        if not links:
            self.message.emit(tr("This card has no arrows: L connects it to another"))
            return
        chosen = self.scene.selected_links()
        here = links.index(chosen[0]) if len(chosen) == 1 and chosen[0] in links else -1
        item = self.scene.select_link(links[(here + 1) % len(links)])
        self.view.ensureVisible(item.label_item if item.label_shown else item, 40, 40)

    def card_item(self, card_id: str) -> CardItem:
        """The canvas item of a card."""
        return self.scene.card_item(card_id)


def _text_field_focused() -> bool:
    """Whether a panel's text field has the keyboard focus (app/card_clipboard.py, loaded when it matters)."""
    focused = QApplication.focusWidget()
    if focused is None or isinstance(focused, BoardView):
        return False
    from app.card_clipboard import focused_text_field

    return focused_text_field() is not None


def _load_inline_editor() -> None:
    import canvas.inline_editor  # noqa: F401  (imported for later: defining its class is the cost)


def _menu_text(text: str) -> str:
    """``text`` shown as it is in a menu entry: an ampersand in a card's or a stage's name is not an Alt letter."""
    return text.replace("&", "&&")
