"""What starting the editor imports: nothing the first paint does not need (issue 9, start-up).

Each probe is a fresh process, since a module imported once stays imported. Nothing is timed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"

# Started through the real entry point (app.cli.main, as `touchline FILE`); at the board's first
# frame (app/first_paint.py) the probe prints the loaded modules and the process ends.
FIRST_PAINT_PROBE = """
import os, sys
os.environ["TOUCHLINE_FIRST_PAINT"] = "exit"
import app.first_paint as first_paint
report = first_paint._FirstPaintWatch._report
def modules_then_report(self):
    print("modules", *sorted(sys.modules), flush=True)
    report(self)
first_paint._FirstPaintWatch._report = modules_then_report
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""

# Not needed to show a board: exporters run when asked, reportlab and svgwrite only in them, networkx
# only when an analysis asks (model.document builds its graph lazily),
# fontTools' OpenType layout tables only when a fallback font's name is read the slow way,
# present mode (app.present, canvas.spotlight) when F5 is pressed, the text editor just after the first paint,
# the keyboard shortcuts sheet when asked for.
# Session 5 (each a few ms of the start): the PDF's paper sizes (exporters.pages, datetime) with the first PDF
# export, the worker thread's concurrent.futures with the first long operation, the checks' modules when the
# Checks panel is first seen (subprocess, only when fontconfig must be asked: see the second-start test), Show
# impact's module with the first Show impact, the templates when a board is made from one, the accessible
# names (app.accessibility and the Qt widget classes it tests for) just after the first paint; no QtNetwork
# (app/single_instance.py talks through a Unix socket of Python's own).
# Session 6: app.qt_support's writing out (compileall) only at install; the ideographs' wrapping pattern only
# for text that has them (model.wrapping, checked in tests/test_wrapping_tokens.py).
NOT_AT_START = ("reportlab", "svgwrite", "PIL", "exporters.pdf", "exporters.svg", "exporters.svgglyphs", "networkx",
                "exporters.png", "exporters.drawio", "exporters.interchange", "exporters.fallback",
                "fontTools.ttLib.tables.otTables", "fontTools.ttLib.tables._n_a_m_e", "app.export_dialog",
                "app.preferences", "app.board_image", "app.present", "canvas.spotlight",
                "canvas.inline_editor", "app.shortcuts_sheet",
                "exporters.pages", "datetime", "concurrent.futures", "model.analysis",
                "model.blueprint_checks", "model.impact", "model.templates", "app.accessibility", "secrets",
                "PySide6.QtNetwork", "compileall")


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir(exist_ok=True)
        env[name] = str(folder)
    env.update(QT_QPA_PLATFORM="offscreen", TOUCHLINE_INSTANCE="off", PYTHONPATH=str(ROOT))
    return env


def _modules_at_first_paint(tmp_path: Path, *arguments: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE, *arguments], cwd=tmp_path,
                            env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    lines = [line for line in result.stdout.splitlines() if line.startswith("modules ")]
    assert lines, result.stderr[-2000:]
    assert any(line.startswith("first-paint ") for line in result.stdout.splitlines())
    return set(lines[0].split()[1:])


def _loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


def test_the_first_paint_of_the_example_imports_no_exporter_and_no_export_library(tmp_path: Path) -> None:
    modules = _modules_at_first_paint(tmp_path, str(EXAMPLE))
    assert {"app.main_window", "canvas.scene", "model.layout", "PySide6.QtWidgets"} <= modules  # the probe sees
    assert [name for name in NOT_AT_START if _loaded(modules, name)] == []


PDF_EXPORT_PROBE = """
import sys
from app.cli import main
status = main(sys.argv[1:])
watched = ("PySide6", "shiboken6", "svgwrite", "networkx", "app")
print(status, *sorted(m for m in sys.modules if m.split(".")[0] in watched))
"""


