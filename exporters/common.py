"""What every exporter shares: taking a document or a layout, clean text, atomic writes.

No Qt here: the SVG and PDF exporters and the command line import this module.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from model.board_words import board_word
from model.cardshape import MAX_LINES
from model.document import Document
from model.glyphs import drawable, missing_glyph_warning
from model.layout import Layout
from model.primitives import Primitive
from model.safefile import Data, replace_file
from model.version import VERSION

# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF). Written unchanged they make an SVG that opens nowhere; the PDF
# and Qt renderers drop them too so that all three pictures show the same text.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Within one laid-out line a tab, newline or return can only be drawn as a space.
_SPACES = str.maketrans({"\t": " ", "\n": " ", "\r": " "})

DocumentOrLayout = Document | Layout


def document_title(document: Document) -> str:
    """The title an export's properties give (PDF Title, SVG <title>, PNG Title): the board's, else "Untitled" in
    the board's language, as the board's heading says it (a German board's page read "Unbenannt" and its
    reader's title bar "Untitled")."""
    title = " ".join(clean_text(document.title or "").split())  # a title of spaces only is none
    return title or board_word("Untitled", document.language)


def missing_glyph_warnings(layout: Layout, primitives: Iterable[Primitive] | None = None) -> list[str]:
    """One warning line naming the characters of the board no installed font can draw, if any.

    ``primitives``: the layout's, when the caller has walked them already.
    """
    from model.primitives import Text

    return glyph_warnings([p.text for p in (layout.primitives() if primitives is None else primitives)
                           if isinstance(p, Text)])


def glyph_warnings(texts: Iterable[str]) -> list[str]:
    """``missing_glyph_warnings`` of these lines of text."""
    # ASCII text stays ASCII when cleaned, and every font has it: only the rest is looked at.
    line = missing_glyph_warning(clean_text(text) for text in texts if not text.isascii())
    return [line] if line else []


class ShortenedCardsWarning(str):
    """The warning that cards longer than MAX_LINES end in an ellipsis in an SVG: the line the command
    line prints, and the count, from which a window words it in its own language."""

    cards: int  # not ``count``, which would hide str.count

    def __new__(cls, count: int) -> ShortenedCardsWarning:
        cards = f"1 card is longer than {MAX_LINES} lines and ends" if count == 1 else \
            f"{count} cards are longer than {MAX_LINES} lines and end"
        warning = super().__new__(cls, f"{cards} in an ellipsis; the full text is the card's tooltip "
                                       "(a PDF prints it on a page of its own)")
        warning.cards = count
        return warning


def as_layout(document_or_layout: DocumentOrLayout) -> Layout:
    """The layout of a document, or the layout itself when one is given."""
    if isinstance(document_or_layout, Layout):
        return document_or_layout
    if isinstance(document_or_layout, Document):
        return Layout(document_or_layout)
    raise TypeError(f"expected a Document or a Layout, not {type(document_or_layout).__name__}")


def clean_text(text: str) -> str:
    """``text`` without XML-illegal characters, with tabs and line breaks as spaces."""
    return _ILLEGAL.sub("", text).translate(_SPACES)


def draw_text(text: str) -> str:
    """What a renderer draws for a Text primitive: ``clean_text``, with characters no font has as boxes."""
    if text.isascii() and text.isprintable():  # most lines: nothing to clean, every font has it
        return text
    return drawable(clean_text(text))


def app_version() -> str:
    """Touchline's version (model/version.py)."""
    return VERSION


def creator() -> str:
    """The creator string written into exported files."""
    return f"Touchline {app_version()}"


def write_atomic(path: str | os.PathLike[str], data: Data) -> None:
    """Write ``data`` (or its pieces, one after the other, never joined) to ``path`` so that ``path`` is
    always either the old file or the new one: model.safefile's ``replace_file``, the very steps of a save
    (a target checked as a save's, a temporary file beside it, flushed to disk and renamed over it; on any
    failure the temporary file removed and an existing target untouched, and a SaveError in plain words
    that the window words in its language, app/problems.problem)."""
    replace_file(path, data)


PrimitiveGroup = tuple[Sequence[Primitive], tuple[float, float] | None]


def primitive_groups(layout: Layout, board: list[Primitive] | None = None) -> list[PrimitiveGroup]:
    """What a writer draws: the layout's groups (``Layout.primitive_groups``: a card's drawing with the
    offset that moves it onto the board, which the writer adds as it writes), or ``board`` (or the
    themed primitives, recoloured one by one) as one group already in place."""
    if board is not None:
        return [(board, None)]
    if layout.theme != "light":
        return [(list(layout.primitives()), None)]
    return list(layout.primitive_groups())
