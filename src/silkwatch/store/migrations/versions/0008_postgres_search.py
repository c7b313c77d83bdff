"""Full-text search on PostgreSQL: a generated tsvector of title and text with a GIN index (SQLite has FTS5, 0003).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The 'simple' configuration: no stemming and no stop words, like SQLite's unicode61 tokenizer, and
# it reads Russian as well as English. The text is cut where a tsvector could outgrow its 1 MB limit.
VECTOR = ("setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
          "setweight(to_tsvector('simple', left(text, 200000)), 'B')")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS ({VECTOR}) STORED")
    op.execute("CREATE INDEX ix_documents_search ON documents USING gin (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_documents_search")
    op.execute("ALTER TABLE documents DROP COLUMN IF EXISTS search")
