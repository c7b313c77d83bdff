"""Story traits: each document's news day, anchors and lead vector, for grouping reports of one event into stories.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_traits",
        sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("day", sa.String(10), index=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_traits")
