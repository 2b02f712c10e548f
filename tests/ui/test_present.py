"""Present mode: F5 in and Esc out, the stage walk (the view frames the right stage once
the glide ends), spotlight, capture and votes while presenting, the timer, Top voted."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

import model
from app.main_window import MainWindow
from app.present import GLIDE_MS, OVERVIEW, PresentationView
from app.presenter_view import stage_notes
from app.timer import Countdown, format_remaining
from app.votes_panel import ranking
from canvas import commands as cmd
from canvas.items import DIMMED
from model import style as st
from model.impact import impact

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"
NO = Qt.KeyboardModifier.NoModifier
PROJECTOR = (1920, 1080)


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(path=BLUEPRINT)
    qtbot.addWidget(win)
    win.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    win.resize(1200, 800)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def start(qtbot, window: MainWindow, projector: bool = True) -> PresentationView:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # F5 is a shortcut of the active window
    QTest.keyClick(window.editor.view, Qt.Key.Key_F5)
    presentation = window.workshop.presentation
    assert presentation is not None
    qtbot.waitExposed(presentation)
    if projector:
        on_projector(presentation)
    presentation.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presentation)
    return presentation.view


def on_projector(presentation: QWidget) -> None:
    """The offscreen screen is 800x800: give the presentation a 1920x1080 projector's size."""
    presentation.showNormal()
    presentation.setGeometry(0, 0, *PROJECTOR)


def settle(qtbot, view: PresentationView) -> QRectF:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.gliding, timeout=2000)
    return view.visible_scene_rect()


def frames(view: PresentationView, visible: QRectF, index: int, part: int = 0) -> bool:
    """Whether the view shows part ``part`` of stage ``index``: the column's width whole, centred unless
    the board's side is near, and the part's height (a stage taller than the screen is walked in parts)."""
    column, board = view.stage_rect(index), view.board_scene.sceneRect()
    shown = view.parts(index)[part]
    centred = abs(visible.center().x() - column.center().x()) < 2
    at_side = visible.left() <= board.left() + 1 or visible.right() >= board.right() - 1
    across = visible.left() <= column.left() and visible.right() >= column.right()
    down = visible.top() <= shown.top + 1 and visible.bottom() >= shown.bottom - 1
    return view.stage_index == index and view.part_index == part and across and down and (centred or at_side)


def widen(window: MainWindow, stages: int) -> None:
    """More stages, so that the board is wider than the screen and the walk has to travel."""
    doc = window.editor.document
    for number in range(stages):
        doc.add_stage(model.Stage(doc.new_id("stage"), f"Extra {number + 1}"))


def test_f5_presents_full_screen_without_chrome_and_esc_leaves(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window, projector=False)
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.isFullScreen()
    assert presentation.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert view.scene() is window.editor.scene  # the same board: edits show on both screens
    assert view.projection_look and not window.editor.view.__dict__.get("projection_look", False)
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert window.workshop.present_action.isChecked()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert window.workshop.presentation is None and not window.workshop.present_action.isChecked()
    qtbot.waitUntil(lambda: not presentation.isVisible())
    assert window.editor.scene.views() == [window.editor.view]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # back in the editor
    assert window.editor.view.hasFocus()
    QTest.keyClick(window.editor.view, Qt.Key.Key_F5)  # F5 again presents again, and F5 leaves
    again = window.workshop.presentation
    assert again is not None
    QTest.keyClick(again.view, Qt.Key.Key_F5)
    assert window.workshop.presentation is None


def test_the_view_glides_to_frame_each_stage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    widen(window, 5)
    view = start(qtbot, window)
    doc = window.editor.document
    whole = window.editor.scene.sceneRect()
    assert settle(qtbot, view).contains(whole)  # it opens on the whole board
    assert GLIDE_MS < 300
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.gliding  # animated, not a jump
    assert frames(view, settle(qtbot, view), 0) and view.stage_index == 0
    for _part in range(1, view.part_count()):  # a stage taller than the screen: its parts first
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_PageDown)  # the clicker's "next"
    visible = settle(qtbot, view)
    assert frames(view, visible, 1)
    assert not visible.contains(view.stage_rect(9))  # a stage, not the board
    view.go_to(6)
    middle = settle(qtbot, view)
    assert frames(view, middle, 6) and abs(middle.center().x() - view.stage_rect(6).center().x()) < 2
    view.go_to(1)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_PageUp)
    last = view.part_count() - 1
    assert frames(view, settle(qtbot, view), 0, last)  # back to the previous stage's last part
    view.go_to(0, animate=False)
    QTest.keyClick(view, Qt.Key.Key_Left)  # stays on the first stage
    assert frames(view, settle(qtbot, view), 0)
    QTest.keyClick(view, Qt.Key.Key_4)  # a number jumps
    assert frames(view, settle(qtbot, view), 3)
    assert view.position_text().startswith(f"Stage 4 of {len(doc.stages)}")
    assert window.workshop.presenter.heading.text() == f"{view.position_text()}: {doc.stages[3].name}"
    zoom = view.zoom
    QTest.keyClick(view, Qt.Key.Key_Plus)  # a closer look: larger type on demand
    settle(qtbot, view)
    assert view.zoom == pytest.approx(zoom * 1.25, rel=0.01)
    QTest.keyClick(view, Qt.Key.Key_Right)  # the next step frames the stage's next part at the walk's zoom again
    assert frames(view, settle(qtbot, view), 3, 1) and view.zoom == pytest.approx(zoom)
    QTest.keyClick(view, Qt.Key.Key_End)  # the whole board
    assert settle(qtbot, view).contains(whole) and view.stage_index == OVERVIEW
    QTest.keyClick(view, Qt.Key.Key_Left)  # from the whole board, back to the last stage's last part
    assert frames(view, settle(qtbot, view), len(doc.stages) - 1, view.part_count() - 1)


def test_a_click_spotlights_a_card_with_its_impact_path_and_a_lane_header_its_lane(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    support = next(ln.id for ln in doc.lanes if ln.kind == "support")
    card_id = next(c.id for c in doc.cards() if c.lane == support and impact(doc, c.id).customer_paths)
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, view)
    r = scene.layout.card_rect(card_id)
    view.go_to(doc.stage_index(doc.card(card_id).stage), animate=False)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO,
                     view.mapFromScene(QPointF(r.x + 20, r.y + r.h / 2)))
    lit = {card_id} | impact(doc, card_id).affected | impact(doc, card_id).dependencies
    assert view.spotlight.target == ("card", card_id)
    opacity = {c.id: scene.card_item(c.id).opacity() for c in doc.cards()}
    assert all(opacity[c] == 1.0 for c in lit)
    assert all(opacity[c] == DIMMED for c in opacity if c not in lit) and len(lit) < len(opacity)
    assert any(scene.link_item(k.id)._emphasis for k in doc.links())  # the path to the customer is drawn
    assert doc.card(card_id).votes == 0  # a click on the text spotlights, it does not vote
    QTest.keyClick(view, Qt.Key.Key_Escape)  # Esc ends the spotlight first…
    assert not view.spotlight.active and all(scene.card_item(c.id).opacity() == 1.0 for c in doc.cards())
    assert window.workshop.presenting
    lane = doc.lanes[1].id  # …then a lane header spotlights its lane
    view.go_to(OVERVIEW, animate=False)
    header = scene.layout.lane_headers[lane].rect
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO,
                     view.mapFromScene(QPointF(header.x + 40, header.y + 20)))
    in_lane = set(doc.cards_in_lane(lane))
    assert all((scene.card_item(c.id).opacity() == 1.0) == (c.id in in_lane) for c in doc.cards())
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.keyClick(view, Qt.Key.Key_Escape)  # …and a second Esc leaves
    assert not window.workshop.presenting


