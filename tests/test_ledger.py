"""The commitments ledger: merging wordings, linking later evidence by named projects and bodies, statuses, compliance."""

from __future__ import annotations

import pytest

from silkwatch.ledger import build_ledger, compliance, deadline_of, effect_of, find_commitments
from silkwatch.records import Claim
from silkwatch.store.ledger import ClaimInContext

RAILWAY = "China–Kyrgyzstan–Uzbekistan railway"
LINE_D = "Central Asia–China gas pipeline Line D"


def promise(doc, text, actors=("CN",), area="transport", published="2023-05-19", story=None, deadline=None, lang="en"):
    c = Claim(doc_id=doc, kind="commitment", span=(0, len(text)), evidence=text, actors=tuple(actors), area=area, text=text, deadline=deadline)
    return ClaimInContext(c, published, f"{doc}.example", story or doc, lang)


def event(doc, sentence, event_type="ceremony", start="2024-12-27", participants=("CN", "KG", "UZ"), location=None, published=None,
          lang="en", trigger=None):
    """An event claim; `trigger`: its evidence is that word of the sentence, as the Russian extractor gives it."""
    at = sentence.index(trigger) if trigger else 0
    span = (at, at + len(trigger)) if trigger else (0, len(sentence))
    c = Claim(doc_id=doc, kind="event", span=span, evidence=trigger or sentence, event_type=event_type, start=start,
              participants=tuple(participants), location=location)
    return ClaimInContext(c, published or start, f"{doc}.example", doc, lang, sentence)


def quote(doc, sentence, published, speaker="Someone"):
    c = Claim(doc_id=doc, kind="quote", span=(0, len(sentence)), evidence=sentence, speaker=speaker, text=sentence)
    return ClaimInContext(c, published, f"{doc}.example", doc)


def only(entries, words):
    [e] = [e for e in entries if words in e.promise]
    return e


def test_two_reports_of_one_promise_are_one_entry_with_both_wordings(profile):
    a = promise("a", "build the China-Kyrgyzstan-Uzbekistan railway with its partners")
    b = promise("b", "build the China-Kyrgyzstan-Uzbekistan railway together with Kyrgyzstan and Uzbekistan", published="2023-05-20")
    [entry] = build_ledger([a, b], [], profile)
    assert len(entry.wordings) == 2 and entry.concerns == (RAILWAY,) and entry.made_on == "2023-05-19"


def test_promises_of_different_amounts_stay_apart_however_alike_their_words(profile):
    a = promise("a", "provide 26 billion yuan in financial support to the region", area="finance")
    b = promise("b", "provide 1.5 billion yuan in financial support to the region", area="finance", published="2025-06-17")
    assert len(build_ledger([a, b], [], profile)) == 2


def test_a_later_launch_naming_the_project_is_work_in_progress_and_completion_delivers(profile):
    p = promise("a", "build the China-Kyrgyzstan-Uzbekistan railway")
    started = event("b", "Construction of the China-Kyrgyzstan-Uzbekistan railway was launched at a ceremony.")
    [entry] = build_ledger([p], [started], profile)
    assert entry.status == "in_progress" and entry.evidence[0].effect == "in_progress" and "names " + RAILWAY in entry.evidence[0].reason
    done = event("c", "The China-Kyrgyzstan-Uzbekistan railway was completed and put into operation.", start="2030-09-01")
    [entry] = build_ledger([p], [started, done], profile)
    assert entry.status == "delivered" and entry.reason.startswith("delivered: event of 2030-09-01")


@pytest.mark.parametrize(("why", "evidence"), [
    ("same report", event("a", "The China-Kyrgyzstan-Uzbekistan railway was launched.")),
    ("earlier", event("b", "The China-Kyrgyzstan-Uzbekistan railway was launched.", start="2022-01-01")),
    ("announces the future", event("b", "The China-Kyrgyzstan-Uzbekistan railway will be launched next year.")),
    ("names another project", event("b", "Line D of the Central Asia-China gas pipeline was launched.")),
    ("names no project", event("b", "A new railway was launched in the region.")),
])
def test_what_is_not_evidence(profile, why, evidence):
    [entry] = build_ledger([promise("a", "build the China-Kyrgyzstan-Uzbekistan railway")], [evidence], profile)
    assert entry.evidence == () and entry.status == "announced", why


