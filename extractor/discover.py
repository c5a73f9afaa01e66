"""Article URLs from RSS / Atom feeds and from sitemaps, parsed by trafilatura's `feeds` and
`sitemaps` modules, fetched by our polite `Fetcher`.

trafilatura's `find_feed_urls` and `sitemap_search` download by themselves (`fetch_url`, no way to
pass the content or a fetch function in), so we fetch and hand the text to their parsers:
`feeds.find_links` (RSS, Atom, JSON Feed), `feeds.determine_feed` (a page that links to its feed)
and `sitemaps.SitemapObject.process` (XML and text sitemaps, sitemap indexes). Their link filter
(courlan) is not used: it drops every URL whose host is an IP address with a port, i.e. any
intranet or local server; ours keeps absolute http(s) URLs other than the feed or the site root.
Feeds and sitemaps are fetched anew on every run (they change); the pages they list are cached.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

from trafilatura.feeds import FeedParameters, determine_feed, find_links
from trafilatura.settings import MAX_SITEMAPS_SEEN
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject

from .errors import ExtractorError, FetchError, InputError
from .fetch import Fetcher, Response
from .ingest import URL_SCHEMES, decode, media_type
from .sizes import describe_limit

LOGGER = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
MAX_LINKED_FEEDS = 5  # feeds fetched from one page that announces several (trafilatura allows 1,000)


def feed_links(url: str, fetcher: Fetcher) -> Iterator[str | ExtractorError]:
    """The article URLs of the feed at `url`, in feed order; when `url` is a web page, those of the
    feeds it links to. One error when nothing can be fetched or nothing is found."""
    try:
        text = _text(fetcher.fetch(url, cached=False), fetcher.max_bytes)
    except ExtractorError as err:
        yield err
        return
    params = _params(url)
    links = _article_links(find_links(text.strip(), params), url)
    if not links:  # a web page: the feeds it announces
        for feed in determine_feed(text, params)[:MAX_LINKED_FEEDS]:
            try:
                feed_text = _text(fetcher.fetch(feed, cached=False), fetcher.max_bytes)
            except ExtractorError as err:
                yield err
                continue
            links.extend(_article_links(find_links(feed_text.strip(), _params(feed)), feed))
    if not links:
        yield InputError(url, "no article links found (not an RSS/Atom feed, and no feed linked from the page)")
    LOGGER.info("%s: %d article links", url, len(links))
    yield from dict.fromkeys(links)


class _Sitemap(SitemapObject):
    """trafilatura's sitemap parser with our link filter (see the module docstring)."""

    __slots__ = ()

    def handle_link(self, link: str) -> None:
        absolute = _absolute(self.current_url, link)
        if absolute is None or absolute == self.current_url:
            return
        (self.sitemap_urls if DETECT_SITEMAP_LINK.search(absolute) else self.urls).append(absolute)


def sitemap_links(url: str, fetcher: Fetcher, *, max_sitemaps: int = MAX_SITEMAPS_SEEN) -> Iterator[str | ExtractorError]:
    """The page URLs of the sitemap at `url`, following a sitemap index into its sitemaps (at most
    `max_sitemaps`); each sitemap that cannot be fetched is one error."""
    parts = urlsplit(url)
    sitemap = _Sitemap(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", [url], external=True)
    while sitemap.sitemap_urls and len(sitemap.seen) < max_sitemaps:
        sitemap.current_url = sitemap.sitemap_urls.pop(0)
        sitemap.seen.add(sitemap.current_url)
        try:
            sitemap.content = _text(fetcher.fetch(sitemap.current_url, cached=False), fetcher.max_bytes)
        except ExtractorError as err:
            yield err
            continue
        found = len(sitemap.urls) + len(sitemap.sitemap_urls)
        sitemap.process()
        if len(sitemap.urls) + len(sitemap.sitemap_urls) == found:
            yield InputError(sitemap.current_url, "not a sitemap, or a sitemap with no links")
        sitemap.sitemap_urls = [s for s in dict.fromkeys(sitemap.sitemap_urls) if s not in sitemap.seen]
    LOGGER.info("%s: %d page links from %d sitemaps", url, len(sitemap.urls), len(sitemap.seen))
    yield from dict.fromkeys(sitemap.urls)


def _params(url: str) -> FeedParameters:
    parts = urlsplit(url)
    return FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url, external=True)


def _article_links(links: list[str], feed_url: str) -> list[str]:
    """Absolute http(s) links, without the feed itself and the site's root (a feed's channel link)."""
    root = urljoin(feed_url, "/")
    out = []
    for link in links:
        absolute = _absolute(feed_url, link)
        if absolute is not None and absolute not in (feed_url, root):
            out.append(absolute)
    return out


def _absolute(base: str, link: str) -> str | None:
    absolute, _ = urldefrag(urljoin(base, link.strip()))
    parts = urlsplit(absolute)
    return absolute if parts.scheme in URL_SCHEMES and parts.netloc else None


def _text(response: Response, max_bytes: int) -> str:
    """A feed's or sitemap's text; a gzipped sitemap (sitemap.xml.gz) is unpacked, within the limit."""
    body = response.body
    if body.startswith(GZIP_MAGIC):
        try:
            body = zlib.decompressobj(wbits=31).decompress(body, max_bytes + 1)
        except zlib.error as err:
            raise FetchError(response.url, f"corrupt gzip data ({err})") from None
        if len(body) > max_bytes:
            raise FetchError(response.url, f"too big: unpacked over the {describe_limit(max_bytes)} limit")
    return decode(body, response.url, charset=media_type(response.header("Content-Type"))[1])
