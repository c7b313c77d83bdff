"""Facts carry the meeting a commitment was made at (`made_at`), for filtering; facts are recomputed.

Facts computed before this revision have no meeting, date or paired currencies: they are dropped here
and the next `silkwatch ingest` (of anything, even files already stored) computes them again.

Revision ID: 0005_record
Revises: 0006
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_record"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("made_at", sa.Text))
    op.execute("DELETE FROM fact_claims")
    op.execute("DELETE FROM facts")


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("made_at")
