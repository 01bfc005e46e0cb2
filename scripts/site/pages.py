"""Markdown for every generated page: pure functions of the :class:`Archive`.

Paths are docs-relative (``generated/briefings/x.md``); each builder knows the
path of the page it writes and links relatively from it, so MkDocs validates
every link. Text from briefings and the registry goes through :mod:`.markup`.
"""

from __future__ import annotations

from collections import Counter

from ..model import STANCES
from . import charts
from .archive import KIND_DIRS, ActorInfo, Archive, Entry
from .markup import external_link, inline, link, safe_url, text, yaml_string

GENERATED = "generated"
HOME = "index.md"  # the hand-written home page that includes HOME_INCLUDE
HOME_INCLUDE = f"{GENERATED}/includes/home.md"
TIMELINE = f"{GENERATED}/timeline/index.md"
STANCE = f"{GENERATED}/stance/index.md"
CONNECTIONS = f"{GENERATED}/connections.md"
DATA = f"{GENERATED}/data.md"
INDEXES = {
    "country": f"{GENERATED}/countries/index.md",
    "person": f"{GENERATED}/people/index.md",
    "organisation": f"{GENERATED}/organisations/index.md",
    "group": f"{GENERATED}/organisations/index.md",  # groups are listed with organisations
}
FEED = "feed.xml"
EXPORT = "briefings.json"
EXPORT_SCHEMA = "schemas/briefings.schema.json"
BRIEFING_SCHEMA = "schemas/briefing.schema.json"

KIND_LABELS = {"country": "country", "person": "person", "organisation": "organisation", "group": "group of states"}
BASIS_LABELS = {
    "stated": "stated in the text",
    "derived": "derived from a clue in the text",
    "event": "date of an event reported as current",
    "unknown": "no clue in the text",
}
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
LATEST = 10  # briefings on the home page
TOP_ON_HOME = 12  # actors per kind on the home page
RELATED_BRIEFINGS = 5
RELATED_ACTORS = 15
STANCE_COLUMNS = 8  # main actors in a year's stance table
STANCE_TALLY_ROWS = 25
GRAPH_NODES = 20
GRAPH_EDGES = 90  # at most this many lines, so the graph stays readable
TOP_PAIRS = 30


def briefing_path(entry: Entry) -> str:
    return f"{GENERATED}/briefings/{entry.slug}.md"


def year_path(year: str) -> str:
    return f"{GENERATED}/timeline/{year}.md"


def stance_year_path(year: str) -> str:
    return f"{GENERATED}/stance/{year}.md"


