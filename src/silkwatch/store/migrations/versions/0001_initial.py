"""Documents, claims, stories and facts.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(255), primary_key=True),
        sa.Column("content_hash", sa.String(32), nullable=False, index=True),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(255), index=True),
        sa.Column("published", sa.String(10), index=True),
        sa.Column("title", sa.Text),
        sa.Column("lang", sa.String(16)),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(32), primary_key=True),
        sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False, index=True),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("indicator", sa.String(64), index=True),
        sa.Column("period", sa.String(32)),
        sa.Column("speaker", sa.String(255), index=True),
        sa.Column("person", sa.String(255), index=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("story_id", sa.String(32), nullable=False, index=True),
        sa.Column("signature", sa.Text),
    )
    op.create_table(
        "facts",
        sa.Column("fact_id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False, index=True),
        sa.Column("indicator", sa.String(64), index=True),
        sa.Column("rank", sa.String(16), nullable=False, index=True),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("period", sa.String(32), index=True),
        sa.Column("date", sa.String(10), index=True),
        sa.Column("value", sa.Float),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "fact_claims",
        sa.Column("fact_id", sa.String(32), sa.ForeignKey("facts.fact_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("claim_id", sa.String(32), sa.ForeignKey("claims.claim_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("relation", sa.String(16), nullable=False),
    )
    op.create_index("ix_fact_claims_claim", "fact_claims", ["claim_id"])


def downgrade() -> None:
    for t in ("fact_claims", "facts", "stories", "claims", "documents"):
        op.drop_table(t)
