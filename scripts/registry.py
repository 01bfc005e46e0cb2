"""The registry of actors (countries, people, organisations, groups), kept as YAML.

Files in ``registry/`` (see ``registry/README.md`` for the format):

* ``countries.yaml``: name, iso, aliases, demonyms, metonyms (capitals, seats of power)
* ``people.yaml``: name, country, category, roles, aliases, short
* ``organisations.yaml``: name, kind, country, acronyms, aliases
* ``groups.yaml``: name, members, aliases (e.g. "Central Asian states")
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import paths, schemas, yamlio
from .problems import Problem, ProblemsError
from .suggest import closest_many

ACTOR_FILES: dict[str, str] = {
    "country": "countries.yaml",
    "person": "people.yaml",
    "organisation": "organisations.yaml",
    "group": "groups.yaml",
}
# Fields holding alternative surface forms, per kind.
FORM_FIELDS: dict[str, tuple[str, ...]] = {
    "country": ("aliases", "demonyms", "metonyms"),
    "person": ("aliases", "short"),
    "organisation": ("acronyms", "aliases"),
    "group": ("aliases",),
}
SCHEMA_OF_KIND: dict[str, str] = {kind: f"registry-{filename.removesuffix('.yaml')}" for kind, filename in ACTOR_FILES.items()}
INSTITUTIONS_SCHEMA = "registry-institutions"


def _field_enum(kind: str, field_name: str) -> tuple[str, ...]:
    """The values a field may take, as the registry's JSON Schema lists them (the contract exists once)."""
    return tuple(schemas.schema(SCHEMA_OF_KIND[kind])["items"]["properties"][field_name]["enum"])


