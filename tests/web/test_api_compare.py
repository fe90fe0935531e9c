"""The compare endpoint: figures per claimant, daily increments of running totals, downloads."""

from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

URL = "/api/compare?subject=RU&category=personnel"


def _cumulative(data: dict) -> list[tuple[str, int, object, object, object]]:
    return sorted((f["date"], f["value"], f["increment"], f["increment_from"], f["increment_per_day"])
                  for f in data["figures"] if f["kind"] == "cumulative")  # fmt: skip


def test_running_totals_have_daily_increments(client: TestClient) -> None:
    # 470,000 on 1 May; on 31 May two reports say 508,000 and a tabloid 580,000.
    assert _cumulative(client.get(URL).json()) == [
        ("2024-05-01", 470000, None, None, None),  # nothing earlier to count from
        ("2024-05-31", 508000, 38000, "2024-05-01", round(38000 / 30, 2)),
        ("2024-05-31", 508000, 38000, "2024-05-01", round(38000 / 30, 2)),
        ("2024-05-31", 580000, 110000, "2024-05-01", round(110000 / 30, 2)),
    ]


def test_a_window_counts_from_the_total_before_it(client: TestClient) -> None:
    data = client.get(URL + "&since=2024-05-15&until=2024-05-31").json()
    cumulative = [f for f in data["figures"] if f["kind"] == "cumulative"]
    increments = [(f["value"], f["increment_from"], f["increment"]) for f in cumulative]
    assert sorted(increments) == [(508000, "2024-05-01", 38000), (508000, "2024-05-01", 38000),
                                  (580000, "2024-05-01", 110000)]  # fmt: skip
    assert all(f["date"] >= "2024-05-15" for f in data["figures"])
    # A window before any total has no increment to give.
    early = client.get(URL + "&until=2024-05-10").json()
    assert [f["increment"] for f in early["figures"] if f["kind"] == "cumulative"] == [None]


def test_the_daily_page_lists_stated_rates_and_increments(client: TestClient) -> None:
    html = client.get("/compare?subject=RU&category=personnel&mode=daily").text
    body = html.split('id="figures"', 1)[1]
    assert body.count("<tr data-claim-id") == 4  # the rate, and three totals with a predecessor
    assert "+38,000 since 2024-05-01" in body and "1266.67" in body


def test_compare_downloads_one_row_per_point(client: TestClient) -> None:
    data = client.get(URL).json()
    expected = len(data["figures"]) + sum(len(r["points"]) for r in data["reference"])
    spec = client.get("/openapi.json").json()["components"]["schemas"]["CompareRowOut"]["properties"]
    for fmt in ("csv", "json", "parquet"):
        r = client.get(f"{URL}&format={fmt}")
        assert r.status_code == 200, (fmt, r.text[:200])
        assert r.headers["content-disposition"] == f'attachment; filename="compare-RU-personnel.{fmt}"'
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(r.text)))
            assert list(rows[0]) == list(spec)
        elif fmt == "json":
            rows = r.json()
        else:
            table = pq.read_table(io.BytesIO(r.content))
            assert table.schema.names == list(spec)
            rows = table.to_pylist()
        assert len(rows) == expected, fmt
        assert {str(row["source"]) for row in rows} == {"article", "reference"}
    rows = client.get(f"{URL}&format=json").json()
    tabloid = [row for row in rows if row["value"] == 580000]
    assert [(t["who"], t["increment"], t["outlet"]) for t in tabloid] == [("ua.general_staff", 110000, "Daily Tabloid")]
    assert client.get(f"{URL}&format=xml").status_code == 422
