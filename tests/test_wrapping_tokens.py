"""model.wrapping's tokens: the plain tokenizer for text without ideographs, the full one otherwise.

Issue 9, start-up: compiling the full pattern cost 7-8 ms of every start, for text that has no
ideograph. Counted, not timed: whether the full pattern was compiled, and that both give the same tokens.
"""

from __future__ import annotations

import re

import pytest

from model import wrapping

SAMPLES = [
    "", " ", "\t", "Order at the counter", "  two  spaces\tand a tab ", "naïve café → next step",
    "Wait 5 min (queue)", "\u2e7f just below the first ideograph", "\u2e80 the first one",
    "顧客がレジで注文する。次へ", "注文）して、待つ」", "고객이 주문한다", "ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ",
    "mixed 中文 text, with 标点。and more", "emoji 😀 beyond the plane", "豈 compatibility ideograph",
    "「キャッシュ」で、ちょっと待つー。", "「Touchline」と（アプリ）", "ラテ（Latte）を、ｶﾌｪｰ",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_tokens_are_those_of_the_full_pattern(text: str) -> None:
    assert wrapping.tokens(text) == re.compile(wrapping._TOKEN_PATTERN).findall(text)


def test_text_without_ideographs_does_not_compile_the_full_pattern() -> None:
    wrapping._ideograph_tokens.cache_clear()
    for text in SAMPLES[:8]:
        wrapping.tokens(text)
    assert wrapping._ideograph_tokens.cache_info().currsize == 0
    wrapping.tokens("顧客")
    assert wrapping._ideograph_tokens.cache_info().currsize == 1


def test_soft_hyphens_are_where_a_long_word_breaks_and_invisible_elsewhere() -> None:
    """A designer's soft hyphens (U+00AD) were drawn as hyphens mid-line in the PDF and SVG
    ("Kundenzufriedenheits-umf / rage"), and the compound broke between any two letters."""
    from model.typesetting import font_metrics

    metrics = font_metrics(False)
    text = "Kundenzufriedenheits\u00adumfrage wird ver\u00adschickt"
    narrow = metrics.width("Kundenzufriedenheits-", 13) + 1
    lines = wrapping.wrap(text, narrow, metrics, 13)
    assert lines[0] == "Kundenzufriedenheits-" and lines[1].startswith("umfrage wird")
    assert "".join(line.removesuffix("-") for line in lines) == "Kundenzufriedenheitsumfrage wird verschickt"
    wide = wrapping.wrap(text, 1000, metrics, 13)
    assert wide == ["Kundenzufriedenheitsumfrage wird verschickt"]
    parts = wrapping.wrap("ein Kunden\u00adzufriedenheits\u00adumfrage\u00adbogen", 90, metrics, 13)
    assert all("\u00ad" not in line for line in parts)
    assert "".join(line.removesuffix("-") for line in parts).replace(" ", "") == "einKundenzufriedenheitsumfragebogen"
    assert all(metrics.width(line, 13) <= 90 for line in parts)


def test_japanese_and_chinese_lines_keep_their_kinsoku() -> None:
    """CJK text breaks between any two characters, but a line never starts with a small kana (キャ is one sound:
    "キ / ャ" read as two), the prolonged sound mark ー, a middle dot, an iteration mark, a closing bracket or
    a closing mark (、。！？), and never ends with an opening bracket: such a character stays with its
    neighbour (JIS X 4051's rules; Chinese punctuation alike). Checked at every width from 3 to 15 characters
    that holds the widest such run ("キャッ", "「Touchline」"; a narrower line cuts it, as it cuts any word wider
    than the line)."""
    from model.typesetting import font_metrics

    metrics = font_metrics(False)
    never_first = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶーｰｧｨｩｪｫｬｭｮｯ・々ゝゞヽヾ")
    never_first |= set("、。，．：；！？）」』】〕〉》｡､")
    never_last = set("「『（【〔〈《")
    texts = ["お客様はキャッシュレス決済でちょっとだけ待ちます。「レシート」を受け取ります！",
             "コーヒーをテイクアウトで注文しました（アプリ経由）。スタッフ・ルームで々待つ",
             "顾客在应用中下单，然后等待（大约五分钟）。取餐时出示「二维码」！",
             # brackets round Latin words, as Japanese writes product names; halfwidth katakana
             "お客様はアプリ「Touchline」で注文します。ラテ（Latte）を注文、ｶﾌｪｰでｷｬｯｼｭﾚｽ"]
    em = metrics.width("あ", 13)
    for text in texts:
        widest = max(metrics.width(token, 13) for token in wrapping.tokens(text))
        for characters in range(3, 16):
            if em * characters + 1 < widest:
                continue  # a token wider than the line is cut as any such word is
            lines = wrapping.wrap(text, em * characters + 1, metrics, 13)
            assert "".join(lines) == text
            assert len(lines) > 1
            for line in lines[1:]:
                assert line[0] not in never_first, (characters, lines)
            for line in lines[:-1]:
                assert line[-1] not in never_last, (characters, lines)
