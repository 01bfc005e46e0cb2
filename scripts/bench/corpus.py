"""A deterministic synthetic archive of any size: raw seeds and their briefings.

Actors are real registry names drawn with the press's skew (Russia and China
in most articles, a few leaders often, a long tail of people and
organisations, some people the registry does not know). Each article is about
700 words; its briefing is what a reviewed draft looks like (front matter with
evidence and review notes, body with summary, figures, quotes and the text).

Article ``i`` depends only on ``(seed, i)``: the corpus of 1,000 is the first
1,000 articles of the corpus of 10,000. Prose comes from ``corpus.yaml``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import yamlio
from ..model import STANCES, Briefing, Figure, Quote, Source, Unregistered
from ..registry import Actor, Registry
from ..slugs import slugify
from ..briefing import filename as briefing_filename, render as render_briefing

DATA = Path(__file__).with_name("corpus.yaml")
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
WORDS_PER_ARTICLE = 700
ZIPF_EXPONENT = 1.0
UNREGISTERED_SHARE = 0.2  # articles quoting someone the registry does not know
STANCE_WEIGHTS = {"supportive": 2, "neutral": 5, "critical": 3}


def corpus_data() -> dict[str, Any]:
    return yamlio.load(DATA.read_text(encoding="utf-8"))


def zipf_cumulative(count: int, exponent: float = ZIPF_EXPONENT) -> list[float]:
    """Cumulative weights 1/rank^exponent for ranks 1..count."""
    return list(itertools.accumulate(1 / (rank**exponent) for rank in range(1, count + 1)))


def draw_distinct(rng: random.Random, population: list[str], cumulative: list[float], k: int) -> list[str]:
    """``k`` distinct items drawn with the given (cumulative) weights, in the order drawn."""
    chosen: dict[str, None] = {}
    k = min(k, len(population))
    while len(chosen) < k:
        for item in rng.choices(population, cum_weights=cumulative, k=k):
            chosen.setdefault(item)
            if len(chosen) == k:
                break
    return list(chosen)


@dataclass
class Pools:
    """The registry's actors, ranked for drawing, and the corpus prose."""

    registry: Registry
    data: dict[str, Any]

    @cached_property
    def countries_often(self) -> dict[str, float]:
        return {n: p for n, p in self.data["countries_often"].items() if self._is("country", n)}

    @cached_property
    def country_tail(self) -> list[str]:
        return self._ranked("country", [], exclude=set(self.countries_often))

    @cached_property
    def people(self) -> list[str]:
        return self._ranked("person", self.data["people_first"])

    @cached_property
    def organisations(self) -> list[str]:
        return self._ranked("organisation", self.data["organisations_first"])

    @cached_property
    def unregistered_people(self) -> list[str]:
        names = [f"{first} {last}" for first in self.data["first_names"] for last in self.data["last_names"]]
        names = [n for n in names if self.registry.resolve(n) is None]
        random.Random("unregistered-order").shuffle(names)
        return names

    @cached_property
    def cumulative(self) -> dict[str, list[float]]:
        return {
            "country": zipf_cumulative(len(self.country_tail)),
            "person": zipf_cumulative(len(self.people)),
            "organisation": zipf_cumulative(len(self.organisations)),
            "unregistered": zipf_cumulative(len(self.unregistered_people)),
        }

    def _is(self, kind: str, name: str) -> bool:
        actor = self.registry.get(name)
        return actor is not None and actor.kind == kind

    def _ranked(self, kind: str, first: list[str], exclude: set[str] = set()) -> list[str]:
        """``first`` (those in the registry), then every other actor of ``kind`` in a fixed shuffled order."""
        head = [n for n in first if self._is(kind, n)]
        rest = sorted(a.name for a in self.registry.of_kind(kind) if a.name not in head and a.name not in exclude)
        random.Random(f"{kind}-order").shuffle(rest)
        return head + rest


@dataclass
class Article:
    """One synthetic article: what its seed says and what its briefing records."""

    index: int
    title: str
    date: str | None
    precision: str  # day | month | year
    date_range: tuple[str, str] | None
    outlet: str
    url: str
    countries: list[str]
    people: list[str]
    organisations: list[str]
    unregistered: list[str]
    stance: dict[str, str]
    paragraphs: list[str]
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def seed_name(self) -> str:
        return f"bench-{self.index:05d}.txt"


