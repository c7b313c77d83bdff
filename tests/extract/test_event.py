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


def test_founding_a_named_initiative_is_an_other_event_and_launching_flights_none(claims_of):
    text = ("Back in 2013, President Xi Jinping launched the Belt and Road Initiative in Kazakhstan.\n\n"
            "Air Astana launched direct flights between Almaty and Urumqi in China in 2023.")
    others = [c for c in claims_of(text, "2023-05-20", "event") if c.event_type == "other"]
    assert [(c.location, c.start) for c in others] == [("Kazakhstan", "2013")]


def test_a_founding_date_is_the_one_its_verb_governs_not_the_nearer_meetings(claims_of):
    text = "Wang Yi recalled that three years ago, the mechanism of the China-Central Asia foreign ministers' meeting was established."
    [other] = [c for c in claims_of(text, "2023-04-27", "event") if c.event_type == "other"]
    assert other.start == "2020"


def test_a_signing_only_expected_is_no_event(claims_of):
    hedged = "Several agreements between China and Kazakhstan are expected to be signed in Astana."
    assert not [c for c in claims_of(hedged, "2025-06-10", "event") if c.event_type == "signing"]
    firm = "China and Kazakhstan will sign several agreements in Astana, and the leaders will sign a joint declaration."
    assert [c.location for c in claims_of(firm, "2025-06-10", "event") if c.event_type == "signing"] == ["Astana"]


def test_the_day_words_were_said_is_not_the_day_of_the_event_they_announce(claims_of):
    text = ("Summit of the six nations will be historic, says spokesperson\n\n"
            "The coming China-Central Asia Summit will be historic for the six nations, spokesperson Mao Ning said on Tuesday.\n\n"
            "The summit will take place in Xi'an on May 18 and 19.")
    summits = [c for c in claims_of(text, "2023-05-10", "event") if c.event_type == "summit"]
    assert [(c.location, c.start) for c in summits] == [("Xi'an", "2023-05-18")]


def test_a_ceremony_held_in_a_city_with_leaders_on_video_keeps_its_city(claims_of):
    text = ("The signing ceremony of the railway agreement between China, Kyrgyzstan and Uzbekistan was held in Beijing on June 6, "
            "with the three presidents joining via video link.")
    [signing] = [c for c in claims_of(text, "2024-06-08", "event") if c.event_type == "signing"]
    assert (signing.location, signing.start) == ("Beijing", "2024-06-06")


def test_part_of_a_month_dates_a_visit_and_negotiations_are_talks(claims_of):
    visit = "Chinese President Xi Jinping will pay a state visit to Kazakhstan in the first half of July."
    [v] = [c for c in claims_of(visit, "2024-05-20", "event") if c.event_type == "state_visit"]
    assert v.start == "2024-07"
    talks = "Uzbek President Shavkat Mirziyoyev held negotiations with Xi Jinping in Beijing on Wednesday."
    [t] = [c for c in claims_of(talks, "2024-01-26", "event") if c.event_type == "talks"]
    assert (t.location, t.start) == ("Beijing", "2024-01-24")


def test_partner_cities_and_road_names_do_not_settle_where_an_event_took_place(claims_of):
    text = ("A regional forum opened in Astana on Wednesday.\n\n"
            "Chengdu's mayor and Kazakh officials signed a twinning agreement with Samarkand, Uzbekistan.\n\n"
            "Lanzhou also agreed ties with Samarkand and the Samarkand Region.\n\n"
            "Chinese firms will rebuild the Samarkand-Bukhara road and the Samarkand – Penjikent highway.")
    [signing] = [c for c in claims_of(text, "2025-04-10", "event") if c.event_type == "signing"]
    assert signing.location == "Astana"


def test_neither_the_header_stamp_nor_a_later_lines_dateline_dates_the_summit(claims_of):
    text = (" date 2024-06-01 China-Central Asia summit will be a landmark, says ministry\n\n"
            "June 01, 2024\n\n"
            "ASTANA, May 31 (Xinhua) -- The coming China-Central Asia Summit will be a landmark, a ministry spokesman said on Friday.\n\n"
            "The summit will take place in Astana on June 20 and 21.")
    summits = [c for c in claims_of(text, "2024-06-01", "event") if c.event_type == "summit"]
    assert [(c.location, c.start, c.end) for c in summits] == [("Astana", "2024-06-20", "2024-06-21")]


def test_a_known_person_takes_part_for_the_state_they_serve(claims_of):
    text = "The ministry's spokeswoman Mao Ning took questions at a regular press conference on Tuesday."
    [briefing] = claims_of(text, "2024-11-13", "event")
    assert (briefing.event_type, briefing.participants, briefing.start) == ("press_conference", ("CN",), "2024-11-12")


