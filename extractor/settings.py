"""Run settings: defaults here, overlaid by the environment, then by the command line."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from pipelines import DEFAULT_MODEL, tagger_wanted

from .ingest import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL  # a spaCy package name or a folder saved by nlp.to_disk
    batch_size: int = 32
    n_process: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    verbatim: bool = False
    engine: str = "local"  # "local" (this machine, --n-process workers) or "dask"
    scheduler: str | None = None  # the Dask scheduler's address, for engine "dask"
    # the trained attribution tagger on or off, decided where the settings are made ($EXTRACTOR_TAGGER,
    # else news.cfg): workers get it with the settings, whatever their own environment says
    tagger: bool = field(default_factory=tagger_wanted)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """EXTRACTOR_MODEL names the pipeline; explicit overrides (not None) win over it."""
        base = cls(model=os.environ.get("EXTRACTOR_MODEL") or DEFAULT_MODEL)
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
