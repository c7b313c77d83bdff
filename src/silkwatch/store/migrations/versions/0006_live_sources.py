"""Live sources: the polled listings and the article URLs fetched from them.

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("last_poll", sa.String(32)),
        sa.Column("next_poll", sa.String(32)),
        sa.Column("polls", sa.Integer, nullable=False, server_default="0"),
        sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
    )
    op.create_table(
        "fetched_urls",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("source", sa.String(255), nullable=False, index=True),
        sa.Column("doc_id", sa.String(255)),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("listed_update", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("fetched_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fetched_urls")
    op.drop_table("sources")
