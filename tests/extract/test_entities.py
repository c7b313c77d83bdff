"""Dates and names found from the tagger's output, in place of the NER model."""

import pytest

from silkwatch.extract.entities import COMPONENT


@pytest.fixture(scope="module")
def ents(nlp):
    assert COMPONENT in nlp.pipe_names and "ner" not in nlp.pipe_names

    def run(text):
        return [(e.text, e.label_) for e in nlp(text).ents]

    return run


def test_a_title_and_a_demonym_before_a_name_are_not_the_name(ents):
    found = ents("Kazakh Deputy Foreign Minister Aliya Bekova met the delegation in the capital.")
    assert ("Aliya Bekova", "PERSON") in found
    assert not any("Minister" in t for t, label in found if label == "PERSON")


@pytest.mark.parametrize("phrase", ["May 18-19, 2023", "18 and 19 May 2023", "on Friday", "last year", "June 2024", "the first five months"])
def test_date_phrases_are_dates(ents, phrase):
    found = ents(f"The talks were set for {phrase} by the two sides.")
    assert any(label == "DATE" and phrase.lower() in t.lower() for t, label in found), found


def test_bodies_places_and_works_are_not_people(ents):
    found = ents("The Foreign Ministry of Uzbekistan praised the Silk Road Fund and the Belt and Road Initiative at the Spring Festival.")
    people = [t for t, label in found if label == "PERSON"]
    assert ("Foreign Ministry", "ORG") in found
    assert not any(w in p for p in people for w in ("Silk", "Road", "Festival", "Ministry"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Minister of Public Health Dana Orlova opened the new bridge.", "Dana Orlova"),
        ("The Deputy Minister of Energy and Water Resources Timur Sadykov visited the dam.", "Timur Sadykov"),
        ("Chairman of the State Planning and Reform Commission Li Ming read a letter.", "Li Ming"),
        ("Foreign Ministry Spokesperson Chen Hao answered questions.", "Chen Hao"),
    ],
)
def test_a_name_after_an_office_or_a_body_is_cut_where_the_name_starts(ents, text, name):
    people = [t for t, label in ents(text) if label == "PERSON"]
    assert name in people, people
    assert not any(p != name and name in p for p in people), people


def test_the_words_of_a_long_body_name_are_not_a_person(ents):
    found = ents("Ravshan Aliev, director of the National Institute of Strategic Studies, spoke about the Energy and Water Resources ministry.")
    people = [t for t, label in found if label == "PERSON"]
    assert people == ["Ravshan Aliev"], found


def test_capitalised_words_of_a_quoted_title_are_no_ones_name(ents):
    found = ents('The leaders signed the "Treaty on Lasting Good Neighbourliness and Friendship" in the capital.')
    assert not [t for t, label in found if label == "PERSON"], found
