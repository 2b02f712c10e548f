"""The Properties panel: edit the selected card or link, the current lane or stage, or the board.

The panel keeps no document state of its own: it reads the document whenever the
selection or the shown object changes, and every edit is one undo command pushed
through the editor, only when the value really changed. Multi-line text is committed
once, on focus-out or Ctrl+Enter, so typing a paragraph is one undo step. Stepping
through a choice with the arrow keys or the wheel is one undo step too: the steps merge.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
    QUndoCommand,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.chrome_palette import ERROR_INKS, ink_on
from app.i18n import QT_TRANSLATE_NOOP, tr
from canvas.commands import SetCardField, SetLaneField, SetLinkField, SetStageField, SetTitle
from model import events as ev
from model.board_words import BOARD_LANGUAGES
from model.cardshape import SCORE_LABELS, signed_score
from model.channel_icons import channel_names
from model.entities import LANE_KIND_LABELS, LANE_KINDS, LINK_KINDS
from model.style import KIND_STYLES, themed

if TYPE_CHECKING:
    from app.editor import Editor
    from model import Document



def format_metrics(metrics: dict[str, float] | None) -> str:
    """A stage's metrics as the panel shows them: one "name = value" a line."""
    from model.metrics_row import format_value

    return "\n".join(f"{name} = {format_value(value)}" for name, value in (metrics or {}).items())


def kept_values(metrics: dict[str, float], old: dict[str, float] | None) -> dict[str, float]:
    """``metrics`` as parsed from the panel, each value that reads as the stage's own (format_value) being its own.

    The panel writes a value at most two decimals long (4.125 as "4.12"): applied as shown, a line added under it
    changed the stage's CSAT to 4.12 without a word. A value the designer did not change keeps what it was.
    """
    from model.metrics_row import format_value

    old = old or {}
    return {name: old[name] if name in old and format_value(old[name]) == format_value(value) else value
            for name, value in metrics.items()}


UNITS = frozenset("%€$£¥")  # written with a metric's value, moved to its name (parse_metrics)


def parse_metrics(text: str) -> dict[str, float] | None:
    """Metrics typed as "name = value" lines (":" works too); None when empty; ValueError naming the line."""
    metrics: dict[str, float] = {}
    lines_of: dict[str, int] = {}  # each name's line
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        sep = "=" if "=" in line else ":"
        name, found, value = line.rpartition(sep)
        name = name.strip()
        if not found or not name:
            raise ValueError(tr("Line {0}: write a metric as name = value, e.g. NPS = 32").format(number))
        typed = value.strip()
        # A unit typed with the value ("2.1%", "€12") goes to the name, where the board shows it ("Ad CTR %"):
        # a metric's value is a number (format v1).
        unit = typed[-1] if typed[-1:] in UNITS else typed[0] if typed[:1] in UNITS else ""
        if unit and len(typed) > 1:
            typed = typed[:-1].strip() if typed.endswith(unit) else typed[1:].strip()
            if unit not in name:
                name = f"{name} {unit}"
        written = _plain_number(typed)
        if isinstance(written, tuple):
            raise ValueError(tr("Line {0}: “{1}” could be read two ways: write {2} or {3}").format(
                number, typed, *written))
        try:
            number_value = float(written)
        except ValueError:
            raise ValueError(tr("Line {0}: “{1}” is not a number").format(number, typed)) from None
        if number_value != number_value or number_value in (float("inf"), float("-inf")):
            raise ValueError(tr("Line {0}: “{1}” is not a number").format(number, typed))
        if name in lines_of:
            # A name given twice ("CSAT" this wave and last) kept the last line, and the first vanished when applied.
            raise ValueError(tr("Line {0}: “{1}” is on line {2} already").format(number, name, lines_of[name]))
        lines_of[name] = number
        metrics[name] = int(number_value) if number_value.is_integer() and "." not in written else number_value
    return metrics or None


# Thousands grouped by one mark throughout: 1,250,000 / 1.250.000 / 1 250 000.
_GROUPED = re.compile(r"\d{1,3}([,.\u00a0\u202f ])\d{3}(?:\1\d{3})*")


def _plain_number(typed: str) -> str | tuple[str, str]:
    """A number as typed ("12,5", "1,250.50", "1.250,50", "−12", "12 000") written for ``float`` (what is not
    a number is left for ``float`` to refuse); the two ways to write it when it reads two ways ("12,000" or
    "12.000": twelve thousand, or twelve with three decimals)."""
    text = typed.replace("\u2212", "-").replace("\u2013", "-")  # a typographic minus or an en dash
    sign, body = ("-" if text[:1] == "-" else "", text[1:]) if text[:1] in ("+", "-") else ("", text)
    if body[:1] in ("+", "-", ""):
        return typed  # a second sign, or none but a sign: not a number
    decimal = max(body.rfind(","), body.rfind("."))
    marks = {ch for ch in body if ch in ",.\u00a0\u202f "}
    if len(marks) >= 2:  # both kinds: the last one is the decimal mark, the others group thousands
        whole, fraction = body[:decimal], body[decimal + 1:]
        if _GROUPED.fullmatch(whole) and fraction.isdigit():
            return sign + "".join(ch for ch in whole if ch.isdigit()) + "." + fraction
        return typed  # not a number: float() says so
    if len(marks) == 1:
        mark = next(iter(marks))
        if body.count(mark) > 1 or mark in "\u00a0\u202f ":  # only thousands are grouped more than once
            return sign + "".join(ch for ch in body if ch.isdigit()) if _GROUPED.fullmatch(body) else typed
        whole, fraction = body.split(mark)
        if len(fraction) == 3 and fraction.isdigit() and whole.isdigit() and 1 <= len(whole) <= 3 and whole != "0":
            decimal_way = f"{float(sign + whole + '.' + fraction):g}"  # "12,000" -> 12, "1.250" -> 1.25
            if len(decimal_way.partition(".")[2]) == 3:
                # "4.125" written back as itself reads two ways again: the panel asked for what had been typed
                # and refused it once more. A fourth decimal reads one way only.
                decimal_way += "0"
            return sign + whole + fraction, decimal_way

        return sign + whole + "." + fraction
    return sign + body


