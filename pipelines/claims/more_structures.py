"""The structures of news_claims without a cue verb, one generator of drafts each: a channel
("In a statement, X was blunt: ..."), a nominal claim ("Microsoft's claim that ...", "US
accusations of ..."), a headline speaker ("Gingrich: ..."), a stance ("X was critical of Y"), a
view ("My impression is that ...") and a censure ("Y faced criticism over ...", "complaints against Y"). Each takes the document's quotations, found once."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..extensions import mention_in
from .draft import Draft, Range, make_draft, range_cue, token_cue
from .lexicon import Lexicon
from .nested import FIRST_PERSON
from .quotes import Quote
from .senses import hypothetical, is_party, named_apposition
from .sources import (
    MAKING_VERBS,
    accusation_party,
    actor_kind,
    claim_noun_parties,
    party,
    party_actor,
    source_of,
    token_actor,
)
from .spans import EDGE_PUNCT, QUOTE_CHARS, having, text_of
from .structures import claim_accuser
from .syntax import (ANY_SUBJ, EXPL, OBJ, POBJ, PREP_OBJ, SUBJ, VERB_POS, accused_np, child, has_child, party_np, phrase,
                     subject_of)


def channel_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"In a statement, X was blunt: “Y”", "In a CNN poll, Clinton led by 24 points": a clause whose
    verb is no cue, introduced by "in" and a channel noun. A speaker's channel (statement, interview)
    makes the verb's subject the source and the rest of the clause (or the quotation in it) the
    content; a document (poll, survey) is itself the source of the whole clause."""
    for prep in having(doc, lower=("in",)):
        if prep.dep_ != "prep" or prep.i != prep.sent.start and doc[prep.i - 1].text != ",":
            continue
        pobj = child(prep, POBJ)
        channel = lex.channel_nouns.get(pobj.lemma_.lower()) if pobj is not None else None
        verb = prep.head
        if channel is None or verb.pos_ not in VERB_POS or verb.i < prep.i:
            continue
        sent = prep.sent
        if any(lex.kind(t) for t in sent):
            continue  # the sentence's cue verb makes the claim ("In a statement, X said ...")
        cue = range_cue(doc, prep.i, pobj.i + 1, prep)
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
        start = doc[rng[0]].idx
        quoted = next((q for q in quotes if start <= q.start < sent.end_char), None)
        if quoted is not None and channel != "document":
            c = make_draft(doc, "statement", cue, (quoted.inner_start, quoted.inner_end), source, None, lex,
                           quote=True, chars=True)
        else:
            c = make_draft(doc, "statement", cue, rng, source, None, lex)
        if c:
            yield c


