"""A large export written by two processes (exporters.halves) gives the very bytes one process gives.

Also the glyph runs of the SVG worked out word by word (exporters.svgglyphs): the same
numbers as glyph by glyph, each word worked out once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from boards import synthetic_board

import model
from exporters import halves, pdf, svg, svgglyphs
from exporters.pdf import render_pdf
from exporters.svg import render_svg
from model.entities import Card
from model.layout import Layout

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.touchline"))
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the second process is forked (POSIX only)")


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children forked during a test."""
    pids: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids


def _reaped(pid: int) -> bool:
    """Whether the child ``pid`` is gone and was waited for (no zombie): waiting again fails."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.fixture(scope="module")
def board() -> Layout:
    return Layout(synthetic_board(1000, links="local"))


def _forking(monkeypatch: pytest.MonkeyPatch, on: bool) -> list[bool]:
    """Force both writers to fork (or not); the list has, per fork, whether the child's part was used."""
    forks: list[bool] = []
    real = halves.in_two

    def counted(first, second):  # type: ignore[no-untyped-def]
        result = real(first, second)
        forks.append(result[1] is not None)
        return result

    for module in (svg, pdf):
        monkeypatch.setattr(module, "worth_forking", lambda amount: on)
        monkeypatch.setattr(module, "in_two", counted)
    return forks


def _boards() -> list[tuple[str, Layout]]:
    """The examples in both themes with the legend, a board of tricky text, a synthetic board."""
    from test_exporters import tricky_document

    boards = [(f"{path.stem}-{theme}", Layout(model.load(path), legend=theme == "dark", theme=theme))
              for path in EXAMPLES for theme in ("light", "dark")]
    boards.append(("tricky", Layout(tricky_document())))
    boards.append(("synthetic", Layout(synthetic_board(300, links="local"))))
    return boards


@pytest.mark.parametrize("name", ["coffee-shop-blueprint-light", "coffee-shop-blueprint-dark",
                                  "onboarding-journey-light", "onboarding-journey-dark", "tricky", "synthetic"])
