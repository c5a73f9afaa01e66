"""Corpus-level actor resolution: one id per real-world actor across the documents of a run.

Within a document, `news_actors` already gives gazetteer ids (`china`, `cisa`) and slugs of
normalized names. Across documents the same actor can still carry two ids: a document that only
says "Ms Psaki" or "Psaki" next to one that names Jen Psaki; "Microsoft Corp." next to
"Microsoft"; an acronym defined in one article and used bare in another. `resolve` finds
those merges; `apply` rewrites a document's ids (actors, entities, claim parties, part_of).
"""
from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipelines.names import NameWords

from .store import JsonlWriter, iter_jsonl

LOGGER = logging.getLogger(__name__)

PERSON_KINDS = frozenset({"person", "official"})
NICKNAME_RE = re.compile(r"[\"“”‘’'\[\](){}]")  # a quoted nickname or a torn span is never a canonical name
POSSESSIVE_RE = re.compile(r"[’']s$")


def name_key(name: str, words: NameWords | None = None) -> str:
    """"The Microsoft Corp." and "Microsoft" -> "microsoft"; honorifics and case do not count. The
    same word lists news_actors strips from names within a document (`NameWords`, read from the
    pipeline's data when not given)."""
    return (words or NameWords.load()).key(name)


@dataclass
class Resolution:
    """`mapping`: id -> canonical id for the ids that merge; `actors`: the corpus's actor records."""

    mapping: dict[str, str] = field(default_factory=dict)
    actors: dict[str, dict] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # id -> canonical name, where it changes

    def fix(self, aid: str | None) -> str | None:
        return self.mapping.get(aid, aid) if aid else aid


def resolve(documents: Iterable[dict], words: NameWords | None = None) -> Resolution:
    """Find the ids that name the same actor across `documents`, the record each merges into, and
    each actor's canonical name (`canonical_name`, from how the articles wrote it); names are read
    without the honorifics and suffixes of `words` (the pipeline's, by default)."""
    name_key = (words or NameWords.load()).key
    records: dict[str, dict] = {}
    seen: Counter = Counter()
    written: dict[str, Counter] = defaultdict(Counter)  # id -> how the articles wrote its name
    for doc in documents:
        for m in doc.get("entities") or ():
            if m.get("actor"):
                written[m["actor"]][POSSESSIVE_RE.sub("", " ".join(str(m.get("text") or "").split()))] += 1
        for a in doc.get("actors", ()):
            seen[a["id"]] += 1
            known = records.setdefault(a["id"], dict(a, aliases=list(a.get("aliases") or ())))
            for alias in a.get("aliases") or ():
                if alias not in known["aliases"]:
                    known["aliases"].append(alias)
            for key in ("title", "part_of", "country"):
                known[key] = known.get(key) or a.get(key)

    names: dict[str, str] = {}
    for aid, a in records.items():
        best = canonical_name(a, written.get(aid, Counter()), name_key)
        if best != a["name"]:
            LOGGER.info("actor %s: canonical name %r, not %r", aid, best, a["name"])
            a["aliases"].append(a["name"])
            a["name"] = names[aid] = best

    by_key: dict[str, set[str]] = defaultdict(set)
    for aid, a in records.items():
        for name in [a["name"], *a["aliases"]]:
            if name_key(name) and any(ch.isupper() for ch in name):  # names, not "the company" or "it"
                by_key[name_key(name)].add(aid)

    def rank(aid: str) -> tuple:
        a = records[aid]  # the fuller record wins: a full name, a title, more documents, then the id
        return (min(len(name_key(a["name"]).split()), 2), bool(a.get("title")), seen[aid], aid)

    mapping: dict[str, str] = {}
    for aid, a in records.items():
        key = name_key(a["name"])
        same = {other for other in by_key.get(key, ()) if _compatible(a, records[other])}
        if a["kind"] in PERSON_KINDS and len(key.split()) == 1:
            # a bare surname: the one full-named person of the corpus whose name ends with it
            full = {o for o, r in records.items()
                    if r["kind"] in PERSON_KINDS and len(name_key(r["name"]).split()) > 1
                    and name_key(r["name"]).split()[-1] == key}
            if len(full) == 1:
                same |= full
        best = max(same | {aid}, key=rank)
        if best != aid:
            mapping[aid] = best
    for aid in list(mapping):  # follow chains (a -> b -> c) to their end
        target, hops = mapping[aid], 0
        while target in mapping and hops < len(mapping):
            target, hops = mapping[target], hops + 1
        mapping[aid] = target
    for old, new in sorted(mapping.items()):
        LOGGER.info("actor %s merged into %s", old, new)
    return Resolution(mapping, records, names)


