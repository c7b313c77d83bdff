"""Reconciliation: which claims become one fact, which conflict, and how facts are ranked."""

from __future__ import annotations

import json

from silkwatch.records import Claim
from silkwatch.reconcile import Source, build_facts, rebuild_facts, values_agree
from silkwatch.store.schema import facts


def q(doc, value, approx="exact", period="2023", copy=None, unit="USD", outlet=None):
    c = Claim(doc_id=doc, kind="quantity", span=(0, 10), evidence="…", indicator="trade_volume", subjects=("C5", "CN"),
              period=period, value=value, unit=unit, approx=approx, target=False)
    return Source(c, outlet or f"{doc}.example", "2024-01-15", copy or doc)


def test_almost_ninety_billion_agrees_with_89_4_billion():
    a, b = q("a", 90e9, "under").claim, q("b", 89.4e9).claim
    assert values_agree(a, b)
    assert not values_agree(q("c", 70e9).claim, b)


def test_two_reports_agreeing_make_a_corroborated_fact():
    [fact] = build_facts([q("a", 89.4e9), q("b", 90e9, "under")])
    assert fact.rank == "corroborated"
    assert fact.n_sources == 2
    assert {s.claim.doc_id for s in fact.supporting} == {"a", "b"}


def test_copies_of_one_report_are_one_source():
    [fact] = build_facts([q("a", 89.4e9, copy="s1"), q("b", 89.4e9, copy="s1")])
    assert fact.n_sources == 1
    assert fact.rank == "single-source"


def test_values_that_cannot_both_be_true_are_contested_and_both_shown():
    [fact] = build_facts([q("a", 27.2e9, copy="s1"), q("b", 27.2e9, copy="s2"), q("c", 22e9, copy="s3")])
    assert fact.rank == "contested"
    assert [s.claim.value for s in fact.supporting] == [27.2e9, 27.2e9]  # the better-supported value leads
    assert [s.claim.value for s in fact.conflicting] == [22e9]


def test_two_figures_in_one_report_are_two_facts_not_a_contradiction():
    # One article: 14 weekly flights on one route, 3 on another; a second outlet repeats the 14.
    fs = build_facts([q("a", 14, copy="s1"), q("a", 3, copy="s1"), q("b", 14, copy="s2")])
    assert sorted((f.rank, f.value["value"]) for f in fs) == [("corroborated", 14), ("single-source", 3)]


def test_different_periods_or_currencies_are_different_facts():
    fs = build_facts([q("a", 70e9, period="2022"), q("b", 89e9, period="2023"), q("c", 500e9, unit="CNY")])
    assert len(fs) == 3 and all(f.rank == "single-source" for f in fs)


def test_events_a_day_apart_are_one_event_and_quotes_in_other_words_are_one_quote():
    def ev(doc, start):
        return Source(Claim(doc_id=doc, kind="event", span=(0, 5), evidence="…", event_type="summit", location="Xi'an", start=start, participants=("CN", "KZ")), None, None, doc)

    def qt(doc, text):
        return Source(Claim(doc_id=doc, kind="quote", span=(0, 5), evidence="…", speaker="Xi Jinping", direct=False, text=text), None, None, doc)

    events = build_facts([ev("a", "2023-05-18"), ev("b", "2023-05-19"), ev("c", None), ev("d", "2024-06-01")])
    assert sorted(f.n_sources for f in events) == [1, 3]
    quotes = build_facts([qt("a", "China stands ready to help Central Asian countries build roads"),
                          qt("b", "China is ready to help the Central Asian countries build roads"),
                          qt("c", "trade will double by the end of the decade")])
    assert sorted(f.n_sources for f in quotes) == [1, 2]


