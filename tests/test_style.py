"""The design system (model/style.py): contrast, type scale, spacing grid and themes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import model
from model import style as st
from model.entities import Card
from model.layout import Layout
from model.primitives import Box, Circle, Primitive, Text
from model.templates import new_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.touchline"))
MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text


def _covers(shape: Primitive, x: float, y: float) -> bool:
    if isinstance(shape, Box):
        return shape.x <= x <= shape.x + shape.w and shape.y <= y <= shape.y + shape.h
    if isinstance(shape, Circle):
        return math.hypot(x - shape.cx, y - shape.cy) <= shape.r
    return False


def text_on_fill(layout: Layout) -> list[tuple[Text, str]]:
    """Each text with the opaque fill drawn last under its middle (the page when none)."""
    found: list[tuple[Text, str]] = []
    drawn: list[Primitive] = []
    for prim in layout.primitives():
        if isinstance(prim, Text):
            if prim.text.strip():
                x = prim.x + {"start": 3, "middle": 0, "end": -3}[prim.anchor]
                y = prim.y - prim.size * 0.3
                fill = next((p.fill for p in reversed(drawn) if _covers(p, x, y)), st.PAGE)
                found.append((prim, fill))  # type: ignore[arg-type]
        elif isinstance(prim, Box | Circle) and prim.fill is not None and getattr(prim, "opacity", 1.0) == 1.0:
            drawn.append(prim)
    return found


@pytest.mark.parametrize("theme", st.THEMES)
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_text_has_at_least_4_5_to_1_contrast_on_its_fill(path: Path, theme: str) -> None:
    layout = Layout(model.load(path), legend=True)
    pairs = text_on_fill(layout)
    assert len(pairs) > 50
    ratios = [(t, fill, st.contrast(st.themed(t.color, theme), st.themed(fill, theme))) for t, fill in pairs]
    poor = sorted({(t.text[:30], t.color, fill, round(ratio, 2)) for t, fill, ratio in ratios if ratio < MIN_CONTRAST})
    assert not poor, f"{len(poor)} texts under {MIN_CONTRAST}:1 in the {theme} theme: {poor[:8]}"


@pytest.mark.parametrize("theme", st.THEMES)
def test_the_palette_text_colours_read_on_every_named_fill(theme: str) -> None:
    fills = [k.fill for k in st.KIND_STYLES.values()] + [st.PAGE, st.BAND_ODD, st.HEADER_FILL, st.CHIP_FILL,
                                                          st.LEGEND_FILL, st.PERSONA_FILL, st.WAIT_FILL]
    for ink in (st.INK, st.MUTED):
        for fill in fills:
            ratio = st.contrast(st.themed(ink, theme), st.themed(fill, theme))
            assert ratio >= MIN_CONTRAST, (theme, ink, fill, ratio)
    for mark in (st.FAIL, st.WAIT, st.PERSONA_ACCENT):
        assert st.contrast(st.themed(st.ON_ACCENT, theme), st.themed(mark, theme)) >= MIN_CONTRAST, (theme, mark)


def test_contrast_matches_the_wcag_reference_values() -> None:
    assert st.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert st.contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert st.contrast("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_text_uses_a_step_of_the_type_scale(path: Path) -> None:
    layout = Layout(model.load(path), legend=True)
    sizes = {p.size for p in layout.primitives() if isinstance(p, Text)}
    assert sizes <= set(st.TYPE_SCALE), sorted(sizes - set(st.TYPE_SCALE))


def test_spacing_follows_the_8_point_grid() -> None:
    for name in ("MARGIN", "TITLE_GAP", "GUTTER", "CARD_GAP", "CELL_PAD_X", "CELL_PAD_Y"):
        assert getattr(st, name) % st.SPACE == 0, name
    for name in ("CARD_PAD_X", "CARD_PAD_Y", "CARD_W", "LANE_HEADER_W", "STAGE_HEADER_H", "MIN_LANE_H"):
        assert getattr(st, name) % (st.SPACE // 2) == 0, name  # half steps inside small parts


def test_the_dark_theme_maps_every_colour_and_keeps_light_as_it_is() -> None:
    assert st.themed(st.PAGE, "light") == st.PAGE
    dark_page = st.themed(st.PAGE, "dark")
    assert st.relative_luminance(dark_page) < 0.05
    assert st.relative_luminance(st.themed(st.INK, "dark")) > 0.6
    custom = "#FFE4B5"  # a user's light card colour becomes a deep one, its text light
    assert st.contrast(st.themed(st.INK, "dark"), st.themed(custom, "dark")) >= MIN_CONTRAST
    assert st.themed(st.ON_ACCENT, "dark") == st.ON_ACCENT


# A card's own colour comes from the colour dialog: any colour at all. A sweep of the RGB cube
# (six steps a channel: the dialog's basic colours are among them), the reviewers' dark slate,
# violet and pure yellow, and colours that are also named colours of the palette.
OWN_COLOURS = sorted({f"#{r:02X}{g:02X}{b:02X}" for r in range(0, 256, 51) for g in range(0, 256, 51)
                      for b in range(0, 256, 51)} | {"#1E293B", "#7C3AED", "#FF0000", "#FFFF00", st.INK, st.MUTED,
                                                     st.SHADOW, st.PAGE, st.BAND_ODD, st.FAIL})


@pytest.mark.parametrize("theme", st.THEMES)
def test_a_card_of_any_colour_of_its_own_keeps_its_text_and_tags_readable(theme: str) -> None:
    doc = new_document("blueprint")
    stage, lane = doc.stages[0].id, doc.lanes[0].id
    for number, colour in enumerate(OWN_COLOURS):
        doc.add_card(Card(f"own{number}", lane, stage, f"Text on {colour}", color=colour, tags=["tag"]))
    layout = Layout(doc)
    pairs = [(t, fill) for t, fill in text_on_fill(layout) if t.text.startswith(("Text on", "#tag"))]
    assert len(pairs) == 2 * len(OWN_COLOURS)
    poor = [(t.text, fill, round(st.contrast(st.themed(t.color, theme), st.themed(fill, theme)), 2))
            for t, fill in pairs if st.contrast(st.themed(t.color, theme), st.themed(fill, theme)) < MIN_CONTRAST]
    assert not poor, f"{len(poor)} of {len(pairs)} under {MIN_CONTRAST}:1 in the {theme} theme: {poor[:6]}"


def test_a_dark_card_colour_gets_light_text_and_stays_dark_in_the_dark_theme() -> None:
    assert st.card_inks("#FFE4B5") == (st.INK, st.MUTED)  # a light one: as the lane kinds' tints
    ink, tags = st.card_inks("#1E293B")
    assert st.relative_luminance(ink) > 0.9 and st.relative_luminance(tags) > 0.6
    assert st.themed("#2B1D5C", "dark") == "#2B1D5C"  # already a dark theme's colour
    # A card coloured exactly as the text is drawn is moved off the named colour, so that the dark
    # theme does not turn it light grey as it turns the text.
    own = st.card_fill("customer", st.INK)
    assert own != st.INK and st.contrast(own, st.INK) < 1.02
    assert st.relative_luminance(st.themed(own, "dark")) < 0.05
    white = st.card_fill("customer", "#ffffff")  # the page's colour: moved, and still a grey in either theme
    assert white not in (st.PAGE, st.ON_ACCENT) and st.contrast(white, st.PAGE) < 1.02
    r, g, b = (int(st.themed(white, "dark")[i: i + 2], 16) for i in (1, 3, 5))
    assert max(r, g, b) - min(r, g, b) <= 2
