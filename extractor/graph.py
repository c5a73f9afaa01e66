"""The who-accused-whom graph of a corpus (networkx), its roll-ups, disputes and exports.

Nodes are actors; every claim with a source actor and a target actor is one edge of a
MultiDiGraph (key: the claim id), carrying its type, document and spans. Roll-up: a claim by an
official also counts for the body it is part of and that body's state (`part_of` chains), as
the gold seed's graph asks ("an official's claim also counts for its organisation and state").
Read one by one on PolNeAR train, nine in ten rolled-up arrows were wrong (benchmarks/
graph_edges_analysis.md), so a claim rolls up only along its own document's `part_of` chain,
from a person only when the title says the person speaks for the body (a spokesman, secretary,
minister, ambassador, president, director, chief executive; not a senator, chairman, adviser,
aide or plain official, and never a former one: the actors give a former official no `part_of`),
into a state only against a foreign party (a domestic quarrel is not the state's), and into a
government body against a person not from a secretary or minister (one attacking a candidate is
campaigning, not speaking for the department).
"""
from __future__ import annotations

import json
import logging
import os
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx

LOGGER = logging.getLogger(__name__)

EDGE_TYPES = ("accusation", "attribution", "denial", "statement")
BLAMING = frozenset({"accusation", "attribution"})
PERSON_KINDS = frozenset({"person", "official"})
# Title words of people who speak for the body named beside them ("Clinton spokeswoman", "Labor
# Secretary", "China's ambassador", "FBI Director", "president of Judicial Watch").
SPEAKER_TITLE_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "secretary", "minister", "premier",
    "ambassador", "envoy", "president", "director", "executive", "ceo", "chancellor", "commissioner",
    "attorney", "counsel", "officer", "head",
})
# Title words of a government's political members, who speak as politicians against a person (`politician`),
# unless the title is a spokesperson's ("press secretary")
POLITICAL_TITLE_WORDS = frozenset({"secretary", "minister"})
# ... of a government's department, known or not ("Labor Secretary": an organisation the lexicon does not know)
PUBLIC_BODY_KINDS = frozenset({"government_body", "organisation"})
SPOKESPERSON_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "press"})
# Title words of people who speak for themselves, not for the body or place named beside them
# (members, chairs of a committee, advisers and aides to someone, officials at large), and of a
# title no longer held: any of them outweighs a speaker word ("chief of staff", "senior adviser").
MEMBER_TITLE_WORDS = frozenset({
    "senator", "sen", "sen.", "rep", "rep.", "representative", "congressman", "congresswoman",
    "lawmaker", "legislator", "governor", "gov", "gov.", "speaker", "leader", "member", "mp",
    "councillor", "councilman", "councilwoman", "candidate", "nominee", "delegate", "mayor",
    "chair", "chairman", "chairwoman", "adviser", "advisor", "aide", "staff", "official", "analyst",
    "researcher", "founder", "former", "ex",
})


def speaks_for_body(actor: dict) -> bool:
    """Whether an actor's claims also count for what it is `part_of`: a body's always, a person's
    only by a speaker's title that names no member, chair, adviser or former holder."""
    if actor.get("kind") not in PERSON_KINDS:
        return True
    words = title_words(actor)
    return bool(words & SPEAKER_TITLE_WORDS) and not words & MEMBER_TITLE_WORDS


def title_words(actor: dict) -> set[str]:
    """The words of a person's title, of an unnamed one's name ("the group's spokesman")."""
    title = actor.get("title") or (actor.get("name") if actor.get("named") is False else None)
    return set((title or "").casefold().replace("-", " ").split())


def politician(actor: dict) -> bool:
    """A government's political member (a cabinet secretary, a minister), not its spokesperson
    ("press secretary") nor one who speaks for it by office (a director, an attorney general)."""
    words = title_words(actor)
    return bool(words & POLITICAL_TITLE_WORDS) and not words & SPOKESPERSON_WORDS


