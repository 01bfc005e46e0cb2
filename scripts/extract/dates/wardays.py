"""Days of a war: "the 447th day of the war", "Day 447 of Russia's invasion", "war: day 100"."""

from __future__ import annotations

import datetime as dt
import re

from ...datewords import ORDINALS
from ...events import Calendar, Event
from .clue import Clue, days
from .doc import Doc, Sentence

_NUM = r"\d{1,3}(?:[,  ]\d{3})+|\d{1,5}"
_SUFFIX = r"(?:-?(?:st|nd|rd|th)|-?й|-?го)?"
WAR_WORDS = re.compile(
    r"\b(war|invasion|aggression|special military operation|SMO|hostilities|fighting|resistance|occupation|full[- ]scale|offensive|bombardment|shelling|siege|conflict)\b",
    re.IGNORECASE,
)
STRONG_WAR_WORDS = re.compile(r"\b(war|invasion|aggression|special military operation|full[- ]scale)\b", re.IGNORECASE)
_SPELLED = (
    r"(?P<w>(?:(?:one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(?:hundredth|thousandth)|"
    + "|".join(sorted((w for w in ORDINALS if w not in ("inaugural", "first-ever")), key=len, reverse=True))
    + ")"
)
WAR_DAY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nth", re.compile(rf"\b(?P<n>{_NUM}){_SUFFIX}\s+day\s+(?P<rel>of|since|after|into|in)\b(?P<ctx>[^.!?\n]{{0,90}})", re.I)),
    ("nth", re.compile(rf"\b{_SPELLED}\s+day\s+(?P<rel>of|since|after|into|in)\b(?P<ctx>[^.!?\n]{{0,90}})", re.I)),
    ("day-n", re.compile(rf"\bday\s+(?:No\.?\s*|number\s+|#)?(?P<n>{_NUM})\b(?!\s*(?:%|percent))(?P<ctx>\s+(?:of|since|into|in)\b[^.!?\n]{{0,90}})", re.I)),
    ("title", re.compile(rf"(?P<ctx>[^.!?\n]{{0,90}}?\b(?:war|invasion|aggression)\b[^.!?\n]{{0,40}}?)[,:–—-]\s*day\s+(?P<n>{_NUM})\b", re.I)),
    ("n-days", re.compile(rf"\b(?P<n>{_NUM})\s+days?\s+(?P<rel>of|since|after|into)\s+(?P<ctx>[^.!?\n]{{0,90}})", re.I)),
    ("lasted", re.compile(rf"(?P<ctx>\b(?:war|invasion|aggression)\b[^.!?\n]{{0,60}}?)\b(?:has been (?:going on|raging|lasting|continuing|under way)|has (?:lasted|continued|raged|gone on)|(?:has )?entered its|is in its)\s+(?:for\s+)?(?P<n>{_NUM}){_SUFFIX}\s+days?", re.I)),
)
DAY_WORD = re.compile(r"\bdays?\b", re.IGNORECASE)  # every day count says it
DAY_COUNT = re.compile(  # ... and this: what each of WAR_DAY_PATTERNS has around 'day' (a quick test before them)
    r"\bdays?\s+(?:of|since|after|into|in|no|number|#|\d)|\d(?:-?(?:st|nd|rd|th)|-?й|-?го)?\s+day", re.IGNORECASE
)
DAY_COUNT_LOWER = (  # DAY_COUNT's two halves in lower case, each led by a literal: a quicker look at a whole text
    re.compile(r"days?\s+(?:of|since|after|into|in|no|number|#|\d)"),
    re.compile(r"\d(?:-?(?:st|nd|rd|th)|-?й|-?го)?\s+day"),
)


def _may_count_days(text: str) -> bool:
    """Whether some part of ``text`` may match DAY_COUNT (never False when one does)."""
    lowered = text.lower()
    return any(regex.search(lowered) for regex in DAY_COUNT_LOWER)


LIVE_RE = re.compile(r"\b(follow|latest|live|today|now|marks?|enters?|entered|begins?|began|has begun|continues|is the|current|ongoing|updates?)\b", re.I)
NARRATIVE_RE = re.compile(r"\b(on the (?:\w+ )?(?:\d+\w*|first|second|third) day|was|were|captured|had|recalled)\b", re.I)