def test_agreements_and_documents_signed_in_bulk_are_one_signing_apart_from_a_statement(claims_of):
    text = ("Turkmen President Serdar Berdimuhamedov was in Beijing for talks with Xi Jinping on Monday, and the sides signed several agreements.\n\n"
            "The two leaders also watched the signing of 14 cooperation documents between Turkmenistan and China.\n\n"
            "Turkmenistan and China signed a joint statement as well.")
    signings = [c for c in claims_of(text, "2024-09-10", "event") if c.event_type == "signing"]
    assert len(signings) == 2


def test_route_ends_and_origins_are_no_venue_but_a_city_after_a_dash_is(claims_of):
    routes = ("Uzbekistan and China signed a memorandum on air services.\n\n"
              "Carriers now fly Bukhara-Chengdu and Namangan – Urumqi, and a new service runs from Lanzhou to Tashkent.")
    [signing] = [c for c in claims_of(routes, "2024-10-02", "event") if c.event_type == "signing"]
    assert signing.location is None
    venue = ("The leaders of China and the Central Asian five held a summit.\n\n"
             "The choice of the host city - Chengdu, far inland - was deliberate.")
    [summit] = [c for c in claims_of(venue, "2024-10-02", "event") if c.event_type == "summit"]
    assert summit.location == "Chengdu"


def test_an_event_in_a_when_clause_dates_and_places_the_one_before_it(claims_of):
    text = "Xi Jinping proposed the Green Energy Corridor aimed at linking regional power grids when he visited Uzbekistan five years ago."
    [other] = [c for c in claims_of(text, "2024-07-05", "event") if c.event_type == "other"]
    assert (other.location, other.start) == ("Uzbekistan", "2019")


def test_a_meeting_with_parties_is_talks_but_a_meeting_of_a_body_is_not(claims_of):
    caption = "Uzbek Prime Minister Abdulla Aripov shakes hands with a Chinese vice premier during a meeting in Tashkent on Monday."
    [talks] = claims_of(caption, "2024-09-17", "event")
    assert (talks.event_type, talks.location, talks.start) == ("talks", "Tashkent", "2024-09-16")
    gathering = "The Tajik president flew to Kazakhstan for a meeting of the Collective Security Treaty Organization."
    assert not [c for c in claims_of(gathering, "2024-09-17", "event") if c.event_type == "talks"]


def test_a_press_conference_after_the_meeting_is_where_the_meeting_was(claims_of):
    text = ("Kyrgyz Foreign Minister Jeenbek Kulubaev held talks with Chinese Foreign Minister Wang Yi in Bishkek on Tuesday.\n\n"
            "After the talks, Wang Yi and his Kyrgyz counterpart jointly met the press.")
    [press] = [c for c in claims_of(text, "2024-04-24", "event") if c.event_type == "press_conference"]
    assert press.location == "Bishkek"


def test_an_agreement_reached_at_a_place_is_a_signing_but_a_recap_of_agreements_reached_is_not(claims_of):
    placed = "Kyrgyzstan's parliament endorsed a transit agreement with China that was reached in Bishkek on 3 March 2024."
    [signing] = claims_of(placed, "2024-06-01", "event")
    assert (signing.event_type, signing.location, signing.start) == ("signing", "Bishkek", "2024-03-03")
    recap = "Kyrgyz and Chinese railway officials reached agreements to raise freight volumes."
    assert not claims_of(recap, "2024-06-01", "event")


def test_two_named_forums_listed_in_one_sentence_are_two_events_in_its_place(claims_of):
    text = "The Kazakhstan-China Youth Forum and the Second Steppe Media Forum opened in Almaty on Monday with delegates from both countries."
    forums = [c for c in claims_of(text, "2024-09-10", "event") if c.event_type == "forum"]
    assert len(forums) == 2
    assert {(c.location, c.start) for c in forums} == {("Almaty", "2024-09-09")}


def test_the_launch_of_a_project_is_a_ceremony_not_a_founding(claims_of):
    text = "Officials from Tajikistan and China attended the official launch of the Vakhsh hydropower project on March 2, 2024."
    [launch] = claims_of(text, "2024-03-05", "event")
    assert (launch.event_type, launch.start) == ("ceremony", "2024-03-02")


