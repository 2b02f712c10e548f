"""The board with the keyboard alone: focus ring, navigation, Space, Ctrl+arrows, connect
mode, fast capture of a whole stage, and votes (V / Shift+V, the badge, undo)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from app.editor import Editor
from canvas.inline_editor import InlineEditor
from model import style as st

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(editor: Editor, k: Qt.Key, mods: Qt.KeyboardModifier = NO) -> None:
    QTest.keyClick(editor.view, k, mods)


def ring_rect(editor: Editor) -> QRectF:
    ring = editor.scene.nav.ring
    assert ring.isVisible()
    return ring.sceneBoundingRect()


def test_arrows_move_a_visible_focus_between_cards_and_cells(editor: Editor) -> None:
    doc, nav, layout = editor.document, editor.scene.nav, editor.scene.layout
    s0, s1 = doc.stages[0].id, doc.stages[1].id
    lane0, lane1 = doc.lanes[0].id, doc.lanes[1].id
    key(editor, Qt.Key.Key_Down)  # nothing focused: the board's first place
    first = doc.cell_cards(s0, lane0)[0]
    assert nav.focus == ("card", first) and editor.selected_cards() == [first]
    r = layout.card_rect(first)
    assert ring_rect(editor).contains(QRectF(r.x, r.y, r.w, r.h))  # the ring is drawn around the card
    key(editor, Qt.Key.Key_Down)  # past the last card of the cell: its free slot
    assert nav.focus == ("cell", (s0, lane0)) and editor.scene.current_cell == (s0, lane0)
    assert editor.selected_cards() == []
    key(editor, Qt.Key.Key_Down)  # on into the next lane
    assert nav.focus == ("card", doc.cell_cards(s0, lane1)[0])
    key(editor, Qt.Key.Key_Right)  # the same place in the next stage
    assert nav.focus == ("card", doc.cell_cards(s1, lane1)[0])
    key(editor, Qt.Key.Key_Up)
    assert nav.focus == ("cell", (s1, lane0))
    key(editor, Qt.Key.Key_Tab)  # Tab: the next cell down the stage
    assert nav.focus == ("cell", (s1, lane1))
    key(editor, Qt.Key.Key_Backtab, SHIFT)
    assert nav.focus == ("cell", (s1, lane0))


def test_enter_edits_the_focused_card_and_space_toggles_its_selection(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    doc, nav = editor.document, editor.scene.nav
    key(editor, Qt.Key.Key_Down)
    card_id = nav.focused_card()
    assert card_id is not None
    key(editor, Qt.Key.Key_Space)
    assert editor.selected_cards() == [] and nav.focused_card() == card_id  # unselected, still focused
    key(editor, Qt.Key.Key_Space)
    assert editor.selected_cards() == [card_id]
    key(editor, Qt.Key.Key_Right, SHIFT)  # Shift+arrow extends the selection
    assert len(editor.selected_cards()) == 2
    key(editor, Qt.Key.Key_Left)
    key(editor, Qt.Key.Key_Return)  # Enter edits the focused card
    inline = editor.scene.editor
    assert isinstance(inline, InlineEditor) and not inline.finished
    QTest.keyClicks(editor.view, "Window sticker")
    key(editor, Qt.Key.Key_Return)
    assert doc.card(card_id).text == "Window sticker"


def test_enter_on_the_card_just_added_from_a_cell_edits_it_rather_than_adding_another(editor: Editor) -> None:
    """The cell stayed current under the new card's ring: Enter started an empty card below it."""
    doc, nav = editor.document, editor.scene.nav
    stage, lane = doc.stages[0].id, doc.lanes[1].id
    nav.set_focus(("cell", (stage, lane)))
    before = list(doc.cell_cards(stage, lane))
    key(editor, Qt.Key.Key_Return)  # Enter on a cell's slot: a new card
    QTest.keyClicks(editor.view, "Asks a friend")
    key(editor, Qt.Key.Key_Return)
    added = [c for c in doc.cell_cards(stage, lane) if c not in before]
    assert len(added) == 1 and nav.focus == ("card", added[0]) and editor.scene.current_cell is None
    key(editor, Qt.Key.Key_Return)  # Enter edits the focused card
    inline = editor.scene.editor
    assert isinstance(inline, InlineEditor) and not inline.finished
    assert inline.toPlainText() == "Asks a friend" and len(doc.cell_cards(stage, lane)) == len(before) + 1
    key(editor, Qt.Key.Key_Escape)


def test_ctrl_arrows_move_the_focused_card_one_undo_step_each(editor: Editor) -> None:
    doc, nav = editor.document, editor.scene.nav
    before = model.dumps(doc)
    key(editor, Qt.Key.Key_Down)
    card_id = nav.focused_card()
    assert card_id is not None
    start = (doc.card(card_id).stage, doc.card(card_id).lane)
    steps = editor.undo_stack.count()
    key(editor, Qt.Key.Key_Right, CTRL)
    assert (doc.card(card_id).stage, doc.card(card_id).lane) == (doc.stages[1].id, start[1])
    key(editor, Qt.Key.Key_Down, CTRL)
    assert (doc.card(card_id).stage, doc.card(card_id).lane) == (doc.stages[1].id, doc.lanes[1].id)
    assert editor.undo_stack.count() == steps + 2
    assert nav.focused_card() == card_id  # the focus goes with the card
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert model.dumps(doc) == before


def test_l_connects_the_focused_card_to_a_neighbour_chosen_with_the_arrows(editor: Editor) -> None:
    doc, nav = editor.document, editor.scene.nav
    key(editor, Qt.Key.Key_Down)
    source = nav.focused_card()
    assert source is not None
    links = {k.id for k in doc.links()}
    key(editor, Qt.Key.Key_L)
    assert nav.connect_source == source and nav.ring.connecting
    key(editor, Qt.Key.Key_Right)  # choose: the evidence card of the next stage
    target = nav.focused_card()
    assert target == doc.cell_cards(doc.stages[1].id, doc.lanes[0].id)[0]
    # The preview runs as the arrow will, side to side, not through the cards' text from centre to centre.
    preview = nav._preview.path()
    a, b = (editor.scene.layout.card_rect(c) for c in (source, target))
    start, end = preview.pointAtPercent(0), preview.pointAtPercent(1)
    assert start.x() == pytest.approx(a.x + a.w) and a.y < start.y() < a.y + a.h, "out of the source's side"
    assert b.x - st.ARROW_HEAD - 1 <= end.x() <= b.x, "to the target's side"
    key(editor, Qt.Key.Key_Return)
    new = [k for k in doc.links() if k.id not in links]
    assert [(k.source, k.target) for k in new] == [(source, target)]
    assert nav.connect_source is None
    editor.undo_stack.undo()
    assert {k.id for k in doc.links()} == links
    key(editor, Qt.Key.Key_L)  # Esc leaves connect mode without a link
    key(editor, Qt.Key.Key_Right)
    key(editor, Qt.Key.Key_Escape)
    assert nav.connect_source is None and {k.id for k in doc.links()} == links


