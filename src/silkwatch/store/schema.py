"""The store's tables (SQLAlchemy Core). Changes to them go through an Alembic migration."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

__all__ = ["metadata", "documents", "claims", "stories", "story_traits", "facts", "fact_claims", "sources", "fetched_urls"]

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("content_hash", String(32), nullable=False, index=True),
    Column("url", Text),
    Column("outlet", String(255), index=True),
    Column("published", String(10), index=True),
    Column("title", Text),
    Column("lang", String(16)),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("extractor", String(32)),  # the extractor version that made its claims; NULL: before versions were kept
)
# On PostgreSQL documents also has a generated `search` tsvector (migration 0008), left out here so
# that no query reads it by accident.

claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("doc_id", String(255), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False, index=True),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("indicator", String(64), index=True),
    Column("period", String(32)),
    Column("speaker", String(255), index=True),
    Column("person", String(255), index=True),
    Column("data", Text, nullable=False),  # the claim in the exchange shape, as JSON
)

stories = Table(
    "stories",
    metadata,
    Column("doc_id", String(255), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(32), nullable=False, index=True),  # the news event it reports, in any language
    Column("copy_id", String(32), nullable=False, index=True),  # the documents derived from one report: one source
    Column("signature", Text),  # MinHash values as JSON, so a late copy can be matched without re-reading texts
)

# What each document tells about its news event (silkwatch.story_traits), kept so that a late report is
# compared with the stored ones without re-reading or re-embedding them.
story_traits = Table(
    "story_traits",
    metadata,
    Column("doc_id", String(255), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("day", String(10), index=True),
    Column("vector", LargeBinary, nullable=False),  # the lead's vector, float16
    Column("data", Text, nullable=False),
)

facts = Table(
    "facts",
    metadata,
    Column("fact_id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False, index=True),
    Column("indicator", String(64), index=True),
    Column("rank", String(16), nullable=False, index=True),
    Column("n_sources", Integer, nullable=False),
    Column("period", String(32), index=True),
    Column("date", String(10), index=True),
    Column("value", Float),
    Column("data", Text, nullable=False),  # the whole fact as JSON
    Column("parties", String(255), index=True),  # ",C5,CN," so that LIKE '%,KZ,%' filters by party
    Column("label", Text),
    Column("outlets", Text),  # ",outlet1,outlet2,"
    Column("made_at", Text),  # commitments: the meeting they were made at, "summit Xi'an 2023-05-18"
)

fact_claims = Table(
    "fact_claims",
    metadata,
    Column("fact_id", String(32), ForeignKey("facts.fact_id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(32), ForeignKey("claims.claim_id", ondelete="CASCADE"), primary_key=True),
    Column("relation", String(16), nullable=False),  # support | conflict
    Index("ix_fact_claims_claim", "claim_id"),
)

# Live sources (silkwatch watch): each polled listing's schedule and tallies, and each article URL
# fetched, with the validators that make the next fetch conditional.
sources = Table(
    "sources",
    metadata,
    Column("name", String(255), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("url", Text, nullable=False),
    Column("last_poll", String(32)),
    Column("next_poll", String(32)),
    Column("polls", Integer, nullable=False, default=0),
    Column("articles", Integer, nullable=False, default=0),  # new or changed articles stored from it
    Column("errors", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("etag", Text),
    Column("last_modified", Text),
)

fetched_urls = Table(
    "fetched_urls",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("source", String(255), nullable=False, index=True),
    Column("doc_id", String(255)),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("listed_update", Text),  # what the listing said of the article's last change when we fetched it
    Column("status", String(16), nullable=False),  # stored | unchanged | failed | gone (404/410: not asked again)
    Column("error", Text),
    Column("fetched_at", String(32), nullable=False),
)
