"""`attrition check` and `attrition claims --clusters` over a small store built here."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrition.cli import app
from attrition.models import Claim, Document, Span
from attrition.reference import ReferencePoint, ReferenceSeries
from attrition.reference.storeio import save_series
from attrition.store import open_store
from attrition.store import repository as repo

runner = CliRunner()
D = date(2022, 6, 25)


def _claim(value: float, category: str, event: str = "lost", part_of: int | None = None) -> Claim:
    sentence = f"The enemy lost {value} {category}, the General Staff said."
    return Claim(
        doc=None,
        claimant="ua.general_staff",
        claimant_text=None,
        subject="RU",
        event=event,
        category=category,
        model=None,
        value=value,
        value_max=None,
        qualifier="exact",
        rate=None,
        period_start=date(2022, 2, 24),
        period_end=D,
        location=None,
        sentence=sentence,
        span=Span(0, 3),
        sentence_span=Span(0, len(sentence)),
        part_of=part_of,
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(url)
    docs = {
        "good": [_claim(764, "artillery"), _claim(1511, "tanks")],
        "typo": [_claim(75, "artillery"), _claim(1511, "tanks")],
        "sum": [
            _claim(100, "heavy_weapons"),
            _claim(90, "heavy_weapons", part_of=0),
            _claim(30, "heavy_weapons", part_of=0),
        ],
    }
    with engine.begin() as conn:
        for key, claims in docs.items():
            text = key + " " + " ".join(c.sentence for c in claims)
            repo.add_document(
                conn,
                document=Document(id=key, text=text, published=D, outlet=f"{key} news"),
                claims=claims,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                source=None,
                run_id=None,
            )
    points = [
        ReferencePoint(D, "RU", "lost", "artillery", 764),
        ReferencePoint(D, "RU", "lost", "tanks", 1511),
    ]
    save_series(engine, ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", date(2022, 2, 24), points))
    engine.dispose()
    return url


def test_check_json(db: str) -> None:
    result = runner.invoke(app, ["check", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    checks = {f["check"]: f for f in out["findings"]}
    assert checks["misquote"]["severity"] == "error" and checks["misquote"]["docs"] == ["typo"]
    assert checks["breakdown_sum"]["docs"] == ["sum"]
    assert all(f["claim_ids"] or f["references"] for f in out["findings"])
    assert out["reference_agreement"]["compared"] == 4 and out["reference_agreement"]["agree"] == 3


def test_check_table_markdown_and_only(db: str) -> None:
    table = runner.invoke(app, ["check", "--db", db])
    assert table.exit_code == 0 and "misquote" in table.output and "3 of 4" in table.output
    md = runner.invoke(app, ["check", "--db", db, "--format", "markdown", "--only", "breakdown_sum"])
    assert md.exit_code == 0 and "## breakdown_sum (1)" in md.output and "## misquote" not in md.output
    quiet = runner.invoke(app, ["check", "--db", db, "--only", "jump", "--format", "json"])
    assert json.loads(quiet.output)["findings"] == []
    bad = runner.invoke(app, ["check", "--db", db, "--only", "nope"])
    assert bad.exit_code != 0
    listed = runner.invoke(app, ["check", "--list"])
    assert "cross_claimant" in listed.output


def test_claims_clusters(db: str) -> None:
    result = runner.invoke(app, ["claims", "--clusters", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    tanks = next(r for r in rows if r["category"] == "tanks")
    assert tanks["reports"] == 2 and tanks["docs"] == ["good", "typo"]


def test_fail_on(db: str) -> None:
    assert runner.invoke(app, ["check", "--db", db, "--fail-on", "error", "--format", "json"]).exit_code == 1
    quiet = runner.invoke(app, ["check", "--db", db, "--only", "jump", "--fail-on", "warning"])
    assert quiet.exit_code == 0
    assert runner.invoke(app, ["check", "--db", db, "--fail-on", "bogus"]).exit_code != 0


def test_findings_are_stored_with_their_run_and_keep_their_ids(db: str) -> None:
    from attrition.checks.storeio import latest_run, list_runs, stored_findings

    first = json.loads(runner.invoke(app, ["check", "--db", db, "--format", "json"]).stdout)
    second = json.loads(runner.invoke(app, ["check", "--db", db, "--format", "json"]).stdout)
    assert first["run_id"] and second["run_id"] == first["run_id"] + 1
    assert [f["id"] for f in first["findings"]] == [f["id"] for f in second["findings"]]
    engine = open_store(db)
    with engine.connect() as conn:
        run = latest_run(conn)
        assert run is not None and run["id"] == second["run_id"] and run["current"]
        assert run["findings"] == len(second["findings"]) and "misquote" in run["checks"]
        stored = stored_findings(conn, run["id"])
        assert len(list_runs(conn)) == 2
    engine.dispose()
    assert [f["id"] for f in stored] == [f["id"] for f in second["findings"]]
    assert stored[0]["claim_ids"] == second["findings"][0]["claim_ids"]
    none = runner.invoke(app, ["check", "--db", db, "--format", "json", "--no-store"])
    assert json.loads(none.stdout)["run_id"] is None


def test_check_filters_choose_the_findings_shown(db: str) -> None:
    def shown(*args: str) -> list[dict]:
        result = runner.invoke(app, ["check", "--db", db, "--format", "json", "--no-store", *args])
        assert result.exit_code == 0, result.output
        return list(json.loads(result.stdout)["findings"])

    everything = shown()
    only_sum = shown("--doc", "sum")
    assert only_sum and all("sum" in f["docs"] for f in only_sum)
    assert len(only_sum) < len(everything)
    assert shown("--claimant", "ru.mod") == []
    assert len(shown("--claimant", "ua.general_staff")) == len([f for f in everything if f["claim_ids"]])
    assert shown("--since", "2022-06-26") == [] and shown("--until", "2022-06-24") == []
    cited = [f for f in everything if f["claim_ids"]]
    assert len(shown("--since", "2022-06-25", "--until", "2022-06-25")) == len(cited)
    bad = runner.invoke(app, ["check", "--db", db, "--since", "2022-07-01", "--until", "2022-06-01"])
    assert bad.exit_code == 2 and "after" in bad.output


def test_the_web_queue_reads_the_stored_run_while_it_is_current(db: str) -> None:
    from attrition.query.findings import compute

    engine = open_store(db)
    live = compute(engine)
    assert live and all(r["run_id"] is None for r in live)
    run_id = json.loads(runner.invoke(app, ["check", "--db", db, "--format", "json"]).stdout)["run_id"]
    stored = compute(engine)
    assert {r["run_id"] for r in stored} == {run_id}
    assert [(r["id"], r["difference"], r["outlets"]) for r in stored] == [
        (r["id"], r["difference"], r["outlets"]) for r in live
    ]
    with engine.begin() as conn:  # a new document: the stored run no longer describes the store
        text = "late The enemy lost 80 artillery, the General Staff said."
        repo.add_document(
            conn, document=Document(id="late", text=text, published=D), claims=[_claim(80, "artillery")],
            content_hash=hashlib.sha256(text.encode()).hexdigest(), source=None, run_id=None,
        )  # fmt: skip
    assert all(r["run_id"] is None for r in compute(engine))
    engine.dispose()


def test_check_table_reads_at_80_columns(db: str) -> None:
    """Every line fits 80 columns and every finding and its evidence is there whole (wrapped)."""
    table = runner.invoke(app, ["check", "--db", db, "--no-store"], env={"COLUMNS": "80"})
    assert table.exit_code == 0, table.output
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    findings = json.loads(runner.invoke(app, ["check", "--db", db, "--no-store", "-f", "json"]).stdout)["findings"]
    flat = "".join(table.stdout.split())
    assert findings and all("".join(f["explanation"].split()) in flat for f in findings)
    assert all(cid in flat for f in findings for cid in f["claim_ids"])
