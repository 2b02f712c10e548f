"""The Checks panel: what the blueprint checks find, and the numbers of each stage.

Clicking a finding selects its cards on the board. The list follows the document,
recomputed shortly after the last edit (the checks read the whole graph).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.editor import Editor
from app.i18n import QT_TRANSLATE_NOOP, tr
from app.seen_panel import RefreshWhenSeen
from model.stage_numbers import stage_numbers

if TYPE_CHECKING:
    from model import Document
    from model.analysis import Finding

SEVERITY_COLOURS = {"error": "#B91C1C", "warning": "#B45309", "info": "#1D4ED8"}
SEVERITY_MARKS = {"error": QT_TRANSLATE_NOOP("", "✖ Error"), "warning": QT_TRANSLATE_NOOP("", "▲ Warning"),
                  "info": QT_TRANSLATE_NOOP("", "ⓘ Info")}


def severity_count(severity: str, n: int) -> str:
    """"2 errors", "1 warning"… in the interface language, with its plural forms."""
    if severity == "error":
        return tr("%n error(s)", "", n)
    if severity == "warning":
        return tr("%n warning(s)", "", n)
    return tr("%n info(s)", "", n)
# Each finding's sentence by its code, its parts as {0}, {1}…: the model says it in English (the command
# line's validate, the same words); the panel says it in the interface language. Where the model names
# cards by id or a kind by its file name, the panel names them as the board shows them (_parts).
FINDING_MESSAGES = {
    "empty-board": QT_TRANSLATE_NOOP("", "the board has no cards yet"),
    "link-self": QT_TRANSLATE_NOOP("", 'an arrow goes from "{0}" to itself'),
    "link-duplicate": QT_TRANSLATE_NOOP("", 'several arrows of one kind ({2}) go from "{0}" to "{1}"'),
    "customer-without-frontstage": QT_TRANSLATE_NOOP(
        "", 'customer action "{0}" is linked to none of its stage\'s frontstage actions'),
    "frontstage-unsupported": QT_TRANSLATE_NOOP(
        "", 'frontstage action "{0}" has no path to any backstage or support card'),
    "isolated-card": QT_TRANSLATE_NOOP("", '"{0}" has no links'),
    "flow-cycle": QT_TRANSLATE_NOOP("", "a loop of flow links the customer cannot leave: {0}"),
    "backward-flow": QT_TRANSLATE_NOOP("", 'flow from "{0}" goes back to "{1}" in an earlier stage ("{2}")'),
    "fail-point-unmitigated": QT_TRANSLATE_NOOP("", 'fail point "{0}" is linked to no opportunity or support card'),
    "empty-stage": QT_TRANSLATE_NOOP("", 'stage "{0}" has no customer action'),
    "emotion-unscored": QT_TRANSLATE_NOOP("", '"{0}" has no score: its point sits on the neutral line'),
}
QUOTED = QT_TRANSLATE_NOOP("", '"{0}"')  # a card's text in a list of them, in the language's quotes


def finding_text(finding: Finding, document: Document) -> str:
    """A finding's sentence in the interface language (the model's own words when its code is not known here)."""
    template = FINDING_MESSAGES.get(finding.code)
    parts = _parts(finding, document)
    if template is None or template.count("{") != len(parts):
        return finding.message
    return tr(template).format(*parts)


# Findings whose first parts are the labels of their first cards, one each (the model's card_label).
_LABELLED = {"customer-without-frontstage": 1, "frontstage-unsupported": 1, "isolated-card": 1,
             "fail-point-unmitigated": 1, "emotion-unscored": 1, "backward-flow": 2}


def _label(document: Document, card_id: str) -> str:
    """A card as the panel names it: its text, or "(empty card)" where the model falls back to the card's id,
    which the board shows nowhere ('"card-7" has no links')."""
    from model.blueprint_checks import card_label

    if document.has_card(card_id) and not document.card(card_id).text.strip():
        return tr("(empty card)")
    return card_label(document, card_id)


def _parts(finding: Finding, document: Document) -> tuple[str, ...]:
    code, args = finding.code, finding.args
    if code == "link-self" and len(args) == 2:  # (link id, card id)
        return (_label(document, args[1]),)
    if code == "link-duplicate" and len(args) == 4:  # (link ids, card id, card id, kind)
        from app.properties import LINK_KIND_LABELS

        kind = args[3]
        return _label(document, args[1]), _label(document, args[2]), tr(LINK_KIND_LABELS.get(kind, kind))
    if code == "flow-cycle":  # the model's names are joined in English quotes
        names = [tr(QUOTED).format(_label(document, card_id)) for card_id in finding.cards[:4]]
        return (" → ".join(names) + (" → …" if len(finding.cards) > 4 else ""),)
    count = _LABELLED.get(code, 0)
    if count and len(finding.cards) >= count and len(args) >= count:
        return (*(_label(document, card_id) for card_id in finding.cards[:count]), *args[count:])
    return args


FINDING_ROLE = Qt.ItemDataRole.UserRole  # the finding a row says (its cards, or its stage for one without)
ROW_GAP = 6  # px under each finding: wrapped findings, one after another, stay apart


class WrappedColumn(QStyledItemDelegate):
    """Rows as tall as their text wrapped at the column's width.

    A tree view asks its delegate for a row's height with no width to wrap at (the option's rect
    has none), so a wrapped finding got one line and was cut with "…": the height is worked out
    here at the column's width, and the rows are laid out again when the column's width changes.
    """

    def __init__(self, tree: QTreeWidget, column: int) -> None:
        super().__init__(tree)
        self._tree, self._column = tree, column
        # Laid out again once the width settles (the header resizes its sections in steps).
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(60)  # (thousands of findings take ~0.15 s to lay out again)
        self._relayout.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(self._resized)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.column() != self._column:
            return super().sizeHint(option, index)
        # With a rect to wrap in, the style measures the text as it will draw it.
        at_width = QStyleOptionViewItem(option)
        at_width.rect = QRect(0, 0, self._tree.header().sectionSize(self._column), 1 << 20)
        return super().sizeHint(at_width, index) + QSize(0, ROW_GAP)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column == self._column:
            self._relayout.start()  # the rows' heights at the new width


class ChecksPanel(RefreshWhenSeen, QWidget):
    """Findings (click one to select its cards) and a per-stage summary."""

    def __init__(self, editor: Editor | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: Editor | None = None
        self.findings: list[Finding] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Finding"), tr("What")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappedColumn(self.tree, 1))
        self.tree.setAccessibleName(tr("Findings"))
        self.tree.itemClicked.connect(self._select_cards)
        self.tree.itemActivated.connect(self._select_cards)
        self.stages = QTreeWidget()
        self.stages.setHeaderLabels([tr("Stage"), tr("Cards"), tr("Hand-offs"), tr("Fail points"), tr("Waiting")])
        self.stages.setRootIsDecorated(False)
        # The numbers as wide as they need, the stage's name takes the rest: all five in the dock's width.
        numbers_header = self.stages.header()
        numbers_header.setStretchLastSection(False)
        numbers_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        numbers_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stages.setAccessibleName(tr("Stage numbers"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 3)
        layout.addWidget(QLabel(tr("Per stage")))
        layout.addWidget(self.stages, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self.set_editor(editor)

    def set_editor(self, editor: Editor | None) -> None:
        """Follow another editor's document (None shows nothing)."""
        if self.editor is not None:
            self.editor.document.changed.disconnect(self._on_changed)
        self.editor = editor
        if editor is not None:
            editor.document.changed.connect(self._on_changed)
        self.refresh_when_seen()

    def _on_changed(self, event: object) -> None:
        self.refresh_when_seen(self._timer.start)  # many edits in a row: check once they settle

    def refresh(self) -> None:
        """Run the checks again and show what they find."""
        self.mark_fresh()
        self.tree.clear()
        self.stages.clear()
        if self.editor is None:
            self.findings = []
            self.summary.setText("")
            return
        # The checks' modules load when the panel is first seen (it starts behind the Properties tab).
        from model.analysis import structural_findings
        from model.blueprint_checks import blueprint_findings

        doc = self.editor.document
        self.findings = structural_findings(doc) + blueprint_findings(doc)
        for finding in self.findings:
            message = finding_text(finding, doc)
            item = QTreeWidgetItem([tr(SEVERITY_MARKS[finding.severity]), message])
            item.setForeground(0, QColor(SEVERITY_COLOURS[finding.severity]))
            for column in (0, 1):  # the mark beside the finding's first line, not its middle
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            item.setToolTip(1, f"{message} [{finding.code}]")
            item.setData(0, FINDING_ROLE, finding)
            self.tree.addTopLevelItem(item)
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in ("error", "warning", "info")}
        self.summary.setText(tr("Nothing to report.") if not self.findings else
                             tr("{0}. Click a finding to select its cards.").format(
                                 ", ".join(severity_count(s, n) for s, n in counts.items() if n)))
        for numbers in stage_numbers(doc):
            waiting = duration_text(numbers.wait_minutes) if numbers.wait_minutes else "—"
            row = QTreeWidgetItem([numbers.name, str(sum(numbers.cards.values())), str(numbers.handoffs),
                                   str(numbers.fail_points), waiting])
            if numbers.unparsed_waits:  # "a while", "until the courier calls": counted, said, not summed
                untimed = numbers.unparsed_waits
                row.setText(4, tr("{0} + %n not timed", "", untimed).format(waiting) if numbers.wait_minutes
                            else tr("%n not timed", "", untimed))
                row.setToolTip(4, tr("%n wait(s) not written as a duration (such as “5 min” or “3–5 days”)", "",
                                     numbers.unparsed_waits))
            self.stages.addTopLevelItem(row)
        self.tree.resizeColumnToContents(0)

    def _select_cards(self, item: QTreeWidgetItem) -> None:
        if self.editor is None:
            return
        finding = item.data(0, FINDING_ROLE)
        if finding is None:
            return
        cards = [c for c in finding.cards if self.editor.document.has_card(c)]
        if not cards:
            self._go_to_empty_cell(finding)
            return
        scene = self.editor.scene
        scene.clearSelection()
        for card_id in cards:
            scene.card_item(card_id).setSelected(True)
        self.editor.view.ensureVisible(scene.card_item(cards[0]), 60, 60)


    def _go_to_empty_cell(self, finding: object) -> None:
        """A stage with no customer action: its customer cell is chosen, ready to type one in (the finding has no
        card to choose, and a click on it did nothing, under "Click a finding to select its cards")."""
        if self.editor is None or getattr(finding, "code", "") != "empty-stage":
            return
        doc = self.editor.document
        # By its id: a new stage is named "Stage 3" beside the template's own "Stage 3", and the finding of the
        # second chose the first's cell.
        stage_id = getattr(finding, "stage", None)
        stage = next((s for s in doc.stages if s.id == stage_id), None)
        lane = next((lane for lane in doc.lanes if lane.kind == "customer"), None)
        if stage is None or lane is None:
            return
        self.editor.scene.nav.set_focus(("cell", (stage.id, lane.id)))  # chosen, the selection let go, shown
        self.editor.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the letters typed next go into the cell
        self.editor.message.emit(tr("The customer cell of “{0}” is chosen: type to add what the customer does")
                                 .format(stage.name))


def duration_text(minutes: float) -> str:
    """A stage's total wait as people say it: "45 min", "2 h 30 min", "5 d" (a day is 24 h here, as the
    waits are read: model/stage_numbers.py), not thousands of minutes."""
    if round(minutes * 60) < 3600:
        # Whole minutes and seconds: a 20-second wait read "0.333 min", and "1.5 min" kept its English point
        # in German.
        whole, seconds = divmod(round(minutes * 60), 60)
        if not whole:
            return tr("{0} s").format(seconds)
        return tr("{0} min").format(whole) if not seconds else tr("{0} min {1} s").format(whole, seconds)
    if minutes < 24 * 60:
        hours, rest = divmod(round(minutes), 60)
        return tr("{0} h").format(hours) if not rest else tr("{0} h {1} min").format(hours, rest)
    if minutes >= 10 * 24 * 60:
        return tr("{0} d").format(round(minutes / (24 * 60)))
    # Days and whole hours: 25 h read "1 d" and 47 h "2 d" when days were rounded to two digits.
    days, hours = divmod(round(minutes / 60), 24)
    return tr("{0} d").format(days) if not hours else tr("{0} d {1} h").format(days, hours)
