"""Reproach in a statement's content, for news_claims: "X said Y's move was illegal", "“These
rioters are criminals,” X said", "X called the settlements illegal", "X said it was an attempt to
mislead voters" make an accusation of the actor reproached (the predicate's subject, or the party
that owns the act: "Trump's request" -> Trump); "X said the allegations are not credible", "called
the inquiry a sham" and a denied wrongdoing ("we did nothing wrong", "we did not mislead anyone")
make a denial.

A stage after the structures (run by `find_drafts` on the resolved drafts): it only retypes a
statement that has a speaker, from its content's words (reproach.json), so it covers that-clauses,
quotations and quotations continued over sentences alike. Evidence must be clear: a word of
reproach as a predicate ("was illegal", "are criminals", "called it a sham"), as an act with its
named doer ("violations of international law by China"), or as a verb done by a party; never a
modifier ("illegal immigrants", "criminal charges"), a hypothetical ("would be improper", "if it
was illegal"), a question, an impersonal "it is illegal to ...", nor the speaker's own side ("we
were wrong")."""
from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .draft import Draft, Range
from .lexicon import Lexicon
from .senses import hypothetical, is_party, modal
from .sources import claim_noun_parties, party, party_actor, token_actor
from .spans import QUOTE_CHARS, having, memo, text_of, tokens
from .syntax import EXPL, NEG, OBJ, PASS_SUBJ, SUBJ, accused_np, agent_of, bare_appositive, child, subject_of

LOGGER = logging.getLogger(__name__)

PREDICATE = {"acomp", "attr", "oprd"}
NEGATORS = {"not", "n't", "never", "no"}
NOBODY = {"nothing", "nobody", "none", "neither"}
DOER_PREPS = {"of", "by"}
SPEAKER_PRONOUNS = {"i", "we", "it"}  # the speaker inside its own words ("it regrets", of a ministry)
DENIED_SUBJECTS = {"i", "we", "he", "she", "they"}  # who may be the speaker in a paraphrase of a denial


@dataclass(frozen=True)
class Reproach:
    """What a content says: `kind` "accusation" (of `reproached`, or of nobody named when None),
    "denial" (of wrongdoing by `reproached`, or by nobody: "nothing he did was a crime") or
    "rebuttal" (of the claim or proceeding `reproached`)."""

    kind: str
    word: Token
    reproached: Token | None = None


def retype_reproaches(doc: Doc, drafts: Iterable[Draft], lex: Lexicon) -> tuple[Draft, ...]:
    """The drafts with each statement whose content reproaches an actor made an accusation (target:
    the actor), and each whose content rebuts a claim or denies wrongdoing made a denial."""
    out = []
    drafts = tuple(drafts)
    typed = {(d.cue.token, d.type, d.target) for d in drafts if d.type != "statement"}
    for d in drafts:
        if d.type == "statement" and d.source is not None and lex.reproach and doc[d.cue.token].lower_ != "according":
            # ("according to X, Y": Y is the writer's report of facts, its words the writer's)
            found = reproach_in(doc, d, lex)
            if found is not None and (d.cue.token, *found) not in typed:
                # one cue makes one such claim: its that-clause and the quotation in it stay one accusation
                typed.add((d.cue.token, *found))
                d = replace(d, type=found[0], target=found[1])
        out.append(d)
    return tuple(out)


def reproach_in(doc: Doc, d: Draft, lex: Lexicon) -> tuple[str, Range | None] | None:
    """(type, target range) of a draft's content that reproaches or rebuts, or None."""
    cue = doc[d.cue.token]
    for span in content_spans(doc, d):
        found = reproach_in_span(doc, d, span, cue, lex)
        if found is not None:
            return found
    return None


def content_spans(doc: Doc, d: Draft) -> list:
    """The token spans of a draft's content: every fragment of a split or continued quotation
    (the content is only the longest), else the content."""
    spans = [doc.char_span(*rng, alignment_mode="expand") for rng in (d.fragments or (d.content,))]
    return [s for s in spans if s is not None and len(s)]