def test_on_a_journey_map_a_card_spotlight_is_plain(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(JOURNEY)
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    card_id = next(c.id for c in doc.cards() if doc.links_of(c.id))
    assert view.spotlight.card(card_id) == {card_id}
    assert [c.id for c in doc.cards() if scene.card_item(c.id).opacity() == 1.0] == [card_id]


def test_capture_and_votes_while_presenting_land_in_the_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    doc, editor = window.editor.document, window.editor
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    stage, lane = doc.stages[1].id, doc.lanes[1].id
    editor.scene.nav.set_focus(("cell", (stage, lane)))
    before = list(doc.cell_cards(stage, lane))
    QTest.keyClicks(view, "Wants 3 shots")  # digits typed into a cell are text, not a jump
    QTest.keyClick(view, Qt.Key.Key_Return)
    QTest.keyClicks(view, "Tips")
    QTest.keyClick(view, Qt.Key.Key_Return)
    QTest.keyClick(view, Qt.Key.Key_Escape)  # ends the run of cards…
    assert window.workshop.presenting  # …without leaving
    added = [c for c in doc.cell_cards(stage, lane) if c not in before]
    assert [doc.card(c).text for c in added] == ["Wants 3 shots", "Tips"]
    assert view.stage_index == 1
    while view.stage_index == 1:  # the clicker still walks (through the stage's parts); the capture cell follows
        QTest.keyClick(view, Qt.Key.Key_Right)
        settle(qtbot, view)
    assert editor.scene.nav.focus == ("cell", (doc.stages[2].id, lane))
    editor.scene.nav.set_focus(("card", added[0]))
    QTest.keyClick(view, Qt.Key.Key_V)
    QTest.keyClick(view, Qt.Key.Key_V)
    assert doc.card(added[0]).votes == 2
    assert window.workshop.votes.card_ids()[0] == added[0]  # Top voted ranks it
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo works on the projector
    assert doc.card(added[0]).votes == 1


def test_a_timer_started_from_the_menu_shows_in_the_status_bar(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """View › Workshop timer › Start 5 minutes outside a presentation ran unseen (the Presenter panel hidden, the
    status bar empty), and Pause and Stop were offered with no countdown set."""
    workshop = window.workshop
    window.show()
    qtbot.waitExposed(window)
    label = workshop.timer_label
    assert label.isHidden() and not workshop.pause_action.isEnabled() and not workshop.stop_action.isEnabled()
    workshop.timer_actions[5].trigger()
    assert label.isVisible() and label.text() in ("Timer 5:00", "Timer 4:59")
    assert workshop.pause_action.isEnabled() and workshop.stop_action.isEnabled()
    workshop.pause_action.trigger()
    assert label.text().endswith("(paused)")
    workshop.stop_action.trigger()
    assert label.isHidden() and not workshop.pause_action.isEnabled()


def test_t_starts_a_countdown_shown_in_a_corner(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    presentation = window.workshop.presentation
    assert presentation is not None
    badge = presentation.timer_badge
    assert not badge.isVisible()
    QTest.keyClick(view, Qt.Key.Key_T)
    countdown = window.workshop.countdown
    assert countdown.running and badge.isVisible() and badge.text() in ("5:00", "4:59")
    assert badge.geometry().right() > presentation.width() * 0.8  # in the corner
    assert badge.geometry().bottom() > presentation.height() * 0.8
    QTest.keyClick(view, Qt.Key.Key_T)  # pauses
    assert not countdown.running and countdown.active
    countdown.start(0.001)
    qtbot.waitUntil(lambda: countdown.remaining_ms() == 0 and not countdown.running, timeout=3000)
    assert badge.text().startswith("Time's up")


def test_countdown_text_rounds_up() -> None:
    assert format_remaining(300_000) == "5:00"
    assert format_remaining(299_001) == "5:00"
    assert format_remaining(59_000) == "0:59"
    assert format_remaining(0) == "0:00"
    assert Countdown().text() == ""


def test_stage_notes_come_from_the_stage_then_its_cards() -> None:
    doc = model.load(BLUEPRINT)
    stage = doc.stages[1]
    stage.extra["notes"] = "Ask who ordered ahead this week"
    text = stage_notes(doc, 1)
    assert text.startswith("Ask who ordered ahead this week")
    noted = [c for c in doc.cards() if c.stage == stage.id and c.notes]
    assert noted and all(c.notes.strip() in text for c in noted)  # type: ignore[union-attr]
    saved = model.loads(model.dumps(doc))
    assert saved.stages[1].extra["notes"] == "Ask who ordered ahead this week"  # round trip


def test_ranking_puts_most_votes_first_and_keeps_board_order_for_ties() -> None:
    doc = model.load(BLUEPRINT)
    ids = [c.id for c in doc.cards()]
    for card_id, votes in ((ids[5], 2), (ids[1], 4), (ids[3], 2)):
        doc.set_card_field(card_id, "votes", votes)
    assert ranking(doc) == [(ids[1], 4), (ids[3], 2), (ids[5], 2)]


def test_tied_cards_rank_in_the_boards_reading_order_and_share_their_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ties kept the file's order: a card moved to the first stage (or added later) stayed last among its ties,
    and tied cards were numbered 1., 2., as if the first had won."""
    from app.votes_panel import VotesPanel

    doc = model.load(BLUEPRINT)
    early = doc.cards_in_stage(doc.stages[1].id)[0]
    moved = doc.cards_in_stage(doc.stages[-1].id)[-1]
    doc.move_card(moved, doc.stages[0].id, doc.card(moved).lane)  # a stage before ``early``, still last in the file
    other = doc.cards_in_stage(doc.stages[2].id)[0]
    for card_id, votes in ((early, 3), (moved, 3), (other, 1)):
        doc.set_card_field(card_id, "votes", votes)
    assert ranking(doc) == [(moved, 3), (early, 3), (other, 1)]

    class Holder:  # what the panel reads of an editor
        document = doc

    panel = VotesPanel()
    qtbot.addWidget(panel)
    panel.set_editor(Holder())
    panel.refresh()
    assert [panel.list.item(i).text().split()[0] for i in range(panel.list.count())] == ["1.", "1.", "3."]


def test_stage_notes_are_written_in_the_presenter_panel_with_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workshop, editor = window.workshop, window.editor
    doc = editor.document
    workshop.presenter_dock.show()
    editor.scene.header_item("stage", doc.stages[2].id).setSelected(True)  # the panel follows the stage
    panel = workshop.presenter
    assert panel.heading.text().startswith("Stage 3 of 5")
    panel.notes.setFocus()
    qtbot.waitUntil(panel.notes.hasFocus)
    QTest.keyClicks(panel.notes, "Ask about rush hour")
    editor.view.setFocus()  # leaving the field keeps the text, as one undo step
    qtbot.waitUntil(lambda: doc.stages[2].extra.get("notes") == "Ask about rush hour")
    assert '"notes": "Ask about rush hour"' in model.dumps(doc)
    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_3)
    assert panel.notes.toPlainText() == "Ask about rush hour"
    QTest.keyClick(view, Qt.Key.Key_Escape)
    editor.undo_stack.undo()
    assert "notes" not in doc.stages[2].extra


TWO_SCREENS = {"screens": [
    {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "Projector", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1},
]}

TWO_SCREENS_SCRIPT = """
import json, sys
from app.gui import create_application
from app.main_window import MainWindow
app = create_application()
window = MainWindow(path=sys.argv[1])
window.ask_save_changes = lambda: "discard"
window.setScreen(app.screens()[0])
window.setGeometry(40, 40, 1200, 700)
window.show()
presentation = window.workshop.present()
app.processEvents()
state = {
    "audience": presentation.screen().name(),
    "geometry": list(presentation.geometry().getRect()),
    "full_screen": presentation.isFullScreen(),
    "editor": window.screen().name(),
    "presenter_panel": window.workshop.presenter_dock.isVisible(),
    "heading": window.workshop.presenter.heading.text(),
}
presentation.view.go_to(1, animate=False)
state["after_step"] = window.workshop.presenter.heading.text()
state["caption"] = presentation.view.position_text()
window.workshop.leave()
state["panel_after"] = window.workshop.presenter_dock.isVisible()
print(json.dumps(state))
"""


def test_with_two_screens_the_audience_gets_the_projector_and_the_laptop_the_presenter_panel(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", TWO_SCREENS_SCRIPT, str(BLUEPRINT)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["audience"] == "Projector" and state["editor"] == "Laptop"
    assert state["geometry"] == [1280, 0, 1920, 1080] and state["full_screen"]
    assert state["presenter_panel"] and "whole board" in state["heading"]
    doc = model.load(BLUEPRINT)
    # The presenter reads what the audience's caption says ("Stage 2 of 5 · part 1 of 2"), then the name.
    assert state["caption"].startswith("Stage 2 of 5")
    assert state["after_step"] == f"{state['caption']}: {doc.stages[1].name}"
    assert not state["panel_after"]


def test_b_blacks_the_screen_out_and_any_key_brings_the_board_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, view)

    def centre_colour() -> str:
        image = view.viewport().grab().toImage()
        return image.pixelColor(image.width() // 2, image.height() // 2).name()

    assert centre_colour() != "#000000"
    QTest.keyClick(view, Qt.Key.Key_B)
    assert view.blanked and centre_colour() == "#000000"
    QTest.keyClick(view, Qt.Key.Key_Right)  # the first key only brings the board back
    assert not view.blanked and view.stage_index == 0 and centre_colour() != "#000000"
    QTest.keyClick(view, Qt.Key.Key_Period)  # the clicker's blank button
    assert view.blanked


def test_the_pointer_hides_when_it_rests(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import app.present

    monkeypatch.setattr(app.present, "CURSOR_IDLE_MS", 30)
    view = start(qtbot, window)
    qtbot.waitUntil(lambda: view.viewport().cursor().shape() == Qt.CursorShape.BlankCursor)
    centre = QPointF(view.viewport().rect().center())
    move = QMouseEvent(QEvent.Type.MouseMove, centre, view.viewport().mapToGlobal(centre), Qt.MouseButton.NoButton,
                       Qt.MouseButton.NoButton, NO)
    QApplication.sendEvent(view.viewport(), move)
    assert view.viewport().cursor().shape() != Qt.CursorShape.BlankCursor
    qtbot.waitUntil(lambda: view.viewport().cursor().shape() == Qt.CursorShape.BlankCursor)


def test_the_resting_pointer_stays_hidden_through_a_glide(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The board glides under a pointer resting over a card: Qt replays the last move at each step of the
    glide and gives the viewport the cursor of whatever item is under it (a card's arrow, a header's
    open hand). The pointer stays hidden until the mouse moves, and shows again when it does."""
    import app.present

    monkeypatch.setattr(app.present, "CURSOR_IDLE_MS", 30)
    view = start(qtbot, window)
    shown = settle(qtbot, view)
    blank = Qt.CursorShape.BlankCursor
    centres = [QPointF(c.x + c.w / 2, c.y + c.h / 2) for c in window.editor.scene.layout.cards.values()]
    at = QPointF(view.mapFromScene(next(centre for centre in centres if shown.contains(centre))))

    def move_to(point: QPointF) -> None:
        QApplication.sendEvent(view.viewport(), QMouseEvent(
            QEvent.Type.MouseMove, point, view.viewport().mapToGlobal(point), Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton, NO))

    move_to(at)  # over a card: the view keeps this move to replay, and the card gives its cursor
    assert view.viewport().cursor().shape() != blank
    qtbot.waitUntil(lambda: view.viewport().cursor().shape() == blank)
    shapes: list = []  # type: ignore[type-arg]
    view.viewport().installEventFilter(_CursorWatcher(view.viewport(), shapes))  # kept by the viewport
    QTest.keyClick(view, Qt.Key.Key_Right)  # the next stage: the board glides under the pointer
    settle(qtbot, view)
    assert view.viewport().cursor().shape() == blank
    # The watcher sees each change before the view does: a shape Qt shows must be followed at once by
    # the hidden one the view puts back (shown for a moment would be a flicker). Two hidden ones in a
    # row are no flicker: off a card, Qt gives back the cursor it kept when the pointer went onto it,
    # hidden already if that was during the glide. Where the glide's steps fall is a matter of timing.
    shown_and_left = [i for i, shape in enumerate(shapes) if shape != blank and shapes[i + 1:i + 2] != [blank]]
    assert not shown_and_left, shapes
    move_to(at + QPointF(200, 0))
    assert view.viewport().cursor().shape() != blank
    qtbot.waitUntil(lambda: view.viewport().cursor().shape() == blank)


class _CursorWatcher(QObject):
    """Notes the viewport's cursor shape at each change of it."""

    def __init__(self, viewport: QWidget, shapes: list) -> None:  # type: ignore[type-arg]
        super().__init__(viewport)
        self._viewport, self._shapes = viewport, shapes

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.CursorChange:
            self._shapes.append(self._viewport.cursor().shape())
        return False


def test_the_audience_sees_the_light_projection_look_while_the_editor_is_dark(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.set_theme("dark")
    view = start(qtbot, window)
    settle(qtbot, view)
    scene = window.editor.scene
    header = scene.layout.stage_headers[window.editor.document.stages[0].id].rect
    corner = QPointF(header.x + 4, header.y + 4)  # the header's fill, clear of its text

    def lightness(graphics_view) -> float:  # type: ignore[no-untyped-def]
        graphics_view.viewport().repaint()
        image = graphics_view.viewport().grab().toImage()
        point = graphics_view.mapFromScene(corner)
        return image.pixelColor(point.x(), point.y()).lightnessF()

    assert lightness(view) > 0.75  # the projection look is made for a lit room: light
    window.editor.view.centerOn(corner)
    assert lightness(window.editor.view) < 0.3  # the editor beside it stays dark
    assert scene.theme == "dark"


def test_shift_f5_presents_from_the_stage_being_edited(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    doc = editor.document
    editor.scene.header_item("stage", doc.stages[3].id).setSelected(True)
    QTest.keyClick(editor.view, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.view.stage_index == 3
    assert frames(presentation.view, settle(qtbot, presentation.view), 3)


def test_shift_f5_comes_back_on_the_stage_the_presentation_was_left_on(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Left on stage 4 to fix something in the editor, Shift+F5 (nothing chosen there) started on stage 1 again."""
    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_4)
    assert view.stage_index == 3
    QTest.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.workshop.presentation is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.editor.current_stage() is None
    QTest.keyClick(window.editor.view, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.view.stage_index == 3
    window.workshop.leave()
    # A stage chosen in the editor meanwhile is the one: Shift+F5 is "present from the stage being edited".
    window.editor.scene.header_item("stage", window.editor.document.stages[1].id).setSelected(True)
    QTest.keyClick(window.editor.view, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.view.stage_index == 1
    # Left on stage 2 of this board, another board opened: its Shift+F5 starts on its own first stage.
    assert window.open_path(JOURNEY)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.editor.view, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.view.stage_index == 0


def test_opening_another_board_leaves_the_presentation_of_the_old_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    old_scene = view.board_scene
    assert window.open_path(JOURNEY)
    assert window.workshop.presentation is None
    assert old_scene not in (window.editor.scene,)
    view = start(qtbot, window)  # and the new board presents
    assert view.board_scene is window.editor.scene
    assert window.workshop.votes.card_ids() == []  # the panel follows the new document
    card = next(window.editor.document.cards()).id
    window.editor.scene.nav.set_focus(("card", card))
    QTest.keyClick(view, Qt.Key.Key_V)
    assert window.workshop.votes.card_ids() == [card]


def test_tab_past_the_last_lane_takes_the_walk_to_the_next_stage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    doc, nav = window.editor.document, window.editor.scene.nav
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, view)
    nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[-1].id)))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert nav.focus == ("cell", (doc.stages[1].id, doc.lanes[0].id))
    assert frames(view, settle(qtbot, view), 1)


def test_top_voted_behind_another_panel_catches_up_when_it_is_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel, doc = window.workshop.votes, window.editor.document
    window.properties_dock.raise_()  # Top voted is tabbed behind Properties
    qtbot.waitUntil(lambda: not panel._seen)
    card = next(doc.cards()).id
    doc.set_card_field(card, "votes", 2)
    assert panel.list.count() == 0  # a hidden panel does not rank the board on every edit…
    window.workshop.votes_dock.raise_()
    qtbot.waitUntil(lambda: panel._seen)
    assert panel.list.count() == 1  # …it catches up when it comes into view
    doc.set_card_field(card, "votes", 0)
    assert panel.list.count() == 0 and panel.card_ids() == []  # and, seen, follows at once


def test_a_stage_is_framed_down_to_its_last_lane_not_the_legend(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(JOURNEY)
    window.editor.set_legend(True)
    view = start(qtbot, window)
    layout = window.editor.scene.layout
    last_lane = layout.lane_headers[window.editor.document.lanes[-1].id].rect
    column = view.stage_rect(1)
    assert column.bottom() == last_lane.y + last_lane.h
    assert layout.grid_rect.y + layout.grid_rect.h > column.bottom() + 50  # the legend lies below, unframed
    QTest.keyClick(view, Qt.Key.Key_Right)  # from the overview to the first stage
    assert frames(view, settle(qtbot, view), 0)


def test_zoomed_out_on_both_screens_the_audience_overview_keeps_the_projection_look(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from canvas.items import TEXT_LOD
    from model.primitives import Box
    from model.projection import projected

    widen(window, 14)  # wide enough that the whole board is past readable text on this screen
    window.editor.set_theme("dark")
    window.editor.view.set_zoom(0.1)
    view = start(qtbot, window)  # starts on the whole board
    settle(qtbot, view)
    assert view.transform().m11() < TEXT_LOD
    scene = window.editor.scene
    window.editor.view.viewport().grab()
    image = view.viewport().grab().toImage()
    assert scene.overview_active  # both views are zoomed out: the batched overview draws
    card = next(g for g in scene.layout.cards.values() if g.shape.marker is None)
    body = next(p for p in projected(card.primitives) if isinstance(p, Box))
    assert body.fill is not None
    point = view.mapFromScene(card.x + card.w / 2, card.y + card.h / 2)
    seen = image.pixelColor(point.x(), point.y()).name().upper()
    assert seen == body.fill.upper()  # the projection fill, not the editor's dark one
    assert seen != st.themed(card.primitives[1].fill, "dark").upper()  # type: ignore[attr-defined]


def test_the_projector_shows_its_own_look_and_a_spotlight_dims_its_arrows_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Cards and the arrow layer keep device-cache pixmaps in the editor. Qt keeps one per view
    but forgets an invalidation once one view redrew, and paints a cache with no widget: so
    while presenting the scene drops those caches, and each view shows its own, current look."""
    import itertools

    from model.primitives import Box
    from model.projection import projected

    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    doc, scene = window.editor.document, window.editor.scene
    plain = next(c for c in doc.cards() if c.stage == doc.stages[1].id and not (c.channel or c.wait or c.tags
                                                                                 or c.persona or c.fail))
    card = scene.layout.cards[plain.id]
    inside = QPointF(card.x + card.w - 10, card.y + card.h - 10)  # the fill, clear of text and corner
    own = next(p for p in card.primitives[1:] if isinstance(p, Box))
    projected_fill = next(p for p in projected(card.primitives) if isinstance(p, Box)).fill  # no shadow there

    def colour(graphics_view, point: QPointF) -> QColor:  # type: ignore[no-untyped-def]
        graphics_view.viewport().repaint()
        image = graphics_view.viewport().grab().toImage()
        pixel = graphics_view.mapFromScene(point)
        return image.pixelColor(pixel.x(), pixel.y())

    for _twice in range(2):
        assert colour(view, inside).name().upper() == str(projected_fill).upper()
    window.editor.view.centerOn(inside)
    assert colour(window.editor.view, inside).name().upper() == str(own.fill).upper() != str(projected_fill).upper()
    assert colour(view, inside).name().upper() == str(projected_fill).upper()  # each view keeps its own look
    # An arrow the spotlight dims fades on the projector at once, though the editor drew first.
    QTest.keyClick(view, Qt.Key.Key_End)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_3)  # a stage with arrows straight down between its lanes
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, view)
    spot = doc.cell_cards(doc.stages[2].id, doc.lanes[4].id)[0]
    lit = view.spotlight.card(spot)
    shown = view.visible_scene_rect()
    middles = []
    for link in doc.links():
        if link.source in lit and link.target in lit:
            continue
        corners = [(float(c[-2]), float(c[-1])) for c in scene.layout.links[link.id].curve if len(c) >= 3]
        for (ax, ay), (bx, by) in itertools.pairwise(corners):
            middle = QPointF(ax, (ay + by) / 2)
            if abs(ax - bx) < 0.1 and abs(ay - by) > 60 and shown.contains(middle):
                middles.append(middle)
    assert middles
    view.spotlight.clear()
    before = [colour(view, m).lightnessF() for m in middles]
    window.editor.view.viewport().repaint()
    view.spotlight.card(spot)
    window.editor.view.viewport().repaint()  # the editor redraws first, as on a laptop beside the projector
    after = [colour(view, m).lightnessF() for m in middles]
    # (a dashed arrow may be sampled between its dashes, or under a lit one: some, not all)
    assert any(a > b + 0.05 for a, b in zip(after, before, strict=True)), (before, after)
    view.spotlight.clear()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert scene.cached  # the editor alone again: its caches are back


def test_esc_after_a_run_of_captured_cards_gives_the_presenting_keys_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Esc ends the run of cards and keeps the cell's focus (typing there starts the next card); a
    second Esc drops that focus, so T, B and the digits are the presentation's again. Only then
    does Esc leave."""
    view = start(qtbot, window)
    doc, nav = window.editor.document, window.editor.scene.nav
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    cell = nav.focused_cell()
    assert cell is not None
    before = len(doc.cell_cards(*cell))
    QTest.keyClicks(view, "Idea")
    QTest.keyClick(view, Qt.Key.Key_Return)
    QTest.keyClick(view, Qt.Key.Key_Escape)  # ends the run of cards
    assert window.workshop.presenting and nav.focused_cell() == cell
    QTest.keyClick(view, Qt.Key.Key_Escape)  # drops the cell's focus
    assert window.workshop.presenting and nav.focus is None
    QTest.keyClick(view, Qt.Key.Key_T)
    assert window.workshop.countdown.running, "T starts the countdown again"
    QTest.keyClick(view, Qt.Key.Key_B)
    assert view.blanked
    QTest.keyClick(view, Qt.Key.Key_B)
    QTest.keyClick(view, Qt.Key.Key_1)
    assert view.stage_index == 0
    assert len(doc.cell_cards(*cell)) == before + 1, "only the card typed, no stray one"
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not window.workshop.presenting


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Down])
def test_the_first_tab_or_down_while_presenting_starts_in_the_stage_on_screen(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                             key: Qt.Key) -> None:
    view = start(qtbot, window)
    doc, nav = window.editor.document, window.editor.scene.nav
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    assert nav.focus is None
    QTest.keyClick(view, key)
    stage = doc.stages[2].id
    focus = nav.focus
    assert focus is not None
    focus_stage = focus[1][0] if focus[0] == "cell" else doc.card(focus[1]).stage  # type: ignore[index]
    assert focus_stage == stage, "the focus starts in the stage the audience sees"
    if key == Qt.Key.Key_Tab:
        assert focus == ("cell", (stage, doc.lanes[0].id))
    assert view.stage_index == 2 and frames(view, settle(qtbot, view), 2), "the view stays on that stage"


def test_presenting_starts_clean_whatever_the_editor_had_chosen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The editor's focus ring and handles were shown to the audience, and the first Tab started at the card the
    editor had reached (stage 4) instead of the stage on screen."""
    doc, scene = window.editor.document, window.editor.scene
    card_id = next(c.id for c in doc.cards() if c.stage == doc.stages[3].id)
    scene.nav.set_focus(("card", card_id))
    scene.card_item(card_id).setSelected(True)
    view = start(qtbot, window)
    assert scene.nav.focus is None and not scene.selectedItems()
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert scene.nav.focus == ("cell", (doc.stages[1].id, doc.lanes[0].id))
    assert view.stage_index == 1


def test_esc_first_lets_go_of_a_card_reached_with_the_arrows_then_leaves(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    nav = window.editor.scene.nav
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Up)  # from the cell onto a card: the presenting keys are its
    assert nav.focus is not None and nav.focus[0] == "card"
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert window.workshop.presenting and nav.focus is None
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert not window.workshop.presenting


def test_a_click_on_the_blank_screen_brings_the_board_back_and_does_nothing_else(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    card_id = next(c.id for c in doc.cards() if c.stage == doc.stages[2].id)
    r = scene.layout.card_rect(card_id)
    QTest.keyClick(view, Qt.Key.Key_B)
    assert view.blanked
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO,
                     view.mapFromScene(QPointF(r.x + 20, r.y + r.h / 2)))
    assert not view.blanked
    assert not view.spotlight.active and scene.nav.focus is None and not scene.selectedItems()


def test_the_editors_messages_show_on_the_presentation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """With one screen the status bar is behind the presentation: "Connect: choose the other card" reached no one."""
    view = start(qtbot, window)
    badge = window.workshop.presentation.message_badge
    assert not badge.isVisible()
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_L)
    assert badge.isVisible() and badge.text().startswith("Connect")
    assert badge.geometry().bottom() < view.height() and badge.width() <= view.width() * 2 // 3 + 1
    QTest.keyClick(view, Qt.Key.Key_Return)  # on the card it started from
    assert badge.isVisible() and badge.text().startswith("Nothing linked")
    window.workshop.leave()
    window.editor.message.emit("after")  # heard by the editor's status bar alone again
    assert badge.text() != "after"


class _Marker(QUndoCommand):
    """An undo step that changes nothing, to see whether Ctrl+Z ran."""

    def __init__(self) -> None:
        super().__init__("marker")


@pytest.mark.parametrize("key", [Qt.Key.Key_F1, Qt.Key.Key_Question])
def test_f1_or_question_mark_shows_the_presenting_keys_and_any_key_puts_them_away(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, key: Qt.Key) -> None:
    """They did nothing: the editor's shortcut sheet is the main window's, behind the presentation."""
    view = start(qtbot, window)
    sheet = window.workshop.presentation.keys_sheet
    QTest.keyClick(view, key, Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Question else NO)
    assert sheet.isVisible() and "spotlight" in sheet.text() and "F1, ?" in sheet.text()
    for keys in ("Tab, then type", "V, Shift+V", "F2, Delete", "Ctrl+Z, Ctrl+Shift+Z"):  # editing while presenting
        assert keys in sheet.text()
    assert view.rect().contains(sheet.geometry())
    QTest.keyClick(view, Qt.Key.Key_Right)  # only puts the sheet away
    assert not sheet.isVisible() and view.stage_index == OVERVIEW
    QTest.keyClick(view, key, Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Question else NO)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO, view.viewport().rect().center())
    assert not sheet.isVisible() and not view.spotlight.active
    # A shortcut too only puts the sheet away: Ctrl+Z under it undid the last edit unseen.
    window.editor.undo_stack.push(_Marker())
    QTest.keyClick(view, key, Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Question else NO)
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not sheet.isVisible() and window.editor.undo_stack.index() == window.editor.undo_stack.count()


def test_the_presenting_keys_fit_a_small_projector_whole(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """At 24 px the sheet was 863 px tall: on a 1366x768 projector its last rows and "Any key or click closes
    this." were cut off. It takes the largest type that fits, and keeps 24 px where there is room."""
    view = start(qtbot, window)
    sheet = window.workshop.presentation.keys_sheet
    QTest.keyClick(view, Qt.Key.Key_F1)
    assert sheet.font().pixelSize() == 24 and view.rect().contains(sheet.geometry())
    QTest.keyClick(view, Qt.Key.Key_Escape)
    window.workshop.presentation.setGeometry(0, 0, 1366, 768)
    qtbot.waitUntil(lambda: view.height() <= 768)
    QTest.keyClick(view, Qt.Key.Key_F1)
    assert sheet.isVisible() and 12 <= sheet.font().pixelSize() < 24
    assert view.rect().adjusted(16, 16, -16, -16).contains(sheet.geometry()), (sheet.geometry(), view.rect())
    assert sheet.sizeHint().height() <= sheet.height()  # laid out whole, nothing clipped inside


def test_the_emotion_scale_shows_beside_the_lane_rail(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The board writes +2 … −2 in the lane header, which the rail covers: the curve had no scale on the projector."""
    assert window.open_path(JOURNEY)
    view = start(qtbot, window)
    layout = window.editor.scene.layout
    lane = next(ln.id for ln in window.editor.document.lanes if ln.kind == "emotion")
    steps = layout.score_lines(lane)
    assert [score for score, _ in steps] == [2, 1, 0, -1, -2]
    QTest.keyClick(view, Qt.Key.Key_1)
    settle(qtbot, view)
    for _ in range(view.part_count()):  # down the stage's parts to the curve
        if 0 < view.mapFromScene(QPointF(0, steps[2][1])).y() < view.viewport().height() - 20:
            break
        QTest.keyClick(view, Qt.Key.Key_Right)
        settle(qtbot, view)
    image = view.viewport().grab().toImage()
    header_right = view.mapFromScene(QPointF(st.MARGIN + st.LANE_HEADER_W, 0)).x()
    right = max(300, header_right)
    for _score, board_y in steps:
        y = view.mapFromScene(QPointF(0, board_y)).y()
        if not 100 < y < image.height() - 20:
            continue
        light = [x for x in range(right - 96, right - 12) for dy in (-6, 0, 6)
                 if image.pixelColor(x, y + dy).lightness() > 150]
        assert light, f"no step name at y {y}"


def test_tab_from_the_whole_board_frames_the_cell_before_typing_into_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """F5, Tab, type: the card was typed at overview size (~10 px on the projector); the view now glides to
    the stage of the cell first. A card clicked there for the spotlight leaves the board whole."""
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    assert view.stage_index == OVERVIEW
    card_id = next(c.id for c in doc.cards() if c.stage == doc.stages[2].id)
    spot = view.mapFromScene(scene.card_item(card_id).sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO, spot)
    assert scene.nav.focus == ("card", card_id) and view.spotlight.active
    assert view.stage_index == OVERVIEW, "a card lit on the whole board: the board stays whole"
    QTest.keyClick(view, Qt.Key.Key_Escape)  # ends the spotlight and lets go of the card
    assert scene.nav.focus is None and window.workshop.presenting
    QTest.keyClick(view, Qt.Key.Key_Tab)
    focus = scene.nav.focus
    assert focus is not None and focus[0] == "cell"
    index = doc.stage_index(focus[1][0])  # type: ignore[index]
    assert view.stage_index == index
    visible = settle(qtbot, view)
    assert frames(view, visible, index, view.part_index)
    top, bottom = view._slot(focus[1])  # type: ignore[arg-type]
    assert visible.top() <= top and bottom <= visible.bottom(), "the place the card is typed into is on screen"


def test_a_card_the_walk_leaves_behind_is_let_go(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A card reached with the arrows stayed chosen when Right walked on: Delete then deleted it unseen."""
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_3)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Up)
    focus = scene.nav.focus
    assert focus is not None and focus[0] == "card"
    card_id = str(focus[1])
    shown = (view.stage_index, view.part_index)
    cards = sum(1 for _ in doc.cards())
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, view)
    assert (view.stage_index, view.part_index) != shown
    assert not view._shows_card(card_id, view.stage_index, view.part_index)
    assert scene.nav.focus is None and not scene.selectedItems()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert sum(1 for _ in doc.cards()) == cards and doc.has_card(card_id)
    # A card the walk keeps in sight (Ctrl+arrows carry it along, the view follows) stays chosen.
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Up)
    focus = scene.nav.focus
    assert focus is not None and focus[0] == "card"
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, view)
    assert scene.nav.focus == focus