def document_chain(actor_id: str, actors: dict[str, dict], against: str | None = None) -> list[str]:
    """What `actor_id` rolls up to by one document's own actors, nearest first (not itself). Against
    `against`, a private person or a candidate (kind `person`), a secretary or minister speaks as a
    politician, not for the department: "Labor Secretary Jane Doe said the candidate is a fraud" is a
    campaigner's attack (a director's or a spokesperson's claims still count for their body)."""
    chain: list[str] = []
    actor = actors.get(actor_id)
    if actor is None or not speaks_for_body(actor):
        return chain
    body = actors.get(actor.get("part_of") or "") or {}
    if (actor.get("kind") in PERSON_KINDS and body.get("kind") in PUBLIC_BODY_KINDS and politician(actor)
            and (actors.get(against or "") or {}).get("kind") == "person"):
        return chain
    up = actor.get("part_of")
    while up and up != actor_id and up not in chain:
        chain.append(up)
        up = (actors.get(up) or {}).get("part_of")
    return chain


def build_graph(documents: Iterable[dict], *, unnamed: bool = False) -> nx.MultiDiGraph:
    """One node per actor of the corpus, one edge per targeted claim; statements and negated claims
    are counted on their source node (`statements`), since they point at no one. An unnamed actor
    (`named` false: "experts", "a source", "the poll") is no node and draws no arrow, from or to it,
    unless `unnamed` (a claim of a named speaker against one counts as a statement)."""
    g = nx.MultiDiGraph()
    part_of_votes: dict[str, Counter] = {}
    for doc in documents:
        own = {a["id"]: a for a in doc["actors"]}
        hidden = set() if unnamed else {a["id"] for a in doc["actors"] if a.get("named") is False}
        for a in doc["actors"]:
            if a["id"] in hidden:
                continue
            node = g.nodes[a["id"]] if a["id"] in g else None
            if node is None:
                g.add_node(a["id"], name=a["name"], kind=a["kind"], title=a.get("title"),
                           part_of=a.get("part_of"), country=a.get("country"),
                           aliases=sorted(set(a.get("aliases") or ())), documents=[], statements=0,
                           named=a.get("named", True))
                node = g.nodes[a["id"]]
            else:
                node["aliases"] = sorted(set(node["aliases"]) | set(a.get("aliases") or ()))
                for key in ("title", "country"):
                    node[key] = node[key] or a.get(key)
            if a.get("part_of"):
                votes = part_of_votes.setdefault(a["id"], Counter())
                votes[a["part_of"]] += 1
                node["part_of"] = votes.most_common(1)[0][0]  # ties: the first seen
            if doc["id"] not in node["documents"]:
                node["documents"].append(doc["id"])
        for c in doc["claims"]:
            src, tgt = c["source"].get("actor"), (c.get("target") or {}).get("actor")
            if src is None or src in hidden:
                continue
            if tgt in hidden:
                tgt = None
            if tgt is None or tgt == src or c.get("negated"):  # "did not blame X" draws no arrow at X
                g.nodes[src]["statements"] += 1
                continue
            g.add_edge(src, tgt, key=c["id"], type=c["type"], document=doc["id"], outlet=doc.get("source"),
                       published=doc.get("published"), url=doc.get("url"), cue=c["cue"]["text"],
                       content=c["content"]["text"], sentence=c["sentence"]["text"],
                       sentence_start=c["sentence"]["start"], quote=c.get("quote", False),
                       hedges=list(c.get("hedges") or ()), confidence=c.get("confidence"),
                       negated=c.get("negated", False), in_title=bool(c.get("in_title")),
                       duplicate_of=doc.get("duplicate_of"),
                       independent=doc.get("duplicate_of") is None,
                       rollup=document_chain(src, own, against=tgt), target_chain=document_chain(tgt, own))
    return g


def ancestors(g: nx.MultiDiGraph, actor: str) -> list[str]:
    """The actor and what the corpus most often says it is part of, nearest first: official ->
    organisation -> state (for display; claims roll up by their own document, `rolled_up`)."""
    chain = []
    while actor and actor not in chain:
        chain.append(actor)
        actor = g.nodes[actor].get("part_of") if actor in g else None
    return chain


def _states(g: nx.MultiDiGraph, actors: list[str]) -> set[str]:
    """The countries (codes, else ids) of the states among `actors` and of their `country`."""
    out = set()
    for a in actors:
        node = g.nodes[a] if a in g else {}
        if node.get("kind") == "state":
            out.add(node.get("country") or a)
        elif node.get("country"):
            out.add(node["country"])
    return out


