"""The verb structures of news_claims, one generator of drafts a structure over a parsed Doc:
"X said Y", "Y, X said", "according to X", "X accused Y of Z", "X denied Y", "X attributed Y to Z".
Each takes its cue (lexicon.py), content (content.py) and parties (sources.py) and makes a frozen
draft with `make_draft` (draft.py). The structures without a cue verb are in more_structures.py."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from .content import according_content, as_predicate_end, content_of, made_noun, postposed_subject, seen_as
from .criticism import governed_party
from .draft import Draft, Range, make_draft, token_cue
from .lexicon import Lexicon
from .quotes import Quote
from .senses import (
    accusing_sense,
    called_false,
    denying_sense,
    is_party,
    not_guilty_plea,
    possessor_party,
    rebutted_claim,
)
from .sources import accusation_party, claim_noun_parties, named_maker, party, source_of, wrongdoing_in
from .spans import chars, having, tok_span
from .syntax import (
    CLAUSE,
    EXPL,
    NOUN_POS,
    OBJ,
    POBJ,
    REL_PRON,
    SAY_TELL,
    TIME_ENTS,
    VERB_POS,
    accused_np,
    addressed_participle,
    child,
    children,
    has_child,
    party_np,
    phrase,
    prep_object,
    questioned_participle,
    right_object,
    subject_of,
)
from .tags import as_tag, as_tag_content, parenthetical_content


def verb_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """Drafts headed by a cue verb (or "according to"), in token order. `quotes` unused: every
    structure takes the document's quotations, found once."""
    for tok in having(doc, lemma=lex.cue_lemmas | {"put"}, lower=("according",)):
        kind = lex.kind(tok)
        if kind is None and put_it(tok):
            yield from report(doc, tok, lex)  # "as X put it, Y"
        if kind is None:
            continue
        if kind == "according":
            found = according_content(tok)
            if found:
                rng, src = found
                c = make_draft(doc, "statement", token_cue(doc, tok), rng,
                               party(doc, *phrase(src)) if src is not None else None, None, lex)
                if c:
                    yield c
        elif kind == "report":
            yield from report(doc, tok, lex)
        elif kind in ("accuse", "accuse_with"):
            sense = accusing_sense(tok, lex)
            if sense:
                yield from accusation(doc, tok, lex)
            elif sense is False:
                yield from report(doc, tok, lex)  # "attacked the rules": what was said of them, no accusation
        elif kind == "deny":
            yield from denial(doc, tok, lex)
        elif kind == "attribute":
            found = list(attribution(doc, tok, lex))
            if not found and tok.lemma_.lower() in lex.report:
                found = list(report(doc, tok, lex))
            yield from found


def put_it(tok: Token) -> bool:
    """"As Ms. Smith put it, Y": "put it" in an "as" tag reports Y; "put" alone is no cue."""
    return tok.lemma_.lower() == "put" and as_tag(tok) is not None and any(
        c.dep_ in OBJ and c.lower_ == "it" for c in tok.children)


def imperative(tok: Token) -> bool:
    """A bare verb with no subject and no auxiliary that opens its clause; the parser sometimes
    hangs a teaser's imperative ("The Future is Tech – Think of ...") under a later verb as ccomp."""
    if tok.tag_ != "VB" or subject_of(tok)[0] != "none":
        return False
    if tok.dep_ == "ROOT":
        return True
    return (tok.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children)
            and (tok.i == tok.sent.start or tok.nbor(-1).is_punct))


