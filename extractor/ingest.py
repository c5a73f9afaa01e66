"""Read inputs (files, folders, JSON Lines, stdin) into RawDocuments, lazily, one at a time.

One bad input never stops the run: it becomes an `InputError` naming the input (`path` or
`path:LINE`) and the reason, yielded in its place, and reading goes on with the next one.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import charset_normalizer

from .errors import InputError, UsageError
from .records import RawDocument

LOGGER = logging.getLogger(__name__)

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB
STDIN = "-"

HTML, TEXT, JSONL = "html", "text", "jsonl"
# What a file holds, by the end of its name (case-insensitive); the document id is the name without it.
KINDS: tuple[tuple[str, str], ...] = (
    (".html.gz", HTML),
    (".htm.gz", HTML),
    (".jsonl.gz", JSONL),
    (".html", HTML),
    (".htm", HTML),
    (".txt", TEXT),
    (".jsonl", JSONL),
)
SUPPORTED = ", ".join(suffix for suffix, _ in KINDS)

RECORD_META = ("url", "title", "source", "published")
BINARY_SAMPLE = 8192
BINARY_CONTROL_SHARE = 0.3  # over this share of control bytes in the sample, it is not text
CONTROL_BYTES = bytes(b for b in [*range(0x20), 0x7F] if b not in b"\t\n\r\f\v\x1b")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
HTML_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Pages that declare Latin-1 are cp1252 in practice (browsers decode them so, per the WHATWG spec).
LATIN1_ALIASES = frozenset({"iso8859-1", "ascii"})


def check_paths(paths: Sequence[str]) -> None:
    """Fail early, before any work, when the command line names a path that does not exist."""
    for path in paths:
        if path != STDIN and not os.path.lexists(path):
            raise UsageError(path, "no such file or directory")


def iter_raw(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None
) -> Iterator[RawDocument | InputError]:
    """Lazily yield one RawDocument per input document, in input order, or an InputError for an input that cannot be read; never raise for one bad input."""
    for path in map(os.fspath, paths):
        if path == STDIN:
            yield from _iter_jsonl_stream(_binary(stdin if stdin is not None else sys.stdin), STDIN, max_bytes)
        elif not os.path.lexists(path):
            yield InputError(path, "no such file or directory")
        elif os.path.isdir(path):
            yield from _iter_folder(Path(path), max_bytes)
        else:
            yield from _iter_file(Path(path), max_bytes)


def _binary(stream: IO[Any]) -> IO[bytes]:
    """sys.stdin is a text stream; JSON Lines are read as bytes from the buffer under it."""
    return stream.buffer if isinstance(stream, io.TextIOBase) and hasattr(stream, "buffer") else stream


def kind_of(path: Path) -> tuple[str, str] | None:
    """(kind, suffix) of a file by its name, or None for a file type we do not read."""
    name = path.name.lower()
    for suffix, kind in KINDS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind, suffix
    return None


def decode(data: bytes, origin: str, *, html: bool = False) -> str:
    """Bytes -> text: UTF-8 (BOM ok), else the page's declared charset, else detection, else cp1252.

    Never fails: legacy-encoded text is common in the wild and still worth reading.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _declared_charset(data) if html else None
    if encoding is None:
        best = charset_normalizer.from_bytes(data).best()
        encoding = best.encoding if best is not None else None
    if encoding is None or codecs.lookup(encoding).name in LATIN1_ALIASES:
        encoding = "cp1252"
    LOGGER.debug("%s: not UTF-8, decoded as %s", origin, encoding)
    return data.decode(encoding, errors="replace")


def _declared_charset(data: bytes) -> str | None:
    match = HTML_CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _iter_folder(root: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    errors: list[OSError] = []
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath, name) for name in filenames if not name.startswith("."))
    for err in errors:
        yield InputError(str(err.filename or root), _os_reason(err))
    for path in sorted(found):
        if kind_of(path) is None:
            LOGGER.debug("%s: skipped, not a supported file type (%s)", path, SUPPORTED)
            continue
        yield from _iter_file(path, max_bytes)


def _iter_file(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError]:
    origin = str(path)
    found = kind_of(path)
    if found is None:
        yield InputError(origin, f"unsupported file type (expected {SUPPORTED})")
        return
    kind, suffix = found
    try:
        if kind == JSONL:
            with _open(path, suffix) as fh:
                yield from _iter_jsonl_stream(fh, origin, max_bytes)
        else:
            yield _read_document(path, kind, suffix, max_bytes)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(origin, _os_reason(err))


