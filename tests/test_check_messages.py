"""``check`` on a suite of broken briefings: one precise message each, all in one run, nothing changed.

Everything lives in a temporary tree (its own tiny registry, seeds and
briefings); ``check`` is run as a contributor runs it, through a subprocess.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.check import collect_problems
from scripts.problems import ProblemsError
from scripts.registry import load_registry
from scripts.slugs import slugify

REPO = Path(__file__).resolve().parent.parent

COUNTRIES = """\
- name: Russia
  iso: RU
  aliases: [Russian Federation]
  demonyms: [Russian]
  metonyms: [Moscow, the Kremlin]
- name: Tajikistan
  iso: TJ
  demonyms: [Tajik]
- name: China
  iso: CN
"""
PEOPLE = """\
- name: Emomali Rahmon
  country: Tajikistan
  category: official
  aliases: [Emomali Rakhmon, Rakhmon]
- name: Vladimir Putin
  country: Russia
  category: official
"""
ORGANISATIONS = """\
- name: Collective Security Treaty Organization
  kind: alliance
  acronyms: [CSTO]
"""
SEED_TEXT = "Rahmon told Putin: we want respect.\n"
SEED_SHA = hashlib.sha256(SEED_TEXT.encode()).hexdigest()

# A valid briefing; each broken case changes one thing in it. Line numbers:
# 1 ---, 2 schema comment, 3 title, 4 date, 5 date_basis, 6 date_evidence, 7 source,
# 8 outlet, 9 url, 10 seed, 11 sha256, 12 countries, 13 people, 14 - Emomali Rahmon,
# 15 organisations, 16 stance, 17 Russia, 18 thesis, 19 summary, 20 reviewed, 21 ---
GOOD = f"""\
---
# yaml-language-server: $schema=../docs/schemas/briefing.schema.json
title: Rahmon wants respect from Moscow
date: 2022-10-18
date_basis: derived
date_evidence: the CIS summit in Astana is reported as recent
source:
  outlet: Example News
  url: https://example.org/rahmon
  seed: seeds/rahmon.txt
  sha256: {SEED_SHA}
countries: [Russia, Tajikistan]
people:
  - Emomali Rahmon
organisations: [Collective Security Treaty Organization]
stance:
  Russia: critical
thesis: Russia is losing authority in Central Asia.
summary: Rahmon told Putin that Tajikistan wants respect.
reviewed: true
---

## Summary