def front_matter(title: str, *, boost: float | None = None, hide: tuple[str, ...] = ()) -> str:
    """YAML front matter: an HTML-safe title, Material's search boost and hidden sidebars."""
    lines = ["---", f"title: {yaml_string(title)}"]
    if boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    if hide:
        lines += ["hide:", *[f"  - {h}" for h in hide]]
    return "\n".join(lines) + "\n---\n\n"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def month_label(month: str) -> str:
    """``2023-05`` -> ``May 2023``."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def cell(value: str) -> str:
    """Escaped text for a table cell (never empty, so rows keep their shape)."""
    return value if value else " "


# ---------------------------------------------------------------------------
# Shared fragments


def actor_link(actor: ActorInfo, source: str, *, chip: bool = False) -> str:
    classes = ("ca-chip", f"ca-chip--{actor.kind}") if chip else ()
    return link(inline(actor.name), actor.page, source, classes)


def stance_badge(actor: ActorInfo, stance: str, source: str) -> str:
    return link(f"{inline(actor.name)}: {stance}", actor.page, source, ("ca-stance", f"ca-stance--{stance}"))


def stance_mark(stance: str | None) -> str:
    """A stance word styled as a badge (for table cells), or nothing."""
    return f"*{stance}*{{ .ca-mark .ca-mark--{stance} }}" if stance else ""


def entry_link(entry: Entry, source: str) -> str:
    return link(inline(entry.title), briefing_path(entry), source)


def entry_line(entry: Entry, source: str) -> str:
    """``- 2023-05-20 · [Title](...) · Outlet`` for lists of briefings."""
    outlet = f" · {inline(entry.briefing.source.outlet)}" if entry.briefing.source.outlet else ""
    return f"- {entry.date or 'undated'} · {entry_link(entry, source)}{outlet}"


def chips(archive: Archive, names: list[str], source: str) -> str:
    return " ".join(actor_link(archive.actors[n], source, chip=True) for n in names if n in archive.actors)


# ---------------------------------------------------------------------------
# Briefing page


def briefing_page(archive: Archive, entry: Entry) -> str:
    """Title, date and basis, source, actors, stance, thesis, summary, figures, quotes, text, related."""
    source = briefing_path(entry)
    b = entry.briefing
    out = [front_matter(b.title), f"# {inline(b.title)}\n"]

    facts = []
    date = b.date or "undated"
    basis = BASIS_LABELS.get(b.date_basis, inline(b.date_basis))
    evidence = f": “{inline(b.date_evidence)}”" if b.date_evidence else ""
    facts.append(f"- **Date:** {date} ({basis}{evidence})")
    outlet = inline(b.source.outlet) if b.source.outlet else "unknown outlet"
    original = f" · {external_link('original article', b.source.url)}" if safe_url(b.source.url) else " (no link to the original)"
    facts.append(f"- **Source:** {outlet}{original}")
    for label, names in (("Countries", b.countries), ("People", b.people), ("Organisations", b.organisations)):
        if names:
            facts.append(f"- **{label}:** {chips(archive, names, source)}")
    if b.stance:
        badges = " ".join(stance_badge(archive.actors[n], s, source) for n, s in b.stance.items() if n in archive.actors)
        facts.append(f"- **Stance:** {badges}")
    status = "reviewed by a person" if b.reviewed else "machine draft, not yet reviewed by a person"
    facts.append(f"- **Status:** {status} · file: {inline(entry.file)}")
    out.append("\n".join(facts) + "\n")

    if b.thesis:
        out.append(f"## Thesis\n\n{text(b.thesis)}\n")
    summary = b.summary or entry.body.summary
    if summary:
        out.append(f"## Summary\n\n{text(summary)}\n")
    if entry.body.key_points:
        out.append("## Key points\n\n" + "\n".join(f"- {inline(p)}" for p in entry.body.key_points) + "\n")
    if entry.body.key_figures:
        lines = [
            f"- **{inline(f.value)}**: {inline(f.sentence)}" if f.value else f"- {inline(f.sentence)}"
            for f in entry.body.key_figures
        ]
        out.append("## Key figures\n\n" + "\n".join(lines) + "\n")
    if entry.body.quotes:
        blocks = []
        for quote in entry.body.quotes:
            speaker = f"\n>\n> — {inline(quote.speaker)}" if quote.speaker else ""
            blocks.append(f"> {inline(quote.text)}{speaker}\n")
        out.append("## Quotes\n\n" + "\n".join(blocks))
    if entry.body.article:
        out.append(f"## Article\n\n{text(entry.body.article)}\n")

    related = archive.related_briefings(entry, RELATED_BRIEFINGS)
    if related:
        lines = []
        for other, shared in related:
            names = ", ".join(inline(n) for n in shared)
            lines.append(f"{entry_line(other, source)} — {plural(len(shared), 'shared actor')}: {names}")
        out.append("## Related briefings\n\n" + "\n".join(lines) + "\n")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Actor page


def actor_page(archive: Archive, actor: ActorInfo) -> str:
    """Kind, country, role, spellings, briefings with their stance, tally, related actors."""
    source = actor.page
    entries = archive.mentions.get(actor.name, [])
    out = [front_matter(actor.name, boost=2), f"# {inline(actor.name)}\n"]

    kind = KIND_LABELS[actor.kind] + (f" ({inline(actor.detail)})" if actor.detail else "")
    facts = [f"- **Kind:** {kind}"]
    if actor.country:
        country = archive.actors.get(actor.country)
        shown = actor_link(country, source) if country and country.kind == "country" else inline(actor.country)
        facts.append(f"- **Country:** {shown}")
    if actor.roles:
        facts.append("- **Role:** " + "; ".join(inline(r) for r in actor.roles))
    if actor.members:
        members = [actor_link(archive.actors[m], source) if m in archive.actors else inline(m) for m in actor.members]
        facts.append("- **Members:** " + ", ".join(members))
    facts.append("- **Known spellings:** " + ", ".join(inline(s) for s in actor.spellings))
    if not actor.registered:
        note = f" Note: {inline(actor.note)}" if actor.note else ""
        facts.append(f"- **Registry:** not in the registry yet (vouched for in a briefing).{note}")
    facts.append(f"- **Briefings:** {len(entries)}")
    out.append("\n".join(facts) + "\n")

    tally = archive.stance_tally(actor.name)
    out.append(
        "## Stance tally\n\nHow the briefings naming it treat it.\n\n"
        + "| " + " | ".join(stance_mark(s) for s in STANCES) + " | no stance recorded |\n"
        + "|---:|---:|---:|---:|\n"
        + "| " + " | ".join(str(tally[s]) for s in [*STANCES, "none"]) + " |\n"
    )

    related = archive.related_actors(actor.name, RELATED_ACTORS)
    if related:
        rows = [f"| {actor_link(a, source)} | {KIND_LABELS[a.kind]} | {n} |" for a, n in related]
        out.append(
            "## Related actors\n\nNamed in the same briefings, most often first.\n\n"
            "| Actor | Kind | Briefings together |\n|---|---|---:|\n" + "\n".join(rows) + "\n"
        )
    if actor.kind == "country":
        locals_ = [a for a in archive.actors.values() if a.country == actor.name and a.kind in ("person", "organisation")]
        if locals_:
            out.append(
                f"## People and organisations of {inline(actor.name)}\n\n"
                + " ".join(actor_link(a, source, chip=True) for a in locals_)
                + "\n"
            )

    rows = [
        f"| {e.date or 'undated'} | {entry_link(e, source)} | {cell(stance_mark(e.briefing.stance.get(actor.name)))} |"
        for e in entries
    ]
    out.append("## Briefings\n\nNewest first.\n\n| Date | Briefing | Stance |\n|---|---|---|\n" + "\n".join(rows) + "\n")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Index pages


def stance_counts(tally: dict[str, int]) -> str:
    """``2 supportive 1 critical``: the non-zero stance counts, styled like stance marks."""
    return " ".join(f"*{tally[s]} {s}*{{ .ca-count .ca-mark--{s} }}" for s in STANCES if tally[s])


def _count_row(archive: Archive, actor: ActorInfo, source: str, extra: list[str]) -> str:
    n = len(archive.mentions.get(actor.name, []))
    cells = [actor_link(actor, source), *extra, str(n), stance_counts(archive.stance_tally(actor.name))]
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def actor_index_page(archive: Archive, kind: str) -> str:
    """Countries, People or Organisations (with groups): every actor with its counts."""
    source = INDEXES[kind]
    title = {"country": "Countries", "person": "People", "organisation": "Organisations"}[kind]
    actors = archive.of_kind(kind)
    out = [front_matter(title), f"# {title}\n"]
    out.append(
        f"{plural(len(actors), KIND_LABELS[kind], 'people' if kind == 'person' else None)} named in the archive, "
        "with the number of briefings naming each and the stances they take toward it.\n"
    )
    if kind == "country":
        head = "| Country | Briefings | Stance |\n|---|---:|---|\n"
        rows = [_count_row(archive, a, source, []) for a in actors]
    elif kind == "person":
        head = "| Person | Country | Role | Briefings | Stance |\n|---|---|---|---:|---|\n"
        rows = [_count_row(archive, a, source, [inline(a.country or ""), inline(a.role or "")]) for a in actors]
    else:
        head = "| Organisation | Kind | Country | Briefings | Stance |\n|---|---|---|---:|---|\n"
        rows = [_count_row(archive, a, source, [inline(a.detail or ""), inline(a.country or "")]) for a in actors]
    out.append(head + "\n".join(rows) + "\n" if rows else "None yet.\n")
    if kind == "organisation":
        groups = archive.of_kind("group")
        if groups:
            rows = [_count_row(archive, g, source, [plural(len(g.members), "member")]) for g in groups]
            out.append(
                "## Groups of states\n\n| Group | Members | Briefings | Stance |\n|---|---|---:|---|\n"
                + "\n".join(rows) + "\n"
            )
    return "\n".join(out)


def timeline_page(archive: Archive) -> str:
    """Chart of briefings per month, then each year with its months."""
    source = TIMELINE
    out = [front_matter("Timeline"), "# Timeline\n"]
    grouped = archive.timeline()
    undated = archive.undated()
    out.append(
        f"{plural(len(archive.entries), 'briefing')} by publication date"
        + (f", {len(undated)} undated" if undated else "")
        + ". Dates come with a basis (stated, derived, event); see each briefing.\n"
    )
    chart = charts.timeline_svg(archive.month_counts())
    if chart:
        out.append(chart)
    rows = []
    for year in archive.years():
        months = grouped[year]
        spans = " · ".join(
            f"{link(MONTH_NAMES[int(m[5:7]) - 1], year_path(year) + '#' + m, source)} ({len(months[m])})"
            for m in sorted(months, reverse=True)
        )
        total = sum(len(v) for v in months.values())
        rows.append(f"| {link(year, year_path(year), source)} | {total} | {spans} |")
    if undated:
        rows.append(f"| {link('Undated', year_path('undated'), source)} | {len(undated)} | |")
    if rows:
        out.append("| Year | Briefings | Months |\n|---|---:|---|\n" + "\n".join(rows) + "\n")
    else:
        out.append("No briefings yet.\n")
    return "\n".join(out)


def year_page(archive: Archive, year: str) -> str:
    """Every briefing of ``year`` (or ``undated``), grouped by month, newest first."""
    source = year_path(year)
    if year == "undated":
        entries = archive.undated()
        out = [front_matter("Undated briefings"), "# Undated briefings\n", "Briefings whose text gives no date.\n"]
        out.append("\n".join(entry_line(e, source) for e in entries) + "\n")
        return "\n".join(out)
    months = archive.timeline().get(year, {})
    total = sum(len(v) for v in months.values())
    out = [front_matter(f"Briefings of {year}"), f"# Briefings of {year}\n", f"{plural(total, 'briefing')}, newest first.\n"]
    for month in sorted(months, reverse=True):
        lines = "\n".join(entry_line(e, source) for e in months[month])
        out.append(f"## {month_label(month)} {{ #{month} }}\n\n{lines}\n")
    return "\n".join(out)


def main_actors(archive: Archive, entries: list[Entry], limit: int) -> list[ActorInfo]:
    """The actors most often given a stance in ``entries`` (ties by name)."""
    counts = Counter(name for e in entries for name in e.briefing.stance if name in archive.actors)
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    return [archive.actors[n] for n in ranked[:limit]]


def stance_page(archive: Archive) -> str:
    """Stance tally of the main actors, and the briefings × main actors tables by year."""
    source = STANCE
    out = [front_matter("Stance"), "# Stance\n"]
    out.append(
        "Each briefing records the article's attitude toward its main actors: "
        f"{stance_mark('supportive')}, {stance_mark('neutral')} or {stance_mark('critical')}. "
        "Stance is a judgement of the text, not of the actor.\n"
    )
    actors = main_actors(archive, archive.entries, STANCE_TALLY_ROWS)
    if actors:
        rows = []
        for actor in actors:
            tally = archive.stance_tally(actor.name)
            with_stance = sum(tally[s] for s in STANCES)
            rows.append(f"| {actor_link(actor, source)} | " + " | ".join(str(tally[s]) for s in STANCES) + f" | {with_stance} |")
        out.append(
            "## Main actors\n\n| Actor | Supportive | Neutral | Critical | Briefings with a stance |\n"
            "|---|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n"
        )
    years = [*archive.years(), *(["undated"] if archive.undated() else [])]
    if years:
        lines = []
        for year in years:
            entries = _entries_of_year(archive, year)
            label = "Undated" if year == "undated" else year
            lines.append(f"- {link(label, stance_year_path(year), source)}: {plural(len(entries), 'briefing')}")
        out.append("## Briefings × main actors, by year\n\n" + "\n".join(lines) + "\n")
    else:
        out.append("No briefings yet.\n")
    return "\n".join(out)


def _entries_of_year(archive: Archive, year: str) -> list[Entry]:
    if year == "undated":
        return archive.undated()
    return [e for e in archive.entries if e.date and e.date.startswith(year)]


def stance_year_page(archive: Archive, year: str) -> str:
    """Briefings of ``year`` × the year's main actors, one stance per cell."""
    source = stance_year_path(year)
    entries = _entries_of_year(archive, year)
    label = "undated briefings" if year == "undated" else year
    actors = main_actors(archive, entries, STANCE_COLUMNS)
    out = [front_matter(f"Stance in {label}", hide=("navigation", "toc")), f"# Stance in {label}\n"]
    out.append(
        f"{plural(len(entries), 'briefing')}, newest first; columns are the "
        f"{plural(len(actors), 'actor')} most often given a stance. An empty cell means no stance recorded.\n"
    )
    head = "| Date | Briefing | " + " | ".join(actor_link(a, source) for a in actors) + " |"
    rule = "|---|---|" + "---|" * len(actors)
    rows = []
    for e in entries:
        cells = [cell(stance_mark(e.briefing.stance.get(a.name))) for a in actors]
        rows.append(f"| {e.date or 'undated'} | {entry_link(e, source)} | " + " | ".join(cells) + " |")
    out.append("\n".join([head, rule, *rows]) + "\n")
    return "\n".join(out)


