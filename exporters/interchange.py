"""Text exports for other tools: a Mermaid ``journey`` (.mmd) and a CSV table (.csv).

They need the document only, not its layout. The text comes from ``model.mermaid`` and
``model.csvtable``, which also read these formats back; here it is written atomically.
The CSV starts with a UTF-8 byte-order mark, so that Excel reads it as UTF-8 (every
other tool, and Touchline's import, skip the mark).
"""

from __future__ import annotations

from exporters.common import DocumentOrLayout
from model.csvtable import to_csv
from model.document import Document
from model.layout import Layout
from model.mermaid import to_mermaid


def document_of(document_or_layout: DocumentOrLayout) -> Document:
    """The document itself, or the one a layout was made for."""
    if isinstance(document_or_layout, Layout):
        return document_or_layout.document
    if isinstance(document_or_layout, Document):
        return document_or_layout
    raise TypeError(f"expected a Document or a Layout, not {type(document_or_layout).__name__}")


def mermaid_bytes(document_or_layout: DocumentOrLayout) -> bytes:
    """The board as a Mermaid journey (stages as sections, customer cards as tasks), in UTF-8."""
    return to_mermaid(document_of(document_or_layout)).encode("utf-8")


def csv_bytes(document_or_layout: DocumentOrLayout) -> bytes:
    """The board's cards as a CSV table (UTF-8 with a byte-order mark, CRLF line ends)."""
    return ("\ufeff" + to_csv(document_of(document_or_layout))).encode("utf-8")
