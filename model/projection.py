"""The projection look: the board's drawing made to survive a projector in a lit room.

A projector washes out pale tints and hairlines, so the same primitives are drawn with
stronger card fills, borders in the lane kind's accent, darker text and heavier arrows
and blueprint lines. Geometry and text sizes stay exactly the layout's (text is wrapped
once, by the layout), so a projected board has the same places as the screen one; only
colours and stroke weights change. A rendering option, Qt-free: the presentation view
applies it today, and an exporter could too.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from model import style as st
from model.primitives import Box, Circle, Line, Path, Primitive, Text

PROJECTION_INK = "#0B1120"  # near black: projected text loses contrast first
PROJECTION_MUTED = "#334155"
PROJECTION_GRID = "#94A3B8"
PROJECTION_BAND_ODD = "#EDF1F6"
PROJECTION_HEADER_FILL = "#DCE3EC"
PROJECTION_ARROW = "#1E293B"
PROJECTION_ARROW_WIDTH = 2.0
PROJECTION_LINE_WIDTH = 2.0  # blueprint lines
PROJECTION_TINT = 0.22  # how far a kind's pale fill moves towards its accent
# Card borders: the kind's accent darkened by this much, so that a card's edge keeps at
# least 3:1 against its own fill and against the page (measured: 3.5:1 and 4.6:1 at
# worst; the screen look's pale borders have about 1.25:1).
PROJECTION_BORDER_DARKEN = 0.2

_FILLS = {style.fill.upper(): kind for kind, style in st.KIND_STYLES.items()}
_BORDERS = {style.border.upper(): kind for kind, style in st.KIND_STYLES.items()}
_TEXT = {st.INK.upper(): PROJECTION_INK, st.MUTED.upper(): PROJECTION_MUTED}


def projected(primitives: tuple[Primitive, ...]) -> tuple[Primitive, ...]:
    """The projection look of a drawing (cached: the canvas asks on every paint)."""
    return _projected(primitives)


@lru_cache(maxsize=20_000)
def _projected(primitives: tuple[Primitive, ...]) -> tuple[Primitive, ...]:
    out: list[Primitive] = []
    for p in primitives:
        q = projected_one(p)
        if q is not None:
            out.append(q)
    return tuple(out)


def projected_one(p: Primitive) -> Primitive | None:
    """One primitive in the projection look; None for what a projector cannot show (soft shadows)."""
    if isinstance(p, Text):
        return replace(p, color=_TEXT.get(p.color.upper(), p.color))
    if isinstance(p, Box):
        if p.fill == st.SHADOW and p.opacity < 1:
            return None  # a 7 % shadow is invisible on a projector and blurs the edge
        fill, stroke, width = p.fill, p.stroke, p.stroke_width
        if fill is not None:
            kind = _FILLS.get(fill.upper())
            if kind is not None:
                fill = st.mix(fill, st.KIND_STYLES[kind].accent, PROJECTION_TINT)
            elif fill.upper() == st.BAND_ODD.upper():
                fill = PROJECTION_BAND_ODD
            elif fill.upper() == st.HEADER_FILL.upper():
                fill = PROJECTION_HEADER_FILL
        if stroke is not None:
            kind = _BORDERS.get(stroke.upper())
            if kind is not None:
                stroke, width = st.mix(st.KIND_STYLES[kind].accent, "#000000", PROJECTION_BORDER_DARKEN), 2.0
            elif stroke.upper() == st.FAINT.upper():
                stroke = PROJECTION_GRID
        return replace(p, fill=fill, stroke=stroke, stroke_width=width)
    if isinstance(p, Line):
        if p.color.upper() == st.FAINT.upper():
            return replace(p, color=PROJECTION_GRID)
        if p.color.upper() == st.BLUEPRINT_LINE.upper():
            return replace(p, color=PROJECTION_MUTED, width=PROJECTION_LINE_WIDTH)
        return p
    if isinstance(p, Path):
        if p.stroke is not None and p.stroke.upper() == st.ARROW.upper():
            fill = PROJECTION_ARROW if p.fill is not None and p.fill.upper() == st.ARROW.upper() else p.fill
            return replace(p, stroke=PROJECTION_ARROW, width=max(p.width, PROJECTION_ARROW_WIDTH), fill=fill)
        if p.stroke is not None:
            return replace(p, width=max(p.width, PROJECTION_ARROW_WIDTH))
        if p.fill is not None and p.fill.upper() == st.ARROW.upper():
            return replace(p, fill=PROJECTION_ARROW)
        return p
    if isinstance(p, Circle):
        return p
    return p