def test_an_event_the_story_looks_back_on_takes_neither_its_day_nor_its_city(claims_of):
    text = ("The Tashkent Investment Forum opened in Tashkent on Tuesday.\n\n"
            "Its host recalled that not long ago the leaders of Uzbekistan and China held a summit, which ended with a joint declaration.")
    [summit] = [c for c in claims_of(text, "2024-05-08", "event") if c.event_type == "summit"]
    assert (summit.location, summit.start) == (None, None)


def test_talks_with_different_people_are_two_events_and_with_the_same_person_one(claims_of):
    text = ("Kazakh President Kassym-Jomart Tokayev spoke about trade during a meeting with Zhao Leji on Thursday.\n\n"
            "He recalled his warm meeting with Xi Jinping in Beijing.")
    assert len([c for c in claims_of(text, "2024-03-29", "event") if c.event_type == "talks"]) == 2
    text = ("Xi Jinping met with Kassym-Jomart Tokayev in Astana on Wednesday.\n\n"
            "At a meeting with Tokayev, Xi called for closer ties.")
    assert len([c for c in claims_of(text, "2024-07-04", "event") if c.event_type == "talks"]) == 1


def test_setting_up_a_body_is_a_founding_dated_by_a_sentence_initial_years_ago(claims_of):
    text = "Three years ago, Kazakhstan and China set up a joint commission on cross-border trade."
    [founding] = [c for c in claims_of(text, "2024-05-01", "event") if c.event_type == "other"]
    assert founding.start == "2021"
    text = "Traders from Kazakhstan and China set up tents at the border market."
    assert not [c for c in claims_of(text, "2024-05-01", "event") if c.event_type == "other"]


def test_a_city_only_a_photo_caption_names_is_not_the_place_of_the_story(claims_of):
    text = ("An upcoming China-Central Asia summit is expected to lift trade between China and the five Central Asian states.\n\n"
            "A cargo train loaded with containers leaves a station in Tianjin, June 2, 2025.\n\n"
            "Trade between China and Kazakhstan rose by 10 percent in the first months of the year.")
    [summit] = [c for c in claims_of(text, "2025-06-10", "event") if c.event_type == "summit"]
    assert summit.location is None


def test_a_body_named_with_a_participle_of_its_founding_is_no_founding(claims_of):
    text = "The new road between Kyrgyzstan and China is a success of the Belt and Road Initiative proposed by Xi Jinping."
    assert not [c for c in claims_of(text, "2025-02-01", "event") if c.event_type == "other"]


def test_an_event_that_only_times_another_act_is_not_reported_by_it(claims_of):
    text = "Wang Yi met Kazakh President Kassym-Jomart Tokayev in Astana on Monday ahead of the summit."
    assert not [c for c in claims_of(text, "2025-06-10", "event") if c.event_type == "summit"]
    text += "\n\nThe China-Central Asia summit of the six heads of state opens in Astana on June 17."
    assert len([c for c in claims_of(text, "2025-06-10", "event") if c.event_type == "summit"]) == 1


def test_leaders_meeting_each_other_at_a_summit_are_the_summit_not_talks(claims_of):
    text = "The first summit opened in Xi'an, where the presidents of China, Kazakhstan and Uzbekistan met each other."
    assert [c.event_type for c in claims_of(text, "2023-05-20", "event")] == ["summit"]
    text = "Xi Jinping and Kassym-Jomart Tokayev met each other in Astana on Wednesday."
    assert [c.event_type for c in claims_of(text, "2024-07-04", "event")] == ["talks"]


def test_one_talks_word_with_two_cities_is_a_meeting_in_each(claims_of):
    text = "Last year, Xi Jinping and Kassym-Jomart Tokayev met twice, in Xi'an and in Beijing."
    talks = [c for c in claims_of(text, "2024-07-04", "event") if c.event_type == "talks"]
    assert sorted(c.location for c in talks) == ["Beijing", "Xi'an"]


def test_the_next_summit_is_another_event_and_lends_no_place(claims_of):
    text = ("Leaders of China and the five Central Asian states signed the Xi'an Declaration on Friday, closing a two-day summit in the old city.\n\n"
            "The next summit will be held in Turkmenistan in 2027, the declaration said.")
    summits = sorted((c.location, c.start) for c in claims_of(text, "2025-06-14", "event") if c.event_type == "summit")
    assert summits == [("Turkmenistan", "2027"), ("Xi'an", "2025-06-12")]


def test_a_city_the_profile_does_not_know_is_the_place_news_introduces_with_its_state(claims_of):
    text = ("The ground-breaking ceremony of the new rail link was held in Kochkor, Kyrgyzstan, on Friday, "
            "with Kyrgyz and Chinese officials attending.")
    [ceremony] = claims_of(text, "2024-12-28", "event")
    assert (ceremony.event_type, ceremony.location, ceremony.start) == ("ceremony", "Kochkor", "2024-12-27")


