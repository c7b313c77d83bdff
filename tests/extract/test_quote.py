"""Quote claims: direct and reported speech, speakers through names, pronouns and misspellings."""

from __future__ import annotations


def quotes(claims_of, text, published="2024-03-29"):
    return [(c.speaker, c.direct, c.text) for c in claims_of(text, published, "quote")]


def test_direct_quote_and_reported_speech_carried_by_he(claims_of):
    text = ("Kazakh President Kassym-Jomart Tokayev arrived in Beijing on Thursday.\n\n"
            "\u201cOur countries have built a partnership that will last for generations,\u201d Tokayev said.\n\n"
            "He added that Kazakhstan would send more wheat to China.")
    assert quotes(claims_of, text) == [
        ("Kassym-Jomart Tokayev", True, "Our countries have built a partnership that will last for generations"),
        ("Kassym-Jomart Tokayev", False, "Kazakhstan would send more wheat to China"),
    ]


def test_a_misspelt_spokesperson_is_the_right_person(claims_of):
    got = quotes(claims_of, "Foreign Ministry spokesperson Lin Jiang said that the secretariat would open in Xi'an next month.")
    assert got == [("Lin Jian", False, "the secretariat would open in Xi'an next month")]


def test_scare_quotes_noun_objects_and_unnamed_speakers_are_not_quotes(claims_of):
    text = ("The six countries oppose \u201ccolor revolutions\u201d in the region.\n\n"
            "Xi Jinping stressed the need for dialogue.\n\n"
            "Analysts said that the meeting was a success.")
    assert quotes(claims_of, text) == []


def test_a_ministry_speaks_when_no_person_does(claims_of):
    got = quotes(claims_of, "The Chinese Foreign Ministry said that the summit would be held in Astana in June.")
    assert got == [("Chinese Foreign Ministry", False, "the summit would be held in Astana in June")]
