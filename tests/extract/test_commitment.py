"""Commitment claims: promises and readiness by an identified party, not wishes, exhortations or schedules."""

from __future__ import annotations


def commitments(claims_of, text):
    return [(c.actors, c.area, c.text) for c in claims_of(text, "2024-03-29", "commitment")]


def test_readiness_and_a_pledge_with_area_and_beneficiary(claims_of):
    got = commitments(claims_of, "China stands ready to help Central Asian countries improve their law enforcement and security capacity.")
    assert got == [(("CN",), "security", "help Central Asian countries improve their law enforcement and security capacity")]


def test_a_leader_promises_for_their_state(claims_of):
    got = commitments(claims_of, "Turkmen President Serdar Berdimuhamedov said that Turkmenistan is prepared to increase gas deliveries to China.")
    assert got == [(("TM",), "energy", "increase gas deliveries to China")]


def test_exhortations_wishes_and_schedules_are_not_commitments(claims_of):
    text = ("The six countries should oppose external interference.\n\n"
            "Kazakhstan wants to attract more investment.\n\n"
            "The summit will be held in Astana in June.")
    assert commitments(claims_of, text) == []
