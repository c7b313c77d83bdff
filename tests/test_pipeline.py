"""Ingest end to end: idempotent re-ingest, replaced content, and ingests stopped by Ctrl-C or kill."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from silkwatch.extract import extract_documents
from silkwatch.pipeline import BATCH_SIZE, ingest

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

STATES = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]


def generated_articles(n: int) -> list[dict]:
    """Short articles of our own, each with a figure, a meeting and a reported statement."""
    out = []
    for i in range(n):
        state = STATES[i % 5]
        out.append({
            "id": f"gen-{i:05d}",
            "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "outlet": f"outlet{i % 7}.example",
            "text": (
                f"Trade between China and {state} reached {10 + i % 90} billion U.S. dollars last year, "
                f"the ministry of {state} said on Monday.\n\n"
                f"Officials of both countries met in Beijing to discuss {i % 40 + 2} new projects.\n\n"
                f"The two sides will open a new border crossing by {2026 + i % 4}, a spokesperson said."
            ),
        })
    return out


def write_jsonl(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def test_same_input_twice_adds_nothing(nlp, store, profile):
    first = ingest([str(FIXTURES)], store, profile)
    assert (first.read, first.stored, first.failed) == (6, 6, 0)
    before = (store.stats(), [c.id for c in store.iter_claims()])
    again = ingest([str(FIXTURES)], store, profile)
    assert (again.read, again.stored, again.known, again.failed) == (6, 0, 6, 0)
    assert (store.stats(), [c.id for c in store.iter_claims()]) == before


def test_changed_content_replaces_the_document_and_its_claims(nlp, store, profile, tmp_path):
    recs = generated_articles(3)
    f = write_jsonl(tmp_path / "a.jsonl", recs)
    ingest([str(f)], store, profile)
    recs[1] = {**recs[1], "text": "Uzbekistan and China agreed to build a new logistics hub in Tashkent, officials said."}
    r = ingest([str(write_jsonl(f, recs))], store, profile)
    assert (r.stored, r.known) == (1, 2)
    doc = store.get_document("gen-00001")
    assert "logistics hub" in doc.text
    assert all(c.evidence == doc.text[c.span[0]:c.span[1]] for c in store.claims_for("gen-00001"))
    assert store.stats()["documents"] == 3


def test_the_same_id_twice_in_one_run_keeps_the_later_copy(nlp, store, profile, tmp_path):
    a, b = generated_articles(2)
    f = write_jsonl(tmp_path / "dup.jsonl", [a, {**b, "id": a["id"]}])
    ingest([str(f)], store, profile)
    assert store.get_document(a["id"]).text == b["text"].strip()
    assert store.stats()["documents"] == 1


# ------------------------------------------------------------------ interrupted ingest
N_INTERRUPTED = 8 * BATCH_SIZE


def _doc_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _no_process_left(marker: str, wait: float = 10) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        alive = []
        for cmd in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                alive.append(marker in cmd.read_bytes().decode(errors="replace"))
            except OSError:
                continue
        if not any(alive):
            return True
        time.sleep(0.1)
    return False


def _run_cli(db: Path, *args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "silkwatch", "--db", f"sqlite:///{db}", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw,
    )


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("interrupt") / "many.jsonl", generated_articles(N_INTERRUPTED))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_interrupted_ingest_leaves_a_consistent_store_and_resumes(sig, big_jsonl, tmp_path, nlp, profile):
    from silkwatch.store import open_store

    db = tmp_path / "stopped.db"
    proc = _run_cli(db, "ingest", str(big_jsonl))
    deadline = time.monotonic() + 60
    while _doc_count(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in stderr
    else:
        assert proc.returncode == -signal.SIGKILL
    assert _no_process_left(str(db)), "parse workers outlived the ingest"

    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM claims WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0] == 0
    stored = _doc_count(db)
    assert 0 < stored < N_INTERRUPTED, "the ingest was not stopped mid-run"
    assert stored % BATCH_SIZE == 0, "a batch was half written"
    store = open_store(f"sqlite:///{db}")
    docs = list(store.iter_documents())
    expected = {d.doc_id: sorted(c.id for c in cs) for d, cs in extract_documents(docs[:BATCH_SIZE], profile)}
    assert {d: sorted(c.id for c in store.claims_for(d)) for d in expected} == expected

    again = _run_cli(db, "ingest", str(big_jsonl))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert f"read {N_INTERRUPTED}, stored {N_INTERRUPTED - stored}, already known {stored}, failed 0" in out
    assert _doc_count(db) == N_INTERRUPTED


# ------------------------------------------------------------------ extractor versions and re-extraction
def _facts_are_current(store) -> bool:
    from sqlalchemy import select

    from silkwatch.reconcile import rebuild_facts
    from silkwatch.store.schema import facts

    def rows():
        with store.engine.connect() as c:
            return sorted(r[0] for r in c.execute(select(facts.c.data)))

    before = rows()
    rebuild_facts(store)
    return before == rows()


def test_a_document_whose_claims_an_older_extractor_made_is_extracted_again(nlp, store, profile, tmp_path):
    f = write_jsonl(tmp_path / "a.jsonl", generated_articles(6))
    ingest([str(f)], store, profile)
    claims = sorted(c.id for c in store.iter_claims())
    store.replace_claims([("gen-00001", []), ("gen-00004", [])], extractor="an older version")  # what an older extractor left
    again = ingest([str(f)], store, profile)
    assert (again.stored, again.known, again.reextracted) == (2, 4, 2)
    assert "2 re-extracted" in again.summary()
    assert sorted(c.id for c in store.iter_claims()) == claims
    assert ingest([str(f)], store, profile).known == 6
    assert _facts_are_current(store)


def test_reextract_replaces_the_claims_of_the_documents_asked_for_then_updates_facts(nlp, store, profile, tmp_path):
    from silkwatch.pipeline import reextract

    recs = generated_articles(8)
    ingest([str(write_jsonl(tmp_path / "a.jsonl", recs))], store, profile)
    expected = {r["id"]: sorted(c.id for c in store.claims_for(r["id"])) for r in recs}
    store.replace_claims([(r["id"], []) for r in recs], extractor="old")
    assert store.stats()["claims_total"] == 0

    one = reextract(store, profile, doc_ids=["gen-00003", "no-such-doc"])
    assert (one.documents, one.claims_before, one.missing) == (1, 0, ["no-such-doc"])
    assert {r["id"] for r in recs if store.claims_for(r["id"])} == {"gen-00003"}
    assert one.facts > 0 and _facts_are_current(store)

    picked = {r["id"] for r in recs if r["published"] >= "2024-05-01" and r["outlet"] == "outlet5.example"}
    assert reextract(store, profile, since="2024-05-01", outlet="outlet5.example").documents == len(picked) > 0

    total = []
    every = reextract(store, profile, on_total=total.append)
    assert total == [8] and every.documents == 8 and every.extractor_errors == 0
    assert {r["id"]: sorted(c.id for c in store.claims_for(r["id"])) for r in recs} == expected
    assert _facts_are_current(store)
    assert store.stats()["stories"] > 0


def test_reextract_on_the_command_line(nlp, tmp_path):
    from typer.testing import CliRunner

    from silkwatch.cli import app

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    f = write_jsonl(tmp_path / "a.jsonl", generated_articles(3))
    run = lambda *a: CliRunner().invoke(app, ["--db", url, *a])  # noqa: E731
    assert run("ingest", str(f)).exit_code == 0
    r = run("reextract", "--all")
    assert r.exit_code == 0 and r.stdout.startswith("re-extracted 3 documents: ") and "0 extractor errors" in r.stdout
    nothing = run("reextract")
    assert nothing.exit_code == 2 and "--all" in nothing.stderr
    missing = run("reextract", "--doc-id", "gen-00000", "--doc-id", "nope")
    assert missing.exit_code == 1 and "re-extracted 1 document:" in missing.stdout and "not stored: nope" in missing.stdout
    assert run("reextract", "--since", "2024-13-45").exit_code == 2


def test_an_extractor_that_raises_is_counted_not_dropped(nlp, store, profile, tmp_path, monkeypatch):
    from silkwatch import extract
    from silkwatch.pipeline import reextract

    def broken(article):
        raise RuntimeError("a bug in one extractor")

    monkeypatch.setitem(extract.EXTRACTORS, "role", broken)
    r = ingest([str(write_jsonl(tmp_path / "a.jsonl", generated_articles(5)))], store, profile)
    assert (r.stored, r.extractor_errors) == (5, 5)
    assert "5 extractor errors" in r.summary()
    assert store.stats()["claims"]["quantity"] > 0  # the other kinds still made their claims
    assert reextract(store, profile, doc_ids=["gen-00002"]).extractor_errors == 1
