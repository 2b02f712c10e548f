"""PNG export: the layout's primitives painted with QPainter into a QImage.

The only exporter that needs Qt; it is imported inside the functions, so the command line
loads Qt only when it writes a PNG. Without a running application, an offscreen
QGuiApplication is created (no display needed).
"""

from __future__ import annotations

import math
import os
from typing import Any

from exporters.common import DocumentOrLayout, as_layout, clean_text, creator, document_title, write_atomic
from model.layout import Layout

SCREEN_DPI = 96.0  # 1 board px = 1 image px at this resolution
MAX_PIXELS = 400_000_000  # 1.6 GB of RGB32; beyond that QImage allocation fails anyway

_app: Any = None  # the QGuiApplication this module created, kept alive for the process


def render_png(layout: Layout, dpi: float = SCREEN_DPI) -> bytes:
    """The layout as the bytes of a PNG file, at ``dpi`` (96 dpi = one pixel per board px)."""
    if not math.isfinite(dpi) or dpi <= 0:
        raise ValueError(f"dpi must be a positive number, not {dpi}")
    scale = dpi / SCREEN_DPI
    width, height = math.ceil(layout.width * scale), math.ceil(layout.height * scale)
    if width * height > MAX_PIXELS:
        raise ValueError(f"a {width} x {height} px image is too large; use a lower dpi (now {dpi:g})")
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    from exporters.qtpaint import draw_primitives

    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ValueError(f"could not allocate a {width} x {height} px image; use a lower dpi")
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("#FFFFFF"))
    document = layout.document
    image.setText("Title", document_title(document))
    if document.description:
        image.setText("Description", clean_text(document.description))
    image.setText("Software", creator())
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(scale, scale)
        draw_primitives(painter, layout.primitives(), hairline=scale == 1)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes, PySide6 wants str
        raise OSError("Qt could not encode the PNG image")
    buffer.close()
    return bytes(data.data())


def export_png(document_or_layout: DocumentOrLayout, path: str | os.PathLike[str], dpi: float = SCREEN_DPI) -> None:
    """Render a document (or a ready layout) to PNG at ``dpi`` and write it atomically to ``path``."""
    write_atomic(path, render_png(as_layout(document_or_layout), dpi))


def ensure_gui_application() -> Any:
    """The running QGuiApplication, or a new offscreen one when there is none.

    The offscreen platform is chosen unless QT_QPA_PLATFORM says otherwise, so that
    exporting works without a display. Call from the main thread.
    """
    global _app
    from PySide6.QtCore import QLoggingCategory
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("a QCoreApplication is running; PNG export needs a QGuiApplication")
        return app
    argv = ["touchline"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)
    # Qt asks the first font of a line whether it shapes the line's script (Devanagari, Tamil...),
    # says on stderr when it does not (an info message), and draws it from the next font that
    # does: noise in a command's output, for text drawn right.
    QLoggingCategory.setFilterRules("qt.text.font.db.info=false")
    return _app
