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
    (tmp_path / "mkdocs.yml").write_text(bare, encoding="utf-8")
    with pytest.raises(RuntimeError):
        run.bare_config(tmp_path)


def test_the_report_has_every_step_the_ratios_and_failed_searches():
    steps = {name: run.Step(name, 10.0 * (i + 1), 5.0 * (i + 1), 2**20 * (i + 1), True, load=1.0)
             for i, name in enumerate(("ingest", "re-ingest", "check", "pages", "build", "rebuild", "bare", "zensical"))}
    result = run.Result(1000, steps=steps,
                        site=run.SiteFacts(2**25, 10, 9, "generated/countries/russia.html", 50_000, {"search/search_index.json": 2**21}),
                        search={"runs": [{"over": "file", "query": "Rakhmon", "when": "cold", "load_ms": 300.0,
                                          "first_result_ms": 42.0, "bytes_before_result": 2**21, "longest_task_ms": 50.0,
                                          "foreign_requests": 0, "first_result": "generated/people/emomali-rahmon.html"}],
                                "errors": ["http hydropower: Timeout 120000ms exceeded."]})
    report = run.table([result])
    for name in steps:
        assert f"| 1,000 | {name} |" in report
    assert f"| 1,000 | {round(25 / 35, 2)} | {round(30 / 35, 2)} |" in report  # build and rebuild ÷ bare, CPU time
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
              "bare": [step("bare", 30.0), step("bare", 29.0), step("bare", 12.0, ok=False)]}
    assert run.least_cpu(rounds["bare"]).cpu == 29.0  # a failed run never counts, however quick
    result = run.Result(1000, steps={name: run.least_cpu(runs) for name, runs in rounds.items()}, rounds=rounds)
    report = run.table([result])
    assert "| 1,000 | build | 40.0, 33.0 | 41.0, 34.0 | 33.0 |" in report
    assert f"| 1,000 | {round(33 / 29, 2)} | {round(31 / 29, 2)} |" in report