def test_a_cell_typed_into_is_shown_with_its_cards_above_the_new_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The slot under Customer actions' last card in the coffee shop's stage 1 falls on the stage's second
    part, which begins below the cell's cards: the room saw a card typed under nothing. The frame now moves
    up from the part to show the cell from its top; the next step walks on as planned."""
    view = start(qtbot, window)
    doc, layout = window.editor.document, window.editor.scene.layout
    QTest.keyClick(view, Qt.Key.Key_1)
    settle(qtbot, view)
    cell = (doc.stages[0].id, "ln-customer")
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert window.editor.scene.nav.focus == ("cell", cell)
    parts = view.parts(0)
    _, bottom = view._slot(cell)
    assert not any(p.top <= layout.cell_rect(*cell).y and bottom <= p.bottom for p in parts), \
        "the case: no planned part shows both the cell's top and its slot"
    visible = settle(qtbot, view)
    assert visible.top() <= layout.cell_rect(*cell).y and bottom <= visible.bottom()
    for card_id in doc.cell_cards(*cell):
        r = layout.card_rect(card_id)
        assert visible.top() <= r.y and r.y + r.h <= visible.bottom(), "the cell's cards are in sight"
    before = list(doc.cell_cards(*cell))
    QTest.keyClicks(view, "Scans the QR code")
    visible = settle(qtbot, view)
    new = next(c for c in doc.cell_cards(*cell) if c not in before)
    r = window.editor.scene.layout.card_rect(new)
    assert visible.top() <= r.y and r.y + r.h <= visible.bottom(), "the card being typed is in sight"
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.shown_top is None
    assert frames(view, settle(qtbot, view), view.stage_index, view.part_index)


def test_s_spotlights_the_card_reached_with_the_arrows(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The spotlight took a mouse click: a facilitator at the keyboard (or a clicker with arrow keys) had none."""
    view = start(qtbot, window)
    scene = window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Up)  # from the cell onto a card
    card_id = scene.nav.focused_card()
    assert card_id is not None
    QTest.keyClick(view, Qt.Key.Key_S)
    assert view.spotlight.target == ("card", card_id)
    assert scene.card_item(card_id).opacity() == 1.0
    assert any(item.opacity() == DIMMED for item in (scene.card_item(c.id) for c in window.editor.document.cards()))
    QTest.keyClick(view, Qt.Key.Key_S)  # again: off
    assert not view.spotlight.active
    assert window.editor.document.card(card_id).text != "S", "S spotlights; it types nothing"


