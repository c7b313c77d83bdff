"""Role claims: titles before a name and in apposition, with the office's state, once per person and role."""

from __future__ import annotations


def roles(claims_of, text):
    return sorted((c.person, c.role, c.country) for c in claims_of(text, "2024-03-29", "role"))


def test_titles_before_names_in_a_list_take_their_own_demonym(claims_of):
    text = "The summit was attended by Tajik President Emomali Rahmon, Turkmen President Serdar Berdimuhamedov and Uzbek President Shavkat Mirziyoyev."
    assert roles(claims_of, text) == [
        ("Emomali Rahmon", "president", "TJ"), ("Serdar Berdimuhamedov", "president", "TM"), ("Shavkat Mirziyoyev", "president", "UZ"),
    ]


def test_two_titles_of_one_person_are_two_roles_once_each(claims_of):
    text = ("Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs Murat Nurtleu met the press.\n\n"
            "Murat Nurtleu, Kazakhstan's foreign minister, later left for Beijing.")
    assert roles(claims_of, text) == [("Murat Nurtleu", "deputy prime minister", "KZ"), ("Murat Nurtleu", "foreign minister", "KZ")]


def test_a_bare_title_takes_the_office_the_profile_knows(claims_of):
    assert roles(claims_of, "Spokesperson Lin Jian told reporters the visit would go ahead.") == [("Lin Jian", "foreign ministry spokesperson", "CN")]


def test_an_apposition_that_ends_in_another_persons_name_is_not_this_persons_title(claims_of):
    text = "Attending were Tajik Foreign Minister Anvar Qodirov, Turkmen Deputy Prime Minister and Foreign Minister Bekmurad Orazov, and others."
    assert roles(claims_of, text) == [
        ("Anvar Qodirov", "foreign minister", "TJ"), ("Bekmurad Orazov", "deputy prime minister", "TM"), ("Bekmurad Orazov", "foreign minister", "TM"),
    ]


def test_the_whole_apposition_gives_every_title_and_the_state(claims_of):
    text = "Daniyar Omarov, a member of the Presidium and Minister of Energy of Kazakhstan, said the plant would open."
    assert ("Daniyar Omarov", "minister", "KZ") in roles(claims_of, text)


def test_the_state_an_ambassador_is_sent_to_is_not_the_office_state(claims_of):
    text = "Chinese Ambassador to Kyrgyzstan Liu Tiefeng spoke first. The Ambassador of Uzbekistan to China Aziz Karimov replied."
    assert roles(claims_of, text) == [("Aziz Karimov", "ambassador", "UZ"), ("Liu Tiefeng", "ambassador", "CN")]


def test_a_title_with_a_demonym_after_the(claims_of):
    text = "Berik Sadykov, assistant to the Kazakh president, opened the forum."
    assert roles(claims_of, text) == [("Berik Sadykov", "assistant to the president", "KZ")]


def test_a_title_set_off_by_commas_before_the_name(claims_of):
    text = "The remarks came after China's ambassador to Italy, Zhou Minghai, spoke to reporters."
    assert roles(claims_of, text) == [("Zhou Minghai", "ambassador", "CN")]


def test_an_office_without_a_state_takes_the_state_named_before_it_in_the_sentence(claims_of):
    text = "Tajik officials and GBAO Governor Rustam Nazarov attended the ceremony."
    assert roles(claims_of, text) == [("Rustam Nazarov", "governor", "TJ")]


def test_the_field_of_a_ministry_is_not_part_of_the_name(claims_of):
    text = "Kyrgyz Minister of Agriculture Bakyt Toktosunov, farmers and traders met in Osh."
    assert roles(claims_of, text) == [("Bakyt Toktosunov", "minister", "KG")]


def test_a_city_where_something_happens_is_not_the_state_of_an_office(claims_of):
    text = "The trade fair will open in Almaty in June, the fair's director general Olga Petrenko told reporters."
    assert roles(claims_of, text) == [("Olga Petrenko", "general director", None)]


def test_a_state_named_after_the_person_does_not_give_the_office_its_state(claims_of):
    text = "Prime Minister Temir Osmonov told parliament that the deficit in trade with China must shrink."
    assert roles(claims_of, text) == [("Temir Osmonov", "prime minister", None)]


def test_a_deputy_chairman_keeps_deputy(claims_of):
    text = "Turkmen Deputy Chairman of the Cabinet of Ministers Merdan Ataev opened the exhibition."
    assert roles(claims_of, text) == [("Merdan Ataev", "deputy chairman", "TM")]


