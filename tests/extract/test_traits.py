"""Story traits: the names a report mentions, in any script and case ending, and the rare words it is compared by."""

from __future__ import annotations

from silkwatch.extract.traits import WORDS_KEPT, story_traits
from silkwatch.records import Document


def _traits(text, profile, lang="en"):
    return story_traits(Document(doc_id="d", text=text, source="t", published="2025-06-10", lang=lang), [], profile)


def test_names_are_found_in_any_case_ending_and_any_apostrophe(profile):
    ru = _traits("Си Цзиньпин вручил Токаеву орден во время визита в Астану; затем лидеры вылетели в Сиань.", profile, "ru")
    assert {"Xi Jinping", "Kassym-Jomart Tokayev", "Astana", "Xi'an"} <= ru.names
    en = _traits("Delegates met in Xi’an on Monday before flying on to Astana.", profile)
    assert {"Xi'an", "Astana"} <= en.names


def test_a_longer_word_or_half_a_name_is_not_the_name(profile):
    t = _traits("The Astanaville bakery and Jinping Road hotel opened; a visitor named Kassym came to both.", profile)
    assert not {"Astana", "Xi Jinping", "Kassym-Jomart Tokayev"} & t.names


def test_only_the_rarest_words_are_kept_and_common_ones_go_first(profile):
    common = " ".join(["the people said that they would have been there with them"] * 5)
    rare = " ".join(f"{chr(97 + i)}{chr(97 + j)}zorblat" for i in range(10) for j in range(10))
    words = dict(_traits(common + " " + rare, profile).words)
    assert len(words) == WORDS_KEPT
    assert not {"people", "would", "there"} & set(words)
