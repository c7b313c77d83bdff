"""Concurrent writers through the real CLI, on SQLite and PostgreSQL: two ingests at once, an ingest while the API serves."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from silkwatch.extract import extract_documents
from silkwatch.reconcile import rebuild_facts
from silkwatch.store import open_store
from silkwatch.store.schema import facts

sys.path.insert(0, str(Path(__file__).parent.parent))
from test_pipeline import generated_articles, write_jsonl  # noqa: E402

SUMMARY = re.compile(r"read (\d+), stored (\d+), already known (\d+), failed (\d+)")


def cli(url: str, *args: str, env: dict | None = None) -> subprocess.Popen:
    """`silkwatch --db URL ARGS` as its own process, through the package's entry point."""
    return subprocess.Popen([sys.executable, "-m", "silkwatch", "--db", url, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def finished(proc: subprocess.Popen, timeout: float = 300) -> dict[str, int]:
    """Wait for an ingest; it must succeed; its summary as numbers."""
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    read, stored, known, failed = map(int, SUMMARY.search(out).groups())
    return {"read": read, "stored": stored, "known": known, "failed": failed}


def fact_rows(store) -> list[str]:
    with store.engine.connect() as c:
        return sorted(r[0] for r in c.execute(select(facts.c.data)))


def assert_complete(url: str, recs: list[dict], profile) -> None:
    """Every article stored once with exactly the claims one extraction gives, and the facts those claims and stories make."""
    store = open_store(url)
    try:
        docs = list(store.iter_documents())
        assert sorted(d.doc_id for d in docs) == sorted(r["id"] for r in recs)
        expected = sorted(c.id for _, cs in extract_documents(docs, profile, n_process=1) for c in cs)
        assert sorted(c.id for c in store.iter_claims()) == expected
        assert store.stats()["stories"] > 0
        made = fact_rows(store)
        rebuild_facts(store)  # what the facts are when computed afresh from what is stored
        assert made == fact_rows(store), "facts went stale: a writer recomputed them from another writer's half-done state"
    finally:
        store.close()


@pytest.mark.parametrize("existing", [False, True], ids=["new-store", "existing-store"])
def test_two_ingests_started_together_both_succeed_and_lose_nothing(existing, db_url, tmp_path, nlp, profile):
    recs = generated_articles(48)
    # Overlapping inputs: the middle articles reach the store through both processes.
    one = write_jsonl(tmp_path / "one.jsonl", recs[:32])
    two = write_jsonl(tmp_path / "two.jsonl", recs[16:])
    if existing:
        open_store(db_url).close()
    procs = [cli(db_url, "ingest", "--no-progress", str(f)) for f in (one, two)]
    a, b = (finished(p) for p in procs)
    assert a["stored"] + b["stored"] == 48 and a["known"] + b["known"] == 16
    assert_complete(db_url, recs, profile)


def test_an_ingest_while_the_api_serves_and_ingests(db_url, tmp_path, nlp, profile):
    recs = generated_articles(50)
    by_cli = write_jsonl(tmp_path / "cli.jsonl", recs[:40])
    by_api = "".join(json.dumps(r) + "\n" for r in recs[40:])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = cli(db_url, "serve", "--port", str(port), env={"SILKWATCH_TOKEN": "t0ken"})
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.communicate()[1]
            try:
                if httpx.get(f"{base}/api/documents", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        ingest = cli(db_url, "ingest", "--no-progress", str(by_cli))
        statuses, posted = [], None
        with httpx.Client(base_url=base, timeout=120) as http:
            while ingest.poll() is None or posted is None:
                for path in ("/api/documents", "/api/facts?sort=value", "/api/search?q=trade", "/"):
                    statuses.append((path, http.get(path).status_code))
                if posted is None:
                    posted = http.post("/api/ingest", content=by_api, headers={"Authorization": "Bearer t0ken"})
        assert posted.status_code == 200 and posted.json()["stored"] == 10, posted.text
        assert finished(ingest)["stored"] == 40
        assert statuses and all(code == 200 for _, code in statuses), [s for s in statuses if s[1] != 200]
        assert httpx.get(f"{base}/api/documents", timeout=30).json()["total"] == 50
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert_complete(db_url, recs, profile)
