"""news_actors: entity mentions -> actors with canonical ids, within the document.

Runs after `ner` (which the `news_gazetteer` entity_ruler has corrected). One pass per document:
acronym definitions, officials (titles, appositions, unnamed spokespeople), names looked up in the
actor lexicon built by scripts/build_gazetteers.py (threat actors, states and their capitals as
metonyms, government bodies, media, companies), document-level consistency (a name found once is
found everywhere, surnames resolve to the full person), then nominals ("the company") and
referential pronouns ("it", "they", "he") by recency, grammatical role and compatible kind.
Writes plain dicts to `Doc._.actors` and `Doc._.mentions` (see pipelines.extensions).
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token
from spacy import util
from spacy.util import ensure_path

from . import officials
from .extensions import register_extensions

LOGGER = logging.getLogger(__name__)

KINDS = ("state", "government_body", "company", "organisation", "media", "official", "person",
         "threat_actor", "group", "other")
NAME_LABELS = {"ORG", "GPE", "NORP", "PERSON", "FAC", "LOC"}
NEW_ACTOR_LABELS = {"ORG", "GPE", "NORP", "PERSON"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
POSSESSIVE = officials.POSSESSIVE
DEFINITE = {"the", "this"}
PRONOUN_KINDS = {
    "it": {"company", "organisation", "government_body", "media", "state", "threat_actor"},
    "they": {"company", "organisation", "government_body", "media", "state", "threat_actor", "group", "official"},
    "he": {"person", "official"},
    "she": {"person", "official"},
}
SENTENCE_WINDOW = {"pronoun": 2, "nominal": 4}
ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]{1,7}|[A-Z]{2,8}\d?)$")
ORG_KIND_WORDS = [
    (re.compile(r"\b(?:Inc|Corp|Corporation|Ltd|LLC|plc|Technologies|Systems|Networks|Labs|Bank|Group)\b\.?$"), "company"),
    (re.compile(r"\b(?:News|Times|Post|Journal|Herald|Gazette|Tribune|Radio|Television|TV|Press|Magazine)$"), "media"),
    (re.compile(r"\b(?:Department|Ministry|Agency|Council|Bureau|Commission|Office|Parliament|Court|Police|Army|"
                r"Navy|Senate|Congress|Cabinet|Committee)\b"), "government_body"),
]
FOLD_MIN = 5
KIND_LABELS = {"state": "GPE", "person": "PERSON", "official": "PERSON", "group": "NORP", "company": "ORG",
               "organisation": "ORG", "media": "ORG", "government_body": "ORG", "threat_actor": "ORG"}
NAME_MENTION_LABELS = {"ORG", "GPE", "PERSON", "NORP"}
NOT_ORGANISATION = {"former", "then", "ex", "acting", "late", "new", "incoming", "outgoing", "but", "and"}  # names this long or multiword also match case-insensitively


def slug(name: str) -> str:
    """The one id function: lower-case ASCII words joined by hyphens ("Microsoft Corp." -> "microsoft-corp")."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "").replace("'", "")).strip("-")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@Language.factory("news_actors", assigns=["doc._.actors", "doc._.mentions", "doc.ents"], requires=["doc.ents"],
                  default_config={"pronouns": True, "nominals": True})
def make_actors(nlp: Language, name: str, pronouns: bool, nominals: bool) -> "ActorResolver":
    return ActorResolver(nlp, name, pronouns=pronouns, nominals=nominals)


