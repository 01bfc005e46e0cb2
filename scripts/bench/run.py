"""``make bench``: time the whole pipeline on synthetic archives of N briefings, in one run.

For each N, in a fresh copy of the project under ``build/bench/N/``:

1. ``corpus``: write N seeds and their briefings (:mod:`.corpus`);
2. ``ingest``: ``python -m scripts ingest`` of the N new seeds (into a separate folder), with the
   drafting modules compiled (:mod:`scripts.accel`, built before the first N and copied into each
   project); then ``ingest, interpreted``: the same from the sources, for comparison;
3. ``re-ingest``: the same again, with nothing to do;
4. ``check``: ``python -m scripts check``;
5. ``pages``: ``python -m scripts pages`` from scratch (no cache);
6. ``build``: ``mkdocs build --strict`` from scratch (no cache, no generated pages);
7. ``rebuild``: the same again, nothing changed;
8. ``bare``: MkDocs with the hook removed from mkdocs.yml on the pages the ``pages`` step wrote
   (in a copy of docs/, ``docs-bare/``, since the build finds none under docs/), into an empty
   folder (like ``build``); then ``bare, again``: the same over its last output (like
   ``rebuild``: MkDocs first removes the old site). Steps 6 to 8 run in rounds, in alternating
   order; each ratio is given for the least-CPU run of each step, as the median of the
   ratios within each round (a round's runs are minutes apart, so a slow spell of the machine
   hits both sides of the ratio alike), and within each build: its CPU time against the same
   less the hook's generation, which the hook logs (the median over rounds);
9. ``search``: search in headless Chromium, over http and from file:// (:mod:`.search`);
10. ``zensical``: ``zensical build --clean`` on the same pages and mkdocs.yml.

Each step runs as its own process: wall time, CPU time (user + system, the
figure to compare on a busy machine) and peak memory (the largest process)
come from the kernel. The site's total size, its largest page and the search
index are measured after the builds. A table is printed and everything is
written as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import accel, paths

DEFAULT_SIZES = "300"
NOT_PAGES = {"404.html"}


@dataclass
class Step:
    name: str
    wall: float  # seconds
    cpu: float  # seconds, user + system, the process and its children
    peak_rss: int  # bytes, the largest process
    ok: bool
    note: str = ""
    load: float | None = None  # the machine's 1-minute load average when the step ended (2 cores: 2.0 is full)
    hook_cpu: float | None = None  # CPU seconds of the page generation inside a MkDocs build, as its hook logged it


@dataclass
class SiteFacts:
    total_bytes: int
    files: int
    pages: int
    largest_page: str
    largest_page_bytes: int
    search_index: dict[str, int]  # file -> bytes


@dataclass
class Result:
    size: int
    steps: dict[str, Step] = field(default_factory=dict)  # a repeated step: its run of least CPU time
    rounds: dict[str, list[Step]] = field(default_factory=dict)  # every run of a repeated step, in order
    site: SiteFacts | None = None
    zensical_site: SiteFacts | None = None
    full_text_site: SiteFacts | None = None
    search: dict[str, Any] = field(default_factory=dict)
    full_text_search: dict[str, Any] = field(default_factory=dict)

    def ratio(self, a: str, b: str, measure: str = "cpu") -> float | None:
        """``a`` ÷ ``b``, each step's kept run (for a repeated step: its run of least CPU)."""
        if a in self.steps and b in self.steps and getattr(self.steps[b], measure):
            return round(getattr(self.steps[a], measure) / getattr(self.steps[b], measure), 2)
        return None

    def in_run_ratio(self, name: str) -> float | None:
        """The median over rounds of a build's CPU ÷ its CPU without the hook's generation: the build
        against MkDocs' own share of it, both from one process, so a slow spell slows both alike."""
        ratios = [run.cpu / (run.cpu - run.hook_cpu) for run in self.rounds.get(name, [])
                  if run.ok and run.hook_cpu is not None and run.cpu > run.hook_cpu]
        return round(statistics.median(ratios), 2) if ratios else None

    def paired_ratio(self, a: str, b: str, measure: str = "cpu") -> float | None:
        """The median over rounds of ``a`` ÷ ``b`` within each round (None with fewer than two rounds)."""
        pairs = [(x, y) for x, y in zip(self.rounds.get(a, []), self.rounds.get(b, [])) if x.ok and y.ok]
        ratios = [getattr(x, measure) / getattr(y, measure) for x, y in pairs if getattr(y, measure)]
        return round(statistics.median(ratios), 2) if len(ratios) >= 2 else None