def test_a_pdf_export_imports_neither_qt_nor_the_svg_writer_nor_networkx(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", PDF_EXPORT_PROBE, "export", str(EXAMPLE), "-o", "board.pdf"],
                            cwd=tmp_path, env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    status, *loaded = result.stdout.split()
    assert status == "0" and (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF-")
    assert loaded == ["app", "app.cli"]  # no Qt, no svgwrite, no editor module


SCAN_PROBE = """
import inspect, sys
if sys.argv[1] == "touchline":
    from app.qt_import import import_qt
    import_qt()
else:
    import PySide6.QtCore
scanned = []
getsource = inspect.getsource
def counting(obj):
    scanned.append(getattr(obj, "__name__", "?"))
    return getsource(obj)
inspect.getsource = counting
import colorsys, model.style
print(len(scanned))
"""


@pytest.mark.parametrize("how, scans", [("touchline", False), ("plain", True)])
def test_modules_imported_after_qt_are_not_read_for_pysides_feature_switch(tmp_path: Path, how: str,
                                                                           scans: bool) -> None:
    """app/qt_import.py: PySide6 otherwise reads each new module's source once (the plain import shows it)."""
    result = subprocess.run([sys.executable, "-c", SCAN_PROBE, how], cwd=tmp_path, env=_environment(tmp_path),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (int(result.stdout.strip()) > 0) is scans


# The example's "→" is not in the bundled font: its fallback font is fontconfig's answer, which the first
# start asks for (a fc-match process and a read of the font) and later starts take from the user cache folder.
FONTCONFIG_PROBE = """
import sys
import model.glyphs as glyphs
asked = []
real = glyphs._fc_candidates
def counting(code, bold):
    asked.append(code)
    return real(code, bold)
glyphs._fc_candidates = counting
""" + FIRST_PAINT_PROBE.replace('print("modules"',
                                'print("fontconfig-asked", len(asked), flush=True)\n    print("modules"')


def _fontconfig_questions_until_first_paint(tmp_path: Path) -> tuple[int, set[str]]:
    """How often fontconfig was asked before the first paint, and the modules loaded by then."""
    result = subprocess.run([sys.executable, "-c", FONTCONFIG_PROBE, str(EXAMPLE)], cwd=tmp_path,
                            env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    lines = [line for line in result.stdout.splitlines() if line.startswith("fontconfig-asked ")]
    modules = [line for line in result.stdout.splitlines() if line.startswith("modules ")]
    assert lines and modules, result.stderr[-2000:]
    return int(lines[0].split()[1]), set(modules[0].split()[1:])


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig")
def test_a_second_start_takes_the_examples_fallback_font_from_the_cache(tmp_path: Path) -> None:
    asked, modules = _fontconfig_questions_until_first_paint(tmp_path)
    assert asked >= 1 and "subprocess" in modules  # the "→": cache folder is empty (tmp_path), fc-match runs
    assert (tmp_path / "xdg_cache_home" / "touchline" / "fallback-fonts.json").is_file()
    asked, modules = _fontconfig_questions_until_first_paint(tmp_path)
    assert asked == 0
    assert "subprocess" not in modules  # imported only to run fc-match (~5 ms of a start)


# Through the real entry point (app/__main__.py, as `python -m app FILE`): the probe notes who turned the
# collector off first, how many collections ran after that until the first paint, and whether the collector
# is on again in the turn of the event loop after it.
COLLECTOR_PROBE = """
import gc, os, runpy, sys
os.environ["TOUCHLINE_FIRST_PAINT"] = "exit"
collections, off_at = [], []
gc.callbacks.append(lambda phase, info: collections.append(info["generation"]) if phase == "start" else None)
real_disable = gc.disable
def disable():
    off_at.append((len(collections), sys._getframe(1).f_globals.get("__name__")))
    real_disable()
gc.disable = disable
import app.first_paint as first_paint
report = first_paint._FirstPaintWatch._report
def counted(self):
    from PySide6.QtCore import QTimer
    first, by = off_at[0] if off_at else (0, None)
    collected = len(collections) - first
    QTimer.singleShot(0, lambda: (print("collector", by, collected, gc.isenabled(), gc.get_freeze_count(), flush=True),
                                  report(self)))
first_paint._FirstPaintWatch._report = counted
sys.argv = ["touchline", *sys.argv[1:]]
runpy.run_module("app", run_name="__main__")
"""


def test_the_start_runs_no_garbage_collection_before_the_first_paint_and_resumes_it(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", COLLECTOR_PROBE, str(EXAMPLE)], cwd=tmp_path,
                            env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    lines = [line.split() for line in result.stdout.splitlines() if line.startswith("collector ")]
    assert lines, result.stderr[-2000:]
    _, first_turned_off_by, collections, enabled, frozen = lines[0]
    assert first_turned_off_by == "__main__"  # app/__main__.py, before importing the application
    assert collections == "0"  # none of its passes over the start's long-lived objects
    assert enabled == "True"  # and it is back on just after the board has been painted
    # What the start made is frozen first (app/collection.py): the collector's full passes never walk it.
    assert int(frozen) > 20_000  # ~50,000 objects at the example's first paint (0 when nothing is frozen)


# Each bundled font file is read by Qt once: the canvas's painter registers the faces it draws with
# (exporters/qtpaint.py) and the application's font setup takes them from there (app/gui.py).
FONT_PROBE = """
from PySide6.QtGui import QFontDatabase
registered = []
real_add = QFontDatabase.addApplicationFont
def counting(path):
    registered.append(path)
    return real_add(path)
QFontDatabase.addApplicationFont = staticmethod(counting)
""" + FIRST_PAINT_PROBE.replace('print("modules"',
                            'print("fonts", *sorted(registered), flush=True)\n    print("modules"')


def test_the_start_reads_each_bundled_font_file_once(tmp_path: Path) -> None:
    from model.fonts import FONT_DIR

    result = subprocess.run([sys.executable, "-c", FONT_PROBE, str(EXAMPLE)], cwd=tmp_path,
                            env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    lines = [line.split()[1:] for line in result.stdout.splitlines() if line.startswith("fonts")]
    assert lines, result.stderr[-2000:]
    assert lines[0] == sorted(str(path) for path in FONT_DIR.glob("*.ttf"))


# Qt classes PySide6 sets up before the first paint, seen by the enums it makes for them, and whether Qt's SVG
# icon engine (a plugin with the Qt SVG library) is loaded by then; the report waits a moment to see the icon
# the window has just after the first paint.
QT_SETUP_PROBE = """
import enum, os, sys
made = []
real_create = enum.EnumType._create_
def counting(cls, class_name, *args, **kwargs):
    made.append(class_name)
    return real_create(cls, class_name, *args, **kwargs)
enum.EnumType._create_ = counting
os.environ["TOUCHLINE_FIRST_PAINT"] = "report"
import app.first_paint as first_paint
def svg_engine_loaded():
    with open("/proc/self/maps", encoding="utf-8") as maps:
        return "libqsvgicon" in maps.read()
def report(self):
    print("enums", *made, flush=True)
    print("svg-engine-at-first-paint", svg_engine_loaded(), flush=True)
    from PySide6.QtCore import QSize, QTimer
    from PySide6.QtWidgets import QApplication
    from app.welcome import app_icon
    def later():
        size = QSize(100, 100)  # no PNG of this size: drawn from the SVG, or scaled from a PNG without it
        same = QApplication.windowIcon().pixmap(size).toImage() == app_icon().pixmap(size).toImage()
        print("after-first-paint", svg_engine_loaded(), same, flush=True)
        os._exit(0)
    QTimer.singleShot(200, later)
first_paint._FirstPaintWatch._report = report
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _qt_setup_until_first_paint(tmp_path: Path) -> dict[str, list[str]]:
    result = subprocess.run([sys.executable, "-c", QT_SETUP_PROBE, str(EXAMPLE)], cwd=tmp_path,
                            env=_environment(tmp_path), capture_output=True, text=True, timeout=300)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()}
    assert "enums" in lines and "after-first-paint" in lines, result.stderr[-2000:]
    return lines


def test_the_first_paint_sets_up_no_gradient_class(tmp_path: Path) -> None:
    """exporters/qtpaint.py makes its brushes without QBrush's overloads, which set up QGradient (and its enum of
    169 presets) to match a colour against a gradient."""
    enums = _qt_setup_until_first_paint(tmp_path)["enums"]
    assert "BrushStyle" in enums and "Format" in enums  # the probe sees Qt's enums being made
    assert "Preset" not in enums and "InterpolationMode" not in enums  # QGradient's


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="reads /proc/self/maps")
def test_the_svg_icon_engine_is_loaded_just_after_the_first_paint(tmp_path: Path) -> None:
    lines = _qt_setup_until_first_paint(tmp_path)
    assert lines["svg-engine-at-first-paint"] == ["False"]  # the window's first icon: the PNG sizes
    assert lines["after-first-paint"] == ["True", "True"]  # then the whole icon, SVG included


def test_the_first_paint_sets_up_no_widget_class_it_does_not_show(tmp_path: Path) -> None:
    """The board view's viewport is made in Python (canvas/view.py, own_viewport): finding the Python class of
    the one Qt makes set up every QWidget subclass, dialogs and all."""
    enums = _qt_setup_until_first_paint(tmp_path)["enums"]
    assert "DockWidgetArea" in enums  # the probe sees Qt's enums being made
    assert not {"WizardOption", "FontDialogOption", "HorizontalHeaderFormat", "TickPosition"} & set(enums)
