"""A report made by an active verb with no speaker found is dropped: "after having slammed an
effort ...", "calling McConnell a liar", "Sen. X (a Democrat so boyish he ...) says he was ..." where
the parse lost the subject. An active verb always has someone doing it; when the rules cannot say
who, the claim names no one a reader can use, and on PolNeAR train such claims are right 39 times in
292 (dev 1 in 31), far under the break-even. Kept: passives and participles ("it is said that",
"was said to be"), raising verbs ("X seems to agree": the writer's judgement), "according to",
questions asked of the speaker ("Asked whether X, ..."), and an impersonal infinitive ("it is hard to
imagine ...", "it is worth noting ..."). Also dropped: an accusation with no speaker that did not
happen ("who has not been charged with any crime", `unmade`), and a statement with no speaker that
says next to nothing ("seemed to reverberate", "is expected to be Latino", `slight`)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .draft import Draft
from .lexicon import Lexicon
from .spans import text_of
from .syntax import EXPL, PASS_SUBJ, addressed_participle, has_child, questioned_participle

ACTIVE_TAGS = {"VB", "VBG", "VBD", "VBZ", "VBP"}
# at most this many words of content make a statement with no speaker too slight to keep (PolNeAR
# train, "asked" included: of such statements 42 in 156 right, dev 1 in 11; 3 words 30 in 113, 5
# words 66 in 218: dropping them pays below about a third, half the claim F1)
SLIGHT_WORDS = 4


def impersonal(tok: Token) -> bool:
    """"It is hard to imagine ...", "it's worth pointing out ...": an infinitive or gerund under a
    predicate whose subject is an expletive "it"."""
    for head in (tok.head, tok.head.head):
        if any(c.dep_ in EXPL or (c.dep_ == "nsubj" and c.lower_ == "it") for c in head.children):
            return True
    return False


def unspoken(doc: Doc, d: Draft, lex: Lexicon) -> bool:
    """A rules draft with no source whose cue is an active verb that names no speaker."""
    if d.source is not None or d.origin != "rules":
        return False
    tok = doc[d.cue.token]
    if tok.tag_ not in ACTIVE_TAGS or lex.kind(tok) == "according" or tok.lemma_.lower() in lex.raising:
        return False
    if has_child(tok, PASS_SUBJ | {"auxpass"}):
        return False
    if addressed_participle(tok) or questioned_participle(tok) or impersonal(tok):
        return False
    return True


def unmade(d: Draft) -> bool:
    """An accusation or denial with no speaker that the text says was not made, or not yet (negated
    or unasserted, qualifiers.py): "Clinton, who has not been charged with any crime", "Mr. Trump has
    never been charged with wrongdoing", "said she should face no criminal charges". No one accused
    anyone. With a speaker it stays, negated: "Prosecutors did not charge him" (no arrow is drawn)."""
    return d.source is None and d.type in ("accusation", "denial") and d.negated and d.origin == "rules"


def slight(doc: Doc, d: Draft) -> bool:
    """A statement by no one found of at most SLIGHT_WORDS words ("The blunt language seemed to
    reverberate", "The outline of a strategy seems clear", "We Are Sorry, this video is restricted"):
    no speaker to name and too little said for a reader to use. An accusation or denial stays (its
    target is the news: "has been accused of fraud"), and so does a question put to someone ("Asked
    about the delays, Smith said ...": the question is part of the exchange)."""
    return d.source is None and d.type == "statement" and d.origin == "rules" \
        and len(text_of(doc)[d.content[0]:d.content[1]].split()) <= SLIGHT_WORDS \
        and not questioned_participle(doc[d.cue.token])


def drop_unspoken(doc: Doc, drafts: tuple[Draft, ...], lex: Lexicon) -> tuple[Draft, ...]:
    return tuple(d for d in drafts if not unspoken(doc, d, lex) and not unmade(d) and not slight(doc, d))