def test_incremental_update_equals_rebuild(store, profile, nlp, tmp_path):
    from silkwatch.pipeline import ingest

    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "t1", "published": "2024-01-15", "outlet": "one.example", "text":
        "Trade between China and the five Central Asian countries reached 89.4 billion U.S. dollars in 2023, customs data showed."}) + "\n")
    second.write_text(json.dumps({"id": "t2", "published": "2024-01-20", "outlet": "two.example", "text":
        "China's trade with Central Asia was almost 90 billion US dollars in 2023, the ministry said.\n\n"
        "Kazakh President Kassym-Jomart Tokayev said that Kazakhstan would build a new railway to China."}) + "\n"
        + json.dumps({"id": "t3", "published": "2024-01-21", "outlet": "three.example", "text":
        "Trade between China and the five Central Asian countries reached 70 billion U.S. dollars in 2023, a report said."}) + "\n")
    ingest([str(first)], store, profile)
    ingest([str(second)], store, profile)

    def snapshot():
        with store.engine.connect() as conn:
            return sorted((r.fact_id, r.rank, r.n_sources) for r in conn.execute(facts.select()))

    incremental = snapshot()
    rebuild_facts(store)
    assert snapshot() == incremental
    ranks = {r for _, r, _ in incremental}
    assert "contested" in ranks  # 89.4 / almost 90 against 70


def test_a_replaced_document_updates_its_facts_as_a_rebuild_would(store, profile, nlp, tmp_path):
    from silkwatch.pipeline import ingest

    def article(value):
        return json.dumps({"id": "r", "published": "2024-01-21", "outlet": "x.example", "text":
                           f"Trade between China and the five Central Asian countries reached {value} billion U.S. dollars in 2023, a report said."}) + "\n"

    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "o", "published": "2024-01-15", "outlet": "y.example", "text":
                                 "Trade between China and the five Central Asian countries reached 89.4 billion U.S. dollars in 2023, customs data showed."}) + "\n")
    first, fixed = tmp_path / "first.jsonl", tmp_path / "fixed.jsonl"
    first.write_text(article(70))
    fixed.write_text(article("89.5"))
    ingest([str(other), str(first)], store, profile)

    def ranks():
        with store.engine.connect() as conn:
            return sorted((r.fact_id, r.rank) for r in conn.execute(facts.select()))

    assert [r for _, r in ranks()] == ["contested"]
    ingest([str(fixed)], store, profile)  # the outlet corrected its figure
    incremental = ranks()
    rebuild_facts(store)
    assert ranks() == incremental and [r for _, r in incremental] == ["corroborated"]


def test_one_statement_in_yuan_and_dollars_is_one_fact_that_a_dollar_only_report_corroborates():
    def money(doc, value, unit, span=(0, 60)):
        c = Claim(doc_id=doc, kind="quantity", span=span, evidence="Trade hit 700.5 billion yuan (97.6 billion dollars) in 2024.",
                  indicator="trade_volume", subjects=("C5", "CN"), period="2024", value=value, unit=unit, approx="exact", target=False)
        return Source(c, f"{doc}.example", "2025-01-12", doc)

    [fact] = build_facts([money("a", 700.5e9, "CNY"), money("a", 97.6e9, "USD"), money("b", 97.6e9, "USD", (5, 40))])
    assert fact.rank == "corroborated" and fact.n_sources == 2
    assert [(v["unit"], v["value"]) for v in fact.value["values"]] == [("CNY", 700.5e9), ("USD", 97.6e9)]
    # a yuan-only report and a dollar-only report of different stories cannot contradict each other
    apart = build_facts([money("c", 700.5e9, "CNY"), money("d", 50e9, "USD")])
    assert len(apart) == 2 and all(f.rank == "single-source" for f in apart)


def _pledge(doc, text, published="2023-05-19"):
    c = Claim(doc_id=doc, kind="commitment", span=(0, 80), evidence="…", actors=("CN",), area="finance", text=text)
    return Source(c, f"{doc}.example", published, doc)


def test_one_pledge_reported_with_another_dollar_figure_is_one_contested_fact():
    fs = build_facts([_pledge("a", "provide 26 billion yuan ($3.6 billion) of financial support to Central Asian countries"),
                      _pledge("b", "provide 26 billion yuan ($3.7 billion) in financing to the Central Asian states"),
                      _pledge("c", "provide 26 billion yuan ($3.7 billion) in financing to the Central Asian states")])
    [fact] = fs
    assert fact.rank == "contested" and len(fact.supporting) == 2 and len(fact.conflicting) == 1