def test_delay_is_work_in_progress_until_the_deadline_passes_then_overdue(profile):
    p = promise("a", "complete Line D of the Central Asia-China gas pipeline by 2024", area="energy")
    late = quote("b", "Work on Line D of the Central Asia-China gas pipeline has been delayed again.", "2024-03-01")
    [entry] = build_ledger([p], [late], profile, as_of="2024-06-01")
    assert (entry.status, entry.deadline, entry.concerns) == ("in_progress", "2024-12-31", (LINE_D,))
    [entry] = build_ledger([p], [late], profile, as_of="2025-02-01")
    assert entry.status == "overdue" and entry.reason.startswith("reported delayed")


def test_a_deadline_that_passes_with_nothing_is_overdue_and_scores_minus_one(profile):
    p = promise("a", "open two new border crossings with China this year", actors=("KZ",), published="2023-03-01")
    [entry] = build_ledger([p], [], profile, as_of="2024-02-01")
    assert entry.status == "overdue" and entry.deadline == "2023-12-31" and entry.scores == {"KZ": -1}
    [entry] = build_ledger([p], [], profile, as_of="2023-06-01")
    assert entry.status == "announced" and entry.scores == {"KZ": None}


def test_a_cancellation_outranks_earlier_progress(profile):
    p = promise("a", "build Line D of the Central Asia-China gas pipeline", area="energy")
    ev = [event("b", "Construction of Line D of the Central Asia-China gas pipeline began.", start="2024-01-05"),
          quote("c", "Line D of the Central Asia-China gas pipeline has been suspended indefinitely.", "2024-09-01")]
    [entry] = build_ledger([p], ev, profile)
    assert entry.status == "cancelled" and [e.effect for e in entry.evidence] == ["in_progress", "cancelled"]


def test_holding_the_summit_delivers_a_promise_to_hold_it_and_the_meeting_is_where_it_was_made(profile):
    p = promise("a", "establish a China-Central Asia heads of state meeting mechanism", actors=("C5", "CN"), area="institutions",
                published="2023-04-27", story="fm")
    fm = event("a", "The foreign ministers met in Xi'an.", event_type="ministerial_meeting", start="2023-04-27", location="Xi'an",
               participants=("CN", "KG", "KZ", "TJ", "TM", "UZ"))
    fm = ClaimInContext(fm.claim, "2023-04-27", "a.example", "fm")
    summit = event("b", "Leaders of the six countries gathered for talks.", event_type="summit", start="2023-05-18", location="Xi'an",
                   participants=("CN", "KG", "KZ", "TJ", "TM", "UZ"))
    [entry] = build_ledger([p], [fm, summit], profile)
    assert entry.status == "delivered" and entry.made_at["label"] == "ministerial meeting in Xi'an, 2023-04-27"
    assert entry.scores == {m: 1 for m in ("CN", "KG", "KZ", "TJ", "TM", "UZ")}


def test_a_promise_of_several_bodies_is_kept_when_each_is(profile):
    p = promise("a", "set up a permanent secretariat and a China-Central Asia heads of state meeting mechanism", actors=("C5", "CN"),
                area="institutions")
    summit = event("b", "The leaders met.", event_type="summit", start="2023-06-01", participants=("CN", "KG", "KZ", "TJ", "TM", "UZ"))
    [entry] = build_ledger([p], [summit], profile)
    assert entry.status == "in_progress" and entry.reason.startswith("1 of 2 delivered")
    opened = event("c", "The China-Central Asia Secretariat was inaugurated in Xi'an.", event_type="other", start="2024-03-30")
    [entry] = build_ledger([p], [summit, opened], profile)
    assert entry.status == "delivered"