def run_step(name: str, args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 7200) -> Step:
    """Run ``args`` in ``cwd``: wall clock, and CPU time and peak RSS of the process (and the children
    it waited for) from ``wait4``."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                process.kill()
            time.sleep(0.02)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    ok = process.returncode == 0
    load = round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None
    return Step(name, round(wall, 2), round(usage.ru_utime + usage.ru_stime, 2), usage.ru_maxrss * 1024, ok,
                "" if ok else _tail(text), load, hook_cpu(text))


# What the site's hook logs after generating the pages (scripts/site/hooks.py, GENERATION_TIME).
HOOK_TIME = re.compile(r"generated in [0-9.]+ s \(CPU ([0-9.]+) s\)")


def hook_cpu(output: str) -> float | None:
    """The CPU seconds the hook's generation took, from a MkDocs build's output (None: no hook ran)."""
    found = HOOK_TIME.findall(output)
    return float(found[-1]) if found else None


def _tail(output: str, lines: int = 15) -> str:
    return "\n".join(output.strip().splitlines()[-lines:])


def site_facts(site: Path, index_files: tuple[str, ...]) -> SiteFacts:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and p.name not in NOT_PAGES]
    largest = max(pages, key=lambda p: p.stat().st_size) if pages else None
    return SiteFacts(
        total_bytes=sum(p.stat().st_size for p in files),
        files=len(files),
        pages=len(pages),
        largest_page=largest.relative_to(site).as_posix() if largest else "",
        largest_page_bytes=largest.stat().st_size if largest else 0,
        search_index={name: (site / name).stat().st_size for name in index_files if (site / name).is_file()},
    )


def prepare_project(work: Path, size: int) -> Path:
    """A fresh project copy with the real registry and a corpus of ``size`` seeds and briefings."""
    from ..registry import load_registry
    from ..site.sample import copy_project
    from .corpus import write_corpus

    if work.exists():
        shutil.rmtree(work)
    project = copy_project(paths.ROOT, work / "project")
    shutil.copytree(paths.REGISTRY, project / "registry")
    compiled = accel.accel_root() / accel.key()
    if accel.built(paths.ROOT, compiled.name) is not None and accel.key(project) == compiled.name:  # the same code, so the same build
        shutil.copytree(compiled, accel.accel_root(project) / compiled.name)
    write_corpus(project, size, load_registry(paths.REGISTRY))
    return project


def bare_config(project: Path, docs_dir: str | None = None) -> Path:
    """mkdocs.yml without its ``hooks:`` block: MkDocs alone on the pages already generated
    (in ``docs_dir``, a copy of docs/ with the pages ``python -m scripts pages`` wrote, when given)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    bare = re.sub(r"^hooks:\n(?:[ \t]+- .*\n)+", "", text, flags=re.MULTILINE)
    if bare == text:
        raise RuntimeError("mkdocs.yml has no hooks: block to remove")
    if docs_dir is not None:
        moved = bare.replace("\ndocs_dir: docs\n", f"\ndocs_dir: {docs_dir}\n").replace(
            "base_path: [docs/generated/includes]", f"base_path: [{docs_dir}/generated/includes]")
        if moved.count(docs_dir) != 2:
            raise RuntimeError("mkdocs.yml has no 'docs_dir: docs' or snippets base_path to move")
        bare = moved
    path = project / "mkdocs-bare.yml"
    path.write_text(bare, encoding="utf-8")
    return path


