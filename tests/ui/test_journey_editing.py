"""Editing the journey map's rich parts in the real editor: dragging an emotion point with the
mouse, Alt+Up/Down, the score in Properties, personas, stage metrics, legend and theme."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import model
from app.appearance import THEME_KEY
from app.editor import Editor
from app.main_window import MainWindow, settings
from app.properties import CommitTextEdit
from canvas import commands as cmd
from model import emotion_curve as emo
from model import style as st
from model.layout import EMOTION_HOLD

ROOT = Path(__file__).resolve().parents[2]
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"


@pytest.fixture
def editor(shown_editor) -> Editor:  # type: ignore[no-untyped-def]
    widget = shown_editor(JOURNEY.name)
    widget.view.zoom_actual()
    return widget


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(model.load(JOURNEY))
    qtbot.addWidget(w)
    w.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    return w


def emotion_card(editor: Editor, score: int) -> str:
    doc = editor.document
    lane = next(lane.id for lane in doc.lanes if lane.kind == "emotion")
    return next(c.id for c in doc.cards() if c.lane == lane and c.score == score)


def send(editor: Editor, kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:
    viewport = editor.view.viewport()
    point = editor.view.mapFromScene(pos)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def drag_marker(editor: Editor, card_id: str, dy: float) -> None:
    """Press on a card's emotion marker, move it by ``dy`` in steps, release (real mouse events)."""
    x, y = editor.scene.layout.marker_centre(card_id)  # type: ignore[misc]
    editor.view.centerOn(x, y + dy / 2)
    send(editor, QEvent.Type.MouseButtonPress, QPointF(x, y), Qt.MouseButton.LeftButton)
    for step in range(1, 11):
        send(editor, QEvent.Type.MouseMove, QPointF(x, y + dy * step / 10), Qt.MouseButton.LeftButton)
    send(editor, QEvent.Type.MouseButtonRelease, QPointF(x, y + dy), Qt.MouseButton.NoButton)


# ------------------------------------------------------------------ emotion points
def test_an_emotion_point_shows_it_can_be_dragged(editor: Editor) -> None:
    """Its pointer was the plain arrow, with no word: a designer without the manual never found the drag."""
    card_id = emotion_card(editor, 0)
    x, y = editor.scene.layout.marker_centre(card_id)  # type: ignore[misc]
    said: list[str] = []
    editor.message.connect(said.append)
    editor.view.centerOn(x, y)
    g = editor.scene.layout.cards[card_id]
    send(editor, QEvent.Type.MouseMove, QPointF(g.x + 4, g.y + 4), Qt.MouseButton.NoButton)  # on the card
    send(editor, QEvent.Type.MouseMove, QPointF(x, y), Qt.MouseButton.NoButton)  # on its point
    item = editor.scene.card_item(card_id)
    assert item.cursor().shape() == Qt.CursorShape.SizeVerCursor
    assert said == ["Drag the point up or down to change the score (or Alt+Up, Alt+Down)"]
    send(editor, QEvent.Type.MouseMove, QPointF(x + 1, y + 1), Qt.MouseButton.NoButton)
    assert len(said) == 1, "said once as the pointer comes onto the point"


def test_dragging_a_point_up_raises_its_score_in_one_undo_step(editor: Editor) -> None:
    card_id = emotion_card(editor, 0)
    before_text = model.dumps(editor.document)
    before_y = editor.scene.layout.marker_centre(card_id)[1]  # type: ignore[index]
    drag_marker(editor, card_id, -2 * emo.STEP - 3)
    card = editor.document.card(card_id)
    assert card.score == 2
    assert editor.undo_stack.count() == 1
    assert editor.undo_stack.undoText() == "Change emotion score"
    after_y = editor.scene.layout.marker_centre(card_id)[1]  # type: ignore[index]
    # On the +2 line (the lane may grow above it for the label, now over the marker, and move the scale down).
    assert after_y == pytest.approx(dict(editor.scene.layout.score_lines(card.lane))[2], abs=1)
    assert editor.scene.card_item(card_id).pos().y() == editor.scene.layout.cards[card_id].y  # snapped
    editor.undo_stack.undo()
    assert model.dumps(editor.document) == before_text
    assert editor.scene.layout.marker_centre(card_id)[1] == pytest.approx(before_y)  # type: ignore[index]


