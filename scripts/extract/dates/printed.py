"""Printed dates: publication lines, datelines, dates mentioned in sentences, dates without a year."""

from __future__ import annotations

import datetime as dt
import re

from ...datewords import WEEKDAYS
from .clue import LATEST, Clue, add_months, add_years, days, excerpt, make_date
from .combine import score
from .doc import Doc, blank_urls, sentence_at
from .forms import YEAR_WORD, AGO_AFTER, AGO_BEFORE, ANNIVERSARY_NUMBER_BEFORE_RE, ANNIVERSARY_RE, ANY_YEAR, DATELINE_STOP, FULL_WEEKDAY, LABEL, LABEL_RE, MONTH_YEAR_RE, TIME_RE, WEEKDAY_MENTION, DateMatch, anniversary_years, count_value, ordinal, full_dates, month_number, partial_dates
from .tense import tense_at
from .years import newest_year


PARTIAL_FIRST_YEAR = 1995  # a dateline without a year: the earliest year considered
MONTH_FIRST = 0.65  # an ambiguous numeric date read month first, relative to day first
UPDATED_POINT = 0.5  # an 'updated' stamp as a guess of the publication day, relative to a publication stamp
UPDATED_DAYS = 365  # ... which may be this many days earlier
LEAD_WEEKDAY_PREFERENCE = 1.5  # a year-less dateline's years whose date falls on a weekday named in the lead


def _without_headline(rest: str, headline: str | None) -> str:
    """``rest`` less the article's headline when it repeats it (a share widget or breadcrumb with the date)."""
    if not headline:
        return rest
    words = re.findall(r"\w+", headline.lower())
    present = set(re.findall(r"\w+", rest.lower()))
    if len(words) < 3 or sum(w in present for w in words) < 0.8 * len(words):
        return rest
    return re.sub(r"\w+", lambda m: " " if m.group(0).lower() in words else m.group(0), rest)


def _residue(line: str, match: DateMatch, headline: str | None = None) -> str:
    """What is left of a line once the date, times, weekdays, labels, separators and a repeated
    headline are removed."""
    rest = _without_headline(line[: match.start] + " " + line[match.end :], headline)
    rest = TIME_RE.sub(" ", rest)
    rest = re.sub(rf"\b{FULL_WEEKDAY}\b", " ", rest, flags=re.I)
    rest = re.sub(LABEL, " ", rest, flags=re.I)
    rest = re.sub(r"\b(year|y\.|г\.|yil|at|on|by|updated|views?|comments?|\d+)\b", " ", rest, flags=re.I)
    return re.sub(r"[\s|/•·,:;–—\-()\[\]]+", " ", rest).strip()


YEAR_MARK = re.compile(rf"\s*{YEAR_WORD}(?!\w)", re.IGNORECASE)  # the word or letter for 'year' after a year


def _is_dateline(line: str, match: DateMatch) -> bool:
    """'ALMATY, May 18 (Reuters) -', 'Tashkent, 18 May 2023 (Kun.uz)', '18 May 2023 - ...' at a line start."""
    before, after = line[: match.start], line[match.end - (line[match.end - 1] == ".") :]  # 'Toshkent, 2022-yil 20-iyul. ...'
    year_word = YEAR_MARK.match(after) if match.day is not None else None
    if year_word:  # 'Tashkent, 20 July 2022 y.', 'Ташкент, 20 июля 2022 г.': the year's word belongs to the date
        after = after[year_word.end() - year_word.group().endswith(".") :]  # a period ends the word and may end the dateline
    if before.strip():
        place = before.strip().rstrip(",.–—-: ").strip()
        words = re.findall(r"[^\s,]+", place)
        if not words or len(words) > 5 or words[0].lower() in DATELINE_STOP:
            return False
        if not all(w[0].isupper() or w.startswith("(") for w in words):
            return False
        if not before.rstrip().endswith((",", ".", "-", "–", "—")):
            return False
    return bool(re.match(r"^\s*(\([^)]{1,40}\)|\((?=\s*[-–—])|/[^/\n]{1,20}/|\[[^\]]{1,30}\])?\s*([.,]\s|[-–—:]|[.,]?\s*$)", after)) or bool(
        re.match(r"^\s*\([^)]{1,40}\)", after)
    )


