#!/usr/bin/env python3
"""Typed claims (accusation, attribution, denial) on the English aeb-dev pages against the hand annotation.

    python benchmarks/aeb_claims.py [--pred documents.jsonl] [--gold benchmarks/aeb_claims_gold.jsonl] [--list]

Without `--pred` it runs `extractor extract ../shared/eval/aeb-dev/html -o TMP` itself (TMP a temp
file, never in the repository). The gold (`benchmarks/aeb_claims_gold.jsonl`, guideline in
`benchmarks/aeb_claims_guide.md`) holds ids, character offsets into the reference `articleBody` of
`../shared/eval/aeb-dev/ground-truth.json` and labels only, so it does not depend on our cleaning.

Each predicted claim's sentence is located in the page's `articleBody`: exact search after
normalising whitespace, quotes and dashes first; then a fuzzy fallback (difflib around the longest
common block) that accepts a place when at least FUZZY_COVERAGE of the sentence's characters are
matched there. Claims that cannot be located (cleaning kept text the reference lacks) are counted
apart and left out of precision.

A predicted typed claim matches a gold claim of the same page when their sentences overlap and
their types agree (one to one, largest overlap first). Edges are per page (source -> target -> type,
duplicates merged); a predicted actor matches a gold name when the normalised name, one of the
actor's aliases or the span's surface text equals it, or one's words contain the other's (a surname
alone, "House Democrats" / "Democrats"; names of at most MAX_NAME_WORDS words). An official's actor
also stands for the bodies and states it is `part_of`, as in the graph's roll-up (Mike Pompeo ->
United States).
"""
from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AEB = SHARED / "eval" / "aeb-dev"
GOLD = ROOT / "benchmarks" / "aeb_claims_gold.jsonl"
sys.path.insert(0, str(ROOT))

TYPES = ("accusation", "attribution", "denial")
FUZZY_COVERAGE = 0.85  # share of a sentence's characters that must match for a fuzzy location
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
MAX_NAME_WORDS = 4  # the word-subset rule applies to names, not to long surface spans that mention one
_NAME_STOP = {"the", "of", "and", "a", "an", "mr", "ms", "mrs", "dr", "president", "sen", "rep"}


def normalise(text: str) -> tuple[str, list[int]]:
    """Whitespace runs become one space, curly quotes and dashes plain; also each kept char's index in `text`."""
    out, index, space = [], [], False
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            if out and not space:
                out.append(" ")
                index.append(i)
            space = True
            continue
        space = False
        out.append(ch)
        index.append(i)
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


@dataclass(frozen=True)
class Located:
    start: int
    end: int
    exact: bool


class Body:
    """One reference article body, normalised once for locating sentences in it."""

    def __init__(self, text: str):
        self.text = text
        self.norm, self.index = normalise(text)

    def _span(self, nstart: int, nend: int) -> tuple[int, int]:
        return self.index[nstart], self.index[nend - 1] + 1

    def locate(self, sentence: str) -> Located | None:
        needle, _ = normalise(sentence)
        if not needle:
            return None
        at = self.norm.find(needle)
        if at >= 0:
            return Located(*self._span(at, at + len(needle)), exact=True)
        return self._fuzzy(needle)

    def _fuzzy(self, needle: str) -> Located | None:
        sm = difflib.SequenceMatcher(None, self.norm, needle, autojunk=False)
        block = sm.find_longest_match(0, len(self.norm), 0, len(needle))
        if block.size < 8:
            return None
        lo = max(0, block.a - block.b - 20)
        hi = min(len(self.norm), block.a + (len(needle) - block.b) + 20)
        window = difflib.SequenceMatcher(None, self.norm[lo:hi], needle, autojunk=False)
        blocks = [b for b in window.get_matching_blocks() if b.size >= 3]
        if not blocks or sum(b.size for b in blocks) / len(needle) < FUZZY_COVERAGE:
            return None
        return Located(*self._span(lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size), exact=False)


def name_key(name: str) -> str:
    from extractor.resolve import name_key as resolve_key

    return resolve_key(name.replace("’", "'").replace("'s", ""))


