#!/usr/bin/env python3
"""Precision of the who-accused-whom graph's arrows, measured by reading them.

    python benchmarks/graph_edges.py DOCS.jsonl [DOCS2.jsonl ...] [--judged benchmarks/graph_edges_judged.jsonl]
                                     [--rollup] [--no-resolve] [--list-unjudged] [--list-wrong]
                                     [--context CHARS] [--stub FILE] [--sample N --seed S]

Every typed arrow the graph would draw (accusation, attribution, denial from one actor to
another), built by `extractor.graph.build_graph` from the documents (after the corpus's actor
resolution, `extractor.resolve`, as `extractor run` draws it; `--no-resolve` skips it), is joined
with the judged file: one JSON line per arrow a person has read, with the document id, the
claim's sentence offsets and a hash of its sentence (never its text), source and target actor
names, type, verdict (`right` / `wrong`) and, for a wrong one, the cause (CAUSES). An arrow matches
a judged line when document, type, source and target names agree and the sentence hash does (or,
for a line without a hash, the offsets), so a rerun of a later version with the same text reuses every judgement and only
new arrows need reading (a cleaning change that moves offsets still matches on the hash).

Prints precision over the judged arrows (by type and by cause), and how many arrows are
unjudged. `--list-unjudged` prints those on the terminal with their sentence, for reading;
`--stub FILE` writes them as judged lines without a verdict, to be filled in by hand and
appended. `--sample N --seed S` restricts everything to a seeded random sample of N arrows
(e.g. of a big corpus), the same sample on every run of the same output. `--rollup` adds the
arrows the roll-up draws for an official's body and state (judged separately: a wrong `part_of`
makes them wrong; since 1ba14b9 the graph rolls a claim up through its own document's `part_of`,
the what-if `--own-part-of` measured first). `--base OLD_DOCS.jsonl` compares with an earlier version's output: the arrows
added and those gone, each by verdict (a right arrow gone is recall given up, a wrong one gone a
fix). Sentences go to the terminal only, never into the repository.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import signal
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

JUDGED = ROOT / "benchmarks" / "graph_edges_judged.jsonl"
TYPES = ("accusation", "attribution", "denial")
VERDICTS = ("right", "wrong")
CAUSES = (
    "wrong-speaker",      # the source actor did not make the claim
    "wrong-target",       # the target actor is not the one accused / blamed / answered
    "victim-as-target",   # the target is the victim or object of the act, not who is accused of it
    "not-an-accusation",  # a plain statement, praise, a question, a report of fact: nothing is alleged
    "wrong-type",         # a real claim between the two, of another type (a denial typed accusation, ...)
    "wrong-direction",    # the two actors are right but the arrow points the wrong way
    "unresolved",         # a pronoun or description resolved to an actor it does not refer to
    "wrong-merge",        # the actor is another one of the same name (a surname merged to another person)
    "wrong-sense",        # the cue word in another sense (charge a battery, attack a position)
    "junk-actor",         # source or target is not a real actor (a span of words, a product)
    "rollup",             # the claim is right but the official's body or state is not
)
DOCUMENT_KEYS = ("id", "actors", "claims")  # what the graph reads of a document


def sentence_hash(text: str) -> str:
    """A short digest of the sentence with whitespace folded: survives reruns, says nothing of the text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def name_key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


@dataclass(frozen=True)
class Arrow:
    """One typed arrow of the graph: one claim between two actors (or its roll-up to a body or state)."""

    document: str
    claim: str
    type: str
    source: str
    target: str
    source_id: str
    target_id: str
    start: int
    end: int
    sentence_sha: str
    cue: str
    source_text: str
    target_text: str
    rolled_up: bool = False
    in_title: bool = False  # a headline claim: its offsets index the document's title, not its text

    def stub(self) -> dict:
        """A judged line for this arrow with the verdict left to fill in (no article text)."""
        row = {"document": self.document, "sentence": [self.start, self.end], "sentence_sha": self.sentence_sha,
               "source": self.source, "target": self.target, "type": self.type, "verdict": None, "cause": None}
        return row | {"in_title": True} if self.in_title else row


@dataclass(frozen=True)
class Judgement:
    document: str
    start: int
    end: int
    sentence_sha: str | None
    source: str
    target: str
    type: str
    verdict: str
    cause: str | None = None
    line: int = 0

    @classmethod
    def from_row(cls, row: dict, line: int = 0) -> "Judgement":
        start, end = row["sentence"]
        return cls(row["document"], start, end, row.get("sentence_sha"), row["source"], row["target"], row["type"],
                   row["verdict"], row.get("cause"), line)


