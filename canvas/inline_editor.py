"""In-place text editing on the canvas: Enter commits, Shift+Enter breaks the line, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget

from exporters.qtpaint import qfont
from model import style as st


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
        self._fill = QColor(st.themed(fill, theme))  # the colours the card is painted in
        self.setFont(qfont(size, bold))
        self.setDefaultTextColor(QColor(st.themed(st.INK, theme)))
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

    @property
    def finished(self) -> bool:
        """Whether the edit was committed or cancelled."""
        return self._done

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        rect.setHeight(max(rect.height(), self._min_height))
        return rect.adjusted(-4, -3, 4, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(QColor(st.SELECTION), 1.5))
        painter.setBrush(self._fill)
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 4, 4)
        # Without Qt's own dashed focus box inside our frame.
        option.state &= ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        super().paint(painter, option, widget)

    def sceneEvent(self, event: QEvent) -> bool:
        # Keep Enter and Esc for ourselves before shortcuts see them.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            event.accept()
            return True
        return super().sceneEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._multiline and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
                return
            self.commit()
            return
        super().keyPressEvent(event)
        self.prepareGeometryChange()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Clicking elsewhere keeps what was typed, as in every sticky-note tool.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

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