def nominal_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"Microsoft's claim that ...", "warnings from his lawyer that ...", "US accusations of
    cyber-crime" (and their accused, when a denial of them names the denier: "Beijing rejected US
    accusations"). The party is the noun's owner, its "by" / "from" party or who made it
    (sources.accusation_party), for every claim noun."""
    for tok in having(doc, lemma=lex.claim_nouns):
        ctype = lex.claim_nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if ctype is None:
            continue
        rng, clause = None, None
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
                # (a relative clause has no "that" as its mark: "an accusation that troops had laid mines" misparsed)
                rng, clause = (c.left_edge.i, c.right_edge.i + 1), c
                break
        src = accusation_party(tok)
        if src is None:
            continue
        source = party(doc, src.i, src.i + 1) if src.dep_ != "pobj" and src.dep_ not in SUBJ else party(doc, *party_np(src))
        # "accusations by X against Y", the parse hanging "against Y" on X: Y is accused, not part of X
        by_against = next((c for c in src.children if c.dep_ == "prep" and c.lower_ == "against" and c.i > src.i),
                          None) if src.dep_ == "pobj" and src.head.head == tok else None
        if by_against is not None:
            source = party(doc, src.left_edge.i, by_against.left_edge.i)
        denied_by = tok.dep_ in OBJ and lex.kind(tok.head) == "deny"  # "X rejected Y's accusations"
        target = None
        if rng is None and ctype == "accusation":
            # ("the accusations made against it by X": the "against" of the making verb)
            holders = [tok, *(c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS),
                       *([src] if by_against is not None else [])]
            of = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "that")
                       and (h is tok or c.lower_ == "against")), None)
            if of is not None:
                rng = of.left_edge.i, of.right_edge.i + 1
                pobj = child(of, POBJ)
                if of.lower_ == "against" and pobj is not None:
                    target = party(doc, *phrase(pobj))
                    if pobj.pos_ == "PRON" and party_actor(doc, target) is None and denied_by:
                        target = None  # "X rejected the accusations made against it": X, below
                elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in MAKING_VERBS:
                    # "levelled accusations of match-fixing at referee X", "made accusations of fraud against Y"
                    # (the "at" / "against" wherever the parse hung it)
                    at = next((c for c in (*tok.head.children, *of.subtree) if c.dep_ == "prep"
                               and c.lower_ in ("at", "against") and c.i > tok.i and child(c, POBJ) is not None), None)
                    if at is not None:
                        target = party(doc, *accused_np(child(at, POBJ)))
                        rng = of.left_edge.i, at.left_edge.i
        if rng is None and ctype == "denial":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            denied = child(of, POBJ) if of is not None else None
            if denied is not None and denied.lemma_.lower() in lex.claim_nouns:
                # "X's denial of the allegations made by Y": Y
                rng, target = (of.i + 1, of.right_edge.i + 1), claim_accuser(doc, denied, tok, lex)
        doer = accused_doer(clause, lex) if ctype == "accusation" and clause is not None else None
        if doer is not None and doer.pos_ != "PRON":
            target = party(doc, *accused_np(doer))  # "Britain's accusation that Russia was behind the attack": Russia
            accused = party_actor(doc, target)
            if accused is not None and source is not None and accused == party_actor(doc, source):
                target = None  # the accuser's own name in its clause: a parse or a pronoun gone wrong
        elif ctype == "accusation" and target is None and denied_by and (clause is None or doer is not None):
            # "Beijing rejected US accusations (that it hacked ...)": Beijing; "X dismisses Y's accusations
            # against Z": Z; not "X dismissed Y's accusations that the campaign broke the law": the campaign
            voice, subj = subject_of(tok.head)
            if voice == "active":
                target = party(doc, *phrase(subj))
        if rng is None:
            continue
        if ctype == "statement" and denied_by and clause is not None and tok.lemma_.lower() in DEED_CLAIMS:
            denier = about_denier(doc, tok.head, clause)
            if denier is not None:  # "X dismissed claims by Y that its trawlers had entered ...": Y accuses X
                ctype, target = "accusation", denier
        c = make_draft(doc, ctype, token_cue(doc, tok), rng, source, target, lex)
        if c:
            yield c


DEED_CLAIMS = {"claim"}  # claim nouns whose that-clause about the one who denies it says what they are accused of


def about_denier(doc: Doc, verb: Token, clause: Token) -> Range | None:
    """The denier's phrase when the denied claim's clause is about the denier itself: its subject,
    or the subject's owner, is the denier's actor ("Solbakken dismissed claims by the agency that
    its trawlers had entered a closed zone"; "X denied claims that he had lobbied"); else None."""
    voice, denier = subject_of(verb)
    about = subject_of(clause)[1]
    if voice != "active" or denier is None or about is None:
        return None
    who = party_actor(doc, party(doc, *phrase(denier)))
    owner = child(about, {"poss"})
    said = [t for t in (about, owner) if t is not None]
    if who is None or not any(token_actor(doc, t) == who for t in said):
        return None
    return party(doc, *phrase(denier))


def accused_doer(clause: Token, lex: Lexicon) -> Token | None:
    """Who an accusation's that-clause says did it: its subject when a party ("accusations that the
    campaign broke the law"), or a pronoun ("that it was behind the attack"); None for a thing ("that
    the money was stolen") or no subject."""
    voice, subj = subject_of(clause)
    if voice != "active" or subj is None or subj.dep_ in EXPL or not is_party(subj, lex):
        return None
    return None if subj.lower_ in ("i", "we", "you") else subj


HEADLINE_RE = re.compile(r"^([A-Z][^\n:]{1,40}?):[ \t]+(\S[^\n]{8,})$", re.MULTILINE)


HEADLINE_STOP = {"for", "of", "on", "note", "update", "updates", "email", "daily", "news", "follow", "name", "age", "live",
                 "watch", "exclusive", "report", "breaking", "video", "photos", "editor", "analysis", "opinion",
                 "byline", "correction", "clarification", "warning", "related", "caption"}  # a writer's note, not a speaker


MAKER_DEPS = {"poss", "nsubj", "pobj"}  # not a compound: "a Freedom of Information lawsuit"


def censure_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"Y faced criticism over Z", "drew criticism from X", "Y is under fire for Z", "was arrested on
    charges", "complaints against Y": a noun of censure whose bearer is the accused. The source is
    the "from" party, or none (the press reports a censure nobody is named for)."""
    for noun in having(doc, lemma=lex.censure_nouns):
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN":
            continue
        head, accused, charger = noun.head, None, None
        against = next((child(c, POBJ) for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"
                        and lemma in lex.censure_preps.get("against", ())), None)
        if against is not None:
            maker = accusation_party(noun)
            if maker is not None and lemma in lex.claim_nouns:
                continue  # "US accusations against China": nominal_claims makes it
            accused, verb = against, head
            if maker is not None and maker.dep_ in MAKER_DEPS:  # "X filed a lawsuit against Y", "X's complaint against Y"
                charger = party(doc, *phrase(maker))
        elif noun.dep_ in OBJ and head.lemma_.lower() in lex.censure_verbs:
            verb = head
            voice, accused = subject_of(verb)
            accused = accused if voice == "active" else None
            if sum(c.dep_ in SUBJ for c in verb.children) > 1:
                continue  # two subjects: a parse gone wrong ("X's comments on ... relations with Russia have drawn")
        elif noun.dep_ == "pobj" and lemma in lex.censure_preps.get(head.lower_, ()) and head.head.pos_ in VERB_POS \
                and (head.lower_ != "on" or noun.tag_ == "NNS"):  # "arrested on charges", not "215 miles on a charge"
            verb = head.head  # "is under fire", "arrested X on charges", "pleaded guilty to charges"
            accused = child(verb, OBJ) or subject_of(verb)[1]
            if accused is not None and accused.dep_ in OBJ and subject_of(verb)[0] == "active" and head.lower_ != "against":
                # "officers arrested X on charges": the officers charge; "X defended Y against
                # allegations": X answers them, the accuser is not named
                charger = source_of(verb)
        else:
            continue
        frms = from_parties(noun, verb)
        frm = noun.doc[frms[0][0]:frms[0][1]].root if frms else None
        if noun.sent.text.rstrip().endswith("?"):
            continue  # "Would there have been proceedings against him?"
        reasons = [c for c in (*verb.children, *noun.children) if c.dep_ == "prep" and c.lower_ in ("over", "for")
                   and c.i > noun.i]
        if against is not None and frm is None and charger is None and noun.dep_ not in OBJ:
            continue  # "a lawsuit against him" as a subject or in a phrase: who sues is elsewhere
        if lemma in lex.censure_reason_required and not reasons and not any(
                civil_critic(doc, doc[f[0]:f[1]].root) for f in frms):
            continue  # "came under enemy fire": no censure without what it is for, or a named civil critic
        if accused is None or accused.dep_ in EXPL or accused.lower_ in ("it", "this", "that", "which") \
                or (verb.pos_ in VERB_POS and hypothetical(verb, lex)):
            continue
        end = noun.right_edge.i + 1
        end = max([end] + [c.right_edge.i + 1 for c in reasons])
        rng = (noun.left_edge.i, end)
        if against is None and lemma in lex.criticism.get("borne_nouns", ()):
            rng = borne_content(noun, accused, reasons) or rng
        sources = [party(doc, *f) for f in frms] or [charger]
        c = make_draft(doc, "accusation", token_cue(doc, noun), rng, sources[0], party(doc, *phrase(accused)), lex)
        if c:
            yield replace(c, co_sources=tuple(s for s in sources[1:] if s is not None))


REASON_PREPS = {"over", "for", "about", "after"}  # the reason of a censure, before its critic


def from_parties(noun: Token, verb: Token) -> list[tuple[int, int]]:
    """The token ranges of the "from" parties of a censure: "drew condemnation from Zagreb and from
    the EU's foreign policy chief" -> "Zagreb", "the EU's foreign policy chief" (each "from" its own
    party, wherever the parse hung the second: on the first "from" or inside its object)."""
    first = next((c for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "from"), None)
    if first is None:
        return []
    reason = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i < first.i), None)
    obj = child(first, POBJ)
    if reason is not None and first.head.i == verb.i and obj is not None and obj.pos_ != "PROPN" \
            and not obj.ent_type_ and mention_in(obj.doc, obj.idx, obj.idx + len(obj)) is None:
        return []  # "drew criticism over fumes from its Harwell depot": where the fumes come from
    preps = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.lower_ == "from")]
    out = []
    for p in preps:
        obj = child(p, POBJ)
        if obj is None:
            continue
        start, end = party_np(obj)
        for later in preps:  # the phrase ends before the next "(, and) from"
            if start < later.i < end:
                k = later.i
                while k > start and (obj.doc[k - 1].dep_ == "cc" or obj.doc[k - 1].is_punct):
                    k -= 1
                end = min(end, k)
        out.append((start, end))
    return out


# the kinds of actor whose "fire" is words, with no reason said ("came under fire from the Swedish
# Transport Agency after ..."); not a state's or an armed group's ("under fire from Hezbollah")
CIVIL_CRITICS = {"government_body", "media", "company", "person", "official"}


def civil_critic(doc: Doc, frm: Token | None) -> bool:
    """The "from" party of a borne noun is a named body, outlet, company or person (perhaps after its
    description: "from the federal environment minister, Arjun Sethi")."""
    return frm is not None and (frm.pos_ == "PROPN" or named_apposition(frm) is not None) \
        and actor_kind(doc, party(doc, *phrase(frm))) in CIVIL_CRITICS


def borne_content(noun: Token, accused: Token, reasons: list[Token]) -> tuple[int, int] | None:
    """What a reproach borne is about ("X drew criticism for Y", "X came under fire over Y"): what
    was criticised, as PolNeAR annotates it: the noun's that-clause ("criticism that X lied"), the
    reason ("for Y" with its preposition, "over Y" / "about Y" without), else the bearer itself ("The
    plan drew criticism": the plan); None for a bearer that is only a relative pronoun ("who faced
    criticism")."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c.left_edge.i, c.right_edge.i + 1
    about = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "about"), None)
    if about is not None and not reasons:
        return about.i + 1, about.right_edge.i + 1
    if reasons:
        r = reasons[0]
        return (r.i if r.lower_ == "for" else r.i + 1), r.right_edge.i + 1
    if accused.tag_ in ("WP", "WDT") or accused.pos_ == "PRON" and accused.lower_ in ("who", "that", "which"):
        return None
    return accused.left_edge.i, accused.right_edge.i + 1


