"""Paper sizes, tiled posters and PDF metadata, checked with pdfinfo, pdffonts, qpdf and pdftotext.

No Qt here. Each tool-based test is skipped only when its tool is not installed.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import model
from exporters import PageSpec, export
from exporters.pages import (
    MARGIN,
    MAX_UPSCALE,
    MIN_NAMED,
    MIN_TEXT_PT,
    NAME_GAP,
    OVERLAP,
    PAGE_SIZES,
    TILE_TEXT_PT,
    TILE_TEXT_STEPS,
    Sheet,
    paper_size,
    plan_pages,
)
from exporters.pdf import render_pdf
from model import style as st
from model.entities import Card, Lane, Persona, Stage
from model.layout import Layout
from model.primitives import Line, Text
from model.typesetting import text_width

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.touchline"))
NAMED = list(PAGE_SIZES)


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{args[0]} exited {result.returncode}: {result.stderr or result.stdout}"
    return result


def normalise(text: str) -> str:
    """NFKC, bidi controls dropped, every run of whitespace as one space."""
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in pt of every page (pdfinfo)."""
    info = run("pdfinfo", "-f", "1", "-l", "999", pdf).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def wide_board(stages: int = 14) -> model.Document:
    """A board wider than any paper: many stages, a persona, cards of several heights."""
    doc = model.Document(title="Wide board", description="Many stages for the poster tests")
    doc.set_personas([Persona("p1", "Maya Okafor")])
    doc.add_lane(Lane("l1", "Customer", "customer"))
    doc.add_lane(Lane("l2", "Backstage", "backstage"))
    for i in range(stages):
        doc.add_stage(Stage(f"s{i}", f"Stage {i + 1}"))
        for lane in ("l1", "l2"):
            for j in range(1 + (i + len(lane)) % 3):
                doc.add_card(Card(f"c{i}{lane}{j}", lane, f"s{i}", text=f"Card {i}-{lane}-{j} " + "words " * (4 * j)))
    return doc


@pytest.fixture(scope="module")
def example_layout() -> Layout:
    return Layout(model.load(EXAMPLE))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, example_layout: Layout) -> dict[tuple[str, bool], Path]:
    """The example on every named size, one page and tiled."""
    out = tmp_path_factory.mktemp("pages")
    made = {}
    for page in NAMED:
        for tile in (False, True):
            path = out / f"{page}-{'tile' if tile else 'one'}.pdf"
            export(example_layout, path, page=PageSpec(page, tile=tile))
            made[(page, tile)] = path
    return made


# ---------------------------------------------------------------------- pdfinfo, pdffonts, qpdf, pdftotext
@pytest.mark.parametrize("tile", [False, True], ids=["one-page", "tiled"])
@pytest.mark.parametrize("page", NAMED)
def test_page_count_and_size(pdfs: dict[tuple[str, bool], Path], example_layout: Layout, page: str,
                             tile: bool) -> None:
    need("pdfinfo")
    plan = plan_pages(example_layout, PageSpec(page, tile=tile))
    sizes = page_sizes(pdfs[(page, tile)])
    assert len(sizes) == len(plan.sheets) == (len(plan.sheets) if tile else 1)
    width, height = paper_size(page, portrait=False)
    assert width > height  # landscape unless --portrait
    for w, h in sizes:
        assert w == pytest.approx(width, abs=0.01) and h == pytest.approx(height, abs=0.01)
    if tile and page in ("A4", "Letter"):
        assert len(sizes) > 1  # at 10 pt card text the example does not fit one small sheet


@pytest.mark.parametrize("tile", [False, True], ids=["one-page", "tiled"])
@pytest.mark.parametrize("page", NAMED)
def test_fonts_embedded_subset_and_qpdf_clean(pdfs: dict[tuple[str, bool], Path], page: str, tile: bool) -> None:
    need("pdffonts", "qpdf")
    pdf = pdfs[(page, tile)]
    run("qpdf", "--check", pdf)
    rows = run("pdffonts", pdf).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, emb, sub = row.split()[0], row.split()[-5], row.split()[-4]
        assert emb == "yes" and sub == "yes" and re.match(r"[A-Z]{6}\+", name), row


@pytest.mark.parametrize("tile", [False, True], ids=["one-page", "tiled"])
@pytest.mark.parametrize("page", NAMED)
def test_text_is_extractable(pdfs: dict[tuple[str, bool], Path], example_layout: Layout, page: str,
                             tile: bool) -> None:
    need("pdftotext")
    text = normalise(run("pdftotext", "-enc", "UTF-8", pdfs[(page, tile)], "-").stdout)
    for card in example_layout.cards.values():
        for line in card.lines:
            if line.strip():
                assert normalise(line) in text, f"{line!r} is not in the {page} PDF's text"
    if tile:
        for sheet in plan_pages(example_layout, PageSpec(page, tile=True)).sheets:
            assert sheet.label in text
    else:
        assert "Persona: Maya Okafor" in text and f"{page} landscape" in text  # the title block


