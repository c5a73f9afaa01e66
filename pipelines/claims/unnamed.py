"""Unnamed speakers, news_claims' last stage: a claim's source phrase that names no actor
but says who speaks all the same ("experts", "a Democratic source", "his aides", "police", "the
report", "a 2014 study", "Some say") becomes an actor of its own, flagged `named: false`, so that a
reader can count how much of a story rests on unnamed sources. Such an actor is its document's
only: `extractor.convert` scopes its id to the document and the corpus pass never merges it.

Kinds: a person noun in the singular is a `person` ("a source", "his lawyer"), in the plural a
`group` ("experts", "foreign policy analysts"), as are unnamed bodies ("police", "a federal appeals
court") and the bare "some" / "many" / "others"; documents and data are `other` ("the poll"). The
name is the head noun with the modifiers right before it ("security experts in the United States"
-> "security experts"); within a document the same name is one actor. A definite singular person or
body ("the businessman", "the company") points back to someone the text named: no unnamed actor
unless the document already has one of that name ("a source ... the source"). A possessed body or
people ("Scooter Braun's company", "her firm", "Trump's lawyers") is never the possessor, whom the
speaker and target rules gave it: an unnamed actor `part_of` the possessor, for targets too
(`possessor_of`, POSSESSED_KINDS).

The leftover pronouns have their own functions here (`writer`, `antecedent`): the writer's own "I"
or "we" outside any quotation, in a text that is no interview (the byline's author, set by
`extractor.convert`; else the unnamed writer), and a subject "they" / "it" whose nearest earlier
subject of its number is an unnamed group or a document ("Experts warn ... They say", "The report
... It says")."""
from __future__ import annotations

import logging
import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..extensions import mention_in
from ..names import MISREAD_LABELS, slug
from .lexicon import Lexicon
from .quotes import Quote
from .spans import memo, text_of
from .syntax import named_apposition, relative_antecedent

LOGGER = logging.getLogger(__name__)

