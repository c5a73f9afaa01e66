"""The state of resolving one document for news_actors, explicit: the facts of the Doc every pass
reads (`DocView`, frozen), the actor table (`ActorTable`) and its mention set (`MentionSet`), and
the table's primitive operations (add an actor, look a name up, a name's core tokens)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..names import MISREAD_LABELS, norm
from ..words import indices_having, word_index
from .lexicon import FOLD_MIN, ActorLexicon
from .officials import DETERMINERS, POSSESSIVE

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}  # "US politicians": a name that only modifies is no antecedent
ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
TRAILING_CONJUNCTIONS = {"and", "or"}
HEADLINE_VERBS = {"say", "tell", "warn", "urge", "call", "claim", "vow", "demand"}  # with the lexicon's accusation and denial verbs
NAME_LABELS = {"ORG", "GPE", "NORP", "PERSON", "FAC", "LOC"}  # the NER labels that can name an actor
# a name ending in one of these is a company, whatever label the NER gave it ("Dick Clark Productions")
COMPANY_WORDS = re.compile(r"\b(?:Inc|Corp|Corporation|Ltd|LLC|plc|Technologies|Systems|Networks|Labs|Bank|Group|"
                           r"Productions|Records|Entertainment|Holdings|Industries|Motors|Airlines|Pharmaceuticals|"
                           r"Enterprises|Ventures)\b\.?$")
ORG_KIND_WORDS = [
    (COMPANY_WORDS, "company"),
    (re.compile(r"\b(?:News|Times|Post|Journal|Herald|Gazette|Tribune|Radio|Television|TV|Press|Magazine|Chronicle|"
                r"Observer|Telegraph)$"), "media"),
    (re.compile(r"\b(?:Department|Ministry|Agency|Council|Bureau|Commission|Office|Parliament|Court|Police|Army|"
                r"Navy|Senate|Congress|Cabinet|Committee)\b"), "government_body"),
    # after the bodies: "Department of Energy" is none ("Quorvex Energy" is)
    (re.compile(r"\b(?:Energy|Mining|Capital|Partners|Pharma|Insurance|Airways|Telecom|Petroleum)$"), "company"),
    (re.compile(r"\bAirport$"), "organisation"),  # "Heathrow Airport", its operator
]


def name_kind(text: str) -> str | None:
    """The kind a body's name says by its words (ORG_KIND_WORDS, the first that matches), or None."""
    return next((kind for pattern, kind in ORG_KIND_WORDS if pattern.search(text)), None)


@dataclass(frozen=True)
class DocView:
    """The parsed Doc with what every pass reads, computed once: one Token object a token, the text
    (Doc.text is rebuilt on every access), the sentence of each token, the sentences with a verb, the
    entities that can name an actor."""

    doc: Doc
    tokens: list
    text: str
    sent_of: list[int]
    sents: list[tuple[int, int]]
    verbal: list[bool]  # sentences with a verb (not a headline fragment)
    names: tuple  # the NER's entities that can name an actor (NAME_LABELS), as the passes found doc.ents
    indexes: dict = field(default_factory=dict, compare=False)  # form -> words.word_index, made when asked

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        tokens = list(doc)
        sent_of = [0] * len(doc)
        sents = []
        for k, sent in enumerate(doc.sents):
            sent_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
            sents.append((sent.start, sent.end))
        verbal = [False] * len(sents)
        pos = word_index(doc, "pos")
        for i in (*pos.get("VERB", ()), *pos.get("AUX", ())):
            verbal[sent_of[i]] = True
        names = tuple(n for e in doc.ents if (n := _as_name(e)) is not None)
        return cls(doc, tokens, doc.text, sent_of, sents, verbal, names, {"pos": pos})

    def __getitem__(self, i):
        """A token (the one object of `tokens`, not a new Token each time) or a Span of the Doc."""
        return self.tokens[i] if isinstance(i, int) else self.doc[i]

    def __len__(self) -> int:
        return len(self.tokens)

    def index(self, form: str) -> dict[str, list[int]]:
        """Where each value of a form ("lemma", "lower", "pos") stands (words.word_index), made once."""
        if form not in self.indexes:
            self.indexes[form] = word_index(self.doc, form)
        return self.indexes[form]

    def having(self, **forms) -> list:
        """The tokens whose form is one of the values given for it, in order (words.indices_having)."""
        return [self.tokens[i] for i in indices_having({form: self.index(form) for form in forms}, forms)]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), cheaper than a Span."""
        if start >= end:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx:last.idx + len(last)]


def _as_name(ent: Span) -> Span | None:
    """An entity as a name that can be an actor's, or None: a misread one (MISREAD_LABELS) is the
    ORG it names when its last word is a body's kind word ("the Sunday Chronicle", "Quorvex
    Energy", "the Supreme Court"); else a FAC or LOC stays itself, an EVENT is none."""
    if ent.label_ in MISREAD_LABELS:
        last = next((t for t in reversed(ent) if t.is_alpha), None)
        if last is not None and name_kind(last.text) is not None:
            return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent if ent.label_ in NAME_LABELS else None


@dataclass
class MentionSet:
    """Mentions in tokens, as (start, end, actor id, label), in the order the passes found them;
    overlaps are resolved once, at the end (the longer wins)."""

    items: list[tuple[int, int, str, str]] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)   # tokens inside a mention
    consumed: set[int] = field(default_factory=set)  # tokens a title or an acronym definition used up
    of_entity: dict[tuple[int, int], str] = field(default_factory=dict)  # an NER entity's actor

    def add(self, start: int, end: int, aid: str, label: str) -> None:
        if start < end:
            self.items.append((start, end, aid, label))
            self.covered.update(range(start, end))


