"""An amount of đồng in words, as a payment voucher writes it under the figures.

Vietnamese follows the accountants' reading (Circular 200/2014 vouchers): groups of three digits
with "nghìn", "triệu", "tỷ"; a group after the first says its hundreds even when they are zero
("không trăm"); a lone unit after hundreds is "linh" ("một trăm linh năm"); after a ten, 1 is
"mốt", 4 is "tư" and 5 is "lăm" ("hai mươi mốt", "mười lăm"). English is the cheque style
("one million five dong"). Both start with a capital letter and end with the currency.
"""

from __future__ import annotations

_VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_VI_SCALES = ("", "nghìn", "triệu")

_EN_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _vi_units_after_ten(digit: int) -> str:
    return {1: "mốt", 4: "tư", 5: "lăm"}.get(digit, _VI_DIGITS[digit])


def _vi_triple(n: int, full: bool) -> list[str]:
    """Words of 0 < n < 1000; `full` reads zero hundreds ("không trăm") and a lone unit ("linh")."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_VI_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
        if units:
            words.append(_VI_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _VI_DIGITS[units])
    else:
        words += [_VI_DIGITS[tens], "mươi"]
        if units:
            words.append(_vi_units_after_ten(units))
    return words


def _vi_below_billion(n: int, leading: bool) -> list[str]:
    groups = [(n // 10**6) % 1000, (n // 1000) % 1000, n % 1000]
    words: list[str] = []
    for index, group in enumerate(groups):
        if not group:
            continue
        words += _vi_triple(group, full=not leading)
        if _VI_SCALES[2 - index]:
            words.append(_VI_SCALES[2 - index])
        leading = False
    return words


def _vi_words(n: int, leading: bool = True) -> list[str]:
    if n >= 10**9:
        high, low = divmod(n, 10**9)
        words = _vi_words(high, leading) + ["tỷ"]
        return words + (_vi_below_billion(low, leading=False) if low else [])
    return _vi_below_billion(n, leading)


def _en_below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [_EN_ONES[hundreds], "hundred"] if hundreds else []
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_EN_TENS[tens] + (f"-{_EN_ONES[units]}" if units else ""))
    elif rest:
        words.append(_EN_ONES[rest])
    return words


def _en_words(n: int) -> list[str]:
    words: list[str] = []
    for scale, name in _EN_SCALES:
        if n >= scale:
            high, n = divmod(n, scale)
            words += _en_words(high) if high >= 1000 else _en_below_thousand(high)
            words.append(name)
    return words + _en_below_thousand(n)


def amount_in_words(amount: int, locale: str = "vi") -> str:
    """`amount` whole đồng in words: "Một triệu không trăm linh năm đồng" / "One million five dong"."""
    if amount < 0:
        raise ValueError("an amount in words is never negative")
    if locale.startswith("en"):
        text = " ".join(_en_words(amount) if amount else ["zero"]) + " dong"
    else:
        text = " ".join(_vi_words(amount) if amount else ["không"]) + " đồng"
    return text[0].upper() + text[1:]
