"""Markdown for every generated page: pure functions of the :class:`Archive`.

Paths are docs-relative (``generated/briefings/x.md``); each builder knows the
path of the page it writes and links relatively from it, so MkDocs validates
every link. Text from briefings and the registry goes through :mod:`.markup`.

No page grows with the archive: actor, year and stance pages show a summary
and the latest briefings, and the rest is paged (``PAGE_SIZE`` rows a page,
``<page>/1.md``, ``<page>/2.md``...), each page linked to its neighbours and
back to the page it belongs to. What search indexes is chosen here too:
briefings (title, actors, thesis, summary) and actors (names, every
spelling); lists and tables, which only repeat those, are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model import STANCES
from ..slugs import slugify
from . import charts
from .archive import KIND_DIRS, UNDATED, ActorInfo, Archive, Entry
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
# The feed and the export are written beside the pages, so any engine that renders docs/ ships them.
FEED = f"{GENERATED}/feed.xml"
EXPORT = f"{GENERATED}/briefings.json"
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
LATEST_ON_PAGE = 20  # latest briefings on an actor, year or stance page
PAGE_SIZE = 100  # rows on each page of a long list
PAGER_NEIGHBOURS = 2  # page numbers shown on each side of the current one
INDEX_INLINE = 100  # an index page lists all its actors itself up to this many, else pages them A–Z
TOP_ON_INDEX = 50  # most-named actors on a paged index page
TOP_ON_HOME = 12  # actors per kind on the home page
RELATED_BRIEFINGS = 5
RELATED_ACTORS = 15
LOCAL_ACTORS = 30  # people and organisations shown on a country's page
TOP_OF_YEAR = 15  # most-named actors on a year's page
STANCE_COLUMNS = 8  # main actors in a year's stance table
STANCE_TALLY_ROWS = 25
GRAPH_NODES = 20
GRAPH_EDGES = 90  # at most this many lines, so the graph stays readable
TOP_PAIRS = 30
NO_SEARCH = "exclude"  # front matter: leave the page out of the search index
SEARCH_EXCLUDE = "{ data-search-exclude }"  # attribute list: leave a section (heading) out of the search index

T = TypeVar("T")


def briefing_path(entry: Entry) -> str:
    return f"{GENERATED}/briefings/{entry.slug}.md"


def year_path(year: str) -> str:
    return f"{GENERATED}/timeline/{year}.md"


def stance_year_path(year: str) -> str:
    return f"{GENERATED}/stance/{year}.md"


def front_matter(
    title: str, *, boost: float | None = None, hide: tuple[str, ...] = (), search: bool = True
) -> str:
    """YAML front matter: an HTML-safe title, Material's search boost or exclusion, hidden sidebars."""
    lines = ["---", f"title: {yaml_string(title)}"]
    if not search:
        lines += ["search:", "  exclude: true"]
    elif boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    if hide:
        lines += ["hide:", *[f"  - {h}" for h in hide]]
    return "\n".join(lines) + "\n---\n\n"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def month_label(month: str) -> str:
    """``2023-05`` -> ``May 2023``."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def cell(value: str) -> str:
    """Escaped text for a table cell (never empty, so rows keep their shape)."""
    return value if value else " "


def _whole_year(window: tuple[str, str], year: str) -> bool:
    return window == (f"{year}-01-01", f"{year}-12-31")


def date_label(entry: Entry) -> str:
    """How a briefing's date reads in lists: ``2024-05-20``, ``c. May 2024``, ``2024``, ``c. 2024`` or ``undated``."""
    b = entry.briefing
    if not b.date:
        return "undated"
    if b.date_precision == "month":
        return f"c. {month_label(b.date[:7])}"
    if b.date_precision == "year":
        year = b.date[:4]
        return year if b.date_range and _whole_year(b.date_range, year) else f"c. {year}"
    return b.date


