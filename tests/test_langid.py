"""Language identification: each document's language from its text, with the bundled model only."""

from __future__ import annotations

import socket

import pytest

from silkwatch import langid
from silkwatch.clean import clean
from silkwatch.langid import UNDETERMINED, detect_language
from silkwatch.records import RawArticle

RU = "Министр заявил журналистам, что объём торговли между двумя странами заметно вырос за последний год."
EN = "The minister told reporters that trade between the two countries grew markedly over the last year."
DE = "Der Minister sagte den Journalisten, dass der Handel zwischen den beiden Ländern im letzten Jahr deutlich gewachsen ist."


@pytest.mark.parametrize("text, lang", [(RU, "ru"), (EN, "en"), (DE, "de")])
def test_the_language_of_a_paragraph(text, lang):
    assert detect_language(text) == lang


def test_a_foreign_site_menu_does_not_outvote_the_article():
    menu = "Главная | Новости | Контакты\n"
    assert detect_language(menu + "\n".join([EN] * 3)) == "en"
    assert detect_language("Home | News | About\n" + "\n".join([RU] * 3)) == "ru"


def test_too_little_text_is_undetermined():
    assert detect_language("2024 — 12") == UNDETERMINED


def test_the_detected_language_is_stored_on_the_document_over_a_wrong_tag(profile):
    raw = RawArticle(doc_id="r", source="r.jsonl", line=1, text=RU, format="jsonl", lang="en")
    assert clean(raw, profile).lang == "ru"


def test_detection_needs_no_network(monkeypatch):
    def refuse(*a, **kw):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(langid, "_instance", [])  # load the model afresh, with the network refused
    assert detect_language(RU + "\n" + RU) == "ru"
