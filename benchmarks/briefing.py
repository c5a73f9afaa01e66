"""The briefing at corpus scale: size of index.html, pages written, time and peak memory of
writing them, and the index's render time in headless Chromium, against a baseline measured in
the same run (the index of a 5-article briefing).

Corpora: synthetic documents (tests/synthetic.py; 10,000 by default, no spaCy needed) and, with
--polnear, the PolNeAR train texts with their publisher and date as `source` and `published`,
built into a JSONL file under --work (outside the repository: PolNeAR texts never go into it)
and extracted once (several minutes; --documents reuses an earlier extract output).

    python benchmarks/briefing.py                        # synthetic 10,000 + baseline
    python benchmarks/briefing.py --polnear --work /tmp/briefing-bench
    python benchmarks/briefing.py --polnear --documents /tmp/briefing-bench/polnear-docs.jsonl --skip-synthetic
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"
INDEX_BUDGET = 1_500_000
RENDER_BUDGET = 3.0
RUNS = 3


def write_child(kind: str, arg: str, out: str) -> None:
    """In a process of its own, so the peak memory is the briefing's alone."""
    from extractor.graph import build_graph, write_graph
    from extractor.report import write_report
    from extractor.view import open_documents

    if kind == "synthetic":
        from tests import synthetic

        n = int(arg)
        docs = lambda: synthetic.documents(n)  # noqa: E731
    else:
        docs = open_documents(arg)
    started = time.perf_counter()
    g = build_graph(docs())
    graph_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    written = write_report(docs, g, Path(out))
    seconds = time.perf_counter() - started
    report_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write_graph(g, Path(out))  # the exports last: their peak is theirs, not the briefing's
    print(json.dumps({"seconds": seconds, "graph_rss_mb": graph_mb, "report_rss_mb": report_mb, "pages": len(written), "index_bytes": written[0].stat().st_size,
                      "largest_other_page": max((p.stat().st_size for p in written[1:]), default=0),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def write(kind: str, arg: str, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, arg, str(out)], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def render(browser, index: Path, shots: Path, name: str) -> dict:
    """Median seconds from navigation to a laid-out page at 1,400 px, and screenshots at both widths."""
    times = []
    for _ in range(RUNS):
        times.append(browser.open(index, 1400).seconds)
    browser.screenshot(shots / f"{name}-1400.png", top=0, height=2400)
    visit = browser.open(index, 400)
    browser.screenshot(shots / f"{name}-400.png", top=0, height=2400)
    for e in visit.errors:
        print(f"{name}: console error: {json.dumps(e.get('params'))[:300]}", file=sys.stderr)
    return {"render_s": statistics.median(times), "errors": len(visit.errors), "requests": len(visit.requests)}


def polnear_jsonl(work: Path) -> Path:
    """PolNeAR train as extractor input: id, text, title, publisher -> source, date -> published."""
    out = work / "polnear-train.jsonl"
    with open(POLNEAR, encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as w:
        for line in fh:
            r = json.loads(line)
            w.write(json.dumps({"id": r["id"], "text": r["text"], "title": r.get("title"),
                                "source": r["publisher"], "published": r["publication_date"]}) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--synthetic", type=int, default=10_000, help="synthetic articles (default 10,000)")
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--polnear", action="store_true", help="also the PolNeAR train corpus (extracts it once)")
    ap.add_argument("--documents", help="an existing extract output of PolNeAR train (skips extraction)")
    ap.add_argument("--work", help="working folder, outside the repository (default: a temp folder)")
    args = ap.parse_args()
    if args.child:
        write_child(*args.child)
        return
    from tests.chromium import Browser

    work = Path(args.work or tempfile.mkdtemp(prefix="briefing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpora = [("baseline-5", "synthetic", "5")]
    if not args.skip_synthetic:
        corpora.append((f"synthetic-{args.synthetic}", "synthetic", str(args.synthetic)))
    if args.polnear:
        docs = Path(args.documents) if args.documents else work / "polnear-docs.jsonl"
        if not docs.exists():
            print(f"extracting PolNeAR train into {docs} (several minutes)", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "extractor", "extract", str(polnear_jsonl(work)), "-o", str(docs)],
                           check=True, cwd=ROOT)
        corpora.append(("polnear-train", "jsonl", str(docs)))
    browser = Browser.start()
    rows = []
    try:
        for name, kind, arg in corpora:
            out = work / name
            figures = write(kind, arg, out)
            figures.update(render(browser, out / "index.html", work, name))
            rows.append((name, figures))
            print(name, json.dumps(figures), file=sys.stderr)
    finally:
        browser.close()
    base = rows[0][1]["render_s"]
    print("| corpus | pages | index.html | largest other page | graph + briefing s | peak MB: graph / + briefing / + exports | render s (x baseline) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, f in rows:
        ok = "" if f["index_bytes"] < INDEX_BUDGET and f["render_s"] < RENDER_BUDGET else " OVER BUDGET"
        print(f"| {name} | {f['pages']:,} | {f['index_bytes'] / 1e6:.2f} MB | {f['largest_other_page'] / 1e3:.0f} kB "
              f"| {f['seconds']:.1f} | {f['graph_rss_mb']:.0f} / {f['report_rss_mb']:.0f} / {f['peak_rss_mb']:.0f} "
              f"| {f['render_s']:.2f} ({f['render_s'] / base:.1f}x){ok} |")
    print(f"screenshots and briefings in {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