def date_fact(entry: Entry) -> str:
    """The briefing page's date line: the date as it reads, its window, and how it was found."""
    b = entry.briefing
    basis = BASIS_LABELS.get(b.date_basis, inline(b.date_basis))
    evidence = f": “{inline(b.date_evidence)}”" if b.date_evidence else ""
    window = ""
    if b.date_range:
        low, high = b.date_range
        window = f", between {_long_day(low)} and {_long_day(high)}"
    placed = f"; placed on the timeline at {b.date}" if b.date and b.date_precision in ("month", "year") else ""
    return f"- **Date:** {date_label(entry)} ({basis}{evidence}{window}{placed})"


def _long_day(day: str) -> str:
    try:
        value = dt.date.fromisoformat(day)
    except ValueError:
        return inline(day)
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


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
    return f"- {date_label(entry)} · {entry_link(entry, source)}{outlet}"


def chips(archive: Archive, names: Sequence[str], source: str) -> str:
    return " ".join(actor_link(archive.actors[n], source, chip=True) for n in names if n in archive.actors)


def unsearched(block: str) -> str:
    """A list item or paragraph left out of the search index (attribute list on the next line)."""
    return f"{block}\n{{: data-search-exclude }}"


def heading(level: int, label: str, anchor: str | None = None, *, searchable: bool = False) -> str:
    """A Markdown heading with an optional id; left out of search unless ``searchable``."""
    attrs = [f"#{anchor}"] if anchor else []
    if not searchable:
        attrs.append("data-search-exclude")
    suffix = " { " + " ".join(attrs) + " }" if attrs else ""
    return f"{'#' * level} {label}{suffix}\n"


# ---------------------------------------------------------------------------
# Long lists: fixed-size pages linked both ways


@dataclass(frozen=True)
class Listing:
    """``count`` rows on pages ``base/1.md``, ``base/2.md``..., each linked to its neighbours and to ``parent``."""

    base: str
    parent: str
    parent_label: str  # escaped Markdown
    title: str  # plain text; pages are titled "<title>, page N of M"
    count: int
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.size))

    def path(self, number: int) -> str:
        return f"{self.base}/{number}.md"

    def page_of(self, index: int) -> int:
        """The page showing row ``index`` (0-based)."""
        return index // self.size + 1

    def chunk(self, rows: Sequence[T], number: int) -> Sequence[T]:
        return rows[(number - 1) * self.size : number * self.size]


def pager(listing: Listing, number: int, source: str) -> str:
    """``Page 3 of 12: « 1 … 2 **3** 4 5 … 12 »`` with links to the neighbouring pages; the same size on every page."""
    last = listing.pages
    shown = range(max(1, number - PAGER_NEIGHBOURS), min(last, number + PAGER_NEIGHBOURS) + 1)
    parts = []
    if number > 1:
        parts.append(link("‹ newer", listing.path(number - 1), source))
    if shown[0] > 1:
        parts.append(link("1", listing.path(1), source) + (" …" if shown[0] > 2 else ""))
    for n in shown:
        parts.append(f"**{n}**" if n == number else link(str(n), listing.path(n), source))
    if shown[-1] < last:
        parts.append(("… " if shown[-1] < last - 1 else "") + link(str(last), listing.path(last), source))
    if number < last:
        parts.append(link("older ›", listing.path(number + 1), source))
    return f"Page {number} of {last}: " + " ".join(parts) + "\n"


@dataclass(frozen=True)
class Group:
    """Consecutive rows under one heading (a year, a month, a letter)."""

    anchor: str
    label: str


def grouped_blocks(rows: Sequence[T], group_of: Callable[[T], Group], render: Callable[[list[T]], str]) -> list[str]:
    """Rows under a heading each time their group changes (the heading repeats at the top of a page)."""
    blocks: list[str] = []
    current: Group | None = None
    batch: list[T] = []
    for row in rows:
        group = group_of(row)
        if group != current:
            if batch and current is not None:
                blocks.append(heading(2, current.label, current.anchor) + "\n" + render(batch))
            current, batch = group, []
        batch.append(row)
    if batch and current is not None:
        blocks.append(heading(2, current.label, current.anchor) + "\n" + render(batch))
    return blocks


