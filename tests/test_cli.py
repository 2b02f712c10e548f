"""The ``touchline`` command (cli.md), run as ``python -m app`` in a subprocess, no display, no Qt."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import app.cli
import model
import model.analysis
import model.blueprint_checks
from model.analysis import Finding
from model.fonts import RESOURCES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = RESOURCES / "examples" / "coffee-shop-blueprint.touchline"
TEMPLATE = RESOURCES / "templates" / "blueprint.touchline"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m app ARGS`` with no display: a command that needed one would fail here."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def assert_error(result: subprocess.CompletedProcess[str], file: str) -> str:
    """Status 2 and exactly one line ``touchline: error: <file>: ...`` on stderr, no traceback."""
    assert result.returncode == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"touchline: error: {file}: "), lines[0]
    assert len(lines[0]) > len(f"touchline: error: {file}: ") + 3
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    return lines[0]


def good(folder: Path, name: str = "good.touchline") -> str:
    (folder / name).write_bytes(EXAMPLE.read_bytes())
    return name


# Broken inputs: name -> (file content, a piece of the expected message).
BROKEN_INPUTS: dict[str, tuple[bytes, str]] = {
    "not JSON": (b'{"format": "touchline",', "not valid JSON"),
    "not Touchline": (b'{"format": "miro", "version": 1}', "not a Touchline document"),
    "newer version": (
        TEMPLATE.read_bytes().replace(b'"version": 1', b'"version": 3'),
        "version 3 is newer than this Touchline understands (1)",
    ),
    "broken reference": (
        EXAMPLE.read_bytes().replace(b'"lane": "ln-customer"', b'"lane": "l9"', 1),
        'lane: no lane with id "l9"',
    ),
    "invalid UTF-8": (b'{"format": "touchline", "title": "\xff"}', "not valid UTF-8"),
}


@pytest.mark.parametrize("command", ["export", "validate"])
def test_missing_input(tmp_path: Path, command: str) -> None:
    extra = ["-o", "out.svg"] if command == "export" else []
    line = assert_error(run(command, "missing.touchline", *extra, cwd=tmp_path), "missing.touchline")
    assert "no such file" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("case", list(BROKEN_INPUTS))
@pytest.mark.parametrize("command", ["export", "validate"])
def test_broken_input(tmp_path: Path, command: str, case: str) -> None:
    content, expected = BROKEN_INPUTS[case]
    (tmp_path / "in.touchline").write_bytes(content)
    extra = ["-o", "out.pdf"] if command == "export" else ["--json"]
    result = run(command, "in.touchline", *extra, cwd=tmp_path)
    assert expected in assert_error(result, "in.touchline")
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.touchline"]
    assert (tmp_path / "in.touchline").read_bytes() == content


def test_broken_input_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    (tmp_path / "in.touchline").write_bytes(BROKEN_INPUTS["broken reference"][0])
    out = tmp_path / "out.svg"
    out.write_text("the old export")
    os.utime(out, (1_000_000, 1_000_000))
    assert_error(run("export", "in.touchline", "-o", "out.svg", cwd=tmp_path), "in.touchline")
    assert out.read_text() == "the old export" and out.stat().st_mtime == 1_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.touchline", "out.svg"]


@pytest.mark.parametrize("name", ["out.txt", "out", "out.svg.bak", "out.jpeg"])
def test_unknown_output_suffix(tmp_path: Path, name: str) -> None:
    source = good(tmp_path)
    line = assert_error(run("export", source, "-o", name, cwd=tmp_path), name)
    assert ".svg" in line and ".pdf" in line and ".png" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == [source]


def test_output_folder_missing(tmp_path: Path) -> None:
    source = good(tmp_path)
    out = os.path.join("nowhere", "out.svg")
    line = assert_error(run("export", source, "-o", out, cwd=tmp_path), out)
    assert "does not exist" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == [source]


def test_output_is_a_folder(tmp_path: Path) -> None:
    source = good(tmp_path)
    (tmp_path / "out.svg").mkdir()
    line = assert_error(run("export", source, "-o", "out.svg", cwd=tmp_path), "out.svg")
    assert line == "touchline: error: out.svg: is a folder"  # a save's words (it said "is a folder, not a file")
    assert (tmp_path / "out.svg").is_dir() and list((tmp_path / "out.svg").iterdir()) == []


def test_an_output_whose_mode_cannot_be_read_is_one_error_line(tmp_path: Path) -> None:
    """A symbolic link in a loop: the check read the file's mode, failed, and the export ended in a traceback
    (status 1). Refused in one line, as a save."""
    source = good(tmp_path)
    (tmp_path / "a.svg").symlink_to("b.svg")
    (tmp_path / "b.svg").symlink_to("a.svg")
    line = assert_error(run("export", source, "-o", "a.svg", cwd=tmp_path), "a.svg")
    assert "cannot write: " in line and "symbolic links" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.svg", "b.svg", source]


@pytest.mark.parametrize("command", [["export", str(EXAMPLE)], ["new", "blueprint"]])
def test_a_folder_that_takes_no_new_file_is_named_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str],
                                                                 command: list[str]) -> None:
    """A folder where no file may be made (root ignores a folder's mode: simulated, as the system tells any other
    user). The temporary file beside the output could not be made: an export said "cannot write (Permission
    denied)", and ``new`` guessed from os.access, "the folder … is not writable". Both say what a save says."""
    import tempfile

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    real_access = os.access
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(os, "access", lambda path, mode, **options: Path(path) != tmp_path and
                        real_access(path, mode, **options))
    out = tmp_path / ("out.svg" if command[0] == "export" else "out.touchline")
    assert app.cli.main([*command, "-o", str(out)]) == 2
    assert capsys.readouterr().err == (f"touchline: error: {out}: cannot create a file in the folder {tmp_path} "
                                       "(permission denied); the file on disk was not changed\n")
    assert list(tmp_path.iterdir()) == []


