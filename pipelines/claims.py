"""news_claims: statements, accusations, attributions and denials with source, cue, content and target.

Rules over the dependency parse (textacy style: generator functions over a Doc yielding small
records), cue lexicons as data (pipelines/data/cues.jsonl, built by scripts/build_cues.py; the
hand-written claims_lexicon.json). Stages, as in citron: quotes (pipelines/quotes.py) -> cues ->
content -> source -> target -> qualifiers (hedges, confidence, negation). Offsets are characters.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from .extensions import actor_at, register_extensions
from .quotes import Quote, find_quotes

LOGGER = logging.getLogger(__name__)

# dependency-label sets
SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
EXPL = {"expl"}
CLAUSE = {"ccomp"}
OBJ = {"dobj", "obj"}
UP_FOR_SUBJ = {"conj", "xcomp", "advcl", "pcomp", "prep"}  # "... and said", "went on to say", "adding that": the head's subject
INVERTED = {"ccomp", "parataxis", "advcl", "conj"}  # "Y, X said": the cue hangs on the content's head
POSTPOSED_SUBJ = {"dobj", "npadvmod", "attr", "dep", "oprd", "appos"}  # "“Y,” said X" with X misparsed
POSTPOSED_MARKS = {",", "\u201d", '"', "\u2014", "\u2013", "--"}  # "Y, X said" / "“Y” X said"
# A cue inside a quotation, or inside the content another claim reports, belongs to that claim:
# "keep" makes separate claims of them, "first-person" (quotes only) drops "I/we/you" ones, "drop" drops
# them all; PolNeAR train annotates few of them (measured: dropping removes ~3 true to ~60 false claims)
QUOTED_CUES = "drop"
NESTED = "drop"  # keep | weak (keep cues whose claims matched train >= 60 %) | drop
FIRST_PERSON = {"i", "we", "you", "me", "us"}
APPOS_OPENERS = {"det", "nummod", "amod", "compound"}  # the first word of a trailing apposition
OBJECT_PREDICATE = {"prep", "oprd", "xcomp", "dative"}  # what follows an object cue's object: "as a liar", "for lying"
CUT_CONTENT = {"ccomp", "oprd", "xcomp"}
FINITE = {"VBD", "VBZ", "VBP"}
CONTRAST = {"but", ";", "while", "whereas", "although", "though", "yet"}
NOUN_POS = {"NOUN", "PROPN", "PRON"}
VERB_POS = {"VERB", "AUX"}
REL_PRON = {"who", "that", "which", "whom"}
EDGE_PUNCT = set(",;:-\u2013\u2014") | {"--"}
QUOTE_CHARS = set('"\u201c\u201d\u201e\u00ab\u00bb') | {"''", "\u2018\u2018", "\u2019\u2019"}
SOURCE_POSS = {"poss", "compound", "amod", "nmod"}
TYPE_ORDER = {"statement": 0, "accusation": 1, "attribution": 2, "denial": 3}


@dataclass
class Lexicon:
    """All word lists of the component, loaded in one place from its two data files."""

    report: set[str] = field(default_factory=set)
    sourceless: set[str] = field(default_factory=set)
    refusal: set[str] = field(default_factory=set)
    raising: set[str] = field(default_factory=set)
    ccomp_only: set[str] = field(default_factory=set)
    strong: set[str] = field(default_factory=set)
    addressee: set[str] = field(default_factory=set)
    accuse: set[str] = field(default_factory=set)
    accuse_with: dict[str, str] = field(default_factory=dict)
    deny: set[str] = field(default_factory=set)
    attribute: dict[str, str] = field(default_factory=dict)
    wrongdoing: set[str] = field(default_factory=set)
    wrongdoing_phrases: dict[str, str] = field(default_factory=dict)
    wrongdoing_objects: set[str] = field(default_factory=set)
    attempt: set[str] = field(default_factory=set)
    prep_content: dict[str, list[str]] = field(default_factory=dict)
    object_cues: set[str] = field(default_factory=set)
    incident_nouns: set[str] = field(default_factory=set)
    culprit_nouns: set[str] = field(default_factory=set)
    claim_nouns: dict[str, str] = field(default_factory=dict)
    channel_nouns: dict[str, str] = field(default_factory=dict)
    hedges: set[str] = field(default_factory=set)
    hedge_phrases: list[str] = field(default_factory=list)
    confidence: dict[str, str] = field(default_factory=dict)
    confidence_re: re.Pattern | None = None
    hedge_re: re.Pattern | None = None

    @classmethod
    def from_data(cls, cues: Iterable[dict], words: dict) -> "Lexicon":
        lex = cls()
        for c in cues:
            kind, lemma = c["kind"], c["lemma"]
            if kind == "report":
                lex.report.add(lemma)
                if (c.get("rule_precision") or 0) >= 0.6:
                    lex.strong.add(lemma)
                if c.get("ccomp_only"):
                    lex.ccomp_only.add(lemma)
                if (c.get("sourceless") or 0) > 0.5:
                    lex.sourceless.add(lemma)
            elif kind == "accuse" and c.get("with"):
                lex.accuse_with[lemma] = c["with"]
            elif kind == "accuse":
                lex.accuse.add(lemma)
            elif kind == "deny":
                lex.deny.add(lemma)
            elif kind == "attribute":
                lex.attribute[lemma] = c["prep"]
        lex.wrongdoing = set(words.get("wrongdoing", ()))
        lex.wrongdoing_phrases = dict(words.get("wrongdoing_phrases", {}))
        lex.wrongdoing_objects = set(words.get("wrongdoing_objects_required", ()))
        lex.attempt = set(words.get("attempt", ()))
        lex.refusal = set(words.get("refusal", ()))
        lex.raising = set(words.get("raising", ()))
        lex.addressee = set(words.get("addressee", ()))
        lex.prep_content = dict(words.get("prep_content", {}))
        lex.object_cues = set(words.get("object_cues", ()))
        lex.incident_nouns = set(words.get("incident_nouns", ()))
        lex.culprit_nouns = set(words.get("culprit_nouns", ()))
        lex.claim_nouns = dict(words.get("claim_nouns", {}))
        lex.channel_nouns = dict(words.get("channel_nouns", {}))
        lex.hedges = set(words.get("hedges", ()))
        lex.hedge_phrases = list(words.get("hedge_phrases", ()))
        lex.confidence = dict(words.get("confidence", {}))
        if lex.confidence:
            alts = "|".join(re.escape(k) for k in sorted(lex.confidence, key=len, reverse=True))
            lex.confidence_re = re.compile(rf"\b({alts})", re.I)
        if lex.hedge_phrases:
            lex.hedge_re = re.compile(r"\b(" + "|".join(re.escape(p) for p in lex.hedge_phrases) + r")\b", re.I)
        return lex

    def kind(self, tok: Token) -> str | None:
        """The cue kind of a token, or None."""
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return "according"
        if tok.pos_ not in VERB_POS:
            return None
        if lemma in self.accuse:
            return "accuse"
        if lemma in self.deny:
            return "deny"
        if lemma in self.attribute:
            return "attribute"
        if lemma in self.accuse_with:
            return "accuse_with"
        if lemma in self.report:
            return "report"
        return None


@Language.factory("news_claims", assigns=["doc._.claims"], default_config={"quote_fragments": "auto"})
def make_claims(nlp: Language, name: str, quote_fragments: str = "auto") -> "ClaimExtractor":
    return ClaimExtractor(nlp, name, quote_fragments=quote_fragments)


# ---------------------------------------------------------------- spans and parties

def tok_span(doc: Doc, start: int, end: int) -> dict | None:
    """Character span of tokens [start, end), with edge punctuation and quote marks trimmed."""
    while start < end and (doc[start].is_punct and doc[start].text in EDGE_PUNCT | {"(", ")"} or doc[start].is_space
                           or doc[start].lower_ in ("and", "but") and start == end - 1):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return char_span(doc, s, e)


_TEXT: list = [None, ""]  # (doc, its text) of the doc being processed: Doc.text is rebuilt on every access


def text_of(doc: Doc) -> str:
    if _TEXT[0] is not doc:
        _TEXT[0], _TEXT[1] = doc, doc.text
    return _TEXT[1]


def char_span(doc: Doc, s: int, e: int) -> dict:
    return {"start": s, "end": e, "text": text_of(doc)[s:e]}


def one_line(doc: Doc, span: dict | None, anchor: int) -> dict | None:
    """The part of a span on the anchor's line: a parse can run over a line break (a dateline,
    a timestamp), a source or a content does not."""
    if span is None or "\n" not in span["text"]:
        return span
    text = text_of(doc)
    s, e = span["start"], span["end"]
    if anchor >= e:
        s = text.rfind("\n", s, e) + 1
    elif anchor < s:
        e = text.find("\n", s, e)
    else:
        s, e = text.rfind("\n", s, anchor) + 1, (text.find("\n", anchor, e) + 1 or e + 1) - 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return char_span(doc, s, e) if e > s else None


def party(doc: Doc, start: int, end: int, anchor: int | None = None) -> dict | None:
    if end - start > 1 and doc[end - 1].dep_ == "case":
        end -= 1  # "Washington's accusations" -> Washington
    span = tok_span(doc, start, end)
    if span is not None and anchor is not None:
        span = one_line(doc, span, anchor)
    if span is None:
        return None
    while span["text"] and span["text"][0] in QUOTE_CHARS:
        span = char_span(doc, span["start"] + 1, span["end"])
    return {"actor": actor_at(doc, span["start"], span["end"]), **span}


NO_PARTY = {"actor": None, "start": None, "end": None, "text": None}


def phrase(tok: Token) -> tuple[int, int]:
    """A noun's phrase with its appositions and modifiers: its subtree."""
    return tok.left_edge.i, tok.right_edge.i + 1