def listing_pages(
    listing: Listing,
    rows: Sequence[T],
    group_of: Callable[[T], Group],
    render: Callable[[list[T], str], str],
    intro: str = "",
) -> dict[str, str]:
    """Every page of ``listing``: title, the way back, the pager, the grouped rows, the pager again."""
    out = {}
    for number in range(1, listing.pages + 1):
        source = listing.path(number)
        title = f"{listing.title}, page {number} of {listing.pages}"
        bar = pager(listing, number, source)
        back = f"Back to {link(listing.parent_label, listing.parent, source)}. {intro}".rstrip() + "\n"
        blocks = grouped_blocks(listing.chunk(rows, number), group_of, lambda batch: render(batch, source))
        out[source] = "\n".join(
            [front_matter(title, search=False), f"# {inline(title)}\n", back, bar, *blocks, bar]
        )
    return out


def group_anchor_pages(listing: Listing, rows: Sequence[T], group_of: Callable[[T], Group]) -> dict[str, tuple[str, int]]:
    """group anchor -> (the page where the group starts, rows in the group)."""
    found: dict[str, tuple[str, int]] = {}
    for index, row in enumerate(rows):
        anchor = group_of(row).anchor
        if anchor in found:
            found[anchor] = (found[anchor][0], found[anchor][1] + 1)
        else:
            found[anchor] = (listing.path(listing.page_of(index)), 1)
    return found


def year_group(entry: Entry) -> Group:
    return Group(entry.year, "Undated" if entry.year == UNDATED else entry.year)


def month_group(entry: Entry) -> Group:
    if not entry.date:
        return Group(UNDATED, "Undated")
    return Group(entry.date[:7], month_label(entry.date[:7]))


# ---------------------------------------------------------------------------
# Briefing page


def briefing_page(archive: Archive, entry: Entry, *, full_text_search: bool = False) -> str:
    """Title, date, source, actors, stance, thesis and summary (searched), then figures, quotes, text, related (not).

    ``full_text_search`` puts the article's text in the search index too (see docs/performance.md for its cost).
    """
    source = briefing_path(entry)
    b = entry.briefing
    out = [front_matter(b.title), f"# {inline(b.title)}\n"]

    # Searched: source and actors (with the title, thesis and summary below); not the date, stance, status.
    facts = [unsearched(date_fact(entry))]
    outlet = inline(b.source.outlet) if b.source.outlet else "unknown outlet"
    original = f" · {external_link('original article', b.source.url)}" if safe_url(b.source.url) else " (no link to the original)"
    facts.append(f"- **Source:** {outlet}{original}")
    for label, names in (("Countries", b.countries), ("People", b.people), ("Organisations", b.organisations)):
        if names:
            facts.append(f"- **{label}:** {chips(archive, names, source)}")
    if b.stance:
        badges = " ".join(stance_badge(archive.actors[n], s, source) for n, s in b.stance.items() if n in archive.actors)
        facts.append(unsearched(f"- **Stance:** {badges}"))
    status = "reviewed by a person" if b.reviewed else "machine draft, not yet reviewed by a person"
    facts.append(unsearched(f"- **Status:** {status} · file: {inline(entry.file)}"))
    out.append("\n".join(facts) + "\n")

    # Thesis and summary stay in the page's first section: one search result per briefing.
    if b.thesis:
        out.append(f"**Thesis:** {text(b.thesis)}\n{{ .ca-thesis }}\n")
    summary = b.summary or entry.body.summary
    if summary:
        out.append(f"**Summary:** {text(summary)}\n{{ .ca-summary }}\n")
    if entry.body.key_points:
        out.append(heading(2, "Key points") + "\n" + "\n".join(f"- {inline(p)}" for p in entry.body.key_points) + "\n")
    if entry.body.key_figures:
        figures = [
            f"- **{inline(f.value)}**: {inline(f.sentence)}" if f.value else f"- {inline(f.sentence)}"
            for f in entry.body.key_figures
        ]
        out.append(heading(2, "Key figures") + "\n" + "\n".join(figures) + "\n")
    if entry.body.quotes:
        blocks = []
        for quote in entry.body.quotes:
            speaker = f"\n>\n> — {inline(quote.speaker)}" if quote.speaker else ""
            blocks.append(f"> {inline(quote.text)}{speaker}\n")
        out.append(heading(2, "Quotes") + "\n" + "\n".join(blocks))
    if entry.body.article:
        out.append(heading(2, "Article", searchable=full_text_search) + f"\n{text(entry.body.article)}\n")

    related = archive.related_briefings(entry, RELATED_BRIEFINGS)
    if related:
        lines = []
        for other, shared in related:
            shared_names = ", ".join(inline(n) for n in shared)
            lines.append(f"{entry_line(other, source)} — {plural(len(shared), 'shared actor')}: {shared_names}")
        out.append(heading(2, "Related briefings") + "\nNear in time and naming the same actors.\n\n" + "\n".join(lines) + "\n")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Actor page


