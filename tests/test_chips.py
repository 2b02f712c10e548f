"""A card's chips (wait, channel, tags, score) are read in full: a long one wraps onto more lines
inside the card instead of being cut short, on the card, in the SVG and in the PDF's text."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import model
from exporters.pdf import export_pdf
from exporters.svg import render_svg
from model import style as st
from model.cardshape import measure_card
from model.entities import Card, Lane, Stage
from model.layout import Layout
from model.primitives import Box, Text
from model.typesetting import line_height

LONG_WAIT = "up to 45 minutes while the kitchen confirms availability with the supplier"
LONG_CHANNEL = "Self-service kiosk in the lobby next to the entrance"
LONG_TAG = "a-very-long-tag-name-for-regulatory-compliance"


def long_card() -> Card:
    return Card("c1", "front", "s1", text="Takes the order", wait=LONG_WAIT, channel=LONG_CHANNEL,
                tags=[LONG_TAG, "ok"], score=-1)


def drawn_text(card: Card) -> str:
    """The card's drawn words, line after line, as one string with single spaces."""
    shape = measure_card(card, "frontstage")
    return " ".join(p.text for p in shape.primitives if isinstance(p, Text))


def test_long_chips_keep_every_word_and_stay_inside_their_card() -> None:
    card = long_card()
    shape = measure_card(card, "frontstage")
    words = drawn_text(card)
    assert "…" not in words
    for text in (LONG_WAIT, LONG_CHANNEL):
        assert text in words, f"{text!r} is not drawn whole: {words!r}"
    # A word longer than the card's room is broken between characters; every character is drawn.
    assert f"#{LONG_TAG}" in words.replace(" ", "").replace("#", " #")
    for prim in shape.primitives[1:]:  # after the shadow, which falls 1.5 px below the card
        if isinstance(prim, Box):
            assert prim.x >= 0 and prim.x + prim.w <= shape.w + 0.01, prim
            assert prim.y >= 0 and prim.y + prim.h <= shape.h + 0.01, prim
        if isinstance(prim, Text) and prim.anchor == "start":
            right = prim.x + model.typesetting.text_width(prim.text, prim.size, prim.bold)
            assert right <= shape.w - st.CARD_PAD_X + 0.01, prim


def test_a_wrapped_chip_grows_a_line_at_a_time_and_a_short_one_stays_one_line() -> None:
    def chip_boxes(card: Card) -> list[Box]:
        shape = measure_card(card, "frontstage")
        return [p for p in shape.primitives[2:] if isinstance(p, Box)]  # after the shadow and the body

    short = chip_boxes(Card("c1", "front", "s1", text="x", wait="5 min"))
    assert [box.h for box in short] == [st.CHIP_H]
    long = chip_boxes(Card("c1", "front", "s1", text="x", wait=LONG_WAIT))
    shape = measure_card(Card("c1", "front", "s1", text="x", wait=LONG_WAIT), "frontstage")
    lines = [p for p in shape.primitives if isinstance(p, Text) and p.size == st.CHIP_SIZE]
    assert len(lines) >= 3
    assert long[0].h == st.CHIP_H + (len(lines) - 1) * line_height(st.CHIP_SIZE)
    # The card grows by what the chip grew.
    short_card = measure_card(Card("c1", "front", "s1", text="x", wait="5 min"), "frontstage")
    assert shape.h - short_card.h == long[0].h - st.CHIP_H
    # The lines are a line height apart, the first where a one-line chip has its text.
    baselines = [p.y for p in lines]
    assert all(b - a == line_height(st.CHIP_SIZE) for a, b in itertools.pairwise(baselines))


def test_a_chip_row_after_a_tall_chip_starts_below_it() -> None:
    shape = measure_card(Card("c1", "front", "s1", text="x", channel=LONG_CHANNEL, tags=["next"]), "frontstage")
    channel_box = next(p for p in shape.primitives[2:] if isinstance(p, Box))
    tag = next(p for p in shape.primitives if isinstance(p, Text) and p.text == "#next")
    assert tag.y - (st.CHIP_H - line_height(st.CHIP_SIZE)) > channel_box.y + channel_box.h


def long_document() -> model.Document:
    doc = model.Document(title="Long chips")
    doc.add_stage(Stage("s1", "Order"))
    doc.add_lane(Lane("front", "Frontstage", "frontstage"))
    doc.add_card(long_card())
    return doc


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_long_chips_are_whole_in_the_svg_and_the_pdf_text(tmp_path: Path) -> None:
    svg = normalise(render_svg(Layout(long_document())))
    for text in (LONG_WAIT, LONG_CHANNEL):
        for word in text.split():
            assert f">{word}" in svg or f" {word}" in svg, f"{word!r} is missing from the SVG"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    pdf = tmp_path / "long.pdf"
    export_pdf(long_document(), pdf)
    text = normalise(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout)
    assert "…" not in text
    for whole in (LONG_WAIT, LONG_CHANNEL):
        assert whole in text, f"{whole!r} is not in the PDF's text: {text!r}"
