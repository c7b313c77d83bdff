"""The Russian parse: natasha's segmentation (razdel), morphology with lemmas, syntax and names, as plain records."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from ...errors import ModelError

__all__ = ["Token", "Entity", "RuDoc", "parse", "load_natasha", "morph"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Token:
    """One word or mark with its lemma (the dictionary's first reading, lower case), part of speech, features and syntactic head (-1 at a root)."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    feats: dict
    head: int
    rel: str
    sent: int

    def feat(self, name: str) -> str | None:
        return self.feats.get(name)


@dataclass(frozen=True)
class Entity:
    """A name natasha's NER found: PER, LOC or ORG, with its dictionary form."""

    start: int
    end: int
    type: str
    normal: str


@dataclass
class RuDoc:
    """A parsed Russian text: tokens, sentences as (first token, end token) and named entities."""

    text: str
    tokens: list[Token]
    sents: list[tuple[int, int]]
    ents: list[Entity]

    def sent_tokens(self, n: int) -> list[Token]:
        a, b = self.sents[n]
        return self.tokens[a:b]

    def sent_span(self, n: int) -> tuple[int, int]:
        a, b = self.sents[n]
        return self.tokens[a].start, self.tokens[b - 1].end

    def children(self, tok: Token) -> list[Token]:
        a, b = self.sents[tok.sent]
        return [t for t in self.tokens[a:b] if t.head == tok.i]

    def token_at(self, offset: int) -> Token | None:
        for t in self.tokens:
            if t.start <= offset < t.end:
                return t
        return None


@lru_cache(maxsize=1)
def load_natasha():
    """natasha's models (embeddings, morphology, syntax, NER) from the installed wheels, loaded once per process."""
    try:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    except ImportError as e:  # pragma: no cover - a broken install
        raise ModelError(f"natasha is not installed ({e}); run: pip install -e .") from None
    from threadpoolctl import threadpool_limits

    # slovnet's matrices are small: OpenBLAS threads spent more time handing work over than computing it
    # (measured 0.5 s -> 27 ms per article on two busy cores). Parse workers are one per core anyway.
    threadpool_limits(limits=1, user_api="blas")
    emb = NewsEmbedding()
    return Segmenter(), MorphVocab(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)


def morph():
    """natasha's pymorphy2 dictionary (cached parses), for lemmas of words outside a parse."""
    return load_natasha()[1]


@lru_cache(maxsize=50000)
def _lemma(vocab, word: str) -> str:
    # the dictionary's first reading: natasha's own lemmatizer, which picks the reading that fits the
    # tagger's features, took a fifth of the parse time, and the rules match words by all their readings anyway
    parses = vocab(word.lower())
    return parses[0].normal if parses else word.lower()


def parse(text: str) -> RuDoc:
    """Segment, tag, parse and find the names of a Russian text, in one pass of each model.

    A sentence ends at a line break: a headline, caption or list item run into the next line's
    sentence had its words taken for the subject of that sentence's verb.
    """
    from natasha import Doc
    from natasha.doc import DocSent, adapt_token

    segmenter, vocab, tagger, parser, ner = load_natasha()
    doc = Doc(text)
    doc.tokens = [adapt_token(t) for t in segmenter.tokenize(text)]
    doc.sents = [DocSent(line.start() + s.start, line.start() + s.stop, s.text)
                 for line in re.finditer(r"[^\n]+", text) for s in segmenter.sentenize(line.group()) if s.text.strip()]
    doc.envelop_sent_tokens()
    doc.sents = [s for s in doc.sents if s.tokens]
    doc.tag_morph(tagger)
    doc.parse_syntax(parser)
    doc.tag_ner(ner)
    tokens: list[Token] = []
    sents: list[tuple[int, int]] = []
    for sent in doc.sents:
        first = len(tokens)
        ids = {t.id: first + k for k, t in enumerate(sent.tokens)}
        for t in sent.tokens:
            tokens.append(Token(
                i=len(tokens), text=t.text, start=t.start, end=t.stop, lemma=_lemma(vocab, t.text),
                pos=t.pos or "X", feats=dict(t.feats or {}), head=ids.get(t.head_id, -1), rel=t.rel or "", sent=len(sents),
            ))
        sents.append((first, len(tokens)))
    ents = []
    for span in doc.spans:
        span.normalize(vocab)
        ents.append(Entity(span.start, span.stop, span.type, span.normal or span.text))
    return RuDoc(text=text, tokens=tokens, sents=sents, ents=ents)
