"""Import a board from another tool's file, chosen by its suffix: Mermaid journeys and CSV tables.

Qt-free; the ``touchline import`` command and File › Import both come through here.
"""

from __future__ import annotations

import os
from pathlib import Path

from model.csvtable import from_csv
from model.document import Document
from model.fileformat import LoadError, read_file
from model.limits import MAX_COUNTS
from model.mermaid import from_mermaid

IMPORT_SUFFIXES: dict[str, str] = {".mmd": "mermaid", ".mermaid": "mermaid", ".csv": "csv"}
NO_SUFFIX = "no suffix"


def import_format(path: str | os.PathLike[str]) -> str:
    """``mermaid`` or ``csv`` for the file's suffix; LoadError for any other."""
    suffix = Path(path).suffix
    chosen = IMPORT_SUFFIXES.get(suffix.lower())
    if chosen is None:
        # "no suffix" is words (a window says it in its language), a suffix is not
        shown = f'"{suffix}"' if suffix else NO_SUFFIX
        raise LoadError("unknown input format ({0}); use .mmd or .mermaid (a Mermaid journey) or .csv", shown)
    return chosen


def title_from_name(path: str | os.PathLike[str]) -> str:
    """A board title from a file name: ``checkout-journey.mmd`` → ``Checkout journey``."""
    words = " ".join(Path(path).stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:] if words else "Untitled"


def import_file(path: str | os.PathLike[str]) -> Document:
    """Read a Mermaid journey or a CSV table into a new document; LoadError names the place of a problem.

    The file name gives the title when the file itself has none (a CSV never has one).
    """
    chosen = import_format(path)
    data = read_file(path)
    title = title_from_name(path)
    document = from_mermaid(data, default_title=title) if chosen == "mermaid" else from_csv(data, default_title=title)
    check_limits(document)
    return document


def check_limits(document: Document) -> None:
    """LoadError when the board holds more than Touchline opens: it could be saved but not reopened."""
    counts = {"cards": document.card_count(), "links": len(list(document.links())), "stages": len(document.stages),
              "lanes": len(document.lanes), "personas": len(document.personas)}
    for key, limit in MAX_COUNTS.items():
        if counts.get(key, 0) > limit:
            raise LoadError("{0} {1} is more than the {2} Touchline opens", f"{counts[key]:,}", key, f"{limit:,}")
