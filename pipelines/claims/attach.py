"""Quotations attached to claims for news_claims: a quotation (quotes.py, found once per document)
takes the nearest cue of its sentence, a dash and a name after it, or continues the previous
speaker; a quote split by its cue or continued over sentences keeps all its fragments.

`attach_quotes` takes the drafts of the structures and returns new drafts: the ones a quotation
changes are replaced by changed copies (drafts are frozen), quotation claims are added. The
quotations are taken in text order, each seeing what the ones before it made, so the work goes
through `_Board`, the one place that holds the drafts while it runs.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .bylines import byline_match, colon_speaker, quote_byline
from .draft import Cue, Draft, Range, make_draft, token_cue
from .lexicon import Lexicon
from .quotes import Quote
from .sources import source_of
from .spans import QUOTE_CHARS, text_of, tok_span
from .syntax import VERB_POS

QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\''  # single characters that open or close a quotation
LEAD_IN_STOPS = set(",:;-\u2014\u2013(")
APOSTROPHE = re.compile("(?<=\\w)['\u2019]")  # "Trump’s", "Roberts’": no quotation mark

MAX_TAG_TOKENS = 6  # "“A?” asked Sen. John Smith of Ohio.": a cue after a sentence-final quote, at most this far
# "auto": the longest fragment when it holds at least half of the quoted characters, each fragment counted with
# its quotation marks as written (“A” 2, ''A'' 4: a reader's span, and PolNeAR's, holds them; a longest part
# under half of that is not the quotation, the scorer's own 0.5 Jaccard), else all; measured on PolNeAR train:
# 0.50 with the marks as written keeps 6 claims and 16 exact contents more than 0.505 with two marks a fragment
AUTO_SHARE = 0.50
MARKS = 2  # quotation marks a fragment is counted with, at most on each side ("''A,''": two characters)
HOLDER_REACH = 12  # characters before a quotation that a paraphrase's content may end and still hold it
NEAR = 60  # characters between a split quote's fragments
LEAD_IN_REACH = 150  # characters between a cue and the quotation its own words lead into
LEAD_IN_DEPS = {"ccomp", "xcomp", "dobj", "dative", "oprd", "attr"}  # a cue's part that a quotation may finish


class _Board:
    """The drafts while quotations are attached, by slot: `cues` lists the slots of each cue token
    (a draft dropped from its cue is no claim), `added` the quotation claims in order made."""

    def __init__(self, drafts: tuple[Draft, ...]):
        self.drafts: list[Draft] = []
        self.cues: dict[int, list[int]] = {}
        self.added: list[int] = []
        for d in drafts:
            self.cues.setdefault(d.cue.token, []).append(len(self.drafts))
            self.drafts.append(d)

    def add(self, d: Draft, *, under_cue: bool) -> int:
        slot = len(self.drafts)
        self.drafts.append(d)
        if under_cue:
            self.cues.setdefault(d.cue.token, []).append(slot)
        self.added.append(slot)
        return slot

    def result(self) -> tuple[Draft, ...]:
        """Each cue's drafts, cue by cue in order of first appearance, then the other quotation claims."""
        slots = [k for ks in self.cues.values() for k in ks]
        kept = set(slots)
        return tuple(self.drafts[k] for k in slots + [k for k in self.added if k not in kept])


def attach_quotes(doc: Doc, drafts: tuple[Draft, ...], quotes: list[Quote], lex: Lexicon,
                  quote_fragments: str) -> tuple[Draft, ...]:
    """The drafts with the quotations attached: a quote takes the nearest report cue of its
    sentence(s) outside any quote; a fully quoted sentence or paragraph with no cue inherits the
    speaker of the quote before it ("“A,” she said. “B.”")."""
    board = _Board(drafts)
    if not quotes:
        return board.result()
    qchar = [False] * (len(text_of(doc)) + 1)
    for q in quotes:
        for i in range(q.start, q.end):
            qchar[i] = True
    inside = [k for ks in board.cues.values() for k in ks]  # the structures' drafts, whose content may hold a quote
    last: int | None = None
    last_para = -2
    for q in quotes:
        found = _attach(doc, q, board, inside, qchar, lex, quote_fragments, last, last_para)
        if found == _KEEP:
            continue
        if found is None:
            last = None if q.para - last_para > 1 else last
        else:
            last, last_para = found, q.para
    return board.result()


