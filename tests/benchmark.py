"""Speed benchmarks (not part of the test suite): ``make bench``.

Measures registry loading, drafting per article, and a full ingest of a
synthetic batch of seeds. Goals (2-core CI machine):
  registry load < 3 s, drafting < 0.25 s per article, ingest of 200 seeds < 60 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import paths  # noqa: E402
from scripts.extract import draft_briefing  # noqa: E402
from scripts.registry import load_registry  # noqa: E402

GOALS = {"registry load (s)": 3.0, "draft per article (s)": 0.25, "ingest 200 seeds (s)": 60.0}


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main() -> int:
    results: dict[str, float] = {}
    results["registry load (s)"], registry = timed(load_registry, paths.REGISTRY)
    seeds = sorted(paths.SEEDS.glob("*.txt"))
    durations = []
    for _ in range(3):
        for seed in seeds:
            durations.append(timed(draft_briefing, seed, registry)[0])
    results["draft per article (s)"] = statistics.median(durations)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "briefings").mkdir()
        for index in range(200):
            source = seeds[index % len(seeds)]
            shutil.copy(source, root / "seeds" / f"{index:04d}_{source.name}")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "scripts", "ingest", "--quiet", "--seeds", str(root / "seeds"),
             "--briefings", str(root / "briefings")],
            cwd=paths.ROOT, check=True, capture_output=True,
        )
        results["ingest 200 seeds (s)"] = time.perf_counter() - start
    failed = False
    for name, value in results.items():
        ok = value <= GOALS[name]
        failed |= not ok
        print(f"{name:<24}{value:>9.3f}   goal <= {GOALS[name]:<6} {'ok' if ok else 'SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