def test_ctrl_f_while_presenting_opens_no_find_row_behind_the_presentation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The row would open in the editor's window behind the full screen, its field never given the keys."""
    view = start(qtbot, window)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.editor.show_find()  # and from the menu, whatever reached it
    assert window.editor._find_bar is None or not window.editor._find_bar.isVisible()


def test_f5_presents_the_active_windows_board_with_two_boards_open(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """With two boards open in two windows F5 did nothing ("Ambiguous shortcut overload: F5"): each window's
    Present was an application-wide F5."""
    other = MainWindow(path=JOURNEY)
    qtbot.addWidget(other)
    other.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    other.resize(1200, 800)
    other.show()
    view = start(qtbot, other)
    assert other.workshop.presenting and not window.workshop.presenting
    assert view.board_scene is other.editor.scene
    QTest.keyClick(view, Qt.Key.Key_F5)  # F5 in the presentation leaves it
    assert not other.workshop.presenting
    view = start(qtbot, window)  # and the first window's F5 presents its own board
    assert window.workshop.presenting and not other.workshop.presenting
    assert view.board_scene is window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_F5)
    assert not window.workshop.presenting


@pytest.mark.parametrize(("key", "mods"), [(Qt.Key.Key_V, NO), (Qt.Key.Key_Delete, NO), (Qt.Key.Key_Backspace, NO),
                                           (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),
                                           (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)],
                         ids=["V", "Delete", "Backspace", "Ctrl+D", "Ctrl+Z"])
