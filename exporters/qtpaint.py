"""QPainter drawing of the layout's primitives, shared by the PNG exporter and the canvas.

Qt is imported lazily (on the first call), so importing this module pulls in no Qt and
the ``exporters`` package stays importable without PySide6. A QGuiApplication must exist
before the first call that draws text or asks for a font.

Pens for 1-px lines and arrows are cosmetic by default: Qt's fast path, which keeps a
board with thousands of arrows responsive (architecture.md, known traps).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from exporters.common import draw_text
from model.fonts import FONT_FAMILY, FONT_FILES
from model.glyphs import finder
from model.primitives import Box, Circle, Line, Path, PathCommand, Primitive, Text
from model.style import ARROW, themed

if TYPE_CHECKING:
    from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

    from exporters.pages import Sheet

log = logging.getLogger(__name__)

MAX_CACHED_PATHS = 50_000
HAIRLINE = 1.0  # stroke width drawn with a cosmetic pen when ``hairline`` is on


def draw_primitives(painter: QPainter, primitives: Iterable[Primitive], *, hairline: bool = True,
                    theme: str = "light") -> None:
    """Draw primitives in order, in the painter's current coordinates (board px).

    With ``hairline`` (the default) Lines and Paths of width 1 use a cosmetic 1-px pen, which
    stays one device pixel wide at any zoom; pass ``False`` when the picture is scaled
    (a PNG at more than 96 dpi) so that those strokes scale with it. ``theme`` "dark"
    paints every colour through the design system's dark map (model.style.themed).
    """
    kit = _kit()
    kit.theme = theme
    try:
        for primitive in primitives:
            kit.draw(painter, primitive, hairline)
    finally:
        kit.theme = "light"


def draw_sheet(painter: QPainter, sheet: Sheet, board: Iterable[Primitive]) -> None:
    """One sheet of a page plan (exporters.pages) in page points: white paper, the board part, decorations.

    The same transform and clip as the PDF writer, so the export dialog's preview shows
    what will be printed.
    """
    kit = _kit()
    view = sheet.viewport
    painter.save()
    painter.fillRect(kit.QtCore.QRectF(0, 0, sheet.width, sheet.height), kit.color("#FFFFFF"))
    painter.setClipRect(kit.QtCore.QRectF(view.left, view.top, view.w * view.scale, view.h * view.scale))
    painter.translate(view.left - view.x * view.scale, view.top - view.y * view.scale)
    painter.scale(view.scale, view.scale)
    for primitive in board:
        kit.draw(painter, primitive, False)
    painter.restore()
    for primitive in sheet.decorations:
        kit.draw(painter, primitive, False)


def draw_primitive(painter: QPainter, primitive: Primitive, *, hairline: bool = True, theme: str = "light") -> None:
    """Draw one primitive (see ``draw_primitives``)."""
    draw_primitives(painter, (primitive,), hairline=hairline, theme=theme)


def qfont(size: float, bold: bool = False) -> QFont:
    """The bundled Noto Sans at ``size`` px: no kerning, no ligatures, no hinting (cached, do not modify)."""
    return _kit().font(size, bold)


def qpath(commands: tuple[PathCommand, ...]) -> QPainterPath:
    """A (cached) QPainterPath of layout path commands."""
    return _kit().qpath(commands)


def load_fonts() -> list[str]:
    """Register the bundled font files with Qt (once per process); the families they provide."""
    return _kit().families


@cache
def _kit() -> _QtKit:
    return _QtKit()


class _QtKit:
    """The Qt classes, the registered fonts and caches of pens, brushes and fonts."""

    def __init__(self) -> None:
        from PySide6 import QtCore, QtGui

        if not isinstance(QtGui.QGuiApplication.instance(), QtGui.QGuiApplication):
            raise RuntimeError("drawing with Qt needs a QGuiApplication; create one first")
        self.QtCore = QtCore
        self.QtGui = QtGui
        self.Qt = QtCore.Qt
        self.families = self._add_fonts()
        self._pens: dict[tuple[Any, ...], QPen] = {}
        self._brushes: dict[tuple[str, float], QBrush] = {}
        self._colors: dict[tuple[str, float], QColor] = {}
        self._fonts: dict[tuple[int, bool], QFont] = {}
        self._paths: dict[tuple[PathCommand, ...], QPainterPath] = {}
        self._metrics: dict[tuple[int, bool], QFontMetricsF] = {}
        self._fallback_count = 0
        self._family_list = [FONT_FAMILY]
        self._no_pen = QtGui.QPen(self.Qt.PenStyle.NoPen)
        # QBrush() is NoBrush. Made without a constructor argument: QBrush's overloads (colour, gradient,
        # image, pixmap) made PySide6 set up QGradient and its enums (~12 M instructions) to match one.
        self._no_brush = QtGui.QBrush()
        self.theme = "light"  # the colour map of the drawing in progress

    def _add_fonts(self) -> list[str]:
        families: list[str] = []
        for path in FONT_FILES.values():
            font_id = self.QtGui.QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("Qt could not load the bundled font %s; text falls back to a system font", path)
                continue
            families += [f for f in self.QtGui.QFontDatabase.applicationFontFamilies(font_id) if f not in families]
        return families

    # ------------------------------------------------------------ resources
    def color(self, color: str, alpha: float = 1.0) -> QColor:
        if self.theme != "light":
            color = themed(color, self.theme)
        return self._raw_color(color, alpha)

    def _raw_color(self, color: str, alpha: float) -> QColor:
        key = (color, alpha)
        found = self._colors.get(key)
        if found is None:
            found = self.QtGui.QColor(color)
            if alpha < 1:
                found.setAlphaF(max(0.0, alpha))
            self._colors[key] = found
        return found

    def brush(self, color: str | None, alpha: float = 1.0) -> QBrush:
        if color is None:
            return self._no_brush
        if self.theme != "light":
            color = themed(color, self.theme)
        key = (color, alpha)
        found = self._brushes.get(key)
        if found is None:
            found = self.QtGui.QBrush()  # == QBrush(QColor), without the overload match (see __init__)
            found.setColor(self._raw_color(color, alpha))
            found.setStyle(self.Qt.BrushStyle.SolidPattern)
            self._brushes[key] = found
        return found

    def pen(self, color: str | None, width: float, dash: tuple[float, ...] | None,
            alpha: float = 1.0, cosmetic: bool = False, round_ends: bool = False) -> QPen:
        if color is None or width <= 0:
            return self._no_pen
        if self.theme != "light":
            color = themed(color, self.theme)
        key = (color, width, dash, alpha, cosmetic, round_ends)
        found = self._pens.get(key)
        if found is None:
            found = self.QtGui.QPen(self._raw_color(color, alpha), width)
            found.setCosmetic(cosmetic)
            # SVG's and PDF's defaults, so that dash ends and corners match the exports.
            if round_ends:
                found.setCapStyle(self.Qt.PenCapStyle.RoundCap)
                found.setJoinStyle(self.Qt.PenJoinStyle.RoundJoin)
            else:
                found.setCapStyle(self.Qt.PenCapStyle.FlatCap)
                found.setJoinStyle(self.Qt.PenJoinStyle.MiterJoin)
            if dash:
                found.setDashPattern([d / width for d in dash])  # Qt counts dashes in pen widths
            self._pens[key] = found
        return found

    def qpath(self, commands: tuple[PathCommand, ...]) -> QPainterPath:
        """The QPainterPath of layout path commands, built once per distinct path.

        Arrows are repainted on every frame; their commands only change when the layout
        routes them again, so rebuilding them in paint() was work thrown away.
        """
        found = self._paths.get(commands)
        if found is not None:
            return found
        qpath = self.QtGui.QPainterPath()
        qpath.setFillRule(self.Qt.FillRule.WindingFill)  # SVG's and PDF's nonzero rule
        for command in commands:
            op = command[0]
            c = [float(v) for v in command[1:]]  # type: ignore[arg-type]
            if op == "M":
                qpath.moveTo(c[0], c[1])
            elif op == "L":
                qpath.lineTo(c[0], c[1])
            elif op == "C":
                qpath.cubicTo(c[0], c[1], c[2], c[3], c[4], c[5])
            elif op == "Z":
                qpath.closeSubpath()
            else:
                raise ValueError(f"unknown path command {op!r}")
        if len(self._paths) >= MAX_CACHED_PATHS:
            self._paths.clear()  # a crude bound: stale routes of a long session go at once
        self._paths[commands] = qpath
        return qpath

    def font_families(self) -> list[str]:
        """The bundled family, then the fallbacks layout measured with (model.glyphs), in that order.

        Qt picks a fallback per character from this list, as the SVG's font-family list and
        the PDF do, so all three draw each character in the same font.
        """
        fallbacks = finder()
        if fallbacks.found != self._fallback_count:  # new fallbacks found: fonts made so far lack them
            self._fallback_count = fallbacks.found
            self._fonts.clear()
            self._metrics.clear()
            self._family_list = list(dict.fromkeys([FONT_FAMILY, *(f.family for f in fallbacks.fonts())]))
        return self._family_list

    def font(self, size: float, bold: bool) -> QFont:
        families = self.font_families()
        key = (max(1, round(size)), bold)
        found = self._fonts.get(key)
        if found is None:
            font_class = self.QtGui.QFont
            found = font_class(FONT_FAMILY)
            found.setFamilies(families)
            found.setPixelSize(key[0])  # the type scale is whole pixels (model/style.py)
            found.setBold(bold)
            found.setKerning(False)
            found.setFeature(font_class.Tag("liga"), 0)
            found.setFeature(font_class.Tag("clig"), 0)
            found.setHintingPreference(font_class.HintingPreference.PreferNoHinting)
            found.setStyleStrategy(font_class.StyleStrategy.PreferAntialias)
            self._fonts[key] = found
        return found

    def metrics(self, size: float, bold: bool) -> QFontMetricsF:
        key = (max(1, round(size)), bold)
        found = self._metrics.get(key)
        if found is None:
            found = self.QtGui.QFontMetricsF(self.font(size, bold))
            self._metrics[key] = found
        return found

    # ------------------------------------------------------------ drawing
    def draw(self, painter: QPainter, primitive: Primitive, hairline: bool) -> None:
        if isinstance(primitive, Text):
            self._text(painter, primitive)
        elif isinstance(primitive, Box):
            self._box(painter, primitive)
        elif isinstance(primitive, Line):
            self._line(painter, primitive, hairline)
        elif isinstance(primitive, Path):
            self._path(painter, primitive, hairline)
        elif isinstance(primitive, Circle):
            self._circle(painter, primitive)
        else:
            raise TypeError(f"unknown primitive {type(primitive).__name__}")

    def _box(self, painter: QPainter, box: Box) -> None:
        if box.fill is None and box.stroke is None:
            return
        painter.setPen(self.pen(box.stroke, box.stroke_width, box.dash, box.opacity))
        painter.setBrush(self.brush(box.fill, box.opacity))
        rect = self.QtCore.QRectF(box.x, box.y, box.w, box.h)
        radius = min(box.radius, box.w / 2, box.h / 2)
        if radius > 0:
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.drawRect(rect)

    def _circle(self, painter: QPainter, circle: Circle) -> None:
        if circle.fill is None and circle.stroke is None:
            return
        painter.setPen(self.pen(circle.stroke, circle.stroke_width, None))
        painter.setBrush(self.brush(circle.fill))
        painter.drawEllipse(self.QtCore.QPointF(circle.cx, circle.cy), circle.r, circle.r)

    def _line(self, painter: QPainter, line: Line, hairline: bool) -> None:
        painter.setPen(self.pen(line.color, line.width, line.dash, cosmetic=hairline and line.width == HAIRLINE))
        painter.drawLine(self.QtCore.QLineF(line.x1, line.y1, line.x2, line.y2))

    def _path(self, painter: QPainter, path: Path, hairline: bool) -> None:
        if (path.fill is None and path.stroke is None) or not path.commands:
            return
        qpath = self.qpath(path.commands)
        cosmetic = hairline and path.width == HAIRLINE
        painter.setPen(self.pen(path.stroke, path.width, path.dash, cosmetic=cosmetic, round_ends=path.round))
        painter.setBrush(self.brush(path.fill))
        painter.drawPath(qpath)

    def _text(self, painter: QPainter, text: Text) -> None:
        content = draw_text(text.text)
        if not content.strip():
            return
        painter.setFont(self.font(text.size, text.bold))
        painter.setPen(self.color(text.color))
        x, y = text.x, text.y
        if text.angle:  # turned about its anchor point: drawn upright at the origin of a turned painter
            painter.save()
            painter.translate(x, y)
            painter.rotate(-text.angle)  # Qt turns clockwise (its y runs down); the angle is anticlockwise
            x = y = 0.0
        if text.anchor in ("middle", "end"):
            width = self.metrics(text.size, text.bold).horizontalAdvance(content)
            x -= width / 2 if text.anchor == "middle" else width
        painter.drawText(self.QtCore.QPointF(x, y), content)
        if text.angle:
            painter.restore()


PathLook = tuple[str | None, float, "tuple[float, ...] | None", str | None, bool]  # stroke, width, dash, fill, round


def path_looks(primitives: Iterable[Primitive]) -> tuple[tuple[PathLook, QPainterPath], ...] | None:
    """A drawing made only of Paths as (look, QPainterPath) pairs, for ``PathBatch``; None if it has other shapes.

    Made once per drawing (an arrow), so that batching it on every frame costs no hashing
    of its commands.
    """
    kit = _kit()
    looks = []
    for p in primitives:
        if not isinstance(p, Path):
            return None
        if (p.fill is None and p.stroke is None) or not p.commands:
            continue
        looks.append(((p.stroke, p.width, p.dash, p.fill, p.round), kit.qpath(p.commands)))
    return tuple(looks)


class PathBatch:
    """Many drawings' Paths gathered by look and drawn with one drawPath per look and opacity.

    Thousands of arrows on screen cost one Python call and one drawPath each when drawn
    one by one; gathered, the same pens stroke the same paths in a few calls. A cosmetic
    pen strokes each subpath on its own, so the pixels are those of the separate calls;
    filled shapes of one look are filled as one (where two overlap exactly, their shared
    antialiased edge is drawn once instead of twice).
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[float, PathLook], QPainterPath] = {}

    def add_all(self, drawings: Iterable[tuple[tuple[tuple[PathLook, QPainterPath], ...], float]]) -> None:
        """Add the paths (from ``path_looks``) of each drawing, drawn at its opacity: (looks, opacity) each, in
        one call (the arrow layer gathers ~500 arrows for a move's repaint at 5,000 cards)."""
        groups = self._groups
        get = groups.get
        for looks, opacity in drawings:
            for look, path in looks:
                key = (opacity, look)
                batch = get(key)
                if batch is None:
                    batch = groups[key] = _kit().QtGui.QPainterPath()
                    batch.setFillRule(_kit().Qt.FillRule.WindingFill)
                batch.addPath(path)

    def draw(self, painter: QPainter, *, theme: str = "light") -> None:
        """Draw the gathered paths in ``theme``: faded ones first, and of each opacity the strokes, then the fills
        (arrows' lines, then their heads), each in the plain arrow colour first, then the others (handoffs,
        accents) above them, always in the same order."""
        kit = _kit()
        kit.theme = theme
        base = painter.opacity()
        try:
            for (opacity, look), path in sorted(self._groups.items(), key=_batch_order):
                stroke, width, dash, fill, round_ends = look
                painter.setOpacity(base * opacity)
                painter.setPen(kit.pen(stroke, width, dash, cosmetic=width == HAIRLINE, round_ends=round_ends))
                painter.setBrush(kit.brush(fill))
                painter.drawPath(path)
        finally:
            kit.theme = "light"
            painter.setOpacity(base)


def _batch_order(item: tuple[tuple[float, PathLook], object]) -> tuple[float, bool, bool, str, float, str]:
    (opacity, (stroke, width, dash, fill, _round)), _path = item
    colour = fill if fill is not None else stroke or ""
    return opacity, fill is not None, colour.upper() != ARROW.upper(), colour, width, str(dash)
