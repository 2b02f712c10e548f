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
