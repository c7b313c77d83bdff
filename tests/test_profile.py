"""Profiles: the shipped China–Central Asia profile and a mechanism of one's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from silkwatch.errors import ProfileError
from silkwatch.profile import load_profile

FIXTURES = Path(__file__).parent / "fixtures"


def test_shipped_profile_has_the_six_members_and_the_group(profile):
    assert sorted(profile.members) == ["CN", "KG", "KZ", "TJ", "TM", "UZ"]
    assert profile.group_code == "C5"
    assert {p.name for p in profile.people} >= {"Xi Jinping", "Lin Jian"}
    assert profile.words("speech_verbs") and profile.indicators and profile.areas and profile.event_types


def test_a_profile_of_ones_own(tmp_path):
    p = load_profile(FIXTURES / "profile_small.toml")
    assert p.name == "Test mechanism" and p.members == ("CN", "KZ")
    assert p.words("boilerplate") == ("Sponsored content",) and p.words("speech_verbs") == ()


@pytest.mark.parametrize("content, message", [
    (None, "not found"),
    ("[mechanism\nname=", "not valid TOML"),
    ('[mechanism]\nname = "x"\n', "group_code"),
    ('[mechanism]\nname = "x"\ngroup_code = "X"\n[[states]]\ncode = "AA"\nname = "A"\n', "no member states"),
    ('[mechanism]\nname = "x"\ngroup_code = "X"\n[[states]]\ncode = "AA"\nname = "A"\nmember = true\ncolour = "red"\n', "states"),
])
def test_broken_profiles_say_what_is_wrong(tmp_path, content, message):
    f = tmp_path / "p.toml"
    if content is not None:
        f.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(f)
