"""Claim extraction: the five kinds of claim, each with the span of its evidence in the cleaned text."""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import logging
import multiprocessing
import os
import signal
import threading
import warnings
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass, field
from datetime import date

from ..link import EntityIndex, entity_index
from ..profile import Profile
from ..records import Claim, Document
from . import commitment, event, quantity, quote, role
from .dates import parse_iso
from .focus import focus_doc
from .model import load_model

__all__ = ["Article", "extract", "extract_documents", "EXTRACTORS"]

log = logging.getLogger(__name__)

# Parsing, measured with bench/throughput.py on 2 cores (dev corpus repeated to 2,000 documents):
# batches of 32 documents, one worker process per core; a known small set of documents is parsed
# in this process, where starting workers would cost more than it saves.
PARSE_BATCH = 32
PARSE_PROCESSES = max(1, min(2, os.cpu_count() or 1))
PARALLEL_MIN = 200

EXTRACTORS = {
    "quantity": quantity.extract,
    "event": event.extract,
    "quote": quote.extract,
    "role": role.extract,
    "commitment": commitment.extract,
}


@dataclass
class Article:
    """One document as the extractors see it: its parse, its publication date and the profile's names."""

    document: Document
    doc: object  # spacy.tokens.Doc over document.text
    profile: Profile
    entities: EntityIndex
    published: date | None = None
    notes: dict = field(default_factory=dict)  # what one extractor learns for another (speakers, events)

    @property
    def text(self) -> str:
        return self.document.text

    def claim(self, kind: str, start: int, end: int, /, **fields) -> Claim:
        """A claim of this document whose evidence is text[start:end] (white space at either end left out)."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Claim(doc_id=self.document.doc_id, kind=kind, span=(start, end), evidence=self.text[start:end], **fields)


def _extract_parsed(document: Document, doc, profile: Profile) -> list[Claim]:
    art = Article(document=document, doc=doc, profile=profile, entities=entity_index(profile), published=parse_iso(document.published))
    out: list[Claim] = []
    for kind, fn in EXTRACTORS.items():
        try:
            out.extend(fn(art))
        except Exception:  # one extractor's bug must not lose the document or the other kinds
            log.exception("%s: %s extraction failed", document.doc_id, kind)
    return _unique(out)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out


def extract(document: Document, profile: Profile) -> list[Claim]:
    """Every claim in one document (English only; other languages give none)."""
    return next(extract_documents([document], profile))[1]


def extract_documents(
    documents: Iterable[Document],
    profile: Profile,
    batch_size: int = PARSE_BATCH,
    n_process: int | None = None,
    focus: bool | None = None,
) -> Iterator[tuple[Document, list[Claim]]]:
    """Claims for each document, in input order, parsing the stream of documents with the model.

    Only English documents are parsed, and of those only the sentences that can hold a claim
    (focus.py); with n_process > 1 the model runs in worker processes while this one extracts.
    """
    if focus is None:  # SILKWATCH_FOCUS=0 parses whole texts, to compare scores with and without the pre-filter
        focus = os.environ.get("SILKWATCH_FOCUS", "1") != "0"
    if n_process is None:
        small = isinstance(documents, Sized) and len(documents) < PARALLEL_MIN
        n_process = 1 if small else PARSE_PROCESSES
    if n_process > 1:
        _guard_workers()

    def inputs():
        for d in documents:
            english = (d.lang or "en") == "en"
            # A non-English document goes through as an empty text, which keeps the order for free.
            yield (focus_doc(load_model(), d.text, profile) if focus else d.text) if english else "", (d, english)

    stream = iter(inputs())
    first = next(stream, None)
    if first is None:
        return
    nlp = load_model()
    others = set(multiprocessing.active_children())
    parsed = nlp.pipe(itertools.chain([first], stream), as_tuples=True, batch_size=batch_size, n_process=n_process)
    done = False
    try:
        with _workers_stop_on_ctrl_c(n_process > 1, others):
            for doc, (d, english) in parsed:
                yield d, (_extract_parsed(d, doc, profile) if english else [])
        done = True
    finally:
        with warnings.catch_warnings():
            if not done and n_process > 1:  # stopped early (an error, Ctrl-C, the caller gave up)
                _stop_workers(others)
                warnings.filterwarnings("ignore", message=r"\[W127\]")  # "not all workers completed": we ended them
            parsed.close()


def _stop_workers(others: set) -> None:
    """End the parse workers: on an early stop spaCy would wait for them, and they for it, forever."""
    for p in set(multiprocessing.active_children()) - others:
        p.terminate()


@contextlib.contextmanager
def _workers_stop_on_ctrl_c(active: bool, others: set):
    """On Ctrl-C, end the parse workers before anything else."""
    if not active or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        _stop_workers(others)
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


_guarded = False


def _guard_workers() -> None:
    """Make forked parse workers ignore Ctrl-C (the parent handles it) and die with their parent."""
    global _guarded
    if _guarded or not hasattr(os, "register_at_fork"):
        return
    _guarded = True

    def in_child() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:  # Linux: a SIGKILLed ingest must not leave workers waiting for texts forever
            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    os.register_at_fork(after_in_child=in_child)
