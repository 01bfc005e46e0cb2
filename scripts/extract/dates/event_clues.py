"""Clues from the events calendar: events reported as current, recent or coming, anniversaries
and offsets, weekdays of an event, relative years, and titles that bound the writing date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ...datewords import WEEKDAYS
from ...events import Calendar, Event
from .clue import Clue, add_months, add_years, days, excerpt, make_date
from .doc import Doc, Sentence
from .forms import WIRE_DATELINE, ANNIVERSARY_NUMBER_AFTER_RE, ANNIVERSARY_NUMBER_BEFORE_RE, ANNIVERSARY_RE, COUNT, UNIT, WEEKDAY_MENTION, anniversary_years, count_value, ordinal
from .tense import qualifier_at, says_near, speech_verbs, tense_at
from .years import newest_year

RECENT_LAG_DAYS = 3  # "the recent X": the earliest plausible day a writer calls X recent
RECENT_DAYS = 30  # ... and the latest
REPORT_DAYS = 14  # a past-tense report of an event: written within two weeks of it
COMING_DAYS = 14  # a report of an event to come: written within two weeks before it
ANNIVERSARY_DAYS = 3  # an anniversary piece: within a few days of the anniversary
COMING_ANNIVERSARY_WEIGHT = 0.3  # an anniversary still to come and said to be near
ONE = dt.timedelta(days=1)
YEAR = dt.timedelta(days=366)
SHORT_EVENT_DAYS = 14  # longer events (wars, terms, expos) only bound the date
ANY_YEAR_TOKEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Mention:
    sentence: Sentence
    event: Event
    at: int  # position of the cue in the sentence
    fit: float = 1.0  # 1 for the tightest reading of the sentence, less for looser ones
    part: int = 0  # which of the things the sentence names (0, 1...): events of one part are readings of one mention

    @property
    def key(self) -> str:
        """What the clues of this mention and of its other readings share (their group)."""
        return f"{self.sentence.line}:{self.sentence.index}" + (f":{self.part}" if self.part else "")


def named_in(doc: Doc, calendar: Calendar) -> dict[Sentence, list[tuple[Event, re.Match[str]]]]:
    """The events each sentence of the article names, found once per article: its sentences are
    read only for the cue words the whole article contains."""
    key = ("named", id(calendar))
    if key not in doc.cache:
        sentences = list(doc.article_sentences())
        named = calendar.named_in_sentences([s.text for s in sentences])
        doc.cache[key] = {s: _other_editions_dropped(found, s.text) for s, found in zip(sentences, named)}
    return doc.cache[key]


def _series(event: Event) -> set[str]:
    """What names the event's series: the first regex of each of its cues (the organisation)."""
    return {cue[0].pattern for cue in event.cues}


def _other_editions_dropped(named: list[tuple[Event, re.Match[str]]], text: str) -> list[tuple[Event, re.Match[str]]]:
    """A sentence that dates one edition of a series by its year ('the 2022 SCO summit in Samarkand,
    held in Uzbekistan') names no edition of that series whose year it does not state."""
    if len(named) < 2:
        return named
    years = {int(found.group()) for found in ANY_YEAR_TOKEN.finditer(text)}
    if not years:
        return named

    def dated(event: Event) -> bool:
        return event.start.year in years or (event.end is not None and event.end.year in years)

    by_year = [e for e, _ in named if dated(e)]
    return [(e, m) for e, m in named if dated(e) or not any(d.kind == e.kind and _series(d) & _series(e) for d in by_year)]


def _mentions(doc: Doc, calendar: Calendar) -> list[list[Mention]]:
    """Calendar events named in the sentences of the article (terms of office excluded), one list
    for each thing a sentence names: the events of a list are alternative readings of it."""
    found = []
    for sentence in doc.article_sentences():
        named = [(e, m) for e, m in named_in(doc, calendar)[sentence] if e.kind != "term"]
        for part, readings in enumerate(_parts(named, sentence.text)):
            spreads = [e.cue_spread(sentence.text) or len(m.group(0)) for e, m in readings]
            tightest = max(1, min(spreads))
            found.append([Mention(sentence, e, m.start(), (tightest / max(1, spread)) ** 0.5, part) for (e, m), spread in zip(readings, spreads)])
    return found


