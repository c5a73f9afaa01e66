"""Descriptions of named people for news_actors' coreference: "the Vermont senator", "the GOP
nominee", "the New York businessman" refer back to a person the text named.

What the document says of each person is gathered once into a profile: the words right before the
name ("Vermont Sen. Bernie Sanders", "Oscar-winning actress X"), of an apposition ("Trump, the
Republican nominee,"; "the Republican nominee, Donald Trump"), of a party tag ("Sanders (I-Vt.)"),
of "of/from" + a place after the name, and the actor's title and organisation. A definite singular
description ("the", a head of `description_nouns`, no possessor, not inside a quotation) resolves

- to the one person mentioned in the last PROFILE_WINDOW sentences whose profile has its head (with
  the same office words: "former", "vice") and all its proper words ("the Vermont senator" -> the
  senator the document ties to Vermont; two such senators: no one); else,
- when no person's profile has that head at all, to the one person who is the subject of a main
  clause in the sentence before ("Donald Trump says ... The Republican nominee noted"), when no
  other person is named in the description's own sentence before it, the description names no
  organisation ("the FBI director"), and nothing says otherwise: the gender of its head, the
  person's party, an official's other title ("Mayor X" is not "the candidate"), someone else the
  document ties to its place words.

Pure functions over the parsed document; the walk is coreference.py's.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import ActorLexicon
from .table import MODIFIER_DEPS, SUBJECT_DEPS, ActorTable, DocView

PERSON_KINDS = {"person", "official"}
BODY_KINDS = {"organisation", "government_body", "company", "media", "state"}
NAME_LABELS = {"PERSON"}  # the mentions that name someone (not a pronoun, a nominal or an unnamed official)
SKIP_DEPS = {"det", "poss", "case", "punct", "cc", "prep", "relcl", "acl", "advmod"}
MAX_PHRASE = 8
PREMODIFIER_POS = {"NOUN", "PROPN", "ADJ", "NUM"}
HYPHENS = {"-", "\u2013"}
PROFILE_WINDOW = 4  # sentences back where the person a profile fits was last mentioned
# a profile's or a description's office words: "the former president" is not "President Obama"
OFFICE_WORDS = {"vice", "deputy", "assistant", "associate", "former", "then", "late", "ex", "acting", "interim",
                "incoming", "outgoing", "co"}
PLACE_PREPOSITIONS = {"of", "from"}
PARTY_TAG = re.compile(r"\s*\(\s*([A-Za-z])\s*[-\u2013]\s*([A-Za-z. ]{2,14}?)\s*\)")
STOP = {"the", "a", "an", "and", "of", "from", "'s", "\u2019s", ",", "-", "\u2013"}


@dataclass(frozen=True)
class Phrase:
    """One thing the document says of a person: the words that may head a description of them
    (nouns, party words) and all its words, normalised."""

    heads: frozenset[str]
    words: frozenset[str]


Profiles = dict[str, list[Phrase]]


def normal(lex: ActorLexicon, word: str) -> str:
    """A word as descriptions and profiles compare it: lower case, "GOP" -> "republican"."""
    w = word.lower()
    return lex.descriptions.equivalents.get(w, w)


def profiles(doc: DocView, lex: ActorLexicon, table: ActorTable) -> Profiles:
    """What the document says of each person it names, from the words around the names."""
    out: Profiles = {}
    for aid, actor in table.actors.items():
        if actor["kind"] in PERSON_KINDS and actor.get("title"):
            title = actor["title"].split()
            org = table.actors.get(actor.get("part_of") or "", {}).get("name", "").split()
            words = frozenset(normal(lex, w) for w in title + org)
            out.setdefault(aid, []).append(Phrase(frozenset(normal(lex, w) for w in title[-1:]), words))
    for s, e, aid, label in table.mentions.items:
        if label not in NAME_LABELS or table.actors.get(aid, {}).get("kind") not in PERSON_KINDS:
            continue
        for phrase in _phrases(doc, lex, table, s, e):
            if phrase.words:
                out.setdefault(aid, []).append(phrase)
    return out


def _phrases(doc: DocView, lex: ActorLexicon, table: ActorTable, s: int, e: int) -> list[Phrase]:
    root = doc[s:e].root
    found = []
    before = _premodifier(doc, s)
    if before:  # "Vermont Sen. Bernie Sanders", "Republican presidential nominee Donald Trump"
        found.append(_phrase(lex, before))
    for c in root.rights:
        if c.dep_ == "appos" and c.i >= e:  # "Trump, the Republican nominee,"
            found.append(_phrase(lex, _np(c)))
        elif c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS and c.i == e:  # "Sanders of Vermont"
            objs = [o for o in c.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
            if objs:
                place = doc[objs[0].left_edge.i:objs[0].i + 1]
                found.append(Phrase(frozenset(), frozenset(normal(lex, t.text) for t in place)))
    if root.dep_ == "appos" and root.head.i < s and root.head.pos_ == "NOUN":  # "the Republican nominee, Donald Trump"
        found.append(_phrase(lex, _np(root.head)))
    tag = PARTY_TAG.match(doc.text, doc[e - 1].idx + len(doc[e - 1].text))
    if tag:  # "Sanders (I-Vt.)", "Rep. Paul Ryan (R-WI)"
        party = lex.descriptions.party_letters.get(tag.group(1).lower())
        state = lex.descriptions.states.get(tag.group(2).strip().lower())
        if party and state:
            found.append(Phrase(frozenset({party}), frozenset({party, *state.split()})))
    return found


def _premodifier(doc: DocView, s: int) -> list[Token]:
    """The words right before a name that describe it, read off the text rather than the tree (the
    parser often hangs "Oscar-winning actress Susan Sarandon" elsewhere): nouns, adjectives, names
    and hyphens back to a determiner, a verb, a preposition or punctuation, on the name's line."""
    out = []
    i = s - 1
    while i >= 0 and s - i <= MAX_PHRASE:
        t = doc[i]
        if "\n" in t.text_with_ws or not (t.pos_ in PREMODIFIER_POS or t.text in HYPHENS or t.tag_ in ("VBG", "VBN")
                                             and t.dep_ == "amod"):
            break
        out.append(t)
        i -= 1
    return out[::-1]