def test_compliance_rate_per_member_and_meeting(profile):
    kept = promise("a", "build the China-Kyrgyzstan-Uzbekistan railway", actors=("CN", "KG"))
    missed = promise("b", "open a new border crossing with China this year", actors=("KG",), published="2023-01-10")
    done = event("c", "The China-Kyrgyzstan-Uzbekistan railway was officially opened.", start="2029-01-01")
    entries = build_ledger([kept, missed], [done], profile, as_of="2030-01-01")
    rates = compliance(entries)["members"]
    assert rates["CN"] == {"scored": 1, "average": 1.0, "rate": 1.0}
    assert rates["KG"] == {"scored": 2, "average": 0.0, "rate": 0.5}
    assert [e.status for e in find_commitments(entries, actor="KG", status="overdue")] == ["overdue"]


@pytest.mark.parametrize(("text", "stated", "made", "expected"), [
    ("double trade by 2030", None, "2023-05-19", "2030-12-31"),
    ("open the office this year", None, "2024-02-01", "2024-12-31"),
    ("complete the line within six years", None, "2024-12-27", "2030-12-27"),
    ("work together", "2027", "2023-05-19", "2027-12-31"),
    ("work together", None, "2023-05-19", None),
])
def test_deadlines(text, stated, made, expected):
    assert deadline_of(text, stated, made) == expected


@pytest.mark.parametrize(("sentence", "effect"), [
    ("The bridge was officially opened on Monday.", "delivered"),
    ("Construction of the bridge was launched.", "in_progress"),
    ("The bridge was completed after construction resumed.", "delivered"),
    ("The opening of the bridge has been postponed.", "delayed"),
    ("The bridge project was scrapped.", "cancelled"),
    ("The bridge will be launched next year.", None),
    ("Officials discussed the bridge.", None),
])
def test_what_a_sentence_says_happened(sentence, effect):
    assert effect_of(sentence) == effect


def test_a_meeting_body_is_named_with_hyphens_or_spaces_and_a_later_summit_keeps_the_promise(profile):
    p = promise("a", "establish a heads-of-state meeting mechanism and hold a summit every two years", actors=("C5", "CN"),
                area="institutions", published="2023-05-19")
    summit = event("b", "The second summit opened.", event_type="summit", start="2025-06-17", participants=("CN", "KG", "KZ", "TJ", "TM", "UZ"))
    [entry] = build_ledger([p], [summit], profile)
    assert entry.concerns == ("China–Central Asia Summit",) and entry.status == "delivered"


# ---------------------------------------------------------------------------- across languages
SECRETARIAT = "China-Central Asia Secretariat"


def test_a_russian_wording_of_a_promise_joins_its_english_entry_which_keeps_the_english_words(profile):
    en = promise("a", "build the China-Kyrgyzstan-Uzbekistan railway together with Kyrgyzstan and Uzbekistan")
    ru = promise("b", "построить железную дорогу Китай – Кыргызстан – Узбекистан вместе с Кыргызстаном и Узбекистаном",
                 published="2023-05-20", lang="ru")
    [entry] = build_ledger([ru, en], [], profile)
    assert entry.promise == en.claim.text and entry.concerns == (RAILWAY,)
    assert sorted((w.lang, w.doc_id) for w in entry.wordings) == [("en", "a"), ("ru", "b")]


def test_a_russian_wording_with_no_named_body_joins_by_meaning_and_figure(profile):
    en = promise("a", "provide 2 billion yuan of grants to Central Asian countries for schools and hospitals", area="finance")
    ru = promise("b", "предоставить странам Центральной Азии 2 млрд юаней безвозмездной помощи на школы и больницы", area="finance", lang="ru")
    assert len(build_ledger([en, ru], [], profile)) == 1


