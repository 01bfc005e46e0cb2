"""The archive as the site sees it: briefings, actors and how they connect.

:func:`build_archive` is pure: validated briefings and a registry in, an
:class:`Archive` out (entries newest first, an actor for every name any
briefing uses, mention and co-occurrence indexes). :func:`load_archive` reads
the files and raises :class:`~scripts.problems.ProblemsError` listing every
problem when a briefing or the registry is invalid.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from bisect import bisect_left
from pathlib import Path

from ..briefing import BodyParts
from ..model import Briefing
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
UNDATED = "undated"
PAIRED_PER_LIST = 10  # names per list (and stance-only names) that co-occurrence counts
RELATED_WINDOW = 10  # per shared actor, briefings nearest in time on each side considered related


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

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else UNDATED

    def actor_names(self) -> list[str]:
        """Every actor the briefing names, in list order, then stance-only names."""
        names = [*self.briefing.countries, *self.briefing.people, *self.briefing.organisations]
        names += [n for n in self.briefing.stance if n not in names]
        return list(dict.fromkeys(names))

    def paired_names(self) -> tuple[str, ...]:
        """The names co-occurrence counts: the first ``PAIRED_PER_LIST`` of each list and of stance-only names."""
        return self._paired

    @cached_property
    def _paired(self) -> tuple[str, ...]:
        b = self.briefing
        listed = {*b.countries, *b.people, *b.organisations}
        stance_only = [n for n in b.stance if n not in listed]
        lists = (b.countries, b.people, b.organisations, stance_only)
        return tuple(dict.fromkeys(name for names in lists for name in names[:PAIRED_PER_LIST]))


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
    """The archive and its indexes; every index is built in one pass over the briefings.

    Co-occurrence is counted from each briefing's first ``PAIRED_PER_LIST``
    countries, people and organisations (and as many stance-only names), so a
    briefing naming thousands of actors costs no more than one naming forty.
    """

    entries: list[Entry]  # newest first, undated last
    actors: dict[str, ActorInfo]  # sorted by name
    mentions: dict[str, list[Entry]] = field(default_factory=dict)  # actor -> entries, newest first
    by_year: dict[str, list[Entry]] = field(default_factory=dict)  # "2024" or "undated" -> entries, newest first
    _rank: dict[str, int] = field(default_factory=dict)  # slug -> position in entries
    _memo: dict[object, object] = field(default_factory=dict)

    def by_slug(self, slug: str) -> Entry:
        return self.entries[self._rank[slug]]

    def of_kind(self, kind: str) -> list[ActorInfo]:
        return [a for a in self.actors.values() if a.kind == kind]

    def locals_of(self, country: str) -> list[ActorInfo]:
        """People and organisations of ``country``, most named first (grouped once for all countries)."""
        if "locals" not in self._memo:
            grouped: dict[str, list[ActorInfo]] = defaultdict(list)
            for actor in self.actors.values():
                if actor.country and actor.kind in ("person", "organisation"):
                    grouped[actor.country].append(actor)
            for actors in grouped.values():
                actors.sort(key=lambda a: (-self.mention_count(a.name), a.name))
            self._memo["locals"] = grouped
        return self._memo["locals"].get(country, [])  # type: ignore[attr-defined]

    def mention_count(self, name: str) -> int:
        return len(self.mentions.get(name, ()))

    def _neighbours(self, name: str) -> Counter[str]:
        """Co-named actor -> briefings naming both (from each briefing's paired names); not kept, to keep memory small."""
        counts: Counter[str] = Counter()
        for entry in self.mentions.get(name, []):
            paired = entry.paired_names()
            if name in paired:
                counts.update(paired)
        counts.pop(name, None)
        return counts

    def together(self, a: str, b: str) -> int:
        return self._neighbours(a).get(b, 0)

    def related_actors(self, name: str, limit: int | None = None) -> list[tuple[ActorInfo, int]]:
        """Actors named in the same briefings as ``name``: most shared briefings first, then by name."""
        counts = [(self.actors[other], n) for other, n in self._neighbours(name).items()]
        counts.sort(key=lambda item: (-item[1], item[0].name))
        return counts[:limit] if limit is not None else counts

    def pairs_among(self, names: Iterable[str]) -> Counter[tuple[str, str]]:
        """(a, b) with a < b, both in ``names`` -> briefings naming both (one pass over the briefings)."""
        chosen = set(names)
        pairs: Counter[tuple[str, str]] = Counter()
        for entry in self.entries:
            present = sorted(n for n in entry.paired_names() if n in chosen)
            for i, a in enumerate(present):
                for b in present[i + 1 :]:
                    pairs[(a, b)] += 1
        return pairs

    def top_pairs(self, limit: int) -> list[tuple[tuple[str, str], int]]:
        """The ``limit`` pairs named together most often (ties by names), exactly.

        A pair named together n times has both actors named at least n times,
        so pairs among the most-named actors suffice once the last pair kept
        is named together at least as often as the first actor left out.
        """
        ranked = sorted(self.mentions, key=lambda n: (-self.mention_count(n), n))
        size = 2 * limit
        while True:
            pairs = sorted(self.pairs_among(ranked[:size]).items(), key=lambda item: (-item[1], item[0]))[:limit]
            left_out = self.mention_count(ranked[size]) if size < len(ranked) else 0
            if size >= len(ranked) or (len(pairs) == limit and pairs[-1][1] > left_out):
                return pairs
            size *= 2

    def related_briefings(self, entry: Entry, limit: int | None = 5) -> list[tuple[Entry, list[str]]]:
        """Briefings near in time sharing actors with ``entry``: most shared actors first, then nearest, then newest.

        For each actor, only the ``RELATED_WINDOW`` briefings nearest in time on
        either side are candidates, so the cost does not grow with the archive.
        """
        mine = entry.paired_names()
        rank = self._rank[entry.slug]
        shared: dict[int, list[str]] = defaultdict(list)
        for name in mine:
            ranks = self._ranks(name)
            at = bisect_left(ranks, rank)
            for other in ranks[max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1]:
                if other != rank:
                    shared[other].append(name)
        keyed = [(-len(names), abs(other - rank), other) for other, names in shared.items()]
        ordered = heapq.nsmallest(limit, keyed) if limit is not None else sorted(keyed)
        return [(self.entries[other], shared[other]) for _, _, other in ordered]

    def _ranks(self, name: str) -> list[int]:
        key = ("ranks", name)
        if key not in self._memo:
            self._memo[key] = [self._rank[e.slug] for e in self.mentions.get(name, [])]
        return self._memo[key]  # type: ignore[return-value]

    def stance_tally(self, name: str) -> dict[str, int]:
        """How many briefings are supportive / neutral / critical toward ``name``, and how many take no stance."""
        key = ("tally", name)
        if key not in self._memo:
            tally = {"supportive": 0, "neutral": 0, "critical": 0, "none": 0}
            for entry in self.mentions.get(name, []):
                tally[entry.briefing.stance.get(name, "none")] += 1
            self._memo[key] = tally
        return dict(self._memo[key])  # type: ignore[call-overload]

    def stance_by_year(self, name: str) -> dict[str, dict[str, int]]:
        """year (or "undated") -> stance tally of ``name`` in that year's briefings, newest year first."""
        out: dict[str, dict[str, int]] = {}
        for entry in self.mentions.get(name, []):
            tally = out.setdefault(entry.year, {"supportive": 0, "neutral": 0, "critical": 0, "none": 0})
            tally[entry.briefing.stance.get(name, "none")] += 1
        return out

    def years(self) -> list[str]:
        """Years with dated briefings, newest first."""
        return [y for y in self.by_year if y != UNDATED]

    def undated(self) -> list[Entry]:
        return self.by_year.get(UNDATED, [])

    def timeline(self) -> dict[str, dict[str, list[Entry]]]:
        """year -> month (YYYY-MM) -> entries, all newest first."""
        grouped: dict[str, dict[str, list[Entry]]] = {}
        for year in self.years():
            for entry in self.by_year[year]:
                grouped.setdefault(year, {}).setdefault(entry.date[:7], []).append(entry)  # type: ignore[index]
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


def body_parts(briefing: Briefing) -> BodyParts:
    """The parts of a briefing's body, from the model (filled when its file was read)."""
    return BodyParts(
        summary=briefing.summary,
        key_points=tuple(briefing.key_points),
        key_figures=tuple(briefing.key_figures),
        quotes=tuple(briefing.quotes),
        article=briefing.text,
    )


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
    by_year: dict[str, list[Entry]] = {}
    for entry in entries:
        for name in entry.actor_names():
            mentions[name].append(entry)
        by_year.setdefault(entry.year, []).append(entry)
    return Archive(
        entries=entries,
        actors=actors,
        mentions=dict(sorted(mentions.items())),
        by_year=by_year,
        _rank={e.slug: i for i, e in enumerate(entries)},
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
