"""The bundled templates a new document starts from (``touchline new``, File > New)."""

from __future__ import annotations

from pathlib import Path

from model.document import Document
from model.fileformat import load
from model.fonts import RESOURCES

TEMPLATE_DIR = RESOURCES / "templates"
TEMPLATE_KINDS: tuple[str, ...] = ("blueprint", "journey")


def template_path(kind: str) -> Path:
    """The file of the ``blueprint`` or ``journey`` template (ValueError for any other kind)."""
    if kind not in TEMPLATE_KINDS:
        raise ValueError(f'unknown template "{kind}" (one of {", ".join(TEMPLATE_KINDS)})')
    return TEMPLATE_DIR / f"{kind}.touchline"


def new_document(kind: str) -> Document:
    """A fresh document loaded from the bundled template of this kind."""
    return load(template_path(kind))
