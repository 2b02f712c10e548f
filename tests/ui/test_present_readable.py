"""Large type on the projector (issue 7, point 1): at 1920x1080 every step of the walk shows
card text at 24 px or more, a stage taller than the screen is walked in parts that show every
card whole, and the caption and the presenter panel say where the walk is."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

import model
from app.main_window import MainWindow
from app.present import CAPTION_H, CAPTION_SIZE, LANE_LABEL_SIZE, OVERVIEW, PresentationView
from model.primitives import Text
from tests.ui.test_present import BLUEPRINT, JOURNEY, settle, start

MIN_CARD_PX = 24
MAX_CARD_PX = 32


def tall(window: MainWindow) -> None:
    """The blueprint with a second stage of twelve cards in one cell: taller than two screens."""
    doc = window.editor.document
    stage, lane = doc.stages[1].id, doc.lanes[2].id
    for number in range(12):
        doc.add_card(model.Card(doc.new_id("card"), lane, stage, f"Shouted out in the room, idea {number + 1}"))


def short(window: MainWindow) -> None:
    """Two lanes of one card each: a short stage the zoom must not blow up."""
    doc = window.editor.document
    kept = {lane.id for lane in doc.lanes[:2]}
    for card in list(doc.cards()):
        if card.lane not in kept or doc.cell_cards(card.stage, card.lane).index(card.id) > 0:
            doc.remove_card(card.id)
    for lane in list(doc.lanes)[2:]:
        doc.remove_lane(lane.id)


@pytest.fixture(params=["blueprint", "journey", "tall", "short"])
def board(request, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(path=JOURNEY if request.param == "journey" else BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    if request.param == "tall":
        tall(window)
    elif request.param == "short":
        short(window)
    window.resize(1200, 800)
    window.show()
    return window


def card_text_px(view: PresentationView, card_id: str) -> float:
    """The on-screen size of a card's body text: its font size times the view's scale."""
    geometry = view.board_scene.layout.cards[card_id]
    texts = [p for p in geometry.primitives if isinstance(p, Text)]
    # Each wrapped line of the body (a chip may say the same word smaller, "email": the line's own is the largest).
    sizes = [max(p.size for p in texts if p.text == line) for line in geometry.lines if line]
    assert sizes, card_id
    return min(sizes) * view.transform().m11()


def shown(view: PresentationView) -> QRectF:
    """The board area the audience sees below the caption band."""
    visible = view.visible_scene_rect()
    return visible.adjusted(0, CAPTION_H / view.transform().m11(), 0, 0)


def walk(qtbot, view: PresentationView, key: Qt.Key) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Press ``key`` until the walk stops moving; the (stage, part) of each step."""
    steps = [(view.stage_index, view.part_index)]
    while True:
        QTest.keyClick(view, key)
        settle(qtbot, view)
        here = (view.stage_index, view.part_index)
        if here == steps[-1]:
            return steps
        steps.append(here)


def test_every_step_shows_card_text_of_24_px_and_every_card_whole_in_some_part(qtbot, board: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, board)
    doc = board.editor.document
    assert view.viewport().size().width() == 1920 and view.viewport().size().height() == 1080
    seen: dict[int, list[QRectF]] = {}
    order = walk(qtbot, view, Qt.Key.Key_Right)
    expected = [(OVERVIEW, 0)] + [(s, p) for s in range(len(doc.stages)) for p in range(len(view.parts(s)))]
    assert order == expected  # each stage's parts top to bottom, then the next stage
    view.go_to(OVERVIEW, animate=False)
    for stage, part in order[1:]:
        view.go_to(stage, part=part, animate=False)
        cards = [c for lane in doc.lanes for c in doc.cell_cards(doc.stages[stage].id, lane.id)]
        sizes = [card_text_px(view, c) for c in cards]
        assert all(MIN_CARD_PX <= px <= MAX_CARD_PX for px in sizes), (stage, part, sizes)
        # The caption and the lane names are larger than the card text.
        assert max(sizes, default=0) < LANE_LABEL_SIZE < CAPTION_SIZE
        seen.setdefault(stage, []).append(shown(view))
    for stage, rects in seen.items():
        for card_id in (c for lane in doc.lanes for c in doc.cell_cards(doc.stages[stage].id, lane.id)):
            r = view.board_scene.layout.card_rect(card_id)
            card = QRectF(r.x, r.y, r.w, r.h)
            assert any(part.contains(card) for part in rects), (stage, doc.card(card_id).text)


