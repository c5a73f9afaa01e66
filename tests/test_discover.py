"""extractor.discover against a local server: RSS, Atom, a page that links to its feed, a sitemap
index, each parsed by trafilatura, fetched by our fetcher; their pages then fetched like --urls."""
from __future__ import annotations

from extractor.discover import feed_links, sitemap_links
from extractor.errors import InputError
from extractor.fetch import Fetcher, FetchPolicy
from extractor.ingest import Inputs, iter_inputs
from extractor.records import RawDocument
from extractor.sizes import DEFAULT_MAX_BYTES

FAST = FetchPolicy(timeout=2.0, retries=0, delay=0.0)


def discover(find, url):
    with Fetcher(FAST, max_bytes=DEFAULT_MAX_BYTES) as fetcher:
        return list(find(url, fetcher))


def test_rss_links_absolute_and_relative(site):
    assert discover(feed_links, site.url("/feed.rss")) == [site.url("/news/a1.html"), site.url("/news/a2.html")]


def test_atom_links_without_its_self_link(site):
    assert discover(feed_links, site.url("/atom.xml")) == [site.url("/news/a3.html")]


def test_a_page_that_announces_its_feed(site):
    assert discover(feed_links, site.url("/home.html")) == [site.url("/news/a1.html"), site.url("/news/a2.html")]


def test_a_feed_that_is_not_one_is_an_error(site):
    (err,) = discover(feed_links, site.url("/news/a1.html"))
    assert isinstance(err, InputError) and err.source == site.url("/news/a1.html")
    assert err.reason.startswith("no article links found")


def test_a_missing_feed_is_an_error_with_its_status(site):
    (err,) = discover(feed_links, site.url("/nothing.rss"))
    assert (err.source, err.reason) == (site.url("/nothing.rss"), "HTTP 404 Not Found")


def test_a_sitemap_index_leads_to_its_sitemaps_pages(site):
    found = discover(sitemap_links, site.url("/sitemap-index.xml"))
    errors = [f for f in found if isinstance(f, InputError)]
    assert [f for f in found if isinstance(f, str)] == [site.url("/news/s1.html"), site.url("/news/s2.html")]
    assert [(e.source, e.reason) for e in errors] == [(site.url("/sitemap-gone.xml"), "HTTP 404 Not Found")]


def test_feeds_and_sitemaps_are_fetched_every_run_their_pages_once(site, tmp_path):
    inputs = Inputs(feeds=(site.url("/feed.rss"), site.url("/atom.xml")), sitemaps=(site.url("/sitemap-news.xml"),),
                    cache=tmp_path / "corpus.sqlite", policy=FAST)
    docs = list(iter_inputs(inputs))
    assert [d.url for d in docs if isinstance(d, RawDocument)] == [
        site.url(f"/news/{n}.html") for n in ("a1", "a2", "a3", "s1", "s2")]
    list(iter_inputs(inputs))
    assert site.seen["/feed.rss"] == 2 and site.seen["/sitemap-news.xml"] == 2
    assert all(site.seen[f"/news/{n}.html"] == 1 for n in ("a1", "a2", "a3", "s1", "s2"))


def test_a_gzipped_sitemap_is_unpacked(site):
    assert discover(sitemap_links, site.url("/sitemap-more.xml.gz")) == [site.url("/news/g1.html")]
