"""Content spans for news_claims: what a cue reports, as a token range (the clausal complement, the
clause a post-posed cue hangs on, an object with what is said of it, "according to X, Y"), cut before
clauses and asides that are not part of what was said."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .sources import name_after_quote, speaker_clause
from .spans import QUOTE_CHARS, chars, text_of
from .tags import two_parts
from .syntax import (
    ANY_SUBJ,
    APPOS_OPENERS,
    CLAUSE,
    INVERTED,
    OBJ,
    OBJECT_PREDICATE,
    PASS_SUBJ,
    POBJ,
    PREP_OBJ,
    REL_PRON,
    SUBJ,
    TIME_ENTS,
    VERB_POS,
    child,
    children,
    has_child,
)

POSTPOSED_MARKS = {",", "\u201d", '"', "\u2014", "\u2013", "--"}  # "Y, X said" / "“Y” X said"
ASIDE_OPENERS = {"although", "though", "but", "while", "whereas", "-", "\u2014", "\u2013", "--"}
CONTRAST = {"but", ";", "while", "whereas", "although", "though", "yet"}
SETTING_ADVERBS = {"where", "when"}  # "a story he wrote where ...": the setting of a work, not its words
# verbs of phase that say when someone spoke, not what: "continued to push for X" reports X
ASPECTUAL = {"continue", "begin", "start", "keep", "resume"}
# verbs whose object names the act or attitude ("expressed concern", "showed no sign", "issued a
# statement"): what is said is that object's complement
LIGHT_VERBS = {"express", "voice", "show", "signal", "issue", "release"}
# ... and those whose object is an attitude ("expressed concern about X"): what it is about is said;
# after the others only a negated noun says so ("showed no sign of backing down"), their plain
# object is a thing shown ("showed a lead for the senator")
ATTITUDE_VERBS = {"express", "voice"}
SETTING_PREPS = {"at", "in", "on", "during", "after", "before", "throughout", "since", "amid", "following"}
CONDITION_MARKS = {"if", "unless"}
ADDRESSEE_PREPS = {"on", "upon"}  # "called on X to act": X is asked
# verbs whose "for" names who is to act: "called for a special prosecutor to oversee it" (not "asked
# for $1.9 billion to fight Zika", "decided for the moment to ...": a purpose, a time)
FOR_ADDRESSEE_VERBS = {"call", "push", "press", "lobby", "campaign", "appeal"}
CLAUSE_TAGS = {"VB", "VBP", "VBZ", "VBD"}  # a finite or bare verb heading a reported clause
NOUN_COMPLEMENT_PREPS = {"about", "of", "over"}  # not "for": "support for X" is annotated whole as often as not


def cut_conjoined_cues(head: Token, end: int, lex: Lexicon) -> int:
    """End a that-clause before a clause that is not part of what was said: a conjoined report
    with its own subject ("X said A and it is reported B"), a participial report ("..., calling B"),
    or a contrast with its own subject ("A, but for Republicans it is B"); a contrast that shares the
    subject stays ("she wanted change, but found him too objectionable")."""
    doc = head.doc
    for c in head.children:
        if c.i <= head.i or c.dep_ not in ("conj", "advcl"):
            continue
        own_subj = has_child(c, ANY_SUBJ)
        left = c.left_edge.i
        while left > head.i and doc[left - 1].dep_ in ("cc", "punct"):
            left -= 1
        contrast = any(doc[k].lower_ in CONTRAST for k in range(left, c.left_edge.i + 1))
        if c.dep_ == "conj" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            continue  # "said A but that B": a second that-clause of the same cue
        if (c.dep_ == "conj" and own_subj and (lex.kind(c) or contrast)) or (
                c.dep_ == "advcl" and c.tag_ == "VBG" and lex.kind(c)):
            return min(end, left)
    return end


def cut_cue_conjunct(verb: Token, head: Token, end: int, lex: Lexicon) -> int:
    """End a that-clause or infinitive before a verb the parse conjoined inside it that shares the
    cue's subject and tense: a report verb ("she said it was too early but added ...", "said A and
    called him B"), or, in an infinitive, any verb in the cue's form ("called on them to act and
    proposed a plan", "urging voters to stay and promising help"): the subject's next act, not
    what was said. In a that-clause such a verb is the clause's own more often than not ("said it
    had set up an event and represented its largest effort": measured on PolNeAR)."""
    doc = verb.doc
    infinitive = head.dep_ in ("xcomp", "oprd") and head.tag_ == "VB"
    for tok in doc[head.i + 1:end]:
        if tok.dep_ == "conj" and tok.tag_ == verb.tag_ and not has_child(tok, ANY_SUBJ) and (
                lex.kind(tok) == "report" or infinitive and tok.head.tag_ != tok.tag_):
            left = tok.left_edge.i
            while left > head.i and doc[left - 1].dep_ in ("cc", "punct"):
                left -= 1
            if left > head.i:
                return left
    return end


