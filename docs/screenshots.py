"""Regenerate the README's pictures: the editor on the bundled example and a PDF page.

Run from the repository root: `.venv/bin/python docs/screenshots.py` (needs pdftoppm).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"


def main() -> int:
    """Write docs/editor.png, docs/journey-editor.png, docs/journey-dark.png and docs/pdf-page.png."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import model
    from app.gui import register_fonts
    from app.main_window import MainWindow
    from exporters import export

    app = QApplication([])
    # A scratch settings folder: the pictures show the defaults, and the user's own
    # settings (theme, legend, recent files) are neither read nor changed.
    scratch = tempfile.TemporaryDirectory()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, scratch.name)
    register_fonts()
    window = MainWindow()
    window.open_path(str(EXAMPLE))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    editor = window.editor
    editor.view.zoom_fit()
    card = next(c.id for c in editor.document.cards() if editor.document.card(c.id).fail)
    editor.scene.card_item(card).setSelected(True)
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "editor.png"))
    # The journey map: emotion curve, personas, metrics, icons, legend; light and dark canvas.
    window.open_path(str(JOURNEY))
    app.processEvents()
    editor = window.editor
    editor.view.set_zoom(0.8)
    lane = next(lane.id for lane in editor.document.lanes if lane.kind == "emotion")
    card = next(c for c in editor.document.cards() if c.lane == lane and c.score == -2)
    editor.scene.card_item(card.id).setSelected(True)
    editor.view.centerOn(*editor.scene.layout.marker_centre(card.id))  # type: ignore[misc]
    app.processEvents()
    window.appearance.set_choice("light")
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "journey-editor.png"))
    window.appearance.set_choice("dark")
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "journey-dark.png"))
    with tempfile.TemporaryDirectory() as tmp:
        from model.layout import Layout

        pdf = Path(tmp) / "journey.pdf"
        export(Layout(model.load(JOURNEY), legend=True), pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(pdf), str(ROOT / "docs" / "pdf-page")],
                       check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
