"""Reference loaders: PetroIvaniuk JSON shapes and the generic CSV, written small here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from attrition.reference import ReferenceIndex, load_reference
from attrition.reference.storeio import list_series, load_series, save_series
from attrition.store import open_store


def write(path: Path, rows: object) -> Path:
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def test_equipment_keys_map_to_format_categories(tmp_path: Path) -> None:
    rows = [
        {
            "date": "2022-04-30",
            "day": 66,
            "tank": 1000,
            "APC": 2500,
            "field artillery": 400,
            "MRL": 150,
            "military auto": 1500,
            "fuel tank": 70,
            "drone": 300,
            "naval ship": 8,
            "anti-aircraft warfare": 60,
        },
        {
            "date": "2022-05-01",
            "day": 67,
            "tank": 1002,
            "vehicles and fuel tanks": 1796,
            "cruise missiles": 84,
            "special equipment": 30,
            "aircraft": 190,
            "helicopter": 155,
            "submarines": 0,
        },
    ]
    series = load_reference(write(tmp_path / "russia_losses_equipment.json", rows))
    assert series.kind == "cumulative" and series.claimant == "ua.general_staff"
    idx = series.index()
    assert idx[("RU", "afv", date(2022, 4, 30))].value == 2500
    assert idx[("RU", "vehicles", date(2022, 4, 30))].value == 1500  # military auto before May
    assert idx[("RU", "vehicles", date(2022, 5, 1))].value == 1796
    assert idx[("RU", "uav", date(2022, 4, 30))].event == "intercepted"
    assert idx[("RU", "missiles", date(2022, 5, 1))].event == "intercepted"
    assert idx[("RU", "air_defense", date(2022, 4, 30))].event == "lost"
    assert {p.category for p in series.points} >= {
        "tanks",
        "artillery",
        "mlrs",
        "ships",
        "special_equipment",
        "aircraft",
        "helicopters",
        "submarines",
    }


def test_personnel_corrections_and_oryx(tmp_path: Path) -> None:
    pers = load_reference(
        write(
            tmp_path / "russia_losses_personnel.json",
            [{"date": "2022-03-01", "day": 6, "personnel": 5710, "personnel*": "about", "POW": 200}],
        )
    )
    assert pers.value_on("RU", "personnel", date(2022, 3, 1)) == 5710
    assert pers.points[0].event == "casualties"
    fixes = load_reference(
        write(
            tmp_path / "russia_losses_equipment_correction.json",
            [{"date": "2022-10-13", "day": 231, "APC": -25, "tank": 0, "personnel": 0}],
        )
    )
    assert fixes.kind == "correction"
    oryx = load_reference(
        write(
            tmp_path / "russia_losses_equipment_oryx.json",
            [
                {
                    "equipment_oryx": "Tanks",
                    "model": "T-72",
                    "manufacturer": "x",
                    "losses_total": 5,
                    "equipment_ua": "Tanks",
                },
                {
                    "equipment_oryx": "Tanks",
                    "model": "T-80",
                    "manufacturer": "x",
                    "losses_total": 7,
                    "equipment_ua": "Tanks",
                },
            ],
        ),
        name="oryx",
    )
    assert oryx.name == "oryx" and oryx.claimant == "analyst" and oryx.kind == "snapshot"
    assert oryx.value_on("RU", "tanks", date(2023, 2, 5)) == 12
    idx = ReferenceIndex([pers, fixes, oryx])
    assert [p.value for _, p in idx.corrections("RU", "afv", date(2022, 10, 12), date(2022, 10, 13))] == [-25]
    assert idx.lookup("ua.general_staff", "RU", "personnel", date(2022, 3, 1)) is not None


def test_generic_csv(tmp_path: Path) -> None:
    path = tmp_path / "mediazona.csv"
    path.write_text(
        "date,claimant,subject,event,category,value\n"
        "2025-08-01,analyst,RU,killed,personnel,120000\n"
        "2025-08-08,analyst,RU,killed,personnel,121507\n",
        encoding="utf-8",
    )
    series = load_reference(path)
    assert series.name == "mediazona" and series.claimant == "analyst" and len(series.points) == 2
    assert series.period_start == date(2022, 2, 24)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("date,claimant,subject,event\n", "missing column"),
        ("date,claimant,subject,event,category,value\n2025-01-01,analyst,RU,killed,people,1\n", ":2:"),
        (
            "date,claimant,subject,event,category,value\n2025-01-01,a,RU,killed,personnel,1\n"
            "2025-01-02,b,RU,killed,personnel,1\n",
            "one claimant",
        ),
    ],
)
def test_bad_csv_is_rejected(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_reference(path)


def test_store_round_trip_and_replace(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 's.db'}")
    path = write(tmp_path / "russia_losses_personnel.json", [{"date": "2022-03-01", "day": 6, "personnel": 5710}])
    save_series(engine, load_reference(path))
    save_series(engine, load_reference(path))
    [info] = list_series(engine)
    assert info.points == 1 and info.first == date(2022, 3, 1)
    [series] = load_series(engine)
    assert series.value_on("RU", "personnel", date(2022, 3, 1)) == 5710
