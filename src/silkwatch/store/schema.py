"""The store's tables (SQLAlchemy Core). Changes to them go through an Alembic migration."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

__all__ = ["metadata", "documents", "claims", "stories", "facts", "fact_claims"]

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
# On PostgreSQL documents also has a generated `search` tsvector (migration 0005), left out here so
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
    Column("story_id", String(32), nullable=False, index=True),
    Column("signature", Text),  # MinHash values as JSON, so a late copy can be matched without re-reading texts
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
)

fact_claims = Table(
    "fact_claims",
    metadata,
    Column("fact_id", String(32), ForeignKey("facts.fact_id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(32), ForeignKey("claims.claim_id", ondelete="CASCADE"), primary_key=True),
    Column("relation", String(16), nullable=False),  # support | conflict
    Index("ix_fact_claims_claim", "claim_id"),
)
