"""File › Import… (Mermaid, CSV) and the exports for other tools in File › Export."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from app import main_window as mw
from app.main_window import MainWindow
from model import load
from model.csvtable import from_csv
from model.mermaid import from_mermaid

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "examples" / "import"
EXAMPLE = ROOT / "resources" / "examples" / "onboarding-journey.touchline"


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: errors.append((title, text)))
    window = MainWindow()
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign]
    window.errors = errors  # type: ignore[attr-defined]
    return window


@pytest.mark.parametrize("sample", ["checkout.mmd", "research.csv"])
def test_import_opens_the_board_untitled(window: MainWindow, sample: str) -> None:
    window.ask_import_path = lambda: str(SAMPLES / sample)  # type: ignore[method-assign]
    window.import_action.trigger()
    assert window.errors == []  # type: ignore[attr-defined]
    doc = window.editor.document
    expected = from_mermaid((SAMPLES / sample).read_bytes(), "Checkout") if sample.endswith(".mmd") else \
        from_csv((SAMPLES / sample).read_bytes(), "Research")
    assert [c.text for c in doc.cards()] == [c.text for c in expected.cards()]
    assert window.path is None and not window.is_modified()
    assert window.editor.scene is not None


def test_a_broken_file_is_an_error_and_the_board_stays(window: MainWindow, tmp_path: Path) -> None:
    before = window.editor.document
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\nsection A\nPay: x: Me\n", encoding="utf-8")
    assert window.import_path(bad) is False
    assert window.editor.document is before
    (title, text), = window.errors  # type: ignore[attr-defined]
    assert title == "Could not import" and 'line 3: score "x" is not a number from 1 to 5' in text


def test_cancelled_dialog_does_nothing(window: MainWindow) -> None:
    before = window.editor.document
    window.ask_import_path = lambda: None  # type: ignore[method-assign]
    window.import_action.trigger()
    assert window.editor.document is before


@pytest.mark.parametrize("fmt", ["drawio", "mmd", "csv"])
def test_export_menu_writes_the_formats_for_other_tools(window: MainWindow, tmp_path: Path, fmt: str) -> None:
    assert window.open_path(EXAMPLE)
    window.ask_export_path = lambda f: str(tmp_path / "board")  # type: ignore[method-assign]
    window.export_actions[fmt].trigger()
    target = tmp_path / f"board.{fmt}"
    assert target.is_file() and window.errors == []  # type: ignore[attr-defined]
    assert mw.EXPORT_LABELS[fmt] == window.export_actions[fmt].text()
    if fmt == "mmd":
        assert from_mermaid(target.read_bytes()).title == load(EXAMPLE).title