def actor_listing(archive: Archive, actor: ActorInfo) -> Listing:
    base = actor.page[: -len(".md")]
    count = archive.mention_count(actor.name)
    return Listing(base, actor.page, inline(actor.name), f"{actor.name}: briefings", count)


def _actor_rows(actor: ActorInfo) -> Callable[[list[Entry], str], str]:
    def render(entries: list[Entry], source: str) -> str:
        rows = [
            f"| {date_label(e)} | {entry_link(e, source)} | {cell(stance_mark(e.briefing.stance.get(actor.name)))} |"
            for e in entries
        ]
        return "| Date | Briefing | Stance |\n|---|---|---|\n" + "\n".join(rows) + "\n"

    return render


def stance_table(by_year: dict[str, dict[str, int]]) -> str:
    """Rows of years (newest first) with the stance counts and the total."""
    rows = []
    for year, tally in by_year.items():
        label = "undated" if year == UNDATED else year
        rows.append(f"| {label} | " + " | ".join(str(tally[s]) for s in [*STANCES, "none"]) + f" | {sum(tally.values())} |")
    head = "| Year | " + " | ".join(stance_mark(s) for s in STANCES) + " | no stance | Briefings |\n"
    return head + "|---|---:|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n"


def actor_page(archive: Archive, actor: ActorInfo) -> str:
    """Facts and spellings (searched), then counts, stance over time, related actors, the latest briefings."""
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
    dated = [e.date for e in entries if e.date]
    span = f", from {min(dated)} to {max(dated)}" if dated else ""
    facts.append(unsearched(f"- **Briefings:** {len(entries):,}{span}"))
    out.append("\n".join(facts) + "\n")

    tally = archive.stance_tally(actor.name)
    out.append(
        heading(2, "Stance tally") + "\nHow the briefings naming it treat it.\n\n"
        + "| " + " | ".join(stance_mark(s) for s in STANCES) + " | no stance recorded |\n"
        + "|---:|---:|---:|---:|\n"
        + "| " + " | ".join(str(tally[s]) for s in [*STANCES, "none"]) + " |\n"
    )
    by_year = archive.stance_by_year(actor.name)
    if len(by_year) > 1:
        out.append(heading(2, "Stance over time") + "\n" + stance_table(by_year))

    related = archive.related_actors(actor.name, RELATED_ACTORS)
    if related:
        rows = [f"| {actor_link(a, source)} | {KIND_LABELS[a.kind]} | {n:,} |" for a, n in related]
        out.append(
            heading(2, "Related actors") + "\nNamed in the same briefings, most often first.\n\n"
            "| Actor | Kind | Briefings together |\n|---|---|---:|\n" + "\n".join(rows) + "\n"
        )
    if actor.kind == "country":
        locals_ = archive.locals_of(actor.name)
        if locals_:
            more = len(locals_) - LOCAL_ACTORS
            shown = " ".join(actor_link(a, source, chip=True) for a in locals_[:LOCAL_ACTORS])
            note = f" and {plural(more, 'other')} (see the {link('people', INDEXES['person'], source)} and " \
                   f"{link('organisations', INDEXES['organisation'], source)} indexes)" if more > 0 else ""
            out.append(heading(2, f"People and organisations of {inline(actor.name)}") + "\n" + shown + note + "\n")

    listing = actor_listing(archive, actor)
    latest = entries[:LATEST_ON_PAGE]
    if len(entries) > LATEST_ON_PAGE:
        out.append(heading(2, "Latest briefings") + "\n" + _actor_rows(actor)(latest, source))
        years = group_anchor_pages(listing, entries, year_group)
        by_year_links = " · ".join(
            link("undated" if y == UNDATED else y, f"{page}#{y}", source) + f" ({n:,})" for y, (page, n) in years.items()
        )
        out.append(
            f"All {plural(len(entries), 'briefing')}, newest first, {PAGE_SIZE} a page: "
            f"{link('page 1', listing.path(1), source)} of {listing.pages}. By year: {by_year_links}\n"
        )
    elif entries:
        out.append(heading(2, "Briefings") + "\nNewest first.\n\n" + _actor_rows(actor)(latest, source))
    return "\n".join(out)


