"""HTML briefing pages about the coverage of an incident, readable at 10,000 articles: an index
(summary, the graph of the top actors, a timeline, outlets compared, disputes), paged claim lists
(by type, actor, outlet and day), one page per article and one per actor that made or received a
claim, and directories of the rest.

The corpus is read as a stream, twice: a first pass gathers the aggregates (counts, outlets,
days), a second writes the article pages one document at a time and files each claim row into
a temporary SQLite table from which the paged lists are written; no pass holds the documents.
Pages are self-contained (inline CSS and SVG, one small script of ours for sorting, filtering
and zooming that the page does without, a Content-Security-Policy that allows that script by
its hash and no resource from anywhere) so they read offline and print; article text is untrusted and only ever
reaches the page through jinja2's autoescape. The same input gives the same bytes.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from .graph import BLAMING, EDGE_TYPES, build_graph, disputes, rolled_up, write_graph
from .svg import EDGE_COLOURS, KIND_COLOURS, OTHER_KIND, Drawing, draw, icon, kind_colour, timeline
from .view import Documents, ReportOptions, day, narrowed, open_documents, outlet

LOGGER = logging.getLogger(__name__)

UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
NEWLINES = re.compile(r"\n+")
PARTS = ("sentence", "cue", "source", "content", "target")  # the claim parts an article page marks
HEADLINE_ANCHOR = "headline"  # the HTML id of an article page's headline, where its claims link


def environment() -> Environment:
    """Autoescape on for every template: titles, names and article text all come from the web.
    A field a document lacks renders as nothing (jinja2's lenient Undefined): only `id` is required."""
    env = Environment(loader=PackageLoader("extractor", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    script = env.loader.get_source(env, "briefing.js")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    # our one script, constant: the CSP allows exactly it (by hash), nothing else may run
    env.globals.update(edge_colours=EDGE_COLOURS, kind_colour=kind_colour, icon=icon,
                       script=Markup(script), script_hash=f"sha256-{digest}")
    env.filters["n"] = lambda k: f"{k:,}" if isinstance(k, int) else k  # 16,638, not 16638
    return env


def safe_names(ids: Iterable[str]) -> dict[str, str]:
    """Each id -> a name safe in a file name and an HTML id ([A-Za-z0-9_-]), unique among `ids`
    ("a/b" and "a?b" -> "a-b", "a-b-2"), in input order."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for i in ids:
        if i in out:
            continue
        base = UNSAFE.sub("-", str(i)).strip("-") or "x"
        name, n = base, 1
        while name.lower() in taken:  # case-insensitive: file systems that fold case
            n += 1
            name = f"{base}-{n}"
        taken.add(name.lower())
        out[i] = name
    return out


def _clip(span: dict | None, n: int) -> tuple[int, int] | None:
    """(start, end) inside [0, n], or None for a span that is missing or not made of integers."""
    try:
        s, e = int(span["start"]), int(span["end"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return None
    s = min(max(s, 0), n)
    return s, min(max(e, s), n)


def sentence_anchors(doc: dict) -> dict[str, str]:
    """Claim id -> the HTML id of its sentence in the article page ("s1", "s2", ... in text order);
    claims sharing a sentence share its anchor, and the headline's claims (`in_title`) the
    headline's, HEADLINE_ANCHOR."""
    n = len(doc.get("text") or "")
    spans = {}
    for c in doc.get("claims") or ():
        if not c.get("in_title"):
            spans[c["id"]] = _clip(c.get("sentence"), n) or _clip(c.get("cue"), n) or (0, 0)
    order = {span: f"s{i}" for i, span in enumerate(sorted(set(spans.values())), 1)}
    anchors = {cid: order[span] for cid, span in spans.items()}
    return {c["id"]: anchors.get(c["id"], HEADLINE_ANCHOR) for c in doc.get("claims") or ()}


def _mentions(doc: dict, n: int) -> list[tuple[int, int, dict]]:
    """Entity spans clipped to the text; of overlapping spans the earlier (then longer) one wins."""
    spans = []
    for ent in doc.get("entities") or ():
        span = _clip(ent, n)
        if span and span[1] > span[0]:
            spans.append((span[0], span[1], ent))
    kept, end = [], 0
    for s, e, ent in sorted(spans, key=lambda x: (x[0], -x[1])):
        if s >= end:
            kept.append((s, e, ent))
            end = e
        else:
            LOGGER.debug("%s: mention %d-%d overlaps the one before; not highlighted", doc.get("id"), s, e)
    return kept


def claim_anchors(doc: dict) -> dict[str, str]:
    """Claim id -> the HTML id of its row in the article page's claim list."""
    return {cid: f"claim-{name}" for cid, name in safe_names(c["id"] for c in doc.get("claims") or ()).items()}


def paragraphs(doc: dict, names: dict[str, str], anchors: dict[str, str],
               rows: dict[str, str], *, headline: bool = False) -> list[list[dict]]:
    """The article text cut into paragraphs (at newlines) of runs that share the same marks:
    inside a claim sentence or not, a cue, a source, a content, a target, an actor mention or not. Runs never
    cross each other, so any spans at all (overlapping, out of range) give well-formed HTML.
    A run carries the anchors (`anchors`: claim id -> sentence id) and the claim markers (linking
    to `rows`: claim id -> row id) of the sentences that start with it. `headline`: the title
    with the headline's claims (`in_title`) instead (entities index the text, so none is marked)."""
    text = (doc.get("title") if headline else doc.get("text")) or ""
    if headline:
        doc = {"claims": doc.get("claims"), "entities": ()}
    n = len(text)
    cuts = {0, n}
    # part -> position -> +/- count of that part's spans opening/closing there
    opening: dict[str, Counter] = {part: Counter() for part in PARTS}
    starts: dict[int, list] = {}
    for c in doc.get("claims") or ():
        if bool(c.get("in_title")) != headline:
            continue
        a = anchors[c["id"]]
        sent = _clip(c.get("sentence"), n) or _clip(c.get("cue"), n) or (0, 0)
        starts.setdefault(sent[0], []).append((a, c))
        for part in PARTS:
            span = sent if part == "sentence" else _clip(c.get(part), n)
            if span and span[1] > span[0]:
                opening[part][span[0]] += 1
                opening[part][span[1]] -= 1
                cuts.update(span)
    mentions = _mentions(doc, n)
    for s, e, _ in mentions:
        cuts.update((s, e))
    for m in NEWLINES.finditer(text):
        cuts.update(m.span())
    cuts.update(starts)
    mention_at = {s: (e, ent) for s, e, ent in mentions}
    paras: list[list[dict]] = [[]]
    pending_anchors: list[str] = []
    pending_marks: list[dict] = []
    inside = Counter()
    mention_end, mention = -1, None
    bounds = sorted(cuts)
    for s, e in zip(bounds, bounds[1:] + [n]):
        for part in PARTS:
            inside[part] += opening[part].get(s, 0)
        if s in mention_at:
            mention_end, mention = mention_at[s]
        elif s >= mention_end:
            mention = None
        for a, c in starts.get(s, ()):
            if a not in pending_anchors:
                pending_anchors.append(a)
            pending_marks.append({"id": c["id"].rsplit("#", 1)[-1], "type": c.get("type", "statement"),
                                  "anchor": rows[c["id"]]})
        if e <= s:
            continue
        chunk = text[s:e]
        if chunk.startswith("\n"):
            if paras[-1]:
                paras.append([])
            continue
        actor = mention.get("actor") if mention else None
        paras[-1].append({
            "text": chunk, "sentence": inside["sentence"] > 0, "cue": inside["cue"] > 0,
            "parts": " ".join(p for p in PARTS[2:] if inside[p] > 0), "mention": mention is not None,
            "actor": actor, "title": (names.get(actor, actor) if actor else (mention or {}).get("label")),
            "anchors": pending_anchors, "marks": pending_marks})
        pending_anchors, pending_marks = [], []
    if pending_anchors or pending_marks:  # sentences starting at the very end: keep the links working
        paras[-1].append({"text": "", "sentence": False, "cue": False, "parts": "", "mention": False, "actor": None,
                          "title": None, "anchors": pending_anchors, "marks": pending_marks})
    return [p for p in paras if p]


MAIN_ROWS = 20  # claims between two actors compared across outlets
MAIN_PER_TYPE = 3  # main claims of each type summed up in a sentence
BUSY_SPAN, BUSY_DAYS, BUSY_SHARE = 120, 31, 0.8  # see _busy_window
TOP_OUTLETS = 12  # outlets with a column of their own; the rest share "other outlets"
OTHER_OUTLETS = "other outlets"
MAX_DISPUTES = 12  # disputes on the index; the lists hold every claim of the rest
MAX_SENTENCES = 6  # folded sentences per side of a dispute
TIMELINE_MARKS = 5  # main accusations whose first report the timeline marks
DIRECTORY_PAGE = 500  # actors per page of the actor directory
ARTICLES_PAGE = 250  # articles per page of the article list
ACTOR_ARTICLES = 50  # articles an actor page lists by title


def claim_row(doc: dict, claim: dict, names: dict[str, str], href: str, links: dict[str, str]) -> dict:
    """What the claims tables show of one claim; `href` points at its sentence, `links` maps
    actor ids to their pages (paths from the report's folder)."""
    src = (claim.get("source") or {}).get("actor")
    tgt = (claim.get("target") or {}).get("actor")
    return {
        "source_id": src, "target_id": tgt, "source_file": links.get(src), "target_file": links.get(tgt),
        "id": claim["id"], "short": claim["id"].rsplit("#", 1)[-1], "type": claim.get("type", "statement"),
        "source": names.get(src, src) if src else None,
        "source_text": (claim.get("source") or {}).get("text"),
        "cue": (claim.get("cue") or {}).get("text", ""),
        "target": names.get(tgt, tgt) if tgt else None,
        "content": (claim.get("content") or {}).get("text", ""),
        "sentence": (claim.get("sentence") or {}).get("text", ""),
        "hedges": list(claim.get("hedges") or ()), "confidence": claim.get("confidence"),
        "negated": bool(claim.get("negated")), "quote": bool(claim.get("quote")),
        "outlet": outlet(doc), "document": doc["id"], "title": doc.get("title") or doc["id"],
        "published": doc.get("published"), "href": href, "in_title": bool(claim.get("in_title")),
    }


def _write(path: Path, text: str) -> Path:
    """Temp file + rename: a reader never sees half a page."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


@dataclass
class Corpus:
    """The first pass's aggregates: small per document, never the documents themselves."""

    ids: list[str] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    outlet_of: dict[str, str] = field(default_factory=dict)  # document id -> outlet
    documents_per_outlet: Counter = field(default_factory=Counter)
    sourced_per_outlet: Counter = field(default_factory=Counter)  # claims with a source actor
    unnamed_per_outlet: Counter = field(default_factory=Counter)  # ... whose source is unnamed ("experts")
    per_day: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    types: Counter = field(default_factory=Counter)
    undated: int = 0
    undated_claims: int = 0
    lists: Counter = field(default_factory=Counter)  # (kind, key) -> claims in that list
    claimants: set = field(default_factory=set)  # actors that made or received a claim

    @classmethod
    def read(cls, documents: Iterable[dict]) -> "Corpus":
        c = cls()
        for d in documents:
            c.ids.append(d["id"])
            o = c.outlet_of[d["id"]] = outlet(d)
            c.documents_per_outlet[o] += 1
            when = day(d)
            c.undated += when is None
            claims = d.get("claims") or ()
            unnamed = {a["id"] for a in d.get("actors") or () if a.get("named") is False}
            c.articles.append({"id": d["id"], "title": d.get("title") or d["id"], "outlet": o,
                               "author": d.get("author"), "published": d.get("published"), "claims": len(claims)})
            for cl in claims:
                t = cl.get("type", "statement")
                c.types[t] += 1
                speaker = (cl.get("source") or {}).get("actor")
                c.sourced_per_outlet[o] += speaker is not None
                c.unnamed_per_outlet[o] += speaker in unnamed
                if when:
                    c.per_day[when][t] += 1
                else:
                    c.undated_claims += 1
                for key in _list_keys(cl, o, when):
                    c.lists[key] += 1
                for part in ("source", "target"):
                    a = (cl.get(part) or {}).get("actor")
                    if a and a not in unnamed:  # an unnamed source has no page (no graph node)
                        c.claimants.add(a)
        c.articles.sort(key=lambda a: (str(a["published"] or "~"), a["id"]))
        return c


def _list_keys(claim: dict, outlet_name: str, when: str | None) -> list[tuple[str, str]]:
    """The paged lists a claim belongs to: its type, its source and target actors, outlet, day;
    and ("made", source), ("about", target) for the actor pages."""
    keys = [("type", claim.get("type", "statement")), ("outlet", outlet_name)]
    src, tgt = ((claim.get(p) or {}).get("actor") for p in ("source", "target"))
    keys += [("actor", a) for a in sorted({src, tgt} - {None})]
    keys += [(kind, a) for kind, a in (("made", src), ("about", tgt)) if a]
    if when:
        keys.append(("day", when))
    return keys


class Listings:
    """Claim rows filed by list in a temporary SQLite table, so the paged lists can be written in
    order without holding every row in memory. Each row is rendered once, autoescaped by the
    claims macro (for pages one folder down), and the same HTML serves every list it is in."""

    def __init__(self, folder: str, env: Environment):
        self.db = sqlite3.connect(os.path.join(folder, "rows.sqlite"))
        self.db.execute("CREATE TABLE html (seq INTEGER PRIMARY KEY, row TEXT)")  # each row once
        self.db.execute("CREATE TABLE lists (kind TEXT, key TEXT, sort TEXT, seq INTEGER)")
        self.seq = 0
        self.render = env.get_template("_claims.html").module.claim_tr

    def add(self, keys: list[tuple[str, str]], sort: str, row: dict) -> None:
        self.seq += 1
        self.db.execute("INSERT INTO html VALUES (?, ?)", (self.seq, str(self.render(row, True, "../"))))
        self.db.executemany("INSERT INTO lists VALUES (?, ?, ?, ?)", [(k, v, sort, self.seq) for k, v in keys])

    def rows(self, kind: str, key: str, *, offset: int = 0, limit: int = -1) -> list[Markup]:
        """Rendered rows of one list, in order; Markup since the macro escaped them when rendering."""
        cur = self.db.execute("SELECT html.row FROM lists JOIN html USING (seq) WHERE kind = ? AND key = ? "
                              "ORDER BY sort, seq LIMIT ? OFFSET ?", (kind, key, limit, offset))
        return [Markup(r) for (r,) in cur]

    def finish(self) -> None:
        self.db.execute("CREATE INDEX by_list ON lists (kind, key, sort, seq)")

    def close(self) -> None:
        self.db.close()


def _pair_stats(g: nx.MultiDiGraph, corpus: Corpus) -> dict[tuple[str, str, str], dict]:
    """(source, target, type) as reported -> count, outlets, hedges, quotes, confidence and the
    first report (earliest day, then document id)."""
    stats: dict[tuple, dict] = {}
    for s, t, key, data in g.edges(keys=True, data=True):
        st = stats.setdefault((s, t, data["type"]), {
            "count": 0, "outlets": Counter(), "hedged": 0, "hedges": Counter(), "quoted": 0,
            "confidence": Counter(), "first": None, "claims": []})
        o = corpus.outlet_of.get(data["document"], outlet({"source": data.get("outlet"), "url": data.get("url")}))
        st["count"] += 1
        st["outlets"][o] += 1
        st["hedged"] += bool(data.get("hedges"))
        st["hedges"].update(data.get("hedges") or ())
        st["quoted"] += bool(data.get("quote"))
        if data.get("confidence"):
            st["confidence"][data["confidence"]] += 1
        when = day({"published": data.get("published")})
        first = (when or "9999-99-99", data["document"], key, o)
        if st["first"] is None or first < st["first"]:
            st["first"] = first
        st["claims"].append(key)
    return stats


def _main_claims(stats: dict, n: int) -> list[tuple[str, str, str]]:
    """The claims between two actors that most outlets carried: blaming and denials first."""
    def rank(k):
        st = stats[k]
        return (k[2] == "statement", -len(st["outlets"]), -st["count"], k)
    return sorted(stats, key=rank)[:n]


VERBS = {"accusation": "accuses", "attribution": "attributes an attack to", "denial": "denies the claims of",
         "statement": "makes claims about"}


def _sentence(k: tuple, st: dict, names: dict[str, str]) -> dict:
    """One line of the summary: "Microsoft attributes an attack to Hafnium (4 claims, 3 outlets;
    high confidence in 2; hedged in 1: may)"."""
    s, t, typ = k
    parts = [f"{st['count']:,} claim{'s' if st['count'] != 1 else ''} in {len(st['outlets'])} "
             f"outlet{'s' if len(st['outlets']) != 1 else ''}"]
    if st["confidence"]:
        parts.append(", ".join(f"{c} confidence in {k_:,}" for c, k_ in sorted(st["confidence"].items())))
    if st["hedged"]:
        words = ", ".join(f"“{w}”" for w, _ in sorted(st["hedges"].items(), key=lambda x: (-x[1], x[0]))[:3])
        parts.append(f"hedged in {st['hedged']:,}: {words}")
    if st["quoted"]:
        parts.append(f"quoted in {st['quoted']:,}")
    return {"source": names.get(s, s), "source_id": s, "target": names.get(t, t), "target_id": t, "type": typ,
            "verb": VERBS.get(typ, "says of"), "detail": "; ".join(parts)}


def _outlet_columns(corpus: Corpus, stats: dict, main: list) -> list[str]:
    """The outlets with a column of their own, most articles first. When there are more than
    TOP_OUTLETS, those that carried the most of the main claims get one (then the most such claims,
    then articles): in a corpus of many small outlets, columns chosen by articles alone would be
    dashes, every claim in "other outlets"."""
    per_outlet = corpus.documents_per_outlet
    ranked = sorted(per_outlet, key=lambda o: (-per_outlet[o], o.lower()))
    if len(ranked) <= TOP_OUTLETS:
        return ranked
    rows, claims = Counter(), Counter()
    for k in main:
        for o, n in stats[k]["outlets"].items():
            rows[o] += 1
            claims[o] += n
    chosen = set(sorted(ranked, key=lambda o: (-rows[o], -claims[o], -per_outlet[o], o.lower()))[:TOP_OUTLETS])
    return [o for o in ranked if o in chosen] + [OTHER_OUTLETS]


def _outlet_matrix(g: nx.MultiDiGraph, corpus: Corpus, stats: dict, main: list, names: dict[str, str]) -> dict:
    """Top outlets (see _outlet_columns) x main claims: in each cell how many claims the outlet
    reported and how (hedged, quoted, and whether it also carried the target's denial)."""
    columns = _outlet_columns(corpus, stats, main)
    own = set(columns) - {OTHER_OUTLETS}

    def column(o: str) -> str:
        return o if o in own else OTHER_OUTLETS

    denied_in: dict[tuple[str, str], set[str]] = defaultdict(set)  # (denier, accuser) -> columns
    for s, t, _, data in rolled_up(g):
        if data["type"] == "denial":
            denied_in[s, t].add(column(corpus.outlet_of.get(data["document"], "")))
    wanted = set(main)
    by_key = {key: d for u, v, key, d in g.edges(keys=True, data=True) if (u, v, d["type"]) in wanted}
    rows = []
    for k in main:
        s, t, typ = k
        cells = {c: {"count": 0, "hedged": 0, "quoted": 0} for c in columns}
        for key in stats[k]["claims"]:
            data = by_key[key]
            cell = cells[column(corpus.outlet_of.get(data["document"], ""))]
            cell["count"] += 1
            cell["hedged"] += bool(data.get("hedges"))
            cell["quoted"] += bool(data.get("quote"))
        out = []
        for c in columns:
            cell = cells[c]
            denied = typ in BLAMING and c in denied_in.get((t, s), ())
            out.append(dict(cell, denied=denied))
        rows.append({"source": names.get(s, s), "target": names.get(t, t), "type": typ, "cells": out,
                     "outlets": len(stats[k]["outlets"])})
    docs, sourced, unnamed = Counter(), Counter(), Counter()
    for o, n in corpus.documents_per_outlet.items():
        docs[column(o)] += n
        sourced[column(o)] += corpus.sourced_per_outlet[o]
        unnamed[column(o)] += corpus.unnamed_per_outlet[o]
    return {"outlets": columns, "rows": rows, "documents": [docs[c] for c in columns],
            "unnamed": [{"count": unnamed[c], "of": sourced[c]} for c in columns],
            "total_outlets": len(corpus.documents_per_outlet)}


def _fold(rows: list[dict]) -> list[dict]:
    """Identical sentences (syndicated copies) as one entry, the earliest first: its row, and the
    other outlets that carried it ("and 3 more outlets")."""
    groups: dict[str, list[dict]] = {}
    for r in sorted(rows, key=lambda r: (str(r.get("published") or "~"), r["outlet"], r["id"])):
        groups.setdefault(" ".join(r["sentence"].split()).lower(), []).append(r)
    out = []
    for same in groups.values():
        more = sorted({r["outlet"] for r in same[1:]} - {same[0]["outlet"]})
        out.append(dict(same[0], more=more, copies=len(same)))
    return out


def _light_rows(g: nx.MultiDiGraph, ids: set[str], corpus: Corpus, names: dict[str, str]) -> dict[str, dict]:
    """What the disputes show of a claim, from the graph alone (its page link comes later)."""
    return {key: {"id": key, "type": d["type"], "document": d["document"], "sentence": d.get("sentence") or "",
                  "outlet": corpus.outlet_of.get(d["document"], ""), "published": d.get("published"),
                  "source": names.get(u, u), "href": None}
            for u, _, key, d in g.edges(keys=True, data=True) if key in ids}


def _dispute_rows(found: list[dict], rows: dict[str, dict], names: dict[str, str]) -> list[dict]:
    """Each disputed pair once (A accuses B and B denies, or the other way round, or both), with
    the accusing and denying sentences folded; a sentence that is both (a denial that names the
    accusation) is shown once, under `both`. `found` is disputes(g), `rows` its claims."""
    pairs: dict[frozenset, dict] = {}
    for x in found:
        pair = frozenset((x["accuser"], x["accused"]))
        p = pairs.setdefault(pair, {"accusers": [], "accusations": set(), "denials": set()})
        p["accusers"].append((x["accuser"], x["accused"]))
        p["accusations"].update(x["accusations"])
        p["denials"].update(x["denials"])
    out = []
    for pair, p in pairs.items():
        acc = [rows[c] for c in sorted(p["accusations"]) if c in rows]
        den = [rows[c] for c in sorted(p["denials"]) if c in rows]
        sentence = lambda r: (r["document"], r["sentence"])  # noqa: E731
        both_keys = {sentence(r) for r in acc} & {sentence(r) for r in den}
        both = [r for r in den if sentence(r) in both_keys]
        acc = [r for r in acc if sentence(r) not in both_keys]
        den = [r for r in den if sentence(r) not in both_keys]
        a, b = sorted(p["accusers"])[0]
        sides = {"accusation": _fold(acc), "denial": _fold(den), "both": _fold(both)}
        out.append({"accuser": names.get(a, a), "accused": names.get(b, b), "accuser_id": a, "accused_id": b,
                    "mutual": len(set(p["accusers"])) > 1, "claims": len(p["accusations"]) + len(p["denials"]),
                    "outlets": len({r["outlet"] for r in acc + den + both}),
                    **{k: v[:MAX_SENTENCES] for k, v in sides.items()},
                    "hidden": sum(max(0, len(v) - MAX_SENTENCES) for v in sides.values())})
    out.sort(key=lambda d: (-d["outlets"], -d["claims"], d["accuser"].lower(), d["accused"].lower()))
    return out


def _first_reports(stats: dict, main: list, names: dict[str, str], corpus: Corpus) -> list[dict]:
    """For the main accusations and attributions: the day, outlet and speaker of the first
    report, and the outlets that repeated it after, in order of their first report."""
    blaming = [k for k in main if k[2] in BLAMING][:TIMELINE_MARKS]
    out = []
    for number, k in enumerate(blaming, 1):
        st = stats[k]
        when, _, claim_id, first_outlet = st["first"]
        out.append({"number": number, "day": None if when.startswith("9999") else when, "claim": claim_id,
                    "source": names.get(k[0], k[0]), "target": names.get(k[1], k[1]), "type": k[2],
                    "verb": VERBS[k[2]], "outlet": first_outlet, "count": st["count"],
                    "repeated": sorted(set(st["outlets"]) - {first_outlet},
                                       key=lambda o: (-st["outlets"][o], o.lower()))})
    return out


def _busy_window(per_day: dict[str, Counter]) -> tuple[str, str] | None:
    """The first and last day the timeline draws, when it should not draw them all: the dated
    claims span more than BUSY_SPAN days, yet BUSY_DAYS of them hold BUSY_SHARE of the claims (a
    crawl of one week plus a few old pages is otherwise one bar at the edge of a five-year axis).
    Of equally busy stretches, the latest."""
    days = sorted((date.fromisoformat(k), sum(c.values())) for k, c in per_day.items())  # view.day's ISO days
    if not days or (days[-1][0] - days[0][0]).days <= BUSY_SPAN:
        return None
    total = sum(n for _, n in days)
    best, end, inside = (0, 0, 0), 0, 0
    for start, (first, _) in enumerate(days):
        while end < len(days) and (days[end][0] - first).days < BUSY_DAYS:
            inside += days[end][1]
            end += 1
        best = max(best, (inside, start, end - 1))
        inside -= days[start][1]
    claims, i, j = best
    if claims < BUSY_SHARE * total:
        return None
    return days[i][0].isoformat(), days[j][0].isoformat()


def _claim_summary(corpus: Corpus, g: nx.MultiDiGraph, drawing: Drawing, n_disputes: int) -> dict:
    days = sorted(corpus.per_day)
    return {"documents": len(corpus.ids), "outlets": len(corpus.documents_per_outlet),
            "first": days[0] if days else None, "last": days[-1] if days else None,
            "days": len(days), "undated": corpus.undated, "actors": g.number_of_nodes(),
            "claimants": len(corpus.claimants), "claims": sum(corpus.types.values()),
            "types": [(t, corpus.types.get(t, 0)) for t in EDGE_TYPES] + sorted(
                (t, k) for t, k in corpus.types.items() if t not in EDGE_TYPES),
            "targeted": g.number_of_edges(), "disputes": n_disputes, "drawing": drawing}


def _legend(g: nx.MultiDiGraph, shown: Iterable[str]) -> list[tuple[str, str]]:
    kinds = sorted({g.nodes[n].get("kind") or "other" for n in shown}, key=lambda k: (k not in KIND_COLOURS, k))
    return [(k, KIND_COLOURS.get(k, OTHER_KIND)) for k in kinds]


def _pages(total: int, size: int) -> int:
    return max(1, -(-total // size))


def write_report(documents: Documents, g: nx.MultiDiGraph, folder: Path, *,
                 options: ReportOptions = ReportOptions()) -> list[Path]:
    """The briefing in FOLDER: index.html, articles/<id>.html, actors/<id>.html (actors that made
    or received a claim) and lists/ (paged claims by type, actor, outlet and day; the actor
    directory; the article list), each page written atomically; returns the paths written, index
    first. `documents` is called twice, each time for a fresh iterator of document dicts; `g` is
    build_graph of the same documents. Pages of an earlier run that are no longer linked are removed."""
    folder = Path(folder)
    env = environment()
    title = options.title or "Coverage briefing"
    corpus = Corpus.read(documents())
    files = safe_names(corpus.ids)
    names = {n: data.get("name") or n for n, data in g.nodes(data=True)}
    with_page = sorted(a for a in corpus.claimants if a in g)
    links = {n: f"actors/{name}.html" for n, name in safe_names(with_page).items()}
    outlet_files = safe_names(sorted(corpus.documents_per_outlet))
    list_files = {("type", t): f"lists/type-{t}" for t in sorted({k for kind, k in corpus.lists if kind == "type"})}
    list_files.update({("outlet", o): f"lists/outlet-{n}" for o, n in outlet_files.items()})
    list_files.update({("actor", a): f"lists/actor-{links[a][len('actors/'):-len('.html')]}" for a in links})
    list_files.update({k: f"lists/day-{k[1]}" for k in corpus.lists if k[0] == "day"})

    stats = _pair_stats(g, corpus)
    main = _main_claims(stats, MAIN_ROWS)
    found = disputes(g)
    disputed = frozenset(frozenset((x["accuser"], x["accused"])) for x in found)
    firsts = _first_reports(stats, main, names, corpus)
    disputed_ids = {c for x in found for c in x["accusations"] + x["denials"]}
    shown_disputes = _dispute_rows(found, _light_rows(g, disputed_ids, corpus, names), names)[:MAX_DISPUTES]
    quoted = [r for d in shown_disputes for side in ("accusation", "denial", "both") for r in d[side]]
    wanted = {r["id"] for r in quoted} | {f["claim"] for f in firsts}  # the only rows the index needs

    for sub in ("articles", "actors", "lists"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows: dict[str, dict] = {}  # the claims the index quotes, by id
    page = env.get_template("article.html")
    with tempfile.TemporaryDirectory(prefix="briefing-") as tmp:
        listings = Listings(tmp, env)
        try:
            for d in documents():  # second pass: one document at a time
                anchors = sentence_anchors(d)
                row_ids = claim_anchors(d)
                doc_rows = []
                o, when = corpus.outlet_of[d["id"]], day(d)
                for c in d.get("claims") or ():
                    row = claim_row(d, c, names, f"articles/{files[d['id']]}.html#{anchors[c['id']]}", links)
                    if c["id"] in wanted:
                        rows.setdefault(c["id"], row)
                    listings.add(_list_keys(c, o, when), when or "~", row)
                    doc_rows.append(dict(row, href=f"#{anchors[c['id']]}", anchor=row_ids[c["id"]]))
                html = page.render(title=title, doc=d, outlet=o, rows=doc_rows, links=links,
                                   paragraphs=paragraphs(d, names, anchors, row_ids),
                                   headline=paragraphs(d, names, anchors, row_ids, headline=True),
                                   actors=sorted(d.get("actors") or (), key=lambda a: (a.get("name") or a["id"]).lower()))
                written.append(_write(folder / "articles" / f"{files[d['id']]}.html", html))
            listings.finish()
            written += _write_lists(env, folder, title, corpus, listings, list_files, names, links, options)
            written += _write_actors(env, folder, title, g, corpus, listings, list_files, names, links, files, options)
        finally:
            listings.close()
    drawing = draw(g, top=options.top, css_id="graph", links=links, disputed=disputed,
                   score={a: corpus.lists[kind, a] for kind, a in corpus.lists if kind == "actor"})
    shown = list(drawing.nodes)
    marks = [(f["day"], f["number"], f"{f['source']} {f['verb']} {f['target']}: first reported by {f['outlet']}")
             for f in firsts if f["day"]]
    window = _busy_window(corpus.per_day)
    per_day = {k: v for k, v in corpus.per_day.items() if window is None or window[0] <= k <= window[1]}
    chart, unit = timeline(per_day, marks)
    hidden = sum(sum(c.values()) for k, c in corpus.per_day.items() if k not in per_day)
    for f in firsts:
        f["href"] = rows[f["claim"]]["href"] if f["claim"] in rows else None
    for r in quoted:
        r["href"] = rows[r["id"]]["href"] if r["id"] in rows else None
    summary = _claim_summary(corpus, g, drawing, len({frozenset((x["accuser"], x["accused"])) for x in found}))
    lines = {t: [_sentence(k, stats[k], names) for k in main if k[2] == t][:MAIN_PER_TYPE] for t in EDGE_TYPES}
    top_table = [{"id": n, "name": names.get(n, n), "kind": g.nodes[n].get("kind") or "other",
                  "title": g.nodes[n].get("title"), "file": links.get(n), "list": list_files.get(("actor", n)),
                  "claims": corpus.lists.get(("actor", n), 0), "documents": len(g.nodes[n].get("documents") or ())}
                 for n in shown]
    index = env.get_template("index.html").render(
        title=title, summary=summary, lines=lines, graph=drawing.svg, legend=_legend(g, shown),
        edge_types=EDGE_TYPES, timeline=chart, unit=unit, undated_claims=corpus.undated_claims,
        window=window and {"first": window[0], "last": window[1], "hidden": hidden, "from": min(corpus.per_day),
                           "to": max(corpus.per_day)}, firsts=firsts,
        matrix=_outlet_matrix(g, corpus, stats, main, names), disputes=shown_disputes,
        n_disputes=summary["disputes"], top=top_table, options=options,
        type_lists=[(t, list_files[("type", t)], corpus.lists[("type", t)]) for t in EDGE_TYPES if ("type", t) in list_files],
        outlet_lists=[(o, list_files[("outlet", o)], corpus.documents_per_outlet[o], corpus.lists[("outlet", o)])
                      for o in _outlet_columns(corpus, stats, main) if ("outlet", o) in list_files])
    written.insert(0, _write(folder / "index.html", index))
    _remove_stale(folder, written)
    LOGGER.info("report: %d pages -> %s", len(written), folder)
    return written


LIST_TITLES = {"type": "{key}s", "outlet": "Claims reported by {name}", "actor": "Claims by or about {name}",
               "day": "Claims published on {key}"}


def _write_lists(env: Environment, folder: Path, title: str, corpus: Corpus, listings: Listings,
                 list_files: dict, names: dict[str, str], links: dict[str, str], options: ReportOptions) -> list[Path]:
    """lists/: every claim list in pages of `options.page_size` rows, the index of the lists, the
    article list and the actor directory."""
    written = []
    page = env.get_template("list.html")
    for (kind, key), base in sorted(list_files.items()):
        total = corpus.lists.get((kind, key), 0)
        n = _pages(total, options.page_size)
        heading = LIST_TITLES[kind].format(key=key.capitalize() if kind == "type" else key, name=names.get(key, key))
        for p in range(1, n + 1):
            rows = listings.rows(kind, key, offset=(p - 1) * options.page_size, limit=options.page_size)
            html = page.render(title=title, heading=heading, rows=rows, page=p, pages=n, total=total,
                               base=base[len("lists/"):], actor=links.get(key) if kind == "actor" else None)
            written.append(_write(folder / f"{base}-{p}.html", html))
    by_claims = sorted((a for a in links), key=lambda a: (-corpus.lists.get(("actor", a), 0), names[a].lower(), a))
    html = env.get_template("lists.html").render(
        title=title, types=[(t, list_files[("type", t)], corpus.lists[("type", t)]) for t in EDGE_TYPES
                            if ("type", t) in list_files],
        outlets=[(o, list_files[("outlet", o)], corpus.documents_per_outlet[o], corpus.lists.get(("outlet", o), 0))
                 for o in sorted(corpus.documents_per_outlet, key=lambda o: (-corpus.documents_per_outlet[o], o.lower()))],
        days=[(k, list_files[("day", k)], corpus.lists[("day", k)]) for k in sorted(corpus.per_day)],
        actors=[(names[a], list_files[("actor", a)], corpus.lists.get(("actor", a), 0)) for a in by_claims],
        articles=_pages(len(corpus.articles), ARTICLES_PAGE), directory=_pages(len(names), DIRECTORY_PAGE))
    written.append(_write(folder / "lists" / "index.html", html))
    page = env.get_template("articles.html")
    n = _pages(len(corpus.articles), ARTICLES_PAGE)
    files = safe_names(corpus.ids)
    for p in range(1, n + 1):
        chunk = [dict(a, file=f"articles/{files[a['id']]}.html")
                 for a in corpus.articles[(p - 1) * ARTICLES_PAGE:p * ARTICLES_PAGE]]
        html = page.render(title=title, articles=chunk, page=p, pages=n, total=len(corpus.articles), base="articles")
        written.append(_write(folder / "lists" / f"articles-{p}.html", html))
    return written


def _write_directory(env: Environment, folder: Path, title: str, g: nx.MultiDiGraph, corpus: Corpus,
                     names: dict[str, str], links: dict[str, str]) -> list[Path]:
    """lists/actors-N.html: every actor of the corpus, those with a page linked to it."""
    order = sorted(g.nodes, key=lambda a: (-corpus.lists.get(("actor", a), 0), names[a].lower(), a))
    page = env.get_template("directory.html")
    n = _pages(len(order), DIRECTORY_PAGE)
    written = []
    for p in range(1, n + 1):
        chunk = [{"name": names[a], "kind": g.nodes[a].get("kind") or "other", "title": g.nodes[a].get("title"),
                  "file": links.get(a), "documents": len(g.nodes[a].get("documents") or ()),
                  "claims": corpus.lists.get(("actor", a), 0)} for a in order[(p - 1) * DIRECTORY_PAGE:p * DIRECTORY_PAGE]]
        html = page.render(title=title, actors=chunk, page=p, pages=n, total=len(order), base="actors",
                           with_page=len(links))
        written.append(_write(folder / "lists" / f"actors-{p}.html", html))
    return written


def _write_actors(env: Environment, folder: Path, title: str, g: nx.MultiDiGraph, corpus: Corpus,
                  listings: Listings, list_files: dict, names: dict[str, str], links: dict[str, str],
                  files: dict[str, str], options: ReportOptions) -> list[Path]:
    """actors/<id>.html for the actors that made or received a claim: who they are (kind, title
    and organisation, country and aliases), the first page of the claims they made and of those
    about them, and the articles naming them; then the directory of every actor."""
    page = env.get_template("actor.html")
    members: dict[str, list[str]] = defaultdict(list)
    for m, md in g.nodes(data=True):
        members[md.get("part_of")].append(m)
    articles = {a["id"]: a for a in corpus.articles}
    written = []
    for n, path in links.items():
        data = g.nodes[n]
        named = [dict(articles[i], file=f"articles/{files[i]}.html") for i in (data.get("documents") or ())
                 if i in articles]
        named.sort(key=lambda a: (str(a["published"] or "~"), a["id"]))
        html = page.render(
            title=title, actor=data, id=n, links=links, names=names,
            members=sorted((m for m in members.get(n, ()) if m != n), key=lambda m: (names[m].lower(), m)),
            made=listings.rows("made", n, limit=options.page_size), n_made=corpus.lists.get(("made", n), 0),
            about=listings.rows("about", n, limit=options.page_size), n_about=corpus.lists.get(("about", n), 0),
            list_file=list_files.get(("actor", n)), articles=named[:ACTOR_ARTICLES], n_articles=len(named))
        written.append(_write(folder / path, html))
    written += _write_directory(env, folder, title, g, corpus, names, links)
    return written


def _remove_stale(folder: Path, written: list[Path]) -> None:
    """Pages an earlier run left in articles/, actors/ and lists/ for documents, actors or lists
    no longer in the corpus would be reachable by no link and stale: remove them (only .html
    files, only there)."""
    keep = {p.resolve() for p in written}
    for sub in ("articles", "actors", "lists"):
        for path in (folder / sub).glob("*.html"):
            if path.resolve() not in keep:
                LOGGER.debug("removing stale page %s", path)
                path.unlink()


def rerender(source: str | Path, folder: str | Path, options: ReportOptions = ReportOptions(), *,
             briefing: bool = True, unnamed: bool = False) -> str:
    """`extractor report` / `extractor graph`: the graph exports (and with `briefing` the HTML
    briefing, else a standalone graph.svg) of an existing corpus, narrowed by `options`, without
    extracting again; `unnamed`: with the arrows of unnamed sources (`build_graph`). Returns the
    line the CLI prints."""
    folder = Path(folder)
    docs = narrowed(open_documents(source), options)
    g = build_graph(docs(), unnamed=unnamed)
    write_graph(g, folder)
    n = len({frozenset((x["accuser"], x["accused"])) for x in disputes(g)})
    line = (f"graph: {g.number_of_nodes()} actors, {g.number_of_edges()} claims between them, "
            f"{n} dispute{'' if n == 1 else 's'} -> {folder}/graph.{{graphml,gexf,json}}")
    if briefing:
        written = write_report(docs, g, folder, options=options)
        return f"{line}\nbriefing: {written[0]} ({len(written)} pages)"
    drawing = draw(g, top=options.top, css_id="graph", standalone=True,
                   disputed=frozenset(frozenset((x["accuser"], x["accused"])) for x in disputes(g)))
    path = _write(folder / "graph.svg", str(drawing.svg) + "\n")
    return f"{line}\ngraph drawing: {path} ({drawing.shown_actors} of {drawing.actors} actors)"
