"""Strip web-page furniture from a copy-pasted article and say what was removed.

Everything here is generic to news pages of the region's press (share
buttons, "Read also" lists, photo credits, comment prompts, disclaimers,
live-blog promos), not tied to particular articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SOCIAL = r"(?:facebook|twitter|x|telegram|viber|messenger|whatsapp|vk|vkontakte|odnoklassniki|ok|linkedin|reddit|e-?mail|pinterest|tumblr|skype|line|wechat|weibo|threads|bluesky|mastodon)"
# Whole lines that are page furniture (matched case-insensitively on the stripped line).
FURNITURE_LINES: tuple[tuple[str, str], ...] = (
    (rf"(?:share|send|post|repost|shared?)(?: (?:it|this|on|to|via|in|with))* {_SOCIAL}(?:,? (?:or )?{_SOCIAL})*", "share button"),
    (rf"{_SOCIAL}(?:\s*[,|/]?\s*{_SOCIAL})*", "share button"),
    (r"(?:share|share this(?: article| story| post| page)?|tweet|print|print this(?: article)?|e-?mail|copy(?: the)? link|link copied|save|bookmark|like|dislike|reply|comment)\W*", "share button"),
    (r"spread the love", "share button"),
    (r"(?:related|similar|more|other|latest|popular|recommended|trending|top)(?: videos?| news| articles?| posts?| stories| materials?| publications| on this topic| from [\w .]+)?\W*", "related-content heading"),
    (r"(?:read|see|watch|listen)(?: also| more| next| too| further| as well| on| the latest)?\W*", "related-content heading"),
    (r"(?:also read|read also|see also|also see|read more|more on the topic|more on this topic|on the topic|news on the topic|recommended for you|you may also like|you might also like|don'?t miss|editor'?s choice)\b.*", "related-content list"),
    (r"(?:add|leave|post|write|view|show|hide)(?: a| your| all)? comments?\W*.*", "comment prompt"),
    (r"\d+\s+comments?|comments?(?:\s*\(\d+\))?|no comments(?: yet)?\W*", "comment prompt"),
    (r"(?:subscribe|follow us|join us|join our|sign up|download our app|get the app|install our app)\b.*", "subscription prompt"),
    (r"(?:advertisement|advertising|sponsored(?: content)?|promoted|ad|ads by \w+|scroll to continue.*)", "advertisement"),
    (r"(?:photo|photos|image|images|picture|illustration|illustrative (?:photo|image)|cover (?:photo|image)|video|source of (?:photo|image)|photo credit|credit|getty images|pictured)\s*[:©].*", "photo credit"),
    (r"(?:©|\(c\)|copyright\b).*", "copyright notice"),
    (r".*\ball rights reserved\b.*", "copyright notice"),
    (r"(?:disclaimer|editorial note|note from the editors?)\s*:.*", "disclaimer"),
    (r"(?:the )?(?:views|opinions) expressed (?:in this|here).*", "disclaimer"),
    (r"this article (?:represents|reflects) the (?:author'?s|personal) .*", "disclaimer"),
    (r"(?:original (?:article|source|text|publication|material)|source|read the original|translated from|translation by)\s*:.*", "source line"),
    (r"(?:tags?|topics?|keywords?|categories|category|rubric|filed under)\s*:.*", "tags"),
    (r"(?:if you (?:find|found|notice|noticed|see) (?:an? )?(?:error|mistake|typo)).*", "error-report prompt"),
    (r"(?:follow|read|watch) (?:the )?(?:latest|live|all)\b.*\b(?:live|livetext|live ?blog|online|updates|broadcast)\b.*", "live-blog promo"),
    (r".*\blivetext\b.*", "live-blog promo"),
    (r"(?:https?://|www\.)\S+", "bare link"),
    (r"(?:loading|loading\.\.\.|please wait|click here.*|tap to .*|swipe .*|scroll .*)", "page control"),
    (r"(?:previous|next)(?: article| post| story| news)?\W*.*", "page control"),
    (r"(?:published|updated|posted|last updated|modified|date)\s*[:\-]?\s*\d.*", "date line"),
    (r"(?:\d{1,2}:\d{2},?\s*)?(?:\w+,\s*)?(?:\d{1,2}\s+[a-z]+\.?,?\s+\d{4}|[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s*\(?(?:utc|gmt|msk|ast|[+-]\d{1,2})\)?)?", "date line"),
    (r"(?:author|authors|by|text|editor|edited by|reporter)\s*:\s*[\w .,'-]{2,60}", "byline"),
    (r"by\s+(?-i:[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){1,4})(?:\s*(?:,|\||for|-|–)\s*[\w .'’-]{0,60})?", "byline"),
    (r"\(?(?:reporting|writing|editing|additional reporting|compiled|translated|prepared)\s+by\b.*", "byline"),
    (r"(?:listen to (?:this|the) article|audio version|\d+ min(?:ute)?s? read|reading time.*)", "page control"),
    (r"cookies?\b.*(?:accept|consent|policy).*|we use cookies.*", "cookie notice"),
)
_FURNITURE = [(re.compile(rf"^\s*(?:{pattern})\s*$", re.IGNORECASE), reason) for pattern, reason in FURNITURE_LINES]
# Headings after which a list of links follows.
_LIST_HEADING = re.compile(
    r"^\s*(?:read also|also read|see also|read more|more on (?:this|the) topic|related(?: news| articles| stories| posts)?|"
    r"recommended|popular|most read|latest news|you may also like|news on the topic|on the topic)\s*:?\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[•·▪►▶●◦‣∙\-*–—]|\d+[.)])\s+")
# A photo credit glued to the end of a caption: "... of the CSTO statesPhoto: Sergey Bobylev / TASS".
_GLUED_CREDIT = re.compile(r"(?<=[a-z.)\"”])\s*((?:Photo|Photos|Image|Foto|Source|Credit)s?\s*:\s*.+)$")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")


@dataclass(frozen=True)
class Removal:
    line: int  # 1-based line in the seed text
    text: str
    reason: str


@dataclass
class Cleaned:
    """The article text (paragraphs separated by blank lines) and what was removed."""

    text: str
    removed: list[Removal] = field(default_factory=list)
    headline: str | None = None  # first line when it reads as a headline
    urls: list[str] = field(default_factory=list)  # URLs found in removed lines ("Original article: ...")


def normalize(text: str) -> str:
    """Unicode NFC, no BOM, no zero-width or non-breaking spaces, \\n line ends."""
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    return text


def repair_line(line: str) -> str:
    """Fix spacing damage: 'Burnashev .' -> 'Burnashev.', doubled words 'to to'."""
    line = re.sub(r"\s+([.,;:!?])(?=\s|$)", r"\1", line)
    line = re.sub(r"\b(to|the|a|of|in|and|that|is)\s+\1\b", r"\1", line)
    return re.sub(r"[ ]{2,}", " ", line).strip()


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the word sets of two lines."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def looks_like_headline(line: str, next_line: str | None) -> bool:
    """A short first line without final punctuation, or one sentence followed by a blank line."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200 or len(stripped.split()) < 4:
        return False
    sentences = re.findall(r"[.!?](?:\s|$)", stripped)
    if stripped[-1] not in ".!?\"”" and len(sentences) == 0:
        return True
    return next_line is not None and next_line.strip() == "" and len(sentences) <= 1 and len(stripped) <= 140 and stripped.endswith("?")


