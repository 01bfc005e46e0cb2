"""A synthetic events calendar of any size, in the style of ``registry/events.yaml``.

For speed measurements (``make bench``) and for checking that the calendar's fast matching
finds exactly what matching every regex would: recurring summits and meetings of the region's
formats (organisation, kind of meeting, place, year), state visits (leader, place, year),
elections, and terms of office with title phrases. Dates and places are made up.
"""

from __future__ import annotations

import datetime as dt
import itertools

FORMATS = (
    ("sco", r"\bSCO\b|Shanghai Cooperation", "summit|heads of state|leaders", r"SCO (summit|Council of Heads of State)"),
    ("csto", r"\bCSTO\b|Collective Security Treaty", "summit|Collective Security Council|leaders", r"CSTO (summit|Collective Security Council)"),
    ("cis", r"\bCIS\b|Commonwealth of Independent States", "summit|heads of state|informal", r"CIS (summit|Council of Heads of State)"),
    ("eaeu", r"\bEAEU\b|Eurasian Economic (Union|Council)", "summit|Supreme Eurasian Economic Council|leaders", r"Supreme Eurasian Economic Council"),
    ("ots", r"Organi[sz]ation of Turkic States|Turkic Council|\bOTS\b", "summit|leaders|heads of state", r"(OTS|Turkic Council) summit"),
    ("cica", r"\bCICA\b|Conference on Interaction and Confidence", "summit|heads of state", r"CICA summit"),
    ("c5", r"C5\+1|C5 \+ 1", "summit|leaders|ministerial", r"C5\+1 (summit|ministerial)"),
    ("china-ca", r"China\W{0,3}Central Asia", "summit|leaders|foreign ministers", r"China\W{0,3}Central Asia (summit|meeting)"),
    ("eu-ca", r"EU\W{0,3}Central Asia", "summit|ministerial|leaders", r"EU\W{0,3}Central Asia (summit|ministerial)"),
    ("russia-ca", r"Russia\W{0,3}Central Asia", "summit|leaders", r"Russia\W{0,3}Central Asia summit"),
    ("ca-consultative", r"Consultative Meeting|consultative meeting", "Central Asia|heads of state", r"Consultative Meeting of (the )?Heads of State"),
    ("sco-chg", r"\bSCO\b|Shanghai Cooperation", r"heads? of government|prime ministers|premiers|\bCHG\b", r"SCO (Council of )?Heads of Government"),
)
PLACES = (
    "Astana|Nur-Sultan", "Almaty", "Bishkek", "Cholpon-Ata", "Dushanbe", "Tashkent", "Samarkand", "Khiva",
    "Ashgabat", "Avaza", "Baku", "Yerevan", "Tbilisi", "Minsk", "Moscow", "St\\.? ?Petersburg|Saint Petersburg",
    "Sochi", "Kazan", "Beijing", "Qingdao", "Xi'an|Xian", "Ankara", "Istanbul", "Antalya", "Tehran", "Delhi",
    "Islamabad", "Kabul", "Ulaanbaatar", "Brussels", "Luxembourg", "Berlin", "New York", "Washington",
)
LEADERS = (
    ("putin", "Putin"), ("xi", r"Xi Jinping|\bXi\b"), ("erdogan", r"Erdo[gğ]an"), ("tokayev", "Tokayev"),
    ("mirziyoyev", "Mirziyoyev"), ("japarov", "Japarov|Zhaparov"), ("rahmon", "Rahmon"), ("berdimuhamedov", "Berdimuhamedov"),
    ("aliyev", r"Aliyev"), ("lukashenko", "Lukashenko"), ("modi", r"\bModi\b"), ("raisi", "Raisi"), ("macron", "Macron"),
    ("scholz", "Scholz"), ("biden", "Biden"), ("pashinyan", "Pashinyan"), ("sharif", r"Shehbaz|Sharif"), ("lula", "Lula"),
)
COUNTRIES = (
    ("kazakhstan", "Kazakh|Astana|Almaty"), ("uzbekistan", "Uzbek|Tashkent|Samarkand"), ("kyrgyzstan", "Kyrgyz|Bishkek"),
    ("tajikistan", "Tajik|Dushanbe"), ("turkmenistan", "Turkmen|Ashgabat"), ("azerbaijan", "Azerbaijan|Baku"),
    ("armenia", "Armenia|Yerevan"), ("georgia", "Georgia|Tbilisi"), ("mongolia", "Mongolia|Ulaanbaatar"),
)