def graph_threshold(counts: list[int], limit: int) -> int:
    """The least number of shared briefings k such that at most ``limit`` pairs have k or more."""
    least = 1
    while sum(1 for n in counts if n >= least) > limit:
        least += 1
    return least


def connections_page(archive: Archive) -> str:
    """Graph of the most-named actors and the pairs most often named together."""
    source = CONNECTIONS
    out = [front_matter("Connections"), "# Connections\n"]
    ranked = sorted(archive.mentions, key=lambda n: (-len(archive.mentions[n]), n))[:GRAPH_NODES]
    nodes = [(n, len(archive.mentions[n])) for n in ranked]
    chosen = set(ranked)
    candidates = sorted((a, b, n) for (a, b), n in archive.pairs.items() if a in chosen and b in chosen)
    least = graph_threshold([n for _, _, n in candidates], GRAPH_EDGES)
    edges = [e for e in candidates if e[2] >= least]
    if nodes:
        out.append(
            f"The {plural(len(nodes), 'most-named actor')}; a line joins two of them when they are named together in "
            f"at least {plural(least, 'briefing')} (thicker for more). Each actor's page ranks everyone it appears with.\n"
        )
    chart = charts.graph_svg(nodes, edges)
    if chart:
        out.append(chart)
    top = sorted(archive.pairs.items(), key=lambda item: (-item[1], item[0]))[:TOP_PAIRS]
    if top:
        rows = [
            f"| {actor_link(archive.actors[a], source)} | {actor_link(archive.actors[b], source)} | {n} |"
            for (a, b), n in top
        ]
        out.append(
            "## Pairs named together most often\n\n| Actor | Actor | Briefings together |\n|---|---|---:|\n"
            + "\n".join(rows) + "\n"
        )
    else:
        out.append("No briefings yet.\n")
    return "\n".join(out)