def content_of(verb: Token, lex: Lexicon, depth: int = 0) -> tuple[int, int] | None:
    """Token range of what is reported: the clausal complement, the clause a post-posed cue
    hangs on ("Y, X said"), an object with its infinitive ("urged owners to patch") or predicate
    ("called him a liar"), the object of "call for"/"ask about", or the object of a cue that takes
    a nominal content ("criticized the plan"). Nothing after a cue that follows a quotation and
    precedes its speaker's name ("“Y,” said Tom Baker, half joking"): the parse made the name a
    subject of the words after it, and what was said is the quotation."""
    rng = _content_of(verb, lex, depth)
    if rng is not None and rng[0] > verb.i and name_after_quote(verb) is not None:
        return None
    if rng is not None and rng[0] > verb.i:
        return rng[0], second_that_end(verb, condition_end(verb, complement_end(verb, rng[1])))
    return rng if rng is not None else paragraph_after(verb)


# the words a cue may end its line with before the colon that opens the paragraph it reports
# ("Limbaugh added:", "Soerens argued that:", "tweeting the following:")
COLON_LEAD_WORDS = {"that", "this", "the", "following", "as", "follows"}
CLAUSE_HEADS = {"ROOT", "conj", "advcl", "parataxis", "acl", "relcl", "xcomp"}


def paragraph_after(verb: Token) -> tuple[int, int] | None:
    """What a cue that ends its line with a colon reports when it has no content of its own ("The
    governor added:\n\nIt's typical of her. She knows nothing ..."): the next paragraph, set off as
    a block. Not a quotation there (attach.py gives that to the cue with its marks), nor a line of
    one or two words, nor markup ("<tweet ...>"), nor a word the parse made a noun's ("breaks WTO rules:")."""
    doc = verb.doc
    if verb.dep_ not in CLAUSE_HEADS or has_child(verb, PASS_SUBJ):
        return None  # nor a clause another cue reports ("pointed out that issues were ignored:"), nor a passive
    k = verb.i + 1
    while k < len(doc) and k - verb.i <= 3 and doc[k].lower_ in COLON_LEAD_WORDS:
        k += 1
    if k >= len(doc) or doc[k].text != ":":
        return None
    text = text_of(doc)
    pos = doc[k].idx + 1
    rest = text[pos:pos + 200]
    gap = len(rest) - len(rest.lstrip())
    if "\n" not in rest[:gap]:
        return None
    start = pos + gap
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if start >= len(text) or text[start] in QUOTE_CHARS or text[start] == "<":
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or sum(not t.is_punct for t in span) < 3:
        return None
    return span.start, span.end


def complement_end(verb: Token, end: int) -> int:
    """The end of a content taken over the participle the parse hung on the cue though it says what
    the noun right before it does, with no comma between ("bragged about her father teaching her to
    shoot", "recalled her days advising the president"): a participle with no subject of its own that
    starts where the content ends belongs to it. Not an infinitive there: as often the purpose of the
    act ("highlighted the killings to give context") as the noun's complement ("resisted calls to
    drop out"); measured on PolNeAR, it gains on train and loses on dev."""
    doc = verb.doc
    if end >= len(doc) or doc[end].is_punct or doc[end - 1].is_punct:
        return end
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == end and not has_child(c, ANY_SUBJ | {"mark"}):
            return c.right_edge.i + 1
    return end