def _role(line: str, match: DateMatch, related: bool, place: str, headline: str | None) -> tuple[str, float]:
    """How a date stands in its line: (kind, weight as a publication date) or ('date-mention', 0).

    ``related``: the line cannot print the publication date (other stories, menus, captions);
    ``place``: head, body or tail of the page; ``headline``: the article's, which a stamp line may repeat."""
    before = TIME_RE.sub(" ", line[max(0, match.start - 40) : match.start])
    before = re.sub(rf"\b{FULL_WEEKDAY}\b[,\s]*$", "", before.rstrip(), flags=re.I)
    label = LABEL_RE.search(before.rstrip(" ,"))
    if re.search(r"\d\s*(?:[-–—]|and|&|to)\s*$", line[max(0, match.start - 6) : match.start]) or re.match(r"^\s*(?:[-–—]|and|&|to)\s*\d", line[match.end :]):
        return "date-mention", 0.0  # one end of a range of days: an event's dates
    if re.search(r"\(@\w+\)\s*$", line[: match.start]):
        return "date-mention", 0.0  # the date of an embedded post: '— Name (@handle) May 18, 2023'
    if label:
        return ("updated-label", 0.8) if label.group("updated") else ("published-label", 0.3 if related else 0.95)
    if related:
        return "date-mention", 0.0
    if _is_dateline(line, match):
        return "dateline", 0.9
    residue = _residue(line, match, headline)
    if len(residue) <= 40 and len(residue.split()) <= 6 and not re.search(r"[.!?]\s*$", residue):
        return "date-line", {"head": 0.85, "tail": 0.75}.get(place, 0.6)
    return "date-mention", 0.0


STACK_LINE_CHARS = 12  # a date printed one part per line: each part this short


def _stacked_stamps(doc: Doc) -> list[tuple[int, str]]:
    """Dates printed one part per line ('12' / 'Mar' / '2026' / '11:45'): (first line, the run of short lines
    joined) where the joined run holds a full date that no line of it holds alone."""
    found: list[tuple[int, str]] = []
    run: list[int] = []
    for number in range(len(doc.lines) + 1):
        text = doc.lines[number].strip() if number < len(doc.lines) else ""
        if text and len(text) <= STACK_LINE_CHARS and doc.zones[number] not in ("related-links", "caption"):
            run.append(number)
            continue
        if len(run) >= 2 and any(c.isdigit() for i in run for c in doc.lines[i]):
            joined = " ".join(doc.lines[i].strip() for i in run)
            if full_dates(joined) and not any(full_dates(doc.lines[i]) for i in run):
                found.append((run[0], joined))
        run = []
    return found


def _may_print(doc: Doc, number: int, line: str, match: DateMatch) -> bool:
    """Whether ``match`` on line ``number`` may be the publication date: not in a zone of other stories,
    menus or captions - unless the line is that date alone ("Tuesday, September 24"), which no menu item is."""
    if doc.may_print_publication(number):
        return True
    return doc.zones[number] == "menu" and not _residue(line, match)


def _page_date(doc: Doc, number: int) -> bool:
    """A date line above the headline that is the site's 'today' rather than the article's stamp:
    it stands among the header's widgets (rates, weather), or the headline has its own stamp
    between it and the article."""
    if doc.places[number] != "head" or "headline" not in doc.zones[number + 1 :]:
        return False
    if _without_headline(doc.lines[number], doc.document.headline) != doc.lines[number]:
        return False  # it repeats the headline: the article's own stamp
    headline = doc.zones.index("headline", number + 1)
    filled = [i for i, line in enumerate(doc.lines) if line.strip()]
    at = filled.index(number)
    if any(doc.reasons[i] == "counter" for i in filled[max(0, at - 2) : at + 3]):
        return True
    first_kept = next((i for i, line in enumerate(doc.document.lines) if line.kept), len(doc.lines))
    return any(doc.zones[i] in ("stamp", "dateline") and full_dates(blank_urls(doc.lines[i])) for i in range(headline + 1, first_kept))