def accused_np(tok: Token) -> tuple[int, int]:
    """The accused without the charge: "the Chinese government" of "the Chinese government of espionage"."""
    end = tok.right_edge.i + 1
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ in ("of", "for", "over", "in"):
            end = min(end, c.i)
    return tok.left_edge.i, end


def np_before(tok: Token, stop: int) -> tuple[int, int]:
    """The phrase of `tok` cut before token `stop` (a relative clause or participle that holds the cue)."""
    return tok.left_edge.i, min(tok.right_edge.i + 1, stop)


# ---------------------------------------------------------------- source

def subject_of(verb: Token) -> tuple[str, Token | None]:
    """('active'|'passive'|'none', subject token) of a verb, following conjuncts/xcomps up to their head."""
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "passive", None  # "Asked about X, he said ...": the asked one is not the asker
    v = verb
    for _ in range(5):
        for c in v.children:
            if c.dep_ in SUBJ:
                return "active", c
            if c.dep_ in PASS_SUBJ or c.dep_ in EXPL:
                return "passive", c
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and v.head.head.tag_ == v.tag_ and v.head.head.i < v.head.i:
            v = v.head.head  # "she said it was early but added ...": the parse hung "added" on the clause
        elif v.dep_ in UP_FOR_SUBJ and v.head.i != v.i and not (
                v.dep_ == "xcomp" and (v.head.pos_ in ("AUX", "ADJ") or v.head.lemma_ == "be")):
            v = v.head
        else:
            break
    return "none", None


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def source_of(verb: Token) -> dict | None:
    """The speaker: the cue's subject with its appositions, the `by` agent of a passive, the noun a
    participle or relative clause hangs on; None for "it is reported that". A subject parsed
    across a line break ("9:30 p.m.\n\nDonald Trump says") is replaced by the words on the cue's line."""
    src = _source_of(verb)
    if src is None and verb.tag_ in FINITE and not any(c.dep_ in PASS_SUBJ | EXPL for c in verb.children):
        left = [c for c in verb.lefts if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and c.dep_ not in ("npadvmod",)
                or c.dep_ in ("dep", "nsubj")]
        if left:
            src = party(verb.doc, *phrase(left[-1]), verb.idx)  # "About 4 in 10 say": a subject the parse missed
    if src is None and verb.i > 0 and verb.doc[verb.i - 1].is_punct and verb.tag_ in FINITE:
        right = next((c for c in verb.rights if c.pos_ in ("PROPN", "NOUN") and c.dep_ in POSTPOSED_SUBJ), None)
        if right is not None:  # "“Y,” said Edward Leamer, an economist": a subject parsed as an object
            src = party(verb.doc, *phrase(right), verb.idx)
    if src is not None:
        dash = max(src["text"].rfind(" \u2013 "), src["text"].rfind(" \u2014 "), src["text"].rfind(" - "))
        if dash > 0 and src["end"] <= verb.idx:  # "Washington (AFP) – Democrat Hillary Clinton"
            doc = verb.doc
            rest = doc.char_span(src["start"] + dash + 3, src["end"], alignment_mode="contract")
            if rest is not None and len(rest):
                src = party(doc, rest.start, rest.end)
    if src is not None and src["end"] <= verb.idx and "\n" in text_of(verb.doc)[src["end"]:verb.idx]:
        doc, text = verb.doc, text_of(verb.doc)
        line = text.rfind("\n", 0, verb.idx) + 1
        words = doc.char_span(line, verb.idx, alignment_mode="contract")
        if words is not None and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words):
            return party(doc, words.start, words.end)
    return src