def actor_pages(archive: Archive, actor: ActorInfo) -> dict[str, str]:
    """The actor's page and, when it has more briefings than it shows, the pages listing them all."""
    out = {actor.page: actor_page(archive, actor)}
    entries = archive.mentions.get(actor.name, [])
    if len(entries) > LATEST_ON_PAGE:
        out |= listing_pages(actor_listing(archive, actor), entries, year_group, _actor_rows(actor))
    return out


# ---------------------------------------------------------------------------
# Index pages


def stance_counts(tally: dict[str, int]) -> str:
    """``2 supportive 1 critical``: the non-zero stance counts, styled like stance marks."""
    return " ".join(f"*{tally[s]:,} {s}*{{ .ca-count .ca-mark--{s} }}" for s in STANCES if tally[s])


INDEX_TITLES = {"country": "Countries", "person": "People", "organisation": "Organisations"}
INDEX_HEADS = {
    "country": "| Country | Briefings | Stance |\n|---|---:|---|\n",
    "person": "| Person | Country | Role | Briefings | Stance |\n|---|---|---|---:|---|\n",
    "organisation": "| Organisation | Kind | Country | Briefings | Stance |\n|---|---|---|---:|---|\n",
}


def _count_row(archive: Archive, actor: ActorInfo, source: str) -> str:
    extra = {
        "country": [],
        "person": [inline(actor.country or ""), inline(actor.role or "")],
        "organisation": [inline(actor.detail or ""), inline(actor.country or "")],
        "group": [plural(len(actor.members), "member")],
    }[actor.kind]
    cells = [actor_link(actor, source), *extra, f"{archive.mention_count(actor.name):,}",
             stance_counts(archive.stance_tally(actor.name))]
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def _index_rows(archive: Archive, kind: str) -> Callable[[list[ActorInfo], str], str]:
    def render(actors: list[ActorInfo], source: str) -> str:
        return INDEX_HEADS[kind] + "\n".join(_count_row(archive, a, source) for a in actors) + "\n"

    return render


def letter_group(actor: ActorInfo) -> Group:
    first = slugify(actor.name)[:1]
    letter = first if first.isalpha() else "0"
    return Group(letter, letter.upper() if letter != "0" else "0–9")


def _alphabetical(actors: list[ActorInfo]) -> list[ActorInfo]:
    return sorted(actors, key=lambda a: (letter_group(a).anchor, slugify(a.name), a.name))


def index_listing(kind: str, count: int) -> Listing:
    base = INDEXES[kind][: -len(".md")]
    return Listing(base, INDEXES[kind], INDEX_TITLES[kind], f"{INDEX_TITLES[kind]}, A–Z", count)


