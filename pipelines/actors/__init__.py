"""news_actors: entity mentions -> actors with canonical ids, within the document.

Runs after `ner` (which the `news_gazetteer` entity_ruler has corrected). The lexicon
(lexicon.py) is built once at `initialize`; per document, the passes of `PASSES` run in that order
over one explicit actor table and mention set (table.py), each a function `(doc, lexicon, table)`:

    label_votes        one label per name (labels.py)
    persons            full names first, so surnames find them (persons.py)
    acronyms           "... Center (MSTIC)" (acronyms.py)
    named_officials    titles before a name and in apposition (persons.py, officials.py)
    entity_names       the NER's names looked up or made new actors (lookup.py)
    state_bodies       "Kenya's parliament", "the Punjab police", "China's foreign ministry" (places.py)
    demonym_phrases    "the Chinese government", "Iranian hackers" (places.py)
    state_names        a state's name the NER missed or mislabelled ("Niger" as a date) (places.py)
    unnamed_officials  "a spokesman for the Chinese government", "US officials" (persons.py)
    missed_names       repeats the NER missed (lookup.py)
    naming_clauses     "... which they named Hafnium" (lookup.py)
    disambiguate       an alias of several threat actors (lookup.py)
    abbreviations      "VW" for Volkswagen: an unknown abbreviation that spells one name (acronyms.py)
    company_kinds      an organisation in business context is a company (kinds.py)
    honorific_surnames "Mrs. Clinton" of Bill and Hillary Clinton is Hillary Clinton (persons.py)
    coreference        nominals and subject pronouns (coreference.py)
    title_offices      "the district attorney's office" no named holder speaks for (persons.py)
    owned_business     "its shares", "its chief executive": "its" organisation is a company (kinds.py)

Then, in one place (`resolve_actors`): `doc.ents` made consistent with the actors (labels.py) and
`Doc._.actors`, `Doc._.mentions` written as plain dicts (output.py; see pipelines.extensions).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..extensions import register_extensions
from ..lexicons import check_language
from ..names import slug
from .acronyms import abbreviations, acronyms
from .coreference import coreference
from .kinds import company_kinds, owned_business
from .labels import consistent_ents, label_votes
from .lexicon import ActorLexicon
from .lookup import disambiguate, entity_names, missed_names, naming_clauses
from .output import records
from .persons import honorific_surnames, named_officials, persons, title_offices, unnamed_officials
from .places import demonym_phrases, state_bodies, state_names
from .table import ActorTable, DocView, cyber_context

__all__ = ["ActorLexicon", "ActorResolver", "PASSES", "make_actors", "resolve_actors", "slug"]

Pass = Callable[[DocView, ActorLexicon, ActorTable], None]

# the passes, in the order they run (each reads what the ones before it put in the table)
PASSES: tuple[Pass, ...] = (label_votes, persons, acronyms, named_officials, entity_names, state_bodies, demonym_phrases,
                            state_names, unnamed_officials, missed_names, naming_clauses, disambiguate, abbreviations,
                            company_kinds, honorific_surnames, coreference, title_offices, owned_business)


@Language.factory("news_actors", assigns=["doc._.actors", "doc._.mentions", "doc.ents"], requires=["doc.ents"],
                  default_config={"pronouns": True, "nominals": True})
def make_actors(nlp: Language, name: str, pronouns: bool, nominals: bool) -> ActorResolver:
    return ActorResolver(nlp, name, pronouns=pronouns, nominals=nominals)


def resolve_actors(doc: Doc, lex: ActorLexicon, passes: tuple[Pass, ...] = PASSES) -> Doc:
    """Run the passes over one document, then write `doc.ents`, `Doc._.actors` and `Doc._.mentions`."""
    view = DocView.of(doc)
    table = ActorTable(cyber=cyber_context(view, lex))
    for run in passes:
        run(view, lex, table)
    ents = consistent_ents(view, lex, table)
    actors, mentions = records(view, lex, table)
    if ents is not None:
        doc.ents = ents
    doc._.actors, doc._.mentions = actors, mentions
    return doc


class ActorResolver(Pipe):
    """Finds the actors of one document and every mention of them. Data: the actor lexicon
    (`actors.jsonl`) and the word lists (pipelines/data/<lang>/, see pipelines.lexicons), given at
    `initialize`."""

    def __init__(self, nlp: Language, name: str = "news_actors", *, pronouns: bool = True, nominals: bool = True):
        register_extensions()
        self.name = name
        self.lexicon: list[dict] = []
        self.words: dict[str, Any] = {}
        self.lex = ActorLexicon()
        # the config's switches go into the coreference pass; the order stays PASSES'
        self.passes = tuple(partial(coreference, nominals=nominals, pronouns=pronouns) if p is coreference else p
                            for p in PASSES)

    # -- data ---------------------------------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp: Language | None = None,
                   lexicon: list[dict] | None = None, words: dict | None = None) -> None:
        check_language(self.name, words or {}, nlp)
        self.lexicon = list(lexicon or [])
        self.words = dict(words or {})
        self.lex = ActorLexicon.from_data(self.lexicon, self.words)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        util.to_disk(path, {"actors.jsonl": lambda p: srsly.write_jsonl(p, self.lexicon),
                            "words.json": lambda p: srsly.write_json(p, self.words)}, exclude)

    def from_disk(self, path, *, exclude=tuple()) -> ActorResolver:
        self.lexicon, self.words = [], {}  # clear before loading

        def read_lexicon(p):
            self.lexicon = list(srsly.read_jsonl(p))

        def read_words(p):
            self.words = srsly.read_json(p)

        util.from_disk(ensure_path(path), {"actors.jsonl": read_lexicon, "words.json": read_words}, exclude)
        self.lex = ActorLexicon.from_data(self.lexicon, self.words)
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"lexicon": self.lexicon, "words": self.words})

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> ActorResolver:
        msg = srsly.msgpack_loads(data)
        self.lexicon, self.words = msg["lexicon"], msg["words"]
        self.lex = ActorLexicon.from_data(self.lexicon, self.words)
        return self

    # -- work ---------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        try:
            resolve_actors(doc, self.lex, self.passes)
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            self.get_error_handler()(self.name, self, [doc], e)
        return doc
