#!/usr/bin/env python3
"""Latency of the API and the overview page on a store of 100,000+ claims.

    python bench/api_latency.py [--claims 100000] [--requests 200]

Builds a synthetic but realistic SQLite store (documents, claims, stories, facts written
straight into the tables), serves it with `silkwatch serve` on a free loopback port in a
subprocess, and times a filtered facts query and the overview page. Bars: API p95 < 50 ms,
overview p95 < 200 ms.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from silkwatch.records import Claim, hash_id  # noqa: E402
from silkwatch.store import open_store  # noqa: E402
from silkwatch.store.schema import claims, documents, fact_claims, facts, stories  # noqa: E402

STATES = ["KZ", "KG", "TJ", "TM", "UZ"]
OUTLETS = [f"outlet{i}.example" for i in range(60)]
INDICATORS = ["trade_volume", "trade_growth", "investment", "financing", "direct_flights", "gas_supply"]


def build(url: str, n_claims: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    store = open_store(url)
    n_docs = n_claims // 5
    with store.transaction() as conn:
        docs = []
        for i in range(n_docs):
            y, m, d = rnd.choice(range(2020, 2026)), rnd.randint(1, 12), rnd.randint(1, 28)
            docs.append({"doc_id": f"doc-{i}", "content_hash": hash_id(i), "url": None, "outlet": rnd.choice(OUTLETS), "published": f"{y}-{m:02d}-{d:02d}",
                         "title": f"Report {i}", "lang": "en", "source": "synthetic", "ingested_at": "2026-11-23T00:00:00",
                         "text": "Trade between China and Kazakhstan grew again this year, officials said. " * 8})
        conn.execute(documents.insert(), docs)
        conn.execute(stories.insert(), [{"doc_id": d["doc_id"], "story_id": f"s{int(d['doc_id'][4:]) // 3}", "signature": None} for d in docs])
        rows, fact_rows, links = [], {}, []
        for i in range(n_claims):
            doc = f"doc-{i // 5}"
            a, b = "CN", rnd.choice(STATES)
            ind = rnd.choice(INDICATORS)
            period = str(rnd.choice(range(2015, 2026)))
            c = Claim(doc_id=doc, kind="quantity", span=(0, 60), evidence="Trade between China and Kazakhstan grew again this year.",
                      indicator=ind, subjects=tuple(sorted((a, b))), period=period, value=rnd.uniform(1, 50) * 1e9, unit="USD", approx="exact", target=False)
            rows.append({"claim_id": c.id, "doc_id": doc, "kind": "quantity", "span_start": 0, "span_end": 60, "indicator": ind, "period": period,
                         "speaker": None, "person": None, "data": json.dumps(c.as_dict())})
            fid = hash_id("fact", ind, a, b, period)
            f = fact_rows.setdefault(fid, {"fact_id": fid, "kind": "quantity", "indicator": ind, "rank": rnd.choice(["corroborated", "single-source", "contested"]),
                                           "n_sources": 0, "period": period, "date": None, "value": c.value, "parties": f",{a},{b},".replace(",CN,KZ,", ",CN,KZ,"),
                                           "label": f"{ind} · {a}+{b} · {period}", "outlets": ",", "sup": []})
            f["n_sources"] += 1
            if len(f["sup"]) < 20:
                f["sup"].append({"claim_id": c.id, "doc_id": doc, "outlet": None, "published": None, "story": doc, "span": [0, 60], "evidence": c.evidence, "claim": c.as_dict()})
            links.append({"fact_id": fid, "claim_id": c.id, "relation": "support"})
            if len(rows) >= 5000:
                conn.execute(claims.insert(), rows)
                rows = []
        if rows:
            conn.execute(claims.insert(), rows)
        out = []
        for f in fact_rows.values():
            sup = f.pop("sup")
            f["data"] = json.dumps({"fact_id": f["fact_id"], "kind": "quantity", "rank": f["rank"], "n_sources": f["n_sources"], "label": f["label"],
                                    "parties": f["parties"].strip(",").split(","), "key": {"indicator": f["indicator"], "period": f["period"]},
                                    "value": sup[0]["claim"], "supporting": sup, "conflicting": []})
            out.append(f)
        conn.execute(facts.insert(), out)
        for i in range(0, len(links), 5000):
            conn.execute(fact_claims.insert(), links[i:i + 5000])
    store.close()


def timed(client: httpx.Client, path: str, n: int) -> list[float]:
    client.get(path)  # warm
    out = []
    for _ in range(n):
        t = time.perf_counter()
        r = client.get(path)
        out.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    return out


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=100)[94]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/latency.db"
        t0 = time.perf_counter()
        build(url, a.claims)
        print(f"built a store of {a.claims:,} claims in {time.perf_counter() - t0:.1f} s")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "silkwatch", "--db", url, "serve", "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=30) as client:
                for _ in range(200):
                    try:
                        client.get("/api/facts?limit=1")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                api = timed(client, "/api/facts?indicator=trade_volume&party=KZ&rank=corroborated", a.requests)
                page = timed(client, "/", a.requests)
        finally:
            server.terminate()
            server.wait(10)
    ok_api, ok_page = p95(api) < 50, p95(page) < 200
    print(f"filtered facts API: p50 {statistics.median(api):.1f} ms  p95 {p95(api):.1f} ms  (bar < 50 ms: {'ok' if ok_api else 'MISSED'})")
    print(f"overview page:      p50 {statistics.median(page):.1f} ms  p95 {p95(page):.1f} ms  (bar < 200 ms: {'ok' if ok_page else 'MISSED'})")
    return 0 if ok_api and ok_page else 1


if __name__ == "__main__":
    sys.exit(main())
