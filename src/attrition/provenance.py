"""Where a claim comes from, and the ids that let anyone cite it.

A claim's id is derived from what it *is* (the document's content hash and the character
span of its number), never from the order rows happened to be inserted, so `/claims/ID` in
a report written today still opens the same claim after more documents arrive or the store
is rebuilt from the same articles. A cluster's id is derived from its cluster key (the
claimant, subject, event, categories, period and value it stands for) for the same reason.

Each claim also records the extractor version and a hash of the rule data (the packaged
lexicon and pattern files) that produced it, so two stores can tell whether a difference
comes from the text or from the rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources

from attrition import __version__

#: Bumped with the package; stored with every claim.
EXTRACTOR_VERSION = __version__

#: What a claim id and a cluster id look like (web routes validate against these).
CLAIM_ID_PATTERN = r"^[0-9a-f]{12}-\d{1,9}-\d{1,9}(-\d{1,4})?$"
CLUSTER_ID_PATTERN = r"^k[0-9a-f]{15}$"

#: Suffixes of the packaged data files that are rule data (lexicons, patterns, rules).
_RULE_SUFFIXES = (".toml",)


@cache
def rules_hash() -> str:
    """SHA-256 (first 16 hex digits) over every packaged rule data file (language folders too), by name then bytes."""
    digest = hashlib.sha256()
    root = resources.files("attrition.data")
    named = [(f.name, f) for f in root.iterdir() if f.name.endswith(_RULE_SUFFIXES)]
    for folder in root.iterdir():  # language data: data/ru/, data/uk/
        if folder.is_dir() and not folder.name.startswith("_"):
            named += [(f"{folder.name}/{f.name}", f) for f in folder.iterdir() if f.name.endswith(_RULE_SUFFIXES)]
    for name, f in sorted(named, key=lambda t: t[0]):
        data = f.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:16]


def claim_uid(content_hash: str, span_start: int, span_end: int, repeat: int = 0) -> str:
    """`<first 12 hex digits of the document hash>-<start>-<end>`, readable and stable.

    `repeat` numbers the further claims one number span produces (rare: a number read as
    two claims); the first keeps the plain form.
    """
    base = f"{content_hash[:12]}-{span_start}-{span_end}"
    return base if repeat == 0 else f"{base}-{repeat + 1}"


def claim_uids(content_hash: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """Ids for a document's claims in order, numbering repeats of one span."""
    seen: dict[tuple[int, int], int] = {}
    out = []
    for start, end in spans:
        n = seen.get((start, end), 0)
        seen[(start, end)] = n + 1
        out.append(claim_uid(content_hash, start, end, n))
    return out


def cluster_uid(key_text: str) -> str:
    """`k` and the first 15 hex digits of SHA-256 over the cluster key's text form."""
    return "k" + hashlib.sha256(key_text.encode("utf-8")).hexdigest()[:15]


__all__ = [
    "CLAIM_ID_PATTERN", "CLUSTER_ID_PATTERN", "EXTRACTOR_VERSION", "claim_uid", "claim_uids", "cluster_uid",
    "rules_hash",
]  # fmt: skip
