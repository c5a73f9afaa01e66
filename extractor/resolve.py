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

from spacy.lang.en.stop_words import STOP_WORDS

from pipelines.names import NameWords

from .store import JsonlWriter, iter_jsonl

LOGGER = logging.getLogger(__name__)

PERSON_KINDS = frozenset({"person", "official"})
# an organisation one article calls a company ("Ford shares", "the carmaker") is one in every article
COMPANY, PLAIN_ORGANISATION = "company", "organisation"
NICKNAME_RE = re.compile(r"[\"“”‘’'\[\](){}]")  # a quoted nickname or a torn span is never a canonical name
POSSESSIVE_RE = re.compile(r"[’']s$")
HONORIFIC_BEFORE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$", re.I)  # "Mr. " just before a mention
ATTRIBUTIVE_RE = re.compile(r"(?:^|\b)the\s+$|^the\s", re.I)  # "the Bush administration", "the Kennedy family"
HONORIFIC_NAME_RE = re.compile(r"^(?:the\s+)?(Mr|Mrs|Ms|Miss)\b", re.I)  # a name written "Ms Psaki"
NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "bin", "al"})
MIN_ALONE_DOCUMENTS = 2  # a one-word name among several candidates: the articles write the chosen one so this often
DOMINANCE = 3  # ... and this many times as often as the next candidate
DOCUMENT_DOMINANCE = 2  # another person of that name in the document: the candidate named this many times as often


def name_key(name: str, words: NameWords | None = None) -> str:
    """"The Microsoft Corp." and "Microsoft" -> "microsoft"; honorifics and case do not count. The
    same word lists news_actors strips from names within a document (`NameWords`, read from the
    pipeline's data when not given)."""
    return (words or NameWords.load()).key(name)


@dataclass
class Resolution:
    """`mapping`: id -> canonical id for the ids that merge; `actors`: the corpus's actor records;
    `kept`: (document, id) pairs that keep their own id although the id merges elsewhere (a bare
    surname the document itself gives another reading of)."""

    mapping: dict[str, str] = field(default_factory=dict)
    actors: dict[str, dict] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # id -> canonical name, where it changes
    kept: frozenset[tuple[str, str]] = frozenset()

    companies: frozenset[str] | None = None  # ids some article types company, another organisation

    def __post_init__(self) -> None:
        if self.companies is None:  # read back from the store: its canonical records say which
            self.companies = frozenset(aid for aid, a in self.actors.items() if a.get("kind") == COMPANY)

    def fix(self, aid: str | None, document: str | None = None) -> str | None:
        if not aid or (document, aid) in self.kept:
            return aid
        return self.mapping.get(aid, aid)


def _gender(before: str) -> str | None:
    """"m" after "Mr.", "f" after "Ms."/"Mrs."/"Miss", else None: what the text says of a mention."""
    m = HONORIFIC_BEFORE_RE.search(before)
    return None if not m else ("m" if m.group(1).lower() == "mr" else "f")


def _before(doc: dict, m: dict) -> str:
    """The few characters before a mention: from the store (`before`) or the document's text."""
    if "before" in m:
        return m["before"] or ""
    start = m.get("start") or 0
    return (doc.get("text") or "")[max(0, start - 8):start]


def _person_name(name: str, key: str) -> bool:
    """Written like a person's full name: two or three words, no digit, no function word
    ("Among Latinos", "Anderson Cooper 360" and "Victoria at Sandy Hook" are not)."""
    words = key.split()
    return 2 <= len(words) <= 3 and not any(ch.isdigit() for ch in name) and not any(
        w in STOP_WORDS and w not in NAME_PARTICLES for w in words)