def _source_of(verb: Token) -> dict | None:
    doc = verb.doc
    voice, subj = subject_of(verb)
    if voice == "active":
        if subj.lower_ in REL_PRON and verb.dep_ == "relcl":
            return party(doc, *np_before(verb.head, subj.i + 1), verb.idx)  # "Chris Christie, who"
        return party(doc, *phrase(subj), verb.idx)
    agent = agent_of(verb)
    if agent is not None:
        return party(doc, *phrase(agent), verb.idx)
    if voice == "none" and verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS:
        noun = verb.head
        if noun.pos_ == "NOUN" and not noun.ent_type_ and noun.dep_ in OBJ and verb.tag_ == "VBG":
            voice2, sender = subject_of(noun.head)
            if voice2 == "active":  # "the campaign sent out a release saying ...": the sender speaks
                return party(doc, *phrase(sender), verb.idx)
        return party(doc, *np_before(noun, verb.i), verb.idx)  # "with the company blaming China"
    return None


# ---------------------------------------------------------------- content

def cut_conjoined_cues(head: Token, end: int, lex: Lexicon) -> int:
    """End a that-clause before a clause that is not part of what was said: a conjoined report
    with its own subject ("X said A and it is reported B"), a participial report ("..., calling B"),
    or a contrast with its own subject ("A, but for Republicans it is B")."""
    doc = head.doc
    for c in head.children:
        if c.i <= head.i or c.dep_ not in ("conj", "advcl"):
            continue
        own_subj = any(g.dep_ in SUBJ | PASS_SUBJ | EXPL for g in c.children)
        left = c.left_edge.i
        while left > head.i and doc[left - 1].dep_ in ("cc", "punct"):
            left -= 1
        contrast = any(doc[k].lower_ in CONTRAST for k in range(left, c.left_edge.i + 1))
        if c.dep_ == "conj" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            continue  # "said A but that B": a second that-clause of the same cue
        if (c.dep_ == "conj" and ((own_subj and (lex.kind(c) or contrast)) or contrast)) or (
                c.dep_ == "advcl" and c.tag_ == "VBG" and lex.kind(c)):
            return min(end, left)
    return end


def cut_cue_conjunct(verb: Token, head: Token, end: int, lex: Lexicon) -> int:
    """End a that-clause before a report verb the parse conjoined inside it that shares the cue's
    subject and tense: "she said it was too early but added ...", "said A and called him B"."""
    doc = verb.doc
    for tok in doc[head.i + 1:end]:
        if tok.dep_ == "conj" and tok.tag_ == verb.tag_ and lex.kind(tok) == "report" \
                and not any(c.dep_ in SUBJ | PASS_SUBJ | EXPL for c in tok.children):
            left = tok.left_edge.i
            while left > head.i and doc[left - 1].dep_ in ("cc", "punct"):
                left -= 1
            if left > head.i:
                return left
    return end


def content_of(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """Token range of what is reported: the clausal complement, the clause a post-posed cue
    hangs on ("Y, X said"), an object with its infinitive ("urged owners to patch") or predicate
    ("called him a liar"), the object of "call for"/"ask about", or the object of a cue that takes
    a nominal content ("criticized the plan")."""
    comp = [c for c in verb.children if c.dep_ in CLAUSE]
    if comp:
        c = comp[-1]
        end = cut_conjoined_cues(c, c.right_edge.i + 1, lex)
        return c.left_edge.i, cut_cue_conjunct(verb, c, end, lex)
    own_subj = any(c.dep_ in SUBJ | PASS_SUBJ for c in verb.children)
    if (verb.dep_ in INVERTED and verb.head.i < verb.i and verb.head.pos_ in VERB_POS and own_subj
            and verb.tag_ != "VBG"):
        head = verb.head
        end = verb.left_edge.i
        start = head.left_edge.i
        if end - start >= 2 and verb.doc[end - 1].text in POSTPOSED_MARKS:
            return start, end
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i > verb.i and own_subj \
            and verb.head.pos_ in VERB_POS and verb.left_edge.i > verb.head.left_edge.i:
        # "Mr. Obama, officials said, has become ...": the reported clause around a parenthetical cue;
        # its longer part, after the cue
        doc, lb, rb = verb.doc, verb.left_edge.i, verb.right_edge.i
        left_comma = doc[lb].text == "," or doc[lb - 1].text == ","
        start = rb + 1 if doc[rb].text == "," else rb + 2 if rb + 1 < len(doc) and doc[rb + 1].text == "," else None
        if left_comma and start is not None and verb.head.right_edge.i + 1 - start >= 2:
            return start, verb.head.right_edge.i + 1
    obj = next((c for c in verb.children if c.dep_ in OBJ and c.i > verb.i), None)
    xcomp = [c for c in verb.children if c.dep_ in ("xcomp", "oprd") and c.i > verb.i]
    if xcomp:
        start = obj.left_edge.i if obj is not None and obj.i < xcomp[0].i and lemma not in lex.addressee \
            else xcomp[0].left_edge.i
        return start, xcomp[0].right_edge.i + 1
    lemma = verb.lemma_.lower()
    preps = lex.prep_content.get(lemma)
    if preps:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return pobj.left_edge.i, pobj.right_edge.i + 1
    if obj is not None and lemma in lex.object_cues:
        # "described him as a liar", "blasted Clinton for ...": the object with what the verb says of it
        end = max([obj.right_edge.i] + [c.right_edge.i for c in verb.children
                                         if c.i > obj.i and c.dep_ in OBJECT_PREDICATE]) + 1
        return obj.left_edge.i, end
    return None


def according_content(tok: Token) -> tuple[tuple[int, int], Token | None] | None:
    """"according to X, Y" / "Y, according to X": (content range, X)."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc):
        to = tok.doc[tok.i + 1]
    src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    sent = tok.sent
    s, e = tok.left_edge.i, max(tok.right_edge.i, src.right_edge.i if src is not None else tok.i + 1) + 1
    if s - sent.start >= sent.end - e:
        rng = (sent.start, s)
    else:
        rng = (e, sent.end)
    return (rng, src) if rng[1] - rng[0] >= 2 else None


# ---------------------------------------------------------------- accusation content / targets

def right_object(verb: Token) -> tuple[int, int] | None:
    """From the verb's first object or complement to the end of its phrase ("the government of espionage")."""
    deps = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "advmod", "cc", "conj", "npadvmod", "agent")
            and not (c.dep_ == "prep" and c.lower_ == "with")]
    if not deps:
        return None
    last = max(c.right_edge.i for c in deps)
    return deps[0].left_edge.i, last + 1


