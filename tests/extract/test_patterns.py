"""Every pattern file's examples: each positive sentence is matched by its pattern, no negative one is."""

from __future__ import annotations

import pytest

from silkwatch.errors import ProfileError
from silkwatch.extract.patterns import expand_words, load_patterns, pattern_set
from silkwatch.lang import pattern_groups

LANGS = ("en",)  # languages parsed by spaCy; other languages test their own rules

CASES = [
    pytest.param(lang, group, p.name, expect, text, id=f"{lang}/{group}/{p.name}/{'+' if expect else '-'}{i}")
    for lang in LANGS
    for group in pattern_groups(lang)
    for p in load_patterns(lang, group)
    for expect, texts in ((True, p.positive), (False, p.negative))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("lang", "group", "name", "expect", "text"), CASES)
def test_pattern_example(nlp, profile, lang, group, name, expect, text):
    found = {m.name for m in pattern_set(nlp, lang, group, profile).find(nlp(text))}
    assert (name in found) == expect, f"{group}/{name} {'missed' if expect else 'wrongly matched'}: {text!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_pattern_carries_examples_both_ways(lang):
    bare = [f"{g}/{p.name}" for g in pattern_groups(lang) for p in load_patterns(lang, g) if not (p.positive and p.negative)]
    assert not bare, f"patterns without a positive and a negative example: {bare}"


def test_word_lists_expand_inside_patterns():
    spec = {"LOWER": {"IN": "$verbs"}, "OP": "?"}
    assert expand_words(spec, lambda key: ["say", "tell"]) == {"LOWER": {"IN": ["say", "tell"]}, "OP": "?"}


def test_unknown_word_list_names_the_file(nlp, profile, tmp_path, monkeypatch):
    import silkwatch.lang as lang_mod
    import silkwatch.extract.patterns as patterns_mod

    (tmp_path / "xx" / "patterns").mkdir(parents=True)
    (tmp_path / "xx" / "patterns" / "bad.toml").write_text(
        '[[pattern]]\nname = "p"\nengine = "token"\npattern = [{LOWER = {IN = "$nowhere"}}]\npositive = ["a"]\nnegative = ["b"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(lang_mod, "lang_dir", lambda lang: tmp_path / lang)
    monkeypatch.setattr(patterns_mod, "lang_dir", lambda lang: tmp_path / lang)
    lang_mod.read_pattern_file.cache_clear()
    patterns_mod.load_patterns.cache_clear()
    try:
        with pytest.raises(ProfileError, match="bad.toml: no word list named 'nowhere'"):
            patterns_mod.PatternSet(nlp, "xx", "bad", profile)
    finally:
        lang_mod.read_pattern_file.cache_clear()
        patterns_mod.load_patterns.cache_clear()


def test_a_sentence_is_matched_with_indices_relative_to_it(nlp, profile):
    doc = nlp("It rained all day. The minister said that the new road would open next spring.")
    sentence = list(doc.sents)[1]
    patterns = pattern_set(nlp, "en", "speech", profile)
    in_doc = {(m.name, m.start) for m in patterns.find(doc)}
    in_sentence = {(m.name, m.start + sentence.start) for m in patterns.find(sentence)}
    assert in_sentence and in_sentence == in_doc
