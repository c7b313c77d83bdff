"""The Russian rule files' own examples: each rule group's positive and negative sentences give what they say."""

from __future__ import annotations

import pytest

from silkwatch.extract.ru import extract
from silkwatch.extract.ru.rules import rules
from silkwatch.records import Document


def _claims(profile, text, published="2024-05-20"):
    return extract(Document(doc_id="t", text=text, source="t", lang="ru", published=published), profile)


@pytest.mark.parametrize("example", rules("titles")["examples"], ids=lambda e: e["text"][:40])
def test_titles(profile, example):
    got = {(c.person, c.role, c.country or "") for c in _claims(profile, example["text"]) if c.kind == "role"}
    assert got == {tuple(x) for x in example["expect"]}


@pytest.mark.parametrize("example", rules("events")["examples"], ids=lambda e: e["text"][:40])
def test_events(profile, example):
    got = {(c.event_type, c.location or "", c.start) for c in _claims(profile, example["text"], example["published"]) if c.kind == "event"}
    assert got == {tuple(x) for x in example["expect"]}


@pytest.mark.parametrize("example", rules("speech")["examples"], ids=lambda e: e["text"][:40])
def test_speech(profile, example):
    got = {(c.speaker, c.text, c.direct) for c in _claims(profile, example["text"]) if c.kind == "quote"}
    assert got == {tuple(x) for x in example["expect"]}


@pytest.mark.parametrize("example", rules("pledge")["examples"], ids=lambda e: e["text"][:40])
def test_pledges(profile, example):
    got = {(tuple(c.actors), c.area) for c in _claims(profile, example["text"]) if c.kind == "commitment"}
    assert got == {(tuple(a), area) for a, area in example["expect"]}


@pytest.mark.parametrize("example", rules("figures")["examples"], ids=lambda e: e["text"][:40])
def test_figures(profile, example):
    got = {(c.indicator, tuple(c.subjects), c.period or "", c.value, c.unit, c.approx, c.target)
           for c in _claims(profile, example["text"], example["published"]) if c.kind == "quantity"}
    assert got == {(i, tuple(s), p, float(v), u, a, t) for i, s, p, v, u, a, t in example["expect"]}


def test_every_rule_file_ships_and_parses():
    from silkwatch.extract.ru.rules import RULE_FILES

    for group in RULE_FILES:
        assert rules(group), group