def test_the_arrow_made_with_the_keyboard_is_selected_and_labelled_with_f2(editor: Editor) -> None:
    """L, an arrow key, Enter: the new arrow is selected (it was out of the keyboard's reach: no label, no
    kind, no delete without the mouse). F2 labels it in place; an arrow key goes on from the card reached;
    Delete removes a selected arrow."""
    doc, nav, scene = editor.document, editor.scene.nav, editor.scene
    key(editor, Qt.Key.Key_Down)
    source = nav.focused_card()
    key(editor, Qt.Key.Key_L)
    key(editor, Qt.Key.Key_Right)
    target = nav.focused_card()
    key(editor, Qt.Key.Key_Return)
    link = next(k for k in doc.links() if (k.source, k.target) == (source, target))
    assert scene.selected_links() == [link.id] and editor.selected_cards() == []
    assert nav.focused_card() == target and nav.ring.isVisible()
    assert editor.edit_actions.edit_text.isEnabled()
    key(editor, Qt.Key.Key_F2)
    label_editor = scene.focusItem()
    assert isinstance(label_editor, InlineEditor)
    QTest.keyClicks(editor.view, "after approval")
    key(editor, Qt.Key.Key_Return)
    assert doc.link(link.id).label == "after approval"
    scene.clearSelection()
    scene.link_item(link.id).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    assert not doc.has_link(link.id)
    editor.undo_stack.undo()
    assert doc.link(link.id).label == "after approval"
    scene.clearSelection()
    scene.link_item(link.id).setSelected(True)
    key(editor, Qt.Key.Key_Down)  # on from the card reached (past it: the next card or its cell's slot)
    assert nav.focus != ("card", target) and scene.selected_links() == []


def test_shift_l_selects_the_focused_cards_arrows_one_after_another(editor: Editor) -> None:
    """An arrow made before was out of the keyboard's reach: Shift+L selects the focused card's arrows in
    turn (leaving it, then entering it), the focus staying on the card, round again after the last; F2
    labels the one selected, Delete removes it."""
    doc, nav, scene = editor.document, editor.scene.nav, editor.scene
    card_id = next(c.id for c in doc.cards() if len(doc.links_of(c.id)) >= 2)
    links = [k.id for k in doc.links_of(card_id)]
    nav.set_focus(("card", card_id))
    seen = []
    for _ in range(len(links) + 1):
        key(editor, Qt.Key.Key_L, SHIFT)
        assert nav.focused_card() == card_id and len(scene.selected_links()) == 1
        seen += scene.selected_links()
    assert seen == [*links, links[0]], "each arrow in turn, then round again"
    key(editor, Qt.Key.Key_F2)
    assert isinstance(scene.focusItem(), InlineEditor)
    QTest.keyClicks(editor.view, "checked")
    key(editor, Qt.Key.Key_Return)
    assert doc.link(links[0]).label == "checked"
    key(editor, Qt.Key.Key_L, SHIFT)
    key(editor, Qt.Key.Key_Delete)
    assert not doc.has_link(links[1]) and doc.has_card(card_id)
    # The ringed card is the chosen one again: the next Delete deletes what the ring shows (it did nothing).
    assert nav.focused_card() == card_id and editor.selected_cards() == [card_id]


def test_delete_right_after_linking_gives_the_card_reached_back_its_selection(editor: Editor) -> None:
    """L, Right, Enter, Delete: the arrow goes, and the card with the focus ring is selected again (the
    ring and the selection disagreed: F2 edited the ringed card, Delete did nothing), with a word that
    replaces "Linked: ... Delete removes it"."""
    doc, nav, scene = editor.document, editor.scene.nav, editor.scene
    said: list[str] = []
    editor.message.connect(said.append)
    key(editor, Qt.Key.Key_Down)
    key(editor, Qt.Key.Key_L)
    key(editor, Qt.Key.Key_Right)
    target = nav.focused_card()
    key(editor, Qt.Key.Key_Return)
    count = sum(1 for _ in doc.links())
    key(editor, Qt.Key.Key_Delete)
    assert sum(1 for _ in doc.links()) == count - 1
    assert nav.focused_card() == target and editor.selected_cards() == [target] and scene.selected_links() == []
    assert said[-1] == "Deleted 1 arrow (Ctrl+Z undoes it)"
    key(editor, Qt.Key.Key_Delete)
    assert not doc.has_card(str(target))


def test_a_whole_stage_of_five_cards_is_captured_without_the_mouse(editor: Editor) -> None:
    doc = editor.document
    lanes = [ln.id for ln in doc.lanes]
    names_before = [s.name for s in doc.stages]
    key(editor, Qt.Key.Key_Down)  # focus the first card: the new stage goes to its right
    key(editor, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter: a stage to the right, named in place
    QTest.keyClicks(editor.view, "Return visit")
    key(editor, Qt.Key.Key_Return)
    assert [s.name for s in doc.stages] == [names_before[0], "Return visit", *names_before[1:]]
    stage = doc.stages[1].id
    steps = editor.undo_stack.count()
    key(editor, Qt.Key.Key_Tab)  # into the new stage's first cell
    assert editor.scene.nav.focus == ("cell", (stage, lanes[0]))
    QTest.keyClicks(editor.view, "Sees the offer")  # typing starts a card
    key(editor, Qt.Key.Key_Return)  # commits and starts the next in the same cell
    QTest.keyClicks(editor.view, "Opens the app")
    key(editor, Qt.Key.Key_Tab)  # commits and moves on to the next lane
    QTest.keyClicks(editor.view, "Orders again")
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Return)  # Enter on the empty next card ends the run
    key(editor, Qt.Key.Key_Down)  # arrows move between cells too: the frontstage cell
    assert editor.scene.nav.focus == ("cell", (stage, lanes[2]))
    QTest.keyClicks(editor.view, "Greets by name")
    key(editor, Qt.Key.Key_Tab)
    QTest.keyClicks(editor.view, "Prepares usual")
    key(editor, Qt.Key.Key_Return)
    QTest.keyClicks(editor.view, "half a thought")
    key(editor, Qt.Key.Key_Escape)  # Esc ends the run, keeping the card being typed (nothing typed is lost)
    assert editor.scene.editor is None or editor.scene.editor.finished
    captured = {ln: [doc.card(c).text for c in doc.cell_cards(stage, ln)] for ln in lanes}
    assert captured == {lanes[0]: ["Sees the offer", "Opens the app"], lanes[1]: ["Orders again"],
                        lanes[2]: ["Greets by name"], lanes[3]: ["Prepares usual", "half a thought"], lanes[4]: []}
    assert editor.undo_stack.count() == steps + 6  # one step per card
    assert editor.scene.nav.focus == ("cell", (stage, lanes[3]))


def test_typed_letters_go_into_a_focused_cell_not_to_single_key_shortcuts(editor: Editor) -> None:
    doc = editor.document
    stage, lane = doc.stages[0].id, doc.lanes[3].id
    editor.scene.nav.set_focus(("cell", (stage, lane)))
    before = list(doc.cell_cards(stage, lane))
    QTest.keyClicks(editor.view, "VL5")  # V votes and L connects when a card is focused
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)  # no second card
    added = [c for c in doc.cell_cards(stage, lane) if c not in before]
    assert [doc.card(c).text for c in added] == ["VL5"]
    assert all(c.votes == 0 for c in doc.cards())