def test_a_descriptor_between_in_and_the_city_still_places_the_event(claims_of):
    text = "The second summit of China and Central Asian states, held on June 17 in the Kazakh capital Astana, adopted a treaty."
    [summit] = [c for c in claims_of(text, "2025-06-18", "event") if c.event_type == "summit"]
    assert (summit.location, summit.start) == ("Astana", "2025-06-17")


def test_a_weekday_in_a_future_clause_is_the_coming_one(claims_of):
    text = "President Xi Jinping will host a video summit with the leaders of the five Central Asian states on Tuesday."
    [summit] = [c for c in claims_of(text, "2022-01-24", "event") if c.event_type == "summit"]
    assert (summit.location, summit.start) == (None, "2022-01-25")
    assert parse_dates("on Tuesday", parse_iso("2022-01-24"), future=True) == ("2022-01-25", "2022-01-25")
    assert parse_dates("on Tuesday", parse_iso("2022-01-24")) == ("2022-01-18", "2022-01-18")


def test_a_document_about_founding_something_is_no_founding_and_a_founding_at_a_summit_is_placed_there(claims_of):
    text = ("The leaders met in Astana on Tuesday for the summit of China and the five Central Asian states.\n\n"
            "A permanent secretariat of the China-Central Asia mechanism was established at the summit.\n\n"
            "Kazakhstan and China signed a memorandum on the establishment of a joint laboratory.")
    others = [c for c in claims_of(text, "2025-06-18", "event") if c.event_type == "other"]
    assert [c.location for c in others] == ["Astana"]
    assert others[0].start.startswith("2025-06")


def test_a_meeting_that_only_describes_the_summit_is_not_talks_of_its_own(claims_of):
    text = ("President Xi Jinping will host a video summit with the five Central Asian presidents on Tuesday.\n\n"
            "It will be the first meeting between the six heads of state in thirty years.")
    assert [c.event_type for c in claims_of(text, "2022-01-24", "event")] == ["summit"]


def test_a_yearless_month_far_after_publication_in_a_past_clause_is_last_years(claims_of):
    text = "The Turkmen leader's trip comes after he met Xi Jinping in September in Samarkand, Uzbekistan."
    [talks] = [c for c in claims_of(text, "2023-01-04", "event") if c.event_type == "talks"]
    assert (talks.location, talks.start) == ("Samarkand", "2022-09")


def test_here_in_a_story_is_the_datelines_city_and_a_place_attached_through_the_verb_counts(claims_of):
    text = ("DUSHANBE, July 4 (Xinhua) -- Chinese President Xi Jinping arrived here on Thursday for a state visit to Tajikistan.\n\n"
            "The talks between Xi and Tajik President Emomali Rahmon will take place on Friday morning, July 5, in Dushanbe.")
    events = {c.event_type: c for c in claims_of(text, "2024-07-04", "event")}
    assert (events["state_visit"].location, events["state_visit"].start) == ("Dushanbe", "2024-07-04")
    assert (events["talks"].location, events["talks"].start) == ("Dushanbe", "2024-07-05")


def test_summits_of_two_named_series_are_two_events(claims_of):
    text = ("Xi attended the Shanghai Cooperation Organization summit in Astana on Wednesday.\n\n"
            "In May 2023, during the China-Central Asia Summit, the two leaders agreed to build a new railway.")
    summits = sorted((c.location or "", c.start or "") for c in claims_of(text, "2024-07-04", "event") if c.event_type == "summit")
    assert summits == [("", "2023-05"), ("Astana", "2024-07-03")]


def test_the_city_of_an_earlier_summit_is_not_the_place_of_this_one_nor_of_its_signing(claims_of):
    text = ("ASTANA – The second summit of China and the Central Asian states ended on June 17 with the signing of a treaty.\n\n"
            "Since the first summit of the six states held in Xi'an in 2023, trade has grown by a third.\n\n"
            "Kazakh President Tokayev welcomed the leaders in Astana.")
    events = sorted((c.event_type, c.location, c.start) for c in claims_of(text, "2025-06-18", "event"))
    assert events == [("signing", "Astana", "2025-06-17"), ("summit", "Astana", "2025-06-17"), ("summit", "Xi'an", "2023")]


def test_a_weekday_deep_in_a_future_clause_is_the_coming_one(claims_of):
    text = ("Xi Jinping will chair a video summit marking the anniversary of the ties between China and the five "
            "Central Asian states on Tuesday.")
    [summit] = [c for c in claims_of(text, "2022-01-24", "event") if c.event_type == "summit"]
    assert summit.start == "2022-01-25"


