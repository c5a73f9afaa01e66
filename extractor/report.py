"""HTML briefing pages about the coverage of an incident: one index page and one page per article.

Pages are self-contained (inline CSS and SVG, no script needed, nothing fetched) so they read
offline and print; article text is untrusted and only ever reaches the page through jinja2's
autoescape. The output depends on the input alone, so two runs give the same bytes.
"""
from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader

from .graph import EDGE_TYPES, disputes
from .svg import EDGE_COLOURS, KIND_COLOURS, OTHER_KIND, draw, kind_colour

LOGGER = logging.getLogger(__name__)

UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
NEWLINES = re.compile(r"\n+")


def environment() -> Environment:
    """Autoescape on for every template: titles, names and article text all come from the web.
    A field a document lacks renders as nothing (jinja2's lenient Undefined): only `id` is required."""
    env = Environment(loader=PackageLoader("extractor", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(edge_colours=EDGE_COLOURS, kind_colour=kind_colour)
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


def outlet(doc: dict) -> str:
    """The outlet's name, or a stand-in naming the document when it has none."""
    return doc.get("source") or f"(no outlet: {doc['id']})"


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
    claims sharing a sentence share its anchor."""
    n = len(doc.get("text") or "")
    spans = {}
    for c in doc.get("claims") or ():
        spans[c["id"]] = _clip(c.get("sentence"), n) or _clip(c.get("cue"), n) or (0, 0)
    order = {span: f"s{i}" for i, span in enumerate(sorted(set(spans.values())), 1)}
    return {cid: order[span] for cid, span in spans.items()}


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
               rows: dict[str, str]) -> list[list[dict]]:
    """The article text cut into paragraphs (at newlines) of runs that share the same marks:
    inside a claim sentence or not, inside a cue or not, inside an actor mention or not. Runs never
    cross each other, so any spans at all (overlapping, out of range) give well-formed HTML.
    A run carries the anchors (`anchors`: claim id -> sentence id) and the claim markers (linking
    to `rows`: claim id -> row id) of the sentences that start with it."""
    text = doc.get("text") or ""
    n = len(text)
    cuts = {0, n}
    sentences, cues = Counter(), Counter()  # position -> +/- count of spans opening/closing there
    starts: dict[int, list] = {}
    for c in doc.get("claims") or ():
        a = anchors[c["id"]]
        sent = _clip(c.get("sentence"), n) or _clip(c.get("cue"), n) or (0, 0)
        starts.setdefault(sent[0], []).append((a, c))
        for span, counter in ((sent, sentences), (_clip(c.get("cue"), n), cues)):
            if span and span[1] > span[0]:
                counter[span[0]] += 1
                counter[span[1]] -= 1
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
    in_sent = in_cue = 0
    mention_end, mention = -1, None
    bounds = sorted(cuts)
    for s, e in zip(bounds, bounds[1:] + [n]):
        in_sent += sentences.get(s, 0)
        in_cue += cues.get(s, 0)
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
            "text": chunk, "sentence": in_sent > 0, "cue": in_cue > 0, "mention": mention is not None,
            "actor": actor, "title": (names.get(actor, actor) if actor else (mention or {}).get("label")),
            "anchors": pending_anchors, "marks": pending_marks})
        pending_anchors, pending_marks = [], []
    if pending_anchors or pending_marks:  # sentences starting at the very end: keep the links working
        paras[-1].append({"text": "", "sentence": False, "cue": False, "mention": False, "actor": None,
                          "title": None, "anchors": pending_anchors, "marks": pending_marks})
    return [p for p in paras if p]


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
        "published": doc.get("published"), "href": href,
    }


def _write(path: Path, text: str) -> Path:
    """Temp file + rename: a reader never sees half a page."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


def _actor_names(docs: list[dict], g: nx.MultiDiGraph) -> dict[str, str]:
    names = {a["id"]: a.get("name") or a["id"] for d in docs for a in d.get("actors") or ()}
    names.update((n, data.get("name") or n) for n, data in g.nodes(data=True))
    return names


def _outlet_matrix(g: nx.MultiDiGraph, by_id: dict[str, dict], names: dict[str, str]) -> dict:
    """Outlets x (source -> target, type): how many claims each outlet reported, so a reader sees
    who carried a denial and who left it out."""
    cells: dict[tuple, Counter] = {}
    for src, tgt, data in g.edges(data=True):
        doc = by_id.get(data.get("document"))
        label = outlet(doc) if doc else data.get("outlet") or "(unknown)"
        cells.setdefault((src, tgt, data["type"]), Counter())[label] += 1
    outlets = sorted({outlet(d) for d in by_id.values()})
    rank = {t: i for i, t in enumerate(EDGE_TYPES)}
    rows = []
    for (src, tgt, typ), counts in sorted(cells.items(), key=lambda kv: (
            rank.get(kv[0][2], 9), -sum(kv[1].values()), names.get(kv[0][0], kv[0][0]), names.get(kv[0][1], kv[0][1]))):
        rows.append({"source": names.get(src, src), "target": names.get(tgt, tgt), "type": typ,
                     "counts": [counts.get(o, 0) for o in outlets], "total": sum(counts.values()),
                     "outlets": sum(1 for o in outlets if counts.get(o))})
    by_type = {o: Counter() for o in outlets}
    for d in by_id.values():
        by_type[outlet(d)].update(c.get("type", "statement") for c in d.get("claims") or ())
    docs_per = Counter(outlet(d) for d in by_id.values())
    return {"outlets": outlets, "rows": rows, "documents": [docs_per[o] for o in outlets],
            "by_type": [[by_type[o].get(t, 0) for o in outlets] for t in EDGE_TYPES]}


def _summary(docs: list[dict], g: nx.MultiDiGraph, n_disputes: int) -> dict:
    dates = sorted(str(d["published"]) for d in docs if d.get("published"))
    types = Counter(c.get("type", "statement") for d in docs for c in d.get("claims") or ())
    return {"documents": len(docs), "outlets": len({d["source"] for d in docs if d.get("source")}),
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
            "undated": sum(1 for d in docs if not d.get("published")),
            "actors": g.number_of_nodes(), "claims": sum(types.values()),
            "types": [(t, types.get(t, 0)) for t in EDGE_TYPES] + sorted(
                (t, k) for t, k in types.items() if t not in EDGE_TYPES),
            "targeted": g.number_of_edges(), "disputes": n_disputes}


def _actor_table(g: nx.MultiDiGraph, doc_rows: dict[str, list[dict]], links: dict[str, str]) -> list[dict]:
    """One row per actor: kind, what it is part of, how many articles name it, claims by and about it."""
    made, about = Counter(), Counter()
    for rows in doc_rows.values():
        for r in rows:
            made[r["source_id"]] += 1
            about[r["target_id"]] += 1
    out = [{"id": n, "name": d.get("name") or n, "kind": d.get("kind") or "other", "file": links.get(n),
            "part_of": d.get("part_of"), "part_of_name": g.nodes[d["part_of"]].get("name") if d.get("part_of") in g else d.get("part_of"),
            "part_of_file": links.get(d.get("part_of")), "documents": len(d.get("documents") or ()),
            "made": made[n], "about": about[n]} for n, d in g.nodes(data=True)]
    return sorted(out, key=lambda a: (-a["made"] - a["about"], a["name"].lower(), a["id"]))


def _legend(g: nx.MultiDiGraph) -> list[tuple[str, str]]:
    kinds = sorted({data.get("kind") or "other" for _, data in g.nodes(data=True)},
                   key=lambda k: (k not in KIND_COLOURS, k))
    return [(k, KIND_COLOURS.get(k, OTHER_KIND)) for k in kinds]


def write_report(documents: Iterable[dict], g: nx.MultiDiGraph, folder: Path, *,
                 title: str | None = None) -> list[Path]:
    """FOLDER/index.html (the briefing), FOLDER/articles/<id>.html (one page per article) and
    FOLDER/actors/<id>.html, each written atomically; returns the paths written, index first.
    Pages of an earlier run for documents or actors that are gone are removed."""
    folder = Path(folder)
    docs = list(documents)
    env = environment()
    files = safe_names(d["id"] for d in docs)
    names = _actor_names(docs, g)
    links = {n: f"actors/{name}.html" for n, name in safe_names(sorted(g.nodes)).items()}
    by_id = {d["id"]: d for d in docs}
    rows_by_claim: dict[str, dict] = {}
    doc_rows: dict[str, list[dict]] = {}
    doc_anchors: dict[str, dict[str, str]] = {}
    for d in docs:
        anchors = doc_anchors[d["id"]] = sentence_anchors(d)
        doc_rows[d["id"]] = []
        for c in d.get("claims") or ():
            row = claim_row(d, c, names, f"articles/{files[d['id']]}.html#{anchors[c['id']]}", links)
            rows_by_claim.setdefault(c["id"], row)
            doc_rows[d["id"]].append(row)
    found = disputes(g)
    dispute_rows = [{"accuser": names.get(x["accuser"], x["accuser"]), "accused": names.get(x["accused"], x["accused"]),
                     "accusations": [rows_by_claim[c] for c in x["accusations"] if c in rows_by_claim],
                     "denials": [rows_by_claim[c] for c in x["denials"] if c in rows_by_claim]}
                    for x in found]
    title = title or "Coverage briefing"
    articles = [{"file": f"articles/{files[d['id']]}.html", "title": d.get("title") or d["id"], "id": d["id"],
                 "outlet": outlet(d), "author": d.get("author"), "published": d.get("published"),
                 "claims": len(d.get("claims") or ())}
                for d in sorted(docs, key=lambda d: (str(d.get("published") or "~"), d["id"]))]
    index = env.get_template("index.html").render(
        title=title, summary=_summary(docs, g, len(found)), articles=articles,
        graph=draw(g, css_id="graph-direct", links=links),
        graph_rollup=draw(g, rollup=True, css_id="graph-rollup", links=links),
        actors=_actor_table(g, doc_rows, links),
        legend=_legend(g), disputes=dispute_rows, claims=[r for d in docs for r in doc_rows[d["id"]]],
        matrix=_outlet_matrix(g, by_id, names), edge_types=EDGE_TYPES)
    for sub in ("articles", "actors"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    written = [_write(folder / "index.html", index)]
    page = env.get_template("article.html")
    for d in docs:
        row_ids = claim_anchors(d)
        rows = [dict(r, href=f"#{doc_anchors[d['id']][r['id']]}", anchor=row_ids[r["id"]]) for r in doc_rows[d["id"]]]
        html = page.render(title=title, doc=d, outlet=outlet(d), rows=rows, links=links,
                           paragraphs=paragraphs(d, names, doc_anchors[d["id"]], row_ids),
                           actors=sorted(d.get("actors") or (), key=lambda a: (a.get("name") or a["id"]).lower()))
        written.append(_write(folder / "articles" / f"{files[d['id']]}.html", html))
    page = env.get_template("actor.html")
    made: dict[str, list[dict]] = {}
    about: dict[str, list[dict]] = {}
    for d in docs:
        for r in doc_rows[d["id"]]:
            made.setdefault(r["source_id"], []).append(r)
            about.setdefault(r["target_id"], []).append(r)
    members: dict[str, list[str]] = {}
    for m, md in g.nodes(data=True):
        members.setdefault(md.get("part_of"), []).append(m)
    for n, path in links.items():
        data = g.nodes[n]
        named = set(data.get("documents") or ())
        html = page.render(
            title=title, actor=data, id=n, links=links, names=names,
            members=sorted(members.get(n, ()), key=lambda m: (names[m].lower(), m)),
            made=made.get(n, []), about=about.get(n, []), articles=[a for a in articles if a["id"] in named])
        written.append(_write(folder / path, html))
    _remove_stale(folder, written)
    LOGGER.info("report: %d pages -> %s", len(written), folder)
    return written


def _remove_stale(folder: Path, written: list[Path]) -> None:
    """Pages an earlier run left in articles/ and actors/ for documents or actors no longer in the
    corpus would be reachable by no link and stale: remove them (only .html files, only there)."""
    keep = {p.resolve() for p in written}
    for sub in ("articles", "actors"):
        for path in (folder / sub).glob("*.html"):
            if path.resolve() not in keep:
                LOGGER.debug("removing stale page %s", path)
                path.unlink()
