"""Event claims: type, canonical place, dates resolved against the publication date, one per event."""

from __future__ import annotations

from silkwatch.extract.dates import parse_iso
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
