"""misquote: quoted General Staff totals against the reference and against other reports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from attrition.checks import run_checks
from attrition.checks.misquote import agreement, classify
from attrition.reference import ReferencePoint, ReferenceSeries

D = date(2022, 6, 25)
PREV, NEXT = D - timedelta(days=1), D + timedelta(days=1)


def gs_series() -> ReferenceSeries:
    points = []
    for day, art, pers in ((PREV, 759, 34_500), (D, 764, 34_700), (NEXT, 770, 34_900)):
        points.append(ReferencePoint(day, "RU", "lost", "artillery", art))
        points.append(ReferencePoint(day, "RU", "casualties", "personnel", pers))
    return ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", date(2022, 2, 24), points)


@pytest.mark.parametrize(
    ("value", "qualifier", "ref", "verdict", "kind"),
    [
        (764, "exact", 764, "agree", "exact"),
        (32_000, "approx", 32_150, "rounding", "rounded"),
        (759, "exact", 764, "stale", "previous_day"),
        (770, "exact", 764, "ahead", "next_day"),
        (76, "exact", 764, "misquote", "digit_drop"),
        (746, "exact", 764, "misquote", "transposition"),
        (75, "exact", 764, "misquote", "truncation"),
        (700, "exact", 764, "misquote", "other"),
        (500, "exact", 764, "unrelated", "far_off"),
        (15_000, "at_least", 16_100, "rounding", "lower_bound"),
        (16_500, "at_most", 16_100, "rounding", "upper_bound"),
        (17_000, "at_least", 16_100, "misquote", "other"),
    ],
)
def test_classify(value: float, qualifier: str, ref: float, verdict: str, kind: str) -> None:
    assert classify(value, qualifier, ref, 759, 770) == (verdict, kind)


def test_dropped_digit_and_stale_figures_fire(store, claim) -> None:
    store.reference(gs_series())
    store.add("art-a", D, [claim(75, end=D), claim(35_000, category="personnel", event="casualties",
                                                   qualifier="approx", end=D)])  # fmt: skip
    store.add("art-b", D, [claim(759, end=D), claim(34_700, category="personnel", event="killed", end=D)])
    ctx = store.context()
    findings = run_checks(ctx, ["misquote"])
    by_value = {f.details["article_value"]: f for f in findings}
    assert set(by_value) == {75, 35_000, 759}
    assert by_value[75].severity == "error" and "764" in by_value[75].explanation
    assert by_value[75].docs == ("art-a",) and by_value[75].references[0].value == 764
    assert by_value[35_000].severity == "info" and by_value[35_000].details["verdict"] == "rounding"
    assert by_value[759].severity == "warning" and by_value[759].details["verdict"] == "stale"
    expected = {"compared": 4, "agree": 1, "rounding": 1, "stale": 1, "ahead": 0, "misquote": 1}
    assert agreement(ctx) == {**expected, "not_comparable": 0}


def test_quiet_when_quotes_agree_or_are_not_official(store, claim) -> None:
    store.reference(gs_series())
    store.add("ok", D, [claim(764, end=D), claim(34_700, category="personnel", event="casualties", end=D)])
    # Not a cumulative General Staff figure: a daily increment, and a Russian claim.
    store.add("other", D, [claim(5, start=D, end=D), claim(75, claimant="ru.mod", end=D)])
    # A daily increment mislabelled as a total is far from the reference: not a quote of it.
    store.add("increment", D, [claim(5, end=D)])
    ctx = store.context()
    assert run_checks(ctx, ["misquote"]) == []
    assert agreement(ctx)["compared"] == 2 and agreement(ctx)["not_comparable"] == 1


def test_a_report_that_differs_from_most_reports_by_a_slip(store, claim) -> None:
    mod = {"claimant": "ru.mod", "subject": "RU", "event": "killed", "category": "personnel",
           "end": date(2022, 3, 25)}  # fmt: skip
    for i in range(3):
        store.add(f"mod-{i}", date(2022, 3, 25), [claim(1351, **mod)])
    store.add("mod-typo", date(2022, 3, 26), [claim(1315, **mod)])
    store.add("mod-round", date(2022, 3, 26), [claim(1400, qualifier="approx", **mod)])
    store.add("mod-other", date(2022, 3, 26), [claim(2000, **mod)])
    findings = run_checks(store.context(), ["misquote"])
    assert len(findings) == 1
    f = findings[0]
    assert f.docs[0] == "mod-typo" and f.details["kind"] == "transposition"
    assert set(f.docs) == {"mod-typo", "mod-0", "mod-1", "mod-2"}


def test_running_totals_of_unknown_dates_are_not_one_statement(store, claim) -> None:
    """ "8 ships since the invasion" from an undated page is not a slip of "28 ships since the
    invasion" from three other undated pages: totals of different, unknown days."""
    total = {"category": "ships", "start": date(2022, 2, 24), "end": None}
    for i in range(3):
        store.add(f"late-{i}", None, [claim(28, **total)])
    store.add("early", None, [claim(8, **total)])
    undated = {"claimant": "ru.mod", "category": "tanks", "start": None, "end": None}
    for i in range(3):
        store.add(f"n-{i}", None, [claim(1351, **undated)])
    store.add("n-other", None, [claim(1315, **undated)])
    assert run_checks(store.context(), ["misquote"]) == []
    for i in range(3):  # the same figures as one dated statement: the slip is a finding
        store.add(f"dated-{i}", date(2022, 5, 2), [claim(28, **{**total, "end": date(2022, 5, 2)})])
    store.add("dated-slip", date(2022, 5, 2), [claim(8, **{**total, "end": date(2022, 5, 2)})])
    [finding] = run_checks(store.context(), ["misquote"])
    assert finding.docs[0] == "dated-slip" and finding.details["kind"] == "digit_drop"


