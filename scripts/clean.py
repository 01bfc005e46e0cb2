"""Tell a copy-pasted article from its web page: every line gets a zone and the reason for it.

Lines are classified by their **shape** (length, stopword density, sentence
punctuation, capitalisation), their **context** (position before, inside or
after the article's run of prose; neighbours; repetition on the page) and a
short list of generic page controls (share buttons, credits, stamps) kept in
``scripts/extract/data/furniture.yaml``. No rule names a particular site.

Zones: ``headline``, ``standfirst``, ``dateline``, ``byline``, ``stamp``,
``body``, ``subheading``, ``caption``, ``related-links``, ``menu``, ``footer``,
``furniture`` (and ``blank``). Lines of the article (``kept``) form the cleaned
text; every other non-blank line is recorded as a :class:`Removal` with its reason.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter

from .literals import required_literals
from .textutil import fold_case
from .wordlists import table, words

# --- what the classifier produces --------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the seed text (or several, when the text was hard-wrapped) and what it is.

    ``number``/``last`` are 1-based lines of the seed's text; ``raw`` is the text as
    pasted (normalised); ``text`` is what the article keeps of it (bullet, dateline,
    stamp or glued photo credit removed, spacing repaired, wrapped lines joined), or
    the stripped line when it is not kept; ``cuts`` are the pieces cut from it, with why.
    """

    number: int
    raw: str
    text: str
    zone: str
    reason: str
    kept: bool = False
    cuts: tuple[tuple[str, str], ...] = ()
    last: int = 0

    @property
    def numbers(self) -> range:
        return range(self.number, max(self.number, self.last) + 1)


@dataclass(frozen=True)
class Removal:
    line: int  # 1-based line in the seed text
    text: str
    reason: str


@dataclass(frozen=True)
class Dateline:
    """'MOSCOW, April 17. /TASS/.' opening the article: place, date as printed, outlet."""

    line: int
    text: str
    place: str
    date: str | None
    outlet: str | None


@dataclass
class Cleaned:
    """The article text (paragraphs separated by blank lines), its lines and what was removed."""

    text: str
    removed: list[Removal] = field(default_factory=list)
    headline: str | None = None
    urls: list[str] = field(default_factory=list)  # URLs found in removed lines ("Original article: ...")
    lines: list[Line] = field(default_factory=list)
    dateline: Dateline | None = None


# --- text primitives --------------------------------------------------------------------


def normalize(text: str) -> str:
    """Unicode NFC, no BOM, no zero-width or non-breaking spaces, \\n line ends."""
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    return text


_GLUED_SENTENCE = re.compile(
    r"(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,})|(?<=[A-Z]{3}[.!?])(?=(?:The|This|It|He|She|They|In|On|At|But|And|A|An)\b)"
)


_SPACE_BEFORE_MARK = re.compile(r"\s+([.,;:!?])(?=\s|$)")
_GLUE_HINT = re.compile(r"[.!?][A-Z]")  # where a glued sentence may start: _GLUED_SENTENCE needs one
_DOUBLED_WORD = re.compile(r"\b(to|the|a|of|in|and|that|is)\s+\1\b")
_SPACES = re.compile(r"\s{2,}")


def _first_group(match: re.Match[str]) -> str:
    """What ``r"\\1"`` puts in place of a match (its group 1 always takes part). As a function, ``re.sub`` runs
    no Python of the ``re`` module to read a template on every call, which costs more than most lines' search."""
    return match.group(1)


def repair_line(line: str) -> str:
    """Fix spacing damage: 'Burnashev .' -> 'Burnashev.', 'Thursday.The' -> 'Thursday. The', doubled words 'to to'."""
    line = _SPACE_BEFORE_MARK.sub(_first_group, line)
    if _GLUE_HINT.search(line):
        line = _GLUED_SENTENCE.sub(" ", line)  # 'on Thursday.The leader', 'a version of NATO.The organisation'
    line = _DOUBLED_WORD.sub(_first_group, line)
    return _SPACES.sub(" ", line).strip()


_WORDS = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_CRUMB_SEPARATOR = re.compile(r"\s[/>»|]\s")