class ActorResolver(Pipe):
    """Finds the actors of one document and every mention of them. Data: the actor lexicon
    (`actors.jsonl`) and the word lists (`actor_words.json`), given at `initialize`."""

    def __init__(self, nlp: Language, name: str = "news_actors", *, pronouns: bool = True, nominals: bool = True):
        register_extensions()
        self.name = name
        self.pronouns = pronouns
        self.nominals = nominals
        self.lexicon: list[dict] = []
        self.words: dict[str, Any] = {}
        self._index()

    # -- data ---------------------------------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp: Language | None = None,
                   lexicon: list[dict] | None = None, words: dict | None = None) -> None:
        self.lexicon = list(lexicon or [])
        self.words = dict(words or {})
        self._index()

    def _index(self) -> None:
        """Compile the lookups once: exact names, folded names, demonyms, metonyms, word sets."""
        self.actors = {a["id"]: a for a in self.lexicon}
        for actor in self.lexicon:
            if actor["kind"] not in KINDS and actor["kind"] != "non_actor":
                LOGGER.warning("lexicon actor %s has unknown kind %s", actor["id"], actor["kind"])
        self.names: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.metonyms: dict[str, str] = {}
        for actor in self.lexicon:
            for name in [actor["name"], *actor.get("aliases", ())]:
                key = _norm(name)
                self.names.setdefault(key, actor["id"])
                if " " in key or len(key) >= FOLD_MIN:
                    self.folded.setdefault(key.casefold(), actor["id"])
            if actor["kind"] == "state":
                for dem in [*actor.get("demonyms", ()), actor["name"], *actor.get("aliases", ())]:
                    self.demonyms.setdefault(_norm(dem), actor["id"])
                for met in actor.get("metonyms", ()):
                    self.metonyms[_norm(met)] = actor["id"]
        w = self.words
        self.titles = set(w.get("titles", ()))
        self.official_nouns = set(w.get("official_nouns", ()))
        self.honorifics = set(w.get("honorifics", ()))
        self.suffixes = set(w.get("corporate_suffixes", ()))
        self.government_nouns = set(w.get("government_nouns", ()))
        self.group_nouns = set(w.get("group_nouns", ()))
        self.nominal_kinds: dict[str, set[str]] = {}
        for kind, nouns in w.get("nominals", {}).items():
            for noun in nouns:
                self.nominal_kinds.setdefault(noun, set()).add(kind)
        self.naming_verbs = set(w.get("naming_verbs", ()))
        self.denial_verbs = set(w.get("denial_verbs", ()))
        self.accusation_verbs = set(w.get("accusation_verbs", ()))

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        util.to_disk(path, {"actors.jsonl": lambda p: srsly.write_jsonl(p, self.lexicon),
                            "words.json": lambda p: srsly.write_json(p, self.words)}, exclude)

    def from_disk(self, path, *, exclude=tuple()) -> "ActorResolver":
        self.lexicon, self.words = [], {}  # clear before loading

        def read_lexicon(p):
            self.lexicon = list(srsly.read_jsonl(p))

        def read_words(p):
            self.words = srsly.read_json(p)

        util.from_disk(ensure_path(path), {"actors.jsonl": read_lexicon, "words.json": read_words}, exclude)
        self._index()
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"lexicon": self.lexicon, "words": self.words})

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "ActorResolver":
        msg = srsly.msgpack_loads(data)
        self.lexicon, self.words = msg["lexicon"], msg["words"]
        self._index()
        return self

    # -- work ---------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.actors, doc._.mentions = _Resolution(self, doc).run()
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            self.get_error_handler()(self.name, self, [doc], e)
        return doc