def _quoted(pattern: str) -> str:
    return "'" + pattern.replace("'", "''") + "'"


def _event(identifier: str, name: str, kind: str, start: dt.date, days: int, lines: list[str]) -> str:
    end = start + dt.timedelta(days=days - 1)
    head = [f"- id: {identifier}", f"  name: {name}", f"  kind: {kind}", f"  start: {start.isoformat()}",
            "  place: Testville, Ruritania", f"  url: https://example.org/{identifier}"]
    if days > 1:
        head.append(f"  end: {end.isoformat()}")
    return "\n".join(head + lines) + "\n"


def _day(year: int, index: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=(index * 37) % 360)


def synthetic_events(count: int) -> str:
    """YAML text of ``count`` events (2010-2026), deterministic."""
    entries: list[str] = []
    years = range(2010, 2027)
    for round_number in itertools.count():
        for index, (year, (key, org, kind_words, series)) in enumerate(itertools.product(years, FORMATS)):
            place = PLACES[(index + round_number * 7) % len(PLACES)]
            year_re = rf"(?<!\d){year}(?!\d)"
            ordinal = year - 2000 + round_number
            entries.append(_event(f"{key}-{year}-r{round_number}", f"{key} meeting {year}", "summit", _day(year, index + round_number), 2, [
                f"  ordinal: {ordinal}",
                f"  ordinal_cue: {_quoted(series)}",
                "  cues:",
                f"    - [{_quoted(org)}, {_quoted(kind_words)}, {_quoted(place)}, {_quoted(year_re)}]",
                f"    - [{_quoted(org)}, {_quoted(kind_words)}, {_quoted(year_re)}]",
            ]))
            if len(entries) >= count:
                return "".join(entries)
        for index, (year, (who, leader), (where, country)) in enumerate(itertools.product(years, LEADERS, COUNTRIES)):
            if (index + round_number) % 3:
                continue
            entries.append(_event(f"{who}-visit-{where}-{year}-r{round_number}", f"{who} visits {where} {year}", "visit", _day(year, index), 2, [
                "  cues:",
                f"    - [{_quoted(leader)}, '(state |official )?visit|trip|arrived|talks', {_quoted(country)}, {_quoted(str(year))}]",
            ]))
            if len(entries) >= count:
                return "".join(entries)
        for index, (year, (where, country)) in enumerate(itertools.product(years, COUNTRIES)):
            entries.append(_event(f"{where}-election-{year}-r{round_number}", f"{where} election {year}", "election", _day(year, index), 1, [
                "  cues:",
                f"    - [{_quoted(country)}, '(presidential|parliamentary|snap) (election|vote|poll)', {_quoted(str(year))}]",
            ]))
            if len(entries) >= count:
                return "".join(entries)
        for index, (who, leader) in enumerate(LEADERS):
            start = dt.date(2010 + index % 15, 1 + index % 12, 1 + round_number % 28)
            entries.append(_event(f"{who}-term-r{round_number}", f"{who} in office", "term", start, 1500, [
                "  since_start:",
                f"    - {_quoted('(?<!vice )president,? (' + leader + ')')}",
                "  until_end:",
                f"    - {_quoted('prime minister,? (' + leader + ')')}",
            ]))
            if len(entries) >= count:
                return "".join(entries)
    raise AssertionError("unreachable")
