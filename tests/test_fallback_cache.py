"""fontconfig's fallback answers remembered on disk (model.fallback_cache): asked once, then reused.

Issue 9, start-up: the example's "→" cost a ``fc-match`` process and a font read in every start.
Counted, not timed: how often fontconfig is asked.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from model import fallback_cache, glyphs

pytestmark = pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig")

ARROW = "\u2192"  # the coffee-shop example's arrow: not in the bundled Noto Sans


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Every question put to fontconfig."""
    calls: list[tuple[int, bool]] = []
    real = glyphs._fc_candidates

    def counting(code: int, bold: bool) -> list[tuple[str, int]]:
        calls.append((code, bold))
        return real(code, bold)

    monkeypatch.setattr(glyphs, "_fc_candidates", counting)
    return calls


def _finder_with_cache(monkeypatch: pytest.MonkeyPatch, path: Path) -> glyphs.FallbackFinder:
    """A fresh finder, as in a new process, reading the cache file at ``path``."""
    monkeypatch.setattr(glyphs, "_disk_cache", lambda: fallback_cache.FallbackCache(path))
    return glyphs.FallbackFinder()


def _first_run(monkeypatch: pytest.MonkeyPatch, path: Path) -> glyphs.FallbackFont:
    font = _finder_with_cache(monkeypatch, path).font_for(ARROW)
    assert font is not None and ord(ARROW) in font.advances
    return font


def test_the_second_run_takes_the_font_from_the_cache_without_asking_fontconfig(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[tuple[int, bool]]) -> None:
    path = tmp_path / fallback_cache.FILE_NAME
    first = _first_run(monkeypatch, path)
    assert asked == [(ord(ARROW), False)] and path.is_file()
    again = _finder_with_cache(monkeypatch, path)
    second = again.font_for(ARROW)
    assert asked == [(ord(ARROW), False)]  # not asked a second time
    assert second == first and second is not None
    assert second.advances == first.advances and second.units_per_em == first.units_per_em
    assert again.fonts() == [first]  # the canvas's and exporters' font lists are the same as without the cache


def test_a_character_no_font_has_is_remembered_as_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[tuple[int, bool]]) -> None:
    path = tmp_path / fallback_cache.FILE_NAME
    unassigned = "\U000e01ef"  # a variation selector supplement code point no common font maps
    monkeypatch.setattr(glyphs, "is_invisible", lambda _ch: False)
    first = _finder_with_cache(monkeypatch, path).font_for(unassigned)
    count = len(asked)
    assert count == 1
    assert _finder_with_cache(monkeypatch, path).font_for(unassigned) == first
    assert len(asked) == count


def test_a_changed_font_list_or_font_file_means_asking_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[tuple[int, bool]]) -> None:
    path = tmp_path / fallback_cache.FILE_NAME
    first = _first_run(monkeypatch, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["signature"][0] = -1  # as if a font were installed since
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _finder_with_cache(monkeypatch, path).font_for(ARROW) == first
    assert len(asked) == 2

    data = json.loads(path.read_text(encoding="utf-8"))
    (record,) = data["fonts"].values()
    record["stamp"] = [0, 0]  # the font file was replaced
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _finder_with_cache(monkeypatch, path).font_for(ARROW) == first
    assert len(asked) == 3


def test_an_unreadable_cache_is_ignored_and_rewritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[tuple[int, bool]]) -> None:
    path = tmp_path / fallback_cache.FILE_NAME
    path.write_text("{not json", encoding="utf-8")
    first = _first_run(monkeypatch, path)
    assert len(asked) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["queries"]  # rewritten whole
    assert [p.name for p in tmp_path.iterdir()] == [fallback_cache.FILE_NAME]  # no partial file left
    assert _finder_with_cache(monkeypatch, path).font_for(ARROW) == first and len(asked) == 1


def test_the_cache_can_be_switched_off_and_lives_in_the_user_cache_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert fallback_cache.cache_file() == tmp_path / "touchline" / fallback_cache.FILE_NAME
    glyphs._disk_cache.cache_clear()
    monkeypatch.setenv(glyphs.DISK_CACHE_SWITCH, "off")
    try:
        assert glyphs._disk_cache() is None
    finally:
        glyphs._disk_cache.cache_clear()


def test_two_processes_writing_at_once_keep_both_answers(tmp_path: Path) -> None:
    # Two starts read the (empty) cache before either writes; each then learns a different character.
    # The second file written used to hold only its own answer: the first start's was asked again.
    path = tmp_path / fallback_cache.FILE_NAME
    first, second = fallback_cache.FallbackCache(path), fallback_cache.FallbackCache(path)
    font = ("/nowhere/Font.ttf", 0, "Somewhere Sans", 1000, {0x2192: 600})
    first.remember(0x2192, False, font)
    second.remember(0x2190, True, None)
    third = fallback_cache.FallbackCache(path)
    assert third.lookup(0x2190, True) == (True, None)
    assert third._queries[f"{0x2192}:0"] == ["/nowhere/Font.ttf", 0]  # kept (its file is gone: asked again)
    assert "/nowhere/Font.ttf\t0" in json.loads(path.read_text(encoding="utf-8"))["fonts"]
    assert [p.name for p in tmp_path.iterdir()] == [fallback_cache.FILE_NAME]  # no lock or partial file left


def test_answers_written_for_another_font_list_are_not_merged(tmp_path: Path) -> None:
    path = tmp_path / fallback_cache.FILE_NAME
    path.write_text(json.dumps({"signature": ["another font list"], "queries": {"65:0": None}, "fonts": {}}),
                    encoding="utf-8")
    cache = fallback_cache.FallbackCache(path)
    cache.remember(0x2192, False, None)
    assert json.loads(path.read_text(encoding="utf-8"))["queries"] == {"8594:0": None}
