"""The Checks panel lists the blueprint findings, follows edits, and selects a finding's cards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import model
from app.main_window import MainWindow
from canvas import commands as cmd
from model.blueprint_checks import blueprint_findings

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


def test_checks_panel_lists_findings_selects_their_cards_and_follows_edits(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(model.load(BLUEPRINT), BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    window.show()
    panel = window.checks
    expected = blueprint_findings(window.editor.document)
    # Behind the Properties tab the checks wait (they cost about 1 s on a 5,000-card board).
    assert panel.tree.topLevelItemCount() == 0
    window.checks_dock.raise_()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == len(expected) > 0)
    assert [panel.tree.topLevelItem(i).text(1) for i in range(len(expected))] == [f.message for f in expected]
    assert panel.stages.topLevelItemCount() == len(window.editor.document.stages)

    item = panel.tree.topLevelItem(0)
    rect = panel.tree.visualItemRect(item)
    window.checks_dock.raise_()
    qtbot.waitUntil(lambda: panel.tree.isVisible())
    rect = panel.tree.visualItemRect(item)
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.editor.selected_cards() == list(expected[0].cards)

    # Linking the customer step to its frontstage action answers the first finding.
    doc = window.editor.document
    customer = expected[0].cards[0]
    stage = doc.card(customer).stage
    front = next(c for lane in doc.lanes if lane.kind == "frontstage" for c in doc.cell_cards(stage, lane.id))
    window.editor.push(cmd.AddLink(doc, model.Link("k-new", customer, front)))
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == len(expected) - 1, timeout=3000)
    assert expected[0].message not in [panel.tree.topLevelItem(i).text(1)
                                        for i in range(panel.tree.topLevelItemCount())]


def test_the_per_stage_numbers_fit_the_docks_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    """All five columns in sight at the dock's width; they stood wide apart behind a scroll bar, the
    "Fail points" column cut and "Waiting" out of view."""
    window = MainWindow(model.load(BLUEPRINT), BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    window.resize(1600, 1000)
    window.show()
    window.checks_dock.raise_()
    panel = window.checks
    qtbot.waitUntil(lambda: panel.stages.topLevelItemCount() > 0 and panel.stages.isVisible())
    header = panel.stages.header()
    assert sum(header.sectionSize(i) for i in range(header.count())) <= panel.stages.viewport().width()
    assert not panel.stages.horizontalScrollBar().isVisible()
    metrics = panel.stages.fontMetrics()
    for column, title in enumerate(("Stage", "Cards", "Hand-offs", "Fail points", "Waiting")):
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