def _np(head: Token) -> list[Token]:
    """The words of a noun's phrase up to the noun and its "of/from" complement: "the Republican
    nominee", "a senator from Vermont", not a relative clause or a participle."""
    toks = [t for t in head.lefts for t in t.subtree if t.dep_ not in SKIP_DEPS] + [head]
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS:
            toks += [t for o in c.children if o.dep_ == "pobj" for t in o.subtree if t.dep_ not in SKIP_DEPS]
    return toks[:MAX_PHRASE]


def _phrase(lex: ActorLexicon, toks: list[Token]) -> Phrase:
    words = frozenset(normal(lex, t.text) for t in toks if t.lower_ not in STOP)
    parties = lex.descriptions.party_letters.values()
    heads = frozenset(normal(lex, t.text) for t in toks if t.lower_ not in STOP and (
        t.pos_ == "NOUN" or normal(lex, t.text) in parties or (t.pos_ == "PROPN" and t.ent_type_ != "PERSON")))
    return Phrase(heads, words)


@dataclass(frozen=True)
class Description:
    """A definite description: its first token, its head word, the proper and office words that
    must fit the person, and the gender its head says."""

    start: int
    head: str
    required: frozenset[str]
    office: frozenset[str]
    gender: str | None


def description(doc: DocView, lex: ActorLexicon, tok: Token) -> Description | None:
    """ "the Vermont senator", "The GOP presidential nominee", "the former secretary of state",
    "the senator from Vermont": definite, singular, no possessor, no name after it."""
    if tok.tag_ not in ("NN", "NNP") or tok.lower_ not in lex.descriptions.nouns:
        return None
    lefts = list(tok.lefts)
    if not lefts or lefts[0].dep_ != "det" or lefts[0].lower_ != "the":
        return None
    if any(c.dep_ == "poss" for c in lefts) or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON"):
        return None  # "the party's nominee", "the senator John Smith"
    if any(t.ent_type_ == "PERSON" for c in lefts for t in c.subtree):
        return None  # "the Trump adviser": someone else
    words = [t for c in lefts[1:] for t in c.subtree]
    for c in tok.rights:
        if c.dep_ == "prep":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            title = f"{tok.lower_} {c.lower_} {objs[0].lower_}" if objs else ""
            place = bool(objs) and (objs[0].ent_type_ == "GPE" or title in lex.titles)
            if c.lower_ not in PLACE_PREPOSITIONS or not place:
                return None  # "the president of the club"
            words += list(objs[0].subtree)
    norm_words = [(t, normal(lex, t.text)) for t in words if t.lower_ not in STOP]
    required = frozenset(w for t, w in norm_words if t.is_title or t.is_upper or t.ent_type_ in ("GPE", "NORP"))
    office = frozenset(w for _, w in norm_words if w in OFFICE_WORDS)
    return Description(lefts[0].i, normal(lex, tok.text), required - office, office,
                       lex.descriptions.genders.get(tok.lower_))


def matching(desc: Description, phrases: list[Phrase]) -> bool:
    """Whether a person's profile has the description's head (in a phrase with the same office
    words) and all its proper words."""
    every = frozenset().union(*(p.words for p in phrases)) if phrases else frozenset()
    if not desc.required <= every:
        return False
    return any(desc.head in p.heads and p.words & OFFICE_WORDS == desc.office for p in phrases)


