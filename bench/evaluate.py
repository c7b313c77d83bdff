#!/usr/bin/env python3
"""Score silkwatch's extractor on a corpus against gold claims and print the table.

    python bench/evaluate.py [--corpus PATH ...] [--gold FILE ...] [--kinds quantity,event]
                             [--show-misses] [--pred-out FILE] [--scorer PATH]

Defaults: the development corpus (../shared/corpus/dev.jsonl and seeds) against
../shared/eval/dev.gold.jsonl and seeds.gold.jsonl, scored by ../shared/eval/score.py.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from silkwatch.clean import clean  # noqa: E402
from silkwatch.errors import InputError  # noqa: E402
from silkwatch.extract import extract_documents  # noqa: E402
from silkwatch.profile import load_profile  # noqa: E402
from silkwatch.sources import read_sources  # noqa: E402


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("silkwatch_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(corpus: list[str], profile_path: str | None = None) -> list[dict]:
    """Extract claims from every readable article in the corpus paths, as exchange dicts."""
    profile = load_profile(profile_path)
    docs = []
    for item in read_sources(corpus):
        if isinstance(item, InputError):
            print(f"skipped: {item}", file=sys.stderr)
            continue
        try:
            docs.append(clean(item, profile))
        except InputError as e:
            print(f"skipped: {e}", file=sys.stderr)
    return [c.as_dict() for _, cs in extract_documents(docs, profile) for c in cs]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(SHARED / "corpus" / "dev.jsonl"), str(SHARED / "corpus" / "seeds")])
    ap.add_argument("--gold", nargs="+", default=[str(SHARED / "eval" / "dev.gold.jsonl"), str(SHARED / "eval" / "seeds.gold.jsonl")])
    ap.add_argument("--scorer", default=str(SHARED / "eval" / "score.py"))
    ap.add_argument("--profile", default=None)
    ap.add_argument("--kinds", default="quantity,event,quote,role,commitment")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--pred-out", help="also write the predicted claims here (JSON Lines)")
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    a = ap.parse_args(argv)
    for p in [*a.gold, a.scorer]:
        if not Path(p).exists():
            print(f"error: {p} not found (the shared corpus and scorer live in ../shared)", file=sys.stderr)
            return 2
    scorer = load_scorer(Path(a.scorer))
    t0 = time.perf_counter()
    pred = predict(a.corpus, a.profile)
    elapsed = time.perf_counter() - t0
    gold = [c for g in a.gold for c in scorer.load(g)]
    if a.pred_out:
        with open(a.pred_out, "w", encoding="utf-8") as f:
            for c in pred:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    kinds = tuple(k for k in a.kinds.split(",") if k)
    rows, misses = scorer.score(gold, pred, kinds, a.show_misses)
    if a.json:
        print(json.dumps(rows, indent=1))
    else:
        print(f"{'kind':<11} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for k, v in rows.items():
            print(f"{k:<11} {v['gold']:>5} {v['pred']:>5} {v['tp']:>5} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}")
        print(f"({len(pred)} claims extracted in {elapsed:.1f} s)", file=sys.stderr)
    for why, c in misses:
        print(why, json.dumps(c, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
