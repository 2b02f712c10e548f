"""Greedy word wrapping against font metrics: the one place text is broken into lines."""

from __future__ import annotations

import functools
import re
import unicodedata

from model.fonts import FontMetrics
from model.linebreaks import FIRST_SPACELESS, spaceless, word_pieces
from model.shaping import clusters, needs_shaping, of_no_script

# A token is a run of spaces, one ideographic character (CJK text breaks between any two),
# or a run of anything else up to the next space or ideograph.
_IDEOGRAPHS = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
# What a line never starts with (Japanese kinsoku, JIS X 4051's line-start rule, and Chinese punctuation)
# stays with the character before it: closing brackets and marks (、。，．：；！？ ） 」 』 】 〕 〉 》),
# small kana (ゃ ッ ァ: "キャ" is one sound), the prolonged sound mark ー, the middle dot ・ and the
# iteration marks (々 ゝ ヽ).
_CLOSING = ("\u3001\u3002\u3005\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301f"
            "\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u3095\u3096\u309b-\u309e"
            "\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6\u30fb-\u30fe\u31f0-\u31ff"
            "\uff01\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff3d\uff5d\uff61\uff63\uff64\uff67-\uff70")
# ...and what a line never ends with (opening brackets: 「 『 （ 【 〔 〈 《) stays with the character after it,
# an ideograph or a word of other letters ("「Touchline」で" breaks before 「 and after 」, never inside).
_OPENING = "\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301d\uff08\uff3b\uff5b\uff62"
_TOKEN_PATTERN = rf"[ \t]+|[{_OPENING}]*(?:[{_IDEOGRAPHS}]|[^ \t{_IDEOGRAPHS}]+)[{_CLOSING}]*"
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
    """``paragraph`` cut into runs of spaces, single ideographs (with their closing marks) and words; a run of
    Thai, Lao, Khmer or Myanmar (no spaces between words) into its words (model.linebreaks)."""
    last = max(paragraph) if paragraph else ""
    found = _ideograph_tokens().findall(paragraph) if last >= _FIRST_IDEOGRAPH else _PLAIN_TOKEN.findall(paragraph)
    if last < FIRST_SPACELESS or not spaceless(paragraph):
        return found
    return [piece for token in found for piece in (word_pieces(token) if not token.isspace() else (token,))]


