"""Quote claims: direct and reported speech, speakers through names, pronouns and misspellings."""

from __future__ import annotations


def quotes(claims_of, text, published="2024-03-29"):
    return [(c.speaker, c.direct, c.text) for c in claims_of(text, published, "quote")]


def test_direct_quote_and_reported_speech_carried_by_he(claims_of):
    text = ("Kazakh President Kassym-Jomart Tokayev arrived in Beijing on Thursday.\n\n"
            "\u201cOur countries have built a partnership that will last for generations,\u201d Tokayev said.\n\n"
            "He added that Kazakhstan would send more wheat to China.")
    assert quotes(claims_of, text) == [
        ("Kassym-Jomart Tokayev", True, "Our countries have built a partnership that will last for generations"),
        ("Kassym-Jomart Tokayev", False, "Kazakhstan would send more wheat to China"),
    ]


def test_a_misspelt_spokesperson_is_the_right_person(claims_of):
    got = quotes(claims_of, "Foreign Ministry spokesperson Lin Jiang said that the secretariat would open in Xi'an next month.")
    assert got == [("Lin Jian", False, "the secretariat would open in Xi'an next month")]


def test_scare_quotes_noun_objects_and_unnamed_speakers_are_not_quotes(claims_of):
    text = ("The six countries oppose \u201ccolor revolutions\u201d in the region.\n\n"
            "Xi Jinping stressed the need for dialogue.\n\n"
            "Analysts said that the meeting was a success.")
    assert quotes(claims_of, text) == []


def test_a_ministry_speaks_when_no_person_does(claims_of):
    got = quotes(claims_of, "The Chinese Foreign Ministry said that the summit would be held in Astana in June.")
    assert got == [("Chinese Foreign Ministry", False, "the summit would be held in Astana in June")]


def test_a_signed_article_is_its_authors_words_paragraph_by_paragraph(claims_of):
    text = ("Our two nations, one future\n\n"
            "Signed article by Shavkat Mirziyoyev, President of the Republic of Uzbekistan\n\n"
            "Daily Paper | Updated: 2024-01-23\n\n"
            "We value the friendship of our peoples and will keep working for it every single day.\n\n"
            "Railways and roads\n\n"
            "The new railway will bring our countries closer and open new markets for our farmers.")
    got = quotes(claims_of, text)
    assert got == [
        ("Shavkat Mirziyoyev", True, "We value the friendship of our peoples and will keep working for it every single day."),
        ("Shavkat Mirziyoyev", True, "The new railway will bring our countries closer and open new markets for our farmers."),
    ]


def test_a_journalists_byline_makes_no_quotes(claims_of):
    text = ("Article by John Smithson, staff reporter\n\n"
            "The new railway will bring the two countries closer and open new markets for farmers.")
    assert quotes(claims_of, text) == []


def test_he_continues_the_subject_not_the_last_name_mentioned(claims_of):
    text = ("Kyrgyz President Sadyr Japarov recalled that in 2023 he and Xi Jinping raised the relationship to a new level. "
            "This shows how much trust the two countries have built, he noted.")
    got = quotes(claims_of, text)
    assert [s for s, _, _ in got] == ["Sadyr Japarov", "Sadyr Japarov"]
    assert got[1][2] == "This shows how much trust the two countries have built"


def test_a_statement_before_its_attribution_and_an_unnamed_spokesperson_named_later(claims_of):
    text = ("Chinese President Xi Jinping will attend the summit in Astana next month, a Chinese Foreign Ministry spokesperson announced on Friday.\n\n"
            "The summit is a milestone for the whole region, spokesperson Lin Jian told a news briefing.")
    got = quotes(claims_of, text)
    assert ("Lin Jian", False, "Chinese President Xi Jinping will attend the summit in Astana next month") in got
    assert ("Lin Jian", False, "The summit is a milestone for the whole region") in got
    assert all(s == "Lin Jian" for s, _, _ in got)


def test_adding_that_is_a_second_quote_by_the_same_speaker(claims_of):
    text = ("Chinese President Xi Jinping spoke in Xi'an on Friday.\n\n"
            "The president also said that China would draw up plans with its neighbours for cooperation in science and farming, "
            "adding that Chinese firms are set to be encouraged to hire more local staff.")
    got = quotes(claims_of, text)
    assert got == [
        ("Xi Jinping", False, "China would draw up plans with its neighbours for cooperation in science and farming"),
        ("Xi Jinping", False, "Chinese firms are set to be encouraged to hire more local staff"),
    ]


def test_quoted_words_without_attribution_are_no_quote_but_a_quote_attributed_after_it_ends_is(claims_of):
    text = ("Wang Yi said that the meeting had been productive. \u201cIt does not target any third party in the region.\u201d\n\n"
            "\u201cWe have built a good partnership. We will continue this work together,\u201d Kazakh President Kassym-Jomart Tokayev said.")
    got = quotes(claims_of, text)
    assert ("Wang Yi", False, "the meeting had been productive") in got
    assert ("Kassym-Jomart Tokayev", True, "We have built a good partnership. We will continue this work together") in got
    assert not any("third party" in t for _, _, t in got)


def test_the_agency_that_reports_a_statement_is_not_its_speaker(claims_of):
    got = quotes(claims_of, "Xi Jinping stressed that China stands ready to help its neighbours build roads and railways, the news agency reported.")
    assert got == [("Xi Jinping", False, "China stands ready to help its neighbours build roads and railways")]


def test_paragraphs_after_a_colon_are_the_speakers_words_but_an_enumeration_is_not(claims_of):
    text = ("Foreign Ministry spokesperson Wang Wenbin introduced the arrangements for the summit at a regular press conference:\n\n"
            "The heads of state will review the development of relations and sign important documents.\n\n"
            "Background\n\n"
            "Wang Yi summarized the consensus reached at the meeting:\n\n"
            "First, the six countries will build a peaceful and prosperous region together.")
    got = quotes(claims_of, text)
    assert got == [("Wang Wenbin", True, "The heads of state will review the development of relations and sign important documents.")]


def test_a_title_in_quote_marks_is_not_speech_and_a_statement_speaks_for_its_issuer(claims_of):
    text = ("Foreign Minister Wang Yi wrote the article \u201cBuild a Better World Together for the Next Generation\u201d in a newspaper.\n\n"
            "Xi Jinping will visit Kazakhstan next week, the Kazakh presidential press service said on Sunday. "
            "\u201cThe two presidents will sign agreements on trade and energy,\u201d the statement read.")
    got = quotes(claims_of, text)
    assert ("Kazakh presidential press service", True, "The two presidents will sign agreements on trade and energy") in got
    assert not any(s == "Wang Yi" for s, _, _ in got)


def test_an_acronym_speaks_with_the_name_it_abbreviates(claims_of):
    text = ("Trade grew fast, according to data from China's General Administration of Customs (GAC).\n\n"
            "Central Asia has become an important partner for Chinese exporters, the GAC said in a post.")
    got = quotes(claims_of, text)
    assert got == [("General Administration of Customs", False, "Central Asia has become an important partner for Chinese exporters")]


def test_a_speech_or_pledge_participle_after_the_clause_is_not_part_of_it(claims_of):
    text = ("Kyrgyz President Sadyr Japarov stressed that closer ties with China are a top priority for his country, "
            "pledging strong support for the new railway and the Belt and Road Initiative.")
    assert quotes(claims_of, text) == [("Sadyr Japarov", False, "closer ties with China are a top priority for his country")]


def test_according_to_an_institution_with_a_statement_is_a_quote_but_not_with_a_figure_or_unnamed_officials(claims_of):
    text = ("The new border post at Dostyk will open to lorries next spring, according to the Kazakh Ministry of Finance.\n\n"
            "According to the Kazakh Ministry of Finance, exports to China rose by 12 percent last year.\n\n"
            "The corridor will cut delivery times to Europe, according to local officials.")
    assert quotes(claims_of, text) == [
        ("Kazakh Ministry of Finance", False, "The new border post at Dostyk will open to lorries next spring"),
    ]


def test_a_leading_noting_that_clause_is_the_main_speakers_words(claims_of):
    text = ("Noting that it is the first state visit that Kazakhstan receives this year, and also the first trip made abroad "
            "by the new leader since his election two months ago, Tokayev said the talks were a success.")
    got = quotes(claims_of, text)
    assert ("Kassym-Jomart Tokayev", False, "it is the first state visit that Kazakhstan receives this year, and also the first trip "
            "made abroad by the new leader since his election two months ago") in got


def test_a_dateline_cut_by_the_sentence_splitter_is_not_part_of_the_reported_words(claims_of):
    text = "ALMATY, Nov. 4 -- Kyrgyz and Chinese officials opened a new border crossing near Torugart on Monday, the Kyrgyz Foreign Ministry said."
    [q] = claims_of(text, "2025-11-04", "quote")
    assert q.text == "Kyrgyz and Chinese officials opened a new border crossing near Torugart on Monday"


def test_a_states_foreign_ministry_has_one_name_however_it_is_written(claims_of):
    text = ("ASTANA, March 3 - Kazakh diplomats opened a new consulate in Urumqi on Monday, "
            "the Foreign Ministry's press service reported.\n\n"
            "The Kyrgyz MFA said that the border crossing at Torugart would stay open all winter.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Kazakh Foreign Ministry", "Kazakh diplomats opened a new consulate in Urumqi on Monday") in got
    assert ("Kyrgyz Foreign Ministry", "the border crossing at Torugart would stay open all winter") in got


def test_a_state_and_an_outlet_speak_but_a_source_named_with_according_to_an_outlet_does_not(claims_of):
    text = ("The new road to the border will cost less than planned, Tengrinews reported on Monday.\n\n"
            "Kyrgyzstan said that the customs post would open in May.\n\n"
            "According to the Kabar news agency, the road will be built by a Chinese company.\n\n"
            "The talks will allow China to express its interest in the region.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Tengrinews", "The new road to the border will cost less than planned") in got
    assert ("Kyrgyzstan", "the customs post would open in May") in got
    assert len(got) == 2, got


def test_the_publishers_own_byline_in_the_lead_is_no_speaker(claims_of):
    text = "Visa rules eased\n\nKazakhstan and China will drop visas for short trips from next month, Trend reports.\n\nThe rule covers stays of up to 30 days."
    assert quotes(claims_of, text) == []


def test_a_press_conference_transcript_gives_the_spokespersons_paragraphs(claims_of):
    text = ("Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on April 2, 2025\n\n"
            "The sixth foreign ministers' meeting will be held in Almaty next week.\n\n"
            "Global Radio: What does China expect from the meeting?\n\n"
            "Lin Jian The meeting will review the work of the secretariat and plan the next summit.\n\n"
            "Reporter: Will the ministers sign any documents?")
    got = [(s, d, t) for s, d, t in quotes(claims_of, text)]
    assert got == [
        ("Lin Jian", True, "The sixth foreign ministers' meeting will be held in Almaty next week."),
        ("Lin Jian", True, "The meeting will review the work of the secretariat and plan the next summit."),
    ]


def test_according_to_a_titled_person_the_statement_starts_after_the_comma(claims_of):
    text = "According to deputy minister of transport of Kyrgyzstan Nurlan Sadykov, about 80 percent of the tunnel works have been finished."
    assert quotes(claims_of, text) == [("Nurlan Sadykov", False, "about 80 percent of the tunnel works have been finished")]


def test_a_sentence_opening_with_who_said_reports_the_rest_of_it(claims_of):
    text = "Kassym-Jomart Tokayev arrived on Monday.\n\nTokayev said with joint efforts of both sides, the new terminal is expected to open before winter."
    got = quotes(claims_of, text)
    assert [(s, d) for s, d, _ in got] == [("Kassym-Jomart Tokayev", False)], got
    assert got[0][2].endswith("the new terminal is expected to open before winter")


def test_words_of_a_message_read_out_by_someone_else_are_its_authors(claims_of):
    text = ("Special envoy Li Ming read out a congratulatory letter from Chinese President Xi Jinping. "
            "He said that the railway would bring the peoples of the region closer.\n\n"
            "In the message of President Shavkat Mirziyoyev, which was read out by Deputy Prime Minister Aziz Karimov, "
            "it was noted that the new road is a historic step for the three countries.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Xi Jinping", "the railway would bring the peoples of the region closer") in got
    assert ("Shavkat Mirziyoyev", "the new road is a historic step for the three countries") in got
    assert not any(s in ("Li Ming", "Aziz Karimov") for s, _ in got)


def test_a_bare_title_speaks_for_the_person_the_article_gave_it(claims_of):
    text = ("The Minister of Energy of Kyrgyzstan, Taalaibek Ibraev, visited the plant in May.\n\n"
            "Kyrgyz minister, in particular, noted that the second unit would start next year.\n\n"
            "\u00abThe line will be ready before the cold season arrives\u00bb, - said the Minister.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Taalaibek Ibraev", "the second unit would start next year") in got
    assert ("Taalaibek Ibraev", "The line will be ready before the cold season arrives") in got


def test_an_outlet_quoting_someone_gives_that_persons_words(claims_of):
    text = ("\u201cThe new corridor will shorten the trip to Europe by a week,\u201d state television quoted Shavkat Mirziyoyev as saying.\n\n"
            "Sadyr Japarov was quoted as saying that the tunnel would be finished in 2027.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Shavkat Mirziyoyev", "The new corridor will shorten the trip to Europe by a week") in got
    assert ("Sadyr Japarov", "the tunnel would be finished in 2027") in got


def test_a_statement_of_several_coordinated_clauses_is_reported_whole(claims_of):
    text = ("Xi Jinping stressed that China firmly supports Kyrgyzstan in guarding its independence, "
            "firmly supports Kyrgyzstan in choosing its own path, and has always been a reliable partner.")
    got = quotes(claims_of, text)
    assert len(got) == 1 and got[0][2].endswith("has always been a reliable partner"), got


def test_an_unnamed_source_and_an_agency_passing_on_a_named_speaker_are_not_speakers(claims_of):
    text = ("\u201cThe talks will take place in Dushanbe over two days,\u201d a source in the Tajik Foreign Ministry told reporters.\n\n"
            "The ministers will sign a plan for the next five years, according to Mao Ning, Xinhua reports.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert got == [("Mao Ning", "The ministers will sign a plan for the next five years")], got


def test_a_document_speaks_for_its_author(claims_of):
    text = ("A recent report by Rystad Energy, a consulting company, says the pipeline will carry more gas than planned.\n\n"
            "The new border post will open in June, the Kabar Daily newspaper reported on Monday.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Rystad Energy", "the pipeline will carry more gas than planned") in got
    assert ("Kabar Daily", "The new border post will open in June") in got


def test_an_attribution_cut_off_by_a_stray_full_stop_takes_the_sentence_before(claims_of):
    text = ("The six states have agreed to open a joint trade centre in Almaty. Kassym-Jomart Tokayev told reporters on Friday.\n\n"
            "The road was finished last year. The press service reported.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert got == [("Kassym-Jomart Tokayev", "The six states have agreed to open a joint trade centre in Almaty")], got


def test_paragraphs_under_a_name_heading_are_that_persons_words_when_they_speak_in_person(claims_of):
    text = ("Talks in Beijing\n\nPresident Xi Jinping\n\n"
            "We welcome you to Beijing on the anniversary of our diplomatic relations.\n\n"
            "The two countries share a long border and many common interests.\n\n"
            "Photo\n\nSadyr Japarov\n\nThe delegation arrived on Monday and left on Tuesday.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert got == [
        ("Xi Jinping", "We welcome you to Beijing on the anniversary of our diplomatic relations."),
        ("Xi Jinping", "The two countries share a long border and many common interests."),
    ], got


def test_the_head_of_state_is_the_subject_of_the_story_not_the_last_name(claims_of):
    text = ("Sadyr Japarov held talks with Xi Jinping in Beijing on Monday.\n\n"
            "The head of state said that Kyrgyz exports to China had doubled.")
    assert quotes(claims_of, text) == [("Sadyr Japarov", False, "Kyrgyz exports to China had doubled")]


def test_a_statement_cut_by_a_stray_full_stop_before_its_attribution_is_taken_whole(claims_of):
    text = ("Aliya Serikova, an analyst in Almaty, said that the talks went well.\n\n"
            "\u201cThe corridor opens new markets,\u201d she said on Monday.\n\n"
            "The line gives the region chances that were not there. or possible in the past, she said.")
    got = quotes(claims_of, text)
    assert ("Aliya Serikova", False, "The line gives the region chances that were not there. or possible in the past") in got, got


def test_as_someone_said_and_the_press_service_of_the_head_of_state(claims_of):
    text = ("As Shavkat Mirziyoyev noted in his letter to the students, Uzbekistan and China are linked by old trade routes.\n\n"
            "As the press service of the head of state reported, during the talks the sides discussed Kyrgyzstan's rail projects.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Shavkat Mirziyoyev", "Uzbekistan and China are linked by old trade routes") in got
    assert ("press service of the President of Kyrgyzstan", "during the talks the sides discussed Kyrgyzstan's rail projects") in got


def test_a_persons_press_office_speaks_as_the_office(claims_of):
    text = "The new consulate will open in Urumqi in May, President Kassym-Jomart Tokayev's press office said on Monday."
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert got == [("President Kassym-Jomart Tokayev's press office", "The new consulate will open in Urumqi in May")], got


def test_an_attribution_that_names_the_outlet_it_came_through_keeps_its_speaker(claims_of):
    text = "The ministers will meet in Ashgabat in June, Foreign Ministry spokeswoman Mao Ning has announced, according to the Global Times."
    assert quotes(claims_of, text) == [("Mao Ning", False, "The ministers will meet in Ashgabat in June")]


def test_inform_reports_like_say_and_an_inverted_outlet_is_the_speaker(claims_of):
    text = ("The spokesperson Mao Ning also informed that the leaders will adopt a joint statement.\n\n"
            "According to the new rules, travellers need a passport and a return ticket, informs Kabar.kg.")
    got = [(s, t) for s, _, t in quotes(claims_of, text)]
    assert ("Mao Ning", "the leaders will adopt a joint statement") in got
    assert ("Kabar.kg", "According to the new rules, travellers need a passport and a return ticket") in got