def test_metadata_and_outline_on_tiles(pdfs: dict[tuple[str, bool], Path], example_layout: Layout) -> None:
    need("pdfinfo", "qpdf")
    pdf = pdfs[("A4", True)]
    info = run("pdfinfo", pdf).stdout
    document = example_layout.document
    assert re.search(rf"^Title:\s+{re.escape(document.title)}$", info, re.M)
    assert re.search(rf"^Subject:\s+{re.escape(' '.join(document.description.split()))}", info, re.M)
    assert re.search(r"^Creator:\s+Touchline \d+\.\d+", info, re.M)
    data = json.loads(run("qpdf", "--json", "--json-key=outlines", "--json-key=pages", pdf).stdout)
    outlines, pages = data["outlines"], data["pages"]
    assert [o["title"][3:] for o in outlines] == [s.name for s in document.stages]
    plan = plan_pages(example_layout, PageSpec("A4", tile=True))
    for outline, header in zip(outlines, example_layout.stage_headers.values(), strict=True):
        # the bookmark opens the first sheet that shows the stage's header, at the header
        index = next(i for i, s in enumerate(plan.sheets) if s.viewport.shows(header.rect.x + 1, header.rect.y + 1))
        assert outline["destpageposfrom1"] == index + 1
        sheet = plan.sheets[index]
        x, y = sheet.viewport.to_page(header.rect.x, header.rect.y)
        assert outline["dest"][2:4] == [pytest.approx(x, abs=0.01), pytest.approx(sheet.height - y, abs=0.01)]
    assert len(pages) == len(plan.sheets)


@pytest.mark.parametrize(("page", "portrait"), [("A4", True), ("Letter", False), ("Letter", True), ("Tabloid", True)])
def test_bookmark_opens_the_sheet_that_shows_the_stage_header(tmp_path: Path, example_layout: Layout, page: str,
                                                             portrait: bool) -> None:
    """Each stage's bookmark opens a sheet that shows at least half its header, at the header (or at the picture's
    left edge, where the sheet starts within it): on the example's A4 portrait poster "03 Wait" opened sheet 1,
    where 40 of the header's 212 px show at the right edge, the stage's name and cards on sheet 2."""
    need("qpdf")
    pdf = tmp_path / "poster.pdf"
    spec = PageSpec(page, portrait, tile=True)
    export(example_layout, pdf, page=spec)
    outlines = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf).stdout)["outlines"]
    plan = plan_pages(example_layout, spec)
    for outline, header in zip(outlines, example_layout.stage_headers.values(), strict=True):
        r = header.rect
        sheet = plan.sheets[outline["destpageposfrom1"] - 1]
        view = sheet.viewport
        shown = min(r.x + r.w, view.x + view.w) - max(r.x, view.x)
        assert shown >= r.w / 2, f"{outline['title']}: {shown:.0f} of {r.w:.0f} px on {sheet.label}"
        x, y = view.to_page(max(r.x, view.x), r.y)
        assert outline["dest"][2:4] == [pytest.approx(x, abs=0.01), pytest.approx(sheet.height - y, abs=0.01)]


# ---------------------------------------------------------------------- the plan itself
@pytest.mark.parametrize("portrait", [False, True], ids=["landscape", "portrait"])
@pytest.mark.parametrize("page", NAMED)
def test_every_card_is_whole_on_some_tile(page: str, portrait: bool) -> None:
    for doc in [wide_board(), *(model.load(p) for p in EXAMPLES)]:
        layout = Layout(doc)
        plan = plan_pages(layout, PageSpec(page, portrait, tile=True))
        assert 9 <= st.CARD_SIZE * plan.scale <= TILE_TEXT_PT
        for card in layout.cards.values():
            r = card.rect
            assert any(s.viewport.shows(r.x, r.y) and s.viewport.shows(r.x + r.w, r.y + r.h) for s in plan.sheets), \
                f"card {card.id} is whole on no {page} tile"
        # the tiles cover the board, each neighbour overlapping by at least the glue strip
        views = [s.viewport for s in plan.sheets]
        xs = sorted({v.x for v in views})
        ys = sorted({v.y for v in views})
        span_w, span_h = max(v.w for v in views), max(v.h for v in views)
        for a, b in itertools.pairwise(xs):
            assert b <= a + span_w - OVERLAP / plan.scale + 1e-6
        for a, b in itertools.pairwise(ys):
            assert b <= a + span_h - OVERLAP / plan.scale + 1e-6
        # to the board's edges, but for a last strip of blank margin (a row of it is not printed)
        assert layout.width - st.MARGIN <= max(v.x + v.w for v in views) <= layout.width + 1e-6
        assert layout.height - st.MARGIN <= max(v.y + v.h for v in views) <= layout.height + 1e-6
        labels = [s.label for s in plan.sheets]
        assert labels[0] == "row 1 / column 1" and len(set(labels)) == len(labels)