def test_a_dragged_point_snaps_to_the_scale_steps_while_held(editor: Editor) -> None:
    card_id = emotion_card(editor, 0)
    layout = editor.scene.layout
    x, y = layout.marker_centre(card_id)  # type: ignore[misc]
    item = editor.scene.card_item(card_id)
    editor.view.centerOn(x, y)
    send(editor, QEvent.Type.MouseButtonPress, QPointF(x, y), Qt.MouseButton.LeftButton)
    marker_y = item.geometry.shape.marker[1]  # type: ignore[index]
    seen = set()
    for step in range(1, 13):
        send(editor, QEvent.Type.MouseMove, QPointF(x, y - step * 4), Qt.MouseButton.LeftButton)
        held = item.pos().y() + marker_y
        assert (y - held) % emo.STEP == pytest.approx(0, abs=0.01) or \
            (y - held) % emo.STEP == pytest.approx(emo.STEP, abs=0.01), "between two steps"
        seen.add(round((y - held) / emo.STEP))
    send(editor, QEvent.Type.MouseButtonRelease, QPointF(x, y - 48), Qt.MouseButton.NoButton)
    assert seen == {0, 1, 2}
    assert editor.document.card(card_id).score == 2


def test_dragging_a_point_far_down_stops_at_the_lowest_score(editor: Editor) -> None:
    card_id = emotion_card(editor, 1)
    drag_marker(editor, card_id, 3 * emo.STEP + 2)
    assert editor.document.card(card_id).score == -2
    assert editor.undo_stack.count() == 1


def test_a_small_wobble_changes_nothing(editor: Editor) -> None:
    card_id = emotion_card(editor, 1)
    drag_marker(editor, card_id, emo.STEP * 0.3)
    assert editor.document.card(card_id).score == 1
    assert editor.undo_stack.count() == 0


def test_alt_up_and_alt_down_step_the_selected_scores(editor: Editor) -> None:
    card_id = emotion_card(editor, -2)
    editor.scene.card_item(card_id).setSelected(True)
    editor.view.setFocus()
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.document.card(card_id).score == 0
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    messages: list[str] = []
    editor.message.connect(messages.append)
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # stays at -2
    assert editor.document.card(card_id).score == -2
    assert messages == ["Already at −2, the lowest score"]  # said, not a key that does nothing
    assert editor.undo_stack.count() == 4
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.document.card(card_id).score == -1
    assert messages[-1] == "", "a step taken puts away the word that none could be (it stayed up 4 s)"
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.document.card(card_id).score == -1


def test_the_score_control_in_properties_moves_the_point(window: MainWindow) -> None:
    editor = window.editor
    card_id = emotion_card(editor, 1)
    y = editor.scene.layout.marker_centre(card_id)[1]  # type: ignore[index]
    editor.scene.card_item(card_id).setSelected(True)
    panel = window.properties
    assert panel.shown() == ("card", card_id)
    panel.card_score.setCurrentIndex(panel.card_score.findData(-1))
    assert editor.document.card(card_id).score == -1
    assert editor.scene.layout.marker_centre(card_id)[1] == pytest.approx(y + 2 * emo.STEP)  # type: ignore[index]


# ------------------------------------------------------------------ personas and metrics
def test_the_persona_panel_adds_edits_and_removes_personas(window: MainWindow) -> None:
    editor, panel = window.editor, window.personas
    doc = editor.document
    count = len(doc.personas)
    assert panel.list.count() == count
    new_id = panel.add_persona()
    assert len(doc.personas) == count + 1 and doc.persona(new_id).name == "New persona"  # type: ignore[arg-type]
    # Typed, as the user does (the panel applies only fields typed into: setModified as typing sets it).
    panel.name.setText("Priya Natarajan")
    panel.role.setText("Small-business owner")
    panel.name.setModified(True)
    panel.role.setModified(True)
    panel.name.editingFinished.emit()
    panel.goals.set_text("")
    panel.goals.setPlainText("Pay suppliers on time\nSee cash flow at a glance")
    panel.goals.document().setModified(True)
    panel.goals.committed.emit()
    persona = doc.persona(new_id)  # type: ignore[arg-type]
    assert (persona.name, persona.role) == ("Priya Natarajan", "Small-business owner")
    assert persona.goals == ["Pay suppliers on time", "See cash flow at a glance"]
    assert "Priya Natarajan" in [p.text for p in editor.scene.layout.background if hasattr(p, "text")]
    # A badge comes with tying a card to the persona, and goes with the persona.
    card_id = next(c.id for c in doc.cards() if c.persona is None)
    editor.scene.card_item(card_id).setSelected(True)
    props = window.properties
    assert props.shown() == ("card", card_id)
    props.card_persona.setCurrentIndex(props.card_persona.findData(new_id))
    assert doc.card(card_id).persona == new_id
    assert "PN" in [getattr(p, "text", None) for p in editor.scene.layout.cards[card_id].primitives]
    panel.list.setCurrentRow(len(doc.personas) - 1)
    panel.remove_current()
    assert len(doc.personas) == count and doc.card(card_id).persona is None
    editor.undo_stack.undo()
    assert doc.card(card_id).persona == new_id


