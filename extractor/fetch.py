"""Polite HTTP fetching for `--urls`, `--feed` and `--sitemap`, and the cache of raw responses.

`Fetcher.fetch_all(urls)` fetches pages with a small thread pool: at most one request at a time
per host and `FetchPolicy.delay` seconds between two requests to the same host (`HostGate`);
timeouts, a size limit, a descriptive user agent, retries with exponential backoff for transient
failures (timeouts, broken connections, 5xx, 429 with its Retry-After), redirects followed up to a
limit; each URL (and each redirect hop) only when its site's robots.txt allows it (`robots.Robots`,
unless `FetchPolicy.robots` is off), with its Crawl-delay as the site's minimum delay. Each failure
is a `FetchError` whose reason says what happened (DNS, timeout, HTTP status, too big, redirect
loop), a URL robots.txt keeps us from a `RobotsDisallowed`. `ResponseCache` keeps every 200
response in the `responses` table of a SQLite file, so a rerun does not fetch again (unless
`refetch`).

urllib3 directly rather than `trafilatura.downloads`: its `fetch_response` returns None on any
failure (the reason only goes to its log), takes whole-second timeouts and ties the retry backoff
to them (DOWNLOAD_TIMEOUT / 2), has no per-host lock (`buffered_downloads` spaces hosts by
SLEEP_TIME only between its batches), blocks non-public addresses (so no intranet or 127.0.0.1
server) and retries without certificate checks after a TLS error.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import urllib3

from . import __version__
from .errors import FetchError
from .robots import Robots
from .sizes import describe_limit, describe_size

LOGGER = logging.getLogger(__name__)

USER_AGENT = (f"news-extractor/{__version__} (news attribution research; one request at a time per host) "
              f"urllib3/{urllib3.__version__}")
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
CHUNK = 64 * 1024
WINDOW_PER_WORKER = 4  # pages fetched ahead of the one the run is waiting for, per worker
OK = 200


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how patiently to fetch (the size limit is the run's `max_bytes`)."""

    timeout: float = 30.0  # seconds to connect, for each read, and for the whole body
    retries: int = 3  # attempts after the first one, for transient failures only
    backoff: float = 1.0  # seconds before the first retry, doubled at each next one
    max_backoff: float = 60.0  # cap on a backoff and on a server's Retry-After
    delay: float = 1.0  # seconds between two requests to the same host
    max_redirects: int = 5
    workers: int = 4  # different hosts fetched at the same time
    user_agent: str = USER_AGENT
    robots: bool = True  # read each site's robots.txt and keep to it (--ignore-robots: False)


@dataclass(frozen=True)
class Response:
    """A raw response as fetched (and as cached): the body undecoded, the headers as sent."""

    url: str  # the URL asked for
    final_url: str  # where the redirects ended
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: str  # ISO 8601, UTC

    def header(self, name: str) -> str | None:
        return _header(self.headers, name)


class ResponseCache:
    """Raw responses in the table `responses` of a SQLite file (WAL mode, so that the store's own
    tables in the same file can be written beside it), keyed by the URL asked for. Used from one
    thread: the fetcher reads and writes it only in the thread that consumes `fetch_all`."""

    SCHEMA = """CREATE TABLE IF NOT EXISTS responses (
        url TEXT PRIMARY KEY,       -- as asked for
        final_url TEXT NOT NULL,    -- after redirects
        status INTEGER NOT NULL,
        headers TEXT NOT NULL,      -- JSON list of [name, value]
        body BLOB NOT NULL,         -- as received (after Content-Encoding), undecoded
        fetched_at TEXT NOT NULL    -- ISO 8601, UTC
    )"""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        with self._db:
            self._db.execute(self.SCHEMA)

    def get(self, url: str) -> Response | None:
        row = self._db.execute("SELECT url, final_url, status, headers, body, fetched_at FROM responses "
                               "WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        return Response(row[0], row[1], row[2], tuple(map(tuple, json.loads(row[3]))), bytes(row[4]), row[5])

    def put(self, response: Response) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?)",
                             (response.url, response.final_url, response.status, json.dumps(response.headers),
                              response.body, response.fetched_at))

    def close(self) -> None:
        self._db.close()


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    ready: float = 0.0  # time.monotonic() before which the next request must not start
    delay: float = 0.0  # the host's own minimum delay (its robots.txt Crawl-delay)