def data_page(archive: Archive) -> str:
    """The feed, the JSON export and their schemas."""
    source = DATA
    return "\n".join([
        front_matter("Data and feed"),
        "# Data and feed\n",
        f"- {link('Atom feed', FEED, source)} (`feed.xml`): the newest dated briefings, for feed readers.",
        f"- {link('JSON export', EXPORT, source)} (`briefings.json`): the metadata of all "
        f"{plural(len(archive.entries), 'briefing')} (front matter, file, page), newest first.",
        f"- {link('Schema of the export', EXPORT_SCHEMA, source)} (`schemas/briefings.schema.json`), which "
        f"refers to the {link('schema of briefing front matter', BRIEFING_SCHEMA, source)} "
        "(`schemas/briefing.schema.json`).",
        "",
        "Everything here is generated from `briefings/` and `registry/` each time the site is built.\n",
    ])


def home_include(archive: Archive, methodology: bool = False) -> str:
    """The generated part of the home page: counts, latest briefings and the ways in."""
    source = HOME
    entries = archive.entries
    dated = [e.date for e in entries if e.date]
    out = []
    if entries:
        span = f", dated {min(dated)} to {max(dated)}" if dated else ""
        out.append(
            f"**{plural(len(entries), 'briefing')}**{span}, naming "
            f"{plural(len(archive.actors), 'actor')}.\n"
        )
    else:
        out.append("No briefings yet: the pages fill in as briefings are added to `briefings/`.\n")
    if entries:
        out.append("## Latest briefings\n\n" + "\n".join(entry_line(e, source) for e in entries[:LATEST]) + "\n")

    ways = []
    years = [link(y, year_path(y), source) + f" ({len(_entries_of_year(archive, y))})" for y in archive.years()]
    if archive.undated():
        years.append(link("undated", year_path("undated"), source) + f" ({len(archive.undated())})")
    ways.append(f"- **By date:** {link('Timeline', TIMELINE, source)}" + (" · " + " · ".join(years) if years else ""))
    for kind, label in (("country", "country"), ("person", "person"), ("organisation", "organisation")):
        top = sorted(archive.of_kind(kind), key=lambda a: (-len(archive.mentions.get(a.name, [])), a.name))[:TOP_ON_HOME]
        index = link(f"all {len(archive.of_kind(kind))}", INDEXES[kind], source)
        shown = " ".join(actor_link(a, source, chip=True) for a in top)
        ways.append(f"- **By {label}:** {shown + ' · ' if shown else ''}{index}")
    ways.append(f"- **By stance:** {link('briefings × main actors', STANCE, source)}")
    ways.append(f"- **By connection:** {link('who appears with whom', CONNECTIONS, source)}")
    ways.append(
        f"- **Data:** {link('Atom feed', FEED, source)} · {link('briefings.json', EXPORT, source)} · "
        f"{link('schemas', DATA, source)}"
    )
    if methodology:
        ways.append(f"- **How it is made:** {link('Methodology', 'methodology.md', source)}")
    out.append("## Ways in\n\n" + "\n".join(ways) + "\n")
    out.append("Search (top of every page) finds briefings by any word of their text, and actors by any spelling.\n")
    return "\n".join(out)


def index_paths() -> dict[str, str]:
    """Docs-relative paths of the fixed generated pages (the nav points at these)."""
    return {
        "timeline": TIMELINE,
        "stance": STANCE,
        "connections": CONNECTIONS,
        "data": DATA,
        **{KIND_DIRS[k]: v for k, v in INDEXES.items() if k != "group"},
    }
