"""The claims store: SQLAlchemy tables, Alembic migrations, and a small repository API.

`open_store(url)` returns a migrated engine; `attrition.store.repository` reads and writes.
See docs/store.md for the schema.
"""

from attrition.store.db import DEFAULT_DB, migrate, open_store, resolve_url
from attrition.store.errors import StoreError
from attrition.store.tables import metadata

__all__ = ["DEFAULT_DB", "StoreError", "metadata", "migrate", "open_store", "resolve_url"]
