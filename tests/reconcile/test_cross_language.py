"""One statement reported in Russian, Ukrainian and English is one cluster, and checks read originals.

The claim key holds no language and no text: `model` is English and `location` romanized in
every language, so the same MoD figure printed by a Moscow outlet, a Kyiv outlet and an English
wire merges, while the sentence and claimant_text of each report stay as written.
Sentences are written for the tests.
"""

from __future__ import annotations

from datetime import date

from attrition import extract
from attrition.checks import run_checks
from attrition.reconcile.storeio import list_clusters, reconcile

D = date(2025, 3, 10)
SAME_NIGHT = {
    "ru-outlet": ("ru", "Минобороны России сообщило, что за минувшие сутки средствами ПВО над "
                        "Белгородской областью сбиты 42 украинских беспилотника."),
    "uk-outlet": ("uk", "Міноборони Росії заявило, що за минулу добу над Бєлгородською областю збито "
                        "42 українські безпілотники."),
    "en-wire": ("en", "Russia's Defence Ministry said air defences shot down 42 Ukrainian drones over the "
                      "Belgorod region over the past day."),
}  # fmt: skip


def test_the_same_statement_in_three_languages_is_one_cluster(store) -> None:
    for doc, (lang, text) in SAME_NIGHT.items():
        store.add(doc, D, extract(text, published=D, lang=lang))
    other = "Russia's Defence Ministry said air defences shot down 17 Ukrainian drones over the Kursk region."
    store.add("en-other", D, extract(other, published=D, lang="en"))
    summary = reconcile(store.engine)
    assert (summary.clusters, summary.reports) == (2, 4)
    top = next(c for c in list_clusters(store.engine) if c.value == 42)
    assert top.report_count == 3
    assert {r.doc for r in top.reports} == set(SAME_NIGHT)
    # each report keeps its own words
    assert {r.sentence for r in top.reports} == {text for _, text in SAME_NIGHT.values()}


def test_a_figure_of_another_day_or_place_stays_apart(store) -> None:
    lang, text = SAME_NIGHT["ru-outlet"]
    store.add("ru-today", D, extract(text, published=D, lang=lang))
    store.add("ru-next-day", date(2025, 3, 11), extract(text, published=date(2025, 3, 11), lang=lang))
    moved = text.replace("Белгородской", "Курской")
    store.add("ru-kursk", D, extract(moved, published=D, lang=lang))
    assert reconcile(store.engine).clusters == 3


def test_a_slip_in_a_russian_copy_is_found_against_the_other_reports(store) -> None:
    total = "Минобороны России сообщило, что с начала специальной военной операции ВСУ потеряли {} танков."
    for i in range(3):
        store.add(f"ru-{i}", D, extract(total.format("1 351"), published=D, lang="ru"))
    store.add("en-copy", D, extract("Russia's Defence Ministry said Ukraine has lost 1,351 tanks since the start of "
                                    "the special military operation.", published=D, lang="en"))  # fmt: skip
    store.add("ru-typo", D, extract(total.format("1 315"), published=D, lang="ru"))
    findings = run_checks(store.context(), ["misquote"])
    assert [f.details["kind"] for f in findings] == ["transposition"]
    docs = findings[0].docs
    assert docs[0] == "ru-typo" and len(docs) == 4  # the slip and three of the majority's reports
    assert set(docs[1:]) <= {"ru-0", "ru-1", "ru-2", "en-copy"}


def test_battlegroup_parts_in_russian_are_checked_against_their_total(store) -> None:
    text = (
        "Минобороны России сообщило, что за сутки потери ВСУ составили 1300 военнослужащих. "
        "Группировка войск «Север» уничтожила 200 военнослужащих, группировка «Запад» — 400, "
        "группировка «Центр» — 500."
    )
    claims = extract(text, published=D, lang="ru")
    assert [c.part_of for c in claims] == [None, 0, 0, 0]
    store.add("ru-bg", D, claims)
    (finding,) = run_checks(store.context(), ["breakdown_sum"])
    assert finding.details["difference"] == -200