def test_a_key_on_the_black_screen_only_brings_the_board_back(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                              key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    """On a screen blanked with B, V voted, Delete and Backspace deleted the card reached with the arrows and
    Ctrl+D copied it, all unseen, and the screen stayed black (the editor's shortcuts took the keys)."""
    view = start(qtbot, window)
    doc, nav, stack = window.editor.document, window.editor.scene.nav, window.editor.undo_stack
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Down)
    card_id = nav.focused_card()
    assert card_id is not None
    stack.push(_Marker())  # Ctrl+Z would undo it
    steps, cards = stack.index(), [c.id for c in doc.cards()]
    QTest.keyClick(view, Qt.Key.Key_B)
    assert view.blanked
    QTest.keyClick(view, key, mods)
    assert not view.blanked, "the board is back"
    assert [c.id for c in doc.cards()] == cards and doc.card(card_id).votes == 0 and stack.index() == steps
    QTest.keyClick(view, Qt.Key.Key_B)
    QTest.keyClick(view, Qt.Key.Key_F5)  # F5 on the black screen still leaves
    assert not window.workshop.presenting


@pytest.mark.parametrize("key", [Qt.Key.Key_B, Qt.Key.Key_T, Qt.Key.Key_4, Qt.Key.Key_Question, Qt.Key.Key_X],
                         ids=["B", "T", "4", "?", "x"])
