"""Cleaning benchmark: the project's `extractor.clean` beside plain trafilatura on real news pages, in one run.

    python benchmarks/clean_eval.py [--aeb ../shared/eval/aeb-dev] [--n-bootstrap N] [--repeat N] [--keep DIR]

Extracts every page of `AEB/html/*.html.gz` (read as the CLI reads files: `extractor.ingest`) with
trafilatura's defaults, trafilatura with the project's options (`extractor.clean.EXTRACTION_OPTIONS`)
and `extractor.clean.clean`; writes one `output/NAME.json` per system into a temporary folder beside
a link to `AEB/ground-truth.json`, and runs the benchmark's own scorer (`AEB/evaluate.py`) there,
so that the systems are scored side by side by the same code. Then prints time per page (cleaning,
and what `with_metadata` costs) and the language detector's accuracy and time per page against the
hand-checked labels in `benchmarks/aeb_dev_languages.json`. A page the project rejects scores 0.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from trafilatura import bare_extraction

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.clean import EXTRACTION_OPTIONS, clean  # noqa: E402
from extractor.errors import NoArticleError  # noqa: E402
from extractor.ingest import iter_raw  # noqa: E402
from extractor.language import detect_language  # noqa: E402
from extractor.records import RawDocument  # noqa: E402

AEB = ROOT.parent / "shared" / "eval" / "aeb-dev"
LANGUAGES = Path(__file__).with_name("aeb_dev_languages.json")


def load_pages(aeb: Path) -> list[RawDocument]:
    pages = []
    for item in iter_raw([str(aeb / "html")]):
        if not isinstance(item, RawDocument):
            raise SystemExit(f"cannot read {item}")
        pages.append(item)
    return pages


def trafilatura_text(raw: RawDocument, **options) -> str:
    extracted = bare_extraction(raw.html, url=raw.url, **options)
    return (extracted.text or "") if extracted is not None else ""


def project_text(raw: RawDocument) -> str:
    try:
        return clean(raw).text
    except NoArticleError:
        return ""


def run_systems(pages: list[RawDocument], systems: dict[str, Callable[[RawDocument], str]],
                repeat: int) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Texts by system and page id, and each system's seconds per page. The systems take turns on
    each page (so that caches and a busy machine treat them alike); a page's fastest of `repeat` runs counts."""
    texts: dict[str, dict[str, str]] = {name: {} for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for raw in pages:
        for name, extract in systems.items():
            best = float("inf")
            for _ in range(repeat):
                t0 = time.perf_counter()
                texts[name][raw.id] = extract(raw)
                best = min(best, time.perf_counter() - t0)
            seconds[name] += best
    return texts, {name: s / len(pages) for name, s in seconds.items()}


def score(aeb: Path, outputs: dict[str, dict[str, str]], n_bootstrap: int, keep: Path | None) -> str:
    """The benchmark's scorer over `outputs` ({system: {id: text}}), run where it expects its files."""
    folder = Path(tempfile.mkdtemp(prefix="clean_eval-"))
    try:
        (folder / "ground-truth.json").symlink_to((aeb / "ground-truth.json").resolve())
        (folder / "output").mkdir()
        for name, texts in outputs.items():
            body = {doc_id: {"articleBody": text} for doc_id, text in texts.items()}
            (folder / "output" / f"{name}.json").write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([sys.executable, str((aeb / "evaluate.py").resolve()), "--n-bootstrap", str(n_bootstrap),
                               "--output", "metrics.json"], cwd=folder, capture_output=True, text=True, check=True)
        metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
        if keep is not None:
            shutil.copytree(folder, keep, dirs_exist_ok=True, symlinks=True)
        exact = ", ".join(f"{name} {m['f1']:.4f}" for name, m in sorted(metrics.items(), key=lambda kv: -kv[1]["f1"]))
        return f"{done.stdout}F1 to 4 decimals: {exact}\n"
    finally:
        shutil.rmtree(folder)


def language_check(pages: list[RawDocument], texts: dict[str, str]) -> str:
    """Accuracy of `detect_language` on the project's text of each page with a clear language."""
    labels = json.loads(LANGUAGES.read_text(encoding="utf-8"))["pages"]
    checked = [raw for raw in pages if labels.get(raw.id) and texts[raw.id]]
    detect_language(texts[checked[0].id])  # loads the model once
    t0 = time.perf_counter()
    found = {raw.id: detect_language(texts[raw.id]) for raw in checked}
    per_page = (time.perf_counter() - t0) / max(1, len(checked))
    wrong = [f"{doc_id[:12]} {labels[doc_id]}->{lang}" for doc_id, lang in found.items() if lang != labels[doc_id]]
    counts: dict[str, int] = {}
    for raw in checked:
        counts[labels[raw.id]] = counts.get(labels[raw.id], 0) + 1
    mix = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    line = (f"language: {len(checked) - len(wrong)}/{len(checked)} right ({mix}), "
            f"{1000 * per_page:.2f} ms per page")
    return line + (f"; wrong: {', '.join(wrong)}" if wrong else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--aeb", type=Path, default=AEB, help="folder with html/, ground-truth.json, evaluate.py")
    ap.add_argument("--n-bootstrap", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each system on each page; the fastest counts")
    ap.add_argument("--keep", type=Path, help="copy the scorer's folder (output/*.json) here")
    args = ap.parse_args()

    pages = load_pages(args.aeb)
    no_metadata = {**EXTRACTION_OPTIONS, "with_metadata": False}
    systems: dict[str, Callable[[RawDocument], str]] = {
        "trafilatura-defaults": trafilatura_text,
        "trafilatura-ours": lambda raw: trafilatura_text(raw, **EXTRACTION_OPTIONS),
        "trafilatura-ours-nometa": lambda raw: trafilatura_text(raw, **no_metadata),
        "project": project_text,
    }
    project_text(pages[0])  # warm up (imports, compiled expressions)
    outputs, seconds = run_systems(pages, systems, args.repeat)
    print(f"{len(pages)} pages of {args.aeb}")
    print(score(args.aeb, {k: v for k, v in outputs.items() if k != "trafilatura-ours-nometa"},
                args.n_bootstrap, args.keep), end="")
    rejected = sorted(doc_id for doc_id, text in outputs["project"].items()
                      if not text and outputs["trafilatura-defaults"][doc_id])
    print(f"pages the project rejects that trafilatura's defaults extract: {len(rejected)}"
          + (f" ({', '.join(r[:12] for r in rejected)})" if rejected else ""))
    print("time per page: " + ", ".join(f"{name} {1000 * s:.1f} ms" for name, s in seconds.items()))
    print(f"project / trafilatura-ours time: {seconds['project'] / seconds['trafilatura-ours']:.2f}")
    meta = seconds["trafilatura-ours"] - seconds["trafilatura-ours-nometa"]
    print(f"with_metadata costs {1000 * meta:.1f} ms per page, "
          f"{100 * meta / seconds['trafilatura-ours']:.0f} % of trafilatura-ours")
    print(language_check(pages, outputs["project"]))


if __name__ == "__main__":
    main()
