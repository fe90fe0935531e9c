"""End to end: sentences written for these tests, and the claims they must (and must not) give."""

from datetime import date

import pytest

from attrition import extract

FRI = date(2024, 5, 31)


def key(c):
    return (c.subject, c.event, c.category, c.model, c.value, c.value_max, c.qualifier)


def test_claims_enumeration_with_models_and_compound_categories():
    text = (
        "Ukraine's military lost more than 35,000 troops this month, Russian Defense Minister Andrey Belousov "
        "said on Friday. Kiev has also lost more than 2,700 pieces of heavy weaponry, including 290 tanks and "
        "armored combat vehicles. These include four US-made Abrams tanks, seven Leopards and 12 Bradleys."
    )
    claims = extract(text, published=FRI)
    assert [key(c) for c in claims] == [
        ("UA", "casualties", "personnel", None, 35000, None, "at_least"),
        ("UA", "lost", "heavy_weapons", None, 2700, None, "at_least"),
        ("UA", "lost", "afv+tanks", None, 290, None, "exact"),
        ("UA", "lost", "tanks", "Abrams", 4, None, "exact"),
        ("UA", "lost", "tanks", "Leopard", 7, None, "exact"),
        ("UA", "lost", "afv", "Bradley", 12, None, "exact"),
    ]
    assert {(c.period_start, c.period_end) for c in claims} == {(date(2024, 5, 1), FRI)}
    assert {c.claimant for c in claims} == {"ru.mod"}
    assert claims[2].part_of == 1  # 290 tanks are part of the 2,700 pieces


def test_claims_reported_in_a_month_dates_the_report_not_the_figure():
    text = (
        "South Korea's Joint Chiefs of Staff had reported in March that about 4,000 North Korean troops were "
        "killed or injured in Russia last year."
    )
    (claim,) = extract(text, published=date(2025, 6, 17))
    assert (claim.subject, claim.event, claim.claimant) == ("other", "casualties", "west.gov")
    assert (claim.period_start, claim.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_claims_kursk_totals_start_with_the_incursion():
    text = "Russia has lost nearly 50,000 soldiers in the Kursk region, Syrskyi said."
    (claim,) = extract(text, published=date(2024, 11, 10))
    assert (claim.claimant, claim.subject, claim.period_start) == ("ua.general_staff", "RU", date(2024, 8, 6))


def test_claims_general_staff_list_with_increments():
    text = (
        "According to the General Staff, the Defence Forces destroyed 1,080 Russian invaders during the day, "
        "and the following equipment was destroyed:\n"
        "tanks - 7,834 (+6) units;\n"
        "MLRS - 1095 units;\n"
    )
    claims = extract(text, published=date(2024, 6, 7))
    got = [(c.event, c.category, c.value, c.period_start, c.period_end) for c in claims]
    day = date(2024, 6, 7)
    assert got == [
        ("casualties", "personnel", 1080, day, day),
        ("lost", "tanks", 7834, date(2022, 2, 24), day),
        ("lost", "tanks", 6, day, day),
        ("lost", "mlrs", 1095, date(2022, 2, 24), day),
    ]
    assert all(c.claimant == "ua.general_staff" and c.subject == "RU" for c in claims)


def test_claims_battlegroup_breakdown_links_parts_to_total():
    text = (
        "The Russian Ministry of Defense has reported the deaths of over 2,000 Ukrainian soldiers within a "
        "24-hour period.\n"
        "Western Group: 475 Ukrainian soldiers were reported killed.\n"
        "Southern Group: 620 Ukrainian soldiers were reported killed.\n"
        "Eastern Group: The eastern group accounted for 120 Ukrainian soldiers killed.\n"
    )
    claims = extract(text, published=date(2024, 7, 5))
    assert [c.value for c in claims] == [2000, 475, 620, 120]
    assert [c.part_of for c in claims] == [None, 0, 0, 0]
    assert "breakdown.groups" in claims[1].rules


def test_claims_repeated_figure_is_one_claim():
    text = (
        "Ukraine lost over 35,000 troops in May - Moscow\n"
        "Ukraine lost more than 35,000 troops in May, Russian Defense Minister Andrey Belousov said."
    )
    claims = extract(text, published=FRI)
    assert len(claims) == 1
    assert claims[0].sentence.startswith("Ukraine lost more than")  # the body, not the headline


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon will provide Ukraine with 18 more HIMARS launchers under a $1.1 billion package.",
        "Russia has deployed about 30,000 troops to the Kursk region.",
        "The city, once home to more than 100,000 people, was reduced to rubble.",
        "Russian forces repelled four counterattacks and defeated 10 Ukrainian brigades.",
        "The 14th Guards regiment is based 25 miles from the border; 95 percent of Luhansk is occupied.",
        "Hundreds of soldiers and dozens of tanks were lost, officials said.",
    ],
)
def test_claims_not_losses(text):
    assert extract(text, published=FRI) == []


