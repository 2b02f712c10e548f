"""Fallback fonts for the exporters: the fonts model.glyphs found, as reportlab fonts and SVG subsets.

reportlab draws a character its font does not have as an invisible ``.notdef`` glyph and
drops it from the text layer, silently. The PDF exporter therefore draws each character
the bundled face lacks with the fallback font model.glyphs chose for it (the one layout
measured it with), registered here under a stable name; reportlab embeds a subset of it.
"""

from __future__ import annotations

import pathlib
import re
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from model.glyphs import FallbackFinder, FallbackFont, finder

__all__ = ["FallbackFinder", "FallbackFont", "finder", "reportlab_name"]


@cache
def reportlab_name(font: FallbackFont) -> str | None:
    """The reportlab name of a fallback font, registering it on first use; None if reportlab refuses it."""
    stem = re.sub(r"[^A-Za-z0-9-]", "", pathlib.Path(font.path).stem)
    name = f"Touchline-Fallback-{stem}-{font.index}"
    try:
        pdfmetrics.getFont(name)
    except KeyError:
        try:
            pdfmetrics.registerFont(TTFont(name, font.path, subfontIndex=font.index))
        except Exception:  # reportlab raises bare TTFError/struct errors on fonts it cannot embed
            return None
    return name
