"""Copy groups apart from stories: `stories.copy_id` is the group of documents derived from one report.

Until now `story_id` held those near-duplicate groups, so existing rows take copy_id = story_id.
Facts now count independent sources by copy group and outlet, so the stored ones are dropped and
the next `silkwatch ingest` (of anything, even files already stored) computes them again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("copy_id", sa.String(32)))
    op.execute("UPDATE stories SET copy_id = story_id")
    with op.batch_alter_table("stories") as batch:
        batch.alter_column("copy_id", existing_type=sa.String(32), nullable=False)
        batch.create_index("ix_stories_copy_id", ["copy_id"])
    op.execute("DELETE FROM fact_claims")
    op.execute("DELETE FROM facts")


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_index("ix_stories_copy_id")
        batch.drop_column("copy_id")
