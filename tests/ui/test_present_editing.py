"""Editing while presenting (issue 7): the in-place editor takes the projection look in the
audience's view, even when the editor beside it is dark."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import Counter

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsView

from app.main_window import MainWindow
from canvas.inline_editor import InlineEditor
from model import style as st
from model.projection import PROJECTION_INK
from tests.ui import test_present
from tests.ui.test_present import settle, start

window = test_present.window  # the presentation tests' window on the blueprint


def field_pixels(view: QGraphicsView, field: InlineEditor) -> tuple[QColor, float]:
    """The most common colour inside the field as ``view`` shows it, and the lightness of its darkest pixel."""
    view.viewport().repaint()
    image: QImage = view.viewport().grab().toImage()
    box = view.mapFromScene(field.sceneBoundingRect().adjusted(3, 3, -3, -3)).boundingRect()
    colours: Counter[int] = Counter()
    darkest = 1.0
    for x in range(box.left(), box.right(), 2):
        for y in range(box.top(), box.bottom(), 2):
            colour = image.pixelColor(x, y)
            colours[colour.rgb()] += 1
            darkest = min(darkest, colour.lightnessF())
    return QColor.fromRgb(colours.most_common(1)[0][0]), darkest


def test_a_card_edited_while_presenting_in_the_dark_theme_is_light_on_the_projector(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.set_theme("dark")
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    card_id = doc.cell_cards(doc.stages[1].id, doc.lanes[1].id)[0]
    scene.nav.set_focus(("card", card_id))
    QTest.keyClick(view, Qt.Key.Key_F2)  # the editor's own key, on the projector
    field = scene.editor
    assert isinstance(field, InlineEditor) and not field.finished
    QTest.keyClick(view, Qt.Key.Key_End)
    QTest.keyClicks(view, " now")
    fill, ink = field.colours(projection=True)
    assert fill.lightnessF() > 0.75 and ink == QColor(PROJECTION_INK)  # the projection look's colours
    dark_fill, dark_ink = field.colours(projection=False)
    assert dark_fill.lightnessF() < 0.35 and dark_ink.lightnessF() > 0.6  # the editor's dark theme
    seen, darkest = field_pixels(view, field)
    assert seen.lightnessF() > 0.75 and abs(seen.lightnessF() - fill.lightnessF()) < 0.05  # light box on the projector
    assert darkest < 0.25  # with dark text
    window.editor.view.centerOn(field)
    seen_dark, _ = field_pixels(window.editor.view, field)
    assert seen_dark.lightnessF() < 0.35  # the laptop's dark editor keeps its dark field
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert doc.card(card_id).text.endswith(" now")
    assert st.themed(st.INK, "dark") != PROJECTION_INK


def test_a_card_of_a_dark_colour_of_its_own_is_edited_in_light_text_on_it(qapp) -> None:  # type: ignore[no-untyped-def]
    """The in-place field keeps the card's look: on a dark card of the user's colour the typed text is light,
    on screen, in the dark theme and on the projector (whose near-black ink is for the pale lane tints)."""
    from PySide6.QtCore import QRectF

    dark = "#312E81"
    for theme in st.THEMES:
        field = InlineEditor("Night shift", QRectF(0, 0, 160, 40), st.CARD_SIZE, False, lambda _text: None,
                             lambda: None, True, dark, theme=theme)
        fill, ink = field.colours(projection=False)
        assert fill == QColor(dark) and ink.lightnessF() > 0.9, theme
        projected_fill, projected_ink = field.colours(projection=True)
        assert st.contrast(projected_ink.name(), projected_fill.name()) >= 4.5, theme
    pale = InlineEditor("Day shift", QRectF(0, 0, 160, 40), st.CARD_SIZE, False, lambda _text: None, lambda: None,
                        True, st.KIND_STYLES["customer"].fill)
    assert pale.colours(projection=False)[1] == QColor(st.INK)
    assert pale.colours(projection=True)[1] == QColor(PROJECTION_INK)


def test_presenting_no_key_chooses_a_header_or_renames_the_board(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """While presenting, Up past a stage's top chose its header (a Delete then took the stage off the projected
    board) and F2 with nothing chosen opened the title's editor, scrolling the audience's view to it."""
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Down)
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Up)
    assert scene.selected_header() is None
    stages = len(doc.stages)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert len(doc.stages) == stages
    scene.clearSelection()
    scene.select_cell(None)
    scene.nav.set_focus(None)
    framed = view.visible_scene_rect()
    QTest.keyClick(view, Qt.Key.Key_F2)
    assert scene.editor is None or scene.editor.finished
    assert view.visible_scene_rect() == framed


def _column_shown(view: test_present.PresentationView, index: int) -> bool:
    """Whether stage ``index``'s column is whole on the screen right of the lane rail, the view resting."""
    from app.present import LANE_RAIL_W

    column = view.stage_rect(index)
    left = view.mapFromScene(column.topLeft()).x()
    right = view.mapFromScene(column.topRight()).x()
    return left >= LANE_RAIL_W and right <= view.viewport().width()


