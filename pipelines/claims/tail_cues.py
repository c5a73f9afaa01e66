"""The long tail of statement cues for news_claims: a noun ("his promises to stick it to the rich",
"warnings from his attorney that ...", "voters had misgivings about Y"), "be" + an adjective ("they
were willing to go forward", "it was unclear whether ..."), a verb outside the cue lexicon whose
content is its object, its infinitive or a preposition's object ("voted for the bill", "spoke
about trade"), and a verb of the cue lexicon whose content is its object or a preposition's object
("unveiled a proposal", "backed Clinton"; objects.py).

The rules find every candidate with its source and content; a small linear classifier decides which
candidates are cues (`tail_model` in pipelines/data/en/tail_cues.json: a weight per feature of the
candidate, trained by scripts/build_cues.py on PolNeAR train, where a candidate is a cue when its
claim matches a gold attribution). A verb can be a candidate once per frame ("offered X advice
about taxes": the object, "about"); its best-scored candidate above the threshold is its claim.
Features: the kind, frame and lemma, the cue's dependency and tag, how many frames the cue has, the
source's form, the content's length and head, and whether another structure's claim holds the cue
or shares its sentence. A frame is "that" (a that- or whether-clause), "to" (an infinitive), "obj"
(a verb's direct object) or a preposition ("of", "about", ...).

Dense features (optional, `build_cues.py --tail-dense`; the committed model has none, as they did not
pay: see the README): the base model's tok2vec output (`doc.tensor`) at the cue, the content's head,
the source's head and the cue's syntactic head, one weight per dimension (`tail_model["dense"]`, with
the base model and the width it was trained with), so that a lemma unseen in train scores by the words
it resembles in use. They are read only when the document's tensor has that width; with another base
model (en_core_web_trf's `doc.tensor` is empty or of another width) the classifier falls back to its
sparse-only weights (`tail_model["sparse"]`, fitted alone on the same candidates). A base model of the
same width but other vectors (en_core_web_md's is 96 too) is not told apart: build with the model you run.

This is a stage after the structures (it needs their drafts) and makes statements only: a wrong
accusation costs more than a missing one, and every other structure's claim comes first.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from itertools import accumulate
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from .content import complement_end
from .draft import Cue, Draft, Range, make_draft, range_cue, token_cue
from .lexicon import Lexicon
from .objects import object_claims_of, told_by_object
from .sources import claim_noun_parties, party, source_of
from .spans import having
from .syntax import EXPL, OBJ, PREP_OBJ, child, phrase, subject_of

KINDS = ("noun", "adjective", "verb", "object")
CLAUSE_MARKS = {"that", "whether", "if"}
CONTENT_PREPS = {"of", "about", "on", "over", "against", "for", "into", "with", "to", "in", "at", "toward", "towards"}
NOUN_TAGS = {"NN", "NNS"}
HOST_DEPS = OBJ | {"attr"}  # a noun whose verb's subject holds it: "expressed misgivings", "is a supporter of"
# the tokens whose tok2vec rows are the dense features, in this order (a missing source is zeros)
DENSE_PARTS = ("cue", "content", "source", "head")
# every candidate, every frame of a verb (to train the model)
ACCEPT_ALL = {"threshold": -math.inf, "bias": 0.0, "weights": {}, "every_frame": True}


@dataclass(frozen=True)
class Candidate:
    """A tail cue as the rules find it, before the classifier decides: its kind, lemma and frame,
    its cue, content (tokens [start, end)) and source (characters); the draft is made only for the
    candidates taken."""

    kind: str
    lemma: str
    frame: str
    cue: Cue
    content: tuple[int, int]
    source: Range | None

    def draft(self, doc: Doc, lex: Lexicon) -> Draft | None:
        # the classifier reads the frame as found; an object that says something has that as content
        verb = doc[self.cue.token]
        content = told_by_object(doc, verb, self.frame, self.content, lex) if self.kind == "object" else self.content
        if content[0] > verb.i:  # and over the noun's infinitive or participle the parse hung on the verb
            content = content[0], complement_end(verb, content[1])
        return make_draft(doc, "statement", self.cue, content, self.source, None, lex)


def add_tail_cues(doc: Doc, drafts: tuple[Draft, ...], lex: Lexicon) -> tuple[Draft, ...]:
    """The structures' drafts and, after them, the tail candidates the model takes as cues."""
    model = lex.tail_model
    if not model:
        return drafts
    if model.get("every_frame"):
        return drafts + tuple(d for c, _ in scored_candidates(doc, drafts, lex) if (d := c.draft(doc, lex)) is not None)
    weights, bias, dense = weights_for(doc, model)
    threshold = model["threshold"]
    best: dict[int, tuple[float, Candidate]] = {}
    for cand, feats in scored_candidates(doc, drafts, lex):
        score = bias + sum(weights.get(f, 0.0) for f in feats)
        if dense is not None:
            score += float(dense @ dense_vector(doc, cand))
        if score >= threshold and (cand.cue.token not in best or score > best[cand.cue.token][0]):
            best[cand.cue.token] = score, cand  # a verb's best frame
    taken = (c.draft(doc, lex) for _, c in sorted(best.values(), key=lambda x: x[1].cue.token))
    return drafts + tuple(d for d in taken if d is not None)