def word_set(text: str) -> set[str]:
    return set(_WORDS.findall(text.lower()))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the word sets of two lines."""
    wa, wb = word_set(a), word_set(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'“”«»]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|cn|ru|ua|kz|uz|kg|tj|tm|az|am|ge|af|tr|ro|net|org|info|news|app)/[^\s<>\"'“”«»]*",
    re.IGNORECASE,
)


def urls_in(line: str) -> list[str]:
    if "/" not in line and "www." not in fold_case(line):
        return []  # every URL holds 'http(s)://', 'www.' or a '/' after its domain
    return [m.group().rstrip(".,;)]") for m in URL.finditer(line)]


# --- patterns and shapes of furniture (the lists are data) --------------------------------

_BULLET = re.compile(r"^\s*(?:[•·▪►▶●◦‣∙\-*–—]|\d+[.)])\s+")


@dataclass(frozen=True)
class _Furniture:
    """The furniture patterns as one alternation (tried in order), and the reason of each branch (group g<i>).

    Branches that open with '.*' ('.*\\ball rights reserved\\b.*') scan the whole line, however long: ``lean``
    is the alternation without them, for a line that holds none of the literals each of them needs."""

    full: re.Pattern[str]
    lean: re.Pattern[str]
    scanning: tuple[tuple[frozenset[str], ...], ...]  # each scanning branch's requirements (literals.required_literals)
    reasons: tuple[str, ...]

    def match(self, line: str) -> re.Match[str] | None:
        folded = fold_case(line)
        may_scan = any(all(any(lit in folded for lit in need) for need in needs) for needs in self.scanning)
        return (self.full if may_scan else self.lean).match(line)


@lru_cache(maxsize=1)
def _patterns() -> _Furniture:
    social = "(?:" + "|".join(str(s) for s in table("furniture", "social_networks")) + ")"
    branches: list[str] = []
    lean: list[str] = []
    scanning: list[tuple[frozenset[str], ...]] = []
    reasons: list[str] = []
    for reason, patterns in table("furniture", "lines").items():
        for pattern in patterns:
            branch = str(pattern).replace("{social}", social)
            needs = required_literals(re.compile(branch, re.IGNORECASE)) if branch.startswith(".*") else ()
            if needs and all(lit.isascii() for need in needs for lit in need):  # fold_case compares ASCII as re does
                scanning.append(needs)
            else:
                lean.append(f"(?P<g{len(branches)}>{branch})")
            branches.append(f"(?P<g{len(branches)}>{branch})")
            reasons.append(str(reason))
    full, lean_pattern = (re.compile(rf"^\s*(?:{'|'.join(b)})\s*$", re.IGNORECASE) for b in (branches, lean))
    return _Furniture(full, lean_pattern, tuple(scanning), tuple(reasons))


@lru_cache(maxsize=1)
def _zones_of_reasons() -> dict[str, str]:
    return {str(k): str(v) for k, v in table("furniture", "zones").items()}


def zone_of(reason: str) -> str:
    return _zones_of_reasons().get(reason, "furniture")


@lru_cache(maxsize=1)
def _stamp_labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"^\W*(?:{p})", re.IGNORECASE), str(r)) for r, p in table("furniture", "stamp_labels").items())


@lru_cache(maxsize=1)
def _credit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A credit glued to the end of a caption ('... statesPhoto: X / TASS') or in brackets ('(Source: RIA Novosti)')."""
    labels = "|".join(re.escape(str(label)) for label in table("furniture", "credit_labels"))
    glued = re.compile(rf"(?<=[a-zа-яё.)\"”])\s*((?:{labels})s?\s*:\s*.+)$")
    bracketed = re.compile(rf"\s*(\((?:{labels})s?\s*:\s*[^()]+\))\s*$", re.IGNORECASE)
    return glued, bracketed


# Printed dates and times, by shape only (no month names): "17 June 2022", "June 12, 2010",
# "18.05.2023", "2018-03-09", "25/December/2020", "10:42".
_YEAR = r"(?:19|20)\d{2}(?!\d(?!\d:))"
DATE_SHAPE = re.compile(
    r"\d{1,2}:\d{2}(?!\d)(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    rf"|\b\d{{1,2}}[./-]\d{{1,2}}[./-](?:{_YEAR}|\d{{2}}\b)|\b{_YEAR}[./-]\d{{1,2}}[./-]\d{{1,2}}\b"
    rf"|\b\d{{1,2}}/[^\W\d_]{{3,10}}/{_YEAR}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+[^\W\d_]{{3,10}}\.?,?\s+{_YEAR}"
    rf"|\b[^\W\d_]{{3,10}}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}",
    re.IGNORECASE,
)
_TIME = re.compile(r"\d{1,2}:\d{2}(?!\d)")
_NUMERIC_DATE = re.compile(rf"\b\d{{1,2}}[./]\d{{1,2}}[./](?:{_YEAR}|\d{{2}}\b)|\b{_YEAR}-\d{{2}}-\d{{2}}\b")
_STAMP_WORDS = {"at", "on", "by", "gmt", "utc", "msk", "local", "time", "am", "pm", "in", "the", "of", "и", "в", "min", "read"}


def stamp_reason(line: str) -> str | None:
    """'date line', 'publication stamp' or 'update stamp' for a line that is a date with a few labels.

    A byline with a timestamp ('and The Associated Press February 28, 2017 7:33 am') is one too.
    """
    if not _DIGIT.search(line):
        return None
    if "/" in line or "www." in line:
        line = URL.sub(" ", line).strip()
    if len(line) > 140 or not DATE_SHAPE.search(line):
        return None
    for pattern, reason in _stamp_labels():
        if pattern.match(line):
            return reason
    rest = _STAMP_WORD.findall(DATE_SHAPE.sub(" ", line))
    prose = [w for w in rest if w[0].islower() and len(w) >= 3 and w.lower() not in _STAMP_WORDS]
    if _TIME.search(line) and len(rest) <= 12 and line[-1:] not in ".!?" and len(prose) <= 2:
        return "date line"
    return None if prose or len(rest) > 5 else "date line"