CURRENCY = set("$€£¥")


def label_line(body) -> bool:
    """The part after a colon is data, not words spoken: it opens with a figure or a price, or it is a
    verbless list of figures ("3 cups, 2 spoons")."""
    first = body[0].text[:1]
    if first.isdigit() or first in CURRENCY:
        return True  # "1 Green", "$49.99" ("Three races are tight" is words)
    return not any(t.pos_ in VERB_POS for t in body) and sum(t.text[:1].isdigit() for t in body) >= 2


def reports_itself(body, lex: Lexicon) -> bool:
    """The part after a colon holds a finite report verb of its own clause, with its own subject, not
    I, we or you ("Frustration with police: Civil rights activists say Charlotte officers ..."): that
    report speaks, not the label before the colon."""
    return any(t.tag_ in ("VBD", "VBP", "VBZ") and t.dep_ in ("ROOT", "conj") and lex.kind(t) == "report" and any(
        c.dep_ in SUBJ and c.lower_ not in FIRST_PERSON for c in t.children) for t in body)


def speaker_noun(tok: Token, lex: Lexicon) -> bool:
    """A common noun that can speak: people, a body, a document ("Experts:", "Poll:")."""
    lemma = tok.lemma_.lower()
    return (lemma in lex.people_nouns or lemma in lex.body_nouns or lemma in lex.document_nouns
            or lemma in lex.channel_nouns)


