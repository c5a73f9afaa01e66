"""Cues that make no claim of their own for news_claims: a cue inside a quotation, or a report
inside the content another claim reports, belongs to that claim. Each filter takes drafts and
returns the ones that stay."""
from __future__ import annotations

import logging
from bisect import bisect_right

from spacy.tokens import Doc, Token

from .draft import Draft
from .lexicon import Lexicon
from .quotes import Quote
from .spans import text_of
from .syntax import OBJ, REL_PRON, SUBJ
from .tags import TAG_VERBS

LOGGER = logging.getLogger(__name__)

# A cue inside a quotation, or inside the content another claim reports, belongs to that claim. The
# modes (news_claims config keys quoted_cues, nested_cues): "keep" makes separate claims of them,
# "first-person" (quotes only) drops "I/we/you" ones, "weak" (nested only) keeps the cues whose claims
# matched train >= 60 %, "drop" drops them all (the default: PolNeAR train annotates few of them;
# measured, dropping removes ~3 true to ~60 false claims)
FIRST_PERSON = {"i", "we", "you", "me", "us"}
PAUSES = {",", "\u2014", "\u2013", "--"}  # before a participle that reports on its own: ", saying", "— saying"
GOVERNED_CUES = {"xcomp", "dobj"}  # a cue's infinitive or object that is a cue of its own
NOUN_CUES = {"acl", "relcl"}  # a cue on the cue's object: "issued a statement saying", "an ad that urges"
PRESENT = {"VBP", "VBZ"}
# verbs that put an act to their object ("urged X to", "asked X to", "pressured X to"): it is asked, not done
ASKING = {"ask", "urge", "tell", "pressure", "press", "push", "encourage", "persuade", "challenge", "invite", "beg",
          "implore", "want", "expect", "need", "order", "request", "advise", "call", "lobby", "dare", "remind"}
CONTRAST_MARKS = {"though", "although", "while", "whereas"}  # a trailing clause that sets another report against the first


def drop_quoted_cues(doc: Doc, drafts: tuple[Draft, ...], quotes: list[Quote], mode: str = "drop") -> tuple[Draft, ...]:
    """A cue inside a quotation is the speaker's own report ("I agree it is bad"); PolNeAR-style
    annotation leaves those to the quoted claim."""
    if not quotes or mode == "keep":
        return drafts
    starts = [q.start for q in quotes]
    first: dict[int, Draft] = {}
    for d in drafts:
        first.setdefault(d.cue.token, d)
    dropped = set()
    for i, d in first.items():
        at = doc[i].idx
        k = bisect_right(starts, at) - 1
        if k >= 0 and quotes[k].start < at < quotes[k].end:
            src = text_of(doc)[d.source[0]:d.source[1]] if d.source else ""
            if mode == "drop" or src.lower() in FIRST_PERSON or not src:
                LOGGER.debug("cue %r at %d is inside a quotation: left to the quoted claim", doc[i].text, at)
                dropped.add(i)
    return tuple(d for d in drafts if d.cue.token not in dropped)


def drop_nested_cues(doc: Doc, drafts: tuple[Draft, ...], lex: Lexicon, mode: str = "drop") -> tuple[Draft, ...]:
    """A report inside what another claim reports ("she said she did not believe she could"), or a
    stance whose adjective is its only cue ("he said they were concerned that ..."), is part of that
    claim; accusations, denials and attributions inside it are kept, unless they are only asked of
    someone (`asked_of_another`)."""
    if mode == "keep":
        return drafts
    spans = sorted((d.content, d.cue.token) for d in drafts)
    accused = [d.content for d in drafts if d.type == "accusation"]
    # "seemed to mock X", "expressed concern about X": the cue's infinitive or object reports the
    # same X, and is part of its cue
    governed = {(d.cue.token, d.content) for d in drafts}
    dropped = set()
    for d in drafts:
        tok = doc[d.cue.token]
        if tok.dep_ in GOVERNED_CUES and tok.head.i < tok.i and (tok.head.i, d.content) in governed:
            dropped.add(tok.i)
        elif tok.dep_ in NOUN_CUES and tok.head.dep_ in OBJ and tok.head.head.i < tok.i \
                and (tok.head.head.i, d.content) in governed:
            dropped.add(tok.i)  # "released a statement saying X": the statement's verb reports X, and is part of the cue
    stated = {d.cue.token for d in drafts if d.type == "statement"} - {d.cue.token for d in drafts if d.type != "statement"}
    for i in dict.fromkeys(d.cue.token for d in drafts):
        at = doc[i].idx
        if (lex.kind(doc[i]) == "report" or i in stated and lex.kind(doc[i]) is None and doc[i].pos_ == "ADJ") \
                and any(s < at < e and own != i for (s, e), own in spans) \
                and (mode == "drop" or doc[i].lemma_ not in lex.strong) and not own_report(doc[i]) \
                and not clause_report(doc[i], accused):
            LOGGER.debug("report %r at %d is inside another claim's content: part of it", doc[i].text, at)
            dropped.add(i)
    dropped.update(d.cue.token for d in drafts if d.type != "statement" and asked_of_another(doc[d.cue.token]))
    return tuple(d for d in drafts if d.cue.token not in dropped)