@pytest.mark.parametrize(("why", "en", "ru"), [
    ("another figure", promise("a", "provide 2 billion yuan of grants to Central Asian countries", area="finance"),
     promise("b", "предоставить странам Центральной Азии 5 млрд юаней безвозмездной помощи", area="finance", lang="ru")),
    ("another project", promise("a", "build the China-Kyrgyzstan-Uzbekistan railway"),
     promise("b", "построить автодорогу Китай – Кыргызстан – Узбекистан", lang="ru")),
    ("another party", promise("a", "open a consulate in Osh", actors=("CN",), area="other"),
     promise("b", "открыть консульство в Оше", actors=("KZ",), area="other", lang="ru")),
    ("another act of one party in one area", promise("a", "strengthen cooperation against terrorism with Central Asian countries", area="security"),
     promise("b", "укрепить сотрудничество в борьбе с наркотиками со странами Центральной Азии", area="security", lang="ru")),
])
def test_two_promises_alike_in_words_stay_apart_across_languages(profile, why, en, ru):
    assert len(build_ledger([en, ru], [], profile)) == 2, why


def test_a_russian_promise_naming_line_d_is_about_line_d(profile):
    ru = promise("a", "ускорить строительство линии D газопровода Центральная Азия – Китай", area="energy", lang="ru")
    [entry] = build_ledger([ru], [], profile)
    assert entry.concerns == (LINE_D,)


def test_a_russian_opening_report_is_evidence_for_the_secretariat_and_a_russian_plan_is_not(profile):
    p = promise("a", "set up a permanent secretariat of the China-Central Asia mechanism", actors=("C5", "CN"), area="institutions")
    opened = event("b", "В Сиане торжественно открыт секретариат механизма Китай – Центральная Азия.", event_type="other",
                   start="2024-03-30", lang="ru", trigger="открыт")
    [entry] = build_ledger([p], [opened], profile)
    assert entry.concerns == (SECRETARIAT,) and entry.status == "delivered"
    assert entry.evidence[0].doc_id == "b" and entry.evidence[0].lang == "ru" and "names " + SECRETARIAT in entry.evidence[0].reason
    planned = event("c", "Постоянный секретариат откроется в Сиане в следующем году.", event_type="other", start="2023-09-01",
                    lang="ru", trigger="откроется")
    [entry] = build_ledger([p], [planned], profile)
    assert entry.evidence == () and entry.status == "announced"


@pytest.mark.parametrize(("sentence", "effect"), [
    ("Секретариат официально открылся в Сиане.", "delivered"),
    ("Строительство железной дороги началось.", "in_progress"),
    ("Стороны подписали соглашение о железной дороге.", "in_progress"),
    ("Газопровод введен в эксплуатацию.", "delivered"),
    ("Открытие секретариата отложено.", "delayed"),
    ("Проект газопровода приостановлен.", "cancelled"),
    ("Секретариат откроет свои двери весной.", None),
    ("Стороны готовы открыть секретариат.", None),
    ("Саммит пройдет в Астане.", None),
])
def test_what_a_russian_sentence_says_happened(sentence, effect):
    assert effect_of(sentence, "ru") == effect


# ---------------------------------------------------------------------------- meetings of one series, not of its type
SIX = ("CN", "KG", "KZ", "TJ", "TM", "UZ")
FM_SERIES = "China–Central Asia Foreign Ministers' Meeting"


def test_a_meeting_of_other_ministers_is_not_evidence_of_the_foreign_ministers_series(profile):
    p = promise("a", "hold a China-Central Asia foreign ministers' meeting every year", actors=("C5", "CN"), area="institutions")
    police = event("b", "Interior and police ministers of the six states met in Lianyungang to talk about border crime.",
                   event_type="ministerial_meeting", start="2024-09-10", participants=SIX)
    [entry] = build_ledger([p], [police], profile)
    assert entry.concerns == (FM_SERIES,) and entry.evidence == () and entry.status == "announced"
    diplomats = event("c", "The foreign ministers of the six states met in Chengdu on Saturday.", event_type="ministerial_meeting",
                      start="2024-11-30", participants=SIX)
    [entry] = build_ledger([p], [police, diplomats], profile)
    assert entry.status == "delivered" and [e.doc_id for e in entry.evidence] == ["c"]


