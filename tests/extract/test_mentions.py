"""People in an article and who a pronoun, a title or a surname stands for."""

from __future__ import annotations

from silkwatch.extract import Article
from silkwatch.extract.mentions import antecedent, person_mentions, salient_subject
from silkwatch.link import entity_index
from silkwatch.records import Document


def article(nlp, profile, text):
    return Article(document=Document(doc_id="t", text=text, source="test", lang="en"), doc=nlp(text), profile=profile, entities=entity_index(profile))


def test_a_surname_alone_is_the_full_name_given_before(nlp, profile):
    art = article(nlp, profile, "Foreign Minister Ruslan Kazakbaev met reporters. Kazakbaev said little.")
    assert [m.name for m in person_mentions(art)] == ["Ruslan Kazakbaev", "Ruslan Kazakbaev"]


def test_he_continues_the_subject_of_the_story_not_the_last_name(nlp, profile):
    text = "Sadyr Japarov said he had discussed the railway with Xi Jinping. Later he noted the talks were useful."
    art = article(nlp, profile, text)
    he = [t for t in art.doc if t.lower_ == "he"][-1]
    mentions = person_mentions(art)
    assert salient_subject(mentions, he, "m", frozenset({"said", "noted"})).name == "Sadyr Japarov"
    assert antecedent(mentions, he.idx, "m").name == "Xi Jinping"  # the nearest name, which the story does not follow