def check_row(row: dict) -> list[str]:
    """What is wrong with one judged line (empty when it is well formed)."""
    problems = []
    for key in ("document", "sentence", "source", "target", "type", "verdict"):
        if key not in row:
            problems.append(f"no {key!r}")
    if problems:
        return problems
    if row["type"] not in TYPES:
        problems.append(f"type {row['type']!r} not one of {TYPES}")
    if row["verdict"] not in VERDICTS:
        problems.append(f"verdict {row['verdict']!r} not one of {VERDICTS}")
    if row["verdict"] == "wrong" and row.get("cause") not in CAUSES:
        problems.append(f"cause {row.get('cause')!r} not one of the CAUSES")
    if row["verdict"] == "right" and row.get("cause"):
        problems.append("a right arrow has no cause")
    sent = row["sentence"]
    if not (isinstance(sent, list) and len(sent) == 2 and all(isinstance(i, int) for i in sent) and 0 <= sent[0] < sent[1]):
        problems.append(f"sentence {sent!r} is not [start, end]")
    extra = set(row) - {"document", "sentence", "sentence_sha", "source", "target", "type", "verdict", "cause", "corpus",
                        "note", "in_title"}
    if extra:
        problems.append(f"unknown fields {sorted(extra)}")
    note = row.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > 60):
        problems.append("a note is a short label, never copied text")
    return problems


def json_lines(path: Path) -> Iterator[tuple[int, object, str | None]]:
    """(line number, value, None) for each non-blank line of a JSON Lines file, or (line number,
    None, reason) for a line that is not JSON: the callers decide whether that stops them."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield n, json.loads(line), None
                except json.JSONDecodeError as err:
                    yield n, None, f"not JSON ({err.msg})"


def load_judged(path: Path) -> list[Judgement]:
    """The judged lines; a malformed line stops the run with its line number and reason."""
    if not path.exists():
        return []
    out = []
    for n, row, error in json_lines(path):
        problems = [error] if error else check_row(row)
        if problems:
            raise SystemExit(f"{path}:{n}: {'; '.join(problems)}")
        out.append(Judgement.from_row(row, n))
    return out


def read_documents(paths: Iterable[Path]) -> Iterator[dict]:
    """The documents of JSON Lines files; a line that is not a document is skipped with one line
    naming it and why, so one bad line does not cost the rest."""
    for path in paths:
        for n, doc, error in json_lines(path):
            missing = [] if error else [k for k in DOCUMENT_KEYS if not isinstance(doc, dict) or k not in doc]
            if error or missing:
                why = error or f"not a document (no {', '.join(missing)})"
                print(f"{path}:{n}: skipped, {why}", file=sys.stderr)
                continue
            yield doc


def resolved(docs: list[dict]) -> list[dict]:
    """The documents with the corpus's actor ids, as `extractor run` gives them to the graph."""
    from extractor.resolve import apply, resolve

    res = resolve(docs)
    return [apply(d, res) for d in docs]


def arrows(docs: list[dict], *, rollup: bool = False) -> list[Arrow]:
    """Every typed arrow `build_graph` draws from `docs`, in graph order (with `rollup`, the
    official's body and state arrows as well, through `rolled_up`, the graph's one roll-up loop)."""
    from extractor.graph import build_graph, rolled_up

    g = build_graph(docs)
    claims = {c["id"]: c for d in docs for c in d["claims"]}
    edges = rolled_up(g, rollup=rollup)
    out = []
    for src, tgt, key, data in edges:
        if data["type"] not in TYPES:
            continue
        c = claims[key]
        sent = c["sentence"]
        out.append(Arrow(document=data["document"], claim=key, type=data["type"], source=g.nodes[src]["name"],
                         target=g.nodes[tgt]["name"], source_id=src, target_id=tgt, start=sent["start"],
                         end=sent["end"], sentence_sha=sentence_hash(sent["text"]), cue=c["cue"]["text"],
                         source_text=c["source"].get("text") or "", target_text=(c.get("target") or {}).get("text") or "",
                         rolled_up=src != c["source"]["actor"], in_title=bool(c.get("in_title"))))
    return out


class Index:
    """Judged lines by (document, type, source, target), looked up by sentence hash or offsets."""

    def __init__(self, judged: Iterable[Judgement]):
        self.by_key: dict[tuple, list[Judgement]] = {}
        for j in judged:
            self.by_key.setdefault((j.document, j.type, name_key(j.source), name_key(j.target)), []).append(j)

    def find(self, a: Arrow) -> Judgement | None:
        candidates = self.by_key.get((a.document, a.type, name_key(a.source), name_key(a.target)), [])
        for j in candidates:
            if j.sentence_sha and j.sentence_sha == a.sentence_sha:
                return j
        for j in candidates:  # a line without a hash matches on offsets; with one, the sentence must be the same
            if not j.sentence_sha and (j.start, j.end) == (a.start, a.end):
                return j
        return None