def test_v_and_shift_v_vote_with_undo_and_the_badge_counts_a_click(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF

    doc = editor.document
    key(editor, Qt.Key.Key_Down)
    card_id = editor.scene.nav.focused_card()
    assert card_id is not None
    h0 = editor.scene.layout.card_rect(card_id).h
    key(editor, Qt.Key.Key_V)
    key(editor, Qt.Key.Key_V)
    key(editor, Qt.Key.Key_V, SHIFT)
    assert doc.card(card_id).votes == 1
    assert editor.scene.layout.card_rect(card_id).h > h0  # the dots take a row on the card
    editor.undo_stack.undo()
    assert doc.card(card_id).votes == 2
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert doc.card(card_id).votes == 0
    editor.undo_stack.redo()
    # A click on the dots adds a vote.
    item = editor.scene.card_item(card_id)
    badge = item.geometry.shape.vote_badge
    assert badge is not None
    centre = item.mapToScene(QPointF(badge[0] + badge[2] / 2, badge[1] + badge[3] / 2))
    editor.view.centerOn(centre)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, NO, editor.view.mapFromScene(centre))
    assert doc.card(card_id).votes == 2
    assert model.loads(model.dumps(doc)).card(card_id).votes == 2  # round trip


def test_keyboard_actions_are_in_the_menus_with_their_shortcuts(editor: Editor) -> None:
    a = editor.edit_actions
    assert a.vote.shortcut().toString() == "V" and a.unvote.shortcut().toString() == "Shift+V"
    assert a.connect.shortcut().toString() == "L"
    assert a.move_right.shortcut().toString() == "Ctrl+Right"
    shortcuts = [s.toString() for action in editor.actions() for s in action.shortcuts()]
    assert len(shortcuts) == len(set(shortcuts))  # no key does two things


def down_to_a_card_and_delete(editor: Editor) -> tuple[str, tuple[str, str]]:
    """Down to the first card with the keys, then Delete: the card's id and the cell it was in."""
    doc, nav = editor.document, editor.scene.nav
    key(editor, Qt.Key.Key_Down)
    card_id = nav.focused_card()
    assert card_id is not None
    cell = (doc.card(card_id).stage, doc.card(card_id).lane)
    key(editor, Qt.Key.Key_Delete)
    return card_id, cell


