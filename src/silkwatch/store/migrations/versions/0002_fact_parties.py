"""Facts carry their parties, a label and their outlets, for filtering and facets.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("parties", sa.String(255)))
        batch.add_column(sa.Column("label", sa.Text))
        batch.add_column(sa.Column("outlets", sa.Text))
    op.create_index("ix_facts_parties", "facts", ["parties"])


def downgrade() -> None:
    op.drop_index("ix_facts_parties", "facts")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("outlets")
        batch.drop_column("label")
        batch.drop_column("parties")
