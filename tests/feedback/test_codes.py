"""Tracking codes: 60 random bits a person can type, read back whatever the case or dashes."""

from __future__ import annotations

from blueprints.feedback.codes import ALPHABET, LENGTH, new_code, normalise


def test_codes_carry_sixty_bits_from_an_unambiguous_alphabet():
    assert len(set(ALPHABET)) == 32 and not set("ILOU") & set(ALPHABET) and LENGTH * 5 >= 60
    codes = {new_code("HD") for _ in range(2000)}
    assert len(codes) == 2000
    assert all(normalise(code) == code for code in codes)


def test_what_people_type_is_read_back():
    assert normalise("hd 7k3p 9qxm 2rt4") == "HD-7K3P-9QXM-2RT4"
    assert normalise(" GY-OOIL-0000-1111 ") == "GY-0011-0000-1111"  # O reads as 0, I and L as 1
    for wrong in ("", "HD-7K3P-9QXM", "XX-7K3P-9QXM-2RT4", "HD-7K3P-9QXM-2RT4-AAAA", "HD-7K3P-9QXM-2RU4"):
        assert normalise(wrong) is None, wrong