def actor_index_pages(archive: Archive, kind: str) -> dict[str, str]:
    """Countries, People or Organisations (with groups): every actor with its counts, paged A–Z when many."""
    source = INDEXES[kind]
    title = INDEX_TITLES[kind]
    actors = archive.of_kind(kind)
    out = [front_matter(title, search=False), f"# {title}\n"]
    out.append(
        f"{plural(len(actors), KIND_LABELS[kind], 'people' if kind == 'person' else None)} named in the archive, "
        "with the number of briefings naming each and the stances they take toward it.\n"
    )
    render = _index_rows(archive, kind)
    listing_files: dict[str, str] = {}
    if not actors:
        out.append("None yet.\n")
    elif len(actors) <= INDEX_INLINE:
        out.append(render(actors, source))
    else:
        top = sorted(actors, key=lambda a: (-archive.mention_count(a.name), a.name))[:TOP_ON_INDEX]
        ordered = _alphabetical(actors)
        listing = index_listing(kind, len(ordered))
        letters = group_anchor_pages(listing, ordered, letter_group)
        jumps = " · ".join(link(letter_group_label(anchor), f"{page}#{anchor}", source) for anchor, (page, _) in letters.items())
        out.append(f"A–Z, {PAGE_SIZE} a page: {jumps}\n")
        out.append(heading(2, "Most named") + "\n" + render(top, source))
        listing_files = listing_pages(listing, ordered, letter_group, render)
    if kind == "organisation":
        groups = archive.of_kind("group")
        if groups:
            out.append(
                heading(2, "Groups of states") + "\n| Group | Members | Briefings | Stance |\n|---|---|---:|---|\n"
                + "\n".join(_count_row(archive, g, source) for g in groups) + "\n"
            )
    return {source: "\n".join(out), **listing_files}


def letter_group_label(anchor: str) -> str:
    return "0–9" if anchor == "0" else anchor.upper()


# ---------------------------------------------------------------------------
# Timeline


def timeline_page(archive: Archive) -> str:
    """Chart of briefings per month, then each year with its months."""
    source = TIMELINE
    out = [front_matter("Timeline", search=False), "# Timeline\n"]
    grouped = archive.timeline()
    undated = archive.undated()
    out.append(
        f"{plural(len(archive.entries), 'briefing')} by publication date"
        + (f", {len(undated):,} undated" if undated else "")
        + ". Dates come with a basis (stated, derived, event); a date known only to the month or the year "
        "(“c. May 2024”, “2024”) is placed at the day the briefing gives. See each briefing.\n"
    )
    chart = charts.timeline_svg(archive.month_counts())
    if chart:
        out.append(chart)
    rows = []
    for year in archive.years():
        anchors = month_anchors(archive, year)
        spans = " · ".join(
            f"{link(MONTH_NAMES[int(m[5:7]) - 1], f'{page}#{m}', source)} ({n:,})" for m, (page, n) in anchors.items()
        )
        rows.append(f"| {link(year, year_path(year), source)} | {len(archive.by_year[year]):,} | {spans} |")
    if undated:
        rows.append(f"| {link('Undated', year_path(UNDATED), source)} | {len(undated):,} | |")
    if rows:
        out.append("| Year | Briefings | Months |\n|---|---:|---|\n" + "\n".join(rows) + "\n")
    else:
        out.append("No briefings yet.\n")
    return "\n".join(out)


def year_listing(archive: Archive, year: str) -> Listing:
    label = "Undated briefings" if year == UNDATED else f"Briefings of {year}"
    return Listing(year_path(year)[: -len(".md")], year_path(year), inline(label), label, len(archive.by_year.get(year, [])))


def month_anchors(archive: Archive, year: str) -> dict[str, tuple[str, int]]:
    """month -> (the page where its briefings start, how many): the year's page itself, or one of its list pages."""
    entries = archive.by_year.get(year, [])
    if len(entries) > LATEST_ON_PAGE:
        return group_anchor_pages(year_listing(archive, year), entries, month_group)
    return {g: (year_path(year), n) for g, n in Counter(month_group(e).anchor for e in entries).items()}


def _entry_lines(entries: list[Entry], source: str) -> str:
    return "\n".join(entry_line(e, source) for e in entries) + "\n"


