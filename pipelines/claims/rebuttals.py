"""Denials without "deny", for news_claims: a statement is a denial when its cue answers an
accusation ("X defended the party's actions", "ruled out Taliban involvement", "responded to the
allegations" - target: who made them, when named) or when its content, in a document that reports
an accusation before it, denies the speaker's knowledge of or part in the wrongdoing ("he had no
knowledge of any efforts", "At no time was I aware of or took part in ...", "There was no
indication of it").

A stage after the structures, like reproach.py: it only retypes statements that have a speaker; the
words are data (the "rebuttal" lists of reproach.json)."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from .draft import Draft, Range, make_draft, token_cue
from .lexicon import Lexicon
from .reproach import DENIED_SUBJECTS, content_spans, quoted, speaker_pronoun
from .sources import accusation_party, claim_noun_parties, party, party_actor, source_of, token_actor
from .spans import having
from .syntax import NEG, OBJ, POBJ, child, phrase, subject_of

LOGGER = logging.getLogger(__name__)

NO_WORDS = {"no", "never", "nothing", "none"}
ANSWERING_LISTS = ("defending_verbs", "excluding_verbs", "answering_verbs")
ALLEGED_FORMS = ("allegedly", "alleged")  # an accusation reported (first_accusation)


def retype_rebuttals(doc: Doc, drafts: Iterable[Draft], lex: Lexicon) -> tuple[Draft, ...]:
    """The drafts with each statement that answers or rebuts an accusation made a denial, and a
    denial added for an answering verb no structure made a claim of."""
    words = lex.reproach
    out = []
    accused_at = first_accusation(doc, lex) if words else None
    for d in drafts:
        if d.type == "statement" and d.source is not None and words:
            found = answering_cue(doc, doc[d.cue.token], lex)
            if found is None and accused_at is not None and accused_at < doc[d.cue.token].sent.start \
                    and denied_part(doc, d, lex):
                found = ("denial", None)
            if found is not None:
                d = replace(d, type=found[0], target=found[1])
        if d.type == "denial" and d.target is None and d.source is not None:
            accuser = answered_accuser(doc, d, lex)
            if accuser is not None:  # "X insisted it had done nothing wrong after Y accused it of ...": Y
                d = replace(d, target=accuser)
        out.append(d)
    cues = {d.cue.token for d in out}
    for tok in having(doc, pos=("VERB",)):
        if tok.i in cues or not words:
            continue
        found = answering_cue(doc, tok, lex)  # "has ruled out Taliban involvement": no statement was made of it
        if found is None:
            continue
        obj = child(tok, OBJ) or next((child(c, POBJ) for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if obj is None:
            continue
        source = source_of(tok)
        if source is None:
            continue
        made = make_draft(doc, "denial", token_cue(doc, tok), phrase(obj), source, found[1], lex)
        if made is not None:
            out.append(made)
    return tuple(out)


def answered_accuser(doc: Doc, d: Draft, lex: Lexicon) -> Range | None:
    """Who made the accusation a denial answers, when its sentence says so in a clause of time or
    cause ("after / when / as Y accused it of ..."): that accusation verb's subject, its object being
    the denier (the same actor); else None."""
    cue = doc[d.cue.token]
    mine = party_actor(doc, d.source)
    if mine is None:
        return None
    for verb in cue.sent:
        if lex.kind(verb) != "accuse" or verb.i == cue.i or not any(
                c.dep_ == "mark" and c.lower_ in ANSWERED_MARKS for c in verb.children):
            continue
        accused = child(verb, {"dobj"})
        voice, subj = subject_of(verb)
        if accused is None or subj is None or voice != "active" \
                or token_actor(doc, accused) != mine:
            continue
        rng = party(doc, *phrase(subj))
        if rng is not None and party_actor(doc, rng) not in (None, mine):
            return rng
    return None


ANSWERED_MARKS = {"after", "when", "as", "since"}  # "denied it after Y accused him of"


def answering_cue(doc: Doc, cue: Token, lex: Lexicon) -> tuple[str, Range | None] | None:
    """"defended the party's actions" (an act, not a title or a country), "ruled out any role of
    the Taliban", "responded to the allegations" (of their makers, when named)."""
    words = lex.reproach
    lemma = cue.lemma_.lower()
    if not any(lemma in words.get(k, ()) for k in ANSWERING_LISTS):
        return None
    obj = child(cue, OBJ)
    if any(c.dep_ in NEG or (c.dep_ == "aux" and c.lower_ in words.get("modals", ())) for c in cue.children):
        return None  # "he cannot defend his own record"
    if lemma in words.get("defending_verbs", ()) and obj is not None and cue.tag_ != "VB" and obj.lemma_.lower() in words.get(
            "act_nouns", ()):  # not "easier for them to defend the policies", "her eagerness to defend"
        return "denial", None
    if lemma in words.get("excluding_verbs", ()) and any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children) \
            and obj is not None and obj.lemma_.lower() in words.get("involvement_nouns", ()):
        return "denial", None
    if lemma in words.get("answering_verbs", ()):
        to = next((child(c, POBJ) for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is not None and lex.claim_nouns.get(to.lemma_.lower()) == "accusation" \
                or to is not None and to.lemma_.lower() in lex.censure_nouns and to.lemma_.lower() != "fire":
            accuser = accusation_party(to) or claim_noun_parties(to)
            return "denial", party(doc, *phrase(accuser)) if accuser is not None else None
    return None


def first_accusation(doc: Doc, lex: Lexicon) -> int | None:
    """The first token that reports an accusation (an accusation verb, an allegation noun,
    "allegedly", a censure noun, a proceeding: "the impeachment inquiry"), or None: a denial of
    involvement answers an accusation reported before its sentence. One pass over the document."""
    proceedings = lex.reproach.get("proceeding_nouns", ())
    for t in having(doc, lower=ALLEGED_FORMS, lemma=(*lex.claim_nouns, *proceedings, *lex.censure_nouns, *lex.accuse)):
        lemma = t.lemma_.lower()
        if t.lower_ in ALLEGED_FORMS or lex.claim_nouns.get(lemma) == "accusation" or (
                t.pos_ == "NOUN" and lemma != "fire" and (lemma in proceedings or lemma in lex.censure_nouns)) \
                or lex.kind(t) == "accuse":
            return t.i
    return None


def denied_part(doc: Doc, d: Draft, lex: Lexicon) -> bool:
    """The content denies the speaker's (or a pronoun's) knowledge or part: a word of involvement
    under a strong negation ("had no knowledge", "knew nothing of", "never took part", "at no time
    was I aware"; not a plain "not"), or
    evidence said to be missing in a quotation ("“There was no indication,” he said"; a paraphrase
    "there is no evidence linking the cases" is a finding, not a rebuttal)."""
    words = lex.reproach
    for tok in (t for span in content_spans(doc, d) for t in span):
        lemma = tok.lemma_.lower()
        if quoted(doc, d) and lemma in words.get("evidence_nouns", ()) and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) \
                and tok.dep_ in ("attr", "dobj") and tok.head.lemma_.lower() in ("be", "have", "find", "see") \
                and not any(c.dep_ == "amod" for c in tok.children) and evidence_holder(tok, d):
            # not "no empirical evidence" (a finding), not "past performance is no indication of ..."
            return True  # "There was no indication", "he had no indication whatsoever"
        if lemma not in words.get("involvement_words", ()):
            continue
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if not (never(tok) or never(verb) or never_phrase(verb) or any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or (
                lemma == "know" and any(c.dep_ in OBJ and c.lower_ == "nothing" for c in tok.children))):
            continue  # a plain "not" is too common ("I don't know what she was thinking")
        subj = subject_of(verb)[1]
        if subj is not None and (speaker_pronoun(doc, d, subj) or d.source[0] <= subj.idx < d.source[1]):
            return True
    return False


def evidence_holder(noun: Token, d: Draft) -> bool:
    """"There was no indication", "he had no indication": an existential or a person who had none."""
    subj = next((c for c in noun.head.children if c.dep_ in ("nsubj", "expl")), None)
    return subj is not None and (subj.dep_ == "expl" or subj.lower_ in DENIED_SUBJECTS
                                 or d.source[0] <= subj.idx < d.source[1])


def never(tok: Token) -> bool:
    return any(c.dep_ in NEG | {"advmod"} and c.lower_ == "never" for c in tok.children)


def never_phrase(verb: Token) -> bool:
    """"At no time was I aware", "at no point did we say": a time phrase with "no" on the verb or
    on the verb it is conjoined with."""
    for v in (verb, verb.head if verb.dep_ == "conj" else verb):
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "at":
                pobj = child(c, POBJ)
                if pobj is not None and any(g.dep_ == "det" and g.lower_ == "no" for g in pobj.children):
                    return True
    return False
