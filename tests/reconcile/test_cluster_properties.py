"""Properties of the number relations and of clustering, over generated inputs."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from attrition.reconcile.clusters import Cluster, build_clusters
from attrition.reconcile.numbers import digit_slip, is_rounding, trailing_zeros
from attrition.reconcile.records import StoredClaim

counts = st.integers(min_value=0, max_value=10_000_000)
qualifiers = st.sampled_from(["exact", "approx", "at_least", "at_most"])


@given(counts, counts)
def test_drop_and_insert_mirror(a: int, b: int) -> None:
    assert (digit_slip(a, b) == "digit_drop") == (digit_slip(b, a) == "digit_insert")
    assert (digit_slip(a, b) == "transposition") == (digit_slip(b, a) == "transposition")


@given(counts, counts, qualifiers)
def test_a_rounding_is_rounder_and_close(rounded: int, exact: int, qualifier: str) -> None:
    if is_rounding(rounded, exact, qualifier):
        assert rounded != exact
        assert trailing_zeros(rounded) > trailing_zeros(exact)
        assert abs(rounded - exact) < 10 ** trailing_zeros(rounded)


claims = st.lists(
    st.builds(
        lambda value, category, doc, qualifier: (value, category, doc, qualifier),
        st.sampled_from([34_700, 35_000, 34_000, 34_650, 764, 800, 1_000]),
        st.sampled_from(["personnel", "tanks"]),
        st.sampled_from(["a", "b", "c"]),
        qualifiers,
    ),
    max_size=30,
)


@given(claims)
def test_every_claim_lands_in_exactly_one_cluster(specs: list[tuple[int, str, str, str]]) -> None:
    stored = [
        StoredClaim(id=i, doc=doc, claimant="ua.gov", subject="RU", event="lost", category=cat, value=v,
                    qualifier=q, published=date(2022, 6, 25), period_end=date(2022, 6, 25))
        for i, (v, cat, doc, q) in enumerate(specs)
    ]  # fmt: skip
    clusters = build_clusters(stored)
    seen = [c.id for cl in clusters for c in (*cl.reports, *cl.roundings)]
    assert sorted(seen) == list(range(len(stored)))
    for cl in clusters:
        assert cl.reports and all(c.value == cl.value for c in cl.reports)
        assert all(c.value != cl.value for c in cl.roundings)

    def shape(cs: list[Cluster]) -> set[tuple[object, frozenset[int], frozenset[int]]]:
        return {(c.key, frozenset(x.id for x in c.reports), frozenset(x.id for x in c.roundings)) for c in cs}

    assert shape(build_clusters(list(reversed(stored)))) == shape(clusters)  # input order does not matter