def top_actors(archive: Archive, entries: Sequence[Entry], limit: int) -> list[tuple[ActorInfo, int]]:
    """The actors ``entries`` name most often (ties by name)."""
    counts = Counter(name for e in entries for name in e.actor_names() if name in archive.actors)
    ranked = sorted(counts, key=lambda n: (-counts[n], n))[:limit]
    return [(archive.actors[n], counts[n]) for n in ranked]


def year_pages(archive: Archive, year: str) -> dict[str, str]:
    """A year (or the undated briefings): counts by month, most-named actors, the latest briefings; then every one, paged."""
    source = year_path(year)
    entries = archive.by_year.get(year, [])
    listing = year_listing(archive, year)
    title = "Undated briefings" if year == UNDATED else f"Briefings of {year}"
    out = [front_matter(title, search=False), f"# {title}\n"]
    what = "Briefings whose text gives no date" if year == UNDATED else "Briefings published in the year"
    out.append(f"{what}: {plural(len(entries), 'briefing')}, newest first.\n")
    if year != UNDATED:
        anchors = month_anchors(archive, year)
        rows = [f"| {link(month_label(m), f'{page}#{m}', source)} | {n:,} |" for m, (page, n) in anchors.items()]
        out.append(heading(2, "Months") + "\n| Month | Briefings |\n|---|---:|\n" + "\n".join(rows) + "\n")
    top = top_actors(archive, entries, TOP_OF_YEAR)
    if top:
        out.append(heading(2, "Most named") + "\n" + " ".join(
            actor_link(a, source, chip=True) + f" {n:,}" for a, n in top) + "\n")
    if len(entries) > LATEST_ON_PAGE:
        out.append(heading(2, "Latest") + "\n" + _entry_lines(entries[:LATEST_ON_PAGE], source))
        out.append(f"All {plural(len(entries), 'briefing')}, {PAGE_SIZE} a page, by month: "
                   f"{link('page 1', listing.path(1), source)} of {listing.pages}.\n")
        return {source: "\n".join(out), **listing_pages(listing, entries, month_group, _entry_lines)}
    out += grouped_blocks(entries, month_group, lambda batch: _entry_lines(batch, source))
    return {source: "\n".join(out)}


# ---------------------------------------------------------------------------
# Stance


def main_actors(archive: Archive, entries: Sequence[Entry], limit: int) -> list[ActorInfo]:
    """The actors most often given a stance in ``entries`` (ties by name)."""
    counts = Counter(name for e in entries for name in e.briefing.stance if name in archive.actors)
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    return [archive.actors[n] for n in ranked[:limit]]


def stance_page(archive: Archive) -> str:
    """Stance tally of the main actors, and the briefings × main actors tables by year."""
    source = STANCE
    out = [front_matter("Stance", search=False), "# Stance\n"]
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
            rows.append(f"| {actor_link(actor, source)} | " + " | ".join(f"{tally[s]:,}" for s in STANCES) + f" | {with_stance:,} |")
        out.append(
            "## Main actors\n\n| Actor | Supportive | Neutral | Critical | Briefings with a stance |\n"
            "|---|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n"
        )
    years = list(archive.by_year)
    if years:
        lines = []
        for year in years:
            label = "Undated" if year == UNDATED else year
            lines.append(f"- {link(label, stance_year_path(year), source)}: {plural(len(archive.by_year[year]), 'briefing')}")
        out.append("## Briefings × main actors, by year\n\n" + "\n".join(lines) + "\n")
    else:
        out.append("No briefings yet.\n")
    return "\n".join(out)


def _stance_rows(actors: list[ActorInfo]) -> Callable[[list[Entry], str], str]:
    def render(entries: list[Entry], source: str) -> str:
        head = "| Date | Briefing | " + " | ".join(actor_link(a, source) for a in actors) + " |"
        rule = "|---|---|" + "---|" * len(actors)
        rows = []
        for e in entries:
            cells = [cell(stance_mark(e.briefing.stance.get(a.name))) for a in actors]
            rows.append(f"| {date_label(e)} | {entry_link(e, source)} | " + " | ".join(cells) + " |")
        return "\n".join([head, rule, *rows]) + "\n"

    return render


