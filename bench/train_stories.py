#!/usr/bin/env python3
"""Train the same-story pair model on the labelled development folds and write its weights.

    python bench/train_stories.py [--write]    # needs scikit-learn: pip install 'silkwatch[train]'

Ingests dev, dev2 and dev_ru (their `story` fields are the labels) into a throwaway store, computes every
document's story traits as ingest does, and builds every pair's FEATURES. Prints the pair model's
precision and recall leave-one-fold-out (a pair is scored by models that never saw its folds), then
fits on all pairs; with --write, stores the weights in src/silkwatch/weights/story_pairs.json.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from silkwatch.pipeline import ingest  # noqa: E402
from silkwatch.profile import load_profile  # noqa: E402
from silkwatch.store import open_store  # noqa: E402
from silkwatch.stories import FEATURES, StoryModel, pair_features, same_story_probability  # noqa: E402
from silkwatch.extract.traits import story_traits_batch  # noqa: E402

FOLDS = ("dev", "dev2", "dev_ru")
CORPUS = ROOT.parent / "shared" / "corpus"
WEIGHTS = ROOT / "src" / "silkwatch" / "weights" / "story_pairs.json"
THRESHOLD = 0.5  # mean probability over a story's reports from which a report joins it


def labelled_traits(profile):
    """Every labelled document's traits, its story label and its fold."""
    labels, folds, paths = {}, {}, []
    for fold in FOLDS:
        path = CORPUS / f"{fold}.jsonl"
        paths.append(str(path))
        for line in path.open(encoding="utf-8"):
            if line.strip():
                o = json.loads(line)
                labels[o["id"]], folds[o["id"]] = o["story"], fold
    os.environ["SILKWATCH_STORIES"] = "0"  # the claims are what is needed; grouping would need the weights made here
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/train.db")
        ingest(paths, store, profile)
        docs = [store.get_document(i) for i in labels]  # in file order, as ingest takes them
        traits = story_traits_batch(docs, [store.claims_for(d.doc_id) for d in docs], profile)
        store.close()
    return traits, labels, folds


def _group(docs, model) -> dict[str, str]:
    """Stories as group_stories_in makes them (in the order documents come, joining the story of the best mean
    probability), over documents held in memory."""
    story: dict[str, str] = {}
    done = []
    for t in docs:
        probs = same_story_probability(t, done, model) if done else []
        by_story: dict[str, list[float]] = {}
        for o, p in zip(done, probs):
            by_story.setdefault(story[o.doc_id], []).append(float(p))
        best = max(((sum(v) / len(v), k) for k, v in by_story.items()), default=(0.0, None))
        story[t.doc_id] = best[1] if best[0] >= model.threshold else t.doc_id
        done.append(t)
    return story


def _pairwise(truth: dict[str, str], pred: dict[str, str]) -> tuple[float, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        t, p = truth[a] == truth[b], pred[a] == pred[b]
        tp, fp, fn = tp + (t and p), fp + (p and not t), fn + (t and not p)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write the weights fitted on all pairs")
    a = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    traits, labels, folds = labelled_traits(load_profile())
    pairs = list(itertools.combinations(traits, 2))
    X = np.array([pair_features(p, q) for p, q in pairs], dtype=float)
    y = np.array([labels[p.doc_id] == labels[q.doc_id] for p, q in pairs])
    pair_folds = [frozenset((folds[p.doc_id], folds[q.doc_id])) for p, q in pairs]
    cross = np.array([p.lang != q.lang for p, q in pairs])
    prob = np.zeros(len(y))
    for held in set(pair_folds):
        test = np.array([f == held for f in pair_folds])
        # a pair of two folds is scored by the mean of the models that each left one of them out
        scores = [LogisticRegression(max_iter=3000).fit(X[train], y[train]).predict_proba(X[test])[:, 1]
                  for train in (np.array([fold not in f for f in pair_folds]) for fold in held)]
        prob[test] = np.mean(scores, axis=0)
    print(f"{len(traits)} documents, {len(pairs)} pairs, {int(y.sum())} of one story ({int((y & cross).sum())} across languages)")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        hit = prob >= t
        print(f"pairs at p>={t}: precision {(hit & y).sum() / max(hit.sum(), 1):.3f} recall {(hit & y).sum() / y.sum():.3f}"
              f"   across languages: precision {(hit & y & cross).sum() / max((hit & cross).sum(), 1):.3f}"
              f" recall {(hit & y & cross).sum() / max((y & cross).sum(), 1):.3f}")
    print("stories grouped as ingest groups them, each fold by weights fitted on the other two:")
    for fold in FOLDS:
        train = np.array([fold not in f for f in pair_folds])
        fitted = LogisticRegression(max_iter=3000).fit(X[train], y[train])
        held = StoryModel(tuple(fitted.coef_[0]), float(fitted.intercept_[0]), THRESHOLD, "held out")
        docs = [t for t in traits if folds[t.doc_id] == fold]
        p, r = _pairwise({t.doc_id: labels[t.doc_id] for t in docs}, _group(docs, held))
        print(f"  {fold:<7} precision {p:.3f} recall {r:.3f}")
    model = LogisticRegression(max_iter=3000).fit(X, y)
    for name, w in zip(FEATURES, model.coef_[0]):
        print(f"  {name:28} {w:+.3f}")
    if a.write:
        WEIGHTS.write_text(json.dumps({
            "features": list(FEATURES), "weights": [round(float(w), 5) for w in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 5), "threshold": THRESHOLD,
            "calibrated_on": f"../shared/corpus {'+'.join(FOLDS)} story labels: {len(traits)} documents, {len(pairs)} pairs "
                             "(bench/train_stories.py)",
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