def test_the_focus_stays_visible_after_its_card_is_deleted_and_when_tabbed_into(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    doc, nav = editor.document, editor.scene.nav
    card_id, cell = down_to_a_card_and_delete(editor)
    assert not doc.has_card(card_id)
    assert nav.focus == ("cell", cell) and nav.ring.isVisible()  # on the cell the card was in
    # Arriving on the board by Tab shows the focus at once, without selecting anything.
    nav.set_focus(None)
    assert not nav.ring.isVisible()
    editor.view.clearFocus()
    editor.view.setFocus(Qt.FocusReason.TabFocusReason)
    assert nav.focus is not None and nav.ring.isVisible() and editor.selected_cards() == []


def test_connecting_across_stages_reaches_the_next_stage_s_cards_in_another_lane(qtbot) -> None:  # type: ignore[no-untyped-def]
    """From "Taps through to site" (Doing, stage 1), Right did nothing without a word when Doing had no card
    in stage 2: linking it to "Website" (Touchpoints, stage 2) took the mouse, and Up then Enter linked the
    card above instead."""
    from model import Card, Document, Lane, Stage

    doc = Document.build(title="Journey", description=None, stages=[Stage("s1", "Ad"), Stage("s2", "Site"),
                                                                     Stage("s3", "Sign up")],
                         lanes=[Lane("touch", "Touchpoints", "touchpoint"), Lane("doing", "Doing", "customer"),
                                Lane("think", "Thinking", "thought")],
                         cards=[Card("ad", "touch", "s1", "Instagram ad"), Card("sees", "doing", "s1", "Sees ad"),
                                Card("taps", "doing", "s1", "Taps through to site"),
                                Card("web", "touch", "s2", "Website"), Card("hm", "think", "s2", "Hmm")],
                         links=[], personas=[], extra={})
    editor = Editor(doc)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()  # L is a shortcut: it needs an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.view.setFocus()
    said: list[str] = []
    editor.message.connect(said.append)
    nav = editor.scene.nav
    nav.set_focus(("card", "taps"))
    key(editor, Qt.Key.Key_L)
    key(editor, Qt.Key.Key_Right)  # Touchpoints and Thinking are as near: the upper lane's card
    assert nav.focus == ("card", "web")
    key(editor, Qt.Key.Key_Right)  # nothing further right: the mode stays, and says why nothing moved
    assert nav.focus == ("card", "web") and said[-1] == "No card that way to connect to; Esc cancels"
    key(editor, Qt.Key.Key_Return)
    assert [(k.source, k.target) for k in doc.links()] == [("taps", "web")]


def test_typing_after_delete_starts_a_card_in_the_cell_the_card_left(editor: Editor) -> None:
    """Down to a card, Delete, type: the ring sat on the cell the card left but the letters added nothing (the
    cell was focused without being made the current cell, where capture types)."""
    doc, nav = editor.document, editor.scene.nav
    _, cell = down_to_a_card_and_delete(editor)
    assert nav.focus == ("cell", cell) and editor.scene.current_cell == cell
    before = list(doc.cell_cards(*cell))
    QTest.keyClicks(editor.view, "Asks for oat milk")
    assert isinstance(editor.scene.focusItem(), InlineEditor)
    key(editor, Qt.Key.Key_Escape)  # keeps the card typed
    added = [c for c in doc.cell_cards(*cell) if c not in before]
    assert [doc.card(c).text for c in added] == ["Asks for oat milk"]


def test_keyboard_connect_says_what_to_do_and_why_nothing_was_linked(editor: Editor) -> None:
    """L changed nothing in sight but the ring; Enter on the card itself, or on one it already links to,
    did nothing without a word."""
    doc, nav = editor.document, editor.scene.nav
    link = next(k for k in doc.links() if doc.card(k.source).stage == doc.card(k.target).stage
                and doc.card(k.source).lane == doc.card(k.target).lane)
    said: list[str] = []
    editor.message.connect(said.append)
    nav.set_focus(("card", link.source))
    key(editor, Qt.Key.Key_L)
    assert said and "Enter links" in said[-1]
    key(editor, Qt.Key.Key_Return)  # on itself
    assert said[-1].startswith("Nothing linked: choose another card")
    nav.set_focus(("card", link.source))
    key(editor, Qt.Key.Key_L)
    nav.set_focus(("card", link.target), select=False)
    count = len(list(doc.links()))
    key(editor, Qt.Key.Key_Return)
    assert said[-1] == "Nothing linked: these two cards are linked already" and len(list(doc.links())) == count
    # Its "Enter links them" went once the mode ended (it stayed on for seconds), and a link says what next.
    nav.set_focus(("card", link.source))
    key(editor, Qt.Key.Key_L)
    key(editor, Qt.Key.Key_Escape)
    assert said[-1] == ""
    other = next(c.id for c in doc.cards() if c.id != link.source and not any(
        k.target == c.id for k in doc.links_of(link.source) if k.source == link.source))
    nav.set_focus(("card", link.source))
    key(editor, Qt.Key.Key_L)
    nav.set_focus(("card", other), select=False)
    key(editor, Qt.Key.Key_Return)
    assert said[-1] == "Linked: F2 labels the arrow, Delete removes it" and len(list(doc.links())) == count + 1


def test_the_undo_step_of_a_delete_names_what_went(editor: Editor) -> None:
    """Deleting one arrow was "Delete 1 item" in the Edit menu's Undo."""
    doc, scene = editor.document, editor.scene
    link = next(iter(doc.links()))
    scene.select_link(link.id)
    key(editor, Qt.Key.Key_Delete)
    assert editor.undo_stack.undoText() == "Delete 1 arrow"
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    scene.clearSelection()
    scene.card_item(card_id).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    assert editor.undo_stack.undoText() == "Delete 1 card"
    other = next(k for k in doc.links())  # a card and one of its own arrows chosen: the card goes, with it
    scene.clearSelection()
    scene.card_item(other.source).setSelected(True)
    scene.link_item(other.id).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    assert editor.undo_stack.undoText() == "Delete 1 card"


def test_deleting_a_stage_or_lane_says_what_went_and_how_to_bring_it_back(editor: Editor) -> None:
    """A stage and its six cards went without a word (no question asked, rightly: Ctrl+Z brings it back)."""
    doc, scene = editor.document, editor.scene
    said: list[str] = []
    editor.message.connect(said.append)
    stage = doc.stages[2]
    count = len(doc.cards_in_stage(stage.id))
    assert count > 1
    scene.header_item("stage", stage.id).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    assert not doc.has_stage(stage.id)
    assert said[-1] == f"Deleted stage “{stage.name}” with {count} cards (Ctrl+Z undoes it)"
    key(editor, Qt.Key.Key_Z, CTRL)
    assert doc.has_stage(stage.id) and len(doc.cards_in_stage(stage.id)) == count
    lane = doc.lanes[-1]
    for card_id in doc.cards_in_lane(lane.id):
        doc.remove_card(card_id)
    scene.clearSelection()
    scene.header_item("lane", lane.id).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    assert said[-1] == f"Deleted lane “{lane.name}” (Ctrl+Z undoes it)"
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    scene.clearSelection()
    scene.card_item(card_id).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    assert said[-1] == "Deleted 1 card (Ctrl+Z undoes it)"


def test_ctrl_arrows_move_every_chosen_card_as_one_step_and_keep_them_chosen(editor: Editor) -> None:
    """With three cards chosen, Ctrl+Right moved the focused one and let the other two go."""
    doc = editor.document
    s0, s1 = doc.stages[0].id, doc.stages[1].id
    l0, l1 = doc.lanes[0].id, doc.lanes[1].id
    chosen = [*doc.cell_cards(s0, l1)[:2], doc.cell_cards(s0, l0)[0]]
    before = model.dumps(doc)
    scene = editor.scene
    scene.clearSelection()
    for card_id in chosen:
        scene.card_item(card_id).setSelected(True)
    scene.nav.set_focus(("card", chosen[0]), select=False)
    key(editor, Qt.Key.Key_Right, CTRL)
    assert [doc.card(c).stage for c in chosen] == [s1, s1, s1]
    assert doc.cell_cards(s1, l1)[:2] == tuple(chosen[:2])  # together, in their order
    assert sorted(editor.selected_cards()) == sorted(chosen) and editor.undo_stack.undoText() == "Move 3 cards"
    said: list[str] = []
    editor.message.connect(said.append)
    key(editor, Qt.Key.Key_Up, CTRL)  # the lane-0 card has no lane above: nothing moves, and it says so
    assert [doc.card(c).stage for c in chosen] == [s1, s1, s1] and said and said[-1].startswith("Not moved")
    key(editor, Qt.Key.Key_Z, CTRL)
    assert model.dumps(doc) == before


def test_ctrl_enter_while_capturing_keeps_the_card_and_adds_a_stage_to_the_right(editor: Editor) -> None:
    """It ended the card as Enter does and started the next one: no stage, no word."""
    doc = editor.document
    last, lane = doc.stages[-1].id, doc.lanes[0].id
    editor.scene.nav.set_focus(("cell", (last, lane)))
    before = list(doc.cell_cards(last, lane))
    QTest.keyClicks(editor.view, "Push offer")
    key(editor, Qt.Key.Key_Return, CTRL)
    added = [c for c in doc.cell_cards(last, lane) if c not in before]
    assert [doc.card(c).text for c in added] == ["Push offer"]
    assert len(doc.stages) == 6 and doc.stages[-2].id == last  # the new stage, to the right, named in place
    QTest.keyClicks(editor.view, "Follow-up")
    key(editor, Qt.Key.Key_Return)
    assert doc.stages[-1].name == "Follow-up"
    editor.undo_stack.undo()
    assert len(doc.stages) == 5 and doc.card(added[0]).text == "Push offer"


def test_ctrl_enter_outside_fast_capture_commits_the_edit_and_adds_nothing(editor: Editor) -> None:
    """Letting Ctrl+Enter through to Add stage for fast capture let it through for every edit in place."""
    doc = editor.document
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    stages, lanes = len(doc.stages), len(doc.lanes)
    editor.scene.nav.set_focus(("card", card_id))
    key(editor, Qt.Key.Key_F2)
    QTest.keyClicks(editor.view, " now")
    key(editor, Qt.Key.Key_Return, CTRL)
    assert doc.card(card_id).text.endswith(" now") and len(doc.stages) == stages
    editor.scene.nav.set_focus(None)
    editor.scene.clearSelection()
    editor.scene.header_item("lane", doc.lanes[0].id).setSelected(True)
    key(editor, Qt.Key.Key_F2)
    QTest.keyClicks(editor.view, "Seen")
    key(editor, Qt.Key.Key_Return, CTRL | SHIFT)
    assert doc.lanes[0].name == "Seen" and len(doc.lanes) == lanes


def test_a_stage_added_after_the_third_is_named_as_its_header_numbers_it(editor: Editor) -> None:
    """It was named "Stage 6" (the count of stages plus one) under a header reading 04."""
    doc = editor.document
    card_id = next(c.id for c in doc.cards() if c.stage == doc.stages[2].id)
    editor.scene.nav.set_focus(("card", card_id))
    key(editor, Qt.Key.Key_Return, CTRL)
    key(editor, Qt.Key.Key_Return)  # the name offered, as it is
    assert doc.stages[3].name == "Stage 4"


def test_stages_and_lanes_added_at_the_board_s_edge_stay_in_view_once_named(editor: Editor) -> None:
    """Naming one took the new stage away and put it back as one undo step: the board shrank for a moment,
    the scroll bar was pulled in, and the new stage ended 130-190 px past the view's right edge."""
    doc, view = editor.document, editor.view

    def in_view(kind: str, item_id: str) -> bool:
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        return shown.contains(editor.scene.header_item(kind, item_id).sceneBoundingRect())

    editor.scene.nav.set_focus(("cell", (doc.stages[-1].id, doc.lanes[0].id)))
    for name in ("Compare", "Sign up", "Verify ID", "First deposit"):
        key(editor, Qt.Key.Key_Return, CTRL)
        QTest.keyClicks(editor.view, name)
        key(editor, Qt.Key.Key_Return)
        assert doc.stages[-1].name == name and in_view("stage", doc.stages[-1].id), name
    editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[-1].id)))
    for name in ("Partners", "Regulators"):
        key(editor, Qt.Key.Key_Return, CTRL | SHIFT)
        QTest.keyClicks(editor.view, name)
        key(editor, Qt.Key.Key_Return)
        assert doc.lanes[-1].name == name and in_view("lane", doc.lanes[-1].id), name


