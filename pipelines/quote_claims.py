"""Quotation claims for news_claims: a quotation (quotes.py) takes the nearest cue of its sentence, a
dash and a name after it, or continues the previous speaker; a quote split by its cue or continued
over sentences keeps all its fragments."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .cues import Lexicon
from .extensions import actor_at
from .quotes import Quote
from .sources import source_of
from .spans import QUOTE_CHARS, char_span, text_of, tok_span
from .structures import make_claim
from .syntax import VERB_POS

DASH_SOURCE_RE = re.compile(r"[ \t]*([-\u2013\u2014]{1,2})[ \t]*([A-Z][^\n.!?\u201c\"]{1,80}?)[ \t]*(?:[.\n]|$)")
MAX_TAG_TOKENS = 6  # "“A?” asked Sen. John Smith of Ohio.": a cue after a sentence-final quote, at most this far
AUTO_SHARE = 0.53  # "auto": the longest fragment when it holds a clear majority of the quoted words, else all


def quote_claims(doc: Doc, quotes: list[Quote], cue_claims: dict[int, list[dict]], lex: Lexicon,
                 quote_fragments: str) -> Iterator[dict]:
    """Claims for quotations: a quote takes the nearest report cue of its sentence(s) outside any
    quote; a fully quoted sentence or paragraph with no cue inherits the speaker of the quote
    before it ("“A,” she said. “B.”"). Yields the new claims; cue claims it refines in place."""
    if not quotes:
        return
    qchar = [False] * (len(text_of(doc)) + 1)
    for q in quotes:
        for i in range(q.start, q.end):
            qchar[i] = True
    last: dict | None = None
    last_para = -2
    inside = [c for cs in cue_claims.values() for c in cs]
    for q in quotes:
        first = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if first is None or len(first) < 2:
            continue
        if len(first) < 8 and not any(t.pos_ in VERB_POS for t in first) and not _tagged(doc, q, lex):
            continue  # a title or a scare quote, not speech ("“Not even one,” he said." is)
        sents = {first[0].sent.start: first[0].sent, first[-1].sent.start: first[-1].sent}
        after = _first_token_after(doc, q.end)
        own_sents = set(sents)
        if after is not None:
            sents.setdefault(after.sent.start, after.sent)
        cands = []
        for sent in sents.values():
            for tok in sent:
                if qchar[tok.idx] or lex.kind(tok) not in ("report", "accuse", "deny") \
                        or tok.lemma_.lower() in lex.ccomp_only or tok.lemma_.lower() in lex.as_cues:
                    continue
                if sent.start not in own_sents and (tok.i in cue_claims or tok.i - after.i > MAX_TAG_TOKENS):
                    continue  # "“A!” she said.": a quote that ends its sentence takes only a bare cue right after it
                if tok.idx > q.end and text_of(doc)[q.end: tok.idx].count("\n"):
                    continue
                dist = tok.idx - q.end if tok.idx >= q.end else q.start - tok.idx
                cands.append((dist, tok.i, tok))
        inner = {"start": q.inner_start, "end": q.inner_end, "text": text_of(doc)[q.inner_start:q.inner_end]}
        holder = next((c for c in inside if c["content"]["start"] < q.inner_start - 1
                       and q.start - 12 <= c["content"]["end"] and c["sentence"]["start"] <= q.start
                       and q.inner_end <= c["sentence"]["end"]), None)
        if holder is not None:
            if holder["content"]["end"] < q.inner_end:
                holder["content"] = {"start": holder["content"]["start"], "end": q.inner_end, "text": None}
            last, last_para = holder, q.para
            # a partial quote inside a paraphrase ("was “concerned that ...”"): part of that claim
            continue
        if cands:
            _, _, cue = min(cands)
            own = cue_claims.get(cue.i, [])
            # the cue's grammatical content lies inside the quote: the quote is the content
            hit = next((c for c in own if c["content"]["start"] >= q.start - 1 and c["content"]["end"] <= q.end + 1
                        or (q.inner_start >= c["content"]["start"] and q.inner_end <= c["content"]["end"])), None)
            if hit is not None:
                if hit["content"]["start"] >= q.start - 1 and hit["content"]["end"] <= q.end + 1:
                    hit["content"] = inner
                    hit["quote"] = True
                    first_part = next((c for c in own if c is not hit and _near(c, q)), None)
                    if first_part is not None:
                        # "“A,” he said, “B.”" with B parsed as the cue's clause: one split quote
                        own.remove(hit)
                        _add_fragment(first_part, inner, quote_fragments)
                        last, last_para = first_part, q.para
                        continue
                elif hit["content"]["end"] - hit["content"]["start"] <= q.inner_end - q.inner_start + 3:
                    hit["quote"] = True
                last, last_para = hit, q.para
                continue
            if own and any(_near(c, q) for c in own):
                # "“A,” she said, “B.”": the second fragment of a split quote
                c = own[-1]
                _add_fragment(c, inner, quote_fragments)
                last, last_para = c, q.para
                continue
            c = _cue_quote_claim(doc, cue, inner, cue_claims, lex)
            if c is not None:
                last, last_para = c, q.para
                yield c
            continue
        cue = _colon_cue(doc, q, qchar, cue_claims, lex)
        if cue is not None:
            # "He said:\n\n“A.”": a quotation that opens the paragraph after a cue and a colon
            c = _cue_quote_claim(doc, cue, inner, cue_claims, lex)
            if c is not None:
                last, last_para = c, q.para
                yield c
                continue
        byline = DASH_SOURCE_RE.match(text_of(doc), q.end)
        if byline:
            # "“We will act.” -Commissioner Smith": a dash and a name after the quote
            name = doc.char_span(byline.start(2), byline.end(2), alignment_mode="expand")
            if name is not None and len(name) <= 8 and any(t.pos_ == "PROPN" for t in name):
                s2, e2 = byline.span(2)
                source = {"actor": actor_at(doc, s2, e2), **char_span(doc, s2, e2)}
                c = make_claim(doc, "statement", char_span(doc, *byline.span(1)), inner, source, None, lex,
                               quote=True, cue_tok=name[0])
                if c is not None:
                    c["_fragments"] = [inner]
                    last, last_para = c, q.para
                    yield c
                    continue
        # no cue: a fully quoted sentence or paragraph continues the previous speaker
        starts_sentence = first[0].is_sent_start or (first[0].i > 0 and doc[first[0].i - 1].is_sent_start
                                                      and doc[first[0].i - 1].text in QUOTE_CHARS) \
            or q.start == q.inner_start - 1 and (q.start == 0 or text_of(doc)[q.start - 1] == "\n")
        if last is not None and q.para - last_para <= 1 and starts_sentence and len(first) >= 4:
            if q.para == last_para and quote_fragments != "separate":
                _add_fragment(last, inner, quote_fragments)
            else:
                c = dict(last)
                c["content"], c["quote"], c["_fragments"] = inner, True, [inner]
                sent = first[0].sent
                c["sentence"] = tok_span(doc, sent.start, sent.end)
                c["hedges"] = []
                last, last_para = c, q.para
                yield c
        else:
            last = None if q.para - last_para > 1 else last



def _cue_quote_claim(doc: Doc, cue: Token, inner: dict, cue_claims: dict[int, list[dict]], lex: Lexicon) -> dict | None:
    """A new quotation claim of `cue`'s speaker, registered under the cue so later fragments join it."""
    c = make_claim(doc, "statement", cue, inner, source_of(cue), None, lex, quote=True)
    if c is not None:
        cue_claims.setdefault(cue.i, []).append(c)
        c["_fragments"] = [inner]
    return c


