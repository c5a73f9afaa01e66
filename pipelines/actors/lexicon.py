"""The lexicon of news_actors, built once from its data at `initialize`: the actor lexicon
(`actors.jsonl`, by scripts/build_gazetteers.py) indexed by name, folded name, demonym and metonym,
and the word lists (titles, names, nominals, actor verbs of pipelines/data/<lang>/)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..names import NameWords, norm

LOGGER = logging.getLogger(__name__)

KINDS = ("state", "government_body", "company", "organisation", "media", "official", "person",
         "threat_actor", "group", "other")
FOLD_MIN = 5  # names this long or multiword also match case-insensitively


@dataclass(frozen=True)
class Descriptions:
    """The words of descriptions of named people (descriptions.json): their heads, the heads that say
    a gender, equivalent words ("GOP", "Republican"), party tags' letters and the US states' abbreviations."""

    nouns: frozenset[str] = frozenset()
    genders: dict[str, str] = field(default_factory=dict)
    equivalents: dict[str, str] = field(default_factory=dict)
    party_letters: dict[str, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_words(cls, words: dict) -> Descriptions:
        return cls(frozenset(words.get("description_nouns", ())),
                   {w: g for g, ws in words.get("description_genders", {}).items() for w in ws},
                   dict(words.get("word_equivalents", {})), dict(words.get("party_letters", {})),
                   dict(words.get("state_abbreviations", {})))


@dataclass(frozen=True)
class ActorLexicon:
    actors: dict[str, dict] = field(default_factory=dict)  # id -> lexicon entry
    names: dict[str, str] = field(default_factory=dict)    # normalized name or alias -> id
    folded: dict[str, str] = field(default_factory=dict)   # the same, case-folded, for long or multiword names
    cyber_names: dict[str, str] = field(default_factory=dict)  # names that are English words ("Mercury"), case-folded
    cyber_words: frozenset[str] = frozenset()  # lemmas that make a document's context cyber ("hacker", "malware")
    demonyms: dict[str, str] = field(default_factory=dict)  # "Chinese", "China" -> state id
    metonyms: dict[str, str] = field(default_factory=dict)  # "Beijing" -> state id
    titles: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()  # "finance" of "Finance Minister": part of the title
    office_titles: frozenset[str] = frozenset()  # "the district attorney's office": with titles, a body
    official_nouns: frozenset[str] = frozenset()
    name_words: NameWords = NameWords()  # honorifics and corporate suffixes, shared with extractor/resolve.py
    government_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    state_body_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "alone" / "modified" -> a state's institutions
    nominal_kinds: dict[str, set[str]] = field(default_factory=dict)  # "company" -> {"company"}
    member_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "officers" -> words of its body's name
    owned_nouns: frozenset[str] = frozenset()  # "the campaign" for the latest "X's campaign": X
    naming_verbs: frozenset[str] = frozenset()
    voicing_nouns: frozenset[str] = frozenset()  # "condemnation from Zagreb": the capital acts
    denial_verbs: frozenset[str] = frozenset()
    accusation_verbs: frozenset[str] = frozenset()
    given_names: dict[str, str] = field(default_factory=dict)  # "hillary" -> "f", "donald" -> "m"
    descriptions: Descriptions = field(default_factory=Descriptions)  # "the Vermont senator"

    @classmethod
    def from_data(cls, lexicon: list[dict], words: dict) -> ActorLexicon:
        """Compile the lookups once: exact names, folded names, demonyms, metonyms, word sets."""
        for actor in lexicon:
            if actor["kind"] not in KINDS and actor["kind"] != "non_actor":
                LOGGER.warning("lexicon actor %s has unknown kind %s", actor["id"], actor["kind"])
        names: dict[str, str] = {}
        folded: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        metonyms: dict[str, str] = {}
        cyber_names: dict[str, str] = {}
        for actor in lexicon:
            words_only = {norm(w).casefold() for w in actor.get("word_names", ())}
            for name in [actor["name"], *actor.get("aliases", ())]:
                key = norm(name)
                if key.casefold() in words_only:
                    cyber_names.setdefault(key.casefold(), actor["id"])
                    continue
                names.setdefault(key, actor["id"])
                if " " in key or len(key) >= FOLD_MIN:
                    folded.setdefault(key.casefold(), actor["id"])
            if actor["kind"] == "state":
                for dem in [*actor.get("demonyms", ()), actor["name"], *actor.get("aliases", ())]:
                    demonyms.setdefault(norm(dem), actor["id"])
                for met in actor.get("metonyms", ()):
                    metonyms[norm(met)] = actor["id"]
        nominal_kinds: dict[str, set[str]] = {}
        for kind, nouns in words.get("nominals", {}).items():
            for noun in nouns:
                nominal_kinds.setdefault(noun, set()).add(kind)
        return cls(
            actors={a["id"]: a for a in lexicon}, names=names, folded=folded, demonyms=demonyms, metonyms=metonyms,
            cyber_names=cyber_names, cyber_words=frozenset(words.get("cyber_words", ())),
            titles=frozenset(words.get("titles", ())),
            portfolios=frozenset(words.get("portfolios", ())),
            office_titles=frozenset(words.get("office_titles", ())), official_nouns=frozenset(words.get("official_nouns", ())),
            name_words=NameWords.from_words(words),
            government_nouns=frozenset(words.get("government_nouns", ())),
            group_nouns=frozenset(words.get("group_nouns", ())), nominal_kinds=nominal_kinds,
            state_body_nouns={k: frozenset(v) for k, v in words.get("state_body_nouns", {}).items()},
            member_nouns={k: frozenset(v) for k, v in words.get("member_nouns", {}).items()},
            owned_nouns=frozenset(words.get("owned_nouns", ())),
            naming_verbs=frozenset(words.get("naming_verbs", ())),
            voicing_nouns=frozenset(words.get("voicing_nouns", ())), denial_verbs=frozenset(words.get("denial_verbs", ())),
            accusation_verbs=frozenset(words.get("accusation_verbs", ())),
            given_names={n: g for g, ns in words.get("given_names", {}).items() for n in ns},
            descriptions=Descriptions.from_words(words))
