"""cumulative_decrease, period_sum and jump: each firing and staying quiet."""

from __future__ import annotations

from datetime import date, timedelta

from attrition.checks import run_checks
from attrition.reference import ReferencePoint, ReferenceSeries

D1, D2 = date(2022, 10, 12), date(2022, 10, 13)


def correction(day: date, value: float) -> ReferenceSeries:
    point = ReferencePoint(day, "RU", "lost", "afv", value)
    return ReferenceSeries("fixes", "ua.general_staff", "fixes.json", "correction", date(2022, 2, 24), [point])


def test_decrease_between_reports_fires(store, claim) -> None:
    store.add("a", D1, [claim(5181, category="afv", end=D1)])
    store.add("b", D2, [claim(5167, category="afv", end=D2)])
    findings = run_checks(store.context(), ["cumulative_decrease"])
    assert len(findings) == 1
    f = findings[0]
    assert f.severity == "warning" and set(f.docs) == {"a", "b"}
    assert "5,181" in f.explanation and "5,167" in f.explanation


def test_decrease_with_a_known_revision_is_info(store, claim) -> None:
    store.reference(correction(D2, -25))
    store.add("a", D1, [claim(5181, category="afv", end=D1)])
    store.add("b", D2, [claim(5167, category="afv", end=D2)])
    findings = run_checks(store.context(), ["cumulative_decrease"])
    assert [f.severity for f in findings] == ["info"]
    assert "revised" in findings[0].explanation and findings[0].references[0].value == -25


def test_increasing_series_and_roundings_are_quiet(store, claim) -> None:
    store.add("a", D1, [claim(5181, category="afv", end=D1)])
    store.add("b", D2, [claim(5190, category="afv", end=D2)])
    store.add("c", D2 + timedelta(days=1), [claim(5200, category="afv", qualifier="approx",
                                                   end=D2 + timedelta(days=1))])  # fmt: skip
    store.add("d", D2 + timedelta(days=2), [claim(5198, category="afv", end=D2 + timedelta(days=2))])
    assert run_checks(store.context(), ["cumulative_decrease"]) == []


