"""Claim extraction: the five kinds of claim, each with the span of its evidence in the cleaned text."""

from __future__ import annotations

import collections
import contextlib
import ctypes
import itertools
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date

from ..errors import ModelError
from ..link import EntityIndex, entity_index
from ..profile import Profile
from ..records import Claim, Document, claim_at
from . import commitment, event, quantity, quote, role
from .attribution import with_sources
from .dates import parse_iso
from .focus import focus_doc
from .model import load_model
from .traits import StoryTraits, load_encoder, story_traits_batch

__all__ = ["Article", "extract", "extract_documents", "extract_batch", "EXTRACTORS", "PARSE_BATCH", "EXTRACTOR_VERSION",
           "ExtractorFailure"]

log = logging.getLogger(__name__)

# Measured with bench/throughput.py on 2 cores (dev corpus repeated to 2,000 documents): batches
# of 32 documents, one worker process per core that parses and extracts; a known small set of
# documents is handled in this process, where starting workers would cost more than it saves.
PARSE_BATCH = 32
PARSE_PROCESSES = max(1, min(2, os.cpu_count() or 1))
PARALLEL_MIN = 200

# Bump whenever a change to extraction can change the claims of a document: stored documents whose
# claims came from another version are re-extracted when ingested again (and by `silkwatch reextract`).
EXTRACTOR_VERSION = "2026.12.03.3"

EXTRACTORS = {
    "quantity": quantity.extract,
    "event": event.extract,
    "quote": quote.extract,
    "role": role.extract,
    "commitment": commitment.extract,
}


@dataclass(frozen=True)
class ExtractorFailure:
    """One extractor raised on one document: that kind's claims of it are missing."""

    doc_id: str
    kind: str
    error: str


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
        return claim_at(self.document, kind, start, end, **fields)


def _extract_parsed(document: Document, doc, profile: Profile) -> tuple[list[Claim], list[ExtractorFailure]]:
    art = Article(document=document, doc=doc, profile=profile, entities=entity_index(profile), published=parse_iso(document.published))
    out: list[Claim] = []
    failures: list[ExtractorFailure] = []
    for kind, fn in EXTRACTORS.items():
        try:
            out.extend(fn(art))
        except Exception as e:  # one extractor's bug must not lose the document or the other kinds; the caller counts it
            log.exception("%s: %s extraction failed", document.doc_id, kind)
            failures.append(ExtractorFailure(document.doc_id, kind, f"{type(e).__name__}: {e}"))
    return _unique(with_sources(art, out)), failures


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out


def extract(document: Document, profile: Profile) -> list[Claim]:
    """Every claim in one document (English and Russian; other languages give none)."""
    return next(extract_documents([document], profile))[1]


def extract_documents(
    documents: Iterable[Document],
    profile: Profile,
    batch_size: int = PARSE_BATCH,
    n_process: int | None = None,
    focus: bool | None = None,
    on_failure: Callable[[ExtractorFailure], None] | None = None,
    traits: bool = False,
) -> Iterator[tuple]:
    """(document, claims) for each document, in input order (with traits, (document, claims, story traits)), parsing the stream of documents with the model.

    English documents are parsed by spaCy, only the sentences that can hold a claim (focus.py);
    Russian ones by natasha (extract/ru); other languages give no claims. With n_process > 1, worker processes parse and extract whole batches and send
    back only the claims; at most two batches per worker are in flight, so memory stays flat.
    Each extractor that raises on a document is logged and given to on_failure.
    """
    if focus is None:  # SILKWATCH_FOCUS=0 parses whole texts, to compare scores with and without the pre-filter
        focus = os.environ.get("SILKWATCH_FOCUS", "1") != "0"
    if n_process is None:
        small = isinstance(documents, Sized) and len(documents) < PARALLEL_MIN
        n_process = 1 if small else PARSE_PROCESSES
    batches = _batches(iter(documents), batch_size)
    if n_process <= 1:
        for batch in batches:
            yield from _report(batch, _extract_batch(batch, profile, focus, traits), on_failure, traits)
        return
    yield from _parallel(batches, profile, focus, n_process, on_failure, traits)


def _report(batch: list[Document], results, on_failure, traits: bool) -> Iterator[tuple]:
    """Each document with its claims (and story traits), its extractor failures handed to on_failure first."""
    for d, (claims, failures, story) in zip(batch, results):
        if on_failure:
            for f in failures:
                on_failure(f)
        yield (d, claims, story) if traits else (d, claims)


