"""The amount in words of the printed statement, in Vietnamese and English."""

from __future__ import annotations

import pytest

from blueprints.royalties.words import amount_in_words

VIETNAMESE = {
    0: "Không đồng",
    15: "Mười lăm đồng",
    21: "Hai mươi mốt đồng",
    24: "Hai mươi tư đồng",
    105: "Một trăm linh năm đồng",
    110: "Một trăm mười đồng",
    1_005: "Một nghìn không trăm linh năm đồng",
    1_000_000: "Một triệu đồng",
    1_000_005: "Một triệu không trăm linh năm đồng",
    1_005_000: "Một triệu không trăm linh năm nghìn đồng",
    1_234_567_890: "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng",
    10_000_000_000: "Mười tỷ đồng",
    1_000_000_000_005: "Một nghìn tỷ không trăm linh năm đồng",
}

ENGLISH = {
    0: "Zero dong",
    15: "Fifteen dong",
    21: "Twenty-one dong",
    105: "One hundred five dong",
    1_000_000: "One million dong",
    1_000_005: "One million five dong",
    1_234_567_890: (
        "One billion two hundred thirty-four million five "
        "hundred sixty-seven thousand eight hundred ninety dong"
    ),
    10_000_000_000: "Ten billion dong",
}


@pytest.mark.parametrize(("amount", "words"), VIETNAMESE.items())
def test_vietnamese(amount, words):
    assert amount_in_words(amount, "vi") == words


@pytest.mark.parametrize(("amount", "words"), ENGLISH.items())
def test_english(amount, words):
    assert amount_in_words(amount, "en") == words


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        amount_in_words(-1, "vi")
