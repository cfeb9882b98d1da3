"""Folding, tokenising, query parsing and highlighting, with real Vietnamese text."""

from __future__ import annotations

import unicodedata

import pytest

from blueprints.search.text import folded, highlight, parse_query, tokens


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Thắng Tam", "thang tam"),
        ("thang tam", "thang tam"),
        ("THẮNG TAM", "thang tam"),
        ("tHắNg TaM", "thang tam"),
        (unicodedata.normalize("NFD", "Thắng Tam"), "thang tam"),  # decomposed input
        ("đường Hoàng Hoa Thám", "duong hoang hoa tham"),
        ("ĐƯỜNG", "duong"),
        ("Ðường", "duong"),  # the Icelandic eth, often typed for Đ
        ("Hoà Bình", "hoa binh"),  # old tone placement
        ("Hòa Bình", "hoa binh"),  # new tone placement
        (unicodedata.normalize("NFD", "Hoà"), "hoa"),
        ("Thủy Vân, Thuỷ Vân", "thuy van thuy van"),
        ("15/2023/QĐ-UBND", "15 2023 qd ubnd"),
        ("Nghị định 42/2022/NĐ-CP", "nghi dinh 42 2022 nd cp"),
    ],
)
def test_folding_makes_every_spelling_the_same_words(typed, expected):
    assert folded(typed) == expected


def test_old_and_new_tone_placement_and_both_normal_forms_give_one_query():
    spellings = [
        "hoà bình",
        "hòa bình",
        unicodedata.normalize("NFD", "hoà bình"),
        unicodedata.normalize("NFD", "HÒA BÌNH"),
    ]
    assert {parse_query(s).tsquery() for s in spellings} == {"'hoa' & 'binh'"}


def test_quoted_phrases_become_adjacent_words_and_loose_words_all_must_match():
    query = parse_query('"ra quân" vệ sinh “môi trường xanh”')
    assert query.words == ("ve", "sinh")
    assert query.phrases == (("ra", "quan"), ("moi", "truong", "xanh"))
    assert query.tsquery() == "'ve' & 'sinh' & ('ra' <-> 'quan') & ('moi' <-> 'truong' <-> 'xanh')"


@pytest.mark.parametrize(
    "hostile",
    [
        '"unbalanced quote',
        "a & b | !c",
        "():*",
        "&|!():*'\\",
        "'; DROP TABLE search_documents; --",
        "<script>alert(1)</script>",
        "x" * 2000,
        "“”„«»",
        "a" * 100 + " b",
    ],
)
def test_hostile_queries_only_ever_yield_quoted_letters_and_digits(hostile):
    query = parse_query(hostile)
    for word in query.all_words + query.words:
        assert word.isalnum() and len(word) <= 60
    stripped = (
        query.tsquery().replace("'", "").replace("&", "").replace("<->", "").replace("(", "").replace(")", "")
    )
    assert all(part.isalnum() for part in stripped.split())


def test_only_punctuation_is_an_empty_query():
    assert parse_query("!!! ??? ... ---").is_empty and parse_query("").is_empty


def test_highlight_escapes_first_and_marks_words_whatever_their_spelling():
    text = '<img src=x onerror=alert(1)> Đường Thắng Tam & "Hoà Bình"'
    marked = str(highlight(text, tokens("duong thang hoa")))
    assert "<img" not in marked and "&lt;img" in marked and "&amp;" in marked
    assert "<mark>Đường</mark> <mark>Thắng</mark> Tam" in marked and "<mark>Hoà</mark>" in marked


def test_highlight_cuts_a_window_around_the_first_hit():
    text = "Mở đầu dài dòng. " * 40 + "Phường Thắng Tam ra quân tổng vệ sinh." + " Kết thúc." * 40
    marked = str(highlight(text, ["tam"], limit=120))
    assert marked.startswith("…") and marked.endswith("…") and "<mark>Tam</mark>" in marked
    assert len(marked) < 260