# the word lists each way of `reproach_of` starts from, by the form it reads: a token with none of
# them makes no reproach, and is not asked
LEMMA_LISTS = ("strong", "judgement", "fault_nouns", "predicate_nouns", "person_nouns", "called_nouns", "attempt_nouns",
               "doer_nouns",
               "punishment_verbs", "punishment_nouns", "promise_keeping", "promise_breaking", "censure_verbs", "verbs")
LOWER_LISTS = ("judgement", "rebuttal_negated", "proceeding_reproach")


def reproach_words(doc: Doc, lex: Lexicon) -> list[int]:
    """The tokens of the document `reproach_of` can find a reproach at, in order (found once a Doc)."""
    def find() -> list[int]:
        words = lex.reproach
        lemmas = {w for name in LEMMA_LISTS for w in words.get(name, ())} | set(lex.rebuttal_words) | set(lex.accuse_with)
        lowers = {w for name in LOWER_LISTS for w in words.get(name, ())} | set(lex.rebuttal_words) | NOBODY
        lowers |= {w.rsplit(" ", 1)[-1] for w in words.get("judgement", ())}  # phrase_of's "politically motivated"
        return [t.i for t in having(doc, lemma=lemmas, lower=lowers)]
    return memo(doc, "reproach words", find)


def reproach_in_span(doc: Doc, d: Draft, span, cue: Token, lex: Lexicon) -> tuple[str, Range | None] | None:
    at = reproach_words(doc, lex)
    toks = tokens(doc)
    for i in at[bisect_left(at, span.start):bisect_left(at, span.end)]:
        tok = toks[i]
        found = reproach_of(tok, cue, lex)
        if found is None or tok.sent.text.rstrip().endswith("?"):
            continue  # (no reproach in a question)
        if not asserted(found.word, span, lex):
            LOGGER.debug("reproach at %d inside a noun's modifier, not said: a statement", tok.idx)
            continue
        if found.kind == "rebuttal":  # "the allegations are not credible": the accuser, when named
            owner = claim_noun_parties(found.reproached) if found.reproached is not None else None
            owner = owner if owner is not None and is_party(owner, lex) else None  # not "today's"
            return "denial", party(doc, *accused_np(owner)) if owner is not None else None
        if found.kind == "accusation" and doubted(found.word, span, d, lex):
            LOGGER.debug("reproach at %d under a negation or a condition: a statement", tok.idx)
            continue
        target = found.reproached
        if found.kind == "denial":  # "we did nothing wrong", "my role was not improper", "X said it had done nothing wrong"
            if target is None or own_side(target, d, lex) or self_in_paraphrase(doc, d, target, lex):
                return "denial", None
            LOGGER.debug("wrongdoing of a third party denied at %d: a statement", tok.idx)
            continue
        if target is not None and own_side(target, d, lex):
            LOGGER.debug("reproach of the speaker's own side at %d: a statement", tok.idx)
            continue
        return "accusation", party(doc, *accused_np(target)) if target is not None else None
    return None