_KEEP = -1  # the quotation changed nothing, or made nothing that later quotations continue


def _attach(doc: Doc, q: Quote, board: _Board, inside: list[int], qchar: list[bool], lex: Lexicon,
            mode: str, last: int | None, last_para: int) -> int | None:
    """Attach one quotation; the slot of the draft it now belongs to (the new previous speaker),
    None when it found none, `_KEEP` when the previous speaker stays as it was (no speech, or a cue that made nothing)."""
    first = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
    if first is None or len(first) < 2:
        return _KEEP
    if len(first) < 8 and not any(t.pos_ in VERB_POS for t in first) and not _tagged(doc, q, lex) \
            and not _after_own_tag(doc, q, board, last, last_para):
        return _KEEP  # a title or a scare quote, not speech ("“Not even one,” he said." is)
    inner = (q.inner_start, q.inner_end)
    drafts = board.drafts
    holder = next((k for k in inside if drafts[k].content[0] < q.inner_start - 1
                   and q.start - HOLDER_REACH <= drafts[k].content[1] and drafts[k].sentence[0] <= q.start
                   and (q.inner_end <= drafts[k].sentence[1] or q.start < drafts[k].content[1])
                   and not _cue_between(doc, drafts[k], q.start, lex)), None)
    if holder is not None:
        # a partial quote inside a paraphrase ("was “concerned that ...”"): part of that claim, also
        # when it opens inside the paraphrase and runs on past its sentence ("said that the vote
        # “was early. People were still ...”")
        d = drafts[holder]
        if d.content[1] < q.inner_end:
            drafts[holder] = replace(d, content=(d.content[0], q.inner_end))
        return holder
    cue = _nearest_cue(doc, q, first, board, qchar, lex)
    if cue is not None:
        slot = _cue_quote(doc, q, cue, inner, board, lex, mode)
        return _KEEP if slot is None else slot
    cue = _colon_cue(doc, q, qchar, board.cues, lex)
    if cue is not None:
        # "He said:\n\n“A.”": a quotation that opens the paragraph after a cue and a colon
        slot = _new_quote_claim(doc, cue, inner, board, lex)
        if slot is not None:
            return slot
    byline = byline_match(text_of(doc), q)
    if byline is not None:
        # "“A.” ― Jane Smith": the person speaks it; "“A.” ― Acme Widgets": no one, not even an earlier speaker
        return _byline(doc, q, byline, inner, board, lex)
    slot = _colon_speaker(doc, q, board, lex)
    if slot is not None:
        return slot
    # no cue: a fully quoted sentence or paragraph continues the previous speaker
    text = text_of(doc)
    starts_sentence = first[0].is_sent_start or (first[0].i > 0 and doc[first[0].i - 1].is_sent_start
                                                  and doc[first[0].i - 1].text in QUOTE_CHARS) \
        or q.start == q.inner_start - 1 and (q.start == 0 or text[q.start - 1] == "\n")
    if last is None or q.para - last_para > 1 or not starts_sentence or len(first) < 4:
        return None
    if q.para == last_para and mode != "separate":
        later = _later_cue(doc, drafts[last], q, qchar, lex)
        if later is not None:
            # "“A,” X said. Y agreed. “B.”": a sentence with a cue of its own between them: B is Y's
            slot = _cue_quote(doc, q, later, inner, board, lex, mode)
            return _KEEP if slot is None else slot
        drafts[last] = _with_fragment(drafts[last], inner, mode, text)
        return last
    sent = first[0].sent
    return board.add(replace(drafts[last], content=inner, quote=True, fragments=(inner,),
                             sentence=tok_span(doc, sent.start, sent.end), hedges=()), under_cue=False)