def test_claims_ranges_rates_and_events():
    text = (
        "President Volodymyr Zelensky said: \u201cWe lose 60 to 100 soldiers a day as killed and about 500 "
        "people as wounded in action.\u201d"
    )
    claims = extract(text, published=date(2022, 6, 25))
    assert [(c.subject, c.event, c.value, c.value_max, c.qualifier, c.rate) for c in claims] == [
        ("UA", "killed", 60, 100, "range", "per_day"),
        ("UA", "wounded", 500, None, "approx", "per_day"),
    ]
    assert {c.claimant for c in claims} == {"ua.gov"}


def test_claims_territory_and_settlements():
    text = "Russia's Yug battlegroup liberated the settlement of Svyato-Pokrovskoe, the Russian Defense Ministry said."
    (claim,) = extract(text, published=date(2025, 12, 25))
    assert (claim.event, claim.category, claim.value, claim.location) == (
        "captured",
        "settlements",
        1,
        "Sviatopokrovske",
    )
    text = "Russia has pushed Ukrainian forces back from some 880 square kilometers of land so far this year."
    (claim,) = extract(text, published=FRI)
    assert (claim.subject, claim.event, claim.category, claim.qualifier) == (
        "UA",
        "captured",
        "territory_km2",
        "approx",
    )


def test_claims_evidence_span_points_at_the_number():
    text = "Ukraine lost more than 1,500 people and 28 tanks, the Russian Defense Ministry said on Tuesday."
    claims = extract(text, published=date(2023, 6, 5))
    assert [text[c.span.start : c.span.end] for c in claims] == ["1,500", "28"]
    assert all(text[c.sentence_span.start : c.sentence_span.end] == c.sentence for c in claims)
    assert all(c.rules for c in claims)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ukraine's air force said it had destroyed 40 of the 52 Shahed drones that Russia launched overnight, "
            "as well as two Kh-101 cruise missiles.",
            [
                ("ua.air_force", "RU", "intercepted", "uav", "Shahed", 40),
                ("ua.air_force", "RU", "intercepted", "missiles", "Kh-101", 2),
            ],
        ),
        (
            "British military intelligence estimates that Russia is suffering around 1,200 casualties a day.",
            [("west.gov", "RU", "casualties", "personnel", None, 1200)],
        ),
        (
            "Moscow claimed its forces had repelled 12 attacks and killed up to 150 Ukrainian servicemen near Bakhmut.",
            [("ru.mod", "UA", "killed", "personnel", None, 150)],
        ),
        (
            "Russia fired 90 missiles and 60 drones overnight; the Ukrainian air force said it intercepted 81 "
            "missiles.",
            [("ua.air_force", "RU", "intercepted", "missiles", None, 81)],
        ),
        (
            "The Institute for the Study of War said Russian forces have gained 2,356 square kilometres in October.",
            [("analyst", "UA", "captured", "territory_km2", None, 2356)],
        ),
        (
            "Three people were killed and 12 injured in a Russian missile strike on Kharkiv, governor Oleh "
            "Syniehubov said.",
            [("ua.local", "UA", "killed", "civilians", None, 3), ("ua.local", "UA", "wounded", "civilians", None, 12)],
        ),
        (
            "A Russian official claimed Ukraine has lost more than 400 Leopard, Abrams and Challenger tanks.",
            [("ru.mod", "UA", "lost", "tanks", None, 400)],
        ),
        (
            "The Ukrainian Navy said it sank the Russian landing ship Caesar Kunikov off the coast of Crimea.",
            [("ua.gov", "RU", "lost", "ships", None, 1)],
        ),
        (
            "Air defense forces shot down three JDAM guided bombs and a HIMARS projectile, the Russian Defence "
            "Ministry reported.",
            [
                ("ru.mod", "UA", "intercepted", "bombs", "JDAM", 3),
                ("ru.mod", "UA", "intercepted", "rockets", "HIMARS", 1),
            ],
        ),
        (
            "Russian troops destroyed 12 ammunition depots and struck 140 areas of concentration of enemy manpower.",
            [],
        ),
        (
            "A Russian missile attack on Kyiv killed at least 12 people and injured 60, the city's mayor said.",
            [("ua.local", "UA", "killed", "civilians", None, 12), ("ua.local", "UA", "wounded", "civilians", None, 60)],
        ),
        (
            "The death toll from the Russian strike on Dnipro rose to 40, regional governor Serhiy Lysak said.",
            [("ua.local", "UA", "killed", "civilians", None, 40)],
        ),
        (
            "The strike claimed the lives of 23 civilians, Ukrainian officials said.",
            [("ua.gov", "UA", "killed", "civilians", None, 23)],
        ),
        (
            "A NATO official told CNN that Russia was losing five troops for every Ukrainian soldier killed.",
            [],
        ),
        (
            "The maternity hospital in Kyiv was destroyed by a Russian missile on Monday.",
            [],
        ),
    ],
)
def test_claims_reporting_styles(sentence, expected):
    """Sentences in the styles of wire copy, ministries and monitors, written for this test."""
    claims = extract(sentence, published=date(2024, 11, 5))
    assert [(c.claimant, c.subject, c.event, c.category, c.model, c.value) for c in claims] == expected


