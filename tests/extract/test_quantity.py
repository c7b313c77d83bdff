"""Quantity claims: amounts, units, parties, periods, approximations and targets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from silkwatch.extract.quantity import AMOUNT, parse_amount, resolve_period
from silkwatch.extract.dates import parse_iso


@pytest.mark.parametrize("text, value", [("70 billion", 70e9), ("$1.5bn", 1.5e9), ("1,200", 1200), ("26 billion yuan", 26e9), ("3.8 million", 3.8e6)])
def test_amounts_in_base_units(text, value):
    assert parse_amount(AMOUNT.search(text)) == pytest.approx(value)


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("million", 1e6), ("billion", 1e9)]))
def test_any_whole_amount_with_a_scale_parses(n, scale):
    word, factor = scale
    assert parse_amount(AMOUNT.search(f"about {n} {word} dollars")) == pytest.approx(n * factor)


@pytest.mark.parametrize("sentence, period", [
    ("trade reached $10 billion last year", "2023"),
    ("trade reached $10 billion in the first five months", "2024-01/2024-05"),
    ("trade reached $10 billion in 2021", "2021"),
    ("there are now 52 flights a week", "2024-03-29"),
    ("trade reached $10 billion", None),
])
def test_periods_resolve_against_the_publication_date(sentence, period):
    assert resolve_period(sentence, parse_iso("2024-03-29"), target=False) == period


def test_no_publication_date_leaves_relative_periods_open():
    assert resolve_period("trade reached $10 billion last year", None, target=False) is None


def test_trade_figure_with_approximation_parties_and_period(claims_of):
    [c] = claims_of("Over the past year, trade between China and the five Central Asian countries amounted to almost USD 90 billion.", "2024-03-29", "quantity")
    assert (c.indicator, c.subjects, c.period, c.value, c.unit, c.approx, c.target) == ("trade_volume", ("C5", "CN"), "2023", 90e9, "USD", "under", False)


def test_a_growth_rate_and_a_pledge_with_a_deadline(claims_of):
    got = claims_of("Trade between China and Kazakhstan grew 22 percent in 2023, and the two sides pledged to raise it to $40 billion by 2030.", "2024-02-01", "quantity")
    assert {(c.indicator, c.period, c.value, c.unit, c.target) for c in got} == {("trade_growth", "2023", 22.0, "percent", False), ("trade_volume", "2030", 40e9, "USD", True)}


def test_clock_times_dates_and_figures_without_our_parties_are_not_quantities(claims_of):
    assert not claims_of("The flight from Xi'an to Tashkent departs at 12:15 p.m. on February 10.", "2024-02-01", "quantity")
    assert not claims_of("Trade between Brazil and Argentina reached $30 billion last year.", "2024-02-01", "quantity")
