"""The main window and the Properties panel: templates, open, save, recent files, prompts, errors."""

from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import sys
import types
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

import model
from app import main_window as mw
from app.main_window import MainWindow
from app.properties import PropertiesPanel, format_metrics
from model.templates import template_path

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"

Errors = list[tuple[str, str]]


@pytest.fixture
def errors() -> Errors:
    """The (title, text) of every error the windows of a test showed."""
    return []


@pytest.fixture
def make_window(qtbot, errors: Errors, monkeypatch: pytest.MonkeyPatch) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    """Build windows whose modal dialogs never open: errors are recorded, changes discarded."""

    def make(*args: object, **kwargs: object) -> MainWindow:
        monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: errors.append((title, text)))
        window = MainWindow(*args, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]

        def failed_save(message: str) -> bool:  # recorded as an error; Save As elsewhere not chosen
            errors.append(("Could not save", message))
            return False

        window.ask_save_elsewhere = failed_save  # type: ignore[method-assign]
        window.ask_save_path = _refuse  # type: ignore[method-assign]
        window.ask_open_path = _refuse  # type: ignore[method-assign]
        return window

    return make


def _refuse(*_args: object) -> None:
    raise AssertionError("a file dialog was opened that the test did not expect")


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    """A window with a fresh, untitled blueprint."""
    return make_window()


@pytest.fixture
def opened(make_window: Callable[..., MainWindow], tmp_path: Path) -> MainWindow:
    """A window showing a copy of the coffee-shop example."""
    path = tmp_path / "coffee.touchline"
    shutil.copyfile(BLUEPRINT, path)
    window = make_window()
    assert window.open_path(path)
    return window


def select_card(window: MainWindow, card_id: str) -> PropertiesPanel:
    """Select exactly one card on the canvas and return the panel."""
    scene = window.editor.scene
    scene.clearSelection()
    scene.select_cell(None)
    scene.card_item(card_id).setSelected(True)
    assert window.editor.selected_cards() == [card_id]
    assert window.properties.shown() == ("card", card_id)
    return window.properties


def select_nothing(window: MainWindow) -> None:
    """Clear the selection and the current cell."""
    window.editor.scene.clearSelection()
    window.editor.scene.select_cell(None)


def first_card(window: MainWindow, **where: object) -> str:
    """The first card whose fields equal ``where``."""
    for card in window.editor.document.cards():
        if all(getattr(card, key) == value for key, value in where.items()):
            return card.id
    raise LookupError(where)


def make_edit(window: MainWindow) -> None:
    """One undoable edit: mark a card as a fail point, or retitle an empty board."""
    if window.editor.document.card_count():
        panel = select_card(window, first_card(window, fail=False))
        panel.card_fail.setChecked(True)
    else:
        select_nothing(window)
        panel = window.properties
        panel.board_title.setText(window.editor.document.title + " (edited)")
        panel.board_title.editingFinished.emit()
    assert window.editor.undo_stack.count() == 1


# ---------------------------------------------------------------------- templates and opening
@pytest.mark.parametrize("kind", ["blueprint", "journey"])
def test_new_from_template_gives_the_templates_lanes_and_stages(window: MainWindow, kind: str) -> None:
    old_editor = window.editor
    assert window.new_from_template(kind)
    assert window.editor is not old_editor
    assert window.centralWidget() is window.editor
    expected = model.load(template_path(kind))
    doc = window.editor.document
    assert [(lane.name, lane.kind) for lane in doc.lanes] == [(lane.name, lane.kind) for lane in expected.lanes]
    assert [stage.name for stage in doc.stages] == [stage.name for stage in expected.stages]
    kinds = {lane.kind for lane in doc.lanes}
    assert ("frontstage" in kinds) == (kind == "blueprint")
    assert ("emotion" in kinds) == (kind == "journey")
    assert window.path is None  # untitled until saved
    assert not window.isWindowModified()
    assert window.windowTitle() == f"{expected.title}[*] — Touchline"


def test_new_untitled_save_asks_for_a_path_and_adds_the_suffix(window: MainWindow, tmp_path: Path) -> None:
    window.new_from_template("journey")
    window.ask_save_path = lambda: str(tmp_path / "my journey")  # type: ignore[method-assign]
    assert window.save()
    assert window.path == tmp_path / "my journey.touchline"
    # Still titled as the template made it, the board takes the name it is saved under (its heading,
    # the window and the exports said "Untitled journey map"), as part of the save: no undo step.
    assert model.load(window.path).title == window.editor.document.title == "my journey"
    assert window.windowTitle() == "my journey[*] — Touchline" and not window.isWindowModified()
    assert window.editor.undo_stack.count() == 0
    # Not saved (the folder is gone, or the overwrite not confirmed): the board keeps its title, no step left.
    window.new_from_template("journey")
    count = window.editor.undo_stack.count()
    assert not window.save_as(tmp_path / "no such folder" / "dentist")
    assert window.editor.document.title == "Untitled journey map" and window.editor.undo_stack.count() == count
    window.safekeep_may_overwrite = lambda _target: False  # type: ignore[method-assign]
    assert not window.save_as(tmp_path / "dentist")
    assert window.editor.document.title == "Untitled journey map"
    del window.safekeep_may_overwrite
    # A title of the user's own stays, whatever the file is called.
    window.editor.document.set_title("Dentist visit")
    window.ask_save_path = lambda: str(tmp_path / "draft 2")  # type: ignore[method-assign]
    assert window.save_as()
    assert model.load(tmp_path / "draft 2.touchline").title == "Dentist visit"


def test_the_first_undo_after_saving_an_untitled_board_takes_back_the_users_own_edit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A card typed on a new journey map, Ctrl+S as "Bank onboarding", Ctrl+Z: the title went back to "Untitled
    journey map" (a rename the user never made, pushed by the save), the board was marked changed and the card
    stayed. The title taken from the file name is part of the save: Ctrl+Z takes back the card, and redone to
    the save the board is the file again, unchanged."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.ask_save_path = lambda: str(tmp_path / "Bank onboarding")  # type: ignore[method-assign]
    _active(window, qtbot)
    QTest.keySequence(window, window.new_actions["journey"].shortcut())
    doc = window.editor.document
    window.editor.scene.nav.set_focus(("cell", (doc.stages[0].id, doc.lanes[0].id)))
    view = QApplication.focusWidget()
    assert view is window.editor.view
    QTest.keyClicks(view, "Instagram ad")
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.keySequence(view, QKeySequence(QKeySequence.StandardKey.Save))
    saved = tmp_path / "Bank onboarding.touchline"
    assert window.path == saved and doc.title == model.load(saved).title == "Bank onboarding"
    assert not window.isWindowModified() and window.editor.undo_stack.undoText() == "Add card"
    QTest.keySequence(view, QKeySequence(QKeySequence.StandardKey.Undo))
    assert doc.card_count() == 0 and doc.title == "Bank onboarding"
    assert window.isWindowModified() and window.windowTitle() == "Bank onboarding[*] — Touchline"
    QTest.keySequence(view, QKeySequence(QKeySequence.StandardKey.Redo))
    assert [c.text for c in doc.cards()] == ["Instagram ad"] and not window.isWindowModified()
    assert model.dumps(doc) == saved.read_text(encoding="utf-8")  # at the save point: the file, to the byte


def test_save_as_keeps_what_can_be_redone(window: MainWindow, tmp_path: Path) -> None:
    """The title taken from the file name was pushed as an undo step, which dropped the steps to redo: a card
    taken back before Save As could not be brought back, and the next Ctrl+Z read "Rename board"."""
    from canvas import commands as cmd

    window.new_from_template("journey")
    doc, stack = window.editor.document, window.editor.undo_stack
    for n in (1, 2):
        stack.push(cmd.AddCard(doc, model.Card(f"c-kiosk{n}", doc.lanes[0].id, doc.stages[0].id, f"Card {n}"), None))
    stack.undo()
    assert window.save_as(tmp_path / "Kiosk")
    assert doc.title == model.load(tmp_path / "Kiosk.touchline").title == "Kiosk" and not window.isWindowModified()
    assert stack.canRedo() and stack.undoText() == stack.redoText() == "Add card"
    stack.redo()
    assert doc.has_card("c-kiosk2") and doc.title == "Kiosk"


def test_open_example_shows_its_title(make_window: Callable[..., MainWindow], errors: Errors) -> None:
    window = make_window()
    assert window.open_path(BLUEPRINT)
    title = model.load(BLUEPRINT).title
    assert window.windowTitle() == f"{title}[*] — Touchline"
    assert window.path == BLUEPRINT
    assert not window.isWindowModified()
    assert errors == []


def test_window_title_falls_back_to_file_name_and_follows_the_board_title(opened: MainWindow) -> None:
    select_nothing(opened)
    panel = opened.properties
    assert panel.shown() == ("board", None)
    panel.board_title.setText("")
    panel.board_title.editingFinished.emit()
    assert opened.windowTitle() == "coffee.touchline[*] — Touchline"
    panel.board_title.setText("Night shift")
    panel.board_title.editingFinished.emit()
    assert opened.windowTitle() == "Night shift[*] — Touchline"
    assert opened.editor.undo_stack.count() == 2