def test_a_new_lane_named_for_a_kind_is_of_that_kind(editor: Editor) -> None:
    """A lane added and named "Backstage" stayed a yellow Notes lane, with no line of internal interaction,
    until its kind was changed in Properties."""
    doc = editor.document
    said: list[str] = []
    editor.message.connect(said.append)
    editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[-1].id)))
    for name, kind in (("Backstage", "backstage"), ("pain point", "pain"), ("Feelings", "emotion"),
                       ("Partners", "note")):
        key(editor, Qt.Key.Key_Return, CTRL | SHIFT)
        QTest.keyClicks(editor.view, name)
        key(editor, Qt.Key.Key_Return)
        assert (doc.lanes[-1].name, doc.lanes[-1].kind) == (name, kind)
        editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[-1].id)))
    assert "Lane kind: Pain points, from its name (Properties › Kind changes it)" in said
    lanes = len(doc.lanes)
    editor.undo_stack.undo()  # the last lane, named and of its kind, is one step
    assert len(doc.lanes) == lanes - 1 and doc.lanes[-1].kind == "emotion"


def test_down_after_adding_a_stage_enters_the_new_stage_and_right_enters_a_chosen_lane(editor: Editor) -> None:
    """Down after naming a new stage jumped to the board's first card, far away at the top left."""
    doc, nav = editor.document, editor.scene.nav
    card_id = next(c.id for c in doc.cards() if c.stage == doc.stages[2].id)
    nav.set_focus(("card", card_id))
    key(editor, Qt.Key.Key_Return, CTRL)
    QTest.keyClicks(editor.view, "Payment")
    key(editor, Qt.Key.Key_Return)
    new_stage = doc.stages[3]
    assert new_stage.name == "Payment" and nav.focus is None  # the new header is selected, no card or cell
    key(editor, Qt.Key.Key_Up)  # off the board from a stage header: nothing moves
    assert nav.focus is None
    key(editor, Qt.Key.Key_Down)
    assert nav.focus == ("cell", (new_stage.id, doc.lanes[0].id))
    lane = doc.lanes[1]
    editor.scene.header_item("lane", lane.id).setSelected(True)
    editor.scene.nav.follow_selection()
    assert nav.focus is None
    key(editor, Qt.Key.Key_Right)
    first = doc.cell_cards(doc.stages[0].id, lane.id)
    assert nav.focus == (("card", first[0]) if first else ("cell", (doc.stages[0].id, lane.id)))


def test_up_from_a_stages_top_and_left_from_the_first_stage_choose_the_headers(editor: Editor) -> None:
    """No key reached a stage or lane header: renaming or deleting one needed the mouse or the panel."""
    doc, nav, scene = editor.document, editor.scene.nav, editor.scene
    said: list[str] = []
    editor.message.connect(said.append)
    stage, lane = doc.stages[1], doc.lanes[1]
    nav.set_focus(nav.column(stage.id)[0])
    key(editor, Qt.Key.Key_Up)
    header = scene.selected_header()
    assert header is not None and (header.kind, header.item_id) == ("stage", stage.id) and nav.focus is None
    assert said[-1] == ("Stage header chosen: F2 renames it, Ctrl+Left/Right moves it, Delete removes it, "
                        "Down goes back in")
    key(editor, Qt.Key.Key_F2)
    assert isinstance(scene.editor, InlineEditor) and not scene.editor.finished
    QTest.keyClicks(editor.view, "Pay")
    key(editor, Qt.Key.Key_Return)
    assert doc.stage(stage.id).name == "Pay"
    key(editor, Qt.Key.Key_Down)  # back into the stage
    assert nav.focus == nav.column(stage.id)[0]
    first = doc.cell_cards(doc.stages[0].id, lane.id)
    nav.set_focus(("card", first[0]) if first else ("cell", (doc.stages[0].id, lane.id)))
    key(editor, Qt.Key.Key_Left)
    header = scene.selected_header()
    assert header is not None and (header.kind, header.item_id) == ("lane", lane.id)
    key(editor, Qt.Key.Key_Delete)
    assert not doc.has_lane(lane.id)


def test_ctrl_arrows_move_a_chosen_stage_or_lane(editor: Editor) -> None:
    """Only a drag with the mouse reordered stages and lanes; Ctrl+arrows on a chosen header did nothing
    and said nothing."""
    doc, nav, scene = editor.document, editor.scene.nav, editor.scene
    said: list[str] = []
    editor.message.connect(said.append)
    stages = [s.id for s in doc.stages]
    nav.set_focus(nav.column(stages[0])[0])
    key(editor, Qt.Key.Key_Up)  # the first stage's header
    key(editor, Qt.Key.Key_Right, CTRL)
    key(editor, Qt.Key.Key_Right, CTRL)
    assert [s.id for s in doc.stages][:3] == [stages[1], stages[2], stages[0]]
    header = scene.selected_header()
    assert header is not None and (header.kind, header.item_id) == ("stage", stages[0])  # still chosen
    key(editor, Qt.Key.Key_Down, CTRL)  # a stage has no up or down
    assert said[-1] == "A stage moves left or right: Ctrl+Left or Ctrl+Right" and doc.stages[2].id == stages[0]
    key(editor, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in doc.stages][:3] == [stages[1], stages[0], stages[2]]  # one step per move
    key(editor, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in doc.stages] == stages
    scene.clearSelection()
    scene.header_item("stage", stages[0]).setSelected(True)
    key(editor, Qt.Key.Key_Left, CTRL)
    assert said[-1] == "Not moved: the stage is already at the edge of the board"
    assert [s.id for s in doc.stages] == stages
    lanes = [ln.id for ln in doc.lanes]
    first = doc.cell_cards(stages[0], lanes[1])
    nav.set_focus(("card", first[0]) if first else ("cell", (stages[0], lanes[1])))
    key(editor, Qt.Key.Key_Left)  # the second lane's header
    key(editor, Qt.Key.Key_Down, CTRL)
    assert [ln.id for ln in doc.lanes][:3] == [lanes[0], lanes[2], lanes[1]]
    key(editor, Qt.Key.Key_Up, CTRL)
    key(editor, Qt.Key.Key_Up, CTRL)
    assert [ln.id for ln in doc.lanes][:2] == [lanes[1], lanes[0]]