def test_after_delete_the_presenting_keys_and_typing_work(qtbot, window: MainWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """2, Down, Delete while presenting: the room saw a focus ring on the empty slot, and B, T, 1-9, ? and typing
    all did nothing until Esc (the slot counted as a cell being typed into, and capture's cell was not set)."""
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    presentation = window.workshop.presentation
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Down)
    card_id = scene.nav.focused_card()
    assert card_id is not None
    cell = (doc.card(card_id).stage, doc.card(card_id).lane)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert not doc.has_card(card_id) and scene.nav.focus == ("cell", cell)
    before = list(doc.cell_cards(*cell))
    mods = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Question else NO
    QTest.keyClick(view, key, mods)
    if key == Qt.Key.Key_B:
        assert view.blanked
    elif key == Qt.Key.Key_T:
        assert window.workshop.countdown.running
        window.workshop.countdown.stop()
    elif key == Qt.Key.Key_4:
        assert view.stage_index == 3
        assert scene.nav.focus is None, "the empty slot is not carried into the next stage"
        QTest.keyClick(view, Qt.Key.Key_B)
        assert view.blanked
    elif key == Qt.Key.Key_Question:
        assert presentation.keys_sheet.isVisible()
    else:  # any other letter starts a card in the cell
        QTest.keyClicks(view, "ylophone")
        QTest.keyClick(view, Qt.Key.Key_Return)
        QTest.keyClick(view, Qt.Key.Key_Escape)  # ends the run of cards (the next, empty one goes)
        added = [c for c in doc.cell_cards(*cell) if c not in before]
        assert [doc.card(c).text for c in added] == ["xylophone"]


