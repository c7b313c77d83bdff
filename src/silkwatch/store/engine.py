"""Connections to the store: SQLite or PostgreSQL engines, the writers' lock, migrations and URLs safe to print."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError

__all__ = ["DEFAULT_DB_URL", "MIGRATIONS", "BUSY_TIMEOUT_MS", "connect", "open_engine", "migrate", "head_revision", "writing", "redact"]

DEFAULT_DB_URL = "sqlite:///silkwatch.db"
MIGRATIONS = Path(__file__).parent / "migrations"
# How long a writer waits for another writer's transaction on SQLite. Readers never wait (WAL);
# a writer waits rather than fails, and the longest transaction is one facts update.
BUSY_TIMEOUT_MS = 600_000
# Every write transaction on PostgreSQL first takes this transaction-scoped advisory lock, so
# writers (two ingests, an ingest and the API) run one after the other and each sees what the
# previous one committed; readers take no lock.
PG_WRITE_LOCK = 0x5117_7A7C
_WRITE = "silkwatch_write"


def redact(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - an unparseable URL is redacted by pattern instead
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
    return parsed.render_as_string(hide_password=True)


def _scrub(message: str, url: str) -> str:
    """A driver's message with the URL's password taken out wherever it appears."""
    try:
        password = make_url(url).password
    except Exception:  # noqa: BLE001
        m = re.search(r"://[^:/@]*:([^@]*)@", url)
        password = m.group(1) if m else None
    message = message.replace(url, redact(url))
    return message.replace(password, "***") if password else message


def _sqlite_connect(dbapi_conn, _record) -> None:
    # The driver opens no transactions of its own: we do, so that a read sees one snapshot and a
    # write takes the write lock at BEGIN (see _sqlite_begin), not at its first INSERT.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # The timeout first: switching a new file to WAL needs a lock another process may hold.
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL keeps readers (the web server) going while an ingest writes; foreign keys make
    # deleting a document delete its claims.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock now: a writer that read under a deferred BEGIN and then
    # wrote could act on a snapshot another writer had changed meanwhile.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def connect(url: str) -> Engine:
    """An engine for the URL with silkwatch's connection settings; a StoreError (password redacted) if unusable."""
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ValueError, ImportError) as e:
        hint = " (for PostgreSQL: pip install 'silkwatch[postgres]' and a postgresql+psycopg:// URL)" if isinstance(e, ImportError) else ""
        raise StoreError(f"cannot use database URL {redact(url)!r}: {_scrub(str(e), url)}{hint}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def writing(engine: Engine):
    """A write transaction that holds the store's writer lock until it commits or rolls back."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
            yield conn


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest migration's revision id."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def _current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the store's schema up to the newest migration, under the writer lock.

    Two processes opening a new store at once: one migrates, the other waits for the lock and
    then finds the schema current. A store already at the newest revision takes no lock.
    """
    from alembic import command

    if _current_revision(engine) == head_revision():
        return
    cfg = _config()
    with writing(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_engine(url: str) -> Engine:
    """connect() and migrate(), with any database error turned into a StoreError that names the redacted URL."""
    from alembic.util import CommandError

    engine = connect(url)
    try:
        migrate(engine)
    except CommandError as e:  # e.g. a store migrated by a newer silkwatch than this one
        engine.dispose()
        raise StoreError(f"cannot open store {redact(url)!r}: its schema is unknown to this version of silkwatch ({e})") from None
    except SQLAlchemyError as e:
        engine.dispose()
        detail = " ".join(_scrub(str(getattr(e, "orig", None) or e), url).split())  # one line, as every error message
        raise StoreError(f"cannot open store {redact(url)!r}: {e.__class__.__name__}: {detail}") from None
    return engine
