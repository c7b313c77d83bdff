"""Linking names to the profile's canonical entities: aliases, demonyms, capitals, misspellings."""

from __future__ import annotations

import pytest

from silkwatch.link import entity_index


@pytest.fixture(scope="module")
def index(profile):
    return entity_index(profile)


@pytest.mark.parametrize("surface, code", [("Kazakhstan", "KZ"), ("Kazakh", "KZ"), ("Astana", "KZ"), ("Beijing", "CN"), ("Uzbek", "UZ"), ("the Kyrgyz Republic", "KG")])
def test_state_names_demonyms_and_capitals(index, surface, code):
    assert index.state_code(surface) == code


def test_misspelt_and_partial_person_names_resolve(index):
    assert index.person("Xi Jinping").name == "Xi Jinping"
    assert index.person("Xi Jingping").name == "Xi Jinping"
    assert index.person("Lin Jiang").name == "Lin Jian"
    assert index.person("President Xi Jinping's").name == "Xi Jinping"
    assert index.person("John Smith") is None


def test_mentions_carry_offsets_into_the_text(index):
    text = "Kazakh and Chinese officials met in Astana."
    found = [(text[m.start:m.end], m.kind, m.key) for m in index.mentions(text)]
    assert ("Kazakh", "state", "KZ") in found and ("Chinese", "state", "CN") in found
    assert index.codes_in("Talks between China and the five Central Asian countries")[0] == "CN"


def test_common_words_are_not_names(index):
    assert index.mentions("the us and them, said a man") == []


@pytest.mark.parametrize("text, codes", [
    ("trade will reach 30 billion U.S. dollars", []),
    ("loans worth US$2 billion", []),
    ("the Kazakh tenge and the Uzbek sum", []),
    ("China invested in Kazakhstan $2 billion last year", ["CN", "KZ"]),
    ("the US and China", ["US", "CN"]),
])
def test_a_state_before_its_currency_names_money_not_a_party(index, text, codes):
    assert index.codes_in(text) == codes