def margin_names(sheet: Sheet) -> tuple[list[Text], list[Text]]:
    """A tile's stage names (upright, above its picture's label band) and lane names (turned, left of its picture)."""
    texts = [d for d in sheet.decorations if isinstance(d, Text)]
    return [t for t in texts if not t.angle and t.y < MARGIN], [t for t in texts if t.angle == 90]


def test_a_tile_names_the_stages_and_lanes_it_shows_without_their_headers(example_layout: Layout) -> None:
    """A sheet from the middle of a poster showed cards in columns and bands no one had named: the last sheet of
    the blueprint's 2 x 2 A4 poster, 2 stages and 5 lanes. A sheet below the stages' headers names each stage
    over its column in the top margin; one right of the lanes' column names each lane (and metric chart) up the
    left margin beside its band; one showing them names nothing."""
    doc = example_layout.document
    plan = plan_pages(example_layout, PageSpec("A4", tile=True))
    stages = {f"{number:02d} {stage.name}": example_layout.stage_headers[stage.id].rect
              for number, stage in enumerate(doc.stages, start=1)}
    bands = {lane.name: example_layout.lane_headers[lane.id].rect for lane in doc.lanes}
    bands.update({name: (top, end) for name, top, end in example_layout.chart_rows()})
    header_rows = [(r.y, r.y + r.h) for r in stages.values()]
    named_stages: set[str] = set()
    for sheet in plan.sheets:
        view = sheet.viewport
        right, bottom = view.left + view.w * view.scale, view.top + view.h * view.scale
        upright, turned = margin_names(sheet)
        if all(view.y <= top and end <= view.y + view.h for top, end in header_rows):
            assert not upright, sheet.label
        if view.x <= st.MARGIN and view.x + view.w >= st.MARGIN + st.LANE_HEADER_W:
            assert not turned, sheet.label
        for name in upright:
            assert name.text in stages, name.text  # whole: the example's names fit their columns
            rect = stages[name.text]
            lo = max(view.to_page(rect.x, 0)[0], view.left)
            hi = min(view.to_page(rect.x + rect.w, 0)[0], right)
            half = text_width(name.text, name.size) / 2
            assert lo + NAME_GAP <= name.x - half and name.x + half <= hi - NAME_GAP, name.text  # over its column
            assert name.y + name.size / 3 < MARGIN and name.y - name.size > 0  # in the margin, on the paper
            named_stages.add(name.text)
        for name in turned:
            assert name.text in bands, name.text
            span = bands[name.text]
            top, end = (span.y, span.y + span.h) if not isinstance(span, tuple) else span
            lo = max(view.to_page(0, top)[1], view.top)
            hi = min(view.to_page(0, end)[1], bottom)
            half = text_width(name.text, name.size) / 2
            assert lo + NAME_GAP <= name.y - half and name.y + half <= hi - NAME_GAP, name.text  # beside its band
            assert name.x + name.size / 3 < view.left and name.x - name.size > 0
            assert hi - lo >= MIN_NAMED
    last = plan.sheets[-1]
    assert last.label == "row 2 / column 2"
    upright, turned = margin_names(last)
    assert [t.text for t in upright] == ["04 Pick up", "05 After"]
    assert {"Frontstage", "Backstage", "Support processes"} <= {t.text for t in turned}
    assert named_stages == set(stages)  # the second row of sheets names every stage


def test_a_lane_taller_than_a_sheet_is_named_where_its_name_is_out_of_sight() -> None:
    """Sixty cards in one cell: the lane runs down five A4 portrait sheets, and the three between its first and
    last showed its coloured bar and cards with its name on none of them (they show the lanes' column, which
    named no lane). Each sheet that shows none of a lane's name names it up its left margin."""
    doc = model.Document(title="Sixty cards")
    doc.add_lane(Lane("l1", "Customer", "customer"))
    doc.add_lane(Lane("l2", "Frontstage", "frontstage"))
    doc.add_stage(Stage("s1", "Stage 1"))
    doc.add_stage(Stage("s2", "Stage 2"))
    for i in range(60):
        doc.add_card(Card(f"c{i}", "l1", "s1", text=f"Card number {i} in a long lane"))
    layout = Layout(doc)
    plan = plan_pages(layout, PageSpec("A4", portrait=True, tile=True))
    lane = layout.lane_headers["l1"].rect
    name = next(p for p in layout.lane_headers["l1"].primitives if isinstance(p, Text) and p.text == "Customer")
    middle = [sheet for sheet in plan.sheets if sheet.viewport.y > name.y + name.size
              and sheet.viewport.y + sheet.viewport.h < lane.y + lane.h]
    assert len(middle) >= 2, "the lane is no taller than two sheets: the board tests nothing"
    for sheet in plan.sheets:
        view = sheet.viewport
        assert view.x <= st.MARGIN  # every sheet shows the lanes' column
        turned = [t.text for t in margin_names(sheet)[1]]
        if sheet in middle:
            assert turned == ["Customer"], sheet.label
        if view.y <= name.y - name.size and name.y <= view.y + view.h:
            assert "Customer" not in turned, sheet.label  # its name is on the sheet