def has_head(lex: ActorLexicon, desc: Description, phrases: list[Phrase]) -> bool:
    """Whether a profile gives the description's head to the person, in a phrase of the same office
    words and of no other party ("Republican nominee Donald Trump", "Democratic vice presidential
    nominee X" do not make "the Democratic nominee" ambiguous)."""
    parties = frozenset(lex.descriptions.party_letters.values())
    wanted = desc.required & parties
    return any(desc.head in p.heads and p.words & OFFICE_WORDS == desc.office
               and not (wanted and p.words & parties and not wanted & p.words) for p in phrases)


def resolve(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token, seen: list, profiles_: Profiles,
            gender: dict[str, Counter], named: set[str],
            quoted: Callable[[DocView, Token], bool]) -> tuple[int, str, str] | None:
    """The person a definite description refers back to (see the module's docstring), or None."""
    desc = description(doc, lex, tok)
    if desc is None:
        return None
    sent = doc.sent_of[tok.i]
    people = {aid for k, aid, _, _ in seen if aid in named and k >= sent - PROFILE_WINDOW
              and _gender_fits(gender, aid, desc.gender)}
    fitting = {aid for aid in people if matching(desc, profiles_.get(aid, []))}
    if fitting:
        return (desc.start, fitting.pop(), "NOMINAL") if len(fitting) == 1 else None
    if any(has_head(lex, desc, phrases) for aid, phrases in profiles_.items() if aid in named):
        return None  # the document gives that office to someone: only a profile that fits decides
    aid = _salient(doc, table, tok, desc, named, gender, quoted)
    if aid is None or _conflicts(lex, desc, profiles_.get(aid, [])):
        return None
    title = (table.actors[aid].get("title") or "").split()
    if title and normal(lex, title[-1]) != desc.head:
        return None  # "Mayor Bill de Blasio" is not "the Republican candidate" the next sentence names
    places = desc.required - frozenset(lex.descriptions.party_letters.values())
    if places and any(places <= frozenset().union(*(p.words for p in phrases))
                      for other, phrases in profiles_.items() if other != aid and other in named):
        return None  # "the former Florida governor": someone else the document ties to Florida
    return desc.start, aid, "NOMINAL"


def _conflicts(lex: ActorLexicon, desc: Description, phrases: list[Phrase]) -> bool:
    """A profile of another party than the description's ("the Republican candidate" is not a
    Democratic mayor), or with its head in another office ("the president" is not "former President X")."""
    parties = frozenset(lex.descriptions.party_letters.values())
    wanted = desc.required & parties
    have = frozenset().union(*(p.words for p in phrases)) & parties if phrases else frozenset()
    other_office = any(desc.head in p.heads and p.words & OFFICE_WORDS != desc.office for p in phrases)
    return other_office or bool(wanted and have and not wanted & have)


def _salient(doc: DocView, table: ActorTable, tok: Token, desc: Description, named: set[str],
             gender: dict[str, Counter], quoted: Callable[[DocView, Token], bool]) -> str | None:
    """The one person who is the subject of a main clause in the sentence before ("Donald Trump says
    ... The Republican nominee noted"; a pronoun only as the subject of the main verb itself; none
    inside a quotation), with
    no other person named in the description's own sentence before it, when the description's
    gender fits."""
    sent = doc.sent_of[tok.i]
    first, here = doc.sents[max(sent - 1, 0)][0], doc.sents[sent][0]
    subjects, others = set(), set()
    for s, e, aid, label in table.mentions.items:
        if not first <= s < tok.i:
            continue
        kind = table.actors.get(aid, {}).get("kind")
        if desc.start <= s and kind in BODY_KINDS:
            return None  # "the FBI director": an official of the FBI, not the last person named
        root = doc[s:e].root
        if kind not in PERSON_KINDS or root.dep_ in MODIFIER_DEPS or quoted(doc, root):
            continue  # a quotation's "he" is the speaker's, not the text's
        if s >= here:  # someone named earlier in its own sentence: "X called on ... after the mogul claimed"
            others.add(aid)
        elif main_subject(root) and (label != "PRON" or root.head.dep_ == "ROOT"):
            subjects.add(aid)
    if others - subjects or len(subjects) != 1:
        return None
    aid = next(iter(subjects))
    return aid if aid in named and _gender_fits(gender, aid, desc.gender) else None


def main_subject(tok: Token) -> bool:
    """The subject of a sentence's main verb (or of a verb coordinated with it)."""
    if tok.dep_ in ("conj", "appos") and tok.head.dep_ in SUBJECT_DEPS:
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _gender_fits(gender: dict[str, Counter], aid: str, g: str | None) -> bool:
    if g is None:
        return True
    votes = gender.get(aid, Counter())
    other = "f" if g == "m" else "m"
    return votes[other] <= votes[g]