def report(doc: Doc, tok: Token, lex: Lexicon) -> Iterator[Draft]:
    """"X said (that) Y", "Y, X said", "X told reporters that Y", "it is reported that Y"; a content
    that alleges wrongdoing makes the statement an accusation of the culprit, or a denial when negated."""
    misread = misread_main_verb(tok, lex)  # "A poll found last week that Y": the root noun speaks
    if tok.dep_ == "acl" and (tok.tag_ == "VBN" or tok.tag_ == "VBD" and tok.head.i == tok.i - 1) \
            and made_noun(tok, lex) is None and seen_as(tok) is None and not misread:
        return  # "a class called “Perception”", "a super PAC called Future 45" (a participle tagged a
        # past tense); not "the bill, opposed by Democrats", "prices, seen as a boon" (content.made_noun, seen_as)
    if tok.lower_ in lex.stance_adjectives and tok.tag_ == "VBN" and has_child(tok, {"auxpass"}):
        return  # "they were convinced that ...": a stance of the subject (stance_claims)
    if state_participle(tok, lex):
        return  # "The inquiry is focused on X", "an ad focused on Y": a state, nobody reports
    if imperative(tok):
        return  # "Think of ...", "Ask yourself": the reader is told, nobody reports
    if discourse_idiom(tok):
        return  # "That said, the agency says ...": the writer's "even so", no report
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.refusal:
        return  # "declined to say whether ...": nothing was said
    if tok.lemma_.lower() in lex.ccomp_only and not has_child(tok, CLAUSE):
        return  # a verb that reports only with a that-clause ("found that ...")
    rng, parts = content_of(tok, lex), ()
    if rng is None:
        rng = seen_as(tok)  # "X is widely seen as Y", "Low prices, seen as a boon for drivers, ..."
    if rng is None and not_guilty_plea(tok, lex) and tok.right_edge.i > tok.i:
        rng = tok.i + 1, tok.right_edge.i + 1  # "pleaded not guilty to the charges"
    if rng is None:
        rng = pro_form_content(tok)  # "half said so", "26 percent said the same", "X said as much"
    if rng is None:
        rng = stray_that_clause(tok)  # "told a meeting of leaders that few understood ..."
    if rng is None:
        rng, parts = parenthetical_content(tok) or (None, ())  # "A, the mayor said, B" (tags.py)
    if rng is None and not (lex.kind(tok.head) and has_child(tok.head, CLAUSE)):
        rng, parts = as_tag_content(tok) or (None, ())  # "As experts noted, B" (tags.py); not "As X noted, Y said B"
    if rng is None:
        return
    if tok.dep_ == "relcl" and rng[0] < tok.i < rng[1] - 1:
        rng = tok.i + 1, rng[1]  # "a wall, which he said Mexico should pay for": what follows the cue
    lemma = tok.lemma_.lower()
    voice, subj = subject_of(tok)
    if addressed_participle(tok) or questioned_participle(tok):
        source = None  # "Asked whether X, she said ...", "X said, when asked ...": she was asked; who asked is not said
    elif lemma in lex.raising and voice == "active" and subj.i < tok.i and not speaking_xcomp(tok, lex) \
            and not seeking(tok):
        if restrictive_seeming(tok, subj):
            return  # "positions that now seem moderate", "what seems a stream of drivel": a description
        source = None  # "The response seemed almost biological": the writer's judgement
    elif lemma in lex.sourceless and voice != "active":
        source = None
    elif misread:
        source = party(doc, tok.head.left_edge.i, tok.i, tok.idx)  # "Beruff, a Scott ally, called ...": the root noun
    elif (late := postposed_subject(tok)) is not None:
        source = party(doc, *phrase(late), tok.idx)  # "Y, said X"
    elif participle_of_report(tok, lex):
        source = source_of(tok.head.head)  # "X told Y that Z had lied, adding ...": X adds, not Z
    else:
        source = (poll_source(doc, subj, lex) if voice == "active" else None) or source_of(tok)
    ctype, target = "statement", None
    comp = children(tok, CLAUSE)
    rebutted = rebutted_claim(comp[-1], lex) if comp else None
    called = called_false(tok, lex) if rebutted is None else None
    if rebutted is not None:
        ctype = "denial"  # "X said the allegations are false": the accuser, when named, is the target
        accuser = claim_noun_parties(rebutted)
        target = party(doc, *phrase(accuser)) if accuser is not None else None
    elif called is not None:
        ctype, target = "denial", claim_accuser(doc, called, tok, lex)  # "called Y's accusations baseless": Y
    elif not_guilty_plea(tok, lex):
        ctype = "denial"  # "pleaded not guilty to the charges"
    elif comp and lemma not in lex.feeling_reports:  # "worry that a trial will interfere": no accusation
        bad = wrongdoing_in(comp[-1], lex)
        if bad is not None:
            culprit, negated = bad
            if negated:
                ctype = "denial"
            elif source is None or not (culprit.pos_ == "PRON" and culprit.lower_ in ("it", "we", "i")):
                ctype, target = "accusation", party(doc, *phrase(culprit))
    c = make_draft(doc, ctype, token_cue(doc, tok), rng, source, target, lex)
    if c and parts:  # both parts around the tag, each cut to the content
        frags = [(s, min(e, c.content[1])) for s, e in (tok_span(doc, *p) for p in parts)]
        c = replace(c, fragments=tuple(f for f in frags if f[0] < f[1]))
    if c:
        yield c