def test_the_walk_back_mirrors_the_walk_forward(qtbot, board: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, board)
    forward = walk(qtbot, view, Qt.Key.Key_PageDown)
    backward = walk(qtbot, view, Qt.Key.Key_PageUp)
    assert backward == forward[:0:-1]  # from the last part of the last stage back to the first


def test_the_caption_and_the_presenter_panel_say_stage_and_part(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    tall(window)
    window.show()
    view = start(qtbot, window)
    doc, panel = window.editor.document, window.workshop.presenter
    QTest.keyClick(view, Qt.Key.Key_2)  # a number key: the stage's first part
    settle(qtbot, view)
    parts = view.part_count()
    assert parts >= 2
    assert view.position_text() == f"Stage 2 of 5 · part 1 of {parts}"
    assert panel.heading.text() == f"Stage 2 of 5 · part 1 of {parts}: {doc.stages[1].name}"
    assert panel.next_label.text() == "Next: part 2 of this stage"
    QTest.keyClick(view, Qt.Key.Key_Right)  # glides down within the stage
    assert view.gliding
    settle(qtbot, view)
    assert view.position_text() == f"Stage 2 of 5 · part 2 of {parts}" and view.stage_index == 1
    assert panel.heading.text().startswith(f"Stage 2 of 5 · part 2 of {parts}")
    QTest.keyClick(view, Qt.Key.Key_End)  # the whole board still
    settle(qtbot, view)
    assert view.stage_index == OVERVIEW and view.position_text() == "5 stages"
    assert shown(view).contains(view.board_scene.sceneRect().adjusted(0, 8, 0, 0))
    QTest.keyClick(view, Qt.Key.Key_Left)  # from the whole board: the last part of the last stage
    settle(qtbot, view)
    assert (view.stage_index, view.part_index) == (4, view.part_count() - 1)


def test_a_short_stage_is_capped_and_shown_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    short(window)
    window.show()
    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, view)
    card = window.editor.document.cell_cards(window.editor.document.stages[0].id, window.editor.document.lanes[0].id)[0]
    assert MIN_CARD_PX < card_text_px(view, card) <= MAX_CARD_PX  # larger than the walk's least, whole
    assert view.part_count() == 1 and view.position_text() == "Stage 1 of 5"
    assert shown(view).contains(view.stage_rect(0))
    presentation = window.workshop.presentation
    assert presentation is not None
    presentation.setGeometry(0, 0, 3840, 2160)  # a 4K screen: the stage would fit far larger
    settle(qtbot, view)
    assert card_text_px(view, card) == pytest.approx(MAX_CARD_PX)  # but is not blown up past the cap
    assert shown(view).contains(view.stage_rect(0))


