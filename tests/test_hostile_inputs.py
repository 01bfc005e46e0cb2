"""Hostile and broken inputs, as an unknown contributor's pull request could bring them.

Every case: a precise message with file and line, exit status 1, no traceback, no
terminal escape reaching the output, and no file changed or lost. The cases of
issue 9's table are all here; the closing note lists them.
"""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_check_messages import GOOD, changed, make_tree

from scripts import schemas
from scripts.events import parse_events
from scripts.problems import ProblemsError
from scripts.registry import load_registry
from scripts.seed import read_seed
from scripts.slugs import slugify

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "Tokayev met Mirziyoyev in Tashkent on Monday to discuss water and trade.\n\nBoth sides praised the talks.\n"
BIG = 5_000_000


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=REPO, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` and its bytes (links, pipes and folders by kind)."""
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        mode = path.lstat().st_mode
        key = str(path.relative_to(root))
        if stat.S_ISREG(mode):
            found[key] = path.read_bytes()
        else:
            found[key] = {stat.S_IFLNK: b"<link>", stat.S_IFIFO: b"<fifo>", stat.S_IFDIR: b"<dir>"}.get(
                stat.S_IFMT(mode), b"<other>")
    return found


def assert_refused(result: subprocess.CompletedProcess[str], *expected: str, max_chars: int = 20_000) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    assert "Traceback" not in output, output[-3000:]
    assert "\x1b" not in output and "\x07" not in output, "a terminal escape reached the output"
    assert len(output) < max_chars, f"{len(output):,} characters of output"
    for text in expected:
        assert text in output, f"{text!r} not in:\n{output[-3000:]}"


def check_tree(root: Path, *expected: str) -> None:
    before = snapshot(root)
    assert_refused(run("check", "--root", str(root)), *expected)
    assert snapshot(root) == before, "check changed a file"


def ingest_tree(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return run("ingest", "--seeds", str(root / "seeds"), "--briefings", str(root / "briefings"), *args, timeout=timeout)


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    make_tree(tmp_path)
    return tmp_path


def write_briefing(root: Path, name: str, text: str | bytes) -> Path:
    path = root / "briefings" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# -- briefings ------------------------------------------------------------------------------------------


BRIEFING_CASES: dict[str, tuple[str | bytes, str]] = {
    # 1-2: nesting and aliases in front matter
    "2022-10-18-deep.md": (changed("countries: [Russia, Tajikistan]", "countries: " + "[" * 400 + "]" * 400),
                           "2022-10-18-deep.md:12: countries: lists and mappings are nested more than 8 levels deep"),
    "2022-10-18-laughs.md": (changed("thesis: Russia is losing authority in Central Asia.",
                                     "thesis: &a [x, x, x]\nsummary2: &b [*a, *a, *a]"),
                             "2022-10-18-laughs.md:19: summary2: an alias ('*name') is not allowed here"),
    # 3: year 0
    "2022-10-18-year-zero.md": (changed("date: 2022-10-18", "date: '0000-01-01'"),
                                "2022-10-18-year-zero.md:4: date: '0000-01-01' is not a real date: there is no year 0"),
    # 5: thousands of actors
    "2022-10-18-crowd.md": (changed("people:\n  - Emomali Rahmon", "people: [" + ", ".join(f"P{i}" for i in range(3000)) + "]"),
                            "people has 3,000 items; the limit is 300"),
    # 6-8: 5 MB values are not echoed
    "2022-10-18-huge-date.md": (changed("date: 2022-10-18", "date: '" + "9" * 1_000_000 + "'"),
                                "date: date must be written YYYY-MM-DD"),
    "2022-10-18-huge-stance.md": (changed("  Russia: critical", "  Russia: " + "x" * 1_000_000),
                                  "stance of 'Russia' is 'xxxx"),
    "2022-10-18-huge-url.md": (changed("url: https://example.org/rahmon", "url: https://example.org/" + "a" * 1_000_000),
                               "source.url is 1,000,020 characters long; the limit is 2,000"),
    # 9: escape sequences inside a quoted value are shown escaped
    "2022-10-18-escape.md": (changed("  Russia: critical", '  Russia: "\\e]0;pwned\\a\\e[31mred"'),
                             "stance of 'Russia' is '\\x1b]0;pwned\\x07\\x1b[31mred'"),
    # 13: a tag that would run code
    "2022-10-18-tag.md": (changed("thesis: Russia is losing authority in Central Asia.",
                                  "thesis: !!python/object/apply:os.system ['touch /tmp/hostile-pwned']"),
                          "a tag such as '!!python/...' is not allowed"),
    # 19: UTF-16
    "2022-10-18-utf16.md": (GOOD.encode("utf-16"), "2022-10-18-utf16.md:1: UTF-16 text: save a Markdown briefing as UTF-8"),
    # 21: javascript: URL
    "2022-10-18-js-url.md": (changed("url: https://example.org/rahmon", "url: 'javascript:alert(1)'"),
                             "source.url must be a web address starting with http:// or https://"),
    # 22: right-to-left override in a value
    "2022-10-18-bidi.md": (changed("  Russia: critical", "  Russia: \"crit\u202eical\""), "stance of 'Russia' is 'crit\\u202eical'"),
}


def test_hostile_briefings_each_get_their_message_in_one_run(root: Path) -> None:
    Path("/tmp/hostile-pwned").unlink(missing_ok=True)
    for name, (content, _) in BRIEFING_CASES.items():
        write_briefing(root, name, content)
    check_tree(root, *(message for _, message in BRIEFING_CASES.values()))
    assert not Path("/tmp/hostile-pwned").exists()


def test_a_file_named_with_year_zero(root: Path) -> None:  # 4
    write_briefing(root, "0000-01-01-x.md", GOOD)
    check_tree(root, "0000-01-01-x.md:1: file name date '0000-01-01' is not a real date: there is no year 0")


def test_briefings_that_are_not_regular_files(root: Path, tmp_path_factory: pytest.TempPathFactory) -> None:  # 15-17
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("root:x:0:0:PASSWORD\n", encoding="utf-8")
    (root / "briefings" / "2022-10-18-link.md").symlink_to(secret)
    (root / "briefings" / "2022-10-18-folder.md").mkdir()
    os.mkfifo(root / "briefings" / "2022-10-18-pipe.md")
    check_tree(root, "2022-10-18-link.md:1: a symbolic link, not a file", "2022-10-18-folder.md:1: a folder, not a file",
               "2022-10-18-pipe.md:1: a named pipe, not a file")
    assert "PASSWORD" not in run("check", "--root", str(root)).stderr


def test_a_huge_briefing_file(root: Path) -> None:  # 18
    write_briefing(root, "2022-10-18-big.md", GOOD + "x" * 3_000_000)
    check_tree(root, "2022-10-18-big.md:1: 3,000,711 bytes: a briefing may have at most 2,000,000")


def test_two_briefings_of_one_seed_and_a_leftover_temp_file(root: Path) -> None:  # 11-12
    write_briefing(root, "2022-10-18-one.md", GOOD)
    write_briefing(root, "2022-10-18-two.md", GOOD)
    (root / "briefings" / ".2022-10-18-one.md.abc.tmp").write_text("half", encoding="utf-8")
    check_tree(root, "2022-10-18-two.md:10: source.seed: seeds/rahmon.txt already has a briefing, briefings/2022-10-18-one.md",
               ".2022-10-18-one.md.abc.tmp:1: a temporary file left by an interrupted write: delete it")


def test_a_flow_style_source_still_names_its_seed(root: Path) -> None:  # 10
    flow = changed(
        "source:\n  outlet: Example News\n  url: https://example.org/rahmon\n  seed: seeds/rahmon.txt\n",
        "source: {outlet: Example News, url: 'https://example.org/rahmon', seed: seeds/rahmon.txt,\n  ",
    ).replace("\n  sha256: ", "sha256: ", 1).replace("\ncountries:", "}\ncountries:", 1)
    write_briefing(root, "2022-10-18-flow.md", flow)
    assert run("check", "--root", str(root)).returncode == 0
    result = ingest_tree(root)
    assert result.returncode == 0 and "nothing to do" in result.stdout, result.stdout + result.stderr
    assert sorted(p.name for p in (root / "briefings").iterdir()) == ["2022-10-18-flow.md"]


# -- seeds ------------------------------------------------------------------------------------------------


SEED_CASES: dict[str, tuple[str | bytes, str]] = {
    "deep.txt": ("---\ntitle: " + "[" * 400 + "]" * 400 + "\n---\n" + ARTICLE, "deep.txt:2: header: lists and mappings are nested more than 3 levels"),
    "future.txt": ("---\ndate: 2999-01-01\n---\n" + ARTICLE, "future.txt:2: date: date 2999-01-01 is in the future"),
    "quote-url.txt": ("---\nurl: \"https://x.org/a'onmouseover='alert(1)\"\n---\n" + ARTICLE,
                      "quote-url.txt:2: url: url must be a web address"),
    "long-title.txt": ("---\ntitle: " + "x" * 5000 + "\n---\n" + ARTICLE,
                       "long-title.txt:2: title: title is 5,000 characters long; the limit is 300"),
    "utf16.txt": (ARTICLE.encode("utf-16"), "utf16.txt:1: UTF-16 text"),
    "cp1251.txt": ("Токаев встретился с Мирзиёевым.\n".encode("cp1251"), "cp1251.txt:1: not UTF-8 text: byte 0xd2"),
    "empty.txt": ("  \n\n", "empty.txt:1: the seed is empty"),
    "with space.txt": (ARTICLE, "seed name 'with space.txt' has characters other than ASCII letters, digits, '.', '_' and "
                                "'-': rename it to with-space.txt"),
    "ünï.txt": (ARTICLE, "rename it to uni.txt"),
    "laughs.txt": ("---\ntitle: &a x\noutlet: *a\n---\n" + ARTICLE, "laughs.txt:3: header: an alias ('*name') is not allowed"),
}


def write_seeds(root: Path, cases: dict[str, tuple[str | bytes, str]]) -> None:
    for name, (content, _) in cases.items():
        (root / "seeds" / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.mark.parametrize("command", ["ingest", "check"])
def test_hostile_seeds_are_refused_by_ingest_and_check_alike(root: Path, command: str) -> None:
    (root / "seeds" / "rahmon.txt").unlink()
    write_seeds(root, SEED_CASES)
    before = snapshot(root)
    result = ingest_tree(root) if command == "ingest" else run("check", "--root", str(root))
    assert_refused(result, *(message for _, message in SEED_CASES.values()))
    assert snapshot(root) == before, f"{command} changed a file"


def test_seeds_that_are_links_folders_pipes_or_too_big(root: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    (root / "seeds" / "passwd.txt").symlink_to("/etc/passwd")
    (root / "seeds" / "folder.txt").mkdir()
    os.mkfifo(root / "seeds" / "pipe.txt")
    with (root / "seeds" / "huge.txt").open("wb") as handle:
        handle.truncate(20_000_000)
        handle.seek(0)
        handle.write(ARTICLE.encode())
    before = snapshot(root)
    start = time.monotonic()
    result = ingest_tree(root, timeout=60)
    assert time.monotonic() - start < 60
    assert_refused(result, "passwd.txt:1: a symbolic link, not a file", "folder.txt:1: a folder, not a file",
                   "pipe.txt:1: a named pipe, not a file", "huge.txt:1: 20,000,000 bytes: a seed may have at most 1,000,000")
    assert "root:" not in result.stdout + result.stderr
    assert snapshot(root) == before


def test_a_second_ingest_is_refused_while_one_runs(root: Path) -> None:
    fd = os.open(root / "briefings", os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a running ingest holds it
    try:
        before = snapshot(root)
        result = ingest_tree(root)
        assert_refused(result, "another ingest is running in", "nothing was written")
        assert snapshot(root) == before
    finally:
        os.close(fd)
    assert ingest_tree(root).returncode == 0  # the lock goes with the process that held it


def test_concurrent_ingests_draft_each_seed_once(root: Path) -> None:
    for index in range(6):
        (root / "seeds" / f"s{index}.txt").write_text(f"Story {index}. " + ARTICLE, encoding="utf-8")
    results: list[subprocess.CompletedProcess[str]] = []
    threads = [threading.Thread(target=lambda: results.append(ingest_tree(root, "--quiet"))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.returncode for r in results).count(0) >= 1
    assert all("Traceback" not in r.stderr for r in results)
    briefings = list((root / "briefings").glob("*.md"))
    assert len(briefings) == 7  # six seeds and rahmon.txt, each once
    assert run("check", "--root", str(root)).returncode in (0, 1)  # (tiny registry) but never two of one seed
    assert "already has a briefing" not in run("check", "--root", str(root)).stderr


def test_a_copy_of_a_seed_under_another_name_is_not_drafted_twice(root: Path) -> None:
    (root / "seeds" / "copy.txt").write_bytes((root / "seeds" / "rahmon.txt").read_bytes())
    result = ingest_tree(root)
    assert result.returncode == 0
    assert "skipped seeds/copy.txt: the same text as the seed of" in result.stderr or "skipped" in result.stderr
    assert len(list((root / "briefings").glob("*.md"))) == 1


def test_temp_files_of_an_interrupted_ingest_are_removed(root: Path) -> None:
    leftover = root / "briefings" / ".2022-10-18-x.md.k2j3.tmp"
    leftover.write_text("half a briefing", encoding="utf-8")
    result = ingest_tree(root)
    assert result.returncode == 0 and not leftover.exists()
    assert "removed 1 temporary file(s)" in result.stderr


def test_drafts_and_generated_pages_get_normal_permissions(root: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert ingest_tree(root).returncode == 0
        from scripts.fileio import atomic_write

        atomic_write(tmp_path / "page.md", "x")
    finally:
        os.umask(old)
    for path in [*(root / "briefings").glob("*.md"), tmp_path / "page.md"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_seed_reading_is_bounded_in_time_and_memory(tmp_path: Path) -> None:
    path = tmp_path / "seeds" / "big.txt"
    path.parent.mkdir()
    path.write_text("word " * 300_000, encoding="utf-8")  # 1.5 MB
    start = time.monotonic()
    with pytest.raises(ProblemsError) as raised:
        read_seed(path)
    assert time.monotonic() - start < 2
    assert "a seed may have at most 1,000,000" in str(raised.value)


# -- registry and calendar ------------------------------------------------------------------------------


def registry_problems(root: Path) -> list[str]:
    with pytest.raises(ProblemsError) as raised:
        load_registry(root / "registry")
    return [f"{p.file.rsplit('/', 1)[-1]}:{p.line}: {p.message}" for p in raised.value.problems]


def test_registry_nesting_aliases_and_size(root: Path) -> None:
    registry = root / "registry"
    (registry / "groups.yaml").write_text("- name: G\n  members: " + "[" * 400 + "]" * 400 + "\n", encoding="utf-8")
    laughs = "- name: &a X\n  aliases: &b [*a, *a, *a, *a]\n" + "".join(
        f"- name: Y{i}\n  aliases: &c{i} [*b, *b, *b, *b]\n" for i in range(30))
    (registry / "organisations.yaml").write_text(laughs, encoding="utf-8")
    start = time.monotonic()
    problems = registry_problems(root)
    assert time.monotonic() - start < 5
    assert any(p.startswith("groups.yaml:2: lists and mappings are nested more than 6 levels") for p in problems), problems
    assert any(p.startswith("organisations.yaml:2: an alias ('*name') is not allowed") for p in problems), problems
    (registry / "people.yaml").write_bytes(b"- name: Z\n" + b"#" * 9_000_000)
    assert any("people.yaml:1: 9,000,010 bytes" in p for p in registry_problems(root))
    check = run("check", "--root", str(root))
    assert_refused(check, "groups.yaml:2: lists and mappings are nested")


def test_registry_names_that_try_path_tricks_get_safe_slugs() -> None:
    for name in ["../../etc/passwd", "..", "/", "a/b\\c", "CON", "\u202eevil"]:
        slug = slugify(name)
        assert slug and "/" not in slug and ".." not in slug and slug.isascii()


@pytest.mark.parametrize(
    ("cue", "message"),
    [
        ("'(a+)+$'", "repeats a repetition"),
        ("'(\\w+\\s?)*summit'", "repeats a repetition"),
        ("'[unclosed'", "invalid regular expression"),
        ("'\\\\bSCO'", "doubled backslash"),
    ],
)
def test_calendar_cues_that_could_hang_or_break_extraction_are_refused(cue: str, message: str) -> None:
    text = (f"- id: x-2020\n  name: X\n  kind: summit\n  start: 2020-01-01\n  place: X, Y\n  url: https://example.org/x\n"
            f"  cues:\n    - [{cue}]\n")
    with pytest.raises(ProblemsError) as raised:
        parse_events(text, "events.yaml")
    [problem] = raised.value.problems
    assert problem.line == 8 and message in problem.message


def test_calendar_nesting_is_refused() -> None:
    text = ("- id: x-2020\n  name: X\n  kind: summit\n  start: 2020-01-01\n  place: X, Y\n  url: https://example.org/x\n"
            "  cues: " + "[" * 300 + "]" * 300 + "\n")
    with pytest.raises(ProblemsError) as raised:
        parse_events(text, "events.yaml")
    assert "nested more than 6 levels" in raised.value.problems[0].message


# -- slugs for every script ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Токаев провёл переговоры с Мирзиёевым", "tokaev-provel-peregovory-s-mirzieevym"),
        ("Қазақстан мен Өзбекстан", "qazaqstan-men-ozbekstan"),
        ("习近平会见托卡耶夫", "xi-jin-ping-hui-jian-tuo-ka-ye-fu"),
        ("Əliyev meets Ørsted in Łódź", "eliyev-meets-orsted-in-lodz"),
        ("Türkmenistanyň Prezidenti", "turkmenistanyn-prezidenti"),
    ],
)
def test_titles_in_every_script_get_readable_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_message_values_are_shortened_and_escaped() -> None:
    shown = schemas.shorten("a\x1b[31mb\u202e" + "x" * 10_000)
    assert len(shown) == 40 and shown.startswith("a\\x1b[31mb\\u202exx") and shown.endswith("...")
    assert schemas.shorten("short\x07") == "short\\x07"


def test_an_ingest_killed_midway_leaves_whole_briefings_and_the_rerun_completes(root: Path) -> None:
    from scripts import briefing as briefing_format

    (root / "seeds" / "rahmon.txt").unlink()
    count = 100  # enough work that the kill lands midway however fast drafting gets
    for index in range(count):
        (root / "seeds" / f"s{index:03d}.txt").write_text(f"Story number {index}. " + ARTICLE * 12, encoding="utf-8")
    command = [sys.executable, "-m", "scripts", "ingest", "--seeds", str(root / "seeds"), "--briefings",
               str(root / "briefings"), "--quiet"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((root / "briefings").glob("*.md"))) < 2:
        time.sleep(0.02)
    process.kill()
    process.wait()
    written = list((root / "briefings").glob("*.md"))
    assert 2 <= len(written) < count, "killed before the end, after some briefings"
    for path in written:  # every file there is a whole briefing
        read = briefing_format.read_text(path.read_text(encoding="utf-8"), path.name)
        assert read.problems == [] and briefing_format.is_machine_draft(path.read_text(encoding="utf-8"))
    rerun = ingest_tree(root, "--quiet")
    assert rerun.returncode == 0, rerun.stderr
    seeds = [briefing_format.seed_of(briefing_format.read_text(p.read_text(encoding="utf-8"), p.name).data)
             for p in (root / "briefings").glob("*.md")]
    assert sorted(seeds) == sorted(f"seeds/s{index:03d}.txt" for index in range(count))  # each once
    assert not list((root / "briefings").glob(".*.tmp"))