LIST_GAP = 3  # date lines above the article this close (in lines) are one list


def _listed_stamps(doc: Doc) -> set[int]:
    """Date lines that are the stamps of a list of other stories, not the article's own: below the
    article when there are several with different dates ('Other news'); above it, a cluster of
    nearby lines with different dates ('December 5 in 60 seconds', 'December 4 in 60 seconds')."""
    if "listed" in doc.cache:
        return set(doc.cache["listed"])
    found: dict[int, tuple[int, int, int | None]] = {}  # line -> (month, day, year or None)
    for number, raw in enumerate(doc.lines):
        place = doc.places[number]
        if place not in ("head", "tail") or not any(c.isdigit() for c in raw):
            continue
        line = blank_urls(raw)
        full = full_dates(line)
        for match in [*full, *partial_dates(line, full)]:
            if _role(line, match, False, place, doc.document.headline)[0] == "date-line":
                found.setdefault(number, (match.month, match.dom, match.day.year if match.day else None))
    tail = [n for n in found if doc.places[n] == "tail"]
    listed = set(tail) if len({found[n] for n in tail}) >= 2 else set()
    cluster: list[int] = []
    for head in [*(n for n in found if doc.places[n] == "head"), None]:
        if head is not None and (not cluster or head - cluster[-1] <= LIST_GAP):
            cluster.append(head)
            continue
        if len({found[n] for n in cluster}) >= 2:
            listed.update(cluster)
        cluster = [head] if head is not None else []
    doc.cache["listed"] = frozenset(listed)
    return listed


