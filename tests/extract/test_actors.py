"""Parties as the record writes them: the group for all its members, and no member beside its group."""

from __future__ import annotations

from silkwatch.extract.actors import as_written


def test_all_five_members_are_written_as_their_group(profile):
    assert as_written(profile, ["CN", "KZ", "KG", "TJ", "TM", "UZ"]) == {"C5", "CN"}


def test_a_member_named_beside_its_group_is_not_written_twice(profile):
    assert as_written(profile, ["C5", "KZ", "CN"]) == {"C5", "CN"}


def test_some_members_stay_themselves(profile):
    assert as_written(profile, ["CN", "KZ", "UZ"]) == {"CN", "KZ", "UZ"}