def test_a_meeting_named_after_its_ministers_or_heads_of_state_is_a_ministerial_meeting_or_a_summit(claims_of):
    text = ("The first interior ministers' meeting of China and the five Central Asian states was held in Lanzhou on Tuesday.\n\n"
            "The ministers agreed that the next heads-of-state meeting would take place in Kazakhstan in 2027.")
    events = sorted((c.event_type, c.location, c.start) for c in claims_of(text, "2024-09-11", "event"))
    assert events == [("ministerial_meeting", "Lanzhou", "2024-09-10"), ("summit", "Kazakhstan", "2027")]


def test_a_capital_naming_a_facility_places_the_visit_in_that_city(claims_of):
    text = ("Chinese President Xi Jinping arrived on Thursday for a state visit to Tajikistan.\n\n"
            "Flags decorated the terminal of the Dushanbe International Airport for his arrival.")
    [visit] = [c for c in claims_of(text, "2024-07-04", "event") if c.event_type == "state_visit"]
    assert (visit.location, visit.start) == ("Dushanbe", "2024-07-04")


def test_a_month_of_this_year_in_an_undated_article_takes_the_year_the_text_reports(claims_of):
    text = ("In Xi'an on May 18, 2023, Xi Jinping met the Turkmen leader.\n\n"
            "Xi recalled that the Turkmen president paid a state visit to China in January this year.")
    visits = [c for c in claims_of(text, None, "event") if c.event_type == "state_visit"]
    assert [(c.location, c.start) for c in visits] == [("China", "2023-01")]


def test_a_weekday_in_an_undated_article_resolves_against_its_datelines_day(claims_of):
    text = "DUSHANBE, July 5, 2024 (Xinhua) -- Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on Thursday."
    [talks] = [c for c in claims_of(text, None, "event") if c.event_type == "talks"]
    assert (talks.location, talks.start) == ("Dushanbe", "2024-07-04")


def test_talks_on_the_sidelines_of_a_summit_share_its_month_and_city(claims_of):
    text = "Xi Jinping met the Turkmen president in September on the sidelines of the summit of the Shanghai Cooperation Organization in Samarkand."
    events = sorted((c.event_type, c.location, c.start) for c in claims_of(text, "2023-01-04", "event"))
    assert events == [("summit", "Samarkand", "2022-09"), ("talks", "Samarkand", "2022-09")]


def test_a_city_introduced_with_its_province_is_the_venue(claims_of):
    text = ("The interior ministers of China and the five Central Asian states met on Tuesday in Huai'an, "
            "in the eastern province of Jiangsu, China.")
    [meeting] = claims_of(text, "2024-09-11", "event")
    assert (meeting.event_type, meeting.location, meeting.start) == ("ministerial_meeting", "Huai'an", "2024-09-10")


def test_documents_signed_during_the_visit_are_signed_where_the_visit_was(claims_of):
    text = ("Turkmen President Serdar Berdimuhamedov paid a state visit to China on 5-6 January 2023.\n\n"
            "A joint statement and fifteen other documents were signed during the visit.")
    events = sorted((c.event_type, c.location) for c in claims_of(text, "2023-01-07", "event"))
    assert events == [("signing", "China"), ("state_visit", "China")]


def test_a_headline_glued_to_the_lead_and_a_meeting_to_prepare_a_summit(claims_of):
    text = ("Ministers prepare Astana summit\nALMATY, April 26 -- Chinese Foreign Minister Wang Yi and his counterparts "
            "from the five Central Asian states met in Almaty on Saturday to prepare the second China-Central Asia Summit.\n\n"
            "Wang said the six states had signed more than 100 agreements since the Xi'an summit.")
    events = sorted((c.event_type, c.location) for c in claims_of(text, "2025-04-26", "event"))
    assert events == [("ministerial_meeting", "Almaty"), ("summit", "Astana"), ("summit", "Xi'an")]


def test_presidents_meeting_their_counterparts_hold_a_summit(claims_of):
    text = "Chinese President Xi Jinping met his counterparts from the five Central Asian states in Xi'an on Thursday."
    [summit] = claims_of(text, "2023-05-19", "event")
    assert (summit.event_type, summit.location, summit.start) == ("summit", "Xi'an", "2023-05-18")