def test_f2_edits_the_card_the_ring_is_on_after_esc_let_go_of_it(editor: Editor) -> None:
    """Esc unselects and leaves the ring on the card: Edit text was enabled there and did nothing."""
    nav = editor.scene.nav
    key(editor, Qt.Key.Key_Down)
    card_id = nav.focused_card()
    key(editor, Qt.Key.Key_Escape)
    assert editor.selected_cards() == [] and nav.focused_card() == card_id
    assert editor.edit_actions.edit_text.isEnabled()
    key(editor, Qt.Key.Key_F2)
    inline = editor.scene.editor
    assert isinstance(inline, InlineEditor) and not inline.finished
    assert inline.toPlainText() == editor.document.card(card_id).text  # type: ignore[arg-type]
    key(editor, Qt.Key.Key_Escape)


def test_keys_that_cannot_act_say_why(editor: Editor) -> None:
    """Tab on the board's last cell and Shift+L on a card without arrows did nothing and said nothing."""
    doc = editor.document
    messages: list[str] = []
    editor.message.connect(messages.append)
    editor.scene.nav.set_focus(("cell", (doc.stages[-1].id, doc.lanes[-1].id)))
    key(editor, Qt.Key.Key_Tab)
    assert editor.scene.nav.focus == ("cell", (doc.stages[-1].id, doc.lanes[-1].id))
    assert messages[-1] == "The board's last cell: Tab goes no further"
    editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[0].id)))
    key(editor, Qt.Key.Key_Backtab, SHIFT)
    assert messages[-1] == "The board's first cell: Shift+Tab goes no further"
    lonely = next(c.id for c in doc.cards() if not doc.links_of(c.id))
    editor.scene.nav.set_focus(("card", lonely))
    key(editor, Qt.Key.Key_L, SHIFT)
    assert messages[-1] == "This card has no arrows: L connects it to another"
    editor.scene.nav.set_focus(None)
    editor.scene.clearSelection()
    QTest.keyClicks(editor.view, "q")  # with no cell to type into
    assert messages[-1].startswith("Choose a cell first")
    for letter in "vL":  # a card's keys with no card: they said to choose a cell and type
        QTest.keyClicks(editor.view, letter)
        assert messages[-1] == "Choose a card first (the arrow keys or a click): V votes on it, L connects it"
    editor.scene.header_item("stage", doc.stages[1].id).setSelected(True)
    QTest.keyClicks(editor.view, "q")
    assert messages[-1].startswith("Tab goes into the chosen stage or lane")


def test_typing_on_a_chosen_card_starts_the_next_card_after_it(editor: Editor) -> None:
    """A designer clicked a card and typed "Downloads app over patchy 4G": the letters went nowhere, the "l"
    of "Downloads" started connecting and the "v" of "over" voted. The first letter now starts a card after
    the chosen one, in its cell, and the rest of the words go into it."""
    doc, scene = editor.document, editor.scene
    stage_id, lane_id = next(cell for cell, ids in doc.cells() if len(ids) >= 2)
    first, second = doc.cell_cards(stage_id, lane_id)[:2]
    before = {c.id: (c.text, c.votes) for c in doc.cards()}
    steps = editor.undo_stack.count()
    r = scene.layout.card_rect(first)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, NO,
                     editor.view.mapFromScene(QPointF(r.x + r.w / 2, r.y + r.h / 2)))
    assert editor.selected_cards() == [first]
    QTest.keyClicks(QApplication.focusWidget(), "Downloads app over patchy 4G")
    key(editor, Qt.Key.Key_Return)
    assert scene.nav.connect_source is None
    assert {c.id: (c.text, c.votes) for c in doc.cards() if c.id in before} == before, "no vote, no other change"
    cards = doc.cell_cards(stage_id, lane_id)
    new = cards[cards.index(first) + 1]
    assert doc.card(new).text == "Downloads app over patchy 4G" and cards.index(second) == cards.index(new) + 1
    assert editor.undo_stack.count() == steps + 1


