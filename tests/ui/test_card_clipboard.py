"""Cut, copy, paste and duplicate of cards in the editor, by their keys (Ctrl+X, C, V, D)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from app.editor import Editor
from model.clipboard import MIME_TYPE

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(blueprint_editor: Editor) -> Editor:
    QApplication.clipboard().clear()
    return blueprint_editor


def ctrl(editor: Editor, key: Qt.Key) -> None:
    QTest.keyClick(editor.view, key, CTRL)


def linked_pair(doc: model.Document) -> model.Link:
    """An arrow whose two cards lie in different cells."""
    for link in doc.links():
        a, b = doc.card(link.source), doc.card(link.target)
        if a.stage != b.stage or a.lane != b.lane:
            return link
    raise AssertionError("the example has no such arrow")


def choose(editor: Editor, card_ids: list[str]) -> None:
    editor.scene.clearSelection()
    for card_id in card_ids:
        editor.card_item(card_id).setSelected(True)


def test_copy_then_paste_into_a_cell_brings_the_cards_and_their_arrow_as_one_undo_step(editor: Editor) -> None:
    doc = editor.document
    link = linked_pair(doc)
    source, target = doc.card(link.source), doc.card(link.target)
    choose(editor, [source.id, target.id])
    messages: list[str] = []
    editor.message.connect(messages.append)
    ctrl(editor, Qt.Key.Key_C)
    assert messages[-1] == "Copied 2 cards"
    assert QApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
    texts = QApplication.clipboard().text().splitlines()
    assert sorted(texts) == sorted([source.text, target.text])  # plain text beside, for a mail
    cards_before, links_before = doc.card_count(), len(list(doc.links()))
    # Paste into the first stage's first lane: the pair keeps its distance of stages and lanes.
    first_stage, first_lane = doc.stages[0].id, doc.lanes[0].id
    editor.scene.clearSelection()
    editor.scene.nav.set_focus(("cell", (first_stage, first_lane)))
    ctrl(editor, Qt.Key.Key_V)
    assert doc.card_count() == cards_before + 2 and len(list(doc.links())) == links_before + 1
    new = editor.selected_cards()
    assert len(new) == 2 and not {source.id, target.id} & set(new)
    assert messages[-1] == "Pasted 2 cards"
    top_left = min(doc.stage_index(source.stage), doc.stage_index(target.stage)), \
        min(doc.lane_index(source.lane), doc.lane_index(target.lane))
    for old_id in (source.id, target.id):
        old = doc.card(old_id)
        twin = next(doc.card(c) for c in new if doc.card(c).text == old.text)
        assert doc.stage_index(twin.stage) == doc.stage_index(old.stage) - top_left[0]
        assert doc.lane_index(twin.lane) == doc.lane_index(old.lane) - top_left[1]
    (new_link,) = [k for k in doc.links() if k.source in new]
    assert doc.card(new_link.source).text == source.text and doc.card(new_link.target).text == target.text
    assert editor.undo_stack.undoText() == "Paste 2 cards"
    ctrl(editor, Qt.Key.Key_Z)
    assert doc.card_count() == cards_before and len(list(doc.links())) == links_before


def test_cut_removes_the_cards_and_paste_puts_them_back_in_their_own_cells(editor: Editor) -> None:
    doc = editor.document
    link = linked_pair(doc)
    cell = (doc.card(link.source).stage, doc.card(link.source).lane)
    text = doc.card(link.source).text
    before = model.dumps(doc)
    choose(editor, [link.source])
    ctrl(editor, Qt.Key.Key_X)
    assert not doc.has_card(link.source) and editor.undo_stack.undoText() == "Cut 1 card"
    editor.scene.clearSelection()
    editor.scene.nav.set_focus(None)
    ctrl(editor, Qt.Key.Key_V)  # no cell chosen: back where it came from, at its cell's end
    (pasted,) = editor.selected_cards()
    assert (doc.card(pasted).stage, doc.card(pasted).lane) == cell and doc.card(pasted).text == text
    assert doc.cell_cards(*cell)[-1] == pasted
    ctrl(editor, Qt.Key.Key_Z)
    ctrl(editor, Qt.Key.Key_Z)
    assert model.dumps(doc) == before  # two steps, each undone whole


def test_duplicate_puts_a_copy_right_after_each_card_and_leaves_the_clipboard(editor: Editor) -> None:
    doc = editor.document
    stage, lane = next(cell for cell, ids in doc.cells() if len(ids) >= 2)
    first, second = doc.cell_cards(stage, lane)[:2]
    QApplication.clipboard().setText("kept")
    choose(editor, [first])
    ctrl(editor, Qt.Key.Key_D)
    ids = doc.cell_cards(stage, lane)
    assert ids[0] == first and ids[2] == second  # the copy between the card and the next
    assert doc.card(ids[1]).text == doc.card(first).text and editor.selected_cards() == [ids[1]]
    assert editor.scene.nav.focused_card() == ids[1]
    assert QApplication.clipboard().text() == "kept"
    assert editor.undo_stack.undoText() == "Duplicate 1 card"


def test_plain_text_pastes_as_a_card_a_line_after_the_focused_card(editor: Editor) -> None:
    doc = editor.document
    stage, lane = next(cell for cell, ids in doc.cells() if ids)
    focused = doc.cell_cards(stage, lane)[0]
    editor.scene.nav.set_focus(("card", focused))
    QApplication.clipboard().setText("- ask for a name\n\n- spell it back\n")
    ctrl(editor, Qt.Key.Key_V)
    ids = doc.cell_cards(stage, lane)
    assert [doc.card(c).text for c in ids[1:3]] == ["ask for a name", "spell it back"]
    assert editor.selected_cards() == list(ids[1:3])


def test_unreadable_cards_on_the_clipboard_change_nothing_and_say_why(editor: Editor) -> None:
    doc = editor.document
    before = model.dumps(doc)
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(b'{"format": "touchline", "version": 1, "stages": ['))
    QApplication.clipboard().setMimeData(data)
    messages: list[str] = []
    editor.message.connect(messages.append)
    editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[0].id)))
    ctrl(editor, Qt.Key.Key_V)
    assert model.dumps(doc) == before and editor.undo_stack.count() == 0
    assert messages and messages[-1].startswith("Nothing pasted: the cards on the clipboard cannot be read (")


def test_paste_is_greyed_out_while_the_clipboard_holds_neither_cards_nor_text(editor: Editor) -> None:
    doc = editor.document
    paste = editor.edit_actions.paste
    assert not paste.isEnabled()  # the fixture emptied it
    editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[0].id)))
    ctrl(editor, Qt.Key.Key_V)
    assert editor.undo_stack.count() == 0
    QApplication.clipboard().setText("call the venue")
    assert paste.isEnabled()
    QApplication.clipboard().clear()
    assert not paste.isEnabled()
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    choose(editor, [card_id])
    ctrl(editor, Qt.Key.Key_C)  # Touchline's own cards
    assert paste.isEnabled()
    ctrl(editor, Qt.Key.Key_V)
    assert editor.undo_stack.count() == 1


def test_while_a_card_is_typed_the_keys_copy_and_paste_its_text_not_cards(editor: Editor) -> None:
    doc = editor.document
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    editor.scene.nav.set_focus(("card", card_id))
    QTest.keyClick(editor.view, Qt.Key.Key_F2)
    assert editor.scene.editor is not None
    count = doc.card_count()
    ctrl(editor, Qt.Key.Key_A)
    ctrl(editor, Qt.Key.Key_C)
    assert QApplication.clipboard().text() == doc.card(card_id).text
    assert not QApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
    QTest.keyClick(editor.view, Qt.Key.Key_End)
    ctrl(editor, Qt.Key.Key_V)
    assert doc.card_count() == count
    assert editor.scene.editor.toPlainText() == doc.card(card_id).text * 2


def test_the_actions_follow_what_is_chosen(editor: Editor) -> None:
    actions = editor.edit_actions
    editor.scene.clearSelection()
    editor.scene.nav.set_focus(None)
    assert not actions.copy.isEnabled() and not actions.cut.isEnabled() and not actions.duplicate.isEnabled()
    QApplication.clipboard().setText("call the venue")
    assert actions.paste.isEnabled()  # text from elsewhere pastes as cards
    choose(editor, [next(ids for _, ids in editor.document.cells() if ids)[0]])
    assert actions.copy.isEnabled() and actions.cut.isEnabled() and actions.duplicate.isEnabled()


def test_a_cut_in_connect_mode_ends_it_and_enter_links_nothing(editor: Editor) -> None:
    """L then Ctrl+X: Enter linked the cut card (an undo step that failed, and Ctrl+Z raised after it)."""
    doc = editor.document
    stage, lane = next(cell for cell, ids in doc.cells() if len(ids) >= 2)
    first = doc.cell_cards(stage, lane)[0]
    editor.scene.nav.set_focus(("card", first))
    QTest.keyClick(editor.view, Qt.Key.Key_L)
    assert editor.scene.nav.connect_source == first
    links, own = len(list(doc.links())), len(doc.links_of(first))
    ctrl(editor, Qt.Key.Key_X)
    assert editor.scene.nav.connect_source is None and not doc.has_card(first)
    editor.scene.nav.set_focus(("card", doc.cell_cards(stage, lane)[0]))
    QTest.keyClick(editor.view, Qt.Key.Key_Return)
    assert len(list(doc.links())) == links - own  # Enter linked nothing (it opened the card's text)
    QTest.keyClick(editor.view, Qt.Key.Key_Escape)
    assert editor.undo_stack.undoText() == "Cut 1 card"
    ctrl(editor, Qt.Key.Key_Z)
    assert doc.has_card(first) and len(list(doc.links())) == links


def test_pasting_twice_after_two_cards_keeps_each_block_whole(editor: Editor) -> None:
    doc = editor.document
    stage, lane = next(cell for cell, ids in doc.cells() if len(ids) >= 2)
    a, b = doc.cell_cards(stage, lane)[:2]
    rest = doc.cell_cards(stage, lane)[2:]
    choose(editor, [a, b])
    editor.scene.nav.set_focus(("card", a), extend=True)
    ctrl(editor, Qt.Key.Key_C)
    ctrl(editor, Qt.Key.Key_V)
    ctrl(editor, Qt.Key.Key_V)
    texts = [doc.card(c).text for c in doc.cell_cards(stage, lane)]
    ta, tb = doc.card(a).text, doc.card(b).text
    assert texts == [ta, tb, ta, tb, ta, tb, *[doc.card(c).text for c in rest]]  # not A A'' A' B'' B' B


def test_after_typing_a_card_the_keys_copy_and_paste_cards_again(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    """The text editor of a card typed and closed was still taken for the one typing, and Ctrl+C, Ctrl+V
    and Ctrl+X did nothing at all."""
    doc = editor.document
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    editor.scene.nav.set_focus(("card", card_id))
    QTest.keyClick(editor.view, Qt.Key.Key_F2)
    QTest.keyClicks(editor.view, "!")
    QTest.keyClick(editor.view, Qt.Key.Key_Return)
    assert doc.card(card_id).text.endswith("!")
    choose(editor, [card_id])
    ctrl(editor, Qt.Key.Key_C)
    assert QApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
    count = doc.card_count()
    ctrl(editor, Qt.Key.Key_V)
    assert doc.card_count() == count + 1


def test_a_block_pasted_again_and_again_lands_in_the_same_cells(editor: Editor) -> None:
    """Two cards in different stages and lanes, copied and pasted three times: each copy drifted a lane."""
    doc = editor.document
    s0, s1 = doc.stages[0].id, doc.stages[1].id
    l0, l1 = doc.lanes[0].id, doc.lanes[1].id
    a, b = doc.card(doc.cell_cards(s0, l1)[0]), doc.card(doc.cell_cards(s1, l0)[0])  # no card at the top-left
    cells = sorted([(a.stage, a.lane), (b.stage, b.lane)])
    choose(editor, [a.id, b.id])
    ctrl(editor, Qt.Key.Key_C)
    for _ in range(3):
        ctrl(editor, Qt.Key.Key_V)
        pasted = editor.selected_cards()
        assert sorted((doc.card(c).stage, doc.card(c).lane) for c in pasted) == cells


def test_a_cut_card_keeps_its_votes_once(editor: Editor) -> None:
    """Pasted twice, a cut card with 3 votes made 6 on the board."""
    doc = editor.document
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    doc.set_card_field(card_id, "votes", 3)
    total = sum(card.votes for card in doc.cards())
    choose(editor, [card_id])
    ctrl(editor, Qt.Key.Key_X)
    editor.scene.clearSelection()
    editor.scene.nav.set_focus(None)
    ctrl(editor, Qt.Key.Key_V)
    ctrl(editor, Qt.Key.Key_V)
    assert sum(card.votes for card in doc.cards()) == total


def test_the_edit_menus_paste_goes_to_a_focused_field_outside_the_board(qtbot, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit(editor)  # as a panel's field: in the window, not on the board
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QApplication.clipboard().setText("a tag")
    count = editor.document.card_count()
    editor.edit_actions.paste.trigger()
    assert field.text() == "a tag" and editor.document.card_count() == count
    editor.scene.clearSelection()
    assert editor.edit_actions.copy.isEnabled() and editor.edit_actions.cut.isEnabled()  # the field's, then


def test_an_empty_board_on_the_clipboard_pastes_nothing(editor: Editor) -> None:
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(model.dumps(model.Document("Empty")).encode()))
    QApplication.clipboard().setMimeData(data)
    messages: list[str] = []
    editor.message.connect(messages.append)
    editor.scene.nav.set_focus(None)
    editor.scene.clearSelection()
    ctrl(editor, Qt.Key.Key_V)
    assert editor.undo_stack.count() == 0 and messages[-1].startswith("Nothing to paste")


def test_with_a_stage_header_chosen_the_cards_go_into_that_stage(editor: Editor) -> None:
    doc = editor.document
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    choose(editor, [card_id])
    ctrl(editor, Qt.Key.Key_C)
    last = doc.stages[-1].id
    editor.scene.clearSelection()
    editor.scene.nav.set_focus(None)
    editor.scene.header_item("stage", last).setSelected(True)
    ctrl(editor, Qt.Key.Key_V)
    (pasted,) = editor.selected_cards()
    assert doc.card(pasted).stage == last and doc.card(pasted).lane == doc.card(card_id).lane


@pytest.mark.parametrize(("key", "modifier"), [(Qt.Key.Key_Up, CTRL), (Qt.Key.Key_Down, CTRL), (Qt.Key.Key_D, CTRL),
                                               (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier),
                                               (Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.AltModifier)])
def test_the_board_keys_for_a_card_do_nothing_to_it_while_its_text_is_typed(editor: Editor, key: Qt.Key,
                                                                             modifier: Qt.KeyboardModifier) -> None:
    """Ctrl+Up/Down committed the text and moved the card to another lane; Ctrl+D duplicated it."""
    doc = editor.document
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    before = model.dumps(doc)
    editor.scene.nav.set_focus(("card", card_id))
    QTest.keyClick(editor.view, Qt.Key.Key_F2)
    assert editor.scene.editor is not None
    QTest.keyClick(editor.view, key, modifier)
    assert editor.scene.editor is not None and model.dumps(doc) == before  # still typing, nothing else done


def test_typing_after_a_pasted_list_goes_on_after_its_last_card(editor: Editor) -> None:
    """A workshop's sticky notes pasted as a list into a cell, then the next note typed: it landed after the
    list's first card, in the middle of the list, because the focus ring sat on the first pasted card. The
    ring is on the last one, as a caret is after pasted text; the pasted cards stay chosen."""
    doc = editor.document
    stage, lane = doc.stages[-1].id, doc.lanes[0].id
    before = list(doc.cell_cards(stage, lane))
    editor.scene.nav.set_focus(("cell", (stage, lane)))
    QApplication.clipboard().setText("- Opens the app\n- Activates the card\n- First purchase\n")
    ctrl(editor, Qt.Key.Key_V)
    pasted = [c for c in doc.cell_cards(stage, lane) if c not in before]
    assert editor.selected_cards() == pasted and editor.scene.nav.focused_card() == pasted[-1]
    QTest.keyClicks(editor.view, "Shares with a friend")
    QTest.keyClick(editor.view, Qt.Key.Key_Return)
    QTest.keyClick(editor.view, Qt.Key.Key_Escape)
    texts = [doc.card(c).text for c in doc.cell_cards(stage, lane) if c not in before]
    assert texts == ["Opens the app", "Activates the card", "First purchase", "Shares with a friend"]


def test_a_long_pasted_list_leaves_its_last_card_in_sight(editor: Editor) -> None:
    """Twenty lines pasted at 100 %: the view went back to the first pasted card, the ring on the last one out of
    sight, where the next note is typed."""
    doc, view = editor.document, editor.view
    view.zoom_actual()
    editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[1].id)))
    QApplication.clipboard().setText("\n".join(f"Step {i}" for i in range(20)))
    ctrl(editor, Qt.Key.Key_V)
    ring = view.mapFromScene(editor.scene.nav.ring.sceneBoundingRect()).boundingRect()
    assert view.viewport().rect().contains(ring)
