"""``touchline import`` and the exports for other tools (.mmd, .csv, .drawio), headless, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from model import dumps, load
from model.csvtable import from_csv
from model.fonts import RESOURCES
from model.mermaid import from_mermaid

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = RESOURCES / "examples" / "onboarding-journey.touchline"
SAMPLES = RESOURCES / "examples" / "import"

JOURNEY = "journey\n  title Coffee\n  section Order\n    Ask: 3: Me\n    Pay: 2: Me, Barista\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m app ARGS`` with no display, and a check that no Qt module was loaded."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    # An import of Qt fails the command at once (the command ends the process itself, so a
    # check after it would never run).
    probe = ("import sys, runpy; sys.argv = ['touchline', *sys.argv[1:]]\n"
             "class NoQt:\n"
             "    def find_spec(self, name, path=None, target=None):\n"
             "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
             "            raise RuntimeError(f'Qt imported: {name}')\n"
             "sys.meta_path.insert(0, NoQt())\n"
             "runpy.run_module('app', run_name='__main__')\n")
    return subprocess.run([sys.executable, "-c", probe, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def assert_error(result: subprocess.CompletedProcess[str], file: str) -> str:
    assert result.returncode == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"touchline: error: {file}: "), lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


@pytest.mark.parametrize("name", ["journey.mmd", "journey.mermaid", "JOURNEY.MMD"])
def test_import_a_mermaid_journey(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(JOURNEY, encoding="utf-8")
    result = run("import", name, "-o", "board.touchline", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "4 cards in 1 stage imported" in result.stdout  # (it said "1 stages")
    doc = load(tmp_path / "board.touchline")
    assert doc.title == "Coffee" and [c.text for c in doc.cards()] == ["Ask", "Ask", "Pay", "Pay"]
    assert dumps(doc) == dumps(from_mermaid(JOURNEY))


def test_import_a_csv_table(tmp_path: Path) -> None:
    table = "\ufeffStage;Lane;Lane kind;Text;Score\nFind;Doing;customer;Searches;\nFind;Feeling;emotion;Hopeful;1\n"
    (tmp_path / "café-research.csv").write_bytes(table.encode("utf-8"))
    result = run("import", "café-research.csv", "-o", "board.touchline", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = load(tmp_path / "board.touchline")
    assert doc.title == "Café research" and [c.score for c in doc.cards()] == [None, 1]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bad.mmd", "journey\nsection A\n\nPay: x: Me\n", 'line 4: score "x" is not a number from 1 to 5'),
    ("bad.csv", "stage,lane,text,score\nA,B,c,high\n", 'row 2, column score: "high" is not a whole number'),
    ("notes.txt", "journey\n", 'unknown input format (".txt"); use .mmd or .mermaid'),
    ("missing.mmd", None, "no such file"),
])
def test_import_errors_are_one_line_and_write_nothing(tmp_path: Path, name: str, content: str | None,
                                                      expected: str) -> None:
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    line = assert_error(run("import", name, "-o", "board.touchline", cwd=tmp_path), name)
    assert expected in line
    assert not (tmp_path / "board.touchline").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content is not None else [])


@pytest.mark.parametrize("output", ["board.svg", "board.PDF", "board.png"])
def test_import_into_a_picture_name_is_refused_with_the_way_to_it(tmp_path: Path, output: str) -> None:
    """It wrote a Touchline document, JSON, into "board.svg", which then opened nowhere."""
    (tmp_path / "j.mmd").write_text(JOURNEY, encoding="utf-8")
    line = assert_error(run("import", "j.mmd", "-o", output, cwd=tmp_path), output)
    assert "writes a .touchline document" in line and f"touchline export board.touchline -o {output}" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.mmd"]


def test_import_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "j.mmd").write_text(JOURNEY, encoding="utf-8")
    (tmp_path / "board.touchline").write_text("precious")
    line = assert_error(run("import", "j.mmd", "-o", "board.touchline", cwd=tmp_path), "board.touchline")
    assert "already exists" in line and (tmp_path / "board.touchline").read_text() == "precious"


@pytest.mark.parametrize("suffix", [".mmd", ".csv", ".drawio"])
def test_export_for_other_tools(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "in.touchline").write_bytes(EXAMPLE.read_bytes())
    result = run("export", "in.touchline", "-o", f"out{suffix}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.touchline", f"out{suffix}"]
    data = (tmp_path / f"out{suffix}").read_bytes()
    doc = load(EXAMPLE)
    if suffix == ".mmd":
        back = from_mermaid(data)
        assert [s.name for s in back.stages] == [s.name for s in doc.stages] and back.title == doc.title
    elif suffix == ".csv":
        assert data.startswith(b"\xef\xbb\xbfstage,lane,lane_kind,text,")
        assert from_csv(data).card_count() == doc.card_count()
    else:
        assert ET.fromstring(data).tag == "mxfile"


def test_import_then_export_then_import(tmp_path: Path) -> None:
    """The done-when samples: each becomes a board in one command, and Mermaid comes back the same."""
    for sample in ("checkout.mmd", "research.csv"):
        (tmp_path / sample).write_bytes((SAMPLES / sample).read_bytes())
    assert run("import", "checkout.mmd", "-o", "checkout.touchline", cwd=tmp_path).returncode == 0
    assert run("export", "checkout.touchline", "-o", "again.mmd", cwd=tmp_path).returncode == 0
    assert run("import", "again.mmd", "-o", "again.touchline", cwd=tmp_path).returncode == 0
    first, again = (tmp_path / "checkout.touchline").read_text(), (tmp_path / "again.touchline").read_text()
    assert again == first
    result = run("import", "research.csv", "-o", "research.touchline", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert load(tmp_path / "research.touchline").card_count() > 20
