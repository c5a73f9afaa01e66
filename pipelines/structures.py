"""The claim structures of news_claims, one generator a structure over a parsed Doc: "X said Y",
"X accused Y of Z", "X denied Y", "X attributed Y to Z", "In a statement, X ...", nominal claims
("Microsoft's claim that ...") and headline speakers ("Gingrich: ..."). Each takes its cue (cues.py),
content (content.py) and parties (sources.py) and builds a claim record with `make_claim`."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .content import according_content, content_of, cut_trailing_aside, postposed_subject
from .cues import Lexicon
from .qualifiers import qualifiers
from .quotes import find_quotes
from .sources import (
    NO_PARTY,
    accusation_party,
    claim_noun_parties,
    party,
    source_of,
    wrongdoing_in,
)
from .spans import EDGE_PUNCT, QUOTE_CHARS, char_span, one_line, text_of, tok_span
from .syntax import (
    CLAUSE,
    EXPL,
    NOUN_POS,
    OBJ,
    POBJ,
    PREP_OBJ,
    REL_PRON,
    SUBJ,
    VERB_POS,
    accused_np,
    child,
    children,
    has_child,
    phrase,
    prep_object,
    right_object,
    subject_of,
)


def make_claim(doc: Doc, ctype: str, cue: Token | tuple[int, int] | dict, content: tuple[int, int] | dict,
               source: dict | None, target: dict | None, lex: Lexicon, *, quote: bool = False,
               cue_tok: Token | None = None) -> dict | None:
    if not isinstance(content, dict):
        content = content[0], cut_trailing_aside(doc, *content)
    if isinstance(content, dict):
        cspan, crange = content, (doc.char_span(content["start"], content["end"], alignment_mode="expand"))
        crange = (crange.start, crange.end) if crange is not None else None
    else:
        cspan, crange = tok_span(doc, *content), content
        anchor_idx = (cue_tok if cue_tok is not None else cue if isinstance(cue, Token) else doc[cue[0]]).idx
        cspan = one_line(doc, cspan, anchor_idx)
    if cspan is None or crange is None or crange[0] >= crange[1]:
        return None
    anchor = cue_tok if cue_tok is not None else cue
    if isinstance(cue, dict):
        cue_span = cue
    elif isinstance(cue, Token):
        cue_span = tok_span(doc, cue.i, cue.i + 1) if cue.lower_ != "according" else tok_span(doc, cue.i, cue.i + 2)
    else:
        cue_span = tok_span(doc, *cue) or char_span(doc, doc[cue[0]].idx, doc[cue[1] - 1].idx + len(doc[cue[1] - 1]))
    hedges, confidence, negated = qualifiers(doc, anchor, crange, lex)
    sent = anchor.sent
    return {"type": ctype, "source": source or dict(NO_PARTY), "cue": cue_span, "content": cspan,
            "target": target, "quote": quote, "hedges": hedges, "confidence": confidence,
            "negated": negated, "sentence": tok_span(doc, sent.start, sent.end) or char_span(doc, sent.start_char, sent.end_char)}


def verb_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """Claims headed by a cue verb (or "according to"), in token order."""
    for tok in doc:
        kind = lex.kind(tok)
        if kind is None:
            continue
        if kind == "according":
            found = according_content(tok)
            if found:
                rng, src = found
                c = make_claim(doc, "statement", tok, rng, party(doc, *phrase(src)) if src is not None else None,
                               None, lex)
                if c:
                    yield tok, c
        elif kind == "report":
            yield from report(doc, tok, lex)
        elif kind in ("accuse", "accuse_with"):
            if kind == "accuse_with" and not any(t.lower_ == lex.accuse_with[tok.lemma_.lower()]
                                                 for t in tok.subtree):
                if tok.lemma_.lower() in lex.report:
                    yield from report(doc, tok, lex)
                continue
            yield from accusation(doc, tok, lex)
        elif kind == "deny":
            yield from denial(doc, tok, lex)
        elif kind == "attribute":
            found = list(attribution(doc, tok, lex))
            if not found and tok.lemma_.lower() in lex.report:
                found = list(report(doc, tok, lex))
            yield from found
    yield from channel_claims(doc, lex)
    yield from nominal_claims(doc, lex)
    yield from headline_claims(doc, lex)
    yield from stance_claims(doc, lex)
    yield from view_claims(doc, lex)


def imperative(tok: Token) -> bool:
    """A bare verb with no subject and no auxiliary that opens its clause; the parser sometimes
    hangs a teaser's imperative ("The Future is Tech – Think of ...") under a later verb as ccomp."""
    if tok.tag_ != "VB" or subject_of(tok)[0] != "none":
        return False
    if tok.dep_ == "ROOT":
        return True
    return (tok.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children)
            and (tok.i == tok.sent.start or tok.nbor(-1).is_punct))