def names_match(gold: str | None, candidates: set[str]) -> bool:
    """A gold actor name against a prediction's names (actor name, aliases, surface text)."""
    if gold is None:
        return not candidates
    key = name_key(gold)
    words = set(key.split()) - _NAME_STOP
    for cand in candidates:
        other = name_key(cand)
        if not other:
            continue
        cwords = set(other.split()) - _NAME_STOP
        short = len(words) <= MAX_NAME_WORDS and len(cwords) <= MAX_NAME_WORDS
        if other == key or (short and words and cwords and (words <= cwords or cwords <= words)):
            return True
    return False


@dataclass(frozen=True)
class Pred:
    """One predicted claim, located in the reference body (or not: start = end = -1)."""

    type: str
    start: int
    end: int
    sentence: str
    source: frozenset[str]
    target: frozenset[str]
    source_span: bool = False
    source_actor: bool = False
    fuzzy: bool = False
    cue: str = ""

    @property
    def located(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True)
class Gold:
    type: str
    start: int
    end: int
    source: str | None
    target: str | None


def overlap(a: Pred | Gold, b: Pred | Gold) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(preds: list[Pred], golds: list[Gold], typed: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of overlapping sentences (same type when `typed`), largest overlap first."""
    pairs = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
         if overlap(p, g) > 0 and (not typed or p.type == g.type)),
        key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return sorted(out)


def edges_of_gold(golds: list[Gold]) -> set[tuple[str, str, str]]:
    return {(g.source, g.target, g.type) for g in golds if g.source and g.target}


def match_edges(preds: list[Pred], golds: list[Gold]) -> tuple[int, int, int, int]:
    """(predicted edges, matched predicted, gold edges, matched gold) on one page, duplicates merged."""
    gold_edges = edges_of_gold(golds)
    pred_edges = {(p.source, p.target, p.type) for p in preds if p.type in TYPES and p.source and p.target}

    def same(pe, ge) -> bool:
        return pe[2] == ge[2] and names_match(ge[0], set(pe[0])) and names_match(ge[1], set(pe[1]))

    hit_p = sum(any(same(pe, ge) for ge in gold_edges) for pe in pred_edges)
    hit_g = sum(any(same(pe, ge) for pe in pred_edges) for ge in gold_edges)
    return len(pred_edges), hit_p, len(gold_edges), hit_g


def _party_names(party: dict | None, actors: dict[str, dict]) -> frozenset[str]:
    """The span's text, its actor's name and aliases, and those of the bodies and states it rolls up to
    (`part_of`, as the graph's roll-up: Mike Pompeo -> United States)."""
    if not party:
        return frozenset()
    names = {party.get("text") or ""}
    seen, actor_id = set(), party.get("actor")
    while actor_id and actor_id not in seen:
        seen.add(actor_id)
        actor = actors.get(actor_id)
        if actor is None:
            names.add(actor_id.replace("-", " "))
            break
        names |= {actor["name"], *actor.get("aliases", [])}
        actor_id = actor.get("part_of")
    return frozenset(n for n in names if n)


def preds_of(doc: dict, body: Body) -> list[Pred]:
    actors = {a["id"]: a for a in doc.get("actors", [])}
    out = []
    for c in doc.get("claims", []):
        sent = c["sentence"]["text"]
        loc = body.locate(sent)
        src = c.get("source")
        src = src if src and (src.get("text") or src.get("start") is not None) else None  # {"start": null, …}: no span
        out.append(Pred(type=c["type"], start=loc.start if loc else -1, end=loc.end if loc else -1, sentence=sent,
                        source=_party_names(src, actors), target=_party_names(c.get("target"), actors),
                        source_span=bool(src), source_actor=bool(src and src.get("actor")),
                        fuzzy=bool(loc and not loc.exact), cue=(c.get("cue") or {}).get("text", "")))
    return out


def golds_of(row: dict) -> list[Gold]:
    return [Gold(c["type"], c["sentence"][0], c["sentence"][1], c.get("source"), c.get("target"))
            for c in row.get("claims", [])]


@dataclass
class Tally:
    """Counts over the pages; `prf` gives precision, recall, F1."""

    counts: Counter = field(default_factory=Counter)
    fps: list = field(default_factory=list)
    fns: list = field(default_factory=list)
    wrong_edges: list = field(default_factory=list)

    def add_page(self, page: str, preds: list[Pred], golds: list[Gold]) -> None:
        c = self.counts
        located = [p for p in preds if p.located]
        typed = [p for p in located if p.type in TYPES]
        c["pred_claims"] += len(preds)
        c["unlocated"] += len(preds) - len(located)
        c["unlocated_typed"] += sum(1 for p in preds if not p.located and p.type in TYPES)
        c["fuzzy"] += sum(p.fuzzy for p in preds)
        c["with_source_span"] += sum(p.source_span for p in preds)
        c["source_span_no_actor"] += sum(p.source_span and not p.source_actor for p in preds)
        c["typed_with_source_span"] += sum(p.source_span for p in preds if p.type in TYPES)
        c["typed_source_span_no_actor"] += sum(p.source_span and not p.source_actor for p in preds if p.type in TYPES)
        on_gold = [p for p in located if any(overlap(p, g) for g in golds)]
        c["gold_sentence_with_source_span"] += sum(p.source_span for p in on_gold)
        c["gold_sentence_source_span_no_actor"] += sum(p.source_span and not p.source_actor for p in on_gold)
        c["pred_typed"] += len(typed)
        c["gold"] += len(golds)
        pairs = match(typed, golds)
        c["tp"] += len(pairs)
        any_pairs = match(typed, golds, typed=False)
        c["tp_any_type"] += len(any_pairs)
        c["gold_found_any_claim"] += len(match(located, golds, typed=False))
        for t in TYPES:
            c[f"pred_{t}"] += sum(p.type == t for p in typed)
            c[f"gold_{t}"] += sum(g.type == t for g in golds)
            c[f"tp_{t}"] += sum(typed[i].type == t for i, _ in pairs)
        ep, ehp, eg, ehg = match_edges(typed, golds)
        c["pred_edges"] += ep
        c["pred_edges_hit"] += ehp
        c["gold_edges"] += eg
        c["gold_edges_hit"] += ehg
        gold_edges = edges_of_gold(golds)
        self.wrong_edges += [(page, pe) for pe in {(p.source, p.target, p.type) for p in typed if p.source and p.target}
                             if not any(pe[2] == ge[2] and names_match(ge[0], set(pe[0])) and names_match(ge[1], set(pe[1]))
                                        for ge in gold_edges)]
        hit_p = {i for i, _ in pairs}
        hit_g = {j for _, j in pairs}
        self.fps += [(page, p) for i, p in enumerate(typed) if i not in hit_p]
        self.fns += [(page, g, [p for p in located if overlap(p, g)]) for j, g in enumerate(golds) if j not in hit_g]


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(t: Tally) -> str:
    c = t.counts
    fmt = "P {:.3f}  R {:.3f}  F1 {:.3f}"
    lines = [
        f"pages annotated {c['pages']} (skipped non-English {c['skipped']}); gold typed claims {c['gold']}",
        f"predicted claims on those pages {c['pred_claims']}, not located in the reference text {c['unlocated']}"
        f" (typed {c['unlocated_typed']}, left out of precision), located by the fuzzy fallback {c['fuzzy']};"
        f" typed claims located {c['pred_typed']}",
        "typed claims (sentence overlap + same type): " + fmt.format(*prf(c["tp"], c["pred_typed"], c["tp"], c["gold"]))
        + f"  ({c['tp']} matched)",
        "typed claims, type ignored (sentence overlap): "
        + fmt.format(*prf(c["tp_any_type"], c["pred_typed"], c["tp_any_type"], c["gold"])),
        f"gold claims whose sentence is a predicted claim of any type (statement included): "
        f"{c['gold_found_any_claim']}/{c['gold']}",
    ]
    for ty in TYPES:
        lines.append(f"  {ty:<12} " + fmt.format(*prf(c[f"tp_{ty}"], c[f"pred_{ty}"], c[f"tp_{ty}"], c[f"gold_{ty}"]))
                     + f"  (pred {c[f'pred_{ty}']}, gold {c[f'gold_{ty}']})")
    lines.append("edges source -> target -> type, per page: " + fmt.format(
        *prf(c["pred_edges_hit"], c["pred_edges"], c["gold_edges_hit"], c["gold_edges"]))
        + f"  (pred {c['pred_edges']}, gold {c['gold_edges']})")
    share = c["source_span_no_actor"] / c["with_source_span"] if c["with_source_span"] else 0.0
    tshare = c["typed_source_span_no_actor"] / c["typed_with_source_span"] if c["typed_with_source_span"] else 0.0
    gshare = (c["gold_sentence_source_span_no_actor"] / c["gold_sentence_with_source_span"]
              if c["gold_sentence_with_source_span"] else 0.0)
    lines.append(f"claims with a source span but no source actor: {share:.1%} "
                 f"({c['source_span_no_actor']}/{c['with_source_span']}); typed only {tshare:.1%} "
                 f"({c['typed_source_span_no_actor']}/{c['typed_with_source_span']}); on gold sentences "
                 f"{gshare:.1%} ({c['gold_sentence_source_span_no_actor']}/{c['gold_sentence_with_source_span']})")
    return "\n".join(lines)


def listing(t: Tally, bodies: dict[str, str]) -> str:
    """False positives and negatives with their sentences, for the terminal only."""
    out = ["", "== false positives (predicted typed claim, no gold claim of that type) =="]
    for page, p in sorted(t.fps, key=lambda x: (x[0], x[1].start)):
        out.append(f"FP {page[:10]} @{p.start} {p.type} cue={p.cue!r} src={sorted(p.source)} tgt={sorted(p.target)}\n"
                   f"   {p.sentence}")
    out.append("\n== false negatives (gold claim not matched) ==")
    for page, g, near in sorted(t.fns, key=lambda x: (x[0], x[1].start)):
        text = " ".join(bodies[page][g.start:g.end].split())
        out.append(f"FN {page[:10]} @{g.start} {g.type} {g.source} -> {g.target}\n   {text}")
        out += [f"   ~ predicted {p.type} cue={p.cue!r} src={sorted(p.source)} tgt={sorted(p.target)}" for p in near]
    out.append("\n== wrong edges (predicted source -> target -> type, no gold edge of the page) ==")
    out += [f"EDGE {page[:10]} {sorted(src)} -> {sorted(tgt)} {kind}" for page, (src, tgt, kind) in sorted(t.wrong_edges)]
    return "\n".join(out)


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(gold_rows: list[dict], docs: dict[str, dict], bodies: dict[str, str]) -> Tally:
    t = Tally()
    for row in gold_rows:
        if row.get("skipped"):
            t.counts["skipped"] += 1
            continue
        t.counts["pages"] += 1
        doc = docs.get(row["id"], {"claims": [], "actors": []})
        t.add_page(row["id"], preds_of(doc, Body(bodies[row["id"]])), golds_of(row))
    return t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--pred", type=Path, default=None, help="a documents.jsonl of the aeb-dev pages (default: run extract)")
    ap.add_argument("--list", action="store_true", help="print every false positive and negative with its sentence")
    args = ap.parse_args(argv)
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = {k: v["articleBody"] for k, v in truth.items()}
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.pred
        if pred is None:
            pred = Path(tmp) / "documents.jsonl"
            # exit status 1 when some page fails (one aeb-dev page has no article text): the rest is written
            subprocess.run([sys.executable, "-m", "extractor", "extract", str(AEB / "html"), "-o", str(pred)],
                           check=False, stderr=subprocess.DEVNULL)
        if not pred.exists():
            print(f"{pred}: no predictions (did the extraction run?)", file=sys.stderr)
            return 2
        docs = {d["id"]: d for d in load_jsonl(pred)}
    t = score(load_jsonl(args.gold), docs, bodies)
    print(report(t))
    if args.list:
        print(listing(t, bodies))
    return 0


if __name__ == "__main__":
    sys.exit(main())
