"""`attrition serve`: the REST API and the dashboard over a store, on 127.0.0.1 by default.

The store is opened (and migrated) before the server starts, so a wrong URL or an
unreachable database is one line on stderr and exit status 2, not a traceback per request.
Clusters are rebuilt once at start (they are derived data) unless `--no-reconcile`.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from attrition.cli import app


def _fail(message: str) -> None:
    typer.echo(f"attrition serve: {message}", err=True)
    raise typer.Exit(2)


@app.command("serve")
def serve_command(
    db: str | None = typer.Option(
        None, "--db", help="Store URL or SQLite path \\[default: $ATTRITION_DB or ./attrition.db]."
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; other than loopback only on purpose."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port."),
    write_token: str | None = typer.Option(
        None,
        "--write-token",
        envvar="ATTRITION_WRITE_TOKEN",
        show_envvar=True,
        help="Enable writes (ingest a URL, review findings, annotate claims) for requests bearing this token.",
    ),  # fmt: skip
    reconcile_first: bool = typer.Option(True, "--reconcile/--no-reconcile", help="Rebuild clusters at start."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let API ingests fetch private addresses."),
) -> None:
    """Serve the JSON API (/api, /openapi.json) and the web dashboard over the store."""
    from sqlalchemy.exc import SQLAlchemyError

    from attrition.output.safe import printable
    from attrition.store import StoreError, open_store, resolve_url
    from attrition.store.db import refresh_statistics

    url = resolve_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            _fail(f"no store at {path} (run `attrition ingest` first, or pass --db)")
    if write_token is not None and len(write_token) < 16:
        _fail("--write-token must be at least 16 characters")
    try:
        engine = open_store(db)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except StoreError as exc:
        _fail(printable(exc))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
        _fail(f"cannot open the store {engine_name(url)}: {reason[0] if reason else type(exc).__name__}")
    if reconcile_first:
        from attrition.reconcile.storeio import reconcile

        result = reconcile(engine)
        typer.echo(f"clusters: {result.clusters} ({result.statements} statements rebuilt)", err=True)
    refresh_statistics(engine)
    import uvicorn

    from attrition.web import create_app

    web = create_app(engine, write_token=write_token, allow_private=allow_private)
    mode = "writes enabled with the token" if write_token else "read-only"
    typer.echo(f"Attrition on http://{host}:{port}/ ({mode}); API at /api, schema at /openapi.json", err=True)
    uvicorn.run(web, host=host, port=port, log_level=os.environ.get("ATTRITION_LOG_LEVEL", "warning"))


def engine_name(url: str) -> str:
    """The store URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as given
        return url