UNNAMED_LABEL = "UNNAMED"  # the label of an unnamed actor's mentions in Doc._.mentions
WRITER_ID = "writer"  # the writer's own "I" (extractor.convert gives it the byline's author)
WRITER_NAME = "the writer"
DEFINITE = {"the", "this", "that", "these", "those"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod"}  # "foreign policy analysts", "a 2014 study"
QUANTITY_WORDS = {"many", "several", "some", "few", "most", "all", "other", "more", "numerous", "various",
                  "certain", "both", "any", "no", "each", "every"}  # "many lawmakers" is "lawmakers"
PLURAL_TAGS = {"NNS", "NNPS"}
NEGATIVE_DETERMINERS = {"no", "not", "never", "nobody"}
# people in the plural whatever the tagger says, and never a named body, "the" or not ("the family denies")
PLURAL_LEMMAS = {"police", "people", "public", "population", "family", "crowd", "audience", "electorate"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PLURAL_PRONOUNS = {"they", "we", "them", "us", "these", "those"}
QUOTE_MARKS = set("\"“”‘’«»")  # straight, curly and guillemets
APOSTROPHES = set("’'")  # ... but a right single quote after a letter is an apostrophe
WRITER_PRONOUNS = {"I", "we", "We"}  # the writer's own voice outside quotations
MAX_THOSE = 5  # words after "those" in a group's name ("those in favor of punishment")
# a question-and-answer text: a "Q: ..." (or "QWhy ...", the colon lost) paragraph, later an "A: ..." one
INTERVIEW_RE = re.compile(r"(?m)^[ \t]*Q(?:[:.][ \t]|[A-Z][a-z]).*\n(?:.*\n)*?[ \t]*A[:.][ \t]")
NAME_HEAD_STOPS = {"of", "on", "for"}  # "Commission on Presidential Debates": its head is "commission"
NAME_PART_DEPS = {"compound", "flat"}  # the words before a name's head that are part of it
PERSON_KINDS = {"person", "official"}
# the labels a missed name's words may carry: the misread ones, and a people ("referee Anders Kvist" NORP)
NAME_LABELS_MISREAD = MISREAD_LABELS | {"NORP"}
# ... of which a lone word as a typed claim's target names a party all the same ("accused Harvest of", the
# model's building): the accused of a claim is someone, not a people ("the Democrat") or an event
THING_LABELS = {"LOC", "FAC"}  # (not PRODUCT: "criticised Windows for its flaws" is a thing criticised)
HEADLINE_SHARE = 0.75  # of a line's words (short lower-case ones aside) in capitals: a title-case headline
LOOK_BACK = 2  # sentences before the pronoun's own where its antecedent may be
# someone's body or people that are not that someone: "Scooter Braun's company", "her firm", "Trump's
# lawyers" -> an unnamed actor of that kind, part of the possessor (a campaign stays its candidate's
# voice, "Clinton's campaign said": the arrows read on PolNeAR count it so)
POSSESSED_KINDS = {"company": "company", "firm": "company", "business": "company", "label": "company",
                   "lawyer": "person", "attorney": "person", "counsel": "person"}


class UnnamedActors:
    """The unnamed actors of one document as they are made: their dicts and mentions, added to
    `Doc._.actors` and `Doc._.mentions` once, by `write`."""

    def __init__(self, doc: Doc, lex: Lexicon, quotes: list[Quote]):
        self.doc, self.lex, self.quotes = doc, lex, quotes
        self.known = {a["id"] for a in doc._.actors or ()}
        self.actors: dict[str, dict] = {}
        self.mentions: list[dict] = []
        self.taken: set[int] = set()  # characters of the new mentions
        self.interview: bool | None = None  # a question-and-answer text (found when first asked)

    # -- nouns ------------------------------------------------------------------------------------
    def of_range(self, start: int, end: int, cue: Token | None = None) -> str | None:
        """The actor of a party's characters, or None: its head noun's unnamed actor; for a lone
        relative pronoun its antecedent's ("a young woman who"), or the name the antecedent is in
        apposition to ("Jennifer McClellan, a corporate attorney who"). `cue`: the claim's cue token."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        noun = relative_antecedent(span)  # "a young woman who"
        if noun is not None and noun.dep_ == "appos":
            named = mention_in(self.doc, noun.head.idx, noun.head.idx + len(noun.head.text))
            return named["actor"] if named else None
        return self.of_token(noun if noun is not None else span.root, cue=cue)

    def of_token(self, head: Token, *, pointing: bool = False, cue: Token | None = None) -> str | None:
        """The unnamed actor a noun names ("experts", "a source", "the poll"), or None. `pointing`:
        the noun is a pronoun's antecedent, whose own actor (a mention on it) comes first. A
        document speaks for its owner only when it is the cue's own subject or the cue hangs on it
        ("her submission noted", "a video that accuses"; not "Her comments are in response to a
        letter ... alleging", a source the parse took too far)."""
        found = mention_in(self.doc, head.idx, head.idx + len(head.text))
        if found is not None:
            return found["actor"] if pointing else None
        lex, lower = self.lex, head.lower_
        if head.pos_ == "PRON" and lower not in lex.quantifier_heads and lower != "those":
            return None
        if head.pos_ == "PROPN":
            if head.ent_type_ or any(c.dep_ in NAME_PART_DEPS and _proper(c) and c.lower_ not in lex.people_nouns
                                     for c in head.lefts):
                return None  # a name the actor pass did not take is not ours to make unnamed ("Fairvote Investors")
            lemma = lower[:-1] if lower.endswith("s") and lower[:-1] in lex.people_nouns | lex.body_nouns else lower
        else:
            lemma = head.lemma_.lower()
        plural = head.tag_ in PLURAL_TAGS or lemma in PLURAL_LEMMAS or (head.pos_ == "PROPN" and lemma != lower)
        det = next((c.lower_ for c in head.children if c.dep_ in ("det", "predet")), None)
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        owner = mention_in(self.doc, poss.idx, poss.idx + len(poss.text)) if poss is not None else None
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if any(c.dep_ == "neg" or c.lower_ in NEGATIVE_DETERMINERS for c in head.lefts):
            return None  # "Not everyone finds", "no experts": not a group that speaks
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.rights):
            return None  # "his best friend at college, Tom Reyes": named, though not an actor
        if head.dep_ == "appos" and head.head.pos_ == "PROPN":  # "Citizens First, a watchdog group that"
            named = mention_in(self.doc, head.head.idx, head.head.idx + len(head.head.text))
            return named["actor"] if named else None
        if owner is not None and lemma in POSSESSED_KINDS:
            return self.possessed(head, owner["actor"])  # "her firm", "Braun's company": not Braun
        if lemma in lex.share_nouns and members is not None and self.of_token(members) is not None:
            return self.of_token(members)  # "52 percent of registered voters", "a group of black parents"
        if lower == "those":
            return self._close_to(head)
        if lower in lex.quantifier_heads and head.pos_ in ("DET", "PRON", "ADJ", "NOUN") and det is None:
            kind = "person" if lower in ("someone", "somebody") else "group"
        elif lemma in lex.document_nouns or lemma in lex.owned_bodies and not plural:
            own = cue is None or head.i in (cue.head.i, cue.i) or head.head.i == cue.i or (
                head.dep_ == "dobj" and head.head.i == cue.head.i) or (  # "mounted a campaign to condemn X"
                head.dep_ == "pobj" and head.head.head.i == cue.i)  # "according to her account"
            if owner is not None:
                return owner["actor"] if own else None  # "her submission to the court", "his campaign": theirs
            author = self._author(head) if own else None
            if author is not None:
                return author  # "a speech Mrs. Doe delivered", "X posted a string of tweets"
            if lemma not in lex.document_nouns:
                return self._existing(head) or self._named_body(head, lemma)
            kind = "other"
        elif lemma in lex.people_nouns:
            kind = "group" if plural else "person"
        elif lemma in lex.body_nouns:
            kind = "group"
            if not plural and lemma not in PLURAL_LEMMAS and (det in DEFINITE or owner is not None):
                return self._existing(head) or self._named_body(head, lemma)  # "the fund": the IMF
        else:
            return None
        if kind == "person" and (det in DEFINITE or poss is None and head.pos_ == "PROPN"):
            return self._existing(head)  # "the businessman", "the nominee": a person named before
        if owner is not None and kind != "other":
            return self._add(head, kind, owner["actor"], owned=True)  # "his aides": whose
        return self._add(head, kind, self._modifier_owner(head))

    def missed_name(self, head: Token, accused: bool = False) -> str | None:
        """The named actor of a proper name the NER missed in a party's head ("Eurocontrol",
        "Actress Naomi Reed" -> Naomi Reed), or None: title-case proper nouns with no entity label
        (a label the actor pass turned down stays turned down), a person's noun before them read
        as a title ("Actress", "Coach"). A lone word that ends a person's name already in the
        document is that person ("Reed"). Kind: person after a title, else other (the words
        alone do not tell "Eurocontrol" from "Yglesias")."""
        doc, lex = self.doc, self.lex
        end = _name_end(head)
        if not _proper(head, misread=True) or head.lower_ in lex.people_nouns | lex.body_nouns \
                or _headline(head.sent) or len(head.sent) <= 2 \
                or mention_in(doc, head.idx, head.idx + len(head.text)) is not None \
                or any(c.dep_ in NAME_PART_DEPS and c.ent_type_ and c.ent_type_ not in NAME_LABELS_MISREAD for c in head.lefts) \
                or end is None:
            return None  # a label line ("TAPPER"), part of a longer name ("Drudge Report")
        start = head.i
        while start > head.sent.start and doc[start - 1].dep_ in NAME_PART_DEPS and doc[start - 1].head.i == head.i \
                and _proper(doc[start - 1], misread=True):
            start -= 1
        titled = False
        while start < head.i and doc[start].lower_ in lex.people_nouns:
            start, titled = start + 1, True
        if head.tag_ in PLURAL_TAGS and end == head.i + 1 and start == head.i:
            return None  # a plural alone ("Democrats"), not "Fairvote Investors", "Hearts of Oak"
        words = doc[start:end]
        if end > head.i + 1 and mention_in(doc, doc[head.i + 1].idx, words.end_char) is not None:
            return None  # "... of America": a name of its own inside
        if any(t.ent_type_ in NAME_LABELS_MISREAD for t in words) and len(words) < 2 \
                and not (accused and head.ent_type_ in THING_LABELS):
            return None  # one word the NER labelled a group or a product ("the Democrat"); but "accused Harvest of"
        if not titled and len(words) < 2 and all(not t.is_alpha for t in doc[head.sent.start:start]):
            return None  # a sentence's first word has its capital anyway ("Beijing denied", "News of the breach")
        name = words.text
        if len(words) == 1 and not titled:
            if head.lower_ in memo(doc, "lower_words", lambda: {t.text for t in doc if t.is_lower}):
                return None  # "Bankruptcy is like a chess game": a word, capitalised where a sentence starts
            same = next((a["id"] for a in doc._.actors or () if a.get("kind") in PERSON_KINDS
                         and a["name"].split()[-1] == name and len(a["name"].split()) > 1), None)
            if same is not None:
                self._mention(head.idx, head.idx + len(head.text), same, "PERSON")
                return same
        kind = "person" if titled else "other"  # "Eurocontrol", "Pew", "Yglesias": the words do not say
        aid = slug(name)
        if aid not in self.known and aid not in self.actors:
            self.actors[aid] = {"id": aid, "name": name, "kind": kind, "aliases": [], "title": None,
                                "part_of": None, "country": None}
            LOGGER.debug("missed name %s (%s)", name, kind)
        self._mention(words.start_char, words.end_char, aid, "PERSON" if kind == "person" else "ORG")
        return aid

    def possessed(self, head: Token, owner: str) -> str:
        """The unnamed body or people of `owner` that a possessed noun names ("Scooter Braun's company"
        -> "company of Scooter Braun", part of him): a company in the singular for a company noun, else a
        person, a group in the plural."""
        kind = POSSESSED_KINDS[head.lemma_.lower()]
        if kind == "person" and head.tag_ in PLURAL_TAGS:
            kind = "group"
        return self._add(head, kind, owner, owned=True)

    def _author(self, head: Token) -> str | None:
        """Who made a document, when the sentence says it: the named subject of a relative clause on
        it ("a speech Mrs. Clinton delivered") or of the verb it is the object of ("X released a
        report", "X unleashed a series of tweets")."""
        noun = head
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ == "of":
            noun = head.head.head  # "a series of tweets"
        verbs = [c for c in head.children if c.dep_ == "relcl"] + ([noun.head] if noun.dep_ == "dobj" else [])
        for verb in verbs:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            found = mention_in(self.doc, subj.idx, subj.idx + len(subj.text))
            if found is None or found["label"] == UNNAMED_LABEL:
                continue
            others = [mention_in(self.doc, t.idx, t.idx + len(t.text)) for t in subj.lefts if t.dep_ == "compound"]
            if not any(m is not None and m["actor"] != found["actor"] for m in others):
                return found["actor"]  # not "PAC" of "a pro-Newt Gingrich PAC": Gingrich is another
        return None

    def _close_to(self, head: Token) -> str | None:
        """ "those close to him": the group of people close to whom "him" is; "those in favor of
        punishment": that group, by its short phrase."""
        close = next((c for c in head.children if c.dep_ == "amod" and c.lower_ == "close"), None)
        prep = next((c for c in head.rights if c.dep_ == "prep"), None)
        if close is None and prep is not None and prep.right_edge.i - head.i <= MAX_THOSE:
            return self._add(head, "group", None, name=" ".join(t.lower_ for t in self.doc[head.i:prep.right_edge.i + 1]))
        to = next((c for c in close.children if c.dep_ == "prep" and c.lower_ == "to"), None) if close else None
        whom = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        found = mention_in(self.doc, whom.idx, whom.idx + len(whom.text)) if whom is not None else None
        if found is None:
            return None
        return self._add(head, "group", found["actor"], name="those close to", owned=True)

    def _modifier_owner(self, head: Token) -> str | None:
        """The named actor among the modifiers of an unnamed actor's name ("McConnell aides")."""
        start, end = self._name_tokens(head)
        for t in self.doc[start:end - 1]:
            found = mention_in(self.doc, t.idx, t.idx + len(t.text))
            if found is not None and found["label"] != UNNAMED_LABEL:
                return found["actor"]
        return None

    def _named_body(self, head: Token, lemma: str) -> str | None:
        """ "the fund", "the commission": the one named body mentioned before whose name has that
        word ("the International Monetary Fund"); none when two have it or none does."""
        kinds = {a["id"]: a for a in self.doc._.actors or () if a.get("named", True)
                 and a["kind"] not in ("person", "official")}
        seen = {m["actor"] for m in self.doc._.mentions or () if m["end"] <= head.idx and m["actor"] in kinds}
        having = [aid for aid in seen if lemma in {_name_head(n) for n in (kinds[aid]["name"], *kinds[aid].get("aliases", ()))}]
        return having[0] if len(having) == 1 else None

    def _name_tokens(self, head: Token) -> tuple[int, int]:
        """The head noun with the modifiers right before it, no quantity word, no number but a
        document's ("a 2014 study")."""
        start = head.i
        for c in sorted((c for c in head.lefts if c.dep_ in MODIFIER_DEPS), key=lambda c: -c.i):
            if c.right_edge.i != start - 1 or c.lower_ in QUANTITY_WORDS:
                break
            if c.dep_ == "nummod" and head.lemma_.lower() not in self.lex.document_nouns:
                break
            if any(t.is_punct and t.text not in "-" for t in self.doc[c.left_edge.i:c.right_edge.i + 1]):
                break
            start = c.left_edge.i
        return start, head.i + 1

    def _name(self, start: int, end: int) -> str:
        """The words as written, lower-cased but for names ("Democratic source", "labor-policy experts")."""
        toks = self.doc[start:end]
        words = "".join((t.text if t.pos_ == "PROPN" and not t.is_upper or t.ent_type_ and not t.is_upper else t.lower_)
                        + t.whitespace_ for t in toks)
        return " ".join(words.split())

    def _existing(self, head: Token) -> str | None:
        """The unnamed actor of the document with this noun's name, if one was made already."""
        aid = slug(self._name(*self._name_tokens(head)))
        return aid if aid in self.actors else None

    def _add(self, head: Token, kind: str, part_of: str | None, name: str | None = None, owned: bool = False) -> str:
        """The unnamed actor of `head`'s name (made once a name), with its mention; `owned`: the
        name says not whose (his aides), so the id does: "aides-of-john-smith"."""
        start, end = self._name_tokens(head)
        name = name or self._name(start, end)
        aid = slug(name) + (f"-of-{part_of}" if owned and part_of else "")
        if aid in self.known:
            aid += "-unnamed"  # never a named actor's id
        if aid not in self.actors:
            self.actors[aid] = {"id": aid, "name": name, "kind": kind, "aliases": [], "title": None,
                                "part_of": part_of, "country": None, "named": False}
            LOGGER.debug("unnamed actor %s (%s) from %r", aid, kind, name)
        self._mention(self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text), aid)
        return aid

    def _mention(self, start: int, end: int, aid: str, label: str = UNNAMED_LABEL) -> None:
        chars = set(range(start, end))
        if chars & self.taken or any(m["start"] < end and start < m["end"] for m in self._overlapping(start, end)):
            return
        self.taken |= chars
        self.mentions.append({"start": start, "end": end, "text": text_of(self.doc)[start:end],
                              "label": label, "actor": aid})

    def _overlapping(self, start: int, end: int) -> list[dict]:
        mentions = self.doc._.mentions or []
        i = bisect_right([m["start"] for m in mentions], end)
        return [m for m in mentions[max(0, i - 8):i] if m["end"] > start]

    # -- pronouns ---------------------------------------------------------------------------------
    def quoted(self, char: int) -> bool:
        return any(q.start <= char < q.end for q in self.quotes)

    def _in_quoted_paragraph(self, tok: Token) -> bool:
        """A quotation mark before the token in its sentence, or one opening its paragraph: the
        words may be someone's quoted ones although the marks do not pair."""
        text = text_of(self.doc)
        para = text.rfind("\n", 0, tok.idx) + 1
        opening = text[para:tok.idx].lstrip()[:1]
        start = max(para, tok.sent.start_char)
        return opening in QUOTE_MARKS or any(
            ch in QUOTE_MARKS and not (ch in APOSTROPHES and 0 < k and text[k - 1].isalnum())
            for k, ch in enumerate(text[start:tok.idx], start))  # "Logitech’s", "That’s": apostrophes

    def writer(self, tok: Token) -> str | None:
        """The writer's own "I" or "we" outside any quotation ("We tested", "As we have noted"): the
        unnamed writer (the byline's author, when the page names one, by extractor.convert)."""
        if tok.text not in WRITER_PRONOUNS or self.quoted(tok.idx) or self._in_quoted_paragraph(tok):
            return None
        if self.interview is None:
            self.interview = bool(INTERVIEW_RE.search(text_of(self.doc)))
        if self.interview:
            return None  # "Q: ... / A: I think ...": the one who answers, not the writer
        if tok.sent.text.rstrip().endswith("?"):
            return None  # "Would I rather ...?": a question put, not the writer's claim
        if WRITER_ID not in self.actors:
            self.actors[WRITER_ID] = {"id": WRITER_ID, "name": WRITER_NAME, "kind": "person", "aliases": [],
                                      "title": None, "part_of": None, "country": None, "named": False}
        self._mention(tok.idx, tok.idx + len(tok.text), WRITER_ID)
        return WRITER_ID

    def antecedent(self, tok: Token) -> str | None:
        """A subject "they" or "it" outside quotations whose nearest earlier subject of its number
        (in its sentence or the LOOK_BACK before) is an unnamed group or body, or a document
        ("Experts warn that ... They say", "The report ... It found"); None when that subject is
        anything else (a name, a pronoun, a thing): the actor pass has decided those."""
        if tok.dep_ not in SUBJECT_DEPS or self.quoted(tok.idx):
            return None
        plural = tok.lower_ == "they"
        if not plural and tok.lower_ != "it":
            return None
        sents = list(self.doc.sents)
        k = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        first = sents[max(0, k - LOOK_BACK)].start
        for j in range(tok.i - 1, first - 1, -1):
            cand = self.doc[j]
            if cand.dep_ not in SUBJECT_DEPS or cand.tag_ in ("WP", "WDT", "EX") or self.quoted(cand.idx):
                continue
            if cand.pos_ == "PROPN":
                return None  # a name may be what the pronoun means: the actor pass decided
            if cand.pos_ == "PRON":
                if (cand.lower_ in PLURAL_PRONOUNS) == plural:
                    return None  # "they ... they": the earlier one's reading is not ours to chain
                continue
            number = cand.tag_ in PLURAL_TAGS or cand.lemma_.lower() in PLURAL_LEMMAS
            if plural and not number and cand.lemma_.lower() in self.lex.collective_nouns:
                number = True  # "an international team of scientists ... a simulation they call"
            if number != plural:
                continue
            lemma = cand.lemma_.lower()
            if plural and lemma not in self.lex.people_nouns | self.lex.body_nouns | self.lex.collective_nouns:
                return None
            if not plural and lemma not in self.lex.document_nouns:
                return None
            aid = self.of_token(cand, pointing=True)
            if aid is not None:
                self._mention(tok.idx, tok.idx + len(tok.text), aid)
            return aid
        return None

    # -- output -----------------------------------------------------------------------------------
    def write(self, used: set[str]) -> None:
        """Add the actors made that `used` names (the claims' speakers) and their mentions to the
        Doc's (mentions stay sorted, never overlapping)."""
        if not self.actors:
            return
        self.doc._.actors = list(self.doc._.actors or ()) + [a for a in self.actors.values() if a["id"] in used]
        self.doc._.mentions = sorted(list(self.doc._.mentions or ()) + self.mentions, key=lambda m: (m["start"], m["end"]))


def name_unnamed(doc: Doc, records: list[dict], lex: Lexicon, quotes: list[Quote]) -> list[dict]:
    """The records with an unnamed actor for each speaker whose phrase has none (see the module's
    docstring); the actors and their mentions are added to the Doc. Targets are left as they are:
    the graph draws no arrow to an unnamed actor, and the gold seed gives "accused nation-state
    groups of" no target actor."""
    made = UnnamedActors(doc, lex, quotes)
    records = [_not_the_possessor(made, doc, r) for r in records]
    found: dict[int, str] = {}
    for k, r in sorted(enumerate(records), key=lambda x: x[1]["source"].get("start") or 0):
        p = r["source"]
        if p.get("actor") is None and p.get("start") is not None:
            cue = doc.char_span(r["cue"]["start"], r["cue"]["end"], alignment_mode="expand")
            aid = _pronoun(made, doc, p) or made.of_range(p["start"], p["end"], cue.root if cue is not None else None) \
                or _missed_name(made, doc, p)
            if aid is not None:
                found[k] = aid
    targets = {k: aid for k, r in enumerate(records) if r.get("target") and r["target"].get("actor") is None
               and (aid := _missed_name(made, doc, r["target"], accused=True)) is not None}
    made.write(set(found.values()) | set(targets.values())
               | {r[role]["actor"] for r in records for role in ("source", "target") if r.get(role)})
    out = [dict(r, source=dict(r["source"], actor=found[k])) if k in found else r for k, r in enumerate(records)]
    return [dict(r, target=dict(r["target"], actor=targets[k])) if k in targets else r for k, r in enumerate(out)]


def _missed_name(made: UnnamedActors, doc: Doc, party: dict, accused: bool = False) -> str | None:
    """The named actor of a party whose head is a proper name the NER missed (`UnnamedActors.missed_name`)."""
    if party.get("start") is None:
        return None
    span = doc.char_span(party["start"], party["end"], alignment_mode="expand")
    if span is None or not len(span):
        return None
    named = named_apposition(span.root)  # "his former club, Hearts of Oak"
    return made.missed_name(named if named is not None and named.left_edge.i <= span.end else span.root, accused)


def _headline(sent) -> bool:
    """A line in title case ("Retired General Reveals Experience Of Serving Under Obama"): its
    capitals say nothing of names."""
    words = [t for t in sent if t.is_alpha and not (t.is_lower and len(t) <= 3)]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= HEADLINE_SHARE * len(words)


def _proper(tok: Token, misread: bool = False) -> bool:
    """A word of a name: a proper noun in title case (or capitals) with no entity label, or with
    one the small model gives names it does not know (`misread`: "Anders Kvist" as a group)."""
    return tok.pos_ == "PROPN" and (not tok.ent_type_ or misread and tok.ent_type_ in NAME_LABELS_MISREAD) \
        and tok.is_alpha and tok.text[0].isupper()


def _name_end(head: Token) -> int | None:
    """Where a missed name ends: after its head, or after an "of" / "for" phrase of title-case
    proper nouns that is part of it ("Hearts of Oak", "Democracy for America"); None when another
    name hangs on it in some other way (a longer name the parse split)."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and any(g.pos_ == "PROPN" for g in c.children)), None)
    if prep is None:
        return head.i + 1
    words = head.doc[prep.i + 1:prep.right_edge.i + 1]
    if prep.lower_ in ("of", "for") and prep.i == head.i + 1 and words and all(
            t.pos_ == "PROPN" and t.is_title or t.lower_ == "the" for t in words):
        return prep.right_edge.i + 1
    return None


def _name_head(name: str) -> str:
    """The head word of a body's name, lower-cased: its last word, or the one before "of"/"on"/"for"
    ("International Monetary Fund" -> "fund", "Bank of America" -> "bank")."""
    words = [w.strip(".,'’").lower() for w in name.split()]
    stop = next((k for k, w in enumerate(words) if w in NAME_HEAD_STOPS and k > 0), len(words))
    return words[stop - 1] if words else ""


def _pronoun(made: UnnamedActors, doc: Doc, p: dict) -> str | None:
    span = doc.char_span(p["start"], p["end"], alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ != "PRON":
        return None
    return made.writer(span[0]) or made.antecedent(span[0])


def possessor_of(doc: Doc, party: dict) -> Token | None:
    """The head noun of a party that the pipeline gave its possessor's actor although it names
    someone's body or people ("Scooter Braun's company" -> Scooter Braun; "Trump's lawyers"), or
    None: a noun of POSSESSED_KINDS with no mention of its own, whose possessor is the party's actor."""
    if not party or party.get("actor") is None or party.get("start") is None:
        return None
    span = doc.char_span(party["start"], party["end"], alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    if head.pos_ != "NOUN" or head.lemma_.lower() not in POSSESSED_KINDS or \
            mention_in(doc, head.idx, head.idx + len(head.text)) is not None:
        return None
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    owner = mention_in(doc, poss.left_edge.idx, poss.idx + len(poss.text))
    return head if owner is not None and owner["actor"] == party["actor"] else None


def _not_the_possessor(made: UnnamedActors, doc: Doc, record: dict) -> dict:
    """The record with each party that named its possessor ("Scooter Braun's company") given the
    possessor's unnamed body instead (`UnnamedActors.possessed`): the graph draws no arrow for it."""
    out = record
    for role in ("source", "target"):
        head = possessor_of(doc, record.get(role))
        if head is not None:
            LOGGER.debug("%s %r is not its possessor %s", role, record[role]["text"], record[role]["actor"])
            out = dict(out, **{role: dict(record[role], actor=made.possessed(head, record[role]["actor"]))})
    return out