def clear_generated(project: Path) -> None:
    for part in ("build/cache", "docs/generated", "site"):
        shutil.rmtree(project / part, ignore_errors=True)


BARE_DOCS = "docs-bare"


def copy_docs_for_bare(project: Path) -> None:
    """docs/ with the pages ``python -m scripts pages`` wrote, as bare MkDocs' docs_dir: a build with the hook
    finds no generated page under docs/ (it hands MkDocs its pages from one bundle), as on a fresh clone."""
    shutil.rmtree(project / BARE_DOCS, ignore_errors=True)
    shutil.copytree(project / "docs", project / BARE_DOCS)


def zensical_command() -> list[str] | None:
    exe = Path(sys.executable).with_name("zensical")
    return [str(exe)] if exe.is_file() else None


# The steps run ``rounds`` times, interleaved (ROUND_ORDERS): their ratios are the bounds of issue 8.
# What each is compared with: a build into an empty folder with bare MkDocs into an empty folder; a rebuild
# (which first removes its last site, as MkDocs does by default) with bare MkDocs over its own last output.
COMPARED = (("build", "bare"), ("rebuild", "bare, again"))
# Rounds alternate their order, so that neither side always runs first (a machine that drifts faster or slower
# over a run would favour one); a rebuild follows a build, bare MkDocs again follows bare MkDocs.
ROUND_ORDERS = (("build", "rebuild", "bare", "bare, again"), ("bare", "bare, again", "build", "rebuild"))


def settle_disk() -> None:
    """Flush what deleting the last outputs left to write, so that it is not done during the next timed step."""
    if hasattr(os, "sync"):
        os.sync()


def least_cpu(runs: list[Step]) -> Step:
    """The run of a repeated step that the machine disturbed least (timeit's rule: noise only adds time)."""
    good = [run for run in runs if run.ok] or runs
    return min(good, key=lambda run: run.cpu)