def report(doc: Doc, tok: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X said (that) Y", "Y, X said", "X told reporters that Y", "it is reported that Y"; a content
    that alleges wrongdoing makes the statement an accusation of the culprit, or a denial when negated."""
    if tok.tag_ == "VBN" and tok.dep_ == "acl":
        return  # "a class called “Perception”"
    if tok.lower_ in lex.stance_adjectives and tok.tag_ == "VBN" and has_child(tok, {"auxpass"}):
        return  # "they were convinced that ...": a stance of the subject (stance_claims)
    if imperative(tok):
        return  # "Think of ...", "Ask yourself": the reader is told, nobody reports
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.refusal:
        return  # "declined to say whether ...": nothing was said
    if tok.lemma_.lower() in lex.ccomp_only and not has_child(tok, CLAUSE):
        return  # a verb that reports only with a that-clause ("found that ...")
    rng = content_of(tok, lex)
    if rng is None:
        return
    lemma = tok.lemma_.lower()
    voice, subj = subject_of(tok)
    if lemma in lex.raising and voice == "active" and subj.i < tok.i:
        source = None  # "The response seemed almost biological": the writer's judgement
    elif lemma in lex.sourceless and voice != "active":
        source = None
    elif postposed_subject(tok) is not None:
        source = party(doc, *phrase(postposed_subject(tok)), tok.idx)  # "Y, said X"
    elif participle_of_report(tok, lex):
        source = source_of(tok.head.head)  # "X told Y that Z had lied, adding ...": X adds, not Z
    else:
        source = (poll_source(doc, subj, lex) if voice == "active" else None) or source_of(tok)
    ctype, target = "statement", None
    comp = children(tok, CLAUSE)
    if comp:
        bad = wrongdoing_in(comp[-1], lex)
        if bad is not None:
            culprit, negated = bad
            if negated:
                ctype = "denial"
            elif source is None or not (culprit.pos_ == "PRON" and culprit.lower_ in ("it", "we", "i")):
                ctype, target = "accusation", party(doc, *phrase(culprit))
    c = make_claim(doc, ctype, tok, rng, source, target, lex)
    if c:
        yield tok, c


SHARE_WORDS = {"percent", "%", "majority", "half", "third", "quarter", "plurality", "most", "share"}


def poll_source(doc: Doc, subj: Token, lex: Lexicon) -> dict | None:
    """"In a poll by X, 28 percent of voters said ...": the poll reports what a share of its
    respondents said, so it is the source."""
    if not any(t.like_num or t.lower_ in SHARE_WORDS for t in subj.subtree):
        return None
    sent = subj.sent
    pobj = child(sent[0], POBJ) if sent[0].lower_ == "in" else None
    if pobj is None or lex.channel_nouns.get(pobj.lemma_.lower()) != "document" or pobj.i > subj.i:
        return None
    end = next((t.i for t in doc[pobj.i:subj.left_edge.i] if t.text == ","), pobj.right_edge.i + 1)
    return party(doc, pobj.left_edge.i, end)


def participle_of_report(tok: Token, lex: Lexicon) -> bool:
    """A participle after a comma that the parser hung inside the content of an earlier report
    ("X said that Z had lied, adding ..."): it continues that report, whose speaker it shares."""
    head = tok.head
    return (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") and tok.i > 0 and tok.doc[tok.i - 1].text == ","
            and head.dep_ == "ccomp" and head.head.i < head.i and lex.kind(head.head) == "report")


def accusation(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X accused Y of Z", "X blamed Y for Z", "blamed Z on Y", "Y was accused (by X) of Z"."""
    voice, subj = subject_of(verb)
    source, target = source_of(verb), None
    if voice == "passive" and subj is not None and subj.dep_ not in EXPL:
        target = party(doc, *accused_np(subj))
        rng = right_object(verb) or (subj.left_edge.i, subj.right_edge.i + 1)
    else:
        obj = child(verb, OBJ)
        on = prep_object(verb, "on") if verb.lemma_.lower() == "blame" else None
        if on is not None:
            target = party(doc, *phrase(on))
        elif obj is not None:
            target = party(doc, *accused_np(obj))
        comp = children(verb, CLAUSE)
        if comp and target is None:
            bad = wrongdoing_in(comp[-1], lex)
            subj2 = subject_of(comp[-1])[1]
            if subj2 is not None:
                target = party(doc, *phrase(bad[0] if bad else subj2))
        rng = right_object(verb)
    if rng is None:
        return
    c = make_claim(doc, "accusation", verb, rng, source, target, lex)
    if c:
        yield verb, c


def denial(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X denied (that) Y", "X rejected Y's accusations" (target Y), "something they deny"."""
    source, target, rng = source_of(verb), None, None
    comp = children(verb, CLAUSE)
    obj = child(verb, OBJ)
    if obj is not None and obj.lower_ in REL_PRON and verb.dep_ == "relcl":
        obj = None  # "something which they deny": the denied thing is what "something" stands for
    if comp:
        rng = comp[-1].left_edge.i, comp[-1].right_edge.i + 1
    elif obj is not None:
        rng = obj.left_edge.i, obj.right_edge.i + 1
        if lex.claim_nouns.get(obj.lemma_.lower()) == "accusation":
            accuser = accusation_party(obj)
            if accuser is not None:
                target = party(doc, *phrase(accuser))
    elif verb.dep_ == "relcl" and verb.head.head.pos_ in VERB_POS and verb.head.head.i < verb.head.i:
        # "A accused B of C, something they deny": the denied thing is the clause the noun hangs on
        noun, clause = verb.head, verb.head.head
        rng = clause.left_edge.i, noun.left_edge.i
        if clause.lemma_.lower() in lex.accuse:
            voice, subj = subject_of(clause)
            if voice == "active":
                target = party(doc, *phrase(subj))
        if subject_of(verb)[1] is not None and subject_of(verb)[1].lower_ in REL_PRON:
            source = None
    elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in NOUN_POS:
        rng = verb.head.left_edge.i, verb.head.i + 1
    if rng is None or rng[1] - rng[0] < 1:
        return
    c = make_claim(doc, "denial", verb, rng, source, target, lex)
    if c:
        yield verb, c


def attribution(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X attributed the attacks to Y", "linked the hack to Y", "pinned it on Y", "named Y as the culprit"."""
    lemma = verb.lemma_.lower()
    prep = lex.attribute[lemma]
    pobj = prep_object(verb, prep)
    if pobj is None:
        return
    voice, subj = subject_of(verb)
    obj = child(verb, OBJ)
    thing = subj if voice == "passive" and subj is not None and subj.dep_ not in EXPL else obj
    if lemma == "name":
        if pobj.lemma_.lower() not in lex.culprit_nouns or obj is None:
            return
        target = party(doc, *phrase(obj))
        rng = obj.left_edge.i, pobj.right_edge.i + 1
    else:
        if thing is None:
            return
        if lemma not in ("attribute", "pin") and thing.lemma_.lower() not in lex.incident_nouns:
            return
        target = party(doc, *phrase(pobj))
        rng = thing.left_edge.i, min([thing.right_edge.i + 1] + [c.i for c in thing.children
                                                                if c.i > thing.i and c.dep_ == "prep"])
    c = make_claim(doc, "attribution", verb, rng, source_of(verb), target, lex)
    if c:
        yield verb, c


def channel_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"In a statement, X was blunt: “Y”", "In a CNN poll, Clinton led by 24 points": a clause whose
    verb is no cue, introduced by "in" and a channel noun. A speaker's channel (statement, interview)
    makes the verb's subject the source and the rest of the clause (or the quotation in it) the
    content; a document (poll, survey) is itself the source of the whole clause."""
    quotes = None
    for prep in doc:
        if prep.lower_ != "in" or prep.dep_ != "prep" or prep.i != prep.sent.start and doc[prep.i - 1].text != ",":
            continue
        pobj = child(prep, POBJ)
        channel = lex.channel_nouns.get(pobj.lemma_.lower()) if pobj is not None else None
        verb = prep.head
        if channel is None or verb.pos_ not in VERB_POS or verb.i < prep.i:
            continue
        sent = prep.sent
        if any(lex.kind(t) for t in sent):
            continue  # the sentence's cue verb makes the claim ("In a statement, X said ...")
        cue = (prep.i, pobj.i + 1)
        after = pobj.right_edge.i + 1
        if prep.i == sent.start:  # "In a poll last month, ...": the phrase runs to its comma
            after = next((t.i + 1 for t in doc[after:verb.i] if t.text == ","), after)
        while after < len(doc) and doc[after].is_punct and doc[after].text in EDGE_PUNCT:
            after += 1
        end = verb.right_edge.i + 1
        while end > after and doc[end - 1].is_punct and not QUOTE_CHARS & set(doc[end - 1].text):
            end -= 1
        voice, subj = subject_of(verb)
        if voice == "none":  # "X, in a statement, was blunt: “...”" parsed with X as the quote's subject
            subj = next((t for t in doc[sent.start:prep.i] if t.dep_ in SUBJ), None)
            voice = "active" if subj is not None else voice
        if channel == "document":
            if prep.i != sent.start:
                continue
            source = party(doc, *phrase(pobj))
            rng = (after, end)
        elif voice == "active" and (subj.i >= after or subj.right_edge.i < prep.i):
            source = party(doc, *phrase(subj), verb.idx)  # "In a statement, X was ..." / "X, in a statement, was ..."
            rng = (max(after, subj.right_edge.i + 1), end)
        else:
            continue
        if rng[1] - rng[0] < 2:
            continue
        if quotes is None:
            quotes = find_quotes(text_of(doc))
        start = doc[rng[0]].idx
        quoted = next((q for q in quotes if start <= q.start < sent.end_char), None)
        if quoted is not None and channel != "document":
            inner = char_span(doc, quoted.inner_start, quoted.inner_end)
            c = make_claim(doc, "statement", cue, inner, source, None, lex, quote=True, cue_tok=prep)
        else:
            c = make_claim(doc, "statement", cue, rng, source, None, lex, cue_tok=prep)
        if c:
            yield prep, c


def nominal_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"Microsoft's claim that ...", "US accusations of cyber-crime" (and their accused, when a
    denial of them names the denier: "Beijing rejected US accusations")."""
    for tok in doc:
        ctype = lex.claim_nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if ctype is None:
            continue
        rng = None
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
                rng = c.left_edge.i, c.right_edge.i + 1
                break
        src = accusation_party(tok) if ctype == "accusation" else claim_noun_parties(tok)
        target = None
        if rng is None and ctype == "accusation" and src is not None:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "that")), None)
            if of is not None:
                rng = of.left_edge.i, of.right_edge.i + 1
                pobj = child(of, POBJ)
                if of.lower_ == "against" and pobj is not None:
                    target = party(doc, *phrase(pobj))
            if tok.dep_ in OBJ and lex.kind(tok.head) == "deny":
                voice, subj = subject_of(tok.head)
                if voice == "active":
                    target = party(doc, *phrase(subj))
        if rng is None or (src is None and ctype != "statement"):
            continue
        if src is None:
            continue
        c = make_claim(doc, ctype, tok, rng, party(doc, src.i, src.i + 1) if src.dep_ != "pobj"
                       else party(doc, *phrase(src)), target, lex)
        if c:
            yield tok, c