def sample(items: list[Arrow], n: int | None, seed: int) -> list[Arrow]:
    """A seeded random sample of `n` arrows (all when n is None or larger), in their original order."""
    if n is None or n >= len(items):
        return items
    picked = set(random.Random(seed).sample(range(len(items)), n))
    return [a for i, a in enumerate(items) if i in picked]


@dataclass(frozen=True)
class Score:
    arrows: int
    judged: int
    right: int
    wrong: int
    by_type: dict
    by_origin: dict  # "direct" (the claim's own speaker) and "rolled up" (its body or state)
    causes: dict  # cause -> wrong arrows
    direct_causes: dict  # the same for the direct arrows alone
    unjudged: list

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


def score(items: list[Arrow], index: Index) -> tuple[Score, list[tuple[Arrow, Judgement]]]:
    """Precision over the judged arrows, per type and per cause; the unjudged arrows."""
    verdicts: Counter = Counter()
    by_type: dict[str, Counter] = {t: Counter() for t in TYPES}
    by_origin: dict[str, Counter] = {"direct": Counter(), "rolled up": Counter()}
    causes: Counter = Counter()
    direct_causes: Counter = Counter()
    unjudged, pairs = [], []
    for a in items:
        j = index.find(a)
        if j is None:
            unjudged.append(a)
            continue
        pairs.append((a, j))
        verdicts[j.verdict] += 1
        by_type[a.type][j.verdict] += 1
        by_origin["rolled up" if a.rolled_up else "direct"][j.verdict] += 1
        if j.verdict == "wrong":
            causes[j.cause] += 1
            direct_causes[j.cause] += not a.rolled_up
    return Score(len(items), verdicts["right"] + verdicts["wrong"], verdicts["right"], verdicts["wrong"],
                 {t: dict(c) for t, c in by_type.items()}, {k: dict(c) for k, c in by_origin.items()},
                 dict(causes.most_common()), {k: v for k, v in direct_causes.most_common() if v}, unjudged), pairs


def arrow_key(a: Arrow) -> tuple:
    return a.document, a.type, name_key(a.source), name_key(a.target), a.sentence_sha


def compare(base: list[Arrow], items: list[Arrow], index: Index) -> dict[str, Counter]:
    """What a version changed against a base version's arrows: the arrows it adds and those it
    loses, each counted by verdict (right, wrong, unjudged). A lost right arrow is recall given up."""
    return {name: Counter(verdict for _, verdict in found) for name, found in changed(base, items, index).items()}


def changed(base: list[Arrow], items: list[Arrow], index: Index) -> dict[str, list[tuple[Arrow, str]]]:
    """The arrows a version adds and those it loses against a base version, each with its verdict."""
    old, new = {arrow_key(a) for a in base}, {arrow_key(a) for a in items}
    out: dict[str, list[tuple[Arrow, str]]] = {"added": [], "gone": []}
    for name, pool, other in (("added", items, old), ("gone", base, new)):
        for a in pool:
            if arrow_key(a) not in other:
                j = index.find(a)
                out[name].append((a, j.verdict if j else "unjudged"))
    return out


def _p(right: int, judged: int) -> str:
    return f"{right / judged:.3f}" if judged else "n/a"


def report(s: Score) -> str:
    lines = [f"typed arrows {s.arrows}; judged {s.judged}, unjudged {len(s.unjudged)}",
             f"precision over the judged arrows: {_p(s.right, s.judged)} ({s.right} right, {s.wrong} wrong)"]
    for name, c in (*s.by_type.items(), *s.by_origin.items()):
        n = c.get("right", 0) + c.get("wrong", 0)
        if n:
            lines.append(f"  {name:<12} {_p(c.get('right', 0), n)} ({c.get('right', 0)}/{n})")
    if s.causes:
        lines.append("wrong arrows by cause: " + ", ".join(f"{k} {v}" for k, v in s.causes.items()))
    if s.direct_causes and s.direct_causes != s.causes:
        lines.append("  direct arrows only: " + ", ".join(f"{k} {v}" for k, v in s.direct_causes.items()))
    return "\n".join(lines)


