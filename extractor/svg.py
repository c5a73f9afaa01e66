"""The who-accused-whom graph drawn as an inline SVG string, for pages that must read offline.

The layout is computed here (a circle, actors grouped by kind, then by name), so the same graph
always gives the same bytes; no JavaScript or external resource is needed to see it.
"""
from __future__ import annotations

import logging
import math
from collections import Counter

import networkx as nx
from markupsafe import Markup, escape

from .graph import EDGE_TYPES, ancestors

LOGGER = logging.getLogger(__name__)

EDGE_COLOURS = {"accusation": "#c0392b", "attribution": "#d68910", "denial": "#2471a3",
                "statement": "#7f8c8d"}
KIND_COLOURS = {"state": "#1f618d", "government_body": "#5dade2", "official": "#aed6f1",
                "organisation": "#7d3c98", "company": "#27ae60", "threat_actor": "#922b21",
                "media": "#f5b041", "person": "#d5dbdb"}
OTHER_KIND = "#bfc9ca"
NODE_RADIUS = 11
LABEL_CHARS = 30  # longer names are cut in the label; the full name is in the node's <title>


def kind_colour(kind: str | None) -> str:
    return KIND_COLOURS.get(kind or "", OTHER_KIND)


def edge_counts(g: nx.MultiDiGraph, *, rollup: bool = False) -> Counter:
    """(source, target, type) -> number of claims; with `rollup` an official's claim also counts
    for its body and state (as graph.edges does, but counted)."""
    counts: Counter = Counter()
    for src, tgt, data in g.edges(data=True):
        for s in ancestors(g, src) if rollup else [src]:
            if s != tgt:
                counts[s, tgt, data["type"]] += 1
    return counts


def _layout(g: nx.MultiDiGraph, nodes: list[str], radius: float) -> dict[str, tuple[float, float]]:
    """Actors on a circle in a fixed order (kind, name, id), so neighbours in kind sit together
    and labels can go outside the circle without crossing edges."""
    order = sorted(nodes, key=lambda n: (g.nodes[n].get("kind") or "", g.nodes[n].get("name") or n, n))
    if len(order) == 1:
        return {order[0]: (0.0, 0.0)}
    pos = nx.circular_layout(order, scale=radius)
    return {n: (float(pos[n][0]), float(pos[n][1])) for n in order}


def _f(x: float) -> str:
    """Coordinates rounded to one decimal: short, and identical from run to run."""
    s = f"{x:.1f}"
    return "0.0" if s == "-0.0" else s


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def draw(g: nx.MultiDiGraph, *, rollup: bool = False, css_id: str = "graph",
         links: dict[str, str] | None = None) -> Markup:
    """The graph as `<svg>`: one labelled node per actor that has an edge, coloured by kind; one
    curved arrow per (source, target, type), coloured by type, its width growing with the count.
    `links`: actor id -> URL its node links to."""
    counts = edge_counts(g, rollup=rollup)
    nodes = sorted({n for s, t, _ in counts for n in (s, t)})
    if not nodes:
        return Markup('<p class="empty">No claim names both a source and a target actor.</p>')
    radius = max(160.0, 22.0 * len(nodes))
    pos = _layout(g, nodes, radius)
    pad_x, pad_y = 250, 60
    w, h = 2 * (radius + pad_x), 2 * (radius + pad_y)
    # inline in HTML: no xmlns needed, so the page names no URL but the articles' own
    out = [(f'<svg id="{escape(css_id)}" class="graph" role="img" '
            f'viewBox="{_f(-w / 2)} {_f(-h / 2)} {_f(w)} {_f(h)}" width="100%" '
            f'style="max-width:{_f(w)}px" font-family="sans-serif" font-size="13">'),
           f'<title>Who made claims about whom{" (rolled up to bodies and states)" if rollup else ""}</title>',
           "<defs>"]
    for t in EDGE_TYPES:
        out.append(f'<marker id="{escape(css_id)}-arrow-{t}" viewBox="0 0 10 10" refX="9" refY="5" '
                   f'markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
                   f'<path d="M0,0 L10,5 L0,10 z" fill="{EDGE_COLOURS[t]}"/></marker>')
    out.append("</defs>")
    out.append('<g class="edges" fill="none">')
    per_pair: dict[tuple[str, str], list[str]] = {}
    for s, t, typ in sorted(counts):
        per_pair.setdefault((s, t), []).append(typ)
    for (s, t), types in sorted(per_pair.items()):
        for i, typ in enumerate(types):
            out.append(_edge(g, pos, s, t, typ, counts[s, t, typ], i, css_id))
    out.append("</g>")
    out.append('<g class="nodes">')
    for n in sorted(pos):
        out.append(_node(g, n, pos[n], (links or {}).get(n)))
    out.append("</g></svg>")
    return Markup("\n".join(out))


def _edge(g, pos, s: str, t: str, typ: str, count: int, i: int, css_id: str) -> str:
    """A quadratic curve bending to the right of its direction, so A->B and B->A (and several
    types between the same pair, further out) never lie on top of each other."""
    (x1, y1), (x2, y2) = pos[s], pos[t]
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    nx_, ny_ = -uy, ux
    bend = 0.12 * d + 16 * i
    cx, cy = (x1 + x2) / 2 + nx_ * bend, (y1 + y2) / 2 + ny_ * bend
    # start and end on the node's rim, in the direction of the control point
    sx, sy = _towards((x1, y1), (cx, cy), NODE_RADIUS + 1)
    ex, ey = _towards((x2, y2), (cx, cy), NODE_RADIUS + 3)
    width = min(1.6 + 1.3 * (count - 1), 8.0)
    names = (g.nodes[s].get("name") or s, g.nodes[t].get("name") or t)
    tip = f"{names[0]} → {names[1]}: {count} {typ}{'s' if count > 1 else ''}"
    return (f'<path class="edge {typ}" d="M{_f(sx)},{_f(sy)} Q{_f(cx)},{_f(cy)} {_f(ex)},{_f(ey)}" '
            f'stroke="{EDGE_COLOURS[typ]}" stroke-width="{_f(width)}" stroke-opacity="0.85" '
            f'marker-end="url(#{escape(css_id)}-arrow-{typ})" data-source="{escape(s)}" '
            f'data-target="{escape(t)}" data-count="{count}"><title>{escape(tip)}</title></path>')


def _towards(p: tuple[float, float], q: tuple[float, float], r: float) -> tuple[float, float]:
    dx, dy = q[0] - p[0], q[1] - p[1]
    d = math.hypot(dx, dy) or 1.0
    return p[0] + dx / d * r, p[1] + dy / d * r


def _node(g, n: str, xy: tuple[float, float], href: str | None) -> str:
    """A dot with its label outside the circle: left of it on the left half, right on the right."""
    data = g.nodes[n]
    name, kind = data.get("name") or n, data.get("kind") or "other"
    x, y = xy
    d = math.hypot(x, y) or 1.0
    lx, ly = x + x / d * (NODE_RADIUS + 6), y + y / d * (NODE_RADIUS + 6) + 4
    anchor = "start" if x > 1 else "end" if x < -1 else "middle"
    if anchor == "middle":
        ly += 10 if y > 0 else -6
    body = (f'<title>{escape(name)} ({escape(kind)})</title>'
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{NODE_RADIUS}" fill="{kind_colour(kind)}" '
            f'stroke="#333" stroke-width="1"/>'
            f'<text x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}">{escape(_label(name))}</text>')
    if href:
        body = f'<a href="{escape(href)}">{body}</a>'
    return f'<g class="node" data-actor="{escape(n)}">{body}</g>'
