"""Qualifiers of a claim for news_claims: hedges ("allegedly", "may", "believed to"), stated
confidence ("with high confidence") and negation of the cue (a cue denied, withheld, or only
supposed, predicted or asked about: no one was accused)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .senses import modal
from .spans import memo, text_of, tokens
from .syntax import NEG, OBJ, children, has_child


def qualifiers(doc: Doc, cue: Token, content: tuple[int, int], lex: Lexicon) -> tuple[list[str], str | None, bool]:
    hedges = []
    toks = tokens(doc)
    for tok in toks[content[0]:content[1]]:
        if tok.lower_ in lex.hedges and tok.lower_ not in hedges:
            hedges.append(tok.lower_)
    for c in cue.children:
        if c.lower_ in lex.hedges and c.lower_ not in hedges:
            hedges.append(c.lower_)
    phrased = lex.qualifier_any is not None and memo(
        doc, "qualifier phrases", lambda: lex.qualifier_any.search(text_of(doc)) is not None)
    if lex.hedge_re is not None and phrased:
        last = toks[content[1] - 1]
        text = text_of(doc)[toks[content[0]].idx: last.idx + len(last)]
        for m in lex.hedge_re.finditer(text):
            if m.group(1).lower() not in hedges:
                hedges.append(m.group(1).lower())
    confidence = None
    if lex.confidence_re is not None and phrased:
        # the longest phrase is the most explicit: "assessed with high confidence" is high, not the
        # "medium" that a bare "assesses" stands for
        found = [m.group(1).lower() for m in lex.confidence_re.finditer(cue.sent.text)]
        if found:
            confidence = lex.confidence.get(max(found, key=len))
    negated = has_child(cue, NEG) or withheld(cue, lex) or unasserted(cue, lex)
    return hedges, confidence, negated


# the links from a cue up to the verb that says whether it happened: its complements and conjuncts
UNASSERTED_UP = frozenset({"xcomp", "acomp", "ccomp", "conj"})
MAX_UP = 5


def with_to(tok: Token) -> bool:
    """A verb with its "to" ("to criticize")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def infinitive(tok: Token) -> bool:
    """A "to" infinitive ("to criticize")."""
    return tok.tag_ == "VB" and with_to(tok)


def unasserted(cue: Token, lex: Lexicon) -> bool:
    """The cue is only supposed, predicted or asked about, so no one was accused: in an "if" /
    "whether" clause ("declined to say whether it was right for a mayor to criticize"), under a
    modal ("will face criticism from X", "could attack"), or the question a sentence asks ("Did X
    blame Y?"). Read one by one, such arrows were wrong in the graph."""
    v = cue.head if cue.pos_ == "NOUN" and cue.dep_ in OBJ else cue  # "will face criticism"
    for _ in range(MAX_UP):
        if modal(v, lex) or any(c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks for c in v.children):
            return True
        if v.head.i >= v.i or not (v.dep_ in UNASSERTED_UP or (v.dep_ == "advcl" and infinitive(v))):
            break  # a "complement" before its head is a parse of "X did Y, so it may ...": not under it
        v = v.head
    return v.dep_ == "ROOT" and v.sent.text.rstrip("\u201d\"' ").endswith("?")


def withheld(cue: Token, lex: Lexicon) -> bool:
    """The cue is what someone did not do: "refused to blame", "avoided criticizing", "did not want
    to accuse", "was reluctant to attack", "his refusal to condemn", "stopped short of accusing",
    "Nobody blamed", "Neither X nor Y is inclined to attack"; or only what was asked or planned:
    "when asked to condemn", "urged X to condemn", "expects X to win by attacking Y". Not "did not hesitate to blame" (two negations).
    Also a gerund its preposition says was not done: "warned against blaming", "spoke without naming",
    "instead of attacking", "rather than blaming", "refrained from criticizing".
    Read one by one, such arrows were all wrong in the graph."""
    if cue.dep_ == "pcomp" and refused_by_preposition(cue, lex):
        return True
    if cue.dep_ == "pcomp" and cue.head.lower_ == "of":
        gov = cue.head.head
        return gov.lower_ in lex.refusal_of or any(c.lower_ in lex.refusal_of for c in gov.children)
    to = next((c for c in cue.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and to.i > 0 and cue.doc[to.i - 1].pos_ == "NOUN" and cue.doc[to.i - 1].lemma_.lower() in lex.refusal:
        return True  # "blamed his hesitancy to condemn X", parsed as if "condemn" were the verb's complement
    chain = [cue]  # the cue and the words it is the complement of, up to its clause's verb
    while chain[-1].dep_ in ("xcomp", "acomp") or (chain[-1].dep_ == "acl" and chain[-1].head.pos_ == "NOUN") \
            or _means(chain[-1]) or _infinitive(chain[-1]) \
            or (chain[-1].dep_ == "advcl" and infinitive(chain[-1])):  # "declined at first to criticize"
        if chain[-1].head.i == chain[-1].i or len(chain) > 4:
            break
        chain.append(chain[-1].head.head if _means(chain[-1]) else chain[-1].head)
    governors = chain[1:]
    if any(t.lemma_.lower() in lex.unrealised for t in governors):
        return True
    refused = any(t.lemma_.lower() in lex.refusal for t in governors)
    negations = sum(has_child(t, NEG) for t in governors) + sum(_negative_subject(t, lex) for t in chain)
    return refused != (negations % 2 == 1)


def refused_by_preposition(cue: Token, lex: Lexicon) -> bool:
    """A gerund after a preposition that says the act was not done: "warned against blaming X" (a
    warning against an accusation is none), "spoke without naming X", "instead of attacking X",
    "rather than blaming X", "refrained from criticizing X"."""
    if cue.tag_ != "VBG" and not any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in cue.children):
        return False  # a gerund ("without being told"), not the clause of "protests against what they call a fraud"
    prep = cue.head
    if prep.lower_ in lex.refusal_preps:
        return prep.head.lemma_.lower() != "go"  # "it goes without saying that X" asserts X
    if any(c.dep_ == "advmod" and c.lower_ in lex.refusal_of for c in prep.children):
        return True  # "Instead of attacking", "Rather than blaming": the adverb hangs on the preposition
    return prep.lower_ == "from" and prep.head.lemma_.lower() in lex.refusal


def _means(tok: Token) -> bool:
    """"(expects X to insert himself) by calling out Y": the cue is the means of the verb before "by"."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.i != tok.head.i


def _infinitive(tok: Token) -> bool:
    """"expect France to condemn Iran": an infinitive the parser hangs as a clause (ccomp with "to")."""
    return tok.dep_ == "ccomp" and with_to(tok)


def _negative_subject(verb: Token, lex: Lexicon) -> bool:
    """"Nobody blamed", "No one attacked", "Neither Johnson nor Weld is inclined to"."""
    for subj in children(verb, {"nsubj", "nsubjpass"}):
        if subj.lower_ in lex.negative_subjects or any(
                c.dep_ in ("det", "preconj") and c.lower_ in lex.negative_subjects for c in subj.children):
            return True
    return False
