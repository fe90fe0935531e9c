"""MinHash signatures and LSH band keys of a document, computed once and stored with it.

A near-duplicate lookup is then a lookup of a new document's band keys among the stored ones
(an index scan), never a rebuild of an index from every stored text. The banding is the one
datasketch's `MinHashLSH` picks for the threshold, so the candidates are the ones it would
return: two documents are candidates when all rows of at least one band agree.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from attrition.sources.base import normalize_text

#: Estimated Jaccard similarity of 4-word shingles above which two documents are linked.
NEAR_DUPLICATE_THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 4


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word `size`-grams of the normalized text (the whole text if it is shorter)."""
    words = normalize_text(text).split()
    if len(words) <= size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash_signature(text: str, num_perm: int = NUM_PERM) -> bytes:
    """The MinHash of the text's shingles as `num_perm` little-endian uint32 values."""
    from datasketch import MinHash

    mh = MinHash(num_perm=num_perm)
    mh.update_batch(list(shingles(text)))
    return np.asarray(mh.hashvalues, dtype="<u4").tobytes()


@lru_cache(maxsize=8)
def banding(threshold: float = NEAR_DUPLICATE_THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's LSH chooses for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def band_keys(signature: bytes, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> list[int]:
    """One signed 64-bit key per band: a hash of the band's number and its rows' values."""
    values = np.frombuffer(signature, dtype="<u4")
    bands, rows = banding(threshold, len(values))
    keys = []
    for b in range(bands):
        digest = hashlib.blake2b(values[b * rows : (b + 1) * rows].tobytes(), digest_size=8, person=b"band%04d" % b)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def jaccard(a: bytes, b: bytes) -> float:
    """The Jaccard similarity two signatures estimate (the share of equal values)."""
    va, vb = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(va == vb)) / float(len(va))