def score_label(score: int) -> str:
    """A score as the card's chip spells it: "–2 Very negative" … "±0 Neutral" … "+2 Very positive"."""
    return f"{signed_score(score)} {tr(SCORE_LABELS[score])}"


SCORES: tuple[tuple[int | None, str], ...] = (
    (None, "—"),
    *((score, score_label(score)) for score in sorted(SCORE_LABELS)),
)
# Translated where they are shown (tr() at import time would run before the catalogue is loaded).
LINK_KIND_LABELS: dict[str, str] = {"flow": QT_TRANSLATE_NOOP("", "Flow"),
                                    "depends": QT_TRANSLATE_NOOP("", "Depends on"),
                                    "twoway": QT_TRANSLATE_NOOP("", "Two-way")}
HINT = QT_TRANSLATE_NOOP("", "Select a card, link, lane or stage to edit it. With nothing selected, you edit the "
                             "board here.")
MULTI_HINT = QT_TRANSLATE_NOOP("", "Several items are selected. Select just one to edit its properties.")
NO_BOARD_HINT = QT_TRANSLATE_NOOP("", "No board is open.")
# model's names of lane kinds and scores, for the panel's lists (the board itself shows the document's own text).
_MODEL_LABELS = (QT_TRANSLATE_NOOP("", "Physical evidence"), QT_TRANSLATE_NOOP("", "Customer actions"),
                 QT_TRANSLATE_NOOP("", "Frontstage"), QT_TRANSLATE_NOOP("", "Backstage"),
                 QT_TRANSLATE_NOOP("", "Support processes"), QT_TRANSLATE_NOOP("", "Touchpoints"),
                 QT_TRANSLATE_NOOP("", "Emotions"), QT_TRANSLATE_NOOP("", "Thoughts"),
                 QT_TRANSLATE_NOOP("", "Pain points"), QT_TRANSLATE_NOOP("", "Opportunities"),
                 QT_TRANSLATE_NOOP("", "Notes"), QT_TRANSLATE_NOOP("", "Very negative"),
                 QT_TRANSLATE_NOOP("", "Negative"), QT_TRANSLATE_NOOP("", "Neutral"),
                 QT_TRANSLATE_NOOP("", "Positive"), QT_TRANSLATE_NOOP("", "Very positive"))
PANEL_WIDTH = 320  # the panel asks for the same width whatever it shows, so the canvas never reflows
MIN_PANEL_WIDTH = 260
SWATCH_SIZE = QSize(28, 16)
SWATCH_BORDER = "#94A3B8"


class StepComboBox(QComboBox):
    """A combo box that says whether a change comes from stepping through it (arrow keys, wheel).

    ``stepping`` is True while a key press or a wheel turn changes the choice; ``session``
    counts focus-ins and popups, so the steps of one visit can be merged into one undo step.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stepping = False
        self.session = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys, Home, End, Page Up/Down: steps."""
        self.stepping = True
        try:
            super().keyPressEvent(event)
        finally:
            self.stepping = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        """A wheel turn: a step."""
        self.stepping = True
        try:
            super().wheelEvent(event)
        finally:
            self.stepping = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        """A new visit: its steps do not merge with the last visit's."""
        self.session += 1
        super().focusInEvent(event)

    def showPopup(self) -> None:
        """A choice from the list starts afresh too."""
        self.session += 1
        super().showPopup()


class StepCommand(QUndoCommand):
    """A field change made by stepping through a combo box; the steps of one visit merge.

    It wraps the real command (SetCardField, SetLaneField, …). Steps merge while they are
    for the same field of the same object in the same combo visit and nothing else was done
    in between (QUndoStack only merges with the newest command); when the steps come back to
    where they started, the merged command is obsolete and leaves the undo stack.
    """

    MERGE_ID = 0x5354  # "ST"

    def __init__(self, command: QUndoCommand, key: tuple[object, ...], before: object, after: object) -> None:
        super().__init__(command.text())
        self._commands = [command]
        self._key, self._before, self._after = key, before, after

    def redo(self) -> None:
        """Apply the steps in order."""
        for command in self._commands:
            command.redo()

    def undo(self) -> None:
        """Take the steps back, newest first."""
        for command in reversed(self._commands):
            command.undo()

    def id(self) -> int:
        """Step commands may merge."""
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take in the next step of the same visit."""
        if not isinstance(other, StepCommand) or other._key != self._key:
            return False
        # A step its last step takes in (a lane's kind stepped on: SetLaneField.mergeWith), else one more step.
        if not (len(other._commands) == 1 and self._commands[-1].mergeWith(other._commands[0])):
            self._commands.extend(other._commands)
        other._commands = []
        self._after = other._after
        if self._after == self._before:
            # Back where the visit started: the stack drops the step without undoing it, so it is undone here
            # (a lane's kind stepped through Emotions and back had scored its cards on the way: left so, the
            # board was no longer the file, with nothing to undo).
            self.undo()
            self.setObsolete(True)
        return True


class CommitTextEdit(QPlainTextEdit):
    """A plain-text box that reports its text as finished on focus-out or Ctrl+Enter."""

    committed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter commits instead of inserting a line break."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.committed.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the box commits what was typed."""
        super().focusOutEvent(event)
        self.committed.emit()

    def set_text(self, text: str) -> None:
        """Show ``text`` as the unedited value."""
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)

    def is_edited(self) -> bool:
        """Whether the user typed since the last ``set_text``."""
        return self.document().isModified()


