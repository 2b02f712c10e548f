"""The Checks panel lists the blueprint findings, follows edits, and selects a finding's cards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QTreeWidgetItem

import model
from app.main_window import MainWindow
from canvas import commands as cmd
from model.blueprint_checks import blueprint_findings

ROOT = Path(__file__).resolve().parents[2]
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


def _window_on_checks(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """A 1600x1000 window on the blueprint with the Checks panel in front."""
    window = MainWindow(model.load(BLUEPRINT), BLUEPRINT)
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"  # type: ignore[method-assign,assignment,return-value]
    window.resize(1600, 1000)
    window.show()
    window.checks_dock.raise_()
    return window


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
    window = _window_on_checks(qtbot)
    panel = window.checks
    qtbot.waitUntil(lambda: panel.stages.topLevelItemCount() > 0 and panel.stages.isVisible())
    header = panel.stages.header()
    assert sum(header.sectionSize(i) for i in range(header.count())) <= panel.stages.viewport().width()
    assert not panel.stages.horizontalScrollBar().isVisible()
    metrics = panel.stages.fontMetrics()
    for column, title in enumerate(("Stage", "Cards", "Hand-offs", "Fail points", "Waiting")):
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title


def test_a_long_finding_wraps_at_the_docks_width_instead_of_being_cut(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Findings were one line each, cut with "…" (the whole text only in a tooltip)."""
    window = _window_on_checks(qtbot)
    panel = window.checks
    tree = panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0 and tree.isVisible())
    metrics = tree.fontMetrics()

    def lines_needed(item: QTreeWidgetItem) -> int:
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
        width = tree.header().sectionSize(1) - 2 * margin  # the text's room, as the style leaves it
        return metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap,
                                    item.text(1)).height() // metrics.lineSpacing()

    def shown_lines(item: QTreeWidgetItem) -> int:
        return tree.visualItemRect(item).height() // metrics.lineSpacing()

    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    qtbot.waitUntil(lambda: all(lines_needed(item) <= shown_lines(item) <= lines_needed(item) + 1 for item in items))
    assert any(lines_needed(item) >= 2 for item in items)  # the example has findings longer than the dock
    before = [shown_lines(item) for item in items]
    window.resizeDocks([window.checks_dock], [window.checks_dock.width() + 200], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: tree.header().sectionSize(1) > 350)
    # Wider: the rows laid out again, each as tall as its text needs now, no line left blank.
    qtbot.waitUntil(lambda: sum(shown_lines(item) for item in items) < sum(before))
    assert all(lines_needed(item) <= shown_lines(item) <= lines_needed(item) + 1 for item in items), \
        [(lines_needed(item), shown_lines(item), tree.visualItemRect(item).height()) for item in items]


def _board_with_every_finding() -> model.Document:
    from model import Card, Document, Lane, Link, Stage

    doc = Document("Findings")
    for i in range(3):
        doc.add_stage(Stage(f"s{i}", f"Stage {i}"))
    for lane_id, kind in (("cu", "customer"), ("fr", "frontstage"), ("ba", "backstage"), ("em", "emotion")):
        doc.add_lane(Lane(lane_id, kind.title(), kind))
    for card in (Card("c0", "cu", "s0", "Orders"), Card("c1", "cu", "s1", "Pays", fail=True),
                 Card("f0", "fr", "s0", "Greets"), Card("f1", "fr", "s1", "Takes payment"),
                 Card("b0", "ba", "s0", "Brews"), Card("lone", "ba", "s2", "Cleans"),
                 Card("e0", "em", "s0", "Hungry")):
        doc.add_card(card)
    for link in (Link("k1", "c0", "c1"), Link("k2", "c1", "c0"), Link("k3", "c0", "c0"), Link("k4", "c0", "c1"),
                 Link("k5", "f0", "c0"), Link("k6", "f1", "b0")):
        doc.add_link(link)
    return doc


