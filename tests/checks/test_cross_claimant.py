"""cross_claimant: the sides and the counters side by side; quiet with one voice only."""

from __future__ import annotations

from datetime import date

from attrition.checks import run_checks
from attrition.reference import ReferencePoint, ReferenceSeries

START, END = date(2022, 2, 24), date(2022, 3, 25)


def test_enemy_and_self_side_by_side(store, claim) -> None:
    common = {"subject": "RU", "event": "killed", "category": "personnel", "end": END}
    store.add("ua", END, [claim(15_000, claimant="ua.gov", qualifier="approx", **common)])
    store.add("ru", END, [claim(1351, claimant="ru.mod", **common)])
    store.add("media", END, [claim(9000, claimant="media", **common)])
    findings = run_checks(store.context(), ["cross_claimant"])
    assert len(findings) == 1
    f = findings[0]
    assert f.severity == "info" and set(f.docs) == {"ua", "ru"}
    rows = {r["claimant"]: r for r in f.details["rows"]}
    assert rows["ru.mod"]["role"] == "self" and rows["ua.gov"]["role"] == "enemy"
    assert round(rows["ua.gov"]["ratio"], 2) == 11.10


def test_reference_snapshot_joins(store, claim) -> None:
    day = date(2023, 2, 1)
    oryx = ReferenceSeries("oryx", "analyst", "oryx.json", "snapshot", START,
                           [ReferencePoint(date(2023, 2, 5), "RU", "lost", "tanks", 1673)])  # fmt: skip
    store.reference(oryx)
    store.add("gs", day, [claim(3200, category="tanks", end=day)])
    findings = run_checks(store.context(), ["cross_claimant"])
    assert len(findings) == 1 and findings[0].references[0].series == "oryx"


def test_quiet_with_one_side_only(store, claim) -> None:
    common = {"subject": "RU", "event": "killed", "category": "personnel", "end": END}
    store.add("ua1", END, [claim(15_000, claimant="ua.gov", **common)])
    store.add("ua2", END, [claim(14_000, claimant="ua.general_staff", **common)])
    assert run_checks(store.context(), ["cross_claimant"]) == []


def test_quiet_when_a_claim_is_the_other_sides_reference_figure(store, claim) -> None:
    gs = ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", START,
                         [ReferencePoint(END, "RU", "lost", "tanks", 7834)])  # fmt: skip
    store.reference(gs)
    # The General Staff's total, mislabelled as Russia's own claim: not a second voice.
    store.add("mislabelled", END, [claim(7834, claimant="ru.mod", category="tanks", end=END)])
    assert run_checks(store.context(), ["cross_claimant"]) == []


MAY = {"start": date(2024, 5, 1), "end": date(2024, 5, 31), "subject": "RU", "event": "casualties",
       "category": "personnel"}  # fmt: skip


def test_a_window_is_compared_per_day_total_against_rate(store, claim) -> None:
    """'38,940 in May' (General Staff) and '1,262 a day in May' (UK): both per day, ratio and difference."""
    store.add("gs", date(2024, 6, 1), [claim(38_940, **MAY)])
    store.add("uk", date(2024, 6, 2), [claim(1262, claimant="west.gov", rate="per_day", **MAY)])
    findings = run_checks(store.context(), ["cross_claimant"])
    assert len(findings) == 1
    f = findings[0]
    rows = {r["claimant"]: r for r in f.details["rows"]}
    assert f.details["days"] == 31
    assert round(rows["ua.general_staff"]["per_day"]) == 1256 and rows["ua.general_staff"]["total"] == 38_940
    assert rows["west.gov"]["per_day"] == 1262 and rows["west.gov"]["total"] is None
    assert round(rows["west.gov"]["difference_per_day"], 1) == 5.9
    assert "38,940, 1,256 a day" in f.explanation and "1,262 a day" in f.explanation
    assert set(f.docs) == {"gs", "uk"}


def test_a_cumulative_reference_gives_the_windows_difference(store, claim) -> None:
    """The series' report for 31 May less its report for 30 April is the General Staff's May."""
    points = [ReferencePoint(date(2024, 4, 30), "RU", "casualties", "personnel", 470_000),
              ReferencePoint(date(2024, 5, 15), "RU", "casualties", "personnel", 489_000),
              ReferencePoint(date(2024, 5, 31), "RU", "casualties", "personnel", 508_930)]  # fmt: skip
    store.reference(ReferenceSeries("gs", "ua.general_staff", "gs.json", "cumulative", START, points))
    store.add("uk", date(2024, 6, 2), [claim(1262, claimant="west.gov", rate="per_day", **MAY)])
    findings = run_checks(store.context(), ["cross_claimant"])
    assert len(findings) == 1
    rows = {r["claimant"]: r for r in findings[0].details["rows"]}
    assert rows["ua.general_staff"]["reference"] and rows["ua.general_staff"]["total"] == 38_930
    assert findings[0].references[0].series == "gs"
    # one voice and a window the series does not cover: nothing to compare
    march = {**MAY, "start": date(2024, 3, 1), "end": date(2024, 3, 31)}
    store.add("uk2", date(2024, 6, 2), [claim(900, claimant="west.gov", rate="per_day", **march)])
    assert len(run_checks(store.context(), ["cross_claimant"])) == 1
