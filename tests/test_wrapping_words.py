"""model.wrapping's word walk (printable ASCII words between single spaces) gives the token walk's lines.

Issue 9, opening a large board: most cards' text takes the word walk. Checked line for line against
the token walk on the bundled examples, the benchmark's boards and generated paragraphs at many
widths; counted that plain text takes it and anything else does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import load, wrapping
from model import style as sty
from model.fonts import RESOURCES, font_metrics

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from boards import synthetic_board

WIDTHS = (0.0, 8.0, 30.0, 61.5, 100.0, 148.0, 164.0, 300.0)
EXAMPLE_TEXTS = [card.text for path in sorted((RESOURCES / "examples").glob("*.touchline"))
                 for card in load(path).cards()]


def token_walk(text: str, width: float, bold: bool = False, size: float = sty.CARD_SIZE) -> list[str]:
    metrics = font_metrics(bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(wrapping._wrap_tokens(paragraph, width, metrics, size))
    return lines


@pytest.mark.parametrize("width", WIDTHS)
def test_the_examples_and_the_benchmark_board_wrap_as_token_by_token(width: float) -> None:
    texts = EXAMPLE_TEXTS + [card.text for card in synthetic_board(400).cards()]
    for bold in (False, True):
        for text in texts:
            assert wrapping.wrap(text, width, font_metrics(bold), sty.CARD_SIZE) == token_walk(text, width, bold)


WORDS = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=20), st.sampled_from((*WIDTHS, 163.99, 170.25)),
       st.sampled_from((sty.CARD_SIZE, 11.0, 15.5)))
def test_generated_plain_paragraphs_wrap_as_token_by_token(words: list[str], width: float, size: float) -> None:
    text = " ".join(words)
    assert wrapping.wrap(text, width, font_metrics(False), size) == token_walk(text, width, size=size)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab W.\t\u00a0é中 "), max_size=30), st.sampled_from(WIDTHS))
def test_any_paragraph_wraps_as_token_by_token(text: str, width: float) -> None:
    assert wrapping.wrap(text, width, font_metrics(False), sty.CARD_SIZE) == token_walk(text, width)


@pytest.mark.parametrize(("text", "walked"), [
    ("customer orders the coffee", True), ("a", True), ("", False), (" leading", False), ("trailing ", False),
    ("two  spaces", False), ("a\ttab", False), ("café", False), ("no\u00a0break", False), ("中文", False),
])
def test_which_paragraphs_take_the_word_walk(text: str, walked: bool) -> None:
    result = wrapping._wrap_words(text, 160.0, font_metrics(False), sty.CARD_SIZE) \
        if text.isascii() and text.isprintable() else None
    assert (result is not None) == walked


def test_a_word_wider_than_the_line_is_left_to_the_token_walk() -> None:
    metrics = font_metrics(False)
    assert wrapping._wrap_words("short incomprehensibilities", 40.0, metrics, sty.CARD_SIZE) is None
    assert wrapping.wrap("short incomprehensibilities", 40.0, metrics, sty.CARD_SIZE) \
        == token_walk("short incomprehensibilities", 40.0)
