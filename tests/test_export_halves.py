"""A large export written by two processes (exporters.halves) gives the very bytes one process gives.

Also the glyph runs of the SVG worked out word by word (exporters.svgglyphs): the same
numbers as glyph by glyph, each word worked out once.
"""

from __future__ import annotations

import ast
import os
import signal
import struct
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from boards import synthetic_board

import model
from app import cli
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


def test_svg_first_part_gives_out_its_ids_as_it_writes(board: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the child gives every id out before writing (its part needs the first part's); this process
    writes the first part straight away, its ids given out in the same order by ``uses``."""
    _forking(monkeypatch, False)
    alone = render_svg(board)
    noted: list[object] = []
    real = svgglyphs.TextOutlines.note
    monkeypatch.setattr(svgglyphs.TextOutlines, "note",
                        lambda self, run, bold: (noted.append(run), real(self, run, bold)))
    forks = _forking(monkeypatch, True)
    assert render_svg(board) == alone
    assert forks == [True] and noted == []  # the child's notes were in the child
    monkeypatch.setattr(halves, "_hand_over", lambda second, write_end: os._exit(3))  # the child fails
    forks.clear()
    assert render_svg(board) == alone  # this process wrote the rest after its part, without the round
    assert forks == [False] and noted == []


def test_printable_ascii_draws_a_glyph_per_character_but_the_space() -> None:
    """What the quick count of a large board's glyphs rests on (exporters.svg, ``plain``)."""
    assert svgglyphs.ascii_all_drawn()
    every = "".join(chr(code) for code in range(0x20, 0x7F))
    for line in (every, "customer orders the app", "  two  spaces  ", " ", "a,b;c:d!e?f-g_h(i)j[k]l{m}n~o`p"):
        for bold in (False, True):
            assert svgglyphs._glyph_by_glyph(line, bold).count == len(line) - line.count(" ")


PLAIN_LINES = ["customer orders the app", "  two  spaces  ", " ", "", "a,b;c:d!e?f-g_h(i)j[k]l{m}n~o`p",
               "receipt email queue", "customer waits", "x" * 300, "12,50 & <b> \"q\""]


@pytest.mark.parametrize("many", [False, True])
def test_plain_lines_weigh_as_their_glyph_runs(many: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A line of printable ASCII is weighed from its characters and words, to the very counts and form
    its glyph run gives (``Weighing``); by glyph for these few lines, by word past MAX_GLYPH_USES."""
    if many:
        monkeypatch.setattr(svgglyphs, "MAX_GLYPH_USES", 100)
    plain, runs = svgglyphs.Weighing(), svgglyphs.Weighing()
    for i, line in enumerate(PLAIN_LINES * 2):
        bold = i % 3 == 0
        plain.plain(line, bold)
        runs.run(svgglyphs.glyph_run.__wrapped__(line, bold), bold)
    assert (plain.glyph_uses, plain.word_uses) == (runs.glyph_uses, runs.word_uses)
    assert plain._words == runs._words
    assert plain.chosen().by_word == runs.chosen().by_word == many


def _in_both_weights(texts: list[str], copies: int) -> list[svg.Text]:
    """``copies`` of ``texts`` as lines, every other one bold and the other way round in the next copy:
    each line (and each of its words) comes both bold and regular."""
    count = len(texts)
    return [svg.Text(0, 0, line, 12, "#000", bold=i % count % 2 == i // count % 2)
            for i, line in enumerate(texts * copies)]


MIXED_LINES = [*PLAIN_LINES, "Ça coûte 12,50 € — merci", "漢字 and emoji 😀", "tab\there", "  ", "→ arrow"]


@pytest.mark.parametrize("plain_ok", [True, False])
def test_lines_weighed_at_once_weigh_as_line_by_line(plain_ok: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """``_weighed`` joins the printable ASCII lines of each weight and weighs them at once: the very counts,
    words and form of weighing each line (as ``plain`` or by its glyph run); every line by its glyph run
    when printable ASCII may draw otherwise (``ascii_all_drawn`` false)."""
    monkeypatch.setattr(svg, "ascii_all_drawn", lambda: plain_ok)
    lines = _in_both_weights(MIXED_LINES, copies=3)
    one_by_one = svgglyphs.Weighing()
    for p in lines:
        if plain_ok and p.text.isascii() and p.text.isprintable():
            one_by_one.plain(p.text, p.bold)
        elif p.text.strip():
            one_by_one.run(svgglyphs.glyph_run(svg._drawn(p.text)[1], p.bold), p.bold)
    at_once = svg._weighed([p.text for p in lines], [p.bold for p in lines])
    assert (at_once.glyph_uses, at_once.word_uses) == (one_by_one.glyph_uses, one_by_one.word_uses) != (0, 0)
    assert at_once._words == one_by_one._words and at_once._glyphs == one_by_one._glyphs
    assert {bold: chars - {" "} for bold, chars in at_once._chars.items()} == \
        {bold: chars - {" "} for bold, chars in one_by_one._chars.items()}
    assert at_once.chosen().by_word == one_by_one.chosen().by_word


@pytest.mark.parametrize("by_word", [True, False])
@pytest.mark.parametrize("texts", [MIXED_LINES, PLAIN_LINES])
def test_ids_given_out_from_plain_lines_are_those_of_their_glyph_runs(by_word: bool, texts: list[str]) -> None:
    """The child gives ids out without working out the glyph runs of printable ASCII lines (``note_plain``,
    or ``note_words`` when all are, through ``_give_out_ids``): the same ids, in the same order, as noting
    every line's run."""
    lines = _in_both_weights(texts, copies=2)
    quick, runs = svgglyphs.TextOutlines(by_word), svgglyphs.TextOutlines(by_word)
    svg._give_out_ids([p.text for p in lines], [p.bold for p in lines], quick)
    for p in lines:
        content, drawn = svg._drawn(p.text)
        run = svgglyphs.glyph_run(drawn, p.bold)
        if run.count and content.strip():
            runs.note(run, p.bold)
    assert list(quick._words.items()) == list(runs._words.items())
    assert list(quick._glyphs) == list(runs._glyphs)
    assert (quick._words if by_word else quick._glyphs)
    if by_word:  # the case the bold words' marking is for: one word given an id in each weight
        assert {word for word, bold in quick._words if bold} & {word for word, bold in quick._words if not bold}


def test_plain_lines_are_written_as_their_glyph_runs() -> None:
    """``plain_uses`` (a printable ASCII line by word, no glyph run made) gives the run's very width and
    ``<use>`` elements, its words given the same ids in the same order; by glyph it declines."""
    quick, runs = svgglyphs.TextOutlines(True), svgglyphs.TextOutlines(True)
    lines = [line for line in PLAIN_LINES if line.strip()] + ["Mixed 12,50 and <b>", "x", "  lead and trail  "]
    for i, line in enumerate(lines * 2):
        bold = i % 3 == 0
        run = svgglyphs.glyph_run.__wrapped__(line, bold)
        assert quick.plain_uses(line, bold) == (run.width, runs.uses(run, bold)), line
    assert list(quick._words.items()) == list(runs._words.items())
    assert quick.defs() == runs.defs()
    assert svgglyphs.TextOutlines(False).plain_uses("customer orders", False) is None


def test_the_svg_export_warns_of_the_characters_it_drew_as_boxes(tmp_path: Path) -> None:
    """An SVG export's warning comes from the lines it wrote (no second walk of the board): the same line
    ``missing_glyph_warnings`` gives, none for plain text."""
    from test_exporters import tricky_document

    from exporters.common import missing_glyph_warnings

    doc = tricky_document()
    doc.add_card(Card("none", "l1", "s2", text="no font: \U000f0001 \U000f0002"))
    layout = Layout(doc)
    expected = missing_glyph_warnings(layout)
    assert len(expected) == 1 and "U+F0001" in expected[0]
    assert svg.export_svg(layout, tmp_path / "tricky.svg") == expected
    assert svg.export_svg(Layout(synthetic_board(50)), tmp_path / "plain.svg") == []


@pytest.mark.parametrize("by_word", [True, False])
def test_plain_lines_are_weighed_without_glyph_runs(by_word: bool, board: Layout,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing the outline form works out no glyph run for a board of printable ASCII (the same bytes as
    when every line's is worked out first). Written by word, no plain line's run is ever worked out
    (``plain_uses``); by glyph, the parent works out only its part's, as it writes them."""
    monkeypatch.setattr(svgglyphs.Weighing, "chosen", lambda self: svgglyphs.TextOutlines(by_word=by_word))
    _forking(monkeypatch, False)
    all_drawn = svgglyphs.ascii_all_drawn
    monkeypatch.setattr(svg, "ascii_all_drawn", lambda: False)  # every line's glyph run worked out first
    monkeypatch.setattr(svgglyphs, "ascii_all_drawn", lambda: False)
    weighed = render_svg(board)
    monkeypatch.setattr(svg, "ascii_all_drawn", all_drawn)
    monkeypatch.setattr(svgglyphs, "ascii_all_drawn", all_drawn)
    worked: list[str] = []
    real = svg.glyph_run
    monkeypatch.setattr(svg, "glyph_run", lambda drawn, bold: (worked.append(drawn), real(drawn, bold))[1])
    monkeypatch.setattr(svg, "in_two", lambda first, second: (first(), None))  # the child's part never came
    monkeypatch.setattr(svg, "worth_forking", lambda amount: True)
    lines = sum(1 for group, _ in board.primitive_groups() for p in group if isinstance(p, svg.Text) and p.text.strip())
    parts: list[int] = []
    real_written = svg._written
    monkeypatch.setattr(svg, "_written",
                        lambda groups, glyphs: (parts.append(len(worked)), real_written(groups, glyphs))[1])
    assert render_svg(board) == weighed  # the rest written here after the first part
    assert parts[0] == 0  # nothing worked out before the first part was written
    if by_word:
        assert worked == []
    else:
        assert 0 < parts[1] < lines / 2  # the first part's lines (arrows come first: a quarter of the cards)
        assert len(worked) == lines


def test_svg_by_glyph_in_two_processes(board: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other outline form: glyph ids given out in the order the lines use them, in both halves."""
    text = model.dumps(board.document)
    doc = model.loads(text.replace(" barista ", " Ça coûte 12,50 € — merci "))
    layout = Layout(doc)
    monkeypatch.setattr(svgglyphs.Weighing, "chosen", lambda self: svgglyphs.TextOutlines(by_word=False))
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


@pytest.mark.parametrize("error", [ValueError, KeyboardInterrupt])
def test_the_parent_failing_kills_and_reaps_the_child(children: list[int], error: type[BaseException]) -> None:
    """An error or Ctrl+C in this process: the child is killed and waited for, the error goes on."""
    def first() -> str:
        raise error("the parent stops")

    with pytest.raises(error, match="the parent stops"):
        halves.in_two(first, lambda: "x" * 10_000_000)  # more than a pipe holds: the child would block
    assert len(children) == 1 and _reaped(children[0])


def test_ctrl_c_in_the_child_leaves_its_part_to_the_parent(children: list[int]) -> None:
    """Ctrl+C reaching the child (held back across the fork, then raised in its part): it ends quietly."""
    import time

    def first() -> str:
        os.kill(children[0], signal.SIGINT)
        return "one"

    def second() -> str:
        time.sleep(120)  # interrupted by the SIGINT long before
        return "two"

    assert halves.in_two(first, second) == ("one", None)
    assert _reaped(children[0])


def test_forks_only_when_alone_and_worth_it() -> None:
    """A core idle now, one thread, no Qt (the editor's process is never copied); and the writers share only
    with the command line's early child, never on their own."""
    code = ("import os, threading, time\n"
            "from exporters import halves\n"
            "from exporters.halves import MIN_WORK, may_fork, worth_forking\n"
            "halves.running_now = lambda: 1  # this process alone\n"
            "print(may_fork(), worth_forking(MIN_WORK))\n"
            "halves.running_now = lambda: os.cpu_count()  # every other core running something\n"
            "print(may_fork())\n"
            "halves.running_now = lambda: 1\n"
            "thread = threading.Thread(target=time.sleep, args=(0.5,))\n"
            "thread.start()\n"
            "print(may_fork())\n"
            "thread.join()\n"
            "import PySide6.QtCore\n"
            "print(may_fork())\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            timeout=60)
    many_cores = (os.cpu_count() or 1) >= 2
    assert result.stdout.split() == [str(many_cores), "False", "False", "False", "False"]


@pytest.mark.parametrize(("looks", "cores", "spare"), [
    ([1, 1, 1], 2, True),  # this process alone on two cores
    ([2, 2, 2], 2, False),  # one other thread running: both cores taken once the child runs
    ([1, 2, 1], 2, False),  # the busiest look counts: a lull between two looks does not fork
    ([2, 1, 1], 2, False),
    ([3, 3, 3], 4, True),  # two others on four cores: two idle
    ([4, 3, 3], 4, False),
])
def test_a_core_to_spare_is_one_idle_in_every_look(looks: list[int], cores: int, spare: bool,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate reads what runs now (/proc/loadavg's running count, this process among them), not the
    1-minute average, which a benchmark's own work (or an export's own child) holds up for a minute."""
    seen = iter(looks)
    monkeypatch.setattr(halves, "running_now", lambda: next(seen))
    monkeypatch.setattr(halves, "LOOK_GAP", 0.0)
    monkeypatch.setattr(os, "getloadavg", lambda: pytest.fail("the 1-minute average was read"))
    assert halves.core_to_spare(cores) is spare
    assert next(seen, None) is None  # every look was taken


def test_without_proc_the_load_average_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_proc() -> int:
        raise FileNotFoundError("/proc/loadavg")

    monkeypatch.setattr(halves, "running_now", no_proc)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.3, 0.3, 0.3))
    assert halves.core_to_spare(2)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.8, 0.3, 0.3))
    assert not halves.core_to_spare(2)


def test_running_now_counts_this_process() -> None:
    if not os.path.exists("/proc/loadavg"):
        pytest.skip("no /proc")
    assert halves.running_now() >= 1  # the reader itself is running


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


@pytest.mark.parametrize("bold", [False, True])
def test_bundled_outlines_read_with_struct_are_those_fonttools_draws(bold: bool) -> None:
    """A bundled glyph's outline read with struct (``_Numbers.contours``, drawn by ``_draw``) is the very path
    fontTools' glyph set draws: every glyph of the face (simple and composite, scaled components included).
    Those it leaves to fontTools (a scaled component within a component, points matched) are few, and none of
    Latin-1's characters (``¿`` is a ``?`` turned by a two-by-two matrix)."""
    numbers = svgglyphs._numbers(bold)
    assert numbers is not None
    face = svgglyphs._bundled(bold)
    glyph_set = face.font.getGlyphSet()
    latin = {index for code, index in numbers.cmap.items() if code < 0x250}
    indices = sorted(latin | set(range(len(numbers.advances))))
    left = []
    for index in indices:
        contours = numbers.contours(index)
        if contours is None:
            left.append(index)
            continue
        pen = svgglyphs._RelativePen(numbers.scale)
        svgglyphs._draw(contours, pen)
        reference = svgglyphs._pen_type()(face.scale, glyph_set)
        glyph_set[face.font.getGlyphName(index)].draw(reference)
        assert (pen.first, pen.parts) == (reference.first, reference.parts), index
    assert len(left) < len(indices) / 50
    assert not {numbers.cmap[code] for code in range(0xA0, 0x100) if code in numbers.cmap} & set(left)
    composites = [i for i in indices if numbers._span(i)[1] > numbers._span(i)[0]
                  and struct.unpack_from(">h", numbers.data, numbers.glyf + numbers._span(i)[0])[0] < 0]
    assert len(set(composites) - set(left)) > 100  # composites read too (accented letters)


def test_a_glyph_the_struct_reader_cannot_read_is_drawn_by_fonttools(monkeypatch: pytest.MonkeyPatch) -> None:
    """A face the reader trips on (a damaged or swapped font: struct.error, IndexError) does not fail the
    export: the glyph's outline comes from fontTools, the same path."""
    gid = svgglyphs._char("Q", False)[0]  # a glyph of the bundled face
    assert gid is not None and svgglyphs._GLYPHS[gid][0].func is svgglyphs._bundled  # type: ignore[attr-defined]
    svgglyphs._outline_parts.cache_clear()
    read = svgglyphs._outline_parts(gid)

    def damaged(self: object, index: int, top: bool = True) -> None:
        raise struct.error("unpack_from requires a buffer of at least 4 bytes")

    monkeypatch.setattr(svgglyphs._Numbers, "contours", damaged)
    svgglyphs._outline_parts.cache_clear()
    try:
        assert svgglyphs._outline_parts(gid) == read
    finally:
        svgglyphs._outline_parts.cache_clear()


def _imported_by_an_svg_export(tmp_path: Path, doc: model.Document, names: tuple[str, ...],
                               before: str = "") -> list[str]:
    """Which of ``names`` a process that ran ``touchline export`` of ``doc`` to SVG (after ``before``, a line of
    Python) had imported at the end; the file it wrote holds the glyph outlines."""
    source = tmp_path / "board.touchline"
    source.write_text(model.dumps(doc), encoding="utf-8")
    out = tmp_path / "board.svg"
    code = (f"import sys\n{before}\n"
            "from app.cli import main\n"
            f"assert main(['export', {str(source)!r}, '-o', {str(out)!r}]) == 0\n"
            f"print([name for name in {names!r} if name in sys.modules])\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").count("<path id=") > 20  # the outlines are there
    return ast.literal_eval(result.stdout.strip())  # the list printed


def test_an_svg_of_latin_text_opens_no_font_with_fonttools(tmp_path: Path) -> None:
    """The bundled faces' outlines are read with struct: an export of Latin text never imports fontTools."""
    doc = synthetic_board(40)
    doc.add_card(Card("accents", "l0", "s0", text="Ça coûte 12,50 € — naïve Grüße, ¡olé! ¿Qué?"))
    assert _imported_by_an_svg_export(tmp_path, doc, ("fontTools",)) == []


def test_a_large_svg_export_leaves_the_outlines_to_the_child(tmp_path: Path) -> None:
    """The parent never imports fontTools: the child writes the glyph outlines (``defs``, read with struct);
    nor what plain text on a fit page does not need."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the export does not fork")
    quiet = "from exporters import halves; halves.running_now = lambda: 1  # a quiet machine, whatever its load"
    # Not fontTools (the child reads the outlines with struct), hashlib (fallback fonts' tags), datetime (a named
    # page's date)
    assert _imported_by_an_svg_export(tmp_path, synthetic_board(1000), ("fontTools", "hashlib", "datetime"),
                                      before=quiet) == []


@pytest.mark.parametrize(("suffix", "other"), [(".svg", "exporters.pdf"), (".pdf", "exporters.svg")])
def test_the_cli_child_imports_only_its_own_writer(tmp_path: Path, suffix: str, other: str) -> None:
    """The child of a large export imports the writer of its format only: an SVG's child importing the
    PDF writer (reportlab, PIL) spent ~0.15 s before it even read the file, while the parent waited."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the export does not fork")
    source = tmp_path / "board.touchline"
    source.write_text(model.dumps(synthetic_board(1000)), encoding="utf-8")
    out = tmp_path / f"board{suffix}"
    code = ("import os, sys\n"
            "from exporters import halves\n"
            "halves.running_now = lambda: 1  # a quiet machine, whatever this one's load\n"
            "real = halves._hand_over\n"
            "def hand_over(second, write_end):\n"
            f"    os.write(2, ('child: ' + str({other!r} in sys.modules) + chr(10)).encode())\n"
            "    real(second, write_end)\n"
            "halves._hand_over = hand_over\n"
            "from app.cli import main\n"
            f"assert main(['export', {str(source)!r}, '-o', {str(out)!r}]) == 0\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.split() == ["child:", "False"]  # the child reached its part, without the other writer


def _every_kind_of_link(n: int = 300) -> model.Document:
    """A synthetic board whose links are of every kind, some labelled, some to their own card."""
    from model import LINK_KINDS, Link

    doc = synthetic_board(n)
    for i, link in enumerate(list(doc.links())):
        doc.remove_link(link.id)
        target = link.source if i % 17 == 0 else link.target
        doc.add_link(Link(link.id, link.source, target, label="why" if i % 11 == 0 else None,
                          kind=LINK_KINDS[i % len(LINK_KINDS)]))
    return doc


def test_groups_routing_none_are_the_groups_once_routed() -> None:
    """A deferred layout's groups hold each waiting arrow as its id, in its place; routed one by one
    (``arrow_drawing``) they are the very groups of a layout that routed them all, and the writer's
    estimate of an arrow's paths (before it is routed) is what it draws."""
    doc = _every_kind_of_link()
    whole = list(Layout(doc).primitive_groups())
    deferred = Layout(doc, defer_links=True)
    groups = deferred.groups_routing_none()
    waiting = [group for group, _ in groups if isinstance(group, str)]
    assert len(waiting) > 200 and deferred.unrouted == len(waiting)
    # Both processes cut the same costs: the child's (arrows waiting) are those of a layout routing them all.
    def costs_of(groups: list) -> tuple[list[int], int]:  # type: ignore[type-arg]
        drawings = [group for group, _ in groups]
        flat = [type(p) for group in drawings if not isinstance(group, str) for p in group]
        return svg._costs(deferred, drawings, [isinstance(group, str) for group in drawings], flat)

    def cost(group: Sequence[object] | str) -> int:  # one group's, primitive by primitive
        if isinstance(group, str):
            return svg._COSTS[svg.Path] * svg._arrow_paths(deferred, group)
        return sum(svg._COSTS.get(type(p), svg._COST) for p in group)

    costs, count = costs_of(groups)
    assert deferred.unrouted == len(waiting)  # costing routes nothing
    assert costs == [cost(group) for group, _ in groups]
    assert (costs, count) == costs_of(whole) and count == sum(len(group) for group, _ in whole)
    for group, _ in groups:
        if isinstance(group, str):
            assert svg._arrow_paths(deferred, group) == len(deferred.arrow_drawing(group))
            assert cost(group) == cost(deferred.arrow_drawing(group))
    assert deferred.unrouted == 0
    assert [(list(group), offset) for group, offset in svg._routed(deferred, groups)] == \
        [(list(group), offset) for group, offset in whole]
    assert deferred.groups_routing_none() == [(group, offset) for group, offset in whole]


def test_svg_of_a_deferred_layout_in_two_processes_is_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's child lays out with ``defer_links``: written in two processes from a deferred
    layout, the SVG is the bytes one process writes from a layout that routed every arrow."""
    doc = _every_kind_of_link()
    _forking(monkeypatch, False)
    alone = render_svg(Layout(doc))
    forks = _forking(monkeypatch, True)
    deferred = Layout(doc, defer_links=True)
    assert render_svg(deferred) == alone
    assert forks == [True]


def test_the_cli_svg_child_routes_only_the_arrows_it_draws(tmp_path: Path) -> None:
    """The child of a large SVG export draws the cards: it routes only the few unlabelled arrows its part
    holds (the parent draws the others), each once."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the export does not fork")
    doc = synthetic_board(1000)
    source = tmp_path / "board.touchline"
    source.write_text(model.dumps(doc), encoding="utf-8")
    code = ("import os, sys\n"
            "from exporters import halves\n"
            "import model.layout\n"
            "halves.running_now = lambda: 1  # a quiet machine, whatever this one's load\n"
            "routed, drawn = [], []\n"
            "from exporters import svg\n"
            "real_routed = svg._routed\n"
            "def counted_part(layout, part):\n"
            "    drawn.append(sum(isinstance(group, str) for group, _ in part))\n"
            "    return real_routed(layout, part)\n"
            "svg._routed = counted_part\n"
            "real_route = model.layout.link_geometry\n"
            "def counted(*args, **kwargs):\n"
            "    routed.append(1)\n"
            "    return real_route(*args, **kwargs)\n"
            "model.layout.link_geometry = counted\n"
            "real = halves._hand_over\n"
            "def hand_over(second, write_end):\n"
            "    def counting():\n"
            "        result = second()\n"
            "        os.write(2, f'child {len(routed)} {sum(drawn)}\\n'.encode())\n"
            "        return result\n"
            "    real(counting, write_end)\n"
            "halves._hand_over = hand_over\n"
            "from app.cli import main\n"
            f"assert main(['export', {str(source)!r}, '-o', {str(tmp_path / 'out.svg')!r}]) == 0\n"
            "print('parent', len(routed))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    links = len(list(doc.links()))
    assert result.stdout.split() == ["parent", str(links)]
    child, routed, waiting = result.stderr.split()
    assert child == "child" and routed == waiting and int(routed) < links / 10


# ------------------------------------------------------------------ card drawings moved as they are written
@pytest.mark.parametrize("name", ["coffee-shop-blueprint-light", "onboarding-journey-light", "tricky", "synthetic"])
def test_groups_written_in_place_equal_the_moved_primitives(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writers add a card's offset as they write (Layout.primitive_groups): the same bytes as from
    the walked, moved primitives; only the cards' few other shapes (marks, icons) are still copied."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    layout = dict(_boards())[name]
    board = list(layout.primitives())
    copies: list[object] = []
    real = svg.translated

    def counted(primitive, dx, dy):  # type: ignore[no-untyped-def]
        copies.append(primitive)
        return real(primitive, dx, dy)

    monkeypatch.setattr(svg, "translated", counted)
    monkeypatch.setattr(pdf, "translated", counted)
    assert render_svg(layout) == render_svg(layout, board)
    assert render_pdf(layout) == render_pdf(layout, board=board)
    others = [p for group, offset in layout.primitive_groups() if offset is not None for p in group
              if not isinstance(p, svg.Box | svg.Text)]
    assert len(copies) == 2 * len(others)  # once by each writer



# ------------------------------------------------------------------ the command line's child, forked early
def _cli(arguments: list[str], *, fork: bool = True, before: str = "") -> tuple[int, list[str], str]:
    """Run ``main(arguments)`` in a fresh interpreter: its status, what it printed about forks, its stderr.

    Each fork prints "forked PID"; after ``main`` returns, "reaped" for each child already waited for.
    ``before``: lines of Python run before ``main`` is imported.
    """
    code = ("import os, sys\n"
            "from exporters import halves, pdf, svg\n"
            "halves.running_now = lambda: 1  # a quiet machine, whatever this one's load\n"
            "real, pids = os.fork, []\n"
            "def fork():\n"
            "    pid = real()\n"
            "    if pid:\n"
            "        pids.append(pid)\n"
            "        print('forked', flush=True)\n"
            "    return pid\n"
            "os.fork = fork\n"
            f"if not {fork}: halves.may_fork = svg.worth_forking = pdf.worth_forking = lambda *a: False\n"
            f"{before}\n"
            "from app.cli import main\n"
            f"status = main({arguments!r})\n"
            "for pid in pids:\n"
            "    try:\n"
            "        os.waitpid(pid, os.WNOHANG)\n"
            "        print('running-or-zombie', flush=True)\n"
            "    except ChildProcessError:\n"
            "        print('reaped', flush=True)\n"
            "sys.exit(status)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    return result.returncode, result.stdout.split(), result.stderr


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "board.touchline"
    path.write_text(model.dumps(synthetic_board(1000)), encoding="utf-8")
    assert path.stat().st_size >= cli.SHARED_EXPORT_BYTES
    return path


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_cli_child_forked_early_writes_the_same_file(large_file: Path, tmp_path: Path, suffix: str) -> None:
    """One fork, before the file is read; the child's half is the one a fork after the layout wrote."""
    shared, alone = tmp_path / f"shared{suffix}", tmp_path / f"alone{suffix}"
    assert _cli(["export", str(large_file), "-o", str(shared)])[:2] == (0, ["forked", "reaped"])
    assert _cli(["export", str(large_file), "-o", str(alone)], fork=False)[:2] == (0, [])
    assert shared.read_bytes() == alone.read_bytes()


def test_cli_bad_large_file_one_line_no_file_child_reaped(large_file: Path, tmp_path: Path) -> None:
    """A large file that fails to load: the parent's one-line error, no output, the child stopped and reaped."""
    broken = tmp_path / "broken.touchline"
    broken.write_text(large_file.read_text(encoding="utf-8")[:-200], encoding="utf-8")  # cut short: not JSON
    out = tmp_path / "out.svg"
    status, forks, stderr = _cli(["export", str(broken), "-o", str(out)])
    assert (status, forks) == (2, ["forked", "reaped"])
    assert len(stderr.strip().splitlines()) == 1 and stderr.startswith("touchline: error: ")
    assert not out.exists() and list(tmp_path.iterdir()) == [broken]


@pytest.mark.parametrize("arguments", [["--page", "A4"], ["--tile", "--page", "A3"]])
def test_cli_named_pages_and_small_files_do_not_fork(large_file: Path, tmp_path: Path, arguments: list[str]) -> None:
    """A named or tiled page draws the board in parts of its own (no halves); a small file is not worth it."""
    status, forks, _ = _cli(["export", str(large_file), "-o", str(tmp_path / "out.pdf"), *arguments])
    assert (status, forks) == (0, [])
    example = EXAMPLES[0]
    assert _cli(["export", str(example), "-o", str(tmp_path / "small.svg")])[:2] == (0, [])


# ------------------------------------------------------------------ the SVG child's plan, told to the parent
def test_cli_svg_parent_draws_only_its_own_part(large_file: Path, tmp_path: Path) -> None:
    """The child tells the parent where the drawing is cut and how its lines are outlined: the parent weighs
    no line and makes the drawings of its own part's cards only (the child's, of every card); same bytes."""
    counting = ("import model.cardshape, exporters.svgglyphs as glyphs\n"
                "drawn, weighed = [], []\n"
                "real_draw, real_weigh = model.cardshape._card_primitives, glyphs.Weighing.__init__\n"
                "model.cardshape._card_primitives = lambda *a: (drawn.append(1), real_draw(*a))[1]\n"
                "glyphs.Weighing.__init__ = lambda self: (weighed.append(1), real_weigh(self))[1]\n"
                "real_hand_over = halves._hand_over\n"
                "def hand_over(second, write_end):\n"
                "    os.write(2, f'child {len(drawn)} {len(weighed)}\\n'.encode())\n"
                "    real_hand_over(second, write_end)\n"
                "halves._hand_over = hand_over\n"
                "import atexit, app.cli\n"
                "real_exit = app.cli.quick_exit\n")
    shared, alone = tmp_path / "shared.svg", tmp_path / "alone.svg"
    status, forks, stderr = _cli(["export", str(large_file), "-o", str(shared)],
                                 before=counting + "atexit.register(lambda: os.write(2, "
                                                   "f'parent {len(drawn)} {len(weighed)}\\n'.encode()))")
    assert (status, forks) == (0, ["forked", "reaped"]), stderr
    counts = dict((who, (int(cards), int(weighings))) for who, cards, weighings in
                  (line.split() for line in stderr.splitlines()))
    cards = model.load(large_file).card_count()
    assert counts["child"] == (cards, 1)  # every card drawn (for the cut and the ids), every line weighed
    assert counts["parent"][1] == 0 and 0 < counts["parent"][0] < cards * 0.8
    assert _cli(["export", str(large_file), "-o", str(alone)], fork=False)[:2] == (0, [])
    assert shared.read_bytes() == alone.read_bytes()


@pytest.mark.parametrize(("where", "failing"), [
    ("before its plan", "import model.layout\n"
                        "real_init = model.layout.Layout.__init__\n"
                        "def init(self, *a, **k):\n"
                        "    if k.get('defer_links'): raise RuntimeError('the child fails')\n"
                        "    real_init(self, *a, **k)\n"
                        "model.layout.Layout.__init__ = init\n"),
    ("after its plan", "svg._give_out_ids = lambda *a: os._exit(3)\n"),
])
def test_cli_svg_child_failing_leaves_its_part_to_the_parent(large_file: Path, tmp_path: Path, where: str,
                                                             failing: str) -> None:
    """The child fails before it tells its plan (the parent works it out and writes it all) or after (the parent
    writes the rest after its part): the same file, no error, the child reaped."""
    shared, alone = tmp_path / "shared.svg", tmp_path / "alone.svg"
    status, forks, stderr = _cli(["export", str(large_file), "-o", str(shared)], before=failing)
    assert (status, forks, stderr) == (0, ["forked", "reaped"], ""), where
    assert _cli(["export", str(large_file), "-o", str(alone)], fork=False)[:2] == (0, [])
    assert shared.read_bytes() == alone.read_bytes()


def test_cli_svg_of_every_kind_of_text_in_two_processes(tmp_path: Path) -> None:
    """Lines the parent never weighs (CJK, Arabic, emoji, accents, a character no font draws, bold ones) in both
    parts: the outline form, the fallback fonts named and the warning are the child's, as one process has them."""
    doc = synthetic_board(1000)
    texts = ["顧客はアプリで注文します ☕", "مرحبا بالعالم 😀", "Ça coûte 12,50 € — naïve ¿sí?",
             "\U000e0100\u0378 nothing draws"]
    cards = list(doc.cards())
    for i in range(40):
        doc.set_card_field(cards[i * 24].id, "text", texts[i % len(texts)])
    source = tmp_path / "tricky.touchline"
    source.write_text(model.dumps(doc), encoding="utf-8")
    assert source.stat().st_size >= cli.SHARED_EXPORT_BYTES
    shared, alone = tmp_path / "shared.svg", tmp_path / "alone.svg"
    status, forks, warned = _cli(["export", str(source), "-o", str(shared)])
    assert (status, forks) == (0, ["forked", "reaped"]), warned
    assert _cli(["export", str(source), "-o", str(alone)], fork=False) == (0, [], warned.replace("shared", "alone"))
    assert "warning" in warned and "U+0378" in warned
    assert shared.read_bytes() == alone.read_bytes()


def test_cli_svg_child_finding_too_little_to_share_ends_and_the_parent_writes_it_all(tmp_path: Path) -> None:
    """A large file that draws little (a stage's long presenter notes, never drawn): the child tells the parent
    there is nothing to share and ends; the parent writes the whole file, the one process's bytes."""
    doc = synthetic_board(40)
    doc.set_stage_field(doc.stages[0].id, "notes", "Say this slowly. " * 9000)
    source = tmp_path / "notes.touchline"
    source.write_text(model.dumps(doc), encoding="utf-8")
    assert source.stat().st_size >= cli.SHARED_EXPORT_BYTES
    told = ("real_tell = halves.tell\n"
            "def tell(plan, last):\n"
            "    if isinstance(halves._partner, halves._Child):\n"
            "        os.write(2, f'told {plan.half} {last}\\n'.encode())\n"
            "    real_tell(plan, last)\n"
            "svg.tell = tell\n")
    shared, alone = tmp_path / "shared.svg", tmp_path / "alone.svg"
    status, forks, stderr = _cli(["export", str(source), "-o", str(shared)], before=told)
    assert (status, forks, stderr) == (0, ["forked", "reaped"], "told None True\n")
    assert _cli(["export", str(source), "-o", str(alone)], fork=False)[:2] == (0, [])
    assert shared.read_bytes() == alone.read_bytes()
