"""Documents record the extractor version that made their claims, so a newer extractor re-extracts them.

Revision ID: 0007
Revises: 0005_record
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005_record"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("extractor", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("extractor")
