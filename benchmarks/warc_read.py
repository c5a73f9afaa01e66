"""WARC reading: warcio against fastwarc on one generated archive, measured in the same run.

    python benchmarks/warc_read.py [--pages N] [--repeat N]

Writes a temporary WARC.gz (gzip per record, as Common Crawl and wget write them) with N HTML
response records of news-page size (~12 KB each), each with its request record, plus a warcinfo
and a few metadata records, then times the work `extractor.ingest` does per archive: every record's
type, every response's target URI, date, HTTP status, content type and body. Three readers:
warcio on the file (its own gzip), fastwarc on the file (its own gzip), and fastwarc over Python's
`gzip` stream (how ingest uses it: Python's gzip raises on a truncated member, where both
libraries' own decompression stops silently). Prints the median of the repeats and the ratios.
"""
from __future__ import annotations

import argparse
import gzip
import io
import statistics
import tempfile
import time
from pathlib import Path

from fastwarc.warc import ArchiveIterator as FastIterator, WarcRecordType
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPH = ("The ministry said on Tuesday that the attack had been traced to servers abroad, "
             "and officials declined to say who was behind it. ")


def write_archive(path: Path, pages: int) -> int:
    """A WARC.gz of `pages` responses (+ requests, warcinfo, metadata); returns the record count."""
    records = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "benchmark"}))
        records += 1
        for i in range(pages):
            url = f"https://news.example/{i % 7}/article-{i}.html"
            body = (f"<html><head><title>Article {i}</title></head><body><article>"
                    + "".join(f"<p>{PARAGRAPH * 3} ({i}.{j})</p>" for j in range(30))
                    + "</article></body></html>").encode()
            request = StatusAndHeaders(f"GET /article-{i}.html HTTP/1.1", [("Host", "news.example")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            response = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                   ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=response))
            records += 2
            if i % 50 == 0:
                writer.write_record(writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"via: x\n"),
                                                              warc_content_type="application/warc-fields"))
                records += 1
    return records


def read_warcio(path: Path) -> tuple[int, int]:
    n = size = 0
    with open(path, "rb") as fh:
        for rec in WarcioIterator(fh):
            n += 1
            if rec.rec_type == "response":
                rec.rec_headers.get_header("WARC-Target-URI"), rec.rec_headers.get_header("WARC-Date")
                rec.http_headers.get_statuscode(), rec.http_headers.get_header("Content-Type")
                size += len(rec.content_stream().read())
    return n, size


def _fast(stream) -> tuple[int, int]:
    n = size = 0
    for rec in FastIterator(stream, parse_http=True, auto_decode="all", stream_detect=True):
        n += 1
        if rec.record_type == WarcRecordType.response:
            rec.headers.get("WARC-Target-URI"), rec.headers.get("WARC-Date")
            rec.http_headers.status_code, rec.http_headers.get("Content-Type")
            size += len(rec.reader.read())
    return n, size


def read_fastwarc(path: Path) -> tuple[int, int]:
    with open(path, "rb") as fh:
        return _fast(fh)


def read_fastwarc_pygzip(path: Path) -> tuple[int, int]:
    with gzip.open(path, "rb") as fh:
        return _fast(fh)


READERS = {"warcio": read_warcio, "fastwarc": read_fastwarc, "fastwarc + Python gzip": read_fastwarc_pygzip}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=400, help="HTML response records in the archive")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        records = write_archive(path, args.pages)
        print(f"archive: {records} records ({args.pages} HTML responses), {path.stat().st_size / 1e6:.2f} MB gzip")
        results = {}
        for name, reader in READERS.items():
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                n, size = reader(path)
                times.append(time.perf_counter() - t0)
            assert n == records, (name, n, records)
            results[name] = statistics.median(times)
            print(f"{name:24s} {results[name] * 1000:8.1f} ms  {records / results[name]:9.0f} records/s  "
                  f"{size / 1e6 / results[name]:6.1f} MB/s of payload")
    base = results["warcio"]
    print("ratios (warcio time / reader time): "
          + ", ".join(f"{name} {base / t:.2f}x" for name, t in results.items()))


if __name__ == "__main__":
    main()