def second_that_end(verb: Token, end: int) -> int:
    """The end of a content taken over a second that-clause the parse conjoined to the cue itself
    right after it ("said the deal was a start, but that more work was needed"): the same cue
    reports both clauses (cut_conjoined_cues keeps such a clause when the parse hung it inside the
    first)."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "conj" or c.i < end or not any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            continue
        if all(doc[k].dep_ in ("cc", "punct") for k in range(end, c.left_edge.i)):
            return c.right_edge.i + 1
    return end


def condition_end(verb: Token, end: int) -> int:
    """The end of a content taken over the condition the parse hung on the cue right after it
    ("vowed to impose a tariff unless the company cancels the plant", "promised reform if they win"):
    what was vowed holds only on that condition, so it is part of what was said."""
    doc = verb.doc
    start = end + 1 if end < len(doc) and doc[end].text == "," else end
    for c in verb.children:
        if c.dep_ == "advcl" and c.left_edge.i == start and doc[start].lower_ in CONDITION_MARKS \
                and doc[start].head.i == c.i:
            return c.right_edge.i + 1
    return end


def _content_of(verb: Token, lex: Lexicon, depth: int = 0) -> tuple[int, int] | None:
    if verb.lemma_.lower() in lex.as_cues:
        return object_as(verb)  # "see": only "sees X as Y" reports a view
    late = postposed_subject(verb)
    if late is not None:
        return verb.sent.start, verb.i - 1  # "Y, said X" parsed with Y's head as a second subject
    if stranded_owner(verb, lex) is not None:
        return None  # "an interview that aired Monday that he ...": the clause is the outer cue's
    taken = speaker_clause(verb)
    own = children(verb, CLAUSE)
    comp = ([c for c in own if taken is None or c.i != taken.i] if own  # not "said the woman, who asked ..."
            else [c for c in (stranded_clause(verb),) if c is not None])
    if comp and comp[-1].i < verb.i:
        quoted = quote_after(verb)
        if quoted is not None:
            return quoted  # "Exchange hack live: White House says ‘act now to patch’"
    if comp:
        comp, cut = coordinated_report(verb, comp, lex)
        c = comp[-1]
        opener = verb.doc[c.left_edge.i]
        if opener.lower_ in SETTING_ADVERBS and opener.dep_ == "advmod" and opener.head.i == c.i \
                and verb.dep_ in ("relcl", "acl") and any(t.dep_ in SUBJ and t.lower_ not in REL_PRON for t in verb.children):
            # "the story he wrote where X cheats" (the story is what he wrote): where it happens, not
            # what was said; "results that show where the support came from" report it
            return None
        end = cut_conjoined_cues(c, min(c.right_edge.i + 1, cut), lex)
        start = split_subject_clause(verb, comp)
        if start is None:
            start = glued_clause(verb, comp)
        if start is None:
            start = object_subject(verb, c)
        if start is None:
            start = after_time_adjunct(verb, c)
        return start, cut_cue_conjunct(verb, c, end, lex)
    question = asked_question(verb)
    if question is not None:
        return question
    own_subj = has_child(verb, SUBJ | PASS_SUBJ)
    # "A, and X urged the council to pay" reports its own object, not the clause before
    takes_own = any(c.i > verb.i and c.dep_ in ("xcomp", "oprd", *OBJ) for c in verb.children)
    if (verb.dep_ in INVERTED and verb.head.i < verb.i and verb.head.pos_ in VERB_POS and own_subj
            and verb.tag_ != "VBG" and not takes_own):
        head = verb.head
        end = verb.left_edge.i
        start = head.left_edge.i
        if end - start >= 2 and verb.doc[end - 1].text in POSTPOSED_MARKS:
            return start, end
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i > verb.i and own_subj \
            and verb.head.pos_ in VERB_POS and verb.left_edge.i > verb.head.left_edge.i:
        # "Mr. Obama, officials said, has become ...": the reported clause around a parenthetical cue;
        # its longer part, before or after the cue
        doc, lb, rb = verb.doc, verb.left_edge.i, verb.right_edge.i
        left_end = lb if doc[lb].text == "," else lb - 1 if doc[lb - 1].text == "," else None
        start = rb + 1 if doc[rb].text == "," else rb + 2 if rb + 1 < len(doc) and doc[rb + 1].text == "," else None
        end = verb.head.right_edge.i + 1
        if left_end is not None and start is not None and end - start >= 2:
            head = verb.head
            first = head.left_edge.i
            while first < left_end and doc[first].head.i == head.i and doc[first].dep_ in ("cc", "punct"):
                first += 1  # "But the weapons, he added, are ...": not the link to the sentence before
            subject_before = any(c.dep_ in SUBJ | PASS_SUBJ and first <= c.i < left_end for c in head.children)
            after = doc[start:end]
            if subject_before and left_end - first >= 2 and chars(doc, first, left_end) > chars(doc, start, end) \
                    and not any(t.text in QUOTE_CHARS for t in after):  # a quotation after it is what was said
                return first, left_end
            return start, end
    obj = next((c for c in verb.children if c.dep_ in OBJ and c.i > verb.i), None)
    xcomp = [c for c in verb.children if c.dep_ in ("xcomp", "oprd") and c.i > verb.i]
    if xcomp:
        obj = obj or addressee(verb, xcomp[0])
        inner = inner_report(verb, xcomp[0], obj, lex, depth)
        if inner is not None:
            return inner
        if lemma in ASPECTUAL and obj is None and (
                xcomp[0].tag_ in ("VB", "VBN") and has_child(xcomp[0], {"aux"})
                or xcomp[0].tag_ == "VBG" and lex.kind(xcomp[0]) is None):
            # "continued to stay away", "continues to be plagued by", "continued campaigning": what went
            # on is done, not said (its cue, if any, reports: "continued delivering his speech")
            return None
        start = obj.left_edge.i if obj is not None and obj.i < xcomp[0].i else xcomp[0].left_edge.i
        end = adjacent_end(xcomp)
        if xcomp[0].dep_ == "oprd" and lemma in lex.naming_cues:
            end = name_prep_end(verb, end)
        return start, cut_cue_conjunct(verb, xcomp[0], end, lex)
    lemma = verb.lemma_.lower()
    made_known = reported_by(verb, lex)
    if made_known is not None:
        return made_known
    preps = lex.prep_content.get(lemma)
    if preps:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i:
                pobj = child(c, PREP_OBJ)
                if pobj is not None:
                    return pobj.left_edge.i, as_predicate_end(verb, pobj.right_edge.i + 1)
            if c.dep_ == "advcl" and c.i > verb.i:
                mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ in preps and g.i == verb.i + 1), None)
                if mark is not None:  # "called for the wage to be raised": "for" parsed as the clause's mark
                    return mark.i + 1, c.right_edge.i + 1
    objs = [c for c in verb.children if c.dep_ in OBJ and c.i > verb.i]
    if len(objs) >= 2 and lemma in lex.naming_cues:
        return objs[0].left_edge.i, objs[-1].right_edge.i + 1  # "called Horgos “a mistake”": two objects
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.lower_ in ("yes", "no") and nxt.head.i == verb.i and nxt.dep_ != "neg":
        return nxt.i, nxt.i + 1  # "46 percent said yes"
    if obj is not None and lemma in lex.object_cues:
        told = noun_complement(obj, lex, depth) if lemma in LIGHT_VERBS else None
        if told is not None:
            return told  # "expressed concern that X": X
        # "described him as a liar", "blasted Clinton for ...": the object with what the verb says of it
        end = max([obj.right_edge.i] + [c.right_edge.i for c in verb.children
                                         if c.i > obj.i and c.dep_ in OBJECT_PREDICATE and not setting(c)]) + 1
        return obj.left_edge.i, as_predicate_end(verb, end)
    return None


def stranded_clause(verb: Token) -> Token | None:
    """"told reporters in an interview that aired Monday that he ...", "said in a statement released
    on Sunday that ...": the that-clause the parse hung on the relative clause or participle of the
    cue's setting ("in an interview"); it is what the cue reports. Not when the relative clause has a
    speaker of its own ("in a speech where he argued that ...": he argued it)."""
    for prep in verb.children:
        pobj = child(prep, POBJ) if prep.dep_ == "prep" and prep.i > verb.i and prep.lower_ in SETTING_PREPS else None
        for rel in (pobj.children if pobj is not None else ()):
            if rel.dep_ not in ("relcl", "acl") or rel.i < pobj.i or any(
                    c.dep_ in SUBJ and c.lower_ not in REL_PRON for c in rel.children):
                continue
            for comp in rel.children:
                if comp.dep_ == "ccomp" and comp.i > rel.i and comp.left_edge.i > rel.i \
                        and verb.doc[comp.left_edge.i].lower_ == "that":
                    return comp
    return None


def stranded_owner(verb: Token, lex: Lexicon) -> Token | None:
    """The cue whose clause the parse hung on this relative clause of its setting (stranded_clause)."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.dep_ != "pobj" or verb.head.head.dep_ != "prep":
        return None
    outer = verb.head.head.head
    if lex.kind(outer) is None or children(outer, CLAUSE):
        return None
    found = stranded_clause(outer)
    return outer if found is not None and found.head.i == verb.i else None


