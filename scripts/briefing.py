"""The briefing file format: the only place that reads, renders, names and fingerprints briefings.

A briefing file (``briefings/YYYY-MM-DD-slug.md``) is YAML front matter between
two ``---`` lines (schema: ``docs/schemas/briefing.schema.json``), then a
Markdown body of sections: ``## Key points``, ``## Key figures``, ``## Quotes``,
``## Article``. The summary lives once, in the front matter.

A machine-drafted file ends its front matter with ``draft_sha256``: the hash of
the file as drafted. When the file no longer matches it, a person edited it,
and no command overwrites it (nor one marked ``reviewed: true``).

Everything else (ingest, check, new, the site) calls this module:

* :func:`read_text` / :func:`read_file`: front matter (safe YAML with lines,
  schema-checked) and body, with every problem found;
* :func:`from_front_matter`: the :class:`~scripts.model.Briefing` of a valid file;
* :func:`render` / :func:`front_matter` / :func:`render_body`: the file of a briefing;
* :func:`filename` / :func:`expected_filename` / :data:`FILE_NAME`: its name;
* :func:`seed_of`, :func:`is_machine_draft`, :func:`is_protected`, :func:`template`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fileio, schemas, yamlio
from .model import Briefing, Figure, Quote, Source, Unregistered
from .problems import Problem
from .slugs import slugify

SCHEMA_NAME = "briefing"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../docs/schemas/briefing.schema.json\n"
FINGERPRINT_KEY = "draft_sha256"
UNDATED = "undated"
SLUG_LENGTH = 50
FILE_NAME = re.compile(r"^(?P<prefix>[0-9]{4}-[0-9]{2}-[0-9]{2}|undated)-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
PLACEHOLDER = re.compile(r"^\s*TODO\b")
SECTIONS = ("Key points", "Key figures", "Quotes", "Article")
_SECTION = re.compile(r"^## +(.+?) *$", re.MULTILINE)
_FIGURE = re.compile(r"^\*\*((?:\\.|[^*\\])+?)\*\*: ?(.*)$")  # **value**: sentence (stars in value escaped)


# -- reading -------------------------------------------------------------------


@dataclass
class BriefingText:
    """A briefing file as read: front matter (None when unreadable), body, and the problems found."""

    data: Any
    body: str
    body_line: int  # 1-based line where the body starts
    problems: list[Problem] = field(default_factory=list)


def split(text: str) -> tuple[str, str, int] | None:
    """(front matter YAML, body, body's first line) or None when there is no closed ``---`` block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def _key_on_line(text: str, line: int) -> str | None:
    """The field named on ``line`` of ``text`` ('title: ...' -> 'title'), if any."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    match = re.match(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_ .-]*?)\s*:(\s|$)", lines[line - 1])
    return match.group(1) if match else None


def read_text(text: str, file: str) -> BriefingText:
    """Split and read a briefing's text; schema problems included. Never raises on bad content."""
    problems: list[Problem] = []
    if text.startswith("\ufeff"):
        problems.append(Problem(file, 1, "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"))
        text = text[1:]
    if not text.strip():
        problems.append(
            Problem(file, 1, "the file is empty: a briefing starts with front matter between two '---' lines "
                    "(python -m scripts new writes one)")
        )
        return BriefingText(None, "", 1, problems)
    parts = split(text)
    if parts is None:
        first = text.splitlines()[0].strip() if text.splitlines() else ""
        if first == "---":
            message = "the front matter is never closed: add a line '---' after its last field"
        else:
            message = "no front matter: the file must start with a line '---', then the fields, then another '---'"
        return BriefingText(None, "", 1, [*problems, Problem(file, 1, message)])
    yaml_text, body, body_line = parts
    bounds = schemas.limits(SCHEMA_NAME)
    try:
        loaded = yamlio.load_checked(yaml_text, 2, max_bytes=bounds.max_bytes, max_depth=bounds.max_depth)
    except yamlio.YamlError as error:
        line = error.line or 2
        return BriefingText(None, body, body_line, [*problems, Problem(file, line, error.message, _key_on_line(text, line))])
    problems += schemas.duplicate_problems(loaded.duplicates, file)
    data = loaded.data
    if data is None:
        problems.append(Problem(file, 2, "the front matter is empty: add the fields (python -m scripts new writes a template)"))
        return BriefingText(None, body, body_line, problems)
    if not isinstance(data, dict):
        problems.append(Problem(file, 2, f"the front matter must be 'field: value' lines, got {schemas.describe(data)}"))
        return BriefingText(None, body, body_line, problems)
    problems += schemas.problems(data, SCHEMA_NAME, file, default_line=2)
    return BriefingText(data, body, body_line, problems)


def read_file(path: Path, file: str) -> BriefingText:
    """Read a briefing file (a regular file of bounded size, UTF-8) and its front matter."""
    raw, problems = fileio.read_regular(path, file, schemas.limits(SCHEMA_NAME).max_bytes, "a briefing")
    if raw is None:
        return BriefingText(None, "", 1, problems)
    text, problems = fileio.decode_utf8(raw, file, "a Markdown briefing")
    if text is None:
        return BriefingText(None, "", 1, problems)
    return read_text(text, file)


def _source_text(data: Any, key: str) -> str | None:
    """``source.<key>`` of a briefing's front matter (however the YAML is written) when it is text, else None."""
    source = data.get("source") if isinstance(data, dict) else None
    value = source.get(key) if isinstance(source, dict) else None
    return value if isinstance(value, str) else None


def seed_of(data: Any) -> str | None:
    """The ``source.seed`` a briefing's front matter names, or None."""
    return _source_text(data, "seed")


def seed_sha256_of(data: Any) -> str | None:
    """The ``source.sha256`` (the seed's content hash) a briefing's front matter records, or None."""
    return _source_text(data, "sha256")


# -- the model -------------------------------------------------------------------


def front_matter(briefing: Briefing) -> dict[str, Any]:
    """The front matter of ``briefing`` as plain data, keys in the order files are written in."""
    data: dict[str, Any] = {"title": briefing.title, "date": briefing.date, "date_basis": briefing.date_basis}
    if briefing.date_precision and briefing.date_precision != "day":
        data["date_precision"] = briefing.date_precision
    if briefing.date_range:
        data["date_range"] = list(briefing.date_range)
    data |= {
        "date_evidence": briefing.date_evidence,
        "source": {
            "outlet": briefing.source.outlet,
            "url": briefing.source.url,
            "seed": briefing.source.seed,
            "sha256": briefing.source.sha256,
        },
        "countries": list(briefing.countries),
        "people": list(briefing.people),
        "organisations": list(briefing.organisations),
        "stance": dict(briefing.stance),
        "thesis": briefing.thesis,
        "summary": briefing.summary,
        "reviewed": briefing.reviewed,
    }
    if briefing.unregistered:
        data["unregistered"] = [{k: v for k, v in vars(u).items() if v is not None} for u in briefing.unregistered]
    if briefing.review:
        data["review"] = briefing.review
    if briefing.evidence:
        data["evidence"] = briefing.evidence
    return data


def from_front_matter(data: dict[str, Any], body: str = "") -> Briefing:
    """The :class:`Briefing` of schema-valid front matter and its body."""
    data = yamlio.plain(data)
    source = data.get("source") or {}
    window = data.get("date_range")
    parts = parse_body(body)
    return Briefing(
        title=str(data.get("title") or ""),
        date=str(data["date"]) if data.get("date") else None,
        date_basis=str(data.get("date_basis") or "unknown"),
        date_evidence=data.get("date_evidence"),
        date_precision=data.get("date_precision"),
        date_range=(str(window[0]), str(window[1])) if isinstance(window, list) and len(window) == 2 else None,
        source=Source(
            outlet=source.get("outlet"), url=source.get("url"), seed=source.get("seed"), sha256=source.get("sha256")
        ),
        countries=list(data.get("countries") or []),
        people=list(data.get("people") or []),
        organisations=list(data.get("organisations") or []),
        stance=dict(data.get("stance") or {}),
        thesis=str(data.get("thesis") or ""),
        summary=str(data.get("summary") or "") or parts.summary,
        reviewed=bool(data.get("reviewed", False)),
        unregistered=[
            Unregistered(name=str(u.get("name")), kind=str(u.get("kind")), country=u.get("country"), note=u.get("note"))
            for u in data.get("unregistered") or []
            if isinstance(u, dict)
        ],
        review=dict(data.get("review") or {}),
        evidence=dict(data.get("evidence") or {}),
        key_points=list(parts.key_points),
        key_figures=list(parts.key_figures),
        quotes=list(parts.quotes),
        text=parts.article,
    )


# -- the body --------------------------------------------------------------------


def escape(text: str) -> str:
    """Neutralise raw HTML in text written into a body (no ``<script>`` reaches a page)."""
    return html.escape(text, quote=False)


def _escape_stars(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


def _unescape_stars(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _paragraph(text: str) -> str:
    """One article paragraph on one line; a '#' (or '\\') that starts it is escaped: it is no section heading."""
    line = escape(" ".join(text.split()))
    return "\\" + line if line.startswith(("#", "\\")) else line


def render_body(briefing: Briefing) -> str:
    """Key points, key figures, quotes, then the article text (HTML-escaped)."""
    parts = []
    if briefing.key_points:
        parts.append("## Key points\n\n" + "".join(f"- {escape(p)}\n" for p in briefing.key_points))
    if briefing.key_figures:
        lines = [f"- **{_escape_stars(escape(f.value))}**: {escape(f.sentence)}\n" for f in briefing.key_figures]
        parts.append("## Key figures\n\n" + "".join(lines))
    if briefing.quotes:
        blocks = []
        for quote in briefing.quotes:
            speaker = f"\n>\n> — {escape(quote.speaker)}" if quote.speaker else ""
            blocks.append(f"> {escape(quote.text)}{speaker}\n")
        parts.append("## Quotes\n\n" + "\n".join(blocks))
    paragraphs = [_paragraph(p) for p in re.split(r"\n\s*\n", briefing.text) if p.strip()]
    parts.append("## Article\n\n" + "\n\n".join(paragraphs) + "\n")
    return "\n".join(parts)


@dataclass(frozen=True)
class BodyParts:
    """The sections of a briefing's body, as plain (unescaped) text."""

    summary: str = ""  # only in older files and hand-written ones: the front matter holds it
    key_points: tuple[str, ...] = ()
    key_figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    article: str = ""


def parse_body(body: str) -> BodyParts:
    """Split a body into its sections (the inverse of :func:`render_body`).

    Text is unescaped here and escaped again when a page is written, so text
    typed by hand (raw ``<script>`` included) and drafted text end up the same.
    A section with another heading is kept in the article, under its heading.
    """
    matches = list(_SECTION.finditer(body))
    sections: dict[str, str] = {}
    extra: list[str] = []
    if matches and body[: matches[0].start()].strip():
        extra.append(body[: matches[0].start()].strip("\n"))
    for match, following in zip(matches, [*matches[1:], None]):
        end = following.start() if following else len(body)
        heading = match.group(1).strip()
        content = body[match.end() : end].strip("\n")
        if heading.lower() in {s.lower() for s in (*SECTIONS, "Summary")}:
            sections[heading.lower()] = content
        else:
            extra.append(f"{heading}\n\n{content}")
    if not matches:
        sections["article"] = body
    article = "\n\n".join(part for part in [*extra, sections.get("article", "")] if part.strip())
    article = re.sub(r"^\\(?=[#\\])", "", article, flags=re.MULTILINE)
    summary = _plain(sections.get("summary", ""))
    return BodyParts(
        summary="" if summary == "(none)" else summary,
        key_points=tuple(_plain(item) for item in _list_items(sections.get("key points", ""))),
        key_figures=tuple(_figure(item) for item in _list_items(sections.get("key figures", ""))),
        quotes=tuple(_quotes(sections.get("quotes", ""))),
        article=_plain(article),
    )


def _plain(markdown_text: str) -> str:
    return html.unescape(markdown_text.strip())


def _list_items(section: str) -> list[str]:
    items: list[str] = []
    for line in section.splitlines():
        if re.match(r"^[-*] ", line):
            items.append(line[2:].strip())
        elif line.strip() and items:
            items[-1] += " " + line.strip()
    return items


def _figure(item: str) -> Figure:
    match = _FIGURE.match(item)
    if match:
        return Figure(value=_plain(_unescape_stars(match.group(1))), sentence=_plain(match.group(2)))
    return Figure(value="", sentence=_plain(item))


def _quotes(section: str) -> list[Quote]:
    quotes: list[Quote] = []
    for block in re.split(r"\n\s*\n", section):
        lines = [re.sub(r"^> ?", "", line) for line in block.strip().splitlines()]
        lines = [line for line in lines if line.strip()]
        if not lines:
            continue
        speaker = None
        if lines[-1].startswith("— ") and len(lines) > 1:
            speaker = _plain(lines.pop()[2:])
        quotes.append(Quote(text=_plain(" ".join(lines)), speaker=speaker))
    return quotes


# -- the whole file and its fingerprint -----------------------------------------


def fingerprint(text_without_fingerprint: str) -> str:
    return hashlib.sha256(text_without_fingerprint.encode("utf-8")).hexdigest()


def render(briefing: Briefing) -> str:
    """The whole file: front matter (signed with its draft fingerprint) and body."""
    front = yamlio.dump(front_matter(briefing))
    unsigned = f"---\n{SCHEMA_COMMENT}{front}---\n\n{render_body(briefing)}"
    digest = fingerprint(unsigned)
    return unsigned.replace(f"{front}---\n", f"{front}{FINGERPRINT_KEY}: {digest}\n---\n", 1)


def _signed(text: str) -> tuple[dict[str, Any], str] | None:
    """(front matter, text without the fingerprint line) when the file carries a fingerprint."""
    parts = split(text)
    if parts is None:
        return None
    try:
        data = yamlio.load(parts[0], 2, max_depth=schemas.limits(SCHEMA_NAME).max_depth)
    except yamlio.YamlError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get(FINGERPRINT_KEY), str):
        return None
    line = yamlio.line_of(data, FINGERPRINT_KEY)
    lines = text.split("\n")
    return data, "\n".join(lines[: line - 1] + lines[line:])


def is_machine_draft(text: str) -> bool:
    """True when ``text`` is exactly as a machine drafted it (no human edits)."""
    signed = _signed(text)
    return signed is not None and fingerprint(signed[1]) == signed[0][FINGERPRINT_KEY]


def is_protected(text: str) -> bool:
    """True when a person edited the file or marked it ``reviewed: true``."""
    signed = _signed(text)
    if signed is None or fingerprint(signed[1]) != signed[0][FINGERPRINT_KEY]:
        return True
    return signed[0].get("reviewed") is True


# -- names -----------------------------------------------------------------------


def filename_for(date: str | None, title: str) -> str:
    """``YYYY-MM-DD-short-slug.md`` (``undated-...`` when the date is unknown)."""
    return f"{date or UNDATED}-{slugify(title, max_length=SLUG_LENGTH)}.md"


def filename(briefing: Briefing) -> str:
    return filename_for(briefing.date, briefing.title)


def expected_filename(data: Any) -> str | None:
    """The file name this front matter calls for (None when it lacks a usable title or date)."""
    if not isinstance(data, dict) or not isinstance(data.get("title"), str) or PLACEHOLDER.match(data["title"]):
        return None
    date = data.get("date")
    prefix = date.isoformat() if isinstance(date, dt.date) else date if isinstance(date, str) else None
    if prefix is not None and not _DAY.fullmatch(prefix):
        return None
    return filename_for(prefix, data["title"])


def date_of_name(name: str) -> str | None:
    """The ``YYYY-MM-DD`` a file name starts with (``undated`` names give None)."""
    match = FILE_NAME.match(name)
    prefix = match.group("prefix") if match else None
    return prefix if prefix and prefix != UNDATED else None


# -- the template of `new` -------------------------------------------------------

_TEMPLATE_NOTES = {
    "date": "YYYY-MM-DD, or null when the article gives no clue",
    "date_basis": "stated | derived | event | unknown (see CONTRIBUTING.md)",
    "seed": "no raw article in seeds/: the text is below",
    "countries": "canonical names from registry/countries.yaml, e.g. [Kazakhstan, China]",
    "people": "canonical names from registry/people.yaml",
    "organisations": "canonical names from registry/organisations.yaml",
    "stance": "the article's attitude to its main actors, e.g. {Russia: critical, China: neutral}",
    "reviewed": "set to true once someone has checked it against the article",
}
TEMPLATE_BODY = """\
## Key points

- TODO: the main points, one per line (delete this section if there are none)

## Article

TODO: paste the article's text here, without the page's menus, share buttons or 'Read also' lists.
"""


def template(title: str | None, date: str | None, url: str | None, outlet: str | None) -> str:
    """A briefing written by hand: the front matter of :func:`front_matter` with TODO placeholders and notes."""
    briefing = Briefing(
        title=title or "TODO: the headline of the article",
        date=date,
        date_basis="stated" if date else "unknown",
        date_evidence="TODO: the words in the article that give the date, e.g. its dateline" if date else None,
        source=Source(outlet=outlet, url=url, seed=None, sha256=None),
        thesis="TODO: one sentence - what the article argues",
        summary="TODO: two or three sentences - what the article says",
    )
    lines = []
    for line in yamlio.dump(front_matter(briefing)).splitlines():
        key = line.strip().split(":", 1)[0]
        note = _TEMPLATE_NOTES.get(key)
        lines.append(f"{line}  # {note}" if note and not line.rstrip().endswith(":") else line)
    header = "# Written by hand (python -m scripts new). Replace every TODO, then run: python -m scripts check\n"
    return f"---\n{SCHEMA_COMMENT}{header}" + "\n".join(lines) + f"\n---\n\n{TEMPLATE_BODY}"