def _later_cue(doc: Doc, d: Draft, q: Quote, qchar: list[bool], lex: Lexicon) -> Token | None:
    """The report cue that heads a sentence of its own, outside any quotation, between the draft's tag
    and the quotation `q` that would continue it ("“A,” X said. Y agreed. “B.”": Y's cue), or None;
    the last such sentence's."""
    start = max(d.cue.end, (d.fragments[-1] if d.fragments else d.content)[1])
    span = doc.char_span(start, q.start, alignment_mode="contract") if q.start > start else None
    if span is None:
        return None
    tag_sent = doc[d.cue.token].sent.start
    found = None
    for tok in span:
        if tok.dep_ == "ROOT" and tok.sent.start != tag_sent and not qchar[tok.idx] \
                and lex.kind(tok) in ("report", "accuse", "deny") and tok.pos_ in VERB_POS:
            found = tok
    return found


def _after_own_tag(doc: Doc, q: Quote, board: _Board, last: int | None, last_para: int) -> bool:
    """A quoted sentence right after the speech tag of the quotation before it, in its paragraph
    ("“It’s over,” she said. “For now.”"): the speaker goes on, however few its words."""
    if last is None or q.para != last_para:
        return False
    d = board.drafts[last]
    text = text_of(doc)
    prev = d.fragments[-1] if d.fragments else d.content
    return d.quote and prev[1] <= d.cue.start and 0 <= q.start - d.cue.end <= NEAR \
        and "\n" not in text[d.cue.end:q.start] and text[:q.start].rstrip()[-1:] in (".", "!", "?") \
        and text[q.inner_end - 1:q.inner_end] in (".", "!", "?")


def _cue_between(doc: Doc, d: Draft, end: int, lex: Lexicon) -> bool:
    """A report cue other than the draft's own between its content and a quotation at `end` ("urged
    her to resign and said, “…”", "said it was early but added, “…”"): the quotation is that cue's,
    not the paraphrase's continued."""
    start = d.content[1]
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return span is not None and any(lex.kind(t) == "report" and t.idx >= start and t.i != d.cue.token for t in span)


def _nearest_cue(doc: Doc, q: Quote, first, board: _Board, qchar: list[bool], lex: Lexicon) -> Token | None:
    """The report, accusation or denial cue nearest to the quotation in its sentence(s) and outside
    any quotation, or None."""
    text = text_of(doc)
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
            if sent.start not in own_sents and (tok.i in board.cues or tok.i - after.i > MAX_TAG_TOKENS):
                continue  # "“A!” she said.": a quote that ends its sentence takes only a bare cue right after it
            if tok.idx > q.end and text[q.end: tok.idx].count("\n"):
                continue
            dist = tok.idx - q.end if tok.idx >= q.end else q.start - tok.idx
            cands.append((dist, tok.i, tok))
    return min(cands)[2] if cands else None