def _open(path: Path, suffix: str) -> IO[bytes]:
    return gzip.open(path, "rb") if suffix.endswith(".gz") else open(path, "rb")


def _read_document(path: Path, kind: str, suffix: str, max_bytes: int) -> RawDocument:
    """One HTML or text file -> RawDocument; the size is checked before anything is loaded."""
    origin = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(origin, f"file is {_size(size)}, over the {_limit(max_bytes)} limit")
    with _open(path, suffix) as fh:
        data = _read(fh, max_bytes + 1, origin)
    if len(data) > max_bytes:
        raise InputError(origin, f"decompressed content is over the {_limit(max_bytes)} limit")
    if not data:
        raise InputError(origin, "file is empty")
    _check_not_binary(data, origin)
    text = decode(data, origin, html=kind == HTML)
    doc_id = path.name[: -len(suffix)]
    if kind == HTML:
        return RawDocument(id=doc_id, origin=origin, html=text)
    return RawDocument(id=doc_id, origin=origin, text=text)


def _check_not_binary(data: bytes, origin: str) -> None:
    if data.startswith(UTF16_BOMS):
        return
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        raise InputError(origin, "binary file (contains NUL bytes)")
    control = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if control > BINARY_CONTROL_SHARE * len(sample):
        raise InputError(origin, "binary file (mostly control characters)")


def _iter_jsonl_stream(fh: IO[bytes], origin: str, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """Stream JSON Lines: one record per line; a bad line is reported as `origin:LINE` and skipped."""
    number = 0
    while True:
        line = _read(fh, max_bytes + 1, origin, readline=True)
        if not line:
            return
        number += 1
        where = f"{origin}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_rest_of_line(fh, origin)
            yield InputError(where, f"line is {_size(size)}, over the {_limit(max_bytes)} limit")
            continue
        if not line.strip():
            continue
        try:
            yield _record(line, where, first=number == 1)
        except InputError as err:
            yield err


def _skip_rest_of_line(fh: IO[bytes], origin: str) -> int:
    skipped = 0
    while True:
        chunk = _read(fh, MB, origin, readline=True)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _record(line: bytes, where: str, *, first: bool) -> RawDocument:
    """One JSON Lines record -> RawDocument; record metadata is kept so that it wins over extracted metadata."""
    if first and line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8):]
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(where, f"line is not UTF-8 (byte {err.start + 1})") from None
    except json.JSONDecodeError as err:
        raise InputError(where, f"malformed JSON: {err.msg} at column {err.colno}") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"record is a JSON {type(obj).__name__}, not an object")
    doc_id = obj.get("id")
    if doc_id is None or doc_id == "":
        raise InputError(where, "record has no 'id'")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise InputError(where, "record 'id' must be a string or an integer")
    html, text = _field(obj, "html", where), _field(obj, "text", where)
    if not html and not text:
        raise InputError(where, "record has neither 'html' nor 'text'")
    meta = {name: _field(obj, name, where) for name in RECORD_META}
    return RawDocument(id=str(doc_id), origin=where, html=html or None, text=text or None, **meta)


def _field(obj: dict[str, Any], name: str, where: str) -> str | None:
    value = obj.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(where, f"record '{name}' must be a string")
    return value


def _read(fh: IO[bytes], size: int, origin: str, *, readline: bool = False) -> bytes:
    """read() or readline() that turns gzip and I/O failures into an InputError with a short reason."""
    try:
        return fh.readline(size) if readline else fh.read(size)
    except gzip.BadGzipFile:
        raise InputError(origin, "not a gzip file") from None
    except EOFError:
        raise InputError(origin, "truncated gzip file") from None
    except zlib.error as err:
        raise InputError(origin, f"corrupt gzip data ({err})") from None
    except OSError as err:
        raise InputError(origin, _os_reason(err)) from None


def _os_reason(err: OSError) -> str:
    return err.strerror.lower() if err.strerror else str(err)


def _size(size: int) -> str:
    return f"{size:,} bytes" if size < MB // 10 else f"{size / MB:.1f} MB"


def _limit(size: int) -> str:
    return f"{size // MB} MB" if size % MB == 0 else _size(size)