def printed_clues(doc: Doc) -> list[Clue]:
    """Full printed dates: publication lines (points) and dates mentioned in sentences (bounds)."""
    clues: list[Clue] = []
    latest_past: tuple[dt.date, str] | None = None
    earliest_future: tuple[dt.date, str] | None = None
    listed = _listed_stamps(doc)
    stacked = _stacked_stamps(doc)
    for number, raw in [*enumerate(doc.lines), *stacked]:
        line = blank_urls(raw)
        for match in full_dates(line):
            assert match.day is not None
            elsewhere = not _may_print(doc, number, line, match)  # among other stories, menus or captions
            kind, weight = _role(line, match, elsewhere, doc.places[number], doc.document.headline)
            quote = excerpt(raw, match.start, match.end, 90)
            if (number, raw) in stacked and not weight:
                continue  # lines joined only to read a date printed one part per line
            if weight and kind == "date-line" and number in listed:
                continue  # the stamps of a list of other stories below the article
            if weight and kind in ("dateline", "date-line") and _page_date(doc, number):
                clues.append(Clue("page-date", "derived", f"'{quote}' -> the page's own date (site header): published on or before",
                                  hi=match.day, strength=0.5, group=f"line{number}"))
                continue
            if weight:
                if match.ambiguous:
                    weight *= 0.8
                if match.weekday is not None and match.weekday != match.day.weekday():
                    weight *= 0.5
                if kind == "updated-label":  # not the publication date: published on or before it, often that day
                    clues.append(Clue(kind, "derived", f"'{quote}' -> updated then, so published on or before", hi=match.day, strength=0.6, group=f"line{number}"))
                    clues.append(Clue(kind, "derived", f"'{quote}' -> updated then: published that day or earlier", match.day, weight * UPDATED_POINT,
                                      group=f"line{number}", window=days(match.day, -UPDATED_DAYS, 0)))
                    continue
                what = {"published-label": "publication line", "dateline": "dateline", "date-line": "date line"}[kind]
                if match.weekday is not None:
                    what += ", weekday agrees" if match.weekday == match.day.weekday() else f", but it was a {match.day:%A}"
                other = make_date(match.day.year, match.dom, match.month) if match.ambiguous else None
                if other is None and elsewhere:  # a labelled stamp in a block of other stories or a menu: perhaps not this article's
                    clues.append(Clue(kind, "derived", f"'{quote}' -> {what}, but in a block the page keeps for other stories or menus", match.day, weight, group=f"line{number}"))
                    continue
                if other is None:
                    clues.append(Clue(kind, "stated", f"'{quote}' -> {what}", match.day, weight, group=f"line{number}"))
                    continue
                # '03/04/2023': day first (the region's order) or month first; the other clues decide, neither is 'stated'
                clues.append(Clue(kind, "derived", f"'{quote}' -> {what}, read day first", match.day, weight, group=f"line{number}"))
                clues.append(Clue(kind, "derived", f"'{quote}' -> {what}, read month first", other, weight * MONTH_FIRST, group=f"line{number}"))
                continue
            zone = doc.zones[number]
            if zone in ("related-links", "menu"):
                continue  # other stories' dates, a widget's 'rates as of ...'
            if zone == "caption":
                clues.append(Clue("caption", "derived", f"'{quote}' -> a photo's date (caption), so published on or after", lo=match.day, strength=0.3, group=f"line{number}"))
                continue
            sentence = sentence_at(doc, number, raw[match.start : match.end])
            offset = max(0, sentence.find(raw[match.start : match.end]))
            tense = tense_at(sentence, offset) or "past"
            if tense == "future":
                clues.append(Clue("date-mention", "derived", f"'{quote}' (future tense) -> published before", hi=match.day, strength=0.5, group=f"line{number}"))
                if earliest_future is None or match.day < earliest_future[0]:
                    earliest_future = (match.day, quote)
            else:
                clues.append(Clue("date-mention", "derived", f"'{quote}' ({tense} tense) -> published on or after", lo=match.day, strength=0.5, group=f"line{number}"))
                if latest_past is None or match.day > latest_past[0]:
                    latest_past = (match.day, quote)
                clues += _ago_clues(sentence, offset, offset + match.end - match.start, match.day, number)
                clues += _anniversary_of_date(sentence, offset, match.day, match.day, f"line{number}:{offset}")
    clues += _month_year_clues(doc)
    newest = newest_year(doc)
    if latest_past and latest_past[0].year >= newest:
        day, quote = latest_past
        clues.append(Clue("date-mention", "derived", f"'{quote}' -> latest date reported as past, published the day after", day + dt.timedelta(days=1), 0.3,
                          group="mention-past", window=days(day, 0, 30)))
    if earliest_future and earliest_future[0].year >= newest:
        day, quote = earliest_future
        clues.append(Clue("date-mention", "derived", f"'{quote}' -> earliest date reported as future, published the day before", day - dt.timedelta(days=1), 0.2,
                          group="mention-future", window=days(day, -30, -1)))
    return clues