def test_a_capital_named_by_its_state_and_a_host_state_are_places(claims_of):
    text = ("Kyrgyz President Sadyr Japarov met Xi Jinping on the sidelines of the China-Central Asia summit, "
            "which took place on June 17 in the capital of Kazakhstan.\n\n"
            "The foreign ministers agreed that the third summit will be hosted by China.")
    events = sorted((c.event_type, c.location) for c in claims_of(text, "2025-06-18", "event"))
    assert ("summit", "Astana") in events and ("talks", "Astana") in events
    assert ("summit", "China") in events


def test_an_undated_signing_in_the_city_of_the_storys_summit_happened_on_its_day(claims_of):
    text = ("Trade, transport and energy dominated the agenda as leaders of China and the five Central Asian states "
            "met again, with railways, pipelines and flights at the centre of the talks and of the documents prepared "
            "by their ministers over many months. " * 2 + "\n\n"
            "The second summit of China and the Central Asian states was held in Astana on June 17, 2025.\n\n"
            "Leaders of the six countries signed a treaty of good-neighbourliness.")
    [signing] = [c for c in claims_of(text, None, "event") if c.event_type == "signing"]
    assert (signing.location, signing.start) == ("Astana", "2025-06-17")


def test_leaders_of_the_states_meeting_together_hold_a_summit_not_talks(claims_of):
    text = "The leaders of China and the five Central Asian states met in Xi'an on Thursday and adopted a declaration."
    assert [(c.event_type, c.location) for c in claims_of(text, "2023-05-19", "event")] == [("summit", "Xi'an")]


def test_a_weekday_after_ahead_of_is_the_coming_one(claims_of):
    text = ("Mr Xi held talks with the Kazakh president in Xi'an on Thursday ahead of Friday's plenary session "
            "of the China-Central Asia summit.")
    events = {c.event_type: c.start for c in claims_of(text, "2023-05-18", "event")}
    assert events["talks"] == "2023-05-18"
    assert events["summit"] == "2023-05-19"


def test_agreeing_to_establish_the_mechanism_is_a_founding_and_being_willing_to_is_not(claims_of):
    text = ("At their meeting in Astana in June, the foreign ministers agreed to establish a China-Central Asia "
            "heads-of-state meeting mechanism.\n\n"
            "China is willing to establish a new security dialogue platform with the five states.")
    others = [c for c in claims_of(text, "2022-06-10", "event") if c.event_type == "other"]
    assert len(others) == 1 and "agreed to establish" in others[0].evidence


def test_last_or_next_month_is_the_nearest_such_month_before_or_after_publication():
    pub = parse_iso("2024-03-29")
    assert resolve_relative("last July", pub) == ("2023-07", None)
    assert resolve_relative("last February", pub) == ("2024-02", None)
    assert resolve_relative("next March", pub) == ("2025-03", None)
    assert resolve_relative("in June", pub) == ("2024-06", None)


def test_a_city_described_as_a_city_of_its_state_is_learnt(claims_of):
    text = "The ground-breaking ceremony of the railway was held in Kochkor — a small town in Kyrgyzstan — on Friday."
    [ceremony] = claims_of(text, "2024-12-28", "event")
    assert (ceremony.location, ceremony.start) == ("Kochkor", "2024-12-27")


def test_talks_during_the_storys_visit_are_placed_where_the_visit_is(claims_of):
    text = ("Turkmen President Serdar Berdimuhamedov paid a state visit to China on 5-6 January 2023.\n\n"
            "The summit talks between the Turkmen and Chinese presidents upgraded relations to a strategic partnership.")
    events = {c.event_type: c.location for c in claims_of(text, "2023-01-07", "event")}
    assert events == {"state_visit": "China", "talks": "China"}


def test_a_date_only_found_near_a_second_mention_does_not_make_it_another_event(claims_of):
    text = ("In February 2023, China and the five Central Asian states held their first forum on industry in Lanzhou.\n\n"
            "Trade between China and Kazakhstan grew by a third in 2022, officials said during the forum in Lanzhou.")
    forums = [(c.location, c.start) for c in claims_of(text, "2023-04-26", "event") if c.event_type == "forum"]
    assert forums == [("Lanzhou", "2023-02")]


def test_the_document_signed_refers_back_to_the_named_one_and_a_batch_is_another_signing(claims_of):
    text = ("The leaders of China and the five Central Asian states adopted the Xi'an Declaration in Xi'an on Friday.\n\n"
            "The document was signed by the presidents of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan and China.\n\n"
            "In addition, seven memoranda between China and Kazakhstan were signed during the summit.")
    signings = [c for c in claims_of(text, "2023-05-20", "event") if c.event_type == "signing"]
    assert len(signings) == 2