def reproach_of(tok: Token, cue: Token, lex: Lexicon) -> Reproach | None:
    """The reproach a content token makes, if any (the three ways of the module docstring)."""
    words = lex.reproach
    lemma = tok.lemma_.lower()
    if tok.pos_ == "ADJ" or tok.tag_ in ("VBN", "VBG"):
        if lemma in words.get("strong", ()) or lemma in words.get("judgement", ()) or phrase_of(tok) in words.get(
                "judgement", ()):
            found = predicate_reproach(tok, lex, strong=lemma in words.get("strong", ()))
            if found is not None:
                return found
        if tok.lower_ in words.get("rebuttal_negated", ()) and negated(tok):
            return predicate_reproach(tok, lex, strong=False, rebuttal_only=True)
    if tok.tag_ == "VBN" and tok.lower_ in lex.rebuttal_words:
        subj = child(tok, PASS_SUBJ)
        if subj is not None and is_claim(subj, lex) and not negated(tok):
            return Reproach("rebuttal", tok, subj)  # "the main allegation has been debunked"
    if tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and (tok.lower_ in lex.rebuttal_words or tok.lower_ in words.get(
            "proceeding_reproach", ())) and is_proceeding(tok.head, lex):
        return Reproach("rebuttal", tok, tok.head)  # "today's illegitimate proceedings", "this impeachment sham"
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and lemma in words.get("fault_nouns", ()) \
            and tok.head.lemma_.lower() in ("make", "commit"):
        subj = child(tok.head, SUBJ)
        if subj is not None and is_party(subj, lex) and subj.lower_ != "you" and not negated(tok.head):
            return Reproach("accusation", tok, subj)  # "the team made the mistake of hiding it"
    if tok.pos_ == "NOUN":
        if lemma in words.get("predicate_nouns", ()) or lemma in words.get("person_nouns", ()) \
                or lemma in lex.rebuttal_words or lemma in words.get("called_nouns", ()) and called_noun(tok, words):
            found = predicate_reproach(tok, lex, strong=lemma in words.get("predicate_nouns", ()))
            if found is not None:
                return found
        if lemma in words.get("attempt_nouns", ()) and tok.dep_ in PREDICATE and any(
                c.dep_ in ("acl", "relcl", "xcomp") and c.lemma_.lower() in words.get("verbs", ()) for c in tok.children):
            return predicate_reproach(tok, lex, strong=True)  # "It was an attempt to mislead voters"
        if lemma in words.get("doer_nouns", ()) and tok.dep_ not in PREDICATE:
            doer = named_doer(tok, lex)
            if doer is not None:
                return Reproach("accusation", tok, doer)  # "violations of international law by China"
    if tok.lower_ in NOBODY and tok.dep_ in OBJ and any(
            c.dep_ in ("amod", "advmod") and c.i == tok.i + 1 and c.lemma_.lower() in words.get("strong", set()) | words.get(
                "judgement", set()) | words.get("nothing_words", set()) for c in (*tok.children, *tok.head.children)):
        return Reproach("denial", tok, subject_of(tok.head)[1])  # "we did nothing wrong"
    if tok.pos_ == "VERB" and lemma in words.get("punishment_verbs", ()) and any(
            c.dep_ == "aux" and c.lower_ in words.get("demand_modals", ()) for c in tok.children):
        # "Rudolph should be disciplined", "the league must ban him": asking for a party's punishment
        voice, subj = subject_of(tok)
        punished = subj if voice == "passive" else child(tok, OBJ)
        if punished is not None and punished.dep_ not in EXPL and is_party(punished, lex) and not negated(tok):
            return Reproach("accusation", tok, punished)
    if tok.pos_ == "NOUN" and lemma in words.get("punishment_nouns", ()) \
            and cue.lemma_.lower() in words.get("demand_verbs", ()) and (cue.lemma_.lower() != "call" or any(
                c.dep_ == "prep" and c.lower_ == "for" for c in cue.children)):  # "called for", not "called it a sham"
        owner = next((c for c in tok.children if c.dep_ == "poss" and is_party(c, lex)), None) or next(
            (child(c, {"pobj"}) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
             and child(c, {"pobj"}) is not None and is_party(child(c, {"pobj"}), lex)), None)
        if owner is not None:
            return Reproach("accusation", tok, owner)  # "called for the resignation of the police chief"
    if tok.pos_ == "VERB" and (lemma in words.get("promise_keeping", ()) and negated(tok)
                               or lemma in words.get("promise_breaking", ())) and not modal(tok, lex):
        promise = child(tok, OBJ) or next((child(c, {"pobj"}) for c in tok.children
                                           if c.dep_ == "prep" and c.lower_ in ("on", "through")
                                           and child(c, {"pobj"}) is not None), None)
        subj = child(tok, SUBJ)
        if promise is not None and promise.lemma_.lower() in words.get("promise_nouns", ()) and subj is not None \
                and is_party(subj, lex):
            return Reproach("accusation", tok, subj)  # "WeWork is not following through on its promise"
    held = held_responsible(tok, lex)
    if tok.pos_ == "VERB" and (lemma in words.get("censure_verbs", ()) or held is not None) and not modal(tok, lex) \
            and not negated(tok):
        # "“We condemn the attack,” the minister said", "it regrets any decision to ...", "“We hold X
        # responsible,” said Y": the speaker's own censure, quoted (a cue inside a quotation makes no claim of its own)
        subj, obj = child(tok, SUBJ), child(tok, OBJ) or held
        if subj is not None and subj.lower_ in SPEAKER_PRONOUNS and obj is not None and obj.pos_ in ("NOUN", "PROPN") \
                and not any(c.dep_ == "poss" and c.lower_ in words.get("first_person", ()) for c in obj.children):
            owner = obj if is_party(obj, lex) and obj.pos_ != "PRON" else next(
                (c for c in obj.children if c.dep_ == "poss" and is_party(c, lex)), None)
            return Reproach("accusation", tok, owner)
    if tok.pos_ == "VERB" and lemma in words.get("verbs", ()) and tok.dep_ not in ("amod", "acl", "relcl") \
            and not hypothetical(tok, lex):
        voice, subj = subject_of(tok)
        doer = subj if voice == "active" else agent_of(tok)
        if doer is not None and doer.dep_ not in EXPL and is_party(doer, lex) and not modal(tok, lex) \
                and not any(c.dep_ == "mark" and c.lower_ != "that" for c in tok.children):  # "as long as we're not violating"
            if lemma == "lie" and any(c.dep_ == "prep" for c in tok.children):
                return None  # "the answer lies in ...": not lying
            return Reproach("denial" if negated(tok) else "accusation", tok, doer)
    return None


