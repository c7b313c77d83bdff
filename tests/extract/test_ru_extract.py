"""Russian articles end to end: what a reader finds in a short Russian report, as claims."""

from __future__ import annotations

import pytest

from silkwatch.extract import extract
from silkwatch.records import Document

REPORT = """АСТАНА, 17 июня — Второй саммит «Центральная Азия – Китай» прошел во вторник в столице Казахстана.

Выступая на саммите, Председатель КНР Си Цзиньпин заявил, что Китай выделит странам региона 1,5 млрд юаней безвозмездной помощи. «Мы будем и дальше укреплять доверие», — сказал он.

Президент Казахстана К.-Ж. Токаев отметил, что товарооборот между Китаем и Казахстаном в 2024 году превысил 40 млрд долларов.

Ранее, в прошлом году, саммит прошел в Сиане. Аналитики заявили, что торговля будет расти."""


@pytest.fixture(scope="module")
def claims(profile):
    return extract(Document(doc_id="ru", text=REPORT, source="t", lang="ru", published="2025-06-18"), profile)


def of(claims, kind):
    return [c for c in claims if c.kind == kind]


def test_roles_link_case_forms_and_initials_to_canonical_names(claims):
    assert {(c.person, c.role, c.country) for c in of(claims, "role")} == {
        ("Xi Jinping", "president", "CN"), ("Kassym-Jomart Tokayev", "president", "KZ")}


def test_the_summit_is_placed_and_dated_by_its_own_sentence_and_a_recalled_one_by_its_own(claims):
    # «во вторник» in a report of Wednesday 18 June; «в столице Казахстана» is its capital
    summits = {(c.location, c.start) for c in of(claims, "event") if c.event_type == "summit"}
    assert summits == {("Astana", "2025-06-17"), ("Xi'an", "2024")}


def test_quotes_have_named_speakers_and_collective_ones_give_none(claims):
    quotes = {(c.speaker, c.direct, c.text) for c in of(claims, "quote")}
    assert ("Xi Jinping", True, "Мы будем и дальше укреплять доверие") in quotes
    assert any(s == "Kassym-Jomart Tokayev" and t.startswith("товарооборот") for s, _, t in quotes)
    assert not any("торговля будет расти" in t for _, _, t in quotes)


def test_a_pledge_is_a_commitment_and_a_prediction_is_not(claims):
    commitments = of(claims, "commitment")
    assert [(c.actors, c.area) for c in commitments] == [(("CN",), "finance")]


def test_figures_in_base_units_with_their_party_period_and_approximation(claims):
    got = {(c.indicator, c.subjects, c.period, c.value, c.unit, c.approx, c.target) for c in of(claims, "quantity")}
    assert ("trade_volume", ("CN", "KZ"), "2024", 40e9, "USD", "over", False) in got
    assert ("financing", ("C5", "CN"), None, 1.5e9, "CNY", "exact", True) in got