MAIN_VERB_COMPLEMENTS = CLAUSE | {"xcomp"}


def misread_main_verb(tok: Token, lex: Lexicon) -> bool:
    """"Sanders' campaign called AP's report a rush to judgment", "A poll found last week that Y":
    the parse made the sentence's one verb a participle on its subject, left as the root noun. A
    participle on the root noun that has an object, a clause or the preposition of its content ("called
    for") of its own is that main verb, not a name ("a website called Real News": a participle on an
    object, or with no complement)."""
    head = tok.head
    if not (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and head.dep_ == "ROOT" and head.pos_ in NOUN_POS
            and head.i < tok.i) or has_child(tok, {"agent", "auxpass"}):
        return False
    lemma = tok.lemma_.lower()
    preps = set(lex.prep_content.get(lemma, ()))
    # "tweeted X"; not "named X" (a role), "called a meeting" (a naming verb's bare object is no report)
    objects = OBJ if lemma in lex.object_cues and lemma not in lex.naming_cues else set()
    return any(c.dep_ in MAIN_VERB_COMPLEMENTS or c.dep_ in objects or c.dep_ == "prep" and c.lower_ in preps
               for c in tok.children if c.i > tok.i)


def state_participle(tok: Token, lex: Lexicon) -> bool:
    """"The inquiry is focused on X", "an ad focused on Y": the participle of a verb of attention
    with no agent of its own names what something is about, no act of speaking ("she focused on Y"
    still reports; PolNeAR train: 20 such predictions without a source, 1 annotated)."""
    return tok.lemma_.lower() in lex.state_participles and tok.tag_ == "VBN" and subject_of(tok)[0] != "active"


IDIOM_SUBJECTS = {"that", "this"}