def held_responsible(verb: Token, lex: Lexicon) -> Token | None:
    """Who "hold X responsible" holds (an accusation verb with its word: lex.accuse_with), also
    when the parse made X the subject of "responsible"; else None."""
    word = lex.accuse_with.get(verb.lemma_.lower())
    if word is None or verb.pos_ != "VERB":
        return None
    said = next((c for c in verb.children if c.lower_ == word), None)
    if said is None:
        return None
    return child(verb, OBJ) or child(said, SUBJ)


ASSERTING = {"ccomp", "conj", "xcomp", "parataxis", "acomp", "attr", "oprd", "advcl"}


def asserted(word: Token, span, lex: Lexicon) -> bool:
    """The reproach is what the content says, not a modifier of one of its nouns: from the word up to
    the content's root only clausal links ("said the call was improper"; not "its decision to no
    longer consider settlements illegal", "the story where God cheats"). A noun's own link (subject,
    object, a preposition's object) counts for the first step, and an appositive that-clause of a
    fact or position noun is what that noun asserts ("the fact that the permits were unlawful")."""
    tok, first = (word.head, True) if word.dep_ == "amod" else (word, True)
    for _ in range(12):
        if tok.head.i == tok.i or not span.start <= tok.head.i < span.end:
            return True
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in lex.reproach.get("assertion_nouns", ()) \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
            tok, first = tok.head, True
            continue
        if tok.dep_ == "appos" and called_appositive(tok, lex.reproach):
            tok = tok.head  # "called X an enemy": said of X, the judging verb's object
            if tok.dep_ == "appos":
                tok = tok.head  # "called his rival, X, 'a puppet'": X is the object's own apposition
            continue
        if first and tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
            tok = tok.head.head  # "blinded by their hatred", "learned nothing in these proceedings"
            first = False
            continue
        if tok.dep_ not in ASSERTING and not (first and tok.dep_ in ("nsubj", "dobj", "nsubjpass")):
            return False
        tok, first = tok.head, False
    return False


def doubted(word: Token, span, d: Draft, lex: Lexicon) -> bool:
    """A verb between the word and the content's root is negated, a condition or another report
    ("does not mean Muslims are terrorists", "if his goal was to defend the corruption of ...",
    "the left is saying he is a liar", "he kept calling her a liar" said by a witness), or the
    condition of an "if" clause ("if its claims are true, it is violating ...")."""
    said_of = word.dep_ in PREDICATE or word.pos_ != "NOUN"  # "are not criminals"; not "won't accept abuses by X"
    if word.pos_ in ("VERB", "AUX") and conditioned(word, lex):
        return True
    tok = word
    for _ in range(12):
        if tok.head.i == tok.i or not span.start <= tok.head.i < span.end:
            return False
        via, tok = tok.dep_, tok.head
        if via == "acl" and tok.lemma_.lower() in lex.reproach.get("assertion_nouns", ()):
            return False  # "would not change the reality that ...": the reality stands
        if tok.pos_ in ("VERB", "AUX") and ((said_of and any(c.dep_ in NEG for c in tok.children)) or any(
                c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks for c in tok.children) or conditioned(tok, lex)):
            return True
        judged = via in ("oprd", "xcomp", "ccomp", "dobj") and tok.lemma_.lower() in lex.reproach.get("judging_verbs", ())
        if (via == "ccomp" and lex.kind(tok) in ("report", "accuse")) or judged:
            subj = subject_of(tok)[1]
            if subj is not None and not same_speaker(subj, d, lex):
                return True  # "the left is saying Trump is a liar", "he kept calling her a liar": another's words
    return False