def _colon_cue(doc: Doc, q: Quote, qchar: list[bool], cue_claims: dict[int, list[dict]], lex: Lexicon):
    """The report cue of the line before a quotation that opens its paragraph, when that line ends
    with a colon and the cue has no content of its own ("Reporter Jane Smith says:"), or None."""
    text = text_of(doc)
    k = q.start - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":" or "\n" not in text[k:q.start]:
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    cands = [t for t in colon[0].sent if t.i < colon[0].i and not qchar[t.idx] and lex.kind(t) == "report"
             and t.lemma_.lower() not in lex.ccomp_only and t.lemma_.lower() not in lex.as_cues]
    if not cands or cands[-1].i in cue_claims:
        return None
    return cands[-1]


def _tagged(doc: Doc, q: Quote, lex: Lexicon) -> bool:
    """A quotation that ends with a comma, "?" or "!" and is followed on its line by a report cue
    within MAX_TAG_TOKENS tokens: “Not even one,” he said."""
    text = text_of(doc)
    if text[q.inner_end - 1: q.inner_end] not in (",", "?", "!"):
        return False
    opener = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if opener is None or not len(opener) or not (opener[0].is_sent_start or text[:q.start].rstrip(" \t")[-1:] in ("", "\n", ".")):
        return False  # only a quotation that opens its sentence
    tok = _first_token_after(doc, q.end)
    if tok is None:
        return False
    for t in doc[tok.i: min(len(doc), tok.i + MAX_TAG_TOKENS + 1)]:
        if "\n" in t.text or t.is_quote:
            return False
        if lex.kind(t) == "report":
            rest = text[t.idx: t.idx + 60].split("\n")[0].split(".")[0]
            return not any(m in rest for m in ('"', "\u201c", "''"))  # a split quote: "“A,” he said, “B.”"
    return False


def _first_token_after(doc: Doc, pos: int):
    """The first token at or after character `pos` on the same line, or None."""
    text = text_of(doc)
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos >= len(text) or text[pos] == "\n":
        return None
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _near(claim: dict, q: Quote) -> bool:
    frags = claim.get("_fragments") or [claim["content"]]
    return claim.get("quote") and 0 <= q.start - frags[-1]["end"] <= 60


def _add_fragment(claim: dict, frag: dict, mode: str) -> None:
    frags = claim.setdefault("_fragments", [claim["content"]])
    frags.append(frag)
    longest = max(frags, key=lambda f: f["end"] - f["start"])
    share = (longest["end"] - longest["start"]) / sum(f["end"] - f["start"] for f in frags)
    if mode in ("span", "separate") or (mode == "auto" and share < AUTO_SHARE):
        s, e = frags[0]["start"], frag["end"]
        claim["content"] = {"start": s, "end": e, "text": None}
    else:
        claim["content"] = longest
