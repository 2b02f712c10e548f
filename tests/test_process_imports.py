"""What a command-line export and the editor's start import: only what they use (issue 9, counted not timed).

Each module left out here cost a start or an export 10-30 ms: psygnal (its package asks
importlib.metadata for its version), importlib.metadata itself (email, zipfile, csv),
fontTools (the bundled face's metrics are read by model.sfnt; fontTools only for outlines
in the SVG and for fallback fonts).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from model.fonts import FONT_FILES, font_metrics
from model.sfnt import read_face

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter (this checkout first on its path) holds after running ``code``."""
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT,
                         env=env, timeout=120)
    return set(out.stdout.split())


@pytest.mark.parametrize("suffix", ["pdf", "svg"])
def test_an_export_imports_no_signal_library_no_metadata_and_no_qt(tmp_path: Path, suffix: str) -> None:
    loaded = modules_after(
        "from app.cli import main\n"
        f"assert main(['export', {str(EXAMPLE)!r}, '-o', {str(tmp_path / ('out.' + suffix))!r}]) == 0")
    assert (tmp_path / f"out.{suffix}").stat().st_size > 1000
    assert not {"psygnal", "importlib.metadata", "networkx", "PySide6"} & loaded
    if suffix == "pdf":  # the SVG draws glyph outlines, read with fontTools (which logs)
        assert "fontTools" not in loaded
        assert "logging" not in loaded  # ~5 ms before a large export's fork, for warnings it rarely writes


def test_laying_out_the_example_needs_no_fonttools() -> None:
    """The example's "→" is measured in a fallback font (DejaVu Sans here): read by model.sfnt, not fontTools."""
    loaded = modules_after(f"import model\nfrom model.layout import Layout\nLayout(model.load({str(EXAMPLE)!r}))\n"
                           "from model.glyphs import finder\nassert finder().font_for('→', False) is not None")
    assert "model.layout" in loaded and "fontTools" not in loaded and "psygnal" not in loaded


def test_fallback_fonts_read_by_sfnt_match_fonttools() -> None:
    from model import glyphs

    font = glyphs.finder().font_for("→", False)
    assert font is not None
    fresh = glyphs._load.__wrapped__(font.path, font.index)
    by_fonttools = glyphs._load_with_fonttools(font.path, font.index)
    assert fresh is not None and by_fonttools is not None
    assert (fresh.family, fresh.units_per_em, fresh.advances) == \
        (by_fonttools.family, by_fonttools.units_per_em, by_fonttools.advances)


@pytest.mark.parametrize("bold", [False, True])
def test_the_bundled_faces_read_by_sfnt_match_fonttools(bold: bool) -> None:
    path = FONT_FILES[bold]
    face = read_face(path)
    assert face is not None
    font = TTFont(path, lazy=True)
    best = font.getBestCmap()
    assert {cp: font.getGlyphID(name) for cp, name in best.items()} == face.cmap
    assert {chr(cp): font["hmtx"].metrics[name][0] for cp, name in best.items()} == font_metrics(bold).advances
    assert (face.units_per_em, face.ascent, face.descent) == \
        (font["head"].unitsPerEm, font["hhea"].ascent, font["hhea"].descent)


def test_a_command_ends_its_process_with_its_status_and_its_output_flushed(tmp_path: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "app", "export", str(EXAMPLE), "-o", str(tmp_path / "out.svg")],
                        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and (tmp_path / "out.svg").read_bytes().endswith(b"</svg>\n")
    bad = subprocess.run([sys.executable, "-m", "app", "validate", str(tmp_path / "missing.touchline")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("touchline: error: ") and bad.stderr.endswith("\n")
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind
