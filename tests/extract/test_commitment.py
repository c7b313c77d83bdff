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


def test_readiness_and_commitment_nouns_and_signed_memoranda(claims_of):
    text = ("Tajikistan and China signed a memorandum to expand air traffic between their capitals.\n\n"
            "Uzbek President Shavkat Mirziyoyev expressed readiness to increase supplies of fruit to China.")
    got = set(commitments(claims_of, text))
    assert got == {(("CN", "TJ"), "transport", "expand air traffic between their capitals"),
                   (("UZ",), "agriculture", "increase supplies of fruit to China")}


def test_the_two_sides_stand_for_the_parties_named_before(claims_of):
    text = ("Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana.\n\n"
            "The two sides expressed their commitment to building a new railway crossing.")
    assert commitments(claims_of, text) == [(("CN", "KZ"), "transport", "building a new railway crossing")]


def test_a_pronoun_in_reported_speech_is_the_speakers_party(claims_of):
    got = commitments(claims_of, "Kyrgyzstan said that they will open new railway lines to China.")
    assert got == [(("KG",), "transport", "open new railway lines to China")]


def test_an_adverbial_clause_with_its_own_subject_is_not_part_of_the_promise(claims_of):
    [(actors, area, text)] = commitments(claims_of, "China pledged new loans to Central Asian countries for power grids, as President Xi Jinping outlined a security plan.")
    assert (actors, text) == (("CN",), "pledged new loans to Central Asian countries for power grids")


def test_beliefs_position_support_and_leaders_schedules_are_not_commitments(claims_of):
    text = ("We believe that China and the five Central Asian countries will further deepen trust.\n\n"
            "China will always firmly support Kazakhstan in safeguarding its sovereignty.\n\n"
            "The heads of state will review the development of relations.")
    assert commitments(claims_of, text) == []


def test_a_dateline_is_not_the_subject_of_the_promise(claims_of):
    text = ("BISHKEK, Nov. 3 (Xinhua) -- Kyrgyz President Sadyr Japarov and his Uzbek counterpart, Shavkat Mirziyoyev, "
            "held talks in Bishkek on Tuesday, announcing to build a new railway.")
    assert commitments(claims_of, text) == [(("KG", "UZ"), "transport", "build a new railway")]


def test_a_passive_promise_keeps_what_it_is_done_to(claims_of):
    text = ("Uzbek President Shavkat Mirziyoyev said that the old Termez bridge will be rebuilt within three years.\n\n"
            "Kazakh-owned firms will be encouraged to offer employment to local graduates.")
    got = set(commitments(claims_of, text))
    assert got == {(("UZ",), "other", "the old Termez bridge will be rebuilt within three years"),
                   (("KZ",), "industry", "Kazakh-owned firms will be encouraged to offer employment to local graduates")}


def test_passive_schedules_and_timetables_are_not_promises(claims_of):
    text = ("The new agreement will be signed by the two foreign ministers.\n\n"
            "The first cargo train from Lanzhou to Tashkent will be dispatched on April 14.")
    assert commitments(claims_of, text) == []


def test_each_point_of_an_agreed_list_is_a_commitment_of_all_who_agreed(claims_of):
    text = ("Foreign ministers of China and Kazakhstan met in Almaty on Monday.\n\n"
            "The ministers summarized the consensus reached at the talks:\n\n"
            "First, we are committed to building a safe and open border region.\n\n"
            "The second is to expand rail freight, simplify customs checks and open more flights.\n\n"
            "The third is to jointly fight cross-border crime.\n\n"
            "The meeting ended with a banquet.")
    assert commitments(claims_of, text) == [
        (("CN", "KZ"), "other", "building a safe and open border region"),
        (("CN", "KZ"), "transport", "expand rail freight, simplify customs checks and open more flights"),
        (("CN", "KZ"), "security", "jointly fight cross-border crime"),
    ]


def test_numbered_paragraphs_without_an_agreement_are_not_commitments(claims_of):
    text = ("Kyrgyz and Tajik officials toured the valley on Friday. The report listed its findings:\n\n"
            "First, water levels are falling.\n\n"
            "The second is to count the herds.")
    assert commitments(claims_of, text) == []


def test_he_is_the_subject_of_the_sentence_before_not_the_last_name(claims_of):
    text = "The president of Uzbekistan thanked Kassym-Jomart Tokayev for the welcome. He expressed readiness to open a new border crossing near Saryagash."
    assert commitments(claims_of, text) == [(("UZ",), "other", "open a new border crossing near Saryagash")]


def test_a_word_cut_off_by_the_source_is_dropped_not_the_promise(claims_of):
    text = "China will work with Tajikistan to build new roads and bridges in the mountain r"
    assert commitments(claims_of, text) == [(("CN",), "transport", "work with Tajikistan to build new roads and bridges in the mountain")]


def test_his_country_in_reported_speech_is_the_speakers_state(claims_of):
    text = "The Uzbek minister said his country was ready to export more cotton yarn to China."
    [c] = claims_of(text, "2025-02-02", "commitment")
    assert (c.actors, c.text) == (("UZ",), "export more cotton yarn to China")


def test_what_a_meeting_will_discuss_is_no_promise(claims_of):
    text = ("Kyrgyz Foreign Minister Aibek Tokonov will visit Beijing for talks with Chinese officials next week. "
            "The ministry said the two sides would discuss the construction of a new road tunnel.")
    assert claims_of(text, "2025-03-01", "commitment") == []


def test_his_country_outside_reported_speech_is_the_state_of_the_last_person_named(claims_of):
    text = "Kazakh President Kassym-Jomart Tokayev arrived in Urumqi. His country will build a new grain terminal at the border."
    [c] = claims_of(text, "2025-02-02", "commitment")
    assert c.actors == ("KZ",)


def test_a_list_of_parties_is_read_whole_and_all_five_members_are_written_as_the_group(claims_of):
    text = ("According to the joint communique, China, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan "
            "agreed to open more border crossings for trucks.")
    assert commitments(claims_of, text) == [(("C5", "CN"), "other", "open more border crossings for trucks")]


def test_all_parties_are_everyone_at_the_meeting(claims_of):
    text = ("Foreign ministers of China and the five Central Asian countries met in Almaty on Friday.\n\n"
            "All parties agreed to set up a joint commission on water resources.")
    [(actors, area, wording)] = commitments(claims_of, text)
    assert (actors, area) == (("C5", "CN"), "green")
    assert wording.startswith("set up a joint commission")


def test_we_is_the_speakers_state_inside_a_quote_and_nobody_outside_it(claims_of):
    text = ('"We will build three new grain terminals on the border," Kazakh President Kassym-Jomart Tokayev said.\n\n'
            "In this article we will look at the history of the old border town.")
    assert commitments(claims_of, text) == [(("KZ",), "agriculture", "build three new grain terminals on the border")]


def test_the_ministers_are_those_named_earlier(claims_of):
    text = ("The foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met in Tashkent. "
            "The five ministers praised the new customs rules.\n\n"
            "The ministers stressed their readiness to expand trade in farm produce.")
    [(actors, _, _)] = commitments(claims_of, text)
    assert actors == ("C5",)


def test_points_of_a_numbered_list_need_no_pledge_word_of_their_own(claims_of):
    text = ("Foreign ministers of China and Uzbekistan met in Tashkent on Monday.\n\n"
            "The two ministers reached a consensus on the following:\n\n"
            "  1. Expand cooperation in vaccine research.\n"
            "  2. Open two new air routes between their capitals.\n\n"
            "The talks ended with a dinner.")
    assert commitments(claims_of, text) == [
        (("CN", "UZ"), "health", "Expand cooperation in vaccine research"),
        (("CN", "UZ"), "transport", "Open two new air routes between their capitals"),
    ]


