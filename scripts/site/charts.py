"""Static SVG charts, made at build time: no script, colours from Material's CSS variables.

Both charts are inline SVG (so ``currentColor`` and ``var(--md-...)`` follow the
light or dark palette) written on one line block without blank lines, so
Markdown passes them through as one raw HTML block inside ``<div>``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .markup import attribute

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Styles use Material's palette variables (with fallbacks), so both schemes read well.
_TEXT = "fill:currentColor"
_MUTED = "stroke:var(--md-default-fg-color--lightest,#8884)"
_BAR = "fill:var(--md-typeset-a-color,#4051b5)"
_EDGE = "stroke:var(--md-default-fg-color--light,#888)"
_NODE = "fill:var(--md-typeset-a-color,#4051b5);stroke:var(--md-default-bg-color,#fff);stroke-width:2"


def _num(value: float) -> str:
    """Short deterministic number formatting (one decimal, no trailing .0)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _short(label: str, limit: int = 20) -> str:
    """A label that fits beside the circle (the full name is in the node's tooltip)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _wrap(svg: str) -> str:
    """A raw HTML block Markdown leaves alone (no blank line inside), left out of the search index."""
    return f'<div class="ca-chart" data-search-exclude>\n{svg}\n</div>\n'


def timeline_svg(month_counts: Sequence[tuple[str, int]], width: int = 720, height: int = 220) -> str:
    """A bar per month (``YYYY-MM``, count), year labels under January bars (and the first bar)."""
    if not month_counts:
        return ""
    left, right, top, bottom = 36, 8, 12, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(n for _, n in month_counts) or 1
    step = plot_w / len(month_counts)
    bar_w = max(step * 0.8, 1.0)
    title = f"Briefings per month, {month_counts[0][0]} to {month_counts[-1][0]}"
    parts = [
        f'<svg class="ca-chart__svg" viewBox="0 0 {width} {height}" role="img" aria-label="{attribute(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="12">',
        f"<title>{attribute(title)}</title>",
    ]
    for tick in sorted({0, peak, (peak + 1) // 2} if peak > 1 else {0, peak}):
        y = top + plot_h - plot_h * tick / peak
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{_num(y)}" y2="{_num(y)}" style="{_MUTED}"/>')
        parts.append(f'<text x="{left - 6}" y="{_num(y + 4)}" text-anchor="end" style="{_TEXT}">{tick}</text>')
    for i, (month, count) in enumerate(month_counts):
        x = left + i * step + (step - bar_w) / 2
        h = plot_h * count / peak
        y = top + plot_h - h
        label = f"{MONTHS[int(month[5:7]) - 1]} {month[:4]}: {count} briefing{'s' if count != 1 else ''}"
        parts.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(bar_w)}" height="{_num(h)}" style="{_BAR}">'
            f"<title>{attribute(label)}</title></rect>"
        )
        if i == 0 or month.endswith("-01"):
            tx = left + i * step + step / 2
            parts.append(
                f'<text x="{_num(tx)}" y="{height - bottom + 16}" text-anchor="middle" style="{_TEXT}">{month[:4]}</text>'
            )
    if len(month_counts) <= 24:  # month initials when there is room
        for i, (month, _) in enumerate(month_counts):
            tx = left + i * step + step / 2
            parts.append(
                f'<text x="{_num(tx)}" y="{height - bottom + 30}" text-anchor="middle" font-size="10" '
                f'style="{_TEXT};opacity:.7">{MONTHS[int(month[5:7]) - 1][0]}</text>'
            )
    parts.append("</svg>")
    return _wrap("".join(parts))


def graph_svg(
    nodes: Sequence[tuple[str, int]],
    edges: Sequence[tuple[str, str, int]],
    size: int = 560,
    margin: int = 200,
) -> str:
    """Actors on a circle (``(name, briefings)``), a line for each pair named together (width ~ count)."""
    if not nodes:
        return ""
    width = size + 2 * margin
    height = size + 2 * 30
    cx, cy, radius = width / 2, height / 2, size / 2 - 20
    position: dict[str, tuple[float, float, float]] = {}
    for i, (name, _) in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / len(nodes)
        position[name] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    top_mentions = max(n for _, n in nodes) or 1
    top_edge = max((n for _, _, n in edges), default=1) or 1
    title = f"Who appears with whom: {len(nodes)} most-named actors, lines for briefings naming both"
    parts = [
        f'<svg class="ca-chart__svg ca-chart__svg--graph" viewBox="0 0 {_num(width)} {_num(height)}" role="img" '
        f'aria-label="{attribute(title)}" xmlns="http://www.w3.org/2000/svg" font-size="16">',
        f"<title>{attribute(title)}</title>",
    ]
    for a, b, n in edges:
        if a not in position or b not in position:
            continue
        (x1, y1, _), (x2, y2, _) = position[a], position[b]
        stroke = 0.6 + 5 * n / top_edge
        opacity = 0.25 + 0.6 * n / top_edge
        parts.append(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'style="{_EDGE};stroke-width:{_num(stroke)};opacity:{opacity:.2f}">'
            f"<title>{attribute(f'{a} and {b}: {n} briefing' + ('s' if n != 1 else ''))}</title></line>"
        )
    for name, mentions in nodes:
        x, y, angle = position[name]
        r = 4 + 8 * math.sqrt(mentions / top_mentions)
        lx, ly = x + (r + 6) * math.cos(angle), y + (r + 6) * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.01 else "end" if math.cos(angle) < -0.01 else "middle"
        dy = 4 if abs(math.sin(angle)) < 0.99 else (14 if math.sin(angle) > 0 else -4)
        parts.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" style="{_NODE}">'
            f"<title>{attribute(f'{name}: {mentions} briefing' + ('s' if mentions != 1 else ''))}</title></circle>"
        )
        parts.append(
            f'<text x="{_num(lx)}" y="{_num(ly + dy)}" text-anchor="{anchor}" style="{_TEXT}">{attribute(_short(name))}</text>'
        )
    parts.append("</svg>")
    return _wrap("".join(parts))