def test_a_russian_meeting_of_foreign_ministers_is_of_the_series_by_its_russian_words(profile):
    p = promise("a", "hold a China-Central Asia foreign ministers' meeting every year", actors=("C5", "CN"), area="institutions")
    ru = event("b", "Главы МИД шести стран встретились в Алматы.", event_type="ministerial_meeting", start="2025-04-26",
               participants=SIX, lang="ru", trigger="встретились")
    ru_police = event("c", "Министры внутренних дел шести стран встретились в Алматы.", event_type="ministerial_meeting",
                      start="2025-05-26", participants=SIX, lang="ru", trigger="встретились")
    [entry] = build_ledger([p], [ru, ru_police], profile)
    assert [e.doc_id for e in entry.evidence] == ["b"]


# ---------------------------------------------------------------------------- a short wording inside a long one
MECHANISM = "establish a heads of state meeting mechanism"
MECHANISMS = "speed up building mechanisms, establish a heads of state meeting mechanism and a ministerial meeting mechanism in key areas"


def meeting(doc, event_type, start):
    return event(doc, "The six states met in Xi'an.", event_type=event_type, start=start, location="Xi'an", participants=SIX)


def test_a_short_wording_inside_a_long_one_is_one_promise_only_when_made_at_one_meeting(profile):
    short = promise("a", MECHANISM, actors=("C5", "CN"), area="institutions", published="2023-04-25")
    long = promise("b", MECHANISMS, actors=("C5", "CN"), area="institutions", published="2023-05-19")
    apart = build_ledger([short, long], [meeting("a", "ministerial_meeting", "2023-04-25"), meeting("b", "summit", "2023-05-19")], profile)
    assert sorted(len(e.wordings) for e in apart) == [1, 1]
    undated = promise("c", MECHANISM, actors=("C5", "CN"), area="institutions", published=None)
    [one] = build_ledger([long, undated], [meeting("b", "summit", "2023-05-19"), meeting("c", "summit", "2023-05-18")], profile)
    assert {w.doc_id for w in one.wordings} == {"b", "c"} and one.made_at["type"] == "summit"
    days_later = promise("d", MECHANISM, actors=("C5", "CN"), area="institutions", published="2023-05-21")
    assert len(build_ledger([long, days_later], [], profile)) == 1


# ---------------------------------------------------------------------------- a launch ceremony that mentions the summit
LAUNCH = ("China, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan opened the secretariat of their "
          "cooperation mechanism at a ceremony in Xi'an on Saturday.\n\n"
          "A vice minister said the new body would carry out the consensus of the China-Central Asia Summit.")


def test_a_launch_ceremony_mentioning_the_summit_is_no_summit_held_that_day(claims_of, profile):
    events = claims_of(LAUNCH, published="2024-03-30", kind="event")
    assert ("ceremony", "2024-03-30") in {(e.event_type, e.start) for e in events}
    assert all(e.start is None for e in events if e.event_type == "summit")
    p = promise("a", "hold a China-Central Asia Summit every two years", actors=("C5", "CN"), area="institutions")
    others = [ClaimInContext(e, "2024-03-30", "t.example", "t", "en") for e in events]
    [entry] = build_ledger([p], others, profile)
    assert entry.status == "announced" and entry.evidence == ()


def test_a_promise_is_not_made_at_a_meeting_held_weeks_after_it_was_reported(profile):
    p = promise("a", MECHANISM, actors=("C5", "CN"), area="institutions", published="2023-04-25")
    coming = event("a", "The summit will be held in Xi'an in June.", event_type="summit", start="2023-06", location="Xi'an", participants=SIX)
    [entry] = build_ledger([p], [meeting("a", "ministerial_meeting", "2023-04-27"), coming], profile)
    assert entry.made_at["label"] == "ministerial meeting in Xi'an, 2023-04-27"
