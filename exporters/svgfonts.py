"""The fonts an SVG uses, subset with fontTools and embedded as ``@font-face`` data URIs.

Each character drawn is assigned to the font layout measured it with: the bundled face
(regular or bold) when it has it, else the fallback model.glyphs found. Each font is cut
down to exactly its characters (plus what its shaping rules reach: Arabic contextual forms,
for example), so a browser on a machine without these fonts walks the font-family list
and finds every character in the one font that was meant to draw it.
"""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from fontTools import subset
from fontTools.ttLib import TTFont

from model.fonts import FONT_FAMILY, FONT_FILES
from model.glyphs import bundled_has, finder, is_invisible


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    """One ``@font-face`` rule: family, weight and the subset font as base64."""

    family: str
    bold: bool
    data: str  # base64 of a TrueType font

    def css(self) -> str:
        """The ``@font-face`` rule."""
        weight = "bold" if self.bold else "normal"
        return (f"@font-face{{font-family:'{embedded_family(self.family)}';font-weight:{weight};font-style:normal;"
                f"src:url(data:font/ttf;base64,{self.data}) format('truetype')}}")


def fonts_for(texts: Iterable[tuple[str, bool]]) -> tuple[list[EmbeddedFont], list[str]]:
    """Subset fonts for ``texts`` ((text, bold) pairs already cleaned) and the font-family list to name.

    The family list starts with the bundled family and follows with the fallbacks in the
    order they were found.
    """
    wanted: dict[tuple[str, int, bool], set[str]] = {}
    families: dict[tuple[str, int, bool], str] = {}
    used: dict[bool, set[str]] = {False: set(), True: set()}
    for text, bold in texts:
        used[bold].update(text)  # each character once: a large board repeats them thousands of times
    for bold, chars in used.items():
        for ch in sorted(chars):
            if ch.isspace() or is_invisible(ch):
                continue
            if bundled_has(ch, bold):
                key = (str(FONT_FILES[bold]), 0, bold)
                families[key] = FONT_FAMILY
            else:
                font = finder().font_for(ch, bold)
                if font is None:
                    continue  # drawn as a replacement box, which has a font of its own
                key = (font.path, font.index, bold)
                families[key] = font.family
            wanted.setdefault(key, set()).add(ch)
    embedded = [
        EmbeddedFont(families[key], key[2], _subset(key[0], key[1], "".join(sorted(members)),
                                                    shaping=families[key] != FONT_FAMILY))
        for key, members in wanted.items()
    ]
    names = [FONT_FAMILY] + [f.family for f in finder().fonts() if f.family != FONT_FAMILY]
    names = list(dict.fromkeys(names))
    # The embedded subsets first, under names of their own: Chromium prefers an installed
    # font of the same name to an @font-face rule (an older Noto Sans made lines 0.5 %
    # wider). Then the real names, for renderers without @font-face (librsvg).
    embedded_names = [embedded_family(font.family) for font in embedded]
    return embedded, list(dict.fromkeys(embedded_names + names))


def embedded_family(family: str) -> str:
    """The name an embedded subset of ``family`` goes by in the SVG."""
    return f"Touchline {family}"


# fontTools reports every table it drops (FFTM, ...) on the root logger; that is not news.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


def _subset(path: str, index: int, text: str, shaping: bool) -> str:
    """A TrueType subset of the font with the characters of ``text``, as base64.

    A fallback keeps its shaping tables (Arabic joining forms, mark positioning). The
    bundled face does not need them: every renderer draws it without kerning or
    ligatures, and reading Noto Sans's GPOS alone took a second on each export.
    """
    options = subset.Options()
    if shaping:
        options.layout_features = ["*"]
    else:
        options.layout_features = []
        options.drop_tables += ["GPOS", "GSUB", "GDEF"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["DSIG"]
    font = TTFont(path, fontNumber=index)  # tables and glyphs are read as the subsetter needs them
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    finally:
        font.close()
    return base64.b64encode(out.getvalue()).decode("ascii")
