#!/usr/bin/env python3
"""Pairwise precision and recall of "same story" against the `story` labels of the development folds.

    python bench/stories.py [--corpus FILE ...]

Ingests the corpora (default: ../shared/corpus dev, dev2 and dev_ru together, as issue 12 measures) into
a throwaway SQLite store, where stories are grouped as ingest groups them, and compares every pair of
documents: all pairs, pairs within one language and pairs across languages, and each corpus's own pairs.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from silkwatch.query import story_of  # noqa: E402
from silkwatch.pipeline import ingest  # noqa: E402
from silkwatch.profile import load_profile  # noqa: E402
from silkwatch.store import open_store  # noqa: E402

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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=FOLDS)
    a = ap.parse_args(argv)
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