PERSON_CATEGORIES = _field_enum("person", "category")
ORGANISATION_KINDS = _field_enum("organisation", "kind")


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None  # YYYY-MM-DD or YYYY
    end: str | None = None


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str  # country | person | organisation | group
    country: str | None = None
    iso: str | None = None
    category: str | None = None  # people: official, analyst, ...
    org_kind: str | None = None  # organisations: outlet, alliance, ...
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every surface form that names this actor, canonical name first."""
        forms = [self.name, *self.aliases, *self.acronyms, *self.short, *self.demonyms, *self.metonyms]
        return tuple(dict.fromkeys(forms))

    @property
    def role(self) -> str | None:
        """The most recent role title, if any."""
        return self.roles[-1].title if self.roles else None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive key for matching names ("Türkiye" -> "turkiye")."""
    if text.isascii():
        return " ".join(text.casefold().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return " ".join(text.casefold().split())


@dataclass
class Registry:
    actors: dict[str, Actor] = field(default_factory=dict)
    _by_form: dict[str, Actor] = field(default_factory=dict)

    def add(self, actor: Actor) -> None:
        self.actors[actor.name] = actor
        for form in actor.spellings:
            self._by_form.setdefault(fold(form), actor)

    def get(self, name: str) -> Actor | None:
        """The actor whose canonical name is exactly ``name``."""
        return self.actors.get(name)

    def resolve(self, form: str) -> Actor | None:
        """The actor any spelling (alias, acronym, demonym...) names, case-insensitively."""
        return self.actors.get(form) or self._by_form.get(fold(form))

    def of_kind(self, kind: str) -> list[Actor]:
        return [a for a in self.actors.values() if a.kind == kind]

    def suggest(self, name: str, kind: str | None = None, limit: int = 3) -> list[str]:
        """Canonical names close to ``name`` (for "did you mean" messages)."""
        resolved = self.resolve(name)
        if resolved and (kind is None or resolved.kind == kind):
            return [resolved.name]
        pool = {fold(f): a.name for a in self.actors.values() if kind is None or a.kind == kind for f in a.spellings}
        close = closest_many(fold(name), list(pool), limit=limit * 3, cutoff=0.75)
        return list(dict.fromkeys(pool[c] for c in close))[:limit]


def _str_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _actor_from_entry(kind: str, entry: dict[str, Any], file: str) -> Actor:
    roles = tuple(
        Role(
            title=str(r.get("title", "")),
            start=str(r["from"]) if r.get("from") is not None else None,
            end=str(r["to"]) if r.get("to") is not None else None,
        )
        for r in entry.get("roles") or []
        if isinstance(r, dict)
    )
    return Actor(
        name=str(entry["name"]),
        kind=kind,
        country=entry.get("country"),
        iso=entry.get("iso"),
        category=entry.get("category"),
        org_kind=entry.get("kind") if kind == "organisation" else None,
        roles=roles,
        aliases=_str_list(entry.get("aliases")),
        demonyms=_str_list(entry.get("demonyms")),
        metonyms=_str_list(entry.get("metonyms")),
        acronyms=_str_list(entry.get("acronyms")),
        short=_str_list(entry.get("short")),
        members=_str_list(entry.get("members")),
        file=file,
        line=yamlio.line_of(entry),
    )


def _role_problems(entry: dict[str, Any], file: str) -> list[Problem]:
    """A role that ends before it starts (the schema checks each date's form)."""
    problems = []
    roles = entry.get("roles") if isinstance(entry, dict) else None
    for role in roles if isinstance(roles, list) else []:
        if not isinstance(role, dict) or not isinstance(role.get("title"), str):
            continue  # the schema check explains it
        bounds = {key: str(role[key]) for key in ("from", "to") if isinstance(role.get(key), (int, str))}
        width = min(len(bounds.get("from", "")), len(bounds.get("to", "")))  # 2019 vs 2019-03-20: compare years
        if width and bounds["to"][:width] < bounds["from"][:width]:
            problems.append(Problem(file, yamlio.line_of(role), f"role '{role['title']}' ends ({bounds['to']}) "
                                    f"before it starts ({bounds['from']})", "roles"))
    return problems


def _cross_problems(registry: Registry) -> list[Problem]:
    """Problems across entries: unknown countries and members, a spelling or ISO code claimed twice."""
    problems: list[Problem] = []
    countries = {a.name for a in registry.of_kind("country")}
    for actor in registry.actors.values():
        if actor.kind in ("person", "organisation") and actor.country and actor.country not in countries:
            hint = registry.suggest(actor.country, "country")
            fix = f" - did you mean '{hint[0]}'?" if hint else ": use a name from countries.yaml, or add the country there"
            problems.append(
                Problem(actor.file, actor.line, f"unknown country '{actor.country}' for '{actor.name}'{fix}", "country")
            )
        for member in actor.members:
            known = registry.actors.get(member)
            if known is not None and known.kind == "country":
                continue
            if known is not None:
                problems.append(Problem(actor.file, actor.line, f"member '{member}' of '{actor.name}' is a "
                                        f"{known.kind}: a group's members are countries", "members"))
                continue
            resolved = registry.resolve(member)
            if resolved is not None:
                fix = f" - it is a spelling of '{resolved.name}': use the canonical name"
            else:
                hint = registry.suggest(member)
                fix = f" - did you mean '{hint[0]}'?" if hint else ": members are canonical names from the registry"
            problems.append(Problem(actor.file, actor.line, f"unknown member '{member}' of '{actor.name}'{fix}", "members"))
    isos: dict[str, Actor] = {}
    for actor in registry.of_kind("country"):
        if actor.iso and actor.iso in isos:
            first = isos[actor.iso]
            problems.append(
                Problem(actor.file, actor.line, f"iso '{actor.iso}' of '{actor.name}' is already the code of "
                        f"'{first.name}' ({first.file}:{first.line}): each country has its own code", "iso")
            )
        isos.setdefault(actor.iso or "", actor)
    demonyms: dict[str, Actor] = {}
    for actor in registry.of_kind("country"):
        for demonym in actor.demonyms:
            other = demonyms.setdefault(fold(demonym), actor)
            if other.name != actor.name:
                problems.append(
                    Problem(actor.file, actor.line, f"demonym '{demonym}' of '{actor.name}' is already a demonym of "
                            f"'{other.name}' ({other.file}:{other.line}): two countries cannot share one - "
                            "remove it from both if it is ambiguous", "demonyms")
                )
    claimed: dict[str, Actor] = {}
    for actor in registry.actors.values():
        for form in actor.spellings:
            if form in actor.demonyms or form in actor.metonyms:
                continue  # demonyms/metonyms may be shared (e.g. "Washington" vs an outlet)
            key = fold(form)
            holder = claimed.get(key)
            if holder is not None and holder.name != actor.name:
                what = "the name" if fold(holder.name) == key else "a spelling"
                problems.append(
                    Problem(
                        actor.file,
                        actor.line,
                        f"spelling '{form}' of '{actor.name}' is already {what} of '{holder.name}' "
                        f"({holder.file}:{holder.line}): a spelling must name one actor - remove it from one of them",
                        "aliases",
                    )
                )
            claimed.setdefault(key, actor)
    return problems


INSTITUTIONS_FILE = "institutions.yaml"


def institution_spellings(form: str, country: Actor) -> list[str]:
    """Spellings of a national institution, e.g. 'Russian Foreign Ministry'."""
    long_names = [a for a in country.aliases if " " in a and not a.isupper()]
    adjectives = [d for d in country.demonyms if not d.endswith("s") or d.endswith("ss")]
    spellings = [f"{adjective} {form}" for adjective in adjectives]
    spellings += [f"{country.name}'s {form}", f"{country.name} {form}", f"{form} of {country.name}"]
    spellings += [f"{form} of {name}" for name in long_names]
    return spellings


def _expand_institutions(registry: Registry, path: Path) -> list[Problem]:
    """Add one organisation per country for each institution type in ``institutions.yaml``."""
    if not path.exists():
        return []
    file = paths.relative(path)
    entries, grouped = schemas.load_entries(path, INSTITUTIONS_SCHEMA, file)
    countries = registry.of_kind("country")
    for index, entry in enumerate(entries):
        if grouped.get(index):
            continue
        forms = _str_list(entry.get("forms")) or (entry["name"],)
        for country in countries:
            name = f"{entry['name']} of {country.name}"
            if name in registry.actors:
                continue
            spellings = [s for form in forms for s in institution_spellings(form, country)]
            spellings = [s for s in dict.fromkeys(spellings) if fold(s) != fold(name)]
            registry.add(
                Actor(
                    name=name,
                    kind="organisation",
                    country=country.name,
                    org_kind=str(entry.get("kind") or "government"),
                    aliases=tuple(spellings),
                    file=file,
                    line=yamlio.line_of(entry),
                )
            )
    return [problem for found in grouped.values() for problem in found]


def load_registry(directory: Path = paths.REGISTRY) -> Registry:
    """Read and check every registry file; raise :class:`ProblemsError` listing all problems.

    Each file: safe YAML with lines, then its JSON Schema (``docs/schemas/registry-*.schema.json``),
    then the cross-checks across entries and files.
    """
    registry = Registry()
    problems: list[Problem] = []
    for kind, filename in ACTOR_FILES.items():
        path = directory / filename
        if not path.exists():
            continue
        file = paths.relative(path)
        entries, grouped = schemas.load_entries(path, SCHEMA_OF_KIND[kind], file)
        problems += [problem for found in grouped.values() for problem in found]
        for index, entry in enumerate(entries):
            problems += _role_problems(entry, file)
            if grouped.get(index):
                continue
            actor = _actor_from_entry(kind, entry, file)
            if actor.name in registry.actors:
                first = registry.actors[actor.name]
                problems.append(
                    Problem(file, actor.line, f"duplicate name '{actor.name}' (also {first.file}:{first.line})", "name")
                )
                continue
            registry.add(actor)
    problems.extend(_expand_institutions(registry, directory / INSTITUTIONS_FILE))
    problems.extend(_cross_problems(registry))
    if problems:
        raise ProblemsError(problems)
    return registry


_DEFAULT_REGISTRIES: dict[Path, Registry] = {}


def default_registry(directory: Path = paths.REGISTRY) -> Registry:
    """The repository's registry, loaded once per process (or given by :mod:`scripts.warmstart`)."""
    if directory not in _DEFAULT_REGISTRIES:
        _DEFAULT_REGISTRIES[directory] = load_registry(directory)
    return _DEFAULT_REGISTRIES[directory]


def default_registry_loaded(directory: Path = paths.REGISTRY) -> bool:
    return directory in _DEFAULT_REGISTRIES


def use_as_default_registry(registry: Registry, directory: Path = paths.REGISTRY) -> None:
    """Make ``registry`` (read from a cache of ``directory``) what :func:`default_registry` returns."""
    _DEFAULT_REGISTRIES[directory] = registry
