"""Read inputs (files, folders, JSON Lines, WARC archives, stdin, URLs, feeds, sitemaps) into
RawDocuments, lazily, one at a time; `iter_inputs` is the one entry point for all of them.

One bad input never stops the run: it becomes an `InputError` naming the input (`path`,
`path:LINE`, `archive#RECORD` or the URL) and the reason, yielded in its place, and reading goes on
with the next one. A record that is deliberately not a document (a WARC request record, a capture
of a 404 page) is yielded as `Skipped`, so the run can count it without calling it a failure.
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
from dataclasses import dataclass, field, replace
from hashlib import sha1
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import charset_normalizer

from .errors import ExtractorError, FetchError, InputError, RobotsDisallowed, UsageError
from .fetch import Fetcher, FetchPolicy, Response, ResponseCache
from .records import RawDocument
from .sizes import DEFAULT_MAX_BYTES, MB, describe_limit as _limit, describe_size as _size

LOGGER = logging.getLogger(__name__)

STDIN = "-"

HTML, TEXT, JSONL, WARC = "html", "text", "jsonl", "warc"
# What a file holds, by the end of its name (case-insensitive); the document id is the name without it
# (a WARC archive holds many documents: their ids come from their URLs, see `url_id`).
KINDS: tuple[tuple[str, str], ...] = (
    (".html.gz", HTML),
    (".htm.gz", HTML),
    (".jsonl.gz", JSONL),
    (".html", HTML),
    (".htm", HTML),
    (".txt", TEXT),
    (".jsonl", JSONL),
    (".warc.gz", WARC),
    (".warc", WARC),
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

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
UNTYPED = frozenset({"", "application/octet-stream"})  # no real type given: look at the bytes
HTML_SNIFF_RE = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
CHARSET_PARAM_RE = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)
URL_SCHEMES = ("http", "https")
ID_SLUG_RE = re.compile(r"[^a-z0-9]+")
ID_SLUG_CHARS = 60  # readable part of a URL's id; the hash after it keeps ids unique
ID_HASH_CHARS = 10


@dataclass(frozen=True)
class Skipped:
    """An input record that is deliberately not a document: counted in the summary, not an error."""

    origin: str
    reason: str  # short and repeatable, the summary counts by it: "request record", "HTTP 404", "not HTML"


@dataclass(frozen=True)
class Inputs:
    """Everything one run reads. Files come first, in the order given; then the web: the URLs of
    the URL files, then those the feeds and the sitemaps list, each fetched once, politely."""

    paths: tuple[str, ...] = ()  # files, folders, '-' for stdin
    urls: tuple[str, ...] = ()  # files with one URL a line ('#' comments, blank lines)
    feeds: tuple[str, ...] = ()  # RSS / Atom feed URLs (or pages that link to a feed)
    sitemaps: tuple[str, ...] = ()  # sitemap or sitemap-index URLs
    refetch: bool = False  # fetch again even when the cache holds a response
    cache: Path | None = None  # SQLite file whose `responses` table keeps the raw responses
    policy: FetchPolicy = field(default_factory=FetchPolicy)  # timeouts, retries, per-host delay ...

    @property
    def fetches(self) -> bool:
        return bool(self.urls or self.feeds or self.sitemaps)

    @property
    def empty(self) -> bool:
        return not self.paths and not self.fetches


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


def iter_inputs(
    inputs: Inputs | Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None
) -> Iterator[RawDocument | InputError | Skipped]:
    """Every way in, lazily, in input order: files (as `iter_raw`), then fetched pages. A plain
    sequence is taken as paths. Discovery (URL files, feeds, sitemaps) happens before the first page
    is fetched; a URL found twice is fetched once."""
    if not isinstance(inputs, Inputs):
        inputs = Inputs(paths=tuple(inputs))
    yield from iter_raw(inputs.paths, max_bytes=max_bytes, stdin=stdin)
    if not inputs.fetches:
        return
    from . import discover  # imports this module's helpers

    cache = ResponseCache(inputs.cache) if inputs.cache is not None else None
    with Fetcher(inputs.policy, max_bytes=max_bytes, cache=cache, refetch=inputs.refetch) as fetcher:
        found: list[str | ExtractorError] = []
        for path in inputs.urls:
            found.extend(read_url_list(Path(path)))
        for url in inputs.feeds:
            found.extend(discover.feed_links(url, fetcher))
        for url in inputs.sitemaps:
            found.extend(discover.sitemap_links(url, fetcher))
        urls: dict[str, None] = {}
        for item in found:
            if isinstance(item, ExtractorError):
                yield item
            elif item in urls:
                LOGGER.debug("%s: listed more than once; fetched once", item)
            else:
                urls[item] = None
        for url, result in fetcher.fetch_all(urls):
            if isinstance(result, RobotsDisallowed):
                yield Skipped(url, result.reason)
                continue
            if isinstance(result, FetchError):
                yield result
                continue
            try:
                yield page_document(result)
            except InputError as err:
                yield err


def read_url_list(path: Path) -> Iterator[str | InputError]:
    """One URL a line; blank lines and lines starting with '#' are skipped; a line that is not an
    http(s) URL is an error named `path:LINE`."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError as err:
        yield InputError(str(path), _os_reason(err))
        return
    for number, line in enumerate(lines, 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        parts = urlsplit(url)
        if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc:
            yield InputError(f"{path}:{number}", f"not an http(s) URL: {url[:100]!r}")
        else:
            yield url


def url_id(url: str) -> str:
    """A document id from its URL, the same on every run: a readable slug of host and path plus a
    hash of the whole URL, so two URLs never share an id ("example.com/a/b?x" ->
    "example-com-a-b-1f3a...")."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    slug = ID_SLUG_RE.sub("-", f"{host}{parts.path}".lower()).strip("-")[:ID_SLUG_CHARS].strip("-")
    digest = sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HASH_CHARS]
    return f"{slug}-{digest}" if slug else digest


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """'text/html; charset=ISO-8859-2' -> ('text/html', 'ISO-8859-2')."""
    if not content_type:
        return "", None
    match = CHARSET_PARAM_RE.search(content_type)
    return content_type.split(";", 1)[0].strip().lower(), match.group(1) if match else None


def is_html(content_type: str | None, body: bytes) -> bool:
    """An HTML page by its declared type; a body sent with no real type is sniffed."""
    media, _ = media_type(content_type)
    if media in HTML_TYPES:
        return True
    return media in UNTYPED and HTML_SNIFF_RE.match(body[:1024]) is not None


def http_document(url: str, body: bytes, content_type: str | None, origin: str, *,
                  fetched: str | None = None) -> RawDocument:
    """The body of an HTTP response (a download or a WARC record) -> RawDocument, decoded with the
    header's charset first; InputError when it is not an HTML page or is empty."""
    media, charset = media_type(content_type)
    if not is_html(content_type, body):
        raise InputError(origin, f"not HTML ({media or 'no content type'})")
    if not body.strip():
        raise InputError(origin, "empty response body")
    _check_not_binary(body, origin)
    html = decode(body, origin, html=True, charset=charset)
    return RawDocument(id=url_id(url), origin=origin, html=html, url=url, fetched=fetched)


def page_document(response: Response) -> RawDocument:
    """A fetched page: its id from the URL asked for (stable), its `url` where it was found."""
    doc = http_document(response.url, response.body, response.header("Content-Type"), response.url,
                        fetched=response.fetched_at)
    return doc if response.final_url == response.url else replace(doc, url=response.final_url)


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


def decode(data: bytes, origin: str, *, html: bool = False, charset: str | None = None) -> str:
    """Bytes -> text: UTF-8 (BOM ok), else the charset the HTTP header gave (`charset`), else the
    page's declared charset, else detection, else cp1252.

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
    encoding = _known_charset(charset.encode("ascii", "ignore")) if charset else None
    if encoding is None and html:
        encoding = _declared_charset(data)
    if encoding is None:
        best = charset_normalizer.from_bytes(data).best()
        encoding = best.encoding if best is not None else None
    if encoding is None or codecs.lookup(encoding).name in LATIN1_ALIASES:
        encoding = "cp1252"
    LOGGER.debug("%s: not UTF-8, decoded as %s", origin, encoding)
    return data.decode(encoding, errors="replace")


def _declared_charset(data: bytes) -> str | None:
    match = HTML_CHARSET_RE.search(data[:4096])
    return _known_charset(match.group(1)) if match else None


def _known_charset(name: bytes) -> str | None:
    try:
        return codecs.lookup(name.decode("ascii").strip(" \"'")).name
    except (LookupError, UnicodeDecodeError, ValueError):
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
        elif kind == WARC:
            from .warc import iter_warc  # imports this module's helpers

            yield from iter_warc(path, max_bytes)
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

