"""In-place text editing on the canvas: Enter commits, Shift+Enter breaks the line, Esc cancels (a new
card's typed text is kept: only an edit of what was there is undone).

The field is a scene item, so it shows in every view of the scene: in the editor in the
board's theme, and on the presentation's audience view (``projection_look``) in the
projection look's light fill and near-black ink, whatever the editor's theme, so a card
captured in front of the room reads as the cards around it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget

from canvas.items import is_projection
from exporters.qtpaint import qfont
from model import style as st
from model.primitives import Box
from model.projection import PROJECTION_INK, projected_one

PROJECTION_SELECTION = QColor("#BFDBFE")  # a pale blue behind selected text, under the near-black ink


class InlineEditor(QGraphicsTextItem):
    """A text field laid over a card or header while its text is edited."""

    def __init__(
        self,
        text: str,
        rect: QRectF,
        size: int,
        bold: bool,
        on_commit: Callable[[str], None],
        on_cancel: Callable[[], None],
        multiline: bool = True,
        fill: str = "#FFFFFF",
        theme: str = "light",
    ) -> None:
        # Created without a parent item (architecture.md, known traps).
        super().__init__()
        self._on_commit, self._on_cancel = on_commit, on_cancel
        self._multiline = multiline
        self._done = False
        # How the edit ended ("enter", "tab", "backtab", "escape" or "" for a click away or a
        # programmatic commit), so fast capture knows whether to start the next card.
        self.commit_key = ""
        # Fast capture: Tab and Shift+Tab commit (and move on to the next cell); Esc ends the run of
        # cards keeping what was typed (a card typed in a workshop is not lost to it; Ctrl+Z takes it
        # back); Ctrl+Enter is the board's Add stage, "a stage to the right".
        self.capturing = False
        # A new card's editor: Esc keeps what was typed (an empty card is not made). Only an edit of a
        # card's existing text is undone by Esc; a new idea typed in a hurry is never lost to it.
        self.new_card = False
        self.card_id: str | None = None  # the card whose text this is, for the autosave (BoardScene.typed_card_text)
        # The ("stage" or "lane", id) of the header this names: the presentation's rail shows a lane's name
        # being typed, its header being under the rail or off the screen at the board's left.
        self.header: tuple[str, str] | None = None
        self._fill = QColor(st.themed(fill, theme))  # the colours the card is painted in
        self._projection_fill = QColor(projection_fill(fill))  # ...and in the audience's view
        self.setFont(qfont(size, bold))
        ink = st.card_inks(fill)[0]  # light on a card of a dark colour of its own
        self.setDefaultTextColor(QColor(st.themed(ink, theme)))
        self._projection_ink = QColor(PROJECTION_INK if ink == st.INK else ink)
        self.document().setDocumentMargin(0)
        option = self.document().defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.setPlainText(text)
        self.setTextWidth(rect.width())
        self.setPos(rect.topLeft())
        self._min_height = rect.height()
        self.setZValue(50)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def place_caret(self, at: QPointF) -> None:
        """The caret at the character nearest ``at`` (the editor's own coordinates), nothing selected; a point
        past the text puts it at the end."""
        position = self.document().documentLayout().hitTest(at, Qt.HitTestAccuracy.FuzzyHit)
        cursor = self.textCursor()
        if position < 0:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            cursor.setPosition(position)
        self.setTextCursor(cursor)

    @property
    def finished(self) -> bool:
        """Whether the edit was committed or cancelled."""
        return self._done

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        rect.setHeight(max(rect.height(), self._min_height))
        return rect.adjusted(-4, -3, 4, 3)

    def colours(self, projection: bool) -> tuple[QColor, QColor]:
        """The field's fill and text colour in the editor's view, or (``projection``) in the audience's."""
        if projection:
            return QColor(self._projection_fill), QColor(self._projection_ink)
        return QColor(self._fill), self.defaultTextColor()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        projection = is_projection(widget)
        fill, ink = self.colours(projection)
        painter.setPen(QPen(QColor(st.SELECTION), 1.5))
        painter.setBrush(fill)
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 4, 4)
        if projection:
            # The text item paints its text in one colour for all views; the audience's
            # view draws the document itself, in the projection's ink (cursor steady, selection pale).
            self._paint_text(painter, ink)
            return
        # Without Qt's own dashed focus box inside our frame.
        option.state &= ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        # PySide6's stub wants a QWidget here; Qt takes a null one (rendering to an image passes none).
        super().paint(painter, option, widget)  # type: ignore[arg-type]

    def _paint_text(self, painter: QPainter, ink: QColor) -> None:
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(context.palette)
        palette.setColor(QPalette.ColorRole.Text, ink)
        context.palette = palette
        cursor = self.textCursor()
        if self.hasFocus():
            context.cursorPosition = cursor.position()
        if cursor.hasSelection():
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = cursor
            selected = QTextCharFormat()
            selected.setBackground(PROJECTION_SELECTION)
            selected.setForeground(ink)
            selection.format = selected
            context.selections = [selection]
        painter.save()
        painter.setPen(ink)
        self.document().documentLayout().draw(painter, context)
        painter.restore()

    def sceneEvent(self, event: QEvent) -> bool:
        # Keep Enter and Esc for ourselves before shortcuts see them; and the board's keys that would
        # act on the card being typed (Ctrl+Up/Down moved it to another lane, Ctrl+D duplicated it,
        # Alt+Up/Down stepped its score): while typing they are the text's, or nothing.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                 or (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                     and not (self.capturing and _ctrl_held(event)))
                 or _board_key_while_typing(event))
        ):
            event.accept()
            return True
        if (
            self.capturing
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            # QGraphicsTextItem sends Tab straight to its text (a tab character), past
            # keyPressEvent, so fast capture's Tab is taken here.
            backwards = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.commit_key = "backtab" if backwards else "tab"
            self.commit()
            return True
        return super().sceneEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.capturing or (self.new_card and self.toPlainText().strip()):
                self.commit_key = "escape"
                self.commit()
            else:
                self.cancel()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._multiline and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
                return
            self.commit_key = "enter"
            self.commit()
            return
        super().keyPressEvent(event)
        self.prepareGeometryChange()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Clicking elsewhere keeps what was typed, as in every sticky-note tool.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def place_cursor_at_end(self) -> None:
        """Put the cursor after the text instead of selecting it (the first typed letter stays)."""
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def commit(self) -> None:
        """Hand the text to the owner once."""
        if self._done:
            return
        self._done = True
        text = self.toPlainText().replace("\u2029", "\n")
        self._close()
        self._on_commit(text)

    def cancel(self) -> None:
        """Drop the edit."""
        if self._done:
            return
        self._done = True
        self._close()
        self._on_cancel()

    def _close(self) -> None:
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)


def projection_fill(fill: str) -> str:
    """A field's fill (a light colour of the layout) as the projection look paints it."""
    box = projected_one(Box(0, 0, 1, 1, fill=fill))
    return box.fill if isinstance(box, Box) and box.fill else fill


def _ctrl_held(event: QKeyEvent) -> bool:
    """In fast capture, Ctrl+Enter is the board's (Add stage: "a stage to the right"); in any other edit it
    commits, as the Properties panel's fields do."""
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


def _board_key_while_typing(event: QKeyEvent) -> bool:
    """Ctrl+Up/Down, Ctrl+D and Alt+Up/Down, the editor's keys for the card itself, and Ctrl+Alt+S/L, which
    added a stage or lane under the open editor (app/editor.py)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if modifiers == Qt.KeyboardModifier.ControlModifier:
        return key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_D)
    if modifiers == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier:
        return key in (Qt.Key.Key_S, Qt.Key.Key_L)  # Add stage, Add lane: the card being typed stayed open
    return modifiers == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