def bench_size(size: int, work: Path, *, search: bool, zensical: bool, full_text: bool, log: Any,
               rounds: int = 1) -> Result:
    py = sys.executable
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name in ("BRIEFINGS_DIR", "REGISTRY_DIR", "SEARCH_FULL_TEXT"):
        env.pop(name, None)
    result = Result(size)

    def step(name: str, args: list[str], cwd: Path, extra_env: dict[str, str] | None = None, label: str = "") -> Step:
        log(f"  {label or name} ...")
        measured = run_step(name, args, cwd, {**env, **(extra_env or {})})
        result.steps[name] = measured
        log(f"  {label or name}: {measured.wall:.1f} s wall, {measured.cpu:.1f} s CPU, {measured.peak_rss / 2**20:.0f} MiB"
            + ("" if measured.ok else f"  FAILED\n{measured.note}"))
        return measured

    log(f"N = {size}: corpus")
    start = time.perf_counter()
    project = prepare_project(work / str(size), size)
    result.steps["corpus"] = Step("corpus", round(time.perf_counter() - start, 2), 0.0, 0, True)
    # A start-up cache of its own, empty: the ingest step pays the cold start a fresh clone pays.
    env["BRIEFING_ARCHIVE_CACHE"] = str(work / str(size) / "start-up-cache")
    ingested = work / str(size) / "ingested"
    ingest = [py, "-m", "scripts", "ingest", "--quiet", "--seeds", str(project / "seeds"), "--briefings", str(ingested)]
    step("ingest", ingest, project)
    step("re-ingest", ingest, project)
    if accel.built(project) is not None:  # the same seeds again, drafted by the sources (a cold start of their own)
        step("ingest, interpreted", [*ingest[:-1], str(work / str(size) / "ingested-interpreted")], project,
             {accel.OFF_ENV: "1", "BRIEFING_ARCHIVE_CACHE": str(work / str(size) / "start-up-cache-interpreted")})
    step("check", [py, "-m", "scripts", "check"], project)
    clear_generated(project)
    step("pages", [py, "-m", "scripts", "pages"], project)
    copy_docs_for_bare(project)
    bare = [py, "-m", "mkdocs", "build", "--strict", "-f", str(bare_config(project, BARE_DOCS)), "-d", "site-bare"]
    commands = {"build": [py, "-m", "mkdocs", "build", "--strict"], "rebuild": [py, "-m", "mkdocs", "build", "--strict"],
                "bare": bare, "bare, again": bare}
    for number in range(1, rounds + 1):  # build, rebuild and bare side by side, so a busy spell hits all alike
        suffix = f" (round {number} of {rounds})" if rounds > 1 else ""
        for name in ROUND_ORDERS[(number - 1) % len(ROUND_ORDERS)]:
            if name == "build":
                clear_generated(project)  # from scratch: no cache, no generated pages, no site
            elif name == "bare":
                shutil.rmtree(project / "site-bare", ignore_errors=True)  # into an empty folder too
            settle_disk()
            result.rounds.setdefault(name, []).append(step(name, commands[name], project, label=name + suffix))
            if name == "build":
                result.site = site_facts(project / "site", ("search/search_index.json", "search/search_index.js"))
    bare_site = site_facts(project / "site-bare", ("search/search_index.json", "search/search_index.js"))
    if result.site is not None and (bare_site.pages, bare_site.files) != (result.site.pages, result.site.files):
        mismatch = (f"not the same site: bare MkDocs made {bare_site.pages} pages ({bare_site.files} files), "
                    f"the build {result.site.pages} ({result.site.files})")
        log("  " + mismatch)
        for run in result.rounds.get("bare", []) + result.rounds.get("bare, again", []):
            run.ok, run.note = False, mismatch  # no ratio against another site
    for name, runs in result.rounds.items():
        result.steps[name] = least_cpu(runs)
    if search:
        from .search import measure_search

        log("  search ...")
        result.search = measure_search(project / "site")
        log("  search: " + json.dumps(result.search.get("summary", result.search)))
        log_search_runs(result.search, log)
    if full_text:  # what putting the articles' text in the index costs
        step("build, full text", [py, "-m", "mkdocs", "build", "--strict", "-d", "site-full-text"], project,
             {"SEARCH_FULL_TEXT": "1"})
        result.full_text_site = site_facts(project / "site-full-text", ("search/search_index.json", "search/search_index.js"))
        if search:
            from .search import measure_search

            log("  search, full text ...")
            result.full_text_search = measure_search(project / "site-full-text")
            log("  search, full text: " + json.dumps(result.full_text_search.get("summary", result.full_text_search)))
    zensical_cmd = zensical_command() if zensical else None
    if zensical_cmd:
        run_step("pages again", [py, "-m", "scripts", "pages", "--quiet"], project, env)  # Zensical reads docs/generated/
        zensical_site = project / "site-zensical"
        config = project / "mkdocs-zensical.yml"  # the same configuration, another output folder
        config.write_text((project / "mkdocs.yml").read_text(encoding="utf-8").replace(
            "site_dir: site\n", "site_dir: site-zensical\n"), encoding="utf-8")
        step("zensical", [*zensical_cmd, "build", "--clean", "--strict", "-f", str(config)], project)
        if zensical_site.is_dir():
            result.zensical_site = site_facts(zensical_site, ("search.json", "search.js"))
    return result


def log_search_runs(search: dict[str, Any], log: Any) -> None:
    """Each search run on its own line, as measured (the log keeps them if a later step never ends)."""
    for run in search.get("runs", []):
        log(f"    {run['over']} {run['query']} ({run['when']}): first result {run['first_result_ms']:.0f} ms, "
            f"load event {run['load_ms']:.0f} ms, {mib(run['bytes_before_result'])} before it, "
            f"longest task {run['longest_task_ms']:.0f} ms, {run['foreign_requests']} other hosts, {run['first_result']}")
    for error in search.get("errors", []):
        log(f"    not measured: {error}")


