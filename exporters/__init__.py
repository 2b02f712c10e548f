"""Exporters: draw a model.Layout as SVG (text, with glyph outlines from fontTools), PDF (reportlab) or PNG (Qt).

Also for other tools: draw.io (.drawio, from the same layout), a Mermaid journey (.mmd or
.mermaid) and a CSV table (.csv).

Importing this package loads no Qt; only the PNG exporter does, when it runs. Every
exporter renders into memory first and then replaces the target file in one rename, so a
failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from exporters.common import DocumentOrLayout, as_layout, missing_glyph_warnings, write_atomic
from model.layout import Layout
from model.primitives import Primitive

if TYPE_CHECKING:
    from exporters.pages import PageSpec

FORMATS: tuple[str, ...] = ("svg", "pdf", "png", "drawio", "mmd", "csv")
ALIASES: dict[str, str] = {"mermaid": "mmd"}  # another suffix for the same format

__all__ = ["FORMATS", "PageSpec", "Rendered", "export", "format_for", "render"]


def __getattr__(name: str) -> Any:
    """``exporters.PageSpec``, imported when first asked for: the editor's canvas draws with exporters.qtpaint
    (which loads this package) and needs no paper sizes to show a board."""
    if name == "PageSpec":
        from exporters.pages import PageSpec

        return PageSpec
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The export format for ``path``: ``fmt`` when given, else the file's suffix (see FORMATS; .mermaid is mmd).

    Raises ValueError for anything else.
    """
    if fmt is not None:
        chosen = fmt.lower().lstrip(".")
        chosen = ALIASES.get(chosen, chosen)
        if chosen not in FORMATS:
            raise ValueError(f'unknown export format "{fmt}"; use one of: {", ".join(FORMATS)}')
        return chosen
    suffix = Path(path).suffix
    chosen = suffix.lower().lstrip(".")
    chosen = ALIASES.get(chosen, chosen)
    if chosen not in FORMATS:
        what = f'suffix "{suffix}"' if suffix else "no suffix"
        raise ValueError(
            f"cannot tell the export format of {os.fspath(path)!r} ({what}); "
            f"use a name ending in {', '.join('.' + f for f in FORMATS)}"
        )
    return chosen


class Rendered(NamedTuple):
    """An export in memory: the file's bytes (an SVG's in the pieces it is written in, never joined) and
    the warning lines for the user."""

    data: bytes | list[bytes]
    warnings: list[str]


def render(
    document: DocumentOrLayout,
    fmt: str,
    *,
    dpi: float = 96.0,
    page: PageSpec | None = None,
) -> Rendered:
    """A document (or its layout) in the format ``fmt`` (see FORMATS), not written anywhere: what ``export``
    writes, and what the editor's cancellable export writes beside its target in its worker thread (the
    file is renamed into place only when the user has not cancelled, app/main_window.py).

    ``dpi`` applies to PNG only, ``page`` (paper size, orientation, tiling) to PDF only;
    another format with a paper size raises ValueError.
    """
    from exporters.pages import PageSpec

    chosen = format_for("", fmt)
    page = page or PageSpec()
    if page.page != "fit" and chosen != "pdf":
        raise ValueError(f"a paper size (--page {page.page}) applies to PDF only, not to .{chosen}")
    if chosen in ("mmd", "csv"):  # text for other tools: no layout needed
        from exporters.interchange import csv_bytes, mermaid_bytes

        return Rendered((mermaid_bytes if chosen == "mmd" else csv_bytes)(document), [])
    layout = as_layout(document)
    if chosen == "pdf":
        from exporters.pages import plan_pages
        from exporters.pdf import render_pdf

        plan = plan_pages(layout, page)
        data = render_pdf(layout, plan=plan)  # a fit page draws the layout's groups (see svg_pieces)
        return Rendered(data, plan.warnings + missing_glyph_warnings(layout, _unmoved(layout)))
    if chosen == "svg":
        from exporters.svg import svg_pieces

        # It walks the layout's groups, moving card drawings as it writes them, and warns of the lines it drew.
        pieces, warnings = svg_pieces(layout)
        return Rendered(pieces, warnings)
    if chosen == "drawio":
        from exporters.drawio import render_drawio

        return Rendered(render_drawio(layout), missing_glyph_warnings(layout))
    from exporters.png import render_png

    return Rendered(render_png(layout, dpi), missing_glyph_warnings(layout))


def export(
    document: DocumentOrLayout,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    dpi: float = 96.0,
    page: PageSpec | None = None,
) -> list[str]:
    """Export a document (or its layout) to ``path``, the format chosen by ``fmt`` or by the suffix.

    ``render``'s file, written atomically (exporters.common.write_atomic: beside the target, then
    renamed over it); its warning lines for the user (text too small on the chosen paper, characters
    no font can draw).
    """
    rendered = render(document, format_for(path, fmt), dpi=dpi, page=page)
    write_atomic(path, rendered.data)
    return rendered.warnings


def _unmoved(layout: Layout) -> list[Primitive]:
    """Every primitive of the board where its group has it (a card's relative to the card): the text is all
    the warnings look at."""
    return [primitive for group, _ in layout.primitive_groups() for primitive in group]