def test_a_list_of_names_each_followed_by_its_title_gives_each_its_own(claims_of):
    text = ("Messages came from Adil Serikov, Minister of Foreign Affairs of Kazakhstan, Bolot Osmonov, "
            "Deputy Prime Minister and Minister of Foreign Affairs of Kyrgyzstan, and Farid Nazarov, Minister of Foreign Affairs of Tajikistan.")
    assert roles(claims_of, text) == [
        ("Adil Serikov", "foreign minister", "KZ"), ("Bolot Osmonov", "deputy prime minister", "KG"),
        ("Bolot Osmonov", "foreign minister", "KG"), ("Farid Nazarov", "foreign minister", "TJ"),
    ]


def test_a_title_inside_the_name_of_a_body_is_not_the_persons(claims_of):
    text = "Timur Bekov, director of the Centre for Regional Studies under the President of Kyrgyzstan, told reporters that the line was ready."
    assert [r[1] for r in roles(claims_of, text)] == ["director"]


def test_titles_outside_government_are_the_articles_own_words(claims_of):
    text = ("Olga Petrova, an associate professor at a university in Almaty, said trade would grow. "
            "Kazakh economist Ruslan Amanov agreed, and Chinese leader Xi Jinping spoke later.")
    found = roles(claims_of, text)
    assert ("Olga Petrova", "associate professor", None) in found
    assert ("Ruslan Amanov", "economist", "KZ") in found
    assert ("Xi Jinping", "leader", "CN") in found


def test_people_named_in_an_apposition_list_of_others_get_none_of_their_titles(claims_of):
    text = "The ceremony was attended by Deputy Foreign Minister Aliya Serik, ambassadors of the five states and the director of the Silk Road Fund."
    assert roles(claims_of, text) == [("Aliya Serik", "deputy foreign minister", None)]


def test_a_known_leader_written_with_initials_is_that_leader(claims_of):
    text = "The declaration was signed by President of the Republic of Kazakhstan K.K. Tokayev and President of Uzbekistan Sh.M. Mirziyoyev in the city."
    assert roles(claims_of, text) == [("Kassym-Jomart Tokayev", "president", "KZ"), ("Shavkat Mirziyoyev", "president", "UZ")]


def test_a_long_title_before_a_name_is_read_whole(claims_of):
    text = "The talks were joined by Member of the Political Bureau of the CPC Central Committee and Minister of Foreign Affairs of China Wang Yi on Monday."
    assert roles(claims_of, text) == [("Wang Yi", "foreign minister", "CN"), ("Wang Yi", "politburo member", "CN")]


def test_a_title_wrapped_onto_the_next_line_is_read_whole(claims_of):
    text = "Delays were reported, Timur Nazarov, the Minister\nof Energy and Water Resources of Tajikistan, said during a\npress conference."
    assert roles(claims_of, text) == [("Timur Nazarov", "minister", "TJ")]


def test_an_honorific_between_title_and_name_and_a_title_running_into_the_next_name(claims_of):
    text = ("The guest was welcomed by the President of the Republic of Tajikistan, Honorable Emomali Rahmon, at the airport.\n\n"
            "Present were President of the Republic of Kazakhstan K.K. Tokayev, President of the Kyrgyz Republic S.N. Japarov and others.")
    assert roles(claims_of, text) == [
        ("Emomali Rahmon", "president", "TJ"), ("Kassym-Jomart Tokayev", "president", "KZ"), ("Sadyr Japarov", "president", "KG"),
    ]


def test_two_titles_joined_by_a_dash_are_two_roles(claims_of):
    text = "Messages were sent by Deputy Prime Minister \u2013 Minister of Foreign Affairs of Kazakhstan Adil Serikov on Monday."
    assert roles(claims_of, text) == [("Adil Serikov", "deputy prime minister", "KZ"), ("Adil Serikov", "foreign minister", "KZ")]


def test_a_lower_case_title_with_its_field_and_an_expert_from_a_country(claims_of):
    text = ("According to deputy minister of energy and water resources of Tajikistan Farrukh Rasulov, the tunnel is almost done.\n\n"
            "Kanat Bekov, an expert from Kazakhstan, said the road would pay for itself.")
    found = roles(claims_of, text)
    assert ("Farrukh Rasulov", "deputy minister", "TJ") in found
    assert ("Kanat Bekov", "expert", "KZ") in found or ("Kanat Bekov", "expert", None) in found
