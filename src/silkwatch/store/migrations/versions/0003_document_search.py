"""Full-text search over documents (SQLite FTS5, kept in step with the documents table by triggers).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL has its own full-text search (0008)
    op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')")
    op.execute("INSERT INTO documents_fts(doc_id, title, text) SELECT doc_id, coalesce(title, ''), text FROM documents")
    op.execute("CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
               "INSERT INTO documents_fts(doc_id, title, text) VALUES (new.doc_id, coalesce(new.title, ''), new.text); END")
    op.execute("CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
               "DELETE FROM documents_fts WHERE doc_id = old.doc_id; END")
    op.execute("CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN "
               "DELETE FROM documents_fts WHERE doc_id = old.doc_id; "
               "INSERT INTO documents_fts(doc_id, title, text) VALUES (new.doc_id, coalesce(new.title, ''), new.text); END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for t in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {t}")
    op.execute("DROP TABLE IF EXISTS documents_fts")