def test_a_total_with_a_mislabelled_period_or_claimant_is_still_compared(store, claim) -> None:
    store.reference(gs_series())
    # The outlet as claimant and a one-day period, but the size of the total: a quote of it.
    store.add("media", D, [claim(746, claimant="media", start=D, end=D), claim(5, claimant="media", start=D, end=D)])
    ctx = store.context()
    [finding] = run_checks(ctx, ["misquote"])
    assert finding.details["kind"] == "transposition" and finding.docs == ("media",)
    assert agreement(ctx)["compared"] == 1 and agreement(ctx)["not_comparable"] == 0


def test_misquote_severity_scales_with_the_relative_error(store, claim) -> None:
    from attrition.checks.misquote import misquote_severity, relative_error

    day = date(2025, 3, 10)
    points = [
        ReferencePoint(d, "RU", "casualties", "personnel", v)
        for d, v in ((day - timedelta(days=1), 325_300), (day, 326_440), (day + timedelta(days=1), 327_600))
    ]
    store.reference(ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", date(2022, 2, 24), points))
    kw = {"category": "personnel", "event": "casualties", "end": day}
    store.add("slip", day, [claim(326_404, **kw)])  # two digits swapped: 0.01% off
    store.add("digit", day, [claim(32_644, **kw)])  # a digit dropped: 90% off
    store.add("swap", day, [claim(362_440, **kw)])  # 11% off
    by_doc = {f.docs[0]: f for f in run_checks(store.context(), ["misquote"])}
    assert by_doc["digit"].severity == "error" and by_doc["swap"].severity == "error"
    assert by_doc["slip"].severity == "info"
    assert by_doc["slip"].details["relative_error"] == pytest.approx(36 / 326_440)
    assert "off by 0.01%" in by_doc["slip"].explanation and "off by 90.00%" in by_doc["digit"].explanation
    assert misquote_severity(relative_error(100_500, 100_000)) == "warning"
