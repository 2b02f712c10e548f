"""SVG export: the layout's primitives as SVG elements, written with svgwrite.

Every Text becomes one real ``<text>`` element at its baseline, so the SVG stays
searchable and editable; kerning and ligatures are switched off because the layout
measured each line as the plain sum of the font's advance widths. (Browsers honour
``font-kerning: none``; librsvg 2.54 ignores it and kerns, which makes a line up to ~1.5 %
narrower there. Per-glyph ``x`` lists would pin every glyph but multiply the file size
and break shaping of complex scripts, so the SVG does not use them.)
"""

from __future__ import annotations

import os

import svgwrite
from svgwrite.base import BaseElement

from exporters.common import DocumentOrLayout, as_layout, clean_text, draw_text, write_atomic
from exporters.svgfonts import fonts_for
from model.layout import Layout
from model.primitives import Box, Circle, Line, Path, Primitive, Text

# Inherited by every <text>: the layout's metrics are the font's advances, without kerning
# or ligatures, so the renderer must not apply them either.
# geometricPrecision: Chromium then leaves glyph advances unhinted, as layout measured them.
_TEXT_STYLE = ("text-rendering:geometricPrecision;font-kerning:none;font-variant-ligatures:none;"
               "font-feature-settings:'kern' 0,'liga' 0")


def render_svg(layout: Layout) -> str:
    """The layout drawn as a standalone SVG document (a string starting with the XML declaration)."""
    width, height = _num(layout.width), _num(layout.height)
    primitives = list(layout.primitives())
    texts = [(draw_text(p.text), p.bold) for p in primitives if isinstance(p, Text)]
    embedded, families = fonts_for(texts)
    drawing = svgwrite.Drawing(
        size=(width, height),
        viewBox=f"0 0 {width} {height}",
        debug=False,
        profile="full",
        font_family=", ".join(f"'{family}'" for family in families) + ", sans-serif",
        style=_TEXT_STYLE,
        **{"xml:space": "preserve"},
    )
    document = layout.document
    description = clean_text(document.description) if document.description else None
    drawing.set_desc(title=clean_text(document.title or "Untitled"), desc=description)
    if embedded:  # the fonts travel with the file: it looks the same where they are not installed
        drawing.defs.add(_FontFaces("".join(font.css() for font in embedded)))
    for primitive in primitives:
        element = _element(primitive)
        if element is not None:
            drawing.add(element)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + drawing.tostring() + "\n"


class _FontFaces(BaseElement):  # type: ignore[misc]
    """A ``<style>`` of ``@font-face`` rules as plain character data (svgwrite's Style wraps it in CDATA).

    The rules hold only family names, weights and base64, none of which XML escapes.
    """

    elementname = "style"

    def __init__(self, css: str) -> None:
        super().__init__(debug=False)
        self.css = css

    def get_xml(self):  # type: ignore[no-untyped-def]
        xml = super().get_xml()
        xml.text = self.css
        return xml


def export_svg(document_or_layout: DocumentOrLayout, path: str | os.PathLike[str]) -> None:
    """Render a document (or a ready layout) to SVG and write it atomically to ``path``."""
    data = render_svg(as_layout(document_or_layout)).encode("utf-8")
    write_atomic(path, data)


def _element(primitive: Primitive) -> BaseElement | None:
    if isinstance(primitive, Text):
        return _text(primitive)
    if isinstance(primitive, Box):
        return _box(primitive)
    if isinstance(primitive, Line):
        return _line(primitive)
    if isinstance(primitive, Path):
        return _path(primitive)
    if isinstance(primitive, Circle):
        return _circle(primitive)
    raise TypeError(f"unknown primitive {type(primitive).__name__}")


def _box(box: Box) -> BaseElement | None:
    if box.fill is None and box.stroke is None:
        return None
    attrs = _paint(box.fill, box.stroke, box.stroke_width, box.dash, box.opacity)
    radius = min(box.radius, box.w / 2, box.h / 2)
    if radius > 0:
        attrs["rx"] = _num(radius)
    return svgwrite.shapes.Rect(
        insert=(_num(box.x), _num(box.y)), size=(_num(box.w), _num(box.h)), debug=False, **attrs
    )


def _circle(circle: Circle) -> BaseElement | None:
    if circle.fill is None and circle.stroke is None:
        return None
    attrs = _paint(circle.fill, circle.stroke, circle.stroke_width, None, 1.0)
    return svgwrite.shapes.Circle(
        center=(_num(circle.cx), _num(circle.cy)), r=_num(circle.r), debug=False, **attrs
    )


def _line(line: Line) -> BaseElement:
    attrs = _paint(None, line.color, line.width, line.dash, 1.0)
    del attrs["fill"]  # a line has nothing to fill
    return svgwrite.shapes.Line(
        start=(_num(line.x1), _num(line.y1)), end=(_num(line.x2), _num(line.y2)), debug=False, **attrs
    )


def _path(path: Path) -> BaseElement | None:
    if (path.fill is None and path.stroke is None) or not path.commands:
        return None
    attrs = _paint(path.fill, path.stroke, path.width, path.dash, 1.0)
    if path.round:
        attrs["stroke_linecap"] = "round"
        attrs["stroke_linejoin"] = "round"
    return svgwrite.path.Path(d=path_data(path), debug=False, **attrs)


def path_data(path: Path) -> str:
    """The SVG ``d`` attribute of a path's M/L/C/Z commands."""
    parts = []
    for command in path.commands:
        op, *coords = command
        parts.append(str(op) + " ".join(_num(c) for c in coords))  # type: ignore[arg-type]
    return "".join(parts)


def _text(text: Text) -> BaseElement | None:
    content = draw_text(text.text)
    if not content.strip():
        return None
    attrs: dict[str, str] = {"font_size": _num(text.size), "fill": text.color}
    if text.bold:
        attrs["font_weight"] = "bold"
    if text.anchor in ("middle", "end"):
        attrs["text_anchor"] = text.anchor
    return svgwrite.text.Text(content, x=[_num(text.x)], y=[_num(text.y)], debug=False, **attrs)


def _paint(
    fill: str | None, stroke: str | None, width: float, dash: tuple[float, ...] | None, opacity: float
) -> dict[str, str]:
    """Fill and stroke attributes; SVG's defaults (black fill, no stroke) are overridden explicitly."""
    attrs = {"fill": fill or "none"}
    if fill and opacity < 1:
        attrs["fill_opacity"] = _num(opacity, 3)
    if stroke:
        attrs["stroke"] = stroke
        if width != 1:
            attrs["stroke_width"] = _num(width)
        if dash:
            attrs["stroke_dasharray"] = ",".join(_num(d) for d in dash)
        if opacity < 1:
            attrs["stroke_opacity"] = _num(opacity, 3)
    return attrs


def _num(value: float, digits: int = 2) -> str:
    """A coordinate as short text: at most ``digits`` decimals, no trailing zeros, no ``-0``."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
