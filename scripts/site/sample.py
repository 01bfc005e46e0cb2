"""A small demo registry and briefings, and synthetic archives of any size.

Used by the site tests and by ``screenshots.py`` (while ``briefings/`` is
empty): :func:`write_sample` writes a registry directory and a briefings
directory with :func:`scripts.briefing.render`, exactly as ingest would.
Everything is deterministic (a seeded ``random.Random``).
"""

from __future__ import annotations

import random
from dataclasses import replace
import subprocess
from pathlib import Path
from typing import Any

from .. import yamlio
from ..model import STANCES, Briefing, Figure, Quote, Source, Unregistered
from ..briefing import filename as briefing_filename, render as render_briefing

COUNTRIES: list[dict[str, Any]] = [
    {"name": "Kazakhstan", "iso": "KZ", "aliases": ["Qazaqstan"], "demonyms": ["Kazakh"], "metonyms": ["Astana"]},
    {"name": "Kyrgyzstan", "iso": "KG", "aliases": ["Kyrgyz Republic"], "demonyms": ["Kyrgyz"], "metonyms": ["Bishkek"]},
    {"name": "Tajikistan", "iso": "TJ", "demonyms": ["Tajik"], "metonyms": ["Dushanbe"]},
    {"name": "Turkmenistan", "iso": "TM", "demonyms": ["Turkmen"], "metonyms": ["Ashgabat"]},
    {"name": "Uzbekistan", "iso": "UZ", "demonyms": ["Uzbek"], "metonyms": ["Tashkent"]},
    {"name": "Russia", "iso": "RU", "aliases": ["Russian Federation"], "demonyms": ["Russian"], "metonyms": ["Moscow", "the Kremlin"]},
    {"name": "China", "iso": "CN", "aliases": ["PRC", "the Celestial Empire"], "demonyms": ["Chinese"], "metonyms": ["Beijing"]},
    {"name": "Turkey", "iso": "TR", "aliases": ["Türkiye"], "demonyms": ["Turkish"], "metonyms": ["Ankara"]},
    {"name": "Afghanistan", "iso": "AF", "demonyms": ["Afghan"], "metonyms": ["Kabul"]},
    {"name": "Iran", "iso": "IR", "demonyms": ["Iranian"], "metonyms": ["Tehran"]},
    {"name": "United States", "iso": "US", "aliases": ["USA", "the US"], "demonyms": ["American"], "metonyms": ["Washington"]},
    {"name": "Ukraine", "iso": "UA", "demonyms": ["Ukrainian"], "metonyms": ["Kyiv"]},
]
PEOPLE: list[dict[str, Any]] = [
    {"name": "Emomali Rahmon", "country": "Tajikistan", "category": "official",
     "roles": [{"title": "President of Tajikistan", "from": 1994}], "aliases": ["Emomali Rakhmon", "Rahmonov"],
     "short": ["Rahmon", "Rakhmon"]},
    {"name": "Vladimir Putin", "country": "Russia", "category": "official",
     "roles": [{"title": "President of Russia", "from": 2012}], "short": ["Putin"]},
    {"name": "Xi Jinping", "country": "China", "category": "official",
     "roles": [{"title": "President of China", "from": 2013}], "short": ["Xi"]},
    {"name": "Kassym-Jomart Tokayev", "country": "Kazakhstan", "category": "official",
     "roles": [{"title": "President of Kazakhstan", "from": 2019}], "short": ["Tokayev"]},
    {"name": "Shavkat Mirziyoyev", "country": "Uzbekistan", "category": "official",
     "roles": [{"title": "President of Uzbekistan", "from": 2016}], "short": ["Mirziyoyev"]},
    {"name": "Sadyr Japarov", "country": "Kyrgyzstan", "category": "official",
     "roles": [{"title": "President of Kyrgyzstan", "from": 2021}], "aliases": ["Sadyr Zhaparov"], "short": ["Japarov"]},
    {"name": "Alnur Musayev", "country": "Kazakhstan", "category": "official",
     "roles": [{"title": "Chairman of the National Security Committee", "from": 1997, "to": 2001}], "short": ["Musayev"]},
]
ORGANISATIONS: list[dict[str, Any]] = [
    {"name": "Collective Security Treaty Organization", "kind": "alliance", "acronyms": ["CSTO"]},
    {"name": "Shanghai Cooperation Organisation", "kind": "intergovernmental", "acronyms": ["SCO"]},
    {"name": "Organization of Turkic States", "kind": "intergovernmental", "acronyms": ["OTS"], "aliases": ["Turkic Union"]},
    {"name": "Eurasian Economic Union", "kind": "intergovernmental", "acronyms": ["EAEU"]},
    {"name": "Gazprom", "kind": "company", "country": "Russia"},
    {"name": "Financial Times", "kind": "outlet", "aliases": ["FT"]},
]
GROUPS: list[dict[str, Any]] = [
    {"name": "Central Asian states", "members": ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"],
     "aliases": ["the five Central Asian states"]},
]