def test_a_summit_being_prepared_takes_no_day_of_the_story(claims_of):
    text = ("ALMATY, April 26 -- The foreign ministers of China and the five Central Asian states met on Saturday "
            "and prepared the second summit in Astana.")
    [summit] = [c for c in claims_of(text, "2025-04-26", "event") if c.event_type == "summit"]
    assert (summit.location, summit.start) == ("Astana", None)


def test_an_event_only_prepared_or_counted_from_takes_neither_the_storys_day_nor_its_city(claims_of):
    text = ("BISHKEK, March 3 -- The foreign ministers of China and the five Central Asian countries met in Bishkek on Monday "
            "to prepare the third China-Central Asia Summit in Dushanbe.\n\n"
            "Wang said that the six states had opened 40 trade offices since the Astana summit in June 2025.")
    events = claims_of(text, "2026-03-03", "event")
    met = [e for e in events if e.event_type in ("talks", "ministerial_meeting")]
    assert [(e.location, e.start) for e in met] == [("Bishkek", "2026-03-02")]
    summits = {e.location: e.start for e in events if e.event_type == "summit"}
    assert summits.get("Dushanbe") is None and summits.get("Astana", "2025-06").startswith("2025-06")
    assert "Bishkek" not in summits


def test_acts_counted_since_a_date_are_not_one_signing(claims_of):
    text = "ASTANA, June 2 -- Kazakhstan and China have signed more than 50 agreements since the summit in Xi'an in May 2023."
    assert not [e for e in claims_of(text, "2025-06-02", "event") if e.event_type == "signing"]


def test_who_meets_decides_the_meeting_type(claims_of):
    ministers = claims_of("The economy ministers of China and the five Central Asian states gathered in Samarkand on Thursday "
                          "to prepare the summit.", "2024-05-10", "event")
    assert [(c.event_type, c.location, c.start) for c in ministers] == [("ministerial_meeting", "Samarkand", "2024-05-09")]
    [leaders] = claims_of("The leaders of China and Kazakhstan will meet in Astana on Tuesday.", "2024-05-10", "event")
    assert (leaders.event_type, leaders.start) == ("summit", "2024-05-14")
    [one] = claims_of("Chinese Foreign Minister Wang Yi met Kazakh Foreign Minister Murat Nurtleu in Astana on Thursday.",
                      "2024-05-10", "event")
    assert one.event_type == "talks"


def test_a_yearless_month_in_a_future_clause_is_the_coming_one_not_the_last_sentences(claims_of):
    text = ("Kazakh and Chinese officials held talks in Astana on July 3.\n\n"
            "The next China-Central Asia Summit is scheduled for June, the ministry said.")
    [summit] = [c for c in claims_of(text, "2024-08-10", "event") if c.event_type == "summit"]
    assert summit.start == "2025-06"
    [held] = claims_of("The China-Central Asia Summit was held in Astana in June.", "2024-08-10", "event")
    assert held.start == "2024-06"


def test_the_summit_a_meeting_prepares_is_a_later_event_with_neither_its_place_nor_its_day(claims_of):
    text = ("The foreign ministers of China and the five Central Asian states will meet in Bishkek on Friday "
            "to prepare next year's China-Central Asia Summit.")
    events = {c.event_type: c for c in claims_of(text, "2024-05-08", "event")}
    assert (events["ministerial_meeting"].location, events["ministerial_meeting"].start) == ("Bishkek", "2024-05-10")
    assert (events["summit"].location, events["summit"].start) == (None, "2025")


def test_a_date_in_a_clause_describing_another_noun_is_not_the_main_events(claims_of):
    text = ("Foreign Ministry spokesperson Mao Ning said at a regular press briefing on Monday that the "
            "China-Central Asia Secretariat, which opened in Xi'an on March 30, had hired its staff.")
    events = {c.event_type: c for c in claims_of(text, "2024-05-10", "event")}
    assert events["press_conference"].start == "2024-05-06"
    founding = events["other"]
    assert (founding.location, founding.start) == ("Xi'an", "2024-03-30")


def test_a_clause_describing_the_visit_dates_the_visit(claims_of):
    text = "On May 6, the state visit of the President of China to the Kyrgyz Republic, which took place on May 4-6, came to an end."
    [visit] = claims_of(text, "2024-05-07", "event")
    assert (visit.start, visit.end) == ("2024-05-04", "2024-05-06")


def test_a_body_only_named_by_a_participle_is_not_founded(claims_of):
    assert not claims_of("The China-Central Asia Secretariat proposed by Xi has hired its staff.", "2024-05-10", "event")