Rahmon told Putin that Tajikistan wants respect.
"""


def changed(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# file name -> (content: str or bytes, the one expected line of output)
CASES: dict[str, tuple[str | bytes, str]] = {
    "2022-10-18-bad-date.md": (
        changed("date: 2022-10-18", "date: 2023-02-30"),
        "briefings/2022-10-18-bad-date.md:4: date: '2023-02-30' is not a real date: February 2023 has 28 days: "
        "fix the day",
    ),
    "2999-01-01-future-date.md": (
        changed("date: 2022-10-18", "date: 2999-01-01"),
        "briefings/2999-01-01-future-date.md:4: date: date 2999-01-01 is in the future: check the year",
    ),
    "2022-10-18-date-outside-range.md": (
        changed("date_basis: derived", "date_basis: derived\ndate_range: [2022-10-01, 2022-10-17]"),
        "briefings/2022-10-18-date-outside-range.md:6: date_range: date 2022-10-18 is outside date_range "
        "[2022-10-01, 2022-10-17]: widen the range or fix the date",
    ),
    "2022-10-18-range-backwards.md": (
        changed("date_basis: derived", "date_basis: derived\ndate_range: [2022-10-31, 2022-10-01]"),
        "briefings/2022-10-18-range-backwards.md:6: date_range: date_range ends (2022-10-01) before it starts "
        "(2022-10-31): write the earliest day first",
    ),
    "2022-10-18-bad-precision.md": (
        changed("date_basis: derived", "date_basis: derived\ndate_precision: week"),
        "briefings/2022-10-18-bad-precision.md:6: date_precision: date_precision is 'week': use day, month or year",
    ),
    "2022-10-18-alias-person.md": (
        changed("  - Emomali Rahmon", "  - Emomali Rakhmon"),
        "briefings/2022-10-18-alias-person.md:14: people: unknown person 'Emomali Rakhmon' - it is a spelling of "
        "'Emomali Rahmon': use the canonical name",
    ),
    "2022-10-18-unknown-actor.md": (
        changed("  - Emomali Rahmon", "  - Emomali Rahmonov"),
        "briefings/2022-10-18-unknown-actor.md:14: people: unknown person 'Emomali Rahmonov' - did you mean "
        "'Emomali Rahmon'? use that name, or if 'Emomali Rahmonov' is another spelling of it, add the spelling "
        "to the registry's aliases of 'Emomali Rahmon' in registry/people.yaml",
    ),
    "2022-10-18-new-person.md": (
        changed("  - Emomali Rahmon", "  - Alisher Ilkhamov"),
        "briefings/2022-10-18-new-person.md:14: people: unknown person 'Alisher Ilkhamov': add it to "
        "registry/people.yaml, or list it under unregistered (name: Alisher Ilkhamov, kind: person)",
    ),
    "2022-10-18-misspelt-country.md": (
        changed("countries: [Russia, Tajikistan]", "countries: [Russia, Tajikstan]"),
        "briefings/2022-10-18-misspelt-country.md:12: countries: unknown country 'Tajikstan' - did you mean "
        "'Tajikistan'? use that name, or if 'Tajikstan' is another spelling of it, add the spelling to the "
        "registry's aliases of 'Tajikistan' in registry/countries.yaml",
    ),
    "2022-10-18-metonym-country.md": (
        changed("countries: [Russia, Tajikistan]", "countries: [Russia, Tajikistan, the Kremlin]"),
        "briefings/2022-10-18-metonym-country.md:12: countries: unknown country 'the Kremlin' - it is a spelling "
        "of 'Russia': use the canonical name",
    ),
    "2022-10-18-wrong-kind.md": (
        changed("  - Emomali Rahmon", "  - Tajikistan"),
        "briefings/2022-10-18-wrong-kind.md:14: people: 'Tajikistan' is a country, not a person: "
        "move it to countries",
    ),
    "2022-10-18-acronym.md": (
        changed("[Collective Security Treaty Organization]", "[CSTO]"),
        "briefings/2022-10-18-acronym.md:15: organisations: unknown organisation 'CSTO' - it is a spelling of "
        "'Collective Security Treaty Organization': use the canonical name",
    ),
    "2022-10-18-bad-stance.md": (
        changed("  Russia: critical", "  Russia: neutrall"),
        "briefings/2022-10-18-bad-stance.md:17: stance.Russia: stance of 'Russia' is 'neutrall': use supportive, "
        "neutral or critical - did you mean 'neutral'?",
    ),
    "2022-10-18-stance-unlisted.md": (
        changed("  Russia: critical", "  Russia: critical\n  China: neutral"),
        "briefings/2022-10-18-stance-unlisted.md:18: stance: stance of 'China', but 'China' is not in countries: "
        "add it there, or drop the stance",
    ),
    "2022-10-18-bad-date-basis.md": (
        changed("date_basis: derived", "date_basis: derive"),
        "briefings/2022-10-18-bad-date-basis.md:5: date_basis: date_basis is 'derive': use stated, derived, event "
        "or unknown - did you mean 'derived'? (stated: printed in the text; derived: computed from a clue; "
        "event: a dated event reported as current; unknown: no clue)",
    ),
    "2022-10-18-missing-field.md": (
        changed("thesis: Russia is losing authority in Central Asia.\n", ""),
        "briefings/2022-10-18-missing-field.md:2: thesis: missing field 'thesis': add "
        'thesis: "one sentence: what the article argues"',
    ),
    "2022-10-18-unknown-field.md": (
        changed("reviewed: true", "reviewed: true\nauthor: Someone"),
        "briefings/2022-10-18-unknown-field.md:21: author: unknown field 'author' - the front matter has only: "
        "title, date, date_basis, date_precision, date_range, date_evidence, source, countries, people, organisations, stance, thesis, "
        "summary, reviewed, unregistered, review, evidence, draft_sha256",
    ),
    "2022-10-18-misspelt-field.md": (
        changed("summary: Rahmon told", "sumary: Rahmon told"),
        "",  # two problems, checked separately below
    ),
    "2022-10-18-yaml-syntax.md": (
        changed("title: Rahmon wants respect from Moscow", "title: Rahmon: we want respect"),
        "briefings/2022-10-18-yaml-syntax.md:3: title: YAML syntax error: an unexpected ':' - if a value contains "
        "': ', put it in quotes (title: \"Russia: a view\"); otherwise the line above may lack its ':' or be "
        "indented differently",
    ),
    "2022-10-18-duplicate-key.md": (
        changed("reviewed: true", "reviewed: true\nsummary: Another summary."),
        "briefings/2022-10-18-duplicate-key.md:21: summary: 'summary' is given twice (first on line 19): keep one "
        "- otherwise the second silently replaces the first",
    ),
    "2022-10-18-yaml-alias.md": (
        changed("summary: Rahmon told Putin that Tajikistan wants respect.", "summary: *t",
                changed("title: Rahmon", "title: &t Rahmon")),
        "briefings/2022-10-18-yaml-alias.md:19: summary: an alias ('*name') is not allowed here: write the value "
        "out in full (a value that starts with '*' or '&' needs quotes)",
    ),
    "2022-10-18-control-character.md": (
        changed("title: Rahmon wants", "title: Rahmon \x1b[2J wants"),
        "briefings/2022-10-18-control-character.md:3: title: a control character (U+001B) that YAML does not "
        "allow: delete it",
    ),
    "2022-10-18-wrong-type.md": (
        changed("title: Rahmon wants respect from Moscow", "title: 123"),
        "briefings/2022-10-18-wrong-type.md:3: title: title must be text, got a number (123) - put it in quotes: "
        '"123"',
    ),
    "2022-10-18-wrong-type-list.md": (
        changed("people:\n  - Emomali Rahmon", "people: Emomali Rahmon"),
        "briefings/2022-10-18-wrong-type-list.md:13: people: people must be a list of names, got 'Emomali Rahmon' "
        "- write people: [Emomali Rahmon]",
    ),
    "2022-10-18-empty.md": (
        "",
        "briefings/2022-10-18-empty.md:1: the file is empty: a briefing starts with front matter between two "
        "'---' lines (python -m scripts new writes one)",
    ),
    "2022-10-18-not-utf8.md": (
        changed("Example News", "Caf\u00e9 News").encode("latin-1"),
        "briefings/2022-10-18-not-utf8.md:8: not UTF-8 text: byte 0xe9 at line 8, column 14 (offset 233) cannot be "
        "read (it looks like Windows-1251/1252 or Latin-1); save the file as UTF-8",
    ),
    "2022-10-18-binary.md": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "briefings/2022-10-18-binary.md:1: binary file (it contains NUL bytes), not a Markdown briefing: remove it "
        "or save it as text",
    ),
    "2022-10-18-no-front-matter.md": (
        "# Rahmon wants respect\n\nSome text.\n",
        "briefings/2022-10-18-no-front-matter.md:1: no front matter: the file must start with a line '---', then "
        "the fields, then another '---'",
    ),
    "2022-10-18-unclosed.md": (
        GOOD.split("\n---\n")[0] + "\n",
        "briefings/2022-10-18-unclosed.md:1: the front matter is never closed: add a line '---' after its last field",
    ),
    "2022-10-18-bom.md": (
        "\ufeff" + GOOD,
        "briefings/2022-10-18-bom.md:1: the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM",
    ),
    "2022-10-18-seed-outside.md": (
        changed("seed: seeds/rahmon.txt", "seed: ../secrets.txt"),
        "briefings/2022-10-18-seed-outside.md:10: source.seed: source.seed must be a file directly in seeds/, like "
        "seeds/2024-05-01-kun-uz.txt, got '../secrets.txt'",
    ),
    "2022-10-18-seed-missing.md": (
        changed("seed: seeds/rahmon.txt", "seed: seeds/rahmon2.txt"),
        "briefings/2022-10-18-seed-missing.md:10: source.seed: seed file 'seeds/rahmon2.txt' does not exist - "
        "did you mean 'seeds/rahmon.txt'?",
    ),
    "2022-10-18-seed-changed.md": (
        changed(SEED_SHA, "f" * 64),
        f"briefings/2022-10-18-seed-changed.md:11: source.sha256: source.sha256 does not match seeds/rahmon.txt "
        f"(the seed changed after drafting): check the briefing still fits it, then set sha256: {SEED_SHA}",
    ),
    "2022-10-18-url.md": (
        changed("url: https://example.org/rahmon", "url: www.example.org/rahmon"),
        "briefings/2022-10-18-url.md:9: source.url: source.url must start with http:// or https://: "
        "write https://www.example.org/rahmon",
    ),
    "2022-10-18-url-scheme.md": (
        changed("url: https://example.org/rahmon", "url: javascript:alert(1)"),
        "briefings/2022-10-18-url-scheme.md:9: source.url: source.url must be a web address starting with http:// "
        "or https://, got 'javascript:alert(1)'",
    ),
    "Rahmon wants respect.md": (
        GOOD,
        "briefings/Rahmon wants respect.md:1: file name 'Rahmon wants respect.md' is not YYYY-MM-DD-slug.md (the "
        "date, then lowercase words joined by '-'): rename it to 2022-10-18-rahmon-wants-respect-from-moscow.md",
    ),
    "2022-10-17-name-date.md": (
        GOOD,
        "briefings/2022-10-17-name-date.md:4: date: file name starts with 2022-10-17 but date is 2022-10-18: "
        "rename the file to 2022-10-18-name-date.md (or fix the date)",
    ),
    "2022-10-18-placeholder.md": (
        changed("title: Rahmon wants respect from Moscow", 'title: "TODO: the headline"'),
        "briefings/2022-10-18-placeholder.md:3: title: title is still the placeholder 'TODO: the headline': "
        "replace it",
    ),
}
MISSPELT_FIELD = [
    "briefings/2022-10-18-misspelt-field.md:2: summary: missing field 'summary': add "
    'summary: "two or three sentences"',
    "briefings/2022-10-18-misspelt-field.md:19: sumary: unknown field 'sumary' - did you mean 'summary'?",
]


def make_tree(root: Path) -> None:
    (root / "registry").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "briefings").mkdir()
    (root / "registry" / "countries.yaml").write_text(COUNTRIES, encoding="utf-8")
    (root / "registry" / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (root / "registry" / "organisations.yaml").write_text(ORGANISATIONS, encoding="utf-8")
    (root / "seeds" / "rahmon.txt").write_text(SEED_TEXT, encoding="utf-8")


def own_seed(name: str, text: str) -> str:
    """``text`` naming a seed of its own (each briefing of one seed is a problem of its own, tested elsewhere)."""
    return text.replace("seeds/rahmon.txt", f"seeds/{slugify(Path(name).stem)}.txt")


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    make_tree(tmp_path)
    (tmp_path / "briefings" / "2022-10-18-good.md").write_text(GOOD, encoding="utf-8")
    for name, (content, _) in CASES.items():
        path = tmp_path / "briefings" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(own_seed(name, content), encoding="utf-8")
            (tmp_path / "seeds" / f"{slugify(Path(name).stem)}.txt").write_text(SEED_TEXT, encoding="utf-8")
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file()
    }


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.check", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def error_lines(output: str) -> list[str]:
    return [line.removeprefix("error: ") for line in output.splitlines() if line.startswith("error: ")]


def test_the_good_briefing_is_valid(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "briefings" / "2022-10-18-good.md").write_text(GOOD, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "ok: 1 briefing(s)" in result.stdout


def test_every_broken_briefing_gets_its_one_precise_message_in_one_run(tree: Path) -> None:
    before = snapshot(tree)
    result = run_check("--root", str(tree))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    expected = [own_seed(name, message) if isinstance(content, str) and "seeds/rahmon.txt" in content else message
                for name, (content, message) in CASES.items() if message] + MISSPELT_FIELD
    missing = [m for m in expected if m not in lines]
    assert not missing, "\n".join(["missing:", *missing, "got:", *lines])
    assert sorted(lines) == sorted(expected), "\n".join(sorted(set(lines) - set(expected)))
    for name in CASES:
        if name != "2022-10-18-misspelt-field.md":
            assert sum(line.startswith(f"briefings/{name}:") for line in lines) == 1, name
    assert not any("2022-10-18-good.md" in line for line in lines)
    assert f"{len(expected)} problem(s) in {len(CASES)} file(s)" in result.stderr
    assert snapshot(tree) == before, "check changed a file"


def test_briefings_and_registry_options_point_check_elsewhere(tree: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "briefings").mkdir()
    (elsewhere / "briefings" / "2022-10-18-x.md").write_text(
        changed("  - Emomali Rahmon", "  - Emomali Rakhmon"), encoding="utf-8"
    )
    result = run_check("--root", str(tree), "--briefings", str(elsewhere / "briefings"),
                       "--registry", str(tree / "registry"))
    assert result.returncode == 1
    assert [line.split(": ", 1)[1] for line in error_lines(result.stderr)] == [
        "people: unknown person 'Emomali Rakhmon' - it is a spelling of 'Emomali Rahmon': use the canonical name"
    ]


def test_collect_problems_takes_directories(tree: Path) -> None:
    problems = collect_problems(root=tree)
    assert {p.file for p in problems} == {f"briefings/{name}" for name in CASES}
    stance = next(p for p in problems if p.file == "briefings/2022-10-18-bad-stance.md")
    assert (stance.line, stance.field) == (17, "stance.Russia")
    assert collect_problems([tree / "briefings" / "2022-10-18-good.md"], root=tree) == []


def test_stray_files_in_briefings_are_reported(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "briefings" / "2022-10-18-good.markdown").write_text(GOOD, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "briefings/2022-10-18-good.markdown:1: not a briefing in briefings/, which holds only YYYY-MM-DD-slug.md "
        "files: rename it to end in .md, or move it out"
    ]


def test_bad_seed_headers_are_reported_by_check(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "seeds" / "header.txt").write_text(
        "---\noutlet: Kun.uz\ndate: 2024-13-01\ntitel: Talks\n---\nText.\n", encoding="utf-8"
    )
    result = run_check("--root", str(tmp_path))
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "seeds/header.txt:3: date: date 2024-13-01 is not a real date: fix the day",
        "seeds/header.txt:4: titel: unknown field 'titel' - did you mean 'title'?",
    ]


def test_undated_briefing_names(tmp_path: Path) -> None:
    make_tree(tmp_path)
    undated = changed("date: 2022-10-18", "date: null")
    undated = changed("date_basis: derived", "date_basis: unknown", undated)
    (tmp_path / "briefings" / "undated-rahmon.md").write_text(undated, encoding="utf-8")
    (tmp_path / "briefings" / "2022-10-18-rahmon.md").write_text(own_seed("other", undated), encoding="utf-8")
    (tmp_path / "seeds" / "other.txt").write_text(SEED_TEXT, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert error_lines(result.stderr) == [
        "briefings/2022-10-18-rahmon.md:1: date: file name starts with 2022-10-18 but date is empty: "
        "set date: 2022-10-18, or rename the file to undated-...md",
    ]


def test_date_and_date_basis_must_agree(tmp_path: Path) -> None:
    make_tree(tmp_path)
    text = changed("date_basis: derived", "date_basis: unknown")
    (tmp_path / "briefings" / "2022-10-18-rahmon.md").write_text(text, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert error_lines(result.stderr) == [
        "briefings/2022-10-18-rahmon.md:5: date_basis: date_basis is 'unknown' but a date is given: say how it was "
        "found (stated, derived or event), or set date: null",
    ]


def test_unregistered_names_are_accepted(tmp_path: Path) -> None:
    make_tree(tmp_path)
    text = changed("  - Emomali Rahmon", "  - Emomali Rahmon\n  - Alisher Ilkhamov")
    text = changed("reviewed: true", "reviewed: true\nunregistered:\n  - name: Alisher Ilkhamov\n    kind: person\n"
                   "    country: United Kingdom", text)
    (tmp_path / "briefings" / "2022-10-18-rahmon.md").write_text(text, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert error_lines(result.stderr) == [
        "briefings/2022-10-18-rahmon.md:25: unregistered.country: unregistered 'Alisher Ilkhamov': unknown country "
        "'United Kingdom': use a country's name as it is in registry/countries.yaml",
    ]


def test_crlf_briefings_are_accepted(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "briefings" / "2022-10-18-rahmon.md").write_bytes(GOOD.replace("\n", "\r\n").encode())
    assert run_check("--root", str(tmp_path)).returncode == 0


# -- the registry ------------------------------------------------------------


def registry_problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    directory = tmp_path / "registry"
    directory.mkdir(exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as raised:
        load_registry(directory)
    return [f"{p.line}: {p.field}: {p.message}" for p in raised.value.problems]


def test_registry_shape_problems(tmp_path: Path) -> None:
    problems = registry_problems(
        tmp_path,
        {
            "countries.yaml": "- name: Russia\n  iso: ru\n  alias: [RF]\n",
            "people.yaml": (
                "- name: Emomali Rahmon\n  category: oficial\n  aliases: Rakhmon\n  roles:\n"
                "    - title: President\n      from: 1994\n      to: 1992\n"
            ),
        },
    )
    assert problems == [
        "2: iso: iso must be the two-letter ISO 3166 code in capitals, e.g. KZ, got 'ru'",
        "3: alias: unknown field 'alias' - did you mean 'aliases'?",
        "2: category: category is 'oficial': use official, analyst, journalist, business, military, militant or "
        "other - did you mean 'official'?",
        "3: aliases: aliases must be a list of spellings (text), got 'Rakhmon' - write aliases: [Rakhmon]",
        "5: roles: role 'President' ends (1992) before it starts (1994)",
    ]


def test_registry_cross_problems(tmp_path: Path) -> None:
    problems = registry_problems(
        tmp_path,
        {
            "countries.yaml": "- name: Russia\n  iso: RU\n- name: Tajikistan\n  iso: TJ\n- name: Rossiya\n  iso: RU\n",
            "people.yaml": (
                "- name: Emomali Rahmon\n  country: Tajikstan\n  aliases: [Rakhmon]\n"
                "- name: Rustam Emomali\n  country: Tajikistan\n  aliases: [rakhmon]\n"
            ),
            "groups.yaml": "- name: Central Asian states\n  members: [Tajikistan, Kyrgyzstan, Rakhmon]\n",
            "organisations.yaml": "- name: Kremlin Group\n  aliases: [Russia]\n",
        },
    )
    registry = str(tmp_path / "registry")
    assert sorted(problems) == sorted(
        [
            f"5: iso: iso 'RU' of 'Rossiya' is already the code of 'Russia' ({registry}/countries.yaml:1): "
            "each country has its own code",
            "1: country: unknown country 'Tajikstan' for 'Emomali Rahmon' - did you mean 'Tajikistan'?",
            f"4: aliases: spelling 'rakhmon' of 'Rustam Emomali' is already a spelling of 'Emomali Rahmon' "
            f"({registry}/people.yaml:1): a spelling must name one actor - remove it from one of them",
            "1: members: unknown member 'Kyrgyzstan' of 'Central Asian states': members are canonical names from "
            "the registry",
            "1: members: unknown member 'Rakhmon' of 'Central Asian states' - it is a spelling of 'Emomali Rahmon': "
            "use the canonical name",
            f"1: aliases: spelling 'Russia' of 'Kremlin Group' is already the name of 'Russia' "
            f"({registry}/countries.yaml:1): a spelling must name one actor - remove it from one of them",
        ]
    )


def test_broken_registry_is_reported_and_briefings_wait(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "registry" / "people.yaml").write_text(PEOPLE + "- name: Emomali Rahmon\n", encoding="utf-8")
    (tmp_path / "briefings" / "2022-10-18-good.md").write_text(GOOD, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert error_lines(result.stderr) == [
        "registry/people.yaml:8: name: duplicate name 'Emomali Rahmon' (also "
        f"{tmp_path / 'registry' / 'people.yaml'}:1)"
    ]
    assert "briefings NOT checked: the registry has problems, fix them first" in result.stderr


def test_the_repository_itself_is_checked_without_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "check"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


def test_symbolic_links_and_odd_file_names_are_not_followed_or_echoed(tmp_path: Path) -> None:
    make_tree(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:PASSWORD\n", encoding="utf-8")
    (tmp_path / "briefings" / "2022-10-18-link.md").symlink_to(secret)
    (tmp_path / "briefings" / "2022-10-18-\x1b[31mred.md").write_text(GOOD, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert result.returncode == 1
    assert "PASSWORD" not in result.stderr and "\x1b" not in result.stderr
    assert error_lines(result.stderr) == [
        "briefings/2022-10-18-\\x1b[31mred.md:1: file name '2022-10-18-\\x1b[31mred.md' is not YYYY-MM-DD-slug.md "
        "(the date, then lowercase words joined by '-'): rename it to 2022-10-18-rahmon-wants-respect-from-moscow.md",
        "briefings/2022-10-18-link.md:1: a symbolic link, not a file: a briefing must be a regular file (copy it in)",
    ]


ODD_VALUES = ["null", "0", "-1.5", "true", "[]", "{}", "[1, [2]]", "{a: {b: c}}", "2023-02-30", "2023-05-20 10:00:00",
              "''", "'TODO'", "!!binary aGVsbG8=", "x" * 500, "[Russia, Russia]", "{Russia: [critical]}"]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_any_value_in_any_field_gives_problems_not_a_traceback(tmp_path: Path, value: str) -> None:
    """Every top-level and nested field replaced by an odd value: validate never raises."""
    from scripts.registry import load_registry as load
    from scripts.validate import validate_text

    make_tree(tmp_path)
    registry = load(tmp_path / "registry")
    lines = GOOD.split("\n")
    for index, line in enumerate(lines):
        if not line or line.startswith(("---", "#", "##")) or ":" not in line or line.startswith("  -"):
            continue
        key = line.split(":", 1)[0]
        mutated = "\n".join([*lines[:index], f"{key}: {value}", *lines[index + 1:]])
        briefing, problems = validate_text(mutated, "b.md", registry, tmp_path)
        assert briefing is not None or problems
        for problem in problems:
            assert problem.file == "b.md" and problem.line >= 1 and problem.message


def test_registry_rules_of_the_registry_readme(tmp_path: Path) -> None:
    problems = registry_problems(
        tmp_path,
        {
            "countries.yaml": (
                "- name: Norway\n  iso: NO\n- name: Kazakhstan\n  iso: KZ\n  demonyms: [Kazakh]\n"
                "- name: Kazakhia\n  iso: KA\n  demonyms: [kazakh]\n"
            ),
            "people.yaml": "- name: Kassym-Jomart Tokayev\n  country: Kazakhstan\n",
            "groups.yaml": "- name: Central Asian states\n  members: [Kazakhstan, Kassym-Jomart Tokayev]\n",
        },
    )
    registry = str(tmp_path / "registry")
    assert sorted(problems) == sorted(
        [
            "2: iso: iso must be text, got false (YAML reads an unquoted no, yes, on or off as true or false): "
            "put the value in quotes",
            f"6: demonyms: demonym 'kazakh' of 'Kazakhia' is already a demonym of 'Kazakhstan' "
            f"({registry}/countries.yaml:3): two countries cannot share one - remove it from both if it is ambiguous",
            "1: members: member 'Kassym-Jomart Tokayev' of 'Central Asian states' is a person: a group's members "
            "are countries",
        ]
    )


def test_the_events_calendar_is_checked_too(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "registry" / "events.yaml").write_text(
        "- id: xian-summit\n  name: First China-Central Asia Summit\n  kind: summit\n  start: 2023-02-30\n"
        "  place: Xi'an, China\n  url: https://example.org/xian\n",
        encoding="utf-8",
    )
    result = run_check("--root", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = error_lines(result.stderr)
    assert line.startswith("registry/events.yaml:4: start: ") and "2023-02-30" in line


def test_a_seed_that_is_a_link_may_point_only_inside_seeds(tmp_path: Path) -> None:
    """The seed a briefing names is found without resolving every path: a link is still followed and judged."""
    make_tree(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "seeds" / "rahmon.txt").unlink()
    (tmp_path / "seeds" / "rahmon.txt").symlink_to(outside)
    (tmp_path / "briefings" / "2022-10-18-good.md").write_text(GOOD, encoding="utf-8")
    result = run_check("--root", str(tmp_path))
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "briefings/2022-10-18-good.md:10: source.seed: seed 'seeds/rahmon.txt' leads outside seeds/ (through a link): "
        "use a file in seeds/",
        "seeds/rahmon.txt:1: a symbolic link, not a file: a seed must be a regular file (copy it in)",
    ]
    (tmp_path / "seeds" / "rahmon.txt").unlink()
    (tmp_path / "seeds" / "original.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "seeds" / "rahmon.txt").symlink_to(tmp_path / "seeds" / "original.txt")
    inside = run_check("--root", str(tmp_path))
    assert error_lines(inside.stderr) == [
        "seeds/rahmon.txt:1: a symbolic link, not a file: a seed must be a regular file (copy it in)"
    ]


def test_briefings_in_a_linked_folder_are_named_from_the_root(tmp_path: Path) -> None:
    from scripts.validate import display_name

    make_tree(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "2022-10-18-good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    assert display_name(tmp_path / "linked" / "2022-10-18-good.md", tmp_path) == "elsewhere/2022-10-18-good.md"
    assert display_name(tmp_path / "briefings" / "x.md", tmp_path) == "briefings/x.md"