def test_a_pledge_is_made_at_the_summit_its_report_tells_and_dated_by_it():
    summit = Claim(doc_id="a", kind="event", span=(0, 40), evidence="…", event_type="summit", location="Xi'an", start="2023-05-18",
                   end="2023-05-19", participants=("CN", "KZ"))
    recalled = Claim(doc_id="a", kind="event", span=(100, 140), evidence="…", event_type="state_visit", location="Astana", start="2013-09-07")
    [fact] = build_facts([_pledge("a", "build a new railway")], {"a": [recalled, summit]})
    assert fact.value["made_at"]["location"] == "Xi'an" and fact.value["date"] == "2023-05-18"
    [undated] = build_facts([_pledge("b", "build a new railway", published="2023-05-20")])
    assert undated.value["date"] == "2023-05-20" and "made_at" not in undated.value


def test_a_claim_stored_before_quantities_had_a_source_keeps_its_id():
    from silkwatch.records import hash_id

    c = q("a", 70e9).claim
    before = hash_id("a", "quantity", "trade_volume", ["C5", "CN"], "2023", 70e9, "USD", "exact", False, [0, 10])
    assert c.id == before and Claim.from_dict(json.loads(json.dumps(c.as_dict()))).id == before
    assert Claim.from_dict({**c.as_dict(), "source": "customs data"}).id != before


def test_a_pledge_whose_report_names_no_meeting_takes_the_meeting_its_story_reports():
    talks = Claim(doc_id="a", kind="event", span=(0, 40), evidence="…", event_type="talks", location="Astana", start="2024-07-02",
                  participants=("CN", "KZ"))
    pledge = _pledge("b", "open a new border crossing", published="2024-07-03")
    pledge = Source(pledge.claim, pledge.outlet, pledge.published, "story-1")
    [fact] = build_facts([pledge], {}, {"story-1": [talks]})
    assert fact.value["made_at"]["location"] == "Astana" and fact.value["date"] == "2024-07-02"


def test_reports_that_give_no_figure_do_not_decide_which_figure_a_pledge_leads_with():
    fs = build_facts([_pledge("a", "provide 26 billion yuan ($3.6 billion) of financial support to Central Asian countries"),
                      _pledge("b", "provide 26 billion yuan ($3.7 billion) of financial support to Central Asian countries"),
                      _pledge("c", "provide 26 billion yuan ($3.7 billion) of financial support to Central Asian countries"),
                      _pledge("d", "provide billions of yuan of financial support to Central Asian countries")])
    [fact] = fs
    assert "3.7" in fact.value["text"] and [s.claim.doc_id for s in fact.conflicting] == ["a"]


def test_one_outlet_repeating_its_figure_is_one_source_and_reports_without_outlet_count_by_copy_group():
    same_outlet = build_facts([q("a", 89.4e9, outlet="wire.example"), q("b", 89.4e9, outlet="wire.example")])
    assert [(f.n_sources, f.rank) for f in same_outlet] == [(1, "single-source")]
    # A copy group spread over two outlets joins them: a third report from either outlet adds nothing.
    chained = build_facts([q("a", 89.4e9, copy="c1", outlet="x.example"), q("b", 89.4e9, copy="c1", outlet="y.example"),
                           q("c", 89.4e9, outlet="y.example"), q("d", 89.4e9, outlet="z.example")])
    assert chained[0].n_sources == 2
    [fact] = build_facts([Source(q(d, 89.4e9).claim, None, "2024-01-15", d) for d in ("a", "b")])
    assert fact.n_sources == 2


def test_near_copies_in_one_language_are_one_source_of_a_fact_reported_three_times(store, profile, nlp):
    from pathlib import Path

    from silkwatch.pipeline import ingest
    from silkwatch.query import find_facts

    src = Path(__file__).parent / "fixtures" / "stories" / "reports.jsonl"
    ingest([str(src)], store, profile)
    [trade] = find_facts(store, indicator="trade_volume")
    assert trade["n_sources"] == 2 and trade["rank"] == "corroborated"
    assert (trade["n_reports"], trade["n_copy_groups"], trade["n_outlets"]) == (3, 2, 3)
    by_doc = {s["doc_id"]: s["copy"] for s in trade["supporting"]}
    assert by_doc["wire-en"] == by_doc["copy-en"] != by_doc["own-en"]
