"""Downloads carry ETags too: a client that has the file gets a 304 until the store changes."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from web_store import Spec, add_article

from conftest import TOKEN

DOWNLOADS = ("/api/claims?subject=UA", "/api/documents", "/api/clusters", "/api/findings", "/api/reference",
             "/api/reference/staff-series", "/api/compare?subject=RU&category=personnel")  # fmt: skip


def _url(path: str, fmt: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}format={fmt}"


def test_every_download_revalidates(client: TestClient) -> None:
    for path in DOWNLOADS:
        tags = set()
        for fmt in ("csv", "json", "parquet"):
            first = client.get(_url(path, fmt))
            tag = first.headers["etag"]
            tags.add(tag)
            again = client.get(_url(path, fmt), headers={"If-None-Match": tag})
            assert again.status_code == 304 and not again.content, (path, fmt)
            assert again.headers["etag"] == tag
            assert client.get(_url(path, fmt), headers={"If-None-Match": '"other"'}).status_code == 200
        assert len(tags) == 3, path  # one tag per format: a CSV is not the Parquet file


def test_a_download_tag_follows_the_store_and_the_query(client: TestClient, web_engine: Engine) -> None:
    url = _url("/api/claims?subject=UA", "csv")
    tag = client.get(url).headers["etag"]
    assert client.get(_url("/api/claims?subject=RU", "csv")).headers["etag"] != tag
    assert client.get(_url("/api/claims?subject=UA&lang=en", "csv")).headers["etag"] != tag
    add_article(web_engine, "late-june", date(2024, 6, 20), "Wire Service",
                ["Moscow said Ukraine lost 1,500 soldiers in a day."],
                [(0, Spec("1,500", 1500, claimant="ru.mod", subject="UA", start=date(2024, 6, 19),
                          end=date(2024, 6, 19)))])  # fmt: skip
    changed = client.get(url, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert "1500" in changed.text


def test_an_annotation_changes_its_download(writer: TestClient) -> None:
    claim_id = writer.get("/api/claims?subject=UA").json()["items"][0]["id"]
    url = f"/api/claims/{claim_id}/annotations?format=json"
    tag = writer.get(url).headers["etag"]
    assert writer.get(url, headers={"If-None-Match": tag}).status_code == 304
    posted = writer.post(f"/api/claims/{claim_id}/annotations", json={"author": "ana", "body": "checked"},
                         headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert posted.status_code == 201
    after = writer.get(url, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.json()[0]["body"] == "checked"