def _spelled_number(text: str) -> int | None:
    text = text.lower().replace("-", " ")
    units = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
    words = text.split()
    if words[-1] in ("hundredth", "thousandth"):
        scale = 100 if words[-1] == "hundredth" else 1000
        return units.get(words[0], 1) * scale if len(words) == 2 else scale
    return ORDINALS.get(text)


def _which_war(context: str, doc_text: str, calendar: Calendar) -> Event | None:
    """The counted event (war) a day count refers to: by its day_cues in the context, then in the text."""
    counted = calendar.counted()
    if not counted:
        return None
    for scope in (context, doc_text):
        scores = [(sum(bool(r.search(scope)) for r in e.day_cues), -i, e) for i, e in enumerate(counted)]
        best = max(scores, key=lambda s: (s[0], s[1]))
        if best[0] > 0:
            return best[2]
    return counted[0] if counted[0].counted == "default" and STRONG_WAR_WORDS.search(context) else None


def war_day_clues(doc: Doc, calendar: Calendar) -> list[Clue]:
    clues: list[Clue] = []
    seen: set[tuple[int, int]] = set()
    if not _may_count_days("\n".join(s.text for s in doc.sentences)):
        return clues  # no sentence counts days (one look at the whole text)
    for sentence in doc.sentences:
        if doc.related(sentence.line) or not DAY_COUNT.search(sentence.text) or not DAY_WORD.search(sentence.text):
            continue  # every day count says 'day'
        for kind, regex in WAR_DAY_PATTERNS:
            for match in regex.finditer(sentence.text):
                clue = _war_day(match, kind, sentence, doc, calendar)
                if clue is None or (sentence.line, match.start()) in seen:
                    continue
                seen.add((sentence.line, match.start()))
                clues.append(clue)
    return clues


def _war_phrase(text: str, match: re.Match[str]) -> str:
    """The day count and its war, e.g. '447th day of the war in Ukraine' (at most 120 characters)."""
    core = match.group(0)
    war = WAR_WORDS.search(core, match.start("ctx") - match.start()) if "ctx" in match.groupdict() and match.start("ctx") >= match.start() else None
    war = war or WAR_WORDS.search(core)
    stop = war.end() if war else len(core)
    tail = re.match(r"(?:\s+(?:Russian\s+)?(?:war|invasion|aggression|military invasion))?(?:\s+(?:in|against|on|of|with)\s+(?:the\s+)?[\w'’-]+)?", core[stop:], re.I)
    if match.groupdict().get("n") and match.start("n") - match.start() > stop:  # 'war: day 447'
        stop = match.end("n") - match.start()
    elif tail:
        stop += tail.end()
    return " ".join(core[:stop].split())[:120]


def _war_day(match: re.Match[str], kind: str, sentence: Sentence, doc: Doc, calendar: Calendar) -> Clue | None:
    groups = match.groupdict()
    context = groups.get("ctx") or ""
    if not WAR_WORDS.search(context[:70] if kind in ("nth", "day-n", "n-days") else context):
        return None
    number = int(re.sub(r"\D", "", groups["n"])) if groups.get("n") else _spelled_number(groups.get("w") or "")
    if not number or number > 20000:
        return None
    war = _which_war(sentence.text, doc.text, calendar)
    if war is None:
        return None
    rel = (groups.get("rel") or "of").lower()
    offset = number if (kind == "lasted" and "entered" not in match.group(0).lower() and "its" not in match.group(0).lower()) or (kind == "n-days" and rel in ("since", "after", "into")) else number - 1
    day = war.start + dt.timedelta(days=offset)
    if war.end is not None and day > war.end + dt.timedelta(days=1):
        return None
    live = LIVE_RE.search(sentence.text) or sentence.place in ("head", "tail") and len(sentence.text) < 160
    weight = 0.9 if live else (0.45 if NARRATIVE_RE.search(sentence.text) else 0.7)
    how = f"day 1 = {war.start.isoformat()} ({war.name}), day {number} = {day.isoformat()}" if offset == number - 1 else f"{number} days after {war.start.isoformat()} ({war.name}) = {day.isoformat()}"
    quote = _war_phrase(sentence.text, match)
    allowed = None if live else days(day, 0, 14)  # a narrated day count ('on the 100th day, ...') was written later
    return Clue("war-day", "derived", f"'{quote}' -> {how}", day, weight, group=f"war{sentence.line}", window=allowed)

