"""Stage and lane headers: their drawing, from the name and the box the grid gives them."""

from __future__ import annotations

from model import style as st
from model.icons import icon_path
from model.primitives import Box, Primitive
from model.typesetting import line_height, text_block, text_primitives


def stage_header_primitives(index: int, name: str, x: float, y: float, w: float, h: float) -> tuple[Primitive, ...]:
    """A rounded header box: a small stage number above the wrapped stage name."""
    prims: list[Primitive] = [Box(x, y, w, h, fill=st.HEADER_FILL, radius=10)]
    prims += text_primitives([f"{index + 1:02d}"], x + 14, y + 9, st.STAGE_NUMBER_SIZE, st.MUTED, bold=True)
    lines, _ = text_block(name, w - 28, st.STAGE_SIZE, bold=True)
    prims += text_primitives(lines, x + 14, y + STAGE_NAME_TOP, st.STAGE_SIZE, st.INK, True)
    return tuple(prims)


STAGE_NAME_TOP = 9 + line_height(st.STAGE_NUMBER_SIZE) + 2  # below the header's top: under the stage number
LANE_NAME_X = 22  # from a lane header's left: right of the kind's accent bar


def lane_name_width(w: float, icon: str | None) -> float:
    """The width a lane's name wraps to: less when the header shows the kind's icon."""
    return w - 32 - (st.ICON_SIZE + 6 if icon else 0)


def lane_header_primitives(
    name: str, kind_label: str, accent: str, x: float, y: float, w: float, h: float, icon: str | None = None
) -> tuple[Primitive, ...]:
    """An accent bar in the lane kind's colour, the wrapped lane name and the kind below it;
    the kind's icon (pain points, opportunities) at the top right."""
    prims: list[Primitive] = [Box(x + 8, y + 14, 4, max(h - 28, 8), fill=accent, radius=2)]
    if icon:
        prims.append(icon_path(icon, x + w - 10 - st.ICON_SIZE, y + 15, st.ICON_SIZE, accent))
    lines, name_h = text_block(name, lane_name_width(w, icon), st.LANE_SIZE, bold=True)
    prims += text_primitives(lines, x + LANE_NAME_X, y + 14, st.LANE_SIZE, st.INK, bold=True)
    if kind_label.casefold() != name.casefold():  # "Pain points / Pain points" says nothing
        prims += text_primitives([kind_label], x + LANE_NAME_X, y + 16 + name_h, st.LANE_KIND_SIZE, st.MUTED)
    return tuple(prims)