def test_a_lasting_stance_is_a_promise_but_a_state_is_not(claims_of):
    text = ("China will always be a reliable friend of Turkmenistan.\n\n"
            "The new terminal will be the largest in the region.")
    assert [(a, t) for a, _, t in commitments(claims_of, text)] == [(("CN",), "be a reliable friend of Turkmenistan")]


def test_readiness_covers_every_action_it_governs(claims_of):
    text = "China is willing to train more customs officers, and build a joint logistics centre with Kyrgyzstan."
    [(actors, _, wording)] = commitments(claims_of, text)
    assert actors == ("CN",)
    assert wording == "train more customs officers, and build a joint logistics centre with Kyrgyzstan"


def test_area_counts_compound_keywords_and_ignores_names_of_the_relationship(claims_of):
    text = ("Kazakhstan is ready to deepen counterterrorism cooperation with China.\n\n"
            "The two countries pledged to build a China-Kazakhstan community of development and security.")
    got = {t: area for _, area, t in commitments(claims_of, text)}
    assert got["deepen counterterrorism cooperation with China"] == "security"
    assert got["build a China-Kazakhstan community of development and security"] == "other"


def test_agreement_on_a_course_of_action_named_by_nouns(claims_of):
    text = ("Presidents of Kazakhstan and Kyrgyzstan met in Cholpon-Ata on Tuesday. "
            "The two sides agreed on the joint protection of the Chu river and the removal of old dams.")
    [(actors, area, wording)] = commitments(claims_of, text)
    assert actors == ("KG", "KZ")
    assert wording.startswith("the joint protection of the Chu river")


def test_a_person_who_says_they_speaks_for_the_meeting(claims_of):
    text = ("Xi Jinping hosted the leaders of the five Central Asian countries in Xi'an. "
            "Xi said that they would consider setting up a joint development fund.")
    [(actors, _, wording)] = commitments(claims_of, text)
    assert actors == ("C5", "CN")
    assert wording == "consider setting up a joint development fund"


def test_support_for_a_position_and_hopes_are_not_promises(claims_of):
    text = ("The two sides reiterated their commitment to supporting each other's core interests.\n\n"
            "Kazakh officials look forward to more deals that will help farmers.")
    assert commitments(claims_of, text) == []


def test_things_that_name_a_party_do_not_promise(claims_of):
    text = ("Chinese investment will boost the economy of Kyrgyzstan.\n\n"
            "The new Kazakh grain terminal will double exports to China.")
    assert commitments(claims_of, text) == []


def test_forecasts_hypotheses_and_questions_are_not_promises(claims_of):
    text = ("Analysts said China would build more pipelines across the region.\n\n"
            "If prices rise, Kazakhstan would sell more wheat to China.\n\n"
            "Will Beijing fund the new railway to Tashkent?")
    assert commitments(claims_of, text) == []


def test_the_three_countries_are_the_three_parties_named_around(claims_of):
    text = ("Leaders of China, Kyrgyzstan and Uzbekistan met in Bishkek, where Central Asian officials praised the new railway. "
            "The three countries pledged to finish the new railway by 2030.")
    [(actors, area, wording)] = commitments(claims_of, text)
    assert (actors, area) == (("CN", "KG", "UZ"), "transport")


def test_could_is_an_offer_only_in_what_a_party_says_of_itself(claims_of):
    text = ("Kazakh President Kassym-Jomart Tokayev told Chinese investors that Kazakhstan could supply more wheat to China.\n\n"
            "Chinese President Xi Jinping said that Kazakhstan could become a transit hub.\n\n"
            "Kyrgyzstan could also join the project next year.")
    assert commitments(claims_of, text) == [(("KZ",), "agriculture", "supply more wheat to China")]