def _date(rng: random.Random) -> tuple[str | None, str, tuple[str, str] | None]:
    """(date, precision, date_range): mostly exact days, some months or years, a few undated."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    roll = rng.random()
    if roll < 0.01:
        return None, "day", None
    if roll < 0.91:
        return day.isoformat(), "day", None
    if roll < 0.97:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=15).isoformat(), "month", (first.isoformat(), last.isoformat())
    return f"{day.year}-07-01", "year", (f"{day.year}-01-01", f"{day.year}-12-31")


def _spelling(rng: random.Random, actor: Actor | None, name: str) -> str:
    """The canonical name most of the time, else another form a writer would use in a sentence."""
    if actor is None or rng.random() < 0.6:
        return name
    forms = [*actor.aliases, *actor.metonyms, *actor.acronyms]
    return rng.choice(forms) if forms else name


def make_article(index: int, pools: Pools, seed: int = 1) -> Article:
    """Article ``index`` of the corpus (depends only on ``seed`` and ``index``)."""
    rng = random.Random(f"{seed}:{index}")
    data = pools.data
    countries = [n for n, p in pools.countries_often.items() if rng.random() < p]
    countries += draw_distinct(rng, pools.country_tail, pools.cumulative["country"], rng.randint(1, 5))
    people = draw_distinct(rng, pools.people, pools.cumulative["person"], rng.randint(1, 7))
    organisations = draw_distinct(rng, pools.organisations, pools.cumulative["organisation"], rng.randint(0, 5))
    unregistered = []
    if rng.random() < UNREGISTERED_SHARE:
        unregistered = draw_distinct(rng, pools.unregistered_people, pools.cumulative["unregistered"], 1)
    date, precision, window = _date(rng)
    outlet = rng.choice(data["outlets"])
    topic, verb = rng.choice(data["topics"]), rng.choice(data["verbs"])
    a, b = (countries + organisations + ["the region", "its neighbours"])[:2]
    title = f"{a} and {b} {verb} {topic}"
    places = countries + organisations
    speakers = people + unregistered

    def sentence(template: str) -> str:
        x, y = rng.sample(places, 2) if len(places) > 1 else (places[0], "its neighbours")
        return template.format(
            A=_spelling(rng, pools.registry.get(x), x),
            B=_spelling(rng, pools.registry.get(y), y),
            T=rng.choice(data["topics"]),
            P=rng.choice(speakers) if speakers else "A spokesman",
            N=rng.choice(data["amounts"]),
            Y=(date or "2024")[:4],
        )

    # Every actor named at least once, in full, early in the text.
    opening = [f"{name} is at the centre of the talks on {topic}." for name in places[:6]]
    opening += [f"{name}, quoted by {outlet}, commented on {topic}." for name in speakers]
    sentences = opening
    words = sum(len(s.split()) for s in sentences)
    while words < WORDS_PER_ARTICLE:
        template = rng.choice(data["sentences"]) if rng.random() < 0.7 else rng.choice(data["filler"])
        line = sentence(template) if "{" in template else template
        sentences.append(line)
        words += len(line.split())
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]

    main = (countries[:2] + people[:1] + organisations[:1])[: rng.randint(1, 4)]
    names, weights = list(STANCE_WEIGHTS), list(STANCE_WEIGHTS.values())
    stance = {name: rng.choices(names, weights)[0] for name in main}
    figures = [Figure(amount, f"The deal is worth {amount}, officials said.") for amount in rng.sample(data["amounts"], rng.randint(0, 3))]
    quotes = [Quote(f"We will not give up our interests in {topic}.", speaker) for speaker in speakers[: rng.randint(0, 2)]]
    return Article(
        index=index,
        title=title[:1].upper() + title[1:],
        date=date,
        precision=precision,
        date_range=window,
        outlet=outlet,
        url=f"https://example.org/{slugify(outlet)}/{(date or 'undated')[:7]}/{slugify(title, 40)}-{index}",
        countries=countries,
        people=people + unregistered,
        organisations=organisations,
        unregistered=unregistered,
        stance=stance,
        paragraphs=paragraphs,
        figures=figures,
        quotes=quotes,
    )


def seed_text(article: Article) -> str:
    """The raw article as a contributor would paste it, with a header of what they know."""
    header = [f"outlet: {article.outlet}", f"url: {article.url}"]
    if article.date and article.precision == "day":
        header.append(f"date: {article.date}")
    header.append(f"title: {article.title}")
    furniture = ["Share this article", "Read also: more news from the region"]
    return "---\n" + "\n".join(header) + "\n---\n" + "\n\n".join([*article.paragraphs, *furniture]) + "\n"


def _evidence(article: Article, registry: Registry) -> dict[str, Any]:
    """Evidence of the shape (and about the size) ingest writes."""

    def forms(name: str) -> str:
        actor = registry.get(name)
        spellings = actor.spellings[:3] if actor else (name,)
        return ", ".join(f"{s} (name)" for s in spellings)

    return {
        "title": "given in the seed's header",
        "date": f"{article.precision}: {article.date or 'no clue in the text'}",
        "outlet": "given in the seed's header",
        "countries": {n: forms(n) for n in article.countries},
        "people": {n: forms(n) for n in article.people},
        "organisations": {n: forms(n) for n in article.organisations},
        "stance": {n: f"{s}: {article.paragraphs[0][:160]}" for n, s in article.stance.items()},
        "summary": "the sentences sharing the most vocabulary with the article",
    }


def briefing_of(article: Article, seed_bytes: bytes, registry: Registry) -> Briefing:
    """The reviewed briefing of ``article`` (its seed recorded with the seed's hash)."""
    basis = "stated" if article.precision == "day" else "derived"
    unknown = article.date is None
    return Briefing(
        title=article.title,
        date=article.date,
        date_basis="unknown" if unknown else basis,
        date_evidence=None if unknown else f"{article.precision} given by the text: {article.date}",
        date_precision=article.precision if article.precision != "day" else None,
        date_range=article.date_range,
        source=Source(
            outlet=article.outlet,
            url=article.url,
            seed=f"seeds/{article.seed_name}",
            sha256=hashlib.sha256(seed_bytes).hexdigest(),
        ),
        countries=article.countries,
        people=article.people,
        organisations=article.organisations,
        stance=article.stance,
        thesis=article.paragraphs[1].split(". ")[0].rstrip(".") + ".",
        summary=" ".join(article.paragraphs[2].split(". ")[:3]).rstrip(".") + ".",
        reviewed=article.index % 3 == 0,
        unregistered=[Unregistered(n, "person", article.countries[0], "quoted in the article") for n in article.unregistered],
        review={
            "check": [f"stance: check {n} ({s})" for n, s in article.stance.items() if s != "neutral"],
            "unknown_names": [f"{n} (person)" for n in article.unregistered],
            "removed": ["line 40, share buttons: Share this article", "line 41, related-content list: Read also"],
        },
        evidence=_evidence(article, registry),
        key_points=[article.paragraphs[3].split(". ")[0].rstrip(".") + "."],
        key_figures=article.figures,
        quotes=article.quotes,
        text="\n\n".join(article.paragraphs),
    )


@dataclass(frozen=True)
class Corpus:
    seeds: list[Path]
    briefings: list[Path]
    words: int


def write_corpus(root: Path, count: int, registry: Registry, *, seed: int = 1, briefings: bool = True) -> Corpus:
    """Write ``root/seeds/bench-NNNNN.txt`` and (unless not ``briefings``) ``root/briefings/*.md``."""
    pools = Pools(registry, corpus_data())
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    if briefings:
        (root / "briefings").mkdir(parents=True, exist_ok=True)
    seeds: list[Path] = []
    written: list[Path] = []
    taken: set[str] = set()
    words = 0
    for index in range(count):
        article = make_article(index, pools, seed)
        raw = seed_text(article).encode("utf-8")
        seed_path = root / "seeds" / article.seed_name
        seed_path.write_bytes(raw)
        seeds.append(seed_path)
        words += sum(len(p.split()) for p in article.paragraphs)
        if briefings:
            briefing = briefing_of(article, raw, registry)
            name = briefing_filename(briefing)
            n = 1
            while name in taken:
                n += 1
                name = f"{Path(briefing_filename(briefing)).stem}-{n}.md"
            taken.add(name)
            path = root / "briefings" / name
            path.write_text(render_briefing(briefing), encoding="utf-8")
            written.append(path)
    return Corpus(seeds, written, words)
