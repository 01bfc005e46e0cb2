"""The archive as the site sees it: briefings, actors and how they connect.

:func:`build_archive` is pure: validated briefings and a registry in, an
:class:`Archive` out (entries newest first, an actor for every name any
briefing uses, mention and co-occurrence indexes). :func:`load_archive` reads
the files and raises :class:`~scripts.problems.ProblemsError` listing every
problem when a briefing or the registry is invalid.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..model import Briefing, Figure, Quote
from ..problems import ProblemsError
from ..registry import Registry, load_registry
from ..slugs import slugify

KIND_DIRS: dict[str, str] = {
    "country": "countries",
    "person": "people",
    "organisation": "organisations",
    "group": "groups",
}
# Which list of a briefing names an actor of each kind.
LIST_KINDS: tuple[tuple[str, str], ...] = (("countries", "country"), ("people", "person"), ("organisations", "organisation"))
RESERVED_SLUGS = frozenset({"index"})


@dataclass(frozen=True)
class BodyParts:
    """The sections of a briefing's Markdown body, as plain (unescaped) text."""

    summary: str = ""
    key_points: tuple[str, ...] = ()
    key_figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    article: str = ""


@dataclass(frozen=True)
class Entry:
    """One briefing in the archive."""

    slug: str
    file: str  # e.g. briefings/2023-05-20-x.md
    briefing: Briefing
    body: BodyParts

    @property
    def date(self) -> str | None:
        return self.briefing.date

    @property
    def title(self) -> str:
        return self.briefing.title

    def actor_names(self) -> list[str]:
        """Every actor the briefing names, in list order, then stance-only names."""
        names = [*self.briefing.countries, *self.briefing.people, *self.briefing.organisations]
        names += [n for n in self.briefing.stance if n not in names]
        return list(dict.fromkeys(names))


@dataclass(frozen=True)
class ActorInfo:
    """An actor that has a page: from the registry, or vouched for as unregistered."""

    name: str
    kind: str  # country | person | organisation | group
    slug: str
    registered: bool
    country: str | None = None
    role: str | None = None
    roles: tuple[str, ...] = ()  # "title (start–end)", oldest first
    detail: str | None = None  # person category, organisation kind, ISO code
    spellings: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    note: str | None = None

    @property
    def page(self) -> str:
        """The docs-relative path of the actor's page."""
        return f"generated/{KIND_DIRS[self.kind]}/{self.slug}.md"