# -- report -------------------------------------------------------------------------

STEP_ORDER = ("corpus", "accel", "ingest", "ingest, interpreted", "re-ingest", "check", "pages", "build", "rebuild", "bare", "bare, again", "build, full text", "zensical")


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 1024:.0f} KiB"


def table(results: list[Result]) -> str:
    """Markdown tables: every step's times and memory, then the summary the issue asks for."""
    lines = ["| N | step | wall (s) | CPU (s) | peak RSS | load |", "|---:|---|---:|---:|---:|---:|"]
    for r in results:
        for name in STEP_ORDER:
            if name in r.steps:
                s = r.steps[name]
                rss = mib(s.peak_rss) if s.peak_rss else ""
                load = "" if s.load is None else f"{s.load:.1f}"
                lines.append(f"| {r.size:,} | {name}{'' if s.ok else ' (FAILED)'} | {s.wall:.1f} | {s.cpu:.1f} | {rss} | {load} |")
    repeated = [r for r in results if any(len(runs) > 1 for runs in r.rounds.values())]
    if repeated:
        lines += ["", "| N | step | CPU of each round (s) | wall of each round (s) | kept (least CPU) | the hook's CPU in each (s) |",
                  "|---:|---|---|---|---:|---|"]
        for r in repeated:
            for name, runs in r.rounds.items():
                hook = ", ".join(f"{run.hook_cpu:.1f}" for run in runs if run.hook_cpu is not None)
                lines.append(f"| {r.size:,} | {name} | {', '.join(f'{run.cpu:.1f}' for run in runs)} | "
                             f"{', '.join(f'{run.wall:.1f}' for run in runs)} | {r.steps[name].cpu:.1f} | {hook} |")
    lines += ["", "| N | build ÷ bare: CPU, least | CPU, median of rounds | wall, those runs | within the build | "
              "rebuild ÷ bare again: CPU, least | CPU, median of rounds | wall, those runs | within the rebuild | "
              "zensical ÷ bare (wall) | site | pages | largest page | search index (json, js) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    def shown(ratio: float | None) -> str:
        return "" if ratio is None else f"{ratio}"

    for r in results:
        site = r.site
        index = ", ".join(mib(v) for v in site.search_index.values()) if site else ""
        largest = f"{mib(site.largest_page_bytes)} ({site.largest_page})" if site else ""
        ratios = [shown(ratio) for a, b in COMPARED
                  for ratio in (r.ratio(a, b), r.paired_ratio(a, b), r.ratio(a, b, "wall"), r.in_run_ratio(a))]
        lines.append(
            f"| {r.size:,} | {' | '.join(ratios)} | {shown(r.ratio('zensical', 'bare', 'wall'))} | "
            f"{mib(site.total_bytes) if site else ''} | {site.pages if site else ''} | {largest} | {index} |"
        )
    zensical = [r for r in results if r.zensical_site]
    if zensical:
        lines += ["", "| N | Zensical: wall (s) | CPU (s) | site | pages | largest page | search index (json, js) |",
                  "|---:|---:|---:|---:|---:|---|---|"]
        for r in zensical:
            z, s = r.zensical_site, r.steps["zensical"]
            assert z is not None
            lines.append(f"| {r.size:,} | {s.wall:.1f} | {s.cpu:.1f} | {mib(z.total_bytes)} | {z.pages} | "
                         f"{mib(z.largest_page_bytes)} ({z.largest_page}) | "
                         f"{', '.join(mib(v) for v in z.search_index.values())} |")
    full = [r for r in results if r.full_text_site]
    if full:
        lines += ["", "| N | full text: build wall (s) | CPU (s) | search index (json, js) |", "|---:|---:|---:|---|"]
        for r in full:
            f, s = r.full_text_site, r.steps["build, full text"]
            assert f is not None
            lines.append(f"| {r.size:,} | {s.wall:.1f} | {s.cpu:.1f} | {', '.join(mib(v) for v in f.search_index.values())} |")
    for label, key in (("", "search"), ("full text: ", "full_text_search")):
        searched = [r for r in results if getattr(r, key).get("runs")]
        if searched:
            lines += ["", f"| N | {label}over | query | load event (ms) | keystroke → first result (ms) | bytes before it | "
                      "longest main-thread task (ms) | other hosts | first result |",
                      "|---:|---|---|---:|---:|---:|---:|---:|---|"]
            for r in searched:
                for run in getattr(r, key)["runs"]:
                    lines.append(
                        f"| {r.size:,} | {run['over']} | {run['query']} ({run['when']}) | {run['load_ms']:.0f} | "
                        f"{run['first_result_ms']:.0f} | {mib(run['bytes_before_result'])} | {run['longest_task_ms']:.0f} | "
                        f"{run['foreign_requests']} | {run['first_result']} |"
                    )
        failed = [(r.size, error) for r in results for error in getattr(r, key).get("errors", [])]
        failed += [(r.size, why) for r in results if (why := getattr(r, key).get("skipped"))]
        if failed:  # a run that timed out or could not start is a result too
            lines += ["", f"| N | {label}search not measured |", "|---:|---|"]
            lines += [f"| {size:,} | {error} |" for size, error in failed]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average": load,
            "platform": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("N") or DEFAULT_SIZES,
                        help=f"comma-separated archive sizes (default: $N or {DEFAULT_SIZES})")
    parser.add_argument("--work", default=str(paths.ROOT / "build" / "bench"), help="where the projects are built")
    parser.add_argument("--out", default=str(paths.ROOT / "build" / "bench.json"), help="JSON results")
    parser.add_argument("--no-search", action="store_true", help="skip the browser measurement of search")
    parser.add_argument("--no-zensical", action="store_true", help="skip zensical build")
    parser.add_argument("--full-text", action="store_true",
                        help="also build with the articles' text in the search index, and measure its search")
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("ROUNDS") or 2),
                        help="times build, rebuild, bare and bare again run, interleaved; ratios of the least-CPU runs and "
                             "the median of the ratios within rounds (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the built projects (default: delete them)")
    parser.add_argument("--interpreted", action="store_true",
                        help="do not compile the drafting modules first (python -m scripts accel): ingest runs from the "
                             "sources, unless a build of the current code is there already")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work = Path(args.work)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    command = "make bench N=" + ",".join(str(s) for s in sizes) + (" ARGS=--full-text" if args.full_text else "")
    command += f" (rounds: {max(1, args.rounds)})"
    compile_step = None
    if not args.interpreted:  # once for every N; not part of any N's timing, like installing the packages
        log(f"accel: compiling the drafting modules ({paths.relative(accel.accel_root())}/) ...")
        compile_step = run_step("accel", [sys.executable, "-m", "scripts", "accel"], paths.ROOT)
        log(f"accel: {compile_step.wall:.1f} s wall, {compile_step.cpu:.1f} s CPU" + ("" if compile_step.ok else
            f"  FAILED: ingest runs interpreted\n{compile_step.note}"))
    results = []
    for size in sizes:
        results.append(bench_size(size, work, search=not args.no_search, zensical=not args.no_zensical,
                                  full_text=args.full_text, log=log, rounds=max(1, args.rounds)))
        if compile_step is not None:
            results[-1].steps = {"accel": compile_step, **results[-1].steps}
        if not args.keep:
            shutil.rmtree(work / str(size), ignore_errors=True)
    report = table(results)
    print(f"\n{command}\n\n{report}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"command": command, "machine": machine(), "results": [asdict(r) for r in results]},
                              indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {out}")
    return 0 if all(s.ok for r in results for s in r.steps.values()) else 1