def weights_for(doc: Doc, model: dict) -> tuple[dict[str, float], float, np.ndarray | None]:
    """The sparse weights, bias and dense weights to score the document's candidates with: the joint
    model when the document's tensor has the width it was trained with, else its sparse-only one."""
    dense = model.get("dense")
    if dense is None:
        return model["weights"], model["bias"], None
    if has_tensor(doc, dense["width"]):
        return model["weights"], model["bias"], np.asarray(dense["weights"], dtype="float32")
    sparse = model["sparse"]
    return sparse["weights"], sparse["bias"], None


def has_tensor(doc: Doc, width: int) -> bool:
    """The document carries the base model's tok2vec output, one row of `width` per token."""
    t = doc.tensor
    return getattr(t, "ndim", 0) == 2 and t.shape == (len(doc), width)


def dense_vector(doc: Doc, cand: Candidate) -> np.ndarray:
    """The tensor rows of the candidate's DENSE_PARTS, concatenated (check has_tensor first)."""
    tok = doc[cand.cue.token]
    content = doc[cand.content[0]:cand.content[1]]
    src = doc.char_span(*cand.source, alignment_mode="expand") if cand.source is not None else None
    rows = [doc.tensor[tok.i], doc.tensor[content.root.i if len(content) else tok.i],
            doc.tensor[src.root.i] if src is not None and len(src) else np.zeros(doc.tensor.shape[1], dtype="float32"),
            doc.tensor[tok.head.i]]
    return np.concatenate(rows).astype("float32")


def scored_candidates(doc: Doc, drafts: tuple[Draft, ...], lex: Lexicon) -> Iterator[tuple[Candidate, list[str]]]:
    """Every tail candidate whose cue no draft has, with its features."""
    cues = {d.cue.token for d in drafts}
    contents = Ranges(d.content for d in drafts)
    starts = [s.start for s in doc.sents]
    sentences = {starts[bisect_right(starts, i) - 1] for i in cues}
    found = list(tail_candidates(doc, lex, cues))
    frames = Counter(cand.cue.token for cand in found)
    for cand in found:
        yield cand, features(doc, cand, contents, sentences, starts[bisect_right(starts, cand.cue.token) - 1],
                             frames[cand.cue.token])


def tail_candidates(doc: Doc, lex: Lexicon, cues: Collection[int] = ()) -> Iterator[Candidate]:
    """Every noun, "be" + adjective and object-verb cue with a frame, and every frame of a lexicon
    verb whose content can be its object; none on the tokens of `cues` (a candidate's cue is its
    token: the drafts' cues are not asked again)."""
    for tok in having(doc, pos=("NOUN", "ADJ", "VERB")):
        if tok.i in cues:
            continue
        found = None
        if tok.tag_ in NOUN_TAGS and tok.pos_ == "NOUN":
            found = noun_cue(doc, tok, lex)
        elif tok.pos_ == "ADJ":
            found = adjective_cue(doc, tok, lex)
        elif tok.pos_ == "VERB" and lex.kind(tok) is None:
            found = verb_cue(doc, tok, lex)
        elif tok.pos_ == "VERB":
            for frame, cue, rng, source in object_claims_of(doc, tok, lex):
                yield Candidate("object", tok.lemma_.lower(), frame, cue, rng, source)
        if found is not None:
            yield found


def size(n: int) -> str:
    return "1" if n <= 1 else "2" if n <= 3 else "4" if n <= 7 else "8" if n <= 15 else "16"


