"""Role claims: titles before a name and in apposition, with the office's state, once per person and role."""

from __future__ import annotations


def roles(claims_of, text):
    return sorted((c.person, c.role, c.country) for c in claims_of(text, "2024-03-29", "role"))


def test_titles_before_names_in_a_list_take_their_own_demonym(claims_of):
    text = "The summit was attended by Tajik President Emomali Rahmon, Turkmen President Serdar Berdimuhamedov and Uzbek President Shavkat Mirziyoyev."
    assert roles(claims_of, text) == [
        ("Emomali Rahmon", "president", "TJ"), ("Serdar Berdimuhamedov", "president", "TM"), ("Shavkat Mirziyoyev", "president", "UZ"),
    ]


def test_two_titles_of_one_person_are_two_roles_once_each(claims_of):
    text = ("Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs Murat Nurtleu met the press.\n\n"
            "Murat Nurtleu, Kazakhstan's foreign minister, later left for Beijing.")
    assert roles(claims_of, text) == [("Murat Nurtleu", "deputy prime minister", "KZ"), ("Murat Nurtleu", "foreign minister", "KZ")]


def test_a_bare_title_takes_the_office_the_profile_knows(claims_of):
    assert roles(claims_of, "Spokesperson Lin Jian told reporters the visit would go ahead.") == [("Lin Jian", "foreign ministry spokesperson", "CN")]