def test_t_after_times_up_starts_a_fresh_countdown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The red "Time's up 0:00" stayed for good: T paused a spent countdown, which did nothing."""
    view = start(qtbot, window)
    badge, countdown = window.workshop.presentation.timer_badge, window.workshop.countdown
    QTest.keyClick(view, Qt.Key.Key_T)
    countdown.start(0.001)  # (5 minutes are too long to wait for)
    qtbot.waitUntil(lambda: countdown.remaining_ms() == 0 and not countdown.running, timeout=3000)
    assert badge.text().startswith("Time's up") and not window.workshop.pause_action.isEnabled()
    QTest.keyClick(view, Qt.Key.Key_T)
    assert countdown.running and badge.text() in ("5:00", "4:59")
    QTest.keyClick(view, Qt.Key.Key_T)  # and T pauses it again
    assert countdown.active and not countdown.running and badge.text().endswith("‖")


def test_a_card_spotlight_ends_when_the_walk_leaves_its_card(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """S on a card, then Right: the spotlight stayed and every later stage was shown dimmed."""
    assert window.open_path(JOURNEY)
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Down)
    card_id = scene.nav.focused_card()
    assert card_id is not None
    QTest.keyClick(view, Qt.Key.Key_S)
    assert view.spotlight.target == ("card", card_id)
    while view.stage_index == 1:
        QTest.keyClick(view, Qt.Key.Key_Right)
        settle(qtbot, view)
        assert view.spotlight.active == view._shows_card(card_id, view.stage_index, view.part_index)
    assert not view.spotlight.active
    assert all(scene.card_item(c.id).opacity() == 1.0 for c in doc.cards()), "the next stage is lit"
    lane = doc.lanes[0].id  # a lane's spotlight runs through the stages: it stays
    view.spotlight.lane(lane)
    QTest.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot, view)
    assert view.spotlight.target == ("lane", lane)


def test_the_editors_zoom_keys_act_on_the_projector_not_the_hidden_editor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+=, Ctrl+-, Ctrl+0 and Ctrl+1 while presenting zoomed the editor behind the full screen; the room saw
    nothing change."""
    view = start(qtbot, window)
    editor_zoom = window.editor.view.zoom
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(view, Qt.Key.Key_2)
    zoom = view.stage_zoom(1)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Equal, ctrl)  # as +
    settle(qtbot, view)
    assert view.zoom == pytest.approx(zoom * 1.25, rel=0.01)
    QTest.keyClick(view, Qt.Key.Key_Minus, ctrl)  # as -
    settle(qtbot, view)
    assert view.zoom == pytest.approx(zoom, rel=0.01)
    QTest.keyClick(view, Qt.Key.Key_1, ctrl)  # 100%: nothing on the projector
    assert view.stage_index == 1
    QTest.keyClick(view, Qt.Key.Key_0, ctrl)  # Fit board: the whole board, as Home
    assert view.stage_index == OVERVIEW
    assert settle(qtbot, view).contains(window.editor.scene.sceneRect())
    assert window.editor.view.zoom == editor_zoom, "the hidden editor is left as it was"


