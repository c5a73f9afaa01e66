"""A news site on 127.0.0.1 for the fetching tests: pages, feeds, sitemaps and every way a fetch
fails (slow, 404, 500 then fine, 429 with Retry-After, redirect loop, oversized, not HTML).

Each request is logged with its path, its host header, its user agent and its start, sent and end
times (time.monotonic), so tests can check politeness and the cache from the server's side.
`sent` is when the server began its answer: no client can have read any of it earlier, so a wait
the client owes after an answer is measured from there (`end`, taken once the handler returns,
can come after the client already has the answer when the machine is loaded).
"""
from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPHS = (
    "Microsoft said hackers had used its mail server to attack their targets in several countries.",
    "A spokesman for the Chinese government told Reuters news agency that the country was definitely "
    "not behind the hack, and called the accusations groundless.",
    "Security researchers at the firm said the group had stolen email from law firms and defence contractors.",
)
BIG = 60_000  # bytes of /big and /big-chunked: tests set max_bytes under it
SLOW = 2.0  # seconds /slow waits before answering: tests set the timeout under it


def page(title: str) -> str:
    body = "".join(f"<p>{p} ({title})</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright</footer></body></html>")


@dataclass(frozen=True)
class Hit:
    path: str
    host: str
    agent: str
    start: float
    end: float
    sent: float  # when the answer's status line was about to be written (see the module docstring)


class Site:
    """The server and what it saw; `url(path)` on 127.0.0.1, `url(path, host="localhost")` on the
    same server under another host name."""

    def __init__(self):
        self._hits: list[Hit] = []
        self.seen: Counter = Counter()
        # host name -> (status, body) of its /robots.txt; a host not in it has none (404)
        self.robots: dict[str, tuple[int, str]] = {}
        self._lock = threading.Lock()
        self.active = 0  # requests being answered: their hits are logged once the answer is out
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                start = time.monotonic()
                self.sent = None
                with site._lock:
                    site.seen[self.path] += 1
                    count = site.seen[self.path]
                    site.active += 1
                try:
                    if self.path == "/robots.txt":
                        host = self.headers.get("Host", "").rsplit(":", 1)[0]
                        status, text = site.robots.get(host, (404, "not found"))
                        send(self, status, text, "text/plain; charset=utf-8")
                    else:
                        site.answer(self, self.path, count)
                finally:
                    end = time.monotonic()
                    with site._lock:
                        site._hits.append(Hit(self.path, self.headers.get("Host", ""),
                                             self.headers.get("User-Agent", ""), start, end, self.sent or end))
                        site.active -= 1

            def log_message(self, *args):
                pass

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def settle(self, timeout: float = 5.0) -> None:
        """Wait for the answers in progress to be logged: a client can have read a whole answer
        before the server's thread has logged its hit."""
        deadline = time.monotonic() + timeout
        while self.active and time.monotonic() < deadline:
            time.sleep(0.01)

    @property
    def hits(self) -> list[Hit]:
        """Every request logged so far, once the answers in progress are."""
        self.settle()
        return self._hits

    def hits_of(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def start(self) -> "Site":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- the site ----------------------------------------------------------------------------

    def answer(self, h: BaseHTTPRequestHandler, path: str, count: int) -> None:
        base = f"http://127.0.0.1:{self.port}"
        if path.startswith("/news/"):
            return send(h, 200, page(path.rsplit("/", 1)[-1].removesuffix(".html")))
        if path.startswith("/slowish/"):  # a page that takes a while: concurrency across hosts shows
            time.sleep(0.4)
            return send(h, 200, page(path))
        if path == "/latin2.html":  # charset only in the header
            text = page("Zażółć gęślą jaźń").replace("</h1>", "</h1><p>Łódź i Gdańsk: zażółć gęślą jaźń.</p>")
            return send(h, 200, text.encode("iso-8859-2"), "text/html; charset=ISO-8859-2")
        if path == "/feed.rss":
            items = "".join(f"<item><title>{n}</title><link>{link}</link></item>"
                            for n, link in (("a1", f"{base}/news/a1.html"), ("a2", "/news/a2.html")))
            return send(h, 200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
                                f"<link>{base}/</link>{items}</channel></rss>", "application/rss+xml")
        if path == "/atom.xml":
            return send(h, 200, '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                f'<title>News</title><link href="{base}/atom.xml" rel="self"/>'
                                f'<entry><title>a3</title><link href="{base}/news/a3.html"/></entry></feed>',
                        "application/atom+xml")
        if path == "/home.html":  # a page that announces its feed
            return send(h, 200, '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.rss">'
                                "</head><body><p>Welcome</p></body></html>")
        if path == "/sitemap-index.xml":
            return send(h, 200, '<?xml version="1.0" encoding="UTF-8"?>'
                                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>"
                                f"<sitemap><loc>{base}/sitemap-gone.xml</loc></sitemap></sitemapindex>",
                        "application/xml")
        if path == "/sitemap-news.xml":
            locs = "".join(f"<url><loc>{base}/news/{n}.html</loc></url>" for n in ("s1", "s2"))
            return send(h, 200, '<?xml version="1.0" encoding="UTF-8"?>'
                                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
                        "application/xml")
        if path == "/sitemap-more.xml.gz":  # a gzipped sitemap file, as many sites ship them
            xml = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                   f"<url><loc>{base}/news/g1.html</loc></url></urlset>")
            return send(h, 200, gzip.compress(xml.encode()), "application/gzip")
        if path == "/slow":
            time.sleep(SLOW)
            return send(h, 200, page("slow"))
        if path == "/flaky":  # a 500, then the page
            return send(h, 500, "oops") if count == 1 else send(h, 200, page("flaky"))
        if path == "/always-503":
            return send(h, 503, "down")
        if path == "/busy":  # a 429 asking for one second, then the page
            if count == 1:
                return send(h, 429, "slow down", headers={"Retry-After": "1"})
            return send(h, 200, page("busy"))
        if path == "/moved":
            return send(h, 301, "", headers={"Location": "/news/a1.html"})
        if path in ("/loop-a", "/loop-b"):
            return send(h, 302, "", headers={"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        if path == "/big":
            return send(h, 200, "<html><body>" + "x" * BIG + "</body></html>")
        if path == "/big-chunked":  # no Content-Length: the limit must hold while reading
            h.sent = time.monotonic()
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            for _ in range(BIG // 1000):
                h.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
            return None
        if path == "/report.pdf":
            return send(h, 200, b"%PDF-1.4 not a page", "application/pdf")
        return send(h, 404, "not found")


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (a timeout, a body over the limit) is not an error of the server."""

    def handle_error(self, request, client_address):
        pass


def send(h: BaseHTTPRequestHandler, status: int, body: str | bytes, content_type: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    data = body.encode("utf-8") if isinstance(body, str) else body
    h.sent = time.monotonic()
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(data)))
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.write(data)
