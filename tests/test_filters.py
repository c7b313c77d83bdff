"""Filters as users write them: names for codes, real dates only, LIKE wildcards taken literally."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, strategies as st

from silkwatch.errors import FilterError
from silkwatch.filters import check_date, check_period, fact_filters, like_escape, resolve_party


@pytest.mark.parametrize("given_, code", [("KZ", "KZ"), ("kz", "KZ"), ("Kazakhstan", "KZ"), ("Kazakh", "KZ"), ("C5", "C5"),
                                          ("Central Asia", "C5"), ("Chinese", "CN"), ("US", "US"), ("United States", "US")])
def test_a_party_is_a_code_or_any_name_the_profile_or_iso_knows(profile, given_, code):
    assert resolve_party(profile, given_) == code


@pytest.mark.parametrize("bad", ["Narnia", "%", "K_", "XX", "x" * 10_000])
def test_an_unknown_party_is_an_error_that_names_it_briefly(profile, bad):
    with pytest.raises(FilterError) as e:
        resolve_party(profile, bad)
    assert "unknown party" in str(e.value) and len(str(e.value)) < 200


def test_dates_must_exist_on_the_calendar():
    assert [check_date(d) for d in ("2024", "2024-02", "2024-02-29")] == ["2024", "2024-02", "2024-02-29"]
    for bad in ("notadate", "2024-13-45", "2023-02-29", "2024-1-5", "24", "2024-02-30 "):
        with pytest.raises(FilterError, match="invalid since"):
            check_date(bad)
    assert check_period("2024-q3") == "2024-Q3"
    with pytest.raises(FilterError, match="invalid period"):
        check_period("2024-Q5")


def test_fact_filters_returns_only_what_was_given_normalised(profile):
    assert fact_filters(profile, kind="Quantity", party="Kazakh", rank=None) == {"kind": "quantity", "party": "KZ"}
    with pytest.raises(FilterError, match="invalid kind 'bogus'"):
        fact_filters(profile, kind="bogus")


@given(needle=st.text(alphabet="ab%_\\", max_size=4), hay=st.text(alphabet="ab%_\\", max_size=8))
def test_an_escaped_value_matches_in_sqlite_exactly_where_it_occurs(needle, hay):
    with sqlite3.connect(":memory:") as db:
        [[hit]] = db.execute("SELECT ? LIKE ? ESCAPE '\\'", (hay, f"%{like_escape(needle)}%")).fetchall()
    assert bool(hit) == (needle in hay)