def discourse_idiom(tok: Token) -> bool:
    """"That said, ...", "This said, ...": a clause-opening idiom of concession, not a report."""
    doc = tok.doc
    return (tok.lower_ == "said" and tok.i >= 1 and doc[tok.i - 1].lower_ in IDIOM_SUBJECTS
            and doc[tok.i - 1].i == tok.sent.start and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")


def speaking_xcomp(tok: Token, lex: Lexicon) -> bool:
    """"X seemed to mock Y", "X appeared to suggest that Y": the raising verb's infinitive is a cue,
    so its subject speaks (the writer only judges how it came across)."""
    return any(c.dep_ == "xcomp" and c.tag_ == "VB" and lex.kind(c) not in (None, "according") for c in tok.children)


def restrictive_seeming(tok: Token, subj: Token) -> bool:
    """"the positions that now seem moderate", "what seems a constant stream of drivel": a raising verb
    in a restrictive relative clause ("that") or a free relative ("what") picks out a thing by how it
    seems, the writer asserts nothing ("Hizbollah, which has lost ..., seems unlikely" still judges;
    PolNeAR train: 18 such predictions, 2 annotated)."""
    return (subj.lower_ == "that" and tok.dep_ == "relcl") or (subj.lower_ == "what" and tok.dep_ != "ROOT")


def seeking(tok: Token) -> bool:
    """"X looks to ease tensions", "The company is looking to expand": "look to" with an infinitive is to
    seek, the subject's own aim, not how something seems ("X looks to be tired" still seems; "is looking
    to be" is an aim again)."""
    return tok.lemma_.lower() == "look" and any(
        c.dep_ == "xcomp" and c.tag_ == "VB" and c.i > tok.i and (c.lemma_ != "be" or tok.tag_ == "VBG")
        and (has_child(c, {"aux"}) or tok.tag_ == "VBG") for c in tok.children)


SHARE_WORDS = {"percent", "%", "majority", "half", "third", "quarter", "plurality", "most", "share"}


def poll_source(doc: Doc, subj: Token, lex: Lexicon) -> Range | None:
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


# what "say" reports with a word that stands for a statement made before ("said so", "said the same",
# "said as much", "said the opposite", "said otherwise"); PolNeAR train annotates it as the content
PRO_STATEMENTS = {"so", "otherwise", "same", "opposite", "much"}
# what the pro-form says its statement is about: "said the same of Mr. Trump", "the same for Y", "the opposite about Y"
ABOUT_PREPS = {"of", "about", "on", "for"}


def pro_form_content(tok: Token) -> tuple[int, int] | None:
    """The token range of a pro-form that a say/tell cue reports after it: "so", "otherwise", "the
    same" or "the opposite" (with its "of"/"about" phrase), "as much"; the parser makes it an object,
    an adverb or even a subject ("said the same" parsed as nsubj), so the word's form decides."""
    if tok.lemma_.lower() not in SAY_TELL or tok.pos_ not in VERB_POS or has_child(tok, CLAUSE):
        return None
    for c in tok.children:
        word = c.lower_
        if c.i <= tok.i or word not in PRO_STATEMENTS or c.i - tok.i > 3:
            continue
        if word in ("same", "opposite"):
            if not any(d.lower_ == "the" for d in c.lefts):
                continue
            about = [p for p in (*c.rights, *tok.rights) if p.i == c.i + 1 and p.dep_ == "prep"
                     and p.lower_ in ABOUT_PREPS and child(p, POBJ) is not None]  # on the pro-form or the verb
            return c.left_edge.i, (about[0].right_edge.i if about else c.i) + 1
        if word == "much":
            if not (c.i > 0 and tok.doc[c.i - 1].lower_ == "as"):
                continue
            return c.i - 1, c.i + 1
        if c.dep_ == "advmod" and c.i == tok.i + 1:
            return c.i, c.i + 1  # "said so", "said otherwise" (not "said so far", which has no "so" adverb of its own)
    return None


STRAY_REACH = 12  # tokens between a say/tell verb and the "that" of a clause the parse hung on its object


def stray_that_clause(tok: Token) -> tuple[int, int] | None:
    """The token range of a that-clause that a say/tell verb with no clause of its own reports when the
    parse hung it on a noun of the verb's object or adjunct ("told a meeting of island leaders that few
    people understood ...", "told one of his proteges on a regular basis that ..."): the first verb
    after the cue whose "that" marks it, reached from the cue through nouns and prepositions only."""
    if tok.lemma_.lower() not in SAY_TELL or tok.pos_ not in VERB_POS or has_child(tok, CLAUSE):
        return None
    for t in tok.doc[tok.i + 1:min(tok.i + STRAY_REACH + 4, tok.sent.end)]:
        if t.pos_ not in VERB_POS or t.dep_ not in ("acl", "relcl"):
            continue
        mark = next((c for c in t.lefts if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is None or mark.i - tok.i > STRAY_REACH:
            continue
        up = t.head
        while up.i != tok.i and up.pos_ in NOUN_POS | {"ADP", "NUM", "PRON", "DET"} and up.i > tok.i:
            up = up.head
        return (mark.i, t.right_edge.i + 1) if up.i == tok.i else None
    return None


def participle_of_report(tok: Token, lex: Lexicon) -> bool:
    """A participle after a comma that the parser hung inside the content of an earlier report
    ("X said that Z had lied, adding ..."): it continues that report, whose speaker it shares."""
    head = tok.head
    return (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") and tok.i > 0 and tok.doc[tok.i - 1].text == ","
            and head.dep_ == "ccomp" and head.head.i < head.i and lex.kind(head.head) == "report")


def accusation(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[Draft]:
    """"X accused Y of Z", "X blamed Y for Z", "blamed Z on Y", "Y was accused (by X) of Z"."""
    voice, subj = subject_of(verb)
    source, target, at_object = source_of(verb), None, None
    made = made_noun(verb, lex) if voice == "passive" and subj is None else None
    if voice == "passive" and subj is not None and subj.dep_ not in EXPL:
        ruled = governed_party(subj, lex)  # "the junta in Mali was condemned": Mali
        target = party(doc, *phrase(ruled)) if ruled is not None else party(doc, *accused_np(subj))
        rng = charged_with(verb, None, lex) or right_object(verb) or (subj.left_edge.i, subj.right_edge.i + 1)
    elif made is not None:  # "a practice criticized by Miller": the practice
        target, rng = party(doc, *made), right_object(verb) or made
    else:
        obj = child(verb, OBJ) or phrasal_object(verb)
        # "blamed the attack on Y" (an "on" of the verb itself, not of "action on the bill")
        on = blamed_on(verb, obj, lex) if verb.lemma_.lower() == "blame" else None
        at = lex.accuse_frames.get(verb.lemma_.lower(), {}).get("prep")
        if obj is not None and obj.lower_ == lex.accuse_with.get(verb.lemma_.lower()):
            # "pointed the finger at Y", "took aim at Y", "laid the blame on Y": the word is no target
            obj, at = None, next((c.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on")
                                  and child(c, POBJ) is not None), None)
            if at is None:
                return  # "pointing a finger in the woman's face": a gesture
        if on is not None:
            target = party(doc, *phrase(on))
        elif obj is not None:
            # "criticised Trump's decision": Trump; "rebuked the administration of Governor Y": Y
            owner = governed_party(obj, lex) or possessor_party(obj, lex)
            target = party(doc, *phrase(owner)) if owner is not None else party(doc, *accused_np(obj))
        elif at:
            pobj = prep_object(verb, at)  # "lashed out at Y"
            target = party(doc, *accused_np(pobj)) if pobj is not None else None
            if pobj is not None:
                at_object = phrase(pobj)  # what was lashed out at is what the verb says of it
        comp = children(verb, CLAUSE)
        if comp and target is None:
            bad = wrongdoing_in(comp[-1], lex)
            subj2 = subject_of(comp[-1])[1]
            if subj2 is not None:
                target = party(doc, *phrase(bad[0] if bad else subj2))
        rng = content_of(verb, lex) if comp else at_object or charged_with(verb, obj, lex) or right_object(verb)
    if rng is None:
        return
    c = make_draft(doc, "accusation", token_cue(doc, verb), rng, source, target, lex)
    if c:
        yield c


def charged_with(verb: Token, obj: Token | None, lex: Lexicon) -> tuple[int, int] | None:
    """"prosecutors charged the officer with murder": a legal-sense verb's accused with its charge
    ("the officer with murder", as PolNeAR annotates it), not the setting after it ("on Tuesday");
    in the passive (no object) `charged_passive`; None when there is no "with" after it."""
    if lex.accuse_frames.get(verb.lemma_.lower(), {}).get("sense") != "legal":
        return None
    if obj is None:
        return charged_passive(verb)
    with_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > obj.i), None)
    return (obj.left_edge.i, with_.right_edge.i + 1) if with_ is not None else None


def charged_passive(verb: Token) -> tuple[int, int] | None:
    """"A 78-year-old man was charged with assault": the accused and the charge, which PolNeAR marks as
    two fragments; the longer of them (as for a split quotation), not the setting after the verb ("in
    1999", "on Monday"). None without a "with" or a passive subject."""
    with_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > verb.i), None)
    charge = next((c for c in with_.children if c.dep_ in POBJ | {"pcomp"}), None) if with_ is not None else None
    accused = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if charge is None or accused is None:
        return None
    parts = [(charge.left_edge.i, charge.right_edge.i + 1)]
    if accused.lower_ not in REL_PRON:
        parts.append(phrase(accused))
    return max(parts, key=lambda r: chars(verb.doc, *r))


