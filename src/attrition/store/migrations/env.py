"""Alembic environment: runs migrations on the connection `attrition.store.db` hands over.

The store migrates itself on open (`open_store`), so there is no alembic.ini to keep in sync
with a database URL; `alembic -c src/attrition/store/migrations/alembic.ini` also works for
hand-written revisions, with the URL from `ATTRITION_DB`.
"""

from __future__ import annotations

import contextlib
import importlib

from alembic import context
from sqlalchemy import Connection, create_engine

from attrition.store.tables import metadata

with contextlib.suppress(ImportError):  # the reconcile tables share the metadata when present
    importlib.import_module("attrition.store.tables_reconcile")
with contextlib.suppress(ImportError):  # so do the overlay tables
    importlib.import_module("attrition.store.tables_overlay")
with contextlib.suppress(ImportError):  # and the stored findings
    importlib.import_module("attrition.store.tables_checks")

config = context.config
target_metadata = metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from attrition.store.db import resolve_url

    engine = create_engine(resolve_url(None))
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    from attrition.store.db import resolve_url

    context.configure(url=resolve_url(None), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