def test_stage_metrics_are_edited_in_the_stage_properties(window: MainWindow) -> None:
    editor, panel = window.editor, window.properties
    doc = editor.document
    stage_id = doc.stages[0].id
    before = doc.stage(stage_id).metrics
    editor.scene.header_item("stage", stage_id).setSelected(True)
    assert panel.shown() == ("stage", stage_id)
    panel.stage_metrics.setPlainText("NPS = 41\nchurn %: 7.5")
    panel.stage_metrics.committed.emit()
    assert doc.stage(stage_id).metrics == {"NPS": 41, "churn %": 7.5}
    header = [getattr(p, "text", None) for p in editor.scene.layout.stage_headers[stage_id].primitives]
    assert "41" in header and "churn %" in header
    panel.stage_metrics.setPlainText("NPS = lots")
    panel.stage_metrics.committed.emit()
    assert panel.stage_metrics_error.isVisibleTo(panel) and "Line 1" in panel.stage_metrics_error.text()
    assert doc.stage(stage_id).metrics == {"NPS": 41, "churn %": 7.5}
    editor.undo_stack.undo()
    assert doc.stage(stage_id).metrics == before


# ------------------------------------------------------------------ legend and theme
def test_the_legend_can_be_hidden_and_exports_follow(window: MainWindow, tmp_path: Path) -> None:
    layout = window.editor.scene.layout
    assert window.appearance.legend_action.isChecked() and layout.show_legend
    tall = layout.height
    window.appearance.legend_action.trigger()
    assert not layout.show_legend and layout.height < tall
    assert window.editor.scene.sceneRect().height() == layout.height
    out = tmp_path / "board.svg"
    assert window.export_to(out)
    assert "Legend" not in out.read_text(encoding="utf-8")
    window.appearance.legend_action.trigger()
    assert window.export_to(out)
    assert ">Legend<" in out.read_text(encoding="utf-8")