def conditioned(verb: Token, lex: Lexicon) -> bool:
    """The verb has an "if" / "unless" clause of its own ("if its claims are true, X is violating")."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in lex.hypothetical_marks for g in c.children)
               for c in verb.children)


def same_speaker(subj: Token, d: Draft, lex: Lexicon) -> bool:
    """The subject of a report or judgement inside the content is the claim's speaker: "I" or "we",
    a word of the speaker's span, or a mention of the speaker's actor ("it still considers ...")."""
    if subj.lower_ in lex.reproach.get("first_person", ()) or d.source[0] <= subj.idx < d.source[1]:
        return True
    doc = subj.doc
    mine = party_actor(doc, d.source)
    return mine is not None and token_actor(doc, subj) == mine


def phrase_of(tok: Token) -> str:
    """"politically motivated": the adverb and the word, for the lists' two-word entries."""
    adv = next((c for c in tok.children if c.dep_ == "advmod" and c.i == tok.i - 1), None)
    return f"{adv.lower_} {tok.lower_}" if adv is not None else tok.lower_


def negated(tok: Token) -> bool:
    """The word, its conjunction's first word or its verb is negated ("not credible", "was not illegal")."""
    seen = [tok]
    while seen[-1].dep_ == "conj" and len(seen) < 4:
        seen.append(seen[-1].head)
    seen.append(seen[-1].head)
    return any(c.dep_ in NEG or (c.dep_ == "advmod" and c.lower_ in NEGATORS) for t in seen for c in t.children
               if c.i < tok.i)


