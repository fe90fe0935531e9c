"""The JSON API over a store built from test sentences, on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from web_store import Spec, add_article

from attrition.store.tables import claims as claims_t
from conftest import TOKEN


def items(client: TestClient, query: str = "") -> list[dict]:
    r = client.get(f"/api/claims?limit=500&{query}")
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_status_counts_and_freshness(client: TestClient) -> None:
    body = client.get("/api/status").json()
    assert body["counts"]["documents"] == 6
    assert body["counts"]["claims"] == 8
    assert body["counts"]["reference_series"] == 1
    assert body["last_reference_date"] == "2024-05-31"
    assert body["last_published"] == "2024-06-04"
    assert body["write_enabled"] is False
    assert body["schema_revision"]


def test_filters_narrow_the_claims(client: TestClient) -> None:
    assert {c["subject"] for c in items(client, "subject=UA")} == {"UA"}
    assert {c["doc"] for c in items(client, "outlet=wire%20SERVICE")} == {"wire-may-31"}  # any case
    assert {c["value"] for c in items(client, "category=tanks")} == {7700, 41}
    assert {c["doc"] for c in items(client, "since=2024-06-01")} == {"analysts-june", "hostile-page"}
    assert {c["doc"] for c in items(client, "until=2024-05-01")} == {"staff-may-01"}
    assert [c["value"] for c in items(client, "q=western%20intelligence")] == [1200]


def test_period_overlap(client: TestClient) -> None:
    # The ru.mod week (05-27..06-02) and the west.gov May rate overlap the window; totals since 2022 do too.
    docs = {(c["doc"], c["value"]) for c in items(client, "period_from=2024-06-01&period_to=2024-06-02")}
    assert ("analysts-june", 2000) in docs
    assert ("analysts-june", 1200) not in docs  # May ended before the window
    assert ("hostile-page", 41) not in docs  # 06-03 is after it


def test_figures_as_stated(client: TestClient) -> None:
    figures = {c["value"]: c["figure"] for c in items(client, "doc=analysts-june")}
    assert figures == {1200: "over 1,200 a day", 2000: "up to 2,000"}


def test_cursor_pages_cover_every_claim_once(client: TestClient) -> None:
    for sort, order in (("published", "desc"), ("value", "asc"), ("outlet", "asc")):
        seen: list[int] = []
        cursor = ""
        while True:
            r = client.get(f"/api/claims?limit=2&sort={sort}&order={order}{cursor}")
            assert r.status_code == 200, r.text
            page = r.json()
            assert page["total"] == 8
            seen += [c["id"] for c in page["items"]]
            if page["next_cursor"] is None:
                break
            cursor = f"&cursor={page['next_cursor']}"
        assert len(seen) == len(set(seen)) == 8
    values = [c["value"] for c in items(client, "sort=value&order=asc")]
    assert values == sorted(values)


def test_bad_parameters_are_422_with_a_message(client: TestClient) -> None:
    cases = {
        "/api/claims?category=tank": "did you mean 'tanks'",
        "/api/claims?subject=ukraine": "subject",
        "/api/claims?since=2024-02-30": "since",
        "/api/claims?since=2024-06-01&until=2024-05-01": "after until",
        "/api/claims?sort=sentence": "sort",
        "/api/claims?limit=100000": "limit",
        "/api/claims?cursor=not-a-cursor": "cursor",
        "/api/findings?min_severity=huge": "min_severity",
        "/api/compare?subject=RU": "category",
        "/api/claims/notanumber": "claim_id",
    }
    for url, words in cases.items():
        r = client.get(url)
        assert r.status_code == 422, (url, r.status_code, r.text)
        assert words in r.json()["detail"], (url, r.json())
    # A cursor from one sort order is refused under another, not silently misread.
    first = client.get("/api/claims?limit=1&sort=value").json()["next_cursor"]
    r = client.get(f"/api/claims?limit=1&sort=published&cursor={first}")
    assert r.status_code == 422 and "another sort" in r.json()["detail"]


def test_unknown_records_are_404(client: TestClient) -> None:
    assert client.get("/api/claims/0123456789ab-1-2").status_code == 404
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/clusters/k0123456789abcde").status_code == 404
    assert client.get("/api/clusters/999999").status_code == 422
    assert client.get("/api/findings/ffff").status_code == 404
    assert client.get("/api/reference/nope").status_code == 404


def test_etag_revalidation_follows_the_store(client: TestClient, web_engine: Engine) -> None:
    first = client.get("/api/claims?subject=UA")
    tag = first.headers["etag"]
    again = client.get("/api/claims?subject=UA", headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.content
    add_article(web_engine, "late-june", date(2024, 6, 20), "Wire Service",
                ["Moscow said Ukraine lost 1,500 soldiers in a day."],
                [(0, Spec("1,500", 1500, claimant="ru.mod", subject="UA", start=date(2024, 6, 19),
                          end=date(2024, 6, 19)))])  # fmt: skip
    changed = client.get("/api/claims?subject=UA", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert len(changed.json()["items"]) == 2


def test_exports_share_one_schema(client: TestClient) -> None:
    schema_fields = list(client.get("/openapi.json").json()["components"]["schemas"]["ClaimOut"]["properties"])
    r = client.get("/api/claims?subject=UA&format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == schema_fields
    assert [row["figure"] for row in rows] == ["up to 2,000"]
    assert rows[0]["rules"] == '["test.written"]'  # a list stays a list
    empty = client.get("/api/claims?subject=UA&since=2030-01-01&format=csv")
    assert empty.text.strip().split(",") == schema_fields  # header even with no rows
    table = pq.read_table(io.BytesIO(client.get("/api/claims?subject=UA&since=2030-01-01&format=parquet").content))
    assert table.num_rows == 0 and table.schema.names == schema_fields
    assert pa.types.is_list(table.schema.field("rules").type)
    assert pa.types.is_string(table.schema.field("rules").type.value_type)
    assert str(table.schema.field("period_start").type) == "date32[day]"
    full = pq.read_table(io.BytesIO(client.get("/api/claims?format=parquet").content))
    assert full.num_rows == 8
    assert len(client.get("/api/claims?format=json").json()) == 8


def test_csv_defuses_formulas(client: TestClient) -> None:
    text = client.get("/api/claims?doc=hostile-page&format=csv").text
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text


def test_claim_detail_has_context_reports_reference_and_findings(client: TestClient) -> None:
    wire = items(client, "doc=wire-may-31&category=personnel")[0]
    detail = client.get(f"/api/claims/{wire['id']}").json()
    assert detail["paragraph"]["text"].startswith("Kyiv says Russia has now lost 508,000 troops")
    para = detail["paragraph"]
    number = detail["claim"]
    assert para["text"][number["span_start"] - para["start"] : number["span_end"] - para["start"]] == "508,000"
    outlets = {o["outlet"] for o in detail["cluster"]["outlets"]}
    assert outlets == {"Staff Bulletin", "Wire Service"}
    assert detail["reference"][0]["value"] == 508000
    tabloid = items(client, "doc=tabloid-may-31")[0]
    cited = client.get(f"/api/claims/{tabloid['id']}").json()["findings"]
    assert [f["check"] for f in cited] == ["misquote"]


def test_document_and_cluster_detail(client: TestClient) -> None:
    doc = client.get("/api/documents/wire-may-31").json()
    assert doc["claims"] == 2 and len(doc["claim_list"]) == 2
    for c in doc["claim_list"]:
        assert doc["text"][c["span_start"] : c["span_end"]] in ("508,000", "7,700")
    clusters = client.get("/api/clusters?min_reports=2").json()["items"]
    assert clusters and clusters[0]["value"] == 508000
    detail = client.get(f"/api/clusters/{clusters[0]['id']}").json()
    assert {r["doc"] for r in detail["reports"]} == {"staff-may-31", "wire-may-31"}
    only = items(client, f"cluster={clusters[0]['id']}")
    assert {c["doc"] for c in only} == {"staff-may-31", "wire-may-31"}


def test_reference_series_and_compare(client: TestClient) -> None:
    assert [s["name"] for s in client.get("/api/reference").json()] == ["staff-series"]
    points = client.get("/api/reference/staff-series?since=2024-05-10").json()
    assert [(p["date"], p["daily"]) for p in points] == [("2024-05-15", 1357.14), ("2024-05-31", 1187.5)]
    data = client.get("/api/compare?subject=RU&category=personnel&since=2024-05-01&until=2024-05-31").json()
    window = data["windows"][0]
    assert (window["claimant"], window["start_value"], window["end_value"]) == ("ua.general_staff", 470000, 508000)
    assert window["per_day"] == round(38000 / 30, 1)
    rate = [f for f in data["figures"] if f["kind"] == "rate"]
    assert [(f["claimant"], f["per_day"]) for f in rate] == [("west.gov", 1200)]


def test_findings_queue_filters(client: TestClient) -> None:
    everything = client.get("/api/findings").json()
    assert everything["total"] >= 1
    misquote = client.get("/api/findings?check=misquote&outlet=daily%20tabloid").json()["items"]
    assert misquote and misquote[0]["difference"] == 72000
    assert client.get("/api/findings?outlet=Wire%20Service&check=misquote").json()["total"] == 0
    assert client.get("/api/findings?check=nonsense").status_code == 422


def test_writes_need_the_token(client: TestClient, writer: TestClient) -> None:
    claim_id = items(client)[0]["id"]
    note = {"author": "analyst", "body": "Checked against the bulletin."}
    assert client.post(f"/api/claims/{claim_id}/annotations", json=note).status_code == 403  # read-only server
    assert writer.post(f"/api/claims/{claim_id}/annotations", json=note).status_code == 401
    bad = writer.post(f"/api/claims/{claim_id}/annotations", json=note, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post(f"/api/claims/{claim_id}/annotations", json={"author": "", "body": "x"},
                       headers=auth).status_code == 422  # fmt: skip
    made = writer.post(f"/api/claims/{claim_id}/annotations", json=note, headers=auth)
    assert made.status_code == 201, made.text
    listed = writer.get(f"/api/claims/{claim_id}/annotations").json()
    assert [(a["author"], a["body"]) for a in listed] == [("analyst", "Checked against the bulletin.")]
    assert writer.get(f"/api/claims/{claim_id}").json()["annotations"][0]["created_at"]


def test_annotations_and_reviews_do_not_edit_extracted_rows(writer: TestClient, web_engine: Engine) -> None:
    with web_engine.connect() as conn:
        before = [tuple(r) for r in conn.execute(select(claims_t).order_by(claims_t.c.id))]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    claim_id = items(writer)[0]["id"]
    writer.post(f"/api/claims/{claim_id}/annotations", json={"author": "a", "body": "note"}, headers=auth)
    finding = writer.get("/api/findings").json()["items"][0]
    r = writer.post(f"/api/findings/{finding['id']}/review", json={"state": "confirmed", "author": "b"}, headers=auth)
    assert r.status_code == 201, r.text
    assert writer.get(f"/api/findings/{finding['id']}").json()["review"]["state"] == "confirmed"
    assert writer.get("/api/findings?state=open").json()["total"] == writer.get("/api/findings").json()["total"] - 1
    bad = writer.post(f"/api/findings/{finding['id']}/review", json={"state": "deleted", "author": "b"}, headers=auth)
    assert bad.status_code == 422
    with web_engine.connect() as conn:
        after = [tuple(r) for r in conn.execute(select(claims_t).order_by(claims_t.c.id))]
    assert after == before


def test_ingest_a_url_with_the_token(writer: TestClient, server) -> None:  # type: ignore[no-untyped-def]
    page = (b"<html><head><title>Staff update</title></head><body><article><p>The General Staff said on "
            b"Monday that Russia had lost 9,100 tanks since the start of the full-scale invasion.</p>"
            b"<p>It gave no other figure.</p></article></body></html>")  # fmt: skip
    server.routes["/update.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, page)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post("/api/ingest", json={"url": "file:///etc/passwd"}, headers=auth).status_code == 422
    r = writer.post("/api/ingest", json={"url": f"{server.base}/update.html"}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1 and r.json()["failed"] == 0
    assert writer.get("/api/status").json()["counts"]["documents"] == 7


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/api/claims", "/static/app.css", "/api/claims/999999", "/claims?category=tank"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_openapi_publishes_the_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/claims", "/api/claims/{claim_id}", "/api/documents", "/api/clusters", "/api/findings",
                 "/api/reference", "/api/status", "/api/compare", "/api/ingest"):  # fmt: skip
        assert path in spec["paths"], path
    assert "/claims" not in spec["paths"]  # pages are not API


def test_links_use_the_stable_ids(client: TestClient) -> None:
    import re

    from attrition.provenance import CLAIM_ID_PATTERN, CLUSTER_ID_PATTERN

    listed = items(client)
    assert listed and all(re.fullmatch(CLAIM_ID_PATTERN, c["id"]) for c in listed)
    assert all(c["rules_hash"] and c["extractor"] for c in listed)
    one = listed[0]
    detail = client.get(f"/api/claims/{one['id']}").json()
    assert detail["claim"]["id"] == one["id"] and detail["claim"]["span_start"] == one["span_start"]
    clusters = client.get("/api/clusters").json()["items"]
    assert clusters and all(re.fullmatch(CLUSTER_ID_PATTERN, c["id"]) for c in clusters)
    if detail["cluster"]:
        assert re.fullmatch(CLUSTER_ID_PATTERN, detail["cluster"]["cluster"]["id"])
    for finding in client.get("/api/findings").json()["items"]:
        assert all(re.fullmatch(CLAIM_ID_PATTERN, i) for i in finding["claim_ids"])


def test_every_list_downloads_in_each_format_with_its_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    claim_id = items(client, "doc=wire-may-31")[0]["id"]
    lists = []
    for path, ops in spec["paths"].items():
        answer = ops.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
        shape = answer.get("application/json", {}).get("schema", {})
        if shape.get("type") == "array" or "PageOut" in shape.get("$ref", ""):
            lists.append(path)
            assert "format" in [p["name"] for p in ops["get"].get("parameters", [])], path
    assert len(lists) >= 7, lists
    name = client.get("/api/reference").json()[0]["name"]
    for path in lists:
        url = path.replace("{claim_id}", claim_id).replace("{name}", name)
        for fmt, kind in (("csv", "text/csv"), ("json", "application/json"), ("parquet", "application/vnd.apache")):
            r = client.get(f"{url}?format={fmt}")
            assert r.status_code == 200 and r.headers["content-type"].startswith(kind), (url, fmt, r.text[:200])
            assert r.headers["content-disposition"].startswith("attachment"), (url, fmt)
        columns = pq.read_table(io.BytesIO(client.get(f"{url}?format=parquet").content)).schema.names
        assert next(csv.reader(io.StringIO(client.get(f"{url}?format=csv").text))) == columns, url


def test_search_ignores_case_in_cyrillic_too(client: TestClient, web_engine: Engine) -> None:
    add_article(web_engine, "uk-june", date(2024, 6, 5), "Ukrinform",
                ["Генштаб ЗСУ повідомив: Втрати ворога за добу склали 1 210 осіб."],
                [(0, Spec("1 210", 1210, claimant="ua.general_staff", subject="RU"))])  # fmt: skip
    for q in ("втрати", "Втрати", "ВТРАТИ", "зсу генштаб", "ворога%20ЗА"):
        assert [c["value"] for c in items(client, f"q={q}")] == [1210], q
    assert items(client, "q=втрат%20танків") == []  # every word must be there
    assert client.get("/api/documents?q=UK-JUNE").json()["total"] == 1  # titles likewise
    add_article(web_engine, "uk-june-jets", date(2024, 6, 6), "Ukrinform",
                ["Сили ППО збили два літаки МіГ-29 над Донеччиною."],
                [(0, Spec("два", 2, claimant="ua.air_force", subject="RU", category="aircraft"))])  # fmt: skip
    for q in ("міг-29", "МІГ-29", "мІг-29", "ппо%20ДОНЕЧЧИНОЮ"):  # mixed case in the text and in the query
        assert [c["value"] for c in items(client, f"q={q}")] == [2], q
    assert items(client, "q=втр_ти") == items(client, "q=втр%25ворога") == []  # LIKE wildcards are literal


def test_etag_weak_comparison_and_star(client: TestClient) -> None:
    tag = client.get("/api/claims?subject=UA").headers["etag"]
    for given in (f"W/{tag}", f'"other", {tag}', "*"):
        assert client.get("/api/claims?subject=UA", headers={"If-None-Match": given}).status_code == 304, given
    assert client.get("/api/claims?subject=UA", headers={"If-None-Match": '"other"'}).status_code == 200


def test_out_of_range_integers_are_422_not_500(client: TestClient) -> None:
    for url in ("/api/clusters?min_reports=99999999999999999999", "/api/claims?limit=99999999999999999999",
                "/findings?page=99999999999999999999", "/claims?limit=0"):  # fmt: skip
        r = client.get(url)
        assert r.status_code == 422, (url, r.status_code)
