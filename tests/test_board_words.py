"""The words Touchline writes on a board follow the board's `language` (docs/format-extensions.md), in the layout
and so in every export: a German board said "Line of visibility", "Legend" and "Goals" in the middle of German text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import model
from model import events as ev
from model.board_words import _GERMAN, BOARD_LANGUAGES, board_word
from model.layout import Layout
from model.primitives import Text

ROOT = Path(__file__).resolve().parent.parent
BLUEPRINT = ROOT / "resources" / "examples" / "coffee-shop-blueprint.touchline"
JOURNEY = ROOT / "resources" / "examples" / "onboarding-journey.touchline"
ENGLISH_WORDS = ("Line of interaction", "Line of visibility", "Line of internal interaction", "Legend", "LANES",
                 "MARKERS", "GOALS", "PAINS", "by stage", "Fail point", "Hand-off across the line of visibility")


def texts(layout: Layout) -> list[str]:
    return [p.text for p in layout.primitives() if isinstance(p, Text)]


def german(path: Path) -> model.Document:
    document = model.load(path)
    document.set_language("de")
    return document


def test_a_board_without_a_language_is_english_and_its_file_stays_as_it_was() -> None:
    document = model.load(BLUEPRINT)
    assert document.language == "en"
    before = model.dumps(document)
    document.set_language("de")
    assert '"language": "de"' in model.dumps(document)
    assert model.loads(model.dumps(document)).language == "de"
    document.set_language("en")
    assert model.dumps(document) == before  # English takes the key away again


def test_a_language_that_is_not_a_string_is_refused_naming_the_place() -> None:
    text = model.dumps(model.load(BLUEPRINT)).replace('"version": 1,', '"version": 1,\n  "language": 7,', 1)
    with pytest.raises(model.LoadError, match=r"^language: expected a string$"):
        model.loads(text)


def every_feature_board() -> model.Document:
    """A board with every lane kind, marker, chip, persona heading, chart and legend group, and no title."""
    from model.entities import LANE_KINDS, Card, Lane, Link, Persona, Stage

    doc = model.Document("")
    doc.set_personas([Persona("p1", "Sam Reyes", goals=["x"], pains=["y"])])
    for i in range(3):
        doc.add_stage(Stage(f"s{i}", f"S{i}", metrics={"CSAT": 3.0 + i}))
    for kind in LANE_KINDS:
        doc.add_lane(Lane(f"l-{kind}", f"L {kind}", kind))
    n = 0
    for kind in LANE_KINDS:
        for i in range(2):
            n += 1
            doc.add_card(Card(f"c{n}", f"l-{kind}", f"s{i}", f"t{n}", fail=kind == "customer", wait="2 min",
                              channel="email", score=(2 if i else -2) if kind in ("emotion", "thought") else None,
                              persona="p1"))
    by_kind = {kind: [c.id for c in doc.cards() if c.lane == f"l-{kind}"] for kind in LANE_KINDS}
    doc.add_link(Link("k1", by_kind["frontstage"][0], by_kind["backstage"][0]))  # a hand-off
    doc.add_link(Link("k2", by_kind["pain"][0], by_kind["opportunity"][0]))  # an answer
    return doc


def test_a_german_board_with_every_feature_has_no_english_word_of_touchlines_left() -> None:
    """Each word the layout writes, found by drawing a board that has them all, not by a list kept by hand."""
    document = every_feature_board()
    english = texts(Layout(document, legend=True))
    document.set_language("de")
    said = texts(Layout(document, legend=True))
    words = [k for k, v in _GERMAN.items() if v != k and "{" not in k]

    def written(word: str, found: list[str]) -> bool:
        return any(t in (word, word.upper()) or t.endswith(" " + word) or (" " in word and word in t) for t in found)

    drawn = [w for w in words if written(w, english)]
    # All but the pages' and the PDF's full-text pages', in English…
    assert set(words) - set(drawn) == {"portrait", "landscape", "1 page", "Full text of shortened cards",
                                       "Full text of shortened cards (continued)"}
    assert [w for w in drawn if written(w, said)] == []  # …and none of them in German
    assert "Unbenannt" in said and "+2 Sehr positiv" in said
    assert set(BOARD_LANGUAGES) == {"en", "de"}
    assert board_word("Legend", "fr") == "Legend"  # a language not listed: English
    assert board_word("Legend", "de-AT") == board_word("Legend", "DE") == "Legende"


@pytest.mark.parametrize("path", [BLUEPRINT, JOURNEY])
def test_a_german_board_says_its_lines_legend_and_headings_in_german(path: Path) -> None:
    english = texts(Layout(model.load(path), legend=True))
    said = texts(Layout(german(path), legend=True))
    assert any(word in english for word in ENGLISH_WORDS)
    assert not [t for t in said if t in ENGLISH_WORDS or t.startswith("Line of")], said
    assert "Legende" in said and "BAHNEN" in said and "MARKIERUNGEN" in said
    if path == BLUEPRINT:
        assert {"Interaktionslinie", "Sichtbarkeitslinie", "Linie der internen Interaktion", "Fehlerpunkt",
                "Übergabe über die Sichtbarkeitslinie", "ZIELE", "SCHMERZPUNKTE", "je Phase"} <= set(said)
    else:
        assert {"+2 Sehr positiv", "−2 Sehr negativ", "EMOTION"} <= set(said)
    # The board's own text is never translated.
    document = model.load(path)
    own = {document.title, *(s.name for s in document.stages), *(ln.name for ln in document.lanes)}
    kept = {t for t in own if t in english}
    assert kept and kept <= set(said)


def test_a_change_of_language_lays_the_board_out_again_and_back() -> None:
    document = model.load(BLUEPRINT)
    layout = Layout(document, legend=True)
    english = texts(layout)
    document.set_language("de")
    layout.apply(ev.TitleChanged("language", "en", "de"))
    assert "Sichtbarkeitslinie" in texts(layout) and "Legende" in texts(layout)
    document.set_language("en")
    layout.apply(ev.TitleChanged("language", "de", "en"))
    assert texts(layout) == english


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_command_lines_exports_of_a_german_board_are_german(tmp_path: Path) -> None:
    board = tmp_path / "bp.touchline"
    model.save(german(BLUEPRINT), board)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    for out, options in (("bp.svg", []), ("bp.pdf", []), ("a4.pdf", ["--page", "A4"]),
                         ("tiles.pdf", ["--page", "A4", "--tile"])):
        result = subprocess.run([sys.executable, "-m", "app", "export", str(board), "--legend", *options,
                                 "-o", str(tmp_path / out)], env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    svg = (tmp_path / "bp.svg").read_text(encoding="utf-8")
    pdf = subprocess.run(["pdftotext", "-layout", str(tmp_path / "bp.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    for said in (svg, pdf):
        assert "Sichtbarkeitslinie" in said and "Legende" in said and "Line of visibility" not in said

    def text_of(name: str) -> str:
        return subprocess.run(["pdftotext", "-layout", str(tmp_path / name), "-"], capture_output=True, text=True,
                              check=True).stdout

    assert "A4 Querformat" in text_of("a4.pdf") and "landscape" not in text_of("a4.pdf")
    assert "Zeile 1 / Spalte 1" in text_of("tiles.pdf") and "Seiten" in text_of("tiles.pdf")


def test_extension_keys_taken_away_and_put_back_stand_where_they_stood() -> None:
    """Setting Language to English removes the key and an undo put it back at the end of its object, after
    the keys that had followed it (a stage's notes the same): the file was no longer the one saved."""
    text = model.dumps(model.loads(
        '{"format": "touchline", "version": 1, "title": "T", "language": "de", "x-sync": {"rev": 3},'
        ' "stages": [{"id": "s1", "name": "One", "notes": "Say hello", "x-timer": 5}],'
        ' "lanes": [], "cards": [], "links": []}'))
    doc = model.loads(text)
    doc.set_language("en")
    doc.set_stage_field("s1", "notes", None)
    assert '"language"' not in model.dumps(doc) and "Say hello" not in model.dumps(doc)
    doc.set_stage_field("s1", "notes", "Say hello")
    doc.set_language("de")
    assert model.dumps(doc) == text
    doc.set_language("en")
    doc.extra.pop("x-sync")  # what followed it is gone: put back, it goes at the end
    doc.set_language("de")
    assert list(doc.extra) == ["language"]