def _cue_quote(doc: Doc, q: Quote, cue: Token, inner: Range, board: _Board, lex: Lexicon, mode: str) -> int | None:
    """Attach a quotation to its cue: the content of the cue's own draft when that lies in the
    quote, the next fragment of the cue's split quote, or a new quotation claim of the cue."""
    drafts = board.drafts
    own = board.cues.get(cue.i, [])
    # the cue's grammatical content lies inside the quote: the quote is the content
    hit = next((k for k in own if drafts[k].content[0] >= q.start - 1 and drafts[k].content[1] <= q.end + 1
                or (q.inner_start >= drafts[k].content[0] and q.inner_end <= drafts[k].content[1])
                or q.start - 1 <= drafts[k].content[0] < q.end and _speaker_glued(drafts[k], q)), None)
    if hit is not None:
        d = drafts[hit]
        if _speaker_glued(d, q):
            # "“A,” Jane Doe, a spokeswoman, said" with the name parsed into the quotation's clause: the
            # content is the quotation, the speaker no part of it
            drafts[hit] = replace(d, content=(min(d.content[0], inner[0]), inner[1]), quote=True)
        elif d.content[0] >= q.start - 1 and d.content[1] <= q.end + 1:
            drafts[hit] = replace(d, content=(_lead_in(doc, cue, inner[0]), inner[1]), quote=True)
            first_part = next((k for k in own if k != hit and _near(drafts[k], q, text_of(doc))), None)
            if first_part is not None:
                # "“A,” he said, “B.”" with B parsed as the cue's clause: one split quote
                own.remove(hit)
                drafts[first_part] = _with_fragment(drafts[first_part], inner, mode, text_of(doc))
                return first_part
        elif d.content[1] - d.content[0] <= q.inner_end - q.inner_start + 3:
            drafts[hit] = replace(d, quote=True)
        return hit
    if own and any(_near(drafts[k], q, text_of(doc)) for k in own):
        # "“A,” she said, “B.”": the second fragment of a split quote
        drafts[own[-1]] = _with_fragment(drafts[own[-1]], inner, mode, text_of(doc))
        return own[-1]
    return _new_quote_claim(doc, cue, inner, board, lex)


def _speaker_glued(d: Draft, q: Quote) -> bool:
    """The draft's content runs on past the quotation `q` into its own speaker, who stands between the
    quotation and the cue ("“A,” Jane Doe, a spokeswoman, said": "A,” Jane Doe")."""
    return d.source is not None and q.end <= d.source[0] < d.content[1] <= d.source[1] and d.cue.start >= q.end


def _new_quote_claim(doc: Doc, cue: Token, inner: Range, board: _Board, lex: Lexicon) -> int | None:
    """A new quotation claim of `cue`'s speaker, under the cue so that later fragments join it; with
    the cue's own words that lead into the quotation (_lead_in)."""
    inner = (_lead_in(doc, cue, inner[0]), inner[1])
    d = make_draft(doc, "statement", token_cue(doc, cue), inner, source_of(cue), None, lex, quote=True, chars=True)
    return None if d is None else board.add(replace(d, fragments=(inner,)), under_cue=True)


def _lead_in(doc: Doc, cue: Token, start: int) -> int:
    """Where the content of a quotation claim starts when the cue's own clause or object runs into the
    quotation with no punctuation before it ("calls her “a gifted leader.”", "said after the vote
    that he had “grave concerns.”", "vowed to end “the wasteful program.”"): at that part of the cue,
    as PolNeAR annotates it; the quotation's first character when a comma or colon introduces it
    ("told reporters, “…”"), or when the words before it are the cue's setting ("responded with
    chants of “…”")."""
    if cue.idx + len(cue.text) > start:
        return start  # the cue comes after the quotation opens: none of its words lead into it
    text = text_of(doc)
    open_at = start - 1
    while open_at > cue.idx and text[open_at - 1] in QUOTE_MARKS:
        open_at -= 1
    between = text[cue.idx + len(cue.text):open_at]
    lead = between.rstrip()
    if not lead or not re.search(r"\w", lead) or lead[-1] in LEAD_IN_STOPS or len(between) > LEAD_IN_REACH \
            or "\n" in between or any(ch in QUOTE_MARKS for ch in APOSTROPHE.sub("", between)) \
            or re.search(r"[.!?]\s", between):
        return start
    before = doc.char_span(cue.idx + len(cue.text), cue.idx + len(cue.text) + len(lead), alignment_mode="contract")
    if before is None or not len(before):
        return start
    mark = next((t for t in reversed(before) if t.lower_ == "that" and t.dep_ == "mark"), None)
    if mark is not None:
        return mark.idx  # "that “…”" whatever the parse made of the clause the quotation finishes
    tok = before[-1]
    while tok.head.i != cue.i and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i != cue.i or tok.i <= cue.i or tok.dep_ not in LEAD_IN_DEPS:
        return start
    first = max(tok.left_edge.i, cue.i + 1)
    return doc[first].idx if doc[first].idx < open_at else start