def prep_object(verb: Token, prep: str) -> Token | None:
    """The object of the first `prep` attached to the verb or to a noun/prep below it (not in a clause)."""
    for tok in verb.doc[verb.i + 1: verb.right_edge.i + 1]:
        if tok.lower_ != prep or tok.dep_ not in ("prep", "dative", "agent"):
            continue
        h = tok.head
        while h.i != verb.i and h.pos_ not in VERB_POS and h.dep_ not in ("relcl", "acl", "ccomp") and h.head.i != h.i:
            h = h.head
        if h.i == verb.i:
            return next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def claim_noun_parties(noun: Token) -> Token | None:
    """The party of a nominal claim: "Microsoft's claim", "US accusations"."""
    for c in noun.children:
        if c.dep_ in ("poss",) or (c.dep_ in SOURCE_POSS and c.pos_ == "PROPN") or (
                c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")):
            return c
    return None


def wrongdoing_in(head: Token, lex: Lexicon) -> tuple[Token, bool] | None:
    """(culprit token, negated) when a content clause alleges wrongdoing by someone: "Hafnium had
    tried to steal", "the country was not behind the hack"."""
    v, negated = head, False
    for _ in range(3):
        negated = negated or any(c.dep_ == "neg" for c in v.children)
        lemma = v.lemma_.lower()
        hit = lemma in lex.wrongdoing and v.pos_ == "VERB"
        if lemma in lex.wrongdoing_objects:
            hit = hit and any(c.dep_ in OBJ and c.lemma_.lower() in lex.incident_nouns for c in v.children)
        phr = lex.wrongdoing_phrases.get(lemma)
        if phr and any(c.lower_ == phr for c in v.children):
            hit = True
        if hit:
            voice, subj = subject_of(v)
            if voice == "active" and subj is not None:
                return subj, negated
            agent = agent_of(v)
            if agent is not None:
                return agent, negated
            return None
        nxt = [c for c in v.children if c.dep_ == "xcomp"] if lemma in lex.attempt else []
        if not nxt:
            return None
        v = nxt[0]
    return None


# ---------------------------------------------------------------- qualifiers

def qualifiers(doc: Doc, cue: Token, content: tuple[int, int], lex: Lexicon) -> tuple[list[str], str | None, bool]:
    hedges = []
    for tok in doc[content[0]:content[1]]:
        if tok.lower_ in lex.hedges and tok.lower_ not in hedges:
            hedges.append(tok.lower_)
    for c in cue.children:
        if c.lower_ in lex.hedges and c.lower_ not in hedges:
            hedges.append(c.lower_)
    if lex.hedge_re is not None:
        text = text_of(doc)[doc[content[0]].idx: doc[content[1] - 1].idx + len(doc[content[1] - 1])]
        for m in lex.hedge_re.finditer(text):
            if m.group(1).lower() not in hedges:
                hedges.append(m.group(1).lower())
    confidence = None
    if lex.confidence_re is not None:
        m = lex.confidence_re.search(cue.sent.text)
        if m:
            confidence = lex.confidence.get(m.group(1).lower())
    negated = any(c.dep_ == "neg" for c in cue.children)
    return hedges, confidence, negated


# ---------------------------------------------------------------- the component

class ClaimExtractor(Pipe):
    """Finds claims in a parsed Doc and sets `Doc._.claims`. Data (cue lexicon, word lists) arrive at
    `initialize` and persist with `to_disk` / `from_disk`."""

    def __init__(self, nlp: Language, name: str = "news_claims", *, quote_fragments: str = "auto"):
        register_extensions()
        self.name = name
        self.quote_fragments = quote_fragments
        self.cues: list[dict] = []
        self.words: dict[str, Any] = {}
        self.lex = Lexicon()

    # -- data
    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   cues: list[dict] | None = None, lexicon: dict | None = None) -> None:
        self.cues = list(cues or [])
        self.words = dict(lexicon or {})
        self.lex = Lexicon.from_data(self.cues, self.words)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "cues.jsonl", self.cues)
        srsly.write_json(path / "lexicon.json", self.words)
        srsly.write_json(path / "cfg.json", {"quote_fragments": self.quote_fragments})

    def from_disk(self, path, *, exclude=tuple()) -> "ClaimExtractor":
        path = Path(path)
        self.cues, self.words = [], {}
        self.cues = list(srsly.read_jsonl(path / "cues.jsonl"))
        self.words = srsly.read_json(path / "lexicon.json")
        if (path / "cfg.json").exists():
            self.quote_fragments = srsly.read_json(path / "cfg.json").get("quote_fragments", self.quote_fragments)
        self.lex = Lexicon.from_data(self.cues, self.words)
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"cues": self.cues, "words": self.words, "quote_fragments": self.quote_fragments})

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "ClaimExtractor":
        msg = srsly.msgpack_loads(data)
        self.cues, self.words = list(msg["cues"]), dict(msg["words"])
        self.quote_fragments = msg.get("quote_fragments", self.quote_fragments)
        self.lex = Lexicon.from_data(self.cues, self.words)
        return self

    # -- running
    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.claims = extract_claims(doc, self.lex, quote_fragments=self.quote_fragments)
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            self.get_error_handler()(self.name, self, [doc], e)
        return doc