def _ago_clues(sentence: str, start: int, end: int, day: dt.date, number: int) -> list[Clue]:
    """'sixteen years ago on December 12, 1995', '12 May 2021, two years ago': published that long after the date
    (for years and months, within one more of them: 'sixteen years ago' is said until the seventeenth)."""
    match = AGO_BEFORE.search(sentence[max(0, start - 60) : start]) or AGO_AFTER.match(sentence[end : end + 40])
    if not match:
        return []
    count, unit = count_value(match), match.group("unit").lower().rstrip("s")
    if not 0 < count <= 200:
        return []
    if unit in ("year", "month"):
        moved = add_years(day, count) if unit == "year" else add_months(day, count)
        further = add_years(day, count + 1) if unit == "year" else add_months(day, count + 1)
        if moved is None or further is None:
            return []
        allowed = (moved, further - dt.timedelta(days=1))
    else:
        moved = day + dt.timedelta(days=count * (7 if unit == "week" else 1))
        allowed = days(moved, -1, 1)
    quote = excerpt(sentence, start - len(match.group(0)) if match.end() <= start else start, end + match.end(), 90)
    how = f"'{quote}' -> {count} {unit}(s) after {day.isoformat()} = {moved.isoformat()}"
    return [Clue("anniversary", "derived", how, moved, 0.35, group=f"ago{number}:{start}", window=allowed),
            Clue("anniversary", "derived", how + ": published on or after", lo=allowed[0], strength=0.5, group=f"ago{number}:{start}")]


def _anniversary_of_date(sentence: str, start: int, first: dt.date, last: dt.date, group: str) -> list[Clue]:
    """'the third anniversary of the victory in April 2016', 'к 20-летию ... 12 декабря 1995 года': the
    anniversary of the date printed at ``start`` (a day, or a month from ``first`` to ``last``) dates
    the article, within a few days of it (of its month); one still to come only bounds it."""
    before = sentence[max(0, start - 100) : start]
    match = ANNIVERSARY_RE.search(before) or ANNIVERSARY_NUMBER_BEFORE_RE.search(before)
    if not match:
        return []
    years = anniversary_years(match)
    begin, end = add_years(first, years) if 0 < years <= 100 else None, add_years(last, years) if 0 < years <= 100 else None
    if begin is None or end is None:
        return []
    quote = excerpt(sentence, max(0, start - 100) + match.start(), start + 20, 100)
    span = begin.isoformat() if begin == end else f"{begin.isoformat()}..{end.isoformat()}"
    how = f"'{quote}' -> {ordinal(years)} anniversary of {first.isoformat() if first == last else f'{first:%B %Y}'} = {span}"
    since = Clue("anniversary", "derived", f"{how}: published after {add_years(begin, -1) or begin}", lo=add_years(begin, -1) or begin, strength=0.5, group=group)
    if tense_at(sentence, max(0, start - 100) + match.start()) == "future":
        return [since, Clue("anniversary", "derived", f"{how}, still to come: published before", hi=end, strength=0.5, tolerance=ANNIVERSARY_DAYS, group=group)]
    allowed = days(begin, -ANNIVERSARY_DAYS, ANNIVERSARY_DAYS) if begin == end else (begin, end)
    return [since, Clue("anniversary", "derived", how, begin, 0.45 if begin == end else 0.3, group=group, window=allowed)]


def _month_year_clues(doc: Doc) -> list[Clue]:
    """'in January 2022' (past: published on or after the 1st) / 'in May 2026 ... will' (future: before its end)."""
    clues: list[Clue] = []
    for sentence in doc.article_sentences():
        if not ANY_YEAR.search(sentence.text):
            continue
        text = blank_urls(sentence.text)
        taken = full_dates(text)
        for match in MONTH_YEAR_RE.finditer(text):
            if any(t.start <= match.start() < t.end for t in taken):
                continue
            month = month_number(match.group("m"))
            first = make_date(int(match.group("y")), month, 1) if month else None
            if first is None or (month == 5 and match.group("m").islower()):
                continue
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            tense = tense_at(text, match.start())
            quote = excerpt(text, match.start(), match.end(), 90)
            clues += _anniversary_of_date(text, match.start(), first, last, f"month{sentence.line}:{match.start()}")
            if tense == "future":
                clues.append(Clue("date-mention", "derived", f"'{quote}' (future tense) -> published before the end of {first:%B %Y}", hi=last, strength=0.4, group=f"line{sentence.line}"))
            elif tense is not None:
                clues.append(Clue("date-mention", "derived", f"'{quote}' ({tense} tense) -> published in {first:%B %Y} or later", lo=first, strength=0.4, group=f"line{sentence.line}"))
    return clues