def test_document_given_to_constructor(make_window: Callable[..., MainWindow]) -> None:
    doc = model.load(JOURNEY)
    window = make_window(doc, JOURNEY)
    assert window.editor.document is doc
    assert window.path == JOURNEY


def test_path_given_to_constructor_is_opened(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(path=str(JOURNEY))
    assert window.editor.document.title == model.load(JOURNEY).title


def test_menus_hold_the_editors_actions(window: MainWindow) -> None:
    names = ("undo", "redo", "delete", "select_all", "add_card", "edit_text", "add_stage", "add_lane",
             "delete_stage", "delete_lane")
    in_edit = set(window.edit_menu.actions())
    assert all(getattr(window.editor.edit_actions, name) in in_edit for name in names)
    window.new_from_template("journey")  # a new editor: the menus follow it
    in_edit = set(window.edit_menu.actions())
    assert all(getattr(window.editor.edit_actions, name) in in_edit for name in names)
    in_view = set(window.view_menu.actions())
    for name in ("zoom_in", "zoom_out", "zoom_fit", "zoom_actual"):
        assert getattr(window.editor.edit_actions, name) in in_view
    assert window.properties_dock.toggleViewAction() in in_view
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.save_as_action.shortcut().toString() == "Ctrl+Shift+S"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_properties_dock_can_be_hidden_and_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitExposed(window):  # waitExposed() waits only as a context manager
        window.show()
    toggle = window.properties_dock.toggleViewAction()
    assert window.properties_dock.isVisible()
    toggle.trigger()
    assert not window.properties_dock.isVisible()
    toggle.trigger()
    assert window.properties_dock.isVisible()
    assert window.dockWidgetArea(window.properties_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_panel_tabbed_behind_another_is_brought_forward_by_its_view_menu_entry(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """View › Properties Panel closed the panel when it sat behind the Checks tab (Qt counts it shown)."""
    with qtbot.waitExposed(window):
        window.show()
    props, checks = window.properties_dock, window.checks_dock
    checks.raise_()
    qtbot.waitUntil(lambda: props.visibleRegion().isEmpty())
    toggle = props.toggleViewAction()
    toggle.trigger()
    qtbot.waitUntil(lambda: not props.visibleRegion().isEmpty())
    assert not props.isHidden() and toggle.isChecked() and checks.visibleRegion().isEmpty()
    toggle.trigger()  # in front: the entry closes it
    assert props.isHidden() and not toggle.isChecked()
    toggle.trigger()
    qtbot.waitUntil(lambda: not props.visibleRegion().isEmpty())
    assert toggle.isChecked()


def test_the_panel_entries_keep_working_after_a_new_board(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """After Ctrl+Shift+N every View › … Panel entry raised "already deleted" (the menu's refill dropped the
    action the entry held) and its tick said the opposite of the screen from then on."""
    with qtbot.waitExposed(window):
        window.show()
    old = window.editor
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.editor.view, Qt.Key.Key_N, ctrl_shift)
    qtbot.waitUntil(lambda: window.editor is not old)
    personas = window.personas_dock
    qtbot.waitUntil(lambda: personas.visibleRegion().isEmpty())  # tabbed behind Properties
    toggle = personas.toggleViewAction()
    toggle.trigger()  # an exception in the entry's slot fails the test (pytest-qt)
    qtbot.waitUntil(lambda: not personas.visibleRegion().isEmpty())
    assert toggle.isChecked()
    toggle.trigger()
    assert personas.isHidden() and not toggle.isChecked()


def test_a_new_board_from_the_start_screen_opens_with_the_properties_panel_in_front(qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a first run the start screen's New journey map left the Checks tab in front of Properties."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_welcome()
    with qtbot.waitExposed(window):
        window.show()
    page = window.welcome_page()
    assert page is not None and window.properties_dock.isHidden()
    page.new_journey_button.click()
    qtbot.waitUntil(lambda: not window.properties_dock.visibleRegion().isEmpty())
    assert window.checks_dock.visibleRegion().isEmpty() and not window.checks_dock.isHidden()


def test_typing_on_a_new_board_starts_its_first_card(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Start screen › Tab, Enter on New journey map, then "Sees ad": no card was added, nothing on the board had
    the focus and each key said "Choose a cell first". The new board's first cell now has the focus and the
    typing is its first card; so for a new blueprint (Ctrl+N)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.show_welcome()
    _active(window, qtbot)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # from New service blueprint to New journey map
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.welcome_page() is None)
    for name, press in (("journey", None), ("blueprint", QKeySequence(QKeySequence.StandardKey.New))):
        if press is not None:
            QTest.keySequence(window, press)
        doc = window.editor.document
        assert doc.card_count() == 0 and window.editor.undo_stack.count() == 0, name
        first_cell = (doc.stages[0].id, doc.lanes[0].id)
        assert window.editor.scene.nav.focus == ("cell", first_cell) and window.editor.scene.nav.ring.isVisible()
        QTest.keyClicks(QApplication.focusWidget(), "Sees ad")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # ends the run, keeping the card
        assert [(c.text, c.stage, c.lane) for c in doc.cards()] == [("Sees ad", *first_cell)], name
        assert not window.statusBar().currentMessage().startswith("Choose a cell first")


def test_with_no_recent_files_the_start_screen_says_so_under_its_heading(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With no recent files, "Files you open or save appear here." floated ~380 px below its "Recent files"
    heading (the two labels shared the column's height, each drawn centred in its half). It sits just under
    the heading, and with recent files their list still takes the column."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    page = window.show_welcome()
    with qtbot.waitExposed(window):
        window.show()
    heading = next(label for label in page.findChildren(QLabel) if label.text() == "Recent files")
    assert page.no_recent.isVisible() and not page.recent.isVisible()

    def inked_rows() -> list[int]:
        """The rows of the start screen's right column where text is drawn, top to bottom."""
        picture = page.grab().toImage()
        back = picture.pixelColor(heading.x() + heading.width() - 2, page.height() - 3)
        columns = range(heading.x(), heading.x() + min(heading.width(), 400), 4)
        return [y for y in range(picture.height())
                if any(abs(picture.pixelColor(x, y).lightness() - back.lightness()) > 80 for x in columns)]

    rows = inked_rows()
    gaps = [(above, below) for above, below in pairwise(rows) if below - above > 1]
    assert len(gaps) == 1, gaps  # two lines of text: the heading, then the words
    heading_bottom, words_top = gaps[0]
    assert rows[0] - page.layout().contentsMargins().top() <= 12, "the heading at the top of its column"
    assert words_top - heading_bottom <= 24, (heading_bottom, words_top)
    saved = tmp_path / "board.touchline"
    shutil.copyfile(BLUEPRINT, saved)
    mw.add_recent_file(saved)
    page.refresh()
    qtbot.waitUntil(page.recent.isVisible)
    assert not page.no_recent.isVisible()
    assert page.recent.geometry().bottom() >= page.height() - page.layout().contentsMargins().bottom() - 2


def test_the_start_screen_turns_off_what_would_act_on_the_board_behind_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Edit › Add stage, Paste, Select All, File › Save and Export acted on the blueprint hidden behind the start
    screen: New then asked to save changes to a board nobody saw. Help › Start Screen dropped the change mark
    while unsaved work sat behind it."""
    from canvas import commands as cmd

    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    page = window.show_welcome()
    with qtbot.waitExposed(window):
        window.show()
    edit = window.editor.edit_actions
    board = [edit.add_stage, edit.add_lane, edit.add_card, edit.paste, edit.select_all, edit.zoom_fit, edit.undo,
             window.save_action, window.save_as_action, window.copy_image_action, window.export_actions["pdf"],
             window.workshop.present_action]
    assert not any(action.isEnabled() for action in board)
    assert window.preferences_action.isEnabled() and window.open_action.isEnabled()
    assert not window.properties_dock.toggleViewAction().isEnabled(), "the board's panels stay away"
    edit.add_stage.trigger()  # its shortcut, say: nothing happens to the hidden board
    assert window.editor.undo_stack.count() == 0 and len(window.editor.document.stages) == 4
    page.new_journey_button.click()
    qtbot.waitUntil(lambda: window.welcome_page() is None and window.save_action.isEnabled())
    edit = window.editor.edit_actions
    assert edit.add_stage.isEnabled() and edit.select_all.isEnabled() and window.export_actions["pdf"].isEnabled()
    doc = window.editor.document
    window.editor.push(cmd.AddCard(doc, model.Card("c-unsaved", doc.lanes[0].id, doc.stages[0].id, "Unsaved"), None))
    window.welcome_action.trigger()
    assert window.welcome_page() is not None and window.isWindowModified()
    assert not window.editor.edit_actions.undo.isEnabled()
    window.welcome_page().dismissed.emit()  # Esc: back to the board
    qtbot.waitUntil(lambda: window.editor.edit_actions.undo.isEnabled())
    # Everything on again, also what the selection never turns off (they stayed greyed out for good).
    edit = window.editor.edit_actions
    assert all(action.isEnabled() for action in (edit.add_stage, edit.add_lane, edit.select_all, edit.zoom_fit,
                                                 edit.zoom_in, edit.arrange))
    window.show_welcome()
    window.welcome_page().dismissed.emit()
    qtbot.waitUntil(lambda: window.welcome_page() is None)
    stages = len(doc.stages)
    edit.add_stage.trigger()
    assert len(doc.stages) == stages + 1


def test_the_start_screen_fits_a_large_desktop_font(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Its sizes were fixed pixels: with a 20 pt font the second example was cut mid-line behind a scroll bar, the
    titles ended in "…" at 10 pt with the window's right empty, and the hidden board's zoom showed in its corner."""
    from PySide6.QtGui import QFont

    app = QApplication.instance()
    normal = app.font()  # type: ignore[union-attr]
    try:
        big = QFont(normal)
        big.setPointSizeF(20)
        app.setFont(big)  # type: ignore[union-attr]
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        page = window.show_welcome()
        with qtbot.waitExposed(window):
            window.show()
        examples = page.examples
        assert examples.count() >= 2
        rows = [examples.visualItemRect(examples.item(i)) for i in range(examples.count())]
        assert all(examples.viewport().rect().contains(row.adjusted(0, 0, -row.width() + 1, 0)) for row in rows)
        assert not examples.verticalScrollBar().isVisible()
        assert window.zoom_label.isHidden()
        page.new_journey_button.click()
        qtbot.waitUntil(lambda: window.welcome_page() is None and not window.zoom_label.isHidden())
    finally:
        app.setFont(normal)  # type: ignore[union-attr]


# ---------------------------------------------------------------------- properties panel
def test_panel_edit_is_one_undo_step_and_undo_restores(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    card_id = first_card(opened, wait=None)
    panel = select_card(opened, card_id)
    stack = opened.editor.undo_stack
    qtbot.keyClicks(panel.card_wait, "5 min")
    qtbot.keyClick(panel.card_wait, Qt.Key.Key_Return)
    assert stack.count() == 1
    assert opened.editor.document.card(card_id).wait == "5 min"
    panel.card_wait.editingFinished.emit()  # a second "finished" with nothing new: no step
    assert stack.count() == 1
    stack.undo()
    assert opened.editor.document.card(card_id).wait is None
    assert panel.card_wait.text() == ""  # the panel follows undo
    stack.redo()
    assert panel.card_wait.text() == "5 min"


def test_card_text_commits_once_on_ctrl_enter(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    card_id = first_card(opened)
    before = opened.editor.document.card(card_id).text
    panel = select_card(opened, card_id)
    panel.card_text.selectAll()
    qtbot.keyClicks(panel.card_text, "Two")
    qtbot.keyClick(panel.card_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(panel.card_text, "lines")
    assert opened.editor.undo_stack.count() == 0  # typing alone changes nothing
    qtbot.keyClick(panel.card_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert opened.editor.undo_stack.count() == 1
    assert opened.editor.document.card(card_id).text == "Two\nlines"
    opened.editor.undo_stack.undo()
    assert opened.editor.document.card(card_id).text == before
    assert panel.card_text.toPlainText() == before


def test_a_german_board_offers_its_channels_in_german_each_with_its_icon(opened: MainWindow) -> None:
    """Properties › Channel offered "phone", "store" and "email" on a board written in German, and wrote them onto
    its cards; "Telefon" typed there got the generic icon. A German board lists the channels as it writes them,
    each drawn with its channel's icon; back in English the list is English again."""
    from model.channel_icons import CHANNEL_ICONS, GENERIC_ICON, channel_icon

    card_id = first_card(opened, channel=None)
    doc = opened.editor.document
    doc.set_language("de")
    panel = select_card(opened, card_id)
    offered = [panel.card_channel.itemText(i) for i in range(panel.card_channel.count())][1:]
    assert offered == ["Web", "App", "E-Mail", "Telefon", "Chat", "Filiale", "Post", "Soziale Medien", "Persönlich"]
    assert [channel_icon(name) for name in offered] == list(CHANNEL_ICONS.values())  # none generic
    panel.card_channel.setCurrentIndex(panel.card_channel.findText("Telefon"))
    panel.card_channel.activated.emit(panel.card_channel.currentIndex())
    assert doc.card(card_id).channel == "Telefon" and channel_icon("Telefon") == "phone" != GENERIC_ICON
    doc.set_language("en")
    panel = select_card(opened, first_card(opened, channel=None))
    assert panel.card_channel.findText("phone") > 0 and panel.card_channel.findText("Telefon") < 0


def test_every_card_field_maps_to_its_value(opened: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    card_id = first_card(opened, channel=None, score=None, tags=None, notes=None, color=None)
    panel = select_card(opened, card_id)
    doc, stack = opened.editor.document, opened.editor.undo_stack

    def card() -> model.Card:
        return doc.card(card_id)

    panel.card_score.setCurrentIndex(1)
    assert card().score == -2
    panel.card_score.setCurrentIndex(panel.card_score.count() - 1)
    assert card().score == 2
    panel.card_score.setCurrentIndex(0)
    assert card().score is None

    panel.card_channel.setCurrentIndex(panel.card_channel.findText("email"))
    panel.card_channel.activated.emit(panel.card_channel.currentIndex())
    assert card().channel == "email"
    panel.card_channel.setEditText("  carrier pigeon ")
    panel.card_channel.lineEdit().editingFinished.emit()
    assert card().channel == "carrier pigeon"
    panel.card_channel.setEditText("")
    panel.card_channel.lineEdit().editingFinished.emit()
    assert card().channel is None

    panel.card_tags.setText(" vip, ,late ,")
    panel.card_tags.editingFinished.emit()
    assert card().tags == ["vip", "late"]
    panel.card_tags.setText(" , ")
    panel.card_tags.editingFinished.emit()
    assert card().tags is None

    panel.card_notes.setPlainText("Ask the barista")
    panel.card_notes.committed.emit()
    assert card().notes == "Ask the barista"
    panel.card_notes.setPlainText("  \n")
    panel.card_notes.committed.emit()
    assert card().notes is None

    monkeypatch.setattr(panel, "ask_color", lambda initial: QColor("#ABCDEF"))
    panel.card_color.click()
    assert card().color == "#abcdef"
    assert panel.card_color.text() == "#abcdef"
    assert panel.card_color_default.isEnabled()
    monkeypatch.setattr(panel, "ask_color", lambda initial: None)  # cancelled: nothing happens
    count = stack.count()
    panel.card_color.click()
    assert stack.count() == count
    panel.card_color_default.click()
    assert card().color is None
    assert not panel.card_color_default.isEnabled()

    panel.card_fail.setChecked(not card().fail)
    panel.card_wait.setText("   ")
    panel.card_wait.editingFinished.emit()  # empty stays None: no step
    assert card().wait is None
    assert stack.count() == 13

    while stack.canUndo():
        stack.undo()
    assert model.dumps(doc) == BLUEPRINT.read_text(encoding="utf-8")


def test_unchanged_values_push_nothing(opened: MainWindow) -> None:
    card_id = first_card(opened, channel="app")
    panel = select_card(opened, card_id)
    panel.card_channel.activated.emit(panel.card_channel.currentIndex())
    panel.card_text.committed.emit()
    panel.card_notes.committed.emit()
    panel.card_tags.editingFinished.emit()
    panel.card_wait.editingFinished.emit()
    panel.card_channel.lineEdit().editingFinished.emit()
    panel.card_score.setCurrentIndex(panel.card_score.currentIndex())
    assert opened.editor.undo_stack.count() == 0


def test_switching_cards_commits_pending_text_to_the_first(opened: MainWindow) -> None:
    first = first_card(opened)
    second = next(c.id for c in opened.editor.document.cards() if c.id != first)
    panel = select_card(opened, first)
    panel.card_text.setPlainText("typed, not committed")
    panel.card_text.document().setModified(True)
    select_card(opened, second)
    doc = opened.editor.document
    assert doc.card(first).text == "typed, not committed"
    assert doc.card(second).text != "typed, not committed"
    assert panel.card_text.toPlainText() == doc.card(second).text


def test_save_commits_text_still_being_typed(opened: MainWindow) -> None:
    card_id = first_card(opened)
    panel = select_card(opened, card_id)
    panel.card_text.setPlainText("saved while typing")
    panel.card_text.document().setModified(True)
    assert opened.save()
    assert model.load(opened.path).card(card_id).text == "saved while typing"
    assert not opened.isWindowModified()


def test_focus_out_commits_and_ctrl_s_saves_text_being_typed(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)  # waitActive() waits only as a context manager
    card_id = first_card(opened)
    panel = select_card(opened, card_id)
    panel.card_text.setFocus()
    qtbot.waitUntil(panel.card_text.hasFocus)
    panel.card_text.selectAll()
    qtbot.keyClicks(panel.card_text, "Focus out")
    panel.card_wait.setFocus()  # leaving the text box commits it
    qtbot.waitUntil(panel.card_wait.hasFocus)
    assert opened.editor.document.card(card_id).text == "Focus out"
    assert opened.editor.undo_stack.count() == 1
    qtbot.keyClicks(panel.card_wait, "3 min")
    qtbot.keyClick(panel.card_wait, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # File > Save
    assert opened.path is not None
    saved = model.load(opened.path).card(card_id)
    assert (saved.text, saved.wait) == ("Focus out", "3 min")
    assert not opened.isWindowModified()


def test_panel_shows_a_hint_for_several_cards(opened: MainWindow) -> None:
    ids = [card.id for card in opened.editor.document.cards()][:2]
    for card_id in ids:
        opened.editor.scene.card_item(card_id).setSelected(True)
    panel = opened.properties
    assert panel.shown() == ("multi", None)
    assert panel.hint.isVisibleTo(panel)
    assert "Select" in panel.hint.text()
    assert not panel.card_section.isVisibleTo(panel)


def test_panel_edits_a_link(opened: MainWindow) -> None:
    doc = opened.editor.document
    link = next(doc.links())
    select_nothing(opened)
    opened.editor.scene.link_item(link.id).setSelected(True)
    panel = opened.properties
    assert panel.shown() == ("link", link.id)
    panel.link_label.setText("then")
    panel.link_label.editingFinished.emit()
    panel.link_kind.setCurrentIndex(panel.link_kind.findData("twoway"))
    assert (doc.link(link.id).label, doc.link(link.id).kind) == ("then", "twoway")
    opened.editor.undo_stack.undo()
    assert panel.link_kind.currentData() == link.kind
    opened.editor.undo_stack.undo()
    assert doc.link(link.id).label is None
    assert panel.link_label.text() == ""


def test_panel_edits_the_current_lane(opened: MainWindow) -> None:
    doc = opened.editor.document
    lane = doc.lanes[2]
    select_nothing(opened)
    opened.editor.scene.header_item("lane", lane.id).setSelected(True)
    panel = opened.properties
    assert panel.shown() == ("lane", lane.id)
    assert panel.lane_section.isVisibleTo(panel)
    assert panel.lane_name.text() == lane.name
    panel.lane_name.setText("Baristas")
    panel.lane_name.editingFinished.emit()
    panel.lane_kind.setCurrentIndex(panel.lane_kind.findData("note"))
    assert (doc.lane(lane.id).name, doc.lane(lane.id).kind) == ("Baristas", "note")
    assert panel.lane_kind.currentText() == "Notes"
    panel.lane_name.setText("  ")
    panel.lane_name.editingFinished.emit()  # a lane keeps a name
    assert panel.lane_name.text() == "Baristas"
    assert opened.editor.undo_stack.count() == 2
    opened.editor.undo_stack.undo()
    opened.editor.undo_stack.undo()
    assert panel.lane_name.text() == lane.name == "Frontstage"


def test_panel_edits_lane_and_stage_of_the_current_cell(opened: MainWindow) -> None:
    doc = opened.editor.document
    stage, lane = doc.stages[1], doc.lanes[0]
    select_nothing(opened)
    opened.editor.scene.select_cell((stage.id, lane.id))
    panel = opened.properties
    assert panel.shown() == ("lane", lane.id)
    assert panel.lane_section.isVisibleTo(panel) and panel.stage_section.isVisibleTo(panel)
    assert panel.stage_name.text() == stage.name
    panel.stage_name.setText("Queue")
    panel.stage_name.editingFinished.emit()
    assert doc.stage(stage.id).name == "Queue"
    opened.editor.undo_stack.undo()
    assert panel.stage_name.text() == stage.name


def test_panel_edits_a_selected_stage_header(opened: MainWindow) -> None:
    doc = opened.editor.document
    stage = doc.stages[0]
    select_nothing(opened)
    opened.editor.scene.header_item("stage", stage.id).setSelected(True)
    panel = opened.properties
    assert panel.shown() == ("stage", stage.id)
    assert panel.stage_section.isVisibleTo(panel) and not panel.lane_section.isVisibleTo(panel)


def test_panel_edits_the_board_when_nothing_is_selected(opened: MainWindow) -> None:
    select_nothing(opened)
    panel = opened.properties
    assert panel.shown() == ("board", None)
    assert panel.hint.isVisibleTo(panel)
    panel.board_description.setPlainText("Morning rush")
    panel.board_description.committed.emit()
    assert opened.editor.document.description == "Morning rush"
    opened.editor.undo_stack.undo()
    assert panel.board_description.toPlainText() == (opened.editor.document.description or "")


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    panel = window.properties
    controls = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton) for w in panel.findChildren(kind)]
    assert controls
    unnamed = [w for w in controls if not w.accessibleName() and not isinstance(w.parent(), QLineEdit)]
    assert unnamed == []


def test_score_labels_spell_the_score_as_the_card_chip_does(opened: MainWindow) -> None:
    from dataclasses import replace

    from model.cardshape import measure_card

    labels = [opened.properties.card_score.itemText(i) for i in range(opened.properties.card_score.count())]
    assert labels == ["—", "\u20132 Very negative", "\u20131 Negative", "\u00b10 Neutral", "+1 Positive",
                      "+2 Very positive"]
    doc = opened.editor.document
    card = doc.card(first_card(opened))
    for index in range(1, len(labels)):  # the card draws the very same text in its chip
        scored = replace(card, score=opened.properties.card_score.itemData(index))
        texts = [getattr(prim, "text", None) for prim in measure_card(scored, doc.lane(card.lane).kind).primitives]
        assert labels[index] in texts


def _active(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_arrow_keys_through_a_kind_are_one_undo_step(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _active(opened, qtbot)
    doc, stack = opened.editor.document, opened.editor.undo_stack
    lane = doc.lanes[1]
    original = lane.kind
    select_nothing(opened)
    opened.editor.scene.header_item("lane", lane.id).setSelected(True)
    assert opened.properties.shown() == ("lane", lane.id)
    combo = opened.properties.lane_kind
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    start = combo.currentIndex()
    for _ in range(3):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == start + 3
    assert doc.lane(lane.id).kind == combo.currentData() != original
    assert stack.count() == 1
    stack.undo()
    assert doc.lane(lane.id).kind == original
    assert combo.currentData() == original
    stack.redo()
    for _ in range(3):  # back where it started: no step left at all
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert doc.lane(lane.id).kind == original
    assert stack.count() == 0 and not opened.isWindowModified()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert stack.count() == 1
    opened.properties.lane_name.setFocus()  # another visit is another step
    qtbot.waitUntil(opened.properties.lane_name.hasFocus)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert stack.count() == 2
    combo.setCurrentIndex(combo.findData(original))  # a choice set from outside (e.g. a screen reader) is a step
    assert stack.count() == 3 and doc.lane(lane.id).kind == original


def test_arrow_keys_through_the_score_are_one_undo_step(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _active(opened, qtbot)
    card_id = first_card(opened, score=None)
    panel = select_card(opened, card_id)
    panel.card_score.setFocus()
    qtbot.waitUntil(panel.card_score.hasFocus)
    for _ in range(4):
        qtbot.keyClick(panel.card_score, Qt.Key.Key_Down)
    assert opened.editor.document.card(card_id).score == 1
    assert opened.editor.undo_stack.count() == 1
    opened.editor.undo_stack.undo()
    assert opened.editor.document.card(card_id).score is None


def test_the_hint_shows_only_for_the_board_or_several_items(opened: MainWindow) -> None:
    panel, doc, scene = opened.properties, opened.editor.document, opened.editor.scene
    select_nothing(opened)
    scene.header_item("lane", doc.lanes[0].id).setSelected(True)
    assert panel.shown()[0] == "lane"
    assert not panel.hint.isVisibleTo(panel)
    select_nothing(opened)
    scene.select_cell((doc.stages[0].id, doc.lanes[0].id))
    assert panel.shown()[0] == "lane"
    assert not panel.hint.isVisibleTo(panel)
    select_card(opened, first_card(opened))
    assert not panel.hint.isVisibleTo(panel)
    select_nothing(opened)
    assert panel.shown() == ("board", None)
    assert panel.hint.isVisibleTo(panel) and panel.hint.text().startswith("Select")


def test_the_colour_swatch_is_drawn_at_its_size_with_a_border(opened: MainWindow) -> None:
    from app.properties import SWATCH_BORDER

    panel = select_card(opened, first_card(opened, color=None))
    button = panel.card_color
    size = button.iconSize()
    assert size.width() >= 24 and size.height() >= 14
    image = button.icon().pixmap(size).toImage()
    assert (image.width(), image.height()) == (size.width(), size.height())  # drawn, not scaled down
    assert image.pixelColor(size.width() // 2, 0).name() == SWATCH_BORDER.lower()
    assert image.pixelColor(0, size.height() // 2).name() == SWATCH_BORDER.lower()


def test_every_menu_commits_the_text_being_typed(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _active(opened, qtbot)
    ed, panel = opened.editor, opened.properties
    menus = [action.menu() for action in opened.menuBar().actions()]
    assert len(menus) == 4  # File, Edit, View, Help
    for number, menu in enumerate(menus, start=1):
        card_id = first_card(opened)
        select_card(opened, card_id)
        ed.view.setFocus()
        qtbot.keyClick(ed.view.viewport(), Qt.Key.Key_F2)
        qtbot.keyClicks(ed.view.viewport(), f"typed {number}")
        menu.aboutToShow.emit()
        assert ed.document.card(card_id).text == f"typed {number}"
        panel.card_wait.setText(f"{number} min")
        panel.card_wait.setModified(True)
        menu.aboutToShow.emit()
        assert ed.document.card(card_id).wait == f"{number} min"
    assert opened.isWindowModified()


def test_the_board_has_the_focus_after_new_and_open(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _active(opened, qtbot)
    select_nothing(opened)
    opened.properties.board_title.setFocus()
    qtbot.waitUntil(opened.properties.board_title.hasFocus)
    assert opened.new_from_template("journey")
    assert QApplication.focusWidget() is opened.editor.view
    assert opened.properties.board_title.cursorPosition() == 0
    assert opened.open_path(BLUEPRINT)
    assert QApplication.focusWidget() is opened.editor.view
    assert opened.properties.shown() == ("board", None)
    assert opened.properties.board_title.cursorPosition() == 0


# ---------------------------------------------------------------------- modified mark and saving
def test_modified_mark_follows_undo_redo_and_save(opened: MainWindow) -> None:
    stack = opened.editor.undo_stack
    assert not opened.isWindowModified()
    make_edit(opened)
    assert opened.isWindowModified()
    stack.undo()
    assert not opened.isWindowModified()
    stack.redo()
    assert opened.isWindowModified()
    assert opened.save()
    assert not opened.isWindowModified()
    stack.undo()
    assert opened.isWindowModified()  # undoing past the save is a change too
    stack.redo()
    assert not opened.isWindowModified()


def test_save_and_reopen_is_byte_identical(opened: MainWindow, make_window: Callable[..., MainWindow],
                                            tmp_path: Path) -> None:
    make_edit(opened)
    first = tmp_path / "first.touchline"
    assert opened.save_as(first)
    again = make_window()
    assert again.open_path(first)
    second = tmp_path / "second.touchline"
    assert again.save_as(second)
    assert first.read_bytes() == second.read_bytes()
    untouched = make_window()
    assert untouched.open_path(BLUEPRINT)
    assert untouched.save_as(tmp_path / "copy")
    assert (tmp_path / "copy.touchline").read_bytes() == BLUEPRINT.read_bytes()


def test_save_as_to_a_new_path(opened: MainWindow, tmp_path: Path) -> None:
    original = opened.path
    assert original is not None
    make_edit(opened)
    target = tmp_path / "sub"
    target.mkdir()
    opened.ask_save_path = lambda: str(target / "renamed")  # type: ignore[method-assign]
    assert opened.save_as()
    assert opened.path == target / "renamed.touchline"
    assert (target / "renamed.touchline").is_file()
    assert original.read_bytes() == BLUEPRINT.read_bytes()  # the old file is not touched
    assert not opened.isWindowModified()
    assert mw.recent_files()[0] == str(target / "renamed.touchline")
    opened.ask_save_path = lambda: None  # type: ignore[method-assign]
    assert not opened.save_as()  # cancelled dialog


def test_saving_to_a_missing_folder_shows_an_error_and_stays_modified(opened: MainWindow, errors: Errors,
                                                                        tmp_path: Path) -> None:
    make_edit(opened)
    path = opened.path
    assert not opened.save_as(tmp_path / "missing" / "x.touchline")
    assert len(errors) == 1
    title, text = errors[0]
    assert "save" in title.lower() and "could not be saved" in text
    assert "x.touchline" in text and "does not exist" in text
    assert "Traceback" not in text
    assert opened.isWindowModified()
    assert opened.path == path


def test_a_failed_save_offers_save_as_and_it_saves_elsewhere(opened: MainWindow, tmp_path: Path) -> None:
    """A save that failed (a pulled USB stick: "the folder does not exist") said so and left Cancel only, also when
    closing; now it offers Save As, and the board is saved in the place chosen."""
    make_edit(opened)
    gone = opened.path
    assert gone is not None
    shutil.rmtree(gone.parent)
    opened.ask_save_elsewhere = lambda message: "does not exist" in message  # type: ignore[method-assign]
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere.touchline"
    opened.ask_save_path = lambda: str(elsewhere)  # type: ignore[method-assign]
    assert opened.save()
    assert opened.path == elsewhere and not opened.isWindowModified()
    assert model.load(elsewhere).title == opened.editor.document.title


# ---------------------------------------------------------------------- recent files
def test_recent_files_are_updated_and_open_from_the_menu(make_window: Callable[..., MainWindow],
                                                         tmp_path: Path) -> None:
    journey = tmp_path / "journey.touchline"
    shutil.copyfile(JOURNEY, journey)
    gone = tmp_path / "gone.touchline"
    shutil.copyfile(JOURNEY, gone)
    window = make_window()
    assert window.open_path(gone)
    assert window.open_path(journey)
    assert window.open_path(BLUEPRINT)
    assert mw.recent_files()[:3] == [str(BLUEPRINT), str(journey), str(gone)]
    gone.unlink()
    window.update_recent_menu()
    actions = {a.data(): a for a in window.recent_menu.actions() if a.data()}
    assert not actions[str(gone)].isEnabled()  # a missing file is shown disabled
    assert actions[str(journey)].isEnabled()
    actions[str(journey)].trigger()
    assert window.path == journey
    assert window.editor.document.title == model.load(JOURNEY).title
    assert mw.recent_files()[0] == str(journey)

    clear = next(a for a in window.recent_menu.actions() if "Clear" in a.text())
    clear.trigger()
    assert mw.recent_files() == []
    assert [a for a in window.recent_menu.actions() if a.data()] == []


def test_recent_files_keep_the_last_ten(tmp_path: Path) -> None:
    for number in range(12):
        mw.add_recent_file(tmp_path / f"{number}.touchline")
    files = mw.recent_files()
    assert len(files) == 10
    assert files[0] == str(tmp_path / "11.touchline")
    mw.add_recent_file(tmp_path / "5.touchline")
    assert mw.recent_files()[0] == str(tmp_path / "5.touchline")
    assert len(mw.recent_files()) == 10


# ---------------------------------------------------------------------- save changes?
def test_close_cancel_keeps_the_window_open_and_discard_closes(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitExposed(opened):  # waitExposed() waits only as a context manager
        opened.show()
    make_edit(opened)
    asked: list[str] = []

    def answer(choice: str) -> Callable[[], str]:
        def ask() -> str:
            asked.append(choice)
            return choice
        return ask

    opened.ask_save_changes = answer("cancel")  # type: ignore[method-assign]
    assert not opened.close()
    assert opened.isVisible()
    assert asked == ["cancel"]
    opened.ask_save_changes = answer("discard")  # type: ignore[method-assign]
    assert opened.close()
    assert not opened.isVisible()
    assert asked == ["cancel", "discard"]
    assert opened.path is not None
    assert opened.path.read_bytes() == BLUEPRINT.read_bytes()  # discarded, not saved


def test_close_unmodified_does_not_ask(opened: MainWindow) -> None:
    opened.ask_save_changes = _refuse  # type: ignore[method-assign]
    opened.show()
    assert opened.close()


def test_close_save_writes_the_file_and_a_failed_save_keeps_the_window(window: MainWindow, errors: Errors,
                                                                       tmp_path: Path) -> None:
    window.show()
    make_edit(window)
    window.ask_save_changes = lambda: "save"  # type: ignore[method-assign]
    window.ask_save_path = lambda: None  # type: ignore[method-assign]
    assert not window.close()  # the Save As dialog was cancelled
    window.ask_save_path = lambda: str(tmp_path / "nowhere" / "board")  # type: ignore[method-assign]
    assert not window.close()  # the save failed
    assert len(errors) == 1
    assert window.isVisible() and window.isWindowModified()
    window.ask_save_path = lambda: str(tmp_path / "board")  # type: ignore[method-assign]
    assert window.close()
    assert model.load(tmp_path / "board.touchline").title == window.editor.document.title


def test_new_and_open_ask_before_replacing_a_modified_document(opened: MainWindow) -> None:
    make_edit(opened)
    doc = opened.editor.document
    opened.ask_save_changes = lambda: "cancel"  # type: ignore[method-assign]
    assert not opened.new_from_template("journey")
    assert not opened.open_path(JOURNEY)
    assert opened.editor.document is doc
    assert opened.isWindowModified()
    opened.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    assert opened.open_path(JOURNEY)
    assert opened.editor.document is not doc
    assert not opened.isWindowModified()


def test_reopening_the_same_file_after_save_shows_the_saved_content(opened: MainWindow) -> None:
    make_edit(opened)
    assert opened.path is not None
    changed = model.dumps(opened.editor.document)
    opened.ask_save_changes = lambda: "save"  # type: ignore[method-assign]
    assert opened.open_path(opened.path)
    assert model.dumps(opened.editor.document) == changed
    assert not opened.isWindowModified()


def test_open_dialog_path_is_opened(window: MainWindow) -> None:
    window.ask_open_path = lambda: str(JOURNEY)  # type: ignore[method-assign]
    window.open_action.trigger()
    assert window.path == JOURNEY
    window.ask_open_path = lambda: None  # type: ignore[method-assign]
    window.open_action.trigger()
    assert window.path == JOURNEY


REPLACE_AFTER_DELETE = """
import sys
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication([])
from app.main_window import MainWindow
window = MainWindow()
window.open_path(sys.argv[1])
ids = [card.id for card in window.editor.document.cards()][:2]
for card_id in ids:
    window.editor.scene.card_item(card_id).setSelected(True)
window.editor.edit_actions.delete.trigger()  # one compound undo step
assert window.editor.undo_stack.count() == 1
window.ask_save_changes = lambda: "discard"
assert window.new_from_template("journey")
QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old editor and its undo stack go
window.close()
print("clean exit")
"""


def test_replacing_the_editor_after_a_compound_edit_does_not_crash(tmp_path: Path) -> None:
    # In a child process, so that a crash in Qt is a failure here and not the end of the test run.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", REPLACE_AFTER_DELETE, str(BLUEPRINT), str(tmp_path)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "clean exit" in result.stdout


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize("content", [b"{not json", b'{"format": "touchline", "version": 9}', b"\xff\xfe"])
def test_opening_a_broken_file_shows_an_error_and_keeps_the_document(
    opened: MainWindow, errors: Errors, tmp_path: Path, content: bytes
) -> None:
    broken = tmp_path / "broken.touchline"
    broken.write_bytes(content)
    make_edit(opened)
    doc, editor, path = opened.editor.document, opened.editor, opened.path
    assert not opened.open_path(broken)
    assert len(errors) == 1
    title, text = errors[0]
    assert "open" in title.lower()
    assert "broken.touchline" in text
    assert "Traceback" not in text
    assert opened.editor is editor and opened.editor.document is doc
    assert opened.path == path
    assert opened.isWindowModified()
    assert broken.read_bytes() == content


def test_opening_a_missing_file_shows_an_error(window: MainWindow, errors: Errors, tmp_path: Path) -> None:
    assert not window.open_path(tmp_path / "nope.touchline")
    assert len(errors) == 1 and "nope.touchline" in errors[0][1]


# ---------------------------------------------------------------------- export
def test_export_goes_to_the_exporter_and_reports_its_errors(
    opened: MainWindow, errors: Errors, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[model.Document, str]] = []

    def render(document: model.Document, fmt: str, **_options: object) -> types.SimpleNamespace:
        # The window renders in its worker thread and writes the file itself (model.safefile's steps).
        if fmt == "pdf":
            raise OSError("disk full")
        calls.append((getattr(document, "document", document), fmt))  # a picture gets the layout
        return types.SimpleNamespace(data=[b"an ", b"SVG"], warnings=[])

    fake = types.ModuleType("exporters")
    fake.render = render  # type: ignore[attr-defined]
    fake.format_for = lambda path, fmt=None: Path(path).suffix.lstrip(".")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "exporters", fake)
    opened.ask_export_path = lambda fmt: str(tmp_path / "board")  # type: ignore[method-assign]
    opened.export_actions["svg"].trigger()
    assert calls == [(opened.editor.document, "svg")]
    assert (tmp_path / "board.svg").read_text() == "an SVG"
    assert not opened.export_to(tmp_path / "board.pdf")
    assert len(errors) == 1 and "board.pdf" in errors[0][1] and "disk full" in errors[0][1]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".board", "board"))) == ["board.svg"]
    assert not opened.isWindowModified()


@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_export_through_the_real_exporters(opened: MainWindow, errors: Errors, tmp_path: Path, fmt: str) -> None:
    from exporters.pages import PageSpec

    target = tmp_path / f"board.{fmt}"
    opened.ask_export_path = lambda _fmt: str(tmp_path / "board")  # type: ignore[method-assign]
    opened.ask_page_spec = lambda: PageSpec()  # type: ignore[method-assign]
    opened.export_actions[fmt].trigger()
    assert errors == []
    assert target.is_file() and target.stat().st_size > 0


# ---------------------------------------------------------------------- gui
@pytest.mark.parametrize("broken", [False, True])
def test_run_editor_opens_the_file_in_a_window(monkeypatch: pytest.MonkeyPatch, errors: Errors, qtbot,  # type: ignore[no-untyped-def]
                                               tmp_path: Path, broken: bool) -> None:
    from app import gui

    path = BLUEPRINT
    if broken:
        path = tmp_path / "broken.touchline"
        path.write_text("[]", encoding="utf-8")

    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: errors.append((title, text)))
    assert "Noto Sans" in gui.register_fonts()
    seen: list[MainWindow] = []

    def inspect_and_quit() -> None:
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        QApplication.quit()

    font = QApplication.font()
    try:
        QTimer.singleShot(0, inspect_and_quit)
        assert gui.run_editor(str(path)) == 0
        assert QApplication.font().family() == "Noto Sans"
    finally:
        QApplication.setFont(font)
    assert len(seen) == 1
    window = seen[0]
    qtbot.addWidget(window)
    assert window.width() > 0
    assert QApplication.applicationName() == "Touchline"
    if broken:  # the error was shown, then an empty blueprint
        assert len(errors) == 1 and "broken.touchline" in errors[0][1]
        assert window.path is None
        assert window.editor.document.title == model.load(template_path("blueprint")).title
    else:
        assert errors == []
        assert window.path == BLUEPRINT


def test_the_status_bar_exists_before_the_first_paint(make_window: Callable[..., MainWindow]) -> None:
    """The accessible names come after the first paint (they used to make the status bar): the board's
    height must not change after it appears."""
    from PySide6.QtWidgets import QStatusBar

    window = make_window()
    assert window.findChild(QStatusBar) is not None


# ------------------------------------------------------------------ found in review (session 11)
def test_ctrl_s_and_closing_keep_a_persona_being_typed(opened: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A persona's new name typed in the Personas panel, then Ctrl+S: saved (it said "Saved" and kept the
    old name); then, typed again, closing asks first (it closed without a word, the text lost)."""
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    opened.personas_dock.raise_()
    panel = opened.personas
    qtbot.waitUntil(lambda: panel.isVisible() and panel.current_id() is not None)
    persona_id = panel.current_id()
    panel.name.setFocus()
    qtbot.waitUntil(panel.name.hasFocus)
    panel.name.selectAll()
    qtbot.keyClicks(panel.name, "Maya O.")
    qtbot.keyClick(panel.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # File > Save
    assert opened.path is not None
    assert next(p for p in model.load(opened.path).personas if p.id == persona_id).name == "Maya O."
    assert not opened.isWindowModified()
    panel.name.selectAll()
    qtbot.keyClicks(panel.name, "Maya Okafor-Reid")
    asked: list[str] = []
    opened.ask_save_changes = lambda: asked.append("asked") or "cancel"  # type: ignore[method-assign,func-returns-value]
    assert not opened.maybe_save() and asked == ["asked"]
    # Emptied, the name field shows the name the persona keeps.
    panel.name.selectAll()
    qtbot.keyClick(panel.name, Qt.Key.Key_Delete)
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)
    kept = next(p for p in opened.editor.document.personas if p.id == persona_id).name
    assert panel.name.text() == kept == "Maya Okafor-Reid"


def test_saving_or_closing_with_stage_metrics_that_are_not_numbers_asks_first(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A metrics line that is not a number is not applied (the panel says so in red): Ctrl+S said "Saved" and
    closing asked nothing, the line lost. Now both ask: go back (the field has the focus) or go on without."""
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    doc = opened.editor.document
    stage_id = doc.stages[1].id
    opened.editor.scene.header_item("stage", stage_id).setSelected(True)
    panel = opened.properties
    assert panel.shown() == ("stage", stage_id)
    panel.stage_metrics.setFocus()
    qtbot.waitUntil(panel.stage_metrics.hasFocus)
    panel.stage_metrics.selectAll()
    qtbot.keyClicks(panel.stage_metrics, "Drop-off = about 12")
    asked: list[str] = []
    opened.ask_drop_invalid = lambda problem: asked.append(problem) is not None  # type: ignore[method-assign]
    path = opened.path
    assert path is not None
    before = path.read_bytes()
    qtbot.keyClick(panel.stage_metrics, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # File > Save: go back
    assert len(asked) == 1 and "about 12" in asked[0] and "not a number" in asked[0]
    assert path.read_bytes() == before and panel.stage_metrics.hasFocus()
    opened.personas_dock.raise_()  # the Properties panel behind another: going back shows it
    qtbot.waitUntil(lambda: not panel.isVisible() or panel.visibleRegion().isEmpty())
    assert not opened.save() and len(asked) == 2
    qtbot.waitUntil(lambda: panel.isVisible() and not panel.visibleRegion().isEmpty())
    assert not opened.maybe_save() and len(asked) == 3  # closing asks too, and goes back
    opened.ask_drop_invalid = lambda problem: True  # type: ignore[method-assign]
    assert opened.save() and model.load(path).stage(stage_id).metrics == doc.stage(stage_id).metrics
    assert opened.maybe_save()


def test_the_properties_panels_letter_shortcuts_leave_the_menus_theirs(opened: MainWindow) -> None:
    """Alt+H opened the card's Channel field, not the Help menu; Alt+E a stage's Metrics, not Edit."""
    menus = {QKeySequence.mnemonic(action.text()).toString().upper()
             for action in opened.menuBar().actions() if action.text()}
    assert {"ALT+F", "ALT+E", "ALT+V", "ALT+H"} <= menus
    labels = {label.text(): QKeySequence.mnemonic(label.text()).toString().upper()
              for label in opened.properties.findChildren(QLabel) if "&" in label.text()}
    assert labels and not {text: key for text, key in labels.items() if key in menus}


def test_an_alt_letter_reaches_the_panel_in_front_not_one_tabbed_behind_it(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With the Personas panel in front, Alt+A went to the Tags field of the Properties panel behind it
    (both have an A): the name typed next tagged the chosen card. Alt+N and Alt+P clashed the same way."""
    opened.resize(1600, 1000)
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    card_id = first_card(opened)
    select_card(opened, card_id)
    tags_before = opened.editor.document.card(card_id).tags
    personas_before = len(opened.editor.document.personas)
    opened.personas_dock.toggleViewAction().trigger()  # View › Personas Panel
    qtbot.waitUntil(lambda: opened.properties_dock.visibleRegion().isEmpty())
    view = opened.editor.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(opened.editor.document.personas) == personas_before + 1)  # Add persona
    focused = QApplication.focusWidget()
    assert focused is not None and opened.personas_dock.isAncestorOf(focused), focused
    assert not opened.properties.card_tags.hasFocus()
    qtbot.keyClick(focused, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the persona's Name
    assert opened.personas_dock.isAncestorOf(QApplication.focusWidget())
    assert opened.editor.document.card(card_id).tags == tags_before
    # In front again, the Properties panel's letters are its own.
    opened.properties_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not opened.properties_dock.visibleRegion().isEmpty())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert opened.properties.card_tags.hasFocus()


def test_f6_moves_between_the_board_and_the_panels_in_sight_and_tab_skips_the_hidden_ones(opened: MainWindow,  # type: ignore[no-untyped-def]
                                                                                       qtbot) -> None:
    """F6 and Shift+F6 go from the board to the panel in sight and back (they did nothing: only each
    field's Alt letter reached a panel). Tab from the Properties panel's last field went on into the
    Checks and Personas panels tabbed behind it, out of sight; now it never lands there."""
    from app.panes import out_of_sight

    opened.resize(1600, 1000)
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    card_id = first_card(opened)
    panel = select_card(opened, card_id)
    view = opened.editor.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    focused = QApplication.focusWidget()
    assert focused is not None and panel.isAncestorOf(focused), focused
    qtbot.keyClick(focused, Qt.Key.Key_F6)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert panel.isAncestorOf(QApplication.focusWidget())
    panel.card_notes.setFocus()
    qtbot.waitUntil(panel.card_notes.hasFocus)
    assert any(out_of_sight(dock.widget()) for dock in (opened.checks_dock, opened.personas_dock))
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and not out_of_sight(focused), focused


def test_closing_a_board_whose_persona_was_only_looked_at_asks_nothing(make_window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A persona as files may hold it (an empty role, no goals as []): applying what the Personas panel
    shows before a save or a close made an edit nobody made, so closing asked to save an untouched
    board. Only the fields typed into are applied; tabbing through them applies nothing."""
    document = model.load(BLUEPRINT)
    first = document.personas[0]
    document.set_personas([dataclasses.replace(first, role="", goals=[], pains=["  padded  "]),
                           *document.personas[1:]])
    path = tmp_path / "looked-at.touchline"
    model.save(document, path)
    window = make_window()
    assert window.open_path(path)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.personas_dock.raise_()
    panel = window.personas
    qtbot.waitUntil(lambda: panel.isVisible() and panel.current_id() == first.id)
    for field in (panel.name, panel.role, panel.quote, panel.goals, panel.pains):  # each focused and left
        field.setFocus()
        QApplication.processEvents()
    window.editor.view.setFocus()
    QApplication.processEvents()
    asked: list[str] = []
    window.ask_save_changes = lambda: asked.append("asked") or "cancel"  # type: ignore[method-assign,func-returns-value]
    assert window.maybe_save() and asked == [] and window.editor.undo_stack.count() == 0


def test_metrics_that_are_not_numbers_wait_when_another_card_is_clicked(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typed into a stage's metrics and left by clicking a card, a line that is not a number was dropped
    without a word. Now the status bar says so, the stage shows the text again (in red), and saving
    asks, naming the stage; going back chooses that stage on the board."""
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    doc, editor = opened.editor.document, opened.editor
    stage = doc.stages[1]
    editor.scene.header_item("stage", stage.id).setSelected(True)
    panel = opened.properties
    assert panel.shown() == ("stage", stage.id)
    panel.stage_metrics.setFocus()
    qtbot.waitUntil(panel.stage_metrics.hasFocus)
    panel.stage_metrics.selectAll()
    qtbot.keyClicks(panel.stage_metrics, "Drop-off = about 12")
    card_id = next(ids for _, ids in doc.cells() if ids)[0]
    item = editor.scene.card_item(card_id)
    editor.view.ensureVisible(item)
    centre = editor.view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert panel.shown() == ("card", card_id) and editor.undo_stack.count() == 0
    said = opened.statusBar().currentMessage()
    assert stage.name in said and "about 12" in said and "not applied" in said
    editor.scene.clearSelection()
    editor.scene.header_item("stage", stage.id).setSelected(True)  # back to the stage: the text as typed
    assert panel.shown() == ("stage", stage.id)
    assert panel.stage_metrics.toPlainText() == "Drop-off = about 12" and panel.stage_metrics_error.isVisibleTo(panel)
    select_card(opened, card_id)
    asked: list[str] = []
    opened.ask_drop_invalid = lambda problem: asked.append(problem) is not None  # type: ignore[method-assign]
    assert not opened.save()  # go back: the stage is chosen again, its field focused
    assert len(asked) == 1 and f"“{stage.name}”" in asked[0] and "about 12" in asked[0]
    assert panel.shown() == ("stage", stage.id) and editor.selected_cards() == []
    qtbot.waitUntil(panel.stage_metrics.hasFocus)
    panel.stage_metrics.selectAll()
    qtbot.keyClicks(panel.stage_metrics, "Drop-off = 12")
    panel.stage_metrics.committed.emit()
    assert panel.pending_problem() is None and doc.stage(stage.id).metrics == {"Drop-off": 12}


def test_metrics_typed_and_waiting_give_way_to_an_undo_and_each_stage_is_named(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """An undo of a stage's metrics left the typed draft in the field, in red, over the metrics restored;
    with drafts on two stages the question named one; stepping through a stage's cells said the metrics
    were left behind."""
    doc, editor, panel = opened.editor.document, opened.editor, opened.properties
    first, second = doc.stages[1], doc.stages[2]

    def type_metrics(stage_id: str, text: str) -> None:
        editor.scene.clearSelection()
        editor.scene.header_item("stage", stage_id).setSelected(True)
        assert panel.shown() == ("stage", stage_id)
        panel.stage_metrics.setPlainText(text)
        panel.stage_metrics.committed.emit()

    type_metrics(first.id, "NPS = 10")
    type_metrics(first.id, "NPS = about 10")  # not applied: waits
    assert panel.stage_metrics_error.isVisibleTo(panel)
    editor.undo_stack.undo()  # back to the stage's own metrics: the draft is over
    assert doc.stage(first.id).metrics == first.metrics
    assert panel.stage_metrics.toPlainText() == format_metrics(first.metrics)
    assert not panel.stage_metrics_error.isVisibleTo(panel) and panel.pending_problem() is None
    type_metrics(first.id, "NPS = about 10")
    type_metrics(second.id, "CES = four")
    problem = panel.pending_problem()
    assert problem is not None and f"“{first.name}”" in problem and f"“{second.name}”" in problem
    # Within the stage shown, from one of its cells to another: no word of metrics left behind.
    said: list[str] = []
    panel.message.connect(said.append)
    editor.scene.clearSelection()
    editor.scene.select_cell((second.id, doc.lanes[0].id))
    panel.refresh()
    editor.scene.select_cell((second.id, doc.lanes[1].id))
    panel.refresh()
    assert said == [] and panel.stage_metrics.toPlainText() == "CES = four"
    opened.ask_drop_invalid = lambda problem: True  # type: ignore[method-assign]  # (the window closes after)


def test_the_question_about_metrics_that_are_not_numbers_is_asked_once(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Closing an untitled board that is to be saved: the close, the save and the save as each asked."""
    window.show()
    qtbot.waitExposed(window)
    doc = window.editor.document
    stage_id = doc.stages[0].id
    from canvas.commands import SetStageField

    window.editor.push(SetStageField(doc, stage_id, "name", "Renamed"))  # something to save
    window.editor.scene.header_item("stage", stage_id).setSelected(True)
    panel = window.properties
    qtbot.waitUntil(lambda: panel.stage_name.text() == "Renamed")  # the panel shows the stage
    panel.stage_metrics.setPlainText("Drop-off = about 12")
    panel.stage_metrics.committed.emit()
    assert panel.pending_problem() is not None
    asked: list[str] = []
    window.ask_drop_invalid = lambda problem: asked.append(problem) is None  # type: ignore[method-assign]
    window.ask_save_changes = lambda: "save"  # type: ignore[method-assign]
    window.ask_save_path = lambda *args, **kwargs: None  # type: ignore[method-assign]  # the user cancels the file dialog
    assert not window.maybe_save()  # close → save → save as: nothing saved, one question
    assert len(asked) == 1
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]


def test_the_impact_summary_comes_back_after_a_passing_message(opened: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Show impact's summary ("... Esc to leave.") was a status message: the first passing one (a copy)
    wiped it for good while the impact view was still on."""
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    editor = opened.editor
    support = next(c.id for c in editor.document.cards()
                   if editor.document.lane(c.lane).kind == "support" and editor.document.links_of(c.id))
    select_card(opened, support)
    editor.edit_actions.show_impact.trigger()

    def shown() -> str:  # what the status bar shows: its message, else its labels in sight
        bar = opened.statusBar()
        return bar.currentMessage() or " ".join(label.text() for label in bar.findChildren(QLabel)
                                               if label.isVisible())

    qtbot.waitUntil(lambda: "Esc to leave" in shown())
    QTest.keyClick(editor.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # "Copied 1 card" for a while
    assert shown() == "Copied 1 card"
    opened.statusBar().clearMessage()  # its seconds are over
    assert "Esc to leave" in shown()
    QTest.keyClick(editor.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "Esc to leave" not in shown())
    # The other way round: Ctrl+I while "Copied 1 card" still shows drew both texts over each other.
    QTest.keyClick(editor.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert opened.statusBar().currentMessage() == "Copied 1 card"
    QTest.keyClick(editor.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)  # well within the message's 4 s
    assert opened.statusBar().currentMessage() == "" and "Esc to leave" in shown()


@pytest.mark.parametrize(("typed", "stored"), [
    ("Visitors = 1,250,000", 1250000), ("Revenue = 1,250.50", 1250.5), ("Revenue = 1.250,50", 1250.5),
    ("NPS = \u221212", -12), ("Visitors = 12 000", 12000), ("CES = 4,1", 4.1), ("CSAT = 4.5", 4.5),
])
def test_stage_metrics_read_numbers_as_written_with_grouped_thousands(typed: str, stored: float) -> None:
    """'Visitors = 12,000' was stored as 12, without a word; '1,250.50' and a typographic minus were refused."""
    from app.properties import parse_metrics

    metrics = parse_metrics(typed)
    assert metrics is not None and list(metrics.values()) == [stored]


def test_a_metric_that_could_be_read_two_ways_is_asked_to_be_written_plainly() -> None:
    from app.properties import parse_metrics

    for typed, readings in (("12,000", "12000 or 12"), ("12.000", "12000 or 12"), ("1.250", "1250 or 1.25")):
        with pytest.raises(ValueError, match=f"could be read two ways: write {readings}"):
            parse_metrics(f"Visitors = {typed}")  # a thousand-group, or three decimals
    assert parse_metrics("Share = 0,125") == {"Share": 0.125}  # a leading 0 groups no thousands
    for typed in ("+-5", "--5", "-", "1,250.000,5"):
        with pytest.raises(ValueError, match="is not a number"):
            parse_metrics(f"Visitors = {typed}")


def test_recent_files_of_one_name_show_their_folders(make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    """Two clients' "journey.touchline" look alike in Open Recent and on the start screen without their folders."""
    paths = [tmp_path / "acme" / "journey.touchline", tmp_path / "globex" / "journey.touchline",
             tmp_path / "old" / "acme" / "journey.touchline", tmp_path / "blueprint.touchline"]
    for path in reversed(paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(JOURNEY, path)
        mw.add_recent_file(path)
    window = make_window()
    window.update_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert texts == ["&1 journey.touchline \u2014 " + str(paths[0].parent), "&2 journey.touchline \u2014 globex",
                     "&3 journey.touchline \u2014 " + str(paths[2].parent), "&4 blueprint.touchline"]
    recent = window.show_welcome().recent
    listed = [recent.item(row).text() for row in range(recent.count())]
    assert listed == [text.split(" ", 1)[1] for text in texts]


def test_a_recent_file_in_the_root_folder_is_named_by_the_root() -> None:
    assert mw.recent_names(["/j.touchline", "/home/u/j.touchline"]) == ["j.touchline \u2014 /", "j.touchline \u2014 u"]


def test_the_suggested_export_name_has_no_doubled_space(make_window: Callable[..., MainWindow]) -> None:
    """A title "Onboarding: current state" suggested "Onboarding  current state.pdf"."""
    window = make_window()
    window.editor.document.set_title("Onboarding: current state / v2")
    assert window._suggested_name(".pdf") == "Onboarding current state v2.pdf"


def test_a_unit_typed_with_a_metrics_value_goes_to_its_name() -> None:
    """"Ad CTR = 2.1%" was refused as not a number, and the stage's metrics were not applied."""
    from app.properties import parse_metrics

    assert parse_metrics("Ad CTR = 2.1%") == {"Ad CTR %": 2.1}
    assert parse_metrics("Drop-off % = 38 %") == {"Drop-off %": 38}  # the name has it already
    assert parse_metrics("Basket = €12,50") == {"Basket €": 12.5}
    with pytest.raises(ValueError, match="is not a number"):
        parse_metrics("Share = %")


@pytest.mark.parametrize("answer", [False, True])
def test_save_as_asks_before_replacing_a_file_whose_typed_name_has_dots(window: MainWindow, tmp_path: Path, qtbot,  # type: ignore[no-untyped-def]
                                                                       answer: bool) -> None:
    """Typed "Kundenreise 24.11.2026" in the Save dialog: it took ".2026" for the suffix and asked about a file
    that did not exist; ".touchline" added after it, a colleague's board of that name was replaced unasked."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    existing = tmp_path / "Kundenreise 24.11.2026.touchline"
    shutil.copy(BLUEPRINT, existing)
    before = existing.read_bytes()
    asked: list[Path] = []
    dialogs: list[QFileDialog] = []

    def ask_replace(path: Path) -> bool:
        asked.append(path)
        if not answer:  # No: the dialog comes back with the name to change; cancelled here
            QTimer.singleShot(50, dialogs[-1].reject)
        return answer

    window.ask_replace = ask_replace  # type: ignore[method-assign]
    window.ask_save_path = lambda: window._ask_save_file(  # type: ignore[method-assign]  # the real dialog
        "Save As", tmp_path / "Untitled.touchline", "Touchline boards (*.touchline)", ".touchline")

    def type_name() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, type_name)
            return
        dialogs.append(dialog)
        dialog.setDirectory(str(tmp_path))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setText("Kundenreise 24.11.2026")
        QTest.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, type_name)
    saved = window.save_as()
    assert asked == [existing]
    if answer:
        assert saved and window.path == existing and existing.read_bytes() != before
    else:
        assert not saved and existing.read_bytes() == before


def test_the_edit_menu_says_what_a_greyed_out_item_needs(qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a fresh board 20 Edit items were greyed out with no status tip and no tooltip: nothing told a
    newcomer to click a cell or a card first."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu, edit = window.edit_menu, window.editor.edit_actions
    assert menu.toolTipsVisible()
    greyed = [action for action in menu.actions() if not action.isSeparator() and not action.isEnabled()
              and action not in (edit.undo, edit.redo)]
    assert edit.delete_stage in greyed and edit.connect in greyed
    # Each says what it needs, not just its own name again.
    assert all(action.toolTip() and action.toolTip() != action.text().replace("&", "") for action in greyed), \
        [action.text() for action in greyed if action.toolTip() == action.text().replace("&", "")]
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    r = menu.actionGeometry(edit.delete_stage)
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, r.center(), menu.mapToGlobal(r.center())))
    assert QToolTip.text() == edit.delete_stage.toolTip() and "click its header" in QToolTip.text()
    menu.close()
