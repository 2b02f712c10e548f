"""Thai, Lao, Khmer and Myanmar run their words together: a card's lines break between words (model.linebreaks).

The wrapper cut such a run wherever the card's edge fell: "แอปพลิเคชั" / "น" ("applicatio" / "n"). The words
below are the sentences' words as ICU's dictionaries part them (the Thai checked by hand: customer, orders,
coffee, hot, through, application, then, waits, receives, at, shop, ...); a compound may break between its parts
(Khmer "កម្ម" + "វិធី", "work" + "method": "program").
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import model
from model import linebreaks, wrapping
from model.fonts import font_metrics

WORDS = {
    "thai": ["ลูกค้า", "สั่ง", "กาแฟ", "ร้อน", "ผ่าน", "แอปพลิเคชัน", "แล้ว", "รอ", "รับ", "ที่", "ร้าน", "โดย", "ไม่", "ต้อง",
             "ต่อ", "คิว", "นาน", "เกิน", "ไป"],
    "lao": ["ລູກຄ້າ", "ສັ່ງ", "ກາເຟ", "ຜ່ານ", "ແອັບ"],
    "khmer": ["អតិថិជន", "បញ្ជាទិញ", "កាហ្វេ", "តាម", "កម្ម", "វិធី"],
}
SIZE = 13.0
ROOT = Path(__file__).resolve().parents[1]


def ends_of(words: list[str]) -> set[int]:
    """The offsets in the joined sentence where a word ends."""
    ends, at = set(), 0
    for word in words:
        at += len(word)
        ends.add(at)
    return ends


@pytest.mark.parametrize("language", sorted(WORDS))
@pytest.mark.parametrize("width", [90.0, 160.0, 240.0])
def test_a_sentence_without_spaces_breaks_only_between_its_words(language: str, width: float) -> None:
    words = WORDS[language]
    sentence = "".join(words)
    metrics = font_metrics()
    lines = wrapping.wrap(sentence, width, metrics, SIZE)
    assert "".join(lines) == sentence
    if metrics.width(sentence, SIZE) > width:
        assert len(lines) > 1
    breaks = [len("".join(lines[:i + 1])) for i in range(len(lines) - 1)]
    assert set(breaks) <= ends_of(words), (lines, words)
    for line in lines:  # each fits: no word here is wider than the narrowest card
        assert metrics.width(line, SIZE) <= width + 0.01, line


def test_a_word_stays_whole_on_a_card_where_it_was_cut() -> None:
    """The layout's lines of a card, as the screen, the PDF and the SVG draw them."""
    metrics = font_metrics()
    lines = wrapping.wrap("".join(WORDS["thai"]), 160.0, metrics, SIZE)
    assert any("แอปพลิเคชัน" in line for line in lines), lines


def test_an_emoji_in_the_run_keeps_the_offsets_right() -> None:
    """ICU counts in UTF-16: an emoji is two units and one character."""
    pieces = linebreaks.word_pieces("ลูกค้า😀สั่งกาแฟ")
    assert "".join(pieces) == "ลูกค้า😀สั่งกาแฟ"
    assert pieces[-2:] == ("สั่ง", "กาแฟ"), pieces


def test_without_icu_the_run_is_cut_between_clusters_and_still_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    linebreaks.word_pieces.cache_clear()
    monkeypatch.setattr(linebreaks, "_icu_line_breaks", lambda: None)
    try:
        metrics = font_metrics()
        sentence = "".join(WORDS["thai"])
        lines = wrapping.wrap(sentence, 160.0, metrics, SIZE)
        assert "".join(lines) == sentence and len(lines) > 1
        assert all(metrics.width(line, SIZE) <= 160.01 for line in lines)
        assert linebreaks.word_pieces("กาแฟร้อน") == ("กาแฟร้อน",)
    finally:
        linebreaks.word_pieces.cache_clear()


def test_other_text_never_looks_for_icu() -> None:
    """Latin, CJK, Arabic and Hindi text is wrapped without loading ICU."""
    linebreaks._icu_line_breaks.cache_clear()
    metrics = font_metrics()
    for text in ("Orders at the counter", "naïve café", "顧客がレジで注文する。", "طلب القهوة", "ग्राहक ऑर्डर करता है"):
        wrapping.wrap(text, 120.0, metrics, SIZE)
    assert linebreaks._icu_line_breaks.cache_info().currsize == 0


def test_the_pdf_of_a_thai_board_keeps_each_word_on_one_line(tmp_path: Path) -> None:
    document = model.load(ROOT / "resources" / "examples" / "onboarding-journey.touchline")
    card = next(iter(document.cards()))
    document.set_card_field(card.id, "text", "".join(WORDS["thai"]))
    board = tmp_path / "thai.touchline"
    board.write_text(model.dumps(document), encoding="utf-8")
    pdf = tmp_path / "thai.pdf"
    subprocess.run([sys.executable, "-m", "app", "export", str(board), "-o", str(pdf)], check=True,
                   cwd=ROOT, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    lines = [line for line in text.splitlines() if any("\u0e00" <= ch <= "\u0e7f" for ch in line)]
    assert len(lines) > 1 and "".join(lines).replace(" ", "") == "".join(WORDS["thai"]), lines
    breaks = [len("".join(lines[:i + 1]).replace(" ", "")) for i in range(len(lines) - 1)]
    assert set(breaks) <= ends_of(WORDS["thai"]), lines


def test_a_lone_surrogate_in_the_run_does_not_stop_the_layout() -> None:
    """Text pasted from elsewhere can hold half an emoji; encoding it for ICU raised UnicodeEncodeError."""
    pieces = linebreaks.word_pieces("กาแฟ\ud800ร้อน")
    assert "".join(pieces) == "กาแฟ\ud800ร้อน"