def show(a: Arrow, sentence: str, tag: str = "", before: str = "") -> str:
    roll = (" (rolled up)" if a.rolled_up else "") + (" (headline)" if a.in_title else "")
    context = f"   ...{' '.join(before.split())}\n" if before else ""
    return (f"{tag}{a.document} [{a.start}:{a.end}] {a.type}: {a.source} -> {a.target}{roll}\n"
            f"   cue={a.cue!r} source={a.source_text!r} target={a.target_text!r}\n{context}   >> {sentence}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("documents", type=Path, nargs="+", help="documents.jsonl files (the JSON contract)")
    ap.add_argument("--judged", type=Path, default=JUDGED)
    ap.add_argument("--rollup", action="store_true", help="also the arrows rolled up to an official's body and state")
    ap.add_argument("--no-resolve", action="store_true", help="skip the corpus's actor resolution")
    ap.add_argument("--list-unjudged", action="store_true", help="print the unjudged arrows with their sentence")
    ap.add_argument("--list-wrong", action="store_true", help="print the wrong arrows with their cause and sentence")
    ap.add_argument("--context", type=int, default=0, metavar="CHARS",
                    help="with a listing, also print the CHARS characters before each sentence (pronouns)")
    ap.add_argument("--stub", type=Path, default=None, help="write the unjudged arrows as judged lines to fill in")
    ap.add_argument("--sample", type=int, default=None, help="only a seeded random sample of N arrows")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--json", action="store_true", help="the figures as one JSON object")
    ap.add_argument("--base", type=Path, action="append", default=[], metavar="DOCS",
                    help="an earlier version's documents.jsonl: count the arrows added and gone (repeatable)")
    ap.add_argument("--list-changes", action="store_true",
                    help="with --base, print the arrows added and gone with their verdict and sentence")
    args = ap.parse_args(argv)

    for path in [*args.documents, *args.base]:
        if not path.exists():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    docs = list(read_documents(args.documents))
    if not args.no_resolve:
        docs = resolved(docs)
    sentences = {c["id"]: c["sentence"]["text"] for d in docs for c in d["claims"]}
    texts = {d["id"]: d.get("text") or "" for d in docs}
    titles = {d["id"]: d.get("title") or "" for d in docs}

    def listed(a: Arrow, tag: str) -> str:
        text = (titles if a.in_title else texts)[a.document]
        before = text[max(0, a.start - args.context):a.start] if args.context else ""
        return show(a, " ".join(sentences[a.claim].split()), tag=tag, before=before)
    items = sample(arrows(docs, rollup=args.rollup), args.sample, args.seed)
    index = Index(load_judged(args.judged))
    s, pairs = score(items, index)
    changes, moved = None, {}
    if args.base:
        base_docs = list(read_documents(args.base))
        base_docs = base_docs if args.no_resolve else resolved(base_docs)
        base_arrows = sample(arrows(base_docs, rollup=args.rollup), args.sample, args.seed)
        changes = compare(base_arrows, items, index)
        if args.list_changes:
            moved = changed(base_arrows, items, index)
            for d in base_docs:
                sentences.update((c["id"], c["sentence"]["text"]) for c in d["claims"])
    if args.json:
        print(json.dumps({k: v for k, v in asdict(s).items() if k != "unjudged"} | {
            "unjudged": len(s.unjudged), "precision": s.precision}
            | ({"changes": {k: dict(v) for k, v in changes.items()}} if changes else {})))
    else:
        print(report(s))
        if changes:
            print("against the base: " + "; ".join(
                f"{name} {sum(c.values())} ({', '.join(f'{v} {k}' for k, v in sorted(c.items())) or 'none'})"
                for name, c in changes.items()))
    for name, found in moved.items():
        print(f"\n== {name} arrows ==")
        for a, verdict in found:
            print(listed(a, f"{name.upper()} {verdict}: "))
    if args.list_wrong:
        print("\n== wrong arrows ==")
        for a, j in pairs:
            if j.verdict == "wrong":
                print(listed(a, f"WRONG {j.cause}: "))
    unjudged: dict[tuple, Arrow] = {}  # two claims of one sentence with the same arrow are read once
    for a in s.unjudged:
        unjudged.setdefault(arrow_key(a), a)
    if args.list_unjudged:  # numbered as the lines of --stub
        print("\n== unjudged arrows ==")
        for n, a in enumerate(unjudged.values(), 1):
            print(listed(a, f"#{n} "))
    if args.stub:
        tmp = args.stub.with_name(args.stub.name + ".tmp")
        stubs = [a.stub() for a in unjudged.values()]
        tmp.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in stubs), encoding="utf-8")
        tmp.replace(args.stub)
        print(f"{len(stubs)} unjudged arrows written to {args.stub}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the listing quietly
    sys.exit(main())
