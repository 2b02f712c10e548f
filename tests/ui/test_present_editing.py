"""Editing while presenting (issue 7): the in-place editor takes the projection look in the
audience's view, even when the editor beside it is dark."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import Counter

from PySide6.QtCore import Qt
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