def _form() -> tuple[QWidget, QFormLayout]:
    section = QWidget()
    form = QFormLayout(section)
    form.setContentsMargins(0, 0, 0, 0)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return section, form


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def _named(widget: QWidget, name: str, description: str = "") -> Any:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def _line_value(text: str) -> str | None:
    """A one-line field: surrounding blanks dropped, empty means absent."""
    return text.strip() or None


def _show_line(field: QLineEdit, text: str) -> None:
    """Show ``text`` in a one-line field as its unedited value.

    A field the user is in keeps its cursor (after Enter the document echoes the value
    back); any other field shows the start of a long text.
    """
    if field.text() != text:
        field.setText(text)
    if not field.hasFocus():
        field.setCursorPosition(0)
    field.setModified(False)


def _tags_value(text: str) -> list[str] | None:
    tags = [tag.strip() for tag in text.split(",") if tag.strip()]
    return tags or None


def _swatch(color: str, size: QSize = SWATCH_SIZE) -> QIcon:
    """A colour sample with a 1 px border, drawn at ``size`` (and twice that for HiDPI screens).

    Drawn at the button's icon size, never scaled down, so the border stays and a pale fill
    still shows against a white button.
    """
    icon = QIcon()
    for ratio in (1.0, 2.0):
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(SWATCH_BORDER))
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1), 2, 2)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _muted(widget: QWidget, palette: QPalette | None = None) -> None:
    """Draw ``widget``'s text in a readable muted colour, between the text and the background colours
    (of ``palette``, by default the widget's own)."""
    palette = QPalette(palette if palette is not None else widget.palette())
    # Mixed for the active and inactive groups from their own colours, named: palette.color(role) is the
    # widget's current group, and a dark theme remembered from the last run reached the panel while it counted
    # as disabled, so the mix of the disabled grey (#8892A4) with the panel gave #606979 on #1E2533, 2.8:1, for
    # every group. A disabled hint keeps the palette's disabled text.
    role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text, back = palette.color(group, role.WindowText), palette.color(group, role.Window)
        mix = QColor.fromRgbF(*(0.62 * a + 0.38 * b for a, b in zip(
            (text.redF(), text.greenF(), text.blueF()), (back.redF(), back.greenF(), back.blueF()), strict=True)))
        palette.setColor(group, role.WindowText, mix)
    widget.setPalette(palette)