def test_reference_series_decreases(store) -> None:
    points = [
        ReferencePoint(D1, "RU", "lost", "afv", 5181),
        ReferencePoint(D2, "RU", "lost", "afv", 5167),
        ReferencePoint(D1, "RU", "lost", "tanks", 2000),
        ReferencePoint(D2, "RU", "lost", "tanks", 1990),
    ]
    store.reference(ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", date(2022, 2, 24), points))
    store.reference(correction(D2, -25))
    findings = run_checks(store.context(), ["cumulative_decrease"])
    by_cat = {f.references[0].category: f for f in findings}
    assert by_cat["afv"].severity == "info" and by_cat["tanks"].severity == "warning"
    assert all(not f.claims and f.references for f in findings)


MOD = {"claimant": "ru.mod", "subject": "UA", "event": "casualties", "category": "personnel"}
FEB = [date(2023, 2, 1) + timedelta(days=i) for i in range(28)]


def _month(store, claim, total: float, qualifier: str = "exact") -> None:
    for day in FEB:
        store.add(f"daily-{day.isoformat()}", day, [claim(100, start=day, end=day, **MOD)])
    store.add("month", date(2023, 3, 1), [claim(total, qualifier=qualifier, start=FEB[0], end=FEB[-1], **MOD)])


def test_period_sum_fires_when_the_month_disagrees(store, claim) -> None:
    _month(store, claim, 3500)
    findings = run_checks(store.context(), ["period_sum"])
    assert len(findings) == 1
    assert "2,800" in findings[0].explanation and "3,500" in findings[0].explanation
    assert len(findings[0].claim_ids) == 29


def test_period_sum_quiet_when_it_adds_up(store, claim) -> None:
    _month(store, claim, 2800)
    store.add("month-approx", date(2023, 3, 1), [claim(2900, qualifier="approx", start=FEB[0], end=FEB[-1],
                                                      **MOD)])  # fmt: skip
    assert run_checks(store.context(), ["period_sum"]) == []


def test_period_sum_partial_month(store, claim) -> None:
    for day in FEB[:3]:
        store.add(f"d-{day.isoformat()}", day, [claim(1000, start=day, end=day, **MOD)])
    store.add("m1", date(2023, 3, 1), [claim(2000, start=FEB[0], end=FEB[-1], **MOD)])
    store.add("m2", date(2023, 3, 1), [claim(9000, start=FEB[0], end=FEB[-1], **MOD)])
    findings = run_checks(store.context(), ["period_sum"])
    # 3 days already sum to 3,000: more than the month's 2,000; 9,000 cannot be judged on 3 days.
    assert len(findings) == 1 and findings[0].details["period_claim"] == 2000


def test_jump_fires_on_an_outlier_day(store, claim) -> None:
    for i, day in enumerate(FEB[:8]):
        value = 5000 if i == 5 else 480 + 10 * i
        store.add(f"j-{i}", day, [claim(value, start=day, end=day, **MOD)])
    findings = run_checks(store.context(), ["jump"])
    assert len(findings) == 1
    assert findings[0].docs == ("j-5",) and findings[0].details["value"] == 5000


def test_jump_quiet_in_the_usual_range(store, claim) -> None:
    for i, day in enumerate(FEB[:8]):
        store.add(f"j-{i}", day, [claim(400 + 40 * i, start=day, end=day, **MOD)])
    assert run_checks(store.context(), ["jump"]) == []


def test_decrease_caused_by_a_misquote_says_so(store, claim) -> None:
    points = [
        ReferencePoint(D1, "RU", "lost", "artillery", 759),
        ReferencePoint(D2, "RU", "lost", "artillery", 764),
    ]
    store.reference(ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", date(2022, 2, 24), points))
    store.add("a", D1, [claim(759, end=D1)])
    store.add("b", D2, [claim(75, end=D2)])
    store.add("c", D2, [claim(3, category="tanks", end=D2)])  # far from the tanks total: not a quote of it
    store.add("d", D1, [claim(700, category="tanks", end=D1)])
    store.reference(
        ReferenceSeries(
            "gs-tanks",
            "ua.general_staff",
            "t.json",
            "cumulative",
            date(2022, 2, 24),
            [ReferencePoint(D2, "RU", "lost", "tanks", 710)],
        )
    )
    [finding] = run_checks(store.context(), ["cumulative_decrease"])
    assert "75 on 2022-10-13 differs from the reference" in finding.explanation


def test_jump_quiet_when_days_mix_daily_and_cumulative_figures(store, claim) -> None:
    values = [9, 11, 12, 4644, 7605, 9609, 10]
    for i, (day, value) in enumerate(zip(FEB, values, strict=False)):
        store.add(f"m-{i}", day, [claim(value, category="tanks", start=day, end=day)])
    assert run_checks(store.context(), ["jump"]) == []


def test_jump_compares_a_day_with_its_own_weeks_not_other_years(store, claim) -> None:
    early = [date(2022, 3, 1) + timedelta(days=i) for i in range(8)]
    late = [date(2024, 3, 1) + timedelta(days=i) for i in range(30)]
    for i, day in enumerate(early):
        value = 900 if i == 4 else 100 + 5 * i  # a ninefold day among its neighbours
        store.add(f"e-{i}", day, [claim(value, start=day, end=day, **MOD)])
    for i, day in enumerate(late):
        store.add(f"l-{i}", day, [claim(1000 + 10 * (i % 5), start=day, end=day, **MOD)])
    findings = run_checks(store.context(), ["jump"])
    assert [f.docs for f in findings] == [("e-4",)]
    assert findings[0].details["days"] == 7 and findings[0].details["window_days"] == 15