def _parts(named: list[tuple[Event, re.Match[str]]], text: str) -> list[list[tuple[Event, re.Match[str]]]]:
    """The events a sentence names, grouped by the words that name them: events whose cues match
    some of the same words are readings of one mention ('the SCO summit': this year's or another);
    events named by other words are other things ('a summit in Xi'an, a summit in New York')."""
    if len(named) < 2:
        return [named] if named else []
    spans = [event.cue_spans(text) for event, _ in named]
    parts: list[list[int]] = []
    for i in range(len(named)):
        joined = [p for p in parts if any(not spans[i] or not spans[j] or spans[i] & spans[j] for j in p)]
        merged = [i] + [j for p in joined for j in p]
        parts = [p for p in parts if p not in joined] + [sorted(merged)]
    return [[named[i] for i in p] for p in sorted(parts)]


SCHEDULED_KINDS = frozenset({"summit", "meeting", "forum", "visit"})  # a past-tense report of these tells of them when over


def _is_short(event: Event) -> bool:
    return event.days is not None and event.days <= SHORT_EVENT_DAYS


def _week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _event_estimate(event: Event, tense: str | None, qualifier: str | None) -> tuple[dt.date, float, str, tuple[dt.date, dt.date]] | None:
    """(publication date, weight, how, window of days allowed) for an event reported as current,
    recent or coming."""
    assert event.end is not None
    start, end = event.start, event.end
    if qualifier == "yesterday":
        return end + ONE, 0.6, "reported as yesterday's: the day after", days(end, 1, 1)
    if qualifier == "tomorrow":
        return start - ONE, 0.6, "reported as tomorrow's: the day before", days(start, -1, -1)
    if qualifier == "this-week":
        sunday = _week_monday(end) + dt.timedelta(days=6)
        if tense == "past":
            return end + ONE, 0.5, "reported this week in the past tense: the day after", (end, max(end, sunday))
        return start - ONE, 0.4, "reported as this week's, not yet over: the day before it opens", (_week_monday(start), start)
    if qualifier == "today" or tense == "present":
        main_day = start + dt.timedelta(days=(event.days or 1) // 2)
        return main_day, 0.6, "reported as under way: its main (middle) day" if event.days and event.days > 1 else "reported as under way", (start, end)
    if qualifier == "last-week":
        monday = _week_monday(end) + dt.timedelta(days=7)
        return monday, 0.45, "reported as last week's: the Monday after", days(monday, 0, 6)
    if qualifier == "next-week":
        monday = _week_monday(start) - dt.timedelta(days=7)
        return monday, 0.35, "reported as next week's: the Monday of the week before", days(monday, 0, 6)
    if qualifier == "recent":
        return end + dt.timedelta(days=RECENT_LAG_DAYS), 0.45, f"reported as recent: {RECENT_LAG_DAYS} days after", days(end, 1, RECENT_DAYS)
    if tense == "future":
        return start - ONE, 0.35, "reported as coming: the day before", days(start, -COMING_DAYS, -1)
    if (event.days or 1) > 3 and event.kind not in SCHEDULED_KINDS:  # unrest, fighting: a past-tense report may be of its first days
        return start + ONE, 0.45, "reported in the past tense: the day after it began", (start, end + dt.timedelta(days=REPORT_DAYS))
    return end + ONE, 0.45, "reported in the past tense: the day after", days(end, 0, REPORT_DAYS)


def _envelope_bound(group: list[Mention], tense: str | None, qualifier: str | None) -> Clue:
    """The bound a sentence sets through the event(s) it names; alternatives give their envelope."""
    events = [m.event for m in group]
    first = group[0]
    quote = excerpt(first.sentence.text, first.at, first.at + 40, 100)
    names = events[0].name + (f" (or {len(events) - 1} other event(s))" if len(events) > 1 else "")
    spans = ", ".join(e.span() for e in events[:3])
    strength = 0.55 / len(events) ** 0.5
    key = f"event:{first.key}"
    starts = [e.start for e in events]
    ends = [e.end for e in events if e.end is not None]
    if tense == "future" and not all(e.kind == "founding" for e in events):  # a founding is never to come: its anniversary is
        return Clue("event", "event", f"'{quote}' -> {names} ({spans}) still to come: published before", hi=max(starts), strength=strength, tolerance=1, group=key)
    if qualifier == "this-week":
        lo = _week_monday(min(starts))
        hi = _week_monday(max(ends or starts)) + dt.timedelta(days=6)
        return Clue("event", "event", f"'{quote}' -> {names} ({spans}) this week: published that week", lo=lo, hi=hi, strength=strength, group=key)
    if tense == "present" and all(_is_short(e) for e in events):
        return Clue("event", "event", f"'{quote}' -> {names} ({spans}) under way", lo=min(starts), hi=max(ends), strength=strength, tolerance=1, group=key)
    return Clue("event", "event", f"'{quote}' -> {names} ({spans}) has begun: published on or after", lo=min(starts), strength=strength, group=key)


def _dated_by_its_year_alone(text: str, event: Event) -> bool:
    """The sentence places the event by its bare year ('such as Osh in 2010', 'the unrest of January
    2022' is not bare): a writer reporting it within days would give the day or say 'last week'."""
    years = "|".join(sorted({str(event.start.year), str((event.end or event.start).year)}))
    return re.search(rf"\b(?:in|of|since|during)\s+(?:early\s+|late\s+|mid-?)?(?:{years})(?!\s*[-–/]?\d)", text, re.IGNORECASE) is not None


def _year_bounds(mention: Mention, qualifier: str | None, quote: str) -> list[Clue]:
    shift = {"last-year": 1, "this-year": 0, "next-year": -1, "two-years-ago": 2}.get(qualifier or "")
    if shift is None:
        return []
    year = mention.event.start.year + shift
    first, last = make_date(year, 1, 1), make_date(year, 12, 31)
    if first is None or last is None:
        return []
    words = {1: "last year", 0: "this year", -1: "next year", 2: "two years before"}[shift]
    return [Clue("relative-year", "derived", f"'{quote}' -> {mention.event.name} ({mention.event.start.year}) was '{words}': published in {year}",
                 lo=first, hi=last, strength=0.5, group=f"year:{mention.sentence.line}:{mention.event.id}")]


Anchor = tuple[Event, float, str]  # an event the article reports, the weight of that reading, its alternatives' key


def _merged_bounds(bounds: list[Clue], readings: int) -> list[Clue]:
    """The bounds that the readings of one sentence set each through its own event: as they are when
    there is one reading; when several events are alternatives, for each kind of bound that every
    reading sets, the envelope true of all of them (weaker: the others' bounds may be the true ones)."""
    if readings <= 1:
        return bounds
    merged = []
    for kind in dict.fromkeys(c.kind for c in bounds):
        same = [c for c in bounds if c.kind == kind]
        if len(same) < readings:
            continue  # a reading without this bound: nothing is true of all of them
        los, his = [c.lo for c in same], [c.hi for c in same]
        lo = min(d for d in los if d) if all(los) else None
        hi = max(d for d in his if d) if all(his) else None
        if lo is None and hi is None:
            continue
        first = same[0]
        merged.append(replace(first, evidence=f"{first.evidence} (or {readings - 1} other reading(s)): between them", lo=lo, hi=hi,
                              strength=max(c.strength for c in same) / readings**0.5, group=f"{first.group}:merged"))
    return merged


def event_clues(doc: Doc, calendar: Calendar) -> tuple[list[Clue], list[Anchor]]:
    """Bounds (and, when reported as current or recent, points) from calendar events; and the anchors."""
    sentences = _mentions(doc, calendar)
    counts: dict[str, int] = {}
    for group in sentences:
        for mention in group:
            counts[mention.event.id] = counts.get(mention.event.id, 0) + 1
    clues: list[Clue] = []
    anchors: dict[str, Anchor] = {}
    newest = newest_year(doc)
    for group in sentences:
        short = [m for m in group if _is_short(m.event)]
        for subset in ([m for m in group if not _is_short(m.event)], short):
            if subset:
                first = subset[0]
                clues.append(_envelope_bound(subset, tense_at(first.sentence.text, first.at), qualifier_at(first.sentence.text, first.at)))
        alt = f"alt:{group[0].key}" if len(short) > 1 else ""
        own_bounds: list[Clue] = []  # bounds each reading of the sentence sets through its event
        for mention in group:
            text, event = mention.sentence.text, mention.event
            tense, qualifier = tense_at(text, mention.at), qualifier_at(text, mention.at)
            quote = excerpt(text, mention.at, mention.at + 40, 100)
            own_bounds += _year_bounds(mention, qualifier, quote)
            anniversary = _anniversary(mention, quote)
            if anniversary:
                clues += [replace(c, weight=c.weight * mention.fit, alt=alt) for c in anniversary if c.is_point]
                own_bounds += [c for c in anniversary if not c.is_point]
                continue
            if not _is_short(event) or event.kind == "founding":
                continue
            salient = mention.sentence.rank < 5 or counts[event.id] > 1 or tense == "present" or qualifier in (
                "today", "yesterday", "tomorrow", "this-week", "last-week", "next-week", "recent")
            if not salient:
                continue
            if event.end is not None and event.end.year < newest and tense in ("past", None) and qualifier not in ("yesterday", "last-week", "this-week"):
                continue  # the article speaks of later years: a past event in it is background
            if _dated_by_its_year_alone(text, event):
                continue  # 'Osh in 2010': history, not the news of the day
            estimate = _event_estimate(event, tense, qualifier)
            if estimate is None:
                continue
            day, weight, how, allowed = estimate
            key = f"event:{mention.key}"
            weight *= mention.fit
            clues.append(Clue("event", "event", f"'{quote}' -> {event.name} ({event.span()}), {how}", day, weight, group=key, alt=alt, window=allowed))
            share = weight / max(1, len(short))
            if share > anchors.get(event.id, (event, 0.0, alt))[1]:
                anchors[event.id] = (event, share, alt)
        clues += _merged_bounds(own_bounds, len(group))
    return clues, sorted(anchors.values(), key=lambda a: -a[1])


OFFSET_BEFORE_RE = re.compile(  # 'two years since <event>', 'six months into <the war>', 'three days before <the summit>'
    rf"\b{COUNT}\s+(?:and\s+a\s+half\s+)?{UNIT}\s+(?:have\s+|has\s+)?(?:passed\s+|gone\s+by\s+)?(?P<rel>since|after|into|before|ahead\s+of)\b[^.;]{{0,60}}$",
    re.IGNORECASE,
)
OFFSET_AFTER_RE = re.compile(rf"^[^.;]{{0,60}}?\b{COUNT}\s+{UNIT}\s+(?P<rel>ago|earlier)\b", re.IGNORECASE)  # '<event>, two years ago'


def _offset_day(event: Event, count: int, unit: str, rel: str) -> dt.date | None:
    """``count`` units after (or, for 'before', ahead of) the event: years and months from its
    start (anniversary-style), days and weeks from its end (or its start for 'before'/'into')."""
    unit = unit.lower().rstrip("s")
    sign = -1 if rel.lower().startswith(("before", "ahead")) else 1
    base = event.start if unit in ("year", "month") or sign < 0 or rel.lower() == "into" or event.end is None else event.end
    if unit == "year":
        return add_years(base, sign * count)
    if unit == "month":
        return add_months(base, sign * count)
    return base + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))


