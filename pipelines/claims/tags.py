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

from .spans import chars
from .syntax import FINITE, REL_PRON, SUBJ, TIME_ENTS, VERB_POS

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
    # the subject next to the verb: the parse may give the verb a second one from the clause it reports
    # ("... for people with bogus ideas to organize, she said": "people" and "she")
    subj = next((c for c in reversed(list(verb.lefts)) if c.dep_ in SUBJ), None)
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
    if _speech_quoted(doc, first[0], stop):
        return None  # quotations attach to their cue in attach.py
    if any(t.lemma_.lower() in TAG_VERBS and t.tag_ in FINITE and any(c.dep_ in SUBJ for c in t.children)
           for t in doc[first[0]:first[1]]):
        return None  # "X said that ... — no different, he said, from ...": the first part has a tag of its own
    return two_parts(doc, first, second)


SCARE_QUOTE = 8  # tokens of a quoted phrase with no verb that attach.py leaves as a scare quote ("a “good” job")


def _speech_quoted(doc, start: int, stop: int) -> bool:
    """Quotation marks in tokens start..stop around words that may be speech: a quoted phrase with a
    verb or of SCARE_QUOTE tokens or more, or a mark left unpaired, not a scare quote ("a “good” job")."""
    marks = [t.i for t in doc[start:stop] if t.is_quote]
    if len(marks) % 2:
        return True
    return any(b - a - 1 >= SCARE_QUOTE or any(t.pos_ in VERB_POS for t in doc[a + 1:b])
               for a, b in zip(marks[::2], marks[1::2]))


def two_parts(doc, first: TokRange, second: TokRange | None) -> tuple[TokRange, tuple[TokRange, ...]]:
    """What was said around a tag: the first part alone when there is no second, else the longer part
    when it holds a clear majority of the words, else both with the tag between, as fragments."""
    if second is None or second[1] - second[0] < MIN_PART:
        return first, ()
    n1, n2 = chars(doc, *first), chars(doc, *second)
    if max(n1, n2) / (n1 + n2) >= MAJORITY:
        return (first if n1 >= n2 else second), ()
    return (first[0], second[1]), (first, second)


# what an "as" tag's verb may have besides its subject: "as X pointed out in May", "as we saw in
# 2009", "as X put it"; an object, a clause or an infinitive makes "as" a "while" or "because"
# ("as she tries to draw a contrast", "as China supports the government")
AS_TAG_DEPS = {"nsubj", "mark", "aux", "neg", "advmod", "prt", "npadvmod", "punct"}
AS_TAG_OBJECTS = {"it", "so"}  # "as X put it", "as X said so"
# the prepositions of when a tag was said ("as X noted in May", "as we saw in 2009", and "on" a date,
# `dated`); others ("hints at")
# say what the verb is about, and "as" is then a "while" ("as he lined up with ...", "as she
# doubled down on her claim", "as the nation decides on ...")
AS_TAG_PREPS = {"in", "during", "before", "after", "since", "last", "earlier"}


def dated(prep: Token) -> bool:
    """"on Tuesday", "on Sept. 12": an "on" of when, not of what ("hopped on her board")."""
    return prep.lower_ == "on" and any(t.ent_type_ in TIME_ENTS for t in prep.subtree if t.i > prep.i)


def as_tag(verb: Token) -> Token | None:
    """The "as" of a tag "as X noted" that stands beside what was said ("As X pointed out, Y",
    "Y, as X noted", "A, as X put it, B"), or None."""
    if verb.tag_ not in FINITE | {"VBN"} or verb.dep_ != "advcl" or verb.head.pos_ not in VERB_POS:
        return None
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in REL_PRON:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or mark.i != verb.left_edge.i:
        return None
    for c in verb.children:
        if c.i in (mark.i, subj.i):
            continue
        if c.dep_ in OBJECTS and c.lower_ in AS_TAG_OBJECTS and c.i > verb.i:
            continue
        if c.dep_ == "prep" and (c.lower_ in AS_TAG_PREPS or dated(c)):
            continue
        if c.dep_ not in AS_TAG_DEPS:
            return None
    if verb.i > verb.head.i and (mark.i == 0 or verb.doc[mark.i - 1].text not in (",", "(", "\u2014", "--")):
        return None  # "Y as they celebrated": an "as" after its clause, with no comma, says when
    return mark


def as_tag_content(verb: Token) -> tuple[TokRange, tuple[TokRange, ...]] | None:
    """(content, fragments) of a cue in an "as" tag: the clause the tag hangs on, without it ("As
    experts have pointed out, the mayor is free to ..." -> the mayor is free to ...); None when the
    tag is not one or what is left holds no verb. The tag ends at the verb's last word. A quotation in
    what was said is part of it ("As X put it, the plan is “a disaster.”"): attach.py leaves a
    quotation that another cue's content holds."""
    mark = as_tag(verb)
    if mark is None:
        return None
    doc, clause = verb.doc, verb.head
    start, end = mark.i, verb.right_edge.i + 1
    stop = last = clause.right_edge.i + 1
    while stop > end and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    closing = next((i for i in range(last - 1, stop - 1, -1) if doc[i].is_quote), None)
    if closing is not None and any(t.is_quote for t in doc[end:stop]):
        stop = closing + 1  # "the plan is “a disaster.”": the quotation the clause holds, closed
    first_end, begin = start, clause.left_edge.i
    while first_end > begin and doc[first_end - 1].is_punct:
        first_end -= 1
    first = (begin, first_end) if first_end - begin >= MIN_PART else None
    after = end + 1 if end < len(doc) and doc[end].is_punct and doc[end].text in (",", "\u2014", "--") else end
    second = (after, stop) if stop - after >= MIN_PART else None
    parts = [p for p in (first, second) if p is not None]
    if not parts or not any(t.pos_ in VERB_POS for p in parts for t in doc[p[0]:p[1]]):
        return None
    return two_parts(doc, parts[0], parts[1] if len(parts) == 2 else None)


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