def _nearest_year(month: int, dom: int, anchor: dt.date, direction: str) -> dt.date | None:
    """The date (month, dom) nearest ``anchor``: 'before' (on or before anchor+1), 'after', or 'near'."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := make_date(y, month, dom))]
    if direction == "before":
        options = [d for d in options if d <= anchor + dt.timedelta(days=1)]
    elif direction == "after":
        options = [d for d in options if d >= anchor - dt.timedelta(days=1)]
    options = [d for d in options if abs((d - anchor).days) <= 250]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def partial_clues(doc: Doc, anchor: dt.date | None, others: list[Clue], horizon: int) -> list[Clue]:
    """Dates without a year: a dateline's or date line's year is the one the ``others`` clues agree
    on (up to the year ``horizon``); a date mentioned in a sentence goes in the year that fits
    ``anchor`` (the provisional estimate)."""
    clues: list[Clue] = []
    lead = _lead_weekdays(doc)
    listed = _listed_stamps(doc)
    bounded = bounded_window(others) if anchor is None else None
    latest_past: tuple[dt.date, str, int] | None = None
    for number, raw in enumerate(doc.lines):
        if doc.zones[number] in ("related-links", "caption"):
            continue
        line = blank_urls(raw)
        full = full_dates(line)
        for match in partial_dates(line, full):
            if doc.zones[number] == "menu" and not _may_print(doc, number, line, match):
                continue
            quote = excerpt(raw, match.start, match.end, 90)
            kind, weight = _role(line, match, not _may_print(doc, number, line, match), doc.places[number], doc.document.headline)
            if weight and kind == "date-line" and number in listed:
                continue  # the stamps of a list of other stories
            if weight:
                clue = _partial_publication(match, others, lead, quote, weight, number, horizon)
                if clue:
                    clues.append(clue)
                continue
            if anchor is None and bounded is None:
                continue
            sentence = sentence_at(doc, number, raw[match.start : match.end])
            tense = tense_at(sentence, max(0, sentence.find(raw[match.start : match.end]))) or "past"
            if anchor is not None:
                day = _nearest_year(match.month, match.dom, anchor, "after" if tense == "future" else "before")
                year_note = f"year {day.year if day else '?'} from the other clues"
            else:
                assert bounded is not None
                day = _only_year_within(match.month, match.dom, *bounded)
                year_note = f"year {day.year if day else '?'}, the only one within the bounds of the other clues"
                if day is not None and tense != "future" and (latest_past is None or day > latest_past[0]):
                    latest_past = (day, quote, number)
            if day is None:
                continue
            if tense == "future":
                clues.append(Clue("date-mention", "derived", f"'{quote}' (future tense, {year_note}) -> published before", hi=day, strength=0.4, group=f"line{number}"))
            else:
                clues.append(Clue("date-mention", "derived", f"'{quote}' ({tense} tense, {year_note}) -> published on or after", lo=day, strength=0.4, group=f"line{number}"))
    if latest_past is not None:
        day, quote, number = latest_past
        clues.append(Clue("date-mention", "derived", f"'{quote}' (year from the bounds of the other clues) -> latest date reported as past, published the day after",
                          day + dt.timedelta(days=1), 0.25, group=f"line{number}", window=days(day, 0, 30)))
    return clues


ANNIVERSARY_DAYS = 3  # an anniversary piece: within a few days of the anniversary
BOUNDED_DAYS = 400  # bounds this close fix the year of a date printed without one


def bounded_window(clues: list[Clue]) -> tuple[dt.date, dt.date] | None:
    """The days the strong bounds of ``clues`` allow, when they are close enough to fix a year."""
    los = [c.lo for c in clues if c.is_bound and c.lo is not None and c.strength >= 0.4]
    his = [c.hi for c in clues if c.is_bound and c.hi is not None and c.strength >= 0.4]
    if not los or not his:
        return None
    lo, hi = max(los), min(his)
    return (lo, hi) if 0 <= (hi - lo).days <= BOUNDED_DAYS else None


def _only_year_within(month: int, dom: int, lo: dt.date, hi: dt.date) -> dt.date | None:
    """The date (month, dom) between ``lo`` and ``hi`` (a day of slack each side), if only one year has it."""
    slack = dt.timedelta(days=1)
    options = [d for y in range(lo.year - 1, hi.year + 2) if (d := make_date(y, month, dom)) and lo - slack <= d <= hi + slack]
    return options[0] if len(options) == 1 else None


def _lead_weekdays(doc: Doc) -> set[int]:
    """Weekdays named in the first sentences ("said on Thursday"): a wire dateline is usually that day."""
    found: set[int] = set()
    for sentence in (s for s in doc.article_sentences() if s.rank < 4):
        for match in WEEKDAY_MENTION.finditer(sentence.text):
            found.add(WEEKDAYS[match.group("wd").lower()])
    return found


def _year_fit(day: dt.date, clues: list[Clue], group: str) -> float:
    """How well publication on ``day`` fits the other clues: the bounds it keeps (terms of office,
    events reported as past or coming, years spoken of), the points near it, and - between years
    that fit alike - nearness to the latest fact reported as past (articles follow the news)."""
    fit = score(Clue("year-probe", "derived", "", day, 0.5, group=group), clues)
    near = sum(c.weight * max(0.0, 1 - abs((c.date - day).days) / 365) for c in clues if c.is_point and c.group != group and c.date)
    after = max((0.2 * max(0.0, 1 - (day - c.lo).days / 365) for c in clues
                 if c.is_bound and c.lo and c.strength >= 0.4 and c.lo <= day and c.kind != "title"), default=0.0)  # a term's start is no news
    return fit * (1 + near + after)


def _partial_publication(match: DateMatch, clues: list[Clue], lead: set[int], quote: str, weight: float, number: int, horizon: int) -> Clue | None:
    """A dateline or date line without a year ("MOSCOW, June 4. /TASS/"): the year the other clues
    agree on, among the years in which the date falls on the weekday printed with it or named in
    the lead ("... said on Thursday"). When two years fit equally, the clue says so: its window
    spans them; when more do, or no clue tells years apart, there is no date. Years after
    ``horizon`` (the calendar's present) are not considered."""
    group = f"line{number}"
    options = [d for y in range(PARTIAL_FIRST_YEAR, min(horizon, LATEST.year) + 1) if (d := make_date(y, match.month, match.dom))]
    how = "the other clues"
    if match.weekday is not None:
        options, how = [d for d in options if d.weekday() == match.weekday], "the weekday printed with it and the other clues"
    fits = {d: _year_fit(d, clues, group) for d in options}
    if match.weekday is None and lead and any(d.weekday() in lead for d in options):
        # a weekday of the lead is usually the day of the report, but it may be the day before (an event's)
        fits = {d: fit * (LEAD_WEEKDAY_PREFERENCE if d.weekday() in lead else 1.0) for d, fit in fits.items()}
        how = "the weekday named in the lead and the other clues"
    if not fits or (len(fits) > 1 and max(fits.values()) <= min(fits.values()) * 1.0001):
        return None  # nothing tells the years apart
    best = max(fits.values())
    tied = sorted(d for d, fit in fits.items() if fit >= best * 0.999)
    day = tied[0]
    if len(tied) == 1:
        return Clue("dateline-partial", "derived", f"'{quote}' -> printed without a year; {day.year} fits {how} best", day, weight * 0.8, group=group)
    if len(tied) > 2:
        return None  # the clues do not agree on a year
    return Clue("dateline-partial", "derived", f"'{quote}' -> printed without a year; {tied[0].year} or {tied[1].year} fit {how} equally", day,
                weight * 0.4, group=group, window=(tied[0], tied[1]))
