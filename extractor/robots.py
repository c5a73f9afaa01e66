"""robots.txt (RFC 9309) for the fetcher: read once per site and run, through the same polite client.

`Robots.check(url)` answers for one URL from its site's robots.txt (scheme and host:port), fetched
the first time that site is asked about and kept for the run (RFC 9309 allows a day of caching; a
run is shorter). Parsed by the standard library's `urllib.robotparser`, matched on our product
token, `news-extractor` (the first word of the user agent). What the fetch of robots.txt gives:

- 200: its rules; `Crawl-delay` for us (or `*`) becomes the site's minimum delay between requests;
- 4xx (404, also 401/403 as RFC 9309 says, unlike robotparser's `read`): no rules, everything allowed;
- 5xx or 429 after the fetcher's retries: "unreachable", so everything disallowed (RFC 9309 §2.3.1.4);
- a network failure (DNS, refused, timed out, TLS): the same, but it is the page's failure, with
  that reason, since the page could not have been fetched either.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .errors import FetchError, RobotsDisallowed

LOGGER = logging.getLogger(__name__)

ROBOTS_PATH = "/robots.txt"
DISALLOWED = "disallowed by robots.txt"
UNREACHABLE = "robots.txt unreachable: {}; nothing fetched from that site (RFC 9309)"
TOO_MANY_REQUESTS = 429


@dataclass(frozen=True)
class SiteRules:
    """What one site's robots.txt says to us: a parser of its rules (None: everything allowed), or
    why it could not be read (`unreachable`: everything disallowed; `failure`: a network failure)."""

    parser: RobotFileParser | None = None
    unreachable: str | None = None
    failure: str | None = None
    crawl_delay: float | None = None


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class Robots:
    """robots.txt of every site a run fetches from; `fetch(url)` is the fetcher's own (politeness,
    retries, redirects) without the robots check, returning a 200 response or raising FetchError."""

    def __init__(self, fetch: Callable[[str], object], user_agent: str,
                 on_delay: Callable[[str, float], None] = lambda site, seconds: None):
        self._fetch = fetch
        self.user_agent = user_agent
        self._on_delay = on_delay
        self._sites: dict[str, SiteRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Return when `url` may be fetched; else raise RobotsDisallowed (or FetchError for a
        site that could not be reached at all)."""
        rules = self.rules(site_of(url))
        if rules.failure is not None:
            raise FetchError(url, rules.failure)
        if rules.unreachable is not None:
            raise RobotsDisallowed(url, rules.unreachable)
        if rules.parser is not None and not rules.parser.can_fetch(self.user_agent, url):
            LOGGER.info("%s: %s", url, DISALLOWED)
            raise RobotsDisallowed(url, DISALLOWED)

    def rules(self, site: str) -> SiteRules:
        with self._lock:
            lock = self._locks.setdefault(site, threading.Lock())
        with lock:  # one fetch of a site's robots.txt, however many threads ask
            if site not in self._sites:
                self._sites[site] = rules = self._read(site)
                if rules.crawl_delay:
                    self._on_delay(site, rules.crawl_delay)
            return self._sites[site]

    def _read(self, site: str) -> SiteRules:
        url = site + ROBOTS_PATH
        try:
            response = self._fetch(url)
        except FetchError as err:
            if err.status is not None and 400 <= err.status < 500 and err.status != TOO_MANY_REQUESTS:
                LOGGER.info("%s: %s: no rules, everything allowed", url, err.reason)
                return SiteRules()
            if err.status is not None:
                LOGGER.warning("%s: %s: nothing will be fetched from %s", url, err.reason, site)
                return SiteRules(unreachable=UNREACHABLE.format(err.reason))
            LOGGER.info("%s: %s", url, err.reason)
            return SiteRules(failure=err.reason)
        parser = RobotFileParser(url)
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.user_agent)
        LOGGER.info("%s: read%s", url, f", Crawl-delay {delay} s" if delay else "")
        return SiteRules(parser=parser, crawl_delay=float(delay) if delay else None)
