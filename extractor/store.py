"""Output files that are never left half-written: JSON Lines written to `NAME.part`, renamed on success.

A run that dies leaves `NAME.part` with every document finished so far (one flushed line each);
`resume=True` keeps those lines (dropping a torn last line) and the caller skips their ids.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import IO, Iterator

LOGGER = logging.getLogger(__name__)


def read_jsonl_ids(path: Path) -> list[str]:
    """Ids of the complete lines of a JSON Lines file (a torn or invalid line ends the read)."""
    ids = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                ids.append(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                break
    return ids


class JsonlWriter:
    """Context manager writing one JSON object a line to `path` ('-' for stdout) atomically."""

    def __init__(self, path: str | Path, *, resume: bool = False):
        self.path = None if str(path) == "-" else Path(path)
        self.resume = resume
        self.done: set[str] = set()  # ids already written by an earlier run (resume)
        self._fh: IO[str] | None = None

    @property
    def part(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".part")

    def __enter__(self) -> "JsonlWriter":
        if self.path is None:
            self._fh = sys.stdout
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.resume:
            self._resume()
        else:
            self._fh = open(self.part, "w", encoding="utf-8")
        return self

    def _resume(self) -> None:
        """Start from the earlier run's complete lines: its finished output or its `.part` file."""
        previous = self.part if self.part.exists() else self.path if self.path.exists() else None
        lines: list[str] = []
        if previous is not None:
            ids = read_jsonl_ids(previous)
            with open(previous, encoding="utf-8") as fh:
                lines = [next(fh) for _ in ids]
            self.done = set(ids)
            LOGGER.info("resuming %s: %d documents already written", self.path, len(ids))
        tmp = self.part.with_name(self.part.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        os.replace(tmp, self.part)
        self._fh = open(self.part, "a", encoding="utf-8")

    def write(self, record: dict) -> None:
        assert self._fh is not None
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.path is None:
            self._fh.flush()
            return
        self._fh.close()
        if exc_type is None:
            os.replace(self.part, self.path)
        else:
            LOGGER.warning("run stopped; %s keeps the documents written so far (use --resume)", self.part)


def iter_jsonl(path: Path) -> Iterator[dict]:
    """Read back a JSON Lines output file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
