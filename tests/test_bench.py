"""The benchmark's own parts (scripts/bench/): the synthetic corpus, the bare configuration, the report.

Speed is never asserted here; ``make bench`` measures it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from scripts import paths
from scripts.bench import corpus, run
from scripts.registry import load_registry
from scripts.site.source import load_briefings


@pytest.fixture(scope="module")
def registry():
    return load_registry(paths.REGISTRY)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory, registry):
    small = tmp_path_factory.mktemp("small")
    large = tmp_path_factory.mktemp("large")
    return (small, corpus.write_corpus(small, 8, registry)), (large, corpus.write_corpus(large, 40, registry))


def test_article_i_depends_only_on_i(corpora):
    (small, a), (_, b) = corpora
    assert len(a.seeds) == 8 and len(b.seeds) == 40
    for seed in a.seeds:
        assert seed.read_bytes() == b.seeds[a.seeds.index(seed)].read_bytes()
    assert [p.read_bytes() for p in a.briefings] == [p.read_bytes() for p in b.briefings[:8]]


def test_the_corpus_is_valid_and_skewed_like_the_press(corpora, tmp_path):
    (_, _), (root, written) = corpora
    loaded = load_briefings(root / "briefings", paths.REGISTRY, root, cache=tmp_path / "cache.jsonl", workers=1)
    briefings = [b for _, b in loaded.briefings]
    assert len(briefings) == len(written.briefings)  # every briefing validates
    countries = Counter(c for b in briefings for c in b.countries)
    assert countries["Russia"] > len(briefings) / 2 and countries["China"] > len(briefings) / 2
    people = Counter(p for b in briefings for p in b.people)
    assert len(people) > 10 and people.most_common(1)[0][1] > 3 * min(people.values())  # a head and a tail
    assert 500 <= written.words / len(written.seeds) <= 900


def test_bare_config_drops_only_the_hook(tmp_path):
    text = (paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    bare = run.bare_config(tmp_path).read_text(encoding="utf-8")
    removed = Counter(text.splitlines()) - Counter(bare.splitlines())
    assert set(removed) == {"hooks:", "  - scripts/site/hooks.py"}
    assert not Counter(bare.splitlines()) - Counter(text.splitlines())  # nothing else changed
    moved = run.bare_config(tmp_path, "docs-bare").read_text(encoding="utf-8")
    assert set(Counter(bare.splitlines()) - Counter(moved.splitlines())) == {
        "docs_dir: docs", "      base_path: [docs/generated/includes]"}
    assert set(Counter(moved.splitlines()) - Counter(bare.splitlines())) == {
        "docs_dir: docs-bare", "      base_path: [docs-bare/generated/includes]"}
    (tmp_path / "mkdocs.yml").write_text(bare, encoding="utf-8")
    with pytest.raises(RuntimeError):
        run.bare_config(tmp_path)


def test_the_report_has_every_step_the_ratios_and_failed_searches():
    steps = {name: run.Step(name, 10.0 * (i + 1), 5.0 * (i + 1), 2**20 * (i + 1), True, load=1.0)
             for i, name in enumerate(("ingest", "re-ingest", "check", "pages", "build", "rebuild", "bare", "bare, again",
                                       "zensical"))}
    result = run.Result(1000, steps=steps,
                        site=run.SiteFacts(2**25, 10, 9, "generated/countries/russia.html", 50_000, {"search/search_index.json": 2**21}),
                        search={"runs": [{"over": "file", "query": "Rakhmon", "when": "cold", "load_ms": 300.0,
                                          "first_result_ms": 42.0, "bytes_before_result": 2**21, "longest_task_ms": 50.0,
                                          "foreign_requests": 0, "first_result": "generated/people/emomali-rahmon.html"}],
                                "errors": ["http hydropower: Timeout 120000ms exceeded."]})
    report = run.table([result])
    for name in steps:
        assert f"| 1,000 | {name} |" in report
    # build ÷ bare and rebuild ÷ bare again: CPU (least; no rounds, so no median), then wall
    # (and no hook time logged, so nothing within the build)
    assert f"| 1,000 | {round(25 / 35, 2)} |  | {round(50 / 70, 2)} |  | {round(30 / 40, 2)} |  | {round(60 / 80, 2)} |  |" in report
    assert "49 KiB (generated/countries/russia.html)" in report
    assert "| 1,000 | file | Rakhmon (cold) | 300 | 42 |" in report
    assert "| 1,000 | http hydropower: Timeout 120000ms exceeded. |" in report


def test_each_search_run_is_logged_as_measured():
    lines: list[str] = []
    run.log_search_runs({"runs": [{"over": "http", "query": "Rakhmon", "when": "cold", "load_ms": 300.4,
                                   "first_result_ms": 42.2, "bytes_before_result": 3 * 2**20, "longest_task_ms": 50.0,
                                   "foreign_requests": 0, "first_result": "generated/people/emomali-rahmon.html"}],
                         "errors": ["file hydropower: Timeout"]}, lines.append)
    assert lines == ["    http Rakhmon (cold): first result 42 ms, load event 300 ms, 3.0 MiB before it, longest task 50 ms, "
                     "0 other hosts, generated/people/emomali-rahmon.html", "    not measured: file hydropower: Timeout"]


def test_repeated_steps_keep_their_least_cpu_run_and_the_report_lists_every_round():
    def step(name, cpu, ok=True):
        return run.Step(name, cpu + 1, cpu, 2**20, ok)

    rounds = {"build": [step("build", 40.0), step("build", 33.0)], "rebuild": [step("rebuild", 31.0), step("rebuild", 35.0)],
              "bare": [step("bare", 30.0), step("bare", 29.0), step("bare", 12.0, ok=False)],
              "bare, again": [step("bare, again", 28.0), step("bare, again", 30.0)]}
    assert run.least_cpu(rounds["bare"]).cpu == 29.0  # a failed run never counts, however quick
    result = run.Result(1000, steps={name: run.least_cpu(runs) for name, runs in rounds.items()}, rounds=rounds)
    report = run.table([result])
    assert "| 1,000 | build | 40.0, 33.0 | 41.0, 34.0 | 33.0 |  |" in report
    # least CPU of each side; the median of the rounds' own ratios (two rounds: their mean); the wall time of the least-CPU runs
    build = f"{round(33 / 29, 2)} | {round((40 / 30 + 33 / 29) / 2, 2)} | {round(34 / 30, 2)}"
    rebuild = f"{round(31 / 28, 2)} | {round((31 / 28 + 35 / 30) / 2, 2)} | {round(32 / 29, 2)}"
    assert f"| 1,000 | {build} |  | {rebuild} |  |" in report


def test_paired_ratios_compare_runs_of_the_same_round():
    def runs(*cpu: float) -> list[run.Step]:
        return [run.Step("x", c, c, 0, True) for c in cpu]

    # The machine slowed down in round 2: both sides took longer. The least-CPU runs come from different
    # rounds (build's first, bare's first), the median of the rounds' ratios from their own pairs.
    result = run.Result(1000, rounds={"build": runs(110, 150, 112), "bare": runs(100, 140, 100)})
    result.steps = {name: run.least_cpu(r) for name, r in result.rounds.items()}
    assert result.ratio("build", "bare") == 1.1
    assert result.paired_ratio("build", "bare") == round(sorted([1.1, 150 / 140, 1.12])[1], 2)
    assert run.Result(1000, rounds={"build": runs(110), "bare": runs(100)}).paired_ratio("build", "bare") is None
    failed = run.Result(1000, rounds={"build": runs(110, 120), "bare": [*runs(100), run.Step("bare", 1, 1, 0, False)]})
    assert failed.paired_ratio("build", "bare") is None  # a failed run pairs with nothing


def test_the_hooks_generation_time_is_read_from_the_build_and_gives_a_ratio_within_each_build():
    from scripts.site import hooks

    logged = "INFO    -  archive: 3 briefing(s), 9 actor(s); 3 validated, 0 from the cache; 12 generated file(s), " \
             f"12 written, 0 deleted; {hooks.GENERATION_TIME.format(wall=1.234, cpu=2.5)}\nINFO    -  Documentation built"
    assert run.hook_cpu(logged) == 2.5
    assert run.hook_cpu("INFO    -  Documentation built in 3.1 seconds") is None  # bare MkDocs: no hook
    builds = [run.Step("build", 0, cpu, 0, True, hook_cpu=hook) for cpu, hook in ((44.0, 4.0), (66.0, 6.0), (33.0, 5.0))]
    result = run.Result(1000, rounds={"build": builds})
    assert result.in_run_ratio("build") == round(sorted([44 / 40, 66 / 60, 33 / 28])[1], 2)
    assert result.in_run_ratio("bare") is None


def test_the_hook_logs_its_generation_time(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    from mkdocs.config.defaults import MkDocsConfig

    from scripts.site import hooks, sample

    project = sample.copy_project(paths.ROOT, tmp_path / "project")
    sample.write_sample(project, hostile=False)
    config = MkDocsConfig(config_file_path=str(project / "mkdocs.yml"))
    config.load_file((project / "mkdocs.yml").open(encoding="utf-8"))
    assert not config.validate()[0]
    with caplog.at_level("INFO", logger="mkdocs.hooks.site"):
        hooks.on_pre_build(config)
    hooks.on_post_build(config)  # closes the bundle
    cpu = run.hook_cpu(caplog.text)
    assert cpu is not None and cpu > 0 and "6 validated" in caplog.text