def test_a_venue_the_profile_does_not_know_is_a_city(claims_of):
    text = ("KARA-BALTA, May 9 -- A ceremony marking the start of the China-Kyrgyzstan railway was held in Kara-Balta "
            "on Thursday.")
    [ceremony] = claims_of(text, "2024-05-10", "event")
    assert (ceremony.location, ceremony.start) == ("Kara-Balta", "2024-05-09")
    [met] = claims_of("The foreign ministers of China and Kyrgyzstan met in Cholpon-Ata on Thursday.", "2024-05-10", "event")
    assert met.location == "Cholpon-Ata"


def test_a_person_or_a_region_after_in_is_no_venue(claims_of):
    [talks] = claims_of("Chinese and Kyrgyz officials held talks in Xi on Thursday.", "2024-05-10", "event")
    assert talks.location is None
    [forum] = claims_of("Chinese and Kyrgyz officials opened a forum in Gansu Province on Thursday.", "2024-05-10", "event")
    assert forum.location is None


def test_an_event_here_is_in_the_datelines_city_also_an_agency_dateline(claims_of):
    text = ("Beijing [China], January 24 (ANI): Trade with Kazakhstan will grow, Zhao Lijian, spokesman of the Chinese "
            "Foreign Ministry, said at a regular press conference here on Monday.")
    [presser] = claims_of(text, "2022-01-24", "event")
    assert (presser.event_type, presser.location, presser.start) == ("press_conference", "Beijing", "2022-01-24")


def test_a_lead_that_only_says_officials_gathered_still_dates_the_story(claims_of):
    text = ("Officials of China and Kazakhstan gathered in Xi'an on 30 March 2024 to mark the new office.\n\n"
            "The opening ceremony was attended by ambassadors of Kazakhstan and China.")
    [ceremony] = claims_of(text, "2024-04-01", "event")
    assert (ceremony.event_type, ceremony.location, ceremony.start) == ("ceremony", "Xi'an", "2024-03-30")


def test_a_span_of_weekdays_gives_the_first_and_last_day(claims_of):
    assert parse_dates("from Thursday to Friday", parse_iso("2023-05-21")) == ("2023-05-18", "2023-05-19")
    [summit] = claims_of("The China-Central Asia Summit was held in Xi'an on Thursday and Friday.", "2023-05-21", "event")
    assert (summit.start, summit.end) == ("2023-05-18", "2023-05-19")
    events = claims_of("Kazakh and Chinese officials held talks in Astana on Thursday and signed a deal on Friday.",
                       "2023-05-21", "event")
    assert {(c.event_type, c.start, c.end) for c in events} == {("talks", "2023-05-18", "2023-05-18"),
                                                                  ("signing", "2023-05-19", "2023-05-19")}


def test_an_event_the_story_comes_a_year_after_is_last_years_and_its_launch_no_founding(claims_of):
    text = ("The foreign ministers of China and Kazakhstan met in Lianyungang on Tuesday.\n\n"
            "The meeting came a year after the launch of the China-Central Asia Summit, which widened ties.")
    events = {c.event_type: c for c in claims_of(text, "2024-09-12", "event")}
    assert set(events) == {"ministerial_meeting", "summit"}
    assert (events["summit"].location, events["summit"].start) == (None, "2023")


def test_a_signing_told_in_a_participle_does_not_take_the_main_clauses_date(claims_of):
    text = ("Kazakh and Chinese officials held talks in Astana on Friday.\n\n"
            "The visa document, signed by Kazakhstan and China, will come into force on November 10, the ministry said.")
    signing = [c for c in claims_of(text, "2024-05-10", "event") if c.event_type == "signing"]
    assert all(c.start != "2024-11-10" for c in signing)


def test_a_body_launched_at_a_ceremony_is_that_ceremony(claims_of):
    text = ("Officials of China and Kazakhstan gathered in Xi'an on March 30 to inaugurate the China-Central Asia "
            "Secretariat.\n\nThe opening ceremony was attended by ambassadors of Kazakhstan and China.")
    events = claims_of(text, "2024-04-01", "event")
    assert [(c.event_type, c.location, c.start) for c in events] == [("ceremony", "Xi'an", "2024-03-30")]


def test_the_dateline_confirms_a_city_the_story_places_things_in(claims_of):
    text = ("JALAL-ABAD, Dec. 27 -- Crowds in Jalal-Abad watched officials of China and Kyrgyzstan "
            "at the ceremony here on Friday.")
    [ceremony] = claims_of(text, "2024-12-28", "event")
    assert (ceremony.location, ceremony.start) == ("Jalal-Abad", "2024-12-27")