def test_letters_typed_while_connecting_neither_vote_nor_vanish_unsaid(editor: Editor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """L on a card starts connecting; letters typed later than a typist's next key (a pause after the L) are
    said to go nowhere, and a V among them votes on nothing."""
    import canvas.keyboard_nav as keyboard_nav

    monkeypatch.setattr(keyboard_nav, "TYPED_THROUGH_S", -1.0)  # every next key comes after a pause
    doc, scene = editor.document, editor.scene
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    said: list[str] = []
    editor.message.connect(said.append)
    before = {c.id: (c.text, c.votes) for c in doc.cards()}
    scene.nav.set_focus(("card", card_id))
    QTest.keyClicks(editor.view, "Looks for reviews")
    assert scene.nav.connect_source == card_id
    assert {c.id: (c.text, c.votes) for c in doc.cards()} == before, "no vote, no other change"
    assert said[-1] == "Connecting, not typing: the arrow keys choose the other card, Enter links, Esc cancels"
    key(editor, Qt.Key.Key_Escape)
    assert scene.nav.connect_source is None
    key(editor, Qt.Key.Key_V)  # out of connect mode V votes again
    assert doc.card(card_id).votes == before[card_id][1] + 1


@pytest.mark.parametrize("typed", ["visit the branch", "Visit the branch", "look up rates", "Logs in"])
def test_a_word_typed_on_a_card_keeps_its_first_letter_though_it_is_a_cards_key(editor: Editor, typed: str) -> None:
    """V, Shift+V, L and Shift+L are a chosen card's keys: "visit the branch" typed on it voted at its v and made
    "isit the branch", "look up rates" went into connecting and was thrown away. A letter right after such a key
    makes it the first letter of a word: what the key did is taken back and the next card has the whole text."""
    doc, scene = editor.document, editor.scene
    stage_id, lane_id = next(cell for cell, ids in doc.cells() if ids)
    chosen = doc.cell_cards(stage_id, lane_id)[0]
    before = {c.id: (c.text, c.votes) for c in doc.cards()}
    links = len(list(doc.links()))
    scene.nav.set_focus(("card", chosen))
    assert editor.selected_cards() == [chosen]
    for letter in typed:  # as a keyboard sends them: a capital with Shift, its text the capital
        shift = Qt.KeyboardModifier.ShiftModifier if letter.isupper() else NO
        QTest.keyClick(QApplication.focusWidget(), letter, shift)
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    cards = doc.cell_cards(stage_id, lane_id)
    assert doc.card(cards[cards.index(chosen) + 1]).text == typed
    assert {c.id: (c.text, c.votes) for c in doc.cards() if c.id in before} == before, "no vote, no other change"
    assert len(list(doc.links())) == links and scene.nav.connect_source is None
    assert editor.undo_stack.undoText() == "Add card"


def test_undoing_a_delete_of_many_cards_chooses_them_all(editor: Editor) -> None:
    """From 32 steps an undo is one batch of the document's, announced as one reset: undoing a delete of 32
    cards or more chose none of them (31 were all chosen)."""
    from canvas import commands as cmd

    doc, stack = editor.document, editor.undo_stack
    cell = (doc.stages[0].id, doc.lanes[0].id)
    for n in range(cmd.BATCH_FROM + 8 - doc.card_count()):
        stack.push(cmd.AddCard(doc, model.Card(f"c-many{n}", cell[1], cell[0], f"Idea {n}"), None))
    ids = [card.id for card in doc.cards()]
    assert len(ids) >= cmd.BATCH_FROM
    editor.scene.clearSelection()
    for card_id in ids:
        editor.scene.card_item(card_id).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    assert doc.card_count() == 0
    key(editor, Qt.Key.Key_Z, CTRL)
    assert sorted(editor.selected_cards()) == sorted(ids)


def test_undo_and_redo_choose_the_cards_they_bring_back_move_or_change(editor: Editor) -> None:
    """After Delete then Ctrl+Z the card came back unchosen, the focus on its empty cell; a redone paste chose none."""
    doc, scene, stack = editor.document, editor.scene, editor.undo_stack
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    scene.nav.set_focus(("card", card_id))
    key(editor, Qt.Key.Key_Delete)
    assert not doc.has_card(card_id)
    key(editor, Qt.Key.Key_Z, CTRL)
    assert doc.has_card(card_id) and editor.selected_cards() == [card_id]
    assert scene.nav.focus == ("card", card_id)
    scene.clearSelection()
    key(editor, Qt.Key.Key_Right, CTRL)  # moved a stage on…
    scene.clearSelection()
    scene.nav.set_focus(None)
    key(editor, Qt.Key.Key_Z, CTRL)  # …and back: chosen where it lands
    assert editor.selected_cards() == [card_id] and scene.nav.focus == ("card", card_id)
    key(editor, Qt.Key.Key_C, CTRL)
    key(editor, Qt.Key.Key_V, CTRL)
    pasted = editor.selected_cards()
    assert len(pasted) == 1 and pasted != [card_id]
    stack.undo()
    scene.clearSelection()
    stack.redo()
    assert editor.selected_cards() == pasted
    steps = stack.count()
    doc.set_title("Renamed outside the stack")  # nothing of the stack's: the choice stays
    scene.clearSelection()
    stack.undo()
    assert stack.count() == steps and editor.selected_cards() == []


def test_a_cards_key_then_a_word_elsewhere_is_two_things(editor: Editor) -> None:
    """V voted on a card; a click on the next card and a word typed there took the vote back and made "vhello"
    after the first card. L, Esc, "ok" made "lok"; V, Ctrl+Z, "ok" made "vok"."""
    doc, scene = editor.document, editor.scene
    stage_id, lane_id = next(cell for cell, ids in doc.cells() if len(ids) >= 2)
    first, second = doc.cell_cards(stage_id, lane_id)[:2]
    votes = doc.card(first).votes
    scene.nav.set_focus(("card", first))
    key(editor, Qt.Key.Key_V)
    assert doc.card(first).votes == votes + 1
    scene.nav.set_focus(("card", second))  # as a click on it does
    QTest.keyClicks(QApplication.focusWidget(), "hello")
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    cards = doc.cell_cards(stage_id, lane_id)
    assert doc.card(first).votes == votes + 1 and doc.card(cards[cards.index(second) + 1]).text == "hello"
    scene.nav.set_focus(("card", first))
    key(editor, Qt.Key.Key_L)
    key(editor, Qt.Key.Key_Escape)
    assert scene.nav.connect_source is None
    QTest.keyClicks(QApplication.focusWidget(), "ok")
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    cards = doc.cell_cards(stage_id, lane_id)
    assert doc.card(cards[cards.index(first) + 1]).text == "ok"


def test_enter_with_a_header_or_an_arrow_chosen_starts_no_card(editor: Editor) -> None:
    """Enter there let the header go and started a card in whatever cell was in the middle of the view."""
    doc, scene = editor.document, editor.scene
    count = doc.card_count()
    scene.header_item("stage", doc.stages[0].id).setSelected(True)
    key(editor, Qt.Key.Key_Return)
    assert scene.editor is None and scene.selected_header() is not None
    scene.clearSelection()
    scene.select_link(next(iter(doc.links())).id)
    key(editor, Qt.Key.Key_Return)
    assert scene.editor is None and scene.selected_links() and doc.card_count() == count


def test_undoing_a_stage_or_lane_delete_chooses_and_shows_it(editor: Editor) -> None:
    """Delete on a chosen stage (or lane) header, then Ctrl+Z: the stage came back but nothing was chosen nor
    scrolled to. What the undo brings back is chosen and shown, as for cards: its header, so that F2 or Delete
    act on it again."""
    doc, scene, view = editor.document, editor.scene, editor.view
    view.zoom_actual()  # at 100 % the board is larger than the window: there is somewhere else to look
    for kind, back in (("stage", Qt.Key.Key_Up), ("lane", Qt.Key.Key_Left)):
        stage, lane = doc.stages[0].id, doc.lanes[-1].id  # the last lane: one of few cards, well below the top
        scene.nav.set_focus(("cell", (stage, lane)))
        while scene.selected_header() is None:  # up (left) to the stage's (lane's) header, by keys
            key(editor, back)
        item_id = stage if kind == "stage" else lane
        assert (scene.selected_header().kind, scene.selected_header().item_id) == (kind, item_id)
        key(editor, Qt.Key.Key_Delete)
        assert not (doc.has_stage(item_id) if kind == "stage" else doc.has_lane(item_id))
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())  # looking elsewhere
        view.verticalScrollBar().setValue(0 if kind == "lane" else view.verticalScrollBar().maximum())
        away = view.mapToScene(view.viewport().rect()).boundingRect()
        key(editor, Qt.Key.Key_Z, CTRL)
        header = scene.selected_header()
        assert header is not None and (header.kind, header.item_id) == (kind, item_id), kind
        assert editor.selected_cards() == [] and scene.current_cell is None
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(header.sceneBoundingRect().center()), kind
        assert not away.contains(header.sceneBoundingRect().center()), "scrolled to it, not in sight already"
        key(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | SHIFT)  # redo: gone again
        key(editor, Qt.Key.Key_Z, CTRL)
        assert scene.selected_header() is not None and scene.selected_header().item_id == item_id


def test_zooming_with_the_keys_keeps_the_card_being_typed_and_the_focus_in_sight(editor: Editor) -> None:
    """Typing a card near the view's corner, Ctrl+= three times to read it better: the view zoomed round its
    middle (round the pointer, were it on the board) and the card being typed went out of sight, the letters
    typed next into a card nobody could see. A zoom by the keys keeps the keyboard's place where it is."""
    doc, scene, view = editor.document, editor.scene, editor.view
    key(editor, Qt.Key.Key_1, CTRL)  # 100 %
    key(editor, Qt.Key.Key_Down)  # the board's first card, at the view's top left
    QTest.keyClicks(editor.view, "Reads the menu")  # a card started after it
    typing = scene.editor
    assert isinstance(typing, InlineEditor) and not typing.finished
    before = view.mapFromScene(typing.sceneBoundingRect().center())
    assert view.viewport().rect().contains(before)
    for _ in range(3):
        key(editor, Qt.Key.Key_Equal, CTRL)
    assert view.zoom > 1.9
    shown = view.mapFromScene(typing.sceneBoundingRect()).boundingRect()
    assert view.viewport().rect().contains(shown), (shown, view.viewport().rect())
    assert (view.mapFromScene(typing.sceneBoundingRect().center()) - before).manhattanLength() <= 2  # held still
    QTest.keyClicks(editor.view, " board")
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    card_id = next(c.id for c in doc.cards() if c.text == "Reads the menu board")
    scene.nav.set_focus(("card", card_id))  # the ring on a card: Ctrl+- keeps it where it is as well
    ring = scene.nav.ring.sceneBoundingRect()
    before = view.mapFromScene(ring.center())
    key(editor, Qt.Key.Key_Minus, CTRL)
    key(editor, Qt.Key.Key_1, CTRL)
    assert (view.mapFromScene(ring.center()) - before).manhattanLength() <= 2