def test_an_export_keeps_every_mode_bit_of_the_file_it_replaces(tmp_path: Path) -> None:
    """As a save and the editor: the whole mode (it kept the 0o777 bits only: a setgid bit went)."""
    good(tmp_path)
    target = tmp_path / "out.svg"
    target.write_text("old")
    target.chmod(0o2640)
    result = run("export", "good.touchline", "-o", "out.svg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert target.stat().st_mode & 0o7777 == 0o2640


def test_output_folder_is_a_file(tmp_path: Path) -> None:
    # An output that cannot be written whoever runs the command (CI runs as root, so a
    # read-only folder would not stop it): its "folder" is a regular file.
    source = good(tmp_path)
    (tmp_path / "notes.txt").write_text("keep me")
    out = os.path.join("notes.txt", "out.svg")
    assert_error(run("export", source, "-o", out, cwd=tmp_path), out)
    assert (tmp_path / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source, "notes.txt"])


@pytest.mark.parametrize("page", ["A4", "a3"])
@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_paper_sizes_are_for_pdf_only(tmp_path: Path, page: str, suffix: str) -> None:
    source = good(tmp_path)
    out = f"out{suffix}"
    line = assert_error(run("export", source, "-o", out, "--page", page, cwd=tmp_path), out)
    assert "PDF only" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == [source]


@pytest.mark.parametrize("suffix", [".csv", ".mmd", ".drawio"])
def test_paper_sizes_are_no_option_of_the_files_for_other_tools(tmp_path: Path, suffix: str) -> None:
    """The error called a .csv "one picture the size of the board"."""
    source = good(tmp_path)
    out = f"out{suffix}"
    line = assert_error(run("export", source, "-o", out, "--page", "A4", cwd=tmp_path), out)
    assert "PDF only" in line and f"a {suffix} is a file for another tool, with no pages" in line
    assert "picture" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == [source]


@pytest.mark.parametrize("flag", ["--portrait", "--tile"])
def test_portrait_and_tile_need_a_paper_size(tmp_path: Path, flag: str) -> None:
    source = good(tmp_path)
    line = assert_error(run("export", source, "-o", "out.pdf", flag, cwd=tmp_path), "out.pdf")
    assert flag in line and "--page A4" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == [source]


@pytest.mark.parametrize("args", [
    ["export"],
    ["export", "good.touchline"],
    ["new", "spaceship", "-o", "x.touchline"],
    ["new", "blueprint"],
    ["validate"],
    ["export", "good.touchline", "-o", "out.png", "--dpi", "lots"],
    ["export", "good.touchline", "-o", "out.png", "--dpi", "95"],
    ["export", "good.touchline", "-o", "out.png", "--dpi", "601"],
    ["export", "good.touchline", "-o", "out.pdf", "--page", "B5"],
    ["validate", "good.touchline", "--colour"],
])
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str]) -> None:
    good(tmp_path)
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("touchline: error: "), result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.touchline"]


