"""The Russian parse: natasha's tokens, lemmas, syntax and names, from the models inside the installed wheels."""

from __future__ import annotations

import socket


from silkwatch.extract.ru.parse import load_natasha, parse
from silkwatch.records import Document
from silkwatch.extract import extract_documents

TEXT = "Министр иностранных дел Узбекистана Бахтиер Саидов прибыл в Ташкент. Он заявил, что переговоры прошли успешно."


def test_tokens_have_lemmas_sentences_and_heads():
    doc = parse(TEXT)
    assert len(doc.sents) == 2
    lemmas = [t.lemma for t in doc.tokens]
    assert "министр" in lemmas and "заявить" in lemmas and "узбекистан" in lemmas
    said = next(t for t in doc.tokens if t.lemma == "заявить")
    assert said.head == -1 and any(t.text == "Он" for t in doc.children(said))
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)


def test_names_are_found_and_given_their_dictionary_form():
    doc = parse(TEXT)
    assert ("PER", "Бахтиер Саидов") in {(e.type, e.normal) for e in doc.ents}


def test_the_models_load_without_the_network(monkeypatch):
    def refuse(*a, **kw):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    load_natasha.cache_clear()
    assert parse("Президент прибыл в Астану.").tokens


def test_russian_and_english_documents_go_through_one_stream_in_order(profile):
    docs = [
        Document(doc_id="en", text="Kazakh President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Astana on Monday.", source="t", lang="en", published="2024-07-08"),
        Document(doc_id="ru", text="Президент Казахстана Касым-Жомарт Токаев провел переговоры в Астане.", source="t", lang="ru", published="2024-07-08"),
        Document(doc_id="de", text="Der Präsident Kasachstans traf sich mit dem Präsidenten Chinas.", source="t", lang="de"),
    ]
    out = list(extract_documents(docs, profile))
    assert [d.doc_id for d, _ in out] == ["en", "ru", "de"]
    assert out[2][1] == []