HOSTILE_TEXT = (
    'Officials said <script>alert("xss")</script> nothing. A link [click](javascript:alert(1)) and '
    '<img src=x onerror=alert(2)> and an attribute list {: onclick="alert(3)" } and &amp; entities.'
)


def write_registry(directory: Path) -> None:
    """The demo registry: a dozen countries, seven people, six organisations, one group."""
    directory.mkdir(parents=True, exist_ok=True)
    for filename, entries in (
        ("countries.yaml", COUNTRIES),
        ("people.yaml", PEOPLE),
        ("organisations.yaml", ORGANISATIONS),
        ("groups.yaml", GROUPS),
    ):
        (directory / filename).write_text(yamlio.dump(entries), encoding="utf-8")


def demo_briefings(hostile: bool = True) -> list[Briefing]:
    """Six hand-written briefings covering every field (one undated, one with hostile text unless not ``hostile``)."""
    briefings = [
        Briefing(
            title="China rolls out its geopolitical claims to Central Asia at the Xi'an summit",
            date="2023-05-20",
            date_basis="derived",
            date_evidence="a summit of five Central Asian states was held in the city of Xi'an",
            source=Source(outlet="Espreso", url="https://example.org/news/xian-summit", seed=None, sha256=None),
            countries=["China", "Kazakhstan", "Russia", "Turkey"],
            people=["Alnur Musayev", "Vladimir Putin", "Xi Jinping"],
            organisations=["Collective Security Treaty Organization", "Organization of Turkic States"],
            stance={"Russia": "critical", "China": "neutral", "Collective Security Treaty Organization": "critical"},
            thesis="At the Xi'an summit China openly staked claims in Central Asia at the expense of a weakened Russia.",
            summary="A former head of Kazakhstan's security committee says China now competes with Russia "
            "for influence in Central Asia, including in security.",
            key_points=["China offered security cooperation to the five states.", "The CSTO is described as practically dead."],
            key_figures=[Figure("five", "a summit of five Central Asian states was held in the city of Xi'an")],
            quotes=[Quote("This is a very important step, a tough step for Russia.", "Alnur Musayev")],
            text="In China, a summit of five Central Asian states was held in the city of Xi'an.\n\n"
            "Moscow is extremely dependent on the Celestial Empire, Musayev said, and the Turkic Union "
            "has merged some special services.\n\nThe CSTO, in his view, is practically dead.",
        ),
        Briefing(
            title="China offers a military alliance to Kazakhstan and four other countries of the former USSR",
            date="2023-05-19",
            date_basis="derived",
            date_evidence="On Friday, Chinese President Xi Jinping met with the leaders",
            source=Source(outlet=None, url=None, seed=None, sha256=None),
            countries=["China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Russia"],
            people=["Xi Jinping", "Kassym-Jomart Tokayev", "Emomali Rahmon", "Shavkat Mirziyoyev", "Sadyr Japarov"],
            organisations=["Financial Times"],
            stance={"China": "neutral", "Central Asian states": "neutral"},
            thesis="China offers Central Asian states help with security and defence.",
            summary="Xi Jinping met the five leaders and offered to strengthen their law-enforcement and defence capabilities.",
            key_figures=[Figure("$3.8 billion", "China pledged $3.8 billion in financing and grants.")],
            text="On Friday, Chinese President Xi Jinping met with the leaders of Kazakhstan, Kyrgyzstan, "
            "Tajikistan, Turkmenistan and Uzbekistan.\n\nRakhmon and Tokayev welcomed the offer; the "
            "Financial Times called it a challenge to Moscow.",
        ),
        Briefing(
            title="Tajikistan's Rahmon hosts talks on the Afghan border",
            date="2023-06-02",
            date_basis="stated",
            date_evidence="2 June 2023",
            source=Source(outlet="Asia-Plus", url="https://example.org/asia-plus/rahmon-border", seed=None, sha256=None),
            countries=["Tajikistan", "Afghanistan", "Russia"],
            people=["Emomali Rahmon", "Vladimir Putin"],
            organisations=["Collective Security Treaty Organization"],
            stance={"Emomali Rahmon": "supportive", "Collective Security Treaty Organization": "neutral"},
            thesis="Dushanbe asks its allies for more help on the Afghan border.",
            summary="President Rahmon discussed border security with CSTO partners.",
            text="Emomali Rahmon, also spelled Rakhmon, hosted talks in Dushanbe on 2 June 2023.\n\n"
            "The CSTO promised equipment for the border troops.",
        ),
        Briefing(
            title="Gazprom and Uzbekistan sign a gas deal",
            date="2024-01-15",
            date_basis="event",
            date_evidence="the deal signed on Monday in Tashkent",
            source=Source(outlet="Kun.uz", url="https://example.org/kun/gas-deal", seed=None, sha256=None),
            countries=["Uzbekistan", "Russia", "Kazakhstan"],
            people=["Shavkat Mirziyoyev", "Aziz Karimov"],
            organisations=["Gazprom"],
            stance={"Gazprom": "neutral", "Uzbekistan": "supportive"},
            thesis="Russian gas now reaches Uzbekistan through Kazakhstan.",
            summary="Uzbekistan buys Russian gas to cover winter shortages.",
            unregistered=[Unregistered("Aziz Karimov", "person", "Uzbekistan", "energy analyst quoted in the article")],
            key_figures=[Figure("9 million cubic metres", "up to 9 million cubic metres a day")],
            text="Uzbekistan will receive up to 9 million cubic metres of gas a day, energy analyst Aziz Karimov said.",
        ),
        Briefing(
            title="Kyrgyzstan and Tajikistan settle the border <b>dispute</b>",
            date="2024-03-08",
            date_basis="stated",
            date_evidence="8 March 2024",
            source=Source(outlet="24.kg", url="https://example.org/24kg/border?a=1&b=(2)", seed=None, sha256=None),
            countries=["Kyrgyzstan", "Tajikistan"],
            people=["Sadyr Japarov", "Emomali Rahmon"],
            organisations=[],
            stance={"Kyrgyzstan": "supportive", "Tajikistan": "supportive", "Emomali Rahmon": "neutral"},
            thesis="A border deal ends years of clashes <script>alert('thesis')</script>.",
            summary="The two presidents agreed on the last disputed sections. [x](javascript:alert(1))",
            key_points=["The deal covers the last disputed sections <script>alert('point')</script>."],
            quotes=[Quote("Peace on the border is our common victory <i>indeed</i>.", "Sadyr Japarov")],
            text=HOSTILE_TEXT + "\n\n# Not a heading\n\n- not a list\n\n1. not a list either\n\n--8<-- \"mkdocs.yml\"",
        ),
        Briefing(
            title="Undated commentary on the Eurasian Economic Union",
            date=None,
            date_basis="unknown",
            date_evidence=None,
            source=Source(outlet=None, url=None, seed=None, sha256=None),
            countries=["Kazakhstan", "Russia", "Kyrgyzstan"],
            people=[],
            organisations=["Eurasian Economic Union"],
            stance={"Eurasian Economic Union": "critical"},
            thesis="The union serves Moscow more than its members.",
            summary="A commentary on trade inside the EAEU.",
            text="The EAEU, the commentary argues, serves Moscow first.",
        ),
    ]
    if not hostile:  # for screenshots: the same briefing without the injection attempts
        border = briefings[4]
        briefings[4] = replace(
            border,
            title="Kyrgyzstan and Tajikistan settle the border dispute",
            thesis="A border deal ends years of clashes.",
            summary="The two presidents agreed on the last disputed sections.",
            key_points=["The deal covers the last disputed sections."],
            quotes=[Quote("Peace on the border is our common victory.", "Sadyr Japarov")],
            text="The presidents signed the agreement in Bishkek.\n\nTraders expect the crossings to reopen.",
        )
    return briefings