_DIGIT = re.compile(r"\d")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_STAMP_WORD = re.compile(r"[^\W\d_][\w'’()-]*")
_SHARE_THIS = re.compile(r"share this (?:article|story|page|post)", re.IGNORECASE)
_DOT_GLUE = re.compile(r"[a-z][._][A-Za-z]")
_GLUE = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]|[a-z]\.[A-Z]|[a-z]_[a-z]|\)[A-Za-z]")
_LABEL = re.compile(r"^(?:[^\W\d_][\w ]{0,20}:\s*[\d\W]*){1,3}$")  # 'ID:', 'Published: Updated:'
_TRAILING_BYLINE = re.compile(r"(?<=[.!?])\s+((?:An? )?(?:Report|Story|Film|Video|Photos?|Text) by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\.?)$")
_LABEL_PAIRS = re.compile(r"(?:\b[A-Z][\w ]{1,20}:\s*\S[^:]{0,40}?){2,}$")
_BREADCRUMB = re.compile(r"^\S.*(?:\s[/>»|]\s.*){2,}$|^[^/]{1,40}\s/$")


def shape_reason(line: str) -> str | None:
    """Furniture told by shape: glued interface labels, bare labels, counters, breadcrumbs, stamps."""
    tokens = line.split()
    glued = [t for t in tokens if _GLUE.search(t)] if len(tokens) <= 12 and _GLUE.search(line) else []
    if _SHARE_THIS.match(line):
        return "share button"
    if glued and line[-1:] not in ".!?" and (len(glued) >= 2 or len(tokens) <= 2 or any(_DOT_GLUE.search(t) for t in glued)):
        return "interface labels"
    stamp = stamp_reason(line)
    if stamp:
        return stamp
    if _LABEL.match(line) or (len(tokens) <= 12 and _LABEL_PAIRS.match(line)):
        return "label"
    if len(tokens) <= 4 and _DIGIT.search(line) and len(_LONG_WORD.findall(line)) <= 1 and not DATE_SHAPE.search(line):
        return "counter"
    if len(line) <= 160 and _BREADCRUMB.match(line) and all(len(part.split()) <= 12 for part in _CRUMB_SEPARATOR.split(line)):
        return "breadcrumb"
    return None


def furniture_reason(line: str) -> str | None:
    """Why a whole line is page furniture by its pattern or shape alone, or None."""
    line = _BULLET.sub("", line.strip()) if _BULLET.match(line) else line.strip()
    if not line:
        return None
    furniture = _patterns()
    match = furniture.match(line)
    if match and match.lastgroup:
        return furniture.reasons[int(match.lastgroup[1:])]
    return shape_reason(line)


_WORD = re.compile(r"[^\W_][\w'’.-]*")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”»’)]*\s+[\"“«(]?[A-ZА-ЯЁ]")


@dataclass(frozen=True)
class Shape:
    words: int
    stop_ratio: float
    capitalised: float  # share of words that start with a capital
    period_end: bool  # ends like a statement: . (a closing quote may follow), not an ellipsis
    open_end: bool  # ends with , ; : (the text goes on)
    sentences: int
    kind: str  # prose | sentence | heading | fragment | list


def shape_of(line: str) -> Shape:
    tokens = _WORD.findall(line)
    n = len(tokens)
    stops = words("language", "stopwords")
    # counted by map and sum, in C: a line of prose has dozens of words
    stop_ratio = sum(map(stops.__contains__, map(str.lower, tokens))) / n if n else 0.0
    capitalised = sum(map(str.isupper, map(itemgetter(0), tokens))) / n if n else 0.0
    end = line.rstrip("\"”»’') ]")[-1:] if line else ""
    ellipsis = line.endswith(("...", "…"))
    period_end = end == "." and not ellipsis
    open_end = end in (",", ";", ":")
    sentences = 1 + len(_SENTENCE_BREAK.findall(line))
    question = end in ("?", "!")
    wordy = stop_ratio >= 0.1 or period_end  # a line of words, not of labels or icons
    if n >= 20 and not wordy:
        kind = "list"
    elif n >= 25 or (sentences >= 2 and n >= 6):
        kind = "prose"
    elif n >= 8 and (period_end or open_end or (question and n >= 15)):
        kind = "prose"
    elif n >= 2 and (period_end or open_end):
        kind = "sentence"
    elif n <= 3:
        kind = "fragment"
    else:
        kind = "heading"
    return Shape(n, stop_ratio, capitalised, period_end, open_end, sentences, kind)


# --- datelines and stamp prefixes ---------------------------------------------------------