def headline_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"Gingrich: Trump must decide" - a line that opens with a short name and a colon: the name
    speaks the rest of the line (headlines and transcripts)."""
    text = text_of(doc)
    for m in HEADLINE_RE.finditer(text):
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or len(name) > 5 or not any(t.pos_ in ("PROPN", "NOUN") for t in name) \
                or any(t.pos_ in VERB_POS or t.dep_ == "case" or t.lower_ in HEADLINE_STOP for t in name) \
                or name[0].lower_ in ("the", "a", "an"):
            continue  # a section label ("Editor's Note:", "AP-GfK Poll:"), not a speaker
        if not any(t.pos_ == "PROPN" or t.ent_type_ or t.is_upper for t in name) and not speaker_noun(name[-1], lex) \
                and party_actor(doc, (name.start_char, name.end_char)) is None:
            continue  # "Price:", "Verdict:", "Pros:": a label of the line, no one who speaks
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        body = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if colon is None or body is None or len(body) < 3:
            continue
        if label_line(body):
            continue  # "Portion Fix Containers: 1 Green", "Price: $49.99": a data line, nobody speaks
        if not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name) and reports_itself(body, lex):
            continue  # "Frustration with police: Civil rights activists say ...": the line's own report speaks
        c = make_draft(doc, "statement", range_cue(doc, colon.start, colon.end, colon[0]), (body.start, body.end),
                       party(doc, name.start, name.end), None, lex)
        if c:
            yield c


def stance_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"X was critical of Y", "X is confident in Y", "X is convinced that Y": a stance adjective after
    "be" with the preposition (or that-clause) it takes; the subject of "be" holds the stance."""
    for adj in having(doc, lower=lex.stance_adjectives):
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
        c = make_draft(doc, "statement", range_cue(doc, first, adj.i + 1, adj), rng, source, None, lex)
        if c:
            yield c