def resolve(documents: Iterable[dict], words: NameWords | None = None) -> Resolution:
    """Find the ids that name the same actor across `documents`, the record each merges into, and
    each actor's canonical name (`canonical_name`, from how the articles wrote it); names are read
    without the honorifics and suffixes of `words` (the pipeline's, by default).

    A name of one word (a surname or given name alone: "Psaki", "Mr. Khan", "Hillary") joins only
    the one full-named person of the corpus it can be (the surname of exactly one, or the given name
    of exactly one whom the articles call by it alone in 2 documents or more), and in each document
    only when that document gives no other reading: no other full-named person there with that
    name, not both "Mr." and "Ms." before it, no honorific of the other gender than the one the
    corpus writes before the candidate. Where a document does give one, its actor keeps its id.
    (Another full-named person of that name is no other reading when the document names the
    candidate DOCUMENT_DOMINANCE times as often: "Clinton" where Hillary Clinton is named 18 times
    and President Bill Clinton once.)"""
    name_key = (words or NameWords.load()).key
    records: dict[str, dict] = {}
    seen: Counter = Counter()
    written: dict[str, Counter] = defaultdict(Counter)  # id -> how the articles wrote its name
    genders: dict[str, Counter] = defaultdict(Counter)  # id -> the honorifics before its mentions
    alone: Counter = Counter()  # (id, its surname or given name) -> documents that write the full-named actor so
    single_docs: dict[str, list[tuple[str, dict[str, int], frozenset[str], bool]]] = defaultdict(list)
    companies: set[str] = set()  # ids typed organisation in one document, company in another
    for doc in documents:
        doc_genders: dict[str, set[str]] = defaultdict(set)
        named: set[str] = set()  # actors mentioned at least once other than as "the X ..." (a modifier)
        counts = Counter(m.get("actor") for m in doc.get("entities") or ())
        for m in doc.get("entities") or ():
            if m.get("actor"):
                written[m["actor"]][POSSESSIVE_RE.sub("", " ".join(str(m.get("text") or "").split()))] += 1
                before = _before(doc, m)
                if not ATTRIBUTIVE_RE.search(before) and not ATTRIBUTIVE_RE.match(str(m.get("text") or "")):
                    named.add(m["actor"])
                g = _gender(before)
                if g:
                    genders[m["actor"]][g] += 1
                    doc_genders[m["actor"]].add(g)
        persons = [(a["id"], name_key(a["name"]), a["name"]) for a in doc.get("actors", ()) if a["kind"] in PERSON_KINDS]
        for a in doc.get("actors", ()):
            if a.get("named") is False:
                continue  # an unnamed source ("experts", "a source") is its document's only: never merged
            seen[a["id"]] += 1
            known = records.setdefault(a["id"], dict(a, aliases=list(a.get("aliases") or ())))
            for alias in a.get("aliases") or ():
                if alias not in known["aliases"]:
                    known["aliases"].append(alias)
            for key in ("title", "part_of", "country"):
                known[key] = known.get(key) or a.get(key)
            if {known["kind"], a["kind"]} == {PLAIN_ORGANISATION, COMPANY}:
                known["kind"] = COMPANY
                companies.add(a["id"])
            key = name_key(a["name"])
            if a["kind"] not in PERSON_KINDS:
                continue
            if len(key.split()) == 1 and key:
                # full-named persons of this document whose surname or given name it is
                others = {o: counts[o] for o, k, n in persons if _person_name(n, k) and key in (k.split()[0], k.split()[-1])}
                for name in (a["name"], *(a.get("aliases") or ())):
                    m = HONORIFIC_NAME_RE.match(name)
                    if m:
                        doc_genders[a["id"]].add("m" if m.group(1).lower() == "mr" else "f")
                single_docs[a["id"]].append((str(doc.get("id")), others, frozenset(doc_genders[a["id"]]),
                                             a["id"] in named or not doc.get("entities")))
            elif len(key.split()) > 1:
                own = {name_key(n) for n in (*(a.get("aliases") or ()), *doc_written(doc, a["id"]))}
                for word in {key.split()[0], key.split()[-1]} & own:
                    alone[a["id"], word] += 1

    names: dict[str, str] = {}
    for aid, a in records.items():
        best = canonical_name(a, written.get(aid, Counter()), name_key)
        if best != a["name"]:
            LOGGER.info("actor %s: canonical name %r, not %r", aid, best, a["name"])
            a["aliases"].append(a["name"])
            a["name"] = names[aid] = best

    def single(aid: str) -> bool:
        return records[aid]["kind"] in PERSON_KINDS and len(name_key(records[aid]["name"]).split()) == 1

    by_key: dict[str, set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)  # one word -> the full-named persons of that surname
    given_names: dict[str, set[str]] = defaultdict(set)  # ... of that given name
    for aid, a in records.items():
        for name in [a["name"], *a["aliases"]]:
            key = name_key(name)
            if not key or not any(ch.isupper() for ch in name):  # names, not "the company" or "it"
                continue
            if a["kind"] in PERSON_KINDS and len(key.split()) == 1:
                continue  # a one-word person name joins through `one_word_choice` only
            by_key[key].add(aid)
        key = name_key(a["name"])
        if a["kind"] in PERSON_KINDS and _person_name(a["name"], key):
            surnames[key.split()[-1]].add(aid)
            given_names[key.split()[0]].add(aid)

    def one_word_choice(word: str) -> str | None:
        """The full-named person a one-word name means in this corpus: the only one of that surname
        (and no one of that given name), else the one the articles write by that word alone in
        MIN_ALONE_DOCUMENTS documents or more and DOMINANCE times as often as any other."""
        by_surname, by_given = surnames.get(word, set()), given_names.get(word, set())
        if len(by_surname) == 1 and not by_given - by_surname:
            return next(iter(by_surname))
        ranked = sorted(((alone[c, word], c) for c in by_surname | by_given), reverse=True)
        if not ranked or ranked[0][0] < MIN_ALONE_DOCUMENTS:
            return None
        if len(ranked) > 1 and ranked[0][0] < DOMINANCE * ranked[1][0]:
            return None
        return ranked[0][1]

    # a leading word before a full name the same document writes alone ("Telling Jeb Bush", "Kill
    # Trayvon Martin", "Crooked Hillary Clinton": a headline's Title Case span) is no part of the name,
    # unless it is a given name of the corpus ("Mary Kay Henry")
    person_keys: dict[str, set[str]] = defaultdict(set)
    for aid, a in records.items():
        if a["kind"] in PERSON_KINDS:
            person_keys[name_key(a["name"])].add(aid)
    given: dict[str, set[str]] = defaultdict(set)  # a given name -> the persons of the corpus who bear it
    for k, ids in person_keys.items():
        if len(k.split()) >= 2 and " ".join(k.split()[1:]) not in person_keys:
            given[k.split()[0]] |= ids
    epithet_of: dict[str, str] = {}
    for aid, a in records.items():
        words = name_key(a["name"]).split()
        if a["kind"] not in PERSON_KINDS or len(words) < 3:
            continue
        for alias in sorted(a["aliases"], key=len, reverse=True):
            inner = name_key(alias).split()
            lead = words[:len(words) - len(inner)]
            if not (2 <= len(inner) < len(words) and words[-len(inner):] == inner and _plain(alias)
                    and not any(given.get(w, set()) - {aid} for w in lead) and _person_name(alias, " ".join(inner))):
                continue
            others = person_keys.get(" ".join(inner), set()) - {aid}
            if others:
                epithet_of[aid] = max(others, key=lambda o: (seen[o], o))
            elif given.get(inner[0], set()) - {aid} and inner[-1] in {  # no one else of that name: a known given
                    name_key(n) for n in (*a["aliases"], *written.get(aid, ()))}:  # name, its surname written alone
                LOGGER.info("actor %s: canonical name %r, not %r", aid, alias, a["name"])
                a["aliases"].append(a["name"])
                a["name"] = names[aid] = alias
            break

    def rank(aid: str) -> tuple:
        a = records[aid]  # the fuller record wins: a full name, a title, more documents, then the id
        return (min(len(name_key(a["name"]).split()), 2), bool(a.get("title")), seen[aid], aid)

    def same_person(a: str, b: str) -> bool:
        """"Hillary Rodham Clinton" and "Hillary Clinton": the same given name and surname."""
        ka, kb = name_key(records[a]["name"]).split(), name_key(records[b]["name"]).split()
        return (ka[0], ka[-1]) == (kb[0], kb[-1])

    def gender_of(aid: str) -> str | None:
        g = genders.get(aid, Counter())
        if not g:
            return None
        top, k = g.most_common(1)[0]
        return top if k >= 2 * (sum(g.values()) - k) else None

    mapping: dict[str, str] = {}
    kept: set[tuple[str, str]] = set()
    for aid, a in records.items():
        if single(aid):
            best = one_word_choice(name_key(a["name"]))
            if best is None or best == aid:
                continue
            known = gender_of(best)
            blocked = {doc_id for doc_id, others, said, as_person in single_docs[aid]
                       if any(others.get(best, 0) < DOCUMENT_DOMINANCE * max(k, 1) for o, k in others.items()
                              if not same_person(o, best))
                       or len(said) > 1 or (known and said and said != {known}) or not as_person}
            if len(blocked) == len(single_docs[aid]):
                LOGGER.info("actor %s stays apart from %s: every document gives another reading", aid, best)
                continue
            kept |= {(doc_id, aid) for doc_id in blocked}
        else:
            key = name_key(a["name"])
            same = {other for other in by_key.get(key, ()) if _compatible(a, records[other])}
            best = epithet_of.get(aid) or max(same | {aid}, key=rank)
        if best != aid:
            mapping[aid] = best
    for aid in list(mapping):  # follow chains (a -> b -> c) to their end
        target, hops = mapping[aid], 0
        while target in mapping and hops < len(mapping):
            target, hops = mapping[target], hops + 1
        mapping[aid] = target
    for old, new in sorted(mapping.items()):
        LOGGER.info("actor %s merged into %s", old, new)
    companies |= {mapping.get(aid, aid) for aid in companies} | {
        mapping[aid] for aid in mapping if records[aid]["kind"] == COMPANY}  # "Volkswagen AG" into "Volkswagen"
    for aid in companies:
        if records[aid]["kind"] == PLAIN_ORGANISATION:
            records[aid]["kind"] = COMPANY
    return Resolution(mapping, records, names, frozenset(kept), frozenset(companies))