@dataclass
class ActorTable:
    """The document's actors by id, its own names (acronyms, surnames -> id), its people, the label
    each name takes, and its mentions."""

    actors: dict[str, dict] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    person_ids: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    mentions: MentionSet = field(default_factory=MentionSet)
    cores: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # memo of `core`
    cyber: bool = False  # the document speaks of hacking: a threat actor's word name ("Mercury") is that actor


def add_actor(lex: ActorLexicon, table: ActorTable, aid: str, name: str, kind: str, **extra) -> str:
    """The actor `aid` of the table, added from the lexicon (or as `name`, `kind`) when new; `extra`
    fields fill the ones still empty."""
    if aid not in table.actors:
        known = lex.actors.get(aid)
        if known:
            actor = {k: known.get(k) for k in ("id", "name", "kind", "title", "part_of", "country")}
            actor["aliases"] = []
            if known.get("candidates"):
                actor["candidates"] = list(known["candidates"])
        else:
            actor = {"id": aid, "name": name, "kind": kind, "aliases": [], "title": None,
                     "part_of": None, "country": None}
        table.actors[aid] = actor
    actor = table.actors[aid]
    for key, value in extra.items():
        if value and not actor.get(key):
            actor[key] = value
    return aid


def merge_into(table: ActorTable, aid: str, into: str) -> None:
    """One actor for two ids of one entity: the mentions of `aid` become `into`'s, its name an alias;
    a `company` kind wins over a plain `organisation`."""
    gone, kept = table.actors.pop(aid), table.actors[into]
    if gone["name"] not in kept["aliases"]:
        kept["aliases"].append(gone["name"])
    if kept["kind"] == "organisation" and gone["kind"] == "company":
        kept["kind"] = "company"
    items = table.mentions.items
    items[:] = [(s, e, into if a == aid else a, label) for s, e, a, label in items]
    for key, value in list(table.aliases.items()):
        if value == aid:
            table.aliases[key] = into


def lookup(lex: ActorLexicon, table: ActorTable, text: str) -> str | None:
    """The id a name stands for: the document's own names first, then the lexicon's."""
    key = norm(text)
    return table.aliases.get(key) or table.aliases.get(key.casefold()) or lex.names.get(key) or (
        lex.folded.get(key.casefold()) if " " in key or len(key) >= FOLD_MIN else None) or (
        lex.cyber_names.get(key.casefold()) if table.cyber or lex.cyber_names.get(key.casefold()) in table.actors
        else None)  # "Silk Typhoon, also tracked as HAFNIUM": named otherwise, the word name is the actor too


def cyber_context(doc: DocView, lex: ActorLexicon) -> bool:
    """Whether the document speaks of hacking (a lemma of the `cyber_words` list): "the planet
    Mercury" stays a planet, "MERCURY targeted ministries with malware" is MuddyWater."""
    return any(lemma in lex.cyber_words for lemma in doc.index("lemma"))


def core(doc: DocView, lex: ActorLexicon, table: ActorTable, start: int, end: int) -> tuple[int, int]:
    """Strip a leading determiner, a possessive and corporate suffixes from a name's tokens. The
    first answer for a range is kept for the document (a later alias does not change it)."""
    key = (start, end)
    if key not in table.cores:
        toks = doc.tokens
        while start < end and (toks[start].lower_ in DETERMINERS or toks[start].is_punct):
            start += 1
        if lookup(lex, table, doc.span_text(start, end)) is None:
            for i in range(start + 1, end):
                if toks[i].text in POSSESSIVE:
                    end = i
                    break
        end = headline_verb(lex, [t.text for t in toks[start:end]]) + start if end - start > 1 else end
        while end - start > 1 and (toks[end - 1].lower_ in lex.name_words.suffixes or toks[end - 1].is_punct
                                   or toks[end - 1].lower_ in TRAILING_CONJUNCTIONS):
            end -= 1  # "Sen. Elizabeth Warren and" (the NER ran into the next name): Elizabeth Warren
        table.cores[key] = (start, end)
    return table.cores[key]


def headline_verb(lex: ActorLexicon, words: list[str]) -> int:
    """Where a name run together with a Title Case headline's verb ends: "Glenn Beck Blasts Drudge",
    "Obama Says" -> before "Blasts", "Says" (the words' count when there is no such verb)."""
    verbs = HEADLINE_VERBS | lex.accusation_verbs | lex.denial_verbs
    for i, w in enumerate(words[1:], 1):
        low = w.lower()
        if not w[:1].isupper() or not low.endswith("s") or len(low) < 4:
            continue
        stems = {low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else low[:-1]}
        if stems & verbs:
            return i
    return len(words)


def core_text(doc: DocView, lex: ActorLexicon, table: ActorTable, start: int, end: int) -> str:
    return doc.span_text(*core(doc, lex, table, start, end))


def acting(doc: DocView, start: int, end: int, accusing: frozenset[str] = frozenset(),
           voicing: frozenset[str] = frozenset()) -> bool:
    """A place name acts when it is a subject, a possessor or an agent ("Beijing has rejected",
    "Moscow's denial", "was dismissed by Phnom Penh"), the one accused by a verb of `accusing`
    ("accused Beijing of"), or the one who voices a noun of `voicing` ("condemnation from Zagreb",
    "an accusation by Athens");
    not when it is where something happens ("in Beijing", "a flight from Zagreb")."""
    root = doc[start:end].root
    if root.dep_ == "conj":
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True  # "was dismissed by Phnom Penh"
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "by"):  # "drew a rebuke from Beijing", "an accusation by Athens"
        voiced = root.head.head
        if voiced.lemma_ in voicing or any(c.dep_ == "dobj" and c.lemma_ in voicing for c in voiced.children):
            return True
    return root.dep_ in ACTING_DEPS or (root.dep_ == "dobj" and root.head.lemma_ in accusing)
