"""What the ledger reads from a real store: an undated report takes the day of the dated reports of its story."""

from __future__ import annotations

from sqlalchemy import insert

from silkwatch.ledger import read_ledger
from silkwatch.records import Claim, Document
from silkwatch.store.schema import stories, story_traits

PROMISE = "set up a permanent secretariat of the China-Central Asia mechanism"
OPENED = "The China-Central Asia Secretariat was inaugurated in Xi'an."


def doc(doc_id, text, published, claims):
    return Document(doc_id=doc_id, text=text, source="test", outlet=f"{doc_id}.example", published=published, lang="en"), claims


def stored(store, docs, story_of, day_of):
    """Write documents with their claims, each in the given story and with the given news day."""
    def group(conn, written):
        conn.execute(insert(stories), [{"doc_id": d.doc_id, "story_id": story_of[d.doc_id], "copy_id": d.doc_id} for d in written])
        conn.execute(insert(story_traits), [{"doc_id": d.doc_id, "day": day_of.get(d.doc_id), "vector": b"", "data": "{}"} for d in written])

    store.write_documents(docs, then=group)


def promise_doc():
    c = Claim(doc_id="pledge", kind="commitment", span=(0, len(PROMISE)), evidence=PROMISE, actors=("C5", "CN"), area="institutions",
              text=PROMISE)
    return doc("pledge", PROMISE, "2023-05-19", [c])


def opening(doc_id, published=None):
    c = Claim(doc_id=doc_id, kind="event", span=(0, len(OPENED)), evidence=OPENED, event_type="other", participants=("CN",))
    return doc(doc_id, OPENED, published, [c])


def test_an_undated_report_in_a_dated_story_is_evidence_dated_by_its_story(store, profile):
    later = "Officials of six countries gathered in Xi'an on Saturday."
    dated = doc("dated", later, "2024-03-31", [Claim(doc_id="dated", kind="quote", span=(0, len(later)), evidence=later, speaker="X",
                                                     text=later)])
    stored(store, [promise_doc(), dated, opening("undated")], {"pledge": "s1", "dated": "s2", "undated": "s2"},
           {"pledge": "2023-05-19", "dated": "2024-03-30"})
    [entry] = read_ledger(store, profile)
    assert entry.status == "delivered" and [(e.doc_id, e.date) for e in entry.evidence] == [("undated", "2024-03-30")]
    assert "dated by its story" in entry.evidence[0].reason


def test_an_undated_report_alone_in_its_story_is_no_evidence(store, profile):
    stored(store, [promise_doc(), opening("alone")], {"pledge": "s1", "alone": "s3"}, {"pledge": "2023-05-19"})
    [entry] = read_ledger(store, profile)
    assert entry.evidence == () and entry.status == "announced"