def phrasal_object(verb: Token) -> Token | None:
    """"called out Brightline Media": the object of a verb with its particle, which the parser may
    label a predicate (oprd)."""
    return child(verb, {"oprd"}) if has_child(verb, {"prt"}) else None


def blamed_on(verb: Token, obj: Token | None, lex: Lexicon) -> Token | None:
    """The culprit of "blamed Z on Y" (none when the object is a party: it is the one blamed): the
    "on" of the verb after it, never a date ("On Tuesday X blamed Y for Z", "blamed Y on Monday for
    Z"), or of the object when the parse hangs it there ("blamed police shootings on bias", "blaming
    X's decline in the polls on the media": the bias and the media are blamed, not the police or X)."""
    if obj is not None and is_party(obj, lex):
        return None  # "blamed local officials on Twitter", "blamed Smith on Tuesday": the officials, Smith
    on = next((p for p in (child(c, POBJ) for c in verb.children
                           if c.dep_ == "prep" and c.lower_ == "on" and c.i > verb.i)
               if p is not None and p.ent_type_ not in TIME_ENTS), None)
    if on is not None or obj is None:
        return on
    return next((child(t, POBJ) for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "on" and t.head.pos_ == "NOUN"
                 and not is_party(t.head, lex)), None)


def claim_accuser(doc: Doc, noun: Token, verb: Token, lex: Lexicon) -> Range | None:
    """Who made the claim a denial denies: the owner or maker of a claim noun ("Y's accusations",
    "an accusation from Y"), or for "these accusations" the accuser of the sentences before; else None."""
    if noun.lemma_.lower() not in lex.claim_nouns:
        return None
    accuser = accusation_party(noun) if lex.claim_nouns[noun.lemma_.lower()] == "accusation" \
        else claim_noun_parties(noun) or named_maker(noun)
    if accuser is None and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in noun.children):
        accuser = previous_accuser(verb, lex)  # "A accused B of C. B rejected these accusations."
    return party(doc, *party_np(accuser)) if accuser is not None else None