_WORDS = (
    "border water energy trade pipeline railway summit security migration labour remittances grain "
    "cotton uranium gas oil corridor investment loan tariff customs election reform drought glacier "
    "dam canal hydropower transit sanctions export import bank currency inflation harvest military "
    "exercise drone treaty visit delegation minister parliament court protest media journalist"
).split()


def synthetic_briefings(count: int, seed: int = 7) -> list[Briefing]:
    """``count`` plausible briefings over three years, with registry actors and some unregistered ones."""
    rng = random.Random(seed)
    countries = [str(c["name"]) for c in COUNTRIES]
    people = [str(p["name"]) for p in PEOPLE]
    organisations = [str(o["name"]) for o in ORGANISATIONS]
    out = []
    for i in range(count):
        year = 2022 + i % 3
        date = f"{year}-{1 + (i * 7) % 12:02d}-{1 + (i * 13) % 28:02d}"
        named_c = sorted(rng.sample(countries, rng.randint(2, 5)))
        named_p = sorted(rng.sample(people, rng.randint(0, 3)))
        named_o = sorted(rng.sample(organisations, rng.randint(0, 2)))
        unregistered = []
        if i % 10 == 0:
            extra = f"Analyst {chr(65 + i % 26)}{i}"
            named_p.append(extra)
            unregistered.append(Unregistered(extra, "person", named_c[0], "quoted once"))
        stance = {name: rng.choice(STANCES) for name in named_c[:2] + named_o[:1]}
        topic = " ".join(rng.sample(_WORDS, 3))
        paragraphs = [
            " ".join(rng.choice(_WORDS) for _ in range(70)).capitalize() + "." for _ in range(3)
        ]
        out.append(
            Briefing(
                title=f"Briefing {i:04d}: {topic} in {named_c[0]}",
                date=date,
                date_basis="stated",
                date_evidence=date,
                source=Source(outlet=f"Outlet {i % 9}", url=f"https://example.org/{i}", seed=None, sha256=None),
                countries=named_c,
                people=named_p,
                organisations=named_o,
                stance=stance,
                thesis=f"The {topic} question shapes relations between {named_c[0]} and {named_c[1]}.",
                summary=paragraphs[0][:300],
                unregistered=unregistered,
                key_points=[paragraphs[1][:120]],
                text="\n\n".join(paragraphs),
            )
        )
    return out