def test_each_finding_is_said_in_the_interface_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The findings came from the model in English, in a German window too ("ⓘ Hinweis customer action ...")."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.checks_panel import FINDING_MESSAGES, finding_text
    from app.i18n import install_translators
    from model.analysis import structural_findings

    boards = [_board_with_every_finding(), model.Document("Empty"), model.load(BLUEPRINT)]
    findings = [(f, doc) for doc in boards for f in structural_findings(doc) + blueprint_findings(doc)]
    assert {f.code for f, _ in findings} == set(FINDING_MESSAGES)  # every kind of finding is met here
    english = {f.code: finding_text(f, doc) for f, doc in findings}
    # In English, the model's own words; but the panel names cards by their text, not their ids.
    by_id = {"link-self", "link-duplicate"}
    assert all(finding_text(f, doc) == f.message for f, doc in findings if f.code not in by_id)
    assert english["link-self"] == 'an arrow goes from "Orders" to itself'
    assert english["link-duplicate"] == 'several arrows of one kind (Flow) go from "Orders" to "Pays"'
    app = QCoreApplication.instance()
    try:
        install_translators(app, QLocale("de_DE"))
        german = {f.code: finding_text(f, doc) for f, doc in findings}
        assert all(finding_text(f, doc) != f.message for f, doc in findings), german
        assert "„Orders“" in german["link-self"]
        assert "„Orders“" in german["link-duplicate"] and "„Pays“" in german["link-duplicate"], german
        assert "Ablauf" in german["link-duplicate"] and "flow" not in german["link-duplicate"], german
        # The loop's cards in German quotes, not the model's straight ones.
        assert "„Orders“ → „Pays“" in german["flow-cycle"] and '"' not in german["flow-cycle"], german
    finally:
        install_translators(app, QLocale("en_GB"))


def test_a_stages_waiting_time_reads_as_people_say_it_and_counts_the_untimed(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The onboarding's "3–5 days" was not read (the stage said "—"), and read waits were minutes
    ("7200 min"); a wait that is no duration ("a while") was left out without a word."""
    from app.checks_panel import duration_text

    assert [duration_text(m) for m in (45, 95, 120, 7200, 2160)] == ["45 min", "1 h 35 min", "2 h", "5 d", "1 d 12 h"]
    assert [duration_text(h * 60) for h in (25, 47, 240, 250)] == ["1 d 1 h", "1 d 23 h", "10 d", "10 d"]
    window = _window_on_checks(qtbot)
    doc = window.editor.document
    card = next(c for c in doc.cards() if c.wait)
    stage_index = [s.id for s in doc.stages].index(card.stage)
    window.editor.push(cmd.SetCardField(doc, card.id, "wait", "3–5 days"))
    other = next(c for c in doc.cards() if c.stage == card.stage and c.id != card.id)
    window.editor.push(cmd.SetCardField(doc, other.id, "wait", "a while"))
    panel = window.checks
    qtbot.waitUntil(lambda: panel.stages.topLevelItemCount() > 0 and panel.stages.isVisible())
    qtbot.waitUntil(lambda: "not timed" in panel.stages.topLevelItem(stage_index).text(4))
    row = panel.stages.topLevelItem(stage_index)
    assert row.text(4).startswith("5 d + "), row.text(4)
    assert row.text(4).endswith("+ 1 not timed") and "duration" in row.toolTip(4)


def test_a_stage_without_a_customer_action_chooses_its_customer_cell_ready_to_type(qtbot) -> None:  # type: ignore[no-untyped-def]
    """"stage "Stage 3" has no customer action" has no card, and a click on it did nothing under the panel's
    "Click a finding to select its cards"."""
    window = _window_on_checks(qtbot)
    doc, editor = window.editor.document, window.editor
    stage = model.Stage("s-empty", "Leaves")
    editor.push(cmd.AddStage(doc, stage, len(doc.stages)))
    panel = window.checks
    qtbot.waitUntil(lambda: any("Leaves" in panel.tree.topLevelItem(i).text(1)
                                for i in range(panel.tree.topLevelItemCount())))
    item = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                if "Leaves" in panel.tree.topLevelItem(i).text(1))
    qtbot.waitUntil(lambda: panel.tree.isVisible())
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     panel.tree.visualItemRect(item).center())
    customer = next(lane.id for lane in doc.lanes if lane.kind == "customer")
    assert editor.scene.current_cell == ("s-empty", customer)
    QTest.keyClicks(editor.view, "Leaves a review")
    QTest.keyClick(editor.view, Qt.Key.Key_Return)
    QTest.keyClick(editor.view, Qt.Key.Key_Escape)  # the run's next card, nothing typed: none
    assert [doc.card(c).text for c in doc.cell_cards("s-empty", customer)] == ["Leaves a review"]


def test_of_two_empty_stages_of_one_name_a_finding_chooses_its_own_stages_cell(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A stage added after "Stage 1" of the template is named "Stage 2" beside the template's own: the finding
    of the second empty "Stage 2" chose the first one's customer cell (the stage was looked up by name)."""
    window = _window_on_checks(qtbot)
    doc, editor = window.editor.document, window.editor
    editor.push(cmd.AddStage(doc, model.Stage("s-twin-a", "Twin"), len(doc.stages)))
    editor.push(cmd.AddStage(doc, model.Stage("s-twin-b", "Twin"), len(doc.stages)))
    panel = window.checks
    qtbot.waitUntil(lambda: panel.tree.isVisible() and sum(
        "Twin" in panel.tree.topLevelItem(i).text(1) for i in range(panel.tree.topLevelItemCount())) == 2)
    items = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
             if "Twin" in panel.tree.topLevelItem(i).text(1)]
    customer = next(lane.id for lane in doc.lanes if lane.kind == "customer")
    for item, stage_id in zip(items, ("s-twin-a", "s-twin-b"), strict=True):
        QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         panel.tree.visualItemRect(item).center())
        assert editor.scene.current_cell == (stage_id, customer)


