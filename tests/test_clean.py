"""Cleaning: main text out of HTML with its metadata, boilerplate out of the text, language guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from silkwatch.clean import clean, clean_text, looks_english
from silkwatch.errors import InputError
from silkwatch.records import RawArticle
from silkwatch.sources import read_sources

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def raw(text: str, fmt: str = "txt", **kw) -> RawArticle:
    return RawArticle(doc_id="t", source="t.txt", line=None, text=text, format=fmt, **kw)


def test_html_page_gives_main_text_title_and_date(profile):
    [a] = read_sources([FIXTURES / "page_forum.html"])
    d = clean(a, profile)
    assert d.title == "Forum on green energy opens in Dushanbe"
    assert d.published == "2024-09-02"
    assert "about 300 delegates" in d.text
    assert "Home" not in d.text and "All rights reserved" not in d.text
    assert d.lang == "en"


def test_html_page_without_an_article_is_an_input_error(profile):
    page = "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError, match="no article text"):
        clean(raw(page, "html"), profile)


def test_boilerplate_lines_and_tails_are_removed(profile):
    text = "Trade rose in May.\nRead also: Something unrelated\nThe ministers met. Join Telegram channel @news\n\n\n\nEnd."
    out = clean_text(text, profile)
    assert out == "Trade rose in May.\n\nThe ministers met.\n\nEnd."


def test_a_marker_inside_a_word_is_not_boilerplate(profile):
    assert clean_text("The Sourcebook: Subscribers to the Photographic archive", profile) == "The Sourcebook: Subscribers to the Photographic archive"


def test_seed_date_line_inside_text_sets_the_date(profile):
    d = clean(raw(" date 2023-05-19\nChina and Kazakhstan signed an agreement on Friday."), profile)
    assert d.published == "2023-05-19" and d.text.startswith("China")


def test_only_boilerplate_is_an_input_error(profile):
    with pytest.raises(InputError):
        clean(raw("Read also: nothing here\nJoin Telegram channel"), profile)


def test_language_guess():
    assert looks_english("The minister said that trade with China has grown in the last year.")
    assert not looks_english("Министр заявил, что товарооборот с Китаем вырос в прошлом году.")


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300) | st.lists(st.sampled_from(["Read also: x", "\n", "\r\n", " ", "\u00a0", "Photo:", "trade", "e\u0301", "\t", "Join Telegram channel"]), max_size=30).map("".join))
def test_clean_text_never_raises_and_is_idempotent(text):
    from silkwatch.profile import load_profile

    profile = load_profile()
    once = clean_text(text, profile)
    assert clean_text(once, profile) == once
