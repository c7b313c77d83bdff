#!/usr/bin/env python3
"""Pairwise precision and recall of "same story" against the `story` labels of the development folds; with
--scale, what grouping stories costs an ingest.

    python bench/stories.py [--corpus FILE ...]
    python bench/stories.py --scale 20000
    python bench/stories.py --scale 4000 --pairs 5

--scale N repeats dev.jsonl to N documents, each repetition moved 30 days later (so that, as in a real
archive, reports spread over time rather than piling on the same days, and repetitions are not copies),
and ingests it into fresh stores, each in its own process with the same parse workers: with stories
grouped and with SILKWATCH_STORIES=0 (copy groups only), then both again at N/10. Prints seconds, the
added time and CPU time, the writing process's peak memory at N/10 and N, and how much of it stories add at each.

Ingests the corpora (default: ../shared/corpus dev, dev2 and dev_ru together, as issue 12 measures) into
a throwaway SQLite store, where stories are grouped as ingest groups them, and compares every pair of
documents: all pairs, pairs within one language and pairs across languages, and each corpus's own pairs.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from silkwatch.pipeline import ingest
from silkwatch.profile import load_profile
from silkwatch.query import story_of
from silkwatch.store import open_store

CORPUS = ROOT.parent / "shared" / "corpus"
FOLDS = [str(CORPUS / f"{f}.jsonl") for f in ("dev", "dev2", "dev_ru")]


def pairwise(truth: dict[str, str], pred: dict[str, str], keep=lambda a, b: True) -> tuple[float, float, int]:
    """Precision, recall and the number of true pairs among the pairs `keep` selects."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(set(truth) & set(pred)), 2):
        if not keep(a, b):
            continue
        t, p = truth[a] == truth[b], pred[a] == pred[b]
        tp += t and p
        fp += p and not t
        fn += t and not p
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp + fn


def _spread(corpus: Path, n: int, out: Path) -> None:
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as f:
        for i, rec in zip(range(n), itertools.cycle(lines)):
            k = i // len(lines)
            day = rec.get("published")
            moved = (date.fromisoformat(day) + timedelta(days=30 * k)).isoformat() if day else None
            f.write(json.dumps({**rec, "id": f"{rec['id']}~{k}", "published": moved}, ensure_ascii=False) + "\n")


def _child(corpus: str, db: str) -> None:
    from silkwatch.extract.model import load_model

    load_model()
    store = open_store(f"sqlite:///{db}")
    t0, cpu0 = time.perf_counter(), _cpu()
    report = ingest([corpus], store, load_profile())
    seconds = time.perf_counter() - t0
    print(json.dumps({"stored": report.stored, "seconds": seconds, "cpu": _cpu() - cpu0,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the parse workers): on a shared machine whose speed
    drifts between runs minutes apart, what a run costs is better read here than on the clock."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def _run(tmp: str, docs: int, stories: str, label: str) -> dict:
    """One ingest of `docs` spread documents into a fresh store, in its own process."""
    corpus = Path(tmp) / f"{docs}.jsonl"
    if not corpus.exists():
        _spread(CORPUS / "dev.jsonl", docs, corpus)
    db = Path(tmp) / f"{docs}-{stories}.db"
    db.unlink(missing_ok=True)
    run = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(db)], capture_output=True, text=True,
                         check=True, env={**os.environ, "SILKWATCH_STORIES": stories})
    r = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"{label:<17} {r['stored']:>6} docs in {r['seconds']:7.1f} s = {r['stored'] / r['seconds']:6.1f} docs/s, "
          f"{r['cpu']:7.1f} CPU s, writer's peak RSS {r['rss_mb']:.0f} MB", flush=True)
    return r


def paired(n: int, pairs: int) -> int:
    """Ingest N documents with and without stories `pairs` times, each pair back to back and in alternating order,
    so that the machine's drift between runs falls on both sides; prints each pair's added time and the median."""
    added = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(pairs):
            order = (("0", "copy groups only"), ("1", "with stories"))
            r = {s: _run(tmp, n, s, label) for s, label in (order if i % 2 == 0 else order[::-1])}
            added.append((100 * (r["1"]["seconds"] / r["0"]["seconds"] - 1), 100 * (r["1"]["cpu"] / r["0"]["cpu"] - 1)))
            print(f"  pair {i + 1}: stories add {added[-1][0]:.1f}% time, {added[-1][1]:.1f}% CPU", flush=True)
    wall, cpu = [a for a, _ in added], [c for _, c in added]
    print(f"median over {pairs} pairs: stories add {statistics.median(wall):.1f}% to the ingest time, "
          f"{statistics.median(cpu):.1f}% to its CPU time (range {min(wall):.1f}..{max(wall):.1f}%)")
    return 0


def scale(n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = {}
        for label, docs, stories in (("copy groups only", n, "0"), ("with stories", n, "1"),
                                     ("copy groups only", n // 10, "0"), ("with stories", n // 10, "1")):
            out[(docs, stories)] = _run(tmp, docs, stories, label)
    base, full, small_base, small = out[(n, "0")], out[(n, "1")], out[(n // 10, "0")], out[(n // 10, "1")]
    print(f"stories add {100 * (full['seconds'] / base['seconds'] - 1):.1f}% to the ingest time "
          f"({100 * (full['cpu'] / base['cpu'] - 1):.1f}% to its CPU time); "
          f"writer's memory at {n} vs {n // 10} documents: {full['rss_mb'] / small['rss_mb']:.2f}x with stories, "
          f"{base['rss_mb'] / small_base['rss_mb']:.2f}x without; what stories add to it: "
          f"{small['rss_mb'] - small_base['rss_mb']:.0f} MB at {n // 10}, {full['rss_mb'] - base['rss_mb']:.0f} MB at {n}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=FOLDS)
    ap.add_argument("--scale", type=int, metavar="N", help="measure the cost of grouping stories on N documents")
    ap.add_argument("--pairs", type=int, metavar="K", help="with --scale: K back-to-back pairs of runs at N only, "
                    "in alternating order, and the median added time (for a machine whose speed drifts)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        _child(*a.child)
        return 0
    if a.scale:
        return paired(a.scale, a.pairs) if a.pairs else scale(a.scale)
    missing = [c for c in a.corpus if not Path(c).exists()]
    if missing:
        print(f"error: {missing[0]} not found", file=sys.stderr)
        return 2
    truth, lang, fold = {}, {}, {}
    for path in a.corpus:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                o = json.loads(line)
                truth[o["id"]], lang[o["id"]], fold[o["id"]] = o.get("story") or o["id"], o.get("lang"), Path(path).stem
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/stories.db")
        t0 = time.perf_counter()
        ingest(a.corpus, store, load_profile())
        seconds = time.perf_counter() - t0
        pred = story_of(store)
        store.close()
    print(f"documents {len(truth)}  true stories {len(set(truth.values()))}  predicted stories "
          f"{len(set(pred[k] for k in truth if k in pred))}  (ingest {seconds:.1f} s)")
    rows = [("all pairs", lambda x, y: True), ("within a language", lambda x, y: lang[x] == lang[y]),
            ("across languages", lambda x, y: lang[x] != lang[y])]
    rows += [(f"within {f}", lambda x, y, f=f: fold[x] == fold[y] == f) for f in sorted(set(fold.values()))]
    for name, keep in rows:
        p, r, n = pairwise(truth, pred, keep)
        print(f"{name:<20} precision {p:.3f}  recall {r:.3f}  ({n} same-story pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