def adjacent_end(parts: list[Token]) -> int:
    """The end of a verb's infinitive or predicate taken over the ones that follow it without a
    gap: the parse may split a hyphened predicate into one oprd a piece ("called himself
    pro-choice") or make both the object and the predicate oprds ("called Smith a liar"); one after
    a comma is an apposition ("what she called a “rant,” a series of posts")."""
    doc, end = parts[0].doc, parts[0].right_edge.i + 1
    for c in parts[1:]:
        joint = doc[c.left_edge.i]
        if c.left_edge.i == end and not (joint.is_punct and joint.text != "-"):
            end = c.right_edge.i + 1
    return end


def name_prep_end(verb: Token, end: int) -> int:
    """"called him a master of the old school", "called it a risk to safety": the preposition
    the parse hung on the verb right after the name it gives belongs to the name; not where or when
    it was said ("in a tweet", "after the debate")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.left_edge.i == end and not setting(c) and any(g.dep_ != "punct" for g in c.children):
            end = c.right_edge.i + 1
    return end


def as_predicate_end(verb: Token, end: int) -> int:
    """The end of an object content taken over what the verb says it is ("referred to them as
    rapists", "described the city as beset by crime", "dismissed the idea as a stunt"): an "as" of
    the verb right after the object, a preposition with its object or a clause with no subject of
    its own; not "as well", nor "as he left" (the writer's when)."""
    doc = verb.doc
    if end >= len(doc) or doc[end].lower_ != "as":
        return end
    for c in verb.children:
        if c.left_edge.i != end:
            continue
        if (c.dep_ == "prep" and any(g.dep_ != "punct" for g in c.children)) or (
                c.dep_ == "advcl" and doc[end].head.i == c.i and not has_child(c, ANY_SUBJ)):
            return c.right_edge.i + 1
    return end


def addressee(verb: Token, xcomp: Token) -> Token | None:
    """The one called on to act in "called on the governor to resign", "calling upon lawmakers to
    pass it": the object of an "on"/"upon" between the verb and its infinitive, which is part of
    what is said (who is to do it), as a direct object is in "urged him to resign"; the parse makes
    that "on" a preposition or a particle."""
    for c in verb.children:
        if c.dep_ in ("prep", "prt") and verb.i < c.i < xcomp.i and (
                c.lower_ in ADDRESSEE_PREPS or c.lower_ == "for" and verb.lemma_.lower() in FOR_ADDRESSEE_VERBS):
            pobj = child(c, PREP_OBJ)
            if pobj is not None and pobj.right_edge.i < xcomp.i and pobj.ent_type_ not in TIME_ENTS:
                return pobj
    return None


# verbs of making known whose passive subject is what was made known ("The meeting was first
# reported by Politico"); besides them only the verbs whose content is their object (`object_cues`:
# "the plan was endorsed by X"); a passive of the others names who was praised, asked or quoted
DISCLOSURE_VERBS = {"report", "reveal", "disclose", "announce", "confirm", "publish", "leak"}


def reported_by(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """"The meeting was first reported by Politico", "The plan was endorsed by the mayor", "a
    practice criticized by Miller", "The bill, opposed by House Republicans, ...": the passive subject
    of a verb of making known, or of one whose content is its object, with a "by" agent, or the noun
    its participle hangs on (without the participle); the agent is its speaker (sources.source_of)."""
    lemma = verb.lemma_.lower()
    if lemma not in DISCLOSURE_VERBS and lemma not in lex.object_cues or not has_child(verb, {"agent"}) \
            or has_child(verb, OBJ) or as_of(verb) is not None:
        return None
    subj = next((c for c in verb.children if c.dep_ in PASS_SUBJ), None)
    if subj is not None and subj.lower_ not in REL_PRON and subj.i < verb.i:
        return subj.left_edge.i, subj.right_edge.i + 1
    return made_noun(verb, lex)


def made_noun(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The noun a reduced passive participle with a "by" agent says something of ("a practice
    criticized by Miller", "the bill, opposed by Democrats"), cut before the participle, when the
    verb's content is its object (`object_cues`); None otherwise."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i \
            or noun.dep_ in PREP_OBJ or verb.lemma_.lower() not in lex.object_cues \
            or not has_child(verb, {"agent"}) or has_child(verb, OBJ) or as_of(verb) is not None:
        return None  # not "according to polls reported by CNN", "in a video posted by X": the document speaks
    made = noun.left_edge.i, min(noun.right_edge.i + 1, verb.left_edge.i)
    clause = noun.head
    if verb.lemma_.lower() in DISCLOSURE_VERBS and noun.dep_ in SUBJ and clause.pos_ in VERB_POS and clause.i > verb.i:
        # "Starr's remarks, first reported by The Times, suggested regret": what was reported of them
        doc = verb.doc
        stop = clause.right_edge.i + 1
        while stop > clause.i and doc[stop - 1].is_punct:
            stop -= 1
        start = verb.right_edge.i + 1
        while start < clause.i and doc[start].is_punct:
            start += 1
        whole, _parts = two_parts(doc, made, (start, stop))
        return whole
    return made


def as_of(verb: Token) -> Token | None:
    """The "as" after a verb, its own or its agent's, where the parse may hang it ("seen by some as a
    demotion", "remembered by historians as a champion"), with an object: what the subject is seen as."""
    agent = child(verb, {"agent"})
    by = child(agent, PREP_OBJ) if agent is not None else None
    near = list(verb.children) + (list(by.children) if by is not None else [])
    return next((c for c in near if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i
                 and child(c, PREP_OBJ) is not None), None)


QUESTION_VERBS = {"ask", "wonder"}
QUESTION_MARKS = {"if", "whether"}


def asked_question(verb: Token) -> tuple[int, int] | None:
    """"asked the students if they were serious", "Asked whether he would run, ...": the if- or
    whether-clause of a verb of asking, which the parse hangs on it as an adverbial clause."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and c.pos_ in VERB_POS:
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in QUESTION_MARKS), None)
            if mark is not None and mark.i == c.left_edge.i:
                return mark.i, c.right_edge.i + 1
    return None


def coordinated_report(verb: Token, comp: list[Token], lex: Lexicon) -> tuple[list[Token], int]:
    """The clauses of a cue without the last when that one is a report of its own that the parse
    hung on the cue ("voters said the mayor is honest, and a third said the same of the governor":
    the second "said" as a clause of the first), with where the content must end: before that report
    and the conjunction. The report makes its own claim."""
    doc = verb.doc
    last = comp[-1]
    if len(comp) < 2 or comp[-2].i <= verb.i or lex.kind(last) != "report" or not has_child(last, SUBJ):
        return comp, len(doc)
    left = last.left_edge.i
    k = left - 1
    while k > comp[-2].i and doc[k].dep_ == "punct":
        k -= 1
    if doc[k].dep_ != "cc" or last.i < comp[-2].right_edge.i:
        return comp, len(doc)  # ", and three-quarters said": the conjunction right before the report
    while left > comp[-2].i and doc[left - 1].dep_ in ("cc", "punct"):
        left -= 1
    return comp[:-1], left


def split_subject_clause(verb: Token, comp: list[Token]) -> int | None:
    """Where a reported clause starts that the parse split in two: "said the Iranians released by
    the United States were close to ...", "said a plan he drafted was enough": the subject with its
    reduced relative clause made a clause of its own (the first), and the predicate a second clause
    with no subject; what was said runs from the first over the second. None when the cue has no
    such pair."""
    if len(comp) < 2:
        return None
    first, last = comp[-2], comp[-1]
    if first.i <= verb.i or has_child(last, ANY_SUBJ) or first.right_edge.i + 1 != last.left_edge.i \
            or any(c.dep_ == "mark" for c in last.children) or not has_child(first, ANY_SUBJ) \
            or first.tag_ not in ("VBN", "VBD", "VBG") or last.i <= first.i \
            or any(t.dep_ == "cc" for t in verb.doc[first.i:last.left_edge.i]):
        return None  # "said they're convinced X did it and Democrats accused ...": two clauses of their own
    return first.left_edge.i


def glued_clause(verb: Token, comp: list[Token]) -> int | None:
    """Where a reported clause starts that the parse split into two clauses of the cue with nothing
    between them ("suggests the government understands it needs a plan in case | its partner were to
    turn hostile", "said her proposals were more detailed and | would not blow open a hole"): at the
    first. Not with punctuation between them ("said A, B": two things said, the last the content)."""
    if len(comp) < 2:
        return None
    first, last = comp[-2], comp[-1]
    if first.i <= verb.i or first.right_edge.i + 1 != last.left_edge.i or verb.doc[last.left_edge.i].is_punct:
        return None
    return first.left_edge.i


def object_subject(verb: Token, clause: Token) -> int | None:
    """Where a subjectless clause starts whose subject the parse made the cue's object ("is
    demanding President Obama make a pledge", "They state their goal is to expand ...", "a poll
    showed a majority of voters say ..."): at that object. None when no object stands right before
    the clause, or the clause has a subject or a "that" of its own ("told the President that ...
    “come and take it”": the object is who was told)."""
    if clause.tag_ not in CLAUSE_TAGS or has_child(clause, ANY_SUBJ | {"mark"}) or clause.i <= verb.i:
        return None
    obj = next((c for c in verb.children if c.dep_ in OBJ and verb.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i + 1 != clause.left_edge.i:
        return None
    return obj.left_edge.i


def after_time_adjunct(verb: Token, clause: Token) -> int:
    """Where a reported clause with no "that" starts: after a time phrase the parse hung on the clause
    though it says when the cue was spoken ("told reporters on Thursday he was ready", "said this
    week the plan had failed"): a date or time right after the cue or its object, before the clause's
    subject, with no comma after it. A clause with its "that" starts there when the parse hung a
    comma-enclosed aside of the cue before it ("said, when asked about the tax, that it was unfair")."""
    doc = clause.doc
    start = clause.left_edge.i
    that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if that is not None and verb.i < start < that.i and doc[that.i - 1].text == ",":
        return that.i  # "said, when asked about the tax, that it was unfair": before its "that", the cue's aside
    subj = next((c for c in clause.children if c.dep_ in ANY_SUBJ), None)
    if subj is None or start <= verb.i or any(c.dep_ == "mark" for c in clause.children):
        return start
    adj = next((c for c in clause.children if c.left_edge.i == start and c.i < subj.i), None)
    if adj is None or adj.dep_ not in ("prep", "npadvmod", "advmod") or adj.right_edge.i + 1 != subj.left_edge.i \
            or not any(t.ent_type_ in TIME_ENTS for t in adj.subtree):
        return start
    return subj.left_edge.i


def setting(prep: Token) -> bool:
    """A preposition that says where, when or in what the verb was done ("praised X at a rally",
    "thanked supporters in Ohio", "defended it during the debate"), not what it says of its object
    ("blasted X for lying", "described X as a liar")."""
    return prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS


def inner_report(verb: Token, xcomp: Token, obj: Token | None, lex: Lexicon, depth: int = 0) -> tuple[int, int] | None:
    """What an infinitive cue under a raising or phase verb reports: "seemed to mock his talk" ->
    his talk, "continued to push for X" -> X. Those verbs say how it looked or when it went on, not
    what was said; a verb of intent or refusal ("vowed to", "declined to comment") keeps its
    infinitive, which is what was vowed or declined (measured on PolNeAR train: taking the inner
    content there loses as many exact contents as it gains), and so does an infinitive after an
    object ("urged him to say ...")."""
    lemma = verb.lemma_.lower()
    if obj is not None or depth > 2 or not (lemma in lex.raising or lemma in ASPECTUAL) or xcomp.tag_ != "VB" \
            or not has_child(xcomp, {"aux"}) or lex.kind(xcomp) in (None, "according"):
        return None
    rng = content_of(xcomp, lex, depth + 1)
    return rng if rng is not None and rng[0] > xcomp.i else None


def noun_complement(noun: Token, lex: Lexicon, depth: int = 0) -> tuple[int, int] | None:
    """What an act or attitude noun says: its that-clause ("concern that X", "no sign that X"), the
    content of the report verb hung on it ("a statement saying X", "data that suggest X"), or the
    object of its preposition after an attitude verb or a negated noun ("expressed concern about
    X", "showed no sign of backing down")."""
    for c in noun.rights:
        if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in VERB_POS:
            if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) or (
                    c.dep_ == "ccomp" and has_child(c, ANY_SUBJ)):
                return c.left_edge.i, c.right_edge.i + 1
            if depth < 2 and lex.kind(c) == "report" and c.lemma_.lower() not in lex.ccomp_only:
                rng = content_of(c, lex, depth + 1)
                if rng is not None and rng[0] > c.i:
                    return rng
        elif c.dep_ == "prep" and c.lower_ in NOUN_COMPLEMENT_PREPS and c.i == noun.i + 1 and (
                noun.head.lemma_.lower() in ATTITUDE_VERBS or any(d.lower_ == "no" for d in noun.lefts)):
            pobj = child(c, PREP_OBJ)
            if pobj is not None:
                return pobj.left_edge.i, pobj.right_edge.i + 1
    return None


def postposed_subject(verb: Token) -> Token | None:
    """The speaker of "Y, said X" when the parse made the head of Y a subject of the cue too: the
    subject after the cue, or None."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ"):
        return None
    subjs = children(verb, SUBJ)
    if len(subjs) < 2 or subjs[0].i > verb.i or subjs[-1].i < verb.i or subjs[0].left_edge.i != verb.sent.start:
        return None
    return subjs[-1]


def quote_after(verb: Token) -> tuple[int, int] | None:
    """The quotation that opens right after the cue (after at most a colon or comma) and closes in
    the same sentence: what headlines quote ("X says ‘act now’"), whatever the parser made of it."""
    doc, i, end = verb.doc, verb.i + 1, verb.sent.end
    if i < end and doc[i].text in (":", ","):
        i += 1
    if i >= end or not (doc[i].is_quote and doc[i].is_left_punct):
        return None
    for j in range(i + 1, end):
        if doc[j].is_quote and doc[j].is_right_punct:
            return (i + 1, j) if j > i + 1 else None
    return None


def object_as(verb: Token) -> tuple[int, int] | None:
    """"sees the party as too weak", "viewed him as a threat": the object and what it is seen as."""
    obj = next((c for c in verb.children if c.dep_ in OBJ and c.i > verb.i), None)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and obj is not None and c.i > obj.i), None)
    if as_ is None:
        return None
    return obj.left_edge.i, as_.right_edge.i + 1


# verbs of regarding, whose passive with "as" says what its subject is taken for ("is widely seen
# as", "was described as"); with the others "as" says in what role ("was appointed as deputy",
# "is observed as a holiday", "revealed as part of"; measured on PolNeAR train: 7 of 25 annotated), and
# "known as" gives a name (tried in session 6: a sourceless "known as" is annotated less than half the time)
VIEW_VERBS = {"see", "regard", "view", "describe", "portray", "characterize", "depict", "perceive", "paint",
              "cast", "consider", "remember", "interpret", "identify", "single"}


def seen_as(verb: Token) -> tuple[int, int] | None:
    """"The union is widely regarded as one of the more liberal", "the change was seen by some as a
    demotion", "Low prices, seen as a boon for drivers, ...": a passive (or a reduced participle) with
    an "as" of its own says what its subject is taken for; the content is the subject (or the noun
    the participle hangs on) without its relative clauses, and what follows the verb from "as", the
    longer part alone when it holds a clear majority (tags.two_parts: the annotation gives the two
    as fragments)."""
    if verb.tag_ != "VBN" or has_child(verb, OBJ) or verb.lemma_.lower() not in VIEW_VERBS:
        return None
    as_ = as_of(verb)  # "seen by some as Y"
    if as_ is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in PASS_SUBJ and c.i < verb.i), None)
    noun = subj if subj is not None else verb.head
    if subj is None and not (verb.dep_ == "acl" and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i
                             and noun.dep_ not in PREP_OBJ and not has_child(verb, {"auxpass", "aux"})):
        return None
    end = noun.right_edge.i + 1 if subj is not None else verb.left_edge.i
    for c in noun.rights:
        if c.dep_ in ("relcl", "acl", "appos") or c.is_punct:
            end = min(end, c.left_edge.i)
    doc = verb.doc
    stop = max(as_.right_edge.i, verb.right_edge.i) + 1
    for c in verb.rights:
        if c.i > as_.i and (c.dep_ == "conj" and c.pos_ in VERB_POS or c.dep_ == "advcl" and has_child(c, ANY_SUBJ)):
            stop = min(stop, c.left_edge.i)  # not "... and has been a partner", "..., although that ..."
    while stop > as_.i + 1 and (doc[stop - 1].is_punct or doc[stop - 1].is_space or doc[stop - 1].dep_ == "cc"):
        stop -= 1
    if any(t.is_quote for t in doc[as_.i:stop]):
        return None  # quotations attach to their cue in attach.py
    whole, _ = two_parts(doc, (noun.left_edge.i, end), (as_.i, stop))
    return whole


def according_content(tok: Token) -> tuple[tuple[int, int], Token | None] | None:
    """"according to X, Y" / "Y, according to X": (content range, X)."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc):
        to = tok.doc[tok.i + 1]
    src = child(to, POBJ) if to is not None else None
    sent = tok.sent
    s, e = tok.left_edge.i, max(tok.right_edge.i, src.right_edge.i if src is not None else tok.i + 1) + 1
    before = s - sent.start >= sent.end - e
    if not before and s - sent.start >= 4:
        # "Y, according to X, although Z" / "Y, according to X - Z": what follows is the writer's aside
        k = e
        while k < sent.end and tok.doc[k].text == ",":
            k += 1
        after = tok.doc[k:sent.end]
        before = not len(after) or after[0].lower_ in ASIDE_OPENERS or not any(t.pos_ in VERB_POS for t in after)
    rng = (sent.start, s) if before else (e, sent.end)
    return (rng, src) if rng[1] - rng[0] >= 2 else None


def complete_conjunct(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """End a content that stops on a conjunction ("favor letting them stay and also", "had been
    taken over and") after the conjunct that follows it, wherever the parse hung that conjunct: what
    was said goes on past the "and". Not a conjunct with its own subject or cue ("..., and he noted
    that ...", "and that is something few would dispute"): the cuts before those are meant."""
    j = end - 1
    while j > start and doc[j].dep_ == "advmod" and doc[j].head.i > j:
        j -= 1  # "and also"
    if j <= start or doc[j].dep_ != "cc" or end >= doc[j].sent.end:
        return end
    conj = doc[end]
    while conj.head.i > j and conj.head.i != conj.i:
        conj = conj.head
    if conj.dep_ != "conj" or conj.i <= j or conj.left_edge.i < j or has_child(conj, ANY_SUBJ) or lex.kind(conj):
        return end
    return max(end, conj.right_edge.i + 1)


def names_the_noun(appos: Token) -> bool:
    """A trailing apposition that names the common noun before it ("his rival, Hillary Clinton", "the
    law, the Affordable Care Act"): part of what is said, not the writer's gloss on a name ("Mr.
    Smith, a Republican appointed by ...")."""
    return appos.pos_ == "PROPN" and appos.head.pos_ != "PROPN" and appos.doc[appos.left_edge.i].lower_ not in ("a", "an")


# the marks of a when or a contrast that an accusation's object does not hold ("accused each other of
# playing politics while doctors warned ...", "attacked X's personal life after Y accused him")
ACCUSATION_ASIDE_MARKS = {"after", "while", "before", "though", "although", "whereas", "until"}


def cut_trailing_aside(doc: Doc, start: int, end: int, lex: Lexicon, *, accusation: bool = False) -> int:
    """End a paraphrase before a trailing aside the writer adds: ", which ...", ", who ...",
    ", saying it was time", ", while ...", ", a proportion that ..." (a non-restrictive relative,
    a participle holding a cue verb, a contrast or an apposition running to the end). A participle
    of another verb says what the reported act led to or how it went ("it raised $21 million,
    bringing its total to $95 million"): part of what was said (measured on PolNeAR train, annotated
    so twice as often as not). With `accusation` (what an accusation verb says of its object) also a
    clause of when or contrast after it with a subject and verb of its own, comma or not
    (ACCUSATION_ASIDE_MARKS; not "while she was secretary of state", "while charging students": when
    or how the accused act was done; not one inside a quotation)."""
    if accusation:
        end = _accusation_aside_end(doc, start, end)
    for k in range(start + 2, end):
        tok = doc[k]
        if doc[k - 1].text != "," or tok.is_punct:
            continue
        head = tok.head
        clause = None
        if tok.lower_ in ("which", "who", "whom", "whose") and head.dep_ == "relcl":
            clause = head
        elif tok.tag_ == "VBG" and tok.dep_ in ("acl", "advcl") and tok.left_edge.i == k \
                and any(lex.kind(t) for t in tok.subtree):
            clause = tok
        elif tok.lower_ in ("while", "whereas") and tok.dep_ == "mark" and head.dep_ == "advcl":
            clause = head  # ", while about 4 in 10 want ...": the writer's contrast
        elif tok.dep_ in APPOS_OPENERS and head.dep_ == "appos" and head.left_edge.i == k \
                and not names_the_noun(head):
            clause = head  # ", a proportion that has risen": the writer's gloss
        if clause is not None and clause.right_edge.i >= end - 2 and (own_report_aside(clause, lex) or not any(
                QUOTE_CHARS & set(doc[j].text) for j in range(k, end))):
            return k - 1
    return end


def _accusation_aside_end(doc: Doc, start: int, end: int) -> int:
    open_quote = False
    for k in range(start, end):
        tok = doc[k]
        if tok.is_quote:
            open_quote = not open_quote
        if k == start or open_quote or tok.dep_ != "mark" or tok.lower_ not in ACCUSATION_ASIDE_MARKS or tok.left_edge.i != k:
            continue
        clause = tok.head
        if clause.dep_ == "advcl" and start <= clause.i < end and clause.lemma_ != "be" and has_child(clause, SUBJ):
            while k > start + 1 and (doc[k - 1].is_punct or doc[k - 1].is_space):
                k -= 1
            return k
    return end


def own_report_aside(clause: Token, lex: Lexicon) -> bool:
    """A trailing participle that is a report cue itself (", calling it “absurd”", ", claiming
    “he lied”"): a claim of its own, quotation and all, however many quotation marks it holds."""
    return clause.tag_ == "VBG" and lex.kind(clause) == "report"