def doc_written(doc: dict, aid: str) -> set[str]:
    """How one document wrote an actor's mentions."""
    return {str(m.get("text") or "") for m in doc.get("entities") or () if m.get("actor") == aid}


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
    """Same name is not enough across kinds: "Washington" the state is not Washington the person;
    an organisation and a company of one name are one ("Volkswagen AG", "Volkswagen")."""
    if a["kind"] == b["kind"]:
        return True
    return {a["kind"], b["kind"]} <= PERSON_KINDS or {a["kind"], b["kind"]} == {COMPANY, PLAIN_ORGANISATION}


def apply(doc: dict, res: Resolution) -> dict:
    """The document with merged ids: a renamed actor takes its canonical record (keeping the names
    this document used as aliases, and what this document says it is part of: a claim rolls up along
    its own document's `part_of`, not one another article gave); every reference (entities, claim
    parties, part_of) is rewritten."""
    if not res.mapping and not res.names and not res.companies:
        return doc
    doc_id = doc.get("id")
    actors: dict[str, dict] = {}
    for a in doc["actors"]:
        new_id = res.fix(a["id"], doc_id)
        base = res.actors.get(new_id, a) if new_id != a["id"] else a
        if base["kind"] == PLAIN_ORGANISATION and new_id in res.companies:
            base = dict(base, kind=COMPANY)
        kept = actors.setdefault(new_id, dict(base, id=new_id, name=res.names.get(new_id, base["name"]),
                                              aliases=list(a.get("aliases") or ()),
                                              part_of=res.fix(a.get("part_of"), doc_id)))
        if not kept.get("part_of") and a.get("part_of"):  # "Comey" and "FBI Director James Comey" merged
            kept["part_of"] = res.fix(a["part_of"], doc_id)
        for name in (a["name"], *(a.get("aliases") or ())):
            if name != kept["name"] and name not in kept["aliases"]:
                kept["aliases"].append(name)
    claims = []
    for c in doc["claims"]:
        c = dict(c, source=dict(c["source"], actor=res.fix(c["source"]["actor"], doc_id)))
        if c.get("target"):
            c["target"] = dict(c["target"], actor=res.fix(c["target"]["actor"], doc_id))
        claims.append(c)
    entities = [dict(m, actor=res.fix(m["actor"], doc_id)) for m in doc["entities"]]
    return dict(doc, actors=list(actors.values()), entities=entities, claims=claims)


def resolve_file(path: Path) -> Resolution:
    """Resolve the actors of a finished JSON Lines output across its documents, rewriting it
    atomically (temp file + rename) when ids merge. Streams: one document in memory at a time."""
    res = resolve(iter_jsonl(path))
    if res.mapping or res.names or res.companies:
        with JsonlWriter(path) as writer:
            for doc in iter_jsonl(path):
                writer.write(apply(doc, res))
    return res
