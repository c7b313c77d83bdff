#!/usr/bin/env python3
"""Score silkwatch's extractor on a corpus against gold claims and print the table.

    python bench/evaluate.py [--corpus PATH ...] [--gold FILE ...] [--kinds quantity,event]
                             [--show-misses] [--pred-out FILE] [--scorer PATH]
    python bench/evaluate.py --folds [dev dev2 dev_ru]

Defaults: the development corpus (../shared/corpus/dev.jsonl and seeds) against
../shared/eval/dev.gold.jsonl and seeds.gold.jsonl, scored by ../shared/eval/score.py.
--folds scores each named development fold and prints their F1 side by side (all three
when none is named), so a change is judged on every fold at once.
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


FOLDS = {
    "dev": ([SHARED / "corpus" / "dev.jsonl", SHARED / "corpus" / "seeds"], [SHARED / "eval" / "dev.gold.jsonl", SHARED / "eval" / "seeds.gold.jsonl"]),
    "dev2": ([SHARED / "corpus" / "dev2.jsonl"], [SHARED / "eval" / "dev2.gold.jsonl"]),
    "dev_ru": ([SHARED / "corpus" / "dev_ru.jsonl"], [SHARED / "eval" / "dev_ru.gold.jsonl"]),
}


def fold_table(names: list[str], scorer, profile_path: str | None, kinds: tuple[str, ...]) -> str:
    """P / R / F1 of every kind on each fold, side by side."""
    results = {}
    for name in names:
        corpus, golds = FOLDS[name]
        pred = predict([str(c) for c in corpus], profile_path)
        gold = [c for g in golds for c in scorer.load(g)]
        results[name], _ = scorer.score(gold, pred, kinds, False)
    head = f"{'kind':<11}" + "".join(f" {n + ' P':>9} {n + ' R':>9} {n + ' F1':>9}" for n in names)
    lines = [head]
    for k in results[names[0]]:
        row = f"{k:<11}"
        for n in names:
            v = results[n][k]
            row += f" {v['precision']:>9.3f} {v['recall']:>9.3f} {v['f1']:>9.3f}"
        lines.append(row)
    return "\n".join(lines)


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
    ap.add_argument("--folds", nargs="*", choices=list(FOLDS), help="score these development folds side by side (all when none is named)")
    a = ap.parse_args(argv)
    if a.folds is not None:
        scorer = load_scorer(Path(a.scorer))
        print(fold_table(a.folds or list(FOLDS), scorer, a.profile, tuple(k for k in a.kinds.split(",") if k)))
        return 0
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
