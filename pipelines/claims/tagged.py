"""Claims from the trained attribution tagger (pipelines/tagger.py) where the rules found none.

The tagger marks CUE, CONTENT and SOURCE spans (`Doc.spans["attributions"]`). A predicted cue
makes a claim only when no rule claim has a cue on its words or holds it in its content, its
nearest predicted content is beside it (within MAX_GAP tokens, in its sentence or the next one)
and no rule claim's content overlaps that content: the rules keep quotes, "according to",
say/tell and every structure they know, the model adds the long tail they do not reach ("voiced
doubts that", "is adamant that", "made the case that", verbs outside the lexicon). The cue hangs
on the span's head token; the content is cut as every other claim's (`make_draft`); the speaker is
the predicted SOURCE beside the cue, else the rules' speaker of the cue (`sources.source_of`).

Model claims are plain statements (no accusation, attribution or denial, so no arrow: a wrong
arrow costs more than a missing one) and carry `origin = "model"`; they come after the retyping
stages, so nothing retypes them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..extensions import SPANS_KEY
from .draft import Draft, make_draft, range_cue
from .lexicon import Lexicon
from .sources import party, source_of

MAX_GAP = 8  # tokens between a cue and its content (the speaker may stand between: "that, X said, ...")
SOURCE_GAP = 6  # tokens between a predicted source and its cue
MIN_SCORE = 0.0  # the tagger's span probability a cue and its content need (1.0 with a greedy decoder)
ORIGIN = "model"


def tagged_claims(doc: Doc, drafts: tuple[Draft, ...], lex: Lexicon, min_score: float = MIN_SCORE) -> tuple[Draft, ...]:
    """A statement of each tagged cue with a content that none of the rules' `drafts` has."""
    group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else None
    if not group:
        return ()
    scores = list(group.attrs.get("scores") or [1.0] * len(group))
    by_label: dict[str, list[tuple[Span, float]]] = {"CUE": [], "CONTENT": [], "SOURCE": []}
    for span, score in zip(group, scores):
        by_label.setdefault(span.label_, []).append((span, score))
    cue_chars = [(d.cue.start, d.cue.end) for d in drafts]
    contents = [d.content for d in drafts]
    sent_starts = [s.start for s in doc.sents]
    added = []
    for cue, score in by_label["CUE"]:
        if score < min_score or _overlaps((cue.start_char, cue.end_char), cue_chars + contents):
            continue
        content = _nearest(cue, by_label["CONTENT"], sent_starts, MAX_GAP, min_score)
        if content is None or _overlaps((content.start_char, content.end_char), contents + cue_chars):
            continue
        head = cue.root
        src = _nearest(cue, by_label["SOURCE"], sent_starts, SOURCE_GAP, min_score, same_sentence=True)
        source = party(doc, src.start, src.end, head.idx) if src is not None else source_of(head)
        draft = make_draft(doc, "statement", range_cue(doc, cue.start, cue.end, head), (content.start, content.end),
                           source, None, lex)
        if draft is None:
            continue
        draft = replace(draft, origin=ORIGIN)
        added.append(draft)
        contents.append(draft.content)
        cue_chars.append((draft.cue.start, draft.cue.end))
    return tuple(added)


def _overlaps(rng: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(s < rng[1] and rng[0] < e for s, e in others)


def _nearest(cue: Span, spans: list[tuple[Span, float]], sent_starts: list[int], gap: int, min_score: float,
             *, same_sentence: bool = False) -> Span | None:
    """The span closest to the cue (tokens between them), within `gap`, in the cue's sentence or,
    unless `same_sentence`, the one after it."""
    sent = bisect_right(sent_starts, cue.start) - 1
    best, best_gap = None, gap + 1
    for span, score in spans:
        if score < min_score:
            continue
        between = span.start - cue.end if span.start >= cue.end else cue.start - span.end
        if between < 0:
            continue
        first, last = (bisect_right(sent_starts, i) - 1 for i in (span.start, span.end - 1))
        if not (first <= sent <= last or not same_sentence and first == sent + 1):
            continue
        if between < best_gap:
            best, best_gap = span, between
    return best

