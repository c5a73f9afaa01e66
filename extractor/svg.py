"""The who-accused-whom graph and the claims timeline drawn as inline SVG strings, for pages that
must read offline and in print.

The graph shows only the actors that matter (the top N by claims made and received), placed by a
force-directed layout with a fixed seed, so the same graph always gives the same bytes. Labels
are placed greedily, most important actor first, at the first free spot around their node, so
no two labels overlap; no JavaScript or external resource is needed to see any of it.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import networkx as nx
from markupsafe import Markup, escape

from .graph import EDGE_TYPES, edge_counts

LOGGER = logging.getLogger(__name__)

EDGE_COLOURS = {"accusation": "#c0392b", "attribution": "#d68910", "denial": "#2471a3",
                "statement": "#7f8c8d"}
KIND_COLOURS = {"state": "#1f618d", "government_body": "#5dade2", "official": "#aed6f1",
                "organisation": "#7d3c98", "company": "#27ae60", "threat_actor": "#922b21",
                "media": "#f5b041", "person": "#d5dbdb", "group": "#a9cce3"}
KIND_SHAPES = {"state": "square", "government_body": "diamond", "official": "circle", "person": "circle",
               "organisation": "hexagon", "company": "triangle", "threat_actor": "octagon",
               "media": "pentagon", "group": "hexagon"}
OTHER_KIND = "#bfc9ca"
DEFAULT_TOP = 35
LABEL_CHARS = 30  # longer names are cut in the label; the full name is in the node's <title>
FONT_SIZE = 14
CHAR_WIDTH = 0.62 * FONT_SIZE  # a generous average for sans-serif, so real glyphs fit in the box
LABEL_HEIGHT = FONT_SIZE + 3
WIDTH, HEIGHT, MARGIN = 1000.0, 700.0, 24.0
SEED = 7  # the force-directed layout's seed: same graph, same picture
MIN_NODE_GAP, MAX_NODE_GAP = 46.0, 80.0  # nodes at least this far apart: more room when they are few
MAX_ARROWS = 80
CURVE_SAMPLES = 24  # points along each arrow that a label should not cover
LONER_COLUMNS, LONER_ROW, LONER_TOP = 4, 24.0, 46.0
TIMELINE_WIDTH, TIMELINE_HEIGHT = 1000.0, 222.0
BLAMING_BAND = ("accusation", "attribution", "denial")
MARK_RADIUS, MARK_GAP = 8.0, 18.0  # the timeline's numbered first-report marks


def kind_colour(kind: str | None) -> str:
    return KIND_COLOURS.get(kind or "", OTHER_KIND)


def _f(x: float) -> str:
    """Coordinates rounded to one decimal: short, and identical from run to run."""
    s = f"{x:.1f}"
    return "0.0" if s == "-0.0" else s


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


@dataclass(frozen=True)
class Drawing:
    """An SVG and what it leaves out: `actors` and `claims` count the whole graph (claims as
    reported, each once), `shown_*` what is drawn."""

    svg: Markup
    nodes: tuple[str, ...]  # the actors drawn, most claims first
    actors: int
    shown_actors: int
    claims: int
    shown_claims: int
    arrows: int = 0  # (source, target, type) arrows among the drawn actors
    shown_arrows: int = 0


def top_actors(g: nx.MultiDiGraph, n: int, score: Mapping[str, int] | None = None) -> list[str]:
    """The n actors with the highest `score` (default: claims with a target made plus received,
    as reported), ties by name and id."""
    if score is None:
        score = Counter()
        for s, t in g.edges():
            score[s] += 1
            score[t] += 1
    score = {a: k for a, k in score.items() if a in g and k > 0}
    ranked = sorted(score, key=lambda a: (-score[a], (g.nodes[a].get("name") or a).lower(), a))
    return ranked[:max(n, 0)]


def draw(g: nx.MultiDiGraph, *, top: int = DEFAULT_TOP, rollup: bool = True, css_id: str = "graph",
         links: dict[str, str] | None = None, disputed: frozenset = frozenset(),
         standalone: bool = False, score: Mapping[str, int] | None = None,
         max_arrows: int = MAX_ARROWS) -> Drawing:
    """The graph of the `top` actors as `<svg>`: nodes shaped and coloured by kind, sized by
    claims; one curved arrow per (source, target, type) among them, coloured by type, its width
    growing with the count, dashed when the pair is in `disputed` (a set of frozenset pairs).
    `score` ranks the actors (see top_actors); of the arrows among them only the `max_arrows`
    with the most claims are drawn, so the picture stays readable.
    With `rollup` an official's claims also count for its body and state (graph.rolled_up).
    `standalone`: an .svg file of its own (with the SVG namespace; inline in HTML it needs none,
    so the pages name no URL but the articles' own)."""
    ranked = top_actors(g, g.number_of_nodes(), score)
    chosen = ranked[:max(top, 0)]
    keep = set(chosen)
    direct = list(g.edges())
    drawing = dict(nodes=tuple(chosen), actors=len(ranked), shown_actors=len(chosen), claims=len(direct),
                   shown_claims=sum(1 for s, t in direct if s in keep and t in keep))
    among = {k: v for k, v in edge_counts(g, rollup=rollup).items() if k[0] in keep and k[1] in keep}
    counts = dict(sorted(among.items(), key=lambda kv: (-kv[1], kv[0]))[:max_arrows])
    drawing.update(arrows=len(among), shown_arrows=len(counts))
    if not chosen:
        return Drawing(Markup('<p class="empty">No claim names both a source and a target actor.</p>'),
                       **drawing)
    weight: Counter = Counter()
    for (s, t, _), k in counts.items():
        weight[s] += k
        weight[t] += k
    radius = {n: 7.0 + min(9.0, 2.2 * math.log2(1 + weight[n])) for n in chosen}
    linked = [n for n in chosen if weight[n]]
    loners = [n for n in chosen if not weight[n]]  # top actors with no claim drawn: a strip below
    main_height = min(HEIGHT, max(360.0, 160 + 22.0 * len(linked))) if linked else 0.0  # small graph, short picture
    pos = _layout(linked, counts, main_height) if linked else {}
    per_pair: dict[tuple[str, str], list[str]] = {}
    for s, t, typ in sorted(counts):
        per_pair.setdefault((s, t), []).append(typ)
    lines = [p for (s, t), types in per_pair.items() for i in range(len(types))
             for p in _curve_points(_curve(pos, radius, s, t, i))]
    labels = _place_labels(g, linked, pos, radius, main_height, lines)
    rows = -(-len(loners) // LONER_COLUMNS)
    height = main_height + (LONER_TOP + rows * LONER_ROW + 8 if loners else 0)
    for i, n in enumerate(loners):
        x = MARGIN + 10 + (i % LONER_COLUMNS) * (WIDTH - 2 * MARGIN) / LONER_COLUMNS
        y = main_height + LONER_TOP + (i // LONER_COLUMNS) * LONER_ROW
        pos[n], radius[n] = (x, y), 7.0
        labels[n] = (_label(g.nodes[n].get("name") or n), x + 12, y + FONT_SIZE * 0.35, "start", False)
    xmlns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [(f'<svg{xmlns} id="{escape(css_id)}" class="graph" role="img" viewBox="0 0 {_f(WIDTH)} {_f(height)}" '
            f'width="{_f(WIDTH)}" height="{_f(height)}" font-family="sans-serif" font-size="{FONT_SIZE}">'),
           f'<title>Who made claims about whom: the {len(chosen)} actors with the most claims</title>',
           "<defs>"]
    for t in EDGE_TYPES:
        out.append(f'<marker id="{escape(css_id)}-arrow-{t}" viewBox="0 0 10 10" refX="9" refY="5" '
                   f'markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
                   f'<path d="M0,0 L10,5 L0,10 z" fill="{EDGE_COLOURS[t]}"/></marker>')
    out.append("</defs>")
    out.append('<g class="edges" fill="none">')
    for (s, t), types in sorted(per_pair.items()):
        for i, typ in enumerate(types):
            out.append(_edge(g, pos, radius, s, t, typ, counts[s, t, typ], i, css_id,
                             frozenset((s, t)) in disputed))
    out.append("</g>")
    if loners:
        y = main_height + LONER_TOP - 22
        out.append(f'<line x1="{_f(MARGIN)}" x2="{_f(WIDTH - MARGIN)}" y1="{_f(y - 14)}" y2="{_f(y - 14)}" '
                   f'stroke="#d5d8dc"/><text x="{_f(MARGIN)}" y="{_f(y)}" fill="#5d6d7e">Also among the top '
                   f'actors, with no claim about another actor drawn here:</text>')
    out.append('<g class="nodes">')
    for n in sorted(chosen):
        out.append(_node(g, n, pos[n], radius[n], labels[n], (links or {}).get(n)))
    out.append("</g></svg>")
    return Drawing(Markup("\n".join(out)), **drawing)


def _layout(nodes: list[str], counts: dict, height: float) -> dict[str, tuple[float, float]]:
    """networkx's spring layout (fixed seed, log-weighted edges) stretched onto the canvas, then
    nodes pushed apart until none is closer than the gap (deterministic sweeps): MIN_NODE_GAP for a
    crowded canvas, up to MAX_NODE_GAP when there are few nodes, so that a graph of a few small
    components (a crawl of unrelated stories) is not a few knots of stubby arrows."""
    gap = max(MIN_NODE_GAP, min(MAX_NODE_GAP, math.sqrt(WIDTH * height / len(nodes)) / 2.5))
    h = nx.Graph()
    h.add_nodes_from(sorted(nodes))
    for (s, t, _), k in sorted(counts.items()):
        w = h.edges[s, t]["weight"] if h.has_edge(s, t) else 0.0
        h.add_edge(s, t, weight=w + math.log2(1 + k))
    if len(nodes) == 1:
        raw = {nodes[0]: (0.0, 0.0)}
    else:
        k = 1.6 / math.sqrt(len(nodes))
        layout = nx.spring_layout(h, k=k, seed=SEED, iterations=300, weight="weight")
        raw = {n: (float(p[0]), float(p[1])) for n, p in layout.items()}
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    left, right = MARGIN + 150, WIDTH - MARGIN - 150  # room for labels either side
    top_, bottom = MARGIN + 30, height - MARGIN - 30

    def stretch(v, lo, hi, a, b):
        return (a + b) / 2 if hi - lo < 1e-9 else a + (v - lo) / (hi - lo) * (b - a)

    rank_x = {n: i for i, n in enumerate(sorted(raw, key=lambda n: (raw[n][0], n)))}
    rank_y = {n: i for i, n in enumerate(sorted(raw, key=lambda n: (raw[n][1], n)))}
    last = max(len(raw) - 1, 1)
    # half where the forces put it, half its rank: a dense core spreads out, outliers come closer
    pos = {n: [(stretch(x, min(xs), max(xs), left, right) + stretch(rank_x[n], 0, last, left, right)) / 2,
               (stretch(y, min(ys), max(ys), top_, bottom) + stretch(rank_y[n], 0, last, top_, bottom)) / 2]
           for n, (x, y) in raw.items()}
    order = sorted(pos)
    for _ in range(60):
        moved = False
        for i, a in enumerate(order):
            for b in order[i + 1:]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                d = math.hypot(dx, dy)
                if d >= gap:
                    continue
                if d < 1e-6:
                    dx, dy, d = 1.0, 0.5, math.hypot(1.0, 0.5)
                push = (gap - d) / 2 + 0.5
                ux, uy = dx / d, dy / d
                pos[a][0], pos[a][1] = pos[a][0] - ux * push, pos[a][1] - uy * push
                pos[b][0], pos[b][1] = pos[b][0] + ux * push, pos[b][1] + uy * push
                moved = True
        for p in pos.values():
            p[0] = min(max(p[0], left), right)
            p[1] = min(max(p[1], top_), bottom)
        if not moved:
            break
    return {n: (round(p[0], 1), round(p[1], 1)) for n, p in pos.items()}


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(p: tuple[float, float], box: Box) -> bool:
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def _candidates(x: float, y: float, r: float, w: float):
    """Spots for a label of estimated width w around a node, nearest first: (x, baseline y,
    text-anchor, box). The text is anchored at the side facing the node, so a label narrower than
    the estimate still touches its node."""
    h = LABEL_HEIGHT
    for step in range(0, 7):
        off = step * (h + 1)
        for dy in ((0.0,) if step == 0 else (off, -off)):
            yield x + r + 4, y + dy, "start", (x + r + 2, y + dy - h / 2 - 1, x + r + 6 + w, y + dy + h / 2)
            yield x - r - 4, y + dy, "end", (x - r - 6 - w, y + dy - h / 2 - 1, x - r - 2, y + dy + h / 2)
        yield x, y + r + h / 2 + 2 + off, "middle", (x - w / 2 - 2, y + r + 2 + off, x + w / 2 + 2, y + r + h + 3 + off)
        yield x, y - r - h / 2 - 2 - off, "middle", (x - w / 2 - 2, y - r - h - 3 - off, x + w / 2 + 2, y - r - 2 - off)


def _place_labels(g, nodes: list[str], pos, radius, height: float,
                  lines: list[tuple[float, float]] = ()) -> dict[str, tuple[str, float, float, str, bool]]:
    """node -> (text, x, baseline y, text-anchor, leader): most claims first, each label at the
    first spot around its node that overlaps no placed label, no node and stays on the canvas,
    preferring among the spots next to the node one that no arrow crosses (`lines`: points along
    the arrows); a label finding none is shortened until one is found (the full name stays in
    <title>). `leader`: the label sits away from its node, so a thin line joins them."""
    dots = [(pos[n][0] - radius[n], pos[n][1] - radius[n], pos[n][0] + radius[n], pos[n][1] + radius[n])
            for n in nodes]
    placed: list[Box] = []
    out = {}
    for n in nodes:  # already in importance order
        x, y = pos[n]
        name = g.nodes[n].get("name") or n
        for limit in (LABEL_CHARS, 16, 10, 6):
            text = _label(name) if limit == LABEL_CHARS else (name if len(name) <= limit else name[:limit - 1] + "…")
            w = len(text) * CHAR_WIDTH
            free = [(lx, ly, anchor, box, k >= 4)
                    for k, (lx, ly, anchor, box) in enumerate(_candidates(x, y, radius[n], w))
                    if box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= height - 4
                    and not any(_overlaps(box, b) for b in placed)
                    and not any(_overlaps(box, d) for d in dots)]
            clear = (c for c in free if not c[4] and not any(_inside(p, c[3]) for p in lines))
            spot = next(clear, None) or next(iter(free), None)
            if spot:
                break
        if spot is None:  # nowhere free even for a stub: no label, the <title> still names it
            LOGGER.debug("no room for the label of %s", n)
            out[n] = ("", x, y, "start", False)
            continue
        lx, ly, anchor, box, leader = spot
        placed.append(box)
        out[n] = (text, lx, ly + FONT_SIZE * 0.35, anchor, leader)
    return out


def _curve(pos, radius, s: str, t: str, i: int) -> tuple[float, float, float, float, float, float]:
    """The i-th arrow from s to t as a quadratic curve (start, control, end points), bending to
    the right of its direction, so A->B and B->A (and several types between the same pair, further
    out) never lie on top of each other."""
    (x1, y1), (x2, y2) = pos[s], pos[t]
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    nx_, ny_ = -uy, ux
    bend = 0.12 * d + 14 * i
    cx, cy = (x1 + x2) / 2 + nx_ * bend, (y1 + y2) / 2 + ny_ * bend
    sx, sy = _towards((x1, y1), (cx, cy), radius[s] + 1)
    ex, ey = _towards((x2, y2), (cx, cy), radius[t] + 3)
    return sx, sy, cx, cy, ex, ey


def _curve_points(curve: tuple[float, ...], n: int = CURVE_SAMPLES) -> list[tuple[float, float]]:
    sx, sy, cx, cy, ex, ey = curve
    return [((1 - u) ** 2 * sx + 2 * (1 - u) * u * cx + u * u * ex, (1 - u) ** 2 * sy + 2 * (1 - u) * u * cy + u * u * ey)
            for u in (k / n for k in range(n + 1))]


def _edge(g, pos, radius, s: str, t: str, typ: str, count: int, i: int, css_id: str, disputed: bool) -> str:
    """One arrow, drawn along _curve."""
    sx, sy, cx, cy, ex, ey = _curve(pos, radius, s, t, i)
    width = min(1.4 + 1.6 * math.log2(count), 9.0)
    names = (g.nodes[s].get("name") or s, g.nodes[t].get("name") or t)
    tip = f"{names[0]} → {names[1]}: {count} {typ}{'s' if count > 1 else ''}{' (disputed)' if disputed else ''}"
    dash = ' stroke-dasharray="8 4"' if disputed else ""
    return (f'<path class="edge {typ}{" disputed" if disputed else ""}" '
            f'd="M{_f(sx)},{_f(sy)} Q{_f(cx)},{_f(cy)} {_f(ex)},{_f(ey)}" '
            f'stroke="{EDGE_COLOURS[typ]}" stroke-width="{_f(width)}" stroke-opacity="0.8"{dash} '
            f'marker-end="url(#{escape(css_id)}-arrow-{typ})" data-source="{escape(s)}" '
            f'data-target="{escape(t)}" data-count="{count}"><title>{escape(tip)}</title></path>')


def _towards(p: tuple[float, float], q: tuple[float, float], r: float) -> tuple[float, float]:
    dx, dy = q[0] - p[0], q[1] - p[1]
    d = math.hypot(dx, dy) or 1.0
    return p[0] + dx / d * r, p[1] + dy / d * r


def shape(kind: str | None, x: float, y: float, r: float) -> str:
    """The node's outline for its kind (square for states, diamond for bodies, ...), filled by kind."""
    fill = kind_colour(kind)
    form = KIND_SHAPES.get(kind or "", "circle")
    attrs = f'fill="{fill}" stroke="#2c3e50" stroke-width="1.2"'
    if form == "circle":
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}" {attrs}/>'
    if form == "square":
        a = r * 0.9
        return f'<rect x="{_f(x - a)}" y="{_f(y - a)}" width="{_f(2 * a)}" height="{_f(2 * a)}" {attrs}/>'
    sides, turn = {"diamond": (4, 0.0), "triangle": (3, 0.0), "pentagon": (5, 0.0), "hexagon": (6, 0.5),
                   "octagon": (8, 0.5)}[form]
    pts = " ".join(f"{_f(x + r * math.sin(2 * math.pi * (k + turn) / sides))},"
                   f"{_f(y - r * math.cos(2 * math.pi * (k + turn) / sides))}" for k in range(sides))
    return f'<polygon points="{pts}" {attrs}/>'


def icon(kind: str | None) -> Markup:
    """A legend swatch: the kind's shape and colour in a 16-pixel SVG."""
    return Markup(f'<svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
                  f'{shape(kind, 8, 8, 6.5)}</svg>')


def _node(g, n: str, xy: tuple[float, float], r: float, label: tuple[str, float, float, str, bool],
          href: str | None) -> str:
    data = g.nodes[n]
    name, kind = data.get("name") or n, data.get("kind") or "other"
    text, lx, ly, anchor, leader = label
    body = f'<title>{escape(name)} ({escape(kind.replace("_", " "))})</title>'
    if text and leader:  # from the node's rim to the label's anchor
        ex, ey = lx, ly - FONT_SIZE * 0.35
        sx, sy = _towards(xy, (ex, ey), r)
        body += (f'<line class="leader" x1="{_f(sx)}" y1="{_f(sy)}" x2="{_f(ex)}" y2="{_f(ey)}" '
                 f'stroke="#85929e" stroke-width="0.8"/>')
    body += shape(kind, xy[0], xy[1], r)
    if text:
        body += (f'<text x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}" class="label" paint-order="stroke" '
                 f'stroke="#fff" stroke-width="3" stroke-linejoin="round">{escape(text)}</text>')
    if href:
        body = f'<a href="{escape(href)}">{body}</a>'
    return f'<g class="node" data-actor="{escape(n)}">{body}</g>'


# --- the timeline --------------------------------------------------------------------------------

def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _bin_start(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d


def _next_bin(d: date, unit: str) -> date:
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return d + timedelta(days=1)


def timeline(per_day: dict[str, Counter], marks: list[tuple[str, int, str]], *,
             css_id: str = "timeline") -> tuple[Markup, str]:
    """Claims per day (per week over four months, per month over two years) as stacked bars by
    type, with `marks` (day, number, tooltip) drawn as numbered lines: the first report of each
    main claim. Returns the SVG and the bin unit ('day', 'week', 'month')."""
    days = {d: c for d, c in ((_day(k), v) for k, v in per_day.items()) if d}
    if not days:
        return Markup('<p class="empty">No dated article: no timeline.</p>'), "day"
    first, last = min(days), max(days)
    span = (last - first).days
    unit = "day" if span <= 120 else "week" if span <= 730 else "month"
    bins: dict[date, Counter] = {}
    b = _bin_start(first, unit)
    while b <= last:
        bins[b] = Counter()
        b = _next_bin(b, unit)
    for d, c in days.items():
        bins[_bin_start(d, unit)].update(c)
    order = sorted(bins)
    left, right = 46.0, TIMELINE_WIDTH - 12
    slot = (right - left) / len(order)
    index = {b: i for i, b in enumerate(order)}
    out = [(f'<svg id="{escape(css_id)}" class="timeline" role="img" viewBox="0 0 {_f(TIMELINE_WIDTH)} '
            f'{_f(TIMELINE_HEIGHT)}" width="{_f(TIMELINE_WIDTH)}" height="{_f(TIMELINE_HEIGHT)}" '
            f'font-family="sans-serif" font-size="11">'),
           f"<title>Claims per {unit} by type</title>"]
    # two bands, each on its own scale: statements outnumber the rest by far and would flatten them
    bands = ((BLAMING_BAND, 26.0, 136.0, "accusations, attributions, denials"),
             (("statement",), 150.0, 196.0, "statements"))
    for types, top_, bottom, caption in bands:
        peak = max(sum(c.get(t, 0) for t in types) for c in bins.values()) or 1
        scale = (bottom - top_) / peak
        for v in sorted({0, peak} | ({round(peak / 2)} if bottom - top_ > 60 else set())):
            y = bottom - v * scale
            out.append(f'<line x1="{_f(left)}" x2="{_f(right)}" y1="{_f(y)}" y2="{_f(y)}" stroke="#e5e7e9"/>'
                       f'<text x="{_f(left - 5)}" y="{_f(y + 4)}" text-anchor="end" fill="#5d6d7e">{v}</text>')
        out.append(f'<text x="{_f(left + 4)}" y="{_f(top_ + 2)}" fill="#5d6d7e">{caption}</text>')
        for b in order:
            x, y = left + index[b] * slot, bottom
            for t in types:
                k = bins[b].get(t, 0)
                if not k:
                    continue
                h = k * scale
                y -= h
                out.append(f'<rect x="{_f(x + slot * 0.1)}" y="{_f(y)}" width="{_f(max(slot * 0.8, 0.6))}" '
                           f'height="{_f(h)}" fill="{EDGE_COLOURS[t]}"><title>{b.isoformat()}: {k} {t}'
                           f'{"s" if k > 1 else ""}</title></rect>')
        out.append(f'<line x1="{_f(left)}" x2="{_f(right)}" y1="{_f(bottom)}" y2="{_f(bottom)}" stroke="#5d6d7e"/>')
    bottom = bands[-1][2]
    ticks = max(1, len(order) // 8)
    for i in range(0, len(order), ticks):
        x = left + i * slot + slot / 2
        fmt = order[i].strftime("%Y-%m") if unit == "month" else order[i].isoformat()
        out.append(f'<text x="{_f(x)}" y="{_f(bottom + 16)}" text-anchor="middle" fill="#5d6d7e">{fmt}</text>')
    top_, bottom = bands[0][1], bands[0][2]
    used: Counter = Counter()  # marks in the same bin sit side by side, leftwards near the right edge
    for day, number, tip in marks:
        d = _day(day)
        if d is None or _bin_start(d, unit) not in index:
            continue
        x = left + index[_bin_start(d, unit)] * slot + slot / 2
        used[x] += 1
        step = MARK_GAP * (used[x] - 1)
        x = x + step if x + step + MARK_RADIUS <= TIMELINE_WIDTH else x - step
        out.append(f'<g class="mark"><title>{escape(tip)}</title>'
                   f'<line x1="{_f(x)}" x2="{_f(x)}" y1="{_f(top_ - 6)}" y2="{_f(bottom)}" stroke="#1c2833" '
                   f'stroke-dasharray="3 3"/><circle cx="{_f(x)}" cy="{_f(top_ - 14)}" r="{MARK_RADIUS:g}" fill="#1c2833"/>'
                   f'<text x="{_f(x)}" y="{_f(top_ - 10)}" text-anchor="middle" fill="#fff" font-weight="bold">'
                   f'{number}</text></g>')
    out.append("</svg>")
    return Markup("\n".join(out)), unit
