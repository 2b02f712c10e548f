"""Choosing Dark by hand darkens the window's own panels too, readable; System gives them back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

import model
from app.chrome_palette import DARK_DISABLED_TEXT, DARK_ROLES, desktop_palette
from app.main_window import MainWindow
from model.style import contrast as contrast_ratio

ROOT = Path(__file__).resolve().parents[2]
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"
Role = QPalette.ColorRole
PAIRS = [(Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.Text, Role.AlternateBase),
         (Role.ButtonText, Role.Button), (Role.ToolTipText, Role.ToolTipBase), (Role.HighlightedText, Role.Highlight),
         (Role.PlaceholderText, Role.Base)]


def test_every_text_of_the_dark_chrome_reads_at_4_5_to_1() -> None:
    for text, background in PAIRS:
        ratio = contrast_ratio(DARK_ROLES[text], DARK_ROLES[background])
        assert ratio >= 4.5, (text, background, round(ratio, 2))
    assert contrast_ratio(DARK_DISABLED_TEXT, DARK_ROLES[Role.Window]) >= 3.0  # disabled: legible, dimmer


def test_dark_by_hand_darkens_the_panels_and_system_restores_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    original = desktop_palette()
    window = MainWindow(model.load(JOURNEY), JOURNEY)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.appearance.theme_actions["dark"].trigger()
    app = QApplication.instance()
    assert app.palette().color(Role.Window) == QColor(DARK_ROLES[Role.Window])
    qtbot.wait(50)  # the palette change reaches the widgets as events
    panel = window.properties_dock.grab().toImage()
    assert panel.pixelColor(panel.width() // 2, panel.height() - 5).lightness() < 80, "the Properties panel is dark"
    window.appearance.theme_actions["system"].trigger()
    assert app.palette() == original
    window.appearance.theme_actions["light"].trigger()  # the desktop here is light: its own palette
    assert app.palette() == original


def test_the_properties_hint_reads_in_either_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Its muted colour was mixed once, from the light palette: in the dark theme it was #5B5B5B on the dark
    panel, 2.3:1."""
    window = MainWindow(model.load(JOURNEY), JOURNEY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    hint = window.properties.hint

    def ratio() -> float:
        return contrast_ratio(hint.palette().color(Role.WindowText).name(), hint.palette().color(Role.Window).name())

    light = ratio()
    window.appearance.theme_actions["dark"].trigger()
    qtbot.wait(50)  # the palette change reaches the widgets as events
    assert hint.palette().color(Role.Window) == QColor(DARK_ROLES[Role.Window])
    assert ratio() >= 4.5
    window.appearance.theme_actions["light"].trigger()
    qtbot.wait(50)
    assert ratio() == pytest.approx(light)


def test_warnings_and_errors_read_at_4_5_to_1_in_either_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The export dialog's warning was a fixed #B45309 (3.1:1 on the dark panel, 4.4:1 on the light one) and a
    stage's metrics error a fixed #B42318 (2.3:1 on the dark panel)."""
    from app.export_dialog import ExportDialog

    window = MainWindow(model.load(JOURNEY), JOURNEY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    error = window.properties.stage_metrics_error

    def ratio(label) -> float:  # type: ignore[no-untyped-def]
        """The contrast of the drawn text: its pixel furthest from the background, against the background."""
        label.setText("Line 2: “four” is not a number")
        label.resize(label.sizeHint())
        picture = label.grab().toImage()
        back = label.palette().color(Role.Window).name()
        inks = {picture.pixelColor(x, y).name() for x in range(picture.width()) for y in range(picture.height())}
        return max(contrast_ratio(ink, back) for ink in inks)

    for theme in ("dark", "light", "dark"):
        window.appearance.theme_actions[theme].trigger()
        qtbot.wait(50)  # the palette change reaches the widgets as events
        dialog = ExportDialog(window.editor.scene.layout, parent=window)
        assert ratio(dialog.warning) >= 4.5 and ratio(error) >= 4.5, theme
        dialog.deleteLater()


def test_fields_and_check_boxes_are_outlined_on_the_dark_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Fusion drew their frames in the window colour darkened: 1.1:1 on the dark panel (#161B26 on #1E2533)."""
    window = MainWindow(model.load(JOURNEY), JOURNEY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.properties

    def frame_contrast(widget) -> float:  # type: ignore[no-untyped-def]
        """The strongest contrast of the widget's outermost pixels against the panel."""
        picture = widget.grab().toImage()
        back = panel.palette().color(Role.Window).name()
        ring = {picture.pixelColor(x, y).name() for x in range(picture.width()) for y in (0, picture.height() - 1)}
        return max(contrast_ratio(ink, back) for ink in ring)

    window.appearance.theme_actions["dark"].trigger()
    qtbot.wait(50)
    for field in (panel.board_title, panel.board_description):
        assert frame_contrast(field) >= 3, field.accessibleName()
    window.appearance.theme_actions["light"].trigger()


def _drawn_contrast(picture) -> float:  # type: ignore[no-untyped-def]
    """The contrast of text drawn on a plain ground: its pixel furthest from the commonest colour, against it."""
    counts: dict[str, int] = {}
    for x in range(picture.width()):
        for y in range(picture.height()):
            name = picture.pixelColor(x, y).name()
            counts[name] = counts.get(name, 0) + 1
    back = max(counts, key=counts.__getitem__)
    return max(contrast_ratio(ink, back) for ink in counts)


def test_the_empty_board_hint_reads_in_either_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    """"Double-click a cell, or click it and press Enter…" was drawn in the light theme's fixed muted colour:
    #535F71 on the dark canvas's #111827, 2.7:1."""
    from PySide6.QtCore import QRectF

    from app.editor import Editor
    from model.templates import new_document

    editor = Editor(new_document("journey"))
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    hint = editor.scene._empty_hint
    assert hint.isVisible()
    for theme in ("dark", "light", "dark"):
        editor.set_theme(theme)
        area = editor.view.mapFromScene(QRectF(hint.boundingRect())).boundingRect()
        picture = editor.view.viewport().grab(area.adjusted(8, 8, -8, -8)).toImage()
        assert _drawn_contrast(picture) >= 4.5, theme


def test_the_properties_hint_reads_when_the_app_starts_dark(qtbot) -> None:  # type: ignore[no-untyped-def]
    """With Dark remembered from the last run, the Properties "Board" hint was #606979 on #1E2533, 2.8:1: mixed
    first from the light palette, then from the disabled grey of the panel the dark palette reached."""
    from app.appearance import THEME_KEY
    from app.main_window import settings

    settings().setValue(THEME_KEY, "dark")
    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.resize(1400, 900)
    window.show_welcome()
    window.show()
    qtbot.waitExposed(window)
    window.welcome_page().new_journey_button.click()
    qtbot.waitUntil(lambda: window.welcome_page() is None)
    window.editor.scene.clearSelection()
    window.editor.scene.select_cell(None)  # nothing chosen: the panel shows the board, with its hint
    assert window.properties.shown() == ("board", None)
    hint = window.properties.hint
    qtbot.waitUntil(hint.isVisible)
    assert hint.palette().color(Role.Window) == QColor(DARK_ROLES[Role.Window])
    assert _drawn_contrast(hint.grab().toImage()) >= 4.5
