"""The persona header: one card per persona above the stages, in the canvas and the exports."""

from __future__ import annotations

from collections.abc import Sequence

from model import style as st
from model.board_words import ENGLISH, board_word
from model.cardshape import persona_initials
from model.entities import Persona
from model.primitives import Box, Circle, Primitive, Text
from model.typesetting import line_height, text_block, text_primitives, text_width

PERSONA_W = 2 * (st.CARD_W + 2 * st.CELL_PAD_X) - st.SPACE  # two stage columns wide
PAD = 2 * st.SPACE
AVATAR_R = 22.0
BULLET = "•"


def printed_quote(persona: Persona) -> str:
    """The persona's quote as a card prints it, without the spaces round it: typed with a space at its end it
    printed "stopping, ”", or its closing mark alone on a last line where the space broke it; one of spaces only,
    an empty pair of marks."""
    return (persona.quote or "").strip()


def persona_card(persona: Persona, x: float, y: float, w: float = PERSONA_W,
                 min_h: float = 0.0, language: str = ENGLISH) -> tuple[list[Primitive], float]:
    """A persona card at (x, y): avatar, name, role, quote, then goals and pains side by side; its height.

    ``min_h`` lets the cards of one row share the tallest one's height; ``language`` is the board's
    (its "Goals" and "Pains").
    """
    inner = w - 2 * PAD
    text_x = x + PAD + 2 * AVATAR_R + 12
    text_w = x + w - PAD - text_x
    prims: list[Primitive] = []
    name_lines, name_h = text_block(persona.name or board_word("Persona", language), text_w, st.HEADING_SIZE,
                                    bold=True)
    body: list[Primitive] = [*text_primitives(name_lines, text_x, y + PAD, st.HEADING_SIZE, st.INK, bold=True)]
    top = y + PAD + name_h
    if persona.role:
        lines, height = text_block(persona.role, text_w, st.CARD_SIZE, bold=False)
        body += text_primitives(lines, text_x, top, st.CARD_SIZE, st.MUTED)
        top += height
    top = max(top, y + PAD + 2 * AVATAR_R) + st.SPACE
    quote = printed_quote(persona)
    if quote:
        lines, height = text_block(f"“{quote}”", inner - 12, st.CARD_SIZE, bold=False)
        body.append(Box(x + PAD, top, 3, height, fill=st.PERSONA_ACCENT, radius=1.5))
        body += text_primitives(lines, x + PAD + 12, top, st.CARD_SIZE, st.INK)
        top += height + st.SPACE
    columns = [(board_word(title, language), items) for title, items in (("Goals", persona.goals),
                                                                         ("Pains", persona.pains)) if items]
    if columns:
        col_w = (inner - st.SPACE * (len(columns) - 1)) / len(columns)
        bottoms = []
        for i, (title, items) in enumerate(columns):
            cx = x + PAD + i * (col_w + st.SPACE)
            body += text_primitives([title.upper()], cx, top, st.TYPE_SCALE[1], st.MUTED, bold=True)
            row = top + line_height(st.TYPE_SCALE[1]) + 2
            indent = text_width(BULLET + " ", st.CARD_SIZE)
            for item in items or ():
                lines, height = text_block(item, col_w - indent, st.CARD_SIZE, bold=False)
                body += text_primitives([BULLET], cx, row, st.CARD_SIZE, st.MUTED)
                body += text_primitives(lines, cx + indent, row, st.CARD_SIZE, st.INK)
                row += height
            bottoms.append(row)
        top = max(bottoms)
    h = max(top + PAD - y, min_h)
    prims += [
        Box(x, y + 1.5, w, h, fill=st.SHADOW, radius=st.CARD_RADIUS + 2, opacity=0.06),
        Box(x, y, w, h, fill=st.PERSONA_FILL, stroke=st.PERSONA_BORDER, radius=st.CARD_RADIUS + 2),
        Circle(x + PAD + AVATAR_R, y + PAD + AVATAR_R, AVATAR_R, fill=st.PERSONA_ACCENT),
        Text(x + PAD + AVATAR_R, y + PAD + AVATAR_R + 5, persona_initials(persona.name), st.HEADING_SIZE,
             st.ON_ACCENT, bold=True, anchor="middle"),
    ]
    return prims + body, h


def persona_row(personas: Sequence[Persona], x: float, y: float, width: float,
                language: str = ENGLISH) -> tuple[list[Primitive], float, dict[str, tuple[float, float, float, float]]]:
    """Persona cards side by side from (x, y), wrapping within ``width``; the height they take, and each
    persona's card as (x, y, w, h) by its id (what a double-click on the board opens)."""
    prims: list[Primitive] = []
    boxes: dict[str, tuple[float, float, float, float]] = {}
    if not personas:
        return prims, 0.0, boxes
    per_row = max(1, int((width + 2 * st.SPACE) // (PERSONA_W + 2 * st.SPACE)))
    top = y
    for start in range(0, len(personas), per_row):
        row = personas[start:start + per_row]
        row_h = max(persona_card(persona, 0, 0, language=language)[1] for persona in row)
        for i, persona in enumerate(row):
            left = x + i * (PERSONA_W + 2 * st.SPACE)
            prims += persona_card(persona, left, top, min_h=row_h, language=language)[0]
            boxes[persona.id] = (left, top, PERSONA_W, row_h)
        top += row_h + 2 * st.SPACE
    return prims, top - y - 2 * st.SPACE, boxes
