"""Where batches are processed: in this process, in N local worker processes, or on a Dask cluster.

Every engine takes batches of `Job`s and yields each batch with its outcomes, in input order, with
a bounded number of batches in flight, so reading stays lazy and memory flat whatever the corpus
size. The work itself is always `work.process_batch`; only the place it runs changes.
"""
from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .errors import UsageError
from .records import RawDocument
from .settings import Settings
from .work import Outcome, load_nlp, process_batch

LOGGER = logging.getLogger(__name__)

ENGINES = ("local", "dask")
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, few enough to stay flat


@dataclass(frozen=True)
class Job:
    """A raw document on its way, with the hash of its content (empty when nobody needs it)."""

    raw: RawDocument
    content_hash: str = ""


Done = tuple[list[Job], list[Outcome]]


def run_batches(batches: Iterable[list[Job]], settings: Settings) -> Iterator[Done]:
    """Dispatch on `settings.engine` and `settings.n_process`."""
    if settings.engine == "dask":
        yield from _dask(batches, settings)
    elif settings.engine != "local":
        raise UsageError(settings.engine, f"unknown engine (expected one of {', '.join(ENGINES)})")
    elif settings.n_process > 1:
        yield from _processes(batches, settings)
    else:
        for batch in batches:
            yield batch, process_batch([j.raw for j in batch], settings)


def _windowed(batches: Iterable[list[Job]], submit: Callable[[list[RawDocument]], Future],
              window: int) -> Iterator[Done]:
    """Submit batches as results come back, at most `window` in flight, results in input order."""
    pending: deque[tuple[list[Job], Future]] = deque()
    for batch in batches:
        pending.append((batch, submit([j.raw for j in batch])))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


def _warm(model: str, tagger: bool) -> None:
    """Worker initializer: load the pipeline once, before the first batch arrives."""
    load_nlp(model, tagger)


def _processes(batches: Iterable[list[Job]], settings: Settings) -> Iterator[Done]:
    n = settings.n_process
    with ProcessPoolExecutor(n, initializer=_warm, initargs=(settings.model, settings.tagger)) as pool:
        yield from _windowed(batches, lambda raws: pool.submit(process_batch, raws, settings),
                             IN_FLIGHT_PER_WORKER * n)


def _dask(batches: Iterable[list[Job]], settings: Settings) -> Iterator[Done]:
    """Batches become Dask tasks on the cluster at `settings.scheduler`; the workers import this
    package and load the pipeline once per worker process (`load_nlp` is cached there)."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--engine dask", "needs dask.distributed: pip install 'news-extractor[dask]'") from None
    if not settings.scheduler:
        raise UsageError("--engine dask", "needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    with Client(settings.scheduler) as client:
        workers = max(1, sum(client.nthreads().values()))
        LOGGER.info("dask: %d worker threads at %s", workers, settings.scheduler)
        yield from _windowed(batches, lambda raws: client.submit(process_batch, raws, settings, pure=False),
                             IN_FLIGHT_PER_WORKER * workers)