def test_both_formats_in_two_processes_are_the_same_bytes(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forced to fork on small boards too: the examples, dark with a legend, CJK/emoji/markup text."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    layout = dict(_boards())[name]
    _forking(monkeypatch, False)
    alone = render_svg(layout), render_pdf(layout)
    forks = _forking(monkeypatch, True)
    assert (render_svg(layout), render_pdf(layout)) == alone
    assert len(forks) == 2


def test_pdf_child_part_is_used_for_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A board of plain text: the child's operators are used (nothing new named in its half)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    layout = Layout(synthetic_board(300, links="local"))
    forks = _forking(monkeypatch, True)
    render_pdf(layout)
    assert forks == [True]


def test_pdf_second_half_naming_a_new_font_is_drawn_by_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last card's CJK needs a fallback font the first half never named: the parent draws that half."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    doc = synthetic_board(300, links="local")
    last = list(doc.cards())[-1]
    doc.add_card(Card("cjk", last.lane, last.stage, text="顧客はアプリで注文します"))
    layout = Layout(doc)
    _forking(monkeypatch, False)
    alone = render_pdf(layout)
    forks = _forking(monkeypatch, True)
    assert render_pdf(layout) == alone
    assert forks == [False]


def test_svg_in_two_processes_is_the_same_bytes(board: Layout, monkeypatch: pytest.MonkeyPatch,
                                                children: list[int]) -> None:
    forks = _forking(monkeypatch, False)
    alone = render_svg(board)
    assert not children
    svgglyphs.glyph_run.cache_clear()  # the forked run starts cold too
    svgglyphs._WORDS.clear()
    _forking(monkeypatch, True)
    shared = render_svg(board)
    assert not forks
    assert shared == alone
    assert len(children) == 1 and _reaped(children[0])


def test_svg_by_glyph_in_two_processes(board: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other outline form: glyph ids given out in the order the lines use them, in both halves."""
    text = model.dumps(board.document)
    doc = model.loads(text.replace(" barista ", " Ça coûte 12,50 € — merci "))
    layout = Layout(doc)
    monkeypatch.setattr(svgglyphs.TextOutlines, "for_runs", classmethod(lambda cls, runs: cls(by_word=False)))
    _forking(monkeypatch, False)
    alone = render_svg(layout)
    forks = _forking(monkeypatch, True)
    assert render_svg(layout) == alone
    assert forks == [1]
    assert 'xlink:href="#r' in alone  # written glyph by glyph


def test_a_failing_child_leaves_its_half_to_the_parent(children: list[int]) -> None:
    def second() -> str:
        raise RuntimeError("the child fails")

    assert halves.in_two(lambda: "one", lambda: ["two", 2]) == ("one", ["two", 2])
    assert halves.in_two(lambda: "one", second) == ("one", None)
    assert len(children) == 2 and all(_reaped(pid) for pid in children)


def test_the_parent_failing_kills_and_reaps_the_child(children: list[int]) -> None:
    def first() -> str:
        raise ValueError("the parent fails")

    with pytest.raises(ValueError, match="the parent fails"):
        halves.in_two(first, lambda: "x" * 10_000_000)  # more than a pipe holds: the child would block
    assert len(children) == 1 and _reaped(children[0])


def test_forks_only_when_alone_and_worth_it() -> None:
    code = ("import threading, time\n"
            "from exporters.halves import MIN_WORK, worth_forking\n"
            "print(worth_forking(MIN_WORK), worth_forking(MIN_WORK - 1))\n"
            "threading.Thread(target=time.sleep, args=(0.5,)).start()\n"
            "print(worth_forking(MIN_WORK))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            timeout=60)
    many_cores = (os.cpu_count() or 1) >= 2
    assert result.stdout.split() == [str(many_cores), "False", "False"]


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_cli_export_forks_and_writes_the_same_file(tmp_path: Path, suffix: str) -> None:
    """The command line's export (one thread) shares a large board with a child: the same file as alone."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the export does not fork")
    source = tmp_path / "board.touchline"
    source.write_text(model.dumps(synthetic_board(1000)), encoding="utf-8")

    def export(out: Path, fork: bool) -> list[str]:
        code = ("import os, sys\n"
                "from exporters import halves, pdf, svg\n"
                "real = os.fork\n"
                "def fork():\n"
                "    pid = real()\n"
                "    if pid: print('forked', flush=True)\n"
                "    return pid\n"
                "os.fork = fork\n"
                f"if not {fork}: svg.worth_forking = pdf.worth_forking = lambda amount: False\n"
                "from app.cli import main\n"
                f"sys.exit(main(['export', {str(source)!r}, '-o', {str(out)!r}]))\n")
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                                env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    assert export(tmp_path / f"shared{suffix}", True) == ["forked"]
    assert export(tmp_path / f"alone{suffix}", False) == []
    assert (tmp_path / f"shared{suffix}").read_bytes() == (tmp_path / f"alone{suffix}").read_bytes()


# ------------------------------------------------------------------ glyph runs by word
LINES = ["customer orders the app", "  two  spaces  ", "", " ", "word", "a b", "ends with space ",
         "Ça coûte 12,50 €", "mixed 顧客 text", "emoji 😀 here", "tab\tinside", "x" * 300]


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("line", LINES)
def test_glyph_run_by_word_is_glyph_by_glyph(line: str, bold: bool) -> None:
    run = svgglyphs.glyph_run.__wrapped__(line, bold)
    exact = svgglyphs._glyph_by_glyph(line, bold)
    assert (run.width, run.ids, run.count, run.words, run.placed) == \
        (exact.width, exact.ids, exact.count, exact.words, exact.placed)
    assert run.uses == exact.uses


def test_each_word_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    svgglyphs._WORDS.clear()
    calls: list[str] = []
    real = svgglyphs._word_run

    def counted(word: str, bold: bool):  # type: ignore[no-untyped-def]
        calls.append(word)
        return real(word, bold)

    monkeypatch.setattr(svgglyphs, "_word_run", counted)
    lines = ["the customer pays", "the barista pays", "customer waits for the barista"]
    for line in lines:
        svgglyphs.glyph_run.__wrapped__(line, False)
    assert sorted(calls) == sorted({word for line in lines for word in line.split()})


def test_printable_ascii_shortcut_draws_what_cleaning_draws() -> None:
    """draw_text and the SVG's _drawn skip cleaning for printable ASCII: it would change nothing."""
    from exporters.common import clean_text, draw_text
    from model.glyphs import drawable

    samples = [chr(code) for code in range(128)] + ["a\tb", "line\nbreak", "x\x01y", "plain <b> & \"q\"", " "]
    samples += ["".join(chr(c) for c in range(32, 127)), "ünïcode", "עברית abc"]
    for text in samples:
        assert draw_text(text) == drawable(clean_text(text)), repr(text)
        svg._drawn.cache_clear()
        content, drawn = svg._drawn(text)
        assert content == draw_text(text), repr(text)
        if text.isascii():  # nothing right-to-left, nothing invisible: drawn as cleaned
            assert drawn == content, repr(text)


@pytest.mark.parametrize("bold", [False, True])
def test_bundled_glyphs_read_with_struct_match_fonttools(bold: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every character of the bundled faces: the same glyph id, advance and has-an-outline as through fontTools."""
    numbers = svgglyphs._numbers(bold)
    assert numbers is not None
    chars = [chr(code) for code in numbers.cmap]
    monkeypatch.setattr(svgglyphs, "_CHARS", {})
    quick = {ch: svgglyphs._char(ch, bold) for ch in chars}
    monkeypatch.setattr(svgglyphs, "_CHARS", {})
    monkeypatch.setattr(svgglyphs, "_numbers", lambda bold: None)
    slow = {ch: svgglyphs._char(ch, bold) for ch in chars}
    assert quick == slow
    assert sum(1 for gid, _ in quick.values() if gid is None) >= 1  # the space, at least, draws nothing


def test_a_large_svg_export_leaves_the_outlines_to_the_child(tmp_path: Path) -> None:
    """The parent never imports fontTools: the child writes the glyph outlines (``defs``); nor what plain text
    on a fit page does not need."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the export does not fork")
    source = tmp_path / "board.touchline"
    source.write_text(model.dumps(synthetic_board(1000)), encoding="utf-8")
    out = tmp_path / "board.svg"
    code = ("import sys\n"
            "from app.cli import main\n"
            f"assert main(['export', {str(source)!r}, '-o', {str(out)!r}]) == 0\n"
            "print([name for name in ('fontTools', 'hashlib', 'datetime') if name in sys.modules])\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    # fontTools in the child only; hashlib (fallback fonts' tags) and datetime (a named page's date) not at all
    assert result.stdout.split() == ["[]"], result.stderr
    assert out.read_text(encoding="utf-8").count("<path id=") > 20  # the outlines are there