class Ranges:
    """Character ranges, asked which hold a position: sorted by start, with the furthest end so far
    (a position is inside one when some range that starts at or before it ends after it)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        ranges = sorted(ranges)
        self.starts = [s for s, _ in ranges]
        self.reach = list(accumulate((e for _, e in ranges), max))

    def hold(self, at: int) -> bool:
        k = bisect_right(self.starts, at)
        return k > 0 and self.reach[k - 1] > at


def features(doc: Doc, cand: Candidate, contents: Ranges, sentences: set[int], sent_start: int,
             frames: int = 1) -> list[str]:
    """The classifier's features of a candidate (strings; their weights are in the model): `contents`
    are the other drafts' content ranges, `sentences` the starts of the sentences they have cues in,
    `sent_start` the first token of the candidate's sentence, `frames` how many candidates its cue
    has (a verb with several complements reports through one of them less often)."""
    k = cand.kind
    tok = doc[cand.cue.token]
    feats = [f"k={k}", f"kf={k}|{cand.frame}", f"l={k}|{cand.lemma}", f"lf={k}|{cand.lemma}|{cand.frame}",
             f"dep={k}|{tok.dep_}", f"tag={tok.tag_}", f"frames={k}|{min(frames, 3)}"]
    if cand.source is None:
        feats.append("src=none")
    else:
        src = doc.char_span(*cand.source, alignment_mode="expand")
        if src is not None and len(src):
            root = src.root
            feats += [f"src={root.pos_}", f"srcent={root.ent_type_ or '-'}"]
            if root.pos_ == "PRON":
                feats.append(f"srcp={root.lower_}")
    content = doc[cand.content[0]:cand.content[1]]
    if len(content):
        feats += [f"clen={size(len(content))}", f"chead={content.root.pos_}", f"cent={content.root.ent_type_ or '-'}"]
    feats.append(f"nested={contents.hold(tok.idx)}")
    feats.append(f"sentclaim={sent_start in sentences}")
    feats.append(f"neg={any(c.dep_ == 'neg' for c in (*tok.children, *tok.head.children))}")
    feats.append(f"first={tok.i - sent_start < 3}")
    return feats


def frame_of(tok: Token, preps: set[str], *, obj: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The first complement after `tok` that can be a content: (frame, token range)."""
    for c in tok.children:
        if c.i <= tok.i:
            continue
        if c.dep_ in ("acl", "ccomp", "advcl", "xcomp", "appos") and c.pos_ in ("VERB", "AUX"):
            marks = [g for g in c.children if g.dep_ == "mark" and g.lower_ in CLAUSE_MARKS]
            if marks and marks[0].i == c.left_edge.i:
                return "that", (c.left_edge.i, c.right_edge.i + 1)
            to = [g for g in c.children if g.dep_ == "aux" and g.tag_ == "TO"]
            if to and to[0].i == c.left_edge.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                return "to", (c.left_edge.i, c.right_edge.i + 1)
        if obj and c.dep_ in OBJ:
            if c.right_edge.i - c.left_edge.i >= 1 or c.pos_ in ("PROPN", "NOUN"):
                return "obj", (c.left_edge.i, c.right_edge.i + 1)
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = child(c, PREP_OBJ)
            if pobj is not None and pobj.pos_ != "PRON":
                return c.lower_, (pobj.left_edge.i, pobj.right_edge.i + 1)
    return None


def noun_cue(doc: Doc, noun: Token, lex: Lexicon) -> Candidate | None:
    """"his promises to ...", "warnings from X that ...", "X expressed misgivings about Y": the
    owner (possessive, a name before it, "by"/"from" X) or the subject of the verb that has the
    noun as its object or predicate is the source; none when there is neither."""
    lemma = noun.lemma_.lower()
    if lemma in lex.censure_nouns or lemma in lex.channel_nouns:
        return None  # censure_claims and channel_claims make those
    found = frame_of(noun, CONTENT_PREPS)
    if found is None or found[0] == "that" and lemma in lex.claim_nouns:
        return None  # "Microsoft's claim that ...": nominal_claims
    frame, rng = found
    owner = claim_noun_parties(noun)
    source = party(doc, *phrase(owner)) if owner is not None else None
    if source is None:
        by = next((child(c, PREP_OBJ) for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        if by is not None and by.i < rng[0]:
            source = party(doc, *phrase(by))
        elif noun.dep_ in HOST_DEPS and noun.head.pos_ in ("VERB", "AUX"):
            voice, subj = subject_of(noun.head)
            if voice == "active" and subj is not None and subj.dep_ not in EXPL:
                source = source_of(noun.head)
    return Candidate("noun", lemma, frame, token_cue(doc, noun), rng, source)


def adjective_cue(doc: Doc, adj: Token, lex: Lexicon) -> Candidate | None:
    """"X is ready to move on", "it is unclear whether ...": an adjective after "be" with the
    complement it takes; the subject of "be" holds it ("it" and "there" hold nothing)."""
    lemma = adj.lemma_.lower()
    if adj.dep_ != "acomp" or adj.head.lemma_ != "be" or adj.lower_ in lex.stance_adjectives:
        return None  # the stance adjectives are stance_claims'
    be = adj.head
    found = frame_of(adj, CONTENT_PREPS) or frame_of(be, set(), obj=False)
    if found is None or found[1][0] < adj.i:
        return None
    frame, rng = found
    voice, subj = subject_of(be)
    source = None
    if voice == "active" and subj is not None and subj.dep_ not in EXPL and subj.lower_ not in ("it", "there", "this"):
        source = source_of(be)
    return Candidate("adjective", lemma, frame, range_cue(doc, min(be.i, adj.i), adj.i + 1, adj), rng, source)


def verb_cue(doc: Doc, verb: Token, lex: Lexicon) -> Candidate | None:
    """"X voted for the bill", "X spoke about trade": a verb outside the cue lexicon whose content is
    its object, infinitive or a preposition's object (a lexicon verb's are objects.py's); its
    subject is the source."""
    lemma = verb.lemma_.lower()
    if lemma == "be" or verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        return None
    found = frame_of(verb, CONTENT_PREPS, obj=True)
    if found is None:
        return None
    voice, subj = subject_of(verb)
    if voice != "active" or subj is None:
        return None
    frame, rng = found
    return Candidate("verb", lemma, frame, token_cue(doc, verb), rng, source_of(verb))