def furniture_reason(line: str) -> str | None:
    """Why a whole line is page furniture, or None if it is article text."""
    for pattern, reason in _FURNITURE:
        if pattern.match(line):
            return reason
    return None


def _list_block_end(lines: list[str], start: int) -> int:
    """Index after the list of links that follows a 'Read also:' heading at ``start``."""
    index = start + 1
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        is_link_item = bool(_BULLET.match(lines[index])) or (
            len(line) <= 160 and line[-1] not in ".!?\"”" and not furniture_reason(line)
        )
        if not is_link_item:
            break
        index += 1
    return index


def clean(raw: str) -> Cleaned:
    """Separate the article from page furniture; record every removed line with its reason."""
    text = normalize(raw)
    lines = text.split("\n")
    removed: list[Removal] = []
    kept: list[tuple[int, str]] = []
    urls: list[str] = []
    headline: str | None = None

    first = next((i for i, l in enumerate(lines) if l.strip()), None)
    if first is not None:
        following = lines[first + 1] if first + 1 < len(lines) else None
        if looks_like_headline(lines[first], following) and not furniture_reason(lines[first]):
            headline = repair_line(lines[first])

    def drop(index: int, line: str, reason: str) -> None:
        removed.append(Removal(index + 1, line.strip(), reason))
        urls.extend(_URL.findall(line))

    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        if index == first and headline is not None:
            index += 1
            continue
        if _LIST_HEADING.match(stripped):
            end = _list_block_end(lines, index)
            for j in range(index, end):
                if lines[j].strip():
                    drop(j, lines[j], "related-content list")
            index = end
            continue
        reason = furniture_reason(_BULLET.sub("", stripped))
        if reason:
            drop(index, line, reason)
            index += 1
            continue
        if headline and similarity(stripped, headline) >= 0.5 and len(stripped) <= 2 * len(headline):
            drop(index, line, "repeated headline (share widget)")
            index += 1
            continue
        glued = _GLUED_CREDIT.search(stripped)
        if glued and len(stripped) < 300:
            drop(index, glued.group(1), "photo credit")
            stripped = stripped[: glued.start(1)].rstrip()
        kept.append((index, repair_line(_BULLET.sub("", stripped)) if _BULLET.match(stripped) else repair_line(stripped)))
        index += 1

    # A run of trailing short lines without punctuation after the article is furniture.
    while kept and len(kept[-1][1]) < 40 and kept[-1][1][-1:] not in ".!?\"”»" and len(kept) > 3:
        idx, line = kept.pop()
        drop(idx, line, "trailing page furniture")
    removed.sort(key=lambda r: r.line)
    body = "\n\n".join(line for _, line in kept if line)
    return Cleaned(text=body, removed=removed, headline=headline, urls=list(dict.fromkeys(urls)))

