"""Dates in URL paths and timestamps in ids (Toutiao, Douyin, Twitter/X, Bluesky, China Daily)."""

from __future__ import annotations

import datetime as dt
import re

from .clue import Clue, days, excerpt, make_date
from .doc import Doc
from .forms import month_number

BEIJING = dt.timezone(dt.timedelta(hours=8))

SOURCE_LABEL = re.compile(
    r"(original(?: article| link| source| text| post)?|source|via|read the original|link|оригинал|источник|джерело|sursa|来源|原文)\s*[:：\-–—]?\s*$",
    re.IGNORECASE,
)
_UY, _UM, _UD = r"(?P<y>(?:19|20)\d{2})", r"(?P<m>0?[1-9]|1[0-2])", r"(?P<d>0?[1-9]|[12]\d|3[01])"
_UEND = r"(?=[/_.\-?#]|$)"
URL_DAY_PATTERNS = (
    re.compile(rf"/{_UY}[/_-]{_UM}[/_-]{_UD}{_UEND}"),  # /2023/05/18/, /2023-05-18/, /2023_05_18_
    re.compile(rf"[-_]{_UY}-{_UM}-{_UD}{_UEND}"),  # reuters.com/world/slug-2023-05-18/
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.\-?#]|$|[A-Z]\d)"),  # /20230518/, qq.com/a/20230518A01
    re.compile(rf"/{_UY}-{_UM}/{_UD}/"),  # xinhuanet.com/2023-05/18/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])/"),  # people.com.cn/n1/2023/0518/
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])/"),  # chinadaily.com.cn/a/202305/18/
    re.compile(rf"/{_UD}/{_UM}/{_UY}/"),  # rbc.ru/politics/18/05/2023/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?P<d>0?[1-9]|[12]\d|3[01])/", re.I),  # theguardian.com/world/2023/may/18/
)
URL_MONTH_PATTERNS = (
    re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(?!\d)"),
    re.compile(r"globaltimes\.cn/page/((?:19|20)\d{2})(0[1-9]|1[0-2])/"),
)
UPLOADS_RE = re.compile(r"/uploads/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
TWITTER_EPOCH_MS = 1288834974657


def _bytedance(value: str) -> dt.datetime | None:
    """ByteDance item ids (Toutiao, Douyin, Xigua, TikTok): the top 32 bits are Unix seconds."""
    return _from_seconds(int(value) >> 32)


def _twitter(value: str) -> dt.datetime | None:
    """Twitter/X snowflake: milliseconds = (id >> 22) + 1288834974657 (from 4 Nov 2010)."""
    moment = _from_seconds(((int(value) >> 22) + TWITTER_EPOCH_MS) / 1000)
    return moment if moment and moment >= dt.datetime(2010, 11, 10, tzinfo=dt.timezone.utc) else None


def _bluesky(value: str) -> dt.datetime | None:
    """Bluesky TID: 13 base32-sortable characters, the top 53 bits microseconds since 1970."""
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    number = 0
    for char in value:
        number = number * 32 + alphabet.index(char)
    return _from_seconds((number >> 10) / 1_000_000)


def _object_id(value: str) -> dt.datetime | None:
    """A 24-hex-digit (MongoDB-style) id, as in China Daily's WS... ids: the first 8 digits are Unix seconds."""
    return _from_seconds(int(value[:8], 16))


def _from_seconds(seconds: float) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment if dt.datetime(2010, 1, 1, tzinfo=dt.timezone.utc) <= moment <= dt.datetime(2035, 12, 31, tzinfo=dt.timezone.utc) else None


ID_DECODERS: tuple[tuple[str, re.Pattern[str], object, dt.tzinfo, str], ...] = (
    ("Toutiao", re.compile(r"(?:toutiao|toutiaocdn|snssdk)\.com/(?:article/|group/|item/|w/a?|a|i)(\d{16,20})", re.I), _bytedance, BEIJING, "Beijing"),
    ("Xigua", re.compile(r"ixigua\.com/(?:i)?(\d{16,20})", re.I), _bytedance, BEIJING, "Beijing"),
    ("Douyin", re.compile(r"douyin\.com/(?:video|note)/(\d{16,20})", re.I), _bytedance, BEIJING, "Beijing"),
    ("TikTok", re.compile(r"tiktok\.com/@[^/\s]+/(?:video|photo)/(\d{16,20})", re.I), _bytedance, dt.timezone.utc, "UTC"),
    ("Twitter/X", re.compile(r"(?<![\w.-])(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:[A-Za-z0-9_]{1,20}|i/web)/status(?:es)?/(\d{10,20})", re.I), _twitter, dt.timezone.utc, "UTC"),
    ("Bluesky", re.compile(r"bsky\.app/profile/[^/\s]+/post/([2-7a-z]{13})\b"), _bluesky, dt.timezone.utc, "UTC"),
    ("China Daily", re.compile(r"chinadaily\.com\.cn/\S*?WS([0-9a-f]{24})", re.I), _object_id, BEIJING, "Beijing"),
)
# Platforms whose link, when it is not labelled as the source, is usually the article itself.
SELF_PLATFORMS = {"Toutiao", "Xigua", "Douyin", "China Daily"}


def _url_context(doc: Doc, url: str) -> tuple[bool, int | None]:
    """(labelled as the source, line) of ``url`` in the text; (False, None) when absent."""
    for number, found in doc.urls:
        if found == url or url.startswith(found) or found.startswith(url):
            line = doc.lines[number]
            before = line[: line.find(found)] if found in line else ""
            return bool(SOURCE_LABEL.search(before.strip()) or (not before.strip() and number > 0 and SOURCE_LABEL.search(doc.lines[number - 1].strip()))), number
    return False, None


def link_clues(doc: Doc, url: str | None) -> list[Clue]:
    """Dates in URL paths and timestamps in ids: the source URL, links labelled as the source, other links."""
    links: list[tuple[str, str]] = []  # (url, role): source | labelled | link
    if url:
        labelled, where = _url_context(doc, url)
        links.append((url, "source" if where is None or labelled else "link-source"))
    for number, found in doc.urls:
        if url and (found == url or url.startswith(found) or found.startswith(url)):
            continue
        labelled, _ = _url_context(doc, found)
        links.append((found, "labelled" if labelled else ("related" if doc.related(number) else "link")))
    clues: list[Clue] = []
    for link, role in dict.fromkeys(links):
        clues += _id_clues(link, role)
        clues += _url_date_clues(link, role)
    return clues


def _id_clues(link: str, role: str) -> list[Clue]:
    clues = []
    for name, regex, decode, zone, zone_name in ID_DECODERS:
        for match in regex.finditer(link):
            moment = decode(match.group(1))  # type: ignore[operator]
            if moment is None:
                continue
            local = moment.astimezone(zone)
            shown = f"{moment:%Y-%m-%d %H:%M} UTC" + (f" ({local:%Y-%m-%d %H:%M} {zone_name})" if zone_name != "UTC" else "")
            quote = excerpt(link, match.start(), match.end(), 70)
            evidence = f"'{quote}' -> {name} id timestamp {shown}"
            day = local.date()
            own = role in ("source", "labelled") or (role in ("link", "link-source") and name in SELF_PLATFORMS)
            if own:
                weight = 0.9 if role in ("source", "labelled") else 0.8
                clues.append(Clue("id-timestamp", "derived", evidence + " = the article's own id", day, weight, group=f"id:{link}"))
            elif role != "related":
                clues.append(Clue("id-timestamp", "derived", evidence + " -> a linked post, so published on or after", lo=day, strength=0.5, group=f"id:{link}"))
                clues.append(Clue("id-timestamp", "derived", evidence + " -> a linked post, published soon after", day, 0.3, group=f"id:{link}",
                                  window=days(day, 0, 30)))
    return clues


def _url_date_clues(link: str, role: str) -> list[Clue]:
    clues: list[Clue] = []
    quote = excerpt(link, 0, None, 110)
    for regex in URL_DAY_PATTERNS:
        match = regex.search(link)
        month = (int(match.group("m")) if match.group("m").isdigit() else month_number(match.group("m"))) if match else None
        day = make_date(int(match.group("y")), month, int(match.group("d"))) if match and month else None
        if day is None:
            continue
        if role in ("source", "labelled"):
            clues.append(Clue("url-date", "stated", f"'{quote}' -> date in the source URL", day, 0.9 if role == "source" else 0.85, group=f"url:{link}"))
        elif role == "link-source":
            clues.append(Clue("url-date", "stated", f"'{quote}' -> date in the URL (a link in the text)", day, 0.6, group=f"url:{link}"))
        elif role == "link":
            clues.append(Clue("url-date", "derived", f"'{quote}' -> a linked article's date, so published on or after", lo=day, strength=0.4, group=f"url:{link}"))
        return clues
    for regex in URL_MONTH_PATTERNS:
        match = regex.search(link)
        first = make_date(int(match.group(1)), int(match.group(2)), 1) if match else None
        if first is None or role not in ("source", "labelled", "link-source"):
            continue
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        clues.append(Clue("url-month", "stated", f"'{quote}' -> month in the source URL", lo=first, hi=last, strength=0.6, group=f"url:{link}"))
        return clues
    match = UPLOADS_RE.search(link)
    first = make_date(int(match.group(1)), int(match.group(2)), 1) if match else None
    if first is not None and role != "related":
        clues.append(Clue("url-month", "derived", f"'{quote}' -> an uploaded file of that month, so published on or after", lo=first, strength=0.4, group=f"url:{link}"))
    return clues