def _anniversary(mention: Mention, quote: str) -> list[Clue]:
    """'the 30th anniversary of <event>', 'two years since <event>', '<event> three days ago': a date counted
    from it (the phrase may stand before any of the words that name the event). An anniversary still to
    come ('the summit for the 10th anniversary ... to be hosted in October') only bounds the date."""
    text = mention.sentence.text
    for at in dict.fromkeys([mention.at, *mention.event.cue_positions(text)]):
        found = _counted_from(mention.event, text, at)
        if found is not None:
            break
    else:
        return []
    day, weight, how, years = found
    event, group = mention.event, f"anniversary:{mention.sentence.line}:{mention.event.id}"
    counted = f"'{quote}' -> {how} {event.name} ({event.span()}) = {day.isoformat()}"
    clues = []
    if years:  # an Nth anniversary is not spoken of long before it: published at most a year earlier
        clues.append(Clue("anniversary", "derived", f"{counted}: published after {day - YEAR:%Y-%m-%d}", lo=day - YEAR, strength=0.5, group=group))
    if tense_at(text, at) == "future":
        clues.append(Clue("anniversary", "derived", f"{counted}, still to come: published before", hi=day, strength=0.5, tolerance=ANNIVERSARY_DAYS, group=group))
        if says_near(text):  # 'on the eve of', 'approaching': written in the weeks before it, like an event to come
            clues.append(Clue("anniversary", "derived", f"{counted}, near and still to come: published the day before", day - ONE,
                              COMING_ANNIVERSARY_WEIGHT, group=group, window=days(day, -COMING_DAYS, -1)))
        return clues
    return [*clues, Clue("anniversary", "derived", counted, day, weight, group=group, window=days(day, -ANNIVERSARY_DAYS, ANNIVERSARY_DAYS))]


