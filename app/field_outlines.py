"""Outlines of text fields and check boxes that show on a dark panel.

Fusion draws a field's frame and a check box's square in the window colour darkened: on the
dark chrome (#1E2533) they came out #161B26 to #141923, 1.1:1 against the panel, and the
Properties fields were told apart from it only by a slightly darker fill. On a dark palette
this style draws them again with a 1 px outline at 3:1 or more (WCAG's non-text contrast);
on a light one it changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from app.chrome_palette import is_dark

OUTLINE_ON_DARK = "#6B7385"  # 3.2:1 on the dark panel (#1E2533), 3.6:1 on its fields (#161B26)

_OUTLINED = {
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_Frame,  # a text box's frame (Notes, Goals)
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
}


class FieldOutlines(QProxyStyle):
    """The application's style with fields and check boxes outlined on dark palettes."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _OUTLINED or not is_dark(option.palette):
            return
        if option.state & QStyle.StateFlag.State_HasFocus:
            return  # the style's own focus ring (the highlight colour) stays in sight
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if rect.width() < 4 or rect.height() < 4:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(OUTLINE_ON_DARK), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 2, 2)
        painter.restore()