def test_ctrl_enter_while_presenting_adds_the_stage_after_the_framed_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Enter on stage 3 added the stage at the board's end; while it was named the view jumped sideways
    without a glide, the framed stage half under the lane rail; Enter snapped back, the caption on the old stage."""
    view = start(qtbot, window)
    doc = window.editor.document
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    field = window.editor.scene.editor
    assert isinstance(field, InlineEditor) and not field.finished
    assert [s.name for s in doc.stages][2:4] == ["Wait", "Stage 4"]  # after "Wait", not at the end
    assert view.gliding  # it glides there, as the walk does
    settle(qtbot, view)
    assert view.stage_index == 3 and _column_shown(view, 3)
    assert view.mapFromScene(field.sceneBoundingRect().topLeft()).y() >= 0
    QTest.keyClicks(view, "Feedback")
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert [s.name for s in doc.stages][2:5] == ["Wait", "Feedback", "Pick up"]
    assert view.stage_index == 3 and view.part_index == 0 and _column_shown(view, 3)
    assert view.board_scene.document.stages[view.stage_index].name == "Feedback"  # the caption's stage
    # Named, its header was left chosen, outlined on the projector, and a Delete took the stage off the board.
    assert window.editor.scene.selected_header() is None
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert [s.name for s in doc.stages][2:5] == ["Wait", "Feedback", "Pick up"]


def test_the_caption_names_a_stage_as_it_is_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """While a stage added with Ctrl+Enter was named, the caption the room reads said "Stage 4" until Enter; it
    shows what is typed (the caption band while "Feedback" is typed is the band once it is entered)."""
    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, view)

    def caption() -> QImage:
        view.viewport().repaint()
        return view.viewport().grab(QRect(0, 0, view.viewport().width(), view.caption_h)).toImage()

    unnamed = caption()
    QTest.keyClicks(view, "Feedback")
    field = window.editor.scene.editor
    assert isinstance(field, InlineEditor) and not field.finished and field.toPlainText() == "Feedback"
    typing = caption()
    assert typing != unnamed
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert window.editor.document.stages[view.stage_index].name == "Feedback"
    assert caption() == typing


def test_undo_of_a_stage_added_while_presenting_glides_back_to_the_stage_it_followed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z right after adding "New one" after "Wait" took the room to "Pick up" without a glide, and the
    presenter panel stayed on the stage that was gone ("Stage 4 of 6"), its notes field writing to "Pick up"."""
    view = start(qtbot, window)
    doc = window.editor.document
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, view)
    QTest.keyClicks(view, "New one")
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert doc.stages[view.stage_index].name == "New one"
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.gliding)  # back the way the walk goes
    settle(qtbot, view)
    assert "New one" not in [s.name for s in doc.stages]
    assert doc.stages[view.stage_index].name == "Wait" and _column_shown(view, view.stage_index)
    panel = window.workshop.presenter
    assert panel.index == view.stage_index and "Wait" in panel.heading.text()