def rolled_up(g: nx.MultiDiGraph, *, rollup: bool = True) -> Iterator[tuple[str, str, str, dict]]:
    """(source, target, claim id, edge data) for every claim edge; with `rollup`, once more for each
    body and state its speaker is part of in the claim's document, a state only when the target
    belongs to another state. A claim rolled up onto its own target is left out.
    The one roll-up loop: the exports, the aggregates, the disputes and the drawings all use it."""
    for src, tgt, key, data in g.edges(keys=True, data=True):
        yield src, tgt, key, data
        if not rollup:
            continue
        against = _states(g, [tgt, *data.get("target_chain", ())])
        for s in data.get("rollup", ()):
            if s == tgt or s not in g:
                continue
            if g.nodes[s].get("kind") == "state" and (not against or _states(g, [s]) & against):
                continue
            yield s, tgt, key, data


def edges(g: nx.MultiDiGraph, *, rollup: bool = True) -> set[tuple[str, str, str]]:
    """(source, target, type) triples; with `rollup`, each source's organisation and state too."""
    return {(s, t, data["type"]) for s, t, _, data in rolled_up(g, rollup=rollup)}


def edge_counts(g: nx.MultiDiGraph, *, rollup: bool = False) -> Counter:
    """(source, target, type) -> number of claims."""
    return Counter((s, t, data["type"]) for s, t, _, data in rolled_up(g, rollup=rollup))


def aggregate(g: nx.MultiDiGraph, *, rollup: bool = False) -> nx.DiGraph:
    """One edge per (source, target) with a count per claim type, the documents behind it and
    `independent`, how many of them are not syndicated copies of another."""
    agg = nx.DiGraph()
    agg.add_nodes_from(g.nodes(data=True))
    for s, tgt, _, data in rolled_up(g, rollup=rollup):
        if not agg.has_edge(s, tgt):
            agg.add_edge(s, tgt, weight=0, types=Counter(), documents=[], originals=set())
        e = agg.edges[s, tgt]
        e["weight"] += 1
        e["types"][data["type"]] += 1
        if data["document"] not in e["documents"]:
            e["documents"].append(data["document"])
        e["originals"].add(data.get("duplicate_of") or data["document"])
    for _, _, e in agg.edges(data=True):
        e["types"] = dict(e["types"])
        e["independent"] = len(e.pop("originals"))  # documents behind the edge, syndicated copies counted once
    return agg


def disputes(g: nx.MultiDiGraph) -> list[dict]:
    """A accuses or blames B, and B (or an official of B) denies it, naming A as the accuser
    ("Beijing has repeatedly rejected US accusations")."""
    blamed: dict[tuple[str, str], list[str]] = {}
    denied: dict[tuple[str, str], list[str]] = {}
    for s, tgt, key, data in rolled_up(g):
        if data["type"] in BLAMING:
            blamed.setdefault((s, tgt), []).append(key)
        elif data["type"] == "denial":
            denied.setdefault((s, tgt), []).append(key)
    out = []
    for (accuser, accused), claims in sorted(blamed.items()):
        answers = denied.get((accused, accuser))
        if answers and accuser != accused:
            out.append({"accuser": accuser, "accused": accused, "accusations": sorted(set(claims)),
                        "denials": sorted(set(answers))})
    return out


def _scalar(value):
    """GraphML and GEXF take strings, numbers and booleans: lists and dicts become JSON, None ''."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, {k: _scalar(v) for k, v in d.items()}) for n, d in g.nodes(data=True))
    flat.add_edges_from((u, v, k, {kk: _scalar(vv) for kk, vv in d.items()})
                        for u, v, k, d in g.edges(keys=True, data=True))
    return flat


def _dump_json(data: dict, path: Path) -> None:
    """Streamed to the file: a corpus's graph.json is tens of megabytes, not worth a string."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)


def write_graph(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """graph.graphml, graph.gexf and graph.json (node-link, with roll-up edges and disputes),
    each written to a temp file and renamed, so a reader never sees half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    flat = _flat(g)
    data = nx.node_link_data(g, edges="edges")
    data["rollup_edges"] = sorted(edges(g, rollup=True))
    data["disputes"] = disputes(g)
    writers = {
        "graph.graphml": lambda p: nx.write_graphml(flat, p),
        "graph.gexf": lambda p: nx.write_gexf(flat, p),
        "graph.json": lambda p: _dump_json(data, p),
    }
    written = []
    for name, write in writers.items():
        path, tmp = folder / name, folder / f".{name}.tmp"
        write(tmp)
        os.replace(tmp, path)
        written.append(path)
    LOGGER.info("graph: %d actors, %d claims between them, %d disputes", g.number_of_nodes(),
                g.number_of_edges(), len(data["disputes"]))
    return written
