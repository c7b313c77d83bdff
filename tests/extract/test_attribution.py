"""The primary source a figure cites becomes the quantity claim's `source`."""

from __future__ import annotations


def test_a_figure_keeps_the_body_it_is_cited_from(claims_of):
    text = ("Trade between Kazakhstan and China rose to 41 billion U.S. dollars in 2024, "
            "according to data released on Friday by China's General Administration of Customs (GAC).")
    [q] = claims_of(text, "2025-01-20", "quantity")
    assert q.source == "General Administration of Customs"


def test_figures_described_by_their_kind_and_figures_without_a_source(claims_of):
    [q] = claims_of("Trade between Uzbekistan and China reached 13 billion U.S. dollars in 2024, customs data showed.", "2025-01-20", "quantity")
    assert q.source == "customs data"
    [q] = claims_of("Trade between Uzbekistan and China reached 13 billion U.S. dollars in 2024.", "2025-01-20", "quantity")
    assert q.source is None