_CAPS_PLACE = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’\-]{2,}(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ'’\-]+){0,2}(?![\w])"
_TITLE_PLACE = r"[A-ZА-ЯЁ][a-zа-яё'’\-]+(?:[ -][A-ZА-ЯЁ][a-zа-яё'’\-]+){0,2}"
_COUNTRY = r"(?:,\s*[A-ZА-ЯЁ][\w'’\-]+(?:\s[A-ZА-ЯЁ][\w'’\-]+)?(?![\w])(?!\.?\s*\d))?"
_DL_DATE = (
    r"(?:[,.]?\s*(?P<date>(?:[^\W\d_]{3,9}\.?,?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}\.?|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)"
    r"(?:,?\s*\d{4})?)\.?)"
)
_DL_OUTLET = (
    r"(?:\s*[,.]?\s*(?:/\s*(?P<o1>[^/\n]{2,30}?)\s*/|\((?P<o2>[A-ZА-ЯЁ0-9«\"][^()\n]{1,29})\)"
    r"|,\s*(?P<o3>[A-Z][\w.&'’-]*(?:[ -][A-Z][\w.&'’-]*){0,2})(?=\s*(?:--|[–—-]))"
    r"|\.\s*(?P<o4>[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,}(?:\s[A-ZА-ЯЁ]{2,})?)(?=\s*(?:--|[–—-])|\s+[A-ZА-ЯЁ][a-zа-яё])))"
)
_DL_SEP = r"(?:\s*(?:--|[–—:\-]|\.)\s+|(?<=[\d/)])\s+|(?<=[A-ZА-ЯЁ]{3})\s+(?=[A-ZА-ЯЁ][a-zа-яё]))"


def _unnamed(pattern: str) -> str:
    return re.sub(r"\?P<\w+>", "?:", pattern)


DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}{_COUNTRY}(?={_unnamed(_DL_DATE)}|{_unnamed(_DL_OUTLET)}|\s*(?:--|[–—:\-]|\.)\s)"
    rf"|{_TITLE_PLACE}{_COUNTRY}(?={_unnamed(_DL_DATE)}|{_unnamed(_DL_OUTLET)}))"
    rf"{_DL_DATE}?(?P<outlet>{_DL_OUTLET})?{_DL_DATE.replace('?P<date>', '?P<date2>')}?\.?(?:\s*\()?{_DL_SEP}(?=[\"“«(]?[A-ZА-ЯЁ0-9])"
)
_END_MARK = re.compile(r"\s+(?:[–—-]+\s*0\s*[–—-]+|#{3,}|\(END\)|/ends?/)\s*$", re.IGNORECASE)  # '... incompatible. –0--'
_GLUED_COUNTER = re.compile(r"^\d{2,}(?=[A-ZА-ЯЁ][a-zа-яё])")  # "12200Uzbekistan is set to ...": a view counter
_STAMP_PREFIX = re.compile(
    r"^\W*(?:date|published|updated|posted|опубликовано)\s*:?\s*"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,?\s*\d{1,2}:\d{2})?\s+",
    re.IGNORECASE,
)


def dateline_of(text: str) -> re.Match[str] | None:
    """A dateline opening a paragraph: 'MOSCOW, April 17. /TASS/. ', 'XI'AN -- ', 'ASTANA. KAZINFORM - '."""
    match = DATELINE.match(text)
    if match is None or len(match.group(0)) > 90:
        return None
    plain_caps = not (match.group("date") or match.group("date2") or match.group("outlet"))
    if plain_caps and not re.match(r"\s*(?:--|[–—:\-])", text[len(match.group("place")) :]):
        return None  # 'NATO. The ...' is a sentence, not a dateline
    return match


def _own_line_dateline(text: str) -> re.Match[str] | None:
    """A line that is only a dateline naming an outlet or a place in capitals: 'Kazakhstan, Astana, April 3 / Trend /'."""
    if len(text) > 80:
        return None
    match = dateline_of(text + " X")
    if match is None or len(match.group(0).strip()) < len(text):
        return None
    return match if match.group("outlet") or match.group("place").isupper() else None


def _dateline(line: int, match: re.Match[str]) -> Dateline:
    outlet = next((match.group(g) for g in ("o1", "o2", "o3", "o4") if match.group(g)), None)
    date = match.group("date") or match.group("date2")
    return Dateline(line, match.group(0).strip(), match.group("place").strip(" ,"), date, outlet.strip(" «»\"") if outlet else None)


# --- blocks: lines, or paragraphs of hard-wrapped text --------------------------------------


def _wrapped(group: list[str]) -> bool:
    """Lines of similar width that break mid-sentence: text wrapped by hand or by a PDF."""
    if len(group) < 3:
        return False
    widths = [len(line.strip()) for line in group]
    median = statistics.median(widths)
    if not 35 <= median <= 100:
        return False
    similar = sum(1 for w in widths[:-1] if abs(w - median) <= 0.3 * median)
    continued = sum(1 for a, b in zip(group, group[1:]) if b.strip()[:1].islower() or re.search(r"(?:,|\w-)$", a.rstrip()))
    return similar >= 0.6 * (len(group) - 1) and continued >= 0.4 * (len(group) - 1)


def _paragraph_ends(line: str, following: str, width: float) -> bool:
    """In wrapped text a paragraph ends at a short line that closes a sentence or a heading."""
    if len(line) >= 0.75 * width:
        return False
    return line[-1:] in ".!?\"”»:)" or (following[:1].isupper() and not re.search(r"[,;\-]$", line))


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) 0-based line indices of each logical line; hard-wrapped paragraphs are joined."""
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        group = lines[index:end]
        if not group:
            blocks.append((index, index))
            index += 1
            continue
        if not _wrapped(group):
            blocks.extend((k, k) for k in range(index, end))
        else:
            median = statistics.median(len(line.strip()) for line in group)
            start = index
            for k in range(index, end):
                if k == end - 1 or _paragraph_ends(lines[k].strip(), lines[k + 1].strip(), median):
                    blocks.append((start, k))
                    start = k + 1
        index = end
    return blocks


# --- the classifier ---------------------------------------------------------------------

RELATED_REASONS = ("related-content heading", "related-content list")
CLUSTER_BREAK_RUN = 3  # this many unexplained short lines in a row end a run of prose
HEADER_REACH = 15  # lines above the article searched for its headline


@dataclass
class _Row:
    index: int  # 0-based first line
    last: int  # 0-based last line
    raw: str
    text: str  # stripped, bullet, stamp prefix and credit removed, wrapped lines joined
    bullet: bool
    fixed: str | None  # furniture reason from pattern or shape
    shape: Shape
    cuts: list[tuple[str, str]]
    caption: bool = False  # a credit was glued to it

    @property
    def content(self) -> bool:
        return self.fixed is None and not self.caption and self.shape.kind in ("prose", "sentence")

    @property
    def loose(self) -> bool:
        """A short line nothing explains: a heading, menu item, site name or another story's headline."""
        return self.fixed is None and not self.caption and self.shape.kind in ("heading", "fragment", "list")


