"""A link's label kept inside the board (model/links.py) is edited where it is drawn: the in-place field
sits over it, inside the board, and a double-click on it edits it even where it lies off its arrow, over a
card."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.editor import Editor
from canvas.inline_editor import InlineEditor
from model import Card, Document, Lane, Link, Stage
from model.primitives import Box

LONG_LABEL = "this link label has ordinary spaces but is much wider than a stage column so where does it go"


def board() -> Document:
    """Three stages; in the last, an arrow bending round a card in the margin right of the column, its
    long label kept inside the board (over the cards of the column, off the arrow)."""
    lanes = [Lane("touch", "Touchpoints", "touchpoint"), Lane("doing", "Doing", "customer"),
             Lane("fix", "Opportunities", "opportunity")]
    cards = [Card("a", "touch", "s2", "Instant spending notifications"),
             Card("c", "doing", "s2", "Pays by phone, checks spending by category"),
             Card("d", "fix", "s2", "Offer salary switch after two weeks")]
    return Document.build(title="Label at the edge", description=None,
                          stages=[Stage(f"s{i}", f"Stage {i}") for i in range(3)], lanes=lanes, cards=cards,
                          links=[Link("long", "a", "d", label=LONG_LABEL)], personas=[], extra={})


def test_a_label_kept_inside_the_board_is_edited_over_itself(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = Editor(board())
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.waitUntil(lambda: editor.scene.unbuilt == 0)
    editor.view.zoom_actual()
    scene = editor.scene
    pill = next(p for p in scene.layout.links["long"].label if isinstance(p, Box))
    assert pill.x + pill.w <= scene.layout.width
    centre = QPointF(pill.x + pill.w / 2, pill.y + pill.h / 2)
    assert not scene.link_item("long").shape().contains(centre), "off its arrow: the case this is about"
    editor.view.centerOn(centre)
    QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      editor.view.mapFromScene(centre))
    field = scene.editor
    assert isinstance(field, InlineEditor) and not field.finished
    assert field.toPlainText() == LONG_LABEL, "the label's editor, with the whole label (not the card's)"
    rect = field.sceneBoundingRect()
    assert rect.left() >= 0 and rect.right() <= scene.layout.width, (rect, scene.layout.width)
    assert rect.contains(centre), "over the label as drawn"
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Escape)
