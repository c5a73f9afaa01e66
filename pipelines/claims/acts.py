"""Structures of an act owned or alleged, for news_claims: "the Taliban claimed responsibility for
the attack" (an attribution whose source and target are the claimant; "took responsibility" is an
admission, no claim) and "he allegedly bribed a
judge" (an accusation of the doer with no named accuser: the press reports an allegation).

Each a generator of drafts over a parsed Doc, as in structures.py; the words are data
(reproach.json: "responsibility_verbs", "responsibility_nouns")."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .draft import Draft, make_draft, token_cue
from .lexicon import Lexicon
from .quotes import Quote
from .senses import hypothetical, is_party
from .sources import party
from .spans import having
from .syntax import EXPL, OBJ, VERB_POS, child, phrase, subject_of

ALLEGED = {"allegedly"}
NOBODY = {"nobody", "none", "noone"}


def responsibility_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"X claimed responsibility for Y", "X took credit for the bombing": X attributes Y to itself."""
    words = lex.reproach
    for verb in having(doc, lemma=words.get("responsibility_verbs", ())):
        if verb.pos_ not in VERB_POS:
            continue
        noun = child(verb, OBJ)
        if noun is None or noun.lemma_.lower() not in words.get("responsibility_nouns", ()):
            continue
        what = next((child(c, {"pobj", "pcomp"}) for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        voice, subj = subject_of(verb)
        if what is None or voice != "active" or subj is None or subj.dep_ in EXPL or hypothetical(verb, lex) \
                or any(c.dep_ == "neg" for c in verb.children) or subj.lower_ in NOBODY \
                or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            continue  # "nobody has claimed responsibility", "no group claimed it"
        claimant = party(doc, *phrase(subj))
        c = make_draft(doc, "attribution", token_cue(doc, verb), phrase(what), claimant, claimant, lex)
        if c:
            yield c


def alleged_acts(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"during which he allegedly raped ...", "the firm allegedly paid bribes": an accusation of the
    verb's subject (a party, not the writer's "we"), with no source; a verb of reporting is left to
    its own structure."""
    for adv in having(doc, lower=ALLEGED):
        if adv.dep_ != "advmod":
            continue
        verb = adv.head
        if verb.pos_ != "VERB" or lex.kind(verb) is not None or hypothetical(verb, lex):
            continue
        voice, subj = subject_of(verb)
        if subj is not None and subj.head.i != verb.i:
            continue  # "forced the firm to settle for allegedly laundering": not the subject's own act
        if voice != "active" or subj is None or not is_party(subj, lex) \
                or subj.lower_ in lex.reproach.get("first_person", ()) or subj.lower_ in ("it", "that", "which"):
            continue
        rng = (verb.i, verb.right_edge.i + 1)
        c = make_draft(doc, "accusation", token_cue(doc, adv), rng, None, party(doc, *phrase(subj)), lex)
        if c:
            yield c
