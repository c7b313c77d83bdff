"""Event claims: type, canonical place, dates resolved against the publication date, one per event."""

from __future__ import annotations

from silkwatch.extract.dates import parse_iso, resolve_relative
from silkwatch.extract.event import parse_dates


def test_date_phrases():
    pub = parse_iso("2023-05-20")
    assert parse_dates("May 18-19", pub) == ("2023-05-18", "2023-05-19")
    assert parse_dates("18 May 2022", pub) == ("2022-05-18", "2022-05-18")
    assert parse_dates("on Friday", pub) == ("2023-05-19", "2023-05-19")
    assert parse_dates("May 2023", None) == ("2023-05", None)
    assert parse_dates("on Friday", None) == (None, None)


def test_a_summit_mentioned_three_times_is_one_event_with_its_city_and_days(claims_of):
    text = ("XI'AN, May 20 -- The leaders of China and the five Central Asian countries wrapped up a two-day summit in Xian on Friday.\n\n"
            "The summit adopted a declaration.\n\nAt the summit, Kazakhstan and China agreed to expand trade.")
    [summit] = [c for c in claims_of(text, "2023-05-20", "event") if c.event_type == "summit"]
    assert (summit.location, summit.start, summit.end) == ("Xi'an", "2023-05-18", "2023-05-19")
    assert summit.participants == ("CN", "KG", "KZ", "TJ", "TM", "UZ")


def test_the_dateline_is_neither_the_place_nor_the_date_of_talks(claims_of):
    text = "BEIJING, May 10 -- Chinese Foreign Minister Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu in Astana on Thursday."
    [talks] = claims_of(text, "2024-05-10", "event")
    assert (talks.event_type, talks.location, talks.start) == ("talks", "Astana", "2024-05-09")


def test_meetings_abroad_without_the_mechanism_are_not_its_events(claims_of):
    assert not claims_of("The leaders of the Group of Seven held a summit in Hiroshima on Saturday.", "2023-05-20", "event")


def test_relative_and_cross_month_date_phrases():
    pub = parse_iso("2024-03-29")
    assert parse_dates("Nov. 30 to Dec. 1", pub) == ("2024-11-30", "2024-12-01")
    assert resolve_relative("10 years ago", pub) == ("2014", None)
    assert resolve_relative("In May last year", pub) == ("2023-05", None)
    assert resolve_relative("last week", pub) == ("2024-03", None)
    assert resolve_relative("this June", pub) == ("2024-06", None)
    assert resolve_relative("last year", None) == (None, None)


def test_an_undated_summit_takes_the_leads_day_and_its_two_days_end_then(claims_of):
    text = ("Chinese President Xi Jinping on Friday offered new loans to Kazakhstan and Uzbekistan.\n\n"
            "The two-day summit in Xian brought the six leaders together for the first time.")
    [summit] = [c for c in claims_of(text, "2023-05-20", "event") if c.event_type == "summit"]
    assert (summit.location, summit.start, summit.end) == ("Xi'an", "2023-05-18", "2023-05-19")


def test_two_documents_signed_at_one_place_are_two_signings_and_a_signed_article_none(claims_of):
    text = ("In Beijing, Kazakh President Kassym-Jomart Tokayev and Xi Jinping signed a Joint Statement on Tuesday.\n\n"
            "During the visit, 12 cooperation documents between Kazakhstan and China were inked.\n\n"
            "A signed article by Tokayev appeared in Chinese newspapers.")
    signings = [c for c in claims_of(text, "2024-01-25", "event") if c.event_type == "signing"]
    assert len(signings) == 2
    assert {c.location for c in signings} == {"Beijing"}


def test_a_visit_in_another_year_is_another_visit_and_a_partners_city_no_place(claims_of):
    text = ("Kyrgyz President Sadyr Japarov paid a working visit to China and met Xi Jinping in Tianjin.\n\n"
            "Japarov invited Xi to make a state visit to Kyrgyzstan in 2026.\n\n"
            "Shanghai signed a sister-city agreement with Almaty, Kazakhstan.")
    events = claims_of(text, "2025-08-31", "event")
    visits = sorted((c.location, c.start) for c in events if c.event_type == "state_visit")
    assert visits == [("Kyrgyzstan", "2026"), ("Tianjin", None)]
    assert all(c.location != "Almaty" for c in events)
