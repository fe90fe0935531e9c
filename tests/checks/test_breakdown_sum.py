"""breakdown_sum: parts against their stated total, firing and staying quiet."""

from __future__ import annotations

from datetime import date

from attrition.checks import run_checks

DAY = date(2024, 7, 17)


def _battlegroups(claim, total: float, qualifier: str, parts: list[float]):
    common = {"claimant": "ru.mod", "subject": "UA", "event": "casualties", "category": "personnel",
              "start": DAY, "end": DAY}  # fmt: skip
    claims = [claim(total, qualifier=qualifier, **common)]
    claims += [claim(v, part_of=0, **common) for v in parts]
    return claims


def test_parts_short_of_an_over_total_fire(store, claim) -> None:
    store.add("bg-1", DAY, _battlegroups(claim, 2000, "at_least", [500, 400, 390, 350, 300]))
    findings = run_checks(store.context(), ["breakdown_sum"])
    assert len(findings) == 1
    f = findings[0]
    assert f.severity == "warning"
    assert "1,940" in f.explanation and "over 2,000" in f.explanation
    assert len(f.claim_ids) == 6 and f.docs == ("bg-1",)
    assert f.details["difference"] == -60


def test_parts_exceeding_the_total_are_an_error(store, claim) -> None:
    store.add("bg-2", DAY, _battlegroups(claim, 1000, "exact", [600, 500]))
    findings = run_checks(store.context(), ["breakdown_sum"])
    assert [f.severity for f in findings] == ["error"]
    assert "exceeds" in findings[0].explanation


def test_quiet_when_parts_add_up(store, claim) -> None:
    store.add("bg-3", DAY, _battlegroups(claim, 1940, "exact", [500, 400, 390, 350, 300]))
    store.add("bg-4", DAY, _battlegroups(claim, 2000, "approx", [500, 400, 390, 350, 300]))
    store.add("bg-5", DAY, _battlegroups(claim, 1500, "at_least", [500, 400, 390, 350, 300]))
    assert run_checks(store.context(), ["breakdown_sum"]) == []


def test_quiet_for_a_partial_list_of_other_categories(store, claim) -> None:
    common = {"claimant": "ru.mod", "subject": "UA", "start": date(2024, 5, 1), "end": date(2024, 5, 31)}
    store.add("weapons", DAY, [
        claim(2700, qualifier="at_least", category="heavy_weapons", **common),
        claim(290, category="afv+tanks", part_of=0, **common),
        claim(11, category="aircraft", part_of=0, **common),
    ])  # fmt: skip
    assert run_checks(store.context(), ["breakdown_sum"]) == []


def test_quiet_for_an_including_list_or_named_models(store, claim) -> None:
    day = {"claimant": "ru.mod", "subject": "UA", "start": DAY, "end": DAY}
    sentence = "The enemy lost 36 launchers, including nine HIMARS and six MLRS."
    store.add(
        "incl",
        DAY,
        [
            claim(36, category="mlrs", sentence=sentence, **day),
            claim(9, category="mlrs", sentence=sentence, part_of=0, **day),
            claim(6, category="mlrs", sentence=sentence, part_of=0, **day),
        ],
    )
    store.add(
        "models",
        DAY,
        [
            claim(10, category="tanks", **day),
            claim(2, category="tanks", model="Leopard", part_of=0, **day),
            claim(1, category="tanks", model="Abrams", part_of=0, **day),
        ],
    )
    assert run_checks(store.context(), ["breakdown_sum"]) == []


def test_killed_and_casualties_parts_count_together(store, claim) -> None:
    """'over 2,000 killed' against battlegroups of which one says '405 casualties'."""
    common = {"claimant": "ru.mod", "subject": "UA", "category": "personnel", "start": DAY, "end": DAY}
    claims = [claim(2000, qualifier="at_least", event="killed", **common)]
    for value, event in ((475, "killed"), (405, "casualties"), (120, "killed"), (620, "killed"), (320, "killed")):
        claims.append(claim(value, event=event, part_of=0, **common))
    store.add("groups", DAY, claims)
    [finding] = run_checks(store.context(), ["breakdown_sum"])
    assert "1,940" in finding.explanation and len(finding.claim_ids) == 6
