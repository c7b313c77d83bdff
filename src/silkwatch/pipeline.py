"""Ingest: read → clean → extract → store, one stream of documents written in batches so memory stays flat."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .clean import clean
from .dedup import assign_missing_stories, assign_stories
from .reconcile import update_facts
from .errors import InputError
from .extract import extract_documents
from .langid import EXTRACTED_LANGUAGES
from .profile import Profile
from .records import Claim, Document, RawArticle
from .sources import read_sources
from .store import Store

__all__ = ["ingest", "ingest_articles", "IngestReport", "BATCH_SIZE"]

log = logging.getLogger(__name__)

# What extracts claims from a stream of documents, in order (see silkwatch.runner).
Runner = Callable[[Iterable[Document], Profile], Iterator[tuple[Document, list[Claim]]]]

# Documents per transaction: large enough to amortise commits, small enough that an
# interrupted ingest loses little work.
BATCH_SIZE = 64


@dataclass
class IngestReport:
    """What one ingest did: counts and one InputError per failed file or line."""

    read: int = 0
    stored: int = 0
    known: int = 0
    failed: int = 0
    claims: int = 0
    other_language: int = 0  # stored documents in a language no claims are extracted from
    facts: int = 0  # facts rewritten because their claims changed
    failures: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        other = f", {self.other_language} not in a language we extract" if self.other_language else ""
        return f"read {self.read}, stored {self.stored}, already known {self.known}, failed {self.failed} ({self.claims} claims extracted{other})"


def ingest(
    paths: Iterable[str],
    store: Store,
    profile: Profile,
    on_progress: Callable[[int], None] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    batch_size: int = BATCH_SIZE,
    runner: Runner | None = None,
) -> IngestReport:
    """Ingest every article under the paths; failures are reported per input and the rest goes on."""
    return ingest_articles(read_sources(paths), store, profile, on_progress, on_failure, batch_size, runner)


def ingest_articles(
    items: Iterable[RawArticle | InputError],
    store: Store,
    profile: Profile,
    on_progress: Callable[[int], None] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    batch_size: int = BATCH_SIZE,
    runner: Runner | None = None,
) -> IngestReport:
    """Ingest a stream of read articles (from files, a WARC archive or a live source), as ingest() does.

    runner turns the stream of documents into (document, claims) pairs in order: by default this
    process and its forked workers (extract_documents), or a Ray cluster (runner.ray_runner)."""
    report = IngestReport()

    def fail(e: InputError) -> None:
        report.failed += 1
        report.failures.append(e)
        log.warning("%s", e)
        if on_failure:
            on_failure(e)

    def progress(n: int) -> None:
        if on_progress and n:
            on_progress(n)

    def unknown(chunk: list[Document]) -> Iterator[Document]:
        known = store.known_hashes([d.doc_id for d in chunk])
        n_known = 0
        for d in chunk:
            if known.get(d.doc_id) == d.content_hash:
                n_known += 1
            else:
                yield d
        report.known += n_known
        progress(n_known)

    def fresh_documents() -> Iterator[Document]:
        """Cleaned documents the store does not hold in this version, checked a chunk at a time."""
        chunk: list[Document] = []
        seen_in_run: dict[str, str] = {}
        for item in items:
            if isinstance(item, InputError):
                fail(item)
                continue
            report.read += 1
            try:
                doc = clean(item, profile)
            except InputError as e:
                fail(e)
                continue
            h = doc.content_hash
            if seen_in_run.get(doc.doc_id) == h:
                report.known += 1
                progress(1)
                continue
            seen_in_run[doc.doc_id] = h
            chunk.append(doc)
            if len(chunk) >= batch_size:
                yield from unknown(chunk)
                chunk = []
        yield from unknown(chunk)

    def write(pending: list[tuple[Document, list[Claim]]]) -> None:
        # A changed copy of a document later in the same batch replaces the earlier one.
        batch = list({d.doc_id: (d, cs) for d, cs in pending}.values())
        report.known += len(pending) - len(batch)
        report.claims += sum(len(cs) for _, cs in batch)
        report.other_language += sum(1 for d, _ in batch if d.lang not in EXTRACTED_LANGUAGES)
        report.stored += store.write_documents(batch)
        assign_stories(store, [d for d, _ in batch])
        progress(len(pending))

    pending: list[tuple[Document, list[Claim]]] = []
    for result in (runner or extract_documents)(fresh_documents(), profile):
        pending.append(result)
        if len(pending) >= batch_size:
            write(pending)
            pending = []
    if pending:
        write(pending)
    # Once per run, and also after an interrupted run: stories and facts catch up with what is stored.
    assign_missing_stories(store)
    report.facts = update_facts(store)
    return report
