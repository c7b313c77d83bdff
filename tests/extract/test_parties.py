"""Which parties a stretch of text names, and the rules that turn them into a claim's subjects."""

from __future__ import annotations

import pytest

from silkwatch.extract import Article
from silkwatch.extract.parties import narrow_group, parties_in, subjects_of
from silkwatch.link import entity_index
from silkwatch.records import Document


@pytest.fixture
def article(nlp, profile):
    def make(text: str) -> Article:
        doc = Document(doc_id="t", text=text, source="test", lang="en")
        return Article(document=doc, doc=nlp(text), profile=profile, entities=entity_index(profile))

    return make


@pytest.mark.parametrize("text, codes", [
    ("Trade between China and Kazakhstan grew.", ("CN", "KZ")),
    ("At the forum in Dushanbe, Tajikistan, Chinese and Uzbek firms signed deals.", ("CN", "UZ")),  # the venue is no party
    ("The loan of US $ 3 billion goes to Kyrgyzstan.", ("KG",)),  # a code before a currency names money
    ("With Kyrgyzstan $22 billion and with Uzbekistan $13 billion.", ("KG", "UZ")),  # a name before a figure is a party
    ("Kassym-Jomart Tokayev welcomed the Chinese delegation.", ("KZ", "CN")),  # a known person names his state
])
def test_parties_in_a_span(article, text, codes):
    assert parties_in(article(text), 0, len(text)) == codes


def test_subjects_need_two_parties_one_of_the_mechanism(profile):
    assert subjects_of(profile, ["CN"]) == ()
    assert subjects_of(profile, ["BR", "AR"]) == ()
    assert subjects_of(profile, ["KZ", "CN", "KZ"]) == ("CN", "KZ")


def test_a_member_named_beside_its_group_takes_the_figure_unless_the_group_is_nearer(profile):
    assert narrow_group(profile, ["KZ", "CN", "C5"], near="KZ") == ["KZ", "CN"]
    assert narrow_group(profile, ["TM", "CN", "C5"], near="C5") == ["CN", "C5"]