def test_keyboard_capture_down_a_tall_stage_takes_the_walk_to_the_part_with_the_cell(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    tall(window)
    window.show()
    view = start(qtbot, window)
    doc, nav = window.editor.document, window.editor.scene.nav
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    nav.set_focus(("cell", (doc.stages[1].id, doc.lanes[0].id)))
    assert view.part_index == 0
    while nav.focus != ("cell", (doc.stages[1].id, doc.lanes[-1].id)):
        QTest.keyClick(view, Qt.Key.Key_Tab)  # down the stage, cell by cell
        settle(qtbot, view)
        assert view.stage_index == 1
        ring = nav.ring.sceneBoundingRect()
        assert shown(view).contains(QPointF(ring.center().x(), ring.bottom() - 30))  # the slot a card goes to
    assert view.part_index == view.part_count() - 1  # the last lane is on the last part
    QTest.keyClicks(view, "Last")
    QTest.keyClick(view, Qt.Key.Key_Return)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    last = doc.cell_cards(doc.stages[1].id, doc.lanes[-1].id)[-1]
    r = view.board_scene.layout.card_rect(last)
    assert doc.card(last).text == "Last" and shown(view).contains(QRectF(r.x, r.y, r.w, r.h))


def test_the_capture_cell_follows_the_walk_to_a_lane_on_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show()
    view = start(qtbot, window)
    doc, nav = window.editor.document, window.editor.scene.nav
    QTest.keyClick(view, Qt.Key.Key_1)
    settle(qtbot, view)
    nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[0].id)))  # the top lane, on the first part
    assert view.part_count() >= 2
    QTest.keyClick(view, Qt.Key.Key_Right)  # down to the second part: the top lane is out of sight
    settle(qtbot, view)
    cell = nav.focused_cell()
    assert view.part_index == 1 and cell is not None and cell[0] == doc.stages[0].id and cell[1] != doc.lanes[0].id
    QTest.keyClicks(view, "Seen")  # typed where the room can see it
    QTest.keyClick(view, Qt.Key.Key_Return)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    card = doc.cell_cards(*cell)[-1]
    r = view.board_scene.layout.card_rect(card)
    assert doc.card(card).text == "Seen" and shown(view).contains(QRectF(r.x, r.y, r.w, r.h))


def test_a_720p_projector_walks_the_board_in_as_many_steps_as_a_1080p_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a 1280x720 projector card text was a fixed 25 px, the rail 300 px and the caption 86 px: the journey took
    26 presses (15 at 1080p), each stage's first part only its header, its charts and a cut card. A 720p picture is
    as big in the room as a 1080p one: the type, rail and caption are the same share of the screen's height."""
    from app.present import LANE_RAIL_W

    window = MainWindow(path=JOURNEY)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show()
    view = start(qtbot, window)
    full_hd = walk(qtbot, view, Qt.Key.Key_Right)
    presentation = window.workshop.presentation
    assert presentation is not None
    presentation.setGeometry(0, 0, 1280, 720)
    qtbot.waitUntil(lambda: view.viewport().height() == 720)
    QTest.keyClick(view, Qt.Key.Key_Home)
    settle(qtbot, view)
    assert walk(qtbot, view, Qt.Key.Key_Right) == full_hd  # the same steps, each part as much of its stage
    QTest.keyClick(view, Qt.Key.Key_1)
    settle(qtbot, view)
    doc = window.editor.document
    card = next(c for lane in doc.lanes for c in doc.cell_cards(doc.stages[0].id, lane.id))
    assert card_text_px(view, card) == pytest.approx(25 * 720 / 1080, abs=0.3)
    assert view.caption_h == round(CAPTION_H * 720 / 1080)
    QTest.keyClick(view, Qt.Key.Key_3)  # the lane headers out of sight: the rail at its own width
    settle(qtbot, view)
    image = view.viewport().grab().toImage()
    rail = QColor("#0F172A").rgb()
    row = view.viewport().height() - 10  # across the lanes, below the caption
    rail_right = next(x for x in range(view.viewport().width()) if image.pixelColor(x, row).rgb() != rail
                      and x > 40)
    assert rail_right <= LANE_RAIL_W * 720 / 1080 + 20  # a third narrower, as the screen is


