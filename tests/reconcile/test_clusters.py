"""Clusters: reports of one claim across documents, roundings linked rather than merged."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from attrition.reconcile.clusters import build_clusters
from attrition.reconcile.numbers import digit_slip, is_rounding, significant_digits, trailing_zeros
from attrition.reconcile.records import StoredClaim
from attrition.reconcile.storeio import cluster_rows, list_clusters, reconcile
from attrition.store.tables_reconcile import claim_clusters, cluster_reports

D = date(2022, 6, 25)


def stored(i: int, doc: str, value: float, published: date, **kw) -> StoredClaim:
    base = {
        "claimant": "ua.gov",
        "subject": "RU",
        "event": "casualties",
        "category": "personnel",
        "period_start": date(2022, 2, 24),
        "period_end": D,
    }
    base.update(kw)
    return StoredClaim(id=i, doc=doc, value=value, published=published, **base)


def test_numbers() -> None:
    assert trailing_zeros(35_000) == 3 and trailing_zeros(34_700) == 2 and trailing_zeros(0) == 0
    assert significant_digits(35_000) == 2 and significant_digits(326_440) == 5
    assert is_rounding(35_000, 34_700, "approx")
    assert is_rounding(34_000, 34_700, "at_least") and not is_rounding(35_000, 34_700, "at_least")
    assert is_rounding(32_000, 32_150, "approx")
    assert not is_rounding(326_400, 326_440, "exact")  # four significant digits: a dropped digit
    assert not is_rounding(770, 764, "exact")
    assert not is_rounding(220, 215, "at_most")  # one zero: two battlegroups, not a rounding
    assert digit_slip(76, 764) == "digit_drop" and digit_slip(21_590, 25_190) == "transposition"
    assert digit_slip(765, 764) == "digit_change" and digit_slip(7641, 764) == "digit_insert"
    assert digit_slip(75, 764) is None


def test_reports_from_documents_form_one_cluster_and_roundings_link() -> None:
    claims = [
        stored(1, "a", 34_700, date(2022, 6, 25)),
        stored(2, "b", 34_700, date(2022, 6, 27)),
        stored(3, "c", 35_000, date(2022, 6, 26), qualifier="approx"),
        stored(4, "d", 34_700, date(2022, 6, 26), category="tanks", event="lost"),
        stored(5, "e", 35_000, date(2022, 6, 26), claimant="ua.general_staff"),
    ]
    clusters = build_clusters(claims)
    main = next(c for c in clusters if c.value == 34_700 and c.representative.category == "personnel")
    assert [c.id for c in main.reports] == [1, 2]
    assert [c.id for c in main.roundings] == [3]
    assert main.first_reported == date(2022, 6, 25) and main.last_reported == date(2022, 6, 27)
    assert main.docs == ["a", "b"]
    # Different category, different claimant: clusters of their own; the rounding is not one.
    assert len(clusters) == 3
    assert sum(len(c.reports) + len(c.roundings) for c in clusters) == len(claims)


def test_a_rounding_without_a_precise_figure_stays_a_cluster() -> None:
    clusters = build_clusters([stored(1, "a", 35_000, D, qualifier="approx")])
    assert len(clusters) == 1 and clusters[0].reports[0].id == 1


def test_reconcile_in_the_store_is_idempotent(store, claim) -> None:
    personnel = {"category": "personnel", "event": "casualties", "end": D}
    store.add("a", D, [claim(34_700, **personnel), claim(764, end=D)], outlet="Outlet A")
    store.add("b", date(2022, 6, 26), [claim(34_700, **personnel)], outlet="Outlet B")
    store.add("c", date(2022, 6, 26), [claim(35_000, qualifier="approx", **personnel)])
    first = reconcile(store.engine)
    second = reconcile(store.engine)
    assert first == second
    assert (first.clusters, first.reports, first.roundings) == (2, 3, 1)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(claim_clusters)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(cluster_reports)).scalar_one() == 4
    top = list_clusters(store.engine)[0]
    assert top.report_count == 2 and top.rounding_count == 1 and top.value == 34_700
    assert {(r.doc, r.outlet, r.role) for r in top.reports} == {
        ("a", "Outlet A", "report"),
        ("b", "Outlet B", "report"),
        ("c", None, "rounding"),
    }
    assert all(r.sentence and r.span_end > r.span_start for r in top.reports)
    rows = cluster_rows(store.engine)
    assert rows[0]["reports"] == 2 and rows[0]["docs"] == ["a", "b"] and rows[0]["rounding_docs"] == ["c=35000"]
