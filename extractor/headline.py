"""The headline's own claims ("China denies role in Microsoft Exchange hack"): cleaning takes the
headline out of the text into `title`, so the title is parsed apart (the same pipeline, `nlp.pipe`
over a batch's titles) and its claims join the document's with `in_title` and offsets into the title.

Headline grammar is not the grammar the small model learned (no articles, no copula, present tense,
"Label: ..." kickers), and read claim by claim on the 91 aeb-dev pages and the sample corpus its
statements were wrong more often than right (a kicker before a colon as the speaker, "shows",
"seem", "highlight" as cues), while its accusations, attributions and denials were all right. So a
headline keeps only what held there (`reliable`): a typed claim whose cue is a verb and whose source
is a named actor (no pronoun or "the company", which a headline gives nothing to resolve against).

A headline the body's first sentence repeats adds nothing: that sentence's own claims, parsed in
context, stand for it. A headline claim the body makes anywhere (same type, source actor and target
actor, the headline's actors taken as the body knows them) is not counted twice: a headline sums up
its article, so the body's sentence, with its context, stands for it. A headline claim with no
target ("China denies role in hack") is the body's when the body has one of the same type and
source: the body's names what is denied.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from spacy.tokens import Doc

from pipelines.names import NameWords

from .records import Actor
from .resolve import resolve

LOGGER = logging.getLogger(__name__)

TYPED = frozenset({"accusation", "attribution", "denial"})
UNNAMED_LABELS = frozenset({"PRON", "NOMINAL"})  # news_actors' labels of pronoun and nominal mentions
VERB_POS = frozenset({"VERB", "AUX"})
WORD_RE = re.compile(r"\w+")
# what the rules above are: part of the pipeline fingerprint, so a store made before them is redone
RULES = "headline claims v2: typed, verb cue, named source; repeated headline skipped; claims the body makes skipped"


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.casefold())


def repeated(title: str, body: Doc) -> bool:
    """The body's first sentence repeats the headline: it starts with the headline's words."""
    first = next(iter(body.sents), None) if len(body) else None
    head = words(title)
    return bool(head) and first is not None and words(first.text)[:len(head)] == head


def reliable(claim: dict, title: Doc) -> bool:
    """A headline claim worth keeping (see the module docstring), with the reason when it is not."""
    why = None
    source = claim.get("source") or {}
    if claim["type"] not in TYPED:
        why = "a statement"
    elif not source.get("actor") or source.get("start") is None:
        why = "no source actor"
    else:
        cue = title.char_span(claim["cue"]["start"], claim["cue"]["end"], alignment_mode="expand")
        mention = next((m for m in title._.mentions or () if m["start"] <= source["start"] < m["end"]), None)
        if cue is None or cue.root.pos_ not in VERB_POS:
            why = "its cue is not a verb"
        elif mention is None or mention.get("label") in UNNAMED_LABELS:
            why = "its source is not a name"
    if why:
        LOGGER.debug("headline %r: %s claim left out (%s)", title.text, claim["type"], why)
    return why is None


def _key(claim: dict, ids: dict[str, str] | None = None) -> tuple:
    fix = (ids or {}).get
    source, target = claim["source"].get("actor"), (claim.get("target") or {}).get("actor")
    return claim["type"], fix(source, source), fix(target, target) if target else None


@dataclass(frozen=True)
class Headline:
    """What a headline adds to its document: its claims (offsets into the title), the map from the
    headline's actor ids to the document's, and the headline's actors the body does not have."""
    claims: tuple[dict, ...] = ()
    ids: dict[str, str] = field(default_factory=dict)
    actors: tuple[Actor, ...] = ()


def headline_claims(title: Doc, body: Doc, body_actors: tuple[Actor, ...] = ()) -> Headline:
    """The reliable claims of the parsed headline `title` (Doc._.claims dicts, offsets into it)
    that the body `body` does not already make, with their actors; `body_actors`, the body's actor
    records, let a headline's "Esper" be the body's "Mark Esper", in that comparison and in the
    actors returned (resolved once, for both)."""
    if not title._.claims or repeated(title.text, body):
        return Headline()
    candidates = [c for c in title._.claims if reliable(c, title)]
    if not candidates:
        return Headline()
    ids, added = title_actors(candidates, title, body_actors)
    made = set()
    for c in body._.claims or ():
        kind, source, target = _key(c)
        made |= {(kind, source, target), (kind, source, None)}
    kept = tuple(c for c in candidates if _key(c, ids) not in made)
    wanted = _actor_ids(kept)
    return Headline(kept, {a: b for a, b in ids.items() if a in wanted},
                    tuple(a for a in added if a.id in wanted))


def _actor_ids(claims: Iterable[dict]) -> set[str]:
    return {p["actor"] for c in claims for p in (c["source"], c.get("target") or {}) if p.get("actor")}


@lru_cache(maxsize=4)
def _name_words(lang: str) -> NameWords:
    return NameWords.load(lang)


def title_actors(claims: Iterable[dict], title: Doc,
                 body_actors: tuple[Actor, ...]) -> tuple[dict[str, str], list[Actor]]:
    """The actors of the headline claims as the document knows them: a headline actor the body names
    too (the same id, or the same name by the corpus pass's rules: "Esper" and "Mark Esper") takes
    the body's id; the others are added. Returns (headline id -> document id, the actors to add)."""
    wanted = _actor_ids(claims)
    known = {a.id for a in body_actors}
    own = [a for a in title._.actors or () if a["id"] in wanted - known]
    if not own:
        return {}, []
    res = resolve([{"actors": [a.to_dict() for a in body_actors]}, {"actors": own}], _name_words(title.lang_))
    mapping, added = {}, []
    for a in own:
        target = res.mapping.get(a["id"])
        if target in known:
            mapping[a["id"]] = target
        else:
            added.append(a)
    fix = lambda aid: mapping.get(aid, aid) if aid else aid  # noqa: E731
    return mapping, [Actor(a["id"], a["name"], a["kind"], tuple(a.get("aliases") or ()), a.get("title"),
                           fix(a.get("part_of")), a.get("country"), a.get("named", True)) for a in added]