def test_a_wait_under_a_minute_or_of_minutes_and_seconds_reads_without_a_decimal_point(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A stage waiting "20 s" read "0.333 min", and "90 s" "1.5 min" (with an English point in German too)."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.checks_panel import duration_text
    from app.i18n import install_translators

    assert [duration_text(m) for m in (20 / 60, 1.5, 12, 59.995)] == ["20 s", "1 min 30 s", "12 min", "1 h"]
    app = QCoreApplication.instance()
    try:
        install_translators(app, QLocale("de_DE"))
        assert [duration_text(m) for m in (20 / 60, 1.5)] == ["20 Sek.", "1 Min. 30 Sek."]
    finally:
        install_translators(app, QLocale("en_GB"))


def test_an_empty_card_is_named_as_such_not_by_its_id(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A card whose text was cleared was named by its id, which the board shows nowhere: '"card-7" has no
    links', 'flow from "card-7" goes back to …'."""
    from app.checks_panel import finding_text
    from model.analysis import structural_findings

    doc = model.Document.build(
        title="t", description=None, stages=[model.Stage("s1", "One"), model.Stage("s2", "Two")],
        lanes=[model.Lane("cu", "Customer", "customer"), model.Lane("ba", "Backstage", "backstage")],
        cards=[model.Card("card-7", "ba", "s1", " "), model.Card("card-8", "cu", "s2", ""),
               model.Card("c", "cu", "s1", "Orders")],
        links=[model.Link("k1", "card-8", "c"), model.Link("k2", "card-8", "card-8")], personas=[], extra={})
    texts = {f.code: finding_text(f, doc) for f in structural_findings(doc) + blueprint_findings(doc)}
    assert texts["isolated-card"] == '"(empty card)" has no links'
    assert texts["backward-flow"] == 'flow from "(empty card)" goes back to "Orders" in an earlier stage ("One")'
    assert texts["link-self"] == 'an arrow goes from "(empty card)" to itself'
    assert not any("card-" in text for text in texts.values()), texts