def test_the_metric_charts_are_named_on_the_rail_past_the_first_stages(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The journey's chart rows (CES, drop-off %) above the lanes lost their names from stage 3 on: the rail named
    the lanes only, and the board's own row labels had scrolled off at the left."""
    rows = charts_named_on_the_rail(qtbot, model.load(JOURNEY))
    assert [name for name, _top, _bottom in rows] == ["CES", "drop-off %"]


def charts_named_on_the_rail(qtbot, document: model.Document) -> list[tuple[str, float, float]]:  # type: ignore[no-untyped-def]
    """Present ``document`` on its third stage; assert each metric chart row is on the rail with its name
    written on it; the rows."""
    window = MainWindow(document=document)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show()
    view = start(qtbot, window)
    rows = view.board_scene.layout.chart_rows()
    assert rows
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    white, rail = QColor("#FFFFFF").rgb(), QColor("#0F172A").rgb()
    for _name, top, bottom in rows:
        y0, y1 = (round(view.mapFromScene(QPointF(0, y)).y()) for y in (top, bottom))
        assert y0 > CAPTION_H
        pixels = [image.pixelColor(x, y).rgb() for x in range(20, 200, 2) for y in range(y0, y1, 2)]
        assert pixels.count(rail) > len(pixels) // 2  # on the rail
        assert white in pixels  # with its name written on it
    return rows


def test_the_metric_charts_of_a_board_without_lanes_are_named_on_the_rail(qtbot) -> None:  # type: ignore[no-untyped-def]
    """With no lane, the rail was not drawn at all, and the charts were unnamed lines from stage 3 on."""
    document = model.load(JOURNEY)
    for link in list(document.links()):
        document.remove_link(link.id)
    for card in list(document.cards()):
        document.remove_card(card.id)
    for lane in list(document.lanes):
        document.remove_lane(lane.id)
    charts_named_on_the_rail(qtbot, document)


def test_a_long_lane_name_on_the_rail_ends_in_an_ellipsis_where_it_is_cut(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long lane name on the rail was cut after two lines with nothing to say so: "Customer actions / in the
    shop, in" read as the lane's whole name."""
    from PySide6.QtGui import QPainter

    from canvas import commands as cmd

    window = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    long_name = "Customer actions in the shop, in the app and on the phone"
    window.show()
    doc = window.editor.document
    window.editor.push(cmd.SetLaneField(doc, doc.lanes[1].id, "name", long_name))
    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    drawn: list[str] = []
    draw_text = QPainter.drawText

    def recording(painter: QPainter, *args: object) -> None:
        drawn.extend(a for a in args if isinstance(a, str))
        draw_text(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", recording)
    view.viewport().repaint()
    monkeypatch.undo()
    label = [text for text in drawn if text.startswith("Customer")][-1]  # the rail's, over the board's own
    lines = label.split("\n")
    assert len(lines) == 2 and lines[1].endswith("…"), label
    assert long_name.startswith(" ".join(lines)[:-1].rstrip())  # the name's beginning, as far as it fits


def test_the_blueprint_lines_are_named_whole_on_the_rail_of_a_small_projector(qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a 1024x768 projector every stage's rail read "Line of internal interactio": a line's name was drawn in the
    lane names' width, and cut there mid-letter."""
    from PySide6.QtGui import QFontMetrics

    from app.present import LINE_LABEL_SIZE, _font

    window = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show()
    view = start(qtbot, window, projector=False)
    presentation = window.workshop.presentation
    assert presentation is not None
    presentation.showNormal()
    presentation.setGeometry(0, 0, 1024, 768)
    qtbot.waitUntil(lambda: view.viewport().height() == 768)
    QTest.keyClick(view, Qt.Key.Key_3)  # the lane headers out of sight: the rail at its own width
    settle(qtbot, view)
    lines = window.editor.scene.layout.blueprint_lines
    line = next(line for line in lines if line.name == "Line of internal interaction")
    while not 200 < view.mapFromScene(QPointF(0, line.y)).y() < view.viewport().height() - 20:
        QTest.keyClick(view, Qt.Key.Key_Right)  # down the stage's parts to the line
        settle(qtbot, view)
        assert view.stage_index == 2
    y = round(view.mapFromScene(QPointF(0, line.y)).y())
    image = view.viewport().grab().toImage()
    name = QColor("#CBD5E1")
    inked = [x for x in range(20, view._rail_right()) for row in range(y - 20, y - 3)
             if abs(image.pixelColor(x, row).lightness() - name.lightness()) < 30
             and image.pixelColor(x, row).blue() > image.pixelColor(x, row).red()]
    width = QFontMetrics(_font(round(LINE_LABEL_SIZE * view.type_scale), bold=False)).horizontalAdvance(line.name)
    # The last letter's ink ends a px or two inside the advance; cut, the name's ink stopped 4 px short of it.
    assert inked and max(inked) >= 30 + width - 5, (max(inked, default=None), width)
