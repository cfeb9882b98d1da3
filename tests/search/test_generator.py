"""The data generator's text: Vietnamese, and folded exactly as the index folds it, so generated
portals search like real ones. (Writing with COPY runs as the owner outside the test's
transaction; bench/search.py exercises it.)"""

from __future__ import annotations

from collections import Counter

from blueprints.search.generator import Writer, ward_slug
from blueprints.search.text import folded


def test_generated_text_carries_the_fold_the_index_would_compute():
    writer = Writer(seed=7)
    for _ in range(50):
        for phrase in (writer.title(), writer.sentence(), writer.paragraph(4)):
            assert phrase.folded == folded(phrase.text)
            assert phrase.text[:1].isupper()


def test_generated_text_is_vietnamese_and_repeatable():
    first, again = Writer(seed=3), Writer(seed=3)
    titles = [first.title().text for _ in range(20)]
    assert titles == [again.title().text for _ in range(20)]
    assert any(c in "".join(titles) for c in "ăâđêôơư")
    assert ward_slug(7) == "gen-0007" and ward_slug(1000) == "gen-1000"


def test_generated_words_are_many_and_unevenly_common_as_in_real_text():
    writer = Writer(seed=11)
    folded_text = " ".join(writer.paragraph(6).folded for _ in range(100))
    counts = [n for _, n in Counter(folded_text.split()).most_common()]
    assert len(counts) > 400  # distinct syllables, after folding
    assert counts[0] > 10 * counts[len(counts) // 2]  # Zipf: the commonest far above the middle
    assert any(p.text.startswith("trên đường ") for p in writer.lists["places"][0])  # streets