# ---------------------------------------------------------------- extraction

def cut_trailing_aside(doc: Doc, start: int, end: int) -> int:
    """End a paraphrase before a trailing aside the writer adds: ", which ...", ", who ...",
    ", drawing 1,110 people", ", while ...", ", a proportion that ..." (a non-restrictive relative,
    participle, contrast or apposition running to the end)."""
    for k in range(start + 2, end):
        tok = doc[k]
        if doc[k - 1].text != "," or tok.is_punct:
            continue
        head = tok.head
        clause = None
        if tok.lower_ in ("which", "who", "whom", "whose") and head.dep_ == "relcl":
            clause = head
        elif tok.tag_ == "VBG" and tok.dep_ in ("acl", "advcl") and tok.left_edge.i == k:
            clause = tok
        elif tok.lower_ in ("while", "whereas") and tok.dep_ == "mark" and head.dep_ == "advcl":
            clause = head  # ", while about 4 in 10 want ...": the writer's contrast
        elif tok.dep_ in APPOS_OPENERS and head.dep_ == "appos" and head.left_edge.i == k:
            clause = head  # ", a proportion that has risen": the writer's gloss
        if clause is not None and clause.right_edge.i >= end - 2 and not any(
                QUOTE_CHARS & set(doc[j].text) for j in range(k, end)):
            return k - 1
    return end


def make_claim(doc: Doc, ctype: str, cue: Token | tuple[int, int] | dict, content: tuple[int, int] | dict,
               source: dict | None, target: dict | None, lex: Lexicon, *, quote: bool = False,
               cue_tok: Token | None = None) -> dict | None:
    if not isinstance(content, dict):
        content = content[0], cut_trailing_aside(doc, *content)
    if isinstance(content, dict):
        cspan, crange = content, (doc.char_span(content["start"], content["end"], alignment_mode="expand"))
        crange = (crange.start, crange.end) if crange is not None else None
    else:
        cspan, crange = tok_span(doc, *content), content
        anchor_idx = (cue_tok if cue_tok is not None else cue if isinstance(cue, Token) else doc[cue[0]]).idx
        cspan = one_line(doc, cspan, anchor_idx)
    if cspan is None or crange is None or crange[0] >= crange[1]:
        return None
    anchor = cue_tok if cue_tok is not None else cue
    if isinstance(cue, dict):
        cue_span = cue
    elif isinstance(cue, Token):
        cue_span = tok_span(doc, cue.i, cue.i + 1) if cue.lower_ != "according" else tok_span(doc, cue.i, cue.i + 2)
    else:
        cue_span = tok_span(doc, *cue) or char_span(doc, doc[cue[0]].idx, doc[cue[1] - 1].idx + len(doc[cue[1] - 1]))
    hedges, confidence, negated = qualifiers(doc, anchor, crange, lex)
    sent = anchor.sent
    return {"type": ctype, "source": source or dict(NO_PARTY), "cue": cue_span, "content": cspan,
            "target": target, "quote": quote, "hedges": hedges, "confidence": confidence,
            "negated": negated, "sentence": tok_span(doc, sent.start, sent.end) or char_span(doc, sent.start_char, sent.end_char)}


def verb_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """Claims headed by a cue verb (or "according to"), in token order."""
    for tok in doc:
        kind = lex.kind(tok)
        if kind is None:
            continue
        if kind == "according":
            found = according_content(tok)
            if found:
                rng, src = found
                c = make_claim(doc, "statement", tok, rng, party(doc, *phrase(src)) if src is not None else None,
                               None, lex)
                if c:
                    yield tok, c
        elif kind == "report":
            yield from report(doc, tok, lex)
        elif kind in ("accuse", "accuse_with"):
            if kind == "accuse_with" and not any(t.lower_ == lex.accuse_with[tok.lemma_.lower()]
                                                 for t in tok.subtree):
                if tok.lemma_.lower() in lex.report:
                    yield from report(doc, tok, lex)
                continue
            yield from accusation(doc, tok, lex)
        elif kind == "deny":
            yield from denial(doc, tok, lex)
        elif kind == "attribute":
            found = list(attribution(doc, tok, lex))
            if not found and tok.lemma_.lower() in lex.report:
                found = list(report(doc, tok, lex))
            yield from found
    yield from channel_claims(doc, lex)
    yield from nominal_claims(doc, lex)
    yield from headline_claims(doc, lex)