def _batches(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(itertools.islice(documents, size)):
        yield batch


def extract_batch(batch: list[Document], profile: Profile, focus: bool | None = None,
                  traits: bool = False) -> list[tuple[list[Claim], list[ExtractorFailure], StoryTraits | None]]:
    """The claims, extractor failures and (with traits) story traits of each document of a batch, parsed in this
    process (no claims for a language not read)."""
    if focus is None:
        focus = os.environ.get("SILKWATCH_FOCUS", "1") != "0"
    return _extract_batch(batch, profile, focus, traits)


def _extract_batch(batch: list[Document], profile: Profile, focus: bool,
                   traits: bool = False) -> list[tuple[list[Claim], list[ExtractorFailure], StoryTraits | None]]:
    """The claims and extractor failures of each document of a batch: English through spaCy, Russian
    through natasha, none for other languages."""
    results: dict[int, tuple[list[Claim], list[ExtractorFailure]]] = {}
    english = [d for d in batch if (d.lang or "en") == "en"]
    if english:
        nlp = load_model()
        inputs = [focus_doc(nlp, d.text, profile) if focus else d.text for d in english]
        results.update({id(d): _extract_parsed(d, doc, profile) for d, doc in zip(english, nlp.pipe(inputs, batch_size=len(batch) or 1))})
    for d in batch:
        if d.lang == "ru":
            results[id(d)] = _extract_russian(d, profile)
    out = [results.get(id(d), ([], [])) for d in batch]
    # The story traits embed each lead: here, in the workers, rather than in the process that writes.
    stories = story_traits_batch(batch, [claims for claims, _ in out], profile) if traits else [None] * len(out)
    return [(claims, failures, t) for (claims, failures), t in zip(out, stories)]


def _extract_russian(document: Document, profile: Profile) -> tuple[list[Claim], list[ExtractorFailure]]:
    from . import ru  # natasha loads only when a Russian document comes

    try:
        return ru.extract(document, profile), []
    except ModelError:
        raise
    except Exception as e:  # a parse failure on one text must not stop the batch; the caller counts it
        log.exception("%s: Russian extraction failed", document.doc_id)
        return [], [ExtractorFailure(document.doc_id, "all", f"{type(e).__name__}: {e}")]


_worker: dict = {}


def _start_worker(profile: Profile, focus: bool, traits: bool) -> None:
    _worker.update(profile=profile, focus=focus, traits=traits)


def _work(batch: list[Document]) -> list[tuple[list[Claim], list[ExtractorFailure], StoryTraits | None]]:
    return _extract_batch(batch, _worker["profile"], _worker["focus"], _worker["traits"])


def _parallel(batches: Iterator[list[Document]], profile: Profile, focus: bool, n_process: int,
              on_failure: Callable[[ExtractorFailure], None] | None, traits: bool) -> Iterator[tuple]:
    load_model()  # loaded once here, shared with the forked workers
    if traits:
        load_encoder()
    _guard_workers()
    pool = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker, initargs=(profile, focus, traits))
    in_flight: collections.deque = collections.deque()
    done = False
    try:
        with _workers_stop_on_ctrl_c(pool):
            for batch in batches:
                in_flight.append((batch, pool.submit(_work, batch)))
                while len(in_flight) >= 2 * n_process:
                    yield from _finish(in_flight.popleft(), on_failure, traits)
            while in_flight:
                yield from _finish(in_flight.popleft(), on_failure, traits)
        done = True
    finally:
        if done:
            pool.shutdown()
        else:  # stopped early (an error, Ctrl-C, the caller gave up): end the workers now
            _stop_workers(pool)


def _finish(item, on_failure, traits: bool) -> Iterator[tuple]:
    batch, future = item
    try:
        results = future.result()
    except BrokenProcessPool:
        raise ModelError("a parse worker process died (out of memory?); the documents stored so far are kept") from None
    yield from _report(batch, results, on_failure, traits)


def _worker_processes(pool: ProcessPoolExecutor) -> list:
    try:
        return list((getattr(pool, "_processes", None) or {}).values())
    except RuntimeError:  # the pool's own thread changed the dict meanwhile
        return []


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers at once: waiting would finish every batch already handed to them."""
    processes = _worker_processes(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        p.terminate()
    for p in processes:
        p.join(timeout=5)


@contextlib.contextmanager
def _workers_stop_on_ctrl_c(pool: ProcessPoolExecutor):
    """On Ctrl-C, end the workers before anything else."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        # Only signal the workers here: the interrupted code may hold the pool's locks (inside
        # submit), and shutting the pool down from this handler would wait on them forever. The
        # caller's cleanup shuts the pool down once the KeyboardInterrupt has left that code.
        for p in _worker_processes(pool):
            p.terminate()
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