def view_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"My impression is that he lacks support", "Their argument was that ...": a view noun whose
    owner holds the that-clause it is equated with."""
    for be in having(doc, lemma=("be",)):
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
        c = make_draft(doc, "statement", range_cue(doc, noun.i, be.i + 1, be), (comp.left_edge.i, comp.right_edge.i + 1),
                       party(doc, *phrase(owner)), None, lex)
        if c:
            yield c


def reported_adverb_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"The FBI is reportedly making arrangements to interview her", "Reportedly, he made threats":
    an adverb of report on a verb says that someone unnamed reported its clause, which is the content
    (the adverb and all); no source. Not under a cue ("X said Y reportedly did Z" is X's claim) nor
    in a quotation (nested.drop_quoted_cues). PolNeAR train: 19 of 29 "reportedly" are annotated cues."""
    for adv in having(doc, lower=lex.report_adverbs):
        if adv.dep_ != "advmod" or adv.head.pos_ not in VERB_POS:
            continue
        verb = adv.head
        if any(lex.kind(t) for t in (verb, *verb.ancestors)) or adv.is_title and adv.i != adv.sent.start \
                or verb.dep_ in ("relcl", "acl"):
            continue  # under a cue; a headline's title case ("Mayor Reportedly Quits"); "the threats he
            # reportedly made" (what is reported is the noun's, not a clause)
        clause = verb
        while clause.dep_ == "conj" and not has_child(clause, SUBJ) and clause.head.pos_ in VERB_POS:
            clause = clause.head  # "He gained acclaim ... and was reportedly targeted": the whole clause
        subj = child(clause, SUBJ)
        start = subj.left_edge.i if subj is not None and subj.i < adv.i else clause.left_edge.i
        end = verb.right_edge.i + 1
        if start == adv.i:  # "Reportedly, he made ...": the clause after the adverb
            start += 1
            while start < end and doc[start].is_punct:
                start += 1
        for c in verb.children:  # ", but they had returned", "as it nears", ", leaving X fearful": the writer's
            if c.i < adv.i or c.dep_ not in ("advcl", "conj"):
                continue
            before = c.left_edge.i - 1
            while before > adv.i and doc[before].dep_ == "cc":
                before -= 1
            if (has_child(c, ANY_SUBJ) or c.tag_ == "VBG") and doc[before].text == "," \
                    or has_child(c, ANY_SUBJ) and doc[c.left_edge.i].dep_ == "mark":
                end = min(end, before + 1)
        end = next((t.i for t in doc[adv.i:end] if t.text == "("), end)  # the writer's aside in brackets
        if any(lex.kind(t) for t in doc[start:end]):
            continue  # another cue inside: its own claim, which this one would swallow (nested.py)
        while end > start and doc[end - 1].dep_ == "cc":
            end -= 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and not QUOTE_CHARS & set(doc[end - 1].text)):
            end -= 1
        if end - start < 3:
            continue
        c = make_draft(doc, "statement", token_cue(doc, adv), (start, end), None, None, lex)
        if c:
            yield c
