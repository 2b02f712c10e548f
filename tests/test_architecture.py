"""Imports run one way only (architecture.md): canvas -> model, exporters -> model, app -> everything.

Every module under model/, exporters/, canvas/ and app/ is parsed with ``ast``, so a rule
also holds for imports inside functions and for files no test imports.

- model imports nothing of app, canvas, exporters or Qt.
- exporters imports model only. Qt is allowed in the PNG/QPainter renderer alone:
  anywhere in exporters/qtpaint.py, and only inside functions in exporters/png.py
  (or under ``if TYPE_CHECKING``, which never runs). No other exporter may pull those two
  in at module level.
- canvas imports model and exporters.qtpaint, never app.
- app may import everything.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("model", "exporters", "canvas", "app")
QT = ("PySide6", "shiboken6")
QT_RENDERERS = ("exporters.png", "exporters.qtpaint")


@dataclass(frozen=True)
class Import:
    """One imported module, where it is imported and whether that runs at import time."""

    module: str
    line: int
    in_function: bool
    type_checking: bool

    @property
    def top(self) -> str:
        return self.module.split(".")[0]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(source: str, name: str, is_package: bool = False) -> list[Import]:
    """Every import in ``source`` (the module ``name``), relative ones resolved, submodules spelled out."""
    package = name if is_package else name.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool, type_checking: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(alias.name, child.lineno, in_function, type_checking))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    # `from exporters import qtpaint` imports the submodule exporters.qtpaint.
                    candidate = f"{base}.{alias.name}"
                    is_submodule = (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                        ROOT / Path(*candidate.split(".")) / "__init__.py"
                    ).exists()
                    found.append(Import(candidate if is_submodule else base, child.lineno, in_function, type_checking))
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, True, type_checking)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    visit(ast.Module(body=[stmt], type_ignores=[]), in_function, True)
                for stmt in child.orelse:
                    visit(ast.Module(body=[stmt], type_ignores=[]), in_function, type_checking)
            else:
                visit(child, in_function, type_checking)

    visit(ast.parse(source), False, False)
    return found


def violations(name: str, found: list[Import]) -> list[str]:
    """What breaks the layering in module ``name`` with these imports."""
    layer = name.split(".")[0]
    bad: list[str] = []
    for imp in found:
        where = f"{name}:{imp.line} imports {imp.module}"
        runs_at_import = not imp.in_function and not imp.type_checking
        if layer == "model" and imp.top in ("app", "canvas", "exporters", *QT):
            bad.append(f"{where}: model imports nothing of app, canvas, exporters or Qt")
        elif layer == "exporters":
            if imp.top in ("app", "canvas"):
                bad.append(f"{where}: exporters import model only")
            elif imp.top in QT:
                if name == "exporters.qtpaint" or (name == "exporters.png" and not runs_at_import):
                    continue
                bad.append(f"{where}: Qt only in exporters/qtpaint.py, or inside functions of exporters/png.py")
            elif imp.module in QT_RENDERERS and runs_at_import and name not in QT_RENDERERS:
                bad.append(f"{where}: the Qt renderer would load with every exporter")
            elif imp.module == "exporters.qtpaint" and runs_at_import and name == "exporters.png":
                bad.append(f"{where}: exporters/png.py brings Qt in only inside its functions")
        elif layer == "canvas":
            if imp.top == "app":
                bad.append(f"{where}: canvas never imports app")
            elif imp.top == "exporters" and imp.module != "exporters.qtpaint":
                bad.append(f"{where}: canvas imports exporters.qtpaint only")
    return bad


def project_modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py") if ".venv" not in p.parts)


def test_there_are_modules_to_check() -> None:
    names = {module_name(p) for p in project_modules()}
    assert {"model", "model.document", "model.layout", "app.cli"} <= names


@pytest.mark.parametrize("path", project_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_run_one_way(path: Path) -> None:
    name = module_name(path)
    found = imports_of(path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py")
    assert violations(name, found) == []


# The checker itself: each rule must catch what it is there to catch.
@pytest.mark.parametrize(("name", "source", "caught"), [
    ("model.x", "import PySide6.QtCore", True),
    ("model.x", "def f():\n    from PySide6 import QtGui", True),
    ("model.x", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from canvas.scene import S", True),
    ("model.x", "from exporters import svg", True),
    ("model.x", "from . import layout\nfrom model.events import Cell", False),
    ("exporters.svg", "from app import cli", True),
    ("exporters.svg", "from PySide6.QtGui import QImage", True),
    ("exporters.svg", "def f():\n    import PySide6", True),
    ("exporters.svg", "from exporters.qtpaint import draw_primitives", True),
    ("exporters.svg", "from . import qtpaint", True),
    ("exporters.svg", "def f():\n    from exporters.png import export_png", False),
    ("exporters.svg", "import svgwrite\nfrom model.layout import Layout\nfrom .common import clean_text", False),
    ("exporters.png", "from PySide6.QtGui import QImage", True),
    ("exporters.png", "from .qtpaint import draw_primitives", True),
    ("exporters.png", "def f():\n    from PySide6.QtGui import QImage\n    from .qtpaint import draw", False),
    ("exporters.qtpaint", "from PySide6.QtGui import QPainter", False),
    ("canvas.scene", "from app.editor import Editor", True),
    ("canvas.scene", "from exporters.svg import render_svg", True),
    ("canvas.scene", "import exporters", True),
    ("canvas.items", "from exporters.qtpaint import draw_primitives\nfrom PySide6.QtWidgets import QWidget", False),
    ("app.cli", "import exporters\nfrom canvas.scene import BoardScene\nfrom PySide6 import QtWidgets", False),
])
def test_the_checker_catches_violations(name: str, source: str, caught: bool) -> None:
    assert bool(violations(name, imports_of(source, name))) is caught


NO_QT = """
import sys
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")))
"""
HEADLESS = ["model", "model.document", "model.fileformat", "model.layout", "model.analysis", "model.templates",
            "exporters", "exporters.common", "exporters.svg", "exporters.pdf", "exporters.png", "app.cli"]


def test_model_and_exporters_load_no_qt() -> None:
    present = [m for m in HEADLESS if m.split(".")[0] != "exporters" or (ROOT / Path(*m.split("."))).with_suffix(
        ".py").exists() or (ROOT / m / "__init__.py").exists()]
    assert {"model", "model.layout", "exporters", "exporters.svg", "exporters.pdf", "app.cli"} <= set(present)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", NO_QT, *present], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_qt_probe_can_see_qt() -> None:
    """The probe above would notice Qt if anything loaded it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", NO_QT, "model", "PySide6.QtGui"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "PySide6" in result.stdout