def test_claims_wire_story_context():
    text = (
        "KYIV, Nov 17 (Reuters) - Russia launched 120 missiles and 90 drones at Ukraine overnight, "
        "President Volodymyr Zelenskiy said on Sunday.\n\n"
        "Ukraine's air force said its air defences had shot down 104 missiles and 42 drones.\n\n"
        "At least seven people were killed across the country, including two in Mykolaiv, regional officials said.\n\n"
        "Ukraine lost up to 1,680 servicemen over the past 24 hours, Russia's defence ministry said.\n\n"
        "Ukraine's General Staff put Russian losses over the same period at 1,460 troops, bringing the total "
        "since February 2022 to about 718,000."
    )
    day = date(2024, 11, 17)
    got = [
        (c.claimant, c.subject, c.event, c.category, c.value, c.period_start, c.period_end)
        for c in extract(text, published=day)
    ]
    assert got == [
        ("ua.air_force", "RU", "intercepted", "missiles", 104, day, day),
        ("ua.air_force", "RU", "intercepted", "uav", 42, day, day),
        ("ua.local", "UA", "killed", "civilians", 7, day, day),  # in the overnight attack
        ("ua.local", "UA", "killed", "civilians", 2, day, day),
        ("ru.mod", "UA", "casualties", "personnel", 1680, day, day),
        ("ua.general_staff", "RU", "casualties", "personnel", 1460, day, day),
        ("ua.general_staff", "RU", "casualties", "personnel", 718000, date(2022, 2, 24), day),
    ]


def test_claims_all_launched_were_downed():
    text = "Russia launched 30 Shahed drones at Odesa overnight. All of them were shot down, the air force said."
    (claim,) = extract(text, published=date(2024, 5, 31))
    assert (claim.claimant, claim.subject, claim.event, claim.category, claim.model, claim.value) == (
        "ua.air_force",
        "RU",
        "intercepted",
        "uav",
        "Shahed",
        30,
    )
    assert "trigger.all_downed" in claim.rules
    assert text[claim.span.start : claim.span.end] == "30"


def test_claims_launched_without_outcome_is_not_a_loss():
    assert extract("Russia launched 30 Shahed drones at Odesa overnight.", published=date(2024, 5, 31)) == []
