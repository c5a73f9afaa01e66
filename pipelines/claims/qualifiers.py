"""Qualifiers of a claim for news_claims: hedges ("allegedly", "may", "believed to"), stated
confidence ("with high confidence") and negation of the cue."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .spans import text_of
from .syntax import NEG, children, has_child


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
        # the longest phrase is the most explicit: "assessed with high confidence" is high, not the
        # "medium" that a bare "assesses" stands for
        found = [m.group(1).lower() for m in lex.confidence_re.finditer(cue.sent.text)]
        if found:
            confidence = lex.confidence.get(max(found, key=len))
    negated = has_child(cue, NEG) or withheld(cue, lex)
    return hedges, confidence, negated


def withheld(cue: Token, lex: Lexicon) -> bool:
    """The cue is what someone did not do: "refused to blame", "avoided criticizing", "did not want
    to accuse", "was reluctant to attack", "his refusal to condemn", "stopped short of accusing",
    "Nobody blamed", "Neither X nor Y is inclined to attack"; or only what was asked or planned:
    "when asked to condemn", "urged X to condemn", "expects X to win by attacking Y". Not "did not hesitate to blame" (two negations).
    Read one by one, such arrows were all wrong in the graph."""
    if cue.dep_ == "pcomp" and cue.head.lower_ == "of":
        gov = cue.head.head
        return gov.lower_ in lex.refusal_of or any(c.lower_ in lex.refusal_of for c in gov.children)
    chain = [cue]  # the cue and the words it is the complement of, up to its clause's verb
    while chain[-1].dep_ in ("xcomp", "acomp") or (chain[-1].dep_ == "acl" and chain[-1].head.pos_ == "NOUN") \
            or _means(chain[-1]) or _infinitive(chain[-1]):
        if chain[-1].head.i == chain[-1].i or len(chain) > 4:
            break
        chain.append(chain[-1].head.head if _means(chain[-1]) else chain[-1].head)
    governors = chain[1:]
    if any(t.lemma_.lower() in lex.unrealised for t in governors):
        return True
    refused = any(t.lemma_.lower() in lex.refusal for t in governors)
    negations = sum(has_child(t, NEG) for t in governors) + sum(_negative_subject(t, lex) for t in chain)
    return refused != (negations % 2 == 1)


def _means(tok: Token) -> bool:
    """"(expects X to insert himself) by calling out Y": the cue is the means of the verb before "by"."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.i != tok.head.i


def _infinitive(tok: Token) -> bool:
    """"expect France to condemn Iran": an infinitive the parser hangs as a clause (ccomp with "to")."""
    return tok.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _negative_subject(verb: Token, lex: Lexicon) -> bool:
    """"Nobody blamed", "No one attacked", "Neither Johnson nor Weld is inclined to"."""
    for subj in children(verb, {"nsubj", "nsubjpass"}):
        if subj.lower_ in lex.negative_subjects or any(
                c.dep_ in ("det", "preconj") and c.lower_ in lex.negative_subjects for c in subj.children):
            return True
    return False
