"""Touchline's document model: records, the Document, the v1 file format and the layout.

Pure Python (no Qt). The functions below are the public API of format.md.
"""

from model.document import Document
from model.entities import LANE_KINDS, LINK_KINDS, Card, Lane, Link, Persona, Stage
from model.fileformat import LoadError, SaveError, dumps, load, loads, save

__all__ = [
    "LANE_KINDS",
    "LINK_KINDS",
    "Card",
    "Document",
    "Lane",
    "Link",
    "LoadError",
    "Persona",
    "SaveError",
    "Stage",
    "dumps",
    "load",
    "loads",
    "save",
]