def test_area_keywords_count_as_words_not_as_the_start_of_other_words(claims_of):
    text = ("China is ready to become a more important partner of Kyrgyzstan.\n\n"
            "Uzbekistan will double its exports of cotton yarn to China.")
    got = {t: area for _, area, t in commitments(claims_of, text)}
    assert got == {"become a more important partner of Kyrgyzstan": "other", "double its exports of cotton yarn to China": "trade"}


def test_a_promise_to_refrain_is_a_promise_but_unreadiness_is_not(claims_of):
    text = ("Turkmen President Serdar Berdimuhamedov said Turkmenistan will not raise gas prices for China.\n\n"
            "Kyrgyzstan is not ready to open the border crossing.")
    assert [(a, t) for a, _, t in commitments(claims_of, text)] == [(("TM",), "raise gas prices for China")]


def test_a_further_action_after_a_scheduled_one_is_still_promised(claims_of):
    text = ("Xi Jinping hosted the presidents of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan in Xi'an. "
            "The leaders of the six countries agreed to hold the next summit in China in 2027 and to expand flights between their capitals.")
    assert commitments(claims_of, text) == [(("C5", "CN"), "transport", "expand flights between their capitals")]


def test_a_forecast_does_not_silence_a_promise_in_a_clause_of_its_own(claims_of):
    text = "The railway is expected to carry 15 million tonnes of cargo a year, and China will fund half of its cost."
    assert [(a, t) for a, _, t in commitments(claims_of, text)] == [(("CN",), "fund half of its cost")]


def test_what_a_party_receives_or_would_like_is_no_promise(claims_of):
    text = ("According to the statement, Tajikistan will receive 300 million dollars in loans.\n\n"
            "Uzbek President Shavkat Mirziyoyev said Uzbekistan would like to attract more investment.")
    assert commitments(claims_of, text) == []


def test_a_clause_said_of_the_thing_promised_is_not_part_of_the_wording(claims_of):
    text = "China will build a new bridge to Kyrgyzstan, which will cut travel times by two days."
    assert [t for _, _, t in commitments(claims_of, text)] == ["build a new bridge to Kyrgyzstan"]


def test_agreeing_on_arrangements_or_a_need_is_no_promise(claims_of):
    text = ("Presidents of Kazakhstan and Kyrgyzstan met in Cholpon-Ata on Tuesday. "
            "The two sides agreed on the date of the next meeting and on the need to talk more often.")
    assert commitments(claims_of, text) == []


def test_the_manner_promised_is_part_of_the_wording(claims_of):
    text = "Tajikistan will further strengthen border security with China."
    assert [t for _, _, t in commitments(claims_of, text)] == ["further strengthen border security with China"]


def test_a_headline_gives_no_claim(claims_of):
    text = ("China will build new roads in Tajikistan, Xi says\n\n"
            "The two leaders met in Dushanbe on Thursday.")
    assert commitments(claims_of, text) == []


def test_a_course_of_action_agreed_in_the_passive_belongs_to_everyone_met(claims_of):
    text = ("Foreign ministers of China and the five Central Asian countries met in Almaty on Friday.\n\n"
            "Joint patrols along the mountain borders were also agreed upon.")
    [(actors, _, wording)] = commitments(claims_of, text)
    assert actors == ("C5", "CN")
    assert wording.startswith("Joint patrols along the mountain borders")


def test_a_stated_refusal_is_a_promise_to_refrain(claims_of):
    text = ("Presidents of Kazakhstan and Kyrgyzstan met in Cholpon-Ata on Tuesday. "
            "The two sides reaffirmed their refusal to use force against each other.")
    assert commitments(claims_of, text) == [(("KG", "KZ"), "security", "use force against each other")]


def test_an_area_word_inside_a_compound_still_names_the_area(claims_of):
    [c] = claims_of("Xi said China was ready to help Tajikistan build more hydropower stations.", "2024-07-06", kind="commitment")
    assert c.actors == ("CN",) and c.area == "energy"