def denial(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[Draft]:
    """"X denied (that) Y", "X rejected Y's accusations" (target Y), "something they deny"."""
    source, target, rng = source_of(verb), None, None
    comp = children(verb, CLAUSE)
    obj = child(verb, OBJ)
    if not denying_sense(verb, obj, lex):
        return
    if obj is not None and obj.lower_ in REL_PRON and verb.dep_ == "relcl":
        obj = None  # "something which they deny": the denied thing is what "something" stands for
    gerund = next((c for c in verb.children if c.dep_ in ("xcomp", "pcomp") and c.i > verb.i
                   and doc[c.left_edge.i].tag_ == "VBG"), None)
    voice, subj = subject_of(verb)
    if comp:
        rng = comp[-1].left_edge.i, comp[-1].right_edge.i + 1
    elif gerund is not None and obj is None:
        rng = gerund.left_edge.i, gerund.right_edge.i + 1  # "denied having met him"
    elif voice == "passive" and obj is None and subj is not None and subj.dep_ not in EXPL \
            and subj.lower_ not in REL_PRON and has_child(verb, {"agent"}):
        rng = subj.left_edge.i, subj.right_edge.i + 1  # "the claims were denied by X"
        target = claim_accuser(doc, subj, verb, lex)  # "an accusation from Y ... was dismissed by X": Y
    elif obj is not None:
        rng = obj.left_edge.i, as_predicate_end(verb, obj.right_edge.i + 1)  # "dismissed it as a stunt"
        target = claim_accuser(doc, obj, verb, lex)  # "denied Y's accusations / claims": Y
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
    c = make_draft(doc, "denial", token_cue(doc, verb), rng, source, target, lex)
    if c:
        yield c


ANAPHORIC_DETS = {"these", "those", "the", "such", "this", "that"}


def previous_accuser(verb: Token, lex: Lexicon) -> Token | None:
    """The subject of the one accusation verb before the denial, in its sentence or the sentence
    before ("these accusations" answers it); None when there is none or more than one."""
    sent = verb.sent
    start = sent.start
    if start > 0:
        start = verb.doc[start - 1].sent.start
    found = [t for t in verb.doc[start:verb.i] if lex.kind(t) == "accuse" and subject_of(t)[0] == "active"]
    if len(found) != 1:
        return None
    subj = subject_of(found[0])[1]
    return subj if subj is not None and subj.lower_ not in REL_PRON else None


def attribution(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[Draft]:
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
        if not is_party(pobj, lex):
            return  # "attributed the rally to the court's ruling": a cause, not an actor
        target = party(doc, *phrase(pobj))
        rng = thing.left_edge.i, min([thing.right_edge.i + 1] + [c.i for c in thing.children
                                                                if c.i > thing.i and c.dep_ == "prep"])
    c = make_draft(doc, "attribution", token_cue(doc, verb), rng, source_of(verb), target, lex)
    if c:
        yield c


