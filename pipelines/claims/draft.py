"""The claim draft: what a structure finds, frozen, in character ranges, before it becomes a record.

A structure (structures.py, more_structures.py) makes drafts with `make_draft`; the quotation
stage (attach.py) returns new drafts instead of editing old ones; `to_record` makes the spans'
text and the parties' actors once, at the end, as the dicts `Doc._.claims` holds.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .content import complete_conjunct, cut_trailing_aside
from .lexicon import Lexicon
from .qualifiers import qualifiers
from .sources import bare_pronoun, party_actor
from .spans import one_line, text_of, tok_span
from .syntax import SAY_TELL

Range = tuple[int, int]  # character offsets [start, end) into the Doc's text

TYPES = ("statement", "accusation", "attribution", "denial")
TYPE_ORDER = {t: k for k, t in enumerate(TYPES)}


@dataclass(frozen=True)
class Cue:
    """The words that make the claim (`start`, `end` characters) and the token it hangs on
    (`token`): the claim's sentence and qualifiers come from it, and drafts group by it."""

    token: int
    start: int
    end: int


@dataclass(frozen=True)
class Draft:
    type: str
    cue: Cue
    content: Range
    source: Range | None
    target: Range | None
    sentence: Range
    quote: bool = False
    hedges: tuple[str, ...] = ()
    confidence: str | None = None
    negated: bool = False
    fragments: tuple[Range, ...] = ()  # a split or continued quotation's parts, in order; () = not split
    origin: str = "rules"  # "model": proposed by the trained attribution tagger (tagged.py)
    co_sources: tuple[Range, ...] = ()  # more parties of the same cue, not one phrase ("from X and from Y")

    @property
    def key(self) -> tuple[int, int, int]:
        """Drafts with the same cue start and content span are one claim (overlaps.py)."""
        return self.cue.start, self.content[0], self.content[1]


def token_cue(doc: Doc, tok: Token) -> Cue:
    """The cue of one token ("said"), or of "according to"."""
    end = tok.i + 2 if tok.lower_ == "according" else tok.i + 1
    rng = tok_span(doc, tok.i, end)
    return Cue(tok.i, *rng) if rng else Cue(tok.i, tok.idx, tok.idx)


def range_cue(doc: Doc, start: int, end: int, anchor: Token) -> Cue:
    """The cue of tokens [start, end) ("In a statement", "was critical"), hung on `anchor`."""
    rng = tok_span(doc, start, end) or (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return Cue(anchor.i, *rng)


def make_draft(doc: Doc, ctype: str, cue: Cue, content: tuple[int, int], source: Range | None,
               target: Range | None, lex: Lexicon, *, quote: bool = False, chars: bool = False) -> Draft | None:
    """A draft of `cue` with `content` in tokens [start, end) (cut before a trailing aside and to
    the cue's line), or with `chars=True` a character range kept as it is (a quotation's words).
    None when the content is empty."""
    anchor = doc[cue.token]
    if invitation(anchor):
        return None
    if chars:
        cspan = content
        crange = doc.char_span(content[0], content[1], alignment_mode="expand")
        crange = (crange.start, crange.end) if crange is not None else None
    else:
        accused = ctype == "accusation" and content[0] > anchor.i and anchor.lemma_.lower() not in SAY_TELL
        crange = content[0], cut_trailing_aside(doc, content[0], complete_conjunct(doc, *content, lex), lex,
                                                accusation=accused)
        cspan = one_line(doc, tok_span(doc, *crange), anchor.idx)
    if cspan is None or crange is None or crange[0] >= crange[1]:
        return None
    hedges, confidence, negated = qualifiers(doc, anchor, crange, lex)
    sent = anchor.sent
    return Draft(ctype, cue, cspan, source, target, tok_span(doc, sent.start, sent.end) or (sent.start_char, sent.end_char),
                 quote, tuple(hedges), confidence, negated)


INVITING = {"'s", "’s", "us"}  # "let's", "let us"


def invitation(cue: Token) -> bool:
    """"Let's say you think ...", "let us focus on ...": the writer's invitation to suppose or look,
    and everything under it, is no report of anyone's words."""
    for verb in (cue, *cue.ancestors):
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() == "let" and any(
                c.dep_ == "nsubj" and c.lower_ in INVITING for c in verb.children):
            return True
    return False


def _span(text: str, rng: Range) -> dict:
    return {"start": rng[0], "end": rng[1], "text": text[rng[0]:rng[1]]}


def _party(doc: Doc, text: str, rng: Range | None, people: frozenset[str]) -> dict | None:
    return None if rng is None else {"actor": party_actor(doc, rng, people), **_span(text, rng)}


def _target(doc: Doc, text: str, rng: Range | None, people: frozenset[str]) -> dict | None:
    """The target party, or None for a lone pronoun with no actor ("accused them of"): no one to draw an arrow to."""
    found = _party(doc, text, rng, people)
    return None if found and found["actor"] is None and bare_pronoun(doc, rng) else found


NO_PARTY = {"actor": None, "start": None, "end": None, "text": None}


def to_record(doc: Doc, d: Draft, people: frozenset[str] = frozenset()) -> dict:
    """The dict `Doc._.claims` holds (see pipelines.extensions): text and actors made here, once
    (`people`: the lexicon's person nouns, see `sources.party_actor`)."""
    text = text_of(doc)
    content = _span(text, d.content)
    if len(d.fragments) > 1:  # all parts of a split or continued quote, for readers of Doc._.claims
        content["fragments"] = [_span(text, f) for f in d.fragments]
    return {"type": d.type, "source": _party(doc, text, d.source, people) or dict(NO_PARTY),
            "cue": _span(text, (d.cue.start, d.cue.end)), "content": content,
            "target": _target(doc, text, d.target, people), "quote": d.quote, "hedges": list(d.hedges),
            "confidence": d.confidence, "negated": d.negated, "sentence": _span(text, d.sentence), "origin": d.origin}
