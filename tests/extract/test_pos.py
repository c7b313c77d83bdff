"""The table-driven POS component gives the parts of speech the model's attribute_ruler gives."""

import spacy

from silkwatch.extract.model import MODEL_PACKAGE
from silkwatch.extract.pos import COMPONENT

TEXT = (
    "The ministers have said that the new route is open, and it was not closed since May. "
    "Which of the agreements are binding remains unclear, but the parties do expect more flights."
)


def test_parts_of_speech_match_the_models_own_ruler(nlp):
    assert COMPONENT in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    reference = spacy.load(MODEL_PACKAGE, exclude=["lemmatizer", "ner"])
    ours, theirs = nlp(TEXT), reference(TEXT)
    assert [t.pos_ for t in ours] == [t.pos_ for t in theirs]
    assert {t.pos_ for t in ours} >= {"AUX", "VERB", "SCONJ", "PART", "PRON", "PROPN"}
