"""Greedy word wrapping against font metrics: the one place text is broken into lines."""

from __future__ import annotations

import functools
import re

from model.fonts import FontMetrics

# A token is a run of spaces, one ideographic character (CJK text breaks between any two),
# or a run of anything else up to the next space or ideograph.
_IDEOGRAPHS = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
# Closing punctuation stays with the character before it: a line never starts with 。 or ）.
_CLOSING = "\u3001\u3002\u300d\u300f\u3011\uff01\uff09\uff0c\uff0e\uff1a\uff1b\uff1f"
_TOKEN_PATTERN = rf"[ \t]+|[{_IDEOGRAPHS}][{_CLOSING}]*|[^ \t{_IDEOGRAPHS}]+"
# Text with no character from U+2E80 on (every ideograph and closing mark above is there or later)
# has no token of the second kind, and the third is then "anything but a space": the same tokens
# as _TOKEN_PATTERN's. Compiling that pattern walks each code point of its ranges in Python
# (~44,000 per class: 7-8 ms of every start), so it is compiled only for text that needs it.
_FIRST_IDEOGRAPH = "\u2e80"
_PLAIN_TOKEN = re.compile(r"[ \t]+|[^ \t]+")


@functools.cache
def _ideograph_tokens() -> re.Pattern[str]:
    """The tokenizer of text with ideographs, compiled on first use."""
    return re.compile(_TOKEN_PATTERN)


def tokens(paragraph: str) -> list[str]:
    """``paragraph`` cut into runs of spaces, single ideographs (with their closing marks) and words."""
    if paragraph and max(paragraph) >= _FIRST_IDEOGRAPH:
        return _ideograph_tokens().findall(paragraph)
    return _PLAIN_TOKEN.findall(paragraph)


def wrap(text: str, width: float, metrics: FontMetrics, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``; newlines are kept as breaks.

    A word longer than a line is cut between characters. An empty text gives one
    empty line, so that an empty card still has the height of one line.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, metrics, size))
    return lines


def _wrap_paragraph(paragraph: str, width: float, metrics: FontMetrics, size: float) -> list[str]:
    lines: list[str] = []
    current = ""
    current_width = 0.0
    # The words' widths at this size read here directly: a method call per word was most
    # of wrapping's time. An entry is what ``metrics.width`` gave for the word.
    widths = metrics.widths_at(size)
    for token in tokens(paragraph):
        token_width = widths.get(token)
        if token_width is None:
            token_width = metrics.width(token, size)
            metrics.remember(widths, token, token_width)
        if token.isspace():
            if current:
                current += token
                current_width += token_width
            continue
        if current_width + token_width <= width:
            current += token
            current_width += token_width
            continue
        if current:
            lines.append(current.rstrip())
            current, current_width = "", 0.0
        if token_width <= width:
            current, current_width = token, token_width
            continue
        for ch in token:  # a word wider than the line: cut it between characters
            ch_width = metrics.width(ch, size)
            if current and current_width + ch_width > width:
                lines.append(current)
                current, current_width = "", 0.0
            current += ch
            current_width += ch_width
    lines.append(current.rstrip())
    return lines
