"""Quantity claims: amounts, units, parties, periods, approximations and targets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from silkwatch.extract.dates import parse_iso
from silkwatch.extract.figures import approximation, number_value
from silkwatch.extract.periods import period_for, time_phrases


@pytest.mark.parametrize("text, value", [("70", 70), ("1.5bn", 1.5e9), ("1,200", 1200), ("3.8", 3.8), ("four", 4), ("twice", 2)])
def test_number_tokens_in_base_units(text, value):
    assert number_value(text) == pytest.approx(value)


@pytest.mark.parametrize("before, label", [("trade reached almost", "under"), ("more than", "over"), ("some", "about"), ("trade reached", "exact"), ("worth over", "over")])
def test_hedges_before_a_figure(before, label):
    assert approximation(before) == label


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("million", 1e6), ("billion", 1e9)]))
def test_any_whole_amount_with_a_scale_is_one_money_figure(claims_of, n, scale):
    word, factor = scale
    [c] = claims_of(f"Trade between China and Kazakhstan reached about {n} {word} dollars in 2023.", None, "quantity")
    assert (c.value, c.unit, c.approx) == (pytest.approx(n * factor), "USD", "about")


def _period(sentence: str, published="2024-03-29", target=False):
    at = sentence.index("$10 billion")
    end = at + len("$10 billion")
    p = period_for(time_phrases(sentence, parse_iso(published)), at, end, [], (0, len(sentence)), target)
    return p.period if p else None


@pytest.mark.parametrize("sentence, period", [
    ("trade reached $10 billion last year", "2023"),
    ("trade reached $10 billion in the first five months", "2024-01/2024-05"),
    ("trade reached $10 billion in 2021", "2021"),
    ("there are now $10 billion of deals", "2024-03-29"),
    ("trade reached $10 billion", None),
    ("trade reached $10 billion in the first quarter", "2024-01/2024-03"),
    ("trade reached $10 billion in the fourth quarter", "2023-10/2023-12"),
    ("trade reached $10 billion in the second half of 2022", "2022-07/2022-12"),
    ("trade reached $10 billion in Q3 2021", "2021-07/2021-09"),
    ("trade reached $10 billion in the first half of this year", "2024-01/2024-06"),
    ("By the end of 2023, trade reached $10 billion", "2023"),
    ("Since 2013, trade has reached $10 billion", "2024-03-29"),
])
def test_periods_resolve_against_the_publication_date(sentence, period):
    assert _period(sentence) == period


def test_no_publication_date_leaves_relative_periods_open():
    assert _period("trade reached $10 billion last year", published=None) is None


def test_a_target_takes_its_deadline():
    assert _period("In 2023 they agreed to bring trade to $10 billion by 2030", target=True) == "2030"


def test_trade_figure_with_approximation_parties_and_period(claims_of):
    [c] = claims_of("Over the past year, trade between China and the five Central Asian countries amounted to almost USD 90 billion.", "2024-03-29", "quantity")
    assert (c.indicator, c.subjects, c.period, c.value, c.unit, c.approx, c.target) == ("trade_volume", ("C5", "CN"), "2023", 90e9, "USD", "under", False)


def test_a_growth_rate_and_a_pledge_with_a_deadline(claims_of):
    got = claims_of("Trade between China and Kazakhstan grew 22 percent in 2023, and the two sides pledged to raise it to $40 billion by 2030.", "2024-02-01", "quantity")
    assert {(c.indicator, c.period, c.value, c.unit, c.target) for c in got} == {("trade_growth", "2023", 22.0, "percent", False), ("trade_volume", "2030", 40e9, "USD", True)}


def test_clock_times_dates_and_figures_without_our_parties_are_not_quantities(claims_of):
    assert not claims_of("The flight from Xi'an to Tashkent departs at 12:15 p.m. on February 10.", "2024-02-01", "quantity")
    assert not claims_of("Trade between Brazil and Argentina reached $30 billion last year.", "2024-02-01", "quantity")


def _facts(claims):
    return {(c.indicator, c.subjects, c.period, c.value, c.unit, c.target) for c in claims}


def test_percentage_points_and_decade_long_changes_are_not_growth_rates(claims_of):
    text = ("Trade between China and Kyrgyzstan rose from $5 billion in 2012 to $19 billion in 2022, up 280 percent. "
            "Over that period the average annual growth rate of their trade was 14.1 percent, 3.5 percentage points above the global rate.")
    got = {(c.indicator, c.period, c.value) for c in claims_of(text, "2023-06-01", "quantity") if c.unit == "percent"}
    assert got == {("trade_growth", "2012/2022", 14.1)}


def test_weekly_frequencies_in_words_take_the_route_parties(claims_of):
    text = ("A new air route links Urumqi and Bishkek.\n"
            "Flights on it will be operated twice a week.\n"
            "The frequency of flights from Almaty to Tashkent has been increased to three times a week.")
    assert _facts(claims_of(text, "2024-05-02", "quantity")) == {
        ("direct_flights", ("CN", "KG"), None, 2.0, "count", False),
        ("direct_flights", ("KZ", "UZ"), "2024-05-02", 3.0, "count", False),
    }


def test_weekly_flights_are_a_rate_not_a_duration(claims_of):
    [c] = claims_of("Airlines of Kazakhstan and China may now operate up to 56 weekly flights.", None, "quantity")
    assert (c.indicator, c.value, c.approx) == ("direct_flights", 56.0, "under")


def test_bcm_carries_its_scale(claims_of):
    [c] = claims_of("The pipeline from Turkmenistan to China will carry 25 bcm of gas a year.", None, "quantity")
    assert (c.indicator, c.value, c.unit) == ("gas_supply", 25e9, "cubic_metres")


def test_model_numbers_and_counts_of_other_things_are_not_flight_counts(claims_of):
    assert not claims_of("The first flight from Beijing to Dushanbe left on an Airbus A330 carrying 210 passengers.", "2024-05-02", "quantity")


def test_the_venue_is_no_party_and_a_speaker_names_his_state(claims_of):
    [c] = claims_of("At the forum in Dushanbe, Tajikistan, the number of sister cities between China and Central Asia surpassed 60 pairs.", "2025-01-10", "quantity")
    assert (c.subjects, c.period, c.value) == (("C5", "CN"), "2025-01-10", 60.0)
    [c] = claims_of("Xi Jinping said he would provide Central Asian countries with 5 billion yuan in grants.", None, "quantity")
    assert (c.indicator, c.subjects, c.target) == ("financing", ("C5", "CN"), True)


def test_months_without_a_year_take_the_year_the_text_gave(claims_of):
    text = ("In the first four months of 2024, trade between China and Uzbekistan reached $4 billion. "
            "From January to April, imports from Uzbekistan amounted to $1.2 billion.")
    got = {(c.indicator, c.period) for c in claims_of(text, None, "quantity")}
    assert got == {("trade_volume", "2024-01/2024-04"), ("imports", "2024-01/2024-04")}


def test_raising_a_figure_to_a_level_is_a_target(claims_of):
    got = _facts(claims_of("Uzbekistan and China agreed on steps to bring trade to $15 billion in the coming years.", "2024-01-10", "quantity"))
    assert got == {("trade_volume", ("CN", "UZ"), None, 15e9, "USD", True)}


def test_figures_listed_per_country_each_take_their_own_country(claims_of):
    text = ("China's trade with the region grew in 2024. "
            "Kazakhstan came first with $40 billion, Kyrgyzstan followed with $20 billion, and Tajikistan was last with $4 billion.")
    got = {(c.subjects, c.value, c.period) for c in claims_of(text, None, "quantity")}
    assert got == {(("CN", "KZ"), 40e9, "2024"), (("CN", "KG"), 20e9, "2024"), (("CN", "TJ"), 4e9, "2024")}


def test_with_each_country_its_own_figure(claims_of):
    text = "In 2023 China's trade with Kazakhstan stood at $41 billion, with Uzbekistan at $14 billion and with Turkmenistan at $10 billion."
    got = {(c.subjects, c.value) for c in claims_of(text, None, "quantity")}
    assert got == {(("CN", "KZ"), 41e9), (("CN", "UZ"), 14e9), (("CN", "TM"), 10e9)}


def test_a_list_under_a_heading_takes_its_indicator_and_the_other_side(claims_of):
    text = ("Trade between China and Central Asia reached $90 billion in 2024.\n"
            "The trade volume by country:\n"
            "- Kazakhstan: $40 billion\n"
            "- Uzbekistan: $13 billion\n")
    got = {(c.subjects, c.value, c.period) for c in claims_of(text, None, "quantity")}
    assert got == {(("C5", "CN"), 90e9, "2024"), (("CN", "KZ"), 40e9, "2024"), (("CN", "UZ"), 13e9, "2024")}


def test_a_partners_share_of_a_regional_total(claims_of):
    text = ("Trade between China and Central Asia reached $90 billion last year. "
            "Kazakhstan, China's largest partner in Central Asia, accounted for 45 percent of it, or $40 billion.")
    got = {(c.indicator, c.subjects, c.value, c.period) for c in claims_of(text, "2025-02-01", "quantity")}
    assert got == {("trade_volume", ("C5", "CN"), 90e9, "2024"), ("trade_volume", ("CN", "KZ"), 40e9, "2024")}


@pytest.mark.parametrize("sentence", [
    "Trade between China and Uzbekistan rose by $3 billion to $13 billion in 2023.",
    "Trade between China and Uzbekistan reached $13 billion in 2023, up $3 billion from a year earlier.",
    "Trade between China and Uzbekistan reached $13 billion in 2023, a $3 billion increase on 2022.",
])
def test_an_increase_is_not_a_volume(claims_of, sentence):
    got = {(c.indicator, c.value) for c in claims_of(sentence, None, "quantity")}
    assert got == {("trade_volume", 13e9)}


def test_a_world_total_is_not_the_mechanisms(claims_of):
    text = ("Trade between China and Kazakhstan reached $41 billion in 2023. "
            "Globally, China's trade volume reached $5.9 trillion. China's trade surplus approached $800 billion.")
    got = {(c.subjects, c.value) for c in claims_of(text, None, "quantity")}
    assert got == {(("CN", "KZ"), 41e9)}


def test_this_year_and_the_first_half(claims_of):
    got = {(c.indicator, c.period, c.target) for c in claims_of(
        "China will provide Kyrgyzstan with a $50 million grant this year. "
        "In the first half, trade between China and Kyrgyzstan reached $9 billion.", "2025-08-10", "quantity")}
    assert got == {("financing", "2025", True), ("trade_volume", "2025-01/2025-06", False)}


def test_exports_name_the_exporter_first(claims_of):
    [c] = claims_of("In 2023 exports from Kazakhstan to China amounted to $15 billion.", None, "quantity")
    assert (c.indicator, c.subjects, c.period) == ("exports", ("KZ", "CN"), "2023")


def test_two_currencies_are_two_claims(claims_of):
    got = {(c.unit, c.value) for c in claims_of("Xi said China would provide Central Asian countries with 26 billion yuan ($3.7 billion) in financial support.", None, "quantity")}
    assert got == {("CNY", 26e9), ("USD", 3.7e9)}


def test_the_time_a_figure_is_compared_with_is_not_its_period(claims_of):
    got = {(c.indicator, c.period, c.value) for c in claims_of(
        "From January to March 2024 trade between Uzbekistan and China came to $2.6 billion, 12 percent more than in the same period last year.",
        "2024-05-02", "quantity")}
    assert got == {("trade_volume", "2024-01/2024-03", 2.6e9), ("trade_growth", "2024-01/2024-03", 12.0)}


def test_the_present_perfect_is_the_present_state(claims_of):
    [c] = claims_of("China and Central Asian countries have set up more than 120 pairs of sister cities.", "2025-06-01", "quantity")
    assert (c.indicator, c.period, c.approx) == ("sister_cities", "2025-06-01", "over")


def test_each_figure_takes_the_indicator_of_its_own_clause(claims_of):
    got = {(c.indicator, c.value) for c in claims_of(
        "Trade between Kazakhstan and China reached $30 billion last year, while Chinese investment in Kazakhstan totalled $9 billion.", "2024-05-02", "quantity")}
    assert got == {("trade_volume", 30e9), ("investment", 9e9)}


def test_one_flow_each_way_is_no_list_of_countries(claims_of):
    got = {(c.indicator, c.subjects) for c in claims_of(
        "In 2023 Kyrgyzstan exported goods worth $1 billion to China, while imports from China reached $18 billion.", None, "quantity")}
    assert got == {("exports", ("KG", "CN")), ("imports", ("CN", "KG"))}


def test_a_share_is_not_a_growth_rate(claims_of):
    assert not claims_of("China's share of Kazakhstan's trade rose to 23 percent in 2023.", None, "quantity")
    got = {(c.indicator, c.value) for c in claims_of("Trade between China and Turkmenistan reached $10 billion in 2022, a rise of 53 percent.", None, "quantity")}
    assert got == {("trade_volume", 10e9), ("trade_growth", 53.0)}


def test_a_year_of_each_coordinated_part_stays_with_its_figure(claims_of):
    got = {(c.period, c.value) for c in claims_of("Trade between China and Kazakhstan in 2022 was about $31 billion, and in 2023 it was $41 billion.", None, "quantity")}
    assert got == {("2022", 31e9), ("2023", 41e9)}


def test_people_name_the_parties_of_the_figure_after_them(claims_of):
    [c] = claims_of("Shavkat Mirziyoyev met Xi Jinping in Beijing. Trade reached $14 billion last year, the leaders noted.", "2024-05-02", "quantity")
    assert (c.subjects, c.period) == (("CN", "UZ"), "2023")


def test_one_partys_own_total_is_not_completed_from_the_story(claims_of):
    got = {(c.subjects, c.value) for c in claims_of(
        "Trade between China and Kazakhstan reached $41 billion in 2023. China's trade volume reached $5.9 trillion last year.", "2024-03-01", "quantity")}
    assert got == {(("CN", "KZ"), 41e9)}


def test_a_pledges_past_year_is_when_it_was_made(claims_of):
    [c] = claims_of("At the summit in 2023, Xi pledged 26 billion yuan in financial support to Central Asian countries.", "2024-06-10", "quantity")
    assert (c.period, c.target) == (None, True)


def test_coordinated_exports_and_imports_each_keep_their_word_and_direction(claims_of):
    got = {(c.indicator, c.subjects) for c in claims_of(
        "In 2023 Tajikistan's exports to China amounted to $100 million, and imports from China reached $3.8 billion.", None, "quantity")}
    assert got == {("exports", ("TJ", "CN")), ("imports", ("CN", "TJ"))}


def test_an_indicator_word_beyond_while_speaks_of_something_else(claims_of):
    assert not claims_of("Kazakhstan's GDP grew 5.1 percent in 2023, while trade with China kept rising.", None, "quantity")


def test_a_day_before_its_month_is_no_count(claims_of):
    assert not claims_of("The 100th flight between China and Kazakhstan landed in Almaty on 5 May.", "2024-05-06", "quantity")


def test_with_each_country_a_dollar_figure_keeps_its_country(claims_of):
    got = {(c.subjects, c.value) for c in claims_of(
        "In 2024 trade with Kazakhstan came to $43 billion, with Kyrgyzstan $22 billion, and with Uzbekistan $13 billion, China's customs said.", None, "quantity")}
    assert got == {(("CN", "KZ"), 43e9), (("CN", "KG"), 22e9), (("CN", "UZ"), 13e9)}


def test_a_region_named_alone_is_a_party_and_a_past_year_end_is_no_deadline(claims_of):
    [c] = claims_of("China's direct investment stock in Central Asia exceeded 15 billion U.S. dollars by the end of 2023.", "2024-06-10", "quantity")
    assert (c.indicator, c.subjects, c.period, c.target, c.approx) == ("investment", ("C5", "CN"), "2023", False, "over")


def test_aid_handed_over_is_not_dated_at_publication(claims_of):
    [c] = claims_of("China has provided Tajikistan with humanitarian aid worth 2 million yuan.", "2024-06-10", "quantity")
    assert (c.indicator, c.subjects, c.period, c.target) == ("financing", ("CN", "TJ"), None, False)


def test_a_goal_in_the_next_part_leaves_the_present_figure_measured(claims_of):
    got = {(c.value, c.period, c.target) for c in claims_of(
        "Currently, 60 flights a week connect Kazakhstan and China, and the number is set to reach 100 by the end of the year.", "2024-06-10", "quantity")}
    assert got == {(60.0, "2024-06-10", False), (100.0, "2024", True)}


def test_a_frequency_raised_to_a_level_in_words_is_a_goal(claims_of):
    [c] = claims_of("Uzbekistan Airways will increase the number of flights to Beijing to four per week.", None, "quantity")
    assert (c.subjects, c.value, c.target) == (("CN", "UZ"), 4.0, True)


def test_a_headline_figure_dated_in_the_body_is_one_claim(claims_of):
    got = [(c.period, c.value) for c in claims_of(
        "Kazakhstan-China trade hits $41 billion\n\nTrade between Kazakhstan and China reached $41 billion in 2023, customs data show.", "2024-02-01", "quantity")]
    assert got == [("2023", 41e9)]


@pytest.mark.parametrize("sentence, period", [
    ("trade reached $10 billion in the 11 months of 2022", "2022-01/2022-11"),
    ("as of 2023 trade reached $10 billion", "2023"),
    ("throughout 2021 trade reached $10 billion", "2021"),
    ("between January and October 2023 trade reached $10 billion", "2023-01/2023-10"),
])
def test_more_ways_news_dates_a_figure(sentence, period):
    assert _period(sentence) == period


def test_a_fall_is_a_negative_change(claims_of):
    got = {(c.indicator, c.value) for c in claims_of(
        "Trade between China and Tajikistan reached $3.9 billion in 2023, down 4.5 percent year on year.", None, "quantity")}
    assert got == {("trade_volume", 3.9e9), ("trade_growth", -4.5)}


def test_a_figure_after_a_trade_figure_is_no_list_item_without_a_party_of_its_own(claims_of):
    got = {c.value for c in claims_of("Trade between China and Kazakhstan reached $41 billion in 2023. The new airport cost $200 million.", None, "quantity")}
    assert got == {41e9}


def test_a_figure_stated_as_standing_is_dated_at_publication(claims_of):
    [c] = claims_of("There are 80 pairs of sister cities between China and Central Asian countries.", "2024-06-10", "quantity")
    assert (c.indicator, c.subjects, c.period) == ("sister_cities", ("C5", "CN"), "2024-06-10")


def test_aid_that_paid_for_work_already_begun_is_no_pledge(claims_of):
    [c] = claims_of("Thanks to a Chinese grant of $50 million, work on the road to Tajikistan's border began last year.", None, "quantity")
    assert (c.indicator, c.subjects, c.target) == ("financing", ("CN", "TJ"), False)
    [c] = claims_of("China will provide Tajikistan with a grant of $50 million.", None, "quantity")
    assert c.target is True


def test_model_and_flight_numbers_are_labels_not_counts(claims_of):
    assert not claims_of("The airline will use a Boeing 737 on its flights between Almaty and Urumqi.", None, "quantity")
    assert not claims_of("Flight HY 751 between Tashkent and Beijing was delayed.", None, "quantity")


def test_a_figure_expected_in_a_year_to_come_is_a_goal(claims_of):
    [c] = claims_of("The trade volume between China and Turkmenistan is expected to exceed $15 billion in 2025.", "2024-06-10", "quantity")
    assert (c.period, c.target, c.approx) == ("2025", True, "over")


def test_each_item_of_a_list_is_its_own_claim(claims_of):
    text = ("The carrier opened new routes between Kazakhstan and China:\n"
            "- Shymkent-Sanya (two flights per week)\n"
            "- Shymkent-Harbin (two flights per week)\n")
    got = [(c.subjects, c.value) for c in claims_of(text, None, "quantity")]
    assert got == [(("CN", "KZ"), 2.0), (("CN", "KZ"), 2.0)]


def test_a_service_dated_by_the_day_it_starts(claims_of):
    [c] = claims_of("Starting from April 21, flights between Xi'an and Astana will run four times a week.", "2023-04-23", "quantity")
    assert (c.subjects, c.period, c.value, c.target) == (("CN", "KZ"), "2023-04-21", 4.0, False)
    [c] = claims_of("Trade between China and Kazakhstan reached $41 billion in 2023, Kazinform reported on Jan. 23.", "2024-01-24", "quantity")
    assert c.period == "2023"


def test_the_total_of_one_country_named_with_of_is_its_own(claims_of):
    got = {c.value for c in claims_of(
        "Trade between China and Kazakhstan reached $41 billion in 2023. The trade turnover of Kazakhstan reached $139 billion.", None, "quantity")}
    assert got == {41e9}


def test_figures_paired_with_countries_respectively(claims_of):
    got = {(c.subjects, c.value) for c in claims_of(
        "In 2024, trade with Kazakhstan, Kyrgyzstan and Uzbekistan reached $43 billion, $22 billion and $13 billion respectively, "
        "China's customs said.", None, "quantity")}
    assert got == {(("CN", "KZ"), 43e9), (("CN", "KG"), 22e9), (("CN", "UZ"), 13e9)}
    got = {(c.subjects, c.value) for c in claims_of(
        "In 2024, China's trade with Kazakhstan and Tajikistan fell 5 percent and 3 percent respectively.", None, "quantity")}
    assert got == {(("CN", "KZ"), -5.0), (("CN", "TJ"), -3.0)}