def _counted_from(event: Event, text: str, at: int) -> tuple[dt.date, float, str, int] | None:
    """(day, weight, how, years of an anniversary or 0) of the count ending at ``at`` ('the 30th
    anniversary of', 'two years since') or starting after it ('..., three days ago')."""
    before = text[max(0, at - 90) : at]
    match = ANNIVERSARY_RE.search(before) or ANNIVERSARY_NUMBER_BEFORE_RE.search(before) or ANNIVERSARY_NUMBER_AFTER_RE.search(text[at : at + 80])
    if match:
        years = anniversary_years(match)
        if not 0 < years <= 100:
            return None
        day = add_years(event.start, years)
        return (day, 0.45, f"{ordinal(years)} anniversary", years) if day else None
    match = OFFSET_BEFORE_RE.search(before) or OFFSET_AFTER_RE.search(text[at : at + 120])
    if not match:
        return None
    count = count_value(match)
    rel = "after" if match.group("rel").lower() in ("ago", "earlier") else match.group("rel")
    if not 0 < count <= 400:
        return None
    day = _offset_day(event, count, match.group("unit"), rel)
    return (day, 0.35, f"{count} {match.group('unit').lower()} {' '.join(rel.lower().split())}", 0) if day else None


def weekday_clues(doc: Doc, anchors: list[Anchor], calendar: Calendar) -> list[Clue]:
    """'On Friday, Xi met ...': the Friday of the article's event (in its sentence, else the main one,
    or each of its alternative readings, which the weekday may tell apart); 'the Kremlin said on Tuesday
    that Putin would attend ...': the Tuesday of the report."""
    clues: list[Clue] = []
    main = [(e, w, -1) for e, w, alt in anchors if (e, w, alt) == anchors[0] or (alt and alt == anchors[0][2])] if anchors else []
    wire = _wire_report(doc)
    for sentence in doc.article_sentences():
        if "day" not in sentence.text:
            continue  # every weekday's name ends so
        for match in WEEKDAY_MENTION.finditer(sentence.text):
            own = [(e, 1.0, m.start()) for e, m in named_in(doc, calendar)[sentence] if e.end is not None and (e.days or 99) <= 7]
            readings = own or main
            alt = f"weekday-alt:{sentence.line}:{match.start()}" if len(readings) > 1 else ""
            for event, anchor_weight, at in readings:
                weight = min(1.0, anchor_weight * 2)
                if at >= 0 and _reporting_day(sentence.text, match.start()):
                    clue = _report_weekday_clue(sentence, match, event, weight, tense_at(sentence.text, at))
                else:
                    clue = _weekday_clue(sentence, match, event, weight, wire)
                if clue:
                    clues.append(replace(clue, alt=alt))
    return clues


