#!/usr/bin/env python3
"""Pairwise precision and recall of "same story" on the development corpus against its `story` field.

    python bench/stories.py [--corpus ../shared/corpus/dev.jsonl]

Ingests the corpus into a throwaway SQLite store (stories are assigned during ingest) and
compares every pair of documents.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from silkwatch.query import story_of  # noqa: E402
from silkwatch.pipeline import ingest  # noqa: E402
from silkwatch.profile import load_profile  # noqa: E402
from silkwatch.store import open_store  # noqa: E402


def pairwise(truth: dict[str, str], pred: dict[str, str]) -> tuple[float, float]:
    ids = sorted(set(truth) & set(pred))
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        t, p = truth[a] == truth[b], pred[a] == pred[b]
        tp += t and p
        fp += p and not t
        fn += t and not p
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dev.jsonl"))
    a = ap.parse_args(argv)
    if not Path(a.corpus).exists():
        print(f"error: {a.corpus} not found", file=sys.stderr)
        return 2
    truth = {}
    for line in open(a.corpus, encoding="utf-8"):
        if line.strip():
            o = json.loads(line)
            truth[o["id"]] = o.get("story") or o["id"]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/stories.db")
        ingest([a.corpus], store, load_profile())
        pred = story_of(store)
        store.close()
    p, r = pairwise(truth, pred)
    print(f"documents {len(truth)}  true stories {len(set(truth.values()))}  predicted stories {len(set(pred[k] for k in truth if k in pred))}")
    print(f"pairwise precision {p:.3f}  recall {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