class _Resolution:
    """The state of resolving one document: its actors, its mentions (token offsets), its aliases."""

    def __init__(self, pipe: ActorResolver, doc: Doc):
        self.p = pipe
        self.doc = doc
        self.actors: dict[str, dict] = {}
        self.mentions: list[tuple[int, int, str, str]] = []  # start, end (tokens), actor, label
        self.aliases: dict[str, str] = {}  # this document's names: acronyms, surnames
        self.consumed: set[int] = set()
        self.cov: set[int] = set()  # tokens inside a mention
        self.person_ids: set[str] = set()
        self.tokens = list(doc)  # one Token object each, reused by every pass
        self.text = doc.text
        self.cores: dict[tuple[int, int], tuple[int, int]] = {}
        self.sent_of = [0] * len(doc)
        self.sents: list[tuple[int, int]] = []
        for k, sent in enumerate(doc.sents):
            self.sent_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
            self.sents.append((sent.start, sent.end))
        self.verbal = [False] * len(self.sents)  # sentences with a verb (not a headline fragment)
        for tok in self.tokens:
            if tok.pos_ in {"VERB", "AUX"}:
                self.verbal[self.sent_of[tok.i]] = True

    def run(self) -> tuple[list[dict], list[dict]]:
        ents = [e for e in self.doc.ents if e.label_ in NAME_LABELS]
        self.labels = self._consistent_labels(ents)
        self._persons(ents)
        self._acronyms()
        self._named_officials(ents)
        self.ent_actor: dict[tuple[int, int], str] = {}
        for ent in ents:
            if not any(i in self.consumed for i in range(ent.start, ent.end)):
                aid = self._name(ent.start, ent.end, ent.label_)
                if aid:
                    self.ent_actor[(ent.start, ent.end)] = aid
        self._demonym_phrases()
        self._unnamed_officials()
        self._missed_names()
        self._naming_clauses()
        self._disambiguate()
        if self.p.nominals or self.p.pronouns:
            self._anaphora()
        self._consistent_ents()
        return self._output()

    def _consistent_ents(self) -> None:
        """One name, one label: `doc.ents` get the label of their actor's kind ("Hafnium" is not
        a place, "Twitter" no person), and names the NER missed ("(MSTIC)", a repeated "Cisa")
        become entities too."""
        doc = self.doc
        ents, changed = list(doc.ents), False
        for i, ent in enumerate(ents):
            aid = self.ent_actor.get((ent.start, ent.end)) or self._lookup(self._core_text(ent.start, ent.end))
            want = KIND_LABELS.get(self.actors[aid]["kind"], ent.label_) if aid in self.actors else ent.label_
            if want != ent.label_:
                ents[i] = Span(doc, ent.start, ent.end, label=want, kb_id=ent.kb_id, span_id=ent.id)
                changed = True
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        for s, e, aid, label in self.mentions:
            if label in NAME_MENTION_LABELS and aid in self.actors:
                s, e = self._core(s, e)
                if s < e and not taken.intersection(range(s, e)) and (doc[s].is_title or doc[s].is_upper):
                    ents.append(Span(doc, s, e, label=KIND_LABELS.get(self.actors[aid]["kind"], label)))
                    taken.update(range(s, e))
                    changed = True
        if changed:
            doc.ents = sorted(ents, key=lambda x: x.start)

    def _disambiguate(self) -> None:
        """An alias of several threat actors names the one of them that the document also names
        unambiguously; otherwise it stays its own actor with the candidates listed."""
        for aid, actor in list(self.actors.items()):
            named = [c for c in actor.get("candidates", ()) if c in self.actors]
            if len(named) == 1:
                LOGGER.debug("%s resolved by context to %s", aid, named[0])
                self.mentions = [(s, e, named[0] if a == aid else a, label) for s, e, a, label in self.mentions]
                alias = self.actors.pop(aid)["name"]
                if alias not in self.actors[named[0]]["aliases"]:
                    self.actors[named[0]]["aliases"].append(alias)

    # -- actors and mentions --------------------------------------------------------------------
    def _actor(self, aid: str, name: str, kind: str, **extra) -> str:
        if aid not in self.actors:
            known = self.p.actors.get(aid)
            if known:
                actor = {k: known.get(k) for k in ("id", "name", "kind", "title", "part_of", "country")}
                actor["aliases"] = []
                if known.get("candidates"):
                    actor["candidates"] = list(known["candidates"])
            else:
                actor = {"id": aid, "name": name, "kind": kind, "aliases": [], "title": None,
                         "part_of": None, "country": None}
            self.actors[aid] = actor
        actor = self.actors[aid]
        for key, value in extra.items():
            if value and not actor.get(key):
                actor[key] = value
        return aid

    def _mention(self, start: int, end: int, aid: str, label: str) -> None:
        if start < end:
            self.mentions.append((start, end, aid, label))
            self.cov.update(range(start, end))

    def _covered(self, i: int) -> bool:
        return i in self.cov

    # -- names ----------------------------------------------------------------------------------
    def _consistent_labels(self, ents: list[Span]) -> dict[str, str]:
        """One label per name across the document: the most frequent one (earliest on a tie)."""
        votes: dict[str, Counter] = {}
        for ent in ents:
            votes.setdefault(_norm(self._core_text(ent.start, ent.end)), Counter())[ent.label_] += 1
        return {name: counts.most_common(1)[0][0] for name, counts in votes.items()}

    def _core(self, start: int, end: int) -> tuple[int, int]:
        """Strip a leading determiner, a possessive and corporate suffixes from a name's tokens."""
        key = (start, end)
        if key not in self.cores:
            toks = self.tokens
            while start < end and (toks[start].lower_ in officials.DETERMINERS or toks[start].is_punct):
                start += 1
            if self._lookup(self._text(start, end)) is None:
                for i in range(start + 1, end):
                    if toks[i].text in POSSESSIVE:
                        end = i
                        break
            while end - start > 1 and (toks[end - 1].lower_ in self.p.suffixes or toks[end - 1].is_punct):
                end -= 1
            self.cores[key] = (start, end)
        return self.cores[key]

    def _text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), cheaper than a Span."""
        if start >= end:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx:last.idx + len(last)]

    def _core_text(self, start: int, end: int) -> str:
        return self._text(*self._core(start, end))

    def _lookup(self, text: str) -> str | None:
        key = _norm(text)
        return self.aliases.get(key) or self.aliases.get(key.casefold()) or self.p.names.get(key) or (
            self.p.folded.get(key.casefold()) if " " in key or len(key) >= FOLD_MIN else None)

    def _acting(self, start: int, end: int) -> bool:
        """A place name acts when it is a subject, a possessor or an agent ("Beijing has rejected",
        "Moscow's denial"), not when it is where something happens ("in Beijing")."""
        root = self.doc[start:end].root
        if root.dep_ == "conj":
            root = root.head
        return root.dep_ in ACTING_DEPS

    def _name(self, start: int, end: int, label: str) -> str | None:
        """Resolve the name in tokens [start, end) and add its mention (with "the" before it and
        "'s" after it). Returns the actor id, or None for a non-actor."""
        doc = self.doc
        whole = self._lookup(doc[start:end].text.removeprefix("the ").removeprefix("The "))
        for i in range(start + 1, end if whole is None else start):  # "Microsoft's Exchange": the owner
            if doc[i].text in POSSESSIVE:
                end = i + 1
                break
        core_s, core_e = self._core(start, end)
        if core_s >= core_e:
            return None
        text = doc[core_s:core_e].text
        label = self.labels.get(_norm(text), label)
        aid = self._resolve_text(core_s, core_e, text, label, start, end)
        if aid is None:
            return None
        m_start = start
        if m_start > 0 and doc[m_start - 1].lower_ == "the" and m_start - 1 not in self.consumed:
            m_start -= 1
        m_end = end
        if m_end < len(doc) and doc[m_end].text in POSSESSIVE:
            m_end += 1
        m_end = self._descriptor_end(core_s, core_e, m_end, aid)
        actor = self.actors[aid]
        if actor["kind"] in {"person", "official"}:
            label = "PERSON"
        self._mention(m_start, m_end, aid, label)
        if _norm(text) != _norm(actor["name"]) and text not in actor["aliases"]:
            actor["aliases"].append(text)
        return aid

    def _descriptor_end(self, core_s: int, core_e: int, m_end: int, aid: str) -> int:
        """ "Reuters news agency": a common noun that the name modifies joins the mention."""
        root = self.doc[core_s:core_e].root
        head = root.head
        if root.dep_ == "compound" and core_e <= head.i < core_e + 3 and head.tag_ == "NN" \
                and self.actors[aid]["kind"] in self.p.nominal_kinds.get(head.lemma_, ()) \
                and all(t.dep_ == "compound" for t in self.doc[core_e:head.i]):
            return max(m_end, head.i + 1)
        return m_end

    def _resolve_text(self, s: int, e: int, text: str, label: str, start: int, end: int) -> str | None:
        p = self.p
        aid = self._lookup(text)
        if aid is None and text in p.metonyms:
            return self._actor(p.metonyms[text], text, "state") if self._acting(start, end) else None
        if aid is None and e - s > 1 and _norm(self.doc[s].text) in p.demonyms:
            inner = self._lookup(self.doc[s + 1:e].text)  # "the US National Security Council"
            state = p.demonyms[_norm(self.doc[s].text)]
            if inner and p.actors.get(inner, {}).get("part_of") in (state, None):
                aid = inner
        if aid is not None:
            known = p.actors.get(aid)
            if known and known["kind"] == "non_actor":
                return None
            if known and known.get("ambiguous") and label != "GPE":
                return None
            if known:
                return self._actor(aid, known["name"], known["kind"])
            if aid in self.person_ids:
                return self._person(s, e)
            return aid if aid in self.actors else None
        return self._new_actor(s, e, text, label, start, end)

    def _new_actor(self, s: int, e: int, text: str, label: str, start: int, end: int) -> str | None:
        """An actor the lexicon does not know: its kind from the label and name, its id a slug."""
        doc, p = self.doc, self.p
        if label not in NEW_ACTOR_LABELS:
            return None
        if len(text) < 2 or not (text[0].isupper() or text[0].isdigit()):
            return None  # "er", "i": no name
        if p.actors.get(slug(text), {}).get("kind") == "non_actor":
            return None  # a product or law spelt so that no lookup found it ("the Trans- Pacific Partnership")
        if not self.verbal[self.sent_of[s]]:
            LOGGER.debug("no actor from verbless fragment %r", text)
            return None
        if label == "PERSON":
            return self._person(s, e)
        if label == "GPE":
            if not self._acting(start, end):
                return None
            return self._actor(slug(text), text, "other")
        if label == "NORP":
            root = doc[s:e].root
            if root.dep_ in {"amod", "compound"} or root.pos_ == "ADJ":
                return None
            return self._actor(slug(text), text, "group", country=p.actors.get(p.demonyms.get(text, ""), {}).get("country"))
        kind = "organisation"
        for pattern, k in ORG_KIND_WORDS:
            if pattern.search(doc[s:end].text):
                kind = k
                break
        part_of = None
        first = _norm(doc[s].text)
        if e - s > 1 and first in p.demonyms:
            part_of = self._actor(p.demonyms[first], first, "state")
        else:
            for k in range(e - 1, s, -1):  # "Microsoft Threat Intelligence Center": a unit of Microsoft
                parent = self._lookup(doc[s:k].text)
                if parent and p.actors.get(parent, {}).get("kind") in {"company", "organisation", "government_body", "media"}:
                    part_of = self._actor(parent, doc[s:k].text, p.actors[parent]["kind"])
                    break
        if any(doc[i].lower_ in p.suffixes for i in range(e, end)):
            kind = "company"
        return self._actor(slug(text), text, kind, part_of=part_of)

    # -- people ---------------------------------------------------------------------------------
    def _person_tokens(self, s: int, e: int) -> tuple[int, int]:
        doc = self.doc
        while e - s > 1 and doc[s].lower_ in self.p.honorifics:
            s += 1
        return s, e

    def _persons(self, ents: list[Span]) -> None:
        """Full names first, so that "Ms Psaki", "Psaki", "de Blasio" and (when only one person
        has it) a first name find the full person wherever they stand."""
        short: dict[str, set[str]] = {}
        names = [self.doc[slice(*self._person_tokens(*self._core(ent.start, ent.end)))]
                 for ent in ents if ent.label_ == "PERSON"]
        folded = {name.text.casefold() for name in names if len(name) >= 2}
        for name in names:
            s, e = name.start, name.end
            if e - s < 2 or any(f.endswith(" " + name.text.casefold()) for f in folded):
                continue  # a short form, also when it has two words ("De Blasio" of "Bill de Blasio")
            aid = _person_id(name)
            self.aliases.setdefault(_norm(name.text), aid)
            self.person_ids.add(aid)
            for part in (self.doc[e - 1:e], self.doc[s + 1:e], self.doc[s:s + 1]):
                short.setdefault(_norm(part.text), set()).add(aid)
        for key, ids in short.items():
            if len(ids) == 1:
                self.aliases.setdefault(key, next(iter(ids)))
                self.aliases.setdefault(key.casefold(), next(iter(ids)))

    def _person(self, s: int, e: int) -> str:
        s, e = self._person_tokens(s, e)
        text = _norm(self.doc[s:e].text)
        aid = self.aliases.get(text) or self.aliases.get(text.casefold()) or _person_id(self.doc[s:e])
        if aid not in self.actors:
            full = next((k for k, v in self.aliases.items() if v == aid and " " in k and k[:1].isupper()), text)
            self._actor(aid, full, "person")
        return aid

    def _named_officials(self, ents: list[Span]) -> None:
        p = self.p
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            sent = self.sents[self.sent_of[ent.start]]
            title = officials.apposition_title(self.doc, ent, p.titles, sent) \
                or officials.premodifier_title(self.doc, ent, p.titles, sent)
            if title is None:
                continue
            aid = self._person(ent.start, ent.end)
            org = None
            if title.org:
                org = self._org_phrase(*title.org)
            actor = self.actors[aid]
            actor["kind"] = "official"
            self._actor(aid, actor["name"], "official", title=self.doc[title.start:title.end].text, part_of=org)
            self.consumed.update(range(title.start, title.end))  # "Secretary of State": no actor "State"
            if title.phrase:
                self.consumed.update(range(*title.phrase))
                self._mention(title.phrase[0], title.phrase[1], aid, "PERSON")

    def _org_phrase(self, start: int, end: int) -> str | None:
        """The actor of an organisation phrase next to a title: a name, a state's demonym, a
        government noun ("the Chinese government")."""
        doc, p = self.doc, self.p
        s, e = self._core(start, end)
        while s < e and (doc[s].pos_ not in {"PROPN", "NOUN"} and not doc[s].ent_type_
                         or doc[s].lower_ in NOT_ORGANISATION):
            s += 1  # "Former President Bill Clinton", "But Attorney General ..."
        if s >= e:
            return None
        text = _norm(doc[s:e].text)
        if text in p.demonyms and e - s == 1:
            return self._actor(p.demonyms[text], text, "state")
        if e - s >= 2 and doc[e - 1].lower_ in p.government_nouns and _norm(doc[s:e - 1].text) in p.demonyms:
            return self._actor(p.demonyms[_norm(doc[s:e - 1].text)], text, "state")
        label = next((t.ent_type_ for t in doc[s:e] if t.ent_type_), "ORG")
        if not any(t.is_title or t.is_upper for t in doc[s:e]):
            return None
        return self._name(s, e, label if label in NEW_ACTOR_LABELS else "ORG")

    def _unnamed_officials(self) -> None:
        """ "A spokesman for the Chinese government" -> chinese-government-spokesman, part_of china."""
        doc, p = self.doc, self.p
        for tok in self.tokens:
            if tok.i in self.consumed or self._covered(tok.i):
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON":
                continue  # a title: "spokesman John Smith"
            found = officials.unnamed_official(tok, p.official_nouns)
            if not found:
                continue
            start, end, (os_, oe), located = found
            if located:  # "officials in Washington": the state whose capital or name it is, or nobody
                place = _norm(doc[os_:oe].text)
                state = p.metonyms.get(place) or p.demonyms.get(place)
                if state is None or p.actors[state]["kind"] != "state":
                    continue
                org = self._actor(state, p.actors[state]["name"], "state")
            else:
                org = self._org_phrase(os_, oe)
            if org is None and not any(doc[i].pos_ == "NOUN" for i in range(os_, oe)):
                continue
            os2, oe2 = self._core(os_, oe)
            phrase = doc[os2:oe2].text
            aid = slug(f"{phrase} {tok.text}")
            self._actor(aid, f"{phrase} {tok.text}", "official", title=tok.lemma_, part_of=org)
            self._mention(start, end, aid, "OFFICIAL")

    def _demonym_phrases(self) -> None:
        """ "the Chinese government" -> china; "Iranian hackers" -> a group from Iran."""
        doc, p = self.doc, self.p
        for tok in self.tokens:
            if tok.pos_ != "NOUN" or self._covered(tok.i):
                continue
            mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod"} and _norm(c.text) in p.demonyms]
            if not mods or tok.i - mods[-1].i != 1:
                continue
            state = p.demonyms[_norm(mods[-1].text)]
            start = tok.left_edge.i if doc[tok.left_edge.i].lower_ == "the" else mods[0].i
            if tok.lower_ in p.government_nouns:
                self._actor(state, p.actors[state]["name"], "state")
                self._mention(start, tok.i + 1, state, "GPE")
            elif tok.lower_ in p.group_nouns:
                text = doc[mods[0].i:tok.i + 1].text
                aid = self._actor(slug(text), text, "group", country=p.actors[state].get("country"))
                self._mention(start, tok.i + 1, aid, "NORP")

    # -- acronyms and the document's own names --------------------------------------------------
    def _acronyms(self) -> None:
        """ "The Microsoft Threat Intelligence Center (MSTIC)": the acronym names the same actor."""
        doc = self.doc
        for i in range(1, len(doc) - 2):
            if doc[i].text != "(" or doc[i + 2].text != ")" or not ACRONYM.match(doc[i + 1].text):
                continue
            acro = doc[i + 1].text
            start = self._long_form(i, acro)
            if start is None:
                continue
            label = doc[i - 1].ent_type_ or "ORG"
            s, e = self._core(start, i)
            known = self._lookup(doc[s:e].text)
            if known is None and e - s > 1 and _norm(doc[s].text) in self.p.demonyms:
                known = self._lookup(doc[s + 1:e].text)
            if known is None:
                self.aliases[_norm(doc[s:e].text)] = slug(acro)
                parent = self._new_actor(s, e, doc[s:e].text, label, start, i)
                if parent is None:
                    continue
                actor = self.actors.pop(parent)
                actor["id"] = slug(acro)
                self.actors[slug(acro)] = actor
                known = slug(acro)
            else:
                known = self._actor(known, doc[s:e].text, "organisation")
            self.aliases[_norm(acro)] = known
            self.aliases[_norm(doc[s:e].text)] = known
            m_start = start - 1 if start > 0 and _norm(doc[start - 1].text) in self.p.demonyms else start
            if m_start > 0 and doc[m_start - 1].lower_ == "the":
                m_start -= 1
            self._mention(m_start, i, known, label)
            self._mention(i + 1, i + 2, known, label)
            self.consumed.update(range(m_start, i + 3))
            if acro not in self.actors[known]["aliases"] and acro != self.actors[known]["name"]:
                self.actors[known]["aliases"].append(acro)

    def _long_form(self, paren: int, acro: str) -> int | None:
        """Start of the name before "(" whose initials spell `acro` (words may give several
        letters: Microsoft -> MS; "and", "of", "the" may give none)."""
        doc = self.doc
        letters = acro.upper()
        start = paren
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].lower_ in {"and", "of", "for", "the"}) \
                and paren - start < 10 and not doc[start - 1].is_punct:
            start -= 1
            words = [t.text for t in doc[start:paren] if t.lower_ not in {"and", "of", "for", "the"}]
            if words and _spells(letters, [w.upper() for w in words]):
                return start
        return None

    def _missed_names(self) -> None:
        """A name found once is found everywhere: untagged repeats of this document's names and
        acronyms, and surnames of its people."""
        doc = self.doc
        surfaces: dict[str, list[tuple[list[str], str, str]]] = {}
        for s, e, aid, label in self.mentions:
            if label in {"ORG", "GPE", "PERSON", "NORP"}:
                cs, ce = self._core(s, e)
                toks = [t.text for t in doc[cs:ce]]
                if doc[cs:ce].text in self.p.metonyms or self.actors[aid]["kind"] == "other":
                    continue  # a place acts only as a subject: "Washington warned", not "in Washington"
                if toks and toks[0][:1].isupper():
                    surfaces.setdefault(toks[0], []).append((toks, aid, label))
        for key, aid in self.aliases.items():
            if aid in self.actors and key[:1].isupper():
                toks = key.split(" ")
                surfaces.setdefault(toks[0], []).append((toks, aid, "ORG" if self.actors[aid]["kind"] not in {"person", "official"} else "PERSON"))
        covered = set()
        for s, e, _, _ in self.mentions:
            covered.update(range(s, e))
        for tok in self.tokens:
            if tok.i in covered or tok.text not in surfaces:
                continue
            for toks, aid, label in sorted(surfaces[tok.text], key=lambda x: -len(x[0])):
                end = tok.i + len(toks)
                if [t.text for t in doc[tok.i:end]] == toks and not covered.intersection(range(tok.i, end)):
                    if end < len(doc) and doc[end].text in POSSESSIVE:
                        end += 1
                    self._mention(tok.i, end, aid, label)
                    covered.update(range(tok.i, end))
                    break

    def _naming_clauses(self) -> None:
        """ "a “state-sponsored threat actor” ... which they named Hafnium": the noun phrase is Hafnium."""
        doc = self.doc
        by_start = {s: (e, aid) for s, e, aid, _ in self.mentions}
        for tok in self.tokens:
            if tok.lemma_ not in self.p.naming_verbs or tok.dep_ != "relcl":
                continue
            named = [c for c in tok.children if c.dep_ in {"oprd", "dobj", "attr", "xcomp", "ccomp"} and c.i in by_start]
            rel = [c for c in tok.children if c.tag_ in {"WDT", "WP"}]
            if not named or not rel:
                continue
            noun = tok.head
            aid = by_start[named[0].i][1]
            start, end = noun.left_edge.i, noun.i + 1
            if end < len(doc) and doc[end].text in {"”", '"', "’"}:
                end += 1
            if not any(self._covered(i) for i in range(start, end)):
                self._mention(start, end, aid, "NOMINAL")

    # -- nominals and pronouns --------------------------------------------------------------------
    def _anaphora(self) -> None:
        """Walk the document once, keeping the mentions seen so far; resolve each definite nominal
        and referential subject pronoun to the latest compatible one (subjects first)."""
        doc, p = self.doc, self.p
        starts: dict[int, list[tuple[int, int, str, str]]] = {}
        for m in self.mentions:
            starts.setdefault(m[0], []).append(m)
        covered = set()
        for s, e, _, _ in self.mentions:
            covered.update(range(s, e))
        seen: list[tuple[int, str, bool]] = []  # sentence, actor, is subject

        def remember(s: int, e: int, aid: str) -> None:
            root = doc[s:e].root
            subj = root.dep_ in SUBJECT_DEPS or (root.dep_ in {"conj", "appos"} and root.head.dep_ in SUBJECT_DEPS) \
                or self._before_finite_verb(e)
            parent = self.actors[aid].get("part_of")
            if parent and parent in self.actors and self.actors[aid]["kind"] == "organisation":
                seen.append((self.sent_of[s], parent, subj))  # MSTIC speaks for Microsoft
            seen.append((self.sent_of[s], aid, subj))

        for tok in self.tokens:
            for s, e, aid, _ in starts.get(tok.i, ()):
                remember(s, e, aid)
            if tok.i in covered:
                continue
            found = None
            if p.nominals and tok.pos_ == "NOUN" and tok.lemma_ in p.nominal_kinds:
                found = self._nominal(tok, seen)
            elif p.pronouns and tok.lower_ in PRONOUN_KINDS and tok.dep_ in SUBJECT_DEPS:
                found = self._pronoun(tok, seen)
            if found:
                start, aid, label = found
                self._mention(start, tok.i + 1, aid, label)
                covered.update(range(start, tok.i + 1))
                remember(start, tok.i + 1, aid)

    def _before_finite_verb(self, e: int) -> bool:
        """A name right before a finite verb acts as its subject even when a headline or a
        dateline has thrown the parser off ("... GMT\nMicrosoft also said it ...")."""
        tokens = self.tokens
        while e < len(tokens) and tokens[e].pos_ == "ADV":
            e += 1
        return e < len(tokens) and tokens[e].tag_ in FINITE_TAGS

    def _pick(self, seen, kinds: set[str], sent: int, window: int, subjects: bool) -> str | None:
        """The latest compatible actor within `window` sentences (only subjects for pronouns)."""
        for k, aid, subj in reversed(seen):
            if k < sent - window:
                break
            if (subj or not subjects) and self.actors[aid]["kind"] in kinds:
                return aid
        return None

    def _nominal(self, tok: Token, seen) -> tuple[int, str, str] | None:
        """ "the company", "The tech giant", "the country": definite, singular, no name inside."""
        if tok.tag_ != "NN":
            return None
        dets = [c for c in tok.lefts if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in DEFINITE:
            return None
        if any(c.pos_ == "PROPN" or c.ent_type_ for c in tok.lefts):
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
            return None
        kinds = self.p.nominal_kinds[tok.lemma_]
        aid = self._pick(seen, kinds, self.sent_of[tok.i], SENTENCE_WINDOW["nominal"], subjects=False)
        return (dets[0].i, aid, "NOMINAL") if aid else None

    def _pronoun(self, tok: Token, seen) -> tuple[int, str, str] | None:
        word = tok.lower_
        head = tok.head
        if word == "it" and self._expletive(tok):
            return None
        if word == "they" and (tok.dep_ == "nsubjpass" or _is_be(head)):
            return None
        kinds = PRONOUN_KINDS[word]
        if head.lemma_ in self.p.denial_verbs:  # "accused the Chinese government ..., something they deny"
            accused = self._accused_before(tok)
            if accused and self.actors[accused]["kind"] in kinds:
                return tok.i, accused, "PRON"
        aid = self._pick(seen, kinds, self.sent_of[tok.i], SENTENCE_WINDOW["pronoun"], subjects=True)
        return (tok.i, aid, "PRON") if aid else None

    def _expletive(self, tok: Token) -> bool:
        """ "it is reported that", "it was essential that", "It's nice to": not a reference."""
        head = tok.head
        deps = {c.dep_ for c in head.children}
        if tok.dep_ == "expl" or head.lemma_ in {"seem", "appear", "happen", "take", "matter"}:
            return True
        if "auxpass" in deps and "ccomp" in deps:
            return True
        return _is_be(head) and bool(deps & {"acomp", "attr"}) and bool(deps & {"ccomp", "xcomp", "csubj"})

    def _accused_before(self, tok: Token) -> str | None:
        """The object of the latest accusation in this or the previous sentence."""
        doc = self.doc
        k = self.sent_of[tok.i]
        first = self.sents[max(k - 1, 0)][0]
        for verb in reversed(doc[first:tok.i]):
            if verb.lemma_ in self.p.accusation_verbs:
                for obj in verb.children:
                    if obj.dep_ == "dobj":
                        for s, e, aid, _ in self.mentions:
                            if s <= obj.i < e:
                                return aid
        return None

    # -- output -----------------------------------------------------------------------------------
    def _output(self) -> tuple[list[dict], list[dict]]:
        """Non-overlapping mentions (the longer wins), character offsets, sorted; the actors they
        name and the organisations and states these are part of."""
        kept: list[tuple[int, int, str, str]] = []
        taken: set[int] = set()
        for m in sorted(set(self.mentions), key=lambda m: (-(m[1] - m[0]), m[0])):
            if not taken.intersection(range(m[0], m[1])):
                kept.append(m)
                taken.update(range(m[0], m[1]))
        mentions, toks = [], self.tokens
        for s, e, aid, label in sorted(kept):
            start, end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1])
            mentions.append({"start": start, "end": end, "text": self.text[start:end], "label": label, "actor": aid})
        ids = {m["actor"] for m in mentions}
        todo = list(ids)
        while todo:
            parent = self.actors.get(todo.pop(), {}).get("part_of")
            if parent and parent not in ids:
                if parent not in self.actors:
                    known = self.p.actors.get(parent)
                    if not known:
                        continue
                    self._actor(parent, known["name"], known["kind"])
                ids.add(parent)
                todo.append(parent)
        actors = [self.actors[a] for a in sorted(ids) if a in self.actors]
        return actors, mentions


def _person_id(name: Span) -> str:
    """A person's id without middle initials: "Donald J. Trump" and "Donald Trump" are one."""
    words = [t.text for t in name if not (len(t.text.rstrip(".")) == 1 and t.text[:1].isupper() and t.i not in (name.start, name.end - 1))]
    return slug(" ".join(words))


def _is_be(tok: Token) -> bool:
    return tok.lemma_ == "be" or tok.lower_ in {"'s", "’s", "'re", "’re"}


def _spells(letters: str, words: list[str]) -> bool:
    """Can `letters` be cut into pieces, one per word in order, each the word's first letter and
    then letters found later in that word ("MS" from MICROSOFT, "C" from CENTER)?"""
    if not words:
        return not letters
    word = words[0]
    if not letters or letters[0] != word[0]:
        return False
    k, pos = 1, 1
    while True:
        if _spells(letters[k:], words[1:]):
            return True
        if k >= len(letters):
            return False
        pos = word.find(letters[k], pos) + 1
        if pos == 0:
            return False
        k += 1