def test_theme_menu_switches_the_canvas_and_is_remembered(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.appearance.theme_actions["dark"].trigger()
    assert window.editor.theme == "dark"
    assert settings().value(THEME_KEY) == "dark"
    assert window.editor.scene.backgroundBrush().color() == QColor(st.CANVAS_DARK)
    window.resize(900, 600)
    window.show()
    shot = window.editor.view.viewport().grab().toImage()
    corner = shot.pixelColor(3, 3)
    assert corner.lightness() < 60, "the dark canvas is dark"
    again = MainWindow(model.load(JOURNEY))
    qtbot.addWidget(again)
    assert again.editor.theme == "dark" and again.appearance.theme_actions["dark"].isChecked()
    window.appearance.theme_actions["light"].trigger()
    assert window.editor.theme == "light"


def test_the_lane_colour_swatch_shows_the_fill_the_canvas_paints(window: MainWindow) -> None:
    """In the dark theme a card left in its lane's colour is a deep tint on the canvas: so is its swatch."""
    editor = window.editor
    document = editor.document
    card = next(c for c in document.cards() if c.color is None and document.lane(c.lane).kind in st.KIND_STYLES)
    fill = st.KIND_STYLES[document.lane(card.lane).kind].fill
    editor.scene.card_item(card.id).setSelected(True)
    panel = window.properties
    panel.refresh()
    assert panel.shown() == ("card", card.id)

    def swatch_centre() -> str:
        size = panel.card_color.iconSize()
        image = panel.card_color.icon().pixmap(size).toImage()
        return image.pixelColor(image.width() // 2, image.height() // 2).name().upper()

    assert panel.card_color.text() == "Lane colour"
    assert swatch_centre() == fill.upper()
    window.appearance.theme_actions["dark"].trigger()
    assert swatch_centre() == st.themed(fill, "dark").upper() != fill.upper()
    window.appearance.theme_actions["light"].trigger()
    assert swatch_centre() == fill.upper()


def test_system_theme_follows_the_desktop_colour_scheme(window: MainWindow,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The desktop's scheme is read on every colorSchemeChanged (offscreen Qt cannot change
    it, so the scheme it reports is replaced and the real signal is emitted)."""
    import app.appearance

    hints = QGuiApplication.styleHints()
    scheme = {"now": "light"}
    monkeypatch.setattr(app.appearance, "system_theme", lambda: scheme["now"])
    window.appearance.theme_actions["system"].trigger()
    assert window.editor.theme == "light"
    scheme["now"] = "dark"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.editor.theme == "dark"
    window.appearance.theme_actions["light"].trigger()  # a fixed choice ignores the desktop
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.editor.theme == "light"


def test_system_theme_reads_qt_colour_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.appearance

    class Hints:
        def __init__(self, scheme: Qt.ColorScheme) -> None:
            self.scheme = scheme

        def colorScheme(self) -> Qt.ColorScheme:
            return self.scheme

    for scheme, expected in ((Qt.ColorScheme.Dark, "dark"), (Qt.ColorScheme.Light, "light"),
                             (Qt.ColorScheme.Unknown, "light")):
        monkeypatch.setattr(app.appearance.QGuiApplication, "styleHints", staticmethod(lambda s=scheme: Hints(s)))
        assert app.appearance.system_theme() == expected


def test_tab_goes_from_field_to_field_of_a_persona_as_it_is_typed(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each field finished rebuilt the list, which disabled the form a moment: the focus was dropped and the
    next field's typing went nowhere."""
    panel = window.personas
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.personas_dock.show()
    window.personas_dock.raise_()  # (tabbed behind the Properties panel)
    persona_id = panel.add_persona()
    panel.name.setFocus()
    qtbot.waitUntil(panel.name.hasFocus)
    panel.name.selectAll()
    QTest.keyClicks(panel.name, "Maya")
    QTest.keyClick(panel.name, Qt.Key.Key_Tab)
    assert panel.role.hasFocus()
    QTest.keyClicks(panel.role, "Freelancer")
    QTest.keyClick(panel.role, Qt.Key.Key_Tab)
    assert panel.quote.hasFocus()
    persona = window.editor.document.persona(persona_id)  # type: ignore[arg-type]
    assert (persona.name, persona.role) == ("Maya", "Freelancer")


def test_adding_and_naming_a_persona_is_one_undo_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Two steps both named "Change personas": the first Ctrl+Z only gave back "New persona" (adding and naming
    a stage is one step). Edits after the name are steps of their own."""
    panel, stack, doc = window.personas, window.editor.undo_stack, window.editor.document
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.personas_dock.show()
    window.personas_dock.raise_()
    names = [p.name for p in doc.personas]
    steps = stack.count()
    persona_id = panel.add_persona()
    qtbot.waitUntil(panel.name.hasFocus)
    QTest.keyClicks(panel.name, "Tom")
    QTest.keyClick(panel.name, Qt.Key.Key_Return)
    assert doc.persona(persona_id).name == "Tom"  # type: ignore[arg-type]
    assert stack.count() == steps + 1 and stack.undoText() == "Add persona"
    stack.undo()
    assert [p.name for p in doc.personas] == names
    stack.redo()
    assert doc.persona(persona_id).name == "Tom"  # type: ignore[arg-type]
    panel.role.setFocus()
    QTest.keyClicks(panel.role, "Commuter")
    QTest.keyClick(panel.role, Qt.Key.Key_Return)
    assert stack.count() == steps + 2 and stack.undoText() == "Change personas"
    stack.undo()
    assert doc.persona(persona_id).role is None and doc.persona(persona_id).name == "Tom"  # type: ignore[arg-type]


def test_alt_up_on_a_card_without_a_score_says_why_nothing_changes(editor: Editor) -> None:
    doc = editor.document
    card_id = next(c.id for c in doc.cards() if c.score is None and doc.lane(c.lane).kind != "emotion")
    messages: list[str] = []
    editor.message.connect(messages.append)
    editor.scene.card_item(card_id).setSelected(True)
    editor.view.setFocus()
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert doc.card(card_id).score is None and editor.undo_stack.count() == 0
    assert messages and messages[-1].startswith("Only emotion cards and cards with a score have one")


def test_a_card_double_clicked_into_the_emotion_lane_starts_at_the_height_clicked(editor: Editor) -> None:
    """It started unscored, its marker on the neutral line under a click on +2: the feeling typed was lost."""
    doc, layout, scene = editor.document, editor.scene.layout, editor.scene
    lane = next(lane.id for lane in doc.lanes if lane.kind == "emotion")
    lines = dict(layout.score_lines(lane))
    for stage, score in ((doc.stages[1].id, 2), (doc.stages[3].id, -1)):
        header = layout.stage_headers[stage].rect
        spot = QPointF(header.x + header.w - 14, lines[score])
        assert not [item for item in scene.items(spot) if hasattr(item, "card_id")], "a free spot of the cell"
        editor.view.centerOn(spot)
        before = set(doc.cell_cards(stage, lane))
        QTest.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                          editor.view.mapFromScene(spot))
        QTest.keyClicks(editor.view, f"Feels {score}")
        QTest.keyClick(editor.view, Qt.Key.Key_Return)
        added = [c for c in doc.cell_cards(stage, lane) if c not in before]
        assert len(added) == 1 and doc.card(added[0]).text == f"Feels {score}"
        assert doc.card(added[0]).score == score
        assert layout.cards[added[0]].y <= lines[score] <= layout.cards[added[0]].y + layout.cards[added[0]].h


def test_a_point_added_with_the_keyboard_starts_on_the_neutral_line(editor: Editor) -> None:
    """Enter in a Feeling cell made a point without a score: drawn on the 0 line, "—" in Properties, and
    reported by Checks as unscored. It is neutral (0) until Alt+Up or Alt+Down moves it."""
    doc, scene = editor.document, editor.scene
    lane = next(lane.id for lane in doc.lanes if lane.kind == "emotion")
    stage = doc.stages[0].id
    cell = scene.layout.cell_rect(stage, lane)
    editor.view.centerOn(cell.x + cell.w / 2, cell.y + cell.h / 2)
    spot = editor.view.mapFromScene(cell.x + cell.w - 6, cell.y + cell.h - 6)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert scene.current_cell == (stage, lane)
    before = set(doc.cell_cards(stage, lane))
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    QTest.keyClicks(editor.view.viewport(), "Hopeful")
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Return)
    (added,) = [c for c in doc.cell_cards(stage, lane) if c not in before]
    assert doc.card(added).text == "Hopeful" and doc.card(added).score == 0
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert doc.card(added).score == 1


def test_a_point_pulled_a_little_past_its_lane_stays_a_point_at_the_end_of_the_scale(editor: Editor) -> None:
    """The +2 line is 90 px below the lane's top: pulled up 120 px, a +2 point became a card of the lane
    above ("Doing"), its score a chip, undone as "Move card". Held by the scale a little past the lane's
    edges, it stays a point; pulled well into the next lane, it goes there."""
    card_id = emotion_card(editor, 2)
    lane = editor.document.card(card_id).lane
    top = editor.scene.layout.lane_headers[lane].rect.y
    _, y = editor.scene.layout.marker_centre(card_id)  # type: ignore[misc]
    drag_marker(editor, card_id, top - y - 30)  # 30 px into the lane above
    card = editor.document.card(card_id)
    assert card.lane == lane and card.score == 2
    assert editor.undo_stack.count() == 0  # nothing changed: it was at +2 already
    drag_marker(editor, card_id, 3 * emo.STEP)  # and back down to -1
    assert editor.document.card(card_id).score == -1 and editor.document.card(card_id).lane == lane
    above = editor.document.lanes[[ln.id for ln in editor.document.lanes].index(lane) - 1]
    _, y = editor.scene.layout.marker_centre(card_id)  # type: ignore[misc]
    target = editor.scene.layout.lane_headers[above.id].rect
    assert target.h - 10 > EMOTION_HOLD
    drag_marker(editor, card_id, target.y + 10 - y)  # well into the lane above: moved there
    assert editor.document.card(card_id).lane == above.id


def test_a_lane_made_an_emotion_lane_scores_its_cards_neutral_and_undo_takes_it_back(editor: Editor) -> None:
    """Thinking's kind changed to Emotions in Properties: its cards were drawn as neutral points of a curve while
    Properties › Score said "—" for each. They score 0 with the change, and one Ctrl+Z gives the board back."""
    doc, stack = editor.document, editor.undo_stack
    thinking = next(lane for lane in doc.lanes if lane.kind == "thought")
    cards = doc.cards_in_lane(thinking.id)
    assert cards and all(doc.card(c).score is None for c in cards)
    before = model.dumps(doc)


    editor.push(cmd.SetLaneField(doc, thinking.id, "kind", "emotion"))  # what Properties › Kind pushes
    assert doc.lane(thinking.id).kind == "emotion" and {doc.card(c).score for c in cards} == {0}
    assert all(editor.scene.layout.marker_centre(c) is not None for c in cards)
    stack.undo()
    assert model.dumps(doc) == before


def test_a_card_moved_into_the_emotion_lane_is_a_neutral_point_and_undo_takes_it_back(editor: Editor) -> None:
    """Ctrl+Down on a Doing card put it into Feeling without a score: the board drew it as a neutral point of the
    curve while Properties › Score said "—". A card moved in (keys, mouse) or pasted in scores 0 with the move,
    as one added with Enter does, and one Ctrl+Z gives back the card as it was."""
    doc, scene, stack = editor.document, editor.scene, editor.undo_stack
    feeling = next(lane.id for lane in doc.lanes if lane.kind == "emotion")
    doing = doc.lanes[[lane.id for lane in doc.lanes].index(feeling) - 1].id

    def unscored_doing_card(stage_index: int) -> str:
        return next(c for c in doc.cell_cards(doc.stages[stage_index].id, doing) if doc.card(c).score is None)

    def undone_exactly(card_id: str, before: str) -> None:
        stack.undo()
        assert model.dumps(doc) == before, "one step, taken back whole"
        assert doc.card(card_id).score is None and doc.card(card_id).lane == doing

    # Ctrl+Down, the keyboard's move.
    card_id = unscored_doing_card(0)
    before, steps = model.dumps(doc), stack.count()
    scene.nav.set_focus(("card", card_id))
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert doc.card(card_id).lane == feeling and doc.card(card_id).score == 0 and stack.count() == steps + 1
    assert scene.layout.marker_centre(card_id) is not None
    undone_exactly(card_id, before)
    # Dragged with the mouse by its body into the Feeling cell below.
    card_id = unscored_doing_card(1)
    r, cell = scene.layout.card_rect(card_id), scene.layout.cell_rect(doc.stages[1].id, feeling)
    before = model.dumps(doc)
    start = QPointF(r.x + r.w / 2, r.y + r.h / 2)
    end = QPointF(cell.x + cell.w - 12, cell.y + cell.h - 6)
    editor.view.centerOn((start + end) / 2)
    send(editor, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for step in range(1, 11):
        send(editor, QEvent.Type.MouseMove, start + (end - start) * (step / 10), Qt.MouseButton.LeftButton)
    send(editor, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    # Dropped at the cell's bottom, below the scale's lowest step: the lowest score
    # (test_a_card_dragged_into_the_emotion_lane_feels_as_high_as_it_was_dropped).
    assert doc.card(card_id).lane == feeling and doc.card(card_id).score == emo.LOW
    undone_exactly(card_id, before)
    # Copied (Ctrl+C) and pasted (Ctrl+V) into a chosen Feeling cell: the copy is a point too.
    card_id = unscored_doing_card(0)
    scene.nav.set_focus(("card", card_id))
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    before, cell_cards = model.dumps(doc), set(doc.cell_cards(doc.stages[2].id, feeling))
    scene.nav.set_focus(("cell", (doc.stages[2].id, feeling)))
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (pasted,) = set(doc.cell_cards(doc.stages[2].id, feeling)) - cell_cards
    assert doc.card(pasted).score == 0 and doc.card(card_id).score is None  # the original keeps its own
    stack.undo()
    assert model.dumps(doc) == before


@pytest.mark.parametrize("score", [emo.HIGH, 1, -1])
def test_a_card_dragged_into_the_emotion_lane_feels_as_high_as_it_was_dropped(editor: Editor, score: int) -> None:
    """The height double-clicked in the Feeling lane is a new card's score; a card dragged in from Doing scored 0
    wherever it was dropped, and jumped to the neutral line under the pointer. It takes the score of the scale's
    step it is dropped at, in the same undo step as the move."""
    doc, scene, stack = editor.document, editor.scene, editor.undo_stack
    feeling = next(lane.id for lane in doc.lanes if lane.kind == "emotion")
    doing = doc.lanes[[lane.id for lane in doc.lanes].index(feeling) - 1].id
    card_id = next(c for c in doc.cell_cards(doc.stages[1].id, doing) if doc.card(c).score is None)
    r, cell = scene.layout.card_rect(card_id), scene.layout.cell_rect(doc.stages[1].id, feeling)
    step_y = dict(scene.layout.score_lines(feeling))[score]
    before, steps = model.dumps(doc), stack.count()
    start = QPointF(r.x + r.w / 2, r.y + r.h / 2)
    end = QPointF(cell.x + cell.w / 2, step_y + 3)  # a little off the step: the nearest one counts
    editor.view.centerOn((start + end) / 2)
    send(editor, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for step in range(1, 11):
        send(editor, QEvent.Type.MouseMove, start + (end - start) * (step / 10), Qt.MouseButton.LeftButton)
    send(editor, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    card = doc.card(card_id)
    assert (card.lane, card.stage, card.score) == (feeling, doc.stages[1].id, score)
    assert stack.count() == steps + 1
    marker = scene.layout.marker_centre(card_id)  # drawn on that step of the scale (which the lane may move)
    assert marker is not None and abs(marker[1] - dict(scene.layout.score_lines(feeling))[score]) <= 1
    stack.undo()
    assert model.dumps(doc) == before


def choose_stage(window: MainWindow, qtbot, stage_id: str) -> CommitTextEdit:  # type: ignore[no-untyped-def]
    """Show the window, choose the stage on the board: its metrics box in Properties."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.editor.scene.clearSelection()
    window.editor.scene.header_item("stage", stage_id).setSelected(True)
    assert window.properties.shown() == ("stage", stage_id)
    return window.properties.stage_metrics


def type_stage_metrics(window: MainWindow, qtbot, stage_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Choose the stage, type ``text`` over its metrics in Properties and press Ctrl+Enter (real key events)."""
    box = choose_stage(window, qtbot, stage_id)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(box, Qt.Key.Key_Return)
        QTest.keyClicks(box, line)
    QTest.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_metric_with_three_decimals_can_be_written_as_the_panel_asks(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"CSAT = 4.125" was refused as "could be read two ways: write 4125 or 4.125": the second way was what had
    been typed, refused again, and the designer had no way to enter the average. The decimal way is written so
    that it reads one way only, and typed as asked it is taken."""
    doc, panel = window.editor.document, window.properties
    stage_id = doc.stages[0].id
    type_stage_metrics(window, qtbot, stage_id, "CSAT = 4.125")
    problem = panel.stage_metrics_error.text()
    assert panel.stage_metrics_error.isVisibleTo(panel) and "write 4125 or 4.1250" in problem
    type_stage_metrics(window, qtbot, stage_id, "CSAT = 4.1250")
    assert not panel.stage_metrics_error.isVisibleTo(panel)
    assert doc.stage(stage_id).metrics == {"CSAT": 4.125}



def test_a_metric_keeps_its_value_when_another_line_of_the_stage_is_edited(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The panel shows a value at most two decimals long ("4.125" as "4.12"): a line added under it applied the
    field as shown, and the stage's CSAT became 4.12 without a word. A value that reads as it did is kept."""
    doc = window.editor.document
    stage_id = doc.stages[0].id
    window.editor.push(cmd.SetStageField(doc, stage_id, "metrics", {"CSAT": 4.125, "NPS": 41}))
    shown = choose_stage(window, qtbot, stage_id).toPlainText()
    assert shown == "CSAT = 4.12\nNPS = 41"
    type_stage_metrics(window, qtbot, stage_id, shown + "\nCES = 3.5")
    assert doc.stage(stage_id).metrics == {"CSAT": 4.125, "NPS": 41, "CES": 3.5}
    type_stage_metrics(window, qtbot, stage_id, "CSAT = 4.2\nNPS = 41\nCES = 3.5")  # one changed on purpose
    assert doc.stage(stage_id).metrics == {"CSAT": 4.2, "NPS": 41, "CES": 3.5}


def test_the_persona_list_of_a_chosen_card_follows_the_personas_panel(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With a card chosen, a persona added in the Personas panel was missing from Properties › Persona (and a
    renamed one kept its old name there) until another card was clicked: the designer could not give the card
    the persona just made for it."""
    editor, props, personas = window.editor, window.properties, window.personas
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    card_id = "c-aw-do"  # Sam Reyes's
    r = editor.scene.layout.card_rect(card_id)
    editor.view.centerOn(r.x + r.w / 2, r.y + r.h / 2)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     editor.view.mapFromScene(QPointF(r.x + 8, r.y + 8)))
    assert props.shown() == ("card", card_id)
    window.personas_dock.show()
    window.personas_dock.raise_()
    QTest.mouseClick(personas.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(personas.name.hasFocus)
    QTest.keyClicks(personas.name, "Dana Kim")
    QTest.keyClick(personas.name, Qt.Key.Key_Return)
    personas.choose("p-sam")
    QTest.keyClicks(personas.name, "Samuel Reyes")
    QTest.keyClick(personas.name, Qt.Key.Key_Return)
    window.properties_dock.raise_()
    listed = [props.card_persona.itemText(i) for i in range(props.card_persona.count())]
    assert listed == ["None", "Samuel Reyes", "Inês Carvalho", "Dana Kim"]
    assert props.card_persona.currentText() == "Samuel Reyes"
    props.card_persona.setFocus()
    QTest.keyClick(props.card_persona, Qt.Key.Key_End)  # the last one, the persona just added
    new_id = window.editor.document.personas[-1].id
    assert window.editor.document.card(card_id).persona == new_id


def test_a_lane_kind_stepped_through_emotions_to_another_leaves_no_scores(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Down, Down in Properties › Kind took Touchpoints through Emotions to Thoughts: Emotions scored its cards 0
    on the way, and every touchpoint card was left with a "±0 Neutral" chip that neither kind gives. The steps of
    one visit are one change, from the kind it had to the kind it has."""
    editor, props, doc = window.editor, window.properties, window.editor.document
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    lane = next(lane for lane in doc.lanes if lane.kind == "touchpoint")
    cards = doc.cards_in_lane(lane.id)
    assert cards and all(doc.card(c).score is None for c in cards)
    before, steps = model.dumps(doc), editor.undo_stack.count()
    editor.scene.header_item("lane", lane.id).setSelected(True)
    assert props.shown() == ("lane", lane.id)
    props.lane_kind.setFocus()
    qtbot.waitUntil(props.lane_kind.hasFocus)
    QTest.keyClick(props.lane_kind, Qt.Key.Key_Down)
    assert doc.lane(lane.id).kind == "emotion" and {doc.card(c).score for c in cards} == {0}  # points on the way
    QTest.keyClick(props.lane_kind, Qt.Key.Key_Down)
    assert doc.lane(lane.id).kind == "thought"
    assert [doc.card(c).score for c in cards] == [None] * len(cards)
    assert editor.undo_stack.count() == steps + 1
    editor.undo_stack.undo()
    assert model.dumps(doc) == before
    editor.undo_stack.redo()
    assert doc.lane(lane.id).kind == "thought" and [doc.card(c).score for c in cards] == [None] * len(cards)


def test_a_metric_typed_twice_for_a_stage_is_not_dropped_without_a_word(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"CSAT = 4.2" and, further down, "CSAT = 3.9" (last wave's figure): the first line vanished when applied,
    the panel left showing one. A name given twice is said, under the field, and nothing is applied."""
    doc, panel = window.editor.document, window.properties
    stage_id = doc.stages[1].id
    before = doc.stage(stage_id).metrics
    type_stage_metrics(window, qtbot, stage_id, "CSAT = 4.2\nNPS = 31\nCSAT = 3.9")
    assert panel.stage_metrics_error.isVisibleTo(panel)
    assert panel.stage_metrics_error.text() == "Line 3: “CSAT” is on line 1 already"
    assert doc.stage(stage_id).metrics == before
    assert panel.stage_metrics.toPlainText() == "CSAT = 4.2\nNPS = 31\nCSAT = 3.9"  # left as typed, to be fixed
    type_stage_metrics(window, qtbot, stage_id, "CSAT = 3.9\nNPS = 31")  # fixed: applied, the word gone
    assert doc.stage(stage_id).metrics == {"CSAT": 3.9, "NPS": 31}
    assert not panel.stage_metrics_error.isVisibleTo(panel)