def stance_year_pages(archive: Archive, year: str) -> dict[str, str]:
    """A year's main actors: their stance counts, then the latest briefings × actors; every briefing on paged tables."""
    source = stance_year_path(year)
    entries = archive.by_year.get(year, [])
    label = "undated briefings" if year == UNDATED else year
    actors = main_actors(archive, entries, STANCE_COLUMNS)
    title = f"Stance in {label}"
    out = [front_matter(title, hide=("navigation", "toc"), search=False), f"# {title}\n"]
    out.append(
        f"{plural(len(entries), 'briefing')}, newest first; columns are the "
        f"{plural(len(actors), 'actor')} most often given a stance. An empty cell means no stance recorded.\n"
    )
    if actors:
        rows = []
        for actor in actors:
            tally = Counter(e.briefing.stance.get(actor.name) for e in entries)
            rows.append(f"| {actor_link(actor, source)} | " + " | ".join(f"{tally[s]:,}" for s in STANCES) + " |")
        out.append(heading(2, "Counts") + "\n| Actor | Supportive | Neutral | Critical |\n|---|---:|---:|---:|\n"
                   + "\n".join(rows) + "\n")
    render = _stance_rows(actors)
    if len(entries) <= LATEST_ON_PAGE:
        out.append(render(entries, source))
        return {source: "\n".join(out)}
    listing = Listing(source[: -len(".md")], source, inline(title), title, len(entries))
    anchors = group_anchor_pages(listing, entries, month_group)
    months = " · ".join(link(g, f"{page}#{g}", source) + f" ({n:,})" for g, (page, n) in anchors.items())
    out.append(heading(2, "Latest") + "\n" + render(entries[:LATEST_ON_PAGE], source))
    out.append(f"All {plural(len(entries), 'briefing')}, {PAGE_SIZE} a page: "
               f"{link('page 1', listing.path(1), source)} of {listing.pages}. By month: {months}\n")
    return {source: "\n".join(out), **listing_pages(listing, entries, month_group, render)}


# ---------------------------------------------------------------------------
# Connections, data, home


def graph_threshold(counts: list[int], limit: int) -> int:
    """The least number of shared briefings k such that at most ``limit`` pairs have k or more."""
    least = 1
    while sum(1 for n in counts if n >= least) > limit:
        least += 1
    return least


def connections_page(archive: Archive) -> str:
    """Graph of the most-named actors and the pairs most often named together."""
    source = CONNECTIONS
    out = [front_matter("Connections", search=False), "# Connections\n"]
    ranked = sorted(archive.mentions, key=lambda n: (-archive.mention_count(n), n))[:GRAPH_NODES]
    nodes = [(n, archive.mention_count(n)) for n in ranked]
    candidates = sorted((a, b, n) for (a, b), n in archive.pairs_among(ranked).items())
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
    top = archive.top_pairs(TOP_PAIRS)
    if top:
        rows = [
            f"| {actor_link(archive.actors[a], source)} | {actor_link(archive.actors[b], source)} | {n:,} |"
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
    years = [link(y, year_path(y), source) + f" ({len(archive.by_year[y]):,})" for y in archive.years()]
    if archive.undated():
        years.append(link("undated", year_path(UNDATED), source) + f" ({len(archive.undated()):,})")
    ways.append(f"- **By date:** {link('Timeline', TIMELINE, source)}" + (" · " + " · ".join(years) if years else ""))
    for kind, label in (("country", "country"), ("person", "person"), ("organisation", "organisation")):
        of_kind = archive.of_kind(kind)
        top = sorted(of_kind, key=lambda a: (-archive.mention_count(a.name), a.name))[:TOP_ON_HOME]
        index = link(f"all {len(of_kind):,}", INDEXES[kind], source)
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
    out.append(
        "Search (top of every page) finds briefings by their title, actors, thesis and summary, "
        "and actors by any spelling.\n"
    )
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