class HostGate:
    """At most one request at a time per host, and `delay` seconds from the end of one request to
    the start of the next; a server's Retry-After or a backoff pushes the next start further."""

    def __init__(self, delay: float):
        self.delay = delay
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> _Host:
        with self._lock:
            return self._hosts.setdefault(host, _Host())

    def at_least(self, host: str, delay: float) -> None:
        """From now on, at least `delay` seconds between two requests to `host` (a Crawl-delay)."""
        state = self._host(host)
        state.delay = max(state.delay, delay)

    @contextmanager
    def turn(self, host: str) -> Iterator[_Host]:
        state = self._host(host)
        with state.lock:
            wait = state.ready - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield state
            finally:
                state.ready = max(state.ready, time.monotonic() + max(self.delay, state.delay))


class _Transient(Exception):
    """A failure worth retrying (timeout, broken connection); its message is the reason."""


class Fetcher:
    """Fetches URLs under a `FetchPolicy`, through the cache when there is one. A context manager:
    leaving it closes the connections and the cache."""

    def __init__(self, policy: FetchPolicy = FetchPolicy(), *, max_bytes: int,
                 cache: ResponseCache | None = None, refetch: bool = False):
        self.policy = policy
        self.max_bytes = max_bytes
        self.cache = cache
        self.refetch = refetch
        self.gate = HostGate(policy.delay)
        self.robots = Robots(lambda url: self._fetch(url, robots=False), policy.user_agent,
                             self._crawl_delay) if policy.robots else None
        headers = urllib3.util.make_headers(accept_encoding=True)
        headers.update({"User-Agent": policy.user_agent, "Accept": ACCEPT})
        self._http = urllib3.PoolManager(num_pools=max(10, 2 * policy.workers), headers=headers, retries=False,
                                         timeout=urllib3.Timeout(connect=policy.timeout, read=policy.timeout))

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self._http.clear()
        if self.cache is not None:
            self.cache.close()

    def fetch(self, url: str, *, cached: bool = True) -> Response:
        """One URL, in this thread; a 200 response or a FetchError. `cached=False` always fetches
        (feeds and sitemaps change) and does not store."""
        hit = self._cached(url) if cached else None
        if hit is not None:
            return hit
        response = self._fetch(url)
        if cached:
            self._store(response)
        return response

    def fetch_all(self, urls: Iterable[str]) -> Iterator[tuple[str, Response | FetchError]]:
        """(url, 200 response or FetchError) for each URL, in the order given; cached ones are not
        fetched, the others by `policy.workers` threads, a few ahead of the consumer."""
        pool = ThreadPoolExecutor(max_workers=max(1, self.policy.workers), thread_name_prefix="fetch")
        window: deque[tuple[str, Response | Future]] = deque()
        try:
            for url in urls:
                hit = self._cached(url)
                window.append((url, hit if hit is not None else pool.submit(self._fetch, url)))
                if len(window) >= WINDOW_PER_WORKER * max(1, self.policy.workers):
                    yield self._settle(*window.popleft())
            while window:
                yield self._settle(*window.popleft())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _cached(self, url: str) -> Response | None:
        if self.cache is None or self.refetch:
            return None
        hit = self.cache.get(url)
        if hit is not None:
            LOGGER.debug("%s: from the cache (fetched %s)", url, hit.fetched_at)
        return hit

    def _store(self, response: Response) -> None:
        if self.cache is not None:
            self.cache.put(response)

    def _settle(self, url: str, pending: Response | Future) -> tuple[str, Response | FetchError]:
        if isinstance(pending, Response):
            return url, pending
        try:
            response = pending.result()
        except FetchError as err:
            return url, err
        except Exception as err:  # noqa: BLE001 - one URL never stops the run
            LOGGER.debug("%s: %s", url, err, exc_info=True)
            return url, FetchError(url, f"{type(err).__name__}: {err}")
        self._store(response)
        return url, response

    def _crawl_delay(self, site: str, seconds: float) -> None:
        """A site's Crawl-delay, up to `max_backoff`, as its host's minimum delay."""
        delay = min(seconds, self.policy.max_backoff)
        LOGGER.info("%s: robots.txt asks for %g s between requests; waiting %g s", site, seconds, delay)
        self.gate.at_least(urlsplit(site).netloc, delay)

    def _fetch(self, url: str, *, robots: bool = True) -> Response:
        """Follow redirects (each hop waits its host's turn, and asks its site's robots.txt unless
        `robots` is off) to a 200 response, or raise FetchError (RobotsDisallowed)."""
        chain = [url]
        current = url
        while True:
            if robots and self.robots is not None:
                try:
                    self.robots.check(current)
                except FetchError as err:  # named by the URL asked for, like every other failure
                    raise type(err)(url, err.reason, err.status) from None
            status, headers, body = self._attempts(url, current)
            location = _header(headers, "Location")
            if status in REDIRECT_STATUS and location:
                target = urljoin(current, location.strip())
                if target in chain:
                    raise FetchError(url, f"redirect loop ({' -> '.join([*chain[chain.index(target):], target])})")
                if len(chain) > self.policy.max_redirects:
                    raise FetchError(url, f"too many redirects (over {self.policy.max_redirects})")
                chain.append(target)
                current = target
                continue
            if status != OK:
                raise FetchError(url, _status_reason(status), status)
            fetched_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            LOGGER.info("fetched %s (%s)", current, describe_size(len(body)))
            return Response(url, current, status, headers, body, fetched_at)

    def _attempts(self, url: str, current: str) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
        """One hop with its retries: transient failures and 429/5xx are tried again after a backoff
        (or the server's Retry-After), which also holds back every other request to that host."""
        policy = self.policy
        host = urlsplit(current).netloc.lower()
        for attempt in range(policy.retries + 1):
            last = attempt == policy.retries
            with self.gate.turn(host) as state:
                try:
                    status, headers, body = self._once(url, current)
                except _Transient as err:
                    if last:
                        raise FetchError(url, f"{err} ({attempt + 1} attempts)") from None
                    state.ready = time.monotonic() + self._backoff(attempt)
                    LOGGER.info("%s: %s; trying again", current, err)
                    continue
                if status not in RETRY_STATUS or last:
                    if status in RETRY_STATUS and attempt:
                        raise FetchError(url, f"{_status_reason(status)} ({attempt + 1} attempts)", status)
                    return status, headers, body
                state.ready = time.monotonic() + _retry_after(headers, policy.max_backoff, self._backoff(attempt))
                LOGGER.info("%s: %s; trying again", current, _status_reason(status))
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        return min(self.policy.backoff * 2 ** attempt, self.policy.max_backoff)

    def _once(self, url: str, current: str) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
        """One request. The body is read only for a 200 answer, and only up to `max_bytes`."""
        timeout = self.policy.timeout
        started = time.monotonic()
        try:
            response = self._http.request("GET", current, preload_content=False, redirect=False)
        except urllib3.exceptions.NameResolutionError:
            raise FetchError(url, f"DNS lookup failed for {urlsplit(current).hostname}") from None
        except (urllib3.exceptions.TimeoutError, TimeoutError):
            raise _Transient(f"timed out after {timeout:g} s") from None
        except urllib3.exceptions.NewConnectionError as err:
            raise _Transient(f"could not connect ({_cause(err)})") from None
        except urllib3.exceptions.ProtocolError as err:
            raise _Transient(f"connection broken ({_cause(err)})") from None
        except urllib3.exceptions.SSLError as err:
            raise FetchError(url, f"TLS error ({_cause(err)})") from None
        except (urllib3.exceptions.LocationValueError, urllib3.exceptions.URLSchemeUnknown) as err:
            raise FetchError(url, f"invalid URL ({err})") from None
        except urllib3.exceptions.HTTPError as err:
            raise FetchError(url, f"{type(err).__name__}: {err}") from None
        headers = tuple(response.headers.items())
        if response.status != OK:  # a redirect, a retry or an error: its body is not wanted
            response.close()
            return response.status, headers, b""
        body = bytearray()
        try:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(url, f"too big: {describe_size(int(declared))}, over the "
                                      f"{describe_limit(self.max_bytes)} limit")
            for chunk in response.stream(CHUNK, decode_content=True):
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(url, f"too big: over the {describe_limit(self.max_bytes)} limit")
                if time.monotonic() - started > timeout:
                    raise _Transient(f"timed out after {timeout:g} s (body still coming)")
        except (urllib3.exceptions.TimeoutError, TimeoutError):
            raise _Transient(f"timed out after {timeout:g} s") from None
        except urllib3.exceptions.ProtocolError as err:
            raise _Transient(f"connection broken ({_cause(err)})") from None
        except urllib3.exceptions.DecodeError:
            raise FetchError(url, f"cannot decode its {response.headers.get('Content-Encoding')} body") from None
        finally:
            response.close()
        return response.status, headers, bytes(body)


def _header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    name = name.lower()
    return next((value for key, value in headers if key.lower() == name), None)


def _status_reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _retry_after(headers: tuple[tuple[str, str], ...], cap: float, default: float) -> float:
    """Seconds from a Retry-After header (seconds or an HTTP date), capped; `default` without one."""
    value = (_header(headers, "Retry-After") or "").strip()
    if not value:
        return default
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return min(max(0.0, (when - datetime.now(timezone.utc)).total_seconds()), cap)


def _cause(err: Exception) -> str:
    """The innermost reason urllib3 wraps ('[Errno 111] Connection refused' -> 'connection refused')."""
    reason = err.args[-1] if err.args else err
    text = str(getattr(reason, "strerror", None) or reason)
    return text.split("] ", 1)[-1].split(": ", 1)[-1].lower() if text else type(err).__name__