HEADLINE_RE = re.compile(r"^([A-Z][^\n:]{1,40}?):[ \t]+(\S[^\n]{8,})$", re.MULTILINE)


HEADLINE_STOP = {"for", "of", "on", "note", "update", "updates", "email", "daily", "news", "follow", "name", "age", "live",
                 "watch", "exclusive", "report", "breaking", "video", "photos", "editor", "analysis", "opinion"}


def headline_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"Gingrich: Trump must decide" - a line that opens with a short name and a colon: the name
    speaks the rest of the line (headlines and transcripts)."""
    text = text_of(doc)
    for m in HEADLINE_RE.finditer(text):
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or len(name) > 5 or not any(t.pos_ in ("PROPN", "NOUN") for t in name) \
                or any(t.pos_ in VERB_POS or t.dep_ == "case" or t.lower_ in HEADLINE_STOP for t in name) \
                or name[0].lower_ in ("the", "a", "an"):
            continue  # a section label ("Editor's Note:", "AP-GfK Poll:"), not a speaker
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        body = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if colon is None or body is None or len(body) < 3:
            continue
        c = make_claim(doc, "statement", (colon.start, colon.end), (body.start, body.end),
                       party(doc, name.start, name.end), None, lex, cue_tok=colon[0])
        if c:
            yield colon[0], c


def stance_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"X was critical of Y", "X is confident in Y", "X is convinced that Y": a stance adjective after
    "be" with the preposition (or that-clause) it takes; the subject of "be" holds the stance."""
    for adj in doc:
        allowed = lex.stance_adjectives.get(adj.lower_) if adj.pos_ in ("ADJ", "VERB") else None
        if not allowed:
            continue
        if adj.dep_ == "acomp" and adj.head.lemma_ == "be":
            be = adj.head
        elif adj.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in adj.children):
            be = adj  # "were worried about": the parse made the participle the head
        else:
            continue
        rng = None
        for c in adj.children:
            if c.i < adj.i:
                continue
            if c.dep_ == "ccomp" and "that" in allowed:
                rng = c.left_edge.i, c.right_edge.i + 1
                break
            if c.dep_ in ("prep", "agent") and c.lower_ in allowed:
                obj = child(c, PREP_OBJ)
                if obj is not None:
                    rng = obj.left_edge.i, obj.right_edge.i + 1
                    break
        if rng is None or rng[1] - rng[0] == 1 and doc[rng[0]].pos_ == "PRON":
            continue  # "were critical of it": what "it" stands for is elsewhere
        voice, subj = subject_of(be)
        source = source_of(be)
        if subj is None or subj.dep_ in EXPL or source is None:
            continue
        first = min(be.i, adj.i, *(c.i for c in adj.children if c.dep_ in ("auxpass",)))
        c = make_claim(doc, "statement", (first, adj.i + 1), rng, source, None, lex, cue_tok=adj)
        if c:
            yield adj, c


def view_claims(doc: Doc, lex: Lexicon) -> Iterator[tuple[Token, dict]]:
    """"My impression is that he lacks support", "Their argument was that ...": a view noun whose
    owner holds the that-clause it is equated with."""
    for be in doc:
        if be.lemma_ != "be" or be.pos_ not in VERB_POS:
            continue
        noun = next((c for c in be.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                     and c.lemma_.lower() in lex.view_nouns), None)
        comp = next((c for c in be.children if c.dep_ == "ccomp" and c.i > be.i
                     and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if noun is None or comp is None or any(lex.kind(a) == "report" for a in be.ancestors):
            continue  # inside what another cue reports: part of that claim (as drop_nested_cues does)
        owner = claim_noun_parties(noun)
        if owner is None:
            continue
        c = make_claim(doc, "statement", (noun.i, be.i + 1), (comp.left_edge.i, comp.right_edge.i + 1),
                       party(doc, *phrase(owner)), None, lex, cue_tok=be)
        if c:
            yield be, c
