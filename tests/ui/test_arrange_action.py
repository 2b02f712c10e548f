"""Edit > Arrange cards (issue 4, point 5): one undo step, exact undo and redo."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.editor import Editor
from model import dumps, loads
from model.arrange import crossings
from model.layout import Layout

X_BOARD = """{
  "format": "touchline", "version": 1, "title": "X",
  "stages": [{"id": "s0", "name": "One"}, {"id": "s1", "name": "Two"}],
  "lanes": [{"id": "l0", "name": "Customer", "kind": "customer"}],
  "cards": [{"id": "a1", "lane": "l0", "stage": "s0", "text": "A1"},
            {"id": "a2", "lane": "l0", "stage": "s0", "text": "A2"},
            {"id": "b1", "lane": "l0", "stage": "s1", "text": "B1"},
            {"id": "b2", "lane": "l0", "stage": "s1", "text": "B2"}],
  "links": [{"id": "k1", "from": "a1", "to": "b2"}, {"id": "k2", "from": "a2", "to": "b1"}]
}"""


def test_arrange_action_is_one_exact_undo_step(qtbot: QtBot) -> None:
    doc = loads(X_BOARD)
    editor = Editor(doc)
    qtbot.addWidget(editor)
    before = dumps(doc)
    assert crossings(doc) == 1
    assert editor.edit_actions.arrange.shortcut().toString() == "Ctrl+Shift+A"

    editor.edit_actions.arrange.trigger()
    assert editor.undo_stack.count() == 1
    assert crossings(doc) == 0
    assert doc.cell_cards("s0", "l0") == ("a2", "a1")
    arranged = dumps(doc)
    assert arranged != before

    editor.undo_stack.undo()
    assert dumps(doc) == before
    editor.undo_stack.redo()
    assert dumps(doc) == arranged
    fresh = Layout(doc)  # the canvas followed every move
    assert {cid: g.rect for cid, g in editor.scene.layout.cards.items()} == {
        cid: g.rect for cid, g in fresh.cards.items()}

    editor.edit_actions.arrange.trigger()  # nothing left to improve: no new step
    assert editor.undo_stack.count() == 1
