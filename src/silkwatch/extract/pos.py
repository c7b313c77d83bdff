"""Coarse parts of speech from the tagger's fine tags, by the model's own rules without its Matcher.

en_core_web_sm sets POS with an attribute_ruler whose Matcher cost 3.5 ms per document, a fifth
of the pipeline. Its POS rules are one-token tests on the tag, the lower-cased word and the
dependency relation; this component reads them from the model's ruler and applies them with
dict and set lookups, indexed by tag. The ruler's MORPH and LEMMA rules are left out: no
extractor reads them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["COMPONENT", "pos_rules"]

COMPONENT = "silkwatch_pos"
ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def pos_rules(patterns: list[dict]) -> list[dict]:
    """The attribute_ruler's one-token POS rules, in its order, as JSON-able dicts for the config."""
    out = []
    for p in patterns:
        pos = p["attrs"].get("POS")
        tokens = p["patterns"][0]
        if pos is None or len(tokens) != 1 or set(tokens[0]) - set(ATTRS):
            continue
        tests = {}
        for attr, want in tokens[0].items():
            if isinstance(want, dict):
                (op, values), = want.items()
                tests[attr] = [op, [str(v) for v in values]]
            else:
                tests[attr] = ["IS", [str(want)]]
        out.append({"tests": tests, "pos": pos})
    return out


@Language.factory(COMPONENT, default_config={"rules": []})
def make_pos(nlp: Language, name: str, rules: list[dict]):
    compiled = [({a: (op == "NOT_IN", frozenset(vals)) for a, (op, vals) in r["tests"].items()}, r["pos"]) for r in rules]
    by_tag: dict[str, list] = {}
    for i, (tests, pos) in enumerate(compiled):
        neg, tags = tests.get("TAG", (True, frozenset()))
        for tag in ([None] if neg else tags):
            by_tag.setdefault(tag, []).append(i)
    any_tag = by_tag.pop(None, [])
    candidates = {tag: [compiled[i] for i in sorted(ids + any_tag)] for tag, ids in by_tag.items()}
    fallback = [compiled[i] for i in any_tag]

    def assign(doc: Doc) -> Doc:
        for tok in doc:
            values = {"TAG": tok.tag_, "LOWER": tok.lower_, "DEP": tok.dep_, "IS_SPACE": str(tok.is_space)}
            pos = None
            for tests, p in candidates.get(tok.tag_, fallback):  # a later match overrides, as in the ruler
                if all((values[a] in vals) != neg for a, (neg, vals) in tests.items()):
                    pos = p
            if pos:
                tok.pos_ = pos
        return doc

    return assign