def report(doc: Doc, tok: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X said (that) Y", "Y, X said", "X told reporters that Y", "it is reported that Y"; a content
    that alleges wrongdoing makes the statement an accusation of the culprit, or a denial when negated."""
    if tok.tag_ == "VBN" and tok.dep_ == "acl":
        return  # "a class called “Perception”"
    if tok.tag_ == "VB" and tok.dep_ == "ROOT" and subject_of(tok)[0] == "none":
        return  # an imperative ("Think of ...", "Ask yourself")
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.refusal:
        return  # "declined to say whether ...": nothing was said
    if tok.lemma_.lower() in lex.ccomp_only and not any(c.dep_ in CLAUSE for c in tok.children):
        return  # a verb that reports only with a that-clause ("found that ...")
    rng = content_of(tok, lex)
    if rng is None:
        return
    lemma = tok.lemma_.lower()
    voice, subj = subject_of(tok)
    if lemma in lex.raising and voice == "active" and subj.i < tok.i:
        source = None  # "The response seemed almost biological": the writer's judgement
    elif lemma in lex.sourceless and voice != "active":
        source = None
    else:
        source = source_of(tok)
    ctype, target = "statement", None
    comp = [c for c in tok.children if c.dep_ in CLAUSE]
    if comp:
        bad = wrongdoing_in(comp[-1], lex)
        if bad is not None:
            culprit, negated = bad
            if negated:
                ctype = "denial"
            elif source is None or not (culprit.pos_ == "PRON" and culprit.lower_ in ("it", "we", "i")):
                ctype, target = "accusation", party(doc, *phrase(culprit))
    c = make_claim(doc, ctype, tok, rng, source, target, lex)
    if c:
        yield tok, c


def accusation(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X accused Y of Z", "X blamed Y for Z", "blamed Z on Y", "Y was accused (by X) of Z"."""
    voice, subj = subject_of(verb)
    source, target = source_of(verb), None
    if voice == "passive" and subj is not None and subj.dep_ not in EXPL:
        target = party(doc, *accused_np(subj))
        rng = right_object(verb) or (subj.left_edge.i, subj.right_edge.i + 1)
    else:
        obj = next((c for c in verb.children if c.dep_ in OBJ), None)
        on = prep_object(verb, "on") if verb.lemma_.lower() == "blame" else None
        if on is not None:
            target = party(doc, *phrase(on))
        elif obj is not None:
            target = party(doc, *accused_np(obj))
        comp = [c for c in verb.children if c.dep_ in CLAUSE]
        if comp and target is None:
            bad = wrongdoing_in(comp[-1], lex)
            subj2 = subject_of(comp[-1])[1]
            if subj2 is not None:
                target = party(doc, *phrase(bad[0] if bad else subj2))
        rng = right_object(verb)
    if rng is None:
        return
    c = make_claim(doc, "accusation", verb, rng, source, target, lex)
    if c:
        yield verb, c


def accusation_party(noun: Token) -> Token | None:
    """Who accuses in a nominal accusation: "US accusations", "Microsoft's allegations", "accusations by X"."""
    p = claim_noun_parties(noun)
    if p is not None:
        return p
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def denial(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X denied (that) Y", "X rejected Y's accusations" (target Y), "something they deny"."""
    source, target, rng = source_of(verb), None, None
    comp = [c for c in verb.children if c.dep_ in CLAUSE]
    obj = next((c for c in verb.children if c.dep_ in OBJ), None)
    if obj is not None and obj.lower_ in REL_PRON and verb.dep_ == "relcl":
        obj = None  # "something which they deny": the denied thing is what "something" stands for
    if comp:
        rng = comp[-1].left_edge.i, comp[-1].right_edge.i + 1
    elif obj is not None:
        rng = obj.left_edge.i, obj.right_edge.i + 1
        if lex.claim_nouns.get(obj.lemma_.lower()) == "accusation":
            accuser = accusation_party(obj)
            if accuser is not None:
                target = party(doc, *phrase(accuser))
    elif verb.dep_ == "relcl" and verb.head.head.pos_ in VERB_POS and verb.head.head.i < verb.head.i:
        # "A accused B of C, something they deny": the denied thing is the clause the noun hangs on
        noun, clause = verb.head, verb.head.head
        rng = clause.left_edge.i, noun.left_edge.i
        if clause.lemma_.lower() in lex.accuse:
            voice, subj = subject_of(clause)
            if voice == "active":
                target = party(doc, *phrase(subj))
        if subject_of(verb)[1] is not None and subject_of(verb)[1].lower_ in REL_PRON:
            source = None
    elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in NOUN_POS:
        rng = verb.head.left_edge.i, verb.head.i + 1
    if rng is None or rng[1] - rng[0] < 1:
        return
    c = make_claim(doc, "denial", verb, rng, source, target, lex)
    if c:
        yield verb, c


def attribution(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X attributed the attacks to Y", "linked the hack to Y", "pinned it on Y", "named Y as the culprit"."""
    lemma = verb.lemma_.lower()
    prep = lex.attribute[lemma]
    pobj = prep_object(verb, prep)
    if pobj is None:
        return
    voice, subj = subject_of(verb)
    obj = next((c for c in verb.children if c.dep_ in OBJ), None)
    thing = subj if voice == "passive" and subj is not None and subj.dep_ not in EXPL else obj
    if lemma == "name":
        if pobj.lemma_.lower() not in lex.culprit_nouns or obj is None:
            return
        target = party(doc, *phrase(obj))
        rng = obj.left_edge.i, pobj.right_edge.i + 1
    else:
        if thing is None:
            return
        if lemma not in ("attribute", "pin") and thing.lemma_.lower() not in lex.incident_nouns:
            return
        target = party(doc, *phrase(pobj))
        rng = thing.left_edge.i, min([thing.right_edge.i + 1] + [c.i for c in thing.children
                                                                if c.i > thing.i and c.dep_ == "prep"])
    c = make_claim(doc, "attribution", verb, rng, source_of(verb), target, lex)
    if c:
        yield verb, c


def channel_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"In a statement, X was blunt: “Y”", "In a CNN poll, Clinton led by 24 points": a clause whose
    verb is no cue, introduced by "in" and a channel noun. A speaker's channel (statement, interview)
    makes the verb's subject the source and the rest of the clause (or the quotation in it) the
    content; a document (poll, survey) is itself the source of the whole clause."""
    quotes = None
    for prep in doc:
        if prep.lower_ != "in" or prep.dep_ != "prep" or prep.i != prep.sent.start and doc[prep.i - 1].text != ",":
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        channel = lex.channel_nouns.get(pobj.lemma_.lower()) if pobj is not None else None
        verb = prep.head
        if channel is None or verb.pos_ not in VERB_POS or lex.kind(verb) is not None or verb.i < prep.i \
                or any(lex.kind(c) for c in verb.children if c.dep_ in ("conj", "ccomp", "xcomp")):
            continue
        sent = prep.sent
        if any(lex.kind(t) for t in sent):
            continue  # the sentence's cue verb makes the claim ("In a statement, X said ...")
        cue = (prep.i, pobj.i + 1)
        after = pobj.right_edge.i + 1
        if prep.i == sent.start:  # "In a poll last month, ...": the phrase runs to its comma
            after = next((t.i + 1 for t in doc[after:verb.i] if t.text == ","), after)
        while after < len(doc) and doc[after].is_punct and doc[after].text in EDGE_PUNCT:
            after += 1
        end = verb.right_edge.i + 1
        while end > after and doc[end - 1].is_punct and not QUOTE_CHARS & set(doc[end - 1].text):
            end -= 1
        voice, subj = subject_of(verb)
        if voice == "none":  # "X, in a statement, was blunt: “...”" parsed with X as the quote's subject
            subj = next((t for t in doc[prep.sent.start:prep.i] if t.dep_ in SUBJ), None)
            voice = "active" if subj is not None else voice
        if channel == "document":
            if prep.i != sent.start:
                continue
            source = party(doc, *phrase(pobj))
            rng = (after, end)
        elif voice == "active" and (subj.i >= after or subj.right_edge.i < prep.i):
            source = party(doc, *phrase(subj), verb.idx)  # "In a statement, X was ..." / "X, in a statement, was ..."
            rng = (max(after, subj.right_edge.i + 1), end)
        else:
            continue
        if rng[1] - rng[0] < 2:
            continue
        if quotes is None:
            quotes = find_quotes(text_of(doc))
        start = doc[rng[0]].idx
        quoted = next((q for q in quotes if start <= q.start < sent.end_char), None)
        if quoted is not None and channel != "document":
            inner = char_span(doc, quoted.inner_start, quoted.inner_end)
            c = make_claim(doc, "statement", cue, inner, source, None, lex, quote=True, cue_tok=prep)
        else:
            c = make_claim(doc, "statement", cue, rng, source, None, lex, cue_tok=prep)
        if c:
            yield prep, c


def nominal_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"Microsoft's claim that ...", "US accusations of cyber-crime" (and their accused, when a
    denial of them names the denier: "Beijing rejected US accusations")."""
    for tok in doc:
        ctype = lex.claim_nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if ctype is None:
            continue
        rng = None
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
                rng = c.left_edge.i, c.right_edge.i + 1
                break
        src = accusation_party(tok) if ctype == "accusation" else claim_noun_parties(tok)
        target = None
        if rng is None and ctype == "accusation" and src is not None:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "that")), None)
            if of is not None:
                rng = of.left_edge.i, of.right_edge.i + 1
                pobj = next((g for g in of.children if g.dep_ == "pobj"), None)
                if of.lower_ == "against" and pobj is not None:
                    target = party(doc, *phrase(pobj))
            if tok.dep_ in OBJ and lex.kind(tok.head) == "deny":
                voice, subj = subject_of(tok.head)
                if voice == "active":
                    target = party(doc, *phrase(subj))
        if rng is None or (src is None and ctype != "statement"):
            continue
        if src is None:
            continue
        c = make_claim(doc, ctype, tok, rng, party(doc, src.i, src.i + 1) if src.dep_ != "pobj"
                       else party(doc, *phrase(src)), target, lex)
        if c:
            yield tok, c


