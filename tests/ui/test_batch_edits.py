"""A large compound edit (Delete of a big selection, its undo, a drop of many cards) is one relayout.

Counted, not timed (issue 9): a Delete of 5,000 selected cards was one RemoveCard per card,
each announced on its own, and each made the layout catch up and check the whole board's
legend: minutes of a frozen window. Now a macro of many steps holds its announcements back
and the document announces one DocumentReset after them (Document.batch).
"""

from __future__ import annotations

from canvas.commands import BATCH_FROM
from model import events as ev
from model.layout import Layout
from tests.ui.large_boards import shown_editor, synthetic_board


def _counting(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    applied: list[object] = []
    plain = Layout.apply

    def apply(self: Layout, event: object):  # type: ignore[no-untyped-def]
        applied.append(event)
        return plain(self, event)

    monkeypatch.setattr(Layout, "apply", apply)
    return applied


def test_delete_of_a_large_selection_and_its_undo_are_one_relayout_each(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = shown_editor(qtbot, synthetic_board(600, links="local"), (1200, 800))
    scene, document = editor.scene, editor.document
    before = {card.id for card in document.cards()}
    links_before = {link.id for link in document.links()}
    heard: list[object] = []
    document.changed.connect(heard.append)
    applied = _counting(monkeypatch)
    editor.select_all()  # Edit › Select All
    assert len(scene.selected_cards()) == len(before) > BATCH_FROM
    selection_changes: list[int] = []
    scene.selectionChanged.connect(lambda: selection_changes.append(1))
    editor.edit_actions.delete.trigger()  # Edit › Delete (the Delete key: test_editor_gestures)
    # Qt announced each removed selected item (~20 s of listeners asking for the selection at 5,000)
    assert len(selection_changes) == 1 and not scene.selectedItems()
    assert not list(document.cards()) and not list(document.links())
    assert len(applied) == 1 and isinstance(applied[0], ev.DocumentReset)  # was one per card and link
    assert heard == applied  # the panels heard the one reset too, not thousands of removals
    assert not scene.layout.cards and scene.item_ids() == (set(), set())
    applied.clear()
    editor.undo_stack.undo()  # Edit › Undo
    assert {card.id for card in document.cards()} == before
    assert {link.id for link in document.links()} == links_before
    assert len(applied) == 1 and isinstance(applied[0], ev.DocumentReset)
    # The board after the undo is the board before: every card where a fresh layout puts it.
    fresh = Layout(document)
    assert {k: (g.x, g.y, g.w, g.h) for k, g in scene.layout.cards.items()} == \
        {k: (g.x, g.y, g.w, g.h) for k, g in fresh.cards.items()}
    scene.complete()
    assert scene.item_ids() == (set(fresh.cards), set(fresh.links))
    document.changed.disconnect(heard.append)


def test_a_short_macro_stays_incremental(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = shown_editor(qtbot, synthetic_board(200, links="local"), (1200, 800))
    document = editor.document
    doomed = [card.id for card in document.cards()][:3]
    applied = _counting(monkeypatch)
    from canvas.commands import delete_selection

    editor.push(delete_selection(document, doomed, []))
    assert applied and not any(isinstance(event, ev.DocumentReset) for event in applied)
    assert all(isinstance(event, ev.CardRemoved | ev.LinkRemoved) for event in applied)
    assert not set(doomed) & {card.id for card in document.cards()}
