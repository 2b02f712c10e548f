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

from reportlab.pdfbase import pdfmetrics, ttfonts
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


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 surrogate pairs.

    reportlab writes them as five hex digits (``<1F600>``), which PDF readers take for
    another character: pdftotext turned 😀 into ὠ. Everything else is reportlab's own text.
    """
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