def test_a_tile_above_the_stages_names_none() -> None:
    """A board of eight personas: the poster's first row of A4 sheets showed only the title and the personas, and
    named the stages over columns it did not show ("01 Stage 1, 02 Stage 2…" in its top margin)."""
    doc = wide_board(stages=6)
    doc.set_personas([Persona(f"p{i}", f"Persona {i}", role="Role", quote="words " * 30, goals=["a goal " * 10] * 4,
                              pains=["a pain " * 10] * 4) for i in range(8)])
    layout = Layout(doc)
    top = min(h.rect.y for h in layout.stage_headers.values())
    plan = plan_pages(layout, PageSpec("A4", tile=True))
    above = [sheet for sheet in plan.sheets if sheet.viewport.y + sheet.viewport.h <= top]
    assert above, "no sheet shows only what is above the stages: the board tests nothing"
    for sheet in above:
        assert margin_names(sheet) == ([], []), sheet.label


def test_a_tile_s_turned_lane_names_read_upwards_in_the_pdf(tmp_path: Path, example_layout: Layout) -> None:
    """pdftotext places each word where it is drawn: the lane names of the poster's last sheet stand in its left
    margin, each word's box taller than wide, a name's first word below its second; the stage names above."""
    need("pdftotext")
    pdf = tmp_path / "poster.pdf"
    export(example_layout, pdf, page=PageSpec("A4", tile=True))
    plan = plan_pages(example_layout, PageSpec("A4", tile=True))
    page = str(len(plan.sheets))
    boxes = {m[4]: tuple(map(float, m[:4])) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)</word>',
        run("pdftotext", "-bbox", "-f", page, "-l", page, pdf, "-").stdout)}
    for word in ("Frontstage", "Backstage", "Support", "processes"):
        x0, y0, x1, y1 = boxes[word]
        assert x1 <= MARGIN and y1 - y0 > 2 * (x1 - x0), (word, boxes[word])
    assert boxes["Support"][1] > boxes["processes"][3]  # read upwards: "Support" is the lower
    for word in ("Pick", "After"):
        assert boxes[word][3] <= MARGIN, (word, boxes[word])