def predicate_reproach(tok: Token, lex: Lexicon, *, strong: bool, rebuttal_only: bool = False) -> Reproach | None:
    """A word said of something: the subject of a copula ("the call was inappropriate"), of a small
    clause ("considers the activity illegal"), or the object of a judging verb ("called the
    settlements illegal", "called the inquiry a sham"). A claim or proceeding called so is denied;
    an actor or its act is accused (a thing with no owner only by a strong word)."""
    words = lex.reproach
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "unusual and inappropriate"
    head = first.head
    reproached = None
    if first.dep_ == "ccomp" and child(first, SUBJ) is not None and head.lemma_.lower() in words.get("judging_verbs", ()):
        verb, reproached = first, child(first, SUBJ)  # "considers every such permit unlawful"
    elif first.dep_ in PREDICATE and head.lemma_.lower() in words.get("copulas", ()):
        verb = head
        voice, reproached = subject_of(head)
        if voice == "passive" and head.lemma_.lower() != "be":
            reproached = None
    elif first.dep_ in PREDICATE | {"ccomp", "xcomp"} and head.lemma_.lower() in words.get("judging_verbs", ()):
        verb = head
        reproached = child(head, OBJ) or child(head, PASS_SUBJ)
    elif first.dep_ == "pobj" and first.head.lower_ == "to" and first.head.head.lemma_.lower() == "amount":
        verb = first.head.head  # "nothing he did amounts to bribery"
        reproached = subject_of(verb)[1]
    elif called_appositive(first, words):
        # "called Senator Tom Grady an enemy of peace", parsed as an apposition ("called his rival, X, 'a puppet'": X)
        verb, reproached = (head.head.head if head.dep_ == "appos" else head.head), head
    elif first.dep_ == "pobj" and first.head.lower_ == "as" and first.head.head.lemma_.lower() in words.get(
            "judging_verbs", ()):
        verb = first.head.head  # "described the move as illegal"
        reproached = child(verb, OBJ) or child(verb, PASS_SUBJ)
    else:
        return None
    if reproached is not None and reproached.lower_ == "it":
        clause = next((c for c in (*first.children, *verb.children) if c.dep_ == "advcl" and c.i > first.i
                       and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)), None)
        doer = child(clause, SUBJ) if clause is not None else None
        if clause is not None:  # "it is misleading for a party to behave that way": the party
            if doer is None or not is_party(doer, lex) or doer.lower_ in words.get("first_person", ()):
                return None
            reproached = doer
    if reproached is None or reproached.dep_ in EXPL or reproached.lower_ in ("it", "this", "that") and any(
            (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for")) and c.i > first.i
            for c in (*first.children, *verb.children)):
        return None  # "it is illegal to ...", "it would be improper for me to"
    if modal(verb, lex) or hypothetical(verb, lex):
        return None
    if is_claim(reproached, lex):
        rebuts = tok.lemma_.lower() in lex.rebuttal_words or tok.lower_ in lex.rebuttal_words or rebuttal_only \
            or tok.lemma_.lower() in words.get("strong", ()) or tok.lemma_.lower() in words.get("judgement", ()) \
            or tok.lemma_.lower() in words.get("predicate_nouns", ()) or tok.lemma_.lower() in words.get("person_nouns", ())
        return Reproach("rebuttal", tok, reproached) if rebuts and (rebuttal_only or not negated(tok)) else None
    if rebuttal_only or tok.lemma_.lower() in lex.rebuttal_words and not any(
            tok.lemma_.lower() in words.get(k, ()) for k in ("predicate_nouns", "person_nouns", "judgement", "strong")):
        return None  # "the forecast is false": a rebuttal only of a claim
    if reproached.lower_ in NOBODY:
        return Reproach("denial", tok)  # "nothing he did was illegal"
    if negated(tok):  # "my role was not improper": a denial when the role is the speaker's
        owner = next((c for c in reproached.children if c.dep_ == "poss"), None)
        return Reproach("denial", tok, reproached if owner is None else owner)
    if is_party(reproached, lex) or (tok.lemma_.lower() in words.get("person_nouns", ())
                                     and reproached.lower_ not in ("it", "this", "that", "which")):
        return Reproach("accusation", tok, reproached)  # "the governor was corrupt", "these looters are criminals"
    owner = next((c for c in reproached.children if c.dep_ == "poss" and is_party(c, lex)), None)
    if owner is not None:
        return Reproach("accusation", tok, owner)  # "Trump's request was inappropriate": Trump
    return Reproach("accusation", tok, None) if strong else None


def called_noun(noun: Token, words: dict) -> bool:
    """What a judging verb calls its object ("called X an enemy", "branded them a menace")."""
    return noun.dep_ in ("oprd", "xcomp", "ccomp") and noun.head.lemma_.lower() in words.get("judging_verbs", ()) \
        or called_appositive(noun, words)


def called_appositive(noun: Token, words: dict) -> bool:
    """"called X an enemy of peace" parsed with "an enemy" an apposition of the object X: a bare
    apposition of the object of a judging verb (or of the name in apposition to it: "called his
    rival, X, 'a puppet of the oligarchs'")."""
    obj = noun.head
    if obj.dep_ == "appos" and obj.head.dep_ in OBJ:
        obj = obj.head
    return (bare_appositive(noun) and obj.dep_ in OBJ and obj.head.i < obj.i
            and obj.head.lemma_.lower() in words.get("judging_verbs", ()))


def is_proceeding(tok: Token, lex: Lexicon) -> bool:
    """A proceeding against someone ("the impeachment inquiry", "this witch hunt"), not any claim."""
    nouns = lex.reproach.get("proceeding_nouns", ())
    return tok.lemma_.lower() in nouns or any(c.dep_ == "compound" and c.lemma_.lower() in nouns for c in tok.children)


def is_claim(tok: Token, lex: Lexicon) -> bool:
    """A claim noun or a proceeding ("the allegations", "the impeachment inquiry", "this witch hunt")."""
    nouns = lex.reproach.get("proceeding_nouns", ())
    return tok.lemma_.lower() in lex.claim_nouns and lex.claim_nouns[tok.lemma_.lower()] in ("accusation", "statement") \
        or tok.lemma_.lower() in nouns or any(c.dep_ == "compound" and c.lemma_.lower() in nouns for c in tok.children)


def named_doer(noun: Token, lex: Lexicon) -> Token | None:
    """The party an act noun names as its doer: "China's violations", "violations ... by China",
    "the greed of its leaders", "the greed exhibited by the company's leadership"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS:
            return clause_subject(noun, lex)  # "they are blinded by their hatred": they
        if c.dep_ == "poss" and is_party(c, lex):
            return c
        if c.dep_ in ("prep", "agent") and c.lower_ in DOER_PREPS:
            pobj = child(c, {"pobj"})
            if pobj is not None and party_or_its(pobj, lex):
                return pobj
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = agent_of(c)
            if agent is not None and party_or_its(agent, lex):
                return agent  # "the greed exhibited by the company's leadership"
    return None


POSS_PRONOUNS = {"his", "her", "their", "its"}


def party_or_its(tok: Token, lex: Lexicon) -> bool:
    """A party, or a thing a party owns ("the company's leadership")."""
    return is_party(tok, lex) or any(c.dep_ == "poss" and is_party(c, lex) for c in tok.children)


def clause_subject(tok: Token, lex: Lexicon) -> Token | None:
    """The party subject of the clause a noun is part of ("X is blinded by their hatred" -> X)."""
    v = tok.head
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX"):
            voice, subj = subject_of(v)
            return subj if subj is not None and subj.dep_ not in EXPL and is_party(subj, lex) else None
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def speaker_pronoun(doc: Doc, d: Draft, subj: Token, pronouns: set[str] = DENIED_SUBJECTS) -> bool:
    """A pronoun that can be the speaker: "I" or "we" anywhere; "he", "she" or "they" only in a
    paraphrase in the cue's own sentence ("X said he had no knowledge"), not in words quoted or
    set off after it ("The governor added: ... She knows nothing": someone else)."""
    if subj.lower_ in ("i", "we"):
        return True
    return subj.lower_ in pronouns and not quoted(doc, d) and subj.sent.start == doc[d.cue.token].sent.start


def self_in_paraphrase(doc: Doc, d: Draft, subj: Token, lex: Lexicon) -> bool:
    """A pronoun in the paraphrase that stands for the speaker ("Koll Energy insisted it had done
    nothing wrong", "the minister said he had"): the speaker's own actor, or a pronoun that agrees
    with a speaker of no actor ("he" of a person noun, "it" of a body, "they" of people); not
    "Twenty-four percent said she did nothing wrong"."""
    if subj.pos_ != "PRON" or not speaker_pronoun(doc, d, subj, DENIED_SUBJECTS | {"it"}) or subj.lower_ in ("i", "we"):
        return False
    mine = party_actor(doc, d.source)
    if mine is not None:
        return token_actor(doc, subj) == mine
    span = doc.char_span(*d.source, alignment_mode="expand")
    head = span.root if span is not None and len(span) else None
    if head is None:
        return False
    lemma = head.lemma_.lower()
    if subj.lower_ in ("he", "she"):
        return lemma in lex.people_nouns and head.tag_ == "NN"
    if subj.lower_ == "it":
        return lemma in lex.body_nouns and head.tag_ == "NN"
    return lemma in lex.people_nouns | lex.body_nouns and head.tag_ == "NNS"


def quoted(doc: Doc, d: Draft) -> bool:
    """The content is a quotation (attached, or the words before a post-posed "X said")."""
    text = text_of(doc)
    return d.quote or (d.content[0] > 0 and text[d.content[0] - 1] in QUOTE_CHARS)


def own_side(target: Token, d: Draft, lex: Lexicon) -> bool:
    """The reproached is the speaker or the speaker's side ("we were wrong", "I made a mistake")."""
    if target.lower_ in lex.reproach.get("first_person", ()):
        return True
    return d.source is not None and d.source[0] <= target.idx < d.source[1]