def _row(first: int, last: int, lines: list[str]) -> _Row | None:
    raw = "\n".join(lines[first : last + 1])
    text = " ".join(line.strip() for line in lines[first : last + 1]).strip()
    if not text:
        return None
    bullet = bool(_BULLET.match(text))
    text = _BULLET.sub("", text) if bullet else text
    cuts: list[tuple[str, str]] = []
    end_mark = _END_MARK.search(text) if text[-1] in "-–—#)/" else None
    if end_mark and end_mark.start() > 0:
        cuts.append((end_mark.group(0).strip(), "end mark"))
        text = text[: end_mark.start()]
    trailing = _TRAILING_BYLINE.search(text) if " by " in text else None
    if trailing:  # '... Return to Tajikistan. A Report by Yuri Resheto.'
        cuts.append((trailing.group(1), "byline"))
        text = text[: trailing.start()]
    counter = _GLUED_COUNTER.match(text)
    if counter:
        cuts.append((counter.group(0), "counter"))
        text = text[counter.end() :]
    stamp = _STAMP_PREFIX.match(text)
    if stamp and _LETTER.search(text[stamp.end() :]):
        cuts.append((stamp.group(0).strip(), stamp_reason(stamp.group(0)) or "publication stamp"))
        text = text[stamp.end() :].lstrip(" •·|")
    caption = False
    fixed = furniture_reason(text)
    if (fixed is None or _GLUE.search(text)) and len(text) < 300 and ":" in text:
        glued, bracketed = _credit()
        credit = glued.search(text) or bracketed.search(text)
        if credit and credit.start(1) > 0:
            cuts.append((credit.group(1).strip(), "photo credit"))
            text = text[: credit.start(1)].rstrip()
            caption, fixed = True, None
    if fixed is None and _own_line_dateline(text) is not None:
        fixed = "dateline"
    return _Row(first, last, raw, text, bullet, fixed, shape_of(text), cuts, caption)


def _rows(lines: list[str]) -> list[_Row]:
    return [row for first, last in _blocks(lines) if (row := _row(first, last, lines)) is not None]


def _teaser(rows: list[_Row], pos: int) -> bool:
    """Another story's headline with its stamp right below it."""
    return rows[pos].loose and pos + 1 < len(rows) and zone_of(rows[pos + 1].fixed or "") == "stamp"


def _clusters(rows: list[_Row]) -> list[tuple[int, int]]:
    """Runs of prose (row positions, inclusive) that lines of furniture do not interrupt.

    A run ends at ``CLUSTER_BREAK_RUN`` unexplained short lines in a row, at
    another story's headline with its stamp, or at a related-links heading
    followed by a list rather than by prose.
    """
    clusters: list[tuple[int, int]] = []
    start = last = -1
    loose = 0
    for pos, row in enumerate(rows):
        if row.content:
            if start < 0:
                start = pos
            last, loose = pos, 0
            continue
        if start < 0:
            continue
        breaks = False
        if row.fixed in RELATED_REASONS:
            breaks = pos + 1 == len(rows) or not rows[pos + 1].content  # 'Related video' then prose: the article goes on
        elif row.loose:
            loose += 1
            breaks = loose >= CLUSTER_BREAK_RUN or _teaser(rows, pos)
        if breaks:
            clusters.append(_trimmed_cluster(rows, start, last))
            start, loose = -1, 0
    if start >= 0:
        clusters.append(_trimmed_cluster(rows, start, last))
    return [c for c in clusters if c[0] <= c[1]]


def _trimmed_cluster(rows: list[_Row], start: int, last: int) -> tuple[int, int]:
    """A run of prose does not end on a short line that announces more ('Read this in other languages:')."""
    while last > start and rows[last].shape.kind == "sentence" and rows[last].text.endswith(":"):
        last -= 1
        while last > start and not rows[last].content:
            last -= 1
    return start, last