class PropertiesPanel(QWidget):
    """Shows and edits the properties of whatever the editor has selected.

    One card: text, colour, fail point, wait, channel, score, tags, notes. One link: label
    and kind. No card or link but a current lane or stage: its name (and the lane's kind).
    Nothing at all: the board's title and description. Several items: a hint.
    The panel asks for the same width whatever it shows (``PANEL_WIDTH``).
    """

    message = Signal(str)  # a word for the status bar (metrics typed and left unapplied)
    # A card's field typed into (Text, Notes, Wait, Tags: not in the document until applied), or left: the
    # window autosaves and marks what ``typed_card_fields`` gives.
    card_typing = Signal()

    def __init__(self, editor: Editor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor: Editor | None = None
        self._document: Document | None = None
        self._shown: tuple[str, str | None] = ("none", None)
        self._lane_id: str | None = None  # the lane and stage the structure section shows
        self._stage_id: str | None = None
        # Metrics typed for a stage that are not all numbers, not applied: stage id -> (the text, why).
        # Kept when the selection moves on (they were dropped without a word), shown again with the
        # stage, and asked about on save and close (``pending_problem``) until fixed or let go.
        self._metric_drafts: dict[str, tuple[str, str]] = {}
        self._loading = False
        # A selection can change item by item (thousands of signals for "select all"):
        # pending text is committed at once, the panel itself is refreshed once, later.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._forms: list[QFormLayout] = []
        self._build()
        for box in (self.card_text, self.card_notes):
            box.textChanged.connect(self.card_typing)
            box.committed.connect(self.card_typing)
        for line in (self.card_wait, self.card_tags):
            line.textEdited.connect(self.card_typing)
            line.editingFinished.connect(self.card_typing)
        self.set_editor(editor)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # The hint's muted colour was mixed once, from the light palette: in the dark theme it stayed
            # #5B5B5B on #1E2533 (2.3:1). Mixed again from the panel's new colours.
            _muted(self.hint, self.palette())
            ink_on(self.stage_metrics_error, ERROR_INKS, self.palette())  # #B42318 was 2.3:1 on the dark panel

    def sizeHint(self) -> QSize:
        """The same width for every section, so the dock keeps its width as the selection changes."""
        return QSize(max(PANEL_WIDTH, self.minimumSizeHint().width()), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest section allows, whatever is shown.

        So narrowing the dock never clips a card's fields, and showing a card never widens it.
        """
        layout = self.layout()
        assert layout is not None  # made in _build, from __init__
        margins = layout.contentsMargins()
        sections = (self.card_section, self.link_section, self.lane_section, self.stage_section, self.board_section)
        width = max(section.minimumSizeHint().width() for section in sections) + margins.left() + margins.right()
        return QSize(max(MIN_PANEL_WIDTH, width), super().minimumSizeHint().height())

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        self.heading = _heading("")
        self.hint = QLabel(tr(HINT))
        self.hint.setWordWrap(True)
        _muted(self.hint)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        self.card_section = self._build_card()
        self.link_section = self._build_link()
        self.lane_section = self._build_lane()
        self.stage_section = self._build_stage()
        self.board_section = self._build_board()
        for section in (self.card_section, self.link_section, self.lane_section, self.stage_section,
                        self.board_section):
            layout.addWidget(section)
        layout.addStretch(1)
        self._align_labels()

    def _form(self) -> tuple[QWidget, QFormLayout]:
        section, form = _form()
        self._forms.append(form)
        return section, form

    def _align_labels(self) -> None:
        """One label column for every section, so the fields start at the same x whatever is shown."""
        labels = [label for form in self._forms for row in range(form.rowCount())
                  if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
                  and isinstance(label := item.widget(), QLabel)]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _build_card(self) -> QWidget:
        section, form = self._form()
        self.card_text = _named(CommitTextEdit(), tr("Card text"), tr("The text on the card (Ctrl+Enter to apply)"))
        self.card_text.setTabChangesFocus(True)
        self.card_text.setFixedHeight(90)
        self.card_text.committed.connect(self._commit_card_text)
        form.addRow(tr("&Text"), self.card_text)

        self.card_color = _named(QToolButton(), tr("Card colour"), tr("Choose the card's fill colour"))
        self.card_color.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.card_color.setIconSize(SWATCH_SIZE)
        # A minimum that does not follow the text ("Lane colour", "#a1b2c3"): the panel's width stays put.
        self.card_color.setMinimumWidth(SWATCH_SIZE.width() + self.fontMetrics().horizontalAdvance(tr("Lane colour"))
                                        + 24)
        self.card_color.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.card_color.clicked.connect(self._choose_color)
        self.card_color_default = _named(QPushButton(tr("Default")), tr("Default card colour"),
                                         tr("Use the lane's colour for this card"))
        self.card_color_default.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.card_color_default.clicked.connect(lambda: self._set_card("color", None))
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.card_color, 1)
        row.addWidget(self.card_color_default)
        color_label = QLabel(tr("&Colour"))
        color_label.setBuddy(self.card_color)
        form.addRow(color_label, row)

        self.card_fail = _named(QCheckBox(tr("Fail point")), tr("Fail point"), tr("Mark the card as a fail point"))
        self.card_fail.toggled.connect(self._on_fail_toggled)
        form.addRow("", self.card_fail)

        self.card_wait = _named(QLineEdit(), tr("Wait"), tr("A wait point, e.g. 5 min; empty for none"))
        self.card_wait.setPlaceholderText(tr("e.g. 5 min"))
        self.card_wait.setClearButtonEnabled(True)
        self.card_wait.editingFinished.connect(self._commit_card_wait)
        form.addRow(tr("&Wait"), self.card_wait)

        self.card_channel = _named(StepComboBox(), tr("Channel"), tr("The channel of this step; empty for none"))
        self.card_channel.setEditable(True)
        self.card_channel.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._channel_language: str | None = None  # the board language whose channel names the list holds
        self.card_channel.activated.connect(lambda _index: self._commit_card_channel())
        line_edit = self.card_channel.lineEdit()
        if line_edit is not None:
            line_edit.setAccessibleName(tr("Channel"))
            line_edit.editingFinished.connect(self._commit_card_channel)
        form.addRow(tr("Channe&l"), self.card_channel)

        self.card_score = _named(StepComboBox(), tr("Score"), tr("How the customer feels at this step"))
        for value, _label in SCORES:
            label = score_label(value) if value is not None else "—"
            self.card_score.addItem(label, value)
        self.card_score.currentIndexChanged.connect(self._on_score_changed)
        form.addRow(tr("&Score"), self.card_score)

        self.card_persona = _named(StepComboBox(), tr("Persona"), tr("Whose step this is; shown as a small badge"))
        self.card_persona.currentIndexChanged.connect(self._on_persona_changed)
        form.addRow(tr("&Persona"), self.card_persona)

        self.card_tags = _named(QLineEdit(), tr("Tags"), tr("Comma-separated tags"))
        self.card_tags.setPlaceholderText(tr("comma, separated"))
        self.card_tags.setClearButtonEnabled(True)
        self.card_tags.editingFinished.connect(self._commit_card_tags)
        form.addRow(tr("T&ags"), self.card_tags)

        self.card_notes = _named(CommitTextEdit(), tr("Notes"), tr("Longer notes, not drawn on the card"))
        self.card_notes.setTabChangesFocus(True)
        self.card_notes.setMinimumHeight(90)
        self.card_notes.committed.connect(self._commit_card_notes)
        form.addRow(tr("&Notes"), self.card_notes)
        return section

    def _build_link(self) -> QWidget:
        section, form = self._form()
        self.link_label = _named(QLineEdit(), tr("Link label"), tr("Text drawn on the arrow; empty for none"))
        self.link_label.setClearButtonEnabled(True)
        self.link_label.editingFinished.connect(self._commit_link_label)
        form.addRow(tr("&Label"), self.link_label)
        self.link_kind = _named(StepComboBox(), tr("Link kind"), tr("Flow, dependency or two-way"))
        for kind in LINK_KINDS:
            self.link_kind.addItem(tr(LINK_KIND_LABELS.get(kind, kind)), kind)
        self.link_kind.currentIndexChanged.connect(self._on_link_kind_changed)
        form.addRow(tr("&Kind"), self.link_kind)
        return section

    def _build_lane(self) -> QWidget:
        section, form = self._form()
        self.lane_heading = _heading(tr("Lane"))
        form.addRow(self.lane_heading)
        self.lane_name = _named(QLineEdit(), tr("Lane name"))
        self.lane_name.editingFinished.connect(self._commit_lane_name)
        form.addRow(tr("&Name"), self.lane_name)
        self.lane_kind = _named(StepComboBox(), tr("Lane kind"), tr("Decides colours and blueprint lines"))
        for kind in LANE_KINDS:
            self.lane_kind.addItem(tr(LANE_KIND_LABELS.get(kind, kind)), kind)
        self.lane_kind.currentIndexChanged.connect(self._on_lane_kind_changed)
        form.addRow(tr("&Kind"), self.lane_kind)
        return section

    def _build_stage(self) -> QWidget:
        section, form = self._form()
        self.stage_heading = _heading(tr("Stage"))
        form.addRow(self.stage_heading)
        self.stage_name = _named(QLineEdit(), tr("Stage name"))
        self.stage_name.editingFinished.connect(self._commit_stage_name)
        form.addRow(tr("Na&me"), self.stage_name)
        self.stage_metrics = _named(CommitTextEdit(), tr("Stage metrics"),
                                    tr("One metric a line, as name = value, e.g. NPS = 32 (Ctrl+Enter to apply)"))
        self.stage_metrics.setPlaceholderText(tr("NPS = 32\nCES = 4.1"))
        self.stage_metrics.setTabChangesFocus(True)
        self.stage_metrics.setFixedHeight(90)
        self.stage_metrics.committed.connect(self._commit_stage_metrics)
        form.addRow(tr("Me&trics"), self.stage_metrics)
        self.stage_metrics_error = QLabel("")
        self.stage_metrics_error.setWordWrap(True)
        ink_on(self.stage_metrics_error, ERROR_INKS)
        self.stage_metrics_error.setVisible(False)
        form.addRow("", self.stage_metrics_error)
        return section

    def _build_board(self) -> QWidget:
        section, form = self._form()
        self.board_title = _named(QLineEdit(), tr("Board title"))
        self.board_title.editingFinished.connect(self._commit_board_title)
        form.addRow(tr("&Title"), self.board_title)
        self.board_description = _named(CommitTextEdit(), tr("Board description"),
                                         tr("Free text shown under the title"))
        self.board_description.setTabChangesFocus(True)
        self.board_description.setMinimumHeight(90)
        self.board_description.committed.connect(self._commit_board_description)
        form.addRow(tr("&Description"), self.board_description)
        self.board_language = _named(StepComboBox(), tr("Language of the board's own words"),
                                     tr("The language Touchline writes the blueprint's lines, the legend and the "
                                        "persona headings in, on screen and in every export; saved with the board"))
        for code, name in BOARD_LANGUAGES.items():
            self.board_language.addItem(name, code)
        self.board_language.currentIndexChanged.connect(self._commit_board_language)
        form.addRow(tr("&Language"), self.board_language)
        return section

    # ------------------------------------------------------------------ wiring
    @property
    def editor(self) -> Editor | None:
        """The editor whose selection the panel follows."""
        return self._editor

    def set_editor(self, editor: Editor | None) -> None:
        """Follow another editor (None: show nothing); the old one is let go without commits."""
        if self._editor is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the old editor may already be gone
                self._editor.selection_changed.disconnect(self._on_selection_changed)
        if self._document is not None:
            self._document.changed.disconnect(self._on_document_changed)
        self._editor = editor
        self._document = editor.document if editor is not None else None
        self._shown = ("none", None)
        self._metric_drafts = {}
        if editor is not None:
            editor.selection_changed.connect(self._on_selection_changed)
            assert self._document is not None
            self._document.changed.connect(self._on_document_changed)
        self.refresh()

    def _on_selection_changed(self) -> None:
        self.commit_pending()
        self._refresh_timer.start()

    def _on_document_changed(self, event: object) -> None:
        if isinstance(event, ev.StageChanged) and event.field == "metrics":
            # Metrics set (typed and applied, or an undo or redo): what was typed and not applied is
            # over; the field shows the stage's metrics as they now are.
            self._metric_drafts.pop(event.stage_id, None)
        kind, ident = self._shown
        if isinstance(event, ev.DocumentReset):
            self.refresh()
        elif kind == "card":
            if isinstance(event, ev.CardChanged) and event.card_id == ident:
                self._load_card(event.field)
            elif isinstance(event, ev.CardRemoved) and event.card_id == ident:
                self.refresh()
            elif isinstance(event, (ev.CardMoved, ev.LaneChanged)):
                self._load_card("color")  # the default fill follows the lane's kind
            elif isinstance(event, ev.PersonasChanged):
                # The Persona list is the board's: a persona added in the Personas panel was missing from it
                # (a renamed one kept its old name) until another card was chosen.
                self._load_card("persona")
        elif kind == "link":
            if isinstance(event, ev.LinkChanged) and event.link_id == ident:
                self._load_link()
            elif isinstance(event, ev.LinkRemoved) and event.link_id == ident:
                self.refresh()
        elif kind in ("lane", "stage"):
            if isinstance(event, (ev.LaneChanged, ev.StageChanged)):
                self._load_structure()
            elif isinstance(event, (ev.LaneRemoved, ev.StageRemoved)):
                self.refresh()
        elif kind == "board" and isinstance(event, ev.TitleChanged):
            self._load_board()

    # ------------------------------------------------------------------ showing
    def shown(self) -> tuple[str, str | None]:
        """What the panel shows: ("card"|"link"|"lane"|"stage"|"board"|"multi"|"none", id).

        A refresh still waiting for the event loop is done first.
        """
        if self._refresh_timer.isActive():
            self.refresh()
        return self._shown

    def _target(self) -> tuple[str, str | None]:
        editor, doc = self._editor, self._document
        if editor is None or doc is None:
            return ("none", None)
        cards, links = editor.selected_cards(), editor.selected_links()
        if len(cards) == 1 and not links and doc.has_card(cards[0]):
            return ("card", cards[0])
        if len(links) == 1 and not cards and doc.has_link(links[0]):
            return ("link", links[0])
        if cards or links:
            return ("multi", None)
        lane = editor.current_lane()
        if lane is not None and any(item.id == lane for item in doc.lanes):
            return ("lane", lane)
        stage = editor.current_stage()
        if stage is not None and any(item.id == stage for item in doc.stages):
            return ("stage", stage)
        return ("board", None)

    def refresh(self) -> None:
        """Choose the section for the editor's selection and load its values."""
        self._refresh_timer.stop()
        left = self._stage_in_sight()  # the stage shown till now
        self._shown = kind, _ident = self._target()
        headings = {"card": tr("Card"), "link": tr("Link"), "lane": "", "stage": "", "board": tr("Board"),
                    "multi": "", "none": ""}
        self.heading.setText(headings[kind])
        self.heading.setVisible(bool(headings[kind]))
        hints = {"board": HINT, "multi": MULTI_HINT, "none": NO_BOARD_HINT}
        self.hint.setText(tr(hints[kind]) if kind in hints else "")
        self.hint.setVisible(kind in hints)  # a lane, stage, card or link section needs no explaining
        self.card_section.setVisible(kind == "card")
        self.link_section.setVisible(kind == "link")
        self.board_section.setVisible(kind == "board")
        self.lane_section.setVisible(False)
        self.stage_section.setVisible(False)
        if kind == "card":
            self._load_card()
        elif kind == "link":
            self._load_link()
        elif kind in ("lane", "stage"):
            self._load_structure()
        elif kind == "board":
            self._load_board()
        still = self._stage_in_sight()
        doc = self._document
        if left is not None and left != still and left in self._metric_drafts and doc is not None \
                and doc.has_stage(left):  # the stage with the typed metrics goes out of sight
            self.message.emit(tr("The metrics typed for “{0}” are not applied ({1}): they wait in the Properties "
                                 "panel until fixed.").format(doc.stage(left).name, self._metric_drafts[left][1]))

    def _stage_in_sight(self) -> str | None:
        """The stage whose section the panel shows (with a lane, for a cell), if any."""
        return self._stage_id if self.stage_section.isVisibleTo(self) else None

    def _say_metrics_problem(self, problem: str | None) -> None:
        """Show why the typed metrics are not applied in red under them, or nothing (None)."""
        self.stage_metrics_error.setText(problem or "")
        self.stage_metrics_error.setVisible(problem is not None)

    def _load_card(self, field: str | None = None) -> None:
        card_id = self._shown[1]
        doc = self._document
        if doc is None or card_id is None or not doc.has_card(card_id):
            return
        card = doc.card(card_id)
        self._loading = True
        try:
            if field in (None, "text"):
                self.card_text.set_text(card.text)
            if field in (None, "color"):
                lane_kind = doc.lane(card.lane).kind
                fill = KIND_STYLES[lane_kind].fill if lane_kind in KIND_STYLES else "#ffffff"
                # The lane's fill as the canvas paints it (a deep tint in the dark theme); a chosen
                # colour as chosen, beside its hex: the colour the file and the exports hold.
                theme = getattr(getattr(self._editor, "scene", None), "theme", "light")
                self.card_color.setIcon(_swatch(card.color or themed(fill, theme)))
                self.card_color.setText(card.color or tr("Lane colour"))
                self.card_color_default.setEnabled(card.color is not None)
            if field in (None, "fail"):
                self.card_fail.setChecked(bool(card.fail))
            if field in (None, "wait"):
                self.card_wait.setText(card.wait or "")
            if field in (None, "channel"):
                if self._channel_language != doc.language:  # the channels as the board's language names them
                    self._channel_language = doc.language
                    self.card_channel.clear()
                    self.card_channel.addItems(["", *channel_names(doc.language)])
                self.card_channel.setCurrentText(card.channel or "")
                line_edit = self.card_channel.lineEdit()
                if line_edit is not None:
                    line_edit.setModified(False)
            if field in (None, "score"):
                index = self.card_score.findData(card.score) if card.score is not None else 0
                self.card_score.setCurrentIndex(max(index, 0))
            if field in (None, "persona"):
                self.card_persona.clear()
                self.card_persona.addItem(tr("None"), None)
                for persona in doc.personas:
                    self.card_persona.addItem(persona.name or persona.id, persona.id)
                self.card_persona.setCurrentIndex(max(self.card_persona.findData(card.persona), 0))
            if field in (None, "tags"):
                self.card_tags.setText(", ".join(card.tags or []))
            if field in (None, "notes"):
                self.card_notes.set_text(card.notes or "")
        finally:
            self._loading = False

    def _load_link(self) -> None:
        link_id = self._shown[1]
        doc = self._document
        if doc is None or link_id is None or not doc.has_link(link_id):
            return
        link = doc.link(link_id)
        self._loading = True
        try:
            _show_line(self.link_label, link.label or "")
            self.link_kind.setCurrentIndex(max(self.link_kind.findData(link.kind), 0))
        finally:
            self._loading = False

    def _load_structure(self) -> None:
        """Show the current lane and/or stage (a selected cell has both)."""
        editor, doc = self._editor, self._document
        if editor is None or doc is None:
            return
        lane_id, stage_id = editor.current_lane(), editor.current_stage()
        lane = next((item for item in doc.lanes if item.id == lane_id), None)
        stage = next((item for item in doc.stages if item.id == stage_id), None)
        self._loading = True
        try:
            if lane is not None:
                _show_line(self.lane_name, lane.name)
                self.lane_kind.setCurrentIndex(max(self.lane_kind.findData(lane.kind), 0))
            if stage is not None:
                _show_line(self.stage_name, stage.name)
                draft = self._metric_drafts.get(stage.id)
                self.stage_metrics.set_text(format_metrics(stage.metrics) if draft is None else draft[0])
                self._say_metrics_problem(draft[1] if draft is not None else None)
        finally:
            self._loading = False
        self.lane_section.setVisible(lane is not None)
        self.stage_section.setVisible(stage is not None)
        self._lane_id = lane.id if lane is not None else None
        self._stage_id = stage.id if stage is not None else None

    def _load_board(self) -> None:
        doc = self._document
        if doc is None:
            return
        self._loading = True
        try:
            _show_line(self.board_title, doc.title)
            self.board_description.set_text(doc.description or "")
            # The languages Touchline writes in, and one it cannot (the file's, by its code) while it is this board's.
            languages = {**BOARD_LANGUAGES, doc.language: BOARD_LANGUAGES.get(doc.language, doc.language)}
            if [self.board_language.itemData(i) for i in range(self.board_language.count())] != list(languages):
                self.board_language.clear()
                for code, name in languages.items():
                    self.board_language.addItem(name, code)
            self.board_language.setCurrentIndex(self.board_language.findData(doc.language))
        finally:
            self._loading = False

    # ------------------------------------------------------------------ committing
    def commit_pending(self) -> None:
        """Apply text the user typed but has not committed yet (before a save or a switch)."""
        kind = self._shown[0]
        if kind == "card":
            if self.card_text.is_edited():
                self._commit_card_text()
            if self.card_notes.is_edited():
                self._commit_card_notes()
            for line_edit, commit in ((self.card_wait, self._commit_card_wait),
                                      (self.card_tags, self._commit_card_tags),
                                      (self.card_channel.lineEdit(), self._commit_card_channel)):
                if line_edit is not None and line_edit.isModified():
                    commit()
        elif kind == "link" and self.link_label.isModified():
            self._commit_link_label()
        elif kind in ("lane", "stage"):
            if self.lane_section.isVisibleTo(self) and self.lane_name.isModified():
                self._commit_lane_name()
            if self.stage_section.isVisibleTo(self) and self.stage_name.isModified():
                self._commit_stage_name()
            if self.stage_section.isVisibleTo(self) and self.stage_metrics.is_edited():
                self._commit_stage_metrics()
        elif kind == "board":
            if self.board_title.isModified():
                self._commit_board_title()
            if self.board_description.is_edited():
                self._commit_board_description()

    def typed_card_fields(self) -> list[tuple[str, str, object]]:
        """(card id, field, value) of the shown card's Text, Notes, Wait and Tags typed here and not applied yet, for
        the autosave (a long note typed in the panel was lost to a crash: it was in no document)."""
        doc, (kind, card_id) = self._document, self._shown
        if doc is None or kind != "card" or card_id is None or not doc.has_card(card_id):
            return []
        typed: list[tuple[str, str, object]] = []
        if self.card_text.is_edited():
            typed.append((card_id, "text", self.card_text.toPlainText()))
        if self.card_notes.is_edited():
            notes = self.card_notes.toPlainText()
            typed.append((card_id, "notes", notes if notes.strip() else None))
        # The one-line fields too (a wait or tags typed and not yet applied were lost to a crash).
        if self.card_wait.isModified():
            typed.append((card_id, "wait", _line_value(self.card_wait.text())))
        if self.card_tags.isModified():
            typed.append((card_id, "tags", _tags_value(self.card_tags.text())))
        return typed

    def pending_problem(self) -> str | None:
        """What was typed here but could not be applied, not being valid (so it is in no save); None if nothing."""
        doc = self._document
        stage_id = self._draft_stage()
        if stage_id is None or doc is None:
            return None
        problem = tr("The metrics typed for the stage “{0}” are not applied. {1}").format(
            doc.stage(stage_id).name, self._metric_drafts[stage_id][1])
        others = [stage.name for stage in doc.stages if stage.id in self._metric_drafts and stage.id != stage_id]
        if others:  # each named: letting go of one lets go of them all
            problem += " " + tr("Nor are those typed for: {0}.").format(", ".join(f"“{name}”" for name in others))
        return problem

    def _draft_stage(self) -> str | None:
        """The stage whose typed metrics wait to be fixed: the one shown first, else the first of the board's."""
        doc = self._document
        if doc is None:
            return None
        if self._stage_id in self._metric_drafts and doc.has_stage(self._stage_id):
            return self._stage_id
        return next((stage.id for stage in doc.stages if stage.id in self._metric_drafts), None)

    def show_problem(self) -> None:
        """Take the user to what ``pending_problem`` names: its stage chosen on the board, the field focused."""
        stage_id = self._draft_stage()
        editor = self._editor
        if stage_id is not None and editor is not None \
                and (stage_id != self._stage_id or not self.stage_section.isVisibleTo(self)):
            editor.scene.clearSelection()
            editor.scene.header_item("stage", stage_id).setSelected(True)
            self.refresh()
        self.stage_metrics.setFocus()

    def _push(self, command: QUndoCommand) -> None:
        assert self._editor is not None
        self._editor.push(command)

    def _push_step(self, combo: QComboBox, command: QUndoCommand, target: tuple[object, ...],
                   before: object, after: object) -> None:
        """Push ``command``; a step through ``combo`` (arrow keys, wheel) merges with the visit's last step."""
        if isinstance(combo, StepComboBox) and combo.stepping:
            command = StepCommand(command, (id(combo), combo.session, *target), before, after)
        self._push(command)

    def _set_card(self, field: str, value: Any, combo: QComboBox | None = None) -> None:
        """Push one SetCardField for the shown card, only when the value changes."""
        doc, (kind, card_id) = self._document, self._shown
        if self._loading or doc is None or kind != "card" or card_id is None or not doc.has_card(card_id):
            return
        before = getattr(doc.card(card_id), field)
        if before == value:
            return
        command = SetCardField(doc, card_id, field, value)
        if combo is None:
            self._push(command)
        else:
            self._push_step(combo, command, ("card", card_id, field), before, value)

    def _commit_card_text(self) -> None:
        if self._shown[0] == "card":
            self._set_card("text", self.card_text.toPlainText())
            self.card_text.document().setModified(False)

    def _commit_card_notes(self) -> None:
        if self._shown[0] == "card":
            text = self.card_notes.toPlainText()
            self._set_card("notes", text if text.strip() else None)
            self.card_notes.document().setModified(False)

    def _commit_card_wait(self) -> None:
        self._set_card("wait", _line_value(self.card_wait.text()))
        self.card_wait.setModified(False)

    def _commit_card_tags(self) -> None:
        self._set_card("tags", _tags_value(self.card_tags.text()))
        self.card_tags.setModified(False)

    def _commit_card_channel(self) -> None:
        line_edit = self.card_channel.lineEdit()
        self._set_card("channel", _line_value(self.card_channel.currentText()), self.card_channel)
        if line_edit is not None:
            line_edit.setModified(False)

    def _on_fail_toggled(self, checked: bool) -> None:
        self._set_card("fail", bool(checked))

    def _on_persona_changed(self, index: int) -> None:
        if index >= 0:
            self._set_card("persona", self.card_persona.itemData(index), self.card_persona)

    def _on_score_changed(self, index: int) -> None:
        self._set_card("score", self.card_score.itemData(index), self.card_score)

    def _choose_color(self) -> None:
        doc, card_id = self._document, self._shown[1]
        if doc is None or card_id is None or not doc.has_card(card_id):
            return
        current = doc.card(card_id).color
        color = self.ask_color(QColor(current) if current else QColor("#ffffff"))
        if color is not None and color.isValid():
            self._set_card("color", color.name())

    def ask_color(self, initial: QColor) -> QColor | None:
        """Ask for a card colour (tests replace this); None when cancelled."""
        color = QColorDialog.getColor(initial, self, tr("Card colour"))
        return color if color.isValid() else None

    def _commit_link_label(self) -> None:
        doc, (kind, link_id) = self._document, self._shown
        self.link_label.setModified(False)
        if self._loading or doc is None or kind != "link" or link_id is None or not doc.has_link(link_id):
            return
        value = _line_value(self.link_label.text())
        if doc.link(link_id).label != value:
            self._push(SetLinkField(doc, link_id, "label", value))

    def _on_link_kind_changed(self, index: int) -> None:
        doc, (kind, link_id) = self._document, self._shown
        if self._loading or doc is None or kind != "link" or link_id is None or not doc.has_link(link_id):
            return
        value, before = self.link_kind.itemData(index), doc.link(link_id).kind
        if value is not None and before != value:
            self._push_step(self.link_kind, SetLinkField(doc, link_id, "kind", value), ("link", link_id, "kind"),
                            before, value)

    def _current_lane(self) -> str | None:
        doc, lane_id = self._document, self._lane_id
        if self._loading or doc is None or self._shown[0] not in ("lane", "stage") or lane_id is None:
            return None
        return lane_id if any(item.id == lane_id for item in doc.lanes) else None

    def _commit_lane_name(self) -> None:
        lane_id, doc = self._current_lane(), self._document
        self.lane_name.setModified(False)
        if lane_id is None or doc is None:
            return
        name = self.lane_name.text().strip()
        if not name:  # a lane needs a name: put the old one back
            self.lane_name.setText(doc.lane(lane_id).name)
        elif doc.lane(lane_id).name != name:
            self._push(SetLaneField(doc, lane_id, "name", name))

    def _on_lane_kind_changed(self, index: int) -> None:
        lane_id, doc = self._current_lane(), self._document
        value = self.lane_kind.itemData(index)
        if lane_id is None or doc is None or value is None:
            return
        before = doc.lane(lane_id).kind
        if before != value:
            self._push_step(self.lane_kind, SetLaneField(doc, lane_id, "kind", value), ("lane", lane_id, "kind"),
                            before, value)

    def _commit_stage_metrics(self) -> None:
        doc, stage_id = self._document, self._stage_id
        if self._loading or doc is None or stage_id is None or not doc.has_stage(stage_id):
            return
        text = self.stage_metrics.toPlainText()
        try:
            metrics = parse_metrics(text)
        except ValueError as exc:
            self._metric_drafts[stage_id] = (text, str(exc))
            self._say_metrics_problem(str(exc))
            return
        self._metric_drafts.pop(stage_id, None)
        self._say_metrics_problem(None)
        if metrics is not None:
            metrics = kept_values(metrics, doc.stage(stage_id).metrics)
        if metrics != (doc.stage(stage_id).metrics or None):
            self._push(SetStageField(doc, stage_id, "metrics", metrics))

    def _commit_stage_name(self) -> None:
        doc, stage_id = self._document, self._stage_id
        self.stage_name.setModified(False)
        if self._loading or doc is None or self._shown[0] not in ("lane", "stage") or stage_id is None:
            return
        if not any(stage.id == stage_id for stage in doc.stages):
            return
        name = self.stage_name.text().strip()
        if not name:  # a stage needs a name: put the old one back
            self.stage_name.setText(doc.stage(stage_id).name)
        elif doc.stage(stage_id).name != name:
            self._push(SetStageField(doc, stage_id, "name", name))

    def _commit_board_title(self) -> None:
        doc = self._document
        self.board_title.setModified(False)
        if self._loading or doc is None or self._shown[0] != "board":
            return
        title = self.board_title.text().strip()
        if title != doc.title:
            self._push(SetTitle(doc, "title", title))

    def _commit_board_language(self) -> None:
        doc = self._document
        if self._loading or doc is None or self._shown[0] != "board":
            return
        language = self.board_language.currentData()
        if isinstance(language, str) and language != doc.language:
            self._push_step(self.board_language, SetTitle(doc, "language", language), ("board", "language"),
                            doc.language, language)

    def _commit_board_description(self) -> None:
        doc = self._document
        if self._loading or doc is None or self._shown[0] != "board":
            return
        text = self.board_description.toPlainText()
        value = text if text.strip() else None
        self.board_description.document().setModified(False)
        if value != doc.description:
            self._push(SetTitle(doc, "description", value))