def write_briefings(directory: Path, briefings: list[Briefing]) -> list[Path]:
    """Write each briefing as ingest would (file name from date and title, unique)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for briefing in briefings:
        path = directory / briefing_filename(briefing)
        n = 1
        while path in written:
            n += 1
            path = directory / f"{Path(briefing_filename(briefing)).stem}-{n}.md"
        path.write_text(render_briefing(briefing), encoding="utf-8")
        written.append(path)
    return written


def write_sample(root: Path, synthetic: int = 0, hostile: bool = True) -> tuple[Path, Path]:
    """Write ``root/registry`` and ``root/briefings`` (the demo set, or ``synthetic`` generated ones)."""
    write_registry(root / "registry")
    briefings = synthetic_briefings(synthetic) if synthetic else demo_briefings(hostile)
    write_briefings(root / "briefings", briefings)
    return root / "briefings", root / "registry"


# ---------------------------------------------------------------------------
# A project copy to build in (tests, screenshots): never touches the real docs/ or site/.

PROJECT_PARTS = ("mkdocs.yml", "docs", "scripts")


def copy_project(source: Path, dest: Path) -> Path:
    """Copy what ``mkdocs build`` needs (mkdocs.yml, docs/ without generated pages, scripts/) to ``dest``."""
    import shutil

    ignore = shutil.ignore_patterns("generated", "__pycache__", "*.pyc", "screenshots")
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part, ignore=ignore)
        else:
            shutil.copy2(source / part, dest / part)
    return dest


def build_site(project: Path, *extra_args: str, strict: bool = True, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mkdocs build`` in ``project`` (a copy) and return the finished process."""
    import os
    import sys

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BRIEFINGS_DIR", None)
    env.pop("REGISTRY_DIR", None)
    args = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *extra_args]
    return subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