def test_select_all_while_presenting_chooses_only_the_cards_on_the_screen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+A on stage 2 chose every card of the board, and Delete then deleted all 30, most of them unseen."""
    view = start(qtbot, window)
    doc, scene = window.editor.document, window.editor.scene
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    shown = {c.id for c in doc.cards() if view._shows_card(c.id, 1, view.part_index)}
    assert shown and len(shown) < sum(1 for _ in doc.cards())
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert set(scene.selected_cards()) == shown
    assert window.workshop.presentation.message_badge.isVisible()  # says what it chose
    cards = sum(1 for _ in doc.cards())
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert sum(1 for _ in doc.cards()) == cards - len(shown)


def test_an_undo_while_presenting_chooses_no_header(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z of a stage note typed in the presenter panel chose the stage's header (an undo chooses what it
    touched), and the Delete after it took the whole stage, 7 cards with it, off the projected board."""
    view = start(qtbot, window)
    editor = window.editor
    doc, scene = editor.document, editor.scene
    QTest.keyClick(view, Qt.Key.Key_2)
    settle(qtbot, view)
    editor.push(cmd.SetStageField(doc, doc.stages[1].id, "notes", "Ask the room about queues"))  # the panel's
    stages, cards = len(doc.stages), doc.card_count()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "notes" not in doc.stages[1].extra and scene.selected_header() is None
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert (len(doc.stages), doc.card_count()) == (stages, cards)


def test_the_projector_shows_no_connection_handles_on_the_chosen_card(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A card chosen while presenting (the arrows, F2, Ctrl+arrows) showed the editor's blue connection handles on
    the projector, though the room is to see the board, not the editor's handles. The editor still shows them."""
    from canvas.items import HANDLE_R, SELECTION, CardItem

    view = start(qtbot, window)
    QTest.keyClick(view, Qt.Key.Key_1)
    settle(qtbot, view)
    QTest.keyClick(view, Qt.Key.Key_Down)  # the first card of the stage on screen
    card_id = window.editor.scene.nav.focused_card()
    assert card_id is not None
    item = window.editor.scene.card_item(card_id)
    assert isinstance(item, CardItem) and item.isSelected()

    def handle_pixels(board_view: QWidget) -> list[QColor]:
        board_view.viewport().repaint()  # type: ignore[attr-defined]
        image = board_view.viewport().grab().toImage()  # type: ignore[attr-defined]
        points = [board_view.mapFromScene(item.mapToScene(h)) for h in item.handles()]  # type: ignore[attr-defined]
        scale = board_view.transform().m11()  # type: ignore[attr-defined]
        offset = max(1, round(HANDLE_R * scale * 0.6))
        return [image.pixelColor(p.x() + dx, p.y() + dy) for p in points for dx, dy in ((offset, 0), (0, offset))]

    def blue(colour: QColor) -> bool:
        return abs(colour.red() - SELECTION.red()) < 30 and abs(colour.green() - SELECTION.green()) < 30 \
            and abs(colour.blue() - SELECTION.blue()) < 30

    assert not any(blue(c) for c in handle_pixels(view))
    editor_view = window.editor.view
    editor_view.centerOn(item)
    editor_view.resetTransform()
    assert any(blue(c) for c in handle_pixels(editor_view))  # the editor's own view keeps them


def test_closing_the_window_ends_its_presentation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Closed while presenting, the window went and its presentation stayed, full screen, on a board no window
    showed any more."""
    view = start(qtbot, window)
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.isVisible()
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    assert window.close()
    assert window.workshop.presentation is None and not view.isVisible()
    assert not window.editor.scene.nav.presenting


def test_save_as_asked_while_presenting_on_one_screen_opens_over_the_presentation(qtbot, window: MainWindow,
                                                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+S of an untitled board while presenting on the one screen opened Save As over the editor, behind the
    full-screen board: nothing showed, and the keys went to a dialog nobody could see."""
    from PySide6.QtWidgets import QFileDialog

    window.new_from_template("journey")  # untitled: Ctrl+S asks where
    view = start(qtbot, window, projector=False)
    presentation = window.workshop.presentation
    assert presentation is not None and presentation.screen() is window.screen()
    over: list[QWidget | None] = []

    def exec_(dialog: QFileDialog) -> int:
        over.append(dialog.parentWidget())
        return int(QFileDialog.DialogCode.Rejected)

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    # The real Save As dialog (the suite stands in for every ask_* so that none hangs it), its exec answered above.
    window.ask_save_path = lambda: window._ask_save_file("Save As", Path("board.touchline"),  # type: ignore[method-assign]
                                                         "Touchline (*.touchline)", ".touchline")
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert over == [presentation]
    assert window.dialog_parent() is presentation
    # So are the questions about the file changed on disk (asked by the disk watcher, or by Ctrl+S, while presenting).
    from PySide6.QtWidgets import QMessageBox

    from app.safekeeping import Safekeeping

    def box_exec(box: QMessageBox) -> int:
        over.append(box.parentWidget())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    over.clear()
    Safekeeping.ask_reload_changed(window)  # the real questions: the suite stands in for them on MainWindow
    Safekeeping.ask_overwrite_changed(window)
    assert over == [presentation, presentation]
    window.workshop.leave()
    assert window.dialog_parent() is window


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Tab])
def test_the_first_key_in_the_overview_starts_at_the_boards_start_not_where_the_editor_was(
        qtbot, window: MainWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """The editor's keys resume where it last was after Esc; presenting, Down from the overview glided the room to the
    stage the editor had last reached (Right started on the first)."""
    doc, nav = window.editor.document, window.editor.scene.nav
    nav.set_focus(("cell", (doc.stages[4].id, doc.lanes[3].id)))  # where the editor had reached
    view = start(qtbot, window)
    assert view.stage_index == OVERVIEW and nav.focus is None
    QTest.keyClick(view, key)
    qtbot.wait(50)
    assert nav.focus is not None and nav.focus != ("cell", (doc.stages[4].id, doc.lanes[3].id))
    assert view.stage_index in (OVERVIEW, 0)
