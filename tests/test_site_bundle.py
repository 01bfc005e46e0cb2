"""The bundle of generated files (scripts/site/bundle.py) and how the MkDocs hook serves it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.bench.run import bare_config
from scripts.site import pages, sample
from scripts.site.bundle import BUNDLE_FILE, MAGIC, open_bundle, write_bundle

ROOT = Path(__file__).resolve().parent.parent

FILES = [
    ("generated/a.md", "# Алматы\n\nEmomali Rahmon — «quoted»\n"),
    ("generated/empty.md", ""),
    ("generated/feed.xml", "<feed/>\n"),
    ("generated/briefings/b.md", "b" * 70_000),
]


def test_a_bundle_gives_back_every_file_in_the_order_written(tmp_path: Path):
    path = tmp_path / "cache" / "pages.bundle"
    with write_bundle(path, "fp", iter(FILES)) as written:
        assert list(written.files) == [name for name, _ in FILES]
        assert written.read("generated/a.md").decode("utf-8") == dict(FILES)["generated/a.md"]
    with open_bundle(path) as bundle:  # type: ignore[union-attr]
        assert bundle.fingerprint == "fp"
        assert list(bundle.files) == [name for name, _ in FILES]
        assert {name: bundle.read(name).decode("utf-8") for name in bundle.files} == dict(FILES)
        with pytest.raises(KeyError):
            bundle.read("generated/missing.md")
    assert [p.name for p in path.parent.iterdir()] == ["pages.bundle"]  # no temporary file left


def test_an_open_bundle_reads_what_it_opened_when_another_build_replaces_it(tmp_path: Path):
    path = tmp_path / "pages.bundle"
    write_bundle(path, "old", iter(FILES)).close()
    bundle = open_bundle(path)
    assert bundle is not None
    write_bundle(path, "new", [("generated/a.md", "changed")]).close()
    assert bundle.read("generated/a.md").decode("utf-8") == dict(FILES)["generated/a.md"]
    bundle.close()
    with pytest.raises(ValueError):
        bundle.read("generated/a.md")


@pytest.mark.parametrize("damage", ["missing", "empty", "foreign", "truncated", "bad trailer", "bad index", "offset past"])
def test_a_damaged_bundle_is_treated_as_missing(tmp_path: Path, damage: str):
    path = tmp_path / "pages.bundle"
    write_bundle(path, "fp", iter(FILES)).close()
    data = path.read_bytes()
    start = int(data[-17:-1], 16)
    damaged = {
        "missing": None,
        "empty": b"",
        "foreign": b"x" * len(MAGIC) + data[len(MAGIC):],
        "truncated": data[: len(data) // 2],
        "bad trailer": data[:-17] + b"zzzzzzzzzzzzzzzz\n",
        "bad index": data[:start] + b"{not json" + b" " * (len(data) - 17 - start - 9) + data[-17:],
        "offset past": data[:start] + data[start:-17].replace(b"[", b"[9999999", 1) + f"{start:016x}\n".encode(),
    }[damage]
    if damaged is None:
        path.unlink()
    else:
        path.write_bytes(damaged)
    assert open_bundle(path) is None


def test_a_file_generated_twice_leaves_no_bundle_and_no_temporary_file(tmp_path: Path):
    path = tmp_path / "pages.bundle"
    with pytest.raises(ValueError, match="generated twice"):
        write_bundle(path, "fp", [("generated/a.md", "1"), ("generated/a.md", "2")])
    assert list(tmp_path.iterdir()) == []


# -- the hook ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = sample.copy_project(ROOT, tmp_path_factory.mktemp("bundle") / "project")
    sample.write_sample(project, synthetic=20)
    return project


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_build_publishes_the_pages_commands_files_without_writing_them_under_docs(project: Path):
    """MkDocs with the hook, and bare MkDocs on what `python -m scripts pages` writes, make the same site."""
    built = sample.build_site(project)
    assert built.returncode == 0, built.stderr
    generated = project / "docs" / pages.GENERATED
    assert [p.relative_to(project / "docs").as_posix() for p in generated.rglob("*") if p.is_file()] == [pages.HOME_INCLUDE]
    with open_bundle(project / BUNDLE_FILE) as bundle:  # type: ignore[union-attr]
        assert pages.TIMELINE in bundle.files and pages.FEED in bundle.files
        assert len([n for n in bundle.files if n.startswith(f"{pages.GENERATED}/briefings/")]) == len(
            list((project / "briefings").glob("*.md")))

    written = subprocess.run([sys.executable, "-m", "scripts", "pages"], cwd=project, capture_output=True, text=True)
    assert written.returncode == 0, written.stderr
    bare = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(bare_config(project)),
                           "-d", "site-bare"], cwd=project, capture_output=True, text=True)
    assert bare.returncode == 0, bare.stderr
    ours, theirs = site_files(project / "site"), site_files(project / "site-bare")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name] and name != "sitemap.xml.gz"] == []


def test_a_stale_or_stray_file_under_docs_generated_is_not_published(project: Path):
    stray = project / "docs" / pages.GENERATED / "briefings" / "stray-page.md"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text("# Not from briefings/\n", encoding="utf-8")
    timeline = project / "docs" / pages.TIMELINE
    timeline.parent.mkdir(parents=True, exist_ok=True)
    timeline.write_text("# A stale timeline\n", encoding="utf-8")
    try:
        built = sample.build_site(project)
        assert built.returncode == 0, built.stderr
        assert not (project / "site" / pages.GENERATED / "briefings" / "stray-page.html").exists()
        assert "A stale timeline" not in (project / "site" / pages.GENERATED / "timeline" / "index.html").read_text(encoding="utf-8")
    finally:
        stray.unlink()
        timeline.unlink()


def test_a_damaged_bundle_or_a_lost_include_is_written_again(project: Path):
    assert sample.build_site(project).returncode == 0
    bundle, include = project / BUNDLE_FILE, project / "docs" / pages.HOME_INCLUDE
    bundle.write_bytes(bundle.read_bytes()[:-40])
    again = sample.build_site(project)
    assert again.returncode == 0, again.stderr
    assert "inputs unchanged" not in again.stderr and open_bundle(bundle) is not None
    include.unlink()
    once_more = sample.build_site(project)
    assert once_more.returncode == 0, once_more.stderr
    assert "inputs unchanged since the last generation" in once_more.stderr and "1 written to generated/" in once_more.stderr
    assert include.is_file()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (a local server)
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(predicate: Callable[[], bool], timeout: float = 90) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def settled_count(log: Path, line: str, quiet: float = 5.0, timeout: float = 60) -> int | None:
    """How many times ``line`` is in ``log`` once it has not grown for ``quiet`` seconds (None: it kept growing)."""
    import time

    deadline = time.monotonic() + timeout
    last = log.read_text().count(line)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = log.read_text().count(line)
        if now == last:
            return now
        last = now
    return None


def test_mkdocs_serve_shows_an_edited_briefing_and_does_not_rebuild_in_a_loop(tmp_path: Path):
    project = sample.copy_project(ROOT, tmp_path / "project")
    sample.write_sample(project, hostile=False)
    briefing = sorted((project / "briefings").glob("*.md"))[0]
    url = f"http://127.0.0.1:{_free_port()}"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", url.removeprefix("http://")],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT, text=True)
    try:
        page = f"{url}/{pages.GENERATED}/briefings/{briefing.stem}.html"
        assert _wait_for(lambda: _get(page) is not None), log.read_text()
        text = briefing.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title: "))
        briefing.write_text(text.replace(title, 'title: "An edited title seen by serve"', 1), encoding="utf-8")
        assert _wait_for(lambda: "An edited title seen by serve" in (_get(page) or "")), log.read_text()
        builds = settled_count(log, "Documentation built")
        assert builds is not None and builds <= 4, log.read_text()  # writing the include sets off no loop
        assert "Traceback" not in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
