"""The pre-filter: the model reads only sentences that can hold a claim, and offsets stay those of the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from silkwatch.extract import extract_documents
from silkwatch.extract.focus import claim_sentences, focus_text
from silkwatch.records import Document

TEXT = (
    "The weather in the capital was mild this week.\n\n"
    "Trade between China and Kazakhstan reached 41 billion dollars last year, the minister said.\n\n"
    "Many visitors enjoyed the old town.\n"
    "\u201cWe will open two more crossings,\u201d he added. Xi Jinping arrived on Tuesday. Tourists came on May 19."
)


def kept(text, profile):
    return [text[s:e] for s, e, keep in claim_sentences(text, profile) if keep]


def test_sentences_with_a_figure_a_quote_a_speech_verb_or_a_person_are_kept(profile):
    assert kept(TEXT, profile) == [
        "Trade between China and Kazakhstan reached 41 billion dollars last year, the minister said.",
        "\u201cWe will open two more crossings,\u201d he added.",
        "Xi Jinping arrived on Tuesday.",
    ]


def test_other_sentences_are_blanked_to_spaces_of_equal_length(profile):
    f = focus_text(TEXT, profile)
    assert len(f) == len(TEXT) and f.count("\n") == TEXT.count("\n")
    assert "weather" not in f and "old town" not in f and "Tourists" not in f
    for s in kept(TEXT, profile):
        assert f[TEXT.index(s):TEXT.index(s) + len(s)] == s


def test_the_parse_of_the_focused_text_has_the_offsets_of_the_document(nlp, profile):
    doc = nlp(focus_text(TEXT, profile))
    assert len(doc.text) == len(TEXT)
    for tok in doc:
        if not tok.is_space:
            assert TEXT[tok.idx:tok.idx + len(tok.text)] == tok.text
    for ent in doc.ents:
        assert TEXT[ent.start_char:ent.end_char] == ent.text


def test_a_blank_is_a_sentence_boundary_the_parser_keeps(nlp, profile):
    from silkwatch.extract.focus import focus_doc

    doc = nlp(focus_doc(nlp, TEXT, profile))
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert "Trade between China and Kazakhstan reached 41 billion dollars last year, the minister said." in sents
    assert all(TEXT[t.idx:t.idx + len(t.text)] == t.text for t in doc if not t.is_space)


def test_streamed_and_parallel_extraction_keep_the_input_order(nlp, profile):
    docs = [Document(doc_id=f"d{i}", text=TEXT if i % 3 else "Министр заявил, что товарооборот вырос.", source="t", lang=None if i % 3 else "ru") for i in range(9)]
    out = list(extract_documents(iter(docs), profile, batch_size=2, n_process=2))
    assert [d.doc_id for d, _ in out] == [d.doc_id for d in docs]
    assert all(cs == [] for d, cs in out if d.lang == "ru")
    single = list(extract_documents(docs, profile, n_process=1))
    assert [[c.id for c in cs] for _, cs in out] == [[c.id for c in cs] for _, cs in single]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list("ab .!?\n\u201c\u201d\"19 ") + ["said", "Xi Jinping", "May", "will", "Trade"]), max_size=60).map("".join))
def test_focus_never_moves_a_character(text):
    from silkwatch.profile import load_profile

    f = focus_text(text, load_profile())
    assert len(f) == len(text)
    assert all(a == b or (a == " " and b != "\n") for a, b in zip(f, text))


def test_a_consumer_that_stops_early_does_not_hang_on_the_workers(nlp, profile):
    docs = (Document(doc_id=f"e{i}", text=TEXT, source="t") for i in range(200))
    stream = extract_documents(docs, profile, batch_size=4, n_process=2)
    assert next(stream)[0].doc_id == "e0"
    stream.close()  # returns instead of waiting for workers blocked on a full pipe
