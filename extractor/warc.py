"""WARC and WARC.gz archives (Common Crawl News, wget --warc-file, Heritrix, browsertrix) -> RawDocuments.

Every HTML `response` record with HTTP status 200 becomes a document: its id from the target URI
(`ingest.url_id`, the same on every run; a URI captured twice in a run gets "-2" from the run),
its `url` the target URI, `fetched` its WARC-Date, its origin `archive#N` (the N-th record). Every
other record (request, metadata, warcinfo, revisit, a non-HTML or non-200 response) is `Skipped`
with its reason, so that the run can count them.

Read with fastwarc: 2.0x warcio on the same archive, decompression included (benchmarks/warc_read.py).
A gzipped archive is decompressed by Python's gzip rather than by the library: both libraries' own
decompression stops silently at a truncated member, Python's raises. The records before the damage
are yielded, then one InputError names the archive and the reason.
"""
from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from .errors import InputError
from .ingest import Skipped, http_document, is_html, media_type
from .records import RawDocument
from .sizes import describe_limit, describe_size

LOGGER = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
OK = 200
HTML_TYPES_OR_UNTYPED = ("text/html", "application/xhtml+xml", "", "application/octet-stream")


class _Damaged(Exception):
    """The archive cannot be read past this point; the message is the reason."""


class _Salvaging:
    """A decompressed stream that hands out everything decoded before a failure and raises the
    failure only on the next read, so that the reader parses every complete record first."""

    def __init__(self, stream: IO[bytes]):
        self._stream = stream
        self._error: Exception | None = None
        self._position = 0

    def tell(self) -> int:
        return self._position

    def read(self, size: int = -1) -> bytes:
        if self._error is not None:
            raise self._error
        parts, got = [], 0
        while size < 0 or got < size:
            try:
                chunk = self._stream.read1(size - got if size > 0 else 1 << 16)  # type: ignore[attr-defined]
            except (EOFError, OSError, zlib.error) as err:
                self._error = err
                if parts:
                    break
                raise
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        self._position += got
        return b"".join(parts)


def iter_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | InputError | Skipped]:
    """Lazily, one record at a time: documents, skipped records, record errors, and at most one
    error for the archive itself (truncated, corrupt, not a WARC file)."""
    origin = str(path)
    done = 0
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream = _Salvaging(gzip.GzipFile(fileobj=raw, mode="rb")) if gzipped else raw
        try:
            for record in ArchiveIterator(stream, parse_http=True, auto_decode="all", stream_detect=False):
                where = f"{origin}#{done + 1}"
                try:
                    yield _item(record, where, max_bytes)
                except InputError as err:
                    yield err
                done += 1
        except _Damaged as err:
            yield InputError(origin, f"{err}; {done} records read before it")
            return
        except EOFError:
            yield InputError(origin, f"truncated archive: the gzip data ends inside a record; "
                                     f"{done} records read before it")
            return
        except (zlib.error, gzip.BadGzipFile) as err:
            yield InputError(origin, f"corrupt gzip data ({err}); {done} records read before it")
            return
        except OSError as err:  # fastwarc: a record that does not parse
            what = "not a WARC archive" if done == 0 else "corrupt archive"
            yield InputError(origin, f"{what} ({str(err).lower() or type(err).__name__}); "
                                     f"{done} records read before it")
            return
        except BaseException as err:  # fastwarc's Rust panics derive from BaseException
            if isinstance(err, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            LOGGER.debug("%s: %s", origin, err, exc_info=True)
            yield InputError(origin, f"unreadable archive ({type(err).__name__}); {done} records read before it")
            return
    if done == 0:
        yield InputError(origin, "no WARC records in the file")


def _item(record: WarcRecord, where: str, max_bytes: int) -> RawDocument | Skipped:
    """One record -> a document or the reason it is skipped; InputError for a bad HTML response."""
    if record.record_type != WarcRecordType.response:
        return Skipped(where, str(record.record_type))  # request, metadata, revisit, warcinfo ...
    if not record.is_http:
        return Skipped(where, "not an HTTP response")  # e.g. Heritrix's dns: records
    status = record.http_headers.status_code
    if status != OK:
        return Skipped(where, f"HTTP {status}" if status else "no HTTP status")
    content_type = record.http_headers.get("Content-Type")
    if media_type(content_type)[0] not in HTML_TYPES_OR_UNTYPED:
        return Skipped(where, "not HTML")
    uri = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>")
    if not uri:
        raise InputError(where, "response record without a WARC-Target-URI")
    if record.content_length > max_bytes:
        raise InputError(where, f"{uri}: payload is {describe_size(record.content_length)}, "
                                f"over the {describe_limit(max_bytes)} limit")
    body = record.reader.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise InputError(where, f"{uri}: decoded payload is over the {describe_limit(max_bytes)} limit")
    encoded = record.http_headers.get("Content-Encoding") or record.http_headers.get("Transfer-Encoding")
    if not encoded and len(body) < record.content_length:
        raise _Damaged(f"truncated archive: record {where.rsplit('#', 1)[1]} ends after "
                       f"{len(body):,} of its {record.content_length:,} payload bytes")
    if not is_html(content_type, body):
        return Skipped(where, "not HTML")
    return http_document(uri, body, content_type, where, fetched=record.headers.get("WARC-Date"))