@dataclass
class Archive:
    entries: list[Entry]  # newest first, undated last
    actors: dict[str, ActorInfo]  # sorted by name
    mentions: dict[str, list[Entry]] = field(default_factory=dict)  # actor -> entries, newest first
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)  # (a, b) with a < b -> briefings
    neighbours: dict[str, Counter[str]] = field(default_factory=dict)  # actor -> co-named actor -> briefings

    def by_slug(self, slug: str) -> Entry:
        return next(e for e in self.entries if e.slug == slug)

    def of_kind(self, kind: str) -> list[ActorInfo]:
        return [a for a in self.actors.values() if a.kind == kind]

    def together(self, a: str, b: str) -> int:
        return self.pairs.get((a, b) if a < b else (b, a), 0)

    def related_actors(self, name: str, limit: int | None = None) -> list[tuple[ActorInfo, int]]:
        """Actors named in the same briefings as ``name``: most shared briefings first, then by name."""
        counts = [(self.actors[other], n) for other, n in self.neighbours.get(name, Counter()).items()]
        counts.sort(key=lambda item: (-item[1], item[0].name))
        return counts[:limit] if limit is not None else counts

    def related_briefings(self, entry: Entry, limit: int | None = 5) -> list[tuple[Entry, list[str]]]:
        """Other briefings sharing actors with ``entry``: most shared first, then newest, with the shared names."""
        mine = entry.actor_names()
        shared: dict[str, list[str]] = defaultdict(list)
        for name in mine:
            for other in self.mentions.get(name, []):
                if other.slug != entry.slug:
                    shared[other.slug].append(name)
        order = {e.slug: i for i, e in enumerate(self.entries)}
        ranked = sorted(shared, key=lambda slug: (-len(shared[slug]), order[slug]))
        result = [(self.entries[order[slug]], shared[slug]) for slug in ranked]
        return result[:limit] if limit is not None else result

    def stance_tally(self, name: str) -> dict[str, int]:
        """How many briefings are supportive / neutral / critical toward ``name``, and how many take no stance."""
        tally = {"supportive": 0, "neutral": 0, "critical": 0, "none": 0}
        for entry in self.mentions.get(name, []):
            tally[entry.briefing.stance.get(name, "none")] += 1
        return tally

    def years(self) -> list[str]:
        """Years with dated briefings, newest first."""
        return sorted({e.date[:4] for e in self.entries if e.date}, reverse=True)

    def undated(self) -> list[Entry]:
        return [e for e in self.entries if not e.date]

    def timeline(self) -> dict[str, dict[str, list[Entry]]]:
        """year -> month (YYYY-MM) -> entries, all newest first."""
        grouped: dict[str, dict[str, list[Entry]]] = {}
        for entry in self.entries:
            if entry.date:
                grouped.setdefault(entry.date[:4], {}).setdefault(entry.date[:7], []).append(entry)
        return grouped

    def month_counts(self) -> list[tuple[str, int]]:
        """(YYYY-MM, briefings) for every month from the first to the last dated briefing."""
        months = Counter(e.date[:7] for e in self.entries if e.date)
        if not months:
            return []
        first, last = min(months), max(months)
        year, month = int(first[:4]), int(first[5:7])
        out = []
        while f"{year:04d}-{month:02d}" <= last:
            key = f"{year:04d}-{month:02d}"
            out.append((key, months.get(key, 0)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


# ---------------------------------------------------------------------------
# Body


_SECTION = re.compile(r"^## +(.+?) *$", re.MULTILINE)
_FIGURE = re.compile(r"^\*\*(.+?)\*\*: ?(.*)$")


def parse_body(body: str) -> BodyParts:
    """Split a briefing body (as written by ``write.render_body``) into its parts.

    The body is Markdown whose text was HTML-escaped when drafted; it is
    unescaped here, and escaped again when a page is written, so text typed
    by hand (raw ``<script>`` included) and drafted text end up the same.
    """
    sections: dict[str, str] = {}
    matches = list(_SECTION.finditer(body))
    for match, following in zip(matches, [*matches[1:], None]):
        end = following.start() if following else len(body)
        sections[match.group(1).strip().lower()] = body[match.end() : end].strip("\n")
    if not matches:
        sections["article"] = body
    summary = _plain(sections.get("summary", ""))
    return BodyParts(
        summary="" if summary == "(none)" else summary,
        key_points=tuple(_plain(item) for item in _list_items(sections.get("key points", ""))),
        key_figures=tuple(_figure(item) for item in _list_items(sections.get("key figures", ""))),
        quotes=tuple(_quotes(sections.get("quotes", ""))),
        article=_plain(sections.get("article", "")),
    )


def body_parts(briefing: Briefing) -> BodyParts:
    """The parts of a briefing: its model fields when set (built in memory), else its parsed body (read from a file)."""
    parsed = parse_body(briefing.text)
    return BodyParts(
        summary=parsed.summary,
        key_points=tuple(briefing.key_points) or parsed.key_points,
        key_figures=tuple(briefing.key_figures) or parsed.key_figures,
        quotes=tuple(briefing.quotes) or parsed.quotes,
        article=parsed.article,
    )


def _plain(markdown_text: str) -> str:
    return html.unescape(markdown_text.strip())


def _list_items(section: str) -> list[str]:
    items: list[str] = []
    for line in section.splitlines():
        if re.match(r"^[-*] ", line):
            items.append(line[2:].strip())
        elif line.strip() and items:
            items[-1] += " " + line.strip()
    return items


def _figure(item: str) -> Figure:
    match = _FIGURE.match(item)
    if match:
        return Figure(value=_plain(match.group(1)), sentence=_plain(match.group(2)))
    return Figure(value="", sentence=_plain(item))


def _quotes(section: str) -> list[Quote]:
    quotes: list[Quote] = []
    for block in re.split(r"\n\s*\n", section):
        lines = [re.sub(r"^> ?", "", line) for line in block.strip().splitlines()]
        lines = [line for line in lines if line.strip()]
        if not lines:
            continue
        speaker = None
        if lines[-1].startswith("— ") and len(lines) > 1:
            speaker = _plain(lines.pop()[2:])
        quotes.append(Quote(text=_plain(" ".join(lines)), speaker=speaker))
    return quotes


# ---------------------------------------------------------------------------
# Building


def _role_text(title: str, start: str | None, end: str | None) -> str:
    if start or end:
        return f"{title} ({start or '?'}–{end or ''})"
    return title


def actor_info(name: str, registry: Registry, unregistered: dict[str, tuple[str, str | None, str | None]], fallback_kind: str) -> ActorInfo:
    """An :class:`ActorInfo` for ``name`` (without its slug, set later)."""
    actor = registry.get(name)
    if actor is not None:
        detail = {"person": actor.category, "organisation": actor.org_kind, "country": actor.iso}.get(actor.kind)
        return ActorInfo(
            name=actor.name,
            kind=actor.kind,
            slug="",
            registered=True,
            country=actor.country,
            role=actor.role,
            roles=tuple(_role_text(r.title, r.start, r.end) for r in actor.roles),
            detail=detail,
            spellings=actor.spellings,
            members=actor.members,
        )
    kind, country, note = unregistered.get(name, (fallback_kind, None, None))
    return ActorInfo(
        name=name,
        kind=kind if kind in KIND_DIRS else fallback_kind,
        slug="",
        registered=False,
        country=country,
        spellings=(name,),
        note=note,
    )


def entry_slugs(files: Iterable[str]) -> dict[str, str]:
    """file -> unique safe slug made from its file name (sorted, ``-2``... on collisions)."""
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for file in sorted(files):
        slugs[file] = _unique(slugify(Path(file).stem, max_length=100), used)
    return slugs


def _unique(base: str, used: set[str]) -> str:
    slug, n = base, 1
    while slug in used or slug in RESERVED_SLUGS:
        n += 1
        slug = f"{base}-{n}"
    used.add(slug)
    return slug


def _newest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries newest first, then undated; ties by slug (descending, like dates)."""
    return sorted(entries, key=lambda e: (e.date or "", e.slug), reverse=True)


def build_archive(briefings: Iterable[tuple[str, Briefing]], registry: Registry) -> Archive:
    """The archive of ``(file, briefing)`` pairs; names resolved against ``registry``."""
    pairs_in = sorted(briefings, key=lambda item: item[0])
    slugs = entry_slugs(file for file, _ in pairs_in)
    entries = _newest_first(
        [Entry(slugs[file], file, briefing, body_parts(briefing)) for file, briefing in pairs_in]
    )

    # Kind of each name: registry first, else the first briefing (by file) that vouches for it.
    unregistered: dict[str, tuple[str, str | None, str | None]] = {}
    fallback: dict[str, str] = {}
    for _, briefing in pairs_in:
        for u in briefing.unregistered:
            unregistered.setdefault(u.name, (u.kind, u.country, u.note))
        for list_name, kind in LIST_KINDS:
            for name in getattr(briefing, list_name):
                fallback.setdefault(name, kind)
        for name in briefing.stance:
            fallback.setdefault(name, "organisation")

    infos = [actor_info(name, registry, unregistered, fallback[name]) for name in sorted(fallback)]
    used: dict[str, set[str]] = defaultdict(set)
    actors: dict[str, ActorInfo] = {}
    for info in infos:
        slug = _unique(slugify(info.name), used[info.kind])
        actors[info.name] = ActorInfo(**{**vars(info), "slug": slug})

    mentions: dict[str, list[Entry]] = defaultdict(list)
    pairs: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        names = entry.actor_names()
        for name in names:
            mentions[name].append(entry)
        for a, b in combinations(sorted(names), 2):
            pairs[(a, b)] += 1
    neighbours: dict[str, Counter[str]] = defaultdict(Counter)
    for (a, b), n in pairs.items():
        neighbours[a][b] = n
        neighbours[b][a] = n
    return Archive(
        entries=entries,
        actors=actors,
        mentions=dict(sorted(mentions.items())),
        pairs=pairs,
        neighbours=dict(neighbours),
    )


def load_archive(briefings_dir: Path, registry_dir: Path, root: Path) -> Archive:
    """Read and validate the registry and every briefing; raise ProblemsError listing all problems."""
    from .. import paths
    from ..validate import validate_all

    registry = load_registry(registry_dir)  # raises ProblemsError itself
    good, problems = validate_all(briefings_dir, registry, root=root)
    if problems:
        raise ProblemsError(problems)
    return build_archive([(_display_path(path, root, paths.relative), b) for path, b in good], registry)


def _display_path(path: Path, root: Path, fallback) -> str:  # type: ignore[no-untyped-def]
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return fallback(path)
