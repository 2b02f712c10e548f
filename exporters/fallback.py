"""Fallback fonts for the exporters: the fonts model.glyphs found, as reportlab fonts and SVG subsets.

reportlab draws a character its font does not have as an invisible ``.notdef`` glyph and
drops it from the text layer, silently. The PDF exporter therefore draws each character
the bundled face lacks with the fallback font model.glyphs chose for it (the one layout
measured it with), registered here under a stable name; reportlab embeds a subset of it.
"""

from __future__ import annotations

import pathlib
import re
import unicodedata
from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from model.glyphs import FallbackFinder, FallbackFont, finder, thickened

__all__ = ["FallbackFinder", "FallbackFont", "finder", "reportlab_name", "thickened_name"]


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
    if thickened(font):
        _THICK_NAMES.add(name)
    return name


_THICK_NAMES: set[str] = set()  # the reportlab names of faces thickened in bold lines (model.glyphs.thickened)


def thickened_name(name: str) -> bool:
    """Whether bold text in the fallback font registered as ``name`` is drawn thickened (model.glyphs.thickened)."""
    return name in _THICK_NAMES


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 surrogate pairs,
    and Arabic's contextual forms as the letters they are forms of.

    reportlab writes the former as five hex digits (``<1F600>``), which PDF readers take for
    another character: pdftotext turned 😀 into ὠ. The latter are what the PDF draws for Arabic
    (model.glyphs.visual: reportlab does not shape): copied or searched, the text must be the
    letters typed (ﻃﻠﺐ, U+FEC3 U+FEE0 U+FE90, is طلب). A ligature's letters are given in the order
    they are drawn, right to left, as the glyphs are: readers put the run back in logical order, the
    ligature's letters with it (ﻻ mapped to لا was copied as ال). Everything else is reportlab's own text.
    """
    def utf16(code: int) -> str:
        char = chr(code)
        if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:  # Arabic Presentation Forms-A and -B
            char = (unicodedata.normalize("NFKC", char).strip() or char)[::-1]
        return char.encode("utf-16-be", "surrogatepass").hex().upper()

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
