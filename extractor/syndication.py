"""Syndication: wire copy republished by several outlets, found as near-duplicate text and grouped.

A copy is not independent evidence of a claim: the store marks each document of a group but the
first (earliest published, then first stored) with `duplicate_of`, and the graph and claims.csv
carry it, so counts can tell outlets that reported a claim from independent sources of it.

MinHash (datasketch) over word 3-shingles, chosen by measurement over trafilatura's 64-bit SimHash
on the sample pages and PolNeAR dev: a republished page (other headline, byline, boilerplate) and
a copy missing its first paragraph scored 0.82-0.99 estimated Jaccard against 0.07 at most for two
different dev articles (0.34 for two sample pages quoting the same statements); SimHash gave 0.88
for such copies but up to 0.83 for different articles, too thin a margin to set a threshold in.
Candidates come from LSH bands kept in the store (table `minhash_bands`), so grouping reads
buckets, never the whole corpus, and compares each bucket's members with its first member.
"""
from __future__ import annotations

import logging
import re
from hashlib import blake2b

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .store import CorpusStore

LOGGER = logging.getLogger(__name__)

NUM_PERM = 128
BANDS, ROWS = 32, 4  # 32 bands of 4 hash values: pairs over ~0.4 Jaccard almost always meet in a band
SHINGLE = 3  # words
THRESHOLD = 0.6  # estimated Jaccard at which two texts are copies of one article
SEED = 1  # fixed, so signatures stored by different runs and workers compare
WORD_RE = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The MinHash of the text's word 3-shingles (case-folded), as bytes for the store."""
    from datasketch import MinHash  # 1 s of imports (scipy): only where documents are processed
    words = WORD_RE.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return m.hashvalues.astype("<u8").tobytes()


def bands(sig: bytes) -> list[tuple[int, int]]:
    """(band, hash of the band's values) for the LSH index; hashes fit SQLite's signed 64 bits."""
    values = np.frombuffer(sig, dtype="<u8").reshape(BANDS, ROWS)
    return [(i, int.from_bytes(blake2b(row.tobytes(), digest_size=8).digest(), "little", signed=True))
            for i, row in enumerate(values)]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal hash values."""
    return float(np.mean(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8")))


def group_duplicates(store: "CorpusStore") -> int:
    """Recompute the duplicate groups of the whole store; returns how many documents are copies."""
    db = store.db
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    signatures: dict[str, bytes] = {}

    def sig(doc_id: str) -> bytes:
        if doc_id not in signatures:
            signatures[doc_id] = db.execute("SELECT minhash FROM documents WHERE id=?", (doc_id,)).fetchone()[0]
        return signatures[doc_id]

    buckets = db.execute(
        "SELECT group_concat(b.document, char(31)) FROM minhash_bands b JOIN documents d ON d.id = b.document"
        " WHERE d.error IS NULL GROUP BY b.band, b.hash HAVING count(*) > 1")
    for (members,) in buckets:
        first, *rest = members.split("\x1f")
        for other in rest:
            if find(other) != find(first) and similarity(sig(first), sig(other)) >= THRESHOLD:
                parent[find(other)] = find(first)
        signatures.clear()  # a bucket's signatures are not needed by the next one
    groups: dict[str, set[str]] = {}
    for doc_id in list(parent):
        root = find(doc_id)
        groups.setdefault(root, {root}).add(doc_id)
    updates = []
    for members in groups.values():
        members = sorted(members, key=lambda d: _order(db, d))
        head, copies = members[0], members[1:]
        updates += [(head, c) for c in copies]
    with store.transaction() as tx:
        tx.execute("UPDATE documents SET duplicate_of=NULL WHERE duplicate_of IS NOT NULL")
        tx.executemany("UPDATE documents SET duplicate_of=? WHERE id=?", updates)
    LOGGER.info("syndication: %d documents are copies in %d groups", len(updates), len(groups))
    return len(updates)


def _order(db, doc_id: str) -> tuple:
    """Earliest published first (undated last), then the first stored."""
    published, seq = db.execute("SELECT published, seq FROM documents WHERE id=?", (doc_id,)).fetchone()
    return (published is None, published or "", seq)