def _byline(doc: Doc, q: Quote, byline: re.Match, inner: Range, board: _Board, lex: Lexicon) -> int | None:
    """"“We will act.” ― Jane Smith": a dash and a person's name after the quote speak it (bylines.py)."""
    found = quote_byline(doc, q, byline)
    if found is None:
        return None
    dash, name = found
    d = make_draft(doc, "statement", Cue(doc.char_span(*name, alignment_mode="expand")[0].i, *dash), inner, name, None,
                   lex, quote=True, chars=True)
    return None if d is None else board.add(replace(d, fragments=(inner,), sentence=(q.start, name[1])), under_cue=False)


def _colon_speaker(doc: Doc, q: Quote, board: _Board, lex: Lexicon) -> int | None:
    """"Jane Smith: “We will act.”", "“SMITH: We will act.": a name and a colon speak the quote (bylines.py)."""
    found = colon_speaker(doc, q)
    if found is None:
        return None
    colon, name, content = found
    at = doc.char_span(*colon, alignment_mode="expand")
    own = board.cues.get(at[0].i, []) if at is not None and len(at) else []
    if own:  # a headline line "Name: “...”" (headline_claims): its content is the quotation
        board.drafts[own[0]] = replace(board.drafts[own[0]], content=content, quote=True)
        return own[0]
    d = make_draft(doc, "statement", Cue(doc.char_span(*name, alignment_mode="expand")[0].i, *colon), content, name,
                   None, lex, quote=True, chars=True)
    return None if d is None else board.add(replace(d, fragments=(content,)), under_cue=False)


def _colon_cue(doc: Doc, q: Quote, qchar: list[bool], cues: dict[int, list[int]], lex: Lexicon):
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
    if not cands or cands[-1].i in cues:
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


def _near(d: Draft, q: Quote, text: str) -> bool:
    """The quotation continues the draft's quote within NEAR characters, or right after the draft's
    own speech tag however long the speaker's description ("“A,” said Jane Doe, director of ... at
    the University of ..., of the plan. “B.”"): the tag's line holds nothing else, no other quote."""
    last = d.fragments[-1] if d.fragments else d.content
    if not d.quote or q.start < last[1]:
        return False
    if q.start - last[1] <= NEAR:
        return True
    gap = text[last[1]:q.start]
    return last[1] <= d.cue.start and d.cue.end <= q.start and "\n" not in gap \
        and not any(m in gap[2:] for m in ('"', "\u201c", "\u201d", "''")) and gap.rstrip()[-1:] in (".", ",", ":")


def _with_fragment(d: Draft, frag: Range, mode: str, text: str) -> Draft:
    """The draft with one more fragment: its content the longest fragment, or first to last."""
    frags = (d.fragments or (d.content,)) + (frag,)
    longest = max(frags, key=lambda f: f[1] - f[0])
    share = (longest[1] - longest[0]) / sum(f[1] - f[0] + _marks(text, f) for f in frags)
    if mode in ("span", "separate") or (mode == "auto" and share < AUTO_SHARE):
        return replace(d, fragments=frags, content=(frags[0][0], frag[1]))
    return replace(d, fragments=frags, content=longest)


def _marks(text: str, f: Range) -> int:
    """The characters of the quotation marks around a fragment ("“A,”" 2, "''A,''" 4; none around a
    paraphrase's words): a reader's span, and PolNeAR's, holds them."""
    before, after = text[max(0, f[0] - MARKS):f[0]], text[f[1]:f[1] + MARKS]
    return len(before) - len(before.rstrip(QUOTE_MARKS)) + len(after) - len(after.lstrip(QUOTE_MARKS))