def _reporting_day(text: str, at: int) -> bool:
    """Whether the weekday at ``at`` is the day of a report ('said on Tuesday', 'told reporters on Monday')."""
    before = re.findall(r"[\w'’]+", text[max(0, at - 40) : at].lower())[-4:]
    after = re.findall(r"[\w'’]+", text[at : at + 40].lower())[1:3]
    return any(word in speech_verbs() for word in before + after)


def _report_weekday_clue(sentence: Sentence, match: re.Match[str], event: Event, anchor_weight: float, tense: str | None) -> Clue | None:
    """The weekday of a report about the event named in its sentence: in the week before the event
    when it is still to come, during or in the week after it otherwise; published that day or the next."""
    start, end = event.start, event.end
    assert end is not None
    weekday = WEEKDAYS[match.group("wd").lower()]
    if tense == "future":
        options, how = [start - dt.timedelta(days=k) for k in range(1, 8)], "before"
    elif tense is not None:
        options, how = [start + dt.timedelta(days=k) for k in range(0, (end - start).days + 8)], "during or after"
    else:
        return None
    day = next((d for d in options if d.weekday() == weekday), None)
    if day is None:
        return None
    quote = excerpt(sentence.text, match.start(), match.end() + 50, 100)
    return Clue("weekday", "derived", f"'{quote}' -> reported on the {match.group('wd')} {how} {event.name} ({event.span()}) = {day.isoformat()}",
                day, 0.5 * anchor_weight, group=f"weekday:{sentence.line}", window=days(day, 0, 1))


