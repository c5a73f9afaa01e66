"""What makes a stored document current: the hash of its raw input and the fingerprint of the pipeline.

A rerun skips a document whose content hash and pipeline fingerprint are both unchanged, before
cleaning or parsing it: the content hash is taken over the raw input (HTML or text and the metadata
that came with it), and the fingerprint is known before the model is loaded.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import spacy
import trafilatura

from pipelines import CONFIG_PATH, DATA_DIR

from . import __version__
from .headline import RULES as HEADLINE_RULES
from .records import RawDocument
from .settings import Settings

LOGGER = logging.getLogger(__name__)

EXTRACTOR_DATA = Path(__file__).with_name("data")
RAW_FIELDS = ("html", "text", "url", "title", "source", "published")


def content_hash(raw: RawDocument) -> str:
    """sha256 of what the input says (not where it was read from: a moved file is unchanged)."""
    payload = json.dumps([getattr(raw, name) for name in RAW_FIELDS], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """Everything that changes a document's output besides its input."""

    model: str
    model_version: str
    config_hash: str  # our settings that change output, the headline rules + pipelines/news.cfg
    data_hash: str  # pipelines/data/* and extractor/data/*
    version: str  # this package, spaCy and trafilatura

    @property
    def digest(self) -> str:
        parts = (self.model, self.model_version, self.config_hash, self.data_hash, self.version)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def pipeline_fingerprint(settings: Settings) -> Fingerprint:
    config = (json.dumps({"verbatim": settings.verbatim, "headline": HEADLINE_RULES, "tagger": settings.tagger})
              + CONFIG_PATH.read_text(encoding="utf-8"))
    return Fingerprint(
        model=settings.model,
        model_version=model_version(settings.model),
        config_hash=hashlib.sha256(config.encode("utf-8")).hexdigest()[:16],
        data_hash=_files_hash((DATA_DIR, EXTRACTOR_DATA)),
        version=f"news-extractor {__version__}, spacy {spacy.__version__}, trafilatura {trafilatura.__version__}",
    )


def model_version(model: str) -> str:
    """The installed package's version, or for a saved folder the hash of its meta.json and
    config.cfg (a retrained folder changes both), without loading the model."""
    folder = Path(model)
    if folder.is_dir():
        h = hashlib.sha256()
        for name in ("meta.json", "config.cfg"):
            if (folder / name).exists():
                h.update((folder / name).read_bytes())
        return "folder:" + h.hexdigest()[:16]
    try:
        return metadata.version(model)
    except metadata.PackageNotFoundError:
        LOGGER.debug("%s: no installed distribution of that name; the fingerprint uses the name alone", model)
        return "unknown"


@lru_cache(maxsize=4)
def _files_hash(folders: tuple[Path, ...]) -> str:
    h = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(str(path.relative_to(folder)).encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]
