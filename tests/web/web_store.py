"""A small store for the web tests, built from sentences written for them.

Every figure is made up for the tests. Claims are written with the exact character spans of
their numbers, so highlighting can be checked against the text itself. One article is hostile:
its title, outlet and sentence carry markup and a spreadsheet formula.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from attrition.models import Claim, Document, Span
from attrition.reconcile.storeio import reconcile
from attrition.reference import ReferencePoint, ReferenceSeries
from attrition.reference.storeio import save_series
from attrition.store import repository as repo

INVASION = date(2022, 2, 24)
HOSTILE_SENTENCE = (
    'Officials said <script>window.__pwned = 1</script> 41 <img src=x onerror="window.__pwned=2"> tanks were lost.'
)


@dataclass
class Spec:
    """One claim to write: which number in the sentence, and its fields."""

    number: str
    value: float
    claimant: str = "ua.general_staff"
    subject: str = "RU"
    event: str = "casualties"
    category: str = "personnel"
    qualifier: str = "exact"
    rate: str | None = None
    start: date | None = INVASION
    end: date | None = None
    value_max: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def add_article(
    engine: Engine,
    doc: str,
    published: date,
    outlet: str,
    paragraphs: list[str],
    specs: list[tuple[int, Spec]],
    title: str | None = None,
    url: str | None = None,
    lang: str | None = None,
) -> str:
    """Store one article (in English unless `lang`, or Cyrillic text, says otherwise); each spec
    names the paragraph whose number it reads."""
    text = "\n\n".join(paragraphs)
    claims = []
    for para_index, spec in specs:
        para_start = sum(len(p) + 2 for p in paragraphs[:para_index])
        sentence = paragraphs[para_index]
        at = para_start + sentence.index(spec.number)
        claims.append(Claim(
            doc=None, claimant=spec.claimant, claimant_text=None, subject=spec.subject, event=spec.event,
            category=spec.category, model=None, value=spec.value, value_max=spec.value_max,
            qualifier=spec.qualifier, rate=spec.rate, period_start=spec.start,
            period_end=spec.end if spec.end is not None else published, location=None, sentence=sentence,
            span=Span(at, at + len(spec.number)), sentence_span=Span(para_start, para_start + len(sentence)),
            rules=("test.written",),
        ))  # fmt: skip
    digest = hashlib.sha256(text.encode()).hexdigest()
    lang = lang or ("uk" if any("\u0400" <= ch <= "\u04ff" for ch in text) else "en")
    with engine.begin() as conn:
        return repo.add_document(
            conn, document=Document(id=doc, text=text, published=published, url=url, outlet=outlet,
                                    title=title or doc, lang=lang), claims=claims, content_hash=digest, source=None,
            run_id=None,
        ).doc  # fmt: skip


def build(engine: Engine) -> None:
    """The web tests' store: staff totals, a wire copy, a misquote, a rate, a hostile article, a series."""
    add_article(
        engine,
        "staff-may-01",
        date(2024, 5, 1),
        "Staff Bulletin",
        [
            "Morning summary for the first of May.",
            "The General Staff put Russian losses at 470,000 personnel since the invasion began.",
        ],
        [(1, Spec("470,000", 470000))],
        url="https://bulletin.example/may-01",
    )
    add_article(
        engine,
        "staff-may-31",
        date(2024, 5, 31),
        "Staff Bulletin",
        [
            "The General Staff put Russian losses at 508,000 personnel since the invasion began.",
        ],
        [(0, Spec("508,000", 508000))],
    )
    add_article(
        engine,
        "wire-may-31",
        date(2024, 5, 31),
        "Wire Service",
        [
            "Kyiv says Russia has now lost 508,000 troops in the war, according to the General Staff.",
            "The staff also counted 7,700 Russian tanks destroyed.",
        ],
        [(0, Spec("508,000", 508000)), (1, Spec("7,700", 7700, event="lost", category="tanks"))],
    )
    add_article(
        engine,
        "tabloid-may-31",
        date(2024, 5, 31),
        "Daily Tabloid",
        [
            "Russia has lost 580,000 soldiers, the General Staff claimed on Friday.",
        ],
        [(0, Spec("580,000", 580000))],
    )
    add_article(engine, "analysts-june", date(2024, 6, 3), "Defence Review", [
        "Western intelligence estimated Russian casualties at over 1,200 a day in May.",
        "Moscow said Ukraine lost up to 2,000 soldiers in a week near the front.",
    ], [
        (0, Spec("1,200", 1200, claimant="west.gov", qualifier="at_least", rate="per_day",
                 start=date(2024, 5, 1), end=date(2024, 5, 31))),
        (1, Spec("2,000", 2000, claimant="ru.mod", subject="UA", qualifier="at_most",
                 start=date(2024, 5, 27), end=date(2024, 6, 2))),
    ])  # fmt: skip
    add_article(
        engine,
        "hostile-page",
        date(2024, 6, 4),
        '=HYPERLINK("http://evil.example")',
        [
            "Report from the front.",
            HOSTILE_SENTENCE,
        ],
        [
            (
                1,
                Spec(
                    "41",
                    41,
                    claimant="ua.army",
                    event="lost",
                    category="tanks",
                    start=date(2024, 6, 3),
                    end=date(2024, 6, 3),
                ),
            )
        ],  # fmt: skip
        title="<b>Bold</b> claims <script>window.__pwned = 3</script>",
        url="javascript:alert(1)",
    )
    series = ReferenceSeries(name="staff-series", claimant="ua.general_staff", source="/data/staff.json", points=[
        ReferencePoint(date(2024, 5, 1), "RU", "casualties", "personnel", 470000),
        ReferencePoint(date(2024, 5, 15), "RU", "casualties", "personnel", 489000),
        ReferencePoint(date(2024, 5, 31), "RU", "casualties", "personnel", 508000),
    ])  # fmt: skip
    save_series(engine, series)
    reconcile(engine)