@pytest.mark.parametrize("page", ["A4", "Letter"])
def test_a_tile_showing_nothing_but_the_end_of_the_legends_frame_is_not_printed(
        tmp_path: Path, page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journey example's legend runs the board's width, its entries on the left: on A4 and Letter the
    poster's bottom-right tile held its frame's end alone. Every tile printed shows text, and each says
    how many blank ones were left out, so no one looks for the missing sheet. (At 10 pt card text: at 9
    the poster takes a row fewer, test_a_tiled_poster_takes_a_little_smaller_text_where_that_saves_sheets.)"""
    from exporters import pages

    monkeypatch.setattr(pages, "TILE_TEXT_STEPS", (TILE_TEXT_PT,))
    layout = Layout(model.load(ROOT / "resources" / "examples" / "onboarding-journey.touchline"), legend=True)
    plan = plan_pages(layout, PageSpec(page, tile=True))
    labels = [s.label for s in plan.sheets]
    assert "row 4 / column 2" not in labels and labels[-1] == "row 4 / column 1", labels
    pdf = tmp_path / "poster.pdf"
    export(layout, pdf, page=PageSpec(page, tile=True))
    assert len(page_sizes(pdf)) == len(plan.sheets) == 7
    for number, sheet in enumerate(plan.sheets, start=1):
        header = [d.text for d in sheet.decorations if isinstance(d, Text)]
        assert f"{sheet.label}  (4 × 2 pages, 1 blank not printed)" in header
        words = normalise(run("pdftotext", "-f", str(number), "-l", str(number), pdf, "-").stdout).split()
        board_words = [w for w in words if not any(w in line for line in header)]
        assert len(board_words) >= 5, f"page {number} shows little of the board: {board_words}"
    # Without the legend the board ends with its lanes: the fourth row's strip of bottom margin (two blank
    # sheets, printed before) is no part of the poster, and nothing is said.
    plain = plan_pages(Layout(layout.document), PageSpec(page, tile=True))
    assert [s.label for s in plain.sheets][-1] == "row 3 / column 2" and len(plain.sheets) == 6
    assert all("(3 × 2 pages)" in d.text for s in plain.sheets for d in s.decorations[-2:-1] if isinstance(d, Text))


def test_a_tile_within_the_lanes_is_printed_even_where_its_cells_are_empty() -> None:
    """Lane bands and blueprint lines carry on across every tile of the stages and lanes: a tile there is
    not left out (the poster would have a hole), however empty its cells, but on the poster's last row or
    column, where a tile showing a sliver of empty lane and nothing else was printed (an 80-stage board on
    A3: 11 such sheets of 24)."""
    doc = wide_board()
    for card in [c.id for c in doc.cards() if c.id.startswith(("c6", "c7", "c8"))]:
        doc.remove_card(card)
    layout = Layout(doc)
    plan = plan_pages(layout, PageSpec("A4", tile=True))
    views = {(v.y, v.x): v for v in (s.viewport for s in plan.sheets)}
    rows, columns = sorted({y for y, _ in views}), sorted({x for _, x in views})
    assert len(rows) * len(columns) > 2
    left_out = [(y, x) for y in rows for x in columns if (y, x) not in views]
    assert left_out, "the last row's strip of empty lanes is printed"
    span_w, span_h = max(v.w for v in views.values()), max(v.h for v in views.values())
    for y, x in left_out:
        assert y == rows[-1] or x == columns[-1], "a hole in the poster"
        assert not any(x < c.x + c.w and c.x < x + span_w and y < c.y + c.h and c.y < y + span_h
                       for c in (card.rect for card in layout.cards.values()))
    assert all((y, x) in views for y in rows[:-1] for x in columns[:-1])


def test_an_edge_tile_of_empty_lanes_is_left_out_and_said_to_be() -> None:
    """The poster's last row held a sliver of the empty last lane and nothing else on every sheet but the
    first, which names the lane (80 stages on A3: 11 of 24 sheets; these 30 on A4: 6 of 14)."""
    doc = wide_board(stages=30)
    doc.add_lane(Lane("l3", "Opportunities", "opportunity"))
    plan = plan_pages(Layout(doc), PageSpec("A4", tile=True))
    labels = [s.label for s in plan.sheets]
    last_row = max(int(label.split()[1]) for label in labels)
    printed_last = [label for label in labels if label.startswith(f"row {last_row} /")]
    assert printed_last == [f"row {last_row} / column 1"], labels  # the lane's name, at the left
    said = [d.text for d in plan.sheets[0].decorations if isinstance(d, Text) and "pages" in d.text]
    assert said and "blank not printed" in said[0]


def test_a_blank_sheet_between_printed_ones_on_the_poster_s_edge_is_printed() -> None:
    """Left out were all blank sheets of the last row: with a card at the middle and at the end of the last lane,
    the row printed columns 1, 4, 6 and 7, holes between them in the taped poster. Only the blank run that ends
    the row or column is left out."""
    doc = wide_board(stages=30)
    doc.add_lane(Lane("l3", "Opportunities", "opportunity"))
    doc.add_card(Card("far", "l3", "s29", text="A card in the last lane of the last stage"))
    doc.add_card(Card("mid", "l3", "s15", text="A card in the last lane, mid-board"))
    plan = plan_pages(Layout(doc), PageSpec("A4", tile=True))
    places = {(int(label.split()[1]), int(label.split()[4])) for label in (s.label for s in plan.sheets)}
    rows, columns = max(r for r, _ in places), max(c for _, c in places)
    for row in range(1, rows + 1):
        printed = [c for c in range(1, columns + 1) if (row, c) in places]
        assert printed == list(range(1, max(printed) + 1)), (row, printed)  # no hole along a row
    for column in range(1, columns + 1):
        printed = [r for r in range(1, rows + 1) if (r, column) in places]
        assert printed == list(range(1, max(printed) + 1)), (column, printed)  # nor down a column


def test_single_page_fits_inside_the_margins_above_the_title_block() -> None:
    layout = Layout(wide_board())
    for page in NAMED:
        for portrait in (False, True):
            plan = plan_pages(layout, PageSpec(page, portrait), today=date(2026, 1, 2))
            (sheet,) = plan.sheets
            v = sheet.viewport
            assert v.left >= 28 and v.top >= 28
            assert v.left + v.w * v.scale <= sheet.width - 28 + 1e-6
            assert v.top + v.h * v.scale <= sheet.height - 28 - 30  # the title block is below the picture
            texts = [p.text for p in sheet.decorations if hasattr(p, "text")]
            assert "Wide board" in texts and "Persona: Maya Okafor" in texts
            assert f"2026-01-02 · {page} {'portrait' if portrait else 'landscape'}" in texts


def test_small_text_warns_and_suggests_tile() -> None:
    layout = Layout(wide_board(20))
    plan = plan_pages(layout, PageSpec("A4"))
    assert st.CARD_SIZE * plan.scale < MIN_TEXT_PT
    assert len(plan.warnings) == 1 and "--tile" in plan.warnings[0] and "A4" in plan.warnings[0]
    assert plan_pages(layout, PageSpec("A2")).warnings == [] or st.CARD_SIZE * plan_pages(
        layout, PageSpec("A2")).scale < MIN_TEXT_PT
    assert plan_pages(layout, PageSpec("A4", tile=True)).warnings == []


def test_small_text_on_a_sheet_the_wrong_way_round_says_how_large_the_turned_sheet_holds_it() -> None:
    """The journey map on landscape A4 is 3.5 pt, 5.2 upright: only --tile was suggested. A wide board, whose
    upright sheet would be smaller still, is told nothing of it."""
    journey = Layout(model.load(ROOT / "resources" / "examples" / "onboarding-journey.touchline"))
    landscape = plan_pages(journey, PageSpec("A4"))
    upright = plan_pages(journey, PageSpec("A4", portrait=True))
    assert upright.scale > landscape.scale * 1.1
    assert landscape.warnings[0].endswith(f"; --portrait gives {st.CARD_SIZE * upright.scale:.1f} pt")
    wide = Layout(wide_board(20))
    assert "portrait" not in plan_pages(wide, PageSpec("A4")).warnings[0]
    assert plan_pages(wide, PageSpec("A4", portrait=True)).warnings[0].endswith(
        f"; without --portrait, {st.CARD_SIZE * plan_pages(wide, PageSpec('A4')).scale:.1f} pt")


def test_small_board_fills_the_sheet_up_to_a_limit() -> None:
    doc = model.Document(title="Tiny")
    doc.add_stage(Stage("s", "One"))
    doc.add_lane(Lane("l", "Lane", "customer"))
    plan = plan_pages(Layout(doc), PageSpec("A3"))
    assert plan.scale == MAX_UPSCALE  # enlarged, but card text stays under 20 pt
    assert st.CARD_SIZE * plan.scale < 20
    example = Layout(model.load(EXAMPLE))
    plan = plan_pages(example, PageSpec("A2"))
    view = plan.sheets[0].viewport
    # the example fills the A2 sheet's width or height inside the margins
    assert max(view.w * view.scale / (plan.sheets[0].width - 2 * 28.35),
               view.h * view.scale / (plan.sheets[0].height - 2 * 28.35 - 34)) == pytest.approx(1, abs=0.01)


def test_fit_is_one_page_of_the_board_size(example_layout: Layout) -> None:
    plan = plan_pages(example_layout, PageSpec())
    (sheet,) = plan.sheets
    assert (sheet.width, sheet.height) == (example_layout.width, example_layout.height)
    assert sheet.decorations == []


def test_fit_with_portrait_or_tile_is_refused() -> None:
    with pytest.raises(ValueError, match="paper size"):
        PageSpec("fit", tile=True)
    with pytest.raises(ValueError, match="unknown page"):
        PageSpec("B5")


def test_portrait_pages(tmp_path: Path, example_layout: Layout) -> None:
    need("pdfinfo")
    pdf = tmp_path / "portrait.pdf"
    pdf.write_bytes(render_pdf(example_layout, PageSpec("A3", portrait=True)))
    ((w, h),) = page_sizes(pdf)
    assert (w, h) == (pytest.approx(PAGE_SIZES["A3"][0], abs=0.01), pytest.approx(PAGE_SIZES["A3"][1], abs=0.01))


# ---------------------------------------------------------------------- command line
def test_cli_named_page_and_tile(tmp_path: Path) -> None:
    need("pdfinfo")
    for args, count in ((["--page", "A3"], 1), (["--page", "a4", "--tile"], None)):
        out = tmp_path / "out.pdf"
        result = subprocess.run([sys.executable, "-m", "app", "export", str(EXAMPLE), "-o", str(out), *args],
                                capture_output=True, text=True, cwd=ROOT, check=False)
        assert result.returncode == 0, result.stderr
        sizes = page_sizes(out)
        assert len(sizes) == count if count else len(sizes) > 1


def test_cli_warns_about_small_text(tmp_path: Path) -> None:
    source = tmp_path / "wide.touchline"
    model.save(wide_board(20), source)
    out = tmp_path / "wide.pdf"
    result = subprocess.run([sys.executable, "-m", "app", "export", str(source), "-o", str(out), "--page", "A4"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0 and out.exists()
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"touchline: warning: {out}: card text is ")
    assert "--tile" in lines[0]


def test_a_tiled_poster_takes_a_little_smaller_text_where_that_saves_sheets(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10 pt the blueprint on A4 took 3 x 2 sheets: its last row a 58-pt strip of empty lanes, a sheet with
    one card beside it. Down to 9 pt, the fewest sheets printed (blank ones left out); of equal counts, the
    largest text: for both examples, with and without the legend, on three papers either way up."""
    from exporters import pages

    chosen_plans = {}
    for path in EXAMPLES:
        for legend in (False, True):
            layout = Layout(model.load(path), legend=legend)
            for page in ("A4", "A3", "Letter"):
                for portrait in (False, True):
                    spec = PageSpec(page, portrait, tile=True)
                    chosen_plans[(path.stem, legend, page, portrait)] = (layout, spec, plan_pages(layout, spec))
    sheets: dict[tuple[object, ...], dict[float, int]] = {key: {} for key in chosen_plans}
    for text_pt in TILE_TEXT_STEPS:
        monkeypatch.setattr(pages, "TILE_TEXT_STEPS", (text_pt,))
        for key, (layout, spec, _) in chosen_plans.items():
            sheets[key][text_pt] = len(plan_pages(layout, spec).sheets)
    saved = 0
    for key, (_, _, plan) in chosen_plans.items():
        text = round(st.CARD_SIZE * plan.scale, 6)
        fewest = min(sheets[key].values())
        assert len(plan.sheets) == fewest, key
        assert text == max(pt for pt, count in sheets[key].items() if count == fewest), key
        saved += sheets[key][TILE_TEXT_PT] - fewest
    blueprint = chosen_plans[("coffee-shop-blueprint", False, "A4", False)][2]
    # At 10 pt: 3 x 2 sheets, the last row's empty strip beside the one card left out
    assert len(blueprint.sheets) == 4 and sheets[("coffee-shop-blueprint", False, "A4", False)][TILE_TEXT_PT] == 5
    assert saved > 0


def _extent(text: Text) -> tuple[float, float]:
    """Where a text of a sheet's decorations starts and ends, in pt."""
    width = text_width(text.text, text.size, text.bold)
    left = text.x - (width if text.anchor == "end" else width / 2 if text.anchor == "middle" else 0)
    return left, left + width


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_title_blocks_texts_never_overlap_and_say_what_they_can_whole(path: Path) -> None:
    """On A4 upright the title ran into the personas (coffee shop: by 13 pt, onboarding: by 107); cut
    by character counts, a title was shortened on A2 with 1,000 pt free, and a tile's header likewise."""
    for document in (model.load(path), _with_long_names(model.load(path))):
        layout = Layout(document)
        for page, portrait, tile in itertools.product(NAMED, (False, True), (False, True)):
            plan = plan_pages(layout, PageSpec(page, portrait, tile), today=date(2026, 1, 2))
            for sheet in plan.sheets:
                texts = sorted((p for p in sheet.decorations if isinstance(p, Text) and p.y < sheet.height - 40)
                               if tile else (p for p in sheet.decorations if isinstance(p, Text)), key=_extent)
                spans = [_extent(text) for text in texts if text.y == texts[-1].y]
                assert spans[0][0] >= MARGIN - 1e-6 and spans[-1][1] <= sheet.width - MARGIN + 1e-6, (page, spans)
                for (_, end), (start, _) in itertools.pairwise(spans):
                    assert end + 8 <= start, (path.stem, page, portrait, tile, [t.text for t in texts])
                said = " ".join(t.text for t in texts)
                if page == "A2" and not portrait:  # room for every word of the long names
                    assert " ".join(document.title.split()) in said, said
    personas = plan_pages(Layout(model.load(EXAMPLE)), PageSpec("A2")).sheets[0].decorations
    assert "Persona: Maya Okafor" in [p.text for p in personas if isinstance(p, Text)]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_a_tile_s_header_line_stays_clear_of_its_trim_marks(path: Path) -> None:
    """The blueprint's A3 poster: its sheets' pictures are narrower than the paper, and the header's title ran on
    to the paper's right margin, the trim mark and registration cross of the picture's top right corner drawn
    through "blueprint". No text of a sheet meets a trim mark or cross; the title still shows where it fits."""
    for document in (model.load(path), _with_long_names(model.load(path))):
        layout = Layout(document)
        for page, portrait in itertools.product(NAMED, (False, True)):
            plan = plan_pages(layout, PageSpec(page, portrait, tile=True), today=date(2026, 1, 2))
            for sheet in plan.sheets:
                marks = [d for d in sheet.decorations if isinstance(d, Line) and d.color != "#DC2626"]  # not seams
                met = [text.text for text in _texts_meeting(sheet, marks)]
                assert not met, (path.stem, page, portrait, sheet.label, met)
    plan = plan_pages(Layout(model.load(EXAMPLE)), PageSpec("A3", tile=True), today=date(2026, 1, 2))
    for sheet in plan.sheets:
        header = [d.text for d in sheet.decorations if isinstance(d, Text) and d.anchor == "end"]
        assert header == ["Mobile order & pick-up — Service blueprint · 2026-01-02 · A3"], header


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_a_tile_s_seam_ticks_stay_clear_of_its_label(path: Path) -> None:
    """The red ticks above a sheet's picture where the sheet to its left ends ran 8 pt up into the label's line:
    on the blueprint's A4 poster the tick of "row 1 / column 2  (2 × 2 pages)" joined the "g" of "pages"."""
    layout = Layout(model.load(path))
    ticks_seen = 0
    for page, portrait in itertools.product(NAMED, (False, True)):
        for sheet in plan_pages(layout, PageSpec(page, portrait, tile=True)).sheets:
            ticks = [d for d in sheet.decorations if isinstance(d, Line) and d.color == "#DC2626"]
            ticks_seen += len(ticks)
            assert not list(_texts_meeting(sheet, ticks)), (page, portrait, sheet.label)
            assert all(max(abs(t.x2 - t.x1), abs(t.y2 - t.y1)) >= 3 for t in ticks)  # still a tick to see
    assert ticks_seen


def _texts_meeting(sheet: Sheet, lines: list[Line]) -> Iterator[Text]:
    """The sheet's level texts whose box (model.typesetting.text_box) touches any of ``lines``."""
    from model.typesetting import text_box

    for text in (d for d in sheet.decorations if isinstance(d, Text) and not d.angle):
        x0, y0, x1, y1 = text_box(text)
        if any(min(ln.x1, ln.x2) <= x1 and x0 <= max(ln.x1, ln.x2)
               and min(ln.y1, ln.y2) <= y1 and y0 <= max(ln.y1, ln.y2) for ln in lines):
            yield text


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_legend_entry_is_whole_on_some_tile(path: Path) -> None:
    """The journey's legend on a Letter portrait poster: the cut between its last two columns of sheets ran through
    the legend's "Channels" column, every icon and name cut on both sheets. Like a card, each of the legend's
    words (heading, titles, entries with their symbols) is whole on some sheet."""
    from exporters.pages import _drawn_box

    layout = Layout(model.load(path), legend=True)
    bottom = max(h.rect.y + h.rect.h for h in layout.lane_headers.values())
    boxes = [box for box in map(_drawn_box, layout.background) if box is not None and box[1] > bottom]
    assert len(boxes) > 20  # the legend's words and symbols
    for page, portrait in itertools.product(NAMED, (False, True)):
        plan = plan_pages(layout, PageSpec(page, portrait, tile=True))
        for x0, y0, x1, y1 in boxes:
            assert any(s.viewport.shows(x0, y0) and s.viewport.shows(x1, y1) for s in plan.sheets), \
                (page, portrait, (x0, y0, x1, y1))


def _with_long_names(document: model.Document) -> model.Document:
    document.set_title("A service blueprint whose title goes on for a good while: " * 2)
    names = ("Priya Raghunathan-Venkataraman", "Jean-Baptiste Delacroix-Montfort", "سارة عبد الرحمن")
    document.set_personas([*document.personas, *(Persona(document.new_id("persona"), name) for name in names)])
    return document


def test_a_fit_page_is_never_larger_than_a_pdf_page_may_be(tmp_path: Path) -> None:
    """An 80-stage board made a fit page 17,848 pt wide, over the 14,400 units (200 in) of PDF 1.7's annex C:
    Acrobat may crop or refuse it. Larger boards are scaled to that size, the picture kept whole."""
    from exporters.pages import MAX_PAGE_PT

    document = model.Document("Wide")
    document.add_lane(Lane("l1", "Customer", "customer"))
    for i in range(80):
        document.add_stage(Stage(f"s{i}", f"Stage {i}"))
        document.add_card(Card(f"c{i}", "l1", f"s{i}", f"Card {i} text"))
    layout = Layout(document)
    assert layout.width > MAX_PAGE_PT
    [sheet] = plan_pages(layout, PageSpec("fit")).sheets
    assert sheet.width == pytest.approx(MAX_PAGE_PT)
    assert sheet.height / sheet.width == pytest.approx(layout.height / layout.width)
    small = Layout(model.Document("Small"))
    [one] = plan_pages(small, PageSpec("fit")).sheets
    assert (one.width, one.height, one.viewport.scale) == (small.width, small.height, 1.0)  # 1 px = 1 pt as before