def wrap(text: str, width: float, metrics: FontMetrics, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``; newlines are kept as breaks.

    A word longer than a line is cut between characters. An empty text gives one
    empty line, so that an empty card still has the height of one line.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        broken = _wrap_paragraph(paragraph, width, metrics, size)
        if len(broken) > 1 and not paragraph.isascii():
            broken = _in_paragraph_direction(broken, paragraph)
        lines.extend(broken)
    return lines


RIGHT_TO_LEFT_MARK, LEFT_TO_RIGHT_MARK = "\u200f", "\u200e"


def _strong_direction(text: str) -> str | None:
    """"R" or "L": the direction of ``text``'s first letter that has one (Unicode's rule P2); None for none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return None


def _in_paragraph_direction(lines: list[str], paragraph: str) -> list[str]:
    """A paragraph's lines, each to be laid out in the paragraph's direction.

    Every renderer (Qt, python-bidi for the PDF and the SVG outlines, a browser) decides a line's
    direction by its first letter. A line of an Arabic paragraph that starts with "Apple Pay" was
    then laid out left to right, its Arabic words after the English ones, read in the wrong
    order; such a line starts with an invisible direction mark (drawn as nothing, no width).
    """
    direction = _strong_direction(paragraph)
    if direction is None:
        return lines
    mark = RIGHT_TO_LEFT_MARK if direction == "R" else LEFT_TO_RIGHT_MARK
    return [line if _strong_direction(line) in (direction, None) else mark + line for line in lines]


def _wrap_paragraph(paragraph: str, width: float, metrics: FontMetrics, size: float) -> list[str]:
    if paragraph.isascii() and paragraph.isprintable():
        lines = _wrap_words(paragraph, width, metrics, size)
        if lines is not None:
            return lines
    if needs_shaping(paragraph) and SOFT_HYPHEN not in paragraph:
        return _wrap_shaped(paragraph, width, metrics, size)
    return _wrap_tokens(paragraph, width, metrics, size)


def _wrap_shaped(paragraph: str, width: float, metrics: FontMetrics, size: float) -> list[str]:
    """``_wrap_tokens`` for a paragraph with complex-script text (model.shaping), each line measured whole.

    Shaped, a line is not the sum of its words: a digit or a bracket after a Hindi word is drawn in
    the Devanagari font (wider than the bundled face's), so a line of summed words overflowed its card.
    Only a line whose summed words come within ``SHARED_SLACK`` per such character of the width is
    measured whole (shaping every line tried made a 5,000-card Hindi board's layout ~4x slower).
    A word wider than the line is cut between clusters (``shaping.clusters``), never before a vowel
    sign or after a virama, each piece measured with what it joins: cut between characters, a sign
    alone was measured on a dotted circle and drawn on one (◌ि), and a conjunct showed its virama.
    """
    widths = metrics.widths_at(size)

    def measured(text: str) -> float:
        found = widths.get(text)
        if found is None:
            found = metrics.width(text, size)
            metrics.remember(widths, text, found)
        return found

    lines: list[str] = []
    current, summed, shared = "", 0.0, 0  # the line so far, its words' widths added up, its characters of no script
    for token in tokens(paragraph):
        if token.isspace():
            if current:
                current, summed, shared = current + token, summed + measured(token), shared + len(token)
            continue
        token_width, token_shared = measured(token), sum(1 for ch in token if of_no_script(ch))
        slack = (shared + token_shared) * SHARED_SLACK * size
        estimate = summed + token_width
        if estimate + slack <= width or (estimate - slack <= width
                                         and metrics.width((current + token).rstrip(), size) <= width):
            current, summed, shared = current + token, estimate, shared + token_shared
            continue
        if current:
            lines.append(current.rstrip())
            current, summed, shared = "", 0.0, 0
        if token_width <= width:
            current, summed, shared = token, token_width, token_shared
            continue
        for piece in clusters(token):  # a word wider than the line
            if current and metrics.width(current + piece, size) > width:
                lines.append(current)
                current = ""
            current += piece
        summed, shared = measured(current), sum(1 for ch in current if of_no_script(ch))
    lines.append(current.rstrip())
    return lines


# How much wider (or narrower) a space, digit or punctuation mark may be in a complex script's font than in
# the bundled face, in ems: Bengali's "(" is 0.12 em wider, Devanagari's 0.05.
SHARED_SLACK = 0.25



def _wrap_words(paragraph: str, width: float, metrics: FontMetrics, size: float) -> list[str] | None:
    """``_wrap_tokens``'s lines for printable ASCII words between single spaces; None for anything else.

    Most cards' text is such a paragraph: its tokens are then word, space, word, ..., and the walk
    below is ``_wrap_tokens``' walk over them with the same sums in the same order (so the same
    lines), taking each line as a slice of the paragraph instead of building it token by token
    (wrapping was ~a quarter of laying out a 5,000-card board; issue 9). A paragraph with leading,
    trailing or repeated spaces, or a word wider than the line (cut between characters), is left
    to ``_wrap_tokens`` whole.
    """
    words = paragraph.split(" ")
    if "" in words:
        return None
    widths = metrics.widths_at(size)
    space = widths.get(" ")
    if space is None:
        space = metrics.width(" ", size)
        metrics.remember(widths, " ", space)
    lines: list[str] = []
    line_start = 0  # where the current line starts in the paragraph
    word_start = 0  # where the word looked at starts
    current_width = -1.0  # below zero: no word on the line yet
    for word in words:
        word_width = widths.get(word)
        if word_width is None:
            word_width = metrics.width(word, size)
            metrics.remember(widths, word, word_width)
        if word_width > width:
            return None
        if current_width < 0:
            current_width = word_width  # _wrap_tokens' 0.0 + word_width
        else:
            current_width += space
            if current_width + word_width <= width:
                current_width += word_width
            else:
                lines.append(paragraph[line_start:word_start - 1])  # without the space before the word
                line_start = word_start
                current_width = word_width
        word_start += len(word) + 1
    lines.append(paragraph[line_start:])
    return lines


SOFT_HYPHEN = "\u00ad"


def _hyphenated(word: str, room: float, metrics: FontMetrics, size: float) -> tuple[str, str] | None:
    """``word`` cut at its last soft hyphen whose part before it, with a hyphen, fits ``room``: (that part with
    the hyphen, the rest); None when no part fits."""
    cut = word.rfind(SOFT_HYPHEN)
    while cut > 0:
        head = word[:cut].replace(SOFT_HYPHEN, "") + "-"
        if metrics.width(head, size) <= room:
            return head, word[cut + 1:]
        cut = word.rfind(SOFT_HYPHEN, 0, cut)
    return None


def _wrap_tokens(paragraph: str, width: float, metrics: FontMetrics, size: float) -> list[str]:
    """Any paragraph, token by token (``tokens``).

    A word's soft hyphens (U+00AD, a designer's "break a long compound here") are where it may break, with
    a hyphen drawn there; elsewhere they are invisible. They were drawn as hyphens mid-line in the PDF and
    SVG, and "Kundenzufriedenheitsumfrage" broke between any two letters.
    """
    if SOFT_HYPHEN in paragraph:
        return _wrap_soft_hyphens(paragraph, width, metrics, size)
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
        # A word wider than the line: cut between characters, or between clusters where a script joins them
        # (a Hindi word with a soft hyphen came here and was cut before a vowel sign or after a virama).
        for ch in (token if token.isascii() else clusters(token)):
            ch_width = metrics.width(ch, size)
            if current and current_width + ch_width > width:
                lines.append(current)
                current, current_width = "", 0.0
            current += ch
            current_width += ch_width
    lines.append(current.rstrip())
    return lines


def _wrap_soft_hyphens(paragraph: str, width: float, metrics: FontMetrics, size: float) -> list[str]:
    """``_wrap_tokens`` for a paragraph with soft hyphens: a word that does not fit breaks at one of them."""
    lines: list[str] = []
    current = ""
    at_soft_hyphen = False  # ``current`` ends with the part of a word before one of its soft hyphens
    for token in tokens(paragraph):
        if token.isspace():
            if current:
                current += token
            continue
        word = token
        while True:
            plain = word.replace(SOFT_HYPHEN, "")
            if metrics.width(current + plain, size) <= width:
                current += plain
                at_soft_hyphen = False
                break
            room = width - metrics.width(current, size)
            cut = _hyphenated(word, room, metrics, size) if SOFT_HYPHEN in word else None
            if cut is not None:
                lines.append(current + cut[0])
                current, word, at_soft_hyphen = "", cut[1], False
                continue
            if current:
                lines.append(current + "-" if at_soft_hyphen else current.rstrip())
                current, at_soft_hyphen = "", False
                continue
            # Alone on a line and too wide up to its first soft hyphen: that part is cut between
            # characters, and the rest of the word goes on after it.
            first, shy, rest = word.partition(SOFT_HYPHEN)
            # (room kept for the hyphen that may follow its last piece)
            broken = _wrap_tokens(first, width - metrics.width("-", size) if shy else width, metrics, size)
            lines += broken[:-1]
            current, at_soft_hyphen = broken[-1], bool(shy)
            if not shy:
                break
            word = rest
    lines.append(current.rstrip())
    return lines
