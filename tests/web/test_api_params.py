"""Parameters: the CLI's filters are all in the API, language filters, and no input is a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from web_store import Spec, add_article

from attrition.cli import app, load_commands

HOSTILE = ["", "x" * 500, "-1", "1e309", "99999999999999999999", "%_'; DROP TABLE claims;--",
           "<script>alert(1)</script>", "2024-02-30", "\u202e\u0000", "ВТРАТИ☃"]  # fmt: skip


def test_the_cli_claims_filters_are_all_api_parameters(client: TestClient) -> None:
    load_commands("claims")
    command = typer.main.get_command(app).get_command(None, "claims")  # type: ignore[union-attr, arg-type]
    cli = {p.name for p in command.params} - {"fmt", "output", "db", "wide", "clusters", "claim_id"}
    assert {"claimant", "subject", "period_from", "lang", "cluster"} <= cli
    spec = client.get("/openapi.json").json()["paths"]["/api/claims"]["get"]
    api = {p["name"] for p in spec["parameters"]}
    assert cli <= api, cli - api
    assert {"q", "period_from", "period_to", "lang", "cursor", "format"} <= api


def test_language_filter(client: TestClient, web_engine: Engine) -> None:
    add_article(web_engine, "uk-bulletin", date(2024, 6, 7), "Ukrinform",
                ["Сили оборони знищили 12 танків за добу."],
                [(0, Spec("12", 12, category="tanks", event="lost", start=date(2024, 6, 6),
                          end=date(2024, 6, 6)))])  # fmt: skip
    everything = client.get("/api/claims?limit=500").json()["items"]
    by_lang = {lang: client.get(f"/api/claims?limit=500&lang={lang}").json()["items"] for lang in ("en", "uk")}
    assert [c["doc"] for c in by_lang["uk"]] == ["uk-bulletin"]
    assert len(by_lang["en"]) + len(by_lang["uk"]) == len(everything)
    assert client.get("/api/claims?lang=UK").json()["total"] == 1
    assert client.get("/api/documents?lang=uk").json()["total"] == 1
    assert client.get("/api/claims?lang=english").status_code == 422


def _routes(client: TestClient) -> dict[str, list[str]]:
    """Every GET route of the app (API and pages) with the query parameters it reads."""
    from fastapi.routing import APIRoute

    from attrition.web import api, pages

    def names(dependant: Any) -> list[str]:
        found = [p.alias for p in dependant.query_params]
        for sub in dependant.dependencies:
            found += names(sub)
        return found

    out = {}
    for route in [*api.router.routes, *pages.router.routes]:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            out[route.path] = sorted(set(names(route.dependant)))
    return out


def test_no_parameter_value_is_a_500(client: TestClient) -> None:
    claim_id = client.get("/api/claims?limit=1").json()["items"][0]["id"]
    ids = {"{claim_id}": claim_id, "{name}": "staff-series", "{doc}": "wire-may-31", "{doc:path}": "wire-may-31",
           "{cluster_id}": "k0123456789abcde", "{finding_id}": "f"}  # fmt: skip
    routes = _routes(client)
    assert {"/api/claims", "/claims", "/compare", "/api/compare", "/findings"} <= set(routes)
    answered: dict[int, int] = {}
    for path, names in routes.items():
        url = path
        for key, value in ids.items():
            url = url.replace(key, value)
        for name in names:
            base = {"subject": "RU", "category": "personnel"} if path.endswith("/compare") else {}
            for value in HOSTILE:
                r = client.get(url, params={**base, name: value})
                answered[r.status_code] = answered.get(r.status_code, 0) + 1
                assert r.status_code < 500, (url, name, value, r.status_code, r.text[:300])
                if r.status_code == 422 and path.startswith("/api"):
                    assert r.json()["detail"], (url, name, value)
        if "{" in path:  # a hostile path parameter too
            for value in ("%00", "..%2F..%2Fetc", "x" * 300, "%E2%98%83"):
                r = client.get(path.split("{")[0] + value)
                assert r.status_code < 500, (path, value, r.status_code)
    assert answered.get(422, 0) > 50 and answered.get(200, 0) > 50, answered