def _plain(name: str) -> bool:
    """Written like a name: capitalised, not shouted, no quotation mark or bracket in it."""
    return bool(name) and name[0].isupper() and not NICKNAME_RE.search(name) and not (
        name.isupper() and len(name) > 5)


def canonical_name(record: dict, written: Counter, key=None) -> str:
    """The name to show for an actor: its own, unless that is a quoted nickname (then the full
    name the articles wrote most often) or, for a person or official, an epithet before a full
    name the articles wrote ("Crooked Hillary Clinton", "Billionaire Donald Trump": the longest
    full name it ends with, whose given name is written alone too). A plain name, even a short
    one, is left as it is: the pipeline's choice stands unless it is wrong in one of these ways."""
    key = key or NameWords.load().key
    name = record["name"]
    candidates = Counter({n: k for n, k in written.items() if _plain(n)})
    if not candidates:  # no mention to learn from: the names the documents gave it
        candidates.update(n for n in (name, *(record.get("aliases") or ())) if _plain(n))
    person = record.get("kind") in PERSON_KINDS
    full = {n: k for n, k in candidates.items() if not person or len(key(n).split()) >= 2}
    if NICKNAME_RE.search(name):
        return max(full, key=lambda n: (full[n], len(n), n)) if full else name
    if not person:
        return name
    alone = {n.lower() for n in candidates if len(n.split()) == 1}
    words = name.lower().split()
    inside = {n: k for n, k in full.items() if len(n.split()) < len(words)
              and words[-len(n.split()):] == n.lower().split() and n.lower().split()[0] in alone}
    if not inside:
        return name
    return max(inside, key=lambda n: (len(n.split()), inside[n], n))


def _compatible(a: dict, b: dict) -> bool:
    """Same name is not enough across kinds: "Washington" the state is not Washington the person."""
    if a["kind"] == b["kind"]:
        return True
    return {a["kind"], b["kind"]} <= PERSON_KINDS


def apply(doc: dict, res: Resolution) -> dict:
    """The document with merged ids: a renamed actor takes its canonical record (keeping the names
    this document used as aliases); every reference (entities, claim parties, part_of) is rewritten."""
    if not res.mapping and not res.names:
        return doc
    actors: dict[str, dict] = {}
    for a in doc["actors"]:
        new_id = res.fix(a["id"])
        base = res.actors.get(new_id, a) if new_id != a["id"] else a
        kept = actors.setdefault(new_id, dict(base, id=new_id, name=res.names.get(new_id, base["name"]),
                                              aliases=list(a.get("aliases") or ()),
                                              part_of=res.fix(base.get("part_of"))))
        for name in (a["name"], *(a.get("aliases") or ())):
            if name != kept["name"] and name not in kept["aliases"]:
                kept["aliases"].append(name)
    claims = []
    for c in doc["claims"]:
        c = dict(c, source=dict(c["source"], actor=res.fix(c["source"]["actor"])))
        if c.get("target"):
            c["target"] = dict(c["target"], actor=res.fix(c["target"]["actor"]))
        claims.append(c)
    entities = [dict(m, actor=res.fix(m["actor"])) for m in doc["entities"]]
    return dict(doc, actors=list(actors.values()), entities=entities, claims=claims)


def resolve_file(path: Path) -> Resolution:
    """Resolve the actors of a finished JSON Lines output across its documents, rewriting it
    atomically (temp file + rename) when ids merge. Streams: one document in memory at a time."""
    res = resolve(iter_jsonl(path))
    if res.mapping or res.names:
        with JsonlWriter(path) as writer:
            for doc in iter_jsonl(path):
                writer.write(apply(doc, res))
    return res