def _body_range(rows: list[_Row], clusters: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The article's rows: the largest run of prose, joined by the large runs around it."""
    if not clusters:
        return None
    size = [sum(len(rows[p].text) for p in range(a, b + 1) if rows[p].content) for a, b in clusters]
    count = [sum(1 for p in range(a, b + 1) if rows[p].content) for a, b in clusters]
    main = max(range(len(clusters)), key=lambda k: (size[k], -k))
    first = last = main
    while first > 0 and size[first - 1] >= 0.5 * size[main] and count[first - 1] >= 2:
        first -= 1
    while last + 1 < len(clusters) and size[last + 1] >= 0.3 * size[main] and count[last + 1] >= 3:
        gap = rows[clusters[last][1] + 1 : clusters[last + 1][0]]
        if any(r.fixed in RELATED_REASONS for r in gap) or _stamped(rows, clusters[last + 1]):
            break  # what follows 'Other news', or paragraphs each under a stamp, are other stories
        last += 1
    return clusters[first][0], clusters[last][1]


def _stamped(rows: list[_Row], cluster: tuple[int, int]) -> bool:
    """Two or more stamps between the paragraphs of a run: a list of stories with their dates."""
    return sum(1 for r in rows[cluster[0] : cluster[1] + 1] if zone_of(r.fixed or "") == "stamp") >= 2


def _title_like(row: _Row) -> bool:
    """Heading-shaped, and nothing a title never has: a time, a numeric date, a link."""
    text = row.text
    return (
        row.fixed is None
        and not row.caption
        and _title_shaped(row)
        and len(text) <= 200
        and text[:1].isupper() | text[:1].isdigit() | (text[:1] in "\"“«‘'")
        and not _TIME.search(text)
        and not _NUMERIC_DATE.search(text)
        and not URL.search(text)
    )


MENU_REASONS = ("counter", "page control", "breadcrumb", "interface labels", "accessibility link", "label")


def _menu_item(row: _Row) -> bool:
    return (row.loose or row.fixed in MENU_REASONS) and row.shape.words <= 6


def _in_menu(rows: list[_Row], pos: int) -> bool:
    """A bulleted line, or one of three or more short lines printed together with no prose: a menu."""
    if rows[pos].bullet:
        return True
    if not _menu_item(rows[pos]):
        return False
    first = last = pos
    while first > 0 and rows[first - 1].last == rows[first].index - 1 and _menu_item(rows[first - 1]):
        first -= 1
    while last + 1 < len(rows) and rows[last + 1].index == rows[last].last + 1 and _menu_item(rows[last + 1]):
        last += 1
    return last - first + 1 >= 3


def _headline_candidate(row: _Row, rows: list[_Row], pos: int) -> bool:
    if not _title_like(row) or _in_menu(rows, pos):
        return False
    return row.shape.words >= 4 or (row.shape.words == 3 and sum(1 for r in rows if r.text == row.text) >= 2)


def _title_shaped(row: _Row) -> bool:
    return row.shape.kind == "heading" or (row.shape.kind == "fragment" and row.shape.words == 3)


def _name_phrase(row: _Row) -> bool:
    """'Uzbekistan Foreign Minister Abdulaziz Kamilov': capitalised words only, a caption or label."""
    return row.shape.words <= 6 and row.shape.stop_ratio == 0 and row.shape.capitalised == 1.0


def _find_headline(rows: list[_Row], body_start: int) -> tuple[int | None, int | None]:
    """(headline row, standfirst row) above the article: the heading-shaped line nearest to it.

    Furniture, stamps, bylines and short fragments (site names, menu items) between
    them are skipped. Two heading-shaped lines in a row are a headline and its
    standfirst when the second is a longer, sentence-like line; a bare name phrase
    right above the article under a longer heading is a caption.
    """
    pos = body_start - 1
    reach = 0
    while pos >= 0 and reach < HEADER_REACH:
        row = rows[pos]
        if row.content:
            return None, None
        if _headline_candidate(row, rows, pos):
            above = rows[pos - 1] if pos > 0 else None
            if above is not None and _headline_candidate(above, rows, pos - 1):
                if row.shape.words >= 10 and row.shape.words >= above.shape.words and similarity(row.text, above.text) < 0.5:
                    return pos - 1, pos
                if _name_phrase(row) and above.shape.words > row.shape.words:
                    return pos - 1, None
            return pos, None
        pos -= 1
        reach += 1
    return None, None


def _title_in_crumbs(rows: list[_Row], body_start: int) -> tuple[int, str] | None:
    """'Tajikistan: The migrant workers return | Reporter | DW': a page title with its site's sections."""
    for pos in range(max(0, body_start - HEADER_REACH), body_start):
        if rows[pos].fixed == "breadcrumb":
            parts = [p.strip() for p in _CRUMB_SEPARATOR.split(rows[pos].text)]
            best = max(parts, key=lambda p: len(p.split()))
            if len(best.split()) >= 4 and not _TIME.search(best) and not _NUMERIC_DATE.search(best):
                return pos, best
    return None


def _earliest_copy(rows: list[_Row], headline: int) -> int:
    """The first heading-shaped copy of the headline on the page (share widgets repeat it below)."""
    for pos in range(headline):
        if _title_like(rows[pos]) and similarity(rows[pos].text, rows[headline].text) >= 0.5:
            return pos
    return headline


def _repeated_title(rows: list[_Row], pos: int) -> bool:
    """A line printed twice, or a short sentence printed again inside another line (an image's alt text): a title."""
    row = rows[pos]
    if row.shape.words <= 25 and any(k != pos and r.text == row.text for k, r in enumerate(rows)):
        return True  # the page's title printed twice
    if row.shape.kind != "sentence" or not 3 <= row.shape.words <= 14 or row.shape.sentences > 1:
        return False
    needle = row.text.rstrip(".").lower()
    return any(k != pos and needle in r.text.lower() and len(r.text) <= 2 * len(row.text) + 20 for k, r in enumerate(rows))


Zones = dict[int, tuple[str, str, bool]]  # row position -> (zone, reason, kept)


def classify_lines(text: str) -> tuple[list[Line], str | None, Dateline | None]:
    """Every line of a normalised text with its zone and the reason; the headline and the dateline."""
    raw_lines = text.split("\n")
    rows = _rows(raw_lines)
    zones: Zones = {}
    body = _body_range(rows, _clusters(rows))
    if body is None:  # no prose at all: keep what is not furniture
        for pos, row in enumerate(rows):
            zones[pos] = (zone_of(row.fixed), row.fixed, False) if row.fixed else ("body", "no run of prose on the page: kept", True)
        return _lines(raw_lines, rows, zones), None, None

    start, end = body
    headline, standfirst = _find_headline(rows, start)
    title: str | None = None
    if headline is None and _repeated_title(rows, start) and start + 1 <= end:
        headline, start = start, start + 1
    if headline is not None:
        headline = _earliest_copy(rows, headline)
        zones[headline] = ("headline", "heading-shaped line nearest above the article's prose", False)
        title = rows[headline].text
    elif (crumbs := _title_in_crumbs(rows, start)) is not None:
        zones[crumbs[0]] = ("headline", "page title before its site's sections", False)
        title = crumbs[1]
    if standfirst is not None:
        zones[standfirst] = ("standfirst", "sentence-like line between the headline and the article", True)

    related_after = False
    for pos, row in enumerate(rows):
        if pos in zones:
            continue
        if title and not row.content and row.fixed is None and similarity(row.text, title) >= 0.5 and len(row.text) <= 2 * len(title):
            zones[pos] = ("furniture", "repeated headline (share widget)", False)
        elif row.fixed:
            related_after = related_after or (pos > end and row.fixed in RELATED_REASONS)
            zones[pos] = (zone_of(row.fixed), row.fixed, False)
        elif row.caption:
            zones[pos] = ("caption", "caption: a photo credit is glued to it", False)
        elif start <= pos <= end:
            zones[pos] = _inside_zone(row)
        elif pos < start:
            zones[pos] = _before_zone(row)
        elif pos == end + 1 and not related_after and _unfinished(rows, pos):
            zones[pos] = ("body", "the article's last paragraph, cut short", True)
        else:
            related_after = related_after or row.shape.kind == "heading" or _teaser(rows, pos)
            zones[pos] = _after_zone(row, related_after)
    _mark_related_lists(rows, zones)
    _mark_author_note(rows, zones, start, end)
    _mark_captions(rows, zones)
    _drop_repeats(rows, zones)
    dateline = _cut_dateline(rows, zones, start, end)
    return _lines(raw_lines, rows, zones), title, dateline


def _unfinished(rows: list[_Row], pos: int) -> bool:
    """A line of words right after the article that is the page's last: its final paragraph, cut off."""
    row = rows[pos]
    return pos == len(rows) - 1 and row.shape.kind in ("heading", "fragment") and row.shape.stop_ratio >= 0.2 and row.text[:1].isupper()


_CREDIT_LINE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?$")


def _inside_zone(row: _Row) -> tuple[str, str, bool]:
    if row.content:
        return "body", "prose of the article", True
    if _CREDIT_LINE.match(row.text):
        return "byline", "an author or outlet and a place ('Reuters, Dushanbe')", False
    return "subheading", "short line between paragraphs of the article", True


def _mark_author_note(rows: list[_Row], zones: Zones, start: int, end: int) -> None:
    """'Sergey Kwan' / 'TCA' / 'Sergey Kwan has worked for ...' closing the article: the author's box."""
    kept = [p for p in range(start, end + 1) if zones[p][2]]
    if len(kept) < 3 or not rows[kept[-1]].content:
        return
    last = kept[-1]
    names = [p for p in kept[-4:-1] if zones[p][0] == "subheading" and _name_phrase(rows[p]) and rows[p].shape.words <= 3]
    if names and rows[last].text.startswith(rows[names[0]].text + " "):
        for p in range(names[0], last + 1):
            if zones[p][2] or zones[p][0] == "byline":
                zones[p] = ("footer", "about the author, after the article", False)


def _before_zone(row: _Row) -> tuple[str, str, bool]:
    if _CREDIT_LINE.match(row.text):
        return "byline", "an author or outlet and a place ('Reuters, Dushanbe')", False
    if row.shape.kind in ("fragment", "list"):
        return "menu", "menu item or site name above the article", False
    if row.shape.kind == "heading":
        return "menu", "heading-shaped line above the article's headline", False
    return "furniture", "text above the article, apart from its run of prose", False


def _after_zone(row: _Row, related: bool) -> tuple[str, str, bool]:
    if row.shape.kind == "heading" or (related and row.content):
        return "related-links", "another story's headline or lead after the article", False
    return "footer", "text after the article, apart from its run of prose", False


def _mark_related_lists(rows: list[_Row], zones: Zones) -> None:
    """The short lines right after a related-links heading are its list, wherever it stands."""
    for pos, row in enumerate(rows):
        if row.fixed not in RELATED_REASONS:
            continue
        k = pos + 1
        while k < len(rows) and rows[k].index - rows[k - 1].last <= 3 and (rows[k].loose or rows[k].bullet):
            if zones[k][2] or zones[k][0] in ("related-links", "menu", "footer"):
                zones[k] = ("related-links", "related-content list", False)
            k += 1


def _mark_captions(rows: list[_Row], zones: Zones) -> None:
    """A photo's caption describes the photo, not the article's story: it is not kept.

    A caption is a line that says where people stand ('Putin (right) meets ...'), that starts
    'File photo of ...', that ends with an agency in brackets ('... Rakhmon. (Reuters)'), or a short
    line right above a photo credit or another caption, printed with it.
    """
    for pos in range(len(rows) - 1, -1, -1):
        row = rows[pos]
        if zones[pos][0] in ("caption", "headline") or zones[pos][0] not in ("body", "subheading", "standfirst", "menu", "furniture"):
            continue
        below = rows[pos + 1] if pos + 1 < len(rows) else None
        glued_below = below is not None and below.index - row.last <= 1
        if zones[pos][0] in ("body", "subheading", "standfirst") and _caption_phrased(row.text) and row.shape.words <= 60:
            zones[pos] = ("caption", "caption: it describes a photo", False)
        elif (
            below is not None
            and (below.fixed == "photo credit" or zones[pos + 1][0] == "caption")
            and (glued_below or (below.index - row.last <= 2 and zones[pos][0] == "subheading"))
            and row.shape.words <= 40
            and zones[pos][2]
        ):
            zones[pos] = ("caption", "caption: printed with a photo credit or caption below it", False)


_CAPTION = re.compile(
    r"\((?:left|right|centre|center|front|back|L|R|C|L-R|\d(?:st|nd|rd|th) [LR])\)|\bfrom left\b"
    r"|^(?:a )?file (?:photo|picture|image)\b|^(?:pictured|in the photo)\b|\.\s*\([A-Z][\w/ .&-]{1,30}\)$",
    re.IGNORECASE,
)


_CAPTION_OPENINGS = ("file ", "a file ", "pictured", "in the photo")


def _caption_phrased(text: str) -> bool:
    """Whether _CAPTION matches ``text``; it needs a bracket, 'from left' or one of _CAPTION_OPENINGS."""
    folded = fold_case(text)
    if "(" not in text and "from left" not in folded and not folded.startswith(_CAPTION_OPENINGS):
        return False
    return _CAPTION.search(text) is not None


def _drop_repeats(rows: list[_Row], zones: Zones) -> None:
    """A paragraph printed twice is kept once."""
    seen: set[str] = set()
    for pos, row in enumerate(rows):
        if not zones[pos][2]:
            continue
        key = " ".join(row.text.lower().split())
        if key in seen and len(key) > 20:
            zones[pos] = ("furniture", "repeated paragraph", False)
        seen.add(key)


def _cut_dateline(rows: list[_Row], zones: Zones, start: int, end: int) -> Dateline | None:
    """Cut a dateline from the start of the article's first paragraphs; or find one on its own line above."""
    for pos in [p for p in range(start, end + 1) if zones[p][2]][:2]:
        row = rows[pos]
        match = dateline_of(row.text)
        if match:
            rows[pos] = replace(row, text=row.text[match.end() :], cuts=[*row.cuts, (match.group(0).strip(), "dateline")])
            return _dateline(row.index + 1, match)
    for pos in range(0, start):
        match = _own_line_dateline(rows[pos].text) if rows[pos].fixed == "dateline" else None
        if match:
            return _dateline(rows[pos].index + 1, match)
    return None


def _lines(raw_lines: list[str], rows: list[_Row], zones: Zones) -> list[Line]:
    by_index = {row.index: pos for pos, row in enumerate(rows)}
    result = []
    index = 0
    while index < len(raw_lines):
        pos = by_index.get(index)
        if pos is None:
            result.append(Line(index + 1, raw_lines[index], "", "blank", "empty line", last=index + 1))
            index += 1
            continue
        row = rows[pos]
        zone, reason, kept = zones[pos]
        text = repair_line(row.text) if kept or zone == "headline" else " ".join(row.raw.split())
        result.append(Line(row.index + 1, row.raw, text, zone, reason, kept, tuple(row.cuts), row.last + 1))
        index = row.last + 1
    return result


def removals(lines: list[Line]) -> list[Removal]:
    """What cleaning took out, line by line: whole lines that are not the article, and pieces cut from kept ones."""
    removed: list[Removal] = []
    for line in lines:
        if line.zone == "blank":
            continue
        if line.kept or line.zone == "headline":
            removed += [Removal(line.number, piece, reason) for piece, reason in line.cuts]
        else:
            removed.append(Removal(line.number, line.text, line.reason))
    return removed


def clean(raw: str) -> Cleaned:
    """Separate the article from page furniture; record every removed line with its reason."""
    lines, headline, dateline = classify_lines(normalize(raw))
    urls = [url for line in lines if not line.kept and line.zone not in ("blank", "headline") for url in urls_in(line.raw)]
    return Cleaned(
        text="\n\n".join(line.text for line in lines if line.kept and line.text),
        removed=removals(lines),
        headline=repair_line(headline) if headline else None,
        urls=list(dict.fromkeys(urls)),
        lines=lines,
        dateline=dateline,
    )
