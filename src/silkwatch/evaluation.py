"""Score extracted claims against gold claims: precision, recall and F1 per kind (micro-averaged).

Two claims match under the rules of the claim guidelines: quantities on indicator, parties,
period, target, unit and a value within 2%; events on type, place and start date; quotes on
speaker and wording; roles on person, office and country; commitments on actors, area and wording.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

from .records import CLAIM_KINDS

__all__ = ["score", "format_table", "same_claim"]

# Tolerances of the matching rules (the exchange conventions of the claim guidelines).
VALUE_TOLERANCE = 0.02
NAME_SIMILARITY = 0.85
QUOTE_OVERLAP = 0.7
COMMITMENT_OVERLAP = 0.5


def _norm(s) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = re.sub(r"[\u2018\u2019`]", "'", s)
    s = re.sub(r"[\u2010-\u2015-]", " ", s)
    return " ".join(s.split())


def _overlap(a, b) -> float:
    """Token F1 between two texts."""
    ta, tb = re.findall(r"[\w']+", _norm(a)), re.findall(r"[\w']+", _norm(b))
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _same_name(a, b) -> bool:
    a, b = _norm(a).replace("'", ""), _norm(b).replace("'", "")
    return a == b or (bool(a) and bool(b) and SequenceMatcher(None, a, b).ratio() >= NAME_SIMILARITY)


def _codes(xs) -> frozenset[str]:
    return frozenset(_norm(x).upper() for x in xs or ())


def _date_agrees(gold, pred) -> bool:
    g, p = _norm(gold), _norm(pred)
    return not g or p == g or (len(g) < len(p) and p.startswith(g))


def _quantity(g: dict, p: dict) -> bool:
    same = all(_norm(g.get(k)) == _norm(p.get(k)) for k in ("indicator", "period", "unit"))
    if not same or _codes(g.get("subjects")) != _codes(p.get("subjects")) or bool(g.get("target")) != bool(p.get("target")):
        return False
    try:
        gv, pv = float(g["value"]), float(p["value"])
    except (KeyError, TypeError, ValueError):
        return False
    return abs(gv - pv) <= VALUE_TOLERANCE * max(abs(gv), 1e-9)


def _event(g: dict, p: dict) -> bool:
    return _norm(g.get("event_type")) == _norm(p.get("event_type")) and _same_name(g.get("location"), p.get("location")) and _date_agrees(g.get("start"), p.get("start"))


def _quote(g: dict, p: dict) -> bool:
    return _same_name(g.get("speaker"), p.get("speaker")) and _overlap(g.get("text"), p.get("text")) >= QUOTE_OVERLAP


def _role(g: dict, p: dict) -> bool:
    if not _same_name(g.get("person"), p.get("person")) or _norm(g.get("role")) != _norm(p.get("role")):
        return False
    return not g.get("country") or _norm(g.get("country")) == _norm(p.get("country"))


def _commitment(g: dict, p: dict) -> bool:
    return _codes(g.get("actors")) == _codes(p.get("actors")) and _norm(g.get("area")) == _norm(p.get("area")) and _overlap(g.get("text"), p.get("text")) >= COMMITMENT_OVERLAP


RULES: dict[str, Callable[[dict, dict], bool]] = {"quantity": _quantity, "event": _event, "quote": _quote, "role": _role, "commitment": _commitment}


def same_claim(gold: dict, pred: dict) -> bool:
    """True when a predicted claim matches a gold claim of the same kind."""
    return gold.get("kind") == pred.get("kind") and RULES[gold["kind"]](gold, pred)


def score(gold: Iterable[dict], pred: Iterable[dict], kinds: tuple[str, ...] = CLAIM_KINDS) -> dict[str, dict]:
    """Per-kind and overall counts, precision, recall and F1; only documents named in gold are scored."""
    gold, pred = list(gold), list(pred)
    docs = {c["doc_id"] for c in gold}
    groups: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for c in gold:
        if c.get("kind") in kinds:
            groups[(c["doc_id"], c["kind"])][0].append(c)
    for c in pred:
        if c.get("doc_id") in docs and c.get("kind") in kinds:
            groups[(c["doc_id"], c["kind"])][1].append(c)
    tally = {k: Counter() for k in kinds}
    for (_, kind), (golds, preds) in groups.items():
        used: set[int] = set()
        for g in golds:
            j = next((j for j, p in enumerate(preds) if j not in used and RULES[kind](g, p)), None)
            if j is not None:
                used.add(j)
        tally[kind].update(tp=len(used), gold=len(golds), pred=len(preds))
    rows = {k: _prf(t) for k, t in tally.items()}
    rows["all"] = _prf(sum(tally.values(), Counter()))
    return rows


def _prf(t: Counter) -> dict:
    tp, ng, np_ = t["tp"], t["gold"], t["pred"]
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return {"tp": tp, "gold": ng, "pred": np_, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def format_table(rows: dict[str, dict]) -> str:
    """The score table as text, one line per kind."""
    lines = [f"{'kind':<11} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for k, v in rows.items():
        lines.append(f"{k:<11} {v['gold']:>5} {v['pred']:>5} {v['tp']:>5} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}")
    return "\n".join(lines)