WIRE_LEAD_LINES = 4  # an agency's dateline stands on one of the article's first lines


def _wire_report(doc: Doc) -> bool:
    """Whether the article opens with an agency's dateline without a date ('TEHRAN (Tasnim) –',
    'ALMATY (Reuters) -'): a wire report, put out the day of what it reports."""
    lead = [number for number in range(len(doc.lines)) if doc.places[number] == "body" and doc.lines[number].strip()][:WIRE_LEAD_LINES]
    return any(WIRE_DATELINE.match(doc.lines[number]) for number in lead)


def _weekday_clue(sentence: Sentence, match: re.Match[str], event: Event, anchor_weight: float, wire: bool = False) -> Clue | None:
    start, end = event.start, event.end
    assert end is not None
    weekday = WEEKDAYS[match.group("wd").lower()]
    options = [start + dt.timedelta(days=k) for k in range(-3, (end - start).days + 4)]
    options = [d for d in options if d.weekday() == weekday]
    if not options:
        return None
    day = min(options, key=lambda d: 0 if start <= d <= end else min(abs((d - start).days), abs((d - end).days)))
    inside = start <= day <= end
    tense = tense_at(sentence.text, match.start()) or "past"
    shift = {"past": 1, "present": 0, "future": -1}[tense]
    if wire and shift == 1:
        shift = 0  # a wire reports the day's news that day
    weight = (0.65 if inside else 0.3) * anchor_weight
    when = {1: "published the day after", 0: "published that day", -1: "published the day before"}[shift]
    when += " (a wire report)" if wire and tense == "past" else ""
    quote = excerpt(sentence.text, match.start(), match.end() + 50, 100)
    allowed = {1: days(day, 0, 1), 0: days(day, 0, 1 if wire else 0), -1: days(day, -6, -1)}[shift]  # wires report the same day, papers the next
    return Clue("weekday", "derived", f"'{quote}' -> {match.group('wd')} of {event.name} ({event.span()}) = {day.isoformat()}, {when}",
                day + dt.timedelta(days=shift), weight, group=f"weekday:{sentence.line}", window=allowed)


def _around(text: str, at: int) -> str:
    """The sentence of ``text`` (joined lines) around position ``at``."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


HISTORICAL_TITLE = re.compile(r"\b(former|formerly|then|ex|late|first|previous|previously|predecessor|known as|renamed|called)[\s-]+(\w+\s+){0,2}$|\(\s*$", re.IGNORECASE)


def title_clues(doc: Doc, calendar: Calendar) -> list[Clue]:
    """Phrases that date the writing: 'President Tokayev' (not before 2019-03-20), 'former Prime
    Minister Kishida' (not before 2024-10-01), 'President Nazarbayev' (probably not after 2019-03-19)."""
    text = "\n".join(line for number, line in enumerate(doc.lines) if not doc.related(number))
    clues: list[Clue] = []
    for event in calendar.with_phrases_in(text):
        for regexes, day, how in ((event.since_start, event.start, "since"), (event.since_end, event.end, "after")):
            if day is None:
                continue
            for regex in regexes:
                match = regex.search(text)
                if match:
                    quote = excerpt(text, match.start(), match.end(), 70)
                    clues.append(Clue("title", "derived", f"'{quote}' -> written {how} {day.isoformat()} ({event.name})", lo=day, strength=0.7, group=f"title:{event.id}"))
                    break
        if event.end is not None:
            current = [m for regex in event.until_end for m in regex.finditer(text)
                       if not HISTORICAL_TITLE.search(text[max(0, m.start() - 25) : m.start()]) and tense_at(_around(text, m.start()), None) in ("present", "future")]
            if current:
                quote = excerpt(text, current[0].start(), current[0].end(), 70)
                clues.append(Clue("title", "derived", f"'{quote}' -> probably written by {event.end.isoformat()} ({event.name})",
                                  hi=event.end, strength=0.35, tolerance=30, group=f"title-until:{event.id}"))
    return clues

