"""Parenthetical speech tags for news_claims: "A, the mayor said, B" and "A, he said." where the
parse gives the cue no clause of its own (it hangs the tag on a verb of A, or hangs A's opening
clause on the cue), so content.py finds nothing.

The tag is the cue with its subject and what follows it up to the next comma; what was said is the
sentence around it. The content is the longer part when it holds a clear majority of the words (a
gold span in two fragments is matched by its longer one), else both parts and the tag between,
with the two parts as fragments.
"""
from __future__ import annotations

from spacy.tokens import Token

from .syntax import FINITE, REL_PRON, SUBJ, VERB_POS

TokRange = tuple[int, int]

# the verbs of speech that stand as a parenthetical tag ("A, she added, B"); verbs of stance or
# support ("backed", "offers") set off by commas are a sentence's own verb after a fronted clause
TAG_VERBS = {"say", "tell", "add", "note", "argue", "write", "explain", "insist", "acknowledge", "contend",
             "claim", "warn", "predict", "recall", "concede", "admit", "estimate", "suggest", "stress", "observe"}
MAX_TAG_TAIL = 8  # tokens after the cue before the tag's closing comma ("he told me on Friday,")
MIN_PART = 2  # tokens of a part of what was said
MAJORITY = 0.53  # the longer part alone when it holds this share of both parts' characters
OBJECTS = {"dobj", "attr", "oprd", "dative"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj"}


def parenthetical_content(verb: Token) -> tuple[TokRange, tuple[TokRange, ...]] | None:
    """(content token range, fragments) of a cue set off by commas inside the sentence it reports,
    or None. Fragments are () when the content is one part."""
    doc, sent = verb.doc, verb.sent
    if verb.tag_ not in FINITE or verb.lemma_.lower() not in TAG_VERBS:
        return None
    subj = next((c for c in verb.lefts if c.dep_ in SUBJ), None)
    if subj is None or subj.lower_ in REL_PRON or verb.dep_ == "relcl":
        return None  # "Smith, who added, ...": a relative clause, no tag
    left = subj.left_edge.i
    if left - 1 <= sent.start or doc[left - 1].text != ",":
        return None  # the tag opens the sentence: "He said, ..." is not parenthetical
    if any(t.dep_ in CLAUSE_DEPS and t.head.i == verb.i for t in doc[left:verb.i]):
        return None
    end = _tag_end(verb, sent)
    if end is None:
        return None
    first = (sent.start, left - 1)
    stop = sent.end
    while stop > end and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    second = (end + 1, stop) if end < sent.end and doc[end].text == "," else None
    if verb.dep_ == "ROOT" and fronted(doc[first[0]:first[1]]):
        return None  # "When the time came, Mexico said ...": a fronted clause of the sentence's own verb
    if first[1] - first[0] < MIN_PART + 1 or not any(t.pos_ in VERB_POS or t.pos_ in ("NOUN", "PROPN")
                                                     for t in doc[first[0]:first[1]]):
        return None
    if any(t.is_quote for t in doc[first[0]:stop]):
        return None  # quotations attach to their cue in attach.py
    if second is None or second[1] - second[0] < MIN_PART:
        return first, ()
    n1, n2 = _chars(doc, first), _chars(doc, second)
    if max(n1, n2) / (n1 + n2) >= MAJORITY:
        return (first if n1 >= n2 else second), ()
    return (first[0], second[1]), (first, second)


def fronted(part) -> bool:
    """A part that opens with a subordinator or a preposition ("But when the time came,", "After the
    vote,"): an adjunct of the verb after it, not what that verb reports."""
    words = [t for t in part if t.pos_ != "CCONJ" and not t.is_punct]
    return bool(words) and (words[0].pos_ in ("SCONJ", "ADP") or words[0].dep_ in ("mark", "prep", "advmod"))


def _tag_end(verb: Token, sent) -> int | None:
    """The token after the tag: the comma that closes it, or the sentence's final punctuation."""
    doc = verb.doc
    for k in range(verb.i + 1, min(sent.end, verb.i + MAX_TAG_TAIL + 2)):
        tok = doc[k]
        if tok.text == ",":
            return k
        if tok.is_punct and tok.text in ".!?" and all(t.is_punct or t.is_space for t in doc[k:sent.end]):
            return k
        if tok.pos_ in VERB_POS and tok.head.i == verb.i and tok.dep_ in CLAUSE_DEPS:
            return None  # the cue has a clause of its own after it: no tag
        if tok.head.i == verb.i and tok.dep_ in OBJECTS and not (verb.lemma_.lower() == "tell" and tok.dep_ != "attr"):
            return None  # "the minister said nothing": what was said is its object; "she told me," is a tag
        if tok.is_quote:
            return None
    return None


def _chars(doc, rng: TokRange) -> int:
    return doc[rng[1] - 1].idx + len(doc[rng[1] - 1]) - doc[rng[0]].idx