def asked_of_another(cue: Token) -> bool:
    """An accusation or denial asked of someone, not made: under the infinitive a verb puts to its
    object ("urged Sanders to stop attacking Clinton", "asked Smith to condemn the attack",
    "pressuring Sanders to run on issues rather than continuing to attack her"). The asker accuses
    no one, and the one asked has not spoken. Not a verb that brings its object to act ("forced
    her to deny it") nor one of purpose ("used the speech to refute X", "joined others to reject
    it"): those were done; only the verbs of asking in ASKING (on PolNeAR train the others were right)."""
    tok = cue
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "xcomp" and head.lemma_.lower() in ASKING and any(
                c.dep_ in OBJ and c.i < tok.i for c in head.children):
            return True
        if tok.dep_ not in ("xcomp", "pcomp", "prep", "advcl", "conj", "ccomp", "dobj"):
            return False
        tok = head
    return False


def clause_report(cue: Token, accused: list[tuple[int, int]]) -> bool:
    """A report in an adverbial clause of its own inside another claim's content, which PolNeAR
    annotates as a claim of its own: inside an accusation's content ("attacked the council as rivals
    warned that ...", "criticized the press, though he added that ..."; train 7 of 9 kept ones right), or a
    contrast clause after its head with a subject of its own ("X said A, though Y noted that B"; train 9
    of 13, dev 3 of 3). A leading one ("said that while Y noted B, A") stays part of the claim."""
    if cue.dep_ != "advcl":
        return False
    if any(s < cue.idx < e for s, e in accused):
        return True
    mark = next((c.lower_ for c in cue.children if c.dep_ == "mark"), None)
    return mark in CONTRAST_MARKS and cue.i > cue.head.i \
        and any(c.dep_ in SUBJ and c.lower_ not in REL_PRON for c in cue.children)


def own_report(cue: Token) -> bool:
    """A report of speech that stands on its own inside another claim's content, as PolNeAR annotates it: a
    relative clause that reports what its noun is ("a wall, which he said Mexico should pay for"),
    or a participle after a comma with its own clause ("criticized the accord, saying it goes
    nowhere near far enough"): the speaker of the participle is the sentence's subject."""
    if cue.lemma_.lower() not in TAG_VERBS:
        return False
    if cue.dep_ == "relcl":  # "which he said", "critics who say", not "a letter that says" nor "voters who said"
        # (measured on PolNeAR train: the past "who said" relatives inside another claim are annotated about one time in four)
        subj = next((c for c in cue.children if c.dep_ in SUBJ), None)
        if subj is not None and subj.lower_ == "who" and cue.tag_ in PRESENT:
            return True  # "critics who say he should resign": a group's standing view (train 4 of 6 kept right)
        return subj is not None and subj.lower_ not in REL_PRON and any(t.lower_ in REL_PRON for t in cue.subtree)
    return (cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp") and cue.i > 0 and cue.doc[cue.i - 1].text in PAUSES
            and cue.head.dep_ != "relcl" and any(c.dep_ == "ccomp" for c in cue.children))