HEADLINE_RE = re.compile(r"^([A-Z][^\n:]{1,40}?):[ \t]+(\S[^\n]{8,})$", re.M)


HEADLINE_STOP = {"for", "of", "on", "note", "update", "updates", "poll", "email", "daily", "news", "follow", "name", "age", "live",
                 "watch", "exclusive", "report", "breaking", "video", "photos", "editor", "analysis", "opinion"}


def headline_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"Gingrich: Trump must decide" - a line that opens with a short name and a colon: the name
    speaks the rest of the line (headlines and transcripts)."""
    text = text_of(doc)
    for m in HEADLINE_RE.finditer(text):
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or len(name) > 5 or not any(t.pos_ in ("PROPN", "NOUN") for t in name) \
                or any(t.pos_ in VERB_POS or t.dep_ == "case" or t.lower_ in HEADLINE_STOP for t in name) \
                or name[0].lower_ in ("the", "a", "an"):
            continue  # a section label ("Editor's Note:", "AP-GfK Poll:"), not a speaker
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        body = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if colon is None or body is None or len(body) < 3:
            continue
        c = make_claim(doc, "statement", (colon.start, colon.end), (body.start, body.end),
                       party(doc, name.start, name.end), None, lex, cue_tok=colon[0])
        if c:
            yield colon[0], c


DASH_SOURCE_RE = re.compile(r"[ \t]*([-\u2013\u2014]{1,2})[ \t]*([A-Z][^\n.!?\u201c\"]{1,80}?)[ \t]*(?:[.\n]|$)")


def quote_claims(doc: Doc, quotes: list[Quote], cue_claims: dict[int, list[dict]], lex: Lexicon,
                 quote_fragments: str) -> Iterator[dict]:
    """Claims for quotations: a quote takes the nearest report cue of its sentence(s) outside any
    quote; a fully quoted sentence or paragraph with no cue inherits the speaker of the quote
    before it ("“A,” she said. “B.”"). Yields the new claims; cue claims it refines in place."""
    if not quotes:
        return
    qchar = [False] * (len(text_of(doc)) + 1)
    for q in quotes:
        for i in range(q.start, q.end):
            qchar[i] = True
    last: dict | None = None
    last_para = -2
    inside = [c for cs in cue_claims.values() for c in cs]
    for q in quotes:
        first = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if first is None or len(first) < 2:
            continue
        if len(first) < 8 and not any(t.pos_ in VERB_POS for t in first):
            continue  # a title or a scare quote, not speech
        sents = {first[0].sent.start: first[0].sent, first[-1].sent.start: first[-1].sent}
        if q.end < len(text_of(doc)):
            after = doc.char_span(q.end, min(len(text_of(doc)), q.end + 1), alignment_mode="expand")
            if after is not None and len(after):
                sents.setdefault(after[0].sent.start, after[0].sent)
        cands = []
        for sent in sents.values():
            for tok in sent:
                if qchar[tok.idx] or lex.kind(tok) not in ("report", "accuse", "deny") \
                        or tok.lemma_.lower() in lex.ccomp_only:
                    continue
                if tok.idx > q.end and text_of(doc)[q.end: tok.idx].count("\n"):
                    continue
                dist = tok.idx - q.end if tok.idx >= q.end else q.start - tok.idx
                cands.append((dist, tok.i, tok))
        inner = {"start": q.inner_start, "end": q.inner_end, "text": text_of(doc)[q.inner_start:q.inner_end]}
        holder = next((c for c in inside if c["content"]["start"] < q.inner_start - 1
                       and q.start - 12 <= c["content"]["end"] and c["sentence"]["start"] <= q.start
                       and q.inner_end <= c["sentence"]["end"]), None)
        if holder is not None:
            if holder["content"]["end"] < q.inner_end:
                holder["content"] = {"start": holder["content"]["start"], "end": q.inner_end, "text": None}
            last, last_para = holder, q.para
            # a partial quote inside a paraphrase ("was “concerned that ...”"): part of that claim
            continue
        if cands:
            _, _, cue = min(cands)
            own = cue_claims.get(cue.i, [])
            # the cue's grammatical content lies inside the quote: the quote is the content
            hit = next((c for c in own if c["content"]["start"] >= q.start - 1 and c["content"]["end"] <= q.end + 1
                        or (q.inner_start >= c["content"]["start"] and q.inner_end <= c["content"]["end"])), None)
            if hit is not None:
                if hit["content"]["start"] >= q.start - 1 and hit["content"]["end"] <= q.end + 1:
                    hit["content"] = inner
                    hit["quote"] = True
                elif hit["content"]["end"] - hit["content"]["start"] <= q.inner_end - q.inner_start + 3:
                    hit["quote"] = True
                last, last_para = hit, q.para
                continue
            if own and any(_near(c, q) for c in own):
                # "“A,” she said, “B.”": the second fragment of a split quote
                c = own[-1]
                _add_fragment(c, inner, quote_fragments)
                last, last_para = c, q.para
                continue
            source = source_of(cue)
            c = make_claim(doc, "statement", cue, inner, source, None, lex, quote=True)
            if c is not None:
                cue_claims.setdefault(cue.i, []).append(c)
                c["_fragments"] = [inner]
                last, last_para = c, q.para
                yield c
            continue
        byline = DASH_SOURCE_RE.match(text_of(doc), q.end)
        if byline:
            # "“We will act.” -Commissioner Smith": a dash and a name after the quote
            name = doc.char_span(byline.start(2), byline.end(2), alignment_mode="expand")
            if name is not None and len(name) <= 8 and any(t.pos_ == "PROPN" for t in name):
                s2, e2 = byline.span(2)
                source = {"actor": actor_at(doc, s2, e2), **char_span(doc, s2, e2)}
                c = make_claim(doc, "statement", char_span(doc, *byline.span(1)), inner, source, None, lex,
                               quote=True, cue_tok=name[0])
                if c is not None:
                    c["_fragments"] = [inner]
                    last, last_para = c, q.para
                    yield c
                    continue
        # no cue: a fully quoted sentence or paragraph continues the previous speaker
        starts_sentence = first[0].is_sent_start or (first[0].i > 0 and doc[first[0].i - 1].is_sent_start
                                                      and doc[first[0].i - 1].text in QUOTE_CHARS) \
            or q.start == q.inner_start - 1 and (q.start == 0 or text_of(doc)[q.start - 1] == "\n")
        if last is not None and q.para - last_para <= 1 and starts_sentence and len(first) >= 4:
            if q.para == last_para and quote_fragments != "separate":
                _add_fragment(last, inner, quote_fragments)
            else:
                c = dict(last)
                c["content"], c["quote"], c["_fragments"] = inner, True, [inner]
                sent = first[0].sent
                c["sentence"] = tok_span(doc, sent.start, sent.end)
                c["hedges"] = []
                last, last_para = c, q.para
                yield c
        else:
            last = None if q.para - last_para > 1 else last


def _near(claim: dict, q: Quote) -> bool:
    frags = claim.get("_fragments") or [claim["content"]]
    return claim.get("quote") and 0 <= q.start - frags[-1]["end"] <= 60


AUTO_SHARE = 0.53  # "auto": the longest fragment when it holds a clear majority of the quoted words, else all


def _add_fragment(claim: dict, frag: dict, mode: str) -> None:
    frags = claim.setdefault("_fragments", [claim["content"]])
    frags.append(frag)
    longest = max(frags, key=lambda f: f["end"] - f["start"])
    share = (longest["end"] - longest["start"]) / sum(f["end"] - f["start"] for f in frags)
    if mode in ("span", "separate") or (mode == "auto" and share < AUTO_SHARE):
        s, e = frags[0]["start"], frag["end"]
        claim["content"] = {"start": s, "end": e, "text": None}
    else:
        claim["content"] = longest


def extract_claims(doc: Doc, lex: Lexicon, *, quote_fragments: str = "auto") -> list[dict]:
    """All claims of a parsed doc, sorted by cue, then content position."""
    cue_claims: dict[int, list[dict]] = {}
    for tok, claim in verb_claims(doc, lex):
        cue_claims.setdefault(tok.i, []).append(claim)
    quotes = find_quotes(text_of(doc))
    if quotes and QUOTED_CUES != "keep":
        # a cue inside a quotation is the speaker's own report ("I agree it is bad"); PolNeAR-style
        # annotation leaves those to the quoted claim
        starts = [q.start for q in quotes]
        for i in list(cue_claims):
            k = bisect_right(starts, doc[i].idx) - 1
            if k >= 0 and quotes[k].start < doc[i].idx < quotes[k].end:
                src = cue_claims[i][0]["source"]["text"] or ""
                if QUOTED_CUES == "drop" or src.lower() in FIRST_PERSON or not src:
                    LOGGER.debug("cue %r at %d is inside a quotation: left to the quoted claim", doc[i].text, doc[i].idx)
                    del cue_claims[i]
    if NESTED != "keep":
        # a report inside what another claim reports ("she said she did not believe she could")
        # is part of that claim; accusations, denials and attributions inside it are kept
        spans = sorted((c["content"]["start"], c["content"]["end"]) for cs in cue_claims.values() for c in cs)
        for i in list(cue_claims):
            at = doc[i].idx
            if lex.kind(doc[i]) == "report" and any(s < at < e for s, e in spans) \
                    and (NESTED == "drop" or doc[i].lemma_ not in lex.strong):
                LOGGER.debug("report %r at %d is inside another claim's content: part of it", doc[i].text, at)
                del cue_claims[i]
    extra = list(quote_claims(doc, quotes, cue_claims, lex, quote_fragments))
    seen, out = set(), []
    for claim in [c for cs in cue_claims.values() for c in cs] + extra:
        if claim["content"].get("text") is None:
            claim["content"]["text"] = text_of(doc)[claim["content"]["start"]:claim["content"]["end"]]
        key = (claim["cue"]["start"], claim["content"]["start"], claim["content"]["end"])
        if key in seen:
            continue
        seen.add(key)
        frags = claim.pop("_fragments", None)
        if frags and len(frags) > 1:  # all parts of a split or continued quote, for readers of Doc._.claims
            claim["content"] = dict(claim["content"], fragments=[
                {"start": f["start"], "end": f["end"], "text": text_of(doc)[f["start"]:f["end"]]} for f in frags])
        out.append(claim)
    out.sort(key=lambda c: (c["cue"]["start"], c["content"]["start"], c["content"]["end"], TYPE_ORDER[c["type"]]))
    return out