def test_after_esc_let_go_of_a_cell_the_arrows_come_back_where_the_keyboard_was(editor: Editor) -> None:
    """Esc on a cell's slot (a card run ended, Esc again) let go of it, and the next arrow key went back to the
    board's first card, out of sight of the stage being worked on."""
    doc, nav = editor.document, editor.scene.nav
    stage, lane = doc.stages[3].id, doc.lanes[2].id
    nav.set_focus(("cell", (stage, lane)))
    key(editor, Qt.Key.Key_Escape)
    assert nav.focus is None and editor.scene.current_cell is None
    key(editor, Qt.Key.Key_Right)
    assert nav.focus == ("cell", (stage, lane))
    key(editor, Qt.Key.Key_Escape)
    key(editor, Qt.Key.Key_Tab)  # Tab too
    assert nav.focus == ("cell", (stage, lane))
    # The first place of all when that cell is gone.
    nav.set_focus(None)
    editor.scene.select_cell((stage, lane))
    editor.delete_stage()
    assert not doc.has_stage(stage) and nav.focus is None
    key(editor, Qt.Key.Key_Down)
    assert nav.focus == nav.column(doc.stages[0].id)[0]


def test_a_header_deleted_with_the_keys_passes_the_choice_to_its_neighbour(editor: Editor) -> None:
    """Delete on a chosen stage header left nothing chosen: the next arrow key jumped to the board's first card,
    and a second stage could only be deleted by finding its header again."""
    doc, scene = editor.document, editor.scene
    stages = [s.id for s in doc.stages]
    scene.nav.set_focus(scene.nav.column(stages[1])[0])
    key(editor, Qt.Key.Key_Up)  # the stage's header
    header = scene.selected_header()
    assert header is not None and (header.kind, header.item_id) == ("stage", stages[1])
    key(editor, Qt.Key.Key_Delete)
    assert [s.id for s in doc.stages] == [stages[0], *stages[2:]]
    header = scene.selected_header()
    assert header is not None and (header.kind, header.item_id) == ("stage", stages[2])  # the one in its place
    key(editor, Qt.Key.Key_Down)  # into that stage
    assert scene.nav.focus == scene.nav.column(stages[2])[0]
    scene.clearSelection()
    scene.header_item("stage", stages[-1]).setSelected(True)
    key(editor, Qt.Key.Key_Delete)  # the last stage: the one before it is chosen
    header = scene.selected_header()
    assert header is not None and (header.kind, header.item_id) == ("stage", stages[-2])
    lanes = [ln.id for ln in doc.lanes]
    scene.clearSelection()
    scene.header_item("lane", lanes[0]).setSelected(True)
    key(editor, Qt.Key.Key_Delete)
    header = scene.selected_header()
    assert header is not None and (header.kind, header.item_id) == ("lane", lanes[1])
    key(editor, Qt.Key.Key_Z, CTRL)
    assert [ln.id for ln in doc.lanes] == lanes


def test_an_add_undone_out_of_sight_shows_the_cell_it_left(editor: Editor) -> None:
    """Ctrl+Z of a card added in a cell scrolled out of sight took it off there and left the view and the ring
    where they were: the undo seemed to do nothing."""
    doc, nav, view = editor.document, editor.scene.nav, editor.view
    cell = (doc.stages[0].id, doc.lanes[1].id)
    count = len(doc.cell_cards(*cell))
    nav.set_focus(("cell", cell))
    QTest.keyClicks(view, "Asks a friend")
    key(editor, Qt.Key.Key_Escape)  # the card kept
    assert len(doc.cell_cards(*cell)) == count + 1
    view.set_zoom(2.0)
    nav.set_focus(("cell", (doc.stages[-1].id, doc.lanes[-1].id)))  # far away: the view follows
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    r = editor.scene.layout.cell_rect(*cell)
    assert not shown.intersects(QRectF(r.x, r.y, r.w, r.h))
    key(editor, Qt.Key.Key_Z, CTRL)
    assert len(doc.cell_cards(*cell)) == count
    assert nav.focus == ("cell", cell)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    r = editor.scene.layout.cell_rect(*cell)
    assert shown.intersects(QRectF(r.x, r.y, r.w, r.h))
    QTest.keyClicks(view, "w")  # what is typed there is a card in that cell again
    key(editor, Qt.Key.Key_Escape)
    assert len(doc.cell_cards(*cell)) == count + 1


def test_an_undone_paste_of_many_cards_shows_the_cell_they_left(editor: Editor) -> None:
    """A paste of 32 cards or more is one batch of edits, announced as one reset: its undo, out of sight, showed
    nothing (the cells it emptied were not named)."""
    doc, nav, view = editor.document, editor.scene.nav, editor.view
    cell = (doc.stages[0].id, doc.lanes[1].id)
    count = len(doc.cell_cards(*cell))
    nav.set_focus(("cell", cell))
    QApplication.clipboard().setText("\n".join(f"Step {i}" for i in range(40)))
    key(editor, Qt.Key.Key_V, CTRL)
    assert len(doc.cell_cards(*cell)) == count + 40
    view.set_zoom(2.0)
    nav.set_focus(("cell", (doc.stages[-1].id, doc.lanes[-1].id)))
    key(editor, Qt.Key.Key_Z, CTRL)
    assert len(doc.cell_cards(*cell)) == count
    assert nav.focus == ("cell", cell)
    r = editor.scene.layout.cell_rect(*cell)
    assert view.mapToScene(view.viewport().rect()).boundingRect().intersects(QRectF(r.x, r.y, r.w, r.h))


def test_a_card_started_and_let_go_is_no_place_for_a_later_undo_to_show(editor: Editor) -> None:
    """A card started with Enter and let go of with Esc (never an undo step) left its cell noted as emptied: the next
    Ctrl+Z of something else (an arrow) moved the ring there, away from the card being worked on."""
    doc, nav = editor.document, editor.scene.nav
    far = doc.stages[-1].id
    cards = [c for lane in doc.lanes for c in doc.cell_cards(far, lane.id)]
    nav.link(cards[0], cards[1])  # one undo step: an arrow
    nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[1].id)))
    key(editor, Qt.Key.Key_Return)  # a card started...
    key(editor, Qt.Key.Key_Escape)  # ... and let go of, empty
    nav.set_focus(("card", cards[1]))
    key(editor, Qt.Key.Key_Z, CTRL)  # the arrow undone
    assert not any(link.source == cards[0] and link.target == cards[1] for link in doc.links())
    assert nav.focus == ("card", cards[1])
