"""Opening the store: URL resolution, SQLite pragmas, and migrations applied on open.

Migrating on open means a user never runs a separate "init" step and an old store is
upgraded the first time a newer Attrition touches it. SQLite gets WAL (readers such as
Datasette do not block an ingest) and enforced foreign keys (off by default in SQLite).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from attrition.store.errors import StoreError, explain, newer_release, store_name, translate_errors
from attrition.store.textfold import detect_icu, register_sqlite

#: The embedded store when neither `--db` nor `ATTRITION_DB` says otherwise.
DEFAULT_DB = "attrition.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def resolve_url(url: str | None) -> str:
    """A SQLAlchemy URL from `--db`, `ATTRITION_DB` or the default `./attrition.db`.

    A bare path means a SQLite file; `postgresql://` URLs use the psycopg 3 driver that
    Attrition installs (SQLAlchemy would otherwise look for psycopg2).
    """
    url = url or os.environ.get("ATTRITION_DB") or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
    register_sqlite(dbapi_connection)


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    cfg.set_main_option("path_separator", "os")
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database at `engine` to `revision` (idempotent).

    A store stamped with a revision this release does not know was made by a newer release:
    that is a `StoreError` saying so, before Alembic is asked to do anything with it.
    """
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    with engine.begin() as conn:
        for current in MigrationContext.configure(conn).get_current_heads():
            try:
                known = script.get_revision(current)
            except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
                known = None
            if known is None:
                raise newer_release(engine.url.render_as_string(hide_password=True), current)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def refresh_statistics(engine: Engine) -> None:
    """Give SQLite's query planner the store's statistics (`ANALYZE`, sampled so it stays fast).

    Without them SQLite guesses table sizes and may sort every claim for the newest page instead
    of walking the date index. PostgreSQL keeps its own statistics (autovacuum), so this is SQLite's.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")


def open_store(url: str | None = None, *, upgrade: bool = True) -> Engine:
    """An engine on the store at `url` (see `resolve_url`), migrated to the newest schema.

    A store that cannot be opened or migrated (server down, read-only and not yet migrated, made
    by a newer release, disk full) raises `StoreError` with one line naming it.
    """
    resolved = resolve_url(url)
    try:
        if resolved.startswith("sqlite"):
            engine = create_engine(resolved)
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(resolved, pool_pre_ping=True)
            if engine.dialect.name == "postgresql":
                detect_icu(engine)
    except (SQLAlchemyError, ImportError, ValueError) as exc:  # unknown dialect, missing driver, bad port
        raise StoreError(
            f"cannot use the store URL {store_name(resolved)} ({type(exc).__name__}: {str(exc).splitlines()[0]}): "
            "a store is a SQLite path or a postgresql://user@host:port/database URL"
        ) from None
    translate_errors(engine, resolved)
    if upgrade:
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as exc:
            engine.dispose()
            raise (explain(exc, resolved) or StoreError(f"the store {store_name(resolved)} failed: {exc}")) from exc
    return engine