def test_ctrl_enter_on_the_last_stage_stays_on_the_new_stage_after_enter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Named as one undo step, the new last stage is taken away and put back: the view fell back a stage."""
    view = start(qtbot, window)
    doc = window.editor.document
    QTest.keyClick(view, Qt.Key.Key_End)
    QTest.keyClick(view, Qt.Key.Key_Left)  # the last stage's last part
    settle(qtbot, view)
    last = len(doc.stages) - 1
    assert view.stage_index == last
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, view)
    QTest.keyClicks(view, "Later")
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert doc.stages[-1].name == "Later" and view.stage_index == last + 1 and _column_shown(view, last + 1)


def test_ctrl_shift_enter_while_presenting_names_the_new_lane_on_the_rail(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+Enter added the lane at the bottom, unseen, and its name was typed off the screen; with a cell
    chosen the lane goes under that cell's lane, framed, and the rail shows the name as it is typed."""
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Return, shift_ctrl)  # nothing chosen: at the bottom, and framed
    settle(qtbot, view)
    field = scene.editor
    assert isinstance(field, InlineEditor) and doc.lanes[-1].name == "New lane"
    header = scene.layout.lane_headers[doc.lanes[-1].id].rect
    top = view.mapFromScene(0, header.y).y()
    assert view.stage_index == 2 and 0 < top < view.viewport().height() - 100
    QTest.keyClicks(view, "Zqx")
    view.viewport().repaint()
    rail = view.viewport().grab().copy(0, top, 300, 70).toImage()
    outline = QColor("#93C5FD").rgb()
    assert any(rail.pixelColor(x, y).rgb() == outline for x in range(0, 300) for y in range(0, 70))
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert doc.lanes[-1].name == "Zqx" and view.stage_index == 2
    assert 0 < view.mapFromScene(0, header.y).y() < view.viewport().height() - 100  # still in sight after Enter
    scene.clearSelection()
    QTest.keyClick(view, Qt.Key.Key_Tab)  # a cell of the framed stage: the new lane goes under its lane
    cell = scene.nav.focused_cell()
    assert cell is not None
    QTest.keyClick(view, Qt.Key.Key_Return, shift_ctrl)
    settle(qtbot, view)
    assert doc.lanes[doc.lane_index(cell[1]) + 1].name == "New lane"
    assert 0 < view.mapFromScene(0, scene.layout.lane_headers[doc.lanes[doc.lane_index(cell[1]) + 1].id].rect.y).y() \
        < view.viewport().height() - 100


def test_a_long_lane_name_being_typed_on_the_rail_shows_its_end(qapp) -> None:  # type: ignore[no-untyped-def]
    """Named on the rail, "Partner systems and third-party integrations" showed "Partner systems and t…": the
    letters being typed were cut off, out of sight of the presenter and the room."""
    from app.present import _font, _two_lines

    name = "Partner systems and third-party integrations"
    shown = _two_lines(_font(25), name, 220, tail=True)
    assert shown.startswith("…") and shown.endswith("integrations") and shown.count("\n") == 1
    assert _two_lines(_font(25), name, 220).endswith("…")  # a name not being typed still ends in "…"


def test_typing_a_new_lanes_name_keeps_the_framed_stage_in_place(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Qt's text field scrolls every view to its caret at each letter: a lane's name is typed on the rail, its header
    at the board's left, and at the first letter the framed stage jumped sideways with no glide (on a 1024x768
    projector half off the screen, stages 1 and 2 beside the rail) until Enter snapped it back."""
    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, view)
    column = view.stage_rect(2)
    left = view.mapFromScene(column.topLeft()).x()
    QTest.keyClicks(view, "Ideas from the room")
    assert window.editor.scene.editor is not None and not window.editor.scene.editor.finished  # still being named
    assert view.mapFromScene(column.topLeft()).x() == left and _column_shown(view, 2)
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert window.editor.document.lanes[-1].name == "Ideas from the room" and _column_shown(view, 2)