def test_help_exits_0(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("new", "export", "validate", "import"):
        assert command in result.stdout
    export_help = run("export", "--help", cwd=tmp_path)
    assert export_help.returncode == 0 and "--page" in export_help.stdout and "--dpi" in export_help.stdout


# ---------------------------------------------------------------- happy paths
@pytest.mark.parametrize("kind", ["blueprint", "journey"])
def test_new_then_validate(tmp_path: Path, kind: str) -> None:
    result = run("new", kind, "-o", "board.touchline", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    written = (tmp_path / "board.touchline").read_bytes()
    assert written == (RESOURCES / "templates" / f"{kind}.touchline").read_bytes()
    checked = run("validate", "board.touchline", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "empty-board" in checked.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.touchline"]


def test_new_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "board.touchline").write_text("my work")
    line = assert_error(run("new", "journey", "-o", "board.touchline", cwd=tmp_path), "board.touchline")
    assert "exists" in line
    assert (tmp_path / "board.touchline").read_text() == "my work"


def test_new_into_a_missing_folder(tmp_path: Path) -> None:
    out = os.path.join("nowhere", "board.touchline")
    assert_error(run("new", "journey", "-o", out, cwd=tmp_path), out)
    assert list(tmp_path.iterdir()) == []


def test_validate_json_shape(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    first = data["cards"][0]["id"]
    data["links"].append({"id": "self-link", "from": first, "to": first})
    (tmp_path / "b.touchline").write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", "b.touchline", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"ok", "findings", "stages"}
    assert report["ok"] is True
    assert [stage["id"] for stage in report["stages"]] == [stage["id"] for stage in data["stages"]]
    for stage in report["stages"]:
        assert set(stage) == {"id", "name", "cards", "handoffs", "fail_points", "wait_minutes", "unparsed_waits"}
    assert isinstance(report["findings"], list) and report["findings"]
    for finding in report["findings"]:
        assert set(finding) == {"severity", "code", "message", "cards"}
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["code"], str) and isinstance(finding["message"], str)
        assert isinstance(finding["cards"], list) and all(isinstance(c, str) for c in finding["cards"])
    self_links = [f for f in report["findings"] if f["code"] == "link-self"]
    assert self_links == [{"severity": "warning", "code": "link-self",
                           "message": f'link "self-link" goes from card "{first}" to itself', "cards": [first]}]


def test_validate_json_of_an_empty_board(tmp_path: Path) -> None:
    result = run("validate", str(TEMPLATE), "--json", cwd=tmp_path)
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["findings"] == [
        {"severity": "info", "code": "empty-board", "message": "the board has no cards yet", "cards": []}
    ]
    assert all(sum(stage["cards"].values()) == 0 for stage in report["stages"]) and len(report["stages"]) == 4


def test_validate_exits_1_on_an_error_finding(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fake(document: object) -> list[Finding]:
        return [Finding("error", "test-error", "something is wrong", ("c1",)), Finding("info", "test-info", "just so")]

    monkeypatch.setattr(model.analysis, "structural_findings", fake)
    monkeypatch.setattr(model.blueprint_checks, "blueprint_findings", lambda document: [])
    assert app.cli.main(["validate", str(EXAMPLE), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert [f["code"] for f in report["findings"]] == ["test-error", "test-info"]
    assert app.cli.main(["validate", str(EXAMPLE)]) == 1
    text = capsys.readouterr().out
    assert "error: something is wrong [test-error] (cards: c1)" in text


def test_validate_text_of_the_example_blueprint(tmp_path: Path) -> None:
    result = run("validate", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.strip().splitlines()
    assert lines[-1].endswith(f"ok (0 errors, 0 warnings, {len(lines) - 1} infos)")
    assert all(": info: " in line for line in lines[:-1])


NO_QT = """
import sys
from app.cli import main
status = main(sys.argv[1:])
qt = sorted(name for name in sys.modules if name.split(".")[0] == "PySide6")
print(status, len(qt))
"""


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_export_svg_and_pdf_without_qt(tmp_path: Path, suffix: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    out = f"board{suffix}"
    result = subprocess.run([sys.executable, "-c", NO_QT, "export", str(EXAMPLE), "-o", out], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "0"]  # exit status 0, no PySide6 module loaded
    data = (tmp_path / out).read_bytes()
    if suffix == ".svg":
        assert b"<svg" in data[:500] and data.rstrip().endswith(b"</svg>")
        assert b"Mobile order" in data
    else:
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_export_replaces_an_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "board.svg"
    out.write_text("the old export")
    result = run("export", str(EXAMPLE), "-o", "board.svg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"<") and b"<svg" in out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.svg"]


def test_validate_and_new_load_no_qt(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    for args in (["validate", str(EXAMPLE), "--json"], ["new", "journey", "-o", "j.touchline"],
                 ["import", "x.csv", "-o", "y.touchline"]):
        result = subprocess.run([sys.executable, "-c", NO_QT, *args], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.stdout.split()[-1] == "0", (args, result.stdout, result.stderr)


def test_no_command_opens_the_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str | None] = []

    def run_editor(path: str | None) -> int:
        opened.append(path)
        return 0

    fake_gui = type(sys)("app.gui")
    fake_gui.run_editor = run_editor  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.gui", fake_gui)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # a screen to open on
    assert app.cli.main([]) == 0
    assert app.cli.main(["board.touchline"]) == 0
    assert opened == [None, "board.touchline"]
    assert app.cli.main(["board.touchline", "extra"]) == 2  # one FILE at most
    assert opened == [None, "board.touchline"]


def test_a_mistyped_command_is_named_not_opened_as_a_file(tmp_path: Path) -> None:
    """`touchline expot ...` went to the editor as a file to open (and, with no display, Qt aborted)."""
    result = run("expot", cwd=tmp_path)
    line = assert_error(result, "expot")
    assert "no such command or file" in line and "export" in line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11 or Wayland matter")
def test_the_editor_without_a_display_is_one_line_not_a_qt_abort(tmp_path: Path) -> None:
    """Qt aborted (SIGABRT, a core dump) after five lines about platform plugins."""
    good(tmp_path)
    result = run("good.touchline", cwd=tmp_path)  # run() takes DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM away
    line = assert_error(result, "good.touchline")
    assert "no display" in line and "export" in line
    result = run("--present", "good.touchline", cwd=tmp_path)
    assert "no display" in assert_error(result, "good.touchline")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_export_png_honours_dpi(tmp_path: Path) -> None:
    assert run("export", str(EXAMPLE), "-o", "screen.png", cwd=tmp_path).returncode == 0
    result = run("export", str(EXAMPLE), "-o", "print.png", "--dpi", "192", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    screen = _png_size((tmp_path / "screen.png").read_bytes())
    printed = _png_size((tmp_path / "print.png").read_bytes())
    assert printed[0] == pytest.approx(2 * screen[0], abs=2) and printed[1] == pytest.approx(2 * screen[1], abs=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["print.png", "screen.png"]


def test_a_headless_command_runs_without_the_cyclic_collector_and_leaves_it_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector's passes were ~10 % of a 5,000-card PDF export; it is back on afterwards."""
    import gc

    import exporters

    seen: list[bool] = []
    real_export = exporters.export

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real_export(*args, **kwargs)

    monkeypatch.setattr(exporters, "export", watching)
    assert gc.isenabled()
    assert app.cli.main(["export", str(EXAMPLE), "-o", str(tmp_path / "board.pdf")]) == 0
    assert seen == [False]
    assert gc.isenabled()


def test_exports_in_any_script_print_nothing_but_their_result(tmp_path: Path) -> None:
    """Devanagari (and Bengali, Tamil) text: Qt looked for their shaping in the first font, said so on
    stderr (``qt.text.font.db: OpenType support missing ...``) and drew them from the next. Each export
    is silent and exits 0; the PNG's text is drawn (not blank where the words are)."""
    from model import Card, Document, Lane, Stage

    doc = Document.build(title="हिन्दी यात्रा", description=None, stages=[Stage("s1", "চরণ এক")],
                         lanes=[Lane("l1", "வாடிக்கையாளர்", "customer")],
                         cards=[Card("c1", "l1", "s1", "ग्राहक ऐप डाउनलोड करता है, क्षत्रिय संयुक्ताक्षर")],
                         links=[], personas=[], extra={})
    model.save(doc, tmp_path / "scripts.touchline")
    for output in ("out.png", "out.svg", "out.pdf"):
        result = run("export", "scripts.touchline", "-o", output, cwd=tmp_path)
        assert result.returncode == 0 and result.stderr == "", (output, result.stderr)
    assert _png_size((tmp_path / "out.png").read_bytes())[0] > 300


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_nobody_writes_to_is_read_as_empty_not_waited_on(tmp_path: Path) -> None:
    """It hung the command for ever (open() waits for a writer)."""
    os.mkfifo(tmp_path / "pipe.touchline")
    line = assert_error(run("validate", "pipe.touchline", cwd=tmp_path), "pipe.touchline")
    assert "empty" in line


def test_an_endless_stream_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    """/dev/zero has no size to look at first: it filled the memory (a MemoryError traceback)."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    line = assert_error(run("validate", "/dev/zero", cwd=tmp_path), "/dev/zero")
    assert "more than the 32 MiB Touchline opens" in line


def test_a_file_read_through_a_pipe_loads(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    command = f"cat '{EXAMPLE}' | '{sys.executable}' -m app validate /dev/stdin"
    result = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("/dev/stdin: ok")


def test_control_characters_from_a_file_reach_the_terminal_as_escapes_and_long_values_shortened(
        tmp_path: Path) -> None:
    """An ESC and a BEL in a lane's kind cleared the terminal and set its title; a 100,000-character lane id
    made a 100 KB error line."""
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["lanes"][0]["kind"] = "\x1b[2J\x1b]0;owned\x07"
    (tmp_path / "escape.touchline").write_text(json.dumps(raw), encoding="utf-8")
    line = assert_error(run("validate", "escape.touchline", cwd=tmp_path), "escape.touchline")
    assert "\x1b" not in line and "\x07" not in line
    assert '"\\x1b[2J\\x1b]0;owned\\x07"' in line
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["cards"][0]["lane"] = "x" * 100_000
    (tmp_path / "long.touchline").write_text(json.dumps(raw), encoding="utf-8")
    line = assert_error(run("validate", "long.touchline", cwd=tmp_path), "long.touchline")
    assert len(line) < 500 and "cards[0].lane: no lane with id" in line


def test_a_closed_or_full_standard_output_is_one_error_line_not_a_traceback(tmp_path: Path) -> None:
    """`validate --json | head -1` and `> /dev/full` ended in a traceback and status 1 ("errors found")."""
    good(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    board = tmp_path / "big.touchline"
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from boards import synthetic_board

    model.save(synthetic_board(3000), board)  # more findings than a pipe holds
    process = subprocess.Popen([sys.executable, "-m", "app", "validate", str(board), "--json"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    error = process.stderr.read()
    assert process.wait(timeout=120) == 2
    assert error == "touchline: error: standard output: cannot be written (the reader closed it)\n"
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            result = subprocess.run([sys.executable, "-m", "app", "validate", "good.touchline"], cwd=tmp_path, env=env,
                                    stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.startswith("touchline: error: standard output: cannot be written")


def test_an_export_clears_away_what_a_killed_export_to_the_same_file_left(tmp_path: Path) -> None:
    """A SIGTERM mid-export leaves its hidden temporary file; the next export to that name removes it, and only
    it (a save's, model.safefile.temp_pattern)."""
    good(tmp_path)
    left = tmp_path / ".out.svg.k2x9_a1.tmp"
    other = tmp_path / ".other.svg.k2x9_a1.tmp"
    unlike = tmp_path / ".out.pdf.k2x9_a1.tmp"
    for path in (left, other, unlike):
        path.write_text("half")
    result = run("export", "good.touchline", "-o", "out.svg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not left.exists() and other.exists() and unlike.exists()
    assert (tmp_path / "out.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_an_export_leaves_a_file_marked_read_only_as_it_was(tmp_path: Path) -> None:
    """Run as root, an export replaced a 0444 file (a save refuses it: whoever marked it meant it)."""
    good(tmp_path)
    target = tmp_path / "handout.svg"
    target.write_text("the printed version")
    target.chmod(0o444)
    line = assert_error(run("export", "good.touchline", "-o", "handout.svg", cwd=tmp_path), "handout.svg")
    assert "read-only" in line
    assert target.read_text() == "the printed version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.touchline", "handout.svg"]


def test_an_export_to_a_long_file_name_is_written(tmp_path: Path) -> None:
    """A 244-byte output name failed: the part file's name was 19 bytes longer, over the 255 a name may have."""
    good(tmp_path)
    name = "h" * 240 + ".svg"
    result = run("export", "good.touchline", "-o", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["good.touchline", name])


def test_an_export_through_a_symbolic_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    """As a save and the editor's export: the link stays a link, the shared handout gets the new picture."""
    good(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "handout.svg").write_text("old")
    (tmp_path / "handout.svg").symlink_to(shared / "handout.svg")
    result = run("export", "good.touchline", "-o", "handout.svg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "handout.svg").is_symlink()
    assert (shared / "handout.svg").read_text(encoding="utf-8").startswith("<?xml")
